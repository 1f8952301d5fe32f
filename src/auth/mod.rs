//! PINs, logins and account operations. Every operation here is one write transaction that
//! also appends its audit row, so the CLI and the console record the same events.

use crate::domain::ids::{SessionId, UserId};

pub mod accounts;
pub mod live;
pub mod login;
pub mod pin;

/// Who is acting: a logged-in user in a session, or a set-up script on the command line.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Actor {
    pub user_id: Option<UserId>,
    pub session_id: Option<SessionId>,
}

impl Actor {
    pub const CLI: Actor = Actor { user_id: None, session_id: None };
}
