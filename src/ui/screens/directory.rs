//! Finding a service while the person waits: search as you type (a short pause after the last
//! key, never a query per frame, the first page only), filters, a detail view, and the phone
//! number copied to the user's own clipboard with OSC 52 (which works over SSH). A shelter's
//! street address is never shown unless the place allows it.

use std::time::{Duration, Instant};

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Cell, Paragraph, Row, Table};

use crate::domain::contact::LANGUAGES;
use crate::domain::directory::{CATEGORIES, POPULATIONS, label};
use crate::domain::fields::{FieldSpec, Kind, Options, YES_NO};
use crate::domain::record::{Raw, RuntimeOptions};
use crate::i18n::{Lang, Msg, fill};
use crate::store::directory::{self, Detail, Filter, Hit};
use crate::ui::app::{App, Screen};
use crate::ui::form::{Field, Form};
use crate::ui::keymap::{self, Action, Binding};
use crate::ui::screens::{block, draw_form, form_panel, wrap};
use crate::ui::theme::Theme;

/// How long the search waits after the last key before it runs.
pub const DEBOUNCE: Duration = Duration::from_millis(150);
const PAGE: i64 = 15;

const FILTERS: &[FieldSpec] = &[
    FieldSpec::new("category", Msg::FieldCategory, Kind::One(Options::Fixed(CATEGORIES))),
    FieldSpec::new("area", Msg::FieldArea, Kind::One(Options::Areas)),
    FieldSpec::new("population", Msg::FieldPopulation, Kind::One(Options::Fixed(POPULATIONS))),
    FieldSpec::new("language", Msg::FieldLanguage, Kind::One(Options::Fixed(LANGUAGES))),
    FieldSpec::new("open_now", Msg::FieldOpenNow, Kind::One(Options::Fixed(YES_NO))),
    FieldSpec::new("open_24_7", Msg::FieldOpen247, Kind::One(Options::Fixed(YES_NO))),
];

pub enum DMode {
    Search,
    Filters(Form),
    Detail(Box<Detail>),
}

pub struct DirectoryScreen {
    /// The search box: one field.
    pub search: Form,
    pub filter: Raw,
    pub hits: Vec<Hit>,
    pub selected: usize,
    /// When the search runs, after the last key.
    pub due: Option<Instant>,
    /// The search box's revision the results belong to.
    pub searched_rev: u64,
    pub mode: DMode,
}

impl DirectoryScreen {
    pub fn form(&self) -> Option<&Form> {
        match &self.mode {
            DMode::Search => Some(&self.search),
            DMode::Filters(f) => Some(f),
            DMode::Detail(_) => None,
        }
    }

    pub fn form_mut(&mut self) -> Option<&mut Form> {
        match &mut self.mode {
            DMode::Search => Some(&mut self.search),
            DMode::Filters(f) => Some(f),
            DMode::Detail(_) => None,
        }
    }

    pub fn keymap(&self) -> &'static [Binding] {
        match self.mode {
            DMode::Search => keymap::DIRECTORY,
            DMode::Filters(_) => keymap::FORM,
            DMode::Detail(_) => keymap::DIRECTORY_DETAIL,
        }
    }

    pub fn title(&self) -> Msg {
        match self.mode {
            DMode::Search => Msg::TitleDirectory,
            DMode::Filters(_) => Msg::TitleFilter,
            DMode::Detail(_) => Msg::TitleService,
        }
    }

    fn filter(&self, now: jiff::Timestamp) -> Filter {
        let v =
            |k: &str| self.filter.get(k).map(|s| s.trim().to_string()).filter(|s| !s.is_empty());
        Filter {
            category: v("category"),
            area: v("area"),
            population: v("population"),
            language: v("language"),
            open_24_7: v("open_24_7").as_deref() == Some("yes"),
            open_now: (v("open_now").as_deref() == Some("yes"))
                .then(|| crate::domain::directory::local_week_minute(now)),
        }
    }
}

impl App {
    fn directory(&mut self) -> Option<&mut DirectoryScreen> {
        match &mut self.screen {
            Screen::Directory(d) => Some(d),
            _ => None,
        }
    }

    pub(crate) fn open_directory(&mut self) {
        let search = Form::new(vec![Field::text(Msg::FieldSearchServices, 100)]);
        let mut d = DirectoryScreen {
            search,
            filter: Raw::new(),
            hits: Vec::new(),
            selected: 0,
            due: None,
            searched_rev: u64::MAX,
            mode: DMode::Search,
        };
        d.search.fields[0].required = false;
        self.screen = Screen::Directory(Box::new(d));
        self.run_search();
    }

