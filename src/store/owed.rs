//! Audit rows a console owes (a hide, a lock: the screen went blank first, the row is written
//! after) are also kept in a small file beside the key, one per console process, until they are
//! in the database. A console killed before it could write them (kill -9, a crash, the host
//! going down while another process held the write lock) leaves its file behind, and the next
//! intake to open the database writes its rows, marked "late", and removes it. The file holds
//! numbers and an event's name, never record content.

use std::io::Read;
use std::path::{Path, PathBuf};

use crate::domain::ids::{SessionId, UserId};
use crate::error::Result;
use crate::store::{DbPaths, Store, audit};

/// One owed row: the user and session it is of, and its event.
pub type Row = (Option<UserId>, Option<SessionId>, &'static str);

/// The file of process `pid`.
fn path(paths: &DbPaths, pid: u32) -> PathBuf {
    paths.beside_key(&format!("owed-{pid}"))
}

/// Keep `rows` as this process's owed rows (none: remove the file). Written whole to a new
/// file and renamed over the old, so a kill never leaves half a file.
pub fn keep(paths: &DbPaths, rows: &[Row]) -> std::io::Result<()> {
    let file = path(paths, std::process::id());
    if rows.is_empty() {
        return match std::fs::remove_file(&file) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(e),
            _ => Ok(()),
        };
    }
    let num = |n: Option<i64>| n.map_or_else(|| "-".to_string(), |n| n.to_string());
    let text: String = rows
        .iter()
        .map(|(u, s, e)| format!("{} {} {e}\n", num(u.map(i64::from)), num(s.map(i64::from))))
        .collect();
    let fresh = file.with_extension(format!("owed-{}.new", std::process::id()));
    std::fs::write(&fresh, text)?;
    std::fs::rename(&fresh, &file)
}

/// Write the rows owed by consoles that are gone, and remove their files. A file of a console
/// still running is left to it; a line that is not one of ours is left out. Each file is first
/// claimed (renamed `…owed-PID.claimed-OURS`, which only one process can do), so two intakes
/// starting at once never both write it; a claim whose process died is claimed again.
pub fn recover(store: &mut Store) -> Result<usize> {
    let paths = store.paths().clone();
    let probe = paths.beside_key("owed-");
    let (Some(dir), Some(prefix)) = (probe.parent(), probe.file_name()) else { return Ok(0) };
    let prefix = prefix.to_string_lossy().to_string();
    let Ok(entries) = std::fs::read_dir(dir) else { return Ok(0) };
    let me = i64::from(std::process::id());
    let mut written = 0;
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().to_string();
        let Some((pid, holder)) = name.strip_prefix(&prefix).and_then(owner) else { continue };
        // The console itself, or whoever claimed its file, is still at it.
        if holder == me || crate::store::imports::running(holder) {
            continue;
        }
        let claimed = dir.join(format!("{prefix}{pid}.claimed-{me}"));
        if std::fs::rename(entry.path(), &claimed).is_err() {
            // Another intake claimed it first.
            continue;
        }
        written += write_late(store, &claimed)?;
    }
    Ok(written)
}

/// Whose file a name (after `owed-`) is: the console's pid, and the pid of the process that
/// holds it now (the console, or the intake that claimed it).
fn owner(rest: &str) -> Option<(i64, i64)> {
    match rest.split_once(".claimed-") {
        Some((pid, by)) => Some((pid.parse().ok()?, by.parse().ok()?)),
        None => rest.parse().ok().map(|pid| (pid, pid)),
    }
}

/// Write the rows of one file left by a console that is gone, then remove the file.
fn write_late(store: &mut Store, file: &Path) -> Result<usize> {
    let mut bytes = Vec::new();
    if let Ok(f) = std::fs::File::open(file) {
        // A console's file holds a few lines; more than 64 KB is not one of ours.
        let _ = f.take(64 * 1024).read_to_end(&mut bytes);
    }
    let text = String::from_utf8_lossy(&bytes);
    let rows: Vec<(Option<i64>, Option<i64>, String)> = text.lines().filter_map(parse).collect();
    let source = store.source().to_string();
    store.write(|tx| {
        for (user, session, event) in &rows {
            let ev = audit::Event::new(event, "late").by(user.map(UserId), session.map(SessionId));
            audit::append(tx, &source, &ev)?;
        }
        Ok(())
    })?;
    let _ = std::fs::remove_file(file);
    Ok(rows.len())
}

/// A line of the file: user, session ("-" for none) and an event name of lower-case letters
/// and underscores.
fn parse(line: &str) -> Option<(Option<i64>, Option<i64>, String)> {
    let mut parts = line.split(' ');
    let num = |p: &str| if p == "-" { Some(None) } else { p.parse().ok().map(Some) };
    let user = num(parts.next()?)?;
    let session = num(parts.next()?)?;
    let event = parts.next()?;
    let ours = !event.is_empty()
        && event.len() <= 32
        && event.chars().all(|c| c.is_ascii_lowercase() || c == '_');
    (ours && parts.next().is_none()).then(|| (user, session, event.to_string()))
}

#[cfg(test)]
mod tests {
    use super::parse;

    #[test]
    fn a_file_is_held_by_its_console_or_by_whoever_claimed_it() {
        assert_eq!(super::owner("412"), Some((412, 412)));
        assert_eq!(super::owner("412.claimed-9001"), Some((412, 9001)));
        assert_eq!(super::owner("412.new"), None, "a file still being written");
        assert_eq!(super::owner("412.claimed-"), None);
    }

    #[test]
    fn a_line_is_two_numbers_and_an_event_name() {
        assert_eq!(parse("3 17 hide"), Some((Some(3), Some(17), "hide".into())));
        assert_eq!(parse("- - hide_login"), Some((None, None, "hide_login".into())));
        assert_eq!(parse("3 17 hide extra"), None);
        assert_eq!(parse("3 x hide"), None);
        assert_eq!(parse("3 17 \u{1b}[2Jhide"), None);
        assert_eq!(parse(""), None);
    }
}
