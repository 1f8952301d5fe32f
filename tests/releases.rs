//! Releases of information on a case: recorded with whom, what, why, how and until when;
//! in force through their last day (New Mexico time) and no longer once revoked; never a
//! condition of service. In the console and through the service layer.

mod common;

use common::console::*;
use common::*;
use intake::domain::client::release::{Release, Revocation};
use intake::domain::ids::ClientId;
use intake::i18n::Lang;
use intake::service::{Who, consent};
use intake::store::referrals::Subject;
use intake::store::releases;
use jiff::civil::Date;
use ratatui::crossterm::event::KeyCode;

fn d(s: &str) -> Date {
    s.parse().unwrap()
}

/// The console's day (fixed_now): 28 November 2026 in Denver.
const TODAY: &str = "2026-11-28";

fn release(signed: &str, last: &str) -> Release {
    Release {
        recipient_kind: "service_provider".into(),
        recipient: "Casa de Paz".into(),
        to_agency: None,
        scope: vec!["contact_details".into(), "services".into()],
        purpose: "Shelter placement".into(),
        signed_on: d(signed),
        method: "written".into(),
        witness: None,
        explained_in: "spanish".into(),
        expires_on: d(last),
    }
}

/// An advocate's new client, on its case record; its id.
fn client(h: &mut Harness) -> ClientId {
    with_young_client(h);
    let intake::ui::app::Screen::Clients(c) = &h.app.screen else { panic!("clients") };
    c.record.as_ref().expect("record").stored.id
}

#[test]
fn a_release_is_recorded_shown_in_force_and_revoked_in_the_console() {
    let mut h = Harness::admin();
    client(&mut h);
    let s = h.screen();
    assert!(s.contains("Release in force: none"), "{s}");
    h.typed("r");
    let form = h.screen();
    assert!(form.contains("no service, payment or screening"), "{form}");
    insta::assert_snapshot!("release_form", form);
    // Nothing chosen yet: each missing answer is named.
    h.ctrl('s');
    assert!(h.status().contains("Recipient"), "{}", h.status());
    h.focus_field("recipient_kind").enter().typed("serv").enter();
    h.focus_field("recipient").typed("Casa de Paz shelter");
    h.focus_field("scope").enter().typed("serv").typed(" ").enter();
    h.focus_field("purpose").typed("Shelter placement");
    h.focus_field("expires_on").typed("2026-12-28");
    h.ctrl('s');
    assert_eq!(h.status(), "Release recorded. It is never a condition of service.");
    let s = h.screen();
    assert!(s.contains("Release in force: Casa de Paz shelter (2026-12-28)"), "{s}");
    assert!(s.contains("Until 2026-12-28: Casa de Paz"), "{s}");
    insta::assert_snapshot!("release_in_force", s);
    // Enter on the release's line revokes it.
    let intake::ui::app::Screen::Clients(c) = &h.app.screen else { panic!() };
    let at = c
        .record
        .as_ref()
        .unwrap()
        .timeline
        .rows
        .iter()
        .position(|r| r.kind == intake::domain::client::EventKind::Release);
    for _ in 0..at.unwrap() {
        h.key(KeyCode::Down);
    }
    h.enter();
    assert!(h.screen().contains("Revoke a release"), "{}", h.screen());
    h.ctrl('s');
    assert_eq!(h.status(), "Release revoked: nothing more is shared under it.");
    let s = h.screen();
    assert!(s.contains("Release in force: none"), "{s}");
    assert!(s.contains(&format!("Revoked {TODAY}: Casa de Paz")), "{s}");
    // A second revocation is refused.
    h.enter();
    assert_eq!(h.status(), "This release is already revoked.");
}

#[test]
fn the_release_screens_in_spanish() {
    let mut h = Harness::admin();
    client(&mut h);
    h.app.set_language(Lang::Es);
    h.typed("r");
    let form = h.screen();
    assert!(form.contains("ningún servicio, pago ni"), "{form}");
    insta::assert_snapshot!("release_form_es", form);
    h.focus_field("recipient_kind").enter().typed("serv").enter();
    h.focus_field("recipient").typed("Casa de Paz");
    h.focus_field("scope").enter().typed("serv").typed(" ").enter();
    h.focus_field("purpose").typed("Vivienda");
    h.focus_field("expires_on").typed("2026-12-28");
    h.ctrl('s');
    let s = h.screen();
    assert!(s.contains("Autorización vigente: Casa de Paz (2026-12-28)"), "{s}");
    insta::assert_snapshot!("release_in_force_es", s);
}

