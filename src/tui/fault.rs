//! A read from the database that failed, kept by the pane that tried it
//! and drawn in place of its rows: a failure never looks like empty data
//! ("No open callbacks" when the read failed is the worst answer a
//! helpline's queue can give).

use std::path::Path;

use super::app::Env;
use crate::i18n::{Lang, shell as s};
use crate::store::StoreError;

/// The last failed read of a pane, in the user's language.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ReadFault(Option<String>);

impl ReadFault {
    /// Records a failed read (a part read that worked says nothing about
    /// the rest, so success leaves the fault as it is).
    pub fn fail(&mut self, e: &StoreError, env: &Env) {
        self.fail_at(e, env.store.path(), env.lang);
    }

    /// Like [`ReadFault::fail`], outside a pane.
    pub fn fail_at(&mut self, e: &StoreError, path: &Path, lang: Lang) {
        self.0 = Some(read_error(e, path, lang));
    }

    /// The sentence to show instead of the pane's rows, if a read failed.
    pub fn message(&self) -> Option<&str> {
        self.0.as_deref()
    }

    pub fn is_set(&self) -> bool {
        self.0.is_some()
    }
}

/// "Could not read the database: …" with what went wrong and where.
pub fn read_error(e: &StoreError, path: &Path, lang: Lang) -> String {
    let why = crate::error::AppError::Db {
        path: path.to_path_buf(),
        err: e.clone(),
    }
    .message(lang);
    s::READ_FAILED.fill(lang, &[("why", &why)])
}
