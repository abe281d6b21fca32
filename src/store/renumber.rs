//! Migration 0008 in Rust: stored numbers rewritten as today's phone rules
//! write them, and open items that now share a number joined.
//!
//! Before 0008 a trunk `0` after most country codes was kept
//! (`+9203001234567` for `+92 0300 1234567`): a callback to it goes nowhere,
//! and a later voicemail from `+923001234567` did not join the item. SQL
//! alone cannot tell which digits are a trunk prefix; libphonenumber's
//! metadata (through [`Phone::parse`]) can.
//!
//! * Every stored number (callbacks and the directory's phone lists) that
//!   [`Phone::parse`] reads as a different number is rewritten to that
//!   number. One the rules refuse is kept as it was: a caller's number is
//!   never erased by a migration ([`Phone::from_normalised`] still reads it).
//! * Open items that now have the same number are joined as a new voicemail
//!   joins an open item: the oldest item (lowest id) stays, the earliest
//!   received time and deadline stand, safety instructions are merged so every
//!   "no" is kept ([`Safety::merge`]), names and summaries are joined, and the
//!   messages, attempts and referrals move to it. The other item is removed;
//!   the audit trail records the join on the item that stays, with the number
//!   of the item that was joined (a shift-log note, being append-only, keeps
//!   pointing to that number).

use chrono::{DateTime, Utc};
use rusqlite::{Transaction, params};

use super::stamp::{opt_stamp, stamp};
use super::{Result, StoreError, audit, ts};
use crate::domain::promise::{self as callback, Safety};
use crate::phone::Phone;

/// Who the audit trail names for the migration's joins.
const ACTOR: &str = "vakt";

/// The migration step (runs inside the migration's transaction).
pub(super) fn renumber(tx: &Transaction) -> Result<()> {
    let now = Utc::now();
    let changed = renumber_callbacks(tx)?;
    join_open_items(tx, &changed, now)?;
    renumber_services(tx)?;
    Ok(())
}

/// What the rules today store for a stored value, if that differs.
fn rewritten(stored: &str) -> Option<String> {
    let phone = Phone::parse(stored).ok()?;
    (phone.as_str() != stored).then(|| phone.as_str().to_owned())
}

/// Rewrites callbacks' numbers; returns the new numbers that were written.
fn renumber_callbacks(tx: &Transaction) -> Result<Vec<String>> {
    let rows: Vec<(i64, String)> = tx
        .prepare("SELECT id, phone FROM callbacks WHERE phone IS NOT NULL")?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    let mut update = tx.prepare("UPDATE callbacks SET phone = ?2 WHERE id = ?1")?;
    let mut changed = Vec::new();
    for (id, stored) in rows {
        if let Some(new) = rewritten(&stored) {
            update.execute(params![id, new])?;
            changed.push(new);
        }
    }
    changed.sort();
    changed.dedup();
    Ok(changed)
}

/// The fields of an open item that a join reads and writes.
struct Open {
    id: i64,
    received_at: DateTime<Utc>,
    deadline_at: DateTime<Utc>,
    next_attempt_at: Option<DateTime<Utc>>,
    label: String,
    summary: String,
    safety: Safety,
    message_count: i64,
    attempt_count: i64,
    first_attempt_at: Option<String>,
    last_attempt_at: Option<String>,
    on_hold: i64,
}

