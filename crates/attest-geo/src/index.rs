//! The in-memory gazetteer: place records and the name index over them.

use std::collections::{HashMap, HashSet};

/// A set of lexicon words (FNV: the words are short and looked up for every token).
type WordSet = HashSet<String, FnvBuild>;
use std::io::Read;
use std::sync::OnceLock;

use serde::Deserialize;

use crate::normalize::{basic, hash64, key_extend, FnvBuild, KeyBuf, PrehashedBuild, KEY_START};
use crate::{GeoError, Place, Precision, UserPlace};

/// The compiled gazetteer (built by `scripts/build-gazetteer.py`).
const EMBEDDED: &[u8] = include_bytes!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../data/gazetteer/attest-gazetteer.tsv.zst"
));
/// Matching vocabulary.
const LEXICON: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../data/gazetteer/lexicon.toml"
));
/// Common English words that are also place names.
const COMMON_WORDS: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../data/gazetteer/common-words.txt"
));

/// Matching vocabulary (data/gazetteer/lexicon.toml), normalised.
#[derive(Debug)]
pub(crate) struct Lexicon {
    pub(crate) articles: WordSet,
    pub(crate) strong_articles: WordSet,
    pub(crate) connectors: WordSet,
    pub(crate) admin1_words: WordSet,
    pub(crate) district_words: WordSet,
    pub(crate) settlement_words: WordSet,
    pub(crate) cardinal_prefixes: WordSet,
    pub(crate) locatives: WordSet,
    pub(crate) origin_words: WordSet,
    pub(crate) of_place_words: WordSet,
    pub(crate) not_places: WordSet,
    pub(crate) facility_words: WordSet,
    pub(crate) stop: WordSet,
    pub(crate) common: WordSet,
    pub(crate) division_words: WordSet,
    /// The lists above each word is in, for [`Lexicon::lists`].
    lists: HashMap<String, Lists, FnvBuild>,
}

/// Which of the lexicon's word lists a word is in, one bit a list: a token of a text is looked
/// up once ([`crate::normalize::Token::lists`]) instead of once for every list it is tested on.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Lists(u16);

impl Lists {
    pub(crate) const ARTICLES: Lists = Lists(1);
    pub(crate) const STRONG_ARTICLES: Lists = Lists(1 << 1);
    pub(crate) const CONNECTORS: Lists = Lists(1 << 2);
    pub(crate) const ADMIN1_WORDS: Lists = Lists(1 << 3);
    pub(crate) const DISTRICT_WORDS: Lists = Lists(1 << 4);
    pub(crate) const SETTLEMENT_WORDS: Lists = Lists(1 << 5);
    pub(crate) const CARDINAL_PREFIXES: Lists = Lists(1 << 6);
    pub(crate) const LOCATIVES: Lists = Lists(1 << 7);
    pub(crate) const OF_PLACE_WORDS: Lists = Lists(1 << 8);
    pub(crate) const NOT_PLACES: Lists = Lists(1 << 9);
    pub(crate) const FACILITY_WORDS: Lists = Lists(1 << 10);
    pub(crate) const STOP: Lists = Lists(1 << 11);
    pub(crate) const COMMON: Lists = Lists(1 << 12);
    pub(crate) const DIVISION_WORDS: Lists = Lists(1 << 13);

    /// Is the word in list `l`?
    #[inline]
    pub(crate) fn has(self, l: Lists) -> bool {
        self.0 & l.0 != 0
    }
}

#[derive(Deserialize)]
struct LexiconFile {
    articles: Vec<String>,
    strong_articles: Vec<String>,
    connectors: Vec<String>,
    admin1_words: Vec<String>,
    district_words: Vec<String>,
    settlement_words: Vec<String>,
    cardinal_prefixes: Vec<String>,
    locatives: Vec<String>,
    origin_words: Vec<String>,
    of_place_words: Vec<String>,
    not_places: Vec<String>,
    facility_words: Vec<String>,
    stop: Vec<String>,
    division_words: Vec<String>,
}

