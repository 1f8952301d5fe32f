//! Each HSDS file's rows, checked and gathered into the dataset. Files are read in the order
//! their references need (terms before attributes, services and places before the rows that
//! hang off them).

use std::collections::HashMap;

use jiff::civil::Date;

mod rows;

use super::dataset::{Check, Dataset, Org, Service};
use super::{STATEWIDE, TAX_CATEGORY, TAX_FLAG, TAX_POPULATION, TAX_STATUS};
use crate::domain::directory::{CATEGORIES, POPULATIONS};
use crate::domain::fields::parse_date;
use crate::domain::text::{clean_line, fold};
use crate::i18n::Msg;
use crate::store::directory::{Location, NewService, Term};

/// A row's cells by column name.
pub(super) type Cells = HashMap<String, String>;

/// One file's rows, each checked and gathered.
pub(super) type Step = fn(&mut Gathered, &mut Check, usize, &Cells);

/// The files in the order they are read, and what reads each row.
pub(super) const STEPS: &[(&str, Step)] = &[
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

/// How an export says a place's street address is withheld, with its city, state and ZIP
/// after it; an import reads the place back from it.
pub(super) const WITHHELD: &str = "Street address withheld for safety; ";

/// A cell, trimmed ("" when the column is absent).
fn cell(cells: &Cells, col: &str) -> String {
    cells.get(col).map(|s| s.trim().to_string()).unwrap_or_default()
}

/// The day schedules with offsets are read for (the import's day, New Mexico time).
fn today() -> Date {
    crate::domain::time::local_day(jiff::Timestamp::now())
}

/// What the files have given so far: the dataset, and the indexes later files refer to.
pub(super) struct Gathered {
    ds: Dataset,
    /// Taxonomy id → name.
    taxonomies: HashMap<String, String>,
    /// Term id → the term (its taxonomy by name).
    terms: HashMap<String, Term>,
    orgs: HashMap<String, usize>,
    services: HashMap<String, usize>,
    locations: HashMap<String, Location>,
    /// Each service's places, by location id, in the order given.
    links: Vec<(usize, String, String)>,
    /// service_at_location id → the service.
    link_service: HashMap<String, usize>,
    areas: Vec<&'static str>,
    today: Date,
}

impl Gathered {
    pub(super) fn new() -> Gathered {
        Gathered {
            ds: Dataset::default(),
            taxonomies: HashMap::new(),
            terms: HashMap::new(),
            orgs: HashMap::new(),
            services: HashMap::new(),
            locations: HashMap::new(),
            links: Vec::new(),
            link_service: HashMap::new(),
            areas: crate::domain::areas::all().iter().map(String::as_str).collect(),
            today: today(),
        }
    }

    /// The service a row names by service_id (or through service_at_location_id).
    fn owner_service(&self, c: &mut Check, t: &str, row: usize, cells: &Cells) -> Option<usize> {
        let sid = cell(cells, "service_id");
        if !sid.is_empty() {
            let found = self.services.get(&sid).copied();
            if found.is_none() {
                c.bad(t, row, "service_id", Msg::ErrHsdsUnknownRef, &[&sid]);
            }
            return found;
        }
        let link = cell(cells, "service_at_location_id");
        self.link_service.get(&link).copied()
    }

    /// A location id a row names that is not in the files, as a problem.
    fn owner_location(&self, c: &mut Check, t: &str, row: usize, cells: &Cells) -> Option<String> {
        let lid = cell(cells, "location_id");
        if lid.is_empty() {
            return None;
        }
        if !self.locations.contains_key(&lid) {
            c.bad(t, row, "location_id", Msg::ErrHsdsUnknownRef, &[&lid]);
            return None;
        }
        Some(lid)
    }

    fn taxonomy(&mut self, c: &mut Check, row: usize, cells: &Cells) {
        let t = "taxonomies.csv";
        if let (Some(id), Some(name)) =
            (c.text(t, (row, cells), "id", 64, true), c.text(t, (row, cells), "name", 100, true))
        {
            self.taxonomies.insert(id, name);
        }
    }

    /// A term; its taxonomy by taxonomy_id, or by the taxonomy column when there is none.
    fn term(&mut self, c: &mut Check, row: usize, cells: &Cells) {
        let t = "taxonomy_terms.csv";
        let r = (row, cells);
        let id = c.text(t, r, "id", 64, true);
        let name = c.text(t, r, "name", 200, false);
        let description = c.text(t, r, "description", 1000, false).unwrap_or_default();
        let tax_id = cell(cells, "taxonomy_id");
        let taxonomy = if tax_id.is_empty() {
            clean_line(&cell(cells, "taxonomy"))
        } else if let Some(name) = self.taxonomies.get(&tax_id) {
            name.clone()
        } else {
            c.bad(t, row, "taxonomy_id", Msg::ErrHsdsUnknownRef, &[&tax_id]);
            return;
        };
        let taxonomy = if taxonomy.is_empty() { "-".to_string() } else { taxonomy };
        let code = c.text(t, r, "code", 64, false);
        let known: Option<Vec<&str>> = match taxonomy.as_str() {
            TAX_CATEGORY => Some(CATEGORIES.iter().map(|(x, _)| *x).collect()),
            TAX_POPULATION => Some(POPULATIONS.iter().map(|(x, _)| *x).collect()),
            TAX_FLAG => Some(vec!["open_24_7"]),
            TAX_STATUS => Some(vec!["confirmed", "unverified"]),
            _ => None,
        };
        let code = code.or_else(|| name.clone()).or_else(|| id.clone()).unwrap_or_default();
        if let Some(known) = known
            && !known.contains(&code.as_str())
        {
            c.bad(t, row, "code", Msg::ErrNotAnOption, &[]);
            return;
        }
        if let Some(id) = id {
            let name = name.unwrap_or_else(|| code.clone());
            self.terms.insert(id, Term { taxonomy, code, name, description });
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
                phones: Vec::new(),
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
        let (retired, closed) = match cell(cells, "status").to_ascii_lowercase().as_str() {
            "" | "active" => (false, false),
            "temporarily closed" => (false, true),
            "inactive" | "defunct" => (true, false),
            _ => {
                // Named, and the service still read, so its rows raise no problems of their own.
                c.bad(t, row, "status", Msg::ErrHsdsStatus, &[]);
                (false, false)
            }
        };
        let assured = cell(cells, "assured_date");
        let last_verified = if assured.is_empty() {
            None
        } else {
            let day = parse_date(assured.get(..10).unwrap_or(&assured));
            if day.is_none() {
                c.bad(t, row, "assured_date", Msg::ErrDateForm, &[]);
            }
            day
        };
        if let Some(o) = &org
            && !self.orgs.contains_key(o)
        {
            c.bad(t, row, "organization_id", Msg::ErrHsdsUnknownRef, &[o]);
            return;
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
                    temporarily_closed: closed,
                    ..Default::default()
                },
            });
        }
    }

    /// A place; its address comes from addresses.csv and its services from
    /// service_at_location.csv.
    fn location(&mut self, c: &mut Check, row: usize, cells: &Cells) {
        let t = "locations.csv";
        let Some(id) = c.text(t, (row, cells), "id", 64, true) else { return };
        if self.locations.contains_key(&id) {
            c.bad(t, row, "id", Msg::ErrHsdsDuplicateId, &[&id]);
            return;
        }
        let name = c.text(t, (row, cells), "name", 200, false);
        let mut l = Location { hsds_id: Some(id.clone()), name, ..Default::default() };
        // A place whose street an export withheld: its city, state and ZIP.
        let description = clean_line(&cell(cells, "description"));
        if let Some(rest) = description.strip_prefix(WITHHELD.trim_end()) {
            let rest = rest.trim();
            let (city, tail) = rest.rsplit_once(", ").unwrap_or(("", rest));
            let mut tail = tail.split_whitespace();
            let state = tail.next().unwrap_or("NM");
            l.city = Some(city.to_string()).filter(|c| !c.is_empty());
            l.state = (state != "NM").then(|| state.to_string());
            l.zip = tail.next().map(str::to_string);
        }
        self.locations.insert(id, l);
    }

    /// A place's address: the physical one when there are several.
    fn address(&mut self, c: &mut Check, row: usize, cells: &Cells) {
        let t = "addresses.csv";
        let r = (row, cells);
        let Some(lid) = self.owner_location(c, t, row, cells) else {
            if cell(cells, "location_id").is_empty() {
                c.bad(t, row, "location_id", Msg::ErrHsdsOwner, &[]);
            }
            return;
        };
        let street =
            match (c.text(t, r, "address_1", 200, false), c.text(t, r, "address_2", 200, false)) {
                (Some(a), Some(b)) => {
                    Some(format!("{a}, {b}")).filter(|s| s.chars().count() <= 200)
                }
                (a, None) => a,
                (None, b) => b,
            };
        let city = c.text(t, r, "city", 80, false);
        let zip = c.text(t, r, "postal_code", 10, false);
        let state = c.text(t, r, "state_province", 40, false);
        let country = cell(cells, "country").to_ascii_uppercase();
        let country = match country.as_str() {
            "" | "US" | "USA" => None,
            x if x.len() == 2 && x.chars().all(|ch| ch.is_ascii_uppercase()) => Some(x.to_string()),
            _ => {
                c.bad(t, row, "country", Msg::ErrHsdsCountry, &[]);
                return;
            }
        };
        let postal = cell(cells, "address_type").eq_ignore_ascii_case("postal");
        let Some(l) = self.locations.get_mut(&lid) else { return };
        if postal && (l.address.is_some() || l.city.is_some()) {
            return;
        }
        let nm = state.as_deref().is_none_or(|s| {
            let f = fold(s);
            f == "nm" || f == "new mexico"
        });
        l.show_address = street.is_some();
        l.address = street;
        l.city = city;
        l.zip = zip;
        l.state = if nm { None } else { state };
        l.country = country;
    }

    fn service_at_location(&mut self, c: &mut Check, row: usize, cells: &Cells) {
        let t = "service_at_location.csv";
        let id = c.text(t, (row, cells), "id", 64, true);
        let s = self.owner_service(c, t, row, cells);
        let lid = cell(cells, "location_id");
        if !self.locations.contains_key(&lid) {
            c.bad(t, row, "location_id", Msg::ErrHsdsUnknownRef, &[&lid]);
            return;
        }
        if let (Some(i), Some(id)) = (s, id) {
            self.link_service.insert(id.clone(), i);
            self.links.push((i, lid, id));
        }
    }

    /// A language of a service, by ISO 639 code (or, without one, by name).
    fn language(&mut self, c: &mut Check, row: usize, cells: &Cells) {
        let t = "languages.csv";
        let Some(i) = self.owner_service(c, t, row, cells) else { return };
        let (code, name) = (cell(cells, "code"), cell(cells, "name"));
        let found = if code.is_empty() {
            crate::domain::languages::from_name(&name)
                .or_else(|| crate::domain::languages::from_code(&name))
        } else {
            crate::domain::languages::from_code(&code)
        };
        match found {
            Some(l) => self.ds.services[i].service.languages.push(l),
            None => c.bad(
                t,
                row,
                if code.is_empty() { "name" } else { "code" },
                Msg::ErrHsdsLanguage,
                &[],
            ),
        }
    }

    /// A service area as worded; a county or tribal nation it names is recognised too
    /// ("Bernalillo" is Bernalillo County), and "New Mexico" is the whole state.
    fn area(&mut self, c: &mut Check, row: usize, cells: &Cells) {
        let t = "service_areas.csv";
        let Some(i) = self.owner_service(c, t, row, cells) else { return };
        let Some(name) = c.text(t, (row, cells), "name", 200, false) else { return };
        let f = fold(&name);
        let s = &mut self.ds.services[i].service;
        if f == fold(STATEWIDE) || f == "nm" || f == "statewide" || f == "state of new mexico" {
            s.statewide = true;
        } else if let Some(a) = self.areas.iter().find(|a| {
            let af = fold(a);
            af == f || af == format!("{f} county")
        }) {
            s.areas.push(a.to_string());
        }
        if name != STATEWIDE && !self.areas.contains(&name.as_str()) {
            s.area_names.push(name);
        }
    }

    /// A term on a service (ours: category, population, open around the clock; another
    /// taxonomy's: kept) or on an organisation (confirmed or not, with the day it was checked).
    fn attribute(&mut self, c: &mut Check, row: usize, cells: &Cells) {
        let t = "attributes.csv";
        let (term_id, link) = (cell(cells, "taxonomy_term_id"), cell(cells, "link_id"));
        let Some(term) = self.terms.get(&term_id) else {
            c.bad(t, row, "taxonomy_term_id", Msg::ErrHsdsUnknownRef, &[&term_id]);
            return;
        };
        if term.taxonomy == TAX_STATUS {
            let Some(&o) = self.orgs.get(&link) else {
                c.bad(t, row, "link_id", Msg::ErrHsdsUnknownRef, &[&link]);
                return;
            };
            let value = cell(cells, "value");
            let org = &mut self.ds.organizations[o];
            org.confirmed = term.code == "confirmed";
            if !value.is_empty() {
                match parse_date(&value) {
                    Some(d) => org.last_verified = Some(d),
                    None => c.bad(t, row, "value", Msg::ErrDateForm, &[]),
                }
            }
            return;
        }
        let Some(&i) = self.services.get(&link) else {
            // A term on a place, a phone or an organisation says nothing the console shows.
            let entity = cell(cells, "link_entity").to_ascii_lowercase();
            if entity.is_empty() || entity == "service" {
                c.bad(t, row, "link_id", Msg::ErrHsdsUnknownRef, &[&link]);
            }
            return;
        };
        let s = &mut self.ds.services[i].service;
        match term.taxonomy.as_str() {
            TAX_CATEGORY => s.categories.push(term.code.clone()),
            TAX_POPULATION => s.populations.push(term.code.clone()),
            TAX_FLAG => s.open_24_7 = true,
            _ => s.terms.push(term.clone()),
        }
    }

    /// The dataset: each service with its places, and its lists in order without repeats.
    pub(super) fn finish(mut self) -> Dataset {
        for (i, lid, link) in std::mem::take(&mut self.links) {
            if let Some(l) = self.locations.get(&lid) {
                let mut l = l.clone();
                l.link_id = Some(link);
                let places = &mut self.ds.services[i].service.locations;
                if !places.iter().any(|p| p.hsds_id == l.hsds_id) {
                    places.push(l);
                }
            }
        }
        for s in &mut self.ds.services {
            let v = &mut s.service;
            for list in [
                &mut v.categories,
                &mut v.populations,
                &mut v.languages,
                &mut v.areas,
                &mut v.area_names,
            ] {
                list.sort();
                list.dedup();
            }
            v.terms.sort();
            v.terms.dedup();
            v.schedule.sort();
            v.schedule.dedup();
        }
        self.ds
    }
}
