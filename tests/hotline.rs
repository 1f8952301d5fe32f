//! The hotline log and tips below the screens: what is stored, who sees it, the command line.

mod common;

use std::process::Output;

use common::*;
use intake::auth::Actor;
use intake::auth::accounts;
use intake::domain::contact::{self, Contact};
use intake::domain::draft::DraftForm;
use intake::domain::record::Raw;
use intake::domain::staff::{AgencyKind, Role};
use intake::domain::tip::{self, Tip};
use intake::service::hotline::{self, Who};
use intake::store::tips::Scope;
use intake::store::users::User;
use intake::store::{Store, contacts, drafts, tips};
use jiff::Timestamp;

const PHONE: &str = "(505) 555-0142";
const PHONE_DIGITS: &str = "5055550142";

fn now() -> Timestamp {
    "2026-11-28T20:00:00Z".parse().unwrap()
}

fn raw_contact(pairs: &[(&str, &str)]) -> Raw {
    let mut r = contact::defaults(now());
    r.insert("caller_type".into(), "possible_victim".into());
    for (k, v) in pairs {
        r.insert(k.to_string(), v.to_string());
    }
    r
}

fn contact_of(pairs: &[(&str, &str)]) -> Contact {
    Contact::from_raw(&raw_contact(pairs)).unwrap()
}

fn user(store: &Store, name: &str) -> User {
    accounts::find_user(store, name).unwrap()
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
    user(store, name)
}

fn who(u: &User) -> Who<'_> {
    Who { user: u, session_id: None }
}

fn run(db: &TestDb, args: &[&str], stdin: &str) -> Output {
    run_intake(db, args, stdin)
}

fn all_file_bytes(db: &TestDb) -> Vec<u8> {
    let mut all = Vec::new();
    for e in std::fs::read_dir(db.dir.path()).unwrap() {
        all.extend(std::fs::read(e.unwrap().path()).unwrap());
    }
    all
}

fn contains(hay: &[u8], needle: &str) -> bool {
    hay.windows(needle.len()).any(|w| w == needle.as_bytes())
}

#[test]
fn caller_identifiers_are_hashed_counted_once_and_never_in_clear() {
    let (db, mut store) = with_admin();
    let ana = user(&store, "ana");
    for raw in [PHONE, "+1 505 555 0142"] {
        let c = contact_of(&[("caller_id", raw)]);
        hotline::save_contact(&mut store, who(&ana), None, &c, now()).unwrap();
    }
    hotline::save_contact(&mut store, who(&ana), None, &contact_of(&[]), now()).unwrap();
    let (distinct, last2): (i64, String) = store
        .conn()
        .query_row("SELECT count(DISTINCT caller_hash), max(caller_last2) FROM contacts", [], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })
        .unwrap();
    assert_eq!((distinct, last2.as_str()), (1, "42"));
    // Not in the database in any readable form, not in the audit log.
    let everything: String = store
        .conn()
        .query_row("SELECT group_concat(caller_hash || caller_last2) FROM contacts", [], |r| {
            r.get(0)
        })
        .unwrap();
    assert!(!everything.contains(PHONE_DIGITS));
    drop(store);
    let bytes = all_file_bytes(&db);
    assert!(!contains(&bytes, PHONE_DIGITS) && !contains(&bytes, "555-0142"));
    // Not in any output.
    for format in ["table", "csv", "json"] {
        let out = run(&db, &["contact", "list", "--user", "ana", "--format", format], "");
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(out.status.success(), "{format}: {}", String::from_utf8_lossy(&out.stderr));
        assert!(!text.contains(PHONE_DIGITS) && !text.contains("0142"), "{format}: {text}");
        assert!(text.contains("..42"), "{format}: {text}");
    }
}

