//! Every backup vakt makes is kept at most `backups_kept` days, whatever
//! its kind, and pruned by `vakt backup`, `vakt purge` and every start. The
//! real binary. All data is synthetic.

mod common;

use std::path::Path;

use chrono::{Duration, NaiveDate, Utc};
use common::TestDb;

fn today() -> NaiveDate {
    Utc::now()
        .with_timezone(&chrono_tz::Europe::Oslo)
        .date_naive()
}

fn names(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    v.sort();
    v
}

/// backups/ as a year of neglect leaves it: 22 daily copies, copies kept
/// before restores and damaged files moved aside, old and new, and a
/// file the administrator put there.
fn crowded(db: &TestDb) -> std::path::PathBuf {
    let dir = db.dir.path().join("backups");
    std::fs::create_dir_all(&dir).unwrap();
    let t = today();
    for d in 1..=21 {
        let name = vakt::store::backup::daily_name(t - Duration::days(d));
        std::fs::write(dir.join(name), b"copy").unwrap();
    }
    std::fs::write(
        dir.join(vakt::store::backup::daily_name(t - Duration::days(90))),
        b"copy",
    )
    .unwrap();
    let stamp = |days: i64| {
        (Utc::now() - Duration::days(days))
            .format("%Y%m%d-%H%M%S")
            .to_string()
    };
    for f in [
        format!("before-restore-{}.db", stamp(40)),
        format!("damaged-{}.db", stamp(20)),
        format!("damaged-{}.db-wal", stamp(20)),
        format!("before-restore-{}.db", stamp(2)),
        "my-own-copy.db".to_string(),
    ] {
        std::fs::write(dir.join(f), b"copy").unwrap();
    }
    dir
}

fn expected_after(keep: i64) -> Vec<String> {
    let t = today();
    let mut v: Vec<String> = (0..keep)
        .map(|d| vakt::store::backup::daily_name(t - Duration::days(d)))
        .collect();
    v.push(format!(
        "before-restore-{}.db",
        (Utc::now() - Duration::days(2)).format("%Y%m%d-%H%M%S")
    ));
    v.push("my-own-copy.db".into());
    v.sort();
    v
}

#[test]
fn vakt_backup_keeps_every_kind_of_backup_at_most_backups_kept_days() {
    let db = TestDb::new();
    drop(db.store());
    let dir = crowded(&db);
    db.cmd().arg("backup").assert().success();
    // The default is 14 days: today's new one and the 13 days before it.
    let left = names(&dir);
    // A stamp taken a second apart from ours may differ; compare the rest.
    let strip = |v: &[String]| -> Vec<String> {
        v.iter()
            .map(|n| {
                if n.starts_with("before-restore-") {
                    "before-restore-recent".into()
                } else {
                    n.clone()
                }
            })
            .collect()
    };
    assert_eq!(strip(&left), strip(&expected_after(14)), "{left:?}");
}

#[test]
fn backups_kept_is_a_number_of_days_and_purge_prunes_too() {
    let db = TestDb::new();
    drop(db.store());
    let dir = crowded(&db);
    let cfg = db.dir.path().join("config/vakt");
    std::fs::create_dir_all(&cfg).unwrap();
    std::fs::write(cfg.join("config.toml"), "[privacy]\nbackups_kept = 3\n").unwrap();
    db.output(&["purge"]);
    let left = names(&dir);
    let daily: Vec<_> = left.iter().filter(|n| n.starts_with("vakt-")).collect();
    // Days 1 and 2 before today (today's is not written by a purge).
    assert_eq!(daily.len(), 2, "{left:?}");
    assert!(left.iter().any(|n| n == "my-own-copy.db"));
    assert!(!left.iter().any(|n| n.starts_with("damaged-")), "{left:?}");
    assert_eq!(
        left.iter()
            .filter(|n| n.starts_with("before-restore-"))
            .count(),
        1,
        "{left:?}"
    );
}
