//! Reports on a small fixed data set whose figures were counted by hand, for each period kind,
//! with the boundaries that go wrong: 30 June / 1 July, 30 September / 1 October, a leap day,
//! and times near midnight in America/Denver that are the next day in UTC.

mod common;

use common::records::*;
use common::*;
use intake::auth::accounts;
use intake::cli::report::{Format, render};
use intake::domain::contact::{self, Contact};
use intake::domain::fund::{Fund, Payment};
use intake::domain::referral::{Referral, StatusChange};
use intake::domain::staff::Role;
use intake::domain::tip::{self, Tip};
use intake::i18n::Lang;
use intake::service::casework;
use intake::service::hotline;
use intake::service::ledger;
use intake::service::reports::{self, Kind, Period, Report};
use intake::store::Store;
use intake::store::directory::{self, NewService};
use intake::store::referrals::Subject;
use intake::store::users::User;

fn tip_at(store: &mut Store, u: &User, at: &str, source: &str, category: &str) {
    let mut r = tip::defaults(now());
    r.insert("received_at".into(), at.into());
    r.insert("source".into(), source.into());
    r.insert("category".into(), category.into());
    let runtime = hotline::tip_options(store, u).unwrap();
    if let Some((id, _)) = runtime.get("referred_to").and_then(|v| v.first()) {
        r.insert("referred_to".into(), id.clone());
    }
    let t = Tip::from_raw(&r, &runtime).unwrap();
    hotline::save_tip(store, who(u), None, &t, now()).unwrap();
}

struct World {
    _db: TestDb,
    store: Store,
    sup: User,
    contacts: Vec<intake::domain::ids::ContactId>,
}

