//! The referral directory: pane, forms, and `vakt directory …`.

use super::{Lang, Msg, catalogue};
use crate::directory::problem::{ProblemKind, ProblemReport};
use crate::directory::{Freshness, Note, Problem, Skip, Status};

catalogue! {
    DIR_KEY_COPY => "Kopier nr", "Copy no.";
    KEY_REFER => "Henvis", "Refer";
    KEY_VERIFY => "Verifisert i dag", "Verified today";
    KEY_PROBLEM => "Meld feil", "Report problem";
    DIR_KEY_NEW => "Ny", "New";
    DIR_KEY_EDIT => "Endre", "Edit";
    KEY_DEACTIVATE => "Deaktiver", "Deactivate";
    KEY_FILTER => "Filter", "Filter";
    KEY_DONE => "Ferdig", "Done";
    SEARCH_LABEL => "Søk:", "Search:";
    SEARCH_EMPTY_HINT => "trykk / og skriv navn, tema eller sted", "press / and type a name, topic or place";
    TITLE_COUNT => "{n} treff", "{n} found";
    EMPTY => "Ingen treff. Prøv et kortere ord eller fjern filteret (f).", "Nothing found. Try a shorter word or clear the filter (f).";
    COL_NAME => "Navn", "Name";
    COL_PHONE => "Telefon", "Phone";
    COL_OPEN => "Nå", "Now";
    COL_FRESH => "Verifisert", "Verified";
    OPEN_NOW => "ÅPENT", "OPEN";
    CLOSED_NOW => "stengt", "closed";
    OPEN_UNKNOWN => "?", "?";
    FRESH_TODAY => "✓ i dag", "✓ today";
    FRESH_DAYS => "✓ {n} d siden", "✓ {n} d ago";
    STALE => "GAMMEL {n} d", "STALE {n} d";
    NEVER_VERIFIED => "ikke verifisert", "not verified";
    NEVER_VERIFIED_LONG => "Aldri verifisert – sjekk før bruk.", "Never verified – verify before use.";
    STALE_LONG => "Sist verifisert for {n} dager siden – sjekk før bruk.", "Last verified {n} days ago – verify before use.";
    BANNER_UNVERIFIED => "{n} av treffene er ikke verifisert – sjekk før bruk.", "{n} of these are not verified – verify before use.";
    STATUS_DO_NOT_REFER => "IKKE HENVIS", "DO NOT REFER";
    STATUS_CLOSED => "DEAKTIVERT", "DEACTIVATED";
    NO_PHONE => "–", "–";
    HOURS_ALWAYS => "døgnåpent", "24/7";
    HOURS_UNKNOWN => "ukjent åpningstid", "hours unknown";
    HOURS_HOLIDAYS_CLOSED => "stengt på helligdager", "closed on public holidays";
    HOURS_HOLIDAYS_USUAL => "helligdager som vanlig", "public holidays as usual";
    HOURS_HOLIDAYS_AT => "helligdager {hours}", "public holidays {hours}";
    HOURS_DAY_CLOSED => "{day} stengt", "{day} closed";
    DETAIL_HOURS => "Åpningstid: {hours}", "Hours: {hours}";
    DETAIL_FOR => "For: {text}", "For: {text}";
    DETAIL_AGES => "Alder: {ages}", "Ages: {ages}";
    DETAIL_AREAS => "Dekker: {areas}", "Serves: {areas}";
    NATIONAL => "hele landet", "the whole country";
    DETAIL_ADDRESS => "Adresse: {address}", "Address: {address}";
    ADDRESS_WITHHELD => "Adressen er skjermet – ikke oppgi den.", "Address withheld for safety – do not give it out.";
    FREE => "gratis", "free";
    ANONYMOUS => "anonymt", "anonymous";
    DETAIL_ALERT => "! {alert}", "! {alert}";
    DETAIL_VERIFIED => "Verifisert {date} av {by}", "Verified {date} by {by}";
    DETAIL_SOURCE => "Kilde: {source}", "Source: {source}";
    DETAIL_NOTE => "Internt: {note}", "Internal: {note}";
    DETAIL_WEB => "Nett: {web}", "Web: {web}";
    DETAIL_CHAT => "Chat: {chat}", "Chat: {chat}";
    DETAIL_EMAIL => "E-post: {email}", "E-mail: {email}";
    DETAIL_LANGS => "Språk: {langs}", "Languages: {langs}";
    FILTER_ON => "Filter: {filters}", "Filter: {filters}";
    FILTER_OPEN => "åpent nå", "open now";
    DIR_COPIED => "Nummeret er kopiert: {number}", "The number has been copied: {number}";
    DIR_NO_NUMBER => "Dette tilbudet har ikke noe telefonnummer.", "This service has no phone number.";
    VERIFIED => "Merket som verifisert i dag ✓", "Marked as verified today ✓";
    REFERRED => "Henvisning registrert for {number} (mottatt {received}): {service} ✓ – u angrer", "Referral recorded for {number} (received {received}): {service} ✓ – u undoes";
    REFER_ASK_TITLE => "Registrere henvisningen?", "Record the referral?";
    REFER_ASK => "Innringeren {number}, mottatt {received}\nHenvise til «{service}»? Sjekk at det er saken du mener.", "The caller {number}, received {received}\nRefer to \"{service}\"? Check it is the item you mean.";
    CALLER_NO_NUMBER => "uten nummer", "no number";
    REFER_UNDONE => "Henvisningen er angret ✓", "Referral undone ✓";
    DIR_NOTHING_TO_UNDO => "Ingenting å angre.", "Nothing to undo.";
    DIR_KEY_UNDO => "Angre henvisning", "Undo referral";
    NO_CALLBACK => "Ingen åpen tilbakeringing er valgt. Velg saken i køen (1) først, og kom tilbake hit.", "No open callback is selected. Select it in the queue (1) first, then come back here.";
    NOT_REFERABLE => "Dette tilbudet er merket «ikke henvis» eller deaktivert.", "This service is marked \"do not refer\" or deactivated.";
    CALLBACK_GONE => "Tilbakeringingen er lukket eller finnes ikke lenger.", "The callback is closed or no longer exists.";
    PROBLEM_SAVED => "Feilen er meldt ✓ Den vises ved vaktskiftet.", "Problem reported ✓ It will show at handover.";
    DIR_SAVED => "Lagret ✓", "Saved ✓";
    DEACTIVATED => "Deaktivert ✓ Tilbudet vises ikke lenger i søk.", "Deactivated ✓ The service no longer shows in search.";
    NOTHING_SELECTED => "Velg et tilbud i listen først.", "Select a service in the list first.";
    DIR_ERR_FIX_FIELDS => "Noe må rettes: se feltet som er merket ✗.", "Something needs fixing: see the field marked ✗.";
    DIR_FORM_NEW_TITLE => "Nytt hjelpetilbud", "New service";
    DIR_FORM_EDIT_TITLE => "Endre hjelpetilbud", "Edit service";
    DIR_FORM_HINT => "Tab/↓ neste felt · ←/→ velg · Enter lagre · Esc avbryt", "Tab/↓ next field · ←/→ choose · Enter save · Esc cancel";
    F_NAME => "Navn", "Name";
    F_ALIAS => "Også kalt", "Also called";
    F_ORG => "Organisasjon", "Organisation";
    F_DESCRIPTION => "Hjelper med", "Helps with";
    F_AUDIENCE => "For hvem", "Who it is for";
    F_AGES => "Alder", "Ages";
    F_AGES_HINT => "f.eks. 12-18, 18- eller -17; tom = alle", "e.g. 12-18, 18- or -17; empty = all";
    F_CATEGORIES => "Kategorier", "Categories";
    F_CATEGORIES_HINT => "skilt med komma, f.eks. Rus, Pårørende", "comma-separated, e.g. Substance use, Relatives";
    F_PHONE => "Telefon", "Phone";
    F_PHONE2 => "Telefon 2", "Phone 2";
    F_CHAT => "Chat", "Chat";
    F_WEB => "Nettside", "Website";
    F_EMAIL => "E-post", "E-mail";
    F_ADDRESS => "Adresse", "Address";
    F_WITHHELD => "Skjermet adresse", "Address withheld";
    F_AREAS => "Dekker", "Serves";
    F_AREAS_HINT => "kommuner/regioner, skilt med komma; tom = hele landet", "municipalities/regions, comma-separated; empty = whole country";
    F_HOURS => "Åpningstid", "Hours";
    F_HOURS_HINT => "24/7 · man-fre 09-15; lør 10-14 · stengt på helligdager, ellers: helligdager 10-14 / som vanlig · 24.12 09-12 · eller fritekst", "24/7 · mon-fri 09-15; sat 10-14 · closed on public holidays unless: holidays 10-14 / as usual · 24.12 09-12 · or free text";
    F_HOURS_TEXT => "Leses som fritekst: «åpent nå» blir ukjent.", "Read as free text: \"open now\" will be unknown.";
    F_LANGS => "Språk", "Languages";
    F_FREE => "Gratis", "Free of charge";
    F_ANON => "Anonymt", "Anonymous";
    F_ALERT => "Varsel", "Alert";
    F_ALERT_UNTIL => "Varsel til", "Alert until";
    F_STATUS => "Status", "Status";
    F_NOTE => "Internt notat", "Internal note";
    F_SOURCE => "Kilde", "Source";
    ST_ACTIVE => "aktiv", "active";
    ST_DO_NOT_REFER => "ikke henvis", "do not refer";
    ST_CLOSED => "deaktivert", "deactivated";
    ERR_NAME_REQUIRED => "Tilbudet må ha et navn.", "The service needs a name.";
    ERR_AGES => "Skriv alder som 12-18, 18- eller -17.", "Write ages as 12-18, 18- or -17.";
    ERR_EMAIL => "E-postadressen ser ikke riktig ut.", "The e-mail address does not look right.";
    ERR_DATE => "Skriv datoen som ÅÅÅÅ-MM-DD.", "Write the date as YYYY-MM-DD.";
    ERR_TOO_LONG => "For lang tekst.", "The text is too long.";
    DEACTIVATE_TITLE => "Deaktivere tilbudet?", "Deactivate this service?";
    DEACTIVATE_FIELD => "Ny status", "New status";
    DEACTIVATE_HINT => "Deaktivert: vises ikke lenger i søk. Henvisninger og historikk beholdes.", "Deactivated: no longer shown in search. Referrals and history are kept.";
    DEACTIVATE_KEYS => "←/→ velg · Enter bekreft · Esc avbryt", "←/→ choose · Enter confirm · Esc cancel";
    PROBLEM_TITLE => "Meld feil ved tilbudet", "Report a problem with this service";
    P_KIND => "Hva er feil", "What is wrong";
    P_NOTE => "Merknad", "Note";
    PK_WRONG_NUMBER => "feil nummer", "wrong number";
    PK_CLOSED => "nedlagt / stengt", "closed down";
    PK_OTHER => "annet", "other";
    FILTER_TITLE => "Filter", "Filter";
    FF_CATEGORY => "Kategori", "Category";
    FF_MUNICIPALITY => "Kommune", "Municipality";
    FF_OPEN_NOW => "Bare åpne nå", "Only open now";
    FF_ALL => "alle", "all";
    CAT_VIOLENCE => "Vold og overgrep", "Violence and abuse";
    CAT_SEXUAL_ABUSE => "Seksuelle overgrep", "Sexual abuse";
    CAT_CHILDREN_YOUTH => "Barn og unge", "Children and youth";
    CAT_MENTAL_HEALTH => "Psykisk helse", "Mental health";
    CAT_SUBSTANCE_USE => "Rus", "Substance use";
    CAT_RELATIVES => "Pårørende", "Relatives";
    CAT_CRISIS => "Krise / selvmord", "Crisis / suicide";
    CAT_LEGAL_AID => "Rettshjelp", "Legal aid";
    CAT_EMERGENCY => "Politi og nød", "Police and emergency";
    CAT_HEALTH => "Helse", "Health";
    CAT_HOUSING => "Bolig / krisesenter", "Housing / shelter";
    CAT_OTHER => "Annet", "Other";
    IMPORT_SUMMARY => "{added} lagt til, {updated} oppdatert, {unchanged} uendret, {skipped} hoppet over.", "{added} added, {updated} updated, {unchanged} unchanged, {skipped} skipped.";
    IMPORT_SKIP_LINE => "  Hoppet over nr. {n} ({name}): {why}", "  Skipped no. {n} ({name}): {why}";
    IMPORT_NOTE_LINE => "  Nr. {n} ({name}): {what}", "  No. {n} ({name}): {what}";
    SKIP_NOT_ENTRY => "ikke et tjenesteobjekt", "not a service object";
    SKIP_NO_NAME => "mangler navn", "has no name";
    SKIP_DUPLICATE => "samme tilbud står tidligere i filen", "the same service appears earlier in the file";
    SKIP_BAD_VALUE => "feltet «{field}» kan ikke leses", "the field \"{field}\" cannot be read";
    SKIP_TOO_LONG => "feltet «{field}» er for langt", "the field \"{field}\" is too long";
    SKIP_TOO_MANY => "for mange verdier i «{field}»", "too many values in \"{field}\"";
    SKIP_AGE_ORDER => "laveste alder er høyere enn høyeste", "the lowest age is above the highest";
    SKIP_BAD_EMAIL => "e-postadressen ser ikke riktig ut", "the e-mail address does not look right";
    SKIP_CONTROL => "feltet «{field}» inneholder et kontrolltegn", "the field \"{field}\" contains a control character";
    NOTE_PHONE_LEFT_OUT => "telefonnummer {n} ble ikke forstått og er utelatt", "phone number {n} was not understood and was left out";
    NOTHING_CHANGED => "Ingenting ble endret.", "Nothing was changed.";
    ERR_FILE_READ => "Kan ikke lese {path}: {why}", "Cannot read {path}: {why}";
    ERR_FILE_TOO_BIG => "{path} er større enn {max} MB, og er neppe en katalog over hjelpetilbud.", "{path} is larger than {max} MB, and is hardly a directory of services.";
    ERR_NOT_UTF8 => "{path} er ikke UTF-8-tekst. Lagre filen som UTF-8 og prøv igjen.", "{path} is not UTF-8 text. Save the file as UTF-8 and try again.";
    ERR_JSON => "{path} er ikke gyldig JSON (linje {line}, kolonne {column}).", "{path} is not valid JSON (line {line}, column {column}).";
    ERR_NOT_SERVICES => "{path} inneholder ingen HSDS-tjenester: ventet en liste, et «contents»-felt eller ett tjenesteobjekt.", "{path} holds no HSDS services: expected a list, a \"contents\" field or one service object.";
    ERR_CSV => "{path}: CSV-filen kan ikke leses på linje {line}.", "{path}: the CSV file cannot be read at line {line}.";
    ERR_CSV_NO_NAME => "{path} mangler kolonnen «name» i første linje.", "{path} has no \"name\" column in its first line.";
    ERR_WRITE => "Kan ikke skrive {path}: {why}", "Cannot write {path}: {why}";
    ERR_UNKNOWN_FORMAT => "Ukjent format «{format}». Bruk hsds eller csv.", "Unknown format \"{format}\". Use hsds or csv.";
    ERR_UNKNOWN_CATEGORY => "Ukjent kategori «{category}». Kjente kategorier: {list}", "Unknown category \"{category}\". Known categories: {list}";
    EXPORTED => "{n} tilbud eksportert til {path}.", "{n} services exported to {path}.";
    SEARCH_NONE => "Ingen treff.", "Nothing found.";
    SEARCH_CUT => "{shown} av {total} vist; --limit N for flere", "{shown} of {total} shown; --limit N for more";
    SEARCH_CUT_MANY => "{shown} av over {total} vist; --limit N for flere (høyst {total}), eller snevre inn søket", "{shown} of over {total} shown; --limit N for more (at most {total}), or narrow the search";
    TITLE_COUNT_MORE => "{n}+ treff – skriv mer for å snevre inn", "{n}+ found – type more to narrow";
    EMPTY_NO_FILTER => "Ingen treff. Prøv et kortere ord, et telefonnummer eller et sted.", "Nothing found. Try a shorter word, a phone number or a place.";
    SEARCH_CORRECTED => "Viser treff for «{words}»", "Showing results for \"{words}\"";
    SEARCH_PLACE => "Sted: {place} – lokale først, så nasjonale", "Place: {place} – local first, then national";
    SEARCH_PLACE_NO_LOCAL => "Sted: {place} – ingen lokale tilbud funnet; nasjonale", "Place: {place} – no local service found; national ones";
    SEARCH_PLACE_COUNTY => "Sted: {place} – lokale først, så {county}, så nasjonale", "Place: {place} – local first, then {county}, then national";
    SEARCH_PLACE_COUNTY_FIRST => "Sted: {place} – ingen lokale tilbud funnet; {county} først, så nasjonale", "Place: {place} – no local service found; {county} first, then national";
    SEARCH_PLACE_NONE_IN_COUNTY => "Sted: {place} – ingen tilbud funnet for stedet eller {county}; nasjonale", "Place: {place} – no service found for the place or {county}; national ones";
    PROBLEM_MARK => "⚠ Feil meldt {date}: {kind}", "⚠ Problem reported {date}: {kind}";
}

