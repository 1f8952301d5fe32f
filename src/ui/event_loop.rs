//! The one event loop. It waits for input without spinning (blocking read, or a timeout only
//! as long as the idle lock needs), draws only after something changed, and coalesces bursts
//! of input (pastes, resize storms) into one frame.

use std::io::{self, IsTerminal, Write};
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use ratatui::backend::Backend;
use ratatui::crossterm::event;
use ratatui::crossterm::terminal::{self, ClearType};
use ratatui::crossterm::{cursor, execute};
use ratatui::{Terminal, backend::CrosstermBackend};

use crate::auth::accounts::SessionEnd;
use crate::error::Error;
use crate::i18n::Msg;
use crate::store::Store;
use crate::ui::app::{App, Input, Options, Screen};
use crate::ui::frame_out::FrameOut;
use crate::ui::screens;

/// What waiting for input gave.
pub enum Next {
    Input(Input),
    /// The timeout passed with no input.
    Timeout,
    /// Something the console does not use (a key release, mouse, focus).
    Ignored,
}

/// The terminal side of the loop: where input comes from, and what a lock must wipe.
pub trait Console {
    /// Wait for input, at most `timeout` (forever when None).
    fn next(&mut self, timeout: Option<Duration>) -> io::Result<Next>;
    /// Clear the scrollback (the visible screen is cleared by the loop).
    fn purge_scrollback(&mut self) -> io::Result<()>;
    fn begin_frame(&mut self) -> io::Result<()> {
        Ok(())
    }
    fn end_frame(&mut self) -> io::Result<()> {
        Ok(())
    }
    /// Put text on the user's own clipboard (the terminal's, over SSH too).
    fn copy(&mut self, _text: &str) -> io::Result<()> {
        Ok(())
    }
    /// The console locked or hid: drop whatever input is still waiting or coming in a run.
    fn drop_pending(&mut self) {}
}

fn other<E: std::fmt::Display>(e: E) -> io::Error {
    io::Error::other(e.to_string())
}

/// How often an open session reads the idle-lock setting while nothing is typed.
pub const SETTINGS_EVERY: Duration = Duration::from_secs(60);

/// How long to wait for input: until the idle lock is due, or the next read of the settings
/// (only while a session is open, which is when `idle` is known), or a scheduled tick; with
/// none of them, for as long as it takes.
fn wait_limit(
    idle: Option<Duration>,
    settings: Duration,
    tick: Option<Duration>,
) -> Option<Duration> {
    let session = idle.map(|i| i.min(settings));
    match (session, tick) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    }
}

/// Run until the app quits or the terminal goes away.
pub fn run<B: Backend>(
    terminal: &mut Terminal<B>,
    app: &mut App,
    console: &mut impl Console,
) -> io::Result<()> {
    let mut last_input = Instant::now();
    let mut settings_read = Instant::now();
    loop {
        if app.purge {
            // Not Terminal::clear: it asks the terminal for the cursor position, and a terminal
            // that does not answer (or a slow link) would stall or fail the hide.
            let size = terminal.size().map_err(other)?;
            terminal
                .resize(ratatui::layout::Rect::new(0, 0, size.width, size.height))
                .map_err(other)?;
            console.purge_scrollback()?;
            app.purge = false;
            app.redraw = true;
        }
        if app.quit {
            return Ok(());
        }
        if app.redraw {
            console.begin_frame()?;
            terminal.draw(|f| screens::draw(f, app)).map_err(other)?;
            console.end_frame()?;
            app.redraw = false;
        }
        if let Some(text) = app.clipboard.take() {
            console.copy(&text)?;
        }
        // What a hide or a lock owes the database is written once the screen is blank; what
        // finds the database busy waits for a later turn of the loop.
        if app.owed.due(Instant::now()) || app.owed.owes_now() {
            app.pay_owed(Some(crate::ui::app::QUICK));
        }
        // Wait for a key, or until the idle lock or a scheduled search is due. With a session
        // open, wake at least once a minute to read the idle-lock setting (an administrator in
        // another console may change it): one small query a minute, and nothing drawn.
        let idle = app.idle_timeout().map(|t| t.saturating_sub(last_input.elapsed()));
        let settings = app.opts.settings_every.saturating_sub(settings_read.elapsed());
        let now = Instant::now();
        let due = match (app.search_due_in(now), app.owed.due_in(now)) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        };
        let timeout = wait_limit(idle, settings, due);
        match console.next(timeout)? {
            Next::Input(input) => {
                last_input = Instant::now();
                // Take whatever else is already waiting before drawing again, and keep the
                // draft once for the whole burst rather than once a key.
                app.drafts_deferred = true;
                app.handle(input);
                while !app.quit && !app.purge {
                    match console.next(Some(Duration::ZERO))? {
                        Next::Input(input) => app.handle(input),
                        Next::Ignored => {}
                        Next::Timeout => break,
                    }
                }
                app.drafts_deferred = false;
                if app.purge && matches!(app.screen, Screen::Hidden | Screen::Locked(_)) {
                    // Nothing typed before a hide or a lock reaches the lock screen.
                    console.drop_pending();
                }
                app.keep_drafts_within(Some(crate::ui::app::QUICK));
            }
            Next::Timeout => {
                if app.owed.due(Instant::now()) {
                    app.pay_owed(Some(crate::ui::app::QUICK));
                }
                app.on_timer(Instant::now());
                if app.idle_timeout().is_some()
                    && settings_read.elapsed() >= app.opts.settings_every
                {
                    app.session.reload(&app.store);
                    settings_read = Instant::now();
                }
                if app.idle_timeout().is_some_and(|t| last_input.elapsed() >= t) {
                    app.lock("lock_idle");
                    console.drop_pending();
                }
            }
            Next::Ignored => {}
        }
    }
}

