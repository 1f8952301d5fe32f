//! The encrypted store: encryption at rest, key handling, concurrency, the audit log's
//! guarantees, `intake check`, and migrations.

mod common;

use std::os::unix::fs::PermissionsExt;
use std::process::Command;

use common::*;
use intake::auth::Actor;
use intake::auth::accounts;
use intake::domain::staff::Role;
use intake::error::Error;
use intake::i18n::Msg;
use intake::store::audit::{self, Event};
use intake::store::{DbPaths, Store, migrate};

#[test]
fn database_file_holds_no_plaintext() {
    let db = TestDb::new();
    let canary = "CanaryZebra4471";
    {
        let mut store = db.open();
        accounts::add_user(
            &mut store,
            Actor::CLI,
            CHEAP,
            &account("canary", canary, Role::Admin, "CanaryAgency", ADMIN_PIN),
            jiff::Timestamp::now(),
        )
        .unwrap();
        let name: String =
            store.conn().query_row("SELECT display_name FROM users", [], |r| r.get(0)).unwrap();
        assert_eq!(name, canary, "the canary row is really there");
    }
    let mut found = Vec::new();
    for entry in std::fs::read_dir(db.dir.path()).unwrap() {
        let path = entry.unwrap().path();
        let bytes = std::fs::read(&path).unwrap();
        for needle in [canary.as_bytes(), b"CanaryAgency", b"SQLite format 3", b"CREATE TABLE"] {
            if bytes.windows(needle.len()).any(|w| w == needle) {
                found.push((path.clone(), String::from_utf8_lossy(needle).to_string()));
            }
        }
    }
    assert!(found.is_empty(), "plaintext found: {found:?}");
}

#[test]
fn key_file_and_directory_are_private() {
    let dir = tempfile::tempdir().unwrap();
    let paths = DbPaths::new(dir.path().join("sub/intake.db"), None);
    Store::open(&paths, true).unwrap();
    let key_mode = std::fs::metadata(&paths.key).unwrap().permissions().mode() & 0o777;
    let dir_mode = std::fs::metadata(dir.path().join("sub")).unwrap().permissions().mode() & 0o777;
    let db_mode = std::fs::metadata(&paths.db).unwrap().permissions().mode() & 0o777;
    assert_eq!((key_mode, dir_mode, db_mode), (0o600, 0o700, 0o600));
}

#[test]
fn wrong_key_gives_a_clear_message() {
    let db = TestDb::new();
    drop(db.open());
    std::fs::write(&db.paths.key, format!("{}\n", "ab".repeat(32))).unwrap();
    let err = Store::open(&db.paths, false).err().expect("must refuse");
    match &err {
        Error::User(Msg::ErrWrongKey, args) => {
            assert!(args[0].ends_with("intake.db") && args[1].ends_with("intake.db.key"));
        }
        other => panic!("unexpected {other:?}"),
    }
    assert!(err.to_string().contains("key does not match"));
}

#[test]
fn readable_key_file_is_refused_with_the_chmod_that_fixes_it() {
    let db = TestDb::new();
    drop(db.open());
    std::fs::set_permissions(&db.paths.key, std::fs::Permissions::from_mode(0o644)).unwrap();
    let err = Store::open(&db.paths, false).err().expect("must refuse");
    let text = err.to_string();
    let key = db.paths.key.display().to_string();
    assert!(text.contains(&format!("chmod 600 {key}")), "{text}");
}

#[test]
fn a_key_file_in_a_folder_others_can_write_is_refused_with_the_chmod_that_fixes_it() {
    let db = TestDb::new();
    drop(db.open());
    let dir = db.paths.key.parent().unwrap().to_path_buf();
    std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o777)).unwrap();
    let err = Store::open(&db.paths, false).err().expect("must refuse");
    let text = err.to_string();
    assert!(text.contains(&format!("chmod go-w {}", dir.display())), "{text}");
    // `intake check` says so too, and fails.
    let bin = env!("CARGO_BIN_EXE_intake");
    let out = Command::new(bin).arg("--db").arg(db.db_path()).arg("check").output().unwrap();
    assert!(!out.status.success());
    let said =
        format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
    assert!(said.contains("chmod go-w"), "{said}");
    // A sticky folder (as /tmp is) cannot have the file replaced by others: accepted.
    std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o1777)).unwrap();
    drop(Store::open(&db.paths, false).expect("sticky folder"));
    std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o700)).unwrap();
    drop(Store::open(&db.paths, false).expect("private folder"));
}

