//! The log's rows read by keyset: the notes a filter and a search leave,
//! pinned first, each part newest first, a page at a time, and the place
//! of a day among them.

use chrono::{NaiveDate, NaiveTime};

use crate::store::StoreError;
use crate::store::log::{Note, NoteFilter, NoteKey};
use crate::store::ts;
use crate::tui::app::Env;
use crate::tui::pager::Source;

/// A note's place in the pane: pinned notes first, then the rest; each
/// part newest first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LogKey {
    pub pinned: bool,
    pub note: NoteKey,
}

/// The start of `day` among the notes that are not pinned.
pub(super) fn day_key(env: &Env, day: NaiveDate) -> LogKey {
    LogKey {
        pinned: false,
        note: NoteKey {
            at: ts(env.calendar.local_instant(day, NaiveTime::MIN)),
            id: 0,
        },
    }
}

/// The notes a filter and a search leave: the pinned ones first, then the
/// rest, each part newest first, read from the store a few at a time.
/// A note moves only when it is pinned or unpinned.
pub(super) struct Notes<'e, 'a> {
    env: &'e Env<'a>,
    filter: NoteFilter,
    search: Option<&'e str>,
}

impl<'e, 'a> Notes<'e, 'a> {
    pub(super) fn of(filter: NoteFilter, search: Option<&'e str>, env: &'e Env<'a>) -> Self {
        Notes {
            env,
            filter,
            search,
        }
    }

    /// Up to `limit` notes of one part (pinned or not) after `bound`
    /// (exclusive; `None`: from its newest), newest first.
    fn older(
        &self,
        pinned: bool,
        bound: Option<&NoteKey>,
        limit: usize,
    ) -> Result<Vec<Note>, StoreError> {
        let store = &self.env.store;
        store.notes_before_in(bound, self.filter, Some(pinned), self.search, limit)
    }

    /// Up to `limit` notes of one part at or after `from` in time, oldest
    /// first (moving up the list).
    fn newer(&self, pinned: bool, from: &NoteKey, limit: usize) -> Result<Vec<Note>, StoreError> {
        let store = &self.env.store;
        store.notes_from_in(from, self.filter, Some(pinned), self.search, limit)
    }
}

/// The position just after `k` in time (the store's bounds on the time
/// order are exclusive one way and inclusive the other).
fn just_after(k: &NoteKey) -> NoteKey {
    NoteKey {
        at: k.at.clone(),
        id: k.id + 1,
    }
}

/// Before every note in time.
fn oldest() -> NoteKey {
    NoteKey {
        at: String::new(),
        id: 0,
    }
}

impl Source for Notes<'_, '_> {
    type Row = Note;
    type Key = LogKey;
    type Err = StoreError;

    fn key(&self, note: &Note) -> LogKey {
        LogKey {
            pinned: note.pinned,
            note: note.key(),
        }
    }

    fn id(&self, note: &Note) -> i64 {
        note.id
    }

    fn from(&mut self, from: Option<&LogKey>, limit: usize) -> Result<Vec<Note>, StoreError> {
        let (pinned, bound) = match from {
            None => (true, None),
            Some(k) => (k.pinned, Some(just_after(&k.note))),
        };
        let mut rows = self.older(pinned, bound.as_ref(), limit)?;
        if pinned && rows.len() < limit {
            rows.extend(self.older(false, None, limit - rows.len())?);
        }
        Ok(rows)
    }

    fn before(&mut self, key: &LogKey, limit: usize) -> Result<Vec<Note>, StoreError> {
        let mut rows = self.newer(key.pinned, &just_after(&key.note), limit)?;
        if !key.pinned && rows.len() < limit {
            rows.extend(self.newer(true, &oldest(), limit - rows.len())?);
        }
        Ok(rows)
    }

    fn last(&mut self, limit: usize) -> Result<Vec<Note>, StoreError> {
        let mut rows = self.newer(false, &oldest(), limit)?;
        if rows.len() < limit {
            rows.extend(self.newer(true, &oldest(), limit - rows.len())?);
        }
        Ok(rows)
    }

    /// A note moves when it is pinned or unpinned: it is found where it is
    /// now. Filters and searches are on what never changes, except the
    /// pinned filter, which an unpinned note leaves.
    fn locate(&mut self, id: i64) -> Result<Option<LogKey>, StoreError> {
        Ok(self
            .env
            .store
            .note(id)?
            .and_then(|n| (self.filter != NoteFilter::Pinned || n.pinned).then(|| self.key(&n))))
    }
}