fn world() -> World {
    let (db, mut store) = with_admin();
    let sup = add(&mut store, "sara", Role::Supervisor, "Enlace Comunitario");
    let sup2 = add(&mut store, "tomas", Role::Supervisor, "Enlace Comunitario");
    let adv = add(&mut store, "bea", Role::Advocate, "Enlace Comunitario");
    let other = add(&mut store, "oscar", Role::Advocate, "Other Agency");
    let s = &mut store;
    // Contacts, local times. State FY2026 runs 2025-07-01 to 2026-06-30.
    let contacts = vec![
        call(
            s,
            &adv,
            "2025-07-01 00:10",
            &[("language", "spanish"), ("outcomes", "referral"), ("caller_id", "5055550101")],
        ),
        call(
            s,
            &adv,
            "2025-10-15 12:00",
            &[
                ("channel", "text"),
                ("caller_type", "community"),
                ("outcomes", "information"),
                ("caller_id", "505-555-0101"),
            ],
        ),
        call(
            s,
            &adv,
            "2026-06-30 23:30",
            &[("direction", "outgoing"), ("caller_type", "professional")],
        ),
        call(s, &adv, "2026-07-01 00:30", &[("channel", "chat"), ("caller_type", "anonymous")]),
        call(s, &adv, "2025-09-30 23:59", &[("caller_type", "family_friend")]),
        call(s, &adv, "2025-10-01 00:00", &[("caller_type", "family_friend")]),
        call(s, &adv, "2024-02-29 23:50", &[]),
        call(s, &adv, "2024-03-01 00:05", &[]),
    ];
    call(s, &other, "2025-12-01 10:00", &[]); // another agency's: never counted here
    // Clients.
    let c1 = person(
        s,
        &adv,
        "2025-06-20",
        &[
            ("age", "30"),
            ("gender", "woman"),
            ("citizenship", "foreign_national"),
            ("race", "hispanic_latino"),
        ],
    );
    let c2 = person(
        s,
        &adv,
        "2025-07-01",
        &[("birth_date", "2008-02-29"), ("gender", "woman"), ("race", "hispanic_latino;white")],
    );
    let c3 = person(s, &adv, "2026-03-01", &[("birth_date", "2008-02-29"), ("gender", "man")]);
    let c4 = person(s, &adv, "2026-07-01", &[("age", "40")]);
    service(s, &adv, c1, "case_management", "2025-08-01");
    service(s, &adv, c2, "legal", "2025-07-02");
    service(s, &adv, c2, "transport", "2026-06-30");
    service(s, &adv, c4, "legal", "2026-07-01");
    // Referrals.
    let (legal, shelter) = s
        .write(|tx| {
            let org = directory::add_organization(tx, "Org", "", None, true, None, now())?;
            let mk = |tx: &rusqlite::Transaction, name: &str, cat: &str| {
                directory::add_service(
                    tx,
                    &NewService {
                        organization_id: org,
                        name: name.into(),
                        categories: vec![cat.into()],
                        ..Default::default()
                    },
                    now(),
                )
            };
            Ok((mk(tx, "Legal", "legal")?, mk(tx, "Beds", "shelter")?))
        })
        .unwrap();
    let refer = |s: &mut Store, to: intake::domain::ids::ServiceId, on: &str| {
        let r = Referral::from_raw(
            &raw(&[("referred_on", on), ("reason", "r"), ("release", "none")]),
            &[],
            &intake::domain::referral::To {
                organization: "Legal".into(),
                law_enforcement: false,
                default_days: 30,
            },
            intake::i18n::Lang::En,
        )
        .unwrap();
        casework::refer(s, who(&adv), Subject::Client(c1), to, &r, now()).unwrap()
    };
    let status = |s: &mut Store, id: intake::domain::ids::ReferralId, st: &str, on: &str| {
        let c =
            StatusChange::from_raw(&raw(&[("status", st), ("on", on), ("reason", "x")])).unwrap();
        casework::referral_status(s, who(&adv), id, &c, now()).unwrap();
    };
    let r1 = refer(s, legal, "2025-08-01");
    status(s, r1, "accepted", "2025-08-04");
    status(s, r1, "completed", "2025-09-01");
    let r2 = refer(s, shelter, "2026-01-10");
    status(s, r2, "accepted", "2026-01-20");
    let r3 = refer(s, legal, "2026-05-05");
    status(s, r3, "declined", "2026-05-06");
    // Tips referred to this agency, and one to another.
    tip_at(s, &adv, "2025-07-15 09:00", "ncmec", "csam");
    tip_at(s, &adv, "2026-06-30 23:00", "public", "adult_labour_trafficking");
    tip_at(s, &adv, "2026-07-01 01:00", "public", "csam");
    tip_at(s, &other, "2025-12-01 09:00", "public", "csam");
    // Payments.
    let f = Fund {
        name: "State FY26".into(),
        source: "state".into(),
        from: day("2025-07-01"),
        to: day("2026-06-30"),
        amount_cents: 1_000_000,
        categories: vec!["rent".into(), "travel".into()],
    };
    let fund = ledger::add_fund(s, who(&sup), &f, now()).unwrap();
    let pay =
        |s: &mut Store, client: intake::domain::ids::ClientId, cat: &str, cents: i64, on: &str| {
            let p = Payment {
                fund_id: fund,
                category: cat.into(),
                amount_cents: cents,
                paid_on: day(on),
                payee: "P".into(),
                purpose: String::new(),
            };
            ledger::request_payment(s, who(&adv), client, &p, now()).unwrap()
        };
    let p1 = pay(s, c1, "rent", 120_000, "2025-08-10");
    let p2 = pay(s, c2, "travel", 30_000, "2026-06-30");
    let _pending = pay(s, c2, "rent", 50_000, "2026-01-01");
    let p4 = pay(s, c3, "rent", 70_000, "2026-04-01");
    for p in [p1, p2, p4] {
        ledger::approve_payment(s, who(&sup2), p, now()).unwrap();
    }
    ledger::void_payment(s, who(&sup2), p4, "wrong", now()).unwrap();
    World { _db: db, store, sup, contacts }
}

fn build(w: &World, kind: Kind, p: Period) -> Report {
    reports::build(w.store.conn(), &w.sup, kind, p, Lang::En).unwrap()
}

/// A figure's value as shown (not shared), by section key and figure key.
fn fig(r: &Report, section: &str, key: &str) -> String {
    let s = r.sections.iter().find(|s| s.key == section).unwrap_or_else(|| panic!("{section}"));
    s.figures
        .iter()
        .find(|f| f.key == key)
        .map(|f| reports::show(f, false))
        .unwrap_or_else(|| "0".into())
}

fn state(y: i16) -> Period {
    Period::fiscal_year(y, false).unwrap()
}

fn federal(y: i16) -> Period {
    Period::fiscal_year(y, true).unwrap()
}

/// The state year, or the federal one for the VOCA report (which covers one at most).
fn year_of(kind: Kind, y: i16) -> Period {
    if kind == Kind::Voca { federal(y) } else { state(y) }
}

