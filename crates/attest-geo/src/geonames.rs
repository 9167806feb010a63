//! Reading GeoNames dumps: `allCountries.txt` or a country file such as `SY.txt` (19
//! tab-separated columns a line) and `alternateNamesV2.txt` (spellings by geonameid).
//!
//! Bad lines do not stop an import: they are returned with their line numbers.

use std::collections::HashMap;
use std::io::BufRead;

use crate::{embedded, GeoError, Precision, UserPlace};

/// A line that could not be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LineError {
    /// 1-based line number.
    pub line: usize,
    /// What is wrong with it.
    pub message: String,
}

/// The result of reading a GeoNames places file.
#[derive(Debug, Clone, Default)]
pub struct GeonamesImport {
    /// The places kept.
    pub places: Vec<UserPlace>,
    /// Lines of feature classes that are not places a report names (rivers, mountains, ...).
    pub skipped: usize,
    /// Malformed lines.
    pub errors: Vec<LineError>,
}

/// Spellings by geonameid, from `alternateNamesV2.txt`.
#[derive(Debug, Clone, Default)]
pub struct AlternateNames {
    /// geonameid -> names.
    pub names: HashMap<i64, Vec<String>>,
    /// Malformed lines.
    pub errors: Vec<LineError>,
}

/// Precision of a GeoNames feature class and code; `None` for features that are not places.
fn precision_of(class: &str, code: &str) -> Option<Precision> {
    match class {
        "A" if code.starts_with("PCL") => Some(Precision::Country),
        "A" if code == "ADM1" || code == "ADM1H" => Some(Precision::Admin1),
        "A" => Some(Precision::District),
        "P" if code == "PPLX" => Some(Precision::District),
        "P" => Some(Precision::Town),
        "L" => Some(Precision::District),
        "S" => Some(Precision::Site),
        _ => None,
    }
}

/// Whether an alternate spelling is worth matching: a Latin-script proper name or Arabic
/// script (other scripts, codes and lower-case romanisations are left out).
fn keep_alias(a: &str) -> bool {
    let letters: Vec<char> = a.chars().filter(|c| c.is_alphabetic()).collect();
    if letters.is_empty() || a.chars().any(|c| c.is_ascii_digit()) {
        return false;
    }
    if letters
        .iter()
        .all(|c| ('\u{0600}'..='\u{06ff}').contains(c))
    {
        return true;
    }
    let latin = letters
        .iter()
        .all(|&c| (c as u32) < 0x250 || ('\u{1e00}'..='\u{1eff}').contains(&c));
    let upper = letters.iter().any(|c| c.is_uppercase());
    latin
        && upper
        && letters.len() >= 3
        && !(a.chars().all(|c| !c.is_lowercase()) && letters.len() <= 4)
}

/// Read a GeoNames places dump (19 tab-separated columns: geonameid, name, asciiname,
/// alternatenames, latitude, longitude, feature class, feature code, country code, cc2,
/// admin1 code, ..., population, ...). Admin-1 codes become names through the embedded
/// gazetteer. Fails only when the reader does.
pub fn parse_geonames(reader: impl BufRead) -> Result<GeonamesImport, GeoError> {
    let base = embedded();
    let mut out = GeonamesImport::default();
    for (n, line) in reader.lines().enumerate() {
        let line = line.map_err(|source| GeoError::Read {
            line: n + 1,
            source,
        })?;
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let f: Vec<&str> = line.split('\t').collect();
        let err = |message: String| LineError {
            line: n + 1,
            message,
        };
        if f.len() < 15 {
            out.errors
                .push(err(format!("{} columns, want 19", f.len())));
            continue;
        }
        let Ok(geonameid) = f[0].trim().parse::<i64>() else {
            out.errors.push(err(format!("bad geonameid {:?}", f[0])));
            continue;
        };
        let (Ok(lat), Ok(lon)) = (f[4].trim().parse::<f64>(), f[5].trim().parse::<f64>()) else {
            out.errors
                .push(err("bad latitude or longitude".to_string()));
            continue;
        };
        if !(-90.0..=90.0).contains(&lat) || !(-180.0..=180.0).contains(&lon) {
            out.errors.push(err("coordinates out of range".to_string()));
            continue;
        }
        let name = f[1].trim();
        let cc = f[8].trim().to_ascii_uppercase();
        if name.is_empty() || cc.len() != 2 {
            out.errors
                .push(err("missing name or country code".to_string()));
            continue;
        }
        let Some(precision) = precision_of(f[6].trim(), f[7].trim()) else {
            out.skipped += 1;
            continue;
        };
        let mut aliases: Vec<String> = Vec::new();
        for a in std::iter::once(f[2]).chain(f[3].split(',')) {
            let a = a.trim();
            if !a.is_empty() && a != name && keep_alias(a) && !aliases.iter().any(|x| x == a) {
                aliases.push(a.to_string());
            }
        }
        let admin1_code = f[10].trim();
        let admin1 = if precision == Precision::Admin1 {
            Some(name.to_string())
        } else {
            base.admin1_name(&format!("{cc}.{admin1_code}"))
                .map(str::to_string)
        };
        out.places.push(UserPlace {
            name: name.to_string(),
            aliases,
            lat,
            lon,
            precision,
            country_code: cc,
            admin1,
            geonameid: Some(geonameid),
            population: f[14].trim().parse().unwrap_or(0),
        });
    }
    Ok(out)
}

