//! Logins, lockouts (with an injected clock), PIN changes and the upgrade of weak hashes.

mod common;

use common::*;
use intake::auth::Actor;
use intake::auth::accounts::{self, PinChange};
use intake::auth::login::{self, Login, Outcome};
use intake::auth::pin::{self, PRODUCTION};
use intake::domain::staff::Role;
use intake::i18n::Msg;
use intake::store::users;
use jiff::{SignedDuration, Timestamp};

fn t0() -> Timestamp {
    "2026-03-01T17:00:00Z".parse().unwrap()
}

fn attempt(store: &mut intake::store::Store, user: &str, pin: &str, now: Timestamp) -> Outcome {
    Login { store, cost: CHEAP }.attempt(user, pin, now).unwrap()
}

fn denied(o: &Outcome) -> Option<Msg> {
    match o {
        Outcome::Denied(m) => Some(*m),
        Outcome::Ok(_) => None,
    }
}

#[test]
fn right_pin_opens_a_session_and_is_audited() {
    let (_db, mut store) = with_admin();
    let Outcome::Ok(li) = attempt(&mut store, " ANA ", ADMIN_PIN, t0()) else { panic!("login") };
    assert_eq!(li.user.username, "ana");
    assert_eq!(li.user.role, Role::Admin);
    assert!(!li.must_change_pin);
    let (source, ended): (String, Option<String>) = store
        .conn()
        .query_row("SELECT source, ended_at FROM sessions WHERE id = ?1", [li.session_id], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })
        .unwrap();
    assert!(source.starts_with("local:") && ended.is_none());
    assert_eq!(audit_events(&store).last().unwrap(), &("login".into(), "ok".into()));
}

#[test]
fn unknown_user_and_wrong_pin_get_the_same_answer() {
    let (_db, mut store) = with_admin();
    let a = attempt(&mut store, "ana", "999999", t0());
    let b = attempt(&mut store, "nobody", "999999", t0());
    assert_eq!(denied(&a), Some(Msg::LoginFailed));
    assert_eq!(a, b);
}

#[test]
fn five_failures_lock_for_ten_minutes_shared_through_the_database() {
    let (db, mut store) = with_admin();
    for i in 1..=4 {
        assert_eq!(
            denied(&attempt(&mut store, "ana", "111112", t0())),
            Some(Msg::LoginFailed),
            "{i}"
        );
    }
    assert_eq!(denied(&attempt(&mut store, "ana", "111112", t0())), Some(Msg::LoginLocked));
    // Another process on the same database sees the lock: even the right PIN is refused.
    let mut other = db.open();
    let during = t0() + SignedDuration::from_mins(9);
    assert_eq!(denied(&attempt(&mut other, "ana", ADMIN_PIN, during)), Some(Msg::LoginLocked));
    let after = t0() + SignedDuration::from_mins(10) + SignedDuration::from_secs(1);
    assert!(matches!(attempt(&mut other, "ana", ADMIN_PIN, after), Outcome::Ok(_)));
    // Success clears the count.
    assert_eq!(users::failures(store.conn(), "ana").unwrap().consecutive, 0);
}

#[test]
fn unknown_names_lock_exactly_like_real_ones() {
    let (_db, mut store) = with_admin();
    let answers: Vec<_> = (0..6).map(|_| attempt(&mut store, "ghost", "111112", t0())).collect();
    let real: Vec<_> = (0..6).map(|_| attempt(&mut store, "ana", "111112", t0())).collect();
    assert_eq!(answers, real);
    assert_eq!(denied(&answers[4]), Some(Msg::LoginLocked));
}

#[test]
fn ten_consecutive_failures_need_an_admin_to_unlock() {
    let (_db, mut store) = with_admin();
    accounts::add_user(
        &mut store,
        Actor::CLI,
        CHEAP,
        &account("ben", "Ben Ortiz", Role::Advocate, "Enlace Comunitario", "470193"),
        t0(),
    )
    .unwrap();
    let mut now = t0();
    for _ in 0..2 {
        for _ in 0..5 {
            attempt(&mut store, "ben", "111112", now);
        }
        now += SignedDuration::from_mins(11);
    }
    // Long after any timed lock, the account stays locked.
    let much_later = now + SignedDuration::from_hours(24);
    assert_eq!(denied(&attempt(&mut store, "ben", "470193", much_later)), Some(Msg::LoginLocked));
    let ben = accounts::find_user(&store, "ben").unwrap();
    accounts::unlock(&mut store, Actor::CLI, ben.id).unwrap();
    assert!(matches!(attempt(&mut store, "ben", "470193", much_later), Outcome::Ok(_)));
    assert!(audit_events(&store).contains(&("user_unlock".into(), "ok".into())));
}

