//! Sources and reports as the store keeps them.

use crate::{BatchId, ReportId, SourceId};
use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// What kind of voice a source is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "kebab-case")]
pub enum SourceKind {
    /// A newspaper, broadcaster or news site.
    Outlet,
    /// A wire agency (Reuters, AFP, SANA...).
    Agency,
    /// A local network of reporters or activists.
    LocalNetwork,
    /// A government, military or other official body.
    Official,
    /// A non-governmental organisation.
    Ngo,
    /// A conflict monitor.
    Monitor,
    /// An eyewitness.
    Witness,
    /// A social-media account or channel.
    Social,
    /// Created automatically from a report; nobody has described it yet.
    #[default]
    Unknown,
}

impl SourceKind {
    /// Every kind, in display order.
    pub const ALL: [SourceKind; 9] = [
        SourceKind::Outlet,
        SourceKind::Agency,
        SourceKind::LocalNetwork,
        SourceKind::Official,
        SourceKind::Ngo,
        SourceKind::Monitor,
        SourceKind::Witness,
        SourceKind::Social,
        SourceKind::Unknown,
    ];

    /// The stable lowercase name used in the CLI, the store and JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            SourceKind::Outlet => "outlet",
            SourceKind::Agency => "agency",
            SourceKind::LocalNetwork => "local-network",
            SourceKind::Official => "official",
            SourceKind::Ngo => "ngo",
            SourceKind::Monitor => "monitor",
            SourceKind::Witness => "witness",
            SourceKind::Social => "social",
            SourceKind::Unknown => "unknown",
        }
    }
}

impl fmt::Display for SourceKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A source kind name that attest does not know.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownSourceKind(pub String);

impl fmt::Display for UnknownSourceKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "unknown source kind '{}'", self.0)
    }
}

impl std::error::Error for UnknownSourceKind {}

impl FromStr for SourceKind {
    type Err = UnknownSourceKind;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        SourceKind::ALL
            .into_iter()
            .find(|k| k.as_str() == s)
            .ok_or_else(|| UnknownSourceKind(s.to_string()))
    }
}

/// A source as stored.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Source {
    /// Store id.
    pub id: SourceId,
    /// Unique display name.
    pub name: String,
    /// What kind of voice it is.
    pub kind: SourceKind,
    /// Its political leaning as an analyst describes it ("pro-opposition").
    pub leaning: Option<String>,
    /// ISO 3166-1 alpha-2 country it reports from.
    pub country: Option<String>,
    /// Home page.
    pub url: Option<String>,
    /// When it was recorded (RFC 3339, UTC).
    pub created_at: String,
}

/// The input format a report came in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    /// Plain text, optional header lines.
    Text,
    /// A saved web page.
    Html,
    /// One line of a JSON Lines file (the extraction contract's input).
    Jsonl,
    /// An item of an RSS or Atom feed.
    Feed,
    /// A message of a Telegram Desktop channel export.
    Telegram,
    /// An e-mail message.
    Email,
}

impl Format {
    /// Stable lowercase name.
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Html => "html",
            Format::Jsonl => "jsonl",
            Format::Feed => "feed",
            Format::Telegram => "telegram",
            Format::Email => "email",
        }
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Format {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        [
            Format::Text,
            Format::Html,
            Format::Jsonl,
            Format::Feed,
            Format::Telegram,
            Format::Email,
        ]
        .into_iter()
        .find(|f| f.as_str() == s)
        .ok_or_else(|| format!("unknown format '{s}'"))
    }
}

/// A report as stored: immutable once written.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Report {
    /// Store id.
    pub id: ReportId,
    /// The id it was ingested under: a JSONL line's `id`, a feed item's guid, a message id, else the file name.
    pub external_id: String,
    /// Where the report came from.
    pub source_id: Option<SourceId>,
    /// The source's name, for display.
    pub source_name: Option<String>,
    /// The report's address.
    pub url: Option<String>,
    /// Headline.
    pub title: Option<String>,
    /// Publication date or date-time as given (ISO 8601).
    pub published_at: Option<String>,
    /// When attest captured it (RFC 3339, UTC).
    pub captured_at: String,
    /// BCP 47 language tag, when known.
    pub language: Option<String>,
    /// The input format.
    pub format: Format,
    /// Hex sha256 of the original bytes.
    pub sha256: String,
    /// Size of the original in bytes.
    pub original_size: u64,
    /// The text attest works on (extracted article text for web pages).
    pub text: String,
    /// The ingest batch that stored it.
    pub batch_id: BatchId,
    /// Processing status ("ingested", "extracted").
    pub status: String,
    /// Anything odd met while reading it (lossy UTF-8 decoding...).
    pub warnings: Vec<String>,
    /// The file it was read from, and the line within it for JSONL.
    pub origin: Option<String>,
}
