//! A database that cannot be opened or written, explained: which file, why (the folder is
//! missing or not ours to write, the disk is read-only or full, or failing) and what to do, in
//! the user's language, rather than SQLite's "(CannotOpen)" or "(SystemIoFailure)".

use std::io::ErrorKind;
use std::path::Path;

use rusqlite::ErrorCode;

use crate::error::Error;
use crate::i18n::Msg;
use crate::store::DbPaths;

/// SQLite codes that mean the file or its disk, not the data.
fn is_file_trouble(code: ErrorCode) -> bool {
    matches!(
        code,
        ErrorCode::CannotOpen
            | ErrorCode::SystemIoFailure
            | ErrorCode::DiskFull
            | ErrorCode::ReadOnly
            | ErrorCode::PermissionDenied
    )
}

/// `e` explained when it is trouble with the file or its disk; as it was otherwise. `write`:
/// it came from a write (nothing was saved), else from opening the database.
pub fn explain(paths: &DbPaths, e: Error, write: bool) -> Error {
    let code = match &e {
        Error::Db(d) => d.sqlite_error_code().filter(|c| is_file_trouble(*c)),
        // Making the file or its folder, before SQLite.
        Error::Io(io) if io.kind() == ErrorKind::StorageFull => Some(ErrorCode::DiskFull),
        Error::Io(_) => Some(ErrorCode::CannotOpen),
        _ => None,
    };
    let Some(code) = code else { return e };
    let db = paths.db.display().to_string();
    let dir = paths.db.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let (cause, args) = if code == ErrorCode::DiskFull {
        (Msg::CauseDiskFull, vec![dir.display().to_string()])
    } else {
        cause(dir, &e)
    };
    let msg = if write { Msg::ErrDbCannotWrite } else { Msg::ErrDbCannotOpen };
    Error::Nested(msg, vec![db], cause, args)
}

/// Why the folder `dir` cannot hold the database: found by trying, as this user, what SQLite
/// needs (the folder, and a new file in it).
fn cause(dir: &Path, e: &Error) -> (Msg, Vec<String>) {
    let shown = dir.display().to_string();
    match std::fs::metadata(dir) {
        Err(err) if err.kind() == ErrorKind::NotFound => return (Msg::CauseNoFolder, vec![shown]),
        Ok(m) if !m.is_dir() => return (Msg::CauseNotAFolder, vec![shown]),
        _ => {}
    }
    let probe = dir.join(format!(".intake-probe-{}", std::process::id()));
    let tried = std::fs::OpenOptions::new().write(true).create_new(true).open(&probe);
    let _ = std::fs::remove_file(&probe);
    match tried.map_err(|e| e.kind()) {
        Err(ErrorKind::PermissionDenied) => (Msg::CauseNoPermission, vec![shown]),
        Err(ErrorKind::ReadOnlyFilesystem) => (Msg::CauseReadOnlyDisk, vec![shown]),
        Err(ErrorKind::StorageFull) => (Msg::CauseDiskFull, vec![shown]),
        Err(ErrorKind::NotADirectory) => (Msg::CauseNotAFolder, vec![shown]),
        _ => {
            let code = match e {
                Error::Db(rusqlite::Error::SqliteFailure(f, _)) => {
                    format!("{:?} {}", f.code, f.extended_code)
                }
                Error::Io(io) => io.kind().to_string(),
                _ => String::new(),
            };
            (Msg::CauseIo, vec![shown, code])
        }
    }
}
