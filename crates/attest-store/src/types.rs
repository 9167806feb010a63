//! Values going into and coming out of the store.

use attest_model::{Format, ReportId, Source, SourceKind};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

/// A source to record.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct NewSource {
    /// Unique name.
    pub name: String,
    /// What kind of voice it is.
    pub kind: SourceKind,
    /// Political leaning, in an analyst's words.
    pub leaning: Option<String>,
    /// ISO 3166-1 alpha-2.
    pub country: Option<String>,
    /// Home page.
    pub url: Option<String>,
}

/// A source with its report count.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SourceSummary {
    /// The source.
    #[serde(flatten)]
    pub source: Source,
    /// How many reports it has.
    pub reports: u64,
}

/// Final counts of a batch.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct BatchCounts {
    /// Reports stored.
    pub new: u64,
    /// Reports already in the store.
    pub duplicate: u64,
    /// Inputs that could not be read.
    pub failed: u64,
}

/// An input that could not be read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct IngestFailure {
    /// The file (or `-`).
    pub path: String,
    /// The line within it, when it has lines.
    pub line: Option<u64>,
    /// What was wrong.
    pub reason: String,
}

/// A report to store.
#[derive(Debug, Clone, PartialEq)]
pub struct NewReport {
    /// The id it is ingested under.
    pub external_id: String,
    /// Its source's name; created with kind `unknown` when new.
    pub source_name: Option<String>,
    /// Address.
    pub url: Option<String>,
    /// Headline.
    pub title: Option<String>,
    /// Publication date or date-time.
    pub published_at: Option<String>,
    /// BCP 47 language tag.
    pub language: Option<String>,
    /// Input format.
    pub format: Format,
    /// The original bytes, exactly as read.
    pub original: Vec<u8>,
    /// The text attest works on.
    pub text: String,
    /// Anything odd met while reading.
    pub warnings: Vec<String>,
    /// Where it was read from ("file", "file:line").
    pub origin: Option<String>,
}

impl NewReport {
    /// A report with only the required parts.
    pub fn new(external_id: &str, format: Format, original: Vec<u8>, text: String) -> Self {
        NewReport {
            external_id: external_id.to_string(),
            source_name: None,
            url: None,
            title: None,
            published_at: None,
            language: None,
            format,
            original,
            text,
            warnings: Vec::new(),
            origin: None,
        }
    }

    /// Hex sha256 of the original bytes.
    pub fn sha256(&self) -> String {
        sha256_hex(&self.original)
    }
}

/// A report ready to store: hashed and compressed. Preparing is pure and can run on any thread,
/// so callers prepare a batch in parallel and the single writer only inserts.
#[derive(Debug, Clone, PartialEq)]
pub struct PreparedReport {
    /// The report.
    pub report: NewReport,
    /// Hex sha256 of its original bytes.
    pub sha256: String,
    /// Its original bytes, zstd-compressed.
    pub compressed: Vec<u8>,
}

/// zstd level for originals: fast, and still shrinks news text about threefold.
const ZSTD_LEVEL: i32 = 3;

impl NewReport {
    /// Hashes and compresses the original.
    pub fn prepare(self) -> std::io::Result<PreparedReport> {
        use std::cell::RefCell;
        thread_local! {
            // One zstd context per thread: creating one per report costs more than compressing.
            static COMPRESSOR: RefCell<Option<zstd::bulk::Compressor<'static>>> = const { RefCell::new(None) };
        }
        let compressed = COMPRESSOR.with(|c| {
            let mut c = c.borrow_mut();
            if c.is_none() {
                *c = Some(zstd::bulk::Compressor::new(ZSTD_LEVEL)?);
            }
            c.as_mut()
                .expect("the compressor was just created")
                .compress(&self.original)
        })?;
        Ok(PreparedReport {
            sha256: self.sha256(),
            compressed,
            report: self,
        })
    }
}

/// Hex sha256 of some bytes.
pub fn sha256_hex(bytes: &[u8]) -> String {
    hex::encode(Sha256::digest(bytes))
}

