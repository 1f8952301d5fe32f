//! The directory in Open Referral (HSDS) CSV files: an export re-imports to the same
//! directory, and broken files are refused with file, row and column, changing nothing.

mod common;

use std::path::Path;

use common::*;
use intake::auth::accounts;
use intake::domain::directory::parse_schedule;
use intake::i18n::Lang;
use intake::service::Who;
use intake::service::hsds;
use intake::store::Store;
use intake::store::directory::{self, Filter, Location, NewService};
use jiff::Timestamp;
use jiff::civil::Date;

fn now() -> Timestamp {
    "2026-11-28T20:00:00Z".parse().unwrap()
}

fn today() -> Date {
    "2026-11-28".parse().unwrap()
}

/// The seed directory and services that use every part of the format.
fn full_directory() -> (TestDb, Store) {
    let (db, mut store) = with_admin();
    store
        .write(|tx| {
            directory::seed_if_empty(tx, now())?;
            let org = directory::add_organization(
                tx,
                "Casa Segura",
                "Shelter, \"safe house\", for women",
                Some("https://example.org"),
                true,
                Some("2026-05-01".parse().unwrap()),
                now(),
            )?;
            directory::add_service(
                tx,
                &NewService {
                    organization_id: org,
                    name: "Night shelter".into(),
                    description: "Beds, meals; advocacy on site".into(),
                    phone: Some("+1 505 555 0199".into()),
                    text_number: Some("505-555-0100".into()),
                    hours: Some("Intake by phone first".into()),
                    eligibility: Some("Women 18+".into()),
                    intake_steps: Some("Call, then =come in".into()),
                    last_verified: Some("2026-09-15".parse().unwrap()),
                    categories: vec!["shelter".into(), "advocacy".into()],
                    populations: vec!["women".into(), "immigrants".into()],
                    languages: vec!["english".into(), "spanish".into(), "navajo".into()],
                    areas: vec!["Doña Ana County".into(), "Mescalero Apache Tribe".into()],
                    locations: vec![
                        Location {
                            city: Some("Las Cruces".into()),
                            zip: Some("88001".into()),
                            address: Some("12 Hidden Lane".into()),
                            show_address: false,
                            hsds_id: None,
                            ..Default::default()
                        },
                        Location {
                            city: Some("Las Cruces".into()),
                            zip: Some("88005".into()),
                            address: Some("400 Main St (office)".into()),
                            show_address: true,
                            hsds_id: None,
                            ..Default::default()
                        },
                    ],
                    schedule: parse_schedule("Mo-Fr 19:00-07:00; Sa 10:00-14:00").unwrap(),
                    ..Default::default()
                },
                now(),
            )?;
            let gone = directory::add_service(
                tx,
                &NewService {
                    organization_id: org,
                    name: "Old drop-in".into(),
                    categories: vec!["case_management".into()],
                    statewide: true,
                    open_24_7: true,
                    ..Default::default()
                },
                now(),
            )?;
            directory::retire_service(tx, gone, now())?;
            Ok(())
        })
        .unwrap();
    (db, store)
}

fn import(store: &mut Store, dir: &Path) -> intake::Result<usize> {
    let ds = hsds::read(dir, Lang::En, &mut |_, _| {})?;
    let ana = accounts::find_user(store, "ana").unwrap();
    hsds::write(store, Who { user: &ana, session_id: None }, &ds, now(), &mut |_| {})
}

fn files(dir: &Path) -> Vec<(String, String)> {
    hsds::spec::files()
        .chain(["datapackage.json"])
        .map(|f| (f.to_string(), std::fs::read_to_string(dir.join(f)).unwrap()))
        .collect()
}

/// Every live service's detail, by name, without the local ids.
fn details(store: &Store) -> Vec<directory::Detail> {
    let hits = directory::search(store.conn(), "", &Filter::default(), today(), 0, 500).unwrap();
    hits.iter()
        .map(|h| {
            let mut d = directory::detail(store.conn(), h.service_id, today()).unwrap().unwrap();
            d.hit.service_id = intake::domain::ids::ServiceId(0);
            // The numbers to call and to text are on the service's row too: what shows is
            // every number once, by type.
            let (call, text) = (d.hit.phone.clone(), d.text_number.clone());
            d.phones.retain(|p| {
                let to_call = p.callable() && Some(&p.number) == call.as_ref();
                let to_text = p.kind == "text" && Some(&p.number) == text.as_ref();
                !to_call && !to_text
            });
            for p in &mut d.phones {
                p.hsds_id = None;
            }
            d
        })
        .collect()
}

