//! Casualty phrases: a number tied to a word saying people were killed or hurt.
//!
//! Precision comes first: a number is a count of victims only when the words around it say so
//! (a person noun, an auxiliary, or adjacency), never when it is a year, an age, a distance, a
//! unit or a count of things.

use crate::lexicon::{Lexicon, Tag};
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
    /// The count is of the attackers ("both gunmen were killed").
    pub(crate) perp: bool,
    /// The count names a class of victims ("four policemen", "a child", "the mayor"), which
    /// leaves out the attackers; "five people" or a bare "killing 5" may include them.
    pub(crate) specific: bool,
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
        Tag::Killed | Tag::NominalKilled => Some(CasKind::Killed),
        Tag::Injured | Tag::NominalInjured => Some(CasKind::Injured),
        _ => None,
    }
}

/// Do tokens `a..b` name a class of people other than "people", "others" or "victims"?
fn specific_in(doc: &Doc, a: usize, b: usize) -> bool {
    (a..b).any(|k| {
        doc.is(k, |t| matches!(t, Tag::PeoplePlural | Tag::PeopleSingular))
            && !doc.is(k, |t| t == Tag::GenericPeople)
    })
}

/// Does a noun in tokens `a..b` name the attackers ("gunmen", "the bomber")?
fn perp_in(doc: &Doc, a: usize, b: usize) -> bool {
    (a..b).any(|k| {
        doc.find(k, |t| t == Tag::PerpNoun || t == Tag::Reflexive)
            .is_some()
    })
}

/// A name at `j` ("Musa Dakayev", "Col. Alaa Bashir"): the end of its capitalised words, when
/// they are not followed by a noun they qualify ("Iraqi police") and are not a date.
fn name_at(doc: &Doc, j: usize, t1: usize) -> Option<usize> {
    let mut e = j;
    while e < t1
        && (doc.capword(e)
            || e > j && doc.is_punct(e, ".") && doc.is(e - 1, |t| t == Tag::Abbreviation)
            || e > j && doc.is_punct(e, "-") && e + 1 < t1 && doc.capword(e + 1)
            // "Kamil al-Shaykhil": a lower-case particle joined to the next name.
            || e > j
                && e + 2 < t1
                && doc.toks[e].kind == Kind::Word
                && doc.is_punct(e + 1, "-")
                && doc.capword(e + 2)
                && doc.toks[e + 1].start == doc.toks[e].end)
    {
        if doc.is(e, |t| {
            matches!(
                t,
                Tag::Month(_)
                    | Tag::Weekday(_)
                    | Tag::Determiner
                    | Tag::OneDeterminer
                    | Tag::Pronoun
                    | Tag::Impersonal
            )
        }) || doc
            .find(e, |t| {
                matches!(t, Tag::Trigger(_) | Tag::Killed | Tag::Injured)
            })
            .is_some()
        {
            return None;
        }
        e += 1;
    }
    // A title may open a name ("Mayor Ruiz"), a person noun may not end it ("Iraqi police").
    if e == j
        || e < t1 && (is_people(doc, e) || doc.toks[e].kind == Kind::Num)
        || is_people(doc, e - 1)
    {
        return None;
    }
    Some(e)
}

/// An appositive after a victim's name (", the head of the council,"): the index after its
/// closing comma, when one closes it within a few words and nothing in it counts or kills.
fn skip_appositive(doc: &Doc, e: usize, t1: usize) -> Option<usize> {
    if e >= t1 || !doc.is_punct(e, ",") {
        return None;
    }
    // ", three police officers, and ...": a counted group is one more item of a list.
    if parse_at(doc, e + 1, t1).is_some_and(|n| !n.article) {
        return None;
    }
    let mut k = e + 1;
    while k < t1 && k <= e + 14 {
        if doc.is_punct(k, ",") {
            return (k > e + 1).then_some(k + 1);
        }
        if doc.toks[k].kind == Kind::Punct && !doc.is_punct(k, "-") && !doc.is_punct(k, ".")
            || doc.toks[k].kind == Kind::Num
            || doc.find(k, |t| cas_kind(t).is_some()).is_some()
        {
            return None;
        }
        k += 1;
    }
    None
}

/// One conjunct of a coordinated subject ending right before `e` ("his driver", "two of his
/// bodyguards", "Musa Dakayev"): (count, start).
fn conjunct_before(doc: &Doc, nums: &[Num], e: usize, t0: usize) -> Option<(u32, usize)> {
    if e <= t0 {
        return None;
    }
    let last = e - 1;
    if doc.is(last, |t| t == Tag::PeoplePlural) {
        // Needs its number: "two bodyguards", "his two sons", "two of his bodyguards".
        let n = nums
            .iter()
            .rev()
            .find(|n| n.t1 <= last && n.t1 + 4 > last && n.t0 >= t0)?;
        // ("one of his bodyguards": one, out of a group.)
        let one_of = n.article && n.t1 < last && doc.is(n.t1, |t| t == Tag::UnitOf);
        if n.article && !one_of || n.vague || n.yearlike || n.low != n.high {
            return None;
        }
        let gap_ok = (n.t1..last).all(|k| {
            doc.toks[k].kind == Kind::Word
                && !doc.is(k, |t| t == Tag::NotPeople)
                && doc.find(k, |t| cas_kind(t).is_some()).is_none()
        });
        // "his two sons"
        let start = if n.t0 > t0 && doc.is(n.t0 - 1, |t| t == Tag::OneDeterminer) {
            n.t0 - 1
        } else {
            n.t0
        };
        return gap_ok.then_some((n.low?, start));
    }
    if doc.is(last, |t| t == Tag::PeopleSingular) {
        // "his son", "an unidentified policeman", "Muslim shopkeeper", "the bomber".
        let mut k = last;
        while k > t0 && k + 7 > last {
            let p = k - 1;
            if doc.is(p, |t| matches!(t, Tag::OneDeterminer | Tag::Determiner))
                || doc.is(p, |t| t == Tag::Cardinal(1))
            {
                return Some((1, p));
            }
            // "his five-year old daughter": an age before the noun.
            if let Some(n) = nums.iter().find(|n| {
                doc.is_punct(p, "-") && n.t1 == p && n.t0 >= t0 && doc.is(k, |t| t == Tag::AgeCue)
            }) {
                k = n.t0;
                continue;
            }
            // ("two-year-old": the hyphens inside the age.)
            if doc.is_punct(p, "-")
                && p > t0
                && doc.toks[p - 1].end == doc.toks[p].start
                && doc.toks[p].end == doc.toks[k].start
                && doc.toks[p - 1].kind == Kind::Word
            {
                k = p;
                continue;
            }
            if k + 4 <= last {
                break;
            }
            if doc.toks[p].kind != Kind::Word
                || doc
                    .find(p, |t| cas_kind(t).is_some() || t == Tag::Aux)
                    .is_some()
                || doc.is(p, |t| t == Tag::SumJoiner)
            {
                break;
            }
            k = p;
        }
        return Some((1, k));
    }
    if doc.capword(last) && !doc.is(last, |t| matches!(t, Tag::Month(_) | Tag::Weekday(_))) {
        let mut k = last;
        loop {
            // "al-Luhaybi": a particle joined by a hyphen to the name after it.
            let particle = k > t0 + 1
                && doc.is_punct(k - 1, "-")
                && doc.toks[k - 2].kind == Kind::Word
                && doc.toks[k - 2].end == doc.toks[k - 1].start
                && doc.toks[k - 1].end == doc.toks[k].start;
            if particle {
                k -= 2;
            } else if k > t0
                && (doc.capword(k - 1)
                    || k > t0 + 1
                        && doc.is_punct(k - 1, ".")
                        && doc.is(k - 2, |t| t == Tag::Abbreviation))
            {
                k -= 1;
            } else {
                break;
            }
        }
        while k < last && !doc.capword(k) {
            k += 1;
        }
        return name_at(doc, k, e).filter(|&x| x == e).map(|_| (1, k));
    }
    None
}

/// "Eight employees of an oil company were killed", "Seven workers from the customs department
/// died": a counted group whose noun a prepositional phrase follows before the verb.
#[allow(clippy::too_many_arguments)]
fn modified_subject(
    doc: &Doc,
    nums: &[Num],
    w0: usize,
    w_end: usize,
    t0: usize,
    t1: usize,
    kind: CasKind,
    also: bool,
) -> Option<Cas> {
    let mut a = w0;
    while a > t0 && doc.is(a - 1, |t| matches!(t, Tag::Aux | Tag::PassiveFiller)) {
        a -= 1;
    }
    if a == w0 && !doc.is(w0, |t| t == Tag::Intransitive) {
        return None;
    }
    let n = nums
        .iter()
        .rev()
        .find(|n| n.t1 < a && n.t1 + 9 >= a && n.t0 >= t0)?;
    if n.article || n.vague || bad_context(doc, n, t0) {
        return None;
    }
    if n.t0 > t0 && doc.is(n.t0 - 1, |t| t == Tag::AgentBy || cas_kind(t).is_some()) {
        return None;
    }
    let (low, high, e) = group_at(doc, n.t0, t0, t1)?;
    let opens = e < a
        && doc.is(e, |t| {
            matches!(t, Tag::SpeakerTrim | Tag::UnitOf | Tag::PlacePreposition)
        });
    let plain = (e..a).all(|k| {
        (doc.toks[k].kind == Kind::Word || doc.is_punct(k, "-"))
            && doc
                .find(k, |t| cas_kind(t).is_some() || matches!(t, Tag::Trigger(_)))
                .is_none()
            && !doc.is(k, |t| t == Tag::RelPronoun)
    });
    (opens && plain).then(|| Cas {
        kind,
        low,
        high,
        span: doc.span(n.t0, w_end),
        additional: n.additional || also,
        subset: subset_before(doc, n, t0),
        zero: false,
        vague: false,
        perp: perp_in(doc, n.t1, e),
        specific: specific_in(doc, n.t1, e),
    })
}

