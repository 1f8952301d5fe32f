//! The console driven key by key on a TestBackend at 80x24: state tests of whole flows, and
//! snapshots of the screens.

mod common;

use std::time::Duration;

use common::console::*;
use common::*;
use intake::auth::Actor;
use intake::auth::accounts;
use intake::domain::staff::Role;
use intake::i18n::{Lang, Msg};
use intake::store::users;
use intake::ui::Input;
use intake::ui::app::{Confirm, Overlay, Screen};
use intake::ui::event_loop::{self, Console, Next};
use intake::ui::screens;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

#[test]
fn first_run_creates_the_administrator_who_then_logs_in() {
    let mut h = Harness::first_run();
    insta::assert_snapshot!("first_run_empty", h.screen());
    h.typed("Ana García")
        .enter()
        .typed("ana")
        .enter()
        .typed("Enlace Comunitario")
        .enter()
        .typed("123456")
        .enter()
        .typed("123456")
        .enter();
    assert!(matches!(h.app.screen, Screen::FirstRun(_)));
    insta::assert_snapshot!("first_run_error", h.screen());
    // The refused PINs were wiped; the focus is back on the PIN.
    h.typed("508731").enter().typed("508731").enter();
    assert!(matches!(h.app.screen, Screen::Login(_)));
    assert_eq!(h.status(), Msg::AdminCreated.text(Lang::En));
    insta::assert_snapshot!("login_after_first_run", h.screen());
    h.typed("508731").enter();
    assert!(matches!(h.app.screen, Screen::Home(_)));
    insta::assert_snapshot!("home_admin", h.screen());
}

#[test]
fn login_screen_and_its_spanish_twin() {
    let mut h = Harness::admin();
    insta::assert_snapshot!("login_empty", h.screen());
    h.key(KeyCode::F(2));
    assert_eq!(h.app.lang, Lang::Es);
    insta::assert_snapshot!("login_spanish", h.screen());
}

#[test]
fn five_wrong_pins_show_the_lock_message() {
    let mut h = Harness::admin();
    h.typed("ana").enter();
    for i in 0..5 {
        h.typed("111112").enter();
        let want = if i < 4 { Msg::LoginFailed } else { Msg::LoginLocked };
        assert_eq!(h.status(), want.text(Lang::En), "attempt {}", i + 1);
    }
    // Even the right PIN is refused now.
    h.typed(ADMIN_PIN).enter();
    assert!(matches!(h.app.screen, Screen::Login(_)));
    assert!(h.screen().contains("locked for 10 minutes"));
}

#[test]
fn home_shows_only_what_the_role_may_use() {
    let mut h = Harness::admin();
    add_ben(&mut h, Role::Advocate);
    h.login("ben", "470193");
    let s = h.screen();
    assert!(s.contains("Ben Ortiz") && s.contains("Advocate") && s.contains("Enlace Comunitario"));
    assert!(!s.contains("Staff accounts") && !s.contains("Agencies"), "{s}");
    // The key does nothing either.
    h.typed("s");
    assert!(matches!(h.app.screen, Screen::Home(_)));
}

#[test]
fn staff_administration_by_keyboard() {
    let mut h = Harness::admin();
    add_ben(&mut h, Role::Advocate);
    h.login("ana", ADMIN_PIN).typed("s");
    insta::assert_snapshot!("staff_list", h.screen());

    // Add an account: the role is picked by typing its first letters.
    h.typed("a")
        .typed("cy")
        .key(KeyCode::Tab)
        .typed("Cy Luna")
        .key(KeyCode::Tab)
        .typed("sup")
        .key(KeyCode::Tab)
        .key(KeyCode::Tab)
        .typed("620418")
        .key(KeyCode::Tab)
        .typed("620418")
        .enter();
    assert_eq!(h.status(), Msg::UserAdded.text(Lang::En));
    let cy = accounts::find_user(&h.app.store, "cy").unwrap();
    assert_eq!((cy.role, cy.pin_temporary), (Role::Supervisor, true));

    // Disable ben (asks first), then enable him again.
    h.key(KeyCode::Down).typed("d");
    assert!(matches!(
        h.app.overlay,
        Some(Overlay::Confirm(Confirm::ToggleDisabled { disable: true, .. }))
    ));
    h.typed("n");
    assert!(!accounts::find_user(&h.app.store, "ben").unwrap().disabled);
    h.typed("d").typed("y");
    assert!(accounts::find_user(&h.app.store, "ben").unwrap().disabled);
    assert!(h.screen().contains("disabled"));
    h.typed("d").typed("y");
    assert!(!accounts::find_user(&h.app.store, "ben").unwrap().disabled);

    // Change ben's role.
    h.typed("e").typed("law");
    h.ctrl('s');
    assert_eq!(accounts::find_user(&h.app.store, "ben").unwrap().role, Role::LawEnforcement);

    // Reset his PIN: a weak one is refused on the field, a good one is temporary.
    h.typed("r").typed("111111").key(KeyCode::Tab).typed("111111").enter();
    assert!(h.screen().contains("one digit repeated"));
    // The error took the focus to the new PIN and wiped both.
    h.typed("904613").key(KeyCode::Tab).typed("904613").enter();
    assert_eq!(h.status(), Msg::PinReset.text(Lang::En));
    assert!(accounts::find_user(&h.app.store, "ben").unwrap().pin_temporary);
}

#[test]
fn staff_list_snapshot_pages_and_shows_locks() {
    let mut h = Harness::admin();
    add_ben(&mut h, Role::Intake);
    for _ in 0..5 {
        intake::auth::login::Login { store: &mut h.app.store, cost: CHEAP }
            .attempt("ben", "111112", jiff::Timestamp::now())
            .unwrap();
    }
    h.login("ana", ADMIN_PIN).typed("s");
    let Screen::Staff(s) = &h.app.screen else { panic!("staff list") };
    assert!(s.list.rows[1].locked);
    insta::assert_snapshot!("staff_list_locked", h.screen());
    h.key(KeyCode::Down).typed("u");
    assert_eq!(h.status(), Msg::UserUnlocked.text(Lang::En));
    let Screen::Staff(s) = &h.app.screen else { panic!("staff list") };
    assert!(!s.list.rows[1].locked);
}

#[test]
fn agencies_add_rename_and_kind() {
    let mut h = Harness::admin();
    h.login("ana", ADMIN_PIN).typed("a");
    h.typed("a").typed("Albuquerque Police Department").key(KeyCode::Tab).typed("law").ctrl('s');
    assert_eq!(h.status(), Msg::AgencyAdded.text(Lang::En));
    let list = users::agencies(h.app.store.conn(), 0, 10).unwrap();
    assert_eq!(list[0].name, "Albuquerque Police Department");
    assert_eq!(list[0].kind, intake::domain::staff::AgencyKind::LawEnforcement);
    // A duplicate name is refused on the field.
    h.typed("a").typed("enlace comunitario").ctrl('s');
    assert!(h.screen().contains("already exists"));
    h.key(KeyCode::Esc);
    assert!(matches!(h.app.overlay, Some(Overlay::Confirm(Confirm::Discard))));
    h.typed("y");
    // Cycle the kind of the first agency.
    h.typed("t");
    let list = users::agencies(h.app.store.conn(), 0, 10).unwrap();
    assert_eq!(list[0].kind, intake::domain::staff::AgencyKind::Government);
}

#[test]
fn quick_hide_from_a_text_field_blanks_everything_and_locks() {
    let mut h = Harness::admin();
    h.login("ana", ADMIN_PIN).typed("s").typed("a").typed("half-typ");
    h.key(KeyCode::F(12));
    assert!(matches!(h.app.screen, Screen::Hidden));
    assert!(h.app.purge, "the loop must clear screen and scrollback");
    let s = h.screen();
    insta::assert_snapshot!("quick_hide", s);
    assert!(s.chars().all(|c| c == ' ' || c == '\n' || c == '"'), "{s}");
    assert!(audit_events(&h.app.store).contains(&("hide".into(), "ok".into())));
    // Any key shows the lock screen for the same user; the PIN brings back the form as it was.
    h.typed("x");
    assert!(matches!(h.app.screen, Screen::Locked(_)));
    h.typed(ADMIN_PIN).enter();
    let form = h.app.form().expect("the add form is back");
    assert_eq!(form.text(0), "half-typ");
}