pub fn freshness_short(f: Freshness, lang: Lang) -> String {
    match f {
        Freshness::Never => NEVER_VERIFIED.get(lang).to_string(),
        Freshness::Fresh { days: 0 } => FRESH_TODAY.get(lang).to_string(),
        Freshness::Fresh { days } => FRESH_DAYS.fill(lang, &[("n", &days)]),
        Freshness::Stale { days } => STALE.fill(lang, &[("n", &days)]),
    }
}

pub fn status_msg(s: Status) -> Msg {
    match s {
        Status::Active => ST_ACTIVE,
        Status::DoNotRefer => ST_DO_NOT_REFER,
        Status::Closed => ST_CLOSED,
    }
}

pub fn problem_kind_msg(k: ProblemKind) -> Msg {
    match k {
        ProblemKind::WrongNumber => PK_WRONG_NUMBER,
        ProblemKind::Closed => PK_CLOSED,
        ProblemKind::Other => PK_OTHER,
    }
}

/// The default categories' names, in the order of `DEFAULT_CATEGORIES`.
pub const CATEGORY_NAMES: [Msg; 12] = [
    CAT_VIOLENCE,
    CAT_SEXUAL_ABUSE,
    CAT_CHILDREN_YOUTH,
    CAT_MENTAL_HEALTH,
    CAT_SUBSTANCE_USE,
    CAT_RELATIVES,
    CAT_CRISIS,
    CAT_LEGAL_AID,
    CAT_EMERGENCY,
    CAT_HEALTH,
    CAT_HOUSING,
    CAT_OTHER,
];

