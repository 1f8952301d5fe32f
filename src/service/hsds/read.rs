//! Reading HSDS CSV files into a checked dataset, naming every problem by file, row and column.
//! Files are read in the order their references need (terms before attributes, services before
//! the rows that hang off them); each file's rows go through one function below.

use std::collections::{HashMap, HashSet};
use std::path::Path;

use super::dataset::{Check, Dataset, Org, Service, Table};
use super::{
    DAYS, FILES, LANGUAGE_CODES, STATEWIDE, TAX_CATEGORY, TAX_FLAG, TAX_POPULATION, TAX_STATUS,
};
use crate::domain::directory::{CATEGORIES, POPULATIONS, Span};
use crate::domain::fields::parse_date;
use crate::domain::text::clean_line;
use crate::error::{Error, Result};
use crate::i18n::{Lang, Msg};
use crate::store::directory::{Location, NewService};

/// A row's cells by column name.
type Cells = HashMap<String, String>;

/// One file's rows, each checked and gathered.
type Step = fn(&mut Gathered, &mut Check, usize, &Cells);

/// The files in the order they are read, and what reads each row.
const STEPS: &[(&str, Step)] = &[
    ("taxonomies.csv", Gathered::taxonomy),
    ("taxonomy_terms.csv", Gathered::term),
    ("organizations.csv", Gathered::organization),
    ("services.csv", Gathered::service),
    ("locations.csv", Gathered::location),
    ("addresses.csv", Gathered::address),
    ("service_at_location.csv", Gathered::service_at_location),
    ("phones.csv", Gathered::phone),
    ("schedules.csv", Gathered::schedule),
    ("languages.csv", Gathered::language),
    ("service_areas.csv", Gathered::area),
    ("attributes.csv", Gathered::attribute),
];

/// Read and check a directory of HSDS files. Every problem is collected; none is written.
pub fn read(dir: &Path, lang: Lang, progress: &mut dyn FnMut(usize, usize)) -> Result<Dataset> {
    let mut problems = Vec::new();
    let tables: Vec<Table> =
        FILES.iter().map(|(f, _)| Table::read(dir, f, &mut problems, lang)).collect();
    let total: usize = tables.iter().map(|t| t.rows.len()).sum();
    let mut done = 0;
    let mut g = Gathered::new();
    let mut c = Check { problems: &mut problems, lang };
    for (file, step) in STEPS {
        let rows = tables.iter().find(|t| t.file == *file).map_or(&[][..], |t| &t.rows[..]);
        for (row, cells) in rows {
            done += 1;
            progress(done, total);
            step(&mut g, &mut c, *row, cells);
        }
    }
    if !problems.is_empty() {
        let shown = problems.iter().take(200).cloned().collect::<Vec<_>>().join("\n");
        return Err(Error::User(Msg::ErrCsvInvalid, vec![problems.len().to_string(), shown]));
    }
    Ok(g.finish())
}

