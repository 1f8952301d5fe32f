//! The encrypted SQLite store: opening, pragmas, migrations and write transactions.
//!
//! Every write goes through [`Store::write`]: one `BEGIN IMMEDIATE` transaction, retried while
//! another `intake` process holds the write lock, so no SQLITE_BUSY reaches a user.

pub mod anchor;
pub mod audit;
pub mod backup;
mod batches;
mod cached;
pub mod check;
pub mod clients;
pub mod contacts;
pub mod damage;
pub mod directory;
pub mod disclosures;
pub mod drafts;
mod functions;
pub mod funds;
pub mod hsds;
mod ids;
pub mod imports;
pub mod keyfile;
pub mod migrate;
pub mod outreach;
pub mod owed;
pub(crate) use cached::{Cached, exec};
pub mod paths;
pub mod referrals;
pub mod releases;
pub mod reports;
pub mod retention;
pub mod rollups;
pub mod screenings;
pub mod tips;
pub mod transfers;
mod trouble;
pub mod users;

use std::fs::OpenOptions;
use std::os::unix::fs::OpenOptionsExt;
use std::time::Duration;

use rusqlite::{Connection, Transaction};
use zeroize::Zeroizing;

use crate::error::{Error, Result};
use crate::i18n::Msg;
pub use batches::BATCH_REST;
pub use paths::DbPaths;

/// How long one write keeps trying while other processes hold the lock.
const WRITE_PATIENCE: Duration = Duration::from_secs(30);

/// How long SQLite itself waits for a lock before our retry loop takes over.
const BUSY_WAIT: Duration = Duration::from_secs(5);

pub struct Store {
    conn: Connection,
    paths: DbPaths,
    source: String,
    /// How long a write keeps trying while another process holds the lock.
    patience: Duration,
    /// The key the audit anchor is signed with, read at the first write that needs it.
    anchor_key: Option<Zeroizing<Vec<u8>>>,
    /// `intake check` found the database damaged: it changes nothing but sessions and audit.
    damaged: Option<damage::Damage>,
}

impl Store {
    /// Open the database, creating it and its key file when `create` is set and it does not
    /// exist yet. Checks the key file's permissions and that the key opens the database.
    pub fn open(paths: &DbPaths, create: bool) -> Result<Store> {
        let mut store = Store::open_inner(paths, create)?;
        let ready = migrate::migrate(&mut store).and_then(|()| anchor::ensure(&mut store));
        ready.map_err(|e| trouble::explain(paths, e, false))?;
        store.sweep_left();
        Ok(store)
    }

    /// Open the database, making it (with its key) when there is none: a database made here
    /// starts with the checked directory of services, whether the console or a command made it.
    pub fn open_or_create(paths: &DbPaths) -> Result<Store> {
        let new = paths.db.metadata().map(|m| m.len() == 0).unwrap_or(true);
        let mut store = Store::open(paths, true)?;
        if new {
            let now = jiff::Timestamp::now();
            store.write(|tx| directory::seed_if_empty(tx, now))?;
        }
        Ok(store)
    }

    /// The database file (what identifies it in this process).
    pub fn db_path(&self) -> &std::path::Path {
        &self.paths.db
    }

    /// Open an existing database without bringing its schema up to date: for `intake check`,
    /// which must not change the file it examines.
    pub fn open_as_is(paths: &DbPaths) -> Result<Store> {
        Store::open_inner(paths, false)
    }

    fn open_inner(paths: &DbPaths, create: bool) -> Result<Store> {
        Store::open_file(paths, create).map_err(|e| trouble::explain(paths, e, false))
    }

