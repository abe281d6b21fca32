//! `vakt purge`, `vakt audit`, `vakt backup`, `vakt restore`, `vakt hold`,
//! and the checks every start runs before the database is used.

use std::path::{Path, PathBuf};
use std::sync::mpsc::Receiver;

use chrono::TimeZone;
use serde_json::json;

use super::{Ctx, out, out_json};
use crate::cli::{AuditArgs, PurgeArgs};
use crate::error::AppError;
use crate::i18n::{Lang, privacy as p};
use crate::store::backup::{self, Refusal, RestoreError};
use crate::store::privacy::{PurgeCounts, Retention};
use crate::store::{Store, StoreError, health};
use crate::upkeep::{BackupJob, SYSTEM_ACTOR, background_backup, prune_backups, upkeep};
use crate::when;

/// Sets the database key from a key file or a passphrase prompt, if asked.
pub fn setup_key(key_file: Option<&Path>, ask: bool, lang: Lang) -> Result<(), AppError> {
    let passphrase = match (key_file, ask) {
        (Some(path), _) => Some(crate::store::key::read_file(path).map_err(|e| {
            AppError::Message(p::ERR_KEY_FILE.fill(
                lang,
                &[
                    ("path", &path.display()),
                    ("why", &crate::error::io_words(e.kind(), lang)),
                ],
            ))
        })?),
        (None, true) => Some(prompt_passphrase(lang)?),
        (None, false) => None,
    };
    let Some(passphrase) = passphrase else {
        return Ok(());
    };
    crate::store::key::set(passphrase).map_err(|e| {
        AppError::Invalid(match e {
            crate::store::key::KeyError::Unavailable => p::ERR_ENCRYPTION_UNAVAILABLE,
            crate::store::key::KeyError::Empty => p::ERR_KEY_EMPTY,
        })
    })
}

/// Reads a passphrase from the terminal without showing it.
fn prompt_passphrase(lang: Lang) -> Result<String, AppError> {
    use crossterm::event::{Event, KeyCode, KeyEventKind, KeyModifiers, read};
    use std::io::Write;
    let terr = |e: std::io::Error| AppError::Terminal(e.kind());
    eprint!("{}", p::KEY_PROMPT.get(lang));
    let _ = std::io::stderr().flush();
    crossterm::terminal::enable_raw_mode().map_err(terr)?;
    let mut text = String::new();
    let result = loop {
        match read() {
            Ok(Event::Key(k)) if k.kind != KeyEventKind::Release => match k.code {
                KeyCode::Enter => break Ok(()),
                KeyCode::Esc => break Err(AppError::Invalid(p::ERR_KEY_EMPTY)),
                KeyCode::Char('c') if k.modifiers.contains(KeyModifiers::CONTROL) => {
                    break Err(AppError::Invalid(p::ERR_KEY_EMPTY));
                }
                KeyCode::Backspace => {
                    text.pop();
                }
                KeyCode::Char(c) if text.len() < 1024 => text.push(c),
                _ => {}
            },
            Ok(_) => {}
            Err(e) => break Err(terr(e)),
        }
    };
    let _ = crossterm::terminal::disable_raw_mode();
    eprintln!();
    result.map(|()| text)
}

/// Makes the files private (one sentence per fixed file), then checks the
/// file is intact. A damaged file is never opened for writing.
pub fn check_files(db: &Path, lang: Lang) -> Result<(Vec<String>, health::Checked), AppError> {
    use crate::i18n::opening as o;
    let removed = health::clear_left_behind(db).map_err(AppError::db(db))?;
    let mut notices: Vec<String> = removed
        .iter()
        .map(|f| o::LEFT_BEHIND_REMOVED.fill(lang, &[("path", &f.display())]))
        .collect();
    notices.extend(health::fix_permissions(db).iter().map(|n| match n {
        health::FileNote::MadePrivate(f) => p::PERMS_FIXED.fill(lang, &[("path", &f.display())]),
        health::FileNote::CannotMakePrivate(f) => {
            o::PERMS_NOT_YOURS.fill(lang, &[("path", &f.display())])
        }
    }));
    let checked = health::startup_check(db).map_err(AppError::db(db))?;
    Ok((notices, checked))
}

