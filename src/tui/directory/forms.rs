//! The directory's short forms: report a problem with a service, change
//! its status, and filter the results. Each names its fields with an enum
//! and offers typed values; the entry form is in `service_form.rs`.

use crate::directory::problem::ProblemKind;
use crate::directory::{self, DEFAULT_CATEGORIES, Service, Status};
use crate::i18n::{Lang, Msg, directory as d};
use crate::tui::form::{Choice, Form, FormField};
use crate::tui::input::Field;

/// The fields of the report-a-problem form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ProblemField {
    Kind,
    Note,
}

/// The one field of the status form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StatusField {
    Status,
}

/// The fields of the filter form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FilterField {
    Category,
    Municipality,
    OpenNow,
}

impl Choice for ProblemKind {
    const ALL: &'static [Self] = &ProblemKind::ALL;
    fn label(self) -> Msg {
        d::problem_kind_msg(self)
    }
}

/// The status a service is given from the list (`x`): deactivated
/// first, since that is what the key is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NewStatus(pub Status);

impl Choice for NewStatus {
    const ALL: &'static [Self] = &[
        NewStatus(Status::Closed),
        NewStatus(Status::DoNotRefer),
        NewStatus(Status::Active),
    ];
    fn label(self) -> Msg {
        d::status_msg(self.0)
    }
}

/// One of the default categories (`DEFAULT_CATEGORIES`), as the filter
/// offers them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Category(usize);

/// How many default categories there are.
const CATEGORIES: usize = DEFAULT_CATEGORIES.len();

/// Any category, then each default one in order.
const ANY_OR_CATEGORY: [Option<Category>; CATEGORIES + 1] = {
    let mut all = [None; CATEGORIES + 1];
    let mut i = 0;
    while i < CATEGORIES {
        all[i + 1] = Some(Category(i));
        i += 1;
    }
    all
};

impl Category {
    /// The key the store knows the category by.
    pub fn key(self) -> &'static str {
        DEFAULT_CATEGORIES[self.0].0
    }

    pub fn name(self) -> Msg {
        d::CATEGORY_NAMES[self.0]
    }
}

/// The filter's category: any, or one of the default ones.
impl Choice for Option<Category> {
    const ALL: &'static [Self] = &ANY_OR_CATEGORY;
    fn label(self) -> Msg {
        self.map_or(d::FF_ALL, Category::name)
    }
}

/// What the results are narrowed to besides the search text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    pub category: Option<Category>,
    pub municipality: String,
    pub open_now: bool,
}

impl Filter {
    /// The filters in force, in words (empty when none).
    pub fn words(&self, lang: Lang) -> String {
        let mut parts = Vec::new();
        if let Some(c) = self.category {
            parts.push(c.name().get(lang).to_string());
        }
        if !self.municipality.is_empty() {
            parts.push(self.municipality.clone());
        }
        if self.open_now {
            parts.push(d::FILTER_OPEN.get(lang).to_string());
        }
        parts.join(" · ")
    }

    /// The form to change the filter, showing this one.
    pub fn form(&self) -> Form<FilterField> {
        Form::new(
            d::FILTER_TITLE,
            vec![
                FormField::pick(FilterField::Category, d::FF_CATEGORY, self.category),
                FormField::text(
                    FilterField::Municipality,
                    d::FF_MUNICIPALITY,
                    Field::single(directory::MAX_NAME).with_text(&self.municipality),
                ),
                FormField::pick(FilterField::OpenNow, d::FF_OPEN_NOW, self.open_now),
            ],
        )
    }

    /// The filter the form says.
    pub fn read(form: &Form<FilterField>) -> Filter {
        Filter {
            category: form.picked(FilterField::Category),
            municipality: form.text(FilterField::Municipality).trim().to_string(),
            open_now: form.picked(FilterField::OpenNow),
        }
    }
}

/// The form to report a problem with a service.
pub fn problem_form() -> Form<ProblemField> {
    Form::new(
        d::PROBLEM_TITLE,
        vec![
            FormField::pick(ProblemField::Kind, d::P_KIND, ProblemKind::ALL[0]),
            FormField::text(
                ProblemField::Note,
                d::P_NOTE,
                Field::single(directory::MAX_SHORT),
            ),
        ],
    )
}

/// The form to deactivate `s` (or mark it not to be referred to).
pub fn status_form(s: &Service, lang: Lang) -> Form<StatusField> {
    Form::new(
        d::DEACTIVATE_TITLE,
        vec![
            FormField::pick(
                StatusField::Status,
                d::DEACTIVATE_FIELD,
                NewStatus(Status::Closed),
            )
            .with_hint(format!("«{}» – {}", s.name, d::DEACTIVATE_HINT.get(lang))),
        ],
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_category_choice_is_any_then_every_default_category() {
        let all = <Option<Category> as Choice>::ALL;
        assert_eq!(all.len(), DEFAULT_CATEGORIES.len() + 1);
        assert_eq!(all[0], None);
        for (i, (key, _, _)) in DEFAULT_CATEGORIES.iter().enumerate() {
            let c = all[i + 1].expect("a category");
            assert_eq!(c.key(), *key);
            assert_eq!(c.name(), d::CATEGORY_NAMES[i]);
        }
    }

    #[test]
    fn the_filter_form_reads_back_the_filter_it_shows() {
        for category in <Option<Category> as Choice>::ALL {
            for open_now in [false, true] {
                let filter = Filter {
                    category: *category,
                    municipality: "Bergen".into(),
                    open_now,
                };
                assert_eq!(Filter::read(&filter.form()), filter);
            }
        }
    }
}
