//! The pipeline: sentences, per-sentence facts, incidents, salience.

use crate::actors::{self, ClaimHit, PerpHit, SourceHit, Speaker};
use crate::casualties::{casualties, Cas, CasKind};
use crate::dates::{dates, parse_published, DateHit};
use crate::events::{drop_unreal, priority, sentence_events, SentEvents};
use crate::explain::{self, Explanation, Reading, Sink};
use crate::lexicon::{Lexicon, Tag};
use crate::numbers::{numbers, parse_at};
use crate::places::cue_places;
use crate::text::Doc;
use attest_geo::{Gazetteer, Place, PlaceMention, Precision};
use attest_model::{CitedSource, Claim, Count, DateRange, Incident, Location, Perpetrator, Span};
use std::collections::BTreeMap;
use std::sync::Arc;

/// A casualty count above this is a misreading (a sum of money, a census): never reported.
const MAX_COUNT: u32 = 100_000;

/// How far, in tokens, an old date reaches to make the act it dates history.
const DATE_REACH: usize = 14;
/// How far before a date an occurrence verb ("took place") takes it.
const OCCURRENCE_REACH: usize = 4;

/// A count this large told in the present perfect ("2,000 people have been killed") is a
/// running tally of a war, not one incident's toll.
const TALLY_MIN: u32 = 1000;

/// ... and so is a vague count this large ("hundreds have been killed").
const TALLY_MIN_VAGUE: u32 = 100;

/// How far before an elsewhere cue, in tokens, a word of comparison reaches ("the deadliest
/// attack since 2019").
const COMPARISON_REACH: usize = 4;

/// Vague quantities below this ("several", "a few") are too loose to report as a count.
const MIN_VAGUE_COUNT: u32 = 10;

/// The most text one report is read for: 2 MB, far beyond any news report, so that a
/// runaway input (a 100 MB page) costs bounded time and memory.
pub const MAX_TEXT: usize = 2 * 1024 * 1024;

/// Reports up to this many bytes are briefs: one that names violence at all describes it.
const SHORT_REPORT: usize = 1000;

/// The confidence a place named by a cue of the text ("the village of X") has at least.
const CUE_CONFIDENCE: f32 = 0.5;

/// A report to read.
#[derive(Debug, Clone, Copy, Default)]
pub struct Document<'a> {
    /// Plain text; evidence offsets refer to it.
    pub text: &'a str,
    /// Publication date or date-time (ISO 8601): anchors relative dates, and is the incident's
    /// date when the text gives none.
    pub published: Option<&'a str>,
    /// Headline, when it is not part of `text`: read only for content warnings.
    pub title: Option<&'a str>,
}

/// What the extractor read in a report.
#[derive(Debug, Clone, Default)]
pub struct Extraction {
    /// The report warns of, or describes, graphic content.
    pub graphic: bool,
    /// Incidents, most salient first.
    pub incidents: Vec<Incident>,
    /// The place mentions the gazetteer found in the sentences that tell of an incident and in
    /// the report's opening (for `--explain`); empty when the report tells of none.
    pub places: Vec<PlaceMention>,
    /// The lexicon version used.
    pub lexicon_version: String,
}

/// The extraction engine: lexicons plus a gazetteer. Cheap to share between threads.
pub struct Extractor {
    lex: Lexicon,
    gaz: Arc<dyn Gazetteer>,
}

impl std::fmt::Debug for Extractor {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Extractor")
            .field("lexicon", &self.lex.version())
            .finish_non_exhaustive()
    }
}

/// A place candidate: from the gazetteer or from a lexicon cue.
#[derive(Debug, Clone)]
struct PlaceCand {
    start: usize,
    end: usize,
    mention: String,
    place: Option<Place>,
    precision: Precision,
    weak: bool,
    sent: usize,
    /// The gazetteer's confidence (cue places: 0.5).
    confidence: f32,
    /// Follows a place preposition ("in", "near").
    after_prep: bool,
    /// A reference point only: "500 km north of X".
    distant: bool,
    /// Holds a place named just before it ("the Tral township area of Pulwama district"): a
    /// container, coarser than what it holds.
    container: bool,
    /// Where something came from ("rockets fired from X into Y"), not where it happened.
    origin: bool,
    /// The town this district is said to be in ("the Fatih neighborhood of Istanbul",
    /// "Zehlendorf, a district of Berlin"): index of the town's candidate.
    within: Option<usize>,
    /// A country name opening a longer proper name ("Israel Defense Forces", "Iraq Body
    /// Count"): it says which country the text is about, not where anything happened.
    in_name: bool,
    /// Heads a wire report's dateline ("BOGOTA, 24 AUG 89 (AFP) --"): where the report was
    /// filed, a fallback for the incident's place.
    dateline: bool,
    /// Read as a place only by a guess: in upper-case text, a word the gazetteer knows only as
    /// a small town abroad or not at all, with no locative before it ("ACCORDING TO PONCE").
    guess: bool,
    /// A name the gazetteer does not know, placed by it in the town or province named with it
    /// ("SAN X, USULUTAN DEPARTMENT"; "Wihda, south of Baghdad"): finer than its place.
    inner: bool,
    /// Named by a cue as a part of a town ("the X neighborhood"), whatever the gazetteer reads
    /// it as: a district of the incident's town.
    part: bool,
    /// A name the gazetteer does not know, found longer than one it knows ("San Luis de la
    /// Reina"): the country of the shorter one.
    country: Option<String>,
    /// A name the gazetteer does not know and placed only in the country it guessed from the
    /// text ("in Thathri"): a village or a town; `country` is that guess, the last resort.
    village: bool,
}

/// The places of event sentence `s` listed as the places of one act: two to six towns or
/// provinces, the first after a locative, joined by commas, the lexicon's list joiners ("and")
/// and words naming what they are ("in X and Y departments", "in X, Y and in Z"). Not a town
/// and its province ("in Baqubah, Diyala province"), nor places of origin or reference, nor
/// "between X and Y" (no locative before the first). Returns candidate indices.
fn place_list(doc: &Doc, info: &[SentInfo], cands: &[PlaceCand], s: usize) -> Option<Vec<usize>> {
    let tok = |byte: usize| doc.toks.partition_point(|t| t.start < byte);
    let member = |c: &PlaceCand| {
        !c.weak
            && !c.guess
            && !c.in_name
            && !c.origin
            && !c.distant
            && !c.dateline
            && !c.part
            && matches!(c.precision, Precision::Town | Precision::Admin1)
    };
    let mut idx: Vec<usize> = info[s]
        .places
        .iter()
        .copied()
        .filter(|&c| member(&cands[c]))
        .collect();
    idx.sort_by_key(|&c| cands[c].start);
    let contains = |a: &PlaceCand, b: &PlaceCand| {
        // (A province and a town of it: "in Baqubah, Diyala province".)
        match (&a.place, &b.place) {
            (Some(p), Some(q)) => {
                p.precision == Precision::Admin1 && q.admin1.as_deref() == Some(p.name.as_str())
                    || q.precision == Precision::Admin1
                        && p.admin1.as_deref() == Some(q.name.as_str())
            }
            _ => false,
        }
    };
    let joined = |a: &PlaceCand, b: &PlaceCand| {
        let (q0, q1) = (tok(a.end), tok(b.start));
        q0 < q1
            && q1 - q0 <= 6
            && (q0..q1)
                .any(|q| doc.is_punct(q, ",") || doc.find(q, |t| t == Tag::ListJoiner).is_some())
            && (q0..q1).all(|q| {
                doc.is_punct(q, ",")
                    || doc.hits(q).iter().any(|h| {
                        matches!(
                            h.tag,
                            Tag::ListJoiner
                                | Tag::ListNoun
                                | Tag::Locative
                                | Tag::Determiner
                                | Tag::PlaceDescriptor
                        )
                    })
                    // (Inside a joiner of several words: "as well as".)
                    || (q.saturating_sub(3).max(q0)..q).any(|p| {
                        doc.hits(p).iter().any(|h| {
                            matches!(h.tag, Tag::ListJoiner | Tag::ListNoun) && p + h.len > q
                        })
                    })
            })
    };
    for (n, &first) in idx.iter().enumerate() {
        let k = tok(cands[first].start);
        if !cands[first].after_prep
            || (k.saturating_sub(6).max(doc.sents[s].t0)..k)
                .any(|q| doc.is(q, |t| t == Tag::SpanWord))
        {
            continue;
        }
        let mut list = vec![first];
        for &next in &idx[n + 1..] {
            let last = &cands[*list.last().unwrap_or(&first)];
            let c = &cands[next];
            if !joined(last, c) {
                break;
            }
            if list
                .iter()
                .any(|&m| contains(&cands[m], c) || norm(&cands[m].mention) == norm(&c.mention))
            {
                return None;
            }
            list.push(next);
            if list.len() == 6 {
                break;
            }
        }
        // (A list ends with a joiner: "in X, Y" is a town and where it lies.)
        let closed = list.len() >= 2 && {
            let (a, b) = (&cands[list[list.len() - 2]], &cands[list[list.len() - 1]]);
            (tok(a.end)..tok(b.start)).any(|q| doc.find(q, |t| t == Tag::ListJoiner).is_some())
        };
        if closed {
            return Some(list);
        }
    }
    None
}

/// The first candidate starting at byte `at` (candidates sorted by start).
fn cand_at(cands: &[PlaceCand], at: usize) -> Option<usize> {
    let k = cands.partition_point(|c| c.start < at);
    (k < cands.len() && cands[k].start == at).then_some(k)
}

/// Makes candidate `part` a district of candidate `town` ("the Athens suburb of X"), which is
/// then read as the town.
fn make_part(cands: &mut [PlaceCand], part: usize, town: usize) {
    cands[part].within = Some(town);
    cands[part].precision = Precision::District;
    cands[part].part = true;
    cands[town].part = false;
    cands[town].precision = Precision::Town;
}

#[derive(Debug, Default)]
struct SentInfo {
    ev: SentEvents,
    cas: Vec<Cas>,
    places: Vec<usize>,
    dates: Vec<DateHit>,
    perps: Vec<PerpHit>,
    claims: Vec<ClaimHit>,
    sources: Vec<SourceHit>,
    /// Strongest trigger: (strength, trigger id).
    strongest: Option<(u8, usize)>,
    /// Says something happened: a real trigger or a casualty count.
    event: bool,
    /// Tells of an accident or a disaster, or of history long before publication.
    background: bool,
    /// Opens with words turning to another incident ("In a separate attack").
    another: bool,
    /// Tells an act of a named kind through a claim of it ("claimed credit for three dynamite
    /// attacks"): as good as a telling of the act.
    claimed: bool,
}

#[derive(Debug, Default)]
struct Draft {
    sents: Vec<usize>,
    event_sents: Vec<usize>,
    /// Has a real trigger or a count (kept up to date by `push_event`).
    anchored: bool,
    /// Normalised names of the towns of its event sentences.
    towns: Vec<String>,
    /// Its first death toll.
    killed: Option<u32>,
    /// The days its event sentences name.
    days: Vec<chrono::NaiveDate>,
    /// Strongest trigger: (strength, event type).
    dtype: Option<(u8, String)>,
    /// The place candidate it is placed at, when an act told of several places at once was
    /// parted by place ("destroyed posts in X and Y").
    place: Option<usize>,
    /// Parted from another incident by place: the counts told are that one's.
    shared: bool,
}

/// The first death toll a sentence states (not a part, not an addition, not the attackers'
/// own dead: "Both gunmen were killed in the fire fight" is the same incident's).
fn first_killed(cs: &[Cas]) -> Option<u32> {
    cs.iter()
        .find(|c| c.kind == CasKind::Killed && !c.zero && !c.additional && !c.subset && !c.perp)
        .and_then(|c| c.low)
}

/// The days a sentence names (dates of day precision).
fn days_of(s: &SentInfo) -> impl Iterator<Item = chrono::NaiveDate> + '_ {
    s.dates
        .iter()
        .filter(|d| d.precision == "day")
        .map(|d| d.start)
}

/// Normalised names of the towns of a sentence.
fn towns_of(s: &SentInfo, cands: &[PlaceCand]) -> Vec<String> {
    s.places
        .iter()
        .map(|c| &cands[*c])
        // (A part of a town the gazetteer reads as a town still parts incidents as one.)
        // (A name the gazetteer does not know, "in Thathri", is no town known well enough to
        // part incidents.)
        .filter(|c| {
            !c.weak
                && !c.village
                && (c.precision == Precision::Town
                    || c.part
                        && c.place
                            .as_ref()
                            .is_some_and(|p| p.precision == Precision::Town))
        })
        .map(|c| norm(&c.mention))
        .collect()
}

impl Draft {
    fn push_event(&mut self, si: usize, info: &[SentInfo], cands: &[PlaceCand], lex: &Lexicon) {
        let s = &info[si];
        self.sents.push(si);
        self.event_sents.push(si);
        self.anchored |= s.strongest.is_some_and(|(st, _)| st >= 2)
            || s.cas.iter().any(|c| !c.zero)
            || s.claimed;
        for t in towns_of(s, cands) {
            if !self.towns.contains(&t) {
                self.towns.push(t);
            }
        }
        if self.killed.is_none() {
            self.killed = first_killed(&s.cas);
        }
        for d in days_of(s) {
            if !self.days.contains(&d) {
                self.days.push(d);
            }
        }
        if let Some((st, id)) = s.strongest {
            let ev = &lex.triggers[id].event;
            let better = match &self.dtype {
                None => true,
                Some((dst, dev)) => {
                    (st, std::cmp::Reverse(priority(lex, ev)))
                        > (*dst, std::cmp::Reverse(priority(lex, dev)))
                }
            };
            if better {
                self.dtype = Some((st, ev.clone()));
            }
        }
    }
}

impl Extractor {
    /// An extractor reading with `lexicon` and finding places with `gazetteer`.
    pub fn new(lexicon: Lexicon, gazetteer: Arc<dyn Gazetteer>) -> Self {
        Extractor {
            lex: lexicon,
            gaz: gazetteer,
        }
    }

    /// The lexicons' version.
    pub fn lexicon_version(&self) -> &str {
        self.lex.version()
    }

    /// Reads one report. Never fails: a text without incidents gives an empty list. Only the
    /// first [`MAX_TEXT`] bytes of a longer text are read (offsets stay valid: they index the
    /// same text).
    pub fn extract(&self, doc_in: &Document) -> Extraction {
        self.read(doc_in, None)
    }

    /// Reads one report as [`Extractor::extract`] does, and says why each sentence was or was
    /// not read as telling an incident.
    pub fn extract_explained(&self, doc_in: &Document) -> (Extraction, Explanation) {
        let mut sink = Sink::default();
        let out = self.read(doc_in, Some(&mut sink));
        (out, sink.finish())
    }

