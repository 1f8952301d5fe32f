//! The field trial's safety findings, each walked as a worker would walk it at 80x24, in
//! English and in Spanish: screening keys and languages, the reporting step for a minor, notes
//! read in full, payments approved on purpose, caller numbers never kept as typed, and a status
//! line that tells the truth.

mod common;

use common::console::*;
use common::*;

use intake::domain::screening::Answer;
use intake::i18n::{Lang, Msg};
use intake::ui::app::Screen;
use ratatui::crossterm::event::KeyCode;

/// The consent step, picking the tool at `index` in the list by arrows (it is sorted by id:
/// adult indicators, child short screen, labour checklist, youth quick screen), with the limits
/// explained and the person's language picked by the letters `language`.
fn consent_by_index(h: &mut Harness, index: usize, language: &str) {
    h.typed("c");
    h.enter();
    for _ in 0..index {
        h.key(KeyCode::Down);
    }
    // "Yes" to the limits explained: its label's first letter in the worker's language.
    let yes = if h.app.lang == Lang::Es { "s" } else { "y" };
    h.enter().typed(yes);
    h.focus_field("language").enter().typed(language).enter();
    h.ctrl('s');
}

fn screening(h: &Harness) -> &intake::ui::screens::screening::ScreeningScreen {
    match &h.app.screen {
        Screen::Screening(s) => s,
        _ => panic!("not on a screening"),
    }
}

#[test]
fn in_spanish_si_is_yes_and_the_keys_shown_are_the_keys_that_work() {
    let mut h = Harness::admin();
    with_young_client(&mut h);
    h.app.set_language(Lang::Es);
    consent_by_index(&mut h, 3, "esp");
    let s = h.screen();
    assert!(s.contains("¿Alguna vez ha hecho algo sexual"), "asked in Spanish: {s}");
    assert!(s.contains("y/s Sí") && s.contains("o Omitir"), "the keys beside the words: {s}");
    insta::assert_snapshot!("screening_item_es", s);
    // The person says "sí": the advocate presses s, and yes is recorded.
    h.typed("s");
    assert_eq!(screening(&h).answers.get("exchange"), Some(&Answer::Yes));
    // Omitting is o; a letter that answers nothing says so and records nothing.
    h.typed("o");
    assert_eq!(screening(&h).answers.get("earnings"), Some(&Answer::Skipped));
    h.typed("d");
    assert_eq!(screening(&h).answers.len(), 2, "d is no answer in either language");
    assert!(h.status().contains("'d'"), "{}", h.status());
    // An error about a key, with no form in front, goes with the next key.
    h.typed("n");
    assert_eq!(h.status(), "");
    assert_eq!(screening(&h).answers.get("threats"), Some(&Answer::No));
}

#[test]
fn an_earlier_si_offered_for_confirmation_stays_yes_when_s_is_pressed() {
    let mut h = Harness::admin();
    with_young_client(&mut h);
    h.app.set_language(Lang::Es);
    // The youth screen: yes to threats (the third question), which the adult screen shares.
    consent_by_index(&mut h, 3, "esp");
    h.typed("n").typed("n").typed("s").typed("n");
    h.typed("c").focus_field("not_reported_reason").typed("Reportado por la escuela");
    h.ctrl('s');
    consent_by_index(&mut h, 0, "esp");
    while screening(&h).tool.as_ref().unwrap().items[screening(&h).current].id != "threats" {
        h.key(KeyCode::Right);
    }
    assert!(h.screen().contains("Sí"), "the earlier sí is offered");
    h.typed("s");
    let sc = screening(&h);
    assert_eq!(sc.answers.get("threats"), Some(&Answer::Yes));
}