/// A lock never waits for the database: with another process holding the write lock (a long
/// import) the screen is covered at once, and what the lock owes (its audit row, the form's
/// draft) waits. Another user's login on the lock screen writes it first, as the user who
/// typed it.
#[test]
fn a_lock_covers_first_and_writes_what_it_owes_once_the_database_is_free() {
    let mut h = Harness::admin();
    add_ben(&mut h, Role::Advocate);
    h.login("ana", ADMIN_PIN).typed("c");
    h.focus_field("notes").typed("Caller at the bus station");
    let import = h.db.open();
    import.conn().execute_batch("BEGIN IMMEDIATE").unwrap();
    let started = std::time::Instant::now();
    // Typing goes on; its draft is kept later.
    h.typed(", blue backpack");
    h.app.lock("lock_idle");
    h.settle();
    // Before, the lock wrote first and waited up to 30 seconds for the lock.
    assert!(started.elapsed() < Duration::from_secs(3), "{:?}", started.elapsed());
    assert!(matches!(h.app.screen, Screen::Locked(_)));
    assert_eq!(h.app.owed.events().collect::<Vec<_>>(), ["lock_idle"]);
    let events = |h: &Harness| audit_events(&h.app.store).into_iter().map(|(e, _)| e);
    assert!(!events(&h).any(|e| e == "lock_idle"));
    import.conn().execute_batch("COMMIT").unwrap();
    // ben replaces ana's user name and logs in: what ana's lock owed is written first.
    h.key(KeyCode::BackTab).key(KeyCode::End);
    for _ in 0..3 {
        h.key(KeyCode::Backspace);
    }
    h.login("ben", "470193");
    assert!(h.app.owed.is_empty());
    assert!(events(&h).any(|e| e == "lock_idle"));
    let (who, payload): (String, String) = h
        .app
        .store
        .conn()
        .query_row(
            "SELECT u.username, d.payload FROM drafts d JOIN users u ON u.id = d.user_id",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!(who, "ana");
    assert!(payload.contains("bus station, blue backpack"), "{payload}");
}

#[test]
fn idle_lock_and_another_user_taking_over() {
    let mut h = Harness::admin();
    add_ben(&mut h, Role::Advocate);
    h.login("ana", ADMIN_PIN);
    assert_eq!(h.app.idle_timeout(), Some(Duration::from_secs(5 * 60)));
    let ana_session = h.app.session.current.as_ref().unwrap().session_id;
    h.app.lock("lock_idle");
    assert!(matches!(h.app.screen, Screen::Locked(_)));
    assert_eq!(h.app.idle_timeout(), None, "a locked console has nothing more to lock");
    let s = h.screen();
    assert!(s.contains("ana") && !s.contains("Ana García"), "{s}");
    // ben replaces ana's user name and logs in: ana's session ends.
    h.key(KeyCode::BackTab).key(KeyCode::End);
    for _ in 0..3 {
        h.key(KeyCode::Backspace);
    }
    h.login("ben", "470193");
    assert_eq!(h.app.session.current.as_ref().unwrap().user.username, "ben");
    let reason: String = h
        .app
        .store
        .conn()
        .query_row("SELECT end_reason FROM sessions WHERE id = ?1", [ana_session], |r| r.get(0))
        .unwrap();
    assert_eq!(reason, "switch_user");
}

#[test]
fn idle_time_is_an_admin_setting_in_the_database() {
    let mut h = Harness::admin();
    h.login("ana", ADMIN_PIN).typed("t");
    for _ in 0..2 {
        h.key(KeyCode::Backspace);
    }
    h.typed("45").ctrl('s');
    assert!(h.screen().contains("1 to 30 minutes"));
    h.key(KeyCode::Backspace).key(KeyCode::Backspace).typed("12").ctrl('s');
    assert_eq!(h.app.idle_timeout(), Some(Duration::from_secs(12 * 60)));
    assert_eq!(users::idle_lock_minutes(h.app.store.conn()).unwrap(), 12);
}

/// The retention policy is set on the same screen: each kind's time, a bad one named on its
/// field and nothing saved, a good one saved and audited, in both languages at 80x24.
#[test]
fn the_retention_policy_is_an_admin_setting_in_the_database() {
    use intake::store::retention;
    let mut h = Harness::admin();
    h.login("ana", ADMIN_PIN).typed("t");
    insta::assert_snapshot!("settings_with_retention_en", h.screen());
    h.app.set_language(Lang::Es);
    insta::assert_snapshot!("settings_with_retention_es", h.screen());
    h.app.set_language(Lang::En);
    h.focus_field("keep_tip");
    for _ in 0..2 {
        h.key(KeyCode::Backspace);
    }
    h.typed("forever").ctrl('s');
    let screen = h.screen();
    assert!(screen.contains("a number and y, m or d"), "{screen}");
    let policy = retention::policy(h.app.store.conn()).unwrap();
    assert!(policy.iter().all(|(_, _, default)| *default), "nothing saved: {policy:?}");
    for _ in 0.."forever".len() {
        h.key(KeyCode::Backspace);
    }
    h.typed("5y").ctrl('s');
    let policy = retention::policy(h.app.store.conn()).unwrap();
    let tip = policy.iter().find(|(k, ..)| *k == retention::Kind::Tip).unwrap();
    assert_eq!((tip.1.text(), tip.2), ("5y".to_string(), false));
    let contact = policy.iter().find(|(k, ..)| *k == retention::Kind::Contact).unwrap();
    assert!(contact.2, "an unchanged time stays the default");
    let events = audit_events(&h.app.store);
    assert_eq!(events.iter().filter(|(e, _)| e == "retention_set").count(), 1, "{events:?}");
}

#[test]
fn help_overlay_comes_from_the_keymap() {
    let mut h = Harness::admin();
    h.login("ana", ADMIN_PIN).key(KeyCode::F(1));
    let s = h.screen();
    // An administrator has every entry but the cases offered (caseworkers take those);
    // "resume a draft" only when there is one.
    for b in intake::ui::keymap::HOME {
        let label = b.label.text(Lang::En);
        use intake::ui::keymap::Action;
        let shown = !matches!(b.action, Action::ResumeDraft | Action::Offers);
        assert_eq!(s.contains(label), shown, "{label}");
    }
    insta::assert_snapshot!("help_home", s);
    h.typed("?");
    assert!(h.app.overlay.is_none());
}

#[test]
fn language_switch_is_kept_for_the_user() {
    let mut h = Harness::admin();
    h.login("ana", ADMIN_PIN).typed("g");
    assert_eq!(h.app.lang, Lang::Es);
    let s = h.screen();
    assert!(s.contains("Cuentas del personal") && s.contains("Cerrar sesión"), "{s}");
    h.typed("o");
    assert!(matches!(h.app.screen, Screen::Login(_)));
    h.login("ana", ADMIN_PIN);
    assert_eq!(h.app.lang, Lang::Es, "the preference lives in the database");
}

#[test]
fn quitting_with_unsaved_input_asks_first() {
    let mut h = Harness::admin();
    h.login("ana", ADMIN_PIN).typed("p").typed("12");
    h.ctrl('c');
    assert!(matches!(h.app.overlay, Some(Overlay::Confirm(Confirm::Quit))));
    h.key(KeyCode::Esc);
    assert!(!h.app.quit);
    h.ctrl('c').typed("y");
    assert!(h.app.quit);
    let ended: i64 = h
        .app
        .store
        .conn()
        .query_row("SELECT count(*) FROM sessions WHERE end_reason = 'quit'", [], |r| r.get(0))
        .unwrap();
    assert_eq!(ended, 1);
}

#[test]
fn pasted_text_never_submits_and_is_cleaned() {
    let mut h = Harness::admin();
    h.app.handle(Input::Paste("ana\r\n\u{202E}".into()));
    assert!(matches!(h.app.screen, Screen::Login(_)));
    // The line break became a space; the bidi override is gone.
    assert_eq!(h.app.form().unwrap().text(0), "ana  ");
}

#[test]
fn terminal_too_small_shows_a_notice() {
    let mut h = Harness::admin();
    let mut small = Terminal::new(TestBackend::new(60, 20)).unwrap();
    small.draw(|f| screens::draw(f, &h.app)).unwrap();
    let s = small.backend().to_string();
    assert!(s.contains("needs 80x22") && s.contains("60x20"), "{s}");
    assert!(h.screen().contains("Log in"));
    // 80x22 (screen or tmux with a status line in an 80x24 window) works; 80x21 does not.
    for (rows, works) in [(22, true), (23, true), (21, false)] {
        let mut term = Terminal::new(TestBackend::new(80, rows)).unwrap();
        term.draw(|f| screens::draw(f, &h.app)).unwrap();
        let s = term.backend().to_string();
        assert_eq!(s.contains("Log in"), works, "80x{rows}: {s}");
    }
}

/// A console that plays a script; counts frames.
struct Scripted {
    script: std::collections::VecDeque<Next>,
    frames: usize,
    waits: Vec<Option<Duration>>,
    asked_to_quit: bool,
}

impl Scripted {
    fn new(script: Vec<Next>) -> Scripted {
        Scripted { script: script.into(), frames: 0, waits: vec![], asked_to_quit: false }
    }
}

impl Console for Scripted {
    fn next(&mut self, timeout: Option<Duration>) -> std::io::Result<Next> {
        if timeout != Some(Duration::ZERO) {
            self.waits.push(timeout);
        }
        // When the script ends: Ctrl+C, then "y" should the console ask.
        Ok(match self.script.pop_front() {
            Some(n) => n,
            None if self.asked_to_quit => key_input('y'),
            None => {
                self.asked_to_quit = true;
                Next::Input(Input::Key(KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL)))
            }
        })
    }
    fn purge_scrollback(&mut self) -> std::io::Result<()> {
        Ok(())
    }
    fn end_frame(&mut self) -> std::io::Result<()> {
        self.frames += 1;
        Ok(())
    }
}

