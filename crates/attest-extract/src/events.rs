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
