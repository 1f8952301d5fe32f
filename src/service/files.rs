//! Files read from outside, within limits. A CSV file may be as long as it likes (imports read
//! it a row at a time), but no row of it may be longer than `MAX_ROW`: a file with no line
//! breaks, or a quote opened and never closed, would otherwise be held whole in memory as one
//! row. Small files (a key, a package's description) are read no further than their limit.

use std::io::{self, Read};
use std::path::Path;

use crate::error::{Error, Result};
use crate::i18n::Msg;

/// The longest row of a CSV file read, in bytes (a row of the longest notes is a few KB).
pub const MAX_ROW: u64 = 1 << 20;

#[derive(Debug)]
struct RowTooLong;

impl std::fmt::Display for RowTooLong {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "row over {MAX_ROW} bytes")
    }
}

impl std::error::Error for RowTooLong {}

/// A reader that fails once a CSV row (up to a line break outside quotes) grows past `MAX_ROW`.
pub struct RowCap<R> {
    inner: R,
    row: u64,
    quoted: bool,
}

impl<R: Read> RowCap<R> {
    pub fn new(inner: R) -> RowCap<R> {
        RowCap { inner, row: 0, quoted: false }
    }
}

impl<R: Read> Read for RowCap<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        for &b in &buf[..n] {
            match b {
                b'"' => self.quoted = !self.quoted,
                b'\n' if !self.quoted => self.row = 0,
                _ => {}
            }
            self.row += 1;
            if self.row > MAX_ROW {
                return Err(io::Error::new(io::ErrorKind::InvalidData, RowTooLong));
            }
        }
        Ok(n)
    }
}

/// A CSV reader of `file`, its rows capped.
pub fn csv_reader(file: &Path) -> io::Result<csv::Reader<RowCap<std::fs::File>>> {
    Ok(csv::ReaderBuilder::new()
        .flexible(false)
        .from_reader(RowCap::new(std::fs::File::open(file)?)))
}

/// What reading the CSV file `shown` failed on, as the user's error.
pub fn csv_error(shown: &str, e: &csv::Error) -> Error {
    let too_long = match e.kind() {
        csv::ErrorKind::Io(io) => io.get_ref().is_some_and(|x| x.is::<RowTooLong>()),
        _ => false,
    };
    if too_long {
        Error::user_with(Msg::ErrCsvRowTooLong, &[shown, &(MAX_ROW / 1024).to_string()])
    } else {
        Error::user_with(Msg::ErrCsvRead, &[shown, &e.to_string()])
    }
}

/// Read the small file `path` whole, refusing one over `max` bytes before reading further.
pub fn read_small(path: &Path, max: u64) -> Result<Vec<u8>> {
    let shown = path.display().to_string();
    let mut bytes = Vec::new();
    std::fs::File::open(path)?.take(max + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > max {
        return Err(Error::user_with(
            Msg::ErrFileTooBig,
            &[&shown, &(max / 1024).max(1).to_string()],
        ));
    }
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_row_may_not_grow_past_the_cap_but_a_file_may() {
        let many_rows = "a,b\n".repeat(1 << 19);
        let mut r = RowCap::new(many_rows.as_bytes());
        assert!(io::copy(&mut r, &mut io::sink()).is_ok(), "two MB of short rows");
        let one_row = "x".repeat(MAX_ROW as usize + 1);
        assert!(io::copy(&mut RowCap::new(one_row.as_bytes()), &mut io::sink()).is_err());
        // A line break inside quotes does not end the row.
        let quoted = format!("\"{}\n{}\"", "x".repeat(600 << 10), "y".repeat(600 << 10));
        assert!(io::copy(&mut RowCap::new(quoted.as_bytes()), &mut io::sink()).is_err());
    }
}
