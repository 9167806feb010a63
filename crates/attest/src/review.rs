//! The analyst's review: merge, split, set, grade, note and history, each an audit entry, each
//! followed by a re-link so derived records stay current. Shared by the CLI and the server.

use crate::linking::{relink, relink_preferring, RelinkSummary, SETTABLE};
use crate::{Error, Result};
use attest_link::{Grade, LinkConfig};
use attest_model::ReportId;
use attest_store::{
    AuditEntry, AuditRecord, IncidentRow, LinkConstraint, SqliteStore, Store, StoredMention,
};
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};

/// Who makes a change, and why (recorded in the audit log).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Who {
    /// The analyst.
    pub by: String,
    /// The reason given.
    pub reason: Option<String>,
}

/// The list form of an incident: what `incident list --json` and the API print for each.
pub fn list_item(row: &IncidentRow) -> Value {
    let s = &row.summary;
    json!({
        "code": row.code,
        "previous_codes": row.previous_codes,
        "event_type": s["event_type"],
        "date": s["date"],
        "location": s["location"],
        "killed": s["killed"],
        "injured": s["injured"],
        "weapons": s["weapons"],
        "targets": s["targets"],
        "grade": s["grade"],
        "airwars_grade": s["airwars_grade"],
        "sources": s["sources"],
        "independent_sources": s["independent_sources"],
        "leanings": s["leanings"],
        "claims": s["claims"],
        "perpetrators": s["perpetrators"],
        "reports": s["reports"],
    })
}

fn audit(
    store: &mut SqliteStore,
    who: &Who,
    action: &str,
    code: &str,
    details: Value,
) -> Result<()> {
    store.audit(&AuditEntry {
        actor: who.by.clone(),
        action: action.into(),
        entity: "incident".into(),
        entity_id: Some(code.to_string()),
        details,
        reason: who.reason.clone(),
    })?;
    Ok(())
}

/// Parses an analyst's value for a field: JSON, or for killed/injured `55`, `55-60`, `55+`,
/// for date `YYYY-MM-DD`, for weapons/targets a comma-separated list.
pub fn parse_value(field: &str, raw: &str) -> Result<Value> {
    if !SETTABLE.contains(&field) {
        return Err(Error::Invalid(format!(
            "cannot set '{field}': settable fields are {}",
            SETTABLE.join(", ")
        )));
    }
    let counts = field == "killed" || field == "injured";
    if let Ok(v) = serde_json::from_str::<Value>(raw) {
        if !(counts && v.is_number()) {
            return Ok(v);
        }
    }
    let bad = || Error::Invalid(format!("'{raw}' is not a value for {field}"));
    Ok(match field {
        "killed" | "injured" => {
            let raw = raw.trim();
            let num = |s: &str| s.trim().parse::<u32>().map_err(|_| bad());
            if let Some(low) = raw.strip_suffix('+') {
                json!({"low": num(low)?, "high": null})
            } else if let Some((l, h)) = raw.split_once('-') {
                let (l, h) = (num(l)?, num(h)?);
                if l > h {
                    return Err(bad());
                }
                json!({"low": l, "high": h})
            } else {
                let n = num(raw)?;
                json!({"low": n, "high": n})
            }
        }
        "date" => {
            let ok = raw.len() == 10 && raw.as_bytes()[4] == b'-' && raw.as_bytes()[7] == b'-';
            if !ok {
                return Err(bad());
            }
            json!({"start": raw, "end": raw, "precision": "day"})
        }
        "weapons" | "targets" => json!(raw
            .split(',')
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()),
        _ => Value::String(raw.to_string()),
    })
}

/// The mentions of an incident that an argument names: `REPORT#INDEX`, or a report's
/// ingested-under id (all its mentions in the incident).
fn select_mentions(all: &[StoredMention], arg: &str) -> Result<Vec<(ReportId, u32)>> {
    if let Some((report, idx)) = arg.split_once('#') {
        if let (Ok(r), Ok(i)) = (report.parse::<i64>(), idx.parse::<u32>()) {
            if all.iter().any(|m| m.report_id.0 == r && m.idx == i) {
                return Ok(vec![(ReportId(r), i)]);
            }
        }
    }
    let picked: Vec<_> = all
        .iter()
        .filter(|m| m.external_id == arg)
        .map(|m| (m.report_id, m.idx))
        .collect();
    if picked.is_empty() {
        return Err(Error::Invalid(format!(
            "'{arg}' is not a mention or report of this incident"
        )));
    }
    Ok(picked)
}

