//! The audit log's head, anchored outside the database. The chain of hashes shows a row changed
//! in place, but not the last rows deleted, nor a chain rewritten and its hashes computed
//! again: for that, the newest row's id and hash are also written to a small file beside the
//! key file (`<database file name>.anchor`), after every write that adds audit rows, and beside
//! every backup. `intake check` compares: the row the anchor names must be in the log with that
//! hash. The file is signed with a key derived from the database's own secret, so an edit of
//! the file alone shows too.
//!
//! Several consoles write: each writes the anchor only when its row is newer than the one the
//! file names, so the file never goes back; it may lag a write behind when two finish together.

use std::fs;
use std::io::Write;
use std::os::unix::fs::OpenOptionsExt;
use std::path::{Path, PathBuf};

use rusqlite::{Connection, OptionalExtension};

use crate::error::Result;
use crate::store::DbPaths;

const HEADER: &str = "intake audit anchor v1";

/// The newest row of the audit log (or, after a trim that left none, its checkpoint's last).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Head {
    pub id: i64,
    pub hash: String,
}

/// What comparing the log with its anchor found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Verdict {
    /// The row the anchor names is in the log, with its hash.
    Holds,
    /// The database has never had an anchor (made before it, or a backup without one).
    NotAnchored,
    /// The database has had one, and the file is gone.
    Missing,
    /// The file is not one this program wrote for this database (edited, or another's).
    Forged,
    /// The log ends before the row the anchor names: rows were deleted.
    Behind { anchored: i64, head: i64 },
    /// The row the anchor names is not what it was: the chain was rewritten.
    Rewritten { id: i64 },
}

/// Where the anchor of the database at `paths` is: beside its key file.
pub fn path(paths: &DbPaths) -> PathBuf {
    paths.beside_key("anchor")
}

/// Where the anchor written with a backup file is.
pub fn beside(file: &Path) -> PathBuf {
    PathBuf::from(format!("{}.anchor", file.display()))
}

/// The head of the log, or the start of the chain when the log is empty.
pub fn head_or_start(conn: &Connection) -> Result<Head> {
    Ok(head(conn)?.unwrap_or(Head { id: 0, hash: crate::store::audit::GENESIS.into() }))
}

pub fn head(conn: &Connection) -> Result<Option<Head>> {
    let row = |sql: &str| -> Result<Option<Head>> {
        Ok(conn.query_row(sql, [], |r| Ok(Head { id: r.get(0)?, hash: r.get(1)? })).optional()?)
    };
    match row("SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1")? {
        Some(h) => Ok(Some(h)),
        None => row("SELECT through_id, last_hash FROM audit_checkpoints ORDER BY id DESC LIMIT 1"),
    }
}

fn sign(key: &[u8], h: &Head) -> String {
    use hmac::{Hmac, Mac};
    use sha2::Sha256;
    let Ok(mut mac) = Hmac::<Sha256>::new_from_slice(key) else { return String::new() };
    mac.update(b"intake audit anchor v1");
    mac.update(&h.id.to_be_bytes());
    mac.update(h.hash.as_bytes());
    mac.finalize().into_bytes().iter().map(|b| format!("{b:02x}")).collect()
}

/// The anchor a file holds: None when there is no file; Err(()) when it is not one this
/// program wrote under `key`.
fn read(file: &Path, key: &[u8]) -> std::result::Result<Option<Head>, ()> {
    let text = match fs::read(file) {
        Ok(bytes) if bytes.len() <= 512 => String::from_utf8(bytes).map_err(|_| ())?,
        Ok(_) => return Err(()),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(_) => return Err(()),
    };
    let mut lines = text.lines();
    if lines.next() != Some(HEADER) {
        return Err(());
    }
    let parts: Vec<&str> = lines.next().unwrap_or_default().split(' ').collect();
    let [id, hash, mac] = parts[..] else { return Err(()) };
    let head = Head { id: id.parse().map_err(|_| ())?, hash: hash.to_string() };
    if sign(key, &head) != mac {
        return Err(());
    }
    Ok(Some(head))
}

