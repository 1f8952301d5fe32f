//! Referrals below the screens: the release a referral rests on, status history, the
//! follow-up list, scope.

mod common;

use common::*;
use intake::auth::Actor;
use intake::auth::accounts;
use intake::domain::client::{self, Client};
use intake::domain::ids::ServiceId;
use intake::domain::record::{Raw, RuntimeOptions};
use intake::domain::referral::{InForce, Referral, StatusChange, To};
use intake::domain::staff::Role;
use intake::service::Who;
use intake::service::casework::{self, Also};
use intake::store::Store;
use intake::store::directory::{self, NewService};
use intake::store::referrals::{self, Subject};
use intake::store::users::User;
use jiff::Timestamp;
use jiff::civil::Date;

fn now() -> Timestamp {
    "2026-11-28T20:00:00Z".parse().unwrap()
}

fn day(s: &str) -> Date {
    s.parse().unwrap()
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
    accounts::find_user(store, name).unwrap()
}

fn who(u: &User) -> Who<'_> {
    Who { user: u, session_id: None }
}

fn raw(pairs: &[(&str, &str)]) -> Raw {
    pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect()
}

/// A client of `u`'s agency, a legal service and a police unit.
fn setup(store: &mut Store, u: &User) -> (intake::domain::ids::ClientId, ServiceId, ServiceId) {
    let mut c = client::defaults();
    c.insert("chosen_name".into(), "Rosa".into());
    c.insert("age".into(), "24".into());
    let c = Client::from_raw(&c, &RuntimeOptions::new(), day("2026-11-28")).unwrap();
    let client =
        casework::save_client(store, who(u), None, &c, day("2026-11-28"), Also::default(), now())
            .unwrap();
    let (legal, police) = store
        .write(|tx| {
            let org = directory::add_organization(tx, "Legal Aid", "", None, true, None, now())?;
            let legal = directory::add_service(
                tx,
                &NewService {
                    organization_id: org,
                    name: "Immigration help".into(),
                    categories: vec!["legal".into()],
                    ..Default::default()
                },
                now(),
            )?;
            let pd = directory::add_organization(tx, "City Police", "", None, true, None, now())?;
            let police = directory::add_service(
                tx,
                &NewService {
                    organization_id: pd,
                    name: "Vice unit".into(),
                    categories: vec!["law_enforcement".into()],
                    ..Default::default()
                },
                now(),
            )?;
            Ok((legal, police))
        })
        .unwrap();
    (client, legal, police)
}

fn to(le: bool) -> To {
    To { organization: "Legal Aid".into(), law_enforcement: le, default_days: 365 }
}

fn referral_on(pairs: &[(&str, &str)], held: &[InForce], le: bool) -> Referral {
    let mut r =
        raw(&[("referred_on", "2026-11-28"), ("reason", "Visa consult"), ("release", "none")]);
    for (k, v) in pairs {
        r.insert(k.to_string(), v.to_string());
    }
    Referral::from_raw(&r, held, &to(le), intake::i18n::Lang::En).unwrap()
}

fn referral(pairs: &[(&str, &str)]) -> Referral {
    referral_on(pairs, &[], false)
}