fn key_input(c: char) -> Next {
    Next::Input(Input::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)))
}

#[test]
fn the_loop_draws_only_after_a_change_and_waits_without_spinning() {
    let mut h = Harness::admin();
    let mut console = Scripted::new(vec![
        Next::Ignored,
        Next::Ignored,
        Next::Ignored,
        key_input('a'),
        key_input('n'),
        Next::Timeout,
        Next::Ignored,
    ]);
    event_loop::run(&mut h.term, &mut h.app, &mut console).unwrap();
    // One first frame; 'a' and 'n' arrived together and make one more. Nothing else drew.
    assert_eq!(console.frames, 2);
    // Before login nothing can idle-lock: every wait blocks with no timeout.
    assert!(console.waits.iter().all(|w| w.is_none()), "{:?}", console.waits);
    assert!(h.app.quit);
}

#[test]
fn the_loop_locks_an_idle_session() {
    let mut h = Harness::admin();
    h.login("ana", ADMIN_PIN);
    // A zero idle time: the loop's first wait times out at once.
    h.app.session.idle_minutes = 0;
    let mut console = Scripted::new(vec![Next::Timeout]);
    event_loop::run(&mut h.term, &mut h.app, &mut console).unwrap();
    assert!(audit_events(&h.app.store).contains(&("lock_idle".into(), "ok".into())));
    // Once locked, the loop blocks for the next key: no timer, no spinning.
    assert_eq!(console.waits.last(), Some(&None));
    assert!(h.app.quit);
}

/// An administrator in another console changes the idle-lock time: a session that sits on one
/// screen (never going home) wakes once a minute, reads it, and locks on the new time.
#[test]
fn a_changed_idle_time_reaches_a_session_that_never_goes_home() {
    let mut h = Harness::admin();
    h.login("ana", ADMIN_PIN).typed("c");
    assert_eq!(h.app.idle_timeout(), Some(Duration::from_secs(5 * 60)));
    let mut other = h.db.open();
    other.write(|tx| users::set_idle_lock_minutes(tx, 2)).unwrap();
    let mut console = Scripted::new(vec![Next::Timeout]);
    // The minute has passed (a test does not wait it out).
    h.app.opts.settings_every = Duration::ZERO;
    event_loop::run(&mut h.term, &mut h.app, &mut console).unwrap();
    assert_eq!(h.app.session.idle_minutes, 2, "read at the wake-up");
}

#[test]
fn a_call_is_logged_by_keyboard_alone() {
    let mut h = Harness::admin();
    h.login("ana", ADMIN_PIN).typed("c");
    insta::assert_snapshot!("contact_form_empty", h.screen());
    // The caller type: Enter opens the list, a letter jumps, Enter picks and moves on.
    h.focus_field("caller_type").enter().typed("p").enter();
    h.typed("505 555 0142");
    h.focus_field("area").enter().typed("dona").enter();
    h.focus_field("notes").typed("Asked about shelter").enter().typed("in Las Cruces");
    h.ctrl('s');
    assert_eq!(h.status(), "Contact #1 saved.");
    insta::assert_snapshot!("contact_list", h.screen());
    let ana = accounts::find_user(&h.app.store, "ana").unwrap();
    let saved = intake::store::contacts::get(
        h.app.store.conn(),
        ana.agency_id,
        intake::domain::ids::ContactId(1),
    )
    .unwrap()
    .unwrap();
    assert_eq!(saved.contact.area, "Doña Ana County");
    assert_eq!(saved.contact.notes, "Asked about shelter\nin Las Cruces");
    assert_eq!(saved.caller_last2.as_deref(), Some("42"));
    assert!(latest_draft(&h, ana.id).is_none());
}

#[test]
fn a_minor_with_indicators_cannot_be_saved_without_the_reporting_step() {
    let mut h = Harness::admin();
    h.login("ana", ADMIN_PIN).typed("c");
    h.focus_field("caller_type").enter().typed("f").enter();
    h.focus_field("trafficking_type").typed("s");
    h.focus_field("minor").typed("y");
    h.ctrl('s');
    assert!(matches!(h.app.screen, Screen::Records(_)));
    assert!(h.app.form().is_some(), "still on the form");
    insta::assert_snapshot!("contact_form_errors", h.screen());
    h.focus_field("not_reported_reason").typed("Caller disconnected before details");
    h.ctrl('s');
    assert_eq!(h.status(), "Contact #1 saved.");
}

#[test]
fn what_was_typed_survives_a_dropped_link() {
    let mut h = Harness::admin();
    h.login("ana", ADMIN_PIN).typed("c");
    h.focus_field("caller_type").enter().typed("c").enter();
    h.focus_field("notes").typed("She will call back after 6");
    let focus = h.app.form().unwrap().focus;
    let mut h = h.reconnect();
    h.login("ana", ADMIN_PIN);
    // Home, with the form one key away: a key typed for home acts on home.
    assert_eq!(h.status(), Msg::DraftWaiting.text(Lang::En));
    assert!(h.app.form().is_none());
    h.typed("h");
    assert!(h.screen().contains("Hotline log"));
    h.key(KeyCode::Esc).enter();
    // The session that typed it ended with the link: taking its form over is asked first.
    let asked = h.screen();
    assert!(asked.contains("ended with this") && asked.contains("here?"), "{asked}");
    h.typed("y");
    assert_eq!(h.status(), Msg::DraftRestored.text(Lang::En));
    let form = h.app.form().expect("the contact form is back");
    assert_eq!(form.focus, focus);
    let raw = form.raw();
    assert_eq!(raw["notes"], "She will call back after 6");
    assert_eq!(raw["caller_type"], "community");
    // Esc asks; discarding removes the draft for good.
    h.key(KeyCode::Esc);
    assert!(matches!(h.app.overlay, Some(Overlay::Confirm(Confirm::Discard))));
    h.typed("y");
    let ana = accounts::find_user(&h.app.store, "ana").unwrap();
    assert!(latest_draft(&h, ana.id).is_none());
}

#[test]
fn edits_from_the_list_keep_history() {
    let mut h = Harness::admin();
    h.login("ana", ADMIN_PIN).typed("c");
    h.focus_field("caller_type").enter().typed("a").enter();
    h.ctrl('s');
    h.enter();
    assert!(h.screen().contains("Edits so far: 0"));
    h.focus_field("channel").typed("t");
    h.ctrl('s');
    h.enter();
    assert!(h.screen().contains("Edits so far: 1"));
    let views = audit_events(&h.app.store).iter().filter(|e| e.0 == "contact_view").count();
    assert_eq!(views, 2, "every opening is audited");
}

#[test]
fn the_list_filters_by_channel() {
    let mut h = Harness::admin();
    h.login("ana", ADMIN_PIN).typed("c");
    h.focus_field("caller_type").enter().typed("a").enter();
    h.ctrl('s');
    h.typed("n").focus_field("channel").typed("e");
    h.focus_field("caller_type").enter().typed("a").enter();
    h.ctrl('s');
    let Screen::Records(r) = &h.app.screen else { panic!() };
    assert_eq!(r.list.rows.len(), 2);
    h.typed("f").focus_field("channel").typed("e");
    h.ctrl('s');
    let Screen::Records(r) = &h.app.screen else { panic!() };
    assert_eq!(r.list.rows.len(), 1);
    assert!(h.screen().contains("Filtered list"));
    h.typed("x");
    let Screen::Records(r) = &h.app.screen else { panic!() };
    assert_eq!(r.list.rows.len(), 2);
}

