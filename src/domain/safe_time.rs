//! When it is safe to call a caller back, read from their own words.
//!
//! The words are kept as said ([`crate::domain::promise::Safety::safe_times`]);
//! this module reads the common shapes into windows of the week, so the next
//! attempt can be planned inside one and a wish the line's hours can never
//! meet is said plainly. Norwegian and English:
//!
//! - after / before: `etter kl. 18`, `after 18:00`, `ikke før 10`,
//!   `not before 10`, `før 12`, `before 12`, `ikke etter 20`, `til 14`;
//! - between: `mellom 12 og 14`, `between 12 and 14`, `fra 12 til 14`,
//!   `from 12 to 14`, `12-14`, `kl. 12–14`;
//! - days: `mandag`, `man.`, `tirsdag og torsdag`, `man–fre`, `hverdager`,
//!   `weekdays`, `helg`, `weekend`, with or without a time
//!   (`tirsdag etter 17`); several wishes joined by `,`, `;`, `eller`, `or`.
//!
//! Anything else is [`SafeTimes::Unread`]: the text stands, and the app says
//! it could not be read, rather than guess. Clock times and weekday names
//! are read by the calendar's one parser for each.

use chrono::{DateTime, Datelike, Duration, NaiveDate, NaiveTime, Timelike, Utc, Weekday};

use crate::calendar::{CalendarSettings, parse_clock, parse_weekday};

/// A set of weekdays, one bit per day (Monday = bit 0).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Days(u8);

impl Days {
    pub const ALL: Days = Days(0b111_1111);
    pub const WEEKDAYS: Days = Days(0b001_1111);
    pub const WEEKEND: Days = Days(0b110_0000);

    pub fn one(d: Weekday) -> Days {
        Days(1 << d.num_days_from_monday())
    }

    /// Monday to Friday style ranges; a range that wraps (`fre–man`) wraps.
    pub fn range(from: Weekday, to: Weekday) -> Days {
        let mut days = Days(0);
        let mut d = from;
        loop {
            days.0 |= Days::one(d).0;
            if d == to {
                return days;
            }
            d = d.succ();
        }
    }

    pub fn contains(self, d: Weekday) -> bool {
        self.0 & Days::one(d).0 != 0
    }

    fn union(self, other: Days) -> Days {
        Days(self.0 | other.0)
    }
}

/// One window of the week when a call is safe: on `days`, from `from`
/// until `until` (the end of the day when `None`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Window {
    pub days: Days,
    pub from: NaiveTime,
    pub until: Option<NaiveTime>,
}

impl Window {
    fn contains(&self, day: Weekday, t: NaiveTime) -> bool {
        self.days.contains(day) && t >= self.from && self.until.is_none_or(|u| t < u)
    }
}

/// What the caller's words say about when to call.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SafeTimes {
    /// Nothing said: any time the line is open.
    Any,
    /// Read into these windows (a call is safe inside any one of them).
    Windows(Vec<Window>),
    /// Words that could not be read: the text stands, to be read by a person.
    Unread,
}

/// The longest text read; longer ones are left to a person.
const MAX_CHARS: usize = 120;

/// Reads the caller's words. Never panics; bounded by [`MAX_CHARS`].
pub fn read(text: &str) -> SafeTimes {
    let text = text.trim();
    if text.is_empty() {
        return SafeTimes::Any;
    }
    if text.chars().count() > MAX_CHARS {
        return SafeTimes::Unread;
    }
    let lower = text.to_lowercase();
    let mut windows = Vec::new();
    for part in split_wishes(&lower) {
        match read_wish(&part) {
            Some(w) => windows.push(w),
            None => return SafeTimes::Unread,
        }
    }
    if windows.is_empty() {
        SafeTimes::Unread
    } else {
        SafeTimes::Windows(windows)
    }
}

/// Splits "tirsdag etter 17, eller torsdag før 12" into wishes. "og"/"and"
/// join days ("tirsdag og torsdag") or the ends of a "mellom … og …", so
/// they do not split.
fn split_wishes(lower: &str) -> Vec<String> {
    let mut parts = Vec::new();
    for chunk in lower.split([',', ';']) {
        let words: Vec<&str> = chunk.split_whitespace().collect();
        let mut current: Vec<&str> = Vec::new();
        for w in words {
            if w == "eller" || w == "or" {
                if !current.is_empty() {
                    parts.push(current.join(" "));
                }
                current.clear();
            } else {
                current.push(w);
            }
        }
        if !current.is_empty() {
            parts.push(current.join(" "));
        }
    }
    parts
}

