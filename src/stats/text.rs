//! The figures in sentences: the period, the headline and a missed
//! promise, worded the same on screen (the statistics pane) and in
//! `vakt stats`.

use chrono::NaiveDate;

use super::{Figures, Period, Promise};
use crate::i18n::{Lang, stats as st, time as t};

fn date_words(d: NaiveDate, lang: Lang) -> String {
    use chrono::Datelike;
    format!(
        "{} {}",
        t::DAY_MONTH.fill(
            lang,
            &[
                ("day", &d.day()),
                ("mon", &crate::timefmt::month_short(d, lang))
            ]
        ),
        d.year()
    )
}

/// "I år: 1. jan. 2026 – 23. nov. 2026".
pub fn period_line(p: &Period, lang: Lang) -> String {
    st::PERIOD_LINE.fill(
        lang,
        &[
            ("name", &st::period_name(p.kind, lang)),
            ("from", &date_words(p.from, lang)),
            ("to", &date_words(p.to, lang)),
        ],
    )
}

/// The headline lines shared by the pane and the text output.
pub fn headline(f: &Figures, lang: Lang) -> Vec<String> {
    let share = |m: crate::i18n::Msg, p: &Promise| {
        let share = match p.percent() {
            Some(pct) => st::SHARE.fill(
                lang,
                &[("pct", &pct), ("kept", &p.kept), ("decided", &p.decided())],
            ),
            None => st::NO_SHARE.get(lang).to_string(),
        };
        m.fill(lang, &[("share", &share)])
    };
    let not_counted = |p: &Promise| {
        st::NOT_COUNTED.fill(lang, &[("pending", &p.pending), ("not_owed", &p.not_owed)])
    };
    let v = &f.volume;
    let mut lines = vec![
        share(st::VOICEMAIL_KEPT, &f.voicemail),
        not_counted(&f.voicemail),
        share(st::COMPLAINTS_KEPT, &f.complaints),
        not_counted(&f.complaints),
        st::FIRST_ATTEMPT.fill(lang, &[("n", &f.first_attempt.count)]),
        st::FIRST_ATTEMPT_FIGURES.fill(
            lang,
            &[
                ("median", &st::hours_minutes(f.first_attempt.median, lang)),
                ("p90", &st::hours_minutes(f.first_attempt.p90, lang)),
            ],
        ),
        st::VOLUME.fill(
            lang,
            &[("messages", &v.messages), ("withheld", &v.withheld)],
        ),
        st::OUTCOMES.fill(
            lang,
            &[
                ("reached", &v.reached),
                ("not_reached", &v.not_reached),
                ("not_needed", &v.not_needed),
                ("open", &v.open),
            ],
        ),
    ];
    lines.extend(referral_lines(f, lang));
    lines
}

/// "Henvisninger: 12 · Vold og overgrep 5 · Krise 3", then
/// "Mest henvist til: VO-linjen (4), …" on a line of its own, so a narrow
/// screen wraps between the names rather than losing them.
fn referral_lines(f: &Figures, lang: Lang) -> Vec<String> {
    let Some(r) = &f.referrals else {
        return vec![String::new()];
    };
    if r.total == 0 {
        return vec![st::REFERRALS_NONE.get(lang).to_string()];
    }
    let cats: Vec<String> = r
        .by_category
        .iter()
        .take(4)
        .map(|(_, name, n)| format!("{name} {n}"))
        .collect();
    let top: Vec<String> = r
        .by_service
        .iter()
        .take(3)
        .map(|(_, name, n)| format!("{name} ({n})"))
        .collect();
    vec![
        st::REFERRALS.fill(lang, &[("n", &r.total), ("categories", &cats.join(" · "))]),
        st::REFERRALS_MOST.fill(lang, &[("services", &top.join(", "))]),
    ]
}

/// "✗ #12 talebeskjed · mottatt 01.04.2026 16:00 · frist … · første forsøk …".
pub fn missed_line(m: &crate::stats::Missed, tz: chrono_tz::Tz, lang: Lang) -> String {
    let abs = |t| crate::timefmt::absolute(t, tz);
    let answer = match (m.answered_at, m.kind) {
        (None, _) => st::NOT_ATTEMPTED.get(lang).to_string(),
        (Some(a), crate::domain::promise::Kind::Voicemail) => {
            st::FIRST_AT.fill(lang, &[("at", &abs(a))])
        }
        (Some(a), crate::domain::promise::Kind::Complaint) => {
            st::ANSWERED_AT.fill(lang, &[("at", &abs(a))])
        }
    };
    st::MISSED_ROW.fill(
        lang,
        &[
            ("id", &m.id),
            ("kind", &st::kind_word(m.kind, lang)),
            ("received", &abs(m.received_at)),
            ("deadline", &abs(m.deadline_at)),
            ("answer", &answer),
        ],
    )
}
