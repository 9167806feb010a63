//! Perpetrators, claims and cited sources.

use crate::lexicon::Tag;
use crate::text::{Doc, Kind};

/// A perpetrator found in a sentence.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct PerpHit {
    pub(crate) name: String,
    pub(crate) span: [usize; 2],
    /// Named by a cue that is about the attack ("carried out by", "claimed responsibility"):
    /// good in any sentence of the incident.
    pub(crate) explicit: bool,
}

/// A claim found in a sentence.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct ClaimHit {
    pub(crate) speaker: String,
    pub(crate) role: Option<String>,
    pub(crate) stance: &'static str,
    pub(crate) actor: Option<String>,
    pub(crate) span: [usize; 2],
    /// Byte span of the speaker's phrase.
    pub(crate) speaker_span: [usize; 2],
}

/// A cited source found in a sentence.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct SourceHit {
    pub(crate) name: String,
    pub(crate) description: Option<String>,
    pub(crate) span: [usize; 2],
}

/// Someone who speaks in a sentence.
#[derive(Debug, Clone)]
pub(crate) struct Speaker {
    pub(crate) name: String,
    pub(crate) role: Option<String>,
}

fn is_tag(doc: &Doc, i: usize, tag: Tag) -> bool {
    doc.is(i, |t| t == tag)
}

/// Do tokens `a..b` name no one: only pronouns, numbers and dates ("it was responsible", "hit
/// by two bullets", "on 8 December, the group said")?
fn names_no_one(doc: &Doc, a: usize, b: usize) -> bool {
    (a..b).all(|q| {
        doc.toks[q].kind != Kind::Word
            || doc.is(q, |t| {
                matches!(
                    t,
                    Tag::NotActor
                        | Tag::Determiner
                        | Tag::Cardinal(_)
                        | Tag::Month(_)
                        | Tag::Weekday(_)
                )
            })
    })
}

/// The start of a phrase of `tag` ending just before token `k` (at most `reach` tokens long:
/// "so far", "issued a communique"), if one does.
fn phrase_before(doc: &Doc, k: usize, t0: usize, tag: Tag, reach: usize) -> Option<usize> {
    (k.saturating_sub(reach).max(t0)..k)
        .find(|&q| doc.find(q, |t| t == tag).is_some_and(|h| q + h.len == k))
}

/// Back from token `k` over the auxiliaries and adverbs between an actor and its verb ("X has
/// yet claimed", "X today claimed"); not over "who" (a question: "who is responsible") nor a
/// coordinator (a list np_left reads whole).
fn skip_aux_left(doc: &Doc, mut k: usize, t0: usize) -> usize {
    while k > t0 {
        if let Some(q) = phrase_before(doc, k, t0, Tag::ActorAdverb, 3) {
            k = q;
        } else if doc.is(k - 1, |t| {
            matches!(t, Tag::Aux | Tag::SingularAux | Tag::PluralAux)
        }) && !doc.is(k - 1, |t| matches!(t, Tag::RelPronoun | Tag::Coordinator))
        {
            k -= 1;
        } else {
            break;
        }
    }
    k
}

/// Is token `p` an apostrophe inside a name, glued to the word before it ("the Kurdistan
/// Workers' Party")?
fn inner_apostrophe(doc: &Doc, p: usize) -> bool {
    p > 0
        && (doc.is_punct(p, "'") || doc.is_punct(p, "\u{2019}"))
        && doc.toks[p].start == doc.toks[p - 1].end
}

/// Are the people counted right before the cue at `i` ("three members of X", up to `b`)
/// victims: after a casualty word ("killing three members of X") or before a passive ("thirty
/// members of the security forces were killed")?
fn counted_victims(doc: &Doc, i: usize, b: usize, t0: usize, t1: usize) -> bool {
    let counted = i > t0
        && (doc.toks[i - 1].kind == Kind::Num
            || doc.is(i - 1, |t| matches!(t, Tag::Cardinal(_) | Tag::Vague(_))));
    counted
        && ((i.saturating_sub(CASUALTY_REACH).max(t0)..i - 1).any(|k| {
            doc.find(k, |t| matches!(t, Tag::Killed | Tag::Injured))
                .is_some()
        }) || (b..(b + 3).min(t1)).any(|k| doc.is(k, |t| t == Tag::PassiveAux)))
}

/// How far after "attribute" the "to" naming the actor may lie ("attribute a dynamite attack on
/// the Cano Limon pipeline near Arauca to the FARC").
const ATTRIBUTE_REACH: usize = 16;
/// How far before "by" the passive act of a named agent may lie ("was kidnapped ... by").
const PASSIVE_REACH: usize = 16;

/// How far before a count a casualty word makes the counted people victims.
const CASUALTY_REACH: usize = 6;

/// May token `i` be part of an actor's name?
fn actorish(doc: &Doc, i: usize) -> bool {
    let t = doc.toks[i];
    if t.kind != Kind::Word {
        return false;
    }
    if doc.is(i, |t| {
        matches!(t, Tag::GenericActor | Tag::ActorAdjective | Tag::Demonym(_))
    }) {
        return true;
    }
    // "TERRORISTS HURLED GRENADES", "the MRTA fired three rockets": a verb of use before what
    // it used ("the Revolutionary Left Movement" keeps its "Left").
    let used = doc.is(i, |t| t == Tag::UseVerb)
        && i + 1 < doc.toks.len()
        && (doc.toks[i + 1].kind == Kind::Num
            || doc.is(i + 1, |t| {
                matches!(t, Tag::Determiner | Tag::Cardinal(_) | Tag::Trigger(_))
            }));
    // ("the Armed Revolutionary Left": a capitalised word inside a sentence is a name's even
    // when the lexicon lists it among the words between a count and its verb.)
    let aux =
        doc.is(i, |t| t == Tag::Aux) && (doc.caps || !doc.capword(i) || i == doc.sents_start(i));
    if used
        || aux
        || is_tag(doc, i, Tag::ActorStop)
        || is_tag(doc, i, Tag::ActorAdverb)
        || doc.is(i, |t| {
            matches!(
                t,
                Tag::Speech
                    | Tag::Trigger(_)
                    | Tag::Killed
                    | Tag::Injured
                    | Tag::Denies
                    | Tag::Accuses
                    | Tag::Confirms
                    | Tag::CounterVerb
                    | Tag::Weekday(_)
            )
        })
    {
        return false;
    }
    if doc.caps {
        // "TERRORISTS STAGED THREE BOMB ATTACKS": in upper-case text, a word ending like a
        // past verb before an article, a number or a function word is a verb, not a name
        // ("ARMED FORCES" stays).
        let w = doc.low(i);
        let verb_like = w.len() > 4
            && doc
                .participle_endings
                .iter()
                .any(|e| w.ends_with(e.as_str()))
            && i + 1 < doc.toks.len()
            && (doc.toks[i + 1].kind == Kind::Num
                || doc.is(i + 1, |t| {
                    matches!(
                        t,
                        Tag::Determiner | Tag::Cardinal(_) | Tag::ActorStop | Tag::Negation
                    )
                }));
        return !verb_like;
    }
    // "the 42nd Front": an ordinal before a name.
    let ordinal = doc.raw(i).starts_with(|c: char| c.is_ascii_digit())
        && i + 1 < doc.toks.len()
        && doc.capword(i + 1);
    doc.capword(i) || ordinal
}

