//! The callback queue: pane, forms, and `vakt voicemail|complaint|queue|callback`.

use super::{Lang, Msg, catalogue};
use crate::domain::promise::{AttemptResult, Outcome};

catalogue! {
    TITLE_COUNTS => "{open} åpne · {overdue} forfalt · {today} i dag", "{open} open · {overdue} overdue · {today} due today";
    TITLE_CLOSED_TODAY => "Lukket i dag ({n})", "Closed today ({n})";
    COL_DEADLINE => "Frist", "Due";
    COL_RECEIVED => "Mottatt", "Received";
    COL_NUMBER => "Nummer", "Number";
    COL_ATTEMPTS => "Forsøk", "Tries";
    COL_SAFETY => "Trygghet", "Safety";
    COL_SUMMARY => "Sammendrag", "Summary";
    COL_OUTCOME => "Utfall", "Outcome";
    EMPTY_QUEUE => "Ingen åpne tilbakeringinger. Trykk n for å legge inn en talebeskjed.", "No open callbacks. Press n to enter a voicemail.";
    EMPTY_CLOSED => "Ingenting er lukket i dag.", "Nothing has been closed today.";
    NO_SUMMARY => "(ingen sammendrag)", "(no summary)";
    COMPLAINT_MARK => "Klage", "Complaint";
    NEXT_TRY => "nytt forsøk {when}", "try again {when}";
    RETRY_NOW => "PRØV IGJEN", "TRY AGAIN";
    JOINED => "×{n}", "×{n}";
    SAFE_MSG_YES => "✉✓", "✉✓";
    SAFE_MSG_NO => "✉✗", "✉✗";
    NO_CALLBACK_MARK => "☎✗", "☎✗";
    SAFE_MSG_UNKNOWN => "✉?", "✉?";
    SAFE_TIME => "⏲", "⏲";
    CLOSED_MARK => "✓", "✓";
    NEXT_TRY_MARK => "↻", "↻";
    NO_NUMBER_MARK => "–", "–";
    /// What the signs of the list mean, in the help's legend (each fits
    /// the help box: at most 48 characters).
    LEGEND_TITLE => "Tegn i listen over tilbakeringinger", "Signs in the callback list";
    LEGEND_SAFE_TIME => "trygge tider å ringe følger", "safe times to call follow";
    LEGEND_JOINED => "beskjeder fra samme nummer, samlet i én sak", "messages from one number, joined in one item";
    LEGEND_NEXT_TRY => "neste forsøk, ikke før da (i smale vinduer)", "next try, not before then (in narrow windows)";
    LEGEND_CLOSED => "lukket, så utfallet (i «Lukket i dag»)", "closed, then the outcome (in Closed today)";
    LEGEND_NO_NUMBER => "uten nummer: en klage, eller slettet", "no number: a complaint, or erased";
    LEGEND_NO_CALLBACK => "ba ikke om å bli ringt opp", "did not ask to be called back";
    LEGEND_KEPT => "holdes igjen fra slettingen", "kept from erasing";
    LEGEND_UNMET => "trygg tid aldri i åpningstiden", "safe time never in opening hours";
    DETAIL_TITLE => "Valgt", "Selected";
    DETAIL_MORE => "↓ mer enn det er plass til – gjør vinduet høyere", "↓ more than there is room for – make the window taller";
    DETAIL_MSG_YES => "kan legge igjen beskjed", "may leave a message";
    DETAIL_MSG_NO => "IKKE legg igjen beskjed", "do NOT leave a message";
    DETAIL_MSG_UNKNOWN => "ikke avklart om beskjed: ikke legg igjen beskjed", "message not agreed: do not leave a message";
    DETAIL_WHO_YES => "kan si hvem vi er", "may say who we are";
    DETAIL_WHO_NO => "IKKE si hvem vi er", "do NOT say who we are";
    DETAIL_WHO_UNKNOWN => "ikke avklart: ikke si hvem vi er", "not agreed: do not say who we are";
    DETAIL_WANTS_NO => "ba IKKE om å bli ringt", "did NOT ask to be called";
    DETAIL_WANTS_YES => "ba om å bli ringt", "asked to be called back";
    DETAIL_SAFE_TIMES => "ring: {text}", "call: {text}";
    DETAIL_DEADLINE => "Frist {abs} · mottatt {received} · {messages}", "Due {abs} · received {received} · {messages}";
    DETAIL_ATTEMPT => "{when} {by}: {result}", "{when} {by}: {result}";
    DETAIL_SCRIPT => "Manus: «{script}»", "Script: \"{script}\"";
    DEFAULT_SCRIPT => "Hei, du ringte oss tidligere – passer det å snakke nå?", "Hi, you called us earlier – is this a good time to talk?";
    DETAIL_HIDDEN_NUMBER => "(nummer slettet)", "(number erased)";
    KEY_CALL => "Forsøk", "Attempt";
    KEY_NEW => "Ny", "New";
    KEY_CLOSE => "Lukk", "Close";
    KEY_EDIT => "Endre", "Edit";
    KEY_COPY => "Kopier nr", "Copy no.";
    KEY_UNDO => "Angre", "Undo";
    KEY_CLOSED_TODAY => "Lukket i dag", "Closed today";
    KEY_OPEN_ITEMS => "Åpne saker", "Open items";
    KEY_HOLD => "Behold (ikke slett) / frigi", "Keep (don't erase) / release";
    DETAIL_ON_HOLD => "BEHOLDES: slettes ikke før den frigis", "KEPT: not erased until released";
    KEY_PLAN => "Avtal tid", "Plan call";
    PLAN_TITLE => "Avtal tid for tilbakeringing", "Plan the callback";
    PLAN_AT => "Når", "When";
    PLAN_HINT => "f.eks. torsdag 12:00 · i morgen 13:30 · 2026-11-26 12:00 · tomt = fjern", "e.g. thursday 12:00 · tomorrow 13:30 · 2026-11-26 12:00 · empty = remove";
    SAVED_PLANNED => "Avtalt ✓ {when}", "Planned ✓ {when}";
    SAVED_UNPLANNED => "Avtalt tid fjernet ✓", "Planned time removed ✓";
    ERR_PLAN_PAST => "Den tiden har vært.", "That time has passed.";
    ERR_PLAN_CLOSED => "Linja er stengt da. Velg en tid innenfor åpningstiden.", "The line is closed then. Choose a time within the opening hours.";
    ERR_PLAN_UNSAFE => "Det er utenfor tiden innringeren sa er trygg (se trygghetslinja).", "That is outside the time the caller said is safe (see the safety line).";
    PLANNED_CELL => "avtalt {when}", "planned {when}";
    DETAIL_PLANNED => "Avtalt tilbakeringing: {when}", "Planned callback: {when}";
    REVIEW_PLANNED => "avtalt tilbakeringing {when}", "planned callback {when}";
    CLI_PLANNED => "Sak {id}: tilbakeringing avtalt {when}.", "Item {id}: callback planned {when}.";
    CLI_UNPLANNED => "Sak {id}: avtalt tid fjernet.", "Item {id}: planned time removed.";
    MARK_KEPT => "⚑", "⚑";
    MARK_UNMET => "⚠", "⚠";
    KEY_CHOOSE => "Velg", "Choose";
    FORM_NEW_TITLE => "Ny henvendelse", "New item";
    FORM_EDIT_TITLE => "Endre", "Edit";
    FORM_KIND => "Type", "Type";
    FORM_RECEIVED => "Mottatt", "Received";
    FORM_RECEIVED_HINT => "tom = nå · 07:42 · i går 16:10", "empty = now · 07:42 · yesterday 16:10";
    FORM_PHONE => "Nummer", "Number";
    FORM_LABEL => "Navn/alias", "Name/alias";
    FORM_SUMMARY => "Sammendrag", "Summary";
    FORM_WANTS => "Ønsker å bli ringt", "Wants a callback";
    FORM_MSG => "Beskjed på svarer", "Leave a message";
    FORM_WHO => "Si hvem vi er", "Say who we are";
    FORM_SAFE_TIMES => "Trygt å ringe", "Safe to call";
    FORM_NOTE => "Annet", "Other";
    FORM_HINT => "Tab/↓ neste felt · ←/→ velg · Enter lagre · Esc avbryt", "Tab/↓ next field · ←/→ choose · Enter save · Esc cancel";
    FORM_DEADLINE_PREVIEW => "Frist: {when}", "Due: {when}";
    FORM_JOIN_PREVIEW => "Samme nummer som en åpen sak: beskjeden legges til den.", "Same number as an open item: the message joins it.";
    KIND_VOICEMAIL => "Talebeskjed", "Voicemail";
    KIND_COMPLAINT => "Skriftlig klage", "Written complaint";
    KIND_WITHHELD => "Skjult nummer", "Withheld number";
    TRI_YES => "ja", "yes";
    TRI_NO => "nei", "no";
    TRI_UNKNOWN => "ukjent", "unknown";
    ATTEMPT_TITLE => "Forsøk – hva skjedde?", "Attempt – what happened?";
    ATTEMPT_RESULT => "Hva skjedde", "What happened";
    ATTEMPT_AT => "Tidspunkt", "Time";
    ATTEMPT_NOTE => "Notat", "Note";
    ATTEMPT_HINT => "r nådd · i ikke svar · o opptatt · b la igjen beskjed · f feil nummer", "r reached · i no answer · o busy · b left message · f wrong number";
    FORM_EDIT_JOIN_PREVIEW => "Samme nummer som åpen sak #{id}: du blir spurt om de skal slås sammen.", "Same number as open item #{id}: you will be asked whether to join them.";
    CONFIRM_JOIN_TITLE => "Samme nummer", "Same number";
    CONFIRM_JOIN => "Samme nummer som åpen sak #{id}. Slå denne saken sammen med den (beskjeder, forsøk og hvert «nei» beholdes; kan ikke angres)? j = slå sammen · n = hold dem adskilt · Esc = tilbake", "Same number as open item #{id}. Join this item into it (messages, attempts and every \"no\" are kept; cannot be undone)? y = join · n = keep them separate · Esc = back";
    SAVED_EDIT_JOINED => "Lagret ✓ Slått sammen med sak #{id} (samme nummer).", "Saved ✓ Joined into item #{id} (same number).";
    WISH_SAID_NO => "Innringeren sa IKKE legg igjen beskjed.", "The caller said do NOT leave a message.";
    WISH_NOT_SAID => "Innringeren har ikke sagt om det er greit med beskjed.", "The caller has not said whether a message is all right.";
    CONFIRM_MESSAGE_TITLE => "Beskjed mot innringerens ønske?", "A message against the caller's wish?";
    CONFIRM_MESSAGE => "{wish} Lagre «la igjen beskjed» likevel? (j/n)", "{wish} Record 'left a message' anyway? (y/n)";
    ERR_AGAINST_WISH => "Sak {id}: {wish} Ble det likevel lagt igjen beskjed, si det med --against-wish.", "Item {id}: {wish} If a message was left anyway, say so with --against-wish.";
    RESULT_REACHED => "nådd", "reached";
    RESULT_NO_ANSWER => "ikke svar", "no answer";
    RESULT_BUSY => "opptatt", "busy";
    RESULT_LEFT_MESSAGE => "la igjen beskjed", "left a message";
    RESULT_WRONG_NUMBER => "feil nummer", "wrong number";
    CLOSE_TITLE => "Lukk – utfall", "Close – outcome";
    CLOSE_HINT => "r nådd · g ga opp · u nummer ikke i bruk · t ikke lenger behov", "r reached · g gave up · u number not in use · t no longer needed";
    OUTCOME_REACHED => "nådd", "reached";
    OUTCOME_GAVE_UP => "ga opp", "gave up";
    OUTCOME_NOT_IN_USE => "nummer ikke i bruk", "number not in use";
    OUTCOME_NOT_NEEDED => "ikke lenger behov", "no longer needed";
    SAVED_NEW => "Lagret ✓ Frist {when}.", "Saved ✓ Due {when}.";
    SAVED_JOINED => "Lagret ✓ Lagt til åpen sak (samme nummer).", "Saved ✓ Added to the open item (same number).";
    SAVED_WITHHELD => "Lagret ✓ Skjult nummer registrert.", "Saved ✓ Withheld number recorded.";
    SAVED_ATTEMPT => "Forsøk lagret ✓ Nytt forsøk {when}.", "Attempt saved ✓ Try again {when}.";
    SAVED_ATTEMPT_NO_SAFE => "Forsøk lagret ✓ Ingen tid i åpningstiden er trygg for innringeren: koordinator må ordne oppringingen.", "Attempt saved ✓ No time in opening hours is safe for this caller: the coordinator must arrange the call.";
    CLI_NO_SAFE_TIME => "Ingen tid i åpningstiden er trygg for innringeren: koordinator må ordne oppringingen.", "No time in opening hours is safe for this caller: the coordinator must arrange the call.";
    SAVED_REACHED => "Nådd ✓ Saken er lukket.", "Reached ✓ The item is closed.";
    SAVED_CLOSED => "Lukket ✓", "Closed ✓";
    SAVED_EDIT => "Endret ✓", "Changed ✓";
    UNDONE_NEW => "Angret: ny sak #{id} ✓", "Undone: new item #{id} ✓";
    UNDONE_JOINED => "Angret: beskjed lagt til sak #{id} ✓", "Undone: message added to item #{id} ✓";
    UNDONE_ATTEMPT => "Angret: forsøk på sak #{id} ✓", "Undone: attempt on item #{id} ✓";
    UNDONE_CLOSE => "Angret: lukking av sak #{id} ✓", "Undone: closing of item #{id} ✓";
    UNDONE_EDIT => "Angret: endring av sak #{id} ✓", "Undone: edit of item #{id} ✓";
    UNDONE_PLAN => "Angret: avtalt tid på sak #{id} ✓", "Undone: planned time on item #{id} ✓";
    NOTHING_TO_UNDO => "Ingenting å angre.", "Nothing to undo.";
    UNDO_CHANGED => "Kan ikke angre: saken er endret etterpå.", "Cannot undo: the item has been changed since.";
    COPIED => "Nummeret er kopiert.", "The number has been copied.";
    NO_NUMBER => "Denne saken har ikke noe nummer.", "This item has no number.";
    GAVE_UP_SUGGESTION => "{n} forsøk uten svar: du kan lukke saken (c → g).", "{n} attempts without reaching them: you can close the item (c → g).";
    ERR_PHONE_EMPTY => "Nummeret mangler.", "The number is missing.";
    SAFE_TIME_UNREAD => "⚠ Trygg tid kunne ikke leses – les ordene selv før du ringer.", "⚠ The safe time could not be read – read the words yourself before calling.";
    SAFE_TIME_NEVER_OPEN => "⚠ Linja er aldri åpen når innringeren sier det er trygt – koordinator må ordne oppringingen.", "⚠ The line is never open when the caller says it is safe – the coordinator must arrange the call.";
    DETAIL_RECORDINGS => "Opptak i e-postkassen: {list}", "Recording in the mailbox: {list}";
    ERR_PHONE_EMERGENCY => "{number} er et nødnummer – det ringes aldri tilbake. Er noen i fare nå, ring {number} selv.", "{number} is an emergency number – it is never a callback. If someone is in danger now, call {number} yourself.";
    ERR_PHONE_TOO_LONG => "Nummeret er for langt.", "The number is too long.";
    ERR_PHONE_CHAR => "Nummeret kan ikke inneholde «{c}».", "The number cannot contain \"{c}\".";
    ERR_PHONE_PLUS => "+ kan bare stå først i nummeret.", "+ can only come first in the number.";
    ERR_PHONE_FEW => "Nummeret har for få sifre ({got}).", "The number has too few digits ({got}).";
    ERR_PHONE_MANY => "Nummeret har for mange sifre ({got}).", "The number has too many digits ({got}).";
    ERR_PHONE_NO_MISSING => "Nummeret mangler {digits} (norske nummer har 8).", "The number is {digits} short (Norwegian numbers have 8).";
    ERR_PHONE_NO_EXTRA => "Nummeret har {digits} for mye (norske nummer har 8).", "The number has {digits} too many (Norwegian numbers have 8).";
    ERR_PHONE_NO_PREFIX => "Norske nummer begynner ikke på {first}.", "Norwegian numbers do not start with {first}.";
    ERR_PHONE_SHORT => "Det er ikke et kjent kortnummer.", "That is not a known short number.";
    ERR_PHONE_COUNTRY => "Ukjent landskode.", "Unknown country code.";
    ERR_PHONE_COUNTRY_LEN => "Nummer med +{cc} skal ha {min}–{max} sifre etter landskoden (har {got}).", "Numbers with +{cc} have {min}–{max} digits after the country code (this has {got}).";
    ERR_PHONE_CONTROL => "Nummeret kan ikke inneholde tegnet {code} (et usynlig tegn eller kontrolltegn).", "The number cannot contain the character {code} (an invisible or control character).";
    ERR_PHONE_COUNTRY_LEN_EXACT => "Nummer med +{cc} skal ha {n} sifre etter landskoden (har {got}).", "Numbers with +{cc} have {n} digits after the country code (this has {got}).";
    ERR_PHONE_KIND_LEN => "{country}: et {kind} har {lengths} sifre etter +{cc} (dette har {got}).", "{country}: a {kind} has {lengths} digits after +{cc} (this one has {got}).";
    ERR_PHONE_NOT_IN_USE => "{country} (+{cc}): ingen nummer i bruk begynner slik. Sjekk sifrene.", "{country} (+{cc}): no number in use starts like this. Check the digits.";
    PHONE_KIND_MOBILE => "mobilnummer", "mobile number";
    PHONE_KIND_FIXED => "fasttelefonnummer", "landline number";
    PHONE_LENGTHS_OR => "eller", "or";
    ERR_NOT_FOUND => "Finner ikke sak {id}.", "No item {id}.";
    ERR_JOINED_INTO => "Sak {id} er slått sammen med sak {into} (samme nummer). Bruk {into}.", "Item {id} was joined into item {into} (the same number). Use {into}.";
    ERR_CLOSED => "Saken er allerede lukket.", "The item is already closed.";
    PLAN_AFTER_DEADLINE => "Det er etter fristen ({deadline}): løftet holdes bare om noen prøver før.", "That is after the deadline ({deadline}): the promise is kept only if someone tries before then.";
    ERR_ATTEMPT_BEFORE => "Forsøket kan ikke være før beskjeden kom inn. Sjekk datoen.", "The attempt cannot be before the message came in. Check the date.";
    ERR_ATTEMPT_FUTURE => "Forsøket kan ikke være senere enn nå.", "The attempt cannot be later than now.";
    ERR_TOO_FEW => "«Ga opp» krever {needed} forsøk; {made} er gjort.", "\"Gave up\" needs {needed} attempts; {made} made.";
    ERR_CHANGED => "Saken ble endret i en annen terminal. Prøv igjen.", "The item was changed in another terminal. Try again.";
    ERR_FIX_FIELDS => "Rett feltet som er merket, så lagre igjen. Ingenting er tapt.", "Correct the marked field, then save again. Nothing is lost.";
    ERR_BAD_RESULT => "Ukjent resultat. Bruk: reached, no-answer, busy, left-message, wrong-number.", "Unknown result. Use: reached, no-answer, busy, left-message, wrong-number.";
    ERR_BAD_OUTCOME => "Ukjent utfall. Bruk: reached, gave-up, not-in-use, not-needed.", "Unknown outcome. Use: reached, gave-up, not-in-use, not-needed.";
    ERR_SUMMARY_REQUIRED => "Skriv et kort sammendrag av klagen.", "Write a short summary of the complaint.";
    CLI_ADDED => "Sak {id}: frist {deadline}.", "Item {id}: due {deadline}.";
    CLI_JOINED => "Lagt til sak {id} (samme nummer): frist {deadline}.", "Added to item {id} (same number): due {deadline}.";
    CLI_WITHHELD => "Skjult nummer registrert.", "Withheld number recorded.";
    CLI_ATTEMPT => "Forsøk lagret for sak {id}.", "Attempt saved for item {id}.";
    CLI_ATTEMPT_CLOSED => "Forsøk lagret; sak {id} er nådd og lukket.", "Attempt saved; item {id} reached and closed.";
    CLI_CLOSED => "Sak {id} er lukket.", "Item {id} is closed.";
    CLI_QUEUE_EMPTY => "Ingen åpne saker.", "No open items.";
}

