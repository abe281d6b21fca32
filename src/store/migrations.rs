//! Ordered forward migrations, tracked in `PRAGMA user_version`.
//!
//! Each entry says why it exists. Each runs in its own transaction together
//! with the version bump, so a crash leaves the file at the previous
//! version, never half-way. Never edit a migration that has shipped: add a
//! new one.

use rusqlite::{Connection, TransactionBehavior};

use super::{Result, StoreError};

struct Migration {
    /// Why this step exists (kept next to the SQL for the next reader).
    #[allow(dead_code)]
    why: &'static str,
    sql: &'static str,
}

const MIGRATIONS: &[Migration] = &[Migration {
    why: "Foundation: calendar settings shared by every terminal on the file \
              (time zone, weekly opening hours, extra closed dates, different closing \
              times on given dates) and the audit trail of who did what.",
    sql: "
            CREATE TABLE settings (
                key   TEXT PRIMARY KEY,
                value TEXT NOT NULL
            ) STRICT;
            INSERT INTO settings(key, value) VALUES ('time_zone', 'Europe/Oslo');

            -- weekday 0 = Monday. NULL open/close means closed that weekday.
            CREATE TABLE opening_hours (
                weekday INTEGER PRIMARY KEY CHECK (weekday BETWEEN 0 AND 6),
                open    TEXT,
                close   TEXT,
                CHECK ((open IS NULL) = (close IS NULL)),
                CHECK (open IS NULL OR open < close)
            ) STRICT;
            INSERT INTO opening_hours(weekday, open, close) VALUES
                (0, '09:00', '15:00'), (1, '09:00', '15:00'), (2, '09:00', '15:00'),
                (3, '09:00', '15:00'), (4, '09:00', '15:00'), (5, NULL, NULL), (6, NULL, NULL);

            CREATE TABLE closed_dates (
                date   TEXT PRIMARY KEY,   -- YYYY-MM-DD, local to the time zone
                reason TEXT NOT NULL
            ) STRICT;

            CREATE TABLE closing_overrides (
                date  TEXT PRIMARY KEY,    -- YYYY-MM-DD
                close TEXT NOT NULL        -- HH:MM
            ) STRICT;

            -- Who did what, when, to which row. Never the caller's data.
            CREATE TABLE audit (
                id      INTEGER PRIMARY KEY,
                at      TEXT NOT NULL,     -- RFC 3339 UTC
                actor   TEXT NOT NULL,
                action  TEXT NOT NULL,
                entity  TEXT NOT NULL,
                ref_id  INTEGER,
                detail  TEXT
            ) STRICT;
            CREATE INDEX audit_at ON audit(at);
        ",
}];

/// The schema version this program writes.
pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

pub(super) fn migrate(conn: &mut Connection) -> Result<()> {
    loop {
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        // Re-read inside the write lock: another terminal may have migrated
        // the file while this one waited.
        let current: i64 = tx.query_row("PRAGMA user_version", [], |r| r.get(0))?;
        if current > SCHEMA_VERSION {
            return Err(StoreError::NewerSchema {
                found: current,
                known: SCHEMA_VERSION,
            });
        }
        let Some(step) = MIGRATIONS.get(current as usize) else {
            return Ok(());
        };
        tx.execute_batch(step.sql)?;
        tx.pragma_update(None, "user_version", current + 1)?;
        tx.commit()?;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_migration_explains_itself() {
        for m in MIGRATIONS {
            assert!(m.why.len() > 20);
        }
    }

    #[test]
    fn migrates_step_by_step_from_empty() {
        let mut c = Connection::open_in_memory().unwrap();
        migrate(&mut c).unwrap();
        let v: i64 = c
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .unwrap();
        assert_eq!(v, SCHEMA_VERSION);
        // Running again is a no-op.
        migrate(&mut c).unwrap();
        let hours: i64 = c
            .query_row("SELECT count(*) FROM opening_hours", [], |r| r.get(0))
            .unwrap();
        assert_eq!(hours, 7);
    }
}
