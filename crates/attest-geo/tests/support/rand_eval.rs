//! RAND dev evaluation shared by `examples/rand_places.rs` and `tests/rand_dev.rs`: pick the
//! place of each report the way an extractor would and score it like
//! ../shared/tools/score.py (`place_acc`, `country_acc`).

use std::path::{Path, PathBuf};

use attest_geo::{Gazetteer, PlaceMention, Precision};

/// The RAND dev file, when ../shared is there.
pub fn rand_dev_path() -> Option<PathBuf> {
    let p = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data/dev/rand_dev.jsonl");
    p.exists().then_some(p)
}

/// One report's gold.
pub struct Gold {
    pub id: String,
    pub text: String,
    pub country_code: Option<String>,
    pub place: Option<String>,
}

/// Read the dev file.
pub fn read_gold(path: &Path) -> Vec<Gold> {
    let text = std::fs::read_to_string(path).expect("readable dev file");
    text.lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .map(|v| {
            let inc = &v["gold"]["incidents"][0];
            Gold {
                id: v["id"].as_str().unwrap_or_default().to_string(),
                text: v["text"].as_str().unwrap_or_default().to_string(),
                country_code: inc["country_code"].as_str().map(str::to_string),
                place: inc["place"].as_str().map(str::to_string),
            }
        })
        .collect()
}

/// The scorer's place normalisation (../shared/tools/contract.py `norm_place`).
pub fn norm_place(s: &str) -> String {
    const ART: &[&str] = &[
        "al", "el", "ad", "adh", "ash", "as", "at", "ath", "az", "an", "ar", "ed", "es", "ez",
        "ul", "ud", "us", "un", "ur",
    ];
    const GENERIC: &[&str] = &[
        "city",
        "town",
        "village",
        "district",
        "province",
        "governorate",
        "region",
        "county",
        "prefecture",
        "municipality",
    ];
    let lower: String = s
        .chars()
        .flat_map(|c| {
            let mut buf = String::new();
            unicode_decompose(c, &mut buf);
            buf.chars().collect::<Vec<_>>()
        })
        .collect::<String>()
        .to_lowercase();
    let cleaned: String = lower
        .chars()
        .filter(|c| {
            !matches!(
                c,
                '\'' | '`' | '\u{2018}' | '\u{2019}' | '\u{02bb}' | '\u{02bc}' | '"'
            )
        })
        .map(|c| {
            if c.is_alphanumeric() || c == '_' {
                c
            } else {
                ' '
            }
        })
        .collect();
    let toks: Vec<&str> = cleaned.split_whitespace().collect();
    let n = toks.len();
    let mut toks: Vec<&str> = toks
        .iter()
        .enumerate()
        .filter(|(i, t)| !(ART.contains(t) && i + 1 < n))
        .map(|(_, t)| *t)
        .collect();
    if toks.len() > 1 && toks[0] == "the" {
        toks.remove(0);
    }
    if toks.len() > 2 && GENERIC.contains(&toks[0]) && toks[1] == "of" {
        toks.drain(..2);
    }
    if toks.len() > 1 && GENERIC.contains(toks.last().unwrap_or(&"")) {
        toks.pop();
    }
    toks.iter()
        .map(|t| {
            let t = t.replace("ou", "u");
            let mut out = String::new();
            for c in t.chars() {
                if !out.ends_with(c) {
                    out.push(c);
                }
            }
            let b: Vec<char> = out.chars().collect();
            if b.len() >= 2 && b[b.len() - 1] == 'h' && "aeiou".contains(b[b.len() - 2]) {
                out.pop();
            }
            out
        })
        .collect::<Vec<_>>()
        .join(" ")
}

fn unicode_decompose(c: char, out: &mut String) {
    use unicode_normalization::UnicodeNormalization;
    for d in std::iter::once(c).nfkd() {
        if !unicode_normalization::char::is_combining_mark(d) {
            out.push(d);
        }
    }
}

/// The report's place as an extractor would pick it ([`attest_geo::primary_place_in`]).
pub fn pick<'a>(text: &str, mentions: &'a [PlaceMention]) -> Option<&'a PlaceMention> {
    attest_geo::primary_place_in(text, mentions)
}

/// The report's country: a leading "COUNTRY -" / "COUNTRY." mention, else the picked place's,
/// else the country the text is most about.
pub fn country(
    g: &dyn Gazetteer,
    text: &str,
    mentions: &[PlaceMention],
    picked: Option<&PlaceMention>,
) -> Option<String> {
    if let Some(m) = mentions.first() {
        if m.start == 0
            && m.place.precision == Precision::Country
            && m.mention.chars().all(|c| !c.is_lowercase())
        {
            return Some(m.place.country_code.clone());
        }
    }
    picked
        .map(|m| m.place.country_code.clone())
        .or_else(|| g.countries(text).into_iter().next().map(|(cc, _)| cc))
}

/// Accuracy figures.
#[derive(Debug, Default)]
pub struct Scores {
    pub country_n: usize,
    pub country_ok: usize,
    pub place_n: usize,
    pub place_ok: usize,
}

impl Scores {
    pub fn country_acc(&self) -> f64 {
        self.country_ok as f64 / self.country_n.max(1) as f64
    }
    pub fn place_acc(&self) -> f64 {
        self.place_ok as f64 / self.place_n.max(1) as f64
    }
}

/// Score a gazetteer on the gold rows; `on_miss` sees each place miss.
pub fn evaluate(
    g: &dyn Gazetteer,
    gold: &[Gold],
    mut on_miss: impl FnMut(&Gold, Option<&PlaceMention>),
) -> Scores {
    let mut s = Scores::default();
    for row in gold {
        let mentions = g.locate(&row.text);
        let picked = pick(&row.text, &mentions);
        if let Some(cc) = &row.country_code {
            s.country_n += 1;
            if country(g, &row.text, &mentions, picked).as_deref() == Some(cc.as_str()) {
                s.country_ok += 1;
            }
        }
        if let Some(place) = &row.place {
            s.place_n += 1;
            let gold_norm = norm_place(place);
            let ok = picked.is_some_and(|m| {
                !gold_norm.is_empty()
                    // A district is named by its town, as extraction names it.
                    && (norm_place(m.place.within.as_deref().unwrap_or(&m.place.name)) == gold_norm
                        || norm_place(&m.place.name) == gold_norm
                        || norm_place(&m.mention) == gold_norm)
            });
            if ok {
                s.place_ok += 1;
            } else {
                on_miss(row, picked);
            }
        }
    }
    s
}
