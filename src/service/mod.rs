//! The use cases: each change is one transaction with its audit row, and each checks who may
//! make it. The console (`ui`) and the command line (`cli`) both call these; nothing here
//! names either of them (tests/layers.rs).

pub mod casework;
pub mod hotline;
pub mod hsds;
pub mod ledger;
pub mod reports;
pub mod resources;

use crate::auth::Actor;
use crate::store::users::User;

/// The person acting, in their session (None on the command line): made once per session and
/// handed to every use case.
#[derive(Clone, Copy)]
pub struct Who<'a> {
    pub user: &'a User,
    pub session_id: Option<i64>,
}

impl Who<'_> {
    pub fn actor(&self) -> Actor {
        Actor { user_id: Some(self.user.id), session_id: self.session_id }
    }
}
