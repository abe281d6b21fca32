//! Voicemail intake from the switchboard's e-mail: results, the report of
//! e-mails that could not be read, and settings errors. Never caller data.

use super::catalogue;

catalogue! {
    TAKEN_NEW => "Talemelding tatt inn: sak {id}, frist {deadline}.", "Voicemail taken in: item {id}, due {deadline}.";
    TAKEN_JOINED => "Talemelding tatt inn: lagt til sak {id} (samme nummer), frist {deadline}.", "Voicemail taken in: joined item {id} (same number), due {deadline}.";
    TAKEN_WITHHELD => "Talemelding fra skjult nummer tatt inn: telt, ingen å ringe tilbake.", "Voicemail from a withheld number taken in: counted, nobody to call back.";
    TAKEN_DUPLICATE => "Denne e-posten er tatt inn før; ingenting nytt er lagret.", "This e-mail was taken in before; nothing new was saved.";
    TAKEN_FAILED => "E-posten kunne ikke leses ({reason}). Den er telt og ligger urørt; se vakt voicemail intake --report.", "The e-mail could not be read ({reason}). It is counted and left as it was; see vakt voicemail intake --report.";
    MAILDIR_DONE => "{new} nye saker, {joined} lagt til saker, {withheld} skjulte nummer, {duplicates} tatt inn før, {failed} kunne ikke leses.", "{new} new items, {joined} joined items, {withheld} withheld numbers, {duplicates} taken in before, {failed} could not be read.";
    REPORT_NONE => "Ingen talemeldings-e-poster venter på å bli sett på.", "No voicemail e-mails are waiting to be looked at.";
    REPORT_HEAD => "{count} talemeldings-e-poster kunne ikke leses:", "{count} voicemail e-mails could not be read:";
    REPORT_TAKEN => "Tatt inn fra e-post hittil (siden siste sletting): {count}.", "Taken in from e-mail so far (since the last purge): {count}.";
    REPORT_DISMISSED => "{count} meldinger om uleselige e-poster er fjernet fra lista.", "{count} notices of unreadable e-mails were removed from the list.";
    REVIEW_CLOSED_ARRIVALS => "Mens linja var stengt: {count} talemeldinger kom inn ({email} med e-post, {withheld} fra skjult nummer).", "While the line was closed: {count} voicemails arrived ({email} by e-mail, {withheld} from withheld numbers).";
    STATUS_FAILED => "{count} talemeldings-e-poster kunne ikke leses", "{count} voicemail e-mails could not be read";
    STATUS_FAILED_ONE => "1 talemeldings-e-post kunne ikke leses", "1 voicemail e-mail could not be read";
    REASON_UNREADABLE => "ikke en lesbar e-post", "not a readable e-mail";
    REASON_TOO_LARGE => "for stor", "too large";
    REASON_SENDER => "avsender ikke godtatt", "sender not accepted";
    REASON_NO_NUMBER => "fant ikke noe nummer", "no number found";
    REASON_BAD_NUMBER => "nummeret kan ikke være ekte", "the number cannot be real";
    REASON_NO_TIME => "fant ikke tidspunktet", "no time found";
    REASON_BAD_TIME => "tidspunktet er i framtida eller ugyldig", "the time is in the future or not valid";
    REASON_NO_WORKING_DAY => "ingen virkedag å sette frist på", "no working day to set a deadline on";
    ERR_NO_SWITCHBOARD => "Ingen sentralbord er satt opp under [intake] i innstillingsfila. Se docs/admin.md, «Talemeldinger fra e-post».", "No switchboard is set up under [intake] in the settings file. See docs/admin.md, \"Voicemail from e-mail\".";
    ERR_SETTING => "Innstillingen [[intake.switchboard]] «{name}»: {key} {why}", "The setting [[intake.switchboard]] \"{name}\": {key} {why}";
    WHY_UNKNOWN_PRESET => "er ikke en kjent mal (asterisk, freepbx, sipxecs, generic).", "is not a known preset (asterisk, freepbx, sipxecs, generic).";
    WHY_BAD_PATTERN => "er ikke et gyldig mønster.", "is not a valid pattern.";
    WHY_NO_GROUP => "mangler gruppen (?P<{group}>...).", "lacks the group (?P<{group}>...).";
    WHY_MISSING => "mangler (ingen mal gir den).", "is missing (no preset gives it).";
    WHY_NO_SENDERS => "må nevne minst én avsender.", "must name at least one sender.";
    WHY_BAD_FORMAT => "trenger time_format når tiden leses fra teksten.", "needs time_format when the time is read from the body.";
    ERR_NOT_MAILDIR => "{path} er ikke en Maildir (mappene new og cur mangler).", "{path} is not a Maildir (the folders new and cur are missing).";
    ERR_READ_MAIL => "Kan ikke lese {path}: {why}.", "Cannot read {path}: {why}.";
    ERR_MOVE => "Kan ikke flytte en e-post i {path}: {why}. Det som er lagret, er lagret; e-posten tas ikke inn to ganger.", "Cannot move an e-mail in {path}: {why}. What was saved is saved; the e-mail will not be taken in twice.";
}

/// The reason's words, by its stored key.
pub fn reason(key: &str, lang: super::Lang) -> &'static str {
    match key {
        "too_large" => REASON_TOO_LARGE,
        "sender" => REASON_SENDER,
        "no_number" => REASON_NO_NUMBER,
        "bad_number" => REASON_BAD_NUMBER,
        "no_time" => REASON_NO_TIME,
        "bad_time" => REASON_BAD_TIME,
        "no_working_day" => REASON_NO_WORKING_DAY,
        _ => REASON_UNREADABLE,
    }
    .get(lang)
}
