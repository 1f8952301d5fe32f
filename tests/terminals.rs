//! The terminals shelters reach the console from: each TERM value they send, PuTTY's keys as
//! it sends them by default, and the console inside a real tmux and a real GNU screen at 80x23
//! (a status line in an 80x24 window), read back as a person would see it. `.ci/run` installs
//! tmux and screen; where one is missing outside CI its test says so loudly and does nothing.

mod common;

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use common::pty::{F12, Session};
use common::*;

/// Whether any cell shows a symbol of line drawing, or another a VT100 cannot show.
fn draws_lines(screen: &str) -> bool {
    screen.chars().any(|c| ('\u{2500}'..='\u{259f}').contains(&c) || "·…▶◀•".contains(c))
}

/// Every TERM value a shelter's terminal sends: the console draws (lines where the terminal
/// has them, ASCII where it does not) and reads PuTTY's keys: Home and End as ESC [ 1 ~ and
/// ESC [ 4 ~, Backspace as ^?, F1 as ESC [ 1 1 ~, F12 as ESC [ 2 4 ~.
#[test]
fn each_terminal_type_draws_and_reads_puttys_keys() {
    let (db, store) = with_admin();
    drop(store);
    for term in ["xterm", "xterm-256color", "screen", "tmux-256color", "linux", "putty", "vt100"]
        .into_iter()
        .chain(["vt220"])
    {
        let mut s = Session::with_env(&db.db_path(), 24, &[("TERM", term)]);
        s.login("ana", ADMIN_PIN);
        let home = s.text();
        if term.starts_with("vt") {
            assert!(home.contains("+ What would you like to do? -"), "{term}:\n{home}");
            assert!(!draws_lines(&home), "{term} has no line drawing:\n{home}");
        } else {
            assert!(home.contains("┌ What would you like to do? ─"), "{term}:\n{home}");
        }
        // The caller's phone, five fields down a new contact.
        s.send("c");
        s.wait_for("Log a contact");
        s.send("\t\t\t\t\t555");
        s.wait_for("[555");
        s.send("\x1b[1~1\x1b[4~9");
        s.wait_for("[15559");
        s.send("\x7f");
        s.wait_until(|t| t.contains("[1555 ") || t.contains("[1555]"), "Backspace erases");
        s.send("\x1b[11~");
        s.wait_for("closes this help");
        s.send("\x1b");
        s.wait_until(|t| !t.contains("closes this help"), "the help closes");
        s.send(F12);
        let hidden = s.wait_until(|t| t.trim().is_empty(), "a blank screen");
        assert!(!hidden.contains("1555"), "{term}");
        common::pty::pause_after_hide();
        s.send(" ");
        s.wait_for("The session is locked");
        drop(s);
    }
}

struct Tmux {
    socket: String,
}

impl Tmux {
    fn run(&self, args: &[&str]) -> String {
        let out = Command::new("tmux").args(["-L", &self.socket]).args(args).output().unwrap();
        assert!(out.status.success(), "tmux {args:?}: {}", String::from_utf8_lossy(&out.stderr));
        String::from_utf8_lossy(&out.stdout).to_string()
    }

    fn screen(&self) -> String {
        self.run(&["capture-pane", "-p", "-t", "t"])
    }

