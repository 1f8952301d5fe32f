//! Helpers shared by the integration tests.
#![allow(dead_code)]

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

use intake::auth::Actor;
use intake::auth::accounts::{self, NewAccount};
use intake::auth::pin::HashCost;
use intake::domain::staff::Role;
use intake::i18n::Lang;
use intake::store::{DbPaths, Store};

/// A cheap argon2 cost for tests only; production uses `pin::PRODUCTION`.
pub const CHEAP: HashCost = HashCost { m_kib: 64, t: 1, p: 1 };

pub const ADMIN_PIN: &str = "508731";

/// Tab presses from the top of a new contact's form to its notes.
pub const TABS_TO_NOTES: usize = 18;

pub struct TestDb {
    pub dir: tempfile::TempDir,
    pub paths: DbPaths,
}

impl TestDb {
    pub fn new() -> TestDb {
        let dir = tempfile::tempdir().expect("temp dir");
        let paths = DbPaths::new(dir.path().join("intake.db"), None);
        TestDb { dir, paths }
    }

    pub fn open(&self) -> Store {
        Store::open(&self.paths, true).expect("open store")
    }

    pub fn db_path(&self) -> PathBuf {
        self.paths.db.clone()
    }
}

pub fn account<'a>(
    username: &'a str,
    name: &'a str,
    role: Role,
    agency: &'a str,
    pin: &'a str,
) -> NewAccount<'a> {
    NewAccount {
        username,
        display_name: name,
        role,
        agency,
        pin,
        pin_again: pin,
        temporary: false,
        lang: Lang::En,
    }
}

/// A database with an administrator `ana` (PIN 508731) of "Enlace Comunitario".
pub fn with_admin() -> (TestDb, Store) {
    let db = TestDb::new();
    let mut store = db.open();
    accounts::add_user(
        &mut store,
        Actor::CLI,
        CHEAP,
        &account("ana", "Ana García", Role::Admin, "Enlace Comunitario", ADMIN_PIN),
        jiff::Timestamp::now(),
    )
    .expect("admin");
    (db, store)
}

pub fn audit_events(store: &Store) -> Vec<(String, String)> {
    let mut stmt =
        store.conn().prepare("SELECT event, outcome FROM audit_log ORDER BY id").unwrap();
    stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?))).unwrap().collect::<Result<_, _>>().unwrap()
}

/// Where an import on another thread stops until the test lets it go (`hold`).
pub struct Hold {
    reached: std::sync::mpsc::Sender<()>,
    go: std::sync::mpsc::Receiver<()>,
}

/// The test's side of a `Hold`.
pub struct Held {
    reached: std::sync::mpsc::Receiver<()>,
    go: std::sync::mpsc::Sender<()>,
}

/// A hold for an import on another thread, and the test's side of it.
pub fn hold() -> (Hold, Held) {
    let (reached, at) = std::sync::mpsc::channel();
    let (go, on_go) = std::sync::mpsc::channel();
    (Hold { reached, go: on_go }, Held { reached: at, go })
}

impl Hold {
    /// Say the import is here, and wait to be let go.
    pub fn here(&self) {
        self.reached.send(()).unwrap();
        self.go.recv().unwrap();
    }
}

impl Held {
    /// Wait until the import is held.
    pub fn reached(&self) {
        self.reached.recv().unwrap();
    }

    /// Let it go on.
    pub fn release(&self) {
        self.go.send(()).unwrap();
    }
}

/// An import's rows `make(0)` .. `make(total - 1)`, held before row `at`.
pub fn held_rows<T>(
    total: usize,
    at: usize,
    hold: Hold,
    make: impl Fn(usize) -> T,
) -> impl FnMut(&rusqlite::Connection, &mut dyn FnMut(T) -> intake::Result<()>) -> intake::Result<()>
{
    move |_, put| {
        for n in 0..total {
            if n == at {
                hold.here();
            }
            put(make(n))?;
        }
        Ok(())
    }
}

