//! Every parser of typed or read input, fed huge, binary and mangled text:
//! never a panic, always an error the person can read, and the error never
//! repeats a huge input back. (The phone parser has its own property tests
//! in src/phone.rs; it is included here once more with binary input.)

use std::path::Path;

use chrono::{TimeZone, Utc};
use proptest::prelude::*;
use vakt::config::Config;
use vakt::error::AppError;
use vakt::i18n::Lang;

fn now() -> chrono::DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 23, 9, 42, 0).unwrap()
}

fn binary_text() -> impl Strategy<Value = String> {
    prop_oneof![
        prop::collection::vec(any::<u8>(), 0..4000)
            .prop_map(|b| String::from_utf8_lossy(&b).into_owned()),
        "\\PC{0,200}",
        (any::<String>(), 0usize..3000).prop_map(|(s, n)| s.repeat(n.min(50))),
        (0usize..100_000).prop_map(|n| "9".repeat(n)),
        Just("\0\0\0\u{feff}\u{202e}".to_string()),
    ]
}

fn check_message(e: &AppError, input_len: usize) {
    for lang in [Lang::Nb, Lang::En] {
        let m = e.message(lang);
        assert!(!m.trim().is_empty());
        if input_len > 2000 {
            assert!(
                m.len() < 1000,
                "a huge input was echoed back: {} bytes",
                m.len()
            );
        }
    }
}

/// A valid config with every section, to mangle.
const VALID: &str = "lang = \"nb\"\ntheme = \"mono\"\nreduced_motion = true\n\n[callbacks]\nmax_attempts = 3\nretry_hours = 2\n\n[privacy]\nclosed_days = 30\nnote_days = 365\nidle_minutes = 5\nbackups_kept = 14\n";

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn times_and_dates(s in binary_text()) {
        let tz = chrono_tz::Europe::Oslo;
        for r in [
            vakt::when::parse_when(&s, now(), tz),
            vakt::when::parse_received(&s, now(), tz),
        ] {
            if let Err(e) = r {
                check_message(&AppError::When(e), s.len());
            }
        }
        if let Err(e) = vakt::when::parse_date(&s) {
            check_message(&AppError::When(e), s.len());
        }
        if let Err(e) = vakt::when::parse_clock(&s) {
            check_message(&AppError::When(e), s.len());
        }
    }

    #[test]
    fn phone_numbers(s in binary_text()) {
        if let Err(e) = vakt::phone::Phone::parse(&s) {
            check_message(&AppError::Phone(e), s.len());
        }
    }

    #[test]
    fn opening_hours_and_weekdays(s in binary_text()) {
        let _ = vakt::calendar::parse_hours(&s);
        let _ = vakt::calendar::parse_weekday(&s);
    }

    #[test]
    fn config_files(s in binary_text()) {
        if let Err(e) = Config::parse(&s, Path::new("config.toml")) {
            check_message(&e, s.len());
            prop_assert_eq!(e.exit_code(), 2);
        }
    }

    #[test]
    fn mangled_config_names_a_line(pos in 0usize..VALID.len(), junk in "[\\[\\]=\"a-z0-9 \n#]{1,8}") {
        let mut text = VALID.to_string();
        let pos = (0..=pos).rev().find(|p| text.is_char_boundary(*p)).unwrap_or(0);
        text.insert_str(pos, &junk);
        match Config::parse(&text, Path::new("config.toml")) {
            Ok(_) => {}
            Err(AppError::ConfigSyntax { line: Some(line), .. }) => {
                prop_assert!(line >= 1 && line <= text.lines().count() + 1);
            }
            Err(e) => check_message(&e, text.len()),
        }
    }
}

#[test]
fn a_huge_config_file_is_an_error_not_a_hang() {
    let text = format!("{VALID}\n{}", "x".repeat(5_000_000));
    let e = Config::parse(&text, Path::new("big.toml")).unwrap_err();
    check_message(&e, text.len());
}
