//! The callback queue pane: open items in queue order, a page at a time;
//! the new/edit form; recording attempts; closing; undo.
//!
//! Paging is the shared pager's (`pager.rs`); this file only says where
//! the rows come from. The forms are built and read in `forms.rs`;
//! saving them stays here, next to the store calls and their messages.

use chrono::{DateTime, Duration, Utc};

use super::app::{Effect, Env};
use super::component::Component;
use super::fault::ReadFault;
use super::form::{Form, FormAct};
use super::input::Edit;
use super::keymap::{Action, Binding, Scope, b, ch, k};
use super::pager::{Move, Pager, Source};
use crate::callback::{AttemptResult, Kind, Outcome, Safety};
use crate::domain::callback::{Details, MessageWish, attempt_note, message_against_wish};
use crate::domain::text::TextField;
use crate::error::when_message;
use crate::i18n::rules::text_error;
use crate::i18n::{Lang, Msg, queue as q};
use crate::store::StoreError;
use crate::store::callbacks::{
    Attempt, Counts, Item, NewComplaint, NewVoicemail, QueueKey, Snapshots, Undo,
};
use crate::timefmt;
use crate::when;

mod forms;
use ratatui::crossterm::event::{KeyCode, KeyEvent};

/// Actions of the queue pane.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Act {
    Attempt,
    New,
    Close,
    Edit,
    Copy,
    Undo,
    ToggleClosed,
    Hold,
    /// Plan a callback time (or remove the plan).
    Plan,
    /// Back from a question to the form under it.
    AskBack,
    /// The answer to a yes/no question (a message against the caller's
    /// wish).
    Answer(bool),
    /// Save, cancel, next or previous field in the form.
    Form(FormAct),
}

impl Act {
    /// Whether the action reads or changes the selected caller's item (it
    /// waits while caller data is hidden).
    pub fn touches_caller_data(self) -> bool {
        match self {
            Act::Attempt
            | Act::Close
            | Act::Edit
            | Act::Copy
            | Act::Undo
            | Act::Hold
            | Act::Plan
            // Saving an attempt or an edit the person was asked about.
            | Act::Answer(_) => true,
            Act::New | Act::ToggleClosed | Act::Form(_) | Act::AskBack => false,
        }
    }
}

const fn a(act: Act) -> Action {
    Action::Queue(act)
}

pub const BINDINGS: &[Binding] = &[
    b(
        Scope::Queue,
        &[k(KeyCode::Enter, "Enter")],
        a(Act::Attempt),
        q::KEY_CALL,
        true,
    ),
    b(Scope::Queue, &[ch('n', "n")], a(Act::New), q::KEY_NEW, true),
    b(
        Scope::Queue,
        &[ch('c', "c")],
        a(Act::Close),
        q::KEY_CLOSE,
        true,
    ),
    b(
        Scope::Queue,
        &[ch('e', "e")],
        a(Act::Edit),
        q::KEY_EDIT,
        false,
    ),
    b(
        Scope::Queue,
        &[ch('y', "y")],
        a(Act::Copy),
        q::KEY_COPY,
        false,
    ),
    b(
        Scope::Queue,
        &[ch('u', "u")],
        a(Act::Undo),
        q::KEY_UNDO,
        false,
    ),
    b(
        Scope::Queue,
        &[ch('d', "d")],
        a(Act::ToggleClosed),
        q::KEY_CLOSED_TODAY,
        false,
    ),
    b(
        Scope::Queue,
        &[ch('h', "h")],
        a(Act::Hold),
        q::KEY_HOLD,
        false,
    ),
    b(
        Scope::Queue,
        &[ch('p', "p")],
        a(Act::Plan),
        q::KEY_PLAN,
        false,
    ),
    // What was closed today: only the keys that act on a closed item (no
    // attempt, no closing, no edit, no plan), so the footer, the help and
    // the keys themselves agree.
    b(
        Scope::QueueClosed,
        &[ch('d', "d")],
        a(Act::ToggleClosed),
        q::KEY_OPEN_ITEMS,
        true,
    ),
    b(
        Scope::QueueClosed,
        &[ch('y', "y")],
        a(Act::Copy),
        q::KEY_COPY,
        true,
    ),
    b(
        Scope::QueueClosed,
        &[ch('n', "n")],
        a(Act::New),
        q::KEY_NEW,
        false,
    ),
    b(
        Scope::QueueClosed,
        &[ch('u', "u")],
        a(Act::Undo),
        q::KEY_UNDO,
        false,
    ),
    b(
        Scope::QueueClosed,
        &[ch('h', "h")],
        a(Act::Hold),
        q::KEY_HOLD,
        false,
    ),
    b(
        Scope::CallbackConfirm,
        &[ch('j', "j"), ch('y', "y"), ch('J', "J"), ch('Y', "Y")],
        a(Act::Answer(true)),
        crate::i18n::shell::KEY_YES,
        true,
    ),
    b(
        Scope::CallbackConfirm,
        &[ch('n', "n"), ch('N', "N")],
        a(Act::Answer(false)),
        crate::i18n::shell::KEY_NO,
        true,
    ),
    b(
        Scope::CallbackConfirm,
        &[k(KeyCode::Esc, "Esc")],
        a(Act::AskBack),
        crate::i18n::shell::KEY_BACK,
        true,
    ),
];

