//! The app's state and the one place it changes: [`App::update`] takes one
//! [`Msg`] (a key, a paste, a tick, a resize, the database changed, work
//! done in the background) and returns the [`Effects`] the terminal loop
//! carries out (copy, quit, redraw). Drawing only reads the state, so tests
//! drive the app with messages and read the rendered buffer.
//!
//! Each pane is a [`Component`](super::component::Component) (`queue`,
//! `directory`, `log`, `stats`) with its own state, actions and key table;
//! the app holds the pane on screen as one `&mut dyn AnyPane` (picked in
//! [`App::active`]) and applies what it asks for (an [`Effect`]). Overlays
//! sit on one [`PopupStack`]; text goes to the one on top, else the pane.
//!
//! The fields are visible to `tui` (the views read them) and nowhere else:
//! the command line, tests and benches read through the accessors at the
//! end of this file.

mod events;
mod keys;
mod read;
mod start;

use chrono::{DateTime, Utc};
use ratatui::crossterm::event::KeyEvent;

use crate::calendar::CalendarSettings;
use crate::config::Config;
use crate::i18n::Lang;
use crate::store::Store;
use crate::tui::component::AnyPane;
use crate::tui::fault::ReadFault;
pub use crate::tui::panes::Pane;
use crate::tui::popup::PopupStack;
use crate::tui::theme::Theme;
use crate::tui::{directory::DirectoryState, log::LogState, queue::QueueState, stats::StatsState};

/// A short message in the footer after an action ("Lagret ✓").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Flash {
    pub text: String,
    pub error: bool,
}

/// What a pane asks the app to do after handling an action.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Effect {
    #[default]
    None,
    /// Show a confirmation in the footer.
    Saved(String),
    /// Show a plain-language problem in the footer.
    Error(String),
    /// Show a calm remark in the footer (not an error).
    Note(String),
    /// Put text on the clipboard (OSC 52, which also works over SSH).
    Copy { text: String, message: String },
    /// Switch to another pane.
    Goto(Pane),
}

/// What panes may use while handling an action.
pub struct Env<'a> {
    pub store: &'a mut Store,
    pub calendar: &'a CalendarSettings,
    pub config: &'a Config,
    pub now: DateTime<Utc>,
    pub lang: Lang,
    /// Who is on duty (recorded as the author of every change).
    pub actor: &'a str,
    /// The callback selected in the queue, for actions that refer to it
    /// from another pane (e.g. giving a referral to that caller).
    pub selected_callback: Option<i64>,
}

/// One thing that happened, for [`App::update`].
#[derive(Debug, Clone, Copy)]
pub enum Msg<'a> {
    Key(KeyEvent),
    /// One bracketed paste, or keys that arrived as a burst.
    Paste(&'a str),
    Resize {
        width: u16,
        height: u16,
    },
    /// The clock moved (every tick).
    Tick(DateTime<Utc>),
    /// Another terminal may have written: re-read if the file changed.
    DbChanged,
    /// Work off the interface thread may have finished.
    Background,
}

/// What the terminal loop carries out after a [`Msg`].
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Effects {
    /// Text for the terminal's clipboard (OSC 52).
    pub copy: Option<String>,
    /// The person has quit: the loop ends.
    pub quit: bool,
    /// What is on screen changed.
    pub redraw: bool,
}

impl Effects {
    /// Both: the later copy wins.
    pub fn and(mut self, later: Effects) -> Effects {
        self.copy = later.copy.or(self.copy);
        self.quit |= later.quit;
        self.redraw |= later.redraw;
        self
    }
}

pub struct App {
    pub(in crate::tui) lang: Lang,
    pub(in crate::tui) theme: Theme,
    pub(in crate::tui) store: Store,
    pub(in crate::tui) config: Config,
    pub(in crate::tui) calendar: CalendarSettings,
    pub(in crate::tui) now: DateTime<Utc>,
    pub(in crate::tui) on_duty: Option<String>,
    pub(in crate::tui) pane: Pane,
    /// Overlays (welcome, who is on duty, help, the quit question): only
    /// the top one is drawn and takes keys.
    popups: PopupStack,
    /// All caller data blanked from the screen.
    pub(in crate::tui) privacy: bool,
    pub(in crate::tui) flash: Option<Flash>,
    pub(in crate::tui) quit: bool,
    pub(in crate::tui) queue: QueueState,
    pub(in crate::tui) directory: DirectoryState,
    pub(in crate::tui) log: LogState,
    pub(in crate::tui) stats: StatsState,
    /// Text waiting to be sent to the terminal's clipboard.
    pub(in crate::tui) clipboard: Option<String>,
    /// Who is on duty was fixed at start (`--as`) and cannot change here.
    pub(in crate::tui) duty_locked: bool,
    /// A handover nobody has acknowledged yet (shown as a banner).
    pub(in crate::tui) pending_handover: Option<crate::store::log::Handover>,
    /// A failed read of what the whole screen uses (settings, the
    /// handover waiting): shown in the banner line.
    pub(in crate::tui) fault: ReadFault,
    /// When a key was last pressed (the screen hides caller data after
    /// `[privacy] idle_minutes` without one).
    pub(in crate::tui) last_input: DateTime<Utc>,
    /// A full start-up check still running in the background (large files);
    /// sends whether the file is intact.
    pub(in crate::tui) background_check: Option<std::sync::mpsc::Receiver<bool>>,
    /// Today's backup being written in the background; sends sentences
    /// for the person if it failed.
    pub(in crate::tui) background_backup: Option<crate::upkeep::BackupJob>,
    /// Voicemail e-mails that could not be read (shown in the top line).
    pub(in crate::tui) intake_failures: u64,
    data_version: i64,
    /// Set when something outside a key press changed what is on screen.
    redraw: bool,
    /// The terminal's size (width, height), as last told.
    size: (u16, u16),
}

