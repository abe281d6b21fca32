//! The database side of the intake: one transaction per batch of e-mails,
//! in which each e-mail is checked against the taken keys and, if new,
//! goes through the same code as `vakt voicemail add`
//! ([`voicemail_in`] / [`withheld_in`]).

use chrono::{DateTime, Utc};
use rusqlite::{OptionalExtension, Transaction, params};
use sha2::{Digest, Sha256};

use super::read::{Caller, Reason, Voicemail};
use crate::calendar::CalendarSettings;
use crate::domain::promise::Safety;
use crate::store::callbacks::{
    NewVoicemail, Snapshots, voicemail_deadline, voicemail_in, withheld_in,
};
use crate::store::stamp::stamp;
use crate::store::{Result, Store, ts};

/// What happened to one e-mail.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Taken {
    New {
        id: i64,
        deadline: DateTime<Utc>,
    },
    Joined {
        id: i64,
        deadline: DateTime<Utc>,
    },
    Withheld,
    /// Taken in before: nothing was saved.
    Duplicate,
    /// Counted among the e-mails that could not be read.
    Failed(&'static str),
}

/// Where a failed e-mail came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    Mail,
    Maildir,
}

impl Source {
    fn key(self) -> &'static str {
        match self {
            Source::Mail => "mail",
            Source::Maildir => "maildir",
        }
    }
}

/// One e-mail for [`Store::intake_batch`].
pub enum Entry<'a> {
    Read {
        key: String,
        voicemail: &'a Voicemail,
    },
    Failed {
        key: String,
        reason: Reason,
        /// The file name in the Maildir's `.failed` folder.
        file: Option<String>,
    },
}

/// One e-mail that could not be read, for the report (no caller data).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Failure {
    pub at: DateTime<Utc>,
    pub reason: String,
    pub source: String,
    pub file: Option<String>,
}

/// The salted hash that identifies an e-mail without revealing it.
fn hash(salt: &[u8], text: &[u8]) -> String {
    let mut h = Sha256::new();
    h.update(salt);
    h.update(text);
    h.finalize().iter().map(|b| format!("{b:02x}")).collect()
}

/// The key of a read e-mail: its Message-ID, else sender, number and time.
pub fn key_for(salt: &[u8], v: &Voicemail) -> String {
    match &v.message_id {
        Some(id) => hash(salt, format!("mid:{}", id.to_lowercase()).as_bytes()),
        None => {
            let who = match &v.caller {
                Caller::Number(p) => p.as_str().to_string(),
                Caller::Withheld => "withheld".into(),
            };
            hash(
                salt,
                format!("alt:{}|{}|{}", v.sender, who, ts(v.at)).as_bytes(),
            )
        }
    }
}

/// The key of an e-mail that could not be read: its Message-ID if one was
/// found, else its bytes.
pub fn failure_key(salt: &[u8], message_id: Option<&str>, raw: &[u8]) -> String {
    match message_id {
        Some(id) => hash(salt, format!("mid:{}", id.to_lowercase()).as_bytes()),
        None => {
            let mut bytes = b"raw:".to_vec();
            bytes.extend_from_slice(&Sha256::digest(raw));
            hash(salt, &bytes)
        }
    }
}

fn record_failure(
    tx: &Transaction,
    key: &str,
    reason: &str,
    source: Source,
    file: Option<&str>,
    now: DateTime<Utc>,
) -> Result<()> {
    tx.execute(
        "INSERT INTO intake_failures(key, at, reason, source, file) VALUES (?1, ?2, ?3, ?4, ?5)
         ON CONFLICT(key) DO UPDATE SET at = excluded.at, reason = excluded.reason,
             source = excluded.source, file = coalesce(excluded.file, file)",
        params![key, ts(now), reason, source.key(), file],
    )?;
    Ok(())
}

