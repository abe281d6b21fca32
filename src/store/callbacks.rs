//! Callback items, their attempts and the messages that created them.
//!
//! Lists are read a page at a time with keyset pagination on the queue
//! index `(sort_at, received_at, id)`, so a screen never loads more rows
//! than it shows. Items due at the same time keep the order they came in.

use chrono::{DateTime, Duration, Utc};
use rusqlite::{Connection, OptionalExtension, Row as SqlRow, Transaction, params};

use super::stamp::{opt_stamp, stamp, stored_key};
use super::{Result, Store, StoreError, audit, ts};
use crate::calendar::CalendarSettings;
use crate::domain::promise::{self as callback, AttemptResult, Kind, Outcome, Safety};
use crate::phone::Phone;

// Built and checked in the domain layer; the store takes them as they are
// and gives back the items it keeps.
pub use crate::domain::callback::{NewComplaint, NewVoicemail};
pub use crate::domain::item::{Attempt, Item, Referral};

/// The result of adding a message.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Added {
    pub id: i64,
    /// The voicemail joined an open item from the same number.
    pub joined: bool,
    pub deadline: DateTime<Utc>,
    pub undo: Undo,
}

impl Item {
    /// The position of this item in the queue order: its order key
    /// ([`callback::order_key`]), then the time it was received, then id.
    pub fn key(&self) -> QueueKey {
        QueueKey {
            sort_at: self.sort_at.clone(),
            received_at: ts(self.received_at),
            id: self.id,
        }
    }

    /// Its place in the list of closed items (by when it was closed, then
    /// id; the time received plays no part there and stays empty).
    pub fn closed_key(&self) -> QueueKey {
        QueueKey {
            sort_at: self.closed_at.map(ts).unwrap_or_default(),
            received_at: String::new(),
            id: self.id,
        }
    }
}

/// A position in the queue order, for keyset pagination.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct QueueKey {
    pub sort_at: String,
    /// Breaks ties on `sort_at`: the item received first comes first.
    pub received_at: String,
    pub id: i64,
}

/// Figures for the pane title.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Counts {
    pub open: u64,
    /// Not tried, deadline passed.
    pub overdue: u64,
    /// Not tried, due before the end of today.
    pub due_today: u64,
}

/// What is needed to take back the last change, and only that change:
/// undo refuses when the item was changed again meanwhile.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Undo {
    pub callback_id: i64,
    /// Version of the item after the change.
    pub version_after: i64,
    pub kind: UndoKind,
}

/// What an edit did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Edited {
    /// Takes the edit back (none after a join).
    pub undo: Option<Undo>,
    /// The open item this one joined (same number; the person said so).
    pub joined_into: Option<i64>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UndoKind {
    /// The item was created: delete it.
    Created,
    /// A message joined the item: remove it and restore the fields.
    Joined { message_id: i64, snapshot: i64 },
    /// An attempt was recorded.
    Attempt { attempt_id: i64, snapshot: i64 },
    /// The item was closed or edited.
    Changed { snapshot: i64 },
}

const ITEM_COLUMNS: &str = "id, kind, received_at, deadline_at, next_attempt_at, sort_at, phone, \
     caller_label, summary, wants_callback, may_leave_message, may_say_who, safe_times, \
     safety_note, status, outcome, closed_at, message_count, attempt_count, last_attempt_at, version, \
     on_hold, first_attempt_at, planned_at";

/// The queue's pages, in its order: the order key, then the time
/// received, then id ([`QueueKey`]), each a range on the `callbacks_queue`
/// index (see the test).
const QUEUE_TOP: &str = "ORDER BY sort_at, received_at, id LIMIT ?1";
const QUEUE_FROM: &str = "AND (sort_at, received_at, id) >= (?1, ?2, ?3)
     ORDER BY sort_at, received_at, id LIMIT ?4";
const QUEUE_BEFORE: &str = "AND (sort_at, received_at, id) < (?1, ?2, ?3)
     ORDER BY sort_at DESC, received_at DESC, id DESC LIMIT ?4";
const QUEUE_LAST: &str = "ORDER BY sort_at DESC, received_at DESC, id DESC LIMIT ?1";

/// Open items, then `tail` (one of the `QUEUE_*` orders).
fn queue_sql(tail: &str) -> String {
    format!("SELECT {ITEM_COLUMNS} FROM callbacks WHERE status = 'open' {tail}")
}

fn bool_opt(v: Option<i64>) -> Option<bool> {
    v.map(|v| v != 0)
}