/// Merges incidents into the first one named; the others' codes keep resolving to it.
pub fn merge(
    store: &mut SqliteStore,
    cfg: &LinkConfig,
    codes: &[String],
    who: &Who,
) -> Result<(IncidentRow, RelinkSummary)> {
    if codes.len() < 2 {
        return Err(Error::Invalid(
            "a merge needs at least two incidents".into(),
        ));
    }
    let rows = codes
        .iter()
        .map(|c| store.incident(c))
        .collect::<Result<Vec<_>, _>>()?;
    let mut firsts = Vec::with_capacity(rows.len());
    for row in &rows {
        let m = store.mentions(Some(row.id))?;
        let m = m
            .first()
            .ok_or_else(|| Error::Invalid(format!("incident {} has no mention", row.code)))?;
        firsts.push((m.report_id, m.idx));
    }
    let survivor = &rows[0];
    for (other, m) in rows[1..].iter().zip(&firsts[1..]) {
        if other.id == survivor.id {
            return Err(Error::Invalid(format!(
                "{} is already {}",
                other.code, survivor.code
            )));
        }
        store.add_constraint(&LinkConstraint {
            kind: "must_link".into(),
            a: firsts[0],
            b: *m,
            by: who.by.clone(),
            reason: who.reason.clone(),
        })?;
        audit(
            store,
            who,
            "incident.merge",
            &survivor.code,
            json!({"absorbed": other.code}),
        )?;
        audit(
            store,
            who,
            "incident.merge",
            &other.code,
            json!({"into": survivor.code}),
        )?;
    }
    let summary = relink_preferring(store, cfg, Some(survivor.id))?;
    Ok((store.incident(&survivor.code)?, summary))
}

/// What a split did.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SplitOutcome {
    /// The incident split.
    pub from: String,
    /// The incident the moved mentions now form.
    pub into: Option<String>,
    /// The mentions moved (`REPORT#INDEX`).
    pub moved: Vec<String>,
}

/// Moves mentions out of an incident into a new one; re-linking keeps them apart.
pub fn split(
    store: &mut SqliteStore,
    cfg: &LinkConfig,
    code: &str,
    mentions: &[String],
    who: &Who,
) -> Result<SplitOutcome> {
    let row = store.incident(code)?;
    let all = store.mentions(Some(row.id))?;
    let mut out: Vec<(ReportId, u32)> = Vec::new();
    for arg in mentions {
        out.extend(select_mentions(&all, arg)?);
    }
    out.sort();
    out.dedup();
    let stay: Vec<(ReportId, u32)> = all
        .iter()
        .map(|m| (m.report_id, m.idx))
        .filter(|k| !out.contains(k))
        .collect();
    if stay.is_empty() || out.is_empty() {
        return Err(Error::Invalid(
            "a split must move some mentions and leave at least one".into(),
        ));
    }
    let constraint = |kind: &str, a, b| LinkConstraint {
        kind: kind.into(),
        a,
        b,
        by: who.by.clone(),
        reason: who.reason.clone(),
    };
    for o in &out {
        for s in &stay {
            store.add_constraint(&constraint("cannot_link", *s, *o))?;
        }
    }
    for pair in out.windows(2) {
        store.add_constraint(&constraint("must_link", pair[0], pair[1]))?;
    }
    let moved: Vec<String> = out.iter().map(|(r, i)| format!("{r}#{i}")).collect();
    audit(
        store,
        who,
        "incident.split",
        &row.code,
        json!({"moved": moved}),
    )?;
    relink(store, cfg)?;
    let new_home = store
        .mentions(None)?
        .into_iter()
        .find(|m| (m.report_id, m.idx) == out[0])
        .map(|m| m.incident_id);
    let into = match new_home {
        Some(id) => {
            let new_row = store.incident(&format!("#{id}"))?;
            audit(
                store,
                who,
                "incident.split",
                &new_row.code,
                json!({"from": row.code, "moved": moved}),
            )?;
            Some(new_row.code)
        }
        None => None,
    };
    Ok(SplitOutcome {
        from: row.code,
        into,
        moved,
    })
}

