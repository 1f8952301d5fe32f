//! Forms: a list of fields with one in focus. Text is cleaned as it arrives (typed or pasted),
//! capped with a message, and PINs are masked and wiped from memory when dropped.

use zeroize::Zeroizing;

use crate::domain::text::allowed_char;
use crate::i18n::{Lang, Msg, fill};
use crate::ui::keymap::Key;

#[derive(Debug)]
pub enum FieldKind {
    Text { value: Zeroizing<String>, cursor: usize, masked: bool, max: usize, digits_only: bool },
    Choice { options: Vec<String>, selected: usize, typed: String },
}

#[derive(Debug)]
pub struct Field {
    pub label: Msg,
    pub kind: FieldKind,
    pub required: bool,
    pub error: Option<String>,
}

impl Field {
    pub fn text(label: Msg, max: usize) -> Field {
        Field {
            label,
            kind: FieldKind::Text {
                value: Zeroizing::new(String::new()),
                cursor: 0,
                masked: false,
                max,
                digits_only: false,
            },
            required: true,
            error: None,
        }
    }

    /// A PIN: digits only, shown as bullets.
    pub fn pin(label: Msg) -> Field {
        Field {
            kind: FieldKind::Text {
                value: Zeroizing::new(String::new()),
                cursor: 0,
                masked: true,
                max: crate::auth::pin::MAX_LEN,
                digits_only: true,
            },
            ..Field::text(label, 0)
        }
    }

    pub fn choice(label: Msg, options: Vec<String>, selected: usize) -> Field {
        Field {
            label,
            kind: FieldKind::Choice { options, selected, typed: String::new() },
            required: true,
            error: None,
        }
    }

    pub fn with_value(mut self, v: &str) -> Field {
        if let FieldKind::Text { value, cursor, .. } = &mut self.kind {
            value.clear();
            value.push_str(v);
            *cursor = v.chars().count();
        }
        self
    }

    pub fn is_text(&self) -> bool {
        matches!(self.kind, FieldKind::Text { .. })
    }
}

#[derive(Debug, Default)]
pub struct Form {
    pub fields: Vec<Field>,
    pub focus: usize,
    /// Something was typed since the form opened.
    pub dirty: bool,
    /// A message about the last key (a cap reached, a character refused).
    pub notice: Option<String>,
}

impl Form {
    pub fn new(fields: Vec<Field>) -> Form {
        Form { fields, ..Default::default() }
    }

    pub fn focused(&self) -> &Field {
        &self.fields[self.focus]
    }

    pub fn is_last(&self) -> bool {
        self.focus + 1 == self.fields.len()
    }

    pub fn next(&mut self) {
        self.focus = (self.focus + 1) % self.fields.len();
        self.reset_typed();
    }

    pub fn prev(&mut self) {
        self.focus = (self.focus + self.fields.len() - 1) % self.fields.len();
        self.reset_typed();
    }

    pub fn focus_on(&mut self, i: usize) {
        self.focus = i.min(self.fields.len().saturating_sub(1));
        self.reset_typed();
    }

    fn reset_typed(&mut self) {
        if let FieldKind::Choice { typed, .. } = &mut self.fields[self.focus].kind {
            typed.clear();
        }
    }

    pub fn text(&self, i: usize) -> &str {
        match &self.fields[i].kind {
            FieldKind::Text { value, .. } => value.as_str(),
            FieldKind::Choice { options, selected, .. } => {
                options.get(*selected).map(String::as_str).unwrap_or("")
            }
        }
    }

    /// Every field's text, as copies that are wiped when dropped.
    pub fn values(&self) -> Vec<Zeroizing<String>> {
        (0..self.fields.len()).map(|i| Zeroizing::new(self.text(i).to_string())).collect()
    }

    pub fn choice(&self, i: usize) -> usize {
        match &self.fields[i].kind {
            FieldKind::Choice { selected, .. } => *selected,
            FieldKind::Text { .. } => 0,
        }
    }

    /// Empty every PIN field (after a failed attempt, say).
    pub fn clear_secrets(&mut self) {
        for f in &mut self.fields {
            if let FieldKind::Text { value, cursor, masked: true, .. } = &mut f.kind {
                value.clear();
                *cursor = 0;
            }
        }
    }