fn open_items_with(tx: &Transaction, phone: &str) -> Result<Vec<Open>> {
    let tri = |r: &rusqlite::Row, i| -> rusqlite::Result<Option<bool>> {
        Ok(r.get::<_, Option<i64>>(i)?.map(|v| v != 0))
    };
    Ok(tx
        .prepare(
            "SELECT id, received_at, deadline_at, next_attempt_at, caller_label, summary,
                    wants_callback, may_leave_message, may_say_who, safe_times, safety_note,
                    message_count, attempt_count, first_attempt_at, last_attempt_at, on_hold
             FROM callbacks WHERE status = 'open' AND phone = ?1 ORDER BY id",
        )?
        .query_map(params![phone], |r| {
            Ok(Open {
                id: r.get(0)?,
                received_at: stamp(r, 1)?,
                deadline_at: stamp(r, 2)?,
                next_attempt_at: opt_stamp(r, 3)?,
                label: r.get(4)?,
                summary: r.get(5)?,
                safety: Safety {
                    wants_callback: tri(r, 6)?,
                    may_leave_message: tri(r, 7)?,
                    may_say_who_we_are: tri(r, 8)?,
                    safe_times: r.get(9)?,
                    note: r.get(10)?,
                },
                message_count: r.get(11)?,
                attempt_count: r.get(12)?,
                first_attempt_at: r.get(13)?,
                last_attempt_at: r.get(14)?,
                on_hold: r.get(15)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?)
}

/// The audit detail of an item joined when its number was renumbered
/// (what `Store::joined_into` looks for).
pub(super) fn join_detail(from: i64) -> String {
    format!("renumbered; item {from} joined")
}

/// The earlier of two optional instants (as stored text, which sorts).
fn min_some<T: Ord>(a: Option<T>, b: Option<T>) -> Option<T> {
    match (a, b) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    }
}

/// Joins open items that now share a number. This is migration 0008's own
/// join and stays as it was shipped: it runs on the schema of that step
/// (no `planned_at` yet), so it cannot use the live join
/// (`Item::absorb` and `callbacks::write_joined`), which follows the
/// schema as it is now. Changing the live rule must not change what an old
/// file becomes when it is brought up to date.
fn join_open_items(tx: &Transaction, changed: &[String], now: DateTime<Utc>) -> Result<()> {
    for phone in changed {
        let mut items = open_items_with(tx, phone)?.into_iter();
        let Some(mut keep) = items.next() else {
            continue;
        };
        for other in items {
            keep.received_at = keep.received_at.min(other.received_at);
            keep.deadline_at = keep.deadline_at.min(other.deadline_at);
            keep.safety = keep.safety.merge(&other.safety);
            keep.label = callback::join_text(&keep.label, &other.label);
            keep.summary = callback::join_text(&keep.summary, &other.summary);
            keep.message_count += other.message_count;
            keep.attempt_count += other.attempt_count;
            keep.next_attempt_at = min_some(keep.next_attempt_at, other.next_attempt_at);
            keep.first_attempt_at = min_some(keep.first_attempt_at, other.first_attempt_at);
            keep.last_attempt_at = keep.last_attempt_at.max(other.last_attempt_at);
            keep.on_hold = keep.on_hold.max(other.on_hold);
            for table in ["messages", "attempts", "referrals"] {
                tx.execute(
                    &format!("UPDATE {table} SET callback_id = ?1 WHERE callback_id = ?2"),
                    params![keep.id, other.id],
                )?;
            }
            tx.execute("DELETE FROM callbacks WHERE id = ?1", params![other.id])?;
            audit::record(
                tx,
                now,
                ACTOR,
                "join",
                "callback",
                Some(keep.id),
                Some(&join_detail(other.id)),
            )?;
        }
        let attempts = u32::try_from(keep.attempt_count.max(0)).unwrap_or(u32::MAX);
        let sort = callback::sort_key(keep.deadline_at, attempts, keep.next_attempt_at);
        let tri = |v: Option<bool>| v.map(i64::from);
        let s = &keep.safety;
        tx.execute(
            "UPDATE callbacks SET received_at = ?2, deadline_at = ?3, next_attempt_at = ?4,
                 sort_at = ?5, caller_label = ?6, summary = ?7, wants_callback = ?8,
                 may_leave_message = ?9, may_say_who = ?10, safe_times = ?11, safety_note = ?12,
                 message_count = ?13, attempt_count = ?14, first_attempt_at = ?15,
                 last_attempt_at = ?16, on_hold = ?17, version = version + 1
             WHERE id = ?1",
            params![
                keep.id,
                ts(keep.received_at),
                ts(keep.deadline_at),
                keep.next_attempt_at.map(ts),
                ts(sort),
                keep.label,
                keep.summary,
                tri(s.wants_callback),
                tri(s.may_leave_message),
                tri(s.may_say_who_we_are),
                s.safe_times,
                s.note,
                keep.message_count,
                keep.attempt_count,
                keep.first_attempt_at,
                keep.last_attempt_at,
                keep.on_hold,
            ],
        )?;
    }
    Ok(())
}

/// Rewrites numbers in the directory's phone lists (JSON arrays of
/// `{number, type, note}`), leaving everything else in each entry as it is.
fn renumber_services(tx: &Transaction) -> Result<()> {
    let rows: Vec<(i64, String)> = tx
        .prepare("SELECT id, phones FROM services WHERE phones != '[]'")?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    for (id, json) in rows {
        let mut list: serde_json::Value =
            serde_json::from_str(&json).map_err(|_| StoreError::BadData("phones"))?;
        let mut any = false;
        for entry in list.as_array_mut().into_iter().flatten() {
            let Some(number) = entry.get_mut("number") else {
                continue;
            };
            if let Some(new) = number.as_str().and_then(rewritten) {
                *number = serde_json::Value::String(new);
                any = true;
            }
        }
        if any {
            tx.execute(
                "UPDATE services SET phones = ?2 WHERE id = ?1",
                params![id, list.to_string()],
            )?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use rusqlite::OpenFlags;

    use super::super::{Store, key, migrations};

    /// A file at schema 7 holding numbers as vakt stored them before 0008
    /// (all synthetic).
    fn old_file(path: &std::path::Path) {
        // Opened as the store opens files (keyed in a build with encryption).
        let mut c = key::open(path, OpenFlags::default()).unwrap();
        migrations::migrate_to(&mut c, 7).unwrap();
        let item = |id: i64,
                    status: &str,
                    outcome: Option<&str>,
                    phone: Option<&str>,
                    rec: &str,
                    dl: &str| {
            c.execute(
                "INSERT INTO callbacks(id, kind, received_at, deadline_at, sort_at, phone, status,
                     outcome, created_at, created_by)
                 VALUES (?1, 'voicemail', ?2, ?3, ?3, ?4, ?5, ?6, ?2, 'KH')",
                rusqlite::params![id, rec, dl, phone, status, outcome],
            )
            .unwrap();
            c.execute(
                "INSERT INTO messages(received_at, callback_id, created_by) VALUES (?1, ?2, 'KH')",
                rusqlite::params![rec, id],
            )
            .unwrap();
        };
        // 1 and 3: the same Pakistani caller, once with the trunk 0 kept.
        item(
            1,
            "open",
            None,
            Some("+9203001234567"),
            "2026-04-01T08:00:00Z",
            "2026-04-02T13:00:00Z",
        );
        item(
            2,
            "open",
            None,
            Some("+4722334455"),
            "2026-04-01T09:00:00Z",
            "2026-04-02T13:00:00Z",
        );
        item(
            3,
            "open",
            None,
            Some("+923001234567"),
            "2026-03-31T08:00:00Z",
            "2026-04-01T13:00:00Z",
        );
        // A closed item is renumbered but never joined.
        item(
            4,
            "closed",
            Some("reached"),
            Some("+9203001234567"),
            "2026-03-01T08:00:00Z",
            "2026-03-02T14:00:00Z",
        );
        // Refused by today's rules: kept as stored, still readable.
        item(
            5,
            "open",
            None,
            Some("+4670123"),
            "2026-04-01T10:00:00Z",
            "2026-04-02T13:00:00Z",
        );
        item(
            6,
            "open",
            None,
            None,
            "2026-04-01T10:00:00Z",
            "2026-04-02T13:00:00Z",
        );
        // Safety: 1 says nothing about messages and no to saying who we are;
        // 3 says no to messages and yes to saying who we are.
        c.execute_batch(
            "UPDATE callbacks SET may_say_who = 0, caller_label = 'A', safety_note = 'after 16'
                 WHERE id = 1;
             UPDATE callbacks SET may_leave_message = 0, may_say_who = 1, caller_label = 'B',
                 summary = 'wants a call', attempt_count = 1,
                 first_attempt_at = '2026-03-31T09:00:00Z', last_attempt_at = '2026-03-31T09:00:00Z',
                 next_attempt_at = '2026-04-01T10:00:00Z'
                 WHERE id = 3;
             INSERT INTO attempts(callback_id, at, by, result) VALUES (3, '2026-03-31T09:00:00Z', 'KH', 'no_answer');
             INSERT INTO services(uid, name, phones, created_at, created_by, updated_at)
                 VALUES ('u-1', 'Test service', '[{\"number\":\"+9203001234567\",\"type\":\"voice\",\"note\":\"n\"},{\"number\":\"22334455\",\"type\":\"voice\",\"note\":\"\"}]',
                         '2026-01-01T00:00:00Z', 'KH', '2026-01-01T00:00:00Z');",
        )
        .unwrap();
    }

    #[test]
    fn old_numbers_are_rewritten_and_items_that_now_match_are_joined() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("vakt.db");
        old_file(&path);
        let store = Store::open(&path).unwrap();

        let kept = store.callback(1).unwrap().unwrap();
        assert_eq!(kept.phone.unwrap().as_str(), "+923001234567");
        assert!(store.callback(3).unwrap().is_none(), "3 joined 1");
        // Earliest received and deadline stand; every "no" is kept.
        assert_eq!(kept.received_at.to_rfc3339(), "2026-03-31T08:00:00+00:00");
        assert_eq!(kept.deadline_at.to_rfc3339(), "2026-04-01T13:00:00+00:00");
        assert_eq!(kept.safety.may_leave_message, Some(false));
        assert_eq!(kept.safety.may_say_who_we_are, Some(false));
        assert_eq!(kept.safety.note, "after 16");
        assert_eq!(kept.label, "A · B");
        assert_eq!(kept.summary, "wants a call");
        assert_eq!(kept.message_count, 2);
        assert_eq!(kept.attempt_count, 1);
        assert_eq!(store.attempts(1).unwrap().len(), 1);
        assert_eq!(kept.sort_at, "2026-04-01T10:00:00Z");
        assert!(kept.version > 0);
        let messages: i64 = store
            .conn()
            .query_row(
                "SELECT count(*) FROM messages WHERE callback_id = 1",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(messages, 2);
        let audit: String = store
            .conn()
            .query_row(
                "SELECT detail FROM audit WHERE action = 'join' AND ref_id = 1",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(audit, "renumbered; item 3 joined");

        // Untouched, closed and refused numbers.
        let two = store.callback(2).unwrap().unwrap();
        assert_eq!(two.phone.unwrap().as_str(), "+4722334455");
        assert_eq!(two.version, 0);
        let closed = store.callback(4).unwrap().unwrap();
        assert_eq!(closed.phone.unwrap().as_str(), "+923001234567");
        assert!(!closed.open);
        let legacy = store.callback(5).unwrap().unwrap();
        assert_eq!(legacy.phone.unwrap().as_str(), "+4670123");
        assert!(store.callback(6).unwrap().unwrap().phone.is_none());

        // A voicemail from the number as written today joins the kept item.
        let phones: String = store
            .conn()
            .query_row("SELECT phones FROM services WHERE uid = 'u-1'", [], |r| {
                r.get(0)
            })
            .unwrap();
        let v: serde_json::Value = serde_json::from_str(&phones).unwrap();
        assert_eq!(v[0]["number"], "+923001234567");
        assert_eq!(v[0]["note"], "n");
        assert_eq!(v[1]["number"], "+4722334455");
        let phone = crate::phone::Phone::parse("+92 300 1234567").unwrap();
        assert_eq!(store.open_item_for_phone(&phone).unwrap(), Some(1));
    }
}
