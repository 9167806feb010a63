//! The example reports of `examples/reports/`.

use crate::{read_all, root};
use attest_ingest::{read_bytes, Incoming, Options};
use attest_model::Format;
use std::collections::BTreeMap;
use std::path::PathBuf;

fn examples_dir() -> PathBuf {
    root().join("examples/reports")
}

fn examples() -> Vec<Incoming> {
    read_all(&[examples_dir()], &Options::default())
        .into_iter()
        .map(|r| r.unwrap_or_else(|e| panic!("example failed: {e}")))
        .collect()
}

fn by_id<'a>(reports: &'a [Incoming], id: &str) -> &'a Incoming {
    reports
        .iter()
        .find(|r| r.external_id == id)
        .unwrap_or_else(|| panic!("no report {id}"))
}

#[test]
fn every_example_is_read_in_every_format() {
    let reports = examples();
    let mut counts = BTreeMap::new();
    for r in &reports {
        *counts.entry(r.format.as_str()).or_insert(0) += 1;
    }
    let expected = BTreeMap::from([
        ("email", 1),
        ("feed", 4),
        ("html", 1),
        ("jsonl", 10),
        ("telegram", 5),
        ("text", 3),
    ]);
    assert_eq!(counts, expected);
    assert!(reports
        .iter()
        .all(|r| r.warnings.is_empty() && !r.text.trim().is_empty()));
    // Directories are read in name order; README.md is not a report.
    assert!(reports[0]
        .origin
        .path
        .ends_with("ariha-market-idlib-voice.txt"));
    assert!(reports
        .iter()
        .all(|r| !r.origin.path.ends_with("README.md")));
}

#[test]
fn originals_are_exact_slices_of_the_files() {
    for r in examples() {
        let file = std::fs::read(&r.origin.path).expect("example file");
        match r.format {
            Format::Text | Format::Html | Format::Email => assert_eq!(r.original, file),
            Format::Jsonl => {
                let line = r.origin.line.expect("a JSONL report has a line") as usize;
                let lines: Vec<&[u8]> = file.split(|&b| b == b'\n').collect();
                assert_eq!(r.original, lines[line - 1]);
            }
            Format::Feed | Format::Telegram => {
                let found = file
                    .windows(r.original.len())
                    .position(|w| w == r.original.as_slice());
                let at =
                    found.unwrap_or_else(|| panic!("{} not a slice of its file", r.external_id));
                let line = 1 + file[..at].iter().filter(|&&b| b == b'\n').count() as u64;
                assert_eq!(Some(line), r.origin.line, "{}", r.external_id);
                if r.format == Format::Feed {
                    assert!(r.original.starts_with(b"<item>") && r.original.ends_with(b"</item>"));
                } else {
                    let message: serde_json::Value =
                        serde_json::from_slice(&r.original).expect("a message is a JSON object");
                    let id = r.external_id.rsplit('/').next().expect("channel/message");
                    assert_eq!(message["id"].to_string(), id);
                }
            }
        }
    }
}

#[test]
fn text_headers_are_read() {
    let reports = examples();
    let r = by_id(&reports, "ariha-market-idlib-voice.txt");
    assert_eq!(
        r.title.as_deref(),
        Some("Russian jets strike Ariha vegetable market, at least 21 civilians dead")
    );
    assert_eq!(r.published.as_deref(), Some("2019-05-14"));
    assert_eq!(r.source_name.as_deref(), Some("Idlib Voice"));
    assert_eq!(
        r.url.as_deref(),
        Some("https://idlibvoice.example/en/2019/05/14/ariha-market")
    );
    assert!(r.text.starts_with("ARIHA, Idlib province"));
    let bare = by_id(&reports, "tikrit-checkpoint-notes.txt");
    assert_eq!((bare.title.as_ref(), bare.published.as_ref()), (None, None));
    assert!(bare.text.starts_with("A car bomb exploded"));
}

