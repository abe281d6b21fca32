//! Team use on one shared server (docs/deployment.md): several people at
//! once on one database file, each started by a forced SSH command.

mod common;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use chrono::Utc;
use common::pty::{ENTER, Pty, TAB};
use common::queue_fixture::{store_voicemail, voicemail};
use portable_pty::CommandBuilder;
use vakt::store::Store;

/// A database that already holds one item, so no session opens with the
/// first-start welcome.
fn shared_db(dir: &Path) -> PathBuf {
    let db = dir.join("vakt.db");
    let mut s = Store::create(&db).unwrap();
    store_voicemail(&mut s, &voicemail("22 00 00 01", Utc::now()), Utc::now());
    db
}

/// Adds a voicemail through the keyboard form, as a person would.
fn add_through_form(p: &mut Pty, number: &str) {
    p.send(b"n");
    p.wait_for(&["New item"]);
    p.send(TAB);
    p.send_text(number);
    p.send(ENTER);
}

fn wait_within(p: &Pty, needles: &[&str], limit: Duration) -> Duration {
    let start = Instant::now();
    loop {
        let t = p.text();
        if needles.iter().all(|n| t.contains(n)) {
            return start.elapsed();
        }
        assert!(
            start.elapsed() < limit,
            "not on screen within {limit:?}: {needles:?}\n{t}"
        );
        std::thread::sleep(Duration::from_millis(25));
    }
}

fn phones_in(db: &Path) -> Vec<String> {
    let conn = rusqlite::Connection::open(db).unwrap();
    let mut st = conn
        .prepare("SELECT phone FROM callbacks ORDER BY id")
        .unwrap();
    st.query_map([], |r| r.get(0))
        .unwrap()
        .map(|r| r.unwrap())
        .collect()
}

#[test]
fn two_sessions_see_each_other_and_lose_no_write() {
    let dir = tempfile::tempdir().unwrap();
    let db = shared_db(dir.path());
    let (home_a, home_b) = (dir.path().join("a"), dir.path().join("b"));
    for h in [&home_a, &home_b] {
        std::fs::create_dir_all(h).unwrap();
    }
    let mut a = Pty::start(&db, &home_a, &["--lang", "en", "--as", "AA"], 30, 120);
    let mut b = Pty::start(&db, &home_b, &["--lang", "en", "--as", "BB"], 30, 120);
    a.wait_for(&["On duty: AA", "1 open"]);
    b.wait_for(&["On duty: BB", "1 open"]);

    // One voicemail typed in A shows in B without a key press in B.
    add_through_form(&mut a, "22 33 44 55");
    a.wait_for(&["Saved ✓", "2 open"]);
    let took = wait_within(&b, &["2 open", "+47 •• •• •• 55"], Duration::from_secs(3));
    eprintln!("B saw A's voicemail after {took:?}");
    // And the other way round.
    add_through_form(&mut b, "22 33 44 66");
    b.wait_for(&["Saved ✓", "3 open"]);
    wait_within(&a, &["3 open", "+47 •• •• •• 66"], Duration::from_secs(3));

    // A burst: both type several items as fast as the forms allow.
    for i in 0..5 {
        add_through_form(&mut a, &format!("22 11 00 1{i}"));
        add_through_form(&mut b, &format!("22 11 00 2{i}"));
    }
    a.wait_for(&["13 open"]);
    b.wait_for(&["13 open"]);
    for p in [&mut a, &mut b] {
        p.send(b"q");
        assert!(p.wait_exit());
    }

    let phones = phones_in(&db);
    assert_eq!(phones.len(), 13, "{phones:?}");
    for n in ["+4722334455", "+4722334466"]
        .into_iter()
        .map(String::from)
        .chain((0..5).flat_map(|i| [format!("+472211001{i}"), format!("+472211002{i}")]))
    {
        assert!(phones.contains(&n), "{n} was lost: {phones:?}");
    }
    // Who wrote what is recorded per session.
    let conn = rusqlite::Connection::open(&db).unwrap();
    let by: Vec<(String, i64)> = conn
        .prepare("SELECT created_by, COUNT(*) FROM callbacks GROUP BY created_by ORDER BY 1")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .map(|r| r.unwrap())
        .collect();
    assert_eq!(
        by,
        vec![("AA".into(), 6), ("BB".into(), 6), ("TEST".into(), 1)]
    );
}

/// The `authorized_keys` line from docs/deployment.md.
fn documented_key_line() -> (String, String) {
    let doc =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/deployment.md"))
            .unwrap();
    let line = doc
        .lines()
        .find(|l| l.starts_with("command=\"/usr/local/bin/vakt --as "))
        .expect("deployment.md shows an authorized_keys line");
    let rest = &line["command=\"".len()..];
    let end = rest.find('"').unwrap();
    let command = rest[..end].to_string();
    let options = rest[end + 1..].split(' ').next().unwrap().to_string();
    (command, options)
}

/// The documented forced command with the binary under test in place of
/// `/usr/local/bin/vakt`.
fn forced_command() -> String {
    let (command, options) = documented_key_line();
    assert_eq!(options, ",restrict,pty", "the documented key options");
    assert_eq!(command, "/usr/local/bin/vakt --as KH");
    command.replacen("/usr/local/bin/vakt", env!("CARGO_BIN_EXE_vakt"), 1)
}

