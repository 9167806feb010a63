//! Linking: blocking, pair scoring and the clustering rule.

use crate::config::LinkConfig;
use crate::mention::{Mention, MentionKey};
use crate::score::{score_prepared, Ctx, Feature, LinkExplanation, PlacePrecision, Prepared};
use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap};

/// Analyst decisions that linking must respect.
///
/// How the store turns review commands into constraints: merging incident A into B adds one
/// must-link between a mention of A and a mention of B (the whole incidents are joined); splitting
/// mention m out of an incident adds a cannot-link between m and every other mention it leaves.
/// Keep them keyed by mention, so re-linking after a lexicon or gazetteer change replays them.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Constraints {
    /// Pairs an analyst merged: their incidents are joined (unless a cannot-link forbids it).
    pub must_link: Vec<(MentionKey, MentionKey)>,
    /// Pairs an analyst split: never in one incident.
    pub cannot_link: Vec<(MentionKey, MentionKey)>,
}

/// One incident: its mentions and the links that joined them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Cluster {
    /// Mentions, in key order.
    pub mentions: Vec<MentionKey>,
    /// The links that joined the mentions (a spanning tree), in key order; analyst merges carry
    /// an `analyst_must_link` feature.
    pub links: Vec<LinkExplanation>,
}

/// Links mentions into incidents.
///
/// The rule, applied to the mentions in key order (so the input order never matters):
/// 1. Candidate pairs: mentions whose dates are within the largest date tolerance, and either
///    both placed by coordinates in neighbouring grid cells, or one placed coarsely (admin1,
///    country, no coordinates) in the same country. At most `link.max_candidates` per mention,
///    nearest in date first; of its linked pairs, the `link.max_links_per_mention` best are kept.
/// 2. Every candidate pair is scored ([`crate::score_pair`]); linked pairs are sorted by score,
///    highest first, then by keys.
/// 3. The linked pairs are applied in that order. A pair joins its two incidents unless an
///    analyst split (`cannot_link`) separates them, the result would exceed
///    `link.max_cluster_size`, or some pair across the two incidents is vetoed, scores below
///    `link.min_cross_score`, or (with `link.cross_forbids_contradiction`) carries a
///    contradiction (a feature with a negative contribution).
/// 4. Analyst merges (`must_link`, in key order) then join the whole incidents of their two
///    mentions, whatever the scores, unless an analyst split separates them.
///
/// Mentions with a duplicate key are dropped (the first in key order is kept).
pub fn link(mentions: &[Mention], cfg: &LinkConfig, constraints: &Constraints) -> Vec<Cluster> {
    let mut order: Vec<&Mention> = mentions.iter().collect();
    order.sort_by_key(|m| m.key);
    order.dedup_by(|a, b| a.key == b.key);
    let prepared: Vec<Prepared<'_>> = order.par_iter().map(|m| Prepared::new(m, cfg)).collect();
    let index: HashMap<MentionKey, usize> = prepared
        .iter()
        .enumerate()
        .map(|(i, p)| (p.m.key, i))
        .collect();

    let blocks = Blocks::new(&prepared, cfg);
    let quiet = Ctx {
        cfg,
        explain: false,
    };
    let mut edges: Vec<(f64, usize, usize)> = (0..prepared.len())
        .into_par_iter()
        .flat_map_iter(|i| {
            let mut linked: Vec<(f64, usize, usize)> = blocks
                .candidates(i, &prepared, cfg)
                .into_iter()
                .filter_map(|j| {
                    let e = score_prepared(&prepared[i], &prepared[j], quiet);
                    e.linked.then_some((e.score, i.min(j), i.max(j)))
                })
                .collect();
            linked.sort_by(by_score);
            linked.truncate(cfg.link.max_links_per_mention);
            linked
        })
        .collect();
    edges.sort_by(by_score);
    edges.dedup_by(|x, y| x.1 == y.1 && x.2 == y.2);

    let mut sets = Sets::new(prepared.len());
    let mut cannot: HashMap<usize, Vec<usize>> = HashMap::new();
    for (a, b) in &constraints.cannot_link {
        if let (Some(&i), Some(&j)) = (index.get(a), index.get(b)) {
            cannot.entry(i).or_default().push(j);
            cannot.entry(j).or_default().push(i);
        }
    }
    let mut joined: Vec<(usize, usize, bool)> = Vec::new();

    for &(_, i, j) in &edges {
        if !sets.can_join(i, j, &cannot) {
            continue;
        }
        let (ri, rj) = (sets.find(i), sets.find(j));
        if sets.members[ri].len() + sets.members[rj].len() > cfg.link.max_cluster_size {
            continue;
        }
        let cohesive = sets.members[ri].iter().all(|&x| {
            sets.members[rj].iter().all(|&y| {
                if (x.min(y), x.max(y)) == (i, j) {
                    return true;
                }
                let e = score_prepared(&prepared[x], &prepared[y], quiet);
                !e.vetoed()
                    && e.score >= cfg.link.min_cross_score
                    && !(cfg.link.cross_forbids_contradiction
                        && e.features.iter().any(|f| f.contribution < 0.0))
            })
        });
        if cohesive {
            sets.union(i, j);
            joined.push((i, j, false));
        }
    }

    let mut must: Vec<(usize, usize)> = constraints
        .must_link
        .iter()
        .filter_map(|(a, b)| Some((*index.get(a)?, *index.get(b)?)))
        .filter(|(i, j)| i != j)
        .map(|(i, j)| (i.min(j), i.max(j)))
        .collect();
    must.sort_unstable();
    must.dedup();
    for (i, j) in must {
        if sets.can_join(i, j, &cannot) {
            sets.union(i, j);
            joined.push((i, j, true));
        }
    }
    let loud = Ctx { cfg, explain: true };
    let mut by_root: BTreeMap<usize, Cluster> = BTreeMap::new();
    for (i, p) in prepared.iter().enumerate() {
        let root = sets.find(i);
        by_root
            .entry(root)
            .or_insert_with(|| Cluster {
                mentions: Vec::new(),
                links: Vec::new(),
            })
            .mentions
            .push(p.m.key);
    }
    for (i, j, analyst) in joined {
        let mut e = score_prepared(&prepared[i], &prepared[j], loud);
        if analyst {
            e.features.push(Feature {
                name: Cow::Borrowed("analyst_must_link"),
                value: None,
                detail: "merged by an analyst".into(),
                contribution: 0.0,
                veto: false,
            });
            e.linked = true;
        }
        let root = sets.find(i);
        if let Some(c) = by_root.get_mut(&root) {
            c.links.push(e);
        }
    }
    let mut clusters: Vec<Cluster> = by_root.into_values().collect();
    for c in &mut clusters {
        c.mentions.sort();
        c.links.sort_by_key(|l| (l.a, l.b));
    }
    clusters.sort_by(|x, y| x.mentions.first().cmp(&y.mentions.first()));
    clusters
}

