//! The referral directory in the database: services and their search
//! index, referrals, problem reports, import, and the starter list.
//!
//! Search is built to answer on every keystroke over far more entries than
//! any real directory has. Ranking is by tiers rather than by bm25 (which
//! must score every match of a broad prefix before it can sort):
//!
//! 1. the folded name starts with the query (a B-tree range on
//!    `search_name`),
//! 2. every query word is a prefix of a word in the name or alternate name
//!    (FTS5, name column),
//! 3. every query word is a prefix of a word anywhere (FTS5, all columns).
//!
//! Each tier is read with a LIMIT and the next tier only runs if the page
//! is not full yet, so a one-letter query costs about as much as a long
//! one. The tiers read only what ranks an entry (id, name, status, and
//! hours when only open services are wanted); the entries kept are read
//! in full at the end, with one statement. Within a tier, active entries come before "do not refer", then by
//! name. Search terms are never logged or audited.
//!
//! How a query is read before that:
//!
//! * A query of digits only (spaces, `+ - ( ) .` allowed) is a phone
//!   number: its digits, joined, are looked up as a prefix of the phone
//!   digits in the index (`116 117`, `22 40 00 40`, `+47 22 40…`).
//! * Words that name a place some entry serves (`tromso`, `mo i rana`) are
//!   taken out of the text and become a place filter: the services that
//!   serve the place, ranked first, then (for a municipality) those that
//!   name its county among their areas, then the national ones, each
//!   group by the tiers above.
//! * Neighbouring words are also tried written together (`krise senter`
//!   finds Krisesenter) in the index tiers.
//! * Only when all that finds nothing, each word the index has no word for
//!   is read as written together (`krisesenter` where an entry says "krise
//!   senter") or as a typo of the nearest word of the index's vocabulary
//!   (`legvakt` → legevakt), and the search runs once more; the result
//!   says which words it used.

use chrono::{DateTime, NaiveDate, Utc};
use chrono_tz::Tz;
use rusqlite::{Connection, OptionalExtension, Row, Transaction, params};
use serde::{Deserialize, Serialize};

use super::stamp::{opt_stamp, stamp, stored_key};
use super::{Result, Store, StoreError, audit, ts};
use crate::directory::{
    self, Hours, Note, Parsed, PhoneKind, PhoneLine, Service, Skip, Status, fold, ids,
};
use crate::phone::Phone;

/// Who the starter list is recorded as coming from.
pub const SEED_ACTOR: &str = "vakt";

/// What to look for. Empty text lists everything (by name).
#[derive(Debug, Clone, Default)]
pub struct SearchQuery<'a> {
    pub text: &'a str,
    /// A category key.
    pub category: Option<&'a str>,
    /// Only services that serve this municipality or region (national
    /// services serve everyone).
    pub municipality: Option<&'a str>,
    /// Only services open at this instant, in this zone.
    pub open_at: Option<(DateTime<Utc>, Tz)>,
    /// Also deactivated entries.
    pub include_closed: bool,
    pub limit: usize,
}

/// What a search found, and how it read the query.
#[derive(Debug, Clone, Default)]
pub struct SearchResult {
    pub services: Vec<Service>,
    /// The words searched for instead, when what was typed found nothing
    /// and the index has close words (a typo, a compound written together
    /// where the entry writes it apart).
    pub corrected: Option<String>,
    /// The place named in the query (folded), taken as a filter: services
    /// that serve it first, then those of its county, then the national
    /// ones.
    pub place: Option<String>,
    /// The county of the place when it is a municipality ("Finnmark";
    /// "Møre og Romsdal, Nordland" for a name two municipalities share).
    pub county: Option<String>,
    /// Services serving the place itself are among the results.
    pub local_found: bool,
    /// Services serving its county (not the place itself) are among the
    /// results.
    pub county_found: bool,
    /// More entries matched than the query's limit (the services are the
    /// first `limit` of them).
    pub more: bool,
}

impl SearchResult {
    /// The place taken as a filter and what was found for it, for the
    /// line over the list.
    pub fn place_reading(&self) -> Option<crate::i18n::directory::PlaceReading<'_>> {
        self.place
            .as_deref()
            .map(|place| crate::i18n::directory::PlaceReading {
                place,
                county: self.county.as_deref(),
                local_found: self.local_found,
                county_found: self.county_found,
            })
    }
}

pub use crate::directory::problem::{ProblemKind, ProblemReport};

/// One category of the editable list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Category {
    pub key: String,
    pub name_nb: String,
    pub name_en: String,
}

impl Category {
    pub fn name(&self, lang: crate::i18n::Lang) -> &str {
        match lang {
            crate::i18n::Lang::Nb => &self.name_nb,
            crate::i18n::Lang::En => &self.name_en,
        }
    }
}

/// What an import did.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ImportReport {
    pub added: usize,
    pub updated: usize,
    pub unchanged: usize,
    /// Entry number in the file (1-based), its name if it had one, and why.
    pub skipped: Vec<(usize, String, Skip)>,
    /// Entry number, name, and what was left out of it.
    pub notes: Vec<(usize, String, Note)>,
}

/// An entry read from a file, or why it could not be read.
pub type FileEntry = (usize, std::result::Result<Parsed, (String, Skip)>);

#[derive(Serialize, Deserialize)]
struct StoredPhone {
    number: String,
    #[serde(rename = "type")]
    kind: String,
    #[serde(default)]
    note: String,
}

const COLUMNS: &str = "id, uid, name, alternate_name, organization, description, audience, \
    min_age, max_age, categories, phones, chat, web, email, address, address_withheld, national, \
    areas, hours, languages, free, anonymous, alert, alert_until, status, internal_note, \
    last_verified_at, verified_by, source";

fn lines(s: &str) -> Vec<String> {
    s.lines()
        .filter(|l| !l.is_empty())
        .map(str::to_string)
        .collect()
}

/// A problem report, as `problems_since` and `open_problem` select it.
fn problem_row(r: &Row) -> rusqlite::Result<ProblemReport> {
    Ok(ProblemReport {
        id: r.get(0)?,
        service_id: r.get(1)?,
        service_name: r.get(2)?,
        kind: stored_key(r, 3, "problem kind", ProblemKind::from_key)?,
        note: r.get(4)?,
        at: stamp(r, 5)?,
        by: r.get(6)?,
    })
}

