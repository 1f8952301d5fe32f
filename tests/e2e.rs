//! End to end: the real binary in a pseudo terminal at 80x24, driven by keys, read back
//! through a terminal emulator.

mod common;

use std::process::Command;
use std::time::{Duration, Instant};

use common::pty::{F12, Session};
use common::*;

#[test]
fn first_run_then_login_then_quick_hide() {
    let db = TestDb::new();
    let mut s = Session::start(&db.db_path());
    s.wait_for("First start");
    s.line("Ana García");
    s.line("ana");
    s.line("Enlace Comunitario");
    s.line("508731");
    s.line("508731");
    let login = s.wait_for("Administrator created");
    assert!(login.contains("F12 hides the screen"), "the hide key is shown on the login screen");
    s.line("508731");
    let home = s.wait_for("What would you like to do?");
    assert!(home.contains("Ana García") && home.contains("Enlace Comunitario"));

    // From inside a text field: the change-PIN form, with digits typed.
    s.send("p");
    s.wait_for("Current PIN");
    s.send("5087");
    s.send(F12);
    let hidden = s.wait_until(|t| !t.contains("PIN"), "a blank screen");
    assert!(hidden.trim().is_empty(), "something is still shown:\n{hidden}");
    assert!(!hidden.contains("Ana") && !hidden.contains("ana"));

    // A key brings the lock screen; the PIN brings back the form.
    common::pty::pause_after_hide();
    s.send(" ");
    s.wait_for("The session is locked");
    s.line("508731");
    s.wait_for("Current PIN");
    s.send("\x1b");
    s.wait_for("Discard the changes");
    s.send("y");
    s.wait_for("What would you like to do?");
    s.send("q");
    assert!(s.wait_exit());

    let store = db.open();
    let events: Vec<String> = audit_events(&store).into_iter().map(|(e, _)| e).collect();
    for e in ["user_add", "login", "hide", "unlock", "quit"] {
        assert!(events.iter().any(|x| x == e), "{e} not in {events:?}");
    }
    // The first start seeded the directory of services.
    let services: i64 =
        store.conn().query_row("SELECT count(*) FROM dir_services", [], |r| r.get(0)).unwrap();
    assert!(services >= 14, "{services}");
}

#[test]
fn five_wrong_pins_show_the_lock_message() {
    let (db, store) = with_admin();
    drop(store);
    let mut s = Session::start(&db.db_path());
    s.wait_for("Log in");
    s.line("ana");
    for _ in 0..4 {
        s.line("111112");
        s.wait_for("user name or PIN is not right");
    }
    s.line("111112");
    s.wait_for("locked for 10 minutes");
    // The right PIN does not get through while locked.
    s.line(ADMIN_PIN);
    std::thread::sleep(Duration::from_millis(300));
    let screen = s.wait_for("locked for 10 minutes");
    assert!(!screen.contains("What would you like"));
    s.send("\x03");
    assert!(s.wait_exit());
}

#[test]
fn a_call_logged_by_keys_and_a_draft_that_survives_a_killed_process() {
    let (db, store) = with_admin();
    drop(store);
    let mut s = Session::start(&db.db_path());
    s.login("ana", ADMIN_PIN);
    s.send("c");
    s.wait_for("Log a contact");
    // Four fields down to the caller type; Enter opens its list, a letter picks, Enter takes it.
    s.send("\t\t\t\t\r");
    s.wait_for("Enter picks");
    s.send("p\r");
    s.send("505 555 0142");
    s.send("\x13"); // Ctrl+S
    s.wait_for("Contact #1 saved");

    // A second call: the link drops while the notes are being typed.
    s.send("n");
    s.wait_for("Log a contact");
    s.send("\t\t\t\t\r");
    s.wait_for("Enter picks");
    s.send("c\r");
    s.send(&"\t".repeat(13));
    s.send("Needs a ride to Gallup");
    s.wait_for("Needs a ride to Gallup");
    s.child.kill().unwrap();
    let _ = s.child.wait();

    let mut again = Session::start(&db.db_path());
    again.wait_for("Log in");
    again.line("ana");
    again.line(ADMIN_PIN);
    // Home first, the form one key away.
    again.wait_for("Enter (or r) brings it back");
    again.send("\r");
    // Its session ended with the killed console: taking the form over is asked first.
    again.wait_for("Take it over");
    again.send("y");
    let screen = again.wait_for("Your unsaved draft is back");
    assert!(
        screen.contains("Needs a ride to Gallup") && screen.contains("Community member"),
        "{screen}"
    );
    again.send("\x13");
    again.wait_for("Contact #2 saved");
    again.send("\x03");
    assert!(again.wait_exit());
    let store = db.open();
    let n: i64 = store.conn().query_row("SELECT count(*) FROM contacts", [], |r| r.get(0)).unwrap();
    assert_eq!(n, 2);
}