#[test]
fn questions_follow_the_persons_language_and_g_shows_the_other_wording() {
    let mut h = Harness::admin();
    with_young_client(&mut h);
    // The advocate works in English; the person speaks Spanish.
    consent_by_index(&mut h, 3, "sp");
    let s = h.screen();
    assert!(s.contains("¿Alguna vez ha hecho algo sexual"), "{s}");
    assert!(s.contains("Questions in Spanish"), "{s}");
    // To check an interpreter, one key shows this question's English wording.
    h.typed("g");
    let s = h.screen();
    assert!(s.contains("Have you ever done something sexual"), "{s}");
    insta::assert_snapshot!("screening_item_other_wording", s);
    // It holds for this question only.
    h.typed("n");
    assert!(h.screen().contains("¿Alguien le ha quitado"), "{}", h.screen());
}

#[test]
fn a_minors_positive_labour_checklist_cannot_close_without_the_reporting_step() {
    let mut h = Harness::admin();
    with_young_client(&mut h);
    // The labour checklist has no level flagged for minors; the person's age decides.
    consent_by_index(&mut h, 2, "en");
    h.typed("y").typed("f");
    assert!(h.screen().contains(Msg::ReportNeeded.text(Lang::En).split(':').next().unwrap()));
    h.typed("c");
    assert!(h.screen().contains("Reporting step"), "{}", h.screen());
    assert_eq!(h.status(), Msg::ErrReportRequired.text(Lang::En));
    // Leaving the step does not close the screening.
    h.key(KeyCode::Esc);
    h.typed("c");
    assert!(h.screen().contains("Reporting step"));
    let open: i64 = h
        .app
        .store
        .conn()
        .query_row("SELECT count(*) FROM screenings WHERE closed_at IS NULL", [], |r| r.get(0))
        .unwrap();
    assert_eq!(open, 1, "still open");
    h.app.set_language(Lang::Es);
    h.key(KeyCode::Esc).typed("c");
    insta::assert_snapshot!("report_step_required_es", h.screen());
    h.focus_field("reported_to").enter().key(KeyCode::Char(' ')).enter();
    h.focus_field("reported_at").typed("2026-11-28 12:40");
    h.ctrl('s');
    assert_eq!(h.status(), Msg::ScreeningClosed.text(Lang::Es));
    let to: String = h
        .app
        .store
        .conn()
        .query_row("SELECT reported_to FROM screenings", [], |r| r.get(0))
        .unwrap();
    assert_eq!(to, "[\"law_enforcement\"]");
}

#[test]
fn an_adult_with_indicators_closes_without_the_reporting_step() {
    let mut h = Harness::admin();
    advocate(&mut h);
    h.typed("e").typed("n").typed("Mar").focus_field("age").typed("34");
    h.ctrl('s');
    consent_by_index(&mut h, 2, "en");
    h.typed("y").typed("f").typed("c");
    assert_eq!(h.status(), Msg::ScreeningClosed.text(Lang::En));
}

#[test]
fn the_report_made_on_the_hotline_is_offered_when_the_client_is_screened() {
    let mut h = Harness::admin();
    advocate(&mut h);
    // A call about a 16-year-old with labour indicators, reported to CYFD during the call.
    h.typed("c");
    h.focus_field("caller_type").enter().typed("p").enter();
    h.focus_field("trafficking_type").typed("l");
    h.focus_field("minor").typed("y");
    h.focus_field("reported_to").enter().key(KeyCode::Down).key(KeyCode::Char(' ')).enter();
    // Choosing whom it was reported to stamps the time now; an earlier time is retyped.
    assert_eq!(h.app.form().unwrap().raw()["reported_at"], "2026-11-28 13:00");
    h.focus_field("reported_at").ctrl('u').typed("2026-11-28 12:40");
    h.ctrl('s');
    assert_eq!(h.status(), "Contact #1 saved.");
    // The caller becomes a client (aged 12 to 17, from the contact), then is screened.
    h.enter().ctrl('n');
    h.typed("RT");
    h.ctrl('s');
    let s = h.screen();
    assert!(s.contains("Case record") || s.contains("RT"), "{s}");
    h.typed("c").enter();
    for _ in 0..2 {
        h.key(KeyCode::Down);
    }
    h.enter().typed("y").ctrl('s');
    h.typed("y").typed("f").typed("c");
    let s = h.screen();
    assert!(s.contains("already recorded (hotline contact #1)"), "{s}");
    insta::assert_snapshot!("report_step_offers_the_hotline_report", s);
    // One key confirms it.
    h.ctrl('s');
    assert_eq!(h.status(), Msg::ScreeningClosed.text(Lang::En));
    let (to, at): (String, String) = h
        .app
        .store
        .conn()
        .query_row("SELECT reported_to, reported_at FROM screenings", [], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })
        .unwrap();
    assert_eq!((to.as_str(), at.as_str()), ("[\"cyfd\"]", "2026-11-28T19:40:00Z"));
}

