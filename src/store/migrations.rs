//! Ordered forward migrations, tracked in `PRAGMA user_version`.
//!
//! Each entry says why it exists (in short here, in full at the top of its
//! SQL file). Each runs in its own transaction together
//! with the version bump, so a crash leaves the file at the previous
//! version, never half-way. Never edit a migration that has shipped: add a
//! new one.

use rusqlite::{Connection, Transaction, TransactionBehavior};

use super::{APPLICATION_ID, Result, StoreError};

struct Migration {
    /// Why this step exists (kept next to the SQL for the next reader).
    #[allow(dead_code)]
    why: &'static str,
    sql: &'static str,
    /// A step SQL cannot do, run after `sql` in the same transaction.
    rust: Option<fn(&Transaction) -> Result<()>>,
}

const MIGRATIONS: &[Migration] = &[
    Migration {
        why: "Foundation: calendar settings and the audit trail.",
        sql: include_str!("sql/0001_foundation.sql"),
        rust: None,
    },
    Migration {
        why: "Callback queue: items with deadlines and safety instructions, attempts, \
              and one row per received message (joins, withheld numbers).",
        sql: include_str!("sql/0002_callbacks.sql"),
        rust: None,
    },
    Migration {
        why: "Referral directory: services with a folded FTS5 search index, categories, \
              areas served, referrals (no caller data) and problem reports; the starter \
              list is imported once after this step.",
        sql: include_str!("sql/0003_directory.sql"),
        rust: None,
    },
    Migration {
        why: "Shift log and handover: shifts, append-only notes (enforced by \
              triggers), pins, escalation releases, handover acknowledgements.",
        sql: include_str!("sql/0004_shift_log.sql"),
        rust: None,
    },
    Migration {
        why: "Privacy: an on-hold flag that exempts an item from the retention purge, \
              and purged_at so each item's caller data is erased exactly once.",
        sql: include_str!("sql/0005_privacy.sql"),
        rust: None,
    },
    Migration {
        why: "Open escalations in their own small table, kept by triggers, so the \
              handover review does not read every escalation ever written.",
        sql: include_str!("sql/0006_open_escalations.sql"),
        rust: None,
    },
    Migration {
        why: "A trigram index over the notes' text so the live log search does not \
              read every note; purged text leaves the index in the same transaction.",
        sql: include_str!("sql/0007_note_search.sql"),
        rust: None,
    },
    Migration {
        why: "Phone numbers as the number that reaches the caller: stored numbers the \
              phone rules now read differently (a trunk 0 kept after the country code) \
              are rewritten from libphonenumber's metadata, and open items that then \
              share a number are joined as the joining rule does.",
        sql: include_str!("sql/0008_renumber_phones.sql"),
        rust: Some(super::renumber::renumber),
    },
    Migration {
        why: "Voicemail intake from e-mail: each message says whether a recording \
              exists and its length; salted keys of e-mails already taken in (so a \
              repeat creates nothing) and a count of e-mails that could not be read.",
        sql: include_str!("sql/0009_intake.sql"),
        rust: None,
    },
    Migration {
        why: "When each message was entered, so the handover counts what the person \
              on duty entered in the shift and its counts add up.",
        sql: include_str!("sql/0010_message_entered.sql"),
        rust: None,
    },
    Migration {
        why: "Directory search that forgives: the index's vocabulary as a table (typos, \
              compounds), phone digits in the index (every entry reindexed), and the \
              grown starter list added once.",
        sql: include_str!("sql/0011_directory_search.sql"),
        rust: Some(super::directory::reindex_all),
    },
    Migration {
        why: "A planned callback time the person on duty sets inside the caller's safe \
              window and the opening hours; it orders the item in the queue as the next \
              planned attempt does.",
        sql: include_str!("sql/0012_planned_callback.sql"),
        rust: None,
    },
    Migration {
        why: "Items due at the same time are listed in the order they were received: \
              the queue index gains the time received between the order key and the id.",
        sql: include_str!("sql/0013_queue_ties_by_received.sql"),
        rust: None,
    },
    Migration {
        why: "How many times each service has been given out, kept by triggers: the \
              directory shows it for the selected entry on every keystroke.",
        sql: include_str!("sql/0014_referral_counts.sql"),
        rust: None,
    },
];

/// The schema version this program writes.
pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

/// Brings the schema up to date and puts vakt's mark on the file, each
/// step in its own `BEGIN IMMEDIATE` transaction. Only called when one of
/// them is missing: the write lock is taken for real work only.
pub(super) fn migrate(conn: &mut Connection) -> Result<()> {
    migrate_to(conn, SCHEMA_VERSION)
}

/// Migrates up to `target` (tests start from an older schema with it).
pub(super) fn migrate_to(conn: &mut Connection, target: i64) -> Result<()> {
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
        // vakt's mark, for files made before it was written at creation.
        let id: i32 = tx.query_row("PRAGMA application_id", [], |r| r.get(0))?;
        if id != APPLICATION_ID {
            tx.pragma_update(None, "application_id", APPLICATION_ID)?;
        }
        let Some(step) = MIGRATIONS
            .get(current as usize)
            .filter(|_| current < target)
        else {
            tx.commit()?;
            return Ok(());
        };
        tx.execute_batch(step.sql)?;
        if let Some(rust) = step.rust {
            rust(&tx)?;
        }
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
