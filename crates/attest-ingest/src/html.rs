//! Saved web pages: the article text and what the page says about it.

use crate::{strip_bom, Incoming, InputError, Origin, LOSSY_WARNING};
use attest_model::Format;
use dom_query::Document;
use dom_smoothie::{Config, Readability, TextMode};
use serde::Deserialize;
use std::sync::LazyLock;

/// What a web page holds: the article and its metadata.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Article {
    /// The headline (without the site name the `<title>` often appends).
    pub title: Option<String>,
    /// Publication date as the page gives it (meta tags, `<time datetime>`, JSON-LD),
    /// normalised to ISO 8601 when it can be.
    pub published: Option<String>,
    /// The article text only: paragraphs separated by a blank line, without navigation,
    /// donation appeals, comment prompts or other page furniture.
    pub text: String,
    /// The page's language (`<html lang>`, `content-language`), when given.
    pub language: Option<String>,
}

/// The paragraphs of page furniture dropped from article text (`data/boilerplate.toml`).
#[derive(Debug, Deserialize)]
struct Boilerplate {
    max_chars: usize,
    phrases: Vec<String>,
}

static BOILERPLATE: LazyLock<Boilerplate> = LazyLock::new(|| {
    let mut b: Boilerplate = toml::from_str(include_str!("../data/boilerplate.toml"))
        .expect("the bundled data/boilerplate.toml is valid (tested)");
    for phrase in &mut b.phrases {
        *phrase = phrase.to_lowercase();
    }
    b
});

/// Finds the article in a whole web page with the `dom_smoothie` readability port, and
/// reads its headline, publication date and language from the page's metadata.
///
/// ```
/// let page = r#"<html lang="en"><head><title>Shelling in Kharkiv | Example News</title>
/// <meta property="article:published_time" content="2022-03-01T10:00:00Z"></head>
/// <body><nav><a href="/">Home</a></nav><article><h1>Shelling in Kharkiv</h1>
/// <p>Rockets hit the central square of Kharkiv on Tuesday morning, killing at least ten
/// people, the regional governor said in a statement on his channel.</p>
/// <p>Rescue workers were still searching the ruins of the administration building in the
/// afternoon, and the number of dead was expected to rise as they went on.</p></article>
/// </body></html>"#;
/// let article = attest_ingest::html_article(page);
/// assert_eq!(article.title.as_deref(), Some("Shelling in Kharkiv"));
/// assert_eq!(article.published.as_deref(), Some("2022-03-01T10:00:00Z"));
/// assert_eq!(article.language.as_deref(), Some("en"));
/// assert!(article.text.starts_with("Rockets hit"));
/// assert!(!article.text.contains("Home"));
/// ```
pub fn html_article(html: &str) -> Article {
    extract(html).0
}

/// The article, and the page's address and site name.
fn extract(html: &str) -> (Article, PageMeta) {
    let html = strip_bom(html);
    let doc = Document::from(html);
    let mut meta = page_metadata(&doc);
    let cfg = Config {
        text_mode: TextMode::Formatted,
        ..Config::default()
    };
    let parsed = Readability::with_document(doc, None, Some(cfg)).and_then(|mut r| r.parse());
    let (title, published, language, text) = match parsed {
        Ok(article) => (
            Some(article.title).filter(|t| !t.trim().is_empty()),
            article.published_time,
            article.lang,
            article.text_content.to_string(),
        ),
        Err(err) => {
            tracing::debug!(%err, "readability found no article; using the whole body");
            (None, None, None, body_text(html))
        }
    };
    let mut text = clean_text(&text);
    if text.trim().is_empty() {
        // Readability kept nothing (a very short page): fall back to the body.
        text = clean_text(&body_text(html));
    }
    let article = Article {
        title: meta.title.take().or(title).map(|t| collapse_spaces(&t)),
        published: meta
            .published
            .take()
            .or(published)
            .map(|p| crate::normalise_date(&p).unwrap_or(p)),
        text,
        language: meta.language.take().or(language),
    };
    (article, meta)
}

/// Turns an HTML fragment (a feed item's content, an e-mail's HTML body) into text:
/// paragraphs separated by a blank line, scripts and styles left out.
pub fn html_to_text(fragment: &str) -> String {
    let doc = Document::fragment(fragment);
    doc.select("script, style, noscript, template").remove();
    clean_text(&doc.formatted_text())
}

