//! Keys are data. Each screen has a table of bindings; the loop looks keys up there, and the
//! help bar and the F1 overlay are drawn from the same tables, so they cannot drift apart.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use crate::i18n::Msg;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Key {
    Char(char),
    Ctrl(char),
    F(u8),
    Enter,
    Esc,
    Tab,
    BackTab,
    Up,
    Down,
    Left,
    Right,
    PageUp,
    PageDown,
    Home,
    End,
    Backspace,
    Delete,
}

impl Key {
    /// The key of a press event; releases and repeats of other kinds are ignored.
    pub fn from_event(ev: &KeyEvent) -> Option<Key> {
        if ev.kind == KeyEventKind::Release {
            return None;
        }
        let ctrl = ev.modifiers.contains(KeyModifiers::CONTROL);
        Some(match ev.code {
            // ^H is Backspace from PuTTY set to Control-H and from VT terminals, as ^? is.
            KeyCode::Char('h' | 'H') if ctrl => Key::Backspace,
            KeyCode::Char(c) if ctrl => Key::Ctrl(c.to_ascii_lowercase()),
            KeyCode::Char(c) => Key::Char(c),
            KeyCode::F(n) => Key::F(n),
            KeyCode::Enter => Key::Enter,
            KeyCode::Esc => Key::Esc,
            KeyCode::Tab if ev.modifiers.contains(KeyModifiers::SHIFT) => Key::BackTab,
            KeyCode::Tab => Key::Tab,
            KeyCode::BackTab => Key::BackTab,
            KeyCode::Up => Key::Up,
            KeyCode::Down => Key::Down,
            KeyCode::Left => Key::Left,
            KeyCode::Right => Key::Right,
            KeyCode::PageUp => Key::PageUp,
            KeyCode::PageDown => Key::PageDown,
            KeyCode::Home => Key::Home,
            KeyCode::End => Key::End,
            KeyCode::Backspace => Key::Backspace,
            KeyCode::Delete => Key::Delete,
            _ => return None,
        })
    }

    /// The key's name as the help shows it. Keys whose name is printed on them (Enter, Esc,
    /// Tab, Ctrl, F1, PgUp on the US keyboards used in New Mexico) keep it; the arrows and the
    /// space bar, which carry no word, are named in the reader's language.
    pub fn label(self, lang: crate::i18n::Lang) -> String {
        use crate::i18n::Msg;
        let said = |m: Msg| m.text(lang).to_string();
        match self {
            Key::Char(' ') => said(Msg::KeySpace),
            Key::Up => said(Msg::KeyUp),
            Key::Down => said(Msg::KeyDown),
            Key::Left => said(Msg::KeyLeft),
            Key::Right => said(Msg::KeyRight),
            Key::BackTab => said(Msg::KeyShiftTab),
            Key::Char(c) => c.to_string(),
            Key::Ctrl(c) => format!("Ctrl+{}", c.to_ascii_uppercase()),
            Key::F(n) => format!("F{n}"),
            Key::Enter => "Enter".into(),
            Key::Esc => "Esc".into(),
            Key::Tab => "Tab".into(),
            Key::PageUp => "PgUp".into(),
            Key::PageDown => "PgDn".into(),
            Key::Home => "Home".into(),
            Key::End => "End".into(),
            Key::Backspace => "Backspace".into(),
            Key::Delete => "Del".into(),
        }
    }
}

impl Action {
    /// Moving about (between rows, fields, pages): the keys everyone expects, which the help
    /// bar need not name.
    pub fn moves(self) -> bool {
        matches!(
            self,
            Action::Up
                | Action::Down
                | Action::PageUp
                | Action::PageDown
                | Action::NextField
                | Action::PrevField
        )
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action {
    Hide,
    Help,
    Quit,
    Back,
    Submit,
    NextField,
    PrevField,
    Up,
    Down,
    PageUp,
    PageDown,
    Open,
    Lock,
    Logout,
    Language,
    ChangePin,
    Staff,
    Agencies,
    Settings,
    /// The training and outreach log.
    Outreach,
    /// The task force's figures, every agency added up (administrators).
    TaskForce,
    /// Remove the selected entry (pressed twice).
    Remove,
    Add,
    Edit,
    ToggleDisabled,
    Unlock,
    ResetPin,
    Rename,
    CycleKind,
    Save,
    New,
    Filter,
    ClearFilter,
    NewContact,
    HotlineLog,
    Tips,
    ResumeDraft,
    Clients,
    Link,
    AddService,
    AddRelief,
    AddRelease,
    /// The client's releases and disclosures.
    Disclosures,
    /// Revoke the release a referral rests on.
    RevokeRelease,
    /// Offer the case to another agency.
    OfferCase,
    /// A release's signed copy came back.
    SignedCopy,
    /// Accept an offered case.
    Accept,
    /// Decline an offered case.
    Decline,
    /// The cases other agencies offer this one.
    Offers,
    AddNote,
    CaseStatus,
    LinkToClient,
    ClientFromContact,
    StartScreening,
    ScreenContact,
    AnswerYes,
    AnswerNo,
    AnswerDeclined,
    AnswerUnknown,
    AnswerSkip,
    AnswerNa,
    ToggleItemHelp,
    OtherWording,
    ItemList,
    NoteSource,
    Finish,
    CloseScreening,
    ReportStep,
    BackToItems,
    Directory,
    CopyPhone,
    FollowUps,
    Refer,
    /// The caller's earlier contacts, over the contact form.
    CallerHistory,
    Verify,
    Retire,
    RequestPayment,
    Funds,
    Reports,
    Approve,
    Void,
    NextReport,
    PrevReport,
    Period,
    Shareable,
}

pub struct Binding {
    pub keys: &'static [Key],
    pub action: Action,
    pub label: Msg,
    /// Shown in the one-line help bar (everything is in the F1 overlay).
    pub bar: bool,
}

pub(crate) const fn b(keys: &'static [Key], action: Action, label: Msg, bar: bool) -> Binding {
    Binding { keys, action, label, bar }
}

/// Hint entries made from key table entries: "y/s Yes", "n/Esc No". The lower-case twin of
/// a letter is enough to show.
pub fn hint_entries<'a>(
    bindings: impl IntoIterator<Item = &'a Binding>,
    lang: crate::i18n::Lang,
) -> Vec<String> {
    bindings
        .into_iter()
        .map(|b| {
            let keys: Vec<String> = b
                .keys
                .iter()
                .filter(|k| !matches!(k, Key::Char(c) if c.is_uppercase()))
                .map(|k| k.label(lang))
                .collect();
            format!("{} {}", keys.join("/"), b.label.text(lang))
        })
        .collect()
}

/// A hint on one line: its entries three spaces apart.
pub fn hint<'a>(
    bindings: impl IntoIterator<Item = &'a Binding>,
    lang: crate::i18n::Lang,
) -> String {
    hint_entries(bindings, lang).join("   ")
}

