//! What the terminal sends, decoded: bytes in, keys and pastes out. Ours rather than the
//! terminal library's so that nothing can hold the hide key back: F12 is found in the raw bytes
//! wherever it is (behind a long paste, inside a paste that never ended), a paste that never
//! ends is ended, and everything pending can be dropped at once when the console locks.
//!
//! Keys the console uses, as terminals send them: printable text (UTF-8), Enter (CR; LF too),
//! Tab, Shift+Tab (CSI Z), Backspace (DEL, or ^H, which the key table takes as Backspace),
//! Ctrl+letter, Esc, the arrows, Home, End, PgUp, PgDn, Delete, F1-F12 in the xterm, VT220,
//! PuTTY and Linux console forms (CSI n ~, SS3 P-S, CSI [ A-E), with or without modifiers.
//! Esc glued to the next key (a slow link delivers them in one read) is Esc, then the key.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// The hide key as every terminal we support sends it.
pub const F12: &[u8] = b"\x1b[24~";
const PASTE_END: &[u8] = b"\x1b[201~";

/// The most of one paste that is kept (more than any field holds); the rest is read and
/// dropped.
pub const MAX_PASTE: usize = 64 * 1024;

/// The longest escape sequence taken as one; longer is not a key.
const MAX_SEQUENCE: usize = 32;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Decoded {
    Key(KeyEvent),
    Paste(String),
    /// F12: hide now.
    Hide,
}

/// Where in a bracketed paste the decoder is.
struct Paste {
    text: Vec<u8>,
}

#[derive(Default)]
pub struct Decoder {
    /// The bytes read; those before `at` are decoded already.
    bytes: Vec<u8>,
    at: usize,
    paste: Option<Paste>,
}

/// Where in `hay` the hide key (F12, with or without modifiers) starts, if it is there.
pub fn find_hide(hay: &[u8]) -> Option<usize> {
    let head = &F12[..4];
    hay.windows(4)
        .enumerate()
        .position(|(i, w)| w == head && matches!(hay.get(i + 4), Some(b'~' | b';')))
}

fn key(code: KeyCode) -> Decoded {
    Decoded::Key(KeyEvent::new(code, KeyModifiers::NONE))
}

fn ctrl(c: char) -> Decoded {
    Decoded::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL))
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

/// What one step of decoding found at the front of the bytes.
enum Step {
    /// This many bytes make this (None: nothing the console uses).
    Done(usize, Option<Decoded>),
    /// The bytes so far may be the start of something longer.
    More,
    /// A bracketed paste starts after these many bytes.
    PasteStart(usize),
}

impl Decoder {
    pub fn feed(&mut self, bytes: &[u8]) {
        // What is decoded goes once it is half the buffer: each byte is moved at most once more.
        if self.at > 0 && self.at * 2 >= self.bytes.len() {
            self.bytes.drain(..self.at);
            self.at = 0;
        }
        self.bytes.extend_from_slice(bytes);
    }

    /// The bytes not decoded yet.
    fn rest(&self) -> &[u8] {
        &self.bytes[self.at..]
    }

    fn consume(&mut self, n: usize) {
        self.at += n;
        if self.at == self.bytes.len() {
            self.bytes.clear();
            self.at = 0;
        }
    }

    /// Drop everything pending (the console locked: nothing typed before reaches the PIN).
    pub fn clear(&mut self) {
        self.bytes.clear();
        self.at = 0;
        self.paste = None;
    }

    /// How many bytes wait undecoded (a paste under way counts as many).
    pub fn waiting(&self) -> usize {
        self.rest().len() + if self.paste.is_some() { MAX_PASTE } else { 0 }
    }

    /// Whether bytes wait that may still become a key or a paste.
    pub fn pending(&self) -> bool {
        !self.rest().is_empty() || self.paste.is_some()
    }

    /// Inside a bracketed paste that has not ended yet.
    pub fn in_paste(&self) -> bool {
        self.paste.is_some()
    }

