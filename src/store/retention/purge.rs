//! The purge: what is due under the policy, removing it a batch at a time, erasing one client
//! before the schedule, and scrubbing the file after.

use jiff::Timestamp;
use rusqlite::{Connection, OptionalExtension, Transaction, params};

use super::{Kind, policy};
use crate::domain::time;
use crate::error::Result;
use crate::i18n::Msg;

/// What a purge would remove now, by kind: counts only.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    pub contacts: i64,
    pub tips: i64,
    pub cases: i64,
    pub drafts: i64,
}

impl Counts {
    pub fn total(&self) -> i64 {
        self.contacts + self.tips + self.cases + self.drafts
    }
}

/// The cutoffs of the policy in force, by kind: a time (UTC, as stored) for what is dated by
/// the moment, a day for cases (dated by the day they closed).
pub fn cutoffs(conn: &Connection, now: Timestamp) -> Result<Vec<(Kind, String)>> {
    Ok(policy(conn)?
        .into_iter()
        .map(|(kind, keep, _)| match kind {
            Kind::Case => (kind, keep.cutoff_day(now).to_string()),
            _ => (kind, keep.cutoff(now)),
        })
        .collect())
}

/// Cases closed before `cutoff` (a day) and not purged; a case reopened since is open, and so
/// never due.
const CASES_DUE: &str = "FROM clients_shown c WHERE c.purged_at IS NULL AND c.status = 'closed'
     AND (SELECT max(s.on_date) FROM client_status s
          WHERE s.client_id = c.id AND s.status = 'closed') < ?1";

pub fn due(conn: &Connection, now: Timestamp) -> Result<Counts> {
    let mut counts = Counts::default();
    for (kind, cut) in cutoffs(conn, now)? {
        let sql = match kind {
            Kind::Contact => {
                "SELECT count(*) FROM contacts_shown WHERE purged_at IS NULL AND started_at < ?1"
                    .to_string()
            }
            Kind::Tip => {
                "SELECT count(*) FROM tips_shown WHERE purged_at IS NULL AND received_at < ?1"
                    .to_string()
            }
            Kind::Case => format!("SELECT count(*) {CASES_DUE}"),
            Kind::Draft => "SELECT count(*) FROM drafts WHERE updated_at < ?1".to_string(),
        };
        let n: i64 = conn.prepare_cached(&sql)?.query_row([&cut], |r| r.get(0))?;
        match kind {
            Kind::Contact => counts.contacts = n,
            Kind::Tip => counts.tips = n,
            Kind::Case => counts.cases = n,
            Kind::Draft => counts.drafts = n,
        }
    }
    Ok(counts)
}

/// The text a purge leaves where a field may not be empty (a name, a reason, a payee): the
/// same in every language.
pub const PURGED: &str = "\u{2014}";

