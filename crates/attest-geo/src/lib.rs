//! # attest-geo
//!
//! Offline gazetteer and geocoding: finds place names in text and resolves them to coordinates,
//! with precision, confidence and the alternatives it did not choose.
//!
//! The default gazetteer is compiled into the binary (GeoNames-derived, CC BY 4.0, built by
//! `scripts/build-gazetteer.py` into `data/gazetteer/attest-gazetteer.tsv.zst`): towns of
//! 1,000 people or more worldwide with their population, places of 500 or more with Arabic
//! and other alternate names for conflict countries, first-level divisions (with the summed
//! population of their towns) and countries. Places a user imports
//! from GeoNames dumps ([`parse_geonames`]) or adds by hand ([`UserPlace`]) join it through
//! [`EmbeddedGazetteer::with_user_places`].
//!
//! ## How a text is read
//!
//! - *Keys.* Names and text are compared case- and accent-free, apostrophes dropped, and
//!   folded for transliteration (the Arabic article and its assimilated forms inside names,
//!   vowel spellings, doubled letters, `q`/`k`, a final `h`): "Bab al-Nairab", "Bab an-Nayrab"
//!   and "BAB AL NAIRAB" meet; Arabic script is normalised the same way. A name that meets a
//!   place only by the full fold, differing from its spellings in a vowel ("Jebala" for
//!   "Jebele"), or only by another of its names, is a far-fetched reading: it scores lower and,
//!   unless the place is large, stands only when something else in the text points to its
//!   country; else it is a place the gazetteer does not know. A common English word names a
//!   place only written as one of its spellings ("Eve" is no "Ava").
//! - *Spans.* Capitalised runs (any case in all-capitals wire text) are looked up longest
//!   first. Stop words never match; common English words that are also place names
//!   (`data/gazetteer/common-words.txt`) match only capitalised inside a sentence and only for
//!   places in a country the text is about; a word inside a longer proper name ("George
//!   Curtis Moore", "Muqtada al-Sadr") must be a notable place to count, unless it opens the
//!   name of a facility ("the Munich Amerika Haus", "Odessa Airport").
//! - *Context.* A leading "COUNTRY -" or dateline, country names, demonyms ("Syrian") and
//!   armed groups tied to one country (`data/gazetteer/countries.toml`) say which countries
//!   the text is about.
//! - *Composition.* "X, Y", "X in Y", "the X district of Y", "Anbar province": the container
//!   favours candidates inside it; a name the gazetteer does not know, in such a place or
//!   after a locative ("in Wihda, south of Baghdad"), is reported with its container's place
//!   and a low confidence, the mention kept.
//! - *Choice.* Population, capital and seat priors, context, exact spelling and distance to
//!   the other places of the text score the candidates; close ones are kept as
//!   alternatives. [`primary_place`] picks the place a report is about.
//!
//! All vocabularies are data in `data/gazetteer/` (see its README); nothing is hard-coded.
//!
//! ```
//! use attest_geo::{embedded, Gazetteer, Precision};
//!
//! let found = embedded().locate("SYRIA - Shelling hit Aleppo's eastern districts.");
//! let aleppo = found.iter().find(|m| m.mention == "Aleppo").expect("Aleppo is found");
//! assert_eq!(aleppo.place.country_code, "SY");
//! assert_eq!(aleppo.place.precision, Precision::Town);
//! assert_eq!(embedded().country_name("SY"), Some("Syria"));
//! ```
#![deny(missing_docs)]

mod geonames;
mod index;
mod locate;
mod normalize;

use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

pub use geonames::{
    attach_aliases, parse_alternate_names, parse_geonames, AlternateNames, GeonamesImport,
    LineError,
};

use index::{lexicon, load_embedded, Index};
use locate::Layers;

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
    /// A first-level administrative division (province, governorate, oblast), or a
    /// second-level one (a district, county, tribal agency, canton: kind `B` of the gazetteer).
    /// The contract has no finer division level, so a second-level division is reported at
    /// this coarseness (its `admin1` field names the first-level division that holds it); it is
    /// chosen only when the text names no town there ("in Karbi Anglong", "Kupwara district").
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
    /// For a district of a town (a neighbourhood of a city): the town's gazetteer name, which
    /// is what a report's place is named by ("Baghdad" for Adhamiya).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub within: Option<String>,
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
    /// The capital of a country (ISO 3166-1 alpha-2), when the gazetteer knows it: what "the
    /// capital" of a report on that country names. The default knows none.
    fn capital(&self, _code: &str) -> Option<Place> {
        None
    }
    /// Countries the text is about, most weight first, with their weights: a leading
    /// "COUNTRY -" counts 5, a country name 2, a demonym ("Iraqi") 1, a place its
    /// confidence. The default derives it from [`Gazetteer::locate`] alone.
    fn countries(&self, text: &str) -> Vec<(String, f32)> {
        let mut w: Vec<(String, f32)> = Vec::new();
        for m in self.locate(text) {
            match w.iter_mut().find(|(cc, _)| *cc == m.place.country_code) {
                Some(e) => e.1 += m.confidence,
                None => w.push((m.place.country_code.clone(), m.confidence)),
            }
        }
        w.sort_by(|a, b| b.1.total_cmp(&a.1));
        w
    }
}

