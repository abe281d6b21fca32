//! Several terminals on one database: N processes each saving voicemails
//! one after another with the real binary (`vakt voicemail add`, a new
//! process per save, as a phone system or a script does), and one process
//! reading the queue (`vakt queue`) in a loop meanwhile. Reports the
//! time per save (p50, p99, max) for 1, 4 and 8 writers, its ratio to a
//! single writer, and the reader's time per read.
//!
//! Run: `cargo bench --bench concurrency`. VAKT_BENCH_WRITES sets the saves
//! per writer (default 200); VAKT_BENCH_BIN runs another vakt binary (to
//! measure an older build on the same machine).

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

fn bin() -> PathBuf {
    std::env::var_os("VAKT_BENCH_BIN")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_BIN_EXE_vakt")))
}

fn vakt(db: &Path, home: &Path) -> Command {
    let mut c = Command::new(bin());
    c.env_clear()
        .env("HOME", home)
        .env("XDG_CONFIG_HOME", home.join("config"))
        .env("XDG_DATA_HOME", home.join("data"))
        .env("VAKT_DB", db)
        .env("VAKT_AS", "BENCH")
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    c
}

/// One writer: `n` saves, each a new process. Returns each save's time
/// and how many failed.
fn writer(db: &Path, home: &Path, w: usize, n: usize) -> (Vec<Duration>, usize) {
    let mut times = Vec::with_capacity(n);
    let mut failed = 0;
    for i in 0..n {
        // Synthetic numbers, one per save so no save joins another.
        let phone = format!("+47 412 7{w} {i:03}");
        let start = Instant::now();
        let ok = vakt(db, home)
            .args(["voicemail", "add", "--phone", &phone])
            .status()
            .is_ok_and(|s| s.success());
        times.push(start.elapsed());
        failed += usize::from(!ok);
    }
    (times, failed)
}

struct Figures {
    count: usize,
    p50: Duration,
    p99: Duration,
    max: Duration,
}

fn figures(mut v: Vec<Duration>) -> Figures {
    v.sort();
    let at = |q: usize| v[((v.len() * q) / 100).min(v.len() - 1)];
    Figures {
        count: v.len(),
        p50: at(50),
        p99: at(99),
        max: *v.last().unwrap(),
    }
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

/// N writers at once plus one reader; returns the writers' and the
/// reader's figures and the failures of each.
fn scenario(writers: usize, n: usize) -> (Figures, usize, Figures, usize) {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("bench.db");
    drop(vakt::store::Store::create(&db).expect("create"));
    let home = dir.path().to_path_buf();
    let done = Arc::new(AtomicBool::new(false));
    let reader = {
        let (db, home, done) = (db.clone(), home.clone(), done.clone());
        std::thread::spawn(move || {
            let mut times = vec![];
            let mut failed = 0;
            while !done.load(Ordering::Relaxed) {
                let start = Instant::now();
                let ok = vakt(&db, &home)
                    .arg("queue")
                    .status()
                    .is_ok_and(|s| s.success());
                times.push(start.elapsed());
                failed += usize::from(!ok);
            }
            (times, failed)
        })
    };
    let handles: Vec<_> = (0..writers)
        .map(|w| {
            let (db, home) = (db.clone(), home.clone());
            std::thread::spawn(move || writer(&db, &home, w, n))
        })
        .collect();
    let mut all = vec![];
    let mut failed = 0;
    for h in handles {
        let (t, f) = h.join().expect("writer");
        all.extend(t);
        failed += f;
    }
    done.store(true, Ordering::Relaxed);
    let (reads, read_failed) = reader.join().expect("reader");
    (figures(all), failed, figures(reads), read_failed)
}

fn main() {
    // `cargo bench` passes --bench; `cargo test --benches` runs this too:
    // then only a smoke run.
    let smoke = !std::env::args().any(|a| a == "--bench");
    let n: usize = std::env::var("VAKT_BENCH_WRITES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(if smoke { 3 } else { 200 });
    println!("binary: {}", bin().display());
    println!("saves per writer: {n}; one reader running `vakt queue` meanwhile");
    let mut single = None;
    for writers in [1, 4, 8] {
        let (w, wf, r, rf) = scenario(writers, n);
        let base = *single.get_or_insert((w.p50, w.p99));
        println!(
            "writers {writers}: {} saves, p50 {:.1} ms, p99 {:.1} ms, max {:.1} ms, failed {wf}; \
             x{:.2} (p50) x{:.2} (p99) of one writer | reader: {} reads, p50 {:.1} ms, p99 {:.1} ms, \
             max {:.1} ms, failed {rf}",
            w.count,
            ms(w.p50),
            ms(w.p99),
            ms(w.max),
            ms(w.p50) / ms(base.0),
            ms(w.p99) / ms(base.1),
            r.count,
            ms(r.p50),
            ms(r.p99),
            ms(r.max),
        );
    }
}
