//! Plain text files with optional header lines.

use crate::{decode_utf8, strip_bom, Incoming, InputError, Origin, LOSSY_WARNING};
use attest_model::Format;

/// The header lines a text file may open with.
#[derive(Debug, Default, PartialEq, Eq)]
pub(crate) struct Headers {
    pub(crate) title: Option<String>,
    pub(crate) published: Option<String>,
    pub(crate) source: Option<String>,
    pub(crate) url: Option<String>,
    pub(crate) language: Option<String>,
}

/// Splits `Title:` / `Published:` / `Source:` / `URL:` header lines (any case; `Date:` and
/// `Link:` are taken too) ended by a blank line off a text. Without such a block (every line
/// before the first blank one a known header) the whole text is the body.
pub(crate) fn split_headers(text: &str) -> (Headers, &str) {
    let mut headers = Headers::default();
    let mut offset = 0;
    let mut seen = 0;
    for line in text.split_inclusive('\n') {
        let content = line.trim_end_matches(['\n', '\r']);
        if content.trim().is_empty() {
            if seen == 0 {
                return (Headers::default(), text);
            }
            let body = &text[offset + line.len()..];
            return (headers, body.trim_start_matches(['\n', '\r']));
        }
        let Some((name, value)) = content.split_once(':') else {
            return (Headers::default(), text);
        };
        let value = Some(value.trim().to_string());
        match name.trim().to_ascii_lowercase().as_str() {
            "title" | "headline" => headers.title = value,
            "published" | "date" => headers.published = value,
            "source" => headers.source = value,
            "url" | "link" => headers.url = value,
            "language" | "lang" => headers.language = value,
            _ => return (Headers::default(), text),
        }
        seen += 1;
        offset += line.len();
    }
    // Headers and no body at all.
    if seen > 0 {
        (headers, "")
    } else {
        (Headers::default(), text)
    }
}

/// Reads a plain text file.
pub(crate) fn read(file_name: &str, bytes: &[u8], origin: Origin) -> Result<Incoming, InputError> {
    let (decoded, lossy) = decode_utf8(bytes);
    let (headers, body) = split_headers(strip_bom(&decoded));
    if body.trim().is_empty() {
        return Err(InputError::new(origin, "no text"));
    }
    let mut report = Incoming::new(
        file_name.to_string(),
        Format::Text,
        origin,
        bytes.to_vec(),
        body.to_string(),
    );
    report.title = headers.title;
    report.published = headers.published;
    report.source_name = headers.source;
    report.url = headers.url;
    report.language = headers.language;
    if lossy {
        report.warnings.push(LOSSY_WARNING.to_string());
    }
    Ok(report)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_block_is_split_off() {
        let text = "TITLE: Strike on bakery\r\npublished: 2016-04-27\r\nSource: Example\nURL: https://x.test/a\n\n\nBody line one.\nBody: with a colon.\n";
        let (h, body) = split_headers(text);
        assert_eq!(h.title.as_deref(), Some("Strike on bakery"));
        assert_eq!(h.published.as_deref(), Some("2016-04-27"));
        assert_eq!(h.source.as_deref(), Some("Example"));
        assert_eq!(h.url.as_deref(), Some("https://x.test/a"));
        assert_eq!(body, "Body line one.\nBody: with a colon.\n");
    }

    #[test]
    fn text_without_headers_is_whole() {
        let text = "Note: shelling resumed at dawn.\nTwo people were hurt.\n\nMore.";
        let (h, body) = split_headers(text);
        assert_eq!(h, Headers::default());
        assert_eq!(body, text);
        let (h, body) = split_headers("Just one paragraph.");
        assert_eq!(h, Headers::default());
        assert_eq!(body, "Just one paragraph.");
    }

    #[test]
    fn headers_only_is_no_text() {
        let err = read("a.txt", b"Title: x\n\n  \n", Origin::file("a.txt")).unwrap_err();
        assert_eq!(err.to_string(), "a.txt: no text");
    }
}