    /// The reading itself; `sink` collects the explanation when one is asked for.
    fn read(&self, doc_in: &Document, mut sink: Option<&mut Sink>) -> Extraction {
        let lex = &self.lex;
        let mut cut = doc_in.text.len().min(MAX_TEXT);
        while !doc_in.text.is_char_boundary(cut) {
            cut -= 1;
        }
        let text = &doc_in.text[..cut];
        let doc = Doc::new(text, lex);
        let published = doc_in.published.and_then(parse_published);
        let mut graphic = doc.graphic;
        if let Some(title) = doc_in.title {
            graphic |= Doc::new(title, lex).graphic;
        }
        let series = part_of_series(&doc);
        let short = doc.text.len() <= SHORT_REPORT;
        let mut info: Vec<SentInfo> = Vec::with_capacity(doc.sents.len());
        // Whether a sentence read so far tells an incident.
        let mut told_before = false;
        let mut cues = Vec::new();
        let mut known: Vec<Speaker> = Vec::new();
        for (si, s) in doc.sents.iter().enumerate() {
            if s.excluded {
                if let Some(sink) = sink.as_deref_mut() {
                    let told = sentence_events(&doc, s.t0, s.t1).triggers;
                    let n = explain::note(&doc, lex, si, &told, &[], &[], Reading::Furniture);
                    sink.notes.push(n);
                }
                info.push(SentInfo::default());
                continue;
            }
            let (t0, t1) = (s.t0, s.t1);
            let mut ev = sentence_events(&doc, t0, t1);
            let sent_dates: Vec<DateHit> = dates(&doc, t0, t1, published)
                .into_iter()
                .filter(|h| !dateline(&doc, h))
                .collect();
            // The acts before the drops, needed only to date them against an old date, or to
            // explain the reading.
            let told = if sink.is_some() || sent_dates.iter().any(|h| h.history) {
                ev.triggers.clone()
            } else {
                Vec::new()
            };
            let mut dropped = Vec::new();
            drop_unreal(
                &doc,
                lex,
                t0,
                t1,
                &mut ev,
                sink.is_some().then_some(&mut dropped),
            );
            // Counts of other or several events ("in similar attacks that night") are not this
            // incident's, and uncertain ones ("may have been killed") are not reported.
            // In a report on one attack of a series, the series' totals are not its counts.
            // "In a separate attack, ...": a sentence turning to another incident, whose counts
            // are that incident's own.
            let another = (t0..t1.min(t0 + 3))
                .find_map(|k| doc.find(k, |t| t == Tag::Another).map(|h| k + h.len));
            let elsewhere = doc.any_in(another.unwrap_or(t0), t1, |t| {
                t == Tag::CountHedge || series && t == Tag::Aggregate
            }) || (
                // (One look at the sentence's hits first: most have no such word.)
                doc.any_in(another.unwrap_or(t0), t1, |t| t == Tag::Elsewhere)
                    && (another.unwrap_or(t0)..t1).any(|k| {
                        // ... but "the deadliest attack since 2019" compares this one to others.
                        doc.find(k, |t| t == Tag::Elsewhere).is_some()
                            && !(k.saturating_sub(COMPARISON_REACH).max(t0)..k)
                                .any(|q| doc.find(q, |t| t == Tag::Comparison).is_some())
                    })
            );
            // A running tally is no incident's toll, unless it tells of one dated act ("have
            // been killed in Monday's attack").
            // (Most sentences name no day: one look at their hits rules them out.)
            let dated_act = doc.any_in(t0, t1, |t| matches!(t, Tag::Weekday(_) | Tag::Relative(_)))
                && (t0..t1.saturating_sub(2)).any(|k| {
                    doc.is(k, |t| t == Tag::Locative)
                        && doc.is(k + 1, |t| matches!(t, Tag::Weekday(_) | Tag::Relative(_)))
                        && possessive_at(&doc, k + 1)
                        && doc.is(k + 2, |t| matches!(t, Tag::Trigger(_)))
                });
            let tally = doc.any_in(t0, t1, |t| t == Tag::TallyVerb) && !dated_act;
            let cas: Vec<Cas> = casualties(&doc, lex, t0, t1)
                .into_iter()
                .filter(|c| {
                    !(tally
                        && c.low.unwrap_or(0) >= if c.vague { TALLY_MIN_VAGUE } else { TALLY_MIN })
                })
                .filter(|c| !(c.vague && c.low.unwrap_or(0) < MIN_VAGUE_COUNT))
                .filter(|c| !elsewhere || c.zero)
                .filter(|c| c.low.unwrap_or(0) <= MAX_COUNT && c.high.unwrap_or(0) <= MAX_COUNT)
                .collect();
            let strongest = ev.strongest(lex);
            let counts = cas.iter().any(|c| !c.zero);
            let has_target = !ev.targets.is_empty();
            // A sentence dated long before publication tells background, not the incident. An
            // old date dates the act told nearest to it: when that act is one the sentence does
            // not tell as real ("bombed in response to the sentences of men convicted of
            // kidnapping in 1971"), the old date does not make the real act history.
            let other_acts = !ev.triggers.is_empty()
                && sent_dates
                    .iter()
                    .all(|h| nearest_act(&told, h).is_some_and(|x| !ev.triggers.contains(&x)));
            // An act far from every old date is not dated by them ("shot the ambassador ... in
            // a campaign recalling the massacres of 1915"): the sentence is no history.
            // (A date that an occurrence verb takes, "took place in 1982", dates them all.)
            let occurred = |h: &DateHit| {
                (h.t0.saturating_sub(OCCURRENCE_REACH).max(t0)..h.t0)
                    .any(|k| doc.find(k, |t| t == Tag::Occurrence).is_some())
            };
            let far = ev.triggers.iter().any(|&x| {
                !lex.triggers[x.0 as usize].generic
                    && sent_dates
                        .iter()
                        .filter(|h| h.history)
                        .all(|h| act_distance(x, h) > DATE_REACH && !occurred(h))
            });
            let history = sent_dates.iter().any(|h| h.history)
                && !sent_dates.iter().any(|h| !h.history)
                && !other_acts
                && !far;
            // "a cargo plane crashed into homes, killing 17": an accident, not an attack.
            // (... unless a specific means is told in it or just before: "a suicide bomber
            // ... The bomber crashed into a tree, killing a child".)
            let means_before = si > 0
                && doc.sents[si - 1].para == s.para
                && info[si - 1].strongest.is_some_and(|(st, _)| st >= 3);
            let accident = doc.any_in(t0, t1, |t| t == Tag::NotViolence)
                && strongest.is_none_or(|(st, _)| st < 3)
                && !means_before;
            // Weapons or kinds of violence named with no act ("take out your pistols", "victims
            // of bombings") tell of an incident in a long report only with a count of victims.
            let no_act = ev.no_act(&doc, lex, t0, t1);
            // "X claimed credit for three dynamite attacks": a claim of an act, before any other
            // telling of it, tells it was done.
            // (One that names its kind: "claimed the attacks" alone says too little.)
            // (Looked for only in a sentence with a weak trigger, before any incident.)
            let claimed = !told_before
                && strongest.is_some_and(|(st, _)| st < 2)
                && ev
                    .triggers
                    .iter()
                    .any(|&(id, _, _)| lex.triggers[id as usize].event != lex.generic_event)
                && doc.any_in(t0, t1, |t| t == Tag::Responsibility);
            let event = !history
                && !accident
                && match strongest {
                    _ if no_act && !short => counts,
                    Some((st, _)) if st >= 2 => true,
                    Some(_) => counts || has_target && !elsewhere || claimed,
                    None => counts,
                };
            if let Some(sink) = sink.as_deref_mut() {
                if !told.is_empty() || !cas.is_empty() || explain::casualty_word(&doc, t0, t1) {
                    let reading = if history {
                        Reading::Background
                    } else if accident {
                        Reading::Accident
                    } else if no_act && !short && !counts {
                        Reading::NoAct
                    } else if event {
                        Reading::Incident
                    } else {
                        Reading::None
                    };
                    let n = explain::note(&doc, lex, si, &told, &dropped, &cas, reading);
                    sink.notes.push(n);
                }
            }
            told_before |= event;
            cues.extend(cue_places(&doc, lex, t0, t1).into_iter().map(|cp| (si, cp)));
            info.push(SentInfo {
                ev,
                cas,
                places: Vec::new(),
                dates: sent_dates.into_iter().filter(|h| !h.history).collect(),
                perps: Vec::new(),
                claims: Vec::new(),
                sources: Vec::new(),
                strongest,
                event,
                background: history || accident,
                another: another.is_some(),
                claimed,
            });
        }
        // Does a sentence tell of an incident? In a short report, any word of violence that is
        // not an accident's or history's does.
        let tells = |s: &SentInfo| s.event || short && s.strongest.is_some() && !s.background;
        // A report that tells of no incident is done: no actors, no places.
        if !info.iter().any(tells) {
            return Extraction {
                graphic,
                incidents: Vec::new(),
                places: Vec::new(),
                lexicon_version: lex.version().to_string(),
            };
        }
        for (s, si) in doc.sents.iter().zip(info.iter_mut()) {
            if s.excluded {
                continue;
            }
            si.perps = actors::perpetrators(&doc, s.t0, s.t1);
            si.claims = actors::claims(&doc, s.t0, s.t1, &mut known, &lex.negation_suffixes);
            si.sources = actors::sources(&doc, s.t0, s.t1);
        }
        // Places are looked up only in reports that tell of an incident.
        let located_text = place_text(&doc, &info);
        let mentions = if info.iter().any(tells) {
            self.gaz.locate(&located_text)
        } else {
            Vec::new()
        };
        // Sentence of each byte offset.
        let sent_of = |byte: usize| -> Option<usize> {
            let idx = doc.sents.partition_point(|s| doc.toks[s.t0].start <= byte);
            idx.checked_sub(1)
        };
        // Token index of a byte offset (the token starting at or after it).
        let tok_at = |byte: usize| doc.toks.partition_point(|t| t.start < byte);
        // "in X", and (in mixed-case text) "the town of X" said of a settlement (not "the area
        // of Istanbul Province"), which names it as a place just as firmly: it then weighs
        // against the province named beside it.
        let after_prep = |byte: usize, settlement: bool| {
            let k = tok_at(byte);
            // (A locative of several words ends right before it: "just outside of X".)
            let locative = (k.saturating_sub(3)..k).any(|q| {
                doc.hits(q)
                    .iter()
                    .any(|h| h.tag == Tag::Locative && q + h.len == k)
            });
            k > 0
                && (locative
                    || (settlement
                        && !doc.caps
                        && (k.saturating_sub(3)..k).any(|q| {
                            doc.hits(q).iter().any(|h| {
                                matches!(h.tag, Tag::PlaceBefore(p) if p.0 == Precision::Town)
                                    && q + h.len == k
                            })
                        })))
        };
        // "in the town of X", "near the remote village of X": the locative reaches a name the
        // gazetteer knows through the cue that says what it is. (A name only the cue finds is
        // credited for the cue itself.)
        let after_cued_prep = |byte: usize| {
            let k = tok_at(byte);
            if after_prep(byte, false) {
                return true;
            }
            let Some(c) = (k.saturating_sub(3)..k).find(|&c| {
                doc.find(c, |t| matches!(t, Tag::PlaceBefore(_)))
                    .is_some_and(|h| c + h.len == k)
            }) else {
                return false;
            };
            (c.saturating_sub(4)..c)
                .rev()
                .find(|&q| !doc.is(q, |t| matches!(t, Tag::Determiner | Tag::PlaceDescriptor)))
                .is_some_and(|q| doc.is(q, |t| t == Tag::Locative))
        };
        // "at the Nahal Oz settlement", "in the remote Al-Hindiyah village": the locative
        // reaches a name through the determiner of the cue after it that says it is a town or a
        // site. (Not a district or an area, which holds some finer place: "a village in the X
        // district"; nor a cue going on with "of": "the Negev town of Sederot" is Sederot.)
        let after_named_prep = |start: usize, end: usize| {
            let (k, e) = (tok_at(start), tok_at(end));
            let settlement = |t: Tag| match t {
                Tag::PlaceAfter(p) => matches!(p.0, Precision::Town | Precision::Site),
                _ => false,
            };
            e < doc.toks.len()
                && doc.find(e, settlement).is_some_and(|h| {
                    !(e + h.len < doc.toks.len() && doc.is(e + h.len, |t| t == Tag::UnitOf))
                })
                && (k.saturating_sub(4)..k)
                    .rev()
                    .find(|&q| !doc.is(q, |t| matches!(t, Tag::Determiner | Tag::PlaceDescriptor)))
                    .is_some_and(|q| q + 1 < k && doc.is(q, |t| t == Tag::Locative))
        };
        // "from X", "from the northern X", "from inside X", but not "from X to Y".
        // The "from" a place follows (determiners and descriptors between).
        let from_at = |byte: usize| {
            let k = tok_at(byte);
            (k.saturating_sub(4)..k)
                .rev()
                .find(|&q| {
                    !doc.is(q, |t| {
                        matches!(
                            t,
                            Tag::Determiner | Tag::PlaceDescriptor | Tag::NotPlace | Tag::Locative
                        )
                    })
                })
                .filter(|&q| doc.is(q, |t| t == Tag::Origin))
        };
        // "kidnapped from Trinkot", "abducted three villagers from X": people taken away from a
        // place were there when it happened (a verb of taking shortly before, in the clause).
        let taken_from = |byte: usize| {
            from_at(byte).is_some_and(|q| {
                (q.saturating_sub(6).max(doc.sents_start(q))..q)
                    .rev()
                    .take_while(|&v| !doc.is_punct(v, ","))
                    .any(|v| doc.find(v, |t| t == Tag::TakenFrom).is_some())
            })
        };
        let origin = |byte: usize, end: usize| {
            let after = tok_at(end);
            if after < doc.toks.len() && doc.is(after, |t| t == Tag::Route) {
                return false;
            }
            from_at(byte).is_some() && !taken_from(byte)
        };
        let distant = |byte: usize| {
            let k = tok_at(byte);
            k >= 3
                && doc.is(k - 1, |t| t == Tag::UnitOf)
                && (k.saturating_sub(4)..k - 1).any(|q| {
                    q > 0
                        && doc.is(q, |t| t == Tag::NotPeople)
                        && doc.toks[q - 1].kind == crate::text::Kind::Num
                })
        };
        // Names of armed groups and institutions tied to one country (the lexicon's groups),
        // as token spans, and the countries they and the nationality words point to.
        let mut group_spans: Vec<(usize, usize)> = Vec::new();
        let mut cue_votes: BTreeMap<&str, f32> = BTreeMap::new();
        for i in 0..doc.toks.len() {
            for h in doc.hits(i) {
                let (cc, w) = match h.tag {
                    Tag::Demonym(id) => (&self.lex.demonyms[id as usize], 0.5),
                    Tag::Group(id) => {
                        group_spans.push((i, i + h.len));
                        (&self.lex.group_countries[id as usize], 1.0)
                    }
                    _ => continue,
                };
                *cue_votes.entry(cc.as_str()).or_default() += w;
            }
        }
        // (Spans come in text order: only the last few that start before a mention can hold it.)
        let in_group = |k: usize, k_end: usize| {
            let n = group_spans.partition_point(|&(a, _)| a <= k);
            group_spans[..n]
                .iter()
                .rev()
                .take(4)
                .any(|&(_, b)| k_end <= b && k_end > k)
        };
        // "the Moscow-Vladikavkaz train", "the Kirkuk-Baghdad-Basra pipeline": towns joined by
        // hyphens into the name of a route, then a word in lower case. The route names no
        // place of the act (mixed-case text only: in upper case the next word tells nothing).
        let route_name = |mi: usize| {
            let hyphened = |a: &PlaceMention, b: &PlaceMention| {
                text.get(a.end..b.start) == Some("-") && a.place != b.place
            };
            let mut lo = mi;
            while lo > 0 && hyphened(&mentions[lo - 1], &mentions[lo]) {
                lo -= 1;
            }
            let mut hi = mi;
            while hi + 1 < mentions.len() && hyphened(&mentions[hi], &mentions[hi + 1]) {
                hi += 1;
            }
            let k = tok_at(mentions[hi].end);
            !doc.caps
                && hi > lo
                && k < doc.toks.len()
                && doc.toks[k].kind == crate::text::Kind::Word
                && !doc.toks[k].cap
        };
        // A name inside an organisation's name: an organisation noun after it, alone or after
        // more capitalised words of the name ("the Kurdistan Democratic Party"), or the words
        // opening such a name right before it ("the Union of Kurdistan"). In upper-case text,
        // where every word looks like a name, only the noun right after it counts.
        let in_org_name = |k: usize, k_end: usize| {
            let org = |q: usize| doc.find(q, |t| t == Tag::OrgNoun).is_some();
            let after = (k_end..(k_end + 4).min(doc.toks.len()))
                .take_while(|&q| q == k_end || doc.capword(q - 1))
                .any(|q| org(q) && (q == k_end || doc.capword(q)));
            let before = !doc.caps
                && (k.saturating_sub(6)..k).any(|q| {
                    doc.capword(q)
                        && doc
                            .hits(q)
                            .iter()
                            .any(|h| h.tag == Tag::OrgOpener && q + h.len == k)
                });
            // "the Amena mobile phone company": a name after an article, then words in lower
            // case and a noun of a business.
            let company = !doc.caps
                && k > 0
                && doc.is(k - 1, |t| t == Tag::Determiner)
                && (k_end..(k_end + 4).min(doc.toks.len()))
                    .take_while(|&q| {
                        doc.toks[q].kind == crate::text::Kind::Word && !doc.toks[q].cap
                    })
                    .any(|q| doc.is(q, |t| t == Tag::CompanyNoun));
            after || before || company
        };
        // "ON JUNIN STREET", "AT SARMIENTO AND SAN MARTIN STREETS": a street's name, no place
        // of the report; but "on a downtown Lima street" is in Lima.
        let street_name = |m: &PlaceMention| {
            let (k, k_end) = (tok_at(m.start), tok_at(m.end));
            let street_at = |q: usize| q < doc.toks.len() && doc.is(q, |t| t == Tag::StreetNoun);
            let street = street_at(k_end)
                || k_end + 1 < doc.toks.len()
                    && doc.toks[k_end].kind == crate::text::Kind::Word
                    && doc.is(k_end, |t| t == Tag::SumJoiner)
                    && (k_end + 1..(k_end + 5).min(doc.toks.len()))
                        .take_while(|&q| {
                            doc.toks[q].kind == crate::text::Kind::Word
                                && (doc.hits(q).is_empty() || street_at(q))
                        })
                        .any(street_at);
            street && {
                let lead = (k.saturating_sub(3)..k)
                    .rev()
                    .find(|&q| !doc.is(q, |t| t == Tag::PlaceDescriptor));
                !lead.is_some_and(|q| doc.is(q, |t| t == Tag::Singular))
            }
        };
        // The report's country as its mentions and its cue words weigh it, to choose among a
        // name's readings. (A street's name says nothing of it.)
        let doc_hint = {
            let mut w: BTreeMap<&str, f32> = cue_votes.clone();
            for (k, m) in mentions.iter().enumerate().filter(|(_, m)| !street_name(m)) {
                let x = if m.place.precision == Precision::Country
                    && k == 0
                    && heads(text, m.start, m.end)
                {
                    5.0
                } else {
                    m.confidence
                };
                *w.entry(m.place.country_code.as_str()).or_default() += x;
            }
            w.into_iter()
                .max_by(|a, b| a.1.total_cmp(&b.1))
                .map(|(cc, _)| cc.to_string())
        };
        // "IN SAN LUIS DE LA REINA": a name the gazetteer knows only the start of ("San Luis")
        // goes on through a joining particle; the whole name is a place it does not know,
        // finer than the one it names after. (After a locative only: "ANGELA DE X" is a person,
        // "the branch of Caja de Ahorros" a bank.)
        let mut joined = false;
        for m in &mentions {
            let k_end = tok_at(m.end);
            let Some(s) = sent_of(m.start).filter(|&s| !doc.sents[s].excluded) else {
                continue;
            };
            let close = k_end < doc.toks.len()
                && text
                    .get(m.end..doc.toks[k_end].start)
                    .is_some_and(|g| g.len() == 1 && g.trim().is_empty());
            if !close || !after_cued_prep(m.start) {
                continue;
            }
            let found = crate::places::joined_name(&doc, lex, k_end, doc.sents[s].t1)
                .map(|b| doc.span(k_end, b)[1])
                .and_then(|e| text.get(m.start..e).map(|t| (e, t)));
            if let Some((e, name)) = found {
                cues.push((
                    s,
                    crate::places::CuePlace {
                        start: m.start,
                        end: e,
                        mention: name.to_string(),
                        precision: Precision::Town,
                        weak: false,
                        facility: false,
                        part: false,
                        country: Some(pick_in_country(m, doc_hint.as_deref()).country_code),
                    },
                ));
                joined = true;
            }
        }
        if joined {
            cues.sort_by_key(|(_, cp)| cp.start);
        }
        let mut cue_starts: Vec<usize> = cues
            .iter()
            .filter(|(_, cp)| !cp.weak)
            .map(|(_, cp)| cp.start)
            .collect();
        cue_starts.sort_unstable();
        // Spans a cue names as a part of a town.
        let mut part_spans: Vec<(usize, usize)> = cues
            .iter()
            .filter(|(_, cp)| cp.part && !cp.weak)
            .map(|(_, cp)| (cp.start, cp.end))
            .collect();
        part_spans.sort_unstable();
        // (A title may also name a person as a victim or a target: "SENATOR".)
        let title_only = |q: usize| {
            let hits = doc.hits(q);
            hits.iter()
                .any(|h| matches!(h.tag, Tag::Title | Tag::Courtesy))
                && hits.iter().all(|h| {
                    matches!(
                        h.tag,
                        Tag::Title | Tag::Courtesy | Tag::PeopleSingular | Tag::Target(_)
                    )
                })
        };
        // A name the report shows to be a person's ("COLONEL CARLOS GUERRERO", "DANILO
        // BARILLAS, 50,") is a person's in every sentence of it ("FIRED AT BARILLAS"). One pass
        // over the words: a name word after a title and given names the lexicon does not know,
        // or before an age.
        let unknown_name = |q: usize| {
            doc.toks[q].kind == crate::text::Kind::Word
                && doc.hits(q).is_empty()
                && (doc.caps || doc.capword(q))
        };
        let mut persons: Vec<String> = Vec::new();
        for i in 1..doc.toks.len() {
            if !unknown_name(i) {
                continue;
            }
            let aged = i + 3 < doc.toks.len()
                && doc.is_punct(i + 1, ",")
                && doc.toks[i + 2].kind == crate::text::Kind::Num
                && doc.is_punct(i + 3, ",")
                && doc
                    .raw(i + 2)
                    .parse::<u32>()
                    .is_ok_and(|n| (15..100).contains(&n));
            let given = (i.saturating_sub(2)..i)
                .rev()
                .take_while(|&q| unknown_name(q))
                .last();
            let titled = given.is_some_and(|g| {
                g > 0
                    && doc.is(g - 1, |t| matches!(t, Tag::Title | Tag::Courtesy))
                    && !doc.is(g - 1, |t| {
                        matches!(
                            t,
                            Tag::Determiner
                                | Tag::Singular
                                | Tag::Connector
                                | Tag::PlacePreposition
                                | Tag::Locative
                        )
                    })
            });
            if aged || titled {
                persons.push(norm(doc.raw(i)));
            }
            // ("U.S. PRESIDENT GEORGE BUSH": the given name after a title is a person's too.)
            if titled {
                if let Some(g) = given {
                    persons.extend((g..i).map(|q| norm(doc.raw(q))));
                }
            }
        }
        persons.sort_unstable();
        persons.dedup();
        let mut cands: Vec<PlaceCand> = Vec::new();
        for (mi, m) in mentions.iter().enumerate() {
            // A gazetteer is another crate: never trust its offsets blindly.
            let valid = m.start < m.end
                && m.end <= text.len()
                && text.is_char_boundary(m.start)
                && text.is_char_boundary(m.end);
            if !valid {
                continue;
            }
            let Some(s) = sent_of(m.start) else { continue };
            if doc.sents[s].excluded {
                continue;
            }
            // "Jammu and Kashmir": a name that, with "and" and the name after it, makes the name
            // of the division or the country that one is read as, is part of that name.
            // (The two are joined by one coordinator of the lexicon, and the gazetteer's name
            // is the three words together.)
            let joined = mentions.get(mi + 1).is_some_and(|o| {
                let k = doc.toks.partition_point(|t| t.start < m.end);
                let gap = text.get(m.end..o.start).unwrap_or("");
                o.place.precision >= Precision::Admin1
                    && k < doc.toks.len()
                    && doc.toks[k].start >= m.end
                    && doc.toks[k].end <= o.start
                    && gap.trim() == doc.raw(k)
                    && doc.is(k, |t| t == Tag::Coordinator)
                    && norm(&o.place.name)
                        == format!("{}{}{}", norm(&m.mention), norm(gap), norm(&o.mention))
            });
            if joined {
                continue;
            }
            let k = tok_at(m.start);
            let k_end = tok_at(m.end);
            // A title before it ("Mr Kerry", "President Assad", "SENATOR GALAN"): a person,
            // not a place (upper-case text has no capitals to tell).
            if k > 0
                && doc.is(k - 1, |t| matches!(t, Tag::Title | Tag::Courtesy))
                && (doc.capword(k - 1) || doc.caps && title_only(k - 1))
            {
                continue;
            }
            if street_name(m) {
                continue;
            }
            // "Aleppo's Al Quds hospital", "Halab News Network": part of a facility's or an
            // outlet's name.
            let possessed = doc.text[..m.start].trim_end().ends_with("'s")
                || doc.text[..m.start].trim_end().ends_with("\u{2019}s");
            let facility_next = k_end < doc.toks.len()
                && doc.is(k_end, |t| matches!(t, Tag::Target(_) | Tag::MediaNoun))
                && !doc.is(k_end, |t| {
                    t == Tag::PlaceAfter(crate::PrecisionTag(Precision::District))
                });
            let name_next = k_end < doc.toks.len()
                && doc.capword(k_end)
                && doc.find(k_end, |t| t == Tag::MediaNoun).is_some();
            if (possessed && facility_next) || name_next {
                continue;
            }
            // "Kurdistan Democratic Party", "Moro Islamic Liberation Front": a place inside the
            // name of a group is no place of the report.
            if in_group(k, k_end) {
                continue;
            }
            // "the Baath party", "the Kurdistan Democratic Party", "the Socialist Party of
            // Serbia": nor is one inside the name of an organisation the lexicon does not list.
            // (It still says which country the report is about.)
            let in_other_name = in_org_name(k, k_end) || route_name(mi);
            let in_name = m.place.precision == Precision::Country
                && !heads(text, m.start, m.end)
                && k_end < doc.toks.len()
                && doc.capword(k_end)
                && doc.toks[k_end].start == m.end + 1
                && !doc.is(k_end, |t| matches!(t, Tag::Month(_) | Tag::Weekday(_)))
                && mentions
                    .binary_search_by_key(&doc.toks[k_end].start, |o| o.start)
                    .is_err();
            let place = pick_in_country(m, doc_hint.as_deref());
            let ap = after_cued_prep(m.start)
                || after_prep(m.start, place.precision <= Precision::Town)
                || taken_from(m.start)
                || after_named_prep(m.start, m.end);
            // In upper-case text every word looks like a name: a surname the gazetteer reads as
            // a small town abroad ("ACCORDING TO PONCE"), or as a place it does not know, is no
            // place unless a locative puts something there.
            let abroad = place.precision == Precision::Town
                && place.population < NOTABLE_TOWN
                && doc_hint
                    .as_deref()
                    .is_some_and(|cc| cc != place.country_code);
            let unknown = place.precision == Precision::Country
                && m.confidence < 0.3
                && norm(&place.name) != norm(&m.mention);
            // ... nor is a small town's name going on from a word the lexicon does not know
            // ("SENATOR LUIS CARLOS GALAN"): the end of a person's name.
            let named_before = k > 0
                && doc.toks[k - 1].end + 1 == m.start
                && doc.toks[k - 1].kind == crate::text::Kind::Word
                && doc.raw(k - 1).len() >= 3
                && doc.hits(k - 1).is_empty()
                && mentions
                    .binary_search_by_key(&doc.toks[k - 1].start, |o| o.start)
                    .is_err();
            let small = place.precision == Precision::Town && place.population < NOTABLE_TOWN;
            // A cue names it a place ("THE TOWN OF X", "THE X NEIGHBORHOOD").
            let cued = cue_starts.binary_search(&m.start).is_ok();
            let person = !persons.is_empty() && persons.binary_search(&norm(&m.mention)).is_ok();
            // "Hermes Flor Montenegro", "Gloria Mercedes de Ortega": the last word of a person's
            // name, after two given names the lexicon and the gazetteer do not know (a
            // particle of the lexicon's name joiners may come between).
            let given = |q: usize| {
                doc.capword(q)
                    && doc.hits(q).is_empty()
                    && mentions
                        .binary_search_by_key(&doc.toks[q].start, |o| o.start)
                        .is_err()
            };
            let surname = !doc.caps && k >= 2 && {
                let mut q = k;
                if q > 0 && doc.is(q - 1, |t| t == Tag::NameJoiner) {
                    q -= 1;
                }
                q >= 2
                    && doc.toks[q - 1].end < m.start
                    && given(q - 1)
                    && given(q - 2)
                    && doc.toks[q - 2].end + 1 == doc.toks[q - 1].start
            };
            let person = person || surname;
            let guess = doc.caps && !ap && !cued && (abroad || unknown || small && named_before)
                || person && !cued;
            let part = part_spans.binary_search(&(m.start, m.end)).is_ok();
            // "in Thathri", "in Ponte-Leccia": a name the gazetteer does not know, which it
            // places only in the report's country, is a village or a town of it named by the
            // text, finer than any province: a place of its own
            // (Only where the text puts a place: after a locative or a cue.)
            // (Not an initialism: "at U.S. soldiers' quarters", "near the UN office".)
            let initialism = m.mention.contains('.')
                || m.mention.len() <= 4 && m.mention.chars().all(|c| c.is_ascii_uppercase());
            let village = !doc.caps
                && !guess
                && unknown
                && !initialism
                && m.alternatives.is_empty()
                && (ap || cued);
            // (Its country is the gazetteer's guess from the text, which the report's own
            // country decides better: it is left open, as for a name only a cue finds.)
            let guessed = village.then(|| place.country_code.clone());
            let place = (!village).then_some(place);
            cands.push(PlaceCand {
                start: m.start,
                end: m.end,
                mention: m.mention.clone(),
                dateline: place
                    .as_ref()
                    .is_some_and(|p| p.precision != Precision::Country)
                    && dateline_place(text, m.start, m.end),
                place,
                precision: if part {
                    Precision::District
                } else if village {
                    Precision::Town
                } else {
                    m.place.precision
                },
                part,
                country: guessed,
                village,
                weak: false,
                sent: s,
                confidence: m.confidence,
                after_prep: ap,
                distant: distant(m.start),
                container: false,
                origin: origin(m.start, m.end),
                within: None,
                // ("in Nawzad District": a village opens the name of its district.)
                in_name: in_name && !village || in_other_name,
                guess,
                // (The gazetteer gives such a name its container's place: the very place of a
                // mention that follows it closely.)
                inner: m.alternatives.is_empty()
                    && m.confidence <= 0.5
                    && m.place.precision <= Precision::Admin1
                    && norm(&m.place.name) != norm(&m.mention)
                    && mentions
                        .iter()
                        .skip_while(|o| o.start < m.end)
                        .take_while(|o| o.start <= m.end + 80)
                        .any(|o| o.place == m.place && o.confidence > m.confidence),
            });
        }
        // Gazetteer mentions come in text order and do not overlap: overlaps are found by
        // binary search, so a huge report costs n log n.
        let mut removed = vec![false; cands.len()];
        let mut added: Vec<PlaceCand> = Vec::new();
        // A gazetteer reading of low confidence under another name than the place's own.
        let loose = |c: &PlaceCand| {
            c.confidence < 0.3
                && c.place
                    .as_ref()
                    .is_some_and(|p| !attest_geo::same_name(&p.name, &c.mention))
        };
        let abroad_of = |c: &PlaceCand| {
            c.place
                .as_ref()
                .is_some_and(|p| doc_hint.as_deref().is_some_and(|cc| cc != p.country_code))
        };
        for (si, cp) in cues {
            let lo = cands.partition_point(|c| c.end <= cp.start);
            let hi = cands.partition_point(|c| c.start < cp.end).max(lo);
            // A cue-found name longer than a gazetteer match inside it wins ("the Karm
            // al-Jabal area" over "Karm"), and so does one the gazetteer only knew the country
            // of under the very same name.
            // "the Kabul airport": a facility named after a town the gazetteer knows is placed
            // by the town.
            if cp.facility
                && (lo..hi).any(|k| {
                    cands[k].start == cp.start
                        && cands[k].end < cp.end
                        && cands[k].precision == Precision::Town
                })
            {
                continue;
            }
            if !cp.weak {
                for k in lo..hi {
                    let c = &cands[k];
                    let shorter = c.end - c.start < cp.end - cp.start;
                    let same = c.start == cp.start && c.end == cp.end;
                    let country_named = c.place.as_ref().is_some_and(|p| {
                        p.precision == Precision::Country && norm(&p.name) == norm(&c.mention)
                    });
                    // ... or, in upper-case text, one the gazetteer reads as a small town
                    // abroad ("THE TOWN OF X" in a report on another country).
                    let abroad = doc.caps
                        && c.place.as_ref().is_some_and(|p| {
                            p.precision == Precision::Town
                                && p.population < NOTABLE_TOWN
                                && doc_hint.as_deref().is_some_and(|cc| cc != p.country_code)
                        });
                    // (The gazetteer's own reading: a town's part is marked a district.)
                    let read = c.place.as_ref().map_or(c.precision, |p| p.precision);
                    if shorter && read != Precision::Country
                        || same && read == Precision::Country && !country_named
                        || same && abroad
                        // ... or a town's part it reads as a province or a country.
                        || same && c.part && read > Precision::Town
                        // ... or a name it matched only loosely, and abroad ("the village of
                        // Janae" read as Jena, Germany): the cue's name of its own.
                        // (Very loosely: "Sederot" is still Sderot, wherever the report's
                        // words point.)
                        || same && !doc.caps && loose(c) && c.confidence < 0.2 && abroad_of(c)
                    {
                        removed[k] = true;
                    } else if same && !doc.caps && loose(c) && !cp.part {
                        // A name it reads loosely, at home: the text names it a place, so it
                        // is one ("Balmatkote village", by another name of Mahur).
                        cands[k].confidence = cands[k].confidence.max(CUE_CONFIDENCE);
                    } else if same && c.village {
                        // A name it does not know: the cue says what it is ("the X district").
                        cands[k].precision = cp.precision;
                        cands[k].part = cp.part;
                    }
                }
            }
            let overlaps =
                (lo..hi).any(|k| !removed[k]) || added.last().is_some_and(|c| cp.start < c.end);
            if !overlaps {
                // (A name the gazetteer lacks already counts as named by the text.)
                let ap = after_prep(cp.start, false);
                added.push(PlaceCand {
                    start: cp.start,
                    end: cp.end,
                    mention: cp.mention,
                    place: None,
                    precision: cp.precision,
                    weak: cp.weak,
                    sent: si,
                    confidence: 0.5,
                    after_prep: ap,
                    distant: distant(cp.start),
                    container: false,
                    origin: origin(cp.start, cp.end),
                    within: None,
                    in_name: false,
                    dateline: false,
                    guess: false,
                    inner: false,
                    part: cp.part,
                    country: cp.country,
                    village: false,
                });
            }
        }
        let mut k = 0;
        cands.retain(|_| {
            k += 1;
            !removed[k - 1]
        });
        cands.extend(added);
        // "in the capital", "Nepal's capital", "the Algerian capital", "the capital of Peru":
        // the capital of the country said so, else of the report's.
        let n_toks = doc.toks.len();
        let mention_at = |q: usize| {
            (q < n_toks)
                .then(|| {
                    mentions
                        .binary_search_by_key(&doc.toks[q].start, |m| m.start)
                        .ok()
                })
                .flatten()
                .map(|k| &mentions[k])
        };
        let mut capitals: Vec<PlaceCand> = Vec::new();
        let mut from = 1;
        while let Some((i, h)) = doc.next_find(from, n_toks, |t| t == Tag::CapitalNoun) {
            from = i + 1;
            let j = i + h.len;
            // A name after it says the place itself ("the capital, Kabul"; "the capital of
            // Antioquia" is a province's).
            let mut of_country = None;
            if j < n_toks {
                let named_next = mention_at(j).is_some()
                    || doc.is_punct(j, ",") && mention_at(j + 1).is_some()
                    || !doc.caps && doc.capword(j);
                if doc.is(j, |t| t == Tag::UnitOf) {
                    match mention_at(j + 1) {
                        Some(m) if m.place.precision == Precision::Country => {
                            of_country = Some(m.place.country_code.clone());
                        }
                        _ => continue,
                    }
                } else if named_next {
                    continue;
                }
            }
            // What opens it: "the", a nationality word after "the", a country's possessive.
            let k = i - 1;
            let (cc, open) =
                if doc.low(k) == "the" {
                    (of_country.or_else(|| doc_hint.clone()), k)
                } else if let Some(Tag::Demonym(id)) =
                    doc.find(k, |t| matches!(t, Tag::Demonym(_))).map(|h| h.tag)
                {
                    if k == 0 || doc.low(k - 1) != "the" {
                        continue;
                    }
                    (Some(self.lex.demonyms[id as usize].clone()), k - 1)
                } else if possessive_at(&doc, k) {
                    // "Nepal's capital": the country mention ending at k.
                    let end = doc.toks[k].end;
                    let Some(m) = mentions.iter().rev().find(|m| {
                        m.start <= doc.toks[k].start && m.end <= end + 2 && m.end + 2 >= end
                    }) else {
                        continue;
                    };
                    if m.place.precision != Precision::Country {
                        continue;
                    }
                    let a = tok_at(m.start);
                    (Some(m.place.country_code.clone()), a)
                } else {
                    continue;
                };
            let Some(place) = cc.as_deref().and_then(|cc| self.gaz.capital(cc)) else {
                continue;
            };
            let [start, end] = doc.span(i, j);
            let Some(s) = sent_of(start).filter(|&s| !doc.sents[s].excluded) else {
                continue;
            };
            if cands.iter().any(|c| c.start < end && start < c.end) {
                continue;
            }
            capitals.push(PlaceCand {
                start,
                end,
                mention: text[start..end].to_string(),
                place: Some(place),
                precision: Precision::Town,
                weak: false,
                sent: s,
                confidence: 0.6,
                after_prep: open > 0 && doc.is(open - 1, |t| t == Tag::Locative),
                distant: distant(start),
                container: false,
                origin: origin(start, end),
                within: None,
                in_name: false,
                dateline: false,
                guess: false,
                inner: false,
                part: false,
                country: None,
                village: false,
            });
        }
        cands.extend(capitals);
        // A place in a speaker's phrase ("an official in Damascus") is where they speak from.
        let mut speakers: Vec<[usize; 2]> = info
            .iter()
            .flat_map(|s| s.claims.iter().map(|c| c.speaker_span))
            .collect();
        speakers.sort_unstable();
        cands.retain(|c| {
            let k = speakers.partition_point(|sp| sp[0] <= c.start);
            !speakers[..k].iter().rev().take(4).any(|sp| c.end <= sp[1])
        });
        cands.sort_by_key(|c| c.start);
        // "X neighborhood of Y", "X, a district of Y", "X district in Y": X lies within town Y.
        for ci in 0..cands.len() {
            let mut k = tok_at(cands[ci].end);
            if k < doc.toks.len() && doc.is_punct(k, ",") {
                k += 1;
            }
            if k < doc.toks.len() && doc.is(k, |t| matches!(t, Tag::Determiner | Tag::Singular)) {
                k += 1;
            }
            // "the Tral township area of Pulwama district": the place after the cue words and
            // "of" holds this one.
            {
                let mut q = k;
                while let Some(h) = (q < doc.toks.len())
                    .then(|| doc.find(q, |t| matches!(t, Tag::PlaceAfter(_))))
                    .flatten()
                {
                    q += h.len;
                }
                if q > k && q + 1 < doc.toks.len() && doc.is(q, |t| t == Tag::UnitOf) {
                    if let Some(x) = cand_at(&cands, doc.toks[q + 1].start) {
                        if x != ci && cands[x].precision >= cands[ci].precision {
                            cands[x].container = true;
                        }
                    }
                }
            }
            let district = |t: Tag| matches!(t, Tag::PlaceAfter(p) if p.0 <= Precision::District);
            let Some(h) = (k < doc.toks.len())
                .then(|| doc.find(k, district))
                .flatten()
            else {
                continue;
            };
            let k_cue = k;
            k += h.len;
            while k < doc.toks.len()
                && doc.is(k, |t| {
                    matches!(t, Tag::UnitOf | Tag::PlacePreposition | Tag::Determiner)
                })
            {
                k += 1;
            }
            // ... allowing a word or two between ("in northwestern San Salvador").
            let town = (k..(k + 3).min(doc.toks.len()))
                .take_while(|&q| doc.toks[q].kind == crate::text::Kind::Word)
                .find_map(|q| {
                    let at = doc.toks[q].start;
                    cands.iter().position(|c| {
                        c.start == at
                            && c.place
                                .as_ref()
                                .is_some_and(|p| p.precision == Precision::Town)
                    })
                });
            // (But "the Athens suburb of Pefki": a part named after the larger town it lies in.)
            let pop = |c: &PlaceCand| {
                c.place
                    .as_ref()
                    .filter(|p| p.precision == Precision::Town)
                    .map_or(0, |p| p.population)
            };
            if let Some(town) = town {
                // (... or the gazetteer reads the part as the very town, knowing it only as
                // a part of it.)
                let reverse = doc.find(k_cue, |t| t == Tag::TownPart).is_some()
                    && (pop(&cands[ci]) > pop(&cands[town]).saturating_mul(3)
                        || cands[town].place == cands[ci].place
                            && cands[town].confidence < cands[ci].confidence);
                if town != ci && reverse {
                    make_part(&mut cands, town, ci);
                } else if town != ci {
                    cands[ci].within = Some(town);
                }
                continue;
            }
            // "the Athens suburb of Pevki": the other way round, a town the gazetteer knows
            // right after an article, then the part of it that the name after "of" is.
            let of_after = k > k_cue + h.len
                && doc.is(k - 1, |t| matches!(t, Tag::UnitOf | Tag::PlacePreposition))
                && doc.find(k_cue, |t| t == Tag::TownPart).is_some();
            let town_first = of_after
                && cands[ci]
                    .place
                    .as_ref()
                    .is_some_and(|p| p.precision == Precision::Town)
                && tok_at(cands[ci].start) > 0
                && doc.is(tok_at(cands[ci].start) - 1, |t| t == Tag::Determiner);
            let part = (k < doc.toks.len())
                .then(|| cand_at(&cands, doc.toks[k].start))
                .flatten()
                .filter(|&x| {
                    x != ci
                        && cands[x].precision <= Precision::Town
                        && cands[x]
                            .place
                            .as_ref()
                            .is_none_or(|p| p.precision < Precision::Town)
                });
            if let Some(x) = part.filter(|_| town_first) {
                make_part(&mut cands, x, ci);
            }
        }
        for (ci, c) in cands.iter().enumerate() {
            if let Some(si) = info.get_mut(c.sent) {
                si.places.push(ci);
            }
        }
        let drafts = self.segment(&doc, &info, &cands);
        let lone = drafts.len() == 1;
        let drafts = self.part_by_place(&doc, &info, &cands, drafts);
        // The gazetteer's own choice of the report's place: a fallback for a lone incident
        // whose sentences name no place the rules above accept.
        let primary = attest_geo::primary_place_in(&located_text, &mentions)
            .filter(|m| m.place.precision <= Precision::Town && m.confidence >= 0.3)
            // (Not a name inside an organisation's: "the Idlib Liberation Front".)
            .filter(|m| !cands.iter().any(|c| c.start == m.start && c.in_name));
        let doc_country = self.doc_country(&doc, &cands);
        let mut scored: Vec<(f32, usize, Incident)> = drafts
            .iter()
            .enumerate()
            .filter_map(|(n, d)| {
                self.finish(
                    &doc,
                    &info,
                    &cands,
                    d,
                    published,
                    doc_country.as_deref(),
                    primary.filter(|_| lone),
                )
                .map(|(inc, sal)| (sal + if n == 0 { 4.0 } else { 0.0 }, n, inc))
            })
            .collect();
        scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        if let Some(sink) = sink {
            sink.incident_of = vec![None; doc.sents.len()];
            for (i, (_, n, _)) in scored.iter().enumerate() {
                for &si in &drafts[*n].event_sents {
                    sink.incident_of[si].get_or_insert(i);
                }
            }
        }
        Extraction {
            graphic,
            incidents: scored.into_iter().map(|x| x.2).collect(),
            places: mentions,
            lexicon_version: lex.version().to_string(),
        }
    }

