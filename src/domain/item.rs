//! A callback item as it is kept: the promise to one caller (one or more
//! messages from the same number), its attempts and the services it was
//! referred to. The store reads and writes these; the app and the command
//! line show them. Pure: no I/O.

use chrono::{DateTime, Utc};

use crate::domain::callback::NewVoicemail;
use crate::domain::promise::{self as callback, AttemptResult, Kind, Outcome, Safety};
use crate::phone::Phone;

/// One callback item as the queue and detail view need it.
#[derive(Debug, Clone, PartialEq)]
pub struct Item {
    pub id: i64,
    pub kind: Kind,
    pub received_at: DateTime<Utc>,
    pub deadline_at: DateTime<Utc>,
    pub next_attempt_at: Option<DateTime<Utc>>,
    pub sort_at: String,
    /// Normalised number; `None` for complaints and after a retention purge.
    pub phone: Option<Phone>,
    pub label: String,
    pub summary: String,
    pub safety: Safety,
    pub open: bool,
    pub outcome: Option<Outcome>,
    pub closed_at: Option<DateTime<Utc>>,
    pub message_count: u32,
    pub attempt_count: u32,
    pub last_attempt_at: Option<DateTime<Utc>>,
    pub version: i64,
    /// Kept whole by the retention purge until released.
    pub on_hold: bool,
    /// When someone first tried to call back (whether the promise was kept).
    pub first_attempt_at: Option<DateTime<Utc>>,
    /// A callback time the person on duty planned (inside the caller's
    /// safe window and the opening hours); used up by the next attempt.
    pub planned_at: Option<DateTime<Utc>>,
}

impl Item {
    /// Whether the promise on this item is broken and it is still open:
    /// the one definition (see [`crate::domain::promise`]).
    pub fn is_overdue(&self, now: DateTime<Utc>) -> bool {
        crate::domain::promise::overdue(self.open, self.deadline_at, self.first_attempt_at, now)
    }
}

/// What the "due" column says of an open item, before it is put in words
/// ([`crate::i18n::queue::due_words`]): the one rule for the app's list
/// and `vakt queue`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Due {
    /// Nobody tried by the deadline: the promise is broken.
    Overdue(DateTime<Utc>),
    /// A time the person on duty planned, which keeps the promise.
    Planned(DateTime<Utc>),
    /// Tried before, and the next attempt is now.
    RetryNow,
    /// Tried before, and the next attempt is planned for then.
    NextTry(DateTime<Utc>),
    /// The deadline.
    Deadline(DateTime<Utc>),
}

impl Item {
    /// A voicemail as the item it would be on its own, before it is kept
    /// (id 0): what joins an open item from the same number.
    pub fn incoming(v: &NewVoicemail, deadline: DateTime<Utc>) -> Item {
        Item {
            id: 0,
            kind: Kind::Voicemail,
            received_at: v.received_at,
            deadline_at: deadline,
            next_attempt_at: None,
            sort_at: String::new(),
            phone: Some(v.phone.clone()),
            label: v.label.clone(),
            summary: v.summary.clone(),
            safety: v.safety.clone(),
            open: true,
            outcome: None,
            closed_at: None,
            message_count: 1,
            attempt_count: 0,
            last_attempt_at: None,
            version: 0,
            on_hold: false,
            first_attempt_at: None,
            planned_at: None,
        }
    }

