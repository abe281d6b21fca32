//! The callback promise, once: when it is kept, and when an open item is
//! overdue. The queue's header, its list and detail, `vakt queue` (text
//! and JSON), the handover review and the statistics all ask here, so
//! they cannot disagree.
//!
//! The promise is to call back by the deadline. It is **kept** when the
//! first attempt came at or before the deadline (an attempt that does not
//! reach the caller still keeps it: we did call). An open item is
//! **overdue** when its deadline has passed and it was not kept by then:
//! nobody tried, or the first attempt came after the deadline. An item
//! tried in time whose caller has not been reached yet is not overdue; it
//! waits for its next planned attempt.
//!
//! The rest of the promise's pure rules live here too: what kind of
//! promise an item is, what the caller said is safe, attempt results and
//! outcomes, when an item may be closed, when to try next, and where an
//! item stands in the queue.

use chrono::{DateTime, Duration, Utc};

use crate::calendar::{CalendarSettings, ItemKind, OpenState};

/// Whether a first attempt at `first_attempt` keeps a promise due at
/// `deadline`.
pub fn kept(deadline: DateTime<Utc>, first_attempt: DateTime<Utc>) -> bool {
    first_attempt <= deadline
}

/// Whether an item is overdue at `now`: open, its deadline passed, and not
/// tried at or before the deadline.
pub fn overdue(
    open: bool,
    deadline: DateTime<Utc>,
    first_attempt: Option<DateTime<Utc>>,
    now: DateTime<Utc>,
) -> bool {
    open && now > deadline && !first_attempt.is_some_and(|a| kept(deadline, a))
}

/// What kind of promise an item is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kind {
    /// A voicemail: called back by closing time of the next working day.
    Voicemail,
    /// A letter or e-mail: answered within 21 days.
    Complaint,
}

impl Kind {
    pub fn key(self) -> &'static str {
        match self {
            Kind::Voicemail => "voicemail",
            Kind::Complaint => "complaint",
        }
    }

    pub fn from_key(s: &str) -> Option<Kind> {
        match s {
            "voicemail" => Some(Kind::Voicemail),
            "complaint" => Some(Kind::Complaint),
            _ => None,
        }
    }

    pub fn calendar_kind(self) -> ItemKind {
        match self {
            Kind::Voicemail => ItemKind::Voicemail,
            Kind::Complaint => ItemKind::Complaint,
        }
    }
}

/// What the caller said about how to reach them safely. `None` means they
/// did not say, which is treated as the careful choice: no message, no
/// organisation name.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Safety {
    pub wants_callback: Option<bool>,
    pub may_leave_message: Option<bool>,
    pub may_say_who_we_are: Option<bool>,
    /// When it is safe to call, in the caller's words ("etter kl. 16").
    pub safe_times: String,
    /// Anything else that keeps the caller safe.
    pub note: String,
}

impl Safety {
    /// A message may be left only when the caller said so.
    pub fn message_allowed(&self) -> bool {
        self.may_leave_message == Some(true)
    }

    /// The organisation may be named only when the caller said so.
    pub fn identity_allowed(&self) -> bool {
        self.may_say_who_we_are == Some(true)
    }

    /// Combines the instructions of two voicemails from one number. A "no"
    /// in either wins; otherwise a "yes" in either; otherwise unknown. Free
    /// text from both is kept.
    pub fn merge(&self, newer: &Safety) -> Safety {
        fn careful(a: Option<bool>, b: Option<bool>) -> Option<bool> {
            match (a, b) {
                (Some(false), _) | (_, Some(false)) => Some(false),
                (Some(true), _) | (_, Some(true)) => Some(true),
                _ => None,
            }
        }
        Safety {
            wants_callback: careful(self.wants_callback, newer.wants_callback),
            may_leave_message: careful(self.may_leave_message, newer.may_leave_message),
            may_say_who_we_are: careful(self.may_say_who_we_are, newer.may_say_who_we_are),
            safe_times: join_text(&self.safe_times, &newer.safe_times),
            note: join_text(&self.note, &newer.note),
        }
    }
}

