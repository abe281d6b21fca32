//! Working-day calendar: Norwegian public holidays, opening hours and the
//! callback / complaint deadlines promised to callers.
//!
//! The module is pure: no I/O, no clock reads and no user-facing text.
//! Everything that a person reads (holiday names, error messages) comes from
//! the message catalogue, keyed by the enums defined here.
//!
//! Instants are `DateTime<Utc>`; *days* are always reasoned about in the
//! configured local time zone, so a DST change never moves a deadline to a
//! different day or a different local closing time (see `domain.md`).
//!
//! Nothing here panics, whatever the input: dates near the edges of chrono's
//! range either fall back to a documented value (for the functions whose
//! signature has no room for an error) or yield [`CalendarError::OutOfRange`].

use std::collections::BTreeMap;

use chrono::{
    DateTime, Datelike, Days, NaiveDate, NaiveDateTime, NaiveTime, TimeZone, Utc, Weekday,
};
use chrono_tz::Tz;

/// First year for which deadlines and working-day searches are supported.
pub const MIN_YEAR: i32 = 1900;
/// Last year for which deadlines and working-day searches are supported.
pub const MAX_YEAR: i32 = 2200;

/// How many consecutive days a working-day search inspects before giving up.
///
/// A little over a year, so even a configuration with a single open weekday
/// and a long run of closed dates finds its next working day, while a
/// configuration that can never open (every weekday closed) fails fast.
pub const SEARCH_LIMIT: u32 = 400;

/// Calendar days a written complaint may take before it must be answered.
pub const COMPLAINT_DAYS: u64 = 21;

// ---------------------------------------------------------------------------
// Public holidays
// ---------------------------------------------------------------------------

/// A Norwegian public holiday (helligdag / offentlig høytidsdag).
///
/// The variant order is the order within a year when two holidays share a
/// date, which is what `holidays_in_year` sorts by.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum Holiday {
    NewYearsDay,
    MaundyThursday,
    GoodFriday,
    EasterSunday,
    EasterMonday,
    LabourDay,
    ConstitutionDay,
    AscensionDay,
    WhitSunday,
    WhitMonday,
    ChristmasDay,
    BoxingDay,
}

impl Holiday {
    pub const ALL: [Holiday; 12] = [
        Holiday::NewYearsDay,
        Holiday::MaundyThursday,
        Holiday::GoodFriday,
        Holiday::EasterSunday,
        Holiday::EasterMonday,
        Holiday::LabourDay,
        Holiday::ConstitutionDay,
        Holiday::AscensionDay,
        Holiday::WhitSunday,
        Holiday::WhitMonday,
        Holiday::ChristmasDay,
        Holiday::BoxingDay,
    ];

    /// Stable snake_case identifier, used as the catalogue key and in stored
    /// data. Identical to the serde representation.
    pub fn key(self) -> &'static str {
        match self {
            Holiday::NewYearsDay => "new_years_day",
            Holiday::MaundyThursday => "maundy_thursday",
            Holiday::GoodFriday => "good_friday",
            Holiday::EasterSunday => "easter_sunday",
            Holiday::EasterMonday => "easter_monday",
            Holiday::LabourDay => "labour_day",
            Holiday::ConstitutionDay => "constitution_day",
            Holiday::AscensionDay => "ascension_day",
            Holiday::WhitSunday => "whit_sunday",
            Holiday::WhitMonday => "whit_monday",
            Holiday::ChristmasDay => "christmas_day",
            Holiday::BoxingDay => "boxing_day",
        }
    }

    /// Inverse of [`Holiday::key`].
    pub fn from_key(key: &str) -> Option<Holiday> {
        Holiday::ALL.into_iter().find(|h| h.key() == key)
    }

    /// Where the holiday falls: a fixed (month, day), or an offset in days
    /// from Easter Sunday.
    fn rule(self) -> HolidayRule {
        use HolidayRule::{Easter, Fixed};
        match self {
            Holiday::NewYearsDay => Fixed(1, 1),
            Holiday::MaundyThursday => Easter(-3),
            Holiday::GoodFriday => Easter(-2),
            Holiday::EasterSunday => Easter(0),
            Holiday::EasterMonday => Easter(1),
            Holiday::LabourDay => Fixed(5, 1),
            Holiday::ConstitutionDay => Fixed(5, 17),
            Holiday::AscensionDay => Easter(39),
            Holiday::WhitSunday => Easter(49),
            Holiday::WhitMonday => Easter(50),
            Holiday::ChristmasDay => Fixed(12, 25),
            Holiday::BoxingDay => Fixed(12, 26),
        }
    }
}

enum HolidayRule {
    Fixed(u32, u32),
    Easter(i64),
}

/// Easter Sunday of `year` in the Gregorian calendar, or `None` if that date
/// cannot be represented by chrono.
///
/// Anonymous Gregorian algorithm (Meeus/Jones/Butcher). Floor division and
/// Euclidean remainders keep it correct for the proleptic calendar too, so it
/// is valid for every year chrono can represent.
pub fn checked_easter_sunday(year: i32) -> Option<NaiveDate> {
    let y = i64::from(year);
    let a = y.rem_euclid(19);
    let b = y.div_euclid(100);
    let c = y.rem_euclid(100);
    let d = b.div_euclid(4);
    let e = b.rem_euclid(4);
    let f = (b + 8).div_euclid(25);
    let g = (b - f + 1).div_euclid(3);
    let h = (19 * a + b - d - g + 15).rem_euclid(30);
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k).rem_euclid(7);
    let m = (a + 11 * h + 22 * l) / 451;
    let n = h + l - 7 * m + 114;
    // n / 31 is 3 or 4 and n % 31 + 1 is 1..=31, so the casts cannot truncate.
    let month = (n / 31) as u32;
    let day = (n % 31 + 1) as u32;
    NaiveDate::from_ymd_opt(year, month, day)
}

/// Easter Sunday of `year` (Gregorian computus).
///
/// For the handful of years at the very edge of chrono's range whose Easter
/// cannot be represented, this saturates to `NaiveDate::MIN` / `NaiveDate::MAX`
/// rather than panicking; use [`checked_easter_sunday`] to detect that.
pub fn easter_sunday(year: i32) -> NaiveDate {
    checked_easter_sunday(year).unwrap_or(if year < 0 {
        NaiveDate::MIN
    } else {
        NaiveDate::MAX
    })
}

/// All public holidays of `year`, sorted by date and then by holiday.
///
/// Always one entry per (date, holiday), so a date shared by two holidays
/// (17 May 2027 is also Whit Monday) appears twice. Holidays that chrono
/// cannot represent (only at the very edge of its range) are left out.
pub fn holidays_in_year(year: i32) -> Vec<(NaiveDate, Holiday)> {
    let easter = checked_easter_sunday(year);
    let mut out: Vec<(NaiveDate, Holiday)> = Holiday::ALL
        .into_iter()
        .filter_map(|h| {
            let date = match h.rule() {
                HolidayRule::Fixed(month, day) => NaiveDate::from_ymd_opt(year, month, day),
                HolidayRule::Easter(offset) => {
                    let e = easter?;
                    if offset >= 0 {
                        e.checked_add_days(Days::new(offset.unsigned_abs()))
                    } else {
                        e.checked_sub_days(Days::new(offset.unsigned_abs()))
                    }
                }
            }?;
            Some((date, h))
        })
        .collect();
    out.sort();
    out
}

/// The public holidays falling on `date` (zero, one or two of them).
pub fn holidays_on(date: NaiveDate) -> Vec<Holiday> {
    holidays_in_year(date.year())
        .into_iter()
        .filter(|(d, _)| *d == date)
        .map(|(_, h)| h)
        .collect()
}

/// Whether `date` is a Norwegian public holiday.
pub fn is_public_holiday(date: NaiveDate) -> bool {
    !holidays_on(date).is_empty()
}

// ---------------------------------------------------------------------------
// Opening hours
// ---------------------------------------------------------------------------

/// Opening hours for one day. `open < close` is required; hours violating it
/// are rejected by [`CalendarSettings::validate`] and treated as closed by
/// every calculation, so a bad configuration can never yield a deadline that
/// lies before its own opening.
///
/// Serialised as `{"open": "09:00", "close": "15:00"}` (chrono's own serde
/// support is not enabled in this crate, and the short form is what people
/// write in a config file).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Hours {
    #[serde(with = "hhmm")]
    pub open: NaiveTime,
    #[serde(with = "hhmm")]
    pub close: NaiveTime,
}

impl Hours {
    /// `Some` only when `open < close`.
    pub fn new(open: NaiveTime, close: NaiveTime) -> Option<Hours> {
        (open < close).then_some(Hours { open, close })
    }

    fn is_valid(self) -> bool {
        self.open < self.close
    }
}

/// Serde helper for `NaiveTime` as "HH:MM" (seconds kept if non-zero).
mod hhmm {
    use chrono::{NaiveTime, Timelike};
    use serde::{Deserialize, Deserializer, Serializer, de::Error};