/// Is token `i` a lower-case particle joined by a hyphen to a capitalised name ("al-Aqsa")?
fn particle(doc: &Doc, i: usize, end: usize) -> bool {
    i + 2 < end
        && !doc.caps
        && doc.toks[i].kind == Kind::Word
        && !doc.toks[i].cap
        && doc.is_punct(i + 1, "-")
        && doc.toks[i].end == doc.toks[i + 1].start
        && doc.toks[i + 1].end == doc.toks[i + 2].start
        && doc.capword(i + 2)
}

/// A noun phrase naming an actor, starting at `j`. Returns its token range.
pub(crate) fn np_right(doc: &Doc, j: usize, end: usize) -> Option<(usize, usize)> {
    let mut a = j;
    while a < end && doc.is(a, |t| matches!(t, Tag::Determiner | Tag::Hedge)) {
        a += 1;
    }
    // "members of the X": the X.
    if let Some(h) = doc.find(a, |t| t == Tag::PartOf) {
        a += h.len;
        while a < end && doc.is(a, |t| matches!(t, Tag::Determiner | Tag::Hedge)) {
            a += 1;
        }
    }
    let limit = 12;
    let mut b = a;
    let mut lower_run = 0;
    while b < end && b - a < limit {
        // "al-Aqsa", "el-Nour": a lower-case particle joined to a name.
        if particle(doc, b, end) {
            b += 2;
            continue;
        }
        if actorish(doc, b) {
            let low_word = !doc.caps && !doc.toks[b].cap;
            if low_word {
                lower_run += 1;
            }
            b += 1;
            continue;
        }
        // "the April 19 Movement", "the November-17 Organization": a number inside a name.
        if doc.toks[b].kind == Kind::Num
            && b > a
            && (actorish(doc, b - 1)
                || doc.is(b - 1, |t| matches!(t, Tag::Month(_)))
                || doc.is_punct(b - 1, "-") && b - 1 > a && actorish(doc, b - 2))
        {
            b += 1;
            continue;
        }
        // "the Kurdistan Workers' Party": an apostrophe inside a name.
        if b > a
            && inner_apostrophe(doc, b)
            && b + 1 < end
            && doc.capword(b + 1)
            && actorish(doc, b + 1)
        {
            b += 1;
            continue;
        }
        // "pro-government", "Al-Nasser", "November-17"
        if doc.is_punct(b, "-")
            && b > a
            && b + 1 < end
            && (actorish(doc, b + 1) || doc.toks[b + 1].kind == Kind::Num)
            && doc.toks[b + 1].start == doc.toks[b].end
        {
            b += 1;
            continue;
        }
        // "members of the Shining Path"
        if b > a && is_tag(doc, b, Tag::Connector) {
            let mut c = b;
            while c < end && is_tag(doc, c, Tag::Connector) {
                c += 1;
            }
            if c < end && (doc.capword(c) || doc.caps && actorish(doc, c)) {
                b = c;
                continue;
            }
        }
        // One lower-case noun after capitalised words or an actor adjective ("Russian planes").
        let adj_before = b > a
            && (doc.toks[b - 1].cap
                || doc.is(b - 1, |t| {
                    matches!(t, Tag::ActorAdjective | Tag::Demonym(_))
                }));
        if !doc.caps
            && adj_before
            && lower_run <= 1
            && doc.toks[b].kind == Kind::Word
            && !doc.toks[b].cap
        {
            let next_ends = b + 1 >= end
                || doc.toks[b + 1].kind == Kind::Punct
                || doc.is(b + 1, |t| {
                    matches!(t, Tag::ActorStop | Tag::Aux | Tag::Speech)
                });
            let noun = doc.is(b, |t| matches!(t, Tag::GenericActor | Tag::PeoplePlural));
            if next_ends && noun {
                b += 1;
                lower_run += 1;
                continue;
            }
        }
        break;
    }
    // "(FMLN)", "[FMLN]"
    if b + 2 < end
        && (doc.is_punct(b, "(") || doc.is_punct(b, "["))
        && (doc.is_punct(b + 2, ")") || doc.is_punct(b + 2, "]"))
    {
        b += 3;
    }
    (b > a).then_some((a, b))
}

/// A noun phrase ending just before `k`, going left (not before `start`).
fn np_left(doc: &Doc, k: usize, start: usize) -> Option<(usize, usize)> {
    // A word of a name read leftwards: an actor's word; a number after a name word ("the
    // Popular Forces of April 25", "Omega 7"); a lower-case head noun after a name word ("the
    // Tupac Amaru group").
    let word = |q: usize| {
        actorish(doc, q)
            || q > start
                && doc.toks[q].kind == Kind::Num
                && (actorish(doc, q - 1) || doc.is(q - 1, |t| matches!(t, Tag::Month(_))))
            // ("the 1 May Organization": a day before its month.)
            || doc.toks[q].kind == Kind::Num
                && q + 1 < doc.toks.len()
                && doc.is(q + 1, |t| matches!(t, Tag::Month(_)))
            || !doc.caps
                && q > start
                && doc.is(q, |t| t == Tag::NameHead)
                && doc.capword(q - 1)
                && !doc.is(q - 1, |t| t == Tag::Determiner)
    };
    let mut a = k;
    let limit = if doc.caps { 5 } else { 12 };
    while a > start && k - a < limit {
        let p = a - 1;
        // "Revolutionary United Front (RUF) rebels", "Communist Party of Nepal-Maoist (CPN-M)"
        if doc.is_punct(p, ")") || doc.is_punct(p, "]") {
            let open = (p.saturating_sub(5).max(start)..p)
                .rev()
                .find(|&q| doc.is_punct(q, "(") || doc.is_punct(q, "["));
            if let Some(o) = open {
                // (Two asides in a row: "the FARC (35th Front)".)
                if o > start && (word(o - 1) || doc.is_punct(o - 1, ")")) {
                    a = o;
                    continue;
                }
            }
        }
        // "the Front (FLNC)-Historic Wing": a name goes on after an aside.
        if doc.is_punct(p, "-") && p > start && doc.is_punct(p - 1, ")") && a < k {
            a = p;
            continue;
        }
        // "al-Aqsa": the particle before the hyphen.
        if doc.is_punct(p, "-") && p > start && particle(doc, p - 1, k) {
            a = p - 1;
            continue;
        }
        if word(p) {
            a = p;
            continue;
        }
        // "Nepal-Maoist"; "the Kurdistan Workers' Party": a hyphen or an apostrophe inside.
        let joined = doc.is_punct(p, "-") || a < k && inner_apostrophe(doc, p);
        if joined && p > start && actorish(doc, p - 1) {
            a = p;
            continue;
        }
        if a < k && is_tag(doc, p, Tag::Connector) && p > start && actorish(doc, p - 1) {
            a = p;
            continue;
        }
        break;
    }
    while a < k
        && !particle(doc, a, k)
        && (is_tag(doc, a, Tag::Connector) && !doc.toks[a].cap || doc.toks[a].kind == Kind::Punct)
    {
        a += 1;
    }
    (a < k).then_some((a, k))
}

