//! Stored values that convert themselves to and from SQLite, so a row is
//! read in one step: an instant ([`Stamp`]) and a key of a closed set
//! ([`stored_key`]). A value the program cannot read surfaces as
//! `StoreError::BadData` naming what it was, never as an empty answer.

use chrono::{DateTime, Utc};
use rusqlite::types::{FromSql, FromSqlError, FromSqlResult, ToSql, ToSqlOutput, ValueRef};

use crate::timefmt::{parse_utc_text, utc_text};

/// An instant as the database keeps it: fixed-width UTC text
/// (`2026-11-23T14:00:00Z`), so string order is time order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Stamp(pub DateTime<Utc>);

impl ToSql for Stamp {
    fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
        Ok(ToSqlOutput::from(utc_text(self.0)))
    }
}

impl FromSql for Stamp {
    fn column_result(value: ValueRef<'_>) -> FromSqlResult<Self> {
        parse_utc_text(value.as_str()?)
            .map(Stamp)
            .ok_or_else(|| bad("timestamp"))
    }
}

/// Reads a column holding an instant.
pub fn stamp(row: &rusqlite::Row<'_>, i: usize) -> rusqlite::Result<DateTime<Utc>> {
    Ok(row.get::<_, Stamp>(i)?.0)
}

/// Reads a column that may hold an instant.
pub fn opt_stamp(row: &rusqlite::Row<'_>, i: usize) -> rusqlite::Result<Option<DateTime<Utc>>> {
    Ok(row.get::<_, Option<Stamp>>(i)?.map(|s| s.0))
}

/// Reads a column holding a key of a closed set (`"wrong_number"`), with
/// the type's own reader; `what` names it when the key is unknown.
pub fn stored_key<T>(
    row: &rusqlite::Row<'_>,
    i: usize,
    what: &'static str,
    read: impl FnOnce(&str) -> Option<T>,
) -> rusqlite::Result<T> {
    let text: String = row.get(i)?;
    read(&text).ok_or_else(|| {
        rusqlite::Error::FromSqlConversionFailure(
            i,
            rusqlite::types::Type::Text,
            Box::new(BadStored(what)),
        )
    })
}

/// A stored value this program cannot read: what it was.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BadStored(pub &'static str);

impl std::fmt::Display for BadStored {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "unreadable {}", self.0)
    }
}

impl std::error::Error for BadStored {}

fn bad(what: &'static str) -> FromSqlError {
    FromSqlError::Other(Box::new(BadStored(what)))
}

/// What a read failure was, when it was a value this program could not read.
pub(super) fn bad_stored(e: &rusqlite::Error) -> Option<&'static str> {
    match e {
        rusqlite::Error::FromSqlConversionFailure(_, _, inner) => {
            inner.downcast_ref::<BadStored>().map(|b| b.0)
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn an_instant_round_trips_and_a_bad_one_names_itself() {
        let c = rusqlite::Connection::open_in_memory().unwrap();
        let t = Utc.with_ymd_and_hms(2026, 11, 23, 14, 0, 0).unwrap();
        let (text, back): (String, DateTime<Utc>) = c
            .query_row("SELECT ?1, ?1", [Stamp(t)], |r| {
                Ok((r.get(0)?, stamp(r, 1)?))
            })
            .unwrap();
        assert_eq!(text, "2026-11-23T14:00:00Z");
        assert_eq!(back, t);
        let none = c.query_row("SELECT NULL", [], |r| opt_stamp(r, 0)).unwrap();
        assert_eq!(none, None);
        let e = c
            .query_row("SELECT 'yesterday'", [], |r| stamp(r, 0))
            .unwrap_err();
        assert_eq!(bad_stored(&e), Some("timestamp"));
        let e = c
            .query_row("SELECT 'purple'", [], |r| {
                stored_key(r, 0, "kind", |s| (s == "red").then_some(1))
            })
            .unwrap_err();
        assert_eq!(bad_stored(&e), Some("kind"));
    }
}
