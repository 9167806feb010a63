//! Telegram Desktop channel exports (`result.json`): one report per message.

use crate::{Incoming, InputError, Options, Origin, LOSSY_WARNING};
use attest_model::Format;
use serde::Deserialize;
use serde_json::value::RawValue;
use std::ops::Range;

/// The export: the channel and its messages, each kept as its raw JSON.
#[derive(Debug, Deserialize)]
struct Export<'a> {
    name: Option<String>,
    id: Option<serde_json::Value>,
    #[serde(borrow)]
    messages: Option<Vec<&'a RawValue>>,
}

/// The parts of a message that are read.
#[derive(Debug, Deserialize)]
struct Message {
    id: serde_json::Value,
    #[serde(rename = "type", default)]
    kind: Option<String>,
    date: Option<String>,
    #[serde(default)]
    text: serde_json::Value,
}

/// Flattens a message's `text`: a string, or an array of strings and `{"type", "text"}`
/// entities.
fn flatten(text: &serde_json::Value) -> String {
    match text {
        serde_json::Value::String(s) => s.clone(),
        serde_json::Value::Array(parts) => parts
            .iter()
            .map(|p| match p {
                serde_json::Value::String(s) => s.as_str(),
                serde_json::Value::Object(o) => {
                    o.get("text").and_then(|t| t.as_str()).unwrap_or("")
                }
                _ => "",
            })
            .collect(),
        _ => String::new(),
    }
}

