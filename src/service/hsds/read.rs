//! Reading HSDS CSV files into a checked dataset, naming every problem by file, row and column.

use std::collections::{HashMap, HashSet};
use std::path::Path;

use super::*;
use crate::domain::directory::{CATEGORIES, POPULATIONS, Span};
use crate::domain::text::clean_line;
use crate::error::{Error, Result};
use crate::i18n::{Lang, Msg};
use crate::store::directory::{Location, NewService};

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
