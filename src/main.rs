use std::process::ExitCode;

use chrono::Utc;

use vakt::cli::{Cli, Command, LangArg};
use vakt::commands::{self, Ctx};
use vakt::config::{self, Config};
use vakt::domain::name::DutyName;
use vakt::domain::text::{escape, escape_line};
use vakt::error::AppError;
use vakt::i18n::Lang;
use vakt::tui::{self, App, theme::Theme};

fn main() -> ExitCode {
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    // Known before parsing, so that help and mistakes speak it.
    let arg_lang = vakt::cli_parse::early_lang(&args);
    let cli = match vakt::cli_parse::parse(&args, arg_lang) {
        Ok(cli) => cli,
        Err(code) => return code,
    };
    // Generated from the command-line definitions: no settings, no database.
    let generated = match &cli.command {
        Some(Command::Completions { shell }) => Some(commands::manual::completions(*shell)),
        Some(Command::Man) => Some(commands::manual::man(arg_lang)),
        _ => None,
    };
    if let Some(result) = generated {
        return match result {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => fail(&e, arg_lang),
        };
    }
    let cli_lang = cli.lang.map(|l| match l {
        LangArg::Nb => Lang::Nb,
        LangArg::En => Lang::En,
    });
    // Until the config is read, errors speak the command line's language or
    // the locale's.
    let early_lang = cli_lang.or_else(Lang::from_env).unwrap_or_default();
    // Needs no settings and no database: it must work when they are broken.
    if cli.version {
        return match commands::out(&commands::version::text(early_lang)) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => fail(&e, early_lang),
        };
    }
    let cfg = match Config::load(cli.config.as_deref()) {
        Ok(c) => c,
        Err(e) => return fail(&e, early_lang),
    };
    let lang = config::resolve_lang(cli_lang, &cfg);
    // Unknown keys are not fatal, and never silent.
    for w in cfg.warning_messages(lang) {
        eprintln!("vakt: {}", escape(&w));
    }
    if let Err(e) = commands::privacy::setup_key(cli.key_file.as_deref(), cli.ask_key, lang) {
        return fail(&e, lang);
    }
    match run(cli, cfg, lang) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => fail(&e, lang),
    }
}

fn fail(e: &AppError, lang: Lang) -> ExitCode {
    if matches!(e, AppError::OutputClosed) {
        return ExitCode::SUCCESS;
    }
    // A message may quote what was typed: never a raw control character.
    eprintln!("vakt: {}", escape(&e.message(lang)));
    ExitCode::from(e.exit_code() as u8)
}

fn run(cli: Cli, cfg: Config, lang: Lang) -> Result<(), AppError> {
    let is_demo = matches!(cli.command, Some(Command::Demo(_)));
    // The demo never falls back to the configured (real) database.
    let configured = if is_demo { None } else { cfg.db.clone() };
    let fallback = if is_demo {
        commands::demo::default_path()
    } else {
        config::default_db_path()
    };
    let given = cli.db.clone().or(configured);
    // Only the app's first start on the default path creates a database
    // without asking.
    let default_path = given.is_none() && !is_demo;
    let db_path = match given {
        Some(p) => p,
        None => fallback.ok_or(AppError::NoDataDir)?,
    };
    // `--as` follows the name rule, for every command; the login name only
    // ever reaches the audit trail made harmless.
    let as_name = match cli.actor.as_deref() {
        Some(raw) => Some(
            DutyName::parse(raw)
                .map_err(|e| AppError::Message(vakt::i18n::rules::as_error(&e, lang)))?
                .into_string(),
        ),
        None => None,
    };
    let actor = as_name
        .clone()
        .or_else(|| {
            std::env::var("USER")
                .ok()
                .map(|u| match DutyName::parse(&u) {
                    Ok(n) => n.into_string(),
                    Err(_) => escape_line(u.trim()).chars().take(32).collect(),
                })
        })
        .filter(|a| !a.is_empty())
        .unwrap_or_else(|| "?".into());
    let ctx = Ctx {
        lang,
        db_path,
        actor,
        now: Utc::now(),
        config: cfg.clone(),
        as_name: as_name.clone(),
    };
    let open_tui = match &cli.command {
        None | Some(Command::Tui) => true,
        Some(Command::Demo(args)) => commands::demo::run(&ctx, args)?,
        _ => false,
    };
    match cli.command {
        _ if open_tui => {
            commands::ensure_database(&ctx, default_path)?;
            let start = commands::privacy::open_for_app(&ctx)?;
            let store = start.store;
            let mut notices = start.notices;
            // Why nothing can be saved comes first: the status line is short.
            if let Some(l) = store.limit() {
                notices.insert(0, commands::limit_notice(l, lang));
            }
            let theme = Theme::choose(
                std::env::var("NO_COLOR").ok().as_deref(),
                cfg.theme.as_deref(),
            );
            let mut app =
                App::with_config(store, lang, theme, ctx.now, cfg.clone()).map_err(ctx.db_err())?;
            app.run_in_background(start.background_check, Some(start.background_backup));
            let notices = {
                let mut all = cfg.warning_messages(lang);
                all.extend(notices);
                all
            };
            app.notify(notices);
            app.open(as_name.as_deref());
            tui::run(app, cfg.reduced_motion)
        }
        None | Some(Command::Tui) | Some(Command::Demo(_)) => Ok(()),
        Some(Command::Init) => commands::init(&ctx),
        Some(Command::Calendar(cmd)) => commands::calendar::run(&ctx, cmd),
        Some(Command::Voicemail(cmd)) => commands::callbacks::voicemail(&ctx, cmd),
        Some(Command::Complaint(cmd)) => commands::callbacks::complaint(&ctx, cmd),
        Some(Command::Queue(args)) => commands::callbacks::queue(&ctx, args),
        Some(Command::Callback(cmd)) => commands::callbacks::callback(&ctx, cmd),
        Some(Command::Log(cmd)) => commands::log::log(&ctx, cmd),
        Some(Command::Shift(cmd)) => commands::log::shift(&ctx, cmd),
        Some(Command::Handover(args)) => commands::log::handover(&ctx, args),
        Some(Command::Stats(args)) => commands::stats::run(&ctx, args),
        Some(Command::Directory(cmd)) => commands::directory::run(&ctx, cmd, &cfg),
        Some(Command::Purge(args)) => commands::privacy::purge(&ctx, args),
        Some(Command::Audit(args)) => commands::privacy::audit(&ctx, args),
        Some(Command::Backup { path }) => commands::privacy::backup(&ctx, path),
        Some(Command::Restore { path }) => commands::privacy::restore(&ctx, path),
        Some(Command::Keep { id, release }) => commands::privacy::hold(&ctx, id, release),
        Some(Command::Completions { .. }) | Some(Command::Man) => Ok(()),
    }
}
