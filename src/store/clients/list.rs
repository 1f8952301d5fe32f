//! Finding clients: the agency's list a page at a time, and likely duplicates of a new one.

use jiff::civil::Date;
use rusqlite::{Connection, params};

use crate::domain::client::{Client, initials_key, name_key};
use crate::domain::ids::{AgencyId, ClientId};
use crate::error::Result;

/// A row of the client list. Never a legal name.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Row {
    pub id: ClientId,
    pub chosen_name: String,
    pub status: String,
    pub age: Option<i64>,
    pub age_range: Option<String>,
    pub birth_date: Option<String>,
    pub intake_on: String,
    pub last_activity: String,
    pub assigned: Option<String>,
    pub danger: bool,
}

fn row(r: &rusqlite::Row) -> rusqlite::Result<Row> {
    Ok(Row {
        id: r.get(0)?,
        chosen_name: r.get(1)?,
        status: r.get(2)?,
        age: r.get(3)?,
        age_range: r.get(4)?,
        birth_date: r.get(5)?,
        intake_on: r.get(6)?,
        last_activity: r.get(7)?,
        assigned: r.get(8)?,
        danger: r.get::<_, String>(9)? == "yes",
    })
}

const ROW_COLUMNS: &str =
    "c.id, c.chosen_name, c.status, c.age, c.age_range, c.birth_date, c.intake_on,
    c.last_activity, u.display_name, c.danger";

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filter {
    pub status: Option<String>,
    pub assigned_to: Option<i64>,
    /// A chosen name (or its start), initials, or a record number (with or without '#').
    pub search: Option<String>,
}

fn like_escape(s: &str) -> String {
    s.replace('\\', "\\\\").replace('%', "\\%").replace('_', "\\_")
}

/// One page of an agency's clients, most recently active first.
pub fn list(
    conn: &Connection,
    agency_id: AgencyId,
    f: &Filter,
    offset: i64,
    limit: i64,
) -> Result<Vec<Row>> {
    let search = f.search.as_deref().map(str::trim).filter(|s| !s.is_empty());
    let number = search.and_then(|s| s.trim_start_matches('#').parse::<i64>().ok());
    let key = search.map(name_key);
    let prefix = key.as_deref().map(|k| format!("{}%", like_escape(k)));
    let inner = key.as_deref().map(|k| format!("% {}%", like_escape(k)));
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {ROW_COLUMNS} FROM clients c LEFT JOIN users u ON u.id = c.assigned_to
         WHERE c.agency_id = ?1
           AND (?2 IS NULL OR c.status = ?2) AND (?3 IS NULL OR c.assigned_to = ?3)
           AND (?4 IS NULL OR c.id = ?5 OR c.name_key LIKE ?6 ESCAPE '\\'
                OR c.name_key LIKE ?7 ESCAPE '\\' OR c.initials_key = ?4)
         ORDER BY c.last_activity DESC, c.id DESC LIMIT ?8 OFFSET ?9"
    ))?;
    let rows = stmt
        .query_map(
            params![agency_id, f.status, f.assigned_to, key, number, prefix, inner, limit, offset],
            row,
        )?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

/// Likely duplicates of a new client in the same agency: a similar chosen name or the same
/// initials (accents and case ignored), with the same birth date or age.
pub fn duplicates(
    conn: &Connection,
    agency_id: AgencyId,
    c: &Client,
    today: Date,
) -> Result<Vec<Row>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {ROW_COLUMNS} FROM clients c LEFT JOIN users u ON u.id = c.assigned_to
                  WHERE c.id IN (SELECT id FROM clients WHERE agency_id = ?1 AND name_key = ?2
                        UNION SELECT id FROM clients WHERE agency_id = ?1 AND initials_key = ?3)
         ORDER BY c.last_activity DESC LIMIT 50"
    ))?;
    let candidates = stmt
        .query_map(params![agency_id, name_key(&c.chosen_name), initials_key(&c.chosen_name)], row)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let new_age = c.age_on(today);
    Ok(candidates
        .into_iter()
        .filter(|r| {
            let born: Option<Date> = r.birth_date.as_deref().and_then(|d| d.parse().ok());
            if let (Some(a), Some(b)) = (born, c.birth_date) {
                return a == b;
            }
            let intake: Option<Date> = r.intake_on.parse().ok();
            let their_age = match born {
                Some(b) => Some(Client { birth_date: Some(b), ..Default::default() }.age_on(today))
                    .flatten(),
                None => r.age.zip(intake).map(|(a, i)| a + (today.year() - i.year()) as i64),
            };
            matches!((their_age, new_age), (Some(x), Some(y)) if (x - y).abs() <= 1)
        })
        .collect())
}
