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
use crate::tui::form::{Form, FormField, tri_index, tri_value};
use crate::tui::input::Field;

const TRI: [Msg; 3] = [d::DIR_TRI_UNKNOWN, d::DIR_TRI_YES, d::DIR_TRI_NO];
pub(super) const NO_YES: [Msg; 2] = [d::DIR_TRI_NO, d::DIR_TRI_YES];
const STATUS_OPTIONS: [Msg; 3] = [d::ST_ACTIVE, d::ST_DO_NOT_REFER, d::ST_CLOSED];

fn text(id: &'static str, label: Msg, max: usize, value: &str) -> FormField {
    FormField::text(id, label, Field::single(max).with_text(value))
}

pub(super) fn service_form(s: &Service, lang: Lang, title: Msg) -> Form {
    let phone = |i: usize| {
        s.phones
            .get(i)
            .map(|p| p.number.display())
            .unwrap_or_default()
    };
    let mut f = Form::new(
        title,
        vec![
            text("name", d::F_NAME, directory::MAX_NAME, &s.name),
            text("alias", d::F_ALIAS, directory::MAX_NAME, &s.alternate_name),
            text("org", d::F_ORG, directory::MAX_SHORT, &s.organization),
            text(
                "description",
                d::F_DESCRIPTION,
                directory::MAX_TEXT,
                &s.description,
            ),
            text("audience", d::F_AUDIENCE, directory::MAX_SHORT, &s.audience),
            text("ages", d::F_AGES, 20, &ages_text(s.min_age, s.max_age))
                .with_hint(d::F_AGES_HINT.get(lang).into()),
            text(
                "categories",
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
                "phone",
                d::F_PHONE,
                crate::phone::MAX_INPUT_CHARS,
                &phone(0),
            ),
            text(
                "phone2",
                d::F_PHONE2,
                crate::phone::MAX_INPUT_CHARS,
                &phone(1),
            ),
            text("chat", d::F_CHAT, directory::MAX_SHORT, &s.chat),
            text("web", d::F_WEB, directory::MAX_SHORT, &s.web),
            text("email", d::F_EMAIL, directory::MAX_SHORT, &s.email),
            text("address", d::F_ADDRESS, directory::MAX_SHORT, &s.address),
            FormField::choice(
                "withheld",
                d::F_WITHHELD,
                NO_YES.to_vec(),
                usize::from(s.address_withheld),
            ),
            text(
                "areas",
                d::F_AREAS,
                directory::MAX_SHORT,
                &s.areas.join(", "),
            )
            .with_hint(d::F_AREAS_HINT.get(lang).into()),
            text(
                "hours",
                d::F_HOURS,
                directory::MAX_SHORT,
                &s.hours.to_text(),
            )
            .with_hint(d::F_HOURS_HINT.get(lang).into()),
            text(
                "langs",
                d::F_LANGS,
                directory::MAX_SHORT,
                &s.languages.join(", "),
            ),
            FormField::choice("free", d::F_FREE, TRI.to_vec(), tri_index(s.free)),
            FormField::choice("anon", d::F_ANON, TRI.to_vec(), tri_index(s.anonymous)),
            text("alert", d::F_ALERT, directory::MAX_SHORT, &s.alert),
            text(
                "alert_until",
                d::F_ALERT_UNTIL,
                10,
                &s.alert_until.map(|x| x.to_string()).unwrap_or_default(),
            ),
            FormField::choice(
                "status",
                d::F_STATUS,
                STATUS_OPTIONS.to_vec(),
                Status::ALL.iter().position(|x| *x == s.status).unwrap_or(0),
            ),
            text("note", d::F_NOTE, directory::MAX_SHORT, &s.internal_note),
            text("source", d::F_SOURCE, directory::MAX_SHORT, &s.source),
        ],
    );
    f.focus = 0;
    f
}

/// Reads the service form into `base` (an existing entry keeps what the
/// form does not show). Marks every field that needs fixing.
pub(super) fn read_form(form: &mut Form, base: &Service, lang: Lang) -> Option<Service> {
    let mut s = base.clone();
    let err = |form: &mut Form, id: &'static str, e: Option<String>| form.set_error(id, e);
    s.name = form.text("name").trim().to_string();
    let e = s
        .name
        .is_empty()
        .then(|| d::ERR_NAME_REQUIRED.get(lang).to_string());
    err(form, "name", e);
    s.alternate_name = form.text("alias").trim().to_string();
    s.organization = form.text("org").trim().to_string();
    s.description = form.text("description").trim().to_string();
    s.audience = form.text("audience").trim().to_string();
    match parse_ages(&form.text("ages")) {
        Ok((a, b)) => {
            s.min_age = a;
            s.max_age = b;
            err(form, "ages", None);
        }
        Err(BadAges) => err(form, "ages", Some(d::ERR_AGES.get(lang).into())),
    }
    s.categories = split_list(&form.text("categories"))
        .iter()
        .map(|c| category_key(c))
        .filter(|c| !c.is_empty())
        .collect();
    s.categories.dedup();
    let mut phones = Vec::new();
    for (i, id) in ["phone", "phone2"].into_iter().enumerate() {
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
    s.chat = form.text("chat").trim().to_string();
    s.web = directory::normalise_web(&form.text("web"));
    s.email = form.text("email").trim().to_string();
    let e =
        (!s.email.is_empty() && !valid_email(&s.email)).then(|| d::ERR_EMAIL.get(lang).to_string());
    err(form, "email", e);
    s.address = form.text("address").trim().to_string();
    s.address_withheld = form.choice("withheld") == 1;
    s.areas = split_list(&form.text("areas"));
    s.national = s.areas.is_empty();
    s.hours = Hours::parse(&form.text("hours"));
    let info = matches!(s.hours, Hours::Text(_)).then(|| d::F_HOURS_TEXT.get(lang).to_string());
    form.set_info("hours", info);
    s.languages = split_list(&form.text("langs"));
    s.free = tri_value(form.choice("free"));
    s.anonymous = tri_value(form.choice("anon"));
    s.alert = form.text("alert").trim().to_string();
    let until = form.text("alert_until");
    if until.trim().is_empty() {
        s.alert_until = None;
        err(form, "alert_until", None);
    } else {
        match NaiveDate::parse_from_str(until.trim(), "%Y-%m-%d") {
            Ok(x) => {
                s.alert_until = Some(x);
                err(form, "alert_until", None);
            }
            Err(_) => err(form, "alert_until", Some(d::ERR_DATE.get(lang).into())),
        }
    }
    s.status = Status::ALL
        .get(form.choice("status"))
        .copied()
        .unwrap_or_default();
    s.internal_note = form.text("note").trim().to_string();
    s.source = form.text("source").trim().to_string();
    if form.first_error().is_none()
        && let Err(p) = s.check()
    {
        let why = match p {
            directory::Problem::Control(f) => d::SKIP_CONTROL.fill(lang, &[("field", &f)]),
            _ => d::ERR_TOO_LONG.get(lang).into(),
        };
        err(form, "name", Some(why));
    }
    form.first_error().is_none().then_some(s)
}
