//! The VOCA PMT report and OVC's trafficking measures: each figure's definition on records spread over two federal fiscal
//! years (a person new in both, the 1 October boundary, multiple races, a 60-year-old, an age
//! that grows after intake, a record older than the new questions), and every figure's
//! records adding up to the figure.

mod common;

use common::records::*;
use common::*;
use intake::domain::staff::Role;
use intake::i18n::Lang;
use intake::service::reports::{self, Kind, Period, Report};
use intake::store::Store;
use intake::store::users::User;

struct World {
    db: TestDb,
    store: Store,
    sup: User,
}

fn world() -> World {
    let (db, mut store) = with_admin();
    let sup = add(&mut store, "sara", Role::Supervisor, "Enlace Comunitario");
    let adv = add(&mut store, "bea", Role::Advocate, "Enlace Comunitario");
    let other = add(&mut store, "oscar", Role::Advocate, "Other Agency");
    let s = &mut store;
    // P1: taken in on 20 September 2025 (FFY2025), served again on 5 October (FFY2026) and in
    // January: new in both years, once each.
    // Asked the new questions, nothing applies (as the console's form saves it).
    let asked = [("victimizations", ""), ("classifications", "")];
    let p1 = person(
        s,
        &adv,
        "2025-09-20",
        &[("age", "30"), ("gender", "man"), ("family_served", "2"), asked[0], asked[1]],
    );
    service(s, &adv, p1, "cash_food", "2025-10-05");
    service(s, &adv, p1, "case_management", "2026-01-10");
    // P2: taken in on the first day of FFY2026; two races; 59 that day.
    let p2 = person(
        s,
        &adv,
        "2025-10-01",
        &[
            ("birth_date", "1965-11-15"),
            ("gender", "woman"),
            ("race", "white;hispanic_latino"),
            ("trafficking_type", "sex"),
            ("victimizations", "domestic_family_violence"),
            ("classifications", "lgbtq"),
            ("disability", "yes"),
            ("family_served", "1"),
            ("referral_source", "law_enforcement_federal"),
        ],
    );
    service(s, &adv, p2, "police_interview_case", "2025-11-01");
    service(s, &adv, p2, "police_interview_accompaniment", "2025-11-01");
    // P3: 60 on the day of intake.
    person(
        s,
        &adv,
        "2025-10-01",
        &[
            ("birth_date", "1965-10-01"),
            ("gender", "transgender_man"),
            ("race", "american_indian"),
            ("trafficking_type", "both"),
            ("interpreter", "yes"),
            ("referral_source", "law_enforcement_local"),
            asked[0],
            asked[1],
        ],
    );
    // P3's case was closed before closing was coded.
    s.conn()
        .execute(
            "INSERT INTO client_status (client_id, status, reason, on_date, changed_by, changed_at)
             SELECT id, 'closed', 'moved', '2025-11-20', created_by, '2025-11-20T17:00:00Z'
             FROM clients WHERE intake_on = '2025-10-01' AND birth_date = '1965-10-01'",
            [],
        )
        .unwrap();
    // P4: 12 when taken in (FFY2024), 13 when served in FFY2026.
    let p4 = person(
        s,
        &adv,
        "2024-06-01",
        &[
            ("age", "12"),
            ("gender", "nonbinary"),
            ("race", "asian"),
            ("trafficking_type", "labour"),
            ("classifications", "declined"),
            ("citizenship", "foreign_national"),
        ],
    );
    let close: intake::domain::record::Raw = [
        ("status", "closed"),
        ("on", "2025-12-15"),
        ("closure_reason", "goals_met"),
        ("living_situation", "own_housing"),
    ]
    .iter()
    .map(|(k, v)| (k.to_string(), v.to_string()))
    .collect();
    let close = intake::domain::client::StatusChange::from_raw(&close).unwrap();
    intake::service::casework::set_status(s, who(&adv), p4, &close, now()).unwrap();
    // Immigration relief: two T visa applications and a Continued Presence request in the
    // quarter, a T visa granted after it.
    for (client, kind, on) in [
        (p4, "cp_requested", "2025-10-20"),
        (p4, "t_visa_applied", "2025-11-05"),
        (p2, "t_visa_applied", "2025-12-01"),
        (p4, "t_visa_granted", "2026-02-01"),
    ] {
        let raw: intake::domain::record::Raw = [("kind", kind), ("on", on)]
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        let step = intake::domain::client::ReliefStep::from_raw(&raw).unwrap();
        intake::service::casework::add_relief(s, who(&adv), client, &step, now()).unwrap();
    }
    service(s, &adv, p4, "immigration_help", "2025-12-01");
    service(s, &adv, p4, "legal", "2025-12-01");
    // P5: a record from before the new questions, with an age range that straddles 60.
    let p5 =
        person(s, &adv, "2025-11-01", &[("age_range", "60_plus"), ("trafficking_type", "sex")]);
    s.conn()
        .execute(
            "UPDATE clients SET age_range = '50_plus', victimizations = NULL,
                 classifications = NULL WHERE id = ?1",
            [p5.0],
        )
        .unwrap();
    // P6: the last day of FFY2025 only.
    person(s, &adv, "2025-09-30", &[("age", "40")]);
    // Another agency's client is never counted.
    let theirs = person(s, &other, "2025-10-02", &[("age", "30")]);
    service(s, &other, theirs, "crisis_intervention", "2025-10-03");
    // Contacts: one anonymous possible victim; a professional and a contact that became a
    // client record are not anonymous contacts.
    call(s, &adv, "2025-10-10 09:00", &[]);
    call(s, &adv, "2025-10-11 09:00", &[("caller_type", "professional")]);
    let linked = call(s, &adv, "2025-10-12 09:00", &[]);
    s.conn().execute("UPDATE contacts SET client_id = ?1 WHERE id = ?2", [p1.0, linked.0]).unwrap();
    World { db, store, sup }
}

