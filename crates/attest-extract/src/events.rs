//! Event triggers, weapons and targets found in a sentence.

use crate::lexicon::{Lexicon, Tag};
use crate::text::{Doc, Kind};

/// What a sentence says happened.
#[derive(Debug, Default, Clone)]
pub(crate) struct SentEvents {
    /// (trigger class, token start, token end)
    pub(crate) triggers: Vec<(u16, usize, usize)>,
    /// (weapon class, token start, token end)
    pub(crate) weapons: Vec<(u16, usize, usize)>,
    /// (target class, token start, token end)
    pub(crate) targets: Vec<(u16, usize, usize)>,
}

impl SentEvents {
    /// No trigger tells of an act: each names a weapon that is not the means of one ("take out
    /// your pistols", but not "damaged by a bomb") or a kind of violence ("victims of bombings").
    pub(crate) fn no_act(&self, doc: &Doc, lex: &Lexicon, t0: usize, t1: usize) -> bool {
        !self.triggers.is_empty()
            && self.triggers.iter().all(|&(id, a, b)| {
                let t = &lex.triggers[id as usize];
                t.generic
                    || t.instrument
                        && !(a.saturating_sub(2).max(t0)..a)
                            .any(|k| doc.is(k, |t| t == Tag::AgentBy))
                        // "incendiary bombs were hurled at a temple", "threw a grenade into
                        // the yard": a verb of use next to the weapon tells the act.
                        && !(a.saturating_sub(USE_REACH).max(t0)..(b + USE_REACH).min(t1))
                            .any(|k| doc.is(k, |t| t == Tag::UseVerb))
            })
    }

    /// Strongest trigger: (strength, trigger index in list). A firing word that names no
    /// weapon (`carrier`) gives way, at its own strength, to the weapon fired in the same
    /// sentence ("mortars were fired at the settlement": a shelling).
    pub(crate) fn strongest(&self, lex: &Lexicon) -> Option<(u8, usize)> {
        let (s, id) = self
            .triggers
            .iter()
            .map(|(id, _, _)| {
                let t = &lex.triggers[*id as usize];
                (t.strength, *id as usize)
            })
            .max_by_key(|(s, id)| {
                (
                    *s,
                    !lex.triggers[*id].outcome,
                    std::cmp::Reverse(priority(lex, &lex.triggers[*id].event)),
                )
            })?;
        let at = self
            .triggers
            .iter()
            .find(|x| x.0 as usize == id)
            .map(|x| (x.1, x.2));
        let fired = (lex.triggers[id].carrier || lex.triggers[id].armed).then(|| {
            self.triggers
                .iter()
                .filter(|&&(x, a, b)| {
                    let t = &lex.triggers[x as usize];
                    t.instrument
                        && t.event != lex.triggers[id].event
                        && at.is_some_and(|(ca, cb)| a < cb + FIRED_REACH && ca < b + FIRED_REACH)
                })
                .map(|&(x, _, _)| x as usize)
                .max_by_key(|&x| {
                    (
                        lex.triggers[x].strength,
                        std::cmp::Reverse(priority(lex, &lex.triggers[x].event)),
                    )
                })
        });
        Some((s, fired.flatten().unwrap_or(id)))
    }
}

/// How near, in tokens, a verb of use is to the weapon it tells the use of ("bombs were
/// hurled at").
const USE_REACH: usize = 3;
/// How near, in tokens, the weapon fired is to a firing word ("mortars were fired at").
const FIRED_REACH: usize = 6;
/// How far before a trigger, in tokens, a word can make it unreal ("threatened to kill").
const UNREAL_WINDOW: usize = 6;
/// How far after a trigger, in tokens, a word of habit reaches ("shelled almost daily").
const HABIT_WINDOW: usize = 8;
/// How far after a trigger a word aiming it at no one reaches ("fired shots into the air").
const AIMLESS_WINDOW: usize = 3;
/// How far before a trigger a negation reaches ("did not attack").
const NEGATION_WINDOW: usize = 2;
/// How many tokens a list of verbs may put between a habit's subject and a trigger ("they
/// steal, kidnap").
const HABIT_LIST: usize = 6;