/// A JSON id as text.
fn id_text(id: &serde_json::Value) -> Option<String> {
    match id {
        serde_json::Value::String(s) if !s.is_empty() => Some(s.clone()),
        serde_json::Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// The messages of a channel export, turned into reports one at a time: only the export's
/// text and the positions of its messages are held.
pub(crate) struct Messages {
    json: String,
    spans: std::vec::IntoIter<Range<usize>>,
    channel: String,
    name: Option<String>,
    lossy: bool,
    path: String,
    opts: Options,
    line: u64,
    counted: usize,
    yielded: bool,
    failed: Option<InputError>,
}

/// Reads a channel export.
pub(crate) fn read(file_name: &str, path: &str, bytes: Vec<u8>, opts: &Options) -> Messages {
    let (mut json, lossy) = match String::from_utf8(bytes) {
        Ok(s) => (s, false),
        Err(e) => (String::from_utf8_lossy(e.as_bytes()).into_owned(), true),
    };
    if json.starts_with('\u{feff}') {
        json.drain(..'\u{feff}'.len_utf8());
    }
    let mut messages = Messages {
        json: String::new(),
        spans: Vec::new().into_iter(),
        channel: file_name.to_string(),
        name: None,
        lossy,
        path: path.to_string(),
        opts: opts.clone(),
        line: 1,
        counted: 0,
        yielded: false,
        failed: None,
    };
    let export: Export<'_> = match serde_json::from_str(&json) {
        Ok(export) => export,
        Err(e) => {
            let origin = Origin::at_line(path, e.line() as u64);
            messages.failed = Some(InputError::new(
                origin,
                format!("not a Telegram export: {e}"),
            ));
            return messages;
        }
    };
    let Some(raw) = export.messages else {
        messages.failed = Some(InputError::new(
            Origin::file(path),
            "not a Telegram channel export: no \"messages\" list",
        ));
        return messages;
    };
    let base = json.as_ptr() as usize;
    let spans: Vec<Range<usize>> = raw
        .iter()
        .map(|m| {
            let start = (m.get().as_ptr() as usize).saturating_sub(base);
            start..start + m.get().len()
        })
        .collect();
    if let Some(channel) = export
        .id
        .as_ref()
        .and_then(id_text)
        .or_else(|| export.name.clone())
    {
        messages.channel = channel;
    }
    messages.name = export.name;
    messages.spans = spans.into_iter();
    messages.json = json;
    messages
}

impl Messages {
    /// The report or error of one message; `None` for a message that is no report.
    fn message(&mut self, span: Range<usize>) -> Option<Result<Incoming, InputError>> {
        let Some(raw) = self.json.get(span.clone()) else {
            return Some(Err(InputError::new(
                Origin::file(self.path.clone()),
                "bad message position",
            )));
        };
        let between = self.json.as_bytes().get(self.counted..span.start);
        self.line += between
            .unwrap_or_default()
            .iter()
            .filter(|&&b| b == b'\n')
            .count() as u64;
        self.counted = span.start.max(self.counted);
        let origin = Origin::at_line(self.path.clone(), self.line);
        let message: Message = match serde_json::from_str(raw) {
            Ok(m) => m,
            Err(e) => return Some(Err(InputError::new(origin, format!("bad message: {e}")))),
        };
        if message.kind.as_deref().unwrap_or("message") != "message" {
            return None;
        }
        let text = flatten(&message.text);
        if text.trim().is_empty() {
            return None;
        }
        let Some(message_id) = id_text(&message.id) else {
            return Some(Err(InputError::new(origin, "message without an id")));
        };
        let external_id = format!("{}/{message_id}", self.channel);
        if raw.len() as u64 > self.opts.max_size {
            return Some(Err(InputError::new(
                origin,
                format!(
                    "message of {} bytes is over the size limit of {} bytes",
                    raw.len(),
                    self.opts.max_size
                ),
            )
            .with_id(Some(external_id))));
        }
        let mut report = Incoming::new(
            external_id,
            Format::Telegram,
            origin,
            raw.as_bytes().to_vec(),
            text,
        );
        report.source_name = self.name.clone();
        report.published = message.date;
        if self.lossy {
            report.warnings.push(LOSSY_WARNING.to_string());
        }
        Some(Ok(report.finish(&self.opts)))
    }
}

impl Iterator for Messages {
    type Item = Result<Incoming, InputError>;

    fn next(&mut self) -> Option<Self::Item> {
        if let Some(error) = self.failed.take() {
            self.yielded = true;
            return Some(Err(error));
        }
        while let Some(span) = self.spans.next() {
            if let Some(item) = self.message(span) {
                self.yielded = true;
                return Some(item);
            }
        }
        if !self.yielded {
            self.yielded = true;
            return Some(Err(InputError::new(
                Origin::file(self.path.clone()),
                "no message with text in the export",
            )));
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all(path: &str, bytes: &[u8], opts: &Options) -> Vec<Result<Incoming, InputError>> {
        read("result.json", path, bytes.to_vec(), opts).collect()
    }

    const EXPORT: &str = r##"{
 "name": "Example Channel",
 "type": "public_channel",
 "id": 1001,
 "messages": [
  {
   "id": 1,
   "type": "service",
   "date": "2016-04-27T10:00:00",
   "action": "create_channel",
   "text": ""
  },
  {
   "id": 2,
   "type": "message",
   "date": "2016-04-27T14:03:00",
   "text": ["Air strike on ", {"type": "bold", "text": "al-Quds hospital"}, ", at least 14 dead. ", {"type": "hashtag", "text": "#Aleppo"}]
  },
  {
   "id": 3,
   "type": "message",
   "date": "2016-04-27T15:00:00",
   "photo": "photos/1.jpg",
   "text": ""
  },
  {"id": 4, "type": "message", "date": "2016-04-28T08:00:00", "text": "Plain text message."}
 ]
}"##;

    #[test]
    fn messages_with_text_become_reports() {
        let out = all("exp/result.json", EXPORT.as_bytes(), &Options::default());
        assert_eq!(out.len(), 2);
        let a = out[0].as_ref().unwrap();
        assert_eq!(a.external_id, "1001/2");
        assert_eq!(
            a.text,
            "Air strike on al-Quds hospital, at least 14 dead. #Aleppo"
        );
        assert_eq!(a.published.as_deref(), Some("2016-04-27T14:03:00"));
        assert_eq!(a.source_name.as_deref(), Some("Example Channel"));
        assert_eq!(a.origin, Origin::at_line("exp/result.json", 13));
        let s = std::str::from_utf8(&a.original).unwrap();
        assert!(s.starts_with("{\n   \"id\": 2,") && s.ends_with('}'), "{s}");
        assert!(EXPORT.contains(s));
        let b = out[1].as_ref().unwrap();
        assert_eq!(b.external_id, "1001/4");
        assert_eq!(b.original, br#"{"id": 4, "type": "message", "date": "2016-04-28T08:00:00", "text": "Plain text message."}"#);
        assert_eq!(b.origin.line, Some(26));
    }

    #[test]
    fn the_size_limit_applies_per_message() {
        let opts = Options {
            max_size: 120,
            ..Options::default()
        };
        let out = all("result.json", EXPORT.as_bytes(), &opts);
        assert!(out[0]
            .as_ref()
            .unwrap_err()
            .reason
            .contains("over the size limit"));
        assert_eq!(out[1].as_ref().unwrap().external_id, "1001/4");
    }

    #[test]
    fn an_export_without_text_is_one_error() {
        let out = all(
            "r.json",
            b"{\"id\": 1, \"messages\": [{\"id\": 1, \"type\": \"service\", \"text\": \"\"}]}",
            &Options::default(),
        );
        assert_eq!(out.len(), 1);
        assert_eq!(
            out[0].as_ref().unwrap_err().reason,
            "no message with text in the export"
        );
    }

    #[test]
    fn other_json_is_refused() {
        let out = all("x.json", b"{\"chats\": {}}", &Options::default());
        assert!(out[0]
            .as_ref()
            .unwrap_err()
            .reason
            .contains("no \"messages\""));
        let out = all("x.json", b"{\"messages\": [}", &Options::default());
        assert!(out[0]
            .as_ref()
            .unwrap_err()
            .reason
            .starts_with("not a Telegram export"));
    }
}
