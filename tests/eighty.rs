//! Nothing a person acts on is cut at 80x24, in either language: every screen drawn with long
//! but valid names (a long agency, a long staff name, a long client name with a safety flag, a
//! long fund), and every one of those values shown whole or ending in "…".

mod common;

use common::console::*;
use common::*;
use intake::auth::Actor;
use intake::auth::accounts;
use intake::domain::staff::Role;
use intake::service::Who;
use ratatui::crossterm::event::KeyCode;

const AGENCY: &str = "Coalición de Servicios para Sobrevivientes del Norte de Nuevo México";
const ADVOCATE: &str = "Maximiliana Guadalupe Fernández-Castillo de la Cruz";
const CLIENT: &str = "Esperanza Concepción de los Ángeles Martínez";
const FUND: &str = "Fondo estatal para víctimas de delitos, año fiscal 2027 (renta y viaje)";

/// `value` is on the screen whole, or cut to a prefix of at least three characters that ends
/// in "…"; never cut without a mark.
fn whole_or_marked(screen: &str, value: &str, what: &str) {
    if screen.contains(value) {
        return;
    }
    let chars: Vec<char> = value.chars().collect();
    let marked = (3..chars.len()).rev().any(|n| {
        let prefix: String = chars[..n].iter().collect();
        screen.contains(&format!("{}…", prefix.trim_end()))
    });
    assert!(marked, "{what}: {value:?} is cut without an ellipsis:\n{screen}");
}

fn world() -> Harness {
    let mut h = Harness::admin();
    let now = fixed_now();
    let s = &mut h.app.store;
    for (user, name, agency) in
        [("maxi", ADVOCATE, "Enlace Comunitario"), ("lupe", "Lupe Ortiz", AGENCY)]
    {
        accounts::add_user(
            s,
            Actor::CLI,
            CHEAP,
            &account(user, name, Role::Advocate, agency, "470193"),
            now,
        )
        .unwrap();
    }
    let maxi = accounts::find_user(s, "maxi").unwrap();
    let ana = accounts::find_user(s, "ana").unwrap();
    let mut raw = intake::domain::client::defaults();
    raw.insert("chosen_name".into(), CLIENT.into());
    raw.insert("age".into(), "15".into());
    raw.insert("danger".into(), "yes".into());
    raw.insert("assigned_to".into(), maxi.id.to_string());
    let runtime: intake::domain::record::RuntimeOptions =
        [("assigned_to", vec![(maxi.id.to_string(), ADVOCATE.to_string())])].into_iter().collect();
    let today = "2026-11-28".parse().unwrap();
    let c = intake::domain::client::Client::from_raw(&raw, &runtime, today).unwrap();
    let who = Who { user: &ana, session_id: None };
    let also = intake::service::casework::Also::default();
    intake::service::casework::save_client(s, who, None, &c, today, also, now).unwrap();
    let fund = intake::domain::fund::Fund {
        name: FUND.into(),
        source: "state".into(),
        from: "2026-07-01".parse().unwrap(),
        to: "2027-06-30".parse().unwrap(),
        amount_cents: 250_000_000,
        categories: vec!["rent".into(), "travel".into()],
    };
    intake::service::ledger::add_fund(s, who, &fund, now).unwrap();
    s.write(|tx| intake::store::directory::seed_if_empty(tx, now)).unwrap();
    h
}

/// Every screen with the long values on it, in the language the console is in.
fn walk(h: &mut Harness, lang: &str) {
    let home = |h: &mut Harness| {
        while !matches!(h.app.screen, intake::ui::app::Screen::Home(_)) {
            h.key(KeyCode::Esc);
        }
    };
    // Staff and agencies: the long name, role and agency.
    h.typed("s");
    let staff = h.screen();
    whole_or_marked(&staff, ADVOCATE, &format!("{lang} staff name"));
    whole_or_marked(&staff, AGENCY, &format!("{lang} staff agency"));
    for role in [Role::Advocate, Role::Admin] {
        let label = role.label().text(h.app.lang);
        assert!(staff.contains(label), "{lang} role {label:?} cut:\n{staff}");
    }
    home(h);
    h.typed("a");
    whole_or_marked(&h.screen(), AGENCY, &format!("{lang} agencies"));
    home(h);
    // Clients: the safety flag whole before the name; the case record's Assigned to.
    h.typed("e");
    let list = h.screen();
    assert!(
        list.contains("[SAFETY]") || list.contains("[PELIGRO]") || list.contains("[SEGURIDAD]"),
        "{list}"
    );
    whole_or_marked(&list, CLIENT, &format!("{lang} client list"));
    h.enter();
    let record = h.screen();
    whole_or_marked(&record, CLIENT, &format!("{lang} case record name"));
    whole_or_marked(&record, ADVOCATE, &format!("{lang} case record: assigned to"));
    // The screening chooser.
    h.typed("c");
    let chooser = h.screen();
    for line in chooser.lines().filter(|l| l.contains('◀')) {
        assert!(line.contains('▶'), "a choice is cut: {line}\n{chooser}");
    }
    home(h);
    // Funds: the long name; money whole.
    h.typed("f");
    let funds = h.screen();
    whole_or_marked(&funds, FUND, &format!("{lang} funds"));
    assert!(funds.contains("$2,500,000.00"), "money is never cut:\n{funds}");
    home(h);
    // Reports: every report's name on the tab lines.
    h.typed("n");
    let reports = h.screen();
    for kind in intake::domain::report::Kind::ALL {
        let name = kind.title().text(h.app.lang);
        assert!(reports.contains(name), "{lang} report tab {name:?} cut:\n{reports}");
    }
    home(h);
    // The directory.
    h.typed("d").typed("nm");
    h.run_search();
    let dir = h.screen();
    for line in dir.lines().skip(5).take(10) {
        // A cut cell ends in "…": no line of the table runs into the border mid-word.
        let inner: Vec<char> = line.chars().collect();
        if inner.len() > 2 && inner[inner.len() - 1] == '│' {
            let before = inner[inner.len() - 2];
            assert!(
                before == ' '
                    || before == '…'
                    || before == '~'
                    || before == '?'
                    || before.is_ascii_digit(),
                "{lang}: {line}\n{dir}"
            );
        }
    }
    home(h);
}

#[test]
fn home_shows_a_long_agency_marked_in_both_languages() {
    let mut h = world();
    h.login("lupe", "470193");
    // A first login with a temporary PIN asks for a new one first.
    if h.app.form().is_some() {
        h.typed("470193")
            .key(KeyCode::Tab)
            .typed("582914")
            .key(KeyCode::Tab)
            .typed("582914")
            .enter();
    }
    for lang in ["en", "es"] {
        let home = h.screen();
        let line = home.lines().nth(1).unwrap().to_string();
        whole_or_marked(&line, AGENCY, &format!("{lang} home"));
        assert!(line.trim_end_matches(['"', ' ']).ends_with(')'), "{lang}: {line}");
        h.typed("g");
    }
}

#[test]
fn every_screen_at_80x24_shows_long_values_whole_or_marked_in_both_languages() {
    let mut h = world();
    h.login("ana", ADMIN_PIN);
    walk(&mut h, "en");
    h.typed("g");
    walk(&mut h, "es");
}
