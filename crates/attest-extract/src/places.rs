//! Place names the gazetteer may not know, found through lexicon cues ("the X area",
//! "the town of X", "in X").

use crate::lexicon::{Lexicon, Tag};
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
    /// A facility whose name ends in its noun ("the Kabul airport").
    pub(crate) facility: bool,
    /// The cue names a part of a town ("the X neighborhood", "the residential district of X").
    pub(crate) part: bool,
    /// The country of the place the name was read as before it was found longer ("San Luis" of
    /// "San Luis de la Reina").
    pub(crate) country: Option<String>,
}

fn namey(doc: &Doc, lex: &Lexicon, i: usize) -> bool {
    let t = doc.toks[i];
    // In upper-case text any word looks like a name: only words the lexicon does not know
    // (bar name particles), and that do not end like an English adjective, may be one.
    let caps_ok = doc.caps
        && doc.hits(i).iter().all(|h| h.tag == Tag::Connector)
        && !lex
            .descriptor_suffixes
            .iter()
            .any(|x| doc.low(i).len() > x.len() + 2 && doc.low(i).ends_with(x.as_str()));
    // "76TH", "M-16": a word with digits is no place name; "Aleppo's" is the town holding
    // the name that follows.
    t.kind == Kind::Word
        && !possessive(doc, i)
        && !doc.raw(i).bytes().any(|b| b.is_ascii_digit())
        && (doc.capword(i) || caps_ok)
        && !doc.is(i, |t| {
            matches!(
                t,
                Tag::NotPlace
                    | Tag::PlaceDescriptor
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

fn run_right(doc: &Doc, lex: &Lexicon, j: usize, end: usize) -> usize {
    let mut b = j;
    while b < end && b < j + 5 {
        let hyphen = b > j
            && doc.is_punct(b, "-")
            && b + 1 < end
            && (namey(doc, lex, b + 1) || particle(doc, b + 1));
        let part = particle(doc, b) && b + 2 < end && namey(doc, lex, b + 2);
        // "Port-au-Prince", "Ya-bud": words glued by hyphens are one name.
        let glued = b > j
            && doc.toks[b].start == doc.toks[b - 1].end
            && (doc.is_punct(b, "-") && b + 1 < end && doc.toks[b + 1].start == doc.toks[b].end
                || doc.is_punct(b - 1, "-") && doc.toks[b].kind == Kind::Word);
        if !(namey(doc, lex, b) || hyphen || part || glued) {
            break;
        }
        b += 1;
    }
    while b > j + 1 && doc.is_punct(b - 1, "-") {
        b -= 1;
    }
    b
}

fn run_left(doc: &Doc, lex: &Lexicon, k: usize, start: usize, max: usize) -> usize {
    let mut a = k;
    while a > start && k - a < max {
        let p = a - 1;
        if namey(doc, lex, p)
            || (doc.is_punct(p, "-")
                && p > start
                && (namey(doc, lex, p - 1) || particle(doc, p - 1)))
            || (particle(doc, p) && a < k)
        {
            a = p;
        } else {
            break;
        }
    }
    while a < k && (doc.toks[a].kind != Kind::Word || !namey(doc, lex, a)) {
        a += 1;
    }
    a
}

/// Does what comes before the name at token `a` open a place name: a determiner (with
/// descriptive words between: "the exclusive"), a locative preposition, or a possessive
/// ("Tegucigalpa's")?
fn left_bound(doc: &Doc, a: usize, t0: usize) -> bool {
    let mut p = a;
    while p > t0 && doc.is(p - 1, |t| t == Tag::PlaceDescriptor) {
        p -= 1;
    }
    if p <= t0 {
        return false;
    }
    let q = p - 1;
    // (... or the verb of an act, whose object it is: "militants attacked Cherli village".)
    doc.is(q, |t| {
        matches!(t, Tag::Determiner | Tag::Locative | Tag::PlacePreposition)
    }) || possessive(doc, q)
        || doc
            .find(q, |t| matches!(t, Tag::Trigger(_)))
            .is_some_and(|h| h.len == 1)
}

/// Is token `i` a possessive ("Aleppo's", "TEGUCIGALPA'S")?
fn possessive(doc: &Doc, i: usize) -> bool {
    let r = doc.raw(i);
    r.ends_with("'s") || r.ends_with("'S") || r.ends_with("\u{2019}s")
}

/// Does the cue at token `i` name a part of a town: a town-part phrase at it, or one ending on
/// it ("the residential district of X")?
fn town_part(doc: &Doc, i: usize) -> bool {
    doc.find(i, |t| t == Tag::TownPart).is_some()
        || (i.saturating_sub(2)..i).any(|k| {
            doc.hits(k)
                .iter()
                .any(|h| h.tag == Tag::TownPart && k + h.len > i)
        })
}

/// Does an indefinite article open the phrase of the cue at token `i` ("a Shiite neighborhood
/// of Baghdad")? Such a phrase names some part of the town that follows, not the part itself.
fn indefinite(doc: &Doc, i: usize, t0: usize) -> bool {
    (i.saturating_sub(4).max(t0)..i)
        .rev()
        .take_while(|&k| doc.toks[k].kind == Kind::Word)
        .find(|&k| doc.is(k, |t| matches!(t, Tag::Determiner | Tag::Singular)))
        .is_some_and(|k| doc.is(k, |t| t == Tag::Singular))
}

/// The end of a place name going on through a joining particle at token `k` ("SAN MIGUEL" +
/// "DE MERCEDES"), when words of a name follow it (before `t1`).
pub(crate) fn joined_name(doc: &Doc, lex: &Lexicon, k: usize, t1: usize) -> Option<usize> {
    let h = doc.find(k, |t| t == Tag::NameJoiner)?;
    let j = k + h.len;
    if j >= t1 {
        return None;
    }
    let b = run_right(doc, lex, j, t1);
    // At least one word of it is a name word, not a particle the lexicon knows.
    (b > j && (j..b).any(|q| doc.hits(q).is_empty())).then_some(b)
}

/// Cue-found place names in tokens `t0..t1`.
pub(crate) fn cue_places(doc: &Doc, lex: &Lexicon, t0: usize, t1: usize) -> Vec<CuePlace> {
    let mut out = Vec::new();
    let mut push = |a: usize, b: usize, p: Precision, weak: bool, facility: bool, part: bool| {
        if a < b {
            let [s, e] = doc.span(a, b);
            out.push(CuePlace {
                start: s,
                end: e,
                mention: doc.text[s..e].to_string(),
                precision: p,
                weak,
                facility,
                part,
                country: None,
            });
        }
    };
    // Every cue is one of these words.
    let cue = |t: Tag| {
        matches!(
            t,
            Tag::PlaceBefore(_) | Tag::PlaceAfter(_) | Tag::Facility | Tag::PlacePreposition
        )
    };
    let mut i = t0;
    while i < t1 {
        if !doc.hits(i).iter().any(|h| cue(h.tag)) {
            i += 1;
            continue;
        }
        // "the X neighborhood of Y", "the X area of Y": a cue word of a town's part that also
        // follows a name names that one, and Y is the town it lies in, not the part. ("the X
        // town of Y" is another matter: X is then the region the town Y lies in.)
        let named_left = || {
            doc.find(
                i,
                |t| matches!(t, Tag::PlaceAfter(p) if p.0 <= Precision::District),
            )
            .is_some()
                && {
                    let a = run_left(doc, lex, i, t0, if doc.caps { 2 } else { 5 });
                    a < i && left_bound(doc, a, t0)
                }
        };
        if let Some(h) = doc
            .find(i, |t| matches!(t, Tag::PlaceBefore(_)))
            .filter(|_| !named_left())
        {
            if let Tag::PlaceBefore(p) = h.tag {
                let b = run_right(doc, lex, i + h.len, t1);
                if b > i + h.len {
                    let part = town_part(doc, i) && !indefinite(doc, i, t0);
                    push(i + h.len, b, p.0, false, false, part);
                    i = b;
                    continue;
                }
            }
        }
        if let Some(h) = doc.find(i, |t| matches!(t, Tag::PlaceAfter(_) | Tag::Facility)) {
            // "the Karm al-Jabal area", "in Fatih district", "Tegucigalpa's X neighborhood",
            // "the exclusive X neighborhood": a name opened by a determiner (descriptors
            // between), a locative or a possessive. Upper-case text gives no other signal.
            let max = if doc.caps { 2 } else { 5 };
            let mut a = run_left(doc, lex, i, t0, max);
            if !left_bound(doc, a, t0) && doc.caps {
                // A longer name when it is well bounded ("THE PRADOS DE VENECIA AREA").
                let b = run_left(doc, lex, i, t0, 4);
                if b > t0 && doc.is(b - 1, |t| t == Tag::Determiner) {
                    a = b;
                }
            }
            // A province or region after a bare preposition is left to the gazetteer ("in
            // Vizcaya province"): only a determiner makes it a name of its own.
            let coarse = matches!(h.tag, Tag::PlaceAfter(p) if p.0 > Precision::Town);
            let bound = if coarse {
                a > t0 && doc.is(a - 1, |t| t == Tag::Determiner)
            } else {
                left_bound(doc, a, t0)
            };
            if a < i && bound {
                match h.tag {
                    Tag::PlaceAfter(p) => push(a, i, p.0, false, false, town_part(doc, i)),
                    // A facility keeps its noun: "the Kabul airport".
                    _ => push(a, i + h.len, Precision::Site, false, true, false),
                }
            }
            i += h.len;
            continue;
        }
        if !doc.caps && doc.is(i, |t| t == Tag::PlacePreposition) && i + 1 < t1 {
            let b = run_right(doc, lex, i + 1, t1);
            // "a member of Saddam Hussein's party": a name going on into a possessive is a
            // person's or a body's.
            let owner = b < t1 && possessive(doc, b);
            // "the Ministry of Information": "of" after a capitalised word goes on with a name.
            let in_name = doc.is(i, |t| t == Tag::UnitOf)
                && i > t0
                && doc.capword(i - 1)
                && i - 1 != doc.sents_start(i - 1);
            if in_name {
                i = b.max(i + 1);
                continue;
            }
            // "in Qaboun district": the cue after the name says more; it is read next.
            let cued = b < t1
                && doc
                    .find(b, |t| matches!(t, Tag::PlaceAfter(_) | Tag::Facility))
                    .is_some();
            if cued {
                i = b;
                continue;
            }
            if b > i + 1 && b - (i + 1) <= 3 && !owner {
                push(i + 1, b, Precision::Town, true, false, false);
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

    fn names(text: &str) -> Vec<(String, bool)> {
        let lex = Lexicon::embedded().expect("lexicon");
        let doc = Doc::new(text, &lex);
        cue_places(&doc, &lex, 0, doc.toks.len())
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

    #[test]
    fn district_after_a_bare_locative_or_a_possessive() {
        assert_eq!(
            names("a mortar round fell in Qaboun district at dawn"),
            vec![("Qaboun".to_string(), false)]
        );
        assert_eq!(
            names("a car bomb went off in Kharkiv's Saltivka neighbourhood"),
            vec![("Saltivka".to_string(), false)]
        );
        assert_eq!(
            names("GUNMEN FIRED ON A BUS NEAR LOS ALAMOS CANTON YESTERDAY"),
            vec![("LOS ALAMOS".to_string(), false)]
        );
    }

    #[test]
    fn of_inside_a_capitalised_name_is_no_place_cue() {
        assert!(names("a clerk of the Ministry of Information was shot").is_empty());
        // After a lower-case word, "of" still leads to a place.
        assert_eq!(
            names("residents of Kafr Ruma fled"),
            vec![("Kafr Ruma".to_string(), true)]
        );
    }

    #[test]
    fn descriptors_are_no_names() {
        // A descriptive word between the determiner and the name is not part of it.
        assert_eq!(
            names("A BOMB EXPLODED IN THE EXCLUSIVE VILLA REAL NEIGHBORHOOD"),
            vec![("VILLA REAL".to_string(), false)]
        );
        assert_eq!(
            names("shells hit the affluent Mezzeh neighbourhood"),
            vec![("Mezzeh".to_string(), false)]
        );
        // Adjectives alone, words with digits, adjective endings: no name at all.
        assert!(names("TROOPS PATROLLED THE RURAL AREA AND THE DOWNTOWN AREA").is_empty());
        assert!(names("A BOMB WENT OFF IN THE 76TH DISTRICT").is_empty());
        assert!(
            names("REBELS ATTACKED THE OIL-PRODUCING REGION AND THE JUDICIAL DISTRICT").is_empty()
        );
    }

    #[test]
    fn facilities_keep_their_noun() {
        assert_eq!(
            names("A GRENADE WAS THROWN AT THE LAS PALMAS AIRPORT"),
            vec![("LAS PALMAS AIRPORT".to_string(), false)]
        );
        assert_eq!(
            names("drones struck the Hostomel airport overnight"),
            vec![("Hostomel airport".to_string(), false)]
        );
    }

    fn parts(text: &str) -> Vec<(String, bool)> {
        let lex = Lexicon::embedded().expect("lexicon");
        let doc = Doc::new(text, &lex);
        cue_places(&doc, &lex, 0, doc.toks.len())
            .into_iter()
            .map(|p| (p.mention, p.part))
            .collect()
    }

    #[test]
    fn town_part_cues_mark_districts() {
        assert_eq!(
            parts("A BOMB WENT OFF IN THE RESIDENTIAL DISTRICT OF LAS LOMAS"),
            vec![("LAS LOMAS".to_string(), true)]
        );
        assert_eq!(
            parts("gunmen opened fire in the Pinar neighbourhood at noon"),
            vec![("Pinar".to_string(), true)]
        );
        // "a ... neighbourhood of X": X is the whole town.
        assert_eq!(
            parts("A BOMB WENT OFF IN A POOR NEIGHBORHOOD OF RIOFRIO"),
            vec![("RIOFRIO".to_string(), false)]
        );
        // An area or a bare district may be a town's surroundings or a province's district.
        assert_eq!(
            parts("troops searched the Riofrio area and the village of Lomas"),
            vec![("Riofrio".to_string(), false), ("Lomas".to_string(), false)]
        );
    }

    #[test]
    fn a_named_part_before_of_leaves_the_town_whole() {
        // "the X neighborhood of Y": X is the part, Y the town it lies in.
        assert_eq!(
            parts("A BOMB WENT OFF IN THE ZORBEK NEIGHBORHOOD OF KANTARA"),
            vec![("ZORBEK".to_string(), true)]
        );
        assert_eq!(
            parts("rockets hit the Zorbek neighbourhood of Kantara at dawn"),
            vec![("Zorbek".to_string(), true), ("Kantara".to_string(), false)]
        );
        // "the X town of Y": Y is the town.
        assert_eq!(
            names("rockets fell on the Zorbek town of Kantara at dawn"),
            vec![("Kantara".to_string(), false)]
        );
        // With no name before the cue, the name after it is the part.
        assert_eq!(
            parts("rockets hit the neighbourhood of Zorbek at dawn"),
            vec![("Zorbek".to_string(), true)]
        );
    }

    #[test]
    fn a_name_running_into_a_possessive_is_no_place() {
        assert!(names("a member of Saddam Hussein's party was shot").is_empty());
    }
}
