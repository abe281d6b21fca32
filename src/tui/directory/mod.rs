//! The referral directory pane: one search box that filters on every
//! keystroke, the results with open-now and freshness, and the actions on
//! the selected service (copy, refer, verify, report, add/edit, deactivate).
//!
//! The results (ranked by the search, at most `RESULT_LIMIT`) are paged
//! by the shared pager (`pager.rs`); the entry form is built and read in
//! `service_form.rs`.

mod service_form;

use ratatui::crossterm::event::{KeyCode, KeyEvent};

use super::app::{Effect, Env};
use super::component::Component;
use super::fault::ReadFault;
use super::form::{Form, FormAct, FormField};
use super::input::{Edit, Field};
use super::keymap::{Action, Binding, Scope, b, ch, k};
use super::pager::{Move, Pager, Source};
use crate::directory::problem::{ProblemKind, ProblemReport};
use crate::directory::{self, DEFAULT_CATEGORIES, Service, Status};
use crate::i18n::{Lang, directory as d, shell};
use crate::store::StoreError;
use crate::store::directory::{SearchQuery, SearchResult};
use service_form::{NO_YES, read_form, service_form};

/// Actions of the directory pane.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Act {
    Search,
    LeaveSearch,
    Copy,
    Refer,
    Verify,
    Problem,
    New,
    Edit,
    Deactivate,
    Filter,
    /// Take back the referral just recorded.
    Undo,
    /// Yes or no to the question on screen.
    Answer(bool),
    /// Save, cancel, next or previous field in the form.
    Form(FormAct),
}

const fn a(act: Act) -> Action {
    Action::Directory(act)
}

pub const BINDINGS: &[Binding] = &[
    b(
        Scope::Directory,
        &[ch('/', "/")],
        a(Act::Search),
        shell::KEY_SEARCH,
        true,
    ),
    b(
        Scope::Directory,
        &[ch('y', "y")],
        a(Act::Copy),
        d::DIR_KEY_COPY,
        true,
    ),
    b(
        Scope::Directory,
        &[ch('r', "r")],
        a(Act::Refer),
        d::KEY_REFER,
        true,
    ),
    b(
        Scope::Directory,
        &[ch('v', "v")],
        a(Act::Verify),
        d::KEY_VERIFY,
        false,
    ),
    b(
        Scope::Directory,
        &[ch('p', "p")],
        a(Act::Problem),
        d::KEY_PROBLEM,
        false,
    ),
    b(
        Scope::Directory,
        &[ch('n', "n")],
        a(Act::New),
        d::DIR_KEY_NEW,
        false,
    ),
    b(
        Scope::Directory,
        &[ch('e', "e")],
        a(Act::Edit),
        d::DIR_KEY_EDIT,
        false,
    ),
    b(
        Scope::Directory,
        &[ch('x', "x")],
        a(Act::Deactivate),
        d::KEY_DEACTIVATE,
        false,
    ),
    b(
        Scope::Directory,
        &[ch('f', "f")],
        a(Act::Filter),
        d::KEY_FILTER,
        false,
    ),
    b(
        Scope::Directory,
        &[ch('u', "u")],
        a(Act::Undo),
        d::DIR_KEY_UNDO,
        false,
    ),
    b(
        Scope::DirectoryConfirm,
        super::keymap::YES_KEYS,
        a(Act::Answer(true)),
        shell::KEY_YES,
        true,
    ),
    b(
        Scope::DirectoryConfirm,
        super::keymap::NO_KEYS,
        a(Act::Answer(false)),
        shell::KEY_NO,
        true,
    ),
    b(
        Scope::DirectorySearch,
        &[k(KeyCode::Esc, "Esc"), k(KeyCode::Enter, "Enter")],
        a(Act::LeaveSearch),
        d::KEY_DONE,
        true,
    ),
    b(
        Scope::DirectorySearch,
        &[k(KeyCode::Up, "↑")],
        Action::Up,
        shell::KEY_UP,
        true,
    ),
    b(
        Scope::DirectorySearch,
        &[k(KeyCode::Down, "↓")],
        Action::Down,
        shell::KEY_DOWN,
        true,
    ),
    b(
        Scope::DirectorySearch,
        &[k(KeyCode::PageUp, "PgUp")],
        Action::PageUp,
        shell::KEY_PAGE_UP,
        false,
    ),
    b(
        Scope::DirectorySearch,
        &[k(KeyCode::PageDown, "PgDn")],
        Action::PageDown,
        shell::KEY_PAGE_DOWN,
        false,
    ),
];

