//! Hang-ups. A dropped SSH link or a closed terminal window sends SIGHUP,
//! a shutdown SIGTERM, Ctrl-C outside the app SIGINT. Each would end the
//! process at once and leave a half-written backup behind. Once [`catch`]
//! has run (the app, `vakt backup`, `vakt restore`), these signals instead
//! stop every copy in progress, whose own clean-up removes its temporary
//! file; the app leaves its loop and restores the terminal; and [`finish`]
//! then ends the process as the signal asked.

use std::io::IsTerminal;
use std::sync::OnceLock;
use std::sync::atomic::{AtomicBool, AtomicI32, Ordering};
use std::time::Duration;

use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};

/// The signal that arrived first (0: none).
static RECEIVED: AtomicI32 = AtomicI32::new(0);
static CAUGHT: OnceLock<bool> = OnceLock::new();
/// The app has left its loop and cleaned up (see [`watch_terminal`]).
static LEFT: AtomicBool = AtomicBool::new(false);

/// Starts catching SIGHUP, SIGTERM and SIGINT for the rest of the process
/// (once; later calls do nothing). Returns false if that was not possible,
/// in which case the signals keep their default action.
pub fn catch() -> bool {
    *CAUGHT.get_or_init(|| {
        let Ok(mut signals) = signal_hook::iterator::Signals::new([SIGHUP, SIGTERM, SIGINT]) else {
            return false;
        };
        std::thread::Builder::new()
            .name("hangup".into())
            .spawn(move || {
                for sig in signals.forever() {
                    let _ = RECEIVED.compare_exchange(0, sig, Ordering::SeqCst, Ordering::SeqCst);
                    crate::store::backup::stop_copies();
                }
            })
            .is_ok()
    })
}

/// The hang-up signal received, if any.
pub fn received() -> Option<i32> {
    match RECEIVED.load(Ordering::SeqCst) {
        0 => None,
        sig => Some(sig),
    }
}

/// If a hang-up arrived, ends the process as that signal would have (call
/// it once the clean-up is done). Returns if none arrived.
pub fn finish() {
    if let Some(sig) = received() {
        let _ = signal_hook::low_level::emulate_default_handler(sig);
        std::process::exit(128 + sig);
    }
}

/// How often the app's terminal is checked, and how long the app is given
/// to leave its loop once the terminal is gone.
const WATCH_EVERY: Duration = Duration::from_millis(250);
const GRACE: Duration = Duration::from_secs(2);

/// Watches the app's terminal. When it goes away (the master side closed:
/// a dropped link, a closed window — the terminal then reads end-of-file
/// for ever, and the terminal library's wait for a key never returns), or
/// a hang-up signal came and the app has not left within [`GRACE`], every
/// copy in progress is stopped and the process ends as a hang-up would.
/// Nothing is lost: every save is its own finished transaction.
pub fn watch_terminal() {
    if !std::io::stdin().is_terminal() {
        return;
    }
    let _ = std::thread::Builder::new()
        .name("terminal-watch".into())
        .spawn(|| {
            loop {
                std::thread::sleep(WATCH_EVERY);
                if LEFT.load(Ordering::SeqCst) {
                    return;
                }
                // A hung-up terminal no longer answers as a terminal.
                if !std::io::stdin().is_terminal() {
                    let _ =
                        RECEIVED.compare_exchange(0, SIGHUP, Ordering::SeqCst, Ordering::SeqCst);
                }
                if let Some(sig) = received() {
                    crate::store::backup::stop_copies();
                    std::thread::sleep(GRACE);
                    if !LEFT.load(Ordering::SeqCst) {
                        std::process::exit(128 + sig);
                    }
                    return;
                }
            }
        });
}

/// The app has left its loop and restored the terminal: the watch ends.
pub fn left() {
    LEFT.store(true, Ordering::SeqCst);
}
