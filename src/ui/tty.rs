//! The real terminal: a thread reads the raw bytes as they come and looks in each read for the
//! hide key before anything else; the loop decodes the rest (`keys_in`). However much input is
//! waiting (a megabyte pasted, a paste that never ended), F12 goes ahead of it and what waits
//! behind it is dropped. When the console locks, what is still coming in a run (the rest of a
//! paste trickling over a slow link) is dropped until the input goes quiet, so nothing typed
//! or pasted before the lock reaches the PIN field.

use std::io::{self, Read, Write};
use std::sync::{Arc, Condvar, Mutex, MutexGuard};
use std::time::{Duration, Instant};

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::crossterm::terminal::{self, ClearType};
use ratatui::crossterm::{cursor, execute};

use crate::ui::app::Input;
use crate::ui::event_loop::{Console, Next};
use crate::ui::frame_out::FrameOut;
use crate::ui::keys_in::{self, Decoded, Decoder};

/// How long a lone Esc (or a sequence cut short) waits for the rest before it counts as typed.
const ESC_WAIT: Duration = Duration::from_millis(30);
/// How long a bracketed paste may go without a byte before it is ended as it stands.
const PASTE_QUIET: Duration = Duration::from_millis(800);
/// After a lock, input that keeps coming with gaps shorter than this is the rest of something
/// typed or pasted before it, and dropped.
const QUIET: Duration = Duration::from_millis(300);
/// The most input held unread (more than anyone types); what comes beyond it is dropped.
const MAX_WAITING: usize = 4 << 20;
/// At a hide, input still waiting up to this much is what was typed just before it: it reaches
/// the form (and its draft) first. More is a paste under way, dropped so the hide waits for
/// nothing.
const TYPED: usize = 256;

#[derive(Default)]
struct Inbox {
    bytes: Vec<u8>,
    /// F12 came: hide before anything else.
    hide: bool,
    resized: bool,
    closed: bool,
    /// The console locked: drop input until it goes quiet.
    dropping: bool,
    /// When the last read came.
    last_read: Option<Instant>,
    /// The end of the last read, where a hide key split between reads begins.
    tail: Vec<u8>,
}

struct Shared {
    inbox: Mutex<Inbox>,
    ready: Condvar,
}

impl Shared {
    fn lock(&self) -> MutexGuard<'_, Inbox> {
        self.inbox.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// One read's bytes arrived.
    fn arrived(&self, chunk: &[u8], now: Instant) {
        let mut inbox = self.lock();
        inbox.take_read(chunk, now);
        self.ready.notify_one();
    }
}

impl Inbox {
    /// What one read brought: the hide key is looked for first (also across two reads); what
    /// came before it in the read is kept (typed before the hide, it goes to the form's
    /// draft), what came after it is dropped. After a lock, what keeps coming on the heels of
    /// the input before it is dropped until the input goes quiet.
    fn take_read(&mut self, chunk: &[u8], now: Instant) {
        let quiet = self.last_read.is_none_or(|t| now.duration_since(t) >= QUIET);
        self.last_read = Some(now);
        let carried = self.tail.len();
        let mut scan = std::mem::take(&mut self.tail);
        scan.extend_from_slice(chunk);
        let hide = keys_in::find_hide(&scan);
        // The start of a hide key the next read may end (never a whole one: it would count
        // again).
        let keep = if hide.is_some() { 0 } else { keys_in::F12.len() - 1 };
        self.tail = scan[scan.len() - keep.min(scan.len())..].to_vec();
        let kept = match hide {
            Some(at) => {
                self.hide = true;
                &chunk[..at.saturating_sub(carried)]
            }
            None if self.dropping && !quiet => &[][..],
            None => {
                self.dropping = false;
                chunk
            }
        };
        if self.bytes.len() + kept.len() <= MAX_WAITING {
            self.bytes.extend_from_slice(kept);
        }
    }
}

