//! The task force's report, added up from its parts: every agency's figures in this database
//! (`intake report KIND --task-force`, administrators), or the shareable reports agencies with
//! their own database send as JSON files (`intake report combine FILE...`). The result is
//! always the shared view: counts under 11 as "<11", money resting on fewer than 11 payments
//! hidden, no records. A sum with a hidden part (a "<11" in a file) is never shown exactly:
//! "<11" when it is certainly under 11, else "at least" what is known.

use std::path::Path;

use crate::domain::combined::headline;
pub use crate::domain::combined::{Cell, Combined, Line, Part};
use crate::domain::report::{Filter, SMALL};
use crate::error::{Error, Result};
use crate::i18n::{Lang, Msg, fill};

impl Combined {
    /// A shareable report file as a part; `name` is how messages call it.
    pub fn of_json(name: &str, text: &str) -> Result<Combined> {
        let bad = |why: &str| Error::user_with(Msg::ErrCombineFile, &[name, why]);
        let v: serde_json::Value = serde_json::from_str(text).map_err(|e| bad(&e.to_string()))?;
        let field = |k: &str| v.get(k).and_then(|x| x.as_str()).map(str::to_string);
        let (Some(report), Some(from), Some(to)) = (field("report"), field("from"), field("to"))
        else {
            return Err(bad("report, from, to"));
        };
        if v.get("shareable").and_then(|s| s.as_bool()) != Some(true) {
            return Err(bad("--shareable"));
        }
        let mut sections = Vec::new();
        for s in v.get("sections").and_then(|s| s.as_array()).ok_or_else(|| bad("sections"))? {
            // Labels from a file: control and bidi characters gone, 200 characters at most.
            let text = |x: &serde_json::Value, k: &str| {
                x.get(k).and_then(|t| t.as_str()).map(|t| {
                    crate::domain::text::clean_line(t).chars().take(200).collect::<String>()
                })
            };
            let mut lines = Vec::new();
            for f in s.get("figures").and_then(|f| f.as_array()).ok_or_else(|| bad("figures"))? {
                let open = f.get("open").and_then(|o| o.as_bool()) == Some(true);
                let cell = match f.get("value") {
                    Some(serde_json::Value::Number(n)) if n.is_i64() && open => {
                        Cell::Open(n.as_i64().unwrap_or(0))
                    }
                    Some(serde_json::Value::Number(n)) if n.is_i64() => {
                        Cell::Count(n.as_i64().unwrap_or(0))
                    }
                    Some(serde_json::Value::Number(_)) | Some(serde_json::Value::Null) => {
                        Cell::Apart
                    }
                    Some(serde_json::Value::String(t)) if t == &format!("<{SMALL}") => {
                        Cell::Hidden { known: 0, hidden: 1, money: false }
                    }
                    Some(o) if o.get("cents").is_some() => match o["cents"].as_i64() {
                        // Shown in a shared file: it rests on at least 11 payments.
                        Some(c) => Cell::Cents(c, SMALL),
                        None => return Err(bad("cents")),
                    },
                    _ => return Err(bad("value")),
                };
                let (Some(key), Some(label)) = (text(f, "key"), text(f, "label")) else {
                    return Err(bad("key, label"));
                };
                lines.push(Line { key, label, cell });
            }
            let (Some(key), Some(title)) = (text(s, "key"), text(s, "title")) else {
                return Err(bad("key, title"));
            };
            sections.push(Part { key, title, lines });
        }
        let clean = |t: String| crate::domain::text::clean_line(&t).chars().take(200).collect();
        let agency = field("agency").map(clean).unwrap_or_else(|| name.to_string());
        let title = field("title").map(clean).unwrap_or_else(|| report.clone());
        let report: String = clean(report);
        let filter = Filter::from_json(v.get("filter"));
        let agencies = headline(&agency, &sections);
        Ok(Combined { agencies, report, title, from, to, sections, filter })
    }

