//! # attest-store
//!
//! Where attest keeps what it has read: sources, reports (with their original bytes, compressed,
//! and their sha256), ingest batches and their failures, extraction results and an append-only
//! audit log.
//!
//! Callers program against the [`Store`] trait; [`SqliteStore`] is the embedded default (one
//! SQLite file in WAL mode, numbered migrations in `migrations/`). A shared PostgreSQL backend
//! can implement the same trait without touching callers. SQL lives in this crate only.
//!
//! ```
//! use attest_store::{NewReport, SqliteStore, Store};
//! use attest_model::Format;
//!
//! let mut store = SqliteStore::open_in_memory().unwrap();
//! let batch = store.begin_batch("doc example").unwrap();
//! let report = NewReport::new("r1", Format::Text, b"Shelling hit the market.".to_vec(), "Shelling hit the market.".into());
//! let outcome = store.insert_reports(batch, vec![report.clone().prepare().unwrap()]).unwrap();
//! assert!(outcome[0].is_new());
//! let again = store.insert_reports(batch, vec![report.prepare().unwrap()]).unwrap();
//! assert!(!again[0].is_new());
//! ```
#![deny(missing_docs)]

mod checkpoint;
mod error;
mod incidents;
mod migrate;
mod server;
mod sqlite;
mod types;

pub use error::StoreError;
pub use sqlite::SqliteStore;
pub use types::*;

use attest_model::{BatchId, Report, ReportId, Source};

/// Result of store operations.
pub type Result<T, E = StoreError> = std::result::Result<T, E>;

/// Everything attest asks of a store. Writes take `&mut self`: one writer at a time.
pub trait Store {
    /// Records a source; fails with [`StoreError::Conflict`] when the name is taken.
    fn add_source(&mut self, source: NewSource) -> Result<Source>;
    /// Updates a source's description (kind, leaning, country, url); audited by the caller.
    fn update_source(&mut self, name: &str, source: NewSource) -> Result<Source>;
    /// Finds a source by name (case-insensitive) or numeric id.
    fn source(&self, key: &str) -> Result<Source>;
    /// All sources, by name.
    fn sources(&self) -> Result<Vec<SourceSummary>>;

    /// Opens an ingest batch.
    fn begin_batch(&mut self, command: &str) -> Result<BatchId>;
    /// Closes a batch with its final counts.
    fn finish_batch(&mut self, batch: BatchId, counts: BatchCounts) -> Result<()>;
    /// Records an input that could not be read.
    fn record_failure(&mut self, batch: BatchId, failure: &IngestFailure) -> Result<()>;

    /// Stores reports in one transaction: each is new, or a duplicate of a stored report with the
    /// same sha256 of its original bytes. A source named by a report and not yet known is created
    /// with kind `unknown`. The new reports are indexed for search in the same transaction.
    fn insert_reports(
        &mut self,
        batch: BatchId,
        reports: Vec<PreparedReport>,
    ) -> Result<Vec<InsertOutcome>>;
    /// A report by numeric id, `#id`, or the id it was ingested under.
    fn report(&self, key: &str) -> Result<Report>;
    /// The original bytes of a report, exactly as ingested.
    fn original(&self, id: ReportId) -> Result<Vec<u8>>;
    /// Reports matching a filter, newest first.
    fn reports(&self, filter: &ReportFilter) -> Result<Vec<ReportSummary>>;
    /// Calls `f` for every report id, in id order (for re-extraction).
    fn report_ids(&self) -> Result<Vec<ReportId>>;

    /// Reports with no extraction result yet, in id order (an ingest killed between storing a
    /// report and extracting it leaves some; the next run finishes them).
    fn unextracted_report_ids(&self) -> Result<Vec<ReportId>>;

    /// Stores an extraction result of a report; earlier results are kept.
    fn add_extraction(&mut self, extraction: &NewExtraction) -> Result<()>;
    /// Several extraction results in one transaction.
    fn add_extractions(&mut self, extractions: &[NewExtraction]) -> Result<()>;
    /// The newest extraction of a report, if any.
    fn current_extraction(&self, report: ReportId) -> Result<Option<StoredExtraction>>;
    /// Every extraction of a report, oldest first.
    fn extractions(&self, report: ReportId) -> Result<Vec<StoredExtraction>>;

