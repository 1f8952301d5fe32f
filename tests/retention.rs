//! Retention and purge on a generated ten-year database: every report figure for every past
//! period is the same before and after a purge, and the purged text is gone from the file.

mod common;

use common::*;
use intake::auth::{Actor, accounts};
use intake::cli::report::{Format, render};
use intake::domain::client::{self, Client, ServiceEntry, StatusChange};
use intake::domain::contact::{self, Contact};
use intake::domain::fund::{Fund, Payment};
use intake::domain::record::{Raw, RuntimeOptions};
use intake::domain::referral::{self as referral, Referral};
use intake::domain::report::{Kind, Period};
use intake::domain::staff::Role;
use intake::domain::tip::{self, Tip};
use intake::i18n::Lang;
use intake::service::casework::{self, Also};
use intake::service::hotline::{self, Who};
use intake::service::ledger;
use intake::store::directory::{self, NewService};
use intake::store::referrals::Subject;
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

fn raw(pairs: &[(&str, &str)]) -> Raw {
    pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect()
}

fn date(s: &str) -> jiff::civil::Date {
    s.parse().unwrap()
}

/// Ten years of cases, one a season: each with a canary in every text a purge must remove (the
/// names, a case note, a service's notes, a closing reason, a referral's reason and its
/// decline, a payment's payee, purpose and void reason). Most close half a year after intake;
/// every fifth stays open. Births put some clients a day either side of 18 at intake. Returns
/// the canaries with the day their case closed ("open" when it did not).
fn ten_years_of_cases(store: &mut Store, u: &User, approver: &User) -> Vec<(String, String)> {
    let mut canaries = Vec::new();
    let (legal, fund) = {
        let service = store
            .write(|tx| {
                let org = directory::add_organization(tx, "Org", "", None, true, None, now())?;
                directory::add_service(
                    tx,
                    &NewService {
                        organization_id: org,
                        name: "Legal".into(),
                        categories: vec!["legal".into()],
                        ..Default::default()
                    },
                    now(),
                )
            })
            .unwrap();
        let f = Fund {
            name: "Ten years".into(),
            source: "state".into(),
            from: date("2016-07-01"),
            to: date("2027-06-30"),
            amount_cents: 100_000_000,
            categories: vec!["rent".into(), "travel".into()],
        };
        (service, ledger::add_fund(store, who(u), &f, now()).unwrap())
    };
    for i in 0..40i64 {
        let intake_on = date("2017-01-10").checked_add(jiff::Span::new().months(i * 3)).unwrap();
        // Born 18 years before intake, a day either side, or long before.
        let birth = match i % 3 {
            0 => intake_on.checked_sub(jiff::Span::new().years(18)).unwrap(),
            1 => intake_on.checked_sub(jiff::Span::new().years(18)).unwrap().tomorrow().unwrap(),
            _ => intake_on.checked_sub(jiff::Span::new().years(35)).unwrap(),
        };
        let mut r = client::defaults();
        let name = format!("Canaryname{i:03}");
        let legal_name = format!("Canarylegal{i:03}");
        r.insert("chosen_name".into(), name.clone());
        r.insert("legal_name".into(), legal_name.clone());
        r.insert("birth_date".into(), birth.to_string());
        let c = Client::from_raw(&r, &RuntimeOptions::new(), intake_on).unwrap();
        let id = casework::save_client(store, who(u), None, &c, intake_on, Also::default(), now())
            .unwrap();
        let mut texts = vec![name, legal_name];
        let svc = format!("CANARYSVC{i:03}");
        let s = ServiceEntry::from_raw(&raw(&[
            ("service_type", "legal"),
            ("delivered_on", &intake_on.to_string()),
            ("notes", &svc),
        ]))
        .unwrap();
        casework::add_service(store, who(u), id, &s, now()).unwrap();
        texts.push(svc);
        let note = format!("CANARYCASE{i:03}");
        casework::add_note(store, who(u), id, &note, now()).unwrap();
        texts.push(note);
        let reason = format!("CANARYREF{i:03}");
        let rf = Referral::from_raw(
            &raw(&[
                ("referred_on", &intake_on.to_string()),
                ("reason", &reason),
                ("release", "none"),
            ]),
            &[],
            &intake::domain::referral::To {
                organization: "Legal".into(),
                law_enforcement: false,
                default_days: 30,
            },
            intake::i18n::Lang::En,
        )
        .unwrap();
        let rid = casework::refer(store, who(u), Subject::Client(id), legal, &rf, now()).unwrap();
        texts.push(reason);
        let declined = format!("CANARYDECL{i:03}");
        let st = referral::StatusChange::from_raw(&raw(&[
            ("status", "declined"),
            ("on", &intake_on.to_string()),
            ("reason", &declined),
        ]))
        .unwrap();
        casework::referral_status(store, who(u), rid, &st, now()).unwrap();
        texts.push(declined);
        let payee = format!("CANARYPAYEE{i:03}");
        let purpose = format!("CANARYPURP{i:03}");
        let p = Payment {
            fund_id: fund,
            category: ["rent", "travel"][i as usize % 2].into(),
            amount_cents: 10_000 + i * 100,
            paid_on: intake_on,
            payee: payee.clone(),
            purpose: purpose.clone(),
        };
        let pid = ledger::request_payment(store, who(u), id, &p, now()).unwrap();
        ledger::approve_payment(store, who(approver), pid, now()).unwrap();
        texts.extend([payee, purpose]);
        if i % 4 == 0 {
            let why = format!("CANARYVOID{i:03}");
            ledger::void_payment(store, who(approver), pid, &why, now()).unwrap();
            texts.push(why);
        }
        let closed = if i % 5 == 4 {
            "open".to_string()
        } else {
            let on = intake_on.checked_add(jiff::Span::new().months(6)).unwrap();
            let why = format!("CANARYCLOSE{i:03}");
            let ch = StatusChange::from_raw(&raw(&[
                ("status", "closed"),
                ("on", &on.to_string()),
                ("reason", &why),
                ("closure_reason", "goals_met"),
                ("living_situation", "own_housing"),
            ]))
            .unwrap();
            casework::set_status(store, who(u), id, &ch, now()).unwrap();
            texts.push(why);
            on.to_string()
        };
        canaries.extend(texts.into_iter().map(|t| (closed.clone(), t)));
    }
    canaries
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
                for kind in Kind::ALL {
                    // The VOCA report covers one federal fiscal year at most.
                    let crosses = intake::store::reports::voca::fiscal_start(&p).is_err();
                    if kind == Kind::Voca && crosses {
                        continue;
                    }
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
    accounts::add_user(
        &mut store,
        Actor::CLI,
        CHEAP,
        &account("tomas", "Tomás", Role::Supervisor, "Enlace Comunitario", "470193"),
        now(),
    )
    .unwrap();
    let tomas = accounts::find_user(&store, "tomas").unwrap();
    let canaries = ten_years(&mut store, &sara);
    let cases = ten_years_of_cases(&mut store, &sara, &tomas);
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
            retention::set(tx, retention::Kind::Tip, Keep::parse("36m").unwrap(), None, now())?;
            retention::set(tx, retention::Kind::Case, Keep::parse("3y").unwrap(), None, now())
        })
        .unwrap();
    let due = retention::due(store.conn(), now()).unwrap();
    let cutoff_day = "2023-11-28";
    let old = |d: &str| d < cutoff_day;
    assert_eq!(due.contacts, (0..260).filter(|i| old(&day_of(*i))).count() as i64);
    assert_eq!(due.drafts, 1);
    assert!(due.tips > 70, "{due:?}");
    let closed_before = |d: &str| d != "open" && d < cutoff_day;
    let mut due_cases: Vec<&str> =
        cases.iter().filter(|(d, _)| closed_before(d)).map(|(d, _)| d.as_str()).collect();
    due_cases.dedup();
    assert_eq!(due.cases, due_cases.len() as i64, "{due:?}");
    assert!(due.cases > 15);

    let purged = retention::purge(&mut store, now()).unwrap();
    assert_eq!(purged.counts, due, "the dry run said what the purge did");
    assert!(purged.log_emptied, "nothing else was reading");
    assert_eq!(retention::due(store.conn(), now()).unwrap().total(), 0, "nothing left due");

    // Every figure of every period is the same, and the rollups still equal a recount.
    assert_eq!(every_report(&store, &sara), before);
    let failed: Vec<_> = check::run(&store, Some(&intake::store::anchor::path(store.paths())))
        .into_iter()
        .filter(|r| !r.ok)
        .collect();
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
    let mut kept_cases = 0;
    for (closed, canary) in &cases {
        // Names are kept folded in the search index too; look for both spellings.
        let folded = canary.to_lowercase();
        if closed_before(closed) {
            assert!(!holds(canary) && !holds(&folded), "{canary} (closed {closed}) survived");
        } else {
            assert!(holds(canary), "{canary} (closed {closed}) should be kept");
            kept_cases += 1;
        }
    }
    assert!(kept_cases > 40);
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
    assert!(
        said.contains("Due for purging now: hotline contacts 1, tips 0, closed cases 0, drafts 0."),
        "{said}"
    );
    assert!(!said.contains("Rosa"), "a dry run names no one: {said}");
    let (ok, said) = run(&["--lang", "es", "purge"]);
    assert!(ok, "{said}");
    assert_eq!(
        said.trim(),
        "purga correcta: contactos de la línea 1, avisos 0, casos cerrados 0, borradores 0 purgados"
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
    assert_eq!(record, "c1 t0 k0 d0", "the purge's counts, in its one audit row");
}

