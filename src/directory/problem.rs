//! What a person reported about a service (a wrong number, closed,
//! something else): the entry keeps a visible mark until it is verified
//! again. Stored by `store::directory`, worded by `i18n::directory`.

use chrono::{DateTime, Utc};

/// What a person reported about a service.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ProblemKind {
    WrongNumber,
    Closed,
    Other,
}

impl ProblemKind {
    pub const ALL: [ProblemKind; 3] = [
        ProblemKind::WrongNumber,
        ProblemKind::Closed,
        ProblemKind::Other,
    ];

    pub fn key(self) -> &'static str {
        match self {
            ProblemKind::WrongNumber => "wrong_number",
            ProblemKind::Closed => "closed",
            ProblemKind::Other => "other",
        }
    }

    pub fn from_key(s: &str) -> Option<ProblemKind> {
        ProblemKind::ALL.into_iter().find(|k| k.key() == s)
    }
}

/// A problem report, as the handover review lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProblemReport {
    pub id: i64,
    pub service_id: i64,
    pub service_name: String,
    pub kind: ProblemKind,
    pub note: String,
    pub at: DateTime<Utc>,
    pub by: String,
}
