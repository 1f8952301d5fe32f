//! Backups and restores with the real binary: a restore drill while eight processes write, and
//! the restores that must be refused.

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use common::pty::Session;
use common::{TestDb, with_admin};
use intake::store::{DbPaths, Store};

fn intake(db: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_intake"))
        .arg("--db")
        .arg(db)
        .args(args)
        .env("INTAKE_LANG", "en")
        .output()
        .expect("run intake")
}

fn text(o: &Output) -> String {
    format!("{}{}", String::from_utf8_lossy(&o.stdout), String::from_utf8_lossy(&o.stderr))
}

fn agencies(paths: &DbPaths) -> Vec<String> {
    let store = Store::open_as_is(paths).expect("open");
    let mut stmt = store.conn().prepare("SELECT name FROM agencies").expect("prepare");
    stmt.query_map([], |r| r.get(0)).expect("query").collect::<Result<_, _>>().expect("rows")
}

/// Eight processes add agencies, each commit noted with the moment its process ended; backups
/// are taken meanwhile. Every backup restores into a new place, passes `intake check`, and
/// holds every agency whose process had ended before the backup began.
#[test]
fn backups_taken_while_eight_processes_write_restore_whole_and_hold_every_earlier_commit() {
    let (db, store) = with_admin();
    drop(store);
    let live = db.db_path();
    let stop = Arc::new(AtomicBool::new(false));
    let committed: Arc<Mutex<Vec<(String, Instant)>>> = Arc::default();
    let writers: Vec<_> = (0..8)
        .map(|w| {
            let (live, stop, committed) = (live.clone(), stop.clone(), committed.clone());
            std::thread::spawn(move || {
                let mut n = 0;
                while !stop.load(Ordering::Relaxed) {
                    let name = format!("Writer {w} agency {n}");
                    let out =
                        intake(&live, &["agency", "add", &name, "--kind", "service_provider"]);
                    assert!(out.status.success(), "a write failed: {}", text(&out));
                    committed.lock().unwrap().push((name, Instant::now()));
                    n += 1;
                }
            })
        })
        .collect();
    let dir = db.dir.path().join("backups");
    let mut taken: Vec<(PathBuf, Instant)> = Vec::new();
    let began = Instant::now();
    while began.elapsed() < Duration::from_secs(4) || taken.len() < 4 {
        std::thread::sleep(Duration::from_millis(300));
        let start = Instant::now();
        let out = intake(&live, &["backup", dir.to_str().expect("utf-8")]);
        assert!(out.status.success(), "backup failed: {}", text(&out));
        let line = String::from_utf8_lossy(&out.stdout).to_string();
        assert_eq!(line.lines().count(), 1, "one line for a timer: {line}");
        let path = line
            .strip_prefix("backup ok: ")
            .and_then(|r| r.split(" (").next())
            .unwrap_or_else(|| panic!("unexpected line: {line}"));
        taken.push((PathBuf::from(path), start));
    }
    stop.store(true, Ordering::Relaxed);
    for w in writers {
        w.join().expect("writer");
    }
    let committed = committed.lock().unwrap().clone();
    let all = agencies(&db.paths);
    assert!(committed.iter().all(|(name, _)| all.contains(name)), "the live database lost a write");
    let mut saw_partial = false;
    for (i, (path, start)) in taken.iter().enumerate() {
        let target = db.dir.path().join(format!("restored-{i}")).join("intake.db");
        let key = db.paths.key.to_str().expect("utf-8");
        let out = intake(&target, &["restore", path.to_str().expect("utf-8"), "--backup-key", key]);
        assert!(out.status.success(), "restore {i} failed: {}", text(&out));
        assert!(text(&out).contains("every check passed"), "{}", text(&out));
        let check = intake(&target, &["check"]);
        assert!(check.status.success(), "check of restore {i}: {}", text(&check));
        let held = agencies(&DbPaths::new(target, None));
        for (name, at) in &committed {
            if at < start {
                assert!(held.contains(name), "backup {i} lacks {name}, committed before it began");
            }
        }
        saw_partial |= held.len() < all.len();
    }
    assert!(saw_partial, "no backup was taken while the writers were writing");
    assert!(committed.len() > 40, "the writers wrote too little to test: {}", committed.len());
}

