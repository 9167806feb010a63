//! The pipeline: sentences, per-sentence facts, incidents, salience.

use crate::actors::{self, ClaimHit, PerpHit, SourceHit, Speaker};
use crate::casualties::{casualties, Cas, CasKind};
use crate::dates::{dates, parse_published, DateHit};
use crate::events::{priority, sentence_events, SentEvents};
use crate::lexicon::{Lexicon, Tag};
use crate::places::cue_places;
use crate::text::Doc;
use attest_geo::{Gazetteer, Place, PlaceMention, Precision};
use attest_model::{CitedSource, Claim, Count, DateRange, Incident, Location, Perpetrator, Span};
use std::collections::BTreeMap;
use std::sync::Arc;

/// Vague quantities below this ("several", "a few") are too loose to report as a count.
const MIN_VAGUE_COUNT: u32 = 10;

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
    /// Every place mention the gazetteer found in the text (for `--explain`).
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
}

#[derive(Debug, Default)]
struct Draft {
    sents: Vec<usize>,
    event_sents: Vec<usize>,
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

    /// Reads one report. Never fails: a text without incidents gives an empty list.
    pub fn extract(&self, doc_in: &Document) -> Extraction {
        let lex = &self.lex;
        let doc = Doc::new(doc_in.text, lex);
        let published = doc_in.published.and_then(parse_published);
        let mut graphic = doc.graphic;
        if let Some(title) = doc_in.title {
            graphic |= Doc::new(title, lex).graphic;
        }
        let mut info: Vec<SentInfo> = Vec::with_capacity(doc.sents.len());
        let mut cues = Vec::new();
        let mut known: Vec<Speaker> = Vec::new();
        for (si, s) in doc.sents.iter().enumerate() {
            if s.excluded {
                info.push(SentInfo::default());
                continue;
            }
            let (t0, t1) = (s.t0, s.t1);
            let ev = sentence_events(&doc, t0, t1);
            let cas: Vec<Cas> = casualties(&doc, t0, t1)
                .into_iter()
                .filter(|c| !(c.vague && c.low.unwrap_or(0) < MIN_VAGUE_COUNT))
                .collect();
            let strongest = ev.strongest(lex);
            let counts = cas.iter().any(|c| !c.zero);
            let has_target = !ev.targets.is_empty();
            let event = match strongest {
                Some((st, _)) if st >= 2 => true,
                Some(_) => counts || has_target,
                None => counts,
            };
            cues.extend(cue_places(&doc, t0, t1).into_iter().map(|cp| (si, cp)));
            info.push(SentInfo {
                ev,
                cas,
                places: Vec::new(),
                dates: dates(&doc, t0, t1, published)
                    .into_iter()
                    .filter(|h| !dateline(&doc, h))
                    .collect(),
                perps: actors::perpetrators(&doc, t0, t1),
                claims: actors::claims(&doc, t0, t1, &mut known),
                sources: actors::sources(&doc, t0, t1),
                strongest,
                event,
            });
        }
        // Places are looked up only in reports that tell of an incident.
        let mentions = if info.iter().any(|s| s.event) {
            self.gaz.locate(doc_in.text)
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
        let after_prep = |byte: usize| {
            let k = tok_at(byte);
            k > 0 && doc.is(k - 1, |t| t == Tag::PlacePreposition)
        };
        let mut cands: Vec<PlaceCand> = Vec::new();
        for m in &mentions {
            let Some(s) = sent_of(m.start) else { continue };
            if doc.sents[s].excluded {
                continue;
            }
            let k = tok_at(m.start);
            let k_end = tok_at(m.end);
            // A title before it ("Mr Kerry", "President Assad"): a person, not a place.
            if k > 0
                && doc.is(k - 1, |t| matches!(t, Tag::Title | Tag::Courtesy))
                && doc.capword(k - 1)
            {
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
            cands.push(PlaceCand {
                start: m.start,
                end: m.end,
                mention: m.mention.clone(),
                place: Some(m.place.clone()),
                precision: m.place.precision,
                weak: false,
                sent: s,
                confidence: m.confidence,
                after_prep: after_prep(m.start),
            });
        }
        for (si, cp) in cues {
            // A cue-found name longer than a gazetteer match inside it wins ("the Bar
            // al-Nairab area" over "Bar").
            if !cp.weak {
                cands.retain(|c| {
                    !(c.start < cp.end
                        && cp.start < c.end
                        && c.end - c.start < cp.end - cp.start
                        && c.precision != Precision::Country)
                });
            }
            let overlaps = cands.iter().any(|c| c.start < cp.end && cp.start < c.end);
            if !overlaps {
                let ap = after_prep(cp.start);
                cands.push(PlaceCand {
                    start: cp.start,
                    end: cp.end,
                    mention: cp.mention,
                    place: None,
                    precision: cp.precision,
                    weak: cp.weak,
                    sent: si,
                    confidence: 0.5,
                    after_prep: ap,
                });
            }
        }
        // A place in a speaker's phrase ("an official in Damascus") is where they speak from.
        let speakers: Vec<[usize; 2]> = info
            .iter()
            .flat_map(|s| s.claims.iter().map(|c| c.speaker_span))
            .collect();
        cands.retain(|c| !speakers.iter().any(|sp| sp[0] <= c.start && c.end <= sp[1]));
        cands.sort_by_key(|c| c.start);
        for (ci, c) in cands.iter().enumerate() {
            if let Some(si) = info.get_mut(c.sent) {
                si.places.push(ci);
            }
        }
        let drafts = self.segment(&doc, &info, &cands);
        let doc_country = self.doc_country(&doc, &cands);
        let mut scored: Vec<(f32, usize, Incident)> = drafts
            .iter()
            .enumerate()
            .filter_map(|(n, d)| {
                self.finish(&doc, &info, &cands, d, published, doc_country.as_deref())
                    .map(|(inc, sal)| (sal + if n == 0 { 4.0 } else { 0.0 }, n, inc))
            })
            .collect();
        scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
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
                let back = drafts.iter().position(|d| {
                    !self.conflicts(doc, info, cands, d, si) && self.same_kind(info, d, si)
                });
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
                drafts[c].sents.push(si);
                drafts[c].event_sents.push(si);
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

    fn draft_type(&self, info: &[SentInfo], d: &Draft) -> Option<(u8, String)> {
        d.event_sents
            .iter()
            .filter_map(|&s| info[s].strongest)
            .map(|(st, id)| (st, self.lex.triggers[id].event.clone()))
            .max_by_key(|(st, ev)| (*st, std::cmp::Reverse(priority(&self.lex, ev))))
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
        let anchored = d.event_sents.iter().any(|x| {
            info[*x].strongest.is_some_and(|(st, _)| st >= 2)
                || info[*x].cas.iter().any(|c| !c.zero)
        });
        if !anchored {
            return false;
        }
        // Another town.
        let town = |ci: &usize| {
            let c = &cands[*ci];
            !c.weak && c.precision == Precision::Town
        };
        let here: Vec<String> = s
            .places
            .iter()
            .filter(|c| town(c))
            .map(|c| norm(&cands[*c].mention))
            .collect();
        let there: Vec<String> = d
            .event_sents
            .iter()
            .flat_map(|x| info[*x].places.iter())
            .filter(|c| town(c))
            .map(|c| norm(&cands[*c].mention))
            .collect();
        if strong_trigger
            && !here.is_empty()
            && !there.is_empty()
            && !here.iter().any(|h| there.contains(h))
        {
            return true;
        }
        // Another death toll.
        let killed = |cs: &[Cas]| {
            cs.iter()
                .find(|c| c.kind == CasKind::Killed && !c.zero && !c.additional && !c.subset)
                .and_then(|c| c.low)
        };
        let mine = killed(&s.cas);
        let theirs = d.event_sents.iter().find_map(|x| killed(&info[*x].cas));
        if strong_trigger {
            if let (Some(a), Some(b)) = (mine, theirs) {
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
            if *ev != dev && st >= 2 && dst >= 2 && anchored && (new_para || (st >= 3 && dst >= 3))
            {
                // The same sentence pair rarely mixes: an air strike with a shelling is one raid.
                let related = matches!(
                    (ev.as_str(), dev.as_str()),
                    ("air_strike", "shelling")
                        | ("shelling", "air_strike")
                        | ("bombing", "suicide_bombing")
                        | ("suicide_bombing", "bombing")
                );
                if !(related || dev == "armed_attack" && dst == 2 && !new_para) {
                    return true;
                }
            }
        }
        false
    }

    /// The country the report is about: most named among the gazetteer's places, else the
    /// nationality words.
    fn doc_country(&self, doc: &Doc, cands: &[PlaceCand]) -> Option<String> {
        let mut votes: BTreeMap<String, (u32, usize)> = BTreeMap::new();
        for (n, c) in cands.iter().enumerate() {
            if let Some(p) = &c.place {
                // A leading "PERU." or "SYRIA -" is the report's country.
                let w = if p.precision == Precision::Country && c.start < 3 {
                    50
                } else if p.precision == Precision::Country {
                    5
                } else {
                    (c.confidence * 10.0) as u32 + if c.after_prep { 5 } else { 0 }
                };
                let e = votes.entry(p.country_code.clone()).or_insert((0, n));
                e.0 += w;
            }
        }
        if votes.is_empty() {
            for i in 0..doc.toks.len() {
                for h in doc.hits(i) {
                    if let Tag::Demonym(id) = h.tag {
                        let s = doc.sents.partition_point(|s| s.t0 <= i);
                        if s > 0 && doc.sents[s - 1].excluded {
                            continue;
                        }
                        let cc = self.lex.demonyms[id as usize].clone();
                        let e = votes.entry(cc).or_insert((0, i));
                        e.0 += 1;
                    }
                }
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
                if t.event == event_type && t.strength == strength {
                    add(&mut ev, "event_type", doc.span(a, b));
                }
                for w in &t.weapons {
                    if t.strength >= 2 || t.event == event_type {
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
        let killed = count(info, d, CasKind::Killed, "killed", &mut ev);
        let injured = count(info, d, CasKind::Injured, "injured", &mut ev);
        // Location: the best-supported, finest place of the incident's sentences.
        let score = |c: &PlaceCand| -> f32 {
            let strong = info[c.sent].strongest.is_some_and(|(st, _)| st >= 2)
                || info[c.sent].cas.iter().any(|x| !x.zero);
            let in_event =
                d.event_sents.contains(&c.sent) && strong || (c.place.is_none() && !c.weak);
            let country_ok = match (&c.place, doc_country) {
                (Some(p), Some(cc)) => p.country_code == cc,
                _ => true,
            };
            let fine = match c.precision {
                Precision::Site => 2.0,
                Precision::District => 1.5,
                Precision::Town => 1.0,
                Precision::Admin1 => 0.5,
                Precision::Country => 0.0,
            };
            3.0 * f32::from(u8::from(in_event))
                + 1.5 * f32::from(u8::from(c.after_prep))
                + 2.0 * f32::from(u8::from(country_ok))
                + fine
                + 2.0 * c.confidence
                - if c.weak { 2.5 } else { 0.0 }
        };
        let loc_cand = d
            .sents
            .iter()
            .flat_map(|s| info[*s].places.iter().copied())
            .filter(|c| {
                cands[*c].confidence >= 0.3 && !cands[*c].weak
                    || d.event_sents.contains(&cands[*c].sent)
            })
            .max_by(|a, b| {
                score(&cands[*a])
                    .total_cmp(&score(&cands[*b]))
                    .then(b.cmp(a))
            })
            .or_else(|| {
                // The report's main place: the first of its country.
                cands.iter().position(|c| {
                    !c.weak
                        && c.place.as_ref().is_some_and(|p| {
                            Some(p.country_code.as_str()) == doc_country
                                && p.precision != Precision::Country
                        })
                        && c.confidence >= 0.3
                })
            });
        // A district or site the gazetteer does not know, named near the chosen town ("the Bar
        // al-Nairab area of the city"), refines it: its mention, the town's coordinates.
        let refine = loc_cand.and_then(|best| {
            let best_score = score(&cands[best]);
            d.sents
                .iter()
                .flat_map(|s| info[*s].places.iter().copied())
                .filter(|c| {
                    let x = &cands[*c];
                    x.place.is_none()
                        && !x.weak
                        && x.precision <= Precision::District
                        && score(x) >= best_score - 3.0
                })
                .max_by(|a, b| score(&cands[*a]).total_cmp(&score(&cands[*b])))
        });
        let base_place = loc_cand
            .and_then(|c| cands[c].place.clone())
            .filter(|p| p.precision == Precision::Town);
        let location = match (refine, base_place) {
            (Some(ri), Some(town)) => {
                let r = &cands[ri];
                add(&mut ev, "location", [r.start, r.end]);
                Some(Location {
                    mention: r.mention.clone(),
                    name: Some(town.name.clone()),
                    admin1: town.admin1.clone(),
                    country: self
                        .gaz
                        .country_name(&town.country_code)
                        .map(str::to_string),
                    country_code: Some(town.country_code.clone()),
                    lat: Some(town.lat),
                    lon: Some(town.lon),
                    precision: Some(r.precision.as_str().to_string()),
                    geonameid: None,
                })
            }
            _ => None,
        };
        let location = location.or_else(|| {
            loc_cand.map(|ci| {
                let c = &cands[ci];
                add(&mut ev, "location", [c.start, c.end]);
                match &c.place {
                    Some(p) => Location {
                        mention: c.mention.clone(),
                        name: Some(p.name.clone()),
                        admin1: p.admin1.clone(),
                        country: self.gaz.country_name(&p.country_code).map(str::to_string),
                        country_code: Some(p.country_code.clone()),
                        lat: Some(p.lat),
                        lon: Some(p.lon),
                        precision: Some(p.precision.as_str().to_string()),
                        geonameid: p.geonameid,
                    },
                    None => {
                        // A district of the incident's town takes the town's country.
                        let cc = d
                            .sents
                            .iter()
                            .flat_map(|s| info[*s].places.iter())
                            .filter_map(|x| cands[*x].place.as_ref())
                            .map(|p| p.country_code.clone())
                            .next()
                            .or_else(|| doc_country.map(str::to_string));
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
        let location = location.or_else(|| {
            doc_country.map(|cc| Location {
                mention: String::new(),
                name: None,
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
                if perps.iter().any(|x| x.name == p.name) {
                    continue;
                }
                // Only where something happened or someone speaks of it.
                if !si.event && si.claims.is_empty() {
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
        // Accusations name perpetrators too.
        for c in &claims {
            if c.stance == "accuses" {
                if let Some(a) = &c.actor {
                    if !perps.iter().any(|p| &p.name == a) {
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
        if strength < 2 && killed.is_unknown() && injured.is_unknown() && targets.is_empty() {
            return None;
        }
        let sal = 2.0 * d.event_sents.len() as f32
            + (killed.low.unwrap_or(0).min(100) as f32) / 20.0
            + (injured.low.unwrap_or(0).min(100) as f32) / 40.0
            + claims.len() as f32
            + if location.is_some() { 1.0 } else { 0.0 };
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

fn add(ev: &mut BTreeMap<String, Vec<Span>>, k: &str, s: Span) {
    let v = ev.entry(k.to_string()).or_default();
    if !v.contains(&s) {
        v.push(s);
    }
}

fn count(
    info: &[SentInfo],
    d: &Draft,
    kind: CasKind,
    key: &str,
    ev: &mut BTreeMap<String, Vec<Span>>,
) -> Count {
    let facts: Vec<&Cas> = d
        .event_sents
        .iter()
        .flat_map(|s| info[*s].cas.iter())
        .filter(|c| c.kind == kind)
        .collect();
    let base = facts
        .iter()
        .filter(|c| !c.zero && !c.subset && !c.additional)
        .max_by_key(|c| (c.low.unwrap_or(0), c.high.unwrap_or(0)));
    let adds: Vec<&&Cas> = match base {
        Some(b) => facts
            .iter()
            .filter(|c| c.additional && c.span[0] > b.span[1])
            .collect(),
        None => Vec::new(),
    };
    if let Some(b) = base.or_else(|| facts.iter().find(|c| c.additional && !c.zero)) {
        let mut low = b.low;
        let mut high = b.high;
        add(ev, key, b.span);
        for a in adds {
            low = low.zip(a.low).map(|(x, y)| x + y);
            high = high.zip(a.high).map(|(x, y)| x + y);
            add(ev, key, a.span);
        }
        return Count { low, high };
    }
    if let Some(z) = facts.iter().find(|c| c.zero) {
        add(ev, key, z.span);
        return Count::exact(0);
    }
    Count::default()
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