fn take_one(
    tx: &Transaction,
    key: &str,
    v: &Voicemail,
    deadline: Option<DateTime<Utc>>,
    snaps: &mut Snapshots,
    actor: &str,
    now: DateTime<Utc>,
) -> Result<Taken> {
    let seen: Option<i64> = tx
        .query_row(
            "SELECT 1 FROM intake_taken WHERE key = ?1",
            params![key],
            |r| r.get(0),
        )
        .optional()?;
    if seen.is_some() {
        return Ok(Taken::Duplicate);
    }
    let (taken, message_id) = match &v.caller {
        Caller::Withheld => (Taken::Withheld, withheld_in(tx, v.at, actor, now)?),
        Caller::Number(phone) => {
            let Some(deadline) = deadline else {
                return Ok(Taken::Failed("no_working_day"));
            };
            // An e-mail says nothing of what the caller wants: not known,
            // as the app's form starts.
            let safety = Safety::default();
            // The same checks as a typed voicemail. A transcription that
            // breaks the summary's rule is left out, not the voicemail.
            let transcription = v.transcription.as_deref().unwrap_or("");
            let Ok(nv) = NewVoicemail::new(v.at, phone.clone(), "", transcription, &safety)
                .or_else(|_| NewVoicemail::new(v.at, phone.clone(), "", "", &safety))
            else {
                return Ok(Taken::Failed(Reason::Unreadable.key()));
            };
            let (added, message_id) = voicemail_in(tx, &nv, deadline, snaps, actor, now)?;
            let t = if added.joined {
                Taken::Joined {
                    id: added.id,
                    deadline: added.deadline,
                }
            } else {
                Taken::New {
                    id: added.id,
                    deadline: added.deadline,
                }
            };
            (t, message_id)
        }
    };
    tx.execute(
        "UPDATE messages SET via = 'email', recording = ?2, recording_secs = ?3 WHERE id = ?1",
        params![message_id, v.recording, v.seconds],
    )?;
    tx.execute(
        "INSERT INTO intake_taken(key, taken_at, message_id) VALUES (?1, ?2, ?3)",
        params![key, ts(now), message_id],
    )?;
    // Read at last (the settings were mended and the e-mail sent again).
    tx.execute("DELETE FROM intake_failures WHERE key = ?1", params![key])?;
    Ok(taken)
}

impl Store {
    /// This database's salt for e-mail keys.
    pub fn intake_salt(&self) -> Result<Vec<u8>> {
        Ok(self
            .conn()
            .query_row("SELECT salt FROM intake_salt WHERE id = 1", [], |r| {
                r.get(0)
            })?)
    }

    /// Takes in a batch of e-mails in one transaction: all of it is saved
    /// or none of it. Returns what happened to each, in order.
    pub fn intake_batch(
        &mut self,
        entries: &[Entry],
        source: Source,
        cal: &CalendarSettings,
        actor: &str,
        now: DateTime<Utc>,
    ) -> Result<Vec<Taken>> {
        // Deadlines come from the calendar, before the write lock is taken.
        let deadlines: Vec<Option<DateTime<Utc>>> = entries
            .iter()
            .map(|e| match e {
                Entry::Read { voicemail, .. } => voicemail_deadline(cal, voicemail.at).ok(),
                Entry::Failed { .. } => None,
            })
            .collect();
        let mut snaps = Snapshots::default();
        self.write(|tx| {
            let mut out = Vec::with_capacity(entries.len());
            for (entry, deadline) in entries.iter().zip(deadlines) {
                let taken = match entry {
                    Entry::Read { key, voicemail } => {
                        match take_one(tx, key, voicemail, deadline, &mut snaps, actor, now)? {
                            Taken::Failed(reason) => {
                                record_failure(tx, key, reason, source, None, now)?;
                                Taken::Failed(reason)
                            }
                            t => t,
                        }
                    }
                    Entry::Failed { key, reason, file } => {
                        record_failure(tx, key, reason.key(), source, file.as_deref(), now)?;
                        Taken::Failed(reason.key())
                    }
                };
                out.push(taken);
            }
            Ok(out)
        })
    }

