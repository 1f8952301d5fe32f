//! What the benches share: a cheap PIN cost, and staff accounts added to a bench's database.
#![allow(dead_code)]

use intake::auth::accounts::{self, NewAccount};
use intake::auth::{Actor, pin::HashCost};
use intake::domain::staff::Role;
use intake::i18n::Lang;
use intake::store::{DbPaths, Store};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use clap::Parser;

/// A cheap argon2 cost: the benches measure other things than PIN hashing.
pub const CHEAP: HashCost = HashCost { m_kib: 64, t: 1, p: 1 };

/// The PIN every bench account has.
pub const PIN: &str = "508731";

/// The console's options as in the field (colour, line drawing, English, the real clock), with
/// the cheap PIN cost.
pub fn console_options() -> intake::ui::Options {
    intake::ui::Options {
        cost: CHEAP,
        theme: intake::ui::theme::Theme { color: true, ascii: false },
        lang: Lang::En,
        clock: jiff::Timestamp::now,
        key_user: None,
        settings_every: intake::ui::event_loop::SETTINGS_EVERY,
    }
}

/// Add a staff account (PIN `PIN`, English) to the bench's database.
pub fn add_account(store: &mut Store, username: &str, name: &str, role: Role, agency: &str) {
    let account = NewAccount {
        username,
        display_name: name,
        role,
        agency,
        pin: PIN,
        pin_again: PIN,
        temporary: false,
        lang: Lang::En,
    };
    accounts::add_user(store, Actor::CLI, CHEAP, &account, jiff::Timestamp::now())
        .expect("account");
}

/// How long another console's saves waited.
pub fn print_waits(waits: &mut [Duration]) {
    waits.sort();
    let at = |q: f64| waits.get(((waits.len() as f64 - 1.0) * q) as usize).copied();
    println!(
        "another console's saves during the import: {} saved, none failed; waited median {:?}, 99th percentile {:?}, longest {:?}",
        waits.len(),
        at(0.5).unwrap_or_default(),
        at(0.99).unwrap_or_default(),
        waits.last().copied().unwrap_or_default()
    );
}

/// `intake <kind> import FILE` through the command line's own entry point while another console
/// saves: how long the import took, and how long each save waited.
pub fn import_beside_a_console(
    paths: &DbPaths,
    kind: &str,
    file: &std::path::Path,
) -> (Duration, Vec<Duration>) {
    let running = Arc::new(AtomicBool::new(true));
    let console = {
        let (paths, running) = (paths.clone(), running.clone());
        std::thread::spawn(move || console_saves(&paths, &running))
    };
    let t = Instant::now();
    let db = paths.db.to_str().expect("path").to_string();
    let args =
        ["intake", "--db", &db, kind, "import", file.to_str().expect("path"), "--user", "ana"];
    intake::cli::run(intake::cli::Cli::parse_from(args)).expect("import");
    let took = t.elapsed();
    running.store(false, Ordering::Relaxed);
    (took, console.join().expect("console"))
}

/// A console saving a contact every 50 ms while `running`: how long each save took.
pub fn console_saves(paths: &DbPaths, running: &AtomicBool) -> Vec<Duration> {
    let mut store = Store::open(paths, false).expect("console store");
    let ana = intake::auth::accounts::find_user(&store, "ana").expect("ana");
    let who = intake::service::hotline::Who { user: &ana, session_id: None };
    let mut raw = intake::domain::contact::defaults(jiff::Timestamp::now());
    raw.insert("caller_type".into(), "possible_victim".into());
    let c = intake::domain::contact::Contact::from_raw(&raw).expect("contact");
    let mut waits = Vec::new();
    while running.load(Ordering::Relaxed) {
        let t = Instant::now();
        intake::service::hotline::save_contact(&mut store, who, None, &c, jiff::Timestamp::now())
            .expect("a save during the import");
        waits.push(t.elapsed());
        std::thread::sleep(Duration::from_millis(
            std::env::var("GAP_MS").ok().and_then(|v| v.parse().ok()).unwrap_or(50),
        ));
    }
    waits
}
