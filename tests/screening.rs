//! Screening storage: tool versions, answers with history, closing and the reporting step.

mod common;

use common::*;
use intake::auth::Actor;
use intake::auth::accounts;
use intake::domain::client::Client;
use intake::domain::record::RuntimeOptions;
use intake::domain::screening::{Answer, SHIPPED};
use intake::domain::staff::Role;
use intake::service::Who;
use intake::service::casework::{self, Also};
use intake::store::screenings::{self, Given, Report, Start};
use intake::store::{Store, users::User};
use jiff::Timestamp;

fn now() -> Timestamp {
    "2026-11-28T20:00:00Z".parse().unwrap()
}

fn setup() -> (TestDb, Store, User, intake::domain::ids::ClientId) {
    let (db, mut store) = with_admin();
    accounts::add_user(
        &mut store,
        Actor::CLI,
        CHEAP,
        &account("bea", "Bea", Role::Advocate, "Enlace Comunitario", "470193"),
        now(),
    )
    .unwrap();
    let bea = accounts::find_user(&store, "bea").unwrap();
    let mut raw = intake::domain::client::defaults();
    raw.insert("chosen_name".into(), "Luz".into());
    raw.insert("age".into(), "16".into());
    let c = Client::from_raw(&raw, &RuntimeOptions::new(), "2026-11-28".parse().unwrap()).unwrap();
    let who = Who { user: &bea, session_id: None };
    let id = casework::save_client(
        &mut store,
        who,
        None,
        &c,
        "2026-11-28".parse().unwrap(),
        Also::default(),
        now(),
    )
    .unwrap();
    (db, store, bea, id)
}

fn begin(
    store: &mut Store,
    u: &User,
    client: intake::domain::ids::ClientId,
    definition: &str,
    minor: &str,
) -> intake::domain::ids::ScreeningId {
    store
        .write(|tx| {
            let tool = screenings::ensure_tool(tx, definition, true, None, now())?;
            let s = Start {
                client_id: Some(client),
                contact_id: None,
                tool_row: tool,
                language: "english",
                interpreter: "no",
                minor,
            };
            screenings::start(tx, u.agency_id, u.id, &s, now())
        })
        .unwrap()
}

fn answer_all(
    store: &mut Store,
    u: &User,
    id: intake::domain::ids::ScreeningId,
    items: &[&str],
    code: &str,
) {
    for (item, c) in items.iter().zip(code.chars()) {
        let a = if c == 'y' { Answer::Yes } else { Answer::No };
        store
            .write(|tx| {
                screenings::answer(
                    tx,
                    u.agency_id,
                    id,
                    &Given { item, answer: a, source: "said", note: None },
                    u.id,
                    now(),
                )
            })
            .unwrap();
    }
}

const YOUTH_ITEMS: &[&str] = &["exchange", "earnings", "threats", "deceived"];

#[test]
fn a_new_tool_version_never_changes_screenings_done_with_the_old_one() {
    let (_db, mut store, bea, client) = setup();
    let v1 = SHIPPED[0];
    let v2 = v1.replace("version = 2", "version = 3").replace("k = 1", "k = 2");
    let old = begin(&mut store, &bea, client, v1, "no");
    answer_all(&mut store, &bea, old, YOUTH_ITEMS, "ynnn");
    store.write(|tx| screenings::ensure_tool(tx, &v2, false, Some(bea.id), now())).unwrap();
    let newer = begin(&mut store, &bea, client, &v2, "no");
    answer_all(&mut store, &bea, newer, YOUTH_ITEMS, "ynnn");
    let a = store
        .write(|tx| screenings::close(tx, bea.agency_id, old, &Report::default(), now()))
        .unwrap();
    let b = store
        .write(|tx| screenings::close(tx, bea.agency_id, newer, &Report::default(), now()))
        .unwrap();
    assert_eq!(a.level.as_deref(), Some("indicators"));
    assert_eq!(b.level.as_deref(), Some("none"));
    // The newest version is the one on offer; the stored text of a version cannot change.
    let offered = screenings::available(store.conn()).unwrap();
    assert!(offered.iter().any(|(id, v, _)| id == "youth-quick-4" && *v == 3));
    assert!(store.conn().execute("UPDATE screening_tools SET definition = ''", []).is_err());
    let changed = v1.replace("Youth quick screen", "Youth screen");
    assert!(store.write(|tx| screenings::ensure_tool(tx, &changed, false, None, now())).is_err());
}