    /// Groups sentences into incidents.
    fn segment(&self, doc: &Doc, info: &[SentInfo], cands: &[PlaceCand]) -> Vec<Draft> {
        let lex = &self.lex;
        let mut drafts: Vec<Draft> = Vec::new();
        let mut cur: Option<usize> = None;
        let mut preamble: Vec<usize> = Vec::new();
        for (si, s) in info.iter().enumerate() {
            if doc.sents[si].excluded {
                continue;
            }
            if !s.event {
                match cur {
                    Some(c) => drafts[c].sents.push(si),
                    None => preamble.push(si),
                }
                continue;
            }
            let new = match cur {
                None => true,
                Some(c) => self.conflicts(doc, info, cands, &drafts[c], si),
            };
            if new {
                // Back to an earlier incident it fits, else a new one.
                // (Only the last few: a report does not go back further, and this bounds the work.)
                let from = drafts.len().saturating_sub(8);
                let back = drafts[from..]
                    .iter()
                    .position(|d| {
                        !self.conflicts(doc, info, cands, d, si) && self.same_kind(info, d, si)
                    })
                    .map(|k| k + from);
                match back {
                    Some(b) if Some(b) != cur => {
                        cur = Some(b);
                    }
                    _ => {
                        drafts.push(Draft::default());
                        cur = Some(drafts.len() - 1);
                    }
                }
            }
            if let Some(c) = cur {
                drafts[c].push_event(si, info, cands, &self.lex);
            }
        }
        // A short report (a brief, a coded description) that names violence only in general
        // words is still about that violence.
        if drafts.is_empty() && doc.text.len() <= SHORT_REPORT {
            let weak: Vec<usize> = (0..info.len())
                .filter(|&si| {
                    !doc.sents[si].excluded && info[si].strongest.is_some() && !info[si].background
                })
                .collect();
            if !weak.is_empty() {
                drafts.push(Draft {
                    sents: (0..info.len())
                        .filter(|&si| !doc.sents[si].excluded)
                        .collect(),
                    event_sents: weak,
                    ..Draft::default()
                });
                preamble.clear();
            }
        }
        if let Some(first) = drafts.first_mut() {
            // Sources and claims before the first incident belong to it.
            let mut all = preamble;
            all.append(&mut first.sents);
            first.sents = all;
        }
        let _ = lex;
        drafts
    }

