//! Where the queue's rows come from: the open items (or those closed
//! today) read a page at a time by keyset for the shared pager, and what
//! is read with the selected item (its attempts, referrals, recordings).

use chrono::{DateTime, Utc};

use super::{QueueState, View};
use crate::store::StoreError;
use crate::store::callbacks::{Item, QueueKey};
use crate::tui::app::Env;
use crate::tui::keymap::Action;
use crate::tui::pager::{Move, Source};

/// The end of the local day containing `now`.
pub fn end_of_today(env: &Env) -> DateTime<Utc> {
    end_of_today_at(env.calendar, env.now)
}

pub fn end_of_today_at(
    cal: &crate::calendar::CalendarSettings,
    now: DateTime<Utc>,
) -> DateTime<Utc> {
    let today = cal.local_date(now);
    let tomorrow = today.succ_opt().unwrap_or(today);
    cal.local_instant(tomorrow, chrono::NaiveTime::MIN)
}

fn start_of_today(env: &Env) -> DateTime<Utc> {
    env.calendar
        .local_instant(env.calendar.local_date(env.now), chrono::NaiveTime::MIN)
}

impl QueueState {
    pub(super) fn load_attempts(&mut self, env: &mut Env) -> Result<(), StoreError> {
        (self.attempts, self.referrals, self.recordings) = match self.selected_item() {
            Some(item) => (
                env.store.attempts(item.id)?,
                env.store.referrals_of(item.id)?,
                env.store.recordings(item.id)?,
            ),
            None => (Vec::new(), Vec::new(), Vec::new()),
        };
        self.safe_unmet = self.selected_item().filter(|i| i.open).and_then(|i| {
            crate::domain::promise::safe_time_unmet(env.calendar, &i.safety, env.now)
        });
        self.mark_rows(env);
        Ok(())
    }

    /// Works out which rows on screen have a safe time the hours never
    /// meet, when the rows (or their versions), the day or the hours
    /// changed since last time:
    /// moving the selection within a page reads nothing again.
    fn mark_rows(&mut self, env: &Env) {
        let shown: Vec<(i64, i64)> = self.rows().iter().map(|i| (i.id, i.version)).collect();
        let day = env.calendar.local_date(env.now);
        if shown == self.marked_rows
            && self
                .marked_for
                .as_ref()
                .is_some_and(|(d, cal)| *d == day && cal == env.calendar)
        {
            return;
        }
        self.never_open = self
            .rows()
            .iter()
            .filter(|i| {
                i.open
                    && crate::domain::promise::safe_time_unmet(env.calendar, &i.safety, env.now)
                        == Some(crate::domain::promise::SafeTimeUnmet::NeverOpen)
            })
            .map(|i| i.id)
            .collect();
        self.marked_rows = shown;
        self.marked_for = Some((day, env.calendar.clone()));
    }

    /// Reads the page around the selected item again.
    fn fetch(&mut self, env: &mut Env) -> Result<(), StoreError> {
        self.list.reload(&mut Rows::of(self.view, env))?;
        self.load_attempts(env)
    }

    /// Records a failed read: the rows (possibly from before) are dropped,
    /// so no action works on what the screen no longer shows.
    pub(super) fn read_failed(&mut self, e: &StoreError, env: &Env) {
        self.fault.fail(e, env);
        self.list.clear();
        self.attempts.clear();
    }

    /// Reads the counts and the page on screen again.
    pub(super) fn read_all(&mut self, env: &mut Env) -> Result<(), StoreError> {
        self.counts = env.store.queue_counts(env.now, end_of_today(env))?;
        if self.view == View::ClosedToday {
            self.closed_today = env.store.closed_count_since(start_of_today(env))?;
        }
        self.fetch(env)
    }

    /// One movement in the list; reads a page when it leaves the one shown.
    pub(super) fn step(&mut self, action: Action, env: &mut Env) -> Result<(), StoreError> {
        let Some(mv) = Move::of(action) else {
            return Ok(());
        };
        let before = self.list.selected_id();
        self.list.step(&mut Rows::of(self.view, env), mv)?;
        if self.list.selected_id() != before {
            self.load_attempts(env)?;
        }
        Ok(())
    }
}

/// The rows of one view, read from the store a few at a time.
struct Rows<'e, 'a> {
    env: &'e Env<'a>,
    view: View,
    since: DateTime<Utc>,
}

impl<'e, 'a> Rows<'e, 'a> {
    fn of(view: View, env: &'e Env<'a>) -> Self {
        Rows {
            env,
            view,
            since: start_of_today(env),
        }
    }
}

impl Source for Rows<'_, '_> {
    type Row = Item;
    type Key = QueueKey;
    type Err = StoreError;

    fn key(&self, item: &Item) -> QueueKey {
        match self.view {
            View::Open => item.key(),
            View::ClosedToday => item.closed_key(),
        }
    }

    fn id(&self, item: &Item) -> i64 {
        item.id
    }

    fn from(&mut self, from: Option<&QueueKey>, limit: usize) -> Result<Vec<Item>, StoreError> {
        match self.view {
            View::Open => self.env.store.queue_from(from, limit),
            View::ClosedToday => self.env.store.closed_from(self.since, from, limit),
        }
    }

    fn before(&mut self, key: &QueueKey, limit: usize) -> Result<Vec<Item>, StoreError> {
        match self.view {
            View::Open => self.env.store.queue_before(key, limit),
            View::ClosedToday => self.env.store.closed_after(self.since, key, limit),
        }
    }

    fn last(&mut self, limit: usize) -> Result<Vec<Item>, StoreError> {
        match self.view {
            View::Open => self.env.store.queue_last(limit),
            View::ClosedToday => self.env.store.closed_first(self.since, limit),
        }
    }

    fn locate(&mut self, id: i64) -> Result<Option<QueueKey>, StoreError> {
        let item = self.env.store.callback(id)?.filter(|i| match self.view {
            View::Open => i.open,
            View::ClosedToday => !i.open && i.closed_at.is_some_and(|at| at >= self.since),
        });
        Ok(item.map(|i| self.key(&i)))
    }
}
