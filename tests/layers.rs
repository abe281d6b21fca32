//! The layers stay layers: the terminal app never uses the command line's
//! front end (`src/commands/`). What both need (upkeep, the figures in
//! sentences) lives next to what it serves, and both go through it.

use std::path::{Path, PathBuf};

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("source dir reads") {
        let path = entry.expect("dir entry reads").path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn the_app_never_imports_the_command_line() {
    let tui = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/tui");
    let mut files = vec![];
    rust_files(&tui, &mut files);
    assert!(files.len() > 10, "found the app's sources");
    let mut offenders = vec![];
    for f in files {
        let text = std::fs::read_to_string(&f).expect("source reads");
        for (n, line) in text.lines().enumerate() {
            if line.contains("crate::commands") || line.contains("vakt::commands") {
                offenders.push(format!("{}:{}: {}", f.display(), n + 1, line.trim()));
            }
        }
    }
    assert!(
        offenders.is_empty(),
        "src/tui uses src/commands:\n{}",
        offenders.join("\n")
    );
}
