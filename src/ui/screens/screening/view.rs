//! Drawing a screening: the consent step, one question at a time with its answer keys, the
//! list of questions, the note and reporting forms, and the result (never a score).

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::{SMode, ScreeningScreen, answer_hint, lang_name};
use crate::domain::screening::Answer;
use crate::domain::screening::Completeness;
use crate::i18n::{Lang, Msg, fill};
use crate::ui::keymap;
use crate::ui::screen::Page;
use crate::ui::screens::{block, draw_form, wrap};
use crate::ui::theme::Theme;
use crate::ui::widgets::fit;

pub(super) fn draw(frame: &mut Frame, area: Rect, s: &ScreeningScreen, t: Theme, lang: Lang) {
    match &s.mode {
        SMode::Consent(form) => {
            let b = block(Msg::TitleConsent, t, lang);
            let inner = b.inner(area);
            frame.render_widget(b, area);
            let age = match (s.age_known, crate::domain::reporting::is_minor(&s.minor)) {
                (false, _) => None,
                (true, true) => Some(Msg::AgeRecordMinor),
                (true, false) => Some(Msg::AgeRecordAdult),
            };
            let intro: Vec<Line> = [Msg::ConsentIntro, Msg::InterpreterWarning]
                .iter()
                .chain(age.iter())
                .flat_map(|m| wrap(m.text(lang), inner.width.saturating_sub(2) as usize))
                .map(|l| Line::raw(format!(" {l}")))
                .collect();
            let mut intro = intro;
            let chosen = form.raw().get("tool").cloned().unwrap_or_default();
            if let (Some(age), Some(tool)) = (s.age, s.tools.iter().find(|t| t.id == chosen))
                && !(tool.age_min..=tool.age_max).contains(&age)
            {
                let args = [tool.age_min.to_string(), tool.age_max.to_string(), age.to_string()];
                let text = fill(Msg::ToolAgeWarning.text(lang), &[&args[0], &args[1], &args[2]]);
                intro.extend(
                    wrap(&text, inner.width.saturating_sub(2) as usize)
                        .into_iter()
                        .map(|l| Line::from(Span::styled(format!(" {l}"), t.error()))),
                );
            }
            let h = intro.len() as u16 + 1;
            frame.render_widget(Paragraph::new(intro), Rect { height: h, ..inner });
            draw_form(
                frame,
                Rect { y: inner.y + h, height: inner.height.saturating_sub(h), ..inner },
                form,
                t,
                lang,
            );
        }
        SMode::Note(form) | SMode::Report(form) => {
            let b = block(s.title(), t, lang);
            let inner = b.inner(area);
            frame.render_widget(b, area);
            let note = match (&s.mode, &s.report_note) {
                (SMode::Report(_), Some(n)) => wrap(n, inner.width.saturating_sub(2) as usize),
                _ => Vec::new(),
            };
            let h = note.len() as u16 + 1;
            let lines: Vec<Line> = note
                .into_iter()
                .map(|l| Line::from(Span::styled(format!(" {l}"), t.key())))
                .collect();
            frame.render_widget(Paragraph::new(lines), Rect { height: h, ..inner });
            draw_form(
                frame,
                Rect { y: inner.y + h, height: inner.height.saturating_sub(h), ..inner },
                form,
                t,
                lang,
            );
        }
        SMode::Item => draw_item(frame, area, s, t, lang),
        SMode::List { selected } => draw_list(frame, area, s, *selected, t, lang),
        SMode::Result | SMode::Closed => draw_result(frame, area, s, t, lang),
        SMode::Opening => {}
    }
}

fn draw_item(frame: &mut Frame, area: Rect, s: &ScreeningScreen, t: Theme, lang: Lang) {
    let Some(tool) = &s.tool else { return };
    let Some(item) = tool.items.get(s.current) else { return };
    let title = format!(
        " {} ",
        fill(
            Msg::ItemOf.text(lang),
            &[&(s.current + 1).to_string(), &tool.items.len().to_string()]
        )
    );
    let b = block(Msg::TitleScreening, t, lang).title(Span::styled(title, t.dim()));
    let inner = b.inner(area);
    frame.render_widget(b, area);
    let width = inner.width.saturating_sub(4) as usize;
    // The question in the person's language (or, for this one, the other: to check an
    // interpreter); everything else in the worker's.
    let shown = s.item_lang();
    let where_ = if s.other_wording {
        fill(
            Msg::ScrOtherShown.text(lang),
            &[lang_name(shown).text(lang), lang_name(s.lang).text(lang)],
        )
    } else {
        fill(
            Msg::ScrAskedIn.text(lang),
            &[lang_name(s.lang).text(lang), lang_name(s.lang.other()).text(lang)],
        )
    };
    let mut lines = vec![Line::from(Span::styled(format!("  {where_}"), t.dim())), Line::raw("")];
    let big = Style::default().add_modifier(Modifier::BOLD);
    lines.extend(
        wrap(item.text.get(shown), width)
            .into_iter()
            .map(|l| Line::from(Span::styled(format!("  {l}"), big))),
    );
    lines.push(Line::raw(""));
    if s.show_help {
        lines.extend(
            wrap(item.help.get(shown), width)
                .into_iter()
                .map(|l| Line::from(Span::styled(format!("  {l}"), t.dim()))),
        );
        lines.push(Line::raw(""));
    }
    let answer = s
        .answers
        .get(&item.id)
        .map(|a| answer_label(*a).text(lang))
        .unwrap_or(Msg::NotAskedYet.text(lang));
    lines.push(Line::raw(format!("  {}: {answer}", Msg::FieldAnswer.text(lang))));
    if let Some(a) = s.earlier.get(&item.id) {
        let text = fill(Msg::EarlierAnswer.text(lang), &[answer_label(*a).text(lang)]);
        lines.push(Line::from(Span::styled(format!("  {text}"), t.key())));
    }
    let hint = answer_hint(lang, item.allows_na);
    let hint_lines: Vec<Line> = keymap::pack(&hint, inner.width.saturating_sub(2) as usize)
        .into_iter()
        .map(|l| Line::from(Span::styled(format!(" {l}"), t.key())))
        .collect();
    let [body, keys] =
        Layout::vertical([Constraint::Fill(1), Constraint::Length(hint_lines.len() as u16)])
            .areas(inner);
    frame.render_widget(Paragraph::new(lines), body);
    frame.render_widget(Paragraph::new(hint_lines), keys);
}

