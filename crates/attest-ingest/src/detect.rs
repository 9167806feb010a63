//! Which format a file is in: its extension, checked against its first bytes.

use attest_model::Format;
use std::path::Path;

/// How many bytes are looked at to recognise a format.
pub(crate) const SNIFF_LEN: usize = 8 * 1024;

/// Extensions read when walking a directory.
const KNOWN_EXTENSIONS: &[&str] = &[
    "txt", "text", "html", "htm", "xhtml", "jsonl", "ndjson", "json", "xml", "rss", "atom", "eml",
];

/// Whether a file found in a directory is one attest reads.
pub(crate) fn has_known_extension(path: &Path) -> bool {
    extension(&path.to_string_lossy()).is_some_and(|e| KNOWN_EXTENSIONS.contains(&e.as_str()))
}

/// The lowercase extension of a file name.
fn extension(name: &str) -> Option<String> {
    let file = name.rsplit(['/', '\\']).next().unwrap_or(name);
    let (stem, ext) = file.rsplit_once('.')?;
    (!stem.is_empty() && !ext.is_empty()).then(|| ext.to_ascii_lowercase())
}

/// Recognises the format of a file named `name` that starts with `prefix` (at most
/// [`SNIFF_LEN`] bytes; `complete` when it is the whole file). Binary content is refused.
pub(crate) fn detect(name: &str, prefix: &[u8], complete: bool) -> Result<Format, String> {
    if let Some(reason) = binary_reason(prefix) {
        return Err(reason);
    }
    let sniffed = sniff(prefix, complete);
    let format = match extension(name).as_deref() {
        Some("html" | "htm" | "xhtml") => Format::Html,
        Some("jsonl" | "ndjson") => Format::Jsonl,
        Some("json") => match sniffed {
            Sniffed::Jsonl => Format::Jsonl,
            Sniffed::JsonArray => return Err("a JSON array: not a Telegram export".to_string()),
            _ => Format::Telegram,
        },
        Some("xml" | "rss" | "atom") => match sniffed {
            Sniffed::Html => Format::Html,
            _ => Format::Feed,
        },
        Some("eml") => Format::Email,
        _ => match sniffed {
            Sniffed::Text => Format::Text,
            Sniffed::Html => Format::Html,
            Sniffed::Feed => Format::Feed,
            Sniffed::Jsonl => Format::Jsonl,
            Sniffed::JsonDocument => Format::Telegram,
            Sniffed::Email => Format::Email,
            Sniffed::JsonArray => return Err("a JSON array: not a supported format".to_string()),
        },
    };
    Ok(format)
}

/// What the content looks like.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Sniffed {
    Text,
    Html,
    Feed,
    Jsonl,
    JsonDocument,
    JsonArray,
    Email,
}

/// Why a file is binary, if it is.
fn binary_reason(prefix: &[u8]) -> Option<String> {
    const MAGIC: &[(&[u8], &str)] = &[
        (b"%PDF", "a PDF document"),
        (b"PK\x03\x04", "a ZIP archive (or an office document)"),
        (b"\x89PNG", "a PNG image"),
        (b"GIF8", "a GIF image"),
        (b"\xFF\xD8\xFF", "a JPEG image"),
        (b"\x1F\x8B", "a gzip archive"),
        (b"\x28\xB5\x2F\xFD", "a zstd archive"),
        (b"SQLite format 3\0", "an SQLite database"),
        (b"\xFF\xFE", "UTF-16 text (convert it to UTF-8)"),
        (b"\xFE\xFF", "UTF-16 text (convert it to UTF-8)"),
    ];
    for (magic, what) in MAGIC {
        if prefix.starts_with(magic) {
            return Some(format!("binary file ({what}), not a report"));
        }
    }
    if prefix.contains(&0) {
        return Some("binary file (it contains NUL bytes), not a report".to_string());
    }
    let controls = prefix
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0C | 0x1B))
        .count();
    if !prefix.is_empty() && controls * 10 > prefix.len() {
        return Some("binary file (mostly control bytes), not a report".to_string());
    }
    None
}

/// Recognises a format from the first bytes alone.
fn sniff(prefix: &[u8], complete: bool) -> Sniffed {
    let text = String::from_utf8_lossy(prefix);
    let text = crate::strip_bom(&text).trim_start();
    if text.starts_with('<') {
        return sniff_markup(text);
    }
    if text.starts_with('[') {
        return Sniffed::JsonArray;
    }
    if text.starts_with('{') {
        let first_line = match text.split_once('\n') {
            Some((line, _)) => line,
            None if complete => text,
            None => return Sniffed::JsonDocument,
        };
        return match serde_json::from_str::<serde_json::Value>(first_line) {
            Ok(serde_json::Value::Object(map)) if !map.contains_key("messages") => Sniffed::Jsonl,
            Ok(_) => Sniffed::JsonDocument,
            // A first line holding `{` alone, or the start of a pretty-printed object.
            Err(_) if first_line.trim() == "{" => Sniffed::JsonDocument,
            // A broken first line in what looks like JSON Lines.
            Err(_)
                if text
                    .lines()
                    .nth(1)
                    .is_some_and(|l| l.trim_start().starts_with('{')) =>
            {
                Sniffed::Jsonl
            }
            Err(_) => Sniffed::JsonDocument,
        };
    }
    if looks_like_email(text) {
        return Sniffed::Email;
    }
    Sniffed::Text
}

