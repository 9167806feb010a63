//! Pair scoring: each rule of `config/linking.toml` gives a feature with its contribution.

use crate::config::LinkConfig;
use crate::measure::{day_number, haversine_km};
use crate::mention::{Mention, MentionKey};
use crate::names::{normalize, NamedTarget};
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use std::collections::BTreeSet;

/// One rule's finding about a pair.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Feature {
    /// Rule name: `same_report`, `date_diff_days`, `distance_km`, `place_admin1`, `place_name`,
    /// `country`, `event_type_match`, `weapons_overlap`, `targets_overlap`, `target_name_match`,
    /// `casualty_compat`, `analyst_must_link`.
    pub name: Cow<'static, str>,
    /// The measured value, when the rule measures one (days, km, a ratio...).
    pub value: Option<f64>,
    /// What was compared, in words ("Al Quds hospital = al-Quds Hospital").
    pub detail: String,
    /// What the feature adds to the score.
    pub contribution: f64,
    /// True when this feature alone forbids the link.
    pub veto: bool,
}

/// Why two mentions are, or are not, one incident.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LinkExplanation {
    /// The smaller key.
    pub a: MentionKey,
    /// The larger key.
    pub b: MentionKey,
    /// Sum of the contributions.
    pub score: f64,
    /// True when no feature vetoes the pair and the score reaches the threshold.
    pub linked: bool,
    /// Every rule's finding, in a fixed order.
    pub features: Vec<Feature>,
}

impl LinkExplanation {
    /// True when some feature forbids the link.
    pub fn vetoed(&self) -> bool {
        self.features.iter().any(|f| f.veto)
    }
}

/// Scores a pair of mentions. Symmetric: `score_pair(a, b)` and `score_pair(b, a)` are equal.
pub fn score_pair(a: &Mention, b: &Mention, cfg: &LinkConfig) -> LinkExplanation {
    let pa = Prepared::new(a, cfg);
    let pb = Prepared::new(b, cfg);
    score_prepared(&pa, &pb, Ctx { cfg, explain: true })
}

/// Place precision, finest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum PlacePrecision {
    /// Site, district or town, with coordinates: compared by distance.
    Point,
    /// Admin1: compared by name.
    Admin1,
    /// Country only, or a place without coordinates: compared by name.
    Country,
    /// No location.
    None,
}

/// A mention with everything the rules compare computed once.
#[derive(Debug)]
pub(crate) struct Prepared<'a> {
    pub(crate) m: &'a Mention,
    /// First and last day of the incident, tolerance not included.
    pub(crate) days: Option<(i64, i64)>,
    pub(crate) date_tolerance: i64,
    pub(crate) dated_by_report: bool,
    pub(crate) published_day: Option<i64>,
    /// ISO code (uppercase) when known, else the normalised country name: the blocking key.
    pub(crate) country: Option<String>,
    pub(crate) country_code: Option<String>,
    pub(crate) country_name: Option<String>,
    pub(crate) admin1: Option<String>,
    pub(crate) point: Option<(f64, f64)>,
    pub(crate) radius_km: f64,
    pub(crate) precision: PlacePrecision,
    pub(crate) place_name: Option<String>,
    pub(crate) named: Vec<NamedTarget>,
    pub(crate) specific_targets: BTreeSet<String>,
    pub(crate) killed: Option<u32>,
}