fn text_of(doc: &Doc, a: usize, b: usize) -> String {
    doc.slice(a, b)
        .trim_matches(|c: char| c == ',' || c.is_whitespace())
        .to_string()
}

/// Perpetrators named in tokens `t0..t1`.
pub(crate) fn perpetrators(doc: &Doc, t0: usize, t1: usize) -> Vec<PerpHit> {
    let mut out: Vec<PerpHit> = Vec::new();
    let mut push = |a: usize, b: usize, cue: [usize; 2], explicit: bool| {
        // "no group claimed responsibility": nobody.
        if (a..b).any(|q| doc.is(q, |t| t == Tag::Negation)) {
            return;
        }
        // "no person or organisation has claimed it": nobody either.
        // (Leftwards over words and the coordinators of a list, up to four tokens.)
        let mut negated = false;
        for q in (a.saturating_sub(4).max(t0)..a).rev() {
            if doc.is(q, |t| t == Tag::Negation) {
                negated = true;
                break;
            }
            // (Only words of the list itself: "no person or group", not "no doubt the".)
            let listed = doc.is(q, |t| {
                matches!(
                    t,
                    Tag::Coordinator
                        | Tag::Determiner
                        | Tag::GenericActor
                        | Tag::GenericPeople
                        | Tag::PeopleSingular
                        | Tag::PeoplePlural
                        | Tag::MediaNoun
                        | Tag::NameHead
                )
            }) || !doc.caps && doc.capword(q);
            if !listed {
                break;
            }
        }
        if negated {
            return;
        }
        if names_no_one(doc, a, b) {
            return;
        }
        let name = text_of(doc, a, b);
        if name.is_empty() || out.iter().any(|p| p.name == name) {
            return;
        }
        let s = doc.span(a, b);
        out.push(PerpHit {
            name,
            span: [s[0].min(cue[0]), s[1].max(cue[1])],
            explicit,
        });
    };
    // Every reading below starts at one of these words.
    let cue = |t: Tag| {
        matches!(
            t,
            Tag::PartOf
                | Tag::AgentBy
                | Tag::AgentCue
                | Tag::Responsibility
                | Tag::BlamedSubject
                | Tag::Trigger(_)
                | Tag::GenericActor
                | Tag::UseVerb
                | Tag::AttributeVerb
        )
    };
    let mut i = t0;
    while i < t1 {
        if !doc.hits(i).iter().any(|h| cue(h.tag)) {
            i += 1;
            continue;
        }
        // "the military wing of Hamas": Hamas too. Not the object of an act or a preposition
        // ("set fire to a branch of the Banco Popular": a target).
        // (Words the lexicon does not know may qualify it: "killed a former member of".)
        let det = (i.saturating_sub(3).max(t0)..i)
            .rev()
            .find(|&q| {
                doc.toks[q].kind != crate::text::Kind::Word
                    || !doc.hits(q).is_empty()
                    || doc.capword(q)
            })
            .filter(|&q| (q + 1..i).all(|w| !doc.capword(w)));
        let object = det.is_some_and(|q| {
            q > t0
                && doc.is(q, |t| matches!(t, Tag::Determiner | Tag::Singular))
                && doc.is(q - 1, |t| {
                    matches!(
                        t,
                        Tag::Route
                            | Tag::Locative
                            | Tag::Trigger(_)
                            | Tag::Killed
                            | Tag::Injured
                            | Tag::PassiveAux
                    )
                })
                // (But "suspected of being a member of X" names X.)
                && !(q.saturating_sub(4)..q).any(|w| doc.is(w, |t| t == Tag::Hedge))
        });
        // (A victim's affiliation, "killed a member of X", "he was a member of X", is no
        // cue of an agent either.)
        let affiliation = object && doc.find(i, |t| t == Tag::PartOf).is_some();
        if let Some(h) = doc.find(i, |t| t == Tag::PartOf).filter(|_| !object) {
            if let Some((a, b)) = np_right(doc, i + h.len, t1) {
                if !counted_victims(doc, i, b, t0, t1) && (a..b).any(|q| doc.capword(q) || doc.caps)
                {
                    push(a, b, doc.span(i, i + h.len), true);
                }
            }
        }
        // "was kidnapped on the road by the 54th Front": a named agent after a passive.
        if !doc.caps
            && doc.is(i, |t| t == Tag::AgentBy)
            && doc.find(i, |t| t == Tag::AgentCue).is_none()
        {
            // (The act may lie some way back: "was kidnapped along with his neighbour from X
            // (Y municipality) by the Z".)
            let passive = (i.saturating_sub(PASSIVE_REACH).max(t0)..i).any(|q| {
                doc.find(q, |t| {
                    matches!(
                        t,
                        Tag::Trigger(_) | Tag::Killed | Tag::Injured | Tag::UseVerb
                    )
                })
                .is_some()
                    && q > t0
                    && doc.is(q - 1, |t| {
                        matches!(t, Tag::Aux | Tag::SingularAux | Tag::PluralAux)
                    })
            });
            if passive {
                if let Some((a, b)) = np_right(doc, i + 1, t1) {
                    let named = (a..b).any(|q| {
                        doc.capword(q)
                            && !doc.is(q, |t| matches!(t, Tag::Month(_) | Tag::Weekday(_)))
                    });
                    if named {
                        push(a, b, doc.span(i, i + 1), true);
                    }
                }
            }
        }
        // "Authorities attribute a dynamite attack on the pipeline to the FARC": the named
        // group after the "to" that closes the act attributed.
        if let Some(h) = doc.find(i, |t| t == Tag::AttributeVerb) {
            let to = (i + h.len..(i + h.len + ATTRIBUTE_REACH).min(t1))
                .take_while(|&k| !doc.is_punct(k, ".") && !doc.is_punct(k, ";"))
                .find(|&k| doc.is(k, |t| t == Tag::Infinitive));
            let act = to.is_some_and(|q| {
                (i + h.len..q).any(|k| doc.find(k, |t| matches!(t, Tag::Trigger(_))).is_some())
            });
            if let Some((a, b)) = to.filter(|_| act).and_then(|q| np_right(doc, q + 1, t1)) {
                if (a..b).any(|q| doc.capword(q) || doc.caps) {
                    push(a, b, doc.span(i, i + h.len), true);
                }
            }
        }
        if let Some(h) = doc.find(i, |t| t == Tag::AgentCue) {
            if let Some((a, b)) = np_right(doc, i + h.len, t1).filter(|_| !affiliation) {
                if !counted_victims(doc, i, b, t0, t1) {
                    push(a, b, doc.span(i, i + h.len), true);
                }
            }
            i += h.len;
            continue;
        }
        if let Some(h) = doc.find(i, |t| matches!(t, Tag::Responsibility | Tag::BlamedSubject)) {
            let mut k = i;
            // "X has claimed", "X jointly claimed", "X today claimed" (but not "who is
            // responsible", a question, nor "X and Y claimed", a list np_left reads whole).
            k = skip_aux_left(doc, k, t0);
            // "X, the armed wing of Y, claimed responsibility": both X and Y.
            if k > t0 && doc.is_punct(k - 1, ",") {
                let mut c = k - 1;
                while c > t0 && c + 14 > k && !doc.is_punct(c - 1, ",") {
                    c -= 1;
                }
                if c > t0 && doc.is_punct(c - 1, ",") {
                    if let Some((a, b)) = np_left(doc, k - 1, c) {
                        push(a, b, doc.span(i, i + h.len), true);
                    }
                    k = c - 1;
                } else {
                    // "The FLNC-Historic Wing, claimed responsibility": a lone comma.
                    k -= 1;
                }
            }
            match np_left(doc, k, t0) {
                // "X, a group who oppose the government in Turkey claimed": a place after a
                // locative ends a phrase set off after the claimant, who opens the sentence.
                Some((a, _)) if a > t0 && doc.is(a - 1, |t| matches!(t, Tag::Locative)) => {
                    let comma = (t0 + 1..a).find(|&c| doc.is_punct(c, ","));
                    if let Some((a2, b2)) = comma.and_then(|c| np_left(doc, c, t0)) {
                        push(a2, b2, doc.span(i, i + h.len), true);
                    }
                }
                Some((a, b)) => {
                    // "The Palestine Liberation Front, Islamic Jihad and ASALA all claimed":
                    // each name of a list before the verb. (A list closes with "and": "In
                    // Gaza, Hamas claimed" names a place, then the claimant.)
                    let and = (a..b).find(|&q| doc.is(q, |t| t == Tag::Coordinator));
                    let mut det = a;
                    while det > t0 && doc.is(det - 1, |t| t == Tag::Determiner) {
                        det -= 1;
                    }
                    // (So are two names joined after a name's head noun: "the 1 May
                    // Organization and ELA claimed joint responsibility".)
                    let after_head =
                        and.is_some_and(|q| q > a && doc.is(q - 1, |t| t == Tag::NameHead));
                    let listed =
                        and.is_some() && (det > t0 + 1 && doc.is_punct(det - 1, ",") || after_head);
                    match and.filter(|_| listed) {
                        // (The last two names of the list: "Islamic Jihad and ASALA".)
                        Some(q) => {
                            push(a, q, doc.span(i, i + h.len), true);
                            let mut r = q + 1;
                            while r < b && doc.is(r, |t| t == Tag::Determiner) {
                                r += 1;
                            }
                            push(r, b, doc.span(i, i + h.len), true);
                        }
                        None => push(a, b, doc.span(i, i + h.len), true),
                    }
                    // "The Al-Aqsa Martyrs Brigade and the National Resistance Brigades, the
                    // armed wing of ..., claimed": the name before "and the" too.
                    if det > t0 + 1 && doc.is(det - 1, |t| t == Tag::Coordinator) {
                        if let Some((a2, b2)) = np_left(doc, det - 1, t0) {
                            push(a2, b2, doc.span(i, i + h.len), true);
                        }
                    }
                    let mut a = if listed { a } else { t0 };
                    for _ in 0..4 {
                        while a > t0 && doc.is(a - 1, |t| t == Tag::Determiner) {
                            a -= 1;
                        }
                        if !(a > t0 + 1 && doc.is_punct(a - 1, ",")) {
                            break;
                        }
                        // (Not a place after a preposition.)
                        let placed = |a2: usize| {
                            (a2.saturating_sub(2).max(t0)..a2).any(|q| {
                                doc.is(q, |t| {
                                    matches!(
                                        t,
                                        Tag::Locative
                                            | Tag::PlacePreposition
                                            | Tag::Route
                                            | Tag::Origin
                                    )
                                })
                            })
                        };
                        match np_left(doc, a - 1, t0) {
                            Some((a2, b2)) if !placed(a2) => {
                                push(a2, b2, doc.span(i, i + h.len), true);
                                a = a2;
                            }
                            _ => break,
                        }
                    }
                }
                None => {}
            }
            // ("This attack is being blamed on the UDA": the words inside may open an agent's
            // cue, so reading goes on from the next word.)
            i += 1;
            continue;
        }
        // "the AUC killed a teacher", "Hamas fired rockets": a named group before a trigger verb.
        // (Not "X's body was found": the victim.)
        // ("The MRTA fired three rockets", "X threw a grenade": a verb of use before a weapon
        // is as good.)
        // (The weapon its object: no preposition or clause word between, "placed a second
        // bomb" but not "hid after the bombing".)
        let used_len = doc.find(i, |t| t == Tag::UseVerb).map_or(0, |h| h.len);
        let used = used_len > 0
            && (i + used_len..(i + used_len + 4).min(t1))
                .take_while(|&k| {
                    doc.toks[k].kind != Kind::Punct
                        && (doc.is(k, |t| t == Tag::Determiner)
                            || !doc.is(k, |t| matches!(t, Tag::ActorStop | Tag::ClauseBreak)))
                })
                .any(|k| doc.find(k, |t| matches!(t, Tag::Trigger(_))).is_some());
        if !doc.caps
            && i > t0
            && (doc.find(i, |t| matches!(t, Tag::Trigger(_))).is_some() || used)
            && doc.find(i, |t| t == Tag::FoundDead).is_none()
        {
            // "X attempted to kidnap", "X is believed to have shot": the subject before.
            let attempt = i > t0 + 1
                && doc.is(i - 1, |t| t == Tag::Infinitive)
                && doc.is(i - 2, |t| t == Tag::InfinitiveReal);
            let hedged = i > t0 + 3
                && doc.is(i - 1, |t| t == Tag::Aux)
                && doc.is(i - 2, |t| t == Tag::Infinitive)
                && doc.is(i - 4, |t| t == Tag::PassiveAux);
            let passive = !hedged
                && doc.is(i - 1, |t| {
                    matches!(t, Tag::Aux | Tag::SingularAux | Tag::PluralAux)
                });
            if !passive {
                let mut k = if attempt {
                    i - 2
                } else if hedged {
                    i - 4
                } else {
                    i
                };
                let comma = k > t0 && doc.is_punct(k - 1, ",");
                if comma {
                    k -= 1;
                }
                // (Not the object of a preposition: "a bomb in Kabul killed", nor the first
                // word of the trigger's own phrase: "Qassam rockets"; before a comma, not a
                // place a preposition just before governs: "... of southern Baghdad, killing".)
                let subject = np_left(doc, k, t0).filter(|&(a, b)| {
                    let object =
                        a > t0 && doc.is(a - 1, |t| matches!(t, Tag::Locative | Tag::Route));
                    let own = (a..b).any(|q| {
                        doc.find(q, |t| matches!(t, Tag::Trigger(_)))
                            .is_some_and(|h| q + h.len > i)
                    });
                    let prep_before = (a.saturating_sub(2).max(t0)..a).any(|q| {
                        doc.is(q, |t| {
                            matches!(
                                t,
                                Tag::Locative
                                    | Tag::Route
                                    | Tag::Origin
                                    | Tag::PlacePreposition
                                    | Tag::UnitOf
                            )
                        })
                    });
                    let rejected = object || own || comma && prep_before;
                    !rejected
                });
                if let Some((a, b)) = subject {
                    let named = (a..b).any(|q| {
                        doc.capword(q)
                            // (One capitalised word opening a sentence is a name only
                            // when it is a known group's: "Tupamaros kidnapped ...".)
                            && !(q == doc.sents_start(q)
                                && b - a == 1
                                && !doc.is(q, |t| matches!(t, Tag::Group(_))))
                            && !doc.is(q, |t| {
                                matches!(
                                    t,
                                    Tag::NotPlace | Tag::Month(_) | Tag::Weekday(_) | Tag::Title
                                )
                            })
                    });
                    let generic_only = (a..b).all(|q| {
                        doc.find(q, |t| t == Tag::GenericActor).is_some()
                            || doc.toks[q].kind != Kind::Word
                    });
                    if named && !generic_only {
                        push(a, b, doc.span(i, i + 1), false);
                    }
                }
            }
        }
        // "Gunmen opened fire", "FMLN TERRORISTS MURDERED": a generic actor before a trigger.
        if let Some(h) = doc.find(i, |t| t == Tag::GenericActor) {
            let mut e = i + h.len;
            // "URBAN GUERRILLAS OF THE FMLN [FMLN] DYNAMITED": the whole phrase.
            if let Some((_, b)) = np_right(doc, i, t1) {
                e = e.max(b);
            }
            // (Not a trigger opening with an article: "police recovered the body of".)
            let next_trigger = (e..(e + 5).min(t1)).find(|&k| {
                doc.find(k, |t| matches!(t, Tag::Trigger(_))).is_some()
                    && !doc.is(k, |t| t == Tag::Determiner)
            });
            // "a police commando was killed", "contractors working with US forces were
            // kidnapped": the subject of a passive undergoes the act.
            let passive =
                next_trigger.is_some_and(|k| k > e && doc.is(k - 1, |t| t == Tag::PassiveAux));
            // "police defused a bomb": the actor worked against the act.
            let countered =
                next_trigger.is_some_and(|k| (e..=k).any(|q| doc.is(q, |t| t == Tag::CounterVerb)));
            let stopped = i > t0
                && is_tag(doc, i - 1, Tag::ActorStop)
                && !is_tag(doc, i - 1, Tag::Determiner);
            let trigger_follows = next_trigger.is_some() && !passive && !countered && !stopped;
            // Not when the actor is the victim ("killing three soldiers"), qualifies a victim
            // ("a police officer was shot") or undergoes the act ("gunmen were arrested").
            let victim = (i.saturating_sub(3).max(t0)..i).any(|k| {
                doc.find(k, |t| matches!(t, Tag::Killed | Tag::Injured))
                    .is_some()
            }) || e < t1
                && doc.is(e, |t| matches!(t, Tag::PeopleSingular | Tag::PeoplePlural))
                && doc.find(e, |t| t == Tag::GenericActor).is_none()
                // ... or is the object of an act just before ("attacked a police checkpoint").
                || (i.saturating_sub(3).max(t0)..i).any(|k| {
                    doc.find(k, |t| matches!(t, Tag::Trigger(_))).is_some()
                        && !(k + 1..i).any(|q| {
                            doc.is(q, |t| t == Tag::AgentBy) || doc.is_punct(q, ",")
                        })
                });
            if trigger_follows && !victim {
                let (a, _) = np_left(doc, i, t0).unwrap_or((i, e));
                push(a.min(i), e, doc.span(i, e), false);
            }
            i = e;
            continue;
        }
        i += 1;
    }
    out
}