fn setup_terminal() -> io::Result<()> {
    terminal::enable_raw_mode()?;
    execute!(
        io::stdout(),
        terminal::EnterAlternateScreen,
        event::EnableBracketedPaste,
        // A neutral title: never a record or a user name.
        terminal::SetTitle("intake"),
        terminal::Clear(ClearType::All),
    )
}

/// Put the terminal back as it was: on exit, on error and on panic. Clears what was shown.
pub fn restore_terminal() {
    let mut out = io::stdout();
    let _ = execute!(
        out,
        terminal::Clear(ClearType::All),
        terminal::Clear(ClearType::Purge),
        event::DisableBracketedPaste,
        terminal::LeaveAlternateScreen,
        cursor::Show,
    );
    let _ = terminal::disable_raw_mode();
    let _ = out.flush();
}

/// The console needs a terminal on both ends; say so clearly when it has none.
pub fn require_terminal() -> crate::Result<()> {
    if !io::stdout().is_terminal() || !io::stdin().is_terminal() {
        return Err(Error::user(Msg::ErrNotTerminal));
    }
    Ok(())
}

/// Start the console, on a real terminal, on the database at `paths` (made, with its key, when there is none): a
/// new database starts with the checked directory of services.
/// The staff account and key fingerprint a forced SSH command names (`intake ssh-login`).
pub struct KeyLogin {
    pub username: String,
    pub fingerprint: String,
}

pub fn start(
    paths: &crate::store::DbPaths,
    ascii: bool,
    lang: crate::i18n::Lang,
    key: Option<KeyLogin>,
) -> crate::Result<()> {
    // Nothing is made without a terminal. A key's connection is checked first (a command sent
    // in place of the console is refused and recorded, terminal or not).
    if key.is_none() {
        require_terminal()?;
    }
    // Over SSH the console never makes a database or its first administrator: the first person
    // to connect must not be the one who sets up the task force. That is done on the host.
    let over_ssh = std::env::var_os("SSH_CONNECTION").is_some();
    let missing = paths.db.metadata().map(|m| m.len() == 0).unwrap_or(true);
    if over_ssh && missing {
        let path = paths.db.display().to_string();
        return Err(crate::Error::user_with(crate::i18n::Msg::ErrNoSetUpOverSsh, &[&path]));
    }
    let mut store = Store::open_or_create(paths)?;
    if over_ssh && crate::store::users::count_users(store.conn())? == 0 {
        let path = paths.db.display().to_string();
        return Err(crate::Error::user_with(crate::i18n::Msg::ErrNoSetUpOverSsh, &[&path]));
    }
    // Over SSH the PIN is the second factor: the first is a staff key, whose forced command
    // names its account. A PIN alone over SSH does not open the console.
    let key_user = match (over_ssh, key) {
        (true, None) => return Err(crate::Error::user(crate::i18n::Msg::ErrSshNeedsKey)),
        (_, Some(k)) => Some(crate::service::ssh::admit(&mut store, &k.username, &k.fingerprint)?),
        (false, None) => None,
    };
    require_terminal()?;
    // Sessions of consoles killed without a word are ended now, as closed.
    crate::auth::accounts::end_sessions_of_dead(&mut store, jiff::Timestamp::now())?;
    watch_for_hangup(paths);
    let opts = Options {
        cost: crate::auth::pin::PRODUCTION,
        theme: crate::ui::theme::Theme::from_env(ascii),
        lang,
        clock: jiff::Timestamp::now,
        key_user,
        settings_every: SETTINGS_EVERY,
    };
    run_console(store, opts)
}

/// A dropped link hangs the terminal up (SIGHUP); a shutdown stops the process (SIGTERM). Either
/// way the console must not just vanish: a thread waits for the signal, ends this process's
/// session in the database (audited as "link_dropped" or "stopped"), and ends the process. What was typed is
/// already kept, as a draft, at each change.
/// The console's own thread has ended its session (or had none open) on its way out.
static ENDED: AtomicBool = AtomicBool::new(false);