    fn open_file(paths: &DbPaths, create: bool) -> Result<Store> {
        let exists = paths.db.metadata().map(|m| m.len() > 0).unwrap_or(false);
        let key = if exists {
            keyfile::read(&paths.key)?
        } else {
            if !create {
                return Err(Error::user_with(
                    Msg::ErrDbMissing,
                    &[&paths.db.display().to_string()],
                ));
            }
            if let Some(dir) = paths.db.parent() {
                keyfile::ensure_private_dir(dir)?;
            }
            if let Some(dir) = paths.key.parent() {
                keyfile::ensure_private_dir(dir)?;
            }
            let key = if paths.key.exists() {
                keyfile::read(&paths.key)?
            } else {
                keyfile::create(&paths.key)?
            };
            // Create the file ourselves so it is 0600 from the first byte; SQLite's -wal and
            // -shm files take the database file's mode.
            OpenOptions::new()
                .write(true)
                .create(true)
                .truncate(false)
                .mode(0o600)
                .open(&paths.db)?;
            key
        };
        let pragma = Zeroizing::new(format!("PRAGMA key = \"x'{}'\";", key.as_str()));
        // SQLCipher can refuse a key when many connections start at once on other threads of
        // the process (seen under load in the tests; the console has one connection per
        // process): a fresh connection tries again, twice at most.
        let mut tries = 0;
        let mut conn = loop {
            let conn = Connection::open(&paths.db)?;
            // SQLCipher logs to stderr by default; a user sees our message instead.
            conn.execute_batch("PRAGMA cipher_log_level = NONE;")?;
            match conn.execute_batch(&pragma) {
                Ok(()) => break conn,
                Err(e) if tries == 2 => return Err(e.into()),
                Err(_) => tries += 1,
            }
            std::thread::sleep(Duration::from_millis(20));
        };
        drop(pragma);
        drop(key);
        functions::register(&conn)?;
        if let Err(e) =
            conn.query_row("SELECT count(*) FROM sqlite_master", [], |r| r.get::<_, i64>(0))
        {
            if crate::error::is_corrupt(&e) {
                return Err(Error::user_with(
                    Msg::ErrWrongKey,
                    &[&paths.db.display().to_string(), &paths.key.display().to_string()],
                ));
            }
            return Err(e.into());
        }
        batches::wait_for_lock(&mut conn, BUSY_WAIT)?;
        let mode: String = conn.query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))?;
        if !mode.eq_ignore_ascii_case("wal") {
            return Err(Error::user(Msg::ErrNoWal));
        }
        conn.execute_batch(&format!(
            "PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON; PRAGMA secure_delete = ON;
             PRAGMA cache_size = -{CACHE_KIB};"
        ))?;
        // An import runs a few dozen statements per row: each is compiled once.
        conn.set_prepared_statement_cache_capacity(cached::STATEMENTS);
        let mut store = Store {
            conn,
            paths: paths.clone(),
            source: session_source(),
            patience: WRITE_PATIENCE,
            anchor_key: None,
            damaged: None,
        };
        store.notice_damage()?;
        Ok(store)
    }

    /// Whether the database is marked damaged (read again before every write: a check in
    /// another process may have marked it since this one opened it). Once marked, this
    /// connection changes nothing but what `damage` lets through.
    fn notice_damage(&mut self) -> Result<()> {
        if self.damaged.is_none()
            && let Some(d) = damage::read(&self.paths)
        {
            damage::refuse_changes(&mut self.conn)?;
            self.damaged = Some(d);
        }
        Ok(())
    }

    /// The damage `intake check` found, when it marked the database read-only.
    pub fn damaged(&self) -> Option<&damage::Damage> {
        self.damaged.as_ref()
    }

    pub fn conn(&self) -> &Connection {
        &self.conn
    }

    pub fn paths(&self) -> &DbPaths {
        &self.paths
    }

    /// Where this process's user is: the SSH client's address or the local terminal.
    pub fn source(&self) -> &str {
        &self.source
    }

    /// Add to where this process's audit rows say they come from (over SSH, the key's
    /// fingerprint after the client's address), within the column's 80 characters.
    pub fn add_to_source(&mut self, more: &str) {
        let joined = format!("{} {more}", self.source);
        self.source = joined.chars().take(80).collect();
    }

    /// Run `g` with writes that give up (`Error::Busy`) after `patience` rather than 30 seconds:
    /// for what the console writes on its own (a draft, what a hide owes), which tries again
    /// later rather than hold the screen while another process writes.
    pub fn with_patience<T>(&mut self, patience: Duration, g: impl FnOnce(&mut Store) -> T) -> T {
        let (usual, busy) = (self.patience, patience.min(BUSY_WAIT));
        self.patience = patience;
        let _ = batches::wait_for_lock(&mut self.conn, busy);
        let value = g(self);
        self.patience = usual;
        let _ = batches::wait_for_lock(&mut self.conn, BUSY_WAIT);
        value
    }

    /// Run `f` in one `BEGIN IMMEDIATE` transaction, committing when it returns Ok. While other
    /// processes hold the write lock the whole transaction is retried, for up to 30 seconds.
    pub fn write<T>(&mut self, f: impl FnMut(&Transaction) -> Result<T>) -> Result<T> {
        self.write_with(f)
    }

    /// Run `f` as `write` does, but commit without waiting for the disk (`synchronous =
    /// NORMAL`): for drafts, kept at every burst of keys while a caller is on the line. In WAL
    /// mode such a commit is safe from a crash of the console or a dropped link (the system
    /// holds it and writes it soon); only a power cut within moments can lose it, and then
    /// only the last keys of a draft. A saved record always waits for the disk (FULL), and
    /// that wait takes the drafts written before it along.
    pub fn write_light<T>(&mut self, f: impl FnMut(&Transaction) -> Result<T>) -> Result<T> {
        self.conn.execute_batch("PRAGMA synchronous = NORMAL")?;
        let done = self.write_with(f);
        let restored = self.conn.execute_batch("PRAGMA synchronous = FULL");
        let value = done?;
        restored?;
        Ok(value)
    }

    /// Run `g` with a page cache of `BULK_CACHE_KIB`, then the usual one again: an import fills a
    /// table and its indexes at once; the usual 4 MiB cannot hold them, and every row would read
    /// pages back from the encrypted file.
    pub fn with_bulk_cache<T>(&mut self, g: impl FnOnce(&mut Store) -> Result<T>) -> Result<T> {
        let usual: i64 = self.conn.query_row("PRAGMA cache_size", [], |r| r.get(0))?;
        self.conn.execute_batch(&format!("PRAGMA cache_size = -{BULK_CACHE_KIB}"))?;
        let done = g(self);
        // PRAGMA takes no bound parameters; `usual` is the integer SQLite gave.
        let restored = self.conn.execute_batch(&format!("PRAGMA cache_size = {usual}"));
        let value = done?;
        restored?;
        Ok(value)
    }

    /// Move the anchor to `head`. The row is committed whatever happens here; a file that
    /// cannot be written shows in `intake check` as an anchor behind or missing.
    fn advance_anchor(&mut self, head: &anchor::Head) {
        if self.anchor_key.is_none() {
            self.anchor_key = anchor::key(&self.conn).ok();
        }
        if let Some(key) = &self.anchor_key {
            let _ = anchor::advance(&anchor::path(&self.paths), head, key);
        }
    }

    /// Whether commits on this connection wait for the disk (`synchronous` is FULL, 2).
    pub fn durable(&self) -> Result<bool> {
        Ok(self.conn.query_row("PRAGMA synchronous", [], |r| r.get::<_, i64>(0))? == 2)
    }

    fn write_with<T>(&mut self, f: impl FnMut(&Transaction) -> Result<T>) -> Result<T> {
        self.notice_damage()?;
        self.write_retrying(f).map_err(|e| self.explain_write(e))
    }

    /// A write's error as its reader should see it: the damage that keeps the database
    /// read-only, or what is wrong with the file, or the error itself.
    fn explain_write(&self, e: Error) -> Error {
        match &self.damaged {
            Some(d) if damage::is_refusal(&e) => Error::Nested(
                Msg::ErrReadOnlyDamaged,
                vec![self.paths.db.display().to_string(), crate::domain::time::show_db(&d.found)],
                d.check,
                Vec::new(),
            ),
            _ => trouble::explain(&self.paths, e, true),
        }
    }

    fn write_retrying<T>(&mut self, mut f: impl FnMut(&Transaction) -> Result<T>) -> Result<T> {
        let value = self.retrying(|tx| {
            // Only the attempt that commits counts: a busy one's audit rows were rolled back.
            audit::take_appended();
            f(tx)
        })?;
        // The audit rows it added are committed: the anchor moves to the newest.
        if let Some(head) = audit::take_appended() {
            self.advance_anchor(&head);
        }
        Ok(value)
    }
}

