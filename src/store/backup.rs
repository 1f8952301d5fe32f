//! Backups and restores.
//!
//! A backup is `VACUUM INTO` a new file, not SQLite's online backup API, because:
//! - it reads one snapshot in one read transaction, so consoles go on writing (WAL mode) and
//!   the copy holds exactly what was committed when it began; the backup API, stepped, starts
//!   over each time another process writes, and in one step it is the same snapshot anyway;
//! - SQLCipher writes the copy under the same key (no page of it is plain text), and it is
//!   compact: free pages, and with them what a purge removed, are not carried into it.
//!
//! The copy is written as a hidden `.partial` file, opened again under the key and put through
//! every check `intake check` makes; only then is it renamed to its time-stamped name. A file
//! with that name is therefore always a whole, checked backup.

use std::fs::{self, OpenOptions};
use std::os::unix::fs::OpenOptionsExt;
use std::path::{Path, PathBuf};

use jiff::Timestamp;
use rusqlite::{Connection, OptionalExtension};

use crate::error::{Error, Result};
use crate::i18n::{Lang, Msg};
use crate::store::{DbPaths, Store, anchor, check, keyfile};

const PREFIX: &str = "intake-";
const SUFFIX: &str = ".db";
const PARTIAL: &str = ".partial";

/// A backup made and checked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Taken {
    pub path: PathBuf,
    pub bytes: u64,
    /// Older backups removed by the keep rule.
    pub removed: usize,
}

/// The name of a backup taken at `at`: `intake-20261130T142501Z.db` (UTC, so names sort by time
/// and no clock change makes two alike).
pub fn file_name(at: Timestamp) -> String {
    format!("{PREFIX}{}{SUFFIX}", at.strftime("%Y%m%dT%H%M%SZ"))
}

/// A finished backup's time stamp and number within its second (1 for the first), from its
/// name; None for any other file.
fn backup_order(name: &str) -> Option<(String, u32)> {
    let rest = name.strip_prefix(PREFIX)?.strip_suffix(SUFFIX)?;
    let (stamp, n) = match rest.split_once('-') {
        Some((stamp, n)) => (stamp, n.parse().ok()?),
        None => (rest, 1),
    };
    let ok = stamp.len() == 16 && stamp.as_bytes()[8] == b'T' && stamp.ends_with('Z');
    ok.then(|| (stamp.to_string(), n))
}

/// The finished backups in `dir`, oldest first.
pub fn list(dir: &Path) -> Result<Vec<PathBuf>> {
    let mut found: Vec<((String, u32), PathBuf)> = fs::read_dir(dir)?
        .filter_map(|e| e.ok())
        .filter_map(|e| Some((backup_order(e.file_name().to_str()?)?, e.path())))
        .collect();
    found.sort();
    Ok(found.into_iter().map(|(_, p)| p).collect())
}

/// A file for SQLite to write into: new, empty and readable by its owner only (`VACUUM INTO`
/// would otherwise make it with the process's umask).
fn new_private_file(path: &Path) -> Result<()> {
    OpenOptions::new().write(true).create_new(true).mode(0o600).open(path)?;
    Ok(())
}

fn utf8(path: &Path) -> Result<&str> {
    path.to_str()
        .ok_or_else(|| Error::user_with(Msg::ErrPathNotUtf8, &[&path.display().to_string()]))
}

/// Write the database `from` reads into the new file `to`, as one snapshot.
fn copy_into(from: &Connection, to: &Path) -> Result<()> {
    new_private_file(to)?;
    let done = from.execute("VACUUM INTO ?1", [utf8(to)?]).map(|_| ());
    if done.is_err() {
        let _ = fs::remove_file(to);
    }
    done?;
    Ok(())
}

/// Open the copy at `path` under the key at `key` and run every check on it. The first check
/// that fails is the error, by name and with SQLite's own words.
/// A backup's own anchor (the audit log's head when it was taken), beside it, is compared too.
fn checked(path: &Path, key: &Path, lang: Lang) -> Result<()> {
    let copy = Store::open_as_is(&DbPaths::new(path.to_path_buf(), Some(key.to_path_buf())))?;
    let own = anchor::beside(path);
    let anchor_file = own.exists().then_some(own.as_path());
    check::require_all(&copy, anchor_file, Msg::ErrBackupCheckFailed, lang)
}

/// Write the anchor of the copy at `path` (its audit log's head) to `to`.
fn anchor_copy(path: &Path, key: &Path, to: &Path) -> Result<()> {
    let copy = Store::open_as_is(&DbPaths::new(path.to_path_buf(), Some(key.to_path_buf())))?;
    anchor::write(to, &anchor::head_or_start(copy.conn())?, &anchor::key(copy.conn())?)
}

