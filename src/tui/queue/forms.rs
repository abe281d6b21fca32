//! The queue's forms: building the new-item, edit, attempt, plan and close
//! forms, and reading what they hold. Saving stays with the pane
//! (`mod.rs`), which owns the store and the messages.

use chrono_tz::Tz;

use super::{
    MAX_ATTEMPT_NOTE, MAX_LABEL, MAX_NOTE, MAX_PHONE, MAX_SAFE_TIMES, MAX_SUMMARY, MAX_TIME,
    outcome_msg, result_msg,
};
use crate::callback::{AttemptResult, Kind, Outcome, Safety};
use crate::i18n::{Lang, Msg, queue as q};
use crate::store::callbacks::Item;
use crate::tui::form::{Form, FormField, tri_index, tri_value};
use crate::tui::input::Field;

const KIND_OPTIONS: [Msg; 3] = [q::KIND_VOICEMAIL, q::KIND_COMPLAINT, q::KIND_WITHHELD];
const TRI_OPTIONS: [Msg; 3] = [q::TRI_UNKNOWN, q::TRI_YES, q::TRI_NO];
/// Attempt results in the order offered (the most common first).
pub(super) const RESULTS: [AttemptResult; 5] = [
    AttemptResult::NoAnswer,
    AttemptResult::Reached,
    AttemptResult::Busy,
    AttemptResult::LeftMessage,
    AttemptResult::WrongNumber,
];
pub(super) const OUTCOMES: [Outcome; 4] = [
    Outcome::Reached,
    Outcome::GaveUp,
    Outcome::NotInUse,
    Outcome::NotNeeded,
];

/// The new-item form.
pub(super) fn new_item(lang: Lang) -> Form {
    let _ = lang;
    Form::new(
        q::FORM_NEW_TITLE,
        vec![
            FormField::choice("kind", q::FORM_KIND, KIND_OPTIONS.to_vec(), 0),
            FormField::text("received", q::FORM_RECEIVED, Field::single(MAX_TIME)),
            FormField::text("phone", q::FORM_PHONE, Field::single(MAX_PHONE)),
            FormField::text("label", q::FORM_LABEL, Field::single(MAX_LABEL)),
            FormField::text("summary", q::FORM_SUMMARY, Field::single(MAX_SUMMARY)),
            FormField::choice("wants", q::FORM_WANTS, TRI_OPTIONS.to_vec(), 0),
            FormField::choice("msg", q::FORM_MSG, TRI_OPTIONS.to_vec(), 0),
            FormField::choice("who", q::FORM_WHO, TRI_OPTIONS.to_vec(), 0),
            FormField::text(
                "safe_times",
                q::FORM_SAFE_TIMES,
                Field::single(MAX_SAFE_TIMES),
            ),
            FormField::text("note", q::FORM_NOTE, Field::single(MAX_NOTE)),
        ],
    )
}

/// The edit form, filled in from the item.
pub(super) fn edit(item: &Item) -> Form {
    let s = &item.safety;
    let mut fields = Vec::new();
    if let (Kind::Voicemail, Some(p)) = (item.kind, &item.phone) {
        // A mistyped number can be corrected.
        fields.push(FormField::text(
            "phone",
            q::FORM_PHONE,
            Field::single(MAX_PHONE).with_text(&p.display()),
        ));
    }
    fields.extend([
        FormField::text(
            "label",
            q::FORM_LABEL,
            Field::single(MAX_LABEL).with_text(&item.label),
        ),
        FormField::text(
            "summary",
            q::FORM_SUMMARY,
            Field::single(MAX_SUMMARY).with_text(&item.summary),
        ),
        FormField::choice(
            "wants",
            q::FORM_WANTS,
            TRI_OPTIONS.to_vec(),
            tri_index(s.wants_callback),
        ),
        FormField::choice(
            "msg",
            q::FORM_MSG,
            TRI_OPTIONS.to_vec(),
            tri_index(s.may_leave_message),
        ),
        FormField::choice(
            "who",
            q::FORM_WHO,
            TRI_OPTIONS.to_vec(),
            tri_index(s.may_say_who_we_are),
        ),
        FormField::text(
            "safe_times",
            q::FORM_SAFE_TIMES,
            Field::single(MAX_SAFE_TIMES).with_text(&s.safe_times),
        ),
        FormField::text(
            "note",
            q::FORM_NOTE,
            Field::single(MAX_NOTE).with_text(&s.note),
        ),
    ]);
    Form::new(q::FORM_EDIT_TITLE, fields)
}

/// Shows only the fields the chosen kind uses (typed text is kept in
/// the hidden fields, so switching back loses nothing).
pub(super) fn visible_fields(form: &Form) -> Vec<&'static str> {
    match form.choice("kind") {
        0 => vec![
            "kind",
            "received",
            "phone",
            "label",
            "summary",
            "wants",
            "msg",
            "who",
            "safe_times",
            "note",
        ],
        1 => vec!["kind", "received", "label", "summary"],
        _ => vec!["kind", "received"],
    }
}

/// The caller's safety as the form has it.
pub(super) fn safety_from(form: &Form) -> Safety {
    Safety {
        wants_callback: tri_value(form.choice("wants")),
        may_leave_message: tri_value(form.choice("msg")),
        may_say_who_we_are: tri_value(form.choice("who")),
        safe_times: form.text("safe_times").trim().to_string(),
        note: form.text("note").trim().to_string(),
    }
}

/// Recording an attempt: what happened, when, and a note.
pub(super) fn attempt(lang: Lang) -> Form {
    let result = FormField::choice(
        "result",
        q::ATTEMPT_RESULT,
        RESULTS.iter().map(|r| result_msg(*r)).collect(),
        0,
    );
    Form::new(
        q::ATTEMPT_TITLE,
        vec![
            result,
            FormField::text("at", q::ATTEMPT_AT, Field::single(MAX_TIME))
                .with_hint(q::FORM_RECEIVED_HINT.get(lang).to_string()),
            FormField::text("note", q::ATTEMPT_NOTE, Field::single(MAX_ATTEMPT_NOTE)),
        ],
    )
}

/// Planning a callback time, filled in with the time planned if any.
pub(super) fn plan(item: &Item, tz: Tz, lang: Lang) -> Form {
    let now_text = item
        .planned_at
        .map(|t| t.with_timezone(&tz).format("%Y-%m-%d %H:%M").to_string())
        .unwrap_or_default();
    Form::new(
        q::PLAN_TITLE,
        vec![
            FormField::text(
                "at",
                q::PLAN_AT,
                Field::single(MAX_TIME).with_text(&now_text),
            )
            .with_hint(q::PLAN_HINT.get(lang).to_string()),
        ],
    )
}

/// Closing an item: "gave up" is chosen already once the attempts are made.
pub(super) fn close(item: &Item, max_attempts: u32) -> Form {
    let default = if item.attempt_count >= max_attempts {
        1
    } else {
        0
    };
    Form::new(
        q::CLOSE_TITLE,
        vec![FormField::choice(
            "outcome",
            q::CLOSE_TITLE,
            OUTCOMES.iter().map(|o| outcome_msg(*o)).collect(),
            default,
        )],
    )
}
