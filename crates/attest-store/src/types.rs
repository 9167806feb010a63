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
