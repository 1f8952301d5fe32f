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
use crate::store::Store;
use crate::ui::effect::Effect;
use crate::ui::screen::{Ctx, Page};

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
    /// The draft of the form in front found the database busy: it is kept a moment later.
    front_behind: bool,
    /// The audit rows owed as last kept in this console's file beside the key (`store::owed`).
    kept: Vec<(Actor, &'static str)>,
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

impl Owed {
    /// An audit row the hide or lock owes.
    pub fn event(&mut self, actor: Actor, event: &'static str) {
        self.events.push_back((actor, event));
    }

    /// The draft of the form a hide or lock covered, to be kept as `ctx`'s user.
    pub fn draft(&mut self, ctx: Ctx) {
        self.draft = Some(ctx);
    }

    /// A hide or a lock has just left something owed, not yet tried.
    pub fn owes_now(&self) -> bool {
        self.retry_at.is_none() && (self.draft.is_some() || !self.events.is_empty())
    }

    /// When the loop should next try what is owed (None: nothing is).
    pub fn due_in(&self, now: Instant) -> Option<Duration> {
        self.retry_at.map(|t| t.saturating_duration_since(now))
    }

    /// Whether a write left for later is due now.
    pub fn due(&self, now: Instant) -> bool {
        self.retry_at.is_some_and(|t| t <= now)
    }

    /// Whether the front form's draft may be tried now (not while it waits for its retry).
    pub fn front_may_try(&self, now: Instant) -> bool {
        !(self.front_behind && self.retry_at.is_some_and(|t| t > now))
    }

    /// Write what a hide or a lock owes: the covered form's draft (`covered`, the screen it
    /// suspended) and the audit rows, each write waiting at most `patience` for another
    /// process's lock (None: the usual 30 seconds). What finds the database busy is tried again
    /// after `RETRY`. Returns what the covered screen asks next (and the errors to show), and
    /// whether the front form's draft is to be kept again now.
    pub fn pay(
        &mut self,
        store: &mut Store,
        covered: Option<&mut dyn Page>,
        patience: Option<Duration>,
    ) -> (Vec<Effect>, bool) {
        self.retry_at = None;
        self.keep_events(store);
        let mut busy = false;
        let mut then = Vec::new();
        if let Some(ctx) = self.draft.take() {
            // With no covered screen, the form is in front again and keeps its own draft.
            match covered.map_or(Kept::Done(Vec::new()), |p| keep(store, p, &ctx, patience)) {
                Kept::Done(effects) => then = effects,
                Kept::Busy => (self.draft, busy) = (Some(ctx), true),
            }
        }
        while !busy && let Some((actor, event)) = self.events.pop_front() {
            match within(store, patience, |s| accounts::session_event(s, actor, event)) {
                Err(e) if e.is_busy() => {
                    self.events.push_front((actor, event));
                    busy = true;
                }
                Err(e) => then.push(Effect::Fail(e)),
                Ok(()) => {}
            }
        }
        self.keep_events(store);
        let front = !busy && std::mem::take(&mut self.front_behind);
        if busy {
            self.retry_at = Some(Instant::now() + RETRY);
        }
        (then, front)
    }

    /// Keep the audit rows still owed in this console's file beside the key, when they changed
    /// since last kept: a console killed before it writes them leaves them for the next intake
    /// to write. What cannot be kept there is still owed here.
    fn keep_events(&mut self, store: &Store) {
        let now: Vec<(Actor, &'static str)> = self.events.iter().copied().collect();
        if now != self.kept {
            let rows: Vec<_> = now.iter().map(|(a, e)| (a.user_id, a.session_id, *e)).collect();
            if crate::store::owed::keep(store.paths(), &rows).is_ok() {
                self.kept = now;
            }
        }
    }

    /// Keep the front form's draft, waiting at most `patience`; while the database is busy it
    /// is left for the loop to try again.
    pub fn keep_front(
        &mut self,
        store: &mut Store,
        page: &mut dyn Page,
        ctx: &Ctx,
        patience: Option<Duration>,
    ) -> Vec<Effect> {
        match keep(store, page, ctx, patience) {
            Kept::Done(effects) => effects,
            Kept::Busy => {
                self.front_behind = true;
                self.retry_at.get_or_insert(Instant::now() + RETRY);
                Vec::new()
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

fn within<T>(store: &mut Store, patience: Option<Duration>, f: impl FnOnce(&mut Store) -> T) -> T {
    match patience {
        Some(p) => store.with_patience(p, f),
        None => f(store),
    }
}

/// Keep `page`'s form as a draft: the screen's own draft job, run here so that a busy database
/// leaves it for later (the screen's kept revision does not move, so nothing is lost).
fn keep(store: &mut Store, page: &mut dyn Page, ctx: &Ctx, patience: Option<Duration>) -> Kept {
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