#[test]
fn law_enforcement_logs_and_works_tips() {
    let mut h = Harness::admin();
    accounts::add_user(
        &mut h.app.store,
        Actor::CLI,
        CHEAP,
        &account(
            "det",
            "Det. Ruiz",
            Role::LawEnforcement,
            "Albuquerque Police Department",
            "470193",
        ),
        jiff::Timestamp::now(),
    )
    .unwrap();
    h.login("det", "470193").typed("i");
    h.typed("n");
    insta::assert_snapshot!("tip_form", h.screen());
    h.focus_field("source").typed("n");
    h.focus_field("reference").typed("CT-2026-0042");
    h.focus_field("category").enter().typed("online").enter();
    h.typed("2");
    h.focus_field("status").typed("a");
    h.ctrl('s');
    assert!(h.screen().contains("say who works it"), "assigned needs an assignee");
    h.focus_field("assigned_to").typed("det");
    h.focus_field("referred_to").typed("enlace");
    h.ctrl('s');
    assert_eq!(h.status(), "Tip #1 saved.");
    insta::assert_snapshot!("tip_list", h.screen());
    // The agency it was referred to sees it; nobody else outside law enforcement does.
    let ana = accounts::find_user(&h.app.store, "ana").unwrap();
    let rows = intake::store::tips::list(
        h.app.store.conn(),
        intake::store::tips::Scope::of(&ana),
        &Default::default(),
        0,
        10,
    )
    .unwrap();
    assert_eq!(rows.len(), 1);
}

#[test]
fn a_language_chosen_at_login_becomes_the_preference() {
    let mut h = Harness::admin();
    h.key(KeyCode::F(2)).login("ana", ADMIN_PIN);
    assert_eq!(h.app.lang, Lang::Es);
    let ana = accounts::find_user(&h.app.store, "ana").unwrap();
    assert_eq!(ana.lang, Lang::Es);
    assert!(h.screen().contains("Registrar una llamada o contacto"));
}

#[test]
fn a_service_agency_refers_its_tips_to_itself_and_assigns_no_one() {
    let mut h = Harness::admin();
    h.login("ana", ADMIN_PIN).typed("i").typed("n");
    let raw = h.app.form().unwrap().raw();
    let ana = accounts::find_user(&h.app.store, "ana").unwrap();
    assert_eq!(raw["referred_to"], ana.agency_id.to_string());
    assert!(h.screen().contains("(none available)"));
}

#[test]
fn an_advocate_takes_in_a_client_and_keeps_the_case() {
    let mut h = Harness::admin();
    advocate(&mut h);
    h.typed("e").typed("n");
    insta::assert_snapshot!("client_intake_form", h.screen());
    h.typed("Rosa").focus_field("age").typed("34");
    h.focus_field("danger").typed("y");
    h.ctrl('s');
    assert_eq!(h.status(), "Client #1 saved.");
    // A service and a note, from the case record.
    h.typed("s").enter().typed("leg").enter();
    h.focus_field("minutes").typed("45");
    h.ctrl('s');
    h.typed("n").typed("Met at the clinic").enter().typed("Wants help with a T visa");
    h.ctrl('s');
    insta::assert_snapshot!("case_record", h.screen());
    // Every line of the timeline opens: the service (first: it counts as the end of its day).
    h.enter();
    let s = h.screen();
    assert!(s.contains("Criminal and civil justice assistance") && s.contains("45"), "{s}");
    h.key(KeyCode::Esc);
    assert!(h.screen().contains("Timeline"));
    // Back in the list, the safety flag shows; the search finds her by a folded name.
    h.key(KeyCode::Esc);
    insta::assert_snapshot!("client_list", h.screen());
    h.typed("/").typed("ROSA").ctrl('s');
    let Screen::Clients(c) = &h.app.screen else { panic!() };
    assert_eq!(c.list.rows.len(), 1);
}

#[test]
fn a_likely_duplicate_is_offered_before_saving() {
    let mut h = Harness::admin();
    advocate(&mut h);
    h.typed("e").typed("n").typed("María José").focus_field("birth_date").typed("2009-04-02");
    h.ctrl('s');
    h.key(KeyCode::Esc);
    h.typed("n").typed("maria jose").focus_field("birth_date").typed("2009-04-02");
    h.ctrl('s');
    insta::assert_snapshot!("client_duplicates", h.screen());
    // Link the two rather than merge them.
    h.typed("l");
    assert_eq!(h.status(), "Client #2 saved.");
    assert!(h.screen().contains("Linked: #1"));
}

#[test]
fn a_case_is_closed_with_a_reason_and_reopened() {
    let mut h = Harness::admin();
    advocate(&mut h);
    h.typed("e").typed("n").typed("AB").focus_field("age").typed("40");
    h.ctrl('s');
    h.typed("t").typed("c");
    h.ctrl('s');
    assert!(h.status().contains("Choose why the case closed"), "{}", h.status());
    h.focus_field("closure_reason").enter().typed("moved").enter();
    h.focus_field("living_situation").enter().typed("with").enter();
    h.focus_field("reason").typed("Moved to Texas");
    h.ctrl('s');
    h.typed("t").typed("o").ctrl('s');
    h.typed("e")
        .focus_field("age")
        .key(KeyCode::End)
        .key(KeyCode::Backspace)
        .key(KeyCode::Backspace)
        .typed("16");
    h.ctrl('s');
    assert!(h.screen().contains("16 (a minor at intake)"));
    let s = h.screen();
    assert!(s.contains("Closed: Moved out of the service a") && s.contains("Status: Open"), "{s}");
}

#[test]
fn a_step_of_immigration_relief_is_recorded_on_the_case() {
    let mut h = Harness::admin();
    advocate(&mut h);
    h.typed("e").typed("n").typed("AB").focus_field("age").typed("40");
    h.ctrl('s');
    h.typed("m");
    assert!(h.screen().contains("Immigration relief"), "{}", h.screen());
    h.ctrl('s');
    assert!(h.status().contains("Step"), "the step is asked: {}", h.status());
    h.focus_field("kind").enter().typed("t visa a").enter();
    h.ctrl('s');
    assert_eq!(h.status(), "Immigration relief step recorded.");
    assert!(h.screen().contains("Relief    T visa applied for"), "{}", h.screen());
}

#[test]
fn a_contact_becomes_a_client_with_its_answers() {
    let mut h = Harness::admin();
    advocate(&mut h);
    h.typed("c");
    h.focus_field("caller_type").enter().typed("p").enter();
    h.focus_field("language").typed("sp");
    h.focus_field("trafficking_type").typed("l");
    h.ctrl('s');
    h.enter();
    h.ctrl('n');
    let raw = h.app.form().unwrap().raw();
    assert_eq!(
        (
            raw["language"].as_str(),
            raw["trafficking_type"].as_str(),
            raw["referral_source"].as_str()
        ),
        ("spanish", "labour", "hotline")
    );
    h.typed("LV").focus_field("age_range").typed("2");
    h.ctrl('s');
    assert!(h.screen().contains("Contact"), "the contact is on the new client's timeline");
}

#[test]
fn a_client_intake_survives_a_dropped_link() {
    let mut h = Harness::admin();
    advocate(&mut h);
    h.typed("e").typed("n").typed("Ana Q").focus_field("age").typed("27");
    let mut h = h.reconnect();
    h.login("bea", "470193").typed("r").typed("y");
    assert_eq!(h.status(), Msg::DraftRestored.text(Lang::En));
    let raw = h.app.form().expect("the intake is back").raw();
    assert_eq!((raw["chosen_name"].as_str(), raw["age"].as_str()), ("Ana Q", "27"));
    h.ctrl('s');
    assert_eq!(h.status(), "Client #1 saved.");
    let bea = accounts::find_user(&h.app.store, "bea").unwrap();
    assert!(latest_draft(&h, bea.id).is_none());
}

