//! Client, service and payment imports in short transactions (issue 20), as contact and tip
//! imports are (tests/imports.rs): out of every list, search, lookup and total until the last
//! step shows them at once; another console's save does not wait for them; one that fails
//! leaves nothing, and one cut off by a kill is taken out by the next intake to start.

mod common;

use std::time::Duration;

use common::records::{add, day, now, person, raw, who};
use common::*;
use intake::domain::client::{Client, ServiceEntry};
use intake::domain::fund::{Fund, Payment};
use intake::domain::ids::{ClientId, FundId};
use intake::domain::record::RuntimeOptions;
use intake::domain::staff::Role;
use intake::error::Result;
use intake::i18n::Msg;
use intake::service::casework::{self, Also, ImportedClient, ImportedService};
use intake::service::ledger;
use intake::store::users::User;
use intake::store::{Store, clients, funds, imports};

fn client(n: usize) -> Client {
    let mut r = intake::domain::client::defaults();
    r.insert("chosen_name".into(), format!("Imported Person {n}"));
    r.insert("age".into(), "30".into());
    Client::from_raw(&r, &RuntimeOptions::new(), day("2026-11-01")).unwrap()
}

fn imported(n: usize) -> ImportedClient {
    ImportedClient {
        client: client(n),
        intake_on: day("2025-03-04"),
        external_ref: Some(format!("OLD-{n}")),
    }
}

/// The clients the agency's list shows (searched for `search`, if given).
fn listed(store: &Store, u: &User, search: Option<&str>) -> usize {
    let f = clients::Filter { search: search.map(str::to_string), ..Default::default() };
    clients::list(store.conn(), u.agency_id, &f, 0, 100_000).unwrap().len()
}

fn count(store: &Store, table: &str) -> i64 {
    // The table is one of this file's fixed names.
    let sql = format!("SELECT count(*) FROM {table}");
    store.conn().query_row(&sql, [], |r| r.get(0)).unwrap()
}

/// While a client import is half written (read up to row 4,500, then held), another console
/// saves a client within a second, and none of the import is seen: not listed, not found by
/// name, by its file reference or as a likely duplicate. Then all 5,000 appear at once. On the
/// code before (one transaction for the file) the save waited for the import and gave up.
#[test]
fn a_client_import_under_way_is_out_of_sight_and_nobody_waits_for_it() {
    let (db, mut store) = with_admin();
    let bea = add(&mut store, "bea", Role::Advocate, "Enlace Comunitario");
    let (hold, gate) = hold();
    let importer = std::thread::spawn(move || {
        let bea = intake::auth::accounts::find_user(&store, "bea").unwrap();
        let mut rows = held_rows(5000, 4500, hold, imported);
        let n = casework::import_clients(&mut store, who(&bea), &mut rows, now(), &mut |_| {});
        (n.map_err(|e| format!("{e:?}")), store)
    });
    gate.reached();

    let mut other = db.open();
    assert!(count(&other, "clients") >= 3000, "part of the file is written already");
    let typed = client(7);
    let saved = other.with_patience(Duration::from_secs(1), |s| {
        casework::save_client(s, who(&bea), None, &typed, day("2026-11-01"), Also::default(), now())
    });
    assert!(saved.is_ok(), "a save while the import runs: {saved:?}");
    assert_eq!(listed(&other, &bea, None), 1, "only the client typed is listed");
    assert_eq!(listed(&other, &bea, Some("Imported")), 1, "the search finds only it");
    let found = clients::by_external_ref(other.conn(), bea.agency_id, "OLD-3").unwrap();
    assert_eq!(found, None, "a file reference of the import is not found");
    let twins = clients::duplicates(other.conn(), bea.agency_id, &client(7), day("2026-11-01"));
    assert_eq!(twins.unwrap().len(), 1, "only the typed one is a likely duplicate");
    assert_eq!(imports::under_way(other.conn()).unwrap(), 1);
    // A backup made now says it holds the one client (the import's rows go when it is opened).
    let held = intake::store::backup::held(other.conn()).unwrap();
    assert!(held.counts.contains(&("clients", 1)), "{:?}", held.counts);
    checks_pass(&other);

    gate.release();
    let (n, store) = importer.join().unwrap();
    assert_eq!(n, Ok(5000));
    assert_eq!(listed(&other, &bea, None), 5001);
    assert_eq!(listed(&other, &bea, Some("Imported")), 5001);
    assert!(clients::by_external_ref(other.conn(), bea.agency_id, "OLD-3").unwrap().is_some());
    checks_pass(&other);
    assert!(audit_events(&store).contains(&("client_import".into(), "ok".into())));
}

