//! What the benches share: a cheap PIN cost, and staff accounts added to a bench's database.
#![allow(dead_code)]

use intake::auth::accounts::{self, NewAccount};
use intake::auth::{Actor, pin::HashCost};
use intake::domain::staff::Role;
use intake::i18n::Lang;
use intake::store::Store;

/// A cheap argon2 cost: the benches measure other things than PIN hashing.
pub const CHEAP: HashCost = HashCost { m_kib: 64, t: 1, p: 1 };

/// The PIN every bench account has.
pub const PIN: &str = "508731";

/// The console's options as in the field (colour, line drawing, English, the real clock), with
/// the cheap PIN cost.
pub fn console_options() -> intake::ui::Options {
    intake::ui::Options {
        cost: CHEAP,
        theme: intake::ui::theme::Theme { color: true, ascii: false },
        lang: Lang::En,
        clock: jiff::Timestamp::now,
        key_user: None,
        settings_every: intake::ui::event_loop::SETTINGS_EVERY,
    }
}

/// Add a staff account (PIN `PIN`, English) to the bench's database.
pub fn add_account(store: &mut Store, username: &str, name: &str, role: Role, agency: &str) {
    let account = NewAccount {
        username,
        display_name: name,
        role,
        agency,
        pin: PIN,
        pin_again: PIN,
        temporary: false,
        lang: Lang::En,
    };
    accounts::add_user(store, Actor::CLI, CHEAP, &account, jiff::Timestamp::now())
        .expect("account");
}
