//! The queue's forms: their fields (an enum per form, so a mistyped id
//! does not compile), the choices they offer as typed values, building
//! the new-item, edit, attempt, plan and close forms, and reading what
//! they hold into checked values. Writing stays with the pane (`save.rs`,
//! `calls.rs`), which owns the store and the messages.

use chrono::{DateTime, Utc};
use chrono_tz::Tz;

use super::{
    MAX_ATTEMPT_NOTE, MAX_LABEL, MAX_NOTE, MAX_PHONE, MAX_SAFE_TIMES, MAX_SUMMARY, MAX_TIME,
};
use crate::domain::callback::{Details, NewComplaint, NewVoicemail, attempt_note};
use crate::domain::promise::{AttemptResult, Kind, Outcome, Safety};
use crate::domain::text::TextField;
use crate::i18n::rules::text_error;
use crate::i18n::rules::when_message;
use crate::i18n::{Lang, Msg, queue as q};
use crate::store::callbacks::Item;
use crate::tui::form::{Choice, Form, FormField};
use crate::tui::input::Field;
use crate::when;

/// The fields of the new-item and the edit form (the edit form has no
/// kind and no time received, and a number only for a voicemail).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ItemField {
    Kind,
    Received,
    Phone,
    Label,
    Summary,
    Wants,
    Msg,
    Who,
    SafeTimes,
    Note,
}

impl ItemField {
    /// The field a text rule speaks about.
    pub fn of(f: TextField) -> ItemField {
        match f {
            TextField::Label => ItemField::Label,
            TextField::Summary => ItemField::Summary,
            TextField::SafeTimes => ItemField::SafeTimes,
            TextField::SafetyNote
            | TextField::AttemptNote
            | TextField::Note
            | TextField::Reason => ItemField::Note,
        }
    }
}

/// The fields of the attempt form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AttemptField {
    Result,
    At,
    Note,
}

/// The one field of the plan form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PlanField {
    At,
}

/// The one field of the close form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CloseField {
    Outcome,
}

/// What the new-item form adds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NewKind {
    Voicemail,
    Complaint,
    /// A call from a withheld number: only counted.
    Withheld,
}

impl NewKind {
    /// The fields this kind uses, in the form's order.
    pub fn fields(self) -> &'static [ItemField] {
        use ItemField as F;
        match self {
            NewKind::Voicemail => &[
                F::Kind,
                F::Received,
                F::Phone,
                F::Label,
                F::Summary,
                F::Wants,
                F::Msg,
                F::Who,
                F::SafeTimes,
                F::Note,
            ],
            NewKind::Complaint => &[F::Kind, F::Received, F::Label, F::Summary],
            NewKind::Withheld => &[F::Kind, F::Received],
        }
    }

    /// The kind of item the words are checked for (a withheld call has
    /// none of its own; its words are hidden).
    pub fn item_kind(self) -> Kind {
        match self {
            NewKind::Complaint => Kind::Complaint,
            NewKind::Voicemail | NewKind::Withheld => Kind::Voicemail,
        }
    }

    /// The promise this kind has a deadline for, if any.
    pub fn deadline_kind(self) -> Option<crate::calendar::ItemKind> {
        match self {
            NewKind::Voicemail => Some(crate::calendar::ItemKind::Voicemail),
            NewKind::Complaint => Some(crate::calendar::ItemKind::Complaint),
            NewKind::Withheld => None,
        }
    }
}

impl Choice for NewKind {
    const ALL: &'static [Self] = &[NewKind::Voicemail, NewKind::Complaint, NewKind::Withheld];
    fn label(self) -> Msg {
        match self {
            NewKind::Voicemail => q::KIND_VOICEMAIL,
            NewKind::Complaint => q::KIND_COMPLAINT,
            NewKind::Withheld => q::KIND_WITHHELD,
        }
    }
}

/// Attempt results in the order offered (the most common first).
impl Choice for AttemptResult {
    const ALL: &'static [Self] = &[
        AttemptResult::NoAnswer,
        AttemptResult::Reached,
        AttemptResult::Busy,
        AttemptResult::LeftMessage,
        AttemptResult::WrongNumber,
    ];
    fn label(self) -> Msg {
        q::result_msg(self)
    }
}

