//! Referring a caller to a service: asked first, with the callback as the
//! queue shows it, recorded on yes, and taken back with `u`.

use super::{DirectoryState, Mode};
use crate::directory::{Service, Status};
use crate::i18n::directory as d;
use crate::store::StoreError;
use crate::tui::app::{Effect, Env};
use crate::tui::component::Component;

/// A callback as the queue shows it: the masked number and when it came.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Caller {
    pub number: String,
    pub received: String,
}

impl DirectoryState {
    /// Asks before referring the callback selected in the queue to `s`.
    pub(super) fn ask_refer(&mut self, s: Service, env: &mut Env) -> Effect {
        let lang = env.lang;
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
            Err(e) => return Effect::Error(super::store_error(&e, env)),
        };
        let caller = Caller {
            number: item
                .phone
                .as_ref()
                .map(|p| p.masked())
                .unwrap_or_else(|| d::CALLER_NO_NUMBER.get(lang).into()),
            received: crate::timefmt::when_words(item.received_at, env.now, env.calendar.tz, lang),
        };
        self.mode = Mode::ReferAsk {
            service: Box::new(s),
            callback: cb,
            caller,
        };
        Effect::None
    }

    /// Records the referral the volunteer said yes to; `u` takes it back.
    pub(super) fn refer(&mut self, s: &Service, cb: i64, caller: &Caller, env: &mut Env) -> Effect {
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
            Err(e) => Effect::Error(super::store_error(&e, env)),
        }
    }

    /// Takes back the referral just recorded.
    pub(super) fn undo_referral(&mut self, env: &mut Env) -> Effect {
        let lang = env.lang;
        let Some(id) = self.undo.take() else {
            return Effect::Error(d::DIR_NOTHING_TO_UNDO.get(lang).into());
        };
        match env.store.undo_referral(id, env.actor, env.now) {
            Ok(()) => {
                self.reload(env);
                Effect::Saved(d::REFER_UNDONE.get(lang).into())
            }
            Err(StoreError::NotFound) => Effect::Error(d::DIR_NOTHING_TO_UNDO.get(lang).into()),
            Err(e) => Effect::Error(super::store_error(&e, env)),
        }
    }
}
