//! Calendar days and great-circle distances, without dependencies.

/// Days since 1970-01-01 of an ISO date or date-time (`YYYY-MM-DD...`); `None` if malformed.
pub(crate) fn day_number(iso: &str) -> Option<i64> {
    let b = iso.as_bytes();
    if b.len() < 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let y: i64 = iso.get(0..4)?.parse().ok()?;
    let m: i64 = iso.get(5..7)?.parse().ok()?;
    let d: i64 = iso.get(8..10)?.parse().ok()?;
    if !(1..=12).contains(&m) || !(1..=31).contains(&d) {
        return None;
    }
    // Howard Hinnant's days_from_civil.
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    Some(era * 146_097 + doe - 719_468)
}

/// Great-circle distance in km between two WGS 84 points.
pub(crate) fn haversine_km(a: (f64, f64), b: (f64, f64)) -> f64 {
    const R: f64 = 6371.0;
    let (la1, lo1) = (a.0.to_radians(), a.1.to_radians());
    let (la2, lo2) = (b.0.to_radians(), b.1.to_radians());
    let h = ((la2 - la1) / 2.0).sin().powi(2)
        + la1.cos() * la2.cos() * ((lo2 - lo1) / 2.0).sin().powi(2);
    2.0 * R * h.sqrt().min(1.0).asin()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn day_numbers_count_calendar_days() {
        assert_eq!(day_number("1970-01-01"), Some(0));
        assert_eq!(day_number("2016-04-28T09:30:00Z"), Some(16_919));
        assert_eq!(
            day_number("2016-03-01")
                .zip(day_number("2016-02-28"))
                .map(|(a, b)| a - b),
            Some(2)
        );
        assert_eq!(day_number("28/04/2016"), None);
        assert_eq!(day_number("2016-13-01"), None);
    }

    #[test]
    fn haversine_matches_known_distance() {
        // Aleppo to Damascus is about 310 km.
        let d = haversine_km((36.2021, 37.1343), (33.5138, 36.2765));
        assert!((300.0..320.0).contains(&d), "{d}");
        assert!(haversine_km((36.2, 37.1), (36.2, 37.1)) < 1e-9);
    }
}