#[test]
fn edits_keep_the_previous_values() {
    let (_db, mut store) = with_admin();
    let ana = user(&store, "ana");
    let id = hotline::save_contact(
        &mut store,
        who(&ana),
        None,
        &contact_of(&[("notes", "first")]),
        now(),
    )
    .unwrap();
    let edited = contact_of(&[("notes", "second"), ("channel", "text")]);
    hotline::save_contact(&mut store, who(&ana), Some(id), &edited, now()).unwrap();
    let stored = contacts::get(store.conn(), ana.agency_id, id).unwrap().unwrap();
    assert_eq!(
        (stored.contact.notes.as_str(), stored.contact.channel.as_str(), stored.edits),
        ("second", "text", 1)
    );
    let previous: String = store
        .conn()
        .query_row("SELECT previous FROM contact_history WHERE contact_id = ?1", [id], |r| r.get(0))
        .unwrap();
    let previous: Raw = serde_json::from_str(&previous).unwrap();
    assert_eq!((previous["notes"].as_str(), previous["channel"].as_str()), ("first", "call"));
    let events: Vec<String> = audit_events(&store).into_iter().map(|e| e.0).collect();
    assert!(events.contains(&"contact_add".into()) && events.contains(&"contact_edit".into()));
}

#[test]
fn the_list_is_newest_first_paged_and_filtered_by_local_days() {
    let (_db, mut store) = with_admin();
    let ana = user(&store, "ana");
    // 23:30 on 30 June in Denver is already 1 July in UTC.
    let cases = [
        ("2026-06-30 23:30", "call", "referral", "no", ""),
        ("2026-07-01 00:10", "text", "information", "yes", "2026-07-02"),
        ("2026-07-01 09:00", "chat", "referral", "yes", "2026-08-01"),
    ];
    for (at, channel, outcome, fu, on) in cases {
        let c = contact_of(&[
            ("started_at", at),
            ("channel", channel),
            ("outcomes", outcome),
            ("follow_up", fu),
            ("follow_up_on", on),
        ]);
        hotline::save_contact(&mut store, who(&ana), None, &c, now()).unwrap();
    }
    let list = |f: contacts::Filter| -> Vec<String> {
        contacts::list(store.conn(), ana.agency_id, &f, 0, 10)
            .unwrap()
            .into_iter()
            .map(|r| r.channel)
            .collect()
    };
    assert_eq!(list(Default::default()), vec!["chat", "text", "call"]);
    let day = |s: &str| Some(s.parse().unwrap());
    assert_eq!(
        list(contacts::Filter { from: day("2026-07-01"), ..Default::default() }),
        vec!["chat", "text"]
    );
    assert_eq!(
        list(contacts::Filter { to: day("2026-06-30"), ..Default::default() }),
        vec!["call"]
    );
    assert_eq!(
        list(contacts::Filter { outcome: Some("referral".into()), ..Default::default() }),
        vec!["chat", "call"]
    );
    assert_eq!(
        list(contacts::Filter { channel: Some("text".into()), ..Default::default() }),
        vec!["text"]
    );
    assert_eq!(
        list(contacts::Filter { follow_up_due_by: day("2026-07-15"), ..Default::default() }),
        vec!["text"]
    );
    let page: Vec<intake::domain::ids::ContactId> =
        contacts::list(store.conn(), ana.agency_id, &Default::default(), 1, 1)
            .unwrap()
            .into_iter()
            .map(|r| r.id)
            .collect();
    assert_eq!(page, vec![intake::domain::ids::ContactId(2)]);
}

#[test]
fn another_agency_cannot_see_or_open_a_contact() {
    let (_db, mut store) = with_admin();
    let ana = user(&store, "ana");
    let id = hotline::save_contact(&mut store, who(&ana), None, &contact_of(&[]), now()).unwrap();
    let other = add(&mut store, "zed", Role::Advocate, "Other Shelter");
    assert!(
        contacts::list(store.conn(), other.agency_id, &Default::default(), 0, 10)
            .unwrap()
            .is_empty()
    );
    assert!(hotline::open_contact(&mut store, who(&other), id).is_err());
    assert!(
        hotline::save_contact(&mut store, who(&other), Some(id), &contact_of(&[]), now()).is_err()
    );
    assert!(hotline::open_contact(&mut store, who(&ana), id).is_ok());
}

