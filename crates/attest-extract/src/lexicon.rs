//! Lexicons: the domain knowledge the extractor uses, loaded from versioned TOML files
//! (`lexicons/` at the repository root, embedded at build time) and optionally extended by a user
//! directory with the same layout.
//!
//! Every file of a language is merged into one TOML table before it is read: tables merge key by
//! key, arrays are concatenated and other values are replaced, so a user file only needs to carry
//! what it adds or changes.

use crate::text::tokenize;
use crate::ExtractError;
use serde::Deserialize;
use std::collections::{BTreeMap, HashMap};
use std::path::Path;

const MANIFEST: &str = include_str!("../../../lexicons/manifest.toml");
const EMBEDDED_EN: &[(&str, &str)] = &[
    (
        "numbers.toml",
        include_str!("../../../lexicons/en/numbers.toml"),
    ),
    (
        "dates.toml",
        include_str!("../../../lexicons/en/dates.toml"),
    ),
    (
        "sentences.toml",
        include_str!("../../../lexicons/en/sentences.toml"),
    ),
    (
        "events.toml",
        include_str!("../../../lexicons/en/events.toml"),
    ),
    (
        "casualties.toml",
        include_str!("../../../lexicons/en/casualties.toml"),
    ),
    (
        "actors.toml",
        include_str!("../../../lexicons/en/actors.toml"),
    ),
    (
        "furniture.toml",
        include_str!("../../../lexicons/en/furniture.toml"),
    ),
    (
        "places.toml",
        include_str!("../../../lexicons/en/places.toml"),
    ),
    (
        "groups.toml",
        include_str!("../../../lexicons/en/groups.toml"),
    ),
];

#[derive(Debug, Deserialize)]
struct Manifest {
    version: String,
}

/// The raw, merged data of one language.
#[derive(Debug, Deserialize)]
pub(crate) struct LangData {
    pub(crate) numbers: NumbersData,
    pub(crate) dates: DatesData,
    pub(crate) sentences: SentencesData,
    pub(crate) events: EventsData,
    pub(crate) casualties: CasualtiesData,
    pub(crate) actors: ActorsData,
    pub(crate) claims: ClaimsData,
    pub(crate) sources: SourcesData,
    pub(crate) furniture: FurnitureData,
    pub(crate) places: PlacesData,
    pub(crate) syntax: SyntaxData,
}

#[derive(Debug, Deserialize)]
pub(crate) struct NumbersData {
    pub(crate) cardinals: BTreeMap<String, u32>,
    pub(crate) scales: BTreeMap<String, u32>,
    pub(crate) vague: BTreeMap<String, u32>,
    pub(crate) singular: WordList,
    pub(crate) qualifiers: BTreeMap<String, Qualifier>,
    pub(crate) range: RangeData,
}

#[derive(Debug, Deserialize)]
pub(crate) struct WordList {
    pub(crate) words: Vec<String>,
}

#[derive(Debug, Deserialize)]
pub(crate) struct RangeData {
    pub(crate) joiners: Vec<String>,
    pub(crate) openers: Vec<String>,
    pub(crate) conjunctions: Vec<String>,
}

/// What a qualifier does to the number after it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub(crate) enum Qualifier {
    /// At least n.
    Min,
    /// At most n.
    Max,
    /// About n.
    Approx,
    /// Exactly n, all of a group ("all four").
    Exact,
    /// n more than an earlier count.
    Additional,
}

#[derive(Debug, Deserialize)]
pub(crate) struct DatesData {
    pub(crate) months: BTreeMap<String, u32>,
    pub(crate) weekdays: BTreeMap<String, u32>,
    pub(crate) relative: BTreeMap<String, u32>,
    pub(crate) weekday_cues: WordList,
    /// Periods counted back from publication ("three years ago", "last month"): word -> days.
    #[serde(default)]
    pub(crate) periods: BTreeMap<String, u32>,
    /// Words after a period that count it back ("ago").
    #[serde(default)]
    pub(crate) ago: Vec<String>,
    /// Words before a period that mean the one before the current ("last year").
    #[serde(default)]
    pub(crate) previous: Vec<String>,
    /// Verbs whose date dates the sentence's subject, however far it is ("the massacre, in
    /// which ..., took place in 1982").
    #[serde(default)]
    pub(crate) occurrence: Vec<String>,
}

#[derive(Debug, Deserialize)]
pub(crate) struct SentencesData {
    pub(crate) abbreviations: Vec<String>,
}