impl Choice for Outcome {
    const ALL: &'static [Self] = &[
        Outcome::Reached,
        Outcome::GaveUp,
        Outcome::NotInUse,
        Outcome::NotNeeded,
    ];
    fn label(self) -> Msg {
        q::outcome_msg(self)
    }
}

/// Why a form gave no value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NotRead {
    /// The wrong fields are marked and the first is focused.
    Marked,
    /// Nothing new to mark: the form stays as it is.
    Quiet,
}

/// The new-item form.
pub fn new_item(lang: Lang) -> Form<ItemField> {
    use ItemField as F;
    Form::new(
        q::FORM_NEW_TITLE,
        vec![
            FormField::pick(F::Kind, q::FORM_KIND, NewKind::Voicemail),
            FormField::text(F::Received, q::FORM_RECEIVED, Field::single(MAX_TIME))
                .with_hint(q::FORM_RECEIVED_HINT.get(lang).to_string()),
            FormField::text(F::Phone, q::FORM_PHONE, Field::single(MAX_PHONE)),
            FormField::text(F::Label, q::FORM_LABEL, Field::single(MAX_LABEL)),
            FormField::text(F::Summary, q::FORM_SUMMARY, Field::single(MAX_SUMMARY)),
            FormField::pick(F::Wants, q::FORM_WANTS, None::<bool>),
            FormField::pick(F::Msg, q::FORM_MSG, None::<bool>),
            FormField::pick(F::Who, q::FORM_WHO, None::<bool>),
            FormField::text(
                F::SafeTimes,
                q::FORM_SAFE_TIMES,
                Field::single(MAX_SAFE_TIMES),
            ),
            FormField::text(F::Note, q::FORM_NOTE, Field::single(MAX_NOTE)),
        ],
    )
}

/// The edit form, filled in from the item.
pub fn edit(item: &Item) -> Form<ItemField> {
    use ItemField as F;
    let s = &item.safety;
    let mut fields = Vec::new();
    if let (Kind::Voicemail, Some(p)) = (item.kind, &item.phone) {
        // A mistyped number can be corrected.
        fields.push(FormField::text(
            F::Phone,
            q::FORM_PHONE,
            Field::single(MAX_PHONE).with_text(&p.display()),
        ));
    }
    fields.extend([
        FormField::text(
            F::Label,
            q::FORM_LABEL,
            Field::single(MAX_LABEL).with_text(&item.label),
        ),
        FormField::text(
            F::Summary,
            q::FORM_SUMMARY,
            Field::single(MAX_SUMMARY).with_text(&item.summary),
        ),
        FormField::pick(F::Wants, q::FORM_WANTS, s.wants_callback),
        FormField::pick(F::Msg, q::FORM_MSG, s.may_leave_message),
        FormField::pick(F::Who, q::FORM_WHO, s.may_say_who_we_are),
        FormField::text(
            F::SafeTimes,
            q::FORM_SAFE_TIMES,
            Field::single(MAX_SAFE_TIMES).with_text(&s.safe_times),
        ),
        FormField::text(
            F::Note,
            q::FORM_NOTE,
            Field::single(MAX_NOTE).with_text(&s.note),
        ),
    ]);
    Form::new(q::FORM_EDIT_TITLE, fields)
}

/// The fields shown: only those the chosen kind uses (typed text is kept
/// in the hidden fields, so switching back loses nothing). The edit form
/// has no kind: it shows all it has.
pub fn shown(form: &Form<ItemField>) -> &'static [ItemField] {
    form.picked::<NewKind>(ItemField::Kind).fields()
}

/// Moves focus to the next (or previous) field the form shows.
pub fn step_shown(form: &mut Form<ItemField>, forward: bool) {
    let shown = shown(form);
    for _ in 0..form.fields.len() {
        if forward {
            form.next();
        } else {
            form.prev();
        }
        if form.focused_id().is_some_and(|id| shown.contains(&id)) {
            break;
        }
    }
}

/// The caller's safety as the form has it.
pub fn safety(form: &Form<ItemField>) -> Safety {
    use ItemField as F;
    Safety {
        wants_callback: form.picked(F::Wants),
        may_leave_message: form.picked(F::Msg),
        may_say_who_we_are: form.picked(F::Who),
        safe_times: form.text(F::SafeTimes).trim().to_string(),
        note: form.text(F::Note).trim().to_string(),
    }
}

