//! Dates: absolute ("27 April", "April 27, 2016", "26 SEP 89") and relative to publication
//! ("yesterday", "on Wednesday").

use crate::lexicon::Tag;
use crate::text::{Doc, Kind};
use chrono::{Datelike, Duration, NaiveDate};

/// Dates further back than this before publication are history, not the incident.
const MAX_DAYS_BEFORE: i64 = 120;

/// A day and month without a year up to this many days after publication are dates ahead.
const FUTURE_DAYS: i64 = 45;

/// A date found in the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct DateHit {
    pub(crate) t0: usize,
    pub(crate) t1: usize,
    pub(crate) start: NaiveDate,
    pub(crate) end: NaiveDate,
    /// "day", "month" or "year".
    pub(crate) precision: &'static str,
    /// Long before publication: background, not the incident's date.
    pub(crate) history: bool,
}

/// Reads the date part of an ISO date or date-time.
pub(crate) fn parse_published(s: &str) -> Option<NaiveDate> {
    let head = s.trim().get(..10)?;
    NaiveDate::parse_from_str(head, "%Y-%m-%d").ok()
}

fn month_at(doc: &Doc, i: usize) -> Option<u32> {
    doc.hits(i).iter().find_map(|h| match h.tag {
        Tag::Month(m) if h.len == 1 => Some(m),
        _ => None,
    })
}

fn num_at(doc: &Doc, i: usize, end: usize) -> Option<(u32, usize)> {
    if i >= end || doc.toks[i].kind != Kind::Num {
        return None;
    }
    let raw = doc.raw(i);
    if raw.contains(',') || raw.contains('.') {
        return None;
    }
    Some((raw.parse().ok()?, raw.len()))
}

/// The first year "in <year>" may name as background ("executed in 1842"); earlier numbers
/// after "in" are rarely years.
const HISTORY_FROM: u32 = 1800;

fn year_of(v: u32, len: usize) -> Option<i32> {
    match len {
        4 if (1900..=2100).contains(&v) => Some(v as i32),
        2 => Some(if v >= 30 {
            1900 + v as i32
        } else {
            2000 + v as i32
        }),
        _ => None,
    }
}

/// Token `i` starts with a capital letter in the original text.
fn capital(doc: &Doc, i: usize) -> bool {
    doc.toks[i].cap
}

fn resolve(
    year: Option<i32>,
    month: u32,
    day: u32,
    published: Option<NaiveDate>,
) -> Option<NaiveDate> {
    match year {
        Some(y) => NaiveDate::from_ymd_opt(y, month, day),
        None => {
            let p = published?;
            let d = NaiveDate::from_ymd_opt(p.year(), month, day)?;
            if d <= p {
                Some(d)
            } else if (d - p).num_days() <= FUTURE_DAYS {
                // "the Jan. 30 elections", a week before them: a date ahead, not a past one.
                None
            } else {
                NaiveDate::from_ymd_opt(p.year() - 1, month, day)
            }
        }
    }
}

/// Every date in tokens `t0..t1`.
pub(crate) fn dates(doc: &Doc, t0: usize, t1: usize, published: Option<NaiveDate>) -> Vec<DateHit> {
    let mut out = Vec::new();
    let mut i = t0;
    while i < t1 {
        let hit = date_at(doc, i, t1, published);
        match hit {
            Some(h) => {
                let past = published.is_none_or(|p| h.start <= p);
                let old = published.is_some_and(|p| (p - h.start).num_days() > MAX_DAYS_BEFORE);
                if past {
                    out.push(DateHit { history: old, ..h });
                }
                i = h.t1.max(i + 1);
            }
            None => i += 1,
        }
    }
    out
}

/// A small count at token `i` ("three", "10", "a"): (value, next token).
fn count_at(doc: &Doc, i: usize, end: usize) -> Option<(u32, usize)> {
    if let Some((v, _)) = num_at(doc, i, end) {
        return Some((v, i + 1));
    }
    doc.hits(i).iter().find_map(|h| match h.tag {
        Tag::Cardinal(v) if h.len == 1 => Some((v, i + 1)),
        Tag::Singular if h.len == 1 => Some((1, i + 1)),
        _ => None,
    })
}

fn period_at(doc: &Doc, i: usize, end: usize) -> Option<u32> {
    if i >= end {
        return None;
    }
    doc.hits(i).iter().find_map(|h| match h.tag {
        Tag::Period(days) if h.len == 1 => Some(days),
        _ => None,
    })
}

