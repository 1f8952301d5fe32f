//! Where a route leads: the screen it names, as it opens (what it needs from the database it
//! asks for in `Page::enter`, which `App::go` runs next).

use crate::ui::effect::Route;
use crate::ui::screen::{Ctx, Screen};
use crate::ui::screens::agencies::AgencyScreen;
use crate::ui::screens::auth::AuthScreen;
use crate::ui::screens::clients::{ClientScreen, Pending as ClientPending};
use crate::ui::screens::directory::DirectoryScreen;
use crate::ui::screens::records::{Pending, RecordKind, RecordScreen};
use crate::ui::screens::referrals::ReferralScreen;
use crate::ui::screens::reports::ReportScreen;
use crate::ui::screens::screening::ScreeningScreen;
use crate::ui::screens::settings::SettingsScreen;
use crate::ui::screens::staff::StaffScreen;

/// The screen a route names (None for `ResumeDraft`, which is decided by the user's drafts).
pub fn screen_for(route: Route, ctx: &Ctx) -> Option<Screen> {
    let screen = match route {
        Route::Home => Screen::Home(Box::default()),
        Route::ChangePin => Screen::ChangePin(AuthScreen::change_pin(false)),
        Route::Login(username) => Screen::Login(AuthScreen::login(&username)),
        Route::NewContact => Screen::Records(RecordScreen::editing(
            RecordKind::Contact,
            Pending { id: None, raw: None, note: None, caller: None, draft_focus: None },
        )),
        Route::HotlineLog => Screen::Records(RecordScreen::list(RecordKind::Contact)),
        Route::Tips => Screen::Records(RecordScreen::list(RecordKind::Tip)),
        Route::RecordForm(kind, pending) => Screen::Records(RecordScreen::editing(kind, *pending)),
        Route::NewClient(raw, contact_id) => {
            let pending = ClientPending::Intake {
                id: None,
                raw: *raw,
                from_contact: Some(contact_id),
                focus: None,
            };
            Screen::Clients(Box::new(ClientScreen::with_form(pending)))
        }
        Route::DirectoryFor(subject) => {
            Screen::Directory(Box::new(DirectoryScreen::new(Some(subject))))
        }
        Route::DirectoryDraft(who, pending) => {
            Screen::Directory(Box::new(DirectoryScreen::resuming(who, *pending)))
        }
        Route::Clients => Screen::Clients(Box::new(ClientScreen::list())),
        Route::ClientForm(pending) => Screen::Clients(Box::new(ClientScreen::with_form(*pending))),
        Route::Directory => Screen::Directory(Box::new(DirectoryScreen::new(None))),
        // Not a screen: the user's latest draft decides where to go (`App::go`).
        Route::ResumeDraft => return None,
        Route::Settings => Screen::Settings(SettingsScreen::default()),
        Route::Agencies => Screen::Agencies(AgencyScreen::default()),
        Route::Outreach => Screen::Outreach(Box::default()),
        Route::Staff => Screen::Staff(StaffScreen::default()),
        Route::Funds => Screen::Funds(Box::default()),
        Route::FollowUps => Screen::Referrals(Box::new(ReferralScreen::follow_ups())),
        Route::Referral(id, back) => Screen::Referrals(Box::new(ReferralScreen::one(id, back))),
        Route::Client(id) => Screen::Clients(Box::new(ClientScreen::showing(id))),
        Route::Contact(id) => Screen::Records(RecordScreen::showing(RecordKind::Contact, id.0)),
        Route::Tip(id) => Screen::Records(RecordScreen::showing(RecordKind::Tip, id.0)),
        Route::Screening(id) => Screen::Screening(Box::new(ScreeningScreen::opening(id, ctx.lang))),
        Route::NewScreening(p) => {
            Screen::Screening(Box::new(ScreeningScreen::starting(*p, ctx.lang)))
        }
        Route::Disclosures(who) => {
            Screen::Disclosures(Box::new(crate::ui::screens::consent::log::LogScreen::new(who)))
        }
        Route::Offers => Screen::Offers(Box::default()),
        Route::Reports => Screen::Reports(Box::new(ReportScreen::new(ctx))),
    };
    Some(screen)
}
