//! Dates and times in plain words in the user's language: "i dag 15:00",
//! "i morgen 15:00", "FORFALT 2 t". Pure: "now" and the zone are given.

use chrono::{DateTime, Datelike, NaiveDate, Utc};
use chrono_tz::Tz;

use crate::i18n::{Lang, time as t};

/// An instant as fixed-width UTC text (`2026-11-23T14:00:00Z`): how the
/// store keeps times (string order is time order) and how exports write them.
pub fn utc_text(t: DateTime<Utc>) -> String {
    t.format("%Y-%m-%dT%H:%M:%SZ").to_string()
}

/// Reads an instant in RFC 3339 (as [`utc_text`] writes it).
pub fn parse_utc_text(s: &str) -> Option<DateTime<Utc>> {
    DateTime::parse_from_rfc3339(s)
        .ok()
        .map(|t| t.with_timezone(&Utc))
}

/// A short weekday name, e.g. "man." / "Mon".
pub fn weekday_short(d: NaiveDate, lang: Lang) -> &'static str {
    t::WEEKDAYS_SHORT[d.weekday().num_days_from_monday() as usize].get(lang)
}

/// A short month name, e.g. "nov." / "Nov".
pub fn month_short(d: NaiveDate, lang: Lang) -> &'static str {
    t::MONTHS_SHORT[d.month0() as usize].get(lang)
}

/// "man. 23. nov. 10:42" / "Mon 23 Nov 10:42", for the status bar.
pub fn clock_line(now: DateTime<Utc>, tz: Tz, lang: Lang) -> String {
    let l = now.with_timezone(&tz);
    let d = l.date_naive();
    t::CLOCK_LINE.fill(
        lang,
        &[
            ("wd", &weekday_short(d, lang)),
            ("day", &d.day()),
            ("mon", &month_short(d, lang)),
            ("time", &l.format("%H:%M")),
        ],
    )
}

/// A day relative to today: "i dag", "i morgen", "i går", a weekday name
/// within the coming or past week, else "2. des.".
pub fn day_words(day: NaiveDate, today: NaiveDate, lang: Lang) -> String {
    let diff = (day - today).num_days();
    match diff {
        0 => t::TODAY.get(lang).to_string(),
        1 => t::TOMORROW.get(lang).to_string(),
        -1 => t::YESTERDAY.get(lang).to_string(),
        -6..=6 => weekday_short(day, lang).to_string(),
        _ => t::DAY_MONTH.fill(
            lang,
            &[("day", &day.day()), ("mon", &month_short(day, lang))],
        ),
    }
}

/// "i dag 15:00", "fre. 14:05", "2. des. 15:00".
pub fn when_words(at: DateTime<Utc>, now: DateTime<Utc>, tz: Tz, lang: Lang) -> String {
    let l = at.with_timezone(&tz);
    let today = now.with_timezone(&tz).date_naive();
    format!(
        "{} {}",
        day_words(l.date_naive(), today, lang),
        l.format("%H:%M")
    )
}

/// A length of time, rounded down to the largest useful unit:
/// "5 min", "2 t", "3 d" / "5 min", "2 h", "3 d".
pub fn duration_words(d: chrono::Duration, lang: Lang) -> String {
    let mins = d.num_minutes().max(0);
    if mins < 60 {
        t::MINUTES.fill(lang, &[("n", &mins)])
    } else if mins < 48 * 60 {
        t::HOURS.fill(lang, &[("n", &(mins / 60))])
    } else {
        t::DAYS.fill(lang, &[("n", &(mins / (24 * 60)))])
    }
}

/// How a deadline reads in the queue: overdue by how long, or when.
pub fn deadline_words(deadline: DateTime<Utc>, now: DateTime<Utc>, tz: Tz, lang: Lang) -> String {
    if deadline <= now {
        t::OVERDUE_BY.fill(lang, &[("d", &duration_words(now - deadline, lang))])
    } else {
        when_words(deadline, now, tz, lang)
    }
}

/// Full local date and time for detail views: "23.11.2026 15:00".
pub fn absolute(at: DateTime<Utc>, tz: Tz) -> String {
    at.with_timezone(&tz).format("%d.%m.%Y %H:%M").to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;
    use chrono_tz::Europe::Oslo;

    fn now() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, 23, 9, 42, 0).unwrap() // Mon 10:42 Oslo
    }

    #[test]
    fn clock_line_in_both_languages() {
        assert_eq!(clock_line(now(), Oslo, Lang::Nb), "man. 23. nov. 10:42");
        assert_eq!(clock_line(now(), Oslo, Lang::En), "Mon 23 Nov 10:42");
    }

    #[test]
    fn deadlines_in_plain_words() {
        let n = now();
        let today15 = Utc.with_ymd_and_hms(2026, 11, 23, 14, 0, 0).unwrap();
        let tomorrow15 = Utc.with_ymd_and_hms(2026, 11, 24, 14, 0, 0).unwrap();
        let fri15 = Utc.with_ymd_and_hms(2026, 11, 27, 14, 0, 0).unwrap();
        let far = Utc.with_ymd_and_hms(2026, 12, 14, 14, 0, 0).unwrap();
        assert_eq!(deadline_words(today15, n, Oslo, Lang::Nb), "i dag 15:00");
        assert_eq!(deadline_words(today15, n, Oslo, Lang::En), "today 15:00");
        assert_eq!(
            deadline_words(tomorrow15, n, Oslo, Lang::Nb),
            "i morgen 15:00"
        );
        assert_eq!(deadline_words(fri15, n, Oslo, Lang::Nb), "fre. 15:00");
        assert_eq!(deadline_words(far, n, Oslo, Lang::Nb), "14. des. 15:00");
        assert_eq!(deadline_words(far, n, Oslo, Lang::En), "14 Dec 15:00");
        let two_h_ago = n - chrono::Duration::minutes(125);
        assert_eq!(deadline_words(two_h_ago, n, Oslo, Lang::Nb), "FORFALT 2 t");
        assert_eq!(deadline_words(two_h_ago, n, Oslo, Lang::En), "OVERDUE 2 h");
        assert_eq!(
            deadline_words(n - chrono::Duration::minutes(5), n, Oslo, Lang::Nb),
            "FORFALT 5 min"
        );
        assert_eq!(
            deadline_words(n - chrono::Duration::days(3), n, Oslo, Lang::En),
            "OVERDUE 3 d"
        );
    }

    #[test]
    fn local_day_not_utc_day() {
        // 23:30 UTC on 23 Nov is 00:30 on 24 Nov in Oslo: "tomorrow".
        let late = Utc.with_ymd_and_hms(2026, 11, 23, 23, 30, 0).unwrap();
        assert_eq!(when_words(late, now(), Oslo, Lang::En), "tomorrow 00:30");
        assert_eq!(absolute(late, Oslo), "24.11.2026 00:30");
    }
}
