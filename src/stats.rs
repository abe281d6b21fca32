//! Statistics: are the promises kept? Pure figures from rows, no I/O.
//!
//! The inputs ([`ItemRow`], [`MessageRow`]) hold only times, deadlines,
//! outcomes and kinds: never a number, a name, a summary or a note. So the
//! figures survive the retention purge, which erases caller data from
//! closed items but keeps these columns.
//!
//! Definitions (also in the README and `vakt stats --help`):
//!
//! * **Voicemail promise kept**: the item's *first* attempt came at or
//!   before its deadline. Missed: the first attempt came after the
//!   deadline, or there was no attempt and the deadline has passed (also
//!   when it was closed after the deadline without one). Pending: no
//!   attempt yet and not yet due. Not owed: closed at or before the
//!   deadline without any attempt (e.g. "not needed": the caller got help
//!   elsewhere); no callback was owed, so it is left out of the share.
//! * **Complaint answered**: a written complaint counts as answered at its
//!   first recorded attempt (a reply by phone, letter or e-mail is recorded
//!   as an attempt) or when it was closed, whichever came first. Kept when
//!   that is at or before the deadline (21 days, at closing time).
//! * **Share** = kept / (kept + missed). Pending and not-owed items are
//!   counted but left out of the share.
//! * Items belong to the period, week and month in which they were
//!   *received* (local date in the configured zone).
//! * **Time to first attempt** counts only time inside opening hours (see
//!   [`working_duration`]), for voicemails with at least one attempt.
//!   Median and 90th percentile use the nearest-rank method, so each is a
//!   value that actually occurred.

pub mod text;

use chrono::{DateTime, Datelike, Days, Months, NaiveDate, NaiveTime, Timelike, Utc, Weekday};

use crate::calendar::CalendarSettings;
use crate::domain::promise::{Kind, Outcome};

/// One callback item, as statistics need it (no caller data).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ItemRow {
    pub id: i64,
    pub kind: Kind,
    pub received_at: DateTime<Utc>,
    pub deadline_at: DateTime<Utc>,
    pub first_attempt_at: Option<DateTime<Utc>>,
    pub closed_at: Option<DateTime<Utc>>,
    /// `None` while the item is open.
    pub outcome: Option<Outcome>,
}

/// One received message (a voicemail or a withheld call).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MessageRow {
    pub received_at: DateTime<Utc>,
    pub withheld: bool,
}

// ---------------------------------------------------------------------------
// Periods
// ---------------------------------------------------------------------------

/// The named periods the pane cycles through.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum PeriodKind {
    ThisWeek,
    LastMonth,
    #[default]
    ThisYear,
    /// From and to dates given by the person (CLI).
    Custom,
}

impl PeriodKind {
    /// The order ←/→ cycles in.
    pub const CYCLE: [PeriodKind; 3] = [
        PeriodKind::ThisWeek,
        PeriodKind::LastMonth,
        PeriodKind::ThisYear,
    ];

    pub fn key(self) -> &'static str {
        match self {
            PeriodKind::ThisWeek => "this_week",
            PeriodKind::LastMonth => "last_month",
            PeriodKind::ThisYear => "this_year",
            PeriodKind::Custom => "custom",
        }
    }

    fn step(self, forward: bool) -> PeriodKind {
        let n = PeriodKind::CYCLE.len();
        let i = PeriodKind::CYCLE
            .iter()
            .position(|k| *k == self)
            .unwrap_or(n - 1);
        let j = if forward {
            (i + 1) % n
        } else {
            (i + n - 1) % n
        };
        PeriodKind::CYCLE[j]
    }

    pub fn next(self) -> PeriodKind {
        self.step(true)
    }

    pub fn prev(self) -> PeriodKind {
        self.step(false)
    }
}

/// A range of local dates, both ends included.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Period {
    pub kind: PeriodKind,
    pub from: NaiveDate,
    pub to: NaiveDate,
}

