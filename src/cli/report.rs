//! A report as text for the command line: an aligned table, CSV (formula-safe) or JSON, with
//! small counts hidden when the output is to be shared.

use crate::domain::report::{Report, SMALL, Value, show};
use crate::error::{Error, Result};
use crate::i18n::{Lang, Msg, fill};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Table,
    Csv,
    Json,
    /// One self-contained page with bars, for printing (`report_html`).
    Html,
}

/// The report as text: an aligned table, CSV (formula-safe) or JSON.
pub fn render(r: &Report, format: Format, shareable: bool, lang: Lang) -> Result<String> {
    let title = r.kind.title().text(lang);
    let period =
        fill(Msg::RepPeriod.text(lang), &[&r.period.from.to_string(), &r.period.to.to_string()]);
    match format {
        Format::Table => {
            let mut out = format!("{title}  {period}\n");
            let narrowed = r.filter.describe(lang);
            if !narrowed.is_empty() {
                out.push_str(&format!("{narrowed}\n"));
            }
            // Labels in one column, as wide as the longest.
            let width = r
                .sections
                .iter()
                .flat_map(|s| &s.figures)
                .map(|f| f.label.chars().count())
                .max()
                .unwrap_or(0)
                .max(44);
            for s in &r.sections {
                out.push_str(&format!("\n{}\n", s.title.text(lang)));
                if s.figures.is_empty() {
                    out.push_str(&format!("  {}\n", Msg::RepNothing.text(lang)));
                }
                for f in &s.figures {
                    out.push_str(&format!("  {:<width$} {:>14}\n", f.label, show(f, shareable)));
                }
            }
            Ok(out)
        }
        Format::Csv => {
            let mut w = csv::Writer::from_writer(Vec::new());
            let err = |e: csv::Error| Error::user_with(Msg::ErrCsvRead, &["-", &e.to_string()]);
            // Numbers as numbers, for a spreadsheet: counts and days in `value`, money in
            // dollars in `amount` (no sign or separators), a hidden small count only as
            // `suppressed`.
            w.write_record([
                "report",
                "from",
                "to",
                "section",
                "key",
                "label",
                "value",
                "amount",
                "suppressed",
            ])
            .map_err(err)?;
            for s in &r.sections {
                for f in &s.figures {
                    let hidden = shareable && f.n > 0 && f.n < SMALL;
                    let (value, amount) = match f.value {
                        _ if hidden => (String::new(), String::new()),
                        Value::Count(n) => (n.to_string(), String::new()),
                        Value::Days(Some(d)) => (format!("{d:.1}"), String::new()),
                        Value::Days(None) => (String::new(), String::new()),
                        Value::Cents(c) => (String::new(), plain_dollars(c)),
                    };
                    let cells = [
                        r.kind.id().to_string(),
                        r.period.from.to_string(),
                        r.period.to.to_string(),
                        s.key.to_string(),
                        f.key.clone(),
                        f.label.clone(),
                        value,
                        amount,
                        if hidden { format!("<{SMALL}") } else { String::new() },
                    ];
                    w.write_record(cells.iter().map(|c| crate::domain::text::csv_safe(c)))
                        .map_err(err)?;
                }
            }
            let bytes = w
                .into_inner()
                .map_err(|e| Error::user_with(Msg::ErrCsvRead, &["-", &e.to_string()]))?;
            Ok(String::from_utf8_lossy(&bytes).into_owned())
        }
        Format::Html => Ok(super::report_html::page(std::slice::from_ref(r), shareable, lang)),
        Format::Json => {
            let v = json(r, shareable, lang);
            Ok(format!("{}\n", serde_json::to_string_pretty(&v).unwrap_or_default()))
        }
    }
}

/// Cents as dollars a spreadsheet reads as a number: 150000.00, -12.50.
fn plain_dollars(c: i64) -> String {
    let sign = if c < 0 { "-" } else { "" };
    format!("{sign}{}.{:02}", c.abs() / 100, c.abs() % 100)
}

/// The report as one JSON value (the command line prints several as one array).
pub fn json(r: &Report, shareable: bool, lang: Lang) -> serde_json::Value {
    let title = r.kind.title().text(lang);
    let sections: Vec<serde_json::Value> = r
                .sections
                .iter()
                .map(|s| {
                    serde_json::json!({
                        "key": s.key,
                        "title": s.title.text(lang),
                        "figures": s.figures.iter().map(|f| serde_json::json!({
                            "key": f.key,
                            "label": f.label,
                            // Stands for no person served: the task force's sum shows it whole.
                            "open": f.counts_no_one(),
                            "value": match f.value {
                                _ if shareable && f.n > 0 && f.n < SMALL => serde_json::json!(format!("<{SMALL}")),
                                Value::Count(n) => serde_json::json!(n),
                                Value::Cents(c) => serde_json::json!({ "cents": c }),
                                Value::Days(d) => serde_json::json!(d),
                            },
                        })).collect::<Vec<_>>(),
                    })
                })
                .collect();
    serde_json::json!({
        "report": r.kind.id(),
        "title": title,
        "from": r.period.from.to_string(),
        "to": r.period.to.to_string(),
        "shareable": shareable,
        "filter": r.filter.to_json(),
        "sections": sections,
    })
}
