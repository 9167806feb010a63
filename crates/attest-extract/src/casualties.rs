//! Casualty phrases: a number tied to a word saying people were killed or hurt.
//!
//! Precision comes first: a number is a count of victims only when the words around it say so
//! (a person noun, an auxiliary, or adjacency), never when it is a year, an age, a distance, a
//! unit or a count of things.

use crate::lexicon::Tag;
use crate::numbers::{numbers, parse_at, Num};
use crate::text::{Doc, Kind};

/// Killed or injured.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum CasKind {
    Killed,
    Injured,
}

/// One stated casualty count.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Cas {
    pub(crate) kind: CasKind,
    pub(crate) low: Option<u32>,
    pub(crate) high: Option<u32>,
    /// Byte span of the words supporting it.
    pub(crate) span: [usize; 2],
    /// Adds to an earlier count ("a further 60").
    pub(crate) additional: bool,
    /// A part of a total ("including 5 children").
    pub(crate) subset: bool,
    /// The text says nobody was.
    pub(crate) zero: bool,
    /// A vague quantity ("dozens").
    pub(crate) vague: bool,
}

fn is_people(doc: &Doc, i: usize) -> bool {
    doc.is(i, |t| matches!(t, Tag::PeoplePlural | Tag::PeopleSingular))
        || doc
            .find(i, |t| matches!(t, Tag::PeoplePlural | Tag::PeopleSingular))
            .is_some()
}

fn not_people(doc: &Doc, i: usize) -> bool {
    doc.is(i, |t| t == Tag::NotPeople) || doc.is_punct(i, "%") || doc.is_punct(i, "$")
}

fn cas_kind(t: Tag) -> Option<CasKind> {
    match t {
        Tag::Killed => Some(CasKind::Killed),
        Tag::Injured => Some(CasKind::Injured),
        _ => None,
    }
}

/// Checks what follows a count starting a noun group at `j`: Some(end of the group) when it
/// counts people, None when it counts something else. `article`: the count was "a"/"an".
fn noun_group_after(doc: &Doc, j: usize, end: usize, article: bool) -> Option<usize> {
    let mut k = j;
    let mut skipped = 0;
    while k < end && skipped <= 3 {
        if not_people(doc, k) {
            return None;
        }
        if let Some(h) = doc.find(k, |t| matches!(t, Tag::PeoplePlural | Tag::PeopleSingular)) {
            if article && !matches!(h.tag, Tag::PeopleSingular) {
                return None;
            }
            // "3 people killed" ok; keep going over a compound ("police officers").
            let mut e = k + h.len;
            while e < end && is_people(doc, e) {
                e += 1;
            }
            return Some(e);
        }
        let t = doc.toks[k];
        if t.kind == Kind::Num || doc.find(k, |t| cas_kind(t).is_some()).is_some() {
            break;
        }
        if t.kind == Kind::Punct {
            if doc.is_punct(k, "-") {
                k += 1;
                continue;
            }
            break;
        }
        if doc.is(k, |t| matches!(t, Tag::Aux | Tag::ActorStop)) {
            break;
        }
        skipped += 1;
        k += 1;
    }
    // No noun: a bare count ("killing 5", "5 killed") is fine, an article is not.
    if article {
        None
    } else if k == j {
        Some(j)
    } else {
        // Unknown words after the count and no person noun: not sure what it counts.
        None
    }
}

fn bad_context(doc: &Doc, n: &Num, t0: usize) -> bool {
    if n.yearlike {
        return true;
    }
    // "aged 25", "No. 5", "April 27": not victims.
    if n.t0 > t0 {
        let p = n.t0 - 1;
        if doc.is(p, |t| matches!(t, Tag::AgeCue | Tag::Month(_))) || doc.low(p) == "no" {
            return true;
        }
        // "a battalion of 500 soldiers": a unit's size.
        if doc.low(p) == "of" && p > t0 && not_people(doc, p - 1) {
            return true;
        }
    }
    if n.t1 < doc.toks.len() && doc.is(n.t1, |t| matches!(t, Tag::Month(_) | Tag::AgeCue)) {
        return true;
    }
    false
}

fn subset_before(doc: &Doc, n: &Num, t0: usize) -> bool {
    (n.t0.saturating_sub(3).max(t0)..n.t0).any(|k| doc.find(k, |t| t == Tag::Subset).is_some())
}