/// Splits a speaker phrase into a name and a role.
fn speaker_of(doc: &Doc, a: usize, b: usize) -> Option<Speaker> {
    // Trim a trailing place: "an army spokesman in Kyiv".
    let mut e = b;
    for k in a..b {
        if doc.toks[k].kind == Kind::Word && is_tag(doc, k, Tag::SpeakerTrim) && k > a {
            e = k;
            break;
        }
    }
    while e > a && doc.toks[e - 1].kind == Kind::Punct {
        // (A closing bracket stays with its opening one: "the 19 April Movement (M-19)".)
        let closes = doc.is_punct(e - 1, ")") && (a..e - 1).any(|k| doc.is_punct(k, "("))
            || doc.is_punct(e - 1, "]") && (a..e - 1).any(|k| doc.is_punct(k, "["));
        if closes {
            break;
        }
        e -= 1;
    }
    if e <= a {
        return None;
    }
    let words: Vec<usize> = (a..e).filter(|&k| doc.toks[k].kind == Kind::Word).collect();
    if words.is_empty() {
        return None;
    }
    // Pronouns are resolved by the caller.
    let mut n0 = e;
    while n0 > a {
        let k = n0 - 1;
        let t = doc.toks[k];
        let is_name = t.kind == Kind::Word && doc.capword(k) && !is_tag(doc, k, Tag::Title)
            // ("Ansar al-Sunnah": a particle joined to the name.)
            || particle(doc, k, e);
        let dot_in_name = t.kind == Kind::Punct && doc.is_punct(k, "-");
        // ("the Fatherland and Freedom Front": "and" between capitalised words of the name;
        // not at the end of a list, "X, the Red Column and Sol Rojo claimed".)
        // (Nor after a name's head noun: "the 1 May Organization and ELA" are two.)
        let and_in_name = !doc.caps
            && n0 < e
            && !(a > 0 && doc.is_punct(a - 1, ","))
            && k > a
            && doc.is(k, |t| t == Tag::Coordinator)
            && doc.capword(k - 1)
            && !doc.is(k - 1, |t| matches!(t, Tag::Title | Tag::NameHead));
        if is_name || (dot_in_name || and_in_name) && n0 < e {
            n0 = k;
        } else {
            break;
        }
    }
    let mut r0 = a;
    while r0 < n0 && is_tag(doc, r0, Tag::Determiner) {
        r0 += 1;
    }
    let role = (r0 < n0)
        .then(|| text_of(doc, r0, n0))
        .filter(|s| !s.is_empty());
    if n0 < e && names_no_one(doc, n0, e) {
        return None;
    }
    if n0 < e {
        let name = text_of(doc, n0, e);
        // Expand abbreviated titles in roles is left to readers; keep as written.
        Some(Speaker { name, role })
    } else {
        Some(Speaker {
            name: text_of(doc, a, e),
            role: None,
        })
    }
}

