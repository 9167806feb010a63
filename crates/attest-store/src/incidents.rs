//! Incidents, mentions, analyst constraints, overrides and notes (SQLite).

use crate::types::*;
use crate::{Result, StoreError};
use attest_model::{ReportId, SourceKind};
use rusqlite::{params, Connection, OptionalExtension, Row};

pub(crate) fn json_col(r: &Row<'_>, col: &str) -> rusqlite::Result<serde_json::Value> {
    let s: String = r.get(col)?;
    serde_json::from_str(&s).map_err(|e| {
        rusqlite::Error::FromSqlConversionFailure(0, rusqlite::types::Type::Text, e.into())
    })
}

pub(crate) fn linking_inputs(conn: &Connection) -> Result<Vec<LinkingInput>> {
    let mut stmt = conn.prepare(
        "SELECT r.id, r.external_id, r.published_at, r.text, s.name, s.kind, s.leaning, e.id AS eid, e.result
         FROM reports r
         JOIN extractions e ON e.id = (SELECT max(id) FROM extractions x WHERE x.report_id = r.id)
         LEFT JOIN sources s ON s.id = r.source_id
         ORDER BY r.id",
    )?;
    let rows = stmt.query_map([], |r| {
        let kind: Option<String> = r.get(5)?;
        Ok(LinkingInput {
            report_id: ReportId(r.get(0)?),
            external_id: r.get(1)?,
            published: r.get(2)?,
            text: r.get(3)?,
            source_name: r.get(4)?,
            source_kind: kind
                .and_then(|k| k.parse().ok())
                .unwrap_or(SourceKind::Unknown),
            source_leaning: r.get(6)?,
            extraction_id: r.get(7)?,
            result: json_col(r, "result")?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub(crate) fn incident_from_row(conn: &Connection, r: &Row<'_>) -> rusqlite::Result<IncidentRow> {
    let id: i64 = r.get("id")?;
    let code: String = r.get("code")?;
    let mut stmt = conn.prepare_cached(
        "SELECT code FROM incident_codes WHERE incident_id = ?1 AND code <> ?2 ORDER BY code",
    )?;
    let previous_codes = stmt
        .query_map(params![id, code], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(IncidentRow {
        id,
        code,
        previous_codes,
        status: r.get("status")?,
        merged_into: r.get("merged_into")?,
        created_at: r.get("created_at")?,
        updated_at: r.get("updated_at")?,
        summary: json_col(r, "summary")?,
    })
}

/// An incident by code (current or previous) or numeric id; a merged incident resolves to the
/// incident that absorbed it.
pub(crate) fn incident(conn: &Connection, key: &str) -> Result<IncidentRow> {
    let by_code: Option<i64> = conn
        .query_row(
            "SELECT incident_id FROM incident_codes WHERE code = ?1 COLLATE NOCASE",
            [key],
            |r| r.get(0),
        )
        .optional()?;
    let id = by_code.or_else(|| key.trim_start_matches('#').parse().ok());
    let mut id = id.ok_or_else(|| StoreError::NotFound {
        what: "incident",
        key: key.to_string(),
    })?;
    // Follow merges (bounded: a chain can't be longer than the number of incidents).
    for _ in 0..64 {
        let row = conn
            .query_row("SELECT * FROM incidents WHERE id = ?1", [id], |r| {
                incident_from_row(conn, r)
            })
            .optional()?
            .ok_or_else(|| StoreError::NotFound {
                what: "incident",
                key: key.to_string(),
            })?;
        match (row.status.as_str(), row.merged_into) {
            ("merged", Some(next)) => id = next,
            _ => return Ok(row),
        }
    }
    Err(StoreError::Corrupt(format!(
        "merge chain of incident {key} does not end"
    )))
}

pub(crate) fn incidents(conn: &Connection, f: &IncidentFilter) -> Result<Vec<IncidentRow>> {
    let like = f.text.as_ref().map(|t| format!("%{}%", t.to_lowercase()));
    let target = f.target.as_ref().map(|t| format!("%\"{t}\"%"));
    let [w, s, e, n] = f.bbox.map_or([None; 4], |b| b.map(Some));
    let limit = if f.limit == 0 { -1 } else { f.limit as i64 };
    let mut stmt = conn.prepare(
        "SELECT * FROM incidents
         WHERE status = 'active'
           AND (?1 IS NULL OR coalesce(date_end, date_start) >= ?1)
           AND (?2 IS NULL OR date_start <= ?2)
           AND (?3 IS NULL OR country_code = ?3 COLLATE NOCASE)
           AND (?4 IS NULL OR event_type = ?4)
           AND (?5 IS NULL OR targets LIKE ?5)
           AND (?6 IS NULL OR grade = ?6)
           AND (?7 IS NULL OR search_text LIKE ?7)
           AND (?8 IS NULL OR (lon >= ?8 AND lat >= ?9 AND lon <= ?10 AND lat <= ?11))
         ORDER BY date_start DESC, code
         LIMIT ?12",
    )?;
    let rows = stmt.query_map(
        params![
            f.from,
            f.to,
            f.country,
            f.event_type,
            target,
            f.grade,
            like,
            w,
            s,
            e,
            n,
            limit
        ],
        |r| incident_from_row(conn, r),
    )?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub(crate) fn all_incidents(conn: &Connection) -> Result<Vec<(i64, String, String)>> {
    let mut stmt = conn.prepare("SELECT id, code, status FROM incidents ORDER BY id")?;
    let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub(crate) fn all_codes(conn: &Connection) -> Result<Vec<String>> {
    let mut stmt = conn.prepare("SELECT code FROM incident_codes")?;
    let rows = stmt.query_map([], |r| r.get(0))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub(crate) fn mentions(conn: &Connection, incident: Option<i64>) -> Result<Vec<StoredMention>> {
    // Two statements rather than `?1 IS NULL OR ...`, so one incident's mentions use the index.
    let columns = "SELECT m.report_id, m.idx, m.incident_id, r.external_id, m.link
         FROM mentions m JOIN reports r ON r.id = m.report_id";
    let decode = |r: &Row<'_>| {
        let link: Option<String> = r.get(4)?;
        Ok(StoredMention {
            report_id: ReportId(r.get(0)?),
            idx: r.get(1)?,
            incident_id: r.get(2)?,
            external_id: r.get(3)?,
            link: link.and_then(|l| serde_json::from_str(&l).ok()),
        })
    };
    let rows = match incident {
        Some(id) => conn
            .prepare_cached(&format!(
                "{columns} WHERE m.incident_id = ?1 ORDER BY m.report_id, m.idx"
            ))?
            .query_map([id], decode)?
            .collect::<rusqlite::Result<_>>()?,
        None => conn
            .prepare_cached(&format!("{columns} ORDER BY m.report_id, m.idx"))?
            .query_map([], decode)?
            .collect::<rusqlite::Result<_>>()?,
    };
    Ok(rows)
}

pub(crate) fn apply_link_plan(conn: &mut Connection, plan: &LinkPlan, at: &str) -> Result<()> {
    let tx = conn.transaction()?;
    let mut new_ids = Vec::with_capacity(plan.new_codes.len());
    for code in &plan.new_codes {
        tx.execute(
            "INSERT INTO incidents (code, created_at, updated_at) VALUES (?1, ?2, ?2)",
            params![code, at],
        )?;
        let id = tx.last_insert_rowid();
        tx.execute(
            "INSERT INTO incident_codes (code, incident_id) VALUES (?1, ?2)",
            params![code, id],
        )?;
        new_ids.push(id);
    }
    let resolve = |r: IncidentRef| -> Result<i64> {
        match r {
            IncidentRef::Existing(id) => Ok(id),
            IncidentRef::New(n) => new_ids
                .get(n)
                .copied()
                .ok_or_else(|| StoreError::Corrupt(format!("link plan names new incident {n}"))),
        }
    };
    tx.execute("DELETE FROM mentions", [])?;
    {
        let mut update = tx.prepare_cached(
            "UPDATE incidents SET status = 'active', merged_into = NULL, updated_at = ?2,
                event_type = ?3, date_start = ?4, date_end = ?5, country_code = ?6, lat = ?7, lon = ?8,
                grade = ?9, killed_low = ?10, killed_high = ?11, sources = ?12, independent_sources = ?13,
                targets = ?14, search_text = ?15, summary = ?16
             WHERE id = ?1",
        )?;
        let mut insert = tx.prepare_cached(
            "INSERT INTO mentions (report_id, idx, incident_id, extraction_id, link) VALUES (?1, ?2, ?3, ?4, ?5)",
        )?;
        for inc in &plan.incidents {
            let id = resolve(inc.target)?;
            let c = &inc.columns;
            update.execute(params![
                id,
                at,
                c.event_type,
                c.date_start,
                c.date_end,
                c.country_code,
                c.lat,
                c.lon,
                c.grade,
                c.killed_low,
                c.killed_high,
                c.sources,
                c.independent_sources,
                serde_json::to_string(&c.targets).unwrap_or_else(|_| "[]".into()),
                c.search_text.to_lowercase(),
                c.summary.to_string(),
            ])?;
            for m in &inc.mentions {
                insert.execute(params![
                    m.report_id.0,
                    m.idx,
                    id,
                    m.extraction_id,
                    m.link.as_ref().map(|l| l.to_string())
                ])?;
            }
        }
    }
    for (absorbed, survivor) in &plan.merges {
        let survivor = resolve(*survivor)?;
        tx.execute(
            "UPDATE incidents SET status = 'merged', merged_into = ?2, updated_at = ?3 WHERE id = ?1",
            params![absorbed, survivor, at],
        )?;
        tx.execute(
            "UPDATE incident_codes SET incident_id = ?2 WHERE incident_id = ?1",
            params![absorbed, survivor],
        )?;
    }
    for id in &plan.withdrawn {
        tx.execute(
            "UPDATE incidents SET status = 'withdrawn', updated_at = ?2 WHERE id = ?1",
            params![id, at],
        )?;
    }
    tx.commit()?;
    Ok(())
}

pub(crate) fn add_constraint(conn: &Connection, c: &LinkConstraint, at: &str) -> Result<()> {
    conn.execute(
        "INSERT INTO link_constraints (kind, a_report, a_idx, b_report, b_idx, created_by, reason, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        params![c.kind, c.a.0 .0, c.a.1, c.b.0 .0, c.b.1, c.by, c.reason, at],
    )?;
    Ok(())
}

pub(crate) fn constraints(conn: &Connection) -> Result<Vec<LinkConstraint>> {
    let mut stmt = conn.prepare(
        "SELECT kind, a_report, a_idx, b_report, b_idx, created_by, reason FROM link_constraints ORDER BY id",
    )?;
    let rows = stmt.query_map([], |r| {
        Ok(LinkConstraint {
            kind: r.get(0)?,
            a: (ReportId(r.get(1)?), r.get(2)?),
            b: (ReportId(r.get(3)?), r.get(4)?),
            by: r.get(5)?,
            reason: r.get(6)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub(crate) fn add_override(
    conn: &Connection,
    incident_id: i64,
    field: &str,
    value: &serde_json::Value,
    by: &str,
    reason: Option<&str>,
    at: &str,
) -> Result<()> {
    conn.execute(
        "INSERT INTO incident_overrides (incident_id, field, value, created_by, reason, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![incident_id, field, value.to_string(), by, reason, at],
    )?;
    Ok(())
}

pub(crate) fn overrides(conn: &Connection, incident: Option<i64>) -> Result<Vec<IncidentOverride>> {
    let mut stmt = conn.prepare(
        "SELECT * FROM incident_overrides WHERE ?1 IS NULL OR incident_id = ?1 ORDER BY id",
    )?;
    let rows = stmt.query_map([incident], |r| {
        Ok(IncidentOverride {
            id: r.get("id")?,
            incident_id: r.get("incident_id")?,
            field: r.get("field")?,
            value: json_col(r, "value")?,
            by: r.get("created_by")?,
            reason: r.get("reason")?,
            at: r.get("created_at")?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub(crate) fn add_note(
    conn: &Connection,
    incident_id: i64,
    text: &str,
    private: bool,
    by: &str,
    at: &str,
) -> Result<()> {
    conn.execute(
        "INSERT INTO incident_notes (incident_id, text, private, created_by, created_at) VALUES (?1, ?2, ?3, ?4, ?5)",
        params![incident_id, text, private, by, at],
    )?;
    Ok(())
}

pub(crate) fn notes(conn: &Connection, incident_id: i64) -> Result<Vec<IncidentNote>> {
    let mut stmt =
        conn.prepare("SELECT * FROM incident_notes WHERE incident_id = ?1 ORDER BY id")?;
    let rows = stmt.query_map([incident_id], |r| {
        Ok(IncidentNote {
            id: r.get("id")?,
            incident_id: r.get("incident_id")?,
            text: r.get("text")?,
            private: r.get("private")?,
            by: r.get("created_by")?,
            at: r.get("created_at")?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}