#[test]
fn a_screening_asks_one_item_at_a_time_and_never_shows_a_score() {
    let mut h = Harness::admin();
    with_young_client(&mut h);
    h.typed("c");
    insta::assert_snapshot!("screening_consent", h.screen());
    // Without the limits of confidentiality explained, nothing starts.
    h.enter().typed("y").enter();
    h.focus_field("explained").typed("n");
    h.ctrl('s');
    assert!(h.screen().contains("Explain the limits of confidentiality"));
    h.focus_field("explained").typed("y");
    h.ctrl('s');
    insta::assert_snapshot!("screening_item", h.screen());
    h.typed("h");
    assert!(h.screen().contains("Anything of value counts"), "help is one key away");
    h.typed("n").typed("r");
    h.typed("l");
    insta::assert_snapshot!("screening_list", h.screen());
    // The list opens on the question in front (the third); one up is the second.
    h.key(KeyCode::Up).enter();
    let s = h.screen();
    assert!(s.contains("question 2 of 4") && !s.contains("indicators"), "{s}");
    // A note and its source on an answered item.
    h.typed("m");
    h.focus_field("source").typed("o");
    h.focus_field("note").typed("Looked away, did not want to say");
    h.ctrl('s');
    h.key(KeyCode::Right).typed("n").typed("n");
    insta::assert_snapshot!("screening_result_incomplete", h.screen());
    h.typed("c");
    assert_eq!(h.status(), "Screening closed and saved.");
    assert!(h.screen().contains("incomplete: Youth quick screen"));
}

#[test]
fn results_for_each_level_and_the_reporting_step_for_a_minor() {
    let mut h = Harness::admin();
    with_young_client(&mut h);
    consent(&mut h, "y");
    for k in "nnnn".chars() {
        h.typed(&k.to_string());
    }
    insta::assert_snapshot!("screening_result_none", h.screen());
    h.typed("c");
    consent(&mut h, "y");
    for k in "nynn".chars() {
        h.typed(&k.to_string());
    }
    insta::assert_snapshot!("screening_result_indicators", h.screen());
    h.typed("c");
    assert!(h.screen().contains("Reporting step"), "a minor's positive result needs the report");
    h.focus_field("not_reported_reason").typed("Already reported by the school counsellor");
    h.ctrl('s');
    assert_eq!(h.status(), "Screening closed and saved.");
    let s = h.screen();
    assert!(s.contains("indicators present: Youth") && s.contains("no indicators: Youth"), "{s}");
}

#[test]
fn earlier_answers_are_offered_for_confirmation() {
    let mut h = Harness::admin();
    with_young_client(&mut h);
    consent(&mut h, "y");
    for k in "nnyn".chars() {
        h.typed(&k.to_string());
    }
    h.typed("c").focus_field("not_reported_reason").typed("Reported earlier today");
    h.ctrl('s');
    // The adult screen shares the item "threats".
    h.typed("c");
    h.enter().typed("adult").enter();
    h.typed("y").ctrl('s');
    for _ in 0..5 {
        h.key(KeyCode::Right);
    }
    let s = h.screen();
    assert!(s.contains("An earlier screening recorded: Yes"), "{s}");
    h.enter();
    let Screen::Screening(sc) = &h.app.screen else { panic!("still screening") };
    assert_eq!(sc.answers.get("threats"), Some(&intake::domain::screening::Answer::Yes));
}

#[test]
fn a_closed_screening_reads_back_and_a_contact_can_be_screened() {
    let mut h = Harness::admin();
    with_young_client(&mut h);
    consent(&mut h, "y");
    for k in "nnnn".chars() {
        h.typed(&k.to_string());
    }
    h.typed("c");
    assert!(h.screen().contains("no indicators: Youth quick"));
    let Screen::Clients(c) = &h.app.screen else { panic!("case record") };
    let line = &c.record.as_ref().unwrap().timeline.rows[0].cells[2];
    assert_eq!(line, "no indicators: Youth quick screen (4 questions) v2");
    // The newest line first: the screening. It opens read only, with every answer.
    h.enter();
    let s = h.screen();
    assert!(s.contains("Screening result") && s.contains("No indicators came up"), "{s}");
    assert!(s.matches(" No ").count() >= 4, "{s}");
    h.typed("y");
    let Screen::Screening(sc) = &h.app.screen else { panic!() };
    assert!(sc.answers.values().all(|a| *a == intake::domain::screening::Answer::No), "read only");
    h.key(KeyCode::Esc);
    // A hotline contact's person, not a client, screened from the contact.
    h.key(KeyCode::Esc).key(KeyCode::Esc).typed("c");
    h.focus_field("caller_type").enter().typed("p").enter();
    h.ctrl('s');
    h.enter();
    h.ctrl('g');
    assert!(h.screen().contains("Before screening"));
    h.enter().typed("adult").enter();
    h.typed("y").ctrl('s');
    h.typed("y");
    let Screen::Screening(sc) = &h.app.screen else { panic!() };
    assert_eq!((sc.client_id, sc.contact_id.is_some()), (None, true));
    let stored: Option<i64> = h
        .app
        .store
        .conn()
        .query_row("SELECT contact_id FROM screenings WHERE client_id IS NULL", [], |r| r.get(0))
        .unwrap();
    assert_eq!(stored, Some(1));
}

#[test]
fn not_applicable_only_where_the_scale_allows_it() {
    let mut h = Harness::admin();
    with_young_client(&mut h);
    consent(&mut h, "labour");
    h.typed("a");
    assert_eq!(h.status(), "This question does not take 'not applicable'.");
    for k in "nnnn".chars() {
        h.typed(&k.to_string());
    }
    // The fifth item asks about papers held by someone else: a person who never had any can
    // answer "not applicable".
    assert!(h.screen().contains("a Not applicable"));
    h.typed("a");
    let Screen::Screening(sc) = &h.app.screen else { panic!() };
    assert_eq!(
        sc.answers.get("papers_held"),
        Some(&intake::domain::screening::Answer::NotApplicable)
    );
}

#[test]
fn a_burst_of_typing_is_kept_as_a_draft_once_it_is_taken() {
    let mut h = Harness::admin();
    h.login("ana", ADMIN_PIN).typed("c");
    h.focus_field("notes");
    let burst: Vec<Next> = "Caller at the bus station".chars().map(key_input).collect();
    let mut console = Scripted::new(burst);
    // The scripted console then quits (Ctrl+C, and "y" to leave the unsaved form).
    event_loop::run(&mut h.term, &mut h.app, &mut console).unwrap();
    let ana = accounts::find_user(&h.app.store, "ana").unwrap();
    let draft = latest_draft(&h, ana.id).expect("kept");
    assert!(draft.payload.contains("Caller at the bus station"), "{}", draft.payload);
}

#[test]
fn a_tool_for_other_ages_is_flagged_on_the_consent_step() {
    let mut h = Harness::admin();
    with_young_client(&mut h);
    h.typed("c");
    h.enter().typed("adult").enter();
    assert!(h.screen().contains("This tool is meant for ages 18 to 120; this person is 16"));
    h.focus_field("tool").enter().typed("youth").enter();
    assert!(!h.screen().contains("This tool is meant for ages"));
}

fn seeded_directory(h: &mut Harness) {
    h.app
        .store
        .write(|tx| intake::store::directory::seed_if_empty(tx, jiff::Timestamp::now()))
        .unwrap();
}

#[test]
fn the_directory_searches_a_moment_after_the_last_key() {
    let mut h = Harness::admin();
    seeded_directory(&mut h);
    h.login("ana", ADMIN_PIN).typed("d");
    let Screen::Directory(d) = &h.app.screen else { panic!("directory") };
    let everything = d.hits.len();
    assert!(everything >= 14);
    h.typed("nationl");
    h.key(KeyCode::Backspace).typed("al hotl");
    // Typing schedules one search; none has run yet.
    let now = std::time::Instant::now();
    assert!(h.app.search_due_in(now).is_some());
    let Screen::Directory(d) = &h.app.screen else { panic!() };
    assert_eq!(d.hits.len(), everything);
    h.app.on_timer(now + intake::ui::screens::directory::DEBOUNCE * 2);
    assert_eq!(h.app.search_due_in(now), None);
    let Screen::Directory(d) = &h.app.screen else { panic!() };
    assert_eq!(d.hits[0].name, "National Human Trafficking Hotline");
    insta::assert_snapshot!("directory_search", h.screen());
    // The detail, and the phone to the clipboard.
    h.enter();
    insta::assert_snapshot!("directory_detail", h.screen());
    h.typed("c");
    assert_eq!(h.app.clipboard.as_deref(), Some("1-888-373-7888"));
    assert!(h.status().contains("Sent 1-888-373-7888 to your terminal's clipboard"));
    // F1 says which terminals take it.
    h.key(KeyCode::F(1));
    assert!(h.screen().contains("PuTTY and the Linux console"), "{}", h.screen());
}

