//! Corroboration of an incident: casualty figures per source, independent sources, leanings,
//! the claims ledger and the grade.

use crate::config::LinkConfig;
use crate::mention::{Mention, MentionKey};
use crate::names::{normalize, AliasTable};
use attest_model::{Count, DateRange, Location};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::str::FromStr;

/// How well an incident is established (rules in `config/linking.toml`, `[corroboration]`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Grade {
    /// One independent source.
    SingleSource,
    /// At least two independent sources.
    Corroborated,
    /// Conflicting attribution, or a denial.
    Contested,
    /// A perpetrator admits it, or an analyst confirms it.
    Confirmed,
    /// An analyst discounted it.
    Discounted,
}

impl Grade {
    /// Every grade.
    pub const ALL: [Grade; 5] = [
        Grade::SingleSource,
        Grade::Corroborated,
        Grade::Contested,
        Grade::Confirmed,
        Grade::Discounted,
    ];

    /// The stable name used in the CLI, the store and JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Grade::SingleSource => "single_source",
            Grade::Corroborated => "corroborated",
            Grade::Contested => "contested",
            Grade::Confirmed => "confirmed",
            Grade::Discounted => "discounted",
        }
    }
}

impl fmt::Display for Grade {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A grade name attest does not know.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown grade '{0}' (expected single_source, corroborated, contested, confirmed or discounted)")]
pub struct UnknownGrade(pub String);

impl FromStr for Grade {
    type Err = UnknownGrade;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Grade::ALL
            .into_iter()
            .find(|g| g.as_str() == s)
            .ok_or_else(|| UnknownGrade(s.to_string()))
    }
}

/// Airwars' grades for civilian harm claims.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum AirwarsGrade {
    /// A belligerent has accepted responsibility.
    Confirmed,
    /// Reported by two or more credible sources.
    Fair,
    /// A single source.
    Weak,
    /// Competing claims of responsibility, or denied.
    Contested,
    /// Judged not to have happened as claimed.
    Discounted,
}

impl AirwarsGrade {
    /// Airwars' own name of the grade.
    pub fn as_str(self) -> &'static str {
        match self {
            AirwarsGrade::Confirmed => "Confirmed",
            AirwarsGrade::Fair => "Fair",
            AirwarsGrade::Weak => "Weak",
            AirwarsGrade::Contested => "Contested",
            AirwarsGrade::Discounted => "Discounted",
        }
    }
}

/// The one place attest's grades map to Airwars' grades:
///
/// | attest | Airwars |
/// |---|---|
/// | `confirmed` | Confirmed |
/// | `corroborated` | Fair |
/// | `single_source` | Weak |
/// | `contested` | Contested |
/// | `discounted` | Discounted |
pub fn airwars_grade(grade: Grade) -> AirwarsGrade {
    match grade {
        Grade::Confirmed => AirwarsGrade::Confirmed,
        Grade::Corroborated => AirwarsGrade::Fair,
        Grade::SingleSource => AirwarsGrade::Weak,
        Grade::Contested => AirwarsGrade::Contested,
        Grade::Discounted => AirwarsGrade::Discounted,
    }
}

/// An analyst's grade, which overrides the rules.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AnalystGrade {
    /// The grade.
    pub grade: Grade,
    /// Who set it.
    pub by: String,
    /// Why.
    pub reason: String,
}

/// What one source said about a figure.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SourceFigure {
    /// The source's name.
    pub source: String,
    /// The reports (ingested ids) that carry the figure.
    pub reports: Vec<String>,
    /// Lowest stated lower bound.
    pub low: Option<u32>,
    /// Highest stated upper bound; `None` when some report gives only a lower bound.
    pub high: Option<u32>,
}

/// A casualty figure across the sources of an incident.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CasualtySummary {
    /// Per source, in name order; sources that state nothing are left out.
    pub per_source: Vec<SourceFigure>,
    /// Lowest figure any source gives.
    pub low: Option<u32>,
    /// Highest figure any source gives (a bound or an "at least" figure).
    pub high: Option<u32>,
    /// True when some source gives only a lower bound ("at least 55").
    pub open_ended: bool,
    /// The conservative figure: the lowest lower bound, as ACLED codes the lowest credible figure.
    pub conservative: Option<u32>,
}

