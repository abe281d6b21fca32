//! Command-line definitions. Without a subcommand vakt opens the terminal
//! app; subcommands are for scripts and for the coordinator.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

#[derive(Debug, Parser)]
#[command(
    name = "vakt",
    // `--version` is vakt's own: it says the commit, the schema, SQLite
    // and encryption, in the user's language.
    disable_version_flag = true,
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

    /// Encrypted database: read the key from this file (for unattended setups).
    #[arg(long, global = true, env = "VAKT_KEY_FILE", value_name = "PATH")]
    pub key_file: Option<PathBuf>,

    /// Encrypted database: ask for the passphrase (not shown as you type).
    #[arg(long, global = true, conflicts_with = "key_file")]
    pub ask_key: bool,

    /// Print the version: release, commit, database schema, SQLite version,
    /// and whether encryption is compiled in.
    #[arg(short = 'V', long)]
    pub version: bool,

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
    /// Create a new, empty database at --db or VAKT_DB (default: vakt.db in
    /// the platform data directory); says so if one is already there. No
    /// other command creates a database.
    Init,
    /// Public holidays, working days and deadlines; opening hours and closed days.
    #[command(subcommand)]
    Calendar(CalendarCmd),
    /// Record voicemails (the phone system may feed them in).
    #[command(subcommand)]
    Voicemail(VoicemailCmd),
    /// Record written complaints (answered within 21 days).
    #[command(subcommand)]
    Complaint(ComplaintCmd),
    /// List the open callbacks in queue order, most urgent first.
    Queue(QueueArgs),
    /// Record an attempt on a callback, or close it.
    #[command(subcommand)]
    Callback(CallbackCmd),
    /// Write to the shift log.
    #[command(subcommand)]
    Log(LogCmd),
    /// Start or end a shift.
    #[command(subcommand)]
    Shift(ShiftCmd),
    /// Print the handover review (numbers masked), or acknowledge it.
    Handover(HandoverArgs),
    /// Create a database of synthetic, realistic data to try vakt on, then
    /// open it (default: vakt-demo.db in the data directory; never a
    /// database that already holds work).
    Demo(DemoArgs),
    /// Are the promises kept? Figures for a period, for the annual report.
    Stats(crate::commands::stats::StatsArgs),
    /// The referral directory: search, import and export (HSDS JSON or CSV).
    #[command(subcommand)]
    Directory(DirectoryCmd),
    /// Erase caller data past the retention period (counts go to the audit log).
    Purge(PurgeArgs),
    /// Show or export the audit log: who did what, when (never caller data).
    Audit(AuditArgs),
    /// Write a consistent backup (default: backups/vakt-YYYY-MM-DD.db next to the database).
    Backup {
        /// Where to write it.
        path: Option<PathBuf>,
    },
    /// Replace the database with a backup, after checking it; the current
    /// database is kept in the backups folder first.
    Restore {
        /// The backup file.
        path: PathBuf,
    },
    /// Keep a callback item whole (the retention purge leaves it), or release it; `vakt hold` works too.
    #[command(alias = "hold")]
    Keep {
        /// The item's id (from `vakt queue`).
        id: i64,
        /// Release the item: the usual retention applies again.
        #[arg(long)]
        release: bool,
    },
    /// Print a shell completion script, e.g. `vakt completions bash > ~/.local/share/bash-completion/completions/vakt`.
    Completions {
        /// bash, zsh, fish, elvish or powershell.
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff), e.g. `vakt man | man -l -`.
    Man,
}

