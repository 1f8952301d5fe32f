//! The disclosure log and case transfers: a mandatory report recorded on a hotline contact or
//! a screening is logged once, by itself; a disclosure under an exception is logged by hand
//! and the person told later; a case is offered to another agency only under a release naming
//! it, seen there only as far as the release covers, stopped when the release is revoked or
//! ends, and accepted as a record of the agency's own; law enforcement sees nothing without a
//! release naming it.

mod common;

use common::records::{add, call, day, now, person, who};
use common::*;
use intake::domain::client::release::{Release, Revocation};
use intake::domain::ids::ClientId;
use intake::domain::staff::Role;
use intake::i18n::Lang;
use intake::service::consent;
use intake::store::Store;
use intake::store::disclosures;
use intake::store::referrals::Subject;
use intake::store::users::User;

fn release(to: Option<intake::domain::ids::AgencyId>, kind: &str, scope: &[&str]) -> Release {
    Release {
        recipient_kind: kind.into(),
        recipient: "Casa de Paz".into(),
        to_agency: to,
        scope: scope.iter().map(|s| s.to_string()).collect(),
        purpose: "Shelter and case management".into(),
        signed_on: day("2026-11-20"),
        method: "written".into(),
        witness: None,
        explained_in: "spanish".into(),
        expires_on: day("2026-12-31"),
    }
}

/// Bea (Enlace) with a client Rosa (phone and birth date on record), and Cara of Casa de Paz.
fn two_agencies() -> (TestDb, Store, User, User, ClientId) {
    let (db, mut store) = with_admin();
    let bea = add(&mut store, "bea", Role::Advocate, "Enlace Comunitario");
    let cara = add(&mut store, "cara", Role::Advocate, "Casa de Paz");
    let rosa = person(
        &mut store,
        &bea,
        "2026-11-01",
        &[("chosen_name", "Rosa"), ("phone", "505-555-0188"), ("birth_date", "2001-04-09")],
    );
    (db, store, bea, cara, rosa)
}

#[test]
fn a_mandatory_report_on_a_contact_is_logged_once_and_the_person_told_later() {
    let (_db, mut store) = with_admin();
    let bea = add(&mut store, "bea", Role::Advocate, "Enlace Comunitario");
    let contact = call(
        &mut store,
        &bea,
        "2026-11-27 14:00",
        &[
            ("minor", "yes"),
            ("trafficking_type", "sex"),
            ("reported_to", "cyfd;law_enforcement"),
            ("reported_at", "2026-11-27 15:30"),
        ],
    );
    let log = disclosures::of(store.conn(), bea.agency_id, Subject::Contact(contact)).unwrap();
    let got: Vec<_> = log
        .iter()
        .map(|l| (l.kind.as_str(), l.recipient_kind.as_str(), l.basis.as_str(), l.told.as_str()))
        .collect();
    assert_eq!(
        got,
        [
            ("mandatory_report", "law_enforcement", "statute", "not_yet"),
            ("mandatory_report", "child_welfare", "statute", "not_yet"),
        ]
    );
    assert_eq!(log[0].basis_detail.as_deref(), Some(disclosures::CHILD_REPORT_STATUTE));
    assert_eq!(log[0].on, day("2026-11-27"));
    // Saving the contact again logs nothing more.
    let again =
        intake::store::contacts::get(store.conn(), bea.agency_id, contact).unwrap().unwrap();
    intake::service::hotline::save_contact(
        &mut store,
        who(&bea),
        Some(contact),
        &again.contact,
        now(),
    )
    .unwrap();
    assert_eq!(
        disclosures::of(store.conn(), bea.agency_id, Subject::Contact(contact)).unwrap().len(),
        2
    );
    // The person was told; not before the report, and not by another agency.
    let e =
        consent::set_told(&mut store, who(&bea), log[0].id, "yes", Some(day("2026-11-26")), now())
            .unwrap_err();
    assert!(e.message(Lang::En).contains("before the disclosure"), "{}", e.message(Lang::En));
    let otto = add(&mut store, "otto", Role::Advocate, "Other Agency");
    assert!(consent::set_told(&mut store, who(&otto), log[0].id, "not_safe", None, now()).is_err());
    consent::set_told(&mut store, who(&bea), log[0].id, "yes", Some(day("2026-11-28")), now())
        .unwrap();
    let log = disclosures::of(store.conn(), bea.agency_id, Subject::Contact(contact)).unwrap();
    assert_eq!((log[0].told.as_str(), log[0].told_on), ("yes", Some(day("2026-11-28"))));
    assert!(audit_events(&store).iter().any(|(e, _)| e == "disclosure_told"));
}