/// A category's name in the user's language (custom ones as stored).
pub fn category_name(key: &str, lang: Lang) -> String {
    crate::directory::DEFAULT_CATEGORIES
        .iter()
        .position(|(k, _, _)| *k == key)
        .map(|i| CATEGORY_NAMES[i].get(lang).to_string())
        .unwrap_or_else(|| key.replace('_', " "))
}

pub fn skip_reason(s: &Skip, lang: Lang) -> String {
    match s {
        Skip::NotAnEntry => SKIP_NOT_ENTRY.get(lang).to_string(),
        Skip::NoName | Skip::Invalid(Problem::NoName) => SKIP_NO_NAME.get(lang).to_string(),
        Skip::Duplicate => SKIP_DUPLICATE.get(lang).to_string(),
        Skip::BadValue(f) => SKIP_BAD_VALUE.fill(lang, &[("field", f)]),
        Skip::Invalid(Problem::TooLong(f)) => SKIP_TOO_LONG.fill(lang, &[("field", f)]),
        Skip::Invalid(Problem::TooMany(f)) => SKIP_TOO_MANY.fill(lang, &[("field", f)]),
        Skip::Invalid(Problem::AgeOrder) => SKIP_AGE_ORDER.get(lang).to_string(),
        Skip::Invalid(Problem::BadEmail) => SKIP_BAD_EMAIL.get(lang).to_string(),
        Skip::Invalid(Problem::Control(f)) => SKIP_CONTROL.fill(lang, &[("field", f)]),
    }
}

