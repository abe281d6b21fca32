//! The form for adding or editing a directory entry: built from a
//! [`Service`] and read back into one, marking every field that needs
//! fixing. The rules themselves live with the entry (`Service::check`,
//! `directory::ages`); this module only maps them to fields.

use chrono::NaiveDate;

use crate::directory::ages::{BadAges, ages_text, parse_ages};
use crate::directory::{
    self, Hours, PhoneKind, PhoneLine, Service, Status, category_key, split_list, valid_email,
};
use crate::i18n::{Lang, Msg, directory as d, queue as q};
use crate::phone::Phone;
use crate::tui::form::{Choice, Form, FormField};
use crate::tui::input::Field;

/// The fields of the entry form, in the order shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ServiceField {
    Name,
    Alias,
    Org,
    Description,
    Audience,
    Ages,
    Categories,
    Phone,
    Phone2,
    Chat,
    Web,
    Email,
    Address,
    Withheld,
    Areas,
    Hours,
    Langs,
    Free,
    Anon,
    Alert,
    AlertUntil,
    Status,
    Note,
    Source,
}

use ServiceField as F;

/// A service's status as the entry form offers it (active first).
impl Choice for Status {
    const ALL: &'static [Self] = &Status::ALL;
    fn label(self) -> Msg {
        d::status_msg(self)
    }
}

fn text(id: F, label: Msg, max: usize, value: &str) -> FormField<F> {
    FormField::text(id, label, Field::single(max).with_text(value))
}

pub(super) fn service_form(s: &Service, lang: Lang, title: Msg) -> Form<F> {
    let phone = |i: usize| {
        s.phones
            .get(i)
            .map(|p| p.number.display())
            .unwrap_or_default()
    };
    let mut f = Form::new(
        title,
        vec![
            text(F::Name, d::F_NAME, directory::MAX_NAME, &s.name),
            text(F::Alias, d::F_ALIAS, directory::MAX_NAME, &s.alternate_name),
            text(F::Org, d::F_ORG, directory::MAX_SHORT, &s.organization),
            text(
                F::Description,
                d::F_DESCRIPTION,
                directory::MAX_TEXT,
                &s.description,
            ),
            text(
                F::Audience,
                d::F_AUDIENCE,
                directory::MAX_SHORT,
                &s.audience,
            ),
            text(F::Ages, d::F_AGES, 20, &ages_text(s.min_age, s.max_age))
                .with_hint(d::F_AGES_HINT.get(lang).into()),
            text(
                F::Categories,
                d::F_CATEGORIES,
                directory::MAX_SHORT,
                &s.categories
                    .iter()
                    .map(|c| d::category_name(c, lang))
                    .collect::<Vec<_>>()
                    .join(", "),
            )
            .with_hint(d::F_CATEGORIES_HINT.get(lang).into()),
            text(
                F::Phone,
                d::F_PHONE,
                crate::phone::MAX_INPUT_CHARS,
                &phone(0),
            ),
            text(
                F::Phone2,
                d::F_PHONE2,
                crate::phone::MAX_INPUT_CHARS,
                &phone(1),
            ),
            text(F::Chat, d::F_CHAT, directory::MAX_SHORT, &s.chat),
            text(F::Web, d::F_WEB, directory::MAX_SHORT, &s.web),
            text(F::Email, d::F_EMAIL, directory::MAX_SHORT, &s.email),
            text(F::Address, d::F_ADDRESS, directory::MAX_SHORT, &s.address),
            FormField::pick(F::Withheld, d::F_WITHHELD, s.address_withheld),
            text(
                F::Areas,
                d::F_AREAS,
                directory::MAX_SHORT,
                &s.areas.join(", "),
            )
            .with_hint(d::F_AREAS_HINT.get(lang).into()),
            text(
                F::Hours,
                d::F_HOURS,
                directory::MAX_SHORT,
                &s.hours.to_text(),
            )
            .with_hint(d::F_HOURS_HINT.get(lang).into()),
            text(
                F::Langs,
                d::F_LANGS,
                directory::MAX_SHORT,
                &s.languages.join(", "),
            ),
            FormField::pick(F::Free, d::F_FREE, s.free),
            FormField::pick(F::Anon, d::F_ANON, s.anonymous),
            text(F::Alert, d::F_ALERT, directory::MAX_SHORT, &s.alert),
            text(
                F::AlertUntil,
                d::F_ALERT_UNTIL,
                10,
                &s.alert_until.map(|x| x.to_string()).unwrap_or_default(),
            ),
            FormField::pick(F::Status, d::F_STATUS, s.status),
            text(F::Note, d::F_NOTE, directory::MAX_SHORT, &s.internal_note),
            text(F::Source, d::F_SOURCE, directory::MAX_SHORT, &s.source),
        ],
    );
    f.focus = 0;
    f
}

