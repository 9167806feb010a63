//! Telegram Desktop channel exports (`result.json`): one report per message.

use crate::{decode_utf8, strip_bom, Incoming, InputError, Options, Origin, LOSSY_WARNING};
use attest_model::Format;
use serde::Deserialize;
use serde_json::value::RawValue;

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

/// Reads a channel export.
pub(crate) fn read(
    file_name: &str,
    path: &str,
    bytes: &[u8],
    opts: &Options,
) -> Vec<Result<Incoming, InputError>> {
    let (decoded, lossy) = decode_utf8(bytes);
    let json = strip_bom(&decoded);
    let export: Export<'_> = match serde_json::from_str(json) {
        Ok(export) => export,
        Err(e) => {
            let origin = Origin::at_line(path, e.line() as u64);
            return vec![Err(InputError::new(
                origin,
                format!("not a Telegram export: {e}"),
            ))];
        }
    };
    let Some(messages) = export.messages else {
        return vec![Err(InputError::new(
            Origin::file(path),
            "not a Telegram channel export: no \"messages\" list",
        ))];
    };
    let channel = export
        .id
        .as_ref()
        .and_then(id_text)
        .or_else(|| export.name.clone())
        .unwrap_or_else(|| file_name.to_string());
    let base = json.as_ptr() as usize;
    let mut line = 1u64;
    let mut counted = 0usize;
    let mut out = Vec::new();
    for raw in messages {
        let raw_text = raw.get();
        let start = (raw_text.as_ptr() as usize).saturating_sub(base);
        line += json.as_bytes()[counted..start]
            .iter()
            .filter(|&&b| b == b'\n')
            .count() as u64;
        counted = start;
        let origin = Origin::at_line(path, line);
        let message: Message = match serde_json::from_str(raw_text) {
            Ok(m) => m,
            Err(e) => {
                out.push(Err(InputError::new(origin, format!("bad message: {e}"))));
                continue;
            }
        };
        if message.kind.as_deref().unwrap_or("message") != "message" {
            continue;
        }
        let text = flatten(&message.text);
        if text.trim().is_empty() {
            continue;
        }
        let Some(message_id) = id_text(&message.id) else {
            out.push(Err(InputError::new(origin, "message without an id")));
            continue;
        };
        let external_id = format!("{channel}/{message_id}");
        if raw_text.len() as u64 > opts.max_size {
            out.push(Err(InputError::new(
                origin,
                format!(
                    "message of {} bytes is over the size limit of {} bytes",
                    raw_text.len(),
                    opts.max_size
                ),
            )
            .with_id(Some(external_id))));
            continue;
        }
        let mut report = Incoming::new(
            external_id,
            Format::Telegram,
            origin,
            raw_text.as_bytes().to_vec(),
            text,
        );
        report.source_name = export.name.clone();
        report.published = message.date;
        if lossy {
            report.warnings.push(LOSSY_WARNING.to_string());
        }
        out.push(Ok(report.finish(opts)));
    }
    if out.is_empty() {
        out.push(Err(InputError::new(
            Origin::file(path),
            "no message with text in the export",
        )));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

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
        let out = read(
            "result.json",
            "exp/result.json",
            EXPORT.as_bytes(),
            &Options::default(),
        );
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
        let out = read("result.json", "result.json", EXPORT.as_bytes(), &opts);
        assert!(out[0]
            .as_ref()
            .unwrap_err()
            .reason
            .contains("over the size limit"));
        assert_eq!(out[1].as_ref().unwrap().external_id, "1001/4");
    }

    #[test]
    fn other_json_is_refused() {
        let out = read("x.json", "x.json", b"{\"chats\": {}}", &Options::default());
        assert!(out[0]
            .as_ref()
            .unwrap_err()
            .reason
            .contains("no \"messages\""));
        let out = read(
            "x.json",
            "x.json",
            b"{\"messages\": [}",
            &Options::default(),
        );
        assert!(out[0]
            .as_ref()
            .unwrap_err()
            .reason
            .starts_with("not a Telegram export"));
    }
}
