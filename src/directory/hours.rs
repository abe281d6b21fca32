//! Opening hours of a service: 24/7, weekly hours, or free text; and
//! whether it is open at a given instant (the clock is always passed in).
//!
//! The weekly form is written the way people write it:
//! `mon-fri 09:00-15:00; sat 10-14` or in Norwegian `man–fre 9–15`,
//! `daglig 14-22`. A closing time at or before the opening time runs past
//! midnight (`fri 22:00-02:00`). Text that is not in this form is kept as
//! free text, and "open now" is then unknown rather than guessed.
//!
//! Weekly hours are closed on Norwegian public holidays (17 May, Easter,
//! Christmas Day …, see [`crate::calendar`]) unless the hours say
//! otherwise: `holidays 10-14` (`helligdager 10–14`) or `holidays as
//! usual` (`helligdager som vanlig`). A day of the year can have its own
//! hours, before weekly hours and holidays: `24.12 09-12` (Christmas Eve,
//! a half day) or `31.12 closed` (`31.12 stengt`). A 24/7 service is open
//! every day.

use chrono::{DateTime, Datelike, NaiveDate, Timelike, Utc};
use chrono_tz::Tz;

/// One line of weekly hours: the days it applies to and the minutes of the
/// day it opens and closes (`close` may be 1440 for midnight).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rule {
    /// Monday first.
    pub days: [bool; 7],
    pub open: u16,
    pub close: u16,
}

/// What weekly hours mean on a Norwegian public holiday.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum OnHolidays {
    /// Closed: the rule unless the hours say otherwise.
    #[default]
    Closed,
    /// The weekday's usual hours.
    AsUsual,
    /// These hours, whatever the weekday.
    Hours { open: u16, close: u16 },
}

/// Hours on one day of every year (`24.12 09:00-12:00`), which come before
/// the weekly hours and the public holidays.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DayHours {
    pub month: u32,
    pub day: u32,
    /// Opening and closing minute; `None` is closed all day.
    pub hours: Option<(u16, u16)>,
}

/// Weekly hours, with what they mean on public holidays and on given
/// days of the year. Reads as the list of weekly rules.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Week {
    pub rules: Vec<Rule>,
    pub holidays: OnHolidays,
    pub days: Vec<DayHours>,
}

impl From<Vec<Rule>> for Week {
    fn from(rules: Vec<Rule>) -> Week {
        Week {
            rules,
            ..Week::default()
        }
    }
}

