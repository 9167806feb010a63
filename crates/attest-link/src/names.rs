//! Name handling: normalising names for comparison, alias groups, and named targets found in text.

use crate::config::TargetRules;
use attest_model::Incident;
use std::collections::{BTreeMap, BTreeSet};

/// Lowercase, letters and digits only, runs of other characters become one space, and a letter
/// repeated in a row counts once ("Ma'arrat" and "Maarat" compare equal).
pub(crate) fn normalize(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut last: Option<char> = None;
    for c in s.chars().flat_map(char::to_lowercase) {
        let c = fold(c);
        if c.is_alphanumeric() {
            if last != Some(c) {
                out.push(c);
            }
            last = Some(c);
        } else if c == '\'' || c == '’' || c == '`' || c == 'ʿ' || c == 'ʾ' {
            // Transliteration marks vanish: "Ma'arrat" reads "Maarrat".
        } else {
            if !out.is_empty() && !out.ends_with(' ') {
                out.push(' ');
            }
            last = None;
        }
    }
    out.trim_end().to_string()
}

/// Folds the accented letters common in transliterations to their base letter.
fn fold(c: char) -> char {
    match c {
        'á' | 'à' | 'â' | 'ä' | 'ā' | 'ã' => 'a',
        'é' | 'è' | 'ê' | 'ë' | 'ē' => 'e',
        'í' | 'ì' | 'î' | 'ï' | 'ī' => 'i',
        'ó' | 'ò' | 'ô' | 'ö' | 'ō' => 'o',
        'ú' | 'ù' | 'û' | 'ü' | 'ū' => 'u',
        'ç' => 'c',
        'ḥ' => 'h',
        'ṣ' => 's',
        'ṭ' => 't',
        'ḍ' => 'd',
        'ẓ' => 'z',
        other => other,
    }
}

/// The words of a normalised name, without stopwords.
pub(crate) fn content_tokens(s: &str, stopwords: &[String]) -> BTreeSet<String> {
    normalize(s)
        .split(' ')
        .filter(|t| !t.is_empty() && !stopwords.iter().any(|w| normalize(w) == *t))
        .map(str::to_string)
        .collect()
}

/// A named facility reduced for comparison: its kind ("hospital") and its other words.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct NamedTarget {
    pub(crate) facility: String,
    pub(crate) tokens: BTreeSet<String>,
}

impl NamedTarget {
    /// Reduces a name such as "the Al-Quds Hospital"; `None` when no facility noun ends it.
    pub(crate) fn parse(name: &str, rules: &TargetRules) -> Option<Self> {
        let mut tokens = content_tokens(name, &rules.name_stopwords);
        let facility = rules
            .facility_nouns
            .iter()
            .map(|n| normalize(n))
            .find(|n| tokens.contains(n.as_str()))?;
        tokens.remove(&facility);
        if tokens.is_empty() {
            return None;
        }
        Some(NamedTarget { facility, tokens })
    }

    /// Same kind of facility, and one name's words contain the other's.
    pub(crate) fn matches(&self, other: &NamedTarget) -> bool {
        self.facility == other.facility
            && (self.tokens.is_subset(&other.tokens) || other.tokens.is_subset(&self.tokens))
    }
}

/// Named targets of an incident read from its report's text: in its location mention, and in
/// the sentences its `targets` evidence points to.
pub(crate) fn named_targets(text: &str, incident: &Incident, rules: &TargetRules) -> Vec<String> {
    let mut found = BTreeSet::new();
    if let Some(loc) = &incident.location {
        found.extend(names_in(&loc.mention, rules));
    }
    // Sentences supporting the incident's targets; the whole text only when the incident has
    // targets but no evidence at all (a hand-coded incident). An incident without targets (a
    // report's secondary incident, often) gets no names from the text.
    let spans: &[attest_model::Span] = match incident.evidence.get("targets") {
        Some(spans) => spans,
        None if incident.evidence.is_empty() && !incident.targets.is_empty() => &[],
        None => return found.into_iter().collect(),
    };
    for (start, sentence) in sentences(text) {
        let end = start + sentence.len();
        let relevant = spans.is_empty() || spans.iter().any(|[s, e]| *s < end && *e > start);
        if relevant {
            found.extend(names_in(sentence, rules));
        }
    }
    found.into_iter().collect()
}

/// Sentences of a text with their byte offsets.
fn sentences(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut start = 0;
    let mut out = Vec::new();
    for (i, c) in text.char_indices() {
        if matches!(c, '.' | '!' | '?' | '\n' | ';') {
            out.push((start, &text[start..i]));
            start = i + c.len_utf8();
        }
    }
    if start < text.len() {
        out.push((start, &text[start..]));
    }
    out.into_iter()
}

const CONNECTORS: [&str; 9] = ["al", "el", "ibn", "bin", "bint", "abu", "of", "de", "ad"];

