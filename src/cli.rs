//! Command-line definitions. Without a subcommand vakt opens the terminal
//! app; subcommands are for scripts and for the coordinator.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

#[derive(Debug, Parser)]
#[command(
    name = "vakt",
    version,
    about = "Duty-shift companion for a helpline: callback queue, referral directory and shift log.",
    long_about = "Duty-shift companion for a helpline: callback queue, referral directory and shift log.\n\n\
                  Without a command, vakt opens the terminal app on the database. \
                  The commands below are for scripts and for the coordinator."
)]
pub struct Cli {
    /// Database file (default: vakt.db in the platform data directory).
    #[arg(long, global = true, env = "VAKT_DB", value_name = "PATH")]
    pub db: Option<PathBuf>,

    /// Language of the interface: nb (Norwegian bokmål) or en (English).
    /// Default: the config file, then the locale, else nb.
    #[arg(long, global = true, value_enum, value_name = "LANG")]
    pub lang: Option<LangArg>,

    /// Settings file (default: config.toml in the platform config directory).
    #[arg(long, global = true, env = "VAKT_CONFIG", value_name = "PATH")]
    pub config: Option<PathBuf>,

    /// Who is acting, as initials or a short name (recorded in the audit trail).
    #[arg(long = "as", global = true, env = "VAKT_AS", value_name = "NAME")]
    pub actor: Option<String>,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LangArg {
    Nb,
    En,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Open the terminal app (the default when no command is given).
    Tui,
    /// Public holidays, working days and deadlines; opening hours and closed days.
    #[command(subcommand)]
    Calendar(CalendarCmd),
    /// The referral directory: search, import and export (HSDS JSON or CSV).
    #[command(subcommand)]
    Directory(DirectoryCmd),
}

#[derive(Debug, Subcommand)]
pub enum DirectoryCmd {
    /// Import services from an Open Referral HSDS 3.0 JSON file or a CSV file.
    /// Entries are matched by id, else by name and organisation; a file with
    /// an error changes nothing.
    Import {
        /// The file (.json or .csv).
        file: PathBuf,
        /// hsds or csv (default: from the file's extension, else HSDS JSON).
        #[arg(long, value_name = "FORMAT")]
        format: Option<String>,
    },
    /// Export every service as HSDS 3.0 JSON (a list of service objects) or CSV.
    Export {
        /// Write to this file instead of standard output.
        #[arg(short = 'o', long = "output", value_name = "FILE")]
        output: Option<PathBuf>,
        /// hsds or csv (default: from the file's extension, else HSDS JSON).
        #[arg(long, value_name = "FORMAT")]
        format: Option<String>,
    },
    /// Search like the search box: names first, then descriptions.
    Search {
        /// Words to look for (prefixes work: "barnev" finds "barnevernet").
        query: String,
        /// Print JSON.
        #[arg(long)]
        json: bool,
        /// Only this category (key or name, e.g. substance_use or Rus).
        #[arg(long, value_name = "C")]
        category: Option<String>,
        /// Only services serving this municipality or region.
        #[arg(long, value_name = "M")]
        municipality: Option<String>,
        /// Only services open now.
        #[arg(long)]
        open_now: bool,
    },
}

#[derive(Debug, Subcommand)]
pub enum CalendarCmd {
    /// List the Norwegian public holidays of a year (1900–2200).
    Holidays {
        /// The year, e.g. 2027.
        year: i32,
        /// Print JSON: an array of {"date": "YYYY-MM-DD", "name": "..."}.
        #[arg(long)]
        json: bool,
    },
    /// Compute when an item received at a given time is due.
    Deadline {
        /// When it was received: RFC 3339 (2026-11-23T10:00:00+01:00) or
        /// "YYYY-MM-DD HH:MM" in the configured time zone.
        received: String,
        /// Voicemail: closing time of the next working day.
        /// Complaint: 21 days, moved to the next working day if closed.
        #[arg(long, value_enum, default_value = "voicemail")]
        kind: KindArg,
        /// Print JSON: {"received", "deadline", "working_day"}.
        #[arg(long)]
        json: bool,
    },
    /// Show the time zone, opening hours, closed dates and closing-time changes.
    Show {
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// Mark a date as closed (not a working day).
    Close(CloseArgs),
    /// Remove an extra closed date.
    Reopen {
        /// The date, YYYY-MM-DD.
        date: String,
    },
    /// Set the opening hours of a weekday, e.g. `hours sat 10:00-14:00` or `hours fri closed`.
    Hours {
        /// Weekday: mon, tue, ... or man, tir, ... (Norwegian).
        weekday: String,
        /// HH:MM-HH:MM, or "closed".
        hours: String,
    },
    /// Close at a different time on one date, e.g. `closing 2026-12-23 12:00`;
    /// `closing 2026-12-23 normal` removes the change.
    Closing {
        /// The date, YYYY-MM-DD.
        date: String,
        /// HH:MM, or "normal".
        time: String,
    },
    /// Set the time zone days are reasoned in (an IANA name, default Europe/Oslo).
    Zone {
        /// e.g. Europe/Oslo.
        zone: String,
    },
}

#[derive(Debug, Args)]
pub struct CloseArgs {
    /// The date, YYYY-MM-DD.
    pub date: String,
    /// Why the centre is closed (shown in the calendar).
    #[arg(long)]
    pub reason: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum KindArg {
    Voicemail,
    Complaint,
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn definitions_are_consistent() {
        Cli::command().debug_assert();
    }
}
