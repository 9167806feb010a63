//! RSS and Atom feeds: one report per item, its original the item's element.

use crate::{html_to_text, Incoming, InputError, Options, Origin};
use attest_model::Format;
use chrono::SecondsFormat;
use feed_rs::model::{Entry, Text};
use quick_xml::events::Event;
use std::ops::Range;

/// Where an item's element lies in the feed, and the publication date as written in it.
#[derive(Debug, Clone, PartialEq, Eq)]
struct ItemSpan {
    bytes: Range<usize>,
    line: u64,
    /// `pubDate`, `published`, `dc:date`, else `updated`, as written (time zone kept).
    date: Option<String>,
}

/// Finds the top-level `<item>` / `<entry>` elements (any namespace prefix) of a feed.
fn item_spans(bytes: &[u8]) -> Result<Vec<ItemSpan>, String> {
    let mut reader = quick_xml::Reader::from_reader(bytes);
    reader.config_mut().check_end_names = false;
    let mut spans = Vec::new();
    let mut depth = 0usize; // depth inside the current item, 0 outside
    let mut start = 0usize;
    let mut capture: Option<u8> = None; // rank of the date element being read
    let mut dates: Vec<(u8, String)> = Vec::new();
    let mut line = 1u64;
    let mut counted = 0usize; // bytes whose newlines are counted in `line`
    let mut line_at = |pos: usize| {
        let between = bytes.get(counted..pos).unwrap_or_default();
        line += between.iter().filter(|&&b| b == b'\n').count() as u64;
        counted = pos.max(counted);
        line
    };
    let is_item = |name: &[u8]| name == b"item" || name == b"entry";
    let date_rank = |name: &[u8]| match name {
        b"pubDate" | b"published" | b"issued" => Some(0),
        b"date" => Some(1),
        b"updated" | b"modified" => Some(2),
        _ => None,
    };
    loop {
        let before = reader.buffer_position() as usize;
        let event = reader
            .read_event()
            .map_err(|e| format!("XML error at byte {}: {e}", reader.error_position()))?;
        match event {
            Event::Start(e) => {
                let name = e.local_name();
                if depth == 0 && is_item(name.as_ref()) {
                    depth = 1;
                    start = before;
                    dates.clear();
                } else if depth > 0 {
                    depth += 1;
                    if depth == 2 {
                        capture = date_rank(name.as_ref());
                        if let Some(rank) = capture {
                            dates.push((rank, String::new()));
                        }
                    }
                }
            }
            Event::Empty(e) if depth == 0 && is_item(e.local_name().as_ref()) => {
                let end = reader.buffer_position() as usize;
                spans.push(ItemSpan {
                    bytes: before..end,
                    line: line_at(before),
                    date: None,
                });
            }
            Event::Text(t) if capture.is_some() => {
                if let (Ok(text), Some(last)) = (t.decode(), dates.last_mut()) {
                    last.1.push_str(&text);
                }
            }
            Event::CData(t) if capture.is_some() => {
                if let (Ok(text), Some(last)) = (t.decode(), dates.last_mut()) {
                    last.1.push_str(&text);
                }
            }
            Event::End(_) if depth > 0 => {
                depth -= 1;
                capture = None;
                if depth == 0 {
                    let end = reader.buffer_position() as usize;
                    dates.sort_by_key(|(rank, _)| *rank);
                    let date = dates
                        .iter()
                        .map(|(_, d)| d.trim())
                        .find(|d| !d.is_empty())
                        .map(str::to_string);
                    spans.push(ItemSpan {
                        bytes: start..end,
                        line: line_at(start),
                        date,
                    });
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(spans)
}

/// Whether a feed text holds markup.
fn is_html(text: &Text) -> bool {
    matches!(
        text.content_type.subty().as_str(),
        "html" | "xhtml" | "xhtml+xml"
    )
}

/// A feed text as plain text.
fn text_of(text: &Text) -> String {
    if is_html(text) {
        html_to_text(&text.content)
    } else {
        text.content.trim().to_string()
    }
}

/// Reads a feed.
pub(crate) fn read(
    file_name: &str,
    path: &str,
    bytes: &[u8],
    opts: &Options,
) -> Vec<Result<Incoming, InputError>> {
    let parser = feed_rs::parser::Builder::new()
        .id_generator(|_, _, _| String::new())
        .sanitize_content(false)
        .build();
    let feed = match parser.parse(bytes) {
        Ok(feed) => feed,
        Err(e) => {
            return vec![Err(InputError::new(
                Origin::file(path),
                format!("not a readable RSS or Atom feed: {e}"),
            ))]
        }
    };
    if feed.entries.is_empty() {
        return vec![Err(InputError::new(
            Origin::file(path),
            "feed has no items",
        ))];
    }
    let spans = match item_spans(bytes) {
        Ok(spans) if spans.len() == feed.entries.len() => Some(spans),
        Ok(spans) => {
            tracing::warn!(
                path,
                found = spans.len(),
                items = feed.entries.len(),
                "feed items not located"
            );
            None
        }
        Err(e) => {
            tracing::warn!(path, error = %e, "feed items not located");
            None
        }
    };
    let source = feed.title.as_ref().map(text_of);
    let language = feed.language.clone();
    feed.entries
        .into_iter()
        .enumerate()
        .map(|(i, entry)| {
            let span = spans.as_ref().and_then(|s| s.get(i));
            let origin = match span {
                Some(s) => Origin::at_line(path, s.line),
                None => Origin::file(path),
            };
            item(entry, i, span, file_name, bytes, origin, opts).map(|mut r| {
                r.source_name = r.source_name.or_else(|| source.clone());
                r.language = r.language.or_else(|| language.clone());
                r.finish(opts)
            })
        })
        .collect()
}

/// One feed item.
fn item(
    entry: Entry,
    index: usize,
    span: Option<&ItemSpan>,
    file_name: &str,
    bytes: &[u8],
    origin: Origin,
    opts: &Options,
) -> Result<Incoming, InputError> {
    let url = entry
        .links
        .iter()
        .find(|l| l.rel.as_deref().is_none_or(|r| r == "alternate"))
        .or(entry.links.first())
        .map(|l| l.href.clone());
    let external_id = if !entry.id.trim().is_empty() {
        entry.id.trim().to_string()
    } else if let Some(url) = &url {
        url.clone()
    } else {
        format!("{file_name}#{}", index + 1)
    };
    let title = entry.title.as_ref().map(text_of);
    let mut warnings = Vec::new();
    let mut text = entry
        .content
        .as_ref()
        .and_then(|c| c.body.as_deref())
        .map(html_to_text)
        .filter(|t| !t.trim().is_empty())
        .or_else(|| entry.summary.as_ref().map(text_of))
        .unwrap_or_default();
    if text.trim().is_empty() {
        match &title {
            Some(t) if !t.trim().is_empty() => {
                text = t.clone();
                warnings.push("item has no content: its title is the text".to_string());
            }
            _ => {
                return Err(
                    InputError::new(origin, "feed item has neither content nor title")
                        .with_id(Some(external_id)),
                )
            }
        }
    }
    let original = match span.and_then(|s| bytes.get(s.bytes.clone())) {
        Some(slice) => slice.to_vec(),
        None => {
            warnings.push(
                "the item's element was not found in the feed: its text is kept as the original"
                    .to_string(),
            );
            text.as_bytes().to_vec()
        }
    };
    if original.len() as u64 > opts.max_size {
        return Err(InputError::new(
            origin,
            format!(
                "item of {} bytes is over the size limit of {} bytes",
                original.len(),
                opts.max_size
            ),
        )
        .with_id(Some(external_id)));
    }
    let published = span
        .and_then(|s| s.date.clone())
        .filter(|d| crate::normalise_date(d).is_some())
        .or_else(|| {
            entry
                .published
                .or(entry.updated)
                .map(|d| d.to_rfc3339_opts(SecondsFormat::Secs, true))
        });
    let mut report = Incoming::new(external_id, Format::Feed, origin, original, text);
    report.title = title;
    report.url = url;
    report.published = published;
    report.language = entry.language;
    report.html = entry.content.is_some() || entry.summary.as_ref().is_some_and(is_html);
    report.warnings = warnings;
    Ok(report)
}

#[cfg(test)]
mod tests {
    use super::*;

    const RSS: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel>
  <title>Example Wire</title>
  <language>en</language>
  <item>
    <title>Shelling in Kharkiv</title>
    <link>https://wire.test/1</link>
    <guid isPermaLink="false">wire-1</guid>
    <pubDate>Tue, 01 Mar 2022 08:30:00 +0200</pubDate>
    <description><![CDATA[<p>Rockets struck <b>Freedom Square</b>.</p><p>Ten dead.</p>]]></description>
  </item>
  <item><title>Only a link &amp; a title</title><link>https://wire.test/2</link></item>
  <item><description>No title, no link, no guid. &lt;b&gt;Bold&lt;/b&gt; &amp;amp; escaped.</description><dc:date>2022-03-02</dc:date></item>
</channel>
</rss>"#;

    #[test]
    fn rss_items_become_reports() {
        let out = read("f.rss", "dir/f.rss", RSS.as_bytes(), &Options::default());
        assert_eq!(out.len(), 3);
        let a = out[0].as_ref().unwrap();
        assert_eq!(a.external_id, "wire-1");
        assert_eq!(a.title.as_deref(), Some("Shelling in Kharkiv"));
        assert_eq!(a.source_name.as_deref(), Some("Example Wire"));
        assert_eq!(a.language.as_deref(), Some("en"));
        assert_eq!(a.published.as_deref(), Some("2022-03-01T08:30:00+02:00"));
        assert_eq!(a.text, "Rockets struck Freedom Square.\n\nTen dead.");
        assert_eq!(a.url.as_deref(), Some("https://wire.test/1"));
        assert_eq!(a.origin, Origin::at_line("dir/f.rss", 6));
        let b = out[1].as_ref().unwrap();
        assert_eq!(b.external_id, "https://wire.test/2");
        assert_eq!(b.text, "Only a link & a title");
        assert_eq!(b.warnings.len(), 1);
        let c = out[2].as_ref().unwrap();
        assert_eq!(c.external_id, "f.rss#3");
        assert_eq!(c.published.as_deref(), Some("2022-03-02"));
        assert_eq!(c.text, "No title, no link, no guid. Bold & escaped.");
    }

    #[test]
    fn originals_are_the_item_elements() {
        let out = read("f.rss", "f.rss", RSS.as_bytes(), &Options::default());
        for r in &out {
            let r = r.as_ref().unwrap();
            let s = std::str::from_utf8(&r.original).unwrap();
            assert!(s.starts_with("<item>") && s.ends_with("</item>"), "{s}");
            assert!(RSS.contains(s));
        }
    }

    #[test]
    fn atom_entries_become_reports() {
        let atom = r#"<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="uk">
  <title>Atom Desk</title><id>urn:feed</id><updated>2022-03-01T12:00:00Z</updated>
  <entry><id>urn:e1</id><title type="text">Strike</title><updated>2022-03-01T12:00:00+02:00</updated>
    <published>2022-03-01T09:00:00+02:00</published>
    <summary type="html">&lt;p&gt;Two missiles hit the city.&lt;/p&gt;</summary>
    <link href="https://atom.test/e1"/></entry>
</feed>"#;
        let out = read("a.atom", "a.atom", atom.as_bytes(), &Options::default());
        let e = out[0].as_ref().unwrap();
        assert_eq!(e.external_id, "urn:e1");
        assert_eq!(e.published.as_deref(), Some("2022-03-01T09:00:00+02:00"));
        assert_eq!(e.text, "Two missiles hit the city.");
        assert_eq!(e.source_name.as_deref(), Some("Atom Desk"));
        assert!(std::str::from_utf8(&e.original)
            .unwrap()
            .starts_with("<entry><id>urn:e1"));
    }

    #[test]
    fn the_size_limit_applies_per_item() {
        let opts = Options {
            max_size: 200,
            ..Options::default()
        };
        let out = read("f.rss", "f.rss", RSS.as_bytes(), &opts);
        assert!(out[0]
            .as_ref()
            .unwrap_err()
            .reason
            .contains("over the size limit of 200"));
        assert!(out[1].is_ok());
    }

    #[test]
    fn broken_feeds_are_one_error() {
        let out = read(
            "f.xml",
            "f.xml",
            b"<?xml version=\"1.0\"?><rss><channel><item>",
            &Options::default(),
        );
        assert_eq!(out.len(), 1);
        assert!(out[0].is_err());
    }
}
