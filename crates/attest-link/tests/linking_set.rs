//! The linking test set (fixtures/linking/linking_set.jsonl), linked from its hand annotations.

mod support;

use attest_link::{corroborate, link, Constraints, Grade, LinkConfig, Mention};
use support::fixtures::{extract_all, gold, lines, oracle_mentions, pair_scores};

#[test]
fn test_set_has_the_promised_shape() {
    let lines = lines("linking_set.jsonl");
    let mut per: std::collections::BTreeMap<&str, usize> = Default::default();
    for l in &lines {
        *per.entry(l.gold_incident.as_str()).or_default() += 1;
    }
    let multi = per.values().filter(|n| (2..=5).contains(*n)).count();
    assert!(multi >= 40, "{multi} incidents reported 2-5 times");
    assert!(per.values().all(|n| *n <= 5));
    let sources = support::fixtures::sources();
    assert!(
        lines.iter().all(|l| sources.contains_key(&l.source)),
        "every outlet is in sources.jsonl"
    );
}

#[test]
fn oracle_linking_meets_the_targets() {
    let cfg = LinkConfig::default();
    let lines = lines("linking_set.jsonl");
    let mentions = oracle_mentions(&lines, &cfg);
    let clusters = link(&mentions, &cfg, &Constraints::default());
    let s = pair_scores(&clusters, &gold(&lines));
    eprintln!(
        "pairwise precision {:.3} recall {:.3} ({} true of {} predicted, {} gold pairs)",
        s.precision(),
        s.recall(),
        s.true_pos,
        s.predicted,
        s.gold
    );
    assert!(s.precision() >= 0.95, "precision {:.3}", s.precision());
    assert!(s.recall() >= 0.90, "recall {:.3}", s.recall());
}

/// The target, end to end: the real extractor and the embedded gazetteer read the
/// reports, then linking joins their main incidents.
#[test]
fn extracted_linking_meets_the_targets() {
    let cfg = LinkConfig::default();
    let lines = lines("linking_set.jsonl");
    let gazetteer = attest_geo::EmbeddedGazetteer::load().expect("embedded gazetteer");
    let extractor = attest_extract::Extractor::new(
        attest_extract::Lexicon::embedded().expect("embedded lexicons"),
        std::sync::Arc::new(gazetteer),
    );
    let mentions = extract_all(&extractor, &lines, &cfg);
    let clusters = link(&mentions, &cfg, &Constraints::default());
    // Score each report by its main incident; further incidents are not in the gold.
    let main: Vec<attest_link::Cluster> = clusters
        .iter()
        .map(|c| attest_link::Cluster {
            mentions: c
                .mentions
                .iter()
                .copied()
                .filter(|k| k.index == 0)
                .collect(),
            links: Vec::new(),
        })
        .collect();
    let s = pair_scores(&main, &gold(&lines));
    eprintln!(
        "extracted: pairwise precision {:.3} recall {:.3} ({} true of {} predicted, {} gold pairs)",
        s.precision(),
        s.recall(),
        s.true_pos,
        s.predicted,
        s.gold
    );
    assert!(s.precision() >= 0.95, "precision {:.3}", s.precision());
    assert!(s.recall() >= 0.90, "recall {:.3}", s.recall());
}

#[test]
fn growing_toll_is_one_incident_and_same_town_strikes_are_two() {
    let cfg = LinkConfig::default();
    let lines = lines("linking_set.jsonl");
    let mentions = oracle_mentions(&lines, &cfg);
    let clusters = link(&mentions, &cfg, &Constraints::default());
    let gold = gold(&lines);
    let members = |id: &str| -> Vec<usize> {
        let keys: Vec<_> = gold
            .iter()
            .filter(|(_, g)| *g == id)
            .map(|(k, _)| *k)
            .collect();
        let mut cs: Vec<usize> = keys
            .iter()
            .filter_map(|k| clusters.iter().position(|c| c.mentions.contains(k)))
            .collect();
        cs.sort_unstable();
        cs.dedup();
        cs
    };
    assert_eq!(
        members("L03").len(),
        1,
        "the growing toll stays one incident"
    );
    let (market, school) = (members("L04"), members("L05"));
    assert_eq!((market.len(), school.len()), (1, 1));
    assert_ne!(market, school, "two strikes on one town and day stay apart");

    let l03: Vec<&Mention> = mentions
        .iter()
        .filter(|m| gold.get(&m.key).is_some_and(|g| g == "L03"))
        .collect();
    let c = corroborate(&l03, &cfg, None);
    assert_eq!((c.killed.low, c.killed.high), (Some(9), Some(34)));
    assert_eq!(c.grade, Grade::Corroborated);
}

#[test]
fn shuffled_inputs_give_identical_incidents() {
    let cfg = LinkConfig::default();
    let lines = lines("linking_set.jsonl");
    let mut mentions = oracle_mentions(&lines, &cfg);
    let expected = link(&mentions, &cfg, &Constraints::default());
    let mut state: u64 = 7;
    for round in 0..5 {
        for i in (1..mentions.len()).rev() {
            state = state
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            mentions.swap(i, ((state >> 33) % (i as u64 + 1)) as usize);
        }
        assert_eq!(
            link(&mentions, &cfg, &Constraints::default()),
            expected,
            "round {round}"
        );
    }
}

#[test]
fn grades_on_the_test_set() {
    let cfg = LinkConfig::default();
    let lines = lines("linking_set.jsonl");
    let mentions = oracle_mentions(&lines, &cfg);
    let gold = gold(&lines);
    let weigh = |id: &str| {
        let ms: Vec<&Mention> = mentions
            .iter()
            .filter(|m| gold.get(&m.key).is_some_and(|g| g == id))
            .collect();
        corroborate(&ms, &cfg, None)
    };
    // Islamic State claims the Kirkuk assault.
    assert_eq!(weigh("L17").grade, Grade::Confirmed);
    // The coalition, accused by activists, confirms its strikes on Raqqa that day.
    assert_eq!(weigh("L07").grade, Grade::Confirmed);
    // Al-Ahli hospital: a denial and conflicting attributions.
    let ahli = weigh("L39");
    assert_eq!(ahli.grade, Grade::Contested);
    assert_eq!((ahli.killed.low, ahli.killed.high), (Some(100), Some(300)));
    // Two outlets both relying on SOHR count once: Idlib market has two independent sources.
    let idlib = weigh("L02");
    assert_eq!((idlib.sources, idlib.independent_sources), (3, 2));
    assert_eq!(idlib.grade, Grade::Corroborated);
    // Mosul: the coalition and Islamic State are both blamed.
    assert_eq!(weigh("L13").grade, Grade::Contested);
    // A single report stays single-source.
    assert_eq!(weigh("D01").grade, Grade::SingleSource);
}