/// One row of [`ITEM_COLUMNS`], read straight into an item; a value this
/// program cannot read (a kind, an outcome, an instant) is `BadData`.
fn item(r: &SqlRow) -> rusqlite::Result<Item> {
    let status: String = r.get(14)?;
    Ok(Item {
        id: r.get(0)?,
        kind: stored_key(r, 1, "kind", Kind::from_key)?,
        received_at: stamp(r, 2)?,
        deadline_at: stamp(r, 3)?,
        next_attempt_at: opt_stamp(r, 4)?,
        sort_at: r.get(5)?,
        phone: r
            .get::<_, Option<String>>(6)?
            .as_deref()
            .and_then(Phone::from_normalised),
        label: r.get(7)?,
        summary: r.get(8)?,
        safety: Safety {
            wants_callback: bool_opt(r.get(9)?),
            may_leave_message: bool_opt(r.get(10)?),
            may_say_who_we_are: bool_opt(r.get(11)?),
            safe_times: r.get(12)?,
            note: r.get(13)?,
        },
        open: status == "open",
        outcome: match r.get::<_, Option<String>>(15)? {
            Some(_) => Some(stored_key(r, 15, "outcome", Outcome::from_key)?),
            None => None,
        },
        closed_at: opt_stamp(r, 16)?,
        message_count: r.get::<_, i64>(17)?.max(0) as u32,
        attempt_count: r.get::<_, i64>(18)?.max(0) as u32,
        last_attempt_at: opt_stamp(r, 19)?,
        version: r.get(20)?,
        on_hold: r.get::<_, i64>(21)? != 0,
        first_attempt_at: opt_stamp(r, 22)?,
        planned_at: opt_stamp(r, 23)?,
    })
}

fn collect(conn: &Connection, sql: &str, p: impl rusqlite::Params) -> Result<Vec<Item>> {
    let mut stmt = conn.prepare_cached(sql)?;
    let items = stmt
        .query_map(p, item)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(items)
}

fn get_item(conn: &Connection, id: i64) -> Result<Option<Item>> {
    let sql = format!("SELECT {ITEM_COLUMNS} FROM callbacks WHERE id = ?1");
    Ok(conn
        .prepare_cached(&sql)?
        .query_row(params![id], item)
        .optional()?)
}

/// An item that must still be open for a change: `NotFound` or `Closed`
/// otherwise.
fn open_item(conn: &Connection, id: i64) -> Result<Item> {
    let item = get_item(conn, id)?.ok_or(StoreError::NotFound)?;
    if !item.open {
        return Err(StoreError::Closed);
    }
    Ok(item)
}

fn tri(v: Option<bool>) -> Option<i64> {
    v.map(i64::from)
}

/// Keeps a copy of an item's fields before a change, for undo. Snapshots
/// live in this process's memory only: they hold caller data and must not
/// outlive the session.
#[derive(Default)]
pub struct Snapshots {
    items: Vec<(i64, Item)>,
    next: i64,
}

impl Snapshots {
    fn keep(&mut self, item: Item) -> i64 {
        self.next += 1;
        // Only the last few are ever needed.
        if self.items.len() >= 16 {
            self.items.remove(0);
        }
        self.items.push((self.next, item));
        self.next
    }

    fn take(&mut self, id: i64) -> Option<Item> {
        let pos = self.items.iter().position(|(k, _)| *k == id)?;
        Some(self.items.remove(pos).1)
    }
}

fn bump_version(tx: &Transaction, id: i64) -> Result<i64> {
    Ok(tx.query_row(
        "UPDATE callbacks SET version = version + 1 WHERE id = ?1 RETURNING version",
        params![id],
        |r| r.get(0),
    )?)
}

impl Store {
    /// Adds a voicemail. If an open item from the same number exists, the
    /// message joins it: the earliest deadline stands, safety instructions
    /// are merged so that every "no" is kept.
    pub fn add_voicemail(
        &mut self,
        v: &NewVoicemail,
        cal: &CalendarSettings,
        snaps: &mut Snapshots,
        actor: &str,
        now: DateTime<Utc>,
    ) -> Result<Added> {
        let deadline = voicemail_deadline(cal, v.received_at)?;
        self.write(|tx| Ok(voicemail_in(tx, v, deadline, snaps, actor, now)?.0))
    }

    /// Records a call from a withheld or unknown number: counted, but there
    /// is nobody to call back.
    pub fn add_withheld(
        &mut self,
        received_at: DateTime<Utc>,
        actor: &str,
        now: DateTime<Utc>,
    ) -> Result<i64> {
        self.write(|tx| withheld_in(tx, received_at, actor, now))
    }

    pub fn add_complaint(
        &mut self,
        c: &NewComplaint,
        cal: &CalendarSettings,
        actor: &str,
        now: DateTime<Utc>,
    ) -> Result<Added> {
        let deadline = cal
            .deadline(Kind::Complaint.calendar_kind(), c.received_at)
            .map_err(|_| StoreError::BadData("no working day"))?
            .at;
        self.write(|tx| {
            let id = insert_item(
                tx,
                Kind::Complaint,
                c.received_at,
                deadline,
                None,
                &c.label,
                &c.summary,
                &Safety::default(),
                actor,
                now,
            )?;
            insert_message(tx, c.received_at, Some(id), false, actor, now)?;
            audit::record(
                tx,
                now,
                actor,
                "add",
                "callback",
                Some(id),
                Some("complaint"),
            )?;
            Ok(Added {
                id,
                joined: false,
                deadline,
                undo: Undo {
                    callback_id: id,
                    version_after: 0,
                    kind: UndoKind::Created,
                },
            })
        })
    }

