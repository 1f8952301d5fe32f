//! Editing a field by key: inserting with caps and charsets, moving the cursor, picking from
//! a list by arrows or by typing its first letters.

use zeroize::Zeroizing;

use crate::domain::text::{allowed_char, fold};
use crate::i18n::{Lang, Msg, fill};
use crate::ui::keymap::Key;

/// Which characters a one-line field takes (dates, times, amounts take only theirs).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Charset {
    Any,
    Digits,
    Date,
    DateTime,
    Minutes,
    Money,
}

impl Charset {
    pub(super) fn allows(self, c: char) -> bool {
        match self {
            Charset::Any => true,
            Charset::Digits => c.is_ascii_digit(),
            // The letters of "today" and "hoy", "now" and "ahora" (fill_now turns them into
            // the day or the time); any other word is refused as a date when the form is checked.
            Charset::Date => c.is_ascii_digit() || c == '-' || "todayhTODAYH".contains(c),
            Charset::DateTime => c.is_ascii_digit() || "-: TnowahrNOWAHR".contains(c),
            Charset::Minutes => c.is_ascii_digit() || c == ':',
            Charset::Money => c.is_ascii_digit() || ".,$".contains(c),
        }
    }

    /// What the field expects, shown when a character is refused.
    pub(super) fn hint(self) -> Msg {
        match self {
            Charset::Any | Charset::Digits => Msg::ErrDigitsOnly,
            Charset::Date => Msg::ErrDateForm,
            Charset::DateTime => Msg::ErrDateTimeForm,
            Charset::Minutes => Msg::ErrMinutesForm,
            Charset::Money => Msg::ErrMoneyForm,
        }
    }
}

/// An open list of a choice's options.
#[derive(Debug, Default)]
pub struct Popup {
    pub highlight: usize,
    pub(super) typed: String,
}

pub(super) fn insert_or_notice(
    value: &mut Zeroizing<String>,
    cursor: &mut usize,
    text: &str,
    max: usize,
    label: Msg,
    lang: Lang,
    out: &mut Option<String>,
) -> bool {
    match insert(value, cursor, text, max, Charset::Any, true) {
        Ok(()) => true,
        Err(r) => {
            *out = Some(notice(r, label, max, Charset::Any, lang));
            false
        }
    }
}

/// Cursor movement and deletion in a text; true when the text changed.
pub(super) fn edit_cursor(value: &mut Zeroizing<String>, cursor: &mut usize, key: Key) -> bool {
    let len = value.chars().count();
    match key {
        Key::Backspace if *cursor > 0 => {
            let at = byte_at(value, *cursor - 1);
            value.remove(at);
            *cursor -= 1;
            true
        }
        Key::Delete if *cursor < len => {
            let at = byte_at(value, *cursor);
            value.remove(at);
            true
        }
        Key::Left => {
            *cursor = cursor.saturating_sub(1);
            false
        }
        Key::Right => {
            *cursor = (*cursor + 1).min(len);
            false
        }
        Key::Home => {
            *cursor = 0;
            false
        }
        Key::End => {
            *cursor = len;
            false
        }
        // Ctrl+U clears what is before the cursor (as in a shell): a filled-in time is retyped.
        Key::Ctrl('u') if *cursor > 0 => {
            let at = byte_at(value, *cursor);
            value.replace_range(..at, "");
            *cursor = 0;
            true
        }
        _ => false,
    }
}

/// The first option whose label starts with `prefix`, ignoring case and accents.
fn find_prefix(options: &[(String, String)], prefix: &str) -> Option<usize> {
    let p = fold(prefix);
    options.iter().position(|(_, label)| fold(label).starts_with(&p))
}

/// Letters typed in a row narrow the choice; a letter that matches nothing starts afresh.
pub(super) fn jump(options: &[(String, String)], typed: &mut String, c: char) -> Option<usize> {
    typed.push(c);
    find_prefix(options, typed).or_else(|| {
        typed.clear();
        typed.push(c);
        find_prefix(options, typed)
    })
}

fn move_highlight(p: &mut Popup, n: usize, key: Key) -> bool {
    let last = n.saturating_sub(1);
    p.highlight = match key {
        Key::Up => p.highlight.saturating_sub(1),
        Key::Down => (p.highlight + 1).min(last),
        Key::PageUp => p.highlight.saturating_sub(10),
        Key::PageDown => (p.highlight + 10).min(last),
        Key::Home => 0,
        Key::End => last,
        _ => return false,
    };
    true
}