/// Limits on what can be typed: the domain's rules, so the app and the
/// command line agree.
pub use crate::domain::text::{
    MAX_ATTEMPT_NOTE, MAX_LABEL, MAX_SAFE_TIMES, MAX_SAFETY_NOTE as MAX_NOTE, MAX_SUMMARY,
};
pub const MAX_TIME: usize = 40;
pub const MAX_PHONE: usize = 40;

/// The form field a text rule speaks about.
fn form_field(f: TextField) -> &'static str {
    match f {
        TextField::Label => "label",
        TextField::Summary => "summary",
        TextField::SafeTimes => "safe_times",
        TextField::SafetyNote | TextField::AttemptNote | TextField::Note | TextField::Reason => {
            "note"
        }
    }
}

/// What the pane is doing.
#[derive(Debug, Clone)]
pub enum Mode {
    List,
    /// Adding (`editing: None`) or editing an item.
    Form {
        form: Form,
        editing: Option<i64>,
    },
    Attempt {
        form: Form,
        id: i64,
        /// Asking whether to record a message left against the caller's
        /// wish (the form stays, with everything typed).
        asking: Option<MessageWish>,
    },
    Close {
        form: Form,
        id: i64,
    },
    /// Planning a callback time.
    Plan {
        form: Form,
        id: i64,
    },
    /// The edited number is another open item's: join them, or keep them
    /// separate? (The edit form stays under the question.)
    JoinAsk {
        form: Form,
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
    pub safe_unmet: Option<crate::callback::SafeTimeUnmet>,
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

/// The end of the local day containing `now`.
pub fn end_of_today(env: &Env) -> DateTime<Utc> {
    end_of_today_at(env.calendar, env.now)
}

pub fn end_of_today_at(
    cal: &crate::calendar::CalendarSettings,
    now: DateTime<Utc>,
) -> DateTime<Utc> {
    let today = cal.local_date(now);
    let tomorrow = today.succ_opt().unwrap_or(today);
    cal.local_instant(tomorrow, chrono::NaiveTime::MIN)
}

fn start_of_today(env: &Env) -> DateTime<Utc> {
    env.calendar
        .local_instant(env.calendar.local_date(env.now), chrono::NaiveTime::MIN)
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

    /// Checks the number in the edit form as the person types: the
    /// intake's rules, and whether another open item has it.
    fn validate_edit(&mut self, env: &mut Env) {
        let Mode::Form {
            form,
            editing: Some(id),
        } = &mut self.mode
        else {
            return;
        };
        if !form.fields.iter().any(|f| f.id == "phone") {
            return;
        }
        let lang = env.lang;
        match crate::domain::callback::callback_number(&form.text("phone")) {
            Ok(p) => {
                form.set_error("phone", None);
                let other = env.store.other_open_item_for_phone(&p, *id).ok().flatten();
                form.set_info(
                    "phone",
                    other.map(|o| q::FORM_EDIT_JOIN_PREVIEW.fill(lang, &[("id", &o)])),
                );
            }
            Err(e) => {
                form.set_error("phone", Some(q::phone_error(&e, lang)));
                form.set_info("phone", None);
            }
        }
    }

    /// Shows only the fields the chosen kind uses (typed text is kept in
    /// the hidden fields, so switching back loses nothing).
    pub fn visible_fields(form: &Form) -> Vec<&'static str> {
        forms::visible_fields(form)
    }

    /// Checks the new-item form as the person types: the time and the
    /// number get a message at once, and the deadline is previewed.
    fn validate_new(&mut self, env: &mut Env) {
        let Mode::Form {
            form,
            editing: None,
        } = &mut self.mode
        else {
            return;
        };
        let lang = env.lang;
        let received_text = form.text("received");
        let received = if received_text.trim().is_empty() {
            Ok(env.now)
        } else {
            when::parse_received(&received_text, env.now, env.calendar.tz)
        };
        match &received {
            Ok(at) => {
                form.set_error("received", None);
                let kind = if form.choice("kind") == 1 {
                    crate::calendar::ItemKind::Complaint
                } else {
                    crate::calendar::ItemKind::Voicemail
                };
                let info = if form.choice("kind") == 2 {
                    None
                } else {
                    env.calendar.deadline(kind, *at).ok().map(|d| {
                        q::FORM_DEADLINE_PREVIEW.fill(
                            lang,
                            &[(
                                "when",
                                &timefmt::deadline_words(d.at, env.now, env.calendar.tz, lang),
                            )],
                        )
                    })
                };
                form.set_info("received", info);
            }
            Err(e) => {
                form.set_error("received", Some(when_message(e, lang)));
                form.set_info("received", None);
            }
        }
        let phone_text = form.text("phone");
        self.join_target = None;
        if form.choice("kind") == 0 && !phone_text.trim().is_empty() {
            match crate::domain::callback::callback_number(&phone_text) {
                Ok(p) => {
                    form.set_error("phone", None);
                    self.join_target = env.store.open_item_for_phone(&p).ok().flatten();
                    let info = self
                        .join_target
                        .map(|_| q::FORM_JOIN_PREVIEW.get(lang).to_string());
                    form.set_info("phone", info);
                }
                Err(e) => {
                    form.set_error("phone", Some(q::phone_error(&e, lang)));
                    form.set_info("phone", None);
                }
            }
        } else {
            form.set_error("phone", None);
            form.set_info("phone", None);
        }
    }

    fn save(&mut self, env: &mut Env) -> Effect {
        let mode = std::mem::replace(&mut self.mode, Mode::List);
        let (effect, back) = match mode {
            Mode::Form {
                form,
                editing: None,
            } => self.save_new(form, env),
            Mode::Form {
                form,
                editing: Some(id),
            } => self.save_edit(form, id, None, env),
            Mode::JoinAsk { form, id, into } => self.save_edit(form, id, Some(Some(into)), env),
            Mode::Attempt { form, id, asking } => {
                self.save_attempt(form, id, asking.is_some(), env)
            }
            Mode::Plan { form, id } => self.save_plan(form, id, env),
            Mode::Close { form, id } => self.save_close(form, id, env),
            Mode::List => (Effect::None, None),
        };
        self.settle(back, env);
        effect
    }

    /// After saving: the form again if something was wrong (with
    /// everything typed), else the list, read again.
    fn settle(&mut self, back: Option<Mode>, env: &mut Env) {
        if let Some(mode) = back {
            self.mode = mode;
        } else {
            self.reload(env);
        }
    }

    /// From a question back to the form under it, nothing saved.
    fn ask_back(&mut self) -> Effect {
        self.mode = match std::mem::replace(&mut self.mode, Mode::List) {
            Mode::Attempt { mut form, id, .. } => {
                form.focus_on("result");
                Mode::Attempt {
                    form,
                    id,
                    asking: None,
                }
            }
            Mode::JoinAsk { mut form, id, .. } => {
                form.focus_on("phone");
                Mode::Form {
                    form,
                    editing: Some(id),
                }
            }
            other => other,
        };
        Effect::None
    }

    fn save_new(&mut self, mut form: Form, env: &mut Env) -> (Effect, Option<Mode>) {
        let lang = env.lang;
        self.mode = Mode::Form {
            form: form.clone(),
            editing: None,
        };
        self.validate_new(env);
        if let Mode::Form { form: f, .. } = std::mem::replace(&mut self.mode, Mode::List) {
            form = f;
        }
        let kind = form.choice("kind");
        // The words are checked by the same rules as the command line's.
        for id in ["label", "summary", "safe_times", "note"] {
            form.set_error(id, None);
        }
        let details = Details::new(
            if kind == 1 {
                Kind::Complaint
            } else {
                Kind::Voicemail
            },
            &form.text("label"),
            &form.text("summary"),
            &forms::safety_from(&form),
        );
        if let Err(e) = &details {
            form.set_error(form_field(e.field), Some(text_error(e, lang)));
        }
        if kind == 0 && form.text("phone").trim().is_empty() {
            form.set_error("phone", Some(q::ERR_PHONE_EMPTY.get(lang).to_string()));
        }
        let visible = forms::visible_fields(&form);
        if let Some(bad) = form
            .fields
            .iter()
            .find(|f| f.error.is_some() && visible.contains(&f.id))
            .map(|f| f.id)
        {
            form.focus_on(bad);
            return (
                Effect::Error(q::ERR_FIX_FIELDS.get(lang).to_string()),
                Some(Mode::Form {
                    form,
                    editing: None,
                }),
            );
        }
        let received_text = form.text("received");
        let received = if received_text.trim().is_empty() {
            env.now
        } else {
            match when::parse_received(&received_text, env.now, env.calendar.tz) {
                Ok(t) => t,
                Err(_) => env.now,
            }
        };
        let result = match kind {
            0 => {
                let Ok(phone) = crate::domain::callback::callback_number(&form.text("phone"))
                else {
                    return (
                        Effect::None,
                        Some(Mode::Form {
                            form,
                            editing: None,
                        }),
                    );
                };
                let Ok(v) = NewVoicemail::new(
                    received,
                    phone,
                    &form.text("label"),
                    &form.text("summary"),
                    &forms::safety_from(&form),
                ) else {
                    return (
                        Effect::None,
                        Some(Mode::Form {
                            form,
                            editing: None,
                        }),
                    );
                };
                env.store
                    .add_voicemail(&v, env.calendar, &mut self.snaps, env.actor, env.now)
                    .map(|added| {
                        let what = if added.joined {
                            q::UNDONE_JOINED
                        } else {
                            q::UNDONE_NEW
                        };
                        self.undo = Some((added.undo, what));
                        self.list.follow(added.id);
                        if added.joined {
                            q::SAVED_JOINED.get(lang).to_string()
                        } else {
                            q::SAVED_NEW.fill(
                                lang,
                                &[(
                                    "when",
                                    &timefmt::deadline_words(
                                        added.deadline,
                                        env.now,
                                        env.calendar.tz,
                                        lang,
                                    ),
                                )],
                            )
                        }
                    })
            }
            1 => {
                let Ok(c) = NewComplaint::new(received, &form.text("label"), &form.text("summary"))
                else {
                    return (
                        Effect::None,
                        Some(Mode::Form {
                            form,
                            editing: None,
                        }),
                    );
                };
                env.store
                    .add_complaint(&c, env.calendar, env.actor, env.now)
                    .map(|added| {
                        self.undo = Some((added.undo, q::UNDONE_NEW));
                        self.list.follow(added.id);
                        q::SAVED_NEW.fill(
                            lang,
                            &[(
                                "when",
                                &timefmt::deadline_words(
                                    added.deadline,
                                    env.now,
                                    env.calendar.tz,
                                    lang,
                                ),
                            )],
                        )
                    })
            }
            _ => env
                .store
                .add_withheld(received, env.actor, env.now)
                .map(|_| q::SAVED_WITHHELD.get(lang).to_string()),
        };
        match result {
            Ok(msg) => (Effect::Saved(msg), None),
            Err(e) => (
                Effect::Error(store_error(&e, env)),
                Some(Mode::Form {
                    form,
                    editing: None,
                }),
            ),
        }
    }

    /// Saves the edit form. `join` is the person's answer when the new
    /// number is another open item's: `None` not asked yet, `Some(None)`
    /// keep them separate, `Some(Some(into))` join.
    fn save_edit(
        &mut self,
        mut form: Form,
        id: i64,
        join: Option<Option<i64>>,
        env: &mut Env,
    ) -> (Effect, Option<Mode>) {
        let lang = env.lang;
        let back = |form| {
            Some(Mode::Form {
                form,
                editing: Some(id),
            })
        };
        let before = self.rows().iter().find(|i| i.id == id).cloned();
        let kind = before.as_ref().map_or(Kind::Voicemail, |i| i.kind);
        let phone = if form.fields.iter().any(|f| f.id == "phone") {
            match crate::domain::callback::callback_number(&form.text("phone")) {
                Ok(p) => Some(p),
                Err(e) => {
                    form.set_error("phone", Some(q::phone_error(&e, lang)));
                    form.focus_on("phone");
                    return (
                        Effect::Error(q::ERR_FIX_FIELDS.get(lang).to_string()),
                        back(form),
                    );
                }
            }
        } else {
            None
        };
        let changed = phone.as_ref().is_some_and(|p| {
            before
                .as_ref()
                .and_then(|i| i.phone.as_ref())
                .map(|old| old.as_str())
                != Some(p.as_str())
        });
        let join = match (join, &phone) {
            (Some(answer), _) => answer,
            (None, Some(p)) if changed => match env.store.other_open_item_for_phone(p, id) {
                Ok(Some(into)) => {
                    return (Effect::None, Some(Mode::JoinAsk { form, id, into }));
                }
                Ok(None) => None,
                Err(e) => return (Effect::Error(store_error(&e, env)), back(form)),
            },
            _ => None,
        };
        let d = match Details::new(
            kind,
            &form.text("label"),
            &form.text("summary"),
            &forms::safety_from(&form),
        ) {
            Ok(d) => d,
            Err(e) => {
                let field = form_field(e.field);
                form.set_error(field, Some(text_error(&e, lang)));
                form.focus_on(field);
                return (
                    Effect::Error(q::ERR_FIX_FIELDS.get(lang).to_string()),
                    back(form),
                );
            }
        };
        let r = env.store.edit_item(
            id,
            &d,
            phone.as_ref().filter(|_| changed),
            join,
            &mut self.snaps,
            env.actor,
            env.now,
        );
        match r {
            Ok(edited) => {
                self.undo = edited.undo.map(|u| (u, q::UNDONE_EDIT));
                let msg = match edited.joined_into {
                    Some(into) => {
                        self.list.follow(into);
                        q::SAVED_EDIT_JOINED.fill(lang, &[("id", &into)])
                    }
                    None => q::SAVED_EDIT.get(lang).to_string(),
                };
                (Effect::Saved(msg), None)
            }
            Err(e) => (Effect::Error(store_error(&e, env)), back(form)),
        }
    }

    /// The hint under the result: the caller's wish, only while "left a
    /// message" is chosen against it.
    fn attempt_hint(&mut self, lang: Lang) {
        let Mode::Attempt { form, id, .. } = &mut self.mode else {
            return;
        };
        let safety = self
            .list
            .rows()
            .iter()
            .find(|i| i.id == *id)
            .map(|i| i.safety.clone())
            .unwrap_or_default();
        let result = forms::RESULTS[form.choice("result").min(forms::RESULTS.len() - 1)];
        let hint =
            message_against_wish(result, &safety).map(|w| q::wish_words(w, lang).to_string());
        if let Some(f) = form.field_mut("result") {
            f.hint = hint;
        }
    }

    fn save_attempt(
        &mut self,
        mut form: Form,
        id: i64,
        confirmed: bool,
        env: &mut Env,
    ) -> (Effect, Option<Mode>) {
        let asked = |form, asking| Some(Mode::Attempt { form, id, asking });
        let lang = env.lang;
        let at_text = form.text("at");
        // No age limit here: the item's receipt bounds an attempt (the
        // store checks it), and an old item's attempt is not a typo.
        let at = if at_text.trim().is_empty() {
            Ok(env.now)
        } else {
            when::parse_received_old_ok(&at_text, env.now, env.calendar.tz)
        };
        let at = match at {
            Ok(t) => t,
            Err(e) => {
                form.set_error("at", Some(when_message(&e, lang)));
                form.focus_on("at");
                return (
                    Effect::Error(q::ERR_FIX_FIELDS.get(lang).to_string()),
                    asked(form, None),
                );
            }
        };
        let note = match attempt_note(&form.text("note")) {
            Ok(n) => n,
            Err(e) => {
                form.set_error("note", Some(text_error(&e, lang)));
                form.focus_on("note");
                return (
                    Effect::Error(q::ERR_FIX_FIELDS.get(lang).to_string()),
                    asked(form, None),
                );
            }
        };
        let result = forms::RESULTS[form.choice("result").min(forms::RESULTS.len() - 1)];
        if !confirmed {
            // The wish as stored now (another terminal may have changed
            // it); a read that fails asks, as an unknown wish does.
            let safety = match env.store.callback(id) {
                Ok(Some(item)) => item.safety,
                _ => Safety::default(),
            };
            if let Some(wish) = message_against_wish(result, &safety) {
                return (Effect::None, asked(form, Some(wish)));
            }
        }
        let gap = Duration::hours(i64::from(env.config.callbacks.retry_hours));
        let r = env.store.record_attempt(
            id,
            at,
            result,
            &note,
            env.calendar,
            gap,
            &mut self.snaps,
            env.actor,
            env.now,
        );
        match r {
            Ok((closed, undo)) => {
                self.undo = Some((undo, q::UNDONE_ATTEMPT));
                let msg = if closed {
                    q::SAVED_REACHED.get(lang).to_string()
                } else {
                    // What was planned and stored (inside the caller's
                    // safe time when it can be).
                    let item = env.store.callback(id).ok().flatten();
                    // No time to propose when none is safe: a normal
                    // retry would be an unsafe one.
                    let never_safe = item.as_ref().is_some_and(|i| {
                        crate::callback::safe_time_unmet(env.calendar, &i.safety, env.now)
                            == Some(crate::callback::SafeTimeUnmet::NeverOpen)
                    });
                    let next = item
                        .as_ref()
                        .and_then(|i| i.next_attempt_at)
                        .unwrap_or_else(|| crate::callback::next_attempt(env.calendar, at, gap));
                    let mut m = if never_safe {
                        q::SAVED_ATTEMPT_NO_SAFE.get(lang).to_string()
                    } else {
                        q::SAVED_ATTEMPT.fill(
                            lang,
                            &[(
                                "when",
                                &timefmt::when_words(next, env.now, env.calendar.tz, lang),
                            )],
                        )
                    };
                    let max = env.config.callbacks.max_attempts;
                    if let Some(item) = item
                        && item.attempt_count >= max
                    {
                        m = format!(
                            "{m} {}",
                            q::GAVE_UP_SUGGESTION.fill(lang, &[("n", &item.attempt_count)])
                        );
                    }
                    m
                };
                (Effect::Saved(msg), None)
            }
            Err(StoreError::AttemptTime(e)) => {
                form.set_error("at", Some(q::attempt_time_error(e, lang).to_string()));
                form.focus_on("at");
                (
                    Effect::Error(q::ERR_FIX_FIELDS.get(lang).to_string()),
                    asked(form, None),
                )
            }
            Err(e) => (Effect::Error(store_error(&e, env)), asked(form, None)),
        }
    }

    /// Saves a planned callback time (empty removes it), checked by the
    /// domain's rule against the hours and the caller's safe window as
    /// stored now.
    fn save_plan(&mut self, mut form: Form, id: i64, env: &mut Env) -> (Effect, Option<Mode>) {
        let lang = env.lang;
        let text = form.text("at");
        let item = env.store.callback(id);
        let at = if text.trim().is_empty() {
            None
        } else {
            let safety = match &item {
                Ok(Some(item)) => item.safety.clone(),
                Ok(None) => Safety::default(),
                Err(e) => {
                    return (
                        Effect::Error(store_error(e, env)),
                        Some(Mode::Plan { form, id }),
                    );
                }
            };
            match crate::domain::callback::plan_callback(&text, env.calendar, &safety, env.now) {
                Ok(at) => Some(at),
                Err(e) => {
                    form.set_error("at", Some(q::plan_error(&e, lang)));
                    return (
                        Effect::Error(q::ERR_FIX_FIELDS.get(lang).to_string()),
                        Some(Mode::Plan { form, id }),
                    );
                }
            }
        };
        match env
            .store
            .set_planned(id, at, &mut self.snaps, env.actor, env.now)
        {
            Ok(undo) => {
                self.undo = Some((undo, q::UNDONE_PLAN));
                let msg = match at {
                    Some(t) => {
                        let tz = env.calendar.tz;
                        let saved = q::SAVED_PLANNED
                            .fill(lang, &[("when", &q::planned_words(t, tz, lang))]);
                        let warning = item.ok().flatten().and_then(|i| {
                            q::plan_warning(t, i.deadline_at, i.attempt_count, tz, lang)
                        });
                        match warning {
                            Some(w) => format!("{saved} {w}"),
                            None => saved,
                        }
                    }
                    None => q::SAVED_UNPLANNED.get(lang).to_string(),
                };
                (Effect::Saved(msg), None)
            }
            Err(e) => (
                Effect::Error(store_error(&e, env)),
                Some(Mode::Plan { form, id }),
            ),
        }
    }

    fn save_close(&mut self, form: Form, id: i64, env: &mut Env) -> (Effect, Option<Mode>) {
        let outcome = forms::OUTCOMES[form.choice("outcome").min(forms::OUTCOMES.len() - 1)];
        let r = env.store.close_callback(
            id,
            outcome,
            env.config.callbacks.max_attempts,
            &mut self.snaps,
            env.actor,
            env.now,
        );
        match r {
            Ok(undo) => {
                self.undo = Some((undo, q::UNDONE_CLOSE));
                (
                    Effect::Saved(q::SAVED_CLOSED.get(env.lang).to_string()),
                    None,
                )
            }
            Err(e) => (
                Effect::Error(store_error(&e, env)),
                Some(Mode::Close { form, id }),
            ),
        }
    }

    fn form_mut(&mut self) -> Option<&mut Form> {
        match &mut self.mode {
            Mode::List => None,
            Mode::Form { form, .. }
            | Mode::Attempt { form, .. }
            | Mode::Close { form, .. }
            | Mode::Plan { form, .. }
            | Mode::JoinAsk { form, .. } => Some(form),
        }
    }

    pub fn form(&self) -> Option<&Form> {
        match &self.mode {
            Mode::List => None,
            Mode::Form { form, .. }
            | Mode::Attempt { form, .. }
            | Mode::Close { form, .. }
            | Mode::Plan { form, .. }
            | Mode::JoinAsk { form, .. } => Some(form),
        }
    }

    /// Moves focus to the next field the current kind shows.
    fn step_field(&mut self, forward: bool) {
        let Some(form) = self.form_mut() else {
            return;
        };
        let visible = if form.fields.iter().any(|f| f.id == "kind") {
            forms::visible_fields(form)
        } else {
            form.fields.iter().map(|f| f.id).collect()
        };
        for _ in 0..form.fields.len() {
            if forward {
                form.next();
            } else {
                form.prev();
            }
            if form.focused_id().is_some_and(|id| visible.contains(&id)) {
                break;
            }
        }
    }

    fn load_attempts(&mut self, env: &mut Env) -> Result<(), StoreError> {
        (self.attempts, self.referrals, self.recordings) = match self.selected_item() {
            Some(item) => (
                env.store.attempts(item.id)?,
                env.store.referrals_of(item.id)?,
                env.store.recordings(item.id)?,
            ),
            None => (Vec::new(), Vec::new(), Vec::new()),
        };
        self.safe_unmet = self
            .selected_item()
            .filter(|i| i.open)
            .and_then(|i| crate::callback::safe_time_unmet(env.calendar, &i.safety, env.now));
        self.mark_rows(env);
        Ok(())
    }

    /// Works out which rows on screen have a safe time the hours never
    /// meet, when the rows (or their versions), the day or the hours
    /// changed since last time:
    /// moving the selection within a page reads nothing again.
    fn mark_rows(&mut self, env: &Env) {
        let shown: Vec<(i64, i64)> = self.rows().iter().map(|i| (i.id, i.version)).collect();
        let day = env.calendar.local_date(env.now);
        if shown == self.marked_rows
            && self
                .marked_for
                .as_ref()
                .is_some_and(|(d, cal)| *d == day && cal == env.calendar)
        {
            return;
        }
        self.never_open = self
            .rows()
            .iter()
            .filter(|i| {
                i.open
                    && crate::callback::safe_time_unmet(env.calendar, &i.safety, env.now)
                        == Some(crate::callback::SafeTimeUnmet::NeverOpen)
            })
            .map(|i| i.id)
            .collect();
        self.marked_rows = shown;
        self.marked_for = Some((day, env.calendar.clone()));
    }

    /// Reads the page around the selected item again.
    fn fetch(&mut self, env: &mut Env) -> Result<(), StoreError> {
        self.list.reload(&mut Rows::of(self.view, env))?;
        self.load_attempts(env)
    }

    /// Records a failed read: the rows (possibly from before) are dropped,
    /// so no action works on what the screen no longer shows.
    fn read_failed(&mut self, e: &StoreError, env: &Env) {
        self.fault.fail(e, env);
        self.list.clear();
        self.attempts.clear();
    }

    /// Reads the counts and the page on screen again.
    fn read_all(&mut self, env: &mut Env) -> Result<(), StoreError> {
        self.counts = env.store.queue_counts(env.now, end_of_today(env))?;
        if self.view == View::ClosedToday {
            self.closed_today = env.store.closed_count_since(start_of_today(env))?;
        }
        self.fetch(env)
    }

    /// One movement in the list; reads a page when it leaves the one shown.
    fn step(&mut self, action: Action, env: &mut Env) -> Result<(), StoreError> {
        let Some(mv) = Move::of(action) else {
            return Ok(());
        };
        let before = self.list.selected_id();
        self.list.step(&mut Rows::of(self.view, env), mv)?;
        if self.list.selected_id() != before {
            self.load_attempts(env)?;
        }
        Ok(())
    }
}

/// The rows of one view, read from the store a few at a time.
struct Rows<'e, 'a> {
    env: &'e Env<'a>,
    view: View,
    since: DateTime<Utc>,
}

impl<'e, 'a> Rows<'e, 'a> {
    fn of(view: View, env: &'e Env<'a>) -> Self {
        Rows {
            env,
            view,
            since: start_of_today(env),
        }
    }
}

impl Source for Rows<'_, '_> {
    type Row = Item;
    type Key = QueueKey;
    type Err = StoreError;

