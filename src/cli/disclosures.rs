//! `intake report disclosures`: the agency's disclosures over a period, counted by kind and
//! recipient (and by recipient's name in the agency's own view), with how many people were
//! told; for its own oversight. The shared view (--shareable, and always --task-force) names
//! no recipient and shows a count under 11 as "<11".

use crate::domain::client::disclosure::{KINDS, RECIPIENTS};
use crate::domain::directory::label;
use crate::domain::report::{Period, SMALL};
use crate::error::{Error, Result};
use crate::i18n::{Lang, Msg};
use crate::store::Store;
use crate::store::disclosures::{self, Count};
use crate::store::users::User;

use super::report::Format;

/// A count as shown: suppressed under SMALL when shared.
fn shown(n: i64, shared: bool) -> String {
    if shared && n > 0 && n < SMALL { format!("<{SMALL}") } else { n.to_string() }
}

/// A count in JSON: the number, or "<11" when shared and small.
fn shown_json(n: i64, shared: bool) -> serde_json::Value {
    if shared && n > 0 && n < SMALL {
        serde_json::json!(format!("<{SMALL}"))
    } else {
        serde_json::json!(n)
    }
}

/// The rows of the report: who may run it, over which agency (None: every agency).
pub fn counts(
    store: &Store,
    u: &User,
    period: Period,
    shared: bool,
    task_force: bool,
) -> Result<Vec<Count>> {
    if !u.role.sees_reports() {
        return Err(Error::user(Msg::ErrReportsRole));
    }
    if task_force && !u.role.administers() {
        return Err(Error::user(Msg::ErrTaskForceRole));
    }
    let agency = if task_force { None } else { Some(u.agency_id) };
    disclosures::counts(store.conn(), agency, period.from, period.to, shared || task_force)
}

/// The report in `format`.
pub fn render(rows: &[Count], period: Period, shared: bool, format: Format, lang: Lang) -> String {
    // The shared view names no recipient: the column goes.
    let keep = |i: usize| !(shared && i == 2);
    let cells = |c: &Count| -> Vec<String> {
        [
            label(KINDS, &c.kind, lang),
            label(RECIPIENTS, &c.recipient_kind, lang),
            c.recipient.clone().unwrap_or_default(),
            shown(c.n, shared),
            shown(c.told, shared),
            shown(c.not_safe, shared),
        ]
        .into_iter()
        .enumerate()
        .filter(|(i, _)| keep(*i))
        .map(|(_, v)| v)
        .collect()
    };
    let heads: Vec<String> = [
        Msg::FieldDiscKind,
        Msg::FieldRecipientKind,
        Msg::FieldRecipient,
        Msg::ColDisclosures,
        Msg::ToldYes,
        Msg::ToldNotSafe,
    ]
    .iter()
    .enumerate()
    .filter(|(i, _)| keep(*i))
    .map(|(_, m)| m.text(lang).to_string())
    .collect();
    let first_count = if shared { 2 } else { 3 };
    let title = format!("{} · {} – {}", Msg::RepDisclosures.text(lang), period.from, period.to);
    match format {
        Format::Csv => {
            let mut out = heads.join(",");
            out.push('\n');
            for c in rows {
                let line: Vec<String> =
                    cells(c).iter().map(|v| crate::domain::text::csv_safe(v)).collect();
                out.push_str(&line.join(","));
                out.push('\n');
            }
            out
        }
        Format::Json => {
            let list: Vec<serde_json::Value> = rows
                .iter()
                .map(|c| {
                    serde_json::json!({
                        "kind": c.kind,
                        "recipient_kind": c.recipient_kind,
                        "recipient": c.recipient,
                        "disclosures": shown_json(c.n, shared),
                        "told": shown_json(c.told, shared),
                        "not_safe_to_tell": shown_json(c.not_safe, shared),
                    })
                })
                .collect();
            let doc = serde_json::json!({
                "report": "disclosures",
                "from": period.from.to_string(),
                "to": period.to.to_string(),
                "shareable": shared,
                "rows": list,
            });
            serde_json::to_string_pretty(&doc).unwrap_or_default()
        }
        Format::Html => {
            use super::report_html::escape;
            let mut out = format!(
                "<!doctype html>\n<html lang=\"{}\"><head><meta charset=\"utf-8\"><title>{t}</title></head><body>\n<h1>{t}</h1>\n<table>\n<tr>",
                lang.id(),
                t = escape(&title)
            );
            for h in &heads {
                out.push_str(&format!("<th>{}</th>", escape(h)));
            }
            out.push_str("</tr>\n");
            for c in rows {
                out.push_str("<tr>");
                for v in cells(c) {
                    out.push_str(&format!("<td>{}</td>", escape(&v)));
                }
                out.push_str("</tr>\n");
            }
            if rows.is_empty() {
                out.push_str(&format!(
                    "<tr><td>{}</td></tr>\n",
                    escape(Msg::RepNoDisclosures.text(lang))
                ));
            }
            out.push_str("</table>\n</body></html>\n");
            out
        }
        Format::Table => {
            let all: Vec<Vec<String>> = rows.iter().map(cells).collect();
            let mut widths: Vec<usize> = heads.iter().map(|h| h.chars().count()).collect();
            for r in &all {
                for (i, v) in r.iter().enumerate() {
                    widths[i] = widths[i].max(v.chars().count());
                }
            }
            let line = |r: &[String]| -> String {
                let parts: Vec<String> = r
                    .iter()
                    .enumerate()
                    .map(|(i, v)| {
                        let pad = widths[i].saturating_sub(v.chars().count());
                        if i >= first_count {
                            format!("{}{v}", " ".repeat(pad))
                        } else {
                            format!("{v}{}", " ".repeat(pad))
                        }
                    })
                    .collect();
                parts.join("  ").trim_end().to_string()
            };
            let mut out = format!("{title}\n\n{}\n", line(&heads));
            for r in &all {
                out.push_str(&line(r));
                out.push('\n');
            }
            if all.is_empty() {
                out.push_str(Msg::RepNoDisclosures.text(lang));
                out.push('\n');
            }
            out
        }
    }
}
