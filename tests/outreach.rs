//! The training and outreach log: who may change an event, that an agency sees only its own,
//! that every change is audited, and how OVC's trafficking measures count the events.

mod common;

use common::records::*;
use common::*;
use intake::domain::outreach::Event;
use intake::domain::report::show;
use intake::domain::staff::Role;
use intake::i18n::Lang;
use intake::service::outreach as log;
use intake::service::reports::{self, Kind, Period, Report};
use intake::store::outreach as stored;

fn event(on: &str, kind: &str, audience: &str, reached: &str) -> Event {
    let r = raw(&[("day", on), ("kind", kind), ("audience", audience), ("reached", reached)]);
    Event::from_raw(&r, day("2026-11-28")).unwrap()
}

fn figure(r: &Report, section: &str, key: &str) -> i64 {
    let s = r.sections.iter().find(|s| s.key == section).unwrap_or_else(|| panic!("{section}"));
    let f = s.figures.iter().find(|f| f.key == key).unwrap_or_else(|| panic!("{section}.{key}"));
    match f.value {
        intake::domain::report::Value::Count(n) => n,
        _ => panic!("{section}.{key} is a count"),
    }
}

#[test]
fn the_author_or_a_supervisor_changes_an_event_and_no_agency_sees_anothers() {
    let (_db, mut store) = with_admin();
    let sup = add(&mut store, "sara", Role::Supervisor, "Enlace Comunitario");
    let bea = add(&mut store, "bea", Role::Advocate, "Enlace Comunitario");
    let ivan = add(&mut store, "ivan", Role::Intake, "Enlace Comunitario");
    let oscar = add(&mut store, "oscar", Role::Advocate, "Other Agency");
    let e = event("2026-11-12", "training", "health_care", "35");
    let id = log::add(&mut store, who(&bea), &e, now()).unwrap();
    // A colleague who did not log it may not change or remove it; the supervisor may.
    let changed = event("2026-11-12", "training", "health_care", "38");
    let err = log::edit(&mut store, who(&ivan), id, &changed, now()).unwrap_err();
    assert!(err.to_string().contains("Only the person who logged"), "{err}");
    assert!(log::remove(&mut store, who(&ivan), id).is_err());
    log::edit(&mut store, who(&sup), id, &changed, now()).unwrap();
    // Another agency neither lists it nor reaches it by its number.
    assert!(stored::page(store.conn(), oscar.agency_id, 0, 10).unwrap().is_empty());
    let err = log::remove(&mut store, who(&oscar), id).unwrap_err();
    assert!(err.to_string().contains("no longer in the log"), "{err}");
    let page = stored::page(store.conn(), bea.agency_id, 0, 10).unwrap();
    assert_eq!((page.len(), page[0].event.reached), (1, 38));
    assert_eq!(page[0].logged_by_name, "bea");
    // The author removes it; every change is on the audit log.
    log::remove(&mut store, who(&bea), id).unwrap();
    assert!(stored::page(store.conn(), bea.agency_id, 0, 10).unwrap().is_empty());
    let events: Vec<String> = audit_events(&store).into_iter().map(|(e, _)| e).collect();
    for kind in ["outreach_add", "outreach_edit", "outreach_remove"] {
        assert!(events.iter().any(|e| e == kind), "{kind} in {events:?}");
    }
}

#[test]
fn the_trafficking_measures_count_events_and_people_reached_by_audience() {
    let (_db, mut store) = with_admin();
    let sup = add(&mut store, "sara", Role::Supervisor, "Enlace Comunitario");
    let bea = add(&mut store, "bea", Role::Advocate, "Enlace Comunitario");
    let oscar = add(&mut store, "oscar", Role::Advocate, "Other Agency");
    // Federal FY2027 Q1 is 1 October to 31 December 2026.
    for (u, on, kind, audience, reached) in [
        (&bea, "2026-10-01", "training", "law_enforcement", "20"),
        (&bea, "2026-11-12", "training", "health_care", "35"),
        (&sup, "2026-11-20", "training", "law_enforcement", "5"),
        (&bea, "2026-11-21", "outreach", "community", "300"),
        (&bea, "2026-09-30", "training", "schools", "90"),
        (&oscar, "2026-11-01", "training", "schools", "70"),
    ] {
        log::add(&mut store, who(u), &event(on, kind, audience, reached), now()).unwrap();
    }
    let q1 = Period::quarter(2027, true, 1).unwrap();
    let r = reports::build(store.conn(), &sup, Kind::Trafficking, q1, Lang::En).unwrap();
    assert_eq!(figure(&r, "training", "events"), 3, "30 September and the other agency's are out");
    assert_eq!(figure(&r, "training", "reached"), 60);
    assert_eq!(figure(&r, "training_audience", "law_enforcement"), 25);
    assert_eq!(figure(&r, "training_audience", "health_care"), 35);
    assert_eq!(figure(&r, "training_audience", "schools"), 0, "every audience is listed");
    assert_eq!(figure(&r, "outreach", "events"), 1);
    assert_eq!(figure(&r, "outreach", "reached"), 300);
    assert_eq!(figure(&r, "outreach_audience", "community"), 300);
    // No person served stands behind these, so the shared view shows them whole.
    let s = r.sections.iter().find(|s| s.key == "training").unwrap();
    assert_eq!(show(&s.figures[0], true), "3");
    // The figures are in Spanish too.
    let es = reports::build(store.conn(), &sup, Kind::Trafficking, q1, Lang::Es).unwrap();
    let s = es.sections.iter().find(|s| s.key == "outreach_audience").unwrap();
    assert!(s.figures.iter().any(|f| f.label == "Público en general"));
}

#[test]
fn the_task_force_shows_events_whole_and_people_served_hidden() {
    let (db, mut store) = with_admin();
    let bea = add(&mut store, "bea", Role::Advocate, "Enlace Comunitario");
    let zoe = add(&mut store, "zoe", Role::Advocate, "Casa Shelter");
    add(&mut store, "rita", Role::Supervisor, "Casa Shelter");
    log::add(&mut store, who(&bea), &event("2026-11-12", "training", "schools", "30"), now())
        .unwrap();
    log::add(&mut store, who(&zoe), &event("2026-11-13", "training", "schools", "4"), now())
        .unwrap();
    person(&mut store, &zoe, "2026-11-13", &[("age", "30")]);
    drop(store);
    let args = ["report", "trafficking", "--fy", "2027", "--task-force", "--user", "ana"];
    let out = run_intake(&db, &args, "");
    let t = String::from_utf8_lossy(&out.stdout).to_string();
    assert!(out.status.success(), "{t}");
    let line = |label: &str| t.lines().find(|l| l.trim_start().starts_with(label)).unwrap();
    assert!(line("Events held").ends_with(" 2"), "{t}");
    assert!(line("People reached").ends_with(" 34"), "{t}");
    assert!(line("People served").ends_with(" <11"), "{t}");
    // The same through a shareable file and `combine`.
    let args = ["report", "trafficking", "--fy", "2027", "--format", "json", "--shareable"];
    let file = db.db_path().with_file_name("casa.json");
    let out = run_intake(&db, &[&args[..], &["--user", "rita"]].concat(), "");
    std::fs::write(&file, &out.stdout).unwrap();
    let out = run_intake(&db, &["report", "combine", file.to_str().unwrap(), "--user", "rita"], "");
    let t = String::from_utf8_lossy(&out.stdout).to_string();
    assert!(
        t.lines().any(|l| l.trim_start().starts_with("Events held") && l.ends_with(" 1")),
        "{t}"
    );
}
