//! Running the real binary in a pseudo-terminal and reading its screen.

use std::io::{Read, Write};
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};

pub struct Pty {
    parser: Arc<Mutex<vt100::Parser>>,
    writer: Box<dyn Write + Send>,
    child: Box<dyn Child + Send + Sync>,
    _master: Box<dyn MasterPty + Send>,
    /// Everything the program wrote, for escape sequences like OSC 52.
    pub raw: Arc<Mutex<Vec<u8>>>,
}

impl Pty {
    /// Starts vakt on `db` with `args`, isolated from the user's config.
    /// A database not there yet is made first with `vakt init` (the app
    /// would ask before creating one at a path given with VAKT_DB).
    pub fn start(db: &Path, home: &Path, args: &[&str], rows: u16, cols: u16) -> Pty {
        if !db.exists() {
            super::init_db(db, home);
        }
        Pty::start_as_is(db, home, args, rows, cols)
    }

    /// Starts vakt on `db` as it is, without making a database first.
    pub fn start_as_is(db: &Path, home: &Path, args: &[&str], rows: u16, cols: u16) -> Pty {
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_vakt"));
        cmd.env_clear();
        cmd.env("TERM", "xterm-256color");
        cmd.env("HOME", home);
        cmd.env("XDG_CONFIG_HOME", home.join("config"));
        cmd.env("XDG_DATA_HOME", home.join("data"));
        cmd.env("VAKT_DB", db);
        cmd.args(args);
        Pty::spawn(cmd, rows, cols)
    }

    /// Runs any command (e.g. `sh -c LINE`) in a pseudo-terminal.
    pub fn spawn(cmd: CommandBuilder, rows: u16, cols: u16) -> Pty {
        let pair = native_pty_system()
            .openpty(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .unwrap();
        let child = pair.slave.spawn_command(cmd).unwrap();
        drop(pair.slave);
        let parser = Arc::new(Mutex::new(vt100::Parser::new(
            rows.try_into().unwrap(),
            cols.try_into().unwrap(),
            0,
        )));
        let raw = Arc::new(Mutex::new(Vec::new()));
        let mut reader = pair.master.try_clone_reader().unwrap();
        let (p2, r2) = (parser.clone(), raw.clone());
        std::thread::spawn(move || {
            let mut buf = [0u8; 8192];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                p2.lock().unwrap().process(&buf[..n]);
                r2.lock().unwrap().extend_from_slice(&buf[..n]);
            }
        });
        let writer = pair.master.take_writer().unwrap();
        Pty {
            parser,
            writer,
            child,
            _master: pair.master,
            raw,
        }
    }

    pub fn text(&self) -> String {
        self.parser.lock().unwrap().screen().contents()
    }

    /// Waits until every needle is on screen; returns the screen.
    pub fn wait_for(&self, needles: &[&str]) -> String {
        let start = Instant::now();
        loop {
            let t = self.text();
            if needles.iter().all(|n| t.contains(n)) {
                // A person answers what appears on screen no sooner than
                // this: keys sent at once after the screen changed could
                // still be taken as the tail of the typing before it
                // (see `paste::BURST_TAIL`), which no one can type.
                std::thread::sleep(vakt::tui::paste::BURST_TAIL * 2);
                return t;
            }
            if start.elapsed() > Duration::from_secs(20) {
                panic!("timed out waiting for {needles:?}; screen:\n{t}");
            }
            std::thread::sleep(Duration::from_millis(40));
        }
    }

    pub fn send(&mut self, bytes: &[u8]) {
        self.writer.write_all(bytes).unwrap();
        self.writer.flush().unwrap();
        // Let the app read one key at a time, as a person types.
        std::thread::sleep(Duration::from_millis(30));
    }

    pub fn send_text(&mut self, text: &str) {
        for c in text.chars() {
            let mut b = [0u8; 4];
            self.send(c.encode_utf8(&mut b).as_bytes());
        }
    }

    /// Waits for the program to exit and returns whether it succeeded.
    pub fn wait_exit(&mut self) -> bool {
        let start = Instant::now();
        loop {
            if let Some(s) = self.child.try_wait().unwrap() {
                return s.success();
            }
            assert!(
                start.elapsed() < Duration::from_secs(10),
                "vakt did not exit"
            );
            std::thread::sleep(Duration::from_millis(40));
        }
    }
}

impl Drop for Pty {
    /// A test that ends (or fails) with the program still running does not
    /// leave it behind.
    fn drop(&mut self) {
        if let Ok(None) = self.child.try_wait() {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

pub const ENTER: &[u8] = b"\r";
pub const TAB: &[u8] = b"\t";
pub const ESC: &[u8] = b"\x1b";
