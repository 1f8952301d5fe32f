//! An import in short transactions (see `store::imports`): all of it appears at once, or none,
//! and no other console's save waits for more than one of its batches.

use std::time::{Duration, Instant};

use jiff::Timestamp;
use rusqlite::Transaction;

use crate::error::Result;
use crate::service::{Rows, Who, audit_in};
use crate::store::Store;
use crate::store::imports::{self, Kind};

/// Rows read ahead of a batch at most, and their text at most (rows of long notes: fewer).
const BATCH_ROWS: usize = 4000;
const BATCH_BYTES: usize = 2 << 20;

/// How long one transaction of an import writes rows, at most: the longest another console's
/// save waits for it (with its commit). Fewer, bigger transactions write each index page
/// fewer times: 250 rows per transaction made a 100,000-row import four times slower.
const BATCH_TIME: Duration = Duration::from_millis(120);

/// The last step of an import: the import's id, and the ids `put` kept.
pub(crate) type Last<'a> = dyn FnMut(&Transaction, i64, &[i64]) -> Result<()> + 'a;

/// Write one row of an import (its id given), returning the row's id and whether the last
/// step needs it.
pub(crate) type Put<'a, T> = dyn FnMut(&Transaction, i64, &T) -> Result<(i64, bool)> + 'a;

/// What else a batch writes (see `Staging::batch`).
type Batch = fn(&rusqlite::Connection, i64, i64) -> Result<()>;

/// How one kind of record is imported.
pub(crate) struct Staging<'a, T> {
    pub kind: Kind,
    /// The audit event of the import, written with how many rows came in.
    pub event: &'static str,
    /// About how many bytes a row holds in memory (its text), for the read-ahead's limit.
    pub size: fn(&T) -> usize,
    /// Write one row, tagged with the import's id; say whether `last` needs its id.
    pub put: &'a mut Put<'a, T>,
    /// What else each batch writes, in its transaction: given the import and the id just
    /// before the batch's first row (the contacts' waiting report counts).
    pub batch: Option<Batch>,
    /// The last step, in the transaction that makes the rows appear (they are shown to it), with
    /// the import's id and the ids `put` kept.
    pub last: &'a mut Last<'a>,
}

/// Read `rows` and write them a batch at a time in short transactions, out of sight; then make
/// them appear in one short transaction with the import's audit row. On any error the rows
/// written are taken out again (or, if that fails too, by the next intake to start), and
/// nothing of the file shows.
pub(crate) fn import_staged<T>(
    store: &mut Store,
    who: Who,
    how: Staging<T>,
    rows: Rows<T>,
    now: Timestamp,
    progress: &mut dyn FnMut(usize),
) -> Result<usize> {
    let u = who.user;
    // What imports cut off before left is taken out first (a start takes out only a little).
    store.discard_abandoned(None)?;
    let import = store.write(|tx| imports::begin(tx, how.kind, u.agency_id, u.id, now))?;
    let Staging { event, size, put, batch, last, .. } = how;
    let staged = store.with_bulk_cache(|s| {
        // The batches may wait for the disk with the last step (see `Store::write_light`).
        s.conn().execute_batch("PRAGMA synchronous = NORMAL")?;
        let staged = stage(s, import, rows, size, put, batch, progress);
        s.conn().execute_batch("PRAGMA synchronous = FULL")?;
        staged
    });
    let source = store.source().to_string();
    let done = staged.and_then(|(n, kept)| {
        store.write(|tx| {
            imports::finish(tx, import)?;
            last(tx, import, &kept)?;
            audit_in(tx, &source, who, event, n as i64)?;
            Ok(n)
        })
    });
    if done.is_err() {
        // What cannot be taken out now is taken out by the next intake to start.
        let _ = store.discard_import(import, None);
    }
    done
}

/// Write every row, a batch per transaction: rows are read into memory (`BATCH_ROWS` and
/// `BATCH_BYTES` at most, so reading the file never holds the lock), then written for
/// `BATCH_TIME` at most per transaction (so a slow machine writes fewer rows per transaction,
/// not longer ones). Returns how many rows, and the ids `put` kept.
fn stage<T>(
    store: &Store,
    import: i64,
    rows: Rows<T>,
    size: fn(&T) -> usize,
    put: &mut Put<T>,
    also: Option<Batch>,
    progress: &mut dyn FnMut(usize),
) -> Result<(usize, Vec<i64>)> {
    let mut batch: Vec<T> = Vec::with_capacity(BATCH_ROWS);
    let mut held = 0;
    let mut n = 0;
    let mut kept = Vec::new();
    let mut write = |batch: &mut Vec<T>| -> Result<()> {
        let mut from = 0;
        while from < batch.len() {
            let (written, ids) = store.write_batch(|tx| {
                let began = Instant::now();
                let mut ids = Vec::new();
                let mut first = None;
                let mut written = 0;
                for row in &batch[from..] {
                    let (id, keep) = put(tx, import, row)?;
                    first.get_or_insert(id);
                    if keep {
                        ids.push(id);
                    }
                    written += 1;
                    if began.elapsed() >= BATCH_TIME {
                        break;
                    }
                }
                if let (Some(also), Some(first)) = (also, first) {
                    also(tx, import, first - 1)?;
                }
                Ok((written, ids))
            })?;
            from += written;
            kept.extend(ids);
            n += written;
            progress(n);
            // The lock is free for a moment: a console waiting to save gets in here.
            std::thread::sleep(crate::store::BATCH_REST);
        }
        batch.clear();
        Ok(())
    };
    rows(store.conn(), &mut |row| {
        held += size(&row);
        batch.push(row);
        if batch.len() >= BATCH_ROWS || held >= BATCH_BYTES {
            held = 0;
            write(&mut batch)
        } else {
            Ok(())
        }
    })?;
    write(&mut batch)?;
    Ok((n, kept))
}
