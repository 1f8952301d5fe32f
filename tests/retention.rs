//! Retention and purge on a generated ten-year database: every report figure for every past
//! period is the same before and after a purge, and the purged text is gone from the file.

mod common;

use common::*;
use intake::auth::{Actor, accounts};
use intake::cli::report::{Format, render};
use intake::domain::contact::{self, Contact};
use intake::domain::report::{Kind, Period};
use intake::domain::staff::Role;
use intake::domain::tip::{self, Tip};
use intake::i18n::Lang;
use intake::service::hotline::{self, Who};
use intake::store::retention::{self, Keep};
use intake::store::users::User;
use intake::store::{Store, check};
use jiff::Timestamp;

fn now() -> Timestamp {
    "2026-11-28T20:00:00Z".parse().unwrap()
}

fn who(u: &User) -> Who<'_> {
    Who { user: u, session_id: None }
}

const CHANNELS: [&str; 3] = ["call", "text", "chat"];
const LANGS: [&str; 3] = ["english", "spanish", "navajo"];

/// Ten years of contacts (one a fortnight, some edited) and tips (one a month), each with a
/// canary in every text field a purge must remove. Returns the canaries by the local day of
/// their record.
fn ten_years(store: &mut Store, u: &User) -> Vec<(String, String)> {
    let mut canaries = Vec::new();
    let start: jiff::civil::Date = "2016-12-01".parse().unwrap();
    for i in 0..260 {
        let day = start.checked_add(jiff::Span::new().days(i * 14)).unwrap();
        let at = format!("{day} {:02}:30", 6 + (i % 15));
        let mut r = contact::defaults(now());
        r.insert("started_at".into(), at.clone());
        r.insert(
            "caller_type".into(),
            ["possible_victim", "community", "anonymous"][i as usize % 3].into(),
        );
        r.insert("channel".into(), CHANNELS[i as usize % 3].into());
        r.insert("language".into(), LANGS[i as usize % 3].into());
        r.insert("caller_id".into(), format!("50555501{:02}", i % 40));
        let note = format!("CANARYNOTE{i:04}");
        r.insert("notes".into(), note.clone());
        r.insert("outcomes".into(), "referral".into());
        canaries.push((day.to_string(), note));
        let c = Contact::from_raw(&r).unwrap();
        let id = hotline::save_contact(store, who(u), None, &c, now()).unwrap();
        if i % 5 == 0 {
            // An edit: the first note is now only in the contact's history.
            let edited = format!("CANARYEDIT{i:04}");
            r.insert("notes".into(), edited.clone());
            canaries.push((day.to_string(), edited));
            let c = Contact::from_raw(&r).unwrap();
            hotline::save_contact(store, who(u), Some(id), &c, now()).unwrap();
        }
    }
    for i in 0..120 {
        let day = start.checked_add(jiff::Span::new().months(i)).unwrap();
        let mut r = tip::defaults(now());
        r.insert("received_at".into(), format!("{day} 10:00"));
        r.insert("source".into(), ["public", "nhth", "cyfd"][i as usize % 3].into());
        r.insert(
            "category".into(),
            ["adult_labour_trafficking", "child_sex_trafficking"][i as usize % 2].into(),
        );
        let note = format!("CANARYTIP{i:04}");
        r.insert("notes".into(), note.clone());
        canaries.push((day.to_string(), note));
        let runtime = hotline::tip_options(store, u).unwrap();
        let t = Tip::from_raw(&r, &runtime).unwrap();
        hotline::save_tip(store, who(u), None, &t, now()).unwrap();
    }
    canaries
}

/// Every hotline and tips report, for each state and federal fiscal year and quarter of the
/// ten, as the command line prints it.
fn every_report(store: &Store, u: &User) -> Vec<String> {
    let mut out = Vec::new();
    for year in 2017..=2027 {
        for federal in [false, true] {
            let mut periods = vec![Period::fiscal_year(year, federal).unwrap()];
            periods.extend((1..=4).map(|q| Period::quarter(year, federal, q).unwrap()));
            for p in periods {
                for kind in [Kind::Hotline, Kind::Tips] {
                    let r = intake::service::reports::build(store.conn(), u, kind, p, Lang::En)
                        .unwrap();
                    out.push(render(&r, Format::Csv, false, Lang::En).unwrap());
                }
            }
        }
    }
    out
}

