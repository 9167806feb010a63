//! Walking the inputs: files, directories and standard input, one report at a time.

use crate::detect::{detect, has_known_extension, SNIFF_LEN};
use crate::jsonl::JsonlReader;
use crate::{email, feed, html, telegram, text, Incoming, InputError, Options, Origin};
use attest_model::Format;
use std::collections::VecDeque;
use std::fs::File;
use std::io::{self, BufRead, BufReader, Cursor, Read};
use std::path::{Path, PathBuf};

type Item = Result<Incoming, InputError>;
type Walk = Box<dyn Iterator<Item = walkdir::Result<walkdir::DirEntry>> + Send>;
type Stream = Box<dyn Iterator<Item = Item> + Send>;

/// Reads inputs one after the other (see [`crate::read_paths`]).
pub(crate) struct Reader {
    inputs: std::vec::IntoIter<PathBuf>,
    walk: Option<Walk>,
    pending: VecDeque<Item>,
    stream: Option<Stream>,
    opts: Options,
}

impl Reader {
    pub(crate) fn new(paths: Vec<PathBuf>, opts: Options) -> Self {
        Reader {
            inputs: paths.into_iter(),
            walk: None,
            pending: VecDeque::new(),
            stream: None,
            opts,
        }
    }

    /// The next file to read: from the directory being walked, else the next input.
    fn next_file(&mut self) -> Option<Result<PathBuf, InputError>> {
        loop {
            if let Some(walk) = &mut self.walk {
                match walk.next() {
                    Some(Ok(entry)) => {
                        let path = entry.path();
                        if path.is_file() && has_known_extension(path) {
                            return Some(Ok(entry.into_path()));
                        }
                        if path.is_file() {
                            tracing::debug!(path = %path.display(), "skipped: not a report format");
                        }
                        continue;
                    }
                    Some(Err(e)) => {
                        let path = e
                            .path()
                            .map_or_else(String::new, |p| p.display().to_string());
                        let reason = e
                            .io_error()
                            .map_or_else(|| e.to_string(), |io| format!("cannot read: {io}"));
                        return Some(Err(InputError::new(Origin::file(path), reason)));
                    }
                    None => self.walk = None,
                }
            }
            let input = self.inputs.next()?;
            if input.as_os_str() != "-" && input.is_dir() {
                let walk = walkdir::WalkDir::new(&input)
                    .sort_by_file_name()
                    .into_iter()
                    .filter_entry(|e| e.depth() == 0 || !is_hidden(e.file_name()));
                self.walk = Some(Box::new(walk));
                continue;
            }
            return Some(Ok(input));
        }
    }

    /// Opens a file (or standard input) and queues its reports or starts streaming them.
    fn open(&mut self, path: &Path) {
        let shown = if path.as_os_str() == "-" {
            "-".to_string()
        } else {
            path.display().to_string()
        };
        let file_name = path
            .file_name()
            .map_or_else(|| shown.clone(), |n| n.to_string_lossy().into_owned());
        let origin = Origin::file(shown.clone());
        let (mut input, size): (Box<dyn BufRead + Send>, Option<u64>) = if shown == "-" {
            (Box::new(BufReader::new(io::stdin())), None)
        } else {
            match File::open(path).and_then(|f| Ok((f.metadata()?.len(), f))) {
                Ok((size, f)) => (Box::new(BufReader::with_capacity(64 * 1024, f)), Some(size)),
                Err(e) => {
                    self.pending
                        .push_back(Err(InputError::new(origin, format!("cannot read: {e}"))));
                    return;
                }
            }
        };
        let mut prefix = Vec::with_capacity(SNIFF_LEN);
        if let Err(e) = (&mut input).take(SNIFF_LEN as u64).read_to_end(&mut prefix) {
            self.pending
                .push_back(Err(InputError::new(origin, format!("cannot read: {e}"))));
            return;
        }
        if prefix.is_empty() {
            self.pending
                .push_back(Err(InputError::new(origin, "empty file")));
            return;
        }
        let complete = prefix.len() < SNIFF_LEN;
        let format = match detect(&file_name, &prefix, complete) {
            Ok(f) => f,
            Err(reason) => {
                self.pending.push_back(Err(InputError::new(origin, reason)));
                return;
            }
        };
        let rest: Box<dyn BufRead + Send> =
            Box::new(BufReader::new(Cursor::new(prefix).chain(input)));
        if format == Format::Jsonl {
            self.stream = Some(Box::new(JsonlReader::new(rest, shown, self.opts.clone())));
            return;
        }
        let per_file = matches!(format, Format::Text | Format::Html | Format::Email);
        if per_file {
            if let Some(size) = size.filter(|&s| s > self.opts.max_size) {
                self.pending
                    .push_back(Err(over_limit(origin, size, self.opts.max_size)));
                return;
            }
        }
        let mut bytes = Vec::new();
        let read = if per_file {
            rest.take(self.opts.max_size + 1).read_to_end(&mut bytes)
        } else {
            let mut rest = rest;
            rest.read_to_end(&mut bytes)
        };
        if let Err(e) = read {
            self.pending
                .push_back(Err(InputError::new(origin, format!("cannot read: {e}"))));
            return;
        }
        if per_file && bytes.len() as u64 > self.opts.max_size {
            // Standard input, or a file that grew while it was read.
            self.pending.push_back(Err(InputError::new(
                origin,
                format!("over the size limit of {} bytes", self.opts.max_size),
            )));
            return;
        }
        self.stream = Some(read_document(format, &file_name, &shown, bytes, &self.opts));
    }
}

