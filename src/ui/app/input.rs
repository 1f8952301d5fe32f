//! Where a key goes: decided here from what is in front (a hidden screen, an overlay, a form
//! and its focused field, the key tables' action), carried out by the app. Deciding is kept
//! apart from doing so that the order of precedence reads in one place and is tested alone.

use crate::i18n::{Lang, Msg, fill};
use crate::ui::effect::Confirm;
use crate::ui::keymap::{self, Action, Binding, Key};
use crate::ui::screen::{Page, Screen};
use crate::ui::status::Status;
use crate::ui::widgets::form::Form;

/// What the loop hands the app.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Input {
    Key(ratatui::crossterm::event::KeyEvent),
    Paste(String),
    Resize,
}

/// A window over the screen, which takes the keys while it is open.
pub enum Overlay {
    Help,
    Confirm(Confirm),
}

/// What is in front as a key arrives.
pub struct Front<'a> {
    pub hidden: bool,
    pub overlay: Option<&'a Overlay>,
    pub page: Option<&'a dyn Page>,
}

impl<'a> Front<'a> {
    fn form(&self) -> Option<&'a Form> {
        self.page.and_then(|p| p.form())
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Step {
    /// The screen is hidden: any key shows the lock screen.
    Reveal,
    Hide,
    /// The confirm overlay was answered yes.
    Confirmed(Confirm),
    /// Close the overlay in front.
    Close,
    /// The form in front edits its focused field with the key.
    Edit,
    /// Up or Down in notes: a row up or down, or (past the first or last) this action.
    NotesRow(Option<Action>),
    Help,
    Quit,
    /// The screen in front acts.
    Act(Action),
    /// A key no table names, with no form to type into (on a screening question: not an answer).
    Unbound,
    Ignore,
}

/// The key tables live now: the global keys, then the overlay's or the screen's.
pub fn tables(
    overlay: Option<&Overlay>,
    screen_keys: &'static [Binding],
) -> [&'static [Binding]; 2] {
    match overlay {
        Some(Overlay::Confirm(_)) => [keymap::GLOBAL, keymap::CONFIRM],
        Some(Overlay::Help) => [keymap::GLOBAL, keymap::OVERLAY],
        None => [keymap::GLOBAL, screen_keys],
    }
}

/// The action of a key, from the tables live for what is in front. The confirm overlay takes
/// only its own keys; letters typed on a form are text.
pub fn action(front: &Front, screen_keys: &'static [Binding], key: Key) -> Option<Action> {
    let action = match front.overlay {
        Some(Overlay::Confirm(_)) => keymap::lookup(&[keymap::CONFIRM], key, false),
        o => keymap::lookup(&tables(o, screen_keys), key, front.form().is_some()),
    };
    // A key the screen does not offer now (a copy with no phone to copy) does nothing.
    action.filter(|a| front.overlay.is_some() || front.page.is_none_or(|p| p.offers(*a)))
}

/// Where `key`, whose action is `action`, goes.
pub fn step(front: &Front, key: Key, action: Option<Action>) -> Step {
    if front.hidden {
        return Step::Reveal;
    }
    if key == keymap::HIDE_KEY {
        return Step::Hide;
    }
    match front.overlay {
        Some(Overlay::Confirm(c)) => {
            return match action {
                Some(Action::Submit) => Step::Confirmed(c.clone()),
                Some(Action::Back) => Step::Close,
                _ => Step::Ignore,
            };
        }
        Some(Overlay::Help) => {
            return match action {
                Some(Action::Back | Action::Help) => Step::Close,
                Some(Action::Quit) => Step::Quit,
                _ => Step::Ignore,
            };
        }
        None => {}
    }
    // An open list takes every key but the global ones; Enter belongs to notes (a new line)
    // and to a choice (it opens the list), except on a form's last field, where Enter saves
    // (Space opens a choice's list everywhere). Up and Down move through the rows of notes.
    if let Some(form) = front.form()
        && !matches!(action, Some(Action::Hide | Action::Help | Action::Quit | Action::Save))
    {
        let field = form.focused();
        let enter_opens = field.is_notes() || (field.is_choice() && !form.is_last());
        if form.popup_open() || (key == Key::Enter && enter_opens) {
            return Step::Edit;
        }
        if field.is_notes() && matches!(key, Key::Up | Key::Down) {
            return Step::NotesRow(action);
        }
    }
    after_form(action, front.form().is_some())
}

/// What the key tables say, once no form took the key for itself; a key they do not name is
/// typed into the form, if there is one.
pub fn after_form(action: Option<Action>, form: bool) -> Step {
    match action {
        Some(Action::Help) => Step::Help,
        Some(Action::Quit) => Step::Quit,
        Some(Action::Hide) => Step::Hide,
        Some(a) => Step::Act(a),
        None if form => Step::Edit,
        None => Step::Unbound,
    }
}

/// Up or Down in notes moves a row; past the first or last row the key does what the tables
/// say (moves between fields).
pub fn notes_row(form: &mut Form, key: Key, then: Option<Action>) -> Step {
    if form.notes_row(key == Key::Down) { Step::Ignore } else { after_form(then, true) }
}

/// A letter that answers nothing while a screening asks a question: said, rather than let it
/// pass unseen.
pub fn not_an_answer(screen: &Screen, key: Key, lang: Lang) -> Option<Status> {
    let (Screen::Screening(s), Key::Char(c)) = (screen, key) else { return None };
    s.asking().then(|| Status::error(fill(Msg::ErrNotAnswerKey.text(lang), &[&c.to_string()])))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn front(overlay: Option<&Overlay>) -> Front<'_> {
        Front { hidden: false, overlay, page: None }
    }

    #[test]
    fn a_hidden_screen_takes_any_key_to_reveal_and_the_hide_key_always_hides() {
        let hidden = Front { hidden: true, overlay: None, page: None };
        assert_eq!(step(&hidden, Key::Char('x'), None), Step::Reveal);
        let help = Overlay::Help;
        assert_eq!(step(&front(Some(&help)), keymap::HIDE_KEY, None), Step::Hide);
    }

    #[test]
    fn the_confirm_overlay_takes_only_yes_and_no() {
        let overlay = Overlay::Confirm(Confirm::Quit);
        let f = front(Some(&overlay));
        let yes = action(&f, &[], Key::Enter);
        assert_eq!(step(&f, Key::Enter, yes), Step::Confirmed(Confirm::Quit));
        let no = action(&f, &[], Key::Esc);
        assert_eq!(step(&f, Key::Esc, no), Step::Close);
        let other = action(&f, &[], Key::Char('q'));
        assert_eq!(step(&f, Key::Char('q'), other), Step::Ignore);
    }

    #[test]
    fn with_nothing_in_front_the_tables_decide() {
        let f = front(None);
        assert_eq!(step(&f, Key::F(1), Some(Action::Help)), Step::Help);
        assert_eq!(step(&f, Key::Char('z'), None), Step::Unbound);
        assert_eq!(step(&f, Key::Enter, Some(Action::Submit)), Step::Act(Action::Submit));
    }
}
