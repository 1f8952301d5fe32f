//! Reports as one self-contained HTML page for a board meeting: the tables with a bar beside
//! each count or sum, no scripts, nothing fetched, one printed sheet per report.
//!
//! In the shared view a hidden count has no bar, and each section's bars are scaled to the
//! largest figure shown, so no bar's length tells what a hidden cell holds.

use crate::domain::report::{Report, SMALL, Value, show};
use crate::i18n::{Lang, Msg, fill};

/// Text made safe inside HTML: the five characters that could end a tag or an attribute.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

const STYLE: &str = "body{font-family:sans-serif;margin:0;color:#000}\
section{padding:12mm;page-break-after:always;break-after:page}\
section:last-child{page-break-after:auto;break-after:auto}\
h1{font-size:16pt;margin:0 0 2mm}p.period{margin:0 0 5mm;color:#333}\
h2{font-size:12pt;margin:5mm 0 1mm}\
table{border-collapse:collapse;width:100%;font-size:9.5pt}\
td{padding:0.6mm 2mm;border-bottom:0.2mm solid #ccc;vertical-align:middle}\
td.n{text-align:right;white-space:nowrap;width:22mm}td.bar{width:45%}\
div.bar{height:3mm;background:#333;-webkit-print-color-adjust:exact;print-color-adjust:exact}\
p.note{font-size:8.5pt;color:#333}@page{size:auto;margin:0}";

/// The figure's bar length in percent of the section's largest shown figure of its unit, or
/// none (a hidden count, days, or nothing to compare with).
fn bar(v: &Value, hidden: bool, max_count: i64, max_cents: i64) -> Option<i64> {
    match v {
        _ if hidden => None,
        Value::Count(n) if max_count > 0 => Some(n * 100 / max_count),
        Value::Cents(c) if max_cents > 0 => Some(c * 100 / max_cents),
        _ => None,
    }
}

fn one(r: &Report, shareable: bool, lang: Lang) -> String {
    let mut out = String::from("<section>\n");
    out.push_str(&format!("<h1>{}</h1>\n", escape(r.kind.title().text(lang))));
    let period =
        fill(Msg::RepPeriod.text(lang), &[&r.period.from.to_string(), &r.period.to.to_string()]);
    out.push_str(&format!("<p class=\"period\">{}</p>\n", escape(&period)));
    let narrowed = r.filter.describe(lang);
    if !narrowed.is_empty() {
        out.push_str(&format!("<p class=\"period\">{}</p>\n", escape(&narrowed)));
    }
    for s in &r.sections {
        out.push_str(&format!("<h2>{}</h2>\n<table>\n", escape(s.title.text(lang))));
        if s.figures.is_empty() {
            out.push_str(&format!("<tr><td>{}</td></tr>\n", escape(Msg::RepNothing.text(lang))));
        }
        let hidden = |n: i64| shareable && n > 0 && n < SMALL;
        // The scale comes from the figures shown only.
        let shown = s.figures.iter().filter(|f| !hidden(f.n));
        let max_count = shown
            .clone()
            .filter_map(|f| if let Value::Count(n) = f.value { Some(n) } else { None })
            .max()
            .unwrap_or(0);
        let max_cents = shown
            .filter_map(|f| if let Value::Cents(c) = f.value { Some(c) } else { None })
            .max()
            .unwrap_or(0);
        for f in &s.figures {
            let width = bar(&f.value, hidden(f.n), max_count, max_cents);
            let cell = width.map_or(String::new(), |w| {
                format!("<div class=\"bar\" style=\"width:{}%\"></div>", w.clamp(0, 100))
            });
            out.push_str(&format!(
                "<tr><td>{}</td><td class=\"n\">{}</td><td class=\"bar\">{cell}</td></tr>\n",
                escape(&f.label),
                escape(&show(f, shareable)),
            ));
        }
        out.push_str("</table>\n");
    }
    if shareable {
        let note = fill(Msg::RepSharedNote.text(lang), &[&SMALL.to_string()]);
        out.push_str(&format!("<p class=\"note\">{}</p>\n", escape(&note)));
    }
    out.push_str("</section>\n");
    out
}

/// One page holding every report given, each on its own sheet when printed.
pub fn page(reports: &[Report], shareable: bool, lang: Lang) -> String {
    let title = match reports {
        [one] => one.kind.title().text(lang),
        _ => Msg::MenuReports.text(lang),
    };
    let mut out = format!(
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n",
        lang.id(),
        escape(title)
    );
    for r in reports {
        out.push_str(&one(r, shareable, lang));
    }
    out.push_str("</body>\n</html>\n");
    out
}