    fn wait_for(&self, needle: &str) -> String {
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            let s = self.screen();
            if s.contains(needle) {
                return s;
            }
            assert!(Instant::now() < deadline, "timed out waiting for {needle:?}:\n{s}");
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    fn keys(&self, keys: &[&str]) {
        self.run(&[&["send-keys", "-t", "t"], keys].concat());
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = Command::new("tmux").args(["-L", &self.socket, "kill-server"]).status();
    }
}

/// Whether `program` is here to test with (`version` is its version flag); in CI it must be.
fn have(program: &str, version: &str) -> bool {
    if Command::new(program).arg(version).output().is_ok_and(|o| o.status.success()) {
        return true;
    }
    assert!(
        std::env::var_os("CI").is_none(),
        "CI must run the {program} test: .ci/run installs it"
    );
    eprintln!("\n*** NOT RUN: no {program} here (apt-get install {program}) ***\n");
    false
}

/// Inside a real tmux whose status line leaves 80x23: log in, log a call, hide and come back.
#[test]
fn inside_tmux_at_80x23_a_call_is_logged() {
    if !have("tmux", "-V") {
        return;
    }
    let (db, store) = with_admin();
    drop(store);
    let t = Tmux { socket: format!("intake-test-{}", std::process::id()) };
    let console = format!(
        "LANG=C.UTF-8 INTAKE_LANG=en {} --db {}",
        env!("CARGO_BIN_EXE_intake"),
        db.db_path().display()
    );
    let conf = Path::new("/dev/null").display().to_string();
    // What an 80x24 terminal with tmux's status line leaves the console.
    t.run(&["-f", &conf, "new-session", "-d", "-s", "t", "-x", "80", "-y", "23", &console]);
    let size = t.run(&["display-message", "-p", "-t", "t", "#{pane_width}x#{pane_height}"]);
    assert_eq!(size.trim(), "80x23");
    t.wait_for("Log in");
    t.keys(&["ana", "Enter"]);
    t.keys(&[ADMIN_PIN, "Enter"]);
    t.wait_for("What would you like to do?");
    t.keys(&["c"]);
    t.wait_for("Log a contact");
    // The caller type (the fifth field): its list, a letter, Enter picks and moves on.
    t.keys(&["Tab", "Tab", "Tab", "Tab", "Space"]);
    t.wait_for("Possible victim");
    t.keys(&["c", "Enter"]);
    t.keys(&[&"\t".repeat(TABS_TO_NOTES - 5)]);
    t.keys(&["-l", "Called from a shelter inside tmux"]);
    t.wait_for("inside tmux");
    t.keys(&["C-s"]);
    t.wait_for("Contact #1 saved");
    t.keys(&["F12"]);
    let deadline = Instant::now() + Duration::from_secs(20);
    while t.screen().contains("Contact") {
        assert!(Instant::now() < deadline, "the hide did not clear:\n{}", t.screen());
        std::thread::sleep(Duration::from_millis(50));
    }
    let history = t.run(&["capture-pane", "-p", "-S", "-", "-t", "t"]);
    assert!(!history.contains("inside tmux"), "nothing stays in tmux's scrollback:\n{history}");
    common::pty::pause_after_hide();
    t.keys(&["Space"]);
    t.wait_for("The session is locked");
    let notes: String =
        db.open().conn().query_row("SELECT notes FROM contacts", [], |r| r.get(0)).unwrap();
    assert_eq!(notes, "Called from a shelter inside tmux");
}

/// Inside GNU screen with its status line, in an 80x24 terminal (so the console has 80x23):
/// log in, log a call, hide.
#[test]
fn inside_gnu_screen_with_a_status_line_a_call_is_logged() {
    if !have("screen", "-v") {
        return;
    }
    let (db, store) = with_admin();
    drop(store);
    let dir = tempfile::tempdir().unwrap();
    let rc = dir.path().join("screenrc");
    std::fs::write(&rc, "startup_message off\nhardstatus alwayslastline \"screen status\"\n")
        .unwrap();
    let sockets = dir.path().join("sockets");
    std::fs::create_dir(&sockets).unwrap();
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&sockets, std::fs::Permissions::from_mode(0o700)).unwrap();
    let mut cmd = portable_pty::CommandBuilder::new("screen");
    cmd.arg("-c");
    cmd.arg(&rc);
    cmd.args(["-S", "intake-test", env!("CARGO_BIN_EXE_intake"), "--db"]);
    cmd.arg(db.db_path());
    cmd.env("SCREENDIR", &sockets);
    cmd.env("HOME", dir.path());
    cmd.env("TERM", "xterm-256color");
    cmd.env("LANG", "C.UTF-8");
    cmd.env("INTAKE_LANG", "en");
    // Killing the screen client would leave its session (and the console in it) running:
    // the session is told to quit however the test ends.
    struct Quit(std::path::PathBuf);
    impl Drop for Quit {
        fn drop(&mut self) {
            let _ = std::process::Command::new("screen")
                .args(["-S", "intake-test", "-X", "quit"])
                .env("SCREENDIR", &self.0)
                .output();
        }
    }
    let _quit = Quit(sockets.clone());
    let mut s = Session::spawn(cmd, 24);
    s.login("ana", ADMIN_PIN);
    let home = s.text();
    let rows: Vec<&str> = home.lines().collect();
    assert!(rows.last().is_some_and(|r| r.contains("screen status")), "{home}");
    assert!(rows[22].contains("F12 Hide"), "the key bar sits above screen's status:\n{home}");
    s.send("c");
    s.wait_for("Log a contact");
    s.send("\t\t\t\t ");
    s.wait_for("Possible victim");
    s.send("c\r");
    s.send(&"\t".repeat(TABS_TO_NOTES - 5));
    s.send("Called from a shelter inside screen");
    s.wait_for("inside screen");
    s.send("\x13");
    s.wait_for("Contact #1 saved");
    s.send(F12);
    s.wait_until(|t| !t.contains("Contact") && !t.contains("Ana"), "a blank screen");
    common::pty::pause_after_hide();
    s.send(" ");
    s.wait_for("The session is locked");
    let notes: String =
        db.open().conn().query_row("SELECT notes FROM contacts", [], |r| r.get(0)).unwrap();
    assert_eq!(notes, "Called from a shelter inside screen");
}