/// Read `alternateNamesV2.txt` (alternateNameId, geonameid, isolanguage, alternate name,
/// ...). Links, postal codes and airport codes are left out; so are spellings in scripts
/// other than Latin and Arabic. When `only` is given, names of other geonameids are dropped
/// as they are read (the full file is large).
pub fn parse_alternate_names(
    reader: impl BufRead,
    only: Option<&std::collections::HashSet<i64>>,
) -> Result<AlternateNames, GeoError> {
    let mut out = AlternateNames::default();
    for (n, line) in reader.lines().enumerate() {
        let line = line.map_err(|source| GeoError::Read {
            line: n + 1,
            source,
        })?;
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let f: Vec<&str> = line.split('\t').collect();
        if f.len() < 4 {
            out.errors.push(LineError {
                line: n + 1,
                message: format!("{} columns, want at least 4", f.len()),
            });
            continue;
        }
        let Ok(id) = f[1].trim().parse::<i64>() else {
            out.errors.push(LineError {
                line: n + 1,
                message: format!("bad geonameid {:?}", f[1]),
            });
            continue;
        };
        if only.is_some_and(|s| !s.contains(&id)) {
            continue;
        }
        let lang = f[2].trim();
        if matches!(
            lang,
            "link" | "wkdt" | "post" | "iata" | "icao" | "faac" | "abbr" | "unlc" | "tcid"
        ) {
            continue;
        }
        let name = f[3].trim();
        if keep_alias(name) {
            let v = out.names.entry(id).or_default();
            if !v.iter().any(|x| x == name) {
                v.push(name.to_string());
            }
        }
    }
    Ok(out)
}

/// Add the alternate names to the places they belong to.
pub fn attach_aliases(places: &mut [UserPlace], alternates: &AlternateNames) {
    for p in places {
        let Some(id) = p.geonameid else { continue };
        for a in alternates.names.get(&id).into_iter().flatten() {
            if a != &p.name && !p.aliases.contains(a) {
                p.aliases.push(a.clone());
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn feature_classes_map_to_precision() {
        assert_eq!(precision_of("P", "PPLX"), Some(Precision::District));
        assert_eq!(precision_of("P", "PPLA"), Some(Precision::Town));
        assert_eq!(precision_of("S", "HSP"), Some(Precision::Site));
        assert_eq!(precision_of("A", "ADM1"), Some(Precision::Admin1));
        assert_eq!(precision_of("A", "PCLI"), Some(Precision::Country));
        assert_eq!(precision_of("H", "STM"), None);
    }

    #[test]
    fn aliases_keep_latin_names_and_arabic_only() {
        assert!(keep_alias("Bab an Nayrab"));
        assert!(keep_alias("باب النيرب"));
        assert!(!keep_alias("ALP"));
        assert!(!keep_alias("bab nyrb"));
        assert!(!keep_alias("Баб"));
    }
}
