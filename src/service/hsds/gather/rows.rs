//! The rows of phones.csv and schedules.csv: a phone of any type on whatever it names, and a
//! schedule of any kind on a service or a place.

use jiff::civil::Date;

use super::super::DAYS;
use super::super::dataset::Check;
use super::super::schedule;
use super::{Cells, Gathered, cell};
use crate::domain::fields::parse_date;
use crate::i18n::Msg;
use crate::store::directory::{PHONE_KINDS, Phone, Rule};

impl Gathered {
    /// A phone of any type on a service, a place or an organisation (one row may name several).
    /// A service's first voice (or cell) number is the one the console offers to call, its
    /// first text number the one to text: a fax never is.
    pub(super) fn phone(&mut self, c: &mut Check, row: usize, cells: &Cells) {
        let t = "phones.csv";
        let r = (row, cells);
        let Some(number) = c.text(t, r, "number", 40, true) else { return };
        let kind = cell(cells, "type").to_ascii_lowercase();
        let kind = match kind.as_str() {
            "" | "voice" | "main" | "hotline" | "toll free" | "toll-free" | "tollfree" => "voice",
            "sms" | "text" => "text",
            "tty" | "tdd" | "textphone" => "textphone",
            "mobile" | "cell" => "cell",
            k if PHONE_KINDS.contains(&k) => k,
            _ => {
                c.bad(t, row, "type", Msg::ErrHsdsPhoneType, &[]);
                return;
            }
        };
        let extension = c.text(t, r, "extension", 10, false);
        let description = c.text(t, r, "description", 300, false);
        let phone = Phone {
            number,
            extension,
            kind: kind.to_string(),
            description,
            hsds_id: c.text(t, r, "id", 64, true),
        };
        let mut owned = false;
        if let Some(i) = self.owner_service(c, t, row, cells) {
            let s = &mut self.ds.services[i].service;
            if phone.callable() && s.phone.is_none() {
                s.phone = Some(phone.number.clone());
            }
            if phone.kind == "text" && s.text_number.is_none() {
                s.text_number = Some(phone.number.clone());
            }
            s.phones.push(phone.clone());
            owned = true;
        }
        if let Some(lid) = self.owner_location(c, t, row, cells)
            && let Some(l) = self.locations.get_mut(&lid)
        {
            l.phones.push(phone.clone());
            owned = true;
        }
        let oid = cell(cells, "organization_id");
        if let Some(&o) = self.orgs.get(&oid) {
            self.ds.organizations[o].phones.push(phone);
            owned = true;
        } else if !oid.is_empty() {
            c.bad(t, row, "organization_id", Msg::ErrHsdsUnknownRef, &[&oid]);
            return;
        }
        if !owned && cell(cells, "service_id").is_empty() && cell(cells, "location_id").is_empty() {
            c.bad(t, row, "id", Msg::ErrHsdsOwner, &[]);
        }
    }

