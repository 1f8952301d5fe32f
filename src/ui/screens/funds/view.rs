//! Drawing the funds screens: the list, a fund with its payments, and a payment in full for
//! its approval or void.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Row, Table};

use super::{FMode, FundScreen, FundView};
use crate::domain::directory::label;
use crate::domain::fields::format_cents;
use crate::domain::fund::{CATEGORIES, SOURCES, STATUSES};
use crate::i18n::{Lang, Msg};
use crate::store::funds::PaymentRow;
use crate::ui::screens::{block, form_panel, list_footer};
use crate::ui::theme::Theme;
use crate::ui::widgets::fit;

fn money(c: i64) -> String {
    format!("${}", format_cents(c))
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
    for (i, l) in crate::ui::widgets::wrap::wrap(&p.purpose, width.saturating_sub(20).max(10))
        .into_iter()
        .enumerate()
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

pub(super) fn draw(frame: &mut Frame, area: Rect, f: &FundScreen, t: Theme, lang: Lang) {
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
            let question = crate::ui::widgets::wrap::wrap(Msg::ApproveQuestion.text(lang), width)
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
    let rows: Vec<Vec<String>> = f
        .funds
        .iter()
        .map(|x| {
            vec![
                x.name.clone(),
                money(x.amount_cents),
                money(x.paid_cents),
                money(x.pending_cents),
                money(x.remaining_cents()),
            ]
        })
        .collect();
    let heads: Vec<String> =
        [Msg::FieldFundName, Msg::FieldAmount, Msg::RepPaid, Msg::ColPending, Msg::ColLeft]
            .iter()
            .map(|m| m.text(lang).to_string())
            .collect();
    // Money is never cut (up to $9,999,999.99); the period is on the fund's own view.
    let widths = [
        Constraint::Fill(1),
        Constraint::Length(13),
        Constraint::Length(13),
        Constraint::Length(13),
        Constraint::Length(13),
    ];
    let empty = rows.is_empty();
    let b = block(Msg::TitleFunds, t, lang);
    frame.render_widget(fit::table(area, &heads, &rows, Some(f.selected), &widths, t, b), area);
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
    let widths = [
        Constraint::Length(11),
        // "Cliente", and a record number of six digits.
        Constraint::Length(8),
        Constraint::Fill(1),
        Constraint::Length(12),
        Constraint::Length(11),
        Constraint::Length(13),
    ];
    let w = fit::column_widths(body, &widths);
    let rows: Vec<Row> = v
        .payments
        .rows
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let mark = if i == v.payments.selected { t.marker() } else { " " };
            let texts = [
                format!("{mark}{}", p.paid_on),
                format!("#{}", p.client_id),
                label(CATEGORIES, &p.category, lang),
                money(p.amount_cents),
                label(STATUSES, &p.status, lang),
                p.requested_by.clone(),
            ];
            let row = Row::new(fit::cells(&texts, &w));
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
    let heads: Vec<String> = heads.iter().map(|m| m.text(lang).to_string()).collect();
    let header = Row::new(fit::cells(&heads, &w)).style(t.title());
    frame.render_widget(
        Table::new(rows, widths).header(header).block(block(Msg::TitlePayments, t, lang)),
        body,
    );
    list_footer(frame, body, &v.payments, t, lang);
}