/// "ten years ago", "last year": a period counted back from publication, read only when it
/// reaches further back than the incidents a report tells of (it marks background). Shorter ones
/// ("two weeks ago", "last month") are often told relative to another event and are left alone.
fn counted_back(doc: &Doc, i: usize, end: usize, p: NaiveDate) -> Option<DateHit> {
    let (n, k) = match count_at(doc, i, end) {
        Some(x) => x,
        // "last year": one back.
        None if doc.is(i, |t| t == Tag::Previous) => (1, i + 1),
        None => return None,
    };
    let unit = period_at(doc, k, end)?;
    let ago = k + 1 < end && doc.is(k + 1, |t| t == Tag::Ago);
    let (t1, days, reach) = if k == i + 1 && doc.is(i, |t| t == Tag::Previous) {
        // "last year" spans the whole previous period: on the whole, half of it further back.
        (
            k + 1,
            i64::from(unit),
            i64::from(unit) + i64::from(unit) / 2,
        )
    } else if ago {
        let days = i64::from(n.min(200)) * i64::from(unit);
        (k + 2, days, days)
    } else {
        return None;
    };
    if reach <= MAX_DAYS_BEFORE {
        return None;
    }
    let d = p - Duration::days(days);
    let precision = if unit >= 365 { "year" } else { "month" };
    let (start, end_d) = if precision == "year" {
        (
            NaiveDate::from_ymd_opt(d.year(), 1, 1)?,
            NaiveDate::from_ymd_opt(d.year(), 12, 31)?,
        )
    } else {
        (d, d)
    };
    Some(DateHit {
        t0: i,
        t1,
        start,
        end: end_d,
        precision,
        history: true,
    })
}

