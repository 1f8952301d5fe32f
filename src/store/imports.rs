//! Imports written in short transactions (migrations 33 to 35). An import's rows go into
//! their own tables a batch at a time, each carrying the import's id, while a row in `imports`
//! says it is under way: every reader reads the `*_shown` views (contacts, tips, clients,
//! services, payments, directory services and organisations), which leave those rows out, and
//! the contacts' rollups wait in `import_day_*`. Its last step (`finish`), one short
//! transaction, adds the counts and deletes the `imports` row: all its rows appear at once (a
//! directory import's are then folded into the services they update: `store::directory`). An
//! import that fails takes its rows out again (`discard_some`, a batch per transaction); one
//! whose process was killed is taken out by the next intake that opens the database
//! (`Store::sweep_left`). No transaction of an import holds the write lock for more than a
//! batch, so other consoles' saves wait a fraction of a second at most, however big the file.

use std::path::Path;

use jiff::Timestamp;
use rusqlite::{Connection, Transaction, params};

use crate::domain::ids::{AgencyId, UserId};
use crate::domain::time;
use crate::error::Result;

/// What an import brings in: the tables that have a `*_shown` view.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Contact,
    Tip,
    Client,
    Service,
    Payment,
    /// The resource directory (an Open Referral package; see `store::directory::staged`).
    Directory,
}

const KINDS: [Kind; 6] =
    [Kind::Contact, Kind::Tip, Kind::Client, Kind::Service, Kind::Payment, Kind::Directory];

impl Kind {
    pub fn id(self) -> &'static str {
        match self {
            Kind::Contact => "contact",
            Kind::Tip => "tip",
            Kind::Client => "client",
            Kind::Service => "service",
            Kind::Payment => "payment",
            Kind::Directory => "directory",
        }
    }

    /// The table its rows go into. Fixed text, never from input.
    fn table(self) -> &'static str {
        match self {
            Kind::Contact => "contacts",
            Kind::Tip => "tips",
            Kind::Client => "clients",
            Kind::Service => "services",
            Kind::Payment => "payments",
            Kind::Directory => "dir_services",
        }
    }
}

/// Rows one transaction takes out of an import that ended without its last step, at most.
const DISCARD_ROWS: usize = 1000;

/// Record an import under way, by this process (its id and start time tell it from a later
/// process given the same id), and return the import's id. A directory import is refused while
/// another is under way.
pub fn begin(
    tx: &Transaction,
    kind: Kind,
    agency_id: AgencyId,
    user_id: UserId,
    now: Timestamp,
) -> Result<i64> {
    // Two directory imports at once would both write the places they add (one would fail on
    // the place's exchange identifier), and fold each other's services: one at a time.
    if kind == Kind::Directory {
        let running: bool = tx.query_row(
            "SELECT EXISTS (SELECT 1 FROM imports WHERE kind = 'directory')",
            [],
            |r| r.get(0),
        )?;
        if running {
            return Err(crate::Error::user(crate::i18n::Msg::ErrDirectoryImportUnderWay));
        }
    }
    let pid = std::process::id();
    tx.execute(
        "INSERT INTO imports (kind, agency_id, user_id, pid, pid_started, started_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![kind.id(), agency_id, user_id, pid, started(pid), time::to_db(now)],
    )?;
    Ok(tx.last_insert_rowid())
}

/// The import's rows appear: their counts go into the rollups and its row is deleted, in the
/// caller's transaction (which also writes the import's audit row).
pub fn finish(tx: &Transaction, import: i64) -> Result<()> {
    crate::store::rollups::merge(tx, import)?;
    tx.execute("DELETE FROM imports WHERE id = ?1", [import])?;
    Ok(())
}

/// What one step of taking an import out did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Discard {
    /// Rows were taken out; there may be more.
    More,
    /// The last of it went: its waiting counts and its row.
    Ended,
    /// It was not there (another process took it out first).
    Absent,
}

