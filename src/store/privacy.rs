//! Retention: erasing caller data that is no longer needed, holds that
//! exempt an item, and reading the audit trail.
//!
//! The purge erases text in place (the item and its counts stay for
//! statistics). With `secure_delete` on, SQLite zeroes the bytes it frees;
//! the old pages still sit in the WAL until a checkpoint copies the new
//! pages back and `TRUNCATE` empties the WAL file, so every purge that
//! erased something ends with [`Store::checkpoint`].

use chrono::{DateTime, Duration, Utc};
use rusqlite::{Transaction, params};

use super::stamp::stamp;
use super::{Result, Store, StoreError, audit, ts};

/// How long caller data is kept after an item is closed, and log notes
/// after they are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Retention {
    pub closed_days: u32,
    pub note_days: u32,
}

/// What a purge erased (or, in a dry run, would erase).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize)]
pub struct PurgeCounts {
    /// Closed callbacks whose number, name, summary and safety texts went.
    pub callbacks: u64,
    /// Attempt notes blanked on those callbacks.
    pub attempt_notes: u64,
    /// Shift-log notes blanked.
    pub notes: u64,
    /// Items kept whole because they are on hold or tied to an open escalation.
    pub exempt: u64,
}

impl PurgeCounts {
    pub fn is_empty(&self) -> bool {
        self.callbacks == 0 && self.attempt_notes == 0 && self.notes == 0
    }
}

/// Callbacks the purge may erase: closed before the cutoff, not yet purged,
/// not on hold, and not named by an open escalation in the log.
const CALLBACKS_DUE: &str = "FROM callbacks c
    WHERE c.status = 'closed' AND c.purged_at IS NULL AND c.closed_at <= ?1
      AND c.on_hold = 0
      AND NOT EXISTS (SELECT 1 FROM open_escalations o JOIN notes n ON n.id = o.note_id
                      WHERE n.callback_id = c.id)";

const CALLBACKS_EXEMPT: &str = "FROM callbacks c
    WHERE c.status = 'closed' AND c.purged_at IS NULL AND c.closed_at <= ?1
      AND (c.on_hold = 1
           OR EXISTS (SELECT 1 FROM open_escalations o JOIN notes n ON n.id = o.note_id
                      WHERE n.callback_id = c.id))";

/// Notes the purge may blank: older than the cutoff, not yet purged, not an
/// open escalation, and not about an item on hold.
const NOTES_DUE: &str = "FROM notes n
    WHERE n.purged_at IS NULL AND n.at <= ?1
      AND n.id NOT IN (SELECT note_id FROM open_escalations)
      AND NOT EXISTS (SELECT 1 FROM callbacks c WHERE c.id = n.callback_id AND c.on_hold = 1)";

/// What erasing a callback does to it (`?2`: when). The purge and the
/// erasing of a restored copy share it.
const ERASE_CALLBACKS: &str = "UPDATE callbacks SET phone = NULL, caller_label = '', summary = '',
     wants_callback = NULL, may_leave_message = NULL, may_say_who = NULL,
     safe_times = '', safety_note = '', purged_at = ?2, version = version + 1";

/// What a database has erased: callbacks and notes by id and by the time
/// they were received or written (so that in a copy of another database,
/// an item that merely shares the id is not touched).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Erased {
    pub callbacks: Vec<(i64, String)>,
    pub notes: Vec<(i64, String)>,
}

impl Erased {
    /// Reads what the database `conn` has open has erased.
    pub fn read(conn: &rusqlite::Connection) -> Result<Erased> {
        let pairs = |sql: &str| -> Result<Vec<(i64, String)>> {
            // A file from before erasing was recorded has erased nothing.
            let table = if sql.contains("FROM notes") {
                "notes"
            } else {
                "callbacks"
            };
            let recorded: i64 = conn.query_row(
                "SELECT count(*) FROM pragma_table_info(?1) WHERE name = 'purged_at'",
                [table],
                |r| r.get(0),
            )?;
            if recorded == 0 {
                return Ok(vec![]);
            }
            let mut stmt = conn.prepare(sql)?;
            let rows = stmt
                .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            Ok(rows)
        };
        Ok(Erased {
            callbacks: pairs(
                "SELECT id, received_at FROM callbacks WHERE purged_at IS NOT NULL ORDER BY id",
            )?,
            notes: pairs("SELECT id, at FROM notes WHERE purged_at IS NOT NULL ORDER BY id")?,
        })
    }
}

