//! Bad inputs: each yields an error naming file (and line), and reading goes on.

use crate::{fixture, read_all};
use attest_ingest::{read_bytes, Options};
use attest_model::Format;

#[test]
fn empty_and_binary_files_are_errors_and_reading_goes_on() {
    let paths = [
        fixture("empty.txt"),
        fixture("binary.txt"),
        fixture("does-not-exist.txt"),
        fixture("invalid-utf8.txt"),
    ];
    let out = read_all(&paths, &Options::default());
    assert_eq!(out.len(), 4);
    let errors: Vec<String> = out[..3]
        .iter()
        .map(|r| r.as_ref().unwrap_err().to_string())
        .collect();
    assert_eq!(
        errors[0],
        format!("{}: empty file", fixture("empty.txt").display())
    );
    assert!(
        errors[1].starts_with(&format!("{}: binary file", fixture("binary.txt").display())),
        "{}",
        errors[1]
    );
    assert!(
        errors[2].contains("does-not-exist.txt: cannot read"),
        "{}",
        errors[2]
    );
    assert!(out[3].is_ok());
}

#[test]
fn invalid_utf8_is_decoded_lossily_and_the_original_kept() {
    let path = fixture("invalid-utf8.txt");
    let out = read_all(std::slice::from_ref(&path), &Options::default());
    let r = out[0].as_ref().expect("read lossily");
    assert_eq!(
        r.warnings,
        vec!["invalid UTF-8 decoded lossily".to_string()]
    );
    assert_eq!(r.title.as_deref(), Some("Shelling near Sloviansk"));
    assert_eq!(
        r.text,
        "Shells hit a caf\u{FFFD} on the main square; the owner, J\u{FFFD}rgen, was wounded.\n"
    );
    assert_eq!(r.original, std::fs::read(path).expect("fixture"));
}

#[test]
fn a_malformed_jsonl_line_is_an_error_with_file_and_line() {
    let path = fixture("malformed.jsonl");
    let out = read_all(std::slice::from_ref(&path), &Options::default());
    assert_eq!(out.len(), 3, "the blank line is skipped");
    assert_eq!(out[0].as_ref().expect("line 1").external_id, "m1");
    let err = out[1].as_ref().unwrap_err();
    assert_eq!(err.origin.line, Some(2));
    assert!(
        err.to_string()
            .starts_with(&format!("{}:2: invalid JSON", path.display())),
        "{err}"
    );
    let m3 = out[2].as_ref().expect("line 4");
    assert_eq!((m3.external_id.as_str(), m3.origin.line), ("m3", Some(4)));
    assert!(m3.html);
    assert_eq!(
        m3.text,
        "A roadside bomb wounded two soldiers near Kirkuk, police said."
    );
}

#[test]
fn the_size_limit_is_per_file_or_per_report() {
    let opts = Options {
        max_size: 100,
        ..Options::default()
    };
    let out = read_all(&[fixture("invalid-utf8.txt")], &opts);
    let err = out[0].as_ref().unwrap_err();
    assert_eq!(
        err.reason,
        "file of 124 bytes is over the size limit of 100 bytes"
    );
    // In JSON Lines the limit applies to each line: the short first line passes.
    let opts = Options {
        max_size: 120,
        ..Options::default()
    };
    let out = read_all(&[fixture("malformed.jsonl")], &opts);
    assert_eq!(out[0].as_ref().expect("short line").external_id, "m1");
    assert!(out[2]
        .as_ref()
        .unwrap_err()
        .reason
        .contains("over the size limit of 120 bytes"));
    let out = read_bytes("x.txt", &[b'a'; 121], &opts);
    assert!(out[0]
        .as_ref()
        .unwrap_err()
        .reason
        .contains("over the size limit"));
}

#[test]
fn content_decides_over_a_misleading_or_missing_extension() {
    let out = read_all(
        &[fixture("saved-page.txt"), fixture("desk-feed")],
        &Options::default(),
    );
    let page = out[0].as_ref().expect("page");
    assert_eq!(page.format, Format::Html);
    assert_eq!(page.language.as_deref(), Some("ar"));
    assert_eq!(page.title.as_deref(), Some("قصف على سوق في أريحا"));
    assert_eq!(page.published.as_deref(), Some("2019-05-14"));
    assert!(
        page.text.starts_with("قُتل ما لا يقل عن عشرين مدنياً"),
        "{}",
        page.text
    );
    assert!(!page.text.contains("الرئيسية"));

    let entries: Vec<_> = out[1..]
        .iter()
        .map(|r| r.as_ref().expect("entry"))
        .collect();
    assert_eq!(entries.len(), 2);
    assert!(entries.iter().all(|e| e.format == Format::Feed));
    assert_eq!(entries[0].external_id, "urn:example:field-desk:101");
    assert_eq!(
        entries[0].published.as_deref(),
        Some("2023-02-21T08:15:00+03:00")
    );
    assert_eq!(
        entries[0].url.as_deref(),
        Some("https://fielddesk.example/101")
    );
    assert_eq!(
        entries[0].text,
        "Two aid workers were abducted at gunpoint in Taiz on Monday, their organisation said."
    );
    assert_eq!(
        entries[1].published.as_deref(),
        Some("2023-02-20T18:00:00Z")
    );
    assert_eq!(entries[1].source_name.as_deref(), Some("Field Desk Atom"));
    assert_eq!(entries[1].language.as_deref(), Some("en"));
}
