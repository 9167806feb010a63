//! The embedded SQLite store.

use crate::checkpoint::Checkpointer;
use crate::migrate::migrate;
use crate::types::*;
use crate::{Result, Store, StoreError};
use attest_model::{BatchId, Format, Report, ReportId, Source, SourceId, SourceKind};
use rusqlite::{params, Connection, OptionalExtension, Row};
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// The embedded default store: one SQLite file in WAL mode.
pub struct SqliteStore {
    /// Checkpoints on a thread of their own, when asked for; declared first so it stops
    /// before the connection closes.
    checkpointer: Option<Checkpointer>,
    pub(crate) conn: Connection,
    /// The file, `None` in memory.
    path: Option<PathBuf>,
    /// Source ids by lower-cased name, filled as sources are met.
    source_cache: HashMap<String, SourceId>,
}

/// Pages of write-ahead log after which a commit copies the log into the store file.
const WAL_AUTOCHECKPOINT: i64 = 16384;

fn now() -> String {
    chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Millis, true)
}

impl SqliteStore {
    /// Opens (creating when absent) the store at `path` and brings its schema up to date.
    #[tracing::instrument(skip_all, fields(path = %path.display()))]
    pub fn open(path: &Path) -> Result<Self> {
        let open_err = |source| StoreError::Open {
            path: path.display().to_string(),
            source,
        };
        let conn = Connection::open(path).map_err(open_err)?;
        conn.pragma_update(None, "journal_mode", "WAL")
            .map_err(open_err)?;
        conn.pragma_update(None, "synchronous", "NORMAL")
            .map_err(open_err)?;
        // A 64 MiB page cache keeps the sha256 index hot during large ingests; fewer, larger
        // checkpoints write each page once per 64 MiB of WAL rather than once per 4 MiB.
        conn.pragma_update(None, "cache_size", -65536)
            .map_err(open_err)?;
        conn.pragma_update(None, "wal_autocheckpoint", WAL_AUTOCHECKPOINT)
            .map_err(open_err)?;
        let mut store = Self::prepare(conn)?;
        store.path = Some(path.to_path_buf());
        Ok(store)
    }

    /// A fresh store in memory (tests, dry runs).
    pub fn open_in_memory() -> Result<Self> {
        Self::prepare(Connection::open_in_memory()?)
    }

    fn prepare(mut conn: Connection) -> Result<Self> {
        conn.pragma_update(None, "foreign_keys", "ON")?;
        conn.busy_timeout(std::time::Duration::from_secs(10))?;
        migrate(&mut conn)?;
        // Only reports written by something other than the store can be missing from the
        // search index; look (a read, so opening never waits for a writer) before writing.
        if search_index_behind(&conn)? {
            let tx = conn.transaction()?;
            let n = index_new_reports(&tx)?;
            tx.commit()?;
            tracing::info!(reports = n, "indexed reports missing from the search index");
        }
        Ok(SqliteStore {
            checkpointer: None,
            conn,
            path: None,
            source_cache: HashMap::new(),
        })
    }

    /// From now on, copies the write-ahead log into the store file from a thread of its own
    /// as reports are stored, instead of in the writer's commits (an ingest then keeps its
    /// writer busy with writing). Stops when the store is dropped. Nothing to do in memory.
    pub fn checkpoint_in_background(&mut self) -> Result<()> {
        if let (Some(path), None) = (&self.path, &self.checkpointer) {
            self.checkpointer = Some(Checkpointer::start(path)?);
            // The writer still checkpoints, rarely: copying what the thread has not yet, its
            // checkpoint lets the log start over from its beginning (the log cannot restart
            // while the writer keeps appending to it).
            self.conn
                .pragma_update(None, "wal_autocheckpoint", 4 * WAL_AUTOCHECKPOINT)?;
        }
        Ok(())
    }

    /// Runs `PRAGMA integrity_check`, then checks the search index against the reports (every
    /// report indexed, with exactly its words); `Ok(())` when both are sound. Reads every
    /// report: for tests and repairs, not for every open.
    pub fn integrity_check(&self) -> Result<()> {
        let verdict: String = self
            .conn
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))?;
        if verdict != "ok" {
            return Err(StoreError::Corrupt(verdict));
        }
        self.conn
            .execute(
                "INSERT INTO reports_fts (reports_fts, rank) VALUES ('integrity-check', 1)",
                [],
            )
            .map_err(|e| StoreError::Corrupt(format!("search index: {e}")))?;
        Ok(())
    }

    /// The schema version of the open store.
    pub fn schema_version(&self) -> Result<i64> {
        Ok(self
            .conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))?)
    }

    fn source_id_for(tx: &rusqlite::Transaction<'_>, name: &str) -> Result<SourceId> {
        if let Some(id) = tx
            .query_row("SELECT id FROM sources WHERE name = ?1", [name], |r| {
                r.get::<_, i64>(0)
            })
            .optional()?
        {
            return Ok(SourceId(id));
        }
        tx.execute(
            "INSERT INTO sources (name, kind, created_at) VALUES (?1, 'unknown', ?2)",
            params![name, now()],
        )?;
        Ok(SourceId(tx.last_insert_rowid()))
    }
}

