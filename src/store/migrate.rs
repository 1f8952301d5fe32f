//! Schema versions. A new database is made from schema.sql; an older one is brought up to date
//! by the numbered migrations, each in the same transaction as its `user_version` bump.

use rusqlite::Transaction;

use crate::error::{Error, Result};
use crate::i18n::Msg;
use crate::store::Store;

/// The whole current schema.
pub const SCHEMA: &str = include_str!("../../schema.sql");

/// Migration N takes a database from version N-1 to N. Never edit a released one.
pub const MIGRATIONS: &[&str] = &[
    include_str!("migrations/0001_foundation.sql"),
    include_str!("migrations/0002_hotline.sql"),
    include_str!("migrations/0003_clients.sql"),
    include_str!("migrations/0004_screening.sql"),
    include_str!("migrations/0005_initials_index.sql"),
    include_str!("migrations/0006_directory.sql"),
    include_str!("migrations/0007_referrals.sql"),
    include_str!("migrations/0008_funds.sql"),
    include_str!("migrations/0009_screening_result.sql"),
    include_str!("migrations/0010_contacts_by_caller.sql"),
    include_str!("migrations/0011_search_places.sql"),
    include_str!("migrations/0012_drafts_per_session.sql"),
    include_str!("migrations/0013_open_sessions.sql"),
    include_str!("migrations/0014_draft_takeover.sql"),
    include_str!("migrations/0015_client_search.sql"),
    include_str!("migrations/0016_search_filters.sql"),
    include_str!("migrations/0017_client_search_legal.sql"),
    include_str!("migrations/0018_hotline_rollups.sql"),
    include_str!("migrations/0019_retention.sql"),
    include_str!("migrations/0020_purge_text.sql"),
    include_str!("migrations/0021_erasure.sql"),
    include_str!("migrations/0022_audit_trim.sql"),
    include_str!("migrations/0023_hotline_dimensions.sql"),
    include_str!("migrations/0024_voca.sql"),
    include_str!("migrations/0025_ncmec_tips.sql"),
    include_str!("migrations/0026_trafficking_measures.sql"),
    include_str!("migrations/0027_immigration_relief.sql"),
    include_str!("migrations/0028_outreach_events.sql"),
    include_str!("migrations/0029_hsds_directory.sql"),
    include_str!("migrations/0030_client_releases.sql"),
    include_str!("migrations/0031_releases_and_disclosures.sql"),
    include_str!("migrations/0032_audit_anchor.sql"),
    include_str!("migrations/0033_staged_imports.sql"),
    include_str!("migrations/0034_staged_case_imports.sql"),
    include_str!("migrations/0035_staged_directory_import.sql"),
];

pub fn latest() -> i64 {
    MIGRATIONS.len() as i64
}

pub fn version(tx: &Transaction) -> Result<i64> {
    Ok(tx.query_row("PRAGMA user_version", [], |r| r.get(0))?)
}

fn set_version(tx: &Transaction, v: i64) -> Result<()> {
    // PRAGMA takes no bound parameters; v is an integer we computed.
    tx.execute_batch(&format!("PRAGMA user_version = {v}"))?;
    Ok(())
}

/// Create the current schema in an empty database.
pub fn create_fresh(tx: &Transaction) -> Result<()> {
    tx.execute_batch(SCHEMA)?;
    set_version(tx, latest())
}

/// Apply migrations from version `from` up to `to`.
pub fn upgrade(tx: &Transaction, from: i64, to: i64) -> Result<()> {
    for v in from..to {
        tx.execute_batch(MIGRATIONS[v as usize])?;
        if v + 1 == 25 {
            widen_check(tx, 25, "tips", WIDER_TIPS)?;
        }
        if v + 1 == 34 {
            widen_check(tx, 34, "imports", WIDER_IMPORTS)?;
        }
        if v + 1 == 35 {
            widen_check(tx, 35, "imports", WIDER_DIRECTORY)?;
        }
        set_version(tx, v + 1)?;
    }
    Ok(())
}