/// Why a trigger was dropped as telling of no act: the rule and, where a word decided it, the
/// tokens of that word (so an explanation can name the lexicon word that reached the trigger).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum DropReason {
    /// The sentence asks a question.
    Question,
    /// The effect of another trigger of the sentence (its event type): a fire a blast set.
    Consequence(u16),
    /// A weapon named in a sentence about weapons seized (the `events.seizure` word).
    Seizure(usize, usize),
    /// An `events.habitual` word after it.
    Habitual(usize, usize),
    /// An `events.unreal` word before it in its clause.
    Unreal(usize, usize),
    /// An `events.unreal_next` word right before it.
    UnrealNext(usize, usize),
    /// A negation just before it.
    Negation(usize, usize),
    /// An `events.aimless` word just after it ("fired into the air").
    Aimless(usize, usize),
    /// An `events.modified_nouns` noun right after it ("a kidnapping ring").
    Modifier(usize, usize),
    /// Inside an `events.not_acts` phrase ("a hunger strike").
    NotAct(usize, usize),
    /// The `events.infinitive` mark right before it ("came to massacre").
    Infinitive(usize, usize),
    /// A participle after an article, qualifying people ("the kidnapped persons").
    Participle(usize, usize),
}

/// A dropped trigger (class, token start, token end) and why.
pub(crate) type Dropped = ((u16, usize, usize), DropReason);

/// Drops the triggers of tokens `t0..t1` that tell of no act: in a question, after a word of
/// intent, threat, prevention or generality in the same clause ("threatened to kill", "a wave of
/// bombings"), right after a negation, before a word of habit ("shelled almost daily"), as the
/// consequence of a blast, or naming a weapon in a sentence about weapons seized ("troops seized
/// rifles and grenades"). When `why` is given, each dropped trigger is recorded there with its
/// reason (only `--explain` asks: the normal path records nothing).
pub(crate) fn drop_unreal(
    doc: &Doc,
    lex: &Lexicon,
    t0: usize,
    t1: usize,
    ev: &mut SentEvents,
    mut why: Option<&mut Vec<Dropped>>,
) {
    if ev.triggers.is_empty() {
        return;
    }
    // A question asks whether violence happened, unless it counts its victims ("what about the
    // eight bombs that killed six soldiers?").
    let question = (t0..t1).rev().take(3).any(|k| doc.is_punct(k, "?"))
        && !(t0..t1).any(|k| doc.toks[k].kind == crate::text::Kind::Num)
        && !doc.any_in(t0, t1, |t| matches!(t, Tag::Cardinal(_)));
    if question {
        if let Some(w) = why {
            w.extend(ev.triggers.iter().map(|&t| (t, DropReason::Question)));
        }
        ev.triggers.clear();
        return;
    }
    // "The car exploded, setting several vehicles on fire": the fire is the blast's doing.
    // So is it after a sentence opening on the act already told ("The attack damaged the
    // building and set cars on fire").
    let anaphor = ev
        .triggers
        .iter()
        .map(|&(_, a, _)| a)
        .min()
        .is_some_and(|a| a > t0 && a <= t0 + 2 && doc.is(a - 1, |t| t == Tag::OneDeterminer));
    for [effect, cause] in &lex.consequences {
        let caused = ev
            .triggers
            .iter()
            .find(|&&(id, _, _)| {
                let t = &lex.triggers[id as usize];
                t.event == *cause && !t.instrument && !t.generic
            })
            // ... or the act already told, that the sentence opens on (unless that act is
            // itself of the effect's kind: "The arsonists set fire to ...").
            .or_else(|| {
                anaphor
                    .then(|| ev.triggers.iter().min_by_key(|&&(_, a, _)| a))
                    .flatten()
                    .filter(|&&(id, _, _)| lex.triggers[id as usize].event != *effect)
            })
            .copied();
        if let Some((cause_id, _, _)) = caused {
            // The means stay: firebombs that exploded are still firebombs.
            ev.triggers.retain(|&x| {
                let t = &lex.triggers[x.0 as usize];
                let keep = t.event != *effect || t.instrument;
                if let (false, Some(w)) = (keep, why.as_deref_mut()) {
                    w.push((x, DropReason::Consequence(cause_id)));
                }
                keep
            });
        }
    }
    let seized = doc.any_in(t0, t1, |t| t == Tag::Seizure);
    // Triggers in text order, so that an act joined to one ruled out ("threatened to kidnap
    // and kill") is ruled out with it.
    ev.triggers.sort_by_key(|&(_, a, _)| a);
    let mut last_drop: Option<(usize, DropReason)> = None;
    ev.triggers.retain(|&x| {
        let reason = unreal(doc, lex, t0, t1, seized, x).or_else(|| {
            last_drop
                .filter(|&(end, _)| coordinated(doc, end, x.1))
                .map(|(_, r)| r)
        });
        match reason {
            Some(r)
                if matches!(
                    r,
                    DropReason::Unreal(..)
                        | DropReason::UnrealNext(..)
                        | DropReason::Negation(..)
                        | DropReason::Infinitive(..)
                ) =>
            {
                last_drop = Some((x.2, r))
            }
            _ => last_drop = None,
        }
        if let (Some(r), Some(w)) = (reason, why.as_deref_mut()) {
            w.push((x, r));
        }
        reason.is_none()
    });
}

