//! Staff keys for SSH: a connection's forced command names the staff account a key belongs
//! to; the console then asks that account's PIN. What a key may do, and every refusal, is
//! written to the audit log with the key's fingerprint.

use crate::auth::accounts;
use crate::error::{Error, Result};
use crate::i18n::Msg;
use crate::service::{Who, on_record};
use crate::store::Store;

/// A connection made with `username`'s key (`fingerprint`): the account, if it may open the
/// console. A command sent in place of the console is refused, as is the key of an account
/// that is disabled or gone; both are recorded. From here on the process's audit rows carry
/// the fingerprint beside the client's address.
pub fn admit(store: &mut Store, username: &str, fingerprint: &str) -> Result<String> {
    store.add_to_source(fingerprint);
    let user = accounts::find_user(store, username).ok().filter(|u| !u.disabled);
    let command = std::env::var("SSH_ORIGINAL_COMMAND").ok().filter(|c| !c.trim().is_empty());
    match (user, command) {
        (Some(u), Some(_)) => {
            on_record(store, Who { user: &u, session_id: None }, "ssh_command", "denied", None)?;
            Err(Error::user(Msg::ErrSshCommandRefused))
        }
        (Some(u), None) => Ok(u.username),
        (None, _) => {
            let source = store.source().to_string();
            let ev = crate::store::audit::Event::new("ssh_key", "denied");
            store.write(|tx| crate::store::audit::append(tx, &source, &ev))?;
            Err(Error::user(Msg::ErrKeyAccountDisabled))
        }
    }
}

/// A key was added for, or taken from, `username` (on the command line, by the host's
/// operator): on record with its fingerprint.
pub fn key_changed(
    store: &mut Store,
    username: &str,
    event: &str,
    fingerprint: &str,
) -> Result<()> {
    let user = accounts::find_user(store, username)?;
    let source: String = format!("{} {fingerprint}", store.source()).chars().take(80).collect();
    let ev = crate::store::audit::Event::new(event, "ok").record(user.id.0);
    store.write(|tx| crate::store::audit::append(tx, &source, &ev))?;
    Ok(())
}