/// A case note of more than 600 characters, as an advocate writes one after a meeting.
const LONG_NOTE: &str = "Met at the clinic with her aunt. She left the farm near Hatch on Sunday after the crew boss took her papers and said she owed four thousand dollars for the ride from Juarez and the trailer. She worked twelve hours a day picking chile for two weeks and was paid nothing at all. The boss read her messages and kept her phone at night. She is staying with her aunt in Las Cruces for now and the aunt knows about the boss. Safety plan: she keeps her phone charged, the aunt drives her to every appointment, and she calls the hotline at once if the boss or anyone from the crew comes to the house. Next step: legal aid on Tuesday morning.";

/// Every word of `text` is somewhere in the screens shown.
fn all_words_shown(text: &str, screens: &[String]) {
    let all = screens.join("\n");
    for word in text.split_whitespace() {
        assert!(all.contains(word), "{word:?} never shown:\n{all}");
    }
}

#[test]
fn a_600_character_case_note_reads_in_full_in_its_view() {
    assert!(LONG_NOTE.chars().count() >= 600);
    let mut h = Harness::admin();
    advocate(&mut h);
    h.typed("e").typed("n").typed("Ana").focus_field("age").typed("24");
    h.ctrl('s');
    h.typed("n").typed(LONG_NOTE);
    // While typed, the note wraps at word boundaries and the end of it stays in view.
    let typing = h.screen();
    assert!(typing.contains("legal aid on Tuesday morning."), "{typing}");
    insta::assert_snapshot!("case_note_typing", typing);
    h.ctrl('s');
    // The newest line of the timeline is the note: it opens in full.
    h.enter();
    let view = h.screen();
    insta::assert_snapshot!("case_note_view", view);
    all_words_shown(LONG_NOTE, &[view]);
    assert!(!h.screen().contains("aunt in\n"), "no line is cut at the panel edge");
}

#[test]
fn a_long_hotline_note_reads_in_full_in_the_form_moving_by_rows() {
    let mut h = Harness::admin();
    h.login("ana", ADMIN_PIN).typed("c");
    h.focus_field("caller_type").enter().typed("p").enter();
    h.focus_field("notes").typed(LONG_NOTE);
    h.ctrl('s');
    assert_eq!(h.status(), "Contact #1 saved.");
    h.enter().focus_field("notes");
    let notes = h.app.form().unwrap().focus;
    // The cursor is at the end: the end shows; Up walks back through the rows to the start.
    let mut screens = vec![h.screen()];
    assert!(screens[0].contains("Tuesday morning."), "{}", screens[0]);
    insta::assert_snapshot!("hotline_note_focused", screens[0]);
    let mut ups = 0;
    while h.app.form().unwrap().focus == notes && ups < 40 {
        h.key(KeyCode::Up);
        ups += 1;
        screens.push(h.screen());
    }
    assert!(ups > 3, "the note is read row by row ({ups} rows)");
    assert!(
        h.app.form().unwrap().focus < notes,
        "past the first row, Up moves to the field before"
    );
    let at_first_row = &screens[screens.len() - 2];
    assert!(at_first_row.contains("Met at the clinic"), "{at_first_row}");
    all_words_shown(LONG_NOTE, &screens);
}