#[test]
fn a_release_ends_at_the_end_of_its_last_day_and_a_revocation_stops_it() {
    let (_db, mut store) = with_admin();
    let ana = intake::auth::accounts::find_user(&store, "ana").unwrap();
    let who = Who { user: &ana, session_id: None };
    let client = common::records::person(&mut store, &ana, "2026-10-01", &[("age", "30")]);
    // 22:30 on 30 November in Denver is already 1 December in UTC: still in force.
    let late: jiff::Timestamp = "2026-12-01T05:30:00Z".parse().unwrap();
    let id = consent::add_release(
        &mut store,
        who,
        Subject::Client(client),
        &release("2026-11-01", "2026-11-30"),
        late,
    )
    .unwrap();
    let line = |store: &intake::store::Store| {
        releases::of(store.conn(), Subject::Client(client)).unwrap()[0].clone()
    };
    assert!(line(&store).in_force(intake::domain::time::local_day(late)));
    let next_morning: jiff::Timestamp = "2026-12-01T14:00:00Z".parse().unwrap();
    assert!(!line(&store).in_force(intake::domain::time::local_day(next_morning)));
    // Signed tomorrow is refused; revoked before it was signed too; then revoked.
    let e = consent::add_release(
        &mut store,
        who,
        Subject::Client(client),
        &release("2026-12-02", "2026-12-30"),
        late,
    )
    .unwrap_err();
    assert_eq!(e.message(Lang::En), "This day has not come yet.");
    let early = Revocation { on: d("2026-10-01"), how: "verbal".into() };
    let e = consent::revoke_release(&mut store, who, id, &early, late).unwrap_err();
    assert!(e.message(Lang::En).contains("before the day it was signed"));
    let r = Revocation { on: d("2026-11-15"), how: "verbal".into() };
    consent::revoke_release(&mut store, who, id, &r, late).unwrap();
    assert!(!line(&store).in_force(d("2026-11-15")));
    assert!(line(&store).in_force(d("2026-11-14")));
    let e = consent::revoke_release(&mut store, who, id, &r, late).unwrap_err();
    assert_eq!(e.message(Lang::En), "This release is already revoked.");
    let events = audit_events(&store);
    assert!(events.iter().any(|(e, _)| e == "release_add"));
    assert!(events.iter().any(|(e, _)| e == "release_revoke"));
}

#[test]
fn services_never_wait_for_a_release_and_another_agency_cannot_touch_one() {
    let (_db, mut store) = with_admin();
    let ana = intake::auth::accounts::find_user(&store, "ana").unwrap();
    let who = Who { user: &ana, session_id: None };
    let client = common::records::person(&mut store, &ana, "2026-10-01", &[("age", "30")]);
    // A service for a client with no release at all.
    common::records::service(&mut store, &ana, client, "case_management", TODAY);
    let id = consent::add_release(
        &mut store,
        who,
        Subject::Client(client),
        &release(TODAY, "2026-12-28"),
        fixed_now(),
    )
    .unwrap();
    // Someone of another agency: neither revokes it nor learns it is there.
    let other = common::records::add(
        &mut store,
        "otto",
        intake::domain::staff::Role::Advocate,
        "Other Agency",
    );
    let r = Revocation { on: d(TODAY), how: "written".into() };
    let e = consent::revoke_release(
        &mut store,
        Who { user: &other, session_id: None },
        id,
        &r,
        fixed_now(),
    )
    .unwrap_err();
    assert_eq!(e.message(Lang::En), "That record does not exist or is not yours to see.");
    assert!(releases::of(store.conn(), Subject::Client(client)).unwrap()[0].revoked_on.is_none());
}

