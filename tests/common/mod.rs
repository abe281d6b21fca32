//! Helpers shared by the integration tests. All data is synthetic.
#![allow(dead_code)]

pub mod pty;
pub mod queue_fixture;
pub mod stats_fixture;

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use chrono::{DateTime, TimeZone, Utc};

use vakt::i18n::Lang;
use vakt::store::Store;
use vakt::tui::{App, theme::Theme};

/// Monday 23 November 2026, 10:42 in Oslo.
pub fn monday_morning() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 23, 9, 42, 0).unwrap()
}

/// A temporary folder with a database in it. No command creates a
/// database (only `vakt init`, `vakt demo` and the app's first start do),
/// so [`TestDb::new`] makes one the way `vakt init` does; [`TestDb::absent`]
/// leaves the path empty for tests about what happens before there is one.
///
/// In a build with the `encryption` feature every database here is
/// encrypted: made with [`TEST_KEY`], and the binary gets the key through
/// `VAKT_KEY_FILE`, so the same tests run against an encrypted file.
pub struct TestDb {
    pub dir: tempfile::TempDir,
    pub path: PathBuf,
}

/// The passphrase of every test database in a build with encryption.
pub const TEST_KEY: &str = "synthetic test passphrase";

impl TestDb {
    /// A new, empty vakt database.
    pub fn new() -> TestDb {
        let db = TestDb::absent();
        drop(db.create());
        db
    }

    /// A temporary folder with no database in it yet.
    pub fn absent() -> TestDb {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("vakt.db");
        if cfg!(feature = "encryption") {
            std::fs::write(dir.path().join("test.key"), TEST_KEY).unwrap();
            let _ = vakt::store::key::set(TEST_KEY.into());
        }
        TestDb { dir, path }
    }

    /// Creates the database (as `vakt init` does) and opens it.
    pub fn create(&self) -> Store {
        Store::create(&self.path).unwrap()
    }

    pub fn store(&self) -> Store {
        Store::open(&self.path).unwrap()
    }

    pub fn app(&self, lang: Lang, now: DateTime<Utc>) -> App {
        App::new(self.store(), lang, Theme::mono(), now).unwrap()
    }

    /// The real binary, isolated from the user's config and locale.
    pub fn cmd(&self) -> Command {
        let mut c = vakt_cmd(&self.path, self.dir.path());
        if cfg!(feature = "encryption") {
            c.env("VAKT_KEY_FILE", self.dir.path().join("test.key"));
        }
        c
    }

    /// Runs the binary with `args`, asserts it succeeded, and returns what
    /// it printed.
    pub fn output(&self, args: &[&str]) -> Vec<u8> {
        self.cmd()
            .args(args)
            .assert()
            .success()
            .get_output()
            .stdout
            .clone()
    }

    /// Adds a voicemail from `phone` with `summary` through the real
    /// binary (`vakt voicemail add --json`) and returns its id.
    pub fn add_voicemail(&self, phone: &str, summary: &str) -> i64 {
        let out = self.output(&[
            "voicemail",
            "add",
            "--phone",
            phone,
            "--summary",
            summary,
            "--json",
        ]);
        let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
        v["id"].as_i64().unwrap()
    }

    /// Closes item `id` through the real binary as no longer needed.
    pub fn close_not_needed(&self, id: i64) {
        self.output(&[
            "callback",
            "close",
            &id.to_string(),
            "--outcome",
            "not-needed",
        ]);
    }
}

/// Makes a database at `db` with the real binary (`vakt init`).
pub fn init_db(db: &Path, home: &Path) {
    vakt_cmd(db, home).arg("init").assert().success();
}

pub fn vakt_cmd(db: &Path, home: &Path) -> Command {
    let mut c = Command::cargo_bin("vakt").unwrap();
    c.env_clear()
        .env("HOME", home)
        .env("XDG_CONFIG_HOME", home.join("config"))
        .env("XDG_DATA_HOME", home.join("data"))
        .env("PATH", std::env::var("PATH").unwrap_or_default())
        .env("VAKT_DB", db)
        .env("VAKT_AS", "TEST");
    c
}
