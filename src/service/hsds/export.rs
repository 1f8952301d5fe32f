//! Writing the directory as an HSDS 3.0 package: every file of the specification with its
//! columns in order, and the `datapackage.json` that describes them. A shelter's withheld
//! street address never leaves: its place has no address row, and says so with its city.

use std::collections::HashSet;
use std::path::Path;

use jiff::civil::Date;

use crate::domain::directory::{CATEGORIES, POPULATIONS};
use crate::domain::ids::ServiceId;
use crate::error::{Error, Result};
use crate::i18n::{Lang, Msg};
use crate::store::Store;
use crate::store::audit::{self, Event};
use crate::store::directory::{self, Location, Phone, Rule};
use crate::store::hsds as hsds_store;

use super::gather::WITHHELD;
use super::{
    DAYS, Out, STATEWIDE, TAX_CATEGORY, TAX_FLAG, TAX_POPULATION, TAX_STATUS, schedule, uuid_of,
};

/// One of our taxonomies: its name, its description, and its terms (code, English name).
type OurTaxonomy = (&'static str, &'static str, Vec<(&'static str, String)>);

/// Whether an id is in the UUID form HSDS 3 asks for.
fn is_uuid(s: &str) -> bool {
    s.len() == 36
        && s.char_indices().all(|(i, c)| {
            if matches!(i, 8 | 13 | 18 | 23) { c == '-' } else { c.is_ascii_hexdigit() }
        })
}

/// The id to write: the one on file when it is a UUID, otherwise one made from `seed`.
fn id_or(kept: Option<&str>, seed: &str) -> String {
    match kept {
        Some(k) if is_uuid(k) => k.to_string(),
        Some(k) => uuid_of(&format!("kept:{k}")),
        None => uuid_of(seed),
    }
}

fn term_id(taxonomy: &str, code: &str) -> String {
    uuid_of(&format!("term:{taxonomy}:{code}"))
}

/// A web address as a URI (one typed without a scheme gains https://).
fn uri(web: &str) -> String {
    if web.is_empty() || web.contains("://") { web.to_string() } else { format!("https://{web}") }
}

/// Write the whole directory to `dir` as an HSDS 3.0 package. Schedules carry Denver's UTC
/// offset on `today`. Returns how many services.
pub fn export(
    store: &mut Store,
    dir: &Path,
    today: Date,
    progress: &mut dyn FnMut(usize, usize),
) -> Result<usize> {
    store.write(|tx| hsds_store::assign_ids(tx, &uuid_of))?;
    let conn = store.conn();
    let mut out = Out::create(dir)?;
    let offset = schedule::offset_hours(today);
    // Our taxonomies and their terms.
    let ours: [OurTaxonomy; 4] = [
        (
            TAX_CATEGORY,
            "Service categories of the New Mexico task force's directory",
            CATEGORIES.iter().map(|(c, m)| (*c, m.text(Lang::En).to_string())).collect(),
        ),
        (
            TAX_POPULATION,
            "Populations served",
            POPULATIONS.iter().map(|(c, m)| (*c, m.text(Lang::En).to_string())).collect(),
        ),
        (TAX_FLAG, "Service flags", vec![("open_24_7", "Open 24 hours, 7 days".into())]),
        (
            TAX_STATUS,
            "Whether the organization's details were confirmed",
            vec![("confirmed", "Confirmed".into()), ("unverified", "Unverified".into())],
        ),
    ];
    for (name, description, terms) in &ours {
        let tid = uuid_of(&format!("taxonomy:{name}"));
        out.row("taxonomies.csv", &[("id", &tid), ("name", name), ("description", description)])?;
        for (code, label) in terms {
            out.row(
                "taxonomy_terms.csv",
                &[
                    ("id", &term_id(name, code)),
                    ("code", code),
                    ("name", label),
                    ("description", label),
                    ("taxonomy", name),
                    ("taxonomy_id", &tid),
                ],
            )?;
        }
    }
    // Other directories' taxonomies, with the terms services carry.
    let mut written_taxonomies = HashSet::new();
    for (taxonomy, code, name, description, _) in hsds_store::terms_in_use(conn)? {
        let tid = uuid_of(&format!("taxonomy:{taxonomy}"));
        if written_taxonomies.insert(taxonomy.clone()) {
            out.row(
                "taxonomies.csv",
                &[("id", &tid), ("name", &taxonomy), ("description", &taxonomy)],
            )?;
        }
        let description = if description.is_empty() { name.clone() } else { description };
        out.row(
            "taxonomy_terms.csv",
            &[
                ("id", &term_id(&taxonomy, &code)),
                ("code", &code),
                ("name", &name),
                ("description", &description),
                ("taxonomy", &taxonomy),
                ("taxonomy_id", &tid),
            ],
        )?;
    }
    // Organisations.
    let mut orgs = std::collections::HashMap::new();
    for o in hsds_store::organizations(conn)? {
        let oid = id_or(
            Some(&o.hsds_id).filter(|h| !h.is_empty()).map(|h| h.as_str()),
            &format!("organization:{}", o.id),
        );
        // HSDS requires a description: an organisation without one is described by its name.
        let description = if o.description.is_empty() { &o.name } else { &o.description };
        out.row(
            "organizations.csv",
            &[
                ("id", &oid),
                ("name", &o.name),
                ("description", description),
                ("website", &uri(&o.web)),
            ],
        )?;
        let t = term_id(TAX_STATUS, &o.status);
        out.row(
            "attributes.csv",
            &[
                ("id", &uuid_of(&format!("{oid}:status"))),
                ("link_id", &oid),
                ("taxonomy_term_id", &t),
                ("link_type", "verification"),
                ("link_entity", "organization"),
                ("value", &o.last_verified),
            ],
        )?;
        for (n, p) in directory::organization_phones(conn, o.id)?.iter().enumerate() {
            phone(&mut out, p, ("organization_id", &oid), &format!("{oid}:phone:{n}"))?;
        }
        orgs.insert(o.id, oid);
    }
    // Services and what hangs off them; each place once.
    let services = hsds_store::services(conn)?;
    let mut places_written = HashSet::new();
    for (done, (id, hsds, org, retired)) in services.iter().enumerate() {
        progress(done + 1, services.len());
        let s = directory::stored_service(conn, ServiceId(*id), true)?
            .ok_or_else(|| Error::user(Msg::ErrNoSuchRecord))?;
        let sid = id_or(Some(hsds.as_str()).filter(|h| !h.is_empty()), &format!("service:{id}"));
        let oid = orgs.get(org).cloned().unwrap_or_default();
        let opt = |o: &Option<String>| o.clone().unwrap_or_default();
        let status = if *retired {
            "defunct"
        } else if s.temporarily_closed {
            "temporarily closed"
        } else {
            "active"
        };
        out.row(
            "services.csv",
            &[
                ("id", &sid),
                ("organization_id", &oid),
                ("name", &s.name),
                ("description", &s.description),
                ("status", status),
                ("application_process", &opt(&s.intake_steps)),
                ("eligibility_description", &opt(&s.eligibility)),
                ("assured_date", &s.last_verified.map(|d| d.to_string()).unwrap_or_default()),
            ],
        )?;
        let sub = |kind: &str, n: usize| uuid_of(&format!("{sid}:{kind}:{n}"));
        // Every phone; the console's numbers to call and to text when they are not among them.
        let mut phones = s.phones.clone();
        if let Some(n) = &s.phone
            && !phones.iter().any(|p| p.callable() && &p.number == n)
        {
            phones.push(Phone { number: n.clone(), kind: "voice".into(), ..Default::default() });
        }
        if let Some(n) = &s.text_number
            && !phones.iter().any(|p| p.kind == "text" && &p.number == n)
        {
            phones.push(Phone { number: n.clone(), kind: "text".into(), ..Default::default() });
        }
        for (n, p) in phones.iter().enumerate() {
            phone(&mut out, p, ("service_id", &sid), &format!("{sid}:phone:{n}"))?;
        }
        for (n, l) in s.locations.iter().enumerate() {
            let lid = id_or(l.hsds_id.as_deref(), &format!("{sid}:location:{n}"));
            if places_written.insert(lid.clone()) {
                let owner = l
                    .hsds_id
                    .as_deref()
                    .map(|h| hsds_store::place_organization(conn, h))
                    .transpose()?
                    .flatten()
                    .and_then(|o| orgs.get(&o).cloned())
                    .unwrap_or_else(|| oid.clone());
                place(&mut out, l, &lid, &owner, offset)?;
            }
            let link = id_or(l.link_id.as_deref(), &format!("{sid}:{lid}"));
            out.row(
                "service_at_location.csv",
                &[("id", &link), ("service_id", &sid), ("location_id", &lid)],
            )?;
        }
        let mut n = 0;
        let mut next = || {
            n += 1;
            sub("schedule", n - 1)
        };
        if let Some(h) = &s.hours {
            out.row("schedules.csv", &[("id", &next()), ("service_id", &sid), ("description", h)])?;
        }
        let tz = offset.to_string();
        for span in &s.schedule {
            let (o, c) =
                (schedule::write(span.opens, offset), schedule::write(span.closes, offset));
            out.row(
                "schedules.csv",
                &[
                    ("id", &next()),
                    ("service_id", &sid),
                    ("timezone", &tz),
                    ("freq", "WEEKLY"),
                    ("byday", DAYS[span.weekday as usize - 1]),
                    ("opens_at", &o),
                    ("closes_at", &c),
                ],
            )?;
        }
        for r in &s.rules {
            let id = id_or(r.hsds_id.as_deref(), &format!("{sid}:rule:{}", next()));
            rule(&mut out, r, &id, ("service_id", &sid), offset)?;
        }
        for (n, l) in s.languages.iter().enumerate() {
            let code = crate::domain::languages::code(l);
            let name = crate::domain::languages::name(l, Lang::En);
            out.row(
                "languages.csv",
                &[
                    ("id", &sub("language", n)),
                    ("service_id", &sid),
                    ("name", &name),
                    ("code", &code),
                ],
            )?;
        }
        for (n, a) in areas(&s).iter().enumerate() {
            out.row(
                "service_areas.csv",
                &[("id", &sub("area", n)), ("service_id", &sid), ("name", a)],
            )?;
        }
        let mut terms: Vec<(&str, &str)> = Vec::new();
        terms.extend(s.categories.iter().map(|c| (TAX_CATEGORY, c.as_str())));
        terms.extend(s.populations.iter().map(|p| (TAX_POPULATION, p.as_str())));
        if s.open_24_7 {
            terms.push((TAX_FLAG, "open_24_7"));
        }
        terms.extend(s.terms.iter().map(|t| (t.taxonomy.as_str(), t.code.as_str())));
        for (n, (tax, code)) in terms.iter().enumerate() {
            out.row(
                "attributes.csv",
                &[
                    ("id", &sub("attribute", n)),
                    ("link_id", &sid),
                    ("taxonomy_term_id", &term_id(tax, code)),
                    ("link_type", tax),
                    ("link_entity", "service"),
                ],
            )?;
        }
    }
    out.finish()?;
    // Written by the machine's operator (the command line): the row names how many services.
    let source = store.source().to_string();
    let done = Event::new("directory_export", "ok").record(services.len());
    store.write(|tx| audit::append(tx, &source, &done))?;
    Ok(services.len())
}

/// A service's areas as written: the whole state, the names as the files gave them, and
/// each county or tribal nation no name already stands for.
fn areas(s: &directory::NewService) -> Vec<String> {
    use crate::domain::text::fold;
    let mut out: Vec<String> = Vec::new();
    if s.statewide {
        out.push(STATEWIDE.into());
    }
    out.extend(s.area_names.iter().cloned());
    for a in &s.areas {
        let named = s.area_names.iter().any(|n| {
            let f = fold(n);
            fold(a) == f || fold(a) == format!("{f} county")
        });
        if !named {
            out.push(a.clone());
        }
    }
    out
}

fn phone(out: &mut Out, p: &Phone, owner: (&str, &str), seed: &str) -> Result<()> {
    let id = id_or(p.hsds_id.as_deref(), seed);
    // HSDS takes an extension as a number: another one stays with the number.
    let ext = p.extension.clone().unwrap_or_default();
    let (number, ext) = if ext.is_empty() || ext.chars().all(|c| c.is_ascii_digit()) {
        (p.number.clone(), ext)
    } else {
        (format!("{} ext. {ext}", p.number), String::new())
    };
    out.row(
        "phones.csv",
        &[
            ("id", &id),
            owner,
            ("number", &number),
            ("extension", &ext),
            ("type", &p.kind),
            ("description", p.description.as_deref().unwrap_or("")),
        ],
    )
}

fn rule(out: &mut Out, r: &Rule, id: &str, owner: (&str, &str), offset: i32) -> Result<()> {
    let opt = |o: &Option<String>| o.clone().unwrap_or_default();
    let time = |m: Option<u16>| m.map(|m| schedule::write(m, offset)).unwrap_or_default();
    let timed = r.opens.is_some() || r.closes.is_some();
    out.row(
        "schedules.csv",
        &[
            ("id", id),
            owner,
            ("valid_from", &r.valid_from.map(|d| d.to_string()).unwrap_or_default()),
            ("valid_to", &r.valid_to.map(|d| d.to_string()).unwrap_or_default()),
            ("timezone", &if timed { offset.to_string() } else { String::new() }),
            ("freq", &opt(&r.freq)),
            ("interval", &r.interval.map(|i| i.to_string()).unwrap_or_default()),
            ("byday", &opt(&r.byday)),
            ("bymonthday", &opt(&r.bymonthday)),
            ("description", &opt(&r.description)),
            ("opens_at", &time(r.opens)),
            ("closes_at", &time(r.closes)),
        ],
    )
}

/// A place: its row, its address only when the street may be shown (HSDS requires the street,
/// city, state and postal code of an address), its phones and schedules.
fn place(out: &mut Out, l: &Location, lid: &str, org: &str, offset: i32) -> Result<()> {
    let opt = |o: &Option<String>| o.clone().unwrap_or_default();
    let state = l.state.clone().unwrap_or_else(|| "NM".into());
    let full = l.show_address && l.address.is_some() && l.city.is_some() && l.zip.is_some();
    let description = if !full && (l.city.is_some() || l.zip.is_some()) {
        format!("{WITHHELD}{}, {state} {}", opt(&l.city), opt(&l.zip)).trim_end().to_string()
    } else {
        String::new()
    };
    out.row(
        "locations.csv",
        &[
            ("id", lid),
            ("location_type", "physical"),
            ("organization_id", org),
            ("name", &opt(&l.name)),
            ("description", &description),
        ],
    )?;
    if full {
        out.row(
            "addresses.csv",
            &[
                ("id", &uuid_of(&format!("{lid}:address"))),
                ("location_id", lid),
                ("address_1", &opt(&l.address)),
                ("city", &opt(&l.city)),
                ("state_province", &state),
                ("postal_code", &opt(&l.zip)),
                ("country", l.country.as_deref().unwrap_or("US")),
                ("address_type", "physical"),
            ],
        )?;
    }
    for (n, p) in l.phones.iter().enumerate() {
        phone(out, p, ("location_id", lid), &format!("{lid}:phone:{n}"))?;
    }
    for (n, r) in l.rules.iter().enumerate() {
        let id = id_or(r.hsds_id.as_deref(), &format!("{lid}:rule:{n}"));
        rule(out, r, &id, ("location_id", lid), offset)?;
    }
    Ok(())
}
