//! Directory search on 10,000 and 100,000 services: a word, an accent-free prefix, a search
//! with filters, and the first page with no words. Medians and 95th percentiles over repeated
//! runs. The searches by words stand beside the bare stack: the same services' names,
//! organizations and descriptions in a plain FTS5 table, ranked by bm25, the first page.

mod common;

use std::time::{Duration, Instant};

use intake::store::directory::{self, Filter, NewService};
use intake::store::{DbPaths, Store};
use jiff::Timestamp;

const RUNS: usize = 30;
const WORDS: &[&str] = &[
    "legal",
    "shelter",
    "housing",
    "clinic",
    "youth",
    "family",
    "José",
    "María",
    "Doña",
    "immigration",
    "visa",
    "counselling",
    "transport",
    "food",
    "bus",
    "health",
    "trauma",
    "therapy",
    "advocacy",
    "outreach",
    "job",
    "training",
    "child",
    "care",
    "interpretation",
    "Navajo",
    "pueblo",
    "crisis",
    "line",
    "support",
];

struct Lcg(u64);

impl Lcg {
    fn next(&mut self, n: u64) -> u64 {
        self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        (self.0 >> 33) % n
    }
}

fn words(rng: &mut Lcg, n: usize) -> String {
    (0..n).map(|_| WORDS[rng.next(WORDS.len() as u64) as usize]).collect::<Vec<_>>().join(" ")
}

/// Time `f`; print and return its 95th percentile.
fn time(name: &str, mut f: impl FnMut() -> usize) -> Duration {
    let found = f();
    let mut runs: Vec<Duration> = (0..RUNS)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed()
        })
        .collect();
    runs.sort();
    println!(
        "{name:<46} median {:>8.1} µs  p95 {:>8.1} µs ({found} on the page)",
        runs[RUNS / 2].as_secs_f64() * 1e6,
        runs[RUNS * 95 / 100].as_secs_f64() * 1e6
    );
    runs[RUNS * 95 / 100]
}

/// The bare stack's search for `query`: a plain FTS5 table of the same text, bm25, one page.
fn bare(conn: &rusqlite::Connection, label: &str, query: &str, ours: Duration) {
    let p95 = time(&format!("bare stack: {label}"), || {
        let mut q = conn
            .prepare_cached("SELECT rowid FROM t WHERE t MATCH ?1 ORDER BY bm25(t) LIMIT 14")
            .expect("bare query");
        q.query_map([query], |r| r.get::<_, i64>(0)).expect("bare").count()
    });
    println!("{:<46} ours / bare at p95: {:.2}", "", ours.as_secs_f64() / p95.as_secs_f64());
}

