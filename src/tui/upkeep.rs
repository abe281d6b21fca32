//! What the app does by itself while it is open: hide caller data after
//! idle time, the daily backup and purge, and the result of a background
//! start-up check.

use std::sync::mpsc::{Receiver, TryRecvError};

use chrono::Duration;

use super::app::{App, Flash};

impl App {
    /// Hides caller data once `[privacy] idle_minutes` have passed without
    /// a key. Returns true if the screen changed.
    pub(super) fn idle_privacy(&mut self) -> bool {
        let minutes = self.config.privacy.idle_minutes;
        if minutes == 0 || self.privacy {
            return false;
        }
        if self.now - self.last_input >= Duration::minutes(i64::from(minutes)) {
            self.privacy = true;
            return true;
        }
        false
    }

    /// The retention purge, and today's backup started in the background;
    /// sentences only on failure.
    pub(super) fn daily_upkeep(&mut self) -> Vec<String> {
        let notices = crate::upkeep::upkeep(&mut self.store, &self.config, self.now, self.lang);
        if self.background_backup.is_none() {
            self.background_backup = Some(crate::upkeep::background_backup(
                &self.store,
                self.now,
                self.lang,
            ));
        }
        notices
    }

    /// Waits for the background backup, if one is being written, and shows
    /// its problems (tests).
    pub fn wait_for_backup(&mut self) {
        if let Some(job) = self.background_backup.take() {
            self.notify(job.done.recv().unwrap_or_default());
        }
    }

    /// Stops a backup still being written (the app is quitting); the next
    /// start writes it again.
    pub fn stop_background_backup(&mut self) {
        if let Some(job) = self.background_backup.take() {
            job.stop();
        }
    }

    /// Picks up the background backup's result. Returns true if it arrived.
    pub(super) fn poll_background_backup(&mut self) -> bool {
        let Some(notices) = take_result(&mut self.background_backup, |job| &job.done) else {
            return false;
        };
        self.notify(notices);
        true
    }

    /// Shows sentences (problems the person should know of) as an error flash.
    pub fn notify(&mut self, notices: Vec<String>) {
        if notices.is_empty() {
            return;
        }
        self.flash = Some(Flash {
            text: notices.join(" "),
            error: true,
        });
    }

    /// Picks up the background check's verdict. Returns true if it arrived.
    pub(super) fn poll_background_check(&mut self) -> bool {
        let Some(intact) = take_result(&mut self.background_check, |rx| rx) else {
            return false;
        };
        if !intact {
            self.flash = Some(Flash {
                text: crate::i18n::privacy::BG_CHECK_DAMAGED
                    .get(self.lang)
                    .to_string(),
                error: true,
            });
        }
        true
    }
}

/// The result of work on another thread (received through `rx` of what is
/// in `slot`), once it has arrived; the slot is emptied then, and also if
/// the thread ended without one.
fn take_result<S, T>(slot: &mut Option<S>, rx: impl Fn(&S) -> &Receiver<T>) -> Option<T> {
    match rx(slot.as_ref()?).try_recv() {
        Ok(v) => {
            *slot = None;
            Some(v)
        }
        Err(TryRecvError::Empty) => None,
        Err(TryRecvError::Disconnected) => {
            *slot = None;
            None
        }
    }
}
