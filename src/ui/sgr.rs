//! The console's colours go out as the 16 named ones (SGR 30-37, 90-97 and their backgrounds),
//! which every terminal knows, from the Linux console and vt220 emulations to PuTTY. crossterm
//! writes even a named colour as a 256-colour code (`38;5;6`); this writer turns those back
//! into the named codes, which are also fewer bytes on a slow link.

use std::io::{self, Write};

/// A writer that rewrites `ESC [ 38;5;N m` and `ESC [ 48;5;N m` with N below 16 into the named
/// colour codes, and passes everything else through as it is.
pub struct Named16<W: Write> {
    inner: W,
    /// The start of an escape sequence cut by the end of a write, kept for the next.
    held: Vec<u8>,
}

impl<W: Write> Named16<W> {
    pub fn new(inner: W) -> Self {
        Named16 { inner, held: Vec::new() }
    }
}

/// The named code for a 256-colour one, if it is one of the first 16.
fn named(prefix: u8, n: u32) -> Option<u32> {
    let base = if prefix == b'3' { 30 } else { 40 };
    match n {
        0..=7 => Some(base + n),
        8..=15 => Some(base + 60 + n - 8),
        _ => None,
    }
}

/// Rewrite what can be rewritten in `bytes`; returns the output and the tail of an escape
/// sequence the end of `bytes` cut off (to be completed by the next write).
fn rewrite(bytes: &[u8]) -> (Vec<u8>, Vec<u8>) {
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] != 0x1b {
            out.push(bytes[i]);
            i += 1;
            continue;
        }
        // A CSI sequence: ESC [ parameters final-byte.
        let Some(end) =
            bytes[i..].iter().skip(1).position(|b| (0x40..=0x7e).contains(b) && *b != b'[')
        else {
            return (out, bytes[i..].to_vec());
        };
        let seq = &bytes[i..=i + 1 + end];
        let body = &seq[1..];
        let replaced = (body.first() == Some(&b'[') && body.last() == Some(&b'm'))
            .then(|| std::str::from_utf8(&body[1..body.len() - 1]).ok())
            .flatten()
            .and_then(|params| {
                let mut p = params.split(';');
                let (kind, five, n) = (p.next()?, p.next()?, p.next()?);
                if p.next().is_some() || five != "5" || !(kind == "38" || kind == "48") {
                    return None;
                }
                named(kind.as_bytes()[0], n.parse().ok()?)
            });
        match replaced {
            Some(code) => out.extend_from_slice(format!("\x1b[{code}m").as_bytes()),
            None => out.extend_from_slice(seq),
        }
        i += seq.len();
    }
    (out, Vec::new())
}

impl<W: Write> Write for Named16<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let mut all = std::mem::take(&mut self.held);
        all.extend_from_slice(buf);
        let (out, held) = rewrite(&all);
        self.inner.write_all(&out)?;
        self.held = held;
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        if !self.held.is_empty() {
            let held = std::mem::take(&mut self.held);
            self.inner.write_all(&held)?;
        }
        self.inner.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn through(chunks: &[&[u8]]) -> Vec<u8> {
        let mut w = Named16::new(Vec::new());
        for c in chunks {
            w.write_all(c).unwrap();
        }
        w.flush().unwrap();
        w.inner
    }

    #[test]
    fn named_colours_go_out_as_named_codes_and_the_rest_unchanged() {
        assert_eq!(through(&[b"\x1b[38;5;6mhi\x1b[39m"]), b"\x1b[36mhi\x1b[39m");
        assert_eq!(through(&[b"\x1b[38;5;9m"]), b"\x1b[91m");
        assert_eq!(through(&[b"\x1b[48;5;0m"]), b"\x1b[40m");
        assert_eq!(through(&[b"\x1b[38;5;200m"]), b"\x1b[38;5;200m", "not a named one");
        assert_eq!(through(&[b"\x1b[1;7mx\x1b[2J\x1b[3;4H"]), b"\x1b[1;7mx\x1b[2J\x1b[3;4H");
        // A sequence cut between two writes is put together again.
        assert_eq!(through(&[b"ab\x1b[38;", b"5;2mc"]), b"ab\x1b[32mc");
        assert_eq!(through(&["é\x1b[38;5;3m€".as_bytes()]), "é\x1b[33m€".as_bytes());
    }
}
