//! `vakt voicemail|complaint add`, `vakt queue`, `vakt callback attempt|close`.

use chrono::{DateTime, Duration, SecondsFormat, Utc};
use serde_json::{Value, json};

use super::{Ctx, out, out_json};
use crate::cli::{CallbackCmd, ComplaintCmd, QueueArgs, VoicemailCmd};
use crate::domain::callback as rules;
use crate::domain::promise::{AttemptResult, Outcome, Safety};
use crate::domain::text::TextError;
use crate::error::AppError;
use crate::i18n::queue as q;
use crate::store::StoreError;
use crate::store::callbacks::{Item, NewComplaint, NewVoicemail, Snapshots};
use crate::timefmt;
use crate::when;

fn rfc(t: DateTime<Utc>, tz: chrono_tz::Tz) -> String {
    t.with_timezone(&tz)
        .to_rfc3339_opts(SecondsFormat::Secs, false)
}

/// A typed receipt; `old` says the person means one more than
/// [`when::RECEIPT_MAX_AGE_DAYS`] days back (`--old`).
fn received(
    ctx: &Ctx,
    text: Option<&str>,
    tz: chrono_tz::Tz,
    old: bool,
) -> Result<DateTime<Utc>, AppError> {
    match text {
        None => Ok(ctx.now),
        Some(t) if old => Ok(when::parse_received_old_ok(t, ctx.now, tz)?),
        Some(t) => Ok(when::parse_received(t, ctx.now, tz)?),
    }
}

/// A text that breaks its field's rule: exit 2, the rule in words.
pub fn text_err(lang: crate::i18n::Lang) -> impl Fn(TextError) -> AppError {
    move |e| AppError::Message(crate::i18n::rules::text_error(&e, lang))
}

fn store_err(ctx: &Ctx, id: i64) -> impl FnOnce(StoreError) -> AppError + '_ {
    move |e| match e {
        StoreError::NotFound => AppError::NotFound(id),
        other => AppError::db(&ctx.db_path)(other),
    }
}

pub fn voicemail(ctx: &Ctx, cmd: VoicemailCmd) -> Result<(), AppError> {
    let args = match cmd {
        VoicemailCmd::Add(args) => args,
        VoicemailCmd::Intake(args) => return super::intake::run(ctx, args),
    };
    let mut store = ctx.open_store()?;
    let cal = store.calendar().map_err(ctx.db_err())?;
    let at = received(ctx, args.received.as_deref(), cal.tz, args.old)?;
    if args.withheld {
        store
            .add_withheld(at, &ctx.actor, ctx.now)
            .map_err(ctx.db_err())?;
        if args.json {
            return out_json(&json!({"withheld": true, "received": rfc(at, cal.tz)}));
        }
        return out(q::CLI_WITHHELD.get(ctx.lang));
    }
    let phone = crate::domain::callback::callback_number(args.phone.as_deref().unwrap_or(""))
        .map_err(AppError::Phone)?;
    let safety = Safety {
        // Only what the caller said; the app's form starts at "not known".
        wants_callback: if args.no_callback {
            Some(false)
        } else {
            args.wants_callback.then_some(true)
        },
        may_leave_message: if args.no_message {
            Some(false)
        } else if args.message_ok {
            Some(true)
        } else {
            None
        },
        may_say_who_we_are: args.say_who_ok.then_some(true),
        safe_times: args.safe_times.unwrap_or_default(),
        note: String::new(),
    };
    let v = NewVoicemail::new(
        at,
        phone,
        args.name.as_deref().unwrap_or(""),
        args.summary.as_deref().unwrap_or(""),
        &safety,
    )
    .map_err(text_err(ctx.lang))?;
    let added = store
        .add_voicemail(&v, &cal, &mut Snapshots::default(), &ctx.actor, ctx.now)
        .map_err(ctx.db_err())?;
    if args.json {
        return out_json(&json!({
            "id": added.id,
            "joined": added.joined,
            "received": rfc(at, cal.tz),
            "deadline": rfc(added.deadline, cal.tz),
        }));
    }
    let msg = if added.joined {
        q::CLI_JOINED
    } else {
        q::CLI_ADDED
    };
    out(&msg.fill(
        ctx.lang,
        &[
            ("id", &added.id),
            ("deadline", &timefmt::absolute(added.deadline, cal.tz)),
        ],
    ))
}

