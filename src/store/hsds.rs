//! What the Open Referral (HSDS) exchange reads and writes of the directory beyond what
//! store::directory does for the console: exchange identifiers, and finding entries by them.

use crate::store::Cached;
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
            Table::Locations => "dir_places",
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

/// The entry with exchange identifier `hsds_id`, if there is one (a service an import wrote
/// is one once it is folded).
pub fn find(conn: &Connection, table: Table, hsds_id: &str) -> Result<Option<i64>> {
    let kept = if table == Table::Services { " AND import_id IS NULL" } else { "" };
    Ok(conn
        .one(
            &format!("SELECT id FROM {} WHERE hsds_id = ?1{kept}", table.name()),
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
         FROM dir_organizations_shown ORDER BY id",
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
        "SELECT id, coalesce(hsds_id, ''), organization_id, retired_at IS NOT NULL FROM dir_services_shown ORDER BY id",
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
    crate::store::exec(
        tx,
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

/// Whether organisation `id` holds what `o` gives already.
pub fn same_organization(conn: &Connection, id: i64, o: &OrganizationUpdate) -> Result<bool> {
    let status = if o.confirmed { "confirmed" } else { "unverified" };
    Ok(conn
        .one(
            "SELECT name = ?2 AND description = ?3 AND web IS ?4 AND status = ?5
                    AND last_verified IS ?6
             FROM dir_organizations WHERE id = ?1",
            params![
                id,
                o.name,
                o.description,
                o.web,
                status,
                o.last_verified.map(|d| d.to_string())
            ],
            |r| r.get(0),
        )
        .optional()?
        .unwrap_or(false))
}

/// An organisation an import added (see `store::directory::staged`): its exchange identifier,
/// and the import, which leaves it out of the form's list until the import ends.
pub fn mark_imported(tx: &Transaction, id: i64, hsds_id: &str, import: i64) -> Result<()> {
    crate::store::exec(
        tx,
        "UPDATE dir_organizations SET hsds_id = ?1, import_id = ?2 WHERE id = ?3",
        params![hsds_id, import, id],
    )?;
    Ok(())
}

/// The organisation a place belongs to (its exchange identifier is the organisation's).
pub fn place_organization(conn: &Connection, place_hsds_id: &str) -> Result<Option<i64>> {
    Ok(conn
        .one(
            "SELECT organization_id FROM dir_places WHERE hsds_id = ?1",
            params![place_hsds_id],
            |r| r.get(0),
        )
        .optional()?
        .flatten())
}

/// The administrator's map from other taxonomies' codes to our categories.
pub fn term_map(conn: &Connection) -> Result<Vec<(String, String, String)>> {
    let mut stmt = conn.prepare_cached(
        "SELECT taxonomy, code, category FROM dir_term_map ORDER BY taxonomy, code",
    )?;
    let rows = stmt
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}

/// The map replaced by `rows`.
pub fn set_term_map(tx: &Transaction, rows: &[(String, String, String)]) -> Result<()> {
    crate::store::exec(tx, "DELETE FROM dir_term_map", [])?;
    let mut add = tx.prepare_cached(
        "INSERT OR REPLACE INTO dir_term_map (taxonomy, code, category) VALUES (?1, ?2, ?3)",
    )?;
    for (t, c, k) in rows {
        add.execute(params![t, c, k])?;
    }
    Ok(())
}

/// A term of another taxonomy in use: taxonomy, code, name, description, and how many live
/// services carry it.
pub type TermInUse = (String, String, String, String, i64);

/// The other taxonomies' terms in use.
pub fn terms_in_use(conn: &Connection) -> Result<Vec<TermInUse>> {
    let mut stmt = conn.prepare_cached(
        "SELECT x.name, t.code, t.name, t.description, count(*) FROM dir_service_terms st
         JOIN dir_terms t ON t.id = st.term_id JOIN dir_taxonomies x ON x.id = t.taxonomy_id
         JOIN dir_services_shown s ON s.id = st.service_id AND s.retired_at IS NULL
         GROUP BY t.id ORDER BY x.name, t.code",
    )?;
    let rows = stmt
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}

/// Live services without a category of ours: (id, name).
pub fn uncategorised(conn: &Connection, limit: i64) -> Result<(i64, Vec<(i64, String)>)> {
    const NONE: &str = "FROM dir_services_shown s WHERE s.retired_at IS NULL AND NOT EXISTS
         (SELECT 1 FROM dir_service_tags t WHERE t.service_id = s.id AND t.kind = 'category')";
    let n: i64 = conn.one(&format!("SELECT count(*) {NONE}"), [], |r| r.get(0))?;
    let mut stmt =
        conn.prepare(&format!("SELECT s.id, s.name {NONE} ORDER BY s.name, s.id LIMIT ?1"))?;
    let rows = stmt
        .query_map(params![limit], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    Ok((n, rows))
}