/// Purge up to `limit` records of `kind` from before `cutoff`, in the caller's transaction.
/// Returns how many were purged (fewer than `limit` when none are left).
pub fn purge_batch(
    tx: &Transaction,
    kind: Kind,
    cutoff: &str,
    now: Timestamp,
    limit: i64,
) -> Result<usize> {
    let at = time::to_db(now);
    let ids = |sql: &str| -> Result<Vec<i64>> {
        let mut stmt = tx.prepare_cached(sql)?;
        let rows = stmt.query_map(params![cutoff, limit], |r| r.get(0))?;
        Ok(rows.collect::<rusqlite::Result<Vec<i64>>>()?)
    };
    match kind {
        Kind::Contact => {
            let found =
                ids("SELECT id FROM contacts_shown WHERE purged_at IS NULL AND started_at < ?1
                 ORDER BY started_at LIMIT ?2")?;
            let mut history =
                tx.prepare_cached("DELETE FROM contact_history WHERE contact_id = ?1")?;
            let mut drafts =
                tx.prepare_cached("DELETE FROM drafts WHERE form = 'contact' AND record_id = ?1")?;
            let mut mark = tx.prepare_cached(
                "UPDATE contacts SET notes = '', not_reported_reason = NULL, caller_last2 = NULL,
                     purged_at = ?2
                 WHERE id = ?1",
            )?;
            for id in &found {
                history.execute([id])?;
                drafts.execute([id])?;
                mark.execute(params![id, at])?;
                purge_linked(tx, "contact_id", *id)?;
            }
            Ok(found.len())
        }
        Kind::Case => {
            let found = ids(&format!("SELECT c.id {CASES_DUE} ORDER BY c.id LIMIT ?2"))?;
            for id in &found {
                purge_client(tx, *id, &at, "schedule")?;
            }
            Ok(found.len())
        }
        Kind::Tip => {
            let found =
                ids("SELECT id FROM tips_shown WHERE purged_at IS NULL AND received_at < ?1
                 ORDER BY received_at LIMIT ?2")?;
            let mut history = tx.prepare_cached("DELETE FROM tip_history WHERE tip_id = ?1")?;
            let mut drafts =
                tx.prepare_cached("DELETE FROM drafts WHERE form = 'tip' AND record_id = ?1")?;
            let mut mark = tx.prepare_cached(
                "UPDATE tips SET notes = '', closed_reason = NULL, reference = NULL, purged_at = ?2
                 WHERE id = ?1",
            )?;
            for id in &found {
                history.execute([id])?;
                drafts.execute([id])?;
                mark.execute(params![id, at])?;
            }
            Ok(found.len())
        }
        Kind::Draft => {
            let found = ids("SELECT id FROM drafts WHERE updated_at < ?1 ORDER BY id LIMIT ?2")?;
            let mut gone = tx.prepare_cached("DELETE FROM drafts WHERE id = ?1")?;
            for id in &found {
                gone.execute([id])?;
            }
            Ok(found.len())
        }
    }
}

/// Clear the text of the screenings and referrals made for a client or a contact (`column`
/// names which): answers' notes, reasons not reported, referral reasons and their statuses',
/// releases' purposes and witnesses.
fn purge_linked(tx: &Transaction, column: &str, id: i64) -> Result<()> {
    // `column` is one of two names from this file, never input.
    let column = if column == "client_id" { "client_id" } else { "contact_id" };
    tx.prepare_cached(&format!(
        "UPDATE screening_answers SET note = NULL WHERE note IS NOT NULL
         AND screening_id IN (SELECT id FROM screenings WHERE {column} = ?1)"
    ))?
    .execute([id])?;
    tx.prepare_cached(&format!(
        "UPDATE screenings SET not_reported_reason = NULL
         WHERE {column} = ?1 AND not_reported_reason IS NOT NULL"
    ))?
    .execute([id])?;
    tx.prepare_cached(&format!(
        "UPDATE referral_status SET reason = CASE WHEN status = 'declined' THEN ?2 END
         WHERE reason IS NOT NULL AND referral_id IN (SELECT id FROM referrals WHERE {column} = ?1)"
    ))?
    .execute(params![id, PURGED])?;
    tx.prepare_cached(&format!("UPDATE referrals SET reason = ?2 WHERE {column} = ?1"))?
        .execute(params![id, PURGED])?;
    // A release keeps whom it was to and what it covered (what left the agency); its purpose
    // and witness are words about the person.
    tx.prepare_cached(&format!(
        "UPDATE releases SET purpose = '\u{2014}',
             witness = CASE WHEN witness IS NULL THEN NULL ELSE '\u{2014}' END WHERE {column} = ?1"
    ))?
    .execute([id])?;
    let form = if column == "client_id" { "referral" } else { "referral_contact" };
    tx.prepare_cached("DELETE FROM drafts WHERE form = ?2 AND record_id = ?1")?
        .execute(params![id, form])?;
    Ok(())
}

/// Purge one client: who they are goes (names, contact details, an outside reference, the
/// birth date, kept as the age at intake the reports count by), and every narrative about
/// them (case notes with their versions, earlier versions of the record, status reasons,
/// service notes, screening notes, referral reasons, payees and purposes, drafts); the coded
/// facts stay.
fn purge_client(tx: &Transaction, id: i64, at: &str, reason: &str) -> Result<()> {
    for sql in [
        "DELETE FROM client_history WHERE client_id = ?1",
        "UPDATE client_status SET reason = NULL WHERE client_id = ?1 AND reason IS NOT NULL",
        "DELETE FROM case_note_versions WHERE note_id IN
             (SELECT id FROM case_notes WHERE client_id = ?1)",
        "DELETE FROM case_notes WHERE client_id = ?1",
        "UPDATE services SET notes = '' WHERE client_id = ?1 AND notes <> ''",
        "DELETE FROM drafts WHERE form IN ('client', 'service', 'note') AND record_id = ?1",
    ] {
        tx.prepare_cached(sql)?.execute([id])?;
    }
    tx.prepare_cached(
        "UPDATE payments SET payee = ?2, purpose = '',
             void_reason = CASE WHEN void_reason IS NULL THEN NULL ELSE ?2 END
         WHERE client_id = ?1",
    )?
    .execute(params![id, PURGED])?;
    purge_linked(tx, "client_id", id)?;
    // The age at intake the client report counts by, in whole years, as the report reckons it
    // from a birth date (its 18th birthday after the intake day: a minor).
    tx.prepare_cached(
        "UPDATE clients SET chosen_name = ?2, name_key = '', initials_key = '', legal_name = NULL,
             phone = NULL, address = NULL, external_ref = NULL,
             age = CASE WHEN birth_date IS NULL THEN age ELSE max(0, min(120,
                 CAST(strftime('%Y', intake_on) AS INTEGER) - CAST(strftime('%Y', birth_date) AS INTEGER)
                 - (date(birth_date, '+' || (CAST(strftime('%Y', intake_on) AS INTEGER)
                        - CAST(strftime('%Y', birth_date) AS INTEGER)) || ' years') > intake_on)))
             END,
             birth_date = NULL, purged_at = ?3, purge_reason = ?4
         WHERE id = ?1",
    )?
    .execute(params![id, PURGED, at, reason])?;
    Ok(())
}

/// Why a supervisor erases a client before the schedule.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Erasure {
    /// The person asked.
    Request,
    /// Keeping it would put the person in danger.
    Safety,
    /// The record was made in error (a test, the wrong person).
    Error,
}

impl Erasure {
    pub const ALL: [Erasure; 3] = [Erasure::Request, Erasure::Safety, Erasure::Error];

    pub fn id(self) -> &'static str {
        match self {
            Erasure::Request => "request",
            Erasure::Safety => "safety",
            Erasure::Error => "error",
        }
    }

    pub fn parse(text: &str) -> Option<Erasure> {
        Erasure::ALL.into_iter().find(|e| e.id() == text.trim())
    }
}

