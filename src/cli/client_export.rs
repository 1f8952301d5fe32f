//! `intake client export`: everything held about one person, for that person, as a readable
//! text file in their language and as JSON. Every label and coded value comes from the forms'
//! own field lists and the message catalogue.

use std::path::{Path, PathBuf};

use jiff::Timestamp;
use rusqlite::types::Value;

use crate::domain::fields::{FieldSpec, Kind, Options, format_cents};
use crate::domain::{client, contact, fund, referral, time};
use crate::error::{Error, Result};
use crate::i18n::{Lang, Msg, fill};
use crate::store::Store;
use crate::store::clients::export::Section;

fn heading(key: &str) -> Msg {
    match key {
        "record" => Msg::ExportSecRecord,
        "versions" => Msg::ExportSecVersions,
        "status" => Msg::ExportSecStatus,
        "services" => Msg::ExportSecServices,
        "notes" => Msg::ExportSecNotes,
        "contacts" => Msg::ExportSecContacts,
        "screenings" => Msg::ExportSecScreenings,
        "answers" => Msg::ExportSecAnswers,
        "referrals" => Msg::ExportSecReferrals,
        "referral_status" => Msg::ExportSecReferralStatus,
        "relief" => Msg::RepRelief,
        "releases" => Msg::TitleRelease,
        _ => Msg::ExportSecPayments,
    }
}

/// The field lists whose labels and options a section's columns take, in order of preference;
/// the contacts' last (screenings share their reporting fields).
fn specs(section: &str) -> &'static [&'static [FieldSpec]] {
    match section {
        "record" | "versions" => &[client::FIELDS, contact::FIELDS],
        "status" => &[client::STATUS_FIELDS, contact::FIELDS],
        "relief" => &[client::RELIEF_FIELDS, contact::FIELDS],
        "releases" => {
            &[client::release::RELEASE_FIELDS, client::release::REVOKE_FIELDS, contact::FIELDS]
        }
        "services" => &[client::SERVICE_FIELDS, contact::FIELDS],
        "notes" => &[client::NOTE_FIELDS, contact::FIELDS],
        "referrals" => &[referral::FIELDS, referral::STATUS_FIELDS, contact::FIELDS],
        "referral_status" => &[referral::STATUS_FIELDS, contact::FIELDS],
        "payments" => &[fund::PAYMENT_FIELDS, fund::VOID_FIELDS, contact::FIELDS],
        _ => &[contact::FIELDS],
    }
}

fn spec(section: &str, key: &str) -> Option<&'static FieldSpec> {
    specs(section).iter().flat_map(|s| s.iter()).find(|f| f.key == key)
}

/// The label of a column no form has.
fn own_label(key: &str) -> Option<Msg> {
    Some(match key {
        "record" => Msg::ColRecord,
        "at" => Msg::ColWhen,
        "who" => Msg::ColBy,
        "day" => Msg::FieldOnDate,
        "status" => Msg::FieldStatus,
        "intake_on" => Msg::ColIntake,
        "external_ref" => Msg::ExportExternalRef,
        "entered" => Msg::ExportEntered,
        "previous" => Msg::ExportPrevious,
        "note" => Msg::ExportNoteNumber,
        "version" => Msg::ExportVersion,
        "tool" => Msg::FieldTool,
        "started" => Msg::ExportStarted,
        "closed" => Msg::ExportClosed,
        "level" => Msg::ExportLevel,
        "result" => Msg::ExportResult,
        "item" => Msg::ColQuestion,
        "answer" => Msg::FieldAnswer,
        "source" => Msg::FieldAnswerSource,
        "comment" => Msg::ExportComment,
        "service" => Msg::ExportService,
        _ => return None,
    })
}

/// A column's label: the form's own for a field, else the export's.
pub fn label(section: &str, key: &str) -> Option<Msg> {
    if key == "status" {
        return Some(Msg::FieldStatus);
    }
    spec(section, key).map(|f| f.label).or_else(|| own_label(key))
}

