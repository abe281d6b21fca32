//! Calendar settings in the database, so every terminal on one file agrees
//! on opening hours and therefore on deadlines.

use std::collections::BTreeMap;

use chrono::{DateTime, NaiveDate, NaiveTime, Utc, Weekday};
use chrono_tz::Tz;
use rusqlite::{OptionalExtension, params};

use super::{Result, Store, StoreError, audit};
use crate::calendar::{CalendarSettings, Hours};

const DATE: &str = "%Y-%m-%d";
const TIME: &str = "%H:%M";

fn parse_date(s: &str) -> Result<NaiveDate> {
    NaiveDate::parse_from_str(s, DATE).map_err(|_| StoreError::BadData("date"))
}

fn parse_time(s: &str) -> Result<NaiveTime> {
    NaiveTime::parse_from_str(s, TIME).map_err(|_| StoreError::BadData("time"))
}

impl Store {
    /// Reads the calendar settings (time zone, hours, closed days).
    pub fn calendar(&self) -> Result<CalendarSettings> {
        load(self.conn())
    }
}

/// Reads the calendar settings through any connection or transaction.
fn load(c: &rusqlite::Connection) -> Result<CalendarSettings> {
    let mut settings = CalendarSettings::default();
    let tz: Option<String> = c
        .query_row(
            "SELECT value FROM settings WHERE key = 'time_zone'",
            [],
            |r| r.get(0),
        )
        .optional()?;
    if let Some(tz) = tz {
        settings.tz = tz
            .parse::<Tz>()
            .map_err(|_| StoreError::BadData("time_zone"))?;
    }
    let mut stmt = c.prepare("SELECT weekday, open, close FROM opening_hours")?;
    let rows = stmt.query_map([], |r| {
        Ok((
            r.get::<_, i64>(0)?,
            r.get::<_, Option<String>>(1)?,
            r.get::<_, Option<String>>(2)?,
        ))
    })?;
    for row in rows {
        let (wd, open, close) = row?;
        let slot = settings
            .weekly
            .get_mut(wd as usize)
            .ok_or(StoreError::BadData("weekday"))?;
        *slot = match (open, close) {
            (Some(o), Some(c)) => Some(Hours {
                open: parse_time(&o)?,
                close: parse_time(&c)?,
            }),
            _ => None,
        };
    }
    let mut closed = BTreeMap::new();
    let mut stmt = c.prepare("SELECT date, reason FROM closed_dates")?;
    for row in stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))? {
        let (d, reason) = row?;
        closed.insert(parse_date(&d)?, reason);
    }
    settings.closed = closed;
    let mut overrides = BTreeMap::new();
    let mut stmt = c.prepare("SELECT date, close FROM closing_overrides")?;
    for row in stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))? {
        let (d, t) = row?;
        overrides.insert(parse_date(&d)?, parse_time(&t)?);
    }
    settings.closing_overrides = overrides;
    Ok(settings)
}

impl Store {
    /// Sets one weekday's opening hours (`None`: closed).
    pub fn set_hours(
        &mut self,
        weekday: Weekday,
        hours: Option<Hours>,
        actor: &str,
        now: DateTime<Utc>,
    ) -> Result<()> {
        self.set_week(&[(weekday, hours)], actor, now)
    }

    /// Sets the opening hours of several weekdays in one transaction:
    /// all of them are saved, or none.
    pub fn set_week(
        &mut self,
        days: &[(Weekday, Option<Hours>)],
        actor: &str,
        now: DateTime<Utc>,
    ) -> Result<()> {
        self.write(|tx| {
            for (weekday, hours) in days {
                let (o, c) = match hours {
                    Some(h) => (
                        Some(h.open.format(TIME).to_string()),
                        Some(h.close.format(TIME).to_string()),
                    ),
                    None => (None, None),
                };
                tx.execute(
                    "INSERT INTO opening_hours(weekday, open, close) VALUES (?1, ?2, ?3)
                     ON CONFLICT(weekday) DO UPDATE SET open = excluded.open, close = excluded.close",
                    params![weekday.num_days_from_monday(), o, c],
                )?;
                audit::record(
                    tx,
                    now,
                    actor,
                    "set_hours",
                    "calendar",
                    Some(i64::from(weekday.num_days_from_monday())),
                    None,
                )?;
            }
            on_calendar_changed(tx)
        })
    }