impl Lexicon {
    fn parse(toml_text: &str, common_words: &str) -> Result<Self, GeoError> {
        let f: LexiconFile =
            toml::from_str(toml_text).map_err(|e| GeoError::Lexicon(e.to_string()))?;
        let set = |v: Vec<String>| v.iter().map(|w| basic(w)).collect::<WordSet>();
        let mut lex = Lexicon {
            articles: set(f.articles),
            strong_articles: set(f.strong_articles),
            connectors: set(f.connectors),
            admin1_words: set(f.admin1_words),
            district_words: set(f.district_words),
            settlement_words: set(f.settlement_words),
            cardinal_prefixes: set(f.cardinal_prefixes),
            locatives: set(f.locatives),
            origin_words: set(f.origin_words),
            of_place_words: set(f.of_place_words),
            not_places: set(f.not_places),
            facility_words: set(f.facility_words),
            stop: set(f.stop),
            division_words: set(f.division_words),
            common: common_words
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty() && !l.starts_with('#'))
                .map(basic)
                .collect(),
            lists: HashMap::default(),
        };
        let mut lists: HashMap<String, Lists, FnvBuild> = HashMap::default();
        for (set, l) in [
            (&lex.articles, Lists::ARTICLES),
            (&lex.strong_articles, Lists::STRONG_ARTICLES),
            (&lex.connectors, Lists::CONNECTORS),
            (&lex.admin1_words, Lists::ADMIN1_WORDS),
            (&lex.district_words, Lists::DISTRICT_WORDS),
            (&lex.settlement_words, Lists::SETTLEMENT_WORDS),
            (&lex.cardinal_prefixes, Lists::CARDINAL_PREFIXES),
            (&lex.locatives, Lists::LOCATIVES),
            (&lex.of_place_words, Lists::OF_PLACE_WORDS),
            (&lex.not_places, Lists::NOT_PLACES),
            (&lex.facility_words, Lists::FACILITY_WORDS),
            (&lex.stop, Lists::STOP),
            (&lex.common, Lists::COMMON),
            (&lex.division_words, Lists::DIVISION_WORDS),
        ] {
            for w in set {
                lists.entry(w.clone()).or_default().0 |= l.0;
            }
        }
        lex.lists = lists;
        Ok(lex)
    }

    /// The lists `w` (a [`basic`] form) is in.
    pub(crate) fn lists(&self, w: &str) -> Lists {
        self.lists.get(w).copied().unwrap_or_default()
    }

    pub(crate) fn is_article(&self, w: &str) -> bool {
        self.articles.contains(w)
    }
}

/// The shared, lazily parsed lexicon.
pub(crate) fn lexicon() -> &'static Lexicon {
    static LEX: OnceLock<Lexicon> = OnceLock::new();
    LEX.get_or_init(|| {
        Lexicon::parse(LEXICON, COMMON_WORDS).expect("the compiled-in lexicon.toml is valid")
    })
}

/// A place and what the matcher knows about it beyond the contract's fields.
#[derive(Debug, Clone)]
pub(crate) struct Record {
    pub(crate) place: Place,
    /// The country's capital.
    pub(crate) capital: bool,
    /// Has its admin-1's name (usually the seat of it).
    pub(crate) seat: bool,
    /// Has its admin-2's name (a district seat).
    pub(crate) seat2: bool,
    /// A second-level division (kind `B`): its place has admin-1 precision (the contract's
    /// coarseness for it, see [`crate::Precision::Admin1`]) and the admin-1 that holds it.
    pub(crate) admin2: bool,
    /// How many other names the place has (a sign of how well known it is).
    pub(crate) aliases: u16,
    /// Added by the user (store), not from the embedded file.
    pub(crate) user: bool,
}

/// How a name belongs to its record.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum NameKind {
    /// The record's own name.
    Primary,
    /// A hand-written English name (an exonym: "San Sebastian" for "Donostia / San Sebastián").
    English,
    /// Any other spelling.
    Alias,
}

/// One way of writing a record's name.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Entry {
    pub(crate) record: u32,
    /// The low half of the hash of the light-folded key of this spelling
    /// ([`crate::normalize::KeyBuf::light_hash`]; half keeps an entry at 24 bytes, and a rare
    /// clash only takes a far-fetched fold for a variant).
    pub(crate) light: u32,
    /// Hash of the exact key of this spelling without its articles
    /// ([`crate::normalize::KeyBuf::bare_hash`]).
    pub(crate) exact: u64,
    /// The spelling has an article ("Al-Bayaa").
    pub(crate) article: bool,
    /// The record's own name (not an alias), or one of its hand-written English names.
    pub(crate) primary: bool,
    /// One of the record's hand-written English names (`data/gazetteer/aliases.toml`): the
    /// name English news uses for this place.
    pub(crate) english: bool,
}

/// The spellings filed under one key: most keys have one, so it is kept inline.
#[derive(Debug, Clone)]
pub(crate) enum Entries {
    One(Entry),
    Many(Vec<Entry>),
}

impl Entries {
    fn as_slice(&self) -> &[Entry] {
        match self {
            Entries::One(e) => std::slice::from_ref(e),
            Entries::Many(v) => v,
        }
    }

