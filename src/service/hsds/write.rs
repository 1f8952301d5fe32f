//! Writing a checked dataset into the directory: in short transactions, all of it shown at
//! once or none (see `store::directory::staged`).

use std::cell::RefCell;
use std::collections::HashMap;

use jiff::Timestamp;
use rusqlite::Transaction;

use crate::domain::ids::ServiceId;
use crate::error::{Error, Result};
use crate::i18n::Msg;
use crate::service::Who;
use crate::service::staged::{Staging, import_staged};
use crate::store::Store;
use crate::store::directory::{self, ChangedPlaces, Staged, Term};
use crate::store::hsds::{self as hsds_store, OrganizationUpdate, Table as Kept};
use crate::store::imports::Kind;

use super::{Dataset, Org, Service, uuid_of};

/// What the batches learn for the last step: the organisations' ids by exchange identifier,
/// the organisations already here that the files change, and the places.
#[derive(Default)]
struct Learnt<'d> {
    organizations: HashMap<String, i64>,
    changed: Vec<(i64, &'d Org)>,
    places: ChangedPlaces,
}

fn update(o: &Org) -> OrganizationUpdate<'_> {
    OrganizationUpdate {
        name: &o.name,
        description: &o.description,
        web: o.web.as_deref(),
        confirmed: o.confirmed,
        last_verified: o.last_verified,
    }
}

/// Write a checked dataset: entries already here (by their HSDS id) are updated, others added;
/// those the files leave as they are, left alone.
/// Its services are written out of sight a batch per transaction; the last step shows them
/// all at once, with what the files change of organisations and places already here; then
/// each is folded into the service it updates, which keeps its id (and its referrals). A
/// confidential street address on file stays when the files carry none for that place.
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
    // An import cut off while folding is folded first: its services are the ones found by id.
    store.fold_directory(None)?;
    store.write(|tx| hsds_store::assign_ids(tx, &uuid_of))?;
    let map = hsds_store::term_map(store.conn())?;
    let orgs: HashMap<&str, &Org> =
        ds.organizations.iter().map(|o| (o.hsds_id.as_str(), o)).collect();
    let learnt = RefCell::new(Learnt::default());
    let mut put = |tx: &Transaction, import: i64, s: &&Service| -> Result<(i64, bool)> {
        let mut learnt = learnt.borrow_mut();
        let o =
            *orgs.get(s.organization.as_str()).ok_or_else(|| Error::user(Msg::ErrNoSuchRecord))?;
        let organization_id = organization(tx, import, o, &mut learnt, now)?;
        let mut v = s.service.clone();
        add_mapped_categories(&map, &mut v);
        v.organization_id = organization_id;
        let found = hsds_store::find(tx, Kept::Services, &s.hsds_id)?.map(ServiceId);
        if let Some(id) = found {
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
            // A service the files leave as it is stays as it is (nothing to fold), unless its
            // organisation's name or description changes: its search entry holds them.
            let same_organization = !learnt.changed.iter().any(|(id, _)| *id == organization_id);
            if same_organization && directory::unchanged(tx, id, &v, s.retired)? {
                return Ok((id.0, false));
            }
        }
        let text = format!("{} {}", o.name, o.description);
        let staged = Staged {
            import,
            hsds_id: &s.hsds_id,
            replaces: found,
            retired: s.retired,
            organization: &text,
        };
        let id = directory::add_staged(tx, &v, &staged, &mut learnt.places, now)?;
        Ok((id.0, false))
    };
    let mut last = |tx: &Transaction, import: i64, _: &[i64]| -> Result<()> {
        let mut learnt = learnt.borrow_mut();
        // Organisations no service of the files names are written here too.
        for o in &ds.organizations {
            if !learnt.organizations.contains_key(&o.hsds_id) {
                organization(tx, import, o, &mut learnt, now)?;
            }
        }
        for &(id, o) in &learnt.changed {
            hsds_store::update_organization(tx, id, &update(o), now)?;
            directory::set_organization_phones(tx, id, &o.phones)?;
        }
        directory::apply_places(tx, &learnt.places)
    };
    let mut rows = each_of(&ds.services);
    let how = Staging {
        kind: Kind::Directory,
        event: "directory_import",
        size: |s: &&Service| s.service.description.len() + s.service.name.len() + 200,
        put: &mut put,
        batch: None,
        last: &mut last,
    };
    let n = import_staged(store, who, how, &mut rows, now, progress)?;
    // Folding is the import's too. The files' services show already: a failure here leaves it
    // to the intakes that start after (and the next import begins with it, saying what failed).
    let _ = store.fold_directory(None);
    Ok(n)
}

/// The services as an import's rows.
fn each_of<'d>(
    services: &'d [Service],
) -> impl FnMut(&rusqlite::Connection, &mut dyn FnMut(&'d Service) -> Result<()>) -> Result<()> + 'd
{
    move |_, each| services.iter().try_for_each(&mut *each)
}

/// The id of the files' organisation `o`: one already here is left as it is until the last
/// step (`learnt.changed` when the files change it); a new one is added out of sight.
fn organization<'d>(
    tx: &Transaction,
    import: i64,
    o: &'d Org,
    learnt: &mut Learnt<'d>,
    now: Timestamp,
) -> Result<i64> {
    if let Some(id) = learnt.organizations.get(&o.hsds_id) {
        return Ok(*id);
    }
    let id = match hsds_store::find(tx, Kept::Organizations, &o.hsds_id)? {
        Some(id) => {
            let same = hsds_store::same_organization(tx, id, &update(o))?
                && directory::organization_phones(tx, id)? == o.phones;
            if !same {
                learnt.changed.push((id, o));
            }
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
            hsds_store::mark_imported(tx, id, &o.hsds_id, import)?;
            directory::set_organization_phones(tx, id, &o.phones)?;
            id
        }
    };
    learnt.organizations.insert(o.hsds_id.clone(), id);
    Ok(id)
}

/// The category an administrator's map gives a term: the longest code of its taxonomy that
/// the term's code begins with ("BH-1800" maps "BH-1800.8500").
pub fn mapped<'a>(map: &'a [(String, String, String)], t: &Term) -> Option<&'a str> {
    map.iter()
        .filter(|(tax, code, _)| {
            tax.eq_ignore_ascii_case(&t.taxonomy) && t.code.starts_with(code.as_str())
        })
        .max_by_key(|(_, code, _)| code.len())
        .map(|(_, _, category)| category.as_str())
}

/// A service's categories with those its other taxonomies' terms map to. Whether any was added.
pub fn add_mapped_categories(
    map: &[(String, String, String)],
    s: &mut directory::NewService,
) -> bool {
    let before = s.categories.len();
    for t in &s.terms {
        if let Some(c) = mapped(map, t)
            && !s.categories.iter().any(|x| x == c)
        {
            s.categories.push(c.to_string());
        }
    }
    s.categories.sort();
    s.categories.len() > before
}
