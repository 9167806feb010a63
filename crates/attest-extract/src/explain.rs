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
    /// `negation: <word>` or `furniture`; each word is the lexicon word found in the text.
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