/// Errors of this crate.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum GeoError {
    /// The embedded gazetteer could not be decompressed.
    #[error("cannot decompress the embedded gazetteer")]
    Decompress(#[source] std::io::Error),
    /// A line of the embedded gazetteer is malformed.
    #[error("embedded gazetteer, line {line}: {message}")]
    Embedded {
        /// 1-based line number.
        line: usize,
        /// What is wrong.
        message: String,
    },
    /// The matching lexicon is malformed.
    #[error("gazetteer lexicon: {0}")]
    Lexicon(String),
    /// Reading an import file failed.
    #[error("cannot read the GeoNames file (line {line})")]
    Read {
        /// 1-based line number where reading stopped.
        line: usize,
        /// The I/O error.
        #[source]
        source: std::io::Error,
    },
}

/// A place the user added (`attest place add`) or imported (`attest gazetteer import`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct UserPlace {
    /// Name.
    pub name: String,
    /// Other spellings, matched like the name.
    pub aliases: Vec<String>,
    /// Latitude, WGS 84.
    pub lat: f64,
    /// Longitude, WGS 84.
    pub lon: f64,
    /// How fine the place is.
    pub precision: Precision,
    /// ISO 3166-1 alpha-2.
    pub country_code: String,
    /// First-level division's name.
    pub admin1: Option<String>,
    /// GeoNames id, when imported from GeoNames.
    pub geonameid: Option<i64>,
    /// Population, 0 when unknown.
    pub population: u64,
}

/// The gazetteer compiled into the binary.
#[derive(Debug)]
pub struct EmbeddedGazetteer {
    index: Index,
    /// The second half of the towns (loaded on another thread).
    more: Index,
    /// Country code -> its capital, made on first use.
    capitals: std::sync::OnceLock<std::collections::HashMap<String, Place>>,
}

impl EmbeddedGazetteer {
    /// Decompress and index the embedded gazetteer (prefer the shared [`embedded`]).
    pub fn load() -> Result<Self, GeoError> {
        let (index, more) = load_embedded()?;
        Ok(EmbeddedGazetteer {
            index,
            more,
            capitals: std::sync::OnceLock::new(),
        })
    }

    /// A gazetteer from another file in the embedded format (zstd-compressed TSV written by
    /// `scripts/build-gazetteer.py`, e.g. a `--min-pop 15000` variant).
    pub fn from_compressed(bytes: &[u8]) -> Result<Self, GeoError> {
        let (index, more) = index::load_compressed(bytes)?;
        Ok(EmbeddedGazetteer {
            index,
            more,
            capitals: std::sync::OnceLock::new(),
        })
    }

    /// This gazetteer plus the user's places (which win close calls: the user added them
    /// for a reason).
    pub fn with_user_places(&self, places: Vec<UserPlace>) -> LayeredGazetteer<'_> {
        LayeredGazetteer {
            base: self,
            user: Index::from_user(&places, lexicon()),
        }
    }

    /// Every place `name` may refer to, most likely first, with its prior score (no text
    /// context). One look-up of the benchmark.
    pub fn lookup(&self, name: &str) -> Vec<(Place, f32)> {
        Layers {
            layers: vec![&self.index, &self.more],
        }
        .lookup_name(name)
    }

    /// Name of a first-level division from its GeoNames code ("SY.09" -> "Aleppo").
    pub fn admin1_name(&self, code: &str) -> Option<&str> {
        self.index.admin1_codes.get(code).map(String::as_str)
    }

    /// Number of places (countries, admin-1 divisions and towns).
    pub fn len(&self) -> usize {
        self.index.records.len() + self.more.records.len()
    }

    /// Whether the gazetteer has no places.
    pub fn is_empty(&self) -> bool {
        self.index.records.is_empty() && self.more.records.is_empty()
    }
}

