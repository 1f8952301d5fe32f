//! Input to the screen in front: keys through the overlay, the form and the key tables, then
//! the screen's `update`; the status line settled after each key; the screen's timer.

use crate::error::Error;
use crate::i18n::Msg;
use crate::ui::keymap::{self, Action, Key};
use crate::ui::screen::Screen;

use crate::ui::status::{self, Said, Status};

use super::{App, Confirm, Input, Overlay};

impl App {
    pub fn handle(&mut self, input: Input) {
        self.redraw = true;
        let before = self.status.clone();
        let typed = !matches!(input, Input::Resize);
        match input {
            Input::Key(ev) => {
                if let Some(key) = Key::from_event(&ev) {
                    self.on_key(key);
                }
            }
            Input::Paste(text) => {
                let lang = self.lang;
                if self.overlay.is_none()
                    && let Some(form) = self.form_mut()
                {
                    form.paste(&text, lang);
                }
            }
            Input::Resize => {}
        }
        if !self.drafts_deferred {
            self.keep_drafts();
        }
        if let Some(page) = self.page_mut() {
            page.after_input(std::time::Instant::now());
        }
        if typed {
            self.settle_status(before);
        }
    }

    /// The screen in front, as the status line's text is tied to it.
    fn screen_key(&self) -> (std::mem::Discriminant<Screen>, Msg) {
        (std::mem::discriminant(&self.screen), crate::ui::screens::screen_title(self))
    }

    /// After a key: remember where a new status was said, or clear one that no longer holds.
    fn settle_status(&mut self, before: Option<Status>) {
        let now = Said {
            screen: self.screen_key(),
            form: self.form().map(|f| (f.revision, f.error_count())),
        };
        status::settle(&mut self.status, &mut self.said, before, now);
    }

    /// Keep whatever form is in front as a draft, if it changed since it was last kept.
    pub fn keep_drafts(&mut self) {
        let ctx = self.ctx();
        if let Some(page) = self.page_mut() {
            let effects = page.draft(&ctx);
            self.run(effects);
        }
    }

    pub fn on_key(&mut self, key: Key) {
        self.redraw = true;
        if matches!(self.screen, Screen::Hidden) {
            self.reveal_lock_screen();
            return;
        }
        if key == keymap::HIDE_KEY {
            self.hide();
            return;
        }
        if let Some(Overlay::Confirm(c)) = &self.overlay {
            let c = c.clone();
            match keymap::lookup(&[keymap::CONFIRM], key, false) {
                Some(Action::Submit) => {
                    self.overlay = None;
                    self.confirmed(c);
                }
                Some(Action::Back) => self.overlay = None,
                _ => {}
            }
            return;
        }
        let typing = self.form().is_some();
        let action = keymap::lookup(&self.keymaps(), key, typing);
        // An open list takes every key but the global ones; Enter belongs to notes (a new line)
        // and to a choice (it opens the list).
        let lang = self.lang;
        if self.overlay.is_none()
            && !matches!(action, Some(Action::Hide | Action::Help | Action::Quit | Action::Save))
            && let Some(form) = self.form_mut()
        {
            let field = form.focused();
            let takes_key =
                form.popup_open() || (key == Key::Enter && (field.is_notes() || field.is_choice()));
            if takes_key {
                form.edit(key, lang);
                return;
            }
            // Up and Down move through the rows of notes; past the first or last row they move
            // between fields (Tab always does).
            if field.is_notes()
                && matches!(key, Key::Up | Key::Down)
                && form.notes_row(key == Key::Down)
            {
                return;
            }
        }
        if matches!(self.overlay, Some(Overlay::Help)) {
            if matches!(action, Some(Action::Back | Action::Help)) {
                self.overlay = None;
            } else if action == Some(Action::Quit) {
                self.overlay = None;
                self.request_quit();
            }
            return;
        }
        match action {
            Some(Action::Help) => self.overlay = Some(Overlay::Help),
            Some(Action::Quit) => self.request_quit(),
            Some(Action::Hide) => self.hide(),
            Some(a) => self.screen_action(a),
            None => {
                let lang = self.lang;
                if let Some(form) = self.form_mut() {
                    form.edit(key, lang);
                } else if let (Screen::Screening(s), Key::Char(c)) = (&self.screen, key)
                    && s.asking()
                {
                    // A letter that answers nothing: say so, rather than let it pass unseen.
                    let text =
                        crate::i18n::fill(Msg::ErrNotAnswerKey.text(lang), &[&c.to_string()]);
                    self.status = Some(Status { text, error: true });
                }
            }
        }
    }

    fn screen_action(&mut self, action: Action) {
        if let Some(form) = self.form_mut() {
            match action {
                Action::NextField => return form.next(),
                Action::PrevField => return form.prev(),
                Action::Submit if !form.is_last() => return form.next(),
                _ => {}
            }
        }
        // Ctrl+S saves from any field: the same as Enter on the last one.
        let action =
            if action == Action::Save && self.form().is_some() { Action::Submit } else { action };
        let ctx = self.ctx();
        if let Some(page) = self.page_mut() {
            let effects = page.update(action, &ctx);
            self.run(effects);
        }
    }

    /// Esc on a form: leave at once when nothing was typed, otherwise ask first.
    pub fn back_or_confirm(&mut self, leave: impl FnOnce(&mut App)) {
        if self.form().is_some_and(|f| f.dirty) {
            self.overlay = Some(Overlay::Confirm(Confirm::Discard));
        } else {
            leave(self);
        }
    }

    fn confirmed(&mut self, c: Confirm) {
        if c == Confirm::Quit {
            return self.quit_now();
        }
        let ctx = self.ctx();
        if let Some(page) = self.page_mut() {
            let effects =
                if c == Confirm::Discard { page.discard(&ctx) } else { page.on_confirm(c, &ctx) };
            self.run(effects);
        }
    }

    /// How long until the screen in front wants its tick (None: nothing scheduled).
    pub fn search_due_in(&self, now: std::time::Instant) -> Option<std::time::Duration> {
        self.page().and_then(|p| p.due()).map(|t| t.saturating_duration_since(now))
    }

    /// The loop's wait timed out: the screen in front does what it scheduled, if it is due.
    pub fn on_timer(&mut self, now: std::time::Instant) {
        let ctx = self.ctx();
        if let Some(page) = self.page_mut() {
            let effects = page.tick(now, &ctx);
            if !effects.is_empty() {
                self.redraw = true;
            }
            self.run(effects);
        }
    }

    /// Search the directory now, for what its box says (tests and the loop's timer).
    pub fn run_search(&mut self) {
        let now = self.now();
        if let Screen::Directory(d) = &self.screen {
            let search = d.search_now(now);
            self.run(vec![search]);
        }
    }

    /// Put a phone number on the user's own clipboard (OSC 52, over SSH too).
    pub(crate) fn copy_phone(&mut self, phone: Option<String>) {
        match phone {
            Some(phone) => {
                self.say_text(crate::i18n::fill(Msg::PhoneCopied.text(self.lang), &[&phone]));
                self.clipboard = Some(phone);
            }
            None => self.fail(Error::user(Msg::NoPhone)),
        }
    }
}