    /// After a key: a changed search box schedules the search a moment later.
    pub(crate) fn schedule_search(&mut self, now: Instant) {
        if let Some(d) = self.directory()
            && matches!(d.mode, DMode::Search)
            && d.search.revision != d.searched_rev
            && d.due.is_none()
        {
            d.due = Some(now + DEBOUNCE);
        }
    }

    /// How long until a scheduled search is due (None: nothing scheduled).
    pub fn search_due_in(&self, now: Instant) -> Option<Duration> {
        match &self.screen {
            Screen::Directory(d) => d.due.map(|t| t.saturating_duration_since(now)),
            _ => None,
        }
    }

    /// Run the search if it is due (the loop calls this when its wait times out).
    pub fn on_timer(&mut self, now: Instant) {
        if self.directory().and_then(|d| d.due).is_some_and(|t| t <= now) {
            self.run_search();
        }
    }

    /// Search now: the first page for what the box says and the filters.
    pub fn run_search(&mut self) {
        let now = self.now();
        let today = crate::ui::screens::records::local_day(now);
        let Screen::Directory(d) = &mut self.screen else { return };
        let text = d.search.text(0).to_string();
        let rev = d.search.revision;
        let filter = d.filter(now);
        match directory::search(self.store.conn(), &text, &filter, today, 0, PAGE) {
            Ok(hits) => {
                d.hits = hits;
                d.selected = 0;
                d.due = None;
                d.searched_rev = rev;
                self.redraw = true;
            }
            Err(e) => self.fail(e),
        }
    }

    pub(crate) fn directory_close_form(&mut self) {
        if let Some(d) = self.directory() {
            d.mode = DMode::Search;
        }
    }

    pub(crate) fn directory_action(&mut self, action: Action) {
        let lang = self.lang;
        let today = crate::ui::screens::records::local_day(self.now());
        let Some(d) = self.directory() else { return };
        match &d.mode {
            DMode::Search => match action {
                Action::Up => d.selected = d.selected.saturating_sub(1),
                Action::Down => d.selected = (d.selected + 1).min(d.hits.len().saturating_sub(1)),
                Action::Open => {
                    if let Some(id) = d.hits.get(d.selected).map(|h| h.service_id) {
                        match directory::detail(self.store.conn(), id, today) {
                            Ok(Some(detail)) => {
                                if let Some(d) = self.directory() {
                                    d.mode = DMode::Detail(Box::new(detail));
                                }
                            }
                            Ok(None) => self.fail(crate::Error::user(Msg::ErrNoSuchRecord)),
                            Err(e) => self.fail(e),
                        }
                    }
                }
                Action::Filter => {
                    let form = Form::from_schema(FILTERS, &d.filter, &RuntimeOptions::new(), lang);
                    d.mode = DMode::Filters(form);
                }
                Action::ClearFilter => {
                    d.filter = Raw::new();
                    self.run_search();
                }
                Action::Back => self.go_home(),
                _ => {}
            },
            DMode::Filters(form) => match action {
                Action::Submit => {
                    d.filter = form.raw();
                    d.mode = DMode::Search;
                    self.run_search();
                }
                Action::Back => d.mode = DMode::Search,
                _ => {}
            },
            DMode::Detail(detail) => match action {
                Action::CopyPhone => match detail.hit.phone.clone() {
                    Some(phone) => {
                        self.clipboard = Some(phone.clone());
                        self.say_text(fill(Msg::PhoneCopied.text(lang), &[&phone]));
                    }
                    None => self.fail(crate::Error::user(Msg::NoPhone)),
                },
                Action::Back => d.mode = DMode::Search,
                _ => {}
            },
        }
    }
}

fn area_of(h: &Hit, lang: Lang) -> String {
    if h.statewide { Msg::Statewide.text(lang).to_string() } else { h.areas.join(", ") }
}

