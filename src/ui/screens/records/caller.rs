//! Repeat callers: while a caller's number is typed on a contact, the form says how often they
//! contacted the agency before and when last (from the keyed hash; the number is never
//! written), and Ctrl+P lists those contacts with the clients they are linked to.

use std::time::{Duration, Instant};

use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use zeroize::Zeroizing;

use super::{Mode, RecordKind, RecordScreen};
use crate::domain::contact::{CALLER_TYPES, CHANNELS};
use crate::domain::directory::label;
use crate::domain::ids::ContactId;
use crate::i18n::{Lang, Msg, fill};
use crate::service::hotline::{self, CallerHistory};
use crate::ui::effect::{Done, Effect};
use crate::ui::keymap::Action;
use crate::ui::theme::Theme;

/// How long typing pauses before the caller is looked up.
const PAUSE: Duration = Duration::from_millis(400);

/// The state of the lookup on the form in front.
#[derive(Default)]
pub struct Lookup {
    /// The form revision last looked up (or scheduled).
    looked: u64,
    due: Option<Instant>,
    pub history: Option<CallerHistory>,
    /// The list of earlier contacts is open over the form.
    pub shown: bool,
}

impl Lookup {
    pub fn due(&self) -> Option<Instant> {
        self.due
    }
}

impl RecordScreen {
    /// The caller field's text on a contact form, and the contact's id (None: a new one).
    fn caller_typed(&self) -> Option<(Zeroizing<String>, Option<ContactId>)> {
        let Mode::Edit { form, id, .. } = &self.mode else { return None };
        if self.kind != RecordKind::Contact {
            return None;
        }
        let field = form.fields.iter().find(|f| f.key == "caller_id")?;
        Some((Zeroizing::new(field.raw()), id.map(ContactId)))
    }

    /// After a key: a changed caller field is looked up once typing pauses.
    pub(super) fn caller_after_input(&mut self, now: Instant) {
        let Mode::Edit { form, .. } = &self.mode else { return };
        let on_caller = form.focused().key == "caller_id";
        if on_caller && form.revision != self.caller.looked {
            self.caller.looked = form.revision;
            self.caller.due = Some(now + PAUSE);
        }
    }

    /// The pause is over: look the caller up.
    pub(super) fn caller_tick(&mut self, now: Instant) -> Vec<Effect> {
        match self.caller.due {
            Some(t) if t <= now => {
                self.caller.due = None;
                let Some((typed, except)) = self.caller_typed() else { return Vec::new() };
                vec![Effect::run(move |store, ctx| {
                    let found = hotline::caller_history(store, ctx.who()?, &typed, except)?;
                    Ok(Done::CallerHistory(found))
                })]
            }
            _ => Vec::new(),
        }
    }

    /// Ctrl+P opens the list (on record), Esc closes it; None: the key is not the lookup's.
    pub(super) fn caller_update(&mut self, action: Action) -> Option<Vec<Effect>> {
        match action {
            Action::Back if self.caller.shown => {
                self.caller.shown = false;
                Some(Vec::new())
            }
            _ if self.caller.shown => Some(Vec::new()),
            Action::CallerHistory if self.caller.history.is_some() => {
                self.caller.shown = true;
                Some(vec![Effect::run(|store, ctx| {
                    hotline::caller_history_shown(store, ctx.who()?)?;
                    Ok(Done::Shown)
                })])
            }
            Action::CallerHistory => {
                Some(vec![Effect::Fail(crate::Error::user(Msg::ErrNoCallerHistory))])
            }
            _ => None,
        }
    }
}

/// The line the form shows above its fields: "This caller contacted us 3 times, last on ...".
pub fn note(history: &CallerHistory, lang: Lang) -> String {
    let last = history.contacts.first().map(|c| local_time(&c.started_at)).unwrap_or_default();
    let msg = if history.count == 1 { Msg::CallerSeenOnce } else { Msg::CallerSeenBefore };
    fill(msg.text(lang), &[&history.count.to_string(), &last])
}

/// The earlier contacts, over the form: when, how, who called, the client it is linked to.
pub fn draw(frame: &mut Frame, area: Rect, history: &CallerHistory, t: Theme, lang: Lang) {
    let heads: Vec<String> =
        [Msg::FieldStartedAt, Msg::FieldChannel, Msg::FieldCallerType, Msg::ColClient]
            .iter()
            .map(|m| m.text(lang).to_string())
            .collect();
    let rows: Vec<Vec<String>> = history
        .contacts
        .iter()
        .map(|c| {
            vec![
                format!("#{} {}", c.id, local_time(&c.started_at)),
                label(CHANNELS, &c.channel, lang),
                label(CALLER_TYPES, &c.caller_type, lang),
                c.client_id.map(|id| format!("#{id}")).unwrap_or_default(),
            ]
        })
        .collect();
    let widths = [
        Constraint::Length(24),
        Constraint::Length(10),
        Constraint::Fill(1),
        Constraint::Length(8),
    ];
    let title = fill(Msg::TitleCallerHistory.text(lang), &[&history.count.to_string()]);
    let b = crate::ui::screens::titled(title, t);
    let table = crate::ui::widgets::fit::table(area, &heads, &rows, None, &widths, t, b);
    frame.render_widget(ratatui::widgets::Clear, area);
    frame.render_widget(table, area);
}

fn local_time(stored: &str) -> String {
    crate::domain::time::show_db(stored)
}