/// Words that carry no meaning for the window ("kl.", "only", "bare").
fn is_filler(w: &str) -> bool {
    matches!(
        w,
        "kl" | "kl."
            | "klokka"
            | "klokken"
            | "at"
            | "only"
            | "bare"
            | "kun"
            | "på"
            | "on"
            | "om"
            | "the"
            | "dagen"
            | "dag"
            | "i"
            | "helst"
            | "preferably"
            | "ring"
            | "call"
            | "o'clock"
    )
}

/// A clock time as people say it: `18`, `18:30`, `18.30`, `1830`, `6pm`.
fn clock(word: &str) -> Option<NaiveTime> {
    let w = word.trim_end_matches(['.', ')']).trim_start_matches('(');
    if let Some(h) = w.strip_suffix("pm") {
        let t = clock(h)?;
        return match t.hour() {
            12 => Some(t),
            1..=11 => NaiveTime::from_hms_opt(t.hour() + 12, t.minute(), 0),
            _ => None,
        };
    }
    if let Some(h) = w.strip_suffix("am") {
        let t = clock(h)?;
        return match t.hour() {
            12 => NaiveTime::from_hms_opt(0, t.minute(), 0),
            0..=11 => Some(t),
            _ => None,
        };
    }
    if w.len() == 4 && w.bytes().all(|b| b.is_ascii_digit()) {
        let (h, m) = w.split_at(2);
        return parse_clock(&format!("{h}:{m}"));
    }
    parse_clock(w)
}

/// Days named in one wish: single days, ranges (`man-fre`, `mandag til
/// fredag`), groups (`hverdager`, `helg`).
fn day_word(w: &str) -> Option<Days> {
    let w = w.trim_end_matches(['.', ':']);
    match w {
        "hverdager" | "hverdag" | "ukedager" | "weekdays" | "weekday" => {
            return Some(Days::WEEKDAYS);
        }
        "helg" | "helgen" | "helgene" | "weekend" | "weekends" => return Some(Days::WEEKEND),
        _ => {}
    }
    if let Some(d) = parse_weekday(w) {
        return Some(Days::one(d));
    }
    // Plurals: "tirsdager", "mondays".
    for suffix in ["er", "s"] {
        if let Some(stem) = w.strip_suffix(suffix)
            && let Some(d) = parse_weekday(stem)
        {
            return Some(Days::one(d));
        }
    }
    if let Some((a, b)) = w.split_once(['-', '–'])
        && let (Some(a), Some(b)) = (parse_weekday(a), parse_weekday(b))
    {
        return Some(Days::range(a, b));
    }
    None
}

