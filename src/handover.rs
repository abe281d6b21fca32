//! The end-of-shift handover review, shaped like clinical handover
//! (I-PASS): what is urgent, the open cases, what was done, what the next
//! person must read, and the receiver's acknowledgement.
//!
//! [`gather`] reads the database once into a [`Review`]; `report` turns
//! that into text, Markdown or JSON, and the terminal app draws the same
//! lines, so every form of the review says the same thing.

use chrono::{DateTime, Utc};
use chrono_tz::Tz;

use crate::calendar::{CalendarSettings, OpenState};
use crate::store::callbacks::{Item, Referral};
use crate::store::log::{Activity, Handover, Note};
use crate::store::{Result, Store};

/// Why an acknowledgement is refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AckRefused {
    /// The person on duty gave one of the waiting handovers themselves.
    OwnHandover,
}

/// Who may acknowledge: the person on duty (`by`, from `--as` or "who is
/// on duty"), and not for a handover they gave themselves unless the
/// coordinator allows it (`[handover] self_acknowledge`, for a lone
/// volunteer). The app and `vakt handover ack` both come here.
pub fn may_acknowledge(
    waiting: &[Handover],
    by: &str,
    self_acknowledge: bool,
) -> std::result::Result<(), AckRefused> {
    let own = waiting
        .iter()
        .any(|h| h.given_by.trim().eq_ignore_ascii_case(by.trim()));
    if own && !self_acknowledge {
        return Err(AckRefused::OwnHandover);
    }
    Ok(())
}

/// What acknowledging did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Acked {
    /// This many handovers were acknowledged.
    Done(usize),
    /// Nothing was waiting.
    Nothing,
    Refused(AckRefused),
}

/// Acknowledges every waiting handover as `by`, if the rule allows it.
pub fn acknowledge(
    store: &mut Store,
    by: &str,
    self_acknowledge: bool,
    now: DateTime<Utc>,
) -> Result<Acked> {
    let waiting = store.pending_handovers()?;
    if waiting.is_empty() {
        return Ok(Acked::Nothing);
    }
    if let Err(e) = may_acknowledge(&waiting, by, self_acknowledge) {
        return Ok(Acked::Refused(e));
    }
    Ok(match store.acknowledge_handovers(by, now)? {
        0 => Acked::Nothing,
        n => Acked::Done(n),
    })
}

/// At most this many open items are listed; the rest are counted.
pub const MAX_LISTED: usize = 100;

#[derive(Debug, Clone)]
pub struct Review {
    pub now: DateTime<Utc>,
    pub tz: Tz,
    /// The period "this shift" covers.
    pub from: DateTime<Utc>,
    pub to: DateTime<Utc>,
    /// Whose shift, if the review is for one.
    pub person: Option<String>,
    /// Open items whose promise is broken ([`Item::is_overdue`]).
    pub overdue: Vec<Item>,
    /// Open items tried in time whose planned next attempt has come.
    pub retry_now: Vec<Item>,
    /// The services referred on each listed open item (by item id).
    pub referrals: std::collections::HashMap<i64, Vec<Referral>>,
    /// Listed open items whose safe time cannot be planned for: the words
    /// could not be read, or the line's hours never meet them (by item id).
    pub safe_unmet: std::collections::HashMap<i64, crate::domain::promise::SafeTimeUnmet>,
    pub escalations: Vec<Note>,
    /// Open items in queue order (at most [`MAX_LISTED`]).
    pub open: Vec<Item>,
    pub open_total: u64,
    /// When the line next opens after today's closing (deadlines before
    /// it will pass while nobody is on duty).
    pub next_opening: Option<DateTime<Utc>>,
    pub activity: Activity,
    pub handover_notes: Vec<Note>,
    /// Problems with directory entries reported in the period.
    pub problems: Vec<crate::directory::problem::ProblemReport>,
    /// The handover given for this period, if the shift has ended.
    pub handover: Option<Handover>,
    /// Voicemails that arrived while the line was closed, from the start
    /// of the period until now (for a past day: until its end).
    pub closed_arrivals: ClosedArrivals,
}

/// Voicemails (typed in or from the switchboard's e-mail) left while the
/// line was closed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize)]
pub struct ClosedArrivals {
    pub count: u64,
    pub by_email: u64,
    pub withheld: u64,
}

/// Counts the arrivals in `[from, until)` left while the line was closed.
fn closed_arrivals(
    store: &Store,
    cal: &CalendarSettings,
    from: DateTime<Utc>,
    until: DateTime<Utc>,
) -> Result<ClosedArrivals> {
    let mut c = ClosedArrivals::default();
    for a in store.arrivals(from, until)? {
        if matches!(cal.open_state(a.at), OpenState::ClosedUntil(_)) {
            c.count += 1;
            c.by_email += u64::from(a.by_email);
            c.withheld += u64::from(a.withheld);
        }
    }
    Ok(c)
}

impl Review {
    /// Whether an item is listed under "urgent now" (and so not again in
    /// the list of open callbacks).
    pub fn is_urgent(&self, item: &Item) -> bool {
        self.overdue
            .iter()
            .chain(&self.retry_now)
            .any(|i| i.id == item.id)
    }

    /// Whether an open item, not yet overdue, falls due before the line
    /// opens again (so it would be missed if nobody acts today).
    pub fn due_before_next_opening(&self, item: &Item) -> bool {
        match self.next_opening {
            // Overdue items are listed as urgent already.
            Some(open) => {
                item.attempt_count == 0 && item.deadline_at > self.now && item.deadline_at < open
            }
            None => false,
        }
    }
}

