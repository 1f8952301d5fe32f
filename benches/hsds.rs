//! The Open Referral exchange at a 211's size: 10,000 services (with places shared by two
//! services each, three phones, a weekly schedule, two languages, areas and an AIRS term)
//! exported as an HSDS 3.0 package, then imported into an empty database through the command
//! line's own entry point (every row checked, then written a batch per transaction out of
//! sight and shown at once), then imported again unchanged (nothing written), then again with
//! every description changed (each service updated), each import beside a console saving a
//! contact every 50 ms. The issue asks for each direction in under 10 s.

mod common;

use std::time::Instant;

use clap::Parser;
use intake::domain::directory::parse_schedule;
use intake::domain::staff::Role;
use intake::store::directory::{self, Location, NewService, Phone, Term};
use intake::store::{DbPaths, Store};
use jiff::Timestamp;

const SERVICES: usize = 10_000;

fn main() {
    let dir = tempfile::tempdir().expect("temp dir");
    let paths = DbPaths::new(dir.path().join("a.db"), None);
    let mut store = Store::open(&paths, true).expect("store");
    common::add_account(&mut store, "ana", "Ana", Role::Admin, "Enlace");
    let areas = ["Bernalillo County", "Doña Ana County", "Santa Fe County", "Navajo Nation"];
    let hours = parse_schedule("Mo-Fr 09:00-17:00").expect("hours");
    let now = Timestamp::now();
    store
        .write(|tx| {
            for o in 0..SERVICES / 2 {
                let org = directory::add_organization(
                    tx,
                    &format!("Organization {o}"),
                    "Help for survivors",
                    Some("https://example.org"),
                    o % 2 == 0,
                    None,
                    now,
                )?;
                let place = Location {
                    name: Some(format!("Office {o}")),
                    address: Some(format!("{o} Central Ave")),
                    city: Some("Albuquerque".into()),
                    zip: Some("87102".into()),
                    show_address: o % 3 != 0,
                    hsds_id: Some(format!("place-{o}")),
                    ..Default::default()
                };
                for k in 0..2 {
                    let phone = |kind: &str, n: usize| Phone {
                        number: format!("505-555-{:04}", (o * 4 + n) % 10_000),
                        kind: kind.into(),
                        ..Default::default()
                    };
                    directory::add_service(
                        tx,
                        &NewService {
                            organization_id: org,
                            name: format!("Service {o}-{k}"),
                            description: "Shelter, legal help and case management".into(),
                            phone: Some(phone("voice", 0).number),
                            phones: vec![phone("voice", 0), phone("fax", 1), phone("textphone", 2)],
                            categories: vec!["shelter".into(), "legal".into()],
                            languages: vec!["english".into(), "spanish".into()],
                            areas: vec![areas[o % areas.len()].into()],
                            area_names: vec!["Albuquerque".into()],
                            locations: vec![place.clone()],
                            schedule: hours.clone(),
                            terms: vec![Term {
                                taxonomy: "AIRS".into(),
                                code: format!("BH-1800.{}", o % 50),
                                name: "Shelters".into(),
                                description: String::new(),
                            }],
                            ..Default::default()
                        },
                        now,
                    )?;
                }
            }
            Ok(())
        })
        .expect("directory");
    drop(store);

    let package = dir.path().join("package");
    let t = Instant::now();
    let db = paths.db.to_str().expect("path").to_string();
    let args = ["intake", "--db", &db, "resources", "export", package.to_str().expect("path")];
    intake::cli::run(intake::cli::Cli::parse_from(args)).expect("export");
    let exported = t.elapsed();

    let empty = DbPaths::new(dir.path().join("b.db"), None);
    let mut store = Store::open(&empty, true).expect("store");
    common::add_account(&mut store, "ana", "Ana", Role::Admin, "Enlace");
    drop(store);
    let (imported, mut waits) = common::import_beside_a_console(&empty, "resources", &package);
    println!("hsds: {SERVICES} services exported in {exported:?}, imported in {imported:?}");
    common::print_waits(&mut waits);
    // Again: every service is here as the files have it, and is left alone.
    let (again, mut waits) = common::import_beside_a_console(&empty, "resources", &package);
    println!("hsds: the same {SERVICES} services imported again (none changed) in {again:?}");
    common::print_waits(&mut waits);
    // Every service's description changed: each is written out of sight, shown in place of the
    // one it updates, then folded into it.
    let file = package.join("services.csv");
    let text = std::fs::read_to_string(&file).expect("services.csv");
    let changed = text.replace("Shelter, legal help and case management", "Shelter and legal help");
    assert_ne!(text, changed, "the bench's description is in the file");
    std::fs::write(&file, changed).expect("services.csv");
    let (changed, mut waits) = common::import_beside_a_console(&empty, "resources", &package);
    println!("hsds: {SERVICES} changed services imported (each one updated) in {changed:?}");
    common::print_waits(&mut waits);
}
