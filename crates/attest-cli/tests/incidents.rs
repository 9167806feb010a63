//! Incidents across sources: linking on ingest, order independence, and the analyst's review.

use crate::util::{assert_ok, stdout, Dir};
use serde_json::Value;
use std::collections::BTreeSet;

const REPORTS: [&str; 4] = [
    r#"{"id": "idlib-a", "source": "Idlib Voice", "published": "2019-05-15", "text": "An air strike hit the vegetable market in Ariha, Idlib province, on Tuesday, killing 21 civilians and wounding dozens, local rescuers said."}"#,
    r#"{"id": "idlib-b", "source": "Levant Ledger", "published": "2019-05-15", "text": "Warplanes struck a crowded market in Ariha, in Idlib province, on Tuesday. At least 16 people were killed and 35 injured, according to the civil defence."}"#,
    r#"{"id": "kharkiv-a", "source": "Kharkiv Courier", "published": "2022-04-15", "text": "Russian shelling hit the Saltivka district of Kharkiv on Thursday, killing four people and wounding eleven, the regional governor said."}"#,
    r#"{"id": "mosul-a", "source": "Tigris Wire", "published": "2016-07-09", "text": "A car bomb exploded near a checkpoint in eastern Mosul on Friday, killing seven people, police said."}"#,
];

fn ingest(dir: &Dir, order: &[usize]) {
    for (n, i) in order.iter().enumerate() {
        let file = dir.write(&format!("in{n}.jsonl"), format!("{}\n", REPORTS[*i]));
        assert_ok(&dir.run(&["ingest", file.to_str().unwrap()]));
    }
}

fn incidents(dir: &Dir) -> Vec<Value> {
    dir.json(&["incident", "list", "--json"])
        .as_array()
        .unwrap()
        .clone()
}

/// The incidents as sets of report ids, whatever their codes.
fn partition(dir: &Dir) -> BTreeSet<Vec<String>> {
    incidents(dir)
        .iter()
        .map(|i| {
            let mut r: Vec<String> = i["reports"]
                .as_array()
                .unwrap()
                .iter()
                .map(|r| r.as_str().unwrap().to_string())
                .collect();
            r.sort();
            r
        })
        .collect()
}

fn code_with(dir: &Dir, report: &str) -> String {
    incidents(dir)
        .iter()
        .find(|i| i["reports"].as_array().unwrap().iter().any(|r| r == report))
        .map(|i| i["code"].as_str().unwrap().to_string())
        .unwrap_or_else(|| panic!("no incident holds {report}"))
}

#[test]
fn reports_of_one_strike_link_and_any_order_gives_the_same_incidents() {
    let first = Dir::new();
    ingest(&first, &[0, 1, 2, 3]);
    let expected: BTreeSet<Vec<String>> = [
        vec!["idlib-a".to_string(), "idlib-b".to_string()],
        vec!["kharkiv-a".to_string()],
        vec!["mosul-a".to_string()],
    ]
    .into_iter()
    .collect();
    assert_eq!(partition(&first), expected);
    for order in [[3, 1, 2, 0], [2, 0, 3, 1]] {
        let other = Dir::new();
        ingest(&other, &order);
        assert_eq!(partition(&other), expected, "order {order:?}");
    }
    let list = incidents(&first);
    let ariha = list
        .iter()
        .find(|i| i["reports"].as_array().unwrap().len() == 2)
        .unwrap();
    for key in [
        "code",
        "previous_codes",
        "event_type",
        "date",
        "location",
        "killed",
        "injured",
        "grade",
        "sources",
        "independent_sources",
        "claims",
        "reports",
    ] {
        assert!(ariha.get(key).is_some(), "incident list --json lacks {key}");
    }
    assert!(ariha["code"]
        .as_str()
        .unwrap()
        .starts_with("SY-2019-05-14-"));
    assert_eq!(ariha["sources"], 2);
    assert_eq!(ariha["independent_sources"], 2);
    assert_eq!(ariha["grade"], "corroborated");
    assert_eq!(ariha["killed"]["low"], 16);
    assert_eq!(ariha["killed"]["high"], 21);
    assert_eq!(ariha["killed"]["per_source"].as_array().unwrap().len(), 2);
    // Filters.
    let sy = first.json(&["incident", "list", "--json", "--country", "SY"]);
    assert_eq!(sy.as_array().unwrap().len(), 1);
    let bombs = first.json(&[
        "incident",
        "list",
        "--json",
        "--type",
        "bombing",
        "--from",
        "2016-07-01",
        "--to",
        "2016-07-31",
    ]);
    assert_eq!(bombs.as_array().unwrap().len(), 1);
    let text = first.json(&["incident", "list", "--json", "--text", "kharkiv"]);
    assert_eq!(text.as_array().unwrap().len(), 1);
    let none = first.json(&["incident", "list", "--json", "--grade", "confirmed"]);
    assert!(none.as_array().unwrap().is_empty());
}