/// Joins two free texts without repeating one that is already there.
pub fn join_text(a: &str, b: &str) -> String {
    let (a, b) = (a.trim(), b.trim());
    if b.is_empty() || a.contains(b) {
        a.to_string()
    } else if a.is_empty() {
        b.to_string()
    } else {
        format!("{a} · {b}")
    }
}

/// What happened when someone tried to call back.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum AttemptResult {
    Reached,
    NoAnswer,
    Busy,
    LeftMessage,
    WrongNumber,
}

impl AttemptResult {
    pub const ALL: [AttemptResult; 5] = [
        AttemptResult::Reached,
        AttemptResult::NoAnswer,
        AttemptResult::Busy,
        AttemptResult::LeftMessage,
        AttemptResult::WrongNumber,
    ];

    pub fn key(self) -> &'static str {
        match self {
            AttemptResult::Reached => "reached",
            AttemptResult::NoAnswer => "no_answer",
            AttemptResult::Busy => "busy",
            AttemptResult::LeftMessage => "left_message",
            AttemptResult::WrongNumber => "wrong_number",
        }
    }

    pub fn from_key(s: &str) -> Option<AttemptResult> {
        let s = s.replace('-', "_");
        AttemptResult::ALL.into_iter().find(|r| r.key() == s)
    }
}

/// How an item ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Outcome {
    Reached,
    /// Given up after the configured number of attempts.
    GaveUp,
    NotInUse,
    /// The caller said it is no longer needed.
    NotNeeded,
}

impl Outcome {
    pub const ALL: [Outcome; 4] = [
        Outcome::Reached,
        Outcome::GaveUp,
        Outcome::NotInUse,
        Outcome::NotNeeded,
    ];

    pub fn key(self) -> &'static str {
        match self {
            Outcome::Reached => "reached",
            Outcome::GaveUp => "gave_up",
            Outcome::NotInUse => "not_in_use",
            Outcome::NotNeeded => "not_needed",
        }
    }

    pub fn from_key(s: &str) -> Option<Outcome> {
        let s = s.replace('-', "_");
        Outcome::ALL.into_iter().find(|o| o.key() == s)
    }
}

/// Why an item cannot be closed with the chosen outcome.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CloseError {
    /// "Gave up" needs the configured number of attempts first.
    TooFewAttempts {
        made: u32,
        needed: u32,
    },
    AlreadyClosed,
}

/// Checks that an item may be closed with `outcome`.
pub fn check_close(outcome: Outcome, attempts: u32, max_attempts: u32) -> Result<(), CloseError> {
    if outcome == Outcome::GaveUp && attempts < max_attempts {
        return Err(CloseError::TooFewAttempts {
            made: attempts,
            needed: max_attempts,
        });
    }
    Ok(())
}

/// Default wait between two attempts that did not reach the caller.
pub const DEFAULT_RETRY_GAP: Duration = Duration::hours(2);

/// When to try again after an attempt at `last` that did not reach the
/// caller: `gap` later, moved to the next opening if that falls while the
/// line is closed.
pub fn next_attempt(cal: &CalendarSettings, last: DateTime<Utc>, gap: Duration) -> DateTime<Utc> {
    let t = last + gap;
    match cal.open_state(t) {
        OpenState::OpenUntil(_) => t,
        OpenState::ClosedUntil(Some(open)) => open,
        OpenState::ClosedUntil(None) => t,
    }
}

/// The next attempt to plan after one at `last` that did not reach the
/// caller: [`next_attempt`], moved forward into the caller's safe time
/// when their words can be read and the line's hours meet them. When the
/// words cannot be read, or the hours never meet them, the plan stays at
/// the next opening and the item says so ([`safe_time_unmet`]).
pub fn plan_next_attempt(
    cal: &CalendarSettings,
    last: DateTime<Utc>,
    gap: Duration,
    safety: &Safety,
) -> DateTime<Utc> {
    let t = next_attempt(cal, last, gap);
    crate::domain::safe_time::read(&safety.safe_times)
        .next_safe(cal, t)
        .unwrap_or(t)
}

