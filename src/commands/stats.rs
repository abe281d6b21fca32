//! `vakt stats`: the same figures as the statistics pane, as text, JSON or
//! CSV, for the annual report. Only counts, times and ids: no caller data.

use chrono::{DateTime, NaiveDate, SecondsFormat, Utc};
use clap::Args;
use serde_json::{Value, json};

use super::{Ctx, out, out_json};
use crate::error::AppError;
use crate::i18n::{Lang, stats as st, time as t};
use crate::stats::text::{headline, missed_line, period_line};
use crate::stats::{Bucket, Figures, Period, PeriodKind, Promise};

#[derive(Debug, Args)]
#[command(after_long_help = crate::i18n::cli::STATS_HELP)]
pub struct StatsArgs {
    /// First day of the period, YYYY-MM-DD (default: 1 January of the "to" year).
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub from: Option<String>,
    /// Last day of the period, YYYY-MM-DD, included (default: today).
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub to: Option<String>,
    /// Print JSON (all figures, including the list of missed items).
    #[arg(long, conflicts_with = "csv")]
    pub json: bool,
    /// Print CSV: one table with the columns metric,period,value.
    #[arg(long)]
    pub csv: bool,
}

fn parse_date(s: &str) -> Result<NaiveDate, AppError> {
    NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d").map_err(|_| AppError::Invalid(st::ERR_DATE))
}

/// The period asked for: this year so far without dates; a custom period
/// with either or both.
pub fn period(args: &StatsArgs, today: NaiveDate) -> Result<Period, AppError> {
    if args.from.is_none() && args.to.is_none() {
        return Ok(Period::named(PeriodKind::ThisYear, today));
    }
    let to = args
        .to
        .as_deref()
        .map(parse_date)
        .transpose()?
        .unwrap_or(today);
    let from = match args.from.as_deref() {
        Some(f) => parse_date(f)?,
        None => Period::named(PeriodKind::ThisYear, to).from,
    };
    Period::custom(from, to).ok_or(AppError::Invalid(st::ERR_RANGE))
}

pub fn run(ctx: &Ctx, args: StatsArgs) -> Result<(), AppError> {
    let store = ctx.open_store()?;
    let cal = store.calendar().map_err(ctx.db_err())?;
    let p = period(&args, cal.local_date(ctx.now))?;
    let f = store
        .stats(&cal, p, ctx.now, ctx.lang)
        .map_err(ctx.db_err())?;
    if args.json {
        out_json(&to_json(&f, cal.tz))
    } else if args.csv {
        out(&to_csv(&f))
    } else {
        out(&to_text(&f, cal.tz, ctx.lang))
    }
}

fn rfc(t: DateTime<Utc>, tz: chrono_tz::Tz) -> String {
    t.with_timezone(&tz)
        .to_rfc3339_opts(SecondsFormat::Secs, false)
}

fn minutes(secs: Option<i64>) -> Option<i64> {
    secs.map(|s| s / 60)
}

fn promise_json(p: &Promise) -> Value {
    json!({
        "kept": p.kept,
        "missed": p.missed,
        "pending": p.pending,
        "not_owed": p.not_owed,
        "kept_percent": p.percent(),
    })
}

