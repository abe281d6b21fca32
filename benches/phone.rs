//! Reading a phone number, as the new-callback form does on every key: a
//! Norwegian number, a foreign one with its trunk 0, a number half typed
//! (refused, with the lengths found from the metadata), and showing a
//! foreign number in the queue. Target: well under one frame (16 ms).
//!
//! Run: `cargo bench --bench phone`.

use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;
use vakt::phone::Phone;

fn parse(c: &mut Criterion) {
    // The metadata is loaded once, on first use (a few ms); not measured.
    let _ = Phone::parse("+46 70 123 45 67");
    for (name, input) in [
        ("norwegian", "412 34 512"),
        ("foreign_trunk_zero", "+92 0300 1234567"),
        ("half_typed_foreign", "+46 70 123"),
        ("not_in_use", "+44 7700 900123"),
    ] {
        c.bench_function(&format!("phone_parse_{name}"), |b| {
            b.iter(|| Phone::parse(black_box(input)))
        });
    }
    let shown = Phone::parse("+44 20 7946 0958").unwrap();
    c.bench_function("phone_display_foreign", |b| {
        b.iter(|| black_box(&shown).display())
    });
}

criterion_group!(benches, parse);
criterion_main!(benches);