#[test]
fn missing_database_is_not_created_by_check() {
    let db = TestDb::new();
    let err = Store::open(&db.paths, false).err().expect("no database yet");
    assert!(matches!(err, Error::User(Msg::ErrDbMissing, _)));
    assert!(!db.paths.db.exists());
}

#[test]
fn audit_log_refuses_update_and_delete() {
    let (_db, store) = with_admin();
    let upd = store.conn().execute("UPDATE audit_log SET outcome = 'x' WHERE id = 1", []);
    let del = store.conn().execute("DELETE FROM audit_log WHERE id = 1", []);
    assert!(upd.unwrap_err().to_string().contains("append-only"));
    assert!(del.unwrap_err().to_string().contains("append-only"));
    assert_eq!(audit::first_broken(store.conn()).unwrap(), None);
}

/// Change a row behind the triggers' back, the way someone with the key and a SQL shell could.
fn tamper(store: &Store, id: i64) {
    store
        .conn()
        .execute_batch(&format!(
            "DROP TRIGGER audit_log_no_update;
             UPDATE audit_log SET outcome = 'failed' WHERE id = {id};
             CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
             BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;"
        ))
        .unwrap();
}

#[test]
fn check_command_passes_on_a_healthy_database_and_names_a_tampered_row() {
    let (db, mut store) = with_admin();
    let source = store.source().to_string();
    for _ in 0..4 {
        store.write(|tx| audit::append(tx, &source, &Event::new("test", "ok"))).unwrap();
    }
    let bin = env!("CARGO_BIN_EXE_intake");
    let ok = Command::new(bin).arg("--db").arg(db.db_path()).arg("check").output().unwrap();
    let out = String::from_utf8_lossy(&ok.stdout);
    assert!(ok.status.success(), "{out}");
    assert!(!out.contains("FAILED"), "{out}");
    assert_eq!(out.lines().count(), 8, "{out}");
    assert!(
        out.lines().any(|l| l.starts_with("Hotline report counts") && l.ends_with(" ok")),
        "{out}"
    );

    tamper(&store, 3);
    drop(store);
    let bad = Command::new(bin).arg("--db").arg(db.db_path()).arg("check").output().unwrap();
    let out = String::from_utf8_lossy(&bad.stdout);
    assert!(!bad.status.success());
    assert!(out.contains("Audit log chain") && out.contains("breaks at row 3"), "{out}");
}

/// Delete rows behind the triggers' back, the way someone with the key and a SQL shell could.
fn delete_rows(store: &Store, from_id: i64) {
    store
        .conn()
        .execute_batch(&format!(
            "DROP TRIGGER audit_log_no_delete;
             DELETE FROM audit_log WHERE id >= {from_id};
             CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
             WHEN OLD.id > coalesce((SELECT max(through_id) FROM audit_checkpoints), 0)
             BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;"
        ))
        .unwrap();
}

/// `intake check`: whether it passed, and what it printed. The mark a failed check leaves
/// (the database read-only until a restore) is taken away, for the next step of a test.
fn check_output(db: &TestDb) -> (bool, String) {
    let bin = env!("CARGO_BIN_EXE_intake");
    let out = Command::new(bin).arg("--db").arg(db.db_path()).arg("check").output().unwrap();
    intake::store::damage::clear(&db.paths);
    (out.status.success(), String::from_utf8_lossy(&out.stdout).to_string())
}