#[test]
fn hotline_by_state_and_federal_year_quarter_and_leap_day() {
    let w = world();
    let r = build(&w, Kind::Hotline, state(2026));
    assert_eq!(fig(&r, "totals", "contacts"), "5", "30 June 23:30 in, 1 July 00:30 out");
    assert_eq!(fig(&r, "totals", "unique_individuals"), "4", "one caller twice");
    assert_eq!(fig(&r, "totals", "incoming_call"), "3");
    assert_eq!(fig(&r, "totals", "incoming_text"), "1");
    assert_eq!(fig(&r, "totals", "incoming_chat"), "0");
    assert_eq!((fig(&r, "channel", "call"), fig(&r, "channel", "text")), ("4".into(), "1".into()));
    assert_eq!(
        (fig(&r, "direction", "incoming"), fig(&r, "direction", "outgoing")),
        ("4".into(), "1".into())
    );
    assert_eq!(fig(&r, "caller_type", "family_friend"), "2");
    assert_eq!(
        (fig(&r, "outcome", "referral"), fig(&r, "outcome", "information")),
        ("1".into(), "1".into())
    );
    assert_eq!(
        (fig(&r, "language", "english"), fig(&r, "language", "spanish")),
        ("4".into(), "1".into())
    );
    let months: Vec<(&str, i64)> =
        r.monthly.iter().map(|(m, n)| (m.as_str(), *n)).filter(|x| x.1 > 0).collect();
    assert_eq!(months, vec![("2025-07", 1), ("2025-09", 1), ("2025-10", 2), ("2026-06", 1)]);
    assert_eq!(r.monthly.len(), 12);
    // Federal FY2026: 1 October 00:00 in, 30 September 23:59 out.
    let r = build(&w, Kind::Hotline, federal(2026));
    assert_eq!(fig(&r, "totals", "contacts"), "4");
    let q1 = Period::quarter(2026, true, 1).unwrap();
    assert_eq!((q1.from, q1.to), (day("2025-10-01"), day("2025-12-31")));
    assert_eq!(fig(&build(&w, Kind::Hotline, q1), "totals", "contacts"), "2");
    let q4 = Period::quarter(2026, false, 4).unwrap();
    assert_eq!((q4.from, q4.to), (day("2026-04-01"), day("2026-06-30")));
    assert_eq!(fig(&build(&w, Kind::Hotline, q4), "totals", "contacts"), "1");
    // A leap day: 23:50 in Denver is 1 March in UTC, and still counts on 29 February.
    let leap = Period::range(day("2024-02-29"), day("2024-02-29")).unwrap();
    assert_eq!(fig(&build(&w, Kind::Hotline, leap), "totals", "contacts"), "1");
    // The figure opens to its records.
    let r = build(&w, Kind::Hotline, state(2026));
    let calls = r
        .sections
        .iter()
        .find(|s| s.key == "channel")
        .unwrap()
        .figures
        .iter()
        .find(|f| f.key == "call")
        .unwrap();
    let ids = reports::drill_page(w.store.conn(), calls.drill.as_ref().unwrap(), 0, 50).unwrap();
    let c = &w.contacts;
    assert_eq!(ids, [c[0], c[2], c[4], c[5]].map(i64::from));
}

#[test]
fn people_served_new_continuing_and_age_at_intake_across_a_leap_birthday() {
    let w = world();
    let r = build(&w, Kind::Clients, state(2026));
    assert_eq!(
        fig(&r, "totals", "served"),
        "3",
        "a service in the year counts; the July 1 intake after it does not"
    );
    assert_eq!(fig(&r, "totals", "new"), "2");
    assert_eq!(fig(&r, "totals", "continuing"), "1");
    // Born 29 Feb 2008: 17 on 1 July 2025; 18 on 1 March 2026.
    assert_eq!((fig(&r, "age", "adult"), fig(&r, "age", "minor")), ("2".into(), "1".into()));
    assert_eq!((fig(&r, "gender", "woman"), fig(&r, "gender", "man")), ("2".into(), "1".into()));
    assert_eq!(fig(&r, "citizenship", "foreign_national"), "1");
    assert_eq!(
        (fig(&r, "race", "hispanic_latino"), fig(&r, "race", "white")),
        ("2".into(), "1".into())
    );
    assert_eq!(fig(&r, "trafficking_type", "undetermined"), "3");
    let intakes: Vec<(&str, i64)> =
        r.monthly.iter().map(|(m, n)| (m.as_str(), *n)).filter(|x| x.1 > 0).collect();
    assert_eq!(
        intakes,
        vec![("2025-07", 1), ("2026-03", 1)],
        "the chart counts intakes, not the continuing"
    );
    // Each figure opens to the clients behind it.
    let minors = r
        .sections
        .iter()
        .find(|s| s.key == "age")
        .unwrap()
        .figures
        .iter()
        .find(|f| f.key == "minor")
        .unwrap();
    assert_eq!(
        reports::drill_page(w.store.conn(), minors.drill.as_ref().unwrap(), 0, 10).unwrap().len(),
        1
    );
    let r = build(&w, Kind::Clients, state(2027));
    assert_eq!((fig(&r, "totals", "served"), fig(&r, "totals", "new")), ("1".into(), "1".into()));
}