/// Make `file` (readable by its owner only) name `head`: written whole beside it, then renamed
/// over it.
pub fn write(file: &Path, head: &Head, key: &[u8]) -> Result<()> {
    let temp = PathBuf::from(format!("{}.{}.new", file.display(), std::process::id()));
    let mut f =
        fs::OpenOptions::new().write(true).create(true).truncate(true).mode(0o600).open(&temp)?;
    writeln!(f, "{HEADER}\n{} {} {}", head.id, head.hash, sign(key, head))?;
    drop(f);
    fs::rename(&temp, file)?;
    Ok(())
}

/// Move the anchor in `file` on to `head`, when it names an older row. A file that is missing
/// or not ours is left as it is: a write must not repair what `intake check` is to find.
pub fn advance(file: &Path, head: &Head, key: &[u8]) -> Result<()> {
    match read(file, key) {
        Ok(Some(now)) if now.id < head.id => write(file, head, key),
        _ => Ok(()),
    }
}

/// The key anchors are signed with (derived from the database's own secret).
pub fn key(conn: &Connection) -> Result<zeroize::Zeroizing<Vec<u8>>> {
    crate::store::audit::derived_key(conn, b"intake audit anchor v1")
}

/// Whether the database has been anchored.
pub fn anchored(conn: &Connection) -> Result<bool> {
    Ok(conn.query_row("SELECT count(*) FROM audit_anchor", [], |r| r.get::<_, i64>(0))? > 0)
}

/// Compare the log with the anchor in `file`.
pub fn verify(conn: &Connection, file: &Path) -> Result<Verdict> {
    let key = key(conn)?;
    let anchor = match read(file, &key) {
        Err(()) => return Ok(Verdict::Forged),
        Ok(None) if anchored(conn)? => return Ok(Verdict::Missing),
        Ok(None) => return Ok(Verdict::NotAnchored),
        Ok(Some(a)) => a,
    };
    let head = head(conn)?.map_or(0, |h| h.id);
    if anchor.id == 0 && head == 0 {
        return Ok(Verdict::Holds);
    }
    if head < anchor.id {
        return Ok(Verdict::Behind { anchored: anchor.id, head });
    }
    let at: Option<String> = conn
        .query_row("SELECT hash FROM audit_log WHERE id = ?1", [anchor.id], |r| r.get(0))
        .optional()?;
    let checkpoint: Option<String> = conn
        .query_row(
            "SELECT last_hash FROM audit_checkpoints WHERE through_id = ?1",
            [anchor.id],
            |r| r.get(0),
        )
        .optional()?;
    match at.or(checkpoint) {
        Some(hash) if hash == anchor.hash => Ok(Verdict::Holds),
        // Trimmed away since, behind a checkpoint: the checkpoint's signature vouches for it.
        None if crate::store::audit::latest_checkpoint(conn)?
            .is_some_and(|cp| cp.through_id >= anchor.id) =>
        {
            Ok(Verdict::Holds)
        }
        _ => Ok(Verdict::Rewritten { id: anchor.id }),
    }
}

/// A database opened by this program is anchored from then on: its anchor file is made (from
/// the log as it is) the first time, and the database records that it has one.
pub fn ensure(store: &mut crate::store::Store) -> Result<()> {
    if anchored(store.conn())? {
        return Ok(());
    }
    let file = path(store.paths());
    store.write(|tx| {
        let key = key(tx)?;
        write(&file, &head_or_start(tx)?, &key)?;
        tx.execute(
            "INSERT OR IGNORE INTO audit_anchor (id, since) VALUES (1, ?1)",
            [crate::domain::time::to_db(jiff::Timestamp::now())],
        )?;
        Ok(())
    })
}