/// One line of the audit trail.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuditEntry {
    pub id: i64,
    pub at: DateTime<Utc>,
    pub actor: String,
    pub action: String,
    pub entity: String,
    pub ref_id: Option<i64>,
    pub detail: Option<String>,
}

fn count(tx: &rusqlite::Connection, sql: &str, cutoff: &str) -> Result<u64> {
    let n: i64 = tx.query_row(sql, params![cutoff], |r| r.get(0))?;
    Ok(n as u64)
}

fn counts(tx: &rusqlite::Connection, closed_cut: &str, note_cut: &str) -> Result<PurgeCounts> {
    Ok(PurgeCounts {
        callbacks: count(tx, &format!("SELECT count(*) {CALLBACKS_DUE}"), closed_cut)?,
        attempt_notes: count(
            tx,
            &format!(
                "SELECT count(*) FROM attempts WHERE note <> ''
                 AND callback_id IN (SELECT c.id {CALLBACKS_DUE})"
            ),
            closed_cut,
        )?,
        notes: count(tx, &format!("SELECT count(*) {NOTES_DUE}"), note_cut)?,
        exempt: count(
            tx,
            &format!("SELECT count(*) {CALLBACKS_EXEMPT}"),
            closed_cut,
        )?,
    })
}

fn erase(tx: &Transaction, closed_cut: &str, note_cut: &str, now: &str) -> Result<()> {
    tx.execute(
        &format!(
            "UPDATE attempts SET note = '' WHERE note <> ''
             AND callback_id IN (SELECT c.id {CALLBACKS_DUE})"
        ),
        params![closed_cut],
    )?;
    tx.execute(
        &format!("{ERASE_CALLBACKS} WHERE id IN (SELECT c.id {CALLBACKS_DUE})"),
        params![closed_cut, now],
    )?;
    // The notes' triggers allow exactly this update: body blanked and
    // purged_at set, once.
    tx.execute(
        &format!(
            "UPDATE notes SET body = '', purged_at = ?2 WHERE id IN (SELECT n.id {NOTES_DUE})"
        ),
        params![note_cut, now],
    )?;
    Ok(())
}

impl Store {
    /// Erases caller data older than the retention periods. In a dry run
    /// nothing changes and the counts say what would go. A real run records
    /// the counts (never any content) in the audit trail and then
    /// checkpoints the WAL so the old text is gone from the files too.
    pub fn purge(
        &mut self,
        keep: Retention,
        dry_run: bool,
        actor: &str,
        now: DateTime<Utc>,
    ) -> Result<PurgeCounts> {
        let closed_cut = ts(now - Duration::days(i64::from(keep.closed_days)));
        let note_cut = ts(now - Duration::days(i64::from(keep.note_days)));
        // Read first: the write lock only when there is something to erase,
        // so a start never waits for another terminal's write for nothing.
        let seen = counts(self.conn(), &closed_cut, &note_cut)?;
        // E-mail keys are forgotten with the items, even when no item is due.
        let intake_due = crate::intake::store::count_older_than(self.conn(), &closed_cut)? > 0;
        if dry_run || (seen.is_empty() && !intake_due) {
            return Ok(seen);
        }
        let found = self.write(|tx| {
            // Which e-mails were taken in is forgotten with the items.
            crate::intake::store::purge_older_than(tx, &closed_cut)?;
            let c = counts(tx, &closed_cut, &note_cut)?;
            if !c.is_empty() {
                erase(tx, &closed_cut, &note_cut, &ts(now))?;
                let detail = format!(
                    "callbacks={} attempt_notes={} notes={} exempt={} closed_days={} note_days={}",
                    c.callbacks,
                    c.attempt_notes,
                    c.notes,
                    c.exempt,
                    keep.closed_days,
                    keep.note_days
                );
                audit::record(tx, now, actor, "purge", "retention", None, Some(&detail))?;
            }
            Ok(c)
        })?;
        if !found.is_empty() {
            // Best effort: if another terminal is reading right now the WAL
            // cannot be emptied yet; the next checkpoint will.
            let _ = self.checkpoint();
        }
        Ok(found)
    }