/// Services for a client are imported out of sight: the case shows none of them and keeps its
/// place in the list until the last step, then shows them all and moves up. A failed service
/// import leaves none.
#[test]
fn a_service_import_shows_on_the_case_only_when_it_ends() {
    let (_db, mut store) = with_admin();
    let bea = add(&mut store, "bea", Role::Advocate, "Enlace Comunitario");
    let older = person(&mut store, &bea, "2025-01-02", &[("chosen_name", "RM"), ("age", "40")]);
    let newer = person(&mut store, &bea, "2025-01-03", &[("chosen_name", "JT"), ("age", "41")]);
    let first = |s: &Store| {
        let rows = clients::list(s.conn(), bea.agency_id, &Default::default(), 0, 1).unwrap();
        rows[0].id
    };
    let events = |c: &rusqlite::Connection| -> Result<usize> {
        Ok(clients::timeline(c, bea.agency_id, older, 0, 10_000)?.len())
    };
    let before = events(store.conn()).unwrap();
    assert_eq!(first(&store), newer);
    let service =
        ServiceEntry::from_raw(&raw(&[("service_type", "legal"), ("delivered_on", "2025-02-01")]))
            .unwrap();
    let row = ImportedService { client_id: older, staff_id: bea.id, service };
    let mut seen = None;
    let mut rows = |c: &rusqlite::Connection,
                    put: &mut dyn FnMut(ImportedService) -> Result<()>| {
        for n in 0..4300 {
            if n == 4200 {
                let written: i64 =
                    c.query_row("SELECT count(*) FROM services", [], |r| r.get(0))?;
                let top = clients::list(c, bea.agency_id, &Default::default(), 0, 1)?[0].id;
                seen = Some((written, events(c)?, top));
            }
            put(row.clone())?;
        }
        Ok(())
    };
    // A day after the cases were made: the case served moves up when the import ends.
    let later = now() + jiff::SignedDuration::from_hours(24);
    let n = casework::import_services(&mut store, who(&bea), &mut rows, later, &mut |_| {});
    assert_eq!(n.unwrap(), 4300);
    let (written, shown, top) = seen.unwrap();
    assert!(written >= 4000, "batches were written before row 4,200: {written}");
    assert_eq!((shown, top), (before, newer), "none on the case; its place unchanged");
    assert_eq!(events(store.conn()).unwrap(), before + 4300);
    assert_eq!(first(&store), older, "the case served moves to the top");

    let mut failing = |_: &rusqlite::Connection,
                       put: &mut dyn FnMut(ImportedService) -> Result<()>| {
        (0..4100).try_for_each(|_| put(row.clone()))?;
        Err(intake::error::Error::user(Msg::ErrNoSuchRecord))
    };
    assert!(
        casework::import_services(&mut store, who(&bea), &mut failing, now(), &mut |_| {}).is_err()
    );
    assert_eq!(count(&store, "services"), 4300, "the failed import's services are gone");
    checks_pass(&store);
}

fn fund(amount_cents: i64) -> Fund {
    Fund {
        name: "State crime victim fund FY25".into(),
        source: "state".into(),
        from: day("2024-07-01"),
        to: day("2025-06-30"),
        amount_cents,
        categories: vec!["rent".into()],
    }
}

fn paid(fund_id: FundId, cents: i64) -> Payment {
    Payment {
        fund_id,
        category: "rent".into(),
        amount_cents: cents,
        paid_on: day("2025-01-10"),
        payee: "Landlord".into(),
        purpose: String::new(),
    }
}

