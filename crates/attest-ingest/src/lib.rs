//! # attest-ingest
//!
//! Reads report files of every supported format into [`Incoming`] reports: each one carries
//! the text attest works on, what the data says about it (title, date, source, address,
//! language) and the **original bytes** it was read from, exactly as they were in the input,
//! so that the store can hash and keep them.
//!
//! | format | how it is recognised | one report per |
//! |---|---|---|
//! | plain text, optional `Title:` / `Published:` / `Source:` / `URL:` header lines | `.txt`, or text | file |
//! | a saved web page (the article is found with `dom_smoothie`) | `.html`, `.htm`, or `<html` | file |
//! | JSON Lines, the input of the extraction contract | `.jsonl`, `.ndjson`, or a JSON object per line | line |
//! | RSS or Atom feed | `.xml`, `.rss`, `.atom`, or `<rss` / `<feed` | item |
//! | Telegram Desktop channel export (`result.json`) | `.json` | message |
//! | e-mail message | `.eml`, or mail headers | file |
//!
//! The extension is checked against the content: a `.txt` file that holds a web page is read
//! as a web page, a binary file is refused whatever its name. Files are read one at a time,
//! and JSON Lines files line by line, so inputs of any size stream through in bounded memory.
//!
//! ```
//! use attest_ingest::{read_bytes, Options};
//!
//! let file = b"Title: Market hit\nPublished: 2016-04-27\n\nAt least 12 people were killed.\n";
//! let reports = read_bytes("report.txt", file, &Options::default());
//! let report = reports[0].as_ref().expect("a valid report");
//! assert_eq!(report.title.as_deref(), Some("Market hit"));
//! assert_eq!(report.text, "At least 12 people were killed.\n");
//! assert_eq!(report.original, file);
//! ```
#![deny(missing_docs)]
#![doc(test(attr(deny(warnings))))]

mod date;
mod detect;
mod email;
mod feed;
mod html;
mod jsonl;
mod paths;
mod telegram;
mod text;

use attest_model::Format;
use std::fmt;
use std::path::PathBuf;

pub use date::normalise_date;
pub use html::{html_article, html_to_text, Article};

/// The default size limit: 20 MiB.
pub const DEFAULT_MAX_SIZE: u64 = 20 * 1024 * 1024;

/// How to read the input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Options {
    /// Largest report accepted, in bytes: per file for text, web pages and e-mail, per report
    /// (line, item, message) for JSON Lines, feeds and Telegram exports.
    pub max_size: u64,
    /// Source name to give every report, overriding what the data says.
    pub source: Option<String>,
    /// Publication date to give every report, overriding what the data says.
    pub published: Option<String>,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            max_size: DEFAULT_MAX_SIZE,
            source: None,
            published: None,
        }
    }
}

/// Where a report, or an error, was read from.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Origin {
    /// The file path as given (joined with the directory when found by walking one), or `-`
    /// for standard input.
    pub path: String,
    /// The 1-based line: of the line in a JSON Lines file; of the start of the item or message
    /// in a feed or Telegram export.
    pub line: Option<u64>,
}

impl Origin {
    /// An origin without a line.
    pub fn file(path: impl Into<String>) -> Self {
        Origin {
            path: path.into(),
            line: None,
        }
    }

    /// An origin with a line.
    pub fn at_line(path: impl Into<String>, line: u64) -> Self {
        Origin {
            path: path.into(),
            line: Some(line),
        }
    }
}

impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "{}:{line}", self.path),
            None => f.write_str(&self.path),
        }
    }
}

/// One report read from the input, not yet stored.
#[derive(Debug, Clone, PartialEq)]
pub struct Incoming {
    /// The id it comes with: a JSON line's `id`, a feed item's guid (else its link), a Telegram
    /// message's `<channel id>/<message id>`, an e-mail's Message-ID; else the file name.
    pub external_id: String,
    /// The source: the `--source` override, else what the data says (a JSON line's `source`,
    /// a text file's `Source:` header, the feed or channel title, the e-mail sender's name).
    pub source_name: Option<String>,
    /// The report's address.
    pub url: Option<String>,
    /// The headline.
    pub title: Option<String>,
    /// Publication date or date-time, ISO 8601 (`2016-04-27`, `2016-04-27T14:03:00`,
    /// `2016-04-27T14:03:00+02:00`).
    pub published: Option<String>,
    /// Language tag, when the data says.
    pub language: Option<String>,
    /// The input format.
    pub format: Format,
    /// The report's original bytes, exactly as in the input: the whole file for text, web
    /// pages and e-mail; the line (without its line break) for JSON Lines; the `<item>` or
    /// `<entry>` element for feeds; the message's JSON object for Telegram.
    pub original: Vec<u8>,
    /// The text attest works on: the article text of a web page, the body of an e-mail, the
    /// flattened text of a Telegram message, the content of a feed item as text.
    pub text: String,
    /// Whether `text` was taken out of HTML.
    pub html: bool,
    /// Anything odd met while reading it.
    pub warnings: Vec<String>,
    /// Where it was read from.
    pub origin: Origin,
}