/// A CHECK's list made wider: (the text replaced, its replacement, a word only the wider has).
type Wider = (&'static str, &'static str, &'static str);

/// Migration 25's second half: the tip categories' CHECK gains NCMEC's two incident types.
const WIDER_TIPS: Wider = (
    "'misleading_domain',",
    "'misleading_domain', 'misleading_words_images', 'child_sexual_molestation',",
    "'child_sexual_molestation'",
);

/// Migration 34's second half: clients, services and payments are imported in steps too.
const WIDER_IMPORTS: Wider = (
    "CHECK (kind IN ('contact', 'tip'))",
    "CHECK (kind IN ('contact', 'tip', 'client', 'service', 'payment'))",
    "'payment'",
);

/// Migration 35's second half: the directory is imported in steps too.
const WIDER_DIRECTORY: Wider =
    ("'service', 'payment'))", "'service', 'payment', 'directory'))", "'directory'");

/// SQLite cannot alter a CHECK; loosening one is the schema edit its documentation describes
/// (in the same transaction: read the schema version, edit the stored CREATE TABLE, set the
/// version one higher), and every stored row passes the wider list.
fn widen_check(tx: &Transaction, step: i64, table: &str, (old, new, marker): Wider) -> Result<()> {
    let wide: bool = tx.query_row(
        "SELECT instr(sql, ?1) > 0 FROM sqlite_master WHERE type = 'table' AND name = ?2",
        rusqlite::params![marker, table],
        |r| r.get(0),
    )?;
    if wide {
        return Ok(());
    }
    let version: i64 = tx.query_row("PRAGMA schema_version", [], |r| r.get(0))?;
    tx.execute_batch("PRAGMA writable_schema = ON")?;
    let changed = tx.execute(
        "UPDATE sqlite_master SET sql = replace(sql, ?1, ?2)
         WHERE type = 'table' AND name = ?3 AND instr(sql, ?1) > 0",
        rusqlite::params![old, new, table],
    )?;
    // PRAGMA takes no bound parameters; the version is an integer read above.
    tx.execute_batch(&format!(
        "PRAGMA schema_version = {}; PRAGMA writable_schema = OFF;",
        version + 1
    ))?;
    if changed != 1 {
        return Err(Error::user_with(Msg::ErrMigrationStep, &[&step.to_string()]));
    }
    Ok(())
}

pub fn migrate(store: &mut Store) -> Result<()> {
    store.write(|tx| {
        let v = version(tx)?;
        let tables: i64 = tx.query_row("SELECT count(*) FROM sqlite_master", [], |r| r.get(0))?;
        if v == 0 && tables == 0 {
            create_fresh(tx)
        } else if v > latest() {
            Err(Error::user_with(Msg::ErrDbNewer, &[&v.to_string(), &latest().to_string()]))
        } else {
            upgrade(tx, v, latest())?;
            // Migration 9 leaves the results an imported tool's levels decide to the tool.
            if v < 9 {
                crate::store::screenings::settle_results(tx)?;
            }
            // Migrations 11 and 16 leave the new search index to be filled from the services.
            if v < 16 {
                crate::store::directory::reindex(tx)?;
            }
            Ok(())
        }
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn every_migration_file_is_registered_in_order() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/src/store/migrations");
        let mut files: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n.ends_with(".sql"))
            .collect();
        files.sort();
        assert_eq!(files.len(), super::MIGRATIONS.len(), "{files:?}");
        for (i, name) in files.iter().enumerate() {
            assert!(name.starts_with(&format!("{:04}_", i + 1)), "{name} out of order");
            let text = std::fs::read_to_string(format!("{dir}/{name}")).unwrap();
            assert_eq!(text, super::MIGRATIONS[i], "{name} is not the one registered");
        }
    }
}
