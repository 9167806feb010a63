//! Place and country accuracy of the embedded gazetteer on ../shared RAND dev.
//!
//! `cargo run -p attest-geo --example rand_places --release [-- --misses N] [--country-misses]
//! [--gazetteer FILE.tsv.zst]`

#[path = "../tests/support/rand_eval.rs"]
#[allow(dead_code, unreachable_pub)]
mod rand_eval;

use std::time::Instant;

use attest_geo::{embedded, EmbeddedGazetteer, Gazetteer};

fn main() {
    let Some(path) = rand_eval::rand_dev_path() else {
        eprintln!("../shared/data/dev/rand_dev.jsonl is missing: nothing to evaluate");
        return;
    };
    let misses: usize = std::env::args()
        .skip_while(|a| a != "--misses")
        .nth(1)
        .and_then(|n| n.parse().ok())
        .unwrap_or(0);
    let t = Instant::now();
    let other = std::env::args()
        .skip_while(|a| a != "--gazetteer")
        .nth(1)
        .map(|p| {
            let bytes = std::fs::read(&p).expect("readable gazetteer file");
            EmbeddedGazetteer::from_compressed(&bytes).expect("a gazetteer in the embedded format")
        });
    let g = match &other {
        Some(g) => g,
        None => embedded(),
    };
    eprintln!("load: {:?}", t.elapsed());
    let gold = rand_eval::read_gold(&path);
    let mut shown = 0;
    let t = Instant::now();
    let s = rand_eval::evaluate(g as &dyn Gazetteer, &gold, |row, picked| {
        if shown < misses {
            shown += 1;
            let text: String = row.text.chars().take(160).collect();
            println!(
                "MISS {} gold={:?}/{:?} got={:?} | {}",
                row.id,
                row.place,
                row.country_code,
                picked.map(|m| format!(
                    "{} -> {} {} {:?} {:.2}",
                    m.mention, m.place.name, m.place.country_code, m.place.precision, m.confidence
                )),
                text
            );
        }
    });
    eprintln!("locate {} reports: {:?}", gold.len(), t.elapsed());
    if std::env::args().any(|a| a == "--country-misses") {
        for row in &gold {
            let mentions = g.locate(&row.text);
            let picked = rand_eval::pick(&row.text, &mentions);
            let got = rand_eval::country(g, &row.text, &mentions, picked);
            if row.country_code.is_some() && got != row.country_code {
                let text: String = row.text.chars().take(150).collect();
                println!(
                    "CMISS {} gold={:?} got={:?} via={:?} | {}",
                    row.id,
                    row.country_code,
                    got,
                    picked.map(|m| &m.mention),
                    text
                );
            }
        }
    }
    println!(
        "RAND dev: country_acc {:.4} ({}/{}), place_acc {:.4} ({}/{})",
        s.country_acc(),
        s.country_ok,
        s.country_n,
        s.place_acc(),
        s.place_ok,
        s.place_n
    );
}
