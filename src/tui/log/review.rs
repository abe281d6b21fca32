//! The handover review (the handover waiting, this person's shift so far,
//! or today), ending the shift into it, and acknowledging the handover as
//! the person on duty.

use super::{LogState, Mode};
use crate::handover;
use crate::i18n::log as m;
use crate::report;
use crate::store::StoreError;
use crate::tui::app::{Effect, Env};
use crate::tui::input::Field;
use crate::tui::keymap::Action;

impl LogState {
    /// The handover waiting to be acknowledged, if any (the banner sends
    /// the next person here); else this person's shift so far; else today.
    pub(super) fn open_review(&mut self, env: &mut Env) -> Effect {
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

    pub(super) fn end_shift(&mut self, env: &mut Env) -> Effect {
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

    /// `k` in the review: asks to acknowledge the handover waiting, in the
    /// name of the person on duty.
    pub(super) fn ask_acknowledge(&mut self, env: &Env) -> Effect {
        if let Mode::Review { waiting: false, .. } = self.mode {
            return Effect::Error(m::ACK_NONE.get(env.lang).to_string());
        }
        if let Mode::Review { lines, scroll, .. } = &mut self.mode {
            self.mode = Mode::Ack {
                // Shows who acknowledges: the person on duty.
                field: Box::new(Field::single(crate::domain::name::MAX_CHARS).with_text(env.actor)),
                lines: std::mem::take(lines),
                scroll: *scroll,
            };
        }
        Effect::None
    }

    /// The person on duty acknowledges: the name is the one set with F3
    /// (or --as), never typed here.
    pub(super) fn acknowledge(&mut self, env: &mut Env) -> Effect {
        let lang = env.lang;
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

    /// Esc on the acknowledgement: back to the review, where it was.
    pub(super) fn back_to_review(&mut self) {
        if let Mode::Ack { lines, scroll, .. } = &mut self.mode {
            self.mode = Mode::Review {
                lines: std::mem::take(lines),
                scroll: *scroll,
                waiting: true,
            };
        }
    }

    /// A movement key scrolls the review (and the acknowledgement over
    /// it); false when neither is open.
    pub(super) fn scroll_review(&mut self, action: Action) -> bool {
        let (Mode::Review { scroll, .. } | Mode::Ack { scroll, .. }) = &mut self.mode else {
            return false;
        };
        *scroll = match action {
            Action::Up => scroll.saturating_sub(1),
            Action::Down => scroll.saturating_add(1),
            Action::PageUp => scroll.saturating_sub(10),
            Action::PageDown => scroll.saturating_add(10),
            Action::Home => 0,
            _ => *scroll,
        };
        true
    }
}