    /// "Saboteurs destroyed posts in La Libertad and Cabanas", "air strikes hit Saraqib, Binnish
    /// and Taftanaz": one act told of a list of places is one incident per place, as monitors
    /// code them. The incident keeps the first place; each further one becomes an incident of
    /// its own, with the same type, date and actors and no counts (a toll told for the list
    /// cannot be shared out).
    fn part_by_place(
        &self,
        doc: &Doc,
        info: &[SentInfo],
        cands: &[PlaceCand],
        drafts: Vec<Draft>,
    ) -> Vec<Draft> {
        let mut out = Vec::with_capacity(drafts.len());
        for mut d in drafts {
            // (The sentence that tells the act first: a list told later, of a draft told
            // elsewhere, may be of other acts.)
            let list = d
                .event_sents
                .iter()
                .find(|&&s| !info[s].background && info[s].strongest.is_some())
                .and_then(|&s| place_list(doc, info, cands, s));
            let Some(list) = list else {
                out.push(d);
                continue;
            };
            d.place = Some(list[0]);
            let dtype = self.draft_type(info, &d);
            let rest: Vec<Draft> = list[1..]
                .iter()
                .map(|&c| Draft {
                    sents: d.sents.clone(),
                    event_sents: d.event_sents.clone(),
                    anchored: d.anchored,
                    towns: vec![norm(&cands[c].mention)],
                    killed: None,
                    days: d.days.clone(),
                    dtype: dtype.clone(),
                    place: Some(c),
                    shared: true,
                })
                .collect();
            out.push(d);
            out.extend(rest);
        }
        out
    }

