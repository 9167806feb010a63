//! JSON Lines: the extraction contract's input, read line by line.

use crate::{decode_utf8, html_article, Incoming, InputError, Options, Origin, LOSSY_WARNING};
use attest_model::Format;
use serde::Deserialize;
use std::io::{self, BufRead};

/// One input line of the contract. Unknown fields are ignored.
#[derive(Debug, Deserialize)]
struct Line {
    id: Option<serde_json::Value>,
    text: Option<String>,
    html: Option<String>,
    published: Option<String>,
    title: Option<String>,
    url: Option<String>,
    source: Option<String>,
    #[serde(alias = "lang")]
    language: Option<String>,
}

/// Reads the reports of a JSON Lines stream one line at a time; no line longer than the size
/// limit is ever held in memory.
pub(crate) struct JsonlReader<R> {
    reader: R,
    path: String,
    opts: Options,
    line: u64,
    done: bool,
}

/// What reading one line gave.
enum Read {
    Eof,
    Line,
    TooLong(u64),
}

impl<R: BufRead> JsonlReader<R> {
    pub(crate) fn new(reader: R, path: String, opts: Options) -> Self {
        JsonlReader {
            reader,
            path,
            opts,
            line: 0,
            done: false,
        }
    }

    /// Reads the next line into `buf` (without its line break), unless it is over the limit.
    fn read_line(&mut self, buf: &mut Vec<u8>) -> io::Result<Read> {
        buf.clear();
        let limit = self.opts.max_size;
        let mut total: u64 = 0;
        let mut too_long = false;
        let mut any = false;
        loop {
            let available = match self.reader.fill_buf() {
                Ok(bytes) => bytes,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(e),
            };
            if available.is_empty() {
                break;
            }
            any = true;
            let (chunk, used, ended) = match available.iter().position(|&b| b == b'\n') {
                Some(i) => (&available[..i], i + 1, true),
                None => (available, available.len(), false),
            };
            total += chunk.len() as u64;
            if total > limit {
                too_long = true;
                buf.clear();
            } else {
                buf.extend_from_slice(chunk);
            }
            self.reader.consume(used);
            if ended {
                break;
            }
        }
        if !any {
            return Ok(Read::Eof);
        }
        if too_long {
            return Ok(Read::TooLong(total));
        }
        if buf.last() == Some(&b'\r') {
            buf.pop();
        }
        Ok(Read::Line)
    }
}

impl<R: BufRead> Iterator for JsonlReader<R> {
    type Item = Result<Incoming, InputError>;

    fn next(&mut self) -> Option<Self::Item> {
        let mut buf = Vec::new();
        while !self.done {
            let read = self.read_line(&mut buf);
            self.line += 1;
            let origin = Origin::at_line(self.path.clone(), self.line);
            match read {
                Ok(Read::Eof) => self.done = true,
                Ok(Read::TooLong(size)) => {
                    return Some(Err(InputError::new(
                        origin,
                        format!(
                            "line of {size} bytes is over the size limit of {} bytes",
                            self.opts.max_size
                        ),
                    )))
                }
                Ok(Read::Line) => {
                    if buf.iter().all(u8::is_ascii_whitespace) {
                        continue;
                    }
                    return Some(parse_line(&buf, origin, &self.opts));
                }
                Err(e) => {
                    self.done = true;
                    return Some(Err(InputError::new(origin, format!("read error: {e}"))));
                }
            }
        }
        None
    }
}