pub struct Tty {
    shared: Arc<Shared>,
    decoder: Decoder,
    /// F12 came behind a few typed keys: they go first, then the hide.
    hide_after: bool,
    /// The terminal's output, which holds each frame until it is whole.
    out: FrameOut<io::Stdout>,
}

impl Tty {
    /// Start reading the terminal (raw mode is already on).
    pub fn start(out: FrameOut<io::Stdout>) -> Tty {
        let shared = Arc::new(Shared { inbox: Mutex::default(), ready: Condvar::new() });
        let reader = Arc::clone(&shared);
        std::thread::spawn(move || {
            let mut stdin = io::stdin();
            let mut buf = vec![0u8; 64 * 1024];
            loop {
                match stdin.read(&mut buf) {
                    Ok(0) | Err(_) => {
                        reader.lock().closed = true;
                        reader.ready.notify_one();
                        return;
                    }
                    Ok(n) => reader.arrived(&buf[..n], Instant::now()),
                }
            }
        });
        watch_signals(&shared);
        Tty { shared, decoder: Decoder::default(), hide_after: false, out }
    }

    fn take(&mut self, d: Decoded) -> Next {
        match d {
            Decoded::Key(k) => Next::Input(Input::Key(k)),
            Decoded::Paste(text) => Next::Input(Input::Paste(text)),
            Decoded::Hide => hide_key(),
        }
    }
}

fn hide_key() -> Next {
    Next::Input(Input::Key(KeyEvent::new(KeyCode::F(12), KeyModifiers::NONE)))
}

/// A resize (SIGWINCH) redraws; a hang-up (SIGHUP: the link dropped, though the terminal may
/// still answer reads for a while) ends the input as the end of the terminal does, so the
/// console leaves its loop and writes what it owes before it goes.
#[cfg(unix)]
fn watch_signals(shared: &Arc<Shared>) {
    use signal_hook::consts::{SIGHUP, SIGWINCH};
    let Ok(mut signals) = signal_hook::iterator::Signals::new([SIGWINCH, SIGHUP]) else {
        return;
    };
    let shared = Arc::clone(shared);
    std::thread::spawn(move || {
        for signal in signals.forever() {
            let mut inbox = shared.lock();
            if signal == SIGHUP {
                inbox.closed = true;
            } else {
                inbox.resized = true;
            }
            drop(inbox);
            shared.ready.notify_one();
        }
    });
}

#[cfg(not(unix))]
fn watch_signals(_shared: &Arc<Shared>) {}

impl Console for Tty {
    fn next(&mut self, timeout: Option<Duration>) -> io::Result<Next> {
        let started = Instant::now();
        loop {
            if self.hide_after {
                match self.decoder.decoded() {
                    Some(Decoded::Hide) | None => {}
                    Some(d) => return Ok(self.take(d)),
                }
                self.hide_after = false;
                self.decoder.clear();
                return Ok(hide_key());
            }
            {
                let mut inbox = self.shared.lock();
                if std::mem::take(&mut inbox.hide) {
                    let bytes = std::mem::take(&mut inbox.bytes);
                    if self.decoder.waiting() + bytes.len() <= TYPED {
                        self.decoder.feed(&bytes);
                        self.hide_after = true;
                        continue;
                    }
                    self.decoder.clear();
                    return Ok(hide_key());
                }
                if std::mem::take(&mut inbox.resized) {
                    return Ok(Next::Input(Input::Resize));
                }
                if !inbox.bytes.is_empty() {
                    let bytes = std::mem::take(&mut inbox.bytes);
                    self.decoder.feed(&bytes);
                }
                if inbox.closed && !self.decoder.pending() {
                    return Err(io::Error::from(io::ErrorKind::UnexpectedEof));
                }
            }
            if let Some(d) = self.decoder.decoded() {
                return Ok(self.take(d));
            }
            // Nothing whole yet: wait for more bytes, or for the time a key's rest or a
            // paste's end may take, or for the loop's own time.
            let partial = self.decoder.pending();
            let limit = if self.decoder.in_paste() {
                Some(PASTE_QUIET)
            } else if partial {
                Some(ESC_WAIT)
            } else {
                timeout.map(|t| t.saturating_sub(started.elapsed()))
            };
            let inbox = self.shared.lock();
            let waiting = |i: &mut Inbox| i.bytes.is_empty() && !i.hide && !i.resized && !i.closed;
            let (inbox, timed_out) = match limit {
                Some(t) => {
                    let (g, r) = self
                        .shared
                        .ready
                        .wait_timeout_while(inbox, t, waiting)
                        .unwrap_or_else(|e| e.into_inner());
                    (g, r.timed_out())
                }
                None => (
                    self.shared.ready.wait_while(inbox, waiting).unwrap_or_else(|e| e.into_inner()),
                    false,
                ),
            };
            if !timed_out {
                continue;
            }
            drop(inbox);
            if partial {
                if let Some(d) = self.decoder.flush() {
                    return Ok(self.take(d));
                }
                continue;
            }
            return Ok(Next::Timeout);
        }
    }