/// Do tokens `end..a` only join two words ("and", "or", a comma, a quote mark)?
fn coordinated(doc: &Doc, end: usize, a: usize) -> bool {
    a > end
        && a - end <= 3
        && (end..a).any(|k| doc.is(k, |t| t == Tag::Coordinator))
        && (end..a).all(|k| {
            doc.is(k, |t| t == Tag::Coordinator)
                || doc.is_punct(k, ",")
                || doc.is_punct(k, "\"")
                || doc.is_punct(k, "'")
        })
}

/// Why trigger `(id, a, b)` of tokens `t0..t1` tells of no act, if it does (`seized`: the
/// sentence names a seizure).
fn unreal(
    doc: &Doc,
    lex: &Lexicon,
    t0: usize,
    t1: usize,
    seized: bool,
    (id, a, b): (u16, usize, usize),
) -> Option<DropReason> {
    if seized && lex.triggers[id as usize].instrument {
        // (The word is looked for only now: weapons seized are rare.)
        let (k, len) = (t0..t1)
            .find_map(|k| doc.find(k, |t| t == Tag::Seizure).map(|h| (k, h.len)))
            .unwrap_or((t0, 0));
        return Some(DropReason::Seizure(k, k + len));
    }
    // "a kidnapping ring", "murder charges": the act only qualifies another noun (but a verb,
    // "shelled factories", has it for object).
    // ("police shot suspects": a past form after no article is a verb too, where "a hit
    // squad" is a noun.)
    let past_verb = doc.find(a, |t| t == Tag::PastForm).is_some()
        && !(a > t0 && doc.is(a - 1, |t| t == Tag::Determiner));
    if b < t1 && !ends_with_any(doc.low(b - 1), &lex.participle_endings) && !past_verb {
        if let Some(h) = doc.find(b, |t| t == Tag::ModifiedNoun) {
            return Some(DropReason::Modifier(b, b + h.len));
        }
    }
    // "a hunger strike", "workers went on strike": the word names no violence here.
    for k in a.saturating_sub(3).max(t0)..=a {
        if let Some(h) = doc.find(k, |t| t == Tag::NotAct).filter(|h| k + h.len >= b) {
            return Some(DropReason::NotAct(k, k + h.len));
        }
    }
    // "shot into the air": aimed at no one (shots only: a bomb that "exploded in the air" hit
    // what it was aimed at).
    let shots = lex.triggers[id as usize].event == lex.generic_event;
    for k in (b..t1.min(b + AIMLESS_WINDOW)).filter(|_| shots) {
        if clause_edge(doc, k) {
            break;
        }
        if let Some(h) = doc.find(k, |t| t == Tag::Aimless) {
            return Some(DropReason::Aimless(k, k + h.len));
        }
    }
    // "has been shelled almost daily": a habit, not an act.
    for k in b..t1.min(b + HABIT_WINDOW) {
        if clause_edge(doc, k) {
            break;
        }
        if let Some(h) = doc.find(k, |t| t == Tag::Habitual) {
            return Some(DropReason::Habitual(k, k + h.len));
        }
    }
    // "they kidnap and murder anyone who resists": a present form after a plain subject.
    if let Some(k) = habit_subject(doc, lex, t0, a) {
        return Some(DropReason::Habitual(k, k + 1));
    }
    let from = a.saturating_sub(UNREAL_WINDOW).max(t0);
    for k in (from..a).rev() {
        // "called for calm after a bomb killed", "recalled how gunmen opened fire": a clause of
        // its own.
        if clause_edge(doc, k) || doc.is(k, |t| t == Tag::UnrealBarrier) {
            break;
        }
        if let Some(h) = doc.find(k, |t| t == Tag::Unreal).filter(|h| k + h.len <= a) {
            // "could not prevent the massacre", "failed to prevent": it happened.
            let prevention = doc
                .find(k, |t| t == Tag::Prevention)
                .is_some_and(|p| p.len == h.len);
            let failed = (k.saturating_sub(2).max(t0)..k).any(|q| {
                doc.is(q, |t| t == Tag::Negation || t == Tag::PreventionFailed)
                    || ends_with_any(doc.low(q), &lex.negation_suffixes)
            });
            if prevention && failed {
                break;
            }
            // "gunmen at a bus stop opened fire": a noun, not a word of prevention.
            // ("a plan to prevent attacks" is one.)
            let noun = !doc.is(k, |t| t == Tag::Infinitive)
                && (k.saturating_sub(2).max(t0)..k).any(|q| doc.is(q, |t| t == Tag::Determiner));
            if !(prevention && noun) {
                return Some(DropReason::Unreal(k, k + h.len));
            }
        }
        if let Some(h) = doc
            .find(k, |t| t == Tag::UnrealNext)
            .filter(|h| k + h.len == a)
        {
            return Some(DropReason::UnrealNext(k, k + h.len));
        }
        let negated = a - k <= NEGATION_WINDOW
            && (doc.is(k, |t| t == Tag::Negation)
                || lex
                    .negation_suffixes
                    .iter()
                    .any(|s| doc.low(k).ends_with(s.as_str())));
        if negated {
            return Some(DropReason::Negation(k, k + 1));
        }
    }
    // "the murdered priests", "the release of the kidnapped persons": a participle between an
    // article and the people it qualifies names them by an act told elsewhere.
    if a > t0
        && b == a + 1
        && doc.is(a - 1, |t| t == Tag::Determiner)
        // ("the bodies of the murdered journalists were found": their killing.)
        && !(a.saturating_sub(4).max(t0)..a - 1).any(|k| {
            doc.find(k, |t| t == Tag::ParticipleReal)
                .is_some_and(|h| k + h.len == a - 1)
        })
        && {
            let w = doc.low(a);
            lex.participle_endings
                .iter()
                .any(|e| w.len() > e.len() + 3 && w.ends_with(e.as_str()))
        }
        && (b..t1.min(b + 2))
            .any(|k| doc.is(k, |t| matches!(t, Tag::PeoplePlural | Tag::PeopleSingular)))
    {
        return Some(DropReason::Participle(a - 1, a));
    }
    // "came to massacre the people": a purpose, unless tried ("tried to kill") or the mark is a
    // preposition ("subjected to shelling").
    if a > t0
        && doc.is(a - 1, |t| t == Tag::Infinitive)
        && !ends_with_any(doc.low(a), &lex.noun_endings)
        && !(a - 1 > t0 && doc.is(a - 2, |t| t == Tag::InfinitiveReal))
    {
        return Some(DropReason::Infinitive(a - 1, a));
    }
    None
}