/// Take out up to `DISCARD_ROWS` of an import's rows; when none are left, its waiting counts and
/// its row too. Its rows are not counted in the rollups, so their delete triggers leave the
/// rollups alone while the `imports` row stands.
pub fn discard_some(tx: &Transaction, import: i64) -> Result<Discard> {
    let kind: Option<String> = rusqlite::OptionalExtension::optional(tx.query_row(
        "SELECT kind FROM imports WHERE id = ?1",
        [import],
        |r| r.get(0),
    ))?;
    let Some(kind) = kind.and_then(|k| KINDS.into_iter().find(|x| x.id() == k)) else {
        return Ok(Discard::Absent);
    };
    let table = kind.table();
    let some = format!("SELECT id FROM {table} WHERE import_id = ?1 LIMIT ?2");
    let limit = params![import, DISCARD_ROWS as i64];
    if kind == Kind::Client {
        // A client's first status goes with it.
        let sql = format!("DELETE FROM client_status WHERE client_id IN ({some})");
        tx.execute(&sql, limit)?;
    }
    if kind == Kind::Directory {
        // A service's parts and search entry go with it.
        for child in crate::store::directory::PARTS {
            tx.execute(&format!("DELETE FROM {child} WHERE service_id IN ({some})"), limit)?;
        }
        tx.execute(&format!("DELETE FROM dir_search WHERE rowid IN ({some})"), limit)?;
    }
    let n = tx.execute(&format!("DELETE FROM {table} WHERE id IN ({some})"), limit)?;
    if n == DISCARD_ROWS {
        return Ok(Discard::More);
    }
    if kind == Kind::Directory {
        // Then the places and organisations it added (nothing else names them).
        for (child, owner, owners) in [
            ("dir_phones", "place_id", "dir_places"),
            ("dir_schedule_rules", "place_id", "dir_places"),
            ("dir_phones", "organization_id", "dir_organizations"),
        ] {
            tx.execute(
                &format!(
                    "DELETE FROM {child} WHERE {owner} IN (SELECT id FROM {owners} WHERE import_id = ?1)"
                ),
                [import],
            )?;
        }
        tx.execute("DELETE FROM dir_places WHERE import_id = ?1", [import])?;
        tx.execute("DELETE FROM dir_organizations WHERE import_id = ?1", [import])?;
    }
    tx.execute("DELETE FROM import_day_counts WHERE import_id = ?1", [import])?;
    tx.execute("DELETE FROM import_day_callers WHERE import_id = ?1", [import])?;
    tx.execute("DELETE FROM imports WHERE id = ?1", [import])?;
    Ok(Discard::Ended)
}

/// The imports whose process is gone (killed, or its machine restarted): theirs to take out.
/// An import of this process is never among them.
pub fn abandoned(conn: &Connection) -> Result<Vec<i64>> {
    let mut stmt = conn.prepare_cached("SELECT id, pid, pid_started FROM imports ORDER BY id")?;
    let rows: Vec<(i64, i64, Option<i64>)> = stmt
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
        .collect::<rusqlite::Result<_>>()?;
    let me = i64::from(std::process::id());
    Ok(rows
        .into_iter()
        .filter(|&(_, pid, at)| pid != me && !running_since(pid, at))
        .map(|(id, _, _)| id)
        .collect())
}

/// How many imports are under way now.
pub fn under_way(conn: &Connection) -> Result<i64> {
    Ok(conn.query_row("SELECT count(*) FROM imports", [], |r| r.get(0))?)
}

/// Whether process `pid` runs and is the one that started at `at` (clock ticks after boot, as
/// /proc says). Where /proc cannot tell, a process is taken as running: nothing is taken out
/// on a guess.
fn running_since(pid: i64, at: Option<i64>) -> bool {
    if !running(pid) {
        return false;
    }
    match (at, u32::try_from(pid).ok().and_then(started)) {
        (Some(then), Some(now)) => then == now,
        _ => true,
    }
}

/// Whether process `pid` still runs (on Linux; elsewhere it cannot be told, and is taken as
/// running, so nothing is ended on a guess).
pub fn running(pid: i64) -> bool {
    if !Path::new("/proc/self").exists() {
        return true;
    }
    Path::new(&format!("/proc/{pid}")).exists()
}

/// When process `pid` started, in clock ticks after boot (field 22 of /proc/PID/stat).
fn started(pid: u32) -> Option<i64> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    // The command name (field 2) may hold spaces and parentheses; what follows its last ')'
    // is field 3 onward.
    let rest = &stat[stat.rfind(')')? + 1..];
    rest.split_whitespace().nth(19)?.parse().ok()
}

#[cfg(test)]
mod tests {
    #[test]
    fn this_process_is_running_since_it_started() {
        let me = std::process::id();
        let at = super::started(me);
        assert!(at.is_some(), "read from /proc/self/stat");
        assert!(super::running_since(i64::from(me), at));
        assert!(!super::running_since(i64::from(me), at.map(|t| t + 1)), "another start");
    }
}
