//! `attest extract` (the contract), extraction during ingest, `reextract`, and user places.

use crate::util::{assert_ok, stdout, Dir};

fn lines(out: &std::process::Output) -> Vec<serde_json::Value> {
    stdout(out)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("not JSON ({e}): {l}")))
        .collect()
}

const STRIKE: &str = "An air strike hit a hospital in Idlib on Tuesday, killing at least 12 people and wounding 30, the Syrian Observatory for Human Rights said.";

#[test]
fn contract_lines_in_order_with_error_lines_for_bad_input() {
    let dir = Dir::new();
    let input = format!(
        "{}\n{{not json\n\n{}\n{}\n{}\n",
        serde_json::json!({"id": "a", "text": STRIKE, "published": "2019-05-09"}),
        serde_json::json!({"id": "no-text"}),
        serde_json::json!({"id": "empty", "text": ""}),
        serde_json::json!({"id": "page", "html": format!("<html><head><title>Strike</title></head><body><article><p>{STRIKE}</p></article></body></html>"), "published": "2019-05-09"}),
    );
    let out = dir.run_with_stdin(&["extract", "--with-text"], input.as_bytes());
    assert_ok(&out);
    let got = lines(&out);
    assert_eq!(got.len(), 5, "one output line per non-blank input line");
    assert_eq!(got[0]["id"], "a");
    assert_eq!(got[0]["schema"], 1);
    assert_eq!(got[0]["text"], STRIKE);
    let inc = &got[0]["incidents"][0];
    assert_eq!(inc["event_type"], "air_strike");
    assert_eq!(inc["killed"]["low"], 12);
    assert_eq!(inc["injured"]["low"], 30);
    assert_eq!(inc["location"]["country_code"], "SY");
    assert_eq!(inc["date"]["start"], "2019-05-07");
    // Every evidence span lies in the text.
    for spans in inc["evidence"].as_object().unwrap().values() {
        for span in spans.as_array().unwrap() {
            let (s, e) = (
                span[0].as_u64().unwrap() as usize,
                span[1].as_u64().unwrap() as usize,
            );
            assert!(s < e && e <= STRIKE.len(), "span {span} outside the text");
        }
    }
    assert_eq!(
        got[1]["id"], 2,
        "a line with no readable id is named by its number"
    );
    assert!(got[1]["error"].as_str().unwrap().contains("line 2"));
    assert_eq!(got[2]["id"], "no-text");
    assert!(got[2]["error"]
        .as_str()
        .unwrap()
        .contains("\"text\" or \"html\""));
    assert_eq!(got[3]["id"], "empty");
    assert_eq!(got[3]["incidents"], serde_json::json!([]));
    assert_eq!(got[4]["id"], "page");
    assert_eq!(got[4]["incidents"][0]["killed"]["low"], 12);
    assert!(got[4]["text"].as_str().unwrap().contains("air strike"));
}

#[test]
fn binary_and_oversized_lines_give_error_lines_and_threads_keep_order() {
    let dir = Dir::new();
    let mut input = Vec::new();
    input.extend_from_slice(b"\xff\xfe\x00garbage\n");
    input.extend_from_slice(
        format!(
            "{}\n",
            serde_json::json!({"id": "big", "text": "x".repeat(5000)})
        )
        .as_bytes(),
    );
    for i in 0..700 {
        input.extend_from_slice(
            format!(
                "{}\n",
                serde_json::json!({"id": format!("r{i}"), "text": STRIKE})
            )
            .as_bytes(),
        );
    }
    let out = dir.run_with_stdin(&["extract", "--threads", "2", "--max-size", "4KiB"], &input);
    assert_ok(&out);
    let got = lines(&out);
    assert_eq!(got.len(), 702);
    assert_eq!(got[0]["id"], 1);
    assert!(got[0]["error"].as_str().unwrap().contains("UTF-8"));
    assert_eq!(got[1]["id"], "big");
    assert!(got[1]["error"].as_str().unwrap().contains("--max-size"));
    for (i, line) in got[2..].iter().enumerate() {
        assert_eq!(line["id"], format!("r{i}"));
    }
}