    fn key(&self, item: &Item) -> QueueKey {
        match self.view {
            View::Open => item.key(),
            View::ClosedToday => item.closed_key(),
        }
    }

    fn id(&self, item: &Item) -> i64 {
        item.id
    }

    fn from(&mut self, from: Option<&QueueKey>, limit: usize) -> Result<Vec<Item>, StoreError> {
        match self.view {
            View::Open => self.env.store.queue_from(from, limit),
            View::ClosedToday => self.env.store.closed_from(self.since, from, limit),
        }
    }

    fn before(&mut self, key: &QueueKey, limit: usize) -> Result<Vec<Item>, StoreError> {
        match self.view {
            View::Open => self.env.store.queue_before(key, limit),
            View::ClosedToday => self.env.store.closed_after(self.since, key, limit),
        }
    }

    fn last(&mut self, limit: usize) -> Result<Vec<Item>, StoreError> {
        match self.view {
            View::Open => self.env.store.queue_last(limit),
            View::ClosedToday => self.env.store.closed_first(self.since, limit),
        }
    }

    fn locate(&mut self, id: i64) -> Result<Option<QueueKey>, StoreError> {
        let item = self.env.store.callback(id)?.filter(|i| match self.view {
            View::Open => i.open,
            View::ClosedToday => !i.open && i.closed_at.is_some_and(|at| at >= self.since),
        });
        Ok(item.map(|i| self.key(&i)))
    }
}

impl QueueState {
    /// The message for an edit cut short by the focused field's limit.
    fn too_long(&self, edit: Edit, lang: Lang) -> Effect {
        self.form()
            .and_then(|f| f.too_long(edit, lang))
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
        self.form().is_some_and(Form::is_dirty)
    }

