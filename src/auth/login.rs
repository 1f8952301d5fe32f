//! Logging in. The failure counters live in the database, so every process on one database
//! sees the same lockouts. Each attempt is counted, in the same write transaction that checks
//! the lock, before its PIN is verified (and the count cleared when it was right): sessions
//! pressing Enter together cannot get more PINs checked than the lock allows. An unknown user
//! name, a wrong PIN and a disabled account give the same answer and cost the same argon2
//! verification.

use jiff::Timestamp;

use crate::auth::pin::{self, HashCost};
use crate::domain::ids::{SessionId, UserId};
use crate::domain::text::fold_username;
use crate::error::Result;
use crate::i18n::Msg;
use crate::store::audit::Event;
use crate::store::users::{self, User};
use crate::store::{Store, audit};

pub use crate::domain::staff::{DISABLE_AFTER, LOCK_EVERY, LOCK_FOR};

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LoggedIn {
    pub user: User,
    pub session_id: SessionId,
    /// The PIN was set by an administrator: a new one must be chosen now.
    pub must_change_pin: bool,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Outcome {
    Ok(LoggedIn),
    Denied(Msg),
}

pub struct Login<'a> {
    pub store: &'a mut Store,
    /// The cost new and upgraded hashes get.
    pub cost: HashCost,
}

fn is_locked(f: &users::Failures, now: Timestamp) -> bool {
    f.consecutive >= DISABLE_AFTER || f.locked_until.is_some_and(|until| until > now)
}

/// Record an event that carries no change but the audit row.
fn audit_event(
    store: &mut Store,
    uid: Option<UserId>,
    sid: Option<SessionId>,
    event: &str,
    outcome: &str,
) -> Result<()> {
    let source = store.source().to_string();
    store.write(|tx| audit::append(tx, &source, &Event::new(event, outcome).by(uid, sid)))?;
    Ok(())
}

/// Before a PIN is verified: in one write transaction, refuse the attempt when `name` is
/// locked (audited), or count it as a failure until it proves right. The state after counting.
fn count_attempt(
    store: &mut Store,
    name: &str,
    uid: Option<UserId>,
    sid: Option<SessionId>,
    event: &str,
    now: Timestamp,
) -> Result<std::result::Result<users::Failures, Outcome>> {
    let source = store.source().to_string();
    store.write(|tx| {
        if is_locked(&users::failures(tx, name)?, now) {
            audit::append(tx, &source, &Event::new(event, "locked").by(uid, sid))?;
            return Ok(Err(Outcome::Denied(Msg::LoginLocked)));
        }
        Ok(Ok(users::record_failure(tx, name, now, LOCK_EVERY, LOCK_FOR)?))
    })
}

/// The attempt (already counted) failed: audited, and the answer says whether it is now locked.
fn failed(
    store: &mut Store,
    after: &users::Failures,
    uid: Option<UserId>,
    sid: Option<SessionId>,
    event: &str,
    outcome: &str,
    now: Timestamp,
) -> Result<Outcome> {
    audit_event(store, uid, sid, event, outcome)?;
    Ok(Outcome::Denied(if is_locked(after, now) { Msg::LoginLocked } else { Msg::LoginFailed }))
}

impl Login<'_> {
    /// Try a user name and PIN at time `now`.
    pub fn attempt(&mut self, username: &str, pin: &str, now: Timestamp) -> Result<Outcome> {
        let name: String = fold_username(username).chars().take(64).collect();
        let found = users::find_by_username(self.store.conn(), &name)?;
        let uid = found.as_ref().map(|u| u.user.id);
        let after = match count_attempt(self.store, &name, uid, None, "login", now)? {
            Ok(after) => after,
            Err(refused) => return Ok(refused),
        };
        let decoy = self.cost.decoy();
        let hash = found.as_ref().map(|u| u.pin_hash.as_str()).unwrap_or(&decoy);
        let pin_ok = pin::verify(pin, hash) && found.is_some();
        let Some(u) = found.filter(|_| pin_ok) else {
            return failed(self.store, &after, uid, None, "login", "failed", now);
        };
        // A disabled account answers a right PIN as it answers a wrong one (the audit says
        // which); its attempts count like any other.
        if u.user.disabled {
            return failed(self.store, &after, uid, None, "login", "disabled", now);
        }
        // A stronger hash at login when the stored one is weak; if it cannot be made, the old
        // one stays and the login goes on.
        let upgrade = pin::needs_upgrade(&u.pin_hash, self.cost)
            .then(|| pin::hash(pin, self.cost).ok())
            .flatten();
        let source = self.store.source().to_string();
        let uid = u.user.id;
        let session_id = self.store.write(|tx| {
            users::clear_failures(tx, &name)?;
            if let Some(h) = &upgrade {
                users::set_pin(tx, uid, h, u.user.pin_temporary, now)?;
            }
            let sid = users::start_session(tx, uid, &source, now)?;
            audit::append(tx, &source, &Event::new("login", "ok").by(Some(uid), Some(sid)))?;
            if upgrade.is_some() {
                audit::append(
                    tx,
                    &source,
                    &Event::new("pin_rehash", "ok").by(Some(uid), Some(sid)).record(uid),
                )?;
            }
            Ok(sid)
        })?;
        Ok(Outcome::Ok(LoggedIn {
            must_change_pin: u.user.pin_temporary,
            user: u.user,
            session_id,
        }))
    }
}

/// Verify the PIN of the user of a locked session, to unlock it and carry on in the same
/// session. Failures count exactly like failed logins.
pub fn unlock(
    store: &mut Store,
    user: &User,
    session_id: SessionId,
    pin: &str,
    now: Timestamp,
) -> Result<Outcome> {
    let (uid, sid) = (Some(user.id), Some(session_id));
    let after = match count_attempt(store, &user.username, uid, sid, "unlock", now)? {
        Ok(after) => after,
        Err(refused) => return Ok(refused),
    };
    let current = users::find_by_username(store.conn(), &user.username)?;
    let ok = current.as_ref().is_some_and(|u| pin::verify(pin, &u.pin_hash) && !u.user.disabled);
    let Some(current) = current.filter(|_| ok) else {
        return failed(store, &after, uid, sid, "unlock", "failed", now);
    };
    let source = store.source().to_string();
    store.write(|tx| {
        users::clear_failures(tx, &user.username)?;
        audit::append(tx, &source, &Event::new("unlock", "ok").by(uid, sid))
    })?;
    Ok(Outcome::Ok(LoggedIn { user: current.user, session_id, must_change_pin: false }))
}
