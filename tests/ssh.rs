//! Shelters over SSH, against a real OpenSSH server: a private sshd on 127.0.0.1 (its own host
//! key, config and authorized_keys in a temporary folder), staff keys added with
//! `intake ssh add-key`, and `ssh -tt` driven in a pseudo terminal. `.ci/run` installs the
//! server; where it is missing outside CI the test says so loudly and does nothing.

mod common;

use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use common::pty::Session;
use common::*;
use intake::auth::Actor;
use intake::auth::accounts;
use intake::domain::staff::Role;
use portable_pty::CommandBuilder;

const SSHD: &str = "/usr/sbin/sshd";

/// A private sshd; stopped when dropped.
struct Server {
    child: Child,
    port: u16,
    dir: PathBuf,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn keygen(path: &Path) {
    let ok = Command::new("ssh-keygen")
        .args(["-q", "-t", "ed25519", "-N", "", "-f"])
        .arg(path)
        .status()
        .expect("ssh-keygen");
    assert!(ok.success());
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

fn start_sshd(dir: &Path) -> Server {
    keygen(&dir.join("host"));
    std::fs::write(dir.join("authorized_keys"), "").unwrap();
    let port = free_port();
    let config = format!(
        "Port {port}\nListenAddress 127.0.0.1\nHostKey {d}/host\nPidFile {d}/sshd.pid\n\
         AuthorizedKeysFile {d}/authorized_keys\nStrictModes no\nUsePAM no\n\
         PubkeyAuthentication yes\nPasswordAuthentication no\nKbdInteractiveAuthentication no\n\
         PermitRootLogin forced-commands-only\nLogLevel ERROR\n",
        d = dir.display()
    );
    std::fs::write(dir.join("sshd_config"), config).unwrap();
    // The privilege separation directory sshd wants (made by the package's service normally).
    let _ = std::fs::create_dir_all("/run/sshd");
    let child = Command::new(SSHD)
        .args(["-D", "-e", "-f"])
        .arg(dir.join("sshd_config"))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("sshd");
    let deadline = Instant::now() + Duration::from_secs(10);
    while TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(Instant::now() < deadline, "sshd did not start");
        std::thread::sleep(Duration::from_millis(50));
    }
    Server { child, port, dir: dir.to_path_buf() }
}

fn me() -> String {
    let out = Command::new("id").arg("-un").output().unwrap();
    String::from_utf8_lossy(&out.stdout).trim().to_string()
}

/// The ssh client's options: this server, this key, no questions.
fn ssh_args(s: &Server, key: &Path) -> Vec<String> {
    let mut a: Vec<String> = ["-p", &s.port.to_string(), "-i"].map(String::from).to_vec();
    a.push(key.display().to_string());
    for o in [
        "StrictHostKeyChecking=no",
        "UserKnownHostsFile=/dev/null",
        "BatchMode=yes",
        "LogLevel=ERROR",
        "IdentitiesOnly=yes",
    ] {
        a.push("-o".into());
        a.push(o.into());
    }
    a
}

/// `ssh -tt` to the console in a pseudo terminal at 80x24, read through a terminal emulator.
fn ssh_tty(s: &Server, key: &Path) -> Session {
    let mut cmd = CommandBuilder::new("ssh");
    cmd.arg("-tt");
    for a in ssh_args(s, key) {
        cmd.arg(a);
    }
    cmd.arg(format!("{}@127.0.0.1", me()));
    cmd.env("TERM", "xterm-256color");
    Session::spawn(cmd, 24)
}

fn have_sshd() -> bool {
    if Path::new(SSHD).exists() {
        return true;
    }
    assert!(std::env::var_os("CI").is_none(), "CI must run the sshd test: .ci/run installs sshd");
    eprintln!("\n*** NOT RUN: no {SSHD} here (apt-get install openssh-server) ***\n");
    false
}

#[test]
fn a_staff_key_and_its_pin_open_the_console_and_nothing_else_gets_through() {
    if !have_sshd() {
        return;
    }
    let (db, mut store) = with_admin();
    for (name, role) in [("ben", Role::Advocate), ("cy", Role::Advocate)] {
        let a = account(name, name, role, "Enlace Comunitario", "470193");
        accounts::add_user(&mut store, Actor::CLI, CHEAP, &a, jiff::Timestamp::now()).unwrap();
    }
    drop(store);
    let dir = tempfile::tempdir().unwrap();
    let server = start_sshd(dir.path());
    let keys = server.dir.join("authorized_keys");
    let keys = keys.to_str().unwrap();
    for name in ["ben", "cy"] {
        let key = server.dir.join(name);
        keygen(&key);
        let pubkey = format!("{}.pub", key.display());
        let out =
            run_intake(&db, &["ssh", "add-key", name, &pubkey, "--authorized-keys", keys], "");
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    }
    let config =
        Command::new(env!("CARGO_BIN_EXE_intake")).args(["ssh", "config"]).output().unwrap();
    let config = String::from_utf8_lossy(&config.stdout).to_string();
    assert!(config.contains("Match User intake") && config.contains("DisableForwarding yes"));
    let listed = run_intake(&db, &["ssh", "list-keys", "--authorized-keys", keys], "");
    let listed = String::from_utf8_lossy(&listed.stdout).to_string();
    assert!(listed.contains("ben") && listed.contains("cy") && listed.contains("SHA256:"));

    // Ben's key: the console, for ben only, with his PIN.
    let mut t = ssh_tty(&server, &server.dir.join("ben"));
    t.wait_for("Your key is that of ben");
    t.send("470193\r");
    t.wait_for("What would you like to do?");
    // Ctrl+Z and Ctrl+\ neither suspend nor stop the console: they are keys it ignores.
    t.send("\x1a\x1c");
    t.send("c");
    t.wait_for("Log a contact");
    t.send("\x1b");
    t.wait_for("Hotline log");
    // Ctrl+C quits (a key, not a signal): the console ends and so does the connection.
    t.send("\x03");
    assert!(t.wait_exit(), "the console quit:\n{}", t.text());
    drop(t);

    // The link drops mid-form (the ssh client is killed): the console ends the session as a
    // dropped link, and after reconnecting ben takes the form over where he left it.
    let mut t = ssh_tty(&server, &server.dir.join("ben"));
    t.wait_for("Your key is that of ben");
    t.send("470193\r");
    t.wait_for("What would you like to do?");
    t.send("c");
    t.wait_for("Log a contact");
    t.send(&"\t".repeat(TABS_TO_NOTES));
    t.send("Ride to Gallup");
    t.wait_for("Ride to Gallup");
    drop(t);
    let open = || -> i64 {
        db.open()
            .conn()
            .query_row("SELECT count(*) FROM sessions WHERE ended_at IS NULL", [], |r| r.get(0))
            .unwrap()
    };
    let deadline = Instant::now() + Duration::from_secs(20);
    while open() > 0 {
        assert!(Instant::now() < deadline, "the dropped session was never ended");
        std::thread::sleep(Duration::from_millis(50));
    }
    let events = audit_events(&db.open());
    assert_eq!(events.last().map(|e| e.0.as_str()), Some("link_dropped"), "{events:?}");
    let mut t = ssh_tty(&server, &server.dir.join("ben"));
    t.wait_for("Your key is that of ben");
    t.send("470193\r");
    t.wait_for("Enter (or r) brings it back");
    t.send("\r");
    t.wait_for("Take it over");
    t.send("y");
    let back = t.wait_for("Your unsaved draft is back");
    assert!(back.contains("Ride to Gallup"), "{back}");
    // Back up to the caller type (the fifth field), pick one, and log the call.
    t.send(&"\x1b[Z".repeat(TABS_TO_NOTES - 4));
    t.send(" ");
    t.wait_for("Possible victim");
    t.send("c\r");
    t.send("\x13");
    t.wait_for("Contact #1 saved");
    t.send("\x03");
    let _ = t.child.wait();
    drop(t);
    let notes: String =
        db.open().conn().query_row("SELECT notes FROM contacts", [], |r| r.get(0)).unwrap();
    assert_eq!(notes, "Ride to Gallup");

    // A command in place of the console is refused and recorded.
    let ben = server.dir.join("ben");
    let cmd = Command::new("ssh")
        .args(ssh_args(&server, &ben))
        .arg(format!("{}@127.0.0.1", me()))
        .arg("cat /etc/passwd")
        .output()
        .unwrap();
    assert!(!cmd.status.success());
    let said =
        String::from_utf8_lossy(&cmd.stderr).to_string() + &String::from_utf8_lossy(&cmd.stdout);
    assert!(said.contains("commands are refused"), "{said}");
    assert!(!said.contains("root:"), "no file was read: {said}");

    // A port forward is refused by the key's restriction.
    let fwd = Command::new("ssh")
        .args(ssh_args(&server, &ben))
        .args(["-N", "-o", "ExitOnForwardFailure=yes", "-R"])
        .arg(format!("127.0.0.1:{}:127.0.0.1:{}", free_port(), server.port))
        .arg(format!("{}@127.0.0.1", me()))
        .output()
        .unwrap();
    assert!(!fwd.status.success(), "the remote forward was refused");

    // Cy's account is disabled: her key is refused at once.
    let mut store = db.open();
    let cy = accounts::find_user(&store, "cy").unwrap();
    accounts::set_disabled(&mut store, Actor::CLI, cy.id, true, jiff::Timestamp::now()).unwrap();
    drop(store);
    let t = ssh_tty(&server, &server.dir.join("cy"));
    t.wait_for("disabled or gone");
    drop(t);

    // The check names what is wrong: cy's key stays for a disabled account, and this test's
    // sshd does not yet have the account's settings; with them, the sshd line passes.
    let config = server.dir.join("sshd_config");
    let check = |db: &TestDb| {
        let args = ["ssh", "check", "--authorized-keys", keys, "--account", &me(), "--sshd-config"];
        let out = run_intake(db, &[&args[..], &[config.to_str().unwrap()]].concat(), "");
        (out.status.success(), String::from_utf8_lossy(&out.stdout).to_string())
    };
    let (ok, said) = check(&db);
    assert!(!ok, "{said}");
    assert!(said.contains("belongs to cy, who is disabled"), "{said}");
    assert!(said.contains("not in force for the account"), "{said}");
    let block = Command::new(env!("CARGO_BIN_EXE_intake"))
        .args(["ssh", "config", "--account", &me()])
        .output()
        .unwrap();
    let mut text = std::fs::read_to_string(&config).unwrap();
    text.push_str(&String::from_utf8_lossy(&block.stdout));
    std::fs::write(&config, text).unwrap();
    let out = run_intake(&db, &["ssh", "remove-key", "cy", "--authorized-keys", keys], "");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(db.dir.path(), std::fs::Permissions::from_mode(0o700)).unwrap();
    let (ok, said) = check(&db);
    assert!(ok, "{said}");

    // The audit has the key's fingerprint beside the client's address.
    let store = db.open();
    let fp = {
        let out = Command::new("ssh-keygen")
            .arg("-lf")
            .arg(format!("{}.pub", ben.display()))
            .output()
            .unwrap();
        String::from_utf8_lossy(&out.stdout).split_whitespace().nth(1).unwrap().to_string()
    };
    let sources: Vec<(String, String)> = store
        .conn()
        .prepare("SELECT event, source FROM audit_log")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    let login = sources.iter().find(|(e, _)| e == "login").expect("a login");
    assert!(login.1.contains(&fp) && login.1.contains("127.0.0.1"), "{login:?}");
    assert!(sources.iter().any(|(e, s)| e == "ssh_command" && s.contains(&fp)), "{sources:?}");
    assert!(sources.iter().any(|(e, _)| e == "ssh_key_add"));
}
