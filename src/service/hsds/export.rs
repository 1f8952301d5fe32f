//! Writing the directory as HSDS CSV files.

use crate::domain::ids::ServiceId;
use std::collections::HashMap;
use std::path::Path;

use crate::domain::directory::{CATEGORIES, POPULATIONS};
use crate::error::{Error, Result};
use crate::i18n::Msg;
use crate::store::Store;
use crate::store::audit::{self, Event};
use crate::store::directory;
use crate::store::hsds as hsds_store;

use super::{
    DAYS, LANGUAGE_CODES, Out, STATEWIDE, TAX_CATEGORY, TAX_FLAG, TAX_POPULATION, TAX_STATUS, hhmm,
    uuid_of,
};

/// Write the whole directory to `dir` as HSDS CSV files. Returns how many services.
pub fn export(store: &mut Store, dir: &Path) -> Result<usize> {
    store.write(|tx| hsds_store::assign_ids(tx, &uuid_of))?;
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
    for o in hsds_store::organizations(conn)? {
        let hsds_store::Organization { id, hsds_id: hsds, name, description, web, status, .. } = o;
        let verified = o.last_verified;
        let oid = if hsds.is_empty() { uuid_of(&format!("organization:{id}")) } else { hsds };
        out.row("organizations.csv", &[&oid, &name, &description, &web])?;
        let aid = uuid_of(&format!("{oid}:status"));
        let t = term(TAX_STATUS, &status);
        out.row("attributes.csv", &[&aid, &oid, "verification", "organization", &t, &verified])?;
        orgs.insert(id, oid);
    }
    // Services and what hangs off them.
    let services = hsds_store::services(conn)?;
    for (id, hsds, org, retired) in &services {
        let s = directory::stored_service(conn, ServiceId(*id), true)?
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
            out.row("service_at_location.csv", &[&uuid_of(&format!("{sid}:{lid}")), &sid, &lid])?;
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
    // Written by the machine's operator (the command line): the row names how many services.
    let source = store.source().to_string();
    let done = Event::new("directory_export", "ok").record(services.len());
    store.write(|tx| audit::append(tx, &source, &done))?;
    Ok(services.len())
}
