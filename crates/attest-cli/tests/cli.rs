//! `attest ingest`, `source`, `report` and `stats` end to end.

use crate::util::{assert_ok, stderr, stdout, Dir};
use attest_store::{SqliteStore, Store};

const TXT: &str = "Title: Shelling in Kharkiv\nPublished: 2022-03-01\nSource: Kharkiv Daily\nURL: https://kharkiv-daily.example/a/1\n\nShelling hit the Saltivka district of Kharkiv on Tuesday, killing four people.\n";

#[test]
fn txt_headers_become_metadata_and_the_original_comes_back_byte_for_byte() {
    let dir = Dir::new();
    let file = dir.write("kharkiv.txt", TXT);
    assert_ok(&dir.run(&["ingest", file.to_str().unwrap()]));
    let reports = dir.json(&["report", "list", "--json"]);
    assert_eq!(reports.as_array().unwrap().len(), 1);
    let r = &reports[0];
    assert_eq!(r["external_id"], "kharkiv.txt");
    assert_eq!(r["title"], "Shelling in Kharkiv");
    assert_eq!(r["source"], "Kharkiv Daily");
    assert_eq!(r["published_at"], "2022-03-01");
    let shown = dir.json(&["report", "show", "kharkiv.txt", "--json"]);
    assert!(shown["report"]["text"]
        .as_str()
        .unwrap()
        .starts_with("Shelling hit the Saltivka"));
    assert_eq!(shown["report"]["language"], "en");
    let original = dir.run(&["report", "show", "kharkiv.txt", "--original"]);
    assert_ok(&original);
    assert_eq!(original.stdout, TXT.as_bytes());
}

#[test]
fn second_ingest_of_the_same_bytes_is_a_duplicate() {
    let dir = Dir::new();
    let file = dir.write("a.txt", TXT);
    let copy = dir.write("copy/b.txt", TXT);
    let first = dir.json(&["ingest", "--json", file.to_str().unwrap()]);
    assert_eq!(first["new"], 1);
    let second = dir.run(&["ingest", copy.to_str().unwrap()]);
    assert_ok(&second);
    assert!(stdout(&second).contains("0 new, 1 duplicate, 0 failed"));
    assert!(stderr(&second).contains("already stored as report 1 (a.txt)"));
    assert_eq!(dir.json(&["stats", "--json"])["reports"], 1);
}

