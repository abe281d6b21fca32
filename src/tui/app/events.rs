//! What happens besides keys: a resize, a tick of the clock, another
//! terminal's write, switching panes, and what a pane asks for (an
//! [`Effect`]).

use chrono::{DateTime, Utc};

use super::{App, Effect, Flash, Pane};
use crate::tui::fault::ReadFault;
use crate::tui::keymap::Action;

impl App {
    /// The terminal's size changed: panes load as many rows as now fit.
    pub(super) fn resized(&mut self, width: u16, height: u16) {
        self.size = (width, height);
        // Help open: kept within its text at the new height.
        self.scroll_help(Action::Back);
        let mut read_again = false;
        for pane in Pane::ALL {
            read_again |= (pane.spec().fit)(self, height);
        }
        if read_again {
            self.refresh_pane();
        }
    }

    pub(super) fn goto(&mut self, pane: Pane) {
        self.pane = pane;
        self.refresh_pane();
    }

    /// Applies what a pane asked for.
    pub(super) fn apply(&mut self, effect: Effect) {
        match effect {
            Effect::None => {}
            Effect::Saved(text) => {
                self.flash = Some(Flash { text, error: false });
                // This terminal's own write does not change data_version:
                // re-read what the banner shows (a failed read keeps it).
                if let Ok(h) = self.store.pending_handover() {
                    self.pending_handover = h;
                }
            }
            Effect::Error(text) => self.flash = Some(Flash { text, error: true }),
            Effect::Note(text) => self.flash = Some(Flash { text, error: false }),
            Effect::Copy { text, message } => {
                self.clipboard = Some(text);
                self.flash = Some(Flash {
                    text: message,
                    error: false,
                });
            }
            Effect::Goto(p) => self.goto(p),
        }
    }

    /// Advances the clock (called on every tick).
    pub(super) fn clock(&mut self, now: DateTime<Utc>) {
        let day_changed = self.calendar.local_date(self.now) != self.calendar.local_date(now);
        self.now = now;
        if day_changed {
            let notices = self.daily_upkeep();
            self.notify(notices);
            self.reload();
        }
        if self.idle_privacy() | self.poll_background_check() | self.poll_background_backup() {
            self.redraw = true;
        }
    }

    /// Reloads what another terminal may have changed. Cheap when nothing
    /// did: one `PRAGMA data_version`.
    pub(super) fn db_changed(&mut self) {
        let Ok(v) = self.store.data_version() else {
            return;
        };
        if v != self.data_version {
            self.data_version = v;
            self.reload();
        }
    }

    /// Re-reads settings and what the panes show.
    pub(super) fn reload(&mut self) {
        let mut fault = ReadFault::default();
        // Settings that cannot be read keep what was read before.
        match self.store.calendar() {
            Ok(c) => self.calendar = c,
            Err(e) => fault.fail_at(&e, self.store.path(), self.lang),
        }
        match self.store.pending_handover() {
            Ok(h) => self.pending_handover = h,
            Err(e) => {
                self.pending_handover = None;
                fault.fail_at(&e, self.store.path(), self.lang);
            }
        }
        match self.store.intake_failure_count() {
            Ok(n) => self.intake_failures = n,
            Err(e) => fault.fail_at(&e, self.store.path(), self.lang),
        }
        self.fault = fault;
        // Only the pane on screen reads now; the others read when shown.
        self.refresh_pane();
        self.redraw = true;
    }

    /// Re-reads the pane on screen (after switching to it or a change).
    pub(super) fn refresh_pane(&mut self) {
        let (pane, mut env) = self.active();
        pane.reload(&mut env);
    }
}
