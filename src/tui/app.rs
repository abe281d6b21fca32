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

use chrono::{DateTime, Utc};
use ratatui::crossterm::event::{KeyEvent, KeyEventKind};

use super::component::AnyPane;
use super::fault::ReadFault;
use super::form::FormAct;
use super::keymap::{self, Action, Scope};
use super::popup::{Popup, PopupKind, PopupStack, TextIn};
use super::theme::Theme;
use super::{directory::DirectoryState, log::LogState, queue::QueueState, stats::StatsState};
use crate::calendar::CalendarSettings;
use crate::config::Config;
use crate::i18n::Lang;
use crate::store::Store;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pane {
    Queue,
    Directory,
    Log,
    Stats,
}

impl Pane {
    pub const ALL: [Pane; 4] = [Pane::Queue, Pane::Directory, Pane::Log, Pane::Stats];

    fn index(self) -> usize {
        Pane::ALL.iter().position(|p| *p == self).unwrap_or(0)
    }
}

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

    /// The scopes asked for a key, most specific first.
    pub fn scopes(&self) -> Vec<Scope> {
        match self.popups.top() {
            Some(popup) => popup.scopes(),
            None => self.pane_scopes(),
        }
    }

    /// The scopes of the pane on screen, ignoring overlays.
    pub fn pane_scopes(&self) -> Vec<Scope> {
        let pane = self.current().scope();
        if self.is_typing() {
            vec![pane, Scope::Typing]
        } else {
            vec![pane, Scope::Global]
        }
    }

    /// Whether a text field on screen takes the keys.
    pub fn is_typing(&self) -> bool {
        self.current().is_typing()
    }

    /// Whether typed text would be lost by quitting now (in any pane).
    pub fn has_unsaved_input(&self) -> bool {
        Pane::ALL
            .iter()
            .any(|p| self.pane_ref(*p).has_unsaved_input())
    }

    /// Whether an action can be used in the current state (unavailable
    /// keys are greyed in the footer, not hidden). A pane's actions come
    /// from its own key table, asked only while it is on screen, so they
    /// are the pane on screen's; a form key is the welcome's while it is on
    /// top.
    pub fn is_enabled(&self, action: Action) -> bool {
        if self.waits_while_hidden(action) {
            return false;
        }
        match (self.popups.top_kind(), action) {
            (Some(PopupKind::Welcome), Action::Form(_)) => true,
            (Some(_), Action::Form(_)) => false,
            _ if self.current().owns(action) => self.current().is_enabled(action),
            // Another pane's action, or app-wide.
            _ => !Pane::ALL.iter().any(|p| self.pane_ref(*p).owns(action)),
        }
    }

    /// Whether the pane on screen is covered because caller data is hidden.
    pub fn pane_hidden(&self) -> bool {
        self.privacy && self.pane != Pane::Directory
    }

    /// Whether `action` must wait while caller data is hidden: it reads or
    /// changes a caller's item, or it is a form key in a pane the hidden
    /// screen covers (a half-filled form is kept, but nothing is saved
    /// that the person cannot see).
    fn waits_while_hidden(&self, action: Action) -> bool {
        if !self.privacy || self.popups.top().is_some() {
            return false;
        }
        keymap::touches_caller_data(action)
            || (self.pane_hidden() && self.current().owns(action) && self.is_typing())
    }

    /// The calm answer to a key that waits while caller data is hidden.
    fn say_hidden(&mut self) {
        self.flash = Some(Flash {
            text: crate::i18n::shell::HIDDEN_WAIT.get(self.lang).to_string(),
            error: false,
        });
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

    fn key(&mut self, ev: KeyEvent) {
        if ev.kind == KeyEventKind::Release {
            return;
        }
        self.last_input = self.now;
        if let Some(b) = keymap::lookup(&self.scopes(), &ev) {
            if self.waits_while_hidden(b.action) {
                self.say_hidden();
            } else if self.is_enabled(b.action) {
                self.act(b.action);
            } else if let Some(why) = self.current().why_disabled(b.action) {
                self.flash = Some(Flash {
                    text: why.get(self.lang).to_string(),
                    error: true,
                });
            }
            return;
        }
        if self.popups.top().is_none() && self.is_typing() && self.pane_hidden() {
            self.say_hidden();
        } else if self.popups.top().is_some() || self.is_typing() {
            self.text_in(TextIn::Key(ev));
        }
    }

    /// Text (a key no binding claimed, or a paste) into the overlay on top
    /// if there is one (only it takes text), else the pane on screen.
    fn text_in(&mut self, input: TextIn) {
        let lang = self.lang;
        let effect = match self.popups.top_mut() {
            Some(popup) => popup.text_in(input, lang),
            None => {
                self.flash = None;
                let (pane, mut env) = self.active();
                match input {
                    TextIn::Key(ev) => pane.on_text_key(ev, &mut env),
                    TextIn::Paste(text) => pane.on_paste(text, &mut env),
                }
            }
        };
        self.apply(effect);
    }

    /// Whether typed text goes into a text field now (and not to commands).
    pub fn takes_text(&self) -> bool {
        self.scopes().contains(&Scope::Typing)
    }

    /// Pasted text (one bracketed paste, or keys that arrived as a burst)
    /// goes into the field being typed in, at once; anywhere else it does
    /// nothing but say so: a paste never runs a command.
    fn paste(&mut self, text: &str) {
        self.last_input = self.now;
        if self.popups.top().is_none() && self.pane_hidden() && self.takes_text() {
            self.say_hidden();
            return;
        }
        if !self.takes_text() {
            self.flash = Some(Flash {
                text: crate::i18n::shell::PASTE_NOT_HERE
                    .get(self.lang)
                    .to_string(),
                error: false,
            });
            return;
        }
        self.text_in(TextIn::Paste(text));
    }

    /// Carries out an action from the key table.
    fn act(&mut self, action: Action) {
        self.flash = None;
        // Help and the quit question take only their own actions; the
        // welcome and the who-is-on-duty question let global keys through
        // (their scopes decide which).
        let top = self.popups.top_kind();
        match (top, action) {
            (_, Action::TogglePrivacy) => self.privacy = !self.privacy,
            (Some(PopupKind::Help), Action::Back) => {
                self.popups.pop();
            }
            (
                Some(PopupKind::Help),
                Action::Down
                | Action::Up
                | Action::PageUp
                | Action::PageDown
                | Action::Home
                | Action::End,
            ) => self.scroll_help(action),
            (Some(PopupKind::ConfirmQuit), Action::Yes) => self.quit = true,
            (Some(PopupKind::ConfirmQuit), Action::No) => {
                self.popups.pop();
            }
            (Some(PopupKind::Help | PopupKind::ConfirmQuit), _) => {}
            (_, Action::Quit | Action::ForceQuit) => {
                if self.has_unsaved_input() {
                    self.popups.push(Popup::ConfirmQuit);
                } else {
                    self.quit = true;
                }
            }
            (_, Action::WhoSave) => self.save_who(),
            (_, Action::WhoChange) => {
                if self.duty_locked {
                    self.flash = Some(Flash {
                        text: crate::i18n::log::WHO_LOCKED.get(self.lang).to_string(),
                        error: true,
                    });
                } else {
                    self.ask_who(self.on_duty.clone());
                }
            }
            (Some(PopupKind::Who), Action::Back) => {
                self.popups.pop();
            }
            (Some(PopupKind::Who), Action::Up | Action::Down) => {
                if let Some(Popup::Who(who)) = self.popups.top_mut() {
                    who.pick(action == Action::Down);
                }
            }
            (_, Action::Welcome(a)) => self.welcome_action(a),
            (Some(PopupKind::Welcome), Action::Form(f)) => {
                self.welcome_action(super::welcome::Act::Form(f))
            }
            (Some(_), Action::Form(_)) => {}
            (_, Action::Help) => self.popups.push(Popup::Help { scroll: 0 }),
            (_, Action::NextPane) => {
                self.goto(Pane::ALL[(self.pane.index() + 1) % Pane::ALL.len()])
            }
            (_, Action::PrevPane) => {
                self.goto(Pane::ALL[(self.pane.index() + Pane::ALL.len() - 1) % Pane::ALL.len()])
            }
            (_, Action::GoQueue) => self.goto(Pane::Queue),
            (_, Action::GoDirectory) => self.goto(Pane::Directory),
            (_, Action::GoLog) => self.goto(Pane::Log),
            (_, Action::GoStats) => self.goto(Pane::Stats),
            (
                _,
                a @ (Action::Up
                | Action::Down
                | Action::PageUp
                | Action::PageDown
                | Action::Home
                | Action::End),
            ) => {
                let (pane, mut env) = self.active();
                let effect = pane.navigate(a, &mut env);
                self.apply(effect);
            }
            // The pane on screen's own actions and form keys (anything
            // else, e.g. a stray Back, is no pane's and does nothing).
            (_, a) => {
                let (pane, mut env) = self.active();
                let effect = pane.update(a, &mut env);
                self.apply(effect);
            }
        }
    }

    /// What the person meets when the app opens, in this order: on a new
    /// database the welcome, and over it "who is on duty?" unless `as_name`
    /// (`--as`, a forced command on a shared server) already says, fixed
    /// for the session. The question comes first and alone, so a change
    /// to the opening hours in the welcome is recorded under a name;
    /// nothing is prefilled, since on a shared machine the last name is
    /// someone else's (the names recently on duty are offered to pick).
    pub fn open(&mut self, as_name: Option<&str>) {
        // Before a shift is started: a new database has no work yet.
        self.show_welcome_if_new();
        match as_name {
            Some(name) => self.set_on_duty(name, true),
            None => self.ask_who(None),
        }
    }

    /// Moves the help's text, never past its last line at this size (a
    /// movement that is not one keeps it within the text, after a resize).
    fn scroll_help(&mut self, action: Action) {
        use super::view::help;
        let height = self.size.1;
        let (max, page) = (help::max_scroll(self, height), help::window(self, height));
        if let Some(Popup::Help { scroll }) = self.popups.top_mut() {
            *scroll = help::scrolled(*scroll, action, max, page);
        }
    }

    /// Shows the welcome if the database holds no work yet.
    pub fn show_welcome_if_new(&mut self) {
        if let Ok(false) = crate::demo::has_data(&self.store) {
            self.popups
                .push(Popup::Welcome(super::welcome::Welcome::default()));
        }
    }

    fn welcome_action(&mut self, act: super::welcome::Act) {
        use super::welcome::{Act, Welcome};
        let Some(Popup::Welcome(w)) = self.popups.top_mut() else {
            return;
        };
        match act {
            Act::Close => {
                self.popups.remove(PopupKind::Welcome);
            }
            Act::EditHours => w.form = Some(Welcome::hours_form(&self.calendar, self.lang)),
            Act::Form(FormAct::Cancel) => {
                if let Some(f) = &mut w.form
                    && let Some(again) = f.cancel(self.lang)
                {
                    self.flash = Some(Flash {
                        text: again,
                        error: true,
                    });
                    return;
                }
                w.form = None;
            }
            Act::Form(FormAct::NextField) => {
                if let Some(f) = &mut w.form {
                    f.next();
                }
            }
            Act::Form(FormAct::PrevField) => {
                if let Some(f) = &mut w.form {
                    f.prev();
                }
            }
            Act::Form(FormAct::Save) => {
                let Some(form) = &mut w.form else {
                    return;
                };
                let Some(hours) = Welcome::read_form(form, self.lang) else {
                    return;
                };
                let actor = self.on_duty.clone().unwrap_or_else(|| UNKNOWN_ACTOR.into());
                for (wd, h) in super::welcome::WEEKDAYS.iter().zip(hours) {
                    if let Err(e) = self.store.set_hours(*wd, h, &actor, self.now) {
                        self.flash = Some(Flash {
                            text: crate::error::AppError::Db {
                                path: self.store.path().to_path_buf(),
                                err: e,
                            }
                            .message(self.lang),
                            error: true,
                        });
                        return;
                    }
                }
                w.form = None;
                self.flash = Some(Flash {
                    text: crate::i18n::shell::HOURS_SAVED.get(self.lang).to_string(),
                    error: false,
                });
                self.reload();
            }
        }
    }

    /// Opens the "who is on duty?" question, prefilled with `name` (only
    /// ever the current person's own), with the names recently on duty
    /// to pick from.
    pub fn ask_who(&mut self, name: Option<String>) {
        let recent = self
            .store
            .recent_duty_names(super::who::RECENT)
            .map_err(|err| {
                crate::error::AppError::Db {
                    path: self.store.path().to_path_buf(),
                    err,
                }
                .message(self.lang)
            });
        self.popups.push(Popup::Who(Box::new(super::who::Who::new(
            name.as_deref(),
            recent,
        ))));
    }

    /// Sets who is on duty without asking (from `--as`), and starts or
    /// resumes their shift.
    pub fn set_on_duty(&mut self, name: &str, locked: bool) {
        self.duty_locked = locked;
        self.on_duty = Some(name.to_string());
        let _ = self.store.start_shift(name, self.now);
        self.reload();
    }

    fn save_who(&mut self) {
        let lang = self.lang;
        let Some(Popup::Who(who)) = self.popups.top_mut() else {
            return;
        };
        let name = match crate::domain::name::DutyName::parse(&who.field.text()) {
            Ok(n) => n.into_string(),
            Err(e) => {
                // Said in the question itself, next to the name; gone
                // once the name is changed.
                who.error = Some(match e {
                    crate::domain::name::NameError::Empty => {
                        crate::i18n::log::WHO_EMPTY.get(lang).to_string()
                    }
                    e => crate::i18n::rules::name_error(&e, lang),
                });
                return;
            }
        };
        self.popups.remove(PopupKind::Who);
        match self.store.start_shift(&name, self.now) {
            Ok(_) => {
                self.flash = Some(Flash {
                    text: crate::i18n::log::SHIFT_STARTED.fill(self.lang, &[("name", &name)]),
                    error: false,
                })
            }
            Err(e) => {
                self.flash = Some(Flash {
                    text: crate::error::AppError::Db {
                        path: self.store.path().to_path_buf(),
                        err: e,
                    }
                    .message(self.lang),
                    error: true,
                })
            }
        }
        self.on_duty = Some(name);
        self.reload();
    }

    /// The terminal's size changed: panes load as many rows as now fit.
    fn resized(&mut self, width: u16, height: u16) {
        self.size = (width, height);
        // Help open: kept within its text at the new height.
        self.scroll_help(Action::Back);
        let (queue, log) = (
            super::view::queue::list_rows(height),
            super::view::log::list_rows(height),
        );
        let dir = super::view::directory::list_rows(height);
        self.directory.list.set_page(dir);
        if (queue, log) != (self.queue.page(), self.log.page()) {
            self.queue.set_page(queue);
            self.log.set_page(log);
            self.refresh_pane();
        }
    }

    fn goto(&mut self, pane: Pane) {
        self.pane = pane;
        self.refresh_pane();
    }

    /// Applies what a pane asked for.
    fn apply(&mut self, effect: Effect) {
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
    fn clock(&mut self, now: DateTime<Utc>) {
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
    fn db_changed(&mut self) {
        let Ok(v) = self.store.data_version() else {
            return;
        };
        if v != self.data_version {
            self.data_version = v;
            self.reload();
        }
    }

    /// Re-reads settings and what the panes show.
    fn reload(&mut self) {
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
    fn refresh_pane(&mut self) {
        let (pane, mut env) = self.active();
        pane.reload(&mut env);
    }

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