/// The next opening after the current or coming closing time.
pub fn next_opening(cal: &CalendarSettings, now: DateTime<Utc>) -> Option<DateTime<Utc>> {
    match cal.open_state(now) {
        OpenState::OpenUntil(close) => match cal.open_state(close) {
            OpenState::ClosedUntil(t) => t,
            OpenState::OpenUntil(_) => None,
        },
        OpenState::ClosedUntil(t) => t,
    }
}

/// Reads what the review needs for the period `[from, to)`; arrivals
/// while closed are counted from `from` to `arrivals_until`.
#[allow(clippy::too_many_arguments)]
pub fn gather(
    store: &Store,
    cal: &CalendarSettings,
    now: DateTime<Utc>,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
    person: Option<String>,
    handover: Option<Handover>,
    arrivals_until: DateTime<Utc>,
) -> Result<Review> {
    let open = store.queue_from(None, MAX_LISTED)?;
    let eod = now; // overdue = deadline passed by now
    let counts = store.queue_counts(now, eod)?;
    let overdue = open.iter().filter(|i| i.is_overdue(now)).cloned().collect();
    let retry_now = open
        .iter()
        .filter(|i| {
            !i.is_overdue(now) && i.attempt_count > 0 && i.next_attempt_at.is_some_and(|n| n <= now)
        })
        .cloned()
        .collect();
    // One read for the whole list (one per item took a third of the
    // review's time on a large file).
    let ids: Vec<i64> = open.iter().map(|i| i.id).collect();
    let referrals = store.referrals_of_each(&ids)?;
    let safe_unmet = open
        .iter()
        .filter_map(|i| {
            crate::domain::promise::safe_time_unmet(cal, &i.safety, now).map(|u| (i.id, u))
        })
        .collect();
    Ok(Review {
        now,
        tz: cal.tz,
        from,
        to,
        person,
        overdue,
        retry_now,
        referrals,
        safe_unmet,
        escalations: store.open_escalations()?,
        open,
        open_total: counts.open,
        next_opening: next_opening(cal, now),
        activity: store.activity(from, to)?,
        handover_notes: store.handover_notes(from, to)?,
        problems: store
            .problems_since(from)?
            .into_iter()
            .filter(|p| p.at < to)
            .collect(),
        handover,
        closed_arrivals: closed_arrivals(store, cal, from, arrivals_until.max(from))?,
    })
}

/// The review of a shift: from its start to its end (or now).
pub fn for_shift(
    store: &Store,
    cal: &CalendarSettings,
    now: DateTime<Utc>,
    shift: &crate::store::log::Shift,
    handover: Option<Handover>,
) -> Result<Review> {
    let to = shift.ended_at.unwrap_or(now).max(shift.started_at);
    gather(
        store,
        cal,
        now,
        shift.started_at,
        to + chrono::Duration::seconds(1),
        Some(shift.person.clone()),
        handover,
        now,
    )
}

/// What the next person must read: every handover nobody has acknowledged
/// yet, from the start of the oldest one's shift to the newest one, with
/// who gave them. `None` when nothing is waiting.
pub fn pending(
    store: &Store,
    cal: &CalendarSettings,
    now: DateTime<Utc>,
) -> Result<Option<Review>> {
    let waiting = store.pending_handovers()?;
    let (Some(oldest), Some(newest)) = (waiting.first(), waiting.last()) else {
        return Ok(None);
    };
    let from = match oldest.shift_id {
        Some(id) => store.shift(id)?.map(|s| s.started_at),
        None => None,
    }
    .unwrap_or(oldest.given_at)
    .min(oldest.given_at);
    let mut who: Vec<&str> = Vec::new();
    for h in &waiting {
        if !who.contains(&h.given_by.as_str()) {
            who.push(&h.given_by);
        }
    }
    gather(
        store,
        cal,
        now,
        from,
        newest.given_at + chrono::Duration::seconds(1),
        Some(who.join(", ")),
        Some(newest.clone()),
        now,
    )
    .map(Some)
}

/// The review of a whole local day.
pub fn for_day(
    store: &Store,
    cal: &CalendarSettings,
    now: DateTime<Utc>,
    day: chrono::NaiveDate,
) -> Result<Review> {
    let from = cal.local_instant(day, chrono::NaiveTime::MIN);
    let next = day.succ_opt().unwrap_or(day);
    let to = cal.local_instant(next, chrono::NaiveTime::MIN);
    let handover = store.latest_handover(to)?.filter(|h| h.given_at >= from);
    gather(store, cal, now, from, to, None, handover, to.min(now))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn given(by: &str) -> Handover {
        Handover {
            id: 1,
            shift_id: None,
            given_at: Utc::now(),
            given_by: by.into(),
            acknowledged_at: None,
            acknowledged_by: None,
        }
    }

    #[test]
    fn nobody_acknowledges_their_own_handover_unless_allowed() {
        let w = [given("KH"), given("AB")];
        assert_eq!(may_acknowledge(&w, "CD", false), Ok(()));
        assert_eq!(
            may_acknowledge(&w, "AB", false),
            Err(AckRefused::OwnHandover)
        );
        assert_eq!(
            may_acknowledge(&w, " kh ", false),
            Err(AckRefused::OwnHandover)
        );
        assert_eq!(may_acknowledge(&w, "AB", true), Ok(()));
        assert_eq!(may_acknowledge(&[], "AB", false), Ok(()));
    }
}
