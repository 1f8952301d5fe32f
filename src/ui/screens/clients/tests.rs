//! State tests of the clients screens: no database, no terminal.

use super::*;
use crate::domain::staff::Role;
use crate::ui::screen::testing::{ctx_at, person};

fn ctx() -> Ctx {
    ctx_at("2026-11-28T20:00:00Z", Some(person(2, Role::Advocate)))
}

fn row(id: i64) -> store_clients::Row {
    store_clients::Row {
        id: crate::domain::ids::ClientId(id),
        chosen_name: "Rosa".into(),
        status: "open".into(),
        age: Some(30),
        age_range: None,
        birth_date: None,
        intake_on: "2026-11-01".into(),
        last_activity: "2026-11-01T17:00:00Z".into(),
        assigned: None,
        danger: false,
    }
}

#[test]
fn a_new_client_is_checked_for_duplicates_and_each_choice_is_an_effect() {
    let mut c = ClientScreen::list();
    assert_eq!(c.enter(&ctx()).len(), 2, "the list and the staff to assign");
    c.on_done(Done::ClientOptions(RuntimeOptions::new()), &ctx());
    c.update(Action::New, &ctx());
    assert_eq!(c.title(), Msg::TitleNewClient);
    // Nothing typed: the chosen name and an age are asked for, nothing is saved.
    assert!(matches!(c.update(Action::Submit, &ctx())[..], [Effect::FormErrors(..)]));
    // The store found a likely duplicate: the choice is shown, Esc goes back to the form.
    c.on_done(Done::Duplicates(vec![row(4)]), &ctx());
    assert_eq!(c.title(), Msg::TitleDuplicates);
    assert!(c.update(Action::Back, &ctx()).is_empty());
    assert_eq!(c.title(), Msg::TitleNewClient);
    // Saved: the record opens, and the notice names it.
    let saved = c.on_done(Done::ClientSaved(crate::domain::ids::ClientId(9)), &ctx());
    assert!(matches!(&saved[..], [Effect::Run(_), Effect::SayText(t)] if t == "Client #9 saved."));
}

#[test]
fn a_draft_brought_back_waits_for_its_record_and_opens_where_it_was_left() {
    let pending = Pending::CaseForm {
        form: crate::domain::draft::DraftForm::Note,
        client: crate::domain::ids::ClientId(3),
        raw: Raw::new(),
        focus: 0,
    };
    let mut c = ClientScreen::with_form(pending);
    assert_eq!(c.enter(&ctx()).len(), 3, "the list, the staff, and the case record");
    c.on_done(Done::ClientOptions(RuntimeOptions::new()), &ctx());
    assert!(c.form().is_none(), "not before its record is here");
    assert!(c.draft(&ctx()).is_empty());
}
