//! `vakt directory import|export|search`.
//!
//! Import reads the whole file first and saves it in one transaction, so a
//! broken file changes nothing. Problems with the file are reported on
//! standard error in the user's language (exit code 2); nothing from the
//! file's content beyond service names and line numbers is echoed, and
//! search terms are never logged.

use std::io::Read;
use std::path::Path;

use serde_json::{Value, json};

use super::{Ctx, out, out_json};
use crate::cli::DirectoryCmd;
use crate::config::Config;
use crate::directory::{self, Service, fold, freshness, hsds, table};
use crate::error::AppError;
use crate::i18n::{Lang, directory as d, shell as sh};
use crate::store::directory::{FileEntry, SearchQuery};

/// Larger files are refused before reading: a real directory is tiny.
pub const MAX_FILE_MB: u64 = 50;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Hsds,
    Csv,
}

/// The format from the flag, else the file's extension, else HSDS JSON.
pub fn choose_format(flag: Option<&str>, path: Option<&Path>) -> Result<Format, String> {
    if let Some(f) = flag {
        return match f.trim().to_ascii_lowercase().as_str() {
            "hsds" | "json" => Ok(Format::Hsds),
            "csv" => Ok(Format::Csv),
            _ => Err(f.to_string()),
        };
    }
    let ext = path
        .and_then(|p| p.extension())
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    Ok(match ext.as_deref() {
        Some("csv") => Format::Csv,
        _ => Format::Hsds,
    })
}

/// Reports a problem with the input in full, then fails with exit code 2.
fn bad_input(text: String) -> AppError {
    eprintln!("vakt: {}", crate::domain::text::escape(&text));
    AppError::Invalid(d::NOTHING_CHANGED)
}

fn io_why(kind: std::io::ErrorKind, lang: Lang) -> String {
    match kind {
        std::io::ErrorKind::NotFound => sh::IO_NOT_FOUND.get(lang).to_string(),
        std::io::ErrorKind::PermissionDenied => sh::IO_PERMISSION.get(lang).to_string(),
        std::io::ErrorKind::IsADirectory => sh::IO_IS_DIR.get(lang).to_string(),
        other => sh::IO_OTHER.fill(lang, &[("kind", &format!("{other:?}"))]),
    }
}

fn read_file(path: &Path, lang: Lang) -> Result<String, AppError> {
    let p = path.display();
    let err =
        |k| bad_input(d::ERR_FILE_READ.fill(lang, &[("path", &p), ("why", &io_why(k, lang))]));
    let file = std::fs::File::open(path).map_err(|e| err(e.kind()))?;
    let meta = file.metadata().map_err(|e| err(e.kind()))?;
    if meta.is_dir() {
        return Err(err(std::io::ErrorKind::IsADirectory));
    }
    let max = MAX_FILE_MB * 1024 * 1024;
    let mut bytes = Vec::new();
    file.take(max + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| err(e.kind()))?;
    if bytes.len() as u64 > max {
        return Err(bad_input(
            d::ERR_FILE_TOO_BIG.fill(lang, &[("path", &p), ("max", &MAX_FILE_MB)]),
        ));
    }
    String::from_utf8(bytes).map_err(|_| bad_input(d::ERR_NOT_UTF8.fill(lang, &[("path", &p)])))
}

/// Reads every entry of a file; a file that cannot be read at all is an error.
pub fn read_entries(
    text: &str,
    format: Format,
    path: &Path,
    lang: Lang,
) -> Result<Vec<FileEntry>, AppError> {
    let p = path.display();
    match format {
        Format::Hsds => {
            let items = hsds::services_in(text).map_err(|e| match e {
                hsds::DocError::Syntax { line, column } => bad_input(
                    d::ERR_JSON.fill(lang, &[("path", &p), ("line", &line), ("column", &column)]),
                ),
                hsds::DocError::NotServices => {
                    bad_input(d::ERR_NOT_SERVICES.fill(lang, &[("path", &p)]))
                }
            })?;
            Ok(items
                .iter()
                .enumerate()
                .map(|(i, v)| {
                    let name: String = v
                        .get("name")
                        .and_then(Value::as_str)
                        .unwrap_or("")
                        .chars()
                        .take(80)
                        .collect();
                    (i + 1, hsds::from_hsds(v).map_err(|why| (name, why)))
                })
                .collect())
        }
        Format::Csv => {
            let mut rd = csv::ReaderBuilder::new()
                .has_headers(false)
                .flexible(true)
                .from_reader(text.as_bytes());
            let mut header: Option<Vec<String>> = None;
            let mut entries = Vec::new();
            for rec in rd.records() {
                let rec = rec.map_err(|e| {
                    let line = e.position().map(|p| p.line()).unwrap_or(0);
                    bad_input(d::ERR_CSV.fill(lang, &[("path", &p), ("line", &line)]))
                })?;
                let line = rec.position().map(|p| p.line() as usize).unwrap_or(0);
                let cells: Vec<String> = rec.iter().map(str::to_string).collect();
                match &header {
                    None => {
                        if !cells.iter().any(|c| {
                            c.trim()
                                .trim_start_matches('\u{feff}')
                                .eq_ignore_ascii_case("name")
                        }) {
                            return Err(bad_input(d::ERR_CSV_NO_NAME.fill(lang, &[("path", &p)])));
                        }
                        header = Some(cells);
                    }
                    Some(h) => {
                        if cells.iter().all(|c| c.trim().is_empty()) {
                            continue;
                        }
                        let name_col = h.iter().position(|c| {
                            c.trim()
                                .trim_start_matches('\u{feff}')
                                .eq_ignore_ascii_case("name")
                        });
                        let name: String = name_col
                            .and_then(|i| cells.get(i))
                            .map(|s| s.chars().take(80).collect())
                            .unwrap_or_default();
                        entries.push((line, table::from_row(h, &cells).map_err(|why| (name, why))));
                    }
                }
            }
            if header.is_none() {
                return Err(bad_input(d::ERR_CSV_NO_NAME.fill(lang, &[("path", &p)])));
            }
            Ok(entries)
        }
    }
}