impl<'a> Prepared<'a> {
    pub(crate) fn new(m: &'a Mention, cfg: &LinkConfig) -> Self {
        let inc = &m.incident;
        let published_day = m.published.as_deref().and_then(day_number);
        let start = inc.date.start.as_deref().and_then(day_number);
        let end = inc.date.end.as_deref().and_then(day_number);
        let (days, date_tolerance, dated_by_report) = match (start, end) {
            (Some(s), Some(e)) => (
                Some((s.min(e), s.max(e))),
                cfg.date_tolerance(inc.date.precision.as_deref()),
                true,
            ),
            (Some(d), None) | (None, Some(d)) => (
                Some((d, d)),
                cfg.date_tolerance(inc.date.precision.as_deref()),
                true,
            ),
            (None, None) => (
                published_day.map(|p| (p - cfg.date.undated_window_days, p)),
                0,
                false,
            ),
        };
        let loc = inc.location.as_ref();
        let country_code = loc
            .and_then(|l| l.country_code.as_deref())
            .map(|c| c.trim().to_uppercase())
            .filter(|c| !c.is_empty());
        let country_name = loc
            .and_then(|l| l.country.as_deref())
            .map(normalize)
            .filter(|c| !c.is_empty());
        let country = country_code.clone().or_else(|| country_name.clone());
        let admin1 = loc
            .and_then(|l| l.admin1.as_deref())
            .map(normalize)
            .filter(|a| !a.is_empty());
        let prec = loc.and_then(|l| l.precision.as_deref()).unwrap_or("town");
        let coords = loc.and_then(|l| l.lat.zip(l.lon));
        let radius = cfg.place.radius_km.get(prec).copied();
        let (precision, point, radius_km) = match (loc, coords, radius) {
            (None, _, _) => (PlacePrecision::None, None, 0.0),
            (Some(_), Some(p), Some(r)) => (PlacePrecision::Point, Some(p), r),
            (Some(_), _, _) if prec == "admin1" && admin1.is_some() => {
                (PlacePrecision::Admin1, None, 0.0)
            }
            (Some(_), _, _) => (PlacePrecision::Country, None, 0.0),
        };
        let place_name = loc
            .map(|l| normalize(l.name.as_deref().unwrap_or(&l.mention)))
            .filter(|n| !n.is_empty());
        let mut named: Vec<NamedTarget> = m
            .target_names
            .iter()
            .filter_map(|n| NamedTarget::parse(n, &cfg.targets))
            .collect();
        named.sort();
        named.dedup();
        let specific_targets = inc
            .targets
            .iter()
            .filter(|t| !cfg.targets.generic.contains(t))
            .cloned()
            .collect();
        let killed = inc.killed.low.or(inc.killed.high);
        Prepared {
            m,
            days,
            date_tolerance,
            dated_by_report,
            published_day,
            country,
            country_code,
            country_name,
            admin1,
            point,
            radius_km,
            precision,
            place_name,
            named,
            specific_targets,
            killed,
        }
    }
}

/// Rule settings plus whether to write the feature details (skipped while searching).
#[derive(Clone, Copy)]
pub(crate) struct Ctx<'c> {
    pub(crate) cfg: &'c LinkConfig,
    pub(crate) explain: bool,
}

impl Ctx<'_> {
    fn feature(
        &self,
        name: &'static str,
        value: Option<f64>,
        detail: impl FnOnce() -> String,
        contribution: f64,
    ) -> Feature {
        Feature {
            name: Cow::Borrowed(name),
            value,
            detail: if self.explain {
                detail()
            } else {
                String::new()
            },
            contribution,
            veto: false,
        }
    }

    fn veto(
        &self,
        name: &'static str,
        value: Option<f64>,
        detail: impl FnOnce() -> String,
    ) -> Feature {
        Feature {
            veto: true,
            ..self.feature(name, value, detail, 0.0)
        }
    }
}

/// Scores two prepared mentions; the pair is put in key order first so the result is symmetric.
pub(crate) fn score_prepared(x: &Prepared<'_>, y: &Prepared<'_>, cx: Ctx<'_>) -> LinkExplanation {
    let cfg = cx.cfg;
    let (p, q) = if x.m.key <= y.m.key { (x, y) } else { (y, x) };
    let mut features = Vec::with_capacity(9);
    if p.m.key.report == q.m.key.report {
        features.push(cx.veto("same_report", None, || {
            "two incidents of one report are different incidents".into()
        }));
    }
    features.push(date_feature(p, q, cx));
    features.extend(place_feature(p, q, cx));
    features.extend(event_type_feature(p, q, cx));
    features.extend(weapons_feature(p, q, cx));
    features.extend(targets_feature(p, q, cx));
    features.extend(named_target_feature(p, q, cx));
    features.extend(casualty_feature(p, q, cx));
    let score: f64 = features.iter().map(|f| f.contribution).sum();
    let linked = !features.iter().any(|f| f.veto) && score >= cfg.link.threshold;
    LinkExplanation {
        a: p.m.key,
        b: q.m.key,
        score,
        linked,
        features,
    }
}