#[test]
fn a_long_referral_reason_wraps_and_scrolls_in_the_referral_view() {
    let mut h = Harness::admin();
    rosa_and_a_legal_service(&mut h);
    let reason: String = LONG_NOTE.chars().take(480).collect();
    h.typed("f").typed("visa");
    h.run_search();
    h.enter().typed("r");
    h.focus_field("reason").typed(&reason);
    h.ctrl('s');
    assert!(h.status().contains("Referral saved"), "{}", h.status());
    // The referral line on the case record opens the referral.
    h.enter();
    let mut screens = vec![h.screen()];
    insta::assert_snapshot!("referral_view_long_reason", screens[0]);
    for _ in 0..10 {
        h.key(KeyCode::PageDown);
        screens.push(h.screen());
    }
    all_words_shown(&reason, &screens);
}

/// A payment asked for by `user` (by name), as the ledger records it.
fn request(
    h: &mut Harness,
    user: &str,
    cents: i64,
    paid_on: &str,
) -> intake::domain::ids::PaymentId {
    let u = intake::auth::accounts::find_user(&h.app.store, user).unwrap();
    let p = intake::domain::fund::Payment {
        fund_id: intake::domain::ids::FundId(1),
        category: "rent".into(),
        amount_cents: cents,
        paid_on: paid_on.parse().unwrap(),
        payee: "Sunrise Apartments".into(),
        purpose: "First month in the new apartment, away from the trafficker's town".into(),
    };
    let who = intake::service::Who { user: &u, session_id: None };
    intake::service::ledger::request_payment(
        &mut h.app.store,
        who,
        intake::domain::ids::ClientId(1),
        &p,
        fixed_now(),
    )
    .unwrap()
}

fn payment_status(h: &Harness, id: intake::domain::ids::PaymentId) -> String {
    h.app
        .store
        .conn()
        .query_row("SELECT status FROM payments WHERE id = ?1", [id], |r| r.get(0))
        .unwrap()
}

#[test]
fn a_payment_is_approved_only_on_purpose_and_a_refusal_says_why() {
    let mut h = Harness::admin();
    funds_and_figures(&mut h);
    let own = request(&mut h, "sara", 30_000, "2026-11-01");
    let void = request(&mut h, "bea", 20_000, "2026-10-01");
    let sara = intake::auth::accounts::find_user(&h.app.store, "sara").unwrap();
    let who = intake::service::Who { user: &sara, session_id: None };
    intake::service::ledger::void_payment(&mut h.app.store, who, void, "Wrong client", fixed_now())
        .unwrap();
    let theirs = request(&mut h, "bea", 10_000, "2026-11-02");
    h.login("sara", "470193").typed("f").enter();
    // Awaiting approval first (newest first), then the others: #4, #2, #3 (void), #1 (approved).
    h.key(KeyCode::Down).typed("a");
    assert_eq!(h.status(), Msg::ErrSelfApproval.text(Lang::En));
    h.key(KeyCode::Down).typed("a");
    assert_eq!(h.status(), "Payment #3 was voided: a voided payment is never approved.");
    h.key(KeyCode::Down).typed("a");
    assert_eq!(h.status(), "Payment #1 is already approved.");
    assert_eq!(payment_status(&h, own), "requested");
    // The one someone else asked for shows in full; Esc leaves it as it was.
    h.key(KeyCode::Up).key(KeyCode::Up).key(KeyCode::Up).typed("a");
    let s = h.screen();
    assert!(s.contains("Payment #4") && s.contains("Sunrise Apartments") && s.contains("$100.00"));
    assert!(s.contains("First month in the new apartment"), "{s}");
    h.key(KeyCode::Esc);
    assert_eq!(payment_status(&h, theirs), "requested");
    h.app.set_language(Lang::Es);
    h.typed("a");
    insta::assert_snapshot!("payment_approve_es", h.screen());
    h.enter();
    assert_eq!(payment_status(&h, theirs), "approved");
    assert_eq!(h.status(), Msg::PaymentApproved.text(Lang::Es));
}

