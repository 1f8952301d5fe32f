//! Finding clients: the agency's list a page at a time, and likely duplicates of a new one.

use jiff::civil::Date;
use rusqlite::{Connection, params};

use crate::domain::client::{Client, initials_key, name_key};
use crate::domain::ids::{AgencyId, ClientId};
use crate::error::Result;
use crate::store::Query;

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
    /// The searcher's role sees legal names: the search looks in them too (the rows never
    /// show them).
    pub legal_names: bool,
}

/// The full-text query for what was typed: each word (accents and case folded) as the start
/// of a word of the chosen name or of the initials, all of them required. None when nothing
/// searchable was typed.
pub fn match_words(search: &str) -> Option<String> {
    let key = name_key(search);
    let words: Vec<String> = key
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| format!("\"{w}\"*"))
        .collect();
    (!words.is_empty()).then(|| words.join(" "))
}

/// One page of an agency's clients, most recently active first. A search is a record number
/// ("#12", a direct lookup), or words found through the full-text index (a bare number is
/// also taken as a record number).
pub fn list(
    conn: &Connection,
    agency_id: AgencyId,
    f: &Filter,
    offset: i64,
    limit: i64,
) -> Result<Vec<Row>> {
    let search = f.search.as_deref().map(str::trim).filter(|s| !s.is_empty());
    let number = search.and_then(|s| s.strip_prefix('#').unwrap_or(s).trim().parse::<i64>().ok());
    let words = search
        .filter(|s| !s.starts_with('#'))
        .and_then(match_words)
        .map(|w| if f.legal_names { w } else { format!("{{name_key initials_key}} : ({w})") });
    let from = "FROM clients_shown c LEFT JOIN users u ON u.id = c.assigned_to";
    let mut q = Query::new(&format!("SELECT {ROW_COLUMNS} {from}"));
    // A search starts from the clients it finds (by record number or through the index), never
    // from a walk of the agency's clients in order: "+" keeps the planner off the indexes that
    // would walk them.
    let (agency, order) = if search.is_some() {
        ("+c.agency_id = ?", "+c.last_activity DESC, c.id DESC")
    } else {
        ("c.agency_id = ?", "c.last_activity DESC, c.id DESC")
    };
    q.and(agency, agency_id.0);
    match (search, number, words) {
        (None, ..) => {}
        (Some(_), Some(n), Some(w)) => q.and_values(
            "(c.id = ? OR c.id IN (SELECT rowid FROM clients_search WHERE clients_search MATCH ?))",
            vec![n.into(), w.into()],
        ),
        (Some(_), Some(n), None) => q.and("c.id = ?", n),
        (Some(_), None, Some(w)) => {
            q.and("c.id IN (SELECT rowid FROM clients_search WHERE clients_search MATCH ?)", w)
        }
        // Nothing that could match (only punctuation, or "#" and no number).
        (Some(_), None, None) => q.and_always("0"),
    }
    if let Some(status) = &f.status {
        q.and("c.status = ?", status.clone());
    }
    if let Some(who) = f.assigned_to {
        q.and("c.assigned_to = ?", who);
    }
    let q = q.page(order, limit, offset);
    let mut stmt = conn.prepare_cached(&q.sql)?;
    let rows = stmt
        .query_map(rusqlite::params_from_iter(q.values.iter()), row)?
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
        "SELECT {ROW_COLUMNS} FROM clients_shown c LEFT JOIN users u ON u.id = c.assigned_to
                  WHERE c.id IN (SELECT id FROM clients_shown WHERE agency_id = ?1 AND name_key = ?2
                        UNION SELECT id FROM clients_shown WHERE agency_id = ?1 AND initials_key = ?3)
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