/// What an attempt's result is called.
pub fn result_msg(r: AttemptResult) -> Msg {
    match r {
        AttemptResult::Reached => RESULT_REACHED,
        AttemptResult::NoAnswer => RESULT_NO_ANSWER,
        AttemptResult::Busy => RESULT_BUSY,
        AttemptResult::LeftMessage => RESULT_LEFT_MESSAGE,
        AttemptResult::WrongNumber => RESULT_WRONG_NUMBER,
    }
}

pub fn result_name(r: AttemptResult, lang: Lang) -> &'static str {
    result_msg(r).get(lang)
}

/// Why a planned callback time cannot be used, in a sentence.
/// The warning for a plan after the deadline of an item not yet tried,
/// when it is one.
pub fn plan_warning(
    at: chrono::DateTime<chrono::Utc>,
    deadline: chrono::DateTime<chrono::Utc>,
    attempts: u32,
    tz: chrono_tz::Tz,
    lang: Lang,
) -> Option<String> {
    crate::domain::callback::plan_breaks_promise(at, deadline, attempts).then(|| {
        PLAN_AFTER_DEADLINE.fill(lang, &[("deadline", &planned_words(deadline, tz, lang))])
    })
}

/// Why an attempt's time was refused.
pub fn attempt_time_error(
    e: crate::domain::callback::AttemptTimeError,
    lang: Lang,
) -> &'static str {
    use crate::domain::callback::AttemptTimeError as E;
    match e {
        E::BeforeReceived => ERR_ATTEMPT_BEFORE.get(lang),
        E::InFuture => ERR_ATTEMPT_FUTURE.get(lang),
    }
}