/// Who is recorded as acting when nobody has said who is on duty.
pub const UNKNOWN_ACTOR: &str = "?";

impl App {
    pub fn new(
        store: Store,
        lang: Lang,
        theme: Theme,
        now: DateTime<Utc>,
    ) -> Result<App, crate::store::StoreError> {
        App::with_config(store, lang, theme, now, Config::default())
    }

    pub fn with_config(
        store: Store,
        lang: Lang,
        theme: Theme,
        now: DateTime<Utc>,
        config: Config,
    ) -> Result<App, crate::store::StoreError> {
        let calendar = store.calendar()?;
        let data_version = store.data_version()?;
        let mut app = App {
            lang,
            theme,
            store,
            config,
            calendar,
            now,
            on_duty: None,
            pane: Pane::Queue,
            popups: PopupStack::default(),
            privacy: false,
            flash: None,
            quit: false,
            queue: QueueState::default(),
            directory: DirectoryState::default(),
            log: LogState::default(),
            stats: StatsState::default(),
            clipboard: None,
            duty_locked: false,
            pending_handover: None,
            fault: ReadFault::default(),
            last_input: now,
            background_check: None,
            background_backup: None,
            intake_failures: 0,
            data_version,
            redraw: false,
            size: (super::view::MIN_WIDTH, super::view::MIN_HEIGHT),
        };
        app.reload();
        Ok(app)
    }

    /// A pane by name: with [`App::active`], the one place that knows
    /// which state belongs to which pane (a new pane is one line in each).
    fn pane_ref(&self, pane: Pane) -> &dyn AnyPane {
        match pane {
            Pane::Queue => &self.queue,
            Pane::Directory => &self.directory,
            Pane::Log => &self.log,
            Pane::Stats => &self.stats,
        }
    }

    /// The pane on screen, and what it may use while handling something.
    fn active(&mut self) -> (&mut dyn AnyPane, Env<'_>) {
        let selected_callback = self.queue.selected_item().filter(|i| i.open).map(|i| i.id);
        let pane: &mut dyn AnyPane = match self.pane {
            Pane::Queue => &mut self.queue,
            Pane::Directory => &mut self.directory,
            Pane::Log => &mut self.log,
            Pane::Stats => &mut self.stats,
        };
        let env = Env {
            store: &mut self.store,
            calendar: &self.calendar,
            config: &self.config,
            now: self.now,
            lang: self.lang,
            actor: self.on_duty.as_deref().unwrap_or(UNKNOWN_ACTOR),
            selected_callback,
        };
        (pane, env)
    }

    /// The pane on screen.
    fn current(&self) -> &dyn AnyPane {
        self.pane_ref(self.pane)
    }

    /// The one way in once the app runs: handles `msg` and returns what
    /// the terminal loop must do.
    pub fn update(&mut self, msg: Msg) -> Effects {
        let changed = match msg {
            Msg::Key(ev) => {
                self.key(ev);
                true
            }
            Msg::Paste(text) => {
                self.paste(text);
                true
            }
            Msg::Resize { width, height } => {
                self.resized(width, height);
                true
            }
            Msg::Tick(now) => {
                self.clock(now);
                false
            }
            Msg::DbChanged => {
                self.db_changed();
                false
            }
            Msg::Background => self.stats.poll(),
        };
        Effects {
            copy: self.clipboard.take(),
            quit: self.quit,
            redraw: changed | std::mem::take(&mut self.redraw),
        }
    }

    /// `update(Msg::Key(ev))`.
    pub fn on_key(&mut self, ev: KeyEvent) -> Effects {
        self.update(Msg::Key(ev))
    }

    /// `update(Msg::Paste(text))`.
    pub fn on_paste(&mut self, text: &str) -> Effects {
        self.update(Msg::Paste(text))
    }

    /// `update(Msg::Tick(now))`.
    pub fn tick(&mut self, now: DateTime<Utc>) -> Effects {
        self.update(Msg::Tick(now))
    }

    /// `update(Msg::Resize { .. })`.
    pub fn resize(&mut self, width: u16, height: u16) -> Effects {
        self.update(Msg::Resize { width, height })
    }

    /// `update(Msg::DbChanged)`.
    pub fn poll_db(&mut self) -> Effects {
        self.update(Msg::DbChanged)
    }

    /// `update(Msg::Background)`.
    pub fn poll_background(&mut self) -> Effects {
        self.update(Msg::Background)
    }
}