#[test]
fn an_advocate_keeps_a_case_and_another_agency_cannot_see_it() {
    let (db, mut store) = with_admin();
    for (name, agency) in [("bea", "Enlace Comunitario"), ("zed", "Other Shelter")] {
        intake::auth::accounts::add_user(
            &mut store,
            intake::auth::Actor::CLI,
            CHEAP,
            &account(name, name, intake::domain::staff::Role::Advocate, agency, "470193"),
            jiff::Timestamp::now(),
        )
        .unwrap();
    }
    drop(store);
    let mut s = Session::start(&db.db_path());
    s.login("bea", "470193");
    s.send("e");
    s.wait_for("Clients");
    s.send("n");
    s.wait_for("New client intake");
    s.send("Luz Marina\t\t33");
    s.send("\x13");
    s.wait_for("Client #1 saved");
    s.send("s");
    s.wait_for("Add a service");
    s.send("\r");
    s.wait_for("Enter picks");
    s.send("tra\r");
    s.send("\x13");
    s.wait_for("Service added");
    s.send("n");
    s.wait_for("Case note");
    s.send("Bus pass for the clinic visit");
    s.send("\x13");
    s.wait_for("Note saved");
    s.send("\x1b");
    s.wait_for("Record");
    s.send("/");
    s.wait_for("Name, initials or #");
    s.send("luz\x13");
    let found = s.wait_for("Filtered list");
    assert!(found.contains("Luz Marina"), "{found}");
    s.send("\r");
    let record = s.wait_for("Timeline");
    assert!(record.contains("Bus pass") && record.contains("Transport"), "{record}");
    s.send("\x03");
    assert!(s.wait_exit());

    // Someone from another agency finds nothing.
    let mut z = Session::start(&db.db_path());
    z.login("zed", "470193");
    z.send("e");
    z.wait_for("Clients");
    z.send("/");
    z.wait_for("Name, initials or #");
    z.send("#1\x13");
    let nothing = z.wait_for("Filtered list");
    assert!(!nothing.contains("Luz") && nothing.contains("Nothing to show"), "{nothing}");
    z.send("\x03");
    assert!(z.wait_exit());

    let store = db.open();
    let views = audit_events(&store).into_iter().filter(|e| e.0 == "client_view").count();
    assert!(views >= 2, "the openings are in the audit log");
}

