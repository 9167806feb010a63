//! Walking directories, overrides and streaming.

use crate::read_all;
use attest_ingest::{read_paths, Options};
use std::fs;

#[test]
fn directories_are_walked_in_order_without_hidden_or_foreign_files() {
    let dir = tempfile::tempdir().expect("temp dir");
    let d = dir.path();
    fs::create_dir_all(d.join("b/deeper")).expect("dirs");
    fs::create_dir_all(d.join(".git")).expect("dirs");
    for (name, text) in [
        ("z.txt", "Last."),
        ("a.txt", "First."),
        ("b/deeper/c.txt", "Nested."),
        ("b/notes.md", "Not a report."),
        (".hidden.txt", "Hidden."),
        (".git/d.txt", "Hidden too."),
    ] {
        fs::write(d.join(name), text).expect("write");
    }
    let ids: Vec<String> = read_all(&[d.to_path_buf()], &Options::default())
        .into_iter()
        .map(|r| r.expect("report").text)
        .collect();
    assert_eq!(ids, ["First.", "Nested.", "Last."]);
}

#[test]
fn a_named_file_of_unknown_extension_is_sniffed() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("report.dat");
    fs::write(&path, "{\"id\": \"x1\", \"text\": \"Two killed.\"}\n").expect("write");
    let out = read_all(&[path], &Options::default());
    assert_eq!(out[0].as_ref().expect("jsonl").external_id, "x1");
}

#[test]
fn overrides_replace_what_the_data_says() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("r.txt");
    fs::write(&path, "Source: Someone\nPublished: 2020-01-01\n\nText.").expect("write");
    let opts = Options {
        source: Some("Field notes".into()),
        published: Some("Tue, 14 May 2019 10:00:00 +0300".into()),
        ..Options::default()
    };
    let out = read_all(&[path], &opts);
    let r = out[0].as_ref().expect("report");
    assert_eq!(r.source_name.as_deref(), Some("Field notes"));
    assert_eq!(r.published.as_deref(), Some("2019-05-14T10:00:00+03:00"));
}

#[test]
fn jsonl_streams_line_by_line() {
    // A file far larger than the size limit is fine: the limit is per line.
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("big.jsonl");
    let line = format!(
        "{{\"id\": \"N\", \"text\": \"{}\"}}\n",
        "shelling ".repeat(50)
    );
    fs::write(&path, line.repeat(5_000)).expect("write");
    let opts = Options {
        max_size: 1_000,
        ..Options::default()
    };
    let mut n = 0;
    for r in read_paths(&[path], &opts) {
        let r = r.expect("report");
        n += 1;
        assert_eq!(r.origin.line, Some(n));
    }
    assert_eq!(n, 5_000);
}

#[test]
fn the_reader_can_move_to_another_thread() {
    let dir = tempfile::tempdir().expect("temp dir");
    fs::write(dir.path().join("a.txt"), "Moved.").expect("write");
    let reader = read_paths(&[dir.path().to_path_buf()], &Options::default());
    let texts =
        std::thread::spawn(move || reader.map(|r| r.expect("report").text).collect::<Vec<_>>())
            .join()
            .expect("thread");
    assert_eq!(texts, ["Moved."]);
}
