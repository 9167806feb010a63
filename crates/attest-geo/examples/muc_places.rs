//! Recall of MUC-4 dev places (upper-case wire text): for each incident with a place, whether
//! any mention of the document names it (any segment of the key's location counts), and
//! whether the country found first is the gold one.
//! `cargo run -p attest-geo --example muc_places --release`

#[path = "../tests/support/rand_eval.rs"]
#[allow(dead_code, unreachable_pub)]
mod rand_eval;

use std::path::Path;

use attest_geo::{embedded, primary_place, Gazetteer};

fn main() {
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data/dev/muc4_dev.jsonl");
    let Ok(text) = std::fs::read_to_string(&path) else {
        eprintln!("../shared/data/dev/muc4_dev.jsonl is missing");
        return;
    };
    let g = embedded();
    let (mut n, mut any, mut prim, mut cn, mut cok) = (0, 0, 0, 0, 0);
    for line in text.lines() {
        let Ok(v) = serde_json::from_str::<serde_json::Value>(line) else {
            continue;
        };
        let doc = v["text"].as_str().unwrap_or_default();
        let Some(incs) = v["gold"]["incidents"].as_array() else {
            continue;
        };
        if incs.is_empty() {
            continue;
        }
        let ms = g.locate(doc);
        let p = primary_place(&ms);
        if let Some(cc) = incs[0]["country_code"].as_str() {
            cn += 1;
            let got = p
                .map(|m| m.place.country_code.clone())
                .or_else(|| g.countries(doc).first().map(|c| c.0.clone()));
            if got.as_deref() == Some(cc) {
                cok += 1;
            } else if std::env::args().any(|a| a == "--country-misses") {
                let all: Vec<String> = ms
                    .iter()
                    .take(12)
                    .map(|m| {
                        format!(
                            "{}={}/{}/{:.2}",
                            m.mention, m.place.name, m.place.country_code, m.confidence
                        )
                    })
                    .collect();
                println!("CMISS gold={cc} got={got:?} | {}", all.join(" ; "));
            }
        }
        for inc in incs {
            let Some(place) = inc["place"].as_str() else {
                continue;
            };
            let mut golds = vec![rand_eval::norm_place(place)];
            if let Some(loc) = inc["raw"]["INCIDENT: LOCATION"][0].as_str() {
                for seg in loc.split([':', '-']) {
                    let seg = seg.split('(').next().unwrap_or_default();
                    golds.push(rand_eval::norm_place(seg));
                }
            }
            n += 1;
            let hit = |m: &attest_geo::PlaceMention| {
                golds.iter().any(|gn| {
                    !gn.is_empty()
                        && (rand_eval::norm_place(&m.place.name) == *gn
                            || rand_eval::norm_place(&m.mention) == *gn)
                })
            };
            if ms.iter().any(hit) {
                any += 1;
            }
            if p.is_some_and(hit) {
                prim += 1;
            }
        }
    }
    println!(
        "MUC-4 dev: {n} incidents with a place; named among the mentions {:.3}, by the primary place {:.3}; country of the first incident {:.3} ({cok}/{cn})",
        any as f64 / n.max(1) as f64,
        prim as f64 / n.max(1) as f64,
        cok as f64 / cn.max(1) as f64
    );
}