/// The subject (`events.habit_subjects`) that makes the trigger at `a` a habit, if one does:
/// the trigger is in its present form ("kidnap", not "kidnapped", "kidnapping" or "shot") and
/// follows the subject directly or through a list of such verbs ("they steal, kidnap").
fn habit_subject(doc: &Doc, lex: &Lexicon, t0: usize, a: usize) -> Option<usize> {
    let present = |k: usize| {
        let w = doc.low(k);
        doc.toks[k].kind == Kind::Word
            && !ends_with_any(w, &lex.participle_endings)
            && !ends_with_any(w, &lex.noun_endings)
            && doc.find(k, |t| t == Tag::PastForm).is_none()
    };
    if !present(a) {
        return None;
    }
    let mut k = a;
    while k > t0 && a - k < HABIT_LIST {
        k -= 1;
        if doc.is(k, |t| t == Tag::HabitSubject) {
            return Some(k);
        }
        let joins = doc.is_punct(k, ",") || doc.is(k, |t| t == Tag::Coordinator);
        let listed =
            present(k) && (doc.is(k + 1, |t| t == Tag::Coordinator) || doc.is_punct(k + 1, ","));
        if !(joins || listed) {
            return None;
        }
    }
    None
}

/// Does `w` end with one of `endings`?
fn ends_with_any(w: &str, endings: &[String]) -> bool {
    endings.iter().any(|e| w.ends_with(e.as_str()))
}