pub fn draw(frame: &mut Frame, area: Rect, d: &DirectoryScreen, t: Theme, lang: Lang) {
    match &d.mode {
        DMode::Filters(form) => form_panel(
            frame,
            area,
            Msg::TitleFilter,
            Some(Msg::FilterHint.text(lang)),
            form,
            t,
            lang,
        ),
        DMode::Detail(detail) => draw_detail(frame, area, detail, t, lang),
        DMode::Search => {
            let [boxed, list] =
                Layout::vertical([Constraint::Length(3), Constraint::Fill(1)]).areas(area);
            let b = block(Msg::TitleDirectory, t, lang);
            let inner = b.inner(boxed);
            frame.render_widget(b, boxed);
            draw_form(frame, inner, &d.search, t, lang);
            let rows: Vec<Row> = d
                .hits
                .iter()
                .enumerate()
                .map(|(i, h)| {
                    let mark = if i == d.selected { t.marker() } else { " " };
                    let mut flags = String::new();
                    if h.unverified {
                        flags.push('?');
                    }
                    if h.stale {
                        flags.push('~');
                    }
                    let cats: Vec<String> =
                        h.categories.iter().map(|c| label(CATEGORIES, c, lang)).collect();
                    let row = Row::new(vec![
                        Cell::from(format!("{mark}{}", h.name)),
                        Cell::from(cats.join(", ")),
                        Cell::from(area_of(h, lang)),
                        Cell::from(h.phone.clone().unwrap_or_default()),
                        Cell::from(flags),
                    ]);
                    if i == d.selected { row.style(t.focus()) } else { row }
                })
                .collect();
            let heads =
                [Msg::ColName, Msg::FieldCategory, Msg::FieldArea, Msg::FieldPhone, Msg::ColFlags];
            let header = Row::new(heads.map(|m| Cell::from(m.text(lang)))).style(t.title());
            let widths = [
                Constraint::Fill(2),
                Constraint::Fill(1),
                Constraint::Length(14),
                Constraint::Length(15),
                Constraint::Length(5),
            ];
            let filtered = d.filter.values().any(|v| !v.trim().is_empty());
            let title = if filtered { Msg::ResultsFiltered } else { Msg::TitleResults };
            let empty = rows.is_empty();
            frame.render_widget(
                Table::new(rows, widths).header(header).block(block(title, t, lang)),
                list,
            );
            if empty {
                let r = Rect {
                    x: list.x + 2,
                    y: list.y + 2,
                    width: list.width.saturating_sub(4),
                    height: 1,
                };
                frame.render_widget(Paragraph::new(Msg::NoServicesFound.text(lang)), r);
            }
        }
    }
}

fn draw_detail(frame: &mut Frame, area: Rect, d: &Detail, t: Theme, lang: Lang) {
    let b = block(Msg::TitleService, t, lang);
    let inner = b.inner(area);
    frame.render_widget(b, area);
    let width = inner.width.saturating_sub(4) as usize;
    let h = &d.hit;
    let mut lines =
        vec![Line::from(Span::styled(format!(" {} · {}", h.name, h.organization), t.title()))];
    if h.unverified || h.stale {
        let m = if h.unverified { Msg::EntryUnverified } else { Msg::EntryStale };
        for l in wrap(m.text(lang), width) {
            lines.push(Line::from(Span::styled(format!(" {l}"), t.error())));
        }
    }
    for l in wrap(&d.description, width) {
        lines.push(Line::raw(format!(" {l}")));
    }
    let row = |m: Msg, v: String| {
        Line::from(vec![Span::styled(format!(" {:<25}", m.text(lang)), t.dim()), Span::raw(v)])
    };
    let join = |list: &[String], of: &[(&str, Msg)]| {
        list.iter().map(|c| label(of, c, lang)).collect::<Vec<_>>().join(", ")
    };
    lines.push(Line::raw(""));
    lines.push(row(Msg::FieldPhone, h.phone.clone().unwrap_or_default()));
    if let Some(tn) = &d.text_number {
        lines.push(row(Msg::FieldTextNumber, tn.clone()));
    }
    let hours = if d.open_24_7 { "24/7".to_string() } else { d.hours.clone().unwrap_or_default() };
    // Only what is on file: an empty row says nothing.
    for (label_msg, value) in [
        (Msg::FieldHours, hours),
        (Msg::FieldSchedule, crate::domain::directory::format_schedule(&d.schedule, lang)),
        (Msg::FieldCategory, join(&h.categories, CATEGORIES)),
        (Msg::FieldArea, area_of(h, lang)),
    ] {
        if !value.is_empty() {
            lines.push(row(label_msg, value));
        }
    }
    if !d.populations.is_empty() {
        lines.push(row(Msg::FieldPopulation, join(&d.populations, POPULATIONS)));
    }
    if !d.languages.is_empty() {
        lines.push(row(Msg::FieldLanguage, join(&d.languages, LANGUAGES)));
    }
    if let Some(e) = &d.eligibility {
        lines.push(row(Msg::FieldEligibility, e.clone()));
    }
    for p in &d.places {
        lines.push(row(Msg::FieldPlace, p.clone()));
    }
    if let Some(w) = &d.web {
        lines.push(row(Msg::FieldWeb, w.clone()));
    }
    let [body, keys] = Layout::vertical([Constraint::Fill(1), Constraint::Length(1)]).areas(inner);
    frame.render_widget(Paragraph::new(lines), body);
    frame.render_widget(
        Paragraph::new(Span::styled(format!(" {}", Msg::CopyHint.text(lang)), t.key())),
        keys,
    );
}
