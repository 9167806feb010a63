//! The extraction contract, schema 1 (`shared/extract-contract.md`): input lines, output lines and
//! the incident record. Field names and value vocabularies here are the contract's; change them
//! only compatibly.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The contract's schema version written on every output line.
pub const SCHEMA_VERSION: u32 = 1;

/// One input line of `attest extract`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct InputLine {
    /// Caller's id, echoed on the output line.
    pub id: String,
    /// Plain text of the report.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    /// A whole web page; attest finds the article in it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub html: Option<String>,
    /// ISO date or date-time; anchors relative dates.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<String>,
    /// Headline.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Address of the report.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Name of the source.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
}

/// One output line of `attest extract` for a report that could be read.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OutputLine {
    /// The input line's id.
    pub id: String,
    /// Always [`SCHEMA_VERSION`].
    pub schema: u32,
    /// True when the report warns of, or describes, graphic content.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub graphic: bool,
    /// Incidents, most salient first.
    pub incidents: Vec<Incident>,
    /// The text offsets refer to (only with `--with-text`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
}

/// The output line for an input that could not be read.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ErrorLine {
    /// The input's id, or its line number when no id could be read.
    pub id: serde_json::Value,
    /// What was wrong.
    pub error: String,
}

/// A byte span `[start, end)` into the report's text.
pub type Span = [usize; 2];

/// One incident a report describes.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Incident {
    /// `air_strike`, `shelling`, `bombing`, `suicide_bombing`, `armed_attack`, `armed_clash`,
    /// `abduction`, `arson`, `chemical_attack` or `other`.
    pub event_type: String,
    /// Weapon vocabulary of the contract.
    #[serde(default)]
    pub weapons: Vec<String>,
    /// Target vocabulary of the contract.
    #[serde(default)]
    pub targets: Vec<String>,
    /// When it happened.
    #[serde(default)]
    pub date: DateRange,
    /// Where it happened.
    #[serde(default)]
    pub location: Option<Location>,
    /// People killed.
    #[serde(default)]
    pub killed: Count,
    /// People injured.
    #[serde(default)]
    pub injured: Count,
    /// Who is said to have done it.
    #[serde(default)]
    pub perpetrators: Vec<Perpetrator>,
    /// Whom the report names as its sources.
    #[serde(default)]
    pub cited_sources: Vec<CitedSource>,
    /// Accusations, denials, claims of responsibility and confirmations.
    #[serde(default)]
    pub claims: Vec<Claim>,
    /// For each filled key, the spans of the text that support it.
    #[serde(default)]
    pub evidence: BTreeMap<String, Vec<Span>>,
}

/// A date or date range with its precision.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DateRange {
    /// First day, `YYYY-MM-DD`.
    pub start: Option<String>,
    /// Last day, `YYYY-MM-DD`.
    pub end: Option<String>,
    /// `day`, `week`, `month`, `year`.
    pub precision: Option<String>,
}

/// A geocoded place.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Location {
    /// The text as written in the report.
    pub mention: String,
    /// Gazetteer name.
    pub name: Option<String>,
    /// First-level administrative division.
    pub admin1: Option<String>,
    /// English short country name.
    pub country: Option<String>,
    /// ISO 3166-1 alpha-2.
    pub country_code: Option<String>,
    /// Latitude, WGS 84.
    pub lat: Option<f64>,
    /// Longitude, WGS 84.
    pub lon: Option<f64>,
    /// `site`, `district`, `town`, `admin1`, `country`.
    pub precision: Option<String>,
    /// GeoNames id when the place came from GeoNames.
    pub geonameid: Option<i64>,
}

/// A casualty count as a range. Both null: not stated; `0..0`: stated that nobody was.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Count {
    /// Lower bound.
    pub low: Option<u32>,
    /// Upper bound; null when open.
    pub high: Option<u32>,
}

impl Count {
    /// An exact figure.
    pub fn exact(n: u32) -> Self {
        Count {
            low: Some(n),
            high: Some(n),
        }
    }

    /// True when the report states nothing.
    pub fn is_unknown(&self) -> bool {
        self.low.is_none() && self.high.is_none()
    }
}

/// An alleged perpetrator.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Perpetrator {
    /// The actor as written.
    pub name: String,
    /// Who says so; null when the report states it as fact.
    pub attributed_by: Option<String>,
}

/// A source the report cites.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CitedSource {
    /// Its name.
    pub name: String,
    /// How the report describes it ("pro-opposition TV station").
    pub description: Option<String>,
}

/// A claim made about the incident.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Claim {
    /// Who makes it.
    pub speaker: String,
    /// The speaker's role ("US Secretary of State").
    pub speaker_role: Option<String>,
    /// `accuses`, `denies`, `claims_responsibility` or `confirms`.
    pub stance: String,
    /// Whom the claim is about.
    pub actor: Option<String>,
    /// The claim's sentence.
    pub text: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn output_line_omits_false_graphic_and_absent_text() {
        let line = OutputLine {
            id: "r1".into(),
            schema: SCHEMA_VERSION,
            graphic: false,
            incidents: vec![],
            text: None,
        };
        let json = serde_json::to_string(&line).expect("serialisable");
        assert_eq!(json, r#"{"id":"r1","schema":1,"incidents":[]}"#);
    }

    #[test]
    fn input_line_ignores_unknown_fields() {
        let line: InputLine =
            serde_json::from_str(r#"{"id":"a","text":"t","dataset":"x","gold":{}}"#)
                .expect("unknown fields are ignored");
        assert_eq!(line.text.as_deref(), Some("t"));
    }
}
