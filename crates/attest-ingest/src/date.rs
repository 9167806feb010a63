//! Publication dates into ISO 8601.

use chrono::{DateTime, NaiveDate, NaiveDateTime, SecondsFormat};

/// Date-times with an offset that RFC 3339 does not cover.
const ZONED_FORMATS: &[&str] = &[
    "%Y-%m-%dT%H:%M:%S%z",
    "%Y-%m-%dT%H:%M:%S%.f%z",
    "%Y-%m-%d %H:%M:%S%z",
    "%Y-%m-%d %H:%M:%S %z",
    "%Y-%m-%d %H:%M:%S%:z",
    "%Y-%m-%d %H:%M:%S %:z",
    "%Y-%m-%dT%H:%M%:z",
    "%Y-%m-%dT%H:%M%z",
];

/// Date-times without an offset.
const NAIVE_FORMATS: &[&str] = &[
    "%Y-%m-%dT%H:%M:%S",
    "%Y-%m-%dT%H:%M:%S%.f",
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%d %H:%M:%S%.f",
    "%Y-%m-%dT%H:%M",
    "%Y-%m-%d %H:%M",
];

/// Dates written out.
const DATE_FORMATS: &[&str] = &[
    "%Y-%m-%d",
    "%Y%m%d",
    "%d %B %Y",
    "%d %b %Y",
    "%B %d, %Y",
    "%b %d, %Y",
    "%B %d %Y",
    "%b %d %Y",
    "%A, %d %B %Y",
    "%A, %B %d, %Y",
    "%Y/%m/%d",
];

/// Normalises a publication date to ISO 8601: `YYYY-MM-DD` for a date,
/// `YYYY-MM-DDTHH:MM:SS` for a date-time without offset, `YYYY-MM-DDTHH:MM:SS±HH:MM` (or `Z`)
/// with one. RFC 2822 dates (`Wed, 27 Apr 2016 14:03:00 +0300`) and a few spelled-out
/// forms (`27 April 2016`) are converted; `YYYY-MM` and `YYYY` are kept as partial dates.
/// `None` when the string is not a date.
///
/// ```
/// use attest_ingest::normalise_date;
/// assert_eq!(normalise_date("Wed, 27 Apr 2016 14:03:00 +0300").as_deref(), Some("2016-04-27T14:03:00+03:00"));
/// assert_eq!(normalise_date("2016-04-27").as_deref(), Some("2016-04-27"));
/// assert_eq!(normalise_date("yesterday"), None);
/// ```
pub fn normalise_date(s: &str) -> Option<String> {
    let s = s.trim();
    if s.is_empty() {
        return None;
    }
    if let Ok(dt) = DateTime::parse_from_rfc3339(s) {
        return Some(dt.to_rfc3339_opts(SecondsFormat::Secs, true));
    }
    if let Ok(dt) = DateTime::parse_from_rfc2822(s) {
        return Some(dt.to_rfc3339_opts(SecondsFormat::Secs, true));
    }
    for format in ZONED_FORMATS {
        if let Ok(dt) = DateTime::parse_from_str(s, format) {
            return Some(dt.to_rfc3339_opts(SecondsFormat::Secs, true));
        }
    }
    for format in NAIVE_FORMATS {
        if let Ok(dt) = NaiveDateTime::parse_from_str(s, format) {
            return Some(dt.format("%Y-%m-%dT%H:%M:%S").to_string());
        }
    }
    // A date with a trailing time in some unusual shape: keep the date.
    let head = s.get(..10).unwrap_or(s);
    for format in DATE_FORMATS {
        if let Ok(d) = NaiveDate::parse_from_str(s, format) {
            return Some(d.format("%Y-%m-%d").to_string());
        }
    }
    if head.len() == 10 && s.len() > 10 && s[10..].starts_with(['T', ' ']) {
        if let Ok(d) = NaiveDate::parse_from_str(head, "%Y-%m-%d") {
            return Some(d.format("%Y-%m-%d").to_string());
        }
    }
    partial_date(s)
}

/// `YYYY-MM` or `YYYY`, kept as they are when valid.
fn partial_date(s: &str) -> Option<String> {
    let digits = |p: &str| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit());
    match s.split_once('-') {
        Some((year, month)) if year.len() == 4 && month.len() == 2 && digits(year) => {
            let m: u32 = month.parse().ok()?;
            (1..=12).contains(&m).then(|| s.to_string())
        }
        None if s.len() == 4 && digits(s) => Some(s.to_string()),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::normalise_date;

    #[test]
    fn iso_forms_are_kept_or_made_canonical() {
        let cases = [
            ("2016-04-27", "2016-04-27"),
            ("2016-04-27T14:03:00", "2016-04-27T14:03:00"),
            ("2016-04-27 14:03", "2016-04-27T14:03:00"),
            ("2016-04-27T14:03:00Z", "2016-04-27T14:03:00Z"),
            ("2016-04-27T14:03:00.250+00:00", "2016-04-27T14:03:00Z"),
            ("2016-04-27T14:03:00+0300", "2016-04-27T14:03:00+03:00"),
            ("2016-04", "2016-04"),
            ("2016", "2016"),
        ];
        for (input, want) in cases {
            assert_eq!(normalise_date(input).as_deref(), Some(want), "{input}");
        }
    }

    #[test]
    fn rfc2822_and_spelled_out_dates_are_converted() {
        assert_eq!(
            normalise_date("Thu, 28 Apr 2016 09:15:00 GMT").as_deref(),
            Some("2016-04-28T09:15:00Z")
        );
        assert_eq!(
            normalise_date("27 April 2016").as_deref(),
            Some("2016-04-27")
        );
        assert_eq!(
            normalise_date("April 27, 2016").as_deref(),
            Some("2016-04-27")
        );
    }

    #[test]
    fn non_dates_are_refused() {
        for input in [
            "",
            "yesterday",
            "2016-13-01",
            "2016-02-30",
            "2016-13",
            "12345",
        ] {
            assert_eq!(normalise_date(input), None, "{input}");
        }
    }
}
