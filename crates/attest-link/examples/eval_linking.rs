//! Evaluates linking on the test set (fixtures/linking/linking_set.jsonl) and prints pairwise
//! precision and recall, twice: from the hand annotations (linking alone) and from the real
//! extractor with the embedded gazetteer (extraction + linking). Also links the seed hospital
//! strike with its two companions when ../shared/seed is present.
//!
//!     cargo run -p attest-link --example eval_linking [-- --verbose]

#[path = "../tests/support/fixtures.rs"]
mod fixtures;

use attest_extract::{Extractor, Lexicon};
use attest_link::{
    corroborate, link, score_pair, Cluster, Constraints, LinkConfig, Mention, MentionKey,
};
use fixtures::{extract_all, gold, lines, oracle_mentions, pair_scores, Line};
use std::collections::BTreeMap;
use std::sync::Arc;
use std::time::Instant;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let verbose = std::env::args().any(|a| a == "--verbose");
    let cfg = LinkConfig::default();
    let set = lines("linking_set.jsonl");
    let gold = gold(&set);
    println!(
        "linking test set: {} reports, {} incidents",
        set.len(),
        gold.values()
            .collect::<std::collections::BTreeSet<_>>()
            .len()
    );

    let oracle = oracle_mentions(&set, &cfg);
    report("hand annotations", &oracle, &gold, &cfg, verbose);

    let started = Instant::now();
    let gazetteer = attest_geo::EmbeddedGazetteer::load()?;
    let extractor = Extractor::new(Lexicon::embedded()?, Arc::new(gazetteer));
    let extracted = extract_all(&extractor, &set, &cfg);
    println!(
        "extracted {} mentions from {} reports in {:.1} s",
        extracted.len(),
        set.len(),
        started.elapsed().as_secs_f64()
    );
    report("attest-extract", &extracted, &gold, &cfg, verbose);

    if let Some(seed) = seed_text() {
        let mut companions = lines("seed_companions.jsonl");
        companions.push(Line {
            id: "seed-000".into(),
            text: seed,
            published: Some("2016-04-28".into()),
            source: "The Independent".into(),
            title: None,
            gold_incident: "SEED".into(),
            annotation: Default::default(),
        });
        let ms = extract_all(&extractor, &companions, &cfg);
        let clusters = link(&ms, &cfg, &Constraints::default());
        println!("seed scenario (extracted): {} incident(s)", clusters.len());
        if verbose {
            for m in &ms {
                let i = &m.incident;
                println!(
                    "  {} #{}: {} {:?} {:?} {:?} killed {:?} names {:?}",
                    m.external_id,
                    m.key.index,
                    i.event_type,
                    i.date.start,
                    i.location
                        .as_ref()
                        .map(|l| (&l.mention, &l.country_code, l.lat, l.lon)),
                    i.targets,
                    i.killed,
                    m.target_names
                );
            }
            let main: Vec<&Mention> = ms.iter().filter(|m| m.key.index == 0).collect();
            for (i, a) in main.iter().enumerate() {
                for b in &main[i + 1..] {
                    let e = score_pair(a, b, &cfg);
                    let why: Vec<String> = e
                        .features
                        .iter()
                        .map(|f| {
                            format!(
                                "{}{}={:+.2}[{}]",
                                if f.veto { "VETO " } else { "" },
                                f.name,
                                f.contribution,
                                f.detail
                            )
                        })
                        .collect();
                    println!(
                        "  {} / {}: {:.2} {}",
                        a.external_id,
                        b.external_id,
                        e.score,
                        why.join("; ")
                    );
                }
            }
        }
        for c in &clusters {
            let refs: Vec<&Mention> = ms.iter().filter(|m| c.mentions.contains(&m.key)).collect();
            let co = corroborate(&refs, &cfg, None);
            println!(
                "  {} report(s), grade {}, killed {:?}..{:?}, reasons {:?}",
                refs.len(),
                co.grade,
                co.killed.low,
                co.killed.high,
                co.grade_reasons
            );
        }
    } else {
        println!("seed scenario skipped: ../shared/seed is missing");
    }
    Ok(())
}

fn seed_text() -> Option<String> {
    let dir =
        std::path::PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/seed"));
    let entry = std::fs::read_dir(dir)
        .ok()?
        .flatten()
        .find(|e| e.path().extension().is_some_and(|x| x == "txt"))?;
    std::fs::read_to_string(entry.path()).ok()
}

fn report(
    label: &str,
    mentions: &[Mention],
    gold: &BTreeMap<MentionKey, String>,
    cfg: &LinkConfig,
    verbose: bool,
) {
    let started = Instant::now();
    let clusters = link(mentions, cfg, &Constraints::default());
    let took = started.elapsed();
    // Score each report by its main incident (index 0); extra incidents are not in the gold.
    let main: Vec<Cluster> = clusters
        .iter()
        .map(|c| Cluster {
            mentions: c
                .mentions
                .iter()
                .copied()
                .filter(|k| k.index == 0)
                .collect(),
            links: Vec::new(),
        })
        .collect();
    let s = pair_scores(&main, gold);
    println!(
        "{label}: pairwise precision {:.3}, recall {:.3}, F1 {:.3} ({} true of {} predicted pairs, {} gold pairs); {} incidents; linked in {:.1} ms",
        s.precision(),
        s.recall(),
        s.f1(),
        s.true_pos,
        s.predicted,
        s.gold,
        clusters.len(),
        took.as_secs_f64() * 1000.0
    );
    if verbose {
        // Gold pairs left apart, with the reason.
        let main_of: BTreeMap<MentionKey, usize> = clusters
            .iter()
            .enumerate()
            .flat_map(|(i, c)| c.mentions.iter().map(move |k| (*k, i)))
            .collect();
        let ms: Vec<&Mention> = mentions.iter().filter(|m| m.key.index == 0).collect();
        for (i, a) in ms.iter().enumerate() {
            for b in &ms[i + 1..] {
                if gold.get(&a.key) == gold.get(&b.key)
                    && main_of.get(&a.key) != main_of.get(&b.key)
                {
                    let e = score_pair(a, b, cfg);
                    let why: Vec<String> = e
                        .features
                        .iter()
                        .map(|f| {
                            format!(
                                "{}{}={:+.2}[{}]",
                                if f.veto { "VETO " } else { "" },
                                f.name,
                                f.contribution,
                                f.detail
                            )
                        })
                        .collect();
                    println!(
                        "  missed {} / {}: score {:.2} {}",
                        a.external_id,
                        b.external_id,
                        e.score,
                        why.join("; ")
                    );
                }
            }
        }
        let by_key: BTreeMap<MentionKey, &Mention> = mentions.iter().map(|m| (m.key, m)).collect();
        for c in &clusters {
            let labels: Vec<String> = c
                .mentions
                .iter()
                .map(|k| {
                    format!(
                        "{}:{}",
                        by_key.get(k).map_or("?", |m| m.external_id.as_str()),
                        gold.get(k).map_or("-", String::as_str)
                    )
                })
                .collect();
            let mixed = c
                .mentions
                .iter()
                .filter_map(|k| gold.get(k))
                .collect::<std::collections::BTreeSet<_>>()
                .len()
                > 1;
            println!(
                "  {}{}",
                if mixed { "MIXED " } else { "" },
                labels.join(" ")
            );
        }
    }
}
