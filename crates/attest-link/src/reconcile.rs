//! Keeping incident codes stable when mentions are linked again (after a lexicon or gazetteer
//! change, or new reports).

use crate::cluster::Cluster;
use crate::mention::MentionKey;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// An incident as the store knew it before re-linking.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PreviousIncident {
    /// Its code.
    pub code: String,
    /// Its mentions.
    pub mentions: Vec<MentionKey>,
}

/// What becomes of one new cluster.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reconciled {
    /// Index of the cluster in the slice given to [`reconcile`].
    pub cluster: usize,
    /// The previous code it keeps; `None` for a new incident, which needs a new code.
    pub code: Option<String>,
    /// Previous codes merged into it (to add to its `previous_codes`, so they still resolve).
    pub absorbed: Vec<String>,
}

/// The outcome of [`reconcile`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reconciliation {
    /// One entry per cluster, in cluster order.
    pub incidents: Vec<Reconciled>,
    /// Previous codes none of whose mentions remain.
    pub retired: Vec<String>,
}

/// Matches new clusters to previous incidents so that codes never change needlessly.
///
/// Rule: pairs (cluster, previous incident) are ranked by the number of mentions they share
/// (most first, then by the incident's position in `previous`, then by cluster); each is taken when neither side is taken yet,
/// and the cluster keeps that code. A previous incident left without a cluster is absorbed by
/// the cluster holding most of its mentions (its code goes to that cluster's `absorbed`), or
/// retired when none of its mentions remain.
pub fn reconcile(previous: &[PreviousIncident], clusters: &[Cluster]) -> Reconciliation {
    let mut cluster_of: HashMap<MentionKey, usize> = HashMap::new();
    for (i, c) in clusters.iter().enumerate() {
        for k in &c.mentions {
            cluster_of.insert(*k, i);
        }
    }
    // Ties go to the incident given first: callers order `previous` by preference (oldest
    // first, or an analyst's chosen survivor first).
    let mut seen = BTreeSet::new();
    let prev: Vec<&PreviousIncident> = previous
        .iter()
        .filter(|p| seen.insert(p.code.as_str()))
        .collect();
    // overlap[(code index, cluster)] = shared mentions
    let mut overlap: BTreeMap<(usize, usize), usize> = BTreeMap::new();
    for (p, inc) in prev.iter().enumerate() {
        let keys: BTreeSet<&MentionKey> = inc.mentions.iter().collect();
        for k in keys {
            if let Some(&c) = cluster_of.get(k) {
                *overlap.entry((p, c)).or_default() += 1;
            }
        }
    }
    let mut ranked: Vec<(usize, usize, usize)> =
        overlap.iter().map(|(&(p, c), &n)| (n, p, c)).collect();
    ranked.sort_by(|x, y| y.0.cmp(&x.0).then(x.1.cmp(&y.1)).then(x.2.cmp(&y.2)));
    let mut code_of: Vec<Option<usize>> = vec![None; clusters.len()];
    let mut taken = vec![false; prev.len()];
    for &(_, p, c) in &ranked {
        if !taken[p] && code_of[c].is_none() {
            taken[p] = true;
            code_of[c] = Some(p);
        }
    }
    let mut absorbed: Vec<Vec<String>> = vec![Vec::new(); clusters.len()];
    let mut retired = Vec::new();
    for (p, inc) in prev.iter().enumerate() {
        if taken[p] {
            continue;
        }
        match ranked.iter().find(|&&(_, q, _)| q == p) {
            Some(&(_, _, c)) => absorbed[c].push(inc.code.clone()),
            None => retired.push(inc.code.clone()),
        }
    }
    Reconciliation {
        incidents: (0..clusters.len())
            .map(|c| Reconciled {
                cluster: c,
                code: code_of[c].map(|p| prev[p].code.clone()),
                absorbed: std::mem::take(&mut absorbed[c]),
            })
            .collect(),
        retired,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use attest_model::ReportId;

    fn k(r: i64) -> MentionKey {
        MentionKey::new(ReportId(r), 0)
    }

    fn cluster(rs: &[i64]) -> Cluster {
        Cluster {
            mentions: rs.iter().map(|r| k(*r)).collect(),
            links: Vec::new(),
        }
    }

    fn prev(code: &str, rs: &[i64]) -> PreviousIncident {
        PreviousIncident {
            code: code.into(),
            mentions: rs.iter().map(|r| k(*r)).collect(),
        }
    }

    #[test]
    fn codes_survive_growth_merges_splits_and_removals() {
        let previous = vec![
            prev("SY-2016-04-27-001", &[1, 2, 3]),
            prev("SY-2016-04-27-002", &[4]),
            prev("SY-2016-04-28-001", &[5, 6]),
            prev("SY-2016-05-01-001", &[9]),
        ];
        // 1-3 grow by 7 and absorb 4; 5 and 6 are split apart; 8 is new; 9 is gone.
        let clusters = vec![
            cluster(&[1, 2, 3, 4, 7]),
            cluster(&[5]),
            cluster(&[6]),
            cluster(&[8]),
        ];
        let r = reconcile(&previous, &clusters);
        assert_eq!(r.incidents[0].code.as_deref(), Some("SY-2016-04-27-001"));
        assert_eq!(
            r.incidents[0].absorbed,
            vec!["SY-2016-04-27-002".to_string()]
        );
        // The split: the lower cluster index keeps the code on a tie; the other is new.
        assert_eq!(r.incidents[1].code.as_deref(), Some("SY-2016-04-28-001"));
        assert_eq!(r.incidents[2].code, None);
        assert_eq!(r.incidents[3].code, None);
        assert_eq!(r.retired, vec!["SY-2016-05-01-001".to_string()]);
    }

    #[test]
    fn unchanged_clusters_keep_their_codes() {
        let previous = vec![prev("A", &[1, 2]), prev("B", &[3])];
        let clusters = vec![cluster(&[1, 2]), cluster(&[3])];
        let r = reconcile(&previous, &clusters);
        let codes: Vec<Option<&str>> = r.incidents.iter().map(|i| i.code.as_deref()).collect();
        assert_eq!(codes, vec![Some("A"), Some("B")]);
        assert!(r.retired.is_empty());
    }
}