/// Sources that count as one, because they are one outlet or cite the same original source.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SourceGroup {
    /// Outlets in the group.
    pub sources: Vec<String>,
    /// Original sources they share ("Syrian Observatory for Human Rights"), normalised.
    pub cited: Vec<String>,
    /// Reports (ingested ids) in the group.
    pub reports: Vec<String>,
}

/// One line of the claims ledger.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LedgerEntry {
    /// Who makes the claim.
    pub speaker: String,
    /// The speaker's role.
    pub speaker_role: Option<String>,
    /// `accuses`, `denies`, `claims_responsibility` or `confirms`.
    pub stance: String,
    /// Whom the claim is about.
    pub actor: Option<String>,
    /// The sentence.
    pub text: String,
    /// The report (ingested id) it came from.
    pub report: String,
    /// The source of that report.
    pub source: String,
    /// The mention it came from.
    pub mention: MentionKey,
}

/// An attribution of the incident by one report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Attribution {
    /// The actor as written.
    pub actor: String,
    /// The actor's canonical name (aliases resolved, normalised).
    pub canonical: String,
    /// Who says so; `None` when the report states it as fact.
    pub attributed_by: Option<String>,
    /// The report (ingested id).
    pub report: String,
}

/// Everything the sources of one incident say, weighed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Corroboration {
    /// People killed.
    pub killed: CasualtySummary,
    /// People injured.
    pub injured: CasualtySummary,
    /// Number of distinct sources.
    pub sources: usize,
    /// Number of independent sources (groups).
    pub independent_sources: usize,
    /// The groups of dependent sources.
    pub source_groups: Vec<SourceGroup>,
    /// Leanings represented, sorted.
    pub leanings: Vec<String>,
    /// True when every source has a known, non-neutral leaning and they all share it.
    pub one_sided: bool,
    /// Claims ledger, in mention order.
    pub claims: Vec<LedgerEntry>,
    /// Who each report says did it.
    pub attributions: Vec<Attribution>,
    /// The grade.
    pub grade: Grade,
    /// Why the grade holds, in words; then notes for the analyst (`note: ...`) on diverging
    /// tolls or one-sided sourcing, which do not change the grade.
    pub grade_reasons: Vec<String>,
}

/// Weighs what the mentions of one incident say. `analyst` overrides the grade rules.
pub fn corroborate(
    mentions: &[&Mention],
    cfg: &LinkConfig,
    analyst: Option<&AnalystGrade>,
) -> Corroboration {
    let mut ms: Vec<&Mention> = mentions.to_vec();
    ms.sort_by_key(|m| m.key);
    ms.dedup_by(|a, b| a.key == b.key);
    let rules = &cfg.corroboration;
    let source_aliases = AliasTable::new(&cfg.aliases.sources);
    let actor_aliases = AliasTable::new(&cfg.aliases.actors);

    let excluded = |m: &Mention| {
        rules
            .conservative_excludes_kinds
            .iter()
            .any(|k| k == m.source.kind.as_str())
    };
    let killed = summarize_counts(&ms, |m| m.incident.killed, &excluded);
    let injured = summarize_counts(&ms, |m| m.incident.injured, &excluded);

    let source_names: BTreeSet<String> = ms
        .iter()
        .map(|m| source_aliases.canonical(&m.source.name))
        .collect();
    let source_groups = independence(&ms, &source_aliases, &rules.generic_cited_sources);

    let leanings: BTreeSet<String> = ms
        .iter()
        .filter_map(|m| m.source.leaning.as_deref())
        .map(|l| l.trim().to_string())
        .filter(|l| !l.is_empty())
        .collect();
    let neutral = |l: &str| {
        rules
            .neutral_leanings
            .iter()
            .any(|n| n.eq_ignore_ascii_case(l))
    };
    let one_sided = !ms.is_empty()
        && ms.iter().all(|m| m.source.leaning.is_some())
        && leanings.len() == 1
        && !leanings.iter().any(|l| neutral(l));

    let claims: Vec<LedgerEntry> = ms
        .iter()
        .flat_map(|m| {
            m.incident.claims.iter().map(|c| LedgerEntry {
                speaker: c.speaker.clone(),
                speaker_role: c.speaker_role.clone(),
                stance: c.stance.clone(),
                actor: c.actor.clone(),
                text: c.text.clone(),
                report: m.external_id.clone(),
                source: m.source.name.clone(),
                mention: m.key,
            })
        })
        .collect();
    let attributions: Vec<Attribution> = ms
        .iter()
        .flat_map(|m| {
            let actor_aliases = &actor_aliases;
            m.incident.perpetrators.iter().map(move |p| Attribution {
                actor: p.name.clone(),
                canonical: actor_aliases.canonical(&p.name),
                attributed_by: p.attributed_by.clone(),
                report: m.external_id.clone(),
            })
        })
        .collect();

    let independent_sources = source_groups.len();
    let (grade, mut grade_reasons) = grade(
        cfg,
        analyst,
        &claims,
        &attributions,
        &actor_aliases,
        independent_sources,
    );
    // Not a rule of its own: a note for the analyst when the sources' tolls diverge widely.
    if let (Some(low), Some(high)) = (killed.low, killed.high) {
        let rules = &cfg.casualties;
        if f64::from(high)
            > rules.contradiction_ratio * f64::from(low) + f64::from(rules.contradiction_slack)
        {
            grade_reasons.push(format!("note: killed figures diverge ({low} to {high})"));
        }
    }
    if one_sided {
        grade_reasons.push(format!(
            "note: every source is {}",
            leanings.iter().next().map_or("", String::as_str)
        ));
    }
    Corroboration {
        killed,
        injured,
        sources: source_names.len(),
        independent_sources,
        source_groups,
        leanings: leanings.into_iter().collect(),
        one_sided,
        claims,
        attributions,
        grade,
        grade_reasons,
    }
}