/// Entries side by side, three spaces apart, on as few lines of `width` columns as they fit;
/// an entry is never split.
pub fn pack(entries: &[String], width: usize) -> Vec<String> {
    use unicode_width::UnicodeWidthStr;
    let mut lines: Vec<String> = Vec::new();
    for e in entries {
        match lines.last_mut() {
            Some(l) if l.width() + 3 + e.width() <= width => {
                l.push_str("   ");
                l.push_str(e);
            }
            _ => lines.push(e.clone()),
        }
    }
    lines
}

/// The action bound to `key`. While the user is typing in a field, printable keys belong to
/// the field and never trigger a binding.
pub fn lookup(tables: &[&[Binding]], key: Key, typing: bool) -> Option<Action> {
    if typing && matches!(key, Key::Char(_)) {
        return None;
    }
    tables.iter().flat_map(|t| t.iter()).find(|b| b.keys.contains(&key)).map(|b| b.action)
}

mod tables;
pub use tables::*;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typing_keeps_printable_keys_for_the_field_but_not_hide_or_help() {
        assert_eq!(lookup(&[GLOBAL, STAFF], Key::Char('a'), false), Some(Action::Add));
        assert_eq!(lookup(&[GLOBAL, FORM], Key::Char('?'), true), None);
        assert_eq!(lookup(&[GLOBAL, FORM], Key::F(12), true), Some(Action::Hide));
        assert_eq!(lookup(&[GLOBAL, FORM], Key::F(1), true), Some(Action::Help));
        assert_eq!(lookup(&[GLOBAL, FORM], Key::Ctrl('c'), true), Some(Action::Quit));
    }

    /// The words for yes and no, in each language, begin with a key that gives exactly that
    /// answer; no other answer's words begin with a key for yes, in either language (the field
    /// trial found "s" meaning "skip" to an advocate who heard "sí").
    #[test]
    fn answer_keys_mean_the_same_in_both_languages() {
        use crate::domain::text::fold;
        use crate::i18n::Lang;
        let first = |m: Msg, l: Lang| fold(m.text(l)).chars().next().unwrap_or(' ');
        let bound =
            |c: char| SCREEN_ITEM.iter().find(|b| b.keys.contains(&Key::Char(c))).map(|b| b.action);
        let yes_keys: Vec<Key> = SCREEN_ITEM
            .iter()
            .filter(|b| b.action == Action::AnswerYes)
            .flat_map(|b| b.keys.iter().copied())
            .collect();
        for lang in [Lang::En, Lang::Es] {
            assert_eq!(bound(first(Msg::OptYes, lang)), Some(Action::AnswerYes), "{lang:?}");
            assert_eq!(bound(first(Msg::OptNo, lang)), Some(Action::AnswerNo), "{lang:?}");
            for b in SCREEN_ITEM.iter().filter(|b| is_answer(b.action)) {
                if b.action == Action::AnswerYes {
                    continue;
                }
                let c = first(b.label, lang);
                assert!(!yes_keys.contains(&Key::Char(c)), "{:?} begins with a yes key", b.label);
            }
        }
        assert_eq!(yes_keys, [Key::Char('y'), Key::Char('s')]);
    }

    /// The registry misses no table: every key table declared in tables.rs is in it.
    #[test]
    fn every_key_table_is_in_the_registry() {
        let declared = include_str!("tables.rs")
            .lines()
            .filter(|l| l.starts_with("pub const ") && l.contains(": &[Binding] ="))
            .count();
        // GLOBAL is live on every screen and checked with each table, not as one.
        assert_eq!(ALL_TABLES.len(), declared - 1);
    }

    #[test]
    fn no_key_is_bound_twice_on_one_screen() {
        for table in ALL_TABLES {
            let mut seen = std::collections::HashSet::new();
            for key in GLOBAL.iter().chain(table.iter()).flat_map(|b| b.keys.iter()) {
                assert!(seen.insert(*key), "{key:?} bound twice");
            }
        }
    }
}