fn tip_raw(pairs: &[(&str, &str)]) -> Raw {
    let mut r = tip::defaults(now());
    r.insert("source".into(), "ncmec".into());
    r.insert("category".into(), "enticement".into());
    for (k, v) in pairs {
        r.insert(k.to_string(), v.to_string());
    }
    r
}

#[test]
fn law_enforcement_sees_all_tips_and_an_agency_only_its_referrals() {
    let (_db, mut store) = with_admin();
    let ana = user(&store, "ana");
    let det = add(&mut store, "det", Role::LawEnforcement, "Albuquerque Police");
    let apd = accounts::find_user(&store, "det").unwrap().agency_id;
    accounts::set_agency_kind(&mut store, Actor::CLI, apd, AgencyKind::LawEnforcement).unwrap();
    let det = User { agency_kind: AgencyKind::LawEnforcement, ..det };
    let other = add(&mut store, "zed", Role::Advocate, "Other Shelter");

    let opts = hotline::tip_options(&store, &det).unwrap();
    let enlace = ana.agency_id.to_string();
    let referred = Tip::from_raw(&tip_raw(&[("referred_to", &enlace)]), &opts).unwrap();
    let kept = Tip::from_raw(&tip_raw(&[]), &opts).unwrap();
    let a = hotline::save_tip(&mut store, who(&det), None, &referred, now()).unwrap();
    let b = hotline::save_tip(&mut store, who(&det), None, &kept, now()).unwrap();

    assert_eq!(ids_of(&store, &det), vec![b, a]);
    assert_eq!(ids_of(&store, &ana), vec![a]);
    assert!(ids_of(&store, &other).is_empty());
    assert!(hotline::open_tip(&mut store, who(&other), a).is_err());
    assert!(hotline::open_tip(&mut store, who(&ana), b).is_err());

    // A service agency's own tip is always referred to itself, whatever the form said.
    let own = Tip::from_raw(&tip_raw(&[]), &hotline::tip_options(&store, &other).unwrap()).unwrap();
    let c = hotline::save_tip(&mut store, who(&other), None, &own, now()).unwrap();
    assert_eq!(ids_of(&store, &other), vec![c]);
}

fn ids_of(store: &Store, u: &User) -> Vec<intake::domain::ids::TipId> {
    tips::list(store.conn(), Scope::of(u), &Default::default(), 0, 10)
        .unwrap()
        .into_iter()
        .map(|r| r.id)
        .collect()
}

#[test]
fn csv_output_is_safe_from_formulas() {
    let (db, mut store) = with_admin();
    let det = add(&mut store, "det", Role::LawEnforcement, "Enlace Comunitario");
    let opts = hotline::tip_options(&store, &det).unwrap();
    let t = Tip::from_raw(&tip_raw(&[("reference", "=HYPERLINK(\"http://x\")")]), &opts).unwrap();
    hotline::save_tip(&mut store, who(&det), None, &t, now()).unwrap();
    drop(store);
    let out = run(&db, &["tip", "list", "--user", "det", "--format", "csv"], "");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("'=HYPERLINK"), "{text}");
    assert!(!text.contains(",=HYPERLINK"), "{text}");
}

