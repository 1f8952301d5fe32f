//! Reports on ten years of statewide work: a million hotline contacts, 60,000 clients with
//! 200,000 services, 20,000 referrals, 40,000 tips and 30,000 payments, made by a generator
//! whose mix follows the shape of real hotline and casework data (most contacts incoming calls,
//! a few callers calling often, more clients in later years). Each report is timed for one state
//! fiscal year, for a federal quarter, and for all ten years.

use std::time::{Duration, Instant};

use intake::auth::{Actor, accounts, pin};
use intake::domain::staff::Role;
use intake::i18n::Lang;
use intake::service::reports::{self, Kind, Period};
use intake::store::{DbPaths, Store};
use jiff::Timestamp;
use jiff::civil::Date;
use rusqlite::params;

const RUNS: usize = 5;

struct Lcg(u64);

impl Lcg {
    fn next(&mut self, n: u64) -> u64 {
        self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        (self.0 >> 33) % n
    }

    /// One of `options`, by weight.
    fn pick<'a>(&mut self, options: &[(&'a str, u64)]) -> &'a str {
        let total: u64 = options.iter().map(|(_, w)| w).sum();
        let mut x = self.next(total);
        for (o, w) in options {
            if x < *w {
                return o;
            }
            x -= w;
        }
        options[0].0
    }
}

fn day_of(first: Date, n: i64) -> Date {
    first.checked_add(jiff::Span::new().days(n)).expect("day")
}

