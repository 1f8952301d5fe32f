//! The directory in Open Referral's Human Services Data Specification (HSDS 3), tabular form:
//! one CSV file per table. Export writes what the directory holds (a shelter's confidential
//! street address never leaves); import checks every row of every file first and names each
//! problem with its file, row and column, then writes all of it in one transaction or nothing.
//!
//! Categories, populations and the organisation's verification travel as attributes of
//! taxonomies of our own; counties and tribal nations as service areas; languages by ISO 639
//! code; opening hours as weekly schedules in New Mexico local time.

use std::collections::HashMap;
use std::path::Path;

use sha2::{Digest, Sha256};

use crate::error::{Error, Result};
use crate::i18n::Msg;

/// The files, and the columns this program reads and writes in each.
pub const FILES: &[(&str, &[&str])] = &[
    ("organizations.csv", &["id", "name", "description", "website"]),
    (
        "services.csv",
        &[
            "id",
            "organization_id",
            "name",
            "description",
            "status",
            "eligibility_description",
            "application_process",
            "assured_date",
        ],
    ),
    ("locations.csv", &["id", "location_type", "organization_id", "name"]),
    (
        "addresses.csv",
        &[
            "id",
            "location_id",
            "address_1",
            "city",
            "state_province",
            "postal_code",
            "country",
            "address_type",
        ],
    ),
    ("service_at_location.csv", &["id", "service_id", "location_id"]),
    ("phones.csv", &["id", "service_id", "number", "type"]),
    (
        "schedules.csv",
        &["id", "service_id", "freq", "byday", "opens_at", "closes_at", "description"],
    ),
    ("languages.csv", &["id", "service_id", "name", "code"]),
    ("service_areas.csv", &["id", "service_id", "name"]),
    ("taxonomies.csv", &["id", "name", "description"]),
    ("taxonomy_terms.csv", &["id", "code", "name", "description", "taxonomy_id"]),
    ("attributes.csv", &["id", "link_id", "link_type", "link_entity", "taxonomy_term_id", "value"]),
];

const TAX_CATEGORY: &str = "intake-service-category";
const TAX_POPULATION: &str = "intake-population";
const TAX_FLAG: &str = "intake-flag";
const TAX_STATUS: &str = "intake-organization-status";
/// A service area of this name is the whole state.
const STATEWIDE: &str = "New Mexico";
const DAYS: [&str; 7] = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"];
const LANGUAGE_CODES: &[(&str, &str)] = &[
    ("english", "en"),
    ("spanish", "es"),
    ("navajo", "nv"),
    ("vietnamese", "vi"),
    ("chinese", "zh"),
    ("other", "und"),
];

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

fn hhmm(m: u16) -> String {
    // HSDS has no 24:00: the end of the day is written 23:59 and read back as midnight.
    let m = if m >= 1440 { 1439 } else { m };
    format!("{:02}:{:02}", m / 60, m % 60)
}

struct Out {
    files: HashMap<&'static str, csv::Writer<std::fs::File>>,
}

impl Out {
    fn create(dir: &Path) -> Result<Out> {
        std::fs::create_dir_all(dir)?;
        let mut files = HashMap::new();
        for (name, cols) in FILES {
            let mut w = csv::Writer::from_path(dir.join(name))
                .map_err(|e| Error::user_with(Msg::ErrCsvRead, &[name, &e.to_string()]))?;
            w.write_record(*cols).map_err(csv_err)?;
            files.insert(*name, w);
        }
        Ok(Out { files })
    }

    fn row(&mut self, file: &str, cells: &[&str]) -> Result<()> {
        let w = self.files.get_mut(file).ok_or_else(|| Error::user(Msg::ErrNoSuchRecord))?;
        w.write_record(cells.iter().map(|c| crate::domain::text::csv_safe(c))).map_err(csv_err)
    }

    fn finish(self) -> Result<()> {
        for (_, mut w) in self.files {
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
mod read;
mod write;

pub use dataset::{Dataset, Org, Service};

pub use export::export;
pub use read::read;
pub use write::write;
