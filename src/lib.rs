//! intake: a keyboard-driven console for the New Mexico Human Trafficking Task Force.
//!
//! The binary (`src/main.rs`) is thin; everything lives in this library so tests drive the
//! same code the console runs.

#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used))]

pub mod auth;
pub mod cli;
pub mod domain;
pub mod error;
pub mod i18n;
pub mod service;
pub mod store;
pub mod ui;

pub use error::{Error, Result};