fn from_row(r: &Row) -> rusqlite::Result<std::result::Result<Service, StoreError>> {
    let phones: String = r.get(10)?;
    let status: String = r.get(24)?;
    let alert_until: Option<String> = r.get(23)?;
    let verified = opt_stamp(r, 26)?;
    let tri = |i: usize| -> rusqlite::Result<Option<bool>> {
        Ok(r.get::<_, Option<i64>>(i)?.map(|v| v != 0))
    };
    let age = |i: usize| -> rusqlite::Result<Option<u32>> {
        Ok(r.get::<_, Option<i64>>(i)?
            .and_then(|v| u32::try_from(v).ok()))
    };
    let mut s = Service {
        id: r.get(0)?,
        uid: r.get(1)?,
        name: r.get(2)?,
        alternate_name: r.get(3)?,
        organization: r.get(4)?,
        description: r.get(5)?,
        audience: r.get(6)?,
        min_age: age(7)?,
        max_age: age(8)?,
        categories: lines(&r.get::<_, String>(9)?),
        phones: Vec::new(),
        chat: r.get(11)?,
        web: r.get(12)?,
        email: r.get(13)?,
        address: r.get(14)?,
        address_withheld: r.get::<_, i64>(15)? != 0,
        national: r.get::<_, i64>(16)? != 0,
        areas: lines(&r.get::<_, String>(17)?),
        hours: Hours::parse(&r.get::<_, String>(18)?),
        languages: lines(&r.get::<_, String>(19)?),
        free: tri(20)?,
        anonymous: tri(21)?,
        alert: r.get(22)?,
        alert_until: None,
        status: Status::Active,
        internal_note: r.get(25)?,
        last_verified_at: None,
        verified_by: r.get(27)?,
        source: r.get(28)?,
    };
    let finish = move || -> Result<Service> {
        let stored: Vec<StoredPhone> =
            serde_json::from_str(&phones).map_err(|_| StoreError::BadData("phones"))?;
        s.phones = stored
            .into_iter()
            .filter_map(|p| {
                Some(PhoneLine {
                    number: Phone::from_normalised(&p.number)?,
                    kind: PhoneKind::from_key(&p.kind).unwrap_or_default(),
                    note: p.note,
                })
            })
            .collect();
        s.status = Status::from_key(&status).ok_or(StoreError::BadData("status"))?;
        s.alert_until = alert_until
            .map(|d| {
                NaiveDate::parse_from_str(&d, "%Y-%m-%d")
                    .map_err(|_| StoreError::BadData("alert_until"))
            })
            .transpose()?;
        s.last_verified_at = verified;
        Ok(s)
    };
    Ok(finish())
}

fn get_service(conn: &Connection, id: i64) -> Result<Option<Service>> {
    let sql = format!("SELECT {COLUMNS} FROM services WHERE id = ?1");
    conn.prepare_cached(&sql)?
        .query_row(params![id], from_row)
        .optional()?
        .transpose()
}

fn phones_json(s: &Service) -> String {
    let v: Vec<StoredPhone> = s
        .phones
        .iter()
        .map(|p| StoredPhone {
            number: p.number.as_str().to_string(),
            kind: p.kind.key().to_string(),
            note: p.note.clone(),
        })
        .collect();
    serde_json::to_string(&v).unwrap_or_else(|_| "[]".into())
}

fn new_uid(tx: &Transaction) -> Result<String> {
    let bytes: Vec<u8> = tx.query_row("SELECT randomblob(16)", [], |r| r.get(0))?;
    let mut b = [0u8; 16];
    b.copy_from_slice(bytes.get(..16).ok_or(StoreError::BadData("random"))?);
    Ok(ids::format_uuid(b, 4))
}

/// Writes an entry (new when `id` is `None`) and its index rows.
fn write_service(
    tx: &Transaction,
    id: Option<i64>,
    s: &Service,
    actor: &str,
    now: DateTime<Utc>,
) -> Result<i64> {
    s.check().map_err(|_| StoreError::BadData("service"))?;
    let uid = if s.uid.is_empty() {
        new_uid(tx)?
    } else {
        s.uid.clone()
    };
    let values = params![
        uid,
        s.name.trim(),
        s.alternate_name,
        s.organization,
        s.description,
        s.audience,
        s.min_age,
        s.max_age,
        s.categories.join("\n"),
        phones_json(s),
        s.chat,
        s.web,
        s.email,
        s.address,
        s.address_withheld,
        s.national,
        s.areas.join("\n"),
        s.hours.to_text(),
        s.languages.join("\n"),
        s.free,
        s.anonymous,
        s.alert,
        s.alert_until.map(|d| d.format("%Y-%m-%d").to_string()),
        s.status.key(),
        s.internal_note,
        s.last_verified_at.map(ts),
        s.verified_by,
        s.source,
        s.search_name(),
        ts(now),
        actor,
    ];
    let id = match id {
        None => {
            tx.prepare_cached(
                "INSERT INTO services(uid, name, alternate_name, organization, description, audience,
                     min_age, max_age, categories, phones, chat, web, email, address, address_withheld,
                     national, areas, hours, languages, free, anonymous, alert, alert_until, status,
                     internal_note, last_verified_at, verified_by, source, search_name,
                     created_at, created_by, updated_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17,
                     ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25, ?26, ?27, ?28, ?29, ?30, ?31, ?30)",
            )?
            .execute(values)?;
            tx.last_insert_rowid()
        }
        Some(id) => {
            let n = tx
                .prepare_cached(
                    "UPDATE services SET uid = ?1, name = ?2, alternate_name = ?3, organization = ?4,
                         description = ?5, audience = ?6, min_age = ?7, max_age = ?8, categories = ?9,
                         phones = ?10, chat = ?11, web = ?12, email = ?13, address = ?14,
                         address_withheld = ?15, national = ?16, areas = ?17, hours = ?18,
                         languages = ?19, free = ?20, anonymous = ?21, alert = ?22, alert_until = ?23,
                         status = ?24, internal_note = ?25, last_verified_at = ?26, verified_by = ?27,
                         source = ?28, search_name = ?29, updated_at = ?30
                     WHERE id = ?32 AND ?31 = ?31",
                )?
                .execute(rusqlite::params_from_iter(
                    values.iter().copied().chain(std::iter::once(&id as &dyn rusqlite::ToSql)),
                ))?;
            if n == 0 {
                return Err(StoreError::NotFound);
            }
            id
        }
    };
    reindex(tx, id, s)?;
    Ok(id)
}

