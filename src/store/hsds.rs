//! What the Open Referral (HSDS) exchange reads and writes of the directory beyond what
//! store::directory does for the console: exchange identifiers, and finding entries by them.

use jiff::Timestamp;
use rusqlite::{Connection, OptionalExtension, Transaction, params};

use crate::domain::time;
use crate::error::Result;

/// The directory tables that carry an exchange identifier.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Table {
    Organizations,
    Services,
    Locations,
}

impl Table {
    fn name(self) -> &'static str {
        match self {
            Table::Organizations => "dir_organizations",
            Table::Services => "dir_services",
            Table::Locations => "dir_locations",
        }
    }

    fn kind(self) -> &'static str {
        match self {
            Table::Organizations => "organization",
            Table::Services => "service",
            Table::Locations => "location",
        }
    }
}

/// Give every entry without an exchange identifier the one `make` gives for "kind:id".
pub fn assign_ids(tx: &Transaction, make: &dyn Fn(&str) -> String) -> Result<()> {
    for table in [Table::Organizations, Table::Services, Table::Locations] {
        let name = table.name();
        let ids: Vec<i64> = tx
            .prepare(&format!("SELECT id FROM {name} WHERE hsds_id IS NULL"))?
            .query_map([], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        let mut set = tx.prepare(&format!("UPDATE {name} SET hsds_id = ?1 WHERE id = ?2"))?;
        for id in ids {
            set.execute(params![make(&format!("{}:{id}", table.kind())), id])?;
        }
    }
    Ok(())
}

/// Set the exchange identifier of entry `id`.
pub fn set_id(tx: &Transaction, table: Table, id: i64, hsds_id: &str) -> Result<()> {
    tx.execute(
        &format!("UPDATE {} SET hsds_id = ?1 WHERE id = ?2", table.name()),
        params![hsds_id, id],
    )?;
    Ok(())
}

/// The entry with exchange identifier `hsds_id`, if there is one.
pub fn find(conn: &Connection, table: Table, hsds_id: &str) -> Result<Option<i64>> {
    Ok(conn
        .query_row(
            &format!("SELECT id FROM {} WHERE hsds_id = ?1", table.name()),
            params![hsds_id],
            |r| r.get(0),
        )
        .optional()?)
}

/// An organisation as exported.
pub struct Organization {
    pub id: i64,
    pub hsds_id: String,
    pub name: String,
    pub description: String,
    pub web: String,
    pub status: String,
    pub last_verified: String,
}

pub fn organizations(conn: &Connection) -> Result<Vec<Organization>> {
    let mut stmt = conn.prepare(
        "SELECT id, coalesce(hsds_id, ''), name, description, coalesce(web, ''), status,
                coalesce(last_verified, '')
         FROM dir_organizations ORDER BY id",
    )?;
    let rows = stmt
        .query_map([], |r| {
            Ok(Organization {
                id: r.get(0)?,
                hsds_id: r.get(1)?,
                name: r.get(2)?,
                description: r.get(3)?,
                web: r.get(4)?,
                status: r.get(5)?,
                last_verified: r.get(6)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

/// Every service: its id, exchange identifier, organisation, and whether it is retired.
pub fn services(conn: &Connection) -> Result<Vec<(i64, String, i64, bool)>> {
    let mut stmt = conn.prepare(
        "SELECT id, coalesce(hsds_id, ''), organization_id, retired_at IS NOT NULL FROM dir_services ORDER BY id",
    )?;
    let rows = stmt
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

/// An organisation's details as an exchange file gives them.
pub struct OrganizationUpdate<'a> {
    pub name: &'a str,
    pub description: &'a str,
    pub web: Option<&'a str>,
    pub confirmed: bool,
    pub last_verified: Option<jiff::civil::Date>,
}

pub fn update_organization(
    tx: &Transaction,
    id: i64,
    o: &OrganizationUpdate,
    now: Timestamp,
) -> Result<()> {
    let status = if o.confirmed { "confirmed" } else { "unverified" };
    tx.execute(
        "UPDATE dir_organizations SET name = ?1, description = ?2, web = ?3, status = ?4,
             last_verified = ?5, updated_at = ?6 WHERE id = ?7",
        params![
            o.name,
            o.description,
            o.web,
            status,
            o.last_verified.map(|d| d.to_string()),
            time::to_db(now),
            id
        ],
    )?;
    Ok(())
}

/// A retired service the exchange brings back.
pub fn unretire(tx: &Transaction, id: i64) -> Result<()> {
    tx.execute("UPDATE dir_services SET retired_at = NULL WHERE id = ?1", params![id])?;
    Ok(())
}