/// The speaker phrase before a verb at `v`: back to the clause start.
fn speaker_before(doc: &Doc, v: usize, t0: usize) -> Option<(usize, usize)> {
    let mut v = v;
    // "The EPL issued a communique claiming responsibility": the one who issued it.
    if let Some(q) = phrase_before(doc, v, t0, Tag::StatementPhrase, 4) {
        v = q;
    }
    let v = skip_aux_left(doc, v, t0);
    let mut a = v;
    while a > t0 && v - a < 12 {
        let p = a - 1;
        let t = doc.toks[p];
        if t.kind == Kind::Punct {
            // "Maj. Gen. Igor": a stop after an abbreviation stays.
            if doc.is_punct(p, ".") && p > t0 && is_tag(doc, p - 1, Tag::Abbreviation) {
                a = p;
                continue;
            }
            // "Nepal-Maoist", "the Kurdistan Workers' Party".
            if doc.is_punct(p, "-") || a < v && inner_apostrophe(doc, p) {
                a = p;
                continue;
            }
            // "the 19 April Movement [M-19] today accused": an aside after the name.
            if doc.is_punct(p, ")") || doc.is_punct(p, "]") {
                let open = (p.saturating_sub(8).max(t0)..p)
                    .rev()
                    .find(|&q| doc.is_punct(q, "(") || doc.is_punct(q, "["));
                if let Some(o) = open.filter(|&o| o > t0 && doc.toks[o - 1].kind == Kind::Word) {
                    a = o;
                    continue;
                }
            }
            break;
        }
        if is_tag(doc, p, Tag::ClauseBreak) {
            // ("the Basque Fatherland and Freedom": "and" inside a name goes on.)
            let in_name = !doc.caps
                && doc.is(p, |t| t == Tag::Coordinator)
                && p > t0
                && a < v
                && doc.capword(p - 1)
                && !doc.is(p - 1, |t| t == Tag::NameHead)
                && doc.capword(a);
            if !in_name {
                break;
            }
        }
        if doc.is(p, |t| {
            matches!(
                t,
                Tag::Speech
                    | Tag::Denies
                    | Tag::Accuses
                    | Tag::Confirms
                    | Tag::Killed
                    | Tag::Injured
                    | Tag::Trigger(_)
            )
        }) {
            break;
        }
        a = p;
    }
    (a < v).then_some((a, v))
}