    /// Appends to the audit log.
    fn audit(&mut self, entry: &AuditEntry) -> Result<()>;
    /// The audit log, oldest first, optionally for one entity.
    fn audit_log(&self, entity: Option<(&str, &str)>) -> Result<Vec<AuditRecord>>;

    /// Stores places in one transaction; returns how many were new (a GeoNames id already
    /// stored is skipped).
    fn add_places(&mut self, places: &[NewPlace]) -> Result<u64>;
    /// Every user place, in id order.
    fn places(&self) -> Result<Vec<StoredPlace>>;

    /// Every report's current extraction, with its source, for linking.
    fn linking_inputs(&self) -> Result<Vec<LinkingInput>>;
    /// Every incident ever created: (id, code, status).
    fn incident_index(&self) -> Result<Vec<(i64, String, String)>>;
    /// Every code ever issued.
    fn incident_codes(&self) -> Result<Vec<String>>;
    /// Mentions of one incident, or of all.
    fn mentions(&self, incident: Option<i64>) -> Result<Vec<StoredMention>>;
    /// Applies a whole linking result in one transaction.
    fn apply_link_plan(&mut self, plan: &LinkPlan) -> Result<()>;
    /// An incident by code (current or previous) or id, following merges.
    fn incident(&self, key: &str) -> Result<IncidentRow>;
    /// Active incidents matching a filter, newest first.
    fn incidents(&self, filter: &IncidentFilter) -> Result<Vec<IncidentRow>>;
    /// Records an analyst merge or split.
    fn add_constraint(&mut self, constraint: &LinkConstraint) -> Result<()>;
    /// Every analyst merge and split, oldest first.
    fn constraints(&self) -> Result<Vec<LinkConstraint>>;
    /// Records an analyst's value for a field of an incident.
    fn add_override(
        &mut self,
        incident_id: i64,
        field: &str,
        value: &serde_json::Value,
        by: &str,
        reason: Option<&str>,
    ) -> Result<()>;
    /// Analyst values of one incident, or of all, oldest first.
    fn overrides(&self, incident: Option<i64>) -> Result<Vec<IncidentOverride>>;
    /// Adds a note to an incident.
    fn add_note(&mut self, incident_id: i64, text: &str, private: bool, by: &str) -> Result<()>;
    /// Notes of an incident, oldest first.
    fn notes(&self, incident_id: i64) -> Result<Vec<IncidentNote>>;

    /// Counts for `attest stats`.
    fn stats(&self) -> Result<Stats>;

    /// Records an API token (its sha256 only); fails with [`StoreError::Conflict`] when a
    /// token in use has that name.
    fn add_token(&mut self, name: &str, role: &str, sha256: &str) -> Result<TokenRecord>;
    /// Every token, revoked ones too, oldest first.
    fn tokens(&self) -> Result<Vec<TokenRecord>>;
    /// Revokes the token in use under a name.
    fn revoke_token(&mut self, name: &str) -> Result<()>;
    /// A page of active incidents by date, newest (or oldest) first, then by code.
    fn incident_page(&self, query: &IncidentPageQuery) -> Result<Vec<IncidentRow>>;
    /// The located active incidents matching a filter, as map points, newest first.
    fn incident_points(&self, filter: &IncidentFilter) -> Result<Vec<IncidentPoint>>;
    /// Reports whose title or text holds every word of `text`, best first.
    fn search_reports(&self, text: &str, limit: usize) -> Result<Vec<SearchHit>>;
    /// Reports matching a filter, newest first, with ids below `before` only.
    fn report_page(
        &self,
        filter: &ReportFilter,
        before: Option<ReportId>,
    ) -> Result<Vec<ReportSummary>>;
    /// Counts of the active incidents matching a filter, by country, type, grade and month.
    fn incident_facets(&self, filter: &IncidentFilter) -> Result<IncidentFacets>;
    /// The incident of each mention of a report: (index in its extraction, incident code).
    fn report_incidents(&self, report: ReportId) -> Result<Vec<(u32, String)>>;
}
