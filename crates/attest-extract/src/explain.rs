//! Why each sentence was or was not read as telling an incident (`attest extract --explain`).
//!
//! Collected only when asked ([`crate::Extractor::extract_explained`]): the normal path records
//! nothing.

use crate::casualties::{Cas, CasKind};
use crate::events::{DropReason, Dropped};
use crate::lexicon::{Lexicon, Tag};
use crate::text::Doc;
use attest_model::Span;
use serde::Serialize;

/// Why the sentences of a report were or were not read as telling an incident.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Explanation {
    /// One entry per sentence with an event trigger or a casualty word, and per sentence
    /// dropped as page furniture, in text order.
    pub sentences: Vec<SentenceReading>,
}

/// How one sentence was read.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SentenceReading {
    /// Byte offsets of the sentence in the text (as evidence spans).
    pub span: Span,
    /// Index in `incidents` of the incident the sentence tells of, if any.
    pub incident: Option<usize>,
    /// The reading.
    pub reading: Reading,
    /// The trigger words found, kept or dropped.
    pub triggers: Vec<TriggerReading>,
    /// The casualty counts read.
    pub counts: Vec<CountReading>,
}

/// What a sentence was read as telling.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Reading {
    /// It tells of the incident at `incident`.
    Incident,
    /// It tells of violence, but the incident it would make has nothing to anchor it (no count,
    /// place, date or target in a long report) and is not reported.
    Unanchored,
    /// It is dated long before publication: history, not the incident.
    Background,
    /// It tells of an accident or a disaster (an `events.not_violence` word).
    Accident,
    /// Its triggers only name weapons or kinds of violence, with no count of victims.
    NoAct,
    /// Page furniture or a content warning: not part of the report, not read.
    Furniture,
    /// Nothing in it tells of an act: its triggers were all dropped, or are too weak with no
    /// count or target.
    None,
}

impl Reading {
    /// The name used in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Reading::Incident => "incident",
            Reading::Unanchored => "unanchored",
            Reading::Background => "background",
            Reading::Accident => "accident",
            Reading::NoAct => "no_act",
            Reading::Furniture => "furniture",
            Reading::None => "none",
        }
    }
}

/// One trigger word of a sentence.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TriggerReading {
    /// The words as written.
    pub text: String,
    /// The event type the lexicon gives it.
    pub event: String,
    /// Kept as telling of an act.
    pub kept: bool,
    /// Why it was dropped: `question`, `consequence: <event type>` (a fire a blast set),
    /// `seizure: <word>`, `habitual: <word>`, `unreal: <word>`, `unreal_next: <word>`,
    /// `negation: <word>`, `aimless: <word>`, `modifier: <word>`, `infinitive: <word>`,
    /// `participle: <article>` or `furniture`; each word is the lexicon word found in the text.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub why: Option<String>,
}

/// One casualty count read in a sentence.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CountReading {
    /// `killed` or `injured`.
    pub kind: &'static str,
    /// Lower bound (null: not stated, as in the contract's counts).
    pub low: Option<u32>,
    /// Upper bound.
    pub high: Option<u32>,
    /// The words counted.
    pub text: String,
}

/// What the sentence loop learns about one sentence, before incidents are known.
#[derive(Debug)]
pub(crate) struct Note {
    pub(crate) sent: usize,
    pub(crate) reading: SentenceReading,
}

/// Notes of the sentences of one report, and the output incident of each sentence.
#[derive(Debug, Default)]
pub(crate) struct Sink {
    pub(crate) notes: Vec<Note>,
    /// Output incident of each sentence, by sentence index (filled once incidents are ordered;
    /// empty when the report tells of none).
    pub(crate) incident_of: Vec<Option<usize>>,
}

/// Does tokens `t0..t1` hold a casualty word?
pub(crate) fn casualty_word(doc: &Doc, t0: usize, t1: usize) -> bool {
    doc.any_in(t0, t1, |t| matches!(t, Tag::Killed | Tag::Injured))
}

/// The lower-case words of tokens `a..b`.
fn words<'a>(doc: &'a Doc, a: usize, b: usize) -> &'a str {
    let [s, e] = doc.span(a, b);
    &doc.lower[s..e]
}

