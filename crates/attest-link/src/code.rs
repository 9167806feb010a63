//! Human-readable incident codes.

/// An incident's code: country, date and a sequence number, e.g. `SY-2016-04-27-001`.
///
/// A missing or malformed country becomes `XX`, a missing or malformed date `0000-00-00`; the
/// store picks `seq` as one more than the highest code already issued for that prefix, so a code
/// never changes once given.
///
/// ```
/// assert_eq!(attest_link::incident_code(Some("sy"), Some("2016-04-27"), 1), "SY-2016-04-27-001");
/// assert_eq!(attest_link::incident_code(None, None, 12), "XX-0000-00-00-012");
/// ```
pub fn incident_code(country_code: Option<&str>, date: Option<&str>, seq: u32) -> String {
    let cc = country_code
        .map(str::trim)
        .filter(|c| c.len() == 2 && c.chars().all(|ch| ch.is_ascii_alphabetic()))
        .map(str::to_ascii_uppercase)
        .unwrap_or_else(|| "XX".to_string());
    let day = date
        .and_then(|d| d.get(0..10))
        .filter(|d| crate::measure::day_number(d).is_some())
        .unwrap_or("0000-00-00");
    format!("{cc}-{day}-{seq:03}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_padded_and_normalised() {
        assert_eq!(
            incident_code(Some("IQ"), Some("2017-06-01T10:00:00Z"), 7),
            "IQ-2017-06-01-007"
        );
        assert_eq!(
            incident_code(Some("Syria"), Some("1 May"), 1000),
            "XX-0000-00-00-1000"
        );
    }
}
