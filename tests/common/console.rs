//! The console on a TestBackend at 80x24, driven key by key: the harness the console tests share.

use intake::auth::Actor;
use intake::auth::accounts;
use intake::domain::staff::Role;
use intake::i18n::Lang;
use intake::ui::screens;
use intake::ui::theme::Theme;
use intake::ui::{App, Input, Options};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::*;

pub const MONO: Theme = Theme { color: false, ascii: false };

/// 13:00 on 28 November 2026 in Denver.
pub fn fixed_now() -> jiff::Timestamp {
    "2026-11-28T20:00:00Z".parse().unwrap()
}

pub struct Harness {
    pub db: TestDb,
    pub app: App,
    pub term: Terminal<TestBackend>,
}

impl Harness {
    /// Search the directory now, for what its box says, as the loop's timer would.
    pub fn run_search(&mut self) {
        let now = self.app.now();
        if let intake::ui::app::Screen::Directory(d) = &self.app.screen {
            let search = d.search_now(now);
            self.app.run(vec![search]);
        }
    }

    pub fn on(db: TestDb, store: intake::store::Store) -> Harness {
        let opts = Options {
            cost: CHEAP,
            theme: MONO,
            lang: Lang::En,
            clock: fixed_now,
            key_user: None,
            settings_every: intake::ui::event_loop::SETTINGS_EVERY,
        };
        let app = App::new(store, opts).unwrap();
        Harness { db, app, term: Terminal::new(TestBackend::new(80, 24)).unwrap() }
    }

    pub fn first_run() -> Harness {
        let db = TestDb::new();
        let store = db.open();
        Harness::on(db, store)
    }

    pub fn admin() -> Harness {
        let (db, store) = with_admin();
        Harness::on(db, store)
    }

    pub fn key(&mut self, code: KeyCode) -> &mut Self {
        self.app.handle(Input::Key(KeyEvent::new(code, KeyModifiers::NONE)));
        self.settle()
    }

    pub fn ctrl(&mut self, c: char) -> &mut Self {
        self.app.handle(Input::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL)));
        self.settle()
    }

    /// What the loop does once the screen is drawn: write what a hide or a lock owes.
    pub fn settle(&mut self) -> &mut Self {
        if self.app.owed.owes_now() {
            self.app.pay_owed(Some(intake::ui::app::QUICK));
        }
        self
    }

    pub fn typed(&mut self, s: &str) -> &mut Self {
        for c in s.chars() {
            self.key(KeyCode::Char(c));
        }
        self
    }

    pub fn enter(&mut self) -> &mut Self {
        self.key(KeyCode::Enter)
    }

    pub fn login(&mut self, user: &str, pin: &str) -> &mut Self {
        self.typed(user).enter().typed(pin).enter()
    }

    /// The link drops: the process ends without quitting; a new one opens the same database.
    pub fn reconnect(self) -> Harness {
        let Harness { db, app, .. } = self;
        drop(app);
        let store = db.open();
        Harness::on(db, store)
    }

    /// Move to the field with this schema key.
    pub fn focus_field(&mut self, key: &str) -> &mut Self {
        let i = self.app.form().unwrap().fields.iter().position(|f| f.key == key).expect(key);
        while self.app.form().unwrap().focus != i {
            self.key(KeyCode::Tab);
        }
        self
    }

    pub fn screen(&mut self) -> String {
        self.term.draw(|f| screens::draw(f, &self.app)).unwrap();
        self.term.backend().to_string()
    }

    pub fn status(&self) -> String {
        self.app.status.as_ref().map(|s| s.text.clone()).unwrap_or_default()
    }
}

pub fn add_ben(h: &mut Harness, role: Role) {
    accounts::add_user(
        &mut h.app.store,
        Actor::CLI,
        CHEAP,
        &account("ben", "Ben Ortiz", role, "Enlace Comunitario", "470193"),
        jiff::Timestamp::now(),
    )
    .unwrap();
}

pub fn advocate(h: &mut Harness) {
    accounts::add_user(
        &mut h.app.store,
        Actor::CLI,
        CHEAP,
        &account("bea", "Beatriz Luna", Role::Advocate, "Enlace Comunitario", "470193"),
        jiff::Timestamp::now(),
    )
    .unwrap();
    h.login("bea", "470193");
}

/// An advocate with a client aged 16, on the client's case record.
pub fn with_young_client(h: &mut Harness) {
    advocate(h);
    h.typed("e").typed("n").typed("Luz").focus_field("age").typed("16");
    h.ctrl('s');
}

/// The consent step done with the tool whose title starts with `tool`.
pub fn consent(h: &mut Harness, tool: &str) {
    h.typed("c");
    h.enter().typed(tool).enter();
    h.typed("y");
    h.ctrl('s');
}