    fn draft_type(&self, info: &[SentInfo], d: &Draft) -> Option<(u8, String)> {
        if d.dtype.is_some() {
            return d.dtype.clone();
        }
        d.event_sents
            .iter()
            .filter_map(|&s| info[s].strongest)
            .max_by_key(|&(st, id)| {
                let t = &self.lex.triggers[id];
                (
                    st,
                    !t.outcome,
                    std::cmp::Reverse(priority(&self.lex, &t.event)),
                )
            })
            .map(|(st, id)| (st, self.lex.triggers[id].event.clone()))
    }

    fn same_kind(&self, info: &[SentInfo], d: &Draft, si: usize) -> bool {
        let a = self.draft_type(info, d).map(|x| x.1);
        let b = info[si]
            .strongest
            .map(|(_, id)| self.lex.triggers[id].event.clone());
        a.is_some() && a == b
    }

    /// Does event sentence `si` describe another incident than draft `d`?
    fn conflicts(
        &self,
        doc: &Doc,
        info: &[SentInfo],
        cands: &[PlaceCand],
        d: &Draft,
        si: usize,
    ) -> bool {
        let s = &info[si];
        let strong_trigger = s.strongest.is_some_and(|(st, _)| st >= 2);
        // A draft with only a generic word ("hit") and no count takes whatever follows.
        if !d.anchored {
            return false;
        }
        // "... kidnapped X. His body was found": the victims of the draft, found dead.
        let (t0, t1) = (doc.sents[si].t0, doc.sents[si].t1);
        if doc.any_in(t0, t1, |t| t == Tag::FoundDead)
            && !s.another
            && self
                .draft_type(info, d)
                .is_some_and(|(_, ev)| self.lex.found_dead_after.contains(&ev))
        {
            return false;
        }
        // Said to be another incident, with an act or a count of its own.
        if s.another && (strong_trigger || s.cas.iter().any(|c| !c.zero)) {
            return true;
        }
        // Another town.
        let here = towns_of(s, cands);
        if strong_trigger
            && !here.is_empty()
            && !d.towns.is_empty()
            && !here.iter().any(|h| d.towns.contains(h))
        {
            return true;
        }
        // Another day: an act dated two days or more from every day of the incident.
        if strong_trigger
            && !d.days.is_empty()
            && days_of(s).next().is_some()
            && days_of(s).all(|x| d.days.iter().all(|y| (x - *y).num_days().abs() > 1))
        {
            return true;
        }
        // Another death toll.
        if strong_trigger {
            if let (Some(a), Some(b)) = (first_killed(&s.cas), d.killed) {
                if a != b {
                    return true;
                }
            }
        }
        // Another kind of event, in a new paragraph or with specific triggers on both sides.
        if let (Some((st, id)), Some((dst, dev))) = (s.strongest, self.draft_type(info, d)) {
            let ev = &self.lex.triggers[id].event;
            let last_para = d.sents.last().map(|x| doc.sents[*x].para);
            let new_para = last_para.is_some_and(|p| p != doc.sents[si].para);
            // The sentence must carry its own anchor: a specific means, a count or a place.
            let anchored = st >= 3
                || s.cas.iter().any(|c| !c.zero)
                || s.places
                    .iter()
                    .any(|c| !cands[*c].weak && cands[*c].precision <= Precision::Town);
            if *ev != dev && st >= 2 && dst >= 2 && anchored && (new_para || st >= 3 || dst >= 3) {
                // The same sentence pair rarely mixes: an air strike with a shelling is one raid.
                let related = self
                    .lex
                    .related
                    .iter()
                    .any(|pair| pair.contains(ev) && pair.contains(&dev) && *ev != dev);
                if !(related || dev == self.lex.generic_event && dst == 2 && !new_para) {
                    return true;
                }
            }
        }
        false
    }

    /// The country the report is about: most named among the gazetteer's places, else the
    /// nationality words.
    /// The contract's location for a resolved place, named in the text as `mention`.
    fn location_of(&self, mention: &str, p: &Place) -> Location {
        Location {
            mention: mention.to_string(),
            // A district is named by its town: "Adhamiya" is in Baghdad.
            name: Some(p.within.clone().unwrap_or_else(|| p.name.clone())),
            admin1: p.admin1.clone(),
            country: self.gaz.country_name(&p.country_code).map(str::to_string),
            country_code: Some(p.country_code.clone()),
            lat: Some(p.lat),
            lon: Some(p.lon),
            precision: Some(p.precision.as_str().to_string()),
            geonameid: p.geonameid,
        }
    }

    /// Suicide attackers who died and are not in the stated toll: the count of bombers named
    /// ("two suicide bombers", else one) when the toll counts a class of victims that leaves them
    /// out ("killing four policemen") and nothing says a bomber survived.
    fn dead_bombers(
        &self,
        doc: &Doc,
        info: &[SentInfo],
        d: &Draft,
        event_type: &str,
    ) -> Option<(u32, Span)> {
        if event_type != "suicide_bombing" {
            return None;
        }
        let facts: Vec<&Cas> = d
            .event_sents
            .iter()
            .flat_map(|s| info[*s].cas.iter())
            .filter(|c| c.kind == CasKind::Killed && !c.zero)
            .collect();
        let base = facts
            .iter()
            .filter(|c| !c.subset && !c.additional)
            .min_by_key(|c| c.span[0])?;
        if facts.iter().any(|c| c.perp) || !base.specific || base.low.is_none() {
            return None;
        }
        // ... said of the attacker: in a sentence naming one.
        let survives = doc.sents.iter().any(|s| {
            (s.t0..s.t1).any(|k| doc.find(k, |t| t == Tag::BomberSurvives).is_some())
                && (s.t0..s.t1).any(|k| doc.is(k, |t| t == Tag::PerpNoun))
        });
        if survives {
            return None;
        }
        let mut best: Option<(u32, Span)> = None;
        for &s in &d.event_sents {
            for &(id, a, b) in &info[s].ev.triggers {
                if self.lex.triggers[id as usize].event != "suicide_bombing" {
                    continue;
                }
                // "Two suicide bombers": the number before the phrase, when it names attackers.
                let plural = (a..b).any(|k| doc.is(k, |t| t == Tag::PerpNoun))
                    && doc.is(b - 1, |t| t == Tag::PeoplePlural);
                let n = (a > 0 && plural)
                    .then(|| {
                        numbers(doc, a.saturating_sub(3), a)
                            .into_iter()
                            .find(|n| n.t1 == a)
                    })
                    .flatten()
                    .and_then(|n| (n.low == n.high && !n.vague).then_some(n.low).flatten())
                    .unwrap_or(1);
                if best.is_none_or(|(m, _)| n > m) {
                    best = Some((n, doc.span(a, b)));
                }
            }
        }
        best
    }

    /// The capital of country `cc` when the incident's sentences name a building of a
    /// government that stands there (`places.capital_facilities`): its location, with the
    /// building's word as the mention, and that word's span.
    fn capital_facility(
        &self,
        doc: &Doc,
        info: &[SentInfo],
        d: &Draft,
        cc: Option<&str>,
    ) -> Option<(Span, Location)> {
        let capital = self.gaz.capital(cc?)?;
        let (i, len) = d.sents.iter().find_map(|&s| {
            let sent = &doc.sents[s];
            // (Not a speaker: "the embassy said", "according to the ministry" tell where the
            // news came from.)
            let speaking = |i: usize| {
                let b = doc.toks[i].start;
                let says =
                    |t: Tag| matches!(t, Tag::Speech | Tag::Confirms | Tag::Denies | Tag::Accuses);
                info[s]
                    .claims
                    .iter()
                    .any(|c| c.speaker_span[0] <= b && b < c.speaker_span[1])
                    || (i + 1..(i + 4).min(sent.t1)).any(|q| doc.is(q, says))
                    || (i.saturating_sub(4).max(sent.t0)..i)
                        .any(|q| doc.is(q, |t| t == Tag::According))
            };
            (sent.t0..sent.t1).find_map(|i| {
                doc.find(i, |t| t == Tag::CapitalFacility)
                    .filter(|_| !speaking(i))
                    .map(|h| (i, h.len))
            })
        })?;
        let span = doc.span(i, i + len);
        Some((
            span,
            self.location_of(
                doc.text[span[0]..span[1]]
                    .trim_end_matches("'s")
                    .trim_end_matches("\u{2019}s"),
                &capital,
            ),
        ))
    }

    fn doc_country(&self, doc: &Doc, cands: &[PlaceCand]) -> Option<String> {
        let mut votes: BTreeMap<String, (u32, usize)> = BTreeMap::new();
        for (n, c) in cands.iter().enumerate() {
            // A town's part the gazetteer reads as a province or a country abroad ("THE
            // NORMANDY NEIGHBORHOOD") says nothing of the country.
            let misread = c.part
                && c.place
                    .as_ref()
                    .is_some_and(|p| p.precision > Precision::Town);
            if let Some(p) = c.place.as_ref().filter(|_| !misread) {
                // A leading "PERU." or "SYRIA -" is the report's country.
                let w = if p.precision == Precision::Country && heads(doc.text, c.start, c.end) {
                    50
                } else if c.in_name {
                    // Like a nationality word: "Israel Defense Forces".
                    3
                } else if p.precision == Precision::Country {
                    5
                } else {
                    (c.confidence * 10.0) as u32 + if c.after_prep { 5 } else { 0 }
                };
                let e = votes.entry(p.country_code.clone()).or_insert((0, n));
                e.0 += w;
            } else if let Some(cc) = &c.country {
                // A town found longer than the one the gazetteer read ("San Luis de la Reina")
                // votes as that one would have.
                let w = (c.confidence * 10.0) as u32 + if c.after_prep { 5 } else { 0 };
                votes.entry(cc.clone()).or_insert((0, n)).0 += w;
            }
        }
        // Nationality words ("an Iraqi police officer") add a little, armed groups tied to one
        // country ("FARC guerrillas") a little more.
        for i in 0..doc.toks.len() {
            for h in doc.hits(i) {
                let (cc, w) = match h.tag {
                    Tag::Demonym(id) => (&self.lex.demonyms[id as usize], 3),
                    Tag::Group(id) => (&self.lex.group_countries[id as usize], 4),
                    _ => continue,
                };
                let s = doc.sents.partition_point(|s| s.t0 <= i);
                if s > 0 && doc.sents[s - 1].excluded {
                    continue;
                }
                let e = votes.entry(cc.clone()).or_insert((0, cands.len() + i));
                e.0 += w;
            }
        }
        votes
            .into_iter()
            .max_by_key(|(_, (v, first))| (*v, std::cmp::Reverse(*first)))
            .map(|(cc, _)| cc)
    }

