//! The set-up commands, run as a script would: the real binary, the PIN on standard input.

mod common;

use std::process::{Command, Output};

use common::*;

fn intake(db: &TestDb, args: &[&str], stdin: &str) -> Output {
    run_intake(db, args, stdin)
}

fn text(o: &Output) -> String {
    format!("{}{}", String::from_utf8_lossy(&o.stdout), String::from_utf8_lossy(&o.stderr))
}

#[test]
fn set_up_a_database_from_the_command_line() {
    let db = TestDb::new();
    let refused = intake(
        &db,
        &["user", "add", "ben", "--name", "Ben", "--role", "advocate", "--agency", "Enlace"],
        "470193\n",
    );
    assert!(!refused.status.success());
    assert!(text(&refused).contains("must be an administrator"), "{}", text(&refused));

    let ok = intake(
        &db,
        &[
            "user",
            "add",
            "ana",
            "--name",
            "Ana García",
            "--role",
            "admin",
            "--agency",
            "Enlace Comunitario",
        ],
        "508731\n",
    );
    assert!(ok.status.success(), "{}", text(&ok));
    // With one agency, --agency may be left out.
    let ok = intake(
        &db,
        &["user", "add", "ben", "--name", "Ben Ortiz", "--role", "law-enforcement"],
        "470193\n",
    );
    assert!(ok.status.success(), "{}", text(&ok));
    let weak = intake(&db, &["user", "add", "cy", "--name", "Cy", "--role", "intake"], "123456\n");
    assert!(!weak.status.success());
    assert!(text(&weak).contains("run of digits"));

    let list = intake(&db, &["user", "list", "--format", "json"], "");
    let rows: serde_json::Value = serde_json::from_slice(&list.stdout).unwrap();
    assert_eq!(rows.as_array().unwrap().len(), 2);
    assert_eq!(rows[0]["username"], "ana");
    assert_eq!(rows[0]["temporary_pin"], false);
    assert_eq!(rows[1]["role"], "law_enforcement");
    // Added for someone else: they choose their own PIN at first login.
    assert_eq!(rows[1]["temporary_pin"], true);

    for (cmd, want) in [("disable", "disabled"), ("enable", "enabled"), ("unlock", "unlocked")] {
        let o = intake(&db, &["user", cmd, "ben"], "");
        assert!(o.status.success() && text(&o).contains(want), "{}", text(&o));
    }
    let o = intake(&db, &["user", "reset-pin", "ben"], "620418\n");
    assert!(o.status.success(), "{}", text(&o));
    let o = intake(&db, &["user", "disable", "nobody"], "");
    assert!(!o.status.success() && text(&o).contains("no account named nobody"));

    let table = intake(&db, &["user", "list"], "");
    let t = String::from_utf8_lossy(&table.stdout);
    assert!(t.contains("ana") && t.contains("Ben Ortiz") && t.contains("new PIN due"), "{t}");

    // Every change was an audited event, and none of them holds a name or a PIN.
    let store = db.open();
    let events: Vec<String> = audit_events(&store).into_iter().map(|(e, _)| e).collect();
    for e in [
        "agency_add",
        "user_add",
        "user_list",
        "user_disable",
        "user_enable",
        "user_unlock",
        "user_reset_pin",
    ] {
        assert!(events.iter().any(|x| x == e), "{e} missing from {events:?}");
    }
    let dump: String = store
        .conn()
        .prepare("SELECT * FROM audit_log")
        .unwrap()
        .query_map([], |r| {
            Ok(format!("{:?}", (r.get::<_, String>(5)?, r.get::<_, Option<String>>(6)?)))
        })
        .unwrap()
        .map(|r| r.unwrap())
        .collect();
    assert!(!dump.contains("Ben") && !dump.contains("620418"));
}

#[test]
fn spanish_messages_on_the_command_line() {
    let db = TestDb::new();
    let o = Command::new(env!("CARGO_BIN_EXE_intake"))
        .args(["--lang", "es", "--db"])
        .arg(db.db_path())
        .arg("check")
        .output()
        .unwrap();
    assert!(!o.status.success());
    assert!(String::from_utf8_lossy(&o.stderr).contains("No hay base de datos"));
}

#[test]
fn the_console_refuses_to_run_without_a_terminal() {
    let db = TestDb::new();
    let o = intake(&db, &[], "");
    assert!(!o.status.success());
    assert!(text(&o).contains("needs a terminal"), "{}", text(&o));
    assert!(!db.db_path().exists(), "nothing is created without a terminal");
}

