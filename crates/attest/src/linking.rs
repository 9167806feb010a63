//! Re-linking the whole store: mentions from current extractions, analyst constraints, the
//! linker, then stable codes and derived records, applied in one transaction.
//!
//! Linking is a pure function of the mentions and the constraints, so any ingest order gives
//! the same incidents; codes are kept by giving each new cluster the stored incident that holds
//! most of its mentions.

use attest_link::{
    corroborate, incident_code, link, reconcile, summarize, AnalystGrade, Cluster, Constraints,
    Grade, LinkConfig, Mention, MentionKey, PreviousIncident, SourceInfo,
};
use attest_model::{Incident, ReportId};
use attest_store::{
    IncidentColumns, IncidentOverride, IncidentRef, LinkPlan, PlannedIncident, PlannedMention,
    SqliteStore, Store,
};
use serde::Serialize;
use serde_json::{json, Value};
use std::collections::{BTreeMap, HashMap};

use crate::{Error, Result};

/// Fields an analyst may set on an incident.
pub const SETTABLE: &[&str] = &[
    "event_type",
    "date",
    "killed",
    "injured",
    "location",
    "perpetrator",
    "weapons",
    "targets",
];

/// What a re-link changed.
#[derive(Debug, Default, Serialize)]
pub struct RelinkSummary {
    /// Mentions linked.
    pub mentions: usize,
    /// Incidents they form.
    pub incidents: usize,
    /// Incidents created by this run.
    pub created: usize,
    /// Stored incidents absorbed into others.
    pub merged: usize,
    /// Stored incidents left with no mention.
    pub withdrawn: usize,
}

/// Builds the mentions of every report's current extraction.
pub fn load_mentions(
    store: &SqliteStore,
    cfg: &LinkConfig,
) -> Result<(Vec<Mention>, HashMap<MentionKey, i64>)> {
    let mut mentions = Vec::new();
    let mut extraction_of = HashMap::new();
    for input in store.linking_inputs()? {
        let incidents: Vec<Incident> = serde_json::from_value(input.result["incidents"].clone())
            .map_err(|source| Error::Corrupt {
                report: input.report_id,
                source,
            })?;
        let source = SourceInfo {
            name: input
                .source_name
                .clone()
                .unwrap_or_else(|| format!("report {}", input.external_id)),
            kind: input.source_kind,
            leaning: input.source_leaning.clone(),
        };
        for (idx, incident) in incidents.into_iter().enumerate() {
            let key = MentionKey::new(input.report_id, idx as u32);
            extraction_of.insert(key, input.extraction_id);
            mentions.push(Mention::from_report(
                key,
                input.external_id.clone(),
                source.clone(),
                input.published.clone(),
                incident,
                &input.text,
                cfg,
            ));
        }
    }
    Ok((mentions, extraction_of))
}

fn key_of(m: (ReportId, u32)) -> MentionKey {
    MentionKey::new(m.0, m.1)
}

/// Re-links every mention of the store and records the result.
pub fn relink(store: &mut SqliteStore, cfg: &LinkConfig) -> Result<RelinkSummary> {
    relink_preferring(store, cfg, None)
}