/// Brings the search index and the join tables in step with one entry.
fn reindex(tx: &Transaction, id: i64, s: &Service) -> Result<()> {
    tx.prepare_cached("DELETE FROM services_fts WHERE rowid = ?1")?
        .execute(params![id])?;
    tx.prepare_cached("DELETE FROM service_categories WHERE service_id = ?1")?
        .execute(params![id])?;
    tx.prepare_cached("DELETE FROM service_areas WHERE service_id = ?1")?
        .execute(params![id])?;
    tx.prepare_cached("INSERT INTO services_fts(rowid, name, body) VALUES (?1, ?2, ?3)")?
        .execute(params![id, s.index_name(), s.index_body()])?;
    for c in &s.categories {
        tx.prepare_cached(
            "INSERT OR IGNORE INTO service_categories(service_id, category) VALUES (?1, ?2)",
        )?
        .execute(params![id, c])?;
        tx.prepare_cached(
            "INSERT OR IGNORE INTO categories(key, name_nb, name_en) VALUES (?1, ?1, ?1)",
        )?
        .execute(params![c])?;
    }
    for a in &s.areas {
        tx.prepare_cached("INSERT OR IGNORE INTO service_areas(service_id, area) VALUES (?1, ?2)")?
            .execute(params![id, fold::fold(a)])?;
    }
    Ok(())
}

