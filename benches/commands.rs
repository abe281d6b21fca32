//! Whole commands on a large database: the real binary started in a
//! pseudo-terminal until its first frame is on screen, its peak memory
//! (VmHWM) after a few keys, and `vakt queue --json` / `vakt handover`.
//!
//! Run: `cargo bench --bench commands` (VAKT_BENCH_SCALE=small|large|huge).
//! Each figure is the median and p99 of separate runs.

mod common;

use std::io::{Read, Write};
use std::process::Command;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use portable_pty::{CommandBuilder, PtySize, native_pty_system};

const RUNS: usize = 25;

fn bin() -> &'static str {
    env!("CARGO_BIN_EXE_vakt")
}

/// Starts the app in a pty; returns the time to the first frame and the
/// peak resident memory in kB after a few keys.
fn app_run(db: &std::path::Path, home: &std::path::Path) -> (Duration, u64) {
    let pair = native_pty_system()
        .openpty(PtySize {
            rows: 48,
            cols: 160,
            pixel_width: 0,
            pixel_height: 0,
        })
        .expect("pty");
    let mut cmd = CommandBuilder::new(bin());
    cmd.env_clear();
    cmd.env("TERM", "xterm-256color");
    cmd.env("HOME", home);
    cmd.env("XDG_DATA_HOME", home.join("data"));
    cmd.env("XDG_CONFIG_HOME", home.join("config"));
    cmd.args([
        "--db",
        &db.display().to_string(),
        "--as",
        "BENCH",
        "--lang",
        "en",
    ]);
    let start = Instant::now();
    let mut child = pair.slave.spawn_command(cmd).expect("spawn");
    drop(pair.slave);
    let parser = Arc::new(Mutex::new(vt100::Parser::new(
        48.try_into().unwrap(),
        160.try_into().unwrap(),
        0,
    )));
    let mut reader = pair.master.try_clone_reader().expect("reader");
    let p2 = parser.clone();
    std::thread::spawn(move || {
        let mut buf = [0u8; 16384];
        while let Ok(n) = reader.read(&mut buf) {
            if n == 0 {
                break;
            }
            p2.lock().unwrap().process(&buf[..n]);
        }
    });
    let first_frame = loop {
        if parser
            .lock()
            .unwrap()
            .screen()
            .contents()
            .contains("Emergency: 112")
        {
            break start.elapsed();
        }
        assert!(start.elapsed() < Duration::from_secs(300), "no first frame");
        std::thread::sleep(Duration::from_micros(200));
    };
    let mut w = pair.master.take_writer().expect("writer");
    for keys in [
        "\x1b[B", "\x1b[B", "\x1b[6~", "\t", "3", "\x1b[6~", "4", "1",
    ] {
        w.write_all(keys.as_bytes()).unwrap();
        w.flush().unwrap();
        std::thread::sleep(Duration::from_millis(60));
    }
    let pid = child.process_id().expect("pid");
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
    let hwm = status
        .lines()
        .find(|l| l.starts_with("VmHWM:"))
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|v| v.parse().ok())
        .unwrap_or(0);
    w.write_all(b"q").unwrap();
    w.flush().unwrap();
    let _ = child.wait();
    (first_frame, hwm)
}

fn command(db: &std::path::Path, home: &std::path::Path, args: &[&str]) -> Duration {
    let start = Instant::now();
    let out = Command::new(bin())
        .env_clear()
        .env("HOME", home)
        .env("XDG_DATA_HOME", home.join("data"))
        .env("XDG_CONFIG_HOME", home.join("config"))
        .arg("--db")
        .arg(db)
        .args(args)
        .output()
        .expect("run");
    let d = start.elapsed();
    assert!(out.status.success(), "{args:?} failed");
    d
}

fn main() {
    // `cargo bench` passes --bench. `cargo test --benches` runs this with
    // no such flag: then it does nothing, as the runs take minutes.
    let benching = std::env::args().any(|a| a == "--bench");
    if !benching {
        return;
    }
    let db = common::database();
    let home = tempfile::tempdir().expect("home");
    let (scale, _) = common::scale();
    println!("database: {} ({scale})", db.display());

    // The first start of a day also writes the day's backup (and purges):
    // timed on its own, then the starts a person makes the rest of the day.
    let backups = db.parent().expect("folder").join("backups");
    let _ = std::fs::remove_dir_all(&backups);
    let (first, first_hwm) = app_run(&db, home.path());
    println!(
        "first start of the day (with backup)     {:.1} ms, peak memory {:.1} MB",
        first.as_secs_f64() * 1000.0,
        first_hwm as f64 / 1024.0
    );
    let mut frames = Vec::new();
    let mut peak = 0;
    for _ in 0..RUNS {
        let (f, hwm) = app_run(&db, home.path());
        frames.push(f);
        peak = peak.max(hwm);
    }
    common::summarize("process start to first frame (pty)", &mut frames);
    println!(
        "peak memory (VmHWM) of the app           {:.1} MB",
        peak as f64 / 1024.0
    );

    for (label, args) in [
        ("vakt queue --json", &["queue", "--json"][..]),
        ("vakt handover", &["handover"][..]),
    ] {
        let mut v: Vec<Duration> = (0..RUNS).map(|_| command(&db, home.path(), args)).collect();
        common::summarize(label, &mut v);
    }
}
