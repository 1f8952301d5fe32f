//! Funds on screen (supervisors and administrators): the list with what is paid, set aside and
//! left; a fund with its figures by category and its payments, where a payment someone else
//! asked for is approved and a wrong one voided with its reason.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Cell, Paragraph, Row, Table};

use crate::domain::directory::label;
use crate::domain::fields::format_cents;
use crate::domain::fund::{self, CATEGORIES, Fund, SOURCES, STATUSES};
use crate::domain::record::{Raw, RuntimeOptions};
use crate::i18n::{Lang, Msg};
use crate::service::Who;
use crate::service::ledger;
use crate::store::funds::{self as store_funds, FundRow, PaymentRow};
use crate::ui::app::{App, Screen};
use crate::ui::form::Form;
use crate::ui::keymap::{self, Action, Binding};
use crate::ui::pager::Pager;
use crate::ui::screens::{block, form_panel, list_footer};
use crate::ui::theme::Theme;

pub struct FundView {
    pub fund: FundRow,
    pub by_category: Vec<(String, i64, i64, i64)>,
    pub clients: i64,
    pub payments: Pager<PaymentRow>,
}

pub enum FMode {
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

pub struct FundScreen {
    pub funds: Vec<FundRow>,
    pub selected: usize,
    pub view: Option<Box<FundView>>,
    pub mode: FMode,
}

impl FundScreen {
    pub fn form(&self) -> Option<&Form> {
        match &self.mode {
            FMode::Add(f) | FMode::Void { form: f, .. } => Some(f),
            _ => None,
        }
    }

    pub fn form_mut(&mut self) -> Option<&mut Form> {
        match &mut self.mode {
            FMode::Add(f) | FMode::Void { form: f, .. } => Some(f),
            _ => None,
        }
    }

    pub fn keymap(&self) -> &'static [Binding] {
        match self.mode {
            FMode::List => keymap::FUNDS,
            FMode::View => keymap::FUND_VIEW,
            FMode::Approve(_) => keymap::APPROVE_PAYMENT,
            _ => keymap::FORM,
        }
    }

    pub fn title(&self) -> Msg {
        match self.mode {
            FMode::List => Msg::TitleFunds,
            FMode::Add(_) => Msg::TitleNewFund,
            FMode::View => Msg::TitleFund,
            FMode::Approve(_) => Msg::TitleApprovePayment,
            FMode::Void { .. } => Msg::TitleVoid,
        }
    }
}

fn money(c: i64) -> String {
    format!("${}", format_cents(c))
}

/// Why the person `user_id` may not approve payment `p`, if they may not.
fn approval_refused(p: &PaymentRow, user_id: i64) -> Option<crate::Error> {
    let id = p.id.to_string();
    match p.status.as_str() {
        "void" => Some(crate::Error::user_with(Msg::ErrApproveVoided, &[&id])),
        "approved" => Some(crate::Error::user_with(Msg::ErrApproveApproved, &[&id])),
        _ if p.requested_by_id == user_id => Some(crate::Error::user(Msg::ErrSelfApproval)),
        _ => None,
    }
}

/// A payment in full: whose, from which fund, for what, how much, to whom, who asked and when.
fn payment_lines(
    p: &PaymentRow,
    fund: &str,
    width: usize,
    t: Theme,
    lang: Lang,
) -> Vec<Line<'static>> {
    let row = |m: Msg, v: String| {
        Line::from(vec![Span::styled(format!(" {:<18}", m.text(lang)), t.dim()), Span::raw(v)])
    };
    let mut lines = vec![
        Line::from(Span::styled(
            format!(" {}", crate::i18n::fill(Msg::PaymentN.text(lang), &[&p.id.to_string()])),
            t.title(),
        )),
        row(Msg::ColClient, format!("#{}", p.client_id)),
        row(Msg::FieldFund, fund.to_string()),
        row(Msg::FieldPayCategory, label(CATEGORIES, &p.category, lang)),
        row(Msg::FieldAmount, money(p.amount_cents)),
        row(Msg::FieldPaidOn, p.paid_on.clone()),
        row(Msg::FieldPayee, p.payee.clone()),
    ];
    for (i, l) in
        crate::ui::wrap::wrap(&p.purpose, width.saturating_sub(20).max(10)).into_iter().enumerate()
    {
        lines.push(if i == 0 {
            row(Msg::FieldPurpose, l)
        } else {
            Line::raw(format!(" {:<18}{l}", ""))
        });
    }
    lines.push(row(
        Msg::ColRequestedBy,
        format!("{} · {}", p.requested_by, crate::domain::time::show_db(&p.requested_at)),
    ));
    lines.push(row(Msg::FieldStatus, label(STATUSES, &p.status, lang)));
    lines
}

