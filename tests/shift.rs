//! Field trial, part 2: an eight-hour hotline shift on the console at 80x24 (callbacks, repeat
//! callers, the call timer, times typed as "now", Enter on the last field).

mod common;

use common::console::*;
use common::*;
use intake::domain::contact::{self, Contact};
use intake::service::{Who, hotline};
use intake::ui::app::Screen;

/// A contact saved by ana through the service, with these fields over the defaults.
fn logged(h: &mut Harness, pairs: &[(&str, &str)]) -> intake::domain::ids::ContactId {
    let ana = intake::auth::accounts::find_user(&h.app.store, "ana").unwrap();
    let mut raw = contact::defaults(fixed_now());
    raw.insert("caller_type".into(), "possible_victim".into());
    for (k, v) in pairs {
        raw.insert(k.to_string(), v.to_string());
    }
    let c = Contact::from_raw(&raw).unwrap();
    let who = Who { user: &ana, session_id: None };
    hotline::save_contact(&mut h.app.store, who, None, &c, fixed_now()).unwrap()
}

#[test]
fn a_callback_due_shows_on_home_beside_the_referrals_and_opens_its_contact() {
    let mut h = Harness::admin();
    let due = logged(&mut h, &[("follow_up", "yes"), ("follow_up_on", "2026-11-27")]);
    logged(&mut h, &[("follow_up", "yes"), ("follow_up_on", "2026-12-04")]);
    logged(&mut h, &[("follow_up", "no")]);
    h.login("ana", ADMIN_PIN);
    let home = h.screen();
    assert!(home.contains("1 due"), "{home}");
    assert!(home.contains("Call back"), "{home}");
    assert!(home.contains(&format!("Hotline contact #{due}")), "{home}");
    insta::assert_snapshot!("home_with_a_callback_due", home);
    h.typed("u");
    let list = h.screen();
    assert!(list.contains("Call back") && list.contains("2026-11-27"), "{list}");
    assert!(!list.contains("2026-12-04"), "not due yet: {list}");
    h.enter();
    assert!(matches!(h.app.screen, Screen::Records(_)), "the callback opens its contact");
    assert!(h.screen().contains("Contact"));
}

#[test]
fn enter_on_a_last_choice_field_applies_the_filter_instead_of_reopening_its_list() {
    let mut h = Harness::admin();
    logged(&mut h, &[("follow_up", "yes"), ("follow_up_on", "2026-11-27")]);
    logged(&mut h, &[("follow_up", "no")]);
    h.login("ana", ADMIN_PIN).typed("h").typed("f");
    h.focus_field("follow_up_due");
    // Space opens the list; Enter there picks; Enter again, on the last field, applies.
    h.typed(" ");
    assert!(h.app.form().unwrap().popup_open());
    h.typed("y").enter();
    assert!(!h.app.form().unwrap().popup_open());
    h.enter();
    assert!(h.app.form().is_none(), "the filter is applied, not reopened: {}", h.screen());
    let list = h.screen();
    assert_eq!(list.matches("2026-11-28").count(), 1, "{list}");
}