impl std::ops::Deref for Week {
    type Target = [Rule];
    fn deref(&self) -> &[Rule] {
        &self.rules
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Hours {
    /// Nothing is known.
    #[default]
    Unknown,
    /// Open around the clock, holidays too.
    Always,
    Weekly(Week),
    /// Written hours that could not be read as weekly hours.
    Text(String),
}

const DAY_KEYS: [&str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
/// Longest hours text that is parsed (longer text is kept as free text).
const MAX_PARSE: usize = 300;

/// A day in a list of opening days: the calendar's one weekday parser,
/// plus the two-letter forms only such lists use (`ma-fr`, `lo/so`; in
/// free text "to" and "on" are words, not days).
fn day_index(word: &str) -> Option<usize> {
    let w = crate::directory::fold::fold(word);
    let w = w.trim_end_matches('.');
    if let Some(d) = crate::calendar::parse_weekday(w) {
        return Some(d.num_days_from_monday() as usize);
    }
    ["ma", "ti", "on", "to", "fr", "lo", "so"]
        .iter()
        .position(|n| *n == w)
}

fn parse_days(spec: &str) -> Option<[bool; 7]> {
    let s = crate::directory::fold::fold(spec);
    let mut days = [false; 7];
    match s.as_str() {
        "daily" | "daglig" | "every day" | "alle dager" | "hver dag" => return Some([true; 7]),
        "weekdays" | "hverdager" | "ukedager" => {
            return Some([true, true, true, true, true, false, false]);
        }
        "weekends" | "helg" | "helger" => {
            return Some([false, false, false, false, false, true, true]);
        }
        _ => {}
    }
    // fold() turned "-", "–" and "," into spaces, so read the raw text.
    for part in spec.split(['/', '+', '&']) {
        let part = part.trim();
        if part.is_empty() {
            continue;
        }
        let mut ends = part.splitn(2, ['-', '–']);
        let a = day_index(ends.next()?.trim())?;
        match ends.next() {
            Some(b) => {
                let b = day_index(b.trim())?;
                let mut i = a;
                loop {
                    days[i] = true;
                    if i == b {
                        break;
                    }
                    i = (i + 1) % 7;
                }
            }
            None => days[a] = true,
        }
    }
    days.iter().any(|d| *d).then_some(days)
}

/// Minutes after midnight; `24`/`24:00` is the end of the day (closing at
/// midnight). Everything else is the calendar's one clock parser.
fn parse_clock(s: &str) -> Option<u16> {
    let s = s.trim();
    if matches!(s, "24" | "24:00" | "24.00") {
        return Some(24 * 60);
    }
    let t = crate::calendar::parse_clock(s)?;
    u16::try_from(t.hour() * 60 + t.minute()).ok()
}

/// One clause of weekly hours.
enum Clause {
    Rule(Rule),
    Holidays(OnHolidays),
    Day(DayHours),
}

/// "10-14" (open and close, not equal).
fn parse_span(times: &str) -> Option<(u16, u16)> {
    let times = times.trim().trim_start_matches("kl").trim();
    let (o, c) = times.split_once(['-', '–'])?;
    let open = parse_clock(o)?;
    let close = parse_clock(c)?;
    (open < 1440 && open != close).then_some((open, close))
}

fn is_closed_word(w: &str) -> bool {
    matches!(w, "closed" | "stengt" | "lukket")
}

/// `holidays closed`, `helligdager som vanlig`, `holidays 10-14`.
fn parse_holidays(seg: &str) -> Option<OnHolidays> {
    let f = crate::directory::fold::fold(seg);
    let rest = [
        "public holidays",
        "holidays",
        "helligdager",
        "helligdag",
        "rode dager",
    ]
    .iter()
    .find_map(|w| f.strip_prefix(w))?
    .trim();
    if is_closed_word(rest) {
        return Some(OnHolidays::Closed);
    }
    if matches!(rest, "as usual" | "open" | "som vanlig" | "apent" | "apen") {
        return Some(OnHolidays::AsUsual);
    }
    // The times from the raw text (fold() turned "-" into a space).
    let at = seg.find(|c: char| c.is_ascii_digit())?;
    let (open, close) = parse_span(&seg[at..])?;
    Some(OnHolidays::Hours { open, close })
}

/// `24.12 09:00-12:00`, `24.12. 9-12`, `31.12 closed`.
fn parse_day(seg: &str) -> Option<DayHours> {
    let (date, rest) = seg.trim().split_once(char::is_whitespace)?;
    let (d, m) = date.trim_end_matches('.').split_once('.')?;
    if d.is_empty() || d.len() > 2 || m.is_empty() || m.len() > 2 {
        return None;
    }
    let (day, month): (u32, u32) = (d.parse().ok()?, m.parse().ok()?);
    // A day that exists in some year (29.02 does in leap years).
    NaiveDate::from_ymd_opt(2000, month, day)?;
    let rest = rest.trim();
    let hours = if is_closed_word(&crate::directory::fold::fold(rest)) {
        None
    } else {
        Some(parse_span(rest)?)
    };
    Some(DayHours { month, day, hours })
}

fn parse_clause(seg: &str) -> Option<Clause> {
    if let Some(h) = parse_holidays(seg) {
        return Some(Clause::Holidays(h));
    }
    if seg.trim().starts_with(|c: char| c.is_ascii_digit()) {
        return parse_day(seg).map(Clause::Day);
    }
    parse_rule(seg).map(Clause::Rule)
}

/// Weekly hours from clauses; `None` if any clause is not understood, a
/// clause is repeated, or there are no weekly hours at all.
fn parse_week(text: &str) -> Option<Week> {
    let mut week = Week::default();
    let mut holidays_said = false;
    for seg in text.split([';', ',']).filter(|s| !s.trim().is_empty()) {
        week.add(parse_clause(seg)?, &mut holidays_said)?;
    }
    (!week.rules.is_empty()).then_some(week)
}

fn parse_rule(seg: &str) -> Option<Rule> {
    let seg = seg.trim();
    let split = seg.find(|c: char| c.is_ascii_digit())?;
    let (days, times) = seg.split_at(split);
    let days = parse_days(days.trim().trim_end_matches(':'))?;
    let times = times.trim().trim_start_matches("kl").trim();
    let (o, c) = times.split_once(['-', '–'])?;
    let open = parse_clock(o)?;
    let close = parse_clock(c)?;
    if open >= 1440 || open == close {
        return None;
    }
    Some(Rule { days, open, close })
}

impl Hours {
    /// Reads hours as stored or typed. Never fails: what is not understood
    /// is kept as free text.
    pub fn parse(text: &str) -> Hours {
        let t = text.trim();
        if t.is_empty() {
            return Hours::Unknown;
        }
        let f = crate::directory::fold::fold(t);
        if matches!(
            f.as_str(),
            "24 7"
                | "24t"
                | "dognapent"
                | "dognapen"
                | "always"
                | "alltid"
                | "always open"
                | "apent hele dognet"
        ) {
            return Hours::Always;
        }
        if t.chars().count() > MAX_PARSE {
            return Hours::Text(t.to_string());
        }
        match parse_week(t) {
            Some(w) => Hours::Weekly(w),
            None => Hours::Text(t.to_string()),
        }
    }

    /// The stored form, which [`Hours::parse`] reads back to the same value.
    pub fn to_text(&self) -> String {
        match self {
            Hours::Unknown => String::new(),
            Hours::Always => "24/7".into(),
            Hours::Text(t) => t.clone(),
            Hours::Weekly(week) => {
                let mut parts: Vec<String> = week
                    .rules
                    .iter()
                    .map(|r| {
                        format!(
                            "{} {}-{}",
                            days_text(&r.days, &DAY_KEYS),
                            clock(r.open),
                            clock(r.close)
                        )
                    })
                    .collect();
                parts.extend(week.holidays_text());
                parts.extend(week.days.iter().map(DayHours::to_text));
                parts.join("; ")
            }
        }
    }

    /// Whether the service is open at `now` in zone `tz`; `None` when the
    /// hours are unknown or free text.
    pub fn open_at(&self, now: DateTime<Utc>, tz: Tz) -> Option<bool> {
        match self {
            Hours::Always => Some(true),
            Hours::Unknown | Hours::Text(_) => None,
            Hours::Weekly(week) => {
                let local = now.with_timezone(&tz);
                let today = local.date_naive();
                let minute = (local.hour() * 60 + local.minute()) as u16;
                let open_today = week
                    .spans_on(today)
                    .iter()
                    .any(|&(o, c)| minute >= o && (c <= o || minute < c));
                // What opened yesterday and runs past midnight.
                let from_yesterday = today
                    .pred_opt()
                    .is_some_and(|y| week.spans_on(y).iter().any(|&(o, c)| c <= o && minute < c));
                Some(open_today || from_yesterday)
            }
        }
    }
}

impl Week {
    /// The opening spans (open, close minute; close at or before open runs
    /// past midnight) that start on `date`: the day's own hours if it has
    /// them, else closed on a public holiday unless the hours say
    /// otherwise, else the weekday's hours.
    pub fn spans_on(&self, date: NaiveDate) -> Vec<(u16, u16)> {
        if let Some(d) = self
            .days
            .iter()
            .find(|d| (d.month, d.day) == (date.month(), date.day()))
        {
            return d.hours.into_iter().collect();
        }
        let weekday = || {
            let i = date.weekday().num_days_from_monday() as usize;
            self.rules
                .iter()
                .filter(|r| r.days[i])
                .map(|r| (r.open, r.close))
                .collect()
        };
        if crate::calendar::is_public_holiday(date) {
            return match self.holidays {
                OnHolidays::Closed => Vec::new(),
                OnHolidays::AsUsual => weekday(),
                OnHolidays::Hours { open, close } => vec![(open, close)],
            };
        }
        weekday()
    }

    /// What is said beyond the weekly rules (the holiday clause if not the
    /// default, and the days of the year), as stored; `None` if nothing.
    pub fn special_text(&self) -> Option<String> {
        let parts: Vec<String> = self
            .holidays_text()
            .into_iter()
            .chain(self.days.iter().map(DayHours::to_text))
            .collect();
        (!parts.is_empty()).then(|| parts.join("; "))
    }

    /// Sets what [`Week::special_text`] wrote; `None` (and no change) if
    /// any part is not understood or is a weekly rule.
    pub fn set_special(&mut self, text: &str) -> Option<()> {
        let mut extra = Week::default();
        let mut holidays_said = false;
        for seg in text.split([';', ',']).filter(|s| !s.trim().is_empty()) {
            match parse_clause(seg)? {
                Clause::Rule(_) => return None,
                c => extra.add(c, &mut holidays_said)?,
            }
        }
        self.holidays = extra.holidays;
        self.days = extra.days;
        Some(())
    }

    /// Adds a clause; `None` if it repeats the holiday clause or a day.
    fn add(&mut self, clause: Clause, holidays_said: &mut bool) -> Option<()> {
        match clause {
            Clause::Rule(r) => self.rules.push(r),
            Clause::Holidays(h) => {
                if std::mem::replace(holidays_said, true) {
                    return None;
                }
                self.holidays = h;
            }
            Clause::Day(d) => {
                if self
                    .days
                    .iter()
                    .any(|o| (o.month, o.day) == (d.month, d.day))
                {
                    return None;
                }
                self.days.push(d);
            }
        }
        Some(())
    }

    /// The holiday clause as stored; none for the default (closed).
    pub fn holidays_text(&self) -> Option<String> {
        match self.holidays {
            OnHolidays::Closed => None,
            OnHolidays::AsUsual => Some("holidays as usual".into()),
            OnHolidays::Hours { open, close } => {
                Some(format!("holidays {}-{}", clock(open), clock(close)))
            }
        }
    }
}

impl DayHours {
    /// "24.12 09:00-12:00" or "31.12 closed".
    pub fn to_text(&self) -> String {
        match self.hours {
            Some((o, c)) => format!(
                "{:02}.{:02} {}-{}",
                self.day,
                self.month,
                clock(o),
                clock(c)
            ),
            None => format!("{:02}.{:02} closed", self.day, self.month),
        }
    }
}

/// "09:00"; 1440 is written "24:00".
pub fn clock(min: u16) -> String {
    format!("{:02}:{:02}", min / 60, min % 60)
}

/// Days as ranges, e.g. "mon-fri, sun", with the given day names.
pub fn days_text(days: &[bool; 7], names: &[&str; 7]) -> String {
    let mut parts = Vec::new();
    let mut i = 0;
    while i < 7 {
        if !days[i] {
            i += 1;
            continue;
        }
        let start = i;
        while i + 1 < 7 && days[i + 1] {
            i += 1;
        }
        if i - start >= 2 {
            parts.push(format!("{}-{}", names[start], names[i]));
        } else {
            for d in names.iter().take(i + 1).skip(start) {
                parts.push((*d).to_string());
            }
        }
        i += 1;
    }
    parts.join("/")
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn oslo(y: i32, m: u32, d: u32, h: u32, min: u32) -> DateTime<Utc> {
        chrono_tz::Europe::Oslo
            .with_ymd_and_hms(y, m, d, h, min, 0)
            .unwrap()
            .with_timezone(&Utc)
    }
    const OSLO: Tz = chrono_tz::Europe::Oslo;

    #[test]
    fn parses_the_usual_forms() {
        assert_eq!(Hours::parse("24/7"), Hours::Always);
        assert_eq!(Hours::parse("Døgnåpent"), Hours::Always);
        assert_eq!(Hours::parse(""), Hours::Unknown);
        let h = Hours::parse("man–fre 9–15; lør 10:00-14:00");
        assert_eq!(h.to_text(), "mon-fri 09:00-15:00; sat 10:00-14:00");
        assert_eq!(Hours::parse(&h.to_text()), h);
        assert_eq!(Hours::parse("daily 14-22").to_text(), "mon-sun 14:00-22:00");
        assert_eq!(
            Hours::parse("Mon 17-20, Tue 10-15").to_text(),
            "mon 17:00-20:00; tue 10:00-15:00"
        );
        assert!(matches!(
            Hours::parse("weekdays (hours differ by source)"),
            Hours::Text(_)
        ));
        assert!(matches!(Hours::parse("mon 25-26"), Hours::Text(_)));
        assert!(matches!(Hours::parse("mon-fri 9-9"), Hours::Text(_)));
        // Minutes are two digits: "9.5" is not 09:05 (kept as text).
        assert!(matches!(Hours::parse("mon-fri 9.5-15"), Hours::Text(_)));
        assert_eq!(
            Hours::parse("ma-fr 9.30-24").to_text(),
            "mon-fri 09:30-24:00"
        );
        assert_eq!(Hours::parse("lø/sø 10-14").to_text(), "sat/sun 10:00-14:00");
    }

    #[test]
    fn open_now_in_oslo_with_an_injected_clock() {
        let h = Hours::parse("mon-fri 09:00-15:00");
        // Monday 23 November 2026.
        assert_eq!(h.open_at(oslo(2026, 11, 23, 8, 59), OSLO), Some(false));
        assert_eq!(h.open_at(oslo(2026, 11, 23, 9, 0), OSLO), Some(true));
        assert_eq!(h.open_at(oslo(2026, 11, 23, 14, 59), OSLO), Some(true));
        assert_eq!(h.open_at(oslo(2026, 11, 23, 15, 0), OSLO), Some(false));
        assert_eq!(
            h.open_at(oslo(2026, 11, 28, 10, 0), OSLO),
            Some(false),
            "Saturday"
        );
        // Summer time: 09:30 local is 07:30 UTC.
        assert_eq!(h.open_at(oslo(2026, 6, 1, 9, 30), OSLO), Some(true));
        assert_eq!(
            Hours::Always.open_at(oslo(2026, 12, 25, 3, 0), OSLO),
            Some(true)
        );
        assert_eq!(
            Hours::Text("ring først".into()).open_at(oslo(2026, 11, 23, 10, 0), OSLO),
            None
        );
        assert_eq!(
            Hours::Unknown.open_at(oslo(2026, 11, 23, 10, 0), OSLO),
            None
        );
    }

    #[test]
    fn hours_past_midnight_spill_into_the_next_day() {
        let h = Hours::parse("fri 22:00-02:00");
        assert_eq!(
            h.open_at(oslo(2026, 11, 27, 23, 0), OSLO),
            Some(true),
            "Friday night"
        );
        assert_eq!(
            h.open_at(oslo(2026, 11, 28, 1, 59), OSLO),
            Some(true),
            "early Saturday"
        );
        assert_eq!(h.open_at(oslo(2026, 11, 28, 2, 0), OSLO), Some(false));
        assert_eq!(h.open_at(oslo(2026, 11, 27, 21, 0), OSLO), Some(false));
        let to_midnight = Hours::parse("sun 18-24");
        assert_eq!(
            to_midnight.open_at(oslo(2026, 11, 29, 23, 59), OSLO),
            Some(true)
        );
    }

    #[test]
    fn never_panics_on_junk() {
        for s in [
            "-",
            "mon-",
            "9-",
            "mon 9:-",
            "mon 99:99-1",
            "::::",
            "ø-å 1-2",
            &"x".repeat(10_000),
        ] {
            let _ = Hours::parse(s).open_at(oslo(2026, 1, 1, 0, 0), OSLO);
        }
    }

    #[test]
    fn weekly_hours_are_closed_on_public_holidays() {
        let h = Hours::parse("man–fre 09–15");
        // Ordinary Monday 23 November 2026.
        assert_eq!(h.open_at(oslo(2026, 11, 23, 10, 0), OSLO), Some(true));
        for (what, at) in [
            ("17 May 2027, a Monday", oslo(2027, 5, 17, 10, 0)),
            ("Maundy Thursday 2027", oslo(2027, 3, 25, 10, 0)),
            ("Good Friday 2027", oslo(2027, 3, 26, 10, 0)),
            ("Easter Monday 2027", oslo(2027, 3, 29, 10, 0)),
            ("Ascension Day 2027", oslo(2027, 5, 6, 10, 0)),
            ("1 May 2026, a Friday", oslo(2026, 5, 1, 10, 0)),
            ("Christmas Day 2026, a Friday", oslo(2026, 12, 25, 10, 0)),
            ("Boxing Day 2025, a Friday", oslo(2025, 12, 26, 10, 0)),
            ("New Year's Day 2027, a Friday", oslo(2027, 1, 1, 10, 0)),
        ] {
            assert_eq!(h.open_at(at, OSLO), Some(false), "{what}");
        }
        // The Wednesday before Easter and Christmas Eve are ordinary days.
        assert_eq!(h.open_at(oslo(2027, 3, 24, 10, 0), OSLO), Some(true));
        assert_eq!(h.open_at(oslo(2026, 12, 24, 14, 0), OSLO), Some(true));
        // 24/7 is open on every holiday.
        assert_eq!(
            Hours::Always.open_at(oslo(2027, 5, 17, 3, 0), OSLO),
            Some(true)
        );
    }

    #[test]
    fn hours_can_say_what_holidays_and_given_days_are() {
        let usual = Hours::parse("daglig 10-22; helligdager som vanlig");
        assert_eq!(usual.to_text(), "mon-sun 10:00-22:00; holidays as usual");
        assert_eq!(usual.open_at(oslo(2027, 5, 17, 12, 0), OSLO), Some(true));
        let short = Hours::parse("mon-fri 9-15; holidays 11-13");
        assert_eq!(short.to_text(), "mon-fri 09:00-15:00; holidays 11:00-13:00");
        // Easter Sunday: a Sunday, open only because of the holiday hours.
        assert_eq!(short.open_at(oslo(2027, 3, 28, 12, 0), OSLO), Some(true));
        assert_eq!(short.open_at(oslo(2027, 3, 28, 10, 0), OSLO), Some(false));
        assert_eq!(short.open_at(oslo(2027, 3, 29, 14, 0), OSLO), Some(false));
        // Christmas Eve as a half day, New Year's Eve closed.
        let h = Hours::parse("man-fre 08:00-16:00; 24.12. 9-12; 31.12 stengt");
        assert_eq!(
            h.to_text(),
            "mon-fri 08:00-16:00; 24.12 09:00-12:00; 31.12 closed"
        );
        assert_eq!(Hours::parse(&h.to_text()), h);
        assert_eq!(h.open_at(oslo(2026, 12, 24, 11, 59), OSLO), Some(true));
        assert_eq!(h.open_at(oslo(2026, 12, 24, 12, 0), OSLO), Some(false));
        assert_eq!(h.open_at(oslo(2026, 12, 24, 8, 30), OSLO), Some(false));
        assert_eq!(h.open_at(oslo(2026, 12, 31, 10, 0), OSLO), Some(false));
        assert_eq!(h.open_at(oslo(2026, 12, 30, 10, 0), OSLO), Some(true));
        // Closed is the rule, and saying so changes nothing.
        let said = Hours::parse("mon-fri 9-15; holidays closed");
        assert_eq!(said, Hours::parse("mon-fri 9-15"));
        // A day's own hours come before the holiday rule.
        let may = Hours::parse("mon-fri 9-15; 17.05 10-12");
        assert_eq!(may.open_at(oslo(2027, 5, 17, 11, 0), OSLO), Some(true));
        // Not understood: kept as free text ("open now" unknown).
        for t in [
            "mon-fri 9-15; holidays sometimes",
            "mon-fri 9-15; holidays 9-15; holidays closed",
            "mon-fri 9-15; 31.02 10-12",
            "mon-fri 9-15; 24.12 10-12; 24.12 closed",
            "holidays 10-14",
            "24.12 09-12",
        ] {
            assert!(matches!(Hours::parse(t), Hours::Text(_)), "{t}");
        }
    }

    #[test]
    fn a_night_that_starts_before_a_holiday_runs_its_course() {
        // Opens Wednesday 16 May 2029 at 22, runs into 17 May; 17 May's own
        // night (a holiday, closed) does not open.
        let h = Hours::parse("daily 22:00-02:00");
        assert_eq!(h.open_at(oslo(2029, 5, 17, 1, 0), OSLO), Some(true));
        assert_eq!(h.open_at(oslo(2029, 5, 17, 23, 0), OSLO), Some(false));
        assert_eq!(h.open_at(oslo(2029, 5, 18, 1, 0), OSLO), Some(false));
        assert_eq!(h.open_at(oslo(2029, 5, 18, 23, 0), OSLO), Some(true));
    }
}