    fn why_disabled(&self, act: Act) -> Option<crate::i18n::Msg> {
        (act == Act::Undo).then_some(q::NOTHING_TO_UNDO)
    }

    fn is_enabled(&self, act: Act) -> bool {
        let item = self.selected_item();
        let open_item = item.is_some_and(|i| i.open);
        match act {
            Act::Attempt => {
                open_item && item.is_some_and(|i| i.kind == crate::callback::Kind::Voicemail)
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
                    form: {
                        let mut f = forms::new_item(lang);
                        if let Some(field) = f.field_mut("received") {
                            field.hint = Some(q::FORM_RECEIVED_HINT.get(lang).to_string());
                        }
                        f
                    },
                    editing: None,
                };
                self.validate_new(env);
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
        if matches!(self.mode, Mode::Form { editing: None, .. }) && edit == Edit::Changed {
            self.validate_new(env);
        }
        if matches!(self.mode, Mode::Attempt { .. }) && edit == Edit::Changed {
            self.attempt_hint(lang);
        }
        if matches!(
            self.mode,
            Mode::Form {
                editing: Some(_),
                ..
            }
        ) && edit == Edit::Changed
        {
            self.validate_edit(env);
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
        if matches!(self.mode, Mode::Form { editing: None, .. }) {
            self.validate_new(env);
        }
        if matches!(
            self.mode,
            Mode::Form {
                editing: Some(_),
                ..
            }
        ) {
            self.validate_edit(env);
        }
        super::input::pasted(edit, max, lang)
    }

    fn reload(&mut self, env: &mut Env) {
        match self.read_all(env) {
            Ok(()) => self.fault = ReadFault::default(),
            Err(e) => self.read_failed(&e, env),
        }
    }
}

pub fn result_msg(r: AttemptResult) -> Msg {
    match r {
        AttemptResult::Reached => q::RESULT_REACHED,
        AttemptResult::NoAnswer => q::RESULT_NO_ANSWER,
        AttemptResult::Busy => q::RESULT_BUSY,
        AttemptResult::LeftMessage => q::RESULT_LEFT_MESSAGE,
        AttemptResult::WrongNumber => q::RESULT_WRONG_NUMBER,
    }
}

pub fn outcome_msg(o: Outcome) -> Msg {
    match o {
        Outcome::Reached => q::OUTCOME_REACHED,
        Outcome::GaveUp => q::OUTCOME_GAVE_UP,
        Outcome::NotInUse => q::OUTCOME_NOT_IN_USE,
        Outcome::NotNeeded => q::OUTCOME_NOT_NEEDED,
    }
}