fn generate(store: &mut Store, rng: &mut Lcg) -> (i64, i64) {
    let now = Timestamp::now();
    let admin = pin::HashCost { m_kib: 8, t: 1, p: 1 };
    let account = accounts::NewAccount {
        username: "sup",
        display_name: "Supervisor",
        role: Role::Admin,
        agency: "Statewide hotline",
        pin: "508731",
        pin_again: "508731",
        temporary: false,
        lang: Lang::En,
    };
    accounts::add_user(store, Actor::CLI, admin, &account, now).expect("admin");
    let user = accounts::find_user(store, "sup").expect("user");
    let (agency, uid) = (user.agency_id.0, user.id.0);
    let first: Date = "2016-07-01".parse().expect("date");
    let days = 3652;
    store
        .write(|tx| {
            let mut c = tx.prepare(
                "INSERT INTO contacts (agency_id, created_by, channel, direction, started_at, caller_type,
                     caller_hash, language, interpreter, area, trafficking_type, minor, outcomes,
                     topics, reported_to, reported_at, created_at, updated_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, 'no', ?11, ?9, ?12, ?10, ?13, ?14,
                         CASE WHEN ?14 = '[]' THEN NULL ELSE ?5 END, ?5, ?5)",
            )?;
            // Contacts are logged as they happen: in time order. More of them in later years.
            let mut when: Vec<(i64, u64)> = (0..1_000_000)
                .map(|_| {
                    let d = (days as f64 * ((rng.next(1_000_000) as f64 / 1e6).sqrt())) as i64;
                    (d, rng.next(24 * 60))
                })
                .collect();
            when.sort_unstable();
            for (d, minute) in when {
                let day = day_of(first, d);
                let at = format!("{day}T{:02}:{:02}:00Z", minute / 60, minute % 60);
                // A keyed hash is random from its first digit: the caller number, mixed.
                let caller = (rng.next(3) > 0).then(|| {
                    let n = rng.next(200_000);
                    let mixed = n.wrapping_mul(0x9E37_79B9_7F4A_7C15).rotate_left(29);
                    format!("{mixed:016x}{n:048x}")
                });
                let outcome = rng.pick(&[("[\"information\"]", 5), ("[\"referral\"]", 3), ("[\"direct_help\"]", 1), ("[]", 1)]);
                c.execute(params![
                    agency,
                    uid,
                    rng.pick(&[("call", 70), ("text", 20), ("chat", 8), ("email", 2)]),
                    rng.pick(&[("incoming", 9), ("outgoing", 1)]),
                    at,
                    rng.pick(&[("possible_victim", 3), ("community", 3), ("professional", 2), ("family_friend", 1), ("anonymous", 1)]),
                    caller,
                    rng.pick(&[("english", 7), ("spanish", 3), ("navajo", 1)]),
                    rng.pick(&[("sex", 3), ("labour", 2), ("both", 1), ("unknown", 4)]),
                    outcome,
                    // Counties as a statewide line hears them: most from the cities.
                    rng.pick(&[
                        ("Bernalillo County", 30), ("Doña Ana County", 10), ("Santa Fe County", 8),
                        ("Sandoval County", 6), ("San Juan County", 5), ("McKinley County", 5),
                        ("Valencia County", 4), ("Lea County", 3), ("Otero County", 3),
                        ("Chaves County", 3), ("Eddy County", 3), ("Curry County", 2),
                        ("Navajo Nation", 4), ("Taos County", 2), ("Grant County", 2),
                        ("Luna County", 1), ("Cibola County", 1), ("Rio Arriba County", 2),
                        ("San Miguel County", 1), ("Lincoln County", 1), ("unknown", 4),
                    ]),
                    rng.pick(&[("no", 6), ("yes", 1), ("unknown", 3)]),
                    rng.pick(&[
                        ("[]", 4), ("[\"shelter\"]", 2), ("[\"legal\",\"immigration\"]", 1),
                        ("[\"labour\"]", 1), ("[\"safety\",\"shelter\"]", 1), ("[\"health\"]", 1),
                    ]),
                    rng.pick(&[("[]", 9), ("[\"law_enforcement\"]", 1)]),
                ])?;
            }
            let mut k = tx.prepare(
                "INSERT INTO clients (agency_id, created_by, chosen_name, name_key, initials_key, age, gender,
                     race, citizenship, disability, language, interpreter, area, trafficking_type,
                     referral_source, danger, intake_on, last_activity, created_at, updated_at)
                 VALUES (?1, ?2, 'X', 'x', 'x', ?3, ?4, ?5, ?6, 'unknown', 'english', 'no', 'Bernalillo County',
                     ?7, 'hotline', 'unknown', ?8, ?9, ?9, ?9)",
            )?;
            let mut v = tx.prepare(
                "INSERT INTO services (client_id, agency_id, service_type, voca_family, delivered_on, staff_id, created_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            )?;
            let mut intakes: Vec<i64> = (0..60_000)
                .map(|_| (days as f64 * ((rng.next(1_000_000) as f64 / 1e6).sqrt())) as i64)
                .collect();
            intakes.sort_unstable();
            for d in intakes {
                let intake = day_of(first, d);
                k.execute(params![
                    agency,
                    uid,
                    14 + rng.next(50) as i64,
                    rng.pick(&[("woman", 6), ("man", 3), ("transgender_woman", 1), ("unknown", 1)]),
                    rng.pick(&[("[\"hispanic_latino\"]", 5), ("[\"white\"]", 3), ("[\"american_indian\"]", 2), ("[]", 1)]),
                    rng.pick(&[("us_citizen", 6), ("foreign_national", 3), ("unknown", 1)]),
                    rng.pick(&[("sex", 4), ("labour", 3), ("both", 1), ("undetermined", 2)]),
                    intake.to_string(),
                    format!("{intake}T12:00:00Z"),
                ])?;
                let client = tx.last_insert_rowid();
                for _ in 0..rng.next(7) {
                    let on = day_of(intake, rng.next(400) as i64);
                    let (t, f) = *[
                        ("case_management", "information_referral"),
                        ("legal", "justice_assistance"),
                        ("emergency_housing", "shelter_housing"),
                        ("transport", "personal_advocacy"),
                        ("mental_health", "emotional_safety"),
                    ]
                    .get(rng.next(5) as usize)
                    .expect("service");
                    v.execute(params![client, agency, t, f, on.to_string(), uid, now.to_string()])?;
                }
            }
            let mut t = tx.prepare(
                "INSERT INTO tips (agency_id, created_by, source, received_at, category, area, status, referred_to,
                     created_at, updated_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, 'unknown', 'new', ?1, ?4, ?4)",
            )?;
            for _ in 0..40_000 {
                let day = day_of(first, rng.next(days as u64) as i64);
                let at = format!("{day}T{:02}:00:00Z", rng.next(24));
                t.execute(params![
                    agency,
                    uid,
                    rng.pick(&[("ncmec", 5), ("nhth", 3), ("public", 2), ("cyfd", 1)]),
                    at,
                    rng.pick(&[("csam", 5), ("enticement", 2), ("child_sex_trafficking", 1), ("adult_sex_trafficking", 1)]),
                ])?;
            }
            tx.execute(
                "INSERT INTO dir_organizations (name, status, created_at, updated_at) VALUES ('Org', 'confirmed', 'x', 'x')",
                [],
            )?;
            let org = tx.last_insert_rowid();
            for (name, cat) in [("Legal", "legal"), ("Beds", "shelter"), ("Clinic", "health_care")] {
                tx.execute(
                    "INSERT INTO dir_services (organization_id, name, created_at, updated_at) VALUES (?1, ?2, 'x', 'x')",
                    params![org, name],
                )?;
                let s = tx.last_insert_rowid();
                tx.execute(
                    "INSERT INTO dir_service_tags (service_id, kind, value) VALUES (?1, 'category', ?2)",
                    params![s, cat],
                )?;
            }
            let mut r = tx.prepare(
                "INSERT INTO referrals (agency_id, client_id, service_id, referred_on, referred_by, reason, consent,
                     follow_up_on, status, created_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, 'r', 'none', ?4, ?6, 'x')",
            )?;
            let mut h = tx.prepare(
                "INSERT INTO referral_status (referral_id, status, on_date, changed_by, changed_at) VALUES (?1, ?2, ?3, ?4, 'x')",
            )?;
            for _ in 0..20_000 {
                let on = day_of(first, rng.next(days as u64) as i64);
                let status = rng.pick(&[("made", 2), ("accepted", 3), ("completed", 4), ("declined", 1)]);
                r.execute(params![agency, 1 + rng.next(60_000) as i64, 1 + rng.next(3) as i64, on.to_string(), uid, status])?;
                let id = tx.last_insert_rowid();
                h.execute(params![id, "made", on.to_string(), uid])?;
                if status != "made" && status != "declined" {
                    h.execute(params![id, "accepted", day_of(on, rng.next(20) as i64).to_string(), uid])?;
                }
            }
            tx.execute(
                "INSERT INTO funds (agency_id, name, source, period_from, period_to, amount_cents, categories, created_by, created_at)
                 VALUES (?1, 'State fund', 'state', '2016-07-01', '2026-06-30', 100000000000, '[\"rent\",\"travel\",\"relocation\"]', ?2, 'x')",
                params![agency, uid],
            )?;
            let fund = tx.last_insert_rowid();
            let mut p = tx.prepare(
                "INSERT INTO payments (fund_id, client_id, category, amount_cents, paid_on, payee, status, requested_by,
                     requested_at, approved_by, approved_at, imported)
                 VALUES (?1, ?2, ?3, ?4, ?5, 'P', 'approved', ?6, 'x', ?6, 'x', 1)",
            )?;
            for _ in 0..30_000 {
                let on = day_of(first, rng.next(days as u64) as i64);
                p.execute(params![
                    fund,
                    1 + rng.next(60_000) as i64,
                    rng.pick(&[("rent", 5), ("travel", 3), ("relocation", 2)]),
                    5_000 + rng.next(200_000) as i64,
                    on.to_string(),
                    uid,
                ])?;
            }
            Ok(())
        })
        .expect("data");
    store.conn().execute_batch("ANALYZE").expect("analyze");
    (agency, uid)
}

