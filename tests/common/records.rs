//! Records made the way the console makes them (through the services), for report tests.

use intake::auth::{Actor, accounts};
use intake::domain::client::{self, Client, ServiceEntry};
use intake::domain::contact::{self, Contact};
use intake::domain::record::{Raw, RuntimeOptions};
use intake::domain::staff::Role;
use intake::service::casework::{self, Also};
use intake::service::hotline::{self, Who};
use intake::store::Store;
use intake::store::users::User;
use jiff::Timestamp;
use jiff::civil::Date;

use super::{CHEAP, account};

pub fn now() -> Timestamp {
    "2026-11-28T20:00:00Z".parse().unwrap()
}

pub fn day(s: &str) -> Date {
    s.parse().unwrap()
}

pub fn raw(pairs: &[(&str, &str)]) -> Raw {
    pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect()
}

pub fn add(store: &mut Store, name: &str, role: Role, agency: &str) -> User {
    accounts::add_user(
        store,
        Actor::CLI,
        CHEAP,
        &account(name, name, role, agency, "470193"),
        now(),
    )
    .unwrap();
    accounts::find_user(store, name).unwrap()
}

pub fn who(u: &User) -> Who<'_> {
    Who { user: u, session_id: None }
}

/// A contact at a local (Denver) time.
pub fn call(
    store: &mut Store,
    u: &User,
    at: &str,
    pairs: &[(&str, &str)],
) -> intake::domain::ids::ContactId {
    let mut r = contact::defaults(now());
    r.insert("started_at".into(), at.into());
    r.insert("caller_type".into(), "possible_victim".into());
    for (k, v) in pairs {
        r.insert(k.to_string(), v.to_string());
    }
    let c = Contact::from_raw(&r).unwrap();
    hotline::save_contact(store, who(u), None, &c, now()).unwrap()
}

pub fn person(
    store: &mut Store,
    u: &User,
    intake: &str,
    pairs: &[(&str, &str)],
) -> intake::domain::ids::ClientId {
    let mut r = client::defaults();
    r.insert("chosen_name".into(), "X".into());
    for (k, v) in pairs {
        r.insert(k.to_string(), v.to_string());
    }
    let c = Client::from_raw(&r, &RuntimeOptions::new(), day(intake)).unwrap();
    casework::save_client(store, who(u), None, &c, day(intake), Also::default(), now()).unwrap()
}

pub fn service(
    store: &mut Store,
    u: &User,
    client: intake::domain::ids::ClientId,
    kind: &str,
    on: &str,
) {
    let s = ServiceEntry::from_raw(&raw(&[("service_type", kind), ("delivered_on", on)])).unwrap();
    casework::add_service(store, who(u), client, &s, now()).unwrap();
}