#[test]
fn a_disabled_account_answers_a_right_pin_as_a_wrong_one() {
    let (_db, mut store) = with_admin();
    let id = accounts::add_user(
        &mut store,
        Actor::CLI,
        CHEAP,
        &account("ben", "Ben Ortiz", Role::Advocate, "Enlace Comunitario", "470193"),
        t0(),
    )
    .unwrap();
    accounts::set_disabled(&mut store, Actor::CLI, id, true, t0()).unwrap();
    // The same answer for the right PIN and a wrong one; the audit says which it was.
    assert_eq!(denied(&attempt(&mut store, "ben", "470193", t0())), Some(Msg::LoginFailed));
    assert_eq!(denied(&attempt(&mut store, "ben", "470194", t0())), Some(Msg::LoginFailed));
    let events = audit_events(&store);
    assert!(events.contains(&("login".into(), "disabled".into())), "{events:?}");
    accounts::set_disabled(&mut store, Actor::CLI, id, false, t0()).unwrap();
    assert!(matches!(attempt(&mut store, "ben", "470193", t0()), Outcome::Ok(_)));
}

#[test]
fn the_last_admin_cannot_be_disabled_or_demoted() {
    let (_db, mut store) = with_admin();
    let ana = accounts::find_user(&store, "ana").unwrap();
    let e1 = accounts::set_disabled(&mut store, Actor::CLI, ana.id, true, t0()).unwrap_err();
    let e2 = accounts::set_role(&mut store, Actor::CLI, ana.id, Role::Advocate, t0()).unwrap_err();
    assert!(matches!(e1, intake::Error::User(Msg::ErrLastAdmin, _)));
    assert!(matches!(e2, intake::Error::User(Msg::ErrLastAdmin, _)));
}

