//! `vakt log add`, `vakt shift start|end`, `vakt handover [ack]`.

use super::{Ctx, out, out_json};
use crate::cli::{HandoverArgs, HandoverCmd, LogCmd, ReportFormat, ShiftCmd};
use crate::domain::name::DutyName;
use crate::domain::note;
use crate::error::AppError;
use crate::handover;
use crate::i18n::log as m;
use crate::report;
use crate::store::StoreError;
use crate::store::log::{Marks, NewNote};
use crate::timefmt;
use crate::when;

/// Who acts, for commands that record a person: the `--as` name (already
/// checked by the name rule when the command line was read).
fn need_name(ctx: &Ctx) -> Result<String, AppError> {
    ctx.as_name
        .clone()
        .ok_or(AppError::Invalid(m::CLI_NEED_NAME))
}

/// Who wrote a note: `--as`, else the login name if it is a name a person
/// would use; never blank and never "?".
fn author(ctx: &Ctx) -> Result<String, AppError> {
    if let Some(name) = &ctx.as_name {
        return Ok(name.clone());
    }
    std::env::var("USER")
        .ok()
        .and_then(|u| DutyName::parse(&u).ok())
        .map(DutyName::into_string)
        .ok_or(AppError::Invalid(m::CLI_NEED_NAME))
}

pub fn log(ctx: &Ctx, cmd: LogCmd) -> Result<(), AppError> {
    let LogCmd::Add {
        text,
        handover,
        escalation,
        callback,
    } = cmd;
    let body = note::body(&text).map_err(super::callbacks::text_err(ctx.lang))?;
    let name = author(ctx)?;
    let mut store = ctx.open_store()?;
    if let Some(id) = callback
        && store.callback(id).map_err(ctx.db_err())?.is_none()
    {
        return Err(AppError::NotFound(id));
    }
    let note = NewNote {
        body,
        callback_id: callback,
        marks: Marks {
            handover,
            escalation,
            pinned: false,
        },
        amends: None,
    };
    let id = store
        .add_note(&note, &name, ctx.now)
        .map_err(ctx.db_err())?;
    out(&m::CLI_NOTE_ADDED.fill(ctx.lang, &[("id", &id)]))
}

pub fn shift(ctx: &Ctx, cmd: ShiftCmd) -> Result<(), AppError> {
    let name = need_name(ctx)?;
    let mut store = ctx.open_store()?;
    let cal = store.calendar().map_err(ctx.db_err())?;
    match cmd {
        ShiftCmd::Start => {
            let s = store.start_shift(&name, ctx.now).map_err(ctx.db_err())?;
            out(&m::CLI_SHIFT_STARTED.fill(
                ctx.lang,
                &[
                    ("id", &s.id),
                    ("name", &s.person),
                    ("when", &timefmt::absolute(s.started_at, cal.tz)),
                ],
            ))
        }
        ShiftCmd::End => match store.end_shift(&name, ctx.now) {
            Ok((s, _)) => out(&m::CLI_SHIFT_ENDED.fill(ctx.lang, &[("id", &s.id)])),
            Err(StoreError::NotFound) => Err(AppError::Message(
                m::CLI_NO_OPEN_SHIFT.fill(ctx.lang, &[("name", &name)]),
            )),
            Err(e) => Err(ctx.db_err()(e)),
        },
    }
}

pub fn handover(ctx: &Ctx, args: HandoverArgs) -> Result<(), AppError> {
    if let Some(HandoverCmd::Ack) = args.command {
        let name = need_name(ctx)?;
        let mut store = ctx.open_store()?;
        let self_ack = ctx.config.handover.self_acknowledge;
        let n = match handover::acknowledge(&mut store, &name, self_ack, ctx.now)
            .map_err(ctx.db_err())?
        {
            handover::Acked::Nothing => return out(m::ACK_NONE.get(ctx.lang)),
            handover::Acked::Refused(handover::AckRefused::OwnHandover) => {
                return Err(AppError::Message(
                    m::ACK_OWN.fill(ctx.lang, &[("name", &name)]),
                ));
            }
            handover::Acked::Done(n) => n,
        };
        let handovers = crate::i18n::plural::HANDOVERS.count(ctx.lang, n as u64);
        return out(&m::CLI_ACKED.fill(ctx.lang, &[("handovers", &handovers), ("name", &name)]));
    }
    let mut store = ctx.open_store()?;
    let cal = store.calendar().map_err(ctx.db_err())?;
    let review = match &args.date {
        Some(d) => handover::for_day(
            &store,
            &cal,
            ctx.now,
            when::parse_day(d, cal.local_date(ctx.now))?,
        ),
        // Without a date: what `vakt handover ack` would acknowledge, if
        // anything waits; else today.
        None => handover::pending(&store, &cal, ctx.now).and_then(|waiting| match waiting {
            Some(r) => Ok(r),
            None => handover::for_day(&store, &cal, ctx.now, cal.local_date(ctx.now)),
        }),
    }
    .map_err(ctx.db_err())?;
    // A report meant to be pasted or saved leaves the app: audited.
    let export = match args.format {
        ReportFormat::Text => None,
        ReportFormat::Md => Some("handover_md"),
        ReportFormat::Json => Some("handover_json"),
    };
    if let Some(what) = export {
        store
            .audit_export(what, 1, &ctx.actor, ctx.now)
            .map_err(ctx.db_err())?;
    }
    match args.format {
        ReportFormat::Text => out(&report::text(&review, ctx.lang)),
        ReportFormat::Md => out(&report::markdown(&review, ctx.lang)),
        ReportFormat::Json => out_json(&report::json(&review, ctx.lang)),
    }
}
