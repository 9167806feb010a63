//! E-mail messages (`.eml`).

use crate::{html_to_text, Incoming, InputError, Origin};
use attest_model::Format;
use mail_parser::{MessageParser, PartType};

/// Reads one e-mail message: the subject is the title, the Date header the publication
/// date, the plain text body the text (else the HTML body as text), the sender's display
/// name the source.
pub(crate) fn read(file_name: &str, bytes: &[u8], origin: Origin) -> Result<Incoming, InputError> {
    let Some(message) = MessageParser::default().parse(bytes) else {
        return Err(InputError::new(origin, "not a readable e-mail message"));
    };
    let plain = message
        .text_part(0)
        .and_then(|part| match &part.body {
            PartType::Text(text) => Some(text.to_string()),
            _ => None,
        })
        .filter(|t| !t.trim().is_empty());
    let (text, html) = match plain {
        Some(text) => (text, false),
        None => match message.body_html(0) {
            Some(html) => (html_to_text(&html), true),
            None => (String::new(), false),
        },
    };
    if text.trim().is_empty() {
        return Err(InputError::new(
            origin,
            "e-mail message without a text body",
        ));
    }
    let external_id = message
        .message_id()
        .map(|id| id.trim().to_string())
        .filter(|id| !id.is_empty())
        .unwrap_or_else(|| file_name.to_string());
    let mut report = Incoming::new(external_id, Format::Email, origin, bytes.to_vec(), text);
    report.html = html;
    report.title = message.subject().map(str::to_string);
    report.published = message
        .header_raw("Date")
        .map(|d| d.trim().to_string())
        .filter(|d| crate::normalise_date(d).is_some())
        .or_else(|| message.date().map(|d| d.to_rfc3339()));
    report.source_name = message
        .from()
        .and_then(|from| from.first())
        .and_then(|addr| {
            addr.name()
                .map(str::to_string)
                .or_else(|| addr.address().map(str::to_string))
        });
    report.language = message
        .header_raw("Content-Language")
        .map(|l| l.trim().to_string());
    Ok(report)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_text_mail() {
        let mail = b"From: \"Field Desk\" <desk@example.test>\r\nTo: a@example.test\r\nSubject: Car bomb in Baghdad\r\nDate: Sun, 3 Jul 2016 01:15:00 +0300\r\nMessage-ID: <abc@example.test>\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nA car bomb exploded in Karrada.\r\n";
        let r = read("m.eml", mail, Origin::file("m.eml")).unwrap();
        assert_eq!(r.external_id, "abc@example.test");
        assert_eq!(r.title.as_deref(), Some("Car bomb in Baghdad"));
        assert_eq!(
            r.published.as_deref(),
            Some("Sun, 3 Jul 2016 01:15:00 +0300")
        );
        assert_eq!(r.source_name.as_deref(), Some("Field Desk"));
        assert_eq!(r.text.trim_end(), "A car bomb exploded in Karrada.");
        assert!(!r.html);
        assert_eq!(r.original, mail);
    }

    #[test]
    fn html_only_mail_is_converted() {
        let mail = b"From: x@example.test\nSubject: S\nContent-Type: text/html\n\n<p>First.</p><p>Second &amp; last.</p>\n";
        let r = read("m.eml", mail, Origin::file("m.eml")).unwrap();
        assert_eq!(r.text, "First.\n\nSecond & last.");
        assert!(r.html);
        assert_eq!(r.external_id, "m.eml");
        assert_eq!(r.source_name.as_deref(), Some("x@example.test"));
    }
}
