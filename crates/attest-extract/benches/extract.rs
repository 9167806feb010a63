//! Throughput of the whole pipeline over the dev texts (../shared/data/dev/*.jsonl), with the
//! default lexicons and the embedded gazetteer. Prints MB/s per core; skips, saying so, when
//! ../shared is missing.

use attest_extract::{Document, Extractor, Lexicon};
use attest_geo::{EmbeddedGazetteer, Gazetteer, PlaceMention};
use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use std::sync::Arc;
use std::time::Instant;

const DEV: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/data/dev");

struct Embedded(&'static EmbeddedGazetteer);

impl Gazetteer for Embedded {
    fn locate(&self, text: &str) -> Vec<PlaceMention> {
        self.0.locate(text)
    }
    fn country_name(&self, code: &str) -> Option<&str> {
        self.0.country_name(code)
    }
    fn capital(&self, code: &str) -> Option<attest_geo::Place> {
        self.0.capital(code)
    }
}

fn load() -> Vec<(String, Option<String>)> {
    let mut out = Vec::new();
    for set in ["rand_dev", "muc4_dev"] {
        let Ok(text) = std::fs::read_to_string(format!("{DEV}/{set}.jsonl")) else {
            continue;
        };
        for line in text.lines() {
            let Ok(v) = serde_json::from_str::<serde_json::Value>(line) else {
                continue;
            };
            if let Some(t) = v["text"].as_str() {
                out.push((t.to_string(), v["published"].as_str().map(str::to_string)));
            }
        }
    }
    out
}

fn bench(c: &mut Criterion) {
    let docs = load();
    if docs.is_empty() {
        eprintln!("SKIPPED: no dev texts under {DEV} (../shared is missing)");
        return;
    }
    let bytes: usize = docs.iter().map(|d| d.0.len()).sum();
    let ex = Extractor::new(
        Lexicon::embedded().expect("lexicons"),
        Arc::new(Embedded(attest_geo::embedded())),
    );
    let run = || {
        let mut n = 0;
        for (text, published) in &docs {
            let r = ex.extract(&Document {
                text,
                published: published.as_deref(),
                title: None,
            });
            n += r.incidents.len();
        }
        n
    };
    // One plain timed pass, for a figure in MB/s on one core.
    let t = Instant::now();
    let n = run();
    let secs = t.elapsed().as_secs_f64();
    eprintln!(
        "extract: {} reports, {:.2} MB, {n} incidents in {secs:.2} s: {:.1} MB/s on one core",
        docs.len(),
        bytes as f64 / 1e6,
        bytes as f64 / 1e6 / secs
    );
    let mut g = c.benchmark_group("extract");
    g.throughput(Throughput::Bytes(bytes as u64));
    g.sample_size(10);
    g.bench_function("dev_texts", |b| b.iter(run));
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
