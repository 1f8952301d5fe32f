//! One error type. Every error a user can see carries a catalogue message, never record content.

use crate::i18n::{Lang, Msg, fill};

#[derive(Debug)]
pub enum Error {
    /// A clear message for the user, with its arguments (paths, field names: never record content).
    User(Msg, Vec<String>),
    /// The database stayed busy past every retry.
    Busy,
    /// An unexpected database failure.
    Db(rusqlite::Error),
    /// An unexpected file-system failure.
    Io(std::io::Error),
    /// A message with its arguments, the last of which is another message with its own
    /// (a file that cannot be opened, and why; a database read-only, and which check failed).
    Nested(Msg, Vec<String>, Msg, Vec<String>),
}

pub type Result<T> = std::result::Result<T, Error>;

impl Error {
    pub fn user(msg: Msg) -> Self {
        Error::User(msg, Vec::new())
    }

    pub fn user_with(msg: Msg, args: &[&str]) -> Self {
        Error::User(msg, args.iter().map(|a| a.to_string()).collect())
    }

    /// The message in the user's language.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            // What a message quotes may come from a file: shown, never acted on.
            Error::User(msg, args) => {
                let args: Vec<String> = args.iter().map(|a| crate::i18n::visible(a)).collect();
                let args: Vec<&str> = args.iter().map(String::as_str).collect();
                fill(msg.text(lang), &args)
            }
            Error::Busy => Msg::ErrBusy.text(lang).to_string(),
            Error::Db(e) => {
                if is_corrupt(e) {
                    Msg::ErrDamaged.text(lang).to_string()
                } else {
                    fill(Msg::ErrDatabase.text(lang), &[&db_error_kind(e)])
                }
            }
            Error::Io(e) => fill(Msg::ErrIo.text(lang), &[&e.kind().to_string()]),
            Error::Nested(msg, head, inner, args) => {
                let shown = |v: &[String]| -> Vec<String> {
                    v.iter().map(|a| crate::i18n::visible(a)).collect()
                };
                let args = shown(args);
                let args: Vec<&str> = args.iter().map(String::as_str).collect();
                let mut all = shown(head);
                all.push(fill(inner.text(lang), &args));
                let all: Vec<&str> = all.iter().map(String::as_str).collect();
                fill(msg.text(lang), &all)
            }
        }
    }

    pub fn is_busy(&self) -> bool {
        match self {
            Error::Busy => true,
            Error::Db(e) => is_busy(e),
            _ => false,
        }
    }
}

/// The error's SQLite code, without any SQL or values.
fn db_error_kind(e: &rusqlite::Error) -> String {
    match e {
        rusqlite::Error::SqliteFailure(f, _) => format!("{:?}", f.code),
        other => format!("{}", other).split(':').next().unwrap_or_default().to_string(),
    }
}

pub(crate) fn is_busy(e: &rusqlite::Error) -> bool {
    matches!(
        e.sqlite_error_code(),
        Some(rusqlite::ErrorCode::DatabaseBusy) | Some(rusqlite::ErrorCode::DatabaseLocked)
    )
}

pub(crate) fn is_corrupt(e: &rusqlite::Error) -> bool {
    matches!(
        e.sqlite_error_code(),
        Some(rusqlite::ErrorCode::NotADatabase) | Some(rusqlite::ErrorCode::DatabaseCorrupt)
    )
}

impl From<rusqlite::Error> for Error {
    fn from(e: rusqlite::Error) -> Self {
        if is_busy(&e) { Error::Busy } else { Error::Db(e) }
    }
}

impl From<std::io::Error> for Error {
    fn from(e: std::io::Error) -> Self {
        Error::Io(e)
    }
}

impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for Error {}
