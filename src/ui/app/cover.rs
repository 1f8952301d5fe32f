//! Quick hide and lock. The screen goes blank first; what the hide owes the database (the
//! draft of the form it covered, its audit row) is written after, each write giving up at once
//! while another process holds the write lock and tried again a moment later: a long import
//! never holds a hide back, and nothing owed is dropped. A login of another user, a logout and
//! the end of the program write what is still owed first, with the usual patience. A draft
//! kept while typing waits no longer either: while the database is busy it is kept a moment
//! later.

use std::collections::VecDeque;
use std::time::{Duration, Instant};

use crate::auth::{Actor, accounts};
use crate::ui::effect::Effect;
use crate::ui::screen::{Ctx, Screen};

use super::App;

/// How long a write the console makes on its own (a draft, what a hide owes) waits for another
/// process's write lock before it is left for later.
pub const QUICK: Duration = Duration::from_millis(100);

/// How soon a write left for later is tried again.
pub const RETRY: Duration = Duration::from_millis(500);

/// What a hide or a lock still owes the database.
#[derive(Default)]
pub struct Owed {
    /// The draft of the covered form, to be kept as the session was at the hide (another user
    /// may log in on the lock screen before it is written).
    draft: Option<Ctx>,
    /// Audit rows: who, and what happened.
    events: VecDeque<(Actor, &'static str)>,
    /// When to try again (a write found the database busy).
    retry_at: Option<Instant>,
}

impl Owed {
    pub fn is_empty(&self) -> bool {
        self.draft.is_none() && self.events.is_empty() && self.retry_at.is_none()
    }

    /// The audit rows still owed (what a test, or the end of the program, looks at).
    pub fn events(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.events.iter().map(|(_, e)| *e)
    }
}

impl App {
    /// Quick hide: nothing identifying stays on screen or in the scrollback; the session locks.
    pub fn hide(&mut self) {
        self.cover();
        let event = if self.session.is_open() { "hide" } else { "hide_login" };
        self.owed.events.push_back((self.actor(), event));
    }

    /// Lock now (by key or after the idle time): clear the screen and ask for the PIN.
    pub fn lock(&mut self, event: &'static str) {
        if !self.session.is_open() || matches!(self.screen, Screen::Locked(_)) {
            return;
        }
        self.cover();
        self.reveal_lock_screen();
        self.redraw = true;
        self.owed.events.push_back((self.actor(), event));
    }

    /// Called by the loop when no input came for the idle time.
    pub fn on_idle(&mut self) {
        self.lock("lock_idle");
    }

    /// Take everything off the screen (and out of the scrollback), keeping the screen in front
    /// for the same user's unlock; its draft is owed.
    fn cover(&mut self) {
        let front = std::mem::replace(&mut self.screen, Screen::Hidden);
        if front.page().is_some() && self.session.is_open() {
            self.owed.draft = Some(self.ctx());
        }
        self.session.suspend(front);
        self.overlay = None;
        self.status = None;
        self.purge = true;
    }

    /// The screen is blank or asks for the PIN.
    pub fn covered(&self) -> bool {
        matches!(self.screen, Screen::Hidden | Screen::Locked(_))
    }

    /// A hide or a lock has just left something owed, not yet tried.
    pub fn owes_now(&self) -> bool {
        self.owed.retry_at.is_none() && (self.owed.draft.is_some() || !self.owed.events.is_empty())
    }

    /// When the loop should next try what is owed (None: nothing is).
    pub fn owed_due_in(&self, now: Instant) -> Option<Duration> {
        self.owed.retry_at.map(|t| t.saturating_duration_since(now))
    }

    /// Write what a hide or a lock owes, and a draft left for later: each write waits at most
    /// `patience` for another process's lock (None: the usual 30 seconds). What finds the
    /// database busy is tried again after `RETRY`.
    pub fn pay_owed(&mut self, patience: Option<Duration>) {
        self.owed.retry_at = None;
        let mut busy = false;
        if let Some(ctx) = self.owed.draft.take() {
            let kept = match self.session.suspended.as_mut().and_then(Screen::page_mut) {
                Some(page) => keep(&mut self.store, page, &ctx, patience),
                // The screen is in front again: its own draft is kept as it is typed in.
                None => Kept::Done(Vec::new()),
            };
            match kept {
                Kept::Done(effects) => self.run(effects),
                Kept::Busy => (self.owed.draft, busy) = (Some(ctx), true),
            }
        }
        while !busy && let Some((actor, event)) = self.owed.events.pop_front() {
            let store = &mut self.store;
            let written = within(store, patience, |s| accounts::session_event(s, actor, event));
            match written {
                Err(e) if e.is_busy() => {
                    self.owed.events.push_front((actor, event));
                    busy = true;
                }
                other => self.report(other),
            }
        }
        if !busy && self.owed.retry_at.is_none() && self.drafts_behind {
            self.drafts_behind = false;
            self.keep_drafts_within(patience);
        }
        if busy || self.drafts_behind {
            self.owed.retry_at = Some(Instant::now() + RETRY);
        }
    }

    /// Keep whatever form is in front as a draft, if it changed since it was last kept. While
    /// another process holds the write lock it is kept a moment later, never waited for.
    pub fn keep_drafts(&mut self) {
        // Already behind: the loop tries again when it is due, not at every key.
        if self.drafts_behind && self.owed.retry_at.is_some_and(|t| t > Instant::now()) {
            return;
        }
        self.keep_drafts_within(Some(QUICK));
    }

    /// Keep the draft, each write waiting at most `patience` (None: the usual 30 seconds, as
    /// at the end of the program, when there is no later).
    pub fn keep_drafts_within(&mut self, patience: Option<Duration>) {
        let ctx = self.ctx();
        let Some(page) = self.screen.page_mut() else { return };
        match keep(&mut self.store, page, &ctx, patience) {
            Kept::Done(effects) => self.run(effects),
            Kept::Busy => {
                self.drafts_behind = true;
                self.owed.retry_at.get_or_insert(Instant::now() + RETRY);
            }
        }
    }
}

enum Kept {
    /// Written (or nothing to write): what the screen asks next.
    Done(Vec<Effect>),
    /// The database was busy: nothing written, try again later.
    Busy,
}

fn within<T>(
    store: &mut crate::store::Store,
    patience: Option<Duration>,
    f: impl FnOnce(&mut crate::store::Store) -> T,
) -> T {
    match patience {
        Some(p) => store.with_patience(p, f),
        None => f(store),
    }
}

/// Keep `page`'s form as a draft: the screen's own draft job, run here so that a busy database
/// leaves it for later (the screen's kept revision does not move, so nothing is lost).
fn keep(
    store: &mut crate::store::Store,
    page: &mut dyn crate::ui::screen::Page,
    ctx: &Ctx,
    patience: Option<Duration>,
) -> Kept {
    let mut then = Vec::new();
    for effect in page.draft(ctx) {
        match effect {
            Effect::Run(job) => match within(store, patience, |s| job(s, ctx)) {
                Ok(done) => then.extend(page.on_done(done, ctx)),
                Err(e) if e.is_busy() => return Kept::Busy,
                Err(e) => then.push(Effect::Fail(e)),
            },
            other => then.push(other),
        }
    }
    Kept::Done(then)
}
