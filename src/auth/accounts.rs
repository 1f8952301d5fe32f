//! Account and agency administration, shared by the command line and the console. Each
//! operation checks its input, changes the store in one transaction and audits itself there.

use jiff::Timestamp;
use rusqlite::Transaction;

use crate::auth::Actor;
use crate::auth::pin::{self, HashCost};
use crate::domain::ids::{AgencyId, UserId};
use crate::domain::staff::{AgencyKind, Role};
use crate::domain::text::{Capped, clean_capped, fold_username};
use crate::error::{Error, Result};
use crate::i18n::{Lang, Msg};
use crate::store::Store;
use crate::store::audit::{self, Event};
use crate::store::users::{self, NewUser, User};

pub const USERNAME_MAX: usize = 32;
pub const DISPLAY_NAME_MAX: usize = 80;
pub const AGENCY_NAME_MAX: usize = 120;

/// A checked user name: 2 to 32 of a-z, 0-9, '.', '_' and '-'.
pub fn check_username(input: &str) -> Result<String> {
    let name = fold_username(input);
    let ok_chars = name
        .chars()
        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, '.' | '_' | '-'));
    // A name of digits alone could be a PIN typed in the wrong field.
    let has_letter = name.chars().any(|c| c.is_ascii_lowercase());
    if name.chars().count() < 2 || name.chars().count() > USERNAME_MAX || !ok_chars || !has_letter {
        return Err(Error::user(Msg::ErrUsernameForm));
    }
    Ok(name)
}

/// A cleaned, non-empty text within its cap; `field` names it in the message.
pub fn check_text(input: &str, field: Msg, max: usize, lang: Lang) -> Result<String> {
    match clean_capped(input, max) {
        Capped::Fits(s) if !s.is_empty() => Ok(s),
        Capped::Fits(_) => Err(Error::user_with(Msg::ErrRequired, &[field.text(lang)])),
        Capped::TooLong { max, .. } => {
            Err(Error::user_with(Msg::ErrTooLong, &[field.text(lang), &max.to_string()]))
        }
    }
}

/// A PIN typed twice that meets the policy.
pub fn check_new_pin(pin: &str, again: &str, own: &[&str]) -> Result<()> {
    if pin != again {
        return Err(Error::user(pin::PinProblem::Mismatch.msg()));
    }
    pin::check_policy(pin, own).map_err(|p| Error::user(p.msg()))
}

fn audit(
    tx: &Transaction,
    store_source: &str,
    actor: Actor,
    event: &str,
    record: Option<i64>,
) -> Result<()> {
    let mut ev = Event::new(event, "ok").by(actor.user_id, actor.session_id);
    if let Some(id) = record {
        ev = ev.record(id);
    }
    audit::append(tx, store_source, &ev)?;
    Ok(())
}

/// Refuse anyone but an administrator. The command line (no user) runs as the machine's
/// operator, who already holds the key file.
pub fn require_admin(store: &Store, actor: Actor) -> Result<()> {
    if let Some(uid) = actor.user_id {
        let user = users::get(store.conn(), uid)?;
        if !user.is_some_and(|u| u.role == Role::Admin && !u.disabled) {
            return Err(Error::user(Msg::ErrAdminOnly));
        }
    }
    Ok(())
}

/// What it takes to add an account.
pub struct NewAccount<'a> {
    pub username: &'a str,
    pub display_name: &'a str,
    pub role: Role,
    pub agency: &'a str,
    pub pin: &'a str,
    pub pin_again: &'a str,
    /// Set by an administrator for someone else: it must be changed at first login.
    pub temporary: bool,
    pub lang: Lang,
}

