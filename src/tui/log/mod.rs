//! The shift log pane: the append-only duty book, newest first, a page at
//! a time; filters, pins and releasing an escalation; and, as modes of the
//! pane, the note editor (`editor.rs`), the search (`search.rs`), and
//! ending the shift and the handover review with its acknowledgement
//! (`review.rs`). Its keys are in `keys.rs`.
//!
//! It opens at the newest note (`Home`); `End` goes to the oldest. Paging
//! is the shared pager's (`pager.rs`) over the notes read by keyset
//! (`notes.rs`).

mod editor;
mod keys;
mod notes;
mod review;
mod search;

use chrono::{Duration, NaiveDate};
use ratatui::crossterm::event::KeyEvent;

use super::app::{Effect, Env};
use super::component::Component;
use super::fault::ReadFault;
use super::input::{Edit, Field};
use super::keymap::{Action, Scope};
use super::pager::{Move, Pager};
use crate::i18n::log as m;
use crate::report::ReportLine;
use crate::store::StoreError;
use crate::store::log::{Note, NoteFilter};

pub use editor::Editor;
pub use keys::{Act, BINDINGS};
pub use notes::LogKey;
use notes::{Notes, day_key};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Question {
    Release(i64),
    EndShift,
}

#[derive(Debug, Clone)]
pub enum Mode {
    List,
    Editor(Box<Editor>),
    Search(Box<Field>),
    Review {
        lines: Vec<ReportLine>,
        scroll: u16,
        /// A handover waits to be acknowledged (else `k` has nothing to do).
        waiting: bool,
    },
    Ack {
        field: Box<Field>,
        lines: Vec<ReportLine>,
        scroll: u16,
    },
    Confirm(Question),
}

pub struct LogState {
    pub mode: Mode,
    pub filter: NoteFilter,
    pub search: Option<String>,
    /// The notes on screen, newest first, and the selected one.
    pub list: Pager<Note, LogKey>,
    /// A read that failed: shown instead of the notes.
    pub fault: ReadFault,
}

impl Default for LogState {
    fn default() -> Self {
        LogState {
            mode: Mode::List,
            filter: NoteFilter::All,
            search: None,
            list: Pager::default(),
            fault: ReadFault::default(),
        }
    }
}

/// The longest note the editor accepts.
pub const MAX_NOTE: usize = crate::domain::note::MAX_CHARS;

impl LogState {
    pub fn selected_note(&self) -> Option<&Note> {
        self.list.selected()
    }

    /// The notes on screen, newest first.
    pub fn rows(&self) -> &[Note] {
        self.list.rows()
    }

    /// How many notes fit on screen.
    pub fn page(&self) -> usize {
        self.list.page()
    }

    pub fn set_page(&mut self, rows: usize) {
        self.list.set_page(rows);
    }

    /// Reads the page around the selected note again; a failure is shown
    /// instead of the notes until a read works.
    fn fetch(&mut self, env: &mut Env) {
        let r = self
            .list
            .reload(&mut Notes::of(self.filter, self.search.as_deref(), env));
        self.done(r, env);
    }

    /// Shows the notes from `key` on, the first of them selected (`None`:
    /// the newest).
    fn seek(&mut self, env: &mut Env, key: Option<LogKey>) {
        let r = match key {
            Some(key) => self.list.seek(
                &mut Notes::of(self.filter, self.search.as_deref(), env),
                &key,
            ),
            None => {
                self.list.reset();
                self.list
                    .reload(&mut Notes::of(self.filter, self.search.as_deref(), env))
            }
        };
        self.done(r, env);
    }

    fn done(&mut self, r: Result<(), StoreError>, env: &Env) {
        match r {
            Ok(()) => self.fault = ReadFault::default(),
            Err(e) => self.read_failed(&e, env),
        }
    }

    /// Records a failed read and drops the rows, so no action works on
    /// notes the screen no longer shows.
    fn read_failed(&mut self, e: &StoreError, env: &Env) {
        self.fault.fail(e, env);
        self.list.clear();
    }

