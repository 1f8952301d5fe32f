//! A 211-shaped HSDS 3.0 package (tests/fixtures/hsds-211, written for these tests) comes in
//! whole: shared places, phones of every type, schedules of every kind, any ISO 639 language,
//! service areas as worded, other taxonomies kept and mapped. What intake writes back is a
//! valid HSDS 3.0 package by the official validator, and a round trip gives the same files.

mod common;

use std::path::{Path, PathBuf};

use common::*;
use intake::auth::accounts;
use intake::domain::directory::Span;
use intake::i18n::Lang;
use intake::service::Who;
use intake::service::hsds;
use intake::store::Store;
use intake::store::directory::{self, Detail, Filter};
use jiff::Timestamp;
use jiff::civil::Date;

fn fixture() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/hsds-211")
}

fn now() -> Timestamp {
    Timestamp::now()
}

fn today() -> Date {
    intake::domain::time::local_day(now())
}

fn import(store: &mut Store, dir: &Path) -> intake::Result<usize> {
    let ds = hsds::read(dir, Lang::En, &mut |_, _| {})?;
    let ana = accounts::find_user(store, "ana").unwrap();
    hsds::write(store, Who { user: &ana, session_id: None }, &ds, now(), &mut |_| {})
}

fn imported() -> (TestDb, Store) {
    let (db, mut store) = with_admin();
    assert_eq!(import(&mut store, &fixture()).unwrap(), 3);
    (db, store)
}

fn detail(store: &Store, name: &str) -> Detail {
    let hits = directory::search(store.conn(), "", &Filter::default(), today(), 0, 100).unwrap();
    let hit = hits.iter().find(|h| h.name == name).unwrap_or_else(|| panic!("{name}: {hits:?}"));
    directory::detail(store.conn(), hit.service_id, today()).unwrap().unwrap()
}

fn count(store: &Store, sql: &str) -> i64 {
    store.conn().query_row(sql, [], |r| r.get(0)).unwrap()
}

#[test]
fn a_place_shared_by_services_is_one_place_with_its_name_and_phones() {
    let (_db, store) = imported();
    assert_eq!(count(&store, "SELECT count(*) FROM dir_places"), 2);
    assert_eq!(count(&store, "SELECT count(*) FROM dir_service_places"), 3);
    let shelter = detail(&store, "Emergency shelter");
    let (place, phones) = &shelter.places[0];
    // The physical address, not the post box; its second line kept.
    assert_eq!(place, "Main office, 100 Central Ave SW, Suite 2, Albuquerque, 87102");
    assert_eq!(phones[0].number, "505-555-0106");
    assert_eq!(detail(&store, "Immigration legal clinic").places[0].0, *place);
    // The organisation's own number is kept with it.
    assert_eq!(
        count(&store, "SELECT count(*) FROM dir_phones WHERE organization_id IS NOT NULL"),
        1
    );
}

#[test]
fn every_phone_type_is_kept_and_a_fax_is_never_the_number_to_call() {
    let (_db, store) = imported();
    let shelter = detail(&store, "Emergency shelter");
    assert_eq!(shelter.hit.phone.as_deref(), Some("505-555-0101"), "the first voice number");
    let kinds: Vec<(&str, &str)> =
        shelter.phones.iter().map(|p| (p.number.as_str(), p.kind.as_str())).collect();
    assert_eq!(
        kinds,
        [
            ("505-555-0101", "voice"),
            ("505-555-0102", "voice"),
            ("505-555-0103", "textphone"),
            ("1-800-555-0104", "voice")
        ]
    );
    assert_eq!(shelter.phones[1].extension.as_deref(), Some("12"));
    let records = detail(&store, "Medical records requests");
    assert_eq!(records.hit.phone, None, "a fax-only service has no number to call");
    assert_eq!(records.phones[0].kind, "fax");
    // A number on the service at a place belongs to the service.
    let clinic = detail(&store, "Immigration legal clinic");
    assert_eq!(clinic.text_number.as_deref(), Some("505-555-0108"));
}

