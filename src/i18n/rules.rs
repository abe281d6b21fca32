//! What the input rules in `crate::domain` say when something breaks
//! them: limits, control characters, the name on duty, the time range,
//! and the settings file.

use super::{Lang, Msg, catalogue};
use crate::domain::name::{self, NameError};
use crate::domain::text::{TextError, TextField, TextProblem};

catalogue! {
    FIELD_LABEL => "Navn/alias", "The name or alias";
    FIELD_SUMMARY => "Sammendraget", "The summary";
    FIELD_SAFE_TIMES => "Trygge tider", "The safe times";
    FIELD_SAFETY_NOTE => "Sikkerhetsnotatet", "The safety note";
    FIELD_ATTEMPT_NOTE => "Notatet om forsøket", "The attempt note";
    FIELD_NOTE => "Notatet", "The note";
    FIELD_REASON => "Grunnen", "The reason";
    ERR_TOO_LONG => "{field} er for langt: {chars} tegn, høyst {max} er lov.", "{field} is too long: {chars} characters, at most {max} allowed.";
    ERR_CONTROL => "{field} inneholder et kontrolltegn (som ESC, et linjeskift eller et skjult retningstegn). Skriv vanlig tekst.", "{field} contains a control character (such as ESC, a line break or a hidden direction mark). Use plain text.";
    ERR_REQUIRED => "{field} må fylles ut.", "{field} is required.";
    ERR_NAME => "Et navn på vakthavende er 1–{max} tegn: bokstaver, sifre, mellomrom, punktum og bindestrek (som «Kari N.» eller «KN»).", "A name on duty is 1–{max} characters: letters, digits, spaces, dots and hyphens (such as \"Kari N.\" or \"KN\").";
    ERR_AS => "--as: {rule}", "--as: {rule}";
    ERR_WHEN_RANGE => "Datoen må være fra {first} til og med {last}.", "The date must be from {first} to {last}.";
    CONFIG_WARNING => "Innstillingsfila {path}, linje {line}: ukjent nøkkel «{key}» blir ikke brukt.", "The settings file {path}, line {line}: unknown key \"{key}\" is not used.";
    CONFIG_WARNING_HINT => "Innstillingsfila {path}, linje {line}: ukjent nøkkel «{key}» blir ikke brukt (mente du «{hint}»?).", "The settings file {path}, line {line}: unknown key \"{key}\" is not used (did you mean \"{hint}\"?).";
    ERR_CONFIG_ONE_OF => "Innstillingsfila {path}, linje {line}: «{key}» må være en av {allowed}.", "The settings file {path}, line {line}: \"{key}\" must be one of {allowed}.";
    ERR_CONFIG_RANGE => "Innstillingsfila {path}, linje {line}: «{key}» må være et heltall fra {min} til {max}.", "The settings file {path}, line {line}: \"{key}\" must be a whole number from {min} to {max}.";
    ERR_CONFIG_BOOL => "Innstillingsfila {path}, linje {line}: «{key}» må være true eller false.", "The settings file {path}, line {line}: \"{key}\" must be true or false.";
    ERR_CONFIG_TEXT => "Innstillingsfila {path}, linje {line}: «{key}» må være tekst i anførselstegn, høyst {max} tegn, uten kontrolltegn.", "The settings file {path}, line {line}: \"{key}\" must be text in quotes, at most {max} characters, without control characters.";
    ERR_CONFIG_TABLE => "Innstillingsfila {path}, linje {line}: «{key}» må være en seksjon ([{key}]).", "The settings file {path}, line {line}: \"{key}\" must be a section ([{key}]).";
    ERR_CONFIG_UTF8 => "Innstillingsfila {path}, linje {line}: fila er ikke UTF-8-tekst. Lagre den som UTF-8.", "The settings file {path}, line {line}: the file is not UTF-8 text. Save it as UTF-8.";
    ERR_WHEN_TOO_OLD => "Det er {days} dager siden – mer enn {max}. Sjekk året og måneden. Er meldingen virkelig så gammel, før den inn med vakt-kommandoen og --old.", "That is {days} days ago – more than {max}. Check the year and the month. If the message really is that old, enter it with the vakt command and --old.";
}

/// The name of a free-text field, as the start of a sentence.
pub fn field_name(f: TextField) -> Msg {
    match f {
        TextField::Label => FIELD_LABEL,
        TextField::Summary => FIELD_SUMMARY,
        TextField::SafeTimes => FIELD_SAFE_TIMES,
        TextField::SafetyNote => FIELD_SAFETY_NOTE,
        TextField::AttemptNote => FIELD_ATTEMPT_NOTE,
        TextField::Note => FIELD_NOTE,
        TextField::Reason => FIELD_REASON,
    }
}

/// One sentence for a text that breaks its field's rule.
pub fn text_error(e: &TextError, lang: Lang) -> String {
    let field = field_name(e.field).get(lang);
    match e.problem {
        TextProblem::Required => match e.field {
            // The catalogue already says these in the words people know.
            TextField::Summary => super::queue::ERR_SUMMARY_REQUIRED.get(lang).to_string(),
            TextField::Note => super::log::ERR_NOTE_EMPTY.get(lang).to_string(),
            TextField::Reason => super::calendar::EMPTY_REASON.get(lang).to_string(),
            _ => ERR_REQUIRED.fill(lang, &[("field", &field)]),
        },
        TextProblem::TooLong { chars, max } => ERR_TOO_LONG.fill(
            lang,
            &[
                ("field", &field),
                ("chars", &lang.count(chars as u64)),
                ("max", &max),
            ],
        ),
        TextProblem::Control => ERR_CONTROL.fill(lang, &[("field", &field)]),
    }
}

/// The rule for a name on duty (the same sentence for every way to break
/// it: the rule is short enough to say whole).
pub fn name_error(_e: &NameError, lang: Lang) -> String {
    ERR_NAME.fill(lang, &[("max", &name::MAX_CHARS)])
}

/// The rule for a name given with `--as`.
pub fn as_error(e: &NameError, lang: Lang) -> String {
    ERR_AS.fill(lang, &[("rule", &name_error(e, lang))])
}

/// A message for a failed time or date the person typed.
pub fn when_message(w: &crate::when::WhenError, lang: Lang) -> String {
    use super::shell as m;
    use crate::when::WhenError as E;
    match w {
        E::Empty => m::ERR_WHEN_EMPTY.get(lang).to_string(),
        E::TooLong => m::ERR_WHEN_TOO_LONG.get(lang).to_string(),
        E::BadDate(s) => m::ERR_WHEN_BAD_DATE.fill(lang, &[("input", s)]),
        E::BadTime(s) => m::ERR_WHEN_BAD_TIME.fill(lang, &[("input", s)]),
        E::Format => m::ERR_WHEN_FORMAT.get(lang).to_string(),
        E::Skipped => m::ERR_WHEN_SKIPPED.get(lang).to_string(),
        E::InFuture => m::ERR_WHEN_FUTURE.get(lang).to_string(),
        E::TooOld { days } => ERR_WHEN_TOO_OLD.fill(
            lang,
            &[("days", days), ("max", &crate::when::RECEIPT_MAX_AGE_DAYS)],
        ),
        E::OutOfRange { first, last } => {
            ERR_WHEN_RANGE.fill(lang, &[("first", first), ("last", last)])
        }
    }
}