fn build(w: &World, p: Period) -> Report {
    reports::build(w.store.conn(), &w.sup, Kind::Voca, p, Lang::En).unwrap()
}

fn measures(w: &World, p: Period) -> Report {
    reports::build(w.store.conn(), &w.sup, Kind::Trafficking, p, Lang::En).unwrap()
}

fn n(r: &Report, section: &str, key: &str) -> i64 {
    let s = r.sections.iter().find(|s| s.key == section).unwrap_or_else(|| panic!("{section}"));
    s.figures.iter().find(|f| f.key == key).unwrap_or_else(|| panic!("{section}.{key}")).n
}

fn quarter(y: i16, q: i8) -> Period {
    Period::quarter(y, true, q).unwrap()
}

#[test]
fn voca_counts_people_once_per_federal_year_with_the_new_ones_demographics() {
    let w = world();
    let r = build(&w, quarter(2026, 1));
    assert_eq!(n(&r, "totals", "served"), 5, "P1-P5; P6 was last seen on 30 September");
    assert_eq!(n(&r, "totals", "new"), 5, "P1 is new again in a new fiscal year");
    assert_eq!(n(&r, "totals", "anonymous"), 1);
    // Race: two races count once, under multiple races.
    assert_eq!(n(&r, "race", "multiple"), 1);
    assert_eq!(n(&r, "race", "white"), 0);
    assert_eq!(n(&r, "race", "american_indian"), 1);
    assert_eq!(n(&r, "race", "asian"), 1);
    assert_eq!(n(&r, "race", "not_reported"), 2);
    assert_eq!(n(&r, "gender", "male"), 2, "a man and a transgender man");
    assert_eq!(n(&r, "gender", "female"), 1);
    assert_eq!(n(&r, "gender", "other"), 1);
    assert_eq!(n(&r, "gender", "not_reported"), 1);
    assert_eq!(n(&r, "age", "25_59"), 2, "30, and 59 the day before turning 60");
    assert_eq!(n(&r, "age", "60_plus"), 1, "60 on the day");
    assert_eq!(n(&r, "age", "13_17"), 1, "12 at intake, 13 when served this year");
    assert_eq!(n(&r, "age", "0_12"), 0);
    assert_eq!(n(&r, "age", "not_tracked"), 1, "50 or older straddles the PMT's cut point");
    // Victimizations of everyone served: trafficking types come from the trafficking type.
    assert_eq!(n(&r, "victimization", "trafficking_sex"), 3);
    assert_eq!(n(&r, "victimization", "trafficking_labor"), 2);
    assert_eq!(n(&r, "victimization", "domestic_family_violence"), 1);
    assert_eq!(n(&r, "victimization", "multiple"), 2);
    assert_eq!(n(&r, "victimization", "none"), 1);
    assert_eq!(n(&r, "classification", "lgbtq"), 1);
    assert_eq!(n(&r, "classification", "disability"), 1, "disability: yes");
    assert_eq!(n(&r, "classification", "limited_english"), 1, "an interpreter needed");
    assert_eq!(n(&r, "classification", "not_reported"), 1);
    assert_eq!(n(&r, "classification", "not_tracked"), 1);
    // Services: individuals per family, times per item, each item in its own family.
    assert_eq!(n(&r, "family_a", "individuals"), 0);
    assert_eq!(n(&r, "family_b", "individuals"), 2);
    assert_eq!(n(&r, "family_c", "individuals"), 1, "cash and food is emergency financial help");
    assert_eq!(n(&r, "family_e", "individuals"), 2);
    for (family, item, times) in [
        ("family_b", "B3", 1),
        ("family_b", "B6", 1),
        ("family_b", "B10", 0),
        ("family_c", "C7", 1),
        ("family_c", "C1", 0),
        ("family_e", "E9", 1),
        ("family_e", "E11", 1),
    ] {
        assert_eq!(n(&r, family, item), times, "{item}");
    }
    let items: usize = r
        .sections
        .iter()
        .filter(|s| s.key.starts_with("family_"))
        .map(|s| s.figures.len() - 1)
        .sum();
    assert_eq!(items, 35, "every PMT service item has its line");
    // The next quarter: P1 again, no longer new.
    let q2 = build(&w, quarter(2026, 2));
    assert_eq!((n(&q2, "totals", "served"), n(&q2, "totals", "new")), (1, 0));
    assert_eq!(n(&q2, "family_b", "B4"), 1);
    // The year before: P1 and P6 are new in it.
    let fy25 = build(&w, Period::fiscal_year(2025, true).unwrap());
    assert_eq!((n(&fy25, "totals", "served"), n(&fy25, "totals", "new")), (2, 2));
}