#[test]
fn screening_tool_files_are_checked_with_line_and_field() {
    let db = TestDb::new();
    let good =
        concat!(env!("CARGO_MANIFEST_DIR"), "/src/domain/screening_tools/youth-quick-4.toml");
    let out = intake(&db, &["screening", "check", good], "");
    assert!(out.status.success());
    assert!(
        text(&out).contains("ok: youth-quick-4 version 2, 4 items, scored at_least 1"),
        "{}",
        text(&out)
    );
    let bad = db.dir.path().join("bad.toml");
    let broken =
        std::fs::read_to_string(good).unwrap().replace("mode = \"interview\"", "mode = \"survey\"");
    std::fs::write(&bad, &broken).unwrap();
    let out = intake(&db, &["screening", "check", bad.to_str().unwrap()], "");
    assert!(!out.status.success());
    let line = broken[..broken.find("mode = \"survey\"").unwrap()].matches('\n').count() + 1;
    assert!(
        text(&out).contains(&format!("line {line}, mode: must be one of: interview, observation")),
        "{}",
        text(&out)
    );
    assert!(!db.db_path().exists(), "checking a file needs no database");
}

#[test]
fn a_task_force_is_set_up_by_script_and_a_mistyped_agency_is_refused_with_the_close_names() {
    let db = TestDb::new();
    let admin = ["user", "add", "ana", "--name", "Ana", "--role", "admin", "--agency", "Enlace"];
    assert!(intake(&db, &admin, "508731\n").status.success());
    // The database the command made starts with the checked directory, as the console's does.
    let services: i64 =
        db.open().conn().query_row("SELECT count(*) FROM dir_services", [], |r| r.get(0)).unwrap();
    assert!(services >= 10, "seeded: {services}");
    let apd = "Albuquerque Police Department";
    let add = intake(&db, &["agency", "add", apd, "--kind", "law_enforcement"], "");
    assert!(add.status.success(), "{}", text(&add));
    assert!(intake(&db, &["agency", "add", "Haven House"], "").status.success());
    let again = intake(&db, &["agency", "add", "Haven House"], "");
    assert!(!again.status.success(), "one name, one agency");
    let bad_kind = intake(&db, &["agency", "add", "X", "--kind", "police"], "");
    assert!(text(&bad_kind).contains("law_enforcement"), "{}", text(&bad_kind));

    // A typo in --agency is refused, naming the agency meant; nothing is created.
    let dee = ["user", "add", "dee", "--name", "Dee", "--role", "law-enforcement"];
    let typo =
        intake(&db, &[&dee[..], &["--agency", "Albuquerque Police Dept"]].concat(), "470193\n");
    assert!(!typo.status.success());
    assert!(text(&typo).contains(apd) && text(&typo).contains("--new-agency"), "{}", text(&typo));
    let ok = intake(&db, &[&dee[..], &["--agency", apd]].concat(), "470193\n");
    assert!(ok.status.success(), "{}", text(&ok));
    let eve =
        ["user", "add", "eve", "--name", "Eve", "--role", "advocate", "--agency", "Casa Nueva"];
    assert!(!intake(&db, &eve, "470193\n").status.success());
    let new = intake(&db, &[&eve[..], &["--new-agency"]].concat(), "470193\n");
    assert!(new.status.success(), "{}", text(&new));

    assert!(
        intake(&db, &["agency", "rename", "Haven House", "Haven House Shelter"], "")
            .status
            .success()
    );
    let kind = intake(&db, &["agency", "set-kind", "Casa Nuevo", "government"], "");
    assert!(text(&kind).contains("Casa Nueva"), "{}", text(&kind));
    assert!(intake(&db, &["agency", "set-kind", "Casa Nueva", "government"], "").status.success());

    let list = intake(&db, &["agency", "list", "--format", "json"], "");
    let rows: serde_json::Value = serde_json::from_slice(&list.stdout).unwrap();
    let got: Vec<(String, String, i64)> = rows
        .as_array()
        .unwrap()
        .iter()
        .map(|a| {
            let s = |k: &str| a[k].as_str().unwrap().to_string();
            (s("name"), s("kind"), a["staff"].as_i64().unwrap())
        })
        .collect();
    assert_eq!(
        got,
        [
            (apd.to_string(), "law_enforcement".to_string(), 1),
            ("Casa Nueva".into(), "government".into(), 1),
            ("Enlace".into(), "service_provider".into(), 1),
            ("Haven House Shelter".into(), "service_provider".into(), 0),
        ]
    );
    let store = db.open();
    let events: Vec<String> = audit_events(&store).into_iter().map(|(e, _)| e).collect();
    for e in ["agency_add", "agency_rename", "agency_kind", "agency_list"] {
        assert!(events.iter().any(|x| x == e), "{e} in {events:?}");
    }
}