/// Add a staff account (and its agency, when named for the first time). On an empty database
/// the first account must be an administrator.
pub fn add_user(
    store: &mut Store,
    actor: Actor,
    cost: HashCost,
    a: &NewAccount,
    now: Timestamp,
) -> Result<UserId> {
    require_admin(store, actor)?;
    let lang = a.lang;
    let username = check_username(a.username)?;
    let display = check_text(a.display_name, Msg::FieldDisplayName, DISPLAY_NAME_MAX, lang)?;
    let agency = check_text(a.agency, Msg::FieldAgency, AGENCY_NAME_MAX, lang)?;
    check_new_pin(a.pin, a.pin_again, &[&username, &display])?;
    if users::count_users(store.conn())? == 0 && a.role != Role::Admin {
        return Err(Error::user(Msg::ErrFirstMustBeAdmin));
    }
    let hash = pin::hash(a.pin, cost)?;
    let source = store.source().to_string();
    store.write(|tx| {
        let (agency_id, created) = users::agency_find_or_add(tx, &agency, now)?;
        if created {
            audit(tx, &source, actor, "agency_add", Some(agency_id.0))?;
        }
        let id = users::insert(
            tx,
            &NewUser {
                username: &username,
                display_name: &display,
                role: a.role,
                agency_id,
                pin_hash: &hash,
                pin_temporary: a.temporary,
                lang,
            },
            now,
        )?;
        audit(tx, &source, actor, "user_add", Some(id.into()))?;
        Ok(id)
    })
}

/// Create the first administrator on an empty database (the first-run screen).
pub fn create_first_admin(
    store: &mut Store,
    cost: HashCost,
    a: &NewAccount,
    now: Timestamp,
) -> Result<UserId> {
    if users::count_users(store.conn())? > 0 {
        return Err(Error::user(Msg::ErrAlreadySetUp));
    }
    add_user(
        store,
        Actor::CLI,
        cost,
        &NewAccount { role: Role::Admin, temporary: false, ..*a },
        now,
    )
}

fn user_by_name(store: &Store, username: &str) -> Result<User> {
    users::find_by_username(store.conn(), &fold_username(username))?
        .map(|u| u.user)
        .ok_or_else(|| Error::user_with(Msg::ErrNoSuchUserNamed, &[&fold_username(username)]))
}

pub fn find_user(store: &Store, username: &str) -> Result<User> {
    user_by_name(store, username)
}

fn refuse_last_admin(store: &Store, target: &User) -> Result<()> {
    if target.role == Role::Admin && !target.disabled && users::active_admins(store.conn())? <= 1 {
        return Err(Error::user(Msg::ErrLastAdmin));
    }
    Ok(())
}

pub fn set_disabled(
    store: &mut Store,
    actor: Actor,
    user_id: UserId,
    disabled: bool,
    now: Timestamp,
) -> Result<()> {
    require_admin(store, actor)?;
    let target =
        users::get(store.conn(), user_id)?.ok_or_else(|| Error::user(Msg::ErrNoSuchUser))?;
    if disabled {
        refuse_last_admin(store, &target)?;
    }
    let source = store.source().to_string();
    store.write(|tx| {
        users::set_disabled(tx, user_id, disabled, now)?;
        audit(
            tx,
            &source,
            actor,
            if disabled { "user_disable" } else { "user_enable" },
            Some(user_id.into()),
        )
    })
}

/// Clear the failed-attempt lock on an account.
pub fn unlock(store: &mut Store, actor: Actor, user_id: UserId) -> Result<()> {
    require_admin(store, actor)?;
    let target =
        users::get(store.conn(), user_id)?.ok_or_else(|| Error::user(Msg::ErrNoSuchUser))?;
    let source = store.source().to_string();
    store.write(|tx| {
        users::clear_failures(tx, &target.username)?;
        audit(tx, &source, actor, "user_unlock", Some(user_id.into()))
    })
}

/// Set a temporary PIN that the user must replace at the next login; also clears a lock.
pub fn reset_pin(
    store: &mut Store,
    actor: Actor,
    cost: HashCost,
    user_id: UserId,
    new_pin: &str,
    again: &str,
    now: Timestamp,
) -> Result<()> {
    require_admin(store, actor)?;
    let target =
        users::get(store.conn(), user_id)?.ok_or_else(|| Error::user(Msg::ErrNoSuchUser))?;
    check_new_pin(new_pin, again, &[&target.username, &target.display_name])?;
    let hash = pin::hash(new_pin, cost)?;
    let source = store.source().to_string();
    store.write(|tx| {
        users::set_pin(tx, user_id, &hash, true, now)?;
        users::clear_failures(tx, &target.username)?;
        audit(tx, &source, actor, "user_reset_pin", Some(user_id.into()))
    })
}

