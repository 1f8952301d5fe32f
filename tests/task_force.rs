//! The task force whole: an administrator adds up every agency's figures in this database,
//! and reports agencies with their own database send as shareable files add up with
//! `intake report combine`; both print only the shared view, and a sum with a hidden part is
//! never shown exactly.

mod common;

use common::records::*;
use common::*;
use intake::domain::staff::Role;
use intake::store::Store;

fn text(out: &std::process::Output) -> String {
    format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr))
}

/// Enlace logs 12 contacts in state FY2027, the shelter 5, and one contact before the year.
fn world() -> (TestDb, Store) {
    let (db, mut store) = with_admin();
    let bea = add(&mut store, "bea", Role::Advocate, "Enlace Comunitario");
    add(&mut store, "sara", Role::Supervisor, "Enlace Comunitario");
    let zoe = add(&mut store, "zoe", Role::Advocate, "Casa Shelter");
    add(&mut store, "rita", Role::Supervisor, "Casa Shelter");
    for i in 0..12 {
        call(&mut store, &bea, &format!("2026-08-{:02} 10:00", i + 1), &[]);
    }
    for i in 0..5 {
        call(&mut store, &zoe, &format!("2026-09-{:02} 10:00", i + 1), &[]);
    }
    call(&mut store, &zoe, "2026-06-30 10:00", &[]);
    (db, store)
}

fn line<'a>(out: &'a str, label: &str) -> &'a str {
    out.lines()
        .find(|l| l.trim_start().starts_with(label))
        .unwrap_or_else(|| panic!("{label}: {out}"))
}

#[test]
fn an_administrator_sees_every_agencys_figures_added_up_in_the_shared_view() {
    let (db, store) = world();
    drop(store);
    let args = ["report", "hotline", "--fy", "2027", "--task-force", "--user", "ana"];
    let out = run_intake(&db, &args, "");
    let t = text(&out);
    assert!(out.status.success(), "{t}");
    assert!(line(&t, "Contacts").ends_with(" 17"), "12 and 5 added: {t}");
    assert!(line(&t, "Enlace Comunitario").ends_with(" 12"), "{t}");
    assert!(line(&t, "Casa Shelter").ends_with(" <11"), "a small agency's count is hidden: {t}");
    assert!(!t.contains('#'), "no record behind any figure: {t}");
    // Supervisors see their own agency only; the task force is for administrators.
    let out = run_intake(
        &db,
        &["report", "hotline", "--fy", "2027", "--task-force", "--user", "sara"],
        "",
    );
    assert!(!out.status.success() && text(&out).contains("administrators"), "{}", text(&out));
}

#[test]
fn shareable_files_add_up_and_a_hidden_part_stays_hidden() {
    let (db, store) = world();
    drop(store);
    let dir = tempfile::tempdir().unwrap();
    let mut files = Vec::new();
    for (user, fy) in [("sara", "2027"), ("rita", "2027"), ("rita", "2026")] {
        let args =
            ["report", "hotline", "--fy", fy, "--format", "json", "--shareable", "--user", user];
        let out = run_intake(&db, &args, "");
        assert!(out.status.success(), "{}", text(&out));
        let path = dir.path().join(format!("{user}-{fy}.json"));
        std::fs::write(&path, &out.stdout).unwrap();
        files.push(path.display().to_string());
    }
    let out = run_intake(&db, &["report", "combine", &files[0], &files[1], "--user", "ana"], "");
    let t = text(&out);
    assert!(out.status.success(), "{t}");
    // 12 known and a "<11" from the shelter: at least 13, never the exact 17.
    assert!(line(&t, "Contacts").ends_with(" >=13"), "{t}");
    assert!(line(&t, "Casa Shelter").ends_with(" <11"), "{t}");
    assert!(!t.contains(" 17"), "{t}");
    // A file of another period is refused, by name; so is one that is not shareable.
    let out = run_intake(&db, &["report", "combine", &files[0], &files[2], "--user", "ana"], "");
    assert!(!out.status.success() && text(&out).contains("rita-2026.json"), "{}", text(&out));
    let exact = dir.path().join("exact\u{1b}]0;x.json");
    let args = ["report", "hotline", "--fy", "2027", "--format", "json", "--user", "sara"];
    std::fs::write(&exact, run_intake(&db, &args, "").stdout).unwrap();
    let out = run_intake(
        &db,
        &["report", "combine", &files[0], exact.to_str().unwrap(), "--user", "ana"],
        "",
    );
    let t = text(&out);
    assert!(!out.status.success() && t.contains("--shareable"), "{t}");
    assert!(!t.contains('\u{1b}') && t.contains("\\u{1b}"), "the name is escaped: {t:?}");
    // CSV and JSON carry the same shared values.
    let out = run_intake(
        &db,
        &["report", "combine", &files[0], &files[1], "--format", "csv", "--user", "ana"],
        "",
    );
    assert!(text(&out).contains(",>=13"), "{}", text(&out));
}