/// What became of a report handed to [`crate::Store::insert_reports`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "outcome", rename_all = "snake_case")]
pub enum InsertOutcome {
    /// Stored under a new id.
    New {
        /// Its id.
        id: ReportId,
    },
    /// Identical original bytes were already stored.
    Duplicate {
        /// The stored report.
        existing: ReportId,
        /// The id the stored report was ingested under.
        existing_external_id: String,
    },
}

impl InsertOutcome {
    /// True when the report was stored now.
    pub fn is_new(&self) -> bool {
        matches!(self, InsertOutcome::New { .. })
    }

    /// The stored report's id either way.
    pub fn id(&self) -> ReportId {
        match self {
            InsertOutcome::New { id } => *id,
            InsertOutcome::Duplicate { existing, .. } => *existing,
        }
    }
}

/// Which reports to list.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ReportFilter {
    /// Only this source (name).
    pub source: Option<String>,
    /// Only this batch.
    pub batch: Option<i64>,
    /// Only reports whose title or text contains this (case-insensitive).
    pub text: Option<String>,
    /// At most this many (0: no limit).
    pub limit: usize,
}

/// A line of `attest report list`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReportSummary {
    /// Store id.
    pub id: ReportId,
    /// The id it was ingested under.
    pub external_id: String,
    /// Source name.
    pub source: Option<String>,
    /// Headline.
    pub title: Option<String>,
    /// Publication date.
    pub published_at: Option<String>,
    /// Capture time.
    pub captured_at: String,
    /// Input format.
    pub format: Format,
    /// Processing status.
    pub status: String,
    /// Hex sha256 of the original.
    pub sha256: String,
    /// Number of warnings.
    pub warnings: usize,
}

/// An extraction result to store.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NewExtraction {
    /// The report.
    pub report_id: ReportId,
    /// Version of the lexicons (and gazetteer) that produced it.
    pub lexicon_version: String,
    /// The contract output line, as JSON.
    pub result: serde_json::Value,
}

/// A stored extraction result.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StoredExtraction {
    /// Store id.
    pub id: i64,
    /// The report.
    pub report_id: ReportId,
    /// Lexicon version that produced it.
    pub lexicon_version: String,
    /// When.
    pub extracted_at: String,
    /// The contract output line.
    pub result: serde_json::Value,
}

/// An audit entry to append.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AuditEntry {
    /// Who did it.
    pub actor: String,
    /// What ("ingest", "source.add", "incident.merge"...).
    pub action: String,
    /// The kind of thing it was done to.
    pub entity: String,
    /// Which one.
    pub entity_id: Option<String>,
    /// What changed, as JSON.
    pub details: serde_json::Value,
    /// Why.
    pub reason: Option<String>,
}

/// A stored audit entry.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AuditRecord {
    /// Sequence number.
    pub id: i64,
    /// When (RFC 3339, UTC).
    pub at: String,
    /// The entry.
    #[serde(flatten)]
    pub entry: AuditEntry,
}

/// Store-wide counts.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Stats {
    /// Reports stored.
    pub reports: u64,
    /// Sources known.
    pub sources: u64,
    /// Ingest batches run.
    pub batches: u64,
    /// Inputs that failed, all batches.
    pub failures: u64,
    /// Reports with at least one extraction.
    pub extracted_reports: u64,
    /// Incidents found by the current extractions.
    pub extracted_incidents: u64,
    /// Audit entries.
    pub audit_entries: u64,
    /// User places (added or imported).
    pub places: u64,
    /// Active incidents (linked mentions).
    pub incidents: u64,
    /// Bytes of original content, uncompressed.
    pub original_bytes: u64,
    /// Bytes of original content as stored (zstd).
    pub stored_bytes: u64,
    /// Reports per format.
    pub by_format: Vec<(String, u64)>,
    /// Reports per source kind.
    pub by_source_kind: Vec<(String, u64)>,
}

/// A place of the user's own, for geocoding.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NewPlace {
    /// Name.
    pub name: String,
    /// Other spellings.
    pub aliases: Vec<String>,
    /// Latitude, WGS 84.
    pub lat: f64,
    /// Longitude, WGS 84.
    pub lon: f64,
    /// `site`, `district`, `town`, `admin1` or `country`.
    pub precision: String,
    /// ISO 3166-1 alpha-2.
    pub country_code: String,
    /// First-level division's name.
    pub admin1: Option<String>,
    /// GeoNames id; a place imported again with the same id replaces nothing and is skipped.
    pub geonameid: Option<i64>,
    /// Population, 0 when unknown.
    pub population: u64,
    /// Where it came from ("added", "import:SY.txt").
    pub origin: String,
}