fn bench(size: usize) {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut store =
        Store::open(&DbPaths::new(dir.path().join("dir.db"), None), true).expect("store");
    let areas = intake::domain::areas::all();
    let categories = directory::categories();
    let now = Timestamp::now();
    let built = Instant::now();
    let mut rng = Lcg(11);
    store
        .write(|tx| {
            let mut org = 0;
            for i in 0..size {
                if i % 5 == 0 {
                    org = directory::add_organization(
                        tx,
                        &words(&mut rng, 3),
                        &words(&mut rng, 8),
                        None,
                        true,
                        None,
                        now,
                    )?;
                }
                let service = NewService {
                    organization_id: org,
                    name: words(&mut rng, 3),
                    description: words(&mut rng, 20),
                    categories: vec![categories[rng.next(categories.len() as u64) as usize].into()],
                    areas: vec![areas[rng.next(areas.len() as u64) as usize].clone()],
                    languages: vec!["english".into()],
                    statewide: rng.next(20) == 0,
                    open_24_7: rng.next(30) == 0,
                    schedule: intake::domain::directory::parse_schedule(match rng.next(3) {
                        0 => "Mo-Fr 08:00-17:00",
                        1 => "Mo-Sa 09:00-13:00, 14:00-18:00",
                        _ => "",
                    })
                    .expect("hours"),
                    ..Default::default()
                };
                directory::add_service(tx, &service, now)?;
            }
            Ok(())
        })
        .expect("data");
    println!("-- {size} services (built in {:.1} s)", built.elapsed().as_secs_f64());
    let today = "2026-11-28".parse().expect("date");
    let none = Filter::default();
    let page = 14;
    let plain = rusqlite::Connection::open_in_memory().expect("bare");
    plain
        .execute_batch(
            "CREATE VIRTUAL TABLE t USING fts5(name, organization, description,
                 tokenize = 'unicode61 remove_diacritics 2', prefix = '1 2 3')",
        )
        .expect("bare table");
    {
        let mut read = store
            .conn()
            .prepare(
                "SELECT s.id, s.name, o.name, s.description FROM dir_services s
                 JOIN dir_organizations o ON o.id = s.organization_id",
            )
            .expect("read");
        let mut put = plain
            .prepare(
                "INSERT INTO t (rowid, name, organization, description) VALUES (?1, ?2, ?3, ?4)",
            )
            .expect("put");
        let mut rows = read.query([]).expect("rows");
        while let Some(r) = rows.next().expect("row") {
            let (id, a, b, c): (i64, String, String, String) = (
                r.get(0).expect("id"),
                r.get(1).expect("a"),
                r.get(2).expect("b"),
                r.get(3).expect("c"),
            );
            put.execute(rusqlite::params![id, a, b, c]).expect("put");
        }
    }
    let ours = time("a word: legal", || {
        directory::search(store.conn(), "legal", &none, today, 0, page).expect("s").len()
    });
    bare(&plain, "a word: legal", "legal", ours);
    let ours = time("accent-free prefix: jos", || {
        directory::search(store.conn(), "jos", &none, today, 0, page).expect("s").len()
    });
    bare(&plain, "a prefix: jos*", "jos*", ours);
    let ours = time("two words: youth shelter", || {
        directory::search(store.conn(), "youth shelter", &none, today, 0, page).expect("s").len()
    });
    bare(&plain, "two words: youth shelter", "youth AND shelter", ours);
    let filtered = Filter {
        category: Some("legal".into()),
        area: Some("Doña Ana County".into()),
        ..none.clone()
    };
    let ours = time("words and filters: visa + legal + Doña Ana", || {
        directory::search(store.conn(), "visa", &filtered, today, 0, page).expect("s").len()
    });
    // The bare stack has no filters: its counterpart ranks the word alone.
    bare(&plain, "the word alone: visa", "visa", ours);
    // Monday 10:00 in Denver.
    let open_now = Filter { open_now: Some((1, 600)), ..none.clone() };
    time("open now, first page", || {
        directory::search(store.conn(), "", &open_now, today, 0, page).expect("s").len()
    });
    let ours = time("a word, open now: legal", || {
        directory::search(store.conn(), "legal", &open_now, today, 0, page).expect("s").len()
    });
    bare(&plain, "the word alone: legal", "legal", ours);
    time("no words, first page by name", || {
        directory::search(store.conn(), "", &none, today, 0, page).expect("s").len()
    });
    // A directory import under way: a tenth as many services again written out of sight, each
    // replacing one already here; search leaves them out by id.
    common::add_account(&mut store, "ana", "Ana", intake::domain::staff::Role::Admin, "Enlace");
    let ana = intake::auth::accounts::find_user(&store, "ana").expect("ana");
    store
        .write(|tx| {
            use intake::store::imports;
            let import = imports::begin(tx, imports::Kind::Directory, ana.agency_id, ana.id, now)?;
            let mut changed = Vec::new();
            for i in 0..size / 10 {
                let old = intake::domain::ids::ServiceId(1 + i as i64 * 10);
                let Some(mut s) = directory::stored_service(tx, old, false)? else { continue };
                s.name = format!("{} legal", s.name);
                let hsds_id = format!("bench-{i}");
                let staged = directory::Staged {
                    import,
                    hsds_id: &hsds_id,
                    replaces: Some(old),
                    retired: false,
                    organization: "Bench",
                };
                directory::add_staged(tx, &s, &staged, &mut changed, now)?;
            }
            Ok(())
        })
        .expect("staged");
    time("an import under way: legal", || {
        directory::search(store.conn(), "legal", &none, today, 0, page).expect("s").len()
    });
    time("an import under way: legal, open now", || {
        directory::search(store.conn(), "legal", &open_now, today, 0, page).expect("s").len()
    });
    time("an import under way: no words", || {
        directory::search(store.conn(), "", &none, today, 0, page).expect("s").len()
    });
}

fn main() {
    bench(10_000);
    bench(100_000);
}