/// How a purged client's record is marked, by why it was purged.
pub fn purge_label(reason: &str) -> Msg {
    match reason {
        "request" => Msg::ClientErasedRequest,
        "safety" => Msg::ClientErasedSafety,
        "error" => Msg::ClientErasedError,
        _ => Msg::ClientPurgedSchedule,
    }
}

/// Erase one client of `agency_id` now, as a purge would on schedule, in the caller's
/// transaction. A client not found in the agency, or already purged, is refused.
pub fn erase_client(
    tx: &Transaction,
    agency_id: crate::domain::ids::AgencyId,
    id: crate::domain::ids::ClientId,
    why: Erasure,
    now: Timestamp,
) -> Result<()> {
    let found: Option<Option<String>> = tx
        .query_row(
            "SELECT purged_at FROM clients_shown WHERE id = ?1 AND agency_id = ?2",
            params![id, agency_id],
            |r| r.get(0),
        )
        .optional()?;
    match found {
        None => Err(crate::Error::user(Msg::ErrNoSuchRecord)),
        Some(Some(_)) => Err(crate::Error::user_with(Msg::ErrClientPurged, &[&id.0.to_string()])),
        Some(None) => purge_client(tx, id.0, &time::to_db(now), why.id()),
    }
}

/// Records purged in one transaction: short enough that no console waits on it.
const BATCH: i64 = 500;