/// How many results a search shows.
pub const RESULT_LIMIT: usize = 100;
/// Longest search text kept in the box.
pub const MAX_QUERY: usize = directory::fold::MAX_QUERY_CHARS;

/// What the pane is doing.
#[derive(Debug, Clone)]
pub enum Mode {
    List,
    /// Typing in the search box.
    Search,
    /// Adding (`editing: None`) or editing a service.
    Form {
        form: Form,
        editing: Option<i64>,
    },
    Deactivate {
        form: Form,
        id: i64,
    },
    Problem {
        form: Form,
        id: i64,
    },
    Filter {
        form: Form,
    },
    /// Asking before a referral is recorded: the service, the callback
    /// and how the queue shows the callback (masked number, received).
    ReferAsk {
        service: Box<Service>,
        callback: i64,
        caller: Caller,
    },
}

/// A callback as the queue shows it: the masked number and when it came.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Caller {
    pub number: String,
    pub received: String,
}

pub struct DirectoryState {
    pub mode: Mode,
    pub query: Field,
    /// Index into `DEFAULT_CATEGORIES`.
    pub category: Option<usize>,
    pub municipality: String,
    pub open_now: bool,
    /// The results of the search, best first (at most `RESULT_LIMIT`).
    pub rows: Vec<Service>,
    /// The page of results on screen and the selected one.
    pub list: Pager<Service, usize>,
    /// How often the selected service has been given out.
    pub referrals: u64,
    select_after_reload: Option<i64>,
    /// A read that failed: shown instead of the results.
    pub fault: ReadFault,
    /// How the search read the query (a place, corrected words).
    pub reading: SearchResult,
    /// A problem reported about the selected service since it was last
    /// verified.
    pub problem: Option<ProblemReport>,
    /// The results with such a problem (marked ⚠ on their row).
    pub problems: std::collections::HashSet<i64>,
    /// The referral just recorded, which `u` takes back.
    undo: Option<i64>,
}

impl Default for DirectoryState {
    fn default() -> Self {
        DirectoryState {
            mode: Mode::List,
            query: Field::single(MAX_QUERY),
            category: None,
            municipality: String::new(),
            open_now: false,
            rows: Vec::new(),
            list: Pager::default(),
            referrals: 0,
            select_after_reload: None,
            fault: ReadFault::default(),
            reading: SearchResult::default(),
            problem: None,
            problems: std::collections::HashSet::new(),
            undo: None,
        }
    }
}

fn store_error(e: &StoreError, env: &Env) -> String {
    super::queue::store_error(e, env)
}

impl DirectoryState {
    pub fn selected_service(&self) -> Option<&Service> {
        self.list.selected()
    }

    pub fn form(&self) -> Option<&Form> {
        match &self.mode {
            Mode::List | Mode::Search | Mode::ReferAsk { .. } => None,
            Mode::Form { form, .. }
            | Mode::Deactivate { form, .. }
            | Mode::Problem { form, .. }
            | Mode::Filter { form } => Some(form),
        }
    }

    fn form_mut(&mut self) -> Option<&mut Form> {
        match &mut self.mode {
            Mode::List | Mode::Search | Mode::ReferAsk { .. } => None,
            Mode::Form { form, .. }
            | Mode::Deactivate { form, .. }
            | Mode::Problem { form, .. }
            | Mode::Filter { form } => Some(form),
        }
    }

    /// The filters in force, in words (empty when none).
    pub fn filter_words(&self, lang: Lang) -> String {
        let mut parts = Vec::new();
        if let Some(i) = self.category {
            parts.push(d::CATEGORY_NAMES[i].get(lang).to_string());
        }
        if !self.municipality.is_empty() {
            parts.push(self.municipality.clone());
        }
        if self.open_now {
            parts.push(d::FILTER_OPEN.get(lang).to_string());
        }
        parts.join(" · ")
    }

