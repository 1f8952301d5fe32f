//! Finding services: the ranked, filtered search and a service in full.

use crate::domain::ids::ServiceId;
use jiff::civil::Date;
use rusqlite::{Connection, params};

use crate::domain::directory::Span;
use crate::error::Result;
use crate::store::Query;

use super::schedule;

/// What the user typed, as an FTS5 query: each word a quoted prefix term, all required, or any
/// of the words the search-words list gives for it ("tvisa" also finds "t visa" and
/// "immigration"). Only letters, digits and spaces reach the query, so "(", "*", quotes, NEAR,
/// ^ or a lone - are harmless. None when nothing searchable was typed.
pub fn fts_query(text: &str) -> Option<String> {
    let folded = crate::domain::text::fold(text);
    // "T-visa", "t visa" and "tvisa" are one word to the list.
    let joined = folded.replace("t-visa", "tvisa").replace("t visa", "tvisa");
    let joined = joined.replace("u-visa", "uvisa").replace("u visa", "uvisa");
    let terms: Vec<String> = joined
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(8)
        .map(|w| {
            let w: String = w.chars().take(40).collect();
            let mut any = vec![format!("\"{w}\"*")];
            for s in synonyms(&w) {
                // A phrase is matched as it stands; one word also as a prefix.
                let clean: String =
                    s.chars().filter(|c| c.is_alphanumeric() || *c == ' ').collect();
                any.push(if clean.contains(' ') {
                    format!("\"{clean}\"")
                } else {
                    format!("\"{clean}\"*")
                });
            }
            if any.len() == 1 { any.remove(0) } else { format!("({})", any.join(" OR ")) }
        })
        .collect();
    // Joined with an explicit AND: FTS5 takes no implicit AND before a parenthesis.
    (!terms.is_empty()).then(|| terms.join(" AND "))
}

/// The filters as terms of the index's `filters` column, all required.
/// "Open now" is not among them: the search adds it (the whole hour, or part of it). None when
/// there is no other filter.
fn filter_query(f: &Filter) -> Option<String> {
    use crate::domain::directory::{OPEN_24_7_TOKEN, STATEWIDE_TOKEN, filter_token};
    let term = |t: &str| format!("filters : \"{t}\"");
    let mut terms = Vec::new();
    for (kind, value) in
        [("category", &f.category), ("population", &f.population), ("language", &f.language)]
    {
        if let Some(v) = value {
            terms.push(term(&filter_token(kind, v)));
        }
    }
    if let Some(a) = &f.area {
        terms.push(format!("({} OR {})", term(&filter_token("area", a)), term(STATEWIDE_TOKEN)));
    }
    if f.open_24_7 {
        terms.push(term(OPEN_24_7_TOKEN));
    }
    (!terms.is_empty()).then(|| terms.join(" AND "))
}