/// The page cache of an import's batches, in KiB (see `Store::with_bulk_cache`).
pub const BULK_CACHE_KIB: i64 = 32 * 1024;

/// The page cache of every connection, in KiB. Each page read past it is decrypted and its
/// HMAC checked again; SQLite's 2 MB default cannot hold a search's index pages at 100,000
/// services, and 4 MB can (a word over the whole directory: 47 ms, 38 ms with it; larger
/// caches gained nothing more). The cache fills only as pages are read.
pub const CACHE_KIB: i64 = 4 * 1024;

/// A row's place in a list kept newest first: its time as stored, then its record number.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Key {
    pub at: String,
    pub id: i64,
}

/// Where a page of a list starts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Start {
    /// After this many rows, in the list's own order (newest first).
    Offset(i64),
    /// After the row with this id, in record-number order: an export reads the table in its
    /// own order, a page after the last id read, so every page costs what the first costs and
    /// the file is read front to back (in time order it would jump about the file, which on an
    /// encrypted database is many times slower).
    AfterId(i64),
    /// The rows after this one in the list's own order (the console's next page): found in the
    /// index from the key, so every page costs what the first costs.
    After(Key),
    /// The rows just before this one in the list's own order (the console's page before).
    Before(Key),
}

impl Start {
    /// Whether the page is read in record-number order (an export).
    pub fn by_id(&self) -> bool {
        matches!(self, Start::AfterId(_))
    }
}