/// The chain alone cannot show its last rows deleted, all of them deleted, or rows rewritten
/// with their hashes computed again: the anchor beside the key does.
#[test]
fn check_finds_the_end_of_the_audit_log_deleted_or_rewritten() {
    let (db, mut store) = with_admin();
    let source = store.source().to_string();
    for _ in 0..4 {
        store.write(|tx| audit::append(tx, &source, &Event::new("test", "ok"))).unwrap();
    }
    let last: i64 =
        store.conn().query_row("SELECT max(id) FROM audit_log", [], |r| r.get(0)).unwrap();
    let anchor = intake::store::anchor::path(&db.paths);
    assert!(std::fs::read_to_string(&anchor).unwrap().contains(&format!("\n{last} ")));
    drop(store);
    assert!(check_output(&db).0);
    let saved = std::fs::read(db.db_path()).unwrap();
    let restore = |db: &TestDb| {
        std::fs::write(db.db_path(), &saved).unwrap();
        for ext in ["-wal", "-shm"] {
            let _ = std::fs::remove_file(format!("{}{ext}", db.db_path().display()));
        }
    };

    // The last two rows deleted: the chain still holds, the anchor does not.
    delete_rows(&Store::open_as_is(&db.paths).unwrap(), last - 1);
    let (ok, out) = check_output(&db);
    assert!(!ok);
    assert!(out.contains("Audit log chain") && !out.contains("breaks at"), "{out}");
    let behind =
        format!("ends at row {}, but {} says it reached row {last}", last - 2, anchor.display());
    assert!(out.contains(&behind), "{out}");

    // Every row deleted.
    restore(&db);
    delete_rows(&Store::open_as_is(&db.paths).unwrap(), 1);
    let (ok, out) = check_output(&db);
    assert!(!ok && out.contains(&format!("ends at row 0, but {} says", anchor.display())), "{out}");

    // The last rows replaced by others, their hashes computed as the program does.
    restore(&db);
    let s = Store::open_as_is(&db.paths).unwrap();
    delete_rows(&s, last - 1);
    drop(s);
    let mut s = Store::open_as_is(&db.paths).unwrap();
    let anchor_before = std::fs::read(&anchor).unwrap();
    for _ in 0..2 {
        s.write(|tx| audit::append(tx, &source, &Event::new("login", "ok"))).unwrap();
    }
    // (Writing moved the anchor on; the one who rewrote it puts the old file back, or not.)
    std::fs::write(&anchor, &anchor_before).unwrap();
    drop(s);
    let (ok, out) = check_output(&db);
    assert!(!ok, "{out}");
    assert!(out.contains(&format!("row {last} of the audit log is not the row")), "{out}");

    // The anchor edited, or deleted.
    restore(&db);
    let text = String::from_utf8(anchor_before.clone()).unwrap();
    std::fs::write(&anchor, text.replace(&format!("\n{last} "), &format!("\n{} ", last - 2)))
        .unwrap();
    let (ok, out) = check_output(&db);
    assert!(!ok && out.contains("was not written by intake for this database"), "{out}");
    // The writes that go on (logins, the audit) never repair what the check is to find.
    let write_on = || {
        let mut s = Store::open_as_is(&db.paths).unwrap();
        s.write(|tx| audit::append(tx, &source, &Event::new("login", "ok"))).unwrap();
    };
    write_on();
    assert!(!check_output(&db).0, "a forged anchor stays forged");
    std::fs::remove_file(&anchor).unwrap();
    write_on();
    let (ok, out) = check_output(&db);
    assert!(!ok && out.contains("is missing: the database has had one since"), "{out}");
    std::fs::write(&anchor, &anchor_before).unwrap();
    assert!(check_output(&db).0);
}

#[test]
fn check_command_fails_on_a_readable_key_file() {
    let db = TestDb::new();
    drop(db.open());
    std::fs::set_permissions(&db.paths.key, std::fs::Permissions::from_mode(0o640)).unwrap();
    let bin = env!("CARGO_BIN_EXE_intake");
    let out = Command::new(bin).arg("--db").arg(db.db_path()).arg("check").output().unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("chmod 600"));
}

#[test]
fn audit_rows_hold_source_and_no_content() {
    let (_db, store) = with_admin();
    let rows = audit::page(store.conn(), None, 10).unwrap();
    let events: Vec<&str> = rows.iter().map(|r| r.event.as_str()).collect();
    assert_eq!(events, vec!["user_add", "agency_add"]);
    for r in &rows {
        assert!(r.source.starts_with("local:") || r.source.starts_with("ssh:"));
        let all = format!("{r:?}");
        assert!(!all.contains("Ana") && !all.contains("Enlace"), "{all}");
    }
}