#[test]
fn services_screenings_referrals_tips_and_funds() {
    let w = world();
    let r = build(&w, Kind::Services, state(2026));
    assert_eq!(
        (fig(&r, "totals", "services"), fig(&r, "totals", "clients")),
        ("3".into(), "2".into())
    );
    assert_eq!(fig(&r, "type", "legal"), "1");
    assert_eq!(fig(&r, "voca_family", "justice_assistance"), "1");
    // Case management is individual advocacy (B4 in data/voca-pmt.toml), as transport is.
    assert_eq!(fig(&r, "voca_family", "personal_advocacy"), "2");
    assert_eq!(fig(&r, "voca_family", "information_referral"), "0");

    let r = build(&w, Kind::Referrals, state(2026));
    assert_eq!(fig(&r, "totals", "made"), "3");
    assert_eq!(fig(&r, "totals", "accepted"), "2");
    assert_eq!(fig(&r, "totals", "completed"), "1");
    assert_eq!(fig(&r, "totals", "declined"), "1");
    assert_eq!(fig(&r, "totals", "median_days_to_acceptance"), "6.5", "3 and 10 days");
    assert_eq!(
        (fig(&r, "made_by_category", "legal"), fig(&r, "made_by_category", "shelter")),
        ("2".into(), "1".into())
    );
    assert_eq!(fig(&r, "accepted_by_category", "legal"), "1");
    assert_eq!(fig(&r, "completed_by_category", "legal"), "1");
    assert_eq!(fig(&r, "completed_by_category", "shelter"), "0");

    let r = build(&w, Kind::Tips, state(2026));
    assert_eq!(
        fig(&r, "totals", "tips"),
        "2",
        "23:00 on 30 June in, 01:00 on 1 July out, others' out"
    );
    assert_eq!((fig(&r, "source", "ncmec"), fig(&r, "source", "public")), ("1".into(), "1".into()));

    let r = build(&w, Kind::Funds, state(2026));
    assert_eq!(fig(&r, "totals", "paid"), "$1,500.00", "pending and void payments are not paid");
    // A fund is named, never numbered: no record id reaches a report.
    assert_eq!(fig(&r, "by_fund", "State FY26"), "$1,500.00");
    assert!(r.sections.iter().flat_map(|s| &s.figures).all(|f| f.key.parse::<i64>().is_err()));
    assert_eq!(
        (fig(&r, "totals", "payments"), fig(&r, "totals", "clients")),
        ("2".into(), "2".into())
    );
    assert_eq!(
        (fig(&r, "by_category", "rent"), fig(&r, "by_category", "travel")),
        ("$1,200.00".into(), "$300.00".into())
    );

    // Clients paid open to the clients.
    let paid = r.sections[0].figures.iter().find(|f| f.key == "clients").unwrap();
    let ids = reports::drill_page(w.store.conn(), paid.drill.as_ref().unwrap(), 0, 10).unwrap();
    assert_eq!((paid.drill.as_ref().unwrap().rec, ids.len()), (reports::Rec::Client, 2));

    let r = build(&w, Kind::Screenings, state(2026));
    assert_eq!(fig(&r, "totals", "screenings"), "0");
}

#[test]
fn shared_output_hides_small_counts_and_is_safe_in_a_spreadsheet() {
    let w = world();
    let r = build(&w, Kind::Hotline, state(2026));
    let table = render(&r, Format::Table, true, Lang::En).unwrap();
    assert!(table.contains("<11") && !table.contains(" 5\n"), "{table}");
    let csv = render(&r, Format::Csv, true, Lang::En).unwrap();
    assert!(csv.lines().all(|l| !l.contains(",=") && !l.contains(",+") && !l.contains(",@")));
    assert!(csv.contains("incoming_chat,Incoming chats,0"), "zero is not suppressed: {csv}");
    let json: serde_json::Value =
        serde_json::from_str(&render(&r, Format::Json, true, Lang::En).unwrap()).unwrap();
    assert_eq!(json["sections"][0]["figures"][0]["value"], "<11");
    let full = render(&r, Format::Table, false, Lang::En).unwrap();
    assert!(!full.contains("<11"));
    // Money resting on few payments is hidden too.
    let r = build(&w, Kind::Funds, state(2026));
    let shared = render(&r, Format::Csv, true, Lang::En).unwrap();
    assert!(!shared.contains("1500.00"), "{shared}");
    // No caller identifiers, ever.
    for kind in Kind::ALL {
        let r = build(&w, kind, year_of(kind, 2026));
        let text = render(&r, Format::Json, false, Lang::En).unwrap();
        assert!(!text.contains("5055550101") && !text.contains("0101"), "{text}");
    }
}

