//! What the queue's forms say while the person types: the time received
//! and the number checked at once, the deadline previewed, another open
//! item with the same number named, and the caller's wish under an
//! attempt's result.

use super::forms::{AttemptField, ItemField, NewKind};
use super::{Mode, QueueState};
use crate::domain::callback::message_against_wish;
use crate::domain::promise::AttemptResult;
use crate::i18n::rules::when_message;
use crate::i18n::{Lang, queue as q};
use crate::timefmt;
use crate::tui::app::Env;
use crate::tui::form::Form;
use crate::when;

/// Checks the new-item form: the time and the number get a message at
/// once, and the deadline is previewed. Returns the open item that has
/// the number typed, if any (the new message joins it).
pub(super) fn new_item(form: &mut Form<ItemField>, env: &Env) -> Option<i64> {
    use ItemField as F;
    let lang = env.lang;
    let kind = form.picked::<NewKind>(F::Kind);
    let received_text = form.text(F::Received);
    let received = if received_text.trim().is_empty() {
        Ok(env.now)
    } else {
        when::parse_received(&received_text, env.now, env.calendar.tz)
    };
    match &received {
        Ok(at) => {
            form.set_error(F::Received, None);
            let info = kind.deadline_kind().and_then(|k| {
                env.calendar.deadline(k, *at).ok().map(|d| {
                    q::FORM_DEADLINE_PREVIEW.fill(
                        lang,
                        &[(
                            "when",
                            &timefmt::deadline_words(d.at, env.now, env.calendar.tz, lang),
                        )],
                    )
                })
            });
            form.set_info(F::Received, info);
        }
        Err(e) => {
            form.set_error(F::Received, Some(when_message(e, lang)));
            form.set_info(F::Received, None);
        }
    }
    let phone_text = form.text(F::Phone);
    let mut join_target = None;
    if kind == NewKind::Voicemail && !phone_text.trim().is_empty() {
        match crate::domain::callback::callback_number(&phone_text) {
            Ok(p) => {
                form.set_error(F::Phone, None);
                join_target = env.store.open_item_for_phone(&p).ok().flatten();
                let info = join_target.map(|_| q::FORM_JOIN_PREVIEW.get(lang).to_string());
                form.set_info(F::Phone, info);
            }
            Err(e) => {
                form.set_error(F::Phone, Some(q::phone_error(&e, lang)));
                form.set_info(F::Phone, None);
            }
        }
    } else {
        form.set_error(F::Phone, None);
        form.set_info(F::Phone, None);
    }
    join_target
}

/// Checks the number in the edit form of item `id`: the intake's rules,
/// and whether another open item has it.
pub(super) fn edited_number(form: &mut Form<ItemField>, id: i64, env: &Env) {
    use ItemField as F;
    if !form.fields.iter().any(|f| f.id == F::Phone) {
        return;
    }
    let lang = env.lang;
    match crate::domain::callback::callback_number(&form.text(F::Phone)) {
        Ok(p) => {
            form.set_error(F::Phone, None);
            let other = env.store.other_open_item_for_phone(&p, id).ok().flatten();
            form.set_info(
                F::Phone,
                other.map(|o| q::FORM_EDIT_JOIN_PREVIEW.fill(lang, &[("id", &o)])),
            );
        }
        Err(e) => {
            form.set_error(F::Phone, Some(q::phone_error(&e, lang)));
            form.set_info(F::Phone, None);
        }
    }
}

impl QueueState {
    /// Runs the checks of the form open (new item or edit), if it is one.
    pub(super) fn check_form(&mut self, env: &Env) {
        match &mut self.mode {
            Mode::Form {
                form,
                editing: None,
            } => self.join_target = new_item(form, env),
            Mode::Form {
                form,
                editing: Some(id),
            } => edited_number(form, *id, env),
            _ => {}
        }
    }

    /// The hint under the result: the caller's wish, only while "left a
    /// message" is chosen against it.
    pub(super) fn attempt_hint(&mut self, lang: Lang) {
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
        let result: AttemptResult = form.picked(AttemptField::Result);
        let hint =
            message_against_wish(result, &safety).map(|w| q::wish_words(w, lang).to_string());
        if let Some(f) = form.field_mut(AttemptField::Result) {
            f.hint = hint;
        }
    }
}
