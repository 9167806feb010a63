//! Place names the gazetteer may not know, found through lexicon cues ("the X area",
//! "the town of X", "in X").

use crate::lexicon::Tag;
use crate::text::{Doc, Kind};
use attest_geo::Precision;

/// A place name found by a cue.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct CuePlace {
    pub(crate) start: usize,
    pub(crate) end: usize,
    pub(crate) mention: String,
    pub(crate) precision: Precision,
    /// Found only after a preposition: weakest evidence.
    pub(crate) weak: bool,
}

fn namey(doc: &Doc, i: usize) -> bool {
    let t = doc.toks[i];
    // In upper-case text any word looks like a name: only words the lexicon does not know
    // (bar name particles) may be one.
    let caps_ok = doc.caps
        && doc.hits(i).iter().all(|h| h.tag == Tag::Connector)
        && !doc.raw(i).ends_with("'S");
    t.kind == Kind::Word
        && (doc.capword(i) || caps_ok)
        && !doc.is(i, |t| {
            matches!(
                t,
                Tag::NotPlace
                    | Tag::Demonym(_)
                    | Tag::Title
                    | Tag::ActorStop
                    | Tag::Month(_)
                    | Tag::Weekday(_)
            )
        })
}

/// Lower-case particles inside names: "Karm al-Jabal", "Jisr ash-Shughur".
fn particle(doc: &Doc, i: usize) -> bool {
    i + 1 < doc.toks.len()
        && doc.is_punct(i + 1, "-")
        && doc.toks[i].kind == Kind::Word
        && doc.low(i).len() <= 3
}

fn run_right(doc: &Doc, j: usize, end: usize) -> usize {
    let mut b = j;
    while b < end && b < j + 5 {
        let hyphen = b > j
            && doc.is_punct(b, "-")
            && b + 1 < end
            && (namey(doc, b + 1) || particle(doc, b + 1));
        let part = particle(doc, b) && b + 2 < end && namey(doc, b + 2);
        // "Port-au-Prince", "Ya-bud": words glued by hyphens are one name.
        let glued = b > j
            && doc.toks[b].start == doc.toks[b - 1].end
            && (doc.is_punct(b, "-") && b + 1 < end && doc.toks[b + 1].start == doc.toks[b].end
                || doc.is_punct(b - 1, "-") && doc.toks[b].kind == Kind::Word);
        if !(namey(doc, b) || hyphen || part || glued) {
            break;
        }
        b += 1;
    }
    while b > j + 1 && doc.is_punct(b - 1, "-") {
        b -= 1;
    }
    b
}

fn run_left(doc: &Doc, k: usize, start: usize) -> usize {
    let mut a = k;
    let max = if doc.caps { 2 } else { 5 };
    while a > start && k - a < max {
        let p = a - 1;
        if namey(doc, p)
            || (doc.is_punct(p, "-") && p > start && (namey(doc, p - 1) || particle(doc, p - 1)))
            || (particle(doc, p) && a < k)
        {
            a = p;
        } else {
            break;
        }
    }
    while a < k && (doc.toks[a].kind != Kind::Word || !namey(doc, a)) {
        a += 1;
    }
    a
}

/// Cue-found place names in tokens `t0..t1`.
pub(crate) fn cue_places(doc: &Doc, t0: usize, t1: usize) -> Vec<CuePlace> {
    let mut out = Vec::new();
    let mut push = |a: usize, b: usize, p: Precision, weak: bool| {
        if a < b {
            let [s, e] = doc.span(a, b);
            out.push(CuePlace {
                start: s,
                end: e,
                mention: doc.text[s..e].to_string(),
                precision: p,
                weak,
            });
        }
    };
    // Every cue is one of these words.
    let cue = |t: Tag| {
        matches!(
            t,
            Tag::PlaceBefore(_) | Tag::PlaceAfter(_) | Tag::PlacePreposition
        )
    };
    let mut i = t0;
    while i < t1 {
        if !doc.hits(i).iter().any(|h| cue(h.tag)) {
            i += 1;
            continue;
        }
        if let Some(h) = doc.find(i, |t| matches!(t, Tag::PlaceBefore(_))) {
            if let Tag::PlaceBefore(p) = h.tag {
                let b = run_right(doc, i + h.len, t1);
                if b > i + h.len {
                    push(i + h.len, b, p.0, false);
                    i = b;
                    continue;
                }
            }
        }
        if let Some(h) = doc.find(i, |t| matches!(t, Tag::PlaceAfter(_))) {
            if let Tag::PlaceAfter(p) = h.tag {
                // Only with a determiner before the name: "the Karm al-Jabal area".
                let a = run_left(doc, i, t0);
                if a < i && a > t0 && doc.is(a - 1, |t| t == Tag::Determiner) {
                    push(a, i, p.0, false);
                }
                i += h.len;
                continue;
            }
        }
        if !doc.caps && doc.is(i, |t| t == Tag::PlacePreposition) && i + 1 < t1 {
            let b = run_right(doc, i + 1, t1);
            if b > i + 1 && b - (i + 1) <= 3 {
                push(i + 1, b, Precision::Town, true);
                i = b;
                continue;
            }
        }
        i += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::Lexicon;

    fn names(text: &str) -> Vec<(String, bool)> {
        let lex = Lexicon::embedded().expect("lexicon");
        let doc = Doc::new(text, &lex);
        cue_places(&doc, 0, doc.toks.len())
            .into_iter()
            .map(|p| (p.mention, p.weak))
            .collect()
    }

    #[test]
    fn hyphen_glued_names_stay_whole() {
        assert_eq!(
            names("shots were fired near the village of Beit-ur-Tahta at night"),
            vec![("Beit-ur-Tahta".to_string(), false)]
        );
    }

    #[test]
    fn area_and_town_cues() {
        assert_eq!(
            names("medics reached the Karm al-Jabal area before dawn"),
            vec![("Karm al-Jabal".to_string(), false)]
        );
        assert_eq!(
            names("shells fell on the village of Kafr Nabl overnight"),
            vec![("Kafr Nabl".to_string(), false)]
        );
        assert_eq!(
            names("Gunmen shot the mayor in Coyaima on Monday"),
            vec![("Coyaima".to_string(), true)]
        );
        assert!(names("he was killed in March by the police").is_empty());
    }
}