/// One wish: optional days, then at most one time shape.
fn read_wish(part: &str) -> Option<Window> {
    // Split "12-14" and "12–14" into "12 - 14" so one scan reads both.
    let spaced = part.replace(['–', '—'], " - ");
    let mut words: Vec<String> = Vec::new();
    for w in spaced.split_whitespace() {
        if let Some((a, b)) = w.split_once('-')
            && clock(a).is_some()
            && clock(b).is_some()
        {
            words.extend([a.to_string(), "-".to_string(), b.to_string()]);
        } else {
            words.push(w.to_string());
        }
    }
    let words: Vec<&str> = words
        .iter()
        .map(String::as_str)
        .filter(|w| !is_filler(w))
        .collect();

    let mut days: Option<Days> = None;
    let mut from: Option<NaiveTime> = None;
    let mut until: Option<NaiveTime> = None;
    let mut i = 0;
    while i < words.len() {
        let w = words[i];
        let next = words.get(i + 1).copied();
        let after_next = words.get(i + 2).copied();
        if let Some(d) = day_word(w) {
            // "mandag til fredag" / "monday to friday"
            if let (Some(link), Some(end)) = (next, after_next)
                && matches!(link, "til" | "to" | "through" | "-")
                && let Some(end_days) = day_word(end)
                && d.0.count_ones() == 1
                && end_days.0.count_ones() == 1
            {
                let a = weekday_of(d)?;
                let b = weekday_of(end_days)?;
                days = Some(days.map_or(Days::range(a, b), |x| x.union(Days::range(a, b))));
                i += 3;
                continue;
            }
            days = Some(days.map_or(d, |x| x.union(d)));
            i += 1;
            continue;
        }
        match w {
            "og" | "and" | "&" => {
                i += 1;
            }
            "etter" | "after" | "from" | "fra" | "fom" | "since" => {
                // "fra 12 til 14" / "from 12 to 14"
                let t = clock(next?)?;
                if let (Some(link), Some(end)) = (after_next, words.get(i + 3).copied())
                    && matches!(link, "til" | "to" | "until" | "-")
                    && let Some(e) = clock(end)
                {
                    from = Some(t);
                    until = Some(e);
                    i += 4;
                } else {
                    if from.is_some() {
                        return None;
                    }
                    from = Some(t);
                    i += 2;
                }
            }
            "før" | "for" | "before" | "til" | "until" | "innen" | "by" => {
                if until.is_some() {
                    return None;
                }
                until = Some(clock(next?)?);
                i += 2;
            }
            "ikke" | "not" => {
                // "ikke før 10" = after 10; "ikke etter 20" = before 20.
                let t = clock(after_next?)?;
                match next? {
                    "før" | "for" | "before" => from = Some(t),
                    "etter" | "after" => until = Some(t),
                    _ => return None,
                }
                i += 3;
            }
            "mellom" | "between" => {
                let a = clock(next?)?;
                let link = after_next?;
                if !matches!(link, "og" | "and" | "-" | "til" | "to") {
                    return None;
                }
                let b = clock(words.get(i + 3).copied()?)?;
                from = Some(a);
                until = Some(b);
                i += 4;
            }
            _ => {
                // A bare range "12 - 14".
                let a = clock(w)?;
                if next == Some("-")
                    && let Some(b) = after_next.and_then(clock)
                {
                    from = Some(a);
                    until = Some(b);
                    i += 3;
                } else {
                    return None;
                }
            }
        }
    }
    if days.is_none() && from.is_none() && until.is_none() {
        return None;
    }
    let from = from.unwrap_or(NaiveTime::MIN);
    if let Some(u) = until
        && u <= from
    {
        return None;
    }
    Some(Window {
        days: days.unwrap_or(Days::ALL),
        from,
        until,
    })
}

fn weekday_of(d: Days) -> Option<Weekday> {
    (d.0.count_ones() == 1).then(|| {
        let n = d.0.trailing_zeros();
        Weekday::try_from(n as u8).unwrap_or(Weekday::Mon)
    })
}

/// How many days ahead a safe time inside opening hours is looked for.
pub const LOOK_AHEAD_DAYS: i64 = 28;

impl SafeTimes {
    /// Whether a call at this local weekday and time is safe by the words
    /// (an unread text allows nothing for certain: `false`).
    pub fn allows(&self, day: Weekday, t: NaiveTime) -> bool {
        match self {
            SafeTimes::Any => true,
            SafeTimes::Windows(ws) => ws.iter().any(|w| w.contains(day, t)),
            SafeTimes::Unread => false,
        }
    }

    /// The first instant at or after `from` that is inside both the line's
    /// opening hours and a safe window, within [`LOOK_AHEAD_DAYS`]. `None`
    /// when the hours never meet the wish (say so to the coordinator), and
    /// for [`SafeTimes::Unread`] (a person reads the text).
    pub fn next_safe(&self, cal: &CalendarSettings, from: DateTime<Utc>) -> Option<DateTime<Utc>> {
        let windows: Vec<Window> = match self {
            SafeTimes::Any => vec![Window {
                days: Days::ALL,
                from: NaiveTime::MIN,
                until: None,
            }],
            SafeTimes::Windows(ws) => ws.clone(),
            SafeTimes::Unread => return None,
        };
        let first_day = cal.local_date(from);
        for n in 0..=LOOK_AHEAD_DAYS {
            let day = first_day + Duration::days(n);
            let Some(hours) = cal.hours_on(day) else {
                continue;
            };
            let mut best: Option<DateTime<Utc>> = None;
            for w in windows.iter().filter(|w| w.days.contains(day.weekday())) {
                let start = hours.open.max(w.from);
                let end = w.until.map_or(hours.close, |u| u.min(hours.close));
                if start >= end {
                    continue;
                }
                let Some(start_at) = at(cal, day, start) else {
                    continue;
                };
                let Some(end_at) = at(cal, day, end) else {
                    continue;
                };
                let candidate = start_at.max(from);
                if candidate < end_at && best.is_none_or(|b| candidate < b) {
                    best = Some(candidate);
                }
            }
            if best.is_some() {
                return best;
            }
        }
        None
    }
}

