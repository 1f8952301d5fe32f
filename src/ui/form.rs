//! Forms: a list of fields with one in focus. Text is cleaned as it arrives (typed or pasted),
//! capped with a message, and PINs are masked and wiped from memory when dropped.

use zeroize::Zeroizing;

use crate::domain::fields::{FieldError, FieldSpec, Kind, LIST_SEP, Options, option_list};
use crate::domain::record::{Raw, RuntimeOptions};
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
    fn allows(self, c: char) -> bool {
        match self {
            Charset::Any => true,
            Charset::Digits => c.is_ascii_digit(),
            Charset::Date => c.is_ascii_digit() || c == '-',
            Charset::DateTime => c.is_ascii_digit() || "-: T".contains(c),
            Charset::Minutes => c.is_ascii_digit() || c == ':',
            Charset::Money => c.is_ascii_digit() || ".,$".contains(c),
        }
    }

    /// What the field expects, shown when a character is refused.
    fn hint(self) -> Msg {
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
    typed: String,
}

#[derive(Debug)]
pub enum FieldKind {
    Text {
        value: Zeroizing<String>,
        cursor: usize,
        masked: bool,
        max: usize,
        charset: Charset,
    },
    /// Several lines: Enter starts a new line.
    Notes {
        value: Zeroizing<String>,
        cursor: usize,
        max: usize,
    },
    /// One of the options, as (stored id, label); None until chosen.
    Choice {
        options: Vec<(String, String)>,
        selected: Option<usize>,
        typed: String,
        popup: Option<Popup>,
    },
    /// Any number of the options.
    Many {
        options: Vec<(String, String)>,
        chosen: Vec<bool>,
        popup: Option<Popup>,
    },
}

#[derive(Debug)]
pub struct Field {
    /// The schema key this field fills ("" for forms not built from a schema).
    pub key: &'static str,
    pub label: Msg,
    pub kind: FieldKind,
    pub required: bool,
    pub error: Option<String>,
}

impl Field {
    pub fn text(label: Msg, max: usize) -> Field {
        Field {
            key: "",
            label,
            kind: FieldKind::Text {
                value: Zeroizing::new(String::new()),
                cursor: 0,
                masked: false,
                max,
                charset: Charset::Any,
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
                charset: Charset::Digits,
            },
            ..Field::text(label, 0)
        }
    }

    /// A choice whose options are their own labels, `selected` chosen.
    pub fn choice(label: Msg, options: Vec<String>, selected: usize) -> Field {
        let selected = (selected < options.len()).then_some(selected);
        let options = options.into_iter().map(|o| (o.clone(), o)).collect();
        Field {
            kind: FieldKind::Choice { options, selected, typed: String::new(), popup: None },
            ..Field::text(label, 0)
        }
    }

    /// A field for one entry of a record schema, holding `raw`.
    pub fn from_spec(
        spec: &FieldSpec,
        raw: &str,
        runtime: &[(String, String)],
        lang: Lang,
    ) -> Field {
        let text = |max: usize, charset: Charset| {
            let mut f = Field::text(spec.label, max).with_value(raw);
            if let FieldKind::Text { charset: c, .. } = &mut f.kind {
                *c = charset;
            }
            f.kind
        };
        let options = |o: Options| {
            let fixed = option_list(o, lang);
            if fixed.is_empty() { runtime.to_vec() } else { fixed }
        };
        let kind = match spec.kind {
            Kind::Line { max } => text(max, Charset::Any),
            Kind::Notes { max } => FieldKind::Notes {
                cursor: raw.chars().count(),
                value: Zeroizing::new(raw.to_string()),
                max,
            },
            Kind::One(o) => {
                let options = options(o);
                let selected =
                    options.iter().position(|(id, _)| id.eq_ignore_ascii_case(raw.trim()));
                FieldKind::Choice { options, selected, typed: String::new(), popup: None }
            }
            Kind::Many(o) => {
                let options = options(o);
                let picked: Vec<&str> = raw.split(LIST_SEP).map(str::trim).collect();
                let chosen = options.iter().map(|(id, _)| picked.contains(&id.as_str())).collect();
                FieldKind::Many { options, chosen, popup: None }
            }
            Kind::Date => text(10, Charset::Date),
            Kind::DateTime => text(16, Charset::DateTime),
            Kind::Minutes => text(5, Charset::Minutes),
            Kind::Whole { .. } => text(6, Charset::Digits),
            Kind::Money => text(14, Charset::Money),
        };
        Field { key: spec.key, label: spec.label, kind, required: spec.required, error: None }
    }