pub fn plan_error(e: &crate::domain::callback::PlanError, lang: Lang) -> String {
    use crate::domain::callback::PlanError as E;
    match e {
        E::When(w) => super::rules::when_message(w, lang),
        E::Past => ERR_PLAN_PAST.get(lang).to_string(),
        E::Closed => ERR_PLAN_CLOSED.get(lang).to_string(),
        E::Unsafe => ERR_PLAN_UNSAFE.get(lang).to_string(),
    }
}

/// A planned callback in words: "Thu 26.11.2026 13:00".
pub fn planned_words(at: chrono::DateTime<chrono::Utc>, tz: chrono_tz::Tz, lang: Lang) -> String {
    let local = at.with_timezone(&tz);
    format!(
        "{} {}",
        crate::timefmt::weekday_short(local.date_naive(), lang),
        crate::timefmt::absolute(at, tz)
    )
}

/// Why a safe time cannot be planned for, in a sentence.
pub fn safe_unmet_words(u: crate::domain::promise::SafeTimeUnmet, lang: Lang) -> &'static str {
    match u {
        crate::domain::promise::SafeTimeUnmet::Unread => SAFE_TIME_UNREAD.get(lang),
        crate::domain::promise::SafeTimeUnmet::NeverOpen => SAFE_TIME_NEVER_OPEN.get(lang),
    }
}