#[test]
fn import_is_all_or_nothing_with_row_and_column_errors() {
    let (db, store) = with_admin();
    drop(store);
    let good = db.dir.path().join("good.csv");
    std::fs::write(
        &good,
        "channel,direction,started_at,caller_type,caller_id,language,interpreter,area,trafficking_type,minor,follow_up,notes\n\
         call,incoming,2014-03-02 09:15,possible_victim,505-555-0199,spanish,yes,Doña Ana County,labour,no,no,\"two\nlines\"\n\
         text,incoming,2015-07-01T06:00:00Z,community,,english,no,unknown,unknown,unknown,no,\n",
    )
    .unwrap();
    let bad = db.dir.path().join("bad.csv");
    std::fs::write(
        &bad,
        "channel,direction,started_at,caller_type,language,interpreter,area,trafficking_type,minor,follow_up,shoe_size\n\
         call,incoming,2014-03-02 09:15,possible_victim,english,no,unknown,unknown,unknown,no,9\n\
         fax,incoming,yesterday,possible_victim,english,no,Atlantis,sex,yes,no,9\n\
         call,incoming,2014-03-02 09:15,possible_victim,english,no,unknown,sex,yes,no,9\n",
    )
    .unwrap();
    let out = run(&db, &["contact", "import", bad.to_str().unwrap(), "--user", "ana"], "");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success());
    for want in [
        "row 1: unknown column shoe_size",
        "row 3, column channel",
        "row 3, column started_at",
        "row 3, column area",
        "row 4, column reported_to",
    ] {
        assert!(err.contains(want), "{want} missing from:\n{err}");
    }
    let store = db.open();
    let n: i64 = store.conn().query_row("SELECT count(*) FROM contacts", [], |r| r.get(0)).unwrap();
    assert_eq!(n, 0, "nothing is written when any row is wrong");
    drop(store);

    let out = run(&db, &["contact", "import", good.to_str().unwrap(), "--user", "ana"], "");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(String::from_utf8_lossy(&out.stdout).contains("2 rows imported"));
    let store = db.open();
    let ana = user(&store, "ana");
    let rows = contacts::list(store.conn(), ana.agency_id, &Default::default(), 0, 10).unwrap();
    // 09:15 in Denver (MST) is 16:15 UTC; a time with its own zone is taken as it is.
    assert_eq!(rows[1].started_at, "2014-03-02T16:15:00Z");
    assert_eq!(rows[0].started_at, "2015-07-01T06:00:00Z");
    assert_eq!(rows[1].caller_last2.as_deref(), Some("99"));
    let notes: String = store
        .conn()
        .query_row("SELECT notes FROM contacts WHERE id = ?1", [rows[1].id], |r| r.get(0))
        .unwrap();
    assert_eq!(notes, "two\nlines");
    assert!(!contains(&all_file_bytes(&db), "5055550199"));
}

#[test]
fn tips_import_names_assignees_by_user_name() {
    let (db, mut store) = with_admin();
    let det = add(&mut store, "det", Role::LawEnforcement, "APD");
    drop(store);
    let file = db.dir.path().join("tips.csv");
    std::fs::write(
        &file,
        "source,reference,received_at,category,children,area,status,assigned_to\n\
         ncmec,CT-1,2019-10-01 08:00,csam,1,Bernalillo County,assigned,det\n\
         nhth,,2019-10-02 08:00,adult_labour_trafficking,,unknown,in_progress,nobody\n",
    )
    .unwrap();
    let out = run(&db, &["tip", "import", file.to_str().unwrap(), "--user", "det"], "");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("row 3, column assigned_to: not one of the options"), "{err}");
    std::fs::write(&file, std::fs::read_to_string(&file).unwrap().replace("nobody", "det"))
        .unwrap();
    let out = run(&db, &["tip", "import", file.to_str().unwrap(), "--user", "det"], "");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let store = db.open();
    let rows = tips::list(store.conn(), Scope::All, &Default::default(), 0, 10).unwrap();
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[1].assigned_to.as_deref(), Some(det.display_name.as_str()));
}

#[test]
fn a_saved_contact_takes_its_draft_with_it() {
    let (_db, mut store) = with_admin();
    let ana = user(&store, "ana");
    let payload = r#"{"focus":3,"fields":{"notes":"x"}}"#;
    hotline::save_draft(&mut store, who(&ana), DraftForm::Contact, None, payload, now()).unwrap();
    let kept = hotline::drafts_for(&store, who(&ana), now()).unwrap();
    assert_eq!(kept.iter().map(|d| d.draft.form).collect::<Vec<_>>(), [DraftForm::Contact]);
    hotline::save_contact(&mut store, who(&ana), None, &contact_of(&[]), now()).unwrap();
    assert!(hotline::drafts_for(&store, who(&ana), now()).unwrap().is_empty());
}