#[test]
fn the_command_line_prints_the_same_figures_for_supervisors_only() {
    let w = world();
    let World { _db: db, store, .. } = w;
    drop(store);
    let out = run_intake(
        &db,
        &[
            "report",
            "hotline",
            "--fy",
            "2026",
            "--fy-kind",
            "state",
            "--format",
            "csv",
            "--user",
            "sara",
        ],
        "",
    );
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.starts_with("report,from,to,section,key,label,value"), "{text}");
    assert!(text.contains("hotline,2025-07-01,2026-06-30,totals,contacts,Contacts,5"), "{text}");
    let out = run_intake(
        &db,
        &[
            "report",
            "all",
            "--from",
            "2025-07-01",
            "--to",
            "2026-06-30",
            "--format",
            "json",
            "--shareable",
            "--user",
            "sara",
        ],
        "",
    );
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    // Every report, as one JSON document: an array with one object per report.
    let all: serde_json::Value = serde_json::from_slice(&out.stdout).expect("one JSON document");
    let names: Vec<&str> =
        all.as_array().unwrap().iter().map(|r| r["report"].as_str().unwrap()).collect();
    assert!(
        names.len() >= 7 && names.contains(&"funds") && names.contains(&"hotline"),
        "{names:?}"
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("<11"));
    let out = run_intake(&db, &["report", "hotline", "--fy", "2026", "--user", "bea"], "");
    assert!(!out.status.success());
    let out = run_intake(
        &db,
        &["report", "hotline", "--fy", "2026", "--from", "2026-01-01", "--user", "sara"],
        "",
    );
    assert!(String::from_utf8_lossy(&out.stderr).contains("--fy"));
}

#[test]
fn a_report_is_refused_to_a_role_that_does_not_see_reports() {
    let mut w = world();
    let adv = add(&mut w.store, "ines", Role::Advocate, "Enlace Comunitario");
    let refused = reports::build(w.store.conn(), &adv, Kind::Hotline, state(2026), Lang::En);
    assert!(
        matches!(refused, Err(intake::Error::User(intake::i18n::Msg::ErrReportsRole, _))),
        "{refused:?}"
    );
}

/// The daily rollups the hotline report reads, against a recount from the contacts.
fn rollups_differ(store: &Store) -> Vec<String> {
    intake::store::rollups::differing_days(store.conn()).unwrap().expect("rollups kept")
}

fn scalar(store: &Store, sql: &str) -> i64 {
    store.conn().query_row(sql, [], |r| r.get(0)).unwrap()
}