/// A stored place.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StoredPlace {
    /// Store id.
    pub id: i64,
    /// The place.
    #[serde(flatten)]
    pub place: NewPlace,
    /// When it was recorded.
    pub created_at: String,
}

/// A report's current extraction with what linking needs of the report and its source.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LinkingInput {
    /// The report.
    pub report_id: ReportId,
    /// The id it was ingested under.
    pub external_id: String,
    /// Publication date.
    pub published: Option<String>,
    /// The text extraction worked on.
    pub text: String,
    /// Source name.
    pub source_name: Option<String>,
    /// Source kind.
    pub source_kind: SourceKind,
    /// Source leaning.
    pub source_leaning: Option<String>,
    /// The extraction.
    pub extraction_id: i64,
    /// The contract output line.
    pub result: serde_json::Value,
}

/// An incident as stored.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct IncidentRow {
    /// Store id.
    pub id: i64,
    /// Its code, which never changes.
    pub code: String,
    /// Codes of incidents merged into this one.
    pub previous_codes: Vec<String>,
    /// `active`, `merged` or `withdrawn`.
    pub status: String,
    /// The incident it was merged into.
    pub merged_into: Option<i64>,
    /// When it was created.
    pub created_at: String,
    /// When linking last changed it.
    pub updated_at: String,
    /// The derived record.
    pub summary: serde_json::Value,
}

/// A mention as stored.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StoredMention {
    /// The report.
    pub report_id: ReportId,
    /// Index of the incident in the report's extraction.
    pub idx: u32,
    /// The incident it belongs to.
    pub incident_id: i64,
    /// The report's ingested-under id.
    pub external_id: String,
    /// The link that joined it, as JSON.
    pub link: Option<serde_json::Value>,
}

/// Filterable columns of an incident.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct IncidentColumns {
    /// Event type.
    pub event_type: Option<String>,
    /// First day.
    pub date_start: Option<String>,
    /// Last day.
    pub date_end: Option<String>,
    /// ISO country code.
    pub country_code: Option<String>,
    /// Latitude.
    pub lat: Option<f64>,
    /// Longitude.
    pub lon: Option<f64>,
    /// Grade.
    pub grade: Option<String>,
    /// Conservative killed figure.
    pub killed_low: Option<u32>,
    /// Highest killed figure.
    pub killed_high: Option<u32>,
    /// Distinct sources.
    pub sources: u32,
    /// Independent sources.
    pub independent_sources: u32,
    /// Targets.
    pub targets: Vec<String>,
    /// Text searched by free-text filters.
    pub search_text: String,
    /// The whole derived record.
    pub summary: serde_json::Value,
}

/// Which incident a planned cluster becomes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum IncidentRef {
    /// An incident already stored.
    Existing(i64),
    /// The n-th of [`LinkPlan::new_codes`].
    New(usize),
}

/// A mention placed in an incident by linking.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PlannedMention {
    /// The report.
    pub report_id: ReportId,
    /// Index in its extraction.
    pub idx: u32,
    /// The extraction it comes from.
    pub extraction_id: i64,
    /// The link that joined it.
    pub link: Option<serde_json::Value>,
}

/// One incident of a linking result.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PlannedIncident {
    /// Which incident.
    pub target: IncidentRef,
    /// Its mentions.
    pub mentions: Vec<PlannedMention>,
    /// Its derived columns.
    pub columns: IncidentColumns,
}

/// A whole linking result, applied in one transaction.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct LinkPlan {
    /// Codes of the incidents to create.
    pub new_codes: Vec<String>,
    /// Every incident with mentions.
    pub incidents: Vec<PlannedIncident>,
    /// Incidents absorbed: (absorbed, survivor).
    pub merges: Vec<(i64, IncidentRef)>,
    /// Incidents left with no mention and absorbed by none.
    pub withdrawn: Vec<i64>,
}