#[test]
fn a_restore_never_overwrites_by_accident_and_never_a_database_in_use() {
    let (db, store) = with_admin();
    drop(store);
    let live = db.db_path();
    let dir = db.dir.path().join("b");
    let out = intake(&live, &["backup", dir.to_str().unwrap(), "--keep", "3"]);
    assert!(out.status.success(), "{}", text(&out));
    let backup = intake::store::backup::list(&dir).unwrap().pop().expect("a backup");
    let backup = backup.to_str().unwrap();

    // Onto the live database: refused without --force, and nothing changes.
    let before = std::fs::read(&live).unwrap();
    let out = intake(&live, &["restore", backup]);
    assert!(!out.status.success());
    assert!(text(&out).contains("There is already a database at"), "{}", text(&out));
    assert_eq!(std::fs::read(&live).unwrap(), before);

    // No key for the new place, and none named: a clear message.
    let elsewhere = db.dir.path().join("new").join("intake.db");
    let out = intake(&elsewhere, &["restore", backup]);
    assert!(!out.status.success());
    assert!(text(&out).contains("--backup-key"), "{}", text(&out));
    assert!(!elsewhere.exists());

    // A key file of another key at the new place: refused, and the key file is untouched.
    let other = TestDb::new();
    drop(other.open());
    std::fs::create_dir_all(elsewhere.parent().unwrap()).unwrap();
    std::fs::copy(&other.paths.key, format!("{}.key", elsewhere.display())).unwrap();
    let key = db.paths.key.to_str().unwrap();
    let out = intake(&elsewhere, &["restore", backup, "--backup-key", key]);
    assert!(!out.status.success());
    assert!(text(&out).contains("holds another key"), "{}", text(&out));
    assert!(!elsewhere.exists());

    // A console open on the database: even --force is refused.
    let mut s = Session::start(&live);
    s.wait_for("Log in");
    let out = intake(&live, &["restore", backup, "--force", "--backup-key", key]);
    assert!(!out.status.success());
    assert!(text(&out).contains("is open in a console"), "{}", text(&out));
    assert_eq!(std::fs::read(&live).unwrap(), before);
    s.hang_up();
    assert!(s.wait_exit());

    // With every console closed, --force replaces it and keeps the old one beside it.
    let out = intake(&live, &["restore", backup, "--force"]);
    assert!(out.status.success(), "{}", text(&out));
    let kept: Vec<_> = std::fs::read_dir(db.dir.path())
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().starts_with("intake.db.replaced-"))
        .collect();
    assert_eq!(kept.len(), 1, "the replaced database is kept");
    assert!(intake(&live, &["check"]).status.success());
}

/// The shipped timer's service runs commands this binary takes: each `ExecStart`, with the
/// host's paths moved into a temporary directory, runs in order (the purge, then a backup)
/// and exits 0.
#[test]
fn the_shipped_backup_unit_runs_commands_that_work() {
    let unit = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/deploy/intake-backup.service"
    ))
    .expect("deploy/intake-backup.service");
    let (db, store) = with_admin();
    drop(store);
    let here = db.dir.path().to_str().unwrap().to_string();
    let env = unit
        .lines()
        .find_map(|l| l.strip_prefix("Environment=INTAKE_DB="))
        .expect("the unit names the database")
        .replace("/srv/intake", &here);
    assert_eq!(PathBuf::from(&env), db.db_path(), "the unit's database is /srv/intake/intake.db");
    let mut ran = Vec::new();
    for exec in unit.lines().filter_map(|l| l.strip_prefix("ExecStart=")) {
        let exec = exec.trim_start_matches('-').replace("/srv/intake", &here);
        let mut words = exec.split_whitespace();
        assert_eq!(words.next(), Some("/usr/local/bin/intake"));
        let args: Vec<&str> = words.collect();
        let out = Command::new(env!("CARGO_BIN_EXE_intake"))
            .args(&args)
            .env("INTAKE_DB", &env)
            .env("INTAKE_LANG", "en")
            .output()
            .expect("run");
        assert!(out.status.success(), "{exec}: {}", text(&out));
        ran.push(args[0].to_string());
    }
    assert_eq!(ran, ["purge", "backup"], "the purge first, so the backup holds nothing due");
    assert_eq!(intake::store::backup::list(&db.dir.path().join("backups")).unwrap().len(), 1);
    let timer =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/deploy/intake-backup.timer"))
            .expect("deploy/intake-backup.timer");
    assert!(timer.contains("Persistent=true"), "a night missed while off runs at boot");
}

