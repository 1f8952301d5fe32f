//! The console's hot paths on a large synthetic database: the first page of the hotline log
//! (plain and filtered), a client search, the duplicate check before saving a client, a case
//! timeline, and drawing a frame. Each is timed over repeated runs; the median is printed.
//!
//! Run with `cargo bench`. The database is built fresh in a temporary directory each time
//! (100,000 contacts and 20,000 clients of one agency, spread over ten years).

mod common;

use std::time::{Duration, Instant};

use intake::auth::accounts::{self};
use intake::domain::client::{self, Client, initials_key};
use intake::domain::contact::{self, Contact};
use intake::domain::record::{Raw, RuntimeOptions};
use intake::domain::staff::Role;
use intake::store::{DbPaths, Store, clients, contacts};
use jiff::{SignedDuration, Timestamp};

const CONTACTS: usize = 100_000;
const CLIENTS: usize = 100_000;
const RUNS: usize = 50;

/// A small deterministic generator, so every run builds the same data.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self, n: u64) -> u64 {
        self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        (self.0 >> 33) % n
    }
}

fn time(name: &str, mut f: impl FnMut()) {
    f();
    let mut runs: Vec<Duration> = (0..RUNS)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed()
        })
        .collect();
    runs.sort();
    let (median, p95) = (runs[RUNS / 2], runs[RUNS * 95 / 100]);
    println!(
        "{name:<44} median {:>9.1} µs  p95 {:>9.1} µs",
        median.as_secs_f64() * 1e6,
        p95.as_secs_f64() * 1e6
    );
}