/// Highest score first, then by mention indices: a total order, so ties never depend on input.
fn by_score(x: &(f64, usize, usize), y: &(f64, usize, usize)) -> std::cmp::Ordering {
    y.0.total_cmp(&x.0).then(x.1.cmp(&y.1)).then(x.2.cmp(&y.2))
}

/// Union-find with member lists.
struct Sets {
    parent: Vec<usize>,
    members: Vec<Vec<usize>>,
}

impl Sets {
    fn new(n: usize) -> Self {
        Sets {
            parent: (0..n).collect(),
            members: (0..n).map(|i| vec![i]).collect(),
        }
    }

    fn find(&mut self, mut i: usize) -> usize {
        while self.parent[i] != i {
            self.parent[i] = self.parent[self.parent[i]];
            i = self.parent[i];
        }
        i
    }

    fn can_join(&mut self, i: usize, j: usize, cannot: &HashMap<usize, Vec<usize>>) -> bool {
        let (ri, rj) = (self.find(i), self.find(j));
        if ri == rj {
            return false;
        }
        let (small, other) = if self.members[ri].len() <= self.members[rj].len() {
            (ri, rj)
        } else {
            (rj, ri)
        };
        let small_members = self.members[small].clone();
        for x in small_members {
            if let Some(list) = cannot.get(&x) {
                for &y in list {
                    if self.find(y) == other {
                        return false;
                    }
                }
            }
        }
        true
    }

