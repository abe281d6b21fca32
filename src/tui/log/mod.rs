//! The shift log pane: the append-only duty book, newest first, a page at
//! a time; the note editor; search and filters; ending the shift and the
//! handover review with its acknowledgement.
//!
//! It opens at the newest note (`Home`); `End` goes to the oldest. Paging
//! is the shared pager's (`pager.rs`). Over 500 lines because of the note
//! editor and the handover review; see docs/architecture.md, "Not yet as
//! it should be".

use chrono::{Duration, NaiveDate, NaiveTime};
use ratatui::crossterm::event::{KeyCode, KeyEvent};

use super::app::{Effect, Env};
use super::component::Component;
use super::fault::ReadFault;
use super::input::{Edit, Field};
use super::keymap::{Action, Binding, Scope, b, ch, ctrl, k};
use super::pager::{Move, Pager, Source};
use crate::handover;
use crate::i18n::log as m;
use crate::report::{self, ReportLine};
use crate::store::StoreError;
use crate::store::log::{Marks, NewNote, Note, NoteFilter, NoteKey};

/// A note's place in the pane: pinned notes first, then the rest; each
/// part newest first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LogKey {
    pub pinned: bool,
    pub note: NoteKey,
}
use crate::store::ts;

/// Actions of the shift log pane.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Act {
    NewNote,
    Amend,
    Pin,
    Filter,
    Search,
    Release,
    EndShift,
    Review,
    PrevDay,
    NextDay,
    Today,
    Save,
    Cancel,
    SwitchFocus,
    Acknowledge,
    Yes,
    No,
    /// Shows every note again after a search.
    ClearSearch,
}

const fn a(act: Act) -> Action {
    Action::Log(act)
}

pub const BINDINGS: &[Binding] = &[
    b(
        Scope::Log,
        &[ch('n', "n")],
        a(Act::NewNote),
        m::KEY_NEW,
        true,
    ),
    b(
        Scope::Log,
        &[ch('h', "h")],
        a(Act::Review),
        m::KEY_HANDOVER,
        true,
    ),
    b(
        Scope::Log,
        &[ch('s', "s")],
        a(Act::EndShift),
        m::KEY_END_SHIFT,
        true,
    ),
    b(
        Scope::Log,
        &[ch('r', "r")],
        a(Act::Amend),
        m::KEY_AMEND,
        false,
    ),
    b(Scope::Log, &[ch('p', "p")], a(Act::Pin), m::KEY_PIN, false),
    b(
        Scope::Log,
        &[ch('f', "f")],
        a(Act::Filter),
        m::KEY_FILTER,
        false,
    ),
    b(
        Scope::Log,
        &[ch('/', "/")],
        a(Act::Search),
        crate::i18n::shell::KEY_SEARCH,
        false,
    ),
    b(
        Scope::Log,
        &[ch('l', "l")],
        a(Act::Release),
        m::KEY_RELEASE,
        false,
    ),
    b(
        Scope::Log,
        &[k(KeyCode::Esc, "Esc")],
        a(Act::ClearSearch),
        m::KEY_CLEAR_SEARCH,
        false,
    ),
    b(
        Scope::Log,
        &[k(KeyCode::Left, "←")],
        a(Act::PrevDay),
        m::KEY_PREV_DAY,
        false,
    ),
    b(
        Scope::Log,
        &[k(KeyCode::Right, "→")],
        a(Act::NextDay),
        m::KEY_NEXT_DAY,
        false,
    ),
    b(
        Scope::Log,
        &[ch('t', "t")],
        a(Act::Today),
        m::KEY_TODAY,
        false,
    ),
    b(
        Scope::LogEditor,
        &[ctrl('s', "Ctrl-S")],
        a(Act::Save),
        crate::i18n::shell::KEY_SAVE,
        true,
    ),
    b(
        Scope::LogEditor,
        &[k(KeyCode::Tab, "Tab")],
        a(Act::SwitchFocus),
        crate::i18n::shell::KEY_NEXT_FIELD,
        true,
    ),
    b(
        Scope::LogEditor,
        &[k(KeyCode::Esc, "Esc")],
        a(Act::Cancel),
        crate::i18n::shell::KEY_CANCEL,
        true,
    ),
    b(
        Scope::LogSearch,
        &[k(KeyCode::Enter, "Enter")],
        a(Act::Save),
        crate::i18n::shell::KEY_SEARCH,
        true,
    ),
    b(
        Scope::LogSearch,
        &[k(KeyCode::Esc, "Esc")],
        a(Act::Cancel),
        crate::i18n::shell::KEY_CANCEL,
        true,
    ),
    b(
        Scope::LogReview,
        &[ch('k', "k")],
        a(Act::Acknowledge),
        m::KEY_ACK,
        true,
    ),
    b(
        Scope::LogReview,
        &[k(KeyCode::Up, "↑")],
        Action::Up,
        crate::i18n::shell::KEY_UP,
        false,
    ),
    b(
        Scope::LogReview,
        &[k(KeyCode::Down, "↓")],
        Action::Down,
        crate::i18n::shell::KEY_DOWN,
        false,
    ),
    b(
        Scope::LogReview,
        &[k(KeyCode::PageUp, "PgUp")],
        Action::PageUp,
        crate::i18n::shell::KEY_PAGE_UP,
        false,
    ),
    b(
        Scope::LogReview,
        &[k(KeyCode::PageDown, "PgDn")],
        Action::PageDown,
        crate::i18n::shell::KEY_PAGE_DOWN,
        false,
    ),
    b(
        Scope::LogReview,
        &[k(KeyCode::Esc, "Esc"), ch('q', "q")],
        a(Act::Cancel),
        crate::i18n::shell::KEY_BACK,
        true,
    ),
    b(
        Scope::LogPrompt,
        &[k(KeyCode::Enter, "Enter")],
        a(Act::Save),
        m::KEY_ACK,
        true,
    ),
    b(
        Scope::LogPrompt,
        &[k(KeyCode::Esc, "Esc")],
        a(Act::Cancel),
        crate::i18n::shell::KEY_CANCEL,
        true,
    ),
    b(
        Scope::LogConfirm,
        super::keymap::YES_KEYS,
        a(Act::Yes),
        crate::i18n::shell::KEY_YES,
        true,
    ),
    b(
        Scope::LogConfirm,
        super::keymap::NO_KEYS,
        a(Act::No),
        crate::i18n::shell::KEY_NO,
        true,
    ),
];