pub fn set_role(
    store: &mut Store,
    actor: Actor,
    user_id: UserId,
    role: Role,
    now: Timestamp,
) -> Result<()> {
    require_admin(store, actor)?;
    let target =
        users::get(store.conn(), user_id)?.ok_or_else(|| Error::user(Msg::ErrNoSuchUser))?;
    if role != Role::Admin {
        refuse_last_admin(store, &target)?;
    }
    let source = store.source().to_string();
    store.write(|tx| {
        users::set_role(tx, user_id, role, now)?;
        audit(tx, &source, actor, "user_role", Some(user_id.into()))
    })
}

pub fn set_agency(
    store: &mut Store,
    actor: Actor,
    user_id: UserId,
    agency_id: AgencyId,
    now: Timestamp,
) -> Result<()> {
    require_admin(store, actor)?;
    let source = store.source().to_string();
    store.write(|tx| {
        users::set_agency(tx, user_id, agency_id, now)?;
        audit(tx, &source, actor, "user_agency", Some(user_id.into()))
    })
}

/// A PIN change as typed: `current` is None only right after a login with a temporary PIN,
/// which has just been verified.
pub struct PinChange<'a> {
    pub current: Option<&'a str>,
    pub new_pin: &'a str,
    pub again: &'a str,
}

/// A user changes their own PIN.
pub fn change_own_pin(
    store: &mut Store,
    actor: Actor,
    cost: HashCost,
    user: &User,
    change: &PinChange,
    now: Timestamp,
) -> Result<()> {
    let PinChange { current, new_pin, again } = *change;
    let stored = users::find_by_username(store.conn(), &user.username)?
        .ok_or_else(|| Error::user(Msg::ErrNoSuchUser))?;
    if let Some(cur) = current
        && !pin::verify(cur, &stored.pin_hash)
    {
        return Err(Error::user(Msg::ErrCurrentPinWrong));
    }
    check_new_pin(new_pin, again, &[&user.username, &user.display_name])?;
    if pin::verify(new_pin, &stored.pin_hash) {
        return Err(Error::user(Msg::ErrPinUnchanged));
    }
    let hash = pin::hash(new_pin, cost)?;
    let source = store.source().to_string();
    store.write(|tx| {
        users::set_pin(tx, user.id, &hash, false, now)?;
        audit(tx, &source, actor, "pin_change", Some(user.id.into()))
    })
}

pub fn set_language(
    store: &mut Store,
    actor: Actor,
    user_id: UserId,
    lang: Lang,
    now: Timestamp,
) -> Result<()> {
    let source = store.source().to_string();
    store.write(|tx| {
        users::set_lang(tx, user_id, lang, now)?;
        audit(tx, &source, actor, "user_language", Some(user_id.into()))
    })
}

pub fn add_agency(
    store: &mut Store,
    actor: Actor,
    name: &str,
    kind: AgencyKind,
    lang: Lang,
    now: Timestamp,
) -> Result<AgencyId> {
    require_admin(store, actor)?;
    let name = check_text(name, Msg::FieldAgency, AGENCY_NAME_MAX, lang)?;
    let source = store.source().to_string();
    store.write(|tx| {
        let id = users::add_agency(tx, &name, kind, now)?;
        audit(tx, &source, actor, "agency_add", Some(id.0))?;
        Ok(id)
    })
}

pub fn rename_agency(
    store: &mut Store,
    actor: Actor,
    id: AgencyId,
    name: &str,
    lang: Lang,
) -> Result<()> {
    require_admin(store, actor)?;
    let name = check_text(name, Msg::FieldAgency, AGENCY_NAME_MAX, lang)?;
    let source = store.source().to_string();
    store.write(|tx| {
        users::rename_agency(tx, id, &name)?;
        audit(tx, &source, actor, "agency_rename", Some(id.0))
    })
}

pub fn set_agency_kind(
    store: &mut Store,
    actor: Actor,
    id: AgencyId,
    kind: AgencyKind,
) -> Result<()> {
    require_admin(store, actor)?;
    let source = store.source().to_string();
    store.write(|tx| {
        users::set_agency_kind(tx, id, kind)?;
        audit(tx, &source, actor, "agency_kind", Some(id.0))
    })
}

pub fn set_idle_lock(store: &mut Store, actor: Actor, minutes: u32) -> Result<()> {
    require_admin(store, actor)?;
    let source = store.source().to_string();
    store.write(|tx| {
        users::set_idle_lock_minutes(tx, minutes)?;
        audit(tx, &source, actor, "setting_idle_lock", None)
    })
}