    pub fn clear_errors(&mut self) {
        self.notice = None;
        for f in &mut self.fields {
            f.error = None;
        }
    }

    /// Mark every empty required field; true when none is missing.
    pub fn check_required(&mut self, lang: Lang) -> bool {
        let mut first_missing = None;
        for (i, f) in self.fields.iter_mut().enumerate() {
            let empty = match &f.kind {
                FieldKind::Text { value, .. } => value.trim().is_empty(),
                FieldKind::Choice { options, .. } => options.is_empty(),
            };
            if f.required && empty {
                f.error = Some(Msg::ErrRequiredShort.text(lang).to_string());
                first_missing.get_or_insert(i);
            }
        }
        if let Some(i) = first_missing {
            self.focus_on(i);
        }
        first_missing.is_none()
    }

    /// Put an error on the field labelled `label` and move there.
    pub fn error_on(&mut self, label: Msg, message: String) {
        if let Some(i) = self.fields.iter().position(|f| f.label == label) {
            self.fields[i].error = Some(message);
            self.focus_on(i);
        } else {
            self.notice = Some(message);
        }
    }

    /// Edit the focused field with a key. Returns true when the form changed.
    pub fn edit(&mut self, key: Key, lang: Lang) -> bool {
        self.notice = None;
        let field = &mut self.fields[self.focus];
        let changed = match &mut field.kind {
            FieldKind::Text { value, cursor, max, digits_only, .. } => match key {
                Key::Char(c) => {
                    let r = insert(value, cursor, &c.to_string(), *max, *digits_only);
                    if let Err(m) = r {
                        self.notice = Some(notice(m, field.label, *max, lang));
                        false
                    } else {
                        true
                    }
                }
                Key::Backspace if *cursor > 0 => {
                    let at = byte_at(value, *cursor - 1);
                    value.remove(at);
                    *cursor -= 1;
                    true
                }
                Key::Delete if *cursor < value.chars().count() => {
                    let at = byte_at(value, *cursor);
                    value.remove(at);
                    true
                }
                Key::Left => {
                    *cursor = cursor.saturating_sub(1);
                    false
                }
                Key::Right => {
                    *cursor = (*cursor + 1).min(value.chars().count());
                    false
                }
                Key::Home => {
                    *cursor = 0;
                    false
                }
                Key::End => {
                    *cursor = value.chars().count();
                    false
                }
                _ => false,
            },
            FieldKind::Choice { options, selected, typed } => {
                let n = options.len().max(1);
                match key {
                    Key::Right | Key::Char(' ') => {
                        *selected = (*selected + 1) % n;
                        typed.clear();
                        true
                    }
                    Key::Left => {
                        *selected = (*selected + n - 1) % n;
                        typed.clear();
                        true
                    }
                    Key::Char(c) => {
                        typed.push(c);
                        let prefix = typed.to_lowercase();
                        match options.iter().position(|o| o.to_lowercase().starts_with(&prefix)) {
                            Some(i) => {
                                *selected = i;
                                true
                            }
                            None => {
                                typed.clear();
                                typed.push(c);
                                let p = typed.to_lowercase();
                                if let Some(i) =
                                    options.iter().position(|o| o.to_lowercase().starts_with(&p))
                                {
                                    *selected = i;
                                    true
                                } else {
                                    typed.clear();
                                    false
                                }
                            }
                        }
                    }
                    Key::Backspace => {
                        typed.pop();
                        false
                    }
                    _ => false,
                }
            }
        };
        if changed {
            self.fields[self.focus].error = None;
            self.dirty = true;
        }
        changed
    }