impl App {
    fn funds_screen(&mut self) -> Option<&mut FundScreen> {
        match &mut self.screen {
            Screen::Funds(f) => Some(f),
            _ => None,
        }
    }

    pub(crate) fn open_funds(&mut self) {
        let Some((u, _)) = self.user_and_session() else { return };
        if !u.role.manages_funds() {
            return self.fail(crate::Error::user(Msg::ErrFundsRole));
        }
        match store_funds::list(self.store.conn(), u.agency_id) {
            Ok(funds) => {
                let selected = match &self.screen {
                    Screen::Funds(f) => f.selected.min(funds.len().saturating_sub(1)),
                    _ => 0,
                };
                self.screen = Screen::Funds(Box::new(FundScreen {
                    funds,
                    selected,
                    view: None,
                    mode: FMode::List,
                }))
            }
            Err(e) => self.fail(e),
        }
    }

    /// A fund's figures and the first page of its payments.
    fn open_fund(&mut self, id: i64) {
        let Some((u, _)) = self.user_and_session() else { return };
        let conn = self.store.conn();
        let loaded = (|| -> crate::Result<Option<FundView>> {
            let Some(fund) = store_funds::get(conn, u.agency_id, id)? else { return Ok(None) };
            Ok(Some(FundView {
                by_category: store_funds::by_category(conn, id)?,
                clients: store_funds::distinct_clients(conn, id)?,
                payments: Pager::load(
                    |o, l| store_funds::payments(conn, u.agency_id, id, o, l),
                    0,
                )?,
                fund,
            }))
        })();
        match loaded {
            Ok(Some(v)) => {
                if let Some(f) = self.funds_screen() {
                    f.view = Some(Box::new(v));
                    f.mode = FMode::View;
                }
            }
            Ok(None) => self.fail(crate::Error::user(Msg::ErrNoSuchRecord)),
            Err(e) => self.fail(e),
        }
    }

    pub(crate) fn funds_close_form(&mut self) {
        let Some(f) = self.funds_screen() else { return };
        f.mode = if f.view.is_some() { FMode::View } else { FMode::List };
    }

    pub(crate) fn funds_action(&mut self, action: Action) {
        let lang = self.lang;
        let now = self.now();
        let Some((u, sid)) = self.user_and_session() else { return };
        let Screen::Funds(f) = &mut self.screen else { return };
        match &f.mode {
            FMode::List => match action {
                Action::Up => f.selected = f.selected.saturating_sub(1),
                Action::Down => f.selected = (f.selected + 1).min(f.funds.len().saturating_sub(1)),
                Action::Open => {
                    if let Some(id) = f.funds.get(f.selected).map(|x| x.id) {
                        self.open_fund(id);
                    }
                }
                Action::Add => {
                    let today = crate::ui::screens::records::local_day(now);
                    let mut raw = Raw::new();
                    // The state fiscal year under way.
                    let state_year =
                        if today.month() >= 7 { today.year() + 1 } else { today.year() };
                    if let Some((from, to)) = fund::fiscal_year(state_year, false) {
                        raw.insert("period_from".into(), from.to_string());
                        raw.insert("period_to".into(), to.to_string());
                    }
                    raw.insert("source".into(), "state".into());
                    f.mode = FMode::Add(Form::from_schema(
                        fund::FUND_FIELDS,
                        &raw,
                        &RuntimeOptions::new(),
                        lang,
                    ));
                }
                Action::Back => self.go_home(),
                _ => {}
            },
            FMode::Add(form) => match action {
                Action::Submit => match Fund::from_raw(&form.raw()) {
                    Ok(fund) => {
                        let who = Who { user: &u, session_id: sid };
                        match ledger::add_fund(&mut self.store, who, &fund, now) {
                            Ok(id) => {
                                self.open_funds();
                                self.open_fund(id);
                                self.say(Msg::FundSaved);
                            }
                            Err(e) => self.fail(e),
                        }
                    }
                    Err(errors) => self.show_form_errors(&errors, fund::FUND_FIELDS),
                },
                Action::Back => self.back_or_confirm(App::funds_close_form),
                _ => {}
            },
            FMode::View => {
                let Some(v) = &mut f.view else { return };
                let (fund_id, agency) = (v.fund.id, u.agency_id);
                let conn = self.store.conn();
                let fetch = |o, l| store_funds::payments(conn, agency, fund_id, o, l);
                if let Some(result) = v.payments.navigate(action, fetch) {
                    return self.report(result);
                }
                let current = v.payments.current().cloned();
                match (action, current) {
                    (Action::Approve | Action::Void, None) => {
                        self.fail(crate::Error::user(Msg::ErrNoPayment))
                    }
                    // The payment shows in full first; approving it is a second, deliberate key.
                    (Action::Approve, Some(p)) => match approval_refused(&p, u.id) {
                        Some(e) => self.fail(e),
                        None => f.mode = FMode::Approve(Box::new(p)),
                    },
                    (Action::Void, Some(p)) if p.status == "void" => {
                        self.fail(crate::Error::user_with(Msg::ErrVoidVoided, &[&p.id.to_string()]))
                    }
                    (Action::Void, Some(p)) => {
                        let form = Form::from_schema(
                            fund::VOID_FIELDS,
                            &Raw::new(),
                            &RuntimeOptions::new(),
                            lang,
                        );
                        f.mode = FMode::Void { form, payment: Box::new(p) };
                    }
                    (Action::Back, _) => self.open_funds(),
                    _ => {}
                }
            }
            FMode::Approve(p) => match action {
                Action::Approve => {
                    let (id, fund_id) =
                        (p.id, f.view.as_ref().map(|v| v.fund.id).unwrap_or_default());
                    let who = Who { user: &u, session_id: sid };
                    match ledger::approve_payment(&mut self.store, who, id, now) {
                        Ok(()) => {
                            self.open_fund(fund_id);
                            self.say(Msg::PaymentApproved);
                        }
                        Err(e) => self.fail(e),
                    }
                }
                Action::Back => f.mode = FMode::View,
                _ => {}
            },
            FMode::Void { form, payment } => match action {
                Action::Submit => {
                    let reason = crate::domain::text::clean_line(
                        form.raw().get("reason").map(String::as_str).unwrap_or(""),
                    );
                    let id = payment.id;
                    if reason.is_empty() {
                        let e =
                            crate::domain::fields::FieldError::new("reason", Msg::ErrRequiredShort);
                        return self.show_form_errors(&[e], fund::VOID_FIELDS);
                    }
                    let who = Who { user: &u, session_id: sid };
                    let fund_id = f.view.as_ref().map(|v| v.fund.id).unwrap_or_default();
                    match ledger::void_payment(&mut self.store, who, id, &reason, now) {
                        Ok(()) => {
                            self.open_fund(fund_id);
                            self.say(Msg::PaymentVoided);
                        }
                        Err(e) => self.fail(e),
                    }
                }
                Action::Back => self.back_or_confirm(App::funds_close_form),
                _ => {}
            },
        }
    }
}