#[derive(Debug, Deserialize)]
pub(crate) struct EventsData {
    pub(crate) priority: Vec<String>,
    pub(crate) related: Vec<Vec<String>>,
    /// Words telling that victims were found dead ("his body was found").
    #[serde(default)]
    pub(crate) found_dead: Vec<String>,
    /// Event types whose victims, found dead in a later sentence, are still this incident's
    /// ("kidnapped ...; his body was found").
    #[serde(default)]
    pub(crate) found_dead_after: Vec<String>,
    pub(crate) generic: String,
    /// Words that make a sentence's deaths an accident or a disaster, not violence.
    #[serde(default)]
    pub(crate) not_violence: Vec<String>,
    /// Words shortly before a trigger that say the violence did not, or not yet, happen, or
    /// speak of it in general ("threatened to kill", "a wave of bombings").
    #[serde(default)]
    pub(crate) unreal: Vec<String>,
    /// Words right before a trigger that make it a process under way, not an act ("civilians
    /// are being killed"); further from it they read as anything else ("are being blamed for
    /// planting a bomb").
    #[serde(default)]
    pub(crate) unreal_next: Vec<String>,
    /// Words joining two acts that share what is said of the first ("threatened to kidnap and
    /// kill", "a wave of kidnapping and murder", "did not kill or injure").
    #[serde(default)]
    pub(crate) coordinators: Vec<String>,
    /// Words just after a trigger that aim it at no one ("fired into the air").
    #[serde(default)]
    pub(crate) aimless: Vec<String>,
    /// Nouns right after a trigger that make it a modifier of something that is no act ("a
    /// kidnapping ring", "murder charges", "a bomb threat").
    #[serde(default)]
    pub(crate) modified_nouns: Vec<String>,
    /// Phrases holding a trigger word that name no violence ("hunger strike").
    #[serde(default)]
    pub(crate) not_acts: Vec<String>,
    /// The mark of an infinitive right before a trigger ("came to massacre the people"): a
    /// purpose, not an act ...
    #[serde(default)]
    pub(crate) infinitive: Vec<String>,
    /// ... unless the word before it makes the act real or tried ("tried to kill") or the mark
    /// a preposition ("subjected to shelling").
    #[serde(default)]
    pub(crate) infinitive_real: Vec<String>,
    /// Endings of a trigger that is a past participle ("kidnapped"): after an article and
    /// before people it qualifies them ("the kidnapped persons") rather than tell an act.
    #[serde(default)]
    pub(crate) participle_endings: Vec<String>,
    /// Words right before such a participle that make it an act after all ("the bodies of the
    /// murdered journalists").
    #[serde(default)]
    pub(crate) participle_real: Vec<String>,
    /// Subjects that, right before a trigger in its present form, make it a habit ("they
    /// kidnap and murder anyone who ...", "groups who attack students").
    #[serde(default)]
    pub(crate) habit_subjects: Vec<String>,
    /// Past forms of triggers that do not end like a participle ("they shot", "who struck").
    #[serde(default)]
    pub(crate) past_forms: Vec<String>,
    /// Endings of a trigger that make it a noun, not a verb, after "to" ("woke to shelling",
    /// "responded to gunfire"): no infinitive.
    #[serde(default)]
    pub(crate) noun_endings: Vec<String>,
    /// Words that open a clause of their own, which a word of `unreal` before them does not
    /// reach ("called for calm after a bomb killed", "recalled how gunmen opened fire").
    #[serde(default)]
    pub(crate) unreal_barriers: Vec<String>,
    /// Words of `unreal` that tell of prevention ("could not prevent the massacre") ...
    #[serde(default)]
    pub(crate) prevention: Vec<String>,
    /// ... and words right before one that say it failed, so the act happened.
    #[serde(default)]
    pub(crate) prevention_failed: Vec<String>,
    /// Words that make the weapons a sentence names objects, not an attack ("seized rifles").
    #[serde(default)]
    pub(crate) seizure: Vec<String>,
    /// Words opening a sentence that turn to another incident ("In a separate attack").
    #[serde(default)]
    pub(crate) another: Vec<String>,
    /// Verbs that, next to a weapon, tell it was used on someone ("grenades were hurled at").
    #[serde(default)]
    pub(crate) use_verbs: Vec<String>,
    /// Words after a trigger, in its clause, that make it a habit ("shelled almost daily").
    #[serde(default)]
    pub(crate) habitual: Vec<String>,
    /// [effect, cause] event types: a sentence with an act of the cause tells of the effect as
    /// its consequence ("exploded, setting cars on fire" is no arson).
    #[serde(default)]
    pub(crate) consequences: Vec<[String; 2]>,
    pub(crate) trigger: Vec<TriggerData>,
    pub(crate) weapon: Vec<WeaponData>,
    pub(crate) target: Vec<TargetData>,
}

#[derive(Debug, Deserialize)]
pub(crate) struct TriggerData {
    pub(crate) event: String,
    pub(crate) strength: u8,
    #[serde(default)]
    pub(crate) weapons: Vec<String>,
    /// The phrases name a weapon, not an act ("grenades", "a bomb").
    #[serde(default)]
    pub(crate) instrument: bool,
    /// Tells only what an act caused ("killed"): another trigger as strong names the act.
    #[serde(default)]
    pub(crate) outcome: bool,
    /// Tells of firing without naming what was fired ("fired at"): an instrument in the same
    /// sentence ("mortars") gives the event type.
    #[serde(default)]
    pub(crate) carrier: bool,
    /// Names people armed with its weapons ("gunmen"): they keep those weapons, but another
    /// weapon named with them ("gunmen fired mortars") gives the event type, as for `carrier`.
    #[serde(default)]
    pub(crate) armed: bool,
    /// The phrases name a kind of violence in general ("bombings", "murders").
    #[serde(default)]
    pub(crate) generic: bool,
    pub(crate) phrases: Vec<String>,
}

#[derive(Debug, Deserialize)]
pub(crate) struct WeaponData {
    pub(crate) weapon: String,
    #[serde(default)]
    pub(crate) implies: Option<String>,
    pub(crate) phrases: Vec<String>,
}

#[derive(Debug, Deserialize)]
pub(crate) struct TargetData {
    pub(crate) target: String,
    pub(crate) phrases: Vec<String>,
}