impl Period {
    /// The named period as seen on `today` (a local date). "This week" and
    /// "this year" end today (so far); "last month" is the whole month.
    pub fn named(kind: PeriodKind, today: NaiveDate) -> Period {
        let (from, to) = match kind {
            PeriodKind::ThisWeek => (
                today
                    .checked_sub_days(Days::new(u64::from(today.weekday().num_days_from_monday())))
                    .unwrap_or(today),
                today,
            ),
            PeriodKind::LastMonth => {
                let first_this = today.with_day(1).unwrap_or(today);
                let last_prev = first_this.pred_opt().unwrap_or(first_this);
                (last_prev.with_day(1).unwrap_or(last_prev), last_prev)
            }
            PeriodKind::ThisYear | PeriodKind::Custom => {
                (today.with_ordinal(1).unwrap_or(today), today)
            }
        };
        Period { kind, from, to }
    }

    /// A custom period; `None` when `to` is before `from`.
    pub fn custom(from: NaiveDate, to: NaiveDate) -> Option<Period> {
        (from <= to).then_some(Period {
            kind: PeriodKind::Custom,
            from,
            to,
        })
    }

    /// The instants `[start, end)` covering the local dates, for the
    /// store's indexed range queries.
    pub fn bounds(&self, cal: &CalendarSettings) -> (DateTime<Utc>, DateTime<Utc>) {
        let start = cal.local_instant(self.from, NaiveTime::MIN);
        let end = match self.to.succ_opt() {
            Some(d) => cal.local_instant(d, NaiveTime::MIN),
            None => DateTime::<Utc>::MAX_UTC,
        };
        (start, end)
    }

    pub fn contains(&self, d: NaiveDate) -> bool {
        self.from <= d && d <= self.to
    }
}

// ---------------------------------------------------------------------------
// Working time
// ---------------------------------------------------------------------------

/// Seconds between `from` and `to` that fall inside opening hours: only
/// working days count (weekly hours, public holidays, extra closed dates
/// and closing-time changes all apply), and only between opening and
/// closing. Opening and closing are local clock times, turned into
/// instants per day, so a DST change never adds or removes an hour of a
/// working day that lies outside its opening hours. Zero when `to` is not
/// after `from`.
pub fn working_duration(cal: &CalendarSettings, from: DateTime<Utc>, to: DateTime<Utc>) -> i64 {
    if to <= from {
        return 0;
    }
    let first = cal.local_date(from);
    let last = cal.local_date(to);
    let mut total = 0;
    let mut day = first;
    while day <= last {
        if let (Some(open), Some(close)) = (cal.opening_instant(day), cal.closing_instant(day)) {
            let a = open.max(from);
            let b = close.min(to);
            if b > a {
                total += (b - a).num_seconds();
            }
        }
        match day.succ_opt() {
            Some(d) => day = d,
            None => break,
        }
    }
    total
}

/// The `p`-th percentile (0–100) of sorted values by the nearest-rank
/// method: the smallest value with at least `p` % of the values at or
/// below it. `None` for no values; the one value for one; for two, the
/// median is the smaller and the 90th percentile the larger.
pub fn percentile(sorted: &[i64], p: u32) -> Option<i64> {
    if sorted.is_empty() {
        return None;
    }
    let n = sorted.len();
    let rank = (usize::try_from(p.min(100)).unwrap_or(100) * n).div_ceil(100);
    Some(sorted[rank.clamp(1, n) - 1])
}

// ---------------------------------------------------------------------------
// Figures
// ---------------------------------------------------------------------------

/// Whether one item kept its promise (as of `now`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    Kept,
    Missed,
    /// Not yet due and not yet answered.
    Pending,
    /// Closed before the deadline without an attempt: nothing was owed.
    NotOwed,
}

/// When an item counts as answered: see the module documentation.
pub fn answered_at(item: &ItemRow) -> Option<DateTime<Utc>> {
    match item.kind {
        Kind::Voicemail => item.first_attempt_at,
        Kind::Complaint => match (item.first_attempt_at, item.closed_at) {
            (Some(a), Some(c)) => Some(a.min(c)),
            (a, c) => a.or(c),
        },
    }
}

pub fn verdict(item: &ItemRow, now: DateTime<Utc>) -> Verdict {
    if let Some(at) = answered_at(item) {
        return if crate::domain::promise::kept(item.deadline_at, at) {
            Verdict::Kept
        } else {
            Verdict::Missed
        };
    }
    match item.closed_at {
        Some(c) if c <= item.deadline_at => Verdict::NotOwed,
        Some(_) => Verdict::Missed,
        None if crate::domain::promise::overdue(true, item.deadline_at, None, now) => {
            Verdict::Missed
        }
        None => Verdict::Pending,
    }
}