    #[allow(clippy::too_many_arguments)]
    fn finish(
        &self,
        doc: &Doc,
        info: &[SentInfo],
        cands: &[PlaceCand],
        d: &Draft,
        published: Option<chrono::NaiveDate>,
        doc_country: Option<&str>,
        primary: Option<&PlaceMention>,
    ) -> Option<(Incident, f32)> {
        let lex = &self.lex;
        let mut ev: BTreeMap<String, Vec<Span>> = BTreeMap::new();
        // Event type.
        let (strength, mut event_type) = self.draft_type(info, d).unwrap_or((0, "other".into()));
        let mut weapons: Vec<String> = Vec::new();
        let mut targets: Vec<String> = Vec::new();
        for &s in &d.event_sents {
            for &(id, a, b) in &info[s].ev.triggers {
                let t = &lex.triggers[id as usize];
                if t.event == event_type && (t.strength == strength || t.instrument) {
                    add(&mut ev, "event_type", doc.span(a, b));
                }
                for w in &t.weapons {
                    if t.strength >= 2 && !t.carrier || t.event == event_type {
                        if !weapons.contains(w) {
                            weapons.push(w.clone());
                        }
                        add(&mut ev, "weapons", doc.span(a, b));
                    }
                }
            }
            for &(id, a, b) in &info[s].ev.weapons {
                let w = &lex.weapons[id as usize];
                if !weapons.contains(&w.weapon) {
                    weapons.push(w.weapon.clone());
                }
                add(&mut ev, "weapons", doc.span(a, b));
                if let Some(imp) = &w.implies {
                    if strength < 3 && *imp != event_type {
                        event_type = imp.clone();
                        ev.remove("event_type");
                        add(&mut ev, "event_type", doc.span(a, b));
                    }
                }
            }
            for &(id, a, b) in &info[s].ev.targets {
                let t = &lex.targets[id as usize];
                if !targets.contains(t) {
                    targets.push(t.clone());
                }
                add(&mut ev, "targets", doc.span(a, b));
            }
        }
        // Casualties.
        let mut killed = count(doc, info, d, CasKind::Killed, "killed", &mut ev);
        if let Some((n, span)) = self.dead_bombers(doc, info, d, &event_type) {
            // "A suicide bomber ... killing four policemen": the bomber died too.
            killed.low = killed.low.map(|v| v.saturating_add(n));
            killed.high = killed.high.map(|v| v.saturating_add(n));
            add(&mut ev, "killed", span);
        }
        let mut injured = count(doc, info, d, CasKind::Injured, "injured", &mut ev);
        // "was wounded ... and died of his wounds": counted once, among the dead.
        let of_wounds: Vec<&Cas> = d
            .event_sents
            .iter()
            .flat_map(|s| info[*s].cas.iter())
            .filter(|c| c.kind == CasKind::Killed && !c.zero)
            .filter(|c| {
                let a = doc.toks.partition_point(|t| t.start < c.span[0]);
                let b = doc.toks.partition_point(|t| t.end <= c.span[1]);
                doc.any_in(a, b + 1, |t| t == Tag::DiedOfWounds)
            })
            .collect();
        let died_of_wounds: u32 = of_wounds.iter().filter_map(|c| c.low).sum();
        if died_of_wounds > 0 && injured.low.is_some_and(|v| v > 0) {
            // (The evidence of the injured then shows the deaths taken off.)
            for c in &of_wounds {
                add(&mut ev, "injured", c.span);
            }
            if let Some(low) = injured.low.filter(|&v| v > 0) {
                injured = match low.checked_sub(died_of_wounds).filter(|&v| v > 0) {
                    Some(v) => Count {
                        low: Some(v),
                        high: injured
                            .high
                            .map(|h| h.saturating_sub(died_of_wounds).max(v)),
                    },
                    None => {
                        ev.remove("injured");
                        Count::default()
                    }
                };
            }
        }
        // (Parted by place from another incident: the counts are that one's.)
        if d.shared {
            killed = Count::default();
            injured = Count::default();
            ev.remove("killed");
            ev.remove("injured");
        }
        // Location: the best-supported, finest place of the incident's sentences.
        let event_set: std::collections::HashSet<usize> = d.event_sents.iter().copied().collect();
        let in_draft_event = |s: usize| event_set.contains(&s);
        // Sentences that name another place: a place named there as an origin ("fired from X
        // into Y") is not where it happened.
        // ... unless a place of it is a destination: the sentence tells of a journey ("en
        // route to X from Y"), whose ends are alike.
        let to_place = |c: &PlaceCand| {
            let k = doc.toks.partition_point(|t| t.start < c.start);
            k > 0 && doc.is(k - 1, |t| t == Tag::Route)
        };
        let journeys: std::collections::HashSet<usize> = cands
            .iter()
            .filter(|c| to_place(c))
            .map(|c| c.sent)
            .collect();
        // "a train en route from Cairo to Luxor", "a bus on its way to Rawalpindi from Gilgit":
        // the start of a journey is where what befell it is placed.
        let journey_start = |c: &PlaceCand| {
            journeys.contains(&c.sent) && {
                let k = doc.toks.partition_point(|t| t.start < c.start);
                (k.saturating_sub(3)..k)
                    .rev()
                    .find(|&q| !doc.is(q, |t| matches!(t, Tag::Determiner | Tag::PlaceDescriptor)))
                    .is_some_and(|q| doc.is(q, |t| t == Tag::Origin))
            }
        };
        let located: std::collections::HashSet<usize> = cands
            .iter()
            .filter(|c| !c.origin && !c.in_name)
            .map(|c| c.sent)
            .filter(|s| !journeys.contains(s))
            .collect();
        // Named as a place by a cue of the text: a name the gazetteer does not know, or a part of
        // a town ("the X neighborhood").
        let named = |c: &PlaceCand| (c.place.is_none() || c.part) && !c.weak;
        // "The attack occurred in Diyara", "the blast took place near X": a sentence naming an
        // act and then saying where it took place; a place after the verb is where it happened.
        let located_here = |c: &PlaceCand| {
            let sent = &doc.sents[c.sent];
            // (Not of another act: "in a separate incident, the attack occurred in X".)
            !c.dateline
                && !c.origin
                && !info[c.sent].background
                && !info[c.sent].another
                // (Most sentences have no such verb: one look at their hits rules them out.)
                && doc.any_in(sent.t0, sent.t1, |t| t == Tag::LocatingVerb)
                && (sent.t0..sent.t1).any(|v| {
                    // (Said right after the verb, through a locative: "occurred in the town of
                    // X", not "took place on a Friday, ... in X province".)
                    let Some(h) = doc.find(v, |t| t == Tag::LocatingVerb) else {
                        return false;
                    };
                    let (after, k) = (v + h.len, doc.toks.partition_point(|t| t.start < c.start));
                    after < k
                        && k - after <= 5
                        && (after..k).any(|q| doc.is(q, |t| t == Tag::Locative))
                        // The act is the one told ("the attack", "the suicide bombing"), not "a
                        // similar attack".
                        && info[c.sent].ev.triggers.iter().any(|&(_, a, b)| {
                            b <= v
                                && (a.saturating_sub(2).max(sent.t0)..a).any(|q| {
                                    doc.is(q, |t| t == Tag::Determiner)
                                        && !doc.is(q, |t| t == Tag::Singular)
                                })
                        })
                })
        };
        let score = |c: &PlaceCand| -> f32 {
            let strong = info[c.sent].strongest.is_some_and(|(st, _)| st >= 2)
                || info[c.sent].cas.iter().any(|x| !x.zero);
            // A dateline's place is where the report was filed: only a fallback.
            let here = located_here(c);
            let in_event = !c.dateline && (in_draft_event(c.sent) && strong || named(c) || here);
            let country_ok = match (&c.place, doc_country) {
                (Some(p), Some(cc)) => p.country_code == cc,
                _ => true,
            };
            let fine = match c.precision {
                Precision::Site => 3.0,
                Precision::District => 2.5,
                Precision::Town => 2.0,
                Precision::Admin1 => 1.0,
                Precision::Country => 0.0,
            } + if c.inner { 1.0 } else { 0.0 };
            3.0 * f32::from(u8::from(in_event))
                + 1.5 * f32::from(u8::from(here))
                + f32::from(u8::from(journey_start(c)))
                + 1.5 * f32::from(u8::from(c.after_prep))
                + 2.0 * f32::from(u8::from(country_ok))
                + fine
                + 2.0 * c.confidence
                - if c.weak { 2.5 } else { 0.0 }
                // Named as a place by the text itself ("the village of X").
                + if named(c) { 1.0 } else { 0.0 }
                - if c.distant { 3.0 } else { 0.0 }
                - if c.container { 1.0 } else { 0.0 }
                - if c.origin && located.contains(&c.sent) {
                    2.0
                } else {
                    0.0
                }
                - if c.dateline { 1.0 } else { 0.0 }
        };
        let loc_cand = d
            .place
            .into_iter()
            .chain(
                d.sents
                    .iter()
                    .filter(|_| d.place.is_none())
                    .flat_map(|s| info[*s].places.iter().copied()),
            )
            .filter(|c| {
                !cands[*c].in_name
                    && !cands[*c].guess
                    && (cands[*c].confidence >= 0.3 && !cands[*c].weak
                        || in_draft_event(cands[*c].sent)
                        || located_here(&cands[*c]))
            })
            .max_by(|a, b| {
                score(&cands[*a])
                    .total_cmp(&score(&cands[*b]))
                    .then(b.cmp(a))
            })
            .or_else(|| {
                // The report's main place: the first of its country.
                // (Not one inside an organisation's name: "the Kurdistan Islamic Union".)
                cands.iter().position(|c| {
                    !c.weak
                        && !c.guess
                        && !c.in_name
                        && c.place.as_ref().is_some_and(|p| {
                            Some(p.country_code.as_str()) == doc_country
                                && p.precision != Precision::Country
                        })
                        && c.confidence >= 0.3
                })
            });
        // "In Antioquia Department, Medellin, ...", "Istanbul Province's Bahcelievler district":
        // a province holds the town the incident names with it, which is finer.
        let facility_after = |x: &PlaceCand| {
            let k = doc.toks.partition_point(|t| t.start < x.end);
            k < doc.toks.len() && doc.is(k, |t| matches!(t, Tag::Target(_) | Tag::Facility))
        };
        let loc_cand = loc_cand.map(|best| {
            // (A place of a list, parted by place, is kept as told.)
            if d.place.is_some() {
                return best;
            }
            let Some(prov) = cands[best]
                .place
                .as_ref()
                .filter(|p| p.precision == Precision::Admin1)
            else {
                return best;
            };
            let inside = |p: &Place| {
                p.precision == Precision::Town
                    && p.country_code == prov.country_code
                    && (p
                        .admin1
                        .as_deref()
                        .is_some_and(|a| norm(a) == norm(&prov.name))
                        || haversine_km(p.lat, p.lon, prov.lat, prov.lon) <= ADMIN_TOWN_KM)
            };
            d.sents
                .iter()
                .flat_map(|s| info[*s].places.iter().copied())
                .filter(|&c| {
                    let x = &cands[c];
                    !x.in_name
                        && !x.guess
                        && !x.weak
                        && !x.distant
                        && !x.origin
                        && !x.dateline
                        && x.confidence >= 0.3
                        && x.place.as_ref().is_some_and(inside)
                        // (Said with it, or put there by a locative; not a building's name:
                        // "the Santa Elena church".)
                        && (x.sent == cands[best].sent || x.after_prep)
                        && !facility_after(x)
                })
                .max_by(|a, b| score(&cands[*a]).total_cmp(&score(&cands[*b])))
                .unwrap_or(best)
        });
        // A district named as within a town ("the Fatih neighborhood of Istanbul"): the town,
        // with the district's name as the mention, as coders record it.
        let (loc_cand, inner) = match loc_cand.and_then(|c| cands[c].within.map(|t| (c, t))) {
            Some((c, t)) => (Some(t), Some(c)),
            None => (
                loc_cand,
                loc_cand.and_then(|best| {
                    // ... the town named here or anywhere else ("the X district of Y" after "Y"
                    // alone).
                    let same = |t: usize| {
                        t == best || cands[t].place.is_some() && cands[t].place == cands[best].place
                    };
                    d.sents
                        .iter()
                        .flat_map(|s| info[*s].places.iter().copied())
                        .find(|x| cands[*x].within.is_some_and(same))
                }),
            ),
        };
        // A district or site the gazetteer does not know, named near the chosen town ("the Karm
        // al-Jabal quarter of the city"), refines it: its mention, the town's coordinates.
        let refine = inner.or_else(|| {
            loc_cand.filter(|_| d.place.is_none()).and_then(|best| {
                let best_score = score(&cands[best]);
                d.sents
                    .iter()
                    .flat_map(|s| info[*s].places.iter().copied())
                    .filter(|c| {
                        let x = &cands[*c];
                        // ... or a village the text names ("the village of X near Y"), or a part
                        // of a town the gazetteer knows under another reading.
                        (x.place.is_none()
                            || x.part && cands[best].place.as_ref().is_some_and(|t| part_of(x, t)))
                            && !x.weak
                            && x.precision <= Precision::Town
                            && score(x) >= best_score - 3.0
                    })
                    .max_by(|a, b| score(&cands[*a]).total_cmp(&score(&cands[*b])))
            })
        });
        let base_place = loc_cand
            .and_then(|c| cands[c].place.clone())
            .filter(|p| matches!(p.precision, Precision::Town | Precision::Admin1));
        let location = match (refine, base_place) {
            (Some(ri), Some(town)) => {
                let r = &cands[ri];
                add(&mut ev, "location", [r.start, r.end]);
                // (The town as the text writes it, when the gazetteer names it in two
                // languages: "Donostia / San Sebastián".)
                let written = loc_cand.map(|c| cands[c].mention.as_str());
                Some(Location {
                    mention: r.mention.clone(),
                    name: Some(written_name(&town.name, written)),
                    admin1: town.admin1.clone(),
                    country: self
                        .gaz
                        .country_name(&town.country_code)
                        .map(str::to_string),
                    country_code: Some(town.country_code.clone()),
                    lat: Some(town.lat),
                    lon: Some(town.lon),
                    // The precision of the coordinates given: a province's when that is all
                    // the gazetteer knows.
                    precision: Some(
                        if town.precision == Precision::Admin1 {
                            Precision::Admin1
                        } else if r.within.is_some() {
                            Precision::District
                        } else {
                            r.precision
                        }
                        .as_str()
                        .to_string(),
                    ),
                    geonameid: None,
                })
            }
            _ => None,
        };
        let location = location.or_else(|| {
            loc_cand.map(|ci| {
                let c = &cands[ci];
                add(&mut ev, "location", [c.start, c.end]);
                // A district or site the gazetteer does not know lies in the town named with
                // it ("a bomb hit the X neighborhood of Y", "Y's X district"), else in the
                // incident's town, else in the dateline's: the town's name and coordinates,
                // the district's mention.
                // A village the gazetteer does not know lies by a town named with it ("in Zorbek
                // mohalla in Srinagar"): that town only, not one named elsewhere.
                let host = ((c.place.is_none() || c.part)
                    && (c.precision <= Precision::District || c.village))
                    .then(|| {
                        let town = |x: &PlaceCand| {
                            !x.guess
                                && !x.distant
                                && !x.in_name
                                && x.place.as_ref().is_some_and(|p| {
                                    p.precision == Precision::Town
                                        && doc_country.is_none_or(|cc| p.country_code == cc)
                                        && part_of(c, p)
                                })
                        };
                        let near = |x: &PlaceCand| x.start.abs_diff(c.start);
                        info[c.sent]
                            .places
                            .iter()
                            .map(|x| &cands[*x])
                            .filter(|x| town(x))
                            .min_by_key(|x| near(x))
                            .or_else(|| {
                                if c.village && c.precision > Precision::District {
                                    return None;
                                }
                                d.event_sents
                                    .iter()
                                    .flat_map(|s| info[*s].places.iter())
                                    .map(|x| &cands[*x])
                                    .filter(|x| town(x))
                                    .max_by(|a, b| score(a).total_cmp(&score(b)))
                            })
                            .or_else(|| {
                                // ... else the town of another sentence of the incident ("in
                                // the X neighborhood. He was a Y councillor").
                                if c.village && c.precision > Precision::District {
                                    return None;
                                }
                                d.sents
                                    .iter()
                                    .flat_map(|s| info[*s].places.iter())
                                    .map(|x| &cands[*x])
                                    .filter(|x| town(x))
                                    .max_by(|a, b| score(a).total_cmp(&score(b)))
                            })
                            .or_else(|| {
                                (c.precision <= Precision::District)
                                    .then(|| cands.iter().find(|x| x.dateline && town(x)))
                                    .flatten()
                            })
                            .and_then(|x| x.place.as_ref())
                    })
                    .flatten()
                    .or_else(|| {
                        // ... else the province named after it ("in tambon X, Y district, Z
                        // province", "the village of X, Z province"): its coordinates, coarser.
                        info[c.sent]
                            .places
                            .iter()
                            .map(|x| &cands[*x])
                            .filter(|x| {
                                c.place.is_none()
                                    && c.precision <= Precision::Town
                                    && !x.guess
                                    && !x.in_name
                                    && !x.distant
                                    && x.start > c.start
                                    && x.place.as_ref().is_some_and(|p| {
                                        p.precision == Precision::Admin1
                                            && doc_country.is_none_or(|cc| p.country_code == cc)
                                    })
                            })
                            .min_by_key(|x| x.start)
                            .and_then(|x| x.place.as_ref())
                    });
                // A part of a town read by the gazetteer as a province or a place abroad has
                // no place of its own.
                let own = c.place.as_ref().filter(|p| {
                    !c.part
                        || p.precision <= Precision::Town
                            && doc_country.is_none_or(|cc| p.country_code == cc)
                });
                match (own, host) {
                    (Some(_), Some(town)) | (None, Some(town)) => Location {
                        precision: Some(c.precision.as_str().to_string()),
                        geonameid: None,
                        ..self.location_of(&c.mention, town)
                    },
                    (Some(p), None) => self.location_of(&c.mention, p),
                    (None, None) => {
                        // A district of the incident's town takes the town's country; a town
                        // the gazetteer knows only the start of, the country of that.
                        // (A village's country guessed by the gazetteer comes last.)
                        let cc = c
                            .country
                            .clone()
                            .filter(|_| !c.village)
                            .or_else(|| {
                                d.sents
                                    .iter()
                                    .flat_map(|s| info[*s].places.iter())
                                    .filter_map(|x| cands[*x].place.as_ref())
                                    .map(|p| p.country_code.clone())
                                    .next()
                            })
                            .or_else(|| doc_country.map(str::to_string))
                            .or_else(|| c.country.clone());
                        Location {
                            mention: c.mention.clone(),
                            name: None,
                            admin1: None,
                            country: cc
                                .as_deref()
                                .and_then(|x| self.gaz.country_name(x))
                                .map(str::to_string),
                            country_code: cc,
                            lat: None,
                            lon: None,
                            precision: Some(c.precision.as_str().to_string()),
                            geonameid: None,
                        }
                    }
                }
            })
        });
        // "in Grenada" in a report headed BOLIVIA: a country named in passing is not the place;
        // nor is a town abroad ("SWEDEN. ... in response to Ankara's parliament"): a report
        // headed by its country happened there.
        let headed = cands.first().and_then(|c| {
            c.place
                .as_ref()
                .filter(|p| heads(doc.text, c.start, c.end) && p.precision == Precision::Country)
                .map(|p| p.country_code.as_str())
        });
        let location = match (location, doc_country) {
            (Some(l), Some(cc))
                if l.country_code.as_deref() != Some(cc)
                    && (l.precision.as_deref() == Some("country") || headed == Some(cc)) =>
            {
                ev.remove("location");
                None
            }
            (l, _) => l,
        };
        // A country is the coarsest answer: the gazetteer's own choice of a town of that
        // country, when it made one, says more ("PHILIPPINES. The Manila Garden Hotel ...").
        // (A place the gazetteer does not know, placed in the country, stays: it is named.)
        let location = match location {
            Some(l)
                if l.precision.as_deref() == Some("country")
                    && l.name
                        .as_deref()
                        .is_some_and(|n| norm(n) == norm(&l.mention))
                    && primary.is_some_and(|m| {
                        l.country_code.as_deref() == Some(m.place.country_code.as_str())
                    }) =>
            {
                ev.remove("location");
                None
            }
            l => l,
        };
        let location = location.or_else(|| {
            let m = primary.filter(|m| doc_country.is_none_or(|cc| m.place.country_code == cc))?;
            add(&mut ev, "location", [m.start, m.end]);
            Some(self.location_of(&m.mention, &m.place))
        });
        // "CUBA. Four bombs exploded around Havana. The bomb at the Copacabana Hotel killed
        // one": an incident whose own place was abroad (a hotel's name) or missing, in a report
        // headed by its country, happened in the report's town, the first the report names in
        // that country.
        let location = location.or_else(|| {
            let cc = headed.filter(|cc| Some(*cc) == doc_country)?;
            let c = cands.iter().find(|c| {
                !c.weak
                    && !c.guess
                    && !c.in_name
                    && !c.origin
                    && !c.distant
                    && c.confidence >= 0.3
                    && c.place
                        .as_ref()
                        .is_some_and(|p| p.country_code == cc && p.precision == Precision::Town)
            })?;
            add(&mut ev, "location", [c.start, c.end]);
            c.place.as_ref().map(|p| self.location_of(&c.mention, p))
        });
        // "bombs hit the Guatemalan embassy", "near the Interior Ministry": a building of a
        // government stands in its capital; an incident at one, in a report that names no town
        // of it, happened in the capital of the report's country.
        let location = match location {
            Some(l) if l.precision.as_deref() != Some("country") => Some(l),
            l => {
                let cc = l
                    .as_ref()
                    .and_then(|l| l.country_code.clone())
                    .or_else(|| doc_country.map(str::to_string));
                self.capital_facility(doc, info, d, cc.as_deref())
                    .map(|(span, loc)| {
                        ev.remove("location");
                        add(&mut ev, "location", span);
                        loc
                    })
                    .or(l)
            }
        };
        // "the governor of Diyala province", "Kashmir's Legislative Assembly": a province named
        // for its government, and no town, places the incident where that government sits
        // (`places.seats`).
        let location = location.map(|l| {
            if l.precision.as_deref() != Some("admin1")
                || !d.sents.iter().any(|&s| {
                    let sent = &doc.sents[s];
                    (sent.t0..sent.t1).any(|i| doc.find(i, |t| t == Tag::SeatOffice).is_some())
                })
            {
                return l;
            }
            let seat = [l.name.as_deref(), Some(l.mention.as_str())]
                .into_iter()
                .flatten()
                .find_map(|n| {
                    // ("Cesar Department", "Diyala province": the division's own name.)
                    let n = n.to_lowercase();
                    let bare = n
                        .rsplit_once(' ')
                        .filter(|(_, w)| self.lex.division_words.iter().any(|d| d == w))
                        .map(|(a, _)| a.to_string());
                    self.lex
                        .seats
                        .get(&n)
                        .or_else(|| bare.and_then(|b| self.lex.seats.get(&b)))
                })
                .and_then(|town| {
                    self.gaz.locate(town).into_iter().find(|m| {
                        m.place.precision == Precision::Town
                            && l.country_code.as_deref() == Some(m.place.country_code.as_str())
                    })
                });
            match seat {
                Some(m) => Location {
                    mention: l.mention.clone(),
                    ..self.location_of(&l.mention, &m.place)
                },
                None => l,
            }
        });
        let location = location.or_else(|| {
            // The report's country, with the words that name it when the text does.
            let named = doc_country.and_then(|cc| {
                cands.iter().find(|c| {
                    !c.guess
                        && c.place.as_ref().is_some_and(|p| {
                            p.precision == Precision::Country && p.country_code == cc
                        })
                })
            });
            if let Some(c) = named {
                add(&mut ev, "location", [c.start, c.end]);
            }
            doc_country.map(|cc| Location {
                mention: named.map(|c| c.mention.clone()).unwrap_or_default(),
                name: named.and_then(|c| c.place.as_ref()).map(|p| p.name.clone()),
                admin1: None,
                country: self.gaz.country_name(cc).map(str::to_string),
                country_code: Some(cc.to_string()),
                lat: None,
                lon: None,
                precision: Some("country".into()),
                geonameid: None,
            })
        });
        // Date.
        let dh = d
            .event_sents
            .iter()
            .chain(d.sents.iter())
            .find_map(|s| info[*s].dates.first().copied());
        let date = match (dh, published) {
            (Some(h), _) => {
                add(&mut ev, "date", doc.span(h.t0, h.t1));
                DateRange {
                    start: Some(h.start.to_string()),
                    end: Some(h.end.to_string()),
                    precision: Some(h.precision.into()),
                }
            }
            (None, Some(p)) => DateRange {
                start: Some(p.to_string()),
                end: Some(p.to_string()),
                precision: Some("day".into()),
            },
            (None, None) => DateRange::default(),
        };
        // Actors.
        let mut claims: Vec<Claim> = Vec::new();
        let mut perps: Vec<Perpetrator> = Vec::new();
        let mut sources: Vec<CitedSource> = Vec::new();
        for &s in &d.sents {
            let si = &info[s];
            let sent_text = doc.slice(doc.sents[s].t0, doc.sents[s].t1).to_string();
            let speaker = si.claims.first().map(|c| c.speaker.clone());
            for c in &si.claims {
                add(&mut ev, "claims", c.span);
                claims.push(Claim {
                    speaker: c.speaker.clone(),
                    speaker_role: c.role.clone(),
                    stance: c.stance.to_string(),
                    actor: c.actor.clone(),
                    text: sent_text.clone(),
                });
            }
            for p in &si.perps {
                if perps
                    .iter()
                    .any(|x| same_actor(&lex.determiners, &x.name, &p.name))
                {
                    continue;
                }
                // Only where something happened or someone speaks of it, or named as the doer
                // (or as the subject of a word of violence in a sentence that opens the
                // incident: "the CPN-M attacked a family. They threw a bomb, killing a child").
                // (Right before, and not told as background or another incident: "The
                // Taliban attacked a convoy last year. On Monday ..." is no opening.)
                let opening = !doc.caps
                    && si.strongest.is_some()
                    && !si.background
                    && !si.another
                    && d.event_sents.first().is_some_and(|&first| s + 1 == first);
                if !p.explicit && !in_draft_event(s) && si.claims.is_empty() && !opening {
                    continue;
                }
                let attributed_by = si
                    .claims
                    .iter()
                    .find(|c| {
                        c.actor
                            .as_deref()
                            .is_some_and(|a| a.contains(&p.name) || p.name.contains(a))
                    })
                    .map(|c| c.speaker.clone())
                    .or_else(|| speaker.clone());
                let responsibility = si
                    .claims
                    .iter()
                    .any(|c| c.stance == "claims_responsibility" && c.speaker == p.name);
                let denied = si
                    .claims
                    .iter()
                    .any(|c| c.stance == "denies" && c.actor.as_deref() == Some(p.name.as_str()));
                if denied {
                    continue;
                }
                add(&mut ev, "perpetrators", p.span);
                perps.push(Perpetrator {
                    name: p.name.clone(),
                    attributed_by: if responsibility {
                        Some(p.name.clone())
                    } else {
                        attributed_by
                    },
                });
            }
            for c in &si.sources {
                if sources.iter().any(|x| x.name == c.name) {
                    continue;
                }
                add(&mut ev, "cited_sources", c.span);
                sources.push(CitedSource {
                    name: c.name.clone(),
                    description: c.description.clone(),
                });
            }
        }
        // Accusations and claims of responsibility name perpetrators too.
        for c in &claims {
            if c.stance == "claims_responsibility"
                && !perps
                    .iter()
                    .any(|p| same_actor(&lex.determiners, &p.name, &c.speaker))
            {
                if let Some(spans) = ev.get("claims").cloned() {
                    for sp in spans {
                        add(&mut ev, "perpetrators", sp);
                    }
                }
                perps.push(Perpetrator {
                    name: c.speaker.clone(),
                    attributed_by: Some(c.speaker.clone()),
                });
            }
            if c.stance == "accuses" {
                if let Some(a) = &c.actor {
                    if !perps
                        .iter()
                        .any(|p| same_actor(&lex.determiners, &p.name, a))
                    {
                        if let Some(spans) = ev.get("claims").cloned() {
                            for sp in spans {
                                add(&mut ev, "perpetrators", sp);
                            }
                        }
                        perps.push(Perpetrator {
                            name: a.clone(),
                            attributed_by: Some(c.speaker.clone()),
                        });
                    }
                }
            }
        }
        // In a long report, counts with no word of violence are statistics, not an incident.
        if strength == 0 && doc.text.len() > SHORT_REPORT {
            return None;
        }
        if strength < 2
            && killed.is_unknown()
            && injured.is_unknown()
            && targets.is_empty()
            && doc.text.len() > SHORT_REPORT
            && !d.event_sents.iter().any(|s| info[*s].claimed)
        {
            return None;
        }
        let sal = 2.0 * d.event_sents.len() as f32
            + (killed.low.unwrap_or(0).min(100) as f32) / 20.0
            + (injured.low.unwrap_or(0).min(100) as f32) / 40.0
            + claims.len() as f32
            + if location.is_some() { 1.0 } else { 0.0 };
        // In a long report, an incident is anchored in a count, a place of its own, a date or a
        // target; violence named with none of them is talk about violence.
        let own_place = d.event_sents.iter().any(|x| {
            info[*x]
                .places
                .iter()
                .any(|c| !cands[*c].weak && cands[*c].precision <= Precision::Town)
        });
        let dated = d.sents.iter().any(|x| !info[*x].dates.is_empty());
        // A claim of responsibility for it anchors it too.
        let claimed = claims.iter().any(|c| c.stance == "claims_responsibility");
        let anchored = !killed.is_unknown()
            || !injured.is_unknown()
            || own_place
            || dated
            || claimed
            || !targets.is_empty();
        if doc.text.len() > SHORT_REPORT && !anchored {
            return None;
        }
        for spans in ev.values_mut() {
            spans.sort_unstable();
            spans.dedup();
        }
        Some((
            Incident {
                event_type,
                weapons,
                targets,
                date,
                location,
                killed,
                injured,
                perpetrators: perps,
                cited_sources: sources,
                claims,
                evidence: ev,
            },
            sal,
        ))
    }
}