#[derive(Debug, Deserialize)]
pub(crate) struct CasualtiesData {
    pub(crate) killed: Vec<String>,
    pub(crate) injured: Vec<String>,
    pub(crate) none_killed: Vec<String>,
    /// Phrases that by themselves tell of one death ("his body was found").
    #[serde(default)]
    pub(crate) one_dead: Vec<String>,
    pub(crate) none_injured: Vec<String>,
    pub(crate) none_either: Vec<String>,
    pub(crate) auxiliaries: Vec<String>,
    pub(crate) people_plural: Vec<String>,
    pub(crate) people_singular: Vec<String>,
    /// Endings of plural nouns of people ("handlers", "ornithologists"): after a casualty verb
    /// and a count, words the lexicon does not know that end so are the people counted.
    #[serde(default)]
    pub(crate) people_suffixes: Vec<String>,
    /// The same endings in the singular: after a casualty verb and "a"/"an" ("killed a
    /// tailor").
    #[serde(default)]
    pub(crate) people_suffixes_singular: Vec<String>,
    pub(crate) not_people: Vec<String>,
    pub(crate) age_cues: Vec<String>,
    pub(crate) sum_joiners: Vec<String>,
    pub(crate) subset_cues: Vec<String>,
    pub(crate) toll_links: Vec<String>,
    pub(crate) toll_nouns: Vec<String>,
    /// A noun of killing and "of", reaching the victims: "the killing of six priests".
    #[serde(default)]
    pub(crate) nominal_killed: Vec<String>,
    /// The same for wounds: "the injury of two others".
    #[serde(default)]
    pub(crate) nominal_injured: Vec<String>,
    /// Verbs before a noun of wounds whose subject is the one hurt ("the guard suffered
    /// serious injuries").
    #[serde(default)]
    pub(crate) suffer_verbs: Vec<String>,
    /// Words telling that someone hurt died later ("died of his wounds"): counted once, among
    /// the dead.
    #[serde(default)]
    pub(crate) died_of_wounds: Vec<String>,
    /// Words shortly before a `nominal_killed` phrase that make it another event, the motive or
    /// occasion of this one ("in retaliation for the killing of seven").
    #[serde(default)]
    pub(crate) motive_cues: Vec<String>,
    /// The present perfect of a running tally ("have been killed"): with a count of a thousand
    /// or more it tells a war's toll, not an incident's.
    #[serde(default)]
    pub(crate) tally_verbs: Vec<String>,
    /// Words shortly before an `elsewhere_cues` phrase that make it a comparison, not another
    /// event's count ("the deadliest attack since 2019", "the worst bombing this year").
    #[serde(default)]
    pub(crate) comparison_cues: Vec<String>,
    pub(crate) elsewhere_cues: Vec<String>,
    pub(crate) hedges: Vec<String>,
    pub(crate) singular_aux: Vec<String>,
    pub(crate) passive_fillers: Vec<String>,
    pub(crate) additive: Vec<String>,
    pub(crate) number_signs: Vec<String>,
    pub(crate) unit_of: Vec<String>,
    pub(crate) one_determiners: Vec<String>,
    pub(crate) plural_aux: Vec<String>,
    pub(crate) one_pronouns: Vec<String>,
    /// Pronouns standing for one person as a subject ("he died of his wounds").
    #[serde(default)]
    pub(crate) one_subjects: Vec<String>,
    /// Pronouns after a casualty verb that count the group named before ("killing them").
    #[serde(default)]
    pub(crate) group_pronouns: Vec<String>,
    /// Subjects that name a group told before ("their bodies were found"): the dead are that
    /// group, counted in an earlier sentence.
    #[serde(default)]
    pub(crate) group_subjects: Vec<String>,
    /// Nouns for the attackers ("the two gunmen were killed"): their dead add to the victims'.
    #[serde(default)]
    pub(crate) perpetrator_nouns: Vec<String>,
    /// Words before a count that make it the agent ("attacked by 40 men").
    #[serde(default)]
    pub(crate) agent_prepositions: Vec<String>,
    /// Phrases saying the incident is one of several ("part of a series of").
    #[serde(default)]
    pub(crate) series_cues: Vec<String>,
    /// "one of" before a count of attacks ("one of four bombings").
    #[serde(default)]
    pub(crate) one_of: Vec<String>,
    /// Words showing a count covers the whole series ("in all", "together").
    #[serde(default)]
    pub(crate) aggregate_cues: Vec<String>,
    /// Nouns that count everyone who died ("people"), so may include the attackers.
    #[serde(default)]
    pub(crate) generic_people: Vec<String>,
    /// Words saying a suicide attacker did not die ("was arrested", "survived").
    #[serde(default)]
    pub(crate) bomber_survives: Vec<String>,
    /// Relative pronouns ("who was killed").
    #[serde(default)]
    pub(crate) relative_pronouns: Vec<String>,
    /// Reflexive pronouns: "killing himself and two others" counts the attacker.
    #[serde(default)]
    pub(crate) reflexive_pronouns: Vec<String>,
    /// Death verbs that need no auxiliary ("died").
    #[serde(default)]
    pub(crate) intransitive: Vec<String>,
}

#[derive(Debug, Deserialize)]
pub(crate) struct SyntaxData {
    pub(crate) determiners: Vec<String>,
    pub(crate) clause_breaks: Vec<String>,
    pub(crate) speaker_trim: Vec<String>,
    pub(crate) pronouns: Vec<String>,
    pub(crate) impersonal: Vec<String>,
    pub(crate) complementizers: Vec<String>,
    pub(crate) negation_suffixes: Vec<String>,
}

#[derive(Debug, Deserialize)]
pub(crate) struct ActorsData {
    pub(crate) agent_cues: Vec<String>,
    pub(crate) responsibility: Vec<String>,
    pub(crate) generic: Vec<String>,
    pub(crate) actor_adjectives: Vec<String>,
    pub(crate) stop_words: Vec<String>,
    /// Adverbs between an actor and its verb ("X today claimed", "no group has yet claimed").
    #[serde(default)]
    pub(crate) adverbs: Vec<String>,
    /// Words that name no one as an actor: pronouns and indefinites ("it", "others").
    #[serde(default)]
    pub(crate) not_actors: Vec<String>,
    /// Lower-case head nouns that may end a group's name ("the Tupac Amaru group").
    #[serde(default)]
    pub(crate) name_heads: Vec<String>,
    /// Phrases of issuing a statement between a speaker and a claim ("issued a communique").
    #[serde(default)]
    pub(crate) statement_phrases: Vec<String>,
    /// Verbs that attribute an act to an actor named after "to" ("attribute the attack to").
    #[serde(default)]
    pub(crate) attribute_verbs: Vec<String>,
    pub(crate) connectors: Vec<String>,
    /// Forms of "be" that make the act after them a passive ("were kidnapped"): the actor
    /// before them underwent it.
    #[serde(default)]
    pub(crate) passive_aux: Vec<String>,
    /// Verbs of acting against an act ("defused", "dismantled"): a generic actor before them
    /// and a trigger is no perpetrator ("police defused a bomb").
    #[serde(default)]
    pub(crate) counter_verbs: Vec<String>,
    pub(crate) hedges: Vec<String>,
    pub(crate) part_of: Vec<String>,
    pub(crate) blamed_subject: Vec<String>,
}

#[derive(Debug, Deserialize)]
pub(crate) struct ClaimsData {
    pub(crate) speech: Vec<String>,
    pub(crate) accuses: Vec<String>,
    pub(crate) denies: Vec<String>,
    pub(crate) confirms: Vec<String>,
    pub(crate) negations: Vec<String>,
    pub(crate) accusation_cues: Vec<String>,
    pub(crate) titles: Vec<String>,
    pub(crate) courtesy: Vec<String>,
}

