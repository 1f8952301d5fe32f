//! The console: one event loop, generic over the ratatui backend, so tests drive the same app
//! on a TestBackend that the binary drives on a real terminal.

pub mod app;
pub mod drafts;
pub mod effect;
pub mod event_loop;
pub mod frame_out;
pub mod keymap;
pub mod keys_in;
pub mod routes;
pub mod screen;
pub mod screens;
pub mod sgr;
pub mod status;
pub mod theme;
pub mod tty;
pub mod widgets;

pub use app::{App, Input, Options};