/// The console's settings as an administrator saves them: the idle-lock time and the
/// retention policy, in one transaction with an audit row for each.
pub fn save_settings(
    store: &mut Store,
    actor: Actor,
    minutes: u32,
    keeps: &[(crate::store::retention::Kind, crate::store::retention::Keep)],
    now: jiff::Timestamp,
) -> Result<()> {
    require_admin(store, actor)?;
    let source = store.source().to_string();
    store.write(|tx| {
        users::set_idle_lock_minutes(tx, minutes)?;
        audit(tx, &source, actor, "setting_idle_lock", None)?;
        let stored = crate::store::retention::policy(tx)?;
        for (kind, keep) in keeps {
            // Only what changed is written and recorded.
            if stored.iter().any(|(k, kept, _)| k == kind && kept == keep) {
                continue;
            }
            crate::store::retention::set(tx, *kind, *keep, actor.user_id, now)?;
            let ev = crate::store::audit::Event::new("retention_set", "ok")
                .by(actor.user_id, actor.session_id)
                .record(kind.id());
            crate::store::audit::append(tx, &source, &ev)?;
        }
        Ok(())
    })
}

/// Session events: lock, quick hide, logout, quit, switch of user.
pub fn session_event(store: &mut Store, actor: Actor, event: &str) -> Result<()> {
    let source = store.source().to_string();
    store.write(|tx| audit(tx, &source, actor, event, None))
}

/// How a session ended. The session row keeps one of four reasons (its schema's); the audit
/// says more: a console whose link dropped, one stopped by the host, one found dead later.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SessionEnd {
    /// The user logged out.
    Logout,
    /// The user left the program.
    Quit,
    /// Another user logged in on the locked console.
    SwitchUser,
    /// The terminal hung up or went away (a dropped link, a closed window).
    LinkDropped,
    /// The host stopped the console (SIGTERM: a shutdown, an administrator).
    Stopped,
    /// The console died without a word (killed, power lost); a later console noticed.
    Vanished,
}

impl SessionEnd {
    /// The reason kept on the session row.
    pub fn reason(self) -> &'static str {
        match self {
            SessionEnd::Logout => "logout",
            SessionEnd::Quit => "quit",
            SessionEnd::SwitchUser => "switch_user",
            SessionEnd::LinkDropped | SessionEnd::Stopped | SessionEnd::Vanished => "closed",
        }
    }

    /// The event in the audit log.
    pub fn event(self) -> &'static str {
        match self {
            SessionEnd::LinkDropped => "link_dropped",
            SessionEnd::Stopped => "stopped",
            SessionEnd::Vanished => "closed",
            other => other.reason(),
        }
    }
}

/// End the sessions of processes that are gone without a word (killed, or a host that lost
/// power): each audited as "closed", at the time this is noticed. Returns how many.
pub fn end_sessions_of_dead(store: &mut Store, now: Timestamp) -> Result<usize> {
    let me = i64::from(std::process::id());
    let mut ended = 0;
    for pid in users::open_session_pids(store.conn())? {
        if pid != me && !crate::auth::live::running(pid) {
            ended += end_sessions_of(store, pid, SessionEnd::Vanished, now)?;
        }
    }
    Ok(ended)
}

/// End the sessions process `pid` still has open (its link dropped, or it was stopped), each
/// with its audit row; returns how many. Run from the process itself as it goes, or by a later
/// console for a process that died without a word.
pub fn end_sessions_of(
    store: &mut Store,
    pid: i64,
    how: SessionEnd,
    now: Timestamp,
) -> Result<usize> {
    let open = users::open_sessions_of(store.conn(), pid)?;
    for (sid, uid) in &open {
        end_session(store, Actor { user_id: Some(*uid), session_id: Some(*sid) }, how, now)?;
    }
    Ok(open.len())
}

pub fn end_session(store: &mut Store, actor: Actor, how: SessionEnd, now: Timestamp) -> Result<()> {
    let Some(sid) = actor.session_id else {
        return Ok(());
    };
    let source = store.source().to_string();
    store.write(|tx| {
        users::end_session(tx, sid, how.reason(), now)?;
        audit(tx, &source, actor, how.event(), Some(sid.into()))
    })
}
