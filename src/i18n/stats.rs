//! The statistics pane and `vakt stats`.

use super::catalogue;

catalogue! {
    PERIOD_THIS_WEEK => "Denne uka", "This week";
    PERIOD_LAST_MONTH => "Forrige måned", "Last month";
    PERIOD_THIS_YEAR => "I år", "This year";
    PERIOD_CUSTOM => "Valgt periode", "Chosen period";
    PERIOD_LINE => "{name}: {from} – {to}", "{name}: {from} – {to}";
    PERIOD_HINT => "← → bytter periode", "← → changes the period";
    KEY_PREV_PERIOD => "Forrige periode", "Previous period";
    KEY_NEXT_PERIOD => "Neste periode", "Next period";
    VOICEMAIL_KEPT => "Talebeskjeder ringt tilbake innen fristen: {share}", "Voicemails called back by the deadline: {share}";
    COMPLAINTS_KEPT => "Klager besvart innen 21 dager: {share}", "Complaints answered within 21 days: {share}";
    SHARE => "{pct} % ({kept} av {decided})", "{pct} % ({kept} of {decided})";
    NOT_COUNTED => "  ikke med i andelen: {pending} venter · {not_owed} lukket uten behov", "  not in the share: {pending} pending · {not_owed} closed, not needed";
    NO_SHARE => "ingen ennå", "none yet";
    FIRST_ATTEMPT => "Tid til første forsøk, i åpningstid ({n} stk.):", "Time to first attempt, in opening hours ({n} items):";
    FIRST_ATTEMPT_FIGURES => "  median {median} · 90 % innen {p90}", "  median {median} · 90th percentile {p90}";
    VOLUME => "Meldinger: {messages} · skjult nummer: {withheld}", "Messages: {messages} · withheld number: {withheld}";
    COMPUTING => "Regner ut …", "Calculating …";
    REFERRALS_NONE => "Henvisninger: ingen i perioden", "Referrals: none in this period";
    REFERRALS => "Henvisninger: {n} · {categories}", "Referrals: {n} · {categories}";
    REFERRALS_MOST => "Mest henvist til: {services}", "Referred to most: {services}";
    OUTCOMES => "Nådd: {reached} · ikke nådd: {not_reached} · ikke nødvendig: {not_needed} · åpne: {open}", "Reached: {reached} · not reached: {not_reached} · not needed: {not_needed} · open: {open}";
    TREND_WEEKS => "Talebeskjeder: løfte holdt per uke, % (– = ingen)", "Voicemails: promise kept per week, % (– = none)";
    TREND_MONTHS => "Talebeskjeder: løfte holdt per måned, % (– = ingen)", "Voicemails: promise kept per month, % (– = none)";
    WEEK_SHORT => "u{n}", "w{n}";
    HEAT_TITLE => "Meldinger per ukedag og time", "Messages per weekday and hour";
    HEAT_LEGEND => "· ingen  ░ få  ▒  ▓  █ flest ({max})", "· none  ░ few  ▒  ▓  █ most ({max})";
    MISSED_TITLE => "Frist ikke holdt ({n})", "Deadline missed ({n})";
    MISSED_NONE => "Ingen frister oversittet i perioden ✓", "No deadline missed in this period ✓";
    MISSED_ROW => "✗ #{id} {kind} · mottatt {received} · frist {deadline} · {answer}", "✗ #{id} {kind} · received {received} · due {deadline} · {answer}";
    FIRST_AT => "første forsøk {at}", "first attempt {at}";
    ANSWERED_AT => "besvart {at}", "answered {at}";
    NOT_ATTEMPTED => "ikke forsøkt", "not attempted";
    STAT_KIND_VOICEMAIL => "talebeskjed", "voicemail";
    STAT_KIND_COMPLAINT => "klage", "complaint";
    ERR_LOAD => "Klarte ikke å lese statistikken. Prøv igjen om litt; ingenting er endret.", "Could not read the statistics. Try again in a moment; nothing was changed.";
    ERR_DATE => "Skriv datoene som ÅÅÅÅ-MM-DD, for eksempel 2026-01-31.", "Write the dates as YYYY-MM-DD, for example 2026-01-31.";
    ERR_RANGE => "Fra-datoen kommer etter til-datoen.", "The from date comes after the to date.";
    CLI_MISSED => "Frist ikke holdt:", "Deadline missed:";
    CLI_WEEKS => "Per uke (talebeskjeder · klager):", "Per week (voicemails · complaints):";
    CLI_MONTHS => "Per måned (talebeskjeder · klager):", "Per month (voicemails · complaints):";
    CLI_WEEKDAYS => "Meldinger per ukedag:", "Messages per weekday:";
}

use super::{Lang, time as t};
use crate::domain::promise::Kind;
use crate::stats::PeriodKind;

/// The name of a period in the user's language.
pub fn period_name(kind: PeriodKind, lang: Lang) -> &'static str {
    match kind {
        PeriodKind::ThisWeek => PERIOD_THIS_WEEK.get(lang),
        PeriodKind::LastMonth => PERIOD_LAST_MONTH.get(lang),
        PeriodKind::ThisYear => PERIOD_THIS_YEAR.get(lang),
        PeriodKind::Custom => PERIOD_CUSTOM.get(lang),
    }
}

pub fn kind_word(kind: Kind, lang: Lang) -> &'static str {
    match kind {
        Kind::Voicemail => STAT_KIND_VOICEMAIL.get(lang),
        Kind::Complaint => STAT_KIND_COMPLAINT.get(lang),
    }
}

/// "82 %", or "ingen ennå" / "none yet".
pub fn percent(p: Option<u32>, lang: Lang) -> String {
    match p {
        Some(p) => format!("{p} %"),
        None => NO_SHARE.get(lang).to_string(),
    }
}

/// Working time as "6 t 15 min" / "6 h 15 min"; "–" when there is none.
pub fn hours_minutes(secs: Option<i64>, lang: Lang) -> String {
    let Some(secs) = secs else {
        return "–".to_string();
    };
    let mins = secs.max(0) / 60;
    let (h, m) = (mins / 60, mins % 60);
    match (h, m) {
        (0, m) => t::MINUTES.fill(lang, &[("n", &m)]),
        (h, 0) => t::HOURS.fill(lang, &[("n", &h)]),
        (h, m) => format!(
            "{} {}",
            t::HOURS.fill(lang, &[("n", &h)]),
            t::MINUTES.fill(lang, &[("n", &m)])
        ),
    }
}
