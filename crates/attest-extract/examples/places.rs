//! Development tool: prints the embedded gazetteer's place mentions for the text on stdin.

use attest_geo::Gazetteer;
use std::io::Read;

fn main() -> std::io::Result<()> {
    let mut text = String::new();
    std::io::stdin().read_to_string(&mut text)?;
    for m in attest_geo::embedded().locate(&text) {
        println!(
            "{}..{} {:?} -> {} ({}, {:?}, {}) conf {:.2}",
            m.start,
            m.end,
            m.mention,
            m.place.name,
            m.place.country_code,
            m.place.precision,
            m.place.population,
            m.confidence
        );
    }
    Ok(())
}