/// Why a caller's safe time cannot be planned for: the words could not be
/// read, or the line is never open when they say it is safe. `None` when
/// nothing was said or a safe time inside opening hours exists.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SafeTimeUnmet {
    Unread,
    NeverOpen,
}

impl SafeTimeUnmet {
    /// The word in JSON.
    pub fn key(self) -> &'static str {
        match self {
            SafeTimeUnmet::Unread => "unread",
            SafeTimeUnmet::NeverOpen => "never_open",
        }
    }
}

pub fn safe_time_unmet(
    cal: &CalendarSettings,
    safety: &Safety,
    from: DateTime<Utc>,
) -> Option<SafeTimeUnmet> {
    use crate::domain::safe_time::{SafeTimes, read};
    match read(&safety.safe_times) {
        SafeTimes::Any => None,
        SafeTimes::Unread => Some(SafeTimeUnmet::Unread),
        w => w
            .next_safe(cal, from)
            .is_none()
            .then_some(SafeTimeUnmet::NeverOpen),
    }
}

/// The queue's order key: the deadline until someone has tried, then the
/// next planned attempt. Overdue items have the earliest keys, so an
/// ascending sort puts the most urgent unmet promise first.
pub fn sort_key(
    deadline: DateTime<Utc>,
    attempts: u32,
    next_attempt: Option<DateTime<Utc>>,
) -> DateTime<Utc> {
    match (attempts, next_attempt) {
        (0, _) | (_, None) => deadline,
        (_, Some(n)) => n,
    }
}

