//! Voicemail intake from the switchboard's e-mail (`vakt voicemail
//! intake`). A switchboard sends each voicemail as an e-mail; vakt reads
//! the caller's number and the time from it and puts it in the queue
//! exactly as `vakt voicemail add` would, so the queue is right the moment
//! a message is left.
//!
//! - [`settings`]: `[intake]` in the settings file, one table per switchboard;
//! - [`presets`]: known switchboards' e-mail shapes;
//! - [`read`]: one e-mail → what it says, or why it cannot be taken in (pure);
//! - [`store`]: the transaction that takes a batch in, once;
//! - [`maildir`]: `new/` → `cur/` (or `.failed`) after the commit.
//!
//! The recording is never stored: the message row says that one exists
//! and how long it is, and the e-mail stays in the mailbox.

pub mod maildir;
pub mod presets;
pub mod read;
pub mod settings;
pub mod store;

use std::path::PathBuf;

use chrono::{DateTime, Utc};

use crate::calendar::CalendarSettings;
use crate::store::{Store, StoreError};
use maildir::Maildir;
use read::{Reason, Voicemail};
use settings::Rules;
use store::{Entry, Source, Taken};

/// E-mails taken in per transaction in a Maildir run.
pub const BATCH: usize = 100;

/// What a Maildir run did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize)]
pub struct Summary {
    pub new: u64,
    pub joined: u64,
    pub withheld: u64,
    pub duplicates: u64,
    pub failed: u64,
}

impl Summary {
    pub fn count(&mut self, t: &Taken) {
        match t {
            Taken::New { .. } => self.new += 1,
            Taken::Joined { .. } => self.joined += 1,
            Taken::Withheld => self.withheld += 1,
            Taken::Duplicate => self.duplicates += 1,
            Taken::Failed(_) => self.failed += 1,
        }
    }
}

#[derive(Debug)]
pub enum IntakeError {
    Store(StoreError),
    Io {
        path: PathBuf,
        kind: std::io::ErrorKind,
    },
}

impl From<StoreError> for IntakeError {
    fn from(e: StoreError) -> Self {
        IntakeError::Store(e)
    }
}

/// One e-mail, read: what the database needs, and the key it is known by.
pub enum Prepared {
    Read { key: String, voicemail: Voicemail },
    Failed { key: String, reason: Reason },
}

/// Reads one e-mail and works out its key (pure apart from the salt).
pub fn prepare(
    raw: &[u8],
    boards: &[Rules],
    salt: &[u8],
    cal: &CalendarSettings,
    now: DateTime<Utc>,
) -> Prepared {
    match read::read(raw, boards, cal.tz, now) {
        Ok(v) => Prepared::Read {
            key: store::key_for(salt, &v),
            voicemail: v,
        },
        Err(r) => Prepared::Failed {
            key: store::failure_key(salt, r.message_id.as_deref(), raw),
            reason: r.reason,
        },
    }
}

fn entry<'a>(p: &'a Prepared, file: Option<&str>) -> Entry<'a> {
    match p {
        Prepared::Read { key, voicemail } => Entry::Read {
            key: key.clone(),
            voicemail,
        },
        Prepared::Failed { key, reason } => Entry::Failed {
            key: key.clone(),
            reason: *reason,
            file: file.map(str::to_string),
        },
    }
}

/// Takes in one e-mail (from a mail filter).
pub fn take_mail(
    store: &mut Store,
    boards: &[Rules],
    cal: &CalendarSettings,
    raw: &[u8],
    actor: &str,
    now: DateTime<Utc>,
) -> Result<Taken, StoreError> {
    let salt = store.intake_salt()?;
    let p = prepare(raw, boards, &salt, cal, now);
    let out = store.intake_batch(&[entry(&p, None)], Source::Mail, cal, actor, now)?;
    Ok(out.into_iter().next().unwrap_or(Taken::Duplicate))
}

/// Takes in every message in the Maildir's `new/`, [`BATCH`] per
/// transaction; each file is moved only after its batch has committed.
pub fn take_maildir(
    store: &mut Store,
    boards: &[Rules],
    cal: &CalendarSettings,
    md: &Maildir,
    actor: &str,
    now: DateTime<Utc>,
) -> Result<Summary, IntakeError> {
    let io = |path: PathBuf| {
        move |e: std::io::Error| IntakeError::Io {
            path,
            kind: e.kind(),
        }
    };
    let salt = store.intake_salt()?;
    let mut summary = Summary::default();
    let names = md.pending().map_err(io(md.root().join("new")))?;
    for chunk in names.chunks(BATCH) {
        let mut batch: Vec<(&str, Prepared)> = Vec::with_capacity(chunk.len());
        for name in chunk {
            let path = md.root().join("new").join(name);
            // Another run may have taken it meanwhile: then it is gone.
            let Some(size) = md.size(name).map_err(io(path.clone()))? else {
                continue;
            };
            let prepared = if size > read::MAX_BYTES {
                Prepared::Failed {
                    key: store::failure_key(&salt, None, name.as_bytes()),
                    reason: Reason::TooLarge,
                }
            } else {
                let Some(raw) = md.read(name).map_err(io(path.clone()))? else {
                    continue;
                };
                prepare(&raw, boards, &salt, cal, now)
            };
            batch.push((name, prepared));
        }
        if batch.is_empty() {
            continue;
        }
        let entries: Vec<Entry> = batch.iter().map(|(n, p)| entry(p, Some(n))).collect();
        let results = store.intake_batch(&entries, Source::Maildir, cal, actor, now)?;
        for ((name, _), taken) in batch.iter().zip(&results) {
            summary.count(taken);
            let path = md.root().join("new").join(name);
            match taken {
                Taken::Failed(_) => md.move_failed(name),
                _ => md.mark_seen(name),
            }
            .map_err(io(path))?;
        }
    }
    Ok(summary)
}