fn date_feature(p: &Prepared<'_>, q: &Prepared<'_>, cx: Ctx<'_>) -> Feature {
    let cfg = cx.cfg;
    let (Some((s1, e1)), Some((s2, e2))) = (p.days, q.days) else {
        return cx.veto("date_diff_days", None, || {
            "no date (and no publication date) on one side".into()
        });
    };
    let gap = (s2 - e1).max(s1 - e2).max(0);
    let tol = p.date_tolerance.max(q.date_tolerance);
    let how = |x: &Prepared<'_>| {
        if x.dated_by_report {
            "stated"
        } else {
            "publication"
        }
    };
    let detail = || {
        format!(
            "gap {gap} day(s), tolerance {tol} ({} / {} dates)",
            how(p),
            how(q)
        )
    };
    if gap > tol {
        return cx.veto("date_diff_days", Some(gap as f64), detail);
    }
    let exact_day = p.dated_by_report && q.dated_by_report && s1 == e1 && s2 == e2 && s1 == s2;
    let c = if exact_day {
        cfg.date.same_day
    } else {
        cfg.date.within_tolerance
    };
    cx.feature("date_diff_days", Some(gap as f64), detail, c)
}

fn place_feature(p: &Prepared<'_>, q: &Prepared<'_>, cx: Ctx<'_>) -> Vec<Feature> {
    let cfg = cx.cfg;
    let mut out = Vec::new();
    let countries = match (&p.country_code, &q.country_code) {
        (Some(c1), Some(c2)) => Some((c1, c2)),
        _ => p.country_name.as_ref().zip(q.country_name.as_ref()),
    };
    if let Some((c1, c2)) = countries {
        if c1 != c2 {
            out.push(cx.veto("country", None, || format!("{c1} vs {c2}")));
            return out;
        }
    }
    use PlacePrecision as P;
    match (p.precision, q.precision) {
        (P::Point, P::Point) => {
            let (Some(a), Some(b)) = (p.point, q.point) else {
                return out;
            };
            let d = haversine_km(a, b);
            let r = p.radius_km.max(q.radius_km);
            let detail = || format!("{d:.1} km apart, radius {r} km");
            if d > r {
                out.push(cx.veto("distance_km", Some(d), detail));
            } else {
                let rules = &cfg.place;
                let c = rules.close - (rules.close - rules.close_at_radius) * (d / r);
                out.push(cx.feature("distance_km", Some(d), detail, c));
            }
        }
        (P::Admin1, P::Point) | (P::Point, P::Admin1) | (P::Admin1, P::Admin1) => {
            match (&p.admin1, &q.admin1) {
                (Some(a1), Some(a2)) if a1 == a2 => out.push(cx.feature(
                    "place_admin1",
                    None,
                    || format!("same admin1 ({a1})"),
                    cfg.place.same_admin1,
                )),
                (Some(a1), Some(a2)) => {
                    out.push(cx.veto("place_admin1", None, || format!("{a1} vs {a2}")));
                }
                _ => out.push(cx.feature(
                    "place_admin1",
                    None,
                    || "admin1 unknown on one side".into(),
                    0.0,
                )),
            }
        }
        _ => {
            if let (Some(n1), Some(n2)) = (&p.place_name, &q.place_name) {
                if n1 == n2 {
                    out.push(cx.feature(
                        "place_name",
                        None,
                        || format!("same place name ({n1})"),
                        cfg.place.same_name,
                    ));
                }
            }
        }
    }
    out
}

fn event_type_feature(p: &Prepared<'_>, q: &Prepared<'_>, cx: Ctx<'_>) -> Option<Feature> {
    let cfg = cx.cfg;
    let (t1, t2) = (&p.m.incident.event_type, &q.m.incident.event_type);
    let unknown = |t: &str| t.is_empty() || t == "other";
    if unknown(t1) || unknown(t2) {
        return None;
    }
    let detail = || format!("{t1} / {t2}");
    if t1 == t2 {
        return Some(cx.feature("event_type_match", Some(1.0), detail, cfg.event_type.same));
    }
    let grouped = cfg
        .event_type
        .compatible_groups
        .iter()
        .any(|g| g.contains(t1) && g.contains(t2));
    let confusable = || {
        cfg.event_type
            .confusable_groups
            .iter()
            .any(|g| g.contains(t1) && g.contains(t2))
    };
    Some(if grouped {
        cx.feature(
            "event_type_match",
            Some(0.5),
            detail,
            cfg.event_type.compatible,
        )
    } else if confusable() {
        cx.feature(
            "event_type_match",
            Some(0.25),
            detail,
            cfg.event_type.confusable,
        )
    } else {
        cx.veto("event_type_match", Some(0.0), detail)
    })
}