/// The database emptied, then built again from the numbered migrations up to `version` alone.
fn built_to(db: &TestDb, version: i64) -> Store {
    let old = db.open();
    old.conn()
        .execute_batch(
            "PRAGMA writable_schema = ON; DELETE FROM sqlite_master; PRAGMA writable_schema = OFF;
             PRAGMA user_version = 0; VACUUM;",
        )
        .unwrap();
    drop(old);
    let mut old = Store::open_as_is(&db.paths).unwrap();
    old.write(|tx| migrate::upgrade(tx, 0, version)).unwrap();
    old
}

/// Schema as SQLite holds it, with comments and spacing folded away.
fn schema_of(store: &Store) -> Vec<(String, String, String)> {
    let mut stmt = store
        .conn()
        .prepare(
            "SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY type, name",
        )
        .unwrap();
    stmt.query_map([], |r| {
        let sql: String = r.get(2)?;
        // Comments and all white space go: SQLite re-spaces a table an ALTER has changed.
        let folded: String = sql
            .lines()
            .map(|l| l.split("--").next().unwrap_or(""))
            .flat_map(|l| l.chars())
            .filter(|c| !c.is_whitespace())
            .collect();
        Ok((r.get(0)?, r.get(1)?, folded))
    })
    .unwrap()
    .collect::<Result<_, _>>()
    .unwrap()
}

#[test]
fn fresh_and_migrated_databases_have_the_same_schema() {
    let fresh_db = TestDb::new();
    let fresh = fresh_db.open();

    let old_db = TestDb::new();
    let old = built_to(&old_db, migrate::latest());
    let version: i64 = old.conn().query_row("PRAGMA user_version", [], |r| r.get(0)).unwrap();
    assert_eq!(version, migrate::latest());
    assert!(!schema_of(&fresh).is_empty());
    assert_eq!(schema_of(&fresh), schema_of(&old));
}

/// Migration 25 widens the tip categories' CHECK by editing the stored schema: a database
/// from migration 24, with a tip in it, takes NCMEC's new types afterwards (also through a
/// connection opened later) and still refuses a category nobody has.
#[test]
fn migration_25_lets_an_old_database_take_the_new_tip_categories() {
    let db = TestDb::new();
    let old = built_to(&db, 24);
    let insert = |store: &Store, category: &str| {
        store.conn().execute(
            "INSERT INTO tips (agency_id, created_by, source, received_at, category, area, status,
                 created_at, updated_at)
             VALUES (1, 1, 'ncmec', '2026-11-01T10:00:00Z', ?1, 'unknown', 'new',
                 '2026-11-01T10:00:00Z', '2026-11-01T10:00:00Z')",
            [category],
        )
    };
    // Only the tips table is in question here: no agency or user rows behind them.
    old.conn().execute_batch("PRAGMA foreign_keys = OFF").unwrap();
    insert(&old, "enticement").unwrap();
    assert!(insert(&old, "child_sexual_molestation").is_err(), "not yet a category at 24");
    drop(old);
    // Opening upgrades it; a second connection reads the widened schema too.
    let store = db.open();
    let other = db.open();
    for s in [&store, &other] {
        s.conn().execute_batch("PRAGMA foreign_keys = OFF").unwrap();
    }
    insert(&store, "child_sexual_molestation").unwrap();
    insert(&other, "misleading_words_images").unwrap();
    assert!(insert(&other, "bogus").is_err());
    let annotations: String = store
        .conn()
        .query_row("SELECT annotations FROM tips WHERE category = 'enticement'", [], |r| r.get(0))
        .unwrap();
    assert_eq!(annotations, "[]");
}

#[test]
fn a_newer_database_is_refused() {
    let db = TestDb::new();
    let store = db.open();
    store.conn().execute_batch("PRAGMA user_version = 999").unwrap();
    drop(store);
    let err = Store::open(&db.paths, false).err().expect("refused");
    assert!(matches!(err, Error::User(Msg::ErrDbNewer, _)));
}

const CHILD_ENV: &str = "INTAKE_TEST_WRITER_DB";
const WRITERS: usize = 8;
const WRITES: usize = 200;

/// Runs as a child process of `many_processes_write_without_busy_errors`.
#[test]
fn child_writer() {
    let Ok(db) = std::env::var(CHILD_ENV) else {
        return;
    };
    let mut store = Store::open(&DbPaths::new(db.into(), None), false).expect("child open");
    let source = store.source().to_string();
    for _ in 0..WRITES {
        store
            .write(|tx| audit::append(tx, &source, &Event::new("test_write", "ok")))
            .expect("a write must never fail with BUSY");
    }
}