#[test]
fn a_changed_answer_keeps_the_earlier_one() {
    let (_db, mut store, bea, client) = setup();
    let id = begin(&mut store, &bea, client, SHIPPED[0], "no");
    for a in [Answer::Declined, Answer::No, Answer::Yes] {
        store
            .write(|tx| {
                screenings::answer(
                    tx,
                    bea.agency_id,
                    id,
                    &Given {
                        item: "threats",
                        answer: a,
                        source: "said",
                        note: Some("later visit"),
                    },
                    bea.id,
                    now(),
                )
            })
            .unwrap();
    }
    assert_eq!(
        screenings::history(store.conn(), id, "threats").unwrap(),
        vec![Answer::Declined, Answer::No, Answer::Yes]
    );
    assert_eq!(screenings::answers(store.conn(), id).unwrap()["threats"], Answer::Yes);
    assert!(store.conn().execute("UPDATE screening_answers SET answer = 'no'", []).is_err());
}

#[test]
fn a_minors_positive_result_cannot_close_without_the_report() {
    let (_db, mut store, bea, client) = setup();
    let id = begin(&mut store, &bea, client, SHIPPED[0], "yes");
    answer_all(&mut store, &bea, id, YOUTH_ITEMS, "nyny");
    let refused =
        store.write(|tx| screenings::close(tx, bea.agency_id, id, &Report::default(), now()));
    assert!(matches!(refused, Err(intake::Error::User(intake::i18n::Msg::ErrReportRequired, _))));
    let report = Report {
        reported_to: vec!["cyfd".into()],
        reported_at: Some(now()),
        not_reported_reason: None,
    };
    let out = store.write(|tx| screenings::close(tx, bea.agency_id, id, &report, now())).unwrap();
    assert_eq!(out.level.as_deref(), Some("indicators"));
    // Closed: answers stay as they were.
    let late = store.write(|tx| {
        screenings::answer(
            tx,
            bea.agency_id,
            id,
            &Given { item: "exchange", answer: Answer::Yes, source: "said", note: None },
            bea.id,
            now(),
        )
    });
    assert!(late.is_err());
    // Another agency cannot touch it.
    let other = accounts::add_user(
        &mut store,
        Actor::CLI,
        CHEAP,
        &account("zed", "Zed", Role::Advocate, "Other", "470193"),
        now(),
    )
    .unwrap();
    let zed = intake::store::users::get(store.conn(), other).unwrap().unwrap();
    let id2 = begin(&mut store, &bea, client, SHIPPED[1], "no");
    let foreign = store.write(|tx| {
        screenings::answer(
            tx,
            zed.agency_id,
            id2,
            &Given { item: "debt", answer: Answer::No, source: "said", note: None },
            zed.id,
            now(),
        )
    });
    assert!(foreign.is_err());
}

#[test]
fn only_administrators_import_tools_and_it_is_audited() {
    let (db, store, _bea, _client) = setup();
    drop(store);
    let file = db.dir.path().join("tool.toml");
    std::fs::write(&file, SHIPPED[0].replace("version = 2", "version = 4")).unwrap();
    let out =
        run_intake(&db, &["screening", "import", file.to_str().unwrap(), "--user", "bea"], "");
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("Only an administrator"));
    let out =
        run_intake(&db, &["screening", "import", file.to_str().unwrap(), "--user", "ana"], "");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let list = run_intake(&db, &["screening", "list"], "");
    assert!(String::from_utf8_lossy(&list.stdout).contains("youth-quick-4\t4\t4"));
    let store = db.open();
    assert!(audit_events(&store).contains(&("tool_import".into(), "ok".into())));
}

