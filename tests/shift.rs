//! Field trial, part 2: an eight-hour hotline shift on the console at 80x24 (callbacks, repeat
//! callers, the call timer, times typed as "now", Enter on the last field).

mod common;

use common::console::*;
use common::*;
use intake::domain::contact::{self, Contact};
use intake::service::{Who, hotline};
use intake::ui::app::Screen;
use ratatui::crossterm::event::KeyCode;

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

/// A clock the test moves: seconds since the epoch.
static CLOCK: std::sync::atomic::AtomicI64 = std::sync::atomic::AtomicI64::new(0);

fn moving_clock() -> jiff::Timestamp {
    jiff::Timestamp::from_second(CLOCK.load(std::sync::atomic::Ordering::SeqCst)).unwrap()
}

fn set_clock(at: &str) {
    let t: jiff::Timestamp = at.parse().unwrap();
    CLOCK.store(t.as_second(), std::sync::atomic::Ordering::SeqCst);
}

fn stored_contact(h: &Harness, id: i64) -> Contact {
    let ana = intake::auth::accounts::find_user(&h.app.store, "ana").unwrap();
    let id = intake::domain::ids::ContactId(id);
    intake::store::contacts::get(h.app.store.conn(), ana.agency_id, id).unwrap().unwrap().contact
}

#[test]
fn a_new_call_times_itself_and_times_take_now_but_never_the_future() {
    let (db, store) = with_admin();
    let mut h = Harness::on(db, store);
    h.app.opts.clock = moving_clock;
    set_clock("2026-11-28T20:00:10Z");
    h.login("ana", ADMIN_PIN).typed("c");
    assert_eq!(h.app.form().unwrap().raw()["started_at"], "2026-11-28 13:00");
    h.focus_field("caller_type").typed(" ").typed("p").enter();
    // Twelve minutes on the line; the duration is filled in at save.
    set_clock("2026-11-28T20:12:20Z");
    h.ctrl('s');
    assert_eq!(h.status(), "Contact #1 saved.");
    assert_eq!(stored_contact(&h, 1).duration_min, Some(12));

    // A call logged afterwards: its start typed, its duration typed; neither is replaced.
    h.typed("n");
    h.focus_field("caller_type").typed(" ").typed("p").enter();
    h.focus_field("started_at").ctrl('u').typed("2026-11-28 12:30");
    h.focus_field("duration_min").typed("5");
    h.ctrl('s');
    assert_eq!(stored_contact(&h, 2).duration_min, Some(5));

    // "now" is the time it is; a time in the future is refused on its field.
    h.typed("n");
    h.focus_field("caller_type").typed(" ").typed("p").enter();
    h.focus_field("started_at").ctrl('u').typed("2030-01-01 10:00");
    h.ctrl('s');
    assert!(h.status().contains("in the future"), "{}", h.status());
    h.focus_field("started_at").ctrl('u').typed("now");
    assert_eq!(h.app.form().unwrap().raw()["started_at"], "2026-11-28 13:12");
    h.focus_field("follow_up").typed("y");
    h.focus_field("follow_up_on").typed("today");
    assert_eq!(h.app.form().unwrap().raw()["follow_up_on"], "2026-11-28");
}

#[test]
fn in_spanish_ahora_and_hoy_fill_the_time_and_the_day() {
    let mut h = Harness::admin();
    h.login("ana", ADMIN_PIN).typed("g").typed("c");
    h.focus_field("started_at").ctrl('u').typed("ahora");
    assert_eq!(h.app.form().unwrap().raw()["started_at"], "2026-11-28 13:00");
    h.focus_field("follow_up_on").typed("hoy");
    assert_eq!(h.app.form().unwrap().raw()["follow_up_on"], "2026-11-28");
    insta::assert_snapshot!("new_contact_es_after_ahora", h.screen());
}