/// Re-links; when clusters tie for a stored incident's code, `survivor` keeps its code first,
/// then older incidents (an analyst's merge names the incident that survives).
pub fn relink_preferring(
    store: &mut SqliteStore,
    cfg: &LinkConfig,
    survivor: Option<i64>,
) -> Result<RelinkSummary> {
    let (mentions, extraction_of) = load_mentions(store, cfg)?;
    let mut constraints = Constraints::default();
    for c in store.constraints()? {
        let pair = (key_of(c.a), key_of(c.b));
        match c.kind.as_str() {
            "must_link" => constraints.must_link.push(pair),
            _ => constraints.cannot_link.push(pair),
        }
    }
    let mut clusters = link(&mentions, cfg, &constraints);
    clusters.sort_by_key(|c| c.mentions.first().copied());
    let by_key: HashMap<MentionKey, &Mention> = mentions.iter().map(|m| (m.key, m)).collect();

    // Which stored incident each mention belonged to; clusters keep their codes (reconcile).
    let mut previous: BTreeMap<(bool, i64), Vec<MentionKey>> = BTreeMap::new();
    for m in store.mentions(None)? {
        previous
            .entry((Some(m.incident_id) != survivor, m.incident_id))
            .or_default()
            .push(MentionKey::new(m.report_id, m.idx));
    }
    let index = store.incident_index()?;
    let id_of: HashMap<&str, i64> = index
        .iter()
        .map(|(id, code, _)| (code.as_str(), *id))
        .collect();
    let code_of: HashMap<i64, &str> = index
        .iter()
        .map(|(id, code, _)| (*id, code.as_str()))
        .collect();
    let prior: Vec<PreviousIncident> = previous
        .iter()
        .filter_map(|((_, id), keys)| {
            Some(PreviousIncident {
                code: code_of.get(id)?.to_string(),
                mentions: keys.clone(),
            })
        })
        .collect();
    let reconciled = reconcile(&prior, &clusters);

    let overrides = store.overrides(None)?;
    let mut plan = LinkPlan::default();
    let mut seqs = code_sequences(&store.incident_codes()?);
    let mut summary = RelinkSummary {
        mentions: mentions.len(),
        incidents: clusters.len(),
        ..RelinkSummary::default()
    };
    for (cluster, fate) in clusters.iter().zip(&reconciled.incidents) {
        let ms: Vec<&Mention> = cluster
            .mentions
            .iter()
            .filter_map(|k| by_key.get(k).copied())
            .collect();
        let existing = fate.code.as_deref().and_then(|c| id_of.get(c).copied());
        let own: Vec<&IncidentOverride> = overrides
            .iter()
            .filter(|o| Some(o.incident_id) == existing)
            .collect();
        let columns = derive(&ms, cluster, cfg, &own);
        let target = match existing {
            Some(id) => IncidentRef::Existing(id),
            None => {
                let prefix = incident_code(
                    columns.country_code.as_deref(),
                    columns.date_start.as_deref(),
                    0,
                );
                let prefix = prefix.trim_end_matches("000").to_string();
                let seq = seqs.entry(prefix.clone()).or_insert(0);
                *seq += 1;
                plan.new_codes.push(format!("{prefix}{:03}", seq));
                summary.created += 1;
                IncidentRef::New(plan.new_codes.len() - 1)
            }
        };
        for code in &fate.absorbed {
            if let Some(id) = id_of.get(code.as_str()) {
                plan.merges.push((*id, target));
                summary.merged += 1;
            }
        }
        target_links(cluster, &mut plan, target, columns, &extraction_of);
    }
    for code in &reconciled.retired {
        if let Some(id) = id_of.get(code.as_str()) {
            plan.withdrawn.push(*id);
            summary.withdrawn += 1;
        }
    }
    store.apply_link_plan(&plan)?;
    Ok(summary)
}

fn target_links(
    cluster: &Cluster,
    plan: &mut LinkPlan,
    target: IncidentRef,
    columns: IncidentColumns,
    extraction_of: &HashMap<MentionKey, i64>,
) {
    let mut link_of: HashMap<MentionKey, Value> = HashMap::new();
    for l in &cluster.links {
        // The link is recorded on the later mention of the pair: the one it joined.
        link_of
            .entry(l.b)
            .or_insert_with(|| serde_json::to_value(l).unwrap_or(Value::Null));
    }
    plan.incidents.push(PlannedIncident {
        target,
        mentions: cluster
            .mentions
            .iter()
            .map(|k| PlannedMention {
                report_id: k.report,
                idx: k.index,
                extraction_id: extraction_of.get(k).copied().unwrap_or_default(),
                link: link_of.remove(k),
            })
            .collect(),
        columns,
    });
}

/// Highest sequence number issued per code prefix ("SY-2016-04-27-").
fn code_sequences(codes: &[String]) -> HashMap<String, u32> {
    let mut seqs: HashMap<String, u32> = HashMap::new();
    for code in codes {
        if let Some((prefix, seq)) = code.rsplit_once('-') {
            if let Ok(n) = seq.parse::<u32>() {
                let e = seqs.entry(format!("{prefix}-")).or_insert(0);
                *e = (*e).max(n);
            }
        }
    }
    seqs
}

/// The newest analyst value per field.
fn latest<'a>(overrides: &[&'a IncidentOverride]) -> BTreeMap<&'a str, &'a IncidentOverride> {
    let mut out = BTreeMap::new();
    for o in overrides {
        out.insert(o.field.as_str(), *o);
    }
    out
}

