//! The audit trail: who did what to which row, and when. It never holds the
//! caller's data itself — only the action, the kind of row and its id.

use chrono::{DateTime, Utc};
use rusqlite::{Transaction, params};

use super::Result;

/// Appends one audit entry inside the caller's transaction, so the entry
/// exists exactly when the change it describes does.
pub fn record(
    tx: &Transaction,
    at: DateTime<Utc>,
    actor: &str,
    action: &str,
    entity: &str,
    ref_id: Option<i64>,
    detail: Option<&str>,
) -> Result<()> {
    tx.execute(
        "INSERT INTO audit(at, actor, action, entity, ref_id, detail) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![
            super::ts(at),
            actor,
            action,
            entity,
            ref_id,
            detail
        ],
    )?;
    Ok(())
}
