//! The administrator's map from other directories' taxonomy codes (AIRS / 211 LA) to our
//! categories: a CSV file of taxonomy, code and category, which replaces the map and gives
//! every live service the categories its terms now map to, in one transaction.

use std::path::Path;

use jiff::Timestamp;

use crate::domain::directory::CATEGORIES;
use crate::domain::ids::ServiceId;
use crate::domain::text::clean_line;
use crate::error::{Error, Result};
use crate::i18n::{Lang, Msg};
use crate::service::Who;
use crate::store::Store;
use crate::store::directory;
use crate::store::hsds as hsds_store;

use super::write::add_mapped_categories;

/// Read the map file and apply it. Returns how many codes the map has and how many services
/// gained a category.
pub fn map_taxonomy(
    store: &mut Store,
    who: Who,
    path: &Path,
    lang: Lang,
    now: Timestamp,
) -> Result<(usize, usize)> {
    if who.user.role != crate::domain::staff::Role::Admin {
        return Err(Error::user(Msg::ErrAdminOnly));
    }
    let name = path.display().to_string();
    let read_err = |e: csv::Error| crate::service::files::csv_error(&name, &e);
    let mut reader = crate::service::files::csv_reader(path).map_err(|e| read_err(e.into()))?;
    let headers: Vec<String> =
        reader.headers().map_err(read_err)?.iter().map(|h| h.trim().to_ascii_lowercase()).collect();
    let col = |c: &str| headers.iter().position(|h| h == c);
    let (Some(t), Some(k), Some(g)) = (col("taxonomy"), col("code"), col("category")) else {
        return Err(Error::user_with(
            Msg::ErrHsdsMissingColumn,
            &[&name, "taxonomy, code, category"],
        ));
    };
    let known: Vec<&str> = CATEGORIES.iter().map(|(c, _)| *c).collect();
    let mut rows = Vec::new();
    for (i, rec) in reader.records().enumerate() {
        let rec = rec.map_err(read_err)?;
        let get = |n: usize| clean_line(rec.get(n).unwrap_or(""));
        let (taxonomy, code, category) = (get(t), get(k), get(g));
        if category.is_empty() {
            continue;
        }
        if !known.contains(&category.as_str()) || taxonomy.is_empty() || code.is_empty() {
            let row = (i + 2).to_string();
            return Err(Error::user_with(
                Msg::ErrTaxonomyMapCategory,
                &[&name, &row, &crate::domain::text::escaped(&category), &known.join(", ")],
            ));
        }
        if taxonomy.chars().count() > 100 || code.chars().count() > 64 {
            return Err(Error::user_with(Msg::ErrMaxChars, &["64"]));
        }
        rows.push((taxonomy, code, category));
    }
    let _ = lang;
    let source = store.source().to_string();
    store.write(|tx| {
        hsds_store::set_term_map(tx, &rows)?;
        let ids: Vec<i64> = tx
            .prepare(
                "SELECT DISTINCT st.service_id FROM dir_service_terms st
                 JOIN dir_services s ON s.id = st.service_id WHERE s.retired_at IS NULL",
            )?
            .query_map([], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        let mut gained = 0;
        for id in ids {
            let id = ServiceId(id);
            let Some(mut s) = directory::stored_service(tx, id, false)? else { continue };
            if add_mapped_categories(&rows, &mut s) {
                directory::update_service(tx, id, &s, now)?;
                gained += 1;
            }
        }
        crate::service::audit_in(tx, &source, who, "directory_taxonomy_map", rows.len() as i64)?;
        Ok((rows.len(), gained))
    })
}
