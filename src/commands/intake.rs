//! `vakt voicemail intake`: voicemail e-mails from the switchboard into
//! the queue (see [`crate::intake`]).

use std::io::Read;
use std::path::PathBuf;

use clap::{ArgGroup, Args};
use serde_json::json;

use super::{Ctx, out, out_json};
use crate::error::AppError;
use crate::i18n::intake as m;
use crate::intake::store::Taken;
use crate::intake::{self, IntakeError, maildir::Maildir, read::MAX_BYTES};
use crate::timefmt;

#[derive(Debug, Args)]
#[command(group(ArgGroup::new("what").required(true).args(["mail", "maildir", "report", "dismiss"])))]
pub struct IntakeArgs {
    /// One e-mail from this file, or - for standard input (Postfix pipe,
    /// procmail, Sieve pipe, Asterisk's mailcmd).
    #[arg(long, value_name = "FILE")]
    pub mail: Option<PathBuf>,
    /// Every new message in this Maildir: each is taken in once and moved
    /// to cur/ marked seen (unreadable ones to the .failed folder). Safe from
    /// a timer, with several runs at once, and after a crash.
    #[arg(long, value_name = "DIR")]
    pub maildir: Option<PathBuf>,
    /// List the e-mails that could not be read (when, why, file name; never
    /// caller data).
    #[arg(long)]
    pub report: bool,
    /// Empty that list once someone has looked at the e-mails.
    #[arg(long)]
    pub dismiss: bool,
    /// Print JSON.
    #[arg(long)]
    pub json: bool,
}

/// Who the audit trail names: `--as`, else "intake".
fn actor(ctx: &Ctx) -> String {
    ctx.as_name
        .clone()
        .filter(|n| !n.trim().is_empty())
        .unwrap_or_else(|| "intake".into())
}

fn io_err(ctx: &Ctx, path: &std::path::Path, kind: std::io::ErrorKind) -> AppError {
    AppError::Message(m::ERR_READ_MAIL.fill(
        ctx.lang,
        &[
            ("path", &path.display()),
            ("why", &crate::error::io_words(kind, ctx.lang)),
        ],
    ))
}

pub fn run(ctx: &Ctx, args: IntakeArgs) -> Result<(), AppError> {
    if args.report {
        return report(ctx, args.json);
    }
    if args.dismiss {
        let mut store = ctx.open_store()?;
        let n = store
            .intake_dismiss(&actor(ctx), ctx.now)
            .map_err(ctx.db_err())?;
        if args.json {
            return out_json(&json!({ "dismissed": n }));
        }
        return out(&m::REPORT_DISMISSED.fill(ctx.lang, &[("count", &n)]));
    }
    let boards = ctx
        .config
        .intake
        .rules(ctx.lang)
        .map_err(AppError::Message)?;
    if let Some(path) = &args.maildir {
        let md = Maildir::open(path).ok_or_else(|| {
            AppError::Message(m::ERR_NOT_MAILDIR.fill(ctx.lang, &[("path", &path.display())]))
        })?;
        let mut store = ctx.open_store()?;
        let cal = store.calendar().map_err(ctx.db_err())?;
        let s = intake::take_maildir(&mut store, &boards, &cal, &md, &actor(ctx), ctx.now)
            .map_err(|e| match e {
                IntakeError::Store(e) => ctx.db_err()(e),
                IntakeError::Io { path, kind } => AppError::Message(m::ERR_MOVE.fill(
                    ctx.lang,
                    &[
                        ("path", &path.display()),
                        ("why", &crate::error::io_words(kind, ctx.lang)),
                    ],
                )),
            })?;
        if args.json {
            return out_json(&serde_json::to_value(s).map_err(|_| AppError::Output)?);
        }
        return out(&m::MAILDIR_DONE.fill(
            ctx.lang,
            &[
                ("new", &s.new),
                ("joined", &s.joined),
                ("withheld", &s.withheld),
                ("duplicates", &s.duplicates),
                ("failed", &s.failed),
            ],
        ));
    }
    let Some(path) = &args.mail else {
        return Ok(());
    };
    let raw = read_mail(ctx, path)?;
    let mut store = ctx.open_store()?;
    let cal = store.calendar().map_err(ctx.db_err())?;
    let taken = intake::take_mail(&mut store, &boards, &cal, &raw, &actor(ctx), ctx.now)
        .map_err(ctx.db_err())?;
    if args.json {
        let v = match taken {
            Taken::New { id, deadline } | Taken::Joined { id, deadline } => json!({
                "result": if matches!(taken, Taken::New { .. }) { "new" } else { "joined" },
                "id": id,
                "deadline": deadline.with_timezone(&cal.tz).to_rfc3339(),
            }),
            Taken::Withheld => json!({ "result": "withheld" }),
            Taken::Duplicate => json!({ "result": "duplicate" }),
            Taken::Failed(reason) => json!({ "result": "failed", "reason": reason }),
        };
        return out_json(&v);
    }
    let text = match taken {
        Taken::New { id, deadline } => m::TAKEN_NEW.fill(
            ctx.lang,
            &[
                ("id", &id),
                ("deadline", &timefmt::absolute(deadline, cal.tz)),
            ],
        ),
        Taken::Joined { id, deadline } => m::TAKEN_JOINED.fill(
            ctx.lang,
            &[
                ("id", &id),
                ("deadline", &timefmt::absolute(deadline, cal.tz)),
            ],
        ),
        Taken::Withheld => m::TAKEN_WITHHELD.get(ctx.lang).to_string(),
        Taken::Duplicate => m::TAKEN_DUPLICATE.get(ctx.lang).to_string(),
        Taken::Failed(reason) => {
            m::TAKEN_FAILED.fill(ctx.lang, &[("reason", &m::reason(reason, ctx.lang))])
        }
    };
    out(&text)
}