fn date_at(doc: &Doc, i: usize, end: usize, published: Option<NaiveDate>) -> Option<DateHit> {
    // Every date opens with digits or with one of these words.
    let opens = |t: Tag| {
        matches!(
            t,
            Tag::Relative(_)
                | Tag::Weekday(_)
                | Tag::Month(_)
                | Tag::Cardinal(_)
                | Tag::Singular
                | Tag::Previous
        )
    };
    if doc.toks[i].kind != Kind::Num && !doc.hits(i).iter().any(|h| opens(h.tag)) {
        return None;
    }
    if let Some(h) = published.and_then(|p| counted_back(doc, i, end, p)) {
        return Some(h);
    }
    // "in 1966": a year before the year of publication marks background.
    if let (Some((y, 4)), Some(p)) = (num_at(doc, i, end), published) {
        let after_locative = i > 0 && doc.is(i - 1, |t| t == Tag::Locative || t == Tag::WeekdayCue);
        if after_locative && (HISTORY_FROM..p.year() as u32).contains(&y) {
            let start = NaiveDate::from_ymd_opt(y as i32, 1, 1)?;
            return Some(DateHit {
                t0: i,
                t1: i + 1,
                start,
                end: NaiveDate::from_ymd_opt(y as i32, 12, 31)?,
                precision: "year",
                history: true,
            });
        }
    }
    // Relative phrases.
    if let Some(h) = doc.find(i, |t| matches!(t, Tag::Relative(_))) {
        if let (Tag::Relative(days), Some(p)) = (h.tag, published) {
            let d = p - Duration::days(i64::from(days));
            return Some(DateHit {
                t0: i,
                t1: i + h.len,
                start: d,
                end: d,
                precision: "day",
                history: false,
            });
        }
    }
    // Weekdays: the most recent such day on or before publication.
    if let Some(h) = doc.find(i, |t| matches!(t, Tag::Weekday(_))) {
        if let (Tag::Weekday(wd), Some(p), true) = (h.tag, published, capital(doc, i)) {
            let cur = p.weekday().number_from_monday();
            let back = (7 + cur - wd) % 7;
            let d = p - Duration::days(i64::from(back));
            return Some(DateHit {
                t0: i,
                t1: i + h.len,
                start: d,
                end: d,
                precision: "day",
                history: false,
            });
        }
    }
    // DAY MONTH [YEAR]
    if let Some((day, _)) = num_at(doc, i, end) {
        if (1..=31).contains(&day) && i + 1 < end && capital(doc, i + 1) {
            if let Some(m) = month_at(doc, i + 1) {
                let mut k = i + 2;
                if k < end && doc.is_punct(k, ".") {
                    k += 1;
                }
                if k < end && doc.is_punct(k, ",") {
                    k += 1;
                }
                let year = num_at(doc, k, end).and_then(|(v, l)| year_of(v, l));
                let t1 = if year.is_some() { k + 1 } else { i + 2 };
                let d = resolve(year, m, day, published)?;
                return Some(DateHit {
                    t0: i,
                    t1,
                    start: d,
                    end: d,
                    precision: "day",
                    history: false,
                });
            }
        }
        return None;
    }
    // MONTH DAY[, YEAR] or MONTH YEAR
    if capital(doc, i) {
        if let Some(m) = month_at(doc, i) {
            let mut k = i + 1;
            if k < end && doc.is_punct(k, ".") {
                k += 1;
            }
            if let Some((v, len)) = num_at(doc, k, end) {
                if (1..=31).contains(&v) && len <= 2 {
                    let mut y = k + 1;
                    if y < end && doc.is_punct(y, ",") {
                        y += 1;
                    }
                    let year = num_at(doc, y, end)
                        .filter(|(_, l)| *l == 4)
                        .and_then(|(yv, l)| year_of(yv, l));
                    let t1 = if year.is_some() { y + 1 } else { k + 1 };
                    let d = resolve(year, m, v, published)?;
                    return Some(DateHit {
                        t0: i,
                        t1,
                        start: d,
                        end: d,
                        precision: "day",
                        history: false,
                    });
                }
                if len == 4 {
                    let y = year_of(v, len)?;
                    let start = NaiveDate::from_ymd_opt(y, m, 1)?;
                    let next = if m == 12 {
                        NaiveDate::from_ymd_opt(y + 1, 1, 1)
                    } else {
                        NaiveDate::from_ymd_opt(y, m + 1, 1)
                    }?;
                    return Some(DateHit {
                        t0: i,
                        t1: k + 1,
                        start,
                        end: next - Duration::days(1),
                        precision: "month",
                        history: false,
                    });
                }
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::Lexicon;

    fn all(text: &str, published: &str) -> Vec<(String, &'static str)> {
        let lex = Lexicon::embedded().expect("lexicon");
        let doc = Doc::new(text, &lex);
        let n = doc.toks.len();
        dates(&doc, 0, n, parse_published(published))
            .into_iter()
            .filter(|d| !d.history)
            .map(|d| (d.start.to_string(), d.precision))
            .collect()
    }

    #[test]
    fn absolute_dates() {
        assert_eq!(
            all("on 27 April the town", "2016-04-28"),
            vec![("2016-04-27".into(), "day")]
        );
        assert_eq!(
            all("on April 27, 2016 the", "2016-04-28"),
            vec![("2016-04-27".into(), "day")]
        );
        assert_eq!(
            all("BOGOTA, 26 SEP 89 (DPA)", "1989-09-26"),
            vec![("1989-09-26".into(), "day")]
        );
        assert_eq!(
            all("in March 2016", "2016-04-28"),
            vec![("2016-03-01".into(), "month")]
        );
    }

    #[test]
    fn day_month_without_year_is_never_after_publication() {
        assert_eq!(
            all("on 30 December", "2016-01-02"),
            vec![("2015-12-30".into(), "day")]
        );
        // A few weeks ahead: a date to come, not last year's.
        assert!(all("before the 30 January vote", "2016-01-02").is_empty());
    }

    #[test]
    fn relative_dates() {
        // 2016-04-28 was a Thursday.
        assert_eq!(
            all("on Wednesday", "2016-04-28"),
            vec![("2016-04-27".into(), "day")]
        );
        assert_eq!(
            all("on Thursday", "2016-04-28"),
            vec![("2016-04-28".into(), "day")]
        );
        assert_eq!(
            all("on Friday", "2016-04-28T10:00:00Z"),
            vec![("2016-04-22".into(), "day")]
        );
        assert_eq!(
            all("yesterday", "2016-04-28"),
            vec![("2016-04-27".into(), "day")]
        );
        assert_eq!(
            all("late last night", "2016-04-28"),
            vec![("2016-04-27".into(), "day")]
        );
    }

    #[test]
    fn long_periods_counted_back_are_history() {
        let lex = Lexicon::embedded().expect("lexicon");
        let hits = |text: &str| {
            let doc = Doc::new(text, &lex);
            let n = doc.toks.len();
            dates(&doc, 0, n, parse_published("2016-04-28"))
                .into_iter()
                .map(|d| (d.start.to_string(), d.precision, d.history))
                .collect::<Vec<_>>()
        };
        assert_eq!(
            hits("he was shot ten years ago"),
            vec![("2006-01-01".into(), "year", true)]
        );
        assert_eq!(
            hits("killed last year"),
            vec![("2015-01-01".into(), "year", true)]
        );
        assert_eq!(
            hits("six months ago"),
            vec![("2015-10-31".into(), "month", true)]
        );
        // Recent periods are often told relative to another event: not read.
        assert!(hits("two weeks ago").is_empty());
        assert!(hits("last month").is_empty());
        assert!(hits("for three years").is_empty());
    }

    #[test]
    fn modal_may_and_old_history_are_not_dates() {
        assert!(all("they may 5 times", "2016-04-28").is_empty());
        assert!(all("since 12 May 1982", "2016-04-28").is_empty());
        assert!(all("on 30 April", "2016-04-28").is_empty());
    }
}