/// Runs the full `quick_check` in the background; sends `true` if intact.
pub fn background_check(db: &Path) -> Receiver<bool> {
    let (tx, rx) = std::sync::mpsc::channel();
    let path = db.to_path_buf();
    std::thread::spawn(move || {
        let _ = tx.send(health::quick_check(&path, None).is_ok());
    });
    rx
}

/// What the terminal app starts with.
pub struct AppStart {
    pub store: Store,
    /// Sentences to show the person (fixed permissions, failed upkeep).
    pub notices: Vec<String>,
    /// A full check still running on a large file.
    pub background_check: Option<Receiver<bool>>,
    /// Today's backup being written; sends sentences if it failed.
    pub background_backup: BackupJob,
}

/// The start of the terminal app: checks, opens, the purge, and today's
/// backup started in the background.
pub fn open_for_app(ctx: &Ctx) -> Result<AppStart, AppError> {
    // A hang-up from here on stops today's backup and removes its file.
    crate::hangup::catch();
    let (mut notices, checked) = check_files(&ctx.db_path, ctx.lang)?;
    let mut store = Store::open(&ctx.db_path).map_err(ctx.db_err())?;
    notices.extend(upkeep(&mut store, &ctx.config, ctx.now, ctx.lang));
    let background_check =
        (checked == health::Checked::SmallTablesOnly).then(|| background_check(&ctx.db_path));
    let background_backup = background_backup(&store, ctx.now, ctx.lang);
    Ok(AppStart {
        store,
        notices,
        background_check,
        background_backup,
    })
}

fn counts_text(c: &PurgeCounts, dry: bool, lang: Lang) -> String {
    let msg = if dry { p::PURGE_DRY } else { p::PURGE_DONE };
    msg.fill(
        lang,
        &[
            ("callbacks", &c.callbacks),
            ("attempts", &c.attempt_notes),
            ("notes", &c.notes),
            ("exempt", &c.exempt),
        ],
    )
}

pub fn purge(ctx: &Ctx, args: PurgeArgs) -> Result<(), AppError> {
    if args.older_than.is_some_and(|d| d > 36500) {
        return Err(AppError::Invalid(p::ERR_OLDER_THAN));
    }
    let keep = match args.older_than {
        Some(days) => Retention {
            closed_days: days,
            note_days: days,
        },
        None => ctx.config.privacy.retention(),
    };
    let mut store = ctx.open_store()?;
    let c = store
        .purge(keep, args.dry_run, &ctx.actor, ctx.now)
        .map_err(ctx.db_err())?;
    if !args.dry_run {
        prune_backups(&store, &ctx.config, ctx.now);
    }
    if args.json {
        out_json(&json!({
            "dry_run": args.dry_run,
            "closed_days": keep.closed_days,
            "note_days": keep.note_days,
            "callbacks": c.callbacks,
            "attempt_notes": c.attempt_notes,
            "notes": c.notes,
            "exempt": c.exempt,
        }))
    } else {
        out(&counts_text(&c, args.dry_run, ctx.lang))
    }
}

pub fn audit(ctx: &Ctx, args: AuditArgs) -> Result<(), AppError> {
    let store = ctx.open_store()?;
    let cal = store.calendar().map_err(ctx.db_err())?;
    let since = match &args.since {
        Some(d) => {
            let date = when::parse_date(d)?;
            let local = date.and_hms_opt(0, 0, 0).unwrap_or_default();
            Some(
                cal.tz
                    .from_local_datetime(&local)
                    .earliest()
                    .map(|t| t.with_timezone(&chrono::Utc))
                    .unwrap_or_else(|| local.and_utc()),
            )
        }
        None => None,
    };
    let entries = store.audit_entries(since).map_err(ctx.db_err())?;
    if args.json {
        return out_json(&serde_json::Value::Array(
            entries
                .iter()
                .map(|e| {
                    json!({
                        "id": e.id,
                        "at": crate::store::ts(e.at),
                        "actor": e.actor,
                        "action": e.action,
                        "entity": e.entity,
                        "ref_id": e.ref_id,
                        "detail": e.detail,
                    })
                })
                .collect(),
        ));
    }
    if entries.is_empty() {
        return out(p::AUDIT_EMPTY.get(ctx.lang));
    }
    let mut text = format!("{}\n", p::AUDIT_HEADER.get(ctx.lang));
    for e in &entries {
        text.push_str(&format!(
            "{:<17} {:<8} {:<15} {:<12} {:<6} {}\n",
            e.at.with_timezone(&cal.tz).format("%Y-%m-%d %H:%M"),
            e.actor,
            e.action,
            e.entity,
            e.ref_id.map(|i| i.to_string()).unwrap_or_default(),
            e.detail.as_deref().unwrap_or(""),
        ));
    }
    out(&text)
}