    /// One movement in the list; reads a page when it leaves the one shown.
    fn step(&mut self, action: Action, env: &mut Env) -> Result<(), StoreError> {
        let Some(mv) = Move::of(action) else {
            return Ok(());
        };
        self.list
            .step(&mut Notes::of(self.filter, self.search.as_deref(), env), mv)
    }

    fn selected_day(&self, env: &Env) -> NaiveDate {
        self.selected_note()
            .map(|n| env.calendar.local_date(n.at))
            .unwrap_or_else(|| env.calendar.local_date(env.now))
    }

    /// Pins the selected note, or unpins it.
    fn toggle_pin(&mut self, env: &mut Env) -> Effect {
        let Some(id) = self.selected_note().map(|n| n.id) else {
            return Effect::None;
        };
        match env.store.toggle_pin(id, env.actor, env.now) {
            Ok(pinned) => {
                self.fetch(env);
                Effect::Saved(
                    if pinned { m::PINNED } else { m::UNPINNED }
                        .get(env.lang)
                        .to_string(),
                )
            }
            Err(e) => Effect::Error(crate::tui::queue::store_error(&e, env)),
        }
    }

    /// The answer to the question asked.
    fn answer_yes(&mut self, env: &mut Env) -> Effect {
        let Mode::Confirm(q) = self.mode else {
            return Effect::None;
        };
        self.mode = Mode::List;
        match q {
            Question::Release(id) => match env.store.release_escalation(id, env.actor, env.now) {
                Ok(()) => {
                    self.fetch(env);
                    Effect::Saved(m::RELEASED.get(env.lang).to_string())
                }
                Err(e) => Effect::Error(crate::tui::queue::store_error(&e, env)),
            },
            Question::EndShift => self.end_shift(env),
        }
    }

    /// Esc: asks before dropping a note typed, leaves the search showing
    /// every note, and goes back from the acknowledgement to the review;
    /// anything else closes to the list.
    fn cancel(&mut self, env: &mut Env) -> Effect {
        match &mut self.mode {
            Mode::Editor(ed) => match ed.leave(env.lang) {
                Some(again) => Effect::Error(again),
                None => {
                    self.mode = Mode::List;
                    Effect::None
                }
            },
            Mode::Search(_) => {
                self.mode = Mode::List;
                self.clear_search(env);
                Effect::None
            }
            Mode::Ack { .. } => {
                self.back_to_review();
                Effect::None
            }
            _ => {
                self.mode = Mode::List;
                Effect::None
            }
        }
    }
}

/// The filter after `f`, round: all, handover, escalation, pinned.
fn next_filter(f: NoteFilter) -> NoteFilter {
    match f {
        NoteFilter::All => NoteFilter::Handover,
        NoteFilter::Handover => NoteFilter::Escalation,
        NoteFilter::Escalation => NoteFilter::Pinned,
        NoteFilter::Pinned => NoteFilter::All,
    }
}

impl Component for LogState {
    type Act = Act;

    fn act(action: Action) -> Option<Act> {
        match action {
            Action::Log(a) => Some(a),
            _ => None,
        }
    }

    fn scope(&self) -> Scope {
        match self.mode {
            Mode::List => Scope::Log,
            Mode::Editor(_) => Scope::LogEditor,
            Mode::Search(_) => Scope::LogSearch,
            Mode::Review { .. } => Scope::LogReview,
            Mode::Ack { .. } => Scope::LogPrompt,
            Mode::Confirm(_) => Scope::LogConfirm,
        }
    }

    fn is_typing(&self) -> bool {
        matches!(
            self.mode,
            Mode::Editor(_)
                | Mode::Search(_)
                | Mode::Ack { .. }
                | Mode::Review { .. }
                | Mode::Confirm(_)
        )
    }

    fn has_unsaved_input(&self) -> bool {
        match &self.mode {
            Mode::Editor(ed) => ed.text.is_dirty(),
            _ => false,
        }
    }

    fn is_enabled(&self, act: Act) -> bool {
        let note = self.selected_note();
        match act {
            Act::Amend | Act::Pin => note.is_some_and(|n| !n.purged),
            Act::Release => note.is_some_and(Note::open_escalation),
            Act::ClearSearch => self.search.is_some(),
            Act::Acknowledge => matches!(self.mode, Mode::Review { waiting: true, .. }),
            _ => true,
        }
    }