#[derive(Debug, Args)]
pub struct DemoArgs {
    /// How much: small (to try the app), large (100 000 callbacks and
    /// notes), huge (1 000 000 callbacks and notes).
    #[arg(long, value_enum, default_value = "small")]
    pub scale: ScaleArg,
    /// How many days back the data reaches (default: 30 for small, 3650
    /// for large and huge).
    #[arg(long)]
    pub days: Option<u32>,
    /// Only create the database; do not open the app.
    #[arg(long)]
    pub no_open: bool,
    /// Seed for the random data (the same seed gives the same data).
    #[arg(long, default_value_t = 7)]
    pub seed: u64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ScaleArg {
    Small,
    Large,
    Huge,
}

#[derive(Debug, Args)]
pub struct PurgeArgs {
    /// Only count what would be erased; change nothing.
    #[arg(long)]
    pub dry_run: bool,
    /// Erase items closed (and notes written) more than DAYS days ago,
    /// instead of the configured periods; 0 means every closed item.
    #[arg(long, value_name = "DAYS")]
    pub older_than: Option<u32>,
    /// Print JSON.
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct AuditArgs {
    /// Print JSON lines for export.
    #[arg(long)]
    pub json: bool,
    /// From this date on, YYYY-MM-DD (default: everything).
    #[arg(long, value_name = "DATE")]
    pub since: Option<String>,
}

#[derive(Debug, Subcommand)]
pub enum LogCmd {
    /// Add a note (the log is append-only: a note cannot be changed later).
    Add {
        /// The note's text.
        text: String,
        /// The next shift must read it.
        #[arg(long)]
        handover: bool,
        /// A serious concern (who was told, what was done); kept until released.
        #[arg(long)]
        escalation: bool,
        /// Link the note to a callback item.
        #[arg(long, value_name = "ID")]
        callback: Option<i64>,
    },
}

#[derive(Debug, Subcommand)]
pub enum ShiftCmd {
    /// Start a shift for the person given with --as.
    Start,
    /// End the shift of the person given with --as; the handover then waits
    /// for the next person's acknowledgement.
    End,
}

#[derive(Debug, Args)]
#[command(args_conflicts_with_subcommands = true)]
pub struct HandoverArgs {
    #[command(subcommand)]
    pub command: Option<HandoverCmd>,
    /// The day to review, YYYY-MM-DD. Without it: the handovers waiting to
    /// be acknowledged, or today if none wait.
    #[arg(long)]
    pub date: Option<String>,
    /// text (to read aloud or print), md (to paste), or json.
    #[arg(long, value_enum, default_value = "text")]
    pub format: ReportFormat,
}

#[derive(Debug, Subcommand)]
pub enum HandoverCmd {
    /// Confirm, as the next person on duty (--as), that you have read the handover.
    Ack,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    Text,
    Md,
    Json,
}

#[derive(Debug, Subcommand)]
pub enum VoicemailCmd {
    /// Add a voicemail; prints the item and its deadline. A voicemail from a
    /// number with an open item joins that item.
    Add(VoicemailAdd),
    /// Take in voicemail notification e-mails from the switchboard: one
    /// e-mail (--mail FILE, or - for standard input, for a mail filter) or
    /// every new message in a Maildir (--maildir DIR, safe from a timer).
    /// Settings: [intake] in the settings file.
    Intake(crate::commands::intake::IntakeArgs),
}

#[derive(Debug, Args)]
pub struct VoicemailAdd {
    /// The caller's number (+47 22 33 44 55, 22334455, 0047…, +46…, 116 123).
    #[arg(long, required_unless_present = "withheld")]
    pub phone: Option<String>,
    /// The number was withheld: counted, but nobody to call back.
    #[arg(long, conflicts_with_all = ["phone", "name", "summary"])]
    pub withheld: bool,
    /// When it was received (default now): RFC 3339, "YYYY-MM-DD HH:MM", "07:42", "yesterday 16:10".
    #[arg(long)]
    pub received: Option<String>,
    /// The receipt really is more than 60 days back (otherwise refused as a likely typo).
    #[arg(long, requires = "received")]
    pub old: bool,
    /// A name or alias the caller gave.
    #[arg(long)]
    pub name: Option<String>,
    /// A short summary of the message.
    #[arg(long)]
    pub summary: Option<String>,
    /// The caller asked to be called back.
    #[arg(long, conflicts_with = "no_callback")]
    pub wants_callback: bool,
    /// The caller said they do not want to be called back.
    #[arg(long)]
    pub no_callback: bool,
    /// The caller said: do not leave a message.
    #[arg(long, conflicts_with = "message_ok")]
    pub no_message: bool,
    /// The caller said a message may be left.
    #[arg(long)]
    pub message_ok: bool,
    /// The caller said we may say who we are.
    #[arg(long)]
    pub say_who_ok: bool,
    /// When it is safe to call, in the caller's words.
    #[arg(long)]
    pub safe_times: Option<String>,
    /// Print JSON.
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Subcommand)]
pub enum ComplaintCmd {
    /// Add a written complaint (letter or e-mail).
    Add {
        /// When it was received: RFC 3339 or "YYYY-MM-DD HH:MM".
        #[arg(long)]
        received: String,
        /// The receipt really is more than 60 days back (otherwise refused as a likely typo).
        #[arg(long)]
        old: bool,
        /// What it is about.
        #[arg(long)]
        summary: String,
        /// Who wrote it (optional).
        #[arg(long)]
        name: Option<String>,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
}

#[derive(Debug, Args)]
pub struct QueueArgs {
    /// Print JSON: id, kind, received, deadline, status, attempts, phone, overdue, ...
    #[arg(long)]
    pub json: bool,
    /// Also list the items closed in the last 30 days.
    #[arg(long)]
    pub all: bool,
    /// Show full numbers instead of masked ones (recorded in the audit trail).
    #[arg(long)]
    pub reveal: bool,
}

#[derive(Debug, Subcommand)]
pub enum CallbackCmd {
    /// Record an attempt: reached, no-answer, busy, left-message, wrong-number.
    Attempt {
        /// The item's id (from `vakt queue`).
        id: i64,
        /// What happened.
        #[arg(long)]
        result: String,
        /// When the attempt was made (default now).
        #[arg(long)]
        at: Option<String>,
        /// A short note.
        #[arg(long)]
        note: Option<String>,
        /// Record "left-message" although the caller said not to leave one,
        /// or never said it was all right (without it that is refused).
        #[arg(long)]
        against_wish: bool,
    },
    /// Plan a callback time inside the opening hours and the caller's safe
    /// window, e.g. --at "thursday 12:00"; --clear removes it.
    Plan {
        /// The item's id (from `vakt queue`).
        id: i64,
        /// When: "thursday 12:00", "tomorrow 13:30", "2026-11-26 12:00".
        #[arg(long, required_unless_present = "clear", conflicts_with = "clear")]
        at: Option<String>,
        /// Remove the planned time.
        #[arg(long)]
        clear: bool,
    },
    /// Close an item: reached, gave-up, not-in-use, not-needed.
    Close {
        /// The item's id.
        id: i64,
        /// How it ended.
        #[arg(long)]
        outcome: String,
    },
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
        /// Answer "open" for this time instead of now, e.g. "2027-05-17 10:00".
        #[arg(long, value_name = "WHEN")]
        at: Option<String>,
        /// Show at most N entries (1–1000).
        #[arg(long, value_name = "N", default_value_t = 50,
              value_parser = clap::value_parser!(u16).range(1..=1000))]
        limit: u16,
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
