//! The callback queue pane: open items in queue order, a page at a time;
//! the new/edit form; recording attempts; closing; undo.
//!
//! This file holds the pane's state and what its keys do. Paging is the
//! shared pager's (`pager.rs`); `rows.rs` says where the rows come from.
//! The forms are built and read in `forms.rs`, checked as the person
//! types in `check.rs`, and saved in `save.rs` (new item, edit) and
//! `calls.rs` (attempt, plan, close), next to the store calls and their
//! messages. The keys are in `keys.rs`.

use super::app::{Effect, Env};
use super::component::Component;
use super::fault::ReadFault;
use super::form::{AnyForm, Form, FormAct};
use super::input::Edit;
use super::keymap::{Action, Scope};
use super::pager::Pager;
use crate::domain::callback::MessageWish;
use crate::domain::promise::Kind;
use crate::i18n::{Lang, Msg, queue as q};
use crate::store::StoreError;
use crate::store::callbacks::{Attempt, Counts, Item, QueueKey, Snapshots, Undo};
use ratatui::crossterm::event::KeyEvent;

mod calls;
mod check;
mod forms;
mod keys;
mod rows;
mod save;

pub use forms::{AttemptField, CloseField, ItemField, NewKind, PlanField, shown as shown_fields};
pub use keys::{Act, BINDINGS};
pub use rows::{end_of_today, end_of_today_at};

/// Limits on what can be typed: the domain's rules, so the app and the
/// command line agree.
pub use crate::domain::text::{
    MAX_ATTEMPT_NOTE, MAX_LABEL, MAX_SAFE_TIMES, MAX_SAFETY_NOTE as MAX_NOTE, MAX_SUMMARY,
};
pub const MAX_TIME: usize = 40;
pub const MAX_PHONE: usize = 40;

/// What the pane is doing.
#[derive(Debug, Clone)]
pub enum Mode {
    List,
    /// Adding (`editing: None`) or editing an item.
    Form {
        form: Form<ItemField>,
        editing: Option<i64>,
    },
    Attempt {
        form: Form<AttemptField>,
        id: i64,
        /// Asking whether to record a message left against the caller's
        /// wish (the form stays, with everything typed).
        asking: Option<MessageWish>,
    },
    Close {
        form: Form<CloseField>,
        id: i64,
    },
    /// Planning a callback time.
    Plan {
        form: Form<PlanField>,
        id: i64,
    },
    /// The edited number is another open item's: join them, or keep them
    /// separate? (The edit form stays under the question.)
    JoinAsk {
        form: Form<ItemField>,
        id: i64,
        into: i64,
    },
}

/// Which rows the list shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum View {
    #[default]
    Open,
    ClosedToday,
}

pub struct QueueState {
    pub mode: Mode,
    pub view: View,
    /// The page on screen, in list order, and the selected item.
    pub list: Pager<Item, QueueKey>,
    pub counts: Counts,
    /// Items closed today, counted while that view is shown.
    pub closed_today: u64,
    /// Attempts of the selected item.
    pub attempts: Vec<Attempt>,
    /// The services referred on the selected item, for the detail.
    pub referrals: Vec<crate::store::callbacks::Referral>,
    /// Recordings the switchboard e-mailed for the selected item (when
    /// left, length if given): they stay in the mailbox, not in vakt.
    pub recordings: Vec<(chrono::DateTime<chrono::Utc>, Option<u32>)>,
    /// Why the selected open item's safe time cannot be planned for, worked
    /// out when it is selected (not on every frame).
    pub safe_unmet: Option<crate::domain::promise::SafeTimeUnmet>,
    /// The rows on screen whose safe time the line's hours never meet
    /// (marked in the list), worked out when the rows are read.
    pub never_open: Vec<i64>,
    /// The rows (id, version), the day and the calendar `never_open` was
    /// worked out for.
    marked_rows: Vec<(i64, i64)>,
    marked_for: Option<(chrono::NaiveDate, crate::calendar::CalendarSettings)>,
    /// The last change, and what taking it back is called (a message
    /// with the item's id, never caller data).
    undo: Option<(Undo, Msg)>,
    snaps: Snapshots,
    /// Open items whose number matches the phone being typed in the form.
    pub join_target: Option<i64>,
    /// A read that failed: shown instead of the rows.
    pub fault: ReadFault,
}

impl Default for QueueState {
    fn default() -> Self {
        QueueState {
            mode: Mode::List,
            view: View::Open,
            list: Pager::default(),
            counts: Counts::default(),
            closed_today: 0,
            attempts: Vec::new(),
            referrals: Vec::new(),
            recordings: Vec::new(),
            safe_unmet: None,
            never_open: Vec::new(),
            marked_rows: Vec::new(),
            marked_for: None,
            undo: None,
            snaps: Snapshots::default(),
            join_target: None,
            fault: ReadFault::default(),
        }
    }
}

/// A plain sentence for a store error met while saving.
pub fn store_error(e: &StoreError, env: &Env) -> String {
    crate::error::AppError::Db {
        path: env.store.path().to_path_buf(),
        err: e.clone(),
    }
    .message(env.lang)
}