    /// The shared view as an aligned table, CSV or JSON.
    pub fn render(&self, format: super::report::Format, lang: Lang) -> Result<String> {
        let by_agency = Part {
            key: "by_agency".into(),
            title: Msg::RepByAgency.text(lang).into(),
            lines: self.agencies.clone(),
        };
        let all: Vec<&Part> = self.sections.iter().chain(std::iter::once(&by_agency)).collect();
        let period = fill(Msg::RepPeriod.text(lang), &[&self.from, &self.to]);
        match format {
            super::report::Format::Table => {
                let mut out =
                    format!("{}  {period}\n{}\n", self.title, Msg::RepTaskForce.text(lang));
                let narrowed = self.filter.describe(lang);
                if !narrowed.is_empty() {
                    out.push_str(&format!("{narrowed}\n"));
                }
                out.push_str(&format!("{}\n", Msg::RepCombinedNote.text(lang)));
                let width =
                    all.iter().flat_map(|s| &s.lines).map(|l| l.label.chars().count()).max();
                let width = width.unwrap_or(0).max(44);
                for s in &all {
                    out.push_str(&format!("\n{}\n", s.title));
                    for l in &s.lines {
                        out.push_str(&format!("  {:<width$} {:>14}\n", l.label, l.cell.show()));
                    }
                }
                Ok(out)
            }
            super::report::Format::Csv => {
                let mut out = String::from("report,from,to,section,key,label,shown\n");
                for s in &all {
                    for l in &s.lines {
                        let cells = [&self.report, &self.from, &self.to, &s.key, &l.key, &l.label];
                        let mut row: Vec<String> = cells.iter().map(|c| csv_cell(c)).collect();
                        row.push(csv_cell(&l.cell.show()));
                        out.push_str(&row.join(","));
                        out.push('\n');
                    }
                }
                Ok(out)
            }
            super::report::Format::Json => {
                let sections: Vec<serde_json::Value> = all
                    .iter()
                    .map(|s| {
                        serde_json::json!({
                            "key": s.key, "title": s.title,
                            "figures": s.lines.iter().map(|l| serde_json::json!({
                                "key": l.key, "label": l.label, "shown": l.cell.show(),
                            })).collect::<Vec<_>>(),
                        })
                    })
                    .collect();
                let v = serde_json::json!({
                    "report": self.report, "title": self.title, "from": self.from, "to": self.to,
                    "task_force": true, "shareable": true, "sections": sections,
                    "filter": self.filter.to_json(),
                });
                Ok(format!("{}\n", serde_json::to_string_pretty(&v).unwrap_or_default()))
            }
            super::report::Format::Html => Err(Error::user(Msg::ErrCombineFormat)),
        }
    }
}

fn csv_cell(text: &str) -> String {
    let safe = crate::domain::text::csv_safe(text);
    if safe.contains([',', '"', '\n']) {
        format!("\"{}\"", safe.replace('"', "\"\""))
    } else {
        safe
    }
}

/// Read and add up the files named; the first sets the kind and the period.
pub fn files(paths: &[std::path::PathBuf], lang: Lang) -> Result<Combined> {
    let mut out: Option<Combined> = None;
    for p in paths {
        let name = shown(p);
        let text =
            read_capped(p).map_err(|e| Error::user_with(Msg::ErrCombineFile, &[&name, &e]))?;
        let part = Combined::of_json(&name, &text)?;
        match &mut out {
            None => out = Some(part),
            Some(c) => c.add(&name, part, lang)?,
        }
    }
    out.ok_or_else(|| Error::user(Msg::ErrCombineNone))
}

/// A file's name as a message shows it: control and other invisible characters escaped.
fn shown(p: &Path) -> String {
    crate::domain::text::escaped(&p.display().to_string())
}

/// A report file is small: more than 8 MB is not one.
fn read_capped(p: &Path) -> std::result::Result<String, String> {
    use std::io::Read;
    let f = std::fs::File::open(p).map_err(|e| e.to_string())?;
    let mut text = String::new();
    f.take(8 << 20).read_to_string(&mut text).map_err(|e| e.to_string())?;
    Ok(text)
}
