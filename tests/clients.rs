//! Clients and case records below the screens: who sees what, duplicates, history, imports.

mod common;

use std::process::Command;

use common::*;
use intake::auth::Actor;
use intake::auth::accounts;
use intake::domain::client::{self, Client, EventKind, ServiceEntry, StatusChange};
use intake::domain::record::{Raw, RuntimeOptions};
use intake::domain::staff::Role;
use intake::service::casework::{self, Also};
use intake::service::hotline::{self, Who};
use intake::store::users::User;
use intake::store::{Store, clients};
use jiff::Timestamp;
use jiff::civil::Date;

fn now() -> Timestamp {
    "2026-11-28T20:00:00Z".parse().unwrap()
}

fn today() -> Date {
    "2026-11-28".parse().unwrap()
}

fn add(store: &mut Store, name: &str, role: Role, agency: &str) -> User {
    accounts::add_user(
        store,
        Actor::CLI,
        CHEAP,
        &account(name, name, role, agency, "470193"),
        now(),
    )
    .unwrap();
    accounts::find_user(store, name).unwrap()
}

fn who(u: &User) -> Who<'_> {
    Who { user: u, session_id: None }
}

fn person(pairs: &[(&str, &str)]) -> Client {
    let mut raw: Raw = client::defaults();
    for (k, v) in pairs {
        raw.insert(k.to_string(), v.to_string());
    }
    Client::from_raw(&raw, &RuntimeOptions::new(), today()).unwrap()
}

fn save(store: &mut Store, u: &User, c: &Client) -> intake::domain::ids::ClientId {
    casework::save_client(store, who(u), None, c, today(), Also::default(), now()).unwrap()
}

#[test]
fn legal_names_only_reach_roles_doing_casework() {
    let (_db, mut store) = with_admin();
    let adv = add(&mut store, "bea", Role::Advocate, "Enlace Comunitario");
    let intake_worker = add(&mut store, "ivy", Role::Intake, "Enlace Comunitario");
    let id = save(
        &mut store,
        &adv,
        &person(&[("chosen_name", "MG"), ("age", "16"), ("legal_name", "Maria Garcia")]),
    );
    assert_eq!(
        casework::open_client(&mut store, who(&adv), id).unwrap().client.legal_name.as_deref(),
        Some("Maria Garcia")
    );
    let seen = casework::open_client(&mut store, who(&intake_worker), id).unwrap();
    assert_eq!(seen.client.legal_name, None);
    // An edit by a role that does not see the legal name keeps it.
    let mut c = seen.client.clone();
    c.needs = vec!["legal".into()];
    casework::save_client(
        &mut store,
        who(&intake_worker),
        Some(id),
        &c,
        today(),
        Also::default(),
        now(),
    )
    .unwrap();
    let after = casework::open_client(&mut store, who(&adv), id).unwrap();
    assert_eq!(after.client.legal_name.as_deref(), Some("Maria Garcia"));
    assert_eq!(after.client.needs, vec!["legal"]);
    assert_eq!(after.edits, 1);
    // A new record by such a role cannot carry one.
    let other = save(
        &mut store,
        &intake_worker,
        &person(&[("chosen_name", "JR"), ("age", "30"), ("legal_name", "X")]),
    );
    assert_eq!(
        casework::open_client(&mut store, who(&adv), other).unwrap().client.legal_name,
        None
    );
}

#[test]
fn likely_duplicates_ignore_accents_case_and_spelling_of_initials() {
    let (_db, mut store) = with_admin();
    let adv = add(&mut store, "bea", Role::Advocate, "Enlace Comunitario");
    let elsewhere = add(&mut store, "zed", Role::Advocate, "Other Shelter");
    let first = save(
        &mut store,
        &adv,
        &person(&[("chosen_name", "María José"), ("birth_date", "2009-04-02")]),
    );
    save(
        &mut store,
        &elsewhere,
        &person(&[("chosen_name", "Maria Jose"), ("birth_date", "2009-04-02")]),
    );
    let dups = |c: &Client| -> Vec<intake::domain::ids::ClientId> {
        clients::duplicates(store.conn(), adv.agency_id, c, today())
            .unwrap()
            .into_iter()
            .map(|r| r.id)
            .collect()
    };
    assert_eq!(
        dups(&person(&[("chosen_name", "MARIA JOSE"), ("birth_date", "2009-04-02")])),
        vec![first]
    );
    assert_eq!(dups(&person(&[("chosen_name", "M.J."), ("age", "17")])), vec![first]);
    assert_eq!(dups(&person(&[("chosen_name", "mj"), ("birth_date", "2009-04-02")])), vec![first]);
    assert!(
        dups(&person(&[("chosen_name", "María José"), ("birth_date", "2001-04-02")])).is_empty()
    );
    assert!(dups(&person(&[("chosen_name", "Rosa"), ("birth_date", "2009-04-02")])).is_empty());
    // Linked rather than merged.
    let second = casework::save_client(
        &mut store,
        who(&adv),
        None,
        &person(&[("chosen_name", "MJ"), ("age", "17")]),
        today(),
        Also { link_to: Some(first), from_contact: None },
        now(),
    )
    .unwrap();
    assert_eq!(
        clients::get(store.conn(), adv.agency_id, first).unwrap().unwrap().links,
        vec![second]
    );
}