/// Claims and speakers in tokens `t0..t1`. `known` lists earlier speakers, for "Mr Kerry" and
/// pronouns.
pub(crate) fn claims(
    doc: &Doc,
    t0: usize,
    t1: usize,
    known: &mut Vec<Speaker>,
    neg_suffixes: &[String],
) -> Vec<ClaimHit> {
    #[derive(Clone, Copy, PartialEq)]
    enum V {
        Speech,
        Accuse,
        Deny,
        Confirm,
        Resp,
    }
    /// (verb start, verb end, kind, speaker phrase)
    type Verb = (usize, usize, V, Option<(usize, usize)>);
    let mut verbs: Vec<Verb> = Vec::new();
    let mut i = t0;
    while i < t1 {
        let h = doc.next_find(i, t1, |t| {
            matches!(
                t,
                Tag::Speech | Tag::Accuses | Tag::Denies | Tag::Confirms | Tag::Responsibility
            )
        });
        let Some((k, h)) = h else {
            break;
        };
        i = k;
        let kind = match h.tag {
            Tag::Accuses => V::Accuse,
            Tag::Denies => V::Deny,
            Tag::Confirms => V::Confirm,
            Tag::Responsibility => V::Resp,
            _ => V::Speech,
        };
        let sp = speaker_before(doc, i, t0);
        verbs.push((i, i + h.len, kind, sp));
        i += h.len;
    }
    let mut out = Vec::new();
    for (n, &(_, v1, kind, sp)) in verbs.iter().enumerate() {
        let Some((a, b)) = sp else { continue };
        // "No group claimed responsibility": nobody speaks.
        if (a..b).any(|q| is_tag(doc, q, Tag::Negation)) {
            continue;
        }
        let Some(mut speaker) = speaker_of(doc, a, b) else {
            continue;
        };
        let words: Vec<usize> = (a..b).filter(|&k| doc.toks[k].kind == Kind::Word).collect();
        if let [w] = words.as_slice() {
            if is_tag(doc, *w, Tag::Impersonal) {
                continue;
            }
            if is_tag(doc, *w, Tag::Pronoun) {
                match known.last() {
                    Some(k) => speaker = k.clone(),
                    None => continue,
                }
            }
        }
        // "Mr Kerry" -> the earlier "John Kerry".
        if words.len() == 2 && is_tag(doc, words[0], Tag::Courtesy) {
            let surname = doc.raw(words[1]);
            if let Some(k) = known
                .iter()
                .rev()
                .find(|k| k.name.ends_with(surname) && k.name.len() > surname.len())
            {
                speaker = k.clone();
            }
        }
        // The complement runs to the next speaker's phrase.
        let c_end = verbs
            .get(n + 1)
            .and_then(|v| v.3.map(|s| s.0))
            .unwrap_or(t1);
        let comp = (v1, c_end.max(v1));
        let (stance, actor) = match kind {
            V::Accuse => (
                "accuses",
                np_right(doc, comp.0, comp.1).map(|(x, y)| text_of(doc, x, y)),
            ),
            V::Deny => ("denies", complement_subject(doc, comp.0, comp.1)),
            V::Confirm => ("confirms", complement_subject(doc, comp.0, comp.1)),
            V::Resp => ("claims_responsibility", Some(speaker.name.clone())),
            V::Speech => {
                let negated = (comp.0..comp.1).any(|k| {
                    is_tag(doc, k, Tag::Negation)
                        || neg_suffixes
                            .iter()
                            .any(|x| doc.low(k).ends_with(x.as_str()))
                });
                let agent = (comp.0..comp.1).find_map(|k| {
                    doc.find(k, |t| t == Tag::AgentCue)
                        .and_then(|h| np_right(doc, k + h.len, comp.1))
                });
                if negated {
                    ("denies", complement_subject(doc, comp.0, comp.1))
                } else if let Some((x, y)) = agent {
                    ("accuses", Some(text_of(doc, x, y)))
                } else {
                    if !known.iter().any(|k| k.name == speaker.name)
                        && speaker.name.chars().next().is_some_and(char::is_uppercase)
                    {
                        known.push(speaker.clone());
                    }
                    continue;
                }
            }
        };
        if !known.iter().any(|k| k.name == speaker.name) {
            known.push(speaker.clone());
        }
        out.push(ClaimHit {
            speaker: speaker.name,
            role: speaker.role,
            stance,
            actor,
            span: doc.span(a, comp.1),
            speaker_span: doc.span(a, b),
        });
    }
    out
}