#[test]
fn status_states_and_places_outside_new_mexico_come_in_as_given() {
    let (_db, store) = imported();
    assert!(detail(&store, "Immigration legal clinic").hit.closed);
    assert!(!detail(&store, "Emergency shelter").hit.closed);
    let records = detail(&store, "Medical records requests");
    assert_eq!(records.places[0].0, "El Paso clinic, 500 Mesa St, El Paso, TX, 79901");
    // A date with a time ("2026-09-30T12:00:00Z") is the day it names.
    let stored =
        directory::stored_service(store.conn(), records.hit.service_id, false).unwrap().unwrap();
    assert_eq!(stored.last_verified, Some("2026-09-30".parse().unwrap()));
}

#[test]
fn schedules_of_every_kind_with_offsets_nights_and_ends() {
    let (_db, store) = imported();
    let shelter = detail(&store, "Emergency shelter");
    // 09:00-07:00 is a New Mexico source's 09:00 in any season.
    let (o, c) = (540, 1020);
    assert_eq!(
        shelter.schedule,
        vec![
            Span { weekday: 1, opens: o, closes: c },
            Span { weekday: 2, opens: o, closes: c },
            Span { weekday: 5, opens: 1320, closes: 1440 },
            Span { weekday: 6, opens: 0, closes: 360 },
        ],
        "an overnight row is two spans"
    );
    let clinic = detail(&store, "Immigration legal clinic");
    assert!(
        clinic.schedule.is_empty(),
        "neither the monthly rule nor an expired one is weekly hours"
    );
    assert_eq!(clinic.rules.len(), 2);
    assert_eq!(clinic.rules[0].freq.as_deref(), Some("MONTHLY"));
    assert_eq!(clinic.rules[0].byday.as_deref(), Some("2TU"));
    assert!(!clinic.rules[1].current(today()), "a schedule that ended is not current");
    assert_eq!(
        detail(&store, "Medical records requests").hours.as_deref(),
        Some("Weekdays by appointment")
    );
    // "Open now" never finds the clinic from its expired hours.
    let wednesday = Filter { open_now: Some((3, 600)), ..Default::default() };
    let open = directory::search(store.conn(), "", &wednesday, today(), 0, 50).unwrap();
    assert!(!open.iter().any(|h| h.name == "Immigration legal clinic"));
}

#[test]
fn languages_by_any_iso_code_areas_as_worded_and_other_taxonomies() {
    let (_db, store) = imported();
    let shelter = detail(&store, "Emergency shelter");
    assert_eq!(shelter.languages, ["fr", "spanish"]);
    assert_eq!(intake::domain::languages::name("fr", Lang::Es), "francés");
    let found =
        directory::search(store.conn(), "francés", &Filter::default(), today(), 0, 9).unwrap();
    assert!(found.iter().any(|h| h.name == "Emergency shelter"), "a language found by its name");
    assert_eq!(detail(&store, "Immigration legal clinic").languages, ["ase"]);
    assert_eq!(detail(&store, "Medical records requests").languages, ["ar"]);
    // "Bernalillo" is recognised as the county; "Albuquerque" is kept as worded, and found.
    assert_eq!(shelter.hit.areas, ["Bernalillo County"]);
    assert_eq!(shelter.area_names, ["Albuquerque", "Bernalillo"]);
    let found =
        directory::search(store.conn(), "albuquerque", &Filter::default(), today(), 0, 9).unwrap();
    assert!(found.iter().any(|h| h.name == "Emergency shelter"));
    let by_county = Filter { area: Some("Bernalillo County".into()), ..Default::default() };
    let found = directory::search(store.conn(), "", &by_county, today(), 0, 50).unwrap();
    assert!(found.iter().any(|h| h.name == "Emergency shelter"));
    assert!(detail(&store, "Immigration legal clinic").hit.statewide);
    // The AIRS terms are kept, the term without taxonomy_id by its taxonomy column.
    let terms = intake::store::hsds::terms_in_use(store.conn()).unwrap();
    assert_eq!(terms[0].3, "Shelters for survivors", "a term keeps its description");
    let codes: Vec<&str> = terms.iter().map(|t| t.1.as_str()).collect();
    assert_eq!(codes, ["BH-1800.8500", "FT-1800.4500"]);
    assert!(terms.iter().all(|t| t.0 == "AIRS"));
}