    fn why_disabled(&self, act: Act) -> Option<crate::i18n::Msg> {
        (act == Act::Acknowledge).then_some(m::ACK_NONE)
    }

    fn update(&mut self, act: Act, env: &mut Env) -> Effect {
        match act {
            Act::NewNote | Act::Amend => {
                let amended = (act == Act::Amend).then(|| self.selected_note()).flatten();
                self.mode = Mode::Editor(Box::new(Editor::new(amended)));
                Effect::None
            }
            Act::Pin => self.toggle_pin(env),
            Act::Filter => {
                self.filter = next_filter(self.filter);
                self.list.reset();
                self.fetch(env);
                Effect::None
            }
            Act::Search => {
                self.open_search();
                Effect::None
            }
            Act::Release => match self.selected_note() {
                Some(n) if n.open_escalation() => {
                    self.mode = Mode::Confirm(Question::Release(n.id));
                    Effect::None
                }
                _ => Effect::Error(m::NOT_ESCALATION.get(env.lang).to_string()),
            },
            Act::EndShift => {
                self.mode = Mode::Confirm(Question::EndShift);
                Effect::None
            }
            Act::Review => self.open_review(env),
            Act::PrevDay => {
                let day = self.selected_day(env);
                let key = day_key(env, day);
                self.seek(env, Some(key));
                Effect::None
            }
            Act::NextDay => {
                let day = self.selected_day(env) + Duration::days(2);
                let today = env.calendar.local_date(env.now);
                let key = (day <= today + Duration::days(1)).then(|| day_key(env, day));
                self.seek(env, key);
                Effect::None
            }
            Act::Today => {
                self.list.reset();
                self.fetch(env);
                Effect::None
            }
            Act::SwitchFocus => {
                if let Mode::Editor(ed) = &mut self.mode {
                    ed.on_marks = !ed.on_marks;
                }
                Effect::None
            }
            Act::Save => match &self.mode {
                Mode::Editor(_) => self.save_note(env),
                Mode::Search(_) => {
                    self.keep_search();
                    Effect::None
                }
                Mode::Ack { .. } => self.acknowledge(env),
                _ => Effect::None,
            },
            Act::Cancel => self.cancel(env),
            Act::Acknowledge => self.ask_acknowledge(env),
            Act::Yes => self.answer_yes(env),
            Act::No => {
                self.mode = Mode::List;
                Effect::None
            }
            Act::ClearSearch => {
                self.clear_search(env);
                Effect::None
            }
        }
    }

    fn navigate(&mut self, action: Action, env: &mut Env) -> Effect {
        if self.scroll_review(action) || !matches!(self.mode, Mode::List) {
            return Effect::None;
        }
        if self.fault.is_set() {
            // After a failed read a movement key tries again.
            self.fetch(env);
        } else if let Err(e) = self.step(action, env) {
            self.read_failed(&e, env);
        }
        Effect::None
    }

    fn on_text_key(&mut self, ev: KeyEvent, env: &mut Env) -> Effect {
        match &mut self.mode {
            Mode::Editor(ed) => ed.key(ev, env.selected_callback, env.lang),
            Mode::Search(field) => {
                if field.key(ev) == Edit::Changed {
                    self.search_changed(env);
                }
                Effect::None
            }
            // The name is the person on duty's: nothing to type.
            Mode::Ack { .. } => Effect::None,
            _ => Effect::None,
        }
    }

    fn on_paste(&mut self, text: &str, env: &mut Env) -> Effect {
        let lang = env.lang;
        let (field, search) = match &mut self.mode {
            Mode::Editor(ed) if !ed.on_marks => (&mut ed.text, false),
            Mode::Search(f) => (&mut **f, true),
            _ => return Effect::None,
        };
        let edit = field.paste(text);
        let said = super::input::pasted(edit, field.max_chars(), lang);
        // A pasted word searches as a typed one does.
        if search && edit != Edit::Unchanged {
            self.search_changed(env);
        }
        said
    }

    fn reload(&mut self, env: &mut Env) {
        self.fetch(env);
    }
}