pub fn complaint(ctx: &Ctx, cmd: ComplaintCmd) -> Result<(), AppError> {
    let ComplaintCmd::Add {
        received: rec,
        old,
        summary,
        name,
        json,
    } = cmd;
    let mut store = ctx.open_store()?;
    let cal = store.calendar().map_err(ctx.db_err())?;
    let at = received(ctx, Some(&rec), cal.tz, old)?;
    let c = NewComplaint::new(at, name.as_deref().unwrap_or(""), &summary)
        .map_err(text_err(ctx.lang))?;
    let added = store
        .add_complaint(&c, &cal, &ctx.actor, ctx.now)
        .map_err(ctx.db_err())?;
    if json {
        return out_json(&json!({
            "id": added.id,
            "received": rfc(at, cal.tz),
            "deadline": rfc(added.deadline, cal.tz),
        }));
    }
    out(&q::CLI_ADDED.fill(
        ctx.lang,
        &[
            ("id", &added.id),
            ("deadline", &timefmt::absolute(added.deadline, cal.tz)),
        ],
    ))
}

fn item_json(
    item: &Item,
    reveal: bool,
    cal: &crate::calendar::CalendarSettings,
    now: DateTime<Utc>,
    recordings: &[(DateTime<Utc>, Option<u32>)],
) -> Value {
    let tz = cal.tz;
    let phone = item
        .phone
        .as_ref()
        .map(|p| if reveal { p.display() } else { p.masked() });
    let s = &item.safety;
    json!({
        "id": item.id,
        "kind": item.kind.key(),
        "received": rfc(item.received_at, tz),
        "deadline": rfc(item.deadline_at, tz),
        "next_attempt": item.next_attempt_at.map(|t| rfc(t, tz)),
        "planned": item.planned_at.map(|t| rfc(t, tz)),
        "kept": item.on_hold,
        // The safe time cannot be planned for: "never_open" or "unread".
        "safe_time_unmet": item
            .open
            .then(|| crate::domain::promise::safe_time_unmet(cal, &item.safety, now))
            .flatten()
            .map(|u| u.key()),
        "status": if item.open { "open" } else { "closed" },
        "outcome": item.outcome.map(|o| o.key()),
        "attempts": item.attempt_count,
        "messages": item.message_count,
        "phone": phone,
        "overdue": item.is_overdue(now),
        "wants_callback": s.wants_callback,
        "may_leave_message": s.may_leave_message,
        "may_say_who_we_are": s.may_say_who_we_are,
        // Recordings the switchboard e-mailed (kept in the mailbox, not here).
        "recordings": recordings
            .iter()
            .map(|(at, secs)| json!({"left": rfc(*at, tz), "seconds": secs}))
            .collect::<Vec<_>>(),
    })
}

pub fn queue(ctx: &Ctx, args: QueueArgs) -> Result<(), AppError> {
    let mut store = ctx.open_store()?;
    let cal = store.calendar().map_err(ctx.db_err())?;
    const PAGE: usize = 500;
    let mut items: Vec<Item> = Vec::new();
    let mut from = None;
    loop {
        let page = store
            .queue_from(from.as_ref(), PAGE + 1)
            .map_err(ctx.db_err())?;
        let more = page.len() > PAGE;
        from = page.get(PAGE).map(Item::key);
        items.extend(page.into_iter().take(PAGE));
        if !more {
            break;
        }
    }
    if args.all {
        let since = ctx.now - Duration::days(30);
        items.extend(store.closed_since(since, 100_000).map_err(ctx.db_err())?);
    }
    if args.reveal {
        store
            .audit_reveal(items.len(), &ctx.actor, ctx.now)
            .map_err(ctx.db_err())?;
    }
    if args.json {
        store
            .audit_export("queue_json", items.len(), &ctx.actor, ctx.now)
            .map_err(ctx.db_err())?;
        let mut arr: Vec<Value> = Vec::with_capacity(items.len());
        for i in &items {
            let rec = store.recordings(i.id).map_err(ctx.db_err())?;
            arr.push(item_json(i, args.reveal, &cal, ctx.now, &rec));
        }
        return out_json(&Value::Array(arr));
    }
    if items.is_empty() {
        return out(q::CLI_QUEUE_EMPTY.get(ctx.lang));
    }
    let max = ctx.config.callbacks.max_attempts;
    let mut text = String::new();
    for i in &items {
        let phone = i
            .phone
            .as_ref()
            .map(|p| if args.reveal { p.display() } else { p.masked() })
            .unwrap_or_else(|| "–".into());
        let due = if i.open {
            q::due_words(i.due(ctx.now), ctx.now, cal.tz, ctx.lang)
        } else {
            i.outcome
                .map(|o| q::outcome_name(o, ctx.lang).to_string())
                .unwrap_or_default()
        };
        text.push_str(&format!(
            "{:>6}  {:<22} {:<18} {}/{}\n",
            i.id, due, phone, i.attempt_count, max
        ));
    }
    out(&text)
}