#[test]
fn status_changes_are_kept_and_closing_needs_a_reason() {
    let (_db, mut store) = with_admin();
    let adv = add(&mut store, "bea", Role::Advocate, "Enlace Comunitario");
    let id = save(&mut store, &adv, &person(&[("chosen_name", "AB"), ("age", "22")]));
    let raw = |s: &str, reason: &str| -> Raw {
        let mut r: Raw = [("status", s), ("reason", reason), ("on", "2026-12-01")]
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        if s == "closed" && !reason.is_empty() {
            r.insert("closure_reason".into(), "moved_away".into());
            r.insert("living_situation".into(), "unknown".into());
        }
        r
    };
    // Closing asks why and where the person lives, coded (the words are optional).
    let keys: Vec<&str> =
        StatusChange::from_raw(&raw("closed", "")).unwrap_err().iter().map(|e| e.key).collect();
    assert_eq!(keys, ["closure_reason", "living_situation"]);
    for (s, r) in [("on_hold", ""), ("closed", "Moved out of state"), ("open", "Came back")] {
        casework::set_status(
            &mut store,
            who(&adv),
            id,
            &StatusChange::from_raw(&raw(s, r)).unwrap(),
            now(),
        )
        .unwrap();
    }
    let statuses: Vec<String> = clients::timeline(store.conn(), adv.agency_id, id, 0, 10)
        .unwrap()
        .into_iter()
        .filter(|e| e.kind == EventKind::Status)
        .map(|e| format!("{}:{}", e.a, e.b))
        .collect();
    assert_eq!(statuses.len(), 4);
    assert!(statuses.contains(&"closed:moved_away\u{1f}Moved out of state".to_string()));
    assert_eq!(clients::get(store.conn(), adv.agency_id, id).unwrap().unwrap().status, "open");
}

#[test]
fn notes_are_never_overwritten() {
    let (_db, mut store) = with_admin();
    let adv = add(&mut store, "bea", Role::Advocate, "Enlace Comunitario");
    let id = save(&mut store, &adv, &person(&[("chosen_name", "AB"), ("age", "22")]));
    let note = casework::add_note(&mut store, who(&adv), id, "First visit", now()).unwrap();
    assert_eq!(
        casework::edit_note(
            &mut store,
            who(&adv),
            id,
            note,
            "First visit, with interpreter",
            now()
        )
        .unwrap(),
        2
    );
    let versions = clients::note_versions(store.conn(), adv.agency_id, note).unwrap();
    let bodies: Vec<&str> = versions.iter().map(|v| v.body.as_str()).collect();
    assert_eq!(bodies, vec!["First visit, with interpreter", "First visit"]);
    let overwrite = store.conn().execute("UPDATE case_note_versions SET body = 'x'", []);
    assert!(overwrite.unwrap_err().to_string().contains("never overwritten"));
}

#[test]
fn another_agency_cannot_find_or_open_a_client_and_the_attempt_is_audited() {
    let (_db, mut store) = with_admin();
    let adv = add(&mut store, "bea", Role::Advocate, "Enlace Comunitario");
    let other = add(&mut store, "zed", Role::Advocate, "Other Shelter");
    let id = save(&mut store, &adv, &person(&[("chosen_name", "Luz"), ("age", "19")]));
    let search = clients::Filter { search: Some("luz".into()), ..Default::default() };
    assert!(clients::list(store.conn(), other.agency_id, &search, 0, 10).unwrap().is_empty());
    assert_eq!(clients::list(store.conn(), adv.agency_id, &search, 0, 10).unwrap().len(), 1);
    assert!(casework::open_client(&mut store, who(&other), id).is_err());
    assert!(casework::add_note(&mut store, who(&other), id, "x", now()).is_err());
    let views =
        audit_events(&store).into_iter().filter(|e| e.0 == "client_view").collect::<Vec<_>>();
    assert_eq!(views, vec![("client_view".to_string(), "denied".to_string())]);
}