pub fn note_text(n: &Note, lang: Lang) -> String {
    match n {
        Note::PhoneLeftOut(i) => NOTE_PHONE_LEFT_OUT.fill(lang, &[("n", i)]),
    }
}

/// A place a search took as a filter, and what it found for it.
#[derive(Debug, Clone, Copy)]
pub struct PlaceReading<'a> {
    pub place: &'a str,
    /// The place's county, when it is a municipality.
    pub county: Option<&'a str>,
    /// Services serving the place itself are among the results.
    pub local_found: bool,
    /// Services serving the county are among the results.
    pub county_found: bool,
}

/// How a search read the query, one line each (a place taken as a filter
/// and the order of what it found, words corrected), for
/// `vakt directory search` and the pane alike.
pub fn search_reading(
    place: Option<PlaceReading>,
    corrected: Option<&str>,
    lang: Lang,
) -> Vec<String> {
    let mut lines = Vec::new();
    if let Some(r) = place {
        let p: (&str, &dyn std::fmt::Display) = ("place", &r.place);
        lines.push(match (r.county, r.local_found, r.county_found) {
            (None, true, _) => SEARCH_PLACE.fill(lang, &[p]),
            (None, false, _) => SEARCH_PLACE_NO_LOCAL.fill(lang, &[p]),
            (Some(c), true, _) => SEARCH_PLACE_COUNTY.fill(lang, &[p, ("county", &c)]),
            (Some(c), false, true) => SEARCH_PLACE_COUNTY_FIRST.fill(lang, &[p, ("county", &c)]),
            (Some(c), false, false) => SEARCH_PLACE_NONE_IN_COUNTY.fill(lang, &[p, ("county", &c)]),
        });
    }
    if let Some(words) = corrected {
        lines.push(SEARCH_CORRECTED.fill(lang, &[("words", &words)]));
    }
    lines
}