/// Make the rename of a finished file durable.
fn sync_dir(dir: &Path) {
    if let Ok(d) = fs::File::open(dir) {
        let _ = d.sync_all();
    }
}

/// Take a backup of `store` into `dir` (made 0700 when new), check it, and keep the newest
/// `keep` backups there (all when None). Half-written copies left by a run that died more than
/// a day ago are removed too.
pub fn take(
    store: &Store,
    dir: &Path,
    keep: Option<usize>,
    now: Timestamp,
    lang: Lang,
) -> Result<Taken> {
    keyfile::ensure_private_dir(dir)?;
    let mut name = file_name(now);
    let mut n = 1;
    while dir.join(&name).exists() || dir.join(format!(".{name}{PARTIAL}")).exists() {
        n += 1;
        name = format!("{}-{n}{SUFFIX}", file_name(now).trim_end_matches(SUFFIX));
    }
    let partial = dir.join(format!(".{name}{PARTIAL}"));
    copy_into(store.conn(), &partial)?;
    let finish = || -> Result<PathBuf> {
        checked(&partial, &store.paths().key, lang)?;
        fs::File::open(&partial)?.sync_all()?;
        let path = dir.join(&name);
        // The backup carries the head of its audit log: a restore, or a check of it, compares.
        anchor_copy(&partial, &store.paths().key, &anchor::beside(&path))?;
        fs::rename(&partial, &path)?;
        sync_dir(dir);
        Ok(path)
    };
    let path = match finish() {
        Ok(p) => p,
        Err(e) => {
            for f in [partial.clone(), wal_of(&partial), shm_of(&partial)] {
                let _ = fs::remove_file(f);
            }
            return Err(e);
        }
    };
    let bytes = fs::metadata(&path)?.len();
    let mut removed = 0;
    if let Some(keep) = keep {
        let all = list(dir)?;
        for old in all.iter().take(all.len().saturating_sub(keep.max(1))) {
            fs::remove_file(old)?;
            let _ = fs::remove_file(anchor::beside(old));
            removed += 1;
        }
    }
    remove_stale_partials(dir, now);
    Ok(Taken { path, bytes, removed })
}

fn wal_of(p: &Path) -> PathBuf {
    PathBuf::from(format!("{}-wal", p.display()))
}

fn shm_of(p: &Path) -> PathBuf {
    PathBuf::from(format!("{}-shm", p.display()))
}

fn remove_stale_partials(dir: &Path, now: Timestamp) {
    let Ok(entries) = fs::read_dir(dir) else { return };
    for e in entries.filter_map(|e| e.ok()) {
        let name = e.file_name();
        let Some(name) = name.to_str() else { continue };
        if !(name.starts_with(&format!(".{PREFIX}")) && name.contains(PARTIAL)) {
            continue;
        }
        let old = e
            .metadata()
            .and_then(|m| m.modified())
            .ok()
            .and_then(|t| Timestamp::try_from(t).ok())
            .is_some_and(|t| now.duration_since(t).as_secs() > 24 * 3600);
        if old {
            let _ = fs::remove_file(e.path());
        }
    }
}

/// What a restored database holds, for the one who restored it to compare with what they
/// expect. Counts and times only: never record content.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Held {
    /// (table, rows) for the record tables.
    pub counts: Vec<(&'static str, i64)>,
    /// The newest time a record was made or changed, UTC.
    pub newest: Option<String>,
    /// The audit log's last row: its number and hash.
    pub audit_head: Option<(i64, String)>,
}

/// The record tables `Held` counts, what they are read through (an import under way is not
/// held yet: `store::imports`), and the column that dates their rows.
const HELD: &[(&str, &str, &str)] = &[
    ("clients", "clients_shown", "updated_at"),
    ("contacts", "contacts_shown", "created_at"),
    ("tips", "tips_shown", "created_at"),
    ("case_notes", "case_notes", "created_at"),
    ("screenings", "screenings", "started_at"),
    ("services", "services_shown", "created_at"),
    ("referrals", "referrals", "created_at"),
    ("payments", "payments_shown", "requested_at"),
    ("users", "users", "updated_at"),
];

pub fn held(conn: &Connection) -> Result<Held> {
    let mut counts = Vec::new();
    let mut newest: Option<String> = None;
    for (table, from, at) in HELD {
        // Table names come from the list above, never from input.
        let (n, last): (i64, Option<String>) =
            conn.query_row(&format!("SELECT count(*), max({at}) FROM {from}"), [], |r| {
                Ok((r.get(0)?, r.get(1)?))
            })?;
        counts.push((*table, n));
        if last.as_deref() > newest.as_deref() {
            newest = last;
        }
    }
    let audit_head = conn
        .query_row("SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1", [], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })
        .optional()?;
    Ok(Held { counts, newest, audit_head })
}

