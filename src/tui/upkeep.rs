//! What the app does by itself while it is open: hide caller data after
//! idle time, the daily backup and purge, and the result of a background
//! start-up check.

use chrono::Duration;

use super::app::{App, Flash};

impl App {
    /// Hides caller data once `[privacy] idle_minutes` have passed without
    /// a key. Returns true if the screen changed.
    pub fn idle_privacy(&mut self) -> bool {
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
    pub fn daily_upkeep(&mut self) -> Vec<String> {
        let notices =
            crate::commands::privacy::upkeep(&mut self.store, &self.config, self.now, self.lang);
        if self.background_backup.is_none() {
            self.background_backup = Some(crate::commands::privacy::background_backup(
                &self.store,
                &self.config,
                self.now,
                self.lang,
            ));
        }
        notices
    }

    /// Waits for the background backup, if one is being written, and shows
    /// its problems (tests).
    pub fn wait_for_backup(&mut self) {
        if let Some(rx) = self.background_backup.take() {
            self.notify(rx.recv().unwrap_or_default());
        }
    }

    /// Picks up the background backup's result. Returns true if it arrived.
    pub fn poll_background_backup(&mut self) -> bool {
        let Some(rx) = &self.background_backup else {
            return false;
        };
        match rx.try_recv() {
            Ok(notices) => {
                self.background_backup = None;
                self.notify(notices);
                true
            }
            Err(std::sync::mpsc::TryRecvError::Empty) => false,
            Err(std::sync::mpsc::TryRecvError::Disconnected) => {
                self.background_backup = None;
                false
            }
        }
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
    pub fn poll_background_check(&mut self) -> bool {
        let Some(rx) = &self.background_check else {
            return false;
        };
        match rx.try_recv() {
            Ok(intact) => {
                self.background_check = None;
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
            Err(std::sync::mpsc::TryRecvError::Empty) => false,
            Err(std::sync::mpsc::TryRecvError::Disconnected) => {
                self.background_check = None;
                false
            }
        }
    }
}