#[test]
fn ingest_stores_extractions_and_reextract_keeps_earlier_ones() {
    let dir = Dir::new();
    dir.write(
        "r.jsonl",
        format!(
            "{}\n",
            serde_json::json!({"id": "s1", "text": STRIKE, "published": "2019-05-09"})
        ),
    );
    let summary = dir.json(&["ingest", "--json", "r.jsonl"]);
    assert_eq!(summary["incidents"], 1);
    let shown = dir.json(&["report", "show", "s1", "--json"]);
    let extractions = shown["extractions"].as_array().unwrap();
    assert_eq!(extractions.len(), 1);
    assert_eq!(
        extractions[0]["result"]["incidents"][0]["killed"]["low"],
        12
    );
    assert!(extractions[0]["lexicon_version"]
        .as_str()
        .unwrap()
        .contains("gaz:"));
    // Same lexicons: nothing to redo.
    assert!(stdout(&dir.run(&["reextract"])).contains("re-extracted 0 reports"));
    // A user lexicon changes the version: a new result is added, the old one kept.
    let lex = dir.path().join("lex");
    std::fs::create_dir_all(&lex).unwrap();
    let out = dir.run(&["reextract", "--lexicon", lex.to_str().unwrap()]);
    assert_ok(&out);
    let shown = dir.json(&["report", "show", "s1", "--json"]);
    assert_eq!(shown["extractions"].as_array().unwrap().len(), 2);
    assert_eq!(dir.json(&["stats", "--json"])["extracted_incidents"], 1);
}

#[test]
fn a_place_added_by_the_user_geocodes_at_once() {
    let dir = Dir::new();
    let text = "Shelling hit the Zahrat al-Madain quarter on Monday, killing three people.";
    let input = format!(
        "{}\n",
        serde_json::json!({"id": "q", "text": text, "published": "2016-05-02"})
    );
    let before = lines(&dir.run_with_stdin(&["extract"], input.as_bytes()));
    let loc = &before[0]["incidents"][0]["location"];
    assert!(loc.is_null() || loc["name"] != "Zahrat al-Madain", "{loc}");
    assert_ok(&dir.run(&[
        "place",
        "add",
        "Zahrat al-Madain",
        "--lat",
        "36.1911",
        "--lon",
        "37.1417",
        "--kind",
        "district",
        "--country",
        "SY",
        "--admin1",
        "Aleppo",
        "--alias",
        "Zahraa al-Madaen",
    ]));
    let after = lines(&dir.run_with_stdin(&["extract"], input.as_bytes()));
    let loc = &after[0]["incidents"][0]["location"];
    assert_eq!(loc["name"], "Zahrat al-Madain", "{}", after[0]);
    assert_eq!(loc["precision"], "district");
    assert_eq!(loc["country_code"], "SY");
    let places = dir.json(&["place", "list", "--json"]);
    assert_eq!(places[0]["origin"], "added");
    let bad = dir.run(&[
        "place",
        "add",
        "X",
        "--lat",
        "95",
        "--lon",
        "0",
        "--kind",
        "site",
        "--country",
        "SY",
    ]);
    assert_eq!(bad.status.code(), Some(2));
}

#[test]
fn gazetteer_import_reads_a_geonames_file_and_names_bad_lines() {
    let dir = Dir::new();
    // GeoNames columns: id, name, asciiname, alternatenames, lat, lon, class, code, cc, cc2,
    // admin1..4, population, elevation, dem, timezone, modified.
    let row = |id: &str, name: &str, alt: &str, lat: &str, lon: &str, class: &str, code: &str| {
        format!("{id}\t{name}\t{name}\t{alt}\t{lat}\t{lon}\t{class}\t{code}\tSY\t\t09\t\t\t\t0\t\t380\tAsia/Damascus\t2020-01-01\n")
    };
    let mut file = String::new();
    file.push_str(&row(
        "990001",
        "Karm al-Jabal",
        "Karm al Jabal,Karm el-Jabal",
        "36.2125",
        "37.1736",
        "P",
        "PPLX",
    ));
    file.push_str("not a geonames line\n");
    file.push_str(&row("990002", "Nahr Test", "", "36.0", "37.0", "H", "STM"));
    dir.write("SY.txt", &file);
    let out = dir.run(&["gazetteer", "import", "SY.txt"]);
    assert_eq!(out.status.code(), Some(1), "a bad line is reported");
    assert!(String::from_utf8_lossy(&out.stderr).contains("SY.txt:2"));
    assert!(stdout(&out).contains("1 places read, 1 added"));
    let text = "Barrel bombs fell on Karm el-Jabal on Friday, killing five.";
    let input = format!(
        "{}\n",
        serde_json::json!({"id": "k", "text": text, "published": "2016-05-02"})
    );
    let got = lines(&dir.run_with_stdin(&["extract"], input.as_bytes()));
    assert_eq!(
        got[0]["incidents"][0]["location"]["name"], "Karm al-Jabal",
        "{}",
        got[0]
    );
    assert_eq!(got[0]["incidents"][0]["location"]["geonameid"], 990001);
    // Importing again adds nothing.
    assert!(stdout(&dir.run(&["gazetteer", "import", "SY.txt"])).contains("0 added"));
}