#[test]
fn many_processes_write_without_busy_errors() {
    let db = TestDb::new();
    drop(db.open());
    let exe = std::env::current_exe().unwrap();
    let children: Vec<_> = (0..WRITERS)
        .map(|_| {
            Command::new(&exe)
                .args(["--exact", "child_writer", "--nocapture", "--test-threads=1"])
                .env(CHILD_ENV, db.db_path())
                .output_async()
        })
        .collect();
    for child in children {
        let out = child.wait_with_output().unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stdout));
    }
    let store = Store::open(&db.paths, false).unwrap();
    let n: i64 = store
        .conn()
        .query_row("SELECT count(*) FROM audit_log WHERE event = 'test_write'", [], |r| r.get(0))
        .unwrap();
    assert_eq!(n, (WRITERS * WRITES) as i64);
    assert_eq!(audit::first_broken(store.conn()).unwrap(), None);
}

trait SpawnExt {
    fn output_async(&mut self) -> std::process::Child;
}

impl SpawnExt for Command {
    fn output_async(&mut self) -> std::process::Child {
        self.stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .expect("spawn child")
    }
}

#[test]
fn a_damaged_file_gets_a_clear_message_not_a_panic() {
    let db = TestDb::new();
    drop(db.open());
    let mut bytes = std::fs::read(&db.paths.db).unwrap();
    for b in bytes.iter_mut().take(4096).skip(16) {
        *b = b.wrapping_add(1);
    }
    std::fs::write(&db.paths.db, bytes).unwrap();
    let _ = std::fs::remove_file(db.dir.path().join("intake.db-wal"));
    let err = Store::open(&db.paths, false).err().expect("refused");
    assert!(err.to_string().contains("or the file is damaged"), "{err}");
}

/// A draft's commit does not wait for the disk; everything else does, before and after it.
#[test]
fn only_a_draft_commits_without_waiting_for_the_disk() {
    let (_db, mut store) = with_admin();
    assert!(store.durable().unwrap(), "records wait for the disk");
    let level = |tx: &rusqlite::Transaction| -> i64 {
        tx.query_row("PRAGMA synchronous", [], |r| r.get(0)).unwrap()
    };
    let inside = store.write_light(|tx| Ok(level(tx))).unwrap();
    assert_eq!(inside, 1, "NORMAL for the draft");
    assert!(store.durable().unwrap(), "FULL again after it");
    let failed: Result<(), Error> = store.write_light(|_| Err(Error::user(Msg::ErrPinHash)));
    assert!(failed.is_err());
    assert!(store.durable().unwrap(), "FULL again after a draft that failed");
    let ana = accounts::find_user(&store, "ana").unwrap();
    let who = intake::service::Who { user: &ana, session_id: None };
    let form = intake::domain::draft::DraftForm::Contact;
    let payload = r#"{"focus":0,"fields":{}}"#;
    intake::service::hotline::save_draft(
        &mut store,
        who,
        form,
        None,
        payload,
        jiff::Timestamp::now(),
    )
    .unwrap();
    assert!(store.durable().unwrap());
}

