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