/// Rebuilds every entry's index rows (migration 11: phone digits joined
/// the index).
pub(super) fn reindex_all(tx: &Transaction) -> Result<()> {
    let sql = format!("SELECT {COLUMNS} FROM services");
    let all: Vec<Service> = tx
        .prepare(&sql)?
        .query_map([], from_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?
        .into_iter()
        .collect::<Result<_>>()?;
    for s in &all {
        reindex(tx, s.id, s)?;
    }
    Ok(())
}

fn status_rank(s: Status) -> u8 {
    match s {
        Status::Active => 0,
        Status::DoNotRefer => 1,
        Status::Closed => 2,
    }
}

/// Imports the starter list once, on the first open after migration 3.
pub(super) fn seed_if_pending(store: &mut Store) -> Result<()> {
    let pending: i64 = store.conn().query_row(
        "SELECT coalesce(max(pending), 0) FROM directory_seed",
        [],
        |r| r.get(0),
    )?;
    if pending == 0 {
        return Ok(());
    }
    let now = Utc::now();
    store.write(|tx| {
        // Re-read inside the write lock: another terminal may have seeded.
        let pending: i64 = tx.query_row(
            "SELECT coalesce(max(pending), 0) FROM directory_seed",
            [],
            |r| r.get(0),
        )?;
        if pending == 0 {
            return Ok(());
        }
        for s in directory::seed::starter_services() {
            let exists: Option<i64> = tx
                .query_row(
                    "SELECT id FROM services WHERE uid = ?1",
                    params![s.uid],
                    |r| r.get(0),
                )
                .optional()?;
            if exists.is_none() {
                write_service(tx, None, &s, SEED_ACTOR, now)?;
            }
        }
        tx.execute("UPDATE directory_seed SET pending = 0", [])?;
        audit::record(tx, now, SEED_ACTOR, "seed", "service", None, None)?;
        Ok(())
    })
}

impl Store {
    /// Adds an entry; returns its id.
    pub fn add_service(&mut self, s: &Service, actor: &str, now: DateTime<Utc>) -> Result<i64> {
        self.write(|tx| {
            let id = write_service(tx, None, s, actor, now)?;
            audit::record(tx, now, actor, "add", "service", Some(id), None)?;
            Ok(id)
        })
    }

    /// Saves an edited entry. Who verified it and when stay as they were.
    pub fn update_service(
        &mut self,
        id: i64,
        s: &Service,
        actor: &str,
        now: DateTime<Utc>,
    ) -> Result<()> {
        self.write(|tx| {
            let before = get_service(tx, id)?.ok_or(StoreError::NotFound)?;
            let mut s = s.clone();
            s.uid = before.uid;
            s.last_verified_at = before.last_verified_at;
            s.verified_by = before.verified_by;
            write_service(tx, Some(id), &s, actor, now)?;
            audit::record(tx, now, actor, "edit", "service", Some(id), None)?;
            Ok(())
        })
    }

    /// Changes whether the service may be given out (deactivate = closed).
    pub fn set_service_status(
        &mut self,
        id: i64,
        status: Status,
        actor: &str,
        now: DateTime<Utc>,
    ) -> Result<()> {
        self.write(|tx| {
            let n = tx.execute(
                "UPDATE services SET status = ?2, updated_at = ?3 WHERE id = ?1",
                params![id, status.key(), ts(now)],
            )?;
            if n == 0 {
                return Err(StoreError::NotFound);
            }
            audit::record(
                tx,
                now,
                actor,
                "status",
                "service",
                Some(id),
                Some(status.key()),
            )
        })
    }

    /// Records that `actor` confirmed the entry is correct, now.
    pub fn verify_service(&mut self, id: i64, actor: &str, now: DateTime<Utc>) -> Result<()> {
        self.write(|tx| {
            let n = tx.execute(
                "UPDATE services SET last_verified_at = ?2, verified_by = ?3 WHERE id = ?1",
                params![id, ts(now), actor],
            )?;
            if n == 0 {
                return Err(StoreError::NotFound);
            }
            audit::record(tx, now, actor, "verify", "service", Some(id), None)
        })
    }

    /// Records a problem with a service (shown at handover).
    pub fn report_problem(
        &mut self,
        service_id: i64,
        kind: ProblemKind,
        note: &str,
        actor: &str,
        now: DateTime<Utc>,
    ) -> Result<i64> {
        self.write(|tx| {
            if get_service(tx, service_id)?.is_none() {
                return Err(StoreError::NotFound);
            }
            let note: String = note.trim().chars().take(directory::MAX_SHORT).collect();
            tx.execute(
                "INSERT INTO service_problems(service_id, kind, note, at, by) VALUES (?1, ?2, ?3, ?4, ?5)",
                params![service_id, kind.key(), note, ts(now), actor],
            )?;
            let id = tx.last_insert_rowid();
            audit::record(tx, now, actor, "problem", "service", Some(service_id), Some(kind.key()))?;
            Ok(id)
        })
    }

    /// Records that a service was given to the caller of a callback (or in
    /// a log note). Only the link is stored, never the caller's data.
    pub fn refer(
        &mut self,
        service_id: i64,
        callback_id: Option<i64>,
        note_id: Option<i64>,
        actor: &str,
        now: DateTime<Utc>,
    ) -> Result<i64> {
        if callback_id.is_none() && note_id.is_none() {
            return Err(StoreError::BadData("referral target"));
        }
        self.write(|tx| {
            let s = get_service(tx, service_id)?.ok_or(StoreError::NotFound)?;
            if s.status != Status::Active {
                return Err(StoreError::Closed);
            }
            if let Some(cb) = callback_id {
                let open: Option<String> = tx
                    .query_row("SELECT status FROM callbacks WHERE id = ?1", params![cb], |r| r.get(0))
                    .optional()?;
                match open.as_deref() {
                    None => return Err(StoreError::NotFound),
                    Some("open") => {}
                    Some(_) => return Err(StoreError::Closed),
                }
            }
            tx.execute(
                "INSERT INTO referrals(service_id, callback_id, note_id, at, by) VALUES (?1, ?2, ?3, ?4, ?5)",
                params![service_id, callback_id, note_id, ts(now), actor],
            )?;
            let id = tx.last_insert_rowid();
            audit::record(tx, now, actor, "refer", "referral", Some(id), None)?;
            Ok(id)
        })
    }

    /// Takes back a referral just recorded (the volunteer's undo): it is
    /// deleted, and the audit log says so. `NotFound` if it is gone.
    pub fn undo_referral(&mut self, id: i64, actor: &str, now: DateTime<Utc>) -> Result<()> {
        self.write(|tx| {
            let n = tx.execute("DELETE FROM referrals WHERE id = ?1", params![id])?;
            if n == 0 {
                return Err(StoreError::NotFound);
            }
            audit::record(tx, now, actor, "undo", "referral", Some(id), None)?;
            Ok(())
        })
    }

    /// Services referred to a callback, oldest first: (service id, when).
    pub fn referrals_for_callback(&self, callback_id: i64) -> Result<Vec<(i64, DateTime<Utc>)>> {
        Ok(self
            .conn()
            .prepare_cached(
                "SELECT service_id, at FROM referrals WHERE callback_id = ?1 ORDER BY at, id",
            )?
            .query_map(params![callback_id], |r| Ok((r.get(0)?, stamp(r, 1)?)))?
            .collect::<rusqlite::Result<_>>()?)
    }

    /// The services referred to on each of `callback_ids` that has any,
    /// oldest first, with their names (what [`Store::referrals_of`] says
    /// for each), read with one statement.
    pub fn referrals_of_each(
        &self,
        callback_ids: &[i64],
    ) -> Result<std::collections::HashMap<i64, Vec<crate::domain::item::Referral>>> {
        let mut out: std::collections::HashMap<i64, Vec<crate::domain::item::Referral>> =
            std::collections::HashMap::new();
        if callback_ids.is_empty() {
            return Ok(out);
        }
        let list = serde_json::to_string(callback_ids).map_err(|_| StoreError::BadData("ids"))?;
        let mut stmt = self.conn().prepare_cached(
            "SELECT r.callback_id, s.name, r.at FROM referrals r JOIN services s ON s.id = r.service_id
             WHERE r.callback_id IN (SELECT value FROM json_each(?1))
             ORDER BY r.callback_id, r.at, r.id",
        )?;
        let rows = stmt.query_map(params![list], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                crate::domain::item::Referral {
                    service: r.get(1)?,
                    at: stamp(r, 2)?,
                },
            ))
        })?;
        for row in rows {
            let (id, referral) = row?;
            out.entry(id).or_default().push(referral);
        }
        Ok(out)
    }

    /// How many times a service has been given out (a count kept by
    /// triggers, migration 14: counting the referrals each time read the
    /// whole of a much-used service's range of the index).
    pub fn referral_count(&self, service_id: i64) -> Result<u64> {
        let n: i64 = self
            .conn()
            .prepare_cached(
                "SELECT coalesce((SELECT n FROM service_referral_counts WHERE service_id = ?1), 0)",
            )?
            .query_row(params![service_id], |r| r.get(0))?;
        Ok(n as u64)
    }

    /// Problems reported at or after `since`, oldest first (for handover).
    pub fn problems_since(&self, since: DateTime<Utc>) -> Result<Vec<ProblemReport>> {
        Ok(self
            .conn()
            .prepare_cached(
                "SELECT p.id, p.service_id, s.name, p.kind, p.note, p.at, p.by
                 FROM service_problems p JOIN services s ON s.id = p.service_id
                 WHERE p.at >= ?1 ORDER BY p.at, p.id",
            )?
            .query_map(params![ts(since)], problem_row)?
            .collect::<rusqlite::Result<_>>()?)
    }

    /// Which of `ids` have a problem reported since they were last
    /// verified (what [`Store::open_problem`] would answer for each).
    pub fn open_problem_among(&self, ids: &[i64]) -> Result<std::collections::HashSet<i64>> {
        if ids.is_empty() {
            return Ok(std::collections::HashSet::new());
        }
        // One statement for the whole list; the problems (few) are read
        // first, an entry only when it has one.
        let list = serde_json::to_string(ids).map_err(|_| StoreError::BadData("ids"))?;
        Ok(self
            .conn()
            .prepare_cached(
                "SELECT DISTINCT p.service_id FROM service_problems p CROSS JOIN services s
                 WHERE p.service_id IN (SELECT value FROM json_each(?1)) AND s.id = p.service_id
                   AND p.at > coalesce(s.last_verified_at, '')",
            )?
            .query_map(params![list], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?)
    }

    /// The latest problem reported about a service since it was last
    /// verified (a verification answers every report before it): what the
    /// entry shows until someone has checked it.
    pub fn open_problem(&self, service_id: i64) -> Result<Option<ProblemReport>> {
        Ok(self
            .conn()
            .prepare_cached(
                "SELECT p.id, p.service_id, s.name, p.kind, p.note, p.at, p.by
                 FROM service_problems p JOIN services s ON s.id = p.service_id
                 WHERE p.service_id = ?1 AND p.at > coalesce(s.last_verified_at, '')
                 ORDER BY p.at DESC, p.id DESC LIMIT 1",
            )?
            .query_row(params![service_id], problem_row)
            .optional()?)
    }

    pub fn service(&self, id: i64) -> Result<Option<Service>> {
        get_service(self.conn(), id)
    }

    /// Every entry, by name (for export).
    pub fn all_services(&self) -> Result<Vec<Service>> {
        let sql = format!("SELECT {COLUMNS} FROM services ORDER BY search_name, id");
        let mut stmt = self.conn().prepare(&sql)?;
        let rows = stmt
            .query_map([], from_row)?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        rows.into_iter().collect()
    }

    pub fn service_count(&self) -> Result<u64> {
        let n: i64 = self.conn().query_row(
            "SELECT count(*) FROM services WHERE status != 'closed'",
            [],
            |r| r.get(0),
        )?;
        Ok(n as u64)
    }

    /// The category list, defaults first.
    pub fn categories(&self) -> Result<Vec<Category>> {
        Ok(self
            .conn()
            .prepare_cached("SELECT key, name_nb, name_en FROM categories ORDER BY sort, key")?
            .query_map([], |r| {
                Ok(Category {
                    key: r.get(0)?,
                    name_nb: r.get(1)?,
                    name_en: r.get(2)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?)
    }

    /// Searches the directory; see the module comment for the ranking.
    pub fn search_services(&self, q: &SearchQuery) -> Result<Vec<Service>> {
        Ok(self.search_directory(q)?.services)
    }

    /// Searches the directory and says how the query was read (a typo
    /// corrected, a place taken as a filter); see the module comment.
    pub fn search_directory(&self, q: &SearchQuery) -> Result<SearchResult> {
        let limit = q.limit.clamp(1, 1000);
        let conn = self.conn();
        let phone = fold::phone_digits(q.text);
        let mut tokens = match &phone {
            Some(digits) => vec![digits.clone()],
            None => fold::query_tokens(q.text),
        };
        let place = match phone {
            Some(_) => None,
            None => take_place(conn, &mut tokens)?,
        };
        let is_phone = phone.is_some();
        // A municipality's county: a set of area names, from the list of
        // municipalities (no look-up per row).
        let counties = place
            .as_deref()
            .map(crate::directory::places::counties_of)
            .unwrap_or_default();
        let mut result = SearchResult {
            place: place.clone(),
            county: (!counties.is_empty()).then(|| counties.join(", ")),
            ..SearchResult::default()
        };
        let counties: Vec<String> = counties.iter().map(|c| fold::fold(c)).collect();
        let place = place.map(|p| (p, counties));
        // One more than asked for tells whether the list was cut.
        let mut found = search_tiers(conn, q, &tokens, place.as_ref(), limit + 1)?;
        if found.is_empty()
            && !is_phone
            && !tokens.is_empty()
            && let Some(better) = correct_typos(conn, &tokens)?
        {
            found = search_tiers(conn, q, &better, place.as_ref(), limit + 1)?;
            if !found.is_empty() {
                result.corrected = Some(better.join(" "));
            }
        }
        result.more = found.len() > limit;
        found.truncate(limit);
        if result.place.is_some() {
            result.local_found = found.iter().any(|(g, _)| *g == Group::Local);
            result.county_found = found.iter().any(|(g, _)| *g == Group::County);
        }
        result.services = found.into_iter().map(|(_, s)| s).collect();
        Ok(result)
    }

    /// Imports entries read from a file in one transaction: all of it is
    /// saved or none of it. Entries are matched to existing ones by id,
    /// else by name and organisation.
    pub fn import_services(
        &mut self,
        entries: Vec<FileEntry>,
        actor: &str,
        now: DateTime<Utc>,
    ) -> Result<ImportReport> {
        self.write(|tx| {
            let mut report = ImportReport::default();
            let mut seen_uid = std::collections::HashSet::new();
            let mut seen_name = std::collections::HashSet::new();
            for (n, entry) in entries {
                let parsed = match entry {
                    Ok(p) => p,
                    Err((name, why)) => {
                        report.skipped.push((n, name, why));
                        continue;
                    }
                };
                let mut s = parsed.service;
                let name_key = (s.search_name(), fold::fold(&s.organization));
                if (!s.uid.is_empty() && !seen_uid.insert(s.uid.clone()))
                    || !seen_name.insert(name_key.clone())
                {
                    report.skipped.push((n, s.name.clone(), Skip::Duplicate));
                    continue;
                }
                let by_uid: Option<i64> = if s.uid.is_empty() {
                    None
                } else {
                    tx.prepare_cached("SELECT id FROM services WHERE uid = ?1")?
                        .query_row(params![s.uid], |r| r.get(0))
                        .optional()?
                };
                let existing = match by_uid {
                    Some(id) => Some(id),
                    None => {
                        let rows: Vec<(i64, String)> = tx
                            .prepare_cached(
                                "SELECT id, organization FROM services WHERE search_name = ?1",
                            )?
                            .query_map(params![name_key.0], |r| Ok((r.get(0)?, r.get(1)?)))?
                            .collect::<rusqlite::Result<_>>()?;
                        rows.into_iter()
                            .find(|(_, o)| fold::fold(o) == name_key.1)
                            .map(|(id, _)| id)
                    }
                };
                for note in parsed.notes {
                    report.notes.push((n, s.name.clone(), note));
                }
                match existing {
                    Some(id) => {
                        let before = get_service(tx, id)?.ok_or(StoreError::NotFound)?;
                        s.id = id;
                        if s.uid.is_empty() {
                            s.uid = before.uid.clone();
                        }
                        if s == before {
                            report.unchanged += 1;
                        } else {
                            write_service(tx, Some(id), &s, actor, now)?;
                            report.updated += 1;
                        }
                    }
                    None => {
                        write_service(tx, None, &s, actor, now)?;
                        report.added += 1;
                    }
                }
            }
            let detail = format!("added {} updated {}", report.added, report.updated);
            audit::record(tx, now, actor, "import", "service", None, Some(&detail))?;
            Ok(report)
        })
    }
}

/// The longest run of query words (up to three) that names a place some
/// service serves, taken out of `tokens`; the place, folded.
fn take_place(conn: &Connection, tokens: &mut Vec<String>) -> Result<Option<String>> {
    use crate::directory::places::{PlaceName, place_name};
    let mut served = conn.prepare_cached("SELECT 1 FROM service_areas WHERE area = ?1 LIMIT 1")?;
    let mut named =
        conn.prepare_cached("SELECT 1 FROM services_fts WHERE services_fts MATCH ?1 LIMIT 1")?;
    for len in (1..=tokens.len().min(3)).rev() {
        for at in 0..=tokens.len() - len {
            let name = tokens[at..at + len].join(" ");
            if name.chars().count() < 3 || fold::is_little_word(&name) {
                continue;
            }
            // A place some entry serves, a municipality or county, or a
            // municipality whose name is also a word when an entry names it.
            let is_place = served.exists(params![name])?
                || match place_name(&name) {
                    PlaceName::Place => true,
                    PlaceName::AlsoWord => named.exists(params![name_phrase(&name)])?,
                    PlaceName::Unknown => false,
                };
            if is_place {
                tokens.drain(at..at + len);
                return Ok(Some(name));
            }
        }
    }
    Ok(None)
}

/// Whether under a thousand entries name one of `areas` (folded) among
/// their areas; counted no further.
fn few_in_areas(conn: &Connection, areas: &[String]) -> Result<bool> {
    const FEW: usize = 1000;
    let marks = vec!["?"; areas.len()].join(", ");
    let sql = format!(
        "SELECT count(*) FROM (SELECT 1 FROM service_areas WHERE area IN ({marks}) LIMIT {FEW})"
    );
    let n: i64 = conn
        .prepare_cached(&sql)?
        .query_row(rusqlite::params_from_iter(areas), |r| r.get(0))?;
    Ok(usize::try_from(n).unwrap_or(FEW) < FEW)
}

/// The index query for `place` as a phrase in the name column (a place
/// is folded: letters, digits and single spaces).
fn name_phrase(place: &str) -> String {
    format!("name : \"{}\"", place.replace('"', ""))
}

/// Whether few entries (under a thousand by their areas, and under a
/// thousand by a name with the place) serve `place`; counted no further.
fn few_serve(conn: &Connection, place: &str) -> Result<bool> {
    const FEW: i64 = 1000;
    let n: i64 = conn
        .prepare_cached(
            "SELECT (SELECT count(*) FROM (SELECT 1 FROM service_areas WHERE area = ?1 LIMIT ?3))
                  + (SELECT count(*) FROM (SELECT 1 FROM services_fts WHERE services_fts MATCH ?2 LIMIT ?3))",
        )?
        .query_row(
            params![place, name_phrase(place), FEW],
            |r| r.get(0),
        )?;
    Ok(n < FEW)
}

/// Whether some entry has a word starting with `token` (the index's answer).
fn any_prefix(conn: &Connection, token: &str) -> Result<bool> {
    Ok(conn
        .prepare_cached("SELECT 1 FROM services_fts WHERE services_fts MATCH ?1 LIMIT 1")?
        .exists(params![fold::fts_query(&[token.to_string()], None)])?)
}

/// The query with each word no entry has replaced by what the index does
/// have: two words of the index written together (`krisesenter` where the
/// entry says "krise senter"), else the index word nearest by
/// [`fold::typo_distance`] within [`fold::typo_budget`], the one in most
/// entries on a tie. Only words of the index that start with the same
/// letter are compared (a typo in the first letter is not guessed), which
/// keeps this to a range of the index's vocabulary. `None` when nothing
/// was changed.
fn correct_typos(conn: &Connection, tokens: &[String]) -> Result<Option<Vec<String>>> {
    let mut out = Vec::with_capacity(tokens.len());
    let mut changed = false;
    for t in tokens {
        if fold::is_little_word(t) || t.chars().count() < 4 || any_prefix(conn, t)? {
            out.push(t.clone());
            continue;
        }
        if let Some((a, b)) = split_compound(conn, t)? {
            out.push(a);
            out.push(b);
            changed = true;
            continue;
        }
        match nearest_term(conn, t)? {
            Some(term) => {
                out.push(term);
                changed = true;
            }
            None => out.push(t.clone()),
        }
    }
    Ok(changed.then_some(out))
}

/// `token` as a whole word of the index followed by the start of another
/// (each part at least three letters), the longest first part first.
fn split_compound(conn: &Connection, token: &str) -> Result<Option<(String, String)>> {
    let chars: Vec<char> = token.chars().collect();
    let mut whole = conn.prepare_cached("SELECT 1 FROM services_vocab WHERE term = ?1")?;
    for cut in (3..=chars.len().saturating_sub(3)).rev() {
        let a: String = chars[..cut].iter().collect();
        let b: String = chars[cut..].iter().collect();
        if whole.exists(params![a])? && any_prefix(conn, &b)? {
            return Ok(Some((a, b)));
        }
    }
    Ok(None)
}

/// The word of the index nearest to `token` that starts with its letter.
fn nearest_term(conn: &Connection, token: &str) -> Result<Option<String>> {
    let budget = fold::typo_budget(token);
    let Some(first) = token.chars().next() else {
        return Ok(None);
    };
    if budget == 0 || !first.is_alphabetic() {
        return Ok(None);
    }
    let lo = first.to_string();
    let hi = format!("{first}\u{10FFFF}");
    let n = token.chars().count();
    let mut best: Option<(usize, std::cmp::Reverse<i64>, String)> = None;
    let mut stmt =
        conn.prepare_cached("SELECT term, doc FROM services_vocab WHERE term >= ?1 AND term < ?2")?;
    let mut rows = stmt.query(params![lo, hi])?;
    while let Some(r) = rows.next()? {
        let term: String = r.get(0)?;
        let len = term.chars().count();
        // A shorter word must be within the budget as a whole word.
        if len + budget < n {
            continue;
        }
        let d = fold::typo_distance(token, &term);
        if d == 0 || d > budget {
            continue;
        }
        let key = (d, std::cmp::Reverse(r.get::<_, i64>(1)?), term);
        if best.as_ref().is_none_or(|b| key < *b) {
            best = Some(key);
        }
    }
    Ok(best.map(|(_, _, t)| t))
}

/// Which group of a place search a result came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Group {
    /// Serves the place itself (or no place was named).
    Local,
    /// Serves the place's county.
    County,
    /// National, or (with no place) the rest.
    Other,
}

/// The ranked tiers for `tokens` under the query's filters, each with its
/// group. With a place (and, for a municipality, its counties, folded),
/// the services that serve the place come first, then those that name one
/// of its counties among their areas, then the national ones (each group
/// ranked by tier, status and name).
fn search_tiers(
    conn: &Connection,
    q: &SearchQuery,
    tokens: &[String],
    place: Option<&(String, Vec<String>)>,
    limit: usize,
) -> Result<Vec<(Group, Service)>> {
    let filtered = q.open_at.is_some();
    // When a filter is applied after reading, read more candidates.
    let cand = if filtered {
        (limit * 10).min(2000)
    } else {
        limit
    };
    let mut filters = String::new();
    if !q.include_closed {
        filters.push_str(" AND s.status != 'closed'");
    }
    if q.category.is_some() {
        filters.push_str(" AND EXISTS (SELECT 1 FROM service_categories c WHERE c.service_id = s.id AND c.category = :cat)");
    }
    if q.municipality.is_some() {
        filters.push_str(
            " AND (s.national = 1 OR EXISTS (SELECT 1 FROM service_areas a WHERE a.service_id = s.id AND a.area = :area))",
        );
    }
    // Serving the place: it is among the entry's areas, or its name has
    // the place as whole words ("Krisesenteret for Tromsø og omegn" may
    // list only the county). Two ways to ask the same thing, chosen by
    // how many entries serve the place (measured on 100 000 entries, see
    // docs/performance.md): a few are best read as one set, worked out
    // once; many are best checked row by row, where a page fills fast.
    // (Asking the search index once per row read took seconds.)
    const LOCAL_SET: &str = "s.id IN (SELECT service_id FROM service_areas WHERE area = :place
        UNION SELECT n.id FROM services n WHERE n.id IN
            (SELECT rowid FROM services_fts WHERE services_fts MATCH :place_m)
          AND (' ' || n.search_name || ' ') LIKE :place_like)";
    const LOCAL_ROW: &str =
        "(EXISTS (SELECT 1 FROM service_areas p WHERE p.area = :place AND p.service_id = s.id)
        OR (' ' || s.search_name || ' ') LIKE :place_like)";
    // Serving the county: one of its names is among the entry's areas
    // (the place's own list, not the index), read as a set or row by row
    // by the same measure.
    let county_in = place
        .map(|(_, c)| {
            (0..c.len())
                .map(|i| format!(":county{i}"))
                .collect::<Vec<_>>()
                .join(", ")
        })
        .unwrap_or_default();
    let groups: Vec<(Group, String)> = match place {
        // Nothing typed: the national lines first (they serve every
        // caller, and most have a number), then the local services.
        None if tokens.is_empty() => vec![
            (Group::Local, format!("{filters} AND s.national = 1")),
            (Group::Other, format!("{filters} AND s.national = 0")),
        ],
        None => vec![(Group::Local, filters)],
        Some((p, counties)) => {
            let local = if few_serve(conn, p)? {
                LOCAL_SET
            } else {
                LOCAL_ROW
            };
            if counties.is_empty() {
                vec![
                    (Group::Local, format!("{filters} AND {local}")),
                    (
                        Group::Other,
                        format!("{filters} AND s.national = 1 AND NOT {local}"),
                    ),
                ]
            } else {
                let county = if few_in_areas(conn, counties)? {
                    format!(
                        "s.id IN (SELECT service_id FROM service_areas WHERE area IN ({county_in}))"
                    )
                } else {
                    format!(
                        "EXISTS (SELECT 1 FROM service_areas c WHERE c.area IN ({county_in}) AND c.service_id = s.id)"
                    )
                };
                vec![
                    (Group::Local, format!("{filters} AND {local}")),
                    (
                        Group::County,
                        format!("{filters} AND s.national = 0 AND {county} AND NOT {local}"),
                    ),
                    (
                        Group::Other,
                        format!("{filters} AND s.national = 1 AND NOT {local} AND NOT {county}"),
                    ),
                ]
            }
        }
    };
    let counties: &[String] = place.map(|(_, c)| c.as_slice()).unwrap_or_default();
    let county_names: Vec<String> = (0..counties.len()).map(|i| format!(":county{i}")).collect();
    let area = q.municipality.map(fold::fold).unwrap_or_default();
    let cat = q.category.unwrap_or("");
    // A phrase in the name column (the place is folded: letters, digits
    // and single spaces only).
    let place = place.map(|(p, _)| p.as_str());
    let place_m = place.map(name_phrase).unwrap_or_default();
    let place_like = place.map(|p| format!("% {p} %")).unwrap_or_default();
    let place = place.unwrap_or("");
    let mut found: Vec<Hit> = Vec::new();
    let mut seen = std::collections::HashSet::new();
    // A tier reads only what ranks an entry (`HIT`), not the entry.
    // `bound` is the statement's LIMIT, the same number on every call
    // (SQLite prepares a statement again whenever the value of a LIMIT
    // parameter changes); only the first `want` rows are stepped through,
    // and SQLite makes rows as they are stepped.
    let run = |found: &mut Vec<Hit>,
               seen: &mut std::collections::HashSet<i64>,
               tier: u8,
               group: Group,
               sql: String,
               extra: &[(&str, &dyn rusqlite::ToSql)],
               bound: usize,
               want: usize|
     -> Result<()> {
        let mut stmt = conn.prepare_cached(&sql)?;
        let mut named: Vec<(&str, &dyn rusqlite::ToSql)> = extra.to_vec();
        let bound = bound as i64;
        named.push((":lim", &bound));
        if q.category.is_some() {
            named.push((":cat", &cat));
        }
        if q.municipality.is_some() {
            named.push((":area", &area));
        }
        // Only the names the statement has (":place" also starts the
        // other two).
        if sql.contains(":place_m") {
            named.push((":place_m", &place_m));
        }
        if sql.contains(":place_like") {
            named.push((":place_like", &place_like));
        }
        if sql
            .replace(":place_m", "")
            .replace(":place_like", "")
            .contains(":place")
        {
            named.push((":place", &place));
        }
        for (name, county) in county_names.iter().zip(counties) {
            if sql.contains(name.as_str()) {
                named.push((name.as_str(), county));
            }
        }
        let mut rows = stmt.query(named.as_slice())?;
        for _ in 0..want {
            let Some(r) = rows.next()? else {
                break;
            };
            let hit = Hit::read(r, tier, group, filtered)?;
            if seen.insert(hit.id) {
                found.push(hit);
            }
        }
        Ok(())
    };
    for (g, (group, filters)) in groups.iter().enumerate() {
        let group = *group;
        let base = (g as u8) * 3;
        let need = cand.saturating_sub(found.len());
        if need == 0 {
            break;
        }
        if tokens.is_empty() {
            run(
                &mut found,
                &mut seen,
                base,
                group,
                format!(
                    "SELECT {HIT} FROM services s WHERE 1 {filters} ORDER BY s.search_name, s.id LIMIT :lim"
                ),
                &[],
                cand,
                need,
            )?;
            continue;
        }
        let goal = found.len() + need;
        let prefix = tokens.join(" ");
        let upper = format!("{prefix}\u{10FFFF}");
        run(
            &mut found,
            &mut seen,
            base,
            group,
            format!(
                "SELECT {HIT} FROM services s WHERE s.search_name >= :lo AND s.search_name < :hi {filters}
                 ORDER BY s.search_name, s.id LIMIT :lim"
            ),
            &[(":lo", &prefix), (":hi", &upper)],
            cand,
            need,
        )?;
        // The index is not asked for little words ("og", "i"): nearly
        // every entry has them. The name-prefix tier above used them.
        let tokens = fold::index_tokens(tokens);
        // The word being typed is usually the rarest. If it matches
        // nothing on its own (nor joined to the word before it), the AND
        // queries below cannot match either, and FTS5 would first read the
        // other words' whole doclists.
        let hopeless = tokens.len() > 1
            && tokens.last().is_some_and(|last| {
                let joined = format!("{}{last}", tokens[tokens.len() - 2]);
                !any_prefix(conn, last).unwrap_or(true)
                    && !any_prefix(conn, &joined).unwrap_or(true)
            });
        for (tier, column) in [(1u8, Some("name")), (2, None)] {
            if found.len() < goal && !hopeless {
                let m = fold::fts_query_compounds(&tokens, column);
                // Rows already found may come again: read as many more.
                let want = goal + found.len();
                run(
                    &mut found,
                    &mut seen,
                    base + tier,
                    group,
                    format!(
                        "SELECT {HIT} FROM services_fts f JOIN services s ON s.id = f.rowid
                         WHERE services_fts MATCH :m {filters} LIMIT :lim"
                    ),
                    &[(":m", &m)],
                    2 * cand,
                    want,
                )?;
            }
        }
    }
    if let Some((now, tz)) = q.open_at {
        found.retain(|h| h.hours.as_ref().and_then(|h| h.open_at(now, tz)) == Some(true));
    }
    found.sort_by(|a, b| {
        (a.tier, status_rank(a.status), &a.name, a.id).cmp(&(
            b.tier,
            status_rank(b.status),
            &b.name,
            b.id,
        ))
    });
    found.truncate(limit);
    // Only what is kept is read in full.
    let ids: Vec<i64> = found.iter().map(|h| h.id).collect();
    let mut full = services_by_id(conn, &ids)?;
    found
        .into_iter()
        .map(|h| {
            full.remove(&h.id)
                .map(|s| (h.group, s))
                .ok_or(StoreError::NotFound)
        })
        .collect()
}

/// What a search tier reads of each entry to rank it (the whole entry
/// is read only for those kept).
const HIT: &str = "s.id, s.name, s.status, s.hours";

/// One entry a tier found, with what ranks it.
struct Hit {
    tier: u8,
    group: Group,
    id: i64,
    /// The folded name, as [`Service::search_name`] folds it.
    name: String,
    status: Status,
    /// Read only when the search keeps what is open at an instant.
    hours: Option<Hours>,
}

impl Hit {
    fn read(r: &Row, tier: u8, group: Group, with_hours: bool) -> Result<Hit> {
        let status: String = r.get(2)?;
        Ok(Hit {
            tier,
            group,
            id: r.get(0)?,
            name: fold::fold(&r.get::<_, String>(1)?),
            status: Status::from_key(&status).ok_or(StoreError::BadData("status"))?,
            hours: if with_hours {
                Some(Hours::parse(&r.get::<_, String>(3)?))
            } else {
                None
            },
        })
    }
}

/// The entries with these ids, by id, read with one statement.
fn services_by_id(
    conn: &Connection,
    ids: &[i64],
) -> Result<std::collections::HashMap<i64, Service>> {
    if ids.is_empty() {
        return Ok(std::collections::HashMap::new());
    }
    let list = serde_json::to_string(ids).map_err(|_| StoreError::BadData("ids"))?;
    let sql =
        format!("SELECT {COLUMNS} FROM services WHERE id IN (SELECT value FROM json_each(?1))");
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt.query_map(params![list], from_row)?;
    let mut out = std::collections::HashMap::with_capacity(ids.len());
    for r in rows {
        let s = r??;
        out.insert(s.id, s);
    }
    Ok(out)
}

/// Fast bulk loading for benchmarks and tests: many entries in one
/// transaction, without an audit entry each.
pub fn bulk_insert(
    store: &mut Store,
    services: &[Service],
    actor: &str,
    now: DateTime<Utc>,
) -> Result<()> {
    store.write(|tx| {
        for s in services {
            write_service(tx, None, s, actor, now)?;
        }
        audit::record(tx, now, actor, "import", "service", None, Some("bulk"))
    })
}