    /// Runs the search for what is typed and the filters. The text is
    /// never logged.
    fn search(&mut self, env: &mut Env) {
        let text = self.query.text();
        let q = SearchQuery {
            text: &text,
            category: self.category.map(|i| DEFAULT_CATEGORIES[i].0),
            municipality: Some(self.municipality.as_str()).filter(|m| !m.trim().is_empty()),
            open_at: self.open_now.then_some((env.now, env.calendar.tz)),
            include_closed: false,
            limit: RESULT_LIMIT,
        };
        let select = self.select_after_reload.take();
        let found = env.store.search_directory(&q).and_then(|found| {
            let ids: Vec<i64> = found.services.iter().map(|s| s.id).collect();
            Ok((found, env.store.open_problem_among(&ids)?))
        });
        match found {
            Ok((mut found, problems)) => {
                self.problems = problems;
                self.rows = std::mem::take(&mut found.services);
                self.reading = found;
                self.fault = ReadFault::default();
            }
            Err(e) => {
                self.read_failed(&e, env);
                return;
            }
        }
        if let Some(id) = select {
            self.list.follow(id);
        }
        let Ok(()) = self.list.reload(&mut Results(&self.rows));
        self.load_selected(env);
    }

    /// Records a failed read and drops the results, so no action works on
    /// a service the screen no longer shows.
    fn read_failed(&mut self, e: &StoreError, env: &Env) {
        self.fault.fail(e, env);
        self.rows.clear();
        self.reading = SearchResult::default();
        self.list.clear();
        self.referrals = 0;
        self.problem = None;
        self.problems.clear();
    }

    fn load_selected(&mut self, env: &mut Env) {
        self.problem = match self.selected_service().map(|s| s.id) {
            Some(id) => match env.store.open_problem(id) {
                Ok(p) => p,
                Err(e) => {
                    self.read_failed(&e, env);
                    return;
                }
            },
            None => None,
        };
        self.referrals = match self.selected_service().map(|s| s.id) {
            Some(id) => match env.store.referral_count(id) {
                Ok(n) => n,
                Err(e) => {
                    self.read_failed(&e, env);
                    return;
                }
            },
            None => 0,
        };
    }

    fn save(&mut self, env: &mut Env) -> Effect {
        let lang = env.lang;
        let mode = std::mem::replace(&mut self.mode, Mode::List);
        let (effect, back) = match mode {
            Mode::Form { mut form, editing } => {
                let base = match editing {
                    Some(id) => match env.store.service(id) {
                        Ok(Some(s)) => s,
                        _ => return Effect::Error(d::NOTHING_SELECTED.get(lang).into()),
                    },
                    None => Service {
                        national: true,
                        ..Service::default()
                    },
                };
                match read_form(&mut form, &base, lang) {
                    None => {
                        if let Some(bad) = form.first_error() {
                            form.focus_on(bad);
                        }
                        (
                            Effect::Error(d::DIR_ERR_FIX_FIELDS.get(lang).into()),
                            Some(Mode::Form { form, editing }),
                        )
                    }
                    Some(s) => {
                        let r = match editing {
                            Some(id) => env
                                .store
                                .update_service(id, &s, env.actor, env.now)
                                .map(|_| id),
                            None => env.store.add_service(&s, env.actor, env.now),
                        };
                        match r {
                            Ok(id) => {
                                self.select_after_reload = Some(id);
                                (Effect::Saved(d::DIR_SAVED.get(lang).into()), None)
                            }
                            Err(e) => (
                                Effect::Error(store_error(&e, env)),
                                Some(Mode::Form { form, editing }),
                            ),
                        }
                    }
                }
            }
            Mode::Deactivate { form, id } => {
                let status = [Status::Closed, Status::DoNotRefer, Status::Active]
                    [form.choice("status").min(2)];
                match env.store.set_service_status(id, status, env.actor, env.now) {
                    Ok(()) => {
                        let msg = if status == Status::Closed {
                            d::DEACTIVATED
                        } else {
                            d::DIR_SAVED
                        };
                        (Effect::Saved(msg.get(lang).into()), None)
                    }
                    Err(e) => (
                        Effect::Error(store_error(&e, env)),
                        Some(Mode::Deactivate { form, id }),
                    ),
                }
            }
            Mode::Problem { form, id } => {
                let kind = ProblemKind::ALL[form.choice("kind").min(2)];
                match env
                    .store
                    .report_problem(id, kind, &form.text("note"), env.actor, env.now)
                {
                    Ok(_) => {
                        self.select_after_reload = Some(id);
                        (Effect::Saved(d::PROBLEM_SAVED.get(lang).into()), None)
                    }
                    Err(e) => (
                        Effect::Error(store_error(&e, env)),
                        Some(Mode::Problem { form, id }),
                    ),
                }
            }
            Mode::ReferAsk {
                service,
                callback,
                caller,
            } => (self.refer(&service, callback, &caller, env), None),
            Mode::Filter { form } => {
                self.category = form.choice("category").checked_sub(1);
                self.municipality = form.text("municipality").trim().to_string();
                self.open_now = form.choice("open_now") == 1;
                self.list.reset();
                (Effect::None, None)
            }
            m @ (Mode::List | Mode::Search) => (Effect::None, Some(m)),
        };
        match back {
            Some(mode) => self.mode = mode,
            None => self.reload(env),
        }
        effect
    }