/// Keys on a one-of field: (changed, move to the next field).
pub(super) fn edit_choice(
    options: &[(String, String)],
    selected: &mut Option<usize>,
    typed: &mut String,
    popup: &mut Option<Popup>,
    key: Key,
) -> (bool, bool) {
    let n = options.len();
    if n == 0 {
        return (false, false);
    }
    if let Some(p) = popup {
        if move_highlight(p, n, key) {
            return (false, false);
        }
        return match key {
            // After letters, a space is part of the name when one goes on that way ("san j"
            // finds San Juan County); otherwise it picks, as Enter does.
            Key::Char(' ')
                if !p.typed.is_empty()
                    && find_prefix(options, &format!("{} ", p.typed)).is_some() =>
            {
                if let Some(i) = jump(options, &mut p.typed, ' ') {
                    p.highlight = i;
                }
                (false, false)
            }
            Key::Enter | Key::Char(' ') => {
                let changed = *selected != Some(p.highlight);
                *selected = Some(p.highlight);
                *popup = None;
                (changed, true)
            }
            Key::Esc => {
                *popup = None;
                (false, false)
            }
            Key::Char(c) => {
                if let Some(i) = jump(options, &mut p.typed, c) {
                    p.highlight = i;
                }
                (false, false)
            }
            Key::Backspace => {
                p.typed.pop();
                (false, false)
            }
            _ => (false, false),
        };
    }
    match key {
        Key::Enter | Key::Char(' ') => {
            *popup = Some(Popup { highlight: selected.unwrap_or(0), typed: String::new() });
            (false, false)
        }
        Key::Right => {
            *selected = Some(selected.map_or(0, |s| (s + 1) % n));
            typed.clear();
            (true, false)
        }
        Key::Left => {
            *selected = Some(selected.map_or(n - 1, |s| (s + n - 1) % n));
            typed.clear();
            (true, false)
        }
        Key::Char(c) => match jump(options, typed, c) {
            Some(i) => {
                let changed = *selected != Some(i);
                *selected = Some(i);
                (changed, false)
            }
            None => {
                typed.clear();
                (false, false)
            }
        },
        Key::Backspace => {
            typed.pop();
            (false, false)
        }
        // Delete takes the answer back: nothing chosen (a filter's "all").
        Key::Delete => {
            typed.clear();
            (selected.take().is_some(), false)
        }
        _ => (false, false),
    }
}

/// Keys on a many-of field: Enter opens the list, Space ticks, Enter closes.
pub(super) fn edit_many(
    options: &[(String, String)],
    chosen: &mut [bool],
    popup: &mut Option<Popup>,
    key: Key,
) -> (bool, bool) {
    let n = options.len();
    let Some(p) = popup else {
        if matches!(key, Key::Enter | Key::Char(' ')) && n > 0 {
            *popup = Some(Popup::default());
        }
        return (false, false);
    };
    if move_highlight(p, n, key) {
        return (false, false);
    }
    match key {
        Key::Char(' ') => {
            if let Some(c) = chosen.get_mut(p.highlight) {
                *c = !*c;
            }
            (true, false)
        }
        Key::Enter => {
            *popup = None;
            (false, true)
        }
        Key::Esc => {
            *popup = None;
            (false, false)
        }
        Key::Char(c) => {
            if let Some(i) = jump(options, &mut p.typed, c) {
                p.highlight = i;
            }
            (false, false)
        }
        _ => (false, false),
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Refused {
    TooLong,
    NotAllowed,
}

pub(super) fn notice(r: Refused, label: Msg, max: usize, charset: Charset, lang: Lang) -> String {
    match r {
        Refused::TooLong => fill(Msg::ErrTooLong.text(lang), &[label.text(lang), &max.to_string()]),
        Refused::NotAllowed => {
            format!("{}: {}", label.text(lang), charset.hint().text(lang))
        }
    }
}

fn byte_at(s: &str, char_idx: usize) -> usize {
    s.char_indices().nth(char_idx).map(|(b, _)| b).unwrap_or(s.len())
}

/// Insert cleaned text at the cursor, keeping what fits under the cap; says what was refused.
pub(super) fn insert(
    value: &mut Zeroizing<String>,
    cursor: &mut usize,
    text: &str,
    max: usize,
    charset: Charset,
    newlines: bool,
) -> Result<(), Refused> {
    let mut refused = None;
    for c in text.chars().filter(|&c| allowed_char(c) || (newlines && c == '\n')) {
        if !charset.allows(c) {
            refused.get_or_insert(Refused::NotAllowed);
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
