//! `vakt demo`: create a database of synthetic data, then open it.

use std::path::PathBuf;

use super::{Ctx, out};
use crate::cli::{DemoArgs, ScaleArg};
use crate::demo::{self, Scale};
use crate::error::AppError;
use crate::i18n::shell as m;

/// Where the demo goes when no `--db` is given: never the real database.
pub fn default_path() -> Option<PathBuf> {
    crate::config::data_dir().map(|d| d.join("vakt-demo.db"))
}

/// Creates the demo database at `ctx.db_path`. Returns whether the app
/// should open it.
pub fn run(ctx: &Ctx, args: &DemoArgs) -> Result<bool, AppError> {
    let mut scale = match args.scale {
        ScaleArg::Small => Scale::small(),
        ScaleArg::Large => Scale::large(),
        ScaleArg::Huge => Scale::huge(),
    };
    if let Some(days) = args.days {
        scale.days = days.clamp(1, 36_500);
    }
    let mut store = ctx.create_store()?;
    let path = ctx.db_path.display();
    if demo::has_data(&store).map_err(ctx.db_err())? {
        return Err(AppError::Message(
            m::DEMO_HAS_DATA.fill(ctx.lang, &[("path", &path)]),
        ));
    }
    eprintln!("{}", m::DEMO_CREATING.fill(ctx.lang, &[("path", &path)]));
    let sum = demo::generate(&mut store, scale, ctx.now, args.seed).map_err(ctx.db_err())?;
    out(&m::DEMO_DONE.fill(
        ctx.lang,
        &[
            ("callbacks", &sum.callbacks),
            ("open", &sum.open),
            ("attempts", &sum.attempts),
            ("notes", &sum.notes),
            ("shifts", &sum.shifts),
        ],
    ))?;
    Ok(!args.no_open)
}
