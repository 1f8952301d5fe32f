//! Funds on screen (supervisors and administrators): the list with what is paid, set aside and
//! left; a fund with its figures by category and its payments, where a payment someone else
//! asked for is approved and a wrong one voided with its reason.

use crate::domain::ids::{FundId, UserId};
use ratatui::Frame;
use ratatui::layout::Rect;

use crate::domain::fund::{self, Fund};
use crate::domain::record::{Raw, RuntimeOptions};
use crate::i18n::{Lang, Msg};
use crate::service::ledger;
use crate::store::funds::{self as store_funds, FundRow, PaymentRow};
use crate::ui::effect::{Done, Effect, Route};
use crate::ui::keymap::{self, Action, Binding};
use crate::ui::screen::{Ctx, Page};
use crate::ui::theme::Theme;
use crate::ui::widgets::form::Form;
use crate::ui::widgets::pager::{PageKey, Pager, Select, Spot};

mod view;

pub struct FundView {
    pub fund: FundRow,
    pub by_category: Vec<(String, i64, i64, i64)>,
    pub clients: i64,
    pub payments: Pager<PaymentRow>,
}

#[derive(Default)]
pub enum FMode {
    #[default]
    List,
    Add(Form),
    View,
    /// A payment shown in full before it is approved.
    Approve(Box<PaymentRow>),
    /// Voiding a payment, named above the reason.
    Void {
        form: Form,
        payment: Box<PaymentRow>,
    },
}

#[derive(Default)]
pub struct FundScreen {
    pub funds: Vec<FundRow>,
    pub selected: usize,
    pub view: Option<Box<FundView>>,
    pub mode: FMode,
}

/// Why the person `user_id` may not approve payment `p`, if they may not.
fn approval_refused(p: &PaymentRow, user_id: UserId) -> Option<crate::Error> {
    let id = p.id.to_string();
    match p.status.as_str() {
        "void" => Some(crate::Error::user_with(Msg::ErrApproveVoided, &[&id])),
        "approved" => Some(crate::Error::user_with(Msg::ErrApproveApproved, &[&id])),
        _ if p.requested_by_id == user_id => Some(crate::Error::user(Msg::ErrSelfApproval)),
        _ => None,
    }
}

/// The agency's funds, with the selection kept where it can be.
fn load_funds() -> Effect {
    Effect::run(|store, ctx| {
        let who = ctx.who()?;
        if !who.user.role.manages_funds() {
            return Err(crate::Error::user(Msg::ErrFundsRole));
        }
        Ok(Done::Funds(store_funds::list(store.conn(), who.user.agency_id)?))
    })
}

/// A fund's figures and the first page of its payments.
fn load_fund(id: FundId) -> Effect {
    Effect::run(move |store, ctx| {
        let agency = ctx.who()?.user.agency_id;
        let conn = store.conn();
        let fund = store_funds::get(conn, agency, id)?
            .ok_or_else(|| crate::Error::user(Msg::ErrNoSuchRecord))?;
        Ok(Done::Fund(Box::new(FundView {
            by_category: store_funds::by_category(conn, id)?,
            clients: store_funds::distinct_clients(conn, id)?,
            payments: Pager::load(
                |s: &Spot, l| store_funds::payments(conn, agency, id, s.offset, l),
                Spot::top(),
            )?,
            fund,
        })))
    })
}

/// A page of a fund's payments (requests first, then by date: by offset).
fn load_payments(fund_id: FundId, spot: Spot, select: Select) -> Effect {
    Effect::run(move |store, ctx| {
        let agency = ctx.who()?.user.agency_id;
        let conn = store.conn();
        let fetch = |s: &Spot, l| store_funds::payments(conn, agency, fund_id, s.offset, l);
        Ok(Done::Payments(Pager::load_at(fetch, spot, select)?))
    })
}

impl PageKey for PaymentRow {}

impl FundScreen {
    fn fund_id(&self) -> Option<FundId> {
        self.view.as_ref().map(|v| v.fund.id)
    }

    /// A new fund's form, for the state fiscal year under way.
    fn add_form(ctx: &Ctx) -> Form {
        let today = crate::domain::time::local_day(ctx.now);
        let mut raw = Raw::new();
        let state_year = if today.month() >= 7 { today.year() + 1 } else { today.year() };
        if let Some((from, to)) = fund::fiscal_year(state_year, false) {
            raw.insert("period_from".into(), from.to_string());
            raw.insert("period_to".into(), to.to_string());
        }
        raw.insert("source".into(), "state".into());
        Form::from_schema(fund::FUND_FIELDS, &raw, &RuntimeOptions::new(), ctx.lang)
    }

