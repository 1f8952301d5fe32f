//! The resource directory: organisations, their services and locations, and search over them.
//! Search is FTS5 with accents folded; what a user types is turned into quoted prefix terms, so
//! no character they type can be read as query syntax.

use jiff::Timestamp;
use jiff::civil::Date;
use rusqlite::{Connection, OptionalExtension, Transaction, params};

use crate::domain::directory::{
    CATEGORIES, LANGUAGES as DIR_LANGUAGES, POPULATIONS, Span, format_schedule, parse_schedule,
};
use crate::domain::fields::{FieldError, FieldSpec, Kind, Options, YES_NO};
use crate::domain::record::{Raw, RuntimeOptions, Values, parse_all};
use crate::domain::time;
use crate::error::Result;
use crate::i18n::Msg;
use crate::store::Query;

pub fn add_organization(
    tx: &Transaction,
    name: &str,
    description: &str,
    web: Option<&str>,
    confirmed: bool,
    last_verified: Option<Date>,
    now: Timestamp,
) -> Result<i64> {
    let at = time::to_db(now);
    tx.execute(
        "INSERT INTO dir_organizations (name, description, web, status, last_verified, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6)",
        params![name, description, web, if confirmed { "confirmed" } else { "unverified" },
                last_verified.map(|d| d.to_string()), at],
    )?;
    Ok(tx.last_insert_rowid())
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Location {
    pub city: Option<String>,
    pub zip: Option<String>,
    pub address: Option<String>,
    /// The place allows its street address to be shown (shelters are confidential by default).
    pub show_address: bool,
    /// Its identifier in an Open Referral (HSDS) exchange.
    pub hsds_id: Option<String>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct NewService {
    pub organization_id: i64,
    pub name: String,
    pub description: String,
    pub phone: Option<String>,
    pub text_number: Option<String>,
    pub hours: Option<String>,
    pub open_24_7: bool,
    pub statewide: bool,
    pub eligibility: Option<String>,
    pub intake_steps: Option<String>,
    pub last_verified: Option<Date>,
    pub categories: Vec<String>,
    pub populations: Vec<String>,
    pub languages: Vec<String>,
    /// Counties and tribal nations served (ignored when statewide).
    pub areas: Vec<String>,
    pub locations: Vec<Location>,
    /// Opening hours (America/Denver), for "open now".
    pub schedule: Vec<Span>,
}

/// Add a service with its tags, locations and search entry, in the caller's transaction.
pub fn add_service(tx: &Transaction, s: &NewService, now: Timestamp) -> Result<i64> {
    let at = time::to_db(now);
    tx.execute(
        "INSERT INTO dir_services (organization_id, name, description, phone, text_number, hours, open_24_7,
             statewide, eligibility, intake_steps, last_verified, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?12)",
        params![s.organization_id, s.name, s.description, s.phone, s.text_number, s.hours, s.open_24_7, s.statewide,
                s.eligibility, s.intake_steps, s.last_verified.map(|d| d.to_string()), at],
    )?;
    let id = tx.last_insert_rowid();
    put_parts(tx, id, s)?;
    Ok(id)
}

/// A service's tags, locations, opening hours and search entry (after its row is written).
fn put_parts(tx: &Transaction, id: i64, s: &NewService) -> Result<()> {
    let mut tag = tx.prepare_cached(
        "INSERT OR IGNORE INTO dir_service_tags (service_id, kind, value) VALUES (?1, ?2, ?3)",
    )?;
    for (kind, values) in [
        ("category", &s.categories),
        ("population", &s.populations),
        ("language", &s.languages),
        ("area", &s.areas),
    ] {
        for v in values {
            tag.execute(params![id, kind, v])?;
        }
    }
    for l in &s.locations {
        tx.execute(
            "INSERT INTO dir_locations (service_id, city, zip, address, show_address, hsds_id)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![id, l.city, l.zip, l.address, l.show_address, l.hsds_id],
        )?;
    }
    let organization: String = tx.query_row(
        "SELECT name FROM dir_organizations WHERE id = ?1",
        params![s.organization_id],
        |r| r.get(0),
    )?;
    tx.execute(
        "INSERT INTO dir_search (rowid, name, organization, description, categories) VALUES (?1, ?2, ?3, ?4, ?5)",
        params![id, s.name, organization, s.description, s.categories.join(" ").replace('_', " ")],
    )?;
    let mut hours = tx.prepare_cached(
        "INSERT OR IGNORE INTO dir_schedules (service_id, weekday, opens, closes) VALUES (?1, ?2, ?3, ?4)",
    )?;
    for h in &s.schedule {
        hours.execute(params![id, h.weekday, h.opens, h.closes])?;
    }
    Ok(())
}

/// Change a service: its row, and its tags, locations, hours and search entry replaced. The
/// organisation keeps the service's id, so referrals made to it still point at it.
pub fn update_service(tx: &Transaction, id: i64, s: &NewService, now: Timestamp) -> Result<()> {
    let n = tx.execute(
        "UPDATE dir_services SET organization_id = ?1, name = ?2, description = ?3, phone = ?4, text_number = ?5,
             hours = ?6, open_24_7 = ?7, statewide = ?8, eligibility = ?9, intake_steps = ?10,
             last_verified = ?11, updated_at = ?12
         WHERE id = ?13 AND retired_at IS NULL",
        params![s.organization_id, s.name, s.description, s.phone, s.text_number, s.hours, s.open_24_7,
                s.statewide, s.eligibility, s.intake_steps, s.last_verified.map(|d| d.to_string()),
                time::to_db(now), id],
    )?;
    if n == 0 {
        return Err(crate::Error::user(crate::i18n::Msg::ErrNoSuchRecord));
    }
    for table in ["dir_service_tags", "dir_schedules", "dir_locations"] {
        tx.execute(&format!("DELETE FROM {table} WHERE service_id = ?1"), params![id])?;
    }
    tx.execute("DELETE FROM dir_search WHERE rowid = ?1", params![id])?;
    put_parts(tx, id, s)
}

/// Mark a service checked today.
pub fn verify_service(tx: &Transaction, id: i64, today: Date, now: Timestamp) -> Result<()> {
    let n = tx.execute(
        "UPDATE dir_services SET last_verified = ?1, updated_at = ?2 WHERE id = ?3 AND retired_at IS NULL",
        params![today.to_string(), time::to_db(now), id],
    )?;
    if n == 0 {
        return Err(crate::Error::user(crate::i18n::Msg::ErrNoSuchRecord));
    }
    Ok(())
}

/// A service as its edit form starts: everything stored, street address included (only
/// supervisors and administrators edit).
pub fn service_for_edit(conn: &Connection, id: i64) -> Result<Option<NewService>> {
    stored_service(conn, id, false)
}

/// A service as stored, with its tags, places and hours; a retired one only if `retired_too`.
pub fn stored_service(conn: &Connection, id: i64, retired_too: bool) -> Result<Option<NewService>> {
    let found = conn
        .query_row(
            "SELECT organization_id, name, description, phone, text_number, hours, open_24_7, statewide,
                    eligibility, intake_steps, last_verified
             FROM dir_services WHERE id = ?1 AND (retired_at IS NULL OR ?2)",
            params![id, retired_too],
            |r| {
                Ok(NewService {
                    organization_id: r.get(0)?,
                    name: r.get(1)?,
                    description: r.get(2)?,
                    phone: r.get(3)?,
                    text_number: r.get(4)?,
                    hours: r.get(5)?,
                    open_24_7: r.get(6)?,
                    statewide: r.get(7)?,
                    eligibility: r.get(8)?,
                    intake_steps: r.get(9)?,
                    last_verified: r.get::<_, Option<String>>(10)?.and_then(|d| d.parse().ok()),
                    ..Default::default()
                })
            },
        )
        .optional()?;
    let Some(mut s) = found else { return Ok(None) };
    let mut stmt = conn.prepare_cached(
        "SELECT kind, value FROM dir_service_tags WHERE service_id = ?1 ORDER BY kind, value",
    )?;
    for row in
        stmt.query_map(params![id], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?
    {
        let (kind, value) = row?;
        match kind.as_str() {
            "category" => s.categories.push(value),
            "population" => s.populations.push(value),
            "language" => s.languages.push(value),
            _ => s.areas.push(value),
        }
    }
    s.locations = locations(conn, id)?;
    s.schedule = schedule(conn, id)?;
    Ok(Some(s))
}

pub fn locations(conn: &Connection, id: i64) -> Result<Vec<Location>> {
    let mut stmt = conn.prepare_cached(
        "SELECT city, zip, address, show_address, hsds_id FROM dir_locations WHERE service_id = ?1 ORDER BY id",
    )?;
    let rows = stmt
        .query_map(params![id], |r| {
            Ok(Location {
                city: r.get(0)?,
                zip: r.get(1)?,
                address: r.get(2)?,
                show_address: r.get(3)?,
                hsds_id: r.get(4)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}

pub fn schedule(conn: &Connection, id: i64) -> Result<Vec<Span>> {
    let mut stmt = conn.prepare_cached(
        "SELECT weekday, opens, closes FROM dir_schedules WHERE service_id = ?1 ORDER BY weekday, opens",
    )?;
    let rows = stmt
        .query_map(params![id], |r| {
            Ok(Span { weekday: r.get(0)?, opens: r.get(1)?, closes: r.get(2)? })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}

/// The organisations, by name, for the service form's list.
pub fn organizations(conn: &Connection) -> Result<Vec<(i64, String)>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, name FROM dir_organizations WHERE retired_at IS NULL ORDER BY name, id",
    )?;
    let rows =
        stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?.collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}

/// Retire a service: it stays for the referrals made to it, but leaves search (and the index).
pub fn retire_service(tx: &Transaction, id: i64, now: Timestamp) -> Result<()> {
    tx.execute(
        "UPDATE dir_services SET retired_at = ?1 WHERE id = ?2 AND retired_at IS NULL",
        params![time::to_db(now), id],
    )?;
    tx.execute("DELETE FROM dir_search WHERE rowid = ?1", params![id])?;
    Ok(())
}

/// What the user typed, as an FTS5 query: each word a quoted prefix term, all required. Only
/// letters and digits reach the query, so "(", "*", quotes, NEAR, ^ or a lone - are harmless.
/// None when nothing searchable was typed.
pub fn fts_query(text: &str) -> Option<String> {
    let terms: Vec<String> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(8)
        .map(|w| format!("\"{}\"*", w.chars().take(40).collect::<String>().to_lowercase()))
        .collect();
    (!terms.is_empty()).then(|| terms.join(" "))
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filter {
    pub category: Option<String>,
    /// A county or tribal nation: services there or statewide.
    pub area: Option<String>,
    pub population: Option<String>,
    pub language: Option<String>,
    /// Only services open around the clock.
    pub open_24_7: bool,
    /// Only services open at this local weekday and minute (or around the clock).
    pub open_now: Option<(u8, u16)>,
}

/// A result line: name, categories, area and phone, and the flags a worker must see.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Hit {
    pub service_id: i64,
    pub name: String,
    pub organization: String,
    pub categories: Vec<String>,
    pub areas: Vec<String>,
    pub statewide: bool,
    pub phone: Option<String>,
    pub unverified: bool,
    /// Not verified for over a year (or never).
    pub stale: bool,
}

/// One page of services matching `text` (ranked) and the filters; retired ones never show.
pub fn search(
    conn: &Connection,
    text: &str,
    f: &Filter,
    today: Date,
    offset: i64,
    limit: i64,
) -> Result<Vec<Hit>> {
    // First the page of ids, ranked and limited; then the columns for those rows only (the tag
    // lists are subqueries that must not run for every match).
    let fts = fts_query(text);
    let rank = if fts.is_some() { "bm25(dir_search, 10.0, 4.0, 1.0, 6.0)" } else { "s.name" };
    let filtered = f.category.is_some()
        || f.area.is_some()
        || f.population.is_some()
        || f.language.is_some()
        || f.open_24_7
        || f.open_now.is_some();
    // Words and no filters: the index alone answers (retired services are not in it), with no
    // join for every match.
    if let (Some(m), false) = (&fts, filtered) {
        let mut q = Query::new(&format!("SELECT rowid AS id, {rank} AS r FROM dir_search"));
        q.and("dir_search MATCH ?", m.clone());
        return page_of(conn, q.page("r, rowid", limit, offset), today);
    }
    let mut q = match &fts {
        Some(_) => Query::new(&format!(
            "SELECT s.id AS id, {rank} AS r FROM dir_search JOIN dir_services s ON s.id = dir_search.rowid
             JOIN dir_organizations o ON o.id = s.organization_id"
        )),
        None => Query::new(&format!(
            "SELECT s.id AS id, {rank} AS r FROM dir_services s JOIN dir_organizations o ON o.id = s.organization_id"
        )),
    };
    if let Some(m) = &fts {
        q.and("dir_search MATCH ?", m.clone());
    }
    q.and_always("s.retired_at IS NULL AND o.retired_at IS NULL");
    let tag = "EXISTS (SELECT 1 FROM dir_service_tags t WHERE t.service_id = s.id AND t.kind = '{}' AND t.value = ?)";
    for (kind, value) in
        [("category", &f.category), ("population", &f.population), ("language", &f.language)]
    {
        if let Some(v) = value {
            q.and(&tag.replace("{}", kind), v.clone());
        }
    }
    if let Some(a) = &f.area {
        q.and(&format!("(s.statewide = 1 OR {})", tag.replace("{}", "area")), a.clone());
    }
    if f.open_24_7 {
        q.and("s.open_24_7 = ?", 1);
    }
    if let Some((day, minute)) = f.open_now {
        q.and_values(
            "(s.open_24_7 = 1 OR EXISTS (SELECT 1 FROM dir_schedules h WHERE h.service_id = s.id
                AND h.weekday = ? AND h.opens <= ? AND h.closes > ?))",
            vec![day.into(), minute.into(), minute.into()],
        );
    }
    page_of(conn, q.page("r, s.id", limit, offset), today)
}

/// The result lines of a page of ids chosen by `q` (which selects `id` and its order `r`).
fn page_of(conn: &Connection, mut q: Query, today: Date) -> Result<Vec<Hit>> {
    q.sql = format!(
        "WITH page AS ({}) SELECT s.id, s.name, o.name, s.phone, o.status,
                coalesce(s.last_verified, o.last_verified), s.statewide,
                (SELECT group_concat(value, ';') FROM dir_service_tags t WHERE t.service_id = s.id AND t.kind = 'category'),
                (SELECT group_concat(value, ';') FROM dir_service_tags t WHERE t.service_id = s.id AND t.kind = 'area')
         FROM page JOIN dir_services s ON s.id = page.id JOIN dir_organizations o ON o.id = s.organization_id
         ORDER BY page.r, page.id",
        q.sql
    );
    let stale_before = today.checked_sub(jiff::Span::new().years(1)).unwrap_or(today).to_string();
    let mut stmt = conn.prepare_cached(&q.sql)?;
    let split = |v: Option<String>| -> Vec<String> {
        v.map(|s| s.split(';').map(str::to_string).collect()).unwrap_or_default()
    };
    let rows = stmt
        .query_map(rusqlite::params_from_iter(q.values), |r| {
            let verified: Option<String> = r.get(5)?;
            Ok(Hit {
                service_id: r.get(0)?,
                name: r.get(1)?,
                organization: r.get(2)?,
                phone: r.get(3)?,
                unverified: r.get::<_, String>(4)? == "unverified",
                stale: verified.is_none_or(|d| d < stale_before),
                statewide: r.get(6)?,
                categories: split(r.get(7)?),
                areas: split(r.get(8)?),
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

/// The category ids a service may carry (labels in `domain::directory`).
pub fn categories() -> Vec<&'static str> {
    crate::domain::directory::CATEGORIES.iter().map(|(id, _)| *id).collect()
}

pub fn populations() -> Vec<&'static str> {
    crate::domain::directory::POPULATIONS.iter().map(|(id, _)| *id).collect()
}

/// The directory a new database starts with (checked public facts, with their status).
pub const SEED: &str = include_str!("../../data/directory-seed.toml");

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
                    })
                    .collect(),
                schedule: crate::domain::directory::parse_schedule(
                    s.schedule.as_deref().unwrap_or(""),
                )
                .map_err(crate::Error::user)?,
            };
            add_service(tx, &service, now)?;
            added += 1;
        }
    }
    Ok(added)
}

/// A service in full, as the detail view shows it. A location's street address is present only
/// when the place allows it to be shown.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Detail {
    pub hit: Hit,
    pub description: String,
    pub organization_description: String,
    pub web: Option<String>,
    pub text_number: Option<String>,
    pub hours: Option<String>,
    pub open_24_7: bool,
    pub eligibility: Option<String>,
    pub intake_steps: Option<String>,
    pub populations: Vec<String>,
    pub languages: Vec<String>,
    /// City, ZIP and (only when allowed) the street address of each place.
    pub places: Vec<String>,
    pub schedule: Vec<Span>,
}

