//! `vakt calendar …`: holidays, deadlines, opening hours and closed days.

use chrono::{SecondsFormat, Weekday};
use chrono_tz::Tz;
use serde_json::json;

use super::{Ctx, out, out_json};
use crate::calendar::{self, CalendarSettings, Hours, ItemKind};
use crate::cli::{CalendarCmd, KindArg};
use crate::error::AppError;
use crate::i18n::{Lang, calendar as m, time as tm};
use crate::when;

pub fn run(ctx: &Ctx, cmd: CalendarCmd) -> Result<(), AppError> {
    match cmd {
        CalendarCmd::Holidays { year, json } => holidays(ctx.lang, year, json),
        CalendarCmd::Deadline {
            received,
            kind,
            json,
        } => {
            let store = ctx.open_store()?;
            let settings = store.calendar().map_err(ctx.db_err())?;
            deadline(ctx, &settings, &received, kind, json)
        }
        CalendarCmd::Show { json } => {
            let store = ctx.open_store()?;
            let settings = store.calendar().map_err(ctx.db_err())?;
            show(ctx.lang, &settings, json)
        }
        CalendarCmd::Close(args) => {
            let date = when::parse_day(&args.date, ctx.now.date_naive())?;
            let reason =
                crate::domain::text::required(&args.reason, crate::domain::text::TextField::Reason)
                    .map_err(super::callbacks::text_err(ctx.lang))?;
            let reason = reason.as_str();
            let mut store = ctx.open_store()?;
            store
                .close_date(date, reason, &ctx.actor, ctx.now)
                .map_err(ctx.db_err())?;
            out(&m::CLOSED_SET.fill(ctx.lang, &[("date", &date), ("reason", &reason)]))
        }
        CalendarCmd::Reopen { date } => {
            let date = when::parse_day(&date, ctx.now.date_naive())?;
            let mut store = ctx.open_store()?;
            let was = store
                .reopen_date(date, &ctx.actor, ctx.now)
                .map_err(ctx.db_err())?;
            let msg = if was { m::REOPENED } else { m::NOT_CLOSED };
            out(&msg.fill(ctx.lang, &[("date", &date)]))
        }
        CalendarCmd::Hours { weekday, hours } => {
            let wd = calendar::parse_weekday(&weekday)
                .ok_or_else(|| AppError::BadWeekday(weekday.clone()))?;
            let h = calendar::parse_hours(&hours).map_err(|_| AppError::BadHours(hours.clone()))?;
            let mut store = ctx.open_store()?;
            store
                .set_hours(wd, h, &ctx.actor, ctx.now)
                .map_err(ctx.db_err())?;
            out(&m::HOURS_SET.fill(
                ctx.lang,
                &[
                    ("weekday", &weekday_name(wd, ctx.lang)),
                    ("hours", &hours_words(h, ctx.lang)),
                ],
            ))
        }
        CalendarCmd::Closing { date, time } => {
            let date = when::parse_day(&date, ctx.now.date_naive())?;
            let t = match time.trim().to_lowercase().as_str() {
                "normal" | "vanlig" => None,
                _ => Some(when::parse_clock(&time)?),
            };
            let mut store = ctx.open_store()?;
            store
                .set_closing_override(date, t, &ctx.actor, ctx.now)
                .map_err(ctx.db_err())?;
            let text = match t {
                Some(t) => {
                    m::CLOSING_SET.fill(ctx.lang, &[("date", &date), ("time", &t.format("%H:%M"))])
                }
                None => m::CLOSING_REMOVED.fill(ctx.lang, &[("date", &date)]),
            };
            out(&text)
        }
        CalendarCmd::Zone { zone } => {
            let tz: Tz = zone
                .trim()
                .parse()
                .map_err(|_| AppError::BadZone(zone.clone()))?;
            let mut store = ctx.open_store()?;
            store
                .set_time_zone(tz, &ctx.actor, ctx.now)
                .map_err(ctx.db_err())?;
            out(&m::ZONE_SET.fill(ctx.lang, &[("zone", &tz.name())]))
        }
    }
}

fn holidays(lang: Lang, year: i32, json: bool) -> Result<(), AppError> {
    if !(calendar::MIN_YEAR..=calendar::MAX_YEAR).contains(&year) {
        return Err(AppError::YearOutOfRange(year));
    }
    let days = calendar::holidays_in_year(year);
    if json {
        let arr: Vec<_> = days
            .iter()
            .map(|(d, h)| {
                json!({"date": d.format("%Y-%m-%d").to_string(), "name": crate::i18n::calendar::holiday_name(*h, lang)})
            })
            .collect();
        return out_json(&serde_json::Value::Array(arr));
    }
    let text: String = days
        .iter()
        .map(|(d, h)| {
            format!(
                "{}  {:<5} {}\n",
                d.format("%Y-%m-%d"),
                crate::timefmt::weekday_short(*d, lang),
                crate::i18n::calendar::holiday_name(*h, lang)
            )
        })
        .collect();
    out(&text)
}