pub fn draw(frame: &mut Frame, area: Rect, f: &FundScreen, t: Theme, lang: Lang) {
    match &f.mode {
        FMode::List => draw_list(frame, area, f, t, lang),
        FMode::Add(form) => form_panel(frame, area, Msg::TitleNewFund, None, form, t, lang),
        FMode::View => {
            if let Some(v) = &f.view {
                draw_view(frame, area, v, t, lang)
            }
        }
        FMode::Approve(p) => {
            let width = area.width.saturating_sub(4) as usize;
            let question = crate::ui::wrap::wrap(Msg::ApproveQuestion.text(lang), width)
                .into_iter()
                .map(|l| Line::from(Span::styled(format!(" {l}"), t.key())));
            let after = std::iter::once(Line::raw("")).chain(question).collect();
            draw_payment(frame, area, (f, p, Msg::TitleApprovePayment), after, t, lang);
        }
        FMode::Void { form, payment } => {
            let note = Line::from(Span::styled(format!(" {}", Msg::VoidNote.text(lang)), t.dim()));
            let rest = draw_payment(frame, area, (f, payment, Msg::TitleVoid), vec![note], t, lang);
            crate::ui::screens::draw_form(frame, rest, form, t, lang);
        }
    }
}

/// A payment in full in a panel titled `title`, then the lines `after`; returns the room left
/// below them.
fn draw_payment(
    frame: &mut Frame,
    area: Rect,
    (f, p, title): (&FundScreen, &PaymentRow, Msg),
    after: Vec<Line<'static>>,
    t: Theme,
    lang: Lang,
) -> Rect {
    let b = block(title, t, lang);
    let inner = b.inner(area);
    frame.render_widget(b, area);
    let fund = f.view.as_ref().map(|v| v.fund.name.as_str()).unwrap_or("");
    let mut lines = payment_lines(p, fund, inner.width.saturating_sub(2) as usize, t, lang);
    lines.extend(after);
    let h = (lines.len() as u16 + 1).min(inner.height);
    frame.render_widget(Paragraph::new(lines), Rect { height: h, ..inner });
    Rect { y: inner.y + h, height: inner.height - h, ..inner }
}