#[test]
fn a_repeat_caller_is_recognised_as_the_number_is_typed_and_ctrl_p_lists_the_earlier_contacts() {
    let mut h = Harness::admin();
    let first = logged(&mut h, &[("caller_id", "(505) 555-0142"), ("channel", "text")]);
    logged(&mut h, &[("caller_id", "+1 505 555 0142")]);
    logged(&mut h, &[("caller_id", "505 555 0199")]);
    // The first of them became a client's contact.
    let ana = intake::auth::accounts::find_user(&h.app.store, "ana").unwrap();
    let who = Who { user: &ana, session_id: None };
    let mut raw = intake::domain::client::defaults();
    raw.insert("chosen_name".into(), "Luz".into());
    raw.insert("age".into(), "24".into());
    let today = "2026-11-28".parse().unwrap();
    let luz = intake::domain::client::Client::from_raw(&raw, &Default::default(), today).unwrap();
    let also = intake::service::casework::Also::default();
    let client = intake::service::casework::save_client(
        &mut h.app.store,
        who,
        None,
        &luz,
        today,
        also,
        fixed_now(),
    )
    .unwrap();
    intake::service::casework::link_contact(&mut h.app.store, who, first, client, fixed_now())
        .unwrap();
    h.login("ana", ADMIN_PIN).typed("c");
    h.focus_field("caller_id").typed("505-555-01");
    h.app.on_timer(std::time::Instant::now() + std::time::Duration::from_secs(1));
    assert!(
        h.app.screen_keymap().iter().any(|b| b.keys.contains(&intake::ui::keymap::Key::Ctrl('p')))
    );
    assert!(!h.screen().contains("contacted us"), "too short to be one caller");
    h.typed("42");
    h.app.on_timer(std::time::Instant::now() + std::time::Duration::from_secs(1));
    let s = h.screen();
    assert!(s.contains("This caller has contacted us 2 times before"), "{s}");
    insta::assert_snapshot!("new_contact_repeat_caller", s);
    h.ctrl('p');
    let list = h.screen();
    assert!(list.contains("Earlier contacts from this caller: 2"), "{list}");
    assert!(list.contains(&format!("#{first}")) && list.contains("Text"), "{list}");
    assert!(list.contains(&format!("#{client}")), "the client it is linked to: {list}");
    assert!(!list.contains("#3 "), "another caller's contact is not listed: {list}");
    insta::assert_snapshot!("caller_history", list);
    assert!(audit_events(&h.app.store).iter().any(|(e, _)| e == "caller_history"));
    // Letters do not reach the form under the list; Esc goes back to it as it was.
    h.typed("zz").key(KeyCode::Esc);
    assert_eq!(h.app.form().unwrap().raw()["caller_id"], "505-555-0142");
    assert!(h.app.form().unwrap().dirty);
}

#[test]
fn a_service_without_a_phone_offers_no_copy_and_the_list_explains_its_marks() {
    let mut h = Harness::admin();
    h.app.store.write(|tx| intake::store::directory::seed_if_empty(tx, fixed_now())).unwrap();
    h.login("ana", ADMIN_PIN).typed("d").typed("sunland park");
    h.run_search();
    let list = h.screen();
    assert!(list.contains("? unverified  ~ not checked in a year"), "{list}");
    h.key(KeyCode::F(1));
    assert!(h.screen().contains("? the service is unverified"), "{}", h.screen());
    h.key(KeyCode::Esc).enter();
    let detail = h.screen();
    assert!(detail.contains("Sexual assault and child abuse services"), "{detail}");
    assert!(!detail.contains("Copy the phone"), "no phone, no copy offered: {detail}");
    h.typed("c");
    assert_eq!(h.app.clipboard, None);
    assert_eq!(h.status(), "", "the key does nothing at all");
}

fn two_minutes_later() -> jiff::Timestamp {
    fixed_now() + jiff::SignedDuration::from_secs(120)
}

/// One person in two consoles (they reconnected while the first still hangs on): a form in use
/// in the first is not opened by the second; once it sits a minute untouched, the second takes
/// it over only after a warning, and the first can then no longer save it (one call, one
/// contact). A console that is gone leaves its form to be taken over, again after a warning.
#[test]
fn the_same_users_draft_is_open_in_one_session_at_a_time() {
    use intake::i18n::{Lang, Msg};
    let mut a = Harness::admin();
    a.login("ana", ADMIN_PIN).typed("c");
    a.focus_field("notes").typed("Caller on the line in session A");
    a.app.keep_drafts_within(Some(intake::ui::app::QUICK));
    // Ana logs in again from another terminal while the first is still in use.
    let second = |a: &Harness| {
        let store = a.db.open();
        let db = TestDb { dir: tempfile::tempdir().unwrap(), paths: a.db.paths.clone() };
        Harness::on(db, store)
    };
    let mut b = second(&a);
    b.login("ana", ADMIN_PIN);
    assert_ne!(b.status(), Msg::DraftWaiting.text(Lang::En));
    b.typed("r");
    assert!(b.app.form().is_none(), "a form in use in session A is not opened in session B");
    assert!(b.status().contains("in use in your other session"), "{}", b.status());
    // Two minutes on, session A has not typed: its link hangs. B may take the form over, after
    // a warning that names when A started and when its form was last typed in.
    b.app.opts.clock = two_minutes_later;
    b.typed("r");
    let asked = b.screen();
    assert!(asked.contains("is still") && asked.contains("13:00"), "{asked}");
    b.typed("n");
    assert!(b.app.form().is_none(), "n leaves it where it is");
    b.typed("r").typed("y");
    assert_eq!(b.status(), Msg::DraftRestored.text(Lang::En));
    assert_eq!(b.app.form().unwrap().raw()["notes"], "Caller on the line in session A");
    // Session A comes back to life: it can neither keep typing into the form nor save it.
    a.typed(" (more)");
    assert_eq!(a.status(), Msg::ErrDraftTakenOver.text(Lang::En));
    a.ctrl('s');
    assert_eq!(a.status(), Msg::ErrDraftTakenOver.text(Lang::En));
    let contacts = |h: &Harness| -> i64 {
        h.app.store.conn().query_row("SELECT count(*) FROM contacts", [], |r| r.get(0)).unwrap()
    };
    assert_eq!(contacts(&a), 0, "session A saved nothing");
    // A leaves the form: asked, then discarded; its next form is its own again.
    a.key(KeyCode::Esc).typed("y");
    assert!(a.app.form().is_none());
    // Session B's link drops (its console goes; the file stays): the next login takes its
    // form up, where it was, once asked.
    let Harness { db: _kept, app, .. } = a;
    drop(app);
    let mut c = b.reconnect();
    c.login("ana", ADMIN_PIN).enter();
    assert!(c.screen().contains("ended with this"), "{}", c.screen());
    c.typed("y");
    let raw = c.app.form().expect("the form is back").raw();
    assert_eq!(raw["notes"], "Caller on the line in session A");
}