/// A supervisor erases a client before the schedule: refused to others and to other agencies,
/// with a clear message for a bad record number or reason; then the names and narratives go,
/// every report figure stays, the audit names the reason, and the console marks the record.
#[test]
fn a_supervisor_erases_a_client_on_request_and_the_counts_stay() {
    use common::console::Harness;
    let mut h = Harness::admin();
    let add = |store: &mut Store, name: &str, role: Role, agency: &str| {
        accounts::add_user(
            store,
            Actor::CLI,
            CHEAP,
            &account(name, name, role, agency, "470193"),
            now(),
        )
        .unwrap();
        accounts::find_user(store, name).unwrap()
    };
    let sara = add(&mut h.app.store, "sara", Role::Supervisor, "Enlace Comunitario");
    let bea = add(&mut h.app.store, "bea", Role::Advocate, "Enlace Comunitario");
    add(&mut h.app.store, "oscar", Role::Supervisor, "Other Agency");
    let mut r = client::defaults();
    r.insert("chosen_name".into(), "Rosa".into());
    r.insert("legal_name".into(), "Rosa Quintana Ortiz".into());
    r.insert("birth_date".into(), "2008-03-01".into());
    let intake_on = date("2026-02-27");
    let c = Client::from_raw(&r, &RuntimeOptions::new(), intake_on).unwrap();
    let id = casework::save_client(
        &mut h.app.store,
        who(&bea),
        None,
        &c,
        intake_on,
        Also::default(),
        now(),
    )
    .unwrap();
    casework::add_note(&mut h.app.store, who(&bea), id, "Rosa left Gallup on the 3rd", now())
        .unwrap();
    let before = every_report(&h.app.store, &sara);

    let run = |h: &Harness, args: &[&str]| {
        let o = std::process::Command::new(env!("CARGO_BIN_EXE_intake"))
            .arg("--db")
            .arg(h.db.db_path())
            .args(args)
            .env("INTAKE_LANG", "en")
            .output()
            .unwrap();
        let text =
            format!("{}{}", String::from_utf8_lossy(&o.stdout), String::from_utf8_lossy(&o.stderr));
        (o.status.success(), text)
    };
    let n = id.0.to_string();
    let hash = format!("#{n}");
    for (args, said) in [
        (vec!["client", "erase", &n, "--user", "bea", "--reason", "request"], "Only a supervisor"),
        (
            vec!["client", "erase", &n, "--user", "oscar", "--reason", "request"],
            "does not exist or is not yours",
        ),
        (
            vec!["client", "erase", "Rosa", "--user", "sara", "--reason", "request"],
            "\"Rosa\" is not a client record number",
        ),
        (
            vec!["client", "erase", &hash, "--user", "sara", "--reason", "because"],
            "Say why: --reason request",
        ),
    ] {
        let (ok, text) = run(&h, &args);
        assert!(!ok && text.contains(said), "{args:?}: {text}");
    }
    let legal: Option<String> = h
        .app
        .store
        .conn()
        .query_row("SELECT legal_name FROM clients WHERE id = ?1", [id.0], |r| r.get(0))
        .unwrap();
    assert!(legal.is_some(), "a refused erasure changed nothing");

    let (ok, text) = run(&h, &["client", "erase", &hash, "--user", "sara", "--reason", "request"]);
    assert!(ok, "{text}");
    assert_eq!(
        text.trim(),
        format!(
            "Client {hash}: identifying text and narratives erased (Erased on request); the counts are kept."
        )
    );
    let (ok, text) = run(&h, &["client", "erase", &hash, "--user", "sara", "--reason", "request"]);
    assert!(!ok && text.contains("was already erased or purged"), "{text}");

    let (name, legal, birth, age, notes): (
        String,
        Option<String>,
        Option<String>,
        Option<i64>,
        i64,
    ) = h
        .app
        .store
        .conn()
        .query_row(
            "SELECT chosen_name, legal_name, birth_date, age,
                    (SELECT count(*) FROM case_notes WHERE client_id = c.id)
             FROM clients c WHERE id = ?1",
            [id.0],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)),
        )
        .unwrap();
    assert_eq!((name.as_str(), legal, birth, notes), ("\u{2014}", None, None, 0));
    assert_eq!(age, Some(17), "a day short of 18 at intake: still a minor in the counts");
    assert_eq!(every_report(&h.app.store, &sara), before);
    let events = audit_events(&h.app.store);
    assert!(events.contains(&("client_erase_request".into(), "ok".into())), "{events:?}");

    // The record takes no new text: a person who comes back gets a new record.
    let e = casework::save_client(
        &mut h.app.store,
        who(&bea),
        Some(id),
        &c,
        intake_on,
        Also::default(),
        now(),
    )
    .unwrap_err();
    assert!(matches!(e, intake::Error::User(intake::i18n::Msg::ErrClientPurgedNoEdit, _)), "{e:?}");
    let e =
        casework::add_note(&mut h.app.store, who(&bea), id, "Rosa came back", now()).unwrap_err();
    assert!(matches!(e, intake::Error::User(intake::i18n::Msg::ErrClientPurgedNoEdit, _)), "{e:?}");
    // The console marks the record for whoever opens it.
    h.login("sara", "470193");
    h.typed("e");
    assert!(!h.screen().contains("Rosa"), "{}", h.screen());
    h.enter();
    let screen = h.screen();
    assert!(screen.contains("Erased on request"), "{screen}");
    assert!(!screen.contains("Rosa") && !screen.contains("Gallup"), "{screen}");
    insta::assert_snapshot!("client_erased_on_request_en", screen);
    h.app.set_language(Lang::Es);
    insta::assert_snapshot!("client_erased_on_request_es", h.screen());
    h.app.set_language(Lang::En);
    // Keys that would write to it say why at once; no form opens.
    for key in ["n", "s", "c", "f", "p", "e", "m"] {
        h.typed(key);
        assert!(h.status().contains("takes no new text"), "{key}: {}", h.status());
        assert!(h.screen().contains("Erased on request"), "{key}: still the record");
    }
    let s =
        ServiceEntry::from_raw(&raw(&[("service_type", "legal"), ("delivered_on", "2026-03-02")]))
            .unwrap();
    let e = casework::add_service(&mut h.app.store, who(&sara), id, &s, now()).unwrap_err();
    assert!(matches!(e, intake::Error::User(intake::i18n::Msg::ErrClientPurgedNoEdit, _)), "{e:?}");
}