/// The database at `paths`, opened alone: None when another process has it open, idle or not.
/// The connection asks for the file alone (exclusive locking) and keeps it until dropped, so
/// no console can open it meanwhile.
pub fn open_alone(paths: &DbPaths) -> Result<Option<Store>> {
    let store = Store::open_as_is(paths)?;
    let conn = store.conn();
    conn.busy_timeout(std::time::Duration::from_millis(200))?;
    conn.execute_batch("PRAGMA locking_mode = EXCLUSIVE")?;
    match conn.execute_batch("BEGIN EXCLUSIVE; COMMIT;") {
        Ok(()) => Ok(Some(store)),
        Err(e) if crate::error::is_busy(&e) => Ok(None),
        Err(e) => Err(e.into()),
    }
}

/// Move the database to a new key. Nothing else may have it open. The new key is written as
/// `<key>.new` first; after SQLCipher has re-encrypted every page, the old key file becomes
/// `<key>.retired-<time>` (the backups made before today need it) and the new one takes its
/// name. Returns the retired key file's path.
pub fn rekey(paths: &DbPaths, now: Timestamp) -> Result<PathBuf> {
    let shown = paths.db.display().to_string();
    let Some(store) = open_alone(paths)? else {
        return Err(Error::user_with(Msg::ErrDbInUse, &[&shown]));
    };
    let fresh = PathBuf::from(format!("{}.new", paths.key.display()));
    if fresh.exists() {
        return Err(Error::user_with(Msg::ErrKeyFileExists, &[&fresh.display().to_string()]));
    }
    let key = keyfile::create(&fresh)?;
    let pragma = zeroize::Zeroizing::new(format!("PRAGMA rekey = \"x'{}'\";", key.as_str()));
    if let Err(e) = store.conn().execute_batch(&pragma) {
        let _ = fs::remove_file(&fresh);
        return Err(e.into());
    }
    drop(pragma);
    drop(store);
    let stamp = now.strftime("%Y%m%dT%H%M%SZ").to_string();
    let retired = PathBuf::from(format!("{}.retired-{stamp}", paths.key.display()));
    fs::rename(&paths.key, &retired)?;
    fs::rename(&fresh, &paths.key)?;
    if let Some(dir) = paths.key.parent() {
        sync_dir(if dir.as_os_str().is_empty() { Path::new(".") } else { dir });
    }
    Ok(retired)
}

