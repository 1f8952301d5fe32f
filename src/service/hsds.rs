//! The directory in Open Referral's Human Services Data Specification (HSDS 3), tabular form:
//! one CSV file per table. Export writes what the directory holds (a shelter's confidential
//! street address never leaves); import checks every row of every file first and names each
//! problem with its file, row and column, then writes all of it in one transaction or nothing.
//!
//! Categories, populations and the organisation's verification travel as attributes of
//! taxonomies of our own; counties and tribal nations as service areas; languages by ISO 639
//! code; opening hours as weekly schedules in New Mexico local time.

use std::collections::{HashMap, HashSet};
use std::path::Path;

use jiff::Timestamp;
use jiff::civil::Date;
use rusqlite::{OptionalExtension, params};
use sha2::{Digest, Sha256};

use crate::domain::directory::{CATEGORIES, POPULATIONS, Span};
use crate::domain::text::clean_line;
use crate::error::{Error, Result};
use crate::i18n::{Lang, Msg, fill};
use crate::service::Who;
use crate::store::Store;
use crate::store::audit::{self, Event};
use crate::store::directory::{self, Location, NewService};

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
    ("service_at_locations.csv", &["id", "service_id", "location_id"]),
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
fn uuid_of(seed: &str) -> String {
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

/// Give every organisation, service and place that has none its exchange identifier, made
/// from its local id; from then on it keeps it, through edits and exchanges.
fn assign_ids(tx: &rusqlite::Transaction) -> Result<()> {
    for (table, kind) in [
        ("dir_organizations", "organization"),
        ("dir_services", "service"),
        ("dir_locations", "location"),
    ] {
        let ids: Vec<i64> = tx
            .prepare(&format!("SELECT id FROM {table} WHERE hsds_id IS NULL"))?
            .query_map([], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        let mut set = tx.prepare(&format!("UPDATE {table} SET hsds_id = ?1 WHERE id = ?2"))?;
        for id in ids {
            set.execute(params![uuid_of(&format!("{kind}:{id}")), id])?;
        }
    }
    Ok(())
}

/// Write the whole directory to `dir` as HSDS CSV files. Returns how many services.
pub fn export(store: &mut Store, dir: &Path) -> Result<usize> {
    store.write(assign_ids)?;
    let conn = store.conn();
    let mut out = Out::create(dir)?;
    // Our taxonomies and their terms.
    let tax: [(&str, &str, Vec<&str>); 4] = [
        (TAX_CATEGORY, "Service categories", CATEGORIES.iter().map(|(c, _)| *c).collect()),
        (TAX_POPULATION, "Populations served", POPULATIONS.iter().map(|(c, _)| *c).collect()),
        (TAX_FLAG, "Service flags", vec!["open_24_7"]),
        (TAX_STATUS, "Organisation verification", vec!["confirmed", "unverified"]),
    ];
    for (name, description, terms) in &tax {
        let tid = uuid_of(&format!("taxonomy:{name}"));
        out.row("taxonomies.csv", &[&tid, name, description])?;
        for code in terms {
            let term = uuid_of(&format!("term:{name}:{code}"));
            out.row("taxonomy_terms.csv", &[&term, code, code, code, &tid])?;
        }
    }
    let term = |tax: &str, code: &str| uuid_of(&format!("term:{tax}:{code}"));
    // Organisations.
    let mut orgs = HashMap::new();
    let mut stmt = conn.prepare(
        "SELECT id, coalesce(hsds_id, ''), name, description, coalesce(web, ''), status,
                coalesce(last_verified, '')
         FROM dir_organizations ORDER BY id",
    )?;
    let rows = stmt
        .query_map([], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, String>(3)?,
                r.get::<_, String>(4)?,
                r.get::<_, String>(5)?,
                r.get::<_, String>(6)?,
            ))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    for (id, hsds, name, description, web, status, verified) in rows {
        let oid = if hsds.is_empty() { uuid_of(&format!("organization:{id}")) } else { hsds };
        out.row("organizations.csv", &[&oid, &name, &description, &web])?;
        let aid = uuid_of(&format!("{oid}:status"));
        let t = term(TAX_STATUS, &status);
        out.row("attributes.csv", &[&aid, &oid, "verification", "organization", &t, &verified])?;
        orgs.insert(id, oid);
    }
    // Services and what hangs off them.
    let mut stmt = conn.prepare(
        "SELECT id, coalesce(hsds_id, ''), organization_id, retired_at IS NOT NULL FROM dir_services ORDER BY id",
    )?;
    let services = stmt
        .query_map([], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, i64>(2)?,
                r.get::<_, bool>(3)?,
            ))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    for (id, hsds, org, retired) in &services {
        let s = directory::stored_service(conn, *id, true)?
            .ok_or_else(|| Error::user(Msg::ErrNoSuchRecord))?;
        let sid = if hsds.is_empty() { uuid_of(&format!("service:{id}")) } else { hsds.clone() };
        let oid = orgs.get(org).cloned().unwrap_or_default();
        let opt = |o: &Option<String>| o.clone().unwrap_or_default();
        out.row(
            "services.csv",
            &[
                &sid,
                &oid,
                &s.name,
                &s.description,
                if *retired { "defunct" } else { "active" },
                &opt(&s.eligibility),
                &opt(&s.intake_steps),
                &s.last_verified.map(|d| d.to_string()).unwrap_or_default(),
            ],
        )?;
        let sub = |kind: &str, n: usize| uuid_of(&format!("{sid}:{kind}:{n}"));
        for (n, (number, kind)) in
            [(&s.phone, "voice"), (&s.text_number, "text")].into_iter().enumerate()
        {
            if let Some(number) = number {
                out.row("phones.csv", &[&sub("phone", n), &sid, number, kind])?;
            }
        }
        for (n, l) in s.locations.iter().enumerate() {
            let lid = l.hsds_id.clone().unwrap_or_else(|| sub("location", n));
            out.row("locations.csv", &[&lid, "physical", &oid, ""])?;
            // The street address only where the place allows it to be shown.
            let street = if l.show_address { opt(&l.address) } else { String::new() };
            out.row(
                "addresses.csv",
                &[
                    &uuid_of(&format!("{lid}:address")),
                    &lid,
                    &street,
                    &opt(&l.city),
                    "NM",
                    &opt(&l.zip),
                    "US",
                    "physical",
                ],
            )?;
            out.row("service_at_locations.csv", &[&uuid_of(&format!("{sid}:{lid}")), &sid, &lid])?;
        }
        let mut n = 0;
        if let Some(h) = &s.hours {
            out.row("schedules.csv", &[&sub("schedule", n), &sid, "", "", "", "", h])?;
            n += 1;
        }
        for span in &s.schedule {
            let day = DAYS[span.weekday as usize - 1];
            out.row(
                "schedules.csv",
                &[
                    &sub("schedule", n),
                    &sid,
                    "WEEKLY",
                    day,
                    &hhmm(span.opens),
                    &hhmm(span.closes),
                    "",
                ],
            )?;
            n += 1;
        }
        for (n, l) in s.languages.iter().enumerate() {
            let code = LANGUAGE_CODES.iter().find(|(id, _)| id == l).map_or("und", |(_, c)| *c);
            out.row("languages.csv", &[&sub("language", n), &sid, l, code])?;
        }
        let mut areas: Vec<&str> = s.areas.iter().map(String::as_str).collect();
        if s.statewide {
            areas.insert(0, STATEWIDE);
        }
        for (n, a) in areas.iter().enumerate() {
            out.row("service_areas.csv", &[&sub("area", n), &sid, a])?;
        }
        let mut n = 0;
        let mut attribute = |out: &mut Out, tax: &str, code: &str| -> Result<()> {
            let (aid, tid) = (sub("attribute", n), term(tax, code));
            n += 1;
            out.row("attributes.csv", &[&aid, &sid, tax, "service", &tid, ""])
        };
        for c in &s.categories {
            attribute(&mut out, TAX_CATEGORY, c)?;
        }
        for p in &s.populations {
            attribute(&mut out, TAX_POPULATION, p)?;
        }
        if s.open_24_7 {
            attribute(&mut out, TAX_FLAG, "open_24_7")?;
        }
    }
    out.finish()?;
    Ok(services.len())
}