    pub fn with_value(mut self, v: &str) -> Field {
        if let FieldKind::Text { value, cursor, .. } | FieldKind::Notes { value, cursor, .. } =
            &mut self.kind
        {
            value.clear();
            value.push_str(v);
            *cursor = v.chars().count();
        }
        self
    }

    pub fn with_charset(mut self, c: Charset) -> Field {
        if let FieldKind::Text { charset, .. } = &mut self.kind {
            *charset = c;
        }
        self
    }

    pub fn is_text(&self) -> bool {
        matches!(self.kind, FieldKind::Text { .. } | FieldKind::Notes { .. })
    }

    pub fn is_notes(&self) -> bool {
        matches!(self.kind, FieldKind::Notes { .. })
    }

    pub fn is_choice(&self) -> bool {
        matches!(self.kind, FieldKind::Choice { .. } | FieldKind::Many { .. })
    }

    pub fn popup(&self) -> Option<&Popup> {
        match &self.kind {
            FieldKind::Choice { popup, .. } | FieldKind::Many { popup, .. } => popup.as_ref(),
            _ => None,
        }
    }

    /// The raw text of this field, as the schema reads it.
    pub fn raw(&self) -> String {
        match &self.kind {
            FieldKind::Text { value, .. } | FieldKind::Notes { value, .. } => value.to_string(),
            FieldKind::Choice { options, selected, .. } => {
                selected.and_then(|i| options.get(i)).map(|(id, _)| id.clone()).unwrap_or_default()
            }
            FieldKind::Many { options, chosen, .. } => options
                .iter()
                .zip(chosen)
                .filter(|(_, c)| **c)
                .map(|(o, _)| o.0.as_str())
                .collect::<Vec<_>>()
                .join(&LIST_SEP.to_string()),
        }
    }
}

#[derive(Debug, Default)]
pub struct Form {
    pub fields: Vec<Field>,
    pub focus: usize,
    /// Something was typed since the form opened (or was last saved as a draft, see `revision`).
    pub dirty: bool,
    /// Counts changes, so that a draft is written once per change.
    pub revision: u64,
    /// A message about the last key (a cap reached, a character refused).
    pub notice: Option<String>,
    /// The columns the focused notes field was last drawn wrapped at (0: not drawn yet), so that
    /// Up and Down move the cursor by the rows the user sees.
    pub notes_width: std::cell::Cell<usize>,
}

impl Form {
    pub fn new(fields: Vec<Field>) -> Form {
        Form { fields, ..Default::default() }
    }

    /// The options of the choice field `key`, as (stored id, label).
    pub fn runtime_options(&self, key: &str) -> Vec<(String, String)> {
        self.fields
            .iter()
            .find(|f| f.key == key)
            .map(|f| match &f.kind {
                FieldKind::Choice { options, .. } | FieldKind::Many { options, .. } => {
                    options.clone()
                }
                _ => Vec::new(),
            })
            .unwrap_or_default()
    }

    /// A form for a record schema, filled from `raw`; `runtime` supplies the options the schema
    /// leaves to run time.
    pub fn from_schema(
        schema: &[FieldSpec],
        raw: &Raw,
        runtime: &RuntimeOptions,
        lang: Lang,
    ) -> Form {
        Form::new(
            schema
                .iter()
                .map(|s| {
                    let value = raw.get(s.key).map(String::as_str).unwrap_or("");
                    let opts = runtime.get(s.key).map(Vec::as_slice).unwrap_or(&[]);
                    Field::from_spec(s, value, opts, lang)
                })
                .collect(),
        )
    }

    /// Every keyed field's raw text.
    pub fn raw(&self) -> Raw {
        self.fields
            .iter()
            .filter(|f| !f.key.is_empty())
            .map(|f| (f.key.to_string(), f.raw()))
            .collect()
    }