/// The id of a line: a string, or a number written as one.
fn id_of(value: &serde_json::Value) -> Option<String> {
    match value {
        serde_json::Value::String(s) if !s.trim().is_empty() => Some(s.clone()),
        serde_json::Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// serde_json's message without its "at line 1 column N" tail (the line is in the origin).
fn json_reason(e: &serde_json::Error) -> String {
    let message = e.to_string();
    let message = message
        .rsplit_once(" at line ")
        .map_or(message.as_str(), |(m, _)| m);
    format!("invalid JSON at column {}: {message}", e.column())
}

/// Reads one non-blank line.
fn parse_line(bytes: &[u8], origin: Origin, opts: &Options) -> Result<Incoming, InputError> {
    // A byte order mark may open the first line.
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let (decoded, lossy) = decode_utf8(bytes);
    let line: Line = match serde_json::from_str(&decoded) {
        Ok(line) => line,
        Err(e) => {
            // Name the line's id when the JSON is sound and only a field is wrong.
            let id = serde_json::from_str::<serde_json::Value>(&decoded)
                .ok()
                .and_then(|v| v.get("id").and_then(id_of));
            let reason = if e.is_data() && !decoded.trim_start().starts_with('{') {
                "not a JSON object".to_string()
            } else if e.is_data() {
                let message = e.to_string();
                let message = message
                    .rsplit_once(" at line ")
                    .map_or(message.as_str(), |(m, _)| m);
                format!("bad field: {message}")
            } else {
                json_reason(&e)
            };
            return Err(InputError::new(origin, reason).with_id(id));
        }
    };
    let Some(id) = line.id.as_ref().and_then(id_of) else {
        return Err(InputError::new(
            origin,
            "missing \"id\" (a string or number)",
        ));
    };
    let mut article = None;
    let (text, html) = match (line.text, line.html) {
        (Some(text), _) if !text.trim().is_empty() => (text, false),
        (_, Some(html)) if !html.trim().is_empty() => {
            let mut a = html_article(&html);
            let text = std::mem::take(&mut a.text);
            article = Some(a);
            (text, true)
        }
        _ => {
            return Err(
                InputError::new(origin, "neither \"text\" nor \"html\" is given").with_id(Some(id)),
            )
        }
    };
    if text.trim().is_empty() {
        return Err(InputError::new(origin, "no text found in \"html\"").with_id(Some(id)));
    }
    let mut report = Incoming::new(id, Format::Jsonl, origin, bytes.to_vec(), text);
    report.html = html;
    report.title = line.title;
    report.published = line.published;
    report.url = line.url;
    report.source_name = line.source;
    report.language = line.language;
    if let Some(a) = article {
        report.title = report.title.or(a.title);
        report.published = report.published.or(a.published);
        report.language = report.language.or(a.language);
    }
    if lossy {
        report.warnings.push(LOSSY_WARNING.to_string());
    }
    Ok(report.finish(opts))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read_all(input: &[u8], max_size: u64) -> Vec<Result<Incoming, InputError>> {
        let opts = Options {
            max_size,
            ..Options::default()
        };
        JsonlReader::new(
            io::BufReader::with_capacity(16, input),
            "in.jsonl".into(),
            opts,
        )
        .collect()
    }

    #[test]
    fn lines_become_reports_with_exact_originals() {
        let input = b"{\"id\":\"r1\",\"text\":\"Two killed.\",\"published\":\"2016-04-28\",\"extra\":1}\r\n\n   \n{\"id\":7,\"text\":\"x\",\"source\":\"S\"}";
        let out = read_all(input, 1000);
        assert_eq!(out.len(), 2);
        let r1 = out[0].as_ref().unwrap();
        assert_eq!(r1.external_id, "r1");
        assert_eq!(r1.text, "Two killed.");
        assert_eq!(r1.published.as_deref(), Some("2016-04-28"));
        assert_eq!(
            r1.original,
            &input[..input.iter().position(|&b| b == b'\r').unwrap()]
        );
        assert_eq!(r1.origin, Origin::at_line("in.jsonl", 1));
        let r2 = out[1].as_ref().unwrap();
        assert_eq!(r2.external_id, "7");
        assert_eq!(r2.source_name.as_deref(), Some("S"));
        assert_eq!(r2.origin.line, Some(4));
        assert_eq!(r2.original, b"{\"id\":7,\"text\":\"x\",\"source\":\"S\"}");
    }

    #[test]
    fn bad_lines_are_errors_and_reading_goes_on() {
        let input = b"{\"id\":\"a\",\"text\":\"ok\"}\n{\"id\":\"b\",\"text\":\n{\"id\":\"c\"}\n{\"text\":\"no id\"}\n[1]\n{\"id\":\"d\",\"text\":5}\n{\"id\":\"e\",\"text\":\"ok\"}\n";
        let out = read_all(input, 1000);
        assert_eq!(out.len(), 7);
        assert!(out[0].is_ok() && out[6].is_ok());
        let errs: Vec<String> = out[1..6]
            .iter()
            .map(|r| r.as_ref().unwrap_err().to_string())
            .collect();
        assert!(
            errs[0].starts_with("in.jsonl:2: invalid JSON"),
            "{}",
            errs[0]
        );
        assert_eq!(
            errs[1],
            "in.jsonl:3: neither \"text\" nor \"html\" is given"
        );
        assert_eq!(
            out[2].as_ref().unwrap_err().external_id.as_deref(),
            Some("c")
        );
        assert_eq!(errs[2], "in.jsonl:4: missing \"id\" (a string or number)");
        assert_eq!(errs[3], "in.jsonl:5: not a JSON object");
        assert!(errs[4].starts_with("in.jsonl:6: bad field"), "{}", errs[4]);
        assert_eq!(
            out[5].as_ref().unwrap_err().external_id.as_deref(),
            Some("d")
        );
    }

    #[test]
    fn lines_over_the_limit_are_skipped_without_stopping() {
        let long = format!("{{\"id\":\"big\",\"text\":\"{}\"}}\n", "x".repeat(200));
        let input = format!("{long}{{\"id\":\"small\",\"text\":\"y\"}}\n");
        let out = read_all(input.as_bytes(), 100);
        assert_eq!(out.len(), 2);
        let err = out[0].as_ref().unwrap_err();
        assert_eq!(err.origin.line, Some(1));
        assert!(
            err.reason.contains("over the size limit of 100 bytes"),
            "{}",
            err.reason
        );
        assert_eq!(out[1].as_ref().unwrap().external_id, "small");
    }

    #[test]
    fn a_byte_order_mark_is_skipped() {
        let out = read_all(b"\xEF\xBB\xBF{\"id\":\"b\",\"text\":\"x\"}\n", 100);
        let r = out[0].as_ref().unwrap();
        assert_eq!(r.original, b"{\"id\":\"b\",\"text\":\"x\"}");
    }

    #[test]
    fn html_lines_are_read_as_pages() {
        let page = "<html lang='ar'><head><title>T</title></head><body><p>Barrel bombs fell on the Tariq al-Bab district of Aleppo at dawn, killing at least seven people, according to the civil defence.</p></body></html>";
        let line = serde_json::json!({"id": "h", "html": page}).to_string();
        let out = read_all(line.as_bytes(), 10_000);
        let r = out[0].as_ref().unwrap();
        assert!(r.html);
        assert!(r.text.starts_with("Barrel bombs fell"), "{}", r.text);
        assert_eq!(r.language.as_deref(), Some("ar"));
    }

    #[test]
    fn invalid_utf8_is_decoded_lossily_with_a_warning() {
        let out = read_all(b"{\"id\":\"u\",\"text\":\"caf\xE9\"}\n", 100);
        let r = out[0].as_ref().unwrap();
        assert_eq!(r.text, "caf\u{FFFD}");
        assert_eq!(r.warnings, vec![LOSSY_WARNING.to_string()]);
        assert_eq!(r.original, b"{\"id\":\"u\",\"text\":\"caf\xE9\"}");
    }
}