#[derive(Debug, Deserialize)]
pub(crate) struct SourcesData {
    pub(crate) according: Vec<String>,
    pub(crate) told: Vec<String>,
    pub(crate) published: Vec<String>,
    pub(crate) media_nouns: Vec<String>,
    pub(crate) known: Vec<String>,
}

#[derive(Debug, Deserialize)]
pub(crate) struct FurnitureData {
    pub(crate) phrases: Vec<String>,
    pub(crate) whole: Vec<String>,
    pub(crate) warnings: Vec<String>,
}

#[derive(Debug, Deserialize)]
pub(crate) struct PlacesData {
    pub(crate) before_name: BTreeMap<String, String>,
    pub(crate) after_name: BTreeMap<String, String>,
    pub(crate) prepositions: Vec<String>,
    pub(crate) locative: Vec<String>,
    /// Prepositions that make a place an origin ("fired from X").
    #[serde(default)]
    pub(crate) origin: Vec<String>,
    /// Words that make an origin one end of a route ("from X to Y").
    #[serde(default)]
    pub(crate) route: Vec<String>,
    pub(crate) not_places: Vec<String>,
    /// Words that describe a place and are never its name ("the exclusive X neighborhood",
    /// "the rural area", "northwestern X").
    #[serde(default)]
    pub(crate) descriptors: Vec<String>,
    /// Facility nouns that end a site's name and belong to it ("the X airport").
    #[serde(default)]
    pub(crate) facilities: Vec<String>,
    /// Endings of English adjectives ("-ous", "-ical"): in upper-case text a word ending so is
    /// no place name ("THE JUDICIAL DISTRICT").
    #[serde(default)]
    pub(crate) descriptor_suffixes: Vec<String>,
    /// Cue words naming a part of a town ("the X neighborhood"): the name is a district.
    #[serde(default)]
    pub(crate) town_parts: Vec<String>,
    /// Particles joining the words of one place name ("San Miguel de Mercedes").
    #[serde(default)]
    pub(crate) name_joiners: Vec<String>,
    /// Nouns after a street's name ("Junin Street").
    #[serde(default)]
    pub(crate) street_nouns: Vec<String>,
    /// Nouns naming a country's capital ("in the capital").
    #[serde(default)]
    pub(crate) capital_nouns: Vec<String>,
    /// A government's buildings that stand in its capital ("embassy", "ministry").
    #[serde(default)]
    pub(crate) capital_facilities: Vec<String>,
    /// Verbs saying where an act took place ("the attack occurred in X").
    #[serde(default)]
    pub(crate) locating_verbs: Vec<String>,
    /// Verbs of taking a person away ("kidnapped", "abducted"): "from X" after one is where the
    /// act happened, not where someone came from.
    #[serde(default)]
    pub(crate) taken_from: Vec<String>,
    /// Words a first-level division's name may end in ("Diyala province", "Cesar
    /// Department"), left off to look the division up in `seats`.
    #[serde(default)]
    pub(crate) division_words: Vec<String>,
    /// Words of a province's government ("governor", "chief minister"): an incident whose
    /// province is named with one is placed at the province's seat (`seats`).
    #[serde(default)]
    pub(crate) seat_offices: Vec<String>,
    /// Nouns ending or opening the name of an organisation ("the Baath Party", "the Socialist
    /// Party of Serbia"): a place name inside one is no place of the report.
    #[serde(default)]
    pub(crate) organization_nouns: Vec<String>,
    /// Nouns of a business: "the Amena mobile phone company" is no place.
    #[serde(default)]
    pub(crate) company_nouns: Vec<String>,
    /// Words opening an organisation's name before a place ("Party of", "Front for the
    /// Liberation of").
    #[serde(default)]
    pub(crate) organization_openers: Vec<String>,
    /// Words joining the places of a list ("in X and Y").
    #[serde(default)]
    pub(crate) list_joiners: Vec<String>,
    /// Nouns saying what listed places are ("in X and Y departments").
    #[serde(default)]
    pub(crate) list_nouns: Vec<String>,
    /// Words making two places the ends of one stretch ("between X and Y").
    #[serde(default)]
    pub(crate) span_words: Vec<String>,
    /// First-level divisions and the towns their governments sit in ("diyala" = "Baqubah").
    #[serde(default)]
    pub(crate) seats: BTreeMap<String, String>,
    pub(crate) demonyms: BTreeMap<String, String>,
    /// Armed groups and the country of their conflict ("farc" = "CO").
    #[serde(default)]
    pub(crate) groups: BTreeMap<String, String>,
}

/// A tag a lexicon phrase carries; one phrase may carry several.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Tag {
    Cardinal(u32),
    Scale(u32),
    Vague(u32),
    Singular,
    Qualifier(Qualifier),
    RangeJoiner,
    RangeOpener,
    NumberAnd,
    Month(u32),
    Weekday(u32),
    Relative(u32),
    WeekdayCue,
    Period(u32),
    Ago,
    Previous,
    Occurrence,
    ParticipleReal,
    HabitSubject,
    FoundDead,
    PassiveAux,
    OneSubject,
    CounterVerb,
    PastForm,
    Abbreviation,
    Trigger(u16),
    Weapon(u16),
    Target(u16),
    Killed,
    Injured,
    NoneKilled,
    OneDead,
    NoneInjured,
    NoneEither,
    Aux,
    PeoplePlural,
    PeopleSingular,
    NotPeople,
    AgeCue,
    SumJoiner,
    Subset,
    TollLink,
    TollNoun,
    NominalKilled,
    NominalInjured,
    SufferVerb,
    DiedOfWounds,
    MotiveCue,
    TallyVerb,
    Comparison,
    Elsewhere,
    PerpNoun,
    Intransitive,
    Reflexive,
    NotViolence,
    Unreal,
    UnrealNext,
    Coordinator,
    Aimless,
    ModifiedNoun,
    Infinitive,
    InfinitiveReal,
    UnrealBarrier,
    Prevention,
    PreventionFailed,
    Seizure,
    Another,
    UseVerb,
    ActorAdverb,
    NotActor,
    NameHead,
    StatementPhrase,
    AttributeVerb,
    Habitual,
    RelPronoun,
    GenericPeople,
    BomberSurvives,
    AgentBy,
    SeriesCue,
    OneOf,
    Aggregate,
    CountHedge,
    SingularAux,
    PassiveFiller,
    Additive,
    NumberSign,
    UnitOf,
    OneDeterminer,
    PluralAux,
    OnePronoun,
    GroupPronoun,
    GroupSubject,
    Determiner,
    ClauseBreak,
    SpeakerTrim,
    Pronoun,
    Impersonal,
    Complementizer,
    AgentCue,
    Responsibility,
    GenericActor,
    ActorAdjective,
    ActorStop,
    Connector,
    Hedge,
    PartOf,
    BlamedSubject,
    Speech,
    Accuses,
    Denies,
    Confirms,
    Negation,
    AccusationCue,
    Title,
    Courtesy,
    According,
    Told,
    Published,
    MediaNoun,
    KnownSource,
    Furniture,
    FurnitureWhole,
    Warning,
    PlaceBefore(crate::PrecisionTag),
    PlaceAfter(crate::PrecisionTag),
    PlacePreposition,
    Locative,
    Origin,
    Route,
    NotPlace,
    PlaceDescriptor,
    Facility,
    TownPart,
    NameJoiner,
    StreetNoun,
    CapitalNoun,
    CapitalFacility,
    LocatingVerb,
    TakenFrom,
    SeatOffice,
    OrgNoun,
    CompanyNoun,
    OrgOpener,
    ListJoiner,
    ListNoun,
    SpanWord,
    NotAct,
    Demonym(u16),
    /// An armed group tied to one country (index into `Lexicon::group_countries`).
    Group(u16),
}