    pub fn serialize<S: Serializer>(t: &NaiveTime, s: S) -> Result<S::Ok, S::Error> {
        let text = if t.second() == 0 && t.nanosecond() == 0 {
            t.format("%H:%M").to_string()
        } else {
            t.format("%H:%M:%S").to_string()
        };
        s.serialize_str(&text)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<NaiveTime, D::Error> {
        let text = String::deserialize(d)?;
        NaiveTime::parse_from_str(&text, "%H:%M")
            .or_else(|_| NaiveTime::parse_from_str(&text, "%H:%M:%S"))
            .map_err(D::Error::custom)
    }
}

/// What is wrong with an opening-hours text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HoursParseError {
    /// Not of the shape `open-close` (or a closed keyword).
    Format,
    /// One side is not a valid time of day.
    BadTime,
    /// Opening time is not before closing time.
    OpenNotBeforeClose,
}

/// Parse opening hours as written by people: `"09:00-15:00"`, `"9-15"`,
/// `"09.00 – 15.30"` (hyphen, en dash or em dash; `:` or `.` between hour
/// and minutes). `"closed"` / `"stengt"` (any case) mean closed: `Ok(None)`.
pub fn parse_hours(s: &str) -> Result<Option<Hours>, HoursParseError> {
    let s = s.trim();
    let lower = s.to_lowercase();
    if lower == "closed" || lower == "stengt" {
        return Ok(None);
    }
    let parts: Vec<&str> = s.split(['-', '–', '—']).collect();
    let [open, close] = parts.as_slice() else {
        return Err(HoursParseError::Format);
    };
    let (open, close) = (open.trim(), close.trim());
    if open.is_empty() || close.is_empty() {
        return Err(HoursParseError::Format);
    }
    let open = parse_clock(open).ok_or(HoursParseError::BadTime)?;
    let close = parse_clock(close).ok_or(HoursParseError::BadTime)?;
    Hours::new(open, close)
        .map(Some)
        .ok_or(HoursParseError::OpenNotBeforeClose)
}

/// The one clock parser: `H`, `HH`, `H:MM`, `HH:MM` (or `.` instead of
/// `:`), 00:00–23:59; minutes always two digits, so `9.5` is not 09:05.
/// Typed receipts ([`crate::when`]), directory hours and safe times build
/// on it.
pub fn parse_clock(s: &str) -> Option<NaiveTime> {
    let (hour, minute) = match s.split_once([':', '.']) {
        Some((h, m)) => (h, Some(m)),
        None => (s, None),
    };
    let digits = |t: &str| !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit());
    if !digits(hour) || hour.len() > 2 {
        return None;
    }
    let minute = match minute {
        None => 0,
        Some(m) if digits(m) && m.len() == 2 => m.parse().ok()?,
        Some(_) => return None,
    };
    NaiveTime::from_hms_opt(hour.parse().ok()?, minute, 0)
}

/// The days of the week, Monday first, as the opening hours list them.
pub const WEEK: [Weekday; 7] = [
    Weekday::Mon,
    Weekday::Tue,
    Weekday::Wed,
    Weekday::Thu,
    Weekday::Fri,
    Weekday::Sat,
    Weekday::Sun,
];

/// Parse a weekday name in English or Norwegian Bokmål, full or abbreviated,
/// any case, with an optional trailing full stop ("man.", "Tuesday", "LØR").
pub fn parse_weekday(s: &str) -> Option<Weekday> {
    let lower = s.trim().to_lowercase();
    let word = lower.strip_suffix('.').unwrap_or(&lower);
    let day = match word {
        "mon" | "monday" | "man" | "mandag" => Weekday::Mon,
        "tue" | "tues" | "tuesday" | "tir" | "tirs" | "tirsdag" => Weekday::Tue,
        "wed" | "wednesday" | "ons" | "onsdag" => Weekday::Wed,
        "thu" | "thur" | "thurs" | "thursday" | "tor" | "tors" | "torsdag" => Weekday::Thu,
        "fri" | "friday" | "fre" | "fredag" => Weekday::Fri,
        "sat" | "saturday" | "lør" | "lørdag" | "lor" | "lordag" | "loerdag" => Weekday::Sat,
        "sun" | "sunday" | "søn" | "søndag" | "son" | "sondag" | "soendag" => Weekday::Sun,
        _ => return None,
    };
    Some(day)
}

// ---------------------------------------------------------------------------
// Settings, working days and deadlines
// ---------------------------------------------------------------------------

/// Kind of item that carries a promised deadline.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ItemKind {
    /// Called back by closing time of the next working day.
    Voicemail,
    /// Answered within 21 calendar days (at closing time).
    Complaint,
}

/// A computed deadline: the instant, and the local working day it closes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Deadline {
    pub at: DateTime<Utc>,
    pub working_day: NaiveDate,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CalendarError {
    /// No working day within [`SEARCH_LIMIT`] days (e.g. every weekday closed).
    NoWorkingDay,
    /// A date outside chrono's range or outside `MIN_YEAR..=MAX_YEAR`.
    OutOfRange,
}

/// What is wrong with a [`CalendarSettings`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SettingsError {
    /// The weekly hours for this weekday do not open before they close.
    OpenNotBeforeClose(Weekday),
    /// No weekday has opening hours, so no deadline could ever be met.
    NoOpenWeekday,
}

/// Whether the centre is open at a given instant.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OpenState {
    /// Open now; closes at this instant.
    OpenUntil(DateTime<Utc>),
    /// Closed now; next opening instant, `None` if there is none within
    /// [`SEARCH_LIMIT`] days (or the supported range).
    ClosedUntil(Option<DateTime<Utc>>),
}

#[derive(Debug, Clone, PartialEq)]
pub struct CalendarSettings {
    /// Time zone the centre's days are reckoned in.
    pub tz: Tz,
    /// Weekly hours, index = `weekday.num_days_from_monday()`; `None` = closed.
    pub weekly: [Option<Hours>; 7],
    /// Extra closed dates, with the reason shown to staff.
    pub closed: BTreeMap<NaiveDate, String>,
    /// A different closing time on a given date. It only changes the closing
    /// time of a day that is otherwise a working day (it never opens a closed
    /// day). A time at or before that day's opening time means the centre
    /// does not open at all that day, so the day is not a working day.
    pub closing_overrides: BTreeMap<NaiveDate, NaiveTime>,
}

impl Default for CalendarSettings {
    /// Europe/Oslo, Monday to Friday 09:00–15:00, no extra closed dates.
    fn default() -> Self {
        let nine_to_three = Hours {
            open: NINE,
            close: FIFTEEN,
        };
        let mut weekly = [None; 7];
        for slot in weekly.iter_mut().take(5) {
            *slot = Some(nine_to_three);
        }
        CalendarSettings {
            tz: chrono_tz::Europe::Oslo,
            weekly,
            closed: BTreeMap::new(),
            closing_overrides: BTreeMap::new(),
        }
    }
}

/// Evaluated at compile time, so the `panic!` arms can never run.
const NINE: NaiveTime = match NaiveTime::from_hms_opt(9, 0, 0) {
    Some(t) => t,
    None => panic!("09:00 is a valid time"),
};
const FIFTEEN: NaiveTime = match NaiveTime::from_hms_opt(15, 0, 0) {
    Some(t) => t,
    None => panic!("15:00 is a valid time"),
};

fn in_supported_range(d: NaiveDate) -> bool {
    (MIN_YEAR..=MAX_YEAR).contains(&d.year())
}

impl CalendarSettings {
    /// Weekly hours configured for `day`.
    pub fn weekly_hours(&self, day: Weekday) -> Option<Hours> {
        self.weekly[day.num_days_from_monday() as usize]
    }

    /// Local calendar date of `t`, or `None` if the local date-time falls
    /// outside chrono's range (only at its very edges).
    pub fn checked_local_date(&self, t: DateTime<Utc>) -> Option<NaiveDate> {
        use chrono::Offset;
        let offset = self.tz.offset_from_utc_datetime(&t.naive_utc()).fix();
        t.naive_utc().checked_add_offset(offset).map(|l| l.date())
    }

    /// Local calendar date of `t`. At the very edges of chrono's range, where
    /// the local date cannot be represented, this falls back to the UTC date.
    pub fn local_date(&self, t: DateTime<Utc>) -> NaiveDate {
        self.checked_local_date(t).unwrap_or(t.date_naive())
    }

    /// Opening hours actually in force on `d`, after public holidays, closed
    /// dates and closing overrides; `None` if `d` is not a working day.
    pub fn hours_on(&self, d: NaiveDate) -> Option<Hours> {
        let weekly = self.weekly_hours(d.weekday()).filter(|h| h.is_valid())?;
        if self.closed.contains_key(&d) || is_public_holiday(d) {
            return None;
        }
        match self.closing_overrides.get(&d) {
            // An override at/before opening means the day does not open.
            Some(&close) => Hours::new(weekly.open, close),
            None => Some(weekly),
        }
    }

    /// A working day (virkedag) has valid weekly hours, is not a public
    /// holiday, is not an extra closed date, and has no closing override at
    /// or before its opening. Defined as "has hours" so that it always agrees
    /// with [`Self::hours_on`] and [`Self::closing_instant`].
    pub fn is_working_day(&self, d: NaiveDate) -> bool {
        self.hours_on(d).is_some()
    }

    /// Reason recorded for an extra closed date.
    pub fn closed_reason(&self, d: NaiveDate) -> Option<&str> {
        self.closed.get(&d).map(String::as_str)
    }

    /// First working day strictly after `d`.
    pub fn next_working_day_after(&self, d: NaiveDate) -> Result<NaiveDate, CalendarError> {
        let next = d.succ_opt().ok_or(CalendarError::OutOfRange)?;
        self.working_day_on_or_after(next)
    }

