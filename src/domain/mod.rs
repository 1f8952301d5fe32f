//! Plain types and rules, no I/O.

pub mod staff;
pub mod text;
pub mod time;
