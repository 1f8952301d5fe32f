//! One frame, one write. While a frame is drawn, everything the terminal is sent (the cells,
//! the cursor, colours) is held in memory; at the frame's end it goes out in a single write()
//! call, wrapped in a synchronized update. Over SSH that is one packet where it can be (a typed
//! character's frame had gone out in up to four), and a terminal that knows synchronized
//! updates paints the frame at once. Outside a frame, writes pass straight through.

use std::io::{self, Write};
use std::sync::{Arc, Mutex, PoisonError};

/// Begin and end of a synchronized update (DEC mode 2026); terminals without it ignore them.
const BEGIN: &[u8] = b"\x1b[?2026h";
const END: &[u8] = b"\x1b[?2026l";

struct State<W> {
    inner: W,
    holding: bool,
    frame: Vec<u8>,
}

/// The terminal's output. Cloned handles share it: the drawing side writes, the loop marks
/// where a frame begins and ends.
pub struct FrameOut<W: Write>(Arc<Mutex<State<W>>>);

impl<W: Write> Clone for FrameOut<W> {
    fn clone(&self) -> Self {
        FrameOut(Arc::clone(&self.0))
    }
}

impl<W: Write> FrameOut<W> {
    pub fn new(inner: W) -> Self {
        FrameOut(Arc::new(Mutex::new(State { inner, holding: false, frame: Vec::new() })))
    }

    fn state(&self) -> std::sync::MutexGuard<'_, State<W>> {
        self.0.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// A frame begins: hold what is written until it ends.
    pub fn begin(&self) {
        self.state().holding = true;
    }

    /// The frame ends: send it, in one write, inside a synchronized update.
    pub fn end(&self) -> io::Result<()> {
        let mut s = self.state();
        s.holding = false;
        if s.frame.is_empty() {
            return Ok(());
        }
        let mut all = Vec::with_capacity(BEGIN.len() + s.frame.len() + END.len());
        all.extend_from_slice(BEGIN);
        all.append(&mut s.frame);
        all.extend_from_slice(END);
        s.inner.write_all(&all)?;
        s.inner.flush()
    }
}

impl<W: Write> Write for FrameOut<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let mut s = self.state();
        if s.holding {
            s.frame.extend_from_slice(buf);
            Ok(buf.len())
        } else {
            s.inner.write(buf)
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        let mut s = self.state();
        if s.holding { Ok(()) } else { s.inner.flush() }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::backend::CrosstermBackend;
    use ratatui::layout::{Position, Rect};
    use ratatui::widgets::{Block, Paragraph};
    use ratatui::{Terminal, TerminalOptions, Viewport};

    /// Counts the write() calls it is given.
    #[derive(Clone, Default)]
    struct Calls(Arc<Mutex<Vec<Vec<u8>>>>);

    impl Write for Calls {
        fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
            self.0.lock().unwrap().push(buf.to_vec());
            Ok(buf.len())
        }
        fn flush(&mut self) -> io::Result<()> {
            Ok(())
        }
    }

    #[test]
    fn a_frame_with_its_cursor_goes_out_in_one_write() {
        let calls = Calls::default();
        let out = FrameOut::new(calls.clone());
        let backend = CrosstermBackend::new(crate::ui::sgr::Named16::new(out.clone()));
        let viewport = Viewport::Fixed(Rect::new(0, 0, 80, 24));
        let mut term = Terminal::with_options(backend, TerminalOptions { viewport }).unwrap();
        for text in ["first", "second"] {
            out.begin();
            term.draw(|f| {
                f.render_widget(Paragraph::new(text).block(Block::bordered()), f.area());
                f.set_cursor_position(Position::new(3, 1));
            })
            .unwrap();
            out.end().unwrap();
        }
        {
            let calls = calls.0.lock().unwrap();
            assert_eq!(calls.len(), 2, "one write a frame");
            for frame in calls.iter() {
                assert!(frame.starts_with(BEGIN) && frame.ends_with(END));
            }
            assert!(String::from_utf8_lossy(&calls[1]).contains("second"));
        }
        // Outside a frame, writes pass straight through.
        let mut direct = out.clone();
        direct.write_all(b"x").unwrap();
        assert_eq!(calls.0.lock().unwrap().last().map(Vec::as_slice), Some(&b"x"[..]));
    }
}