/// The words of an item form, checked by the same rules as the command
/// line's; the field a rule refuses gets its message and is returned.
pub fn details(form: &mut Form<ItemField>, kind: Kind, lang: Lang) -> Result<Details, ItemField> {
    use ItemField as F;
    Details::new(
        kind,
        &form.text(F::Label),
        &form.text(F::Summary),
        &safety(form),
    )
    .map_err(|e| {
        let field = ItemField::of(e.field);
        form.set_error(field, Some(text_error(&e, lang)));
        field
    })
}

/// A new item as the form has it, checked and ready to be added.
#[derive(Debug)]
pub enum NewEntry {
    Voicemail(NewVoicemail),
    Complaint(NewComplaint),
    /// A withheld call, received then.
    Withheld(DateTime<Utc>),
}

/// Reads the new-item form, whose live checks (the time, the number) have
/// run: the words are checked, an empty number is refused, and a wrong
/// field the chosen kind shows is focused. An empty or unreadable time
/// received is now.
pub fn read_new(
    form: &mut Form<ItemField>,
    now: DateTime<Utc>,
    tz: Tz,
    lang: Lang,
) -> Result<NewEntry, NotRead> {
    use ItemField as F;
    let kind = form.picked::<NewKind>(F::Kind);
    for id in [F::Label, F::Summary, F::SafeTimes, F::Note] {
        form.set_error(id, None);
    }
    let _ = details(form, kind.item_kind(), lang);
    if kind == NewKind::Voicemail && form.text(F::Phone).trim().is_empty() {
        form.set_error(F::Phone, Some(q::ERR_PHONE_EMPTY.get(lang).to_string()));
    }
    let shown = kind.fields();
    if let Some(bad) = form
        .fields
        .iter()
        .find(|f| f.error.is_some() && shown.contains(&f.id))
        .map(|f| f.id)
    {
        form.focus_on(bad);
        return Err(NotRead::Marked);
    }
    let received_text = form.text(F::Received);
    let received = if received_text.trim().is_empty() {
        now
    } else {
        when::parse_received(&received_text, now, tz).unwrap_or(now)
    };
    let (label, summary) = (form.text(F::Label), form.text(F::Summary));
    match kind {
        NewKind::Voicemail => {
            let phone = crate::domain::callback::callback_number(&form.text(F::Phone))
                .map_err(|_| NotRead::Quiet)?;
            NewVoicemail::new(received, phone, &label, &summary, &safety(form))
                .map(NewEntry::Voicemail)
                .map_err(|_| NotRead::Quiet)
        }
        NewKind::Complaint => NewComplaint::new(received, &label, &summary)
            .map(NewEntry::Complaint)
            .map_err(|_| NotRead::Quiet),
        NewKind::Withheld => Ok(NewEntry::Withheld(received)),
    }
}

/// The number in the edit form, if it has one: `Err` when it cannot be
/// called (the field is marked and focused).
pub fn edited_phone(
    form: &mut Form<ItemField>,
    lang: Lang,
) -> Result<Option<crate::phone::Phone>, NotRead> {
    if !form.fields.iter().any(|f| f.id == ItemField::Phone) {
        return Ok(None);
    }
    match crate::domain::callback::callback_number(&form.text(ItemField::Phone)) {
        Ok(p) => Ok(Some(p)),
        Err(e) => {
            form.set_error(ItemField::Phone, Some(q::phone_error(&e, lang)));
            form.focus_on(ItemField::Phone);
            Err(NotRead::Marked)
        }
    }
}

/// Recording an attempt: what happened, when, and a note.
pub fn attempt(lang: Lang) -> Form<AttemptField> {
    use AttemptField as F;
    Form::new(
        q::ATTEMPT_TITLE,
        vec![
            // "No answer" first: the most common.
            FormField::pick(F::Result, q::ATTEMPT_RESULT, AttemptResult::NoAnswer),
            FormField::text(F::At, q::ATTEMPT_AT, Field::single(MAX_TIME))
                .with_hint(q::FORM_RECEIVED_HINT.get(lang).to_string()),
            FormField::text(F::Note, q::ATTEMPT_NOTE, Field::single(MAX_ATTEMPT_NOTE)),
        ],
    )
}

/// An attempt as the form has it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AttemptEntry {
    pub at: DateTime<Utc>,
    pub result: AttemptResult,
    pub note: String,
}