impl Tag {
    /// The value a tag carries (0 for a tag without one): two tags are equal when they are of
    /// the same kind and carry the same value. A new variant with a value must be listed here.
    #[inline(always)]
    fn value(self) -> u32 {
        match self {
            Tag::Cardinal(v)
            | Tag::Scale(v)
            | Tag::Vague(v)
            | Tag::Month(v)
            | Tag::Weekday(v)
            | Tag::Relative(v)
            | Tag::Period(v) => v,
            Tag::Trigger(v) | Tag::Weapon(v) | Tag::Target(v) | Tag::Demonym(v) | Tag::Group(v) => {
                u32::from(v)
            }
            Tag::Qualifier(q) => q as u32,
            Tag::PlaceBefore(p) | Tag::PlaceAfter(p) => p.0 as u32,
            _ => 0,
        }
    }
}

// Written out rather than derived so that it is always inlined: tags are compared in every
// per-token test of every reader (`doc.find(k, |t| t == Tag::Killed)`), and an inlined
// comparison with a constant is a single compare of the discriminant.
impl PartialEq for Tag {
    #[inline(always)]
    fn eq(&self, other: &Self) -> bool {
        std::mem::discriminant(self) == std::mem::discriminant(other)
            && self.value() == other.value()
    }
}

impl Eq for Tag {}

/// One trigger class.
#[derive(Debug, Clone)]
pub(crate) struct Trigger {
    pub(crate) event: String,
    pub(crate) strength: u8,
    pub(crate) weapons: Vec<String>,
    /// Names a weapon, not an act: a sentence about seized weapons tells of no attack.
    pub(crate) instrument: bool,
    /// Tells only what an act caused ("killed"): another trigger as strong names the act.
    pub(crate) outcome: bool,
    /// Tells of firing without naming what was fired: an instrument gives the event type.
    pub(crate) carrier: bool,
    /// Names people armed with its weapons: an instrument named with them gives the type.
    pub(crate) armed: bool,
    /// Names a kind of violence in general, not one act.
    pub(crate) generic: bool,
}

/// One weapon class.
#[derive(Debug, Clone)]
pub(crate) struct Weapon {
    pub(crate) weapon: String,
    pub(crate) implies: Option<String>,
}

/// A phrase of the lexicon, as lower-case tokens.
#[derive(Debug, Clone)]
pub(crate) struct Phrase {
    pub(crate) rest: Vec<String>,
    /// [`word_key`] of each word of `rest`: a text's tokens are compared by key first, so that
    /// the many phrases under a common first word ("the", "in") cost a number compare each.
    pub(crate) rest_keys: Vec<u64>,
    pub(crate) tags: Vec<Tag>,
}

/// A hash of a lower-case word, to rule out most phrase words without comparing strings
/// (equal keys are still confirmed by comparing the words).
pub(crate) fn word_key(word: &[u8]) -> u64 {
    use std::hash::Hasher;
    let mut h = WordHasher::default();
    h.write(word);
    h.finish()
}

/// A fast, non-cryptographic hasher for the short word keys of the phrase index (the keys are
/// lexicon words, not attacker-controlled input of any size that matters).
#[derive(Default, Clone, Copy)]
pub(crate) struct WordHasher(u64);

impl std::hash::Hasher for WordHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut h = self.0;
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut w = [0u8; 8];
            w.copy_from_slice(c);
            h = (h.rotate_left(5) ^ u64::from_le_bytes(w)).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
        }
        for &b in chunks.remainder() {
            h = (h.rotate_left(5) ^ u64::from(b)).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
        }
        self.0 = h;
    }
}

type WordMap<V> = HashMap<String, V, std::hash::BuildHasherDefault<WordHasher>>;

/// The phrases of a lexicon indexed by their first token.
#[derive(Debug, Default)]
pub(crate) struct PhraseIndex {
    pub(crate) by_first: WordMap<Vec<Phrase>>,
}

impl PhraseIndex {
    fn add(&mut self, phrase: &str, tag: Tag) {
        let lower = phrase.to_lowercase();
        let toks: Vec<String> = tokenize(&lower)
            .iter()
            .map(|t| lower[t.start..t.end].to_string())
            .collect();
        let Some((first, rest)) = toks.split_first() else {
            return;
        };
        let list = self.by_first.entry(first.clone()).or_default();
        if let Some(p) = list.iter_mut().find(|p| p.rest == rest) {
            if !p.tags.contains(&tag) {
                p.tags.push(tag);
            }
        } else {
            list.push(Phrase {
                rest: rest.to_vec(),
                rest_keys: rest.iter().map(|w| word_key(w.as_bytes())).collect(),
                tags: vec![tag],
            });
        }
    }

    fn finish(&mut self) {
        for list in self.by_first.values_mut() {
            list.sort_by_key(|p| std::cmp::Reverse(p.rest.len()));
        }
    }
}

