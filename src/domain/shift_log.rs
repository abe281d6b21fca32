//! The shift log's entities: a shift (who was on duty, when), a note
//! written during it with its marks, and the handover the next person
//! reads and acknowledges. The store reads and writes them; the app and
//! the command line show them. Pure: no I/O.

use chrono::{DateTime, Utc};

/// Who was on duty, from when until when (open while it runs).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Shift {
    pub id: i64,
    pub person: String,
    pub started_at: DateTime<Utc>,
    pub ended_at: Option<DateTime<Utc>>,
}

/// Marks chosen when a note is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Marks {
    /// The next shift must read it.
    pub handover: bool,
    /// A serious concern; kept until released.
    pub escalation: bool,
    pub pinned: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewNote {
    pub body: String,
    pub callback_id: Option<i64>,
    pub marks: Marks,
    /// The note this one corrects.
    pub amends: Option<i64>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Note {
    pub id: i64,
    pub at: DateTime<Utc>,
    pub author: String,
    pub body: String,
    pub callback_id: Option<i64>,
    pub for_handover: bool,
    pub escalation: bool,
    pub pinned: bool,
    pub amends: Option<i64>,
    /// Ids of later notes that correct this one.
    pub amended_by: Vec<i64>,
    pub released: bool,
    pub purged: bool,
}

impl Note {
    /// An escalation nobody has released yet.
    pub fn open_escalation(&self) -> bool {
        self.escalation && !self.released
    }
}

/// A handover: given at the end of a shift, acknowledged by the next
/// person on duty.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Handover {
    pub id: i64,
    pub shift_id: Option<i64>,
    pub given_at: DateTime<Utc>,
    pub given_by: String,
    pub acknowledged_at: Option<DateTime<Utc>>,
    pub acknowledged_by: Option<String>,
}