/// A query with only the conditions in use, so that indexes serve them (a "? IS NULL OR …"
/// condition hides a range from the planner). Every value stays a bound parameter.
pub(crate) struct Query {
    pub sql: String,
    pub values: Vec<rusqlite::types::Value>,
    conditions: usize,
    /// The rows come oldest first (a page before a key) and are to be turned round.
    pub reversed: bool,
}

impl Query {
    /// `base` is the SELECT … FROM … part, without a WHERE.
    pub fn new(base: &str) -> Query {
        Query { sql: base.to_string(), values: Vec::new(), conditions: 0, reversed: false }
    }

    /// Add a condition (one `?` in it) with its value.
    pub fn and(&mut self, cond: &str, value: impl Into<rusqlite::types::Value>) {
        self.sql.push_str(if self.conditions == 0 { " WHERE " } else { " AND " });
        self.sql.push_str(cond);
        self.values.push(value.into());
        self.conditions += 1;
    }

    /// Add a condition with several `?`, and their values in order.
    pub fn and_values(&mut self, cond: &str, values: Vec<rusqlite::types::Value>) {
        self.sql.push_str(if self.conditions == 0 { " WHERE " } else { " AND " });
        self.sql.push_str(cond);
        self.values.extend(values);
        self.conditions += 1;
    }

    /// Add a condition that takes no value.
    pub fn and_always(&mut self, cond: &str) {
        self.sql.push_str(if self.conditions == 0 { " WHERE " } else { " AND " });
        self.sql.push_str(cond);
        self.conditions += 1;
    }

    /// Close with one page from `start`, in a list kept newest first by time column `at` and
    /// id column `id` (names from the code): after an offset, after or before a row's key
    /// (`reversed` is then set: turn the rows round), or after an id in record-number order.
    pub fn page_from(mut self, at: &str, id: &str, start: Start, limit: i64) -> Query {
        let newest = format!("{at} DESC, {id} DESC");
        match start {
            Start::Offset(offset) => self.page(&newest, limit, offset),
            Start::AfterId(after) => {
                self.and(&format!("{id} > ?"), after);
                self.page(id, limit, 0)
            }
            Start::After(k) => {
                self.and_values(&format!("({at}, {id}) < (?, ?)"), vec![k.at.into(), k.id.into()]);
                self.page(&newest, limit, 0)
            }
            Start::Before(k) => {
                self.and_values(&format!("({at}, {id}) > (?, ?)"), vec![k.at.into(), k.id.into()]);
                self.reversed = true;
                self.page(&format!("{at}, {id}"), limit, 0)
            }
        }
    }

    /// Close with the order and one page: `ORDER BY … LIMIT ? OFFSET ?`.
    pub fn page(mut self, order: &str, limit: i64, offset: i64) -> Query {
        self.sql.push_str(" ORDER BY ");
        self.sql.push_str(order);
        self.sql.push_str(" LIMIT ? OFFSET ?");
        self.values.push(limit.into());
        self.values.push(offset.into());
        self
    }
}

/// A list of ids as stored (a JSON array).
pub(crate) fn json_list(list: &[String]) -> String {
    serde_json::to_string(list).unwrap_or_else(|_| "[]".into())
}

/// A stored JSON array back as a list (empty when it is not one).
pub(crate) fn list_from_json(text: &str) -> Vec<String> {
    serde_json::from_str(text).unwrap_or_default()
}

/// The session's source for the audit log: the client address from SSH_CONNECTION, or the
/// local terminal's device name.
pub fn session_source() -> String {
    source_from(std::env::var("SSH_CONNECTION").ok().as_deref(), local_tty().as_deref())
}

fn local_tty() -> Option<String> {
    std::fs::read_link("/proc/self/fd/0")
        .ok()
        .map(|p| p.display().to_string())
        .filter(|p| p.starts_with("/dev/"))
}

pub fn source_from(ssh_connection: Option<&str>, tty: Option<&str>) -> String {
    let src = match ssh_connection.and_then(|s| s.split_whitespace().next()) {
        Some(addr) => format!("ssh:{addr}"),
        None => format!("local:{}", tty.unwrap_or("-")),
    };
    crate::domain::text::clean_line(&src).chars().take(80).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn source_names_the_ssh_client_or_the_local_tty() {
        assert_eq!(
            source_from(Some("203.0.113.9 52114 10.0.0.2 22"), Some("/dev/pts/1")),
            "ssh:203.0.113.9"
        );
        assert_eq!(source_from(None, Some("/dev/pts/4")), "local:/dev/pts/4");
        assert_eq!(source_from(None, None), "local:-");
    }
}