#[test]
fn a_referral_keeps_its_consent_and_every_status_dated() {
    let (_db, mut store) = with_admin();
    let u = accounts::find_user(&store, "ana").unwrap();
    let (client, legal, _) = setup(&mut store, &u);
    let r = referral(&[
        ("release", "new"),
        ("method", "written"),
        ("share", "name;phone"),
        ("consent_until", "2027-02-28"),
        ("follow_up_on", "2026-12-05"),
    ]);
    let id =
        casework::refer(&mut store, who(&u), Subject::Client(client), legal, &r, now()).unwrap();
    let accept = StatusChange::from_raw(&raw(&[
        ("status", "accepted"),
        ("on", "2026-12-01"),
        ("follow_up_on", "2026-12-15"),
    ]))
    .unwrap();
    casework::referral_status(&mut store, who(&u), id, &accept, now()).unwrap();
    // The same status again, or back to "made", changes nothing.
    assert!(casework::referral_status(&mut store, who(&u), id, &accept, now()).is_err());
    let done =
        StatusChange::from_raw(&raw(&[("status", "completed"), ("on", "2026-12-20")])).unwrap();
    casework::referral_status(&mut store, who(&u), id, &done, now()).unwrap();
    let s = casework::open_referral(&mut store, who(&u), id).unwrap();
    assert_eq!(s.status, "completed");
    assert_eq!(s.share, vec!["name", "phone"]);
    let rel = s.release.as_ref().expect("it rests on the release made with it");
    assert_eq!((rel.recipient.as_str(), rel.expires_on), ("Legal Aid", day("2027-02-28")));
    // The release is the person's, and what went is in their disclosure log.
    let held = intake::store::releases::of(store.conn(), Subject::Client(client)).unwrap();
    assert_eq!(held.len(), 1);
    assert_eq!(
        (held[0].scope.clone(), held[0].method.as_str()),
        (vec!["contact_details".to_string()], "written")
    );
    let log =
        intake::store::disclosures::of(store.conn(), u.agency_id, Subject::Client(client)).unwrap();
    assert_eq!(log.len(), 1);
    assert_eq!(
        (log[0].kind.as_str(), log[0].basis.as_str(), log[0].release_id),
        ("referral", "release", Some(rel.id))
    );
    assert_eq!(s.follow_up_on, None, "a completed referral needs no follow-up");
    let h: Vec<(&str, &str)> =
        s.history.iter().map(|h| (h.status.as_str(), h.on.as_str())).collect();
    assert_eq!(
        h,
        vec![("made", "2026-11-28"), ("accepted", "2026-12-01"), ("completed", "2026-12-20")]
    );
    // Completed is final.
    let decline = StatusChange::from_raw(&raw(&[
        ("status", "declined"),
        ("on", "2026-12-21"),
        ("reason", "full"),
    ]))
    .unwrap();
    assert!(casework::referral_status(&mut store, who(&u), id, &decline, now()).is_err());
    // The history cannot be rewritten.
    assert!(store.conn().execute("UPDATE referral_status SET status = 'made'", []).is_err());
    assert!(store.conn().execute("DELETE FROM referral_status", []).is_err());
    let events: Vec<String> = audit_events(&store).into_iter().map(|(e, _)| e).collect();
    for e in ["referral_add", "referral_status", "referral_view"] {
        assert!(events.iter().any(|x| x == e), "{e} not audited");
    }
    // It is on the client's timeline.
    let t = intake::store::clients::timeline(store.conn(), u.agency_id, client, 0, 20).unwrap();
    assert!(t.iter().any(|e| e.kind == intake::domain::client::EventKind::Referral
        && e.a == "Immigration help"
        && e.b == "completed"));
}

#[test]
fn the_database_refuses_sharing_without_consent_and_law_enforcement_without_writing() {
    let (_db, mut store) = with_admin();
    let u = accounts::find_user(&store, "ana").unwrap();
    let (client, legal, police) = setup(&mut store, &u);
    // The form would refuse these; the store must too, whatever path they take.
    let mut r = referral(&[]);
    r.share = vec!["name".into()];
    assert!(
        casework::refer(&mut store, who(&u), Subject::Client(client), legal, &r, now()).is_err()
    );
    // A spoken release, made to look like one for law enforcement, is refused by the store.
    let mut r = referral(&[
        ("release", "new"),
        ("method", "verbal_witnessed"),
        ("witness", "Bea"),
        ("share", "name"),
        ("consent_until", "2027-01-01"),
    ]);
    if let intake::domain::referral::Rests::New(rel) = &mut r.rests {
        rel.recipient_kind = "law_enforcement".into();
    }
    let e = casework::refer(&mut store, who(&u), Subject::Client(client), police, &r, now())
        .unwrap_err();
    assert!(
        e.message(intake::i18n::Lang::En).contains("written"),
        "{}",
        e.message(intake::i18n::Lang::En)
    );
    // With nothing identifying, a referral to the police is allowed (the person chose it).
    let anonymous = referral(&[]);
    casework::refer(&mut store, who(&u), Subject::Client(client), police, &anonymous, now())
        .unwrap();
    // Retired services take no new referrals.
    store.write(|tx| directory::retire_service(tx, legal, now())).unwrap();
    assert!(
        casework::refer(&mut store, who(&u), Subject::Client(client), legal, &anonymous, now())
            .is_err()
    );
}