fn summarize_counts(
    ms: &[&Mention],
    count: impl Fn(&Mention) -> Count,
    excluded: &impl Fn(&Mention) -> bool,
) -> CasualtySummary {
    let mut per: BTreeMap<String, SourceFigure> = BTreeMap::new();
    let mut open_ended = false;
    let mut high: Option<u32> = None;
    let mut conservative: Option<u32> = None;
    for m in ms {
        let c = count(m);
        if c.is_unknown() {
            continue;
        }
        let fig = per
            .entry(m.source.name.clone())
            .or_insert_with(|| SourceFigure {
                source: m.source.name.clone(),
                reports: Vec::new(),
                low: None,
                high: Some(0),
            });
        if !fig.reports.contains(&m.external_id) {
            fig.reports.push(m.external_id.clone());
        }
        if let Some(l) = c.low {
            fig.low = Some(fig.low.map_or(l, |x| x.min(l)));
            if !excluded(m) {
                conservative = Some(conservative.map_or(l, |x| x.min(l)));
            }
        }
        fig.high = match (fig.high, c.high) {
            (Some(a), Some(b)) => Some(a.max(b)),
            _ => None,
        };
        if c.high.is_none() {
            open_ended = true;
        }
        let top = c.high.or(c.low);
        high = high.max(top);
    }
    let per_source: Vec<SourceFigure> = per.into_values().collect();
    let low = per_source.iter().filter_map(|f| f.low).min();
    CasualtySummary {
        per_source,
        low,
        high,
        open_ended,
        conservative,
    }
}

/// Outlets, cited sources and reports of one group.
type GroupSets = (BTreeSet<String>, BTreeSet<String>, BTreeSet<String>);

