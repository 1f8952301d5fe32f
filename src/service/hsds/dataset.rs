//! The dataset an exchange reads (organisations and services, checked), and the pieces that
//! read files: a CSV table with its rows, and the list of problems found.

use std::collections::HashMap;
use std::path::Path;

use jiff::civil::Date;

use crate::domain::text::clean_line;
use crate::i18n::{Lang, Msg, fill};
use crate::store::directory::NewService;

use super::{FILES, unsafe_cell};

/// An organisation read from the files.
#[derive(Clone, Debug)]
pub struct Org {
    pub hsds_id: String,
    pub name: String,
    pub description: String,
    pub web: Option<String>,
    pub confirmed: bool,
    pub last_verified: Option<Date>,
}

/// A service read from the files (its organisation by HSDS id).
#[derive(Clone, Debug)]
pub struct Service {
    pub hsds_id: String,
    pub organization: String,
    pub retired: bool,
    pub service: NewService,
}

/// Everything an import will write.
#[derive(Debug, Default)]
pub struct Dataset {
    pub organizations: Vec<Org>,
    pub services: Vec<Service>,
}

/// One file's rows: each a map of column to cell, with its row number in the file.
pub(super) struct Table {
    pub(super) file: &'static str,
    pub(super) rows: Vec<(usize, HashMap<String, String>)>,
}

impl Table {
    pub(super) fn read(
        dir: &Path,
        file: &'static str,
        problems: &mut Vec<String>,
        lang: Lang,
    ) -> Table {
        let mut t = Table { file, rows: Vec::new() };
        let mut path = dir.join(file);
        if file == "service_at_location.csv" && !path.exists() {
            // HSDS 1.x and 2.0 name it services_at_location.csv, with other columns: say which
            // version is read rather than lose every location without a word.
            if dir.join("services_at_location.csv").exists() {
                problems
                    .push(fill(Msg::ErrHsdsOldVersion.text(lang), &["services_at_location.csv"]));
                return t;
            }
            // What intake wrote before it used the specification's name.
            let ours = dir.join("service_at_locations.csv");
            if ours.exists() {
                path = ours;
            }
        }
        if !path.exists() {
            if matches!(file, "organizations.csv" | "services.csv") {
                problems.push(fill(Msg::ErrHsdsMissingFile.text(lang), &[file]));
            }
            return t;
        }
        let mut reader = match csv::ReaderBuilder::new().flexible(false).from_path(&path) {
            Ok(r) => r,
            Err(e) => {
                problems.push(fill(Msg::ErrCsvRead.text(lang), &[file, &e.to_string()]));
                return t;
            }
        };
        let headers: Vec<String> = match reader.headers() {
            Ok(h) => h.iter().map(|h| h.trim().to_ascii_lowercase()).collect(),
            Err(e) => {
                problems.push(fill(Msg::ErrCsvRead.text(lang), &[file, &e.to_string()]));
                return t;
            }
        };
        let needed = FILES.iter().find(|(f, _)| *f == file).map(|(_, c)| *c).unwrap_or(&[]);
        for c in needed.iter().filter(|c| matches!(**c, "id" | "service_id" | "name" | "link_id")) {
            let required = match *c {
                "name" => matches!(file, "organizations.csv" | "services.csv"),
                "service_id" => file != "locations.csv",
                _ => true,
            };
            if required && !headers.iter().any(|h| h == c) {
                problems.push(fill(Msg::ErrHsdsMissingColumn.text(lang), &[file, c]));
            }
        }
        for (i, rec) in reader.records().enumerate() {
            match rec {
                Ok(rec) => {
                    let row = headers
                        .iter()
                        .cloned()
                        .zip(rec.iter().map(|c| unsafe_cell(c).to_string()))
                        .collect();
                    t.rows.push((i + 2, row));
                }
                Err(e) => problems.push(fill(Msg::ErrCsvRead.text(lang), &[file, &e.to_string()])),
            }
        }
        t
    }
}

/// Collects problems as "file, row N, column C: what".
pub(super) struct Check<'a> {
    pub(super) problems: &'a mut Vec<String>,
    pub(super) lang: Lang,
}

impl Check<'_> {
    pub(super) fn bad(&mut self, file: &str, row: usize, col: &str, msg: Msg, args: &[&str]) {
        let what = fill(msg.text(self.lang), args);
        self.problems
            .push(fill(Msg::ErrHsdsCell.text(self.lang), &[file, &row.to_string(), col, &what]));
    }

    /// A cleaned text cell within its cap; None when empty (and `required` says so).
    pub(super) fn text(
        &mut self,
        t: &str,
        (row, cells): (usize, &HashMap<String, String>),
        col: &str,
        max: usize,
        required: bool,
    ) -> Option<String> {
        let v = clean_line(cells.get(col).map(String::as_str).unwrap_or(""));
        if v.is_empty() {
            if required {
                self.bad(t, row, col, Msg::ErrRequiredShort, &[]);
            }
            return None;
        }
        if v.chars().count() > max {
            self.bad(t, row, col, Msg::ErrMaxChars, &[&max.to_string()]);
            return None;
        }
        Some(v)
    }
}
