//! The directory (Open Referral) import in short transactions (issue 20): its services are
//! written out of sight a batch at a time, shown all at once by its last step with what it
//! changes of organisations and places, then folded into the services they update, which keep
//! their ids. Another console's save does not wait for it; one that fails leaves nothing; one
//! cut off is taken out, or folded, by the next intake to start.

mod common;

use std::time::Duration;

use common::records::{add, day, now, person, who};
use common::*;
use intake::domain::ids::{ClientId, ServiceId};
use intake::domain::staff::Role;
use intake::service::casework::{self, Also};
use intake::service::hsds::{self, Dataset, Org, Service};
use intake::store::directory::{self, Filter, Location, NewService};
use intake::store::{Store, imports};

/// The organisation `org-1`, named as given.
fn org(name: &str) -> Org {
    Org {
        hsds_id: "org-1".into(),
        name: name.into(),
        description: "Help across the state".into(),
        web: None,
        confirmed: true,
        last_verified: None,
        phones: vec![],
    }
}

/// Service `svc-N` named "{word} N", offered at place `place-(N % 50)` in `city`.
fn service(n: usize, word: &str, city: &str, org: &str) -> Service {
    Service {
        hsds_id: format!("svc-{n}"),
        organization: org.into(),
        retired: false,
        service: NewService {
            name: format!("{word} {n}"),
            description: "Beds and meals".into(),
            categories: vec!["shelter".into()],
            locations: vec![Location {
                city: Some(city.into()),
                zip: Some("87102".into()),
                hsds_id: Some(format!("place-{}", n % 50)),
                ..Default::default()
            }],
            ..Default::default()
        },
    }
}

fn dataset(services: impl Iterator<Item = Service>, orgs: Vec<Org>) -> Dataset {
    Dataset { organizations: orgs, services: services.collect() }
}

/// The services a search for `text` finds: (id, name, organisation). A number in it is the
/// whole number ("Sparrow 7", not "Sparrow 70").
fn found(store: &Store, text: &str) -> Vec<(ServiceId, String, String)> {
    let number = text.split(' ').nth(1).map(str::to_string);
    directory::search(store.conn(), text, &Filter::default(), day("2026-11-28"), 0, 100_000)
        .unwrap()
        .into_iter()
        .filter(|h| number.as_ref().is_none_or(|n| h.name.ends_with(&format!(" {n}"))))
        .map(|h| (h.service_id, h.name, h.organization))
        .collect()
}

fn all(store: &Store) -> usize {
    found(store, "").len()
}

fn count(store: &Store, sql: &str) -> i64 {
    store.conn().query_row(sql, [], |r| r.get(0)).unwrap()
}

/// The first place's city of service `id`, as its detail shows it.
fn city(store: &Store, id: ServiceId) -> String {
    let d = directory::detail(store.conn(), id, day("2026-11-28")).unwrap().unwrap();
    d.places[0].0.split(',').next().unwrap().to_string()
}

/// A referral of client `rm` by `bea` to service `to`, as the referral form writes it.
fn refer(store: &Store, bea: &intake::store::users::User, rm: ClientId, to: ServiceId) {
    store
        .conn()
        .execute(
            "INSERT INTO referrals (agency_id, client_id, service_id, referred_on, referred_by,
                 reason, consent, created_at)
             VALUES (?1, ?2, ?3, '2026-11-01', ?4, 'beds', 'none', '2026-11-01T10:00:00Z')",
            rusqlite::params![bea.agency_id, rm, to, bea.id],
        )
        .unwrap();
}

/// A directory of 3,000 services ("Sparrow N", in Albuquerque), imported.
fn directory_of_3000() -> (TestDb, Store) {
    let (db, mut store) = with_admin();
    let sara = add(&mut store, "sara", Role::Supervisor, "Enlace Comunitario");
    let ds = dataset(
        (0..3000).map(|n| service(n, "Sparrow", "Albuquerque", "org-1")),
        vec![org("Casa")],
    );
    let n = hsds::write(&mut store, who(&sara), &ds, now(), &mut |_| {}).unwrap();
    assert_eq!(n, 3000);
    (db, store)
}