    /// Records the referral the volunteer said yes to; `u` takes it back.
    fn refer(&mut self, s: &Service, cb: i64, caller: &Caller, env: &mut Env) -> Effect {
        let lang = env.lang;
        match env.store.refer(s.id, Some(cb), None, env.actor, env.now) {
            Ok(id) => {
                self.undo = Some(id);
                self.select_after_reload = Some(s.id);
                Effect::Saved(d::REFERRED.fill(
                    lang,
                    &[
                        ("number", &caller.number),
                        ("received", &caller.received),
                        ("service", &s.name),
                    ],
                ))
            }
            Err(StoreError::Closed | StoreError::NotFound) => {
                Effect::Error(d::CALLBACK_GONE.get(lang).into())
            }
            Err(e) => Effect::Error(store_error(&e, env)),
        }
    }

    fn text_edit_effect(&self, edit: Edit, lang: Lang) -> Effect {
        let max = self
            .form()
            .and_then(|f| f.focused_max_chars())
            .unwrap_or(MAX_QUERY);
        super::form::too_long(edit, max, lang).map_or(Effect::None, Effect::Error)
    }
}

impl Component for DirectoryState {
    type Act = Act;

    fn act(action: Action) -> Option<Act> {
        match action {
            Action::Directory(a) => Some(a),
            Action::Form(f) => Some(Act::Form(f)),
            _ => None,
        }
    }

    fn scope(&self) -> Scope {
        match self.mode {
            Mode::List => Scope::Directory,
            Mode::Search => Scope::DirectorySearch,
            Mode::ReferAsk { .. } => Scope::DirectoryConfirm,
            _ => Scope::Form,
        }
    }

    fn is_typing(&self) -> bool {
        !matches!(self.mode, Mode::List)
    }

    fn has_unsaved_input(&self) -> bool {
        matches!(self.mode, Mode::Form { .. } | Mode::Problem { .. })
            && self.form().is_some_and(Form::is_dirty)
    }

    fn is_enabled(&self, act: Act) -> bool {
        let s = self.selected_service();
        match act {
            Act::Copy => s.is_some_and(|s| s.main_phone().is_some()),
            Act::Refer => s.is_some_and(|s| s.status == Status::Active),
            Act::Undo => self.undo.is_some(),
            Act::Verify | Act::Problem | Act::Edit => s.is_some(),
            Act::Deactivate => s.is_some_and(|s| s.status != Status::Closed),
            _ => true,
        }
    }

