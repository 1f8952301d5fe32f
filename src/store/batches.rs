//! Long writes in short transactions (an import), and how every connection waits for the
//! write lock: by looking again every millisecond or few, so that it gets in between two of
//! an import's batches rather than sleeping through the gap (SQLite's own wait sleeps up to
//! 100 ms at a time, and an import's next batch would take the lock first, again and again).

use std::cell::Cell;
use std::time::{Duration, Instant};

use rusqlite::{Connection, Transaction, TransactionBehavior};

use crate::error::{Error, Result};
use crate::store::{Store, audit, imports};

thread_local! {
    /// How long a connection of this thread waits for the write lock before SQLite says
    /// busy (the `Store`'s patience; connections are used on the thread that opened them).
    static LOCK_WAIT: Cell<Duration> = const { Cell::new(Duration::from_secs(5)) };
}

/// How long an import rests between two batches, the write lock free for whoever waits.
pub const BATCH_REST: Duration = Duration::from_millis(4);

/// Wait for the write lock up to `limit` on `conn`, looking again every millisecond for the
/// first tenth of a second and every 4 ms after.
pub fn wait_for_lock(conn: &mut Connection, limit: Duration) -> Result<()> {
    LOCK_WAIT.with(|w| w.set(limit));
    conn.busy_handler(Some(look_again))?;
    Ok(())
}

/// SQLite's busy handler: `tries` is how many times it was called for this lock before.
fn look_again(tries: i32) -> bool {
    let tries = u32::try_from(tries).unwrap_or(0);
    let waited = if tries < 100 {
        Duration::from_millis(u64::from(tries))
    } else {
        Duration::from_millis(100 + 4 * u64::from(tries - 100))
    };
    if waited >= LOCK_WAIT.with(Cell::get) {
        return false;
    }
    std::thread::sleep(Duration::from_millis(if tries < 100 { 1 } else { 4 }));
    true
}

impl Store {
    /// Run `f` in one `BEGIN IMMEDIATE` transaction on this connection as it is shared (an
    /// import's batch, while its rows are read through the same connection), as `write` does
    /// but without its audit anchor (a batch writes no audit rows).
    pub fn write_batch<T>(&self, f: impl FnMut(&Transaction) -> Result<T>) -> Result<T> {
        self.retrying(f).map_err(|e| self.explain_write(e))
    }

    /// Run `f` in one `BEGIN IMMEDIATE` transaction, committing when it returns Ok; while other
    /// processes hold the write lock the whole transaction is tried again, for up to the
    /// store's patience, then `Error::Busy`.
    pub(super) fn retrying<T>(&self, mut f: impl FnMut(&Transaction) -> Result<T>) -> Result<T> {
        let deadline = Instant::now() + self.patience;
        let mut delay = Duration::from_millis(2);
        loop {
            let attempt: Result<T> = (|| {
                let tx = Transaction::new_unchecked(&self.conn, TransactionBehavior::Immediate)?;
                let value = f(&tx)?;
                tx.commit()?;
                Ok(value)
            })();
            match attempt {
                Err(e) if e.is_busy() && Instant::now() < deadline => {
                    std::thread::sleep(delay);
                    delay = (delay * 2).min(Duration::from_millis(100));
                }
                Err(e) if e.is_busy() => return Err(Error::Busy),
                other => return other,
            }
        }
    }

    /// Take an import's rows out again, a batch per transaction, then its row, with an audit
    /// row saying so; stop at `until` (None: when it is all out), leaving the rest for later.
    /// Returns whether it is all out. A failed write stops it too (the next start goes on).
    pub fn discard_import(&mut self, import: i64, until: Option<Instant>) -> Result<bool> {
        let source = self.source.clone();
        loop {
            let step = self.write(|tx| {
                let step = imports::discard_some(tx, import)?;
                if step == imports::Discard::Ended {
                    let ev = audit::Event::new("import_discarded", "ok").record(import);
                    audit::append(tx, &source, &ev)?;
                }
                Ok(step)
            })?;
            if step != imports::Discard::More {
                return Ok(true);
            }
            if until.is_some_and(|t| Instant::now() >= t) {
                return Ok(false);
            }
            std::thread::sleep(BATCH_REST);
        }
    }

    /// Take up what processes that are gone left: the audit rows a killed console owed
    /// (`owed`), and the imports killed before they ended, for `SWEEP_TIME` at most (a
    /// console's start must not wait on it; each start takes out more, and an import takes out
    /// all of them before it begins). Nothing a user sees depends on it (an import's rows are
    /// never shown); a failure leaves them for the next start.
    pub(super) fn sweep_left(&mut self) {
        let _ = crate::store::owed::recover(self);
        let until = Instant::now() + SWEEP_TIME;
        let _ = self.discard_abandoned(Some(until));
        let _ = self.fold_directory(Some(until));
    }

    /// Fold the services of ended directory imports into those they replace (see
    /// `store::directory::staged`), a batch per transaction, until `until` (None: all of them),
    /// with an audit row when none is left. Returns whether none is left.
    pub fn fold_directory(&mut self, until: Option<Instant>) -> Result<bool> {
        if !crate::store::directory::folds_left(&self.conn)? {
            return Ok(true);
        }
        let done = self.with_bulk_cache(|s| {
            // As an import's batches: the last write (the audit row) waits for the disk.
            s.conn.execute_batch("PRAGMA synchronous = NORMAL")?;
            let done = s.fold_batches(until);
            s.conn.execute_batch("PRAGMA synchronous = FULL")?;
            done
        })?;
        if done {
            let source = self.source.clone();
            self.write(|tx| {
                audit::append(tx, &source, &audit::Event::new("directory_folded", "ok"))
            })?;
        }
        Ok(done)
    }

    fn fold_batches(&self, until: Option<Instant>) -> Result<bool> {
        loop {
            let more = self.write_batch(|tx| crate::store::directory::fold_some(tx, FOLD_TIME))?;
            if !more {
                return Ok(true);
            }
            if until.is_some_and(|t| Instant::now() >= t) {
                return Ok(false);
            }
            std::thread::sleep(BATCH_REST);
        }
    }

    /// Take out the imports whose process is gone, until `until` (None: all of them).
    pub fn discard_abandoned(&mut self, until: Option<Instant>) -> Result<()> {
        for import in imports::abandoned(&self.conn)? {
            if !self.discard_import(import, until)? {
                return Ok(());
            }
        }
        Ok(())
    }
}

/// How long one fold transaction writes, at most. Less than an import's batch: a fold's commit
/// writes about as long again (parts deleted across seven tables and the search index's
/// tombstones), measured with `--bench hsds`.
const FOLD_TIME: Duration = Duration::from_millis(50);

/// How long opening the database may spend taking out imports that were cut off.
const SWEEP_TIME: Duration = Duration::from_millis(150);
