//! End to end in a pseudo-terminal: search → copy → refer, with a
//! synthetic open callback entered through the library first.

mod common;

use std::io::{Read, Write};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use common::queue_fixture::{store_voicemail_by, voicemail};
use portable_pty::{CommandBuilder, PtySize, native_pty_system};
use vakt::store::Store;

fn wait_for(parser: &Arc<Mutex<vt100::Parser>>, needles: &[&str]) -> String {
    let start = Instant::now();
    loop {
        let t = parser.lock().unwrap().screen().contents();
        if needles.iter().all(|n| t.contains(n)) {
            return t;
        }
        if start.elapsed() > Duration::from_secs(20) {
            panic!("timed out waiting for {needles:?}; screen:\n{t}");
        }
        std::thread::sleep(Duration::from_millis(50));
    }
}

#[test]
fn search_copy_refer() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("pty.db");
    let cb = {
        let now = chrono::Utc::now();
        let v = voicemail("+47 22 33 44 55", now - chrono::Duration::minutes(5));
        store_voicemail_by(&mut Store::create(&db).unwrap(), &v, "PT", now).id
    };
    let pty = native_pty_system();
    let pair = pty
        .openpty(PtySize {
            rows: 30,
            cols: 120,
            pixel_width: 0,
            pixel_height: 0,
        })
        .unwrap();
    let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_vakt"));
    cmd.env_clear();
    cmd.env("TERM", "xterm-256color");
    cmd.env("HOME", dir.path());
    cmd.env("XDG_CONFIG_HOME", dir.path().join("config"));
    cmd.env("VAKT_DB", &db);
    cmd.args(["--lang", "en", "--as", "PT"]);
    let mut child = pair.slave.spawn_command(cmd).unwrap();
    drop(pair.slave);
    let parser = Arc::new(Mutex::new(vt100::Parser::new(
        30.try_into().unwrap(),
        120.try_into().unwrap(),
        0,
    )));
    let raw = Arc::new(Mutex::new(Vec::new()));
    let mut reader = pair.master.try_clone_reader().unwrap();
    let (p2, r2) = (parser.clone(), raw.clone());
    std::thread::spawn(move || {
        let mut buf = [0u8; 8192];
        while let Ok(n) = reader.read(&mut buf) {
            if n == 0 {
                break;
            }
            p2.lock().unwrap().process(&buf[..n]);
            r2.lock().unwrap().extend_from_slice(&buf[..n]);
        }
    });
    let mut w = pair.master.take_writer().unwrap();
    // The queue shows the callback (selected); go to the directory.
    wait_for(&parser, &["Callbacks", "Emergency: 112"]);
    w.write_all(b"2").unwrap();
    wait_for(&parser, &["Search:", "not verified"]);
    // As a person types: `/` first. Keys arriving all in one write are a
    // paste, which never runs a command such as `/` in a list.
    w.write_all(b"/").unwrap();
    wait_for(&parser, &["Search: "]);
    std::thread::sleep(Duration::from_millis(50));
    w.write_all(b"kirkens").unwrap();
    wait_for(&parser, &["1 found", "Kirkens SOS"]);
    w.write_all(b"\x1b").unwrap();
    std::thread::sleep(Duration::from_millis(200));
    w.write_all(b"y").unwrap();
    wait_for(&parser, &["The number has been copied"]);
    // OSC 52 with the number, base64: "+4722400040" → "KzQ3MjI0MDAwNDA=".
    let start = Instant::now();
    while !String::from_utf8_lossy(&raw.lock().unwrap()).contains("\x1b]52;c;KzQ3MjI0MDAwNDA=") {
        assert!(
            start.elapsed() < Duration::from_secs(10),
            "no OSC 52 sequence seen"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
    w.write_all(b"r").unwrap();
    // Asked first, with the caller as the queue shows them.
    wait_for(&parser, &["Record the referral?", "•• •• •• 55"]);
    w.write_all(b"y").unwrap();
    wait_for(&parser, &["Referral recorded"]);
    w.write_all(b"q").unwrap();
    let start = Instant::now();
    let status = loop {
        if let Some(s) = child.try_wait().unwrap() {
            break s;
        }
        assert!(
            start.elapsed() < Duration::from_secs(10),
            "vakt did not exit"
        );
        std::thread::sleep(Duration::from_millis(50));
    };
    assert!(status.success());
    let store = Store::open(&db).unwrap();
    let refs = store.referrals_for_callback(cb).unwrap();
    assert_eq!(refs.len(), 1, "the referral row exists");
    let kirkens = store
        .all_services()
        .unwrap()
        .into_iter()
        .find(|s| s.name == "Kirkens SOS")
        .unwrap();
    assert_eq!(refs[0].0, kirkens.id);
}
