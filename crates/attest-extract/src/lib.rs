//! # attest-extract
//!
//! The extraction engine: report text in, incidents out, every value with its evidence.
//!
//! The library is pure and synchronous: it loads its [`Lexicon`] once (the versioned TOML files
//! under `lexicons/`, optionally extended with a user directory) and then reads any number of
//! reports, on any number of threads ([`Extractor`] is `Send + Sync`). Places are found through an
//! [`attest_geo::Gazetteer`].
//!
//! # Pipeline
//!
//! 1. **Text**: tokens (byte spans; a case-folded copy for matching, so upper-case wire copy
//!    reads like any other), every lexicon phrase found once per token, sentences
//!    (abbreviations, initials, wrapped lines, run-on pages), page furniture dropped and content
//!    warnings kept as [`Extraction::graphic`].
//! 2. **Per sentence**: event triggers, weapons and targets; number expressions and the
//!    casualty phrases that tie them to the dead or the hurt (precision first: never a year, an
//!    age, a unit, a distance or a count of things); dates (absolute or relative to publication,
//!    background dates flagged); perpetrators, claims and cited sources; place names the
//!    gazetteer may not know ("the Karm al-Jabal area").
//! 3. **Places**: the gazetteer reads the sentences that tell of an incident; cue-found names
//!    refine or replace its matches; names in a speaker's phrase or an outlet's name are dropped.
//! 4. **Incidents**: event sentences are grouped (another town, another death toll or another
//!    kind of event starts a new incident); each gets its type, weapons, targets, counts, date,
//!    best-supported place, actors and evidence; incidents are ordered by salience.
//!
//! [`Extractor::extract_explained`] also says, for each sentence with a trigger or a casualty
//! word, how it was read ([`Reading`]) and why each trigger was kept or dropped, naming the
//! lexicon word that decided; the plain [`Extractor::extract`] collects none of it.
//!
//! All words live in the lexicon files; the Rust code holds no word of any language.
//!
//! ```
//! use attest_extract::{Document, Extractor, Lexicon, ListGazetteer};
//! use std::sync::Arc;
//!
//! let gaz = ListGazetteer::from_tsv("Aleppo\tSY\tAleppo\t36.2\t37.16\ttown\t1600000\n").unwrap();
//! let ex = Extractor::new(Lexicon::embedded().unwrap(), Arc::new(gaz));
//! let out = ex.extract(&Document {
//!     text: "An air strike on a hospital in Aleppo killed at least 12 people on Wednesday.",
//!     published: Some("2016-04-28"),
//!     title: None,
//! });
//! let inc = &out.incidents[0];
//! assert_eq!(inc.event_type, "air_strike");
//! assert_eq!(inc.killed.low, Some(12));
//! assert_eq!(inc.date.start.as_deref(), Some("2016-04-27"));
//! ```
#![deny(missing_docs)]

mod actors;
mod casualties;
mod dates;
mod events;
mod explain;
mod extract;
mod gazetteer;
mod lexicon;
mod numbers;
mod places;
mod text;

pub use explain::{CountReading, Explanation, Reading, SentenceReading, TriggerReading};
pub use extract::{Document, Extraction, Extractor, MAX_TEXT};
pub use gazetteer::ListGazetteer;
pub use lexicon::Lexicon;

/// What can go wrong when loading lexicons or a list gazetteer. Extraction itself never fails.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ExtractError {
    /// A lexicon file is not valid TOML or does not have the expected shape.
    #[error("lexicon file '{file}': {message}")]
    Lexicon {
        /// The file (or files) concerned.
        file: String,
        /// What is wrong.
        message: String,
    },
    /// A file or directory could not be read.
    #[error("cannot read '{path}'")]
    Io {
        /// The path concerned.
        path: String,
        /// The underlying error.
        #[source]
        source: std::io::Error,
    },
    /// A gazetteer list line is malformed.
    #[error("gazetteer list line {line}: {message}")]
    Gazetteer {
        /// 1-based line number.
        line: usize,
        /// What is wrong.
        message: String,
    },
}

/// A location precision named in lexicon data.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct PrecisionTag(pub(crate) attest_geo::Precision);

impl PrecisionTag {
    pub(crate) fn parse(s: &str) -> Result<Self, ExtractError> {
        use attest_geo::Precision as P;
        let p = match s {
            "site" => P::Site,
            "district" => P::District,
            "town" => P::Town,
            "admin1" => P::Admin1,
            "country" => P::Country,
            other => {
                return Err(ExtractError::Lexicon {
                    file: "en/places.toml".into(),
                    message: format!("unknown precision '{other}'"),
                })
            }
        };
        Ok(PrecisionTag(p))
    }
}