/// Do two actor phrases name the same actor ("The PLO" and "PLO")? Equal but for case, a
/// leading article (`syntax.determiners`) and line breaks.
fn same_actor(determiners: &[String], a: &str, b: &str) -> bool {
    let key = |s: &str| {
        let words: Vec<String> = s.split_whitespace().map(str::to_lowercase).collect();
        let skip = usize::from(words.first().is_some_and(|w| determiners.contains(w)));
        words[skip..].join(" ")
    };
    key(a) == key(b)
}

/// Does the report say its incident is one of several ("one of four bombings", "part of a
/// series of attacks")?
fn part_of_series(doc: &Doc) -> bool {
    let len = doc.toks.len();
    if doc.any_in(0, len, |t| t == Tag::SeriesCue) {
        return true;
    }
    if !doc.any_in(0, len, |t| t == Tag::OneOf) {
        return false;
    }
    (0..len).any(|i| {
        let Some(h) = doc.find(i, |t| t == Tag::OneOf) else {
            return false;
        };
        let j = i + h.len;
        let Some(n) = parse_at(doc, j, doc.toks.len()) else {
            return false;
        };
        n.low.is_some_and(|v| v > 1)
            && (n.t1..(n.t1 + 4).min(doc.toks.len())).any(|k| {
                doc.find(k, |t| matches!(t, Tag::Trigger(_) | Tag::Weapon(_)))
                    .is_some()
            })
    })
}