    /// Records an attempt. Reaching the caller closes the item; otherwise
    /// the next attempt is planned `retry_gap` later, within opening hours.
    /// Returns whether the item was closed.
    #[allow(clippy::too_many_arguments)]
    pub fn record_attempt(
        &mut self,
        id: i64,
        at: DateTime<Utc>,
        result: AttemptResult,
        note: &str,
        cal: &CalendarSettings,
        retry_gap: Duration,
        snaps: &mut Snapshots,
        actor: &str,
        now: DateTime<Utc>,
    ) -> Result<(bool, Undo)> {
        self.write(|tx| {
            let before = open_item(tx, id)?;
            crate::domain::callback::check_attempt_time(at, before.received_at, now)
                .map_err(StoreError::AttemptTime)?;
            tx.execute(
                "INSERT INTO attempts(callback_id, at, by, result, note) VALUES (?1, ?2, ?3, ?4, ?5)",
                params![id, ts(at), actor, result.key(), note],
            )?;
            let attempt_id = tx.last_insert_rowid();
            let count = before.attempt_count + 1;
            let last = before.last_attempt_at.map_or(at, |l| l.max(at));
            let first = before_first_attempt(tx, id)?;
            let next = callback::plan_next_attempt(cal, last, retry_gap, &before.safety);
            let closed = result == AttemptResult::Reached;
            let sort = callback::sort_key(before.deadline_at, count, Some(next));
            tx.execute(
                "UPDATE callbacks SET attempt_count = ?2, last_attempt_at = ?3, first_attempt_at = ?4,
                     next_attempt_at = ?5, sort_at = ?6, planned_at = NULL,
                     status = CASE WHEN ?7 THEN 'closed' ELSE status END,
                     outcome = CASE WHEN ?7 THEN 'reached' ELSE outcome END,
                     closed_at = CASE WHEN ?7 THEN ?8 ELSE closed_at END,
                     closed_by = CASE WHEN ?7 THEN ?9 ELSE closed_by END
                 WHERE id = ?1",
                params![id, count, ts(last), first, ts(next), ts(sort), closed, ts(now), actor],
            )?;
            let version_after = bump_version(tx, id)?;
            audit::record(tx, now, actor, "attempt", "callback", Some(id), Some(result.key()))?;
            if closed {
                audit::record(tx, now, actor, "close", "callback", Some(id), Some(Outcome::Reached.key()))?;
            }
            let snapshot = snaps.keep(before);
            Ok((
                closed,
                Undo {
                    callback_id: id,
                    version_after,
                    kind: UndoKind::Attempt {
                        attempt_id,
                        snapshot,
                    },
                },
            ))
        })
    }

    /// Closes an item with an outcome. "Gave up" needs `max_attempts`.
    pub fn close_callback(
        &mut self,
        id: i64,
        outcome: Outcome,
        max_attempts: u32,
        snaps: &mut Snapshots,
        actor: &str,
        now: DateTime<Utc>,
    ) -> Result<Undo> {
        self.write(|tx| {
            let before = open_item(tx, id)?;
            callback::check_close(outcome, before.attempt_count, max_attempts).map_err(|e| match e {
                callback::CloseError::TooFewAttempts { made, needed } => {
                    StoreError::TooFewAttempts { made, needed }
                }
                callback::CloseError::AlreadyClosed => StoreError::Closed,
            })?;
            tx.execute(
                "UPDATE callbacks SET status = 'closed', outcome = ?2, closed_at = ?3, closed_by = ?4 WHERE id = ?1",
                params![id, outcome.key(), ts(now), actor],
            )?;
            let version_after = bump_version(tx, id)?;
            audit::record(tx, now, actor, "close", "callback", Some(id), Some(outcome.key()))?;
            let snapshot = snaps.keep(before);
            Ok(Undo {
                callback_id: id,
                version_after,
                kind: UndoKind::Changed { snapshot },
            })
        })
    }

    /// Changes what the volunteer may edit: name, summary, safety.
    #[allow(clippy::too_many_arguments)]
    pub fn edit_callback(
        &mut self,
        id: i64,
        label: &str,
        summary: &str,
        safety: &Safety,
        snaps: &mut Snapshots,
        actor: &str,
        now: DateTime<Utc>,
    ) -> Result<Undo> {
        let d = crate::domain::callback::Details {
            label: label.to_string(),
            summary: summary.to_string(),
            safety: safety.clone(),
        };
        let edited = self.edit_item(id, &d, None, None, snaps, actor, now)?;
        edited.undo.ok_or(StoreError::Changed)
    }

