//! Writing a checked dataset into the directory, all of it or none.

use crate::domain::ids::ServiceId;
use std::collections::HashMap;

use jiff::Timestamp;

use crate::error::{Error, Result};
use crate::i18n::Msg;
use crate::service::Who;
use crate::store::Store;
use crate::store::directory::{self, Term};
use crate::store::hsds::{self as hsds_store, Table as Kept};

use super::{Dataset, uuid_of};

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
        hsds_store::assign_ids(tx, &uuid_of)?;
        let map = hsds_store::term_map(tx)?;
        let mut org_ids = HashMap::new();
        for o in &ds.organizations {
            let found = hsds_store::find(tx, Kept::Organizations, &o.hsds_id)?;
            let id = match found {
                Some(id) => {
                    let update = hsds_store::OrganizationUpdate {
                        name: &o.name,
                        description: &o.description,
                        web: o.web.as_deref(),
                        confirmed: o.confirmed,
                        last_verified: o.last_verified,
                    };
                    hsds_store::update_organization(tx, id, &update, now)?;
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
                    hsds_store::set_id(tx, Kept::Organizations, id, &o.hsds_id)?;
                    id
                }
            };
            directory::set_organization_phones(tx, id, &o.phones)?;
            org_ids.insert(o.hsds_id.as_str(), id);
        }
        for (n, s) in ds.services.iter().enumerate() {
            let mut v = s.service.clone();
            add_mapped_categories(&map, &mut v);
            v.organization_id = *org_ids
                .get(s.organization.as_str())
                .ok_or_else(|| Error::user(Msg::ErrNoSuchRecord))?;
            let found = hsds_store::find(tx, Kept::Services, &s.hsds_id)?;
            let id = match found {
                Some(id) => {
                    let id = ServiceId(id);
                    let before = directory::locations(tx, id)?;
                    for l in &mut v.locations {
                        let kept =
                            before.iter().find(|b| b.hsds_id.is_some() && b.hsds_id == l.hsds_id);
                        if let Some(b) = kept
                            && l.address.is_none()
                            && !b.show_address
                        {
                            l.address = b.address.clone();
                        }
                    }
                    hsds_store::unretire(tx, id.0)?;
                    directory::update_service(tx, id, &v, now)?;
                    id
                }
                None => {
                    let id = directory::add_service(tx, &v, now)?;
                    hsds_store::set_id(tx, Kept::Services, id.0, &s.hsds_id)?;
                    id
                }
            };
            if s.retired {
                directory::retire_service(tx, id, now)?;
            }
            progress(n + 1);
        }
        // An import's row names how many services came in.
        crate::service::audit_in(tx, &source, who, "directory_import", ds.services.len() as i64)?;
        Ok(ds.services.len())
    })
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
