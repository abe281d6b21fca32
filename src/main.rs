use std::process::ExitCode;

use chrono::Utc;
use clap::Parser;

use vakt::cli::{Cli, Command, LangArg};
use vakt::commands::{self, Ctx};
use vakt::config::{self, Config};
use vakt::error::AppError;
use vakt::i18n::Lang;
use vakt::tui::{self, App, theme::Theme};

fn main() -> ExitCode {
    let cli = Cli::parse();
    let cli_lang = cli.lang.map(|l| match l {
        LangArg::Nb => Lang::Nb,
        LangArg::En => Lang::En,
    });
    // Until the config is read, errors speak the command line's language or
    // the locale's.
    let early_lang = cli_lang.or_else(Lang::from_env).unwrap_or_default();
    let cfg = match Config::load(cli.config.as_deref()) {
        Ok(c) => c,
        Err(e) => return fail(&e, early_lang),
    };
    let lang = config::resolve_lang(cli_lang, &cfg);
    match run(cli, cfg, lang) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => fail(&e, lang),
    }
}

fn fail(e: &AppError, lang: Lang) -> ExitCode {
    eprintln!("vakt: {}", e.message(lang));
    ExitCode::from(e.exit_code() as u8)
}

fn run(cli: Cli, cfg: Config, lang: Lang) -> Result<(), AppError> {
    let db_path = match cli.db.or_else(|| cfg.db.clone()) {
        Some(p) => p,
        None => config::default_db_path().ok_or(AppError::NoDataDir)?,
    };
    let actor = cli
        .actor
        .clone()
        .or_else(|| std::env::var("USER").ok())
        .unwrap_or_else(|| "?".into());
    let ctx = Ctx {
        lang,
        db_path,
        actor,
        now: Utc::now(),
    };
    match cli.command {
        None | Some(Command::Tui) => {
            let store = ctx.open_store()?;
            let theme = Theme::choose(
                std::env::var("NO_COLOR").ok().as_deref(),
                cfg.theme.as_deref(),
            );
            let reduced_motion = cfg.reduced_motion;
            let mut app =
                App::with_config(store, lang, theme, ctx.now, cfg).map_err(ctx.db_err())?;
            app.on_duty = cli.actor;
            tui::run(app, reduced_motion)
        }
        Some(Command::Calendar(cmd)) => commands::calendar::run(&ctx, cmd),
        Some(Command::Directory(cmd)) => commands::directory::run(&ctx, cmd, &cfg),
    }
}