fn why(doc: &Doc, lex: &Lexicon, u: DropReason) -> String {
    match u {
        DropReason::Question => "question".to_string(),
        DropReason::Consequence(id) => format!("consequence: {}", lex.triggers[id as usize].event),
        DropReason::Seizure(a, b) => format!("seizure: {}", words(doc, a, b)),
        DropReason::Habitual(a, b) => format!("habitual: {}", words(doc, a, b)),
        DropReason::Unreal(a, b) => format!("unreal: {}", words(doc, a, b)),
        DropReason::UnrealNext(a, b) => format!("unreal_next: {}", words(doc, a, b)),
        DropReason::Negation(a, b) => format!("negation: {}", words(doc, a, b)),
        DropReason::Aimless(a, b) => format!("aimless: {}", words(doc, a, b)),
        DropReason::Modifier(a, b) => format!("modifier: {}", words(doc, a, b)),
        DropReason::NotAct(a, b) => format!("no act: {}", words(doc, a, b)),
        DropReason::Infinitive(a, b) => format!("infinitive: {}", words(doc, a, b)),
        DropReason::Participle(a, b) => format!("participle: {}", words(doc, a, b)),
    }
}

/// The reading of a sentence before incidents are known (`Incident` stands for "tells of an
/// act"; [`Sink::finish`] settles it). `told`: every trigger found; `dropped`: those dropped.
pub(crate) fn note(
    doc: &Doc,
    lex: &Lexicon,
    sent: usize,
    told: &[(u16, usize, usize)],
    dropped: &[Dropped],
    cas: &[Cas],
    reading: Reading,
) -> Note {
    let s = &doc.sents[sent];
    let triggers = told
        .iter()
        .map(|&t| {
            let why = if reading == Reading::Furniture {
                Some("furniture".to_string())
            } else {
                dropped
                    .iter()
                    .find(|d| d.0 == t)
                    .map(|&(_, u)| why(doc, lex, u))
            };
            TriggerReading {
                text: doc.slice(t.1, t.2).to_string(),
                event: lex.triggers[t.0 as usize].event.clone(),
                kept: why.is_none(),
                why,
            }
        })
        .collect();
    let counts = cas
        .iter()
        .map(|c| CountReading {
            kind: match c.kind {
                CasKind::Killed => "killed",
                CasKind::Injured => "injured",
            },
            low: c.low,
            high: c.high,
            text: doc.text[c.span[0]..c.span[1]].to_string(),
        })
        .collect();
    Note {
        sent,
        reading: SentenceReading {
            span: doc.span(s.t0, s.t1),
            incident: None,
            reading,
            triggers,
            counts,
        },
    }
}

impl Sink {
    /// The explanation, once `incident_of` is known.
    pub(crate) fn finish(self) -> Explanation {
        let incident_of = self.incident_of;
        let sentences = self
            .notes
            .into_iter()
            .map(|n| {
                let mut r = n.reading;
                r.incident = incident_of.get(n.sent).copied().flatten();
                r.reading = match (r.incident, r.reading) {
                    // (A short report's weak words make its incident too.)
                    (Some(_), _) => Reading::Incident,
                    (None, Reading::Incident) => Reading::Unanchored,
                    (None, other) => other,
                };
                r
            })
            .collect();
        Explanation { sentences }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Document, Extractor, ListGazetteer};
    use std::sync::Arc;

    fn extractor() -> Extractor {
        let gaz = ListGazetteer::from_tsv("Aleppo\tSY\tAleppo\t36.2\t37.16\ttown\t1600000\n")
            .expect("gazetteer");
        Extractor::new(Lexicon::embedded().expect("lexicon"), Arc::new(gaz))
    }

    fn explain(text: &str) -> (crate::Extraction, Explanation) {
        extractor().extract_explained(&Document {
            text,
            published: Some("2016-04-28"),
            title: None,
        })
    }