    fn update(&mut self, act: Act, env: &mut Env) -> Effect {
        let lang = env.lang;
        let selected = self.selected_service().cloned();
        let need = |s: &Option<Service>| {
            s.is_none()
                .then(|| Effect::Error(d::NOTHING_SELECTED.get(lang).into()))
        };
        match act {
            Act::Search => {
                self.mode = Mode::Search;
                Effect::None
            }
            Act::LeaveSearch => {
                self.mode = Mode::List;
                Effect::None
            }
            Act::Copy => match selected.as_ref().and_then(|s| s.main_phone()) {
                Some(p) => Effect::Copy {
                    text: p.number.dial_string(),
                    message: d::DIR_COPIED.fill(lang, &[("number", &p.number.display())]),
                },
                None => Effect::Error(d::DIR_NO_NUMBER.get(lang).into()),
            },
            Act::Refer => {
                if let Some(e) = need(&selected) {
                    return e;
                }
                let s = selected.unwrap_or_default();
                if s.status != Status::Active {
                    return Effect::Error(d::NOT_REFERABLE.get(lang).into());
                }
                let Some(cb) = env.selected_callback else {
                    return Effect::Error(d::NO_CALLBACK.get(lang).into());
                };
                // The item as the queue shows it (the app shows no item
                // numbers), so the volunteer can check it is the caller
                // meant before anything is recorded.
                let item = match env.store.callback(cb) {
                    Ok(Some(item)) if item.open => item,
                    Ok(_) => return Effect::Error(d::CALLBACK_GONE.get(lang).into()),
                    Err(e) => return Effect::Error(store_error(&e, env)),
                };
                let caller = Caller {
                    number: item
                        .phone
                        .as_ref()
                        .map(|p| p.masked())
                        .unwrap_or_else(|| d::CALLER_NO_NUMBER.get(lang).into()),
                    received: crate::timefmt::when_words(
                        item.received_at,
                        env.now,
                        env.calendar.tz,
                        lang,
                    ),
                };
                self.mode = Mode::ReferAsk {
                    service: Box::new(s),
                    callback: cb,
                    caller,
                };
                Effect::None
            }
            Act::Answer(true) => match self.mode {
                Mode::ReferAsk { .. } => self.save(env),
                _ => Effect::None,
            },
            Act::Answer(false) => {
                if matches!(self.mode, Mode::ReferAsk { .. }) {
                    self.mode = Mode::List;
                }
                Effect::None
            }
            Act::Undo => {
                let Some(id) = self.undo.take() else {
                    return Effect::Error(d::DIR_NOTHING_TO_UNDO.get(lang).into());
                };
                match env.store.undo_referral(id, env.actor, env.now) {
                    Ok(()) => {
                        self.reload(env);
                        Effect::Saved(d::REFER_UNDONE.get(lang).into())
                    }
                    Err(StoreError::NotFound) => {
                        Effect::Error(d::DIR_NOTHING_TO_UNDO.get(lang).into())
                    }
                    Err(e) => Effect::Error(store_error(&e, env)),
                }
            }
            Act::Verify => {
                if let Some(e) = need(&selected) {
                    return e;
                }
                let id = selected.map(|s| s.id).unwrap_or_default();
                match env.store.verify_service(id, env.actor, env.now) {
                    Ok(()) => {
                        self.select_after_reload = Some(id);
                        self.reload(env);
                        Effect::Saved(d::VERIFIED.get(lang).into())
                    }
                    Err(e) => Effect::Error(store_error(&e, env)),
                }
            }
            Act::Problem => {
                if let Some(e) = need(&selected) {
                    return e;
                }
                let id = selected.map(|s| s.id).unwrap_or_default();
                let form = Form::new(
                    d::PROBLEM_TITLE,
                    vec![
                        FormField::choice(
                            "kind",
                            d::P_KIND,
                            ProblemKind::ALL
                                .iter()
                                .map(|k| d::problem_kind_msg(*k))
                                .collect(),
                            0,
                        ),
                        FormField::text("note", d::P_NOTE, Field::single(directory::MAX_SHORT)),
                    ],
                );
                self.mode = Mode::Problem { form, id };
                Effect::None
            }
            Act::New => {
                let blank = Service::default();
                self.mode = Mode::Form {
                    form: service_form(&blank, lang, d::DIR_FORM_NEW_TITLE),
                    editing: None,
                };
                Effect::None
            }
            Act::Edit => {
                if let Some(e) = need(&selected) {
                    return e;
                }
                let s = selected.unwrap_or_default();
                self.mode = Mode::Form {
                    form: service_form(&s, lang, d::DIR_FORM_EDIT_TITLE),
                    editing: Some(s.id),
                };
                Effect::None
            }
            Act::Deactivate => {
                if let Some(e) = need(&selected) {
                    return e;
                }
                let s = selected.unwrap_or_default();
                let form = Form::new(
                    d::DEACTIVATE_TITLE,
                    vec![
                        FormField::choice(
                            "status",
                            d::DEACTIVATE_FIELD,
                            vec![d::ST_CLOSED, d::ST_DO_NOT_REFER, d::ST_ACTIVE],
                            0,
                        )
                        .with_hint(format!(
                            "«{}» – {}",
                            s.name,
                            d::DEACTIVATE_HINT.get(lang)
                        )),
                    ],
                );
                self.mode = Mode::Deactivate { form, id: s.id };
                Effect::None
            }
            Act::Filter => {
                let mut cats = vec![d::FF_ALL];
                cats.extend(d::CATEGORY_NAMES);
                let form = Form::new(
                    d::FILTER_TITLE,
                    vec![
                        FormField::choice(
                            "category",
                            d::FF_CATEGORY,
                            cats,
                            self.category.map_or(0, |i| i + 1),
                        ),
                        FormField::text(
                            "municipality",
                            d::FF_MUNICIPALITY,
                            Field::single(directory::MAX_NAME).with_text(&self.municipality),
                        ),
                        FormField::choice(
                            "open_now",
                            d::FF_OPEN_NOW,
                            NO_YES.to_vec(),
                            usize::from(self.open_now),
                        ),
                    ],
                );
                self.mode = Mode::Filter { form };
                Effect::None
            }
            Act::Form(FormAct::Save) => self.save(env),
            Act::Form(FormAct::Cancel) => {
                // Only the forms that edit something ask before discarding.
                if self.has_unsaved_input()
                    && let Some(again) = self.form_mut().and_then(|f| f.cancel(lang))
                {
                    return Effect::Error(again);
                }
                self.mode = Mode::List;
                Effect::None
            }
            Act::Form(FormAct::NextField) => {
                if let Some(f) = self.form_mut() {
                    f.next();
                }
                Effect::None
            }
            Act::Form(FormAct::PrevField) => {
                if let Some(f) = self.form_mut() {
                    f.prev();
                }
                Effect::None
            }
        }
    }