fn contact_count(store: &Store) -> i64 {
    store.conn().query_row("SELECT count(*) FROM contacts", [], |r| r.get(0)).unwrap()
}

/// One user in two sessions at once (two SSH logins): each session's draft is its own, and
/// one still in use is never opened by the other; one that sits idle (a link hanging half-open)
/// or whose console is gone may be taken over, and the session it was taken from can then
/// neither keep nor save it: one call never becomes two contacts.
#[test]
fn a_draft_is_open_in_one_session_at_a_time_and_saved_once() {
    use drafts::Holder;
    let (_db, mut store) = with_admin();
    let ana = user(&store, "ana");
    let start = |store: &mut Store| {
        store.write(|tx| intake::store::users::start_session(tx, ana.id, "test", now())).unwrap()
    };
    let (one, two) = (start(&mut store), start(&mut store));
    let in_session = |s| Who { user: &ana, session_id: Some(s) };
    intake::auth::live::hold(store.db_path(), one);
    intake::auth::live::hold(store.db_path(), two);
    let payload = r#"{"focus":3,"fields":{"notes":"first call"}}"#;
    hotline::save_draft(&mut store, in_session(one), DraftForm::Contact, None, payload, now())
        .unwrap();
    let other = r#"{"focus":3,"fields":{"notes":"second call"}}"#;
    hotline::save_draft(&mut store, in_session(two), DraftForm::Contact, None, other, now())
        .unwrap();
    // Each has its own; the other's, typed in a moment ago, is busy.
    for (s, notes) in [(one, "first call"), (two, "second call")] {
        let seen = hotline::drafts_for(&store, in_session(s), now()).unwrap();
        let mine: Vec<_> = seen.iter().filter(|o| o.holder == Holder::Mine).collect();
        assert_eq!(mine.len(), 1);
        assert!(mine[0].draft.payload.contains(notes));
        assert!(seen.iter().filter(|o| o.holder != Holder::Mine).all(|o| !o.holder.may_open()));
    }
    // Session one saves its call: session two's draft stays.
    hotline::save_contact(&mut store, in_session(one), None, &contact_of(&[]), now()).unwrap();
    assert_eq!(hotline::drafts_for(&store, in_session(two), now()).unwrap().len(), 1);
    // Session two's link hangs half-open: its console still runs, its form untouched for two
    // minutes. A third session (the same person, reconnected) may take the form over.
    let later = now() + jiff::SignedDuration::from_secs(120);
    let three = start(&mut store);
    intake::auth::live::hold(store.db_path(), three);
    let offered = hotline::drafts_for(&store, in_session(three), later).unwrap();
    assert_eq!(offered.len(), 1);
    assert!(matches!(offered[0].holder, Holder::Idle { .. }), "{:?}", offered[0].holder);
    assert!(!offered[0].draft.payload.contains("first call"));
    hotline::take_draft(&mut store, in_session(three), offered[0].draft.id).unwrap();
    let mine = hotline::drafts_for(&store, in_session(three), later).unwrap();
    assert_eq!(mine.len(), 1);
    assert_eq!(mine[0].holder, Holder::Mine);
    assert!(mine[0].draft.payload.contains("second call"));
    // The link comes back to life: session two can neither keep the form nor save it.
    assert!(
        hotline::drafts_for(&store, in_session(two), later)
            .unwrap()
            .iter()
            .all(|o| { o.holder != Holder::Mine })
    );
    let kept = hotline::save_draft(
        &mut store,
        in_session(two),
        DraftForm::Contact,
        None,
        r#"{"focus":3,"fields":{"notes":"second call, more"}}"#,
        later,
    );
    assert_eq!(
        kept.unwrap_err().message(intake::i18n::Lang::En),
        "This form was taken over in \
        your other session: nothing here was saved. Esc leaves it."
    );
    let saved = hotline::save_contact(&mut store, in_session(two), None, &contact_of(&[]), later);
    assert!(saved.is_err(), "the form taken over is not saved a second time");
    assert_eq!(contact_count(&store), 1);
    hotline::save_contact(&mut store, in_session(three), None, &contact_of(&[]), later).unwrap();
    assert_eq!(contact_count(&store), 2, "one call each: the first, and the one taken over");
    // The same draft cannot be taken twice.
    let again = hotline::take_draft(&mut store, in_session(one), offered[0].draft.id);
    assert!(again.is_err());
    let marks = |store: &Store| -> i64 {
        store
            .conn()
            .query_row("SELECT count(*) FROM drafts WHERE taken_by IS NOT NULL", [], |r| r.get(0))
            .unwrap()
    };
    assert_eq!(marks(&store), 1, "session two keeps a mark, and nothing of the form");
    // Session two's link is noticed dead at last: its end clears the mark.
    let actor = Actor { user_id: Some(ana.id), session_id: Some(two) };
    accounts::end_session(&mut store, actor, accounts::SessionEnd::LinkDropped, later).unwrap();
    assert_eq!(marks(&store), 0, "its end clears the mark");
    // A session whose console is gone left its form: offered as left, and taken whole.
    hotline::save_draft(&mut store, in_session(three), DraftForm::Tip, None, other, later).unwrap();
    intake::auth::live::release(store.db_path(), three);
    let four = start(&mut store);
    let left = hotline::drafts_for(&store, in_session(four), later).unwrap();
    assert!(matches!(left[0].holder, Holder::Left { .. }), "{:?}", left[0].holder);
    hotline::take_draft(&mut store, in_session(four), left[0].draft.id).unwrap();
    assert_eq!(marks(&store), 0, "a console that is gone needs no mark");
    let mine = hotline::drafts_for(&store, in_session(four), later).unwrap();
    assert_eq!(mine[0].holder, Holder::Mine);
}