    /// Edits the words, the safety instructions and (for a voicemail) the
    /// number of an item. A changed number is audited as `number`, never
    /// with its digits. With `join`, the item then joins that open item
    /// (which has the same number; the person was asked): its messages,
    /// attempts and referrals move there, the earliest deadline stands,
    /// every "no" is kept, and this item is gone. A join cannot be undone.
    #[allow(clippy::too_many_arguments)]
    pub fn edit_item(
        &mut self,
        id: i64,
        d: &crate::domain::callback::Details,
        phone: Option<&Phone>,
        join: Option<i64>,
        snaps: &mut Snapshots,
        actor: &str,
        now: DateTime<Utc>,
    ) -> Result<Edited> {
        self.write(|tx| {
            let before = get_item(tx, id)?.ok_or(StoreError::NotFound)?;
            let safety = &d.safety;
            tx.execute(
                "UPDATE callbacks SET caller_label = ?2, summary = ?3, wants_callback = ?4,
                     may_leave_message = ?5, may_say_who = ?6, safe_times = ?7, safety_note = ?8
                 WHERE id = ?1",
                params![
                    id,
                    d.label,
                    d.summary,
                    tri(safety.wants_callback),
                    tri(safety.may_leave_message),
                    tri(safety.may_say_who_we_are),
                    safety.safe_times,
                    safety.note
                ],
            )?;
            let renumbered = match (phone, &before.phone) {
                (Some(new), old)
                    if before.kind == Kind::Voicemail
                        && old.as_ref().map(Phone::as_str) != Some(new.as_str()) =>
                {
                    tx.execute(
                        "UPDATE callbacks SET phone = ?2 WHERE id = ?1",
                        params![id, new.as_str()],
                    )?;
                    true
                }
                _ => false,
            };
            let version_after = bump_version(tx, id)?;
            audit::record(
                tx,
                now,
                actor,
                "edit",
                "callback",
                Some(id),
                renumbered.then_some("number"),
            )?;
            if let Some(into) = join.filter(|into| *into != id) {
                let from = get_item(tx, id)?.ok_or(StoreError::NotFound)?;
                join_items(tx, &from, into, actor, now)?;
                return Ok(Edited {
                    undo: None,
                    joined_into: Some(into),
                });
            }
            let snapshot = snaps.keep(before);
            Ok(Edited {
                undo: Some(Undo {
                    callback_id: id,
                    version_after,
                    kind: UndoKind::Changed { snapshot },
                }),
                joined_into: None,
            })
        })
    }

    /// Plans a callback at `at` (`None` removes the plan): while set, it is
    /// the item's place in the queue. The time must already be checked by
    /// [`crate::domain::callback::check_planned`]. Undoable.
    pub fn set_planned(
        &mut self,
        id: i64,
        at: Option<DateTime<Utc>>,
        snaps: &mut Snapshots,
        actor: &str,
        now: DateTime<Utc>,
    ) -> Result<Undo> {
        self.write(|tx| {
            let before = open_item(tx, id)?;
            let sort = callback::order_key(
                before.deadline_at,
                before.attempt_count,
                before.next_attempt_at,
                at,
            );
            tx.execute(
                "UPDATE callbacks SET planned_at = ?2, sort_at = ?3 WHERE id = ?1",
                params![id, at.map(ts), ts(sort)],
            )?;
            let version_after = bump_version(tx, id)?;
            let action = if at.is_some() { "plan" } else { "unplan" };
            audit::record(tx, now, actor, action, "callback", Some(id), None)?;
            let snapshot = snaps.keep(before);
            Ok(Undo {
                callback_id: id,
                version_after,
                kind: UndoKind::Changed { snapshot },
            })
        })
    }

    /// Another open item with this number than `id`, if any: the one a
    /// changed number would join.
    pub fn other_open_item_for_phone(&self, phone: &Phone, id: i64) -> Result<Option<i64>> {
        Ok(self
            .conn()
            .prepare_cached(
                "SELECT id FROM callbacks WHERE status = 'open' AND phone = ?1 AND id != ?2
                 ORDER BY id LIMIT 1",
            )?
            .query_row(params![phone.as_str(), id], |r| r.get(0))
            .optional()?)
    }

    /// Takes back one change, if the item has not been changed since.
    pub fn undo(
        &mut self,
        undo: Undo,
        snaps: &mut Snapshots,
        actor: &str,
        now: DateTime<Utc>,
    ) -> Result<()> {
        let snapshot = match undo.kind {
            UndoKind::Created => None,
            UndoKind::Joined { snapshot, .. }
            | UndoKind::Attempt { snapshot, .. }
            | UndoKind::Changed { snapshot } => {
                Some(snaps.take(snapshot).ok_or(StoreError::Changed)?)
            }
        };
        let id = undo.callback_id;
        self.write(|tx| {
            let current = get_item(tx, id)?.ok_or(StoreError::NotFound)?;
            if current.version != undo.version_after {
                return Err(StoreError::Changed);
            }
            match (undo.kind, snapshot) {
                (UndoKind::Created, _) => {
                    tx.execute("DELETE FROM callbacks WHERE id = ?1", params![id])?;
                }
                (kind, Some(before)) => {
                    if let UndoKind::Joined { message_id, .. } = kind {
                        tx.execute("DELETE FROM messages WHERE id = ?1", params![message_id])?;
                    }
                    if let UndoKind::Attempt { attempt_id, .. } = kind {
                        tx.execute("DELETE FROM attempts WHERE id = ?1", params![attempt_id])?;
                    }
                    restore(tx, &before)?;
                    bump_version(tx, id)?;
                }
                (_, None) => return Err(StoreError::Changed),
            }
            audit::record(tx, now, actor, "undo", "callback", Some(id), None)?;
            Ok(())
        })
    }