/// The largest report id the search index holds: its docsize table has one row per indexed
/// report, written in the same transaction as the index entries, so this is an exact watermark.
fn search_index_watermark(conn: &Connection) -> Result<i64> {
    Ok(conn
        .prepare_cached("SELECT coalesce(max(id), 0) FROM reports_fts_docsize")?
        .query_row([], |r| r.get(0))?)
}

/// Whether some stored report is missing from the search index.
fn search_index_behind(conn: &Connection) -> Result<bool> {
    let newest: i64 = conn
        .prepare_cached("SELECT coalesce(max(id), 0) FROM reports")?
        .query_row([], |r| r.get(0))?;
    Ok(newest > search_index_watermark(conn)?)
}

/// Indexes for search every report above the index's watermark, in one statement (FTS5 then
/// writes the batch's terms as one segment, not one per report). Call it inside the
/// transaction that stored the reports, so they are never committed unsearchable. Report ids
/// only grow (reports are never deleted), so the reports above the watermark are exactly the
/// ones not indexed.
fn index_new_reports(conn: &Connection) -> Result<usize> {
    let watermark = search_index_watermark(conn)?;
    Ok(conn
        .prepare_cached(
            "INSERT INTO reports_fts (rowid, title, text)
             SELECT id, title, text FROM reports WHERE id > ?1 ORDER BY id",
        )?
        .execute([watermark])?)
}

/// The rows of [`Store::insert_reports`], inside its transaction: the outcome of each report
/// and the bytes stored.
fn insert_rows(
    tx: &rusqlite::Transaction<'_>,
    source_cache: &mut HashMap<String, SourceId>,
    batch: BatchId,
    reports: Vec<PreparedReport>,
) -> Result<(Vec<InsertOutcome>, u64)> {
    let captured_at = now();
    let mut outcomes = Vec::with_capacity(reports.len());
    let mut stored_bytes = 0u64;
    let mut find = tx.prepare_cached("SELECT id, external_id FROM reports WHERE sha256 = ?1")?;
    let mut duplicate_of = |sha: &str| -> Result<Option<InsertOutcome>> {
        Ok(find
            .query_row([sha], |r| {
                Ok(InsertOutcome::Duplicate {
                    existing: ReportId(r.get(0)?),
                    existing_external_id: r.get(1)?,
                })
            })
            .optional()?)
    };
    // A report whose bytes are stored already is not stored again: the unique sha256 index
    // finds it while inserting (one index search, not a look-up and then an insert).
    let mut insert = tx.prepare_cached(
        "INSERT INTO reports (external_id, source_id, url, title, published_at, captured_at, language,
            format, sha256, original_size, original_zstd, text, batch_id, warnings, origin)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)
         ON CONFLICT (sha256) DO NOTHING",
    )?;
    for prepared in reports {
        let PreparedReport {
            report,
            sha256: sha,
            compressed,
        } = prepared;
        let source_id = match report.source_name.as_deref().map(str::trim) {
            Some(name) if !name.is_empty() => {
                let key = name.to_lowercase();
                match source_cache.get(&key) {
                    Some(id) => Some(*id),
                    None => {
                        // A source is created only for a report that is stored.
                        if let Some(duplicate) = duplicate_of(&sha)? {
                            outcomes.push(duplicate);
                            continue;
                        }
                        let id = SqliteStore::source_id_for(tx, name)?;
                        source_cache.insert(key, id);
                        Some(id)
                    }
                }
            }
            _ => None,
        };
        let warnings = serde_json::to_string(&report.warnings)
            .map_err(|e| StoreError::Corrupt(e.to_string()))?;
        let inserted = insert.execute(params![
            report.external_id,
            source_id.map(|s| s.0),
            report.url,
            report.title,
            report.published_at,
            captured_at,
            report.language,
            report.format.as_str(),
            sha,
            report.original.len() as i64,
            compressed,
            report.text,
            batch.0,
            warnings,
            report.origin,
        ])?;
        if inserted == 0 {
            let duplicate = duplicate_of(&sha)?.ok_or_else(|| {
                StoreError::Corrupt(format!("report {sha} neither stored nor found"))
            })?;
            outcomes.push(duplicate);
            continue;
        }
        stored_bytes += (report.text.len() + compressed.len()) as u64;
        outcomes.push(InsertOutcome::New {
            id: ReportId(tx.last_insert_rowid()),
        });
    }
    Ok((outcomes, stored_bytes))
}

fn source_from_row(r: &Row<'_>) -> rusqlite::Result<Source> {
    let kind: String = r.get("kind")?;
    Ok(Source {
        id: SourceId(r.get("id")?),
        name: r.get("name")?,
        kind: kind.parse().unwrap_or(SourceKind::Unknown),
        leaning: r.get("leaning")?,
        country: r.get("country")?,
        url: r.get("url")?,
        created_at: r.get("created_at")?,
    })
}