impl Gazetteer for EmbeddedGazetteer {
    fn locate(&self, text: &str) -> Vec<PlaceMention> {
        Layers {
            layers: vec![&self.index, &self.more],
        }
        .locate(text)
    }

    fn country_name(&self, code: &str) -> Option<&str> {
        self.index
            .countries
            .get(&code.to_ascii_uppercase())
            .map(String::as_str)
    }

    fn countries(&self, text: &str) -> Vec<(String, f32)> {
        Layers {
            layers: vec![&self.index, &self.more],
        }
        .countries(text)
    }

    fn capital(&self, code: &str) -> Option<Place> {
        // (One scan, on the first report that speaks of "the capital"; the most populous
        // capital of a country that has several.)
        let capitals = self.capitals.get_or_init(|| {
            let mut m: std::collections::HashMap<String, Place> = Default::default();
            for r in self.index.records.iter().chain(self.more.records.iter()) {
                if r.capital && r.place.precision == Precision::Town {
                    let e = m
                        .entry(r.place.country_code.clone())
                        .or_insert_with(|| r.place.clone());
                    if r.place.population > e.population {
                        *e = r.place.clone();
                    }
                }
            }
            m
        });
        capitals.get(&code.to_ascii_uppercase()).cloned()
    }
}

/// The embedded gazetteer with the user's places on top.
#[derive(Debug)]
pub struct LayeredGazetteer<'a> {
    base: &'a EmbeddedGazetteer,
    user: Index,
}

impl LayeredGazetteer<'_> {
    /// Number of user places.
    pub fn user_places(&self) -> usize {
        self.user.records.len()
    }
}

impl Gazetteer for LayeredGazetteer<'_> {
    fn locate(&self, text: &str) -> Vec<PlaceMention> {
        Layers {
            layers: vec![&self.base.index, &self.base.more, &self.user],
        }
        .locate(text)
    }

    fn country_name(&self, code: &str) -> Option<&str> {
        self.base.country_name(code)
    }

    fn capital(&self, code: &str) -> Option<Place> {
        self.base.capital(code)
    }

    fn countries(&self, text: &str) -> Vec<(String, f32)> {
        Layers {
            layers: vec![&self.base.index, &self.base.more, &self.user],
        }
        .countries(text)
    }
}

/// Whether two spellings of a name are the same once case, accents, apostrophes and
/// punctuation are set aside ("San Sebastián" = "SAN SEBASTIAN").
pub fn same_name(a: &str, b: &str) -> bool {
    let key = |s: &str| -> String {
        s.split(|c: char| !c.is_alphanumeric() && !normalize::is_quote(c))
            .filter(|w| !w.is_empty())
            .map(normalize::basic)
            .collect::<Vec<_>>()
            .join(" ")
    };
    let (ka, kb) = (key(a), key(b));
    !ka.is_empty() && ka == kb
}

/// The embedded gazetteer, loaded once on first use (about 0.25 s in a release build).
pub fn embedded() -> &'static EmbeddedGazetteer {
    static EMBEDDED: OnceLock<EmbeddedGazetteer> = OnceLock::new();
    EMBEDDED.get_or_init(|| EmbeddedGazetteer::load().expect("the compiled-in gazetteer is valid"))
}

/// The place a report is about, picked the way an extractor should.
///
/// The report's main country is the one its mentions weigh most for: a leading "COUNTRY -"
/// or dateline mention counts 5, other distinct mentions their confidence (country names
/// half of it); ties go to the country named first.
/// With the text ([`primary_place_in`]), a name the gazetteer does not know that the text
/// calls a settlement ("the X settlement") before it names any town of that country comes
/// first. Then, among that country's places, the first at town precision or finer with a
/// confidence of at least 0.3 (else the most confident), else a confident town of another
/// country within 300 km of it ("ISRAEL. ... in Bethlehem"), else its first admin-1 division,
/// else a name the gazetteer does not know that the text places in that country, else the
/// country.
/// A district or landmark named right before the town that holds it ("the Fatih neighborhood
/// of Istanbul", "Orly Airport near Paris") yields the town, as coders of incident data do;
/// the finer place stays among the mentions.
pub fn primary_place(mentions: &[PlaceMention]) -> Option<&PlaceMention> {
    pick_primary(None, mentions)
}

/// [`primary_place`], reading also the words around the mentions in `text` (the text they
/// were found in): a place named as an origin or a destination ("an Israeli from Afula was
/// killed in Jenin") gives way to the place where it happened.
pub fn primary_place_in<'a>(text: &str, mentions: &'a [PlaceMention]) -> Option<&'a PlaceMention> {
    pick_primary(Some(text), mentions)
}