#[test]
fn a_court_order_is_logged_by_hand_and_counted_without_names_in_the_shared_view() {
    let (_db, mut store, bea, _cara, rosa) = two_agencies();
    let d = disclosures::New {
        client: Some(rosa),
        contact: None,
        kind: "court_order".into(),
        on: day("2026-11-25"),
        recipient_kind: "court".into(),
        recipient: Some("Second Judicial District Court".into()),
        what: vec!["case_notes".into()],
        basis: "court_order".into(),
        release_id: None,
        basis_detail: Some("Subpoena D-202-CV-2026-01234".into()),
        source: None,
        told: "not_safe".into(),
        told_on: None,
    };
    consent::log_disclosure(&mut store, who(&bea), &d, now()).unwrap();
    // Nothing from the future, nobody told before it happened.
    let mut later = d.clone();
    later.on = day("2026-12-25");
    assert!(consent::log_disclosure(&mut store, who(&bea), &later, now()).is_err());
    let own = disclosures::counts(
        store.conn(),
        Some(bea.agency_id),
        day("2026-11-01"),
        day("2026-11-30"),
        false,
    )
    .unwrap();
    assert_eq!(own.len(), 1);
    assert_eq!(own[0].recipient.as_deref(), Some("Second Judicial District Court"));
    assert_eq!((own[0].n, own[0].not_safe), (1, 1));
    let shared = disclosures::counts(
        store.conn(),
        Some(bea.agency_id),
        day("2026-11-01"),
        day("2026-11-30"),
        true,
    )
    .unwrap();
    assert_eq!(shared[0].recipient, None);
}

#[test]
fn a_case_offered_under_a_release_is_seen_only_as_far_as_it_covers_and_accepted() {
    let (_db, mut store, bea, cara, rosa) = two_agencies();
    let subject = Subject::Client(rosa);
    // A release to an outside party names no agency: nothing can be offered under it.
    let outside = consent::add_release(
        &mut store,
        who(&bea),
        subject,
        &release(None, "service_provider", &["contact_details"]),
        now(),
    )
    .unwrap();
    let e = consent::offer_transfer(&mut store, who(&bea), rosa, outside, None, now()).unwrap_err();
    assert!(e.message(Lang::En).contains("release that names it"), "{}", e.message(Lang::En));
    let to_casa = consent::add_release(
        &mut store,
        who(&bea),
        subject,
        &release(Some(cara.agency_id), "service_provider", &["contact_details"]),
        now(),
    )
    .unwrap();
    let (offer, to) = consent::offer_transfer(
        &mut store,
        who(&bea),
        rosa,
        to_casa,
        Some("Needs a bed tonight"),
        now(),
    )
    .unwrap();
    assert_eq!(to, cara.agency_id);
    assert!(
        consent::offer_transfer(&mut store, who(&bea), rosa, to_casa, None, now()).is_err(),
        "one offer at a time"
    );
    // Casa de Paz sees the offer: the name and phone, not the birth date.
    let listed = consent::offers(&store, who(&cara), now()).unwrap();
    assert_eq!(listed.len(), 1);
    assert_eq!(listed[0].from, "Enlace Comunitario");
    let seen = consent::open_offer(&mut store, who(&cara), offer, now()).unwrap();
    assert_eq!((seen.chosen_name.as_str(), seen.phone.as_deref()), ("Rosa", Some("505-555-0188")));
    assert_eq!(seen.birth_date, None);
    // The sending agency cannot accept its own offer.
    assert!(consent::accept_offer(&mut store, who(&bea), offer, "x", now()).is_err());
    let new =
        consent::accept_offer(&mut store, who(&cara), offer, "Case transferred", now()).unwrap();
    let theirs = intake::store::clients::get(store.conn(), cara.agency_id, new).unwrap().unwrap();
    assert_eq!((theirs.client.chosen_name.as_str(), theirs.client.birth_date), ("Rosa", None));
    assert_eq!(theirs.client.referral_source, "other_agency");
    // Linked, not shared: each agency has its own record; the sender's is still there.
    assert!(intake::store::clients::get(store.conn(), cara.agency_id, rosa).unwrap().is_none());
    assert!(intake::store::clients::get(store.conn(), bea.agency_id, rosa).unwrap().is_some());
    // The sending agency's log has the transfer, under the release.
    let log = disclosures::of(store.conn(), bea.agency_id, subject).unwrap();
    assert!(log.iter().any(|l| l.kind == "transfer" && l.release_id == Some(to_casa)));
    assert!(consent::accept_offer(&mut store, who(&cara), offer, "x", now()).is_err(), "once");
}