/// Counts of kept, missed, pending and not-owed items.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Promise {
    pub kept: u32,
    pub missed: u32,
    pub pending: u32,
    pub not_owed: u32,
}

impl Promise {
    fn add(&mut self, v: Verdict) {
        match v {
            Verdict::Kept => self.kept += 1,
            Verdict::Missed => self.missed += 1,
            Verdict::Pending => self.pending += 1,
            Verdict::NotOwed => self.not_owed += 1,
        }
    }

    /// Items that count in the share.
    pub fn decided(&self) -> u32 {
        self.kept + self.missed
    }

    pub fn total(&self) -> u32 {
        self.kept + self.missed + self.pending + self.not_owed
    }

    /// Kept / (kept + missed) in whole per cent, rounded half up; `None`
    /// when nothing is decided yet.
    pub fn percent(&self) -> Option<u32> {
        let d = self.decided();
        (d > 0).then(|| (self.kept * 200 + d) / (2 * d))
    }
}

/// A week or month of the period.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Bucket {
    /// ISO week-year and week, or year and month.
    pub year: i32,
    pub number: u32,
    pub voicemail: Promise,
    pub complaints: Promise,
}

impl Bucket {
    /// "2026-W14" or "2026-04".
    pub fn label_week(&self) -> String {
        format!("{}-W{:02}", self.year, self.number)
    }

    pub fn label_month(&self) -> String {
        format!("{}-{:02}", self.year, self.number)
    }
}

/// An item that missed its promise. Never caller data.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Missed {
    pub id: i64,
    pub kind: Kind,
    pub received_at: DateTime<Utc>,
    pub deadline_at: DateTime<Utc>,
    /// The first attempt (for a complaint: the answer), if any.
    pub answered_at: Option<DateTime<Utc>>,
}

/// Time to first attempt, in working seconds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Latency {
    pub count: u32,
    pub median: Option<i64>,
    pub p90: Option<i64>,
}

/// When the line is busy, and how callbacks ended.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Volume {
    /// Messages received (voicemails and withheld calls; letters not).
    pub messages: u32,
    pub withheld: u32,
    /// Monday first, local time.
    pub by_weekday: [u32; 7],
    /// Local hour of the day.
    pub by_hour: [u32; 24],
    /// Weekday (Monday first) × hour.
    pub heat: [[u32; 24]; 7],
    /// Voicemail items by how they ended.
    pub reached: u32,
    /// Gave up, or the number was not in use.
    pub not_reached: u32,
    pub not_needed: u32,
    pub open: u32,
}

impl Volume {
    pub fn busiest(&self) -> u32 {
        self.heat.iter().flatten().copied().max().unwrap_or(0)
    }
}

/// Referrals given, by category and by service (most given first). Read
/// by the store next to the other figures; `compute` leaves it `None`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Referrals {
    pub total: u32,
    /// (category key, name in the user's language, count)
    pub by_category: Vec<(String, String, u32)>,
    /// (service id, name, count)
    pub by_service: Vec<(i64, String, u32)>,
}

/// Everything the pane and the export show.
#[derive(Debug, Clone, PartialEq)]
pub struct Figures {
    pub period: Period,
    pub now: DateTime<Utc>,
    pub voicemail: Promise,
    pub complaints: Promise,
    /// Every ISO week overlapping the period, oldest first.
    pub weeks: Vec<Bucket>,
    /// Every month overlapping the period, oldest first.
    pub months: Vec<Bucket>,
    /// Sorted by deadline, then id.
    pub missed: Vec<Missed>,
    pub first_attempt: Latency,
    pub volume: Volume,
    pub referrals: Option<Referrals>,
}

fn weeks_of(period: &Period) -> Vec<Bucket> {
    let mut out: Vec<Bucket> = Vec::new();
    let mut d = period.from;
    while d <= period.to {
        let w = d.iso_week();
        if out
            .last()
            .is_none_or(|b| (b.year, b.number) != (w.year(), w.week()))
        {
            out.push(Bucket {
                year: w.year(),
                number: w.week(),
                voicemail: Promise::default(),
                complaints: Promise::default(),
            });
        }
        match d.checked_add_days(Days::new(7 - u64::from(d.weekday().num_days_from_monday()))) {
            Some(n) => d = n,
            None => break,
        }
    }
    out
}

