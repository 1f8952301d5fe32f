//! How the console was started: the PIN hashing cost, the colours, the language before anyone
//! logs in, the clock (tests give a fixed one), and how often settings are read again.

use jiff::Timestamp;

use crate::auth::pin::HashCost;
use crate::i18n::Lang;
use crate::ui::theme::Theme;

pub struct Options {
    pub cost: HashCost,
    pub theme: Theme,
    pub lang: Lang,
    /// The time now (tests give a fixed one).
    pub clock: fn() -> Timestamp,
    /// Over SSH, the staff account whose key opened the connection: the only one who may log
    /// in at this console, by PIN.
    pub key_user: Option<String>,
    /// How often an open session, sitting idle, reads the idle-lock setting again (an
    /// administrator may change it from another console).
    pub settings_every: std::time::Duration,
}
