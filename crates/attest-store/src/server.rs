//! What the HTTP server asks of the store (SQLite): API tokens, pages of incidents, map points
//! and full-text search over reports.

use crate::types::*;
use crate::{Result, StoreError};
use attest_model::{Format, ReportId};
use rusqlite::{params, params_from_iter, types::Value as Sql, Connection, OptionalExtension, Row};

fn token_from_row(r: &Row<'_>) -> rusqlite::Result<TokenRecord> {
    Ok(TokenRecord {
        id: r.get("id")?,
        name: r.get("name")?,
        role: r.get("role")?,
        sha256: r.get("sha256")?,
        created_at: r.get("created_at")?,
        revoked_at: r.get("revoked_at")?,
    })
}

pub(crate) fn add_token(
    conn: &Connection,
    name: &str,
    role: &str,
    sha256: &str,
    at: &str,
) -> Result<TokenRecord> {
    let taken: Option<i64> = conn
        .query_row(
            "SELECT id FROM api_tokens WHERE name = ?1 AND revoked_at IS NULL",
            [name],
            |r| r.get(0),
        )
        .optional()?;
    if taken.is_some() {
        return Err(StoreError::Conflict(format!(
            "a token named '{name}' is already in use (revoke it first)"
        )));
    }
    conn.execute(
        "INSERT INTO api_tokens (name, role, sha256, created_at) VALUES (?1, ?2, ?3, ?4)",
        params![name, role, sha256, at],
    )?;
    Ok(conn.query_row(
        "SELECT * FROM api_tokens WHERE id = ?1",
        [conn.last_insert_rowid()],
        token_from_row,
    )?)
}