#[test]
fn explain_says_how_each_sentence_was_read() {
    let dir = Dir::new();
    let text = format!("The militia threatened to bomb the station. {STRIKE}");
    let input = format!(
        "{}\n",
        serde_json::json!({"id": "a", "text": text, "published": "2019-05-09"})
    );
    let plain = lines(&dir.run_with_stdin(&["extract"], input.as_bytes()));
    assert!(plain[0].get("explain").is_none(), "only when asked for");
    let out = dir.run_with_stdin(&["extract", "--explain"], input.as_bytes());
    assert_ok(&out);
    let got = &lines(&out)[0];
    assert_eq!(got["incidents"], plain[0]["incidents"], "same incidents");
    let explain = &got["explain"];
    assert!(explain["lexicon_version"].is_string());
    assert!(explain["places"].is_array());
    let sentences = explain["sentences"].as_array().expect("explain.sentences");
    assert_eq!(sentences.len(), 2, "{sentences:#?}");
    let threat = &sentences[0];
    assert_eq!(threat["span"], serde_json::json!([0, 43]));
    assert_eq!(threat["incident"], serde_json::Value::Null);
    assert_eq!(threat["reading"], "none");
    assert_eq!(
        threat["triggers"],
        serde_json::json!([{"text": "bomb", "event": "bombing", "kept": false, "why": "unreal: threatened to"}])
    );
    assert_eq!(threat["counts"], serde_json::json!([]));
    let strike = &sentences[1];
    assert_eq!(strike["incident"], 0);
    assert_eq!(strike["reading"], "incident");
    let [s, e] = [0, 1].map(|k| strike["span"][k].as_u64().unwrap() as usize);
    assert_eq!(&text[s..e], STRIKE);
    assert_eq!(strike["triggers"][0]["text"], "air strike");
    assert_eq!(strike["triggers"][0]["kept"], true);
    assert!(strike["triggers"][0].get("why").is_none());
    assert_eq!(
        strike["counts"],
        serde_json::json!([
            {"kind": "killed", "low": 12, "high": null, "text": "killing at least 12 people"},
            {"kind": "injured", "low": 30, "high": 30, "text": "wounding 30"}
        ])
    );
}

#[test]
fn report_show_explain_reads_a_stored_report_again() {
    let dir = Dir::new();
    let text = format!("The militia threatened to bomb the station. {STRIKE}");
    let file = dir.write(
        "r.jsonl",
        format!(
            "{}\n",
            serde_json::json!({"id": "r1", "text": text, "published": "2019-05-09"})
        ),
    );
    assert_ok(&dir.run(&["ingest", file.to_str().unwrap()]));
    let plain = dir.json(&["report", "show", "r1", "--json"]);
    assert!(plain.get("explain").is_none(), "only when asked for");
    let shown = dir.json(&["report", "show", "r1", "--json", "--explain"]);
    let line = &shown["explain"];
    assert_eq!(line["incidents"][0]["event_type"], "air_strike");
    let threat = &line["explain"]["sentences"][0];
    assert_eq!(threat["triggers"][0]["why"], "unreal: threatened to");
    assert_eq!(line["explain"]["sentences"][1]["incident"], 0);
    let out = dir.run(&["report", "show", "r1", "--explain"]);
    assert_ok(&out);
    let printed = stdout(&out);
    assert!(
        printed.contains("bomb (bombing) dropped: unreal: threatened to"),
        "{printed}"
    );
    assert!(
        printed.contains("incident 0 (air_strike): An air strike"),
        "{printed}"
    );
    assert!(
        printed.contains("killed at least 12: killing at least 12 people"),
        "{printed}"
    );
}
