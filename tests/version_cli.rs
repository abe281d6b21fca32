//! `vakt --version` tells a team which build refused a newer schema: the
//! commit, the schema version, the SQLite version and encryption.

use assert_cmd::Command;

fn version(args: &[&str]) -> String {
    let out = Command::cargo_bin("vakt")
        .unwrap()
        .args(args)
        // A broken settings file must not stop it.
        .env("VAKT_CONFIG", "/nonexistent/dir/config.toml")
        .env("LANG", "C")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn version_names_schema_sqlite_and_encryption() {
    let text = version(&["--version", "--lang", "en"]);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines[0], format!("vakt {}", env!("CARGO_PKG_VERSION")));
    assert!(
        text.contains(&format!(
            "database schema: {} ",
            vakt::store::SCHEMA_VERSION
        )),
        "{text}"
    );
    assert!(
        text.contains(&format!("SQLite: {}", rusqlite::version())),
        "{text}"
    );
    let enc = if cfg!(feature = "encryption") {
        "encryption: compiled in"
    } else {
        "encryption: not compiled in"
    };
    assert!(text.contains(enc), "{text}");
    assert_eq!(version(&["-V", "--lang", "en"]), text);
}

#[test]
fn version_names_the_commit_it_was_built_from() {
    let text = version(&["--version", "--lang", "en"]);
    let head = std::process::Command::new("git")
        .args(["rev-parse", "--short=12", "HEAD"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .ok()
        .filter(|o| o.status.success())
        .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string());
    match head {
        Some(head) => assert!(text.contains(&format!("commit: {head}")), "{text}"),
        None => assert!(text.contains("commit: unknown"), "{text}"),
    }
}

#[test]
fn version_speaks_norwegian() {
    let text = version(&["--version", "--lang", "nb"]);
    assert!(
        text.contains(&format!("databaseskjema: {} ", vakt::store::SCHEMA_VERSION)),
        "{text}"
    );
    assert!(text.contains("kryptering:"), "{text}");
}
