//! Report filters for what funders ask in one line: one county or tribal nation, one fund, one
//! group of payment categories (direct assistance apart from civil legal), and one agency's
//! part of the task force's figures; a filter a report cannot apply is refused with a message,
//! and names that match nothing are quoted escaped.

mod common;

use common::records::*;
use common::*;
use intake::domain::fund::{Fund, Payment};
use intake::domain::ids::{ClientId, FundId};
use intake::domain::report::{Filter, Value};
use intake::domain::staff::Role;
use intake::i18n::Lang;
use intake::service::ledger;
use intake::service::reports::{self, Kind, Period, Report};
use intake::store::Store;
use intake::store::users::User;

fn text(out: &std::process::Output) -> String {
    format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr))
}

fn fund(name: &str) -> Fund {
    Fund {
        name: name.into(),
        source: "state".into(),
        from: day("2026-07-01"),
        to: day("2027-06-30"),
        amount_cents: 10_000_000,
        categories: vec!["rent".into(), "travel".into(), "civil_legal".into()],
    }
}

/// A payment requested by the advocate and approved by the supervisor.
fn paid(s: &mut Store, (adv, sup): (&User, &User), to: ClientId, f: FundId, cat: &str, c: i64) {
    let p = Payment {
        fund_id: f,
        category: cat.into(),
        amount_cents: c,
        paid_on: day("2026-11-20"),
        payee: "Landlord".into(),
        purpose: String::new(),
    };
    let id = ledger::request_payment(s, who(adv), to, &p, now()).unwrap();
    ledger::approve_payment(s, who(sup), id, now()).unwrap();
}

struct World {
    db: TestDb,
    store: Store,
    sup: User,
}

/// Enlace: two clients in Bernalillo County, one on the Navajo Nation; payments from two
/// funds, rent and travel (direct assistance) and civil legal. The shelter: a client in
/// Bernalillo County.
fn world() -> World {
    let (db, mut store) = with_admin();
    let sup = add(&mut store, "sara", Role::Supervisor, "Enlace Comunitario");
    let adv = add(&mut store, "bea", Role::Advocate, "Enlace Comunitario");
    let zoe = add(&mut store, "zoe", Role::Advocate, "Casa Shelter");
    let s = &mut store;
    let age = ("age", "30");
    let abq1 = person(s, &adv, "2026-10-02", &[age, ("area", "Bernalillo County")]);
    let abq2 = person(s, &adv, "2026-10-03", &[age, ("area", "Bernalillo County")]);
    let navajo = person(s, &adv, "2026-10-04", &[age, ("area", "Navajo Nation")]);
    person(s, &zoe, "2026-10-05", &[age, ("area", "Bernalillo County")]);
    service(s, &adv, navajo, "case_management", "2026-11-02");
    let state = ledger::add_fund(s, who(&sup), &fund("State fund FY27"), now()).unwrap();
    let voca = ledger::add_fund(s, who(&sup), &fund("VOCA FY27"), now()).unwrap();
    let both = (&adv, &sup);
    paid(s, both, abq1, state, "rent", 50_000);
    paid(s, both, abq2, state, "travel", 7_500);
    paid(s, both, navajo, state, "civil_legal", 120_000);
    paid(s, both, navajo, voca, "rent", 30_000);
    World { db, store, sup }
}

fn build(w: &World, kind: Kind, f: &Filter) -> Report {
    let fy = Period::fiscal_year(2027, false).unwrap();
    reports::build_filtered(w.store.conn(), &w.sup, kind, fy, f, Lang::En).unwrap()
}

fn value(r: &Report, section: &str, key: &str) -> i64 {
    let s = r.sections.iter().find(|s| s.key == section).unwrap_or_else(|| panic!("{section}"));
    match s.figures.iter().find(|f| f.key == key).map(|f| &f.value) {
        Some(Value::Count(n)) | Some(Value::Cents(n)) => *n,
        _ => 0,
    }
}