#[test]
fn a_purge_changes_no_report_figure_and_leaves_no_purged_text_in_the_file() {
    let (db, mut store) = with_admin();
    accounts::add_user(
        &mut store,
        Actor::CLI,
        CHEAP,
        &account("sara", "Sara", Role::Supervisor, "Enlace Comunitario", "470193"),
        now(),
    )
    .unwrap();
    let sara = accounts::find_user(&store, "sara").unwrap();
    let canaries = ten_years(&mut store, &sara);
    // A draft left for two months, and one from this morning.
    store
        .write(|tx| {
            tx.execute(
                "INSERT INTO drafts (user_id, form, payload, updated_at)
                 VALUES (?1, 'contact', '{\"notes\":\"CANARYDRAFTOLD\"}', '2026-09-01T12:00:00Z'),
                        (?1, 'tip', '{\"notes\":\"CANARYDRAFTNEW\"}', '2026-11-28T15:00:00Z')",
                [sara.id],
            )?;
            Ok(())
        })
        .unwrap();
    let before = every_report(&store, &sara);
    // Three years for contacts and tips, the default 30 days for drafts.
    store
        .write(|tx| {
            retention::set(tx, retention::Kind::Contact, Keep::parse("3y").unwrap(), None, now())?;
            retention::set(tx, retention::Kind::Tip, Keep::parse("36m").unwrap(), None, now())
        })
        .unwrap();
    let due = retention::due(store.conn(), now()).unwrap();
    let cutoff_day = "2023-11-28";
    let old = |d: &str| d < cutoff_day;
    assert_eq!(due.contacts, (0..260).filter(|i| old(&day_of(*i))).count() as i64);
    assert_eq!(due.drafts, 1);
    assert!(due.tips > 70, "{due:?}");

    let purged = retention::purge(&mut store, now()).unwrap();
    assert_eq!(purged.counts, due, "the dry run said what the purge did");
    assert!(purged.log_emptied, "nothing else was reading");
    assert_eq!(retention::due(store.conn(), now()).unwrap().total(), 0, "nothing left due");

    // Every figure of every period is the same, and the rollups still equal a recount.
    assert_eq!(every_report(&store, &sara), before);
    let failed: Vec<_> = check::run(&store).into_iter().filter(|r| !r.ok).collect();
    assert!(failed.is_empty(), "{failed:?}");

    // The purged text is nowhere in the decrypted pages or the log; the kept text is.
    drop(store);
    let pages = decrypted_pages(&db.paths);
    let holds = |t: &str| pages.windows(t.len()).any(|w| w == t.as_bytes());
    let mut kept = 0;
    for (day, canary) in &canaries {
        if old(day) {
            assert!(!holds(canary), "{canary} of {day} survived the purge");
        } else {
            assert!(holds(canary), "{canary} of {day} should be kept (the search works)");
            kept += 1;
        }
    }
    assert!(kept > 50);
    assert!(!holds("CANARYDRAFTOLD"));
    assert!(holds("CANARYDRAFTNEW"));
    let shm = std::fs::read(format!("{}-shm", db.db_path().display())).unwrap_or_default();
    assert!(!shm.windows(10).any(|w| w == b"CANARYNOTE"), "the shared-memory file");
}

fn day_of(i: i64) -> String {
    let start: jiff::civil::Date = "2016-12-01".parse().unwrap();
    start.checked_add(jiff::Span::new().days(i * 14)).unwrap().to_string()
}

#[test]
fn the_policy_reads_and_refuses_bad_times() {
    for (t, ok) in [
        ("7y", true),
        ("18m", true),
        ("30d", true),
        ("0d", false),
        ("101y", false),
        ("7", false),
        ("y", false),
        ("-3y", false),
        ("7w", false),
        ("", false),
    ] {
        assert_eq!(Keep::parse(t).is_some(), ok, "{t}");
    }
    assert_eq!(Keep::parse(" 7Y ").unwrap().text(), "7y");
    // The cutoff is the start of the Denver day: 2023-11-28 00:00 MST is 07:00 UTC.
    assert_eq!(Keep::parse("3y").unwrap().cutoff(now()), "2023-11-28T07:00:00Z");
}

#[test]
fn the_commands_show_set_and_purge_in_one_line_each_and_name_no_one() {
    let (db, mut store) = with_admin();
    let ana = accounts::find_user(&store, "ana").unwrap();
    let mut r = contact::defaults(now());
    r.insert("started_at".into(), "2015-03-02 10:00".into());
    r.insert("caller_type".into(), "possible_victim".into());
    r.insert("notes".into(), "Rosa Quintana called from Gallup".into());
    let c = Contact::from_raw(&r).unwrap();
    hotline::save_contact(&mut store, who(&ana), None, &c, now()).unwrap();
    drop(store);
    let run = |args: &[&str]| {
        let o = run_intake(&db, args, "");
        let text =
            format!("{}{}", String::from_utf8_lossy(&o.stdout), String::from_utf8_lossy(&o.stderr));
        (o.status.success(), text)
    };
    let (ok, shown) = run(&["retention", "show"]);
    assert!(ok, "{shown}");
    assert!(
        shown.contains("Hotline contacts") && shown.contains("7y") && shown.contains("(default)"),
        "{shown}"
    );
    let (ok, said) = run(&["retention", "set", "contact", "forever"]);
    assert!(!ok);
    assert!(said.contains("\"forever\" is not a length of time"), "{said}");
    let (ok, said) = run(&["retention", "set", "clients", "3y"]);
    assert!(!ok);
    assert!(said.contains("Unknown kind of record"), "{said}");
    let (ok, said) = run(&["retention", "set", "contact", "10y"]);
    assert!(ok, "{said}");
    assert!(said.contains("Hotline contacts now keep their text for 10 years."), "{said}");
    let (_, shown) = run(&["retention", "show"]);
    assert!(shown.contains("10y") && shown.contains("10 years"), "{shown}");
    let (ok, said) = run(&["purge", "--dry-run"]);
    assert!(ok, "{said}");
    assert!(said.contains("Due for purging now: hotline contacts 1, tips 0, drafts 0."), "{said}");
    assert!(!said.contains("Rosa"), "a dry run names no one: {said}");
    let (ok, said) = run(&["--lang", "es", "purge"]);
    assert!(ok, "{said}");
    assert_eq!(
        said.trim(),
        "purga correcta: contactos de la línea 1, avisos 0, borradores 0 purgados"
    );
    let store = db.open();
    let notes: String =
        store.conn().query_row("SELECT notes FROM contacts", [], |r| r.get(0)).unwrap();
    assert_eq!(notes, "");
    let events = audit_events(&store);
    for e in ["retention_set", "purge_dry_run", "purge"] {
        assert!(events.iter().any(|(ev, _)| ev == e), "{e} audited: {events:?}");
    }
    let record: String = store
        .conn()
        .query_row("SELECT record_id FROM audit_log WHERE event = 'purge'", [], |r| r.get(0))
        .unwrap();
    assert_eq!(record, "c1 t0 d0", "the purge's counts, in its one audit row");
}
