//! The referral screens' state tests.

use super::*;

fn ctx() -> Ctx {
    crate::ui::screen::testing::ctx_at("2026-12-06T17:00:00Z", None)
}

fn stored(id: i64) -> Box<Stored> {
    Box::new(Stored {
        id: ReferralId(id),
        subject: Subject::Client(crate::domain::ids::ClientId(3)),
        service_id: crate::domain::ids::ServiceId(1),
        service: "T visa legal help".into(),
        organization: "Frontera Legal".into(),
        phone: Some("575-555-0142".into()),
        referred_on: "2026-11-28".parse().unwrap(),
        referred_by: "Bea".into(),
        reason: "Needs a consultation".into(),
        share: Vec::new(),
        release: None,
        follow_up_on: Some("2026-12-05".parse().unwrap()),
        status: "made".into(),
        history: Vec::new(),
    })
}

#[test]
fn the_follow_up_list_opens_a_referral_and_esc_returns_to_the_list() {
    let mut r = ReferralScreen::follow_ups();
    assert!(matches!(r.enter(&ctx())[..], [Effect::Run(_)]));
    let due = Due {
        item: DueItem::Referral(ReferralId(9)),
        follow_up_on: "2026-12-05".into(),
        subject: Subject::Client(crate::domain::ids::ClientId(3)),
        service: "T visa legal help".into(),
        status: "made".into(),
    };
    r.on_done(Done::Due(Pager { rows: vec![due], ..Default::default() }), &ctx());
    assert!(matches!(r.update(Action::Open, &ctx())[..], [Effect::Run(_)]));
    r.on_done(Done::Referral(stored(9)), &ctx());
    assert_eq!(r.title(), Msg::TitleReferral);
    assert!(
        matches!(&r.update(Action::CopyPhone, &ctx())[..], [Effect::Copy(Some(p))] if p == "575-555-0142")
    );
    // The status form: the next status filled in; a bad one is refused on its fields.
    r.update(Action::CaseStatus, &ctx());
    assert_eq!(r.form().unwrap().raw()["status"], "accepted");
    assert_eq!(r.form().unwrap().raw()["follow_up_on"], "2026-12-06", "not in the past");
    assert!(matches!(r.update(Action::Back, &ctx())[..], [Effect::LeaveForm]));
    r.discard(&ctx());
    assert!(matches!(r.update(Action::Back, &ctx())[..], [Effect::Run(_)]), "the list again");
    assert_eq!(r.title(), Msg::TitleFollowUps);
}

#[test]
fn a_referral_opened_from_a_case_record_goes_back_to_it() {
    let mut r = ReferralScreen::one(ReferralId(9), Back::Client(crate::domain::ids::ClientId(3)));
    assert!(matches!(r.enter(&ctx())[..], [Effect::Run(_)]), "only the referral is read");
    r.on_done(Done::Referral(stored(9)), &ctx());
    assert!(matches!(
        r.update(Action::Back, &ctx())[..],
        [Effect::Go(Route::Client(crate::domain::ids::ClientId(3)))]
    ));
}

#[test]
fn the_release_a_referral_rests_on_is_revoked_from_its_view() {
    let mut r = ReferralScreen::one(ReferralId(9), Back::Contact(ContactId(4)));
    r.enter(&ctx());
    // Without a release there is nothing to revoke: said, no form.
    r.on_done(Done::Referral(stored(9)), &ctx());
    assert!(matches!(
        r.update(Action::RevokeRelease, &ctx())[..],
        [Effect::Say(Msg::RefNoReleaseToRevoke)]
    ));
    assert!(r.form().is_none());
    let mut with = stored(9);
    with.release = Some(store_referrals::RestsOn {
        id: 5,
        recipient: "Frontera Legal".into(),
        signed_on: "2026-11-28".parse().unwrap(),
        expires_on: "2027-02-28".parse().unwrap(),
        revoked_on: None,
    });
    r.on_done(Done::Referral(with.clone()), &ctx());
    r.update(Action::RevokeRelease, &ctx());
    assert_eq!(r.title(), Msg::TitleRevokeRelease);
    assert_eq!(r.form().unwrap().raw()["revoked_on"], "2026-12-06");
    assert!(matches!(r.update(Action::Submit, &ctx())[..], [Effect::Run(_)]));
    // Revoked already: said, no form.
    with.release.as_mut().unwrap().revoked_on = Some("2026-12-01".parse().unwrap());
    r.on_done(Done::Referral(with), &ctx());
    assert!(matches!(
        r.update(Action::RevokeRelease, &ctx())[..],
        [Effect::Say(Msg::ErrReleaseAlreadyRevoked)]
    ));
}