    /// The e-mails that could not be read, oldest first.
    pub fn intake_failures(&self) -> Result<Vec<Failure>> {
        let mut stmt = self.conn().prepare_cached(
            "SELECT at, reason, source, file FROM intake_failures ORDER BY at, id",
        )?;
        Ok(stmt
            .query_map([], |r| {
                Ok(Failure {
                    at: stamp(r, 0)?,
                    reason: r.get(1)?,
                    source: r.get(2)?,
                    file: r.get(3)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?)
    }

    /// How many e-mails could not be read (for the status line).
    pub fn intake_failure_count(&self) -> Result<u64> {
        let n: i64 = self
            .conn()
            .query_row("SELECT count(*) FROM intake_failures", [], |r| r.get(0))?;
        Ok(n as u64)
    }

    /// How many e-mails are remembered as taken in.
    pub fn intake_taken_count(&self) -> Result<u64> {
        let n: i64 = self
            .conn()
            .query_row("SELECT count(*) FROM intake_taken", [], |r| r.get(0))?;
        Ok(n as u64)
    }

    /// Someone has looked at the failed e-mails: the list is emptied (the
    /// count goes to the audit trail).
    pub fn intake_dismiss(&mut self, actor: &str, now: DateTime<Utc>) -> Result<u64> {
        self.write(|tx| {
            let n = tx.execute("DELETE FROM intake_failures", [])? as u64;
            if n > 0 {
                crate::store::audit::record(
                    tx,
                    now,
                    actor,
                    "dismiss",
                    "intake_failures",
                    None,
                    Some(&format!("count={n}")),
                )?;
            }
            Ok(n)
        })
    }

    /// Recording details of an item's messages that came with one:
    /// (when the message was left, its length in seconds if known).
    pub fn recordings(&self, callback_id: i64) -> Result<Vec<(DateTime<Utc>, Option<u32>)>> {
        let mut stmt = self.conn().prepare_cached(
            "SELECT received_at, recording_secs FROM messages
             WHERE callback_id = ?1 AND recording = 1 ORDER BY received_at, id",
        )?;
        Ok(stmt
            .query_map(params![callback_id], |r| {
                Ok((
                    stamp(r, 0)?,
                    r.get::<_, Option<i64>>(1)?
                        .and_then(|s| u32::try_from(s).ok()),
                ))
            })?
            .collect::<rusqlite::Result<_>>()?)
    }
}

/// One message as the handover counts it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Arrival {
    pub at: DateTime<Utc>,
    pub by_email: bool,
    pub withheld: bool,
}

impl Store {
    /// Messages received in `[from, until)`, oldest first.
    pub fn arrivals(&self, from: DateTime<Utc>, until: DateTime<Utc>) -> Result<Vec<Arrival>> {
        let mut stmt = self.conn().prepare_cached(
            "SELECT m.received_at, m.via = 'email', m.withheld FROM messages m
             LEFT JOIN callbacks c ON c.id = m.callback_id
             WHERE m.received_at >= ?1 AND m.received_at < ?2
               AND (c.id IS NULL OR c.kind = 'voicemail')
             ORDER BY m.received_at",
        )?;
        Ok(stmt
            .query_map(params![ts(from), ts(until)], |r| {
                Ok(Arrival {
                    at: stamp(r, 0)?,
                    by_email: r.get(1)?,
                    withheld: r.get(2)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?)
    }
}

/// Forgets taken keys and failures older than `cutoff` (the retention
/// purge calls this in its transaction).
/// How many taken keys and failure rows the purge would forget (read only).
pub(crate) fn count_older_than(conn: &rusqlite::Connection, cutoff: &str) -> Result<u64> {
    let n: i64 = conn.query_row(
        "SELECT (SELECT count(*) FROM intake_taken WHERE taken_at <= ?1)
              + (SELECT count(*) FROM intake_failures WHERE at <= ?1)",
        params![cutoff],
        |r| r.get(0),
    )?;
    Ok(n as u64)
}

pub(crate) fn purge_older_than(tx: &Transaction, cutoff: &str) -> Result<u64> {
    let a = tx.execute(
        "DELETE FROM intake_taken WHERE taken_at <= ?1",
        params![cutoff],
    )?;
    let b = tx.execute(
        "DELETE FROM intake_failures WHERE at <= ?1",
        params![cutoff],
    )?;
    Ok((a + b) as u64)
}