    /// Erases the callbacks and notes in `erased` that still hold text here
    /// (a restored copy of an older backup), whatever their holds: they
    /// were erased in the database this copy replaces, and a restore never
    /// brings erased data back. Records the count in the audit trail and
    /// checkpoints. Returns how many were erased.
    pub fn erase_again(&mut self, erased: &Erased, actor: &str, now: DateTime<Utc>) -> Result<u64> {
        if erased.callbacks.is_empty() && erased.notes.is_empty() {
            return Ok(0);
        }
        let now_ts = ts(now);
        let n = self.write(|tx| {
            let mut n = 0u64;
            {
                let mut attempts = tx.prepare(
                    "UPDATE attempts SET note = '' WHERE note <> '' AND callback_id =
                       (SELECT id FROM callbacks WHERE id = ?1 AND received_at = ?2
                          AND purged_at IS NULL)",
                )?;
                let mut cb = tx.prepare(&format!(
                    "{ERASE_CALLBACKS} WHERE id = ?1 AND received_at = ?3 AND purged_at IS NULL"
                ))?;
                for (id, received) in &erased.callbacks {
                    attempts.execute(params![id, received])?;
                    n += cb.execute(params![id, now_ts, received])? as u64;
                }
                let mut note = tx.prepare(
                    "UPDATE notes SET body = '', purged_at = ?2
                     WHERE id = ?1 AND at = ?3 AND purged_at IS NULL",
                )?;
                for (id, at) in &erased.notes {
                    n += note.execute(params![id, now_ts, at])? as u64;
                }
            }
            if n > 0 {
                let detail = format!("erased_again={n}");
                audit::record(tx, now, actor, "purge", "restore", None, Some(&detail))?;
            }
            Ok(n)
        })?;
        if n > 0 {
            let _ = self.checkpoint();
        }
        Ok(n)
    }

    /// Copies every page from the WAL into the database and truncates the
    /// WAL to zero bytes. Returns false if a reader kept it from finishing.
    pub fn checkpoint(&self) -> Result<bool> {
        let busy: i64 = self
            .conn()
            .query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |r| r.get(0))?;
        Ok(busy == 0)
    }

    /// Puts an item on hold (kept whole by the purge) or releases it.
    pub fn set_on_hold(
        &mut self,
        id: i64,
        hold: bool,
        actor: &str,
        now: DateTime<Utc>,
    ) -> Result<()> {
        self.write(|tx| {
            let n = tx.execute(
                "UPDATE callbacks SET on_hold = ?2, version = version + 1 WHERE id = ?1",
                params![id, hold as i64],
            )?;
            if n == 0 {
                return Err(StoreError::NotFound);
            }
            let action = if hold { "hold" } else { "release_hold" };
            audit::record(tx, now, actor, action, "callback", Some(id), None)
        })
    }

    /// Whether an item is on hold.
    pub fn on_hold(&self, id: i64) -> Result<bool> {
        use rusqlite::OptionalExtension;
        self.conn()
            .query_row(
                "SELECT on_hold FROM callbacks WHERE id = ?1",
                params![id],
                |r| r.get::<_, i64>(0),
            )
            .optional()?
            .map(|v| v == 1)
            .ok_or(StoreError::NotFound)
    }

    /// Records that caller data left the app (a report or a file), with a
    /// short word for what and how many items. Never the data itself.
    pub fn audit_export(
        &mut self,
        what: &str,
        count: usize,
        actor: &str,
        now: DateTime<Utc>,
    ) -> Result<()> {
        let detail = format!("{what} {count}");
        self.write(|tx| audit::record(tx, now, actor, "export", "report", None, Some(&detail)))
    }

    /// Records that an item's number was copied to the clipboard.
    pub fn audit_copy_number(&mut self, id: i64, actor: &str, now: DateTime<Utc>) -> Result<()> {
        self.write(|tx| {
            audit::record(
                tx,
                now,
                actor,
                "export",
                "callback",
                Some(id),
                Some("clipboard"),
            )
        })
    }

    /// Records an action on the database file itself (backup, restore).
    pub fn audit_file(&mut self, action: &str, actor: &str, now: DateTime<Utc>) -> Result<()> {
        self.write(|tx| audit::record(tx, now, actor, action, "database", None, None))
    }

    /// The audit trail from `since` on (all of it if `None`), oldest first.
    pub fn audit_entries(&self, since: Option<DateTime<Utc>>) -> Result<Vec<AuditEntry>> {
        let since = since.map(ts).unwrap_or_default();
        let mut stmt = self.conn().prepare(
            "SELECT id, at, actor, action, entity, ref_id, detail FROM audit
             WHERE at >= ?1 ORDER BY at, id",
        )?;
        Ok(stmt
            .query_map(params![since], |r| {
                Ok(AuditEntry {
                    id: r.get(0)?,
                    at: stamp(r, 1)?,
                    actor: r.get(2)?,
                    action: r.get(3)?,
                    entity: r.get(4)?,
                    ref_id: r.get(5)?,
                    detail: r.get(6)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?)
    }
}