impl Iterator for Reader {
    type Item = Item;

    fn next(&mut self) -> Option<Item> {
        loop {
            if let Some(item) = self.pending.pop_front() {
                return Some(item);
            }
            if let Some(stream) = &mut self.stream {
                match stream.next() {
                    Some(item) => return Some(item),
                    None => self.stream = None,
                }
            }
            match self.next_file()? {
                Ok(path) => self.open(&path),
                Err(e) => return Some(Err(e)),
            }
        }
    }
}

/// Whether a directory entry is hidden (its name starts with a dot).
fn is_hidden(name: &std::ffi::OsStr) -> bool {
    name.to_string_lossy().starts_with('.')
}

/// The error for a file over the size limit.
fn over_limit(origin: Origin, size: u64, max: u64) -> InputError {
    InputError::new(
        origin,
        format!("file of {size} bytes is over the size limit of {max} bytes"),
    )
}

/// Reads a whole document of a known format.
fn read_document(
    format: Format,
    file_name: &str,
    path: &str,
    bytes: Vec<u8>,
    opts: &Options,
) -> Stream {
    let origin = Origin::file(path);
    let single = |r: Result<Incoming, InputError>| -> Stream {
        Box::new(std::iter::once(r.map(|r| r.finish(opts))))
    };
    match format {
        Format::Text => single(text::read(file_name, &bytes, origin)),
        Format::Html => single(html::read(file_name, &bytes, origin)),
        Format::Email => single(email::read(file_name, &bytes, origin)),
        Format::Feed => Box::new(feed::read(file_name, path, &bytes, opts).into_iter()),
        Format::Telegram => Box::new(telegram::read(file_name, path, bytes, opts)),
        Format::Jsonl => Box::new(JsonlReader::new(
            Cursor::new(bytes),
            path.to_string(),
            opts.clone(),
        )),
    }
}

/// Reads an input held in memory (see [`crate::read_bytes`]).
pub(crate) fn read_in_memory(name: &str, bytes: &[u8], opts: &Options) -> Vec<Item> {
    let origin = Origin::file(name);
    if bytes.is_empty() {
        return vec![Err(InputError::new(origin, "empty file"))];
    }
    let prefix = &bytes[..bytes.len().min(SNIFF_LEN)];
    let format = match detect(name, prefix, prefix.len() == bytes.len()) {
        Ok(f) => f,
        Err(reason) => return vec![Err(InputError::new(origin, reason))],
    };
    if matches!(format, Format::Text | Format::Html | Format::Email)
        && bytes.len() as u64 > opts.max_size
    {
        return vec![Err(over_limit(origin, bytes.len() as u64, opts.max_size))];
    }
    let file_name = name.rsplit(['/', '\\']).next().unwrap_or(name);
    read_document(format, file_name, name, bytes.to_vec(), opts).collect()
}
