//! Shifts, the append-only shift log, and handover acknowledgements.
//!
//! There is no function here that changes or deletes a note: a correction
//! is a new note that amends the old one, and the database's triggers
//! refuse any other change except the retention purge.

use chrono::{DateTime, Utc};
use rusqlite::{OptionalExtension, params};

use super::stamp::{opt_stamp, stamp};
use super::{Result, Store, StoreError, audit, ts};

// The shift log's entities are domain types; the store reads and writes them.
pub use crate::domain::shift_log::{Handover, Marks, NewNote, Note, Shift};

impl Note {
    /// The position in the log's order (newest first).
    pub fn key(&self) -> NoteKey {
        NoteKey {
            at: ts(self.at),
            id: self.id,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct NoteKey {
    pub at: String,
    pub id: i64,
}

/// Which notes a list shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum NoteFilter {
    #[default]
    All,
    Handover,
    Escalation,
    Pinned,
}

const NOTE_COLUMNS: &str = "n.id, n.at, n.author, n.body, n.callback_id, n.for_handover, n.escalation, \
     n.amends, n.purged_at IS NOT NULL, p.note_id IS NOT NULL, r.note_id IS NOT NULL, \
     (SELECT group_concat(a.id) FROM notes a WHERE a.amends = n.id)";

const NOTE_FROM: &str = "notes n LEFT JOIN note_pins p ON p.note_id = n.id \
     LEFT JOIN escalation_releases r ON r.note_id = n.id";

/// A note, as [`NOTE_COLUMNS`] select it.
fn note_row(r: &rusqlite::Row) -> rusqlite::Result<Note> {
    let amended_by: Option<String> = r.get(11)?;
    Ok(Note {
        id: r.get(0)?,
        at: stamp(r, 1)?,
        author: r.get(2)?,
        body: r.get(3)?,
        callback_id: r.get(4)?,
        for_handover: r.get(5)?,
        escalation: r.get(6)?,
        amends: r.get(7)?,
        purged: r.get(8)?,
        pinned: r.get(9)?,
        released: r.get(10)?,
        amended_by: amended_by
            .unwrap_or_default()
            .split(',')
            .filter_map(|s| s.parse().ok())
            .collect(),
    })
}

/// How many notes next to the place in the log are searched one by one,
/// before the index is used for the rest.
pub const SEARCH_WINDOW: usize = 2_000;

/// Whether a search for `text` reaches the whole log. The index finds
/// three characters or more; shorter text is only looked for among the
/// [`SEARCH_WINDOW`] notes nearest the place in the log.
pub fn searches_whole_log(text: &str) -> bool {
    text.chars().count() >= 3
}

/// The index query for notes that may contain `text`: every piece of
/// three characters of it must be in the note (the index folds letter case
/// as the search does). Up to 16 pieces: more only narrow what is already
/// few, and each note found is checked against the whole text anyway.
fn trigram_query(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut pieces: Vec<String> = Vec::new();
    for w in chars.windows(3) {
        let piece = format!("\"{}\"", w.iter().collect::<String>().replace('"', "\"\""));
        if !pieces.contains(&piece) {
            pieces.push(piece);
        }
        if pieces.len() == 16 {
            break;
        }
    }
    pieces.join(" AND ")
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Direction {
    /// Older than the key, newest first.
    Older,
    /// At or after the key, oldest first.
    Newer,
}

fn filter_sql(f: NoteFilter) -> &'static str {
    match f {
        NoteFilter::All => "1",
        NoteFilter::Handover => "n.for_handover = 1",
        NoteFilter::Escalation => "n.escalation = 1",
        NoteFilter::Pinned => "p.note_id IS NOT NULL",
    }
}

/// The notes a filter leaves, and of them only the pinned (`Some(true)`)
/// or only the others (`Some(false)`), as the log pane shows pinned notes
/// above the rest.
fn where_sql(f: NoteFilter, pinned: Option<bool>) -> String {
    match pinned {
        None => filter_sql(f).to_string(),
        Some(true) => format!("{} AND p.note_id IS NOT NULL", filter_sql(f)),
        Some(false) => format!("{} AND p.note_id IS NULL", filter_sql(f)),
    }
}

/// The open shift of the person `?1` (the newest, should there be two).
const OPEN_SHIFT: &str = "SELECT id, person, started_at, ended_at FROM shifts
     WHERE person = ?1 AND ended_at IS NULL ORDER BY id DESC LIMIT 1";

/// A shift, as `SELECT id, person, started_at, ended_at` reads it.
fn shift_row(r: &rusqlite::Row) -> rusqlite::Result<Shift> {
    Ok(Shift {
        id: r.get(0)?,
        person: r.get(1)?,
        started_at: stamp(r, 2)?,
        ended_at: opt_stamp(r, 3)?,
    })
}

impl Store {
    /// Starts a shift for `person`, or returns the one already open.
    pub fn start_shift(&mut self, person: &str, now: DateTime<Utc>) -> Result<Shift> {
        self.write(|tx| {
            let open = tx
                .query_row(OPEN_SHIFT, params![person], shift_row)
                .optional()?;
            if let Some(shift) = open {
                return Ok(shift);
            }
            tx.execute(
                "INSERT INTO shifts(person, started_at) VALUES (?1, ?2)",
                params![person, ts(now)],
            )?;
            let id = tx.last_insert_rowid();
            audit::record(tx, now, person, "start", "shift", Some(id), None)?;
            Ok(Shift {
                id,
                person: person.to_string(),
                started_at: now,
                ended_at: None,
            })
        })
    }

    /// The names that most recently started a shift, newest first, each
    /// once (at most `n`; names that no longer pass the name rule are left
    /// out). Reads at most the last 200 shifts.
    pub fn recent_duty_names(&self, n: usize) -> Result<Vec<String>> {
        let names = self
            .conn()
            .prepare_cached("SELECT person FROM shifts ORDER BY id DESC LIMIT 200")?
            .query_map([], |r| r.get::<_, String>(0))?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(distinct_names(names, n))
    }

    /// The open shift of `person`, if any.
    pub fn open_shift(&self, person: &str) -> Result<Option<Shift>> {
        Ok(self
            .conn()
            .prepare_cached(OPEN_SHIFT)?
            .query_row(params![person], shift_row)
            .optional()?)
    }

    pub fn shift(&self, id: i64) -> Result<Option<Shift>> {
        Ok(self
            .conn()
            .prepare_cached("SELECT id, person, started_at, ended_at FROM shifts WHERE id = ?1")?
            .query_row(params![id], shift_row)
            .optional()?)
    }

    /// Ends `person`'s open shift and records a handover waiting for the
    /// next person's acknowledgement. Returns the handover id.
    pub fn end_shift(&mut self, person: &str, now: DateTime<Utc>) -> Result<(Shift, i64)> {
        self.write(|tx| {
            let mut shift = tx
                .query_row(OPEN_SHIFT, params![person], shift_row)
                .optional()?
                .ok_or(StoreError::NotFound)?;
            tx.execute(
                "UPDATE shifts SET ended_at = ?2 WHERE id = ?1",
                params![shift.id, ts(now)],
            )?;
            tx.execute(
                "INSERT INTO handovers(shift_id, given_at, given_by) VALUES (?1, ?2, ?3)",
                params![shift.id, ts(now), person],
            )?;
            let handover = tx.last_insert_rowid();
            audit::record(tx, now, person, "end", "shift", Some(shift.id), None)?;
            shift.ended_at = Some(now);
            Ok((shift, handover))
        })
    }

    /// Appends a note to the log. Returns its id.
    pub fn add_note(&mut self, note: &NewNote, author: &str, now: DateTime<Utc>) -> Result<i64> {
        self.write(|tx| {
            let shift: Option<i64> = tx
                .query_row(
                    "SELECT id FROM shifts WHERE person = ?1 AND ended_at IS NULL ORDER BY id DESC LIMIT 1",
                    params![author],
                    |r| r.get(0),
                )
                .optional()?;
            if let Some(a) = note.amends {
                let exists: bool = tx.query_row(
                    "SELECT count(*) > 0 FROM notes WHERE id = ?1",
                    params![a],
                    |r| r.get(0),
                )?;
                if !exists {
                    return Err(StoreError::NotFound);
                }
            }
            tx.execute(
                "INSERT INTO notes(at, author, shift_id, body, callback_id, for_handover, escalation, amends)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                params![
                    ts(now),
                    author,
                    shift,
                    note.body,
                    note.callback_id,
                    note.marks.handover,
                    note.marks.escalation,
                    note.amends
                ],
            )?;
            let id = tx.last_insert_rowid();
            if note.marks.pinned {
                tx.execute(
                    "INSERT INTO note_pins(note_id, pinned_at, pinned_by) VALUES (?1, ?2, ?3)",
                    params![id, ts(now), author],
                )?;
            }
            let kind = if note.amends.is_some() { "amend" } else { "add" };
            audit::record(tx, now, author, kind, "note", Some(id), None)?;
            Ok(id)
        })
    }

    /// Pins or unpins a note. Returns whether it is pinned now.
    pub fn toggle_pin(&mut self, id: i64, by: &str, now: DateTime<Utc>) -> Result<bool> {
        self.write(|tx| {
            let removed = tx.execute("DELETE FROM note_pins WHERE note_id = ?1", params![id])?;
            if removed == 0 {
                tx.execute(
                    "INSERT INTO note_pins(note_id, pinned_at, pinned_by) VALUES (?1, ?2, ?3)",
                    params![id, ts(now), by],
                )
                .map_err(|e| match e.sqlite_error_code() {
                    Some(rusqlite::ErrorCode::ConstraintViolation) => StoreError::NotFound,
                    _ => e.into(),
                })?;
            }
            audit::record(
                tx,
                now,
                by,
                if removed == 0 { "pin" } else { "unpin" },
                "note",
                Some(id),
                None,
            )?;
            Ok(removed == 0)
        })
    }

    /// Marks an escalation as handled; until then it is never purged.
    pub fn release_escalation(&mut self, id: i64, by: &str, now: DateTime<Utc>) -> Result<()> {
        self.write(|tx| {
            let is_escalation: Option<bool> = tx
                .query_row("SELECT escalation = 1 FROM notes WHERE id = ?1", params![id], |r| r.get(0))
                .optional()?;
            match is_escalation {
                None | Some(false) => return Err(StoreError::NotFound),
                Some(true) => {}
            }
            tx.execute(
                "INSERT OR IGNORE INTO escalation_releases(note_id, released_at, released_by) VALUES (?1, ?2, ?3)",
                params![id, ts(now), by],
            )?;
            audit::record(tx, now, by, "release", "note", Some(id), None)?;
            Ok(())
        })
    }

    pub fn note(&self, id: i64) -> Result<Option<Note>> {
        let sql = format!("SELECT {NOTE_COLUMNS} FROM {NOTE_FROM} WHERE n.id = ?1");
        Ok(self
            .conn()
            .prepare_cached(&sql)?
            .query_row(params![id], note_row)
            .optional()?)
    }

    /// Up to `limit` notes older than `before` (or the newest), newest
    /// first, matching `filter` and, if given, containing `text`.
    pub fn notes_before(
        &self,
        before: Option<&NoteKey>,
        filter: NoteFilter,
        text: Option<&str>,
        limit: usize,
    ) -> Result<Vec<Note>> {
        self.notes_before_in(before, filter, None, text, limit)
    }

    /// [`Store::notes_before`] among the pinned notes only
    /// (`pinned: Some(true)`) or the others only (`Some(false)`).
    pub fn notes_before_in(
        &self,
        before: Option<&NoteKey>,
        filter: NoteFilter,
        pinned: Option<bool>,
        text: Option<&str>,
        limit: usize,
    ) -> Result<Vec<Note>> {
        if pinned == Some(true) {
            let (at, id) = match before {
                Some(k) => (k.at.as_str(), k.id),
                None => ("9999", 0),
            };
            return self.pinned_notes((at, id), Direction::Older, filter, text, limit);
        }
        if let Some(text) = text {
            let (at, id) = match before {
                Some(k) => (k.at.as_str(), k.id),
                None => ("9999", 0),
            };
            let sel = (filter, pinned);
            return self.notes_matching((at, id), Direction::Older, sel, text, limit);
        }
        let sql = format!(
            "SELECT {NOTE_COLUMNS} FROM {NOTE_FROM}
             WHERE (n.at, n.id) < (?1, ?2) AND {}
             ORDER BY n.at DESC, n.id DESC LIMIT ?3",
            where_sql(filter, pinned)
        );
        let (at, id) = match before {
            Some(k) => (k.at.clone(), k.id),
            None => ("9999".to_string(), 0),
        };
        self.read_notes(&sql, params![at, id, limit as i64])
    }

    /// Up to `limit` notes at or after `from`, oldest first (for moving up
    /// the list and for jumping to a day).
    pub fn notes_from(
        &self,
        from: &NoteKey,
        filter: NoteFilter,
        text: Option<&str>,
        limit: usize,
    ) -> Result<Vec<Note>> {
        self.notes_from_in(from, filter, None, text, limit)
    }

    /// [`Store::notes_from`] among the pinned notes only
    /// (`pinned: Some(true)`) or the others only (`Some(false)`).
    pub fn notes_from_in(
        &self,
        from: &NoteKey,
        filter: NoteFilter,
        pinned: Option<bool>,
        text: Option<&str>,
        limit: usize,
    ) -> Result<Vec<Note>> {
        if pinned == Some(true) {
            let key = (from.at.as_str(), from.id);
            return self.pinned_notes(key, Direction::Newer, filter, text, limit);
        }
        if let Some(text) = text {
            let key = (from.at.as_str(), from.id);
            let sel = (filter, pinned);
            return self.notes_matching(key, Direction::Newer, sel, text, limit);
        }
        let sql = format!(
            "SELECT {NOTE_COLUMNS} FROM {NOTE_FROM}
             WHERE (n.at, n.id) >= (?1, ?2) AND {}
             ORDER BY n.at, n.id LIMIT ?3",
            where_sql(filter, pinned)
        );
        self.read_notes(&sql, params![from.at, from.id, limit as i64])
    }

    /// Pinned notes from `key` in `dir` (see [`Store::notes_matching`]),
    /// matching `filter` and, if given, containing `text`. Read from the
    /// pins (a handful), not by walking the whole log in time order
    /// looking for them.
    fn pinned_notes(
        &self,
        key: (&str, i64),
        dir: Direction,
        filter: NoteFilter,
        text: Option<&str>,
        limit: usize,
    ) -> Result<Vec<Note>> {
        let (past, order) = match dir {
            Direction::Older => ("<", "DESC"),
            Direction::Newer => (">=", "ASC"),
        };
        let contains = if text.is_some() {
            "vakt_contains(n.body, ?4)"
        } else {
            "?4 IS NULL"
        };
        self.read_notes(
            &format!(
                "SELECT {NOTE_COLUMNS}
                 FROM note_pins pin CROSS JOIN {NOTE_FROM}
                 WHERE n.id = pin.note_id AND (n.at, n.id) {past} (?1, ?2) AND {}
                   AND {contains}
                 ORDER BY n.at {order}, n.id {order} LIMIT ?3",
                filter_sql(filter)
            ),
            params![key.0, key.1, limit as i64, text],
        )
    }

    /// Up to `limit` notes containing `text` (literally, letters in either
    /// case: see [`crate::textsearch`]), from `key` in `dir`: older than it (newest first) or
    /// at and after it (oldest first).
    ///
    /// Common words are found among the nearest notes, so those are read
    /// first: the next [`SEARCH_WINDOW`] notes are checked one by one. If
    /// that does not fill the page, the rest of the log is searched through
    /// the trigram index (three characters or more); shorter text only
    /// searches the window (see [`searches_whole_log`]).
    fn notes_matching(
        &self,
        key: (&str, i64),
        dir: Direction,
        (filter, pinned): (NoteFilter, Option<bool>),
        text: &str,
        limit: usize,
    ) -> Result<Vec<Note>> {
        let (past, order) = match dir {
            Direction::Older => ("<", "DESC"),
            Direction::Newer => (">=", "ASC"),
        };
        // The edge of the window: SEARCH_WINDOW notes away from the key.
        let edge: Option<(String, i64)> = self
            .conn()
            .prepare_cached(&format!(
                "SELECT n.at, n.id FROM {NOTE_FROM}
                 WHERE (n.at, n.id) {past} (?1, ?2) AND {}
                 ORDER BY n.at {order}, n.id {order} LIMIT 1 OFFSET ?3",
                where_sql(filter, pinned)
            ))?
            .query_row(params![key.0, key.1, SEARCH_WINDOW as i64 - 1], |r| {
                Ok((r.get(0)?, r.get(1)?))
            })
            .optional()?;
        // Inside the window: from the key up to and including its edge.
        let within = match dir {
            Direction::Older => "(n.at, n.id) >= (?4, ?5)",
            Direction::Newer => "(n.at, n.id) <= (?4, ?5)",
        };
        let (edge_at, edge_id) = edge.clone().unwrap_or_else(|| match dir {
            Direction::Older => (String::new(), 0),
            Direction::Newer => ("9999".into(), 0),
        });
        let mut notes = self.read_notes(
            &format!(
                "SELECT {NOTE_COLUMNS} FROM {NOTE_FROM}
                 WHERE (n.at, n.id) {past} (?1, ?2) AND {within} AND {}
                   AND vakt_contains(n.body, ?3)
                 ORDER BY n.at {order}, n.id {order} LIMIT ?6",
                where_sql(filter, pinned)
            ),
            params![key.0, key.1, text, edge_at, edge_id, limit as i64],
        )?;
        if notes.len() < limit && edge.is_some() && searches_whole_log(text) {
            // Beyond the window: only notes the index says may match are
            // read, then checked with the same match.
            let beyond = match dir {
                Direction::Older => "(n.at, n.id) < (?3, ?4)",
                Direction::Newer => "(n.at, n.id) > (?3, ?4)",
            };
            let more = self.read_notes(
                &format!(
                    "SELECT {NOTE_COLUMNS}
                     FROM (SELECT rowid AS id FROM notes_fts WHERE notes_fts MATCH ?1) m
                     CROSS JOIN {NOTE_FROM}
                     WHERE n.id = m.id AND {beyond} AND {}
                       AND vakt_contains(n.body, ?2)
                     ORDER BY n.at {order}, n.id {order} LIMIT ?5",
                    where_sql(filter, pinned)
                ),
                params![
                    trigram_query(text),
                    text,
                    edge_at,
                    edge_id,
                    (limit - notes.len()) as i64
                ],
            )?;
            notes.extend(more);
        }
        Ok(notes)
    }

    /// The notes `sql` selects ([`NOTE_COLUMNS`] from [`NOTE_FROM`]), in
    /// its order.
    fn read_notes(&self, sql: &str, params: impl rusqlite::Params) -> Result<Vec<Note>> {
        Ok(self
            .conn()
            .prepare_cached(sql)?
            .query_map(params, note_row)?
            .collect::<rusqlite::Result<_>>()?)
    }

    /// Notes marked for handover written in `[from, to)`, oldest first.
    pub fn handover_notes(&self, from: DateTime<Utc>, to: DateTime<Utc>) -> Result<Vec<Note>> {
        let sql = format!(
            "SELECT {NOTE_COLUMNS} FROM {NOTE_FROM}
             WHERE n.for_handover = 1 AND n.at >= ?1 AND n.at < ?2 ORDER BY n.at, n.id"
        );
        self.read_notes(&sql, params![ts(from), ts(to)])
    }

    /// Escalations not yet released, oldest first.
    pub fn open_escalations(&self) -> Result<Vec<Note>> {
        let sql = format!(
            "SELECT {NOTE_COLUMNS} FROM {NOTE_FROM}
             WHERE n.id IN (SELECT note_id FROM open_escalations) ORDER BY n.at, n.id"
        );
        self.read_notes(&sql, [])
    }

    /// The oldest handover nobody has acknowledged yet.
    pub fn pending_handover(&self) -> Result<Option<Handover>> {
        self.handover_where("acknowledged_at IS NULL ORDER BY given_at LIMIT 1")
    }

    /// The latest handover given at or before `until`.
    pub fn latest_handover(&self, until: DateTime<Utc>) -> Result<Option<Handover>> {
        Ok(self
            .conn()
            .prepare_cached(
                "SELECT id, shift_id, given_at, given_by, acknowledged_at, acknowledged_by
                 FROM handovers WHERE given_at <= ?1 ORDER BY given_at DESC LIMIT 1",
            )?
            .query_row(params![ts(until)], handover_row)
            .optional()?)
    }

    /// Every handover nobody has acknowledged yet, oldest first.
    pub fn pending_handovers(&self) -> Result<Vec<Handover>> {
        Ok(self
            .conn()
            .prepare_cached(
                "SELECT id, shift_id, given_at, given_by, acknowledged_at, acknowledged_by
                 FROM handovers WHERE acknowledged_at IS NULL ORDER BY given_at, id",
            )?
            .query_map([], handover_row)?
            .collect::<rusqlite::Result<_>>()?)
    }

    fn handover_where(&self, clause: &str) -> Result<Option<Handover>> {
        let sql = format!(
            "SELECT id, shift_id, given_at, given_by, acknowledged_at, acknowledged_by FROM handovers WHERE {clause}"
        );
        Ok(self
            .conn()
            .prepare_cached(&sql)?
            .query_row([], handover_row)
            .optional()?)
    }

    /// The receiver confirms they have read every handover waiting.
    /// Returns how many were acknowledged.
    pub fn acknowledge_handovers(&mut self, by: &str, now: DateTime<Utc>) -> Result<usize> {
        self.write(|tx| {
            let n = tx.execute(
                "UPDATE handovers SET acknowledged_at = ?1, acknowledged_by = ?2 WHERE acknowledged_at IS NULL",
                params![ts(now), by],
            )?;
            if n > 0 {
                audit::record(tx, now, by, "acknowledge", "handover", None, Some(&n.to_string()))?;
            }
            Ok(n)
        })
    }

    /// Counts of what was done in `[from, to)`: attempts, reached, items
    /// added, items closed.
    pub fn activity(&self, from: DateTime<Utc>, to: DateTime<Utc>) -> Result<Activity> {
        let c = self.conn();
        let (f, t) = (ts(from), ts(to));
        let (attempts, reached): (i64, i64) = c
            .prepare_cached(
                "SELECT count(*), count(*) FILTER (WHERE result = 'reached') FROM attempts WHERE at >= ?1 AND at < ?2",
            )?
            .query_row(params![f, t], |r| Ok((r.get(0)?, r.get(1)?)))?;
        // Messages as the person on duty counts them: entered in the
        // period. Each is a new item's first message, one joined to an
        // open item, or a call from a withheld number, so the parts add up.
        let (messages, withheld, added): (i64, i64, i64) = c
            .prepare_cached(
                "SELECT count(*), count(*) FILTER (WHERE withheld = 1),
                        count(*) FILTER (WHERE callback_id IS NOT NULL AND id =
                            (SELECT min(m2.id) FROM messages m2 WHERE m2.callback_id = messages.callback_id))
                 FROM messages WHERE entered_at >= ?1 AND entered_at < ?2",
            )?
            .query_row(params![f, t], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
        let closed: i64 = c
            .prepare_cached(
                "SELECT count(*) FROM callbacks WHERE status = 'closed' AND closed_at >= ?1 AND closed_at < ?2",
            )?
            .query_row(params![f, t], |r| r.get(0))?;
        let notes: i64 = c
            .prepare_cached("SELECT count(*) FROM notes WHERE at >= ?1 AND at < ?2")?
            .query_row(params![f, t], |r| r.get(0))?;
        let referrals: i64 = c
            .prepare_cached("SELECT count(*) FROM referrals WHERE at >= ?1 AND at < ?2")?
            .query_row(params![f, t], |r| r.get(0))?;
        Ok(Activity {
            attempts: attempts as u64,
            reached: reached as u64,
            messages: messages as u64,
            withheld: withheld as u64,
            added: added as u64,
            joined: (messages - withheld - added).max(0) as u64,
            closed: closed as u64,
            notes: notes as u64,
            referrals: referrals as u64,
        })
    }
}

/// What a shift did, in counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize)]
pub struct Activity {
    pub attempts: u64,
    pub reached: u64,
    pub messages: u64,
    pub withheld: u64,
    /// New items: the first message of an item, entered in the period.
    pub added: u64,
    /// Messages entered in the period that joined an item already open.
    pub joined: u64,
    pub closed: u64,
    pub notes: u64,
    pub referrals: u64,
}

/// A handover, as `SELECT id, shift_id, given_at, given_by,
/// acknowledged_at, acknowledged_by` reads it.
fn handover_row(r: &rusqlite::Row) -> rusqlite::Result<Handover> {
    Ok(Handover {
        id: r.get(0)?,
        shift_id: r.get(1)?,
        given_at: stamp(r, 2)?,
        given_by: r.get(3)?,
        acknowledged_at: opt_stamp(r, 4)?,
        acknowledged_by: r.get(5)?,
    })
}

/// Keeps, from names newest first, each valid name once, at most `n`.
fn distinct_names(names: impl IntoIterator<Item = String>, n: usize) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for raw in names {
        if out.len() == n {
            break;
        }
        let Ok(name) = crate::domain::name::DutyName::parse(&raw) else {
            continue;
        };
        let name = name.into_string();
        if !out.contains(&name) {
            out.push(name);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::distinct_names;

    #[test]
    fn recent_names_are_distinct_valid_and_few() {
        let names = ["KH", "?", "AB", "KH", "", "a/b", "C", "D", "E", "F"];
        assert_eq!(
            distinct_names(names.iter().map(|s| s.to_string()), 4),
            ["KH", "AB", "C", "D"]
        );
        assert!(distinct_names(Vec::new(), 4).is_empty());
    }
}