#[test]
fn merge_split_set_grade_note_are_audited_and_survive_relinking() {
    let dir = Dir::new();
    ingest(&dir, &[0, 1, 2, 3]);
    let kharkiv = code_with(&dir, "kharkiv-a");
    let mosul = code_with(&dir, "mosul-a");

    // Merge: one incident, the absorbed code still resolves to it.
    let out = dir.run(&[
        "incident",
        "merge",
        &kharkiv,
        &mosul,
        "--by",
        "rana",
        "--reason",
        "test merge",
    ]);
    assert_ok(&out);
    assert_eq!(incidents(&dir).len(), 2);
    let shown = dir.json(&["incident", "show", &mosul, "--json"]);
    assert_eq!(shown["code"], kharkiv);
    assert_eq!(shown["previous_codes"], serde_json::json!([mosul]));
    // Relinking keeps the analyst's merge.
    assert_ok(&dir.run(&["relink"]));
    assert_eq!(incidents(&dir).len(), 2);

    // Split it again: the moved report gets an incident of its own, and relinking keeps it apart.
    let out = dir.run(&[
        "incident",
        "split",
        &kharkiv,
        "--mention",
        "mosul-a",
        "--by",
        "rana",
        "--reason",
        "different events",
    ]);
    assert_ok(&out);
    assert!(stdout(&out).contains("split"));
    assert_ok(&dir.run(&["relink"]));
    assert_eq!(incidents(&dir).len(), 3);
    assert_eq!(
        code_with(&dir, "kharkiv-a"),
        kharkiv,
        "the code of an incident never changes"
    );

    // An analyst's figure overrides, the extracted one stays visible.
    let ariha = code_with(&dir, "idlib-a");
    assert_ok(&dir.run(&[
        "incident",
        "set",
        &ariha,
        "killed",
        "18-21",
        "--by",
        "omar",
        "--reason",
        "hospital list",
    ]));
    let shown = dir.json(&["incident", "show", &ariha, "--json"]);
    assert_eq!(shown["killed"]["low"], 18);
    assert_eq!(shown["analyst"]["killed"]["by"], "omar");
    assert_eq!(shown["extracted"]["killed"]["low"], 16);
    assert_eq!(shown["killed"]["per_source"].as_array().unwrap().len(), 2);
    let bad = dir.run(&["incident", "set", &ariha, "colour", "red"]);
    assert_eq!(bad.status.code(), Some(2));

    assert_ok(&dir.run(&[
        "incident",
        "grade",
        &ariha,
        "discounted",
        "--by",
        "omar",
        "--reason",
        "staged",
    ]));
    assert_eq!(
        dir.json(&["incident", "show", &ariha, "--json"])["grade"],
        "discounted"
    );
    assert_ok(&dir.run(&["relink"]));
    assert_eq!(
        dir.json(&["incident", "show", &ariha, "--json"])["grade"],
        "discounted"
    );
    assert_ok(&dir.run(&[
        "incident",
        "note",
        &ariha,
        "called the clinic",
        "--by",
        "omar",
    ]));

    let history = dir.json(&["incident", "history", &ariha, "--json"]);
    let actions: Vec<&str> = history
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["action"].as_str().unwrap())
        .collect();
    assert_eq!(actions, ["incident.set", "incident.grade", "incident.note"]);
    assert_eq!(history[0]["actor"], "omar");
    assert_eq!(history[0]["reason"], "hospital list");
    let merged = dir.json(&["incident", "history", &kharkiv, "--json"]);
    let actions: Vec<&str> = merged
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["action"].as_str().unwrap())
        .collect();
    // Both sides of the merge are recorded, under the survivor and the absorbed code.
    assert_eq!(
        actions,
        ["incident.merge", "incident.merge", "incident.split"]
    );
}

#[test]
fn explain_shows_the_score_and_features_of_each_link() {
    let dir = Dir::new();
    ingest(&dir, &[0, 1]);
    let code = code_with(&dir, "idlib-a");
    let shown = dir.json(&["incident", "show", &code, "--json", "--explain"]);
    let links: Vec<&Value> = shown["links"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|l| !l["link"].is_null())
        .collect();
    assert_eq!(links.len(), 1, "{shown:#}");
    assert!(links[0]["link"]["score"].as_f64().unwrap() > 0.0);
    assert!(!links[0]["link"]["features"].as_array().unwrap().is_empty());
    let text = stdout(&dir.run(&["incident", "show", &code, "--explain"]));
    assert!(text.contains("score"), "{text}");
}
