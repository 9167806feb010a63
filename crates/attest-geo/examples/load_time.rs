//! Time to load the embedded gazetteer N times (default 5):
//! `cargo run -p attest-geo --example load_time --release [-- N]`.

use std::time::Instant;

fn main() {
    let n: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(5);
    for _ in 0..n {
        let t = Instant::now();
        let g = attest_geo::EmbeddedGazetteer::load().expect("the embedded gazetteer loads");
        let took = t.elapsed();
        let rss = std::fs::read_to_string("/proc/self/status")
            .ok()
            .and_then(|s| {
                s.lines()
                    .find(|l| l.starts_with("VmRSS"))
                    .map(str::to_string)
            })
            .unwrap_or_default();
        println!("load: {took:?} ({} places); {rss}", g.len());
    }
}