fn add(ev: &mut BTreeMap<String, Vec<Span>>, k: &str, s: Span) {
    match ev.get_mut(k) {
        Some(v) => v.push(s),
        None => {
            ev.insert(k.to_string(), vec![s]);
        }
    }
}

fn count(
    doc: &Doc,
    info: &[SentInfo],
    d: &Draft,
    kind: CasKind,
    key: &str,
    ev: &mut BTreeMap<String, Vec<Span>>,
) -> Count {
    // (A statement that nobody was hurt counts from any sentence of the incident: "A bomb
    // went off at the bank. There were no casualties.")
    let facts: Vec<&Cas> = d
        .event_sents
        .iter()
        .flat_map(|s| info[*s].cas.iter())
        .chain(
            d.sents
                .iter()
                .filter(|s| !d.event_sents.contains(s))
                .flat_map(|s| info[*s].cas.iter().filter(|c| c.zero)),
        )
        .filter(|c| c.kind == kind)
        .collect();
    let counts = |perp: bool| {
        facts
            .iter()
            .filter(move |c| !c.zero && !c.subset && !c.additional && (perp || !c.perp))
            .min_by_key(|c| c.span[0])
    };
    // Two different tolls for one incident ("five were killed ... twelve died"): the report does
    // not settle it, and a wrong number of dead is worse than none. The count stays unknown; the
    // disputed statements are kept as evidence under "<key>_disputed" for a reviewer.
    let tolls: Vec<&&Cas> = facts
        .iter()
        .filter(|c| !c.zero && !c.subset && !c.additional && !c.perp && c.low.is_some())
        .collect();
    // One victim told after a larger toll ("injuring three people ... seriously injured a girl")
    // is one of them, not another toll.
    let tolls: Vec<&&Cas> = match tolls.first() {
        Some(first) if first.low.is_some_and(|v| v > 1) => tolls
            .iter()
            .copied()
            .filter(|c| {
                std::ptr::eq(**c, **first)
                    || !(c.low == Some(1) && c.high == Some(1) && c.span[0] > first.span[1])
            })
            .collect(),
        _ => tolls,
    };
    if tolls.iter().any(|c| c.low != tolls[0].low) {
        let disputed = format!("{key}_disputed");
        for c in &tolls {
            add(ev, &disputed, c.span);
        }
        // Unless each figure is one named source's and the sources differ ("21, the civil
        // defence said ... 16, according to the Observatory"): then the figures bound the toll.
        let source_of = |c: &Cas| -> Option<&str> {
            let s = d
                .event_sents
                .iter()
                .find(|&&s| info[s].cas.iter().any(|x| std::ptr::eq(x, c)))?;
            match info[*s].sources.as_slice() {
                [one] => Some(one.name.as_str()),
                _ => None,
            }
        };
        let named: Vec<(&str, &Cas)> = tolls
            .iter()
            .filter_map(|c| source_of(c).map(|n| (n, **c)))
            .collect();
        // A figure with no named source that repeats a named one is that source's.
        let repeats = tolls
            .iter()
            .all(|c| source_of(c).is_some() || named.iter().any(|(_, x)| x.low == c.low));
        let said = repeats.then_some(named);
        if let Some(said) = said {
            let one_figure_each = said.iter().all(|(n, c)| {
                said.iter()
                    .filter(|(m, _)| m == n)
                    .all(|(_, x)| x.low == c.low)
            });
            let sources: std::collections::BTreeSet<&str> = said.iter().map(|(n, _)| *n).collect();
            if one_figure_each && sources.len() >= 2 {
                let low = said.iter().filter_map(|(_, c)| c.low).min();
                let high = said
                    .iter()
                    .map(|(_, c)| c.high.or(c.low))
                    .try_fold(0u32, |m, h| h.map(|h| m.max(h)));
                let high = high.filter(|_| tolls.iter().all(|c| c.high.is_some()));
                for c in &tolls {
                    add(ev, key, c.span);
                }
                return Count { low, high };
            }
        }
        return Count::default();
    }
    // The victims' count first; the attackers' dead stated apart add to it ("both gunmen were
    // killed"), as do counts said to come on top ("two more died").
    let base = counts(false).or_else(|| counts(true));
    let adds: Vec<&&Cas> = match base {
        Some(b) => facts
            .iter()
            .filter(|c| {
                c.additional && c.span[0] > b.span[1]
                    || c.perp
                        && !b.perp
                        && !c.zero
                        && !c.subset
                        && !c.additional
                        && (c.span[1] <= b.span[0] || c.span[0] >= b.span[1])
            })
            .collect(),
        None => Vec::new(),
    };
    if base.is_none() {
        // Only "also" counts ("his driver was also killed"): they presuppose at least one
        // victim the text names without a count, so the toll is at least one more. Not so for
        // "a further 60 injured", which adds to a count of another kind.
        let also: Vec<&&Cas> = facts
            .iter()
            .filter(|c| c.additional && !c.zero && !c.subset)
            .collect();
        let presupposes = !also.is_empty()
            && also.iter().all(|c| {
                let (a, b) = (
                    doc.toks.partition_point(|t| t.end <= c.span[0]),
                    doc.toks.partition_point(|t| t.start < c.span[1]),
                );
                // ("four were killed and ten more wounded": more than the dead, a count of
                // another kind earlier in the sentence.)
                let after_other_kind = d.event_sents.iter().any(|&s| {
                    info[s].cas.iter().any(|x| std::ptr::eq(x, **c))
                        && info[s].cas.iter().any(|x| {
                            x.kind != kind && !x.zero && x.low.is_some() && x.span[1] <= c.span[0]
                        })
                });
                (a..b).any(|k| doc.is(k, |t| t == Tag::Additive))
                    && !(a..b).any(|k| doc.find(k, |t| matches!(t, Tag::Qualifier(_))).is_some())
                    && !after_other_kind
            });
        if presupposes {
            let mut low = Some(1u32);
            for c in &also {
                low = low.zip(c.low).map(|(x, y)| x.saturating_add(y));
                add(ev, key, c.span);
            }
            return Count { low, high: None };
        }
    }
    if let Some(b) = base.or_else(|| facts.iter().find(|c| c.additional && !c.zero)) {
        let mut low = b.low;
        let mut high = b.high;
        add(ev, key, b.span);
        for a in adds {
            low = low.zip(a.low).map(|(x, y)| x.saturating_add(y));
            high = high.zip(a.high).map(|(x, y)| x.saturating_add(y));
            add(ev, key, a.span);
        }
        return Count { low, high };
    }
    // Only parts of the toll ("four of the bodies were mutilated", "two of the dead were
    // soldiers"): at least the largest part.
    if let Some(part) = facts
        .iter()
        .filter(|c| c.subset && !c.zero && !c.perp && c.low.is_some())
        .max_by_key(|c| c.low)
    {
        add(ev, key, part.span);
        return Count {
            low: part.low,
            high: None,
        };
    }
    if let Some(z) = facts.iter().find(|c| c.zero) {
        add(ev, key, z.span);
        return Count::exact(0);
    }
    Count::default()
}

/// The text the gazetteer reads: sentences that tell of no incident are blanked out (same byte
/// length, so offsets hold), which saves most of the look-up time on long reports.
fn place_text<'a>(doc: &Doc<'a>, info: &[SentInfo]) -> std::borrow::Cow<'a, str> {
    let n = doc.sents.len();
    if doc.text.len() <= SHORT_REPORT || n == 0 {
        return std::borrow::Cow::Borrowed(doc.text);
    }
    let mut keep = vec![false; n];
    for (si, s) in info.iter().enumerate() {
        if s.event || !s.claims.is_empty() {
            keep[si] = true;
        }
    }
    // The opening (headline, dateline) names the report's country.
    for k in keep.iter_mut().take(2) {
        *k = true;
    }
    let mut out = String::with_capacity(doc.text.len());
    let mut pos = 0;
    for (si, s) in doc.sents.iter().enumerate() {
        let [a, b] = doc.span(s.t0, s.t1);
        out.push_str(&doc.text[pos..a]);
        if keep[si] && !s.excluded {
            out.push_str(&doc.text[a..b]);
        } else {
            out.extend(std::iter::repeat_n(' ', b - a));
        }
        pos = b;
    }
    out.push_str(&doc.text[pos..]);
    std::borrow::Cow::Owned(out)
}

/// Whether a place name at bytes `start..end` heads the report as its country ("PERU." or
/// "SYRIA -" at the very start): it opens the text and punctuation follows, so it is not the
/// first word of a longer name ("Israel Defense Forces soldiers found ...").
fn heads(text: &str, start: usize, end: usize) -> bool {
    let opens = start < 3 && text.get(..start).is_some_and(|h| h.trim().is_empty());
    let rest = text
        .get(end..)
        .unwrap_or_default()
        .trim_start_matches([' ', '\t']);
    opens
        && rest
            .chars()
            .next()
            .is_none_or(|c| matches!(c, '.' | '-' | ':' | ',' | '\n' | '\u{2013}' | '\u{2014}'))
}

/// A town this large is known beyond its country: a name read as it is a place even in
/// upper-case text.
const NOTABLE_TOWN: u64 = 100_000;

/// Can `c` lie in `town`: a name the gazetteer does not know, or a part of a town (a district
/// the gazetteer reads as a province or a place abroad, or a smaller town of the same country)?
/// A part is smaller than its whole: "the commercial district of Lima" names no district.
fn part_of(c: &PlaceCand, town: &Place) -> bool {
    match &c.place {
        None => true,
        Some(p) => {
            c.part
                && (p.precision > Precision::Town
                    || p.country_code != town.country_code
                    || p.precision == Precision::Town && p.population < town.population)
        }
    }
}

/// Whether a place name at bytes `start..end` opens a wire dateline ("BOGOTA, 24 AUG 89 (AFP)
/// --", "KABUL (Reuters) -"): it opens the text, a comma or a parenthesis follows, and a dash
/// closes the dateline soon after.
fn dateline_place(text: &str, start: usize, end: usize) -> bool {
    let opens = text.get(..start).is_some_and(|h| h.trim().is_empty());
    let rest = text.get(end..).unwrap_or_default();
    let head: &str = {
        let mut cut = rest.len().min(60);
        while !rest.is_char_boundary(cut) {
            cut -= 1;
        }
        &rest[..cut]
    };
    opens
        && head.starts_with([',', ' ', '('])
        && head.trim_start().starts_with([',', '('])
        && (head.contains("--") || head.contains(" - ") || head.contains('\u{2014}'))
}

/// A city this large is the place its name means, whatever other countries the report names
/// ("the Iranian embassy in Baghdad" is in Baghdad, Iraq).
const NOTABLE_CITY: u64 = 1_000_000;

/// The reading of a mention in the report's country, when the gazetteer offered one (a city of
/// a million people keeps its reading).
fn pick_in_country(m: &PlaceMention, cc: Option<&str>) -> Place {
    match cc {
        Some(cc) if m.place.country_code != cc && m.place.population < NOTABLE_CITY => m
            .alternatives
            .iter()
            .find(|p| p.country_code == cc && p.precision != Precision::Country)
            .unwrap_or(&m.place)
            .clone(),
        _ => m.place.clone(),
    }
}

/// A gazetteer name given in two languages ("Donostia / San Sebastián", "Gasteiz / Vitoria"):
/// the one the text writes, when it writes one of them; else the name as it is.
fn written_name(name: &str, written: Option<&str>) -> String {
    match written {
        Some(w) if name.contains(" / ") => name
            .split(" / ")
            .find(|part| attest_geo::same_name(part, w))
            .unwrap_or(name)
            .to_string(),
        _ => name.to_string(),
    }
}

/// How far from a province's centre a town said with it may lie and still be read as inside
/// it (when the gazetteer's admin-1 names differ, as for second-level divisions).
const ADMIN_TOWN_KM: f64 = 80.0;

/// Great-circle distance in km.
fn haversine_km(lat1: f64, lon1: f64, lat2: f64, lon2: f64) -> f64 {
    let (p1, p2) = (lat1.to_radians(), lat2.to_radians());
    let dp = p2 - p1;
    let dl = (lon2 - lon1).to_radians();
    let a = (dp / 2.0).sin().powi(2) + p1.cos() * p2.cos() * (dl / 2.0).sin().powi(2);
    2.0 * 6371.0 * a.sqrt().asin()
}

/// Is token `i` a possessive ("Nepal's", "PERU'S")?
fn possessive_at(doc: &Doc, i: usize) -> bool {
    let r = doc.raw(i);
    r.ends_with("'s") || r.ends_with("'S") || r.ends_with("\u{2019}s")
}

/// A date in a wire dateline ("BOGOTA, 26 SEP 89 (DPA) --"): the filing date, not the incident's.
fn dateline(doc: &Doc, h: &DateHit) -> bool {
    h.t0 < 12
        && (h.t1..(h.t1 + 8).min(doc.toks.len())).any(|k| {
            doc.is_punct(k, "-") && k + 1 < doc.toks.len() && doc.is_punct(k + 1, "-")
                || doc.is_punct(k, "\u{2014}")
        })
}

fn norm(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}
/// The act told nearest to a date, by token distance (either side).
fn nearest_act(acts: &[(u16, usize, usize)], d: &DateHit) -> Option<(u16, usize, usize)> {
    acts.iter().copied().min_by_key(|&x| act_distance(x, d))
}

/// Tokens between an act and a date.
fn act_distance((_, a, b): (u16, usize, usize), d: &DateHit) -> usize {
    if b <= d.t0 {
        d.t0 - b
    } else {
        a.saturating_sub(d.t1)
    }
}