#[test]
fn an_export_imports_to_the_same_directory_and_exports_the_same_again() {
    let (_a, mut a) = full_directory();
    let first = tempfile::tempdir().unwrap();
    let n = hsds::export(&mut a, first.path(), today(), &mut |_, _| {}).unwrap();
    assert!(n >= 16);
    assert!(
        audit_events(&a).iter().any(|(e, _)| e == "directory_export"),
        "an export is on record, from the service itself"
    );
    let services = std::fs::read_to_string(first.path().join("services.csv")).unwrap();
    assert!(services.contains("defunct"), "a retired service goes as defunct");
    let phones = std::fs::read_to_string(first.path().join("phones.csv")).unwrap();
    assert!(phones.contains("'+1 505 555 0199"), "a cell that looks like a formula is quoted");
    let addresses = std::fs::read_to_string(first.path().join("addresses.csv")).unwrap();
    assert!(!addresses.contains("Hidden Lane"), "a confidential address never leaves");
    assert!(addresses.contains("400 Main St"));

    let (_b, mut b) = with_admin();
    assert_eq!(import(&mut b, first.path()).unwrap(), n);
    assert_eq!(details(&a), details(&b));
    let second = tempfile::tempdir().unwrap();
    hsds::export(&mut b, second.path(), today(), &mut |_, _| {}).unwrap();
    assert_eq!(files(first.path()), files(second.path()));

    // Into the directory it came from: entries are updated, not doubled, and the hidden
    // address on file stays.
    let count = |s: &Store| -> i64 {
        s.conn().query_row("SELECT count(*) FROM dir_services", [], |r| r.get(0)).unwrap()
    };
    let before = count(&a);
    import(&mut a, first.path()).unwrap();
    assert_eq!(count(&a), before);
    let hidden: String = a
        .conn()
        .query_row(
            "SELECT address FROM dir_places WHERE show_address = 0 AND address IS NOT NULL",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(hidden, "12 Hidden Lane");
    let third = tempfile::tempdir().unwrap();
    hsds::export(&mut a, third.path(), today(), &mut |_, _| {}).unwrap();
    assert_eq!(files(first.path()), files(third.path()));
}

/// Export the full directory, break one file with `edit`, and import it into a new database:
/// the error names the problem; nothing is written.
fn broken(edit: impl Fn(&Path)) -> String {
    let (_a, mut a) = full_directory();
    let dir = tempfile::tempdir().unwrap();
    hsds::export(&mut a, dir.path(), today(), &mut |_, _| {}).unwrap();
    edit(dir.path());
    let (_b, mut b) = with_admin();
    let e = import(&mut b, dir.path()).unwrap_err();
    let n: i64 = b.conn().query_row("SELECT count(*) FROM dir_services", [], |r| r.get(0)).unwrap();
    assert_eq!(n, 0, "nothing was written");
    e.message(Lang::En)
}

fn rewrite(dir: &Path, file: &str, f: impl Fn(String) -> String) {
    let p = dir.join(file);
    let text = std::fs::read_to_string(&p).unwrap();
    std::fs::write(&p, f(text)).unwrap();
}

/// Replace a cell of data row `row` (1 is the first after the header) in column `col`.
fn set_cell(dir: &Path, file: &str, row: usize, col: &str, value: &str) {
    let p = dir.join(file);
    let mut r = csv::Reader::from_path(&p).unwrap();
    let headers = r.headers().unwrap().clone();
    let at = headers.iter().position(|h| h == col).unwrap();
    let mut rows: Vec<Vec<String>> =
        r.records().map(|x| x.unwrap().iter().map(str::to_string).collect()).collect();
    rows[row - 1][at] = value.to_string();
    let mut w = csv::Writer::from_path(&p).unwrap();
    w.write_record(&headers).unwrap();
    for row in rows {
        w.write_record(&row).unwrap();
    }
    w.flush().unwrap();
}

#[test]
fn broken_files_are_refused_with_file_row_and_column() {
    let m = broken(|d| set_cell(d, "services.csv", 3, "organization_id", "no-such-org"));
    assert!(m.contains("services.csv, row 4, column organization_id"), "{m}");
    let m = broken(|d| set_cell(d, "schedules.csv", 2, "opens_at", "8am"));
    assert!(m.contains("schedules.csv, row 3, column opens_at"), "{m}");
    let m = broken(|d| set_cell(d, "schedules.csv", 2, "freq", "YEARLY"));
    assert!(
        m.contains("schedules.csv, row 3, column freq") && m.contains("WEEKLY or MONTHLY"),
        "{m}"
    );
    let m = broken(|d| set_cell(d, "services.csv", 1, "assured_date", "15/09/2026"));
    assert!(m.contains("services.csv, row 2, column assured_date"), "{m}");
    let m = broken(|d| set_cell(d, "languages.csv", 1, "code", "english"));
    assert!(m.contains("languages.csv, row 2, column code"), "{m}");
    let m = broken(|d| set_cell(d, "services.csv", 2, "name", &"x".repeat(201)));
    assert!(m.contains("services.csv, row 3, column name") && m.contains("200"), "{m}");
    let m = broken(|d| {
        let first = csv::Reader::from_path(d.join("organizations.csv"))
            .unwrap()
            .records()
            .next()
            .unwrap()
            .unwrap()[0]
            .to_string();
        set_cell(d, "organizations.csv", 2, "id", &first)
    });
    assert!(m.contains("organizations.csv, row 3, column id") && m.contains("twice"), "{m}");
    let m = broken(|d| std::fs::remove_file(d.join("services.csv")).unwrap());
    assert!(m.contains("services.csv: the file is missing"), "{m}");
    let m = broken(|d| rewrite(d, "phones.csv", |t| t + "x,y\n"));
    assert!(m.contains("phones.csv"), "{m}");
    // Several problems are all listed, and counted.
    let m = broken(|d| {
        set_cell(d, "services.csv", 1, "status", "maybe");
        set_cell(d, "attributes.csv", 3, "link_id", "nobody");
    });
    assert!(m.contains("Problems found: 2."), "{m}");
    assert!(m.contains("services.csv, row 2, column status"), "{m}");
    assert!(m.contains("attributes.csv, row 4, column link_id"), "{m}");
}

#[test]
fn the_command_line_exports_and_imports_and_only_supervisors_import() {
    let (a, store) = full_directory();
    drop(store);
    let dir = tempfile::tempdir().unwrap();
    let out = run_intake(&a, &["resources", "export", dir.path().to_str().unwrap()], "");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(String::from_utf8_lossy(&out.stdout).contains("Exported"));
    let (b, mut store) = with_admin();
    accounts::add_user(
        &mut store,
        intake::auth::Actor::CLI,
        CHEAP,
        &account(
            "ivan",
            "Ivan",
            intake::domain::staff::Role::Intake,
            "Enlace Comunitario",
            "470193",
        ),
        now(),
    )
    .unwrap();
    drop(store);
    let path = dir.path().to_str().unwrap();
    let out = run_intake(&b, &["resources", "import", path, "--user", "ivan"], "");
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("supervisors"));
    let out = run_intake(&b, &["resources", "import", path, "--user", "ana"], "");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let store = b.open();
    assert!(!details(&store).is_empty());
    assert!(audit_events(&store).iter().any(|(e, _)| e == "directory_import"));
}