#[test]
fn weak_hash_is_upgraded_at_the_next_successful_login() {
    let (_db, mut store) = with_admin();
    let before = users::find_by_username(store.conn(), "ana").unwrap().unwrap().pin_hash;
    assert!(pin::needs_upgrade(&before, PRODUCTION));
    // A failed attempt changes nothing.
    Login { store: &mut store, cost: PRODUCTION }.attempt("ana", "999999", t0()).unwrap();
    assert_eq!(users::find_by_username(store.conn(), "ana").unwrap().unwrap().pin_hash, before);
    let out =
        Login { store: &mut store, cost: PRODUCTION }.attempt("ana", ADMIN_PIN, t0()).unwrap();
    assert!(matches!(out, Outcome::Ok(_)));
    let after = users::find_by_username(store.conn(), "ana").unwrap().unwrap().pin_hash;
    assert!(after.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"), "{after}");
    assert!(!pin::needs_upgrade(&after, PRODUCTION));
    assert!(pin::verify(ADMIN_PIN, &after));
    assert!(audit_events(&store).contains(&("pin_rehash".into(), "ok".into())));
}

#[test]
fn reset_pin_is_temporary_and_must_be_changed() {
    let (_db, mut store) = with_admin();
    let id = accounts::add_user(
        &mut store,
        Actor::CLI,
        CHEAP,
        &account("ben", "Ben Ortiz", Role::Advocate, "Enlace Comunitario", "470193"),
        t0(),
    )
    .unwrap();
    accounts::reset_pin(&mut store, Actor::CLI, CHEAP, id, "620418", "620418", t0()).unwrap();
    let Outcome::Ok(li) = attempt(&mut store, "ben", "620418", t0()) else { panic!() };
    assert!(li.must_change_pin);
    let same = PinChange { current: None, new_pin: "620418", again: "620418" };
    let e = accounts::change_own_pin(&mut store, Actor::CLI, CHEAP, &li.user, &same, t0());
    assert!(matches!(e, Err(intake::Error::User(Msg::ErrPinUnchanged, _))));
    let weak = PinChange { current: None, new_pin: "222222", again: "222222" };
    let e = accounts::change_own_pin(&mut store, Actor::CLI, CHEAP, &li.user, &weak, t0());
    assert!(matches!(e, Err(intake::Error::User(Msg::PinAllSame, _))));
    let good = PinChange { current: None, new_pin: "738259", again: "738259" };
    accounts::change_own_pin(&mut store, Actor::CLI, CHEAP, &li.user, &good, t0()).unwrap();
    let Outcome::Ok(li) = attempt(&mut store, "ben", "738259", t0()) else { panic!() };
    assert!(!li.must_change_pin);
}

#[test]
fn changing_own_pin_needs_the_current_one() {
    let (_db, mut store) = with_admin();
    let Outcome::Ok(li) = attempt(&mut store, "ana", ADMIN_PIN, t0()) else { panic!() };
    let wrong = PinChange { current: Some("000001"), new_pin: "738259", again: "738259" };
    let e = accounts::change_own_pin(&mut store, Actor::CLI, CHEAP, &li.user, &wrong, t0());
    assert!(matches!(e, Err(intake::Error::User(Msg::ErrCurrentPinWrong, _))));
    let mismatch = PinChange { current: Some(ADMIN_PIN), new_pin: "738259", again: "731951" };
    let e = accounts::change_own_pin(&mut store, Actor::CLI, CHEAP, &li.user, &mismatch, t0());
    assert!(matches!(e, Err(intake::Error::User(Msg::PinMismatch, _))));
}

#[test]
fn unlocking_a_locked_session_keeps_the_session_and_counts_failures() {
    let (_db, mut store) = with_admin();
    let Outcome::Ok(li) = attempt(&mut store, "ana", ADMIN_PIN, t0()) else { panic!() };
    for _ in 0..4 {
        let o = login::unlock(&mut store, &li.user, li.session_id, "111112", t0()).unwrap();
        assert_eq!(denied(&o), Some(Msg::LoginFailed));
    }
    let o = login::unlock(&mut store, &li.user, li.session_id, "111112", t0()).unwrap();
    assert_eq!(denied(&o), Some(Msg::LoginLocked));
    let later = t0() + SignedDuration::from_mins(11);
    let Outcome::Ok(back) =
        login::unlock(&mut store, &li.user, li.session_id, ADMIN_PIN, later).unwrap()
    else {
        panic!()
    };
    assert_eq!(back.session_id, li.session_id);
}

#[test]
fn first_account_must_be_an_admin_and_names_are_checked() {
    let db = TestDb::new();
    let mut store = db.open();
    let e = accounts::add_user(
        &mut store,
        Actor::CLI,
        CHEAP,
        &account("ben", "Ben", Role::Advocate, "X", "470193"),
        t0(),
    )
    .unwrap_err();
    assert!(matches!(e, intake::Error::User(Msg::ErrFirstMustBeAdmin, _)));
    let e = accounts::add_user(
        &mut store,
        Actor::CLI,
        CHEAP,
        &account("a b", "Ben", Role::Admin, "X", "470193"),
        t0(),
    )
    .unwrap_err();
    assert!(matches!(e, intake::Error::User(Msg::ErrUsernameForm, _)));
    let long = "n".repeat(81);
    let e = accounts::add_user(
        &mut store,
        Actor::CLI,
        CHEAP,
        &account("ben", &long, Role::Admin, "X", "470193"),
        t0(),
    )
    .unwrap_err();
    assert!(matches!(e, intake::Error::User(Msg::ErrTooLong, _)));
    // Control and bidi characters are removed on the way in.
    accounts::add_user(
        &mut store,
        Actor::CLI,
        CHEAP,
        &account("ben", "Ben\u{202E}\u{1b}[2J Ortiz", Role::Admin, "X", "470193"),
        t0(),
    )
    .unwrap();
    let ben = accounts::find_user(&store, "BEN").unwrap();
    assert_eq!(ben.display_name, "Ben[2J Ortiz");
    assert_eq!(users::count_users(store.conn()).unwrap(), 1);
}

#[test]
fn a_non_admin_cannot_administer() {
    let (_db, mut store) = with_admin();
    let id = accounts::add_user(
        &mut store,
        Actor::CLI,
        CHEAP,
        &account("ben", "Ben Ortiz", Role::Supervisor, "Enlace Comunitario", "470193"),
        t0(),
    )
    .unwrap();
    let Outcome::Ok(li) = attempt(&mut store, "ben", "470193", t0()) else { panic!() };
    let ben = Actor { user_id: Some(li.user.id), session_id: Some(li.session_id) };
    let e = accounts::set_disabled(&mut store, ben, id, true, t0()).unwrap_err();
    assert!(matches!(e, intake::Error::User(Msg::ErrAdminOnly, _)));
    let e = accounts::set_idle_lock(&mut store, ben, 10).unwrap_err();
    assert!(matches!(e, intake::Error::User(Msg::ErrAdminOnly, _)));
}

#[test]
fn sessions_pressing_enter_together_get_no_more_pins_checked_than_the_lock_allows() {
    let (db, mut store) = with_admin();
    // A real cost, so that each check takes long enough for the others to arrive meanwhile.
    accounts::add_user(
        &mut store,
        Actor::CLI,
        PRODUCTION,
        &account("ben", "Ben Ortiz", Role::Advocate, "Enlace Comunitario", "470193"),
        t0(),
    )
    .unwrap();
    drop(store);
    let db = std::sync::Arc::new(db);
    let start = std::sync::Arc::new(std::sync::Barrier::new(16));
    let handles: Vec<_> = (0..16)
        .map(|i| {
            let (db, start) = (db.clone(), start.clone());
            std::thread::spawn(move || {
                let mut store = db.open();
                start.wait();
                let pin = format!("9{:05}", 31_000 + i);
                denied(&attempt(&mut store, "ben", &pin, t0()))
            })
        })
        .collect();
    let answers: Vec<Option<Msg>> = handles.into_iter().map(|h| h.join().unwrap()).collect();
    assert!(answers.iter().all(|a| a.is_some()), "{answers:?}");
    let store = db.open();
    let events = audit_events(&store);
    let checked = events.iter().filter(|e| *e == &("login".into(), "failed".into())).count();
    let refused = events.iter().filter(|e| *e == &("login".into(), "locked".into())).count();
    assert_eq!((checked, refused), (login::LOCK_EVERY as usize, 16 - login::LOCK_EVERY as usize));
    assert_eq!(users::failures(store.conn(), "ben").unwrap().consecutive, login::LOCK_EVERY);
}