/// The advocate `bea` on the case record of a new client, Rosa (#1), with a legal service for
/// Spanish speakers in Doña Ana County in the directory.
pub fn rosa_and_a_legal_service(h: &mut Harness) -> intake::domain::ids::ServiceId {
    let service = h
        .app
        .store
        .write(|tx| {
            use intake::store::directory;
            let org = directory::add_organization(
                tx,
                "Frontera Legal",
                "Immigration law",
                None,
                true,
                None,
                fixed_now(),
            )?;
            directory::add_service(
                tx,
                &directory::NewService {
                    organization_id: org,
                    name: "T visa legal help".into(),
                    description: "Visas for survivors".into(),
                    phone: Some("575-555-0142".into()),
                    categories: vec!["legal".into()],
                    languages: vec!["spanish".into()],
                    areas: vec!["Doña Ana County".into()],
                    last_verified: Some("2026-10-01".parse().unwrap()),
                    ..Default::default()
                },
                fixed_now(),
            )
        })
        .unwrap();
    advocate(h);
    h.typed("e").typed("n").typed("Rosa").focus_field("age").typed("30");
    h.ctrl('s');
    service
}

/// A supervisor `sara`, an advocate `bea`, a client (#1), a fund with a payment awaiting
/// approval, and some hotline contacts and services this fiscal year (State FY2027).
pub fn funds_and_figures(h: &mut Harness) {
    use intake::domain::fund::{Fund, Payment};
    use intake::service::Who;
    let now = fixed_now();
    let mut add = |name: &str, role: Role| {
        accounts::add_user(
            &mut h.app.store,
            Actor::CLI,
            CHEAP,
            &account(name, name, role, "Enlace Comunitario", "470193"),
            now,
        )
        .unwrap();
        accounts::find_user(&h.app.store, name).unwrap()
    };
    let sara = add("sara", Role::Supervisor);
    let bea = add("bea", Role::Advocate);
    let s = &mut h.app.store;
    let who = |u| Who { user: u, session_id: None };
    let mut raw = intake::domain::client::defaults();
    raw.insert("chosen_name".into(), "RM".into());
    raw.insert("age".into(), "31".into());
    let day = |d: &str| d.parse::<jiff::civil::Date>().unwrap();
    let c = intake::domain::client::Client::from_raw(&raw, &Default::default(), day("2026-08-03"))
        .unwrap();
    let client = intake::service::casework::save_client(
        s,
        who(&bea),
        None,
        &c,
        day("2026-08-03"),
        Default::default(),
        now,
    )
    .unwrap();
    for (kind, on) in
        [("legal", "2026-08-04"), ("transport", "2026-09-10"), ("legal", "2026-10-02")]
    {
        let mut r = intake::domain::record::Raw::new();
        r.insert("service_type".into(), kind.into());
        r.insert("delivered_on".into(), on.into());
        let e = intake::domain::client::ServiceEntry::from_raw(&r).unwrap();
        intake::service::casework::add_service(s, who(&bea), client, &e, now).unwrap();
    }
    for (i, at) in [
        "2026-07-14 10:00",
        "2026-08-02 21:30",
        "2026-08-20 09:15",
        "2026-10-05 14:00",
        "2026-11-27 23:40",
    ]
    .iter()
    .enumerate()
    {
        let mut r = intake::domain::contact::defaults(now);
        r.insert("started_at".into(), at.to_string());
        r.insert(
            "caller_type".into(),
            if i % 2 == 0 { "possible_victim" } else { "community" }.into(),
        );
        if i == 1 {
            r.insert("channel".into(), "text".into());
            r.insert("language".into(), "spanish".into());
        }
        let c = intake::domain::contact::Contact::from_raw(&r).unwrap();
        intake::service::hotline::save_contact(s, who(&bea), None, &c, now).unwrap();
    }
    let f = Fund {
        name: "State victim fund FY27".into(),
        source: "state".into(),
        from: day("2026-07-01"),
        to: day("2027-06-30"),
        amount_cents: 2_500_000,
        categories: vec!["rent".into(), "travel".into(), "civil_legal".into()],
    };
    let fund = intake::service::ledger::add_fund(s, who(&sara), &f, now).unwrap();
    let paid = Payment {
        fund_id: fund,
        category: "travel".into(),
        amount_cents: 18_000,
        paid_on: day("2026-09-12"),
        payee: "Bus line".into(),
        purpose: String::new(),
    };
    let id = intake::service::ledger::request_payment(s, who(&bea), client, &paid, now).unwrap();
    intake::service::ledger::approve_payment(s, who(&sara), id, now).unwrap();
}

/// The user's newest draft, whichever session kept it.
pub fn latest_draft(
    h: &Harness,
    user: intake::domain::ids::UserId,
) -> Option<intake::store::drafts::Draft> {
    let now = h.app.now();
    let all = intake::store::drafts::available(h.app.store.conn(), user, None, |_, _| false, now);
    all.unwrap().into_iter().next().map(|o| o.draft)
}
