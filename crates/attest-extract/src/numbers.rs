//! Number expressions: digits, number words, vague quantities, qualifiers and ranges.

use crate::lexicon::{Qualifier, Tag};
use crate::text::{Doc, Kind};

/// A number expression over tokens `t0..t1`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Num {
    pub(crate) t0: usize,
    pub(crate) t1: usize,
    pub(crate) low: Option<u32>,
    pub(crate) high: Option<u32>,
    /// "a further", "another": adds to an earlier count.
    pub(crate) additional: bool,
    /// "dozens", "several": a vague quantity.
    pub(crate) vague: bool,
    /// Plain digits of four figures that could be a year.
    pub(crate) yearlike: bool,
    /// Written as a single "a"/"an"/"one" (only counts before a singular noun).
    pub(crate) article: bool,
}

fn digits(s: &str) -> Option<u32> {
    if s.contains('.') {
        return None;
    }
    let clean: String = s.chars().filter(char::is_ascii_digit).collect();
    clean.parse().ok()
}

/// A plain value at `i`: digits or number words. Returns the value and the next token.
fn value(doc: &Doc, i: usize, end: usize) -> Option<(u32, usize, bool)> {
    if i >= end {
        return None;
    }
    let t = doc.toks[i];
    if t.kind == Kind::Num {
        let raw = doc.raw(i);
        let v = digits(raw)?;
        let yearlike = raw.len() == 4 && (1800..=2100).contains(&v);
        // "3 million"
        if let Some(Hit2 { v: s, .. }) = scale(doc, i + 1, end) {
            return Some((v.saturating_mul(s), i + 2, false));
        }
        return Some((v, i + 1, yearlike));
    }
    let mut total: u32 = 0;
    let mut cur: u32 = 0;
    let mut j = i;
    let mut any = false;
    // "a hundred", "a dozen"
    if doc.is(j, |t| t == Tag::Singular) && scale(doc, j + 1, end).is_some() {
        cur = 1;
        j += 1;
        any = true;
    }
    while j < end {
        if let Some(c) = cardinal(doc, j) {
            if cur == 0
                || (cur >= 20 && cur.is_multiple_of(10) && c < 10 && cur < 100)
                || (cur.is_multiple_of(100) && c < 100)
            {
                cur = cur.saturating_add(c);
            } else {
                break;
            }
            any = true;
            j += 1;
            // "fifty-five"
            if j + 1 < end && doc.is_punct(j, "-") && cardinal(doc, j + 1).is_some() {
                j += 1;
            }
            continue;
        }
        if any {
            if let Some(Hit2 { v: s, .. }) = scale(doc, j, end) {
                cur = cur.max(1).saturating_mul(s);
                if s >= 1000 {
                    total = total.saturating_add(cur);
                    cur = 0;
                }
                j += 1;
                // "one hundred and twenty"
                if j + 1 < end
                    && doc.is(j, |t| t == Tag::NumberAnd)
                    && cardinal(doc, j + 1).is_some()
                {
                    j += 1;
                }
                continue;
            }
        }
        break;
    }
    if !any || j == i {
        return None;
    }
    Some((total.saturating_add(cur), j, false))
}

struct Hit2 {
    v: u32,
}

fn scale(doc: &Doc, i: usize, end: usize) -> Option<Hit2> {
    if i >= end {
        return None;
    }
    doc.hits(i).iter().find_map(|h| match h.tag {
        Tag::Scale(v) if h.len == 1 => Some(Hit2 { v }),
        _ => None,
    })
}

fn cardinal(doc: &Doc, i: usize) -> Option<u32> {
    doc.hits(i).iter().find_map(|h| match h.tag {
        Tag::Cardinal(v) if h.len == 1 => Some(v),
        _ => None,
    })
}