    /// The reading of the sentence starting with `opening`.
    fn sentence<'a>(text: &str, e: &'a Explanation, opening: &str) -> &'a SentenceReading {
        e.sentences
            .iter()
            .find(|s| text[s.span[0]..s.span[1]].starts_with(opening))
            .unwrap_or_else(|| panic!("no reading for '{opening}': {e:#?}"))
    }

    #[test]
    fn a_threat_is_no_act_and_names_the_word() {
        let text = "The militia threatened to bomb the station.";
        let (out, e) = explain(text);
        assert!(out.incidents.is_empty());
        assert_eq!(e.sentences.len(), 1);
        let s = &e.sentences[0];
        assert_eq!(s.span, [0, text.len()]);
        assert_eq!(s.reading, Reading::None);
        assert_eq!(s.incident, None);
        assert_eq!(s.triggers.len(), 1);
        assert_eq!(s.triggers[0].text, "bomb");
        assert_eq!(s.triggers[0].event, "bombing");
        assert!(!s.triggers[0].kept);
        assert_eq!(s.triggers[0].why.as_deref(), Some("unreal: threatened to"));
    }

    #[test]
    fn an_attack_feeds_its_incident_and_history_is_background() {
        let text = "An air strike on a hospital in Aleppo killed at least 12 people on Wednesday. \
                    The city was bombed in 1980, when 40 people died. \
                    A cargo plane crashed into homes, killing 17. \
                    The rebels did not attack the village.";
        let (out, e) = explain(text);
        assert_eq!(out.incidents.len(), 1);
        let strike = sentence(text, &e, "An air strike");
        assert_eq!(strike.reading, Reading::Incident);
        assert_eq!(strike.incident, Some(0));
        assert!(strike.triggers.iter().all(|t| t.kept && t.why.is_none()));
        assert!(strike.triggers.iter().any(|t| t.event == "air_strike"));
        assert_eq!(strike.counts.len(), 1);
        assert_eq!(strike.counts[0].kind, "killed");
        assert_eq!(strike.counts[0].low, Some(12));
        assert_eq!(strike.counts[0].high, None);
        assert_eq!(strike.counts[0].text, "killed at least 12 people");
        let history = sentence(text, &e, "The city was bombed");
        assert_eq!(history.reading, Reading::Background);
        assert_eq!(history.incident, None);
        let crash = sentence(text, &e, "A cargo plane");
        assert_eq!(crash.reading, Reading::Accident);
        assert_eq!(crash.counts[0].low, Some(17));
        let denied = sentence(text, &e, "The rebels did not");
        assert_eq!(denied.reading, Reading::None, "{denied:#?}");
        assert_eq!(denied.triggers[0].why.as_deref(), Some("negation: not"));
        // The explanation changes nothing in what is read.
        let plain = extractor().extract(&Document {
            text,
            published: Some("2016-04-28"),
            title: None,
        });
        assert_eq!(plain.incidents, out.incidents);
    }

    #[test]
    fn other_reasons_name_their_rule() {
        let text = "Troops seized rifles and grenades at a farm. \
                    The town has been shelled almost daily since May. \
                    Was the judge murdered by soldiers? \
                    The car exploded, setting several shops on fire.";
        let (_, e) = explain(text);
        let whys = |opening: &str| -> Vec<Option<String>> {
            sentence(text, &e, opening)
                .triggers
                .iter()
                .map(|t| t.why.clone())
                .collect()
        };
        let s = |w: &str| Some(w.to_string());
        assert_eq!(
            whys("Troops"),
            vec![s("seizure: seized"), s("seizure: seized")]
        );
        assert_eq!(whys("The town"), vec![s("habitual: almost daily")]);
        assert_eq!(whys("Was the judge"), vec![s("question")]);
        assert_eq!(
            whys("The car"),
            vec![None, s("consequence: bombing")],
            "the blast stays, the fire it set goes"
        );
    }

    #[test]
    fn weapons_named_with_no_act_and_furniture_are_told_apart() {
        // A long report (over a brief's length), where a kind of violence with no count is
        // no incident.
        let filler = "The council met on Monday to discuss the budget for the coming year. ";
        let text = format!(
            "Aid for the victims of bombings and kidnappings was discussed.\n\n{}\n\nSubscribe to our newsletter for more bombing news.",
            filler.repeat(16)
        );
        let (out, e) = explain(&text);
        assert!(out.incidents.is_empty());
        let aid = sentence(&text, &e, "Aid for");
        assert_eq!(aid.reading, Reading::NoAct);
        assert!(aid.triggers.iter().all(|t| t.kept));
        let furniture = sentence(&text, &e, "Subscribe");
        assert_eq!(furniture.reading, Reading::Furniture);
        assert_eq!(furniture.triggers[0].why.as_deref(), Some("furniture"));
        // Sentences with no trigger and no casualty word are left out.
        assert_eq!(e.sentences.len(), 2, "{e:#?}");
    }
}
