//! Print the place mentions and countries of a text: `cargo run -p attest-geo --example locate -- "TEXT"`.

use attest_geo::{embedded, primary_place, Gazetteer};

fn main() {
    let text = std::env::args().skip(1).collect::<Vec<_>>().join(" ");
    let g = embedded();
    let mentions = g.locate(&text);
    for m in &mentions {
        println!(
            "{}..{} {:?} -> {} ({}, {:?}) {} {:.4},{:.4} conf {:.2}; alternatives: {}",
            m.start,
            m.end,
            m.mention,
            m.place.name,
            m.place.country_code,
            m.place.admin1,
            m.place.precision.as_str(),
            m.place.lat,
            m.place.lon,
            m.confidence,
            m.alternatives
                .iter()
                .map(|p| format!("{} {}", p.name, p.country_code))
                .collect::<Vec<_>>()
                .join("; ")
        );
    }
    println!(
        "primary: {:?}",
        primary_place(&mentions).map(|m| &m.mention)
    );
    println!("countries: {:?}", g.countries(&text));
}