/// Parses a number expression starting exactly at token `i` (not beyond `end`).
pub(crate) fn parse_at(doc: &Doc, i: usize, end: usize) -> Option<Num> {
    // Every expression opens with digits or with one of these words.
    let opens = |t: Tag| {
        matches!(
            t,
            Tag::Qualifier(_) | Tag::RangeOpener | Tag::Vague(_) | Tag::Singular | Tag::Cardinal(_)
        )
    };
    if doc.toks.get(i).is_none_or(|t| t.kind != Kind::Num)
        && !doc.hits(i).iter().any(|h| opens(h.tag))
    {
        return None;
    }
    // "an M-19 member", "AK-47 rifles", "an A-37 jet": digits joined by a hyphen to a word are
    // part of a name, not a count.
    let glued = |a: usize, b: usize| doc.toks[a].end == doc.toks[b].start;
    if doc.toks[i].kind == Kind::Num
        && i >= 2
        && doc.is_punct(i - 1, "-")
        && glued(i - 1, i)
        && glued(i - 2, i - 1)
        && doc.toks[i - 2].kind == Kind::Word
    {
        return None;
    }
    let mut j = i;
    let mut qual = None;
    if let Some(h) = doc.find(i, |t| matches!(t, Tag::Qualifier(_))) {
        if let Tag::Qualifier(q) = h.tag {
            if i + h.len < end {
                qual = Some(q);
                j = i + h.len;
            }
        }
    }
    // "between 10 and 12", "from 10 to 12"
    if doc.is(j, |t| t == Tag::RangeOpener) {
        if let Some((a, k, _)) = value(doc, j + 1, end) {
            if k + 1 < end && doc.is(k, |t| t == Tag::RangeJoiner) {
                if let Some((b, m, _)) = value(doc, k + 1, end) {
                    if b >= a {
                        return Some(Num {
                            t0: i,
                            t1: m,
                            low: Some(a),
                            high: Some(b),
                            additional: false,
                            vague: false,
                            yearlike: false,
                            article: false,
                        });
                    }
                }
            }
        }
    }
    if let Some(h) = doc.find(j, |t| matches!(t, Tag::Vague(_))) {
        if let Tag::Vague(v) = h.tag {
            if j + h.len <= end {
                return Some(Num {
                    t0: i,
                    t1: j + h.len,
                    low: Some(v),
                    high: None,
                    additional: false,
                    vague: true,
                    yearlike: false,
                    article: false,
                });
            }
        }
    }
    if let Some((a, k, yearlike)) = value(doc, j, end) {
        let mut high = Some(a);
        let mut t1 = k;
        // "10 to 12", "10-12"
        if k + 1 < end
            && doc.is(k, |t| t == Tag::RangeJoiner)
            && !doc.is(k, |t| t == Tag::NumberAnd)
        {
            if let Some((b, m, _)) = value(doc, k + 1, end) {
                if b > a {
                    high = Some(b);
                    t1 = m;
                }
            }
        }
        let (low, high, additional) = match qual {
            Some(Qualifier::Min) => (Some(a), None, false),
            Some(Qualifier::Max) => (None, high, false),
            Some(Qualifier::Additional) => (Some(a), high, true),
            Some(Qualifier::Approx | Qualifier::Exact) | None => (Some(a), high, false),
        };
        return Some(Num {
            t0: i,
            t1,
            low,
            high,
            additional,
            vague: false,
            yearlike: yearlike && qual.is_none(),
            article: false,
        });
    }
    // "a", "an", "one", "another" before a singular noun.
    if let Some(h) = doc.find(j, |t| t == Tag::Singular) {
        return Some(Num {
            t0: i,
            t1: j + h.len,
            low: Some(1),
            high: Some(1),
            additional: qual == Some(Qualifier::Additional)
                || doc.is(j, |t| t == Tag::Qualifier(Qualifier::Additional)),
            vague: false,
            yearlike: false,
            article: true,
        });
    }
    None
}

/// Every number expression in tokens `t0..t1`, left to right, not overlapping.
pub(crate) fn numbers(doc: &Doc, t0: usize, t1: usize) -> Vec<Num> {
    let mut out = Vec::new();
    let mut i = t0;
    while i < t1 {
        if let Some(n) = parse_at(doc, i, t1) {
            out.push(n);
            i = n.t1.max(i + 1);
        } else {
            i += 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::Lexicon;

    fn first(text: &str) -> Option<(Option<u32>, Option<u32>, bool)> {
        let lex = Lexicon::embedded().expect("lexicon");
        let doc = Doc::new(text, &lex);
        let n = doc.toks.len();
        numbers(&doc, 0, n)
            .into_iter()
            .find(|x| !x.article)
            .map(|x| (x.low, x.high, x.additional))
    }

    #[test]
    fn digits_and_words() {
        assert_eq!(first("55 people"), Some((Some(55), Some(55), false)));
        assert_eq!(first("1,200 people"), Some((Some(1200), Some(1200), false)));
        assert_eq!(
            first("fifty-five people"),
            Some((Some(55), Some(55), false))
        );
        assert_eq!(
            first("twenty five people"),
            Some((Some(25), Some(25), false))
        );
        assert_eq!(
            first("one hundred and twenty people"),
            Some((Some(120), Some(120), false))
        );
        assert_eq!(first("a dozen people"), Some((Some(12), Some(12), false)));
        assert_eq!(first("two dozen people"), Some((Some(24), Some(24), false)));
        assert_eq!(first("THREE SOLDIERS"), Some((Some(3), Some(3), false)));
    }

    #[test]
    fn vague_and_qualified() {
        assert_eq!(first("Dozens of people"), Some((Some(24), None, false)));
        assert_eq!(first("at least 55 people"), Some((Some(55), None, false)));
        assert_eq!(first("more than 20 people"), Some((Some(20), None, false)));
        assert_eq!(first("up to 10 people"), Some((None, Some(10), false)));
        assert_eq!(first("nearly 40 people"), Some((Some(40), Some(40), false)));
        assert_eq!(first("a further 60"), Some((Some(60), Some(60), true)));
        assert_eq!(first("several people"), Some((Some(3), None, false)));
    }

    #[test]
    fn ranges() {
        assert_eq!(
            first("between 10 and 12 people"),
            Some((Some(10), Some(12), false))
        );
        assert_eq!(first("10 to 12 people"), Some((Some(10), Some(12), false)));
        assert_eq!(first("10-12 people"), Some((Some(10), Some(12), false)));
    }

    #[test]
    fn decimals_are_not_counts() {
        assert_eq!(first("3.5 km"), None);
    }

    #[test]
    fn digits_joined_to_a_word_name_a_thing() {
        assert_eq!(first("an M-19 member"), None);
        assert_eq!(first("two AK-47 rifles"), Some((Some(2), Some(2), false)));
        // (A range of digits stays a range.)
        assert_eq!(first("10-12 people"), Some((Some(10), Some(12), false)));
    }
}
