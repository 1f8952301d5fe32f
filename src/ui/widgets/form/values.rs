//! Values a form takes other than by keys: the options a choice offers, and the time now, for
//! "now" typed in a time field and for a time a field stamps when it is first filled in.

use jiff::Timestamp;

use super::{Charset, FieldKind, Form};
use crate::domain::fields::format_local_datetime;

/// The words that stand for the time now, and for today, in both languages.
const NOW: &[&str] = &["now", "ahora"];
const TODAY: &[&str] = &["today", "hoy"];

impl Form {
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

    /// "now" (or "ahora") in a time field becomes the time it is, "today" (or "hoy") in a date
    /// field the day; a time field another field stamps takes the time now when that field is
    /// filled in and it is still empty. Returns true when the form changed.
    pub fn fill_now(&mut self, now: Timestamp) -> bool {
        let time = format_local_datetime(now);
        let day = time[..10].to_string();
        // A field stamps its time field once, when it is first filled in: a time cleared by
        // hand afterwards stays cleared, to be retyped.
        let mut stamped = Vec::new();
        for f in &self.fields {
            if let Some(target) = f.stamps
                && !f.raw().trim().is_empty()
                && !self.stamped.contains(&f.key)
            {
                stamped.push(target);
                self.stamped.push(f.key);
            }
        }
        let mut changed = false;
        for f in &mut self.fields {
            let FieldKind::Text { value, cursor, charset, .. } = &mut f.kind else { continue };
            let word = value.trim().to_lowercase();
            let new = match charset {
                Charset::DateTime if NOW.contains(&word.as_str()) => &time,
                Charset::DateTime if word.is_empty() && stamped.contains(&f.key) => &time,
                Charset::Date if TODAY.contains(&word.as_str()) => &day,
                _ => continue,
            };
            value.clear();
            value.push_str(new);
            *cursor = new.chars().count();
            f.error = None;
            changed = true;
        }
        if changed {
            self.dirty = true;
            self.revision += 1;
        }
        changed
    }
}
