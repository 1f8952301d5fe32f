//! Bytes on the wire: what the console writes to the terminal, at 80x24, for a typed character,
//! a focus move, a screen switch and a full redraw, beside what a bare ratatui program writes
//! for the same kinds of change (one cell, a highlighted row that moves, a new page of text, a
//! whole frame). Over a shelter's slow link these bytes set the pace, so each is held to about
//! 1.5 times the bare program's. Both go through the same backend as the console in the field
//! (crossterm, the named-colour writer, a synchronized update around each frame).
//!
//! Run with `cargo bench --bench wire_bytes`. It exits non-zero when a figure is over its bound.

mod common;

use std::cell::RefCell;
use std::io::Write;
use std::rc::Rc;

use intake::domain::staff::Role;
use intake::store::{DbPaths, Store};
use intake::ui::App;
use intake::ui::app::Input;
use intake::ui::frame_out::FrameOut;
use intake::ui::sgr::Named16;
use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::crossterm::{QueueableCommand, terminal};
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::Line;
use ratatui::widgets::{Block, Paragraph};
use ratatui::{Frame, Terminal, TerminalOptions, Viewport};

/// The terminal's side of the wire: the bytes it is sent and the write() calls that send them.
#[derive(Clone, Default)]
struct Tap(Rc<RefCell<(Vec<u8>, usize)>>);

impl Write for Tap {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let mut t = self.0.borrow_mut();
        t.0.extend_from_slice(buf);
        t.1 += 1;
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

impl Tap {
    fn len(&self) -> usize {
        self.0.borrow().0.len()
    }
    fn calls(&self) -> usize {
        self.0.borrow().1
    }
}

/// A terminal at 80x24 writing through the console's own output stack (the named-colour writer
/// over one write a frame), and that output's frame marks.
struct Term {
    term: Terminal<CrosstermBackend<Named16<FrameOut<Tap>>>>,
    out: FrameOut<Tap>,
}

fn terminal(tap: &Tap) -> Term {
    let out = FrameOut::new(tap.clone());
    let backend = CrosstermBackend::new(Named16::new(out.clone()));
    let viewport = Viewport::Fixed(Rect::new(0, 0, 80, 24));
    let term = Terminal::with_options(backend, TerminalOptions { viewport }).expect("terminal");
    Term { term, out }
}

/// The bytes one frame sends, as the console sends each frame.
fn frame(term: &mut Term, tap: &Tap, draw: impl FnOnce(&mut Frame)) -> usize {
    let before = tap.len();
    term.out.begin();
    term.term.draw(draw).expect("draw");
    term.out.end().expect("frame");
    tap.len() - before
}

/// A whole frame again, as after a quick hide or a resize: the screen and scrollback cleared
/// (as the console purges them), then every cell that is not blank sent.
fn full(tap: &Tap, draw: impl FnOnce(&mut Frame)) -> usize {
    let before = tap.len();
    let mut purge = tap.clone();
    purge.queue(terminal::Clear(terminal::ClearType::All)).expect("clear");
    purge.queue(terminal::Clear(terminal::ClearType::Purge)).expect("purge");
    purge.queue(ratatui::crossterm::cursor::MoveTo(0, 0)).expect("home");
    let mut fresh = terminal(tap);
    frame(&mut fresh, tap, draw);
    tap.len() - before
}

/// A bare ratatui program: a title line, a bordered box of 20 rows with one row highlighted
/// (page 1 a menu, page 2 a form as wide as the console's: no row alike), a status line and a key bar, in the colours a
/// console uses; `typed` is text typed into the highlighted row.
fn bare(f: &mut Frame, page: usize, selected: usize, typed: &str) {
    let [top, body, status, bar] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Fill(1),
        Constraint::Length(1),
        Constraint::Length(1),
    ])
    .areas(f.area());
    let bold = Style::default().add_modifier(Modifier::BOLD).fg(Color::Cyan);
    let title = if page == 1 { " program · Menu" } else { " program · A form to fill in" };
    f.render_widget(Paragraph::new(title).style(bold), top);
    let lines: Vec<Line> = (0..20)
        .map(|i| {
            let mut text = if page == 1 {
                format!(" {i:>2}  Menu entry number {i}, which opens a screen")
            } else {
                format!(" *Label of field {i:<9} [{:<48}]", format!("value {i}"))
            };
            if i == selected {
                text.push_str(typed);
                Line::styled(text, Style::default().add_modifier(Modifier::REVERSED))
            } else {
                Line::raw(text)
            }
        })
        .collect();
    f.render_widget(Paragraph::new(lines).block(Block::bordered().title(title)), body);
    f.render_widget(Paragraph::new(" Saved.").style(Style::default().fg(Color::Green)), status);
    let keys = if page == 1 { " F12 Hide  F1 Help  Enter Open" } else { " Ctrl+S Save  Esc Back" };
    f.render_widget(Paragraph::new(keys).style(Style::default().fg(Color::Yellow)), bar);
}

