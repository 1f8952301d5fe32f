//! The cases other agencies offer this one: a list (who offers, since when, until when the
//! release runs) with no name in it; Enter reads an offer, which shows only what its release
//! covers; a accepts it (the agency's own new record, the offer as its first case note), x
//! declines it with the reason.

use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::{Line, Span};

use crate::domain::client::disclosure::DECLINE_FIELDS;
use crate::domain::client::release::SCOPES;
use crate::domain::directory::label;
use crate::domain::record::{Raw, RuntimeOptions};
use crate::i18n::{Lang, Msg, fill};
use crate::service::consent;
use crate::store::transfers::{Offer, Offered};
use crate::ui::effect::{Done, Effect, Route};
use crate::ui::keymap::{self, Action, Binding};
use crate::ui::screen::{Ctx, Page};
use crate::ui::screens::{block, form_panel, wrap};
use crate::ui::theme::Theme;
use crate::ui::widgets::fit;
use crate::ui::widgets::form::Form;
use crate::ui::widgets::scroll::Scroll;

#[derive(Default)]
pub struct OffersScreen {
    pub list: Vec<Offered>,
    pub selected: usize,
    /// The offer read, and where it is scrolled to.
    pub offer: Option<Box<Offer>>,
    pub scroll: Scroll,
    /// The reason an offer is declined.
    pub decline: Option<Form>,
}

fn load() -> Effect {
    Effect::run(|store, ctx| Ok(Done::Offers(consent::offers(store, ctx.who()?, ctx.now)?)))
}

fn open(id: i64) -> Effect {
    Effect::run(move |store, ctx| {
        Ok(Done::Offer(Box::new(consent::open_offer(store, ctx.who()?, id, ctx.now)?)))
    })
}

/// The offer in words, in `lang`: what the receiving agency reads, and the first case note of
/// its record when it accepts.
pub fn lines(o: &Offer, lang: Lang) -> Vec<(Msg, String)> {
    let mut out = vec![
        (Msg::ColFrom, format!("{} · {} · {}", o.from, o.offered_by, o.offered_on)),
        (Msg::FieldReleasePurpose, o.purpose.clone()),
        (Msg::FieldExpiresOn, o.expires_on.to_string()),
        (
            Msg::FieldReleaseScope,
            o.scope.iter().map(|s| label(SCOPES, s, lang)).collect::<Vec<_>>().join(", "),
        ),
        (Msg::FieldChosenName, o.chosen_name.clone()),
        (Msg::FieldLanguage, label(crate::domain::contact::LANGUAGES, &o.language, lang)),
    ];
    if let Some(note) = &o.note {
        out.push((Msg::FieldOfferNote, note.clone()));
    }
    let mut opt = |m: Msg, v: Option<String>| {
        if let Some(v) = v {
            out.push((m, v));
        }
    };
    opt(Msg::FieldLegalName, o.legal_name.clone());
    opt(Msg::FieldPhone, o.phone.clone());
    opt(Msg::FieldBirthDate, o.birth_date.map(|d| d.to_string()));
    opt(Msg::FieldAge, o.age.map(|a| a.to_string()));
    opt(Msg::FieldAddress, o.address.clone());
    opt(Msg::FieldArea, o.area.clone());
    for n in &o.notes {
        out.push((Msg::ScopeNotes, n.clone()));
    }
    for (day, tool, result) in &o.screenings {
        let shown = crate::domain::screening::Status::parse(result)
            .map(|s| s.label(lang).to_string())
            .unwrap_or_else(|| result.clone());
        out.push((Msg::ScopeScreening, format!("{day} {tool}: {shown}")));
    }
    for (day, kind) in &o.services {
        let shown = label(crate::domain::client::SERVICES, kind, lang);
        out.push((Msg::ScopeServices, format!("{day} {shown}")));
    }
    for (day, category, cents) in &o.payments {
        let shown = label(crate::domain::fund::CATEGORIES, category, lang);
        let amount = crate::domain::fields::format_cents(*cents);
        out.push((Msg::ScopePayments, format!("{day} {shown} {amount}")));
    }
    out
}

/// The first case note of the new record: the offer as it was read.
pub fn summary(o: &Offer, lang: Lang) -> String {
    let head = fill(Msg::TransferNoteHead.text(lang), &[&o.from, &o.offered_on.to_string()]);
    let body: Vec<String> =
        lines(o, lang).into_iter().map(|(m, v)| format!("{}: {v}", m.text(lang))).collect();
    let text = format!("{head}\n{}", body.join("\n"));
    text.chars().take(4000).collect()
}