/// Does token `k` end a clause (a comma, a semicolon, "and", "but", "that", ...)?
fn clause_edge(doc: &Doc, k: usize) -> bool {
    doc.is_punct(k, ",") || doc.is_punct(k, ";") || doc.is(k, |t| t == Tag::ClauseBreak)
}

/// Rank of an event type in the lexicon's priority list (lower first).
pub(crate) fn priority(lex: &Lexicon, event: &str) -> usize {
    lex.priority
        .iter()
        .position(|e| e == event)
        .unwrap_or(lex.priority.len())
}

/// Triggers, weapons and targets of tokens `t0..t1`: in each category, the longest matches
/// from left to right, not overlapping (the three categories read in one pass over the tokens).
pub(crate) fn sentence_events(doc: &Doc, t0: usize, t1: usize) -> SentEvents {
    let category = |t: Tag| match t {
        Tag::Trigger(id) => Some((0, id)),
        Tag::Weapon(id) => Some((1, id)),
        Tag::Target(id) => Some((2, id)),
        _ => None,
    };
    let mut found: [Vec<(u16, usize, usize)>; 3] = Default::default();
    // Per category: the first token not inside its last match.
    let mut free = [t0; 3];
    for i in t0..t1 {
        // Per category: (class, length) of the longest match at `i` (the last of equals).
        let mut best: [Option<(u16, usize)>; 3] = [None; 3];
        for h in doc.hits(i).iter().filter(|h| i + h.len <= t1) {
            if let Some((c, id)) = category(h.tag) {
                if i >= free[c] && best[c].is_none_or(|(_, len)| h.len >= len) {
                    best[c] = Some((id, h.len));
                }
            }
        }
        for (c, b) in best.into_iter().enumerate() {
            if let Some((id, len)) = b {
                found[c].push((id, i, i + len));
                free[c] = i + len;
            }
        }
    }
    let [triggers, weapons, targets] = found;
    // A target word inside a trigger or weapon ("car" in "car bomb") is no target.
    let inside = |a: usize, b: usize| {
        triggers
            .iter()
            .chain(weapons.iter())
            .any(|&(_, x, y)| x <= a && b <= y)
    };
    let targets = targets
        .into_iter()
        .filter(|&(_, a, b)| !inside(a, b))
        .collect();
    SentEvents {
        triggers,
        weapons,
        targets,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Event types of the triggers left in `text` once unreal ones are dropped.
    fn real_events(text: &str) -> Vec<String> {
        let lex = Lexicon::embedded().expect("lexicon");
        let doc = Doc::new(text, &lex);
        let n = doc.toks.len();
        let mut ev = sentence_events(&doc, 0, n);
        drop_unreal(&doc, &lex, 0, n, &mut ev, None);
        ev.triggers
            .iter()
            .map(|t| lex.triggers[t.0 as usize].event.clone())
            .collect()
    }

    #[test]
    fn fighting_an_abstract_ill_and_a_shot_in_the_arm_are_no_acts() {
        assert!(real_events("WE ARE FIGHTING DRUG TRAFFICKING VERY STRONGLY.").is_empty());
        assert!(real_events("The economy needs a shot in the arm, the minister said.").is_empty());
        assert!(
            real_events("The country is fighting against terrorism on every front.").is_empty()
        );
        // Fighting armed men is a clash; a man shot in the arm was shot.
        assert_eq!(
            real_events("Troops were fighting rebels near the town."),
            vec!["armed_clash"]
        );
        assert_eq!(
            real_events("A guard was shot in the arm."),
            vec!["armed_attack"]
        );
    }

    #[test]
    fn a_word_of_intent_does_not_reach_into_a_clause_of_its_own() {
        // "after", "when", "how" open a clause the act is told in as real.
        assert_eq!(
            real_events("The president called for calm after a bomb killed 12 people."),
            vec!["bombing", "armed_attack"]
        );
        assert_eq!(
            real_events("Police received calls for help after gunmen opened fire at the mall."),
            vec!["armed_attack", "armed_attack"]
        );
        assert_eq!(
            real_events("Witnesses recalled how gunmen opened fire on the bus."),
            vec!["armed_attack", "armed_attack"]
        );
        // Without one, the word still reaches the act.
        assert!(
            real_events("The speakers recalled the assassination of the union leader.").is_empty()
        );
    }

    #[test]
    fn prevention_that_failed_and_a_stop_that_is_a_place_leave_the_act() {
        assert_eq!(
            real_events("Troops could not prevent the massacre of 40 villagers."),
            vec!["armed_attack"]
        );
        assert_eq!(
            real_events("Police failed to prevent the bombing of the mosque."),
            vec!["bombing"]
        );
        assert_eq!(
            real_events("Gunmen at a bus stop shot three commuters."),
            vec!["armed_attack", "armed_attack"]
        );
        // Prevention that was not said to fail, and a stop that is a word of intent, drop it.
        assert!(
            real_events("The army drew up a plan to prevent attacks on the capital.").is_empty()
        );
        assert!(real_events("Stop bombing the villages, the bishops told the army.").is_empty());
    }

    #[test]
    fn only_shots_are_aimed_at_no_one_and_only_nouns_are_qualified() {
        // A bomb or missile "in the air" hit what it was aimed at.
        assert_eq!(
            real_events("The bomb exploded in the air over the town."),
            vec!["bombing", "bombing"]
        );
        assert!(!real_events("A missile hit the airliner in the air.").is_empty());
        // A verb has the noun after it for object: "shelled factories" is an act.
        assert_eq!(
            real_events("Rebels shelled factories in the north."),
            vec!["shelling"]
        );
        assert!(!real_events("Warplanes bombed shelters in the city.").is_empty());
        // A noun after "to" is no infinitive.
        assert_eq!(
            real_events("Residents woke to shelling on Sunday morning."),
            vec!["shelling"]
        );
        assert!(!real_events("Police responded to gunfire at the mall.").is_empty());
    }

    #[test]
    fn a_participle_qualifying_people_after_an_article_is_no_act() {
        assert!(real_events("The judge heard the case of the murdered priests.").is_empty());
        assert!(real_events("Talks on the release of the kidnapped persons resumed.").is_empty());
        // Told as an act, or not qualifying people, it stays.
        assert_eq!(
            real_events("The priests were murdered in their home."),
            vec!["armed_attack"]
        );
        assert_eq!(
            real_events("Police found the kidnapped car near the border."),
            vec!["abduction"]
        );
    }

    #[test]
    fn a_terrorist_attack_is_a_kind_of_violence() {
        let lex = Lexicon::embedded().expect("lexicon");
        let doc = Doc::new(
            "The minister condemned the terrorist attack on the union.",
            &lex,
        );
        let ev = sentence_events(&doc, 0, doc.toks.len());
        let (st, id) = ev.strongest(&lex).expect("a trigger");
        assert_eq!((st, lex.triggers[id].event.as_str()), (2, "armed_attack"));
    }

    #[test]
    fn an_infinitive_tells_a_purpose_unless_the_act_was_tried() {
        assert!(
            real_events("The militiamen came to the valley to massacre its people.").is_empty()
        );
        assert!(real_events("They are being used to bomb the villages.").is_empty());
        assert_eq!(
            real_events("The guerrillas tried to kidnap the mayor."),
            vec!["abduction"]
        );
        assert_eq!(
            real_events("The town was subjected to shelling overnight."),
            vec!["shelling"]
        );
    }

    #[test]
    fn shots_at_no_one_and_acts_that_only_qualify_a_noun_are_no_act() {
        assert!(real_events("The soldiers fired their rifles into the air.").is_empty());
        assert!(real_events("Police fired warning shots to disperse the crowd.").is_empty());
        assert!(real_events("A court freed three members of the kidnapping ring.").is_empty());
        assert!(real_events("The mayor received a bomb threat by telephone.").is_empty());
        // An explosive charge is a bomb, and shots at people are an attack.
        assert_eq!(
            real_events("An explosive charge went off near the gate."),
            vec!["bombing", "bombing"]
        );
        assert_eq!(
            real_events("The soldiers fired at the crowd in the square."),
            vec!["armed_attack"]
        );
    }

    #[test]
    fn an_act_joined_to_one_ruled_out_is_ruled_out_with_it() {
        assert!(real_events("The group threatened to kidnap and kill the mayor.").is_empty());
        assert!(real_events("It spoke of a wave of kidnapping and murder of students.").is_empty());
        assert!(real_events("The patrol did not attack or shell the village.").is_empty());
        assert!(real_events("Troops were sent in order to kill the rebel leaders.").is_empty());
        assert!(real_events("The army ceased shelling the valley on Monday.").is_empty());
        assert!(real_events("Not a single shot was fired during the vote.").is_empty());
        assert!(
            real_events("The bishops asked the air force to stop bombing the villages.").is_empty()
        );
        assert!(real_events("Mayors are no longer murdered in the province.").is_empty());
        assert!(real_events("The night was sometimes broken by shots.").is_empty());
        assert!(real_events("The world must act and prevent the shelling of the city.").is_empty());
        assert!(
            real_events("The minister asked for orders to allow shooting at looters.").is_empty()
        );
        assert!(
            real_events("The speakers recalled the assassination of the union leader.").is_empty()
        );
        assert!(real_events(
            "The exile was expelled for calling for the assassination of the general."
        )
        .is_empty());
        // Acts told as real stay, joined or not.
        assert_eq!(
            real_events("The guerrillas kidnapped and murdered the mayor."),
            vec!["abduction", "armed_attack"]
        );
        // Only a bare join carries: another verb between starts a new act.
        assert_eq!(
            real_events("They threatened to kill him and then shot his driver."),
            vec!["armed_attack"]
        );
    }

    #[test]
    fn threats_questions_negations_and_seized_weapons_tell_of_no_act() {
        assert_eq!(
            real_events("The militia threatened to bomb the power station."),
            Vec::<String>::new()
        );
        assert!(real_events("Was the judge murdered by soldiers?").is_empty());
        assert!(real_events("The rebels did not attack the village.").is_empty());
        assert!(real_events("It condemned a wave of kidnappings in the north.").is_empty());
        assert!(real_events("Troops seized rifles and grenades at a farm.").is_empty());
        assert!(real_events("The town has been shelled almost daily since May.").is_empty());
        // A fire the blast set is no arson.
        assert_eq!(
            real_events("The car exploded, setting several shops on fire."),
            vec!["bombing"]
        );
        // A sentence opening on the act already told: its fire is that act's doing.
        assert_eq!(
            real_events("The attack damaged the depot and set two lorries on fire."),
            vec!["armed_attack"]
        );
        // ... unless that act is the fire itself.
        assert_eq!(
            real_events("The arsonists set fire to the depot."),
            vec!["arson", "arson"]
        );
        // The same words stating an act.
        assert_eq!(
            real_events("A grenade was thrown at the bus."),
            vec!["bombing"]
        );
        assert_eq!(
            real_events("Police found a bomb under the car and defused it."),
            vec!["bombing", "bombing"]
        );
        // A question that counts victims presupposes the act.
        assert_eq!(
            real_events("Who planted the bomb that killed six soldiers?"),
            vec!["bombing", "bombing", "armed_attack"]
        );
        // A clause break ends the reach of an earlier word of intent.
        assert_eq!(
            real_events("They had planned to leave, but gunmen attacked the bus."),
            vec!["armed_attack", "armed_attack"]
        );
    }

    #[test]
    fn a_process_under_way_is_no_act_only_right_before_the_trigger() {
        assert!(real_events("Civilians in the old town are being shelled.").is_empty());
        // Further away, "are being" belongs to another verb: the bomb was planted.
        assert_eq!(
            real_events("Two men are being questioned over a pipe bomb left at the depot."),
            vec!["bombing"]
        );
        // A mission is an intent.
        assert!(real_events("The spy had the mission of assassinating the mayor.").is_empty());
    }

    #[test]
    fn verb_forms_and_mines_stuck_to_a_hull_are_triggers() {
        assert_eq!(
            real_events("The militia admitted abducting two engineers."),
            vec!["abduction"]
        );
        assert_eq!(
            real_events("The judge was assasinated outside his office."),
            vec!["armed_attack"]
        );
        assert_eq!(
            real_events("The tanker was damaged by two limpet mines."),
            vec!["bombing"]
        );
        // Bodies found tell of a killing.
        assert_eq!(
            real_events("Two traders were found dead near the market."),
            vec!["armed_attack"]
        );
    }

    #[test]
    fn weapons_and_kinds_of_violence_are_no_act() {
        let lex = Lexicon::embedded().expect("lexicon");
        let only = |text: &str| {
            let doc = Doc::new(text, &lex);
            let n = doc.toks.len();
            sentence_events(&doc, 0, n).no_act(&doc, &lex, 0, n)
        };
        assert!(only("Take out your pistols and your rifles."));
        assert!(!only("The offices were damaged by a bomb."));
        assert!(!only("A bomb exploded near the offices."));
        assert!(!only("No weapons were named."));
        assert!(only("Aid for the victims of bombings and kidnappings."));
        assert!(only("Rescuers searched the burnt-out stalls."));
        // A verb of use next to the weapon tells the act; one far from it does not.
        assert!(!only(
            "Two firebombs were hurled at the chapel after midnight."
        ));
        assert!(!only(
            "Somebody threw a grenade over the wall of the depot."
        ));
        assert!(only(
            "The grenade that the patrol found in the ditch was old, they said, and thrown away."
        ));
    }

    #[test]
    fn officials_attacked_for_their_office_are_government_targets() {
        let lex = Lexicon::embedded().expect("lexicon");
        for text in [
            "Gunmen attacked the attorney general on his way to court.",
            "The attack on a senator outside his home was condemned.",
            "A city councilor was shot in the market town.",
        ] {
            let doc = Doc::new(text, &lex);
            let ev = sentence_events(&doc, 0, doc.toks.len());
            assert!(
                ev.targets
                    .iter()
                    .any(|t| lex.targets[t.0 as usize] == "government"),
                "{text}"
            );
        }
    }

    #[test]
    fn longest_trigger_wins_and_weapons_are_found() {
        let lex = Lexicon::embedded().expect("lexicon");
        let doc = Doc::new(
            "A SUICIDE CAR BOMB hit the market; barrel bombs fell.",
            &lex,
        );
        let n = doc.toks.len();
        let ev = sentence_events(&doc, 0, n);
        let (_, id) = ev.strongest(&lex).expect("a trigger");
        assert_eq!(lex.triggers[id].event, "suicide_bombing");
        let weapons: Vec<&str> = ev
            .weapons
            .iter()
            .map(|w| lex.weapons[w.0 as usize].weapon.as_str())
            .collect();
        assert_eq!(weapons, vec!["barrel_bomb"]);
        let targets: Vec<&str> = ev
            .targets
            .iter()
            .map(|t| lex.targets[t.0 as usize].as_str())
            .collect();
        assert_eq!(targets, vec!["market"]);
    }
}