fn synonyms(word: &str) -> &'static [String] {
    crate::domain::directory::search_synonyms(word)
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
    pub service_id: ServiceId,
    pub name: String,
    pub organization: String,
    pub categories: Vec<String>,
    pub areas: Vec<String>,
    pub statewide: bool,
    pub phone: Option<String>,
    pub unverified: bool,
    /// Not verified for over a year (or never).
    pub stale: bool,
    /// HSDS status "temporarily closed".
    pub closed: bool,
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
    // The words are looked for in what a service says of itself, never among its filters.
    let fts = fts_query(text)
        .map(|m| format!("{{name organization description categories places}} : ({m})"));
    let rank =
        if fts.is_some() { "bm25(dir_search, 10.0, 4.0, 1.0, 6.0, 3.0, 0.0)" } else { "s.name" };
    let filtered = f.category.is_some()
        || f.area.is_some()
        || f.population.is_some()
        || f.language.is_some()
        || f.open_24_7
        || f.open_now.is_some();
    // While a directory import's services are in the table (see `staged`), the index holds
    // them too: those not shown are left out by id, after the index answered (the `+` keeps
    // the ids from being handed to the index, which would then run the words once per id:
    // 35 s for 20,000 services, seen by hand).
    let shown_only = |q: &mut Query, id: &str| -> Result<()> {
        if super::staging(conn)? {
            q.and_always(&format!("+{id} NOT IN ({})", super::staged::HIDDEN));
        }
        Ok(())
    };
    // Words and no filters: the index alone answers (retired services are not in it), with no
    // join for every match.
    if let (Some(m), false) = (&fts, filtered) {
        let mut q = Query::new(&format!("SELECT rowid AS id, {rank} AS r FROM dir_search"));
        q.and("dir_search MATCH ?", m.clone());
        shown_only(&mut q, "rowid")?;
        return page_of(conn, q.page("r, rowid", limit, offset), today);
    }
    // Words and filters: the filters are tokens in the index too, so the index's intersection
    // answers them, and only the services it finds are ranked. "Open now" is the hour: the
    // services open all of it (or around the clock) are found by the index alone; those open
    // for part of it have the minute checked against their hours.
    if let Some(m) = &fts {
        let both = match filter_query(f) {
            Some(filters) => format!("{m} AND {filters}"),
            None => m.clone(),
        };
        let Some((day, minute)) = f.open_now else {
            let mut q = Query::new(&format!("SELECT rowid AS id, {rank} AS r FROM dir_search"));
            q.and("dir_search MATCH ?", both);
            shown_only(&mut q, "rowid")?;
            return page_of(conn, q.page("r, rowid", limit, offset), today);
        };
        use crate::domain::directory::{OPEN_24_7_TOKEN, open_token, part_token};
        let hour = minute / 60;
        let mut q = Query::new(&format!(
            "SELECT id, r FROM (
                SELECT rowid AS id, {rank} AS r FROM dir_search WHERE dir_search MATCH ?
                UNION ALL
                SELECT rowid AS id, {rank} AS r FROM dir_search WHERE dir_search MATCH ?
                    AND EXISTS (SELECT 1 FROM dir_schedules h WHERE h.service_id = dir_search.rowid
                                AND h.weekday = ? AND h.opens <= ? AND h.closes > ?))"
        ));
        let whole = format!(
            "{both} AND (filters : \"{}\" OR filters : \"{OPEN_24_7_TOKEN}\")",
            open_token(day, hour)
        );
        let part = format!("{both} AND filters : \"{}\"", part_token(day, hour));
        q.values = vec![whole.into(), part.into(), day.into(), minute.into(), minute.into()];
        shown_only(&mut q, "id")?;
        return page_of(conn, q.page("r, id", limit, offset), today);
    }
    let mut q = match &fts {
        Some(_) => Query::new(&format!(
            "SELECT s.id AS id, {rank} AS r FROM dir_search JOIN dir_services_shown s ON s.id = dir_search.rowid
             JOIN dir_organizations o ON o.id = s.organization_id"
        )),
        None => Query::new(&format!(
            "SELECT s.id AS id, {rank} AS r FROM dir_services_shown s JOIN dir_organizations o ON o.id = s.organization_id"
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
                (SELECT group_concat(value, ';') FROM dir_service_tags t WHERE t.service_id = s.id AND t.kind = 'area'),
                s.temporarily_closed
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
                closed: r.get(9)?,
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
    /// Each place: its name, the street address (only when allowed), city, state (when not
    /// New Mexico) and ZIP, with the place's own phones.
    pub places: Vec<(String, Vec<super::Phone>)>,
    pub schedule: Vec<Span>,
    /// The day it was read (New Mexico time): whether a dated schedule has ended.
    pub today: Date,
    /// Every phone of the service, of every type.
    pub phones: Vec<super::Phone>,
    /// Schedules that are not plain weekly hours.
    pub rules: Vec<super::Rule>,
    /// Service areas as the source worded them.
    pub area_names: Vec<String>,
}

pub fn detail(conn: &Connection, id: ServiceId, today: Date) -> Result<Option<Detail>> {
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
    let mut full = super::NewService::default();
    super::parts::read(conn, id, &mut full)?;
    let places = full
        .locations
        .iter()
        .map(|l| {
            let street = if l.show_address { l.address.clone() } else { None };
            let parts: Vec<String> =
                [l.name.clone(), street, l.city.clone(), l.state.clone(), l.zip.clone()]
                    .into_iter()
                    .flatten()
                    .collect();
            (parts.join(", "), l.phones.clone())
        })
        .collect();
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
        today,
        phones: full.phones,
        rules: full.rules,
        area_names: full.area_names,
    }))
}