/// Casualty counts stated in tokens `t0..t1` (one sentence).
pub(crate) fn casualties(doc: &Doc, t0: usize, t1: usize) -> Vec<Cas> {
    let mut out = Vec::new();
    let nums = numbers(doc, t0, t1);
    let mut covered_until = t0;
    // Statements that nobody was killed or hurt.
    for i in t0..t1 {
        if i < covered_until {
            continue;
        }
        if let Some(h) = doc.find(i, |t| {
            matches!(t, Tag::NoneKilled | Tag::NoneInjured | Tag::NoneEither)
        }) {
            let span = doc.span(i, i + h.len);
            let kinds: &[CasKind] = match h.tag {
                Tag::NoneKilled => &[CasKind::Killed],
                Tag::NoneInjured => &[CasKind::Injured],
                _ => &[CasKind::Killed, CasKind::Injured],
            };
            for k in kinds {
                out.push(Cas {
                    kind: *k,
                    low: Some(0),
                    high: Some(0),
                    span,
                    additional: false,
                    subset: false,
                    zero: true,
                    vague: false,
                });
            }
            covered_until = covered_until.max(i + h.len);
        }
    }
    let mut i = t0;
    while i < t1 {
        let Some(h) = doc.find(i, |t| cas_kind(t).is_some()) else {
            i += 1;
            continue;
        };
        let kind = cas_kind(h.tag).unwrap_or(CasKind::Killed);
        let w_end = i + h.len;
        if i < covered_until && out.iter().any(|c| c.zero && c.span[1] >= doc.toks[i].end) {
            i = w_end;
            continue;
        }
        if let Some(c) = right_count(doc, i, w_end, t0, t1, kind)
            .or_else(|| left_count(doc, &nums, i, w_end, t0, t1, kind))
        {
            out.push(c);
        }
        i = w_end;
    }
    out
}

/// "killing at least 55 people", "injuring a further 60", "the death toll rose to 30".
fn right_count(
    doc: &Doc,
    w0: usize,
    w_end: usize,
    t0: usize,
    t1: usize,
    kind: CasKind,
) -> Option<Cas> {
    let mut j = w_end;
    let mut links = 0;
    while j < t1 && links < 3 && parse_at(doc, j, t1).is_none() && doc.is(j, |t| t == Tag::TollLink)
    {
        j += 1;
        links += 1;
    }
    let n = parse_at(doc, j, t1)?;
    if bad_context(doc, &n, t0) || n.vague && n.t1 >= t1 {
        return None;
    }
    let mut end = noun_group_after(doc, n.t1, t1, n.article)?;
    let mut low = n.low;
    let mut high = n.high;
    // "two soldiers and three civilians"
    while end + 1 < t1 && doc.is(end, |t| t == Tag::SumJoiner) {
        let Some(m) = parse_at(doc, end + 1, t1) else {
            break;
        };
        if m.article || bad_context(doc, &m, t0) {
            break;
        }
        let Some(e2) = noun_group_after(doc, m.t1, t1, false) else {
            break;
        };
        if e2 == m.t1 {
            break;
        }
        low = low.zip(m.low).map(|(a, b)| a + b);
        high = high.zip(m.high).map(|(a, b)| a + b);
        end = e2;
    }
    Some(Cas {
        kind,
        low,
        high,
        span: doc.span(w0, end.max(n.t1)),
        additional: n.additional,
        subset: subset_before(doc, &n, t0),
        zero: false,
        vague: n.vague,
    })
}