/// The derived record of an incident: what the mentions agree on, corroboration, and analyst
/// values on top (the extracted value stays visible under "extracted").
fn derive(
    ms: &[&Mention],
    cluster: &Cluster,
    cfg: &LinkConfig,
    overrides: &[&IncidentOverride],
) -> IncidentColumns {
    let latest = latest(overrides);
    let analyst_grade = latest.get("grade").and_then(|o| {
        Some(AnalystGrade {
            grade: o.value.as_str()?.parse::<Grade>().ok()?,
            by: o.by.clone(),
            reason: o.reason.clone().unwrap_or_default(),
        })
    });
    let agreed = summarize(ms);
    let corroboration = corroborate(ms, cfg, analyst_grade.as_ref());
    let mut reports: Vec<String> = ms.iter().map(|m| m.external_id.clone()).collect();
    reports.dedup();
    let mut record = json!({
        "event_type": agreed.event_type,
        "date": agreed.date,
        "location": agreed.location,
        "weapons": agreed.weapons,
        "targets": agreed.targets,
        "target_names": agreed.target_names,
        "killed": corroboration.killed,
        "injured": corroboration.injured,
        "perpetrators": corroboration.attributions,
        "grade": corroboration.grade,
        "airwars_grade": attest_link::airwars_grade(corroboration.grade),
        "grade_reasons": corroboration.grade_reasons,
        "sources": corroboration.sources,
        "independent_sources": corroboration.independent_sources,
        "source_groups": corroboration.source_groups,
        "leanings": corroboration.leanings,
        "one_sided": corroboration.one_sided,
        "claims": corroboration.claims,
        "reports": reports,
        "mentions": cluster.mentions.iter().map(|k| k.to_string()).collect::<Vec<_>>(),
    });
    let mut analyst = serde_json::Map::new();
    let mut extracted = serde_json::Map::new();
    for (field, o) in &latest {
        if *field == "grade" {
            continue;
        }
        extracted.insert(field.to_string(), record[*field].clone());
        analyst.insert(
            field.to_string(),
            json!({"value": o.value, "by": o.by, "reason": o.reason, "at": o.at}),
        );
        match *field {
            "killed" | "injured" => {
                // An analyst's figure replaces the overall range; per-source figures stay.
                let v = &o.value;
                record[*field]["low"] = v["low"].clone();
                record[*field]["high"] = v["high"].clone();
                record[*field]["conservative"] = v["low"].clone();
            }
            _ => record[*field] = o.value.clone(),
        }
    }
    if let Some(g) = latest.get("grade") {
        analyst.insert(
            "grade".into(),
            json!({"value": g.value, "by": g.by, "reason": g.reason, "at": g.at}),
        );
    }
    record["analyst"] = Value::Object(analyst);
    record["extracted"] = Value::Object(extracted);

    let location = &record["location"];
    let mut search = vec![record["event_type"]
        .as_str()
        .unwrap_or_default()
        .to_string()];
    for key in ["mention", "name", "admin1", "country"] {
        if let Some(s) = location[key].as_str() {
            search.push(s.to_string());
        }
    }
    search.extend(reports.iter().cloned());
    search.extend(agreed.target_names.iter().cloned());
    for a in &corroboration.attributions {
        search.push(a.actor.clone());
    }
    for c in &corroboration.claims {
        search.push(c.speaker.clone());
    }
    IncidentColumns {
        event_type: record["event_type"].as_str().map(str::to_string),
        date_start: record["date"]["start"].as_str().map(str::to_string),
        date_end: record["date"]["end"].as_str().map(str::to_string),
        country_code: location["country_code"].as_str().map(str::to_string),
        lat: location["lat"].as_f64(),
        lon: location["lon"].as_f64(),
        grade: record["grade"].as_str().map(str::to_string),
        killed_low: record["killed"]["conservative"].as_u64().map(|v| v as u32),
        killed_high: record["killed"]["high"].as_u64().map(|v| v as u32),
        sources: corroboration.sources as u32,
        independent_sources: corroboration.independent_sources as u32,
        targets: record["targets"]
            .as_array()
            .map(|a| {
                a.iter()
                    .filter_map(|t| t.as_str().map(str::to_string))
                    .collect()
            })
            .unwrap_or_default(),
        search_text: search.join(" "),
        summary: record,
    }
}