/// The caller's wish about messages, in a sentence.
pub fn wish_words(w: crate::domain::callback::MessageWish, lang: Lang) -> &'static str {
    match w {
        crate::domain::callback::MessageWish::SaidNo => WISH_SAID_NO.get(lang),
        crate::domain::callback::MessageWish::NotSaid => WISH_NOT_SAID.get(lang),
    }
}

/// What is due on an open item, in words ("overdue by 2 h", "planned
/// Thu 13:00", "try again now", "next try 14:00", "tomorrow 15:00"), for
/// `vakt queue`; the list's cell adds its compact form for a next try.
pub fn due_words(
    due: crate::domain::item::Due,
    now: chrono::DateTime<chrono::Utc>,
    tz: chrono_tz::Tz,
    lang: Lang,
) -> String {
    use crate::domain::item::Due;
    use crate::timefmt::{deadline_words, when_words};
    match due {
        Due::Overdue(deadline) => deadline_words(deadline, now, tz, lang),
        Due::Planned(at) => PLANNED_CELL.fill(lang, &[("when", &when_words(at, now, tz, lang))]),
        Due::RetryNow => RETRY_NOW.get(lang).to_string(),
        Due::NextTry(at) => NEXT_TRY.fill(lang, &[("when", &when_words(at, now, tz, lang))]),
        // Not overdue (tried in time), so never "overdue by".
        Due::Deadline(at) => when_words(at, now, tz, lang),
    }
}