/// The service account's settings file, as deployment.md shows it.
fn service_home(dir: &Path, db: &Path) -> PathBuf {
    let home = dir.join("service");
    let cfg = home.join("config/vakt");
    std::fs::create_dir_all(&cfg).unwrap();
    std::fs::write(
        cfg.join("config.toml"),
        format!("lang = \"en\"\ndb = \"{}\"\n", db.display()),
    )
    .unwrap();
    home
}

fn locked_session(p: &mut Pty) {
    p.wait_for(&["On duty: KH"]);
    // F3 (change who is on duty) is refused.
    p.send(b"\x1bOR");
    p.wait_for(&["Who is on duty is set at login and cannot be changed here."]);
    assert!(p.text().contains("On duty: KH"));
    p.send(b"q");
}

/// What sshd does with a forced command: `sh -c COMMAND`, with the command
/// the client asked for only in SSH_ORIGINAL_COMMAND.
#[test]
fn forced_command_locks_the_name() {
    let dir = tempfile::tempdir().unwrap();
    let db = shared_db(dir.path());
    let home = service_home(dir.path(), &db);
    let mut cmd = CommandBuilder::new("/bin/sh");
    cmd.env_clear();
    cmd.env("TERM", "xterm-256color");
    cmd.env("HOME", &home);
    cmd.env("XDG_CONFIG_HOME", home.join("config"));
    cmd.env("XDG_DATA_HOME", home.join("data"));
    cmd.env("SSH_ORIGINAL_COMMAND", "vakt --as SOMEONE_ELSE");
    cmd.args(["-c", &forced_command()]);
    let mut p = Pty::spawn(cmd, 30, 120);
    locked_session(&mut p);
    assert!(p.wait_exit());
    let conn = rusqlite::Connection::open(&db).unwrap();
    let people: Vec<String> = conn
        .prepare("SELECT DISTINCT person FROM shifts")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(|r| r.unwrap())
        .collect();
    assert_eq!(people, vec!["KH".to_string()]);
}

/// End to end through a real sshd on loopback, where one is installed.
#[test]
fn forced_command_through_sshd() {
    let tools = ["/usr/sbin/sshd", "/usr/bin/ssh", "/usr/bin/ssh-keygen"];
    if let Some(missing) = tools.iter().find(|t| !Path::new(t).exists()) {
        eprintln!(
            "skipped: {missing} is not installed, so no sshd can be started on loopback. \
             forced_command_locks_the_name runs the documented command line instead."
        );
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let db = shared_db(d);
    let home = service_home(d, &db);
    let keygen = |name: &str| {
        let ok = std::process::Command::new("/usr/bin/ssh-keygen")
            .args(["-q", "-t", "ed25519", "-N", "", "-f"])
            .arg(d.join(name))
            .status()
            .unwrap()
            .success();
        assert!(ok, "ssh-keygen failed");
    };
    keygen("host_key");
    keygen("user_key");
    let user_pub = std::fs::read_to_string(d.join("user_key.pub")).unwrap();
    // The documented line, with the test's binary and settings.
    let command = format!(
        "env XDG_CONFIG_HOME={} XDG_DATA_HOME={} {}",
        home.join("config").display(),
        home.join("data").display(),
        forced_command()
    );
    std::fs::write(
        d.join("authorized_keys"),
        format!("command=\"{command}\",restrict,pty {}", user_pub.trim()),
    )
    .unwrap();
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    std::fs::write(
        d.join("sshd_config"),
        format!(
            "Port {port}\nListenAddress 127.0.0.1\nHostKey {hk}\nAuthorizedKeysFile {ak}\n\
             PidFile {pid}\nStrictModes no\nUsePAM no\nPasswordAuthentication no\n\
             KbdInteractiveAuthentication no\nPubkeyAuthentication yes\n",
            hk = d.join("host_key").display(),
            ak = d.join("authorized_keys").display(),
            pid = d.join("sshd.pid").display(),
        ),
    )
    .unwrap();
    let mut sshd = std::process::Command::new("/usr/sbin/sshd")
        .args(["-D", "-e", "-f"])
        .arg(d.join("sshd_config"))
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let start = Instant::now();
    while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
        if let Some(status) = sshd.try_wait().unwrap() {
            let mut err = String::new();
            use std::io::Read;
            sshd.stderr.take().unwrap().read_to_string(&mut err).ok();
            panic!("sshd exited ({status}): {err}");
        }
        assert!(
            start.elapsed() < Duration::from_secs(10),
            "sshd did not listen"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
    let user = std::process::Command::new("id")
        .arg("-un")
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string())
        .unwrap();
    let mut cmd = CommandBuilder::new("/usr/bin/ssh");
    cmd.env("TERM", "xterm-256color");
    cmd.args([
        "-tt",
        "-F",
        "/dev/null",
        "-i",
        &d.join("user_key").display().to_string(),
        "-p",
        &port.to_string(),
        "-o",
        "StrictHostKeyChecking=no",
        "-o",
        "UserKnownHostsFile=/dev/null",
        "-o",
        "BatchMode=yes",
        &format!("{user}@127.0.0.1"),
        // Ignored: the forced command runs instead.
        "vakt --as SOMEONE_ELSE",
    ]);
    let mut p = Pty::spawn(cmd, 30, 120);
    locked_session(&mut p);
    let ended = p.wait_exit();
    let _ = sshd.kill();
    let _ = sshd.wait();
    assert!(ended, "the ssh session did not end cleanly");
}
