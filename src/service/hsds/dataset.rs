//! The dataset an exchange reads (organisations and services, checked), and the pieces that
//! read files: a CSV table with its rows, and the list of problems found.

use std::collections::HashMap;
use std::path::Path;

use jiff::civil::Date;

use crate::domain::text::clean_line;
use crate::i18n::{Lang, Msg, fill};
use crate::store::directory::{NewService, Phone};

use super::unsafe_cell;

/// An organisation read from the files.
#[derive(Clone, Debug)]
pub struct Org {
    pub hsds_id: String,
    pub name: String,
    pub description: String,
    pub web: Option<String>,
    pub confirmed: bool,
    pub last_verified: Option<Date>,
    pub phones: Vec<Phone>,
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

/// One problem in the files: where (row 0 is the file itself), the cell's value, and what
/// HSDS expects there, in the interface language.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub file: String,
    pub row: usize,
    pub column: String,
    pub value: String,
    pub what: String,
}

impl Problem {
    /// "file, row N, column C: what" (the file alone for a problem with the whole file).
    pub fn line(&self, lang: Lang) -> String {
        if self.row == 0 {
            return self.what.clone();
        }
        fill(
            Msg::ErrHsdsCell.text(lang),
            &[&self.file, &self.row.to_string(), &self.column, &self.what],
        )
    }

    fn file_level(file: &str, what: String) -> Problem {
        Problem { file: file.into(), row: 0, column: String::new(), value: String::new(), what }
    }
}

/// What reading the files found: the dataset (in a skipping read, of the rows without
/// problems), every problem, and how many rows were left out.
#[derive(Debug, Default)]
pub struct Reading {
    pub dataset: Dataset,
    pub problems: Vec<Problem>,
    pub skipped_rows: usize,
    /// Files of the package with rows intake does not keep (contacts, programs, fundings...),
    /// with how many rows each.
    pub not_kept: Vec<(&'static str, usize)>,
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
        problems: &mut Vec<Problem>,
        lang: Lang,
    ) -> Table {
        let mut t = Table { file, rows: Vec::new() };
        let mut path = dir.join(file);
        if file == "service_at_location.csv" && !path.exists() {
            // What intake wrote before it used the specification's name.
            let ours = dir.join("service_at_locations.csv");
            if ours.exists() {
                path = ours;
            }
        }
        if !path.exists() {
            if matches!(file, "organizations.csv" | "services.csv") {
                let what = fill(Msg::ErrHsdsMissingFile.text(lang), &[file]);
                problems.push(Problem::file_level(file, what));
            }
            return t;
        }
        let mut reader = match crate::service::files::csv_reader(&path) {
            Ok(r) => r,
            Err(e) => {
                let what = crate::service::files::csv_error(file, &e.into()).message(lang);
                problems.push(Problem::file_level(file, what));
                return t;
            }
        };
        let headers: Vec<String> = match reader.headers() {
            Ok(h) => h.iter().map(|h| h.trim().to_ascii_lowercase()).collect(),
            Err(e) => {
                let what = crate::service::files::csv_error(file, &e).message(lang);
                problems.push(Problem::file_level(file, what));
                return t;
            }
        };
        let needed: &[&str] = match file {
            "organizations.csv" | "services.csv" => &["id", "name"],
            "attributes.csv" => &["id", "link_id", "taxonomy_term_id"],
            "service_at_location.csv" => &["id", "service_id", "location_id"],
            "addresses.csv" => &["id", "location_id"],
            "phones.csv" => &["id", "number"],
            _ => &["id"],
        };
        for c in needed {
            if !headers.iter().any(|h| h == c) {
                let what = fill(Msg::ErrHsdsMissingColumn.text(lang), &[file, c]);
                problems.push(Problem::file_level(file, what));
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
                Err(e) => {
                    let what = crate::service::files::csv_error(file, &e).message(lang);
                    problems.push(Problem::file_level(file, what));
                    // A file that cannot be read on (a row too long) is not read further.
                    if matches!(e.kind(), csv::ErrorKind::Io(_)) {
                        break;
                    }
                }
            }
        }
        t
    }
}

/// Collects problems with their file, row and column; `value` is the cell of the row being
/// read, for the report.
pub(super) struct Check<'a> {
    pub(super) problems: &'a mut Vec<Problem>,
    pub(super) lang: Lang,
    pub(super) cells: Option<&'a HashMap<String, String>>,
}

impl Check<'_> {
    pub(super) fn bad(&mut self, file: &str, row: usize, col: &str, msg: Msg, args: &[&str]) {
        let what = fill(msg.text(self.lang), args);
        let value = self.cells.and_then(|c| c.get(col)).cloned().unwrap_or_default();
        self.problems.push(Problem { file: file.into(), row, column: col.into(), value, what });
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