#[test]
fn the_link_file_has_the_specifications_name_and_older_names_are_not_lost_silently() {
    let (_a, mut a) = full_directory();
    let dir = tempfile::tempdir().unwrap();
    hsds::export(&mut a, dir.path(), today(), &mut |_, _| {}).unwrap();
    // HSDS 3.0's name, as written; its locations come back.
    assert!(dir.path().join("service_at_location.csv").exists());
    assert!(!dir.path().join("service_at_locations.csv").exists());
    let located = |s: &Store| -> i64 {
        s.conn().query_row("SELECT count(*) FROM dir_places", [], |r| r.get(0)).unwrap()
    };
    let (_b, mut b) = with_admin();
    import(&mut b, dir.path()).unwrap();
    assert!(located(&b) > 0 && located(&b) == located(&a), "every location came in");
    // A package intake wrote before (service_at_locations.csv) still imports whole.
    let (_c, mut c) = with_admin();
    let p = dir.path();
    std::fs::rename(p.join("service_at_location.csv"), p.join("service_at_locations.csv")).unwrap();
    import(&mut c, p).unwrap();
    assert_eq!(located(&c), located(&a));
    // HSDS 1.x and 2.0's name: refused, naming the version read, never silently without
    // locations.
    std::fs::rename(p.join("service_at_locations.csv"), p.join("services_at_location.csv"))
        .unwrap();
    let (_d, mut d) = with_admin();
    let e = import(&mut d, p).unwrap_err().message(Lang::En);
    assert!(e.contains("HSDS 1.x / 2.0") && e.contains("services_at_location.csv"), "{e}");
    assert!(e.contains("intake reads HSDS 3.0"), "{e}");
}