    /// `d` if it is a working day, otherwise the next one.
    pub fn working_day_on_or_after(&self, d: NaiveDate) -> Result<NaiveDate, CalendarError> {
        self.find_day(d, |day| self.is_working_day(day).then_some(day))
    }

    /// First day from `start` (inclusive) within [`SEARCH_LIMIT`] days that
    /// satisfies `pred`, never leaving the supported year range.
    fn find_day<T>(
        &self,
        start: NaiveDate,
        mut pred: impl FnMut(NaiveDate) -> Option<T>,
    ) -> Result<T, CalendarError> {
        let mut day = start;
        for step in 0..SEARCH_LIMIT {
            if step > 0 {
                day = day.succ_opt().ok_or(CalendarError::OutOfRange)?;
            }
            if !in_supported_range(day) {
                return Err(CalendarError::OutOfRange);
            }
            if let Some(found) = pred(day) {
                return Ok(found);
            }
        }
        Err(CalendarError::NoWorkingDay)
    }

    /// The instant at local date `d`, local time `t`, or `None` if it cannot
    /// be represented (only at the edges of chrono's range).
    ///
    /// A time in a spring-forward gap maps to the first valid instant after
    /// it (the moment the clocks jump), and an ambiguous autumn time to the
    /// earlier of its two instants: for a deadline, erring early is the
    /// conservative choice.
    pub fn checked_local_instant(&self, d: NaiveDate, t: NaiveTime) -> Option<DateTime<Utc>> {
        let local = d.and_time(t);
        match self.tz.from_local_datetime(&local) {
            chrono::LocalResult::Single(dt) => Some(dt.with_timezone(&Utc)),
            chrono::LocalResult::Ambiguous(a, b) => Some(a.min(b).with_timezone(&Utc)),
            chrono::LocalResult::None => self.gap_end(&local),
        }
    }

    /// First valid instant after a local time that does not exist. `None` both
    /// when `local` is not in a gap (it could not be converted for range
    /// reasons instead) and when the gap runs off the end of the tz data.
    fn gap_end(&self, local: &NaiveDateTime) -> Option<DateTime<Utc>> {
        chrono_tz::GapInfo::new(local, &self.tz)?
            .end
            .map(|dt| dt.with_timezone(&Utc))
    }

    /// The instant at local date `d`, local time `t` (DST rules as in
    /// [`Self::checked_local_instant`]). Where that cannot be represented
    /// (only at the very edges of chrono's range) the local time is read as
    /// UTC instead of panicking.
    pub fn local_instant(&self, d: NaiveDate, t: NaiveTime) -> DateTime<Utc> {
        self.checked_local_instant(d, t)
            .unwrap_or_else(|| d.and_time(t).and_utc())
    }

    /// Closing instant of `d`, or `None` if `d` is not a working day.
    pub fn closing_instant(&self, d: NaiveDate) -> Option<DateTime<Utc>> {
        self.hours_on(d)
            .and_then(|h| self.checked_local_instant(d, h.close))
    }

    /// Opening instant of `d`, or `None` if `d` is not a working day.
    pub fn opening_instant(&self, d: NaiveDate) -> Option<DateTime<Utc>> {
        self.hours_on(d)
            .and_then(|h| self.checked_local_instant(d, h.open))
    }

    /// The deadline promised for an item of `kind` received at `received`.
    ///
    /// * Voicemail: closing time of the first working day strictly after the
    ///   *local* calendar date of `received`.
    /// * Complaint: local date of `received` + 21 calendar days, at closing
    ///   time of that day if it is a working day, else of the next one.
    ///
    /// The result is always strictly after `received`: a working day whose
    /// closing instant would not be (conceivable only in exotic time zones
    /// that skip a whole day) is passed over for the next one.
    pub fn deadline(
        &self,
        kind: ItemKind,
        received: DateTime<Utc>,
    ) -> Result<Deadline, CalendarError> {
        let today = self
            .checked_local_date(received)
            .filter(|d| in_supported_range(*d))
            .ok_or(CalendarError::OutOfRange)?;
        let first_candidate = match kind {
            ItemKind::Voicemail => today.succ_opt(),
            ItemKind::Complaint => today.checked_add_days(Days::new(COMPLAINT_DAYS)),
        }
        .ok_or(CalendarError::OutOfRange)?;
        self.find_day(first_candidate, |day| {
            self.closing_instant(day)
                .filter(|at| *at > received)
                .map(|at| Deadline {
                    at,
                    working_day: day,
                })
        })
    }

    /// Whether the centre is open at `now`, and until when; or when it next
    /// opens. Opening is inclusive, closing exclusive.
    pub fn open_state(&self, now: DateTime<Utc>) -> OpenState {
        let Some(today) = self.checked_local_date(now) else {
            return OpenState::ClosedUntil(None);
        };
        if let (Some(open), Some(close)) =
            (self.opening_instant(today), self.closing_instant(today))
            && open <= now
            && now < close
        {
            return OpenState::OpenUntil(close);
        }
        // Today (if it has not opened yet) or a later day; requiring the
        // opening to lie after `now` covers both cases uniformly.
        let next = self.find_day(today, |day| {
            self.opening_instant(day).filter(|open| *open > now)
        });
        OpenState::ClosedUntil(next.ok())
    }

    /// Check the weekly hours: every configured day opens before it closes,
    /// and at least one weekday is open.
    pub fn validate(&self) -> Result<(), SettingsError> {
        let mut any_open = false;
        let mut day = Weekday::Mon;
        for hours in self.weekly {
            if let Some(h) = hours {
                if !h.is_valid() {
                    return Err(SettingsError::OpenNotBeforeClose(day));
                }
                any_open = true;
            }
            day = day.succ();
        }
        if any_open {
            Ok(())
        } else {
            Err(SettingsError::NoOpenWeekday)
        }
    }
}