/// An imported tool with levels of its own: "possible" and "clear" find indicators.
const WEIGHTED: &str = include_str!("fixtures/weighted-tool.toml");

/// The statuses on the client's timeline, newest first.
fn timeline_statuses(
    store: &Store,
    u: &User,
    client: intake::domain::ids::ClientId,
) -> Vec<String> {
    intake::store::clients::timeline(store.conn(), u.agency_id, client, 0, 20)
        .unwrap()
        .into_iter()
        .filter(|e| e.kind == intake::domain::client::EventKind::Screening)
        .map(|e| e.b)
        .collect()
}

#[test]
fn an_imported_tools_levels_read_as_results_and_an_old_database_learns_them() {
    use intake::domain::screening::Status;
    let (db, mut store, bea, client) = setup();
    let id = begin(&mut store, &bea, client, WEIGHTED, "no");
    answer_all(&mut store, &bea, id, &["a", "b"], "yn");
    let out = store
        .write(|tx| screenings::close(tx, bea.agency_id, id, &Report::default(), now()))
        .unwrap();
    assert_eq!(out.level.as_deref(), Some("possible"));
    // The timeline says what the level means, not the tool's own name for it.
    assert_eq!(timeline_statuses(&store, &bea, client), ["indicators"]);
    assert_eq!(
        Status::parse("indicators").unwrap().label(intake::i18n::Lang::Es),
        "hay indicadores"
    );

    // The same screening in a database from before results were kept (version 8).
    store
        .conn()
        .execute_batch(
            "ALTER TABLE screenings DROP COLUMN result; DROP INDEX contacts_by_caller;
             DROP TABLE drafts;
             CREATE TABLE drafts (
                 id INTEGER PRIMARY KEY, user_id INTEGER NOT NULL REFERENCES users(id),
                 form TEXT NOT NULL, record_id INTEGER, payload TEXT NOT NULL,
                 updated_at TEXT NOT NULL);
             CREATE UNIQUE INDEX drafts_one_per_form
                 ON drafts(user_id, form, coalesce(record_id, 0));
             DROP INDEX sessions_open; ALTER TABLE sessions DROP COLUMN pid;
             DROP TRIGGER clients_search_insert; DROP TRIGGER clients_search_delete;
             DROP TRIGGER clients_search_update; DROP TABLE clients_search;
             DROP VIEW contact_day_callers_recount; DROP VIEW contacts_shown; DROP VIEW tips_shown;
             DROP VIEW clients_shown; DROP VIEW services_shown; DROP VIEW payments_shown;
             DROP VIEW dir_services_shown; DROP VIEW dir_organizations_shown;
             DROP TABLE import_day_counts; DROP TABLE import_day_callers; DROP TABLE imports; DROP VIEW contact_day_recount;
             DROP VIEW contact_day_rows; DROP TRIGGER contacts_rollup_insert;
             DROP TRIGGER contacts_rollup_delete; DROP TRIGGER contacts_rollup_update;
             DROP INDEX clients_import; DROP INDEX services_import; DROP INDEX payments_import;
             DROP TRIGGER payments_no_delete;
             CREATE TRIGGER payments_no_delete BEFORE DELETE ON payments
             BEGIN SELECT RAISE(ABORT, 'payments are voided, never deleted'); END;
             DROP INDEX services_report; DROP INDEX clients_intake; DROP INDEX clients_by_activity;
             CREATE INDEX services_report ON services(agency_id, delivered_on, service_type,
                 voca_family, client_id);
             CREATE INDEX clients_intake ON clients(agency_id, intake_on);
             CREATE INDEX clients_by_activity ON clients(agency_id, last_activity DESC, id DESC);
             ALTER TABLE clients DROP COLUMN import_id; ALTER TABLE services DROP COLUMN import_id;
             ALTER TABLE payments DROP COLUMN import_id;
             DROP INDEX dir_services_import; DROP INDEX dir_services_replaces;
             DROP INDEX dir_organizations_import; DROP INDEX dir_places_import;
             DROP INDEX referrals_service;
             DROP INDEX dir_services_hsds;
             CREATE UNIQUE INDEX dir_services_hsds ON dir_services(hsds_id) WHERE hsds_id IS NOT NULL;
             ALTER TABLE dir_services DROP COLUMN import_id; ALTER TABLE dir_services DROP COLUMN replaces;
             ALTER TABLE dir_organizations DROP COLUMN import_id; ALTER TABLE dir_places DROP COLUMN import_id;
             DROP TABLE contact_day_counts; DROP TABLE contact_day_callers;
             DROP TABLE retention; DROP INDEX contacts_unpurged; DROP INDEX tips_unpurged;
             ALTER TABLE contacts DROP COLUMN purged_at; ALTER TABLE tips DROP COLUMN purged_at;
             DROP INDEX clients_unpurged; ALTER TABLE clients DROP COLUMN purged_at;
             ALTER TABLE clients DROP COLUMN purge_reason; DROP TRIGGER audit_log_no_delete; DROP TABLE audit_checkpoints;
             ALTER TABLE clients DROP COLUMN victimizations;
             ALTER TABLE clients DROP COLUMN classifications;
             DROP INDEX contacts_import; DROP INDEX tips_import;
             DROP INDEX contacts_by_time;
             CREATE INDEX contacts_by_time ON contacts(agency_id, started_at DESC, id DESC);
             DROP INDEX tips_by_time; DROP INDEX tips_referred;
             CREATE INDEX tips_by_time ON tips(received_at DESC, id DESC);
             CREATE INDEX tips_referred ON tips(referred_to, received_at DESC);
             ALTER TABLE contacts DROP COLUMN import_id; ALTER TABLE tips DROP COLUMN import_id;
             ALTER TABLE tips DROP COLUMN annotations;
             ALTER TABLE clients DROP COLUMN family_served;
             ALTER TABLE client_status DROP COLUMN closure_reason;
             ALTER TABLE client_status DROP COLUMN living_situation;
             DROP TABLE client_relief; DROP TABLE case_transfers; DROP TABLE disclosures;
             DROP TABLE release_defaults; DROP INDEX referrals_release; DROP TABLE audit_anchor;
             PRAGMA writable_schema = ON;
             UPDATE sqlite_master SET sql =
                 substr(sql, 1, instr(sql, '    -- What the referral carries') - 1)
                 || substr(sql, instr(sql, '    CHECK ((client_id IS NULL)'))
                 WHERE name = 'referrals';
             PRAGMA writable_schema = OFF;
             DROP TABLE releases;
             DROP TABLE outreach_events;
             DROP TABLE dir_term_map; DROP TABLE dir_service_terms; DROP TABLE dir_terms;
             DROP TABLE dir_taxonomies; DROP TABLE dir_service_areas; DROP TABLE dir_schedule_rules;
             DROP TABLE dir_phones; DROP TABLE dir_service_places; DROP TABLE dir_places;
             CREATE TABLE dir_locations (id INTEGER PRIMARY KEY,
                 service_id INTEGER NOT NULL REFERENCES dir_services(id), city TEXT, zip TEXT,
                 address TEXT, show_address INTEGER NOT NULL DEFAULT 0, hsds_id TEXT);
             ALTER TABLE dir_services DROP COLUMN temporarily_closed;
             CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
             BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
             CREATE INDEX contacts_report ON contacts(agency_id, started_at, channel, direction,
                 caller_type, language, outcomes, caller_hash);
             PRAGMA user_version = 8;",
        )
        .unwrap();
    drop(store);
    let store = db.open();
    let version: i64 = store.conn().query_row("PRAGMA user_version", [], |r| r.get(0)).unwrap();
    assert_eq!(version, intake::store::migrate::latest());
    assert_eq!(timeline_statuses(&store, &bea, client), ["indicators"]);
    let stored: Option<String> = store
        .conn()
        .query_row("SELECT result FROM screenings WHERE id = ?1", [id], |r| r.get(0))
        .unwrap();
    assert_eq!(stored.as_deref(), Some("indicators"));
}