#[test]
fn the_follow_up_list_holds_open_referrals_due_by_today_of_the_agency_only() {
    let (_db, mut store) = with_admin();
    let u = accounts::find_user(&store, "ana").unwrap();
    let (client, legal, police) = setup(&mut store, &u);
    let on = |d: &str| referral(&[("follow_up_on", d)]);
    let a = casework::refer(
        &mut store,
        who(&u),
        Subject::Client(client),
        legal,
        &on("2026-12-05"),
        now(),
    )
    .unwrap();
    let b = casework::refer(
        &mut store,
        who(&u),
        Subject::Client(client),
        police,
        &on("2026-12-01"),
        now(),
    )
    .unwrap();
    let _later = casework::refer(
        &mut store,
        who(&u),
        Subject::Client(client),
        legal,
        &on("2026-12-09"),
        now(),
    )
    .unwrap();
    let due: Vec<referrals::DueItem> =
        referrals::due(store.conn(), u.agency_id, day("2026-12-05"), 0, 10)
            .unwrap()
            .into_iter()
            .map(|d| d.item)
            .collect();
    use referrals::DueItem::Referral;
    assert_eq!(due, vec![Referral(b), Referral(a)], "oldest follow-up first, later ones not yet");
    assert_eq!(referrals::due_count(store.conn(), u.agency_id, day("2026-12-05")).unwrap(), 2);
    let declined = StatusChange::from_raw(&raw(&[
        ("status", "declined"),
        ("on", "2026-12-02"),
        ("reason", "No capacity"),
    ]))
    .unwrap();
    casework::referral_status(&mut store, who(&u), b, &declined, now()).unwrap();
    assert_eq!(referrals::due_count(store.conn(), u.agency_id, day("2026-12-05")).unwrap(), 1);
    // Another agency sees none of it and cannot open or change it.
    let other = add(&mut store, "oscar", Role::Advocate, "Other Agency");
    assert_eq!(referrals::due_count(store.conn(), other.agency_id, day("2026-12-31")).unwrap(), 0);
    assert!(casework::open_referral(&mut store, who(&other), a).is_err());
    let accept =
        StatusChange::from_raw(&raw(&[("status", "accepted"), ("on", "2026-12-02")])).unwrap();
    assert!(casework::referral_status(&mut store, who(&other), a, &accept, now()).is_err());
    assert!(
        casework::refer(
            &mut store,
            who(&other),
            Subject::Client(client),
            legal,
            &on("2026-12-05"),
            now()
        )
        .is_err()
    );
}

#[test]
fn the_case_timeline_is_in_date_order_whenever_a_line_was_entered() {
    let (_db, mut store) = with_admin();
    let u = add(&mut store, "bea", Role::Advocate, "Enlace Comunitario");
    let (client, legal, _) = setup(&mut store, &u);
    // Entered in this order, over two days; dated otherwise.
    let t = |s: &str| -> Timestamp { s.parse().unwrap() };
    casework::add_note(&mut store, who(&u), client, "Called her back.", t("2026-11-29T01:30:00Z"))
        .unwrap();
    let r = referral(&[("referred_on", "2026-11-10")]);
    casework::refer(
        &mut store,
        who(&u),
        Subject::Client(client),
        legal,
        &r,
        t("2026-11-29T16:00:00Z"),
    )
    .unwrap();
    casework::add_note(&mut store, who(&u), client, "Court date set.", t("2026-11-29T17:00:00Z"))
        .unwrap();
    let lines: Vec<(String, String)> =
        intake::store::clients::timeline(store.conn(), u.agency_id, client, 0, 20)
            .unwrap()
            .into_iter()
            .map(|e| (format!("{:?}", e.kind), e.at))
            .collect();
    let kinds: Vec<&str> = lines.iter().map(|(k, _)| k.as_str()).collect();
    // The note of 29 November (local), then the note of the 28th entered at 18:30 local on the
    // 28th (01:30 UTC on the 29th), then the case opening that day, then the referral of the 10th.
    assert_eq!(kinds, ["Note", "Note", "Status", "Referral"], "{lines:?}");
    assert_eq!(lines[3].1, "2026-11-10");
}