    fn list_update(&mut self, action: Action, ctx: &Ctx) -> Vec<Effect> {
        match action {
            Action::Up => self.selected = self.selected.saturating_sub(1),
            Action::Down => {
                self.selected = (self.selected + 1).min(self.funds.len().saturating_sub(1))
            }
            Action::Open => {
                if let Some(id) = self.funds.get(self.selected).map(|x| x.id) {
                    return vec![load_fund(id)];
                }
            }
            Action::Add => self.mode = FMode::Add(FundScreen::add_form(ctx)),
            Action::Back => return vec![Effect::Go(Route::Home)],
            _ => {}
        }
        Vec::new()
    }

    fn view_update(&mut self, action: Action, ctx: &Ctx) -> Vec<Effect> {
        let Some(v) = &mut self.view else { return Vec::new() };
        let fund_id = v.fund.id;
        if let Some(effects) = v.payments.moved(action, |o, s| load_payments(fund_id, o, s)) {
            return effects;
        }
        let me = ctx.user.as_ref().map_or(UserId(0), |u| u.id);
        match (action, v.payments.current().cloned()) {
            (Action::Approve | Action::Void, None) => {
                vec![Effect::Fail(crate::Error::user(Msg::ErrNoPayment))]
            }
            // The payment shows in full first; approving it is a second, deliberate key.
            (Action::Approve, Some(p)) => match approval_refused(&p, me) {
                Some(e) => vec![Effect::Fail(e)],
                None => {
                    self.mode = FMode::Approve(Box::new(p));
                    Vec::new()
                }
            },
            (Action::Void, Some(p)) if p.status == "void" => {
                vec![Effect::Fail(crate::Error::user_with(
                    Msg::ErrVoidVoided,
                    &[&p.id.to_string()],
                ))]
            }
            (Action::Void, Some(p)) => {
                let form = Form::from_schema(
                    fund::VOID_FIELDS,
                    &Raw::new(),
                    &RuntimeOptions::new(),
                    ctx.lang,
                );
                self.mode = FMode::Void { form, payment: Box::new(p) };
                Vec::new()
            }
            (Action::Back, _) => {
                self.view = None;
                self.mode = FMode::List;
                vec![load_funds()]
            }
            _ => Vec::new(),
        }
    }
}