/// The note that a search printed fewer entries than it found, or `None`
/// when it printed them all. `more`: the search itself stopped at `total`.
pub fn search_cut(shown: usize, total: usize, more: bool, lang: Lang) -> Option<String> {
    let args: &[(&str, &dyn std::fmt::Display)] = &[("shown", &shown), ("total", &total)];
    if more {
        Some(SEARCH_CUT_MANY.fill(lang, args))
    } else if shown < total {
        Some(SEARCH_CUT.fill(lang, args))
    } else {
        None
    }
}

/// The mark a reported problem leaves on an entry until it is verified
/// again: "⚠ Problem reported 23.11.2026: wrong number".
pub fn problem_mark(p: &ProblemReport, tz: chrono_tz::Tz, lang: Lang) -> String {
    let date = p.at.with_timezone(&tz).format("%d.%m.%Y").to_string();
    let mut text = PROBLEM_MARK.fill(
        lang,
        &[
            ("date", &date),
            ("kind", &problem_kind_msg(p.kind).get(lang)),
        ],
    );
    if !p.note.is_empty() {
        let note: String = p.note.chars().filter(|c| !c.is_control()).collect();
        text.push_str(&format!(" – {note}"));
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn category_names_follow_the_default_list() {
        for (i, (_, nb, en)) in crate::directory::DEFAULT_CATEGORIES.iter().enumerate() {
            assert_eq!(CATEGORY_NAMES[i].nb, *nb);
            assert_eq!(CATEGORY_NAMES[i].en, *en);
        }
        assert_eq!(category_name("relatives", Lang::Nb), "Pårørende");
        assert_eq!(
            category_name("gjeld_og_okonomi", Lang::En),
            "gjeld og okonomi"
        );
    }
}