    /// Pasted text arrives as text: newlines become spaces (never Enter), controls are dropped.
    pub fn paste(&mut self, text: &str, lang: Lang) -> bool {
        self.notice = None;
        let field = &mut self.fields[self.focus];
        let FieldKind::Text { value, cursor, max, digits_only, .. } = &mut field.kind else {
            return false;
        };
        let line: String =
            text.chars().map(|c| if matches!(c, '\n' | '\r' | '\t') { ' ' } else { c }).collect();
        match insert(value, cursor, &line, *max, *digits_only) {
            Ok(()) => {
                field.error = None;
                self.dirty = true;
                true
            }
            Err(m) => {
                self.notice = Some(notice(m, field.label, *max, lang));
                self.dirty = true;
                true
            }
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Refused {
    TooLong,
    NotDigit,
}

fn notice(r: Refused, label: Msg, max: usize, lang: Lang) -> String {
    match r {
        Refused::TooLong => fill(Msg::ErrTooLong.text(lang), &[label.text(lang), &max.to_string()]),
        Refused::NotDigit => fill(Msg::ErrDigitsOnly.text(lang), &[label.text(lang)]),
    }
}

fn byte_at(s: &str, char_idx: usize) -> usize {
    s.char_indices().nth(char_idx).map(|(b, _)| b).unwrap_or(s.len())
}

/// Insert cleaned text at the cursor, keeping what fits under the cap; says what was refused.
fn insert(
    value: &mut Zeroizing<String>,
    cursor: &mut usize,
    text: &str,
    max: usize,
    digits_only: bool,
) -> Result<(), Refused> {
    let mut refused = None;
    for c in text.chars().filter(|&c| allowed_char(c)) {
        if digits_only && !c.is_ascii_digit() {
            refused.get_or_insert(Refused::NotDigit);
            continue;
        }
        if value.chars().count() >= max {
            refused = Some(Refused::TooLong);
            break;
        }
        let at = byte_at(value, *cursor);
        value.insert(at, c);
        *cursor += 1;
    }
    refused.map_or(Ok(()), Err)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form() -> Form {
        Form::new(vec![
            Field::text(Msg::FieldUsername, 5),
            Field::pin(Msg::FieldPin),
            Field::choice(
                Msg::FieldRole,
                vec!["Admin".into(), "Advocate".into(), "Intake".into()],
                0,
            ),
        ])
    }

    #[test]
    fn focus_moves_forward_and_back_around_the_form() {
        let mut f = form();
        f.next();
        f.next();
        assert!(f.is_last());
        f.next();
        assert_eq!(f.focus, 0);
        f.prev();
        assert_eq!(f.focus, 2);
    }

    #[test]
    fn typing_respects_cursor_and_cap_with_a_message() {
        let mut f = form();
        for c in "abde".chars() {
            f.edit(Key::Char(c), Lang::En);
        }
        f.edit(Key::Left, Lang::En);
        f.edit(Key::Left, Lang::En);
        f.edit(Key::Char('c'), Lang::En);
        assert_eq!(f.text(0), "abcde");
        assert!(f.notice.is_none());
        assert!(!f.edit(Key::Char('x'), Lang::En));
        assert_eq!(f.text(0), "abcde");
        assert!(f.notice.as_deref().unwrap().contains("5"));
        f.edit(Key::Backspace, Lang::En);
        // The cursor sat after 'c': Backspace removes it.
        assert_eq!(f.text(0), "abde");
    }

    #[test]
    fn paste_is_text_never_enter_and_drops_controls() {
        let mut f = form();
        f.paste("a\u{202E}b\nc", Lang::En);
        assert_eq!(f.text(0), "ab c");
        f.next();
        f.paste("12x34", Lang::En);
        assert_eq!(f.text(1), "1234");
        assert!(f.notice.is_some());
    }

    #[test]
    fn choice_is_picked_by_typing_its_first_letters() {
        let mut f = form();
        f.focus_on(2);
        f.edit(Key::Char('a'), Lang::En);
        f.edit(Key::Char('d'), Lang::En);
        f.edit(Key::Char('v'), Lang::En);
        assert_eq!(f.text(2), "Advocate");
        f.edit(Key::Char('i'), Lang::En);
        assert_eq!(f.text(2), "Intake");
        f.edit(Key::Right, Lang::En);
        assert_eq!(f.text(2), "Admin");
    }

    #[test]
    fn required_fields_are_marked_and_focused() {
        let mut f = form();
        f.focus_on(2);
        assert!(!f.check_required(Lang::En));
        assert_eq!(f.focus, 0);
        assert!(f.fields[0].error.is_some());
        assert!(f.fields[1].error.is_some());
    }
}