/// The options a coded column's values are labelled from.
fn options(section: &str, key: &str) -> Option<&'static [(&'static str, Msg)]> {
    match (section, key) {
        ("record", "status") | ("status", "status") => return Some(client::STATUSES),
        ("referrals" | "referral_status", "status") => return Some(referral::STATUSES),
        ("payments", "status") => return Some(fund::STATUSES),
        ("answers", "answer") => return Some(ANSWERS),
        ("answers", "source") => return Some(SOURCES),
        _ => {}
    }
    match spec(section, key)?.kind {
        Kind::One(Options::Fixed(list)) | Kind::Many(Options::Fixed(list)) => Some(list),
        _ => None,
    }
}

const ANSWERS: &[(&str, Msg)] = &[
    ("yes", Msg::OptYes),
    ("no", Msg::OptNo),
    ("declined", Msg::OptDeclined),
    ("unknown", Msg::OptUnknown),
    ("skipped", Msg::AnsSkipped),
    ("not_applicable", Msg::AnsNotApplicable),
];

const SOURCES: &[(&str, Msg)] =
    &[("said", Msg::SrcSaid), ("observed", Msg::SrcObserved), ("records", Msg::SrcRecords)];

/// A value as the person reads it: coded values by their label, lists joined, stored times in
/// Denver time, money in dollars.
fn shown(section: &str, key: &str, v: &Value, lang: Lang) -> Option<String> {
    let text = match v {
        Value::Null => return None,
        Value::Integer(n) if key == "amount" => return Some(format_cents(*n)),
        Value::Integer(n) => return Some(n.to_string()),
        Value::Real(f) => return Some(f.to_string()),
        Value::Blob(_) => return None,
        Value::Text(t) => t,
    };
    if text.is_empty() || text == "[]" {
        return None;
    }
    if section == "screenings" && key == "result" {
        let status = crate::domain::screening::Status::parse(text);
        return Some(status.map_or_else(|| text.clone(), |s| s.label(lang).to_string()));
    }
    if let Some(Kind::One(Options::Areas)) = spec(section, key).map(|f| f.kind) {
        let areas = crate::domain::fields::option_list(Options::Areas, lang);
        return Some(areas.into_iter().find(|(id, _)| id == text).map_or(text.clone(), |(_, l)| l));
    }
    if let Some(list) = options(section, key) {
        let name = |id: &str| crate::domain::directory::label(list, id, lang);
        return Some(match serde_json::from_str::<Vec<String>>(text) {
            Ok(ids) => ids.iter().map(|i| name(i)).collect::<Vec<_>>().join(", "),
            Err(_) => name(text),
        });
    }
    let stored_time = text.len() == 20 && text.ends_with('Z') && text.as_bytes()[10] == b'T';
    Some(if stored_time { time::show_db(text) } else { text.clone() })
}

/// The readable file: a title, then each section with its rows as "label: value" lines.
pub fn text(sections: &[Section], id: i64, now: Timestamp, lang: Lang) -> String {
    let mut out = String::new();
    out.push_str(&fill(Msg::ExportTitle.text(lang), &[&id.to_string(), &time::show(now)]));
    out.push_str("\n\n");
    for s in sections {
        let title = heading(s.key).text(lang);
        out.push_str(&format!("{title}\n{}\n", "=".repeat(title.chars().count())));
        if s.rows.is_empty() {
            out.push_str(&format!("  {}\n", Msg::ExportNone.text(lang)));
        }
        for (i, row) in s.rows.iter().enumerate() {
            if i > 0 {
                out.push('\n');
            }
            for (key, v) in row {
                let Some(name) = label(s.key, key) else { continue };
                if key == "previous" {
                    out.push_str(&format!("  {}:\n", name.text(lang)));
                    let old: serde_json::Map<String, serde_json::Value> = match v {
                        Value::Text(t) => serde_json::from_str(t).unwrap_or_default(),
                        _ => Default::default(),
                    };
                    for (k, val) in old {
                        let val = match val {
                            serde_json::Value::String(s) => Value::Text(s),
                            serde_json::Value::Null => Value::Null,
                            other => Value::Text(other.to_string()),
                        };
                        if let (Some(l), Some(shown)) =
                            (label("record", &k), shown("record", &k, &val, lang))
                        {
                            out.push_str(&format!("    {}: {shown}\n", l.text(lang)));
                        }
                    }
                    continue;
                }
                if let Some(value) = shown(s.key, key, v, lang) {
                    out.push_str(&format!("  {}: {value}\n", name.text(lang)));
                }
            }
        }
        out.push('\n');
    }
    out
}