/// The forms a draft can belong to are the ones the schema admits, no more and no fewer.
#[test]
fn every_draft_form_is_one_the_schema_admits() {
    let schema = include_str!("../schema.sql");
    let start = schema.find("CREATE TABLE drafts").expect("drafts table");
    let check = &schema[start..];
    let list = &check[check.find("form IN (").expect("form check") + "form IN (".len()..];
    let list = &list[..list.find(')').unwrap()];
    let mut admitted: Vec<&str> =
        list.split(',').map(|s| s.trim().trim_matches('\'')).filter(|s| !s.is_empty()).collect();
    let mut ours: Vec<&str> = DraftForm::ALL.iter().map(|f| f.id()).collect();
    admitted.sort();
    ours.sort();
    assert_eq!(ours, admitted);
}

#[test]
fn a_version_1_database_with_staff_is_upgraded_in_place() {
    let (db, store) = with_admin();
    // Take the file back to how version 1 left it.
    store
        .conn()
        .execute_batch(
            "PRAGMA foreign_keys = OFF;
             DROP VIEW contact_day_callers_recount; DROP VIEW contacts_shown; DROP VIEW tips_shown;
             DROP VIEW clients_shown; DROP VIEW services_shown; DROP VIEW payments_shown;
             DROP VIEW dir_services_shown; DROP VIEW dir_organizations_shown;
             DROP TABLE import_day_counts; DROP TABLE import_day_callers; DROP TABLE imports; DROP VIEW contact_day_recount;
             DROP VIEW contact_day_rows; DROP TABLE contact_day_counts;
             DROP TABLE contact_day_callers; DROP TABLE retention; DROP TRIGGER audit_log_no_delete; DROP TABLE audit_checkpoints;
             CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
             BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
             DROP TABLE payments; DROP TABLE funds;
             DROP TABLE referral_status; DROP TABLE referrals; DROP TABLE dir_schedules;
             DROP TABLE dir_search; DROP TABLE dir_service_tags;
             DROP TABLE dir_term_map; DROP TABLE dir_service_terms; DROP TABLE dir_terms;
             DROP TABLE dir_taxonomies; DROP TABLE dir_service_areas; DROP TABLE dir_schedule_rules;
             DROP TABLE dir_phones; DROP TABLE dir_service_places; DROP TABLE dir_places;
             DROP TABLE dir_services; DROP TABLE dir_organizations;
             DROP TABLE screening_answers; DROP TABLE screenings; DROP TABLE screening_tools;
             DROP TABLE case_note_versions; DROP TABLE case_notes; DROP TABLE services;
             DROP TABLE client_relief; DROP TABLE case_transfers; DROP TABLE disclosures;
             DROP TABLE release_defaults; DROP TABLE releases; DROP TABLE audit_anchor;
             DROP TABLE outreach_events;
             DROP TABLE client_links; DROP TABLE client_status; DROP TABLE client_history;
             DROP TABLE tip_history; DROP TABLE tips; DROP TABLE contact_history; DROP TABLE contacts;
             DROP TABLE clients_search; DROP TABLE clients; DROP TABLE drafts; DROP TABLE secrets;
             DROP INDEX sessions_open; ALTER TABLE sessions DROP COLUMN pid;
             PRAGMA user_version = 1;",
        )
        .unwrap();
    drop(store);
    let store = db.open();
    let v: i64 = store.conn().query_row("PRAGMA user_version", [], |r| r.get(0)).unwrap();
    assert_eq!(v, intake::store::migrate::latest());
    assert_eq!(user(&store, "ana").display_name, "Ana García");
    assert_eq!(drafts::caller_key(store.conn()).unwrap().len(), 32);
}