    /// Put schema errors on their fields (in `lang`), focusing the first.
    pub fn show_errors(&mut self, errors: &[FieldError], lang: Lang) {
        let mut first = None;
        for e in errors {
            if let Some(i) = self.fields.iter().position(|f| f.key == e.key) {
                let args: Vec<&str> = e.args.iter().map(String::as_str).collect();
                self.fields[i].error = Some(fill(e.msg.text(lang), &args));
                first = Some(first.map_or(i, |f: usize| f.min(i)));
            }
        }
        if let Some(i) = first {
            self.focus_on(i);
        }
    }

    pub fn focused(&self) -> &Field {
        &self.fields[self.focus]
    }

    pub fn is_last(&self) -> bool {
        self.focus + 1 == self.fields.len()
    }

    /// A choice's list is open on the focused field: it takes the keys.
    pub fn popup_open(&self) -> bool {
        self.focused().popup().is_some()
    }

    pub fn next(&mut self) {
        self.close_popup();
        self.focus = (self.focus + 1) % self.fields.len();
        self.reset_typed();
    }

    pub fn prev(&mut self) {
        self.close_popup();
        self.focus = (self.focus + self.fields.len() - 1) % self.fields.len();
        self.reset_typed();
    }

    pub fn focus_on(&mut self, i: usize) {
        self.close_popup();
        self.focus = i.min(self.fields.len().saturating_sub(1));
        self.reset_typed();
    }

    fn close_popup(&mut self) {
        if let Some(f) = self.fields.get_mut(self.focus)
            && let FieldKind::Choice { popup, .. } | FieldKind::Many { popup, .. } = &mut f.kind
        {
            *popup = None;
        }
    }

    fn reset_typed(&mut self) {
        if let FieldKind::Choice { typed, .. } = &mut self.fields[self.focus].kind {
            typed.clear();
        }
    }

    pub fn text(&self, i: usize) -> &str {
        match &self.fields[i].kind {
            FieldKind::Text { value, .. } | FieldKind::Notes { value, .. } => value.as_str(),
            FieldKind::Choice { options, selected, .. } => {
                selected.and_then(|s| options.get(s)).map(|o| o.1.as_str()).unwrap_or("")
            }
            FieldKind::Many { .. } => "",
        }
    }

    /// Every field's text, as copies that are wiped when dropped.
    pub fn values(&self) -> Vec<Zeroizing<String>> {
        (0..self.fields.len()).map(|i| Zeroizing::new(self.text(i).to_string())).collect()
    }

    /// The index chosen in a one-of field.
    pub fn choice(&self, i: usize) -> usize {
        match &self.fields[i].kind {
            FieldKind::Choice { selected, .. } => selected.unwrap_or(0),
            _ => 0,
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
            if f.required && f.raw().trim().is_empty() {
                f.error = Some(Msg::ErrRequiredShort.text(lang).to_string());
                first_missing.get_or_insert(i);
            }
        }
        if let Some(i) = first_missing {
            self.focus_on(i);
        }
        first_missing.is_none()
    }

