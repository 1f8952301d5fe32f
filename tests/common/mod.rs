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

/// Run the real binary on the test database with `args`, feeding `stdin`.
pub fn run_intake(db: &TestDb, args: &[&str], stdin: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_intake"))
        .arg("--db")
        .arg(db.db_path())
        .args(args)
        .env("INTAKE_LANG", "en")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn intake");
    child.stdin.take().expect("stdin").write_all(stdin.as_bytes()).expect("write stdin");
    child.wait_with_output().expect("intake output")
}
pub mod console;
pub mod pty;