/// While an import that renames 3,000 services, adds 1,000, moves a place and renames the
/// organisation is half written (held after 2,000 rows), another console saves within a
/// second and sees the directory as it was. Then all of it shows at once, each renamed
/// service under its own id (a referral to it still names it). On the code before (one
/// transaction for the whole package) the save waited for the import and gave up.
#[test]
fn a_directory_import_under_way_is_out_of_sight_and_nobody_waits_for_it() {
    let (db, mut store) = directory_of_3000();
    let bea = add(&mut store, "bea", Role::Advocate, "Enlace Comunitario");
    let sparrow_7 = found(&store, "Sparrow 7")[0].0;
    let rm = person(&mut store, &bea, "2025-01-02", &[("chosen_name", "RM"), ("age", "40")]);
    refer(&store, &bea, rm, sparrow_7);
    let (hold, gate) = hold();
    let importer = std::thread::spawn(move || {
        let sara = intake::auth::accounts::find_user(&store, "sara").unwrap();
        let mut orgs = vec![org("Casa Nueva")];
        orgs.push(Org { hsds_id: "org-2".into(), ..org("Puente") });
        let renamed = (0..3000).map(|n| service(n, "Zephyr", "Gallup", "org-1"));
        let added = (3000..4000).map(|n| service(n, "Quokka", "Gallup", "org-2"));
        let ds = dataset(renamed.chain(added), orgs);
        let mut stopped = false;
        let n = hsds::write(&mut store, who(&sara), &ds, now(), &mut |n| {
            if n >= 2000 && !stopped {
                stopped = true;
                hold.here();
            }
        });
        (n.map_err(|e| format!("{e:?}")), store)
    });
    gate.reached();

    let mut other = db.open();
    assert!(count(&other, "SELECT count(*) FROM dir_services") >= 5000, "half written already");
    let mut raw = intake::domain::client::defaults();
    raw.insert("chosen_name".into(), "JT".into());
    raw.insert("age".into(), "30".into());
    let options = intake::domain::record::RuntimeOptions::new();
    let jt = intake::domain::client::Client::from_raw(&raw, &options, day("2026-11-01")).unwrap();
    let typed = other.with_patience(Duration::from_secs(1), |s| {
        casework::save_client(s, who(&bea), None, &jt, day("2026-11-01"), Also::default(), now())
    });
    assert!(typed.is_ok(), "a save while the import runs: {typed:?}");
    assert_eq!(all(&other), 3000, "the directory as it was");
    assert!(found(&other, "Zephyr").is_empty() && found(&other, "Quokka").is_empty());
    assert!(found(&other, "Gallup").is_empty(), "the moved place is not seen moved");
    assert_eq!(found(&other, "Sparrow 7")[0], (sparrow_7, "Sparrow 7".into(), "Casa".into()));
    assert_eq!(city(&other, sparrow_7), "Albuquerque");
    let orgs: Vec<String> =
        directory::organizations(other.conn()).unwrap().into_iter().map(|(_, n)| n).collect();
    assert_eq!(orgs.iter().filter(|n| n.as_str() == "Puente").count(), 0, "{orgs:?}");
    assert_eq!(imports::under_way(other.conn()).unwrap(), 1);

    gate.release();
    let (n, store) = importer.join().unwrap();
    assert_eq!(n, Ok(4000));
    assert_eq!(all(&other), 4000);
    assert!(found(&other, "Sparrow").is_empty());
    assert_eq!(found(&other, "Quokka").len(), 1000);
    let refuge_7 = found(&other, "Zephyr 7");
    assert_eq!(refuge_7[0], (sparrow_7, "Zephyr 7".into(), "Casa Nueva".into()), "same id");
    assert_eq!(city(&other, sparrow_7), "Gallup");
    let referred: String = other
        .conn()
        .query_row(
            "SELECT s.name FROM referrals r JOIN dir_services s ON s.id = r.service_id",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(referred, "Zephyr 7");
    assert_eq!(count(&other, "SELECT count(*) FROM dir_services"), 4000, "the old rows folded");
    assert_eq!(count(&other, "SELECT count(*) FROM dir_services WHERE import_id IS NOT NULL"), 0);
    assert_eq!(count(&other, "SELECT count(*) FROM dir_places"), 50, "places shared, not copied");
    checks_pass(&other);
    assert!(audit_events(&store).contains(&("directory_import".into(), "ok".into())));
}

/// An import that fails two thirds in (a row the database refuses) leaves nothing: no service,
/// organisation or place of it, no search entry, nothing it changed.
#[test]
fn a_directory_import_that_fails_leaves_nothing() {
    let (_db, mut store) = directory_of_3000();
    let sara = intake::auth::accounts::find_user(&store, "sara").unwrap();
    let places = count(&store, "SELECT count(*) FROM dir_places");
    let mut bad = service(2500, "Zephyr", "Gallup", "org-2");
    bad.service.name = "x".repeat(201);
    let ds = dataset(
        (0..2500)
            .map(|n| service(n, "Zephyr", "Gallup", "org-2"))
            .chain([bad])
            .chain((3000..3100).map(|n| service(n + 60, "Quokka", "Taos", "org-2"))),
        vec![org("Casa Nueva"), Org { hsds_id: "org-2".into(), ..org("Puente") }],
    );
    assert!(hsds::write(&mut store, who(&sara), &ds, now(), &mut |_| {}).is_err());
    assert_eq!(all(&store), 3000);
    assert!(found(&store, "Zephyr").is_empty() && found(&store, "Gallup").is_empty());
    assert_eq!(count(&store, "SELECT count(*) FROM dir_services"), 3000);
    assert_eq!(count(&store, "SELECT count(*) FROM dir_organizations WHERE name = 'Puente'"), 0);
    assert_eq!(count(&store, "SELECT count(*) FROM dir_places"), places);
    assert_eq!(count(&store, "SELECT count(*) FROM dir_service_places"), 3000);
    assert_eq!(imports::under_way(store.conn()).unwrap(), 0);
    let sparrow_7 = found(&store, "Sparrow 7")[0].0;
    assert_eq!(city(&store, sparrow_7), "Albuquerque");
    checks_pass(&store);
    // The same package without the bad row goes in whole.
    let ds = dataset((0..3000).map(|n| service(n, "Zephyr", "Gallup", "org-1")), vec![org("Casa")]);
    assert_eq!(hsds::write(&mut store, who(&sara), &ds, now(), &mut |_| {}).unwrap(), 3000);
    assert_eq!(found(&store, "Zephyr").len(), 3000);
}

/// A pid no process has.
fn gone_pid() -> u32 {
    let mut child = std::process::Command::new("true").spawn().unwrap();
    let pid = child.id();
    child.wait().unwrap();
    pid
}

/// Write `ds`'s services out of sight under a new import of process `pid` (as a batch does).
fn stage(store: &mut Store, pid: u32, ds: &Dataset) -> i64 {
    store
        .write(|tx| {
            let (agency, user): (i64, i64) =
                tx.query_row("SELECT agency_id, id FROM users LIMIT 1", [], |r| {
                    Ok((r.get(0)?, r.get(1)?))
                })?;
            tx.execute(
                "INSERT INTO imports (kind, agency_id, user_id, pid, started_at)
                 VALUES ('directory', ?1, ?2, ?3, '2026-11-28T20:00:00Z')",
                rusqlite::params![agency, user, pid],
            )?;
            let import = tx.last_insert_rowid();
            let org: i64 = tx.query_row("SELECT id FROM dir_organizations", [], |r| r.get(0))?;
            let mut changed = Vec::new();
            for s in &ds.services {
                let replaces = intake::store::hsds::find(
                    tx,
                    intake::store::hsds::Table::Services,
                    &s.hsds_id,
                )?
                .map(ServiceId);
                let staged = directory::Staged {
                    import,
                    hsds_id: &s.hsds_id,
                    replaces,
                    retired: false,
                    organization: "Casa",
                };
                let v = NewService { organization_id: org, ..s.service.clone() };
                directory::add_staged(tx, &v, &staged, &mut changed, now())?;
            }
            Ok(import)
        })
        .unwrap()
}

/// An import whose process was killed while it wrote is taken out by the next intake to start:
/// its services, their parts and search entries, and the places it added.
#[test]
fn a_directory_import_cut_off_while_writing_is_taken_out_at_the_next_start() {
    let (db, mut store) = directory_of_3000();
    let rows = count(&store, "SELECT count(*) FROM dir_service_places");
    let ds = dataset((0..200).map(|n| service(n * 20, "Zephyr", "Gallup", "org-1")), vec![]);
    let mut added = dataset((0..1).map(|n| service(n, "Quokka", "Taos", "org-1")), vec![]);
    added.services[0].hsds_id = "svc-new".into();
    added.services[0].service.locations[0].hsds_id = Some("place-new".into());
    stage(&mut store, gone_pid(), &ds);
    stage(&mut store, gone_pid(), &added);
    assert_eq!(all(&store), 3000);
    assert!(found(&store, "Zephyr").is_empty() && found(&store, "Quokka").is_empty());
    drop(store);
    let store = db.open();
    assert_eq!(imports::under_way(store.conn()).unwrap(), 0, "taken out at the start");
    assert_eq!(count(&store, "SELECT count(*) FROM dir_services"), 3000);
    assert_eq!(count(&store, "SELECT count(*) FROM dir_service_places"), rows);
    assert_eq!(count(&store, "SELECT count(*) FROM dir_places WHERE hsds_id = 'place-new'"), 0);
    assert!(found(&store, "Zephyr").is_empty() && found(&store, "Taos").is_empty());
    assert_eq!(found(&store, "Sparrow").len(), 3000);
    checks_pass(&store);
}

/// An import cut off after its last step, before its services were folded: they show (the ones
/// they replace do not), a referral made meanwhile to one goes to the service it replaced, and
/// the next intake to start folds them, each into the id it replaced.
#[test]
fn a_directory_import_cut_off_while_folding_is_folded_at_the_next_start() {
    let (db, mut store) = directory_of_3000();
    let bea = add(&mut store, "bea", Role::Advocate, "Enlace Comunitario");
    let sparrow_20 = found(&store, "Sparrow 20")[0].0;
    let ds = dataset((0..100).map(|n| service(n * 20, "Zephyr", "Albuquerque", "org-1")), vec![]);
    let import = stage(&mut store, std::process::id(), &ds);
    store.write(|tx| imports::finish(tx, import)).unwrap();
    assert_eq!(all(&store), 3000, "each replaced service left out");
    let zephyr_20 = found(&store, "Zephyr 20");
    assert_eq!(zephyr_20.len(), 1);
    assert_ne!(zephyr_20[0].0, sparrow_20, "shown under the new row's id until folded");
    assert!(found(&store, "Sparrow 20").is_empty());
    let rm = person(&mut store, &bea, "2025-01-02", &[("chosen_name", "RM"), ("age", "40")]);
    refer(&store, &bea, rm, zephyr_20[0].0);
    drop(store);
    let store = db.open();
    assert_eq!(count(&store, "SELECT count(*) FROM dir_services WHERE import_id IS NOT NULL"), 0);
    assert_eq!(count(&store, "SELECT count(*) FROM dir_services"), 3000);
    assert_eq!(found(&store, "Zephyr 20")[0].0, sparrow_20, "folded into its id");
    assert_eq!(found(&store, "Zephyr").len(), 100);
    let referred: ServiceId =
        store.conn().query_row("SELECT service_id FROM referrals", [], |r| r.get(0)).unwrap();
    assert_eq!(referred, sparrow_20);
    checks_pass(&store);
}

/// A package imported again changes only what it changes: services it leaves as they are keep
/// their rows untouched (nothing to write out of sight or fold), one it changes is updated, and
/// when it renames their organisation every service of it is found by the new name.
#[test]
fn an_import_leaves_what_the_files_do_not_change_as_it_is() {
    let (_db, mut store) = directory_of_3000();
    let sara = intake::auth::accounts::find_user(&store, "sara").unwrap();
    let later: jiff::Timestamp = "2026-11-29T20:00:00Z".parse().unwrap();
    let mut services: Vec<Service> =
        (0..3000).map(|n| service(n, "Sparrow", "Albuquerque", "org-1")).collect();
    services[5].service.description = "Beds, meals and a phone".into();
    let ds = dataset(services.into_iter(), vec![org("Casa")]);
    assert_eq!(hsds::write(&mut store, who(&sara), &ds, later, &mut |_| {}).unwrap(), 3000);
    let touched = "SELECT count(*) FROM dir_services WHERE updated_at = '2026-11-29T20:00:00Z'";
    assert_eq!(count(&store, touched), 1, "only the changed service was written");
    assert_eq!(found(&store, "Sparrow 5").len(), 1);
    assert_eq!(all(&store), 3000);

    let ds = dataset(
        (0..3000).map(|n| service(n, "Sparrow", "Albuquerque", "org-1")),
        vec![org("Tierra Firme")],
    );
    hsds::write(&mut store, who(&sara), &ds, later, &mut |_| {}).unwrap();
    assert_eq!(found(&store, "Tierra").len(), 3000, "renamed organisation, found by it");
    assert_eq!(found(&store, "Sparrow 9")[0].2, "Tierra Firme");
    checks_pass(&store);
}

/// One directory import at a time: a second, started while the first is under way, is refused
/// with a message saying so (in both languages) and writes nothing; the first goes on.
#[test]
fn a_second_directory_import_waits_for_the_first() {
    let (_db, mut store) = directory_of_3000();
    let sara = intake::auth::accounts::find_user(&store, "sara").unwrap();
    let first = dataset((0..10).map(|n| service(n, "Zephyr", "Gallup", "org-1")), vec![]);
    let import = stage(&mut store, std::process::id(), &first);
    let second =
        dataset((0..3000).map(|n| service(n, "Quokka", "Taos", "org-1")), vec![org("Casa")]);
    let refused = hsds::write(&mut store, who(&sara), &second, now(), &mut |_| {}).unwrap_err();
    let said = refused.message(intake::i18n::Lang::En);
    assert!(said.contains("Another directory import is under way"), "{said}");
    assert!(refused.message(intake::i18n::Lang::Es).contains("Otra importación del directorio"));
    assert!(found(&store, "Quokka").is_empty() && found(&store, "Taos").is_empty());
    assert_eq!(imports::under_way(store.conn()).unwrap(), 1, "the first goes on");
    store.write(|tx| imports::finish(tx, import)).unwrap();
    assert!(store.fold_directory(None).unwrap());
    assert_eq!(found(&store, "Zephyr").len(), 10);
    assert_eq!(hsds::write(&mut store, who(&sara), &second, now(), &mut |_| {}).unwrap(), 3000);
    assert_eq!(found(&store, "Quokka").len(), 3000);
    checks_pass(&store);
}