#[test]
fn hotline_rollups_equal_a_recount_after_saves_edits_imports_and_deletes() {
    let mut w = world();
    assert!(scalar(&w.store, "SELECT count(*) FROM contact_day_counts") > 10);
    assert!(scalar(&w.store, "SELECT count(*) FROM contact_day_callers") > 0);
    assert_eq!(rollups_differ(&w.store), Vec::<String>::new());

    // An edit moves a call from 1 July (state FY2026) back across the year's first midnight,
    // to a text, another outcome and no caller identifier.
    let bea = accounts::find_user(&w.store, "bea").unwrap();
    let before = build(&w, Kind::Hotline, state(2026));
    let mut r = contact::defaults(now());
    for (k, v) in [
        ("started_at", "2025-06-30 23:50"),
        ("channel", "text"),
        ("caller_type", "community"),
        ("outcomes", "information"),
    ] {
        r.insert(k.into(), v.into());
    }
    let edited = Contact::from_raw(&r).unwrap();
    hotline::save_contact(&mut w.store, who(&bea), Some(w.contacts[0]), &edited, now()).unwrap();
    assert_eq!(rollups_differ(&w.store), Vec::<String>::new());
    let after = build(&w, Kind::Hotline, state(2026));
    let n = |r: &Report, s: &str, k: &str| fig(r, s, k).parse::<i64>().unwrap();
    assert_eq!(n(&after, "totals", "contacts"), n(&before, "totals", "contacts") - 1);
    assert_eq!(n(&after, "language", "spanish"), n(&before, "language", "spanish") - 1);
    assert_eq!(fig(&build(&w, Kind::Hotline, state(2025)), "channel", "text"), "1");

    // An import (another process, as the command line runs), then a purge of one contact.
    let file = w._db.dir.path().join("calls.csv");
    std::fs::write(
        &file,
        "channel,direction,started_at,caller_type,caller_id,language,interpreter,area,trafficking_type,minor,follow_up,outcomes,topics,reported_to,reported_at\n\
         call,incoming,2024-03-10 01:30,possible_victim,505-555-0177,spanish,yes,McKinley County,labour,yes,no,referral;information,shelter;legal,law_enforcement,2024-03-10 04:00\n\
         call,incoming,2024-03-10 03:30,possible_victim,505-555-0177,english,no,unknown,sex,no,no,,shelter,,\n\
         chat,outgoing,2024-11-03 01:30,anonymous,,english,no,unknown,unknown,unknown,no,information,,,\n",
    )
    .unwrap();
    let out =
        run_intake(&w._db, &["contact", "import", file.to_str().unwrap(), "--user", "bea"], "");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(rollups_differ(&w.store), Vec::<String>::new());
    let dst = Period::range(day("2024-03-10"), day("2024-03-10")).unwrap();
    let r = build(&w, Kind::Hotline, dst);
    assert_eq!(fig(&r, "totals", "contacts"), "2", "both calls of the day the clocks change");
    assert_eq!(fig(&r, "totals", "unique_individuals"), "1", "one caller twice");
    assert_eq!(fig(&r, "outcome", "referral"), "1");
    // The new dimensions, counted by the import's catch-up as by the triggers.
    for (section, key, n) in [
        ("area", "McKinley County", "1"),
        ("area", "unknown", "1"),
        ("trafficking_type", "labour", "1"),
        ("trafficking_type", "sex", "1"),
        ("minor", "yes", "1"),
        ("topic", "shelter", "2"),
        ("topic", "legal", "1"),
        ("reported_to", "law_enforcement", "1"),
    ] {
        assert_eq!(fig(&r, section, key), n, "{section} {key}");
    }
    w.store
        .conn()
        .execute("DELETE FROM contacts WHERE id = (SELECT max(id) FROM contacts)", [])
        .unwrap();
    assert_eq!(rollups_differ(&w.store), Vec::<String>::new());
    let fall = Period::range(day("2024-11-03"), day("2024-11-03")).unwrap();
    assert_eq!(fig(&build(&w, Kind::Hotline, fall), "totals", "contacts"), "0");
    assert_eq!(
        scalar(&w.store, "SELECT count(*) FROM contact_day_counts WHERE day = '2024-11-03'"),
        0,
        "a day with nothing left keeps no rows"
    );

    // The whole span, from the rollups, equals a recount from the rows.
    let all = Period::range(day("2014-01-01"), day("2026-12-31")).unwrap();
    let r = build(&w, Kind::Hotline, all);
    let (t0, t1) = all.instants();
    let agency = w.sup.agency_id.0;
    let recount = |sql: &str| -> i64 {
        w.store
            .conn()
            .query_row(
                &format!(
                    "SELECT {sql} FROM contacts WHERE agency_id = ?1 AND started_at >= ?2 AND started_at < ?3"
                ),
                rusqlite::params![agency, t0, t1],
                |r| r.get(0),
            )
            .unwrap()
    };
    assert_eq!(n(&r, "totals", "contacts"), recount("count(*)"));
    assert_eq!(
        n(&r, "totals", "unique_individuals"),
        recount("count(DISTINCT caller_hash) + sum(caller_hash IS NULL)")
    );
    assert_eq!(n(&r, "channel", "call"), recount("sum(channel = 'call')"));
    assert_eq!(
        n(&r, "totals", "incoming_text"),
        recount("sum(channel = 'text' AND direction = 'incoming')")
    );
    let monthly: i64 = r.monthly.iter().map(|(_, n)| n).sum();
    assert_eq!(monthly, recount("count(*)"));

    // A rollup changed behind the triggers' back is found by `intake check`.
    w.store
        .conn()
        .execute("UPDATE contact_day_counts SET n = n + 1 WHERE day = '2024-03-10'", [])
        .unwrap();
    assert_eq!(rollups_differ(&w.store), vec!["2024-03-10".to_string()]);
    let results =
        intake::store::check::run(&w.store, Some(&intake::store::anchor::path(w.store.paths())));
    let rollup = results.iter().find(|c| c.name == intake::i18n::Msg::CheckRollups).unwrap();
    assert!(!rollup.ok);
}

