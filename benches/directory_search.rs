//! Per-keystroke search latency over 100 000 generated services.
//!
//! Every prefix of a few realistic queries is searched, as the search box
//! does on each key. Besides criterion's estimates, a plain pass prints the
//! median and p99 over all keystrokes (criterion reports means and medians
//! per benchmark, not a tail across them).
//!
//! Run: `cargo bench --bench directory_search`

use std::time::{Duration, Instant};

use chrono::{TimeZone, Utc};
use criterion::{Criterion, criterion_group, criterion_main};
use vakt::store::Store;
use vakt::store::directory::{SearchQuery, bulk_insert};

const N: usize = 100_000;
const QUERIES: &[&str] = &[
    "barnevern",
    "tromsø",
    "pårørende",
    "krisesenter",
    "rus og",
    "kirkens sos",
];

/// Queries that go through the forgiving paths: a typo (found only by
/// the second pass), a compound written apart, phone digits, a place (one
/// some entry serves, and a municipality only its county's entries serve).
const FORGIVING: &[&str] = &[
    "legvakt",
    "krise senter",
    "116 117",
    "tromso",
    "bergen krise",
    "kautokeino",
];

fn keystrokes() -> Vec<String> {
    prefixes(QUERIES)
}

fn prefixes(queries: &[&str]) -> Vec<String> {
    queries
        .iter()
        .flat_map(|q| {
            let chars: Vec<char> = q.chars().collect();
            (1..=chars.len()).map(move |n| chars[..n].iter().collect::<String>())
        })
        .collect()
}

fn search(store: &Store, text: &str) -> usize {
    store
        .search_services(&SearchQuery {
            text,
            limit: vakt::tui::directory::RESULT_LIMIT,
            ..SearchQuery::default()
        })
        .expect("search")
        .len()
}

fn bench(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut store = Store::create(&dir.path().join("bench.db")).expect("create");
    let now = Utc.with_ymd_and_hms(2026, 11, 23, 9, 42, 0).unwrap();
    let started = Instant::now();
    bulk_insert(&mut store, &vakt::demo::synthetic_services(N), "bench", now).expect("insert");
    eprintln!("generated {N} services in {:.1?}", started.elapsed());

    // The tail across all keystrokes, as a person typing would feel it.
    tail(&store, "per keystroke", &keystrokes());
    tail(
        &store,
        "forgiving paths, per keystroke",
        &prefixes(FORGIVING),
    );

    let mut g = c.benchmark_group("directory_search");
    g.sample_size(20)
        .warm_up_time(Duration::from_millis(300))
        .measurement_time(Duration::from_secs(1));
    for q in [
        "b",
        "ba",
        "barnev",
        "tromsø",
        "pårørende",
        "rus og",
        "kirkens sos",
        "legvakt",
        "krise senter",
        "116 117",
        "tromso",
    ] {
        g.bench_function(format!("keystroke {q:?}"), |b| b.iter(|| search(&store, q)));
    }
    g.finish();
}

/// Every key searched 50 times: the slowest prefixes, then the median and
/// the p99 across all of them.
fn tail(store: &Store, label: &str, keys: &[String]) {
    for k in keys {
        search(store, k); // warm the page cache and statement cache
    }
    let mut times: Vec<Duration> = Vec::new();
    let mut per_key: Vec<Vec<Duration>> = vec![Vec::new(); keys.len()];
    for _ in 0..50 {
        for (i, k) in keys.iter().enumerate() {
            let t = Instant::now();
            std::hint::black_box(search(store, k));
            let d = t.elapsed();
            times.push(d);
            per_key[i].push(d);
        }
    }
    // The slowest prefixes, to see where a tail comes from.
    let mut slowest: Vec<(Duration, &String)> = per_key
        .iter_mut()
        .zip(keys)
        .map(|(v, k)| {
            v.sort();
            (v[v.len() / 2], k)
        })
        .collect();
    slowest.sort_by_key(|s| std::cmp::Reverse(s.0));
    for (median, k) in slowest.iter().take(6) {
        eprintln!("  slowest prefixes: {k:?} median {median:.3?}");
    }
    times.sort();
    let pct = |p: f64| times[((times.len() as f64 - 1.0) * p).round() as usize];
    eprintln!(
        "{label} over {} searches ({} prefixes × 50): median {:.3?}, p99 {:.3?}, max {:.3?}",
        times.len(),
        keys.len(),
        pct(0.5),
        pct(0.99),
        times[times.len() - 1]
    );
}

criterion_group!(benches, bench);
criterion_main!(benches);