#[test]
fn the_status_line_clears_when_the_error_is_fixed_or_the_screen_changes() {
    let mut h = Harness::admin();
    h.login("ana", ADMIN_PIN).typed("c");
    // Saving without the caller type: the status line names the field.
    h.ctrl('s');
    assert!(h.status().contains("Caller type"), "{}", h.status());
    // Typing elsewhere does not fix it; the line stays.
    h.focus_field("notes").typed("Called from a gas station");
    assert!(h.status().contains("Caller type"), "{}", h.status());
    // Fixing the field clears it.
    h.focus_field("caller_type").enter().typed("p").enter();
    assert_eq!(h.status(), "", "the error went with its cause");
    insta::assert_snapshot!("status_cleared_after_fix", h.screen());
    // A notice belongs to the screen it was made on.
    h.ctrl('s');
    assert_eq!(h.status(), "Contact #1 saved.");
    h.key(KeyCode::Down);
    assert_eq!(h.status(), "Contact #1 saved.", "moving in the same list keeps it");
    h.enter();
    assert_eq!(h.status(), "", "opening the contact leaves the list's notice behind");
}

fn holds(bytes: &[u8], text: &str) -> bool {
    bytes.windows(text.len()).any(|w| w == text.as_bytes())
}

#[test]
fn no_caller_number_is_written_to_the_database_by_a_draft_or_a_save() {
    let mut h = Harness::admin();
    h.login("ana", ADMIN_PIN).typed("c");
    // A contact saved: its number was typed (a draft was kept at every key).
    h.focus_field("caller_type").enter().typed("p").enter();
    h.focus_field("caller_id").typed("505 555 0173");
    h.focus_field("notes").typed("Called from the bus station in Gallup");
    h.ctrl('s');
    assert_eq!(h.status(), "Contact #1 saved.");
    // A contact discarded after its number was typed.
    h.typed("n").focus_field("caller_type").enter().typed("c").enter();
    h.focus_field("caller_id").typed("575 555 0199");
    h.key(KeyCode::Esc).typed("y");
    // A contact left unsaved when the link drops: its draft comes back with the number kept
    // only as a keyed hash and its last two characters, and saves with it.
    h.typed("n").focus_field("caller_type").enter().typed("p").enter();
    h.focus_field("caller_id").typed("+1 (505) 555-0123");
    let mut h = h.reconnect();
    h.login("ana", ADMIN_PIN).enter().typed("y");
    assert!(h.screen().contains("Caller ..23 kept only as a keyed hash"), "{}", h.screen());
    assert_eq!(h.app.form().unwrap().raw()["caller_id"], "", "the number is not in the form");
    h.ctrl('s');
    assert_eq!(h.status(), "Contact #2 saved.");
    let key = intake::store::drafts::caller_key(h.app.store.conn()).unwrap();
    let stored: Option<String> = h
        .app
        .store
        .conn()
        .query_row("SELECT caller_hash FROM contacts WHERE id = 2", [], |r| r.get(0))
        .unwrap();
    let (hash, _) = intake::domain::caller::protect("5055550123", &key).unwrap();
    assert_eq!(stored, Some(hash), "the kept hash is the one the number would give");
    let left: i64 =
        h.app.store.conn().query_row("SELECT count(*) FROM drafts", [], |r| r.get(0)).unwrap();
    assert_eq!(left, 0, "the saved contact took its draft with it");

    let pages = decrypted_pages(&h.db.paths);
    assert!(holds(&pages, "bus station in Gallup"), "the reader finds what was saved");
    for typed in ["505 555", "575 555", "(505) 555", "5055550", "5755550"] {
        assert!(!holds(&pages, typed), "{typed:?} is in the database file or its log");
    }
}
