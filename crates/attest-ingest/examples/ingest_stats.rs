//! Reads the files named on the command line (`-` for standard input) and prints what was
//! read: one line per report or error, then totals. Used to measure throughput and memory:
//!
//! ```text
//! cargo run --release -p attest-ingest --example ingest_stats -- --quiet big.jsonl
//! ```

use attest_ingest::{read_paths, Options};
use std::path::PathBuf;
use std::time::Instant;

fn main() {
    let mut quiet = false;
    let mut paths = Vec::new();
    for arg in std::env::args().skip(1) {
        if arg == "--quiet" {
            quiet = true;
        } else {
            paths.push(PathBuf::from(arg));
        }
    }
    let started = Instant::now();
    let (mut reports, mut errors, mut bytes, mut chars) = (0u64, 0u64, 0u64, 0u64);
    for item in read_paths(&paths, &Options::default()) {
        match item {
            Ok(r) => {
                reports += 1;
                bytes += r.original.len() as u64;
                chars += r.text.chars().count() as u64;
                if !quiet {
                    println!(
                        "{}\t{}\t{}\t{}\t{}",
                        r.origin,
                        r.format,
                        r.external_id,
                        r.published.as_deref().unwrap_or("-"),
                        r.title.as_deref().unwrap_or("-")
                    );
                }
            }
            Err(e) => {
                errors += 1;
                if !quiet {
                    println!("error\t{e}");
                }
            }
        }
    }
    let secs = started.elapsed().as_secs_f64();
    eprintln!(
        "{reports} reports, {errors} errors, {bytes} original bytes, {chars} text chars in {secs:.2} s ({:.1} MB/s, {:.0} reports/s)",
        bytes as f64 / 1e6 / secs.max(1e-9),
        reports as f64 / secs.max(1e-9)
    );
}
