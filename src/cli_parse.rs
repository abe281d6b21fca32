//! Reading the command line in the user's language.
//!
//! The language has to be known before clap parses anything, so that
//! `--help` and the messages about a mistyped argument speak it: it comes
//! from `--lang` among the raw arguments, else the settings file's `lang`,
//! else the locale, else nb ([`early_lang`]). The clap definitions in
//! [`crate::cli`] are then given the texts of that language from the
//! catalogue ([`command`]), and clap's errors are told again in catalogue
//! words ([`parse`]).

use std::ffi::OsString;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{Arg, CommandFactory, FromArgMatches};

use crate::cli::Cli;
use crate::config::{self, Config};
use crate::domain::text::escape_line;
use crate::i18n::{Lang, Msg, cli as t};

/// The language to speak before the command line is parsed: `--lang nb|en`
/// (or `--lang=…`) among `args`, else the settings file's `lang` (from
/// `--config`, `VAKT_CONFIG` or the default place; a settings file that
/// cannot be read is passed over here and reported later), else the locale,
/// else nb. The same order as [`config::resolve_lang`].
pub fn early_lang(args: &[OsString]) -> Lang {
    option_value(args, "--lang")
        .and_then(|v| match v.as_str() {
            "nb" => Some(Lang::Nb),
            "en" => Some(Lang::En),
            _ => None,
        })
        .or_else(|| settings_lang(args))
        .or_else(Lang::from_env)
        .unwrap_or_default()
}

/// The first value of a long option among the raw arguments, given as
/// `--name value` or `--name=value`; nothing after `--` counts.
fn option_value(args: &[OsString], name: &str) -> Option<String> {
    let mut it = args.iter().skip(1).map(|a| a.to_string_lossy());
    while let Some(a) = it.next() {
        if a == "--" {
            return None;
        }
        if a == name {
            return it.next().map(|v| v.into_owned());
        }
        if let Some(v) = a.strip_prefix(name).and_then(|r| r.strip_prefix('=')) {
            return Some(v.to_string());
        }
    }
    None
}

/// The settings file's `lang`, read leniently: a file with a mistake in
/// another key still gives its language.
fn settings_lang(args: &[OsString]) -> Option<Lang> {
    let path = option_value(args, "--config")
        .map(PathBuf::from)
        .or_else(|| {
            std::env::var_os("VAKT_CONFIG")
                .filter(|v| !v.is_empty())
                .map(PathBuf::from)
        })
        .or_else(config::default_config_path)?;
    if let Ok(cfg) = Config::load(Some(&path)) {
        return cfg.lang();
    }
    let text = std::fs::read_to_string(&path).ok()?;
    let table: toml::Table = toml::from_str(&text).ok()?;
    table.get("lang")?.as_str().and_then(Lang::from_code)
}

/// Parses `args` (with the program name first) in `lang`. On `--help` the
/// help is printed to standard output (exit 0); on a mistake a message in
/// `lang` goes to standard error (exit 2).
pub fn parse(args: &[OsString], lang: Lang) -> Result<Cli, ExitCode> {
    let mut cmd = command(lang);
    let matches = match cmd.try_get_matches_from_mut(args) {
        Ok(m) => m,
        Err(e) => return Err(report(&e, &mut cmd, args, lang)),
    };
    Cli::from_arg_matches(&matches).map_err(|e| report(&e, &mut cmd, args, lang))
}

fn report(e: &clap::Error, cmd: &mut clap::Command, args: &[OsString], lang: Lang) -> ExitCode {
    match e.kind() {
        // Help asked for: to standard output. A closed pipe (`vakt --help |
        // head -1`) is not a failure.
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion => {
            let _ = e.print();
            ExitCode::SUCCESS
        }
        // `vakt voicemail` alone: the help, to standard error.
        ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            let _ = e.print();
            ExitCode::from(2)
        }
        _ => {
            let path = command_path(cmd, args);
            eprintln!("vakt: {}", error_message(e, &path, lang));
            ExitCode::from(2)
        }
    }
}