    /// Add a spelling unless the record has it already.
    fn push(&mut self, entry: Entry) {
        if self.as_slice().iter().any(|e| {
            e.record == entry.record && e.exact == entry.exact && e.article == entry.article
        }) {
            return;
        }
        match self {
            Entries::One(e) => *self = Entries::Many(vec![*e, entry]),
            Entries::Many(v) => v.push(entry),
        }
    }
}

/// Records and the index of their names.
#[derive(Debug, Default)]
pub(crate) struct Index {
    pub(crate) records: Vec<Record>,
    /// [`crate::normalize::key_hash`] of a folded key -> spellings.
    pub(crate) names: HashMap<u64, Entries, PrehashedBuild>,
    /// Hashes of the proper prefixes (in words) of the folded keys: a span of text that is
    /// none of them cannot grow into a name.
    pub(crate) prefixes: HashSet<u64, PrehashedBuild>,
    /// [`crate::normalize::key_hash`] of a demonym's exact key -> country code.
    pub(crate) demonyms: HashMap<u64, String, PrehashedBuild>,
    /// Hashes of the proper prefixes of the demonyms' exact keys.
    pub(crate) demonym_prefixes: HashSet<u64, PrehashedBuild>,
    /// Country code -> English short name.
    pub(crate) countries: HashMap<String, String>,
    /// GeoNames admin-1 code ("SY.09") -> name.
    pub(crate) admin1_codes: HashMap<String, String>,
    /// Country code -> the first record of that country itself (the place a text's country
    /// stands for), so that it is found without a scan of every record.
    pub(crate) country_records: HashMap<String, u32>,
    /// Longest name in tokens.
    pub(crate) max_tokens: usize,
    /// Scratch buffers for keys.
    keybuf: KeyBuf,
}

impl Index {
    fn add_name(&mut self, record: u32, name: &str, kind: NameKind, lex: &Lexicon) {
        let mut kb = std::mem::take(&mut self.keybuf);
        kb.keys(name, |w| lex.is_article(w));
        if !kb.folded.is_empty() {
            let n = kb.exact.split(' ').count();
            self.max_tokens = self.max_tokens.max(n);
            self.add_keys(&kb, record, kind);
            // "The Hague" is also written "the Hague".
            if let Some(rest) = kb.exact.strip_prefix("the ") {
                let rest = rest.to_string();
                kb.keys(&rest, |w| lex.is_article(w));
                if !kb.folded.is_empty() {
                    self.add_keys(&kb, record, kind);
                }
            }
        }
        self.keybuf = kb;
    }

    /// Indexes the keys just computed in `kb` for `record`.
    fn add_keys(&mut self, kb: &KeyBuf, record: u32, kind: NameKind) {
        let entry = Entry {
            record,
            exact: kb.bare_hash,
            article: kb.article,
            light: kb.light_hash as u32,
            primary: kind != NameKind::Alias,
            english: kind == NameKind::English,
        };
        self.insert_entry(kb.folded_hash, entry);
        self.prefixes.extend(kb.prefixes.iter().copied());
    }

    fn insert_entry(&mut self, folded: u64, entry: Entry) {
        match self.names.get_mut(&folded) {
            Some(list) => list.push(entry),
            None => {
                self.names.insert(folded, Entries::One(entry));
            }
        }
    }

    /// Record a demonym ("Syrian") of a country.
    fn add_demonym(&mut self, demonym: &str, cc: &str) {
        let mut kb = std::mem::take(&mut self.keybuf);
        kb.keys(demonym, |_| false);
        self.demonyms.insert(kb.exact_hash, cc.to_string());
        // Exact keys keep every word: their prefixes are the folded ones here.
        let mut h = KEY_START;
        let words: Vec<&str> = kb.exact.split(' ').collect();
        for w in words.iter().take(words.len().saturating_sub(1)) {
            h = key_extend(h, hash64(w));
            self.demonym_prefixes.insert(h);
        }
        self.keybuf = kb;
    }