/// Past payments are out of the fund's totals until the import ends, and the fund is checked
/// again when they appear: a request made meanwhile that leaves too little makes the import
/// fail, and none of its payments stay (the database otherwise refuses to delete a payment).
#[test]
fn a_payment_import_is_out_of_the_totals_and_checked_again_at_the_end() {
    let (db, mut store) = with_admin();
    let ana = intake::auth::accounts::find_user(&store, "ana").unwrap();
    let sara = add(&mut store, "sara", Role::Supervisor, "Enlace Comunitario");
    let bea = add(&mut store, "bea", Role::Advocate, "Enlace Comunitario");
    let rm = person(&mut store, &bea, "2025-01-02", &[("chosen_name", "RM"), ("age", "40")]);
    let id = ledger::add_fund(&mut store, who(&sara), &fund(100_000), now()).unwrap();
    let rows: Vec<(ClientId, Payment)> = (0..200).map(|_| (rm, paid(id, 400))).collect();
    let totals = |s: &Store| {
        let f = funds::get(s.conn(), sara.agency_id, id).unwrap().unwrap();
        (f.paid_cents, f.pending_cents)
    };

    // Written (one batch), not yet shown: the totals and the case hold none of it.
    let mut other = db.open();
    let mut during = None;
    let mut progress = |_: usize| {
        if during.is_none() {
            let case = clients::timeline(other.conn(), bea.agency_id, rm, 0, 1000).unwrap();
            during = Some((count(&other, "payments"), totals(&other), case.len()));
            // $300 requested meanwhile: with the import's $800 the fund would be past $1,000.
            let p = paid(id, 30_000);
            ledger::request_payment(&mut other, who(&bea), rm, &p, now()).unwrap();
        }
    };
    let e = ledger::import_payments(&mut store, who(&ana), &rows, now(), &mut progress);
    let e = e.expect_err("the fund no longer holds the import");
    assert!(e.message(intake::i18n::Lang::En).contains("left"), "{e:?}");
    let (written, at_the_time, case) = during.unwrap();
    assert_eq!(written, 200);
    assert_eq!(at_the_time, (0, 0), "the totals held none of it");
    let typed_only = clients::timeline(store.conn(), bea.agency_id, rm, 0, 1000).unwrap().len();
    assert_eq!(case, typed_only - 1, "nor did the case (it shows the request made since)");
    assert_eq!(count(&store, "payments"), 1, "only the request typed is left");
    assert_eq!(totals(&store), (0, 30_000));

    // With room for it, all 200 appear, each audited.
    let rows: Vec<(ClientId, Payment)> = (0..175).map(|_| (rm, paid(id, 400))).collect();
    ledger::import_payments(&mut store, who(&ana), &rows, now(), &mut |_| {}).unwrap();
    assert_eq!(totals(&store), (70_000, 30_000));
    let each = audit_events(&store).iter().filter(|(e, _)| e == "payment_import").count();
    assert_eq!(each, 175);
    checks_pass(&store);
}

