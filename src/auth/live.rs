//! Which sessions are live: held open by a console process that is still running. A session's
//! process is known by its id (`sessions.pid`); in this process, the sessions an `App` holds
//! are registered here, so that a session whose console was dropped (a link that fell) counts
//! as gone even while the process that ran it (a test) goes on.

use std::collections::HashSet;
use std::sync::Mutex;

use crate::domain::ids::SessionId;

static HELD: Mutex<Option<HashSet<SessionId>>> = Mutex::new(None);

/// This process holds `session` open (a login went through).
pub fn hold(session: SessionId) {
    if let Ok(mut held) = HELD.lock() {
        held.get_or_insert_with(HashSet::new).insert(session);
    }
}

/// This process no longer holds `session` (it ended, or its console went away).
pub fn release(session: SessionId) {
    if let Ok(mut held) = HELD.lock()
        && let Some(set) = held.as_mut()
    {
        set.remove(&session);
    }
}

/// Whether `session`, run by process `pid` and not ended, is still in use: in this process,
/// when it is held; in another, when that process still runs (on Linux, where the console's
/// host runs; elsewhere a session of another process is taken as gone).
pub fn is_live(session: SessionId, pid: Option<i64>) -> bool {
    let Some(pid) = pid else { return false };
    if pid == i64::from(std::process::id()) {
        return HELD
            .lock()
            .map(|h| h.as_ref().is_some_and(|s| s.contains(&session)))
            .unwrap_or(false);
    }
    std::path::Path::new(&format!("/proc/{pid}")).exists()
}