    /// The next whole key or paste, if the bytes hold one.
    pub fn decoded(&mut self) -> Option<Decoded> {
        loop {
            if self.paste.is_some() {
                return self.paste_step();
            }
            if self.rest().is_empty() {
                return None;
            }
            match decode(self.rest()) {
                Step::More => return None,
                Step::PasteStart(n) => {
                    self.consume(n);
                    self.paste = Some(Paste { text: Vec::new() });
                }
                Step::Done(n, found) => {
                    self.consume(n);
                    if found.is_some() {
                        return found;
                    }
                }
            }
        }
    }

    /// Nothing more came for a moment: what waits is taken as it stands. A lone Esc is Esc; a
    /// sequence cut short is Esc and its characters; a paste that never ended ends here.
    pub fn flush(&mut self) -> Option<Decoded> {
        if let Some(p) = self.paste.take() {
            let mut text = p.text;
            let rest = self.rest();
            text.extend_from_slice(&rest[..rest.len().min(MAX_PASTE.saturating_sub(text.len()))]);
            self.clear();
            return Some(Decoded::Paste(String::from_utf8_lossy(&text).into_owned()));
        }
        match self.rest().first() {
            None => None,
            Some(0x1b) => {
                self.consume(1);
                Some(key(KeyCode::Esc))
            }
            // An incomplete character: nothing a key makes.
            Some(_) => {
                self.clear();
                None
            }
        }
    }

    fn paste_step(&mut self) -> Option<Decoded> {
        let rest = self.rest();
        let end = find(rest, PASTE_END);
        let hide = find(rest, F12);
        let interrupt = rest.iter().position(|&b| b == 0x03);
        let first = [hide, interrupt].into_iter().flatten().min();
        // F12 or Ctrl+C inside a paste (one that never ended, or keys pressed during it): the
        // paste is dropped and the key counts.
        if let Some(at) = first
            && end.is_none_or(|e| at < e)
        {
            self.paste = None;
            let is_hide = hide == Some(at);
            self.consume(at + if is_hide { F12.len() } else { 1 });
            return Some(if is_hide { Decoded::Hide } else { ctrl('c') });
        }
        let take = match end {
            Some(e) => e,
            // Keep the tail that may be the start of the end marker.
            None => rest.len().saturating_sub(PASTE_END.len() - 1),
        };
        let (start, at) = (self.at, self.at + take);
        let paste = self.paste.as_mut()?;
        let room = MAX_PASTE.saturating_sub(paste.text.len());
        paste.text.extend_from_slice(&self.bytes[start..at.min(start + room)]);
        self.consume(take);
        if end.is_some() {
            self.consume(PASTE_END.len());
            let text = self.paste.take()?.text;
            return Some(Decoded::Paste(String::from_utf8_lossy(&text).into_owned()));
        }
        None
    }
}

/// Decode what starts `b` (not empty).
fn decode(b: &[u8]) -> Step {
    match b[0] {
        0x1b => escape(b),
        b'\r' | b'\n' => Step::Done(1, Some(key(KeyCode::Enter))),
        b'\t' => Step::Done(1, Some(key(KeyCode::Tab))),
        0x7f => Step::Done(1, Some(key(KeyCode::Backspace))),
        0x08 => Step::Done(1, Some(ctrl('h'))),
        c @ 0x01..=0x1a => Step::Done(1, Some(ctrl(char::from(b'a' + c - 1)))),
        0x00 | 0x1c..=0x1f => Step::Done(1, None),
        lead => {
            let len = match lead {
                0x20..=0x7e => 1,
                0xc2..=0xdf => 2,
                0xe0..=0xef => 3,
                0xf0..=0xf4 => 4,
                _ => return Step::Done(1, None),
            };
            if b.len() < len {
                // Wait for the rest, unless what came already cannot be one character.
                let ok = b[1..].iter().all(|&c| (0x80..0xc0).contains(&c));
                return if ok { Step::More } else { Step::Done(1, None) };
            }
            match std::str::from_utf8(&b[..len]).ok().and_then(|s| s.chars().next()) {
                Some(c) => Step::Done(len, Some(key(KeyCode::Char(c)))),
                None => Step::Done(1, None),
            }
        }
    }
}