fn main() {
    // INTAKE_BENCH_DB keeps the generated database between runs (it takes a minute to make).
    let dir = tempfile::tempdir().expect("temp dir");
    let path = std::env::var_os("INTAKE_BENCH_DB")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| dir.path().join("reports.db"));
    let made = path.exists();
    let mut store = Store::open(&DbPaths::new(path, None), true).expect("store");
    if !made {
        let built = Instant::now();
        generate(&mut store, &mut Lcg(7));
        println!("-- generated in {:.0} s", built.elapsed().as_secs_f64());
    }
    println!("-- ten years: 1,000,000 contacts and the rest");
    let user = accounts::find_user(&store, "sup").expect("user");
    let periods = [
        ("state FY2025", Period::fiscal_year(2025, false).expect("fy")),
        ("federal Q2 FY2024", Period::quarter(2024, true, 2).expect("q")),
        ("federal FY2025", Period::fiscal_year(2025, true).expect("fy")),
        (
            "all ten years",
            Period::range("2016-07-01".parse().expect("d"), "2026-06-30".parse().expect("d"))
                .expect("p"),
        ),
    ];
    for (label, period) in periods {
        for kind in Kind::ALL {
            // The VOCA report covers one federal fiscal year at most.
            if kind == Kind::Voca && period.federal_year_start().is_none() {
                continue;
            }
            let mut runs: Vec<Duration> = (0..RUNS)
                .map(|_| {
                    let t = Instant::now();
                    let r = reports::build(store.conn(), &user, kind, period, Lang::En)
                        .expect("report");
                    std::hint::black_box(r);
                    t.elapsed()
                })
                .collect();
            runs.sort();
            println!(
                "{:<20} {:<12} median {:>8.1} ms",
                label,
                kind.id(),
                runs[RUNS / 2].as_secs_f64() * 1e3
            );
            if kind == Kind::Hotline {
                bare_hotline(&store, label, period, runs[RUNS / 2]);
            }
        }
    }
}

/// The bare stack's hotline count for the same period: one GROUP BY over the contacts, from
/// their time index, with the distinct callers (what a report without rollups must read).
fn bare_hotline(store: &Store, label: &str, period: Period, ours: Duration) {
    let (t0, t1) = period.instants();
    let mut runs: Vec<Duration> = (0..RUNS)
        .map(|_| {
            let t = Instant::now();
            let mut stmt = store
                .conn()
                .prepare_cached(
                    "SELECT channel, direction, caller_type, language, area, trafficking_type,
                            minor, count(*), count(DISTINCT caller_hash)
                     FROM contacts WHERE agency_id = 1 AND started_at >= ?1 AND started_at < ?2
                     GROUP BY 1, 2, 3, 4, 5, 6, 7",
                )
                .expect("bare");
            let n = stmt.query_map([&t0, &t1], |r| r.get::<_, i64>(7)).expect("bare").count();
            std::hint::black_box(n);
            t.elapsed()
        })
        .collect();
    runs.sort();
    let bare = runs[RUNS / 2];
    println!(
        "{:<20} {:<12} median {:>8.1} ms (bare stack: one GROUP BY over the rows; ours {:.2}x)",
        label,
        "bare",
        bare.as_secs_f64() * 1e3,
        ours.as_secs_f64() / bare.as_secs_f64()
    );
}