/// What a closed item's outcome is called.
pub fn outcome_msg(o: Outcome) -> Msg {
    match o {
        Outcome::Reached => OUTCOME_REACHED,
        Outcome::GaveUp => OUTCOME_GAVE_UP,
        Outcome::NotInUse => OUTCOME_NOT_IN_USE,
        Outcome::NotNeeded => OUTCOME_NOT_NEEDED,
    }
}

pub fn outcome_name(o: Outcome, lang: Lang) -> &'static str {
    outcome_msg(o).get(lang)
}

pub fn tri_name(v: Option<bool>, lang: Lang) -> &'static str {
    match v {
        Some(true) => TRI_YES.get(lang),
        Some(false) => TRI_NO.get(lang),
        None => TRI_UNKNOWN.get(lang),
    }
}

/// A plain sentence for a phone number that could not be read. Never
/// repeats the number itself.
pub fn phone_error(e: &crate::phone::PhoneError, lang: Lang) -> String {
    use crate::phone::PhoneError as E;
    match e {
        E::Empty => ERR_PHONE_EMPTY.get(lang).into(),
        E::TooLong => ERR_PHONE_TOO_LONG.get(lang).into(),
        E::InvalidChar(c) if is_unprintable(*c) => {
            let code = format!("U+{:04X}", u32::from(*c));
            ERR_PHONE_CONTROL.fill(lang, &[("code", &code)])
        }
        E::InvalidChar(c) => ERR_PHONE_CHAR.fill(lang, &[("c", c)]),
        E::MisplacedPlus => ERR_PHONE_PLUS.get(lang).into(),
        E::TooFewDigits { got } => ERR_PHONE_FEW.fill(lang, &[("got", got)]),
        E::TooManyDigits { got } => ERR_PHONE_MANY.fill(lang, &[("got", got)]),
        E::NorwegianLength { got } if *got < 8 => {
            let digits = super::plural::DIGITS.count(lang, (8 - *got) as u64);
            ERR_PHONE_NO_MISSING.fill(lang, &[("digits", &digits)])
        }
        E::NorwegianLength { got } => {
            let digits = super::plural::DIGITS.count(lang, (*got - 8) as u64);
            ERR_PHONE_NO_EXTRA.fill(lang, &[("digits", &digits)])
        }
        E::InvalidNorwegianPrefix { first } => ERR_PHONE_NO_PREFIX.fill(lang, &[("first", first)]),
        E::InvalidShortNumber => ERR_PHONE_SHORT.get(lang).into(),
        E::UnknownCountryCode => ERR_PHONE_COUNTRY.get(lang).into(),
        E::CountryLength {
            country_code,
            got,
            min,
            max,
        } if min == max => ERR_PHONE_COUNTRY_LEN_EXACT
            .fill(lang, &[("cc", country_code), ("got", got), ("n", min)]),
        E::KindLength {
            country_code,
            region,
            kind,
            got,
            lengths,
        } => {
            let kind = match kind {
                crate::phone::NumberKind::Mobile => PHONE_KIND_MOBILE.get(lang),
                crate::phone::NumberKind::FixedLine => PHONE_KIND_FIXED.get(lang),
            };
            ERR_PHONE_KIND_LEN.fill(
                lang,
                &[
                    ("country", &country(region.as_deref(), *country_code, lang)),
                    ("kind", &kind),
                    ("lengths", &lengths_text(lengths, lang)),
                    ("cc", country_code),
                    ("got", got),
                ],
            )
        }
        E::Emergency { number } => ERR_PHONE_EMERGENCY.fill(lang, &[("number", number)]),
        E::NotInUse {
            country_code,
            region,
        } => ERR_PHONE_NOT_IN_USE.fill(
            lang,
            &[
                ("country", &country(region.as_deref(), *country_code, lang)),
                ("cc", country_code),
            ],
        ),
        E::CountryLength {
            country_code,
            got,
            min,
            max,
        } => ERR_PHONE_COUNTRY_LEN.fill(
            lang,
            &[
                ("cc", country_code),
                ("got", got),
                ("min", min),
                ("max", max),
            ],
        ),
    }
}