fn format_from(s: String) -> rusqlite::Result<Format> {
    s.parse().map_err(|e: String| {
        rusqlite::Error::FromSqlConversionFailure(0, rusqlite::types::Type::Text, e.into())
    })
}

const REPORT_COLUMNS: &str =
    "r.id, r.external_id, r.source_id, s.name AS source_name, r.url, r.title, \
     r.published_at, r.captured_at, r.language, r.format, r.sha256, r.original_size, r.text, \
     r.batch_id, r.status, r.warnings, r.origin";

fn report_from_row(r: &Row<'_>) -> rusqlite::Result<Report> {
    let warnings: String = r.get("warnings")?;
    Ok(Report {
        id: ReportId(r.get("id")?),
        external_id: r.get("external_id")?,
        source_id: r.get::<_, Option<i64>>("source_id")?.map(SourceId),
        source_name: r.get("source_name")?,
        url: r.get("url")?,
        title: r.get("title")?,
        published_at: r.get("published_at")?,
        captured_at: r.get("captured_at")?,
        language: r.get("language")?,
        format: format_from(r.get("format")?)?,
        sha256: r.get("sha256")?,
        original_size: r.get::<_, i64>("original_size")? as u64,
        text: r.get("text")?,
        batch_id: BatchId(r.get("batch_id")?),
        status: r.get("status")?,
        warnings: serde_json::from_str(&warnings).unwrap_or_default(),
        origin: r.get("origin")?,
    })
}

fn extraction_from_row(r: &Row<'_>) -> rusqlite::Result<StoredExtraction> {
    let result: String = r.get("result")?;
    Ok(StoredExtraction {
        id: r.get("id")?,
        report_id: ReportId(r.get("report_id")?),
        lexicon_version: r.get("lexicon_version")?,
        extracted_at: r.get("extracted_at")?,
        result: serde_json::from_str(&result).map_err(|e| {
            rusqlite::Error::FromSqlConversionFailure(0, rusqlite::types::Type::Text, e.into())
        })?,
    })
}

impl Store for SqliteStore {
    #[tracing::instrument(skip_all, fields(name = %source.name))]
    fn add_source(&mut self, source: NewSource) -> Result<Source> {
        let exists: Option<i64> = self
            .conn
            .query_row(
                "SELECT id FROM sources WHERE name = ?1",
                [&source.name],
                |r| r.get(0),
            )
            .optional()?;
        if exists.is_some() {
            return Err(StoreError::Conflict(format!(
                "a source named '{}' already exists",
                source.name
            )));
        }
        self.conn.execute(
            "INSERT INTO sources (name, kind, leaning, country, url, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![source.name, source.kind.as_str(), source.leaning, source.country, source.url, now()],
        )?;
        self.source(&source.name)
    }

    fn update_source(&mut self, name: &str, source: NewSource) -> Result<Source> {
        let changed = self.conn.execute(
            "UPDATE sources SET kind = ?2, leaning = ?3, country = ?4, url = ?5 WHERE name = ?1",
            params![
                name,
                source.kind.as_str(),
                source.leaning,
                source.country,
                source.url
            ],
        )?;
        if changed == 0 {
            return Err(StoreError::NotFound {
                what: "source",
                key: name.to_string(),
            });
        }
        self.source(name)
    }

    fn source(&self, key: &str) -> Result<Source> {
        let by_id = key.trim_start_matches('#').parse::<i64>().ok();
        self.conn
            .query_row(
                "SELECT * FROM sources WHERE name = ?1 OR id = ?2 ORDER BY name = ?1 DESC LIMIT 1",
                params![key, by_id],
                source_from_row,
            )
            .optional()?
            .ok_or_else(|| StoreError::NotFound {
                what: "source",
                key: key.to_string(),
            })
    }

