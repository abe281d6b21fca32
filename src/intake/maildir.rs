//! A Maildir as the intake uses it: every message in `new/` is read; after
//! the database has committed what it said, it is renamed into `cur/` with
//! the seen flag (`:2,S`), or into the `.failed` folder if it could not be
//! read. A rename is atomic, and the database remembers every e-mail it
//! took in, so two runs at once, or a run after one was killed between
//! commit and rename, take nothing twice and lose nothing.

use std::io::{self, ErrorKind};
use std::path::{Path, PathBuf};

/// The folder next to `new/` and `cur/` where unreadable e-mails go (a
/// Maildir++ subfolder, so a mail client shows it as "failed").
pub const FAILED: &str = ".failed";

pub struct Maildir {
    root: PathBuf,
}

impl Maildir {
    /// `None` unless `root` has `new/` and `cur/`.
    pub fn open(root: &Path) -> Option<Maildir> {
        (root.join("new").is_dir() && root.join("cur").is_dir()).then(|| Maildir {
            root: root.to_path_buf(),
        })
    }

    pub fn root(&self) -> &Path {
        &self.root
    }

    /// Names of the messages in `new/`, in name order (delivery order for
    /// the usual `time.unique.host` names). Dot files are not messages.
    pub fn pending(&self) -> io::Result<Vec<String>> {
        let mut names = Vec::new();
        for entry in std::fs::read_dir(self.root.join("new"))? {
            let entry = entry?;
            let Ok(name) = entry.file_name().into_string() else {
                continue;
            };
            if name.starts_with('.') {
                continue;
            }
            if entry.file_type().map(|t| t.is_file()).unwrap_or(false) {
                names.push(name);
            }
        }
        names.sort();
        Ok(names)
    }

    /// The size of `new/name`, or `None` if another run has moved it.
    pub fn size(&self, name: &str) -> io::Result<Option<u64>> {
        gone_is_none(std::fs::metadata(self.root.join("new").join(name)).map(|m| m.len()))
    }

    /// The bytes of `new/name`, or `None` if another run has moved it.
    pub fn read(&self, name: &str) -> io::Result<Option<Vec<u8>>> {
        gone_is_none(std::fs::read(self.root.join("new").join(name)))
    }

    /// `new/name` → `cur/name:2,S`. Already gone is fine: another run did it.
    pub fn mark_seen(&self, name: &str) -> io::Result<()> {
        let to = self.root.join("cur").join(seen_name(name));
        gone_is_ok(std::fs::rename(self.root.join("new").join(name), to))
    }

    /// `new/name` → `.failed/new/name`.
    pub fn move_failed(&self, name: &str) -> io::Result<()> {
        let failed = self.root.join(FAILED);
        for sub in ["tmp", "new", "cur"] {
            std::fs::create_dir_all(failed.join(sub))?;
        }
        gone_is_ok(std::fs::rename(
            self.root.join("new").join(name),
            failed.join("new").join(name),
        ))
    }
}

/// The name in `cur/`: the info part `:2,` with the seen flag added to any
/// flags it had.
pub fn seen_name(name: &str) -> String {
    match name.split_once(":2,") {
        Some((base, flags)) => {
            let mut f: Vec<char> = flags.chars().filter(|c| c.is_ascii_alphabetic()).collect();
            if !f.contains(&'S') {
                f.push('S');
            }
            f.sort_unstable();
            f.dedup();
            format!("{base}:2,{}", f.into_iter().collect::<String>())
        }
        None => format!("{name}:2,S"),
    }
}

fn gone_is_none<T>(r: io::Result<T>) -> io::Result<Option<T>> {
    match r {
        Ok(v) => Ok(Some(v)),
        Err(e) if e.kind() == ErrorKind::NotFound => Ok(None),
        Err(e) => Err(e),
    }
}

fn gone_is_ok(r: io::Result<()>) -> io::Result<()> {
    gone_is_none(r).map(|_| ())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seen_names() {
        assert_eq!(
            seen_name("1700000000.M1P2.host"),
            "1700000000.M1P2.host:2,S"
        );
        assert_eq!(seen_name("1.M1.host:2,"), "1.M1.host:2,S");
        assert_eq!(seen_name("1.M1.host:2,FR"), "1.M1.host:2,FRS");
        assert_eq!(seen_name("1.M1.host:2,S"), "1.M1.host:2,S");
    }

    #[test]
    fn moves_and_tolerates_a_vanished_file() {
        let dir = tempfile::tempdir().unwrap();
        for sub in ["new", "cur", "tmp"] {
            std::fs::create_dir(dir.path().join(sub)).unwrap();
        }
        std::fs::write(dir.path().join("new/a"), b"x").unwrap();
        std::fs::write(dir.path().join("new/b"), b"y").unwrap();
        std::fs::write(dir.path().join("new/.hidden"), b"z").unwrap();
        let md = Maildir::open(dir.path()).unwrap();
        assert_eq!(md.pending().unwrap(), vec!["a", "b"]);
        md.mark_seen("a").unwrap();
        md.mark_seen("a").unwrap();
        md.move_failed("b").unwrap();
        assert!(dir.path().join("cur/a:2,S").is_file());
        assert!(dir.path().join(".failed/new/b").is_file());
        assert_eq!(md.read("a").unwrap(), None);
        assert!(md.pending().unwrap().is_empty());
        assert!(Maildir::open(&dir.path().join("cur")).is_none());
    }
}