/// A character that would not show as itself in a message: one that must
/// never reach a terminal ([`crate::domain::text::is_unsafe`]), or an
/// invisible one (zero-width space, soft hyphen, byte-order mark, …). It is
/// named by its code instead, so the message says what is there.
fn is_unprintable(c: char) -> bool {
    crate::domain::text::is_unsafe(c)
        || matches!(
            c,
            '\u{ad}'
                | '\u{34f}'
                | '\u{115f}'
                | '\u{1160}'
                | '\u{17b4}'
                | '\u{17b5}'
                | '\u{180b}'..='\u{180f}'
                | '\u{200b}'..='\u{200d}'
                | '\u{2060}'..='\u{2065}'
                | '\u{206a}'..='\u{206f}'
                | '\u{3164}'
                | '\u{fe00}'..='\u{fe0f}'
                | '\u{feff}'
                | '\u{ffa0}'
                | '\u{fff0}'..='\u{fffb}'
                | '\u{e0000}'..='\u{e0fff}'
        )
}

/// The country's name for a phone message, or `+CC` if it has none.
fn country(region: Option<&str>, country_code: u16, lang: Lang) -> String {
    region
        .and_then(|r| super::countries::country_name(r, lang))
        .map_or_else(|| format!("+{country_code}"), str::to_owned)
}