/// The e-mail's bytes, at most [`MAX_BYTES`] and one more (so a larger
/// one is seen to be too large without reading all of it).
fn read_mail(ctx: &Ctx, path: &std::path::Path) -> Result<Vec<u8>, AppError> {
    let mut raw = Vec::new();
    let limit = MAX_BYTES + 1;
    let result = if path.as_os_str() == "-" {
        std::io::stdin().lock().take(limit).read_to_end(&mut raw)
    } else {
        std::fs::File::open(path).and_then(|f| f.take(limit).read_to_end(&mut raw))
    };
    result.map_err(|e| io_err(ctx, path, e.kind()))?;
    Ok(raw)
}

fn report(ctx: &Ctx, as_json: bool) -> Result<(), AppError> {
    let store = ctx.open_store()?;
    let cal = store.calendar().map_err(ctx.db_err())?;
    let failures = store.intake_failures().map_err(ctx.db_err())?;
    let taken = store.intake_taken_count().map_err(ctx.db_err())?;
    if as_json {
        let list: Vec<_> = failures
            .iter()
            .map(|f| {
                json!({
                    "at": f.at.with_timezone(&cal.tz).to_rfc3339(),
                    "reason": f.reason,
                    "source": f.source,
                    "file": f.file,
                })
            })
            .collect();
        return out_json(&json!({ "failed": failures.len(), "failures": list, "taken": taken }));
    }
    let mut text = String::new();
    if failures.is_empty() {
        text.push_str(m::REPORT_NONE.get(ctx.lang));
        text.push('\n');
    } else {
        text.push_str(&m::REPORT_HEAD.fill(ctx.lang, &[("count", &failures.len())]));
        text.push('\n');
        for f in &failures {
            text.push_str(&format!(
                "  {}  {:<8} {}{}\n",
                timefmt::absolute(f.at, cal.tz),
                f.source,
                m::reason(&f.reason, ctx.lang),
                f.file
                    .as_deref()
                    .map(|n| format!(
                        "  ({}/new/{})",
                        intake::maildir::FAILED,
                        crate::domain::text::escape_line(n)
                    ))
                    .unwrap_or_default(),
            ));
        }
    }
    text.push_str(&m::REPORT_TAKEN.fill(ctx.lang, &[("count", &taken)]));
    out(&text)
}