/// `intake rekey` moves the database to a new key: the old key no longer opens it, the new one
/// does, with every record and a whole audit chain; the old key, kept as retired, still opens
/// the backups made before. Refused while a console has the database open.
#[test]
fn rekey_moves_the_database_to_a_new_key_and_keeps_the_old_one_for_older_backups() {
    let (db, store) = with_admin();
    drop(store);
    let live = db.db_path();
    let out = intake(&live, &["agency", "add", "Casa Rekey", "--kind", "service_provider"]);
    assert!(out.status.success(), "{}", text(&out));
    let dir = db.dir.path().join("b");
    assert!(intake(&live, &["backup", dir.to_str().unwrap()]).status.success());
    let old_key = std::fs::read_to_string(&db.paths.key).unwrap();

    let mut s = Session::start(&live);
    s.wait_for("Log in");
    let out = intake(&live, &["rekey"]);
    assert!(!out.status.success());
    assert!(text(&out).contains("is open in a console"), "{}", text(&out));
    assert_eq!(std::fs::read_to_string(&db.paths.key).unwrap(), old_key, "key untouched");
    s.hang_up();
    assert!(s.wait_exit());

    let out = intake(&live, &["rekey"]);
    assert!(out.status.success(), "{}", text(&out));
    let new_key = std::fs::read_to_string(&db.paths.key).unwrap();
    assert_ne!(new_key, old_key);
    let retired: Vec<PathBuf> = std::fs::read_dir(db.dir.path())
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| p.to_string_lossy().contains("intake.db.key.retired-"))
        .collect();
    assert_eq!(retired.len(), 1);
    assert_eq!(std::fs::read_to_string(&retired[0]).unwrap(), old_key);
    // The new key opens it, with its records and a whole chain; the old key does not.
    assert!(intake(&live, &["check"]).status.success());
    assert!(agencies(&db.paths).contains(&"Casa Rekey".to_string()));
    assert!(Store::open_as_is(&DbPaths::new(live.clone(), Some(retired[0].clone()))).is_err());
    let store = Store::open_as_is(&db.paths).unwrap();
    assert!(common::audit_events(&store).contains(&("db_rekey".into(), "ok".into())));
    // The backup made before is read with the retired key.
    let backup = intake::store::backup::list(&dir).unwrap().pop().unwrap();
    let target = db.dir.path().join("old").join("intake.db");
    let out = intake(
        &target,
        &["restore", backup.to_str().unwrap(), "--backup-key", retired[0].to_str().unwrap()],
    );
    assert!(out.status.success(), "{}", text(&out));
}

/// A purge that frees much of the file makes it smaller (VACUUM) only when no console has the
/// database open, since a rebuild holds every writer back; otherwise it says so and leaves the
/// zeroed free pages for reuse.
#[test]
fn a_purge_makes_the_file_smaller_only_when_no_console_has_it_open() {
    let (db, store) = with_admin();
    store
        .conn()
        .execute_batch(
            "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 150)
             INSERT INTO drafts (user_id, form, record_id, payload, updated_at)
             SELECT 1, 'tip', i, json_object('notes', printf('%.90000c', 'x')), '2020-01-01T00:00:00Z'
             FROM n;",
        )
        .unwrap();
    drop(store);
    let live = db.db_path();
    let size = || std::fs::metadata(&live).unwrap().len();
    let before = size();
    assert!(before > 10_000_000, "{before}");
    let mut s = Session::start(&live);
    s.wait_for("Log in");
    let out = intake(&live, &["purge"]);
    assert!(out.status.success(), "{}", text(&out));
    assert!(text(&out).contains("drafts 150 purged"), "{}", text(&out));
    assert!(text(&out).contains("was not made smaller: a console has it open"), "{}", text(&out));
    assert!(size() >= before / 2, "not rebuilt under an open console");
    s.hang_up();
    assert!(s.wait_exit());
    let out = intake(&live, &["purge"]);
    assert!(out.status.success(), "{}", text(&out));
    assert!(!text(&out).contains("not made smaller"), "{}", text(&out));
    assert!(size() < before / 4, "{} of {before}", size());
    assert!(intake(&live, &["check"]).status.success());
}

/// Every backup carries the head of its audit log beside it: a backup whose last audit rows
/// were deleted afterwards is refused by a restore, which names the anchor.
#[test]
fn a_backup_carries_its_audit_anchor_and_a_restore_checks_it() {
    let (db, store) = with_admin();
    drop(store);
    let live = db.db_path();
    let dir = db.dir.path().join("b");
    let out = intake(&live, &["backup", dir.to_str().unwrap()]);
    assert!(out.status.success(), "{}", text(&out));
    let backup = intake::store::backup::list(&dir).unwrap().pop().expect("a backup");
    let anchor = intake::store::anchor::beside(&backup);
    assert!(std::fs::read_to_string(&anchor).unwrap().starts_with("intake audit anchor v1"));
    // The keep rule takes a backup's anchor with it; the anchor is never counted as a backup.
    assert_eq!(intake::store::backup::list(&dir).unwrap(), std::slice::from_ref(&backup));

    let copy = Store::open_as_is(&DbPaths::new(backup.clone(), Some(db.paths.key.clone())))
        .expect("open the backup");
    copy.conn()
        .execute_batch(
            "DROP TRIGGER audit_log_no_delete;
             DELETE FROM audit_log WHERE id = (SELECT max(id) FROM audit_log);",
        )
        .unwrap();
    drop(copy);
    let elsewhere = db.dir.path().join("new").join("intake.db");
    let key = db.paths.key.to_str().unwrap();
    let out = intake(&elsewhere, &["restore", backup.to_str().unwrap(), "--backup-key", key]);
    assert!(!out.status.success());
    assert!(
        text(&out).contains("Audit log anchor") && text(&out).contains("rows were deleted"),
        "{}",
        text(&out)
    );
    assert!(!elsewhere.exists());
}