/// `9`, `7–9` or `9 or 11` (national lengths, sorted).
fn lengths_text(lengths: &[usize], lang: Lang) -> String {
    match lengths {
        [] => String::new(),
        [one] => one.to_string(),
        [first, .., last] if last - first + 1 == lengths.len() => format!("{first}–{last}"),
        [init @ .., last] => {
            let init: Vec<String> = init.iter().map(usize::to_string).collect();
            format!("{} {} {last}", init.join(", "), PHONE_LENGTHS_OR.get(lang))
        }
    }
}

/// The safety instructions as words, the careful reading of each choice
/// (as the queue's detail shows them): for the handover review.
pub fn safety_words(s: &crate::domain::promise::Safety, lang: Lang) -> Vec<String> {
    let mut out = Vec::new();
    if s.wants_callback == Some(false) {
        out.push(DETAIL_WANTS_NO.get(lang).to_string());
    }
    out.push(
        match s.may_leave_message {
            Some(true) => DETAIL_MSG_YES,
            Some(false) => DETAIL_MSG_NO,
            None => DETAIL_MSG_UNKNOWN,
        }
        .get(lang)
        .to_string(),
    );
    out.push(
        match s.may_say_who_we_are {
            Some(true) => DETAIL_WHO_YES,
            Some(false) => DETAIL_WHO_NO,
            None => DETAIL_WHO_UNKNOWN,
        }
        .get(lang)
        .to_string(),
    );
    let one_line = |t: &str| t.replace(['\n', '\r'], " ");
    if !s.safe_times.trim().is_empty() {
        out.push(DETAIL_SAFE_TIMES.fill(lang, &[("text", &one_line(&s.safe_times))]));
    }
    if !s.note.trim().is_empty() {
        out.push(one_line(&s.note));
    }
    out
}