/// The command the arguments reach, e.g. "vakt voicemail add", for the
/// hint where to read more.
fn command_path(cmd: &clap::Command, args: &[OsString]) -> String {
    let mut path = vec![cmd.get_name().to_string()];
    let mut current = cmd;
    let mut it = args.iter().skip(1).map(|a| a.to_string_lossy());
    while let Some(a) = it.next() {
        if a == "--" {
            break;
        }
        if let Some(long) = a.strip_prefix("--") {
            let takes_value = !long.contains('=')
                && current
                    .get_arguments()
                    .find(|arg| arg.get_long() == Some(long))
                    .is_some_and(|arg| arg.get_action().takes_values());
            if takes_value {
                it.next();
            }
            continue;
        }
        if a.starts_with('-') {
            continue;
        }
        match current.find_subcommand(a.as_ref()) {
            Some(sub) if sub.get_name() != "help" => {
                path.push(sub.get_name().to_string());
                current = sub;
            }
            _ => {}
        }
    }
    path.join(" ")
}

fn context_string(e: &clap::Error, kind: ContextKind) -> Option<String> {
    match e.get(kind)? {
        ContextValue::String(s) => Some(s.clone()),
        ContextValue::Strings(v) => Some(v.join(", ")),
        ContextValue::StyledStr(s) => Some(s.to_string()),
        ContextValue::StyledStrs(v) => Some(
            v.iter()
                .map(|s| s.to_string())
                .collect::<Vec<_>>()
                .join(", "),
        ),
        ContextValue::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// clap's error told in catalogue words: what was wrong, naming the
/// argument, and how to get help. What was typed is made harmless.
pub fn error_message(e: &clap::Error, command: &str, lang: Lang) -> String {
    let typed = |kind| context_string(e, kind).map(|s| escape_line(&s).into_owned());
    let arg = typed(ContextKind::InvalidArg).unwrap_or_default();
    let mut parts: Vec<String> = Vec::new();
    match e.kind() {
        ErrorKind::UnknownArgument => {
            parts.push(t::ERR_UNKNOWN_ARG.fill(lang, &[("arg", &arg), ("command", &command)]));
            if let Some(s) = typed(ContextKind::SuggestedArg) {
                parts.push(t::ERR_DID_YOU_MEAN.fill(lang, &[("suggestion", &s)]));
            }
        }
        ErrorKind::InvalidSubcommand => {
            let sub = typed(ContextKind::InvalidSubcommand).unwrap_or_default();
            parts.push(t::ERR_UNKNOWN_COMMAND.fill(lang, &[("arg", &sub), ("command", &command)]));
            if let Some(s) = typed(ContextKind::SuggestedSubcommand) {
                parts.push(t::ERR_DID_YOU_MEAN.fill(lang, &[("suggestion", &s)]));
            }
        }
        ErrorKind::InvalidValue | ErrorKind::ValueValidation => {
            let value = typed(ContextKind::InvalidValue).unwrap_or_default();
            if value.is_empty() {
                parts.push(t::ERR_NO_VALUE.fill(lang, &[("arg", &arg)]));
            } else {
                parts.push(t::ERR_INVALID_VALUE.fill(lang, &[("arg", &arg), ("value", &value)]));
            }
            if let Some(valid) = typed(ContextKind::ValidValue) {
                parts.push(t::ERR_POSSIBLE_VALUES.fill(lang, &[("values", &valid)]));
            }
        }
        ErrorKind::MissingRequiredArgument => {
            parts.push(t::ERR_MISSING_ARG.fill(lang, &[("args", &arg), ("command", &command)]));
        }
        ErrorKind::MissingSubcommand => {
            parts.push(t::ERR_MISSING_COMMAND.fill(lang, &[("command", &command)]));
        }
        ErrorKind::ArgumentConflict => match typed(ContextKind::PriorArg) {
            Some(other) if other != arg => {
                parts.push(t::ERR_CONFLICT.fill(lang, &[("arg", &arg), ("other", &other)]))
            }
            _ => parts.push(t::ERR_TWICE.fill(lang, &[("arg", &arg)])),
        },
        ErrorKind::NoEquals
        | ErrorKind::TooManyValues
        | ErrorKind::TooFewValues
        | ErrorKind::WrongNumberOfValues => {
            parts.push(t::ERR_VALUE_COUNT.fill(lang, &[("arg", &arg)]));
        }
        ErrorKind::InvalidUtf8 => parts.push(t::ERR_NOT_UTF8.get(lang).to_string()),
        _ => parts.push(t::ERR_OTHER.get(lang).to_string()),
    }
    let help = format!("{command} --help");
    parts.push(t::HINT_HELP.fill(lang, &[("help", &help)]));
    parts.join(" ")
}

/// The command-line definitions with every text in `lang`, ready to parse
/// and to print help.
pub fn command(lang: Lang) -> clap::Command {
    let mut cmd = texts(lang);
    // Built, so that the usage lines and the generated `help` commands
    // are there to be given their words too.
    cmd.build();
    if lang == Lang::Nb {
        cmd = after_build(cmd, lang);
    }
    cmd
}

/// The command-line definitions with every text in `lang`, not yet built
/// (what the manual page is rendered from).
pub fn texts(lang: Lang) -> clap::Command {
    localize(Cli::command(), lang, &[])
}

/// The catalogue entry named `name` (e.g. `ARG_VOICEMAIL_ADD__PHONE`).
fn entry(name: &str) -> Option<Msg> {
    t::ALL
        .iter()
        .find(|m| m.key.rsplit("::").next() == Some(name))
        .copied()
}

/// `VAKT` for the top level, else the command path: `VOICEMAIL_ADD`.
fn command_key(path: &[String]) -> String {
    if path.is_empty() {
        return "VAKT".into();
    }
    path.join("_").replace('-', "_").to_ascii_uppercase()
}

/// The catalogue name of an argument's help: `ARG_<command>__<id>`.
/// Global arguments are named by the top level, where they are defined.
pub fn arg_key(path: &[String], arg: &Arg) -> String {
    let owner: &[String] = if arg.is_global_set() { &[] } else { path };
    format!(
        "ARG_{}__{}",
        command_key(owner),
        arg.get_id().as_str().replace('-', "_").to_ascii_uppercase()
    )
}

pub fn about_key(path: &[String]) -> String {
    format!("ABOUT_{}", command_key(path))
}

fn localize(mut cmd: clap::Command, lang: Lang, path: &[String]) -> clap::Command {
    if let Some(m) = entry(&about_key(path)) {
        cmd = cmd.about(m.get(lang));
    }
    if let Some(m) = entry(&format!("LONG_ABOUT_{}", command_key(path))) {
        cmd = cmd.long_about(m.get(lang));
    }
    if let Some(m) = entry(&format!("AFTER_LONG_HELP_{}", command_key(path))) {
        cmd = cmd.after_long_help(m.get(lang));
    }
    // Each taken out and put back in its turn keeps the order.
    let ids: Vec<String> = cmd
        .get_arguments()
        .map(|a| a.get_id().to_string())
        .collect();
    for id in ids {
        cmd = cmd.mut_arg(&id, |a| localize_arg(a, lang, path));
    }
    let subs: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    for name in subs {
        let mut sub_path = path.to_vec();
        sub_path.push(name.clone());
        cmd = cmd.mut_subcommand(&name, |s| localize(s, lang, &sub_path));
    }
    if lang == Lang::Nb {
        // clap's own help flag speaks English: this one says the same in
        // Norwegian.
        let long_help = cmd.get_long_about().is_some() || cmd.get_after_long_help().is_some();
        let help = Arg::new("help")
            .short('h')
            .long("help")
            .action(clap::ArgAction::Help)
            // Last, as clap's own is.
            .display_order(usize::MAX)
            .help_heading(t::HEADING_OPTIONS.get(lang));
        let help = if long_help {
            help.help(t::HELP_FLAG_SHORT.get(lang))
                .long_help(t::HELP_FLAG_LONG.get(lang))
        } else {
            help.help(t::HELP_FLAG.get(lang))
        };
        cmd = cmd
            .disable_help_flag(true)
            .arg(help)
            .help_template(format!(
                "{{before-help}}{{about-with-newline}}\n{} {{usage}}\n\n{{all-args}}{{after-help}}",
                t::HEADING_USAGE.get(lang)
            ))
            .subcommand_help_heading(t::HEADING_COMMANDS.get(lang))
            .subcommand_value_name(t::VALUE_COMMAND.get(lang));
    }
    cmd
}

/// What clap adds when it builds: the `help` command, and the usage line's
/// `[OPTIONS]`.
fn after_build(mut cmd: clap::Command, lang: Lang) -> clap::Command {
    let usage = cmd.render_usage().to_string();
    let usage = usage.split_once(": ").map_or(usage.as_str(), |(_, u)| u);
    cmd = cmd.override_usage(usage.replace("[OPTIONS]", t::USAGE_OPTIONS.get(lang)));
    let subs: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    for name in subs {
        cmd = cmd.mut_subcommand(&name, |s| {
            if name == "help" {
                // The generated `vakt … help [COMMAND]`.
                s.about(t::HELP_COMMAND.get(lang))
            } else {
                after_build(s, lang)
            }
        });
    }
    cmd
}

fn localize_arg(mut a: Arg, lang: Lang, path: &[String]) -> Arg {
    if let Some(m) = entry(&arg_key(path, &a)) {
        a = a.help(m.get(lang));
    }
    if lang == Lang::En {
        return a;
    }
    // clap's own bracketed notes are English: hidden, and said here.
    let mut help = a.get_help().map(|h| h.to_string()).unwrap_or_default();
    let takes_values = a.get_action().takes_values();
    if takes_values {
        let defaults: Vec<String> = a
            .get_default_values()
            .iter()
            .map(|v| v.to_string_lossy().into_owned())
            .collect();
        if !defaults.is_empty() && !a.is_hide_default_value_set() {
            help.push(' ');
            help.push_str(&t::NOTE_DEFAULT.fill(lang, &[("value", &defaults.join(", "))]));
        }
        let values: Vec<String> = a
            .get_possible_values()
            .iter()
            .filter(|v| !v.is_hide_set())
            .map(|v| v.get_name().to_string())
            .collect();
        if !values.is_empty() && !a.is_hide_possible_values_set() {
            help.push(' ');
            help.push_str(&t::NOTE_POSSIBLE.fill(lang, &[("values", &values.join(", "))]));
        }
    }
    if let Some(env) = a.get_env()
        && !a.is_hide_env_set()
    {
        help.push(' ');
        help.push_str(&t::NOTE_ENV.fill(lang, &[("name", &env.to_string_lossy())]));
    }
    let heading = if a.is_positional() {
        t::HEADING_ARGUMENTS
    } else {
        t::HEADING_OPTIONS
    };
    if takes_values {
        a = a.hide_default_value(true).hide_possible_values(true);
    }
    if a.get_env().is_some() {
        a = a.hide_env(true);
    }
    a.help(help).help_heading(heading.get(lang))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn os(args: &[&str]) -> Vec<OsString> {
        args.iter().map(OsString::from).collect()
    }

    /// Every command and argument, with its catalogue name.
    fn walk(cmd: &clap::Command, path: &[String], out: &mut Vec<(String, String)>) {
        if !path.is_empty() && cmd.get_name() == "help" {
            return;
        }
        let about = cmd.get_about().map(|s| s.to_string()).unwrap_or_default();
        out.push((about_key(path), about));
        let key = command_key(path);
        if let Some(long) = cmd.get_long_about() {
            out.push((format!("LONG_ABOUT_{key}"), long.to_string()));
        }
        if let Some(after) = cmd.get_after_long_help() {
            out.push((format!("AFTER_LONG_HELP_{key}"), after.to_string()));
        }
        for a in cmd.get_arguments() {
            if a.get_id() == "help" || (a.is_global_set() && !path.is_empty()) {
                continue;
            }
            let help = a.get_help().map(|s| s.to_string()).unwrap_or_default();
            out.push((arg_key(path, a), help));
        }
        for sub in cmd.get_subcommands() {
            let mut p = path.to_vec();
            p.push(sub.get_name().to_string());
            walk(sub, &p, out);
        }
    }

    fn all_texts() -> Vec<(String, String)> {
        let mut cmd = Cli::command();
        cmd.build();
        let mut out = Vec::new();
        walk(&cmd, &[], &mut out);
        out
    }

    #[test]
    fn every_command_and_argument_has_both_languages() {
        let mut missing = Vec::new();
        for (key, english) in all_texts() {
            match entry(&key) {
                None => missing.push(format!("{key}\t{english:?}")),
                Some(m) => assert_eq!(
                    m.en, english,
                    "{key}: the catalogue's English differs from the doc comment in cli.rs"
                ),
            }
        }
        assert!(
            missing.is_empty(),
            "no text in src/i18n/cli.rs for:\n{}",
            missing.join("\n")
        );
    }

    #[test]
    fn every_help_text_in_the_catalogue_is_used() {
        let used: Vec<String> = all_texts().into_iter().map(|(k, _)| k).collect();
        for m in t::ALL {
            let name = m.key.rsplit("::").next().unwrap();
            let help_text = ["ARG_", "ABOUT_", "LONG_ABOUT_", "AFTER_LONG_HELP_"];
            if help_text.iter().any(|p| name.starts_with(p)) {
                assert!(
                    used.iter().any(|u| u == name),
                    "{name} names nothing in cli.rs"
                );
            }
        }
    }

    #[test]
    fn both_commands_are_valid_clap() {
        for lang in [Lang::Nb, Lang::En] {
            command(lang).debug_assert();
            texts(lang).debug_assert();
        }
    }

    #[test]
    fn lang_option_is_read_before_parsing() {
        assert_eq!(
            option_value(&os(&["vakt", "queue", "--lang", "en"]), "--lang").as_deref(),
            Some("en")
        );
        assert_eq!(
            option_value(&os(&["vakt", "--lang=nb", "queue"]), "--lang").as_deref(),
            Some("nb")
        );
        assert_eq!(
            option_value(&os(&["vakt", "log", "add", "--", "--lang"]), "--lang"),
            None
        );
        assert_eq!(option_value(&os(&["vakt", "--lang"]), "--lang"), None);
    }

    #[test]
    fn the_path_to_help_follows_the_commands() {
        let cmd = command(Lang::En);
        let p = |a: &[&str]| command_path(&cmd, &os(a));
        assert_eq!(
            p(&["vakt", "voicemail", "add", "--phnoe", "1"]),
            "vakt voicemail add"
        );
        assert_eq!(p(&["vakt", "--db", "queue", "queue"]), "vakt queue");
        assert_eq!(p(&["vakt", "--db=x", "log", "add", "hi"]), "vakt log add");
        assert_eq!(p(&["vakt", "nonsense"]), "vakt");
    }

    #[test]
    fn typed_control_characters_never_reach_the_message() {
        let cmd = command(Lang::Nb);
        let args = os(&["vakt", "queue", "--\u{1b}[31mx"]);
        let e = cmd.clone().try_get_matches_from(&args).unwrap_err();
        let msg = error_message(&e, "vakt queue", Lang::Nb);
        assert!(!msg.contains('\u{1b}'), "{msg}");
        assert!(msg.contains("\\u{1b}"), "{msg}");
    }
}
