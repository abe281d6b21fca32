//! The benchmark database: generated once with `vakt demo` data and kept in
//! `target/bench-data/`, because the huge one takes about a minute to make.
#![allow(dead_code)]

use std::path::PathBuf;
use std::time::Duration;

use chrono::Utc;
use vakt::demo::{self, Scale};
use vakt::store::Store;

/// `VAKT_BENCH_SCALE`: small, large or huge (default huge, as the targets
/// are set for it).
pub fn scale() -> (String, Scale) {
    let name = std::env::var("VAKT_BENCH_SCALE").unwrap_or_else(|_| "huge".into());
    let scale = match name.as_str() {
        "small" => Scale::small(),
        "large" => Scale::large(),
        _ => Scale::huge(),
    };
    (name, scale)
}

/// The path of the benchmark database, generating it if needed.
pub fn database() -> PathBuf {
    let (name, scale) = scale();
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/bench-data");
    std::fs::create_dir_all(&dir).expect("bench-data folder");
    let path = dir.join(format!("{name}.db"));
    let ready = Store::open(&path)
        .ok()
        .and_then(|s| demo::has_data(&s).ok())
        .unwrap_or(false);
    if !ready {
        for ext in ["", "-wal", "-shm"] {
            let _ = std::fs::remove_file(format!("{}{ext}", path.display()));
        }
        eprintln!("generating the {name} benchmark database (once) …");
        let mut store = Store::create(&path).expect("create bench db");
        demo::generate(&mut store, scale, Utc::now(), 7).expect("generate");
    }
    path
}

/// Median and 99th percentile of individual timings.
pub fn summarize(label: &str, samples: &mut [Duration]) -> (Duration, Duration) {
    samples.sort();
    let pick =
        |q: f64| samples[((samples.len() as f64 * q).ceil() as usize).clamp(1, samples.len()) - 1];
    let (p50, p99) = (pick(0.5), pick(0.99));
    println!(
        "{label:<40} n={:<6} median {:>9.3} ms   p99 {:>9.3} ms",
        samples.len(),
        p50.as_secs_f64() * 1000.0,
        p99.as_secs_f64() * 1000.0
    );
    (p50, p99)
}
