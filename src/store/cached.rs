//! Statements kept compiled: rusqlite's `execute` and `query_row` compile their SQL on every
//! call, which an import pays for every row.

use rusqlite::Connection;

use crate::error::Result;

/// Statements each connection keeps compiled (rusqlite keeps 16 by default; a directory
/// import alone runs more than that per service).
pub(super) const STATEMENTS: usize = 96;

/// Run one statement through the connection's cache of compiled statements (`execute` compiles
/// it every time).
pub(crate) fn exec(conn: &Connection, sql: &str, p: impl rusqlite::Params) -> Result<usize> {
    Ok(conn.prepare_cached(sql)?.execute(p)?)
}

/// `query_row` through the connection's cache of compiled statements.
pub(crate) trait Cached {
    fn one<T, P, F>(&self, sql: &str, p: P, f: F) -> rusqlite::Result<T>
    where
        P: rusqlite::Params,
        F: FnOnce(&rusqlite::Row<'_>) -> rusqlite::Result<T>;
}

impl Cached for Connection {
    fn one<T, P, F>(&self, sql: &str, p: P, f: F) -> rusqlite::Result<T>
    where
        P: rusqlite::Params,
        F: FnOnce(&rusqlite::Row<'_>) -> rusqlite::Result<T>,
    {
        self.prepare_cached(sql)?.query_row(p, f)
    }
}
