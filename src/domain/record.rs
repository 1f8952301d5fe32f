//! Reading a whole record from raw field texts (a form's fields, a draft, a CSV row) through its
//! schema: every field is parsed, every problem is collected.

use std::collections::HashMap;

use crate::domain::fields::{FieldError, FieldSpec, Kind, Value, option_list, parse};
use crate::i18n::Lang;

/// Raw text of each field by key; multi-valued fields joined with ';'.
pub type Raw = HashMap<String, String>;

/// Options the schema leaves to run time (staff, agencies), by field key.
pub type RuntimeOptions = HashMap<&'static str, Vec<(String, String)>>;

/// The valid option ids of a choice field.
pub fn ids(spec: &FieldSpec, runtime: &RuntimeOptions) -> Vec<String> {
    match spec.kind {
        Kind::One(o) | Kind::Many(o) => {
            let fixed = option_list(o, Lang::En);
            let list = if fixed.is_empty() {
                runtime.get(spec.key).cloned().unwrap_or_default()
            } else {
                fixed
            };
            list.into_iter().map(|(id, _)| id).collect()
        }
        _ => Vec::new(),
    }
}

/// Parse every field of `schema` from `raw`; the values by key, or every problem found.
pub fn parse_all(
    schema: &[FieldSpec],
    raw: &Raw,
    runtime: &RuntimeOptions,
) -> Result<HashMap<&'static str, Value>, Vec<FieldError>> {
    let mut values = HashMap::new();
    let mut errors = Vec::new();
    for spec in schema {
        let text = raw.get(spec.key).map(String::as_str).unwrap_or("");
        match parse(spec, text, &ids(spec, runtime)) {
            Ok(v) => {
                values.insert(spec.key, v);
            }
            Err(e) => errors.push(e),
        }
    }
    if errors.is_empty() { Ok(values) } else { Err(errors) }
}

/// Helpers to take typed values out of a parsed record.
pub struct Values(pub HashMap<&'static str, Value>);

impl Values {
    pub fn text(&self, key: &str) -> Option<String> {
        self.0.get(key).and_then(|v| v.text()).map(str::to_string)
    }
    pub fn one(&self, key: &str) -> String {
        self.text(key).unwrap_or_default()
    }
    pub fn many(&self, key: &str) -> Vec<String> {
        match self.0.get(key) {
            Some(Value::Many(v)) => v.clone(),
            _ => Vec::new(),
        }
    }
    pub fn time(&self, key: &str) -> Option<jiff::Timestamp> {
        match self.0.get(key) {
            Some(Value::DateTime(t)) => Some(*t),
            _ => None,
        }
    }
    pub fn date(&self, key: &str) -> Option<jiff::civil::Date> {
        match self.0.get(key) {
            Some(Value::Date(d)) => Some(*d),
            _ => None,
        }
    }
    pub fn number(&self, key: &str) -> Option<i64> {
        match self.0.get(key) {
            Some(Value::Minutes(n) | Value::Whole(n) | Value::Cents(n)) => Some(*n),
            _ => None,
        }
    }
}