#[test]
fn a_map_gives_other_taxonomies_our_categories_and_unmapped_services_are_listed() {
    let (db, store) = imported();
    drop(store);
    let out = run_intake(&db, &["resources", "map-taxonomy", "--user", "ana"], "");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let listing = String::from_utf8_lossy(&out.stdout);
    assert!(listing.contains("AIRS,BH-1800.8500,,Domestic Violence Shelters,1"), "{listing}");
    let map = db.dir.path().join("map.csv");
    std::fs::write(&map, "taxonomy,code,category\nAIRS,BH-1800,shelter\nAIRS,FT-1800.4500,legal\n")
        .unwrap();
    let out = run_intake(
        &db,
        &["resources", "map-taxonomy", "--file", map.to_str().unwrap(), "--user", "ana"],
        "",
    );
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(String::from_utf8_lossy(&out.stdout).contains("2 services gained a category"));
    let store = db.open();
    assert_eq!(detail(&store, "Emergency shelter").hit.categories, ["shelter"]);
    assert_eq!(detail(&store, "Immigration legal clinic").hit.categories, ["legal"]);
    let legal = Filter { category: Some("legal".into()), ..Default::default() };
    let found = directory::search(store.conn(), "", &legal, today(), 0, 50).unwrap();
    assert!(found.iter().any(|h| h.name == "Immigration legal clinic"));
    drop(store);
    // A category we do not have is refused, naming ours; the map stays as it was.
    std::fs::write(&map, "taxonomy,code,category\nAIRS,BH,housing\n").unwrap();
    let out = run_intake(
        &db,
        &["resources", "map-taxonomy", "--file", map.to_str().unwrap(), "--user", "ana"],
        "",
    );
    assert!(!out.status.success());
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("\"housing\" is not one of our categories")
    );
    let store = db.open();
    assert_eq!(count(&store, "SELECT count(*) FROM dir_term_map"), 2);
}

#[test]
fn an_import_lists_the_services_no_category_of_ours_reaches() {
    let (db, store) = with_admin();
    drop(store);
    let out =
        run_intake(&db, &["resources", "import", fixture().to_str().unwrap(), "--user", "ana"], "");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(said.contains("3 services have no category of ours"), "{said}");
    assert!(said.contains("Medical records requests"), "{said}");
    // What the directory does not hold is named, not dropped without a word.
    assert!(
        said.contains("Read but not kept (the directory does not hold them): contacts.csv (1)"),
        "{said}"
    );
}

/// The fixture copied to a folder of its own, to break.
fn copy_of_fixture() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for e in std::fs::read_dir(fixture()).unwrap() {
        let e = e.unwrap();
        std::fs::copy(e.path(), dir.path().join(e.file_name())).unwrap();
    }
    dir
}

fn replace_in(dir: &Path, file: &str, from: &str, to: &str) {
    let p = dir.join(file);
    let text = std::fs::read_to_string(&p).unwrap();
    assert!(text.contains(from), "{from}");
    std::fs::write(&p, text.replacen(from, to, 1)).unwrap();
}

