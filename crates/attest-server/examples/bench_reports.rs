//! Writes synthetic reports as JSON Lines (the `attest ingest` input), each describing a
//! distinct incident: a town of `bench-places.tsv`, a day, an event and a toll. Used by
//! `scripts/bench-api` to fill a store with 100,000 incidents.
//!
//! `cargo run --release -p attest-server --example bench_reports -- 100000 > reports.jsonl`

use std::io::{BufWriter, Write};

const PLACES: &str = include_str!("bench-places.tsv");

/// What happened, as a report would put it (event phrase, with a killing clause after).
const EVENTS: &[&str] = &[
    "An air strike hit a market in",
    "Shelling struck apartment blocks in",
    "A car bomb exploded near a checkpoint in",
    "A drone strike hit a vehicle in",
];
const MONTHS: &[&str] = &[
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// A day `n` days after 1 January 2000, as (year, month 1-12, day).
fn civil(n: i64) -> (i64, usize, i64) {
    // Days-to-civil after Howard Hinnant's algorithm.
    let z = n + 730_425;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, m as usize, d)
}

fn main() -> std::io::Result<()> {
    let n: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(100_000);
    let places: Vec<(&str, &str)> = PLACES
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .filter_map(|l| l.split_once('\t'))
        .collect();
    let out = std::io::stdout();
    let mut out = BufWriter::new(out.lock());
    for i in 0..n {
        let (town, country) = places[i % places.len()];
        // Each town gets an incident every third day: no two are close enough to be linked.
        let day = (i / places.len()) as i64 * 3;
        let (y, m, d) = civil(day);
        let event = EVENTS[(i / 7) % EVENTS.len()];
        let killed = 2 + (i * 7919) % 60;
        let injured = killed + (i * 31) % 40;
        let text = format!(
            "{event} {town}, {country}, on {d} {} {y}, killing {killed} people and wounding {injured} others, local officials said. Residents said rescue teams searched the rubble through the night.",
            MONTHS[m - 1]
        );
        let line = serde_json::json!({
            "id": format!("bench-{i}"),
            "source": format!("Bench Wire {}", i % 23),
            "published": format!("{y:04}-{m:02}-{d:02}"),
            "title": format!("Deadly attack in {town}"),
            "text": text,
        });
        writeln!(out, "{line}")?;
    }
    out.flush()
}