// ---------------------------------------------------------------------------
// Tests
// ---------------------------------------------------------------------------

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("valid test date")
    }

    fn time(h: u32, m: u32) -> NaiveTime {
        NaiveTime::from_hms_opt(h, m, 0).expect("valid test time")
    }

    fn utc(y: i32, mo: u32, d: u32, h: u32, mi: u32) -> DateTime<Utc> {
        date(y, mo, d).and_time(time(h, mi)).and_utc()
    }

    /// An instant given as Oslo local time (unambiguous times only).
    fn oslo(y: i32, mo: u32, d: u32, h: u32, mi: u32) -> DateTime<Utc> {
        chrono_tz::Europe::Oslo
            .from_local_datetime(&date(y, mo, d).and_time(time(h, mi)))
            .single()
            .expect("unambiguous local time")
            .with_timezone(&Utc)
    }

    fn voicemail(s: &CalendarSettings, received: DateTime<Utc>) -> DateTime<Utc> {
        s.deadline(ItemKind::Voicemail, received)
            .expect("deadline")
            .at
    }

    fn complaint(s: &CalendarSettings, received: DateTime<Utc>) -> DateTime<Utc> {
        s.deadline(ItemKind::Complaint, received)
            .expect("deadline")
            .at
    }

    // --- Easter -----------------------------------------------------------

    /// Gauss's Easter algorithm with its two exceptions: independent of the
    /// Meeus/Butcher algorithm under test.
    fn gauss_easter(year: i32) -> NaiveDate {
        let a = year % 19;
        let b = year % 4;
        let c = year % 7;
        let k = year / 100;
        let p = (13 + 8 * k) / 25;
        let q = k / 4;
        let m = (15 - p + k - q).rem_euclid(30);
        let n = (4 + k - q).rem_euclid(7);
        let d = (19 * a + m) % 30;
        let e = (2 * b + 4 * c + 6 * d + n) % 7;
        if d == 29 && e == 6 {
            return date(year, 4, 19);
        }
        if d == 28 && e == 6 && (11 * m + 11) % 30 < 19 {
            return date(year, 4, 18);
        }
        let march_day = 22 + d + e;
        if march_day <= 31 {
            date(year, 3, march_day as u32)
        } else {
            date(year, 4, (march_day - 31) as u32)
        }
    }

    #[test]
    fn easter_matches_published_table_2000_to_2035() {
        // Easter Sunday 2000..=2035 from a published table (cross-checked
        // against python-dateutil and against Gauss's method below).
        const TABLE: &str = "
            2000-04-23 2001-04-15 2002-03-31 2003-04-20 2004-04-11 2005-03-27
            2006-04-16 2007-04-08 2008-03-23 2009-04-12 2010-04-04 2011-04-24
            2012-04-08 2013-03-31 2014-04-20 2015-04-05 2016-03-27 2017-04-16
            2018-04-01 2019-04-21 2020-04-12 2021-04-04 2022-04-17 2023-04-09
            2024-03-31 2025-04-20 2026-04-05 2027-03-28 2028-04-16 2029-04-01
            2030-04-21 2031-04-13 2032-03-28 2033-04-17 2034-04-09 2035-03-25";
        let dates: Vec<NaiveDate> = TABLE
            .split_whitespace()
            .map(|t| t.parse().expect("table date"))
            .collect();
        assert_eq!(dates.len(), 36);
        for (expected, year) in dates.into_iter().zip(2000..) {
            assert_eq!(easter_sunday(year), expected, "Easter {year}");
        }
    }

    #[test]
    fn easter_far_years() {
        assert_eq!(easter_sunday(1900), date(1900, 4, 15));
        assert_eq!(easter_sunday(1954), date(1954, 4, 18));
        assert_eq!(easter_sunday(2100), date(2100, 3, 28));
        assert_eq!(easter_sunday(2200), date(2200, 4, 6));
        // Earliest and latest possible Easter dates.
        assert_eq!(easter_sunday(1818), date(1818, 3, 22));
        assert_eq!(easter_sunday(2285), date(2285, 3, 22));
        assert_eq!(easter_sunday(1943), date(1943, 4, 25));
        assert_eq!(easter_sunday(2038), date(2038, 4, 25));
    }

    #[test]
    fn easter_agrees_with_gauss_and_is_a_sunday_in_range() {
        for year in 1583..=4099 {
            let e = easter_sunday(year);
            assert_eq!(e, gauss_easter(year), "year {year}");
            assert_eq!(e.weekday(), Weekday::Sun, "year {year}");
            assert!(
                e >= date(year, 3, 22) && e <= date(year, 4, 25),
                "year {year}"
            );
        }
    }

    #[test]
    fn easter_never_panics_at_extremes() {
        for year in [
            i32::MIN,
            i32::MAX,
            -262_144,
            -262_143,
            262_142,
            262_143,
            0,
            -1,
        ] {
            let _ = easter_sunday(year);
            let _ = holidays_in_year(year);
        }
        assert_eq!(checked_easter_sunday(i32::MAX), None);
        assert_eq!(easter_sunday(i32::MAX), NaiveDate::MAX);
        assert_eq!(easter_sunday(i32::MIN), NaiveDate::MIN);
        assert!(holidays_in_year(i32::MAX).is_empty());
    }

    // --- Holidays ---------------------------------------------------------

    #[test]
    fn holidays_2025() {
        let expected = vec![
            (date(2025, 1, 1), Holiday::NewYearsDay),
            (date(2025, 4, 17), Holiday::MaundyThursday),
            (date(2025, 4, 18), Holiday::GoodFriday),
            (date(2025, 4, 20), Holiday::EasterSunday),
            (date(2025, 4, 21), Holiday::EasterMonday),
            (date(2025, 5, 1), Holiday::LabourDay),
            (date(2025, 5, 17), Holiday::ConstitutionDay),
            (date(2025, 5, 29), Holiday::AscensionDay),
            (date(2025, 6, 8), Holiday::WhitSunday),
            (date(2025, 6, 9), Holiday::WhitMonday),
            (date(2025, 12, 25), Holiday::ChristmasDay),
            (date(2025, 12, 26), Holiday::BoxingDay),
        ];
        assert_eq!(holidays_in_year(2025), expected);
    }

    #[test]
    fn holidays_2026() {
        let expected = vec![
            (date(2026, 1, 1), Holiday::NewYearsDay),
            (date(2026, 4, 2), Holiday::MaundyThursday),
            (date(2026, 4, 3), Holiday::GoodFriday),
            (date(2026, 4, 5), Holiday::EasterSunday),
            (date(2026, 4, 6), Holiday::EasterMonday),
            (date(2026, 5, 1), Holiday::LabourDay),
            (date(2026, 5, 14), Holiday::AscensionDay),
            (date(2026, 5, 17), Holiday::ConstitutionDay),
            (date(2026, 5, 24), Holiday::WhitSunday),
            (date(2026, 5, 25), Holiday::WhitMonday),
            (date(2026, 12, 25), Holiday::ChristmasDay),
            (date(2026, 12, 26), Holiday::BoxingDay),
        ];
        assert_eq!(holidays_in_year(2026), expected);
    }

    #[test]
    fn holidays_2027_has_17_may_twice() {
        let expected = vec![
            (date(2027, 1, 1), Holiday::NewYearsDay),
            (date(2027, 3, 25), Holiday::MaundyThursday),
            (date(2027, 3, 26), Holiday::GoodFriday),
            (date(2027, 3, 28), Holiday::EasterSunday),
            (date(2027, 3, 29), Holiday::EasterMonday),
            (date(2027, 5, 1), Holiday::LabourDay),
            (date(2027, 5, 6), Holiday::AscensionDay),
            (date(2027, 5, 16), Holiday::WhitSunday),
            (date(2027, 5, 17), Holiday::ConstitutionDay),
            (date(2027, 5, 17), Holiday::WhitMonday),
            (date(2027, 12, 25), Holiday::ChristmasDay),
            (date(2027, 12, 26), Holiday::BoxingDay),
        ];
        assert_eq!(holidays_in_year(2027), expected);
        let mut on = holidays_on(date(2027, 5, 17));
        on.sort();
        assert_eq!(on, vec![Holiday::ConstitutionDay, Holiday::WhitMonday]);
    }

    #[test]
    fn holidays_in_year_invariants_1900_to_2200() {
        for year in MIN_YEAR..=MAX_YEAR {
            let list = holidays_in_year(year);
            assert_eq!(list.len(), 12, "year {year}");
            assert!(
                list.windows(2).all(|w| w[0] < w[1]),
                "sorted, unique: {year}"
            );
            let mut names: Vec<Holiday> = list.iter().map(|(_, h)| *h).collect();
            names.sort();
            assert_eq!(names, Holiday::ALL.to_vec(), "each holiday once: {year}");
            assert!(list.iter().all(|(d, _)| d.year() == year));
            let e = easter_sunday(year);
            for (d, h) in &list {
                assert!(holidays_on(*d).contains(h));
                assert!(is_public_holiday(*d));
                let offset = (*d - e).num_days();
                match h {
                    Holiday::MaundyThursday => assert_eq!(offset, -3),
                    Holiday::GoodFriday => assert_eq!(offset, -2),
                    Holiday::EasterSunday => assert_eq!(offset, 0),
                    Holiday::EasterMonday => assert_eq!(offset, 1),
                    Holiday::AscensionDay => assert_eq!(offset, 39),
                    Holiday::WhitSunday => assert_eq!(offset, 49),
                    Holiday::WhitMonday => assert_eq!(offset, 50),
                    _ => {}
                }
            }
        }
    }

    #[test]
    fn holidays_on_ordinary_days_and_fixed_dates() {
        assert!(holidays_on(date(2026, 3, 3)).is_empty());
        assert!(!is_public_holiday(date(2026, 12, 24)));
        assert!(!is_public_holiday(date(2026, 12, 31)));
        assert_eq!(holidays_on(date(2030, 1, 1)), vec![Holiday::NewYearsDay]);
        assert_eq!(holidays_on(date(2030, 5, 1)), vec![Holiday::LabourDay]);
        assert_eq!(
            holidays_on(date(2025, 5, 17)),
            vec![Holiday::ConstitutionDay]
        );
        assert_eq!(holidays_on(date(2030, 12, 25)), vec![Holiday::ChristmasDay]);
        assert_eq!(holidays_on(date(2030, 12, 26)), vec![Holiday::BoxingDay]);
    }

    #[test]
    fn holiday_keys_are_unique_snake_case_and_match_serde() {
        let keys: std::collections::BTreeSet<&str> = Holiday::ALL.iter().map(|h| h.key()).collect();
        assert_eq!(keys.len(), 12);
        assert_eq!(Holiday::EasterMonday.key(), "easter_monday");
        assert_eq!(Holiday::NewYearsDay.key(), "new_years_day");
        for h in Holiday::ALL {
            assert!(h.key().bytes().all(|b| b.is_ascii_lowercase() || b == b'_'));
            assert_eq!(
                serde_json::to_string(&h).unwrap(),
                format!("\"{}\"", h.key())
            );
            assert_eq!(Holiday::from_key(h.key()), Some(h));
        }
        assert_eq!(Holiday::from_key("easter"), None);
        assert_eq!(
            serde_json::to_string(&ItemKind::Voicemail).unwrap(),
            "\"voicemail\""
        );
    }

    // --- Working days -----------------------------------------------------

    #[test]
    fn default_settings() {
        let s = CalendarSettings::default();
        assert_eq!(s.tz, chrono_tz::Europe::Oslo);
        let nine_three = Hours::new(time(9, 0), time(15, 0));
        for (i, h) in s.weekly.iter().enumerate() {
            assert_eq!(*h, if i < 5 { nine_three } else { None }, "weekday {i}");
        }
        assert!(s.closed.is_empty() && s.closing_overrides.is_empty());
        assert_eq!(s.validate(), Ok(()));
    }

    #[test]
    fn every_weekday_default() {
        let s = CalendarSettings::default();
        // Mon 9 March .. Sun 15 March 2026, an ordinary week.
        let expect = [true, true, true, true, true, false, false];
        for (i, open) in expect.into_iter().enumerate() {
            let d = date(2026, 3, 9 + i as u32);
            assert_eq!(d.weekday().num_days_from_monday() as usize, i);
            assert_eq!(s.is_working_day(d), open, "{d}");
        }
        assert!(!s.is_working_day(date(2026, 4, 3)), "Good Friday");
    }

    #[test]
    fn next_working_day_after_each_weekday() {
        let s = CalendarSettings::default();
        let cases = [
            (date(2026, 3, 9), date(2026, 3, 10)),
            (date(2026, 3, 10), date(2026, 3, 11)),
            (date(2026, 3, 11), date(2026, 3, 12)),
            (date(2026, 3, 12), date(2026, 3, 13)),
            (date(2026, 3, 13), date(2026, 3, 16)),
            (date(2026, 3, 14), date(2026, 3, 16)),
            (date(2026, 3, 15), date(2026, 3, 16)),
        ];
        for (from, to) in cases {
            assert_eq!(s.next_working_day_after(from), Ok(to), "after {from}");
        }
        assert_eq!(
            s.working_day_on_or_after(date(2026, 3, 9)),
            Ok(date(2026, 3, 9))
        );
        assert_eq!(
            s.working_day_on_or_after(date(2026, 3, 14)),
            Ok(date(2026, 3, 16))
        );
        assert_eq!(
            s.working_day_on_or_after(date(2026, 4, 2)),
            Ok(date(2026, 4, 7))
        );
    }

    #[test]
    fn voicemail_each_weekday() {
        let s = CalendarSettings::default();
        // Winter: 15:00 Oslo = 14:00Z.
        let cases = [
            (oslo(2026, 3, 9, 10, 0), utc(2026, 3, 10, 14, 0)), // Mon -> Tue
            (oslo(2026, 3, 10, 10, 0), utc(2026, 3, 11, 14, 0)), // Tue -> Wed
            (oslo(2026, 3, 11, 10, 0), utc(2026, 3, 12, 14, 0)), // Wed -> Thu
            (oslo(2026, 3, 12, 10, 0), utc(2026, 3, 13, 14, 0)), // Thu -> Fri
            (oslo(2026, 3, 13, 14, 0), utc(2026, 3, 16, 14, 0)), // Fri -> Mon
            (oslo(2026, 3, 14, 11, 0), utc(2026, 3, 16, 14, 0)), // Sat -> Mon
            (oslo(2026, 3, 15, 23, 0), utc(2026, 3, 16, 14, 0)), // Sun -> Mon
        ];
        for (received, expected) in cases {
            assert_eq!(voicemail(&s, received), expected, "received {received}");
        }
        let d = s
            .deadline(ItemKind::Voicemail, oslo(2026, 3, 9, 10, 0))
            .unwrap();
        assert_eq!(d.working_day, date(2026, 3, 10));
    }

    #[test]
    fn voicemail_after_closing_still_next_working_day() {
        let s = CalendarSettings::default();
        // Received after Monday's closing: still Tuesday, the rule is by date.
        assert_eq!(
            voicemail(&s, oslo(2026, 3, 9, 16, 30)),
            utc(2026, 3, 10, 14, 0)
        );
        assert_eq!(
            voicemail(&s, oslo(2026, 3, 9, 0, 0)),
            utc(2026, 3, 10, 14, 0)
        );
    }

    #[test]
    fn voicemail_over_easter_2026() {
        let s = CalendarSettings::default();
        // Wed 1 April 2026 -> Tue 7 April 15:00 CEST = 13:00Z.
        let d = s
            .deadline(ItemKind::Voicemail, oslo(2026, 4, 1, 11, 0))
            .unwrap();
        assert_eq!(d.working_day, date(2026, 4, 7));
        assert_eq!(d.at, utc(2026, 4, 7, 13, 0));
        assert_eq!(d.at, oslo(2026, 4, 7, 15, 0));
        // Received on Maundy Thursday or Easter Monday themselves.
        assert_eq!(
            voicemail(&s, oslo(2026, 4, 2, 9, 0)),
            utc(2026, 4, 7, 13, 0)
        );
        assert_eq!(
            voicemail(&s, oslo(2026, 4, 6, 9, 0)),
            utc(2026, 4, 7, 13, 0)
        );
    }

    #[test]
    fn voicemail_around_ascension_and_whitsun_2027() {
        let s = CalendarSettings::default();
        // Wed 5 May 2027 -> Thu 6 May Ascension -> Fri 7 May.
        assert_eq!(
            voicemail(&s, oslo(2027, 5, 5, 12, 0)),
            oslo(2027, 5, 7, 15, 0)
        );
        // Fri 14 May 2027 -> Mon 17 May (both holidays) -> Tue 18 May.
        assert_eq!(
            voicemail(&s, oslo(2027, 5, 14, 12, 0)),
            oslo(2027, 5, 18, 15, 0)
        );
    }

    #[test]
    fn voicemail_christmas_and_new_year() {
        let s = CalendarSettings::default();
        // Wed 23 Dec 2026 -> Thu 24 Dec (not a public holiday by default).
        assert_eq!(
            voicemail(&s, oslo(2026, 12, 23, 12, 0)),
            utc(2026, 12, 24, 14, 0)
        );
        // Thu 24 Dec 2026 -> 25 Fri, 26 Sat, 27 Sun -> Mon 28 Dec.
        assert_eq!(
            voicemail(&s, oslo(2026, 12, 24, 12, 0)),
            utc(2026, 12, 28, 14, 0)
        );
        // Year end: Wed 31 Dec 2025 -> Thu 1 Jan holiday -> Fri 2 Jan 2026.
        let d = s
            .deadline(ItemKind::Voicemail, oslo(2025, 12, 31, 12, 0))
            .unwrap();
        assert_eq!(d.working_day, date(2026, 1, 2));
        assert_eq!(d.at, utc(2026, 1, 2, 14, 0));
        // Thu 31 Dec 2026 -> Fri 1 Jan holiday -> Mon 4 Jan 2027.
        assert_eq!(
            voicemail(&s, oslo(2026, 12, 31, 12, 0)),
            utc(2027, 1, 4, 14, 0)
        );
        // Received on New Year's Day itself (Thu 2026) -> Fri 2 Jan.
        assert_eq!(
            voicemail(&s, oslo(2026, 1, 1, 12, 0)),
            utc(2026, 1, 2, 14, 0)
        );
    }

    #[test]
    fn voicemail_uses_local_date_not_utc_date() {
        let s = CalendarSettings::default();
        // Winter, UTC+1: both instants are on UTC date Mon 12 Jan 2026.
        let late_monday = utc(2026, 1, 12, 22, 59); // 23:59 Mon local
        let early_tuesday = utc(2026, 1, 12, 23, 1); // 00:01 Tue local
        assert_eq!(s.local_date(late_monday), date(2026, 1, 12));
        assert_eq!(s.local_date(early_tuesday), date(2026, 1, 13));
        assert_eq!(voicemail(&s, late_monday), utc(2026, 1, 13, 14, 0));
        assert_eq!(voicemail(&s, early_tuesday), utc(2026, 1, 14, 14, 0));
        // Summer, UTC+2.
        let late_monday = utc(2026, 6, 15, 21, 59);
        let early_tuesday = utc(2026, 6, 15, 22, 1);
        assert_eq!(voicemail(&s, late_monday), utc(2026, 6, 16, 13, 0));
        assert_eq!(voicemail(&s, early_tuesday), utc(2026, 6, 17, 13, 0));
    }

    #[test]
    fn voicemail_across_dst_changes_2026() {
        let s = CalendarSettings::default();
        // Spring forward Sun 29 March 2026.
        assert_eq!(
            voicemail(&s, oslo(2026, 3, 26, 10, 0)),
            utc(2026, 3, 27, 14, 0)
        );
        assert_eq!(
            voicemail(&s, oslo(2026, 3, 27, 14, 0)),
            utc(2026, 3, 30, 13, 0)
        );
        assert_eq!(
            voicemail(&s, oslo(2026, 3, 28, 14, 0)),
            utc(2026, 3, 30, 13, 0)
        );
        // 01:30 CET on the change day itself (00:30Z), and after the jump.
        assert_eq!(
            voicemail(&s, utc(2026, 3, 29, 0, 30)),
            utc(2026, 3, 30, 13, 0)
        );
        assert_eq!(
            voicemail(&s, utc(2026, 3, 29, 1, 30)),
            utc(2026, 3, 30, 13, 0)
        );
        // Fall back Sun 25 October 2026.
        assert_eq!(
            voicemail(&s, oslo(2026, 10, 22, 10, 0)),
            utc(2026, 10, 23, 13, 0)
        );
        assert_eq!(
            voicemail(&s, oslo(2026, 10, 23, 14, 0)),
            utc(2026, 10, 26, 14, 0)
        );
        // Both occurrences of 02:30 on 25 October (00:30Z and 01:30Z).
        assert_eq!(
            voicemail(&s, utc(2026, 10, 25, 0, 30)),
            utc(2026, 10, 26, 14, 0)
        );
        assert_eq!(
            voicemail(&s, utc(2026, 10, 25, 1, 30)),
            utc(2026, 10, 26, 14, 0)
        );
    }

    // --- DST handling of local_instant -------------------------------------

    #[test]
    fn local_instant_gap_and_overlap() {
        let s = CalendarSettings::default();
        // 02:30 does not exist on 29 March 2026: first valid instant after is
        // 03:00 CEST = 01:00Z.
        assert_eq!(
            s.local_instant(date(2026, 3, 29), time(2, 30)),
            utc(2026, 3, 29, 1, 0)
        );
        assert_eq!(
            s.local_instant(date(2026, 3, 29), time(2, 0)),
            utc(2026, 3, 29, 1, 0)
        );
        assert_eq!(
            s.local_instant(date(2026, 3, 29), time(3, 0)),
            utc(2026, 3, 29, 1, 0)
        );
        assert_eq!(
            s.local_instant(date(2026, 3, 29), time(1, 59)),
            utc(2026, 3, 29, 0, 59)
        );
        // 02:30 happens twice on 25 October 2026: take the earlier (00:30Z).
        assert_eq!(
            s.local_instant(date(2026, 10, 25), time(2, 30)),
            utc(2026, 10, 25, 0, 30)
        );
        assert_eq!(
            s.local_instant(date(2026, 10, 25), time(3, 0)),
            utc(2026, 10, 25, 2, 0)
        );
        // Ordinary days.
        assert_eq!(
            s.local_instant(date(2026, 1, 5), time(15, 0)),
            utc(2026, 1, 5, 14, 0)
        );
        assert_eq!(
            s.local_instant(date(2026, 7, 6), time(15, 0)),
            utc(2026, 7, 6, 13, 0)
        );
    }

    #[test]
    fn local_instant_at_chrono_limits_does_not_panic() {
        for tz in [
            chrono_tz::Europe::Oslo,
            chrono_tz::Pacific::Kiritimati,
            chrono_tz::Etc::GMTPlus12,
        ] {
            let s = CalendarSettings {
                tz,
                ..CalendarSettings::default()
            };
            for d in [NaiveDate::MIN, NaiveDate::MAX] {
                for t in [NaiveTime::MIN, time(12, 0), time(23, 59)] {
                    let _ = s.local_instant(d, t);
                    let _ = s.checked_local_instant(d, t);
                }
            }
            for t in [DateTime::<Utc>::MIN_UTC, DateTime::<Utc>::MAX_UTC] {
                let _ = s.local_date(t);
                assert_eq!(
                    s.deadline(ItemKind::Voicemail, t),
                    Err(CalendarError::OutOfRange)
                );
                assert_eq!(
                    s.deadline(ItemKind::Complaint, t),
                    Err(CalendarError::OutOfRange)
                );
                assert_eq!(s.open_state(t), OpenState::ClosedUntil(None));
            }
            assert_eq!(
                s.next_working_day_after(NaiveDate::MAX),
                Err(CalendarError::OutOfRange)
            );
            let _ = s.is_working_day(NaiveDate::MAX);
            let _ = s.closing_instant(NaiveDate::MIN);
        }
    }

    #[test]
    fn supported_range_edges() {
        let s = CalendarSettings::default();
        // 2200-12-31 is a Wednesday; the next working day is in 2201.
        assert_eq!(
            s.deadline(ItemKind::Voicemail, oslo(2200, 12, 31, 10, 0)),
            Err(CalendarError::OutOfRange)
        );
        assert_eq!(
            s.deadline(ItemKind::Voicemail, oslo(2200, 12, 30, 10, 0))
                .map(|d| d.working_day),
            Ok(date(2200, 12, 31))
        );
        assert_eq!(
            s.deadline(ItemKind::Voicemail, oslo(1899, 12, 29, 10, 0)),
            Err(CalendarError::OutOfRange)
        );
        assert_eq!(
            s.deadline(ItemKind::Voicemail, oslo(1900, 1, 1, 10, 0))
                .map(|d| d.working_day),
            Ok(date(1900, 1, 2))
        );
        assert_eq!(
            s.working_day_on_or_after(date(1899, 6, 1)),
            Err(CalendarError::OutOfRange)
        );
    }

    // --- Custom configuration ----------------------------------------------

    #[test]
    fn saturday_open() {
        let mut s = CalendarSettings::default();
        s.weekly[Weekday::Sat.num_days_from_monday() as usize] =
            Hours::new(time(10, 0), time(14, 0));
        assert!(s.is_working_day(date(2026, 3, 14)));
        // Fri -> Sat 14:00 CET = 13:00Z.
        assert_eq!(
            voicemail(&s, oslo(2026, 3, 13, 12, 0)),
            utc(2026, 3, 14, 13, 0)
        );
        // Sat -> Mon; Sun -> Mon.
        assert_eq!(
            voicemail(&s, oslo(2026, 3, 14, 12, 0)),
            utc(2026, 3, 16, 14, 0)
        );
        // Easter Saturday 4 April 2026 is not a public holiday: Good Friday -> Sat.
        assert_eq!(
            voicemail(&s, oslo(2026, 4, 3, 12, 0)),
            oslo(2026, 4, 4, 14, 0)
        );
    }

    #[test]
    fn closed_dates_24_and_31_december() {
        let mut s = CalendarSettings::default();
        s.closed.insert(date(2026, 12, 24), "julaften".into());
        s.closed.insert(date(2026, 12, 31), "nyttårsaften".into());
        assert!(!s.is_working_day(date(2026, 12, 24)));
        assert_eq!(s.closed_reason(date(2026, 12, 24)), Some("julaften"));
        assert_eq!(s.closed_reason(date(2026, 12, 23)), None);
        // Wed 23 Dec -> (24 closed, 25/26 holidays, weekend) -> Mon 28 Dec.
        assert_eq!(
            voicemail(&s, oslo(2026, 12, 23, 12, 0)),
            utc(2026, 12, 28, 14, 0)
        );
        // Wed 30 Dec -> (31 closed, 1 Jan holiday, weekend) -> Mon 4 Jan 2027.
        assert_eq!(
            voicemail(&s, oslo(2026, 12, 30, 12, 0)),
            utc(2027, 1, 4, 14, 0)
        );
    }

    #[test]
    fn closing_override() {
        let mut s = CalendarSettings::default();
        s.closing_overrides.insert(date(2026, 12, 24), time(12, 0));
        assert_eq!(
            s.hours_on(date(2026, 12, 24)),
            Hours::new(time(9, 0), time(12, 0))
        );
        assert_eq!(
            s.closing_instant(date(2026, 12, 24)),
            Some(utc(2026, 12, 24, 11, 0))
        );
        assert_eq!(
            voicemail(&s, oslo(2026, 12, 23, 12, 0)),
            utc(2026, 12, 24, 11, 0)
        );
        // A later closing time is honoured too.
        s.closing_overrides.insert(date(2026, 12, 22), time(18, 0));
        assert_eq!(
            voicemail(&s, oslo(2026, 12, 21, 12, 0)),
            utc(2026, 12, 22, 17, 0)
        );
        // An override at or before opening closes the day.
        s.closing_overrides.insert(date(2026, 12, 24), time(9, 0));
        assert!(!s.is_working_day(date(2026, 12, 24)));
        assert_eq!(s.hours_on(date(2026, 12, 24)), None);
        assert_eq!(
            voicemail(&s, oslo(2026, 12, 23, 12, 0)),
            utc(2026, 12, 28, 14, 0)
        );
        // An override never opens a closed day.
        s.closing_overrides.insert(date(2026, 12, 26), time(12, 0));
        s.closing_overrides.insert(date(2026, 12, 27), time(12, 0));
        assert!(!s.is_working_day(date(2026, 12, 26)));
        assert!(!s.is_working_day(date(2026, 12, 27)));
    }

    #[test]
    fn all_weekdays_closed_is_no_working_day() {
        let s = CalendarSettings {
            weekly: [None; 7],
            ..CalendarSettings::default()
        };
        let received = oslo(2026, 3, 9, 10, 0);
        assert_eq!(
            s.deadline(ItemKind::Voicemail, received),
            Err(CalendarError::NoWorkingDay)
        );
        assert_eq!(
            s.deadline(ItemKind::Complaint, received),
            Err(CalendarError::NoWorkingDay)
        );
        assert_eq!(
            s.next_working_day_after(date(2026, 3, 9)),
            Err(CalendarError::NoWorkingDay)
        );
        assert_eq!(s.open_state(received), OpenState::ClosedUntil(None));
        assert_eq!(s.validate(), Err(SettingsError::NoOpenWeekday));
    }

    #[test]
    fn long_closure_beyond_search_limit_is_no_working_day() {
        let mut s = CalendarSettings::default();
        let mut d = date(2026, 3, 10);
        for _ in 0..SEARCH_LIMIT {
            s.closed.insert(d, String::new());
            d = d.succ_opt().unwrap();
        }
        assert_eq!(
            s.next_working_day_after(date(2026, 3, 9)),
            Err(CalendarError::NoWorkingDay)
        );
        // Reopen the last day searched (an ordinary Tuesday): found at the edge.
        let last = date(2027, 4, 13);
        assert_eq!(
            date(2026, 3, 10).checked_add_days(Days::new(399)),
            Some(last)
        );
        assert_eq!(last.weekday(), Weekday::Tue);
        assert!(s.closed.remove(&last).is_some());
        assert_eq!(s.next_working_day_after(date(2026, 3, 9)), Ok(last));
    }

    #[test]
    fn invalid_weekly_hours_are_rejected_and_treated_as_closed() {
        let mut s = CalendarSettings::default();
        s.weekly[2] = Some(Hours {
            open: time(15, 0),
            close: time(9, 0),
        });
        assert_eq!(
            s.validate(),
            Err(SettingsError::OpenNotBeforeClose(Weekday::Wed))
        );
        assert!(!s.is_working_day(date(2026, 3, 11)));
        assert_eq!(
            voicemail(&s, oslo(2026, 3, 10, 10, 0)),
            utc(2026, 3, 12, 14, 0)
        );
        s.weekly[2] = Some(Hours {
            open: time(9, 0),
            close: time(9, 0),
        });
        assert_eq!(
            s.validate(),
            Err(SettingsError::OpenNotBeforeClose(Weekday::Wed))
        );
    }

    #[test]
    fn other_time_zone() {
        let s = CalendarSettings {
            tz: chrono_tz::America::New_York,
            ..CalendarSettings::default()
        };
        // 23:30 Mon in New York is 04:30Z Tue: local date Monday -> Tue 15:00 EST.
        let received = utc(2026, 1, 13, 4, 30);
        assert_eq!(voicemail(&s, received), utc(2026, 1, 13, 20, 0));
    }

    // --- Complaints -----------------------------------------------------------

    #[test]
    fn complaint_lands_on_working_day() {
        let s = CalendarSettings::default();
        // Mon 5 Jan 2026 + 21 = Mon 26 Jan.
        let d = s
            .deadline(ItemKind::Complaint, oslo(2026, 1, 5, 10, 0))
            .unwrap();
        assert_eq!(d.working_day, date(2026, 1, 26));
        assert_eq!(d.at, utc(2026, 1, 26, 14, 0));
        // Received late Wednesday local (UTC Thursday is irrelevant).
        assert_eq!(
            complaint(&s, utc(2026, 1, 7, 22, 30)),
            utc(2026, 1, 28, 14, 0)
        );
    }

    #[test]
    fn complaint_lands_on_weekend() {
        let s = CalendarSettings::default();
        // Sat 10 Jan + 21 = Sat 31 Jan -> Mon 2 Feb.
        assert_eq!(
            complaint(&s, oslo(2026, 1, 10, 10, 0)),
            utc(2026, 2, 2, 14, 0)
        );
        // Sun 11 Jan + 21 = Sun 1 Feb -> Mon 2 Feb.
        assert_eq!(
            complaint(&s, oslo(2026, 1, 11, 10, 0)),
            utc(2026, 2, 2, 14, 0)
        );
    }

    #[test]
    fn complaint_lands_on_holiday() {
        let s = CalendarSettings::default();
        // Mon 16 Mar 2026 + 21 = Easter Monday 6 Apr -> Tue 7 Apr 13:00Z.
        assert_eq!(
            complaint(&s, oslo(2026, 3, 16, 10, 0)),
            utc(2026, 4, 7, 13, 0)
        );
        // Mon 26 Apr 2027 + 21 = Mon 17 May (two holidays) -> Tue 18 May.
        let d = s
            .deadline(ItemKind::Complaint, oslo(2027, 4, 26, 10, 0))
            .unwrap();
        assert_eq!(d.working_day, date(2027, 5, 18));
        // Thu 4 Dec 2025 + 21 = Christmas Day Thu -> Fri 26 is Boxing Day -> Mon 29.
        assert_eq!(
            complaint(&s, oslo(2025, 12, 4, 10, 0)),
            utc(2025, 12, 29, 14, 0)
        );
    }

    #[test]
    fn complaint_across_dst() {
        let s = CalendarSettings::default();
        // Received in winter (Tue 10 Mar), due in summer time (Tue 31 Mar).
        assert_eq!(
            complaint(&s, oslo(2026, 3, 10, 10, 0)),
            utc(2026, 3, 31, 13, 0)
        );
        // Received in summer (Tue 13 Oct), due in winter time (Tue 3 Nov).
        assert_eq!(
            complaint(&s, oslo(2026, 10, 13, 10, 0)),
            utc(2026, 11, 3, 14, 0)
        );
    }

    // --- Open state -----------------------------------------------------------

    #[test]
    fn open_state_on_a_working_day() {
        let s = CalendarSettings::default();
        // Mon 12 Jan 2026, opening 08:00Z, closing 14:00Z.
        assert_eq!(
            s.open_state(oslo(2026, 1, 12, 8, 0)),
            OpenState::ClosedUntil(Some(utc(2026, 1, 12, 8, 0)))
        );
        assert_eq!(
            s.open_state(oslo(2026, 1, 12, 9, 0)),
            OpenState::OpenUntil(utc(2026, 1, 12, 14, 0))
        );
        assert_eq!(
            s.open_state(oslo(2026, 1, 12, 14, 59)),
            OpenState::OpenUntil(utc(2026, 1, 12, 14, 0))
        );
        assert_eq!(
            s.open_state(oslo(2026, 1, 12, 15, 0)),
            OpenState::ClosedUntil(Some(utc(2026, 1, 13, 8, 0)))
        );
        assert_eq!(
            s.open_state(oslo(2026, 1, 12, 23, 30)),
            OpenState::ClosedUntil(Some(utc(2026, 1, 13, 8, 0)))
        );
    }

    #[test]
    fn open_state_weekend_and_holiday() {
        let s = CalendarSettings::default();
        // Saturday and Sunday -> Monday 09:00.
        assert_eq!(
            s.open_state(oslo(2026, 1, 10, 11, 0)),
            OpenState::ClosedUntil(Some(utc(2026, 1, 12, 8, 0)))
        );
        assert_eq!(
            s.open_state(oslo(2026, 1, 11, 11, 0)),
            OpenState::ClosedUntil(Some(utc(2026, 1, 12, 8, 0)))
        );
        // Friday after closing -> Monday.
        assert_eq!(
            s.open_state(oslo(2026, 1, 9, 16, 0)),
            OpenState::ClosedUntil(Some(utc(2026, 1, 12, 8, 0)))
        );
        // Good Friday 2026 during normal hours -> Tue 7 April 09:00 CEST.
        assert_eq!(
            s.open_state(oslo(2026, 4, 3, 11, 0)),
            OpenState::ClosedUntil(Some(utc(2026, 4, 7, 7, 0)))
        );
    }

    #[test]
    fn open_state_with_closing_override() {
        let mut s = CalendarSettings::default();
        s.closing_overrides.insert(date(2026, 12, 24), time(12, 0));
        assert_eq!(
            s.open_state(oslo(2026, 12, 24, 11, 0)),
            OpenState::OpenUntil(utc(2026, 12, 24, 11, 0))
        );
        assert_eq!(
            s.open_state(oslo(2026, 12, 24, 13, 0)),
            OpenState::ClosedUntil(Some(utc(2026, 12, 28, 8, 0)))
        );
    }

    // --- Parsing --------------------------------------------------------------

    #[test]
    fn parse_hours_good() {
        let nine_three = Hours::new(time(9, 0), time(15, 0));
        for text in [
            "09:00-15:00",
            "9-15",
            "09:00–15:00",
            "9:00 - 15:00",
            " 09.00—15.00 ",
            "09-15",
        ] {
            assert_eq!(parse_hours(text), Ok(nine_three), "{text:?}");
        }
        assert_eq!(
            parse_hours("8:30-16:45"),
            Ok(Hours::new(time(8, 30), time(16, 45)))
        );
        assert_eq!(
            parse_hours("00:00-23:59"),
            Ok(Hours::new(time(0, 0), time(23, 59)))
        );
        for text in ["closed", "Closed", "STENGT", " stengt "] {
            assert_eq!(parse_hours(text), Ok(None), "{text:?}");
        }
    }

    #[test]
    fn parse_hours_bad() {
        use HoursParseError::*;
        let cases = [
            ("", Format),
            ("9", Format),
            ("09:00", Format),
            ("9-", Format),
            ("-15", Format),
            ("9-12-15", Format),
            ("open", Format),
            ("9 to 15", Format),
            ("25-26", BadTime),
            ("9-24", BadTime),
            ("9-24:00", BadTime),
            ("9:60-15", BadTime),
            ("9:0-15", BadTime),
            ("9:000-15", BadTime),
            ("+9-15", BadTime),
            ("009-15", BadTime),
            ("a-b", BadTime),
            ("9:-15", BadTime),
            ("١٢-15", BadTime),
            ("15-9", OpenNotBeforeClose),
            ("9-9", OpenNotBeforeClose),
            ("15:00–09:00", OpenNotBeforeClose),
        ];
        for (text, err) in cases {
            assert_eq!(parse_hours(text), Err(err), "{text:?}");
        }
    }

    #[test]
    fn parse_weekday_good_and_bad() {
        let cases = [
            ("mon", Weekday::Mon),
            ("Monday", Weekday::Mon),
            ("man", Weekday::Mon),
            ("MANDAG", Weekday::Mon),
            ("tue", Weekday::Tue),
            ("tirsdag", Weekday::Tue),
            ("tir.", Weekday::Tue),
            ("Wed", Weekday::Wed),
            ("onsdag", Weekday::Wed),
            ("ons", Weekday::Wed),
            ("thursday", Weekday::Thu),
            ("tor", Weekday::Thu),
            ("Torsdag", Weekday::Thu),
            ("fri", Weekday::Fri),
            ("fredag", Weekday::Fri),
            ("FRE", Weekday::Fri),
            ("sat", Weekday::Sat),
            ("lørdag", Weekday::Sat),
            ("LØR", Weekday::Sat),
            ("lordag", Weekday::Sat),
            ("sun", Weekday::Sun),
            ("Søndag", Weekday::Sun),
            ("søn", Weekday::Sun),
            (" sunday ", Weekday::Sun),
        ];
        for (text, day) in cases {
            assert_eq!(parse_weekday(text), Some(day), "{text:?}");
        }
        for text in [
            "", "m", "mo", "monday!", "mandagen", "weekday", "lø", "1", "sun day",
        ] {
            assert_eq!(parse_weekday(text), None, "{text:?}");
        }
    }

    #[test]
    fn hours_serde_round_trip() {
        let h = Hours::new(time(9, 0), time(15, 30)).unwrap();
        let json = serde_json::to_string(&h).unwrap();
        assert_eq!(json, r#"{"open":"09:00","close":"15:30"}"#);
        assert_eq!(serde_json::from_str::<Hours>(&json).unwrap(), h);
        assert_eq!(
            serde_json::from_str::<Hours>(r#"{"open":"09:00:00","close":"15:30:00"}"#).unwrap(),
            h
        );
        assert!(serde_json::from_str::<Hours>(r#"{"open":"9am","close":"15:30"}"#).is_err());
    }

    // --- Properties -----------------------------------------------------------

    fn any_tz() -> impl Strategy<Value = Tz> {
        prop::sample::select(vec![
            chrono_tz::Europe::Oslo,
            chrono_tz::Europe::Oslo,
            chrono_tz::America::New_York,
            chrono_tz::Australia::Lord_Howe,
            chrono_tz::Pacific::Apia,
            chrono_tz::Asia::Kolkata,
            chrono_tz::UTC,
        ])
    }

    fn any_hours() -> impl Strategy<Value = Hours> {
        (0u32..24 * 60 - 1, 1u32..24 * 60).prop_map(|(a, len)| {
            let open = a;
            let close = (a + len).min(24 * 60 - 1).max(a + 1);
            Hours {
                open: NaiveTime::from_hms_opt(open / 60, open % 60, 0).unwrap(),
                close: NaiveTime::from_hms_opt(close / 60, close % 60, 0).unwrap(),
            }
        })
    }

    /// Seconds since the epoch for 1900-01-01T00:00Z ..= 2200-12-31T23:59:59Z.
    fn any_instant() -> impl Strategy<Value = DateTime<Utc>> {
        let lo = utc(1900, 1, 1, 0, 0).timestamp();
        let hi = utc(2200, 12, 31, 23, 59).timestamp() + 59;
        (lo..=hi).prop_map(|s| DateTime::from_timestamp(s, 0).unwrap())
    }

    prop_compose! {
        fn any_settings()(
            tz in any_tz(),
            open_days in 1u8..128,
            hours in prop::array::uniform7(any_hours()),
        ) -> CalendarSettings {
            let mut weekly = [None; 7];
            for (i, slot) in weekly.iter_mut().enumerate() {
                if open_days & (1 << i) != 0 {
                    *slot = Some(hours[i]);
                }
            }
            CalendarSettings { tz, weekly, ..CalendarSettings::default() }
        }
    }

    /// Closed dates and closing overrides as day offsets from some date, so
    /// that they actually fall where the property looks.
    fn any_closures() -> impl Strategy<Value = (Vec<u64>, Vec<(u64, u32, u32)>)> {
        (
            prop::collection::vec(0u64..40, 0..15),
            prop::collection::vec((0u64..40, 0u32..24, 0u32..60), 0..8),
        )
    }

    fn add_closures(
        s: &mut CalendarSettings,
        near: NaiveDate,
        (closed, overrides): (Vec<u64>, Vec<(u64, u32, u32)>),
    ) {
        for offset in closed {
            if let Some(d) = near.checked_add_days(Days::new(offset)) {
                s.closed.insert(d, String::new());
            }
        }
        for (offset, h, m) in overrides {
            if let Some(d) = near.checked_add_days(Days::new(offset)) {
                s.closing_overrides.insert(d, time(h, m));
            }
        }
    }

    /// Near the ends of the supported range a search may leave it.
    fn near_edge(d: NaiveDate) -> bool {
        d > date(2199, 10, 1) || d.year() < MIN_YEAR
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]

        #[test]
        fn prop_deadline_invariants(
            s in any_settings(),
            received in any_instant(),
            complaint in any::<bool>(),
            closures in any_closures(),
        ) {
            prop_assert_eq!(s.validate(), Ok(()));
            let mut s = s;
            let today = s.local_date(received);
            let kind = if complaint { ItemKind::Complaint } else { ItemKind::Voicemail };
            let near = if complaint { today.checked_add_days(Days::new(15)).unwrap() } else { today };
            add_closures(&mut s, near, closures);
            match s.deadline(kind, received) {
                Ok(d) => {
                    prop_assert!(d.at > received);
                    prop_assert!(s.is_working_day(d.working_day));
                    prop_assert_eq!(s.closing_instant(d.working_day), Some(d.at));
                    prop_assert!(d.working_day > today);
                    prop_assert!(in_supported_range(d.working_day));
                    match kind {
                        ItemKind::Voicemail => {
                            // No working day is skipped between receipt and deadline.
                            let mut day = today.succ_opt().unwrap();
                            while day < d.working_day {
                                prop_assert!(!s.is_working_day(day) || s.closing_instant(day).is_none_or(|c| c <= received));
                                day = day.succ_opt().unwrap();
                            }
                        }
                        ItemKind::Complaint => {
                            prop_assert!(d.working_day >= today.checked_add_days(Days::new(21)).unwrap());
                        }
                    }
                }
                Err(CalendarError::OutOfRange) => prop_assert!(near_edge(today), "OutOfRange at {}", today),
                Err(CalendarError::NoWorkingDay) => prop_assert!(false, "NoWorkingDay with an open weekday"),
            }
        }

        #[test]
        fn prop_default_voicemail_is_15_local_next_working_day(received in any_instant()) {
            let s = CalendarSettings::default();
            let today = s.local_date(received);
            prop_assume!(!near_edge(today));
            let d = s.deadline(ItemKind::Voicemail, received).unwrap();
            prop_assert_eq!(d.working_day, s.next_working_day_after(today).unwrap());
            let local = d.at.with_timezone(&s.tz);
            prop_assert_eq!(local.date_naive(), d.working_day);
            prop_assert_eq!(local.time(), time(15, 0));
            prop_assert!(!matches!(d.working_day.weekday(), Weekday::Sat | Weekday::Sun));
            prop_assert!(!is_public_holiday(d.working_day));
            prop_assert!((d.working_day - today).num_days() <= 6);
        }

        #[test]
        fn prop_open_state_consistent(s in any_settings(), now in any_instant(), closures in any_closures()) {
            let mut s = s;
            let today = s.local_date(now);
            add_closures(&mut s, today, closures);
            match s.open_state(now) {
                OpenState::OpenUntil(close) => {
                    prop_assert!(close > now);
                    let today = s.local_date(now);
                    prop_assert!(s.opening_instant(today).is_some_and(|o| o <= now));
                    prop_assert_eq!(s.closing_instant(today), Some(close));
                }
                OpenState::ClosedUntil(Some(open)) => {
                    prop_assert!(open > now);
                    // It is some working day's opening instant: that of its
                    // own local date, or of the day before when a DST gap at
                    // midnight pushed the opening into the next date.
                    let day = s.local_date(open);
                    let opening_of = |d: Option<NaiveDate>| d.and_then(|d| s.opening_instant(d));
                    prop_assert!(opening_of(Some(day)) == Some(open) || opening_of(day.pred_opt()) == Some(open));
                    // Nothing opens in between.
                    let mut d = s.local_date(now);
                    while d < day {
                        prop_assert!(s.opening_instant(d).is_none_or(|o| o <= now || o == open));
                        d = d.succ_opt().unwrap();
                    }
                }
                OpenState::ClosedUntil(None) => prop_assert!(near_edge(s.local_date(now))),
            }
        }

        #[test]
        fn prop_local_instant_never_panics(
            days in (NaiveDate::MIN.num_days_from_ce()..=NaiveDate::MAX.num_days_from_ce()),
            secs in 0u32..86_400,
            nanos in 0u32..2_000_000_000,
            tz in any_tz(),
        ) {
            let d = NaiveDate::from_num_days_from_ce_opt(days).unwrap();
            let t = NaiveTime::from_num_seconds_from_midnight_opt(secs, nanos % 1_000_000_000).unwrap();
            let s = CalendarSettings { tz, ..CalendarSettings::default() };
            let at = s.local_instant(d, t);
            if in_supported_range(d) {
                // Within the supported range the answer is a real conversion,
                // and maps back to the same local date (gaps are < 1 day here,
                // except Apia's skipped 30 Dec 2011).
                let checked = s.checked_local_instant(d, t);
                prop_assert_eq!(checked, Some(at));
                let back = s.local_date(at);
                prop_assert!(back == d || back == d.succ_opt().unwrap());
            }
            let _ = s.is_working_day(d);
            let _ = s.closing_instant(d);
            let _ = s.open_state(at);
        }

        #[test]
        fn prop_parse_hours_never_panics_and_round_trips(text in "\\PC{0,20}", a in 0u32..24, b in 0u32..60, c in 0u32..24, e in 0u32..60) {
            let _ = parse_hours(&text);
            let _ = parse_weekday(&text);
            let formatted = format!("{a:02}:{b:02}-{c:02}:{e:02}");
            let open = time(a, b);
            let close = time(c, e);
            let expected = if open < close { Ok(Hours::new(open, close)) } else { Err(HoursParseError::OpenNotBeforeClose) };
            prop_assert_eq!(parse_hours(&formatted), expected);
        }
    }
}