/// Clients, services and payments staged by a process that has ended are taken out by the next
/// start: the clients' first status rows and name index entries with them, and the payments
/// despite the rule that keeps a shown payment for ever.
#[test]
fn case_imports_whose_process_is_gone_are_taken_out_at_the_next_start() {
    let (db, mut store) = with_admin();
    let bea = add(&mut store, "bea", Role::Advocate, "Enlace Comunitario");
    let sara = add(&mut store, "sara", Role::Supervisor, "Enlace Comunitario");
    let rm = person(&mut store, &bea, "2025-01-02", &[("chosen_name", "RM"), ("age", "40")]);
    let id = ledger::add_fund(&mut store, who(&sara), &fund(100_000), now()).unwrap();
    let status_rows = count(&store, "client_status");
    let gone = {
        let mut child = std::process::Command::new("true").spawn().unwrap();
        let pid = child.id();
        child.wait().unwrap();
        pid
    };
    let service =
        ServiceEntry::from_raw(&raw(&[("service_type", "legal"), ("delivered_on", "2025-02-01")]))
            .unwrap();
    store
        .write(|tx| {
            let begin = |kind: &str| -> Result<i64> {
                tx.execute(
                    "INSERT INTO imports (kind, agency_id, user_id, pid, started_at)
                     VALUES (?1, ?2, ?3, ?4, '2026-11-28T20:00:00Z')",
                    rusqlite::params![kind, bea.agency_id, bea.id, gone],
                )?;
                Ok(tx.last_insert_rowid())
            };
            let import = begin("client")?;
            for n in 0..300 {
                let r = imported(n);
                let intake = clients::Intake {
                    on: r.intake_on,
                    external_ref: r.external_ref.as_deref(),
                    import: Some(import),
                };
                clients::insert(tx, bea.agency_id, bea.id, &r.client, intake, now())?;
            }
            let import = begin("service")?;
            for _ in 0..300 {
                clients::add_service(tx, bea.agency_id, rm, bea.id, &service, now(), Some(import))?;
            }
            let import = begin("payment")?;
            for n in 0..300 {
                let staged = funds::Imported { import, set_aside: n * 100 };
                funds::request(tx, bea.agency_id, bea.id, rm, &paid(id, 100), Some(staged), now())?;
            }
            Ok(())
        })
        .unwrap();
    assert_eq!(listed(&store, &bea, Some("Imported")), 0);
    checks_pass(&store);
    drop(store);

    let store = db.open();
    assert_eq!(imports::under_way(store.conn()).unwrap(), 0, "all three taken out");
    assert_eq!(count(&store, "clients"), 1);
    assert_eq!(count(&store, "client_status"), status_rows, "the first statuses went too");
    assert_eq!((count(&store, "services"), count(&store, "payments")), (0, 0));
    assert_eq!(listed(&store, &bea, Some("Imported")), 0);
    // A shown payment still cannot be deleted.
    let mut store = store;
    let p = ledger::request_payment(&mut store, who(&bea), rm, &paid(id, 100), now()).unwrap();
    assert!(store.conn().execute("DELETE FROM payments WHERE id = ?1", [p]).is_err());
    checks_pass(&store);
}

/// The real `client import` killed (-9) part way through a 20,000-client file: none of it is
/// seen (not listed, not found by name), and the starts after take its rows out (their first
/// statuses and name index entries with them), after which the file goes in whole.
#[test]
fn a_client_import_killed_part_way_shows_nothing_and_is_taken_out() {
    let (db, mut store) = with_admin();
    let bea = add(&mut store, "bea", Role::Advocate, "Enlace Comunitario");
    drop(store);
    let file = db.dir.path().join("clients.csv");
    let mut text = String::from("external_ref,chosen_name,age,gender,intake_on\n");
    for n in 0..20_000 {
        text.push_str(&format!("OLD-{n},Imported Person {n},30,woman,2019-03-04\n"));
    }
    std::fs::write(&file, text).unwrap();
    let args = ["client", "import", file.to_str().unwrap(), "--user", "bea"];
    let watcher = db.open();
    let mut child = started_until(&db, &args, 5_000, || count(&watcher, "clients"));
    child.kill().unwrap();
    child.wait().unwrap();
    assert_eq!((listed(&watcher, &bea, None), listed(&watcher, &bea, Some("Imported"))), (0, 0));
    drop(watcher);
    for _ in 0..200 {
        let next = db.open();
        assert_eq!(listed(&next, &bea, Some("Imported")), 0);
        if count(&next, "clients") + imports::under_way(next.conn()).unwrap() == 0 {
            break;
        }
    }
    let store = db.open();
    assert_eq!((count(&store, "clients"), count(&store, "client_status")), (0, 0));
    checks_pass(&store);
    drop(store);
    let out = run_intake(&db, &args, "");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let store = db.open();
    assert_eq!(listed(&store, &bea, Some("Imported")), 20_000);
    checks_pass(&store);
}