fn deadline(
    ctx: &Ctx,
    settings: &CalendarSettings,
    received: &str,
    kind: KindArg,
    json: bool,
) -> Result<(), AppError> {
    let at = when::parse_when(received, ctx.now, settings.tz)?;
    let kind = match kind {
        KindArg::Voicemail => ItemKind::Voicemail,
        KindArg::Complaint => ItemKind::Complaint,
    };
    let dl = settings.deadline(kind, at)?;
    let tz = settings.tz;
    let rec = at
        .with_timezone(&tz)
        .to_rfc3339_opts(SecondsFormat::Secs, false);
    let due = dl
        .at
        .with_timezone(&tz)
        .to_rfc3339_opts(SecondsFormat::Secs, false);
    let day = dl.working_day.format("%Y-%m-%d").to_string();
    if json {
        return out_json(&json!({"received": rec, "deadline": due, "working_day": day}));
    }
    out(&m::DEADLINE_LINE.fill(
        ctx.lang,
        &[
            ("received", &crate::timefmt::absolute(at, tz)),
            ("deadline", &crate::timefmt::absolute(dl.at, tz)),
            (
                "day",
                &format!(
                    "{} {}",
                    weekday_name(chrono::Datelike::weekday(&dl.working_day), ctx.lang),
                    day
                ),
            ),
        ],
    ))
}

fn weekday_name(wd: Weekday, lang: Lang) -> &'static str {
    tm::WEEKDAYS[wd.num_days_from_monday() as usize].get(lang)
}

fn hours_words(h: Option<Hours>, lang: Lang) -> String {
    match h {
        Some(h) => format!("{}–{}", h.open.format("%H:%M"), h.close.format("%H:%M")),
        None => m::SHOW_CLOSED_WEEKDAY.get(lang).to_string(),
    }
}

/// Stable English keys for JSON output.
const WEEKDAY_KEYS: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

fn show(lang: Lang, s: &CalendarSettings, json: bool) -> Result<(), AppError> {
    const DAYS: [Weekday; 7] = calendar::WEEK;
    if json {
        let hours: serde_json::Map<String, serde_json::Value> = DAYS
            .iter()
            .map(|wd| {
                let v = match s.weekly[wd.num_days_from_monday() as usize] {
                    Some(h) => json!({"open": h.open.format("%H:%M").to_string(), "close": h.close.format("%H:%M").to_string()}),
                    None => serde_json::Value::Null,
                };
                (WEEKDAY_KEYS[wd.num_days_from_monday() as usize].to_string(), v)
            })
            .collect();
        let closed: Vec<_> = s
            .closed
            .iter()
            .map(|(d, r)| json!({"date": d.to_string(), "reason": r}))
            .collect();
        let overrides: Vec<_> = s
            .closing_overrides
            .iter()
            .map(|(d, t)| json!({"date": d.to_string(), "close": t.format("%H:%M").to_string()}))
            .collect();
        return out_json(&json!({
            "time_zone": s.tz.name(),
            "hours": hours,
            "closed_dates": closed,
            "closing_overrides": overrides,
        }));
    }
    let mut text = m::SHOW_ZONE.fill(lang, &[("zone", &s.tz.name())]);
    text.push('\n');
    text.push_str(m::SHOW_HOURS.get(lang));
    text.push('\n');
    for wd in DAYS {
        let h = s.weekly[wd.num_days_from_monday() as usize];
        text.push_str(&format!(
            "  {:<9} {}\n",
            weekday_name(wd, lang),
            hours_words(h, lang)
        ));
    }
    text.push_str(m::SHOW_CLOSED_DATES.get(lang));
    text.push('\n');
    if s.closed.is_empty() {
        text.push_str(m::SHOW_NONE.get(lang));
        text.push('\n');
    }
    for (d, r) in &s.closed {
        text.push_str(&format!("  {d}  {r}\n"));
    }
    text.push_str(m::SHOW_OVERRIDES.get(lang));
    text.push('\n');
    if s.closing_overrides.is_empty() {
        text.push_str(m::SHOW_NONE.get(lang));
        text.push('\n');
    }
    for (d, t) in &s.closing_overrides {
        text.push_str(&format!("  {d}  {}\n", t.format("%H:%M")));
    }
    out(&text)
}