    /// Adds a record; its first `english` aliases are hand-written English names.
    fn push<'s>(
        &mut self,
        rec: Record,
        aliases: impl IntoIterator<Item = &'s str>,
        english: usize,
        lex: &Lexicon,
    ) -> u32 {
        let id = u32::try_from(self.records.len()).unwrap_or(u32::MAX);
        self.add_name(id, &rec.place.name, NameKind::Primary, lex);
        if rec.place.precision == Precision::Country {
            self.country_records
                .entry(rec.place.country_code.clone())
                .or_insert(id);
        }
        self.records.push(rec);
        for (k, a) in aliases.into_iter().enumerate() {
            let kind = if k < english {
                NameKind::English
            } else {
                NameKind::Alias
            };
            self.add_name(id, a, kind, lex);
        }
        id
    }

    /// Parse the compiled gazetteer TSV.
    pub(crate) fn from_tsv(text: &str, lex: &Lexicon) -> Result<Self, GeoError> {
        let mut ix = Index::default();
        // About 70 bytes a row.
        let rows = text.len() / 70 + 16;
        ix.records.reserve(rows);
        ix.names.reserve(rows * 3);
        for (n, line) in text.lines().enumerate() {
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let mut f = [""; 11];
            let mut got = 0;
            for (k, field) in line.splitn(11, '\t').enumerate() {
                f[k] = field;
                got = k + 1;
            }
            if got < 11 {
                return Err(GeoError::Embedded {
                    line: n + 1,
                    message: format!("{got} fields, want 11"),
                });
            }
            let num = |s: &str| -> Result<f64, GeoError> {
                s.parse::<f64>().map_err(|e| GeoError::Embedded {
                    line: n + 1,
                    message: e.to_string(),
                })
            };
            let precision = match f[0] {
                "C" => Precision::Country,
                "A" | "B" => Precision::Admin1,
                "D" => Precision::District,
                _ => Precision::Town,
            };
            let place = Place {
                geonameid: f[1].parse().ok(),
                name: f[2].to_string(),
                admin1: (!f[4].is_empty()).then(|| f[4].to_string()),
                country_code: f[3].to_string(),
                lat: num(f[5])?,
                lon: num(f[6])?,
                precision,
                population: f[7].parse().unwrap_or(0),
                within: f[8]
                    .split(',')
                    .find_map(|x| x.strip_prefix("in:"))
                    .map(str::to_string),
            };
            if let Some(code) = f[8].split(',').find_map(|x| x.strip_prefix("code:")) {
                ix.admin1_codes.insert(code.to_string(), place.name.clone());
            }
            let capital = f[8].split(',').any(|x| x == "capital");
            let seat = f[8].split(',').any(|x| x == "seat");
            let seat2 = f[8].split(',').any(|x| x == "seat2");
            let english = f[8]
                .split(',')
                .find_map(|x| x.strip_prefix("en:"))
                .and_then(|n| n.parse().ok())
                .unwrap_or(0);
            let aliases = || f[9].split('|').filter(|a| !a.is_empty());
            // "Damascus Governorate", "Zhytomyr Oblast", "Muhafazat Hadramaout" are also
            // written without the generic word.
            let admin2 = f[0] == "B";
            let short = if precision == Precision::Admin1 && !admin2 {
                strip_generic(&place.name, lex)
            } else {
                None
            };
            let n_aliases = aliases().count() + usize::from(short.is_some());
            if precision == Precision::Country {
                ix.countries
                    .insert(place.country_code.clone(), place.name.clone());
                for d in f[10].split('|').filter(|d| !d.is_empty()) {
                    ix.add_demonym(d, &place.country_code);
                }
            }
            ix.push(
                Record {
                    place,
                    capital,
                    seat,
                    seat2,
                    admin2,
                    aliases: u16::try_from(n_aliases).unwrap_or(u16::MAX),
                    user: false,
                },
                aliases().chain(short.as_deref()),
                english,
                lex,
            );
        }
        Ok(ix)
    }

    /// An index over places the user added.
    pub(crate) fn from_user(places: &[UserPlace], lex: &Lexicon) -> Self {
        let mut ix = Index::default();
        for p in places {
            let place = Place {
                geonameid: p.geonameid,
                name: p.name.clone(),
                admin1: p.admin1.clone(),
                country_code: p.country_code.to_ascii_uppercase(),
                lat: p.lat,
                lon: p.lon,
                precision: p.precision,
                population: p.population,
                within: None,
            };
            let aliases = p.aliases.iter().map(String::as_str);
            ix.push(
                Record {
                    place,
                    capital: false,
                    seat: false,
                    seat2: false,
                    admin2: false,
                    aliases: u16::try_from(p.aliases.len()).unwrap_or(u16::MAX),
                    user: true,
                },
                aliases,
                0,
                lex,
            );
        }
        ix
    }

    /// The spellings filed under a folded key, given by its [`crate::normalize::key_hash`].
    pub(crate) fn lookup(&self, folded: u64) -> &[Entry] {
        self.names.get(&folded).map_or(&[], Entries::as_slice)
    }

    /// The spellings filed under a folded key.
    #[cfg(test)]
    pub(crate) fn lookup_key(&self, folded: &str) -> &[Entry] {
        self.lookup(crate::normalize::key_hash(folded))
    }
}

