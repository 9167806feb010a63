//! Loads the linking test set (fixtures/linking/) into mentions, and scores clusterings against
//! its gold labels. Shared by the tests and the `eval_linking` example.
#![allow(dead_code)]

use attest_link::{Cluster, LinkConfig, Mention, MentionKey, SourceInfo};
use attest_model::{Incident, ReportId, SourceKind};
use serde::Deserialize;
use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

/// The repository's `fixtures/linking` folder.
pub(crate) fn fixtures_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/linking")
}

/// One line of a linking fixture file.
#[derive(Debug, Clone, Deserialize)]
pub(crate) struct Line {
    pub(crate) id: String,
    pub(crate) text: String,
    pub(crate) published: Option<String>,
    pub(crate) source: String,
    #[serde(default)]
    pub(crate) title: Option<String>,
    pub(crate) gold_incident: String,
    /// The incident a perfect extractor would return.
    pub(crate) annotation: Incident,
}

#[derive(Debug, Deserialize)]
struct SourceLine {
    name: String,
    kind: SourceKind,
    leaning: Option<String>,
}

/// The sources file, by name.
pub(crate) fn sources() -> HashMap<String, SourceInfo> {
    let text = std::fs::read_to_string(fixtures_dir().join("sources.jsonl"))
        .expect("fixtures/linking/sources.jsonl is readable");
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let s: SourceLine = serde_json::from_str(l).expect("valid sources line");
            (
                s.name.clone(),
                SourceInfo {
                    name: s.name,
                    kind: s.kind,
                    leaning: s.leaning,
                },
            )
        })
        .collect()
}

/// Reads a fixture file of `fixtures/linking`.
pub(crate) fn lines(file: &str) -> Vec<Line> {
    let text = std::fs::read_to_string(fixtures_dir().join(file))
        .unwrap_or_else(|e| panic!("fixtures/linking/{file}: {e}"));
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .enumerate()
        .map(|(i, l)| {
            serde_json::from_str(l).unwrap_or_else(|e| panic!("{file} line {}: {e}", i + 1))
        })
        .collect()
}

/// Report ids: a stable number per line id, so keys do not depend on file order.
pub(crate) fn report_id(external_id: &str) -> ReportId {
    // FNV-1a, folded to a positive i64.
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in external_id.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    ReportId((h >> 1) as i64)
}

/// Mentions built from the hand annotation of each line (an oracle extraction).
pub(crate) fn oracle_mentions(lines: &[Line], cfg: &LinkConfig) -> Vec<Mention> {
    let sources = sources();
    lines
        .iter()
        .map(|l| {
            let source = sources.get(&l.source).cloned().unwrap_or(SourceInfo {
                name: l.source.clone(),
                kind: SourceKind::Unknown,
                leaning: None,
            });
            Mention::from_report(
                MentionKey::new(report_id(&l.id), 0),
                l.id.clone(),
                source,
                l.published.clone(),
                l.annotation.clone(),
                &l.text,
                cfg,
            )
        })
        .collect()
}

/// Pairwise scores of a clustering against gold labels.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct PairScores {
    pub(crate) true_pos: usize,
    pub(crate) predicted: usize,
    pub(crate) gold: usize,
}

impl PairScores {
    pub(crate) fn precision(&self) -> f64 {
        if self.predicted == 0 {
            1.0
        } else {
            self.true_pos as f64 / self.predicted as f64
        }
    }
    pub(crate) fn recall(&self) -> f64 {
        if self.gold == 0 {
            1.0
        } else {
            self.true_pos as f64 / self.gold as f64
        }
    }
    pub(crate) fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

/// Pairwise precision and recall: a pair of mentions is predicted when it shares a cluster and
/// gold when it shares a gold incident.
pub(crate) fn pair_scores(clusters: &[Cluster], gold: &BTreeMap<MentionKey, String>) -> PairScores {
    let mut cluster_of: BTreeMap<MentionKey, usize> = BTreeMap::new();
    for (i, c) in clusters.iter().enumerate() {
        for k in &c.mentions {
            cluster_of.insert(*k, i);
        }
    }
    let keys: Vec<&MentionKey> = gold.keys().collect();
    let mut s = PairScores {
        true_pos: 0,
        predicted: 0,
        gold: 0,
    };
    for (i, a) in keys.iter().enumerate() {
        for b in &keys[i + 1..] {
            let same_gold = gold[*a] == gold[*b];
            let same_pred = cluster_of.contains_key(*a) && cluster_of.get(*a) == cluster_of.get(*b);
            s.gold += usize::from(same_gold);
            s.predicted += usize::from(same_pred);
            s.true_pos += usize::from(same_gold && same_pred);
        }
    }
    s
}

/// Gold labels by mention key.
pub(crate) fn gold(lines: &[Line]) -> BTreeMap<MentionKey, String> {
    lines
        .iter()
        .map(|l| {
            (
                MentionKey::new(report_id(&l.id), 0),
                l.gold_incident.clone(),
            )
        })
        .collect()
}

/// Runs the extractor on each line; every extracted incident is a mention.
pub(crate) fn extract_all(
    extractor: &attest_extract::Extractor,
    set: &[Line],
    cfg: &LinkConfig,
) -> Vec<Mention> {
    let sources = sources();
    let mut out = Vec::new();
    for l in set {
        let ex = extractor.extract(&attest_extract::Document {
            text: &l.text,
            published: l.published.as_deref(),
            title: l.title.as_deref(),
        });
        let source = sources
            .get(&l.source)
            .cloned()
            .unwrap_or_else(|| attest_link::SourceInfo {
                name: l.source.clone(),
                ..Default::default()
            });
        for (i, inc) in ex.incidents.into_iter().enumerate() {
            out.push(Mention::from_report(
                MentionKey::new(report_id(&l.id), i as u32),
                l.id.clone(),
                source.clone(),
                l.published.clone(),
                inc,
                &l.text,
                cfg,
            ));
        }
    }
    out
}
