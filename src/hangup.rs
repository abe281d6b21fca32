//! Hang-ups. A dropped SSH link or a closed terminal window sends SIGHUP,
//! a shutdown SIGTERM, Ctrl-C outside the app SIGINT. Each would end the
//! process at once and leave a half-written backup behind. Once [`catch`]
//! has run (the app, `vakt backup`, `vakt restore`), these signals instead
//! stop every copy in progress, whose own clean-up removes its temporary
//! file; the app leaves its loop and restores the terminal; and [`finish`]
//! then ends the process as the signal asked.

use std::sync::OnceLock;
use std::sync::atomic::{AtomicI32, Ordering};

use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};

/// The signal that arrived first (0: none).
static RECEIVED: AtomicI32 = AtomicI32::new(0);
static CAUGHT: OnceLock<bool> = OnceLock::new();

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