#[test]
fn a_revoked_release_stops_a_pending_transfer() {
    let (_db, mut store, bea, cara, rosa) = two_agencies();
    let subject = Subject::Client(rosa);
    let id = consent::add_release(
        &mut store,
        who(&bea),
        subject,
        &release(Some(cara.agency_id), "service_provider", &["contact_details", "case_notes"]),
        now(),
    )
    .unwrap();
    let (offer, _) = consent::offer_transfer(&mut store, who(&bea), rosa, id, None, now()).unwrap();
    let r = Revocation { on: day("2026-11-28"), how: "verbal".into() };
    consent::revoke_release(&mut store, who(&bea), id, &r, now()).unwrap();
    assert!(consent::offers(&store, who(&cara), now()).unwrap().is_empty());
    let e = consent::accept_offer(&mut store, who(&cara), offer, "x", now()).unwrap_err();
    assert!(e.message(Lang::En).contains("no longer open"), "{}", e.message(Lang::En));
    assert!(consent::open_offer(&mut store, who(&cara), offer, now()).is_err());
    let status: String = store
        .conn()
        .query_row("SELECT status FROM case_transfers WHERE id = ?1", [offer], |r| r.get(0))
        .unwrap();
    assert_eq!(status, "stopped");
    let clients: i64 = store
        .conn()
        .query_row("SELECT count(*) FROM clients WHERE agency_id = ?1", [cara.agency_id.0], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(clients, 0);
    // A release that simply ends stops it too: the day after its last day nothing shows.
    let later = consent::add_release(
        &mut store,
        who(&bea),
        subject,
        &release(Some(cara.agency_id), "service_provider", &["contact_details"]),
        now(),
    )
    .unwrap();
    let (second, _) =
        consent::offer_transfer(&mut store, who(&bea), rosa, later, None, now()).unwrap();
    let january: jiff::Timestamp = "2027-01-01T15:00:00Z".parse().unwrap();
    assert!(consent::offers(&store, who(&cara), january).unwrap().is_empty());
    assert!(consent::accept_offer(&mut store, who(&cara), second, "x", january).is_err());
}

#[test]
fn law_enforcement_sees_nothing_without_a_release_naming_it() {
    let (_db, mut store, bea, cara, rosa) = two_agencies();
    let subject = Subject::Client(rosa);
    let det = add(&mut store, "det", Role::LawEnforcement, "Las Cruces Police");
    store
        .conn()
        .execute("UPDATE agencies SET kind = 'law_enforcement' WHERE id = ?1", [det.agency_id.0])
        .unwrap();
    // Its own view of the client: nothing.
    assert!(intake::service::casework::open_client(&mut store, who(&det), rosa).is_err());
    // A release naming a service agency offers nothing to the police.
    let to_casa = consent::add_release(
        &mut store,
        who(&bea),
        subject,
        &release(Some(cara.agency_id), "service_provider", &["contact_details"]),
        now(),
    )
    .unwrap();
    let (offer, _) =
        consent::offer_transfer(&mut store, who(&bea), rosa, to_casa, None, now()).unwrap();
    assert!(consent::offers(&store, who(&det), now()).unwrap().is_empty());
    assert!(consent::open_offer(&mut store, who(&det), offer, now()).is_err());
    assert!(consent::accept_offer(&mut store, who(&det), offer, "x", now()).is_err());
    // A release naming the police must say it is for law enforcement.
    let e = consent::add_release(
        &mut store,
        who(&bea),
        subject,
        &release(Some(det.agency_id), "service_provider", &["contact_details"]),
        now(),
    )
    .unwrap_err();
    assert!(e.message(Lang::En).contains("law enforcement"), "{}", e.message(Lang::En));
    // With an explicit release for it, it sees what that release covers, and nothing else.
    let to_police = consent::add_release(
        &mut store,
        who(&bea),
        subject,
        &release(Some(det.agency_id), "law_enforcement", &["date_of_birth"]),
        now(),
    )
    .unwrap();
    let (offer, _) =
        consent::offer_transfer(&mut store, who(&bea), rosa, to_police, None, now()).unwrap();
    let seen = consent::open_offer(&mut store, who(&det), offer, now()).unwrap();
    assert_eq!((seen.birth_date, seen.phone.as_deref()), (Some(day("2001-04-09")), None));
}

#[test]
fn a_release_about_to_end_is_on_the_follow_up_list_until_revoked() {
    let (_db, mut store, bea, _cara, rosa) = two_agencies();
    let mut r = release(None, "service_provider", &["contact_details"]);
    r.expires_on = day("2026-12-10");
    let id = consent::add_release(&mut store, who(&bea), Subject::Client(rosa), &r, now()).unwrap();
    let due = |store: &Store, on: &str| {
        let today = day(on);
        let rows =
            intake::store::referrals::due(store.conn(), bea.agency_id, today, 0, 20).unwrap();
        let n = intake::store::referrals::due_count(store.conn(), bea.agency_id, today).unwrap();
        (rows, n)
    };
    // Fifteen days before its last day: not yet; fourteen: due; after it: gone.
    assert_eq!(due(&store, "2026-11-25").1, 0);
    let (rows, n) = due(&store, "2026-11-26");
    assert_eq!(n, 1);
    assert_eq!(rows[0].item, intake::store::referrals::DueItem::ReleaseEnding(id));
    assert_eq!(
        (rows[0].service.as_str(), rows[0].follow_up_on.as_str()),
        ("Casa de Paz", "2026-12-10")
    );
    assert_eq!(due(&store, "2026-12-10").1, 1);
    assert_eq!(due(&store, "2026-12-11").1, 0);
    let revoked = Revocation { on: day("2026-11-28"), how: "written".into() };
    consent::revoke_release(&mut store, who(&bea), id, &revoked, now()).unwrap();
    assert_eq!(due(&store, "2026-11-28").1, 0);
}

#[test]
fn a_release_prints_for_signing_and_the_disclosures_report_counts_without_names_when_shared() {
    let (db, mut store, bea, cara, rosa) = two_agencies();
    let sue = add(&mut store, "sue", Role::Supervisor, "Enlace Comunitario");
    let id = consent::add_release(
        &mut store,
        who(&bea),
        Subject::Client(rosa),
        &release(Some(cara.agency_id), "service_provider", &["contact_details", "services"]),
        now(),
    )
    .unwrap();
    let (offer, _) = consent::offer_transfer(&mut store, who(&bea), rosa, id, None, now()).unwrap();
    consent::accept_offer(&mut store, who(&cara), offer, "Case transferred", now()).unwrap();
    drop((store, sue));
    let out = |args: &[&str]| {
        let o = run_intake(&db, args, "");
        (
            o.status.success(),
            String::from_utf8_lossy(&o.stdout).to_string(),
            String::from_utf8_lossy(&o.stderr).to_string(),
        )
    };
    let n = id.to_string();
    let (ok, text, err) = out(&["--lang", "es", "release", "print", &n, "--user", "bea"]);
    assert!(ok, "{err}");
    for part in [
        "Autorización para divulgar información",
        "Casa de Paz",
        "Datos de contacto, Servicios",
        "hasta el final del 2026-12-31",
        "No tengo que firmar esto para recibir servicios",
        "Firma de la persona",
    ] {
        assert!(text.contains(part), "{part}: {text}");
    }
    let (ok, page, _) = out(&["release", "print", &n, "--user", "bea", "--html"]);
    assert!(
        ok && page.starts_with("<!DOCTYPE html>")
            && page.contains("<dt>What it covers</dt><dd>Contact details, Services</dd>"),
        "{page}"
    );
    // Another agency's staff cannot print it; nor can a role that does no casework.
    let (ok, _, err) = out(&["release", "print", &n, "--user", "cara"]);
    assert!(!ok && err.contains("not yours"), "{err}");
    // The supervisor's report names Casa de Paz; the shared view does not.
    let (ok, own, err) = out(&["report", "disclosures", "--user", "sue", "--fy", "2027"]);
    assert!(ok, "{err}");
    assert!(own.contains("Case transfer") && own.contains("Casa de Paz"), "{own}");
    let (ok, shared, _) = out(&[
        "report",
        "disclosures",
        "--user",
        "sue",
        "--fy",
        "2027",
        "--shareable",
        "--format",
        "csv",
    ]);
    assert!(
        ok && shared.contains("Case transfer,Service provider,<11")
            && !shared.contains("Casa de Paz"),
        "{shared}"
    );
    let (ok, _, err) = out(&["report", "disclosures", "--user", "bea", "--fy", "2027"]);
    assert!(!ok && err.contains("Only supervisors"), "{err}");
    // Defaults: an administrator sets one; others cannot.
    let (ok, _, err) = out(&["release", "defaults", "--user", "bea", "--set", "court=5"]);
    assert!(!ok && err.contains("administrator"), "{err}");
    let (ok, list, err) =
        out(&["release", "defaults", "--user", "ana", "--set", "law_enforcement=21"]);
    assert!(ok && list.contains("law_enforcement\t21"), "{list}{err}");
}