/// The whole directory as a file's text.
pub fn export_text(services: &[Service], format: Format) -> Result<String, AppError> {
    match format {
        Format::Hsds => {
            let arr: Vec<Value> = services.iter().map(hsds::to_hsds).collect();
            let mut s =
                serde_json::to_string_pretty(&Value::Array(arr)).map_err(|_| AppError::Output)?;
            s.push('\n');
            Ok(s)
        }
        Format::Csv => {
            let mut w = csv::WriterBuilder::new().from_writer(Vec::new());
            w.write_record(table::HEADER)
                .map_err(|_| AppError::Output)?;
            for s in services {
                w.write_record(table::to_row(s))
                    .map_err(|_| AppError::Output)?;
            }
            let bytes = w.into_inner().map_err(|_| AppError::Output)?;
            String::from_utf8(bytes).map_err(|_| AppError::Output)
        }
    }
}

/// The most entries one search gives (the store's own cap).
const SEARCH_MAX: usize = 1000;

pub fn run(ctx: &Ctx, cmd: DirectoryCmd, cfg: &Config) -> Result<(), AppError> {
    let lang = ctx.lang;
    match cmd {
        DirectoryCmd::Import { file, format } => {
            let format = choose_format(format.as_deref(), Some(&file))
                .map_err(|f| bad_input(d::ERR_UNKNOWN_FORMAT.fill(lang, &[("format", &f)])))?;
            let text = read_file(&file, lang)?;
            let entries = read_entries(&text, format, &file, lang)?;
            let mut store = ctx.open_store()?;
            let report = store
                .import_services(entries, &ctx.actor, ctx.now)
                .map_err(ctx.db_err())?;
            let mut msg = d::IMPORT_SUMMARY.fill(
                lang,
                &[
                    ("added", &report.added),
                    ("updated", &report.updated),
                    ("unchanged", &report.unchanged),
                    ("skipped", &report.skipped.len()),
                ],
            );
            for (n, name, why) in &report.skipped {
                msg.push('\n');
                msg.push_str(&d::IMPORT_SKIP_LINE.fill(
                    lang,
                    &[
                        ("n", n),
                        ("name", name),
                        ("why", &d::skip_reason(why, lang)),
                    ],
                ));
            }
            for (n, name, note) in &report.notes {
                msg.push('\n');
                msg.push_str(&d::IMPORT_NOTE_LINE.fill(
                    lang,
                    &[
                        ("n", n),
                        ("name", name),
                        ("what", &d::note_text(note, lang)),
                    ],
                ));
            }
            out(&msg)
        }
        DirectoryCmd::Export { output, format } => {
            let format = choose_format(format.as_deref(), output.as_deref())
                .map_err(|f| bad_input(d::ERR_UNKNOWN_FORMAT.fill(lang, &[("format", &f)])))?;
            let store = ctx.open_store()?;
            let all = store.all_services().map_err(ctx.db_err())?;
            let text = export_text(&all, format)?;
            match output {
                None => out(&text),
                Some(path) => {
                    std::fs::write(&path, text).map_err(|e| {
                        bad_input(d::ERR_WRITE.fill(
                            lang,
                            &[("path", &path.display()), ("why", &io_why(e.kind(), lang))],
                        ))
                    })?;
                    eprintln!(
                        "{}",
                        d::EXPORTED.fill(lang, &[("n", &all.len()), ("path", &path.display())])
                    );
                    Ok(())
                }
            }
        }
        DirectoryCmd::Search {
            query,
            json,
            category,
            municipality,
            open_now,
            at,
            limit: shown,
        } => {
            let store = ctx.open_store()?;
            let tz = store.calendar().map_err(ctx.db_err())?.tz;
            // "Open" is asked of one instant: now, or the time given.
            let when = match at {
                None => ctx.now,
                Some(t) => crate::when::parse_when(&t, ctx.now, tz)?,
            };
            let category = match category {
                None => None,
                Some(c) => {
                    let key = directory::category_key(&c);
                    let cats = store.categories().map_err(ctx.db_err())?;
                    if !cats.iter().any(|k| k.key == key) {
                        let list = cats
                            .iter()
                            .map(|k| k.key.as_str())
                            .collect::<Vec<_>>()
                            .join(", ");
                        return Err(bad_input(d::ERR_UNKNOWN_CATEGORY.fill(
                            lang,
                            &[
                                ("category", &c.chars().take(60).collect::<String>()),
                                ("list", &list),
                            ],
                        )));
                    }
                    Some(key)
                }
            };
            let q = SearchQuery {
                text: &query,
                category: category.as_deref(),
                municipality: municipality
                    .as_deref()
                    .filter(|m| !fold::fold(m).is_empty()),
                open_at: open_now.then_some((when, tz)),
                include_closed: false,
                // As many as a search gives, to count them truly; the
                // first `--limit` are printed.
                limit: SEARCH_MAX,
            };
            let result = store.search_directory(&q).map_err(ctx.db_err())?;
            let shown = usize::from(shown);
            let hits = &result.services[..result.services.len().min(shown)];
            // Said on standard error: standard output stays the list (one
            // line or one JSON element per entry) for scripts and `wc -l`,
            // and a person at the terminal still reads it.
            if let Some(note) = d::search_cut(hits.len(), result.services.len(), result.more, lang)
            {
                eprintln!("vakt: {note}");
            }
            let stale_days = cfg.directory.stale_days;
            if json {
                let arr: Vec<Value> = hits
                    .iter()
                    .map(|s| {
                        let f = freshness(s.last_verified_at, ctx.now, tz, stale_days);
                        json!({
                            "id": s.uid,
                            "name": s.name,
                            "alternate_name": s.alternate_name,
                            "phones": s.phones.iter().map(|p| p.number.display()).collect::<Vec<_>>(),
                            "categories": s.categories,
                            "status": s.status.key(),
                            "open_now": s.hours.open_at(when, tz),
                            "hours": s.hours.to_text(),
                            "web": s.web,
                            "last_verified_at": s.last_verified_at.map(crate::store::ts),
                            "verified": !f.needs_verifying(),
                            "stale": matches!(f, directory::Freshness::Stale { .. }),
                        })
                    })
                    .collect();
                return out_json(&Value::Array(arr));
            }
            if hits.is_empty() {
                return out(d::SEARCH_NONE.get(lang));
            }
            let mut text: String =
                d::search_reading(result.place_reading(), result.corrected.as_deref(), lang)
                    .into_iter()
                    .map(|l| l + "\n")
                    .collect();
            for s in hits {
                let phone = s
                    .main_phone()
                    .map(|p| p.number.display())
                    .unwrap_or_else(|| d::NO_PHONE.get(lang).into());
                let open = match s.hours.open_at(when, tz) {
                    Some(true) => d::OPEN_NOW.get(lang),
                    Some(false) => d::CLOSED_NOW.get(lang),
                    None => d::OPEN_UNKNOWN.get(lang),
                };
                let f = freshness(s.last_verified_at, ctx.now, tz, stale_days);
                text += &format!(
                    "{}  ·  {phone}  ·  {open}  ·  {}",
                    s.name,
                    d::freshness_short(f, lang)
                );
                if let Some(p) = store.open_problem(s.id).map_err(ctx.db_err())? {
                    text += &format!("  ·  {}", d::problem_mark(&p, tz, lang));
                }
                text.push('\n');
            }
            out(&text)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn format_from_flag_then_extension_then_hsds() {
        let csv = Path::new("x.CSV");
        assert_eq!(choose_format(Some("hsds"), Some(csv)), Ok(Format::Hsds));
        assert_eq!(choose_format(None, Some(csv)), Ok(Format::Csv));
        assert_eq!(
            choose_format(None, Some(Path::new("x.json"))),
            Ok(Format::Hsds)
        );
        assert_eq!(choose_format(None, None), Ok(Format::Hsds));
        assert!(choose_format(Some("xml"), None).is_err());
    }
}