/// "Musa Dakayev and his son were killed", "A police colonel and his driver were shot dead",
/// "Qadir and two bodyguards were killed": the victims named before a plural passive, added.
fn coordinated_subject(
    doc: &Doc,
    nums: &[Num],
    w0: usize,
    t0: usize,
) -> Option<(u32, usize, bool)> {
    // Back over "were (both) shot and" to the plural auxiliary; "The officer and one of the
    // civilians died" needs none before an intransitive verb.
    let mut a = w0;
    let direct = w0 > t0
        && doc.is(w0, |t| t == Tag::Intransitive)
        && !doc.is(w0 - 1, |t| matches!(t, Tag::Aux | Tag::PassiveFiller));
    if !direct {
        while a > t0 && a + 5 > w0 {
            let p = a - 1;
            if doc.is(p, |t| t == Tag::PluralAux) {
                a = p;
                break;
            }
            if !doc.is(p, |t| matches!(t, Tag::Aux | Tag::PassiveFiller)) {
                return None;
            }
            a = p;
        }
        if a == t0 || !doc.is(a, |t| t == Tag::PluralAux) {
            return None;
        }
    }
    // The last conjunct may carry an appositive too: "X, the director of ..., and Y, the
    // chief of staff of ..., were killed".
    let right_end = (a > t0 + 1 && doc.is_punct(a - 1, ","))
        .then(|| {
            (a.saturating_sub(15).max(t0)..a - 1)
                .rev()
                .find(|&k| doc.is_punct(k, ","))
                .filter(|&open| skip_appositive(doc, open, a) == Some(a))
        })
        .flatten()
        .unwrap_or(a);
    let (right, rs) = conjunct_before(doc, nums, right_end, t0)?;
    let mut total = right;
    let mut start = rs;
    let mut perp = perp_in(doc, rs, a);
    // "and" before the last conjunct, commas before the others.
    let mut first = true;
    loop {
        if start <= t0 {
            break;
        }
        let j = start - 1;
        let joined = if first {
            doc.find(j, |t| t == Tag::SumJoiner)
                .filter(|_| !doc.is_punct(j, ","))
                .is_some()
                || doc.is(j, |t| t == Tag::SumJoiner) && !doc.is_punct(j, ",")
        } else {
            doc.is_punct(j, ",")
        };
        if !joined {
            break;
        }
        // The left conjunct may carry an appositive: "X, the governor of Y, and his son".
        let mut e = j;
        if e > t0 && doc.is_punct(e - 1, ",") {
            let open = (e.saturating_sub(15).max(t0)..e - 1)
                .rev()
                .find(|&k| doc.is_punct(k, ","))?;
            if skip_appositive(doc, open, e) != Some(e) {
                return None;
            }
            e = open;
        }
        let Some((n, s)) = conjunct_before(doc, nums, e, t0) else {
            if first {
                return None;
            }
            break;
        };
        total = total.saturating_add(n);
        perp |= perp_in(doc, s, e);
        start = s;
        if !first && e != j {
            break;
        }
        first = false;
    }
    if first {
        return None;
    }
    // The subject opens the sentence or follows an opening phrase ("In Baghdad, ...").
    (start == t0 || doc.is_punct(start - 1, ",")).then_some((total, start, perp))
}