/// The word before byte `at`, lower case, skipping "the".
fn word_before(text: &str, at: usize) -> String {
    let head = text.get(..at).unwrap_or_default();
    let mut words = head
        .split(|c: char| !c.is_alphanumeric())
        .rev()
        .filter(|w| !w.is_empty());
    match words.next().map(str::to_lowercase) {
        Some(w) if w == "the" => words.next().map(str::to_lowercase).unwrap_or_default(),
        Some(w) => w,
        None => String::new(),
    }
}

/// Whether the text calls the mention a settlement: "the town of X", "the village of X",
/// "X village".
fn called_settlement(text: &str, m: &PlaceMention) -> bool {
    let lex = lexicon();
    let head = text.get(..m.start).unwrap_or_default();
    let mut before = head
        .split(|c: char| !c.is_alphanumeric())
        .rev()
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase);
    let of_settlement = before.next().is_some_and(|w| w == "of")
        && before
            .next()
            .is_some_and(|w| lex.settlement_words.contains(&w));
    let after = text
        .get(m.end..)
        .unwrap_or_default()
        .split(|c: char| !c.is_alphanumeric())
        .find(|w| !w.is_empty())
        .map(str::to_lowercase);
    of_settlement || after.is_some_and(|w| lex.settlement_words.contains(&w))
}

fn pick_primary<'a>(text: Option<&str>, mentions: &'a [PlaceMention]) -> Option<&'a PlaceMention> {
    let mut weight: Vec<(&str, f32)> = Vec::new();
    let mut seen: Vec<(&str, &str)> = Vec::new();
    for (k, m) in mentions.iter().enumerate() {
        // A name said again adds nothing (a surname read as a town repeats).
        if seen.contains(&(m.mention.as_str(), m.place.country_code.as_str())) {
            continue;
        }
        seen.push((&m.mention, &m.place.country_code));
        let w = match m.place.precision {
            // "IRAQ - ...", "SAN SALVADOR, 12 JAN 90 (RADIO) -- ...": the dateline.
            _ if k == 0 && m.start <= 2 => 5.0,
            Precision::Country => 0.5 * m.confidence,
            _ => m.confidence,
        };
        match weight
            .iter_mut()
            .find(|(cc, _)| *cc == m.place.country_code)
        {
            Some(e) => e.1 += w,
            None => weight.push((&m.place.country_code, w)),
        }
    }
    let mut main: Option<(&str, f32)> = None;
    for &(cc, w) in &weight {
        if main.is_none_or(|(_, best)| w > best) {
            main = Some((cc, w));
        }
    }
    let main = main?.0;
    let of_main: Vec<(usize, &PlaceMention)> = mentions
        .iter()
        .enumerate()
        .filter(|(_, m)| m.place.country_code == main)
        .collect();
    let fine = |m: &PlaceMention| m.place.precision <= Precision::Town;
    let origin = |m: &PlaceMention| {
        text.is_some_and(|t| lexicon().origin_words.contains(&word_before(t, m.start)))
    };
    // "Mortars were fired at the Neve Dekalim settlement. ... Gaza": a name the gazetteer does
    // not know, which the text calls a settlement before it names any town, is where.
    let first_fine = of_main
        .iter()
        .find(|(_, m)| fine(m) && m.confidence >= 0.3)
        .map_or(usize::MAX, |(_, m)| m.start);
    if let Some(t) = text {
        if let Some(m) = of_main.iter().map(|(_, m)| *m).find(|m| {
            m.start < first_fine
                && m.place.precision == Precision::Country
                && m.confidence < 0.5
                && called_settlement(t, m)
        }) {
            return Some(m);
        }
    }
    let picked = of_main
        .iter()
        .find(|(_, m)| fine(m) && m.confidence >= 0.3 && !origin(m))
        .or_else(|| of_main.iter().find(|(_, m)| fine(m) && m.confidence >= 0.3))
        .or_else(|| {
            of_main
                .iter()
                .filter(|(_, m)| fine(m))
                .max_by(|a, b| a.1.confidence.total_cmp(&b.1.confidence))
        })
        .copied();
    if let Some((k, m)) = picked {
        // The town right after it that holds it.
        if let Some(next) = mentions.get(k + 1) {
            let holds = next.place.precision == Precision::Town
                // "the town of Ariha in Idlib": a place the text calls a town is one.
                && !text.is_some_and(|t| called_settlement(t, m))
                // "Getxo, near Bilbao": a town near another is not part of it (but "Orly
                // Airport near Paris", a facility, is where Paris is).
                && !text.is_some_and(|t| {
                    let gap = t.get(m.end..next.start).unwrap_or_default().to_lowercase();
                    let mut words = gap.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty());
                    let facility = words
                        .clone()
                        .next()
                        .is_some_and(|w| lexicon().facility_words.contains(w));
                    !facility && words.any(|w| matches!(w, "near" | "outside" | "outskirts"))
                })
                && next.place.country_code == m.place.country_code
                && next.place != m.place
                && next.start >= m.end + 4
                && next.start - m.end <= 40
                && next.place.population > m.place.population
                && (locate::within_km(&next.place, &m.place, 40.0)
                    // "the Baladruz district of Baqubah": the text says so.
                    || text.is_some_and(|t| {
                        let gap = t.get(m.end..next.start).unwrap_or_default().to_lowercase();
                        let lex = lexicon();
                        gap.split_whitespace()
                            .any(|w| lex.district_words.contains(w.trim_matches(',')))
                    }));
            // A name the gazetteer does not know, placed inside this one right after it ("the
            // Gaza settlement of Kfar Darom"), is finer.
            let inside = next.place == m.place
                && next.mention != m.mention
                && next.start >= m.end
                && next.start - m.end <= 40
                && next.confidence < m.confidence;
            if holds || inside {
                return Some(next);
            }
        }
        return Some(m);
    }
    // No town of the main country: a confident town just across its border ("ISRAEL.
    // Stones were thrown at a bus in Bethlehem") says where, more than a division or the
    // country does.
    let country = of_main
        .iter()
        .find(|(_, m)| m.place.precision == Precision::Country)
        .map(|(_, m)| &m.place);
    let across = country.and_then(|c| {
        mentions.iter().find(|m| {
            fine(m)
                && m.confidence >= 0.6
                && m.place.country_code != c.country_code
                && locate::within_km(&m.place, c, 300.0)
        })
    });
    if let Some(m) = across {
        return Some(m);
    }
    of_main
        .iter()
        .find(|(_, m)| m.place.precision == Precision::Admin1)
        // A name the gazetteer does not know, placed only by the text's country (its
        // confidence is low), says more than the country's own name.
        .or_else(|| of_main.iter().find(|(_, m)| m.confidence < 0.5))
        .or_else(|| of_main.first())
        .map(|(_, m)| *m)
}

