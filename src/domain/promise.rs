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

use chrono::{DateTime, Utc};

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