pub(crate) fn tokens(conn: &Connection) -> Result<Vec<TokenRecord>> {
    let mut stmt = conn.prepare_cached("SELECT * FROM api_tokens ORDER BY id")?;
    let rows = stmt.query_map([], token_from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub(crate) fn revoke_token(conn: &Connection, name: &str, at: &str) -> Result<()> {
    let changed = conn.execute(
        "UPDATE api_tokens SET revoked_at = ?2 WHERE name = ?1 AND revoked_at IS NULL",
        params![name, at],
    )?;
    if changed == 0 {
        return Err(StoreError::NotFound {
            what: "token",
            key: name.to_string(),
        });
    }
    Ok(())
}

use crate::incidents::incident_from_row;

/// The WHERE clause of an incident filter and its parameters (numbered from 1).
fn incident_where(f: &IncidentFilter) -> (String, Vec<Sql>) {
    let mut sql = String::from("status = 'active'");
    let mut args: Vec<Sql> = Vec::new();
    // Each `?` of a clause becomes the number of the value it takes.
    let mut add = |clause: &str, values: Vec<Sql>| {
        let mut parts = clause.split('?');
        sql.push_str(" AND ");
        sql.push_str(parts.next().unwrap_or_default());
        for (v, part) in values.into_iter().zip(parts) {
            args.push(v);
            sql.push_str(&format!("?{}{part}", args.len()));
        }
    };
    let text = |s: &str| Sql::Text(s.to_string());
    if let Some(from) = &f.from {
        add("coalesce(date_end, date_start) >= ?", vec![text(from)]);
    }
    if let Some(to) = &f.to {
        // Written on the paging index's expression, so the index skips later incidents.
        add(
            "coalesce(date_start, '') <= ? AND date_start IS NOT NULL",
            vec![text(to)],
        );
    }
    if let Some(country) = &f.country {
        add("country_code = ? COLLATE NOCASE", vec![text(country)]);
    }
    if let Some(t) = &f.event_type {
        add("event_type = ?", vec![text(t)]);
    }
    if let Some(t) = &f.target {
        add("targets LIKE ?", vec![text(&format!("%\"{t}\"%"))]);
    }
    if let Some(g) = &f.grade {
        add("grade = ?", vec![text(g)]);
    }
    if let Some(q) = &f.text {
        add(
            "search_text LIKE ?",
            vec![text(&format!("%{}%", q.to_lowercase()))],
        );
    }
    if let Some([w, s, e, n]) = f.bbox {
        // A box whose west edge is east of its east edge crosses the antimeridian.
        let lon = if w <= e {
            "lon >= ? AND lon <= ?"
        } else {
            "(lon >= ? OR lon <= ?)"
        };
        add(
            &format!("lat >= ? AND lat <= ? AND {lon}"),
            vec![Sql::Real(s), Sql::Real(n), Sql::Real(w), Sql::Real(e)],
        );
    }
    (sql, args)
}

pub(crate) fn incident_page(conn: &Connection, q: &IncidentPageQuery) -> Result<Vec<IncidentRow>> {
    let (mut clause, mut args) = incident_where(&q.filter);
    let (cmp, dir) = if q.ascending {
        (">", "ASC")
    } else {
        ("<", "DESC")
    };
    if let Some((date, code)) = &q.after {
        args.push(Sql::Text(date.clone()));
        args.push(Sql::Text(code.clone()));
        let n = args.len();
        clause.push_str(&format!(
            " AND (coalesce(date_start, ''), code) {cmp} (?{}, ?{n})",
            n - 1
        ));
    }
    let limit = if q.filter.limit == 0 {
        -1
    } else {
        q.filter.limit as i64
    };
    args.push(Sql::Integer(limit));
    let sql = format!(
        "SELECT * FROM incidents WHERE {clause}
         ORDER BY status, coalesce(date_start, '') {dir}, code {dir} LIMIT ?{}",
        args.len()
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt.query_map(params_from_iter(args), |r| incident_from_row(conn, r))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub(crate) fn incident_points(conn: &Connection, f: &IncidentFilter) -> Result<Vec<IncidentPoint>> {
    let (clause, mut args) = incident_where(f);
    let limit = if f.limit == 0 { -1 } else { f.limit as i64 };
    args.push(Sql::Integer(limit));
    let sql = format!(
        "SELECT code, lat, lon, date_start, event_type, grade, killed_low FROM incidents
         WHERE {clause} AND lat IS NOT NULL AND lon IS NOT NULL
         ORDER BY status, coalesce(date_start, '') DESC, code DESC LIMIT ?{}",
        args.len()
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt.query_map(params_from_iter(args), |r| {
        Ok(IncidentPoint {
            code: r.get(0)?,
            lat: r.get(1)?,
            lon: r.get(2)?,
            date: r.get(3)?,
            event_type: r.get(4)?,
            grade: r.get(5)?,
            killed: r.get(6)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub(crate) fn incident_facets(conn: &Connection, f: &IncidentFilter) -> Result<IncidentFacets> {
    let (clause, args) = incident_where(f);
    let grouped = |key: &str| -> Result<Vec<(String, u64)>> {
        let sql = format!(
            "SELECT {key}, count(*) FROM incidents WHERE {clause} AND {key} IS NOT NULL
             GROUP BY 1 ORDER BY 2 DESC, 1"
        );
        let mut stmt = conn.prepare_cached(&sql)?;
        let rows = stmt.query_map(params_from_iter(args.iter()), |r| {
            Ok((r.get(0)?, r.get::<_, i64>(1)? as u64))
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    };
    let by_country = grouped("country_code")?;
    let by_event_type = grouped("event_type")?;
    let by_grade = grouped("grade")?;
    let sql = format!(
        "SELECT substr(date_start, 1, 7), count(*), coalesce(sum(killed_low), 0) FROM incidents
         WHERE {clause} AND date_start IS NOT NULL GROUP BY 1 ORDER BY 1"
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let by_month = stmt
        .query_map(params_from_iter(args.iter()), |r| {
            Ok((
                r.get(0)?,
                r.get::<_, i64>(1)? as u64,
                r.get::<_, i64>(2)? as u64,
            ))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let total: i64 = conn.query_row(
        &format!("SELECT count(*) FROM incidents WHERE {clause}"),
        params_from_iter(args.iter()),
        |r| r.get(0),
    )?;
    Ok(IncidentFacets {
        total: total as u64,
        by_country,
        by_event_type,
        by_grade,
        by_month,
    })
}

pub(crate) fn report_incidents(conn: &Connection, report: ReportId) -> Result<Vec<(u32, String)>> {
    let mut stmt = conn.prepare_cached(
        "SELECT m.idx, i.code FROM mentions m JOIN incidents i ON i.id = m.incident_id
         WHERE m.report_id = ?1 ORDER BY m.idx",
    )?;
    let rows = stmt.query_map([report.0], |r| Ok((r.get(0)?, r.get(1)?)))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// An FTS5 query matching every word of what a person typed, each taken literally (quotes
/// and operators in the input are not syntax); `None` when there is no word.
pub(crate) fn fts_query(text: &str) -> Option<String> {
    let words: Vec<String> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| format!("\"{w}\""))
        .collect();
    (!words.is_empty()).then(|| words.join(" "))
}

pub(crate) fn search_reports(
    conn: &Connection,
    text: &str,
    limit: usize,
) -> Result<Vec<SearchHit>> {
    let Some(query) = fts_query(text) else {
        return Ok(Vec::new());
    };
    let limit = if limit == 0 { -1 } else { limit as i64 };
    let mut stmt = conn.prepare_cached(
        "SELECT r.id, r.external_id, r.title, s.name, r.published_at,
                snippet(reports_fts, 1, ?3, ?4, '…', 24), f.rank
         FROM reports_fts f
         JOIN reports r ON r.id = f.rowid
         LEFT JOIN sources s ON s.id = r.source_id
         WHERE reports_fts MATCH ?1
         ORDER BY f.rank LIMIT ?2",
    )?;
    let rows = stmt.query_map(
        params![
            query,
            limit,
            SNIPPET_START.to_string(),
            SNIPPET_END.to_string()
        ],
        |r| {
            Ok(SearchHit {
                report_id: ReportId(r.get(0)?),
                external_id: r.get(1)?,
                title: r.get(2)?,
                source: r.get(3)?,
                published_at: r.get(4)?,
                snippet: r.get(5)?,
                rank: r.get(6)?,
            })
        },
    )?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub(crate) fn report_page(
    conn: &Connection,
    f: &ReportFilter,
    before: Option<ReportId>,
) -> Result<Vec<ReportSummary>> {
    let like = f.text.as_ref().map(|t| format!("%{t}%"));
    let limit = if f.limit == 0 { -1 } else { f.limit as i64 };
    let mut stmt = conn.prepare_cached(
        "SELECT r.id, r.external_id, s.name, r.title, r.published_at, r.captured_at, r.format,
                r.status, r.sha256, r.warnings
         FROM reports r LEFT JOIN sources s ON s.id = r.source_id
         WHERE (?1 IS NULL OR s.name = ?1)
           AND (?2 IS NULL OR r.batch_id = ?2)
           AND (?3 IS NULL OR r.title LIKE ?3 OR r.text LIKE ?3)
           AND (?5 IS NULL OR r.id < ?5)
         ORDER BY r.id DESC LIMIT ?4",
    )?;
    let rows = stmt.query_map(
        params![f.source, f.batch, like, limit, before.map(|b| b.0)],
        |r| {
            let warnings: String = r.get(9)?;
            let format: String = r.get(6)?;
            Ok(ReportSummary {
                id: ReportId(r.get(0)?),
                external_id: r.get(1)?,
                source: r.get(2)?,
                title: r.get(3)?,
                published_at: r.get(4)?,
                captured_at: r.get(5)?,
                format: format.parse::<Format>().map_err(|e: String| {
                    rusqlite::Error::FromSqlConversionFailure(
                        6,
                        rusqlite::types::Type::Text,
                        e.into(),
                    )
                })?,
                status: r.get(7)?,
                sha256: r.get(8)?,
                warnings: serde_json::from_str::<Vec<String>>(&warnings)
                    .map(|w| w.len())
                    .unwrap_or(0),
            })
        },
    )?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{SqliteStore, Store};

    fn report(id: &str, title: &str, body: &str) -> PreparedReport {
        let mut r = NewReport::new(id, Format::Text, body.as_bytes().to_vec(), body.to_string());
        r.title = Some(title.to_string());
        r.source_name = Some("Example Wire".into());
        r.prepare().unwrap()
    }

    #[test]
    fn bundled_sqlite_has_fts5() {
        let conn = Connection::open_in_memory().unwrap();
        let on: i64 = conn
            .query_row("SELECT sqlite_compileoption_used('ENABLE_FTS5')", [], |r| {
                r.get(0)
            })
            .unwrap();
        assert_eq!(on, 1);
        conn.execute_batch("CREATE VIRTUAL TABLE t USING fts5(x)")
            .unwrap();
    }

    #[test]
    fn search_finds_reports_inserted_after_the_migration_with_marked_snippets() {
        let mut s = SqliteStore::open_in_memory().unwrap();
        let b = s.begin_batch("test").unwrap();
        s.insert_reports(
            b,
            vec![
                report(
                    "a",
                    "Market hit",
                    "Shelling hit the vegetable market in Ariha.",
                ),
                report("b", "Quiet day", "Nothing happened in Kharkiv today."),
            ],
        )
        .unwrap();
        let hits = s.search_reports("ARIHA market", 10).unwrap();
        assert_eq!(hits.len(), 1);
        assert_eq!(hits[0].external_id, "a");
        assert!(
            hits[0].snippet.contains("\u{1}Ariha\u{2}"),
            "{}",
            hits[0].snippet
        );
        // Operators and quotes typed by a person are words, not syntax.
        assert!(s.search_reports("\"market\" OR NEAR(", 10).unwrap().len() <= 1);
        assert!(s.search_reports("  ", 10).unwrap().is_empty());
        // Title words count too.
        assert_eq!(s.search_reports("quiet", 10).unwrap()[0].external_id, "b");
    }

    #[test]
    fn the_migration_backfills_reports_stored_before_it() {
        let conn = Connection::open_in_memory().unwrap();
        conn.execute_batch(include_str!("../migrations/0001_init.sql"))
            .unwrap();
        conn.execute_batch(
            "INSERT INTO batches (started_at, command) VALUES ('t', 'x');
             INSERT INTO reports (external_id, captured_at, format, sha256, original_size, original_zstd, text, batch_id)
             VALUES ('old', 't', 'text', 'h', 1, x'00', 'Airstrike on Maarat bakery', 1);",
        )
        .unwrap();
        conn.execute_batch(include_str!("../migrations/0002_places.sql"))
            .unwrap();
        conn.execute_batch(include_str!("../migrations/0003_incidents.sql"))
            .unwrap();
        conn.execute_batch(include_str!("../migrations/0004_server.sql"))
            .unwrap();
        let n: i64 = conn
            .query_row(
                "SELECT count(*) FROM reports_fts WHERE reports_fts MATCH 'bakery'",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(n, 1);
    }

    fn stored_report(id: &str, text: &str) -> String {
        format!(
            "INSERT INTO reports (external_id, captured_at, format, sha256, original_size, original_zstd, text, batch_id)
             VALUES ('{id}', 't', 'text', 'sha-{id}', 1, x'00', '{text}', 1)"
        )
    }

    fn hits(s: &SqliteStore, text: &str) -> Vec<String> {
        let mut ids: Vec<String> = s
            .search_reports(text, 0)
            .unwrap()
            .into_iter()
            .map(|h| h.external_id)
            .collect();
        ids.sort();
        ids
    }

    #[test]
    fn every_stored_report_is_searchable_once_its_batch_commits() {
        let mut s = SqliteStore::open_in_memory().unwrap();
        let b = s.begin_batch("test").unwrap();
        let batch = |from: usize, to: usize| -> Vec<PreparedReport> {
            (from..to)
                .map(|i| {
                    report(
                        &format!("r{i}"),
                        "Shelling",
                        &format!("Shelling hit district{i} of Idlib."),
                    )
                })
                .collect()
        };
        for (from, to) in [(0, 3), (3, 250), (250, 251)] {
            s.insert_reports(b, batch(from, to)).unwrap();
            assert_eq!(hits(&s, "idlib").len(), to, "after storing r{from}..r{to}");
        }
        // Duplicates add nothing to the index, new reports beside them are indexed.
        let mut again = batch(249, 251);
        again.push(report("new", "Quiet", "A quiet night in Kharkiv."));
        s.insert_reports(b, again).unwrap();
        assert_eq!(hits(&s, "idlib").len(), 251);
        assert_eq!(hits(&s, "district7"), vec!["r7"]);
        assert_eq!(hits(&s, "quiet kharkiv"), vec!["new"]);
        // The index holds every report with exactly its words, and nothing else.
        s.integrity_check().unwrap();
    }

    #[test]
    fn reports_missing_from_the_search_index_are_indexed_on_open_and_on_the_next_write() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("attest.db");
        let mut s = SqliteStore::open(&path).unwrap();
        let b = s.begin_batch("test").unwrap();
        s.insert_reports(b, vec![report("a", "Market", "Shelling hit the market.")])
            .unwrap();
        // Rows written past the store (an older tool, a hand repair) are not indexed...
        s.conn
            .execute_batch(&stored_report("raw1", "Airstrike on a bakery"))
            .unwrap();
        assert!(hits(&s, "bakery").is_empty());
        assert!(s.integrity_check().is_err());
        // ...until the next write through the store, which indexes everything above the
        // index's watermark in its own transaction,
        s.insert_reports(b, vec![report("b", "Bakery", "Another bakery hit.")])
            .unwrap();
        assert_eq!(hits(&s, "bakery"), vec!["b", "raw1"]);
        s.integrity_check().unwrap();
        // or the next open.
        s.conn
            .execute_batch(&stored_report("raw2", "Bakery queue shelled"))
            .unwrap();
        drop(s);
        let s = SqliteStore::open(&path).unwrap();
        assert_eq!(hits(&s, "bakery"), vec!["b", "raw1", "raw2"]);
        s.integrity_check().unwrap();
    }

    #[test]
    fn a_store_indexed_by_the_old_trigger_migrates_and_stays_searchable() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("attest.db");
        {
            let conn = Connection::open(&path).unwrap();
            for sql in [
                include_str!("../migrations/0001_init.sql"),
                include_str!("../migrations/0002_places.sql"),
                include_str!("../migrations/0003_incidents.sql"),
                include_str!("../migrations/0004_server.sql"),
            ] {
                conn.execute_batch(sql).unwrap();
            }
            conn.execute_batch("PRAGMA user_version = 4; INSERT INTO batches (started_at, command) VALUES ('t', 'x');")
                .unwrap();
            conn.execute_batch(&stored_report("old", "Airstrike on Maarat bakery"))
                .unwrap();
        }
        let mut s = SqliteStore::open(&path).unwrap();
        assert_eq!(s.schema_version().unwrap(), 5);
        let triggers: i64 = s
            .conn
            .query_row(
                "SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name = 'reports_fts_insert'",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(triggers, 0);
        let b = s.begin_batch("test").unwrap();
        s.insert_reports(
            b,
            vec![report("new", "Bakery", "A second bakery hit in Maarat.")],
        )
        .unwrap();
        assert_eq!(hits(&s, "maarat bakery"), vec!["new", "old"]);
        s.integrity_check().unwrap();
    }

    #[test]
    fn indexing_a_batch_reads_only_the_reports_above_the_watermark() {
        let s = SqliteStore::open_in_memory().unwrap();
        let p = plan(
            &s.conn,
            "SELECT id, title, text FROM reports WHERE id > 10 ORDER BY id",
        );
        assert!(p.contains("INTEGER PRIMARY KEY (rowid>?)"), "{p}");
        assert!(!p.contains("TEMP B-TREE"), "{p}");
        let p = plan(
            &s.conn,
            "SELECT coalesce(max(id), 0) FROM reports_fts_docsize",
        );
        assert!(p.contains("SEARCH"), "{p}");
    }

    #[test]
    fn tokens_are_unique_by_name_until_revoked() {
        let mut s = SqliteStore::open_in_memory().unwrap();
        let t = s.add_token("ci", "analyst", "aa").unwrap();
        assert_eq!(t.role, "analyst");
        assert!(t.revoked_at.is_none());
        assert!(matches!(
            s.add_token("ci", "reader", "bb"),
            Err(StoreError::Conflict(_))
        ));
        s.revoke_token("ci").unwrap();
        assert!(matches!(
            s.revoke_token("ci"),
            Err(StoreError::NotFound { .. })
        ));
        s.add_token("ci", "reader", "bb").unwrap();
        let all = s.tokens().unwrap();
        assert_eq!(all.len(), 2);
        assert!(all[0].revoked_at.is_some());
        assert!(all[1].revoked_at.is_none());
        // A bad role is refused by the schema.
        assert!(s.add_token("x", "root", "cc").is_err());
    }

    fn plan(conn: &Connection, sql: &str) -> String {
        let mut stmt = conn.prepare(&format!("EXPLAIN QUERY PLAN {sql}")).unwrap();
        let rows = stmt
            .query_map([], |r| r.get::<_, String>(3))
            .unwrap()
            .collect::<rusqlite::Result<Vec<_>>>()
            .unwrap();
        rows.join("; ")
    }

    #[test]
    fn pages_and_code_lookups_use_indexes() {
        let conn = &Connection::open_in_memory().unwrap();
        for sql in [
            include_str!("../migrations/0001_init.sql"),
            include_str!("../migrations/0002_places.sql"),
            include_str!("../migrations/0003_incidents.sql"),
            include_str!("../migrations/0004_server.sql"),
        ] {
            conn.execute_batch(sql).unwrap();
        }
        // A page follows the index in both directions, with no sort of its own.
        for dir in ["DESC", "ASC"] {
            let p = plan(
                conn,
                &format!(
                    "SELECT * FROM incidents WHERE status = 'active'
                     AND (coalesce(date_start, ''), code) < ('2020-01-01', 'X')
                     ORDER BY status, coalesce(date_start, '') {dir}, code {dir} LIMIT 51"
                ),
            );
            assert!(p.contains("incidents_page"), "{p}");
            assert!(!p.contains("TEMP B-TREE"), "{p}");
        }
        let p = plan(
            conn,
            "SELECT incident_id FROM incident_codes WHERE code = 'sy-1' COLLATE NOCASE",
        );
        assert!(p.contains("incident_codes_nocase"), "{p}");
        let p = plan(
            conn,
            "SELECT code FROM incident_codes WHERE incident_id = 1 AND code <> 'x' ORDER BY code",
        );
        assert!(p.contains("incident_codes_incident"), "{p}");
        let p = plan(
            conn,
            "SELECT m.report_id FROM mentions m JOIN reports r ON r.id = m.report_id
             WHERE m.incident_id = 1 ORDER BY m.report_id, m.idx",
        );
        assert!(p.contains("mentions_incident"), "{p}");
    }

    #[test]
    fn fts_query_quotes_every_word() {
        assert_eq!(
            fts_query("air strike").as_deref(),
            Some("\"air\" \"strike\"")
        );
        assert_eq!(
            fts_query("a\"b OR c*").as_deref(),
            Some("\"a\" \"b\" \"OR\" \"c\"")
        );
        assert_eq!(fts_query(" - "), None);
    }
}
