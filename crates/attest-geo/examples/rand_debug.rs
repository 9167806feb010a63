//! For each RAND dev place miss, whether the gold place was among the mentions (a picking
//! problem) or not (a matching problem). `cargo run -p attest-geo --example rand_debug --release`

#[path = "../tests/support/rand_eval.rs"]
#[allow(dead_code, unreachable_pub)]
mod rand_eval;

use attest_geo::{embedded, Gazetteer};

fn main() {
    let Some(path) = rand_eval::rand_dev_path() else {
        eprintln!("../shared/data/dev/rand_dev.jsonl is missing");
        return;
    };
    let g = embedded();
    for row in rand_eval::read_gold(&path) {
        let Some(gold) = &row.place else { continue };
        let gn = rand_eval::norm_place(gold);
        let ms = g.locate(&row.text);
        let picked = rand_eval::pick(&row.text, &ms);
        let ok = |m: &attest_geo::PlaceMention| {
            rand_eval::norm_place(&m.place.name) == gn || rand_eval::norm_place(&m.mention) == gn
        };
        if picked.is_some_and(ok) {
            continue;
        }
        let kind = if ms.iter().any(ok) { "PICK" } else { "FIND" };
        let all: Vec<String> = ms
            .iter()
            .map(|m| {
                format!(
                    "{}={}/{}/{}/{:.2}",
                    m.mention,
                    m.place.name,
                    m.place.country_code,
                    m.place.precision.as_str(),
                    m.confidence
                )
            })
            .collect();
        let text: String = row.text.chars().take(200).collect();
        println!(
            "{kind} {} gold={gold} | {} | {}",
            row.id,
            all.join(" ; "),
            text
        );
    }
}