/// The queue's order key with a planned callback: the time the person on
/// duty planned stands where the next planned attempt would, else
/// [`sort_key`]. Before any attempt a plan never sorts after the deadline:
/// an item whose promise is broken stays at the top, plan or no plan.
/// Items with the same key are listed in the order they were received,
/// then by id (the store's `QueueKey`).
pub fn order_key(
    deadline: DateTime<Utc>,
    attempts: u32,
    next_attempt: Option<DateTime<Utc>>,
    planned: Option<DateTime<Utc>>,
) -> DateTime<Utc> {
    match (attempts, planned) {
        (0, Some(p)) => p.min(deadline),
        (_, Some(p)) => p,
        (_, None) => sort_key(deadline, attempts, next_attempt),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{Duration, TimeZone};

    #[test]
    fn overdue_around_the_deadline() {
        let d = Utc.with_ymd_and_hms(2026, 11, 24, 14, 0, 0).unwrap();
        let s = Duration::seconds(1);
        // Not tried: due at the deadline itself, overdue a second after.
        assert!(!overdue(true, d, None, d - s));
        assert!(!overdue(true, d, None, d));
        assert!(overdue(true, d, None, d + s));
        // Tried at or before the deadline: kept, never overdue.
        assert!(!overdue(true, d, Some(d), d + Duration::days(3)));
        assert!(!overdue(true, d, Some(d - s), d + Duration::days(3)));
        // First tried after the deadline: overdue (the promise was missed).
        assert!(overdue(true, d, Some(d + s), d + Duration::hours(8)));
        // A late attempt before now does not matter until the deadline passed.
        assert!(!overdue(true, d, None, d - Duration::hours(1)));
        // Closed items are never overdue.
        assert!(!overdue(false, d, None, d + Duration::days(3)));
        assert!(kept(d, d) && kept(d, d - s) && !kept(d, d + s));
    }
}

#[cfg(test)]
mod rule_tests {
    use super::*;
    use chrono::TimeZone;

    fn t(h: u32, m: u32) -> DateTime<Utc> {
        // Monday 23 November 2026 (Oslo is UTC+1).
        Utc.with_ymd_and_hms(2026, 11, 23, h, m, 0).unwrap()
    }

    #[test]
    fn unknown_safety_is_the_careful_choice() {
        let s = Safety::default();
        assert!(!s.message_allowed());
        assert!(!s.identity_allowed());
        let yes = Safety {
            may_leave_message: Some(true),
            may_say_who_we_are: Some(true),
            ..Safety::default()
        };
        assert!(yes.message_allowed());
        assert!(yes.identity_allowed());
    }

    #[test]
    fn merge_keeps_every_no() {
        let a = Safety {
            may_leave_message: Some(true),
            may_say_who_we_are: None,
            safe_times: "etter 16".into(),
            ..Safety::default()
        };
        let b = Safety {
            may_leave_message: Some(false),
            may_say_who_we_are: Some(true),
            safe_times: "etter 16".into(),
            note: "mann tar telefonen".into(),
            ..Safety::default()
        };
        let m = a.merge(&b);
        assert_eq!(m.may_leave_message, Some(false));
        assert_eq!(m.may_say_who_we_are, Some(true));
        assert_eq!(m.wants_callback, None);
        assert_eq!(m.safe_times, "etter 16");
        assert_eq!(m.note, "mann tar telefonen");
        assert_eq!(b.merge(&a).may_leave_message, Some(false));
        assert_eq!(join_text("a", "b"), "a · b");
        assert_eq!(join_text("", "b"), "b");
    }

    #[test]
    fn keys_round_trip() {
        for r in AttemptResult::ALL {
            assert_eq!(AttemptResult::from_key(r.key()), Some(r));
        }
        for o in Outcome::ALL {
            assert_eq!(Outcome::from_key(o.key()), Some(o));
        }
        assert_eq!(Outcome::from_key("gave-up"), Some(Outcome::GaveUp));
        assert_eq!(AttemptResult::from_key("nope"), None);
        for k in [Kind::Voicemail, Kind::Complaint] {
            assert_eq!(Kind::from_key(k.key()), Some(k));
        }
    }

    #[test]
    fn giving_up_needs_enough_attempts() {
        assert_eq!(
            check_close(Outcome::GaveUp, 2, 3),
            Err(CloseError::TooFewAttempts { made: 2, needed: 3 })
        );
        assert_eq!(check_close(Outcome::GaveUp, 3, 3), Ok(()));
        assert_eq!(check_close(Outcome::NotNeeded, 0, 3), Ok(()));
    }

    #[test]
    fn next_attempt_stays_in_opening_hours() {
        let cal = CalendarSettings::default();
        // 10:00 Oslo + 2 h = 12:00 Oslo, open.
        assert_eq!(next_attempt(&cal, t(9, 0), DEFAULT_RETRY_GAP), t(11, 0));
        // 14:00 Oslo + 2 h = 16:00, closed: next opening Tuesday 09:00.
        assert_eq!(
            next_attempt(&cal, t(13, 0), DEFAULT_RETRY_GAP),
            Utc.with_ymd_and_hms(2026, 11, 24, 8, 0, 0).unwrap()
        );
    }

    #[test]
    fn sort_key_and_order_key() {
        let deadline = t(14, 0);
        assert_eq!(sort_key(deadline, 0, Some(t(10, 0))), deadline);
        assert_eq!(sort_key(deadline, 1, Some(t(10, 0))), t(10, 0));
        assert_eq!(sort_key(deadline, 1, None), deadline);
        // A plan: where the next attempt would be, but never after the
        // deadline before a first attempt.
        let early = deadline - chrono::Duration::hours(3);
        let late = deadline + chrono::Duration::days(2);
        assert_eq!(order_key(deadline, 0, None, Some(early)), early);
        assert_eq!(order_key(deadline, 0, None, Some(late)), deadline);
        assert_eq!(order_key(deadline, 1, Some(t(10, 0)), Some(late)), late);
        assert_eq!(order_key(deadline, 1, Some(t(10, 0)), None), t(10, 0));
    }
}