    pub fn close_date(
        &mut self,
        date: NaiveDate,
        reason: &str,
        actor: &str,
        now: DateTime<Utc>,
    ) -> Result<()> {
        self.write(|tx| {
            tx.execute(
                "INSERT INTO closed_dates(date, reason) VALUES (?1, ?2)
                 ON CONFLICT(date) DO UPDATE SET reason = excluded.reason",
                params![date.format(DATE).to_string(), reason],
            )?;
            audit::record(tx, now, actor, "close_date", "calendar", None, None)?;
            on_calendar_changed(tx)
        })
    }

    /// Removes an extra closed date. Returns whether it was closed.
    pub fn reopen_date(
        &mut self,
        date: NaiveDate,
        actor: &str,
        now: DateTime<Utc>,
    ) -> Result<bool> {
        self.write(|tx| {
            let n = tx.execute(
                "DELETE FROM closed_dates WHERE date = ?1",
                params![date.format(DATE).to_string()],
            )?;
            if n > 0 {
                audit::record(tx, now, actor, "reopen_date", "calendar", None, None)?;
                on_calendar_changed(tx)?;
            }
            Ok(n > 0)
        })
    }

    /// Sets (or with `None`, removes) a different closing time on one date.
    pub fn set_closing_override(
        &mut self,
        date: NaiveDate,
        close: Option<NaiveTime>,
        actor: &str,
        now: DateTime<Utc>,
    ) -> Result<()> {
        self.write(|tx| {
            let d = date.format(DATE).to_string();
            match close {
                Some(t) => tx.execute(
                    "INSERT INTO closing_overrides(date, close) VALUES (?1, ?2)
                     ON CONFLICT(date) DO UPDATE SET close = excluded.close",
                    params![d, t.format(TIME).to_string()],
                )?,
                None => tx.execute("DELETE FROM closing_overrides WHERE date = ?1", params![d])?,
            };
            audit::record(tx, now, actor, "closing_override", "calendar", None, None)?;
            on_calendar_changed(tx)
        })
    }

    pub fn set_time_zone(&mut self, tz: Tz, actor: &str, now: DateTime<Utc>) -> Result<()> {
        self.write(|tx| {
            tx.execute(
                "INSERT INTO settings(key, value) VALUES ('time_zone', ?1)
                 ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                params![tz.name()],
            )?;
            audit::record(tx, now, actor, "set_time_zone", "calendar", None, None)?;
            on_calendar_changed(tx)
        })
    }
}

/// Open items' deadlines follow the calendar: recomputed in the same
/// transaction as the change, so no terminal ever sees them disagree.
fn on_calendar_changed(tx: &rusqlite::Transaction) -> Result<()> {
    let settings = load(tx)?;
    super::callbacks::recompute_open_deadlines(tx, &settings)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::tests::temp_store;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, DATE).unwrap()
    }

    #[test]
    fn defaults_match_the_domain_rule() {
        let (_dir, s) = temp_store();
        assert_eq!(s.calendar().unwrap(), CalendarSettings::default());
    }

    #[test]
    fn settings_round_trip_and_are_audited() {
        let (_dir, mut s) = temp_store();
        let now = Utc::now();
        let sat = Hours {
            open: NaiveTime::from_hms_opt(10, 0, 0).unwrap(),
            close: NaiveTime::from_hms_opt(14, 0, 0).unwrap(),
        };
        s.set_hours(Weekday::Sat, Some(sat), "KH", now).unwrap();
        s.set_hours(Weekday::Fri, None, "KH", now).unwrap();
        s.close_date(d("2026-12-24"), "julaften", "KH", now)
            .unwrap();
        s.set_closing_override(
            d("2026-12-23"),
            NaiveTime::from_hms_opt(12, 0, 0),
            "KH",
            now,
        )
        .unwrap();
        s.set_time_zone("Europe/Stockholm".parse().unwrap(), "KH", now)
            .unwrap();
        let c = s.calendar().unwrap();
        assert_eq!(c.weekly[5], Some(sat));
        assert_eq!(c.weekly[4], None);
        assert_eq!(
            c.closed.get(&d("2026-12-24")).map(String::as_str),
            Some("julaften")
        );
        assert_eq!(
            c.closing_overrides.get(&d("2026-12-23")),
            Some(&NaiveTime::from_hms_opt(12, 0, 0).unwrap())
        );
        assert_eq!(c.tz.name(), "Europe/Stockholm");
        assert!(s.reopen_date(d("2026-12-24"), "KH", now).unwrap());
        assert!(!s.reopen_date(d("2026-12-24"), "KH", now).unwrap());
        assert!(s.calendar().unwrap().closed.is_empty());
        let n: i64 = s
            .conn()
            .query_row(
                "SELECT count(*) FROM audit WHERE entity = 'calendar'",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(n, 6);
    }
}