/// `vakt backup`: the retention purge first (as at every start), so the
/// copy holds nothing past its retention; old backups deleted; then the
/// copy. A hang-up stops the copy and removes its temporary file.
pub fn backup(ctx: &Ctx, path: Option<PathBuf>) -> Result<(), AppError> {
    crate::hangup::catch();
    let mut store = ctx.open_store()?;
    // Someone who may only read the database makes no copy of it.
    store.may_copy().map_err(ctx.db_err())?;
    store
        .purge(ctx.config.privacy.retention(), false, SYSTEM_ACTOR, ctx.now)
        .map_err(ctx.db_err())?;
    prune_backups(&store, &ctx.config, ctx.now);
    let dest = match path {
        Some(p) => p,
        None => {
            let today = store.calendar().map_err(ctx.db_err())?.local_date(ctx.now);
            backup::backup_dir(&ctx.db_path).join(backup::daily_name(today))
        }
    };
    let written = store.backup_to(&dest);
    // Hung up: the copy stopped and removed its file; end as asked.
    crate::hangup::finish();
    written.map_err(AppError::db(&dest))?;
    store
        .audit_file("backup", &ctx.actor, ctx.now)
        .map_err(ctx.db_err())?;
    out(&p::BACKUP_DONE.fill(ctx.lang, &[("path", &dest.display())]))
}

pub fn restore(ctx: &Ctx, from: PathBuf) -> Result<(), AppError> {
    let lang = ctx.lang;
    crate::hangup::catch();
    let keep = ctx.config.privacy.retention();
    let result = backup::restore(&ctx.db_path, &from, keep, &ctx.actor, ctx.now);
    if result.is_err() {
        // Hung up: the copies stopped and removed their files; end as asked.
        crate::hangup::finish();
    }
    let restored = match result {
        Ok(r) => r,
        Err(RestoreError::Refused(why)) => {
            let msg = match why {
                Refusal::Unreadable => p::RESTORE_UNREADABLE,
                Refusal::NotADatabase => p::RESTORE_NOT_DB,
                Refusal::Corrupt => p::RESTORE_CORRUPT,
                Refusal::Foreign => p::RESTORE_FOREIGN,
                Refusal::Newer => p::RESTORE_NEWER,
            };
            return Err(AppError::Message(
                msg.fill(lang, &[("path", &from.display())]),
            ));
        }
        Err(RestoreError::Store(e)) => return Err(AppError::db(&ctx.db_path)(e)),
    };
    // Brings an older backup's schema up to date, and records the restore.
    let mut store = Store::open(&ctx.db_path).map_err(ctx.db_err())?;
    store
        .audit_file("restore", &ctx.actor, ctx.now)
        .map_err(ctx.db_err())?;
    prune_backups(&store, &ctx.config, ctx.now);
    let mut text = p::RESTORE_DONE.fill(lang, &[("from", &from.display())]);
    let c = &restored.purged;
    text.push(' ');
    text.push_str(&p::RESTORE_PURGED.fill(
        lang,
        &[
            ("callbacks", &c.callbacks),
            ("attempts", &c.attempt_notes),
            ("notes", &c.notes),
            ("again", &restored.erased_again),
            ("exempt", &c.exempt),
        ],
    ));
    if let Some(kept) = restored.kept {
        text.push(' ');
        text.push_str(&p::RESTORE_KEPT.fill(lang, &[("kept", &kept.display())]));
    }
    // A hang-up after the database was replaced: recorded, then ended.
    crate::hangup::finish();
    out(&text)
}

pub fn hold(ctx: &Ctx, id: i64, release: bool) -> Result<(), AppError> {
    let mut store = ctx.open_store()?;
    match store.set_on_hold(id, !release, &ctx.actor, ctx.now) {
        Ok(()) => {}
        Err(StoreError::NotFound) => return Err(AppError::NotFound(id)),
        Err(e) => return Err(ctx.db_err()(e)),
    }
    let msg = if release { p::HOLD_OFF } else { p::HOLD_ON };
    out(&msg.fill(ctx.lang, &[("id", &id)]))
}
