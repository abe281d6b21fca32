//! Saving what happened with a callback: an attempt (asking first when a
//! message was left against the caller's wish), a planned time, and
//! closing the item.

use chrono::Duration;

use super::forms::{self, AttemptEntry, AttemptField, CloseField, NotRead, PlanField};
use super::save::not_read;
use super::{Mode, QueueState, store_error};
use crate::domain::callback::message_against_wish;
use crate::domain::promise::{Outcome, Safety};
use crate::i18n::queue as q;
use crate::store::StoreError;
use crate::timefmt;
use crate::tui::app::{Effect, Env};
use crate::tui::form::Form;

impl QueueState {
    pub(super) fn save_attempt(
        &mut self,
        mut form: Form<AttemptField>,
        id: i64,
        confirmed: bool,
        env: &mut Env,
    ) -> (Effect, Option<Mode>) {
        let asked = |form, asking| Some(Mode::Attempt { form, id, asking });
        let lang = env.lang;
        let AttemptEntry { at, result, note } =
            match forms::read_attempt(&mut form, env.now, env.calendar.tz, lang) {
                Ok(entry) => entry,
                Err(r) => return (not_read(r, lang), asked(form, None)),
            };
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
                        crate::domain::promise::safe_time_unmet(env.calendar, &i.safety, env.now)
                            == Some(crate::domain::promise::SafeTimeUnmet::NeverOpen)
                    });
                    let next = item
                        .as_ref()
                        .and_then(|i| i.next_attempt_at)
                        .unwrap_or_else(|| {
                            crate::domain::promise::next_attempt(env.calendar, at, gap)
                        });
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
                form.set_error(
                    AttemptField::At,
                    Some(q::attempt_time_error(e, lang).to_string()),
                );
                form.focus_on(AttemptField::At);
                (not_read(NotRead::Marked, lang), asked(form, None))
            }
            Err(e) => (Effect::Error(store_error(&e, env)), asked(form, None)),
        }
    }

    /// Saves a planned callback time (empty removes it), checked by the
    /// domain's rule against the hours and the caller's safe window as
    /// stored now.
    pub(super) fn save_plan(
        &mut self,
        mut form: Form<PlanField>,
        id: i64,
        env: &mut Env,
    ) -> (Effect, Option<Mode>) {
        let lang = env.lang;
        let back = |form| Some(Mode::Plan { form, id });
        let text = form.text(PlanField::At);
        let item = env.store.callback(id);
        let at = if text.trim().is_empty() {
            None
        } else {
            let safety = match &item {
                Ok(Some(item)) => item.safety.clone(),
                Ok(None) => Safety::default(),
                Err(e) => return (Effect::Error(store_error(e, env)), back(form)),
            };
            match crate::domain::callback::plan_callback(&text, env.calendar, &safety, env.now) {
                Ok(at) => Some(at),
                Err(e) => {
                    form.set_error(PlanField::At, Some(q::plan_error(&e, lang)));
                    return (not_read(NotRead::Marked, lang), back(form));
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
            Err(e) => (Effect::Error(store_error(&e, env)), back(form)),
        }
    }

    pub(super) fn save_close(
        &mut self,
        form: Form<CloseField>,
        id: i64,
        env: &mut Env,
    ) -> (Effect, Option<Mode>) {
        let outcome: Outcome = form.picked(CloseField::Outcome);
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
}