/// An organisation read from the files.
#[derive(Clone, Debug)]
pub struct Org {
    pub hsds_id: String,
    pub name: String,
    pub description: String,
    pub web: Option<String>,
    pub confirmed: bool,
    pub last_verified: Option<Date>,
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

/// One file's rows: each a map of column to cell, with its row number in the file.
struct Table {
    file: &'static str,
    rows: Vec<(usize, HashMap<String, String>)>,
}

impl Table {
    fn read(dir: &Path, file: &'static str, problems: &mut Vec<String>, lang: Lang) -> Table {
        let mut t = Table { file, rows: Vec::new() };
        let path = dir.join(file);
        if !path.exists() {
            if matches!(file, "organizations.csv" | "services.csv") {
                problems.push(fill(Msg::ErrHsdsMissingFile.text(lang), &[file]));
            }
            return t;
        }
        let mut reader = match csv::ReaderBuilder::new().flexible(false).from_path(&path) {
            Ok(r) => r,
            Err(e) => {
                problems.push(fill(Msg::ErrCsvRead.text(lang), &[file, &e.to_string()]));
                return t;
            }
        };
        let headers: Vec<String> = match reader.headers() {
            Ok(h) => h.iter().map(|h| h.trim().to_ascii_lowercase()).collect(),
            Err(e) => {
                problems.push(fill(Msg::ErrCsvRead.text(lang), &[file, &e.to_string()]));
                return t;
            }
        };
        let needed = FILES.iter().find(|(f, _)| *f == file).map(|(_, c)| *c).unwrap_or(&[]);
        for c in needed.iter().filter(|c| matches!(**c, "id" | "service_id" | "name" | "link_id")) {
            let required = match *c {
                "name" => matches!(file, "organizations.csv" | "services.csv"),
                "service_id" => file != "locations.csv",
                _ => true,
            };
            if required && !headers.iter().any(|h| h == c) {
                problems.push(fill(Msg::ErrHsdsMissingColumn.text(lang), &[file, c]));
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
                Err(e) => problems.push(fill(Msg::ErrCsvRead.text(lang), &[file, &e.to_string()])),
            }
        }
        t
    }
}

/// Collects problems as "file, row N, column C: what".
struct Check<'a> {
    problems: &'a mut Vec<String>,
    lang: Lang,
}

