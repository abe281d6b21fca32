//! Reading the times people type: an RFC 3339 instant, a local
//! `YYYY-MM-DD HH:MM`, a clock time today (`07:42`), or yesterday's
//! (`i går 16:10` / `yesterday 16:10`). Pure: "now" and the zone are given.
//!
//! Every date and time is in a sane range: from 1 January [`FIRST_YEAR`]
//! to [`YEARS_AHEAD`] years after today. Anything else is a typing slip
//! (0001 for 2001), and is refused with a message saying the range.

use chrono::{DateTime, Datelike, Days, NaiveDate, NaiveDateTime, NaiveTime, TimeZone, Utc};
use chrono_tz::Tz;

/// Why a typed time could not be read. Carries the offending piece of the
/// input (dates and clock times are never caller data).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WhenError {
    Empty,
    TooLong,
    /// Looks like a date but is not one (e.g. 2026-02-30).
    BadDate(String),
    /// Looks like a clock time but is not one (e.g. 25:00).
    BadTime(String),
    /// Not a form we understand.
    Format,
    /// The local time does not exist (skipped by a daylight-saving change).
    Skipped,
    /// After the given "now".
    InFuture,
    /// A receipt more than [`RECEIPT_MAX_AGE_DAYS`] days back: almost
    /// always a typo in the year or the month.
    TooOld {
        days: i64,
    },
    /// Outside 1970 to [`YEARS_AHEAD`] years after today; says the range.
    OutOfRange {
        first: i32,
        last: i32,
    },
}

/// The first year a date may be in.
pub const FIRST_YEAR: i32 = 1970;
/// How many years after today a date may be.
pub const YEARS_AHEAD: i32 = 100;

/// The last year a date may be in, seen from `today`.
pub fn last_year(today: NaiveDate) -> i32 {
    today.year().saturating_add(YEARS_AHEAD)
}

/// Checks that `date` lies from 1 January 1970 to 31 December of the year
/// [`YEARS_AHEAD`] years after `today`.
pub fn check_range(date: NaiveDate, today: NaiveDate) -> Result<NaiveDate, WhenError> {
    let last = last_year(today);
    if date.year() < FIRST_YEAR || date.year() > last {
        return Err(WhenError::OutOfRange {
            first: FIRST_YEAR,
            last,
        });
    }
    Ok(date)
}

/// Parses `YYYY-MM-DD` (as [`parse_date`]) and checks its range.
pub fn parse_day(s: &str, today: NaiveDate) -> Result<NaiveDate, WhenError> {
    check_range(parse_date(s)?, today)
}

const MAX_LEN: usize = 64;

/// Parses `HH:MM` (also `H:MM`, `HH.MM`, `HHMM`).
pub fn parse_clock(s: &str) -> Result<NaiveTime, WhenError> {
    let s = s.trim();
    // A receipt's time always has minutes: "07:42", "7.42" or "0742".
    let (h, m) = if let Some((h, m)) = s.split_once([':', '.']) {
        (h, m)
    } else if s.len() == 4 && s.chars().all(|c| c.is_ascii_digit()) {
        s.split_at(2)
    } else {
        return Err(WhenError::Format);
    };
    let digits = |t: &str| !t.is_empty() && t.chars().all(|c| c.is_ascii_digit());
    if !digits(h) || h.len() > 2 || !digits(m) || m.len() != 2 {
        return Err(WhenError::Format);
    }
    crate::calendar::parse_clock(&format!("{h}:{m}"))
        .ok_or_else(|| WhenError::BadTime(s.to_string()))
}

/// Parses `YYYY-MM-DD`, telling a malformed string from an impossible date.
pub fn parse_date(s: &str) -> Result<NaiveDate, WhenError> {
    let s = s.trim();
    let parts: Vec<&str> = s.split('-').collect();
    let well_formed = parts.len() == 3
        && parts[0].len() == 4
        && parts[1].len() == 2
        && parts[2].len() == 2
        && parts.iter().all(|p| p.chars().all(|c| c.is_ascii_digit()));
    if !well_formed {
        return Err(WhenError::Format);
    }
    NaiveDate::parse_from_str(s, "%Y-%m-%d").map_err(|_| WhenError::BadDate(s.to_string()))
}

/// Maps a local wall-clock time to an instant. A time skipped by DST is an
/// error; an ambiguous one (autumn) takes the earlier instant.
pub fn local_to_utc(tz: Tz, dt: NaiveDateTime) -> Result<DateTime<Utc>, WhenError> {
    tz.from_local_datetime(&dt)
        .earliest()
        .map(|t| t.with_timezone(&Utc))
        .ok_or(WhenError::Skipped)
}

