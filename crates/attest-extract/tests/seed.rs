//! Acceptance test on the seed page (../shared/seed/, published 2016-04-28), read at test time.
//! Skips, saying so, when ../shared is missing.

mod common;

use attest_extract::{Document, Extractor, Lexicon};
use attest_geo::{EmbeddedGazetteer, Gazetteer, PlaceMention};
use std::sync::Arc;

const SEED: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../../shared/seed/000_d0a73eaa55fd6ca0.txt"
);

struct Embedded(&'static EmbeddedGazetteer);

impl Gazetteer for Embedded {
    fn locate(&self, text: &str) -> Vec<PlaceMention> {
        self.0.locate(text)
    }
    fn country_name(&self, code: &str) -> Option<&str> {
        self.0.country_name(code)
    }
    fn capital(&self, code: &str) -> Option<attest_geo::Place> {
        self.0.capital(code)
    }
}

#[test]
fn seed_page() {
    let Ok(text) = std::fs::read_to_string(SEED) else {
        eprintln!("SKIPPED: the seed page {SEED} is missing (../shared is not there)");
        return;
    };
    let ex = Extractor::new(
        Lexicon::embedded().expect("lexicons"),
        Arc::new(Embedded(attest_geo::embedded())),
    );
    let out = ex.extract(&Document {
        text: &text,
        published: Some("2016-04-28"),
        title: None,
    });
    assert!(out.graphic, "the content warning sets graphic");
    common::check_evidence(&text, &out.incidents);

    // Main incident: the air strike on the hospital in Aleppo.
    let main = &out.incidents[0];
    assert_eq!(main.event_type, "air_strike");
    assert!(main.targets.contains(&"hospital".to_string()));
    let loc = main.location.as_ref().expect("a location");
    assert_eq!(loc.name.as_deref(), Some("Aleppo"));
    assert_eq!(loc.country.as_deref(), Some("Syria"));
    assert_eq!(main.killed.low, Some(55));
    assert_eq!(main.injured.low, Some(60));
    let kerry = main
        .claims
        .iter()
        .find(|c| c.speaker.contains("Kerry"))
        .expect("Kerry's claim");
    assert_eq!(kerry.stance, "accuses");
    assert_eq!(kerry.speaker_role.as_deref(), Some("US Secretary of State"));
    assert_eq!(kerry.actor.as_deref(), Some("Syrian forces"));
    let official = main
        .claims
        .iter()
        .find(|c| c.speaker.contains("Syrian military official"))
        .expect("the Syrian official's claim");
    assert_eq!(official.stance, "denies");
    let kon = main
        .claims
        .iter()
        .find(|c| c.speaker.contains("Konashenkov"))
        .expect("Konashenkov's claim");
    assert_eq!(kon.stance, "denies");
    assert!(kon
        .actor
        .as_deref()
        .is_some_and(|a| a.contains("Russian planes")));

    // The wave of air strikes, artillery and barrel bombs: dozens killed.
    let wave = out
        .incidents
        .iter()
        .find(|i| i.weapons.contains(&"barrel_bomb".to_string()))
        .expect("the wave of strikes");
    assert!(wave.killed.low.is_some_and(|k| k >= 24));
    assert!(wave.weapons.contains(&"artillery".to_string()));

    // The rescue in Bar al-Nairab: one injured baby.
    let rescue = out
        .incidents
        .iter()
        .find(|i| {
            i.location
                .as_ref()
                .is_some_and(|l| l.mention.contains("Nairab"))
        })
        .expect("the rescue in Bar al-Nairab");
    assert_eq!(rescue.injured.low, Some(1));

    // The cited outlet and its description.
    let halab = out
        .incidents
        .iter()
        .flat_map(|i| i.cited_sources.iter())
        .find(|s| s.name == "Halab News Network")
        .expect("Halab News Network is cited");
    assert!(halab
        .description
        .as_deref()
        .is_some_and(|d| d.contains("pro-opposition")));

    // Nothing from the donation appeal or the comment prompts.
    for inc in &out.incidents {
        for spans in inc.evidence.values() {
            for &[s, e] in spans {
                let words = &text[s..e];
                assert!(
                    !words.contains("Independent") && !words.contains("comment"),
                    "{words}"
                );
            }
        }
        for c in &inc.claims {
            assert!(!c.text.contains("Independent") && !c.text.contains("donation"));
        }
    }
}