/// The subject of a reported clause: "denied [that] the government had hit ...".
fn complement_subject(doc: &Doc, a: usize, b: usize) -> Option<String> {
    let mut j = a;
    while j < b && (is_tag(doc, j, Tag::Complementizer) || doc.toks[j].kind == Kind::Punct) {
        j += 1;
    }
    let (x, y) = np_right(doc, j, b)?;
    Some(text_of(doc, x, y))
}

/// A source phrase after a cue: "[the] [description ending in a media noun][,] [Name]".
fn source_after(doc: &Doc, j: usize, end: usize) -> Option<(String, Option<String>, usize)> {
    let mut a = j;
    while a < end && is_tag(doc, a, Tag::Determiner) {
        a += 1;
    }
    // Description: words up to the last media noun within reach.
    let mut last_media = None;
    let mut k = a;
    while k < end && k < a + 7 {
        let t = doc.toks[k];
        if t.kind == Kind::Punct && !doc.is_punct(k, "-") {
            break;
        }
        if doc.find(k, |t| t == Tag::MediaNoun).is_some() {
            last_media = Some(k + 1);
        } else if t.kind == Kind::Word && doc.capword(k) && last_media.is_some() {
            break;
        }
        k += 1;
    }
    let mut name_start = a;
    let mut desc = None;
    if let Some(m) = last_media {
        let has_lower = (a..m).any(|q| doc.toks[q].kind == Kind::Word && !doc.toks[q].cap);
        if has_lower || doc.caps {
            desc = Some(text_of(doc, a, m));
            name_start = m;
            if name_start < end && doc.is_punct(name_start, ",") {
                name_start += 1;
            }
        }
    }
    let mut b = name_start;
    while b < end && b < name_start + 8 {
        let word = doc.capword(b)
            || doc.is(b, |t| t == Tag::KnownSource)
            || doc.caps && doc.toks[b].kind == Kind::Word && !is_tag(doc, b, Tag::ActorStop);
        // "Observatory for Human Rights", "Agence France-Presse"
        let joiner = b > name_start
            && (is_tag(doc, b, Tag::Connector) || doc.is_punct(b, "-"))
            && b + 1 < end
            && doc.capword(b + 1);
        if !(word || joiner) {
            break;
        }
        b += 1;
    }
    if b > name_start {
        return Some((text_of(doc, name_start, b), desc, b));
    }
    // No name: a described source ("according to local officials").
    let d = desc?;
    Some((d, None, name_start))
}

/// Cited sources in tokens `t0..t1`.
/// The token after an appositive that opens at `e` (", a UK-based monitor,"), else `e`.
fn appositive_end(doc: &Doc, e: usize, t1: usize) -> usize {
    if e >= t1 || !doc.is_punct(e, ",") {
        return e;
    }
    (e + 1..t1.min(e + 12))
        .find(|&k| doc.is_punct(k, ","))
        .map_or(e, |k| k + 1)
}