/// Groups mentions whose sources are one outlet or share a (non-generic) cited source.
fn independence(ms: &[&Mention], aliases: &AliasTable, generic: &[String]) -> Vec<SourceGroup> {
    let generic: BTreeSet<String> = generic.iter().map(|g| normalize(g)).collect();
    // Union-find over names: outlets and cited sources share one namespace, so a report citing
    // an outlet that is itself among the sources depends on it.
    let mut ids: BTreeMap<String, usize> = BTreeMap::new();
    let mut parent: Vec<usize> = Vec::new();
    fn id(name: String, ids: &mut BTreeMap<String, usize>, parent: &mut Vec<usize>) -> usize {
        let next = parent.len();
        let i = *ids.entry(name).or_insert(next);
        if i == next {
            parent.push(next);
        }
        i
    }
    fn find(parent: &mut [usize], mut i: usize) -> usize {
        while parent[i] != i {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        i
    }
    let mut mention_node = Vec::with_capacity(ms.len());
    for m in ms {
        let own = id(aliases.canonical(&m.source.name), &mut ids, &mut parent);
        mention_node.push(own);
        for c in &m.incident.cited_sources {
            let name = aliases.canonical(&c.name);
            if name.is_empty() || generic.contains(&normalize(&c.name)) || generic.contains(&name) {
                continue;
            }
            let other = id(name, &mut ids, &mut parent);
            let (ra, rb) = (find(&mut parent, own), find(&mut parent, other));
            if ra != rb {
                parent[ra.max(rb)] = ra.min(rb);
            }
        }
    }
    let names: Vec<String> = {
        let mut v = vec![String::new(); parent.len()];
        for (n, &i) in &ids {
            v[i] = n.clone();
        }
        v
    };
    let mut groups: BTreeMap<usize, GroupSets> = BTreeMap::new();
    let mut outlets: BTreeSet<usize> = BTreeSet::new();
    for (m, &node) in ms.iter().zip(&mention_node) {
        outlets.insert(node);
        let root = find(&mut parent, node);
        let g = groups.entry(root).or_default();
        g.0.insert(m.source.name.clone());
        g.2.insert(m.external_id.clone());
    }
    for (i, name) in names.iter().enumerate() {
        if !outlets.contains(&i) {
            let root = find(&mut parent, i);
            if let Some(g) = groups.get_mut(&root) {
                g.1.insert(name.clone());
            }
        }
    }
    let mut out: Vec<SourceGroup> = groups
        .into_values()
        .map(|(s, c, r)| SourceGroup {
            sources: s.into_iter().collect(),
            cited: c.into_iter().collect(),
            reports: r.into_iter().collect(),
        })
        .collect();
    out.sort_by(|a, b| a.sources.cmp(&b.sources));
    out
}

fn grade(
    cfg: &LinkConfig,
    analyst: Option<&AnalystGrade>,
    claims: &[LedgerEntry],
    attributions: &[Attribution],
    actors: &AliasTable,
    independent: usize,
) -> (Grade, Vec<String>) {
    let rules = &cfg.corroboration;
    if let Some(a) = analyst {
        return (
            a.grade,
            vec![format!("set by analyst {}: {}", a.by, a.reason)],
        );
    }
    let accused: BTreeSet<String> = attributions
        .iter()
        .map(|a| a.canonical.clone())
        .chain(
            claims
                .iter()
                .filter(|c| c.stance == "accuses")
                .filter_map(|c| c.actor.as_deref().map(|a| actors.canonical(a))),
        )
        .collect();
    let confirming: Vec<String> = claims
        .iter()
        .filter(|c| {
            rules.confirming_stances.contains(&c.stance)
                || (c.stance == "confirms" && accused.contains(&actors.canonical(&c.speaker)))
        })
        .map(|c| {
            format!(
                "{} {} (report {})",
                c.speaker,
                c.stance.replace('_', " "),
                c.report
            )
        })
        .collect();
    if !confirming.is_empty() {
        return (Grade::Confirmed, confirming);
    }
    let mut contesting: Vec<String> = claims
        .iter()
        .filter(|c| rules.contesting_stances.contains(&c.stance))
        .map(|c| format!("{} {} (report {})", c.speaker, c.stance, c.report))
        .collect();
    let mut by_report: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
    for a in attributions {
        by_report
            .entry(a.report.as_str())
            .or_default()
            .insert(a.canonical.as_str());
    }
    let reports: Vec<(&&str, &BTreeSet<&str>)> = by_report.iter().collect();
    'outer: for (i, (r1, s1)) in reports.iter().enumerate() {
        for (r2, s2) in &reports[i + 1..] {
            if s1.is_disjoint(s2) {
                contesting.push(format!(
                    "conflicting attribution: {} (report {r1}) vs {} (report {r2})",
                    join(s1),
                    join(s2)
                ));
                break 'outer;
            }
        }
    }
    if !contesting.is_empty() {
        return (Grade::Contested, contesting);
    }
    if independent >= rules.min_independent_sources {
        return (
            Grade::Corroborated,
            vec![format!("{independent} independent sources")],
        );
    }
    (
        Grade::SingleSource,
        vec![format!("{independent} independent source(s)")],
    )
}