fn weapons_feature(p: &Prepared<'_>, q: &Prepared<'_>, cx: Ctx<'_>) -> Option<Feature> {
    let cfg = cx.cfg;
    let w1: BTreeSet<&String> = p.m.incident.weapons.iter().collect();
    let w2: BTreeSet<&String> = q.m.incident.weapons.iter().collect();
    if w1.is_empty() || w2.is_empty() {
        return None;
    }
    let inter = w1.intersection(&w2).count() as f64;
    let union = w1.union(&w2).count() as f64;
    let j = inter / union;
    Some(cx.feature(
        "weapons_overlap",
        Some(j),
        || format!("{inter} shared of {union}"),
        cfg.weapons.overlap * j,
    ))
}

fn targets_feature(p: &Prepared<'_>, q: &Prepared<'_>, cx: Ctx<'_>) -> Option<Feature> {
    let cfg = cx.cfg;
    let (t1, t2) = (&p.specific_targets, &q.specific_targets);
    if t1.is_empty() || t2.is_empty() {
        return None;
    }
    let shared: Vec<&str> = t1.intersection(t2).map(String::as_str).collect();
    Some(if shared.is_empty() {
        cx.feature(
            "targets_overlap",
            Some(0.0),
            || format!("{t1:?} vs {t2:?}"),
            cfg.targets.disjoint,
        )
    } else {
        cx.feature(
            "targets_overlap",
            Some(shared.len() as f64),
            || format!("shared {}", shared.join(", ")),
            cfg.targets.overlap,
        )
    })
}

fn named_target_feature(p: &Prepared<'_>, q: &Prepared<'_>, cx: Ctx<'_>) -> Option<Feature> {
    let cfg = cx.cfg;
    if p.named.is_empty() || q.named.is_empty() {
        return None;
    }
    for a in &p.named {
        if let Some(b) = q.named.iter().find(|b| a.matches(b)) {
            return Some(cx.feature(
                "target_name_match",
                Some(1.0),
                || format!("{} = {}", show(a), show(b)),
                cfg.targets.named_match,
            ));
        }
    }
    for a in &p.named {
        if let Some(b) = q.named.iter().find(|b| a.facility == b.facility) {
            return Some(cx.feature(
                "target_name_match",
                Some(0.0),
                || format!("{} vs {}", show(a), show(b)),
                cfg.targets.named_mismatch,
            ));
        }
    }
    None
}

fn show(n: &NamedTarget) -> String {
    let words: Vec<&str> = n.tokens.iter().map(String::as_str).collect();
    format!("{} {}", words.join(" "), n.facility)
}