/// Reads the attempt form: an empty time is now; a time or a note that
/// cannot be used is marked and focused.
pub fn read_attempt(
    form: &mut Form<AttemptField>,
    now: DateTime<Utc>,
    tz: Tz,
    lang: Lang,
) -> Result<AttemptEntry, NotRead> {
    use AttemptField as F;
    let at_text = form.text(F::At);
    // No age limit here: the item's receipt bounds an attempt (the
    // store checks it), and an old item's attempt is not a typo.
    let at = if at_text.trim().is_empty() {
        Ok(now)
    } else {
        when::parse_received_old_ok(&at_text, now, tz)
    };
    let at = at.map_err(|e| {
        form.set_error(F::At, Some(when_message(&e, lang)));
        form.focus_on(F::At);
        NotRead::Marked
    })?;
    let note = attempt_note(&form.text(F::Note)).map_err(|e| {
        form.set_error(F::Note, Some(text_error(&e, lang)));
        form.focus_on(F::Note);
        NotRead::Marked
    })?;
    Ok(AttemptEntry {
        at,
        result: form.picked(F::Result),
        note,
    })
}

/// Planning a callback time, filled in with the time planned if any.
pub fn plan(item: &Item, tz: Tz, lang: Lang) -> Form<PlanField> {
    let now_text = item
        .planned_at
        .map(|t| t.with_timezone(&tz).format("%Y-%m-%d %H:%M").to_string())
        .unwrap_or_default();
    Form::new(
        q::PLAN_TITLE,
        vec![
            FormField::text(
                PlanField::At,
                q::PLAN_AT,
                Field::single(MAX_TIME).with_text(&now_text),
            )
            .with_hint(q::PLAN_HINT.get(lang).to_string()),
        ],
    )
}

/// Closing an item: "gave up" is chosen already once the attempts are made.
pub fn close(item: &Item, max_attempts: u32) -> Form<CloseField> {
    let default = if item.attempt_count >= max_attempts {
        Outcome::GaveUp
    } else {
        Outcome::Reached
    };
    Form::new(
        q::CLOSE_TITLE,
        vec![FormField::pick(
            CloseField::Outcome,
            q::CLOSE_TITLE,
            default,
        )],
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_shows_what_it_uses_and_the_form_has_each_field() {
        let form = new_item(Lang::En);
        let ids: Vec<ItemField> = form.fields.iter().map(|f| f.id).collect();
        for kind in NewKind::ALL {
            let shown = kind.fields();
            assert_eq!(shown[0], ItemField::Kind, "{kind:?}");
            // In the form's order, and only fields the form has.
            let mut at = 0;
            for f in shown {
                let i = ids[at..].iter().position(|id| id == f).expect("in order");
                at += i + 1;
            }
        }
        assert_eq!(NewKind::Voicemail.fields(), ids.as_slice());
    }

    #[test]
    fn the_choices_start_where_the_forms_offer_them() {
        let f = attempt(Lang::En);
        assert_eq!(
            f.picked::<AttemptResult>(AttemptField::Result),
            AttemptResult::NoAnswer
        );
        let f = new_item(Lang::En);
        assert_eq!(f.picked::<NewKind>(ItemField::Kind), NewKind::Voicemail);
        assert_eq!(f.picked::<Option<bool>>(ItemField::Wants), None);
        // Every result and outcome is offered, each once.
        for r in AttemptResult::ALL {
            let offered = <AttemptResult as Choice>::ALL.iter().filter(|c| **c == r);
            assert_eq!(offered.count(), 1, "{r:?}");
        }
        assert_eq!(
            <AttemptResult as Choice>::ALL.len(),
            AttemptResult::ALL.len()
        );
        for o in Outcome::ALL {
            let offered = <Outcome as Choice>::ALL.iter().filter(|c| **c == o);
            assert_eq!(offered.count(), 1, "{o:?}");
        }
        assert_eq!(<Outcome as Choice>::ALL.len(), Outcome::ALL.len());
    }

    #[test]
    fn a_rule_about_any_note_marks_the_note() {
        for (t, f) in [
            (TextField::Label, ItemField::Label),
            (TextField::Summary, ItemField::Summary),
            (TextField::SafeTimes, ItemField::SafeTimes),
            (TextField::SafetyNote, ItemField::Note),
            (TextField::AttemptNote, ItemField::Note),
            (TextField::Note, ItemField::Note),
            (TextField::Reason, ItemField::Note),
        ] {
            assert_eq!(ItemField::of(t), f);
        }
    }
}