pub(crate) fn sources(doc: &Doc, t0: usize, t1: usize) -> Vec<SourceHit> {
    let mut out: Vec<SourceHit> = Vec::new();
    let mut i = t0;
    while i < t1 {
        let Some((k, h)) = doc.next_find(i, t1, |t| {
            matches!(
                t,
                Tag::According | Tag::Published | Tag::Told | Tag::KnownSource
            )
        }) else {
            break;
        };
        i = k;
        let e = i + h.len;
        let found = match h.tag {
            Tag::KnownSource => {
                // "Reuters reported", "SANA said", "the Observatory, a monitor in London, said".
                let after = appositive_end(doc, e, t1);
                let speaks = after < t1 && doc.find(after, |t| t == Tag::Speech).is_some();
                let cited = i > t0 && doc.is(i - 1, |t| matches!(t, Tag::According | Tag::Told));
                (speaks && !cited).then(|| (text_of(doc, i, e), None, e))
            }
            Tag::Told => {
                let r = source_after(doc, e, t1);
                r.filter(|(n, _, _)| n.chars().next().is_some_and(char::is_uppercase))
            }
            _ => source_after(doc, e, t1),
        };
        if let Some((name, description, end)) = found {
            if !name.is_empty() && !out.iter().any(|s| s.name == name) {
                out.push(SourceHit {
                    name,
                    description,
                    span: doc.span(i, end),
                });
            }
            i = end.max(e);
        } else {
            i = e;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::Lexicon;

    fn with_doc<T>(text: &str, f: impl FnOnce(&Doc) -> T) -> T {
        let lex = Lexicon::embedded().expect("lexicon");
        let doc = Doc::new(text, &lex);
        f(&doc)
    }

    /// The names of the perpetrators read in `text`.
    fn names(text: &str) -> Vec<String> {
        with_doc(text, |d| perpetrators(d, 0, d.toks.len()))
            .into_iter()
            .map(|p| p.name)
            .collect()
    }

    #[test]
    fn group_names_keep_particles_and_acronyms() {
        assert_eq!(
            names("A guard was shot dead at the gate. The al-Nour Brigade claimed the attack."),
            vec!["al-Nour Brigade"]
        );
        assert_eq!(
            names("Communist Party of Nepal-Maoist (CPN-M) rebels burned a police post."),
            vec!["Communist Party of Nepal-Maoist (CPN-M) rebels"]
        );
        assert_eq!(
            names("The judge was abducted on the road to Neiva by the 12th Front of the Popular Army."),
            vec!["12th Front of the Popular Army"]
        );
        // A police officer shot is a victim, not an actor.
        assert!(names("A police officer was shot near the market.").is_empty());
        // A wing the fighters come from is theirs, not a target.
        assert!(
            names("Fighters from the military wing of Hamas fired rockets at the town.")
                .iter()
                .any(|n| n.contains("Hamas"))
        );
        // A known group opening a sentence on its own.
        assert_eq!(
            names("URUGUAY.  Tupamaros kidnapped a farm manager."),
            vec!["Tupamaros"]
        );
        // A part of a body that is the target is no actor.
        assert_eq!(
            names("Arsonists set fire to a branch of the Banco Popular."),
            Vec::<String>::new()
        );
        // Named by the police, or as having been involved.
        assert_eq!(
            names("A bomb killed four traders. Police blame the Tiger Front."),
            vec!["Tiger Front"]
        );
        assert_eq!(
            names("A bomb killed four traders. The Tiger Front was involved, police said."),
            vec!["Tiger Front"]
        );
        // ... and police are the object of an attack just before them.
        assert_eq!(
            names("Militants stormed a police post, killing two guards."),
            vec!["Militants"]
        );
    }

    #[test]
    fn perpetrator_by_agent_and_responsibility() {
        let p = with_doc("The hospital was destroyed in an attack carried out by Syrian government forces on Monday.", |d| perpetrators(d, 0, d.toks.len()));
        assert_eq!(p[0].name, "Syrian government forces");
        let p = with_doc("The Al-Nasser Brigades, the armed wing of the Popular Resistance Committees, claimed responsibility for the rockets.", |d| perpetrators(d, 0, d.toks.len()));
        let names: Vec<&str> = p.iter().map(|p| p.name.as_str()).collect();
        assert!(
            names
                .iter()
                .any(|n| n.contains("Popular Resistance Committees")),
            "{names:?}"
        );
        assert!(names.contains(&"Al-Nasser Brigades"), "{names:?}");
    }

    #[test]
    fn nobody_claimed_is_no_perpetrator() {
        let p = with_doc(
            "Although no group claimed responsibility, police suspect rebels.",
            |d| perpetrators(d, 0, d.toks.len()),
        );
        assert!(p.is_empty(), "{p:?}");
        let p = with_doc(
            "He was kidnapped by members of the 42nd Front of the Sierra Army.",
            |d| perpetrators(d, 0, d.toks.len()),
        );
        assert!(
            p.iter()
                .any(|x| x.name.contains("Sierra Army") && x.explicit),
            "{p:?}"
        );
        // Upper-case wire text: an adverb before the verb is no name, a negated list names
        // nobody, a question names nobody, a pronoun or a number names no one.
        assert!(
            names("NO PERSON OR GROUP HAS YET CLAIMED RESPONSIBILITY FOR THE BLAST.").is_empty()
        );
        assert_eq!(
            names("THE LIBERATION COMMAND TODAY CLAIMED RESPONSIBILITY FOR THE BLAST."),
            vec!["LIBERATION COMMAND"]
        );
        assert!(names("A JUDGE WILL DETERMINE WHO IS RESPONSIBLE FOR THE AMBUSH.").is_empty());
        assert!(names("The evidence shows that it was responsible for the ambush.").is_empty());
        assert!(names("The guard was killed by two bullets fired from a pistol.").is_empty());
    }

    #[test]
    fn generic_subject_of_attack() {
        let p = with_doc(
            "IN SOYAPANGO, FMLN TERRORISTS MURDERED TWO WATCHMEN.",
            |d| perpetrators(d, 0, d.toks.len()),
        );
        assert_eq!(p[0].name, "FMLN TERRORISTS");
        let p = with_doc("The attack killed three soldiers and wounded two.", |d| {
            perpetrators(d, 0, d.toks.len())
        });
        assert!(p.is_empty());
    }

    #[test]
    fn speech_with_agent_is_an_accusation() {
        let mut known = Vec::new();
        let c = with_doc("The Foreign Minister Anna Berg said the shelling was a deliberate attack by rebel fighters.", |d| claims(d, 0, d.toks.len(), &mut known, &["n't".to_string()]));
        assert_eq!(c.len(), 1);
        assert_eq!(c[0].speaker, "Anna Berg");
        assert_eq!(c[0].role.as_deref(), Some("Foreign Minister"));
        assert_eq!(c[0].stance, "accuses");
        assert_eq!(c[0].actor.as_deref(), Some("rebel fighters"));
    }

    #[test]
    fn denials_in_one_sentence() {
        let mut known = Vec::new();
        let c = with_doc("An army spokesman in Kyiv denied the brigade had fired on the town and Colonel Petro Marchuk said its guns had not moved.", |d| claims(d, 0, d.toks.len(), &mut known, &["n't".to_string()]));
        assert_eq!(c.len(), 2, "{c:?}");
        assert_eq!(c[0].speaker, "An army spokesman");
        assert_eq!(c[0].stance, "denies");
        assert_eq!(c[1].speaker, "Petro Marchuk");
        assert_eq!(c[1].role.as_deref(), Some("Colonel"));
        assert_eq!(c[1].stance, "denies");
    }

    #[test]
    fn sources_with_descriptions() {
        let s = with_doc(
            "The clip was posted online by pro-government TV channel, Sham FM Network.",
            |d| sources(d, 0, d.toks.len()),
        );
        assert_eq!(s[0].name, "Sham FM Network");
        assert_eq!(
            s[0].description.as_deref(),
            Some("pro-government TV channel")
        );
        let s = with_doc("Two were killed, a local doctor told Reuters.", |d| {
            sources(d, 0, d.toks.len())
        });
        assert_eq!(s[0].name, "Reuters");
        let s = with_doc(
            "according to the Syrian Observatory for Human Rights, 10 died",
            |d| sources(d, 0, d.toks.len()),
        );
        assert_eq!(s[0].name, "Syrian Observatory for Human Rights");
    }
}
