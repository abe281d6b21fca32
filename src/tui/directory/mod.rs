//! The referral directory pane: one search box that filters on every
//! keystroke, the results with open-now and freshness, and the actions on
//! the selected service (copy, refer, verify, report, add/edit, deactivate).
//!
//! The pane's state and what its keys do are here; the rest is in files
//! named for what they hold: the key table (`keys.rs`), the search and the
//! results the shared pager (`pager.rs`) pages through (`search.rs`), the
//! entry form (`service_form.rs`), the problem, status and filter forms
//! (`forms.rs`), referring (`refer.rs`) and saving (`save.rs`).

mod forms;
mod keys;
mod refer;
mod save;
mod search;
mod service_form;

use ratatui::crossterm::event::KeyEvent;

use super::app::{Effect, Env};
use super::component::Component;
use super::fault::ReadFault;
use super::form::{AnyForm, Form, FormAct, FormStep};
use super::input::{Edit, Field};
use super::keymap::{Action, Scope};
use super::pager::{Move, Pager};
use crate::directory::problem::ProblemReport;
use crate::directory::{self, Service, Status};
use crate::i18n::{Lang, directory as d};
use crate::store::StoreError;
use crate::store::directory::SearchResult;
use forms::{Filter, FilterField, ProblemField, StatusField, problem_form, status_form};
use search::Results;
use service_form::{ServiceField, service_form};

pub use keys::{Act, BINDINGS};
pub use refer::Caller;

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
        form: Form<ServiceField>,
        editing: Option<i64>,
    },
    Deactivate {
        form: Form<StatusField>,
        id: i64,
    },
    Problem {
        form: Form<ProblemField>,
        id: i64,
    },
    Filter {
        form: Form<FilterField>,
    },
    /// Asking before a referral is recorded: the service, the callback
    /// and how the queue shows the callback (masked number, received).
    ReferAsk {
        service: Box<Service>,
        callback: i64,
        caller: Caller,
    },
}

pub struct DirectoryState {
    pub mode: Mode,
    pub query: Field,
    /// The category, municipality and open-now the results are narrowed to.
    pub filter: Filter,
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
            filter: Filter::default(),
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

    /// The form open, whichever it is.
    pub fn form(&self) -> Option<&dyn AnyForm> {
        match &self.mode {
            Mode::List | Mode::Search | Mode::ReferAsk { .. } => None,
            Mode::Form { form, .. } => Some(form),
            Mode::Deactivate { form, .. } => Some(form),
            Mode::Problem { form, .. } => Some(form),
            Mode::Filter { form } => Some(form),
        }
    }

    fn form_mut(&mut self) -> Option<&mut dyn AnyForm> {
        match &mut self.mode {
            Mode::List | Mode::Search | Mode::ReferAsk { .. } => None,
            Mode::Form { form, .. } => Some(form),
            Mode::Deactivate { form, .. } => Some(form),
            Mode::Problem { form, .. } => Some(form),
            Mode::Filter { form } => Some(form),
        }
    }

    /// The filters in force, in words (empty when none).
    pub fn filter_words(&self, lang: Lang) -> String {
        self.filter.words(lang)
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
            && self.form().is_some_and(|f| f.is_dirty())
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
        let nothing_selected = || Effect::Error(d::NOTHING_SELECTED.get(lang).into());
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
                let Some(s) = selected else {
                    return nothing_selected();
                };
                self.ask_refer(s, env)
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
            Act::Undo => self.undo_referral(env),
            Act::Verify => {
                let Some(id) = selected.map(|s| s.id) else {
                    return nothing_selected();
                };
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
                let Some(id) = selected.map(|s| s.id) else {
                    return nothing_selected();
                };
                self.mode = Mode::Problem {
                    form: problem_form(),
                    id,
                };
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
                let Some(s) = selected else {
                    return nothing_selected();
                };
                self.mode = Mode::Form {
                    form: service_form(&s, lang, d::DIR_FORM_EDIT_TITLE),
                    editing: Some(s.id),
                };
                Effect::None
            }
            Act::Deactivate => {
                let Some(s) = selected else {
                    return nothing_selected();
                };
                self.mode = Mode::Deactivate {
                    form: status_form(&s, lang),
                    id: s.id,
                };
                Effect::None
            }
            Act::Filter => {
                self.mode = Mode::Filter {
                    form: self.filter.form(),
                };
                Effect::None
            }
            Act::Form(FormAct::Save) => self.save(env),
            // Only the forms that edit something ask before discarding.
            Act::Form(FormAct::Cancel) if !self.has_unsaved_input() => {
                self.mode = Mode::List;
                Effect::None
            }
            Act::Form(f) => match self.form_mut().map(|form| form.step(f, lang)) {
                Some(FormStep::AskAgain(again)) => Effect::Error(again),
                Some(FormStep::Close) => {
                    self.mode = Mode::List;
                    Effect::None
                }
                _ => Effect::None,
            },
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