/// A survivor asks what is held about them: an advocate exports the record as a readable file
/// in the person's language and as JSON, with every version of every note; refused to roles
/// that do not do casework and to other agencies; audited.
#[test]
fn an_advocate_exports_everything_held_about_a_client_in_their_language() {
    let (db, mut store) = with_admin();
    let add = |store: &mut Store, name: &str, role: Role, agency: &str| {
        accounts::add_user(
            store,
            Actor::CLI,
            CHEAP,
            &account(name, name, role, agency, "470193"),
            now(),
        )
        .unwrap();
        accounts::find_user(store, name).unwrap()
    };
    let bea = add(&mut store, "bea", Role::Advocate, "Enlace Comunitario");
    add(&mut store, "ivy", Role::Intake, "Enlace Comunitario");
    add(&mut store, "oscar", Role::Supervisor, "Other Agency");
    let mut r = client::defaults();
    r.insert("chosen_name".into(), "Rosa".into());
    r.insert("legal_name".into(), "Rosa Quintana Ortiz".into());
    r.insert("citizenship".into(), "foreign_national".into());
    r.insert("age".into(), "24".into());
    let intake_on = date("2026-02-27");
    let c = Client::from_raw(&r, &RuntimeOptions::new(), intake_on).unwrap();
    let id =
        casework::save_client(&mut store, who(&bea), None, &c, intake_on, Also::default(), now())
            .unwrap();
    let note =
        casework::add_note(&mut store, who(&bea), id, "First version of the note", now()).unwrap();
    casework::edit_note(&mut store, who(&bea), id, note, "Second version of the note", now())
        .unwrap();
    let s = ServiceEntry::from_raw(&raw(&[
        ("service_type", "legal"),
        ("delivered_on", "2026-03-02"),
        ("notes", "Met the lawyer about the visa"),
    ]))
    .unwrap();
    casework::add_service(&mut store, who(&bea), id, &s, now()).unwrap();
    let release = intake::domain::client::release::Release {
        recipient_kind: "service_provider".into(),
        recipient: "Casa de Paz".into(),
        to_agency: None,
        scope: vec!["services".into()],
        purpose: "Shelter placement".into(),
        signed_on: date("2026-03-02"),
        method: "written".into(),
        witness: None,
        explained_in: "spanish".into(),
        expires_on: date("2026-04-01"),
    };
    let subject = intake::store::referrals::Subject::Client(id);
    intake::service::consent::add_release(&mut store, who(&bea), subject, &release, now()).unwrap();
    drop(store);
    let out_dir = db.dir.path().join("for-rosa");
    let run = |args: &[&str]| {
        let o = run_intake(&db, args, "");
        let text =
            format!("{}{}", String::from_utf8_lossy(&o.stdout), String::from_utf8_lossy(&o.stderr));
        (o.status.success(), text)
    };
    let n = format!("#{}", id.0);
    let dir = out_dir.to_str().unwrap();
    let (ok, said) = run(&["client", "export", &n, "--user", "ivy", "--dir", dir]);
    assert!(!ok && said.contains("Only those doing casework"), "{said}");
    let (ok, said) = run(&["client", "export", &n, "--user", "oscar", "--dir", dir]);
    assert!(!ok && said.contains("does not exist or is not yours"), "{said}");
    assert!(!out_dir.exists(), "nothing written when refused");

    let (ok, said) = run(&["--lang", "es", "client", "export", &n, "--user", "bea", "--dir", dir]);
    assert!(ok, "{said}");
    let files: Vec<_> = std::fs::read_dir(&out_dir).unwrap().map(|e| e.unwrap().path()).collect();
    assert_eq!(files.len(), 2);
    // Given to the person at their request: their disclosure log says so.
    let reopened = db.open();
    let logged: i64 = reopened
        .conn()
        .query_row(
            "SELECT count(*) FROM disclosures WHERE kind = 'export' AND client_id = ?1
                 AND basis = 'own_request' AND recipient_kind = 'the_person' AND told = 'yes'",
            [id.0],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(logged, 1, "the export is in the person's disclosure log");
    drop(reopened);
    use std::os::unix::fs::PermissionsExt;
    for f in &files {
        assert_eq!(std::fs::metadata(f).unwrap().permissions().mode() & 0o077, 0, "{f:?}");
    }
    let txt = files.iter().find(|f| f.extension().unwrap() == "txt").unwrap();
    let text = std::fs::read_to_string(txt).unwrap();
    for expected in [
        "Todo lo que esta agencia guarda sobre el registro",
        "Rosa Quintana Ortiz",
        "First version of the note",
        "Second version of the note",
        "Met the lawyer about the visa",
        "Notas del caso, todas las versiones",
        "Pagos\n=====\n  (nada)",
        "Autorización de divulgación",
        "Proveedor de servicios",
        "Casa de Paz",
        "Qué cubre: Servicios",
    ] {
        assert!(text.contains(expected), "{expected:?} missing from:\n{text}");
    }
    assert!(!text.contains("foreign_national"), "coded values read as words:\n{text}");
    let json = files.iter().find(|f| f.extension().unwrap() == "json").unwrap();
    let doc: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(json).unwrap()).unwrap();
    assert_eq!(doc["client"], id.0);
    assert_eq!(doc["sections"]["record"][0]["citizenship"], "foreign_national");
    assert_eq!(doc["sections"]["notes"].as_array().unwrap().len(), 2, "both versions");
    let store = db.open();
    assert!(audit_events(&store).iter().any(|(e, _)| e == "client_export"));
}
