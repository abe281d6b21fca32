//! What statistics read: times, deadlines, kinds and outcomes, bounded by
//! the period through indexed columns (`received_at` on callbacks and on
//! messages). Never a number, a name, a summary or a note, so the figures
//! are the same before and after the retention purge.

use std::sync::atomic::{AtomicBool, Ordering};

use chrono::{DateTime, Utc};

use super::stamp::{opt_stamp, stamp, stored_key};
use super::{Result, Store, StoreError, ts};
use crate::domain::promise::{Kind, Outcome};
use crate::stats::{ItemRow, MessageRow};

impl Store {
    /// Callback items received in `[from, to)`, oldest first.
    pub fn stats_items(&self, from: DateTime<Utc>, to: DateTime<Utc>) -> Result<Vec<ItemRow>> {
        let mut stmt = self.conn().prepare_cached(
            "SELECT id, kind, received_at, deadline_at, first_attempt_at, closed_at, outcome
             FROM callbacks
             WHERE received_at >= ?1 AND received_at < ?2
             ORDER BY received_at, id",
        )?;
        Ok(stmt
            .query_map([ts(from), ts(to)], |r| {
                Ok(ItemRow {
                    id: r.get(0)?,
                    kind: stored_key(r, 1, "kind", Kind::from_key)?,
                    received_at: stamp(r, 2)?,
                    deadline_at: stamp(r, 3)?,
                    first_attempt_at: opt_stamp(r, 4)?,
                    closed_at: opt_stamp(r, 5)?,
                    outcome: match r.get::<_, Option<String>>(6)? {
                        None => None,
                        Some(_) => Some(stored_key(r, 6, "outcome", Outcome::from_key)?),
                    },
                })
            })?
            .collect::<rusqlite::Result<_>>()?)
    }

    /// Voicemail messages and withheld calls received in `[from, to)`.
    /// Letters (messages of complaints) are left out: they are not calls.
    pub fn stats_messages(
        &self,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
    ) -> Result<Vec<MessageRow>> {
        let mut stmt = self.conn().prepare_cached(
            "SELECT m.received_at, m.withheld
             FROM messages m LEFT JOIN callbacks c ON c.id = m.callback_id
             WHERE m.received_at >= ?1 AND m.received_at < ?2
               AND (c.kind IS NULL OR c.kind = 'voicemail')
             ORDER BY m.received_at, m.id",
        )?;
        Ok(stmt
            .query_map([ts(from), ts(to)], |r| {
                Ok(MessageRow {
                    received_at: stamp(r, 0)?,
                    withheld: r.get::<_, i64>(1)? != 0,
                })
            })?
            .collect::<rusqlite::Result<_>>()?)
    }

    /// Referrals given in `[from, to)` by category and by service. Only
    /// which service was given and when: never who it was given to.
    pub fn stats_referrals(
        &self,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
        lang: crate::i18n::Lang,
    ) -> Result<crate::stats::Referrals> {
        let (f, t) = (super::ts(from), super::ts(to));
        let total: i64 = self
            .conn()
            .prepare_cached("SELECT count(*) FROM referrals WHERE at >= ?1 AND at < ?2")?
            .query_row(rusqlite::params![f, t], |r| r.get(0))?;
        let name_col = match lang {
            crate::i18n::Lang::Nb => "c.name_nb",
            crate::i18n::Lang::En => "c.name_en",
        };
        let sql = format!(
            "SELECT sc.category, coalesce({name_col}, sc.category), count(*)
             FROM referrals r JOIN service_categories sc ON sc.service_id = r.service_id
             LEFT JOIN categories c ON c.key = sc.category
             WHERE r.at >= ?1 AND r.at < ?2
             GROUP BY sc.category ORDER BY 3 DESC, 2"
        );
        let by_category = self
            .conn()
            .prepare_cached(&sql)?
            .query_map(rusqlite::params![f, t], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get::<_, i64>(2)? as u32))
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        let by_service = self
            .conn()
            .prepare_cached(
                "SELECT s.id, s.name, count(*) FROM referrals r JOIN services s ON s.id = r.service_id
                 WHERE r.at >= ?1 AND r.at < ?2 GROUP BY r.service_id ORDER BY 3 DESC, 2 LIMIT 50",
            )?
            .query_map(rusqlite::params![f, t], |r| Ok((r.get(0)?, r.get(1)?, r.get::<_, i64>(2)? as u32)))?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(crate::stats::Referrals {
            total: total as u32,
            by_category,
            by_service,
        })
    }

    /// The figures for `period` as of `now`, with the stored calendar.
    pub fn stats(
        &self,
        cal: &crate::calendar::CalendarSettings,
        period: crate::stats::Period,
        now: DateTime<Utc>,
        lang: crate::i18n::Lang,
    ) -> Result<crate::stats::Figures> {
        let never = AtomicBool::new(false);
        self.stats_unless(cal, period, now, lang, &never)?
            .ok_or(StoreError::BadData("stopped"))
    }

    /// [`Store::stats`], giving up between steps once `stop` is set (the
    /// figures are no longer wanted); `None` then. A query already running
    /// is stopped with the connection's interrupt handle.
    pub fn stats_unless(
        &self,
        cal: &crate::calendar::CalendarSettings,
        period: crate::stats::Period,
        now: DateTime<Utc>,
        lang: crate::i18n::Lang,
        stop: &AtomicBool,
    ) -> Result<Option<crate::stats::Figures>> {
        let stopped = || stop.load(Ordering::Relaxed);
        let (from, to) = period.bounds(cal);
        let items = self.stats_items(from, to)?;
        if stopped() {
            return Ok(None);
        }
        let messages = self.stats_messages(from, to)?;
        if stopped() {
            return Ok(None);
        }
        let mut figures = crate::stats::compute(cal, period, now, &items, &messages);
        if stopped() {
            return Ok(None);
        }
        figures.referrals = Some(self.stats_referrals(from, to, lang)?);
        Ok(Some(figures))
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::temp_store;

    #[test]
    fn queries_use_the_received_indexes() {
        let (_d, s) = temp_store();
        for sql in [
            "EXPLAIN QUERY PLAN SELECT id FROM callbacks WHERE received_at >= 'a' AND received_at < 'b'",
            "EXPLAIN QUERY PLAN SELECT m.received_at FROM messages m LEFT JOIN callbacks c ON c.id = m.callback_id WHERE m.received_at >= 'a' AND m.received_at < 'b' AND (c.kind IS NULL OR c.kind = 'voicemail')",
        ] {
            let mut stmt = s.conn().prepare(sql).unwrap();
            let plan: Vec<String> = stmt
                .query_map([], |r| r.get::<_, String>(3))
                .unwrap()
                .map(|r| r.unwrap())
                .collect();
            let plan = plan.join(" | ");
            assert!(plan.contains("_received"), "{sql}: {plan}");
        }
    }
}