pub fn detail(conn: &Connection, id: i64, today: Date) -> Result<Option<Detail>> {
    let Some(hit) = page_of(
        conn,
        {
            let mut q = Query::new("SELECT s.id AS id, s.name AS r FROM dir_services s");
            q.and("s.id = ?", id);
            q.page("r", 1, 0)
        },
        today,
    )?
    .into_iter()
    .next() else {
        return Ok(None);
    };
    struct Extra {
        description: String,
        organization_description: String,
        web: Option<String>,
        text_number: Option<String>,
        hours: Option<String>,
        open_24_7: bool,
        eligibility: Option<String>,
        intake_steps: Option<String>,
    }
    let x = conn.query_row(
        "SELECT s.description, o.description, o.web, s.text_number, s.hours, s.open_24_7, s.eligibility, s.intake_steps
         FROM dir_services s JOIN dir_organizations o ON o.id = s.organization_id WHERE s.id = ?1",
        params![id],
        |r| {
            Ok(Extra {
                description: r.get(0)?,
                organization_description: r.get(1)?,
                web: r.get(2)?,
                text_number: r.get(3)?,
                hours: r.get(4)?,
                open_24_7: r.get(5)?,
                eligibility: r.get(6)?,
                intake_steps: r.get(7)?,
            })
        },
    )?;
    let tags = |kind: &str| -> Result<Vec<String>> {
        let mut stmt = conn.prepare_cached(
            "SELECT value FROM dir_service_tags WHERE service_id = ?1 AND kind = ?2 ORDER BY value",
        )?;
        Ok(stmt.query_map(params![id, kind], |r| r.get(0))?.collect::<rusqlite::Result<_>>()?)
    };
    let mut stmt = conn.prepare_cached(
        "SELECT city, zip, CASE WHEN show_address = 1 THEN address END FROM dir_locations WHERE service_id = ?1",
    )?;
    let places = stmt
        .query_map(params![id], |r| {
            let parts: Vec<Option<String>> = vec![r.get(2)?, r.get(0)?, r.get(1)?];
            Ok(parts.into_iter().flatten().collect::<Vec<_>>().join(", "))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(Some(Detail {
        hit,
        description: x.description,
        organization_description: x.organization_description,
        web: x.web,
        text_number: x.text_number,
        hours: x.hours,
        open_24_7: x.open_24_7,
        eligibility: x.eligibility,
        intake_steps: x.intake_steps,
        populations: tags("population")?,
        languages: tags("language")?,
        places,
        schedule: schedule(conn, id)?,
    }))
}

/// The service form's fields (supervisors and administrators).
pub const SERVICE_FIELDS: &[FieldSpec] = &[
    FieldSpec::new("organization", Msg::FieldOrganization, Kind::One(Options::Runtime)),
    FieldSpec::new("new_organization", Msg::FieldNewOrganization, Kind::Line { max: 200 }),
    FieldSpec::new("confirmed", Msg::FieldConfirmed, Kind::One(Options::Fixed(YES_NO))).required(),
    FieldSpec::new("name", Msg::FieldServiceName, Kind::Line { max: 200 }).required(),
    FieldSpec::new("description", Msg::FieldDescription, Kind::Notes { max: 2000 }),
    FieldSpec::new("categories", Msg::FieldCategories, Kind::Many(Options::Fixed(CATEGORIES)))
        .required(),
    FieldSpec::new("phone", Msg::FieldPhone, Kind::Line { max: 40 }),
    FieldSpec::new("text_number", Msg::FieldTextNumber, Kind::Line { max: 40 }),
    FieldSpec::new("schedule", Msg::FieldSchedule, Kind::Line { max: 200 }),
    FieldSpec::new("open_24_7", Msg::FieldOpen247, Kind::One(Options::Fixed(YES_NO))).required(),
    FieldSpec::new("hours", Msg::FieldHours, Kind::Line { max: 200 }),
    FieldSpec::new("statewide", Msg::FieldStatewide, Kind::One(Options::Fixed(YES_NO))).required(),
    FieldSpec::new("areas", Msg::FieldAreas, Kind::Many(Options::Areas)),
    FieldSpec::new("populations", Msg::FieldPopulations, Kind::Many(Options::Fixed(POPULATIONS))),
    FieldSpec::new("languages", Msg::FieldLanguages, Kind::Many(Options::Fixed(DIR_LANGUAGES))),
    FieldSpec::new("eligibility", Msg::FieldEligibility, Kind::Line { max: 1000 }),
    FieldSpec::new("intake_steps", Msg::FieldIntakeSteps, Kind::Line { max: 1000 }),
    FieldSpec::new("city", Msg::FieldCity, Kind::Line { max: 80 }),
    FieldSpec::new("zip", Msg::FieldZip, Kind::Line { max: 10 }),
    FieldSpec::new("address", Msg::FieldStreet, Kind::Line { max: 200 }),
    FieldSpec::new("show_address", Msg::FieldShowAddress, Kind::One(Options::Fixed(YES_NO)))
        .required(),
    FieldSpec::new("last_verified", Msg::FieldLastVerified, Kind::Date),
];

/// What the service form gives: the service, a new organisation's name (instead of a chosen
/// one) and whether the organisation is confirmed.
pub struct ServiceInput {
    pub service: NewService,
    pub new_organization: Option<String>,
    pub confirmed: bool,
}

pub fn service_from_raw(
    raw: &Raw,
    runtime: &RuntimeOptions,
) -> std::result::Result<ServiceInput, Vec<FieldError>> {
    let v = Values(parse_all(SERVICE_FIELDS, raw, runtime)?);
    let mut errors = Vec::new();
    let new_organization = v.text("new_organization");
    let organization_id = v.text("organization").and_then(|o| o.parse::<i64>().ok());
    if new_organization.is_none() && organization_id.is_none() {
        errors.push(FieldError::new("organization", Msg::ErrOrganizationNeeded));
    }
    let schedule = match parse_schedule(&v.one("schedule")) {
        Ok(s) => s,
        Err(m) => {
            errors.push(FieldError::new("schedule", m));
            Vec::new()
        }
    };
    if !errors.is_empty() {
        return Err(errors);
    }
    let yes = |k: &str| v.one(k) == "yes";
    let location = Location {
        city: v.text("city"),
        zip: v.text("zip"),
        address: v.text("address"),
        show_address: yes("show_address"),
        hsds_id: None,
    };
    let has_location =
        location.city.is_some() || location.zip.is_some() || location.address.is_some();
    Ok(ServiceInput {
        service: NewService {
            organization_id: organization_id.unwrap_or_default(),
            name: v.one("name"),
            description: v.text("description").unwrap_or_default(),
            phone: v.text("phone"),
            text_number: v.text("text_number"),
            hours: v.text("hours"),
            open_24_7: yes("open_24_7"),
            statewide: yes("statewide"),
            eligibility: v.text("eligibility"),
            intake_steps: v.text("intake_steps"),
            last_verified: v.date("last_verified"),
            categories: v.many("categories"),
            populations: v.many("populations"),
            languages: v.many("languages"),
            areas: v.many("areas"),
            locations: if has_location { vec![location] } else { Vec::new() },
            schedule,
        },
        new_organization,
        confirmed: yes("confirmed"),
    })
}

/// A stored service as the form's fields (the first location; others are kept on save).
pub fn service_to_raw(s: &NewService, confirmed: bool) -> Raw {
    let mut raw = Raw::new();
    let yn = |b: bool| if b { "yes" } else { "no" }.to_string();
    let opt = |o: &Option<String>| o.clone().unwrap_or_default();
    raw.insert("organization".into(), s.organization_id.to_string());
    raw.insert("confirmed".into(), yn(confirmed));
    raw.insert("name".into(), s.name.clone());
    raw.insert("description".into(), s.description.clone());
    raw.insert("categories".into(), s.categories.join(";"));
    raw.insert("phone".into(), opt(&s.phone));
    raw.insert("text_number".into(), opt(&s.text_number));
    raw.insert("schedule".into(), format_schedule(&s.schedule, crate::i18n::Lang::En));
    raw.insert("open_24_7".into(), yn(s.open_24_7));
    raw.insert("hours".into(), opt(&s.hours));
    raw.insert("statewide".into(), yn(s.statewide));
    raw.insert("areas".into(), s.areas.join(";"));
    raw.insert("populations".into(), s.populations.join(";"));
    raw.insert("languages".into(), s.languages.join(";"));
    raw.insert("eligibility".into(), opt(&s.eligibility));
    raw.insert("intake_steps".into(), opt(&s.intake_steps));
    let first = s.locations.first().cloned().unwrap_or_default();
    raw.insert("city".into(), opt(&first.city));
    raw.insert("zip".into(), opt(&first.zip));
    raw.insert("address".into(), opt(&first.address));
    raw.insert("show_address".into(), yn(first.show_address));
    raw.insert("last_verified".into(), s.last_verified.map(|d| d.to_string()).unwrap_or_default());
    raw
}

/// Whether an organisation is confirmed.
pub fn organization_confirmed(conn: &Connection, id: i64) -> Result<bool> {
    Ok(conn
        .query_row(
            "SELECT status = 'confirmed' FROM dir_organizations WHERE id = ?1",
            params![id],
            |r| r.get(0),
        )
        .optional()?
        .unwrap_or(false))
}

pub fn set_organization_status(
    tx: &Transaction,
    id: i64,
    confirmed: bool,
    now: Timestamp,
) -> Result<()> {
    tx.execute(
        "UPDATE dir_organizations SET status = ?1, updated_at = ?2 WHERE id = ?3",
        params![if confirmed { "confirmed" } else { "unverified" }, time::to_db(now), id],
    )?;
    Ok(())
}