#[test]
fn the_web_page_gives_the_article_only() {
    let reports = examples();
    let r = by_id(&reports, "ariha-market-levant-ledger.html");
    assert_eq!(
        r.title.as_deref(),
        Some("Air strike on Idlib market kills 16, monitor says")
    );
    assert_eq!(r.published.as_deref(), Some("2019-05-15T07:40:00+03:00"));
    assert_eq!(r.language.as_deref(), Some("en"));
    assert_eq!(r.source_name.as_deref(), Some("The Levant Ledger"));
    assert!(r.html);
    assert!(
        r.text
            .starts_with("Warning: this article contains descriptions"),
        "{}",
        r.text
    );
    assert!(r.text.contains("killed\n16 people") || r.text.contains("killed 16 people"));
    assert!(r
        .text
        .contains("\n\nThe Syrian Observatory for Human Rights, which relies"));
    assert!(r.text.contains("to spare markets, schools and hospitals."));
    for furniture in [
        "Skip to content",
        "Newsletters",
        "Breaking:",
        "donate now",
        "Support our journalism",
        "Share on Facebook",
        "Join the conversation",
        "reader1984",
        "staged videos",
        "Related stories",
        "Read more:",
        "All rights reserved",
        "Sign up for our newsletter",
        "dataLayer",
    ] {
        assert!(
            !r.text.contains(furniture),
            "{furniture:?} left in:\n{}",
            r.text
        );
    }
}

#[test]
fn feed_telegram_and_mail_metadata() {
    let reports = examples();
    let item = by_id(&reports, "tigriswire-2016-07-10-0412");
    assert_eq!(
        item.title.as_deref(),
        Some("Car bomb kills 14 at Baghdad vegetable market")
    );
    assert_eq!(item.published.as_deref(), Some("2016-07-10T22:45:00+03:00"));
    assert_eq!(item.source_name.as_deref(), Some("Tigris Wire"));
    assert!(
        item.text.starts_with("A car bomb tore through")
            && item.text.contains("\n\nThe car, parked")
    );

    let message = by_id(&reports, "1723456789/4102");
    assert_eq!(
        message.source_name.as_deref(),
        Some("Kharkiv Region Alerts")
    );
    assert_eq!(message.published.as_deref(), Some("2022-04-14T18:21:00"));
    assert!(message
        .text
        .starts_with("⚡️ Saltivka under fire\nMultiple rocket launchers"));
    assert!(message.text.ends_with("Stay in shelters! #Kharkiv"));
    assert!(reports
        .iter()
        .all(|r| r.external_id != "1723456789/4101" && r.external_id != "1723456789/4103"));

    let mail = by_id(&reports, "20230220100541.7731@relief-coordination.example");
    assert_eq!(
        mail.title.as_deref(),
        Some("Flash report: shelling of health centre in Hayran district, Hajjah")
    );
    assert_eq!(mail.published.as_deref(), Some("2023-02-20T13:05:41+03:00"));
    assert_eq!(
        mail.source_name.as_deref(),
        Some("Field Desk, Relief Coordination")
    );
    assert!(mail
        .text
        .contains("artillery shells struck the health centre in Bani Hassan village"));
    assert!(!mail.html);
}

#[test]
fn reading_bytes_gives_what_reading_files_gives() {
    let from_files = examples();
    for entry in walk(&examples_dir()) {
        let bytes = std::fs::read(&entry).expect("example");
        let name = entry.to_string_lossy().into_owned();
        if name.ends_with(".md") {
            continue;
        }
        for r in read_bytes(&name, &bytes, &Options::default()) {
            let r = r.unwrap_or_else(|e| panic!("{e}"));
            let same = by_id(&from_files, &r.external_id);
            assert_eq!(&r, same);
        }
    }
}

fn walk(dir: &std::path::Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).expect("dir") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            out.extend(walk(&path));
        } else {
            out.push(path);
        }
    }
    out
}

#[test]
fn truncated_and_damaged_files_never_panic() {
    for path in walk(&examples_dir()) {
        let bytes = std::fs::read(&path).expect("example");
        let name = path.to_string_lossy().into_owned();
        let step = (bytes.len() / 40).max(1);
        for cut in (0..bytes.len()).step_by(step) {
            // Each part either reads or yields errors: what matters is that nothing panics
            // and that every report's original is a slice of what was given.
            for part in [&bytes[..cut], &bytes[cut..]] {
                for r in read_bytes(&name, part, &Options::default())
                    .into_iter()
                    .flatten()
                {
                    let found = part
                        .windows(r.original.len().max(1))
                        .any(|w| w == r.original.as_slice());
                    assert!(
                        found || r.original.is_empty() || !r.warnings.is_empty(),
                        "{name} at {cut}"
                    );
                }
            }
        }
    }
}