fn casualty_feature(p: &Prepared<'_>, q: &Prepared<'_>, cx: Ctx<'_>) -> Option<Feature> {
    let cfg = cx.cfg;
    let (k1, k2) = (p.killed?, q.killed?);
    let rules = &cfg.casualties;
    let (small, large, small_side, large_side) = if k1 <= k2 {
        (k1, k2, p, q)
    } else {
        (k2, k1, q, p)
    };
    // A toll that grows in later reports is expected: widen the allowance by the days between
    // the two publications when the later report carries the higher figure.
    let growth_days = match (small_side.published_day, large_side.published_day) {
        (Some(s), Some(l)) if l > s => (l - s) as f64,
        _ => 0.0,
    };
    let ratio_allowed = rules.contradiction_ratio + rules.growth_per_day * growth_days;
    let (small_f, large_f) = (f64::from(small), f64::from(large));
    let value = Some((large_f + 1.0) / (small_f + 1.0));
    let detail = || format!("killed {k1} vs {k2}");
    if large_f > ratio_allowed * small_f + f64::from(rules.contradiction_slack) {
        Some(cx.feature("casualty_compat", value, detail, rules.contradiction))
    } else if large_f <= rules.close_ratio * small_f + 1.0 {
        Some(cx.feature("casualty_compat", value, detail, rules.close))
    } else {
        Some(cx.feature("casualty_compat", value, detail, 0.0))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testutil::{mention, With};

    const ALEPPO: (f64, f64) = (36.2021, 37.1343);

    fn score(a: &Mention, b: &Mention) -> LinkExplanation {
        score_pair(a, b, &LinkConfig::default())
    }

    fn feature_of<'e>(e: &'e LinkExplanation, name: &str) -> Option<&'e Feature> {
        e.features.iter().find(|f| f.name == name)
    }

    #[test]
    fn same_day_same_town_same_type_links() {
        let a = mention(1, "2016-04-27", ALEPPO.0, ALEPPO.1);
        let b = mention(2, "2016-04-27", ALEPPO.0 + 0.01, ALEPPO.1);
        let e = score(&a, &b);
        assert!(e.linked, "{e:#?}");
        let d = feature_of(&e, "distance_km").expect("distance feature");
        assert!(d.value.is_some_and(|km| (1.0..1.2).contains(&km)));
    }

    #[test]
    fn dates_within_precision() {
        let a = mention(1, "2016-04-27", ALEPPO.0, ALEPPO.1);
        let next_day = mention(2, "2016-04-28", ALEPPO.0, ALEPPO.1);
        let two_days = mention(3, "2016-04-29", ALEPPO.0, ALEPPO.1);
        assert!(score(&a, &next_day).linked);
        let far = score(&a, &two_days);
        assert!(!far.linked && far.vetoed());
        // A month-precision date covers its whole month.
        let mut month = mention(4, "2016-04-01", ALEPPO.0, ALEPPO.1);
        month.incident.date.end = Some("2016-04-30".into());
        month.incident.date.precision = Some("month".into());
        let e = score(&a, &month);
        assert!(!e.vetoed(), "{e:#?}");
        assert_eq!(
            feature_of(&e, "date_diff_days").and_then(|f| f.value),
            Some(0.0)
        );
    }

    #[test]
    fn undated_mention_uses_publication_window() {
        let a = mention(1, "2016-04-27", ALEPPO.0, ALEPPO.1);
        let mut b = mention(2, "2016-04-27", ALEPPO.0, ALEPPO.1).published("2016-04-29");
        b.incident.date = Default::default();
        assert!(!score(&a, &b).vetoed());
        let mut c = b.clone().published("2016-05-09");
        c.key.report = attest_model::ReportId(3);
        assert!(score(&a, &c).vetoed());
        c.published = None;
        assert!(score(&a, &c).vetoed());
    }

    #[test]
    fn distance_within_precision() {
        let a = mention(1, "2016-04-27", ALEPPO.0, ALEPPO.1);
        // About 9 km north: inside the 10 km town radius.
        let near = mention(2, "2016-04-27", ALEPPO.0 + 0.08, ALEPPO.1);
        // About 14 km north: outside.
        let far = mention(3, "2016-04-27", ALEPPO.0 + 0.125, ALEPPO.1);
        assert!(!score(&a, &near).vetoed());
        assert!(feature_of(&score(&a, &far), "distance_km").is_some_and(|f| f.veto));
        // Two sites 9 km apart are too far for site precision (3 km) even though towns would not be.
        let mut s1 = a.clone();
        let mut s2 = near.clone();
        for m in [&mut s1, &mut s2] {
            if let Some(l) = m.incident.location.as_mut() {
                l.precision = Some("site".into());
            }
        }
        assert!(score(&s1, &s2).vetoed());
    }

    #[test]
    fn admin1_precision_needs_same_admin1() {
        let a = mention(1, "2016-04-27", ALEPPO.0, ALEPPO.1);
        let mut prov = mention(2, "2016-04-27", 0.0, 0.0);
        if let Some(l) = prov.incident.location.as_mut() {
            l.precision = Some("admin1".into());
            l.lat = None;
            l.lon = None;
        }
        let e = score(&a, &prov);
        assert!(feature_of(&e, "place_admin1").is_some_and(|f| f.contribution > 0.0));
        if let Some(l) = prov.incident.location.as_mut() {
            l.admin1 = Some("Idlib".into());
        }
        assert!(score(&a, &prov).vetoed());
        let mut other_country = mention(3, "2016-04-27", ALEPPO.0, ALEPPO.1);
        if let Some(l) = other_country.incident.location.as_mut() {
            l.country_code = Some("IQ".into());
        }
        assert!(feature_of(&score(&a, &other_country), "country").is_some_and(|f| f.veto));
        // A code on one side only: the country names are compared instead (equal here).
        let mut name_only = mention(4, "2016-04-27", ALEPPO.0, ALEPPO.1);
        if let Some(l) = name_only.incident.location.as_mut() {
            l.country_code = None;
        }
        assert!(feature_of(&score(&a, &name_only), "country").is_none());
    }

    #[test]
    fn event_type_compatibility() {
        let a = mention(1, "2016-04-27", ALEPPO.0, ALEPPO.1);
        let shelling = mention(2, "2016-04-27", ALEPPO.0, ALEPPO.1).event("shelling");
        let abduction = mention(3, "2016-04-27", ALEPPO.0, ALEPPO.1).event("abduction");
        let other = mention(4, "2016-04-27", ALEPPO.0, ALEPPO.1).event("other");
        let e = score(&a, &shelling);
        assert!(!e.vetoed());
        assert!(feature_of(&e, "event_type_match").is_some_and(|f| f.value == Some(0.5)));
        assert!(score(&a, &abduction).vetoed());
        assert!(feature_of(&score(&a, &other), "event_type_match").is_none());
    }

    #[test]
    fn targets_and_named_targets() {
        let base = mention(1, "2016-04-27", ALEPPO.0, ALEPPO.1);
        let hosp = base.clone().targets(&["hospital", "civilians"]);
        let market = mention(2, "2016-04-27", ALEPPO.0, ALEPPO.1).targets(&["market"]);
        let hosp2 = mention(3, "2016-04-27", ALEPPO.0, ALEPPO.1).targets(&["hospital"]);
        assert!(
            !score(&hosp, &market).linked,
            "disjoint targets lower the score"
        );
        assert!(score(&hosp, &hosp2).linked);
        // Named targets: the same hospital weighs heavily, even a day and a few km apart...
        let quds = hosp.clone().named("Al Quds hospital");
        let mut quds2 =
            mention(4, "2016-04-28", ALEPPO.0 + 0.05, ALEPPO.1).named("al-Quds Hospital");
        quds2.incident.event_type = "shelling".into();
        let e = score(&quds, &quds2);
        assert!(e.linked, "{e:#?}");
        assert!(feature_of(&e, "target_name_match").is_some_and(|f| f.contribution > 0.4));
        // ...and two different hospitals push the score below the threshold.
        let other = mention(5, "2016-04-27", ALEPPO.0, ALEPPO.1)
            .targets(&["hospital"])
            .named("Omar Abdulaziz hospital");
        let e = score(&quds, &other);
        assert!(!e.linked, "{e:#?}");
    }

    #[test]
    fn casualty_contradiction_and_growth() {
        let a = mention(1, "2016-04-27", ALEPPO.0, ALEPPO.1).killed(4);
        let b = mention(2, "2016-04-27", ALEPPO.0, ALEPPO.1).killed(20);
        let e = score(&a, &b);
        assert!(feature_of(&e, "casualty_compat").is_some_and(|f| f.contribution < 0.0));
        assert!(!e.linked);
        // The same figures two days apart in publication read as a growing toll.
        let later = b.clone().published("2016-04-29");
        let e = score(&a, &later);
        assert!(feature_of(&e, "casualty_compat").is_some_and(|f| f.contribution == 0.0));
        assert!(e.linked, "{e:#?}");
        // But a lower figure published later does not get the allowance.
        let a_late = a.clone().published("2016-04-29");
        assert!(!score(&a_late, &b).linked);
        let close = mention(3, "2016-04-27", ALEPPO.0, ALEPPO.1).killed(5);
        assert!(
            feature_of(&score(&a, &close), "casualty_compat").is_some_and(|f| f.contribution > 0.0)
        );
    }

    #[test]
    fn same_report_never_links_and_score_is_symmetric() {
        let a = mention(1, "2016-04-27", ALEPPO.0, ALEPPO.1);
        let b = mention(1, "2016-04-27", ALEPPO.0, ALEPPO.1).index(1);
        assert!(feature_of(&score(&a, &b), "same_report").is_some_and(|f| f.veto));
        let c = mention(2, "2016-04-28", ALEPPO.0 + 0.02, ALEPPO.1).killed(3);
        let d = a.clone().killed(5);
        assert_eq!(score(&c, &d), score(&d, &c));
    }
}