fn escape(b: &[u8]) -> Step {
    match b.get(1) {
        None => Step::More,
        Some(b'[') => csi(b),
        Some(b'O') => match b.get(2) {
            None => Step::More,
            Some(&c) => Step::Done(3, ss3(c).map(key)),
        },
        // Esc glued to whatever follows (Esc Esc, or Alt+key): Esc, then that.
        Some(_) => Step::Done(1, Some(key(KeyCode::Esc))),
    }
}

/// SS3 keys: VT220 and application-mode F1-F4, arrows, Home, End, keypad Enter.
fn ss3(c: u8) -> Option<KeyCode> {
    Some(match c {
        b'P'..=b'S' => KeyCode::F(c - b'P' + 1),
        b'A' => KeyCode::Up,
        b'B' => KeyCode::Down,
        b'C' => KeyCode::Right,
        b'D' => KeyCode::Left,
        b'H' => KeyCode::Home,
        b'F' => KeyCode::End,
        b'M' => KeyCode::Enter,
        _ => return None,
    })
}

fn csi(b: &[u8]) -> Step {
    // The Linux console's F1-F5: ESC [ [ A-E.
    if b.get(2) == Some(&b'[') {
        return match b.get(3) {
            None => Step::More,
            Some(&c @ b'A'..=b'E') => Step::Done(4, Some(key(KeyCode::F(c - b'A' + 1)))),
            Some(_) => Step::Done(4, None),
        };
    }
    let Some(end) = b.iter().skip(2).position(|c| (0x40..=0x7e).contains(c)).map(|p| p + 2) else {
        // Parameters so far: wait for the final byte, unless it is too long to be a key.
        let params = b[2..].iter().all(|c| (0x20..=0x3f).contains(c));
        return if params && b.len() < MAX_SEQUENCE {
            Step::More
        } else {
            Step::Done(1, Some(key(KeyCode::Esc)))
        };
    };
    let params = &b[2..end];
    let text = std::str::from_utf8(params).unwrap_or("");
    // The key's number; a modifier after it (";5" for Ctrl) changes nothing the console uses.
    let first = text.split(';').next().and_then(|n| n.parse::<u16>().ok()).unwrap_or(0);
    let code = match b[end] {
        b'A' => Some(KeyCode::Up),
        b'B' => Some(KeyCode::Down),
        b'C' => Some(KeyCode::Right),
        b'D' => Some(KeyCode::Left),
        b'H' => Some(KeyCode::Home),
        b'F' => Some(KeyCode::End),
        b'Z' => Some(KeyCode::BackTab),
        b'P'..=b'S' if first == 1 => Some(KeyCode::F(b[end] - b'P' + 1)),
        b'~' => match first {
            200 => return Step::PasteStart(end + 1),
            24 => return Step::Done(end + 1, Some(Decoded::Hide)),
            1 | 7 => Some(KeyCode::Home),
            3 => Some(KeyCode::Delete),
            4 | 8 => Some(KeyCode::End),
            5 => Some(KeyCode::PageUp),
            6 => Some(KeyCode::PageDown),
            n @ 11..=15 => Some(KeyCode::F((n - 10) as u8)),
            n @ 17..=21 => Some(KeyCode::F((n - 11) as u8)),
            23 => Some(KeyCode::F(11)),
            _ => None,
        },
        _ => None,
    };
    Step::Done(end + 1, code.map(key))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all(bytes: &[u8]) -> Vec<Decoded> {
        let mut d = Decoder::default();
        d.feed(bytes);
        let mut out = Vec::new();
        while let Some(x) = d.decoded() {
            out.push(x);
        }
        out.extend(d.flush());
        out
    }

    fn k(c: KeyCode) -> Decoded {
        key(c)
    }

    #[test]
    fn the_keys_terminals_send() {
        use KeyCode::*;
        assert_eq!(
            all(b"a\xc3\xb1\r\t\x7f"),
            [k(Char('a')), k(Char('ñ')), k(Enter), k(Tab), k(Backspace)]
        );
        assert_eq!(all(b"\x13\x08"), [ctrl('s'), ctrl('h')]);
        assert_eq!(
            all(b"\x1b[A\x1b[1;5B\x1bOC\x1b[D\x1b[Z"),
            [k(Up), k(Down), k(Right), k(Left), k(BackTab)]
        );
        assert_eq!(
            all(b"\x1b[1~\x1b[4~\x1b[H\x1b[F\x1b[3~\x1b[5~\x1b[6~"),
            [k(Home), k(End), k(Home), k(End), k(Delete), k(PageUp), k(PageDown)]
        );
        // F1 as xterm, VT220, PuTTY and the Linux console send it; F10.
        assert_eq!(all(b"\x1bOP\x1b[11~\x1b[[A\x1b[21~"), [k(F(1)), k(F(1)), k(F(1)), k(F(10))]);
        assert_eq!(all(b"\x1b[24~"), [Decoded::Hide]);
        // Esc alone, and Esc glued to the key after it (a slow link): Esc, then the key.
        assert_eq!(all(b"\x1b"), [k(Esc)]);
        assert_eq!(all(b"\x1by"), [k(Esc), k(Char('y'))]);
        assert_eq!(all(b"\x1b\x1b[24~"), [k(Esc), Decoded::Hide]);
        // Nothing the console uses is dropped quietly.
        assert_eq!(all(b"\x1b[I\x1b[999~x"), [k(Char('x'))]);
    }

    #[test]
    fn a_sequence_split_between_reads_waits_for_its_end() {
        let mut d = Decoder::default();
        d.feed(b"\x1b[2");
        assert_eq!(d.decoded(), None);
        assert!(d.pending());
        d.feed(b"4~");
        assert_eq!(d.decoded(), Some(Decoded::Hide));
        d.feed(&[0xc3]);
        assert_eq!(d.decoded(), None);
        d.feed(&[0xa9]);
        assert_eq!(d.decoded(), Some(key(KeyCode::Char('é'))));
    }

    #[test]
    fn pastes_end_are_capped_and_never_hold_the_hide_key_back() {
        assert_eq!(
            all(b"\x1b[200~ana\r\nb\x1b[201~x"),
            [Decoded::Paste("ana\r\nb".into()), k(KeyCode::Char('x'))]
        );
        // A paste that never ends: F12 inside it hides, and so does Ctrl+C end it.
        assert_eq!(all(b"\x1b[200~abc\x1b[24~"), [Decoded::Hide]);
        assert_eq!(all(b"\x1b[200~abc\x03z"), [ctrl('c'), k(KeyCode::Char('z'))]);
        // Left alone, it ends when the loop flushes it.
        let mut d = Decoder::default();
        d.feed(b"\x1b[200~half a pas");
        assert_eq!(d.decoded(), None);
        assert!(d.in_paste());
        assert_eq!(d.flush(), Some(Decoded::Paste("half a pas".into())));
        assert!(!d.pending());
        // A megabyte is read, and only MAX_PASTE of it kept.
        let mut big = b"\x1b[200~".to_vec();
        big.extend(std::iter::repeat_n(b'x', 1 << 20));
        big.extend_from_slice(b"\x1b[201~");
        let mut d = Decoder::default();
        for chunk in big.chunks(4096) {
            d.feed(chunk);
            if let Some(Decoded::Paste(p)) = d.decoded() {
                assert_eq!(p.len(), MAX_PASTE);
                return;
            }
        }
        panic!("the paste did not end");
    }

    #[test]
    fn the_hide_key_is_found_in_raw_bytes() {
        assert_eq!(find_hide(b"xxxx\x1b[24~yyy"), Some(4));
        assert_eq!(find_hide(b"\x1b[24;2~"), Some(0));
        assert_eq!(find_hide(b"\x1b[23~\x1b[2"), None);
        assert_eq!(find_hide(b"[24~"), None);
    }
}
