//! Throughput of `locate` over whole texts of the dev sets (../shared/data/dev/*.jsonl), per set:
//! `cargo run -p attest-geo --example locate_speed --release [-- ROUNDS]`.

use std::time::Instant;

use attest_geo::{embedded, Gazetteer};

fn main() {
    let rounds: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(3);
    let dev = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/data/dev");
    let g = embedded();
    for set in ["rand_dev", "muc4_dev"] {
        let Ok(file) = std::fs::read_to_string(format!("{dev}/{set}.jsonl")) else {
            eprintln!("{set}: missing");
            continue;
        };
        let texts: Vec<String> = file
            .lines()
            .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
            .filter_map(|v| v["text"].as_str().map(str::to_string))
            .collect();
        let bytes: usize = texts.iter().map(String::len).sum();
        let mut best = f64::MAX;
        let mut n = 0;
        for _ in 0..rounds {
            let t = Instant::now();
            n = texts.iter().map(|t| g.locate(t).len()).sum::<usize>();
            best = best.min(t.elapsed().as_secs_f64());
        }
        println!(
            "{set}: {} texts, {:.2} MB, {n} mentions, {:.3} s: {:.1} MB/s",
            texts.len(),
            bytes as f64 / 1e6,
            best,
            bytes as f64 / 1e6 / best
        );
    }
}