#[cfg(test)]
mod phone_tests {
    use super::*;
    use crate::phone::{NumberKind, PhoneError};

    #[test]
    fn lengths_read_as_a_range_a_list_or_one() {
        assert_eq!(lengths_text(&[9], Lang::En), "9");
        assert_eq!(lengths_text(&[7, 8, 9], Lang::En), "7–9");
        assert_eq!(lengths_text(&[9, 11], Lang::Nb), "9 eller 11");
        assert_eq!(lengths_text(&[6, 8, 10], Lang::En), "6, 8 or 10");
    }

    #[test]
    fn invisible_and_control_characters_are_named_by_code() {
        for (c, code) in [
            ('\u{1b}', "U+001B"),
            ('\u{7}', "U+0007"),
            ('\u{9b}', "U+009B"),
            ('\u{202e}', "U+202E"),
            ('\u{200b}', "U+200B"),
            ('\u{feff}', "U+FEFF"),
        ] {
            for lang in [Lang::Nb, Lang::En] {
                let text = phone_error(&PhoneError::InvalidChar(c), lang);
                assert!(text.contains(code), "{text}");
                assert!(!text.contains(c), "{text:?}");
            }
        }
        assert_eq!(
            phone_error(&PhoneError::InvalidChar('x'), Lang::En),
            "The number cannot contain \"x\"."
        );
    }

    #[test]
    fn a_country_without_a_name_is_its_code() {
        let e = PhoneError::KindLength {
            country_code: 46,
            region: None,
            kind: NumberKind::FixedLine,
            got: 3,
            lengths: vec![7, 8, 9],
        };
        assert_eq!(
            phone_error(&e, Lang::En),
            "+46: a landline number has 7–9 digits after +46 (this one has 3)."
        );
        let e = PhoneError::CountryLength {
            country_code: 45,
            got: 7,
            min: 8,
            max: 8,
        };
        assert_eq!(
            phone_error(&e, Lang::Nb),
            "Nummer med +45 skal ha 8 sifre etter landskoden (har 7)."
        );
    }
}
