//! The rules, pure: what a value must look like before anything stores it.
//! Each rule lives next to the type it guards, and both the terminal app
//! and every command go through it. No I/O; nothing here imports `store`,
//! `tui` or `commands`.
//!
//! - [`text`]: limits on free text, and control characters (refused on the
//!   way in, made visible on the way out).
//! - [`name`]: the name of the person on duty (`--as`, "who is on duty").
//! - [`callback`]: a new voicemail or complaint, its details, an attempt.
//! - [`item`]: a callback item as it is kept, with its attempts and
//!   referrals.
//! - [`note`]: a shift-log note's text.
//! - [`shift_log`]: shifts, notes and handovers as they are kept.
//! - [`promise`]: when the callback promise is kept, and when an item is
//!   overdue.

pub mod callback;
pub mod item;
pub mod name;
pub mod note;
pub mod promise;
pub mod safe_time;
pub mod shift_log;
pub mod text;