/// The one place where precision maps to other coding schemes.
///
/// | precision | ACLED `geo_precision` | UCDP `where_prec` |
/// |---|---|---|
/// | site | 1 (the named place itself) | 1 (exact location) |
/// | district | 1 | 1 |
/// | town | 1 | 1 |
/// | admin1 | 3 (only a region is known) | 4 (first-order division) |
/// | country | 3 | 6 (only the country) |
///
/// ACLED's 2 ("near" a town) and UCDP's 2, 3, 5 and 7 (within 25 km, second-order
/// division, linear feature, waters) need more than a precision: callers that know an
/// event happened *near* a place may use 2 for both. A second-level division is reported as
/// admin1 (see [`Precision::Admin1`]) and so maps to ACLED 3 and UCDP 4: coarser than UCDP's
/// own 3, never finer than the text supports.
pub fn acled_geo_precision(p: Precision) -> u8 {
    match p {
        Precision::Site | Precision::District | Precision::Town => 1,
        Precision::Admin1 | Precision::Country => 3,
    }
}

/// UCDP GED `where_prec` for a precision (see [`acled_geo_precision`] for the table).
pub fn ucdp_where_prec(p: Precision) -> u8 {
    match p {
        Precision::Site | Precision::District | Precision::Town => 1,
        Precision::Admin1 => 4,
        Precision::Country => 6,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn precision_maps_to_acled_and_ucdp() {
        assert_eq!(acled_geo_precision(Precision::Town), 1);
        assert_eq!(acled_geo_precision(Precision::Admin1), 3);
        assert_eq!(ucdp_where_prec(Precision::Site), 1);
        assert_eq!(ucdp_where_prec(Precision::Admin1), 4);
        assert_eq!(ucdp_where_prec(Precision::Country), 6);
        assert_eq!(Precision::Admin1.as_str(), "admin1");
        assert_eq!(
            serde_json::to_string(&Precision::District).ok().as_deref(),
            Some("\"district\"")
        );
    }
}