#[test]
fn directory_filters_and_a_shelter_that_keeps_its_address() {
    let mut h = Harness::admin();
    seeded_directory(&mut h);
    h.login("ana", ADMIN_PIN).typed("d");
    h.ctrl('f');
    insta::assert_snapshot!("directory_filters", h.screen());
    h.focus_field("category").enter().typed("shelter").enter();
    h.focus_field("population").typed("y");
    h.ctrl('s');
    let Screen::Directory(d) = &h.app.screen else { panic!() };
    let names: Vec<&str> = d.hits.iter().map(|x| x.name.as_str()).collect();
    assert_eq!(names, vec!["Trafficking shelter for youth", "Youth drop-in and case management"]);
    h.enter();
    let s = h.screen();
    assert!(s.contains("Albuquerque") && !s.to_lowercase().contains("street"), "{s}");
    h.key(KeyCode::Esc).ctrl('x');
    let Screen::Directory(d) = &h.app.screen else { panic!() };
    assert!(d.hits.len() > 2, "clearing the filters shows everything again");
}

#[test]
fn the_loop_wakes_for_a_due_search_and_hands_copies_to_the_terminal() {
    let mut h = Harness::admin();
    seeded_directory(&mut h);
    h.login("ana", ADMIN_PIN).typed("d").typed("cyber");
    let mut console = Scripted::new(vec![Next::Timeout]);
    event_loop::run(&mut h.term, &mut h.app, &mut console).unwrap();
    // The wait before the timeout was bounded by the search's pause, not forever.
    assert!(console.waits[0].is_some_and(|w| w <= intake::ui::screens::directory::DEBOUNCE));
}

#[test]
fn a_client_is_referred_from_the_case_record_and_followed_up() {
    let mut h = Harness::admin();
    rosa_and_a_legal_service(&mut h);
    h.typed("f");
    assert!(h.screen().contains("Referring Client #1"));
    h.typed("visa");
    h.run_search();
    h.enter();
    assert!(h.screen().contains("r Refer to this service"));
    h.typed("r");
    insta::assert_snapshot!("referral_form", h.screen());
    // Sharing the name without consent is refused on the field, and nothing is saved.
    h.focus_field("reason").typed("Needs a T visa consultation");
    h.focus_field("share").enter().typed(" ").enter();
    h.ctrl('s');
    assert!(h.status().contains("May be shared"), "{}", h.status());
    let count = |h: &Harness| -> i64 {
        h.app.store.conn().query_row("SELECT count(*) FROM referrals", [], |r| r.get(0)).unwrap()
    };
    assert_eq!(count(&h), 0);
    // With a new spoken release, its witness named, until a last day it goes, and the case
    // record shows it.
    h.focus_field("release").enter().typed("new").enter();
    h.ctrl('s');
    assert!(h.status().contains("Witness"), "{}", h.status());
    assert_eq!(count(&h), 0);
    h.focus_field("witness").typed("Bea Ortiz");
    h.focus_field("consent_until").typed("2027-02-28");
    h.ctrl('s');
    assert_eq!(count(&h), 1);
    assert!(matches!(h.app.screen, Screen::Clients(_)));
    assert!(h.status().contains("Referral saved"), "{}", h.status());
    let s = h.screen();
    assert!(s.contains("Referral") && s.contains("T visa legal help"), "{s}");
    // The follow-up falls due a week later: on home, and in its list.
    h.app.opts.clock = || "2026-12-06T17:00:00Z".parse().unwrap();
    h.key(KeyCode::Esc).key(KeyCode::Esc);
    let home = h.screen();
    assert!(home.contains("1 due") && home.contains("Client #1"), "{home}");
    insta::assert_snapshot!("home_follow_up", home);
    h.typed("u");
    insta::assert_snapshot!("follow_up_list", h.screen());
    h.enter();
    let view = h.screen();
    assert!(view.contains("Name") && view.contains("Until 2027-02-28"), "{view}");
    insta::assert_snapshot!("referral_view", view);
    // Declined needs its reason; then it leaves the list.
    h.typed("t").focus_field("status").enter().typed("d").enter();
    h.ctrl('s');
    assert!(h.status().contains("Reason"), "{}", h.status());
    h.focus_field("reason").typed("No openings until spring");
    h.ctrl('s');
    assert_eq!(h.status(), Msg::ReferralStatusSaved.text(Lang::En));
    assert!(h.screen().contains("No openings until spring"));
    h.key(KeyCode::Esc);
    let Screen::Referrals(r) = &h.app.screen else { panic!("follow-up list") };
    assert!(r.list.as_ref().unwrap().rows.is_empty());
}

#[test]
fn a_referral_form_survives_a_dropped_link() {
    let mut h = Harness::admin();
    rosa_and_a_legal_service(&mut h);
    h.typed("f").typed("visa");
    h.run_search();
    h.enter().typed("r");
    h.focus_field("reason").typed("Legal consult");
    h.app.keep_drafts_within(Some(intake::ui::app::QUICK));
    let mut h = h.reconnect();
    h.login("bea", "470193").enter().typed("y");
    assert_eq!(h.status(), Msg::DraftRestored.text(Lang::En));
    assert_eq!(h.app.form().unwrap().raw()["reason"], "Legal consult");
    h.ctrl('s');
    assert!(h.status().contains("carries nothing that identifies"), "{}", h.status());
}

#[test]
fn supervisors_add_edit_verify_and_retire_services_others_cannot() {
    let mut h = Harness::admin();
    h.login("ana", ADMIN_PIN).typed("d").ctrl('n');
    insta::assert_snapshot!("service_form", h.screen());
    h.focus_field("new_organization").typed("Casa Esperanza");
    h.focus_field("name").typed("Night shelter");
    h.focus_field("categories").enter().typed("sh").typed(" ").enter();
    h.focus_field("schedule").typed("Mo-Fr 25:00-07:00");
    h.ctrl('s');
    assert!(h.status().contains("Opening hours"), "{}", h.status());
    h.focus_field("schedule");
    for _ in 0.."Mo-Fr 25:00-07:00".len() {
        h.key(KeyCode::Backspace);
    }
    h.typed("Mo-Fr 19:00-07:00");
    h.focus_field("city").typed("Las Cruces");
    h.focus_field("address").typed("12 Hidden Lane");
    h.ctrl('s');
    assert_eq!(h.status(), Msg::ServiceSavedDir.text(Lang::En));
    let s = h.screen();
    assert!(s.contains("Night shelter") && s.contains("Las Cruces"), "{s}");
    assert!(!s.contains("Hidden Lane"), "a shelter's street address stays hidden");
    assert!(s.contains("Mo-Fr 19:00-07:00"), "{s}");
    // Edit: the name changes, search follows.
    h.typed("e").focus_field("name");
    h.typed(" (women)");
    h.ctrl('s');
    assert!(h.screen().contains("Night shelter (women)"));
    h.typed("v");
    assert_eq!(h.status(), Msg::ServiceVerified.text(Lang::En));
    h.typed("x");
    assert!(matches!(h.app.overlay, Some(Overlay::Confirm(Confirm::Retire))));
    h.typed("y");
    assert_eq!(h.status(), Msg::ServiceRetired.text(Lang::En));
    let Screen::Directory(d) = &h.app.screen else { panic!() };
    assert!(d.hits.iter().all(|x| !x.name.starts_with("Night shelter")));
    let events = audit_events(&h.app.store);
    for e in ["directory_add", "directory_edit", "directory_verify", "directory_retire"] {
        assert!(events.iter().any(|(x, _)| x == e), "{e}");
    }
    // An intake worker has none of it.
    h.key(KeyCode::Esc).typed("o");
    add_ben(&mut h, Role::Intake);
    h.login("ben", "470193").typed("d").ctrl('n');
    let Screen::Directory(d) = &h.app.screen else { panic!() };
    assert!(matches!(d.mode, intake::ui::screens::directory::DMode::Search));
    assert!(!h.screen().contains("New service"));
}

#[test]
fn a_hotline_contact_is_referred_without_identifying_anything() {
    let mut h = Harness::admin();
    let service = rosa_and_a_legal_service(&mut h);
    h.key(KeyCode::Esc).key(KeyCode::Esc);
    h.typed("c");
    h.focus_field("caller_type").enter().typed("p").enter();
    h.focus_field("language").typed("sp");
    // A new, unsaved contact cannot be referred yet.
    h.ctrl('r');
    assert!(matches!(h.app.screen, Screen::Records(_)));
    h.ctrl('s');
    h.enter();
    h.ctrl('r');
    assert!(h.screen().contains("Referring Hotline contact #1"), "{}", h.screen());
    h.typed("visa");
    h.run_search();
    h.enter().typed("r").focus_field("reason").typed("Caller asked about visas");
    h.ctrl('s');
    assert!(h.status().contains("carries nothing that identifies"), "{}", h.status());
    assert!(matches!(h.app.screen, Screen::Records(_)), "back on the contact");
    let (contact, to): (i64, i64) = h
        .app
        .store
        .conn()
        .query_row("SELECT contact_id, service_id FROM referrals", [], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })
        .unwrap();
    assert_eq!((contact, to), (1, service.0));
}