/// Sets a field to an analyst's value; the extracted value stays visible under "extracted".
pub fn set(
    store: &mut SqliteStore,
    cfg: &LinkConfig,
    code: &str,
    field: &str,
    value: Value,
    who: &Who,
) -> Result<IncidentRow> {
    let row = store.incident(code)?;
    if !SETTABLE.contains(&field) {
        return Err(Error::Invalid(format!("cannot set '{field}'")));
    }
    let before = row.summary[field].clone();
    store.add_override(row.id, field, &value, &who.by, who.reason.as_deref())?;
    audit(
        store,
        who,
        "incident.set",
        &row.code,
        json!({"field": field, "value": value, "extracted": before}),
    )?;
    relink(store, cfg)?;
    Ok(store.incident(&row.code)?)
}

/// Grades an incident; the analyst's grade overrides the rules.
pub fn grade(
    store: &mut SqliteStore,
    cfg: &LinkConfig,
    code: &str,
    grade: &str,
    who: &Who,
) -> Result<IncidentRow> {
    let row = store.incident(code)?;
    let grade: Grade = grade
        .parse()
        .map_err(|e: attest_link::UnknownGrade| Error::Invalid(e.to_string()))?;
    store.add_override(
        row.id,
        "grade",
        &json!(grade.as_str()),
        &who.by,
        who.reason.as_deref(),
    )?;
    audit(
        store,
        who,
        "incident.grade",
        &row.code,
        json!({"grade": grade.as_str(), "was": row.summary["grade"]}),
    )?;
    relink(store, cfg)?;
    Ok(store.incident(&row.code)?)
}

/// Adds a note to an incident (private unless `public`).
pub fn note(
    store: &mut SqliteStore,
    code: &str,
    text: &str,
    public: bool,
    who: &Who,
) -> Result<IncidentRow> {
    let row = store.incident(code)?;
    if text.trim().is_empty() {
        return Err(Error::Invalid("a note needs some text".into()));
    }
    store.add_note(row.id, text, !public, &who.by)?;
    audit(
        store,
        who,
        "incident.note",
        &row.code,
        json!({"private": !public}),
    )?;
    Ok(row)
}

/// Audit entries of an incident under its code and every previous code, oldest first.
pub fn history(store: &SqliteStore, row: &IncidentRow) -> Result<Vec<AuditRecord>> {
    let mut all = Vec::new();
    for code in std::iter::once(&row.code).chain(row.previous_codes.iter()) {
        all.extend(store.audit_log(Some(("incident", code)))?);
    }
    all.sort_by_key(|h| h.id);
    Ok(all)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn analyst_values_parse_from_short_forms() {
        assert_eq!(
            parse_value("killed", "55+").unwrap(),
            json!({"low": 55, "high": null})
        );
        assert_eq!(
            parse_value("killed", "10-12").unwrap(),
            json!({"low": 10, "high": 12})
        );
        assert_eq!(
            parse_value("injured", "60").unwrap(),
            json!({"low": 60, "high": 60})
        );
        assert!(parse_value("killed", "12-10").is_err());
        assert!(parse_value("killed", "many").is_err());
        assert_eq!(
            parse_value("date", "2016-04-27").unwrap()["precision"],
            "day"
        );
        assert!(parse_value("date", "27 April").is_err());
        assert_eq!(
            parse_value("targets", "hospital, civilians").unwrap(),
            json!(["hospital", "civilians"])
        );
        assert_eq!(
            parse_value("event_type", "air_strike").unwrap(),
            json!("air_strike")
        );
        assert!(matches!(
            parse_value("colour", "red"),
            Err(Error::Invalid(_))
        ));
    }
}