#[test]
fn every_voca_figure_opens_to_as_many_records_as_it_counts() {
    let w = world();
    for p in [quarter(2026, 1), quarter(2026, 2), Period::fiscal_year(2026, true).unwrap()] {
        for r in [build(&w, p), measures(&w, p)] {
            for s in &r.sections {
                // Family members are a sum over clients; training and outreach count events
                // and the people they reached, no record of a person served.
                let events = ["training", "training_audience", "outreach", "outreach_audience"];
                if events.contains(&s.key) {
                    assert!(s.figures.iter().all(|f| f.drill.is_none() && f.n == 0));
                    continue;
                }
                for f in s.figures.iter().filter(|f| f.key != "family_served") {
                    let d = f.drill.as_ref().unwrap();
                    let ids = reports::drill_page(w.store.conn(), d, 0, 1000).unwrap();
                    assert_eq!(ids.len() as i64, f.n, "{}.{} over {p:?}", s.key, f.key);
                }
            }
        }
    }
}

#[test]
fn trafficking_measures_count_clients_services_and_closures_as_ovc_asks() {
    let w = world();
    let r = measures(&w, quarter(2026, 1));
    for (section, key, n) in [
        ("totals", "served", 5),
        ("totals", "new", 3),
        ("totals", "continuing", 2),
        ("totals", "family_served", 3),
        ("age", "minor", 1),
        ("age", "adult", 4),
        ("trafficking_type", "sex", 2),
        ("trafficking_type", "both", 1),
        ("trafficking_type", "labour", 1),
        ("trafficking_type", "undetermined", 1),
        ("gender", "transgender_man", 1),
        ("citizenship", "foreign_national", 1),
        ("citizenship", "not_reported", 4),
        ("referral_source", "law_enforcement_federal", 1),
        ("referral_source", "law_enforcement_local", 1),
        ("services", "cash_food", 1),
        ("services", "immigration_help", 1),
        ("closure_reason", "goals_met", 1),
        ("closure_reason", "not_reported", 1),
        ("living_situation", "own_housing", 1),
        ("living_situation", "not_reported", 1),
        ("relief", "t_visa_applied", 2),
        ("relief", "cp_requested", 1),
        ("relief", "t_visa_granted", 0),
    ] {
        assert_eq!(n_of(&r, section, key), n, "{section}.{key}");
    }
    let family = r.sections[0].figures.iter().find(|f| f.key == "family_served").unwrap();
    let with_family = reports::drill_page(w.store.conn(), family.drill.as_ref().unwrap(), 0, 10);
    assert_eq!(with_family.unwrap().len(), 2, "the two clients with family members served");
}

fn n_of(r: &Report, section: &str, key: &str) -> i64 {
    let s = r.sections.iter().find(|s| s.key == section).unwrap_or_else(|| panic!("{section}"));
    s.figures.iter().find(|f| f.key == key).map_or(0, |f| f.n)
}

#[test]
fn a_voca_period_crossing_1_october_is_refused_with_a_message() {
    let w = world();
    let state = Period::fiscal_year(2026, false).unwrap();
    let e = reports::build(w.store.conn(), &w.sup, Kind::Voca, state, Lang::En).unwrap_err();
    assert!(e.to_string().contains("crosses 1 October"), "{e}");
}

#[test]
fn the_command_line_reads_a_federal_year_and_explains_the_mapping() {
    let w = world();
    let out = run_intake(
        &w.db,
        &["report", "voca", "--fy", "2026", "--quarter", "1", "--user", "sara"],
        "",
    );
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{text} {}", String::from_utf8_lossy(&out.stderr));
    assert!(
        text.contains("2025-10-01") && text.contains("2025-12-31"),
        "a federal quarter: {text}"
    );
    assert!(text.contains("Multiple races"), "{text}");
    let out =
        run_intake(&w.db, &["report", "voca", "--explain", "--user", "sara", "--lang", "es"], "");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success());
    let c7 = text.find("C7 Asistencia económica de emergencia").expect("C7 listed");
    let cash = text.find("cash_food").expect("cash_food listed");
    let d1 = text.find("D1 ").unwrap();
    assert!(c7 < cash && cash < d1, "cash and food under C7: {text}");
    assert!(!text.contains("(ningún código de intake se cuenta aquí)\n  B"), "{text}");
    // "all" over a state year leaves the VOCA report out rather than failing.
    let out = run_intake(&w.db, &["report", "all", "--fy", "2026", "--user", "sara"], "");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(!String::from_utf8_lossy(&out.stdout).contains("VOCA PMT"));
}