#[test]
fn after_its_release_ends_a_referral_carries_nothing_identifying() {
    let (_db, mut store) = with_admin();
    let u = accounts::find_user(&store, "ana").unwrap();
    let (client, legal, _) = setup(&mut store, &u);
    let subject = Subject::Client(client);
    let release = intake::domain::client::release::Release {
        recipient_kind: "service_provider".into(),
        recipient: "Legal Aid".into(),
        to_agency: None,
        scope: vec!["contact_details".into()],
        purpose: "Visa consult".into(),
        signed_on: day("2026-11-01"),
        method: "written".into(),
        witness: None,
        explained_in: "spanish".into(),
        expires_on: day("2026-11-28"),
    };
    let rid = intake::service::consent::add_release(&mut store, who(&u), subject, &release, now())
        .unwrap();
    let held = |store: &Store, at: &str| -> Vec<InForce> {
        let today = intake::domain::time::local_day(at.parse().unwrap());
        intake::store::releases::of(store.conn(), subject)
            .unwrap()
            .into_iter()
            .filter(|r| r.in_force(today))
            .map(|r| InForce {
                id: r.id,
                label: r.recipient,
                recipient_kind: r.recipient_kind,
                scope: r.scope,
            })
            .collect()
    };
    // 22:00 on its last day in Denver (05:00 UTC the next day): still in force, so the
    // referral may carry the name.
    let late = "2026-11-29T05:00:00Z";
    assert_eq!(held(&store, late).len(), 1);
    let r = referral_on(
        &[("release", &rid.to_string()), ("share", "name")],
        &held(&store, late),
        false,
    );
    let first =
        casework::refer(&mut store, who(&u), subject, legal, &r, late.parse().unwrap()).unwrap();
    let view = casework::open_referral(&mut store, who(&u), first).unwrap();
    let rests = view.release.as_ref().map(|r| (r.signed_on, r.expires_on, r.revoked_on));
    let shared = |d: &str| intake::domain::referral::shareable(&view.share, rests, day(d));
    assert_eq!(shared("2026-11-28"), vec!["name"]);
    // The next morning it has ended: the form no longer offers it, the store refuses it, and
    // the referral already made carries nothing more (its view lists what went before).
    let morning = "2026-11-29T15:00:00Z";
    assert!(held(&store, morning).is_empty());
    assert!(shared("2026-11-29").is_empty());
    let mut r = raw(&[
        ("referred_on", "2026-11-29"),
        ("reason", "Visa consult"),
        ("release", &rid.to_string()),
        ("share", "name"),
    ]);
    assert!(
        Referral::from_raw(&r, &held(&store, morning), &to(false), intake::i18n::Lang::En).is_err()
    );
    let forced = Referral {
        referred_on: day("2026-11-29"),
        reason: "Visa consult".into(),
        rests: intake::domain::referral::Rests::On(rid),
        share: vec!["name".into()],
        follow_up_on: None,
    };
    assert!(
        casework::refer(&mut store, who(&u), subject, legal, &forced, morning.parse().unwrap())
            .is_err()
    );
    r.insert("release".into(), "none".into());
    r.remove("share");
    let after =
        Referral::from_raw(&r, &held(&store, morning), &to(false), intake::i18n::Lang::En).unwrap();
    let id = casework::refer(&mut store, who(&u), subject, legal, &after, morning.parse().unwrap())
        .unwrap();
    let carried: String = store
        .conn()
        .query_row("SELECT carries FROM referrals WHERE id = ?1", [id.0], |r| r.get(0))
        .unwrap();
    assert_eq!(carried, "[]");
    // Only the referral made in force is in the person's disclosure log.
    let log = intake::store::disclosures::of(store.conn(), u.agency_id, subject).unwrap();
    assert_eq!(log.len(), 1);
}

#[test]
fn a_referral_goes_only_under_a_release_to_its_organisation() {
    let (_db, mut store) = with_admin();
    let u = accounts::find_user(&store, "ana").unwrap();
    let (client, legal, _) = setup(&mut store, &u);
    let subject = Subject::Client(client);
    let to_shelter = intake::domain::client::release::Release {
        recipient_kind: "service_provider".into(),
        recipient: "Casa de Paz".into(),
        to_agency: None,
        scope: vec!["contact_details".into()],
        purpose: "Shelter".into(),
        signed_on: day("2026-11-01"),
        method: "written".into(),
        witness: None,
        explained_in: "spanish".into(),
        expires_on: day("2026-12-31"),
    };
    let id =
        intake::service::consent::add_release(&mut store, who(&u), subject, &to_shelter, now())
            .unwrap();
    let r = Referral {
        referred_on: day("2026-11-28"),
        reason: "Visa consult".into(),
        rests: intake::domain::referral::Rests::On(id),
        share: vec!["name".into()],
        follow_up_on: None,
    };
    let e = casework::refer(&mut store, who(&u), subject, legal, &r, now()).unwrap_err();
    assert!(
        e.message(intake::i18n::Lang::En).contains("another recipient"),
        "{}",
        e.message(intake::i18n::Lang::En)
    );
}

#[test]
fn a_referral_dated_ahead_cannot_carry_a_release_given_then() {
    let (_db, mut store) = with_admin();
    let u = accounts::find_user(&store, "ana").unwrap();
    let (client, legal, _) = setup(&mut store, &u);
    let r = referral(&[
        ("referred_on", "2026-12-07"),
        ("release", "new"),
        ("method", "written"),
        ("share", "name"),
    ]);
    let e = casework::refer(&mut store, who(&u), Subject::Client(client), legal, &r, now())
        .unwrap_err();
    assert_eq!(e.message(intake::i18n::Lang::En), "This day has not come yet.");
    let n: i64 = store.conn().query_row("SELECT count(*) FROM releases", [], |r| r.get(0)).unwrap();
    assert_eq!(n, 0);
}