    fn drop_pending(&mut self) {
        self.hide_after = false;
        self.decoder.clear();
        let mut inbox = self.shared.lock();
        inbox.bytes.clear();
        inbox.dropping = true;
    }

    fn purge_scrollback(&mut self) -> io::Result<()> {
        execute!(
            io::stdout(),
            terminal::Clear(ClearType::All),
            terminal::Clear(ClearType::Purge),
            cursor::MoveTo(0, 0)
        )
    }

    fn begin_frame(&mut self) -> io::Result<()> {
        self.out.begin();
        Ok(())
    }

    /// The whole frame, in one write (see `frame_out`).
    fn end_frame(&mut self) -> io::Result<()> {
        self.out.end()
    }

    /// OSC 52: the terminal puts the text on the clipboard of the machine the user sits at.
    fn copy(&mut self, text: &str) -> io::Result<()> {
        let mut out = io::stdout();
        write!(out, "\x1b]52;c;{}\x07", crate::domain::base64::encode(text.as_bytes()))?;
        out.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Moments `n` milliseconds after one start.
    fn clock() -> impl Fn(u64) -> Instant {
        let t0 = Instant::now();
        move |n| t0 + Duration::from_millis(n)
    }

    #[test]
    fn a_read_is_scanned_for_the_hide_key_first() {
        let ms = clock();
        let mut inbox = Inbox::default();
        // Typed just before the hide, in the same read: kept; after it: dropped.
        inbox.take_read(b"5087\x1b[24~xyz", ms(0));
        assert!(inbox.hide);
        assert_eq!(inbox.bytes, b"5087");
        // The hide key split between two reads is found, once.
        let mut inbox = Inbox::default();
        inbox.take_read(b"ab\x1b[2", ms(0));
        assert!(!inbox.hide);
        inbox.take_read(b"4~cd", ms(10));
        assert!(inbox.hide);
        assert_eq!(inbox.bytes, b"ab\x1b[2");
        inbox.hide = false;
        inbox.take_read(b" ", ms(500));
        assert!(!inbox.hide, "the key after a hide is not the hide again");
    }

    #[test]
    fn after_a_lock_input_on_the_heels_of_what_came_before_is_dropped() {
        let ms = clock();
        let mut inbox = Inbox::default();
        inbox.take_read(b"pasted text trick", ms(0));
        // The console locks; the rest of the paste keeps coming.
        inbox.bytes.clear();
        inbox.dropping = true;
        for (i, part) in [&b"ling in "[..], &b"at 1 KB/s"[..]].iter().enumerate() {
            inbox.take_read(part, ms(100 * (i as u64 + 1)));
        }
        assert!(inbox.bytes.is_empty(), "{:?}", String::from_utf8_lossy(&inbox.bytes));
        // A pause, then the person types the PIN.
        inbox.take_read(b"5", ms(900));
        inbox.take_read(b"0", ms(1000));
        assert_eq!(inbox.bytes, b"50");
        assert!(!inbox.dropping);
    }
}
