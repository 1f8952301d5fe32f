//! The real binary in a pseudo terminal, driven by keys and read back through a terminal
//! emulator (vt100): the harness the end-to-end and SSH tests share.

use std::io::{Read, Write};
use std::num::NonZeroU16;
use std::path::Path;
use std::process::Command;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};

pub const F12: &str = "\x1b[24~";

/// A person's pause after a hide before the next key. Keys that come on the heels of the input
/// before a hide or a lock (less than 300 ms apart) are the rest of it, and dropped.
pub fn pause_after_hide() {
    std::thread::sleep(Duration::from_millis(400));
}

pub struct Session {
    pub screen: Arc<Mutex<vt100::Parser>>,
    pub writer: Option<Box<dyn Write + Send>>,
    pub child: Box<dyn Child + Send + Sync>,
    _master: Box<dyn MasterPty + Send>,
}

impl Session {
    pub fn start(db: &Path) -> Session {
        Session::sized(db, 24)
    }

    /// The console in an 80-column terminal of `rows` rows.
    pub fn sized(db: &Path, rows: u16) -> Session {
        Session::with_env(db, rows, &[])
    }

    /// The console with more in its environment (as sshd sets SSH_CONNECTION).
    pub fn with_env(db: &Path, rows: u16, env: &[(&str, &str)]) -> Session {
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_intake"));
        cmd.arg("--db");
        cmd.arg(db);
        cmd.env("LANG", "C.UTF-8");
        cmd.env("TERM", "xterm-256color");
        cmd.env("INTAKE_LANG", "en");
        cmd.env_remove("NO_COLOR");
        cmd.env_remove("SSH_CONNECTION");
        for (k, v) in env {
            cmd.env(k, v);
        }
        Session::spawn(cmd, rows)
    }

    /// Any command (the console, or `ssh -tt` to it) in an 80-column pseudo terminal of `rows`
    /// rows, its output read through a terminal emulator as it comes.
    pub fn spawn(cmd: CommandBuilder, rows: u16) -> Session {
        let pair = native_pty_system()
            .openpty(PtySize { rows, cols: 80, pixel_width: 0, pixel_height: 0 })
            .expect("pty");
        let child = pair.slave.spawn_command(cmd).expect("spawn");
        drop(pair.slave);
        let mut reader = pair.master.try_clone_reader().unwrap();
        let writer = pair.master.take_writer().unwrap();
        let screen = Arc::new(Mutex::new(vt100::Parser::new(
            NonZeroU16::new(rows).unwrap(),
            NonZeroU16::new(80).unwrap(),
            0,
        )));
        let feed = Arc::clone(&screen);
        std::thread::spawn(move || {
            let mut buf = [0u8; 4096];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                feed.lock().unwrap().process(&buf[..n]);
            }
        });
        Session { screen, writer: Some(writer), child, _master: pair.master }
    }

    pub fn text(&self) -> String {
        self.screen.lock().unwrap().screen().contents()
    }

    /// Wait until the screen shows `needle`; fail with the screen if it never does.
    pub fn wait_for(&self, needle: &str) -> String {
        self.wait_until(|s| s.contains(needle), needle)
    }

    pub fn wait_until(&self, ok: impl Fn(&str) -> bool, what: &str) -> String {
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            let s = self.text();
            if ok(&s) {
                return s;
            }
            assert!(Instant::now() < deadline, "timed out waiting for {what:?}; screen:\n{s}");
            std::thread::sleep(Duration::from_millis(25));
        }
    }

    pub fn send(&mut self, keys: &str) {
        let w = self.writer.as_mut().expect("the link is up");
        w.write_all(keys.as_bytes()).unwrap();
        w.flush().unwrap();
    }

    /// Type a line the way a person does: a key at a time, then Enter.
    pub fn line(&mut self, text: &str) {
        for c in text.chars() {
            self.send(&c.to_string());
        }
        self.send("\r");
    }

    /// Log in as the administrator and wait on the notes of a new contact.
    pub fn on_new_contact_notes(db: &Path) -> Session {
        let mut s = Session::start(db);
        s.login("ana", super::ADMIN_PIN);
        s.send("c");
        s.wait_for("Log a contact");
        s.send(&"\t".repeat(super::TABS_TO_NOTES));
        s
    }

    /// Log in from the login screen and wait for home.
    pub fn login(&mut self, user: &str, pin: &str) {
        self.wait_for("Log in");
        self.line(user);
        self.line(pin);
        self.wait_for("What would you like to do?");
    }

    /// The link drops: the terminal hangs up, which sends the console SIGHUP (what the kernel
    /// does when sshd closes a dropped connection's terminal).
    pub fn hang_up(&mut self) {
        self.writer = None;
        let pid = self.child.process_id().expect("a running console");
        let sent = Command::new("kill").args(["-HUP", &pid.to_string()]).status();
        assert!(sent.is_ok_and(|s| s.success()), "SIGHUP sent");
    }

    /// The console is killed outright (SIGKILL: it writes nothing more), and reaped.
    pub fn kill_outright(&mut self) {
        let pid = self.child.process_id().expect("a running console");
        let sent = Command::new("kill").args(["-KILL", &pid.to_string()]).status();
        assert!(sent.is_ok_and(|s| s.success()), "SIGKILL sent");
        let _ = self.child.wait();
    }

    pub fn wait_exit(&mut self) -> bool {
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                return status.success();
            }
            assert!(Instant::now() < deadline, "intake did not exit; screen:\n{}", self.text());
            std::thread::sleep(Duration::from_millis(25));
        }
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        let _ = self.child.kill();
    }
}