#[test]
fn a_pin_typed_where_the_user_name_goes_never_shows_and_is_cleared() {
    let mut h = Harness::admin();
    // After a restart the login form starts on the user name: the PIN typed first lands there.
    h.typed(ADMIN_PIN);
    let s = h.screen();
    assert!(!s.contains(ADMIN_PIN), "the digits show as bullets:\n{s}");
    h.enter().typed(ADMIN_PIN).enter();
    assert_eq!(h.status(), intake::i18n::Msg::ErrPinInUserName.text(intake::i18n::Lang::En));
    assert!(matches!(h.app.screen, Screen::Login(_)));
    let form = h.app.form().unwrap();
    assert_eq!((form.fields[0].raw(), form.fields[1].raw()), (String::new(), String::new()));
    h.login("ana", ADMIN_PIN);
    assert!(h.screen().contains("What would you like to do?"));
    // A user name of digits alone is refused, so a PIN can never be one.
    let digits = intake::auth::accounts::check_username("470193");
    assert!(digits.is_err());
}

/// The screens this trial changed, in Spanish: the follow-up panel with a callback, the
/// caller's earlier contacts, the hotline log's flags and the directory's marks.
#[test]
fn the_shift_screens_in_spanish() {
    let mut h = Harness::admin();
    logged(&mut h, &[("follow_up", "yes"), ("follow_up_on", "2026-11-27"), ("minor", "yes")]);
    logged(&mut h, &[("caller_id", "505 555 0142"), ("channel", "text")]);
    h.app.store.write(|tx| intake::store::directory::seed_if_empty(tx, fixed_now())).unwrap();
    h.login("ana", ADMIN_PIN).typed("g");
    let home = h.screen();
    assert!(home.contains("Devolver la llamada"), "{home}");
    insta::assert_snapshot!("home_callback_es", home);
    h.typed("h");
    let log = h.screen();
    assert!(log.contains("Marcas: M un menor"), "{log}");
    insta::assert_snapshot!("hotline_log_es", log);
    h.typed("n").focus_field("caller_id").typed("(505) 555-0142");
    h.app.on_timer(std::time::Instant::now() + std::time::Duration::from_secs(1));
    assert!(h.screen().contains("se comunicó una vez antes"), "{}", h.screen());
    h.ctrl('p');
    insta::assert_snapshot!("caller_history_es", h.screen());
    h.key(KeyCode::Esc).key(KeyCode::Esc).typed("y");
    h.key(KeyCode::Esc);
    h.typed("d").typed("vivienda");
    h.run_search();
    let dir = h.screen();
    assert!(dir.contains("? sin verificar"), "{dir}");
    insta::assert_snapshot!("directory_vivienda_es", dir);
}

#[test]
fn a_changed_idle_lock_reaches_a_running_session_when_it_comes_home() {
    let mut h = Harness::admin();
    h.login("ana", ADMIN_PIN).typed("h");
    // Another console's administrator shortens the idle lock.
    intake::auth::accounts::set_idle_lock(&mut h.app.store, intake::auth::Actor::CLI, 2).unwrap();
    assert_ne!(h.app.idle_timeout(), Some(std::time::Duration::from_secs(120)));
    h.key(KeyCode::Esc);
    assert_eq!(h.app.idle_timeout(), Some(std::time::Duration::from_secs(120)));
}
