//! Throughput of attest-geo: one look-up (resolving one candidate name), locating the places
//! of a report, and loading the embedded gazetteer.

use std::hint::black_box;

use attest_geo::{embedded, EmbeddedGazetteer, Gazetteer};
use criterion::{criterion_group, criterion_main, Criterion, Throughput};

const NAMES: &[&str] = &[
    "Aleppo",
    "Bab al-Nairab",
    "Deir al-Zour",
    "Dayr az Zawr",
    "Kharkov",
    "Hodeidah",
    "Mosul",
    "Falluja",
    "Damascus",
    "Tripoli",
    "SAN SALVADOR",
    "Kafr Nabl",
    "Idlib",
    "Baghdad",
    "Ramadi",
    "Kirkuk",
];

const REPORT: &str = "SYRIA - Barrel bombs hit the Bab al-Nairab area of Aleppo on Tuesday, \
    killing 12 people, the Syrian Observatory said. Activists in Idlib province and in Deir \
    ez-Zor reported shelling near Saraqib, while Russian jets struck Douma, east of Damascus.";

fn lookups(c: &mut Criterion) {
    let g = embedded();
    let mut group = c.benchmark_group("lookup");
    group.throughput(Throughput::Elements(NAMES.len() as u64));
    group.bench_function("names", |b| {
        b.iter(|| {
            for n in NAMES {
                black_box(g.lookup(black_box(n)));
            }
        })
    });
    group.finish();
    let mut group = c.benchmark_group("locate");
    group.throughput(Throughput::Bytes(REPORT.len() as u64));
    group.bench_function("report", |b| {
        b.iter(|| black_box(g.locate(black_box(REPORT))))
    });
    group.finish();
}

fn load(c: &mut Criterion) {
    let mut group = c.benchmark_group("load");
    group.sample_size(10);
    group.bench_function("embedded", |b| {
        b.iter(|| black_box(EmbeddedGazetteer::load()))
    });
    group.finish();
}

criterion_group!(benches, lookups, load);
criterion_main!(benches);