fn draw_list(frame: &mut Frame, area: Rect, f: &FundScreen, t: Theme, lang: Lang) {
    let rows: Vec<Row> = f
        .funds
        .iter()
        .enumerate()
        .map(|(i, x)| {
            let mark = if i == f.selected { t.marker() } else { " " };
            let row = Row::new(vec![
                Cell::from(format!("{mark}{}", x.name)),
                Cell::from(format!("{}..{}", x.from.strftime("%y-%m"), x.to.strftime("%y-%m"))),
                Cell::from(money(x.amount_cents)),
                Cell::from(money(x.paid_cents)),
                Cell::from(money(x.pending_cents)),
                Cell::from(money(x.remaining_cents())),
            ]);
            if i == f.selected { row.style(t.focus()) } else { row }
        })
        .collect();
    let heads = [
        Msg::FieldFundName,
        Msg::ColPeriod,
        Msg::FieldAmount,
        Msg::RepPaid,
        Msg::ColPending,
        Msg::ColLeft,
    ];
    let header = Row::new(heads.map(|m| Cell::from(m.text(lang)))).style(t.title());
    let widths = [
        Constraint::Fill(1),
        Constraint::Length(12),
        Constraint::Length(10),
        Constraint::Length(10),
        Constraint::Length(10),
        Constraint::Length(10),
    ];
    let empty = rows.is_empty();
    frame.render_widget(
        Table::new(rows, widths).header(header).block(block(Msg::TitleFunds, t, lang)),
        area,
    );
    if empty {
        let r =
            Rect { x: area.x + 2, y: area.y + 2, width: area.width.saturating_sub(4), height: 1 };
        frame.render_widget(Paragraph::new(Msg::NoFunds.text(lang)), r);
    }
}

fn draw_view(frame: &mut Frame, area: Rect, v: &FundView, t: Theme, lang: Lang) {
    let cats = v.by_category.len().max(1) as u16;
    let [head, body] =
        Layout::vertical([Constraint::Length(5 + cats), Constraint::Fill(1)]).areas(area);
    let f = &v.fund;
    let dim = |s: String| Span::styled(s, t.dim());
    let mut lines = vec![
        Line::from(vec![
            Span::styled(format!(" {}", f.name), t.title()),
            dim(format!(
                "  {} · {} {} {}",
                label(SOURCES, &f.source, lang),
                f.from,
                Msg::To.text(lang),
                f.to
            )),
        ]),
        Line::from(vec![
            dim(format!(" {} ", Msg::FieldAmount.text(lang))),
            Span::raw(money(f.amount_cents)),
            dim(format!("   {} ", Msg::RepPaid.text(lang))),
            Span::raw(money(f.paid_cents)),
            dim(format!("   {} ", Msg::ColPending.text(lang))),
            Span::raw(money(f.pending_cents)),
            dim(format!("   {} ", Msg::ColLeft.text(lang))),
            Span::styled(money(f.remaining_cents()), t.title()),
        ]),
        Line::from(vec![
            dim(format!(" {} ", Msg::RepClientsPaid.text(lang))),
            Span::raw(v.clients.to_string()),
        ]),
    ];
    if v.by_category.is_empty() {
        lines.push(Line::from(dim(format!(" {}", Msg::NothingPaidYet.text(lang)))));
    }
    for (cat, cents, n, clients) in &v.by_category {
        lines.push(Line::raw(format!(
            "   {:<28} {:>12}  {}",
            label(CATEGORIES, cat, lang),
            money(*cents),
            crate::i18n::fill(
                Msg::PaymentsClients.text(lang),
                &[&n.to_string(), &clients.to_string()]
            )
        )));
    }
    frame.render_widget(Paragraph::new(lines).block(block(Msg::TitleFund, t, lang)), head);
    let rows: Vec<Row> = v
        .payments
        .rows
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let mark = if i == v.payments.selected { t.marker() } else { " " };
            let row = Row::new(vec![
                Cell::from(format!("{mark}{}", p.paid_on)),
                Cell::from(format!("#{}", p.client_id)),
                Cell::from(label(CATEGORIES, &p.category, lang)),
                Cell::from(money(p.amount_cents)),
                Cell::from(label(STATUSES, &p.status, lang)),
                Cell::from(p.requested_by.clone()),
            ]);
            let row = if p.status == "requested" { row.style(t.title()) } else { row };
            if i == v.payments.selected { row.style(t.focus()) } else { row }
        })
        .collect();
    let heads = [
        Msg::FieldPaidOn,
        Msg::ColClient,
        Msg::FieldPayCategory,
        Msg::FieldAmount,
        Msg::FieldStatus,
        Msg::ColRequestedBy,
    ];
    let header = Row::new(heads.map(|m| Cell::from(m.text(lang)))).style(t.title());
    let widths = [
        Constraint::Length(11),
        Constraint::Length(6),
        Constraint::Fill(1),
        Constraint::Length(11),
        Constraint::Length(12),
        Constraint::Length(13),
    ];
    frame.render_widget(
        Table::new(rows, widths).header(header).block(block(Msg::TitlePayments, t, lang)),
        body,
    );
    list_footer(frame, body, &v.payments, t, lang);
}