/// The console's own thread has left its loop (its terminal went away) and is ending.
static LEAVING: AtomicBool = AtomicBool::new(false);

#[cfg(unix)]
fn watch_for_hangup(paths: &crate::store::DbPaths) {
    use signal_hook::consts::{SIGHUP, SIGTERM};
    let Ok(mut signals) = signal_hook::iterator::Signals::new([SIGHUP, SIGTERM]) else { return };
    let paths = paths.clone();
    std::thread::spawn(move || {
        if let Some(signal) = signals.forever().next() {
            let how = if signal == SIGHUP { SessionEnd::LinkDropped } else { SessionEnd::Stopped };
            // The console's own thread ends its session on its way out (a hang-up ends its
            // input too): give it a moment (the process may not outlive the hang-up long),
            // rather than open a second connection while it writes (SQLCipher can then refuse
            // one of the two). If it does not finish, end the session from here, trying again
            // while a connection is refused.
            let deadline = std::time::Instant::now() + std::time::Duration::from_millis(300);
            while signal == SIGHUP
                && !ENDED.load(Ordering::SeqCst)
                && !LEAVING.load(Ordering::SeqCst)
                && std::time::Instant::now() < deadline
            {
                std::thread::sleep(std::time::Duration::from_millis(20));
            }
            // It is on its way out: it writes what a hide owes, then ends the session. Let it
            // (its writes wait for the lock no longer than this).
            let deadline = std::time::Instant::now() + std::time::Duration::from_secs(40);
            while LEAVING.load(Ordering::SeqCst)
                && !ENDED.load(Ordering::SeqCst)
                && std::time::Instant::now() < deadline
            {
                std::thread::sleep(std::time::Duration::from_millis(20));
            }
            for _ in 0..20 {
                if ENDED.load(Ordering::SeqCst) {
                    break;
                }
                if let Ok(mut store) = Store::open(&paths, false) {
                    let pid = i64::from(std::process::id());
                    let now = jiff::Timestamp::now();
                    if crate::auth::accounts::end_sessions_of(&mut store, pid, how, now).is_ok() {
                        break;
                    }
                }
                std::thread::sleep(std::time::Duration::from_millis(50));
            }
            std::process::exit(0);
        }
    });
}

#[cfg(not(unix))]
fn watch_for_hangup(_paths: &crate::store::DbPaths) {}

pub fn run_console(store: Store, opts: Options) -> crate::Result<()> {
    require_terminal()?;
    let mut app = App::new(store, opts)?;
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore_terminal();
        previous(info);
    }));
    setup_terminal()?;
    let out = FrameOut::new(io::stdout());
    let mut console = crate::ui::tty::Tty::start(out.clone());
    let result = Terminal::new(CrosstermBackend::new(crate::ui::sgr::Named16::new(out)))
        .and_then(|mut t| run(&mut t, &mut app, &mut console));
    LEAVING.store(true, Ordering::SeqCst);
    restore_terminal();
    // What a hide or a lock still owes (the link dropped right after F12, the database busy)
    // is written before the session ends, with the usual patience: the terminal is gone, so
    // nobody waits on it.
    app.pay_owed(None);
    if app.session.is_open() {
        // The terminal went away (a dropped link): record the session as ended so.
        let (actor, now) = (app.actor(), app.now());
        crate::auth::accounts::end_session(&mut app.store, actor, SessionEnd::LinkDropped, now)?;
    }
    ENDED.store(true, Ordering::SeqCst);
    match result {
        // The terminal went away (a hang-up, the end of its input): the console's normal end.
        Err(e) if e.kind() == io::ErrorKind::UnexpectedEof => Ok(()),
        other => other.map_err(Error::Io),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

    #[test]
    fn an_open_session_wakes_at_least_once_a_minute_and_nothing_else_does() {
        let (s, m) = (Duration::from_secs(1), Duration::from_secs(60));
        assert_eq!(wait_limit(Some(5 * m), m, None), Some(m), "the settings are read again");
        assert_eq!(wait_limit(Some(s), m, None), Some(s), "the lock comes first");
        assert_eq!(wait_limit(Some(5 * m), m, Some(s)), Some(s), "a search is due");
        assert_eq!(wait_limit(None, m, Some(s)), Some(s));
        assert_eq!(wait_limit(None, m, None), None, "no session: block until a key");
    }

    #[test]
    fn control_h_erases() {
        // ^H (PuTTY's Control-H, VT terminals) erases, as ^? does.
        let ctrl_h = KeyEvent::new(KeyCode::Char('h'), KeyModifiers::CONTROL);
        assert_eq!(
            crate::ui::keymap::Key::from_event(&ctrl_h),
            Some(crate::ui::keymap::Key::Backspace)
        );
    }
}
