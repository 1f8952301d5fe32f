//! Plain types and rules, no I/O.

pub mod areas;
pub mod base64;
pub mod caller;
pub mod client;
pub mod combined;
pub mod contact;
pub mod directory;
pub mod draft;
pub mod fields;
pub mod fund;
pub mod ids;
pub mod languages;
pub mod outreach;
pub mod record;
pub mod referral;
pub mod report;
pub mod reporting;
pub mod screening;
pub mod sshkey;
pub mod staff;
pub mod text;
pub mod time;
pub mod tip;
pub mod voca;