/// Restore the backup at `file`, read under the key at `file_key`, as the database at `target`.
/// A database already there is replaced only with `force`, only when no other process has it
/// open, and then kept beside it (`….replaced-<time>`), never deleted. The target's key file is
/// written from the backup's key when it has none; one that holds another key is refused
/// (with `force`, it is kept beside like the database).
pub fn restore(
    file: &Path,
    file_key: &Path,
    target: &DbPaths,
    force: bool,
    now: Timestamp,
    lang: Lang,
) -> Result<()> {
    let shown = |p: &Path| p.display().to_string();
    if !file.is_file() {
        return Err(Error::user_with(Msg::ErrBackupMissing, &[&shown(file)]));
    }
    if fs::canonicalize(file).ok() == fs::canonicalize(&target.db).ok() {
        return Err(Error::user_with(Msg::ErrRestoreOntoItself, &[&shown(file)]));
    }
    if !file_key.exists() {
        return Err(Error::user_with(Msg::ErrRestoreNoKey, &[&shown(file_key)]));
    }
    checked(file, file_key, lang)?;
    let key = keyfile::read(file_key)?;
    if let Some(dir) = target.db.parent() {
        keyfile::ensure_private_dir(dir)?;
    }
    let stamp = now.strftime("%Y%m%dT%H%M%SZ").to_string();
    let aside = |p: &Path| PathBuf::from(format!("{}.replaced-{stamp}", p.display()));
    let occupied = target.db.metadata().map(|m| m.len() > 0).unwrap_or(false);
    if occupied {
        if !force {
            return Err(Error::user_with(Msg::ErrRestoreTargetExists, &[&shown(&target.db)]));
        }
        if open_alone(target)?.is_none() {
            return Err(Error::user_with(Msg::ErrDbInUse, &[&shown(&target.db)]));
        }
    }
    let key_differs = match target.key.exists() {
        false => false,
        true => keyfile::read(&target.key)? != key,
    };
    if key_differs && !force {
        return Err(Error::user_with(
            Msg::ErrRestoreKeyDiffers,
            &[&shown(&target.key), &shown(file_key)],
        ));
    }
    // Write the copy beside the target first: until it is whole and checked, nothing there
    // changes.
    let dir = target.db.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let name = target.db.file_name().map(|n| n.to_string_lossy().to_string()).unwrap_or_default();
    let partial = dir.join(format!(".{name}{PARTIAL}"));
    let _ = fs::remove_file(&partial);
    {
        let backup = Store::open_as_is(&DbPaths::new(file.to_path_buf(), Some(file_key.into())))?;
        copy_into(backup.conn(), &partial)?;
    }
    if let Err(e) = checked(&partial, file_key, lang) {
        for f in [partial.clone(), wal_of(&partial), shm_of(&partial)] {
            let _ = fs::remove_file(f);
        }
        return Err(e);
    }
    fs::File::open(&partial)?.sync_all()?;
    if occupied {
        fs::rename(&target.db, aside(&target.db))?;
    }
    if key_differs {
        fs::rename(&target.key, aside(&target.key))?;
    }
    if !target.key.exists() {
        keyfile::write_new(&target.key, &key)?;
    }
    // The restored database's anchor is its own log's head; the one of the database it
    // replaces is kept beside like the database.
    let own = anchor::path(target);
    if own.exists() {
        fs::rename(&own, aside(&own))?;
    }
    anchor_copy(&partial, file_key, &own)?;
    fs::rename(&partial, &target.db)?;
    // A restored database is whole again: whatever damage was found in the one it replaced.
    crate::store::damage::clear(target);
    sync_dir(dir);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn store(dir: &Path) -> Store {
        Store::open(&DbPaths::new(dir.join("intake.db"), None), true).expect("store")
    }

    #[test]
    fn backups_are_named_by_time_and_the_keep_rule_removes_only_the_oldest_backups() {
        let tmp = tempfile::tempdir().expect("tmp");
        let s = store(tmp.path());
        let dir = tmp.path().join("backups");
        let at: Timestamp = "2026-11-30T14:25:01Z".parse().expect("time");
        assert_eq!(file_name(at), "intake-20261130T142501Z.db");
        let first = take(&s, &dir, None, at, Lang::En).expect("first");
        // Two in one second do not collide.
        let second = take(&s, &dir, None, at, Lang::En).expect("second");
        assert_ne!(first.path, second.path);
        assert!(second.path.ends_with("intake-20261130T142501Z-2.db"), "{:?}", second.path);
        // Files that are not backups are never counted or removed.
        fs::write(dir.join("notes.txt"), "x").expect("other file");
        fs::write(dir.join(".intake-20250101T000000Z.db.partial"), "x").expect("partial");
        let later: Timestamp = "2026-12-01T02:00:00Z".parse().expect("time");
        let third = take(&s, &dir, Some(2), later, Lang::En).expect("third");
        assert_eq!(third.removed, 1);
        let left = list(&dir).expect("list");
        assert_eq!(left, vec![second.path.clone(), third.path.clone()]);
        assert!(dir.join("notes.txt").exists());
        // The new partial file is younger than a day by the file's clock: kept. No backup is
        // ever removed by keep 0: the one just made stays.
        let fourth = take(&s, &dir, Some(0), later, Lang::En).expect("fourth");
        assert_eq!(list(&dir).expect("list"), vec![fourth.path.clone()]);
        // Backups are readable by their owner only.
        use std::os::unix::fs::PermissionsExt;
        let mode = fs::metadata(&fourth.path).expect("meta").permissions().mode();
        assert_eq!(mode & 0o077, 0, "mode {mode:o}");
    }

    #[test]
    fn a_backup_holds_no_plain_text_and_opens_only_under_the_key() {
        let tmp = tempfile::tempdir().expect("tmp");
        let mut s = store(tmp.path());
        s.write(|tx| {
            tx.execute(
                "INSERT INTO agencies (name, created_at) VALUES ('QX-canary-7741', '2026-11-30T00:00:00Z')",
                [],
            )?;
            Ok(())
        })
        .expect("canary");
        let taken =
            take(&s, &tmp.path().join("b"), None, Timestamp::now(), Lang::En).expect("take");
        let bytes = fs::read(&taken.path).expect("read");
        assert!(!bytes.windows(14).any(|w| w == b"QX-canary-7741"), "plain text in the backup");
        assert!(!bytes.starts_with(b"SQLite format 3"), "an unencrypted header");
        let copy =
            Store::open_as_is(&DbPaths::new(taken.path.clone(), Some(s.paths().key.clone())))
                .expect("opens under the key");
        let v: String = copy
            .conn()
            .query_row("SELECT name FROM agencies WHERE name LIKE 'QX-%'", [], |r| r.get(0))
            .expect("canary");
        assert_eq!(v, "QX-canary-7741");
        // Under another key it does not open.
        let other = tmp.path().join("other.key");
        keyfile::create(&other).expect("other key");
        assert!(Store::open_as_is(&DbPaths::new(taken.path, Some(other))).is_err());
    }
}