#[test]
fn a_contact_linked_to_a_client_shows_on_its_timeline_with_services_and_notes() {
    let (_db, mut store) = with_admin();
    let adv = add(&mut store, "bea", Role::Advocate, "Enlace Comunitario");
    let id = save(&mut store, &adv, &person(&[("chosen_name", "Luz"), ("age", "19")]));
    let mut raw = intake::domain::contact::defaults(now());
    raw.insert("caller_type".into(), "possible_victim".into());
    let contact = intake::domain::contact::Contact::from_raw(&raw).unwrap();
    let cid = hotline::save_contact(&mut store, who(&adv), None, &contact, now()).unwrap();
    casework::link_contact(&mut store, who(&adv), cid, id, now()).unwrap();
    let service = ServiceEntry {
        service_type: "legal".into(),
        delivered_on: today(),
        minutes: Some(45),
        notes: String::new(),
    };
    casework::add_service(&mut store, who(&adv), id, &service, now()).unwrap();
    casework::add_note(&mut store, who(&adv), id, "Called the legal clinic", now()).unwrap();
    let kinds: Vec<EventKind> = clients::timeline(store.conn(), adv.agency_id, id, 0, 10)
        .unwrap()
        .into_iter()
        .map(|e| e.kind)
        .collect();
    for k in [EventKind::Contact, EventKind::Service, EventKind::Note, EventKind::Status] {
        assert!(kinds.contains(&k), "{k:?} in {kinds:?}");
    }
    let family: String =
        store.conn().query_row("SELECT voca_family FROM services", [], |r| r.get(0)).unwrap();
    assert_eq!(family, "justice_assistance");
}

