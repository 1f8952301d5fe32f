//! Memory over a long shift: each PIN check (an unlock, a login) runs argon2 over 19 MiB. The
//! console keeps one working memory for that and reuses it, so the process does not grow with
//! every unlock. The console here is the real one (its App, on a TestBackend), with an account
//! hashed at the production cost, locked and unlocked 100 times and logged out and in. Alone
//! in its own test binary, so no other test's memory is counted.

mod common;

use common::console::*;
use common::*;
use intake::auth::{Actor, accounts, pin};
use intake::domain::staff::Role;
use intake::ui::app::Screen;

/// The resident set of this process, in KiB, from /proc/self/status (Linux).
fn rss_kib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmRSS:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

#[test]
fn memory_stays_flat_over_a_hundred_unlocks_and_logins() {
    let db = TestDb::new();
    let mut store = db.open();
    let ana = account("ana", "Ana García", Role::Admin, "Enlace Comunitario", ADMIN_PIN);
    accounts::add_user(&mut store, Actor::CLI, pin::PRODUCTION, &ana, jiff::Timestamp::now())
        .unwrap();
    let mut h = Harness::on(db, store);
    h.app.opts.cost = pin::PRODUCTION;
    h.login("ana", ADMIN_PIN);
    assert!(h.screen().contains("What would you like to do?"));
    // Warm: one lock and unlock before the first reading.
    h.typed("l").typed(ADMIN_PIN).enter();
    let Some(before) = rss_kib() else {
        eprintln!("\n*** NOT RUN: no /proc/self/status here ***\n");
        return;
    };
    for i in 1..=100 {
        h.typed("l");
        assert!(matches!(h.app.screen, Screen::Locked(_)), "locked, cycle {i}");
        if i % 10 == 0 {
            // A wrong PIN now and then, which is checked the same way.
            h.typed("111112").enter();
        }
        h.typed(ADMIN_PIN).enter();
        assert!(!matches!(h.app.screen, Screen::Locked(_)), "unlocked, cycle {i}");
        if i % 20 == 0 {
            h.typed("o");
            h.login("ana", ADMIN_PIN);
        }
    }
    let after = rss_kib().unwrap();
    println!("RSS before {before} KiB, after 100 unlocks and 5 logins {after} KiB");
    assert!(after <= before + 2048, "grew from {before} KiB to {after} KiB");
}