    /// How many fields show an error.
    pub fn error_count(&self) -> usize {
        self.fields.iter().filter(|f| f.error.is_some()).count()
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

    /// Up or Down in a notes field: move the cursor one row as drawn, keeping its column. False
    /// on the first (last) row, or before the field was ever drawn: the key then moves between
    /// fields.
    pub fn notes_row(&mut self, down: bool) -> bool {
        let width = self.notes_width.get();
        let FieldKind::Notes { value, cursor, .. } = &mut self.fields[self.focus].kind else {
            return false;
        };
        if width == 0 {
            return false;
        }
        let rows = crate::ui::wrap::rows(value, width);
        let (row, col) = crate::ui::wrap::locate(&rows, *cursor);
        let target = if down { row + 1 } else { row.wrapping_sub(1) };
        let Some(r) = rows.get(target) else { return false };
        *cursor = r.start + col.min(r.end - r.start);
        true
    }

    fn changed(&mut self) {
        self.fields[self.focus].error = None;
        self.dirty = true;
        self.revision += 1;
    }

    /// Edit the focused field with a key. Returns true when the form changed.
    pub fn edit(&mut self, key: Key, lang: Lang) -> bool {
        self.notice = None;
        let field = &mut self.fields[self.focus];
        let label = field.label;
        let mut advance = false;
        let changed = match &mut field.kind {
            FieldKind::Text { value, cursor, max, charset, .. } => match key {
                Key::Char(c) => {
                    match insert(value, cursor, &c.to_string(), *max, *charset, false) {
                        Ok(()) => true,
                        Err(r) => {
                            self.notice = Some(notice(r, label, *max, *charset, lang));
                            false
                        }
                    }
                }
                other => edit_cursor(value, cursor, other),
            },
            FieldKind::Notes { value, cursor, max } => match key {
                Key::Char(c) => insert_or_notice(
                    value,
                    cursor,
                    &c.to_string(),
                    *max,
                    label,
                    lang,
                    &mut self.notice,
                ),
                Key::Enter => {
                    insert_or_notice(value, cursor, "\n", *max, label, lang, &mut self.notice)
                }
                other => edit_cursor(value, cursor, other),
            },
            FieldKind::Choice { options, selected, typed, popup } => {
                let (c, adv) = edit_choice(options, selected, typed, popup, key);
                advance = adv;
                c
            }
            FieldKind::Many { options, chosen, popup } => {
                let (c, adv) = edit_many(options, chosen, popup, key);
                advance = adv;
                c
            }
        };
        if changed {
            self.changed();
        }
        if advance && !self.is_last() {
            self.next();
        }
        changed
    }

    /// Pasted text arrives as text: in a one-line field newlines become spaces (never Enter);
    /// controls are dropped.
    pub fn paste(&mut self, text: &str, lang: Lang) -> bool {
        self.notice = None;
        let field = &mut self.fields[self.focus];
        let label = field.label;
        let result = match &mut field.kind {
            FieldKind::Text { value, cursor, max, charset, .. } => {
                let line: String = text
                    .chars()
                    .map(|c| if matches!(c, '\n' | '\r' | '\t') { ' ' } else { c })
                    .collect();
                insert(value, cursor, &line, *max, *charset, false).map_err(|r| (r, *max, *charset))
            }
            FieldKind::Notes { value, cursor, max } => {
                let t = text.replace("\r\n", "\n").replace('\r', "\n");
                insert(value, cursor, &t, *max, Charset::Any, true)
                    .map_err(|r| (r, *max, Charset::Any))
            }
            _ => return false,
        };
        if let Err((r, max, charset)) = result {
            self.notice = Some(notice(r, label, max, charset, lang));
        }
        self.changed();
        true
    }
}

fn insert_or_notice(
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
fn edit_cursor(value: &mut Zeroizing<String>, cursor: &mut usize, key: Key) -> bool {
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
        _ => false,
    }
}

/// The first option whose label starts with `prefix`, ignoring case and accents.
fn find_prefix(options: &[(String, String)], prefix: &str) -> Option<usize> {
    let p = fold(prefix);
    options.iter().position(|(_, label)| fold(label).starts_with(&p))
}

/// Letters typed in a row narrow the choice; a letter that matches nothing starts afresh.
fn jump(options: &[(String, String)], typed: &mut String, c: char) -> Option<usize> {
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
fn edit_choice(
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
        Key::Enter => {
            *popup = Some(Popup { highlight: selected.unwrap_or(0), typed: String::new() });
            (false, false)
        }
        Key::Right | Key::Char(' ') => {
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
        _ => (false, false),
    }
}

/// Keys on a many-of field: Enter opens the list, Space ticks, Enter closes.
fn edit_many(
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
enum Refused {
    TooLong,
    NotAllowed,
}

fn notice(r: Refused, label: Msg, max: usize, charset: Charset, lang: Lang) -> String {
    match r {
        Refused::TooLong => fill(Msg::ErrTooLong.text(lang), &[label.text(lang), &max.to_string()]),
        Refused::NotAllowed => {
            format!(
                "{}: {}",
                label.text(lang),
                fill(charset.hint().text(lang), &[label.text(lang)])
            )
        }
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

#[cfg(test)]
mod schema_tests {
    use super::*;
    use crate::domain::{client, contact, tip};
    use crate::ui::screens::LABEL_W;

    #[test]
    fn every_schema_label_fits_its_column_in_both_languages() {
        let client_forms =
            client::FIELDS.iter().chain(client::SERVICE_FIELDS).chain(client::NOTE_FIELDS);
        for spec in contact::FIELDS
            .iter()
            .chain(tip::FIELDS)
            .chain(client_forms.chain(client::STATUS_FIELDS))
        {
            for lang in [Lang::En, Lang::Es] {
                let label = spec.label.text(lang);
                // Two columns go to the focus marker and the required mark.
                assert!(label.chars().count() + 2 <= LABEL_W as usize, "{label:?} is too long");
            }
        }
    }

    #[test]
    fn schema_forms_round_trip_their_raw_values_and_keep_declined_distinct() {
        let mut raw = contact::defaults("2026-11-28T20:00:00Z".parse().unwrap());
        raw.insert("minor".into(), "declined".into());
        raw.insert("topics".into(), "shelter;legal".into());
        let form = Form::from_schema(contact::FIELDS, &raw, &RuntimeOptions::new(), Lang::Es);
        let back = form.raw();
        assert_eq!(back["minor"], "declined");
        assert_eq!(back["topics"], "shelter;legal");
        assert_eq!(back["started_at"], raw["started_at"]);
        assert_eq!(back["caller_type"], "", "nothing chosen yet");
    }

    #[test]
    fn enter_opens_a_choice_picks_and_moves_on() {
        let raw = contact::defaults("2026-11-28T20:00:00Z".parse().unwrap());
        let mut f = Form::from_schema(contact::FIELDS, &raw, &RuntimeOptions::new(), Lang::En);
        f.focus_on(8); // county or tribal nation
        f.edit(Key::Enter, Lang::En);
        assert!(f.popup_open());
        for c in "dona".chars() {
            f.edit(Key::Char(c), Lang::En);
        }
        f.edit(Key::Enter, Lang::En);
        assert!(!f.popup_open());
        assert_eq!(f.raw()["area"], "Doña Ana County");
        assert_eq!(f.focus, 9, "picking moves to the next field");
        // Many-of: Enter opens, Space ticks, Enter closes.
        f.edit(Key::Enter, Lang::En);
        f.edit(Key::Char(' '), Lang::En);
        f.edit(Key::Down, Lang::En);
        f.edit(Key::Char(' '), Lang::En);
        f.edit(Key::Enter, Lang::En);
        assert_eq!(f.raw()["topics"], "safety;shelter");
        // Esc closes a list without changing the choice.
        f.focus_on(0);
        f.edit(Key::Enter, Lang::En);
        f.edit(Key::Down, Lang::En);
        f.edit(Key::Esc, Lang::En);
        assert_eq!(f.raw()["channel"], "call");
    }

    #[test]
    fn notes_take_enter_and_typed_formats_refuse_stray_characters() {
        let raw = contact::defaults("2026-11-28T20:00:00Z".parse().unwrap());
        let mut f = Form::from_schema(contact::FIELDS, &raw, &RuntimeOptions::new(), Lang::En);
        let notes = f.fields.iter().position(|x| x.key == "notes").unwrap();
        f.focus_on(notes);
        for k in [Key::Char('a'), Key::Enter, Key::Char('b')] {
            f.edit(k, Lang::En);
        }
        assert_eq!(f.raw()["notes"], "a\nb");
        let dur = f.fields.iter().position(|x| x.key == "duration_min").unwrap();
        f.focus_on(dur);
        assert!(!f.edit(Key::Char('x'), Lang::En));
        assert!(f.notice.as_deref().unwrap().contains("minutes"));
        f.edit(Key::Char('1'), Lang::En);
        f.edit(Key::Char(':'), Lang::En);
        f.edit(Key::Char('0'), Lang::En);
        assert_eq!(f.raw()["duration_min"], "1:0");
        let before = f.revision;
        f.paste("2\r\nx", Lang::En);
        assert_eq!(f.raw()["duration_min"], "1:02");
        assert!(f.revision > before);
    }
}