/// An export reads the log a page at a time after the last record number read: every contact
/// once, in record-number order, across many pages; the console's list keeps its own order.
#[test]
fn export_paging_returns_every_row_once() {
    let (db, mut store) = with_admin();
    let ana = user(&store, "ana");
    let times = ["2026-01-05 09:00", "2026-01-05 09:00", "2026-01-05 09:00", "2026-02-01 10:30"];
    for i in 0..1050 {
        let c = contact_of(&[("started_at", times[i % times.len()])]);
        hotline::save_contact(&mut store, who(&ana), None, &c, now()).unwrap();
    }
    let f = contacts::Filter::default();
    let listed = contacts::list(store.conn(), ana.agency_id, &f, 0, 2000).unwrap();
    assert_eq!(listed.len(), 1050);
    assert!(listed[0].started_at > listed[1049].started_at, "the list is newest first");
    let mut all: Vec<i64> = listed.iter().map(|r| r.id.0).collect();
    all.sort();
    let mut paged = Vec::new();
    let mut after = 0;
    loop {
        let page = contacts::export_page(store.conn(), ana.agency_id, &f, after, 17).unwrap();
        let Some(last) = page.last() else { break };
        after = last.id.0;
        paged.extend(page.iter().map(|r| r.id.0));
    }
    assert_eq!(paged, all, "every row once, by record number");
    drop(store);
    let out = run(&db, &["contact", "list", "--format", "csv", "--user", "ana"], "");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let csv = String::from_utf8_lossy(&out.stdout).to_string();
    let ids: Vec<i64> =
        csv.lines().skip(1).map(|l| l.split(',').next().unwrap().parse().unwrap()).collect();
    assert_eq!(ids, all, "the export has every row once");
}