/// The audit log is kept a year at least; older rows go only behind a signed checkpoint, from
/// which the chain is still verified; rows not behind one cannot be deleted, and a checkpoint
/// altered behind the database's back is named by the check.
#[test]
fn the_audit_log_is_trimmed_only_behind_a_signed_checkpoint_a_year_back() {
    use intake::store::check;
    let (db, mut store) = with_admin();
    for _ in 0..30 {
        accounts::session_event(&mut store, Actor::CLI, "agency_list").unwrap();
    }
    let count = |s: &Store| -> i64 {
        s.conn().query_row("SELECT count(*) FROM audit_log", [], |r| r.get(0)).unwrap()
    };
    let total = count(&store);
    let now = jiff::Timestamp::now();
    let today = intake::domain::time::local_day(now);
    let e = audit::trim(&mut store, today, now).unwrap_err();
    assert!(matches!(e, Error::User(Msg::ErrAuditTrimTooRecent, _)), "{e:?}");
    assert_eq!(count(&store), total, "a refused trim changes nothing");

    // Four hundred days on, every row made before tomorrow may go.
    let later = now + jiff::SignedDuration::from_hours(24 * 400);
    let done = audit::trim(&mut store, today.tomorrow().unwrap(), later).unwrap();
    let audit::Trimmed::Removed { rows, through_id, .. } = done else { panic!("{done:?}") };
    assert_eq!((rows, count(&store)), (total, 0));
    assert_eq!(audit::first_broken(store.conn()).unwrap(), None);
    // The chain goes on from the checkpoint, and every check passes.
    for _ in 0..3 {
        accounts::session_event(&mut store, Actor::CLI, "agency_list").unwrap();
    }
    assert_eq!(audit::first_broken(store.conn()).unwrap(), None);
    assert!(
        check::run(&store, Some(&intake::store::anchor::path(store.paths()))).iter().all(|r| r.ok),
        "{:?}",
        check::run(&store, Some(&intake::store::anchor::path(store.paths())))
    );
    // A row not behind a checkpoint is never deleted; a checkpoint is never changed.
    assert!(store.conn().execute("DELETE FROM audit_log WHERE id > ?1", [through_id]).is_err());
    assert!(store.conn().execute("UPDATE audit_checkpoints SET rows = rows + 1", []).is_err());
    assert!(store.conn().execute("DELETE FROM audit_checkpoints", []).is_err());
    // Forced past its trigger, an altered checkpoint fails the check at the row it covers.
    store
        .conn()
        .execute_batch(
            "DROP TRIGGER audit_checkpoints_no_update;
             UPDATE audit_checkpoints SET rows = rows + 1;",
        )
        .unwrap();
    assert_eq!(audit::first_broken(store.conn()).unwrap(), Some(through_id));
    drop(store);
    // The command: a date within the year is refused with the latest day allowed.
    let out = run_intake(&db, &["audit", "trim", "--before", &today.to_string()], "");
    assert!(!out.status.success());
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(said.contains("keeps at least a year"), "{said}");
    let out = run_intake(&db, &["audit", "trim", "--before", "2020-13-01"], "");
    assert!(String::from_utf8_lossy(&out.stderr).contains("is not a date"));
}

#[test]
fn the_audit_trim_command_removes_nothing_newer_than_its_day() {
    let (db, store) = with_admin();
    drop(store);
    let out = run_intake(&db, &["audit", "trim", "--before", "2020-01-01"], "");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(
        String::from_utf8_lossy(&out.stdout).trim(),
        "No audit row is older than 2020-01-01; nothing was removed."
    );
}