/// What a purge did, and whether the write-ahead log was emptied after it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Purged {
    pub counts: Counts,
    /// The write-ahead log was emptied (its earlier page images gone). False when a console
    /// was reading at that moment: the log is then emptied at a later checkpoint.
    pub log_emptied: bool,
}

/// Purge everything due under the policy, a batch per transaction, then empty the log: the
/// freed space is already zeroed (`secure_delete`), and the write-ahead log, which still holds
/// the pages as they were, is checkpointed and truncated. Making the file smaller is
/// `compact`'s, once this connection is closed.
pub fn purge(store: &mut crate::store::Store, now: Timestamp) -> Result<Purged> {
    let cuts = cutoffs(store.conn(), now)?;
    let mut counts = Counts::default();
    for (kind, cutoff) in &cuts {
        loop {
            let n = store.write(|tx| purge_batch(tx, *kind, cutoff, now, BATCH))?;
            match kind {
                Kind::Contact => counts.contacts += n as i64,
                Kind::Tip => counts.tips += n as i64,
                Kind::Case => counts.cases += n as i64,
                Kind::Draft => counts.drafts += n as i64,
            }
            if (n as i64) < BATCH {
                break;
            }
        }
    }
    if counts.cases > 0 {
        // The name index keeps a removed name in its older segments until they are merged:
        // merged into one now, the old segments' pages are freed (and zeroed).
        store.write(|tx| {
            tx.execute("INSERT INTO clients_search (clients_search) VALUES ('optimize')", [])?;
            Ok(())
        })?;
    }
    let log_emptied = scrub(store.conn())?;
    Ok(Purged { counts, log_emptied })
}

/// Empty the write-ahead log into the file and truncate it, waiting only a moment for readers
/// (a checkpoint that waits holds back the consoles' writes). False when it could not.
pub fn scrub(conn: &Connection) -> Result<bool> {
    conn.busy_timeout(std::time::Duration::from_millis(100))?;
    let done = conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |r| r.get::<_, i64>(0));
    conn.busy_timeout(std::time::Duration::from_secs(5))?;
    match done {
        Ok(busy) => Ok(busy == 0),
        Err(e) if crate::error::is_busy(&e) => Ok(false),
        Err(e) => Err(e.into()),
    }
}

/// Rebuild the file without its free pages (VACUUM) when a quarter or more of it is free, and
/// only when no other process has the database open: a rebuild holds every writer back for as
/// long as it takes. None: not needed; Some(false): needed, but a console has it open (the
/// freed pages are zeroed already and are reused; a later purge compacts it).
pub fn compact(paths: &crate::store::DbPaths) -> Result<Option<bool>> {
    let Some(store) = crate::store::backup::open_alone(paths)? else {
        let store = crate::store::Store::open_as_is(paths)?;
        return Ok(worth_compacting(store.conn())?.then_some(false));
    };
    if !worth_compacting(store.conn())? {
        return Ok(None);
    }
    store.conn().execute_batch("VACUUM")?;
    Ok(Some(true))
}

fn worth_compacting(conn: &Connection) -> Result<bool> {
    let free: i64 = conn.query_row("PRAGMA freelist_count", [], |r| r.get(0))?;
    let pages: i64 = conn.query_row("PRAGMA page_count", [], |r| r.get(0))?;
    Ok(free > 0 && free * 4 >= pages)
}