/// Tells web pages from feeds.
fn sniff_markup(text: &str) -> Sniffed {
    let head: String = text
        .chars()
        .take(2048)
        .collect::<String>()
        .to_ascii_lowercase();
    let starts_html = [
        "<!doctype html",
        "<html",
        "<head",
        "<body",
        "<meta",
        "<title",
    ]
    .iter()
    .any(|tag| head.starts_with(tag));
    if starts_html {
        return Sniffed::Html;
    }
    if ["<rss", "<feed", "<rdf:rdf"]
        .iter()
        .any(|tag| head.contains(tag))
    {
        return Sniffed::Feed;
    }
    if head.contains("<html")
        || head.contains("<body")
        || head.contains("<p>")
        || head.contains("<div")
    {
        return Sniffed::Html;
    }
    if head.starts_with("<?xml") {
        // XML that is not a feed: let the feed reader say what is wrong with it.
        return Sniffed::Feed;
    }
    if head.contains("</") || head.contains("/>") {
        return Sniffed::Html;
    }
    // "<<Breaking>> Shelling resumed..." is text that happens to open with a bracket.
    Sniffed::Text
}

/// Whether the text opens with an e-mail header block.
fn looks_like_email(text: &str) -> bool {
    let mut names = Vec::new();
    for line in text.lines() {
        if line.is_empty() {
            break;
        }
        if line.starts_with([' ', '\t']) {
            continue; // folded header line
        }
        let Some((name, _)) = line.split_once(':') else {
            return false;
        };
        let valid =
            !name.is_empty() && name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-');
        if !valid {
            return false;
        }
        names.push(name.to_ascii_lowercase());
    }
    let has = |n: &str| names.iter().any(|x| x == n);
    [
        "received",
        "message-id",
        "mime-version",
        "return-path",
        "delivered-to",
    ]
    .iter()
    .any(|n| has(n))
        || (has("from") && (has("subject") || has("date")))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(name: &str, content: &str) -> Result<Format, String> {
        detect(name, content.as_bytes(), true)
    }

    #[test]
    fn extensions_decide_when_the_content_agrees() {
        assert_eq!(d("a.txt", "Title: x\n\nSome text."), Ok(Format::Text));
        assert_eq!(
            d("a.html", "<!DOCTYPE html><html></html>"),
            Ok(Format::Html)
        );
        assert_eq!(
            d("a.jsonl", "{\"id\":\"1\",\"text\":\"x\"}\n"),
            Ok(Format::Jsonl)
        );
        assert_eq!(
            d("result.json", "{\n \"name\": \"c\",\n \"messages\": []\n}"),
            Ok(Format::Telegram)
        );
        assert_eq!(
            d("a.rss", "<?xml version=\"1.0\"?><rss></rss>"),
            Ok(Format::Feed)
        );
        assert_eq!(
            d("a.eml", "From: a@b.c\nSubject: x\n\nbody"),
            Ok(Format::Email)
        );
    }

    #[test]
    fn content_overrides_a_misleading_extension() {
        assert_eq!(
            d(
                "page.txt",
                "\u{feff}  <!doctype html><html><body>x</body></html>"
            ),
            Ok(Format::Html)
        );
        assert_eq!(
            d(
                "dump.txt",
                "{\"id\":\"1\",\"text\":\"x\"}\n{\"id\":\"2\",\"text\":\"y\"}\n"
            ),
            Ok(Format::Jsonl)
        );
        assert_eq!(
            d("lines.json", "{\"id\":\"1\",\"text\":\"x\"}\n"),
            Ok(Format::Jsonl)
        );
        assert_eq!(
            d("feed.xml", "<html><body>not a feed</body></html>"),
            Ok(Format::Html)
        );
    }

    #[test]
    fn unknown_extensions_are_sniffed() {
        assert_eq!(d("noext", "Plain words."), Ok(Format::Text));
        assert_eq!(
            d(
                "x.dat",
                "<?xml version=\"1.0\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">"
            ),
            Ok(Format::Feed)
        );
        assert_eq!(
            d("x.msg", "Received: by x\nFrom: a\n\nbody"),
            Ok(Format::Email)
        );
        assert_eq!(
            d("x.out", "{\"id\":\"1\",\"text\":\"x\"}"),
            Ok(Format::Jsonl)
        );
        assert_eq!(d("x.out", "{\n\"messages\": []}"), Ok(Format::Telegram));
    }

    #[test]
    fn a_leading_bracket_is_not_markup() {
        assert_eq!(
            d("x.txt", "<<Urgent>> Shelling resumed at dawn."),
            Ok(Format::Text)
        );
        assert_eq!(
            d("x.txt", "<span>Shelling</span> resumed."),
            Ok(Format::Html)
        );
    }

    #[test]
    fn text_with_headers_is_not_taken_for_email() {
        assert_eq!(d("x", "Title: A\nSource: B\n\nText."), Ok(Format::Text));
        assert_eq!(d("x", "Note: this is text\nand more"), Ok(Format::Text));
    }

    #[test]
    fn binary_content_is_refused_whatever_the_name() {
        let err = detect("a.txt", b"%PDF-1.4\n...", true).unwrap_err();
        assert!(err.contains("PDF"), "{err}");
        let err = detect("a.jsonl", b"abc\0def", true).unwrap_err();
        assert!(err.contains("NUL"), "{err}");
        let err = detect("x", &[1, 2, 3, 4, 5, 6, 7, 8, b'a'], true).unwrap_err();
        assert!(err.contains("binary"), "{err}");
        assert!(detect("a.json", b"[1, 2]", true).is_err());
    }

    #[test]
    fn directory_walks_keep_known_extensions_only() {
        assert!(has_known_extension(Path::new("dir/a.TXT")));
        assert!(has_known_extension(Path::new("dir/result.json")));
        assert!(!has_known_extension(Path::new("dir/README.md")));
        assert!(!has_known_extension(Path::new("dir/Makefile")));
        assert!(!has_known_extension(Path::new("dir/.txt")));
    }
}
