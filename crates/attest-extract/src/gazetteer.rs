//! A small list-backed gazetteer: for tests, examples and as a stand-in where the embedded
//! GeoNames gazetteer of `attest-geo` is not wanted.

use crate::ExtractError;
use attest_geo::{Gazetteer, Place, PlaceMention, Precision};
use std::collections::HashMap;

/// A gazetteer read from tab-separated lines:
/// `name, country code, admin1, lat, lon, precision, population[, aliases separated by |]`.
/// Lines starting with `#` are comments. A `country` row also names its country.
#[derive(Debug, Default)]
pub struct ListGazetteer {
    places: Vec<Place>,
    by_key: HashMap<String, Vec<usize>>,
    countries: HashMap<String, String>,
    max_words: usize,
}

/// Lower case, letters and digits only, single spaces: how names are compared.
fn key(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.chars() {
        if c.is_alphanumeric() {
            if space && !out.is_empty() {
                out.push(' ');
            }
            space = false;
            out.extend(c.to_lowercase());
        } else if c != '\'' && c != '\u{2019}' {
            space = true;
        }
    }
    out
}

impl ListGazetteer {
    /// Reads the list from TSV text.
    pub fn from_tsv(tsv: &str) -> Result<Self, ExtractError> {
        let mut g = ListGazetteer::default();
        for (n, line) in tsv.lines().enumerate() {
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let f: Vec<&str> = line.split('\t').collect();
            let bad = |m: &str| ExtractError::Gazetteer {
                line: n + 1,
                message: m.to_string(),
            };
            if f.len() < 7 {
                return Err(bad("expected at least 7 tab-separated fields"));
            }
            let precision = crate::PrecisionTag::parse(f[5])
                .map_err(|_| bad("unknown precision"))?
                .0;
            let place = Place {
                geonameid: None,
                name: f[0].to_string(),
                admin1: (!f[2].is_empty()).then(|| f[2].to_string()),
                country_code: f[1].to_uppercase(),
                lat: f[3].parse().map_err(|_| bad("bad latitude"))?,
                lon: f[4].parse().map_err(|_| bad("bad longitude"))?,
                precision,
                population: f[6].parse().unwrap_or(0),
                within: f.get(8).filter(|w| !w.is_empty()).map(|w| w.to_string()),
            };
            g.add(place, f.get(7).copied().unwrap_or(""));
        }
        Ok(g)
    }

    /// Adds a place under its name and `|`-separated aliases.
    pub fn add(&mut self, place: Place, aliases: &str) {
        let id = self.places.len();
        if place.precision == Precision::Country {
            self.countries
                .insert(place.country_code.clone(), place.name.clone());
        }
        for name in std::iter::once(place.name.as_str()).chain(aliases.split('|')) {
            let k = key(name);
            if k.len() < 3 {
                continue;
            }
            self.max_words = self.max_words.max(k.split(' ').count());
            let list = self.by_key.entry(k).or_default();
            if !list.contains(&id) {
                list.push(id);
            }
        }
        self.places.push(place);
    }

    /// Number of places.
    pub fn len(&self) -> usize {
        self.places.len()
    }

    /// True when the list is empty.
    pub fn is_empty(&self) -> bool {
        self.places.is_empty()
    }
}

