//! Times `link` on synthetic mentions (200,000 by default) and prints the figures: wall time,
//! peak memory, candidate incidents and pairwise precision/recall against the generator's truth.
//!
//!     cargo run --release -p attest-link --example bench_link [-- MENTIONS [TOWNS_PER_COUNTRY]]

use attest_link::{link, Constraints, LinkConfig, Mention, MentionKey, SourceInfo};
use attest_model::{Count, DateRange, Incident, Location, ReportId, SourceKind};
use std::collections::HashMap;
use std::time::Instant;

/// A 64-bit LCG: the same mentions on every run.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        self.0 >> 33
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
    fn unit(&mut self) -> f64 {
        self.next() as f64 / (1u64 << 31) as f64
    }
}

const TYPES: [&str; 6] = [
    "air_strike",
    "shelling",
    "bombing",
    "armed_attack",
    "abduction",
    "armed_clash",
];
const TARGETS: [&str; 6] = [
    "hospital",
    "market",
    "school",
    "residential",
    "police",
    "shelter",
];
const COUNTRIES: [(&str, f64, f64); 5] = [
    ("SY", 35.0, 38.0),
    ("IQ", 33.5, 43.5),
    ("YE", 15.0, 45.0),
    ("UA", 48.5, 33.0),
    ("SD", 14.0, 30.0),
];

fn date(day: i64) -> String {
    // Civil date from days since 1970-01-01 (Howard Hinnant's civil_from_days).
    let z = day + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!("{y:04}-{m:02}-{d:02}")
}

fn synthetic(n: usize, towns_per_country: usize) -> (Vec<Mention>, HashMap<MentionKey, usize>) {
    let mut rng = Lcg(42);
    // Towns spread over about 4 x 6 degrees of each country.
    let towns: Vec<(usize, f64, f64)> = (0..COUNTRIES.len() * towns_per_country)
        .map(|i| {
            let (_, lat, lon) = COUNTRIES[i / towns_per_country];
            (
                i / 40,
                lat + rng.unit() * 4.0 - 2.0,
                lon + rng.unit() * 6.0 - 3.0,
            )
        })
        .collect();
    let start_day = 16_800; // early 2016
    let mut mentions = Vec::with_capacity(n);
    let mut truth = HashMap::with_capacity(n);
    let mut incident = 0usize;
    let mut report = 0i64;
    while mentions.len() < n {
        let town = &towns[rng.below(towns.len() as u64) as usize];
        let day = start_day + rng.below(3 * 365) as i64;
        let event = TYPES[rng.below(TYPES.len() as u64) as usize];
        let target = TARGETS[rng.below(TARGETS.len() as u64) as usize];
        let killed = 1 + rng.below(40) as u32;
        let copies = 1 + rng.below(5) as usize;
        for _ in 0..copies {
            if mentions.len() >= n {
                break;
            }
            report += 1;
            let shift = if rng.below(4) == 0 { 1 } else { 0 };
            let coarse = rng.below(20) == 0;
            let d = date(day + shift);
            let k = (f64::from(killed) * (0.8 + rng.unit() * 0.4)).round() as u32;
            let (lat, lon) = (town.1 + rng.unit() * 0.02, town.2 + rng.unit() * 0.02);
            let key = MentionKey::new(ReportId(report), 0);
            truth.insert(key, incident);
            mentions.push(Mention {
                key,
                external_id: format!("syn-{report}"),
                source: SourceInfo {
                    name: format!("outlet-{}", rng.below(300)),
                    kind: SourceKind::Outlet,
                    leaning: None,
                },
                published: Some(date(day + 1)),
                incident: Incident {
                    event_type: event.to_string(),
                    targets: if rng.below(3) == 0 {
                        vec![]
                    } else {
                        vec![target.to_string()]
                    },
                    date: DateRange {
                        start: Some(d.clone()),
                        end: Some(d),
                        precision: Some("day".into()),
                    },
                    location: Some(Location {
                        mention: format!("town-{}", town.0),
                        name: None,
                        admin1: Some(format!("region-{}-{}", town.0, (lat * 2.0) as i64)),
                        country: None,
                        country_code: Some(COUNTRIES[town.0].0.to_string()),
                        lat: (!coarse).then_some(lat),
                        lon: (!coarse).then_some(lon),
                        precision: Some(if coarse { "admin1" } else { "town" }.into()),
                        geonameid: None,
                    }),
                    killed: Count::exact(k),
                    ..Incident::default()
                },
                target_names: Vec::new(),
            });
        }
        incident += 1;
    }
    (mentions, truth)
}

fn peak_rss_mb() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

fn main() {
    let n: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(200_000);
    // Fewer towns make denser, harder data (the default, 40 per country, is about one incident
    // per town every four days).
    let towns: usize = std::env::args()
        .nth(2)
        .and_then(|a| a.parse().ok())
        .filter(|t| *t > 0)
        .unwrap_or(40);
    let cfg = LinkConfig::default();
    let t = Instant::now();
    let (mentions, truth) = synthetic(n, towns);
    println!(
        "generated {} synthetic mentions in {:.2} s (peak RSS {:.0} MB)",
        mentions.len(),
        t.elapsed().as_secs_f64(),
        peak_rss_mb().unwrap_or(f64::NAN)
    );
    let t = Instant::now();
    let clusters = link(&mentions, &cfg, &Constraints::default());
    let secs = t.elapsed().as_secs_f64();
    // Pairwise figures against the generator's incidents, counted per cluster and per incident.
    let mut predicted = 0u64;
    let mut true_pos = 0u64;
    for c in &clusters {
        let n = c.mentions.len() as u64;
        predicted += n * (n - 1) / 2;
        let mut per: HashMap<usize, u64> = HashMap::new();
        for k in &c.mentions {
            *per.entry(truth[k]).or_default() += 1;
        }
        true_pos += per.values().map(|m| m * (m - 1) / 2).sum::<u64>();
    }
    let mut sizes: HashMap<usize, u64> = HashMap::new();
    for i in truth.values() {
        *sizes.entry(*i).or_default() += 1;
    }
    let gold: u64 = sizes.values().map(|m| m * (m - 1) / 2).sum();
    println!(
        "linked {} mentions into {} incidents in {:.2} s on {} threads; peak RSS {:.0} MB",
        mentions.len(),
        clusters.len(),
        secs,
        rayon::current_num_threads(),
        peak_rss_mb().unwrap_or(f64::NAN)
    );
    println!(
        "synthetic pairwise precision {:.3}, recall {:.3}",
        true_pos as f64 / predicted.max(1) as f64,
        true_pos as f64 / gold.max(1) as f64
    );
}