#[test]
fn a_mandatory_report_made_from_a_screening_is_in_the_disclosure_log() {
    let (_db, mut store, bea, client) = setup();
    let id = begin(&mut store, &bea, client, SHIPPED[0], "yes");
    answer_all(&mut store, &bea, id, YOUTH_ITEMS, "nyny");
    let report = Report {
        reported_to: vec!["cyfd".into()],
        reported_at: Some("2026-11-28T19:30:00Z".parse().unwrap()),
        not_reported_reason: None,
    };
    let who = Who { user: &bea, session_id: None };
    casework::close_screening(&mut store, who, id, &report, now()).unwrap();
    let subject = intake::store::referrals::Subject::Client(client);
    let log = intake::store::disclosures::of(store.conn(), bea.agency_id, subject).unwrap();
    assert_eq!(log.len(), 1);
    let l = &log[0];
    assert_eq!(
        (l.kind.as_str(), l.recipient_kind.as_str(), l.basis.as_str(), l.told.as_str()),
        ("mandatory_report", "child_welfare", "statute", "not_yet")
    );
    assert_eq!(l.on, "2026-11-28".parse().unwrap());
    assert_eq!(l.what, ["contact_details", "case_notes"]);
    // A screening that ends without a report (an adult, nothing found) logs nothing.
    let adult = begin(&mut store, &bea, client, SHIPPED[0], "no");
    answer_all(&mut store, &bea, adult, YOUTH_ITEMS, "nnnn");
    casework::close_screening(&mut store, who, adult, &Report::default(), now()).unwrap();
    assert_eq!(
        intake::store::disclosures::of(store.conn(), bea.agency_id, subject).unwrap().len(),
        1
    );
}