/// A note being written.
#[derive(Debug, Clone)]
pub struct Editor {
    pub text: Field,
    /// Focus on the marks row instead of the text.
    pub on_marks: bool,
    pub marks: Marks,
    pub link: Option<i64>,
    pub amends: Option<i64>,
    discard_armed: bool,
}

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

/// The start of `day` among the notes that are not pinned.
fn day_key(env: &Env, day: NaiveDate) -> LogKey {
    LogKey {
        pinned: false,
        note: NoteKey {
            at: ts(env.calendar.local_instant(day, NaiveTime::MIN)),
            id: 0,
        },
    }
}

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

    /// The search box's text changed (typed or pasted): search again from
    /// the top.
    fn search_changed(&mut self, env: &mut Env) {
        if let Mode::Search(field) = &self.mode {
            let q = field.text().trim().to_string();
            self.search = (!q.is_empty()).then_some(q);
            self.list.reset();
            self.fetch(env);
        }
    }

    /// The handover waiting to be acknowledged, if any (the banner sends
    /// the next person here); else this person's shift so far; else today.
    fn open_review(&mut self, env: &mut Env) -> Effect {
        let mut waiting = false;
        let review = match handover::pending(env.store, env.calendar, env.now) {
            Ok(Some(r)) => {
                waiting = true;
                Ok(r)
            }
            Ok(None) => match env.store.open_shift(env.actor) {
                Ok(Some(shift)) => {
                    handover::for_shift(env.store, env.calendar, env.now, &shift, None)
                }
                _ => {
                    let day = env.calendar.local_date(env.now);
                    handover::for_day(env.store, env.calendar, env.now, day)
                }
            },
            Err(e) => Err(e),
        };
        match review {
            Ok(r) => {
                self.mode = Mode::Review {
                    lines: report::lines(&r, env.lang),
                    scroll: 0,
                    waiting,
                };
                Effect::None
            }
            Err(e) => Effect::Error(crate::tui::queue::store_error(&e, env)),
        }
    }

    fn end_shift(&mut self, env: &mut Env) -> Effect {
        match env.store.end_shift(env.actor, env.now) {
            Ok((shift, handover_id)) => {
                let handover = env
                    .store
                    .pending_handover()
                    .ok()
                    .flatten()
                    .filter(|h| h.id == handover_id);
                let waiting = handover.is_some();
                match handover::for_shift(env.store, env.calendar, env.now, &shift, handover) {
                    Ok(r) => {
                        self.mode = Mode::Review {
                            lines: report::lines(&r, env.lang),
                            scroll: 0,
                            waiting,
                        };
                        Effect::Saved(m::SHIFT_ENDED.get(env.lang).to_string())
                    }
                    Err(e) => Effect::Error(crate::tui::queue::store_error(&e, env)),
                }
            }
            Err(StoreError::NotFound) => Effect::Error(m::NO_SHIFT.get(env.lang).to_string()),
            Err(e) => Effect::Error(crate::tui::queue::store_error(&e, env)),
        }
    }

    fn save_note(&mut self, env: &mut Env) -> Effect {
        let Mode::Editor(ed) = &mut self.mode else {
            return Effect::None;
        };
        let body = match crate::domain::note::body(&ed.text.text()) {
            Ok(body) => body,
            Err(e) if e.problem == crate::domain::text::TextProblem::Required => {
                return Effect::Error(m::EDITOR_EMPTY.get(env.lang).to_string());
            }
            Err(e) => return Effect::Error(crate::i18n::rules::text_error(&e, env.lang)),
        };
        let note = NewNote {
            body,
            callback_id: ed.link,
            marks: ed.marks,
            amends: ed.amends,
        };
        match env.store.add_note(&note, env.actor, env.now) {
            Ok(_) => {
                self.mode = Mode::List;
                self.list.reset();
                self.fetch(env);
                Effect::Saved(m::NOTE_SAVED.get(env.lang).to_string())
            }
            // The editor stays open with the text: nothing typed is lost.
            Err(e) => Effect::Error(crate::tui::queue::store_error(&e, env)),
        }
    }

    fn selected_day(&self, env: &Env) -> NaiveDate {
        self.selected_note()
            .map(|n| env.calendar.local_date(n.at))
            .unwrap_or_else(|| env.calendar.local_date(env.now))
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
        let lang = env.lang;
        match act {
            Act::NewNote | Act::Amend => {
                let amends = if act == Act::Amend {
                    self.selected_note().map(|n| n.id)
                } else {
                    None
                };
                self.mode = Mode::Editor(Box::new(Editor {
                    text: Field::multi(MAX_NOTE),
                    on_marks: false,
                    marks: Marks::default(),
                    link: if amends.is_some() {
                        self.selected_note().and_then(|n| n.callback_id)
                    } else {
                        None
                    },
                    amends,
                    discard_armed: false,
                }));
                Effect::None
            }
            Act::Pin => match self.selected_note().map(|n| n.id) {
                Some(id) => match env.store.toggle_pin(id, env.actor, env.now) {
                    Ok(pinned) => {
                        self.fetch(env);
                        Effect::Saved(
                            if pinned { m::PINNED } else { m::UNPINNED }
                                .get(lang)
                                .to_string(),
                        )
                    }
                    Err(e) => Effect::Error(crate::tui::queue::store_error(&e, env)),
                },
                None => Effect::None,
            },
            Act::Filter => {
                self.filter = match self.filter {
                    NoteFilter::All => NoteFilter::Handover,
                    NoteFilter::Handover => NoteFilter::Escalation,
                    NoteFilter::Escalation => NoteFilter::Pinned,
                    NoteFilter::Pinned => NoteFilter::All,
                };
                self.list.reset();
                self.fetch(env);
                Effect::None
            }
            Act::Search => {
                let field = Field::single(100).with_text(self.search.as_deref().unwrap_or(""));
                self.mode = Mode::Search(Box::new(field));
                Effect::None
            }
            Act::Release => match self.selected_note() {
                Some(n) if n.open_escalation() => {
                    self.mode = Mode::Confirm(Question::Release(n.id));
                    Effect::None
                }
                _ => Effect::Error(m::NOT_ESCALATION.get(lang).to_string()),
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
                Mode::Search(f) => {
                    let q = f.text().trim().to_string();
                    self.search = (!q.is_empty()).then_some(q);
                    self.mode = Mode::List;
                    Effect::None
                }
                Mode::Ack { .. } => {
                    // The person on duty acknowledges: the name is the one
                    // set with F3 (or --as), never typed here.
                    let name = match crate::domain::name::DutyName::parse(env.actor) {
                        Ok(n) => n.into_string(),
                        Err(e) => return Effect::Error(crate::i18n::rules::name_error(&e, lang)),
                    };
                    let self_ack = env.config.handover.self_acknowledge;
                    match handover::acknowledge(env.store, &name, self_ack, env.now) {
                        Ok(handover::Acked::Nothing) => {
                            self.mode = Mode::List;
                            Effect::Error(m::ACK_NONE.get(lang).to_string())
                        }
                        Ok(handover::Acked::Refused(handover::AckRefused::OwnHandover)) => {
                            Effect::Error(m::ACK_OWN.fill(lang, &[("name", &name)]))
                        }
                        Ok(handover::Acked::Done(_)) => {
                            self.mode = Mode::List;
                            Effect::Saved(m::ACK_DONE.fill(lang, &[("name", &name)]))
                        }
                        Err(e) => Effect::Error(crate::tui::queue::store_error(&e, env)),
                    }
                }
                _ => Effect::None,
            },
            Act::Cancel => match &mut self.mode {
                Mode::Editor(ed) => {
                    let dirty = ed.text.is_dirty();
                    match super::form::discard_asks(dirty, &mut ed.discard_armed, lang) {
                        Some(again) => Effect::Error(again),
                        None => {
                            self.mode = Mode::List;
                            Effect::None
                        }
                    }
                }
                Mode::Search(_) => {
                    self.search = None;
                    self.mode = Mode::List;
                    self.list.reset();
                    self.fetch(env);
                    Effect::None
                }
                Mode::Ack { lines, scroll, .. } => {
                    self.mode = Mode::Review {
                        lines: std::mem::take(lines),
                        scroll: *scroll,
                        waiting: true,
                    };
                    Effect::None
                }
                _ => {
                    self.mode = Mode::List;
                    Effect::None
                }
            },
            Act::Acknowledge => {
                if let Mode::Review { waiting: false, .. } = self.mode {
                    return Effect::Error(m::ACK_NONE.get(lang).to_string());
                }
                if let Mode::Review { lines, scroll, .. } = &mut self.mode {
                    self.mode = Mode::Ack {
                        // Shows who acknowledges: the person on duty.
                        field: Box::new(
                            Field::single(crate::domain::name::MAX_CHARS).with_text(env.actor),
                        ),
                        lines: std::mem::take(lines),
                        scroll: *scroll,
                    };
                }
                Effect::None
            }
            Act::Yes => {
                let Mode::Confirm(q) = self.mode else {
                    return Effect::None;
                };
                self.mode = Mode::List;
                match q {
                    Question::Release(id) => {
                        match env.store.release_escalation(id, env.actor, env.now) {
                            Ok(()) => {
                                self.fetch(env);
                                Effect::Saved(m::RELEASED.get(lang).to_string())
                            }
                            Err(e) => Effect::Error(crate::tui::queue::store_error(&e, env)),
                        }
                    }
                    Question::EndShift => self.end_shift(env),
                }
            }
            Act::No => {
                self.mode = Mode::List;
                Effect::None
            }
            Act::ClearSearch => {
                self.search = None;
                self.list.reset();
                self.fetch(env);
                Effect::None
            }
        }
    }

    fn navigate(&mut self, action: Action, env: &mut Env) -> Effect {
        if let Mode::Review { scroll, .. } | Mode::Ack { scroll, .. } = &mut self.mode {
            *scroll = match action {
                Action::Up => scroll.saturating_sub(1),
                Action::Down => scroll.saturating_add(1),
                Action::PageUp => scroll.saturating_sub(10),
                Action::PageDown => scroll.saturating_add(10),
                Action::Home => 0,
                _ => *scroll,
            };
            return Effect::None;
        }
        if !matches!(self.mode, Mode::List) {
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
        let lang = env.lang;
        match &mut self.mode {
            Mode::Editor(ed) => {
                ed.discard_armed = false;
                if ed.on_marks {
                    match ev.code {
                        KeyCode::Char('o') | KeyCode::Char('O') => {
                            ed.marks.handover = !ed.marks.handover
                        }
                        KeyCode::Char('e') | KeyCode::Char('E') => {
                            ed.marks.escalation = !ed.marks.escalation
                        }
                        KeyCode::Char('f') | KeyCode::Char('F') => {
                            ed.marks.pinned = !ed.marks.pinned
                        }
                        KeyCode::Char('k') | KeyCode::Char('K') => {
                            ed.link = match ed.link {
                                Some(_) => None,
                                None => env.selected_callback,
                            }
                        }
                        _ => {}
                    }
                    return Effect::None;
                }
                let edit = ed.text.key(ev);
                super::form::too_long(edit, MAX_NOTE, lang).map_or(Effect::None, Effect::Error)
            }
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

/// The notes a filter and a search leave: the pinned ones first, then the
/// rest, each part newest first, read from the store a few at a time.
/// A note moves only when it is pinned or unpinned.
struct Notes<'e, 'a> {
    env: &'e Env<'a>,
    filter: NoteFilter,
    search: Option<&'e str>,
}

impl<'e, 'a> Notes<'e, 'a> {
    fn of(filter: NoteFilter, search: Option<&'e str>, env: &'e Env<'a>) -> Self {
        Notes {
            env,
            filter,
            search,
        }
    }

    /// Up to `limit` notes of one part (pinned or not) after `bound`
    /// (exclusive; `None`: from its newest), newest first.
    fn older(
        &self,
        pinned: bool,
        bound: Option<&NoteKey>,
        limit: usize,
    ) -> Result<Vec<Note>, StoreError> {
        let store = &self.env.store;
        store.notes_before_in(bound, self.filter, Some(pinned), self.search, limit)
    }

    /// Up to `limit` notes of one part at or after `from` in time, oldest
    /// first (moving up the list).
    fn newer(&self, pinned: bool, from: &NoteKey, limit: usize) -> Result<Vec<Note>, StoreError> {
        let store = &self.env.store;
        store.notes_from_in(from, self.filter, Some(pinned), self.search, limit)
    }
}

/// The position just after `k` in time (the store's bounds on the time
/// order are exclusive one way and inclusive the other).
fn just_after(k: &NoteKey) -> NoteKey {
    NoteKey {
        at: k.at.clone(),
        id: k.id + 1,
    }
}

/// Before every note in time.
fn oldest() -> NoteKey {
    NoteKey {
        at: String::new(),
        id: 0,
    }
}

impl Source for Notes<'_, '_> {
    type Row = Note;
    type Key = LogKey;
    type Err = StoreError;

    fn key(&self, note: &Note) -> LogKey {
        LogKey {
            pinned: note.pinned,
            note: note.key(),
        }
    }

    fn id(&self, note: &Note) -> i64 {
        note.id
    }

    fn from(&mut self, from: Option<&LogKey>, limit: usize) -> Result<Vec<Note>, StoreError> {
        let (pinned, bound) = match from {
            None => (true, None),
            Some(k) => (k.pinned, Some(just_after(&k.note))),
        };
        let mut rows = self.older(pinned, bound.as_ref(), limit)?;
        if pinned && rows.len() < limit {
            rows.extend(self.older(false, None, limit - rows.len())?);
        }
        Ok(rows)
    }

    fn before(&mut self, key: &LogKey, limit: usize) -> Result<Vec<Note>, StoreError> {
        let mut rows = self.newer(key.pinned, &just_after(&key.note), limit)?;
        if !key.pinned && rows.len() < limit {
            rows.extend(self.newer(true, &oldest(), limit - rows.len())?);
        }
        Ok(rows)
    }

    fn last(&mut self, limit: usize) -> Result<Vec<Note>, StoreError> {
        let mut rows = self.newer(false, &oldest(), limit)?;
        if rows.len() < limit {
            rows.extend(self.newer(true, &oldest(), limit - rows.len())?);
        }
        Ok(rows)
    }

    /// A note moves when it is pinned or unpinned: it is found where it is
    /// now. Filters and searches are on what never changes, except the
    /// pinned filter, which an unpinned note leaves.
    fn locate(&mut self, id: i64) -> Result<Option<LogKey>, StoreError> {
        Ok(self
            .env
            .store
            .note(id)?
            .and_then(|n| (self.filter != NoteFilter::Pinned || n.pinned).then(|| self.key(&n))))
    }
}
