//! `vakt --version`: what a team sharing one database file needs to know
//! when a newer schema is refused — the release, the commit it was built
//! from, the schema it writes, the SQLite inside it, and whether it can open
//! an encrypted file.

use crate::i18n::{Lang, fill, shell};
use crate::store::SCHEMA_VERSION;

/// The commit recorded by build.rs, if the build knew it.
pub fn commit() -> Option<&'static str> {
    Some(env!("VAKT_COMMIT")).filter(|c| !c.is_empty())
}

/// Whether this build can open encrypted databases.
pub const ENCRYPTION: bool = cfg!(feature = "encryption");

pub fn text(lang: Lang) -> String {
    let commit = commit()
        .map(str::to_string)
        .unwrap_or_else(|| shell::VERSION_COMMIT_UNKNOWN.get(lang).to_string());
    let encryption = if ENCRYPTION {
        shell::VERSION_ENCRYPTION_ON
    } else {
        shell::VERSION_ENCRYPTION_OFF
    };
    [
        format!("vakt {}", env!("CARGO_PKG_VERSION")),
        fill(shell::VERSION_COMMIT.get(lang), &[("commit", &commit)]),
        fill(
            shell::VERSION_SCHEMA.get(lang),
            &[("schema", &SCHEMA_VERSION)],
        ),
        fill(
            shell::VERSION_SQLITE.get(lang),
            &[("version", &rusqlite::version())],
        ),
        encryption.get(lang).to_string(),
    ]
    .join("\n")
}
