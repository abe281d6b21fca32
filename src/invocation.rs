//! How this vakt was started, so a hint can name a command that works: a
//! newcomer who followed the README started it with `cargo run --release`
//! and has no `vakt` on their PATH.

use std::path::{Path, PathBuf};

/// How the running program can be started again with other arguments.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Invocation {
    /// Through cargo, from the source folder.
    Cargo,
    /// `vakt` on the PATH is this program.
    OnPath,
    /// Only by its full path.
    At(PathBuf),
}

impl Invocation {
    /// The command line for `vakt ARGS` as the person can type it.
    pub fn command(&self, args: &str) -> String {
        match self {
            Invocation::Cargo => format!("cargo run --release -- {args}"),
            Invocation::OnPath => format!("vakt {args}"),
            Invocation::At(p) => {
                let path = p.display().to_string();
                let shown = crate::domain::text::escape_line(&path);
                if shown.contains(char::is_whitespace) {
                    format!("'{shown}' {args}")
                } else {
                    format!("{shown} {args}")
                }
            }
        }
    }
}

/// Decides from what the process was given: whether cargo started it (cargo
/// sets `CARGO_MANIFEST_DIR` for `cargo run`), this program's path, and
/// what `vakt` on the PATH resolves to.
pub fn decide(run_by_cargo: bool, exe: Option<&Path>, vakt_on_path: Option<&Path>) -> Invocation {
    if run_by_cargo {
        return Invocation::Cargo;
    }
    match (exe, vakt_on_path) {
        (Some(e), Some(p)) if e == p => Invocation::OnPath,
        (Some(e), _) => Invocation::At(e.to_path_buf()),
        (None, _) => Invocation::OnPath,
    }
}

/// This process's invocation (reads the environment and the PATH).
pub fn current() -> Invocation {
    let canon = |p: PathBuf| std::fs::canonicalize(&p).unwrap_or(p);
    let exe = std::env::current_exe().ok().map(canon);
    let on_path = std::env::var_os("PATH").and_then(|paths| {
        std::env::split_paths(&paths)
            .map(|d| d.join("vakt"))
            .find(|p| p.is_file())
            .map(canon)
    });
    decide(
        std::env::var_os("CARGO_MANIFEST_DIR").is_some(),
        exe.as_deref(),
        on_path.as_deref(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_the_command_that_works() {
        let exe = Path::new("/home/kari/vakt/target/release/vakt");
        assert_eq!(
            decide(true, Some(exe), None).command("demo"),
            "cargo run --release -- demo"
        );
        assert_eq!(
            decide(false, Some(exe), Some(exe)).command("demo"),
            "vakt demo"
        );
        let other = Path::new("/usr/local/bin/vakt");
        assert_eq!(
            decide(false, Some(exe), Some(other)).command("demo"),
            "/home/kari/vakt/target/release/vakt demo"
        );
        assert_eq!(
            decide(false, Some(exe), None).command("demo"),
            "/home/kari/vakt/target/release/vakt demo"
        );
        let spaced = Path::new("/Users/Kari N/vakt/target/release/vakt");
        assert_eq!(
            decide(false, Some(spaced), None).command("demo"),
            "'/Users/Kari N/vakt/target/release/vakt' demo"
        );
        assert_eq!(decide(false, None, None).command("demo"), "vakt demo");
    }
}