/// A cell, trimmed ("" when the column is absent).
fn cell(cells: &Cells, col: &str) -> String {
    cells.get(col).map(|s| s.trim().to_string()).unwrap_or_default()
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

/// What the files have given so far: the dataset, and the indexes later files refer to.
struct Gathered {
    ds: Dataset,
    /// Taxonomy id → name; only ours carry meaning here.
    taxonomies: HashMap<String, String>,
    /// Term id → (taxonomy name, code), for our taxonomies.
    terms: HashMap<String, (String, String)>,
    orgs: HashMap<String, usize>,
    services: HashMap<String, usize>,
    locations: HashMap<String, Location>,
    areas: HashSet<&'static str>,
}

impl Gathered {
    fn new() -> Gathered {
        Gathered {
            ds: Dataset::default(),
            taxonomies: HashMap::new(),
            terms: HashMap::new(),
            orgs: HashMap::new(),
            services: HashMap::new(),
            locations: HashMap::new(),
            areas: crate::domain::areas::all().iter().map(String::as_str).collect(),
        }
    }

    /// The service a row hangs off, or the problem named on its service_id.
    fn service_of(&self, c: &mut Check, t: &str, row: usize, cells: &Cells) -> Option<usize> {
        let sid = cell(cells, "service_id");
        let found = self.services.get(&sid).copied();
        if found.is_none() {
            c.bad(t, row, "service_id", Msg::ErrHsdsUnknownRef, &[&sid]);
        }
        found
    }

    fn taxonomy(&mut self, c: &mut Check, row: usize, cells: &Cells) {
        if let Some(id) = c.text("taxonomies.csv", (row, cells), "id", 64, true) {
            self.taxonomies.insert(id, cells.get("name").cloned().unwrap_or_default());
        }
    }

    /// A term of one of our taxonomies; others' are passed over.
    fn term(&mut self, c: &mut Check, row: usize, cells: &Cells) {
        let t = "taxonomy_terms.csv";
        let id = c.text(t, (row, cells), "id", 64, true);
        let (code, tax_id) = (cell(cells, "code"), cell(cells, "taxonomy_id"));
        let Some(tax) = self.taxonomies.get(&tax_id) else {
            c.bad(t, row, "taxonomy_id", Msg::ErrHsdsUnknownRef, &[&tax_id]);
            return;
        };
        let known: Vec<&str> = match tax.as_str() {
            TAX_CATEGORY => CATEGORIES.iter().map(|(x, _)| *x).collect(),
            TAX_POPULATION => POPULATIONS.iter().map(|(x, _)| *x).collect(),
            TAX_FLAG => vec!["open_24_7"],
            TAX_STATUS => vec!["confirmed", "unverified"],
            _ => return,
        };
        if !known.contains(&code.as_str()) {
            c.bad(t, row, "code", Msg::ErrNotAnOption, &[]);
            return;
        }
        if let Some(id) = id {
            self.terms.insert(id, (tax.clone(), code));
        }
    }

    fn organization(&mut self, c: &mut Check, row: usize, cells: &Cells) {
        let t = "organizations.csv";
        let r = (row, cells);
        let id = c.text(t, r, "id", 64, true);
        let name = c.text(t, r, "name", 200, true);
        let description = c.text(t, r, "description", 2000, false).unwrap_or_default();
        let web = c.text(t, r, "website", 200, false);
        if let Some(id) = &id
            && self.orgs.contains_key(id)
        {
            c.bad(t, row, "id", Msg::ErrHsdsDuplicateId, &[id]);
            return;
        }
        if let (Some(hsds_id), Some(name)) = (id, name) {
            self.orgs.insert(hsds_id.clone(), self.ds.organizations.len());
            self.ds.organizations.push(Org {
                hsds_id,
                name,
                description,
                web,
                confirmed: false,
                last_verified: None,
            });
        }
    }

    fn service(&mut self, c: &mut Check, row: usize, cells: &Cells) {
        let t = "services.csv";
        let r = (row, cells);
        let id = c.text(t, r, "id", 64, true);
        let org = c.text(t, r, "organization_id", 64, true);
        let name = c.text(t, r, "name", 200, true);
        let description = c.text(t, r, "description", 2000, false).unwrap_or_default();
        let eligibility = c.text(t, r, "eligibility_description", 1000, false);
        let intake_steps = c.text(t, r, "application_process", 1000, false);
        let retired = match cell(cells, "status").to_ascii_lowercase().as_str() {
            "" | "active" | "temporarily closed" => false,
            "inactive" | "defunct" => true,
            _ => {
                c.bad(t, row, "status", Msg::ErrNotAnOption, &[]);
                false
            }
        };
        let assured = cell(cells, "assured_date");
        let last_verified = if assured.is_empty() {
            None
        } else {
            let day = parse_date(&assured);
            if day.is_none() {
                c.bad(t, row, "assured_date", Msg::ErrDateForm, &[]);
            }
            day
        };
        if let Some(o) = &org
            && !self.orgs.contains_key(o)
        {
            c.bad(t, row, "organization_id", Msg::ErrHsdsUnknownRef, &[o]);
        }
        if let Some(id) = &id
            && self.services.contains_key(id)
        {
            c.bad(t, row, "id", Msg::ErrHsdsDuplicateId, &[id]);
            return;
        }
        if let (Some(hsds_id), Some(organization), Some(name)) = (id, org, name) {
            self.services.insert(hsds_id.clone(), self.ds.services.len());
            self.ds.services.push(Service {
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

    /// A place; its address comes from addresses.csv and its services from
    /// service_at_location.csv.
    fn location(&mut self, c: &mut Check, row: usize, cells: &Cells) {
        if let Some(id) = c.text("locations.csv", (row, cells), "id", 64, true) {
            if self.locations.contains_key(&id) {
                c.bad("locations.csv", row, "id", Msg::ErrHsdsDuplicateId, &[&id]);
                return;
            }
            self.locations.insert(id.clone(), Location { hsds_id: Some(id), ..Default::default() });
        }
    }

    fn address(&mut self, c: &mut Check, row: usize, cells: &Cells) {
        let t = "addresses.csv";
        let r = (row, cells);
        let lid = cell(cells, "location_id");
        let street = c.text(t, r, "address_1", 200, false);
        let city = c.text(t, r, "city", 80, false);
        let zip = c.text(t, r, "postal_code", 10, false);
        match self.locations.get_mut(&lid) {
            Some(l) => {
                l.show_address = street.is_some();
                l.address = street;
                l.city = city;
                l.zip = zip;
            }
            None => c.bad(t, row, "location_id", Msg::ErrHsdsUnknownRef, &[&lid]),
        }
    }

    fn service_at_location(&mut self, c: &mut Check, row: usize, cells: &Cells) {
        let t = "service_at_location.csv";
        let lid = cell(cells, "location_id");
        let s = self.service_of(c, t, row, cells);
        match (s, self.locations.get(&lid)) {
            (Some(i), Some(l)) => self.ds.services[i].service.locations.push(l.clone()),
            (_, None) => c.bad(t, row, "location_id", Msg::ErrHsdsUnknownRef, &[&lid]),
            _ => {}
        }
    }

    /// One voice and one text number per service; an organisation's or a location's number
    /// is not kept here.
    fn phone(&mut self, c: &mut Check, row: usize, cells: &Cells) {
        let t = "phones.csv";
        if cell(cells, "service_id").is_empty() {
            return;
        }
        let Some(i) = self.service_of(c, t, row, cells) else { return };
        let Some(number) = c.text(t, (row, cells), "number", 40, true) else { return };
        let kind = cell(cells, "type").to_ascii_lowercase();
        let s = &mut self.ds.services[i].service;
        let slot =
            if matches!(kind.as_str(), "text" | "sms") { &mut s.text_number } else { &mut s.phone };
        if slot.is_some() {
            c.bad(t, row, "type", Msg::ErrHsdsOnePhone, &[]);
        } else {
            *slot = Some(number);
        }
    }

    /// Weekly spans in local time, or a free-text description of the hours.
    fn schedule(&mut self, c: &mut Check, row: usize, cells: &Cells) {
        let t = "schedules.csv";
        let Some(i) = self.service_of(c, t, row, cells) else { return };
        let (byday, opens, closes) =
            (cell(cells, "byday"), cell(cells, "opens_at"), cell(cells, "closes_at"));
        if byday.is_empty() && opens.is_empty() && closes.is_empty() {
            if let Some(h) = c.text(t, (row, cells), "description", 200, false) {
                self.ds.services[i].service.hours = Some(h);
            }
            return;
        }
        let freq = cell(cells, "freq").to_ascii_uppercase();
        if !freq.is_empty() && freq != "WEEKLY" {
            c.bad(t, row, "freq", Msg::ErrHsdsWeekly, &[]);
            return;
        }
        let mut days = Vec::new();
        for d in byday.split(',').map(|d| d.trim().to_ascii_uppercase()) {
            match DAYS.iter().position(|x| *x == d) {
                Some(p) => days.push(p as u8 + 1),
                None => c.bad(t, row, "byday", Msg::ErrScheduleDay, &[]),
            }
        }
        let (Some(o), Some(mut e)) = (time_of(&opens), time_of(&closes)) else {
            let col = if time_of(&opens).is_none() { "opens_at" } else { "closes_at" };
            c.bad(t, row, col, Msg::ErrHsdsTime, &[]);
            return;
        };
        if e == 1439 {
            e = 1440;
        }
        if e <= o {
            c.bad(t, row, "closes_at", Msg::ErrScheduleTime, &[]);
            return;
        }
        for d in days {
            self.ds.services[i].service.schedule.push(Span { weekday: d, opens: o, closes: e });
        }
    }

    fn language(&mut self, c: &mut Check, row: usize, cells: &Cells) {
        let t = "languages.csv";
        let Some(i) = self.service_of(c, t, row, cells) else { return };
        let code = cell(cells, "code").to_ascii_lowercase();
        match LANGUAGE_CODES.iter().find(|(_, c)| *c == code) {
            Some((id, _)) => self.ds.services[i].service.languages.push(id.to_string()),
            None => c.bad(t, row, "code", Msg::ErrNotAnOption, &[]),
        }
    }

    /// A county or tribal nation, or the whole state.
    fn area(&mut self, c: &mut Check, row: usize, cells: &Cells) {
        let t = "service_areas.csv";
        let Some(i) = self.service_of(c, t, row, cells) else { return };
        let name = clean_line(cells.get("name").map(String::as_str).unwrap_or(""));
        let s = &mut self.ds.services[i].service;
        if name == STATEWIDE {
            s.statewide = true;
        } else if self.areas.contains(name.as_str()) {
            s.areas.push(name);
        } else {
            c.bad(t, row, "name", Msg::ErrHsdsArea, &[&name]);
        }
    }

    /// A term on a service (category, population, open around the clock) or on an
    /// organisation (confirmed or not, with the day it was checked). Terms of someone else's
    /// taxonomy are passed over.
    fn attribute(&mut self, c: &mut Check, row: usize, cells: &Cells) {
        let t = "attributes.csv";
        let (term_id, link) = (cell(cells, "taxonomy_term_id"), cell(cells, "link_id"));
        let Some((tax, code)) = self.terms.get(&term_id) else { return };
        if tax == TAX_STATUS {
            let Some(&o) = self.orgs.get(&link) else {
                c.bad(t, row, "link_id", Msg::ErrHsdsUnknownRef, &[&link]);
                return;
            };
            let value = cell(cells, "value");
            let org = &mut self.ds.organizations[o];
            org.confirmed = code == "confirmed";
            if !value.is_empty() {
                match parse_date(&value) {
                    Some(d) => org.last_verified = Some(d),
                    None => c.bad(t, row, "value", Msg::ErrDateForm, &[]),
                }
            }
            return;
        }
        let Some(&i) = self.services.get(&link) else {
            c.bad(t, row, "link_id", Msg::ErrHsdsUnknownRef, &[&link]);
            return;
        };
        let s = &mut self.ds.services[i].service;
        match tax.as_str() {
            TAX_CATEGORY => s.categories.push(code.clone()),
            TAX_POPULATION => s.populations.push(code.clone()),
            _ => s.open_24_7 = true,
        }
    }

    /// The dataset, each service's lists in order and without repeats.
    fn finish(mut self) -> Dataset {
        for s in &mut self.ds.services {
            let v = &mut s.service;
            for list in [&mut v.categories, &mut v.populations, &mut v.languages, &mut v.areas] {
                list.sort();
                list.dedup();
            }
            v.schedule.sort();
            v.schedule.dedup();
        }
        self.ds
    }
}