/// Loaded and compiled lexicons: what [`crate::Extractor`] reads text with.
#[derive(Debug)]
pub struct Lexicon {
    version: String,
    pub(crate) index: PhraseIndex,
    pub(crate) triggers: Vec<Trigger>,
    pub(crate) weapons: Vec<Weapon>,
    pub(crate) targets: Vec<String>,
    pub(crate) demonyms: Vec<String>,
    pub(crate) group_countries: Vec<String>,
    pub(crate) priority: Vec<String>,
    pub(crate) related: Vec<Vec<String>>,
    pub(crate) found_dead_after: Vec<String>,
    pub(crate) generic_event: String,
    pub(crate) negation_suffixes: Vec<String>,
    pub(crate) consequences: Vec<[String; 2]>,
    pub(crate) descriptor_suffixes: Vec<String>,
    pub(crate) people_suffixes: Vec<String>,
    pub(crate) people_suffixes_singular: Vec<String>,
    pub(crate) participle_endings: Vec<String>,
    pub(crate) noun_endings: Vec<String>,
    /// First-level divisions (lower case) and the towns their governments sit in.
    pub(crate) seats: BTreeMap<String, String>,
    /// Words a division's name may end in ("Diyala province"), lower case.
    pub(crate) division_words: Vec<String>,
    /// Articles ("the", "a"), lower case.
    pub(crate) determiners: Vec<String>,
}

fn merge(into: &mut toml::Value, from: toml::Value) {
    match (into, from) {
        (toml::Value::Table(a), toml::Value::Table(b)) => {
            for (k, v) in b {
                match a.get_mut(&k) {
                    Some(existing) => merge(existing, v),
                    None => {
                        a.insert(k, v);
                    }
                }
            }
        }
        (toml::Value::Array(a), toml::Value::Array(b)) => a.extend(b),
        (slot, v) => *slot = v,
    }
}

fn parse(name: &str, text: &str) -> Result<toml::Value, ExtractError> {
    text.parse::<toml::Table>()
        .map(toml::Value::Table)
        .map_err(|e| ExtractError::Lexicon {
            file: name.to_string(),
            message: e.to_string(),
        })
}