    /// Records that full numbers were shown (never which ones' digits).
    pub fn audit_reveal(&mut self, count: usize, actor: &str, now: DateTime<Utc>) -> Result<()> {
        self.write(|tx| {
            audit::record(
                tx,
                now,
                actor,
                "reveal",
                "callback",
                None,
                Some(&count.to_string()),
            )
        })
    }

    /// The open item a voicemail from this number would join, if any.
    pub fn open_item_for_phone(&self, phone: &Phone) -> Result<Option<i64>> {
        Ok(self
            .conn()
            .prepare_cached(
                "SELECT id FROM callbacks WHERE status = 'open' AND phone = ?1 ORDER BY id LIMIT 1",
            )?
            .query_row(params![phone.as_str()], |r| r.get(0))
            .optional()?)
    }

    pub fn callback(&self, id: i64) -> Result<Option<Item>> {
        get_item(self.conn(), id)
    }

    /// The item an item `id` was joined into (the same number), from the
    /// audit trail, if it was; the newest join wins.
    pub fn joined_into(&self, id: i64) -> Result<Option<i64>> {
        Ok(self
            .conn()
            .prepare_cached(
                "SELECT ref_id FROM audit
                 WHERE action = 'join' AND entity = 'callback' AND detail IN (?1, ?2)
                 ORDER BY id DESC LIMIT 1",
            )?
            .query_row(
                params![join_detail(id), super::renumber::join_detail(id)],
                |r| r.get::<_, Option<i64>>(0),
            )
            .optional()?
            .flatten())
    }

