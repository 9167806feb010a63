//! Tests that read ../shared (the seed page and the data sets). Each says clearly when it is missing.

mod util;

use util::{assert_ok, shared, Dir};

/// The seed page ingests as text, a second ingest is a duplicate, and the original comes back
/// byte for byte.
#[test]
fn seed_page_ingests_deduplicates_and_round_trips() {
    let Some(shared) = shared() else { return };
    let seed = shared.join("seed/000_d0a73eaa55fd6ca0.txt");
    let bytes = std::fs::read(&seed).expect("read seed");
    let dir = Dir::new();
    let first = dir.json(&[
        "ingest",
        "--json",
        "--published",
        "2016-04-28",
        seed.to_str().unwrap(),
    ]);
    assert_eq!(first["new"], 1);
    let second = dir.json(&["ingest", "--json", seed.to_str().unwrap()]);
    assert_eq!(second["new"], 0);
    assert_eq!(second["duplicate"], 1);
    let original = dir.run(&["report", "show", "000_d0a73eaa55fd6ca0.txt", "--original"]);
    assert_ok(&original);
    assert_eq!(original.stdout, bytes);
}

/// The seed page and two reports of the same hospital strike from other angles (a
/// pro-government outlet carrying a denial, a monitor with another count) form one incident,
/// graded contested, whose casualty range spans the three figures.
#[test]
fn seed_and_companions_form_one_contested_incident() {
    let Some(shared) = shared() else { return };
    let seed = shared.join("seed/000_d0a73eaa55fd6ca0.txt");
    let companions = util::repo_root().join("fixtures/linking/seed_companions.jsonl");
    let dir = Dir::new();
    let out = dir.run(&[
        "ingest",
        "--published",
        "2016-04-28",
        seed.to_str().unwrap(),
        companions.to_str().unwrap(),
    ]);
    assert_ok(&out);
    let list = dir.json(&["incident", "list", "--json"]);
    let hospital: Vec<&serde_json::Value> = list
        .as_array()
        .unwrap()
        .iter()
        .filter(|i| {
            i["targets"]
                .as_array()
                .unwrap()
                .iter()
                .any(|t| t == "hospital")
        })
        .collect();
    assert_eq!(hospital.len(), 1, "{list:#}");
    let h = hospital[0];
    assert_eq!(h["reports"].as_array().unwrap().len(), 3, "{h:#}");
    assert_eq!(h["grade"], "contested", "{h:#}");
    assert_eq!(h["independent_sources"], 3);
    let figures: Vec<u64> = h["killed"]["per_source"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|f| f["low"].as_u64())
        .collect();
    assert_eq!(figures.len(), 3, "{h:#}");
    assert!(
        figures.contains(&55),
        "the seed's 'at least 55' is one figure: {figures:?}"
    );
    let (low, high) = (
        h["killed"]["low"].as_u64().unwrap(),
        h["killed"]["high"].as_u64().unwrap(),
    );
    assert!(
        figures.iter().all(|f| (low..=high).contains(f)),
        "{low}-{high} vs {figures:?}"
    );
    assert!(h["claims"]
        .as_array()
        .unwrap()
        .iter()
        .any(|c| c["stance"] == "denies"));
}