fn key(app: &mut App, code: KeyCode) {
    app.handle(Input::Key(KeyEvent::new(code, KeyModifiers::NONE)));
}

fn typed(app: &mut App, text: &str) {
    for c in text.chars() {
        key(app, KeyCode::Char(c));
    }
}

fn main() {
    // The bare program's four figures.
    let tap = Tap::default();
    let mut term = terminal(&tap);
    frame(&mut term, &tap, |f| bare(f, 1, 0, ""));
    let bare_switch = frame(&mut term, &tap, |f| bare(f, 2, 0, ""));
    let bare_focus = frame(&mut term, &tap, |f| bare(f, 2, 1, ""));
    let bare_char = frame(&mut term, &tap, |f| bare(f, 2, 1, "a"));
    let bare_full = full(&tap, |f| bare(f, 2, 1, "a"));

    // The console: logged in, on home; then a new contact's form.
    let dir = tempfile::tempdir().expect("temp dir");
    let paths = DbPaths::new(dir.path().join("wire.db"), None);
    let mut store = Store::open(&paths, true).expect("store");
    common::add_account(&mut store, "ana", "Ana García", Role::Admin, "Enlace Comunitario");
    let mut app = App::new(store, common::console_options()).expect("app");
    let tap = Tap::default();
    let mut term = terminal(&tap);
    typed(&mut app, "ana");
    key(&mut app, KeyCode::Enter);
    typed(&mut app, "508731");
    key(&mut app, KeyCode::Enter);
    frame(&mut term, &tap, |f: &mut Frame| intake::ui::screens::draw(f, &app));
    typed(&mut app, "c");
    let switch = frame(&mut term, &tap, |f: &mut Frame| intake::ui::screens::draw(f, &app));
    key(&mut app, KeyCode::Tab);
    let focus = frame(&mut term, &tap, |f: &mut Frame| intake::ui::screens::draw(f, &app));
    // The notes, and a character typed into them.
    for _ in 0..16 {
        key(&mut app, KeyCode::Tab);
    }
    frame(&mut term, &tap, |f: &mut Frame| intake::ui::screens::draw(f, &app));
    typed(&mut app, "a");
    let char_typed = frame(&mut term, &tap, |f: &mut Frame| intake::ui::screens::draw(f, &app));
    let redraw = full(&tap, |f: &mut Frame| intake::ui::screens::draw(f, &app));
    let calls = tap.calls();
    typed(&mut app, "b");
    frame(&mut term, &tap, |f: &mut Frame| intake::ui::screens::draw(f, &app));
    let calls_a_frame = tap.calls() - calls;
    // Idle: nothing changed, so the loop draws nothing (tests/console.rs holds it to that).

    // The field trial's figures for a bare ratatui program over SSH, for comparison.
    println!("bytes written at 80x24            console   bare ratatui   ratio   field trial");
    let mut over = false;
    for (name, ours, theirs, trial) in [
        ("a typed character", char_typed, bare_char, 60),
        ("a focus move (Tab)", focus, bare_focus, 250),
        ("a screen switch (home to a form)", switch, bare_switch, 3000),
        ("a full redraw", redraw, bare_full, 4000),
    ] {
        let ratio = ours as f64 / theirs as f64;
        let bound = ratio <= 1.5;
        over |= !bound;
        let mark = if bound { "" } else { "   OVER 1.5x" };
        println!("{name:<34}{ours:>7}{theirs:>15}{ratio:>8.2}{trial:>14}{mark}");
    }
    println!("write() calls for a typed character's frame: {calls_a_frame} (bound: 1)");
    if over || calls_a_frame != 1 {
        std::process::exit(1);
    }
}
