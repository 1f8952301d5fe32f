//! Where the database and its key file live.

use std::path::{Path, PathBuf};

use crate::error::{Error, Result};
use crate::i18n::Msg;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DbPaths {
    pub db: PathBuf,
    pub key: PathBuf,
}

impl DbPaths {
    /// The database at `db`, with its key file beside it unless `key` names one.
    pub fn new(db: PathBuf, key: Option<PathBuf>) -> Self {
        let key = key.unwrap_or_else(|| key_beside(&db));
        DbPaths { db, key }
    }

    /// A file of this database's beside its key file: `<database file name>.<ext>` (the audit
    /// anchor, the damage mark).
    pub fn beside_key(&self, ext: &str) -> PathBuf {
        let name = self.db.file_name().map(|n| n.to_string_lossy().to_string()).unwrap_or_default();
        let dir = self.key.parent().filter(|d| !d.as_os_str().is_empty());
        dir.unwrap_or(std::path::Path::new(".")).join(format!("{name}.{ext}"))
    }

    /// Resolve from an explicit path (flag or environment) or the user's data directory.
    pub fn resolve(db: Option<PathBuf>, key: Option<PathBuf>) -> Result<Self> {
        let db = match db {
            Some(p) => p,
            None => default_db()?,
        };
        Ok(Self::new(db, key))
    }
}

fn key_beside(db: &Path) -> PathBuf {
    let mut name = db.file_name().map(|n| n.to_os_string()).unwrap_or_default();
    name.push(".key");
    db.with_file_name(name)
}

/// `<data dir>/intake/intake.db`, from the platform's conventions.
pub fn default_db() -> Result<PathBuf> {
    directories::ProjectDirs::from("org", "NM Human Trafficking Task Force", "intake")
        .map(|d| d.data_dir().join("intake.db"))
        .ok_or_else(|| Error::user(Msg::ErrNoDataDir))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn key_file_sits_beside_the_database() {
        let p = DbPaths::new(PathBuf::from("/srv/tf/intake.db"), None);
        assert_eq!(p.key, PathBuf::from("/srv/tf/intake.db.key"));
        let q = DbPaths::new(PathBuf::from("a.db"), Some(PathBuf::from("/k/x")));
        assert_eq!(q.key, PathBuf::from("/k/x"));
    }
}
