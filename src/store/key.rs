//! Encryption at rest (SQLCipher), chosen at run time.
//!
//! Only builds with the `encryption` feature link SQLCipher; elsewhere
//! `PRAGMA key` would be silently ignored, so asking for a key there is an
//! error instead. The key is set once per process, before the first
//! database is opened, and every connection vakt opens (the store, the
//! start-up check, backups, restore) goes through [`open`], which sends
//! `PRAGMA key` first, before anything else reads the file.

use std::path::Path;
use std::sync::OnceLock;

use rusqlite::{Connection, OpenFlags};

static KEY: OnceLock<String> = OnceLock::new();

/// Whether this build can encrypt.
pub const AVAILABLE: bool = cfg!(feature = "encryption");

/// Why a key could not be used.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyError {
    /// This build has no SQLCipher.
    Unavailable,
    /// The passphrase or key file is empty.
    Empty,
}

/// Sets the key for every database this process opens. Call once, before
/// opening anything; later calls are ignored.
pub fn set(passphrase: String) -> Result<(), KeyError> {
    if !AVAILABLE {
        return Err(KeyError::Unavailable);
    }
    if passphrase.is_empty() {
        return Err(KeyError::Empty);
    }
    let _ = KEY.set(passphrase);
    Ok(())
}

/// Whether a key was given.
pub fn is_set() -> bool {
    KEY.get().is_some()
}

/// The key, for keying a backup the same way.
pub(crate) fn get() -> Option<&'static str> {
    KEY.get().map(String::as_str)
}

/// Reads a key file: its content without a trailing line break.
pub fn read_file(path: &Path) -> std::io::Result<String> {
    let text = std::fs::read_to_string(path)?;
    Ok(text.trim_end_matches(['\n', '\r']).to_string())
}

/// Opens a connection and, if a key is set, keys it before anything else.
pub fn open(path: &Path, flags: OpenFlags) -> rusqlite::Result<Connection> {
    let conn = Connection::open_with_flags(path, flags)?;
    super::register_functions(&conn)?;
    if let Some(k) = KEY.get() {
        conn.pragma_update(None, "key", k)?;
        // SQLCipher logs a failed HMAC check to stderr, which would draw
        // over the terminal app; vakt reports the error itself.
        let _ = conn.execute_batch("PRAGMA cipher_log_level = NONE;");
    }
    Ok(conn)
}
