//! The terminal goes away under the app (a dropped SSH link, a closed
//! window): vakt ends within seconds instead of spinning on a dead
//! terminal for ever (it read end-of-file in a loop at half a core).

mod common;

use std::io::Read;
use std::time::{Duration, Instant};

use portable_pty::{CommandBuilder, PtySize, native_pty_system};

#[test]
fn the_app_ends_when_its_terminal_goes_away() {
    let dir = tempfile::tempdir().unwrap();
    let home = dir.path();
    let db = home.join("vakt.db");
    common::init_db(&db, home);
    let pair = native_pty_system()
        .openpty(PtySize {
            rows: 30,
            cols: 100,
            pixel_width: 0,
            pixel_height: 0,
        })
        .unwrap();
    let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_vakt"));
    cmd.env_clear();
    cmd.env("TERM", "xterm-256color");
    cmd.env("HOME", home);
    cmd.env("XDG_CONFIG_HOME", home.join("config"));
    cmd.env("XDG_DATA_HOME", home.join("data"));
    cmd.env("VAKT_DB", &db);
    cmd.args(["--lang", "en", "--as", "KH"]);
    let mut child = pair.slave.spawn_command(cmd).unwrap();
    drop(pair.slave);
    // Read until the first frame is drawn, on this thread, so that every
    // handle on the terminal's master side can be closed afterwards.
    let mut reader = pair.master.try_clone_reader().unwrap();
    let writer = pair.master.take_writer().unwrap();
    let mut seen = Vec::new();
    let mut buf = [0u8; 8192];
    while !String::from_utf8_lossy(&seen).contains("Emergency") {
        let n = reader.read(&mut buf).unwrap();
        assert!(n > 0, "vakt ended before drawing");
        seen.extend_from_slice(&buf[..n]);
    }
    // Some time on duty first (the idle timers and the database poll run).
    std::thread::sleep(Duration::from_secs(3));
    // The link drops: every master handle goes.
    drop(reader);
    drop(writer);
    drop(pair.master);
    let start = Instant::now();
    let status = loop {
        if let Some(s) = child.try_wait().unwrap() {
            break Some(s);
        }
        if start.elapsed() > Duration::from_secs(10) {
            break None;
        }
        std::thread::sleep(Duration::from_millis(50));
    };
    if status.is_none() {
        let _ = child.kill();
        let _ = child.wait();
    }
    assert!(
        status.is_some(),
        "vakt was still running 10 s after its terminal went away"
    );
}
