//! What keeps the file within its promises without anyone asking: the
//! retention purge, old backups deleted, and today's backup written on
//! another thread. Used when the app opens, once a day while it is open,
//! and by `vakt purge`, `backup` and `restore`.

use std::sync::mpsc::Receiver;

use crate::error::AppError;
use crate::i18n::{Lang, privacy as p};
use crate::store::{Store, backup};

/// Who the app's own automatic work (the daily purge) is recorded as.
pub const SYSTEM_ACTOR: &str = "vakt";

/// Today's backup being written on another thread.
pub struct BackupJob {
    /// Sends sentences for the person if it failed (nothing if it worked).
    pub done: Receiver<Vec<String>>,
    interrupt: Option<rusqlite::InterruptHandle>,
}

impl BackupJob {
    /// Stops the copy (the app is quitting): the half-written file is
    /// removed by the copy's own clean-up, and the next start writes the
    /// day's backup again. Waits until that is done.
    pub fn stop(self) {
        if let Some(i) = &self.interrupt {
            i.interrupt();
        }
        let _ = self.done.recv();
    }
}

/// Writes today's backup (unless written already) on a thread with its own
/// read-only connection: on a large file it takes seconds, and the person
/// on duty should not wait for it. `VACUUM INTO` reads one snapshot, so
/// writing meanwhile is fine. Sends sentences for the person if it failed
/// (nothing if it worked).
///
/// Only the database's owner, with write access, gets a daily backup: a
/// copy made by anyone else would be theirs, out of the owner's reach and
/// of the retention that erases caller data; and a database that cannot be
/// written is not being changed, so it needs no new copy.
pub fn background_backup(
    store: &Store,
    now: chrono::DateTime<chrono::Utc>,
    lang: Lang,
) -> BackupJob {
    let (tx, rx) = std::sync::mpsc::channel();
    let path = store.path().to_path_buf();
    if !makes_backups(store) {
        let _ = tx.send(vec![]);
        return BackupJob {
            done: rx,
            interrupt: None,
        };
    }
    let today = store
        .calendar()
        .map(|c| c.local_date(now))
        .unwrap_or(now.date_naive());
    let reader = Store::open_reader(&path);
    let interrupt = reader
        .as_ref()
        .ok()
        .map(|r| r.conn().get_interrupt_handle());
    std::thread::spawn(move || {
        let result = reader.and_then(|r| r.daily_backup(today));
        let notices = match result {
            Ok(_) => vec![],
            Err(e) => {
                let why = AppError::db(&path)(e).message(lang);
                vec![p::BACKUP_FAILED.fill(lang, &[("why", &why)])]
            }
        };
        let _ = tx.send(notices);
    });
    BackupJob {
        done: rx,
        interrupt,
    }
}

/// Whether this run writes the daily backup and deletes old ones: only
/// for the database's owner, who may write it.
fn makes_backups(store: &Store) -> bool {
    store.limit().is_none() && crate::store::owned_by_me(store.path())
}

/// Deletes the backups vakt made that are `backups_kept` days old, and
/// temporary files left by a copy that was killed. A failure to delete is
/// not an error here: the next start tries again.
pub fn prune_backups(
    store: &Store,
    cfg: &crate::config::Config,
    now: chrono::DateTime<chrono::Utc>,
) {
    if !makes_backups(store) {
        return;
    }
    let (today, tz) = match store.calendar() {
        Ok(c) => (c.local_date(now), c.tz),
        Err(_) => {
            let tz = chrono_tz::Europe::Oslo;
            (now.with_timezone(&tz).date_naive(), tz)
        }
    };
    backup::prune(store.path(), today, tz, cfg.privacy.backups_kept);
}

/// At every start and once a day: the retention purge, then old backups
/// deleted. Returns sentences for the person only when something went
/// wrong. (Today's backup: [`background_backup`].)
pub fn upkeep(
    store: &mut Store,
    cfg: &crate::config::Config,
    now: chrono::DateTime<chrono::Utc>,
    lang: Lang,
) -> Vec<String> {
    let mut notices = vec![];
    // A database this user may only read is not changed by anyone here
    // (the start says why); its owner's vakt runs the purge.
    if store.limit().is_some() {
        return notices;
    }
    if let Err(e) = store.purge(cfg.privacy.retention(), false, SYSTEM_ACTOR, now) {
        let why = AppError::db(store.path())(e).message(lang);
        notices.push(p::PURGE_FAILED.fill(lang, &[("why", &why)]));
    }
    prune_backups(store, cfg, now);
    notices
}