#[test]
fn disclosures_and_a_case_offered_to_another_agency_in_the_console() {
    let mut h = Harness::admin();
    // Casa de Paz: another agency of the console, with its advocate Cara.
    intake::auth::accounts::add_user(
        &mut h.app.store,
        intake::auth::Actor::CLI,
        CHEAP,
        &account(
            "cara",
            "Cara Vigil",
            intake::domain::staff::Role::Advocate,
            "Casa de Paz",
            "470193",
        ),
        fixed_now(),
    )
    .unwrap();
    client(&mut h);
    // A release naming Casa de Paz, its last day left to the default for service providers.
    h.typed("r");
    assert!(h.screen().contains("default: Service provider 365 days"), "{}", h.screen());
    h.focus_field("recipient_kind").enter().typed("serv").enter();
    h.focus_field("recipient_agency").enter().typed("Casa").enter();
    h.focus_field("scope").enter().typed("contact").typed(" ").enter();
    h.focus_field("purpose").typed("Shelter and case management");
    h.ctrl('s');
    assert_eq!(h.status(), "Release recorded. It is never a condition of service.");
    assert!(h.screen().contains("Release in force: Casa de Paz (2027-11-28)"), "{}", h.screen());
    // d: the person's releases and disclosures.
    h.typed("d");
    let s = h.screen();
    assert!(
        s.contains("Releases and disclosures · Client #1") && s.contains("Until 2027-11-28"),
        "{s}"
    );
    // A subpoena answered, logged by hand: the order must be named.
    h.typed("a");
    h.focus_field("kind").enter().typed("court").enter();
    h.focus_field("recipient_kind").enter().typed("court").enter();
    h.focus_field("recipient").typed("Third Judicial District Court");
    h.focus_field("what").enter().typed("case").typed(" ").enter();
    h.ctrl('s');
    assert!(h.status().contains("Law or order named"), "{}", h.status());
    h.focus_field("basis_detail").typed("Subpoena D-307-CV-2026-00412");
    h.ctrl('s');
    assert_eq!(h.status(), "Disclosure logged.");
    // The case offered to Casa de Paz under the release.
    h.typed("o");
    let form = h.screen();
    assert!(form.contains("Until 2027-11-28: Casa de Paz"), "{form}");
    h.focus_field("note").typed("Needs a bed tonight.");
    h.ctrl('s');
    assert_eq!(h.status(), "Case offered: the agency sees only what the release covers.");
    h.key(KeyCode::Down).key(KeyCode::Down);
    let s = h.screen();
    assert!(
        s.contains("Case offered")
            && s.contains("Pending")
            && s.contains("Subpoena D-307-CV-2026-00412"),
        "{s}"
    );
    insta::assert_snapshot!("disclosure_log", s);
    h.app.set_language(Lang::Es);
    let s = h.screen();
    assert!(s.contains("Orden judicial o citación") && s.contains("Pendiente"), "{s}");
    insta::assert_snapshot!("disclosure_log_es", s);
    h.app.set_language(Lang::En);
    // Enter on the disclosure: the person was told today.
    h.enter();
    assert!(h.screen().contains("Was the person told?"));
    h.ctrl('s');
    assert_eq!(h.status(), "Saved: whether the person was told.");
    assert!(h.screen().contains(&format!("Told {TODAY}")));

    // Cara, at Casa de Paz, sees the offer: only what the release covers.
    h.key(KeyCode::Esc).key(KeyCode::Esc).key(KeyCode::Esc).typed("o");
    h.login("cara", "470193");
    assert!(h.screen().contains("w  Cases offered to us"), "{}", h.screen());
    h.typed("w");
    assert!(h.screen().contains("Enlace Comunitario"), "{}", h.screen());
    h.enter();
    let s = h.screen();
    assert!(s.contains("Needs a bed tonight.") && s.contains("Luz"), "{s}");
    assert!(!s.contains("Age"), "the release does not cover the age: {s}");
    insta::assert_snapshot!("transfer_offer", s);
    h.app.set_language(Lang::Es);
    let s = h.screen();
    assert!(s.contains("Solo se muestra lo que cubre la autorización"), "{s}");
    insta::assert_snapshot!("transfer_offer_es", s);
    h.app.set_language(Lang::En);
    // Accepted: Casa de Paz's own record, the offer its first note.
    h.typed("a");
    assert_eq!(h.status(), "Case accepted: our record is Client #2.");
    let s = h.screen();
    assert!(s.contains("#2 Luz") && s.contains("Case transferred from Enlace"), "{s}");
}

#[test]
fn a_callers_disclosures_are_reached_from_their_contact() {
    let mut h = Harness::admin();
    advocate(&mut h);
    let bea = intake::auth::accounts::find_user(&h.app.store, "bea").unwrap();
    let contact = common::records::call(
        &mut h.app.store,
        &bea,
        "2026-11-28 09:00",
        &[
            ("minor", "yes"),
            ("trafficking_type", "labour"),
            ("reported_to", "cyfd"),
            ("reported_at", "2026-11-28 10:15"),
        ],
    );
    h.app.run(vec![intake::ui::effect::Effect::Go(intake::ui::effect::Route::Contact(contact))]);
    h.ctrl('d');
    let s = h.screen();
    assert!(s.contains("Releases and disclosures · Hotline contact #1"), "{s}");
    assert!(s.contains("Mandatory report") && s.contains("Child welfare (CYFD)"), "{s}");
    assert!(s.contains("NMSA 1978, 32A-4-3") && s.contains("Not yet"), "{s}");
    // A caller's case is never offered: they become a client first.
    h.typed("o");
    assert!(h.status().contains("make the caller a client first"), "{}", h.status());
    h.key(KeyCode::Esc);
    assert!(matches!(h.app.screen, intake::ui::app::Screen::Records(_)), "back on the contact");
}
