//! Saving what a form or question of the directory pane says: an entry
//! added or edited, a new status, a problem report, a referral, the
//! filter. A form that could not be saved stays open with what was typed.

use super::forms::{Filter, NewStatus, ProblemField, StatusField};
use super::service_form::{ServiceField, read_form};
use super::{DirectoryState, Mode};
use crate::directory::problem::ProblemKind;
use crate::directory::{Service, Status};
use crate::i18n::directory as d;
use crate::tui::app::{Effect, Env};
use crate::tui::component::Component;
use crate::tui::form::Form;

/// What saving gave: the effect, and the mode to go back to (`None`: the
/// list, reloaded).
type Saved = (Effect, Option<Mode>);

impl DirectoryState {
    pub(super) fn save(&mut self, env: &mut Env) -> Effect {
        let mode = std::mem::replace(&mut self.mode, Mode::List);
        let (effect, back) = match mode {
            Mode::Form { form, editing } => {
                let base = match editing {
                    Some(id) => match env.store.service(id) {
                        Ok(Some(s)) => s,
                        _ => return Effect::Error(d::NOTHING_SELECTED.get(env.lang).into()),
                    },
                    None => Service {
                        national: true,
                        ..Service::default()
                    },
                };
                self.save_entry(form, editing, &base, env)
            }
            Mode::Deactivate { form, id } => save_status(form, id, env),
            Mode::Problem { form, id } => self.save_problem(form, id, env),
            Mode::ReferAsk {
                service,
                callback,
                caller,
            } => (self.refer(&service, callback, &caller, env), None),
            Mode::Filter { form } => {
                self.filter = Filter::read(&form);
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

    /// Adds the entry (`editing: None`) or saves the edit of `base`.
    fn save_entry(
        &mut self,
        mut form: Form<ServiceField>,
        editing: Option<i64>,
        base: &Service,
        env: &mut Env,
    ) -> Saved {
        let lang = env.lang;
        let Some(s) = read_form(&mut form, base, lang) else {
            if let Some(bad) = form.first_error() {
                form.focus_on(bad);
            }
            return (
                Effect::Error(d::DIR_ERR_FIX_FIELDS.get(lang).into()),
                Some(Mode::Form { form, editing }),
            );
        };
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
                Effect::Error(super::store_error(&e, env)),
                Some(Mode::Form { form, editing }),
            ),
        }
    }

    fn save_problem(&mut self, form: Form<ProblemField>, id: i64, env: &mut Env) -> Saved {
        let kind: ProblemKind = form.picked(ProblemField::Kind);
        let note = form.text(ProblemField::Note);
        match env
            .store
            .report_problem(id, kind, &note, env.actor, env.now)
        {
            Ok(_) => {
                self.select_after_reload = Some(id);
                (Effect::Saved(d::PROBLEM_SAVED.get(env.lang).into()), None)
            }
            Err(e) => (
                Effect::Error(super::store_error(&e, env)),
                Some(Mode::Problem { form, id }),
            ),
        }
    }
}

fn save_status(form: Form<StatusField>, id: i64, env: &mut Env) -> Saved {
    let NewStatus(status) = form.picked(StatusField::Status);
    match env.store.set_service_status(id, status, env.actor, env.now) {
        Ok(()) => {
            let msg = if status == Status::Closed {
                d::DEACTIVATED
            } else {
                d::DIR_SAVED
            };
            (Effect::Saved(msg.get(env.lang).into()), None)
        }
        Err(e) => (
            Effect::Error(super::store_error(&e, env)),
            Some(Mode::Deactivate { form, id }),
        ),
    }
}