#[test]
fn a_county_a_fund_and_a_payment_group_narrow_the_figures_and_their_records() {
    let w = world();
    let area = |a: &str| Filter { area: Some(a.into()), ..Filter::default() };
    // People served: the agency's three, two of them in Bernalillo County.
    assert_eq!(value(&build(&w, Kind::Clients, &Filter::default()), "totals", "served"), 3);
    let abq = build(&w, Kind::Clients, &area("Bernalillo County"));
    assert_eq!(value(&abq, "totals", "served"), 2, "the shelter's client is not Enlace's");
    let records = abq.sections[0].figures[0].drill.as_ref().unwrap();
    assert_eq!(reports::drill_page(w.store.conn(), records, 0, 10).unwrap().len(), 2);
    // Services and the trafficking measures follow the client's county or nation.
    assert_eq!(
        value(&build(&w, Kind::Services, &area("Bernalillo County")), "totals", "services"),
        0
    );
    assert_eq!(value(&build(&w, Kind::Services, &area("Navajo Nation")), "totals", "services"), 1);
    assert_eq!(value(&build(&w, Kind::Trafficking, &area("Navajo Nation")), "totals", "served"), 1);
    // Funds paid: by the client's area, by fund, by payment group, and all three together.
    let all = build(&w, Kind::Funds, &Filter::default());
    assert_eq!(value(&all, "totals", "paid"), 207_500);
    assert_eq!(value(&build(&w, Kind::Funds, &area("Navajo Nation")), "totals", "paid"), 150_000);
    let state = Filter { fund: Some("State fund FY27".into()), ..Filter::default() };
    assert_eq!(value(&build(&w, Kind::Funds, &state), "totals", "paid"), 177_500);
    let direct = Filter { group: Some("direct_assistance".into()), ..Filter::default() };
    let r = build(&w, Kind::Funds, &direct);
    assert_eq!(value(&r, "totals", "paid"), 87_500);
    assert_eq!(value(&r, "by_category", "civil_legal"), 0, "civil legal is its own group");
    let legal = Filter { group: Some("civil_legal".into()), ..Filter::default() };
    assert_eq!(value(&build(&w, Kind::Funds, &legal), "totals", "paid"), 120_000);
    let narrow = Filter {
        area: Some("Navajo Nation".into()),
        fund: Some("State fund FY27".into()),
        group: Some("direct_assistance".into()),
    };
    assert_eq!(value(&build(&w, Kind::Funds, &narrow), "totals", "paid"), 0);
    // A filter a report cannot apply is refused, not ignored.
    let fy = Period::fiscal_year(2027, false).unwrap();
    let e = reports::build_filtered(w.store.conn(), &w.sup, Kind::Hotline, fy, &state, Lang::En)
        .unwrap_err();
    assert!(e.to_string().contains("funds paid report only"), "{e}");
    let e = reports::build_filtered(
        w.store.conn(),
        &w.sup,
        Kind::Voca,
        fy,
        &area("Navajo Nation"),
        Lang::En,
    )
    .unwrap_err();
    assert!(e.to_string().contains("county or tribal nation"), "{e}");
}

#[test]
fn the_command_line_takes_filters_in_one_line_and_says_what_it_narrowed() {
    let w = world();
    let World { db, store, .. } = w;
    drop(store);
    let run = |args: &[&str]| {
        let mut all = vec!["report"];
        all.extend_from_slice(args);
        all.extend_from_slice(&["--fy", "2027", "--user", "sara"]);
        run_intake(&db, &all, "")
    };
    // "Bernalillo" finds the county; the heading names the filter.
    let out = run(&["funds", "--area", "bernalillo", "--payments", "direct_assistance"]);
    let t = text(&out);
    assert!(out.status.success(), "{t}");
    assert!(t.contains("County or tribal nation: Bernalillo County"), "{t}");
    assert!(t.contains("Payments: Direct assistance"), "{t}");
    assert!(t.contains("$575.00"), "rent 500 and travel 75: {t}");
    // JSON names the filter by its ids.
    let out = run(&["funds", "--fund", "VOCA FY27", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["filter"]["fund"], "VOCA FY27");
    // Names that match nothing are refused, quoted escaped.
    let out = run(&["funds", "--fund", "Nope\u{1b}[2J"]);
    let t = text(&out);
    assert!(!out.status.success() && t.contains("no fund called Nope\\u{1b}[2J"), "{t:?}");
    let out = run(&["clients", "--area", "Atlantis"]);
    assert!(!out.status.success() && text(&out).contains("Atlantis"), "{}", text(&out));
    let out = run(&["funds", "--payments", "bonuses"]);
    assert!(!out.status.success() && text(&out).contains("direct_assistance"), "{}", text(&out));
    let out = run(&["hotline", "--fund", "VOCA FY27"]);
    assert!(!out.status.success() && text(&out).contains("funds paid report only"));
    // `all` with a county: only the reports a county narrows.
    let out = run(&["all", "--area", "Navajo Nation"]);
    let t = text(&out);
    assert!(out.status.success(), "{t}");
    assert!(t.contains("People served") && !t.contains("Hotline"), "{t}");
}

#[test]
fn the_task_force_by_one_agency_is_still_the_shared_view() {
    let w = world();
    let World { db, store, .. } = w;
    drop(store);
    let args = ["report", "clients", "--fy", "2027", "--task-force", "--user", "ana"];
    let whole = text(&run_intake(&db, &args, ""));
    assert!(whole.contains("Enlace Comunitario") && whole.contains("Casa Shelter"), "{whole}");
    let mut one = args.to_vec();
    one.extend(["--agency", "Casa Shelter"]);
    let out = run_intake(&db, &one, "");
    let t = text(&out);
    assert!(out.status.success(), "{t}");
    assert!(t.contains("Casa Shelter") && !t.contains("Enlace Comunitario"), "{t}");
    assert!(t.contains("<11") && !t.contains('#'), "shared view, no records: {t}");
    // An agency that is not there, and --agency without --task-force, are refused.
    let mut none = args.to_vec();
    none.extend(["--agency", "Nobody"]);
    assert!(text(&run_intake(&db, &none, "")).contains("No agency is named \"Nobody\""));
    let out = run_intake(
        &db,
        &["report", "clients", "--fy", "2027", "--agency", "Casa Shelter", "--user", "ana"],
        "",
    );
    assert!(!out.status.success() && text(&out).contains("--task-force"), "{}", text(&out));
}
