//! The directory in Open Referral's Human Services Data Specification (HSDS 3), tabular form:
//! one CSV file per table. Export writes what the directory holds (a shelter's confidential
//! street address never leaves); import checks every row of every file first and names each
//! problem with its file, row and column, then writes all of it or nothing, out of sight in short
//! transactions and shown at once (see `write`).
//!
//! Categories, populations and the organisation's verification travel as attributes of
//! taxonomies of our own; other directories' taxonomies (AIRS / 211 LA) are kept as they come;
//! counties and tribal nations as service areas; languages by ISO 639 code; opening hours as
//! schedules in New Mexico local time with its UTC offset. HSDS 3.0 is read and written; a
//! package of HSDS 1.x or 2.0 is recognised and refused with the version named.

use std::collections::HashMap;
use std::path::Path;

use sha2::{Digest, Sha256};

use crate::error::{Error, Result};
use crate::i18n::Msg;

const TAX_CATEGORY: &str = "intake-service-category";
const TAX_POPULATION: &str = "intake-population";
const TAX_FLAG: &str = "intake-flag";
const TAX_STATUS: &str = "intake-organization-status";
/// A service area of this name is the whole state.
const STATEWIDE: &str = "New Mexico";
const DAYS: [&str; 7] = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"];
/// A stable identifier in UUID form, made from a seed (so an export is the same each time).
pub(super) fn uuid_of(seed: &str) -> String {
    let h = Sha256::digest(seed.as_bytes());
    let x: String = h.iter().take(16).map(|b| format!("{b:02x}")).collect();
    format!("{}-{}-5{}-8{}-{}", &x[..8], &x[8..12], &x[13..16], &x[17..20], &x[20..32])
}

/// A cell written with a leading quote because it starts like a formula (`csv_safe`) is read
/// back without it.
fn unsafe_cell(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest) if rest.starts_with(['=', '+', '-', '@']) => rest,
        _ => cell,
    }
}

/// Every file of the package, written with the specification's columns in its order; a row
/// is given as (column, value) pairs and the columns it leaves out are empty.
struct Out {
    files: HashMap<&'static str, (Vec<&'static str>, csv::Writer<std::fs::File>)>,
}

impl Out {
    fn create(dir: &Path) -> Result<Out> {
        std::fs::create_dir_all(dir)?;
        let mut files = HashMap::new();
        for name in spec::files() {
            let mut w = csv::Writer::from_path(dir.join(name))
                .map_err(|e| Error::user_with(Msg::ErrCsvRead, &[name, &e.to_string()]))?;
            let cols = spec::columns(name);
            w.write_record(&cols).map_err(csv_err)?;
            files.insert(name, (cols, w));
        }
        let descriptor = serde_json::to_string_pretty(&spec::datapackage()).map_err(|e| {
            Error::user_with(Msg::ErrCsvRead, &["datapackage.json", &e.to_string()])
        })?;
        std::fs::write(dir.join("datapackage.json"), descriptor + "\n")?;
        Ok(Out { files })
    }

    fn row(&mut self, file: &str, cells: &[(&str, &str)]) -> Result<()> {
        let (cols, w) =
            self.files.get_mut(file).ok_or_else(|| Error::user(Msg::ErrNoSuchRecord))?;
        let record: Vec<String> = cols
            .iter()
            .map(|c| {
                let v = cells.iter().find(|(k, _)| k == c).map_or("", |(_, v)| *v);
                if v.parse::<f64>().is_ok() {
                    v.to_string()
                } else {
                    crate::domain::text::csv_safe(v)
                }
            })
            .collect();
        w.write_record(&record).map_err(csv_err)
    }

    fn finish(self) -> Result<()> {
        for (_, (_, mut w)) in self.files {
            w.flush()?;
        }
        Ok(())
    }
}

fn csv_err(e: csv::Error) -> Error {
    Error::user_with(Msg::ErrCsvRead, &["-", &e.to_string()])
}

mod dataset;
mod export;
mod gather;
mod read;
mod schedule;
pub mod spec;
mod taxmap;
mod write;

pub use dataset::{Dataset, Org, Problem, Reading, Service};

pub use export::export;
pub use read::{read, read_with, refusal};
pub use taxmap::map_taxonomy;
pub use write::{mapped, write};