    fn sources(&self) -> Result<Vec<SourceSummary>> {
        let mut stmt = self.conn.prepare(
            "SELECT s.*, (SELECT count(*) FROM reports r WHERE r.source_id = s.id) AS n
             FROM sources s ORDER BY s.name",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok(SourceSummary {
                source: source_from_row(r)?,
                reports: r.get::<_, i64>("n")? as u64,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    fn begin_batch(&mut self, command: &str) -> Result<BatchId> {
        // A batch left 'running' by a killed process is marked so; its committed reports stay.
        self.conn.execute(
            "UPDATE batches SET status = 'interrupted' WHERE status = 'running'",
            [],
        )?;
        self.conn.execute(
            "INSERT INTO batches (started_at, command) VALUES (?1, ?2)",
            params![now(), command],
        )?;
        Ok(BatchId(self.conn.last_insert_rowid()))
    }

    fn finish_batch(&mut self, batch: BatchId, counts: BatchCounts) -> Result<()> {
        self.conn.execute(
            "UPDATE batches SET finished_at = ?2, status = 'done', new_count = ?3, dup_count = ?4, failed_count = ?5 WHERE id = ?1",
            params![batch.0, now(), counts.new as i64, counts.duplicate as i64, counts.failed as i64],
        )?;
        Ok(())
    }

    fn record_failure(&mut self, batch: BatchId, failure: &IngestFailure) -> Result<()> {
        self.conn.execute(
            "INSERT INTO ingest_failures (batch_id, path, line, reason) VALUES (?1, ?2, ?3, ?4)",
            params![
                batch.0,
                failure.path,
                failure.line.map(|l| l as i64),
                failure.reason
            ],
        )?;
        Ok(())
    }

    #[tracing::instrument(skip_all, fields(batch = batch.0, n = reports.len()))]
    fn insert_reports(
        &mut self,
        batch: BatchId,
        reports: Vec<PreparedReport>,
    ) -> Result<Vec<InsertOutcome>> {
        let tx = self.conn.transaction()?;
        let done = insert_rows(&tx, &mut self.source_cache, batch, reports)
            .and_then(|rows| {
                // In the same transaction: reports are searchable the moment they are committed.
                index_new_reports(&tx)?;
                Ok(rows)
            })
            .and_then(|rows| Ok(tx.commit().map(|()| rows)?));
        match done {
            Ok((outcomes, stored_bytes)) => {
                if let Some(checkpointer) = &mut self.checkpointer {
                    checkpointer.stored(stored_bytes);
                }
                Ok(outcomes)
            }
            Err(e) => {
                // Sources created inside the rolled back transaction do not exist.
                self.source_cache.clear();
                Err(e)
            }
        }
    }

    fn report(&self, key: &str) -> Result<Report> {
        let by_id = key.trim_start_matches('#').parse::<i64>().ok();
        let sql = format!(
            "SELECT {REPORT_COLUMNS} FROM reports r LEFT JOIN sources s ON s.id = r.source_id
             WHERE (?1 IS NOT NULL AND r.id = ?1) OR r.external_id = ?2
             ORDER BY (?1 IS NOT NULL AND r.id = ?1) DESC, r.id LIMIT 1"
        );
        // `#12` always means the numeric id; a bare `12` is tried as an id first, then as an external id.
        let by_id = if key.starts_with('#') || by_id.is_some() {
            by_id
        } else {
            None
        };
        self.conn
            .query_row(&sql, params![by_id, key], report_from_row)
            .optional()?
            .ok_or_else(|| StoreError::NotFound {
                what: "report",
                key: key.to_string(),
            })
    }

    fn original(&self, id: ReportId) -> Result<Vec<u8>> {
        let (size, blob): (i64, Vec<u8>) = self
            .conn
            .query_row(
                "SELECT original_size, original_zstd FROM reports WHERE id = ?1",
                [id.0],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?
            .ok_or_else(|| StoreError::NotFound {
                what: "report",
                key: id.to_string(),
            })?;
        let bytes = zstd::bulk::decompress(&blob, size as usize)?;
        if bytes.len() as i64 != size {
            return Err(StoreError::Corrupt(format!(
                "original of report {id} has {} bytes, {size} recorded",
                bytes.len()
            )));
        }
        Ok(bytes)
    }

    fn reports(&self, filter: &ReportFilter) -> Result<Vec<ReportSummary>> {
        crate::server::report_page(&self.conn, filter, None)
    }

    fn report_ids(&self) -> Result<Vec<ReportId>> {
        let mut stmt = self.conn.prepare("SELECT id FROM reports ORDER BY id")?;
        let rows = stmt.query_map([], |r| Ok(ReportId(r.get(0)?)))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    fn unextracted_report_ids(&self) -> Result<Vec<ReportId>> {
        let mut stmt = self.conn.prepare(
            "SELECT id FROM reports r WHERE NOT EXISTS (SELECT 1 FROM extractions e WHERE e.report_id = r.id) ORDER BY id",
        )?;
        let rows = stmt.query_map([], |r| Ok(ReportId(r.get(0)?)))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    fn add_extraction(&mut self, extraction: &NewExtraction) -> Result<()> {
        self.add_extractions(std::slice::from_ref(extraction))
    }

    fn add_extractions(&mut self, extractions: &[NewExtraction]) -> Result<()> {
        let at = now();
        let tx = self.conn.transaction()?;
        {
            let mut insert = tx.prepare_cached(
                "INSERT INTO extractions (report_id, lexicon_version, extracted_at, result) VALUES (?1, ?2, ?3, ?4)",
            )?;
            let mut status =
                tx.prepare_cached("UPDATE reports SET status = 'extracted' WHERE id = ?1")?;
            for e in extractions {
                insert.execute(params![
                    e.report_id.0,
                    e.lexicon_version,
                    at,
                    e.result.to_string()
                ])?;
                status.execute([e.report_id.0])?;
            }
        }
        tx.commit()?;
        Ok(())
    }

    fn current_extraction(&self, report: ReportId) -> Result<Option<StoredExtraction>> {
        Ok(self
            .conn
            .query_row(
                "SELECT * FROM extractions WHERE report_id = ?1 ORDER BY id DESC LIMIT 1",
                [report.0],
                extraction_from_row,
            )
            .optional()?)
    }

    fn extractions(&self, report: ReportId) -> Result<Vec<StoredExtraction>> {
        let mut stmt = self
            .conn
            .prepare("SELECT * FROM extractions WHERE report_id = ?1 ORDER BY id")?;
        let rows = stmt.query_map([report.0], extraction_from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    fn audit(&mut self, entry: &AuditEntry) -> Result<()> {
        self.conn.execute(
            "INSERT INTO audit_log (at, actor, action, entity, entity_id, details, reason) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            params![now(), entry.actor, entry.action, entry.entity, entry.entity_id, entry.details.to_string(), entry.reason],
        )?;
        Ok(())
    }

    fn audit_log(&self, entity: Option<(&str, &str)>) -> Result<Vec<AuditRecord>> {
        let (kind, id) = entity.unzip();
        let mut stmt = self.conn.prepare(
            "SELECT * FROM audit_log WHERE (?1 IS NULL OR (entity = ?1 AND entity_id = ?2)) ORDER BY id",
        )?;
        let rows = stmt.query_map(params![kind, id], |r| {
            let details: String = r.get("details")?;
            Ok(AuditRecord {
                id: r.get("id")?,
                at: r.get("at")?,
                entry: AuditEntry {
                    actor: r.get("actor")?,
                    action: r.get("action")?,
                    entity: r.get("entity")?,
                    entity_id: r.get("entity_id")?,
                    details: serde_json::from_str(&details).unwrap_or(serde_json::Value::Null),
                    reason: r.get("reason")?,
                },
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    fn add_places(&mut self, places: &[NewPlace]) -> Result<u64> {
        let at = now();
        let tx = self.conn.transaction()?;
        let mut added = 0;
        {
            let mut insert = tx.prepare_cached(
                "INSERT INTO places (name, aliases, lat, lon, precision, country_code, admin1, geonameid,
                    population, origin, created_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)
                 ON CONFLICT (geonameid) DO NOTHING",
            )?;
            for p in places {
                let aliases = serde_json::to_string(&p.aliases)
                    .map_err(|e| StoreError::Corrupt(e.to_string()))?;
                added += insert.execute(params![
                    p.name,
                    aliases,
                    p.lat,
                    p.lon,
                    p.precision,
                    p.country_code,
                    p.admin1,
                    p.geonameid,
                    p.population as i64,
                    p.origin,
                    at
                ])? as u64;
            }
        }
        tx.commit()?;
        Ok(added)
    }

    fn places(&self) -> Result<Vec<StoredPlace>> {
        let mut stmt = self.conn.prepare("SELECT * FROM places ORDER BY id")?;
        let rows = stmt.query_map([], |r| {
            let aliases: String = r.get("aliases")?;
            Ok(StoredPlace {
                id: r.get("id")?,
                place: NewPlace {
                    name: r.get("name")?,
                    aliases: serde_json::from_str(&aliases).unwrap_or_default(),
                    lat: r.get("lat")?,
                    lon: r.get("lon")?,
                    precision: r.get("precision")?,
                    country_code: r.get("country_code")?,
                    admin1: r.get("admin1")?,
                    geonameid: r.get("geonameid")?,
                    population: r.get::<_, i64>("population")? as u64,
                    origin: r.get("origin")?,
                },
                created_at: r.get("created_at")?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    fn linking_inputs(&self) -> Result<Vec<LinkingInput>> {
        crate::incidents::linking_inputs(&self.conn)
    }

    fn incident_index(&self) -> Result<Vec<(i64, String, String)>> {
        crate::incidents::all_incidents(&self.conn)
    }

    fn incident_codes(&self) -> Result<Vec<String>> {
        crate::incidents::all_codes(&self.conn)
    }

    fn mentions(&self, incident: Option<i64>) -> Result<Vec<StoredMention>> {
        crate::incidents::mentions(&self.conn, incident)
    }

    fn apply_link_plan(&mut self, plan: &LinkPlan) -> Result<()> {
        crate::incidents::apply_link_plan(&mut self.conn, plan, &now())
    }

    fn incident(&self, key: &str) -> Result<IncidentRow> {
        crate::incidents::incident(&self.conn, key)
    }

    fn incidents(&self, filter: &IncidentFilter) -> Result<Vec<IncidentRow>> {
        crate::incidents::incidents(&self.conn, filter)
    }

    fn add_constraint(&mut self, constraint: &LinkConstraint) -> Result<()> {
        crate::incidents::add_constraint(&self.conn, constraint, &now())
    }

    fn constraints(&self) -> Result<Vec<LinkConstraint>> {
        crate::incidents::constraints(&self.conn)
    }

    fn add_override(
        &mut self,
        incident_id: i64,
        field: &str,
        value: &serde_json::Value,
        by: &str,
        reason: Option<&str>,
    ) -> Result<()> {
        crate::incidents::add_override(&self.conn, incident_id, field, value, by, reason, &now())
    }

    fn overrides(&self, incident: Option<i64>) -> Result<Vec<IncidentOverride>> {
        crate::incidents::overrides(&self.conn, incident)
    }

    fn add_note(&mut self, incident_id: i64, text: &str, private: bool, by: &str) -> Result<()> {
        crate::incidents::add_note(&self.conn, incident_id, text, private, by, &now())
    }

    fn notes(&self, incident_id: i64) -> Result<Vec<IncidentNote>> {
        crate::incidents::notes(&self.conn, incident_id)
    }

    fn stats(&self) -> Result<Stats> {
        let count = |sql: &str| -> Result<u64> {
            Ok(self.conn.query_row(sql, [], |r| r.get::<_, i64>(0))? as u64)
        };
        let grouped = |sql: &str| -> Result<Vec<(String, u64)>> {
            let mut stmt = self.conn.prepare(sql)?;
            let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get::<_, i64>(1)? as u64)))?;
            Ok(rows.collect::<rusqlite::Result<_>>()?)
        };
        Ok(Stats {
            reports: count("SELECT count(*) FROM reports")?,
            sources: count("SELECT count(*) FROM sources")?,
            batches: count("SELECT count(*) FROM batches")?,
            failures: count("SELECT count(*) FROM ingest_failures")?,
            extracted_reports: count("SELECT count(DISTINCT report_id) FROM extractions")?,
            extracted_incidents: count(
                "SELECT coalesce(sum(json_array_length(e.result, '$.incidents')), 0)
                 FROM extractions e
                 WHERE e.id = (SELECT max(id) FROM extractions x WHERE x.report_id = e.report_id)",
            )?,
            audit_entries: count("SELECT count(*) FROM audit_log")?,
            places: count("SELECT count(*) FROM places")?,
            incidents: count("SELECT count(*) FROM incidents WHERE status = 'active'")?,
            original_bytes: count("SELECT coalesce(sum(original_size), 0) FROM reports")?,
            stored_bytes: count("SELECT coalesce(sum(length(original_zstd)), 0) FROM reports")?,
            by_format: grouped(
                "SELECT format, count(*) FROM reports GROUP BY format ORDER BY count(*) DESC, format",
            )?,
            by_source_kind: grouped(
                "SELECT coalesce(s.kind, 'none'), count(*) FROM reports r LEFT JOIN sources s ON s.id = r.source_id
                 GROUP BY 1 ORDER BY 2 DESC, 1",
            )?,
        })
    }

    fn add_token(&mut self, name: &str, role: &str, sha256: &str) -> Result<TokenRecord> {
        crate::server::add_token(&self.conn, name, role, sha256, &now())
    }

    fn tokens(&self) -> Result<Vec<TokenRecord>> {
        crate::server::tokens(&self.conn)
    }

    fn revoke_token(&mut self, name: &str) -> Result<()> {
        crate::server::revoke_token(&self.conn, name, &now())
    }

    fn incident_page(&self, query: &IncidentPageQuery) -> Result<Vec<IncidentRow>> {
        crate::server::incident_page(&self.conn, query)
    }

    fn incident_points(&self, filter: &IncidentFilter) -> Result<Vec<IncidentPoint>> {
        crate::server::incident_points(&self.conn, filter)
    }

    fn search_reports(&self, text: &str, limit: usize) -> Result<Vec<SearchHit>> {
        crate::server::search_reports(&self.conn, text, limit)
    }

    fn report_page(
        &self,
        filter: &ReportFilter,
        before: Option<ReportId>,
    ) -> Result<Vec<ReportSummary>> {
        crate::server::report_page(&self.conn, filter, before)
    }

    fn incident_facets(&self, filter: &IncidentFilter) -> Result<IncidentFacets> {
        crate::server::incident_facets(&self.conn, filter)
    }

    fn report_incidents(&self, report: ReportId) -> Result<Vec<(u32, String)>> {
        crate::server::report_incidents(&self.conn, report)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn store() -> SqliteStore {
        SqliteStore::open_in_memory().expect("in-memory store")
    }

    fn report(id: &str, body: &str) -> PreparedReport {
        let mut r = NewReport::new(id, Format::Text, body.as_bytes().to_vec(), body.to_string());
        r.source_name = Some("Example Wire".into());
        r.prepare().unwrap()
    }

    #[test]
    fn identical_originals_are_duplicates_and_keep_the_first_id() {
        let mut s = store();
        let b = s.begin_batch("test").unwrap();
        let first = s
            .insert_reports(b, vec![report("a", "Shelling in Kharkiv.")])
            .unwrap();
        let second = s
            .insert_reports(
                b,
                vec![
                    report("b", "Shelling in Kharkiv."),
                    report("c", "Another text."),
                ],
            )
            .unwrap();
        assert!(first[0].is_new());
        assert_eq!(
            second[0],
            InsertOutcome::Duplicate {
                existing: first[0].id(),
                existing_external_id: "a".into()
            }
        );
        assert!(second[1].is_new());
        assert_eq!(s.stats().unwrap().reports, 2);
    }

    #[test]
    fn a_duplicate_naming_a_new_source_creates_no_source() {
        let mut s = store();
        let b = s.begin_batch("test").unwrap();
        s.insert_reports(b, vec![report("a", "Shelling in Kharkiv.")])
            .unwrap();
        let mut again = NewReport::new(
            "b",
            Format::Text,
            b"Shelling in Kharkiv.".to_vec(),
            "Shelling in Kharkiv.".into(),
        );
        again.source_name = Some("Other Wire".into());
        let mut twice = again.clone();
        twice.external_id = "c".into();
        let outcomes = s
            .insert_reports(b, vec![again.prepare().unwrap(), twice.prepare().unwrap()])
            .unwrap();
        assert!(outcomes.iter().all(|o| !o.is_new()), "{outcomes:?}");
        assert!(matches!(
            s.source("Other Wire"),
            Err(StoreError::NotFound { .. })
        ));
        // Within one batch, the second of two identical reports is the duplicate.
        let first = NewReport::new("d", Format::Text, b"New text.".to_vec(), "New text.".into());
        let mut second = first.clone();
        second.external_id = "e".into();
        let outcomes = s
            .insert_reports(b, vec![first.prepare().unwrap(), second.prepare().unwrap()])
            .unwrap();
        assert_eq!(
            outcomes[1],
            InsertOutcome::Duplicate {
                existing: outcomes[0].id(),
                existing_external_id: "d".into()
            }
        );
        assert_eq!(s.stats().unwrap().reports, 2);
    }

    #[test]
    fn original_round_trips_byte_for_byte() {
        let mut s = store();
        let b = s.begin_batch("test").unwrap();
        let bytes: Vec<u8> = (0..=255u8).cycle().take(5000).collect();
        let mut r = NewReport::new("bin", Format::Text, bytes.clone(), "x".into());
        r.warnings.push("invalid UTF-8 decoded lossily".into());
        let id = s.insert_reports(b, vec![r.prepare().unwrap()]).unwrap()[0].id();
        assert_eq!(s.original(id).unwrap(), bytes);
        let stored = s.report(&id.to_string()).unwrap();
        assert_eq!(stored.sha256, sha256_hex(&bytes));
        assert_eq!(stored.warnings, vec!["invalid UTF-8 decoded lossily"]);
    }

    #[test]
    fn reports_cannot_be_edited_or_deleted() {
        let mut s = store();
        let b = s.begin_batch("test").unwrap();
        let id = s.insert_reports(b, vec![report("a", "text")]).unwrap()[0].id();
        let edit = s
            .conn
            .execute("UPDATE reports SET text = 'changed' WHERE id = ?1", [id.0]);
        assert!(edit.unwrap_err().to_string().contains("immutable"));
        assert!(s
            .conn
            .execute("DELETE FROM reports WHERE id = ?1", [id.0])
            .is_err());
        assert_eq!(s.report("a").unwrap().text, "text");
    }

    #[test]
    fn audit_log_is_append_only() {
        let mut s = store();
        let entry = AuditEntry {
            actor: "analyst".into(),
            action: "source.add".into(),
            entity: "source".into(),
            entity_id: Some("1".into()),
            details: serde_json::json!({"name": "X"}),
            reason: Some("new outlet".into()),
        };
        s.audit(&entry).unwrap();
        assert!(s
            .conn
            .execute("UPDATE audit_log SET actor = 'x'", [])
            .is_err());
        assert!(s.conn.execute("DELETE FROM audit_log", []).is_err());
        let log = s.audit_log(Some(("source", "1"))).unwrap();
        assert_eq!(log.len(), 1);
        assert_eq!(log[0].entry, entry);
        assert!(s.audit_log(Some(("source", "2"))).unwrap().is_empty());
    }

    #[test]
    fn unknown_source_is_created_once_with_kind_unknown() {
        let mut s = store();
        let b = s.begin_batch("test").unwrap();
        s.insert_reports(b, vec![report("a", "one"), report("b", "two")])
            .unwrap();
        let sources = s.sources().unwrap();
        assert_eq!(sources.len(), 1);
        assert_eq!(sources[0].source.kind, SourceKind::Unknown);
        assert_eq!(sources[0].reports, 2);
        // Names match case-insensitively.
        assert_eq!(s.source("example wire").unwrap().name, "Example Wire");
    }

    #[test]
    fn add_source_refuses_a_taken_name() {
        let mut s = store();
        let new = NewSource {
            name: "SOHR".into(),
            kind: SourceKind::Monitor,
            ..Default::default()
        };
        s.add_source(new.clone()).unwrap();
        assert!(matches!(s.add_source(new), Err(StoreError::Conflict(_))));
        assert!(matches!(s.source("nope"), Err(StoreError::NotFound { .. })));
    }

    #[test]
    fn report_lookup_by_external_id_and_hash_id() {
        let mut s = store();
        let b = s.begin_batch("test").unwrap();
        let ids: Vec<_> = s
            .insert_reports(b, vec![report("first", "1"), report("2024", "2")])
            .unwrap()
            .iter()
            .map(InsertOutcome::id)
            .collect();
        assert_eq!(s.report("first").unwrap().id, ids[0]);
        assert_eq!(s.report(&format!("#{}", ids[1])).unwrap().id, ids[1]);
        // A numeric external id with no such numeric id still resolves.
        assert_eq!(s.report("2024").unwrap().id, ids[1]);
    }

    #[test]
    fn extractions_accumulate_and_newest_is_current() {
        let mut s = store();
        let b = s.begin_batch("test").unwrap();
        let id = s.insert_reports(b, vec![report("a", "x")]).unwrap()[0].id();
        assert_eq!(s.unextracted_report_ids().unwrap(), vec![id]);
        for v in ["en-1", "en-2"] {
            s.add_extraction(&NewExtraction {
                report_id: id,
                lexicon_version: v.into(),
                result: serde_json::json!({"id": "a", "schema": 1, "incidents": [{}]}),
            })
            .unwrap();
        }
        assert_eq!(s.unextracted_report_ids().unwrap(), vec![]);
        assert_eq!(s.extractions(id).unwrap().len(), 2);
        assert_eq!(
            s.current_extraction(id).unwrap().unwrap().lexicon_version,
            "en-2"
        );
        let stats = s.stats().unwrap();
        assert_eq!(stats.extracted_reports, 1);
        assert_eq!(stats.extracted_incidents, 1);
        assert_eq!(s.report("a").unwrap().status, "extracted");
    }

    #[test]
    fn places_are_stored_once_per_geonameid() {
        let mut s = store();
        let place = NewPlace {
            name: "Bab al-Nairab".into(),
            aliases: vec!["Bab an-Nayrab".into()],
            lat: 36.19,
            lon: 37.17,
            precision: "district".into(),
            country_code: "SY".into(),
            admin1: Some("Aleppo".into()),
            geonameid: Some(170_001),
            population: 0,
            origin: "import:test".into(),
        };
        assert_eq!(s.add_places(&[place.clone(), place.clone()]).unwrap(), 1);
        let own = NewPlace {
            geonameid: None,
            origin: "added".into(),
            ..place.clone()
        };
        assert_eq!(s.add_places(&[own.clone(), own]).unwrap(), 2);
        let stored = s.places().unwrap();
        assert_eq!(stored.len(), 3);
        assert_eq!(stored[0].place, place);
        assert_eq!(s.stats().unwrap().places, 3);
    }

    #[test]
    fn background_checkpoints_copy_the_log_into_the_store_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("attest.db");
        let mut s = SqliteStore::open(&path).unwrap();
        s.checkpoint_in_background().unwrap();
        let b = s.begin_batch("test").unwrap();
        let before = std::fs::metadata(&path).unwrap().len();
        let words = "shelling hit the eastern district ".repeat(100);
        for chunk in 0..10 {
            let reports = (0..50)
                .map(|i| report(&format!("r{chunk}-{i}"), &format!("{chunk} {i} {words}")))
                .collect();
            s.insert_reports(b, reports).unwrap();
        }
        // Stopping the thread waits for the checkpoint it was last asked for. The writer's
        // own checkpoints start at 64 MiB of log, far above this: the copy was the thread's.
        drop(s.checkpointer.take());
        let after = std::fs::metadata(&path).unwrap().len();
        assert!(after > before + 1_000_000, "{before} -> {after} bytes");
        s.integrity_check().unwrap();
        assert_eq!(s.stats().unwrap().reports, 500);
        // In memory there is no log to copy.
        let mut m = store();
        m.checkpoint_in_background().unwrap();
        assert!(m.checkpointer.is_none());
    }

    #[test]
    fn file_store_uses_wal_and_survives_reopen() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("attest.db");
        {
            let mut s = SqliteStore::open(&path).unwrap();
            let b = s.begin_batch("test").unwrap();
            s.insert_reports(b, vec![report("a", "kept")]).unwrap();
        }
        let s = SqliteStore::open(&path).unwrap();
        let mode: String = s
            .conn
            .query_row("PRAGMA journal_mode", [], |r| r.get(0))
            .unwrap();
        assert_eq!(mode, "wal");
        assert_eq!(s.report("a").unwrap().text, "kept");
        s.integrity_check().unwrap();
        assert_eq!(s.schema_version().unwrap(), crate::migrate::LATEST);
    }
}
