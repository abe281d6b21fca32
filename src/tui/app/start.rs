//! What the person meets when the app opens: the welcome on a new
//! database (and its opening-hours form), and "who is on duty?".

use super::{App, Flash, UNKNOWN_ACTOR};
use crate::tui::form::{FormAct, FormStep};
use crate::tui::popup::{Popup, PopupKind};

impl App {
    /// What the person meets when the app opens, in this order: on a new
    /// database the welcome, and over it "who is on duty?" unless `as_name`
    /// (`--as`, a forced command on a shared server) already says, fixed
    /// for the session. The question comes first and alone, so a change
    /// to the opening hours in the welcome is recorded under a name;
    /// nothing is prefilled, since on a shared machine the last name is
    /// someone else's (the names recently on duty are offered to pick).
    pub fn open(&mut self, as_name: Option<&str>) {
        // Before a shift is started: a new database has no work yet.
        self.show_welcome_if_new();
        match as_name {
            Some(name) => self.set_on_duty(name, true),
            None => self.ask_who(None),
        }
    }

    /// Shows the welcome if the database holds no work yet.
    pub fn show_welcome_if_new(&mut self) {
        if let Ok(false) = crate::demo::has_data(&self.store) {
            self.popups
                .push(Popup::Welcome(crate::tui::welcome::Welcome::default()));
        }
    }

    pub(super) fn welcome_action(&mut self, act: crate::tui::welcome::Act) {
        use crate::tui::welcome::{Act, Welcome};
        let Some(Popup::Welcome(w)) = self.popups.top_mut() else {
            return;
        };
        match act {
            Act::Close => {
                self.popups.remove(PopupKind::Welcome);
            }
            Act::EditHours => w.form = Some(Welcome::hours_form(&self.calendar, self.lang)),
            Act::Form(FormAct::Save) => self.save_hours(),
            Act::Form(f) => {
                let Some(form) = &mut w.form else {
                    return;
                };
                match form.step(f, self.lang) {
                    FormStep::AskAgain(again) => {
                        self.flash = Some(Flash {
                            text: again,
                            error: true,
                        })
                    }
                    FormStep::Close => w.form = None,
                    FormStep::Moved | FormStep::Save => {}
                }
            }
        }
    }

    /// Saves the welcome's opening-hours form: the whole week, or nothing.
    fn save_hours(&mut self) {
        use crate::tui::welcome::Welcome;
        let Some(Popup::Welcome(w)) = self.popups.top_mut() else {
            return;
        };
        let Some(form) = &mut w.form else {
            return;
        };
        let Some(hours) = Welcome::read_form(form, self.lang) else {
            return;
        };
        let actor = self.on_duty.clone().unwrap_or_else(|| UNKNOWN_ACTOR.into());
        let week: Vec<_> = crate::calendar::WEEK.iter().copied().zip(hours).collect();
        if let Err(e) = self.store.set_week(&week, &actor, self.now) {
            self.say_db_error(e);
            return;
        }
        w.form = None;
        self.flash = Some(Flash {
            text: crate::i18n::shell::HOURS_SAVED.get(self.lang).to_string(),
            error: false,
        });
        self.reload();
    }

    /// A failed read or write of the database, in the person's language
    /// (which file, and what went wrong; never caller data).
    fn db_message(&self, err: crate::store::StoreError) -> String {
        crate::error::AppError::Db {
            path: self.store.path().to_path_buf(),
            err,
        }
        .message(self.lang)
    }

    /// Says a failed read or write in the footer.
    fn say_db_error(&mut self, err: crate::store::StoreError) {
        self.flash = Some(Flash {
            text: self.db_message(err),
            error: true,
        });
    }

    /// Opens the "who is on duty?" question, prefilled with `name` (only
    /// ever the current person's own), with the names recently on duty
    /// to pick from.
    pub fn ask_who(&mut self, name: Option<String>) {
        let recent = self
            .store
            .recent_duty_names(crate::tui::who::RECENT)
            .map_err(|err| self.db_message(err));
        self.popups
            .push(Popup::Who(Box::new(crate::tui::who::Who::new(
                name.as_deref(),
                recent,
            ))));
    }

    /// Sets who is on duty without asking (from `--as`), and starts or
    /// resumes their shift.
    pub fn set_on_duty(&mut self, name: &str, locked: bool) {
        self.duty_locked = locked;
        self.on_duty = Some(name.to_string());
        let _ = self.store.start_shift(name, self.now);
        self.reload();
    }

    pub(super) fn save_who(&mut self) {
        let lang = self.lang;
        let Some(Popup::Who(who)) = self.popups.top_mut() else {
            return;
        };
        let name = match crate::domain::name::DutyName::parse(&who.field.text()) {
            Ok(n) => n.into_string(),
            Err(e) => {
                // Said in the question itself, next to the name; gone
                // once the name is changed.
                who.error = Some(match e {
                    crate::domain::name::NameError::Empty => {
                        crate::i18n::log::WHO_EMPTY.get(lang).to_string()
                    }
                    e => crate::i18n::rules::name_error(&e, lang),
                });
                return;
            }
        };
        self.popups.remove(PopupKind::Who);
        match self.store.start_shift(&name, self.now) {
            Ok(_) => {
                self.flash = Some(Flash {
                    text: crate::i18n::log::SHIFT_STARTED.fill(self.lang, &[("name", &name)]),
                    error: false,
                })
            }
            Err(e) => self.say_db_error(e),
        }
        self.on_duty = Some(name);
        self.reload();
    }
}