#[test]
fn the_records_behind_a_figure_page_by_record_number_each_once() {
    use intake::store::{Key, Start};
    let w = world();
    let r = build(&w, Kind::Hotline, Period::range(day("2014-01-01"), day("2026-12-31")).unwrap());
    let total = r.sections[0].figures.iter().find(|f| f.key == "contacts").unwrap();
    let drill = total.drill.as_ref().unwrap();
    let all = reports::drill_page(w.store.conn(), drill, 0, 1000).unwrap();
    assert!(all.len() >= 5, "{all:?}");
    let key = |id: i64| Key { at: String::new(), id };
    let mut page = reports::drill_from(w.store.conn(), drill, &Start::Offset(0), 2).unwrap();
    let mut forward = page.clone();
    while let Some(last) = page.last() {
        page = reports::drill_from(w.store.conn(), drill, &Start::After(key(*last)), 2).unwrap();
        forward.extend(&page);
    }
    assert_eq!(forward, all);
    let mut page = vec![*all.last().unwrap()];
    let mut back = page.clone();
    while let Some(first) = page.first() {
        page = reports::drill_from(w.store.conn(), drill, &Start::Before(key(*first)), 2).unwrap();
        back.splice(0..0, page.iter().copied());
    }
    assert_eq!(back, all);
}

/// CSV for a spreadsheet: counts and days as numbers in `value`, money as plain dollars in its
/// own `amount` column, a hidden count only in `suppressed`.
#[test]
fn csv_writes_numbers_as_numbers_and_money_in_its_own_column() {
    let w = world();
    for (shareable, kind) in [(false, Kind::Funds), (true, Kind::Funds), (false, Kind::Referrals)] {
        let r = build(&w, kind, state(2026));
        let text = render(&r, Format::Csv, shareable, Lang::En).unwrap();
        let mut rd = csv::Reader::from_reader(text.as_bytes());
        let head: Vec<String> = rd.headers().unwrap().iter().map(str::to_string).collect();
        assert_eq!(head[6..], ["value", "amount", "suppressed"]);
        let mut money = 0;
        for row in rd.records() {
            let row = row.unwrap();
            let (value, amount, hidden) = (&row[6], &row[7], &row[8]);
            assert!(value.is_empty() || value.parse::<f64>().is_ok(), "{row:?}");
            assert!(!value.contains(',') && !amount.contains(['$', ',']), "{row:?}");
            if !amount.is_empty() {
                assert!(amount.parse::<f64>().is_ok() && value.is_empty(), "{row:?}");
                money += 1;
            }
            if !hidden.is_empty() {
                assert!(shareable && value.is_empty() && amount.is_empty(), "{row:?}");
            }
        }
        if kind == Kind::Funds && !shareable {
            assert!(money > 0, "{text}");
            assert!(text.contains(",1500.00,"), "plain dollars: {text}");
        }
        if shareable {
            assert!(text.contains(",<11"), "{text}");
        }
    }
}

/// HTML for printing: one self-contained page (no script, nothing fetched), a sheet per
/// report; in the shared view a hidden count has no bar and the bars are scaled to what shows.
#[test]
fn html_is_one_self_contained_page_whose_bars_reveal_no_hidden_count() {
    let w = world();
    let r = build(&w, Kind::Hotline, state(2026));
    let full = render(&r, Format::Html, false, Lang::En).unwrap();
    assert!(full.starts_with("<!DOCTYPE html>"), "{full}");
    assert_eq!(full.matches("<html").count(), 1);
    assert!(!full.contains("<script") && !full.contains("http") && !full.contains("src="));
    assert!(full.contains("style=\"width:100%\""), "the largest figure has the full bar");
    assert!(!full.contains("&lt;11"));
    let shared = render(&r, Format::Html, true, Lang::En).unwrap();
    let hidden: Vec<&str> = shared.lines().filter(|l| l.contains("&lt;11")).collect();
    assert!(!hidden.is_empty(), "{shared}");
    for line in &hidden {
        assert!(!line.contains("<div class=\"bar\""), "a bar for a hidden count: {line}");
    }
    assert!(shared.contains("Shared view: counts under 11"));
    // Every report in one page, a section each, in Spanish.
    let all: Vec<_> = Kind::ALL.iter().map(|k| build(&w, *k, year_of(*k, 2026))).collect();
    let page = intake::cli::report_html::page(&all, true, Lang::Es);
    assert_eq!(page.matches("<section>").count(), Kind::ALL.len());
    assert!(page.contains("<html lang=\"es\">"));
    assert_eq!(
        intake::cli::report_html::escape("<b a='x'>&\""),
        "&lt;b a=&#39;x&#39;&gt;&amp;&quot;"
    );
}

