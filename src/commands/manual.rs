//! `vakt completions SHELL` and `vakt man`: both are generated from the
//! same clap definitions as the command line itself, so they cannot drift
//! from what vakt accepts.

use std::io::Write;

use clap::CommandFactory;
use clap_mangen::roff::{Roff, bold, roman};

use crate::cli::Cli;
use crate::error::AppError;
use crate::i18n::{Lang, cli as t};

/// Writes the completion script for `shell` to standard output.
pub fn completions(shell: clap_complete::Shell) -> Result<(), AppError> {
    let mut cmd = Cli::command();
    let mut buf = Vec::new();
    clap_complete::generate(shell, &mut cmd, "vakt", &mut buf);
    write_stdout(&buf)
}

/// Writes the manual page (roff) in `lang` to standard output.
pub fn man(lang: Lang) -> Result<(), AppError> {
    write_stdout(&man_page(lang))
}

fn write_stdout(bytes: &[u8]) -> Result<(), AppError> {
    let mut o = std::io::stdout().lock();
    o.write_all(bytes)
        .and_then(|_| o.flush())
        .map_err(|e| AppError::output(&e))
}

/// The whole manual page: the top-level page clap_mangen renders, then
/// every command with its arguments, then environment, files and where
/// the guides are. No date, so the output only changes with the program.
pub fn man_page(lang: Lang) -> Vec<u8> {
    let cmd = crate::cli_parse::texts(lang);
    let man = clap_mangen::Man::new(cmd.clone())
        .title("VAKT")
        .section("1")
        .source(format!("vakt {}", env!("CARGO_PKG_VERSION")))
        .manual(t::MAN_MANUAL.get(lang));
    let mut out = Vec::new();
    let w: &mut dyn Write = &mut out;
    // Writing to a Vec cannot fail.
    man.render_title(w).unwrap();
    man.render_name_section(w).unwrap();
    man.render_synopsis_section(w).unwrap();
    man.render_description_section(w).unwrap();
    man.render_options_section(w).unwrap();

    let mut roff = Roff::default();
    roff.control("SH", [t::MAN_COMMANDS.get(lang)]);
    roff.to_writer(w).unwrap();
    for sub in cmd.get_subcommands() {
        command_section(w, sub, "vakt");
    }

    let mut roff = Roff::default();
    roff.control("SH", [t::MAN_ENVIRONMENT.get(lang)]);
    for (name, text) in [
        ("VAKT_DB", t::MAN_ENV_DB),
        ("VAKT_CONFIG", t::MAN_ENV_CONFIG),
        ("VAKT_AS", t::MAN_ENV_AS),
        ("NO_COLOR", t::MAN_ENV_NO_COLOR),
        ("LC_ALL, LC_MESSAGES, LANG", t::MAN_ENV_LOCALE),
    ] {
        roff.control("TP", []);
        roff.text([bold(name)]);
        roff.text([roman(text.get(lang))]);
    }
    roff.control("SH", [t::MAN_FILES.get(lang)]);
    for (name, text) in [
        ("~/.config/vakt/config.toml", t::MAN_FILE_CONFIG),
        ("~/.local/share/vakt/vakt.db", t::MAN_FILE_DB),
    ] {
        roff.control("TP", []);
        roff.text([bold(name)]);
        roff.text([roman(text.get(lang))]);
    }
    roff.control("SH", [t::MAN_SEE_ALSO.get(lang)]);
    roff.text([roman(t::MAN_SEE_ALSO_TEXT.get(lang))]);
    roff.to_writer(w).unwrap();
    // Each part starts with the same two-line preamble; keep the first.
    let mut text = String::from_utf8(out).expect("roff is text");
    // clap_mangen's own section headings are English.
    if lang == Lang::Nb {
        for (en, msg) in [
            (".SH NAME\n", t::MAN_NAME),
            (".SH SYNOPSIS\n", t::MAN_SYNOPSIS),
            (".SH DESCRIPTION\n", t::MAN_DESCRIPTION),
            (".SH OPTIONS\n", t::MAN_OPTIONS),
        ] {
            text = text.replace(en, &format!(".SH {}\n", msg.get(lang)));
        }
    }
    let preamble = ".ie \\n(.g .ds Aq \\(aq\n.el .ds Aq '\n";
    match text.split_once(preamble) {
        Some((before, rest)) => format!("{before}{preamble}{}", rest.replace(preamble, "")),
        None => text,
    }
    .into_bytes()
}

/// One command: a subsection named by its full path, what it does, its
/// usage and its arguments; then its own commands.
fn command_section(w: &mut dyn Write, cmd: &clap::Command, parent: &str) {
    if cmd.is_hide_set() || cmd.get_name() == "help" {
        return;
    }
    let path = format!("{parent} {}", cmd.get_name());
    let man = clap_mangen::Man::new(cmd.clone().bin_name(path.clone()));
    let mut roff = Roff::default();
    roff.control("SS", [path.as_str()]);
    if let Some(about) = cmd.get_long_about().or_else(|| cmd.get_about()) {
        roff.text([roman(about.to_string())]);
    }
    roff.to_writer(w).unwrap();
    let mut synopsis = Vec::new();
    man.render_synopsis_section(&mut synopsis).unwrap();
    let mut options = Vec::new();
    man.render_options_section(&mut options).unwrap();
    // Inside a subsection, the section headings become paragraphs.
    for part in [synopsis, options] {
        let text = String::from_utf8(part).expect("roff is text");
        for line in text.lines() {
            if line.starts_with(".SH") {
                writeln!(w, ".PP").unwrap();
            } else {
                writeln!(w, "{line}").unwrap();
            }
        }
    }
    for sub in cmd.get_subcommands() {
        command_section(w, sub, &path);
    }
}