fn join(s: &BTreeSet<&str>) -> String {
    s.iter().copied().collect::<Vec<_>>().join(" + ")
}

/// What the mentions of an incident agree on, for listing it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct IncidentSummary {
    /// The most frequent event type (ties: alphabetical).
    pub event_type: String,
    /// The most frequent stated date among the finest-precision dates (ties: earliest).
    pub date: DateRange,
    /// The most precise location (ties: most frequent name, then first mention).
    pub location: Option<Location>,
    /// Union of the targets.
    pub targets: Vec<String>,
    /// Union of the weapons.
    pub weapons: Vec<String>,
    /// Union of the named targets.
    pub target_names: Vec<String>,
}

/// Summarises the mentions of one incident; deterministic whatever their order.
pub fn summarize(mentions: &[&Mention]) -> IncidentSummary {
    let mut ms: Vec<&Mention> = mentions.to_vec();
    ms.sort_by_key(|m| m.key);
    let mut types: BTreeMap<&str, usize> = BTreeMap::new();
    for m in &ms {
        let t = m.incident.event_type.as_str();
        if !t.is_empty() {
            *types.entry(t).or_default() += 1;
        }
    }
    let event_type = types
        .iter()
        .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))
        .map(|(t, _)| t.to_string())
        .unwrap_or_else(|| "other".to_string());

    let rank_date = |p: Option<&str>| match p {
        Some("day") | None => 0,
        Some("week") => 1,
        Some("month") => 2,
        _ => 3,
    };
    let best_date_rank = ms
        .iter()
        .filter(|m| m.incident.date.start.is_some())
        .map(|m| rank_date(m.incident.date.precision.as_deref()))
        .min();
    let mut dates: BTreeMap<(Option<String>, Option<String>), (usize, DateRange)> = BTreeMap::new();
    for m in &ms {
        let d = &m.incident.date;
        if d.start.is_some() && Some(rank_date(d.precision.as_deref())) == best_date_rank {
            let e = dates
                .entry((d.start.clone(), d.end.clone()))
                .or_insert((0, d.clone()));
            e.0 += 1;
        }
    }
    let date = dates
        .iter()
        .max_by(|a, b| a.1 .0.cmp(&b.1 .0).then(b.0.cmp(a.0)))
        .map(|(_, (_, d))| d.clone())
        .unwrap_or_default();

    let rank_place = |p: Option<&str>| match p {
        Some("site") => 0,
        Some("district") => 1,
        Some("town") => 2,
        Some("admin1") => 3,
        Some("country") => 4,
        _ => 5,
    };
    let locs: Vec<&Location> = ms
        .iter()
        .filter_map(|m| m.incident.location.as_ref())
        .collect();
    let best = locs
        .iter()
        .map(|l| rank_place(l.precision.as_deref()))
        .min();
    let mut names: BTreeMap<String, usize> = BTreeMap::new();
    for l in &locs {
        if Some(rank_place(l.precision.as_deref())) == best {
            *names
                .entry(normalize(l.name.as_deref().unwrap_or(&l.mention)))
                .or_default() += 1;
        }
    }
    let top = names.values().copied().max();
    let location = locs
        .iter()
        .find(|l| {
            Some(rank_place(l.precision.as_deref())) == best
                && names
                    .get(&normalize(l.name.as_deref().unwrap_or(&l.mention)))
                    .copied()
                    == top
        })
        .map(|l| (*l).clone());

    let union = |f: &dyn Fn(&Mention) -> &Vec<String>| -> Vec<String> {
        let s: BTreeSet<String> = ms.iter().flat_map(|m| f(m).iter().cloned()).collect();
        s.into_iter().collect()
    };
    IncidentSummary {
        event_type,
        date,
        location,
        targets: union(&|m| &m.incident.targets),
        weapons: union(&|m| &m.incident.weapons),
        target_names: union(&|m| &m.target_names),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testutil::{mention, With};

    fn run(ms: &[Mention]) -> Corroboration {
        let refs: Vec<&Mention> = ms.iter().collect();
        corroborate(&refs, &LinkConfig::default(), None)
    }

    #[test]
    fn figures_per_source_overall_and_conservative() {
        let mut open = mention(3, "2016-04-27", 36.2, 37.1).source("Daily C", None);
        open.incident.killed = Count {
            low: Some(55),
            high: None,
        };
        let ms = vec![
            mention(1, "2016-04-27", 36.2, 37.1)
                .killed(20)
                .source("Wire A", None),
            mention(2, "2016-04-27", 36.2, 37.1)
                .killed(61)
                .source("Monitor B", None),
            open,
            mention(4, "2016-04-28", 36.2, 37.1)
                .killed(24)
                .source("Wire A", None),
        ];
        let c = run(&ms);
        assert_eq!((c.killed.low, c.killed.high), (Some(20), Some(61)));
        assert!(c.killed.open_ended);
        assert_eq!(c.killed.conservative, Some(20));
        let wire = c
            .killed
            .per_source
            .iter()
            .find(|f| f.source == "Wire A")
            .expect("Wire A");
        assert_eq!((wire.low, wire.high), (Some(20), Some(24)));
        assert_eq!(wire.reports, vec!["r1".to_string(), "r4".to_string()]);
        let daily = c
            .killed
            .per_source
            .iter()
            .find(|f| f.source == "Daily C")
            .expect("Daily C");
        assert_eq!((daily.low, daily.high), (Some(55), None));
        assert!(c.injured.per_source.is_empty() && c.injured.low.is_none());
        assert_eq!(c.sources, 3);
        assert!(!c.grade_reasons.iter().any(|r| r.contains("diverge")));
        let mut wide = ms.clone();
        wide.push(
            mention(5, "2016-04-28", 36.2, 37.1)
                .killed(90)
                .source("Monitor B", None),
        );
        let c = run(&wide);
        assert!(
            c.grade_reasons
                .iter()
                .any(|r| r.contains("diverge (20 to 90)")),
            "{:?}",
            c.grade_reasons
        );
    }

    #[test]
    fn same_outlet_or_same_original_source_count_once() {
        let ms = vec![
            mention(1, "2016-04-27", 36.2, 37.1)
                .source("Wire A", None)
                .cites("SOHR"),
            mention(2, "2016-04-27", 36.2, 37.1)
                .source("Daily B", None)
                .cites("the Syrian Observatory for Human Rights"),
            mention(3, "2016-04-27", 36.2, 37.1).source("Wire A", None),
            mention(4, "2016-04-27", 36.2, 37.1)
                .source("Daily C", None)
                .cites("residents"),
            mention(5, "2016-04-27", 36.2, 37.1)
                .source("Daily D", None)
                .cites("witnesses"),
        ];
        let c = run(&ms);
        assert_eq!(c.sources, 4);
        // {A, B via SOHR}, {C}, {D}: generic "residents"/"witnesses" do not join C and D.
        assert_eq!(c.independent_sources, 3, "{:#?}", c.source_groups);
        assert_eq!(c.grade, Grade::Corroborated);
        let sohr = &c.source_groups[0];
        assert_eq!(
            sohr.sources,
            vec!["Daily B".to_string(), "Wire A".to_string()]
        );
        assert_eq!(
            sohr.cited,
            vec!["syrian observatory for human rights".to_string()]
        );
        // All via SOHR: one independent source.
        let c = run(&ms[..3]);
        assert_eq!(c.independent_sources, 1);
        assert_eq!(c.grade, Grade::SingleSource);
    }

    #[test]
    fn leanings_and_one_sidedness() {
        let ms = vec![
            mention(1, "2016-04-27", 36.2, 37.1).source("A", Some("pro-opposition")),
            mention(2, "2016-04-27", 36.2, 37.1).source("B", Some("pro-opposition")),
        ];
        let c = run(&ms);
        assert_eq!(c.leanings, vec!["pro-opposition".to_string()]);
        assert!(c.one_sided);
        assert!(c
            .grade_reasons
            .iter()
            .any(|r| r == "note: every source is pro-opposition"));
        let mut more = ms.clone();
        more.push(mention(3, "2016-04-27", 36.2, 37.1).source("C", Some("pro-government")));
        assert!(!run(&more).one_sided);
        let mut unknown = ms;
        unknown.push(mention(4, "2016-04-27", 36.2, 37.1).source("D", None));
        assert!(!run(&unknown).one_sided);
    }

    #[test]
    fn grades_follow_the_documented_order() {
        let base = || {
            vec![
                mention(1, "2016-04-27", 36.2, 37.1).source("A", None),
                mention(2, "2016-04-27", 36.2, 37.1).source("B", None),
            ]
        };
        assert_eq!(run(&base()).grade, Grade::Corroborated);
        // A denial contests it.
        let mut denied = base();
        denied[1] =
            denied[1]
                .clone()
                .claim("Syrian military official", "denies", Some("Syrian army"));
        let c = run(&denied);
        assert_eq!(c.grade, Grade::Contested);
        assert!(c.grade_reasons[0].contains("denies"));
        assert_eq!(c.claims.len(), 1);
        assert_eq!(c.claims[0].report, "r2");
        // Disjoint attributions contest it; aliases of one actor do not.
        let mut conflicting = base();
        conflicting[0] = conflicting[0].clone().perpetrator("Russian jets");
        conflicting[1] = conflicting[1].clone().perpetrator("US-led coalition");
        assert_eq!(run(&conflicting).grade, Grade::Contested);
        let mut aliased = base();
        aliased[0] = aliased[0].clone().perpetrator("Assad regime");
        aliased[1] = aliased[1].clone().perpetrator("Syrian government forces");
        assert_eq!(run(&aliased).grade, Grade::Corroborated);
        // A claim of responsibility confirms it, even over a denial.
        let mut claimed = denied.clone();
        claimed[0] = claimed[0]
            .clone()
            .claim("Islamic State", "claims_responsibility", None);
        assert_eq!(run(&claimed).grade, Grade::Confirmed);
        // "confirms" by the accused confirms; by a bystander it does not.
        let mut accused = aliased.clone();
        accused[1] = accused[1].clone().claim("Syrian army", "confirms", None);
        assert_eq!(run(&accused).grade, Grade::Confirmed);
        let mut bystander = aliased;
        bystander[1] = bystander[1]
            .clone()
            .claim("Local council", "confirms", None);
        assert_eq!(run(&bystander).grade, Grade::Corroborated);
        // The analyst overrides everything.
        let refs: Vec<&Mention> = claimed.iter().collect();
        let analyst = AnalystGrade {
            grade: Grade::Discounted,
            by: "ana".into(),
            reason: "footage predates the incident".into(),
        };
        let c = corroborate(&refs, &LinkConfig::default(), Some(&analyst));
        assert_eq!(c.grade, Grade::Discounted);
        assert!(c.grade_reasons[0].contains("footage"));
        assert_eq!(airwars_grade(c.grade).as_str(), "Discounted");
    }

    #[test]
    fn airwars_mapping_and_grade_names_round_trip() {
        assert_eq!(airwars_grade(Grade::Corroborated), AirwarsGrade::Fair);
        assert_eq!(airwars_grade(Grade::SingleSource), AirwarsGrade::Weak);
        for g in Grade::ALL {
            assert_eq!(g.as_str().parse::<Grade>(), Ok(g));
        }
        assert!("fair".parse::<Grade>().is_err());
    }

    #[test]
    fn summary_prefers_precise_and_frequent_values() {
        let mut coarse = mention(3, "2016-04-26", 36.0, 37.0).event("shelling");
        if let Some(l) = coarse.incident.location.as_mut() {
            l.precision = Some("admin1".into());
            l.name = Some("Aleppo Governorate".into());
        }
        let ms = [
            mention(1, "2016-04-27", 36.2, 37.1).targets(&["hospital"]),
            mention(2, "2016-04-27", 36.2, 37.1).named("Al Quds hospital"),
            coarse,
        ];
        let refs: Vec<&Mention> = ms.iter().rev().collect();
        let s = summarize(&refs);
        assert_eq!(s.event_type, "air_strike");
        assert_eq!(s.date.start.as_deref(), Some("2016-04-27"));
        assert_eq!(
            s.location.and_then(|l| l.precision),
            Some("town".to_string())
        );
        assert_eq!(s.targets, vec!["hospital".to_string()]);
        assert_eq!(s.target_names, vec!["Al Quds hospital".to_string()]);
    }
}