/// "55 people were killed", "a policeman was wounded", "the mayor was shot dead".
fn left_count(
    doc: &Doc,
    nums: &[Num],
    w0: usize,
    w_end: usize,
    t0: usize,
    t1: usize,
    kind: CasKind,
) -> Option<Cas> {
    let mut k = w0;
    let mut unknown = 0;
    let mut saw_singular = false;
    let mut saw_people = false;
    let mut singular_aux = None;
    let mut steps = 0;
    while k > t0 && steps < 8 {
        let p = k - 1;
        if let Some(n) = nums.iter().find(|n| n.t1 == k) {
            if bad_context(doc, n, t0) {
                return None;
            }
            if n.article && !saw_singular {
                // "a seriously injured baby": the noun comes after the casualty word.
                let mut r = w_end;
                let mut ok = false;
                while r < t1 && r < w_end + 3 {
                    if doc.is(r, |t| t == Tag::PeopleSingular) {
                        ok = true;
                        break;
                    }
                    if doc.toks[r].kind != Kind::Word || is_people(doc, r) {
                        break;
                    }
                    r += 1;
                }
                if !ok {
                    return None;
                }
                return Some(Cas {
                    kind,
                    low: Some(1),
                    high: Some(1),
                    span: doc.span(n.t0, r + 1),
                    additional: n.additional,
                    subset: false,
                    zero: false,
                    vague: false,
                });
            }
            if n.article && saw_people && !saw_singular {
                return None;
            }
            return Some(Cas {
                kind,
                low: n.low,
                high: n.high,
                span: doc.span(n.t0, w_end),
                additional: n.additional,
                subset: subset_before(doc, n, t0),
                zero: false,
                vague: n.vague,
            });
        }
        if not_people(doc, p) {
            return None;
        }
        let t = doc.toks[p];
        if t.kind == Kind::Punct && !doc.is_punct(p, "-") {
            break;
        }
        if doc.is(p, |t| t == Tag::SingularAux) || doc.find(p, |t| t == Tag::SingularAux).is_some()
        {
            singular_aux.get_or_insert(p);
        }
        if doc.is(p, |t| t == Tag::PeopleSingular) {
            saw_singular = true;
        } else if doc.is(p, |t| t == Tag::PeoplePlural) {
            saw_people = true;
        } else if doc.is(p, |t| {
            matches!(t, Tag::Aux | Tag::PassiveFiller | Tag::SingularAux)
        }) {
        } else if t.kind == Kind::Word {
            unknown += 1;
            if unknown > 2 || doc.find(p, |t| cas_kind(t).is_some()).is_some() {
                break;
            }
        }
        k = p;
        steps += 1;
    }
    // "the mayor was killed": one victim.
    let a = singular_aux?;
    if saw_people {
        return None;
    }
    let only_fillers = (a + 1..w0)
        .all(|q| doc.is(q, |t| matches!(t, Tag::PassiveFiller | Tag::Aux)) && doc.low(q) != "were");
    // The subject right before "was" must be a person noun or a name.
    let subj_ok = a > t0 && (doc.is(a - 1, |t| t == Tag::PeopleSingular) || doc.capword(a - 1));
    if !only_fillers || !subj_ok || kind == CasKind::Injured && doc.low(w0) == "hurt" {
        return None;
    }
    Some(Cas {
        kind,
        low: Some(1),
        high: Some(1),
        span: doc.span(a - 1, w_end),
        additional: false,
        subset: false,
        zero: false,
        vague: false,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::Lexicon;

    fn cas(text: &str) -> Vec<(CasKind, Option<u32>, Option<u32>)> {
        let lex = Lexicon::embedded().expect("lexicon");
        let doc = Doc::new(text, &lex);
        let n = doc.toks.len();
        casualties(&doc, 0, n)
            .into_iter()
            .map(|c| (c.kind, c.low, c.high))
            .collect()
    }

    use CasKind::{Injured as I, Killed as K};

    #[test]
    fn verb_then_count() {
        assert_eq!(
            cas("hit in an air strike killing at least 55 people and injuring a further 60."),
            vec![(K, Some(55), None), (I, Some(60), Some(60))]
        );
        assert_eq!(
            cas("GUERRILLAS KILLED THREE SOLDIERS AND TWO CIVILIANS"),
            vec![(K, Some(5), Some(5))]
        );
    }

    #[test]
    fn count_then_verb() {
        assert_eq!(
            cas("Dozens of people have been killed in the latest wave"),
            vec![(K, Some(24), None)]
        );
        assert_eq!(
            cas("Five policemen were wounded."),
            vec![(I, Some(5), Some(5))]
        );
        assert_eq!(
            cas("3 dead and 12 injured"),
            vec![(K, Some(3), Some(3)), (I, Some(12), Some(12))]
        );
        assert_eq!(
            cas("a seriously injured baby was rescued"),
            vec![(I, Some(1), Some(1))]
        );
        assert_eq!(
            cas("The mayor was shot and killed on Monday."),
            vec![(K, Some(1), Some(1))]
        );
    }

    #[test]
    fn never_a_year_age_distance_or_building() {
        assert!(cas("In 2004 killed civilians were buried").is_empty());
        assert!(cas("a man aged 25 was killed")
            .iter()
            .all(|c| c.1 == Some(1)));
        assert!(cas("the 25-year-old was killed")
            .iter()
            .all(|c| c.1 != Some(25)));
        assert!(cas("three houses were destroyed and killed").is_empty());
        assert!(cas("he died 3 days later").is_empty());
        assert!(cas("a battalion of 500 soldiers attacked and killed").is_empty());
    }

    #[test]
    fn nobody_statements() {
        assert_eq!(
            cas("No one was injured in the blast."),
            vec![(I, Some(0), Some(0))]
        );
        assert_eq!(
            cas("The explosion caused no casualties."),
            vec![(K, Some(0), Some(0)), (I, Some(0), Some(0))]
        );
    }

    #[test]
    fn death_toll() {
        assert_eq!(
            cas("The death toll rose to 30."),
            vec![(K, Some(30), Some(30))]
        );
    }
}