/// Tips as NCMEC counts them: travel to meet a child is online enticement in NCMEC's figures
/// and stays its own category in the task force's; the adult categories are no NCMEC type;
/// annotations count beside the category, once each.
#[test]
fn tips_count_ncmec_incident_types_and_annotations() {
    let mut w = world();
    let sup = w.sup.clone();
    let s = &mut w.store;
    for (at, category, annotations) in [
        ("2026-08-01 10:00", "travel_to_meet_child", ""),
        ("2026-08-02 10:00", "enticement", ""),
        ("2026-08-03 10:00", "misleading_words_images", ""),
        ("2026-08-04 10:00", "child_sexual_molestation", "sextortion;planned_meeting"),
        ("2026-08-05 10:00", "adult_sex_trafficking", ""),
    ] {
        let mut r = tip::defaults(now());
        r.insert("received_at".into(), at.into());
        r.insert("source".into(), "ncmec".into());
        r.insert("category".into(), category.into());
        r.insert("annotations".into(), annotations.into());
        let runtime = hotline::tip_options(s, &sup).unwrap();
        if let Some((id, _)) = runtime.get("referred_to").and_then(|v| v.first()) {
            r.insert("referred_to".into(), id.clone());
        }
        let t = Tip::from_raw(&r, &runtime).unwrap();
        hotline::save_tip(s, hotline::Who { user: &sup, session_id: None }, None, &t, now())
            .unwrap();
    }
    let r = build(&w, Kind::Tips, state(2027));
    assert_eq!(fig(&r, "totals", "tips"), "6", "five here and the csam tip of 1 July");
    assert_eq!(fig(&r, "ncmec", "enticement"), "2", "travel to meet a child is enticement");
    assert_eq!(fig(&r, "category", "travel_to_meet_child"), "1", "and still its own category");
    assert_eq!(fig(&r, "ncmec", "misleading_words_images"), "1");
    assert_eq!(fig(&r, "ncmec", "child_sexual_molestation"), "1");
    assert_eq!(fig(&r, "ncmec", "not_ncmec"), "1");
    assert_eq!(fig(&r, "ncmec", "travel_to_meet_child"), "0");
    assert_eq!(
        (fig(&r, "annotations", "sextortion"), fig(&r, "annotations", "planned_meeting")),
        ("1".into(), "1".into())
    );
    for f in r.sections.iter().flat_map(|s| &s.figures) {
        let ids = reports::drill_page(w.store.conn(), f.drill.as_ref().unwrap(), 0, 100).unwrap();
        assert_eq!(ids.len() as i64, f.n, "{}", f.key);
    }
}

/// A law-enforcement supervisor's tips report is their agency's: the tips it logged and those
/// referred to it, not another police agency's, although its officers may work every tip.
#[test]
fn a_law_enforcement_supervisors_tips_report_is_their_agencys() {
    use intake::auth::Actor;
    use intake::domain::staff::AgencyKind;
    let (_db, mut store) = with_admin();
    let mut police = Vec::new();
    for (name, agency) in [("lt", "Albuquerque Police"), ("sgt", "State Police")] {
        let u = add(&mut store, name, Role::Supervisor, agency);
        accounts::set_agency_kind(&mut store, Actor::CLI, u.agency_id, AgencyKind::LawEnforcement)
            .unwrap();
        police.push(accounts::find_user(&store, name).unwrap());
    }
    let period = state(2027);
    for (u, n) in [(&police[0], 3), (&police[1], 1)] {
        for i in 0..n {
            let at = format!("2026-08-0{} 10:00", i + 1);
            tip_at(&mut store, u, &at, "ncmec", "csam");
        }
    }
    for (u, expected) in [(&police[0], 3), (&police[1], 1)] {
        let r = reports::build(store.conn(), u, Kind::Tips, period, Lang::En).unwrap();
        let total = r.sections[0].figures[0].n;
        assert_eq!(total, expected, "{}", u.username);
    }
}
