//! # attest-geo
//!
//! Offline gazetteer and geocoding: finds place names in text and resolves them to coordinates,
//! with precision, confidence and the alternatives it did not choose.
#![deny(missing_docs)]

use serde::{Deserialize, Serialize};

/// How fine a resolved place is (the extraction contract's `location.precision`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Precision {
    /// A single building or site (a hospital, a camp).
    Site,
    /// A district or neighbourhood of a town.
    District,
    /// A town, city or village.
    Town,
    /// A first-level administrative division (province, governorate, oblast).
    Admin1,
    /// A whole country.
    Country,
}

impl Precision {
    /// The contract's name for it.
    pub fn as_str(self) -> &'static str {
        match self {
            Precision::Site => "site",
            Precision::District => "district",
            Precision::Town => "town",
            Precision::Admin1 => "admin1",
            Precision::Country => "country",
        }
    }
}

/// A place of the gazetteer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Place {
    /// GeoNames id, when the place came from GeoNames.
    pub geonameid: Option<i64>,
    /// Gazetteer name.
    pub name: String,
    /// First-level administrative division's name.
    pub admin1: Option<String>,
    /// ISO 3166-1 alpha-2.
    pub country_code: String,
    /// Latitude, WGS 84.
    pub lat: f64,
    /// Longitude, WGS 84.
    pub lon: f64,
    /// How fine the place is.
    pub precision: Precision,
    /// Population, 0 when unknown.
    pub population: u64,
}

/// A place name found in a text and resolved.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PlaceMention {
    /// Byte offset where the mention starts.
    pub start: usize,
    /// Byte offset where the mention ends (exclusive).
    pub end: usize,
    /// The mention as written.
    pub mention: String,
    /// The chosen place.
    pub place: Place,
    /// How sure the resolution is, 0 to 1.
    pub confidence: f32,
    /// Close candidates that were not chosen.
    pub alternatives: Vec<Place>,
}

/// Anything that can find and resolve places in text.
pub trait Gazetteer: Send + Sync {
    /// Every place mention in `text`, disambiguated using the whole text as context, in text order.
    fn locate(&self, text: &str) -> Vec<PlaceMention>;
    /// English short name for an ISO 3166-1 alpha-2 code ("SY" -> "Syria").
    fn country_name(&self, code: &str) -> Option<&str>;
}