/// Migration 29 moves each service's locations into shared places linked to it, keeping the
/// address, the confidentiality of the street, the exchange id and the organisation; the
/// directory reads them back as before.
#[test]
fn migration_29_keeps_every_location_as_a_place_of_its_service() {
    let db = TestDb::new();
    let old = built_to(&db, 28);
    old.conn()
        .execute_batch(
            "INSERT INTO dir_organizations (id, name, created_at, updated_at)
                 VALUES (7, 'Casa', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z');
             INSERT INTO dir_services (id, organization_id, name, created_at, updated_at)
                 VALUES (3, 7, 'Shelter', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z');
             INSERT INTO dir_locations (id, service_id, city, zip, address, show_address, hsds_id)
                 VALUES (11, 3, 'Las Cruces', '88001', '12 Hidden Lane', 0, 'loc-a'),
                        (12, 3, 'Anthony', '88021', '1 Main St', 1, NULL);",
        )
        .unwrap();
    drop(old);
    let store = db.open();
    let places =
        intake::store::directory::locations(store.conn(), intake::domain::ids::ServiceId(3))
            .unwrap();
    let got: Vec<_> = places
        .iter()
        .map(|l| (l.city.as_deref(), l.address.as_deref(), l.show_address, l.hsds_id.as_deref()))
        .collect();
    assert_eq!(
        got,
        [
            (Some("Las Cruces"), Some("12 Hidden Lane"), false, Some("loc-a")),
            (Some("Anthony"), Some("1 Main St"), true, None)
        ]
    );
    let org: i64 = store
        .conn()
        .query_row("SELECT organization_id FROM dir_places WHERE id = 11", [], |r| r.get(0))
        .unwrap();
    assert_eq!(org, 7);
    let gone: i64 = store
        .conn()
        .query_row("SELECT count(*) FROM sqlite_master WHERE name = 'dir_locations'", [], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(gone, 0);
}

#[test]
fn migration_31_makes_each_referrals_consent_a_release_of_its_person() {
    let db = TestDb::new();
    let old = built_to(&db, 30);
    let t = "'2026-01-01T00:00:00Z'";
    old.conn()
        .execute_batch(&format!(
            "INSERT INTO agencies (id, name, created_at) VALUES (1, 'Enlace', {t});
             INSERT INTO users (id, agency_id, username, display_name, role, pin_hash, created_at,
                 updated_at) VALUES (5, 1, 'bea', 'Bea Ortiz', 'advocate', 'x', {t}, {t});
             INSERT INTO clients (id, agency_id, created_by, chosen_name, name_key, initials_key,
                 gender, citizenship, disability, language, interpreter, area, trafficking_type,
                 referral_source, danger, intake_on, last_activity, created_at, updated_at)
                 VALUES (9, 1, 5, 'Rosa', 'rosa', 'r', 'unknown', 'unknown', 'unknown', 'spanish',
                 'no', 'unknown', 'undetermined', 'unknown', 'unknown', '2026-01-01', {t}, {t}, {t});
             INSERT INTO client_releases (id, client_id, agency_id, recipient_kind, recipient, scope,
                 purpose, signed_on, method, explained_in, expires_on, recorded_by, created_at)
                 VALUES (1, 9, 1, 'court', 'Family court', '[\"services\"]', 'Hearing',
                 '2026-01-02', 'written', 'spanish', '2026-03-01', 5, {t});
             INSERT INTO dir_organizations (id, name, created_at, updated_at)
                 VALUES (7, 'Frontera Legal', {t}, {t});
             INSERT INTO dir_services (id, organization_id, name, created_at, updated_at)
                 VALUES (3, 7, 'Visas', {t}, {t});
             INSERT INTO referrals (id, agency_id, client_id, service_id, referred_on, referred_by,
                 reason, consent, consent_share, consent_until, status, created_at) VALUES
                 (20, 1, 9, 3, '2026-01-05', 5, 'Visa consult', 'written',
                  '[\"name\",\"birth_date\"]', '2026-02-28', 'made', {t}),
                 (21, 1, 9, 3, '2026-01-06', 5, 'Second opinion', 'none', '[]', NULL, 'made', {t}),
                 (22, 1, 9, 3, '2026-01-07', 5, 'Call back', 'verbal', '[\"phone\"]',
                  '2026-01-31', 'made', {t});"
        ))
        .unwrap();
    drop(old);
    let store = db.open();
    let releases = intake::store::releases::of(
        store.conn(),
        intake::store::referrals::Subject::Client(intake::domain::ids::ClientId(9)),
    )
    .unwrap();
    let got: Vec<_> = releases
        .iter()
        .map(|r| {
            (
                r.id,
                r.recipient.as_str(),
                r.scope.join(","),
                r.method.as_str(),
                r.witness.as_deref(),
                r.explained_in.as_str(),
                r.expires_on.to_string(),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            (
                3,
                "Frontera Legal",
                "contact_details".into(),
                "verbal_witnessed",
                Some("Bea Ortiz"),
                "spanish",
                "2026-01-31".into()
            ),
            (
                2,
                "Frontera Legal",
                "contact_details,date_of_birth".into(),
                "written",
                None,
                "spanish",
                "2026-02-28".into()
            ),
            (1, "Family court", "services".into(), "written", None, "spanish", "2026-03-01".into()),
        ]
    );
    let mut stmt = store
        .conn()
        .prepare(
            "SELECT id, release_id, carries, consent, consent_share, consent_until FROM referrals
             ORDER BY id",
        )
        .unwrap();
    type Row = (i64, Option<i64>, String, String, String, Option<String>);
    let rows: Vec<Row> = stmt
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(
        rows,
        [
            (20, Some(2), r#"["name","birth_date"]"#.into(), "none".into(), "[]".into(), None),
            (21, None, "[]".into(), "none".into(), "[]".into(), None),
            (22, Some(3), r#"["phone"]"#.into(), "none".into(), "[]".into(), None),
        ]
    );
}
