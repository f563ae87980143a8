use crate::cat::{cat, push_padded};
use crate::error::{Error, Result};
use std::fmt;

/// A calendar date as the number of days since 1970-01-01 (proleptic Gregorian).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date(pub i32);

fn is_leap(y: i32) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

fn days_in_month(y: i32, m: u32) -> u32 {
    match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        _ => if is_leap(y) { 29 } else { 28 },
    }
}

impl Date {
    /// From year, month, day; `None` when no such day exists. Years 1..=9999.
    pub fn from_ymd(y: i32, m: u32, d: u32) -> Option<Date> {
        if !(1..=9999).contains(&y) || !(1..=12).contains(&m) || d == 0 || d > days_in_month(y, m) {
            return None;
        }
        // Howard Hinnant's days_from_civil.
        let y = if m <= 2 { y - 1 } else { y };
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let mp = (m as i32 + 9) % 12;
        let doy = (153 * mp + 2) / 5 + d as i32 - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        Some(Date(era * 146_097 + doe - 719_468))
    }

    /// Year, month, day. Computed in i64 so that any day number, even far outside
    /// the years we accept, converts without overflow.
    pub fn ymd(self) -> (i64, u32, u32) {
        let z = self.0 as i64 + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
        let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
        let y = yoe + era * 400 + if m <= 2 { 1 } else { 0 };
        (y, m, d)
    }

    /// Parses exactly `YYYY-MM-DD`; the error names `field`.
    pub fn parse(s: &str, field: &str) -> Result<Date> {
        // The input quoted as JSON quotes it (`"x"`): no Debug formatting in the module.
        let quoted = || crate::json::Json::str(s).to_text();
        let bad = || Error::invalid(field, cat(&[&quoted(), " is not a date (YYYY-MM-DD)"]));
        let b = s.as_bytes();
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return Err(bad());
        }
        // Digits read from the bytes: no `str` slicing (and its panic path) or `parse`.
        let num = |r: std::ops::Range<usize>| -> Option<u32> {
            b.get(r)?.iter().try_fold(0u32, |n, &c| c.is_ascii_digit().then(|| n * 10 + u32::from(c - b'0')))
        };
        let (y, m, d) = (num(0..4).ok_or_else(bad)?, num(5..7).ok_or_else(bad)?, num(8..10).ok_or_else(bad)?);
        Date::from_ymd(y as i32, m, d)
            .ok_or_else(|| Error::invalid(field, cat(&[&quoted(), " is not a real calendar date"])))
    }

    /// Saturates instead of overflowing on absurd day numbers.
    /// The date at `obj[key]`; errors name `at.key`.
    pub fn parse_member(obj: &crate::json::Json, at: &str, key: &str) -> Result<Date> {
        let field = crate::error::path(at, key);
        Date::parse(crate::json::as_str(crate::json::member(obj, at, key)?, &field)?, &field)
    }

    pub fn add_days(self, n: i32) -> Date {
        Date(self.0.saturating_add(n))
    }
}

impl Date {
    /// `YYYY-MM-DD`, as `format!("{y:04}-{m:02}-{d:02}")` (any year, even negative or past 9999).
    pub fn text(self) -> String {
        let (y, m, d) = self.ymd();
        let mut out = String::with_capacity(10);
        push_padded(&mut out, y, 4);
        out.push('-');
        push_padded(&mut out, i64::from(m), 2);
        out.push('-');
        push_padded(&mut out, i64::from(d), 2);
        out
    }
}

/// The same as [`Date::text`] (the wasm build calls `text`, which needs no `core::fmt`).
impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_prints() {
        for s in ["1970-01-01", "2024-02-29", "2026-11-25", "0001-01-01", "9999-12-31"] {
            assert_eq!(Date::parse(s, "d").unwrap().to_string(), s);
        }
        assert_eq!(Date::parse("1970-01-02", "d").unwrap(), Date(1));
    }

    #[test]
    fn refuses_impossible_dates() {
        for s in ["2026-02-29", "2026-13-01", "2026-00-10", "2026-1-01", "20260101", "", "2026-04-31", "+026-01-01"] {
            assert!(Date::parse(s, "at").is_err(), "{s}");
        }
    }

    #[test]
    fn extreme_day_numbers_print_without_overflow() {
        for n in [i32::MAX, i32::MIN, -719_469, -719_162, -1, 0, 2_932_896, 2_932_897] {
            let (y, m, d) = Date(n).ymd();
            assert_eq!(Date(n).text(), format!("{y:04}-{m:02}-{d:02}"), "{n}");
        }
    }

    #[test]
    fn day_numbers_round_trip() {
        for n in -719_162..=2_932_896 {
            if n % 997 == 0 {
                let d = Date(n);
                let (y, m, dd) = d.ymd();
                assert_eq!(Date::from_ymd(y as i32, m, dd), Some(d));
            }
        }
    }
}