fn draw_list(
    frame: &mut Frame,
    area: Rect,
    s: &ScreeningScreen,
    selected: usize,
    t: Theme,
    lang: Lang,
) {
    let Some(tool) = &s.tool else { return };
    let rows: Vec<Vec<String>> = tool
        .items
        .iter()
        .enumerate()
        .map(|(i, it)| {
            let answer = s.answers.get(&it.id).map(|a| answer_label(*a).text(lang)).unwrap_or("");
            vec![(i + 1).to_string(), it.text.get(lang).to_string(), answer.to_string()]
        })
        .collect();
    let heads: Vec<String> = [Msg::ColNumber, Msg::ColQuestion, Msg::FieldAnswer]
        .iter()
        .map(|m| m.text(lang).to_string())
        .collect();
    let widths = [Constraint::Length(4), Constraint::Fill(1), Constraint::Length(16)];
    let b = block(Msg::TitleItemList, t, lang);
    frame.render_widget(fit::table(area, &heads, &rows, Some(selected), &widths, t, b), area);
}

fn draw_result(frame: &mut Frame, area: Rect, s: &ScreeningScreen, t: Theme, lang: Lang) {
    let Some(tool) = &s.tool else { return };
    let outcome = tool.score(&s.answers);
    let b = block(Msg::TitleScreeningResult, t, lang);
    let inner = b.inner(area);
    frame.render_widget(b, area);
    let width = inner.width.saturating_sub(4) as usize;
    let state = match outcome.completeness {
        Completeness::Complete => Msg::ScrComplete,
        Completeness::Incomplete => Msg::ScrIncompleteLong,
        Completeness::IndicatorsIncomplete => Msg::ScrIndicatorsIncomplete,
    };
    let mut lines = vec![
        Line::from(Span::styled(format!(" {}", tool.title.get(lang)), t.title())),
        Line::raw(format!(" {}", state.text(lang))),
        Line::raw(""),
    ];
    if let Some(level) = outcome.level.as_deref().and_then(|l| tool.level(l)) {
        let style = if level.positive { t.error() } else { Style::default() };
        lines.extend(
            wrap(level.text.get(lang), width)
                .into_iter()
                .map(|l| Line::from(Span::styled(format!(" {l}"), style))),
        );
        if !level.services.is_empty() {
            let names: Vec<String> = level
                .services
                .iter()
                .map(|id| {
                    crate::domain::client::SERVICES
                        .iter()
                        .find(|(i, _)| i == id)
                        .map(|(_, m)| m.text(lang).to_string())
                        .unwrap_or_else(|| id.clone())
                })
                .collect();
            lines.push(Line::raw(""));
            let text = format!("{}: {}", Msg::SuggestedServices.text(lang), names.join(", "));
            lines.extend(wrap(&text, width).into_iter().map(|l| Line::raw(format!(" {l}"))));
        }
        if crate::domain::reporting::report_required(&s.minor, level.positive) {
            // Closing requires the step (store::screenings::close), so a closed one has it.
            let closed = matches!(s.mode, SMode::Closed);
            let msg = if closed { Msg::ReportRecorded } else { Msg::ReportNeeded };
            lines.push(Line::raw(""));
            lines.extend(
                wrap(msg.text(lang), width)
                    .into_iter()
                    .map(|l| Line::from(Span::styled(format!(" {l}"), t.error()))),
            );
        }
    }
    if matches!(s.mode, SMode::Closed) {
        lines.push(Line::raw(""));
        for it in &tool.items {
            let a = s
                .answers
                .get(&it.id)
                .map(|a| answer_label(*a).text(lang))
                .unwrap_or(Msg::NotAskedYet.text(lang));
            let q: String = it.text.get(lang).chars().take(width.saturating_sub(20)).collect();
            lines.push(Line::raw(format!(" {a:<14} {q}")));
        }
    }
    frame.render_widget(Paragraph::new(lines), inner);
}

fn answer_label(a: Answer) -> Msg {
    match a {
        Answer::Yes => Msg::OptYes,
        Answer::No => Msg::OptNo,
        Answer::Declined => Msg::OptDeclined,
        Answer::Unknown => Msg::OptUnknown,
        Answer::Skipped => Msg::AnsSkipped,
        Answer::NotApplicable => Msg::AnsNotApplicable,
    }
}