    fn union(&mut self, i: usize, j: usize) {
        let (ri, rj) = (self.find(i), self.find(j));
        if ri == rj {
            return;
        }
        // The smaller root index survives, so the result does not depend on join order.
        let (keep, gone) = if ri < rj { (ri, rj) } else { (rj, ri) };
        self.parent[gone] = keep;
        let moved = std::mem::take(&mut self.members[gone]);
        self.members[keep].extend(moved);
    }
}

/// A list of mentions sorted by first day, for date-window queries.
#[derive(Default)]
struct DayList {
    /// (first day, last day, index), sorted.
    items: Vec<(i64, i64, usize)>,
    max_span: i64,
}

impl DayList {
    fn push(&mut self, first: i64, last: i64, i: usize) {
        self.items.push((first, last, i));
        self.max_span = self.max_span.max(last - first);
    }

    fn finish(&mut self) {
        self.items.sort_unstable();
    }

    /// Indices whose days come within `slack` days of `[first, last]`.
    fn near(&self, first: i64, last: i64, slack: i64, out: &mut Vec<(i64, usize)>) {
        let from = first - slack - self.max_span;
        let start = self.items.partition_point(|(f, _, _)| *f < from);
        for &(f, l, j) in &self.items[start..] {
            if f > last + slack {
                break;
            }
            if l + slack >= first {
                let dist = (f - first).abs().min((l - last).abs());
                out.push((dist, j));
            }
        }
    }
}

/// Blocking structures: grid cells for point-located mentions, countries for the rest.
struct Blocks {
    cells: HashMap<(i64, i64), DayList>,
    countries: HashMap<String, DayList>,
    slack: i64,
    max_radius_km: f64,
}