/// Checks what follows a count starting a noun group at `j`: Some(end of the group) when it
/// counts people, None when it counts something else. `article`: the count was "a"/"an".
fn noun_group_after(doc: &Doc, j: usize, end: usize, article: bool) -> Option<usize> {
    let mut k = j;
    let mut skipped = 0;
    while k < end && skipped <= 3 {
        if not_people(doc, k) {
            // "five day laborers": a word of things qualifying people.
            if k + 1 < end && is_people(doc, k + 1) && !not_people(doc, k + 1) {
                skipped += 1;
                k += 1;
                continue;
            }
            return None;
        }
        // "one Iraqi", "two Afghans", "an Israeli": a nationality word as the noun.
        if doc.is(k, |t| matches!(t, Tag::Demonym(_)))
            && (k + 1 >= end
                || doc.toks[k + 1].kind == Kind::Punct
                || doc.is(k + 1, |t| {
                    matches!(
                        t,
                        Tag::SumJoiner | Tag::Aux | Tag::ActorStop | Tag::Locative
                    )
                }))
        {
            return Some(k + 1);
        }
        if doc
            .find(k, |t| matches!(t, Tag::PeoplePlural | Tag::PeopleSingular))
            .is_some()
        {
            // Over a compound ("police officers"): its last noun is the head.
            let mut e = k;
            let mut head_singular = false;
            while e < end {
                match doc.find(e, |t| matches!(t, Tag::PeoplePlural | Tag::PeopleSingular)) {
                    Some(h) => {
                        head_singular =
                            h.tag == Tag::PeopleSingular && !doc.is(e, |t| t == Tag::PeoplePlural);
                        e += h.len;
                    }
                    None => break,
                }
            }
            if article && !head_singular {
                return None;
            }
            return Some(e);
        }
        // "a three-year-old girl": an age before the noun.
        if k + 2 < end && doc.is_punct(k + 1, "-") {
            if let Some(h) = doc.find(k + 2, |t| t == Tag::AgeCue).filter(|h| h.len > 1) {
                if parse_at(doc, k, k + 1).is_some() {
                    k += 2 + h.len;
                    continue;
                }
            }
        }
        let t = doc.toks[k];
        // ("injuring seven including the driver": the count ends where its parts begin.)
        if t.kind == Kind::Num
            || doc
                .find(k, |t| cas_kind(t).is_some() || t == Tag::Subset)
                .is_some()
        {
            break;
        }
        if t.kind == Kind::Punct {
            // "-", and the stop closing an initialism ("two U.S. missionaries").
            if doc.is_punct(k, "-") || k > j && doc.closes_initialism(k) {
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

/// After a casualty verb and a count, a short run of words the lexicon does not know ending in a
/// plural ("injuring four baggage handlers"), or after "a"/"an" in the singular ("killing a
/// tailor"): the people counted. The end of the run.
fn people_object(
    doc: &Doc,
    lex: &Lexicon,
    j: usize,
    end: usize,
    any_plural: bool,
    singular: bool,
) -> Option<usize> {
    let mut k = j;
    // (A word of things qualifying the noun is part of the run: "five day laborers".)
    // (... and so are a nationality word and a plural noun of people qualifying the last
    // word: "an Iraqi police commissioner".)
    let unknown = |k: usize| {
        doc.toks[k].kind == Kind::Word
            && (doc.hits(k).is_empty()
                || singular && doc.is(k, |t| t == Tag::Title)
                || (not_people(doc, k)
                    || doc.is(k, |t| matches!(t, Tag::Demonym(_) | Tag::PeoplePlural)))
                    && k + 1 < end
                    && doc.toks[k + 1].kind == Kind::Word
                    && (doc.hits(k + 1).is_empty() || doc.is(k + 1, |t| t == Tag::PeoplePlural)))
    };
    while k < end && k < j + 3 && unknown(k) {
        k += 1;
    }
    let closed = k >= end
        || doc.toks[k].kind == Kind::Punct
        || doc.is(k, |t| {
            matches!(
                t,
                Tag::PlacePreposition | Tag::Locative | Tag::SumJoiner | Tag::ActorStop
            )
        });
    // The last word must end like a noun of people ("handlers", "ornithologists"); after "the
    // death of", any plural does ("the death of six Jesuits").
    let suffixes = if singular {
        &lex.people_suffixes_singular
    } else {
        &lex.people_suffixes
    };
    // (A title is a person: "an Iraqi police commissioner".)
    let title = singular && k > j && doc.is(k - 1, |t| t == Tag::Title);
    let people = k > j
        && !not_people(doc, k - 1)
        && (title || {
            let last = doc.low(k - 1);
            suffixes
                .iter()
                .any(|s| last.len() > s.len() + 2 && last.ends_with(s.as_str()))
                || !singular
                    && any_plural
                    && last.len() > 3
                    && last.ends_with('s')
                    && !last.ends_with("ss")
        });
    (closed && people).then_some(k)
}

/// "Four policemen returning to their base in X were killed", "Three members of the Supreme
/// Council for the Islamic Revolution in Iraq were killed": a passive whose subject, counted at
/// the start of the sentence, is followed by a long phrase of its own. Only when no nearer
/// reading counted anything.
#[allow(clippy::too_many_arguments)]
fn distant_subject(
    doc: &Doc,
    lex: &Lexicon,
    nums: &[Num],
    w0: usize,
    w_end: usize,
    t0: usize,
    kind: CasKind,
) -> Option<Cas> {
    // A plural passive: "were (also) killed".
    let mut q = w0;
    while q > t0 && doc.is(q - 1, |t| matches!(t, Tag::PassiveFiller | Tag::Aux)) {
        q -= 1;
        if doc.is(q, |t| t == Tag::PluralAux) && doc.is(q, |t| t == Tag::PassiveAux) {
            break;
        }
    }
    if !(q < w0 && doc.is(q, |t| t == Tag::PluralAux) && doc.is(q, |t| t == Tag::PassiveAux)) {
        return None;
    }
    // The sentence's first count, near its start, before any word of casualties or act.
    let n = nums.iter().find(|n| n.t0 >= t0 && n.t1 <= q)?;
    if n.t0 >= t0 + SUBJECT_START
        || n.article
        || n.vague
        || n.low.unwrap_or(0) < 2
        || bad_context(doc, n, t0)
        || (t0..n.t0).any(|k| {
            doc.find(k, |t| cas_kind(t).is_some() || matches!(t, Tag::Trigger(_)))
                .is_some()
        })
    {
        return None;
    }
    let e = noun_group_after(doc, n.t1, q, false)
        .filter(|&e| e > n.t1)
        .or_else(|| people_object(doc, lex, n.t1, q, false, false))?;
    // Nothing between that counts on its own or ends the clause.
    if q <= e + 1
        || q - e > SUBJECT_REACH
        || (e..q).any(|k| {
            doc.find(k, |t| cas_kind(t).is_some()).is_some()
                || doc.is_punct(k, ";")
                || doc.is_punct(k, ":")
        })
    {
        return None;
    }
    // ("were also killed": on top of an earlier count.)
    let also = (q..w0).any(|k| doc.is(k, |t| t == Tag::Additive));
    Some(Cas {
        kind,
        low: n.low,
        high: n.high,
        span: doc.span(n.t0, w_end),
        additional: n.additional || also,
        subset: false,
        zero: false,
        vague: false,
        perp: false,
        specific: true,
    })
}

/// How near the start of its sentence a count must be to be the subject of a distant passive.
const SUBJECT_START: usize = 6;
/// How many words may lie between that subject and its passive.
const SUBJECT_REACH: usize = 24;

/// "X was killed and his driver wounded", "two were killed and three others wounded": after
/// "and", people right before the casualty word at `w0`, with a passive casualty earlier in
/// the sentence. (low, high, start of the people).
fn elided_passive(
    doc: &Doc,
    w0: usize,
    t0: usize,
    t1: usize,
) -> Option<(Option<u32>, Option<u32>, usize)> {
    let j = (w0.saturating_sub(ELIDED_REACH).max(t0 + 1)..w0)
        .rev()
        .find(|&k| doc.is(k, |t| t == Tag::SumJoiner) && !doc.is_punct(k, ","))?;
    let (low, high, e) = group_at(doc, j + 1, t0, t1)?;
    let passive_before = (t0..j).any(|k| {
        doc.is(k, |t| t == Tag::PassiveAux)
            && (k + 1..j.min(k + 4)).any(|q| doc.find(q, |t| cas_kind(t).is_some()).is_some())
    });
    (e == w0 && passive_before).then_some((low, high, j + 1))
}

/// How far before its casualty word the "and" of an elided passive may be.
const ELIDED_REACH: usize = 5;

/// "the guard died", "Perez later died", "Galan, senator and presidential hopeful, died": one
/// person, the subject of an intransitive death verb. The subject's first token.
fn one_who_died(doc: &Doc, w0: usize, t0: usize) -> Option<usize> {
    // ... or of a verb of suffering wounds: "the guard suffered serious injuries".
    let suffered = (w0.saturating_sub(3).max(t0)..w0).find(|&q| {
        doc.is(q, |t| t == Tag::SufferVerb)
            && (q + 1..w0).all(|k| {
                doc.toks[k].kind == Kind::Word && doc.hits(k).is_empty()
                    || doc.is(k, |t| t == Tag::Aux)
            })
    });
    let mut a = match suffered {
        Some(q) if doc.find(w0, |t| t == Tag::Injured).is_some() => q,
        _ if doc.is(w0, |t| t == Tag::Intransitive) => w0,
        _ => return None,
    };
    while a > t0
        && doc.is(a - 1, |t| t == Tag::PassiveFiller)
        && !doc.is(a - 1, |t| t == Tag::SumJoiner)
    {
        a -= 1;
    }
    let p = a.checked_sub(1).filter(|&p| p >= t0)?;
    // "a Palestinian died": a nationality word after "a".
    if p > t0
        && doc.is(p, |t| matches!(t, Tag::Demonym(_)))
        && doc.is(p - 1, |t| t == Tag::Singular)
    {
        return Some(p - 1);
    }
    // "a motorist was shot near Nablus and died of his wounds", "the guard was knocked down
    // and suffered serious injuries": the one subject of a clause with "was".
    if doc.is(p, |t| t == Tag::SumJoiner) && !doc.is_punct(p, ",") {
        let passive = (t0..p)
            .rev()
            .find(|&k| doc.is(k, |t| t == Tag::SingularAux))?;
        let plural = (passive..p).any(|k| doc.is(k, |t| t == Tag::PluralAux));
        return (!plural).then_some(passive);
    }
    // A name or a person noun, not a word for a group, a place or a time.
    let one = |q: usize| {
        doc.toks[q].kind == Kind::Word
            && !doc.is(q, |t| {
                matches!(
                    t,
                    Tag::PeoplePlural
                        | Tag::GenericPeople
                        | Tag::GenericActor
                        | Tag::Demonym(_)
                        | Tag::Month(_)
                        | Tag::Weekday(_)
                        | Tag::Determiner
                        | Tag::RelPronoun
                        | Tag::Pronoun
                        | Tag::Impersonal
                )
            })
            && (doc.is(q, |t| t == Tag::PeopleSingular) || !doc.caps && doc.capword(q))
    };
    // In upper-case copy, two words the lexicon does not know: a name ("JOSE GUERRERO DIED").
    let caps_name = |q: usize| {
        doc.caps
            && q > t0
            && (q - 1..=q).all(|k| {
                doc.toks[k].kind == Kind::Word
                    && doc.hits(k).is_empty()
                    && !doc.low(k).ends_with('s')
            })
    };
    // "he died", "another sustained injuries"
    if doc.is(p, |t| t == Tag::OneSubject)
        || doc.is(p, |t| t == Tag::Singular)
            && doc.is(p, |t| {
                t == Tag::Qualifier(crate::lexicon::Qualifier::Additional)
            })
    {
        return Some(p);
    }
    // "one of them died"
    if p > t0 + 1
        && doc.find(p, |t| t == Tag::GroupPronoun).is_some()
        && doc
            .find(p - 2, |t| t == Tag::OneOf)
            .is_some_and(|h| p - 2 + h.len == p)
    {
        return Some(p - 2);
    }
    if one(p) || caps_name(p) {
        // (Not "an officer who died last year", nor counted people: "two of the guards died".)
        let q = (p.saturating_sub(3).max(t0)..p)
            .rev()
            .find(|&k| !doc.capword(k) || doc.caps);
        let counted =
            q.is_some_and(|k| doc.toks[k].kind == Kind::Num || doc.is(k, |t| t == Tag::UnitOf));
        return (!counted).then_some(p);
    }
    // "X, senator and presidential hopeful, died"
    if !doc.caps && doc.is_punct(p, ",") {
        let o = (p.saturating_sub(NAMES_MAX).max(t0 + 1)..p)
            .rev()
            .find(|&k| doc.is_punct(k, ","))?;
        let inner_ok = (o + 1..p).all(|k| {
            doc.toks[k].kind == Kind::Word
                && doc
                    .find(k, |t| cas_kind(t).is_some() || matches!(t, Tag::Trigger(_)))
                    .is_none()
        });
        if inner_ok && one(o - 1) {
            return Some(o - 1);
        }
    }
    None
}

/// The most words names set off by commas may take ("Wisam and Mazin Kazim").
const NAMES_MAX: usize = 9;

fn bad_context(doc: &Doc, n: &Num, t0: usize) -> bool {
    if n.yearlike {
        return true;
    }
    // "aged 25", "No. 5", "April 27": not victims.
    if n.t0 > t0 {
        let p = n.t0 - 1;
        if doc.is(p, |t| {
            matches!(t, Tag::AgeCue | Tag::Month(_) | Tag::NumberSign)
        }) {
            return true;
        }
        // "a battalion of 500 soldiers": a unit's size.
        if doc.is(p, |t| t == Tag::UnitOf) && p > t0 && not_people(doc, p - 1) {
            return true;
        }
        // "aged 19 and 21": the second of a list of ages.
        if (doc.is(p, |t| t == Tag::SumJoiner) || doc.is_punct(p, ","))
            && p > t0 + 1
            && doc.toks[p - 1].kind == Kind::Num
            && doc.is(p - 2, |t| t == Tag::AgeCue)
        {
            return true;
        }
    }
    if n.t1 < doc.toks.len() && doc.is(n.t1, |t| matches!(t, Tag::Month(_) | Tag::AgeCue)) {
        return true;
    }
    age_after(doc, n)
}

/// Is count `n` an age told before the noun: "a two-year-old boy", "his five-year old
/// daughter"?
fn age_after(doc: &Doc, n: &Num) -> bool {
    n.t1 + 1 < doc.toks.len() && doc.is_punct(n.t1, "-") && doc.is(n.t1 + 1, |t| t == Tag::AgeCue)
}

fn subset_before(doc: &Doc, n: &Num, t0: usize) -> bool {
    (n.t0.saturating_sub(3).max(t0)..n.t0).any(|k| doc.find(k, |t| t == Tag::Subset).is_some())
}

/// Casualty counts stated in tokens `t0..t1` (one sentence).
/// How far before "the killing of" a word of motive reaches ("in protest of the scheduled
/// execution of").
const MOTIVE_WINDOW: usize = 4;

pub(crate) fn casualties(doc: &Doc, lex: &Lexicon, t0: usize, t1: usize) -> Vec<Cas> {
    let mut out = Vec::new();
    let nums = numbers(doc, t0, t1);
    let mut covered_until = t0;
    // Statements that nobody was killed or hurt.
    let mut from = t0;
    while let Some((i, h)) = doc.next_find(from, t1, |t| {
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
                perp: false,
                specific: true,
            });
        }
        covered_until = covered_until.max(i + h.len);
        // (The tokens of a statement are not read again.)
        from = (i + 1).max(covered_until);
    }
    let mut i = t0;
    while i < t1 {
        let Some((k, h)) = doc.next_find(i, t1, |t| cas_kind(t).is_some()) else {
            break;
        };
        i = k;
        let kind = cas_kind(h.tag).unwrap_or(CasKind::Killed);
        let w_end = i + h.len;
        if i < covered_until
            && out
                .iter()
                .any(|c| c.zero && c.span[0] <= doc.toks[i].start && c.span[1] >= doc.toks[i].end)
        {
            i = w_end;
            continue;
        }
        // "in retaliation for the killing of seven": the deaths of another event, its motive
        // (in the same clause: "fired on the protest, and the killing of four" is no motive).
        if (i.saturating_sub(MOTIVE_WINDOW).max(t0)..i)
            .rev()
            .take_while(|&q| {
                !(doc.is_punct(q, ",")
                    || doc.is_punct(q, ";")
                    || doc.is(q, |t| t == Tag::ClauseBreak))
            })
            .any(|q| {
                doc.find(q, |t| t == Tag::MotiveCue)
                    .is_some_and(|m| q + m.len <= i)
            })
        {
            i = w_end;
            continue;
        }
        if let Some(mut c) = right_count(doc, lex, i, w_end, t0, t1, kind)
            .or_else(|| left_count(doc, &nums, i, w_end, t0, t1, kind))
            .or_else(|| distant_subject(doc, lex, &nums, i, w_end, t0, kind))
        {
            // "... was killed, along with his driver and a guard"
            let e = doc.toks.partition_point(|t| t.end <= c.span[1]);
            if let Some((l, h, e2)) = along_with(doc, lex, e.max(w_end), t0, t1) {
                c.low = c.low.zip(l).map(|(a, b)| a.saturating_add(b));
                c.high = c.high.zip(h).map(|(a, b)| a.saturating_add(b));
                c.span[1] = doc.toks[e2 - 1].end;
            }
            out.push(c);
        }
        i = w_end;
    }
    // "Gunmen kidnapped five labourers. Their bodies were found" / "The labourers were found
    // dead": the dead are the group counted just before, in an earlier sentence.
    if out.is_empty() {
        if let Some(c) = group_told_before(doc, t0, t1) {
            out.push(c);
        }
    }
    // "His body was found": one death, when the sentence counts no other dead or hurt,
    // nothing negates it ("no body was found") and a phrase ending in an article goes on to a
    // person ("the body of a man", not "of a car bomb").
    if out.is_empty() {
        let found = doc.next_find(t0, t1, |t| t == Tag::OneDead);
        let ok = found.is_some_and(|(i, h)| {
            let e = i + h.len;
            let negated =
                (i.saturating_sub(2).max(t0)..=i).any(|q| doc.is(q, |t| t == Tag::Negation));
            let to_person = !doc.is(e - 1, |t| t == Tag::Singular)
                || (e..(e + 3).min(t1)).any(|q| is_people(doc, q));
            !negated && to_person
        });
        if let Some((i, h)) = found.filter(|_| ok) {
            out.push(Cas {
                kind: CasKind::Killed,
                low: Some(1),
                high: Some(1),
                span: doc.span(i, i + h.len),
                additional: false,
                subset: false,
                zero: false,
                vague: false,
                // "the body of the bomber"
                perp: perp_in(doc, i, (i + h.len + 3).min(t1)),
                specific: true,
            });
        }
    }
    out
}

/// A counted group of people at `j` ("three civilians", "a child", "the driver"):
/// (low, high, end of the group).
fn group_at(
    doc: &Doc,
    j: usize,
    t0: usize,
    t1: usize,
) -> Option<(Option<u32>, Option<u32>, usize)> {
    if j >= t1 {
        return None;
    }
    if doc.is(j, |t| t == Tag::OneDeterminer) && j + 1 < t1 {
        // "his two sons"
        if let Some(m) = parse_at(doc, j + 1, t1).filter(|m| !m.article && !m.vague) {
            let e = noun_group_after(doc, m.t1, t1, false)?;
            return (e > m.t1 && !bad_context(doc, &m, t0)).then_some((m.low, m.high, e));
        }
        let mut k = j + 1;
        while k < t1
            && k < j + 3
            && doc.toks[k].kind == Kind::Word
            && (!is_people(doc, k)
                // "the police chief": a plural noun qualifying the singular head.
                || doc.is(k, |t| t == Tag::PeoplePlural)
                    && k + 1 < t1
                    && doc.is(k + 1, |t| t == Tag::PeopleSingular))
        {
            k += 1;
        }
        if k < t1 && doc.is(k, |t| t == Tag::PeopleSingular) {
            // "its civilian driver"
            let mut e = k + 1;
            while e < t1 && doc.is(e, |t| t == Tag::PeopleSingular) {
                e += 1;
            }
            return Some((Some(1), Some(1), e));
        }
        return None;
    }
    // "the two maids": an article before a count.
    let j = if doc.is(j, |t| t == Tag::Determiner)
        && !doc.is(j, |t| t == Tag::Singular)
        && parse_at(doc, j + 1, t1).is_some_and(|m| !m.article && !m.vague)
    {
        j + 1
    } else {
        j
    };
    let m = parse_at(doc, j, t1)?;
    if bad_context(doc, &m, t0) || m.vague {
        return None;
    }
    // "one of his colleagues", "two of his sons": people out of a group.
    if m.low.is_some() && m.low == m.high && m.t1 + 1 < t1 && doc.is(m.t1, |t| t == Tag::UnitOf) {
        let e = noun_group_after(doc, m.t1 + 1, t1, false)?;
        return (e > m.t1 + 1 && doc.is(e - 1, |t| t == Tag::PeoplePlural))
            .then_some((m.low, m.high, e));
    }
    let e = noun_group_after(doc, m.t1, t1, m.article)?;
    (e > m.t1).then_some((m.low, m.high, e))
}

/// After a victim, an "of" phrase naming where they belong ("the head of the city council"):
/// the index after it when a list goes on after it, else `e`.
fn skip_of_phrase(doc: &Doc, e: usize, t1: usize) -> usize {
    if e >= t1 || !doc.is(e, |t| t == Tag::UnitOf) {
        return e;
    }
    let mut k = e + 1;
    while k < t1 && k < e + 8 {
        if doc.is_punct(k, ",") || doc.find(k, |t| t == Tag::SumJoiner).is_some() {
            return k;
        }
        let plain = doc.toks[k].kind == Kind::Word
            && doc
                .find(k, |t| {
                    matches!(t, Tag::Trigger(_) | Tag::Killed | Tag::Injured | Tag::Aux)
                })
                .is_none()
            || doc.is_punct(k, "-")
            || doc.is_punct(k, ".");
        if !plain {
            return e;
        }
        k += 1;
    }
    e
}

/// Victims joined after a count by "along with", "together with" or "as well as" (and those
/// listed after them): (low, high, end).
fn along_with(
    doc: &Doc,
    lex: &Lexicon,
    e: usize,
    t0: usize,
    t1: usize,
) -> Option<(Option<u32>, Option<u32>, usize)> {
    // "one contractor, Binkumar Gurung, along with six guards": past a name in commas (but
    // not past the joiner itself: "was killed, along with his deputy, Col. X").
    let joins_at = |k: usize| {
        k < t1
            && doc
                .find(k, |t| t == Tag::SumJoiner)
                .is_some_and(|h| h.len > 1)
    };
    let e = if e < t1 && doc.is_punct(e, ",") && joins_at(e + 1) {
        e
    } else {
        skip_appositive(doc, e, t1).unwrap_or(e)
    };
    let at = if e < t1 && doc.is_punct(e, ",") {
        e + 1
    } else {
        e
    };
    let jn = (at < t1)
        .then(|| doc.find(at, |t| t == Tag::SumJoiner))
        .flatten()
        .filter(|h| h.len > 1)?;
    let (mut low, mut high, mut end) = victim_at(doc, lex, at + jn.len, t0, t1)?;
    while end + 1 < t1 && doc.is(end, |t| t == Tag::SumJoiner) && !doc.is_punct(end, ",") {
        let Some((l, h, e2)) = victim_at(doc, lex, end + 1, t0, t1) else {
            break;
        };
        low = low.zip(l).map(|(a, b)| a.saturating_add(b));
        high = high.zip(h).map(|(a, b)| a.saturating_add(b));
        end = e2;
    }
    Some((low, high, end))
}

/// Does a passive casualty verb start at `e` ("... were wounded")? Then the people before it
/// are its subject, not one more object of the verb before them.
fn passive_after(doc: &Doc, e: usize, t1: usize) -> bool {
    e < t1
        && doc.is(e, |t| matches!(t, Tag::PluralAux | Tag::SingularAux))
        && (e..(e + 4).min(t1)).any(|q| doc.find(q, |t| cas_kind(t).is_some()).is_some())
}

/// How far back, in tokens, a group told before is looked for.
const GROUP_BACK: usize = 60;

/// A sentence whose subject names a group told before ("their bodies were found", "the men were
/// found dead"): that group's count, from the sentences just before `t0`, with its span.
fn group_told_before(doc: &Doc, t0: usize, t1: usize) -> Option<Cas> {
    // The subject: "their bodies" / "the bodies", or "the" + a plural noun of people and a
    // word of death within a few words after it.
    let (a, e, head) = (t0..t1.min(t0 + 4)).find_map(|i| {
        if let Some(h) = doc.find(i, |t| t == Tag::GroupSubject) {
            return Some((i, i + h.len, None));
        }
        (doc.is(i, |t| t == Tag::OneDeterminer)
            && i + 1 < t1
            && doc.is(i + 1, |t| t == Tag::PeoplePlural)
            && !perp_in(doc, i + 1, i + 2))
        .then(|| (i, i + 2, Some(doc.low(i + 1))))
    })?;
    // (Bodies are dead already; "the men" must be said to be.)
    if head.is_some() {
        (e..t1.min(e + 5)).find(|&q| doc.find(q, |t| t == Tag::Killed).is_some())?;
    }
    // The nearest counted group before, of the same noun when the subject names one.
    let from = t0.saturating_sub(GROUP_BACK);
    (from..t0).rev().find_map(|j| {
        let counted = doc.toks[j].kind == Kind::Num || doc.is(j, |t| matches!(t, Tag::Cardinal(_)));
        if !counted {
            return None;
        }
        let (low, high, end) = group_at(doc, j, from, t0)?;
        let same = head.is_none_or(|n| doc.low(end - 1) == n);
        (low.is_some() && same && end > j + 1 && !perp_in(doc, j, end)).then(|| Cas {
            kind: CasKind::Killed,
            low,
            high,
            span: [doc.span(j, end)[0], doc.span(a, e)[1]],
            additional: false,
            subset: false,
            zero: false,
            vague: false,
            perp: false,
            specific: specific_in(doc, j, end),
        })
    })
}

/// The nearest counted group of people before `w0` in the sentence, not the attackers ("a taxi
/// carrying two police officers, killing them"): (low, high).
fn group_before(doc: &Doc, t0: usize, w0: usize) -> Option<(Option<u32>, Option<u32>)> {
    let (j, (l, h, e)) = (t0..w0)
        .rev()
        .find_map(|j| group_at(doc, j, t0, w0).map(|g| (j, g)))?;
    let counted = doc.toks[j].kind == Kind::Num || doc.is(j, |t| matches!(t, Tag::Cardinal(_)));
    // No other people come between ("Two officers chased the robbers, killing them": the
    // robbers).
    let between = (e..w0).any(|q| is_people(doc, q) || doc.is(q, |t| t == Tag::GenericPeople));
    (counted && !between && e <= w0 && l.is_some() && !perp_in(doc, j, e)).then_some((l, h))
}

/// A victim or group of victims at `j`: a counted group ("three civilians", "his mother",
/// followed by a name or not) or a name.
fn victim_at(
    doc: &Doc,
    lex: &Lexicon,
    j: usize,
    t0: usize,
    t1: usize,
) -> Option<(Option<u32>, Option<u32>, usize)> {
    if let Some((l, h, e)) = group_at(doc, j, t0, t1) {
        // "his mother Ines"
        let e = match name_at(doc, e, t1) {
            Some(e2) if l == Some(1) && h == Some(1) => e2,
            _ => e,
        };
        return Some((l, h, e));
    }
    // "police officer Asaad Ahmed", "General Gustavo Alvarez": a person noun or a title
    // before a name.
    let title = |k: usize| doc.is(k, |t| t == Tag::Title);
    let mut k = j;
    while k < t1 && k < j + 3 && (is_people(doc, k) || title(k)) {
        k += 1;
    }
    if k > j && (doc.is(k - 1, |t| t == Tag::PeopleSingular) || title(k - 1)) && !perp_in(doc, j, k)
    {
        if let Some(e) = name_at(doc, k, t1) {
            return Some((Some(1), Some(1), e));
        }
    }
    // "killed forester Kadri Jasiqi": a word the lexicon does not know, ending like a noun of
    // one person, before a name.
    let occupation = j < t1
        && doc.toks[j].kind == Kind::Word
        && !doc.toks[j].cap
        && doc.hits(j).is_empty()
        && lex.people_suffixes_singular.iter().any(|s| {
            let w = doc.low(j);
            w.len() > s.len() + 2 && w.ends_with(s.as_str())
        });
    if occupation {
        if let Some(e) = name_at(doc, j + 1, t1) {
            return Some((Some(1), Some(1), e));
        }
    }
    name_at(doc, j, t1).map(|e| (Some(1), Some(1), e))
}

/// "killing at least 41 people", "injuring a further 18", "the death toll rose to 30".
fn right_count(
    doc: &Doc,
    lex: &Lexicon,
    w0: usize,
    w_end: usize,
    t0: usize,
    t1: usize,
    kind: CasKind,
) -> Option<Cas> {
    let mut j = w_end;
    let nominal = doc
        .find(w0, |t| {
            matches!(t, Tag::NominalKilled | Tag::NominalInjured)
        })
        .is_some_and(|h| w0 + h.len == w_end);
    // "the killing of the six Jesuits": the article before a count.
    if nominal
        && j + 1 < t1
        && doc.is(j, |t| t == Tag::Determiner)
        && parse_at(doc, j + 1, t1).is_some_and(|n| !n.article)
    {
        j += 1;
    }
    let mut links = if doc.find(w0, |t| t == Tag::TollNoun).is_some() {
        0
    } else {
        3
    };
    while j < t1 && links < 3 && parse_at(doc, j, t1).is_none() && doc.is(j, |t| t == Tag::TollLink)
    {
        j += 1;
        links += 1;
    }
    let Some(n) = parse_at(doc, j, t1) else {
        // "killing him", "killing the driver and his son"
        // "wounding one guard and killing another": one more person.
        let another = doc.is(w_end, |t| t == Tag::Singular)
            && doc.is(w_end, |t| {
                t == Tag::Qualifier(crate::lexicon::Qualifier::Additional)
            })
            && (w_end + 1 >= t1
                || doc.toks[w_end + 1].kind == Kind::Punct
                || doc.is(w_end + 1, |t| {
                    matches!(t, Tag::SumJoiner | Tag::PlacePreposition | Tag::Locative)
                }));
        let (mut low, mut high, mut end) = if another || doc.is(w_end, |t| t == Tag::OnePronoun) {
            (Some(1), Some(1), w_end + 1)
        } else if let Some(h) = doc.find(w_end, |t| t == Tag::GroupPronoun) {
            let (l, h2) = group_before(doc, t0, w0)?;
            (l, h2, w_end + h.len)
        } else {
            // "Also killed was his companion": the victim after the verb "be".
            let inverted = w0 > t0
                && doc.is(w0 - 1, |t| t == Tag::Additive)
                && w_end + 1 < t1
                && doc.is(w_end, |t| {
                    matches!(t, Tag::SingularAux | Tag::PluralAux | Tag::PassiveAux)
                });
            victim_at(doc, lex, if inverted { w_end + 1 } else { w_end }, t0, t1)?
        };
        // A list of victims adds up only once it closes with "and": "killing the driver, a
        // spokesman said" is one victim.
        let mut committed = (low, high, end);
        let mut after_name = doc.toks[w_end].cap;
        loop {
            // "killed X, the head of the council, and his wife"
            // "a British employee of the Ministry of Information and his wife"
            let end_of = skip_of_phrase(doc, end, t1);
            let at = match skip_appositive(doc, end_of, t1) {
                Some(k)
                    if k < t1
                        && doc.find(k, |t| t == Tag::SumJoiner).is_some()
                        && !doc.is_punct(k, ",") =>
                {
                    k
                }
                _ => end_of,
            };
            let Some(jn) = (at + 1 < t1)
                .then(|| doc.find(at, |t| t == Tag::SumJoiner))
                .flatten()
            else {
                break;
            };
            // ", and": the list's last item.
            let serial = doc.is_punct(at, ",")
                && at + 2 < t1
                && doc.is(at + 1, |t| t == Tag::SumJoiner)
                && !doc.is_punct(at + 1, ",");
            let next = at + jn.len + usize::from(serial);
            let Some((l, h, e2)) = victim_at(doc, lex, next, t0, t1) else {
                break;
            };
            // "killed the mayor and two guards were wounded": the next clause's subject.
            if passive_after(doc, e2, t1) {
                break;
            }
            // "X, a tribal elder, ...": an appositive, not one more victim.
            if after_name
                && doc.is_punct(at, ",")
                && doc.is(at + 1, |t| matches!(t, Tag::Determiner | Tag::Singular))
            {
                break;
            }
            after_name = doc.capword(at + jn.len);
            low = low.zip(l).map(|(a, b)| a.saturating_add(b));
            high = high.zip(h).map(|(a, b)| a.saturating_add(b));
            end = e2;
            if serial || !doc.is_punct(at, ",") {
                committed = (low, high, end);
            }
        }
        (low, high, end) = committed;
        return Some(Cas {
            kind,
            low,
            high,
            span: doc.span(w0, end),
            // "The attack also killed his driver"
            additional: (w0.saturating_sub(2).max(t0)..w0)
                .any(|q| doc.is(q, |t| t == Tag::Additive)),
            subset: false,
            zero: false,
            vague: false,
            perp: perp_in(doc, w_end, end),
            specific: true,
        });
    };
    if bad_context(doc, &n, t0) || n.vague && n.t1 >= t1 {
        return None;
    }
    // "injured ten more": more people of the sentence's kind.
    let more = !n.article && n.t1 < t1 && doc.is(n.t1, |t| t == Tag::Additive);
    let mut end = if more {
        n.t1 + 1
    } else {
        noun_group_after(doc, n.t1, t1, n.article).or_else(|| {
            (!n.vague)
                .then(|| people_object(doc, lex, n.t1, t1, nominal, n.article))
                .flatten()
        })?
    };
    let mut low = n.low;
    let mut high = n.high;
    // "two soldiers and three civilians", "six passengers and the driver"
    loop {
        // "an employee of the ministry and his wife"
        let at = skip_of_phrase(doc, end, t1);
        let Some(jn) = (at + 1 < t1)
            .then(|| doc.find(at, |t| t == Tag::SumJoiner))
            .flatten()
        else {
            break;
        };
        // (", and": the last of a serial list.)
        let jn_len = if doc.is_punct(at, ",")
            && at + 2 < t1
            && doc.find(at + 1, |t| t == Tag::SumJoiner).is_some()
            && !doc.is_punct(at + 1, ",")
        {
            2
        } else {
            jn.len
        };
        let Some((m_low, m_high, e2)) = group_at(doc, at + jn_len, t0, t1) else {
            break;
        };
        if passive_after(doc, e2, t1) {
            break;
        }
        // After a comma, "a spokesman said" is a new clause, not one more victim, and "eleven
        // people, ten men and a child" breaks the eleven down.
        // (... unless the list goes on to its closing "and": "6 clergymen, a maid, and her
        // daughter".)
        let and_word = |k: usize| {
            k < t1 && doc.find(k, |t| t == Tag::SumJoiner).is_some() && !doc.is_punct(k, ",")
        };
        let serial = and_word(e2) || e2 < t1 && doc.is_punct(e2, ",") && and_word(e2 + 1);
        if doc.is_punct(at, ",")
            && jn_len == 1
            && (m_low == Some(1)
                && m_high == Some(1)
                && parse_at(doc, at + 1, t1).is_none_or(|m| m.article)
                && !serial
                || !specific_in(doc, n.t1, end))
        {
            break;
        }
        low = low.zip(m_low).map(|(a, b)| a.saturating_add(b));
        high = high.zip(m_high).map(|(a, b)| a.saturating_add(b));
        end = e2;
    }
    Some(Cas {
        kind,
        low,
        high,
        span: doc.span(w0, end.max(n.t1)),
        // "The attack also killed two guards"
        // ("killed five more" is not marked additional: the more often tell of another act,
        // "the second blast wounded eight more", which stays an incident of its own.)
        additional: n.additional
            || (w0.saturating_sub(2).max(t0)..w0).any(|q| doc.is(q, |t| t == Tag::Additive)),
        subset: subset_before(doc, &n, t0),
        zero: false,
        vague: n.vague,
        perp: perp_in(doc, n.t1, end),
        specific: specific_in(doc, n.t1, end),
    })
}

/// "41 people were killed", "a policeman was wounded", "the mayor was shot dead".
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
    // "two civilians were also killed": on top of an earlier count.
    let also = (w0.saturating_sub(4).max(t0)..w0).any(|q| doc.is(q, |t| t == Tag::Additive));
    // "one was killed and another injured": one more person, of this kind.
    if w0 > t0 + 1
        && doc.is(w0 - 1, |t| t == Tag::Singular)
        && doc.is(w0 - 1, |t| {
            t == Tag::Qualifier(crate::lexicon::Qualifier::Additional)
        })
        && (doc.is(w0 - 2, |t| t == Tag::SumJoiner) || doc.is_punct(w0 - 2, ","))
    {
        return Some(Cas {
            kind,
            low: Some(1),
            high: Some(1),
            span: doc.span(w0 - 1, w_end),
            additional: false,
            subset: false,
            zero: false,
            vague: false,
            perp: false,
            specific: false,
        });
    }
    // "shot him to death", "gunned her down dead": the one the act was done to.
    if w0 > t0 + 1
        && doc.is(w0 - 1, |t| t == Tag::OnePronoun)
        && !doc.is(w0 - 1, |t| t == Tag::Reflexive)
        && doc.find(w0 - 2, |t| matches!(t, Tag::Trigger(_))).is_some()
    {
        return Some(Cas {
            kind,
            low: Some(1),
            high: Some(1),
            span: doc.span(w0 - 2, w_end),
            additional: also,
            subset: false,
            zero: false,
            vague: false,
            perp: false,
            specific: true,
        });
    }
    // "X was killed and his driver wounded": a second passive with its auxiliary left out.
    if let Some((low, high, a)) = elided_passive(doc, w0, t0, t1) {
        return Some(Cas {
            kind,
            low,
            high,
            span: doc.span(a, w_end),
            additional: false,
            subset: false,
            zero: false,
            vague: false,
            perp: false,
            specific: true,
        });
    }
    if let Some((n, a, perp)) = coordinated_subject(doc, nums, w0, t0) {
        return Some(Cas {
            kind,
            low: Some(n),
            high: Some(n),
            span: doc.span(a, w_end),
            additional: also,
            subset: false,
            zero: false,
            vague: false,
            perp,
            specific: true,
        });
    }
    if let Some(a) = one_who_died(doc, w0, t0) {
        return Some(Cas {
            kind,
            low: Some(1),
            high: Some(1),
            span: doc.span(a, w_end),
            additional: also,
            subset: false,
            zero: false,
            vague: false,
            perp: false,
            specific: true,
        });
    }
    // Words that qualify the noun counted rather than add to it: a possessive, the first half
    // of a hyphenated word, a nationality.
    let qualifier = |p: usize| {
        doc.raw(p).ends_with("'s")
            || p + 1 < w0 && doc.is_punct(p + 1, "-") && doc.toks[p + 1].start == doc.toks[p].end
            || doc.is(p, |t| matches!(t, Tag::Demonym(_)))
    };
    while k > t0 && steps < 8 {
        let p = k - 1;
        if let Some(n) = nums.iter().find(|n| n.t1 == k) {
            // "A two-year-old boy was killed": the age qualifies the one counted before it.
            if age_after(doc, n) {
                k = n.t0;
                steps += 1;
                continue;
            }
            // "attacked by nearly forty men and shot": the count is of the attackers.
            // "wounding three policemen and killing one": the three belong to "wounding".
            if bad_context(doc, n, t0)
                || n.t0 > t0 && doc.is(n.t0 - 1, |t| t == Tag::AgentBy || cas_kind(t).is_some())
            {
                return None;
            }
            // "five members of a family": the article opens a phrase inside the subject
            // ("five passengers in a minibus": after a preposition likewise.)
            if n.article
                && n.t0 > t0
                && doc.is(n.t0 - 1, |t| {
                    matches!(t, Tag::UnitOf | Tag::PlacePreposition)
                })
            {
                k = n.t0 - 1;
                steps += 1;
                continue;
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
                    // "An Australian engineer was killed": a singular passive still counts one.
                    if singular_aux.is_some() {
                        break;
                    }
                    return None;
                }
                return Some(Cas {
                    kind,
                    low: Some(1),
                    high: Some(1),
                    span: doc.span(n.t0, r + 1),
                    additional: n.additional || also,
                    subset: false,
                    zero: false,
                    vague: false,
                    perp: false,
                    specific: true,
                });
            }
            if n.article && saw_people && !saw_singular {
                return None;
            }
            // "three soldiers and two civilians were killed": add the groups before.
            let (mut low, mut high, mut a) = (n.low, n.high, n.t0);
            while a > t0 + 1 && doc.is(a - 1, |t| t == Tag::SumJoiner) {
                // A list ends in "and": "twenty attackers, one assailant" is no sum.
                if a == n.t0 && doc.is_punct(a - 1, ",") {
                    break;
                }
                let Some(prev) = nums.iter().rev().find(|m| m.t1 < a && m.t1 + 4 >= a - 1) else {
                    break;
                };
                match group_at(doc, prev.t0, t0, t1) {
                    Some((l, h, e)) if e == a - 1 => {
                        low = low.zip(l).map(|(x, y)| x.saturating_add(y));
                        high = high.zip(h).map(|(x, y)| x.saturating_add(y));
                        a = prev.t0;
                    }
                    _ => break,
                }
            }
            // "Four people, including two musicians were killed": the whole counted before the
            // part is the toll.
            if let Some(q) = (n.t0.saturating_sub(3).max(t0)..n.t0)
                .find(|&q| doc.find(q, |t| t == Tag::Subset).is_some())
            {
                let before = if q > t0 && doc.is_punct(q - 1, ",") {
                    q - 1
                } else {
                    q
                };
                let whole = nums
                    .iter()
                    .rev()
                    .filter(|m| m.t1 <= before && m.t0 >= t0 && before - m.t1 <= 4)
                    .find_map(|m| {
                        group_at(doc, m.t0, t0, t1)
                            .filter(|&(_, _, e)| e == before)
                            .map(|(l, h, _)| (l, h, m.t0))
                    });
                if let Some((l, h, start)) = whole {
                    return Some(Cas {
                        kind,
                        low: l,
                        high: h,
                        span: doc.span(start, w_end),
                        additional: n.additional || also,
                        subset: false,
                        zero: false,
                        vague: n.vague,
                        perp: perp_in(doc, start, w0),
                        specific: specific_in(doc, start, w0),
                    });
                }
            }
            // "One of the men killed was ...": a part of the dead, not their count.
            let partitive = n.t1 < w0
                && doc.is(n.t1, |t| t == Tag::UnitOf)
                && !(n.t1..w0).any(|k| doc.is(k, |t| t == Tag::Aux))
                && doc.is(w0 - 1, |t| {
                    matches!(t, Tag::PeoplePlural | Tag::GenericPeople)
                })
                && doc
                    .find(w0, |t| matches!(t, Tag::Intransitive | Tag::TollNoun))
                    .is_none()
                // "Two of the dead and six of the injured were soldiers": a part of the dead.
                || n.t1 + 1 < w0
                    && doc.is(n.t1, |t| t == Tag::UnitOf)
                    && (n.t1 + 1..w0).all(|k| doc.is(k, |t| t == Tag::Determiner));
            return Some(Cas {
                kind,
                low,
                high,
                span: doc.span(a, w_end),
                additional: n.additional || also,
                // "Three nurses were among the dead"
                subset: partitive
                    || subset_before(doc, n, t0)
                    || (n.t1..w0).any(|k| doc.find(k, |t| t == Tag::Subset).is_some()),
                zero: false,
                vague: n.vague,
                perp: perp_in(doc, n.t1, w0),
                specific: specific_in(doc, n.t1, w0),
            });
        }
        // "a two-year-old boy": the age inside the subject, back to its number.
        if p >= t0 + 2
            && doc.is(p, |t| t == Tag::AgeCue)
            && doc.is_punct(p - 1, "-")
            && nums.iter().any(|n| n.t1 == p - 1)
        {
            k = p - 1;
            steps += 1;
            continue;
        }
        if not_people(doc, p) {
            // "three employees of the Ferdana company were killed": a thing inside the "of"
            // phrase of the people counted.
            match (p.saturating_sub(6).max(t0 + 1)..p)
                .rev()
                .find(|&q| doc.is(q, |t| t == Tag::UnitOf) && is_people(doc, q - 1))
            {
                Some(q) => {
                    k = q;
                    steps += 1;
                    continue;
                }
                None => return None,
            }
        }
        let t = doc.toks[p];
        // "three U.S. officers": the stop closing an initialism is part of it.
        if p > t0 && doc.closes_initialism(p) {
            k = p;
            continue;
        }
        // "Two barbers, Wisam and Mazin Kazim, were killed": the names of the people counted.
        if let Some(o) = names_between_commas(doc, p, t0) {
            k = o;
            steps += 1;
            continue;
        }
        if t.kind == Kind::Punct && !doc.is_punct(p, "-") {
            break;
        }
        if doc.is(p, |t| t == Tag::SingularAux) || doc.find(p, |t| t == Tag::SingularAux).is_some()
        {
            singular_aux.get_or_insert(p);
        }
        // "Two gunmen shot and killed ...": the counted people are the attackers.
        if doc.find(p, |t| t == Tag::GenericActor).is_some() && kind == CasKind::Killed {
            // ... unless a passive comes first: "a police officer was shot and killed".
            let active = (p + 1..w0)
                .take_while(|&q| !doc.is(q, |t| matches!(t, Tag::SingularAux | Tag::PluralAux)))
                .any(|q| doc.find(q, |t| matches!(t, Tag::Trigger(_))).is_some());
            if active {
                return None;
            }
        }
        if doc.is(p, |t| t == Tag::PeopleSingular) {
            saw_singular = true;
        } else if doc.is(p, |t| t == Tag::PeoplePlural) {
            // ("the police chief", "a police commando": a plural noun qualifying another noun
            // is no count.)
            saw_people |= !(p + 1 < w0
                && (doc.is(p + 1, |t| matches!(t, Tag::PeopleSingular | Tag::Title))
                    || doc.toks[p + 1].kind == Kind::Word && doc.hits(p + 1).is_empty()));
        } else if doc.is(p, |t| {
            matches!(t, Tag::Aux | Tag::PassiveFiller | Tag::SingularAux)
        }) {
        } else if t.kind == Kind::Word && !qualifier(p) {
            unknown += 1;
            // ("two Sunni civil defense authority workers": more words qualify a person noun.)
            let limit = if saw_people { 4 } else { 2 };
            if unknown > limit || doc.find(p, |t| cas_kind(t).is_some()).is_some() {
                break;
            }
        }
        k = p;
        steps += 1;
    }
    if let Some(c) = modified_subject(doc, nums, w0, w_end, t0, t1, kind, also) {
        return Some(c);
    }
    // "the mayor was killed": one victim.
    let a = singular_aux?;
    if saw_people {
        return None;
    }
    let only_fillers = (a + 1..w0).all(|q| {
        doc.is(q, |t| matches!(t, Tag::PassiveFiller | Tag::Aux))
            && !doc.is(q, |t| t == Tag::PluralAux)
    });
    // The subject right before "was" must be a person noun or a name.
    // ... or a noun that is not a thing, or an appositive ("Safwan Ayid, a police officer, was").
    // "an officer who was killed last year": a relative clause tells background.
    // "the driver of the car was killed": a person noun before "of" heads the subject.
    let of_head = a > t0 + 1
        && (a.saturating_sub(4).max(t0 + 1)..a - 1).any(|q| {
            doc.is(q, |t| t == Tag::UnitOf) && doc.is(q - 1, |t| t == Tag::PeopleSingular)
        });
    let subj_ok = a > t0
        && !doc.is(a - 1, |t| t == Tag::RelPronoun)
        && (doc.is(a - 1, |t| t == Tag::PeopleSingular)
            || of_head
            || doc.capword(a - 1)
            || doc.is_punct(a - 1, ",")
            || doc.toks[a - 1].kind == Kind::Word
                && !not_people(doc, a - 1)
                && !doc.is(a - 1, |t| {
                    matches!(
                        t,
                        Tag::Trigger(_)
                            | Tag::Target(_)
                            | Tag::Determiner
                            | Tag::Pronoun
                            | Tag::Impersonal
                    )
                }));
    if !only_fillers || !subj_ok {
        return None;
    }
    Some(Cas {
        kind,
        low: Some(1),
        high: Some(1),
        span: doc.span(a - 1, w_end),
        additional: also,
        subset: false,
        zero: false,
        vague: false,
        perp: perp_in(doc, a - 1, a),
        specific: true,
    })
}