/// Reads the service form into `base` (an existing entry keeps what the
/// form does not show). Marks every field that needs fixing.
pub(super) fn read_form(form: &mut Form<F>, base: &Service, lang: Lang) -> Option<Service> {
    let mut s = base.clone();
    let err = |form: &mut Form<F>, id: F, e: Option<String>| form.set_error(id, e);
    s.name = form.text(F::Name).trim().to_string();
    let e = s
        .name
        .is_empty()
        .then(|| d::ERR_NAME_REQUIRED.get(lang).to_string());
    err(form, F::Name, e);
    s.alternate_name = form.text(F::Alias).trim().to_string();
    s.organization = form.text(F::Org).trim().to_string();
    s.description = form.text(F::Description).trim().to_string();
    s.audience = form.text(F::Audience).trim().to_string();
    match parse_ages(&form.text(F::Ages)) {
        Ok((a, b)) => {
            s.min_age = a;
            s.max_age = b;
            err(form, F::Ages, None);
        }
        Err(BadAges) => err(form, F::Ages, Some(d::ERR_AGES.get(lang).into())),
    }
    s.categories = split_list(&form.text(F::Categories))
        .iter()
        .map(|c| category_key(c))
        .filter(|c| !c.is_empty())
        .collect();
    s.categories.dedup();
    let mut phones = Vec::new();
    for (i, id) in [F::Phone, F::Phone2].into_iter().enumerate() {
        let t = form.text(id);
        if t.trim().is_empty() {
            err(form, id, None);
            continue;
        }
        match Phone::parse(&t) {
            Ok(number) => {
                // An unchanged number keeps its type and note.
                let old = base.phones.get(i).filter(|p| p.number == number);
                phones.push(PhoneLine {
                    number,
                    kind: old.map_or(PhoneKind::Voice, |p| p.kind),
                    note: old.map(|p| p.note.clone()).unwrap_or_default(),
                });
                err(form, id, None);
            }
            Err(e) => err(form, id, Some(q::phone_error(&e, lang))),
        }
    }
    phones.extend(base.phones.iter().skip(2).cloned());
    s.phones = phones;
    s.chat = form.text(F::Chat).trim().to_string();
    s.web = directory::normalise_web(&form.text(F::Web));
    s.email = form.text(F::Email).trim().to_string();
    let e =
        (!s.email.is_empty() && !valid_email(&s.email)).then(|| d::ERR_EMAIL.get(lang).to_string());
    err(form, F::Email, e);
    s.address = form.text(F::Address).trim().to_string();
    s.address_withheld = form.picked(F::Withheld);
    s.areas = split_list(&form.text(F::Areas));
    s.national = s.areas.is_empty();
    s.hours = Hours::parse(&form.text(F::Hours));
    let info = matches!(s.hours, Hours::Text(_)).then(|| d::F_HOURS_TEXT.get(lang).to_string());
    form.set_info(F::Hours, info);
    s.languages = split_list(&form.text(F::Langs));
    s.free = form.picked(F::Free);
    s.anonymous = form.picked(F::Anon);
    s.alert = form.text(F::Alert).trim().to_string();
    let until = form.text(F::AlertUntil);
    if until.trim().is_empty() {
        s.alert_until = None;
        err(form, F::AlertUntil, None);
    } else {
        match NaiveDate::parse_from_str(until.trim(), "%Y-%m-%d") {
            Ok(x) => {
                s.alert_until = Some(x);
                err(form, F::AlertUntil, None);
            }
            Err(_) => err(form, F::AlertUntil, Some(d::ERR_DATE.get(lang).into())),
        }
    }
    s.status = form.picked::<Status>(F::Status);
    s.internal_note = form.text(F::Note).trim().to_string();
    s.source = form.text(F::Source).trim().to_string();
    if form.first_error().is_none()
        && let Err(p) = s.check()
    {
        let why = match p {
            directory::Problem::Control(f) => d::SKIP_CONTROL.fill(lang, &[("field", &f)]),
            _ => d::ERR_TOO_LONG.get(lang).into(),
        };
        err(form, F::Name, Some(why));
    }
    form.first_error().is_none().then_some(s)
}
