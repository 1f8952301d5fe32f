//! A database `intake check` found damaged is read-only until an administrator restores a
//! backup. The mark is a small file beside the key (`<database file name>.damaged`, saying
//! when and which check failed), not a row: a damaged database may not take one. While it is
//! there, SQLite itself refuses every change to the records (an authorizer on each connection),
//! whatever path a write takes; what keeps people working and accountable still goes: logging
//! in and out, the audit log, and drafts of what is typed. A check that passes again, or a
//! restore, takes the mark away.

use std::fs;
use std::io::Write;
use std::os::unix::fs::OpenOptionsExt;
use std::path::PathBuf;

use rusqlite::Connection;
use rusqlite::hooks::{AuthAction, AuthContext, Authorization};

use crate::error::Result;
use crate::i18n::Msg;
use crate::store::DbPaths;

/// The tables a damaged database still takes rows in.
const STILL_WRITTEN: &[&str] =
    &["audit_log", "audit_anchor", "sessions", "login_failures", "drafts"];

/// When the damage was found, and by which check.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Damage {
    pub found: String,
    pub check: Msg,
}

/// The checks whose failure marks the database, by the name the mark keeps.
const CHECKS: &[Msg] = &[
    Msg::CheckIntegrity,
    Msg::CheckCipher,
    Msg::CheckForeignKeys,
    Msg::CheckAuditChain,
    Msg::CheckAuditAnchor,
    Msg::CheckAuditTriggers,
];

pub fn path(paths: &DbPaths) -> PathBuf {
    paths.beside_key("damaged")
}

/// The mark, if the database has one.
pub fn read(paths: &DbPaths) -> Option<Damage> {
    let text = fs::read(path(paths)).ok()?;
    let text = String::from_utf8_lossy(&text[..text.len().min(512)]).to_string();
    let mut lines = text.lines();
    let found = lines.next().unwrap_or_default().chars().take(20).collect();
    let name = lines.next().unwrap_or_default();
    // A mark this program did not write still marks: the check is then the integrity check.
    let check = CHECKS.iter().copied().find(|m| format!("{m:?}") == name);
    Some(Damage { found, check: check.unwrap_or(Msg::CheckIntegrity) })
}

/// Mark the database damaged (the first mark stays: it says when the damage was first found).
pub fn mark(paths: &DbPaths, check: Msg, now: jiff::Timestamp) -> Result<()> {
    let file = path(paths);
    if file.exists() {
        return Ok(());
    }
    let mut f =
        fs::OpenOptions::new().write(true).create(true).truncate(true).mode(0o600).open(&file)?;
    writeln!(f, "{}\n{check:?}", crate::domain::time::to_db(now))?;
    Ok(())
}

pub fn clear(paths: &DbPaths) {
    let _ = fs::remove_file(path(paths));
}

/// From now on this connection changes nothing but what `STILL_WRITTEN` names.
pub fn refuse_changes(conn: &mut Connection) -> Result<()> {
    conn.authorizer(Some(|ctx: AuthContext<'_>| match ctx.action {
        AuthAction::Insert { table_name }
        | AuthAction::Delete { table_name }
        | AuthAction::Update { table_name, .. } => {
            if STILL_WRITTEN.contains(&table_name) {
                Authorization::Allow
            } else {
                Authorization::Deny
            }
        }
        AuthAction::CreateTable { .. }
        | AuthAction::CreateIndex { .. }
        | AuthAction::CreateTrigger { .. }
        | AuthAction::CreateView { .. }
        | AuthAction::DropTable { .. }
        | AuthAction::DropIndex { .. }
        | AuthAction::DropTrigger { .. }
        | AuthAction::DropView { .. }
        | AuthAction::AlterTable { .. }
        | AuthAction::CreateVtable { .. }
        | AuthAction::DropVtable { .. } => Authorization::Deny,
        _ => Authorization::Allow,
    }))?;
    Ok(())
}

/// Whether `e` is SQLite refusing a change under `refuse_changes`.
pub fn is_refusal(e: &crate::Error) -> bool {
    matches!(e, crate::Error::Db(rusqlite::Error::SqliteFailure(f, _))
        if f.code == rusqlite::ErrorCode::AuthorizationForStatementDenied)
}
