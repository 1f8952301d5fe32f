//! State tests of the hotline log and tips screen: no database, no terminal.

use super::*;
use crate::domain::staff::Role;
use crate::ui::screen::testing::{ctx_at, person};

fn ctx() -> Ctx {
    ctx_at("2026-11-28T20:00:00Z", Some(person(3, Role::Intake)))
}

#[test]
fn a_call_is_logged_on_a_form_kept_as_a_draft_at_each_change() {
    let mut r = RecordScreen::editing(
        RecordKind::Contact,
        Pending { id: None, raw: None, note: None, caller: None, draft_focus: None },
    );
    let first = r.enter(&ctx());
    assert_eq!(first.len(), 2, "the list and the form's choices are read");
    assert!(r.form().is_none(), "the form waits for its choices");
    r.on_done(Done::RecordOptions(RuntimeOptions::new()), &ctx());
    assert_eq!(r.title(), Msg::TitleNewContact);
    assert!(r.draft(&ctx()).is_empty(), "nothing typed, nothing kept");
    r.form_mut().unwrap().edit(crate::ui::keymap::Key::Right, Lang::En);
    assert!(matches!(r.draft(&ctx())[..], [Effect::Run(_)]));
    let rev = r.form().unwrap().revision;
    r.on_done(Done::DraftKept(rev), &ctx());
    assert!(r.draft(&ctx()).is_empty(), "kept once per change");
    // The caller type is required: the form says so and nothing is saved.
    let saved = r.update(Action::Submit, &ctx());
    assert!(matches!(saved[..], [Effect::FormErrors(..)]));
    // A new contact cannot be referred before it is saved.
    let refer = r.update(Action::Refer, &ctx());
    assert!(matches!(&refer[..], [Effect::Fail(crate::Error::User(Msg::ErrSaveContactFirst, _))]));
    // Saved: the list again, and the notice with its number.
    let after = r.on_done(Done::RecordSaved(7), &ctx());
    assert!(matches!(&after[..], [Effect::Run(_), Effect::SayText(t)] if t == "Contact #7 saved."));
    assert_eq!(r.title(), Msg::TitleHotlineLog);
}

#[test]
fn a_restored_draft_opens_where_it_was_left_and_counts_as_changed() {
    let pending = Pending {
        id: None,
        raw: None,
        note: None,
        caller: Some(("hash".into(), "42".into())),
        draft_focus: Some(5),
    };
    let mut r = RecordScreen::editing(RecordKind::Contact, pending);
    r.on_done(Done::RecordOptions(RuntimeOptions::new()), &ctx());
    let form = r.form().unwrap();
    assert_eq!((form.focus, form.dirty), (5, true));
    assert!(matches!(&r.mode, Mode::Edit { caller: Some((_, l2)), .. } if l2 == "42"));
    assert!(r.draft(&ctx()).is_empty(), "the draft it came from is already kept");
}