#[test]
fn a_folder_of_good_and_bad_inputs_stores_every_good_one_and_names_every_bad_one() {
    let dir = Dir::new();
    dir.write(
        "in/good.txt",
        "Gunmen abducted two aid workers near Marib.\n",
    );
    dir.write("in/empty.txt", "");
    dir.write("in/binary.txt", [0u8, 159, 146, 150, 0, 1, 2, 3, 0, 0]);
    dir.write(
        "in/lossy.txt",
        b"A car bomb exploded in Mosul \xff\xfe killing three.\n".as_slice(),
    );
    dir.write(
        "in/lines.jsonl",
        "{\"id\": \"j1\", \"text\": \"A mortar round hit a school in Taiz.\"}\n{not json\n{\"id\": \"j3\"}\n{\"id\": \"j4\", \"text\": \"Clashes in Deir ez-Zor.\", \"source\": \"Deir Monitor\"}\n",
    );
    let out = dir.run(&["ingest", "--json", dir.path().join("in").to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let summary: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(summary["new"], 4, "{summary:#}");
    assert_eq!(summary["failed"], 4, "{summary:#}");
    let failures: Vec<String> = summary["failures"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| format!("{}:{}", f["path"].as_str().unwrap(), f["line"]))
        .collect();
    assert!(
        failures.iter().any(|f| f.ends_with("empty.txt:null")),
        "{failures:?}"
    );
    assert!(
        failures.iter().any(|f| f.ends_with("binary.txt:null")),
        "{failures:?}"
    );
    assert!(
        failures.iter().any(|f| f.ends_with("lines.jsonl:2")),
        "{failures:?}"
    );
    assert!(
        failures.iter().any(|f| f.ends_with("lines.jsonl:3")),
        "{failures:?}"
    );
    let lossy = dir.json(&["report", "show", "lossy.txt", "--json"]);
    assert!(lossy["report"]["warnings"][0]
        .as_str()
        .unwrap()
        .contains("UTF-8"));
    assert_eq!(
        dir.json(&["report", "show", "j4", "--json"])["report"]["source_name"],
        "Deir Monitor"
    );
    assert_eq!(dir.json(&["stats", "--json"])["failures"], 4);
}

#[test]
fn size_limit_applies_per_file_and_per_jsonl_line() {
    let dir = Dir::new();
    let big = format!("Shelling. {}\n", "x".repeat(3000));
    dir.write("in/big.txt", &big);
    dir.write(
        "in/lines.jsonl",
        format!(
            "{{\"id\":\"small\",\"text\":\"An air strike hit Idlib.\"}}\n{{\"id\":\"large\",\"text\":\"{}\"}}\n",
            "y".repeat(3000)
        ),
    );
    let out = dir.run(&[
        "ingest",
        "--json",
        "--max-size",
        "1KiB",
        dir.path().join("in").to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(1));
    let summary: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(summary["new"], 1);
    assert_eq!(summary["failed"], 2);
    assert!(dir.run(&["report", "show", "small"]).status.success());
}

#[test]
fn standard_input_and_overrides() {
    let dir = Dir::new();
    let out = dir.run_with_stdin(
        &[
            "ingest",
            "--source",
            "Witness Channel",
            "--published",
            "2024-05-02",
            "-",
        ],
        b"Drone strike on a fuel depot in Sevastopol.\n",
    );
    assert_ok(&out);
    let list = dir.json(&["report", "list", "--json"]);
    assert_eq!(list[0]["source"], "Witness Channel");
    assert_eq!(list[0]["published_at"], "2024-05-02");
    let sources = dir.json(&["source", "list", "--json"]);
    assert_eq!(sources[0]["kind"], "unknown");
}

#[test]
fn unknown_source_comes_from_the_url_host() {
    let dir = Dir::new();
    dir.write(
        "r.jsonl",
        "{\"id\":\"u1\",\"text\":\"Two killed in Aden.\",\"url\":\"https://www.aden-times.example/news/2\"}\n",
    );
    assert_ok(&dir.run(&["ingest", "r.jsonl"]));
    assert_eq!(
        dir.json(&["report", "show", "u1", "--json"])["report"]["source_name"],
        "aden-times.example"
    );
}

#[test]
fn sources_are_recorded_listed_shown_and_audited() {
    let dir = Dir::new();
    assert_ok(&dir.run(&[
        "source",
        "add",
        "Halab News Network",
        "--kind",
        "local-network",
        "--leaning",
        "pro-opposition",
        "--country",
        "sy",
        "--by",
        "lina",
        "--reason",
        "seen in footage",
    ]));
    let again = dir.run(&["source", "add", "halab news network"]);
    assert_eq!(again.status.code(), Some(1));
    assert!(stderr(&again).contains("already exists"));
    let shown = dir.json(&["source", "show", "Halab News Network", "--json"]);
    assert_eq!(shown["source"]["kind"], "local-network");
    assert_eq!(shown["source"]["country"], "SY");
    assert_eq!(shown["history"][0]["actor"], "lina");
    assert_eq!(shown["history"][0]["reason"], "seen in footage");
    let bad = dir.run(&["source", "add", "X", "--kind", "blog"]);
    assert_eq!(bad.status.code(), Some(2));
    assert_eq!(dir.json(&["stats", "--json"])["audit_entries"], 1);
}

#[test]
fn usage_errors_exit_2_and_missing_reports_exit_1() {
    let dir = Dir::new();
    assert_eq!(dir.run(&["ingest"]).status.code(), Some(2));
    assert_eq!(dir.run(&["ingest", "-", "-"]).status.code(), Some(2));
    let missing = dir.run(&["report", "show", "nope"]);
    assert_eq!(missing.status.code(), Some(1));
    assert!(stderr(&missing).contains("report 'nope' not found"));
    let gone = dir.run(&["ingest", "does-not-exist.txt"]);
    assert_eq!(gone.status.code(), Some(1));
    assert!(stderr(&gone).contains("does-not-exist.txt"));
}

/// A kill -9 in the middle of a large ingest leaves a sound store; running the same command
/// again stores exactly what is missing.
#[test]
fn killed_ingest_leaves_a_consistent_store_and_a_rerun_completes_it() {
    let dir = Dir::new();
    let n = 12_000;
    let mut jsonl = String::with_capacity(n * 120);
    for i in 0..n {
        jsonl.push_str(&format!(
            "{{\"id\":\"k{i}\",\"text\":\"Report {i}: shelling hit district {} of the city, killing {} people.\"}}\n",
            i % 97,
            i % 13
        ));
    }
    let file = dir.write("big.jsonl", &jsonl);
    let path = file.to_str().unwrap();
    let mut child = dir
        .cmd(&["ingest", path])
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    // Wait until some chunks are committed, then kill without warning.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
    loop {
        std::thread::sleep(std::time::Duration::from_millis(20));
        let stored = SqliteStore::open(&dir.db())
            .and_then(|s| s.stats())
            .map(|s| s.reports)
            .unwrap_or(0);
        if stored > 0 || std::time::Instant::now() > deadline {
            break;
        }
    }
    child.kill().unwrap();
    let status = child.wait().unwrap();
    let store = SqliteStore::open(&dir.db()).unwrap();
    store.integrity_check().unwrap();
    let before = store.stats().unwrap().reports;
    // Whatever was committed is searchable: reports and their index entries commit together.
    assert_eq!(
        store.search_reports("shelling", 0).unwrap().len() as u64,
        before
    );
    drop(store);
    assert!(before > 0, "nothing was committed before the kill");
    let rerun = dir.json(&["ingest", "--json", path]);
    let store = SqliteStore::open(&dir.db()).unwrap();
    // Sound, and the search index holds every report (integrity_check compares them).
    store.integrity_check().unwrap();
    assert_eq!(store.stats().unwrap().reports, n as u64);
    assert_eq!(store.search_reports("shelling", 0).unwrap().len(), n);
    assert_eq!(rerun["new"].as_u64().unwrap() + before, n as u64);
    if !status.success() {
        // The kill landed mid-way: the rerun found the committed part as duplicates.
        assert_eq!(rerun["duplicate"].as_u64().unwrap(), before);
    }
}

/// Reports spanning several chunks, with unreadable lines among them, are stored in input
/// order and are all searchable when the command returns.
#[test]
fn a_large_ingest_stores_in_input_order_and_everything_is_searchable_when_it_returns() {
    let dir = Dir::new();
    let n = 1_234;
    let mut jsonl = String::new();
    for i in 0..n {
        if i % 400 == 7 {
            jsonl.push_str("{not json\n");
        }
        jsonl.push_str(&format!(
            "{{\"id\":\"o{i}\",\"title\":\"Item {i}\",\"text\":\"Report number{i}: a drone struck a depot in Kherson.\"}}\n"
        ));
    }
    let file = dir.write("many.jsonl", &jsonl);
    let out = dir.run(&["ingest", "--json", "--no-extract", file.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let summary: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(summary["new"], n);
    assert_eq!(summary["failed"], 4);
    let store = SqliteStore::open(&dir.db()).unwrap();
    store.integrity_check().unwrap();
    let ids: Vec<i64> = (0..n)
        .map(|i| store.report(&format!("o{i}")).unwrap().id.0)
        .collect();
    assert!(
        ids.windows(2).all(|w| w[0] < w[1]),
        "ids out of input order"
    );
    assert_eq!(store.search_reports("kherson depot", 0).unwrap().len(), n);
    for i in [0, 499, 500, 1_233] {
        let hits = store.search_reports(&format!("number{i}"), 0).unwrap();
        assert_eq!(hits.len(), 1, "number{i}");
        assert_eq!(hits[0].external_id, format!("o{i}"));
    }
}

#[test]
fn a_correction_is_an_audit_entry_and_the_report_stays_as_ingested() {
    let dir = Dir::new();
    let file = dir.write("kharkiv.txt", TXT);
    assert_ok(&dir.run(&["ingest", "--no-extract", file.to_str().unwrap()]));
    assert_ok(&dir.run(&[
        "report",
        "correct",
        "kharkiv.txt",
        "published_at",
        "2022-02-28",
        "--by",
        "lina",
        "--reason",
        "dateline",
    ]));
    let shown = dir.json(&["report", "show", "kharkiv.txt", "--json"]);
    assert_eq!(
        shown["report"]["published_at"], "2022-03-01",
        "the stored report never changes"
    );
    assert_eq!(shown["corrections"][0]["details"]["value"], "2022-02-28");
    assert_eq!(shown["corrections"][0]["details"]["was"], "2022-03-01");
    assert_eq!(shown["corrections"][0]["actor"], "lina");
    let bad = dir.run(&["report", "correct", "kharkiv.txt", "sha256", "x"]);
    assert_eq!(bad.status.code(), Some(2));
}
