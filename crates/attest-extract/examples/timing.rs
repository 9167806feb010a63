//! Development tool: where the time goes (gazetteer vs the rest) over a JSONL file of texts.

use attest_extract::{Document, Extractor, Lexicon, ListGazetteer};
use attest_geo::Gazetteer;
use std::io::BufRead;
use std::sync::Arc;
use std::time::Instant;

struct Embedded(&'static attest_geo::EmbeddedGazetteer);

impl Gazetteer for Embedded {
    fn locate(&self, text: &str) -> Vec<attest_geo::PlaceMention> {
        self.0.locate(text)
    }
    fn country_name(&self, code: &str) -> Option<&str> {
        self.0.country_name(code)
    }
    fn capital(&self, code: &str) -> Option<attest_geo::Place> {
        self.0.capital(code)
    }
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut docs = Vec::new();
    for line in std::io::stdin().lock().lines() {
        let v: serde_json::Value = serde_json::from_str(&line?)?;
        docs.push((
            v["text"].as_str().unwrap_or("").to_string(),
            v["published"].as_str().map(str::to_string),
        ));
    }
    let bytes: usize = docs.iter().map(|d| d.0.len()).sum();
    let mb = bytes as f64 / 1e6;
    if std::env::var_os("SKIP_GAZETTEER").is_none() {
        let gaz = attest_geo::embedded();
        let t = Instant::now();
        let n: usize = docs.iter().map(|d| gaz.locate(&d.0).len()).sum();
        let g = t.elapsed().as_secs_f64();
        eprintln!("gazetteer locate: {n} mentions, {:.1} MB/s", mb / g);
    }
    let gaz: Arc<dyn Gazetteer> = if std::env::var_os("WITH_GAZETTEER").is_some() {
        Arc::new(Embedded(attest_geo::embedded()))
    } else {
        Arc::new(ListGazetteer::default())
    };
    let ex = Extractor::new(Lexicon::embedded()?, gaz);
    let t = Instant::now();
    let n: usize = docs
        .iter()
        .map(|d| {
            ex.extract(&Document {
                text: &d.0,
                published: d.1.as_deref(),
                title: None,
            })
            .incidents
            .len()
        })
        .sum();
    let e = t.elapsed().as_secs_f64();
    eprintln!("extract: {n} incidents, {:.1} MB/s", mb / e);
    Ok(())
}