/// Capitalised names ending in a facility noun: "Al Quds hospital", "al-Hal Market".
fn names_in(sentence: &str, rules: &TargetRules) -> Vec<String> {
    let words: Vec<&str> = sentence.split_whitespace().collect();
    let bare = |w: &str| -> String {
        w.trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase()
    };
    let mut out = Vec::new();
    for (idx, raw) in words.iter().enumerate() {
        let noun = bare(raw);
        if !rules.facility_nouns.contains(&noun) {
            continue;
        }
        let mut first = idx;
        let mut capitalised = 0;
        while first > 0 {
            let prev = words[first - 1];
            if prev.ends_with([',', ':', '(', ')', '"', '“', '”']) || possessive(prev) {
                break;
            }
            let low = bare(prev);
            let lead = prev.trim_start_matches(|c: char| !c.is_alphanumeric());
            let upper = lead.chars().next().is_some_and(char::is_uppercase)
                || prev
                    .split('-')
                    .skip(1)
                    .any(|p| p.starts_with(char::is_uppercase));
            if upper && !low.is_empty() {
                capitalised += 1;
            } else if !CONNECTORS.contains(&low.as_str()) {
                break;
            }
            first -= 1;
            if idx - first >= 6 {
                break;
            }
        }
        while first < idx && CONNECTORS.contains(&bare(words[first]).as_str()) {
            first += 1;
        }
        if capitalised == 0 || first == idx {
            continue;
        }
        let before: Vec<String> = words[first.saturating_sub(2)..first]
            .iter()
            .map(|w| bare(w))
            .collect();
        let destination = rules.not_target_before.iter().any(|p| {
            let pw: Vec<&str> = p.split(' ').collect();
            before.len() >= pw.len() && before[before.len() - pw.len()..] == pw[..]
        });
        if destination {
            continue;
        }
        let name: Vec<&str> = words[first..=idx]
            .iter()
            .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
            .collect();
        let name = name.join(" ");
        if NamedTarget::parse(&name, rules).is_some() {
            out.push(name);
        }
    }
    out
}

fn possessive(word: &str) -> bool {
    let w = word.trim_end_matches(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’');
    w.ends_with("'s") || w.ends_with("’s") || w.ends_with("s'")
}

/// Alias groups: every alias maps to the group's first name.
#[derive(Debug, Clone, Default)]
pub(crate) struct AliasTable {
    map: BTreeMap<String, String>,
    /// Aliases of two words or more, longest first, for containment lookup.
    phrases: Vec<(String, String)>,
}

impl AliasTable {
    pub(crate) fn new(groups: &[Vec<String>]) -> Self {
        let mut map = BTreeMap::new();
        for group in groups {
            let Some(first) = group.first() else { continue };
            let canonical = strip_the(&normalize(first));
            for alias in group {
                map.entry(strip_the(&normalize(alias)))
                    .or_insert_with(|| canonical.clone());
            }
        }
        let mut phrases: Vec<(String, String)> = map
            .iter()
            .filter(|(k, _)| k.contains(' '))
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect();
        phrases.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then(a.0.cmp(&b.0)));
        AliasTable { map, phrases }
    }

    /// The canonical normalised form of a name.
    pub(crate) fn canonical(&self, name: &str) -> String {
        let n = strip_the(&normalize(name));
        if let Some(c) = self.map.get(&n) {
            return c.clone();
        }
        let padded = format!(" {n} ");
        for (alias, canonical) in &self.phrases {
            if padded.contains(&format!(" {alias} ")) {
                return canonical.clone();
            }
        }
        n
    }
}

fn strip_the(s: &str) -> String {
    s.strip_prefix("the ").unwrap_or(s).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::LinkConfig;

    #[test]
    fn normalize_folds_spellings() {
        assert_eq!(
            normalize("Ma'arrat al-Nu'man"),
            normalize("Maarat al Numan")
        );
        assert_eq!(normalize("Al-Quds  Hospital"), "al quds hospital");
        assert_ne!(normalize("Idlib"), normalize("Ariha"));
    }

    #[test]
    fn named_targets_are_read_from_text_but_not_destinations() {
        let cfg = LinkConfig::default();
        let text = "Aleppo's Al-Quds Hospital was hit overnight. The wounded were taken to Bab \
                    al-Hawa hospital near the border. A hospital nearby was also damaged.";
        let hand_coded = Incident {
            targets: vec!["hospital".into()],
            ..Incident::default()
        };
        let names = named_targets(text, &hand_coded, &cfg.targets);
        assert_eq!(names, vec!["Al-Quds Hospital".to_string()]);
        // With evidence, only the sentences it points to are read.
        let mut extracted = hand_coded.clone();
        extracted
            .evidence
            .insert("targets".into(), vec![[111, 119]]);
        assert_eq!(&text[111..119], "hospital");
        assert!(named_targets(text, &extracted, &cfg.targets).is_empty());
        // No targets, no names.
        assert!(named_targets(text, &Incident::default(), &cfg.targets).is_empty());
    }

    #[test]
    fn named_targets_match_across_spellings_and_kinds_differ() {
        let cfg = LinkConfig::default();
        let a = NamedTarget::parse("Al Quds hospital", &cfg.targets).expect("named");
        let b = NamedTarget::parse("the al-Quds field hospital", &cfg.targets).expect("named");
        let c = NamedTarget::parse("Al Quds school", &cfg.targets).expect("named");
        let d = NamedTarget::parse("Omar hospital", &cfg.targets).expect("named");
        assert!(a.matches(&b));
        assert!(!a.matches(&c));
        assert!(!a.matches(&d));
        assert!(NamedTarget::parse("the hospital", &cfg.targets).is_none());
    }

    #[test]
    fn aliases_resolve_exactly_and_by_containment() {
        let cfg = LinkConfig::default();
        let t = AliasTable::new(&cfg.aliases.sources);
        assert_eq!(t.canonical("SOHR"), "syrian observatory for human rights");
        assert_eq!(
            t.canonical("the Britain-based Syrian Observatory for Human Rights"),
            "syrian observatory for human rights"
        );
        assert_eq!(t.canonical("Halab News Network"), "halab news network");
    }
}