    /// A schedule of a service or a place. A service's plain weekly hours become its spans
    /// (searchable for "open now"); anything else is kept as given and shown: monthly or every
    /// other week, valid only between two days (an expired one is never current), or a place's.
    pub(super) fn schedule(&mut self, c: &mut Check, row: usize, cells: &Cells) {
        let t = "schedules.csv";
        let r = (row, cells);
        let service = self.owner_service(c, t, row, cells);
        let place = self.owner_location(c, t, row, cells);
        if service.is_none() && place.is_none() {
            if cell(cells, "service_id").is_empty() && cell(cells, "location_id").is_empty() {
                c.bad(t, row, "service_id", Msg::ErrHsdsOwner, &[]);
            }
            return;
        }
        let before = c.problems.len();
        let date = |c: &mut Check, col: &str| -> Option<Date> {
            let v = cell(cells, col);
            if v.is_empty() {
                return None;
            }
            let d = parse_date(v.get(..10).unwrap_or(&v));
            if d.is_none() {
                c.bad(t, row, col, Msg::ErrDateForm, &[]);
            }
            d
        };
        let (valid_from, valid_to) = (date(c, "valid_from"), date(c, "valid_to"));
        let freq = cell(cells, "freq").to_ascii_uppercase();
        if !matches!(freq.as_str(), "" | "WEEKLY" | "MONTHLY") {
            c.bad(t, row, "freq", Msg::ErrHsdsFreq, &[]);
        }
        let whole = |c: &mut Check, col: &str| -> Option<u8> {
            let v = cell(cells, col);
            if v.is_empty() {
                return None;
            }
            let n = v.parse::<u8>().ok().filter(|n| (1..=99).contains(n));
            if n.is_none() {
                c.bad(t, row, col, Msg::ErrHsdsWhole, &[]);
            }
            n
        };
        let interval = whole(c, "interval");
        let zone = cell(cells, "timezone");
        let column_offset = if zone.is_empty() {
            None
        } else {
            match zone.parse::<f64>() {
                Ok(h) if (-14.0..=14.0).contains(&h) => Some(h.round() as i32),
                _ => {
                    c.bad(t, row, "timezone", Msg::ErrHsdsWhole, &[]);
                    None
                }
            }
        };
        let time = |c: &mut Check, col: &str| -> Option<(u16, Option<i32>)> {
            let v = cell(cells, col);
            if v.is_empty() {
                return None;
            }
            let p = schedule::parse(&v, column_offset);
            if p.is_none() {
                c.bad(t, row, col, Msg::ErrHsdsTime, &[]);
            }
            p
        };
        let (opens, closes) = (time(c, "opens_at"), time(c, "closes_at"));
        let byday = cell(cells, "byday").to_ascii_uppercase().replace(' ', "");
        let bymonthday = cell(cells, "bymonthday").replace(' ', "");
        let description = c.text(t, r, "description", 300, false);
        let monthly = freq == "MONTHLY";
        let mut days = Vec::new();
        for d in byday.split(',').filter(|d| !d.is_empty()) {
            // A monthly rule may say which one: 2TU, -1FR.
            let name =
                d.trim_start_matches(['+', '-']).trim_start_matches(|ch: char| ch.is_ascii_digit());
            match DAYS.iter().position(|x| *x == name) {
                Some(p) if name.len() == d.len() || monthly => days.push(p as u8 + 1),
                _ => {
                    c.bad(t, row, "byday", Msg::ErrHsdsDays, &[]);
                    break;
                }
            }
        }
        if c.problems.len() > before {
            return;
        }
        let local =
            |p: Option<(u16, Option<i32>)>| p.map(|(m, off)| schedule::local(m, off, self.today));
        let (o, e) = (local(opens), local(closes));
        if let (Some(o), Some(e)) = (o, e)
            && o.0 == e.0
        {
            c.bad(t, row, "closes_at", Msg::ErrHsdsTimeRange, &[]);
            return;
        }
        let plain = !monthly
            && interval.is_none_or(|i| i == 1)
            && bymonthday.is_empty()
            && valid_from.is_none()
            && valid_to.is_none()
            && !days.is_empty()
            && o.is_some()
            && e.is_some();
        if let (Some(i), true) = (service, plain)
            && let (Some(o), Some(e)) = (o, e)
            && let Some(spans) = schedule::spans(&days, o, e.0)
        {
            self.ds.services[i].service.schedule.extend(spans);
            return;
        }
        if let (Some(i), true) = (
            service,
            o.is_none()
                && e.is_none()
                && byday.is_empty()
                && bymonthday.is_empty()
                && valid_to.is_none()
                && valid_from.is_none(),
        ) {
            // Only words: the service's hours as written.
            if let Some(h) = description {
                let s = &mut self.ds.services[i].service;
                if s.hours.is_none() && h.chars().count() <= 200 {
                    s.hours = Some(h);
                } else {
                    s.rules.push(Rule {
                        description: Some(h),
                        hsds_id: cell(cells, "id").into(),
                        ..Default::default()
                    });
                }
            }
            return;
        }
        let rule = Rule {
            freq: Some(freq).filter(|f| !f.is_empty()),
            interval,
            byday: Some(byday).filter(|b| !b.is_empty()),
            bymonthday: Some(bymonthday).filter(|b| !b.is_empty()),
            opens: o.map(|x| x.0),
            closes: e.map(|x| if x.0 == 1439 { 1440 } else { x.0 }),
            valid_from,
            valid_to,
            description,
            hsds_id: Some(cell(cells, "id")).filter(|i| !i.is_empty()),
        };
        match (service, place) {
            (Some(i), _) => self.ds.services[i].service.rules.push(rule),
            (None, Some(l)) => {
                if let Some(l) = self.locations.get_mut(&l) {
                    l.rules.push(rule);
                }
            }
            _ => {}
        }
    }
}
