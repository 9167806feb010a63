//! Reading never fails on text that is not news: word soups of the words the rules key on, with
//! quote marks, brackets and hyphens anywhere (a leading quote mark once made a rule read before
//! the first token). Every span of what comes out must still lie in the text, on character
//! boundaries, and cover some word.

mod common;

use common::{run, test_extractor};

/// Words and marks the readers of actors, counts, places and dates look at.
const WORDS: &[&str] = &[
    "'",
    "\"",
    "(",
    ")",
    "[",
    "]",
    "-",
    ",",
    ".",
    ";",
    "?",
    "the",
    "The",
    "a",
    "an",
    "and",
    "or",
    "no",
    "not",
    "who",
    "was",
    "were",
    "is",
    "has",
    "by",
    "of",
    "in",
    "at",
    "on",
    "from",
    "killed",
    "killing",
    "wounded",
    "injured",
    "dead",
    "bodies",
    "died",
    "claimed",
    "responsibility",
    "blamed",
    "bomb",
    "bombs",
    "exploded",
    "attack",
    "attacked",
    "shot",
    "kidnapped",
    "fired",
    "placed",
    "threw",
    "rockets",
    "grenade",
    "Front",
    "Army",
    "Party",
    "group",
    "members",
    "Workers'",
    "FARC",
    "M-19",
    "19",
    "2",
    "two",
    "three",
    "dozens",
    "year",
    "year-old",
    "old",
    "his",
    "her",
    "daughter",
    "people",
    "including",
    "more",
    "also",
    "another",
    "second",
    "US",
    "it",
    "they",
    "behalf",
    "caller",
    "said",
    "denied",
    "today",
    "yesterday",
    "Monday",
    "May",
    "TODAY",
    "YET",
    "IN",
    "LIMA",
    "THE",
    "CLAIMED",
    "Saraqib",
    "Aleppo",
    "Kyiv",
    "district",
    "village",
    "area",
    "company",
    "newsman",
    "President",
    "issued",
    "communique",
    "all",
];

#[test]
fn word_soups_never_break_the_reading_or_its_evidence() {
    let ex = test_extractor();
    // A fixed linear congruential sequence: the same soups on every run.
    let mut state: u64 = 0x2545_f491_4f6c_dd1d;
    let mut next = |n: usize| {
        state = state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        ((state >> 33) as usize) % n
    };
    let mut read = 0;
    for round in 0..1500 {
        let len = 1 + next(40);
        let mut words: Vec<String> = (0..len)
            .map(|_| WORDS[next(WORDS.len())].to_string())
            .collect();
        if round % 3 == 0 {
            words.iter_mut().for_each(|w| *w = w.to_uppercase());
        }
        let text = words.join(if round % 5 == 0 { "" } else { " " });
        let out = run(&ex, &text, "2016-05-04");
        for inc in &out.incidents {
            for (key, spans) in &inc.evidence {
                assert!(!spans.is_empty(), "{text:?}: {key} has no span");
                for &[a, b] in spans {
                    assert!(a < b && b <= text.len(), "{text:?}: {key} {a}..{b}");
                    assert!(text.is_char_boundary(a) && text.is_char_boundary(b));
                    assert!(
                        text[a..b].chars().any(char::is_alphanumeric),
                        "{text:?}: {key} {a}..{b} covers no word"
                    );
                }
            }
        }
        read += 1;
    }
    assert_eq!(read, 1500);
}