const WEEKDAY_KEYS: [&str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

/// Every figure, with the missed items (id, kind and times only).
pub fn to_json(f: &Figures, tz: chrono_tz::Tz) -> Value {
    let bucket = |key: &str, label: String, b: &Bucket| {
        json!({
            key: label,
            "voicemail": promise_json(&b.voicemail),
            "complaints": promise_json(&b.complaints),
        })
    };
    let v = &f.volume;
    json!({
        "period": {
            "kind": f.period.kind.key(),
            "from": f.period.from.to_string(),
            "to": f.period.to.to_string(),
            "time_zone": tz.name(),
        },
        "as_of": rfc(f.now, tz),
        "voicemail": promise_json(&f.voicemail),
        "complaints": promise_json(&f.complaints),
        "weeks": f.weeks.iter().map(|b| bucket("week", b.label_week(), b)).collect::<Vec<_>>(),
        "months": f.months.iter().map(|b| bucket("month", b.label_month(), b)).collect::<Vec<_>>(),
        "missed": f.missed.iter().map(|m| json!({
            "id": m.id,
            "kind": m.kind.key(),
            "received": rfc(m.received_at, tz),
            "deadline": rfc(m.deadline_at, tz),
            "answered": m.answered_at.map(|a| rfc(a, tz)),
        })).collect::<Vec<_>>(),
        "first_attempt_working_minutes": {
            "count": f.first_attempt.count,
            "median": minutes(f.first_attempt.median),
            "p90": minutes(f.first_attempt.p90),
        },
        "messages": {
            "total": v.messages,
            "withheld": v.withheld,
            "by_weekday": WEEKDAY_KEYS.iter().zip(v.by_weekday).map(|(k, n)| (k.to_string(), json!(n))).collect::<serde_json::Map<_, _>>(),
            "by_hour": v.by_hour.to_vec(),
            "by_weekday_hour": v.heat.iter().map(|r| r.to_vec()).collect::<Vec<_>>(),
        },
        "outcomes": {
            "reached": v.reached,
            "not_reached": v.not_reached,
            "not_needed": v.not_needed,
            "open": v.open,
        },
        "referrals": f.referrals.as_ref().map(|r| json!({
            "total": r.total,
            "by_category": r.by_category.iter().map(|(k, name, n)| json!({"category": k, "name": name, "count": n})).collect::<Vec<_>>(),
            "by_service": r.by_service.iter().map(|(id, name, n)| json!({"service_id": id, "name": name, "count": n})).collect::<Vec<_>>(),
        })),
    })
}

fn opt<T: ToString>(v: Option<T>) -> String {
    v.map(|v| v.to_string()).unwrap_or_default()
}

/// One table: `metric,period,value` (see `vakt stats --help`).
pub fn to_csv(f: &Figures) -> String {
    let mut rows: Vec<(String, String, String)> = Vec::new();
    let whole = format!("{}..{}", f.period.from, f.period.to);
    let mut promise = |label: &str, vm: &Promise, c: &Promise| {
        for (prefix, p) in [("voicemail", vm), ("complaint", c)] {
            for (name, value) in [
                ("kept", p.kept.to_string()),
                ("missed", p.missed.to_string()),
                ("pending", p.pending.to_string()),
                ("not_owed", p.not_owed.to_string()),
                ("kept_percent", opt(p.percent())),
            ] {
                rows.push((format!("{prefix}_{name}"), label.to_string(), value));
            }
        }
    };
    promise(&whole, &f.voicemail, &f.complaints);
    for b in &f.weeks {
        promise(&b.label_week(), &b.voicemail, &b.complaints);
    }
    for b in &f.months {
        promise(&b.label_month(), &b.voicemail, &b.complaints);
    }
    let v = &f.volume;
    let mut single = |name: String, value: String| rows.push((name, whole.clone(), value));
    single(
        "first_attempt_count".into(),
        f.first_attempt.count.to_string(),
    );
    single(
        "first_attempt_median_minutes".into(),
        opt(minutes(f.first_attempt.median)),
    );
    single(
        "first_attempt_p90_minutes".into(),
        opt(minutes(f.first_attempt.p90)),
    );
    for (name, n) in [
        ("messages", v.messages),
        ("withheld", v.withheld),
        ("reached", v.reached),
        ("not_reached", v.not_reached),
        ("not_needed", v.not_needed),
        ("open", v.open),
    ] {
        single(name.into(), n.to_string());
    }
    for (k, n) in WEEKDAY_KEYS.iter().zip(v.by_weekday) {
        single(format!("messages_{k}"), n.to_string());
    }
    for (h, n) in v.by_hour.iter().enumerate() {
        single(format!("messages_h{h:02}"), n.to_string());
    }
    if let Some(r) = &f.referrals {
        single("referrals".into(), r.total.to_string());
        for (key, _, n) in &r.by_category {
            single(format!("referrals_category_{key}"), n.to_string());
        }
        for (id, _, n) in &r.by_service {
            single(format!("referrals_service_{id}"), n.to_string());
        }
    }
    let mut s = String::from("metric,period,value\n");
    for (m, p, v) in rows {
        s.push_str(&format!("{m},{p},{v}\n"));
    }
    s
}

fn promise_short(p: &Promise, lang: Lang) -> String {
    match p.percent() {
        Some(_) => format!(
            "{} ({}/{})",
            st::percent(p.percent(), lang),
            p.kept,
            p.decided()
        ),
        None => "–".to_string(),
    }
}

pub fn to_text(f: &Figures, tz: chrono_tz::Tz, lang: Lang) -> String {
    let mut lines = vec![period_line(&f.period, lang), String::new()];
    lines.extend(headline(f, lang));
    lines.push(String::new());
    lines.push(st::CLI_MONTHS.get(lang).to_string());
    for b in &f.months {
        lines.push(format!(
            "  {}  {} · {}",
            b.label_month(),
            promise_short(&b.voicemail, lang),
            promise_short(&b.complaints, lang)
        ));
    }
    lines.push(String::new());
    lines.push(st::CLI_WEEKDAYS.get(lang).to_string());
    let days: Vec<String> = t::WEEKDAYS_SHORT
        .iter()
        .zip(f.volume.by_weekday)
        .map(|(d, n)| format!("{} {n}", d.get(lang)))
        .collect();
    lines.push(format!("  {}", days.join(" · ")));
    lines.push(String::new());
    if f.missed.is_empty() {
        lines.push(st::MISSED_NONE.get(lang).to_string());
    } else {
        lines.push(st::CLI_MISSED.get(lang).to_string());
        for m in &f.missed {
            lines.push(format!("  {}", missed_line(m, tz, lang)));
        }
    }
    lines.join("\n")
}