impl Page for FundScreen {
    fn keymap(&self) -> &'static [Binding] {
        match self.mode {
            FMode::List => keymap::FUNDS,
            FMode::View => keymap::FUND_VIEW,
            FMode::Approve(_) => keymap::APPROVE_PAYMENT,
            _ => keymap::FORM,
        }
    }

    fn title(&self) -> Msg {
        match self.mode {
            FMode::List => Msg::TitleFunds,
            FMode::Add(_) => Msg::TitleNewFund,
            FMode::View => Msg::TitleFund,
            FMode::Approve(_) => Msg::TitleApprovePayment,
            FMode::Void { .. } => Msg::TitleVoid,
        }
    }

    fn form(&self) -> Option<&Form> {
        match &self.mode {
            FMode::Add(f) | FMode::Void { form: f, .. } => Some(f),
            _ => None,
        }
    }

    fn form_mut(&mut self) -> Option<&mut Form> {
        match &mut self.mode {
            FMode::Add(f) | FMode::Void { form: f, .. } => Some(f),
            _ => None,
        }
    }

    fn enter(&mut self, _ctx: &Ctx) -> Vec<Effect> {
        vec![load_funds()]
    }

    fn update(&mut self, action: Action, ctx: &Ctx) -> Vec<Effect> {
        match &self.mode {
            FMode::List => self.list_update(action, ctx),
            FMode::View => self.view_update(action, ctx),
            FMode::Add(form) => match action {
                Action::Submit => match Fund::from_raw(&form.raw()) {
                    Ok(fund) => vec![Effect::run(move |store, ctx| {
                        let id = ledger::add_fund(store, ctx.who()?, &fund, ctx.now)?;
                        Ok(Done::FundCreated(id, Msg::FundSaved))
                    })],
                    Err(errors) => vec![Effect::FormErrors(errors, fund::FUND_FIELDS)],
                },
                Action::Back => vec![Effect::LeaveForm],
                _ => Vec::new(),
            },
            FMode::Approve(p) => match action {
                Action::Approve => {
                    let id = p.id;
                    vec![Effect::run(move |store, ctx| {
                        ledger::approve_payment(store, ctx.who()?, id, ctx.now)?;
                        Ok(Done::Saved(Msg::PaymentApproved))
                    })]
                }
                Action::Back => {
                    self.mode = FMode::View;
                    Vec::new()
                }
                _ => Vec::new(),
            },
            FMode::Void { form, payment } => match action {
                Action::Submit => {
                    let reason = crate::domain::text::clean_line(
                        form.raw().get("reason").map(String::as_str).unwrap_or(""),
                    );
                    if reason.is_empty() {
                        let e =
                            crate::domain::fields::FieldError::new("reason", Msg::ErrRequiredShort);
                        return vec![Effect::FormErrors(vec![e], fund::VOID_FIELDS)];
                    }
                    let id = payment.id;
                    vec![Effect::run(move |store, ctx| {
                        ledger::void_payment(store, ctx.who()?, id, &reason, ctx.now)?;
                        Ok(Done::Saved(Msg::PaymentVoided))
                    })]
                }
                Action::Back => vec![Effect::LeaveForm],
                _ => Vec::new(),
            },
        }
    }

    fn on_done(&mut self, done: Done, _ctx: &Ctx) -> Vec<Effect> {
        match done {
            Done::Funds(funds) => {
                self.selected = self.selected.min(funds.len().saturating_sub(1));
                self.funds = funds;
                Vec::new()
            }
            Done::Fund(view) => {
                self.view = Some(view);
                self.mode = FMode::View;
                Vec::new()
            }
            Done::Payments(page) => {
                if let Some(v) = &mut self.view {
                    v.payments = page;
                }
                Vec::new()
            }
            // A new fund: the list knows it, and it opens.
            Done::FundCreated(id, msg) => vec![load_funds(), load_fund(id), Effect::Say(msg)],
            // A payment approved or voided: the fund's figures again.
            Done::Saved(msg) => match self.fund_id() {
                Some(id) => vec![load_fund(id), Effect::Say(msg)],
                None => vec![Effect::Say(msg)],
            },
            _ => Vec::new(),
        }
    }

    fn discard(&mut self, _ctx: &Ctx) -> Vec<Effect> {
        self.mode = if self.view.is_some() { FMode::View } else { FMode::List };
        Vec::new()
    }

    fn draw(&self, frame: &mut Frame, area: Rect, t: Theme, lang: Lang) {
        view::draw(frame, area, self, t, lang)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::staff::Role;

    fn ctx() -> Ctx {
        let me = crate::ui::screen::testing::person(5, Role::Supervisor);
        crate::ui::screen::testing::ctx_at("2026-11-28T20:00:00Z", Some(me))
    }

    fn payment(id: i64, status: &str, by: i64) -> PaymentRow {
        PaymentRow {
            id: crate::domain::ids::PaymentId(id),
            client_id: crate::domain::ids::ClientId(1),
            category: "rent".into(),
            amount_cents: 40_000,
            paid_on: "2026-11-02".into(),
            payee: "Sunrise Apartments".into(),
            status: status.into(),
            requested_by: "Bea".into(),
            void_reason: None,
            purpose: String::new(),
            requested_by_id: UserId(by),
            requested_at: "2026-11-02T17:00:00Z".into(),
        }
    }

    fn with(payments: Vec<PaymentRow>) -> FundScreen {
        let fund = FundRow {
            id: FundId(3),
            name: "State fund".into(),
            source: "state".into(),
            from: "2026-07-01".parse().unwrap(),
            to: "2027-06-30".parse().unwrap(),
            amount_cents: 1_000_000,
            categories: vec!["rent".into()],
            paid_cents: 0,
            pending_cents: 0,
        };
        let payments = Pager { rows: payments, ..Default::default() };
        let view = FundView { fund, by_category: Vec::new(), clients: 0, payments };
        FundScreen { view: Some(Box::new(view)), mode: FMode::View, ..Default::default() }
    }

    #[test]
    fn a_payment_is_shown_before_it_is_approved_and_refusals_say_why() {
        let mut f = with(vec![payment(4, "requested", 9), payment(2, "requested", 5)]);
        // Someone else's: shown in full; Enter is the approval; Esc leaves it.
        assert!(f.update(Action::Approve, &ctx()).is_empty());
        assert_eq!(f.title(), Msg::TitleApprovePayment);
        assert!(f.update(Action::Back, &ctx()).is_empty());
        assert_eq!(f.title(), Msg::TitleFund);
        f.update(Action::Approve, &ctx());
        assert!(matches!(f.update(Action::Approve, &ctx())[..], [Effect::Run(_)]));
        // Done: the fund's figures again, and the notice.
        let after = f.on_done(Done::Saved(Msg::PaymentApproved), &ctx());
        assert!(matches!(after[..], [Effect::Run(_), Effect::Say(Msg::PaymentApproved)]));
        // One's own: refused with the reason, and nothing opens.
        f.mode = FMode::View;
        f.update(Action::Down, &ctx());
        let own = f.update(Action::Approve, &ctx());
        assert!(matches!(&own[..], [Effect::Fail(crate::Error::User(Msg::ErrSelfApproval, _))]));
        assert_eq!(f.title(), Msg::TitleFund);
    }

    #[test]
    fn a_void_needs_its_reason_and_a_voided_payment_says_so() {
        let mut f = with(vec![payment(6, "void", 9)]);
        let e = f.update(Action::Void, &ctx());
        assert!(matches!(&e[..], [Effect::Fail(crate::Error::User(Msg::ErrVoidVoided, _))]));
        let mut f = with(vec![payment(7, "approved", 9)]);
        f.update(Action::Void, &ctx());
        assert_eq!(f.title(), Msg::TitleVoid);
        assert!(matches!(f.update(Action::Submit, &ctx())[..], [Effect::FormErrors(..)]));
    }
}
