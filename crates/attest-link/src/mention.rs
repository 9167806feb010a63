//! Mentions: one extracted incident of one report, with what linking needs to know of its source.

use crate::config::LinkConfig;
use crate::names;
use attest_model::{Incident, ReportId, SourceKind};
use serde::{Deserialize, Serialize};
use std::fmt;

/// Identifies a mention: the report and the incident's index within the report's extraction.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct MentionKey {
    /// The report.
    pub report: ReportId,
    /// Index of the incident in the report's extraction (0: the main incident).
    pub index: u32,
}

impl MentionKey {
    /// A key from a report id and an incident index.
    pub fn new(report: ReportId, index: u32) -> Self {
        MentionKey { report, index }
    }
}

impl fmt::Display for MentionKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}#{}", self.report, self.index)
    }
}

/// What linking and corroboration need to know of a report's source.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SourceInfo {
    /// The source's display name.
    pub name: String,
    /// What kind of voice it is.
    pub kind: SourceKind,
    /// Its political leaning, as an analyst describes it.
    pub leaning: Option<String>,
}

/// One extracted incident of one report.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Mention {
    /// Report and index.
    pub key: MentionKey,
    /// The id the report was ingested under.
    pub external_id: String,
    /// The report's source.
    pub source: SourceInfo,
    /// The report's publication date or date-time (ISO 8601).
    pub published: Option<String>,
    /// The incident as extracted.
    pub incident: Incident,
    /// Named targets ("Al Quds hospital") as written; see [`Mention::from_report`].
    #[serde(default)]
    pub target_names: Vec<String>,
}

impl Mention {
    /// A mention from a report's text and one of its extracted incidents. Named targets are
    /// read from the text: around the incident's `targets` evidence spans when it has any,
    /// else from its location mention and the whole text.
    pub fn from_report(
        key: MentionKey,
        external_id: impl Into<String>,
        source: SourceInfo,
        published: Option<String>,
        incident: Incident,
        text: &str,
        cfg: &LinkConfig,
    ) -> Self {
        let target_names = names::named_targets(text, &incident, &cfg.targets);
        Mention {
            key,
            external_id: external_id.into(),
            source,
            published,
            incident,
            target_names,
        }
    }
}
