//! Building the extraction engine once: lexicons (embedded, plus `--lexicon DIR`), the embedded
//! gazetteer, and the user's places from the store when there is one.

use attest_extract::{Document, Explanation, Extraction, Extractor, Lexicon};
use attest_geo::{Gazetteer, Precision, UserPlace};
use attest_model::ReportId;
use attest_model::{OutputLine, SCHEMA_VERSION};
use attest_store::{NewExtraction, NewPlace, SqliteStore, Store, StoredPlace};
use rayon::prelude::*;
use serde_json::Value;
use std::path::Path;
use std::sync::Arc;

use crate::Result;

/// The engine and the version string stored with each of its results.
pub struct Engine {
    /// The extractor.
    pub extractor: Extractor,
    /// Lexicon and gazetteer version, stored with each result.
    pub version: String,
}

impl Engine {
    /// Builds the engine; `store` supplies user places.
    pub fn new(lexicon_dir: Option<&Path>, store: Option<&SqliteStore>) -> Result<Self> {
        let mut lexicon = Lexicon::embedded()?;
        if let Some(dir) = lexicon_dir {
            lexicon = lexicon.with_dir(dir)?;
        }
        let places = match store {
            Some(store) => store.places()?,
            None => Vec::new(),
        };
        let base = attest_geo::embedded();
        let user: Vec<UserPlace> = places.iter().filter_map(to_user_place).collect();
        let gazetteer: Arc<dyn Gazetteer> = Arc::new(base.with_user_places(user));
        let version = format!(
            "{}+gaz:{}{}",
            lexicon.version(),
            base.len(),
            if places.is_empty() {
                String::new()
            } else {
                format!("+places:{}", places.len())
            }
        );
        Ok(Engine {
            extractor: Extractor::new(lexicon, gazetteer),
            version,
        })
    }

    /// Builds the engine with the places of the store at `db`, when that file exists (a store
    /// is never created just to read places).
    pub fn for_db(lexicon_dir: Option<&Path>, db: &Path) -> Result<Self> {
        if db.exists() {
            let store = SqliteStore::open(db)?;
            Self::new(lexicon_dir, Some(&store))
        } else {
            Self::new(lexicon_dir, None)
        }
    }
}

impl Engine {
    /// Extracts stored reports and stores the results (one transaction per call); returns the
    /// number of incidents found.
    pub fn extract_stored(&self, store: &mut SqliteStore, ids: &[ReportId]) -> Result<u64> {
        let reports = ids
            .iter()
            .map(|id| store.report(&format!("#{id}")))
            .collect::<Result<Vec<_>, _>>()?;
        let results: Vec<NewExtraction> = reports
            .par_iter()
            .map(|r| {
                let extraction = self.extractor.extract(&Document {
                    text: &r.text,
                    published: r.published_at.as_deref(),
                    title: r.title.as_deref(),
                });
                NewExtraction {
                    report_id: r.id,
                    lexicon_version: self.version.clone(),
                    result: output_value(
                        r.external_id.clone(),
                        extraction,
                        false,
                        None,
                        String::new(),
                    ),
                }
            })
            .collect();
        let incidents = results
            .iter()
            .map(|e| e.result["incidents"].as_array().map_or(0, Vec::len) as u64)
            .sum();
        store.add_extractions(&results)?;
        Ok(incidents)
    }
}

/// The store's form of a place to the gazetteer's.
fn to_user_place(p: &StoredPlace) -> Option<UserPlace> {
    Some(UserPlace {
        name: p.place.name.clone(),
        aliases: p.place.aliases.clone(),
        lat: p.place.lat,
        lon: p.place.lon,
        precision: parse_precision(&p.place.precision)?,
        country_code: p.place.country_code.clone(),
        admin1: p.place.admin1.clone(),
        geonameid: p.place.geonameid,
        population: p.place.population,
    })
}

/// The gazetteer's form of a place to the store's.
pub fn to_new_place(p: UserPlace, origin: &str) -> NewPlace {
    NewPlace {
        name: p.name,
        aliases: p.aliases,
        lat: p.lat,
        lon: p.lon,
        precision: p.precision.as_str().to_string(),
        country_code: p.country_code,
        admin1: p.admin1,
        geonameid: p.geonameid,
        population: p.population,
        origin: origin.to_string(),
    }
}

/// A precision from its contract name (`site`, `district`, `town`, `admin1`, `country`).
pub fn parse_precision(s: &str) -> Option<Precision> {
    [
        Precision::Site,
        Precision::District,
        Precision::Town,
        Precision::Admin1,
        Precision::Country,
    ]
    .into_iter()
    .find(|p| p.as_str() == s)
}

/// The contract's output line for an extraction, with the optional extensions: the text
/// (`with_text`) and, when an explanation is given, `"explain"` (lexicon version, the places
/// the gazetteer found, and how each sentence was read).
pub fn output_value(
    id: String,
    extraction: Extraction,
    with_text: bool,
    explain: Option<Explanation>,
    body: String,
) -> Value {
    let line = OutputLine {
        id,
        schema: SCHEMA_VERSION,
        graphic: extraction.graphic,
        incidents: extraction.incidents,
        text: with_text.then_some(body),
    };
    let mut value = serde_json::to_value(&line).expect("an output line always serialises");
    if let Some(explain) = explain {
        value["explain"] = serde_json::json!({
            "lexicon_version": extraction.lexicon_version,
            "places": extraction.places,
            "sentences": explain.sentences,
        });
    }
    value
}
