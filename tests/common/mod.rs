//! Helpers shared by the integration tests. All data is synthetic.
#![allow(dead_code)]

pub mod pty;
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

pub struct TestDb {
    pub dir: tempfile::TempDir,
    pub path: PathBuf,
}

impl TestDb {
    pub fn new() -> TestDb {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("vakt.db");
        TestDb { dir, path }
    }

    pub fn store(&self) -> Store {
        Store::open(&self.path).unwrap()
    }

    pub fn app(&self, lang: Lang, now: DateTime<Utc>) -> App {
        App::new(self.store(), lang, Theme::mono(), now).unwrap()
    }

    /// The real binary, isolated from the user's config and locale.
    pub fn cmd(&self) -> Command {
        vakt_cmd(&self.path, self.dir.path())
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
