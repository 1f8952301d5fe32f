//! Damage is named and contained: once `intake check` finds the database damaged, every
//! command and console refuses changes with a message saying why and what to do, until a
//! backup is restored; reading, logging in and the audit go on.

mod common;

use std::process::Output;

use common::console::*;
use common::*;
use intake::ui::app::Screen;
use ratatui::crossterm::event::KeyCode;

fn text(o: &Output) -> String {
    format!("{}{}", String::from_utf8_lossy(&o.stdout), String::from_utf8_lossy(&o.stderr))
}

fn users(db: &TestDb) -> i64 {
    db.open().conn().query_row("SELECT count(*) FROM users", [], |r| r.get(0)).unwrap()
}

fn add_ben(db: &TestDb) -> Output {
    let args = ["user", "add", "ben", "--name", "Ben Ortiz", "--role", "advocate"];
    run_intake(db, &args, "470193\n470193\n")
}

#[test]
fn a_database_check_finds_damaged_is_read_only_until_a_backup_is_restored() {
    let (db, store) = with_admin();
    drop(store);
    let dir = db.dir.path().join("backups");
    let taken = run_intake(&db, &["backup", dir.to_str().unwrap()], "");
    assert!(taken.status.success(), "{}", text(&taken));
    let backup = intake::store::backup::list(&dir).unwrap().pop().unwrap();

    // Someone with the key and a SQL shell rewrites an audit row.
    let store = db.open();
    store
        .conn()
        .execute_batch(
            "DROP TRIGGER audit_log_no_update;
             UPDATE audit_log SET outcome = 'failed' WHERE id = 1;",
        )
        .unwrap();
    drop(store);
    let check = run_intake(&db, &["check"], "");
    assert!(!check.status.success());
    let said = text(&check);
    assert!(said.contains("breaks at row 1") && said.contains("is read-only"), "{said}");

    // Before, `user add` went through on a database check had called damaged.
    let before = users(&db);
    let refused = add_ben(&db);
    assert!(!refused.status.success());
    let said = text(&refused);
    assert!(said.contains("was found damaged on") && said.contains("Audit log chain"), "{said}");
    assert!(said.contains("intake restore"), "{said}");
    assert_eq!(users(&db), before, "nothing changed");

    // The console: logging in works and says read-only; a save is refused with the reason.
    let store = db.open();
    let mut h = Harness::on(db, store);
    h.login("ana", ADMIN_PIN);
    assert!(matches!(h.app.screen, Screen::Home(_)));
    assert!(h.screen().contains("READ-ONLY: damaged"), "{}", h.screen());
    insta::assert_snapshot!("home_read_only", h.screen());
    h.app.set_language(intake::i18n::Lang::Es);
    h.app.status = None;
    insta::assert_snapshot!("home_read_only_es", h.screen());
    h.app.set_language(intake::i18n::Lang::En);
    h.app.status = None;
    h.typed("c");
    h.focus_field("caller_type").enter().typed("p").enter();
    h.focus_field("area").enter().typed("dona").enter();
    h.focus_field("notes").typed("Caller at the bus station");
    h.ctrl('s');
    let status = h.status();
    assert!(status.contains("was found damaged"), "{status}");
    let contacts: i64 =
        h.app.store.conn().query_row("SELECT count(*) FROM contacts", [], |r| r.get(0)).unwrap();
    assert_eq!(contacts, 0);
    // What was typed is kept as a draft all the same.
    let drafts: i64 =
        h.app.store.conn().query_row("SELECT count(*) FROM drafts", [], |r| r.get(0)).unwrap();
    assert_eq!(drafts, 1);
    h.key(KeyCode::Esc);
    let Harness { db, app, .. } = h;
    drop(app);

    // The administrator restores the backup: the database takes changes again.
    let restored = run_intake(&db, &["restore", backup.to_str().unwrap(), "--force"], "");
    assert!(restored.status.success(), "{}", text(&restored));
    assert!(run_intake(&db, &["check"], "").status.success());
    let added = add_ben(&db);
    assert!(added.status.success(), "{}", text(&added));
}

/// A database that cannot be opened or written names the file, the cause and what to do, in
/// both languages (before: "(CannotOpen)", "(SystemIoFailure)").
#[test]
fn a_database_that_cannot_be_opened_or_written_says_where_why_and_what_to_do() {
    let db = TestDb::new();
    // A folder that is a file.
    let file = db.dir.path().join("notes.txt");
    std::fs::write(&file, "x").unwrap();
    let inside = file.join("intake.db");
    for (lang, said) in [("en", "is not a folder"), ("es", "no es una carpeta")] {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_intake"))
            .arg("--db")
            .arg(&inside)
            .args(["agency", "add", "Casa de Paz"])
            .env("INTAKE_LANG", lang)
            .output()
            .unwrap();
        assert!(!out.status.success());
        let text = text(&out);
        assert!(text.contains(&inside.display().to_string()) && text.contains(said), "{text}");
        assert!(!text.contains("CannotOpen") && !text.contains("(Io"), "{text}");
    }

    // A full disk (SQLite told the file may grow no more): the save is refused with the
    // reason, and what was typed stays on screen.
    let (db, store) = with_admin();
    let mut h = Harness::on(db, store);
    h.login("ana", ADMIN_PIN).typed("c");
    h.focus_field("caller_type").enter().typed("p").enter();
    h.focus_field("area").enter().typed("dona").enter();
    h.focus_field("notes").typed("Caller at the bus station. ");
    // More than a page of the file holds, so the save must make the file grow.
    h.app.handle(intake::ui::Input::Paste("Long notes. ".repeat(600)));
    let pages: i64 = h.app.store.conn().query_row("PRAGMA page_count", [], |r| r.get(0)).unwrap();
    h.app.store.conn().execute_batch(&format!("PRAGMA max_page_count = {pages}")).unwrap();
    h.ctrl('s');
    let dir = h.db.dir.path().display().to_string();
    let status = h.status();
    assert!(status.contains("could not be written") && status.contains(&dir), "{status}");
    assert!(status.contains("is full"), "{status}");
    assert!(h.app.form().is_some_and(|f| f.text(f.focus).contains("bus station")));
    h.app.set_language(intake::i18n::Lang::Es);
    h.ctrl('s');
    let status = h.status();
    assert!(status.contains("No se pudo escribir") && status.contains("está lleno"), "{status}");
}