    fn navigate(&mut self, action: Action, env: &mut Env) -> Effect {
        if !matches!(self.mode, Mode::List | Mode::Search) {
            return Effect::None;
        }
        if self.fault.is_set() {
            // After a failed read a movement key tries again.
            self.search(env);
            return Effect::None;
        }
        let before = self.list.selected_id();
        if let Some(mv) = Move::of(action) {
            let Ok(()) = self.list.step(&mut Results(&self.rows), mv);
        }
        if self.list.selected_id() != before {
            self.load_selected(env);
        }
        Effect::None
    }

    fn on_text_key(&mut self, ev: KeyEvent, env: &mut Env) -> Effect {
        let lang = env.lang;
        if matches!(self.mode, Mode::Search) {
            let edit = self.query.key(ev);
            if edit != Edit::Unchanged {
                self.list.reset();
                self.search(env);
            }
            return self.text_edit_effect(edit, lang);
        }
        let Some(form) = self.form_mut() else {
            return Effect::None;
        };
        let edit = form.key(ev);
        self.text_edit_effect(edit, lang)
    }

    fn on_paste(&mut self, text: &str, env: &mut Env) -> Effect {
        let lang = env.lang;
        if matches!(self.mode, Mode::Search) {
            let edit = self.query.paste(text);
            self.list.reset();
            self.search(env);
            return super::input::pasted(edit, self.query.max_chars(), lang);
        }
        let Some(form) = self.form_mut() else {
            return Effect::None;
        };
        let max = form.focused_max_chars().unwrap_or(0);
        super::input::pasted(form.paste(text), max, lang)
    }

    fn reload(&mut self, env: &mut Env) {
        if self.select_after_reload.is_none() {
            self.select_after_reload = self.selected_service().map(|s| s.id);
        }
        self.search(env);
    }
}

/// The results of a search, ranked by the store: the pager reads its
/// page from them (the position in the ranking is the key).
struct Results<'r>(&'r [Service]);

impl Source for Results<'_> {
    type Row = Service;
    type Key = usize;
    type Err = std::convert::Infallible;

    fn key(&self, s: &Service) -> usize {
        self.0
            .iter()
            .position(|r| r.id == s.id)
            .unwrap_or(self.0.len())
    }

    fn id(&self, s: &Service) -> i64 {
        s.id
    }

    fn from(&mut self, from: Option<&usize>, limit: usize) -> Result<Vec<Service>, Self::Err> {
        let at = from.copied().unwrap_or(0).min(self.0.len());
        Ok(self.0[at..].iter().take(limit).cloned().collect())
    }

    fn before(&mut self, key: &usize, limit: usize) -> Result<Vec<Service>, Self::Err> {
        let at = (*key).min(self.0.len());
        Ok(self.0[..at].iter().rev().take(limit).cloned().collect())
    }

    fn last(&mut self, limit: usize) -> Result<Vec<Service>, Self::Err> {
        Ok(self.0.iter().rev().take(limit).cloned().collect())
    }

    fn locate(&mut self, id: i64) -> Result<Option<usize>, Self::Err> {
        Ok(self.0.iter().position(|r| r.id == id))
    }
}