/// Every check of `intake check` passes on `store` (the audit chain and its anchor among them).
pub fn checks_pass(store: &Store) {
    let anchor = intake::store::anchor::path(store.paths());
    let failed: Vec<_> = intake::store::check::run(store, Some(&anchor))
        .into_iter()
        .filter(|r| !r.ok)
        .map(|r| (r.name, r.detail))
        .collect();
    assert!(failed.is_empty(), "{failed:?}");
}

/// Run the real binary on the test database with `args`, feeding `stdin`.
pub fn run_intake(db: &TestDb, args: &[&str], stdin: &str) -> Output {
    let mut child = intake_command(db, args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn intake");
    child.stdin.take().expect("stdin").write_all(stdin.as_bytes()).expect("write stdin");
    child.wait_with_output().expect("intake output")
}

/// The real binary on the test database with `args`, in English.
fn intake_command(db: &TestDb, args: &[&str]) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_intake"));
    command.arg("--db").arg(db.db_path()).args(args).env("INTAKE_LANG", "en");
    command
}

/// Start the real binary with `args` (its output dropped) and return it once `rows()` reaches
/// `n`, still running: the moment a test kills it. Fails if it ends first or takes over 60 s.
pub fn started_until(
    db: &TestDb,
    args: &[&str],
    n: i64,
    rows: impl Fn() -> i64,
) -> std::process::Child {
    let mut child = intake_command(db, args)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("spawn intake");
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
    while rows() < n {
        assert!(child.try_wait().unwrap().is_none(), "{args:?} ended before the kill");
        assert!(std::time::Instant::now() < deadline, "{args:?}: no rows written");
        std::thread::sleep(std::time::Duration::from_millis(2));
    }
    child
}
pub mod console;
pub mod pty;
pub mod records;

/// Every page of the database file and of its write-ahead log, decrypted with the database's
/// own key as SQLCipher 4 lays them out: 4096-byte pages, each ending in 80 reserved bytes (a
/// 16-byte IV, then the HMAC); AES-256-CBC over the rest; page 1 starts with the 16-byte salt.
/// The WAL holds earlier versions of pages, so what a draft once held would be found there.
pub fn decrypted_pages(paths: &intake::store::DbPaths) -> Vec<u8> {
    use aes::cipher::{BlockDecryptMut, KeyIvInit, block_padding::NoPadding};
    type Dec = cbc::Decryptor<aes::Aes256>;
    const PAGE: usize = 4096;
    const RESERVE: usize = 80;
    let hex = intake::store::keyfile::read(&paths.key).unwrap();
    let key: Vec<u8> =
        (0..32).map(|i| u8::from_str_radix(&hex[2 * i..2 * i + 2], 16).unwrap()).collect();
    let decrypt = |page: &[u8], first: bool| -> Vec<u8> {
        let start = if first { 16 } else { 0 };
        let iv = &page[PAGE - RESERVE..PAGE - RESERVE + 16];
        let mut body = page[start..PAGE - RESERVE].to_vec();
        Dec::new(key.as_slice().into(), iv.into())
            .decrypt_padded_mut::<NoPadding>(&mut body)
            .unwrap();
        body
    };
    let mut out = Vec::new();
    let db = std::fs::read(&paths.db).unwrap();
    for (i, page) in db.chunks_exact(PAGE).enumerate() {
        let plain = decrypt(page, i == 0);
        if i == 0 {
            // The header read back: page size 4096 at offset 16, 80 reserved bytes at 20.
            assert_eq!((plain[0], plain[1], plain[4]), (0x10, 0x00, 80), "decrypted page 1");
        }
        out.extend(plain);
    }
    let wal_path = paths.db.with_extension("db-wal");
    if let Ok(wal) = std::fs::read(wal_path) {
        for frame in wal.get(32..).unwrap_or(&[]).chunks_exact(24 + PAGE) {
            let number = u32::from_be_bytes([frame[0], frame[1], frame[2], frame[3]]);
            out.extend(decrypt(&frame[24..], number == 1));
        }
    }
    out
}