#[test]
fn a_screening_paused_across_logins_is_finished_with_the_reporting_step() {
    let (db, mut store) = with_admin();
    intake::auth::accounts::add_user(
        &mut store,
        intake::auth::Actor::CLI,
        CHEAP,
        &account(
            "bea",
            "Bea",
            intake::domain::staff::Role::Advocate,
            "Enlace Comunitario",
            "470193",
        ),
        jiff::Timestamp::now(),
    )
    .unwrap();
    drop(store);
    let mut s = Session::start(&db.db_path());
    s.login("bea", "470193");
    s.send("e");
    s.wait_for("Clients");
    s.send("n");
    s.wait_for("New client intake");
    s.send("Sol\t\t15\x13");
    s.wait_for("Client #1 saved");
    s.send("c");
    s.wait_for("Before screening");
    s.send("\r");
    s.wait_for("Enter picks");
    s.send("y\r");
    s.send("y\x13");
    s.wait_for("question 1 of 4");
    s.send("n");
    s.wait_for("question 2 of 4");
    s.send("y");
    s.wait_for("question 3 of 4");
    s.send("\x1b");
    s.wait_for("Paused");
    s.send("\x1b");
    s.wait_for("Clients");
    s.send("\x1b");
    s.wait_for("What would you like to do?");
    s.send("o");
    s.wait_for("Logged out");

    s.line("bea");
    s.line("470193");
    s.wait_for("What would you like to do?");
    s.send("e");
    s.wait_for("Sol");
    s.send("\r");
    s.wait_for("in progress: Youth");
    s.send("\r");
    s.wait_for("question 3 of 4");
    s.send("n");
    s.wait_for("question 4 of 4");
    s.send("n");
    let result = s.wait_for("Screening result");
    assert!(result.contains("Indicators present: refer for a full assessment"), "{result}");
    assert!(!result.to_lowercase().contains("victim"));
    s.send("c");
    s.wait_for("Reporting step");
    s.send("\r");
    s.wait_for("Space ticks");
    s.send(" \r");
    s.send("2026-11-28 10:15\x13");
    s.wait_for("Screening closed and saved");
    s.send("\x03");
    assert!(s.wait_exit());

    let store = db.open();
    let (level, reported): (String, String) = store
        .conn()
        .query_row("SELECT level, reported_to FROM screenings", [], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap();
    assert_eq!((level.as_str(), reported.as_str()), ("indicators", "[\"law_enforcement\"]"));
    let answers: i64 =
        store.conn().query_row("SELECT count(*) FROM screening_answers", [], |r| r.get(0)).unwrap();
    assert_eq!(answers, 4);
}

#[test]
fn legal_help_for_a_spanish_speaker_in_dona_ana_county_found_and_a_client_referred() {
    let (db, mut store) = with_admin();
    intake::auth::accounts::add_user(
        &mut store,
        intake::auth::Actor::CLI,
        CHEAP,
        &account(
            "bea",
            "Bea",
            intake::domain::staff::Role::Advocate,
            "Enlace Comunitario",
            "470193",
        ),
        jiff::Timestamp::now(),
    )
    .unwrap();
    // The seed directory, and one legal service there for Spanish speakers.
    let legal = store
        .write(|tx| {
            use intake::store::directory;
            let now = jiff::Timestamp::now();
            directory::seed_if_empty(tx, now)?;
            let org = directory::add_organization(tx, "Frontera Legal", "", None, true, None, now)?;
            directory::add_service(
                tx,
                &directory::NewService {
                    organization_id: org,
                    name: "Asistencia legal para visas".into(),
                    description: "T and U visas, in Spanish".into(),
                    phone: Some("575-555-0142".into()),
                    categories: vec!["legal".into()],
                    languages: vec!["spanish".into()],
                    areas: vec!["Doña Ana County".into()],
                    ..Default::default()
                },
                now,
            )
        })
        .unwrap();
    drop(store);
    let mut s = Session::start(&db.db_path());
    s.login("bea", "470193");
    s.send("e");
    s.wait_for("Clients");
    s.send("n");
    s.wait_for("New client intake");
    s.send("Rosa\t\t30");
    s.send("\x13");
    s.wait_for("Client #1 saved");
    // Refer, from the case record: the directory opens for this client.
    s.send("f");
    s.wait_for("Referring Client #1");
    s.send("\x06");
    s.wait_for("Filter the list");
    s.send("\r");
    s.wait_for("Enter picks");
    // A pick moves on to the next field: category, area, (population skipped), language.
    s.send("leg\r\r");
    s.send("dona\r\t\r");
    s.send("spa\r");
    s.send("\x13");
    let found = s.wait_for("Filtered results");
    assert!(found.contains("Asistencia legal"), "{found}");
    assert!(!found.contains("National Human Trafficking Hotline"), "{found}");
    s.send("\r");
    s.wait_for("r Refer to this service");
    s.send("r");
    s.wait_for("Reason (no names)");
    s.send("\tConsulta de visa T");
    s.send("\x13");
    let record = s.wait_for("Referral saved");
    assert!(record.contains("Asistencia legal"), "{record}");
    s.send("\x03");
    assert!(s.wait_exit());

    let store = db.open();
    let (service, consent, share): (i64, String, String) = store
        .conn()
        .query_row("SELECT service_id, consent, consent_share FROM referrals", [], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?))
        })
        .unwrap();
    assert_eq!((service, consent.as_str(), share.as_str()), (legal.0, "none", "[]"));
}

/// Shelters run the console inside screen or tmux with a status line, in an 80x24 window:
/// 80x22 is enough to log a whole call, the form scrolling to the field in use.
#[test]
fn a_whole_call_is_logged_at_80x22() {
    let (db, store) = with_admin();
    drop(store);
    let mut s = Session::sized(&db.db_path(), 22);
    s.login("ana", ADMIN_PIN);
    let home = s.text();
    assert_eq!(home.lines().count(), 22, "{home}");
    s.send("c");
    s.wait_for("Log a contact");
    // Caller type: Space opens its list, a letter picks, Enter chooses.
    s.send("\t\t\t\t ");
    s.wait_for("Enter picks");
    s.send("c\r");
    // Down to the notes, the last field, below the bottom of a 22-row screen at first.
    s.send(&"\t".repeat(13));
    s.send("Called from a shelter at 80x22");
    let form = s.wait_for("Called from a shelter at 80x22");
    assert!(form.contains("Notes") && form.contains("Ctrl+S Save"), "{form}");
    s.send("\x13");
    s.wait_for("Contact #1 saved");
    s.send("\x03");
    assert!(s.wait_exit());
    let store = db.open();
    let notes: String =
        store.conn().query_row("SELECT notes FROM contacts", [], |r| r.get(0)).unwrap();
    assert_eq!(notes, "Called from a shelter at 80x22");
}

/// A database with an administrator, and the console on the notes of a new contact.
fn on_the_notes_of_a_new_contact() -> (TestDb, Session) {
    let (db, store) = with_admin();
    drop(store);
    let s = Session::on_new_contact_notes(&db.db_path());
    (db, s)
}