impl Incoming {
    /// A report with nothing but its id, format, origin, original bytes and text.
    fn new(
        external_id: String,
        format: Format,
        origin: Origin,
        original: Vec<u8>,
        text: String,
    ) -> Self {
        Incoming {
            external_id,
            source_name: None,
            url: None,
            title: None,
            published: None,
            language: None,
            format,
            original,
            text,
            html: false,
            warnings: Vec::new(),
            origin,
        }
    }

    /// Applies the `--source` and `--published` overrides and normalises the date.
    fn finish(mut self, opts: &Options) -> Self {
        if let Some(source) = &opts.source {
            self.source_name = Some(source.clone());
        }
        if let Some(published) = &opts.published {
            self.published = Some(published.clone());
        }
        if let Some(published) = self.published.take() {
            match normalise_date(&published) {
                Some(date) => self.published = Some(date),
                None => self.warnings.push(format!(
                    "publication date '{published}' not understood, ignored"
                )),
            }
        }
        self.title = self.title.and_then(non_blank);
        self.source_name = self.source_name.and_then(non_blank);
        self.url = self.url.and_then(non_blank);
        self.language = self.language.and_then(non_blank);
        self
    }
}

/// Trims a string, `None` when nothing is left.
fn non_blank(s: String) -> Option<String> {
    let trimmed = s.trim();
    if trimmed.is_empty() {
        None
    } else if trimmed.len() == s.len() {
        Some(s)
    } else {
        Some(trimmed.to_string())
    }
}

/// A part of the input that could not be read as a report.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{origin}: {reason}")]
pub struct InputError {
    /// Where.
    pub origin: Origin,
    /// Why, for a person.
    pub reason: String,
    /// The report's id when it is known (a JSON line whose `id` was read but whose text is
    /// missing), so that the contract's error line can name it.
    pub external_id: Option<String>,
}

impl InputError {
    fn new(origin: Origin, reason: impl Into<String>) -> Self {
        InputError {
            origin,
            reason: reason.into(),
            external_id: None,
        }
    }

    fn with_id(mut self, id: Option<String>) -> Self {
        self.external_id = id;
        self
    }
}

/// Reads files, directories (recursively, in name order, skipping hidden entries; inside a
/// directory only files with a known extension are read) and `-` for standard input.
///
/// Reports come out one at a time: a JSON Lines file is read line by line, other files one at
/// a time. An unreadable file, directory or line yields an error and the iteration goes on.
pub fn read_paths(
    paths: &[PathBuf],
    opts: &Options,
) -> impl Iterator<Item = Result<Incoming, InputError>> + Send {
    paths::Reader::new(paths.to_vec(), opts.clone())
}

/// Reads one input held in memory (an upload): `name` gives the file name, whose extension
/// is checked against the content like a file's.
pub fn read_bytes(name: &str, bytes: &[u8], opts: &Options) -> Vec<Result<Incoming, InputError>> {
    paths::read_in_memory(name, bytes, opts)
}

/// Decodes bytes as UTF-8, lossily: the second value says whether anything was replaced.
fn decode_utf8(bytes: &[u8]) -> (std::borrow::Cow<'_, str>, bool) {
    let text = String::from_utf8_lossy(bytes);
    let lossy = matches!(text, std::borrow::Cow::Owned(_));
    (text, lossy)
}

/// The warning given when invalid UTF-8 was replaced.
const LOSSY_WARNING: &str = "invalid UTF-8 decoded lossily";

/// Strips a UTF-8 byte order mark.
fn strip_bom(s: &str) -> &str {
    s.strip_prefix('\u{feff}').unwrap_or(s)
}