#[test]
fn a_report_lists_every_problem_and_administrators_may_import_the_valid_rows() {
    let src = copy_of_fixture();
    replace_in(src.path(), "phones.csv", ",TTY,", ",carrier pigeon,");
    replace_in(src.path(), "services.csv", ",Active,", ",maybe,");
    let path = src.path().to_str().unwrap();
    let (db, mut store) = with_admin();
    accounts::add_user(
        &mut store,
        intake::auth::Actor::CLI,
        CHEAP,
        &account(
            "sol",
            "Sol",
            intake::domain::staff::Role::Supervisor,
            "Enlace Comunitario",
            "470193",
        ),
        now(),
    )
    .unwrap();
    drop(store);
    let report = db.dir.path().join("problems.csv");
    let report_arg = report.to_str().unwrap();
    // All or nothing: refused, every problem in the report.
    let out = run_intake(
        &db,
        &["resources", "import", path, "--user", "ana", "--report", report_arg],
        "",
    );
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("phones.csv, row 4, column type"));
    let rows: Vec<Vec<String>> = csv::Reader::from_path(&report)
        .unwrap()
        .records()
        .map(|r| r.unwrap().iter().map(str::to_string).collect())
        .collect();
    assert!(rows.contains(&vec![
        "phones.csv".into(),
        "4".into(),
        "type".into(),
        "carrier pigeon".into(),
        "HSDS expects voice, text, fax, textphone, cell, video or pager.".into()
    ]));
    assert!(rows.iter().any(|r| r[0] == "services.csv" && r[1] == "4" && r[2] == "status"));
    assert_eq!(count(&db.open(), "SELECT count(*) FROM dir_services"), 0);
    // Skipping is for administrators.
    let out =
        run_intake(&db, &["resources", "import", path, "--user", "sol", "--skip-invalid"], "");
    assert!(!out.status.success());
    assert_eq!(count(&db.open(), "SELECT count(*) FROM dir_services"), 0);
    // An administrator's skipping import: the bad phone and the bad service (with what hangs
    // off it) are left out and listed; the rest comes in.
    let out = run_intake(
        &db,
        &["resources", "import", path, "--user", "ana", "--skip-invalid", "--report", report_arg],
        "",
    );
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(said.contains("were left out; 2 services came in"), "{said}");
    let rows = csv::Reader::from_path(&report).unwrap().records().count();
    assert!(rows >= 3, "the left-out rows are in the report too ({rows})");
    let store = db.open();
    assert_eq!(count(&store, "SELECT count(*) FROM dir_services"), 2);
    let shelter = detail(&store, "Emergency shelter");
    assert!(!shelter.phones.iter().any(|p| p.number == "505-555-0103"), "the bad row is out");
    assert!(shelter.phones.iter().any(|p| p.number == "505-555-0102"), "its neighbours are in");
}

#[test]
fn an_older_hsds_package_is_refused_naming_its_version() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("organizations.csv"), "id,name\n1,A\n").unwrap();
    std::fs::write(dir.path().join("services.csv"), "id,organization_id,name\n1,1,B\n").unwrap();
    std::fs::write(dir.path().join("datapackage.json"), r#"{"name":"x","version":"2.0.0"}"#)
        .unwrap();
    let (_db, mut store) = with_admin();
    let e = import(&mut store, dir.path()).unwrap_err().message(Lang::En);
    assert!(e.contains("HSDS 2.0.0 package") && e.contains("intake reads HSDS 3.0"), "{e}");
    std::fs::remove_file(dir.path().join("datapackage.json")).unwrap();
    std::fs::write(dir.path().join("regular_schedules.csv"), "id,service_id\n").unwrap();
    let e = import(&mut store, dir.path()).unwrap_err().message(Lang::En);
    assert!(e.contains("HSDS 1.x / 2.0 package (regular_schedules.csv)"), "{e}");
    assert_eq!(count(&store, "SELECT count(*) FROM dir_services"), 0);
}

/// An imported service's detail at 80x24 in both languages: every number by type (a fax
/// labelled as not for calls), the place's own phone, the temporary closure, hours that are
/// not weekly (one ended), languages by name, and areas as the source worded them.
#[test]
fn an_imported_service_shows_what_came_in_in_both_languages() {
    use common::console::Harness;
    use ratatui::crossterm::event::KeyCode;
    let mut h = Harness::admin();
    import(&mut h.app.store, &fixture()).unwrap();
    h.login("ana", ADMIN_PIN).typed("d").typed("emergency shelter");
    h.run_search();
    h.enter();
    let s = h.screen();
    assert!(s.contains("TTY") && s.contains("Main office") && s.contains("Albuquerque"), "{s}");
    insta::assert_snapshot!("hsds_shelter_detail", s);
    h.key(KeyCode::Esc).key(KeyCode::Esc);
    h.app.set_language(Lang::Es);
    h.typed("d").typed("medical records");
    h.run_search();
    h.enter();
    let s = h.screen();
    assert!(s.contains("Fax (no para llamadas)") && s.contains("árabe"), "{s}");
    insta::assert_snapshot!("hsds_fax_detail_es", s);
    h.key(KeyCode::Esc).key(KeyCode::Esc);
    h.app.set_language(Lang::En);
    h.typed("d").typed("legal clinic");
    h.run_search();
    let list = h.screen();
    let line = list.lines().find(|l| l.contains("Immigration legal clinic")).unwrap_or("");
    assert!(line.contains("!?"), "the list marks a closed service: {list}");
    assert!(list.contains("! closed for now"), "and says what the mark means: {list}");
    h.enter();
    let s = h.screen();
    assert!(s.contains("Temporarily closed") && s.contains("(ended)"), "{s}");
    insta::assert_snapshot!("hsds_closed_clinic_detail", s);
}