/// The JSON file: each section's rows as objects of their stored values.
pub fn json(sections: &[Section], id: i64, now: Timestamp) -> String {
    let mut all = serde_json::Map::new();
    for s in sections {
        let rows: Vec<serde_json::Value> = s
            .rows
            .iter()
            .map(|row| {
                let obj: serde_json::Map<String, serde_json::Value> = row
                    .iter()
                    .map(|(k, v)| {
                        let v = match v {
                            Value::Null => serde_json::Value::Null,
                            Value::Integer(n) => serde_json::Value::from(*n),
                            Value::Real(f) => serde_json::Value::from(*f),
                            Value::Text(t) => serde_json::Value::from(t.clone()),
                            Value::Blob(_) => serde_json::Value::Null,
                        };
                        (k.clone(), v)
                    })
                    .collect();
                serde_json::Value::Object(obj)
            })
            .collect();
        all.insert(s.key.to_string(), serde_json::Value::Array(rows));
    }
    let doc = serde_json::json!({
        "client": id,
        "exported_at": time::to_db(now),
        "sections": all,
    });
    serde_json::to_string_pretty(&doc).unwrap_or_default()
}

/// Write both files into `dir` (made 0700 when new), each readable by its owner only.
pub fn write(
    dir: &Path,
    id: i64,
    now: Timestamp,
    text: &str,
    json: &str,
) -> Result<(PathBuf, PathBuf)> {
    use std::io::Write;
    use std::os::unix::fs::OpenOptionsExt;
    crate::store::keyfile::ensure_private_dir(dir)?;
    let stem = format!("client-{id}-{}", now.strftime("%Y%m%dT%H%M%SZ"));
    let mut paths = Vec::new();
    for (ext, body) in [("txt", text), ("json", json)] {
        let path = dir.join(format!("{stem}.{ext}"));
        let mut f = std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .mode(0o600)
            .open(&path)
            .map_err(|_| Error::user_with(Msg::ErrExportWrite, &[&path.display().to_string()]))?;
        f.write_all(body.as_bytes())?;
        f.sync_all()?;
        paths.push(path);
    }
    Ok((paths.remove(0), paths.remove(0)))
}

/// `intake client export #N --user U [--dir DIR]`.
pub fn run(
    store: &mut Store,
    record: &str,
    user: &str,
    dir: Option<&Path>,
    lang: Lang,
) -> Result<()> {
    let id = super::lifecycle::record_number(record)?;
    let u = super::records::staff(store, user)?;
    let who = crate::service::Who { user: &u, session_id: None };
    let now = Timestamp::now();
    let sections = crate::service::consent::export_client(store, who, id, now)?;
    let text = text(&sections, id.0, now, lang);
    let json = json(&sections, id.0, now);
    let dir = dir.map(Path::to_path_buf).unwrap_or_else(|| PathBuf::from("."));
    let (t, j) = write(&dir, id.0, now, &text, &json)?;
    put!(
        "{}",
        fill(
            Msg::CliClientExported.text(lang),
            &[&t.display().to_string(), &j.display().to_string()]
        )
    );
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_column_of_every_section_has_a_label_in_both_languages() {
        let tmp = tempfile::tempdir().expect("tmp");
        let store = Store::open(&crate::store::DbPaths::new(tmp.path().join("x.db"), None), true)
            .expect("store");
        let all = crate::store::clients::export::columns(store.conn()).expect("columns");
        assert_eq!(all.len(), 13);
        for (section, cols) in all {
            for col in cols {
                let l =
                    label(section, &col).unwrap_or_else(|| panic!("{section}.{col} has no label"));
                for lang in [Lang::En, Lang::Es] {
                    assert!(!l.text(lang).is_empty());
                }
            }
        }
    }
}