/// A name without its generic word ("Damascus Governorate" -> "Damascus").
fn strip_generic(name: &str, lex: &Lexicon) -> Option<String> {
    let words: Vec<&str> = name.split([' ', '-']).filter(|w| !w.is_empty()).collect();
    if words.len() < 2 {
        return None;
    }
    let generic = |w: &str| {
        let b = basic(w);
        lex.admin1_words.contains(&b)
            || matches!(b.as_str(), "city" | "muhafazat" | "provincia" | "oblast")
    };
    let mut w: &[&str] = &words;
    if generic(w[0]) {
        w = &w[1..];
    }
    if w.len() > 1 && generic(w[w.len() - 1]) {
        w = &w[..w.len() - 1];
    }
    (w.len() < words.len() && !w.is_empty()).then(|| w.join(" "))
}

/// Decompress and parse the embedded gazetteer.
pub(crate) fn load_embedded() -> Result<(Index, Index), GeoError> {
    load_compressed(EMBEDDED)
}

/// Decompress and parse a gazetteer file in the embedded format, in two halves on two
/// threads: countries, divisions and the first half of the towns, then the other towns. The
/// build script writes the halves as two zstd frames, decompressed each on its thread; a file
/// of one frame is decompressed first, then cut in two.
pub(crate) fn load_compressed(bytes: &[u8]) -> Result<(Index, Index), GeoError> {
    let decode = |frames: &[u8]| -> Result<String, GeoError> {
        let mut text = String::new();
        zstd::stream::read::Decoder::new(frames)
            .and_then(|mut d| d.read_to_string(&mut text))
            .map_err(GeoError::Decompress)?;
        Ok(text)
    };
    let lex = lexicon();
    let joined = |other: std::thread::ScopedJoinHandle<'_, Result<Index, GeoError>>| {
        other.join().map_err(|_| GeoError::Embedded {
            line: 0,
            message: "the loading thread failed".to_string(),
        })?
    };
    let first_frame = zstd::zstd_safe::find_frame_compressed_size(bytes).unwrap_or(bytes.len());
    if first_frame < bytes.len() {
        let (a, b) = bytes.split_at(first_frame);
        return std::thread::scope(|s| {
            let other = s.spawn(|| Index::from_tsv(&decode(b)?, lex));
            let first = Index::from_tsv(&decode(a)?, lex)?;
            Ok((first, joined(other)?))
        });
    }
    let text = decode(bytes)?;
    let towns = text.find("\nP\t").map_or(text.len(), |p| p + 1);
    let middle = towns + (text.len() - towns) / 2;
    let cut = text.as_bytes()[middle..]
        .iter()
        .position(|&b| b == b'\n')
        .map_or(text.len(), |p| middle + p + 1);
    let (first, second) = text.split_at(cut);
    std::thread::scope(|s| {
        let other = s.spawn(|| Index::from_tsv(second, lex));
        let first = Index::from_tsv(first, lex)?;
        Ok((first, joined(other)?))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lexicon_parses_and_strips_generic_words() {
        let lex = lexicon();
        assert!(lex.is_article("al") && lex.stop.contains("of") && lex.common.contains("along"));
        assert_eq!(
            strip_generic("Damascus Governorate", lex).as_deref(),
            Some("Damascus")
        );
        assert_eq!(
            strip_generic("Muhafazat Hadramaout", lex).as_deref(),
            Some("Hadramaout")
        );
        assert_eq!(strip_generic("Idlib", lex), None);
    }

    #[test]
    fn tsv_rows_become_records_and_names() {
        let tsv = "# c\nC\t1\tSyria\tSY\t\t35\t38\t1\t\tSyrian Arab Republic\tSyrian\n\
                   P\t2\tDayr az Zawr\tSY\tDeir ez-Zor\t35.3\t40.1\t1\tseat\tDeir ez-Zor|دير الزور\t\n";
        let ix = Index::from_tsv(tsv, lexicon()).expect("valid rows");
        assert_eq!(ix.records.len(), 2);
        assert_eq!(ix.countries.get("SY").map(String::as_str), Some("Syria"));
        assert_eq!(
            ix.demonyms
                .get(&crate::normalize::key_hash("syrian"))
                .map(String::as_str),
            Some("SY")
        );
        assert_eq!(ix.lookup_key("dair zur").len(), 1);
        assert_eq!(ix.lookup_key("dair zawr").len(), 1);
        assert!(ix.prefixes.contains(&crate::normalize::key_hash("dair")));
        assert!(ix.records[1].seat);
        assert!(Index::from_tsv("P\tx\n", lexicon()).is_err());
    }
}