impl Gazetteer for ListGazetteer {
    fn locate(&self, text: &str) -> Vec<PlaceMention> {
        // Word spans.
        let mut words: Vec<(usize, usize)> = Vec::new();
        let mut start = None;
        for (i, c) in text.char_indices() {
            let inword = c.is_alphanumeric() || c == '\'' || c == '\u{2019}';
            match (inword, start) {
                (true, None) => start = Some(i),
                (false, Some(s)) => {
                    words.push((s, i));
                    start = None;
                }
                _ => {}
            }
        }
        if let Some(s) = start {
            words.push((s, text.len()));
        }
        let letters = text.chars().filter(|c| c.is_alphabetic()).count();
        let upper = text.chars().filter(|c| c.is_uppercase()).count();
        let caps = letters > 20 && upper * 10 > letters * 7;
        let mut found: Vec<(usize, usize, &Vec<usize>)> = Vec::new();
        let mut i = 0;
        while i < words.len() {
            let first_cap = text[words[i].0..]
                .chars()
                .next()
                .is_some_and(char::is_uppercase);
            if !first_cap && !caps {
                i += 1;
                continue;
            }
            let mut hit = None;
            for n in (1..=self.max_words.min(words.len() - i)).rev() {
                let (s, e) = (words[i].0, words[i + n - 1].1);
                // Names do not run over sentence ends or commas.
                if text[s..e].contains(['.', ',', '\n', ';', ':']) {
                    continue;
                }
                if let Some(ids) = self.by_key.get(&key(&text[s..e])) {
                    hit = Some((n, s, e, ids));
                    break;
                }
            }
            match hit {
                Some((n, s, e, ids)) => {
                    found.push((s, e, ids));
                    i += n;
                }
                None => i += 1,
            }
        }
        // Context: countries named, and places with one reading, vote for their country.
        let mut votes: HashMap<&str, u32> = HashMap::new();
        for (_, _, ids) in &found {
            if ids.len() == 1 {
                *votes
                    .entry(self.places[ids[0]].country_code.as_str())
                    .or_default() += 1;
            }
        }
        found
            .into_iter()
            .filter_map(|(s, e, ids)| {
                let best = ids.iter().copied().max_by_key(|&id| {
                    let p = &self.places[id];
                    let v = votes.get(p.country_code.as_str()).copied().unwrap_or(0);
                    (v, p.population, std::cmp::Reverse(p.precision))
                })?;
                let alternatives = ids
                    .iter()
                    .filter(|&&id| id != best)
                    .take(3)
                    .map(|&id| self.places[id].clone())
                    .collect::<Vec<_>>();
                Some(PlaceMention {
                    start: s,
                    end: e,
                    mention: text[s..e].to_string(),
                    place: self.places[best].clone(),
                    confidence: if ids.len() == 1 { 0.9 } else { 0.6 },
                    alternatives,
                })
            })
            .collect()
    }

    fn country_name(&self, code: &str) -> Option<&str> {
        self.countries.get(&code.to_uppercase()).map(String::as_str)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const LIST: &str = "Syria\tSY\t\t35\t38\tcountry\t0\nAleppo\tSY\tAleppo\t36.2\t37.16\ttown\t1600000\tHalab\nTripoli\tLY\t\t32.9\t13.2\ttown\t1000000\nTripoli\tLB\t\t34.4\t35.8\ttown\t200000\nLebanon\tLB\t\t33.8\t35.8\tcountry\t0\n";

    #[test]
    fn finds_places_and_uses_context() {
        let g = ListGazetteer::from_tsv(LIST).expect("list");
        let m = g.locate("Shelling hit Aleppo. Later Tripoli, Lebanon was calm.");
        let names: Vec<(&str, &str)> = m
            .iter()
            .map(|m| (m.mention.as_str(), m.place.country_code.as_str()))
            .collect();
        assert_eq!(
            names,
            vec![("Aleppo", "SY"), ("Tripoli", "LB"), ("Lebanon", "LB")]
        );
        assert_eq!(g.country_name("sy"), Some("Syria"));
    }

    #[test]
    fn mixed_case_needs_capitals_upper_case_does_not() {
        let g = ListGazetteer::from_tsv(LIST).expect("list");
        assert!(g
            .locate("the aleppo road is long and winding today")
            .is_empty());
        assert_eq!(
            g.locate("A BOMB EXPLODED IN ALEPPO TODAY, POLICE SAID")
                .len(),
            1
        );
    }

    #[test]
    fn bad_line_is_an_error() {
        assert!(ListGazetteer::from_tsv("Aleppo\tSY\n").is_err());
    }
}