    /// Takes in another item from the same number (a new message, or an
    /// item whose corrected number matches this one). The one join rule:
    /// the earliest received time and deadline stand, messages and
    /// attempts add up, labels and summaries are joined, every "no" the
    /// caller said is kept, the first attempt is the earliest and the last
    /// the latest, a next attempt or plan already set here stands, and a
    /// kept item stays kept. `sort_at` is left to whoever writes it
    /// ([`Item::order_key`]).
    pub fn absorb(&mut self, other: &Item) {
        self.received_at = self.received_at.min(other.received_at);
        self.deadline_at = self.deadline_at.min(other.deadline_at);
        self.safety = self.safety.merge(&other.safety);
        self.label = callback::join_text(&self.label, &other.label);
        self.summary = callback::join_text(&self.summary, &other.summary);
        self.message_count += other.message_count;
        self.attempt_count += other.attempt_count;
        self.next_attempt_at = self.next_attempt_at.or(other.next_attempt_at);
        self.planned_at = self.planned_at.or(other.planned_at);
        self.first_attempt_at = match (self.first_attempt_at, other.first_attempt_at) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        };
        self.last_attempt_at = self.last_attempt_at.max(other.last_attempt_at);
        self.on_hold |= other.on_hold;
    }

    /// What is due on this open item at `now`: a broken promise first, then
    /// a plan (unless it lies after the deadline of an item nobody has
    /// tried: then the deadline is what counts), then a retry, then the
    /// deadline.
    pub fn due(&self, now: DateTime<Utc>) -> Due {
        if self.is_overdue(now) {
            return Due::Overdue(self.deadline_at);
        }
        let plan_stands = |p: &DateTime<Utc>| {
            self.open
                && !crate::domain::callback::plan_breaks_promise(
                    *p,
                    self.deadline_at,
                    self.attempt_count,
                )
        };
        if let Some(planned) = self.planned_at.filter(plan_stands) {
            return Due::Planned(planned);
        }
        match (self.attempt_count, self.next_attempt_at) {
            (n, Some(next)) if n > 0 && next <= now => Due::RetryNow,
            (n, Some(next)) if n > 0 => Due::NextTry(next),
            _ => Due::Deadline(self.deadline_at),
        }
    }

    /// Where the item stands in the queue: [`callback::order_key`] of its
    /// deadline, attempts, next attempt and plan.
    pub fn order_key(&self) -> DateTime<Utc> {
        callback::order_key(
            self.deadline_at,
            self.attempt_count,
            self.next_attempt_at,
            self.planned_at,
        )
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attempt {
    pub id: i64,
    pub at: DateTime<Utc>,
    pub by: String,
    pub result: AttemptResult,
    pub note: String,
}

/// A service given to the caller of an item, and when.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Referral {
    pub service: String,
    pub at: DateTime<Utc>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn at(h: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, 23, h, 0, 0).unwrap()
    }

    fn item(received: u32, deadline: u32) -> Item {
        let v = NewVoicemail {
            received_at: at(received),
            phone: Phone::parse("+47 22 33 44 55").unwrap(),
            label: String::new(),
            summary: String::new(),
            safety: Safety::default(),
        };
        Item::incoming(&v, at(deadline))
    }

    #[test]
    fn a_join_keeps_the_earliest_promise_and_adds_up() {
        let mut a = item(10, 15);
        a.label = "A".into();
        a.attempt_count = 2;
        a.first_attempt_at = Some(at(11));
        a.last_attempt_at = Some(at(12));
        a.safety.may_leave_message = Some(true);
        let mut b = item(8, 14);
        b.label = "B".into();
        b.attempt_count = 1;
        b.first_attempt_at = Some(at(9));
        b.last_attempt_at = Some(at(9));
        b.on_hold = true;
        b.planned_at = Some(at(13));
        b.safety.may_leave_message = Some(false);
        a.absorb(&b);
        assert_eq!((a.received_at, a.deadline_at), (at(8), at(14)));
        assert_eq!((a.message_count, a.attempt_count), (2, 3));
        assert_eq!(a.first_attempt_at, Some(at(9)));
        assert_eq!(a.last_attempt_at, Some(at(12)));
        assert_eq!(a.planned_at, Some(at(13)));
        assert!(a.on_hold);
        // A "no" from either message stands.
        assert_eq!(a.safety.may_leave_message, Some(false));
        assert!(a.label.contains('A') && a.label.contains('B'));
    }

    #[test]
    fn what_is_due_comes_in_order_of_what_matters() {
        let now = at(12);
        // Not tried, deadline passed: overdue, whatever is planned.
        let mut a = item(8, 10);
        a.planned_at = Some(at(13));
        assert_eq!(a.due(now), Due::Overdue(at(10)));
        // A plan before the deadline stands; one after it does not.
        let mut b = item(8, 15);
        b.planned_at = Some(at(14));
        assert_eq!(b.due(now), Due::Planned(at(14)));
        b.planned_at = Some(at(16));
        assert_eq!(b.due(now), Due::Deadline(at(15)));
        // Tried in time: the next attempt, now or later.
        let mut c = item(8, 10);
        c.attempt_count = 1;
        c.first_attempt_at = Some(at(9));
        c.next_attempt_at = Some(at(11));
        assert_eq!(c.due(now), Due::RetryNow);
        c.next_attempt_at = Some(at(13));
        assert_eq!(c.due(now), Due::NextTry(at(13)));
        c.next_attempt_at = None;
        assert_eq!(c.due(now), Due::Deadline(at(10)));
        // First tried after the deadline: still a broken promise.
        c.first_attempt_at = Some(at(11));
        c.next_attempt_at = Some(at(13));
        assert_eq!(c.due(now), Due::Overdue(at(10)));
    }

    #[test]
    fn a_new_message_changes_nothing_of_the_attempts() {
        let mut a = item(10, 15);
        a.attempt_count = 1;
        a.first_attempt_at = Some(at(11));
        a.last_attempt_at = Some(at(11));
        a.next_attempt_at = Some(at(13));
        let before = a.clone();
        a.absorb(&item(12, 16));
        assert_eq!(a.message_count, 2);
        assert_eq!(
            (
                a.attempt_count,
                a.first_attempt_at,
                a.last_attempt_at,
                a.next_attempt_at
            ),
            (
                before.attempt_count,
                before.first_attempt_at,
                before.last_attempt_at,
                before.next_attempt_at
            )
        );
        assert_eq!((a.received_at, a.deadline_at), (at(10), at(15)));
    }
}