/// Which incidents to list.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct IncidentFilter {
    /// First day, inclusive (`YYYY-MM-DD`).
    pub from: Option<String>,
    /// Last day, inclusive.
    pub to: Option<String>,
    /// ISO country code.
    pub country: Option<String>,
    /// Event type.
    pub event_type: Option<String>,
    /// A target.
    pub target: Option<String>,
    /// Grade.
    pub grade: Option<String>,
    /// Free text (place, actors, reports).
    pub text: Option<String>,
    /// Bounding box: west, south, east, north.
    pub bbox: Option<[f64; 4]>,
    /// At most this many (0: all).
    pub limit: usize,
}

/// An analyst's merge or split between two mentions.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LinkConstraint {
    /// `must_link` or `cannot_link`.
    pub kind: String,
    /// First mention (report, index).
    pub a: (ReportId, u32),
    /// Second mention.
    pub b: (ReportId, u32),
    /// Who decided.
    pub by: String,
    /// Why.
    pub reason: Option<String>,
}

/// An analyst's value for a field of an incident.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct IncidentOverride {
    /// Store id.
    pub id: i64,
    /// The incident.
    pub incident_id: i64,
    /// The field (`killed`, `event_type`, `grade`...).
    pub field: String,
    /// The value, as JSON.
    pub value: serde_json::Value,
    /// Who set it.
    pub by: String,
    /// Why.
    pub reason: Option<String>,
    /// When.
    pub at: String,
}

/// An analyst's note on an incident.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct IncidentNote {
    /// Store id.
    pub id: i64,
    /// The incident.
    pub incident_id: i64,
    /// The note.
    pub text: String,
    /// Private notes never appear in public output.
    pub private: bool,
    /// Who wrote it.
    pub by: String,
    /// When.
    pub at: String,
}

/// An API token as stored: never the token itself, only its sha256.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TokenRecord {
    /// Store id.
    pub id: i64,
    /// Who or what holds it (unique among tokens in use).
    pub name: String,
    /// `reader`, `analyst` or `admin`.
    pub role: String,
    /// Hex sha256 of the token.
    pub sha256: String,
    /// When it was created.
    pub created_at: String,
    /// When it was revoked; a revoked token opens nothing.
    pub revoked_at: Option<String>,
}

/// One page of incidents: a filter, a direction, and where the previous page ended.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct IncidentPageQuery {
    /// Which incidents; `limit` is the page size (0: all).
    pub filter: IncidentFilter,
    /// Oldest first instead of newest first.
    pub ascending: bool,
    /// The (first day, code) of the last incident of the previous page; the page starts after it.
    pub after: Option<(String, String)>,
}

/// An incident reduced to what a map needs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct IncidentPoint {
    /// Its code.
    pub code: String,
    /// Latitude.
    pub lat: f64,
    /// Longitude.
    pub lon: f64,
    /// First day.
    pub date: Option<String>,
    /// Event type.
    pub event_type: Option<String>,
    /// Grade.
    pub grade: Option<String>,
    /// Conservative killed figure.
    pub killed: Option<u32>,
}

/// A report found by full-text search.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SearchHit {
    /// The report.
    pub report_id: ReportId,
    /// The id it was ingested under.
    pub external_id: String,
    /// Headline.
    pub title: Option<String>,
    /// Source name.
    pub source: Option<String>,
    /// Publication date.
    pub published_at: Option<String>,
    /// A piece of the text around the matches; each match is wrapped in
    /// [`SNIPPET_START`] and [`SNIPPET_END`].
    pub snippet: String,
    /// Relevance (bm25: lower is better).
    pub rank: f64,
}

/// Marks the start of a match in [`SearchHit::snippet`].
pub const SNIPPET_START: char = '\u{1}';
/// Marks the end of a match in [`SearchHit::snippet`].
pub const SNIPPET_END: char = '\u{2}';

/// Counts over the incidents matching a filter: for filter menus and a timeline.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct IncidentFacets {
    /// Incidents matching.
    pub total: u64,
    /// (country code, incidents), most first.
    pub by_country: Vec<(String, u64)>,
    /// (event type, incidents), most first.
    pub by_event_type: Vec<(String, u64)>,
    /// (grade, incidents), most first.
    pub by_grade: Vec<(String, u64)>,
    /// (month `YYYY-MM`, incidents, conservative killed), oldest first.
    pub by_month: Vec<(String, u64, u64)>,
}