#[test]
fn the_referral_screens_speak_spanish() {
    let mut h = Harness::admin();
    rosa_and_a_legal_service(&mut h);
    h.key(KeyCode::Esc).key(KeyCode::Esc).typed("g").typed("e").enter();
    h.typed("f").typed("visa");
    h.run_search();
    h.enter().typed("r");
    let s = h.screen();
    assert!(s.contains("Remitir a un servicio") && s.contains("Motivo (sin nombres)"), "{s}");
    assert!(s.contains("Ninguna: nada que identifique"), "{s}");
}

#[test]
fn an_advocate_asks_for_a_payment_and_a_supervisor_approves_or_voids_it() {
    let mut h = Harness::admin();
    funds_and_figures(&mut h);
    h.login("bea", "470193");
    assert!(!h.screen().contains("Funds and payments"), "advocates have no funds screen");
    h.typed("e").enter().typed("p");
    assert!(h.screen().contains("Request a payment"));
    h.focus_field("fund").enter().enter();
    h.focus_field("category").enter().typed("rent").enter();
    h.focus_field("amount").typed("99999");
    h.focus_field("payee").typed("Landlord");
    h.ctrl('s');
    assert!(h.status().contains("more than the fund has left"), "{}", h.status());
    h.focus_field("amount");
    for _ in 0..5 {
        h.key(KeyCode::Backspace);
    }
    h.typed("650.00");
    h.ctrl('s');
    assert_eq!(h.status(), Msg::PaymentRequested.text(Lang::En));
    assert!(h.screen().contains("Rent $650.00: To approve"), "{}", h.screen());
    h.key(KeyCode::Esc).key(KeyCode::Esc).typed("o");
    h.login("sara", "470193").typed("f");
    insta::assert_snapshot!("fund_list", h.screen());
    h.enter();
    insta::assert_snapshot!("fund_view", h.screen());
    // The payment shows in full first; Enter approves it.
    h.typed("a");
    let s = h.screen();
    assert!(
        s.contains("Landlord") && s.contains("$650.00") && s.contains("Asked by          bea"),
        "{s}"
    );
    insta::assert_snapshot!("payment_approve", s);
    h.enter();
    assert_eq!(h.status(), Msg::PaymentApproved.text(Lang::En));
    assert!(h.screen().contains("$830.00"), "paid now holds both");
    h.typed("v");
    insta::assert_snapshot!("payment_void_form", h.screen());
    h.enter();
    assert!(h.status().contains("Why it is void"), "a void needs its reason: {}", h.status());
    h.typed("Paid twice by mistake").enter();
    assert_eq!(h.status(), Msg::PaymentVoided.text(Lang::En));
    assert!(h.screen().contains("$180.00") && h.screen().contains("Void"));
}

#[test]
fn each_report_on_screen_with_its_chart_and_records_behind_a_figure() {
    let mut h = Harness::admin();
    funds_and_figures(&mut h);
    h.login("sara", "470193").typed("n");
    let s = h.screen();
    assert!(s.contains("State FY 2027") && s.contains("2026-07-01 to 2027-06-30"), "{s}");
    insta::assert_snapshot!("report_hotline", s);
    for name in ["clients", "services", "screenings", "referrals", "tips", "funds"] {
        h.key(KeyCode::Tab);
        insta::assert_snapshot!(format!("report_{name}"), h.screen());
    }
    // Back to the hotline (the VOCA report comes after the funds, for a federal year); the
    // shared view hides small counts and opens no records.
    for _ in 0..6 {
        h.key(KeyCode::BackTab);
    }
    h.typed("s");
    assert!(h.screen().contains("<11"));
    h.enter();
    assert!(h.status().contains("counts only"));
    h.typed("s");
    // The first figure (contacts) opens to the five contacts, and one of them opens.
    h.enter();
    let s = h.screen();
    assert!(s.contains("Records behind: Contacts") && s.matches("Contact #").count() == 5, "{s}");
    h.enter();
    assert!(matches!(h.app.screen, Screen::Records(_)));
    // A quarter of the federal year instead.
    h.key(KeyCode::Esc).key(KeyCode::Esc).typed("n").typed("p");
    h.focus_field("kind").enter().typed("fed").enter();
    h.focus_field("quarter").enter().typed("q").enter();
    h.ctrl('s');
    let s = h.screen();
    assert!(s.contains("Federal FY 2027 Q1") && s.contains("2026-10-01 to 2026-12-31"), "{s}");
    // The shared view: the months under 11 are pale bars at the height of 11, and the running
    // total (whose steps would tell them) is left out.
    h.typed("s");
    let s = h.screen();
    assert!(s.contains("Pale bars: under 11") && !s.contains("Running total"), "{s}");
    h.typed("s");
    assert!(h.screen().contains("Running total"));
    // The trafficking grant measures, last in the cycle, then the VOCA PMT report, for this
    // federal quarter.
    h.key(KeyCode::BackTab);
    let s = h.screen();
    assert!(s.contains("[Trafficking grant measures]"), "{s}");
    insta::assert_snapshot!("report_trafficking", s);
    // Its shared view's mark is never cut off by the long name and period.
    h.typed("s");
    assert!(h.screen().contains("[shared: under 11 hidden]"), "{}", h.screen());
    h.typed("s");
    h.key(KeyCode::BackTab);
    let s = h.screen();
    assert!(s.contains("[VOCA PMT]") && s.contains("2026-10-01 to 2026-12-31"), "{s}");
    insta::assert_snapshot!("report_voca", s);
    // Further down: the new individuals' age and the services by family.
    for _ in 0..72 {
        h.key(KeyCode::Down);
    }
    let s = h.screen();
    assert!(s.contains("Individuals who received these services"), "{s}");
    insta::assert_snapshot!("report_voca_services", s);
    h.app.set_language(Lang::Es);
    h.key(KeyCode::BackTab).key(KeyCode::Tab);
    insta::assert_snapshot!("report_voca_es", h.screen());
    h.key(KeyCode::Tab);
    let s = h.screen();
    assert!(s.contains("[Medidas OVC de trata]"), "{s}");
    insta::assert_snapshot!("report_trafficking_es", s);
    h.key(KeyCode::BackTab);
    // From a state year, the VOCA report shows the federal year under way.
    h.app.set_language(Lang::En);
    h.key(KeyCode::Esc).typed("n").key(KeyCode::BackTab).key(KeyCode::BackTab);
    let s = h.screen();
    assert!(s.contains("Federal FY 2027") && s.contains("2026-10-01 to 2027-09-30"), "{s}");
    // The reports on either side keep the state year chosen.
    h.key(KeyCode::Tab);
    let s = h.screen();
    assert!(s.contains("[Trafficking grant measures]") && s.contains("State FY 2027"), "{s}");
}

#[test]
fn reports_and_funds_are_for_supervisors() {
    let mut h = Harness::admin();
    funds_and_figures(&mut h);
    h.login("bea", "470193").typed("n");
    assert!(matches!(h.app.screen, Screen::Home(_)));
    assert!(h.status().contains("supervisors"), "{}", h.status());
    h.typed("f");
    assert!(matches!(h.app.screen, Screen::Home(_)));
}

#[test]
fn a_supervisor_adds_a_fund_on_screen() {
    let mut h = Harness::admin();
    funds_and_figures(&mut h);
    h.login("sara", "470193").typed("f").typed("a");
    let raw = h.app.form().unwrap().raw();
    assert_eq!(
        (raw["period_from"].as_str(), raw["period_to"].as_str()),
        ("2026-07-01", "2027-06-30")
    );
    h.focus_field("name").typed("VOCA FFY27");
    h.focus_field("source").enter().typed("v").enter();
    h.focus_field("categories").typed(" ").typed("re").typed(" ").enter();
    h.focus_field("amount").typed("0");
    h.ctrl('s');
    assert!(h.status().contains("more than zero"), "{}", h.status());
    h.focus_field("amount").key(KeyCode::Backspace).typed("40,000");
    h.ctrl('s');
    assert_eq!(h.status(), Msg::FundSaved.text(Lang::En));
    let s = h.screen();
    assert!(s.contains("VOCA FFY27") && s.contains("$40,000.00") && s.contains("VOCA"), "{s}");
    h.key(KeyCode::Esc);
    assert!(h.screen().contains("State victim fund"), "both funds listed");
}