impl QueueState {
    pub fn selected_item(&self) -> Option<&Item> {
        self.list.selected()
    }

    /// The rows on screen, in list order.
    pub fn rows(&self) -> &[Item] {
        self.list.rows()
    }

    /// How many rows fit on screen.
    pub fn page(&self) -> usize {
        self.list.page()
    }

    pub fn set_page(&mut self, rows: usize) {
        self.list.set_page(rows);
    }

    /// From a question back to the form under it, nothing saved.
    fn ask_back(&mut self) -> Effect {
        self.mode = match std::mem::replace(&mut self.mode, Mode::List) {
            Mode::Attempt { mut form, id, .. } => {
                form.focus_on(AttemptField::Result);
                Mode::Attempt {
                    form,
                    id,
                    asking: None,
                }
            }
            Mode::JoinAsk { mut form, id, .. } => {
                form.focus_on(ItemField::Phone);
                Mode::Form {
                    form,
                    editing: Some(id),
                }
            }
            other => other,
        };
        Effect::None
    }

    fn form_mut(&mut self) -> Option<&mut dyn AnyForm> {
        match &mut self.mode {
            Mode::List => None,
            Mode::Form { form, .. } | Mode::JoinAsk { form, .. } => Some(form),
            Mode::Attempt { form, .. } => Some(form),
            Mode::Close { form, .. } => Some(form),
            Mode::Plan { form, .. } => Some(form),
        }
    }

    /// The form open, whichever it is.
    pub fn form(&self) -> Option<&dyn AnyForm> {
        match &self.mode {
            Mode::List => None,
            Mode::Form { form, .. } | Mode::JoinAsk { form, .. } => Some(form),
            Mode::Attempt { form, .. } => Some(form),
            Mode::Close { form, .. } => Some(form),
            Mode::Plan { form, .. } => Some(form),
        }
    }

    /// Moves focus to the next field the form shows (the new-item form
    /// shows only what the chosen kind uses).
    fn step_field(&mut self, forward: bool) {
        match &mut self.mode {
            Mode::Form { form, .. } | Mode::JoinAsk { form, .. } => {
                forms::step_shown(form, forward)
            }
            _ => {
                if let Some(form) = self.form_mut() {
                    if forward { form.next() } else { form.prev() }
                }
            }
        }
    }

    /// The message for an edit cut short by the focused field's limit.
    fn too_long(&self, edit: Edit, lang: Lang) -> Effect {
        self.form()
            .and_then(|f| super::form::too_long(edit, f.focused_max_chars().unwrap_or(0), lang))
            .map_or(Effect::None, Effect::Error)
    }
}

impl Component for QueueState {
    type Act = Act;

    fn act(action: Action) -> Option<Act> {
        match action {
            Action::Queue(a) => Some(a),
            Action::Form(f) => Some(Act::Form(f)),
            _ => None,
        }
    }

    fn scope(&self) -> Scope {
        match self.mode {
            Mode::List if self.view == View::ClosedToday => Scope::QueueClosed,
            Mode::List => Scope::Queue,
            Mode::Attempt {
                asking: Some(_), ..
            }
            | Mode::JoinAsk { .. } => Scope::CallbackConfirm,
            _ => Scope::Form,
        }
    }

    fn is_typing(&self) -> bool {
        !matches!(
            self.mode,
            Mode::List
                | Mode::JoinAsk { .. }
                | Mode::Attempt {
                    asking: Some(_),
                    ..
                }
        )
    }

    fn has_unsaved_input(&self) -> bool {
        self.form().is_some_and(|f| f.is_dirty())
    }

    fn why_disabled(&self, act: Act) -> Option<crate::i18n::Msg> {
        (act == Act::Undo).then_some(q::NOTHING_TO_UNDO)
    }

    fn is_enabled(&self, act: Act) -> bool {
        let item = self.selected_item();
        let open_item = item.is_some_and(|i| i.open);
        match act {
            Act::Attempt => {
                open_item && item.is_some_and(|i| i.kind == crate::domain::promise::Kind::Voicemail)
            }
            Act::Close | Act::Edit => open_item,
            Act::Plan => open_item && item.is_some_and(|i| i.kind == Kind::Voicemail),
            Act::Copy => item.is_some_and(|i| i.phone.is_some()),
            Act::Hold => item.is_some(),
            Act::Undo => self.undo.is_some(),
            _ => true,
        }
    }

