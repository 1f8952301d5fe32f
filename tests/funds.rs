//! The funds ledger: two-person approval, no overspending even under concurrent requests,
//! voids that keep the totals right, and the database refusing to rewrite a payment.

mod common;

use common::*;
use intake::auth::{Actor, accounts};
use intake::domain::client::{self, Client};
use intake::domain::fund::{Fund, Payment};
use intake::domain::record::RuntimeOptions;
use intake::domain::staff::Role;
use intake::service::Who;
use intake::service::casework::{self, Also};
use intake::service::ledger;
use intake::store::users::User;
use intake::store::{Store, funds};
use jiff::Timestamp;
use jiff::civil::Date;

fn now() -> Timestamp {
    "2026-11-28T20:00:00Z".parse().unwrap()
}

fn day(s: &str) -> Date {
    s.parse().unwrap()
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

fn client_of(store: &mut Store, u: &User) -> intake::domain::ids::ClientId {
    let mut raw = client::defaults();
    raw.insert("chosen_name".into(), "RM".into());
    raw.insert("age".into(), "29".into());
    let c = Client::from_raw(&raw, &RuntimeOptions::new(), day("2026-11-01")).unwrap();
    casework::save_client(store, who(u), None, &c, day("2026-11-01"), Also::default(), now())
        .unwrap()
}

fn fund(amount: i64) -> Fund {
    Fund {
        name: "State crime victim fund FY27".into(),
        source: "state".into(),
        from: day("2026-07-01"),
        to: day("2027-06-30"),
        amount_cents: amount,
        categories: vec!["rent".into(), "travel".into(), "civil_legal".into()],
    }
}

fn pay(fund_id: intake::domain::ids::FundId, cents: i64) -> Payment {
    Payment {
        fund_id,
        category: "rent".into(),
        amount_cents: cents,
        paid_on: day("2026-11-20"),
        payee: "Landlord".into(),
        purpose: String::new(),
    }
}

struct Ledger {
    _db: TestDb,
    store: Store,
    sup: User,
    sup2: User,
    adv: User,
    client: intake::domain::ids::ClientId,
    fund: intake::domain::ids::FundId,
}

fn ledger(amount: i64) -> Ledger {
    let (db, mut store) = with_admin();
    let sup = add(&mut store, "sara", Role::Supervisor, "Enlace Comunitario");
    let sup2 = add(&mut store, "tomas", Role::Supervisor, "Enlace Comunitario");
    let adv = add(&mut store, "bea", Role::Advocate, "Enlace Comunitario");
    let client = client_of(&mut store, &adv);
    let fund = ledger::add_fund(&mut store, who(&sup), &fund(amount), now()).unwrap();
    Ledger { _db: db, store, sup, sup2, adv, client, fund }
}

fn totals(l: &Ledger) -> (i64, i64, i64) {
    let f = funds::get(l.store.conn(), l.sup.agency_id, l.fund).unwrap().unwrap();
    (f.paid_cents, f.pending_cents, f.remaining_cents())
}

#[test]
fn a_payment_needs_a_second_person_to_approve_it() {
    let mut l = ledger(100_000);
    let id =
        ledger::request_payment(&mut l.store, who(&l.adv), l.client, &pay(l.fund, 60_000), now())
            .unwrap();
    assert_eq!(totals(&l), (0, 60_000, 40_000), "a request sets its amount aside");
    // An advocate cannot approve; nor can a supervisor approve their own request.
    assert!(ledger::approve_payment(&mut l.store, who(&l.adv), id, now()).is_err());
    let own =
        ledger::request_payment(&mut l.store, who(&l.sup), l.client, &pay(l.fund, 1_000), now())
            .unwrap();
    let e = ledger::approve_payment(&mut l.store, who(&l.sup), own, now()).unwrap_err();
    assert!(e.message(intake::i18n::Lang::En).contains("Someone else"));
    ledger::approve_payment(&mut l.store, who(&l.sup), id, now()).unwrap();
    ledger::approve_payment(&mut l.store, who(&l.sup2), own, now()).unwrap();
    assert_eq!(totals(&l), (61_000, 0, 39_000));
    // Approving twice does nothing more.
    assert!(ledger::approve_payment(&mut l.store, who(&l.sup2), id, now()).is_err());
    // The database itself refuses a self-approval that skips the ledger.
    let third =
        ledger::request_payment(&mut l.store, who(&l.adv), l.client, &pay(l.fund, 500), now())
            .unwrap();
    let sql = "UPDATE payments SET status = 'approved', approved_by = requested_by, approved_at = 'x' WHERE id = ?1";
    assert!(l.store.conn().execute(sql, [third]).is_err());
    let events: Vec<String> = audit_events(&l.store).into_iter().map(|(e, _)| e).collect();
    for e in ["fund_add", "payment_request", "payment_approve"] {
        assert!(events.contains(&e.to_string()), "{e}");
    }
}

#[test]
fn overspending_is_refused_and_so_are_other_categories_and_dates() {
    let mut l = ledger(100_000);
    ledger::request_payment(&mut l.store, who(&l.adv), l.client, &pay(l.fund, 60_000), now())
        .unwrap();
    let e =
        ledger::request_payment(&mut l.store, who(&l.adv), l.client, &pay(l.fund, 50_000), now())
            .unwrap_err();
    assert!(
        e.message(intake::i18n::Lang::En).contains("$400.00"),
        "{}",
        e.message(intake::i18n::Lang::En)
    );
    let mut p = pay(l.fund, 100);
    p.category = "relocation".into();
    assert!(ledger::request_payment(&mut l.store, who(&l.adv), l.client, &p, now()).is_err());
    let mut p = pay(l.fund, 100);
    p.paid_on = day("2027-07-01");
    assert!(ledger::request_payment(&mut l.store, who(&l.adv), l.client, &p, now()).is_err());
    // Exactly what is left is fine.
    ledger::request_payment(&mut l.store, who(&l.adv), l.client, &pay(l.fund, 40_000), now())
        .unwrap();
    assert_eq!(totals(&l).2, 0);
}

#[test]
fn concurrent_requests_never_overspend() {
    let l = ledger(100_000);
    let path = l._db.paths.clone();
    let (adv, client, fund) = (l.adv.clone(), l.client, l.fund);
    drop(l.store);
    // Eight sessions at once ask for $200 each from a $1,000 fund: five fit.
    let handles: Vec<_> = (0..8)
        .map(|_| {
            let (path, adv) = (path.clone(), adv.clone());
            std::thread::spawn(move || {
                let mut store = Store::open(&path, false).unwrap();
                ledger::request_payment(&mut store, who(&adv), client, &pay(fund, 20_000), now())
                    .is_ok()
            })
        })
        .collect();
    let ok = handles.into_iter().map(|h| h.join().unwrap()).filter(|x| *x).count();
    assert_eq!(ok, 5);
    let store = Store::open(&path, false).unwrap();
    let f = funds::get(store.conn(), adv.agency_id, fund).unwrap().unwrap();
    assert_eq!((f.pending_cents, f.remaining_cents()), (100_000, 0));
}

#[test]
fn a_void_keeps_the_row_and_the_totals_right() {
    let mut l = ledger(100_000);
    let id =
        ledger::request_payment(&mut l.store, who(&l.adv), l.client, &pay(l.fund, 30_000), now())
            .unwrap();
    ledger::approve_payment(&mut l.store, who(&l.sup), id, now()).unwrap();
    let pending =
        ledger::request_payment(&mut l.store, who(&l.adv), l.client, &pay(l.fund, 10_000), now())
            .unwrap();
    assert_eq!(totals(&l), (30_000, 10_000, 60_000));
    assert!(ledger::void_payment(&mut l.store, who(&l.adv), id, "wrong client", now()).is_err());
    ledger::void_payment(&mut l.store, who(&l.sup2), id, "Paid to the wrong landlord", now())
        .unwrap();
    ledger::void_payment(&mut l.store, who(&l.sup2), pending, "Client moved", now()).unwrap();
    assert_eq!(totals(&l), (0, 0, 100_000));
    assert!(ledger::void_payment(&mut l.store, who(&l.sup2), id, "again", now()).is_err());
    let rows = funds::payments(l.store.conn(), l.sup.agency_id, l.fund, 0, 10).unwrap();
    assert_eq!(rows.len(), 2, "voided payments stay");
    assert!(rows.iter().all(|r| r.status == "void" && r.void_reason.is_some()));
    // Never deleted, never changed.
    assert!(l.store.conn().execute("DELETE FROM payments", []).is_err());
    assert!(l.store.conn().execute("UPDATE payments SET amount_cents = 1", []).is_err());
    assert!(l.store.conn().execute("UPDATE payments SET status = 'approved'", []).is_err());
    // By category and distinct clients count approved payments only.
    let p =
        ledger::request_payment(&mut l.store, who(&l.adv), l.client, &pay(l.fund, 5_000), now())
            .unwrap();
    ledger::approve_payment(&mut l.store, who(&l.sup), p, now()).unwrap();
    assert_eq!(
        funds::by_category(l.store.conn(), l.fund).unwrap(),
        vec![("rent".to_string(), 5_000, 1, 1)]
    );
    assert_eq!(funds::distinct_clients(l.store.conn(), l.fund).unwrap(), 1);
}

#[test]
fn another_agency_cannot_see_or_touch_a_fund() {
    let mut l = ledger(100_000);
    let other = add(&mut l.store, "oscar", Role::Supervisor, "Other Agency");
    assert!(funds::list(l.store.conn(), other.agency_id).unwrap().is_empty());
    let id = ledger::request_payment(&mut l.store, who(&l.adv), l.client, &pay(l.fund, 100), now())
        .unwrap();
    assert!(ledger::approve_payment(&mut l.store, who(&other), id, now()).is_err());
    assert!(
        ledger::request_payment(&mut l.store, who(&other), l.client, &pay(l.fund, 100), now())
            .is_err()
    );
}

#[test]
fn funds_and_past_payments_on_the_command_line() {
    let (db, mut store) = with_admin();
    let sup = add(&mut store, "sara", Role::Supervisor, "Enlace Comunitario");
    let mut raw = client::defaults();
    raw.insert("chosen_name".into(), "RM".into());
    raw.insert("age".into(), "29".into());
    let c = Client::from_raw(&raw, &RuntimeOptions::new(), day("2024-11-01")).unwrap();
    casework::save_client(
        &mut store,
        who(&sup),
        None,
        &c,
        day("2024-11-01"),
        Also::default(),
        now(),
    )
    .unwrap();
    // As a client import leaves it: the reference of the case in an earlier system.
    store.conn().execute("UPDATE clients SET external_ref = 'CASE-7'", []).unwrap();
    drop(store);
    let args = [
        "fund",
        "add",
        "--name",
        "VOCA FFY25",
        "--source",
        "voca",
        "--fy",
        "2025",
        "--fy-kind",
        "federal",
        "--amount",
        "2,000",
        "--categories",
        "rent,travel",
        "--user",
        "sara",
    ];
    let out = run_intake(&db, &args, "");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("payments.csv");
    // Row 3 would take the fund past its amount (counting row 2); row 4 names no fund of ours.
    std::fs::write(
        &file,
        "fund,client,category,amount,paid_on,payee,purpose\n\
         VOCA FFY25,CASE-7,rent,1500,2025-01-05,Landlord,January rent\n\
         VOCA FFY25,#1,travel,600,2025-02-01,Bus line,Tickets\n\
         Nope,CASE-7,rent,10,2025-02-01,X,\n\
         VOCA FFY25,CASE-7,rent,10,2025-10-01,X,\n",
    )
    .unwrap();
    let path = file.to_str().unwrap();
    let out = run_intake(&db, &["payment", "import", path, "--user", "ana"], "");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success());
    assert!(err.contains("Problems found: 3."), "{err}");
    assert!(err.contains("row 3, column amount") && err.contains("$500.00"), "{err}");
    assert!(err.contains("row 4, column fund"), "{err}");
    assert!(err.contains("row 5, column paid_on"), "{err}");
    std::fs::write(
        &file,
        "fund,client,category,amount,paid_on,payee,purpose\n\
         VOCA FFY25,CASE-7,rent,1500,2025-01-05,Landlord,January rent\n\
         VOCA FFY25,#1,travel,500,2025-02-01,Bus line,=HYPERLINK(\"x\")\n",
    )
    .unwrap();
    // Only an administrator imports.
    let out = run_intake(&db, &["payment", "import", path, "--user", "sara"], "");
    assert!(!out.status.success());
    let out = run_intake(&db, &["payment", "import", path, "--user", "ana"], "");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let out = run_intake(&db, &["fund", "list", "--user", "sara", "--format", "json"], "");
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v[0]["paid_cents"], 200_000);
    assert_eq!(v[0]["remaining_cents"], 0);
    assert_eq!(v[0]["from"], "2024-10-01");
    let store = db.open();
    let events = audit_events(&store);
    let imported = events.iter().filter(|(e, o)| e == "payment_import" && o == "ok").count();
    assert_eq!(imported, 2);
    assert!(
        events.iter().any(|(e, o)| e == "payment_import" && o == "denied"),
        "the refusal is kept"
    );
}
