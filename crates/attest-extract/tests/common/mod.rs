#![allow(dead_code, unreachable_pub)]
//! Helpers shared by the integration tests.

use attest_extract::{Document, Extraction, Extractor, Lexicon, ListGazetteer};
use attest_model::Incident;
use std::sync::Arc;

/// The repository's `fixtures/extract/` directory.
pub fn fixtures() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/extract")
}

/// An extractor with the embedded lexicons and the test gazetteer of the fixtures.
pub fn test_extractor() -> Extractor {
    let tsv = std::fs::read_to_string(fixtures().join("gazetteer.tsv")).expect("test gazetteer");
    let gaz = ListGazetteer::from_tsv(&tsv).expect("test gazetteer parses");
    Extractor::new(Lexicon::embedded().expect("lexicons"), Arc::new(gaz))
}

/// Reads a fixture report.
pub fn fixture(name: &str) -> String {
    std::fs::read_to_string(fixtures().join(name)).expect("fixture exists")
}

/// Extracts `text` published on `published`.
pub fn run(ex: &Extractor, text: &str, published: &str) -> Extraction {
    ex.extract(&Document {
        text,
        published: Some(published),
        title: None,
    })
}

/// Checks every evidence span of every incident: inside the text, on char boundaries, non-empty,
/// and containing the words of the value it supports.
pub fn check_evidence(text: &str, incidents: &[Incident]) {
    for inc in incidents {
        for (key, spans) in &inc.evidence {
            assert!(!spans.is_empty(), "{key}: no spans");
            for &[s, e] in spans {
                assert!(
                    s < e && e <= text.len(),
                    "{key}: span {s}..{e} outside the text"
                );
                assert!(
                    text.is_char_boundary(s) && text.is_char_boundary(e),
                    "{key}: span {s}..{e} not on char boundaries"
                );
            }
            let joined: String = spans
                .iter()
                .map(|&[s, e]| text[s..e].to_lowercase())
                .collect::<Vec<_>>()
                .join(" | ");
            let has = |w: &str| joined.contains(&w.to_lowercase());
            match key.as_str() {
                "location" => {
                    let m = &inc
                        .location
                        .as_ref()
                        .expect("location evidence without location")
                        .mention;
                    assert!(has(m), "location span {joined:?} lacks {m:?}");
                }
                "killed" | "injured" => {
                    let c = if key == "killed" {
                        inc.killed
                    } else {
                        inc.injured
                    };
                    assert!(!c.is_unknown(), "{key} evidence without a count");
                    // A count written in digits shows its digits.
                    if let Some(n) = c.low.filter(|n| *n > 0) {
                        let digits = joined.chars().any(|ch| ch.is_ascii_digit());
                        assert!(
                            !digits || joined.contains(&n.to_string()) || spans.len() > 1,
                            "{key} span {joined:?} lacks {n}"
                        );
                    }
                }
                "perpetrators" => {
                    for p in &inc.perpetrators {
                        assert!(
                            has(&p.name),
                            "perpetrator span {joined:?} lacks {:?}",
                            p.name
                        );
                    }
                }
                "cited_sources" => {
                    for c in &inc.cited_sources {
                        assert!(has(&c.name), "source span {joined:?} lacks {:?}", c.name);
                    }
                }
                "claims" => {
                    for c in &inc.claims {
                        let last = c.speaker.split_whitespace().last().unwrap_or("");
                        let in_text = c.text.to_lowercase().contains(&last.to_lowercase());
                        assert!(in_text, "claim text lacks the speaker {:?}", c.speaker);
                    }
                }
                // Each disputed toll is a statement of its own, with its figure.
                "killed_disputed" | "injured_disputed" => {
                    assert!(spans.len() >= 2, "{key}: one statement is no dispute");
                    assert!(
                        joined.chars().any(char::is_alphanumeric),
                        "{key}: empty words"
                    );
                }
                "event_type" | "weapons" | "targets" | "date" => {
                    assert!(
                        joined.chars().any(char::is_alphanumeric),
                        "{key}: empty words"
                    );
                }
                other => panic!("unknown evidence key {other}"),
            }
        }
    }
}