#[test]
fn a_database_that_cannot_be_read_is_never_taken_for_a_new_one() {
    let mut h = Harness::admin();
    assert!(matches!(h.app.screen, Screen::Login(_)));
    // The accounts cannot be counted any more (here: their table is gone).
    h.app.store.conn().execute_batch("ALTER TABLE users RENAME TO users_elsewhere").unwrap();
    h.key(KeyCode::F(12));
    h.typed("x");
    assert!(matches!(h.app.screen, Screen::Login(_)), "not the first-run form");
    assert!(h.app.status.as_ref().is_some_and(|s| s.error), "the error is said");
}

#[test]
fn the_help_on_home_lists_only_what_the_role_can_open() {
    let mut h = Harness::admin();
    advocate(&mut h);
    h.key(KeyCode::F(1));
    let s = h.screen();
    assert!(s.contains("Log a call or contact") && s.contains("Find a service"), "{s}");
    for hidden in ["Staff accounts", "Agencies", "Funds and payments", "Reports for funders"] {
        assert!(!s.contains(hidden), "{hidden} shown to an advocate:\n{s}");
    }
}

#[test]
fn the_confirm_question_shows_the_keys_of_its_table_in_both_languages() {
    let mut h = Harness::admin();
    h.login("ana", ADMIN_PIN).typed("c");
    h.focus_field("notes").typed("x");
    h.key(KeyCode::Esc);
    let s = h.screen();
    assert!(s.contains("y/s/Enter Yes   n/Esc No"), "{s}");
    h.key(KeyCode::Esc);
    h.app.set_language(Lang::Es);
    h.key(KeyCode::Esc);
    insta::assert_snapshot!("confirm_discard_es", h.screen());
    // s is "sí": it confirms.
    h.typed("s");
    assert!(h.app.overlay.is_none() && h.app.form().is_none(), "discarded");
}

#[test]
fn training_and_outreach_events_are_logged_changed_and_removed() {
    let mut h = Harness::admin();
    advocate(&mut h);
    assert!(h.screen().contains("v  Training and outreach"), "{}", h.screen());
    h.typed("v").typed("n");
    assert!(h.screen().contains("Log a training or outreach event"), "{}", h.screen());
    // Nothing is saved without the kind, the audience and how many were reached.
    h.ctrl('s');
    assert!(h.status().contains("need attention: 3"), "{}", h.status());
    h.focus_field("kind").enter().typed("tr").enter();
    h.focus_field("audience").enter().typed("health").enter();
    h.focus_field("reached").typed("35");
    h.focus_field("topic").typed("Signs of labor trafficking in clinics");
    insta::assert_snapshot!("outreach_form", h.screen());
    h.ctrl('s');
    assert_eq!(h.status(), "Event logged.");
    let s = h.screen();
    assert!(s.contains("2026-11-28") && s.contains("Health care") && s.contains("35"), "{s}");
    insta::assert_snapshot!("outreach_list", s);
    h.app.set_language(Lang::Es);
    insta::assert_snapshot!("outreach_list_es", h.screen());
    h.typed("n");
    insta::assert_snapshot!("outreach_form_es", h.screen());
    h.key(KeyCode::Esc);
    h.app.set_language(Lang::En);
    // Enter changes it.
    h.enter().focus_field("reached").key(KeyCode::Backspace).key(KeyCode::Backspace).typed("40");
    h.ctrl('s');
    assert_eq!(h.status(), "Event updated.");
    assert!(h.screen().contains("40"));
    // x asks first; a second x removes it.
    h.typed("x");
    assert!(h.status().contains("Press x again"), "{}", h.status());
    h.typed("x");
    assert_eq!(h.status(), "Event removed.");
    assert!(h.screen().contains("Nothing to show yet."), "{}", h.screen());
}

#[test]
fn a_report_narrowed_to_a_county_or_a_group_of_payments_says_so() {
    let mut h = Harness::admin();
    funds_and_figures(&mut h);
    h.login("sara", "470193").typed("n").typed("p");
    h.focus_field("area").enter().typed("bernal").enter();
    h.ctrl('s');
    // The hotline's daily counts hold no client: it shows whole, and says so.
    let s = h.screen();
    assert!(s.contains("Whole: this report is not narrowed by County or tribal nation"), "{s}");
    // People served: RM's county was not recorded, so nobody in Bernalillo County.
    h.key(KeyCode::Tab);
    let s = h.screen();
    assert!(s.contains(" County or tribal nation: Bernalillo County"), "{s}");
    assert!(s.lines().any(|l| l.contains("▶ People served") && l.contains(" 0││")), "{s}");
    insta::assert_snapshot!("report_clients_narrowed", s);
    h.app.set_language(Lang::Es);
    h.key(KeyCode::Tab).key(KeyCode::BackTab);
    insta::assert_snapshot!("report_clients_narrowed_es", h.screen());
    h.app.set_language(Lang::En);
    // The funds paid for the state's split: the $180.00 of travel is direct assistance.
    h.typed("p");
    // Delete takes the county back: all of them.
    h.focus_field("area").key(KeyCode::Delete);
    // Space opens the last field's list (Enter there saves the form).
    h.focus_field("payments").typed(" ").typed("civil").enter();
    h.ctrl('s');
    for _ in 0..5 {
        h.key(KeyCode::Tab);
    }
    let s = h.screen();
    assert!(s.contains("[Funds paid]") && s.contains("Payments: Civil legal assistance"), "{s}");
    assert!(!s.contains("$180.00"), "{s}");
    h.typed("p").focus_field("payments").typed(" ").typed("direct").enter();
    h.ctrl('s');
    assert!(h.screen().contains("$180.00"), "{}", h.screen());
}

#[test]
fn an_administrator_sees_the_task_force_whole_in_the_shared_view_only() {
    let mut h = Harness::admin();
    funds_and_figures(&mut h);
    // A second agency with five contacts of its own.
    add_ben(&mut h, Role::Advocate);
    let zoe = intake::auth::accounts::add_user(
        &mut h.app.store,
        intake::auth::Actor::CLI,
        CHEAP,
        &account("zoe", "Zoe Sandoval", Role::Advocate, "Casa Shelter", "470193"),
        fixed_now(),
    );
    zoe.unwrap();
    let zoe = intake::auth::accounts::find_user(&h.app.store, "zoe").unwrap();
    for day in 1..=12 {
        let mut r = intake::domain::contact::defaults(fixed_now());
        r.insert("started_at".into(), format!("2026-09-{day:02} 10:00"));
        r.insert("caller_type".into(), "community".into());
        let c = intake::domain::contact::Contact::from_raw(&r).unwrap();
        let who = intake::service::Who { user: &zoe, session_id: None };
        intake::service::hotline::save_contact(&mut h.app.store, who, None, &c, fixed_now())
            .unwrap();
    }
    // A supervisor has no such key.
    h.login("sara", "470193").typed("n").typed("w");
    assert!(!h.screen().contains("The task force"), "{}", h.screen());
    h.key(KeyCode::Esc).typed("o");
    h.login("ana", ADMIN_PIN).typed("n").typed("w");
    let s = h.screen();
    assert!(s.contains("[The task force, all agencies (shared view)]"), "{s}");
    // 5 and 12 contacts: 17 in all; Enlace's 5 hidden; no records behind any figure.
    assert!(s.lines().any(|l| l.contains("▶ Contacts") && l.contains(" 17│")), "{s}");
    insta::assert_snapshot!("report_task_force", s);
    for _ in 0..60 {
        h.key(KeyCode::Down);
    }
    let s = h.screen();
    assert!(s.contains("By agency") && s.contains("Casa Shelter") && s.contains("<11"), "{s}");
    h.enter();
    assert!(h.status().contains("counts only, from every agency"), "{}", h.status());
    // The next report follows; w goes back to the agency's own figures.
    h.key(KeyCode::Tab);
    assert!(h.screen().contains("[The task force, all agencies (shared view)]"));
    assert!(h.screen().contains("[People served]"));
    h.typed("w");
    assert!(!h.screen().contains("The task force"), "{}", h.screen());
    assert!(h.screen().contains("By month"));
    h.typed("w");
    h.app.set_language(Lang::Es);
    h.key(KeyCode::BackTab);
    let s = h.screen();
    assert!(s.contains("[El grupo de trabajo, todas las agencias (vista compartida)]"), "{s}");
    insta::assert_snapshot!("report_task_force_es", s);
}