#[test]
fn clients_then_services_import_by_external_reference() {
    let (db, mut store) = with_admin();
    add(&mut store, "bea", Role::Advocate, "Enlace Comunitario");
    drop(store);
    let run = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_intake"))
            .arg("--db")
            .arg(db.db_path())
            .args(args)
            .env("INTAKE_LANG", "en")
            .output()
            .unwrap()
    };
    let clients_csv = db.dir.path().join("clients.csv");
    std::fs::write(
        &clients_csv,
        "external_ref,chosen_name,age,gender,intake_on,assigned_to,needs\n\
        C-1,Rosa,34,woman,2019-03-04,bea,legal;emergency_housing\n\
        C-2,JT,,man,2020-01-02,,\n\
        C-1,Dup,40,woman,2020-01-02,nobody,\n",
    )
    .unwrap();
    let out = run(&["client", "import", clients_csv.to_str().unwrap(), "--user", "bea"]);
    let err = String::from_utf8_lossy(&out.stderr);
    for want in
        ["row 3, column age_range", "row 4, column external_ref", "row 4, column assigned_to"]
    {
        assert!(err.contains(want), "{want} missing:\n{err}");
    }
    std::fs::write(
        &clients_csv,
        "external_ref,chosen_name,age,gender,intake_on,assigned_to,needs\n\
        C-1,Rosa,34,woman,2019-03-04,bea,legal;emergency_housing\n\
        C-2,JT,19,man,2020-01-02,,\n",
    )
    .unwrap();
    let out = run(&["client", "import", clients_csv.to_str().unwrap(), "--user", "bea"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let services_csv = db.dir.path().join("services.csv");
    std::fs::write(
        &services_csv,
        "client_ref,service_type,delivered_on,minutes,staff\n\
        C-1,legal,2019-03-05,60,bea\n\
        C-9,legal,2019-03-05,60,\n",
    )
    .unwrap();
    let out = run(&["service", "import", services_csv.to_str().unwrap(), "--user", "bea"]);
    assert!(String::from_utf8_lossy(&out.stderr).contains("row 3, column client_ref"));
    std::fs::write(
        &services_csv,
        "client_ref,service_type,delivered_on,minutes,staff\n\
        C-1,legal,2019-03-05,60,bea\nC-2,transport,2020-01-03,,\n",
    )
    .unwrap();
    let out = run(&["service", "import", services_csv.to_str().unwrap(), "--user", "bea"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let store = db.open();
    let bea = accounts::find_user(&store, "bea").unwrap();
    let rosa = clients::by_external_ref(store.conn(), bea.agency_id, "C-1").unwrap().unwrap();
    let stored = clients::get(store.conn(), bea.agency_id, rosa).unwrap().unwrap();
    assert_eq!(
        (stored.intake_on.to_string().as_str(), stored.client.assigned_to),
        ("2019-03-04", Some(bea.id))
    );
    let n: i64 = store.conn().query_row("SELECT count(*) FROM services", [], |r| r.get(0)).unwrap();
    assert_eq!(n, 2);
}

/// Clients are found by any word of the chosen name or its start, in any order, with accents
/// and case folded, or by initials; "#N" is that record alone, and a bare number is a record
/// number too. A renamed client is found by the new name only.
#[test]
fn clients_are_found_by_words_initials_and_record_number() {
    let (_db, mut store) = with_admin();
    let adv = add(&mut store, "bea", Role::Advocate, "Enlace Comunitario");
    let maria =
        save(&mut store, &adv, &person(&[("chosen_name", "María José Peña"), ("age", "30")]));
    let luz = save(&mut store, &adv, &person(&[("chosen_name", "Luz Marina"), ("age", "19")]));
    let joe = save(&mut store, &adv, &person(&[("chosen_name", "Joe 12"), ("age", "40")]));
    let find = |store: &Store, s: &str| -> Vec<i64> {
        let f = clients::Filter { search: Some(s.into()), ..Default::default() };
        let mut ids: Vec<i64> = clients::list(store.conn(), adv.agency_id, &f, 0, 50)
            .unwrap()
            .into_iter()
            .map(|r| r.id.0)
            .collect();
        ids.sort();
        ids
    };
    assert_eq!(find(&store, "pena"), [maria.0], "accents folded");
    assert_eq!(find(&store, "JOSE maría"), [maria.0], "any order, any case");
    assert_eq!(find(&store, "mar"), [maria.0, luz.0], "the start of any word");
    assert_eq!(find(&store, "mjp"), [maria.0], "initials");
    assert_eq!(find(&store, &format!("#{}", luz.0)), [luz.0], "a record number");
    assert_eq!(find(&store, &luz.0.to_string()), [luz.0], "a bare number is a record number");
    assert!(joe.0 < 12, "no record #12 here");
    assert_eq!(find(&store, "12"), [joe.0], "and a word of a name");
    assert!(find(&store, "#").is_empty() && find(&store, "%_*\"").is_empty(), "nothing to match");
    assert!(find(&store, "zzz").is_empty());
    // A rename: found by the new name, no longer by the old.
    let renamed = person(&[("chosen_name", "Ana Lucía"), ("age", "19")]);
    casework::save_client(
        &mut store,
        who(&adv),
        Some(luz),
        &renamed,
        today(),
        Also::default(),
        now(),
    )
    .unwrap();
    assert_eq!(find(&store, "lucia"), [luz.0]);
    assert_eq!(find(&store, "mar"), [maria.0]);
}

/// A legal name is searched only for the roles that see it, through the console's own list
/// (the rows still show the chosen name alone); a changed legal name is found by its new form.
#[test]
fn a_legal_name_is_searched_only_by_roles_that_see_it() {
    use common::console::Harness;
    let mut h = Harness::admin();
    let adv = add(&mut h.app.store, "bea", Role::Advocate, "Enlace Comunitario");
    add(&mut h.app.store, "ivy", Role::Intake, "Enlace Comunitario");
    let c = person(&[("chosen_name", "Luz"), ("age", "19"), ("legal_name", "María Fernanda Ruiz")]);
    let id = save(&mut h.app.store, &adv, &c);
    let find = |store: &Store, s: &str, legal_names: bool| -> Vec<i64> {
        let f = clients::Filter { search: Some(s.into()), legal_names, ..Default::default() };
        clients::list(store.conn(), adv.agency_id, &f, 0, 10)
            .unwrap()
            .iter()
            .map(|r| r.id.0)
            .collect()
    };
    assert_eq!(find(&h.app.store, "fernanda ruiz", true), [id.0]);
    assert!(find(&h.app.store, "fernanda ruiz", false).is_empty());
    assert_eq!(find(&h.app.store, "luz", false), [id.0], "the chosen name, for everyone");
    // Through the console: the advocate finds her by her legal name, the intake worker does not.
    for (user, found) in [("bea", true), ("ivy", false)] {
        h.app.logout();
        h.login(user, "470193");
        h.typed("e").typed("/");
        h.focus_field("search").typed("ruiz");
        h.ctrl('s');
        let s = h.screen();
        assert_eq!(s.contains("Luz"), found, "{user}:\n{s}");
        assert!(!s.contains("Fernanda"), "a legal name never shows in a row:\n{s}");
        h.typed("x").key(ratatui::crossterm::event::KeyCode::Esc);
    }
    // A new legal name is found by its new form, the old one no more.
    let mut renamed = c.clone();
    renamed.legal_name = Some("María Fernanda Ortiz".into());
    casework::save_client(
        &mut h.app.store,
        who(&adv),
        Some(id),
        &renamed,
        today(),
        Also::default(),
        now(),
    )
    .unwrap();
    assert_eq!(find(&h.app.store, "ortiz", true), [id.0]);
    assert!(find(&h.app.store, "ruiz", true).is_empty());
}
