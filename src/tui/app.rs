//! The app's state and the one place it changes (`update`). Drawing only
//! reads it, so tests can drive the app with key events and read the
//! rendered buffer without a terminal.

use chrono::{DateTime, Utc};
use ratatui::crossterm::event::{KeyEvent, KeyEventKind};

use super::keymap::{self, Action, Scope};
use super::theme::Theme;
use crate::calendar::CalendarSettings;
use crate::i18n::Lang;
use crate::store::Store;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pane {
    Callbacks,
    Directory,
    Log,
}

impl Pane {
    pub const ALL: [Pane; 3] = [Pane::Callbacks, Pane::Directory, Pane::Log];

    pub fn scope(self) -> Scope {
        match self {
            Pane::Callbacks => Scope::Callbacks,
            Pane::Directory => Scope::Directory,
            Pane::Log => Scope::Log,
        }
    }

    fn index(self) -> usize {
        Pane::ALL.iter().position(|p| *p == self).unwrap_or(0)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Overlay {
    Help { scroll: u16 },
    ConfirmQuit,
}

/// A short message in the footer after an action ("Lagret ✓").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Flash {
    pub text: String,
    pub error: bool,
}

pub struct App {
    pub lang: Lang,
    pub theme: Theme,
    pub store: Store,
    pub calendar: CalendarSettings,
    pub now: DateTime<Utc>,
    pub on_duty: Option<String>,
    pub pane: Pane,
    pub overlay: Option<Overlay>,
    /// All caller data blanked from the screen.
    pub privacy: bool,
    pub flash: Option<Flash>,
    pub quit: bool,
    data_version: i64,
    /// Set when something outside a key press changed what is on screen.
    redraw: bool,
}

impl App {
    pub fn new(
        store: Store,
        lang: Lang,
        theme: Theme,
        now: DateTime<Utc>,
    ) -> Result<App, crate::store::StoreError> {
        let calendar = store.calendar()?;
        let data_version = store.data_version()?;
        Ok(App {
            lang,
            theme,
            store,
            calendar,
            now,
            on_duty: None,
            pane: Pane::Callbacks,
            overlay: None,
            privacy: false,
            flash: None,
            quit: false,
            data_version,
            redraw: false,
        })
    }

    /// The scopes asked for a key, most specific first.
    pub fn scopes(&self) -> Vec<Scope> {
        match self.overlay {
            Some(Overlay::Help { .. }) => vec![Scope::Help],
            Some(Overlay::ConfirmQuit) => vec![Scope::Confirm],
            None => vec![self.pane.scope(), Scope::Global],
        }
    }

    /// Whether typed text would be lost by quitting now.
    pub fn has_unsaved_input(&self) -> bool {
        false
    }

    /// Whether an action can be used in the current state (unavailable
    /// keys are greyed in the footer, not hidden).
    pub fn is_enabled(&self, _action: Action) -> bool {
        true
    }

    pub fn on_key(&mut self, ev: KeyEvent) {
        if ev.kind == KeyEventKind::Release {
            return;
        }
        if let Some(b) = keymap::lookup(&self.scopes(), &ev)
            && self.is_enabled(b.action)
        {
            self.update(b.action);
        }
    }

    pub fn update(&mut self, action: Action) {
        self.flash = None;
        match (self.overlay, action) {
            (Some(Overlay::Help { .. }), Action::Back) => self.overlay = None,
            (Some(Overlay::Help { scroll }), Action::Down) => {
                self.overlay = Some(Overlay::Help {
                    scroll: scroll.saturating_add(1),
                })
            }
            (Some(Overlay::Help { scroll }), Action::Up) => {
                self.overlay = Some(Overlay::Help {
                    scroll: scroll.saturating_sub(1),
                })
            }
            (Some(Overlay::ConfirmQuit), Action::Yes) => self.quit = true,
            (Some(Overlay::ConfirmQuit), Action::No) => self.overlay = None,
            (Some(_), _) => {}
            (None, Action::Quit | Action::ForceQuit) => {
                if self.has_unsaved_input() {
                    self.overlay = Some(Overlay::ConfirmQuit);
                } else {
                    self.quit = true;
                }
            }
            (None, Action::Help) => self.overlay = Some(Overlay::Help { scroll: 0 }),
            (None, Action::NextPane) => {
                self.pane = Pane::ALL[(self.pane.index() + 1) % Pane::ALL.len()]
            }
            (None, Action::PrevPane) => {
                self.pane = Pane::ALL[(self.pane.index() + Pane::ALL.len() - 1) % Pane::ALL.len()]
            }
            (None, Action::GoCallbacks) => self.pane = Pane::Callbacks,
            (None, Action::GoDirectory) => self.pane = Pane::Directory,
            (None, Action::GoLog) => self.pane = Pane::Log,
            (None, Action::TogglePrivacy) => self.privacy = !self.privacy,
            (None, _) => {}
        }
    }

    /// Advances the clock (called on every tick).
    pub fn tick(&mut self, now: DateTime<Utc>) {
        self.now = now;
    }

    /// Reloads what another terminal may have changed. Cheap when nothing
    /// did: one `PRAGMA data_version`.
    pub fn poll_db(&mut self) {
        let Ok(v) = self.store.data_version() else {
            return;
        };
        if v != self.data_version {
            self.data_version = v;
            self.reload();
        }
    }

    fn reload(&mut self) {
        if let Ok(c) = self.store.calendar() {
            self.calendar = c;
        }
        self.redraw = true;
    }

    /// Whether a reload since the last call needs a redraw.
    pub fn take_redraw(&mut self) -> bool {
        std::mem::take(&mut self.redraw)
    }

    /// Text pasted into the terminal (bracketed paste).
    pub fn on_paste(&mut self, _text: &str) {}
}