/// Parses a typed receipt time relative to `now` in zone `tz`.
pub fn parse_when(input: &str, now: DateTime<Utc>, tz: Tz) -> Result<DateTime<Utc>, WhenError> {
    let s = input.trim();
    if s.is_empty() {
        return Err(WhenError::Empty);
    }
    if s.len() > MAX_LEN {
        return Err(WhenError::TooLong);
    }
    let today = now.with_timezone(&tz).date_naive();
    if let Ok(t) = DateTime::parse_from_rfc3339(s) {
        check_range(t.with_timezone(&tz).date_naive(), today)?;
        return Ok(t.with_timezone(&Utc));
    }
    let lower = s.to_lowercase();
    let words: Vec<&str> = lower.split_whitespace().collect();
    let (date, time) = match words.as_slice() {
        [t] if t.get(10..11) == Some("t") => {
            // Looks like RFC 3339 but did not parse: say what is wrong.
            let (d, rest) = t.split_at(10);
            parse_date(d)?;
            return Err(WhenError::BadTime(
                rest.trim_start_matches('t').to_uppercase(),
            ));
        }
        [t] => (today, parse_clock(t)?),
        ["i", "går", t] | ["igår", t] | ["i", "gar", t] | ["yesterday", t] => (
            today
                .checked_sub_days(Days::new(1))
                .ok_or(WhenError::Format)?,
            parse_clock(t)?,
        ),
        ["i", "dag", t] | ["idag", t] | ["today", t] => (today, parse_clock(t)?),
        [d, t] => (parse_date(d)?, parse_clock(t)?),
        _ => return Err(WhenError::Format),
    };
    check_range(date, today)?;
    let at = local_to_utc(tz, date.and_time(time))?;
    Ok(at)
}

/// How far back a typed receipt may be without saying it is meant: longer
/// than a summer closure, shorter than the usual typo (the wrong year).
pub const RECEIPT_MAX_AGE_DAYS: i64 = 60;

/// Like [`parse_when`], for a receipt: it cannot be in the future (a
/// minute's slack for clocks that differ), nor more than
/// [`RECEIPT_MAX_AGE_DAYS`] days back.
pub fn parse_received(input: &str, now: DateTime<Utc>, tz: Tz) -> Result<DateTime<Utc>, WhenError> {
    let at = parse_received_old_ok(input, now, tz)?;
    let days = (now - at).num_days();
    if days > RECEIPT_MAX_AGE_DAYS {
        return Err(WhenError::TooOld { days });
    }
    Ok(at)
}

