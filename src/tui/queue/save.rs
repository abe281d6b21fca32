//! Saving the form open in the queue: which save a form takes, and the
//! new item and the edit (each reads its form into a checked value, then
//! writes it in one transaction). An attempt, a plan and a close are in
//! `calls.rs`.

use super::forms::{self, ItemField, NewEntry, NotRead};
use super::{Mode, QueueState, check, store_error};
use crate::domain::promise::Kind;
use crate::i18n::{Lang, queue as q};
use crate::store::StoreError;
use crate::timefmt;
use crate::tui::app::{Effect, Env};
use crate::tui::component::Component;
use crate::tui::form::Form;

/// What a form that could not be read says: "fix the marked fields", or
/// nothing.
pub(super) fn not_read(r: NotRead, lang: Lang) -> Effect {
    match r {
        NotRead::Marked => Effect::Error(q::ERR_FIX_FIELDS.get(lang).to_string()),
        NotRead::Quiet => Effect::None,
    }
}

impl QueueState {
    pub(super) fn save(&mut self, env: &mut Env) -> Effect {
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
    pub(super) fn settle(&mut self, back: Option<Mode>, env: &mut Env) {
        if let Some(mode) = back {
            self.mode = mode;
        } else {
            self.reload(env);
        }
    }

    fn save_new(&mut self, mut form: Form<ItemField>, env: &mut Env) -> (Effect, Option<Mode>) {
        let lang = env.lang;
        let back = |form| {
            Some(Mode::Form {
                form,
                editing: None,
            })
        };
        self.join_target = check::new_item(&mut form, env);
        let entry = match forms::read_new(&mut form, env.now, env.calendar.tz, lang) {
            Ok(entry) => entry,
            Err(r) => return (not_read(r, lang), back(form)),
        };
        match self.add(entry, env) {
            Ok(msg) => (Effect::Saved(msg), None),
            Err(e) => (Effect::Error(store_error(&e, env)), back(form)),
        }
    }

    /// Adds a new item; what was saved, in a sentence.
    fn add(&mut self, entry: NewEntry, env: &mut Env) -> Result<String, StoreError> {
        let lang = env.lang;
        let saved_new = |deadline| {
            q::SAVED_NEW.fill(
                lang,
                &[(
                    "when",
                    &timefmt::deadline_words(deadline, env.now, env.calendar.tz, lang),
                )],
            )
        };
        match entry {
            NewEntry::Voicemail(v) => env
                .store
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
                        saved_new(added.deadline)
                    }
                }),
            NewEntry::Complaint(c) => env
                .store
                .add_complaint(&c, env.calendar, env.actor, env.now)
                .map(|added| {
                    self.undo = Some((added.undo, q::UNDONE_NEW));
                    self.list.follow(added.id);
                    saved_new(added.deadline)
                }),
            NewEntry::Withheld(received) => env
                .store
                .add_withheld(received, env.actor, env.now)
                .map(|_| q::SAVED_WITHHELD.get(lang).to_string()),
        }
    }

    /// Saves the edit form. `join` is the person's answer when the new
    /// number is another open item's: `None` not asked yet, `Some(None)`
    /// keep them separate, `Some(Some(into))` join.
    pub(super) fn save_edit(
        &mut self,
        mut form: Form<ItemField>,
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
        let phone = match forms::edited_phone(&mut form, lang) {
            Ok(phone) => phone,
            Err(r) => return (not_read(r, lang), back(form)),
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
        let d = match forms::details(&mut form, kind, lang) {
            Ok(d) => d,
            Err(field) => {
                form.focus_on(field);
                return (not_read(NotRead::Marked, lang), back(form));
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
}
