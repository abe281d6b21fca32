//! How current an entry is: days since someone confirmed it, and whether
//! that is too long ago. Pure: the clock and the zone are passed in.

use chrono::{DateTime, Utc};
use chrono_tz::Tz;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Freshness {
    /// Nobody has confirmed this entry: verify before use.
    Never,
    /// Verified this many local calendar days ago.
    Fresh { days: i64 },
    /// Verified longer ago than the configured limit.
    Stale { days: i64 },
}

impl Freshness {
    pub fn needs_verifying(self) -> bool {
        !matches!(self, Freshness::Fresh { .. })
    }
}

/// Counts local calendar days, so an entry verified at 23:50 is "1 day"
/// old ten minutes later, as a person would say. Stale means strictly more
/// than `stale_days` days.
pub fn freshness(
    last_verified: Option<DateTime<Utc>>,
    now: DateTime<Utc>,
    tz: Tz,
    stale_days: u32,
) -> Freshness {
    let Some(at) = last_verified else {
        return Freshness::Never;
    };
    let days = (now.with_timezone(&tz).date_naive() - at.with_timezone(&tz).date_naive())
        .num_days()
        .max(0);
    if days > i64::from(stale_days) {
        Freshness::Stale { days }
    } else {
        Freshness::Fresh { days }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{Duration, TimeZone};

    const OSLO: Tz = chrono_tz::Europe::Oslo;

    #[test]
    fn never_fresh_and_stale() {
        let now = Utc.with_ymd_and_hms(2026, 11, 23, 9, 42, 0).unwrap();
        assert_eq!(freshness(None, now, OSLO, 180), Freshness::Never);
        assert_eq!(
            freshness(Some(now), now, OSLO, 180),
            Freshness::Fresh { days: 0 }
        );
        let d180 = now - Duration::days(180);
        assert_eq!(
            freshness(Some(d180), now, OSLO, 180),
            Freshness::Fresh { days: 180 }
        );
        let d181 = now - Duration::days(181);
        assert_eq!(
            freshness(Some(d181), now, OSLO, 180),
            Freshness::Stale { days: 181 }
        );
        assert_eq!(
            freshness(Some(d181), now, OSLO, 365),
            Freshness::Fresh { days: 181 }
        );
        // A clock set back never gives negative days.
        assert_eq!(
            freshness(Some(now + Duration::days(3)), now, OSLO, 180),
            Freshness::Fresh { days: 0 }
        );
        assert!(Freshness::Never.needs_verifying());
        assert!(Freshness::Stale { days: 200 }.needs_verifying());
    }

    #[test]
    fn days_are_local_calendar_days() {
        // 23:50 Oslo on the 22nd (22:50 UTC) to 00:10 Oslo on the 23rd.
        let verified = Utc.with_ymd_and_hms(2026, 11, 22, 22, 50, 0).unwrap();
        let now = Utc.with_ymd_and_hms(2026, 11, 22, 23, 10, 0).unwrap();
        assert_eq!(
            freshness(Some(verified), now, OSLO, 180),
            Freshness::Fresh { days: 1 }
        );
    }
}
