//! What the intake tests share: settings for one switchboard of each
//! preset, the fixtures, and a database with those settings.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::common::TestDb;

pub const SETTINGS: &str = r#"
[[intake.switchboard]]
name = "asterisk"
preset = "asterisk"
senders = ["asterisk@pbx.example.org"]

[[intake.switchboard]]
name = "freepbx"
preset = "freepbx"
senders = ["voicemail@freepbx.example.org"]

[[intake.switchboard]]
name = "sipxecs"
preset = "sipxecs"
senders = ["@sipx.example.org"]

[[intake.switchboard]]
name = "operator"
preset = "generic"
senders = ["talepost@operator.example.no"]
keep_transcription = true

[[intake.switchboard]]
name = "vendor"
senders = ["varsel@vendor.example.no"]
number_in = "body"
number_pattern = 'Nummer: (?P<number>[0-9 +]+)'
time_from = "body"
time_pattern = 'Mottatt: (?P<time>\d{2}\.\d{2}\.\d{4} \d{2}:\d{2})'
time_format = "%d.%m.%Y %H:%M"
"#;

pub fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/intake")
        .join(name)
}

pub struct Intake {
    pub db: TestDb,
    pub config: PathBuf,
}

impl Intake {
    pub fn setup() -> Intake {
        let db = TestDb::new();
        drop(db.store());
        let config = db.dir.path().join("settings.toml");
        std::fs::write(&config, SETTINGS).unwrap();
        Intake { db, config }
    }

    pub fn cmd(&self) -> assert_cmd::Command {
        let mut c = self.db.cmd();
        c.env("VAKT_CONFIG", &self.config).args(["--lang", "en"]);
        c
    }

    pub fn mail(&self, name: &str) -> Value {
        let out = self
            .cmd()
            .args(["voicemail", "intake", "--json", "--mail"])
            .arg(fixture(name))
            .assert()
            .success()
            .get_output()
            .stdout
            .clone();
        serde_json::from_slice(&out).unwrap()
    }

    pub fn queue(&self) -> Vec<Value> {
        let out = self.db.output(&["queue", "--json", "--reveal"]);
        serde_json::from_slice::<Value>(&out)
            .unwrap()
            .as_array()
            .unwrap()
            .clone()
    }

    pub fn count(&self, sql: &str) -> i64 {
        self.db
            .store()
            .conn()
            .query_row(sql, [], |r| r.get(0))
            .unwrap()
    }

    pub fn report(&self) -> Value {
        let out = self
            .cmd()
            .args(["voicemail", "intake", "--report", "--json"])
            .assert()
            .success()
            .get_output()
            .stdout
            .clone();
        serde_json::from_slice(&out).unwrap()
    }
}

pub fn maildir(root: &Path) -> PathBuf {
    for sub in ["new", "cur", "tmp"] {
        std::fs::create_dir_all(root.join(sub)).unwrap();
    }
    root.to_path_buf()
}
