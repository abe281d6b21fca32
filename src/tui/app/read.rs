//! Read access for the views, the command line, tests and benches, and
//! the set-up done before the app runs.

use chrono::{DateTime, Utc};

use super::{App, Flash, Pane};
use crate::i18n::Lang;
use crate::store::Store;
use crate::tui::popup::{Popup, PopupKind};
use crate::tui::{directory::DirectoryState, log::LogState, queue::QueueState, stats::StatsState};

impl App {
    /// Whether work is running off the interface thread.
    pub fn has_background_work(&self) -> bool {
        self.stats.computing()
    }

    /// The overlay on top, if any.
    pub fn popup(&self) -> Option<PopupKind> {
        self.popups.top_kind()
    }

    /// Whether an overlay of `kind` is open (on top or under another).
    pub fn has_popup(&self, kind: PopupKind) -> bool {
        self.popups.contains(kind)
    }

    /// The name typed in "who is on duty?", while it is open.
    pub fn who_text(&self) -> Option<String> {
        self.popups.iter().find_map(|p| match p {
            Popup::Who(who) => Some(who.field.text()),
            _ => None,
        })
    }

    /// The overlay on top, with its state (for drawing).
    pub fn top_popup(&self) -> Option<&Popup> {
        self.popups.top()
    }

    // Read access for the command line, tests and benches.

    pub fn lang(&self) -> Lang {
        self.lang
    }

    pub fn now(&self) -> DateTime<Utc> {
        self.now
    }

    /// The pane on screen.
    pub fn pane(&self) -> Pane {
        self.pane
    }

    /// Who is on duty, if anyone has said.
    pub fn on_duty(&self) -> Option<&str> {
        self.on_duty.as_deref()
    }

    /// Whether caller data is blanked from the screen.
    pub fn privacy(&self) -> bool {
        self.privacy
    }

    /// The footer message after the last action.
    pub fn flash(&self) -> Option<&Flash> {
        self.flash.as_ref()
    }

    /// Whether the person has quit.
    pub fn has_quit(&self) -> bool {
        self.quit
    }

    pub fn store(&self) -> &Store {
        &self.store
    }

    pub fn queue(&self) -> &QueueState {
        &self.queue
    }

    pub fn directory(&self) -> &DirectoryState {
        &self.directory
    }

    pub fn log(&self) -> &LogState {
        &self.log
    }

    pub fn stats(&self) -> &StatsState {
        &self.stats
    }

    /// Whether the background start-up check is still running.
    pub fn is_checking(&self) -> bool {
        self.background_check.is_some()
    }

    /// Waits for figures being computed off the thread (tests, benches).
    pub fn wait_for_figures(&mut self) {
        self.stats.wait();
    }

    /// The app's own connection, for tests that change the file under the
    /// app (a write through this connection, a disk that is full).
    pub fn store_mut(&mut self) -> &mut Store {
        &mut self.store
    }

    /// Whether today's backup is being written in the background.
    pub fn is_backing_up(&self) -> bool {
        self.background_backup.is_some()
    }

    // Set up before the app runs (start-up, tests, benches).

    /// Who is recorded as acting, without starting a shift (one is already
    /// running, or a test or bench that needs no shift).
    pub fn set_actor(&mut self, name: &str) {
        self.on_duty = Some(name.to_string());
    }

    /// Heavy figures computed on a worker thread (the real terminal) or
    /// at once (tests that read them right away).
    pub fn compute_off_thread(&mut self, yes: bool) {
        self.stats.background = yes;
    }

    /// Work started before the app opened: the full file check on a large
    /// file, and today's backup.
    pub fn run_in_background(
        &mut self,
        check: Option<std::sync::mpsc::Receiver<bool>>,
        backup: Option<crate::upkeep::BackupJob>,
    ) {
        self.background_check = check;
        self.background_backup = backup;
    }
}
