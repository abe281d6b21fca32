//! Opening hours of a service: 24/7, weekly hours, or free text; and
//! whether it is open at a given instant (the clock is always passed in).
//!
//! The weekly form is written the way people write it:
//! `mon-fri 09:00-15:00; sat 10-14` or in Norwegian `man–fre 9–15`,
//! `daglig 14-22`. A closing time at or before the opening time runs past
//! midnight (`fri 22:00-02:00`). Text that is not in this form is kept as
//! free text, and "open now" is then unknown rather than guessed.

use chrono::{DateTime, Datelike, Timelike, Utc};
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

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Hours {
    /// Nothing is known.
    #[default]
    Unknown,
    /// Open around the clock.
    Always,
    Weekly(Vec<Rule>),
    /// Written hours that could not be read as weekly hours.
    Text(String),
}

const DAY_KEYS: [&str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
/// Longest hours text that is parsed (longer text is kept as free text).
const MAX_PARSE: usize = 300;

fn day_index(word: &str) -> Option<usize> {
    let w = crate::directory::fold::fold(word);
    let w = w.trim_end_matches('.');
    let names: [&[&str]; 7] = [
        &["mon", "monday", "man", "mandag", "ma"],
        &["tue", "tuesday", "tir", "tirsdag", "ti"],
        &["wed", "wednesday", "ons", "onsdag", "on"],
        &["thu", "thursday", "tor", "torsdag", "to"],
        &["fri", "friday", "fre", "fredag", "fr"],
        &["sat", "saturday", "lor", "lordag", "lo"],
        &["sun", "sunday", "son", "sondag", "so"],
    ];
    names.iter().position(|n| n.contains(&w))
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

fn parse_clock(s: &str) -> Option<u16> {
    let s = s.trim();
    let (h, m) = match s.split_once([':', '.']) {
        Some((h, m)) => (h, m),
        None => (s, "0"),
    };
    if h.is_empty() || h.len() > 2 || m.is_empty() || m.len() > 2 {
        return None;
    }
    let h: u16 = h.parse().ok()?;
    let m: u16 = m.parse().ok()?;
    if m >= 60 || h > 24 || (h == 24 && m != 0) {
        return None;
    }
    Some(h * 60 + m)
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
        let rules: Option<Vec<Rule>> = t
            .split([';', ','])
            .filter(|s| !s.trim().is_empty())
            .map(parse_rule)
            .collect();
        match rules {
            Some(r) if !r.is_empty() => Hours::Weekly(r),
            _ => Hours::Text(t.to_string()),
        }
    }

    /// The stored form, which [`Hours::parse`] reads back to the same value.
    pub fn to_text(&self) -> String {
        match self {
            Hours::Unknown => String::new(),
            Hours::Always => "24/7".into(),
            Hours::Text(t) => t.clone(),
            Hours::Weekly(rules) => rules
                .iter()
                .map(|r| {
                    format!(
                        "{} {}-{}",
                        days_text(&r.days, &DAY_KEYS),
                        clock(r.open),
                        clock(r.close)
                    )
                })
                .collect::<Vec<_>>()
                .join("; "),
        }
    }

    /// Whether the service is open at `now` in zone `tz`; `None` when the
    /// hours are unknown or free text.
    pub fn open_at(&self, now: DateTime<Utc>, tz: Tz) -> Option<bool> {
        match self {
            Hours::Always => Some(true),
            Hours::Unknown | Hours::Text(_) => None,
            Hours::Weekly(rules) => {
                let local = now.with_timezone(&tz);
                let day = local.weekday().num_days_from_monday() as usize;
                let prev = (day + 6) % 7;
                let minute = (local.hour() * 60 + local.minute()) as u16;
                Some(rules.iter().any(|r| {
                    if r.close > r.open {
                        r.days[day] && minute >= r.open && minute < r.close
                    } else {
                        // Runs past midnight.
                        (r.days[day] && minute >= r.open) || (r.days[prev] && minute < r.close)
                    }
                }))
            }
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
}
