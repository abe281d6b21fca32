//! The first start on an empty database: a short welcome that shows the
//! opening hours deadlines are counted from (with a way to change them) and
//! points to `vakt demo` and to `?`.

use chrono::Weekday;
use ratatui::crossterm::event::KeyCode;

use super::form::{Form, FormAct, FormField};
use super::input::Field;
use super::keymap::{Action, Binding, Scope, b, ch, k};
use crate::calendar::{self, CalendarSettings};
use crate::i18n::{Msg, shell as s, time as t};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Act {
    Close,
    EditHours,
    /// Save, cancel, next or previous field in the form.
    Form(FormAct),
}

const fn a(act: Act) -> Action {
    Action::Welcome(act)
}

pub const BINDINGS: &[Binding] = &[
    b(
        Scope::Welcome,
        &[ch('e', "e")],
        a(Act::EditHours),
        s::KEY_EDIT_HOURS,
        true,
    ),
    b(
        Scope::Welcome,
        &[k(KeyCode::Enter, "Enter"), k(KeyCode::Esc, "Esc")],
        a(Act::Close),
        s::KEY_START,
        true,
    ),
];

use crate::calendar::WEEK;

#[derive(Debug, Clone)]
pub struct Welcome {
    /// The opening-hours form, while it is open: a field per weekday.
    pub form: Option<Form<Weekday>>,
    /// `vakt demo` as this person can run it (`cargo run --release -- demo`
    /// after following the README).
    pub demo_command: String,
}

impl Default for Welcome {
    fn default() -> Self {
        Welcome {
            form: None,
            demo_command: crate::invocation::current().command("demo"),
        }
    }
}

/// "09:00-15:00" or the word for closed, as typed in the form.
pub fn hours_text(h: Option<calendar::Hours>, closed: &str) -> String {
    match h {
        Some(h) => format!("{}-{}", h.open.format("%H:%M"), h.close.format("%H:%M")),
        None => closed.to_string(),
    }
}

impl Welcome {
    pub fn scope(&self) -> Scope {
        if self.form.is_some() {
            Scope::Form
        } else {
            Scope::Welcome
        }
    }

    /// The opening-hours form: a day's hours as text, a closed day empty
    /// with "closed" as its placeholder (so typing replaces it).
    pub fn hours_form(cal: &CalendarSettings, lang: crate::i18n::Lang) -> Form<Weekday> {
        let closed = crate::i18n::calendar::SHOW_CLOSED_WEEKDAY.get(lang);
        let fields = WEEK
            .iter()
            .map(|wd| {
                let label: Msg = t::WEEKDAYS[wd.num_days_from_monday() as usize];
                let field = Field::single(20).with_placeholder(closed);
                let field = match cal.weekly[wd.num_days_from_monday() as usize] {
                    Some(h) => field.with_text(&hours_text(Some(h), closed)),
                    None => field,
                };
                FormField::text(*wd, label, field)
            })
            .collect();
        Form::new(s::HOURS_TITLE, fields)
    }

    /// What the form says now: the hours per weekday, or what is wrong
    /// with each field (`None` where the field is right). An empty field
    /// is closed.
    fn check(
        form: &Form<Weekday>,
        lang: crate::i18n::Lang,
    ) -> Result<[Option<calendar::Hours>; 7], Vec<Option<String>>> {
        let mut out = [None; 7];
        let mut errors: Vec<Option<String>> = vec![None; 7];
        for (i, wd) in WEEK.into_iter().enumerate() {
            let text = form.text(wd);
            if text.trim().is_empty() {
                continue;
            }
            match calendar::parse_hours(&text) {
                Ok(h) => out[i] = h,
                Err(_) => {
                    errors[i] = Some(s::HOURS_FORM_BAD.fill(lang, &[("input", &text.trim())]))
                }
            }
        }
        if errors.iter().all(Option::is_none) && out.iter().all(Option::is_none) {
            errors[0] = Some(s::ERR_NO_OPEN_DAY.get(lang).to_string());
        }
        if errors.iter().any(Option::is_some) {
            Err(errors)
        } else {
            Ok(out)
        }
    }

    /// Reads the form: the hours per weekday, or marks the fields that are
    /// wrong, moves to the first, and returns `None`.
    pub fn read_form(
        form: &mut Form<Weekday>,
        lang: crate::i18n::Lang,
    ) -> Option<[Option<calendar::Hours>; 7]> {
        match Welcome::check(form, lang) {
            Ok(hours) => {
                for wd in WEEK {
                    form.set_error(wd, None);
                }
                Some(hours)
            }
            Err(errors) => {
                for (wd, e) in WEEK.into_iter().zip(errors) {
                    form.set_error(wd, e);
                }
                if let Some(bad) = form.first_error() {
                    form.focus_on(bad);
                }
                None
            }
        }
    }

    /// After an edit: an error shown goes as soon as its field is right
    /// (a new one waits for Enter, so typing is not interrupted).
    pub fn recheck(form: &mut Form<Weekday>, lang: crate::i18n::Lang) {
        let now = match Welcome::check(form, lang) {
            Ok(_) => vec![None; 7],
            Err(errors) => errors,
        };
        for (wd, e) in WEEK.into_iter().zip(now) {
            if e.is_none() {
                form.set_error(wd, None);
            }
        }
    }
}
