//! State tests of the directory screen: no database, no terminal.

use super::*;
use crate::domain::staff::Role;
use crate::ui::screen::testing::{ctx_at, person};

#[test]
fn the_search_waits_for_a_pause_in_typing_and_runs_once() {
    let ctx = ctx_at("2026-11-28T20:00:00Z", Some(person(2, Role::Advocate)));
    let mut d = DirectoryScreen::new(None);
    assert!(matches!(d.enter(&ctx)[..], [Effect::Run(_)]), "the first page");
    assert!(!d.may_edit, "an advocate adds no services");
    assert!(d.update(Action::New, &ctx).is_empty());
    let t0 = Instant::now();
    d.form_mut().unwrap().edit(crate::ui::keymap::Key::Char('l'), Lang::En);
    d.after_input(t0);
    assert_eq!(d.due(), Some(t0 + DEBOUNCE));
    assert!(d.tick(t0, &ctx).is_empty(), "not yet");
    assert!(matches!(d.tick(t0 + DEBOUNCE, &ctx)[..], [Effect::Run(_)]));
    d.on_done(Done::Hits(Vec::new(), d.search.revision), &ctx);
    assert_eq!(d.due(), None);
    d.after_input(t0);
    assert_eq!(d.due(), None, "nothing new typed, nothing to search");
    assert!(d.update(Action::Open, &ctx).is_empty(), "no result to open");
    assert!(matches!(d.update(Action::Back, &ctx)[..], [Effect::Go(Route::Home)]));
}

#[test]
fn referring_someone_leads_back_to_their_record() {
    let ctx = ctx_at("2026-11-28T20:00:00Z", Some(person(2, Role::Supervisor)));
    let mut d = DirectoryScreen::new(Some(Subject::Client(crate::domain::ids::ClientId(4))));
    d.enter(&ctx);
    assert!(d.may_edit);
    assert_eq!(d.title(), Msg::TitleRefer);
    assert!(matches!(
        d.update(Action::Back, &ctx)[..],
        [Effect::Go(Route::Client(crate::domain::ids::ClientId(4)))]
    ));
    let said = d.on_done(Done::Said("Referral saved.".into()), &ctx);
    assert!(matches!(
        &said[..],
        [Effect::Go(Route::Client(crate::domain::ids::ClientId(4))), Effect::SayText(_)]
    ));
}