/// FNV-1a, 64 bits: a stable fingerprint of user lexicon files for the version string.
fn fnv1a(bytes: &[u8], mut h: u64) -> u64 {
    for b in bytes {
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

impl Lexicon {
    /// The lexicons built into attest (`lexicons/` of the repository).
    pub fn embedded() -> Result<Self, ExtractError> {
        let manifest: Manifest = toml::from_str(MANIFEST).map_err(|e| ExtractError::Lexicon {
            file: "manifest.toml".into(),
            message: e.to_string(),
        })?;
        let mut merged = toml::Value::Table(toml::Table::new());
        for (name, text) in EMBEDDED_EN {
            merge(&mut merged, parse(name, text)?);
        }
        Self::compile(format!("en-{}", manifest.version), merged)
    }

    /// These lexicons extended by the `.toml` files of `dir` (read from `dir/en/` when it exists,
    /// else from `dir` itself). Lists are appended to, tables merged and single values replaced.
    pub fn with_dir(self, dir: &Path) -> Result<Self, ExtractError> {
        let lang_dir = dir.join("en");
        let dir = if lang_dir.is_dir() {
            lang_dir
        } else {
            dir.to_path_buf()
        };
        let io_err = |e: std::io::Error| ExtractError::Io {
            path: dir.display().to_string(),
            source: e,
        };
        let mut files: Vec<_> = std::fs::read_dir(&dir)
            .map_err(io_err)?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "toml"))
            .collect();
        files.sort();
        let mut merged = Self::embedded_value()?;
        let mut hash = 0xcbf2_9ce4_8422_2325_u64;
        for path in &files {
            let text = std::fs::read_to_string(path).map_err(|e| ExtractError::Io {
                path: path.display().to_string(),
                source: e,
            })?;
            let name = path.display().to_string();
            hash = fnv1a(name.rsplit('/').next().unwrap_or("").as_bytes(), hash);
            hash = fnv1a(text.as_bytes(), hash);
            merge(&mut merged, parse(&name, &text)?);
        }
        let base = self.version.split('+').next().unwrap_or("").to_string();
        Self::compile(format!("{base}+user:{:016x}", hash), merged)
    }

    fn embedded_value() -> Result<toml::Value, ExtractError> {
        let mut merged = toml::Value::Table(toml::Table::new());
        for (name, text) in EMBEDDED_EN {
            merge(&mut merged, parse(name, text)?);
        }
        Ok(merged)
    }

    /// The version recorded with each extraction result, e.g. `en-2026.11.1` or
    /// `en-2026.11.1+user:<hash>` when a user directory was added.
    pub fn version(&self) -> &str {
        &self.version
    }

    fn compile(version: String, value: toml::Value) -> Result<Self, ExtractError> {
        let d: LangData = value
            .try_into()
            .map_err(|e: toml::de::Error| ExtractError::Lexicon {
                file: "en/*.toml".into(),
                message: e.to_string(),
            })?;
        let mut ix = PhraseIndex::default();
        let n = &d.numbers;
        for (w, v) in &n.cardinals {
            ix.add(w, Tag::Cardinal(*v));
        }
        for (w, v) in &n.scales {
            ix.add(w, Tag::Scale(*v));
        }
        for (w, v) in &n.vague {
            ix.add(w, Tag::Vague(*v));
        }
        for w in &n.singular.words {
            ix.add(w, Tag::Singular);
        }
        for (w, q) in &n.qualifiers {
            ix.add(w, Tag::Qualifier(*q));
        }
        for w in &n.range.joiners {
            ix.add(w, Tag::RangeJoiner);
        }
        for w in &n.range.openers {
            ix.add(w, Tag::RangeOpener);
        }
        for w in &n.range.conjunctions {
            ix.add(w, Tag::NumberAnd);
        }
        for (w, v) in &d.dates.months {
            ix.add(w, Tag::Month(*v));
        }
        for (w, v) in &d.dates.weekdays {
            ix.add(w, Tag::Weekday(*v));
        }
        for (w, v) in &d.dates.relative {
            ix.add(w, Tag::Relative(*v));
        }
        for w in &d.dates.weekday_cues.words {
            ix.add(w, Tag::WeekdayCue);
        }
        for (w, v) in &d.dates.periods {
            ix.add(w, Tag::Period(*v));
        }
        for w in &d.dates.ago {
            ix.add(w, Tag::Ago);
        }
        for w in &d.dates.previous {
            ix.add(w, Tag::Previous);
        }
        for w in &d.dates.occurrence {
            ix.add(w, Tag::Occurrence);
        }
        for w in &d.sentences.abbreviations {
            ix.add(w, Tag::Abbreviation);
        }
        let mut triggers = Vec::new();
        for t in &d.events.trigger {
            let id = triggers.len() as u16;
            triggers.push(Trigger {
                event: t.event.clone(),
                strength: t.strength,
                weapons: t.weapons.clone(),
                instrument: t.instrument,
                outcome: t.outcome,
                carrier: t.carrier,
                armed: t.armed,
                generic: t.generic,
            });
            for p in &t.phrases {
                ix.add(p, Tag::Trigger(id));
            }
        }
        let mut weapons = Vec::new();
        for w in &d.events.weapon {
            let id = weapons.len() as u16;
            weapons.push(Weapon {
                weapon: w.weapon.clone(),
                implies: w.implies.clone(),
            });
            for p in &w.phrases {
                ix.add(p, Tag::Weapon(id));
            }
        }
        let mut targets = Vec::new();
        for t in &d.events.target {
            let id = targets.len() as u16;
            targets.push(t.target.clone());
            for p in &t.phrases {
                ix.add(p, Tag::Target(id));
            }
        }
        let c = &d.casualties;
        let y = &d.syntax;
        let lists: [(&Vec<String>, Tag); 51] = [
            (&c.intransitive, Tag::Intransitive),
            (&c.reflexive_pronouns, Tag::Reflexive),
            (&c.relative_pronouns, Tag::RelPronoun),
            (&c.generic_people, Tag::GenericPeople),
            (&c.bomber_survives, Tag::BomberSurvives),
            (&c.perpetrator_nouns, Tag::PerpNoun),
            (&c.agent_prepositions, Tag::AgentBy),
            (&c.series_cues, Tag::SeriesCue),
            (&c.one_of, Tag::OneOf),
            (&c.aggregate_cues, Tag::Aggregate),
            (&c.hedges, Tag::CountHedge),
            (&c.elsewhere_cues, Tag::Elsewhere),
            (&c.toll_nouns, Tag::TollNoun),
            (&c.nominal_killed, Tag::NominalKilled),
            (&c.nominal_injured, Tag::NominalInjured),
            (&c.suffer_verbs, Tag::SufferVerb),
            (&c.died_of_wounds, Tag::DiedOfWounds),
            (&c.motive_cues, Tag::MotiveCue),
            (&c.tally_verbs, Tag::TallyVerb),
            (&c.comparison_cues, Tag::Comparison),
            (&c.one_pronouns, Tag::OnePronoun),
            (&c.one_subjects, Tag::OneSubject),
            (&c.group_pronouns, Tag::GroupPronoun),
            (&c.group_subjects, Tag::GroupSubject),
            (&c.singular_aux, Tag::SingularAux),
            (&c.passive_fillers, Tag::PassiveFiller),
            (&c.additive, Tag::Additive),
            (&c.number_signs, Tag::NumberSign),
            (&c.unit_of, Tag::UnitOf),
            (&c.one_determiners, Tag::OneDeterminer),
            (&c.plural_aux, Tag::PluralAux),
            (&y.determiners, Tag::Determiner),
            (&y.clause_breaks, Tag::ClauseBreak),
            (&y.speaker_trim, Tag::SpeakerTrim),
            (&y.pronouns, Tag::Pronoun),
            (&y.impersonal, Tag::Impersonal),
            (&y.complementizers, Tag::Complementizer),
            (&c.killed, Tag::Killed),
            (&c.injured, Tag::Injured),
            (&c.none_killed, Tag::NoneKilled),
            (&c.one_dead, Tag::OneDead),
            (&c.none_injured, Tag::NoneInjured),
            (&c.none_either, Tag::NoneEither),
            (&c.auxiliaries, Tag::Aux),
            (&c.people_plural, Tag::PeoplePlural),
            (&c.people_singular, Tag::PeopleSingular),
            (&c.not_people, Tag::NotPeople),
            (&c.age_cues, Tag::AgeCue),
            (&c.sum_joiners, Tag::SumJoiner),
            (&c.subset_cues, Tag::Subset),
            (&c.toll_links, Tag::TollLink),
        ];
        for (list, tag) in lists {
            for w in list {
                ix.add(w, tag);
            }
        }
        let a = &d.actors;
        let cl = &d.claims;
        let s = &d.sources;
        let f = &d.furniture;
        let lists: [(&Vec<String>, Tag); 73] = [
            (&a.blamed_subject, Tag::BlamedSubject),
            (&a.hedges, Tag::Hedge),
            (&a.part_of, Tag::PartOf),
            (&a.agent_cues, Tag::AgentCue),
            (&a.responsibility, Tag::Responsibility),
            (&a.generic, Tag::GenericActor),
            (&a.actor_adjectives, Tag::ActorAdjective),
            (&a.stop_words, Tag::ActorStop),
            (&a.adverbs, Tag::ActorAdverb),
            (&a.not_actors, Tag::NotActor),
            (&a.name_heads, Tag::NameHead),
            (&a.statement_phrases, Tag::StatementPhrase),
            (&a.attribute_verbs, Tag::AttributeVerb),
            (&a.connectors, Tag::Connector),
            (&a.passive_aux, Tag::PassiveAux),
            (&a.counter_verbs, Tag::CounterVerb),
            (&cl.speech, Tag::Speech),
            (&cl.accuses, Tag::Accuses),
            (&cl.denies, Tag::Denies),
            (&cl.confirms, Tag::Confirms),
            (&cl.negations, Tag::Negation),
            (&cl.accusation_cues, Tag::AccusationCue),
            (&cl.titles, Tag::Title),
            (&cl.courtesy, Tag::Courtesy),
            (&s.according, Tag::According),
            (&s.told, Tag::Told),
            (&s.published, Tag::Published),
            (&s.media_nouns, Tag::MediaNoun),
            (&s.known, Tag::KnownSource),
            (&f.phrases, Tag::Furniture),
            (&f.whole, Tag::FurnitureWhole),
            (&f.warnings, Tag::Warning),
            (&d.events.not_violence, Tag::NotViolence),
            (&d.events.unreal, Tag::Unreal),
            (&d.events.unreal_next, Tag::UnrealNext),
            (&d.events.coordinators, Tag::Coordinator),
            (&d.events.aimless, Tag::Aimless),
            (&d.events.modified_nouns, Tag::ModifiedNoun),
            (&d.events.not_acts, Tag::NotAct),
            (&d.events.infinitive, Tag::Infinitive),
            (&d.events.infinitive_real, Tag::InfinitiveReal),
            (&d.events.unreal_barriers, Tag::UnrealBarrier),
            (&d.events.prevention, Tag::Prevention),
            (&d.events.prevention_failed, Tag::PreventionFailed),
            (&d.events.seizure, Tag::Seizure),
            (&d.events.another, Tag::Another),
            (&d.events.use_verbs, Tag::UseVerb),
            (&d.events.habitual, Tag::Habitual),
            (&d.events.participle_real, Tag::ParticipleReal),
            (&d.events.habit_subjects, Tag::HabitSubject),
            (&d.events.found_dead, Tag::FoundDead),
            (&d.events.past_forms, Tag::PastForm),
            (&d.places.prepositions, Tag::PlacePreposition),
            (&d.places.not_places, Tag::NotPlace),
            (&d.places.locative, Tag::Locative),
            (&d.places.origin, Tag::Origin),
            (&d.places.route, Tag::Route),
            (&d.places.descriptors, Tag::PlaceDescriptor),
            (&d.places.facilities, Tag::Facility),
            (&d.places.town_parts, Tag::TownPart),
            (&d.places.name_joiners, Tag::NameJoiner),
            (&d.places.street_nouns, Tag::StreetNoun),
            (&d.places.capital_nouns, Tag::CapitalNoun),
            (&d.places.capital_facilities, Tag::CapitalFacility),
            (&d.places.locating_verbs, Tag::LocatingVerb),
            (&d.places.taken_from, Tag::TakenFrom),
            (&d.places.seat_offices, Tag::SeatOffice),
            (&d.places.organization_nouns, Tag::OrgNoun),
            (&d.places.company_nouns, Tag::CompanyNoun),
            (&d.places.organization_openers, Tag::OrgOpener),
            (&d.places.list_joiners, Tag::ListJoiner),
            (&d.places.list_nouns, Tag::ListNoun),
            (&d.places.span_words, Tag::SpanWord),
        ];
        for (list, tag) in lists {
            for w in list {
                ix.add(w, tag);
            }
        }
        for (w, p) in &d.places.before_name {
            ix.add(w, Tag::PlaceBefore(crate::PrecisionTag::parse(p)?));
        }
        for (w, p) in &d.places.after_name {
            ix.add(w, Tag::PlaceAfter(crate::PrecisionTag::parse(p)?));
        }
        let mut demonyms = Vec::new();
        for (w, cc) in &d.places.demonyms {
            let id = demonyms.len() as u16;
            demonyms.push(cc.to_uppercase());
            ix.add(w, Tag::Demonym(id));
        }
        let mut group_countries = Vec::new();
        for (w, cc) in &d.places.groups {
            let id = group_countries.len() as u16;
            group_countries.push(cc.to_uppercase());
            ix.add(w, Tag::Group(id));
        }
        ix.finish();
        Ok(Lexicon {
            version,
            index: ix,
            triggers,
            weapons,
            targets,
            demonyms,
            group_countries,
            priority: d.events.priority.clone(),
            related: d.events.related.clone(),
            found_dead_after: d.events.found_dead_after.clone(),
            generic_event: d.events.generic.clone(),
            negation_suffixes: d.syntax.negation_suffixes.clone(),
            consequences: d.events.consequences.clone(),
            descriptor_suffixes: d.places.descriptor_suffixes.clone(),
            people_suffixes: d.casualties.people_suffixes.clone(),
            people_suffixes_singular: d.casualties.people_suffixes_singular.clone(),
            participle_endings: d.events.participle_endings.clone(),
            noun_endings: d.events.noun_endings.clone(),
            seats: d
                .places
                .seats
                .iter()
                .map(|(k, v)| (k.to_lowercase(), v.clone()))
                .collect(),
            division_words: d
                .places
                .division_words
                .iter()
                .map(|w| w.to_lowercase())
                .collect(),
            determiners: d
                .syntax
                .determiners
                .iter()
                .map(|w| w.to_lowercase())
                .collect(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_lexicon_loads_with_version() {
        let lex = Lexicon::embedded().expect("embedded lexicons parse");
        assert!(lex.version().starts_with("en-"));
        assert!(lex.triggers.iter().any(|t| t.event == "air_strike"));
        assert!(lex.index.by_first.contains_key("killed"));
    }

    #[test]
    fn user_dir_extends_and_changes_version() {
        let dir = std::env::temp_dir().join(format!("attest-lex-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("temp dir");
        std::fs::write(
            dir.join("extra.toml"),
            "[casualties]\nkilled = [\"obliterated\"]\n",
        )
        .expect("write");
        let lex = Lexicon::embedded()
            .and_then(|l| l.with_dir(&dir))
            .expect("user lexicon loads");
        assert!(lex.version().contains("+user:"));
        assert!(lex.index.by_first.contains_key("obliterated"));
        assert!(lex.index.by_first.contains_key("killed"));
        std::fs::remove_dir_all(&dir).ok();
    }

    #[test]
    fn bad_user_file_is_an_error() {
        let dir = std::env::temp_dir().join(format!("attest-lex-bad-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("temp dir");
        std::fs::write(dir.join("bad.toml"), "[casualties\n").expect("write");
        let err = Lexicon::embedded().and_then(|l| l.with_dir(&dir));
        assert!(matches!(err, Err(ExtractError::Lexicon { .. })));
        std::fs::remove_dir_all(&dir).ok();
    }
}