pub fn callback(ctx: &Ctx, cmd: CallbackCmd) -> Result<(), AppError> {
    match callback_run(ctx, cmd) {
        // An item joined into another (same number) is not gone: say where.
        Err(AppError::NotFound(id)) => {
            let into = ctx
                .open_store()
                .ok()
                .and_then(|s| s.joined_into(id).ok().flatten());
            Err(match into {
                Some(into) => AppError::Message(
                    q::ERR_JOINED_INTO.fill(ctx.lang, &[("id", &id), ("into", &into)]),
                ),
                None => AppError::NotFound(id),
            })
        }
        other => other,
    }
}

fn callback_run(ctx: &Ctx, cmd: CallbackCmd) -> Result<(), AppError> {
    let mut store = ctx.open_store()?;
    let cal = store.calendar().map_err(ctx.db_err())?;
    let mut snaps = Snapshots::default();
    match cmd {
        CallbackCmd::Attempt {
            id,
            result,
            at,
            note,
            against_wish,
        } => {
            let result = AttemptResult::from_key(result.trim())
                .ok_or(AppError::Invalid(q::ERR_BAD_RESULT))?;
            if !against_wish {
                // The same rule as the app's question; a command cannot ask,
                // so the person says it on the command line.
                let item = store
                    .callback(id)
                    .map_err(ctx.db_err())?
                    .ok_or(AppError::NotFound(id))?;
                if let Some(wish) = rules::message_against_wish(result, &item.safety) {
                    return Err(AppError::Message(q::ERR_AGAINST_WISH.fill(
                        ctx.lang,
                        &[("id", &id), ("wish", &q::wish_words(wish, ctx.lang))],
                    )));
                }
            }
            // No --old for attempts: the item's receipt bounds them.
            let at = received(ctx, at.as_deref(), cal.tz, true)?;
            let note =
                rules::attempt_note(note.as_deref().unwrap_or("")).map_err(text_err(ctx.lang))?;
            let gap = Duration::hours(i64::from(ctx.config.callbacks.retry_hours));
            let (closed, _) = store
                .record_attempt(
                    id, at, result, &note, &cal, gap, &mut snaps, &ctx.actor, ctx.now,
                )
                .map_err(store_err(ctx, id))?;
            let msg = if closed {
                q::CLI_ATTEMPT_CLOSED
            } else {
                q::CLI_ATTEMPT
            };
            let mut text = msg.fill(ctx.lang, &[("id", &id)]);
            // Still open, and no time in opening hours is safe: say who
            // must arrange the call rather than leave a retry to be tried.
            if !closed
                && let Ok(Some(item)) = store.callback(id)
                && crate::domain::promise::safe_time_unmet(&cal, &item.safety, ctx.now)
                    == Some(crate::domain::promise::SafeTimeUnmet::NeverOpen)
            {
                text = format!("{text}\n{}", q::CLI_NO_SAFE_TIME.get(ctx.lang));
            }
            out(&text)
        }
        CallbackCmd::Plan { id, at, clear } => {
            let item = store
                .callback(id)
                .map_err(ctx.db_err())?
                .ok_or(AppError::NotFound(id))?;
            // The same rule as the app's: the hours and the caller's safe
            // window, as stored now.
            let planned = match at.as_deref().filter(|_| !clear) {
                Some(text) => Some(
                    rules::plan_callback(text, &cal, &item.safety, ctx.now)
                        .map_err(|e| AppError::Message(q::plan_error(&e, ctx.lang)))?,
                ),
                None => None,
            };
            store
                .set_planned(id, planned, &mut snaps, &ctx.actor, ctx.now)
                .map_err(store_err(ctx, id))?;
            match planned {
                Some(t) => {
                    let mut text = q::CLI_PLANNED.fill(
                        ctx.lang,
                        &[
                            ("id", &id),
                            ("when", &q::planned_words(t, cal.tz, ctx.lang)),
                        ],
                    );
                    if let Some(w) =
                        q::plan_warning(t, item.deadline_at, item.attempt_count, cal.tz, ctx.lang)
                    {
                        text = format!("{text}\n{w}");
                    }
                    out(&text)
                }
                None => out(&q::CLI_UNPLANNED.fill(ctx.lang, &[("id", &id)])),
            }
        }
        CallbackCmd::Close { id, outcome } => {
            let outcome =
                Outcome::from_key(outcome.trim()).ok_or(AppError::Invalid(q::ERR_BAD_OUTCOME))?;
            store
                .close_callback(
                    id,
                    outcome,
                    ctx.config.callbacks.max_attempts,
                    &mut snaps,
                    &ctx.actor,
                    ctx.now,
                )
                .map_err(store_err(ctx, id))?;
            out(&q::CLI_CLOSED.fill(ctx.lang, &[("id", &id)]))
        }
    }
}
