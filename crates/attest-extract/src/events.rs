//! Event triggers, weapons and targets found in a sentence.

use crate::lexicon::{Lexicon, Tag};
use crate::text::Doc;

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
    /// Strongest trigger: (strength, event type index in priority, trigger index in list).
    pub(crate) fn strongest(&self, lex: &Lexicon) -> Option<(u8, usize)> {
        self.triggers
            .iter()
            .map(|(id, _, _)| {
                let t = &lex.triggers[*id as usize];
                (t.strength, *id as usize)
            })
            .max_by_key(|(s, id)| {
                (
                    *s,
                    std::cmp::Reverse(priority(lex, &lex.triggers[*id].event)),
                )
            })
    }
}

/// Rank of an event type in the lexicon's priority list (lower first).
pub(crate) fn priority(lex: &Lexicon, event: &str) -> usize {
    lex.priority
        .iter()
        .position(|e| e == event)
        .unwrap_or(lex.priority.len())
}

/// Longest non-overlapping matches of one category in `t0..t1`.
fn longest(
    doc: &Doc,
    t0: usize,
    t1: usize,
    pick: impl Fn(Tag) -> Option<u16>,
) -> Vec<(u16, usize, usize)> {
    let mut out = Vec::new();
    let mut i = t0;
    while i < t1 {
        let best = doc
            .hits(i)
            .iter()
            .filter(|h| i + h.len <= t1)
            .filter_map(|h| pick(h.tag).map(|id| (id, h.len)))
            .max_by_key(|(_, len)| *len);
        match best {
            Some((id, len)) => {
                out.push((id, i, i + len));
                i += len;
            }
            None => i += 1,
        }
    }
    out
}

/// Triggers, weapons and targets of tokens `t0..t1`.
pub(crate) fn sentence_events(doc: &Doc, t0: usize, t1: usize) -> SentEvents {
    let triggers = longest(doc, t0, t1, |t| match t {
        Tag::Trigger(id) => Some(id),
        _ => None,
    });
    let weapons = longest(doc, t0, t1, |t| match t {
        Tag::Weapon(id) => Some(id),
        _ => None,
    });
    // A target word inside a trigger or weapon ("car" in "car bomb") is no target.
    let inside = |a: usize, b: usize| {
        triggers
            .iter()
            .chain(weapons.iter())
            .any(|&(_, x, y)| x <= a && b <= y)
    };
    let targets = longest(doc, t0, t1, |t| match t {
        Tag::Target(id) => Some(id),
        _ => None,
    })
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
