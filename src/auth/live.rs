//! Which sessions are live: held open by a console process that is still running. A session's
//! process is known by its id (`sessions.pid`); in this process, the sessions an `App` holds
//! are registered here, so that a session whose console was dropped (a link that fell) counts
//! as gone even while the process that ran it (a test) goes on.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use crate::domain::ids::SessionId;

/// The sessions held in this process, by database file (session ids are per database).
static HELD: Mutex<Option<HashSet<(PathBuf, SessionId)>>> = Mutex::new(None);

/// This process holds `session` of the database `db` open (a login went through).
pub fn hold(db: &Path, session: SessionId) {
    if let Ok(mut held) = HELD.lock() {
        held.get_or_insert_with(HashSet::new).insert((db.to_path_buf(), session));
    }
}

/// This process no longer holds `session` (it ended, or its console went away).
pub fn release(db: &Path, session: SessionId) {
    if let Ok(mut held) = HELD.lock()
        && let Some(set) = held.as_mut()
    {
        set.remove(&(db.to_path_buf(), session));
    }
}

/// Whether process `pid` still runs (see `store::imports::running`).
pub fn running(pid: i64) -> bool {
    crate::store::imports::running(pid)
}

/// Whether `session` of `db`, run by process `pid` and not ended, is still in use: in this
/// process, when it is held; in another, when that process still runs (on Linux, where the
/// console's host runs; elsewhere a session of another process is taken as gone).
pub fn is_live(db: &Path, session: SessionId, pid: Option<i64>) -> bool {
    let Some(pid) = pid else { return false };
    if pid == i64::from(std::process::id()) {
        let key = (db.to_path_buf(), session);
        return HELD.lock().map(|h| h.as_ref().is_some_and(|s| s.contains(&key))).unwrap_or(false);
    }
    Path::new(&format!("/proc/{pid}")).exists()
}
