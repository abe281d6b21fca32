//! vakt: a duty-shift companion for a Norwegian helpline.
//!
//! Pure logic (`domain`, `calendar`, `phone`, `when`, `timefmt`) has no
//! I/O; `domain` holds the input rules both fronts go through; the
//! database lives in `store`; the terminal app in `tui`; the scripting
//! commands in `commands`.

pub mod calendar;
pub mod cli;
pub mod cli_parse;
pub mod commands;
pub mod config;
pub mod demo;
pub mod directory;
pub mod domain;
pub mod error;
pub mod handover;
pub mod hangup;
pub mod i18n;
pub mod intake;
pub mod invocation;
pub mod phone;
pub mod report;
pub mod stats;
pub mod store;
pub mod textsearch;
pub mod timefmt;
pub mod tui;
pub mod upkeep;
pub mod when;