/// A dropped link (the terminal hangs up) ends the console cleanly: its session is recorded as
/// closed, the audit says the link dropped, and what was typed is kept for the next login.
#[test]
fn a_dropped_link_ends_the_session_cleanly_and_keeps_the_draft() {
    let (db, mut s) = on_the_notes_of_a_new_contact();
    s.send("Line went dead");
    s.wait_for("Line went dead");
    s.hang_up();
    let deadline = Instant::now() + Duration::from_secs(20);
    while s.child.try_wait().unwrap().is_none() {
        assert!(Instant::now() < deadline, "the console did not end after the hangup");
        std::thread::sleep(Duration::from_millis(25));
    }
    let store = db.open();
    let (ended, reason): (Option<String>, Option<String>) = store
        .conn()
        .query_row("SELECT ended_at, end_reason FROM sessions ORDER BY id DESC LIMIT 1", [], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })
        .unwrap();
    assert!(ended.is_some(), "the session's end is recorded");
    assert_eq!(reason.as_deref(), Some("closed"));
    let events = audit_events(&store);
    assert_eq!(events.last().map(|e| e.0.as_str()), Some("link_dropped"), "{events:?}");
    let notes: String =
        store.conn().query_row("SELECT payload FROM drafts", [], |r| r.get(0)).unwrap();
    assert!(notes.contains("Line went dead"), "{notes}");
}

/// A console the host stops (SIGTERM: a shutdown) ends its session too, audited as stopped.
#[test]
fn a_console_stopped_by_the_host_records_its_end() {
    let (db, store) = with_admin();
    drop(store);
    let mut s = Session::start(&db.db_path());
    s.login("ana", ADMIN_PIN);
    let pid = s.child.process_id().expect("running").to_string();
    assert!(Command::new("kill").args(["-TERM", &pid]).status().unwrap().success());
    s.wait_exit();
    let events = audit_events(&db.open());
    assert_eq!(events.last().map(|e| e.0.as_str()), Some("stopped"), "{events:?}");
}

/// Over a stalling link, "Esc, y" arrives in one read: it is Esc then y (the discard is
/// confirmed), never a "y" typed into the form; ^H erases as ^? does.
#[test]
fn esc_glued_to_the_next_key_and_control_h_over_a_slow_link() {
    let (db, mut s) = on_the_notes_of_a_new_contact();
    s.send("abcx\x08\x08");
    let notes = |t: &str, v: &str| t.lines().any(|l| l.contains("Notes") && l.contains(v));
    s.wait_until(|t| notes(t, "|ab ") || (notes(t, "|ab") && !notes(t, "|abc")), "^H erases");
    s.send("\x1by");
    s.wait_for("Hotline log");
    let store = db.open();
    let drafts: i64 =
        store.conn().query_row("SELECT count(*) FROM drafts", [], |r| r.get(0)).unwrap();
    assert_eq!(drafts, 0, "the form was discarded, not typed into");
}

/// Over SSH a database that is missing (or has no one in it) is an error naming the path: the
/// first person to connect is never offered to create the first administrator.
#[test]
fn over_ssh_a_missing_database_is_never_set_up_by_whoever_connects() {
    let db = TestDb::new();
    let ssh = [("SSH_CONNECTION", "192.0.2.7 51000 192.0.2.1 22")];
    let mut s = Session::with_env(&db.db_path(), 24, &ssh);
    let screen = s.wait_for("is not set up");
    assert!(screen.contains(&db.db_path().display().to_string()[..20]), "{screen}");
    assert!(!s.wait_exit(), "it ends with an error");
    assert!(!db.db_path().exists(), "no database was made");
}

/// A console killed without a word (kill -9, a host that lost power) cannot record its end;
/// the next console to start does, as closed.
#[test]
fn the_session_of_a_killed_console_is_ended_by_the_next_one() {
    let (db, store) = with_admin();
    drop(store);
    let mut s = Session::start(&db.db_path());
    s.login("ana", ADMIN_PIN);
    let pid = s.child.process_id().expect("running").to_string();
    assert!(Command::new("kill").args(["-9", &pid]).status().unwrap().success());
    let _ = s.child.wait();
    let open = |db: &TestDb| -> i64 {
        db.open()
            .conn()
            .query_row("SELECT count(*) FROM sessions WHERE ended_at IS NULL", [], |r| r.get(0))
            .unwrap()
    };
    assert_eq!(open(&db), 1, "the killed console could not say it ended");
    let next = Session::start(&db.db_path());
    next.wait_for("Log in");
    assert_eq!(open(&db), 0, "the next console ended it");
    let events = audit_events(&db.open());
    assert_eq!(events.last().map(|e| e.0.as_str()), Some("closed"), "{events:?}");
}