#[test]
fn keyset_pages_of_the_log_hold_every_contact_once_forward_and_back() {
    use intake::store::{Key, Start};
    let (_db, mut store) = with_admin();
    let ana = user(&store, "ana");
    // 40 contacts on 3 minutes: most share their time with others, so the record number
    // decides their order.
    for i in 0..40 {
        let at = format!("2025-0{}-01 10:00", 1 + i % 3);
        hotline::save_contact(
            &mut store,
            who(&ana),
            None,
            &contact_of(&[("started_at", &at)]),
            now(),
        )
        .unwrap();
    }
    let f = contacts::Filter::default();
    let all: Vec<i64> = contacts::list(store.conn(), ana.agency_id, &f, 0, 1000)
        .unwrap()
        .into_iter()
        .map(|r| r.id.into())
        .collect();
    assert_eq!(all.len(), 40);
    let key = |r: &contacts::Row| Key { at: r.started_at.clone(), id: r.id.into() };
    let page = |start: Start| contacts::page(store.conn(), ana.agency_id, &f, start, 7).unwrap();
    // Forward by key.
    let mut rows = page(Start::Offset(0));
    let mut forward: Vec<i64> = rows.iter().map(|r| r.id.into()).collect();
    while let Some(last) = rows.last() {
        rows = page(Start::After(key(last)));
        forward.extend(rows.iter().map(|r| i64::from(r.id)));
    }
    assert_eq!(forward, all, "every contact once, in the list's order");
    // Back by key, from the last seven.
    let mut rows = page(Start::After(Key { at: "2025-01-01T17:00:00Z".into(), id: all[32] }));
    let mut back: Vec<i64> = rows.iter().rev().map(|r| r.id.into()).collect();
    assert_eq!(back.len(), 7);
    while let Some(first) = rows.first() {
        rows = page(Start::Before(key(first)));
        assert!(rows.len() <= 7);
        back.extend(rows.iter().rev().map(|r| i64::from(r.id)));
    }
    back.reverse();
    assert_eq!(back, all, "and back the same way");
    // A call logged at the top while someone pages does not push a row onto the next page
    // twice, as an offset would.
    let first = page(Start::Offset(0));
    hotline::save_contact(
        &mut store,
        who(&ana),
        None,
        &contact_of(&[("started_at", "2025-06-01 09:00")]),
        now(),
    )
    .unwrap();
    let after =
        contacts::page(store.conn(), ana.agency_id, &f, Start::After(key(&first[6])), 7).unwrap();
    assert_eq!(i64::from(after[0].id), all[7]);
}

#[test]
fn nothing_quoted_from_a_file_reaches_the_terminal_raw() {
    let (db, store) = with_admin();
    drop(store);
    // A column name that would set the window title, write to the clipboard and clear the
    // screen if echoed as it is.
    let hostile = "\u{1b}]0;pwned\u{7}\u{1b}]52;c;aGk=\u{7}\u{1b}[2J";
    let file = db.dir.path().join("hostile.csv");
    std::fs::write(
        &file,
        format!(
            "channel,direction,started_at,caller_type,language,interpreter,area,trafficking_type,minor,follow_up,{hostile}\n\
             call,incoming,2014-03-02 09:15,possible_victim,english,no,unknown,unknown,unknown,no,9\n"
        ),
    )
    .unwrap();
    let out = run(&db, &["contact", "import", file.to_str().unwrap(), "--user", "ana"], "");
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("unknown column \\u{1b}]0;pwned\\u{7}"), "{err}");
    assert!(!out.stderr.contains(&0x1b) && !out.stderr.contains(&0x07), "{err}");
    assert!(!out.stdout.contains(&0x1b));
}

/// A file may be long, but no row of it may be longer than a megabyte: a file with no line
/// breaks, or a quote never closed, is refused rather than held whole in memory.
#[test]
fn a_csv_row_longer_than_a_megabyte_is_refused() {
    let (db, store) = with_admin();
    drop(store);
    let file = db.dir.path().join("one-long-row.csv");
    let header = "channel,direction,started_at,caller_type,language,interpreter,area,trafficking_type,minor,follow_up,notes\n";
    let row = format!(
        "call,incoming,2014-03-02 09:15,possible_victim,english,no,unknown,unknown,unknown,no,\"{}",
        "x".repeat(3 << 20)
    );
    std::fs::write(&file, format!("{header}{row}")).unwrap();
    for (lang, said) in
        [("en", "a row is longer than 1024 KB"), ("es", "una fila mide más de 1024 KB")]
    {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_intake"))
            .arg("--db")
            .arg(db.db_path())
            .args(["contact", "import", file.to_str().unwrap(), "--user", "ana"])
            .env("INTAKE_LANG", lang)
            .output()
            .unwrap();
        assert!(!out.status.success());
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(said), "{err}");
    }
    let n: i64 =
        db.open().conn().query_row("SELECT count(*) FROM contacts", [], |r| r.get(0)).unwrap();
    assert_eq!(n, 0);
}