    fn update(&mut self, act: Act, env: &mut Env) -> Effect {
        let lang = env.lang;
        match act {
            Act::New => {
                self.mode = Mode::Form {
                    form: forms::new_item(lang),
                    editing: None,
                };
                self.check_form(env);
                self.step_field(true);
                Effect::None
            }
            Act::Edit => {
                if let Some(item) = self.selected_item().filter(|i| i.open) {
                    self.mode = Mode::Form {
                        form: forms::edit(item),
                        editing: Some(item.id),
                    };
                }
                Effect::None
            }
            Act::Attempt => {
                if let Some(item) = self.selected_item().filter(|i| i.open) {
                    let form = forms::attempt(lang);
                    self.mode = Mode::Attempt {
                        form,
                        id: item.id,
                        asking: None,
                    };
                }
                Effect::None
            }
            Act::Plan => {
                if let Some(item) = self.selected_item().filter(|i| i.open) {
                    let form = forms::plan(item, env.calendar.tz, lang);
                    self.mode = Mode::Plan { form, id: item.id };
                }
                Effect::None
            }
            Act::Close => {
                if let Some(item) = self.selected_item().filter(|i| i.open) {
                    let form = forms::close(item, env.config.callbacks.max_attempts);
                    self.mode = Mode::Close { form, id: item.id };
                }
                Effect::None
            }
            Act::Copy => match self
                .selected_item()
                .and_then(|i| i.phone.as_ref().map(|p| (i.id, p)))
            {
                Some((id, p)) => {
                    // The number leaves the screen: audited (the id, never the number).
                    let _ = env.store.audit_copy_number(id, env.actor, env.now);
                    Effect::Copy {
                        text: p.dial_string(),
                        message: q::COPIED.get(lang).to_string(),
                    }
                }
                None => Effect::Error(q::NO_NUMBER.get(lang).to_string()),
            },
            Act::Hold => {
                let Some((id, held)) = self.selected_item().map(|i| (i.id, i.on_hold)) else {
                    return Effect::None;
                };
                let r = env.store.set_on_hold(id, !held, env.actor, env.now);
                self.reload(env);
                match r {
                    Ok(()) => {
                        let msg = if held {
                            crate::i18n::privacy::HOLD_OFF
                        } else {
                            crate::i18n::privacy::HOLD_ON
                        };
                        Effect::Saved(msg.fill(lang, &[("id", &id)]))
                    }
                    Err(e) => Effect::Error(store_error(&e, env)),
                }
            }
            Act::Undo => {
                let Some((undo, what)) = self.undo.take() else {
                    return Effect::Error(q::NOTHING_TO_UNDO.get(lang).to_string());
                };
                let id = undo.callback_id;
                let r = env.store.undo(undo, &mut self.snaps, env.actor, env.now);
                self.reload(env);
                match r {
                    Ok(()) => Effect::Saved(what.fill(lang, &[("id", &id)])),
                    Err(StoreError::Changed) => {
                        Effect::Error(q::UNDO_CHANGED.get(lang).to_string())
                    }
                    Err(e) => Effect::Error(store_error(&e, env)),
                }
            }
            Act::ToggleClosed => {
                self.view = match self.view {
                    View::Open => View::ClosedToday,
                    View::ClosedToday => View::Open,
                };
                self.list.reset();
                self.reload(env);
                Effect::None
            }
            Act::Form(FormAct::Save) => self.save(env),
            Act::Answer(true) => match self.mode {
                Mode::Attempt {
                    asking: Some(_), ..
                }
                | Mode::JoinAsk { .. } => self.save(env),
                _ => Effect::None,
            },
            Act::Answer(false) => match std::mem::replace(&mut self.mode, Mode::List) {
                // Keep them separate: the edit is saved, nothing joins.
                Mode::JoinAsk { form, id, .. } => {
                    let (effect, back) = self.save_edit(form, id, Some(None), env);
                    self.settle(back, env);
                    effect
                }
                other => {
                    self.mode = other;
                    self.ask_back()
                }
            },
            Act::AskBack => self.ask_back(),
            Act::Form(FormAct::Cancel) => {
                if let Some(again) = self.form_mut().and_then(|f| f.cancel(lang)) {
                    return Effect::Error(again);
                }
                self.mode = Mode::List;
                self.join_target = None;
                Effect::None
            }
            Act::Form(FormAct::NextField) => {
                self.step_field(true);
                Effect::None
            }
            Act::Form(FormAct::PrevField) => {
                self.step_field(false);
                Effect::None
            }
        }
    }

    fn navigate(&mut self, action: Action, env: &mut Env) -> Effect {
        if !matches!(self.mode, Mode::List) {
            return Effect::None;
        }
        if self.fault.is_set() {
            // After a failed read a movement key tries again.
            self.reload(env);
        } else if let Err(e) = self.step(action, env) {
            self.read_failed(&e, env);
        }
        Effect::None
    }

    fn on_text_key(&mut self, ev: KeyEvent, env: &mut Env) -> Effect {
        let lang = env.lang;
        let Some(form) = self.form_mut() else {
            return Effect::None;
        };
        let edit = form.key(ev);
        if edit == Edit::Changed {
            self.check_form(env);
            self.attempt_hint(lang);
        }
        self.too_long(edit, lang)
    }

    fn on_paste(&mut self, text: &str, env: &mut Env) -> Effect {
        let lang = env.lang;
        let Some(form) = self.form_mut() else {
            return Effect::None;
        };
        let max = form.focused_max_chars().unwrap_or(0);
        let edit = form.paste(text);
        self.check_form(env);
        super::input::pasted(edit, max, lang)
    }

    fn reload(&mut self, env: &mut Env) {
        match self.read_all(env) {
            Ok(()) => self.fault = ReadFault::default(),
            Err(e) => self.read_failed(&e, env),
        }
    }
}