/// When token `c` is a comma closing names set off by commas after a noun of people ("two
/// barbers, Wisam and Mazin Kazim, were"), the opening comma.
fn names_between_commas(doc: &Doc, c: usize, t0: usize) -> Option<usize> {
    if doc.caps || !doc.is_punct(c, ",") {
        return None;
    }
    let mut q = c;
    let mut names = 0;
    while q > t0 && c - q < NAMES_MAX {
        q -= 1;
        if doc.is_punct(q, ",") {
            let noun = q > t0 && (is_people(doc, q - 1) || doc.low(q - 1).ends_with('s'));
            return (names > 0 && noun && !doc.capword(q - 1)).then_some(q);
        }
        let joiner = doc.is(q, |t| t == Tag::SumJoiner) && !doc.toks[q].cap
            || doc.is_punct(q, "-")
            || doc.is_punct(q, "'")
            || doc.is_punct(q, ".");
        if doc.capword(q) {
            names += 1;
        } else if !joiner {
            return None;
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::Lexicon;

    fn cas(text: &str) -> Vec<(CasKind, Option<u32>, Option<u32>)> {
        let lex = Lexicon::embedded().expect("lexicon");
        let doc = Doc::new(text, &lex);
        let n = doc.toks.len();
        casualties(&doc, &lex, 0, n)
            .into_iter()
            .map(|c| (c.kind, c.low, c.high))
            .collect()
    }

    use CasKind::{Injured as I, Killed as K};

    #[test]
    fn a_title_before_a_name_is_one_victim() {
        assert_eq!(
            cas("The government condemned the murder of General Gustavo Alvarez."),
            vec![(K, Some(1), Some(1))]
        );
        assert_eq!(
            cas("Gunmen killed Colonel Jose Garcia outside his home."),
            vec![(K, Some(1), Some(1))]
        );
    }

    #[test]
    fn public_figures_are_people() {
        assert_eq!(
            cas("Hired assassins killed five personalities in a month."),
            vec![(K, Some(5), Some(5))]
        );
    }

    #[test]
    fn an_official_named_by_office_is_one_victim() {
        assert_eq!(
            cas("A Conservative city councilor was murdered in the north."),
            vec![(K, Some(1), Some(1))]
        );
        assert_eq!(
            cas("Two senators were wounded by the blast."),
            vec![(I, Some(2), Some(2))]
        );
    }

    #[test]
    fn a_noun_of_killing_reaches_its_victims_unless_they_are_a_motive() {
        assert_eq!(
            cas("The bishop condemned the killing of the six priests."),
            vec![(K, Some(6), Some(6))]
        );
        assert_eq!(
            cas("The guerrillas claimed the murder of a judge in the capital."),
            vec![(K, Some(1), Some(1))]
        );
        assert_eq!(
            cas("The attack resulted in the death of two guards and the injury of one."),
            vec![(K, Some(2), Some(2)), (I, Some(1), Some(1))]
        );
        // The deaths that moved the attackers are another event's.
        assert!(
            cas("They fired rockets in retaliation for the killing of seven fighters.").is_empty()
        );
        // ... and so are those of a charge.
        assert!(cas("Two officers were accused of the killing of six priests.").is_empty());
        assert!(
            cas("The bomb marked the anniversary of the assassination of two leaders.").is_empty()
        );
        // After "the death of", a count reaches any plural, known to the lexicon or not.
        assert_eq!(
            cas("The officer was blamed for the death of six Jesuits."),
            vec![(K, Some(6), Some(6))]
        );
        // A motive is told in the clause of the killing: the protest fired on is no motive ...
        assert_eq!(
            cas("Troops fired on the protest, and the killing of four students sparked riots."),
            vec![(K, Some(4), Some(4))]
        );
        // ... nor is a protest broken up by the killing, but a protest against it is.
        assert_eq!(
            cas("Soldiers broke up the protest with the killing of six demonstrators."),
            vec![(K, Some(6), Some(6))]
        );
        assert!(cas("Students held a protest against the killing of two teachers.").is_empty());
        assert!(
            cas("The bomb was a protest of the planned execution of two prisoners.").is_empty()
        );
        // A killing with no count or victim named counts nothing.
        assert!(cas("The killing of civilians must stop.").is_empty());
    }

    #[test]
    fn subjects_with_initialisms_phrases_and_possessives() {
        assert_eq!(
            cas("Three U.N. engineers were killed."),
            vec![(K, Some(3), Some(3))]
        );
        assert_eq!(
            cas("Rebels admitted killing two U.N. engineers."),
            vec![(K, Some(2), Some(2))]
        );
        assert_eq!(
            cas("Two East Timorese citizens were killed near the port."),
            vec![(K, Some(2), Some(2))]
        );
        assert_eq!(
            cas("Four members of a television crew were killed."),
            vec![(K, Some(4), Some(4))]
        );
        assert_eq!(
            cas("Six passengers in a minibus were wounded."),
            vec![(I, Some(6), Some(6))]
        );
        assert_eq!(
            cas("Two of the judge's guards were also killed."),
            vec![(K, Some(2), Some(2))]
        );
        assert_eq!(
            cas("The owner of the shop was killed."),
            vec![(K, Some(1), Some(1))]
        );
        // A passive comes first: the police are the victims, not the killers.
        assert_eq!(
            cas("A police officer was shot and killed by two men on a motorbike."),
            vec![(K, Some(1), Some(1))]
        );
        // ... but "police shot and killed" names who killed.
        assert_eq!(
            cas("Three police shot and killed a driver."),
            vec![(K, Some(1), Some(1))]
        );
    }

    #[test]
    fn titles_before_names_and_pronouns_for_groups() {
        assert_eq!(
            cas("Gunmen raided the post, killing police officer Omar Haddad."),
            vec![(K, Some(1), Some(1))]
        );
        assert_eq!(
            cas("Rebels ambushed a van carrying three nurses, killing them."),
            vec![(K, Some(3), Some(3))]
        );
        // The only group named before "them" is the attackers': no count.
        assert!(cas("Four gunmen stopped the bus, killing them.").is_empty());
        // Other people come between: "them" are those.
        assert!(cas("Two officers chased the robbers, killing them.").is_empty());
    }

    #[test]
    fn objects_the_lexicon_does_not_know_and_singular_passives() {
        // A count after the verb, then plain words ending in a plural: people.
        assert_eq!(
            cas("The blast injured six dock workers, police said."),
            vec![(I, Some(6), Some(6))]
        );
        assert_eq!(cas("The blast injured six."), vec![(I, Some(6), Some(6))]);
        // ... but not animals or things: the words must end like people.
        assert!(cas("The mine exploded, killing 12 cows.").is_empty());
        // After "a", one such word in the singular: one person.
        assert_eq!(
            cas("Gunmen killed a plumber in his shop."),
            vec![(K, Some(1), Some(1))]
        );
        assert!(cas("The shelling killed a cow near the farm.").is_empty());
        // A word of things qualifying people: "five day laborers".
        assert_eq!(
            cas("The blast killed five day laborers."),
            vec![(K, Some(5), Some(5))]
        );
        // A plural noun qualifying an unknown one is no count of its own.
        assert_eq!(
            cas("A police commando was killed near the bridge."),
            vec![(K, Some(1), Some(1))]
        );
        // A counted subject at the start, a long phrase of its own, then the passive.
        assert_eq!(
            cas("Three members of the Democratic Union of Farm Workers in Kunduz were killed."),
            vec![(K, Some(3), Some(3))]
        );
        assert_eq!(
            cas("Five teachers returning to their homes near the northern border were wounded."),
            vec![(I, Some(5), Some(5))]
        );
        // ... not a count of things, nor one after a word of casualties.
        assert!(cas("Two trucks carrying food to the camps near the border were hit.").is_empty());
        // One person, the subject of a death verb with no auxiliary.
        assert_eq!(
            cas("The driver later died in hospital."),
            vec![(K, Some(1), Some(1))]
        );
        assert_eq!(
            cas("Haddad died on the way to the clinic."),
            vec![(K, Some(1), Some(1))]
        );
        assert_eq!(
            cas("Rana Aziz, a nurse and mother of three, died of her wounds."),
            vec![(K, Some(1), Some(1))]
        );
        assert_eq!(
            cas("OMAR HADDAD DIED ON THE WAY TO THE CLINIC."),
            vec![(K, Some(1), Some(1))]
        );
        // ... not a time, a group or part of a count.
        assert!(cas("On Monday died the hopes of a truce.").is_empty());
        assert_eq!(
            cas("Two of the guards died in hospital."),
            vec![(K, Some(2), Some(2))]
        );
        // A title, with a nationality and a plural noun before it, is one person.
        assert_eq!(
            cas("Gunmen killed an Afghan police commander near the market."),
            vec![(K, Some(1), Some(1))]
        );
        // Several words may qualify a person noun counted before a passive.
        assert_eq!(
            cas("Two Sunni civil defense authority workers were killed by gunfire."),
            vec![(K, Some(2), Some(2))]
        );
        // "he" as the subject of a death verb; "attacked and killed" after a name.
        assert_eq!(
            cas("He died of his wounds in hospital."),
            vec![(K, Some(1), Some(1))]
        );
        assert!(cas("They died of their wounds in hospital.").is_empty());
        assert_eq!(
            cas("The head of the council, Ali Saadi, was attacked and killed by gunmen."),
            vec![(K, Some(1), Some(1))]
        );
        // A second passive with its auxiliary left out.
        assert_eq!(
            cas("The colonel was killed and his driver wounded in the ambush."),
            vec![(K, Some(1), Some(1)), (I, Some(1), Some(1))]
        );
        assert_eq!(
            cas("Two soldiers were killed and three others wounded."),
            vec![(K, Some(2), Some(2)), (I, Some(3), Some(3))]
        );
        // "a Palestinian died", and the one of a singular passive who "died of his wounds".
        assert_eq!(
            cas("A Kurd died after he was beaten by a mob."),
            vec![(K, Some(1), Some(1))]
        );
        assert_eq!(
            cas("A taxi driver was shot near the bridge and died of his wounds."),
            vec![(K, Some(1), Some(1))]
        );
        // A name with a particle, set off with its title, then "and his son".
        assert_eq!(
            cas("Salim al-Tikriti, a tribal elder, and his son were killed by gunmen."),
            vec![(K, Some(2), Some(2))]
        );
        // "shot him to death": the one the act was done to.
        assert_eq!(
            cas("Gunmen dragged a farmer from his house and shot him to death."),
            vec![(K, Some(1), Some(1))]
        );
        // "one of them died"; a title qualified by a plural noun; a person noun set off.
        assert_eq!(
            cas("Two nurses were shot. One of them died in hospital."),
            vec![(K, Some(1), Some(1))]
        );
        assert_eq!(
            cas("A police commissioner was killed near the market."),
            vec![(K, Some(1), Some(1))]
        );
        assert_eq!(
            cas("The man, a former informer, died of his injuries."),
            vec![(K, Some(1), Some(1))]
        );
        assert_eq!(
            cas("A child was killed and another sustained injuries."),
            vec![(K, Some(1), Some(1)), (I, Some(1), Some(1))]
        );
        // Wounds suffered by one person, and a noun of wounds with "of".
        assert_eq!(
            cas("The guard was knocked down and suffered serious injuries."),
            vec![(I, Some(1), Some(1))]
        );
        assert_eq!(
            cas("The blast caused the death of one guard and the injury of two others."),
            vec![(K, Some(1), Some(1)), (I, Some(2), Some(2))]
        );
        // A bare count ends where its parts begin.
        assert_eq!(
            cas("The parcel exploded, injuring seven including the driver."),
            vec![(I, Some(7), Some(7))]
        );
        // A nationality word after "an" as the noun.
        assert_eq!(
            cas("Gunmen killed an Israeli and wounded two others."),
            vec![(K, Some(1), Some(1)), (I, Some(2), Some(2))]
        );
        // Ages are not counts; serial lists, "the two maids", "one of his bodyguards".
        assert_eq!(
            cas("Two missionaries, aged 19 and 21, were shot to death."),
            vec![(K, Some(2), Some(2))]
        );
        assert_eq!(
            cas("Soldiers killed 6 priests, a nurse, and her daughter."),
            vec![(K, Some(8), Some(8))]
        );
        assert_eq!(
            cas("They condemned the murder of the six priests and the two maids."),
            vec![(K, Some(8), Some(8))]
        );
        assert_eq!(
            cas("His driver and one of his bodyguards were killed."),
            vec![(K, Some(2), Some(2))]
        );
        // "all four": the whole group, exactly.
        assert_eq!(
            cas("Gunmen stopped a car carrying four nurses, killing all four."),
            vec![(K, Some(4), Some(4))]
        );
        // Names set off by commas after the people counted.
        assert_eq!(
            cas("Two nurses, Leila Haddad and Rana Aziz, were killed in the shelling."),
            vec![(K, Some(2), Some(2))]
        );
        // "An Estonian surveyor was killed": one, though the noun is unknown.
        assert_eq!(
            cas("An Estonian surveyor was killed near the border."),
            vec![(K, Some(1), Some(1))]
        );
        // "injuries to", like a toll, reaches its number.
        assert_eq!(
            cas("The bomb caused injuries to three guards."),
            vec![(I, Some(3), Some(3))]
        );
        assert_eq!(
            cas("A teacher was killed and another wounded."),
            vec![(K, Some(1), Some(1)), (I, Some(1), Some(1))]
        );
        assert_eq!(
            cas("The blast killed four guards and injured ten more."),
            vec![(K, Some(4), Some(4)), (I, Some(10), Some(10))]
        );
        // "... and wounded another in an ambush": one more.
        assert_eq!(
            cas("Gunmen killed one monk and wounded another in an ambush."),
            vec![(K, Some(1), Some(1)), (I, Some(1), Some(1))]
        );
    }

    #[test]
    fn victims_listed_past_where_they_belong_and_their_names() {
        assert_eq!(
            cas("A bomb killed an aide of the Ministry of Finance and his wife."),
            vec![(K, Some(2), Some(2))]
        );
        assert_eq!(
            cas("Gunmen killed the head of the council, Omar Said, and a companion."),
            vec![(K, Some(2), Some(2))]
        );
        assert_eq!(
            cas("Rebels killed one engineer, Ali Hassan, along with four of his guards."),
            vec![(K, Some(5), Some(5))]
        );
        // The next clause's subject is no more victims of this verb.
        assert_eq!(
            cas("A bomb killed the mayor of the town and two guards were wounded."),
            vec![(K, Some(1), Some(1)), (I, Some(2), Some(2))]
        );
        // Another act after the "of" phrase adds nobody.
        assert_eq!(
            cas("Gunmen killed the mayor of the town and wounded two guards."),
            vec![(K, Some(1), Some(1)), (I, Some(2), Some(2))]
        );
    }

    #[test]
    fn compounds_nationalities_and_things_inside_the_subject() {
        // A thing in the "of" phrase of the people counted.
        assert_eq!(
            cas("Four drivers of the Al-Noor company were killed."),
            vec![(K, Some(4), Some(4))]
        );
        // "police chief": one person, though "police" counts people.
        assert_eq!(
            cas("The police chief in Dara was killed at dawn."),
            vec![(K, Some(1), Some(1))]
        );
        assert_eq!(
            cas("Gunmen ambushed a car, killing the police chief of Dara and his driver."),
            vec![(K, Some(2), Some(2))]
        );
        // A nationality word as the noun counted.
        assert_eq!(
            cas("The blast killed one Afghan and wounded two others."),
            vec![(K, Some(1), Some(1)), (I, Some(2), Some(2))]
        );
        assert_eq!(
            cas("Two Danish executives were shot dead."),
            vec![(K, Some(2), Some(2))]
        );
    }

    #[test]
    fn a_group_told_before_is_counted_when_found_dead() {
        let lex = Lexicon::embedded().expect("lexicon");
        let text = "Gunmen kidnapped five labourers in the market. Their bodies were found later.";
        let doc = Doc::new(text, &lex);
        let s = &doc.sents[1];
        let c = casualties(&doc, &lex, s.t0, s.t1);
        assert_eq!(c.len(), 1, "{c:?}");
        assert_eq!((c[0].kind, c[0].low, c[0].high), (K, Some(5), Some(5)));
        let text = "Gunmen seized seven men and two women. The men were found dead at dawn.";
        let doc = Doc::new(text, &lex);
        let s = &doc.sents[1];
        let c = casualties(&doc, &lex, s.t0, s.t1);
        assert_eq!(c.iter().map(|c| c.low).collect::<Vec<_>>(), vec![Some(7)]);
        // The attackers are no such group.
        let text = "Four gunmen stormed the bank. The gunmen were found dead later.";
        let doc = Doc::new(text, &lex);
        let s = &doc.sents[1];
        assert!(casualties(&doc, &lex, s.t0, s.t1).is_empty());
    }

    #[test]
    fn a_body_found_is_one_death() {
        assert_eq!(
            cas("The body of a teacher was found near the canal."),
            vec![(K, Some(1), Some(1))]
        );
        assert_eq!(
            cas("His body was recovered on Sunday."),
            vec![(K, Some(1), Some(1))]
        );
        // A count of bodies stays the count.
        assert_eq!(
            cas("The bodies of four men were found."),
            vec![(K, Some(4), Some(4))]
        );
        assert!(cas("The governing body met on Sunday.").is_empty());
        assert!(cas("No body was found at the scene.").is_empty());
        assert!(cas("Police found the body of a car bomb.").is_empty());
        assert!(cas("His body armour stopped the bullet.").is_empty());
    }

    #[test]
    fn verb_then_count() {
        assert_eq!(
            cas(
                "a missile struck the depot, killing at least 41 people and injuring a further 18."
            ),
            vec![(K, Some(41), None), (I, Some(18), Some(18))]
        );
        assert_eq!(
            cas("GUERRILLAS KILLED THREE SOLDIERS AND TWO CIVILIANS"),
            vec![(K, Some(5), Some(5))]
        );
    }

    #[test]
    fn count_then_verb() {
        assert_eq!(
            cas("Dozens of people were killed during a night of raids"),
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
        assert!(cas("he died 3 days later").iter().all(|c| c.1 != Some(3)));
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
    fn groups_add_up() {
        assert_eq!(
            cas("killing six passengers and the driver"),
            vec![(K, Some(7), Some(7))]
        );
        assert_eq!(
            cas("Three Afghan refugees and two Pakistanis were killed"),
            vec![(K, Some(5), Some(5))]
        );
        assert_eq!(
            cas("A policeman and a defense volunteer were killed"),
            vec![(K, Some(2), Some(2))]
        );
    }

    #[test]
    fn one_victim() {
        assert_eq!(
            cas("Gunmen killed a police officer in Samarra."),
            vec![(K, Some(1), Some(1))]
        );
        assert_eq!(
            cas("opened fire on a policeman, killing him."),
            vec![(K, Some(1), Some(1))]
        );
        assert_eq!(
            cas("killing the owner and his son"),
            vec![(K, Some(2), Some(2))]
        );
        assert_eq!(
            cas("A member of the city council was assassinated."),
            vec![(K, Some(1), Some(1))]
        );
        assert!(cas("The bomb was defused and nobody was killed.")
            .iter()
            .all(|c| c.1 == Some(0)));
    }

    #[test]
    fn also_adds() {
        let lex = Lexicon::embedded().expect("lexicon");
        let doc = Doc::new("Two civilians were also killed in the attack.", &lex);
        let c = casualties(&doc, &lex, 0, doc.toks.len());
        assert_eq!(c.len(), 1);
        assert!(c[0].additional);
    }

    #[test]
    fn coordinated_victims() {
        // The whole before "including" is the toll, not the part after it.
        assert_eq!(
            cas("Five guests, including three musicians were killed at the wedding."),
            vec![(K, Some(5), Some(5))]
        );
        // An age inside a victim's phrase is no count.
        assert_eq!(
            cas("A two-year-old boy was killed."),
            vec![(K, Some(1), Some(1))]
        );
        assert_eq!(
            cas("A police colonel and his five-year old daughter were killed."),
            vec![(K, Some(2), Some(2))]
        );
        assert_eq!(
            cas("A police colonel and his two-year-old daughter were killed."),
            vec![(K, Some(2), Some(2))]
        );
        assert_eq!(
            cas("A guard and his 5-year-old son were killed."),
            vec![(K, Some(2), Some(2))]
        );
        assert_eq!(
            cas("Yusuf Haddad and his nephew were both killed outside the bakery."),
            vec![(K, Some(2), Some(2))]
        );
        assert_eq!(
            cas("A district judge and two of his guards were shot dead."),
            vec![(K, Some(3), Some(3))]
        );
        assert_eq!(
            cas("Four farmers, two teachers and the bomber were killed."),
            vec![(K, Some(7), Some(7))]
        );
        assert_eq!(
            cas("Omar Khalil, the head of the water board, and his driver were killed."),
            vec![(K, Some(2), Some(2))]
        );
        assert_eq!(
            cas("Omar Khalil, the head of the water board, and Sami Haddad, his deputy, were killed."),
            vec![(K, Some(2), Some(2))]
        );
        assert_eq!(
            cas("The district chief was assassinated, along with his deputy, Major Sami Haddad, when gunmen fired on their car."),
            vec![(K, Some(2), Some(2))]
        );
        // "Also killed was his X": one more, after the verb "be".
        assert_eq!(
            cas("Also killed was his companion, Frida Levin."),
            vec![(K, Some(1), Some(1))]
        );
        assert_eq!(
            cas("A police colonel and his driver were killed near the bridge."),
            vec![(K, Some(2), Some(2))]
        );
        assert_eq!(
            cas("The sheikh, a respected elder, and his three sons were assassinated."),
            vec![(K, Some(4), Some(4))]
        );
    }

    #[test]
    fn named_objects() {
        assert_eq!(
            cas("Gunmen killed Samir Aziz, a member of the town council, and one of his aides."),
            vec![(K, Some(2), Some(2))]
        );
        assert_eq!(
            cas("Masked men shot and killed Karim al-Obeidi, a tribal elder, along with two of his sons."),
            vec![(K, Some(3), Some(3))]
        );
        assert_eq!(
            cas("The militia killed Mayor Ruiz, his wife Elena, two guards and a driver."),
            vec![(K, Some(5), Some(5))]
        );
        // Not a name: a nationality before a noun, or a day.
        assert!(cas("the blast killed Iraqi police").is_empty());
        assert!(cas("the shelling killed Monday").is_empty());
    }

    #[test]
    fn attackers_are_not_victims() {
        assert!(
            cas("The mayor was ambushed by some thirty men and shot dead.")
                .iter()
                .all(|c| c.1 == Some(1))
        );
        let lex = Lexicon::embedded().expect("lexicon");
        let doc = Doc::new("Both gunmen were killed. The two attackers died.", &lex);
        let c = casualties(&doc, &lex, 0, doc.toks.len());
        assert!(c.iter().all(|c| c.perp), "{c:?}");
        assert!(!c.is_empty());
    }

    #[test]
    fn along_with_and_mixed_lists() {
        assert_eq!(
            cas("The district governor was killed, along with his deputy and two guards."),
            vec![(K, Some(4), Some(4))]
        );
        assert_eq!(
            cas("The mortar hit a market, wounding three traders and killing one other."),
            vec![(I, Some(3), Some(3)), (K, Some(1), Some(1))]
        );
        // A breakdown after a total is not more victims.
        assert_eq!(
            cas("Police found the bodies of nine people, eight men and a boy."),
            vec![(K, Some(9), Some(9))]
        );
        // "escaped unharmed" speaks of its own subject only.
        assert_eq!(
            cas("The blast killed 6 guards, but the minister escaped unharmed."),
            vec![(K, Some(0), Some(0)), (K, Some(6), Some(6))]
        );
    }

    #[test]
    fn modified_and_intransitive_subjects() {
        assert_eq!(
            cas("Seven workers from the customs department were killed near the crossing."),
            vec![(K, Some(7), Some(7))]
        );
        assert_eq!(
            cas("The guard and one of the customers died of their wounds."),
            vec![(K, Some(2), Some(2)), (I, None, None)]
                .into_iter()
                .filter(|c| c.0 == K)
                .collect::<Vec<_>>()
        );
        assert_eq!(
            cas("Gunmen wounded one guard and killed another."),
            vec![(I, Some(1), Some(1)), (K, Some(1), Some(1))]
        );
    }

    #[test]
    fn serial_lists_with_ages_and_counted_items() {
        assert_eq!(
            cas("The bomber detonated his vest, killing himself, two guards, and a five-year-old boy."),
            vec![(K, Some(4), Some(4))]
        );
        assert_eq!(
            cas("The blast killed the imam, three worshippers, and two shopkeepers."),
            vec![(K, Some(6), Some(6))]
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