/// The text of the body without the obvious furniture, for pages readability gives up on.
fn body_text(html: &str) -> String {
    let doc = Document::from(html);
    doc.select("script, style, noscript, template, nav, header, footer, aside, form, button")
        .remove();
    let body = doc.select("body");
    if body.exists() {
        body.formatted_text().to_string()
    } else {
        doc.formatted_text().to_string()
    }
}

/// What the page's metadata says.
#[derive(Debug, Default)]
struct PageMeta {
    title: Option<String>,
    published: Option<String>,
    language: Option<String>,
    /// The page's own address (`<link rel=canonical>`, `og:url`).
    url: Option<String>,
    /// The site's name (`og:site_name`, `application-name`).
    site_name: Option<String>,
}

/// Reads headline, date and language from meta tags, `<time>` and JSON-LD.
fn page_metadata(doc: &Document) -> PageMeta {
    let attr = |selector: &str, name: &str| {
        doc.select(selector)
            .iter()
            .filter_map(|s| s.attr(name))
            .map(|v| v.trim().to_string())
            .find(|v| !v.is_empty())
    };
    let published = [
        ("meta[property='article:published_time']", "content"),
        ("meta[property='og:published_time']", "content"),
        ("meta[name='article:published_time']", "content"),
        ("meta[itemprop='datePublished']", "content"),
        ("[itemprop='datePublished'][datetime]", "datetime"),
        ("[itemprop='datePublished'][content]", "content"),
        ("meta[name='pubdate']", "content"),
        ("meta[name='publish-date']", "content"),
        ("meta[name='date']", "content"),
        ("meta[name='dc.date']", "content"),
        ("meta[name='DC.date.issued']", "content"),
    ]
    .iter()
    .find_map(|(sel, name)| attr(sel, name))
    .or_else(|| json_ld_date(doc))
    .or_else(|| attr("article time[datetime]", "datetime"))
    .or_else(|| attr("time[datetime]", "datetime"));
    let title = attr("meta[property='og:title']", "content")
        .or_else(|| attr("meta[name='twitter:title']", "content"))
        .or_else(|| headline_in_title(doc));
    let language = attr("html[lang]", "lang")
        .or_else(|| attr("meta[http-equiv='content-language']", "content"))
        .or_else(|| attr("meta[http-equiv='Content-Language']", "content"));
    PageMeta {
        title,
        published,
        language,
        url: attr("link[rel='canonical']", "href")
            .or_else(|| attr("meta[property='og:url']", "content")),
        site_name: attr("meta[property='og:site_name']", "content")
            .or_else(|| attr("meta[name='application-name']", "content")),
    }
}

/// The part of `<title>` that a `<h1>` repeats, when the title adds the site's name
/// ("Shelling in Kharkiv | Example News").
fn headline_in_title(doc: &Document) -> Option<String> {
    let title = collapse_spaces(&doc.select("head title").text());
    let headings: Vec<String> = doc
        .select("h1")
        .iter()
        .map(|h| collapse_spaces(&h.text()).to_lowercase())
        .collect();
    [" | ", " - ", " – ", " — ", " :: ", " · "]
        .iter()
        .flat_map(|sep| title.split(sep))
        .map(str::trim)
        .find(|part| !part.is_empty() && headings.iter().any(|h| h == &part.to_lowercase()))
        .filter(|part| part.len() < title.len())
        .map(str::to_string)
}

/// `datePublished` from the page's JSON-LD blocks (also inside `@graph` and arrays).
fn json_ld_date(doc: &Document) -> Option<String> {
    fn find(value: &serde_json::Value) -> Option<String> {
        match value {
            serde_json::Value::Object(map) => {
                if let Some(serde_json::Value::String(date)) = map.get("datePublished") {
                    return Some(date.clone());
                }
                map.values().find_map(find)
            }
            serde_json::Value::Array(items) => items.iter().find_map(find),
            _ => None,
        }
    }
    doc.select("script[type='application/ld+json']")
        .iter()
        .filter_map(|s| serde_json::from_str::<serde_json::Value>(s.text().trim()).ok())
        .find_map(|v| find(&v))
}

/// Tidies extracted text: trims lines, keeps single blank lines between paragraphs and drops
/// short lines of page furniture.
fn clean_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut paragraph = String::new();
    let flush = |paragraph: &mut String, out: &mut String| {
        let p = paragraph.trim();
        if !p.is_empty() {
            if !out.is_empty() {
                out.push_str("\n\n");
            }
            out.push_str(p);
        }
        paragraph.clear();
    };
    for line in text.lines() {
        let line = collapse_spaces(line);
        if is_furniture(&line) {
            continue;
        }
        if line.is_empty() {
            flush(&mut paragraph, &mut out);
        } else {
            if !paragraph.is_empty() {
                paragraph.push('\n');
            }
            paragraph.push_str(&line);
        }
    }
    flush(&mut paragraph, &mut out);
    out
}