#[test]
fn a_tool_file_has_limits_and_a_bad_one_is_named_with_its_line() {
    let (db, store, _bea, _client) = setup();
    drop(store);
    let dir = db.dir.path();
    let check = |name: &str, body: &[u8]| {
        let file = dir.join(name);
        std::fs::write(&file, body).unwrap();
        let out = run_intake(&db, &["screening", "check", file.to_str().unwrap()], "");
        let said = format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        (out.status.success(), said)
    };
    // 201 questions: too many for a checklist, refused before anything else is checked.
    let mut many = SHIPPED[0].to_string();
    for i in 0..201 {
        many.push_str(&format!(
            "\n[[items]]\nid = \"q{i}\"\ndomain = \"commercial_sex\"\nscale = \"yes_no\"\n[items.text]\nen = \"Question {i}?\"\nes = \"¿Pregunta {i}?\"\n[items.help]\nen = \"Ask.\"\nes = \"Pregunte.\"\n"
        ));
    }
    let (ok, said) = check("many.toml", many.as_bytes());
    assert!(!ok && said.contains("too many for a checklist"), "{said}");
    // Longer than any tool: refused without reading it all.
    let (ok, said) = check("huge.toml", &vec![b'#'; 300 * 1024]);
    assert!(!ok && said.contains("longer than a tool may be"), "{said}");
    // Not UTF-8: the file and the line of the first bad byte.
    let (ok, said) = check("latin1.toml", b"id = \"x\"\nversion = 1\ntitle = \"Gu\xeda\"\n");
    assert!(!ok && said.contains("latin1.toml") && said.contains("line 3"), "{said}");
    // The shipped tool still passes.
    let (ok, said) = check("fine.toml", SHIPPED[0].as_bytes());
    assert!(ok, "{said}");
}
