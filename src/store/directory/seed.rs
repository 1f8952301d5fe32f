//! The directory a new database starts with.

use jiff::Timestamp;
use rusqlite::Transaction;

use crate::error::Result;

use super::{Location, NewService, add_organization, add_service};

/// The directory a new database starts with (checked public facts, with their status).
pub const SEED: &str = include_str!("../../../data/directory-seed.toml");

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct SeedFile {
    organizations: Vec<SeedOrg>,
}

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct SeedOrg {
    name: String,
    description: String,
    web: Option<String>,
    status: String,
    services: Vec<SeedService>,
}

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct SeedService {
    name: String,
    description: String,
    phone: Option<String>,
    text_number: Option<String>,
    hours: Option<String>,
    #[serde(default)]
    open_24_7: bool,
    #[serde(default)]
    statewide: bool,
    eligibility: Option<String>,
    #[serde(default)]
    categories: Vec<String>,
    #[serde(default)]
    populations: Vec<String>,
    #[serde(default)]
    languages: Vec<String>,
    #[serde(default)]
    areas: Vec<String>,
    #[serde(default)]
    locations: Vec<SeedLocation>,
    /// Opening hours as `parse_schedule` reads them.
    schedule: Option<String>,
}

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct SeedLocation {
    city: Option<String>,
    zip: Option<String>,
}

/// Load the seed directory when the directory is empty. Returns how many services it added.
pub fn seed_if_empty(tx: &Transaction, now: Timestamp) -> Result<usize> {
    let present: i64 = tx.query_row("SELECT count(*) FROM dir_organizations", [], |r| r.get(0))?;
    if present > 0 {
        return Ok(0);
    }
    let file: SeedFile =
        toml::from_str(SEED).map_err(|_| crate::Error::user(crate::i18n::Msg::ErrToolInvalid))?;
    let mut added = 0;
    for o in file.organizations {
        let org = add_organization(
            tx,
            &o.name,
            &o.description,
            o.web.as_deref(),
            o.status == "confirmed",
            None,
            now,
        )?;
        for s in o.services {
            let service = NewService {
                organization_id: org,
                name: s.name,
                description: s.description,
                phone: s.phone,
                text_number: s.text_number,
                hours: s.hours,
                open_24_7: s.open_24_7,
                statewide: s.statewide,
                eligibility: s.eligibility,
                intake_steps: None,
                last_verified: None,
                categories: s.categories,
                populations: s.populations,
                languages: s.languages,
                areas: s.areas,
                locations: s
                    .locations
                    .into_iter()
                    .map(|l| Location {
                        city: l.city,
                        zip: l.zip,
                        address: None,
                        show_address: false,
                        hsds_id: None,
                        ..Default::default()
                    })
                    .collect(),
                schedule: crate::domain::directory::parse_schedule(
                    s.schedule.as_deref().unwrap_or(""),
                )
                .map_err(crate::Error::user)?,
                ..Default::default()
            };
            add_service(tx, &service, now)?;
            added += 1;
        }
    }
    Ok(added)
}