impl Blocks {
    fn new(prepared: &[Prepared<'_>], cfg: &LinkConfig) -> Self {
        let mut cells: HashMap<(i64, i64), DayList> = HashMap::new();
        let mut countries: HashMap<String, DayList> = HashMap::new();
        let g = cfg.link.grid_degrees;
        for (i, p) in prepared.iter().enumerate() {
            let Some((first, last)) = p.days else {
                continue;
            };
            if let (PlacePrecision::Point, Some(pt)) = (p.precision, p.point) {
                cells.entry(cell(pt, g)).or_default().push(first, last, i);
            }
            countries
                .entry(p.country.clone().unwrap_or_default())
                .or_default()
                .push(first, last, i);
        }
        cells.values_mut().for_each(DayList::finish);
        countries.values_mut().for_each(DayList::finish);
        let max_radius_km = cfg.place.radius_km.values().copied().fold(0.0, f64::max);
        Blocks {
            cells,
            countries,
            slack: cfg.max_date_tolerance(),
            max_radius_km,
        }
    }

    /// Candidate partners of mention `i`. Each pair is produced once: point/point pairs by the
    /// smaller index, pairs with a coarse mention by the coarse one (by the smaller if both are).
    fn candidates(&self, i: usize, prepared: &[Prepared<'_>], cfg: &LinkConfig) -> Vec<usize> {
        let p = &prepared[i];
        let Some((first, last)) = p.days else {
            return Vec::new();
        };
        let mut found: Vec<(i64, usize)> = Vec::new();
        let is_point = |x: &Prepared<'_>| x.precision == PlacePrecision::Point && x.point.is_some();
        if let (true, Some(pt)) = (is_point(p), p.point) {
            let g = cfg.link.grid_degrees;
            let (cy, cx) = cell(pt, g);
            let reach_lat = (self.max_radius_km / (g * 110.5)).ceil() as i64;
            let cos = (pt.0.abs() + g).to_radians().cos().max(0.05);
            let reach_lon = (self.max_radius_km / (g * 111.32 * cos)).ceil() as i64;
            for dy in -reach_lat..=reach_lat {
                for dx in -reach_lon..=reach_lon {
                    if let Some(list) = self.cells.get(&(cy + dy, cx + dx)) {
                        list.near(first, last, self.slack, &mut found);
                    }
                }
            }
            found.retain(|&(_, j)| j > i);
        } else if let Some(list) = self.countries.get(p.country.as_deref().unwrap_or_default()) {
            list.near(first, last, self.slack, &mut found);
            found.retain(|&(_, j)| j != i && (is_point(&prepared[j]) || j > i));
        }
        found.sort_unstable();
        found.dedup_by_key(|x| x.1);
        found.truncate(cfg.link.max_candidates);
        found.into_iter().map(|(_, j)| j).collect()
    }
}

fn cell(pt: (f64, f64), g: f64) -> (i64, i64) {
    ((pt.0 / g).floor() as i64, (pt.1 / g).floor() as i64)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testutil::{mention, With};

    /// A fixed-seed shuffle (64-bit LCG), so failures reproduce.
    fn shuffle<T>(v: &mut [T], seed: u64) {
        let mut s = seed;
        for i in (1..v.len()).rev() {
            s = s
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            let j = ((s >> 33) % (i as u64 + 1)) as usize;
            v.swap(i, j);
        }
    }

    fn groups(clusters: &[Cluster]) -> Vec<Vec<i64>> {
        clusters
            .iter()
            .map(|c| c.mentions.iter().map(|k| k.report.0).collect())
            .collect()
    }

    fn sample() -> Vec<Mention> {
        vec![
            // Incident A: Aleppo market, 27 April.
            mention(1, "2016-04-27", 36.20, 37.13)
                .targets(&["market"])
                .killed(20),
            mention(2, "2016-04-27", 36.21, 37.14)
                .targets(&["market"])
                .killed(22),
            mention(3, "2016-04-28", 36.20, 37.13).killed(23),
            // Incident B: the same town and day, a school with few victims.
            mention(4, "2016-04-27", 36.22, 37.12)
                .targets(&["school"])
                .killed(3),
            mention(5, "2016-04-27", 36.22, 37.12)
                .targets(&["school"])
                .killed(2),
            // Incident C: Idlib, the same day; 60 km away.
            mention(6, "2016-04-27", 35.93, 36.63).killed(7),
            mention(7, "2016-04-27", 35.93, 36.64).killed(7),
            // Decoy: Aleppo, a week later.
            mention(8, "2016-05-04", 36.20, 37.13)
                .targets(&["market"])
                .killed(20),
        ]
    }

    #[test]
    fn links_the_sample_into_its_incidents() {
        let cfg = LinkConfig::default();
        let clusters = link(&sample(), &cfg, &Constraints::default());
        assert_eq!(
            groups(&clusters),
            vec![vec![1, 2, 3], vec![4, 5], vec![6, 7], vec![8]]
        );
        // Links form a spanning tree and carry their explanation.
        assert_eq!(clusters[0].links.len(), 2);
        assert!(clusters[0]
            .links
            .iter()
            .all(|l| l.linked && !l.features.is_empty()));
        assert!(clusters[0].links[0]
            .features
            .iter()
            .all(|f| !f.detail.is_empty()));
    }

    #[test]
    fn result_does_not_depend_on_input_order() {
        let cfg = LinkConfig::default();
        let mut ms = sample();
        // Extra near-ties to make the order matter to a naive algorithm.
        ms.push(mention(9, "2016-04-27", 36.215, 37.135).killed(12));
        ms.push(mention(10, "2016-04-28", 36.205, 37.125));
        let expected = link(&ms, &cfg, &Constraints::default());
        for seed in 1..=20 {
            shuffle(&mut ms, seed);
            assert_eq!(
                link(&ms, &cfg, &Constraints::default()),
                expected,
                "seed {seed}"
            );
        }
    }

    #[test]
    fn chains_do_not_join_incompatible_ends() {
        let cfg = LinkConfig::default();
        // 26 -> 27 -> 28 April: each step is within a day, but the ends are two days apart.
        let ms = vec![
            mention(1, "2016-04-26", 36.20, 37.13).killed(10),
            mention(2, "2016-04-27", 36.20, 37.13).killed(10),
            mention(3, "2016-04-28", 36.20, 37.13).killed(10),
        ];
        let clusters = link(&ms, &cfg, &Constraints::default());
        assert_eq!(clusters.len(), 2, "{:?}", groups(&clusters));
        assert!(clusters.iter().all(|c| c.mentions.len() <= 2));
    }

    #[test]
    fn a_mention_contradicting_a_member_does_not_join() {
        let cfg = LinkConfig::default();
        // 2 says nothing of the toll and links to both; 1 and 3 contradict each other (30 vs 3).
        let ms = vec![
            mention(1, "2016-04-27", 36.20, 37.13).killed(30),
            mention(2, "2016-04-27", 36.20, 37.13),
            mention(3, "2016-04-27", 36.20, 37.13).killed(3),
        ];
        let g = groups(&link(&ms, &cfg, &Constraints::default()));
        assert_eq!(g.len(), 2, "{g:?}");
        let mut lenient = cfg.clone();
        lenient.link.cross_forbids_contradiction = false;
        lenient.link.min_cross_score = -1.0;
        assert_eq!(
            groups(&link(&ms, &lenient, &Constraints::default())),
            vec![vec![1, 2, 3]]
        );
    }

    #[test]
    fn analyst_constraints_are_respected() {
        let cfg = LinkConfig::default();
        let ms = sample();
        let key = |r: i64| {
            ms.iter()
                .find(|m| m.key.report.0 == r)
                .map(|m| m.key)
                .expect("key")
        };
        let constraints = Constraints {
            // Merge the decoy into A; split 3 off from A.
            must_link: vec![(key(8), key(1))],
            cannot_link: vec![(key(3), key(1))],
        };
        let clusters = link(&ms, &cfg, &constraints);
        let g = groups(&clusters);
        assert!(g.contains(&vec![1, 2, 8]), "{g:?}");
        assert!(g.contains(&vec![3]), "{g:?}");
        let merged = clusters
            .iter()
            .find(|c| c.mentions.contains(&key(8)))
            .expect("cluster");
        assert!(merged
            .links
            .iter()
            .any(|l| l.features.iter().any(|f| f.name == "analyst_must_link")));
        // A must-link that contradicts a cannot-link is not applied.
        let conflicting = Constraints {
            must_link: vec![(key(6), key(4))],
            cannot_link: vec![(key(4), key(6))],
        };
        let g = groups(&link(&ms, &cfg, &conflicting));
        assert!(!g.iter().any(|c| c.contains(&4) && c.contains(&6)), "{g:?}");
    }

    #[test]
    fn blocking_finds_pairs_across_grid_cells_and_coarse_places() {
        let cfg = LinkConfig::default();
        // 36.249 and 36.251 straddle a 0.25-degree cell boundary.
        let a = mention(1, "2016-04-27", 36.249, 37.13);
        let b = mention(2, "2016-04-27", 36.251, 37.13);
        let mut coarse = mention(3, "2016-04-27", 0.0, 0.0).targets(&[]);
        if let Some(l) = coarse.incident.location.as_mut() {
            l.precision = Some("admin1".into());
            l.lat = None;
            l.lon = None;
        }
        let clusters = link(&[a, b, coarse], &cfg, &Constraints::default());
        assert_eq!(groups(&clusters)[0][..2], [1, 2]);
        let explanation = score_prepared(
            &Prepared::new(&mention(1, "2016-04-27", 36.249, 37.13), &cfg),
            &Prepared::new(&mention(2, "2016-04-27", 36.251, 37.13), &cfg),
            Ctx {
                cfg: &cfg,
                explain: true,
            },
        );
        assert!(explanation.linked);
    }

    #[test]
    fn duplicate_keys_and_empty_input() {
        let cfg = LinkConfig::default();
        assert!(link(&[], &cfg, &Constraints::default()).is_empty());
        let a = mention(1, "2016-04-27", 36.2, 37.1);
        let clusters = link(&[a.clone(), a], &cfg, &Constraints::default());
        assert_eq!(clusters.len(), 1);
        assert_eq!(clusters[0].mentions.len(), 1);
    }
}