/// The instant of a local date and time in the calendar's zone (the
/// earlier one in the autumn hour; a skipped spring time moves forward).
fn at(cal: &CalendarSettings, day: NaiveDate, t: NaiveTime) -> Option<DateTime<Utc>> {
    use chrono::TimeZone;
    let local = day.and_time(t);
    cal.tz
        .from_local_datetime(&local)
        .earliest()
        .or_else(|| {
            cal.tz
                .from_local_datetime(&(local + Duration::hours(1)))
                .earliest()
        })
        .map(|d| d.with_timezone(&Utc))
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;
    use proptest::prelude::*;

    fn t(h: u32, m: u32) -> NaiveTime {
        NaiveTime::from_hms_opt(h, m, 0).unwrap()
    }

    fn one(from: NaiveTime, until: Option<NaiveTime>, days: Days) -> SafeTimes {
        SafeTimes::Windows(vec![Window { days, from, until }])
    }

    #[test]
    fn after_a_time() {
        for s in [
            "etter kl. 18",
            "etter 18",
            "Etter kl 18:00",
            "after 18:00",
            "after 6pm",
            "after 6:00pm",
            "ikke før 18",
            "not before 18.00",
            "fra 18",
            "etter 1800",
            "bare etter kl. 18",
        ] {
            assert_eq!(read(s), one(t(18, 0), None, Days::ALL), "{s}");
        }
    }

    #[test]
    fn before_a_time() {
        for s in [
            "før 12",
            "før kl. 12",
            "before 12:00",
            "ikke etter 12",
            "not after 12",
            "til 12",
        ] {
            assert_eq!(
                read(s),
                one(NaiveTime::MIN, Some(t(12, 0)), Days::ALL),
                "{s}"
            );
        }
    }

    #[test]
    fn between_two_times() {
        for s in [
            "mellom 12 og 14",
            "mellom kl. 12 og 14",
            "between 12 and 14",
            "between 12:00 and 14:00",
            "fra 12 til 14",
            "from 12 to 14",
            "12-14",
            "kl. 12–14",
            "12 - 14",
            "etter 12 før 14",
        ] {
            assert_eq!(read(s), one(t(12, 0), Some(t(14, 0)), Days::ALL), "{s}");
        }
    }

    #[test]
    fn days_with_and_without_times() {
        let tue = Days::one(Weekday::Tue);
        let thu = Days::one(Weekday::Thu);
        assert_eq!(read("tirsdag etter 17"), one(t(17, 0), None, tue));
        assert_eq!(read("Tuesday after 17"), one(t(17, 0), None, tue));
        assert_eq!(read("tirsdag"), one(NaiveTime::MIN, None, tue));
        assert_eq!(
            read("tirsdag og torsdag mellom 12 og 14"),
            one(t(12, 0), Some(t(14, 0)), tue.union(thu))
        );
        assert_eq!(
            read("hverdager etter 16"),
            one(t(16, 0), None, Days::WEEKDAYS)
        );
        assert_eq!(
            read("weekdays after 16"),
            one(t(16, 0), None, Days::WEEKDAYS)
        );
        assert_eq!(
            read("man-fre før 10"),
            one(NaiveTime::MIN, Some(t(10, 0)), Days::WEEKDAYS)
        );
        assert_eq!(
            read("mandag til fredag"),
            one(NaiveTime::MIN, None, Days::WEEKDAYS)
        );
        assert_eq!(read("helg"), one(NaiveTime::MIN, None, Days::WEEKEND));
        assert_eq!(read("tirsdager"), one(NaiveTime::MIN, None, tue));
    }

    #[test]
    fn several_wishes() {
        let s = read("tirsdag etter 17, eller torsdag før 12");
        assert_eq!(
            s,
            SafeTimes::Windows(vec![
                Window {
                    days: Days::one(Weekday::Tue),
                    from: t(17, 0),
                    until: None
                },
                Window {
                    days: Days::one(Weekday::Thu),
                    from: NaiveTime::MIN,
                    until: Some(t(12, 0))
                },
            ])
        );
        assert!(matches!(read("før 10 or after 18"), SafeTimes::Windows(w) if w.len() == 2));
    }

    #[test]
    fn what_cannot_be_read_is_said_not_guessed() {
        assert_eq!(read(""), SafeTimes::Any);
        assert_eq!(read("   "), SafeTimes::Any);
        for s in [
            "når mannen er på jobb",
            "when the kids are asleep",
            "etter",
            "mellom 14 og 12",
            "etter 25",
            "after 13pm",
            "etter 18 etter 19",
            "12-",
            "kl.",
            &"etter 18 ".repeat(30),
        ] {
            assert_eq!(read(s), SafeTimes::Unread, "{s:?}");
        }
    }

    proptest! {
        #[test]
        fn never_panics(s in "\\PC{0,200}") {
            let _ = read(&s);
        }

        #[test]
        fn typed_hours_read_back(h in 0u32..24, m in 0u32..60) {
            let s = format!("etter kl. {h:02}:{m:02}");
            prop_assert_eq!(read(&s), one(t(h, m), None, Days::ALL));
        }
    }

    fn oslo(y: i32, mo: u32, d: u32, h: u32, mi: u32) -> DateTime<Utc> {
        chrono_tz::Europe::Oslo
            .with_ymd_and_hms(y, mo, d, h, mi, 0)
            .unwrap()
            .with_timezone(&Utc)
    }

    #[test]
    fn the_next_safe_time_is_inside_both_the_wish_and_the_hours() {
        // Default hours: weekdays 09:00–15:00 (see CalendarSettings::default).
        let cal = CalendarSettings::default();
        let h = cal
            .hours_on(NaiveDate::from_ymd_opt(2026, 12, 7).unwrap())
            .unwrap();
        // Monday 7 Dec 2026, 10:00.
        let mon10 = oslo(2026, 12, 7, 10, 0);
        assert_eq!(SafeTimes::Any.next_safe(&cal, mon10), Some(mon10));
        // "etter 12": later the same day.
        assert_eq!(
            read("etter 12").next_safe(&cal, mon10),
            Some(oslo(2026, 12, 7, 12, 0))
        );
        // "før 10": tomorrow at opening.
        assert_eq!(
            read("før 10").next_safe(&cal, mon10),
            Some(oslo(2026, 12, 8, h.open.hour(), h.open.minute()))
        );
        // "torsdag": Thursday at opening.
        assert_eq!(
            read("torsdag").next_safe(&cal, mon10),
            Some(oslo(2026, 12, 10, h.open.hour(), h.open.minute()))
        );
        // After closing: never met by these hours.
        let after_close = format!("etter {}", (h.close.hour() + 3).min(23));
        assert_eq!(read(&after_close).next_safe(&cal, mon10), None);
        assert_eq!(
            read("helg").next_safe(&cal, mon10),
            None,
            "closed at weekends"
        );
        assert_eq!(SafeTimes::Unread.next_safe(&cal, mon10), None);
    }

    #[test]
    fn holidays_are_skipped() {
        let cal = CalendarSettings::default();
        // Wednesday 23 Dec 2026, 16:00 (after closing); "fredag": 25 Dec is
        // Christmas Day, so the Friday after, 1 Jan, is New Year's Day too:
        // Friday 8 Jan 2027.
        let from = oslo(2026, 12, 23, 16, 0);
        let open = cal
            .hours_on(NaiveDate::from_ymd_opt(2027, 1, 8).unwrap())
            .unwrap()
            .open;
        assert_eq!(
            read("fredag").next_safe(&cal, from),
            Some(oslo(2027, 1, 8, open.hour(), open.minute()))
        );
    }
}