impl Page for OffersScreen {
    fn keymap(&self) -> &'static [Binding] {
        if self.decline.is_some() { keymap::FORM } else { keymap::OFFERS }
    }

    fn title(&self) -> Msg {
        if self.decline.is_some() { Msg::TitleDeclineCase } else { Msg::TitleOffers }
    }

    fn form(&self) -> Option<&Form> {
        self.decline.as_ref()
    }

    fn form_mut(&mut self) -> Option<&mut Form> {
        self.decline.as_mut()
    }

    fn enter(&mut self, _ctx: &Ctx) -> Vec<Effect> {
        vec![load()]
    }

    fn update(&mut self, action: Action, ctx: &Ctx) -> Vec<Effect> {
        if let Some(form) = &self.decline {
            return match action {
                Action::Submit | Action::Save => {
                    let Some(id) = self.current_id() else { return Vec::new() };
                    match crate::domain::client::disclosure::decline_from_raw(&form.raw()) {
                        Err(e) => vec![Effect::FormErrors(e, DECLINE_FIELDS)],
                        Ok(reason) => vec![Effect::run(move |store, ctx| {
                            consent::decline_offer(store, ctx.who()?, id, &reason, ctx.now)?;
                            Ok(Done::Saved(Msg::OfferDeclined))
                        })],
                    }
                }
                Action::Back => vec![Effect::LeaveForm],
                _ => Vec::new(),
            };
        }
        match action {
            Action::Back if self.offer.is_some() => {
                self.offer = None;
                Vec::new()
            }
            Action::Back => vec![Effect::Go(Route::Home)],
            Action::Up if self.offer.is_none() => {
                self.selected = self.selected.saturating_sub(1);
                Vec::new()
            }
            Action::Down if self.offer.is_none() => {
                self.selected = (self.selected + 1).min(self.list.len().saturating_sub(1));
                Vec::new()
            }
            Action::Open => self.current_id().map(open).into_iter().collect(),
            Action::Accept => {
                let Some(id) = self.current_id() else { return Vec::new() };
                // Read first (what the release allows), then accepted with that as its note.
                vec![Effect::run(move |store, ctx| {
                    let who = ctx.who()?;
                    let offer = consent::open_offer(store, who, id, ctx.now)?;
                    let note = summary(&offer, ctx.lang);
                    let new = consent::accept_offer(store, who, id, &note, ctx.now)?;
                    Ok(Done::ClientSaved(new))
                })]
            }
            Action::Decline if self.current_id().is_some() => {
                let form = Form::from_schema(
                    DECLINE_FIELDS,
                    &Raw::new(),
                    &RuntimeOptions::new(),
                    ctx.lang,
                );
                self.decline = Some(form);
                Vec::new()
            }
            other => {
                if self.offer.is_some() {
                    self.scroll.act(other);
                }
                Vec::new()
            }
        }
    }

    fn on_done(&mut self, done: Done, ctx: &Ctx) -> Vec<Effect> {
        match done {
            Done::Offers(list) => {
                self.list = list;
                self.selected = self.selected.min(self.list.len().saturating_sub(1));
            }
            Done::Offer(offer) => {
                self.offer = Some(offer);
                self.scroll = Scroll::default();
            }
            Done::Saved(msg) => {
                self.decline = None;
                self.offer = None;
                return vec![load(), Effect::Say(msg)];
            }
            Done::ClientSaved(id) => {
                let text = fill(Msg::OfferAccepted.text(ctx.lang), &[&id.to_string()]);
                return vec![Effect::Go(Route::Client(id)), Effect::SayText(text)];
            }
            _ => {}
        }
        Vec::new()
    }

    fn discard(&mut self, _ctx: &Ctx) -> Vec<Effect> {
        self.decline = None;
        Vec::new()
    }

    fn draw(&self, frame: &mut Frame, area: Rect, t: Theme, lang: Lang) {
        if let Some(form) = &self.decline {
            return form_panel(frame, area, Msg::TitleDeclineCase, None, form, t, lang);
        }
        if let Some(o) = &self.offer {
            let b = block(Msg::TitleOffer, t, lang);
            let inner = b.inner(area);
            frame.render_widget(b, area);
            let width = inner.width.saturating_sub(27).max(10) as usize;
            let mut out = vec![Line::from(Span::styled(
                format!(" {}", Msg::OfferOnlyRelease.text(lang)),
                t.dim(),
            ))];
            for (m, v) in lines(o, lang) {
                for (i, l) in wrap(&v, width).into_iter().enumerate() {
                    let head = if i == 0 { m.text(lang) } else { "" };
                    out.push(Line::from(vec![
                        Span::styled(format!(" {head:<24} "), t.dim()),
                        Span::raw(l),
                    ]));
                }
            }
            return self.scroll.draw(frame, inner, out, t, lang);
        }
        let b = block(Msg::TitleOffers, t, lang);
        if self.list.is_empty() {
            let inner = b.inner(area);
            frame.render_widget(b, area);
            let p = ratatui::widgets::Paragraph::new(format!(" {}", Msg::NoOffers.text(lang)))
                .style(t.dim());
            return frame.render_widget(p, inner);
        }
        let heads: Vec<String> = [Msg::ColFrom, Msg::ColOfferedOn, Msg::FieldExpiresOn]
            .iter()
            .map(|m| m.text(lang).to_string())
            .collect();
        let rows: Vec<Vec<String>> = self
            .list
            .iter()
            .map(|o| vec![o.from.clone(), o.offered_on.to_string(), o.expires_on.to_string()])
            .collect();
        let widths = [Constraint::Fill(1), Constraint::Length(12), Constraint::Length(18)];
        let table = fit::table(area, &heads, &rows, Some(self.selected), &widths, t, b);
        frame.render_widget(table, area);
    }
}

impl OffersScreen {
    fn current_id(&self) -> Option<i64> {
        match &self.offer {
            Some(o) => Some(o.id),
            None => self.list.get(self.selected).map(|o| o.id),
        }
    }
}