/// Whether a line is page furniture (`data/boilerplate.toml`).
fn is_furniture(paragraph: &str) -> bool {
    let b = &*BOILERPLATE;
    if paragraph.chars().count() > b.max_chars {
        return false;
    }
    let lower = paragraph.to_lowercase();
    b.phrases.iter().any(|p| lower.contains(p.as_str()))
}

/// Trims a line and collapses runs of white space (including non-breaking spaces) into one.
fn collapse_spaces(line: &str) -> String {
    line.split(|c: char| c.is_whitespace())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Decodes a page's bytes: UTF-8, else the charset its `<meta>` declares, else lossily.
fn decode_page(bytes: &[u8]) -> (String, Option<String>) {
    if let Ok(s) = std::str::from_utf8(bytes) {
        return (s.to_string(), None);
    }
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(2048)]).to_ascii_lowercase();
    let declared = head.split("charset=").nth(1).map(|rest| {
        rest.trim_start_matches(['"', '\''])
            .split(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == '_'))
            .next()
            .unwrap_or("")
            .to_string()
    });
    if let Some(encoding) = declared
        .as_deref()
        .and_then(|label| encoding_rs::Encoding::for_label(label.as_bytes()))
        .filter(|e| *e != encoding_rs::UTF_8)
    {
        let (text, _, had_errors) = encoding.decode(bytes);
        let mut warning = format!("decoded from {}", encoding.name());
        if had_errors {
            warning.push_str(" with invalid bytes replaced");
        }
        return (text.into_owned(), Some(warning));
    }
    (
        String::from_utf8_lossy(bytes).into_owned(),
        Some(LOSSY_WARNING.to_string()),
    )
}

/// Reads a saved web page.
pub(crate) fn read(file_name: &str, bytes: &[u8], origin: Origin) -> Result<Incoming, InputError> {
    let (html, warning) = decode_page(bytes);
    let (article, meta) = extract(&html);
    if article.text.trim().is_empty() {
        return Err(InputError::new(origin, "no article text found in the page"));
    }
    let mut report = Incoming::new(
        file_name.to_string(),
        Format::Html,
        origin,
        bytes.to_vec(),
        article.text,
    );
    report.title = article.title;
    report.published = article.published;
    report.language = article.language;
    report.url = meta.url;
    report.source_name = meta.site_name;
    report.html = true;
    report.warnings.extend(warning);
    Ok(report)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bundled_boilerplate_parses() {
        assert!(BOILERPLATE.phrases.len() > 20);
        assert!(BOILERPLATE.phrases.iter().all(|p| p == &p.to_lowercase()));
    }

    #[test]
    fn furniture_paragraphs_are_dropped_reporting_is_kept() {
        let text = "Shells fell on the market.\n\n\nPlease donate   to keep us going.\n\n  Leave a comment below  \n\nThe governor said 4 died.";
        assert_eq!(
            clean_text(text),
            "Shells fell on the market.\n\nThe governor said 4 died."
        );
    }

    #[test]
    fn fragments_become_paragraphs() {
        let text = html_to_text("<p>One &amp; two.</p><script>var x;</script><p>Three<br>four</p>");
        assert_eq!(text, "One & two.\n\nThree\nfour");
    }

    #[test]
    fn json_ld_and_time_elements_give_the_date() {
        let page = r#"<html><head><script type="application/ld+json">{"@graph":[{"@type":"WebPage"},{"@type":"NewsArticle","datePublished":"2019-05-05T08:00:00+03:00"}]}</script></head><body><p>x</p></body></html>"#;
        assert_eq!(
            page_metadata(&Document::from(page)).published.as_deref(),
            Some("2019-05-05T08:00:00+03:00")
        );
        let page = r#"<html><body><article><time datetime="2019-05-06">6 May</time><p>x</p></article></body></html>"#;
        assert_eq!(
            page_metadata(&Document::from(page)).published.as_deref(),
            Some("2019-05-06")
        );
    }

    #[test]
    fn declared_charsets_are_honoured() {
        let mut bytes = b"<html><head><meta charset=\"windows-1252\"></head><body><p>caf".to_vec();
        bytes.push(0xE9);
        bytes.extend_from_slice(b"</p></body></html>");
        let (text, warning) = decode_page(&bytes);
        assert!(text.contains("café"));
        assert_eq!(warning.as_deref(), Some("decoded from windows-1252"));
    }
}