impl Check<'_> {
    fn bad(&mut self, file: &str, row: usize, col: &str, msg: Msg, args: &[&str]) {
        let what = fill(msg.text(self.lang), args);
        self.problems
            .push(fill(Msg::ErrHsdsCell.text(self.lang), &[file, &row.to_string(), col, &what]));
    }

    /// A cleaned text cell within its cap; None when empty (and `required` says so).
    fn text(
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

fn time_of(s: &str) -> Option<u16> {
    let s = s.trim();
    let s = if s.len() == 8 && s.ends_with(":00") { &s[..5] } else { s };
    let (h, m) = s.split_once(':')?;
    if h.len() != 2 || m.len() != 2 {
        return None;
    }
    let (h, m): (u16, u16) = (h.parse().ok()?, m.parse().ok()?);
    (h < 24 && m < 60).then_some(h * 60 + m)
}

/// Read and check a directory of HSDS files. Every problem is collected; none is written.
pub fn read(dir: &Path, lang: Lang, progress: &mut dyn FnMut(usize, usize)) -> Result<Dataset> {
    let mut problems = Vec::new();
    let tables: Vec<Table> =
        FILES.iter().map(|(f, _)| Table::read(dir, f, &mut problems, lang)).collect();
    let total: usize = tables.iter().map(|t| t.rows.len()).sum();
    let mut done = 0;
    let mut tick = |n: &mut usize| {
        *n += 1;
        progress(*n, total);
    };
    let none = Table { file: "", rows: Vec::new() };
    let table = |name: &str| tables.iter().find(|t| t.file == name).unwrap_or(&none);
    let mut c = Check { problems: &mut problems, lang };
    let mut ds = Dataset::default();

    // Taxonomies and terms: only ours carry meaning here; others are passed over.
    let mut taxonomies: HashMap<String, String> = HashMap::new();
    for (row, cells) in &table("taxonomies.csv").rows {
        tick(&mut done);
        if let Some(id) = c.text("taxonomies.csv", (*row, cells), "id", 64, true) {
            taxonomies.insert(id, cells.get("name").cloned().unwrap_or_default());
        }
    }
    let mut terms: HashMap<String, (String, String)> = HashMap::new();
    for (row, cells) in &table("taxonomy_terms.csv").rows {
        tick(&mut done);
        let t = "taxonomy_terms.csv";
        let id = c.text(t, (*row, cells), "id", 64, true);
        let code = cells.get("code").map(|s| s.trim().to_string()).unwrap_or_default();
        let tax_id = cells.get("taxonomy_id").map(|s| s.trim().to_string()).unwrap_or_default();
        let Some(tax) = taxonomies.get(&tax_id) else {
            c.bad(t, *row, "taxonomy_id", Msg::ErrHsdsUnknownRef, &[&tax_id]);
            continue;
        };
        let known: Vec<&str> = match tax.as_str() {
            TAX_CATEGORY => CATEGORIES.iter().map(|(x, _)| *x).collect(),
            TAX_POPULATION => POPULATIONS.iter().map(|(x, _)| *x).collect(),
            TAX_FLAG => vec!["open_24_7"],
            TAX_STATUS => vec!["confirmed", "unverified"],
            _ => {
                continue;
            }
        };
        if !known.contains(&code.as_str()) {
            c.bad(t, *row, "code", Msg::ErrNotAnOption, &[]);
            continue;
        }
        if let Some(id) = id {
            terms.insert(id, (tax.clone(), code));
        }
    }

    // Organisations.
    let mut org_index: HashMap<String, usize> = HashMap::new();
    for (row, cells) in &table("organizations.csv").rows {
        tick(&mut done);
        let t = "organizations.csv";
        let r = (*row, cells);
        let id = c.text(t, r, "id", 64, true);
        let name = c.text(t, r, "name", 200, true);
        let description = c.text(t, r, "description", 2000, false).unwrap_or_default();
        let web = c.text(t, r, "website", 200, false);
        if let Some(id) = &id
            && org_index.contains_key(id)
        {
            c.bad(t, *row, "id", Msg::ErrHsdsDuplicateId, &[id]);
            continue;
        }
        if let (Some(hsds_id), Some(name)) = (id, name) {
            org_index.insert(hsds_id.clone(), ds.organizations.len());
            ds.organizations.push(Org {
                hsds_id,
                name,
                description,
                web,
                confirmed: false,
                last_verified: None,
            });
        }
    }

    // Services.
    let mut svc_index: HashMap<String, usize> = HashMap::new();
    for (row, cells) in &table("services.csv").rows {
        tick(&mut done);
        let t = "services.csv";
        let r = (*row, cells);
        let id = c.text(t, r, "id", 64, true);
        let org = c.text(t, r, "organization_id", 64, true);
        let name = c.text(t, r, "name", 200, true);
        let description = c.text(t, r, "description", 2000, false).unwrap_or_default();
        let eligibility = c.text(t, r, "eligibility_description", 1000, false);
        let intake_steps = c.text(t, r, "application_process", 1000, false);
        let status = cells.get("status").map(|s| s.trim().to_ascii_lowercase()).unwrap_or_default();
        let retired = match status.as_str() {
            "" | "active" | "temporarily closed" => false,
            "inactive" | "defunct" => true,
            _ => {
                c.bad(t, *row, "status", Msg::ErrNotAnOption, &[]);
                false
            }
        };
        let assured = cells.get("assured_date").map(|s| s.trim()).unwrap_or("");
        let last_verified = if assured.is_empty() {
            None
        } else {
            match crate::domain::fields::parse_date(assured) {
                Some(d) => Some(d),
                None => {
                    c.bad(t, *row, "assured_date", Msg::ErrDateForm, &[]);
                    None
                }
            }
        };
        if let Some(o) = &org
            && !org_index.contains_key(o)
        {
            c.bad(t, *row, "organization_id", Msg::ErrHsdsUnknownRef, &[o]);
        }
        if let Some(id) = &id
            && svc_index.contains_key(id)
        {
            c.bad(t, *row, "id", Msg::ErrHsdsDuplicateId, &[id]);
            continue;
        }
        if let (Some(hsds_id), Some(organization), Some(name)) = (id, org, name) {
            svc_index.insert(hsds_id.clone(), ds.services.len());
            ds.services.push(Service {
                hsds_id,
                organization,
                retired,
                service: NewService {
                    name,
                    description,
                    eligibility,
                    intake_steps,
                    last_verified,
                    ..Default::default()
                },
            });
        }
    }
    // The service a row hangs off, or the problem named on its service_id.
    let service_of = |c: &mut Check, t: &str, row: usize, cells: &HashMap<String, String>| {
        let sid = cells.get("service_id").map(|s| s.trim().to_string()).unwrap_or_default();
        match svc_index.get(&sid) {
            Some(i) => Some(*i),
            None => {
                c.bad(t, row, "service_id", Msg::ErrHsdsUnknownRef, &[&sid]);
                None
            }
        }
    };

    // Locations, their addresses, and which services are offered there.
    let mut locations: HashMap<String, Location> = HashMap::new();
    let mut location_order: Vec<String> = Vec::new();
    for (row, cells) in &table("locations.csv").rows {
        tick(&mut done);
        if let Some(id) = c.text("locations.csv", (*row, cells), "id", 64, true) {
            if locations.contains_key(&id) {
                c.bad("locations.csv", *row, "id", Msg::ErrHsdsDuplicateId, &[&id]);
                continue;
            }
            location_order.push(id.clone());
            locations.insert(id.clone(), Location { hsds_id: Some(id), ..Default::default() });
        }
    }
    for (row, cells) in &table("addresses.csv").rows {
        tick(&mut done);
        let t = "addresses.csv";
        let r = (*row, cells);
        let lid = cells.get("location_id").map(|s| s.trim().to_string()).unwrap_or_default();
        let street = c.text(t, r, "address_1", 200, false);
        let city = c.text(t, r, "city", 80, false);
        let zip = c.text(t, r, "postal_code", 10, false);
        match locations.get_mut(&lid) {
            Some(l) => {
                l.show_address = street.is_some();
                l.address = street;
                l.city = city;
                l.zip = zip;
            }
            None => c.bad(t, *row, "location_id", Msg::ErrHsdsUnknownRef, &[&lid]),
        }
    }
    for (row, cells) in &table("service_at_locations.csv").rows {
        tick(&mut done);
        let t = "service_at_locations.csv";
        let lid = cells.get("location_id").map(|s| s.trim().to_string()).unwrap_or_default();
        let s = service_of(&mut c, t, *row, cells);
        match (s, locations.get(&lid)) {
            (Some(i), Some(l)) => ds.services[i].service.locations.push(l.clone()),
            (_, None) => c.bad(t, *row, "location_id", Msg::ErrHsdsUnknownRef, &[&lid]),
            _ => {}
        }
    }

    // Phones: one voice and one text number per service.
    for (row, cells) in &table("phones.csv").rows {
        tick(&mut done);
        let t = "phones.csv";
        if cells.get("service_id").is_none_or(|s| s.trim().is_empty()) {
            continue; // an organisation's or a location's number: not kept here
        }
        let Some(i) = service_of(&mut c, t, *row, cells) else { continue };
        let Some(number) = c.text(t, (*row, cells), "number", 40, true) else { continue };
        let kind = cells.get("type").map(|s| s.trim().to_ascii_lowercase()).unwrap_or_default();
        let s = &mut ds.services[i].service;
        let slot =
            if matches!(kind.as_str(), "text" | "sms") { &mut s.text_number } else { &mut s.phone };
        if slot.is_some() {
            c.bad(t, *row, "type", Msg::ErrHsdsOnePhone, &[]);
        } else {
            *slot = Some(number);
        }
    }

    // Schedules: weekly spans in local time, or a free-text description of the hours.
    for (row, cells) in &table("schedules.csv").rows {
        tick(&mut done);
        let t = "schedules.csv";
        let Some(i) = service_of(&mut c, t, *row, cells) else { continue };
        let get = |k: &str| cells.get(k).map(|s| s.trim().to_string()).unwrap_or_default();
        let (byday, opens, closes) = (get("byday"), get("opens_at"), get("closes_at"));
        if byday.is_empty() && opens.is_empty() && closes.is_empty() {
            if let Some(h) = c.text(t, (*row, cells), "description", 200, false) {
                ds.services[i].service.hours = Some(h);
            }
            continue;
        }
        let freq = get("freq").to_ascii_uppercase();
        if !freq.is_empty() && freq != "WEEKLY" {
            c.bad(t, *row, "freq", Msg::ErrHsdsWeekly, &[]);
            continue;
        }
        let mut days = Vec::new();
        for d in byday.split(',').map(|d| d.trim().to_ascii_uppercase()) {
            match DAYS.iter().position(|x| *x == d) {
                Some(p) => days.push(p as u8 + 1),
                None => c.bad(t, *row, "byday", Msg::ErrScheduleDay, &[]),
            }
        }
        let (Some(o), Some(mut e)) = (time_of(&opens), time_of(&closes)) else {
            let col = if time_of(&opens).is_none() { "opens_at" } else { "closes_at" };
            c.bad(t, *row, col, Msg::ErrHsdsTime, &[]);
            continue;
        };
        if e == 1439 {
            e = 1440;
        }
        if e <= o {
            c.bad(t, *row, "closes_at", Msg::ErrScheduleTime, &[]);
            continue;
        }
        for d in days {
            ds.services[i].service.schedule.push(Span { weekday: d, opens: o, closes: e });
        }
    }

    for (row, cells) in &table("languages.csv").rows {
        tick(&mut done);
        let t = "languages.csv";
        let Some(i) = service_of(&mut c, t, *row, cells) else { continue };
        let code = cells.get("code").map(|s| s.trim().to_ascii_lowercase()).unwrap_or_default();
        match LANGUAGE_CODES.iter().find(|(_, c)| *c == code) {
            Some((id, _)) => ds.services[i].service.languages.push(id.to_string()),
            None => c.bad(t, *row, "code", Msg::ErrNotAnOption, &[]),
        }
    }

    let areas: HashSet<&str> = crate::domain::areas::all().iter().map(String::as_str).collect();
    for (row, cells) in &table("service_areas.csv").rows {
        tick(&mut done);
        let t = "service_areas.csv";
        let Some(i) = service_of(&mut c, t, *row, cells) else { continue };
        let name = clean_line(cells.get("name").map(String::as_str).unwrap_or(""));
        let s = &mut ds.services[i].service;
        if name == STATEWIDE {
            s.statewide = true;
        } else if areas.contains(name.as_str()) {
            s.areas.push(name);
        } else {
            c.bad(t, *row, "name", Msg::ErrHsdsArea, &[&name]);
        }
    }

    for (row, cells) in &table("attributes.csv").rows {
        tick(&mut done);
        let t = "attributes.csv";
        let term_id =
            cells.get("taxonomy_term_id").map(|s| s.trim().to_string()).unwrap_or_default();
        let link = cells.get("link_id").map(|s| s.trim().to_string()).unwrap_or_default();
        let Some((tax, code)) = terms.get(&term_id) else {
            continue; // a term of someone else's taxonomy
        };
        if tax == TAX_STATUS {
            let Some(&o) = org_index.get(&link) else {
                c.bad(t, *row, "link_id", Msg::ErrHsdsUnknownRef, &[&link]);
                continue;
            };
            let value = cells.get("value").map(|s| s.trim()).unwrap_or("");
            let org = &mut ds.organizations[o];
            org.confirmed = code == "confirmed";
            if !value.is_empty() {
                match crate::domain::fields::parse_date(value) {
                    Some(d) => org.last_verified = Some(d),
                    None => c.bad(t, *row, "value", Msg::ErrDateForm, &[]),
                }
            }
            continue;
        }
        let Some(&i) = svc_index.get(&link) else {
            c.bad(t, *row, "link_id", Msg::ErrHsdsUnknownRef, &[&link]);
            continue;
        };
        let s = &mut ds.services[i].service;
        match tax.as_str() {
            TAX_CATEGORY => s.categories.push(code.clone()),
            TAX_POPULATION => s.populations.push(code.clone()),
            _ => s.open_24_7 = true,
        }
    }
    if !problems.is_empty() {
        let shown = problems.iter().take(200).cloned().collect::<Vec<_>>().join("\n");
        return Err(Error::User(Msg::ErrCsvInvalid, vec![problems.len().to_string(), shown]));
    }
    for s in &mut ds.services {
        let v = &mut s.service;
        for list in [&mut v.categories, &mut v.populations, &mut v.languages, &mut v.areas] {
            list.sort();
            list.dedup();
        }
        v.schedule.sort();
        v.schedule.dedup();
    }
    Ok(ds)
}

/// Write a checked dataset in one transaction: entries already here (by their HSDS id) are
/// updated, others added. A confidential street address on file stays when the files carry
/// none for that place.
pub fn write(
    store: &mut Store,
    who: Who,
    ds: &Dataset,
    now: Timestamp,
    progress: &mut dyn FnMut(usize),
) -> Result<usize> {
    if !who.user.role.edits_directory() {
        return Err(Error::user(Msg::ErrSupervisorOnly));
    }
    let source = store.source().to_string();
    store.write(|tx| {
        assign_ids(tx)?;
        let mut org_ids = HashMap::new();
        for o in &ds.organizations {
            let found: Option<i64> = tx
                .query_row("SELECT id FROM dir_organizations WHERE hsds_id = ?1", params![o.hsds_id], |r| r.get(0))
                .optional()?;
            let status = if o.confirmed { "confirmed" } else { "unverified" };
            let verified = o.last_verified.map(|d| d.to_string());
            let id = match found {
                Some(id) => {
                    tx.execute(
                        "UPDATE dir_organizations SET name = ?1, description = ?2, web = ?3, status = ?4,
                             last_verified = ?5, updated_at = ?6 WHERE id = ?7",
                        params![o.name, o.description, o.web, status, verified, crate::domain::time::to_db(now), id],
                    )?;
                    id
                }
                None => {
                    let id = directory::add_organization(
                        tx,
                        &o.name,
                        &o.description,
                        o.web.as_deref(),
                        o.confirmed,
                        o.last_verified,
                        now,
                    )?;
                    tx.execute("UPDATE dir_organizations SET hsds_id = ?1 WHERE id = ?2", params![o.hsds_id, id])?;
                    id
                }
            };
            org_ids.insert(o.hsds_id.as_str(), id);
        }
        for (n, s) in ds.services.iter().enumerate() {
            let mut v = s.service.clone();
            v.organization_id = *org_ids.get(s.organization.as_str()).ok_or_else(|| Error::user(Msg::ErrNoSuchRecord))?;
            let found: Option<i64> = tx
                .query_row("SELECT id FROM dir_services WHERE hsds_id = ?1", params![s.hsds_id], |r| r.get(0))
                .optional()?;
            let id = match found {
                Some(id) => {
                    let before = directory::locations(tx, id)?;
                    for l in &mut v.locations {
                        let kept = before.iter().find(|b| b.hsds_id.is_some() && b.hsds_id == l.hsds_id);
                        if let Some(b) = kept
                            && l.address.is_none()
                            && !b.show_address
                        {
                            l.address = b.address.clone();
                        }
                    }
                    tx.execute("UPDATE dir_services SET retired_at = NULL WHERE id = ?1", params![id])?;
                    directory::update_service(tx, id, &v, now)?;
                    id
                }
                None => {
                    let id = directory::add_service(tx, &v, now)?;
                    tx.execute("UPDATE dir_services SET hsds_id = ?1 WHERE id = ?2", params![s.hsds_id, id])?;
                    id
                }
            };
            if s.retired {
                directory::retire_service(tx, id, now)?;
            }
            progress(n + 1);
        }
        audit::append(
            tx,
            &source,
            &Event::new("directory_import", "ok")
                .by(Some(who.user.id), who.session_id)
                .record(ds.services.len()),
        )?;
        Ok(ds.services.len())
    })
}
