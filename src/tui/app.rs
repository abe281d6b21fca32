//! The app's state and the one place it changes (`update`). Drawing only
//! reads it, so tests can drive the app with key events and read the
//! rendered buffer without a terminal.
//!
//! Each pane is a small component (`queue`, `directory`, `log`) with its own
//! state, actions and key table; the app routes keys and actions to the
//! pane on screen and applies what the pane asks for (an [`Effect`]).
//!
//! Over 500 lines because dispatch to the panes is still a `match` per
//! entry point; it shrinks when panes register behind one interface (see
//! docs/architecture.md, "Not yet as it should be").

use chrono::{DateTime, Utc};
use ratatui::crossterm::event::{KeyEvent, KeyEventKind};

use super::component::Component;
use super::fault::ReadFault;
use super::form::FormAct;
use super::input::Field;
use super::keymap::{self, Action, Scope};
use super::popup::{Popup, PopupKind, PopupStack};
use super::theme::Theme;
use super::{directory::DirectoryState, log::LogState, queue::QueueState, stats::StatsState};
use crate::calendar::CalendarSettings;
use crate::config::Config;
use crate::i18n::Lang;
use crate::store::Store;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pane {
    Callbacks,
    Directory,
    Log,
    Stats,
}

impl Pane {
    pub const ALL: [Pane; 4] = [Pane::Callbacks, Pane::Directory, Pane::Log, Pane::Stats];

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

pub struct App {
    pub lang: Lang,
    pub theme: Theme,
    pub store: Store,
    pub config: Config,
    pub calendar: CalendarSettings,
    pub now: DateTime<Utc>,
    pub on_duty: Option<String>,
    pub pane: Pane,
    /// Overlays (welcome, who is on duty, help, the quit question): only
    /// the top one is drawn and takes keys.
    popups: PopupStack,
    /// All caller data blanked from the screen.
    pub privacy: bool,
    pub flash: Option<Flash>,
    pub quit: bool,
    pub queue: QueueState,
    pub directory: DirectoryState,
    pub log: LogState,
    pub stats: StatsState,
    /// Text waiting to be sent to the terminal's clipboard.
    pub clipboard: Option<String>,
    /// Who is on duty was fixed at start (`--as`) and cannot change here.
    pub duty_locked: bool,
    /// Where the name of the person on duty is remembered on this machine.
    pub remember_path: Option<std::path::PathBuf>,
    /// A handover nobody has acknowledged yet (shown as a banner).
    pub pending_handover: Option<crate::store::log::Handover>,
    /// A failed read of what the whole screen uses (settings, the
    /// handover waiting): shown in the banner line.
    pub fault: ReadFault,
    /// When a key was last pressed (the screen hides caller data after
    /// `[privacy] idle_minutes` without one).
    pub last_input: DateTime<Utc>,
    /// A full start-up check still running in the background (large files);
    /// sends whether the file is intact.
    pub background_check: Option<std::sync::mpsc::Receiver<bool>>,
    /// Today's backup being written in the background; sends sentences
    /// for the person if it failed.
    pub background_backup: Option<crate::commands::privacy::BackupJob>,
    /// Voicemail e-mails that could not be read (shown in the top line).
    pub intake_failures: u64,
    data_version: i64,
    /// Set when something outside a key press changed what is on screen.
    redraw: bool,
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
            pane: Pane::Callbacks,
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
            remember_path: None,
            pending_handover: None,
            fault: ReadFault::default(),
            last_input: now,
            background_check: None,
            background_backup: None,
            intake_failures: 0,
            data_version,
            redraw: false,
        };
        app.reload();
        Ok(app)
    }

    /// Splits the app into the pane states and what they may use.
    fn parts(&mut self) -> (Env<'_>, &mut QueueState, &mut DirectoryState, &mut LogState) {
        let env = Env {
            store: &mut self.store,
            calendar: &self.calendar,
            config: &self.config,
            now: self.now,
            lang: self.lang,
            actor: self.on_duty.as_deref().unwrap_or(UNKNOWN_ACTOR),
            selected_callback: self.queue.selected_item().filter(|i| i.open).map(|i| i.id),
        };
        (env, &mut self.queue, &mut self.directory, &mut self.log)
    }

    /// Like [`App::parts`], for the statistics pane.
    fn stats_parts(&mut self) -> (Env<'_>, &mut StatsState) {
        let env = Env {
            store: &mut self.store,
            calendar: &self.calendar,
            config: &self.config,
            now: self.now,
            lang: self.lang,
            actor: self.on_duty.as_deref().unwrap_or(UNKNOWN_ACTOR),
            selected_callback: self.queue.selected_item().filter(|i| i.open).map(|i| i.id),
        };
        (env, &mut self.stats)
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
        let pane = match self.pane {
            Pane::Callbacks => self.queue.scope(),
            Pane::Directory => self.directory.scope(),
            Pane::Log => self.log.scope(),
            Pane::Stats => self.stats.scope(),
        };
        if self.is_typing() {
            vec![pane, Scope::Typing]
        } else {
            vec![pane, Scope::Global]
        }
    }

    /// Whether a text field on screen takes the keys.
    pub fn is_typing(&self) -> bool {
        match self.pane {
            Pane::Callbacks => self.queue.is_typing(),
            Pane::Directory => self.directory.is_typing(),
            Pane::Log => self.log.is_typing(),
            Pane::Stats => self.stats.is_typing(),
        }
    }

    /// Whether typed text would be lost by quitting now.
    pub fn has_unsaved_input(&self) -> bool {
        self.queue.has_unsaved_input()
            || self.directory.has_unsaved_input()
            || self.log.has_unsaved_input()
    }

    /// Whether an action can be used in the current state (unavailable
    /// keys are greyed in the footer, not hidden).
    pub fn is_enabled(&self, action: Action) -> bool {
        match action {
            Action::Queue(a) => self.queue.is_enabled(a),
            Action::Dir(a) => self.directory.is_enabled(a),
            Action::Log(a) => self.log.is_enabled(a),
            Action::Stats(a) => self.stats.is_enabled(a),
            Action::Form(f) => self.form_target(f).is_some_and(|a| self.is_enabled(a)),
            _ => true,
        }
    }

    /// The form a form key is for: the welcome's opening hours when on
    /// top, else the form of the pane on screen.
    fn form_target(&self, f: FormAct) -> Option<Action> {
        use super::welcome::Act as W;
        use super::{directory::Act as D, queue::Act as Q};
        match (self.popups.top_kind(), self.pane) {
            (Some(PopupKind::Welcome), _) => Some(Action::Welcome(W::Form(f))),
            (Some(_), _) => None,
            (None, Pane::Callbacks) => Some(Action::Queue(Q::Form(f))),
            (None, Pane::Directory) => Some(Action::Dir(D::Form(f))),
            (None, Pane::Log | Pane::Stats) => None,
        }
    }

    pub fn on_key(&mut self, ev: KeyEvent) {
        if ev.kind == KeyEventKind::Release {
            return;
        }
        self.last_input = self.now;
        if let Some(b) = keymap::lookup(&self.scopes(), &ev) {
            if self.is_enabled(b.action) {
                self.update(b.action);
            }
            return;
        }
        // Only the overlay on top takes keys.
        match self.popups.top_mut() {
            Some(Popup::Who(field)) => {
                field.key(ev);
                return;
            }
            Some(Popup::Welcome(w)) => {
                if let Some(form) = &mut w.form {
                    form.key(ev);
                }
                return;
            }
            Some(_) => return,
            None => {}
        }
        if self.is_typing() {
            self.flash = None;
            let pane = self.pane;
            let (mut env, queue, directory, log) = self.parts();
            let effect = match pane {
                Pane::Callbacks => queue.on_text_key(ev, &mut env),
                Pane::Directory => directory.on_text_key(ev, &mut env),
                Pane::Log => log.on_text_key(ev, &mut env),
                // The statistics pane has no text fields.
                Pane::Stats => Effect::None,
            };
            self.apply(effect);
        }
    }

    /// Whether typed text goes into a text field now (and not to commands).
    pub fn takes_text(&self) -> bool {
        self.scopes().contains(&Scope::Typing)
    }

    /// Pasted text (one bracketed paste, or keys that arrived as a burst)
    /// goes into the field being typed in, at once; anywhere else it does
    /// nothing but say so: a paste never runs a command.
    pub fn on_paste(&mut self, text: &str) {
        self.last_input = self.now;
        if !self.takes_text() {
            self.flash = Some(Flash {
                text: crate::i18n::shell::PASTE_NOT_HERE
                    .get(self.lang)
                    .to_string(),
                error: false,
            });
            return;
        }
        // Only the overlay on top takes the paste.
        let lang = self.lang;
        let effect = match self.popups.top_mut() {
            Some(Popup::Who(field)) => Some(super::input::pasted(
                field.paste(text),
                field.max_chars(),
                lang,
            )),
            Some(Popup::Welcome(w)) => Some(match &mut w.form {
                Some(form) => {
                    let max = form.focused_max_chars().unwrap_or(0);
                    super::input::pasted(form.paste(text), max, lang)
                }
                None => Effect::None,
            }),
            Some(_) => Some(Effect::None),
            None => None,
        };
        if let Some(effect) = effect {
            self.apply(effect);
            return;
        }
        self.flash = None;
        let pane = self.pane;
        let (mut env, queue, directory, log) = self.parts();
        let effect = match pane {
            Pane::Callbacks => queue.on_paste(text, &mut env),
            Pane::Directory => directory.on_paste(text, &mut env),
            Pane::Log => log.on_paste(text, &mut env),
            Pane::Stats => Effect::None,
        };
        self.apply(effect);
    }

    pub fn update(&mut self, action: Action) {
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
            (Some(PopupKind::Help), Action::Down | Action::Up) => {
                if let Some(Popup::Help { scroll }) = self.popups.top_mut() {
                    *scroll = if action == Action::Down {
                        scroll.saturating_add(1)
                    } else {
                        scroll.saturating_sub(1)
                    };
                }
            }
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
            (_, Action::Welcome(a)) => self.welcome_action(a),
            (_, Action::Form(f)) => {
                if let Some(a) = self.form_target(f) {
                    self.update(a);
                }
            }
            (_, Action::Help) => self.popups.push(Popup::Help { scroll: 0 }),
            (_, Action::NextPane) => {
                self.goto(Pane::ALL[(self.pane.index() + 1) % Pane::ALL.len()])
            }
            (_, Action::PrevPane) => {
                self.goto(Pane::ALL[(self.pane.index() + Pane::ALL.len() - 1) % Pane::ALL.len()])
            }
            (_, Action::GoCallbacks) => self.goto(Pane::Callbacks),
            (_, Action::GoDirectory) => self.goto(Pane::Directory),
            (_, Action::GoLog) => self.goto(Pane::Log),
            (_, Action::GoStats) => self.goto(Pane::Stats),
            (_, Action::Stats(a)) => {
                let (mut env, stats) = self.stats_parts();
                let effect = stats.update(a, &mut env);
                self.apply(effect);
            }
            (_, Action::Queue(a)) => {
                let (mut env, queue, _, _) = self.parts();
                let effect = queue.update(a, &mut env);
                self.apply(effect);
            }
            (_, Action::Dir(a)) => {
                let (mut env, _, directory, _) = self.parts();
                let effect = directory.update(a, &mut env);
                self.apply(effect);
            }
            (_, Action::Log(a)) => {
                let (mut env, _, _, log) = self.parts();
                let effect = log.update(a, &mut env);
                self.apply(effect);
            }
            (
                _,
                a @ (Action::Up
                | Action::Down
                | Action::PageUp
                | Action::PageDown
                | Action::Home
                | Action::End),
            ) if self.pane == Pane::Stats => {
                let (mut env, stats) = self.stats_parts();
                let effect = stats.navigate(a, &mut env);
                self.apply(effect);
            }
            (
                _,
                a @ (Action::Up
                | Action::Down
                | Action::PageUp
                | Action::PageDown
                | Action::Home
                | Action::End),
            ) => {
                let pane = self.pane;
                let (mut env, queue, directory, log) = self.parts();
                let effect = match pane {
                    Pane::Callbacks => queue.navigate(a, &mut env),
                    Pane::Directory => directory.navigate(a, &mut env),
                    Pane::Log => log.navigate(a, &mut env),
                    Pane::Stats => Effect::None,
                };
                self.apply(effect);
            }
            (_, Action::Back | Action::Yes | Action::No) => {}
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

    /// Opens the "who is on duty?" question, prefilled with `name`.
    pub fn ask_who(&mut self, name: Option<String>) {
        self.popups.push(Popup::Who(Box::new(
            Field::single(crate::domain::name::MAX_CHARS).with_text(name.as_deref().unwrap_or("")),
        )));
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
        let Some(Popup::Who(field)) = self.popups.top() else {
            return;
        };
        let name = match crate::domain::name::DutyName::parse(&field.text()) {
            Ok(n) => n.into_string(),
            Err(e) => {
                let text = match e {
                    crate::domain::name::NameError::Empty => {
                        crate::i18n::log::WHO_EMPTY.get(self.lang).to_string()
                    }
                    e => crate::i18n::rules::name_error(&e, self.lang),
                };
                self.flash = Some(Flash { text, error: true });
                return;
            }
        };
        if let Some(path) = &self.remember_path {
            // Best effort: forgetting the name next time is harmless.
            if let Some(dir) = path.parent() {
                let _ = std::fs::create_dir_all(dir);
            }
            let _ = std::fs::write(path, &name);
        }
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
    pub fn resize(&mut self, _width: u16, height: u16) {
        let (queue, log) = (
            super::view::queue::list_rows(height),
            super::view::log::list_rows(height),
        );
        if (queue, log) != (self.queue.page, self.log.page) {
            self.queue.page = queue;
            self.log.page = log;
            self.refresh_pane();
        }
    }

    fn goto(&mut self, pane: Pane) {
        self.pane = pane;
        self.refresh_pane();
    }

    /// Applies what a pane asked for.
    pub fn apply(&mut self, effect: Effect) {
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
    pub fn tick(&mut self, now: DateTime<Utc>) {
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
    pub fn poll_db(&mut self) {
        let Ok(v) = self.store.data_version() else {
            return;
        };
        if v != self.data_version {
            self.data_version = v;
            self.reload();
        }
    }

    /// Re-reads settings and what the panes show.
    pub fn reload(&mut self) {
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
        let pane = self.pane;
        let (mut env, queue, directory, log) = self.parts();
        match pane {
            Pane::Callbacks => queue.reload(&mut env),
            Pane::Directory => directory.reload(&mut env),
            Pane::Log => log.reload(&mut env),
            Pane::Stats => {
                let (mut env, stats) = self.stats_parts();
                stats.reload(&mut env);
            }
        }
    }

    /// Collects work finished off the interface thread. Returns whether
    /// the screen changed.
    pub fn poll_background(&mut self) -> bool {
        self.stats.poll()
    }

    /// Whether work is running off the interface thread.
    pub fn has_background_work(&self) -> bool {
        self.stats.computing()
    }

    /// Whether a reload since the last call needs a redraw.
    pub fn take_redraw(&mut self) -> bool {
        std::mem::take(&mut self.redraw)
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
            Popup::Who(field) => Some(field.text()),
            _ => None,
        })
    }

    /// The overlay on top, with its state (for drawing).
    pub fn top_popup(&self) -> Option<&Popup> {
        self.popups.top()
    }

    /// Takes text waiting for the clipboard.
    pub fn take_clipboard(&mut self) -> Option<String> {
        self.clipboard.take()
    }
}