fn main() {
    let dir = tempfile::tempdir().expect("temp dir");
    let paths = DbPaths::new(dir.path().join("bench.db"), None);
    let mut store = Store::open(&paths, true).expect("store");
    common::add_account(&mut store, "root", "Ana", Role::Admin, "Enlace");
    common::add_account(&mut store, "ana", "Ana", Role::Advocate, "Enlace");
    let ana = accounts::find_user(&store, "ana").expect("ana");

    let built = Instant::now();
    let mut rng = Lcg(7);
    let start: Timestamp = "2016-01-01T00:00:00Z".parse().expect("time");
    let channels = ["call", "text", "chat", "email", "walk_in", "outreach"];
    let outcomes = ["information", "referral", "direct_help", "report_made"];
    store
        .write(|tx| {
            for _ in 0..CONTACTS {
                let mut raw: Raw = contact::defaults(
                    start + SignedDuration::from_mins(rng.next(5_256_000) as i64),
                );
                raw.insert("channel".into(), channels[rng.next(6) as usize].into());
                raw.insert("caller_type".into(), "community".into());
                let o = outcomes[rng.next(3) as usize];
                raw.insert("outcomes".into(), o.into());
                let c = Contact::from_raw(&raw).expect("contact");
                contacts::insert(tx, ana.agency_id, ana.id, &c, None, start, None)?;
            }
            let names =
                ["María", "José", "Luz", "Ana", "Rosa", "Juan", "Sol", "Pedro", "Lupe", "Nina"];
            for i in 0..CLIENTS {
                let mut raw = client::defaults();
                let name = format!("{} {}", names[rng.next(10) as usize], i);
                raw.insert("chosen_name".into(), name);
                raw.insert("age".into(), (12 + rng.next(50)).to_string());
                let c = Client::from_raw(
                    &raw,
                    &RuntimeOptions::new(),
                    "2026-01-01".parse().expect("date"),
                )
                .expect("client");
                clients::insert(
                    tx,
                    ana.agency_id,
                    ana.id,
                    &c,
                    clients::Intake::typed("2025-01-01".parse().expect("date")),
                    start,
                )?;
            }
            Ok(())
        })
        .expect("data");
    println!(
        "built {CONTACTS} contacts and {CLIENTS} clients in {:.1} s",
        built.elapsed().as_secs_f64()
    );

    let page = 14;
    time("hotline log, first page", || {
        contacts::list(store.conn(), ana.agency_id, &Default::default(), 0, page).expect("list");
    });
    let filter = contacts::Filter {
        from: Some("2020-01-01".parse().expect("date")),
        to: Some("2020-12-31".parse().expect("date")),
        outcome: Some("referral".into()),
        ..Default::default()
    };
    time("hotline log, a year and an outcome", || {
        contacts::list(store.conn(), ana.agency_id, &filter, 0, page).expect("list");
    });
    time("hotline log, page 500 by offset", || {
        contacts::list(store.conn(), ana.agency_id, &Default::default(), 500 * page, page)
            .expect("list");
    });
    // The console pages by key: page 500 is the rows after page 499's last row.
    let last = contacts::list(store.conn(), ana.agency_id, &Default::default(), 500 * page - 1, 1)
        .expect("list")
        .remove(0);
    let key = intake::store::Key { at: last.started_at, id: last.id.into() };
    time("hotline log, page 500 by key (the console's)", || {
        let start = intake::store::Start::After(key.clone());
        contacts::page(store.conn(), ana.agency_id, &Default::default(), start, page)
            .expect("list");
    });
    // The whole log read as an export reads it (500 rows a page, in record-number order, after
    // the last id read), beside one plain SELECT of the same rows, the bare stack's way.
    let t = Instant::now();
    let (mut after, mut n) = (0, 0);
    loop {
        let rows =
            contacts::export_page(store.conn(), ana.agency_id, &Default::default(), after, 500)
                .expect("export");
        let Some(last) = rows.last() else { break };
        after = last.id.0;
        n += rows.len();
    }
    println!(
        "{:<44} {:>9.1} ms for {n} rows",
        "the whole log, as an export reads it",
        t.elapsed().as_secs_f64() * 1e3
    );
    let t = Instant::now();
    let mut stmt = store
        .conn()
        .prepare(
            "SELECT id, started_at, channel, direction, duration_min, caller_type, caller_last2,
                    language, area, trafficking_type, minor, outcomes, reported_to, follow_up_on
             FROM contacts ORDER BY id",
        )
        .expect("bare");
    let bare_n = stmt
        .query_map([], |r| {
            (0..14).map(|i| r.get::<_, rusqlite::types::Value>(i)).collect::<Result<Vec<_>, _>>()
        })
        .expect("bare")
        .count();
    println!(
        "{:<44} {:>9.1} ms for {bare_n} rows",
        "bare stack: one SELECT of the whole log",
        t.elapsed().as_secs_f64() * 1e3
    );
    drop(stmt);
    for (name, words) in [
        ("client search by name", "maria 12"),
        ("client search, no match", "zzzz"),
        ("client search, a record number", "#12345"),
    ] {
        let search = clients::Filter { search: Some(words.into()), ..Default::default() };
        time(name, || {
            clients::list(store.conn(), ana.agency_id, &search, 0, page).expect("search");
        });
    }
    // The bare stack: the same names in a plain FTS5 table, the same words as prefixes.
    let bare = rusqlite::Connection::open_in_memory().expect("bare");
    bare.execute_batch("CREATE VIRTUAL TABLE names USING fts5(name, prefix = '1 2 3');")
        .expect("bare fts");
    {
        let mut names = store.conn().prepare("SELECT name_key FROM clients").expect("names");
        let all: Vec<String> =
            names.query_map([], |r| r.get(0)).expect("names").map(|n| n.expect("name")).collect();
        let mut insert = bare.prepare("INSERT INTO names (name) VALUES (?1)").expect("insert");
        for n in all {
            insert.execute([n]).expect("insert");
        }
    }
    time("bare stack: FTS5 prefix search, 20 rows", || {
        let mut q = bare
            .prepare_cached("SELECT rowid FROM names WHERE names MATCH ?1 LIMIT 20")
            .expect("bare query");
        let _ = q.query_map(["\"maria\"* \"12\"*"], |r| r.get::<_, i64>(0)).expect("bare").count();
    });
    let probe = Client { chosen_name: "María José".into(), age: Some(30), ..Default::default() };
    let _ = initials_key(&probe.chosen_name);
    time("duplicate check before saving a client", || {
        clients::duplicates(
            store.conn(),
            ana.agency_id,
            &probe,
            "2026-11-28".parse().expect("date"),
        )
        .expect("dups");
    });
    time("case timeline, first page", || {
        clients::timeline(store.conn(), ana.agency_id, intake::domain::ids::ClientId(1), 0, page)
            .expect("timeline");
    });

    // A burst of keys kept as a draft: without waiting for the disk (as the console does), and
    // the same write waiting for it (as a saved record does), beside a bare rusqlite commit of
    // one small row on a plain database (no encryption, no indexes) waiting for the disk.
    let who = intake::service::Who { user: &ana, session_id: None };
    let form = intake::domain::draft::DraftForm::Contact;
    let mut n = 0;
    time("a draft kept (synchronous NORMAL)", || {
        n += 1;
        let payload = format!(r#"{{"focus":18,"fields":{{"notes":"Caller at the station {n}"}}}}"#);
        intake::service::hotline::save_draft(
            &mut store,
            who,
            form,
            None,
            &payload,
            Timestamp::now(),
        )
        .expect("draft");
    });
    time("the same write waiting for the disk (FULL)", || {
        n += 1;
        let payload = format!(r#"{{"focus":18,"fields":{{"notes":"Caller at the station {n}"}}}}"#);
        store
            .write(|tx| {
                intake::store::drafts::save(
                    tx,
                    ana.id,
                    None,
                    form,
                    None,
                    &payload,
                    Timestamp::now(),
                )
            })
            .expect("draft");
    });
    let bare = rusqlite::Connection::open(dir.path().join("bare.db")).expect("bare");
    bare.execute_batch(
        "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL;
         CREATE TABLE drafts (id INTEGER PRIMARY KEY, payload TEXT NOT NULL);",
    )
    .expect("bare schema");
    time("bare stack: one small row committed (FULL)", || {
        bare.execute("INSERT OR REPLACE INTO drafts (id, payload) VALUES (1, ?1)", ["x"])
            .expect("bare write");
    });

    // A PIN check at the production cost, in the process's one reused argon2 memory, beside
    // the argon2 crate's own verify (which allocates its 19 MiB each time).
    let stored = intake::auth::pin::hash("508731", intake::auth::pin::PRODUCTION).expect("hash");
    time("PIN check, production cost", || {
        assert!(intake::auth::pin::verify("508731", &stored));
    });
    time("bare stack: argon2's own verify_password", || {
        use argon2::password_hash::{PasswordHash, PasswordVerifier};
        let parsed = PasswordHash::new(&stored).expect("phc");
        assert!(argon2::Argon2::default().verify_password(b"508731", &parsed).is_ok());
    });

    // One frame of the console at 80x24, drawn into a test backend.
    let store2 = Store::open(&paths, false).expect("store");
    let mut app = intake::ui::App::new(store2, common::console_options()).expect("app");
    let mut term =
        ratatui::Terminal::new(ratatui::backend::TestBackend::new(80, 24)).expect("terminal");
    time("draw one frame (login screen)", || {
        term.draw(|f| intake::ui::screens::draw(f, &app)).expect("draw");
    });
    app.redraw = false;
}