/// [`parse_received`] for a receipt the person has said is that old
/// (`--old` on the command line): still never in the future.
pub fn parse_received_old_ok(
    input: &str,
    now: DateTime<Utc>,
    tz: Tz,
) -> Result<DateTime<Utc>, WhenError> {
    let at = parse_when(input, now, tz)?;
    if at > now + chrono::Duration::minutes(1) {
        return Err(WhenError::InFuture);
    }
    Ok(at)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono_tz::Europe::Oslo;
    use proptest::prelude::*;

    fn now() -> DateTime<Utc> {
        // Monday 23 November 2026, 10:42 in Oslo (UTC+1).
        Utc.with_ymd_and_hms(2026, 11, 23, 9, 42, 0).unwrap()
    }

    #[test]
    fn accepts_the_forms_people_type() {
        let n = now();
        assert_eq!(
            parse_when("07:42", n, Oslo).unwrap(),
            Utc.with_ymd_and_hms(2026, 11, 23, 6, 42, 0).unwrap()
        );
        assert_eq!(parse_when("0742", n, Oslo), parse_when("7:42", n, Oslo));
        assert_eq!(parse_when("07.42", n, Oslo), parse_when("07:42", n, Oslo));
        let y = Utc.with_ymd_and_hms(2026, 11, 22, 15, 10, 0).unwrap();
        assert_eq!(parse_when("i går 16:10", n, Oslo).unwrap(), y);
        assert_eq!(parse_when("yesterday 16:10", n, Oslo).unwrap(), y);
        assert_eq!(parse_when("I GÅR 16:10", n, Oslo).unwrap(), y);
        assert_eq!(
            parse_when("2026-07-01 10:00", n, Oslo).unwrap(),
            Utc.with_ymd_and_hms(2026, 7, 1, 8, 0, 0).unwrap()
        );
        assert_eq!(
            parse_when("2026-07-01T10:00:00+02:00", n, Oslo).unwrap(),
            Utc.with_ymd_and_hms(2026, 7, 1, 8, 0, 0).unwrap()
        );
    }

    #[test]
    fn names_what_is_wrong() {
        let n = now();
        assert_eq!(parse_when("", n, Oslo), Err(WhenError::Empty));
        assert_eq!(
            parse_when("25:00", n, Oslo),
            Err(WhenError::BadTime("25:00".into()))
        );
        assert_eq!(
            parse_when("12:60", n, Oslo),
            Err(WhenError::BadTime("12:60".into()))
        );
        assert_eq!(
            parse_when("2026-02-30 10:00", n, Oslo),
            Err(WhenError::BadDate("2026-02-30".into()))
        );
        assert_eq!(
            parse_when("2026-02-30T10:00:00Z", n, Oslo),
            Err(WhenError::BadDate("2026-02-30".into()))
        );
        assert_eq!(parse_when("soon", n, Oslo), Err(WhenError::Format));
        assert_eq!(
            parse_when("2026/01/01 10:00", n, Oslo),
            Err(WhenError::Format)
        );
        assert_eq!(
            parse_when(&"9".repeat(100), n, Oslo),
            Err(WhenError::TooLong)
        );
        // 02:30 on 29 March 2026 does not exist in Oslo.
        assert_eq!(
            parse_when("2026-03-29 02:30", n, Oslo),
            Err(WhenError::Skipped)
        );
        assert_eq!(parse_received("23:00", n, Oslo), Err(WhenError::InFuture));
    }

    #[test]
    fn dates_from_1970_to_100_years_ahead() {
        let n = now();
        let range = WhenError::OutOfRange {
            first: 1970,
            last: 2126,
        };
        for bad in [
            "0000-01-01 10:00",
            "0001-01-01 10:00",
            "1969-12-31 23:59",
            "2127-01-01 00:00",
            "9999-12-31 10:00",
            "0001-01-01T10:00:00Z",
            "9999-12-31T23:59:59+14:00",
        ] {
            assert_eq!(parse_when(bad, n, Oslo), Err(range.clone()), "{bad}");
        }
        for good in ["1970-01-01 01:00", "2126-12-31 23:59", "2026-11-23 07:00"] {
            assert!(parse_when(good, n, Oslo).is_ok(), "{good}");
        }
        let today = n.date_naive();
        assert_eq!(parse_day("0001-01-01", today), Err(range));
        assert_eq!(
            parse_day("2026-11-23", today),
            Ok(NaiveDate::from_ymd_opt(2026, 11, 23).unwrap())
        );
        // A receipt far back is a typo unless the person says it is meant.
        assert!(parse_received_old_ok("1970-06-01 10:00", n, Oslo).is_ok());
        assert!(matches!(
            parse_received("1970-06-01 10:00", n, Oslo),
            Err(WhenError::TooOld { .. })
        ));
        // The limit itself: 60 whole days back is fine, 61 is not.
        let back = |d: i64| (n - chrono::Duration::days(d)).with_timezone(&Oslo);
        let typed = |d: i64| back(d).format("%Y-%m-%d %H:%M").to_string();
        assert!(parse_received(&typed(RECEIPT_MAX_AGE_DAYS), n, Oslo).is_ok());
        assert_eq!(
            parse_received(&typed(RECEIPT_MAX_AGE_DAYS + 1), n, Oslo),
            Err(WhenError::TooOld {
                days: RECEIPT_MAX_AGE_DAYS + 1
            })
        );
    }

    #[test]
    fn ambiguous_autumn_time_takes_the_earlier_instant() {
        let t = parse_when("2026-10-25 02:30", now(), Oslo).unwrap();
        assert_eq!(t, Utc.with_ymd_and_hms(2026, 10, 25, 0, 30, 0).unwrap());
    }

    proptest! {
        #[test]
        fn never_panics(s in "\\PC{0,80}") {
            let _ = parse_when(&s, now(), Oslo);
        }

        #[test]
        fn clock_times_round_trip(h in 0u32..24, m in 0u32..60) {
            let t = parse_clock(&format!("{h:02}:{m:02}")).unwrap();
            prop_assert_eq!(t, NaiveTime::from_hms_opt(h, m, 0).unwrap());
        }
    }
}
