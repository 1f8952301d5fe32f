//! Forms: a list of fields with one in focus. Text is cleaned as it arrives (typed or pasted),
//! capped with a message, and PINs are masked and wiped from memory when dropped.

use zeroize::Zeroizing;

use crate::domain::fields::{FieldError, FieldSpec, Kind, LIST_SEP, Options, option_list};
use crate::domain::record::{Raw, RuntimeOptions};
use crate::i18n::{Lang, Msg, fill};
use crate::ui::keymap::Key;

mod edit;
mod values;
pub use edit::{Charset, Popup};
use edit::{edit_choice, edit_cursor, edit_many, insert, insert_or_notice, notice};

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
    /// The time field this one stamps with the time now when first filled (`FieldSpec::stamps`).
    pub stamps: Option<&'static str>,
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
            stamps: None,
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
        let (key, label, required, stamps) = (spec.key, spec.label, spec.required, spec.stamps);
        Field { key, label, kind, required, error: None, stamps }
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
    /// The fields that have stamped their time field (`Field::stamps`), once each.
    pub stamped: Vec<&'static str>,
}

impl Form {
    pub fn new(fields: Vec<Field>) -> Form {
        Form { fields, ..Default::default() }
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
        let rows = crate::ui::widgets::wrap::rows(value, width);
        let (row, col) = crate::ui::widgets::wrap::locate(&rows, *cursor);
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

#[cfg(test)]
mod tests;