    pub fn attempts(&self, id: i64) -> Result<Vec<Attempt>> {
        let mut stmt = self.conn().prepare_cached(
            "SELECT id, at, by, result, note FROM attempts WHERE callback_id = ?1 ORDER BY at, id",
        )?;
        let rows = stmt
            .query_map(params![id], |r| {
                Ok(Attempt {
                    id: r.get(0)?,
                    at: stamp(r, 1)?,
                    by: r.get(2)?,
                    result: stored_key(r, 3, "result", AttemptResult::from_key)?,
                    note: r.get(4)?,
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(rows)
    }

    /// Up to `limit` open items in queue order, starting at `from`
    /// (inclusive) or at the top.
    pub fn queue_from(&self, from: Option<&QueueKey>, limit: usize) -> Result<Vec<Item>> {
        match from {
            None => collect(self.conn(), &queue_sql(QUEUE_TOP), params![limit as i64]),
            Some(k) => collect(
                self.conn(),
                &queue_sql(QUEUE_FROM),
                params![k.sort_at, k.received_at, k.id, limit as i64],
            ),
        }
    }

    /// Up to `limit` open items before `key` in queue order, nearest first.
    pub fn queue_before(&self, key: &QueueKey, limit: usize) -> Result<Vec<Item>> {
        collect(
            self.conn(),
            &queue_sql(QUEUE_BEFORE),
            params![key.sort_at, key.received_at, key.id, limit as i64],
        )
    }

    /// The last `limit` open items, nearest the end first.
    pub fn queue_last(&self, limit: usize) -> Result<Vec<Item>> {
        collect(self.conn(), &queue_sql(QUEUE_LAST), params![limit as i64])
    }

    /// Items closed since `since`, newest first.
    pub fn closed_since(&self, since: DateTime<Utc>, limit: usize) -> Result<Vec<Item>> {
        collect(
            self.conn(),
            &format!(
                "SELECT {ITEM_COLUMNS} FROM callbacks WHERE status = 'closed' AND closed_at >= ?1
                 ORDER BY closed_at DESC, id DESC LIMIT ?2"
            ),
            params![ts(since), limit as i64],
        )
    }

    /// How many items were closed since `since` (an index range, no scan).
    pub fn closed_count_since(&self, since: DateTime<Utc>) -> Result<u64> {
        let n: i64 = self
            .conn()
            .prepare_cached(
                "SELECT count(*) FROM callbacks WHERE status = 'closed' AND closed_at >= ?1",
            )?
            .query_row(params![ts(since)], |r| r.get(0))?;
        Ok(n as u64)
    }

    /// Up to `limit` items closed since `since`, newest first, from `from`
    /// (a [`Item::closed_key`], included) or from the newest.
    pub fn closed_from(
        &self,
        since: DateTime<Utc>,
        from: Option<&QueueKey>,
        limit: usize,
    ) -> Result<Vec<Item>> {
        match from {
            None => self.closed_since(since, limit),
            Some(k) => collect(
                self.conn(),
                &format!(
                    "SELECT {ITEM_COLUMNS} FROM callbacks WHERE status = 'closed' AND closed_at >= ?1
                     AND (closed_at, id) <= (?2, ?3) ORDER BY closed_at DESC, id DESC LIMIT ?4"
                ),
                params![ts(since), k.sort_at, k.id, limit as i64],
            ),
        }
    }

    /// Up to `limit` items closed since `since` and after `key`, nearest
    /// `key` first (the page above it in the newest-first list).
    pub fn closed_after(
        &self,
        since: DateTime<Utc>,
        key: &QueueKey,
        limit: usize,
    ) -> Result<Vec<Item>> {
        collect(
            self.conn(),
            &format!(
                "SELECT {ITEM_COLUMNS} FROM callbacks WHERE status = 'closed' AND closed_at >= ?1
                 AND (closed_at, id) > (?2, ?3) ORDER BY closed_at, id LIMIT ?4"
            ),
            params![ts(since), key.sort_at, key.id, limit as i64],
        )
    }

    /// The `limit` first items closed since `since`, the first closed first
    /// (the end of the newest-first list).
    pub fn closed_first(&self, since: DateTime<Utc>, limit: usize) -> Result<Vec<Item>> {
        collect(
            self.conn(),
            &format!(
                "SELECT {ITEM_COLUMNS} FROM callbacks WHERE status = 'closed' AND closed_at >= ?1
                 ORDER BY closed_at, id LIMIT ?2"
            ),
            params![ts(since), limit as i64],
        )
    }

    /// The services referred to on an item, oldest first, with their names.
    pub fn referrals_of(&self, callback_id: i64) -> Result<Vec<Referral>> {
        let rows = self
            .conn()
            .prepare_cached(
                "SELECT s.name, r.at FROM referrals r JOIN services s ON s.id = r.service_id
                 WHERE r.callback_id = ?1 ORDER BY r.at, r.id",
            )?
            .query_map(params![callback_id], |r| {
                Ok(Referral {
                    service: r.get(0)?,
                    at: stamp(r, 1)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        Ok(rows)
    }

    /// Open, overdue and due-today counts, from the partial indexes.
    pub fn queue_counts(&self, now: DateTime<Utc>, end_of_today: DateTime<Utc>) -> Result<Counts> {
        let c = self.conn();
        let open: i64 = c
            .prepare_cached("SELECT count(*) FROM callbacks WHERE status = 'open'")?
            .query_row([], |r| r.get(0))?;
        // Overdue as `crate::domain::promise::overdue` says: deadline
        // passed, and no attempt at or before it.
        let overdue: i64 = c
            .prepare_cached(
                "SELECT count(*) FROM callbacks WHERE status = 'open' AND deadline_at < ?1
                 AND (first_attempt_at IS NULL OR first_attempt_at > deadline_at)",
            )?
            .query_row(params![ts(now)], |r| r.get(0))?;
        let today: i64 = c
            .prepare_cached(
                "SELECT count(*) FROM callbacks WHERE status = 'open' AND attempt_count = 0
                 AND deadline_at >= ?1 AND deadline_at <= ?2",
            )?
            .query_row(params![ts(now), ts(end_of_today)], |r| r.get(0))?;
        Ok(Counts {
            open: open as u64,
            overdue: overdue as u64,
            due_today: today as u64,
        })
    }
}

fn before_first_attempt(tx: &Transaction, id: i64) -> Result<Option<String>> {
    Ok(tx.query_row(
        "SELECT min(at) FROM attempts WHERE callback_id = ?1",
        params![id],
        |r| r.get(0),
    )?)
}

/// When a voicemail received at `at` must be called back.
pub(crate) fn voicemail_deadline(
    cal: &CalendarSettings,
    at: DateTime<Utc>,
) -> Result<DateTime<Utc>> {
    Ok(cal
        .deadline(Kind::Voicemail.calendar_kind(), at)
        .map_err(|_| StoreError::BadData("no working day"))?
        .at)
}

/// The one way a voicemail enters the queue, inside the caller's
/// transaction (`vakt voicemail add`, the app's form and the e-mail intake
/// all come here): it joins an open item from the same number or creates
/// one, with its message row and audit entry. Returns the result and the
/// id of the message row.
pub(crate) fn voicemail_in(
    tx: &Transaction,
    v: &NewVoicemail,
    deadline: DateTime<Utc>,
    snaps: &mut Snapshots,
    actor: &str,
    now: DateTime<Utc>,
) -> Result<(Added, i64)> {
    let existing: Option<i64> = tx
        .query_row(
            "SELECT id FROM callbacks WHERE status = 'open' AND phone = ?1 ORDER BY id LIMIT 1",
            params![v.phone.as_str()],
            |r| r.get(0),
        )
        .optional()?;
    if let Some(id) = existing {
        let before = get_item(tx, id)?.ok_or(StoreError::NotFound)?;
        let mut joined = before.clone();
        joined.absorb(&Item::incoming(v, deadline));
        write_joined(tx, &joined)?;
        let dl = joined.deadline_at;
        let version_after = bump_version(tx, id)?;
        let message_id = insert_message(tx, v.received_at, Some(id), false, actor, now)?;
        audit::record(tx, now, actor, "join", "callback", Some(id), None)?;
        let snapshot = snaps.keep(before);
        return Ok((
            Added {
                id,
                joined: true,
                deadline: dl,
                undo: Undo {
                    callback_id: id,
                    version_after,
                    kind: UndoKind::Joined {
                        message_id,
                        snapshot,
                    },
                },
            },
            message_id,
        ));
    }
    let id = insert_item(
        tx,
        Kind::Voicemail,
        v.received_at,
        deadline,
        Some(v.phone.as_str()),
        &v.label,
        &v.summary,
        &v.safety,
        actor,
        now,
    )?;
    let message_id = insert_message(tx, v.received_at, Some(id), false, actor, now)?;
    audit::record(
        tx,
        now,
        actor,
        "add",
        "callback",
        Some(id),
        Some("voicemail"),
    )?;
    Ok((
        Added {
            id,
            joined: false,
            deadline,
            undo: Undo {
                callback_id: id,
                version_after: 0,
                kind: UndoKind::Created,
            },
        },
        message_id,
    ))
}

/// A call from a withheld number, inside the caller's transaction: one
/// counted message row and its audit entry. Returns the message id.
pub(crate) fn withheld_in(
    tx: &Transaction,
    received_at: DateTime<Utc>,
    actor: &str,
    now: DateTime<Utc>,
) -> Result<i64> {
    let id = insert_message(tx, received_at, None, true, actor, now)?;
    audit::record(tx, now, actor, "add", "message", Some(id), Some("withheld"))?;
    Ok(id)
}

fn insert_message(
    tx: &Transaction,
    received_at: DateTime<Utc>,
    callback_id: Option<i64>,
    withheld: bool,
    actor: &str,
    now: DateTime<Utc>,
) -> Result<i64> {
    tx.execute(
        "INSERT INTO messages(received_at, callback_id, withheld, created_by, entered_at)
         VALUES (?1, ?2, ?3, ?4, ?5)",
        params![ts(received_at), callback_id, withheld, actor, ts(now)],
    )?;
    Ok(tx.last_insert_rowid())
}

#[allow(clippy::too_many_arguments)]
fn insert_item(
    tx: &Transaction,
    kind: Kind,
    received_at: DateTime<Utc>,
    deadline: DateTime<Utc>,
    phone: Option<&str>,
    label: &str,
    summary: &str,
    safety: &Safety,
    actor: &str,
    now: DateTime<Utc>,
) -> Result<i64> {
    tx.execute(
        "INSERT INTO callbacks(kind, received_at, deadline_at, sort_at, phone, caller_label, summary,
             wants_callback, may_leave_message, may_say_who, safe_times, safety_note, created_at, created_by)
         VALUES (?1, ?2, ?3, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
        params![
            kind.key(),
            ts(received_at),
            ts(deadline),
            phone,
            label,
            summary,
            tri(safety.wants_callback),
            tri(safety.may_leave_message),
            tri(safety.may_say_who_we_are),
            safety.safe_times,
            safety.note,
            ts(now),
            actor
        ],
    )?;
    Ok(tx.last_insert_rowid())
}

/// Writes a snapshot's fields back (undo).
fn restore(tx: &Transaction, b: &Item) -> Result<()> {
    let first: Option<String> = before_first_attempt(tx, b.id)?;
    // The number, in case an edit changed it (a purged one stays gone: the
    // purge changes the version, so undo never gets here).
    if let Some(p) = &b.phone {
        tx.execute(
            "UPDATE callbacks SET phone = ?2 WHERE id = ?1",
            params![b.id, p.as_str()],
        )?;
    }
    tx.execute(
        "UPDATE callbacks SET received_at = ?2, deadline_at = ?3, next_attempt_at = ?4, sort_at = ?5,
             caller_label = ?6, summary = ?7, wants_callback = ?8, may_leave_message = ?9,
             may_say_who = ?10, safe_times = ?11, safety_note = ?12, status = ?13, outcome = ?14,
             closed_at = ?15, message_count = ?16, attempt_count = ?17, last_attempt_at = ?18,
             first_attempt_at = ?19, planned_at = ?20,
             closed_by = CASE WHEN ?13 = 'open' THEN NULL ELSE closed_by END
         WHERE id = ?1",
        params![
            b.id,
            ts(b.received_at),
            ts(b.deadline_at),
            b.next_attempt_at.map(ts),
            b.sort_at,
            b.label,
            b.summary,
            tri(b.safety.wants_callback),
            tri(b.safety.may_leave_message),
            tri(b.safety.may_say_who_we_are),
            b.safety.safe_times,
            b.safety.note,
            if b.open { "open" } else { "closed" },
            b.outcome.map(|o| o.key()),
            b.closed_at.map(ts),
            b.message_count,
            b.attempt_count,
            b.last_attempt_at.map(ts),
            first,
            b.planned_at.map(ts),
        ],
    )?;
    Ok(())
}

/// Joins item `from` into the open item `into` (same number): messages,
/// attempts and referrals move, the earliest received time and deadline
/// stand, counts add up, texts are joined and every "no" is kept; `from` is
/// deleted. Fails with `Changed` if `into` is no longer open with that
/// number.
fn join_items(
    tx: &Transaction,
    from: &Item,
    into: i64,
    actor: &str,
    now: DateTime<Utc>,
) -> Result<()> {
    let target = get_item(tx, into)?.ok_or(StoreError::Changed)?;
    let same = target.phone.as_ref().map(Phone::as_str) == from.phone.as_ref().map(Phone::as_str);
    if !target.open || !same || target.kind != Kind::Voicemail {
        return Err(StoreError::Changed);
    }
    let mut joined = target;
    joined.absorb(from);
    write_joined(tx, &joined)?;
    for table in ["messages", "attempts", "referrals"] {
        tx.execute(
            &format!("UPDATE {table} SET callback_id = ?2 WHERE callback_id = ?1"),
            params![from.id, into],
        )?;
    }
    tx.execute("DELETE FROM callbacks WHERE id = ?1", params![from.id])?;
    bump_version(tx, into)?;
    let detail = join_detail(from.id);
    audit::record(
        tx,
        now,
        actor,
        "join",
        "callback",
        Some(into),
        Some(&detail),
    )?;
    Ok(())
}

/// Writes what [`Item::absorb`] made of an open item: the one UPDATE of
/// a join, whether a message or another item came in.
fn write_joined(tx: &Transaction, j: &Item) -> Result<()> {
    tx.execute(
        "UPDATE callbacks SET received_at = ?2, deadline_at = ?3, sort_at = ?4,
             caller_label = ?5, summary = ?6, wants_callback = ?7,
             may_leave_message = ?8, may_say_who = ?9, safe_times = ?10,
             safety_note = ?11, message_count = ?12, attempt_count = ?13,
             next_attempt_at = ?14, first_attempt_at = ?15, last_attempt_at = ?16,
             on_hold = ?17, planned_at = ?18
         WHERE id = ?1",
        params![
            j.id,
            ts(j.received_at),
            ts(j.deadline_at),
            ts(j.order_key()),
            j.label,
            j.summary,
            tri(j.safety.wants_callback),
            tri(j.safety.may_leave_message),
            tri(j.safety.may_say_who_we_are),
            j.safety.safe_times,
            j.safety.note,
            j.message_count,
            j.attempt_count,
            j.next_attempt_at.map(ts),
            j.first_attempt_at.map(ts),
            j.last_attempt_at.map(ts),
            i64::from(j.on_hold),
            j.planned_at.map(ts),
        ],
    )?;
    Ok(())
}

/// The audit detail of a join of item `from` into another (what
/// [`Store::joined_into`] looks for).
fn join_detail(from: i64) -> String {
    format!("from {from}")
}

/// Recomputes the deadlines of open items after the calendar changed, in
/// the same transaction as the change.
pub(super) fn recompute_open_deadlines(tx: &Transaction, cal: &CalendarSettings) -> Result<()> {
    type Row = (
        i64,
        Kind,
        DateTime<Utc>,
        i64,
        Option<DateTime<Utc>>,
        Option<DateTime<Utc>>,
    );
    let rows: Vec<Row> = tx
        .prepare(
            "SELECT id, kind, received_at, attempt_count, next_attempt_at, planned_at
             FROM callbacks WHERE status = 'open'",
        )?
        .query_map([], |r| {
            Ok((
                r.get(0)?,
                stored_key(r, 1, "kind", Kind::from_key)?,
                stamp(r, 2)?,
                r.get(3)?,
                opt_stamp(r, 4)?,
                opt_stamp(r, 5)?,
            ))
        })?
        .collect::<rusqlite::Result<_>>()?;
    let mut update =
        tx.prepare("UPDATE callbacks SET deadline_at = ?2, sort_at = ?3 WHERE id = ?1")?;
    for (id, kind, received, attempts, next, planned) in rows {
        let Ok(dl) = cal.deadline(kind.calendar_kind(), received) else {
            // No working day within reach: keep the old deadline rather
            // than lose the item from the queue.
            continue;
        };
        let sort = callback::order_key(dl.at, attempts.max(0) as u32, next, planned);
        update.execute(params![id, ts(dl.at), ts(sort)])?;
    }
    Ok(())
}

#[cfg(test)]
mod queue_order_tests {
    use super::super::tests::temp_store;
    use super::*;

    /// Every queue page is read along the index, in its order: no table
    /// scan and no sorting of all open items.
    #[test]
    fn queue_pages_read_the_queue_index_in_order() {
        let (_d, s) = temp_store();
        for tail in [QUEUE_TOP, QUEUE_FROM, QUEUE_BEFORE, QUEUE_LAST] {
            let sql = format!("EXPLAIN QUERY PLAN {}", queue_sql(tail));
            let mut stmt = s.conn().prepare(&sql).unwrap();
            // The parameters stay unbound (NULL): only the plan is read.
            let mut rows = stmt.raw_query();
            let mut plan = Vec::new();
            while let Some(r) = rows.next().unwrap() {
                plan.push(r.get::<_, String>(3).unwrap());
            }
            let plan = plan.join(" | ");
            assert!(plan.contains("callbacks_queue"), "{tail}: {plan}");
            assert!(!plan.contains("TEMP B-TREE"), "{tail}: {plan}");
        }
    }
}