/// The console's service form edits what it shows; everything an import brought that it does
/// not show stays: other phones, the place's name and phones, dated and monthly schedules,
/// areas as worded, other taxonomies' terms, other languages, a temporary closure. A number to
/// call the form changes takes the old entry with it.
#[test]
fn an_edit_in_the_console_keeps_what_its_form_does_not_show() {
    let (_db, mut store) = imported();
    let ana = accounts::find_user(&store, "ana").unwrap();
    for name in ["Emergency shelter", "Immigration legal clinic"] {
        let d = detail(&store, name);
        let id = d.hit.service_id;
        let before = directory::service_for_edit(store.conn(), id).unwrap().unwrap();
        let mut raw = directory::service_to_raw(&before, true);
        raw.insert("name".into(), format!("{name} (edited)"));
        raw.insert("phone".into(), "505-555-0199".into());
        // The form asks for a category; an unmapped import has none yet.
        raw.insert("categories".into(), "legal".into());
        let mut runtime = intake::domain::record::RuntimeOptions::new();
        let orgs = directory::organizations(store.conn()).unwrap();
        runtime.insert("organization", orgs.into_iter().map(|(i, n)| (i.to_string(), n)).collect());
        let input = directory::service_from_raw(&raw, &runtime).unwrap();
        let who = Who { user: &ana, session_id: None };
        intake::service::resources::save_service(&mut store, who, Some(id), &input, now()).unwrap();
        let after = directory::service_for_edit(store.conn(), id).unwrap().unwrap();
        assert_eq!(after.name, format!("{name} (edited)"));
        assert_eq!(after.phone.as_deref(), Some("505-555-0199"));
        assert_eq!(after.rules, before.rules);
        assert_eq!(after.area_names, before.area_names);
        assert_eq!(after.terms, before.terms);
        assert_eq!(after.languages, before.languages);
        assert_eq!(after.temporarily_closed, before.temporarily_closed);
        assert_eq!(after.locations, before.locations, "the shared place is as it was");
        let old_call = before.phone.clone();
        let kept: Vec<&str> = before
            .phones
            .iter()
            .filter(|p| !(p.callable() && Some(&p.number) == old_call.as_ref()))
            .map(|p| p.number.as_str())
            .collect();
        let now_: Vec<&str> = after.phones.iter().map(|p| p.number.as_str()).collect();
        assert_eq!(now_, kept, "the old number to call went with the change; the rest stay");
    }
    assert_eq!(count(&store, "SELECT count(*) FROM dir_places"), 2, "no place doubled");
}

/// HSDS 3.1's additions are read the same way: a service area given by its service at a
/// location, an attribute's label, and the new files (url.csv, unit.csv) passed over.
#[test]
fn an_hsds_3_1_package_is_read_with_its_additions() {
    let dir = copy_of_fixture();
    let p = dir.path();
    std::fs::write(
        p.join("service_areas.csv"),
        "id,service_id,service_at_location_id,name,description,extent,extent_type,uri\n\
         ar-1,svc-1,,Albuquerque,,,,\nar-5,,sal-3,Otero,,,,\n",
    )
    .unwrap();
    std::fs::write(
        p.join("attributes.csv"),
        "id,link_id,taxonomy_term_id,link_type,link_entity,value,label\n\
         at-1,svc-1,t-1,service_type,service,,Shelter\n",
    )
    .unwrap();
    std::fs::write(p.join("url.csv"), "id,label,url,organization_id,service_id\n").unwrap();
    let (_db, mut store) = with_admin();
    assert_eq!(import(&mut store, p).unwrap(), 3);
    assert_eq!(detail(&store, "Medical records requests").hit.areas, ["Otero County"]);
    assert_eq!(detail(&store, "Emergency shelter").area_names, ["Albuquerque"]);
}