fn months_of(period: &Period) -> Vec<Bucket> {
    let mut out = Vec::new();
    let mut d = period.from.with_day(1).unwrap_or(period.from);
    while d <= period.to {
        out.push(Bucket {
            year: d.year(),
            number: d.month(),
            voicemail: Promise::default(),
            complaints: Promise::default(),
        });
        match d.checked_add_months(Months::new(1)) {
            Some(n) => d = n,
            None => break,
        }
    }
    out
}

fn weekday_index(w: Weekday) -> usize {
    w.num_days_from_monday() as usize
}

/// Computes the figures for `period` as of `now`. Rows outside the period
/// (by local date of receipt) are ignored, so the caller may pass a
/// slightly wider set.
pub fn compute(
    cal: &CalendarSettings,
    period: Period,
    now: DateTime<Utc>,
    items: &[ItemRow],
    messages: &[MessageRow],
) -> Figures {
    let mut f = Figures {
        period,
        now,
        voicemail: Promise::default(),
        complaints: Promise::default(),
        weeks: weeks_of(&period),
        months: months_of(&period),
        missed: Vec::new(),
        first_attempt: Latency::default(),
        volume: Volume::default(),
        referrals: None,
    };
    let mut latencies = Vec::new();
    for item in items {
        let day = cal.local_date(item.received_at);
        if !period.contains(day) {
            continue;
        }
        let v = verdict(item, now);
        let pick = |p: &mut Bucket| match item.kind {
            Kind::Voicemail => p.voicemail.add(v),
            Kind::Complaint => p.complaints.add(v),
        };
        let w = day.iso_week();
        if let Some(b) = f
            .weeks
            .iter_mut()
            .find(|b| (b.year, b.number) == (w.year(), w.week()))
        {
            pick(b);
        }
        if let Some(b) = f
            .months
            .iter_mut()
            .find(|b| (b.year, b.number) == (day.year(), day.month()))
        {
            pick(b);
        }
        match item.kind {
            Kind::Voicemail => {
                f.voicemail.add(v);
                if let Some(first) = item.first_attempt_at {
                    latencies.push(working_duration(cal, item.received_at, first));
                }
                match item.outcome {
                    Some(Outcome::Reached) => f.volume.reached += 1,
                    Some(Outcome::GaveUp | Outcome::NotInUse) => f.volume.not_reached += 1,
                    Some(Outcome::NotNeeded) => f.volume.not_needed += 1,
                    None => f.volume.open += 1,
                }
            }
            Kind::Complaint => f.complaints.add(v),
        }
        if v == Verdict::Missed {
            f.missed.push(Missed {
                id: item.id,
                kind: item.kind,
                received_at: item.received_at,
                deadline_at: item.deadline_at,
                answered_at: answered_at(item),
            });
        }
    }
    f.missed.sort_by_key(|m| (m.deadline_at, m.id));
    latencies.sort_unstable();
    f.first_attempt = Latency {
        count: u32::try_from(latencies.len()).unwrap_or(u32::MAX),
        median: percentile(&latencies, 50),
        p90: percentile(&latencies, 90),
    };
    for m in messages {
        let local = m.received_at.with_timezone(&cal.tz);
        if !period.contains(local.date_naive()) {
            continue;
        }
        let wd = weekday_index(local.weekday());
        let h = local.hour() as usize;
        f.volume.messages += 1;
        if m.withheld {
            f.volume.withheld += 1;
        }
        f.volume.by_weekday[wd] += 1;
        f.volume.by_hour[h] += 1;
        f.volume.heat[wd][h] += 1;
    }
    f
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calendar::Hours;
    use chrono::TimeZone;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn oslo(y: i32, mo: u32, d: u32, h: u32, mi: u32) -> DateTime<Utc> {
        chrono_tz::Europe::Oslo
            .with_ymd_and_hms(y, mo, d, h, mi, 0)
            .single()
            .unwrap()
            .with_timezone(&Utc)
    }

    fn utc(y: i32, mo: u32, d: u32, h: u32, mi: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(y, mo, d, h, mi, 0).unwrap()
    }

    const H: i64 = 3600;
    const M: i64 = 60;

    #[test]
    fn working_duration_within_one_day_and_outside_hours() {
        let cal = CalendarSettings::default();
        // Mon 12 Jan 2026 10:00 -> 11:30: 1 h 30.
        assert_eq!(
            working_duration(&cal, oslo(2026, 1, 12, 10, 0), oslo(2026, 1, 12, 11, 30)),
            H + 30 * M
        );
        // Before opening to after closing: the whole 6 h day.
        assert_eq!(
            working_duration(&cal, oslo(2026, 1, 12, 7, 0), oslo(2026, 1, 12, 18, 0)),
            6 * H
        );
        // Entirely after closing.
        assert_eq!(
            working_duration(&cal, oslo(2026, 1, 12, 16, 0), oslo(2026, 1, 12, 23, 0)),
            0
        );
        // Backwards or empty.
        let t = oslo(2026, 1, 12, 10, 0);
        assert_eq!(working_duration(&cal, t, t), 0);
        assert_eq!(working_duration(&cal, t, t - chrono::Duration::hours(5)), 0);
    }

    #[test]
    fn working_duration_across_night_and_weekend() {
        let cal = CalendarSettings::default();
        // Mon 14:00 -> Tue 10:00: 1 h Monday + 1 h Tuesday.
        assert_eq!(
            working_duration(&cal, oslo(2026, 1, 12, 14, 0), oslo(2026, 1, 13, 10, 0)),
            2 * H
        );
        // Fri 9 Jan 14:30 -> Mon 12 Jan 09:15: 30 min + 15 min.
        assert_eq!(
            working_duration(&cal, oslo(2026, 1, 9, 14, 30), oslo(2026, 1, 12, 9, 15)),
            45 * M
        );
        // Saturday -> Sunday: nothing.
        assert_eq!(
            working_duration(&cal, oslo(2026, 1, 10, 9, 0), oslo(2026, 1, 11, 23, 0)),
            0
        );
    }

    #[test]
    fn working_duration_skips_easter_and_closed_dates() {
        let mut cal = CalendarSettings::default();
        // Wed 1 Apr 2026 14:00 -> Tue 7 Apr 10:00. Thu 2 (Maundy Thursday),
        // Fri 3 (Good Friday), the weekend and Mon 6 (Easter Monday) are
        // closed: 1 h Wednesday + 1 h Tuesday.
        let from = oslo(2026, 4, 1, 14, 0);
        let to = oslo(2026, 4, 7, 10, 0);
        assert_eq!(working_duration(&cal, from, to), 2 * H);
        // 17 May 2027 is a Monday (Constitution Day and Whit Monday):
        // Fri 14 May 14:00 -> Tue 18 May 09:30 = 1 h + 30 min.
        assert_eq!(
            working_duration(&cal, oslo(2027, 5, 14, 14, 0), oslo(2027, 5, 18, 9, 30)),
            H + 30 * M
        );
        // An extra closed date and a short day.
        cal.closed.insert(date(2026, 12, 24), "Julaften".into());
        cal.closing_overrides.insert(
            date(2026, 12, 23),
            NaiveTime::from_hms_opt(12, 0, 0).unwrap(),
        );
        // Wed 23 Dec 09:00 -> Mon 28 Dec 10:00: 3 h (short Wednesday) +
        // 0 (24th closed, 25th/26th holidays, weekend) + 1 h Monday.
        assert_eq!(
            working_duration(&cal, oslo(2026, 12, 23, 9, 0), oslo(2026, 12, 28, 10, 0)),
            4 * H
        );
    }

    #[test]
    fn working_duration_across_dst_changes() {
        let cal = CalendarSettings::default();
        // Spring: Fri 27 Mar 2026 14:00 CET -> Mon 30 Mar 09:30 CEST. The
        // night of 29 March loses an hour of wall time, none of it open:
        // 1 h Friday + 30 min Monday.
        assert_eq!(
            working_duration(&cal, oslo(2026, 3, 27, 14, 0), oslo(2026, 3, 30, 9, 30)),
            H + 30 * M
        );
        // Autumn: Fri 23 Oct 14:30 CEST -> Mon 26 Oct 14:59 CET:
        // 30 min + 5 h 59 min.
        assert_eq!(
            working_duration(&cal, oslo(2026, 10, 23, 14, 30), oslo(2026, 10, 26, 14, 59)),
            6 * H + 29 * M
        );
        // A centre open every day 00:00-23:59: on Sunday 29 March the day
        // has only 22 h 59 min of real time between opening and closing.
        let mut always = CalendarSettings::default();
        let all_day = Hours::new(NaiveTime::MIN, NaiveTime::from_hms_opt(23, 59, 0).unwrap());
        always.weekly = [all_day; 7];
        assert_eq!(
            working_duration(&always, utc(2026, 3, 28, 23, 0), utc(2026, 3, 29, 22, 0)),
            22 * H + 59 * M
        );
        // And on 25 October 24 h 59 min.
        assert_eq!(
            working_duration(&always, utc(2026, 10, 24, 22, 0), utc(2026, 10, 25, 23, 0)),
            24 * H + 59 * M
        );
    }

    #[test]
    fn percentile_edge_cases() {
        assert_eq!(percentile(&[], 50), None);
        assert_eq!(percentile(&[], 90), None);
        assert_eq!(percentile(&[7], 50), Some(7));
        assert_eq!(percentile(&[7], 90), Some(7));
        assert_eq!(percentile(&[7], 0), Some(7));
        // Two values: the median is the smaller, the 90th the larger.
        assert_eq!(percentile(&[3, 10], 50), Some(3));
        assert_eq!(percentile(&[3, 10], 90), Some(10));
        // Ten values 1..=10: ranks 5 and 9.
        let ten: Vec<i64> = (1..=10).collect();
        assert_eq!(percentile(&ten, 50), Some(5));
        assert_eq!(percentile(&ten, 90), Some(9));
        assert_eq!(percentile(&ten, 100), Some(10));
        // Five values: ranks ceil(2.5) = 3 and ceil(4.5) = 5.
        assert_eq!(percentile(&[1, 2, 3, 4, 5], 50), Some(3));
        assert_eq!(percentile(&[1, 2, 3, 4, 5], 90), Some(5));
    }

    #[test]
    fn periods() {
        // Wed 1 Apr 2026.
        let today = date(2026, 4, 1);
        let w = Period::named(PeriodKind::ThisWeek, today);
        assert_eq!((w.from, w.to), (date(2026, 3, 30), today));
        let m = Period::named(PeriodKind::LastMonth, today);
        assert_eq!((m.from, m.to), (date(2026, 3, 1), date(2026, 3, 31)));
        let y = Period::named(PeriodKind::ThisYear, today);
        assert_eq!((y.from, y.to), (date(2026, 1, 1), today));
        // January: last month is December of the year before.
        let m = Period::named(PeriodKind::LastMonth, date(2027, 1, 15));
        assert_eq!((m.from, m.to), (date(2026, 12, 1), date(2026, 12, 31)));
        assert_eq!(PeriodKind::ThisYear.next(), PeriodKind::ThisWeek);
        assert_eq!(PeriodKind::ThisWeek.prev(), PeriodKind::ThisYear);
        assert_eq!(PeriodKind::Custom.next(), PeriodKind::ThisWeek);
        assert!(Period::custom(date(2026, 2, 1), date(2026, 1, 1)).is_none());
        // Bounds are local midnights: March 2026 starts at 23:00Z on 28 Feb
        // (CET) and ends at 22:00Z on 31 March (CEST).
        let cal = CalendarSettings::default();
        let m = Period::named(PeriodKind::LastMonth, today);
        assert_eq!(
            m.bounds(&cal),
            (utc(2026, 2, 28, 23, 0), utc(2026, 3, 31, 22, 0))
        );
    }

    #[test]
    fn weeks_and_months_cover_the_period() {
        let p = Period::custom(date(2026, 3, 27), date(2026, 4, 7)).unwrap();
        let weeks: Vec<String> = weeks_of(&p).iter().map(Bucket::label_week).collect();
        assert_eq!(weeks, ["2026-W13", "2026-W14", "2026-W15"]);
        let months: Vec<String> = months_of(&p).iter().map(Bucket::label_month).collect();
        assert_eq!(months, ["2026-03", "2026-04"]);
        // ISO week-year differs from the calendar year around New Year.
        let p = Period::custom(date(2026, 12, 30), date(2027, 1, 5)).unwrap();
        let weeks: Vec<String> = weeks_of(&p).iter().map(Bucket::label_week).collect();
        assert_eq!(weeks, ["2026-W53", "2027-W01"]);
    }

    fn item(kind: Kind, deadline: DateTime<Utc>) -> ItemRow {
        ItemRow {
            id: 1,
            kind,
            received_at: deadline - chrono::Duration::days(1),
            deadline_at: deadline,
            first_attempt_at: None,
            closed_at: None,
            outcome: None,
        }
    }

    #[test]
    fn verdicts() {
        let dl = utc(2026, 1, 13, 14, 0);
        let before = dl - chrono::Duration::minutes(1);
        let after = dl + chrono::Duration::minutes(1);
        let v = item(Kind::Voicemail, dl);
        assert_eq!(verdict(&v, before), Verdict::Pending);
        assert_eq!(verdict(&v, dl), Verdict::Pending, "due, not yet past");
        assert_eq!(verdict(&v, after), Verdict::Missed);
        let at_deadline = ItemRow {
            first_attempt_at: Some(dl),
            ..v.clone()
        };
        assert_eq!(verdict(&at_deadline, after), Verdict::Kept);
        let late = ItemRow {
            first_attempt_at: Some(after),
            ..v.clone()
        };
        assert_eq!(verdict(&late, after), Verdict::Missed);
        // Closed without attempt: before the deadline nothing was owed;
        // after it the promise was missed.
        let closed_early = ItemRow {
            closed_at: Some(before),
            outcome: Some(Outcome::NotNeeded),
            ..v.clone()
        };
        assert_eq!(verdict(&closed_early, after), Verdict::NotOwed);
        let closed_late = ItemRow {
            closed_at: Some(after),
            outcome: Some(Outcome::NotNeeded),
            ..v.clone()
        };
        assert_eq!(verdict(&closed_late, after), Verdict::Missed);
        // A complaint is answered by closing it, too.
        let c = ItemRow {
            closed_at: Some(before),
            outcome: Some(Outcome::Reached),
            ..item(Kind::Complaint, dl)
        };
        assert_eq!(verdict(&c, after), Verdict::Kept);
        // The earlier of attempt and closing counts.
        let c2 = ItemRow {
            first_attempt_at: Some(before),
            closed_at: Some(after),
            ..c.clone()
        };
        assert_eq!(verdict(&c2, after), Verdict::Kept);
    }

    #[test]
    fn promise_percent_rounds_half_up() {
        let p = |kept, missed| Promise {
            kept,
            missed,
            pending: 9,
            not_owed: 9,
        };
        assert_eq!(p(0, 0).percent(), None);
        assert_eq!(p(1, 0).percent(), Some(100));
        assert_eq!(p(2, 1).percent(), Some(67));
        assert_eq!(p(1, 2).percent(), Some(33));
        assert_eq!(p(1, 1).percent(), Some(50));
        assert_eq!(p(1, 7).percent(), Some(13), "12.5 rounds up");
    }

    #[test]
    fn messages_count_by_local_weekday_and_hour_across_dst() {
        let cal = CalendarSettings::default();
        let p = Period::custom(date(2026, 10, 1), date(2026, 10, 31)).unwrap();
        // 00:30Z and 01:30Z on 25 October are both 02:30 local (CEST, then
        // CET): two calls on Sunday at hour 2.
        let msgs = [
            MessageRow {
                received_at: utc(2026, 10, 25, 0, 30),
                withheld: true,
            },
            MessageRow {
                received_at: utc(2026, 10, 25, 1, 30),
                withheld: false,
            },
            // 31 Oct 23:30Z is 1 November local: outside the period.
            MessageRow {
                received_at: utc(2026, 10, 31, 23, 30),
                withheld: false,
            },
        ];
        let f = compute(&cal, p, utc(2026, 11, 2, 9, 0), &[], &msgs);
        assert_eq!(f.volume.messages, 2);
        assert_eq!(f.volume.withheld, 1);
        assert_eq!(f.volume.heat[6][2], 2);
        assert_eq!(f.volume.by_weekday, [0, 0, 0, 0, 0, 0, 2]);
        assert_eq!(f.volume.by_hour[2], 2);
        assert_eq!(f.volume.busiest(), 2);
        assert!(f.referrals.is_none());
        assert_eq!(f.first_attempt, Latency::default());
    }
}
