//! Bringing back the user's latest unsaved form, on the screen it belongs to, where they left
//! it: a hotline contact or tip, a client's intake, service or note, a referral or a service.

use crate::domain::record::Raw;
use crate::i18n::{Msg, fill};
use crate::service::hotline;
use crate::store::drafts;
use crate::store::referrals::Subject;
use crate::ui::app::{App, Screen};
use crate::ui::effect::Route;
use crate::ui::screen::Page;
use crate::ui::screens::records::{Pending, RecordKind};

impl App {
    /// Resume the user's latest draft, where they left it (false: there is none).
    pub(crate) fn resume_draft(&mut self) -> bool {
        let Some(s) = &self.session else { return false };
        let draft = match drafts::latest(self.store.conn(), s.user.id) {
            Ok(Some(d)) => d,
            Ok(None) => return false,
            Err(e) => {
                self.fail(e);
                return false;
            }
        };
        let payload: serde_json::Value = serde_json::from_str(&draft.payload).unwrap_or_default();
        let raw: Raw = serde_json::from_value(payload["fields"].clone()).unwrap_or_default();
        let focus = payload["focus"].as_u64().unwrap_or(0) as usize;
        if draft.form.starts_with("referral") || draft.form == "dir_service" {
            use crate::ui::screens::directory::Pending as Dir;
            let (who, pending) = match (draft.form.as_str(), draft.record_id) {
                ("dir_service", id) => (None, Dir::Service { id, raw, focus }),
                (name, Some(id)) => {
                    let Some(service_id) = payload["service_id"].as_i64() else { return false };
                    let who =
                        if name == "referral" { Subject::Client(id) } else { Subject::Contact(id) };
                    (Some(who), Dir::Refer { service_id, raw, focus })
                }
                _ => return false,
            };
            self.go(Route::DirectoryDraft(who, Box::new(pending)));
            if self.form().is_some_and(|f| f.dirty) {
                self.say(Msg::DraftRestored);
            }
            return true;
        }
        let Some(kind) = RecordKind::parse(&draft.form) else {
            use crate::ui::screens::clients::Pending as Client;
            let pending = match (draft.form.as_str(), draft.record_id) {
                ("client", id) => {
                    Client::Intake { id, raw, from_contact: None, focus: Some(focus) }
                }
                (name, Some(client)) => {
                    Client::CaseForm { name: name.to_string(), client, raw, focus }
                }
                _ => return false,
            };
            self.go(Route::ClientForm(Box::new(pending)));
            if self.form().is_some_and(|f| f.dirty) {
                self.say(Msg::DraftRestored);
            }
            return true;
        };
        let caller = hotline::draft_caller(&payload);
        let note =
            caller.as_ref().map(|(_, last2)| fill(Msg::CallerKeptHashed.text(self.lang), &[last2]));
        let pending =
            Pending { id: draft.record_id, raw: Some(raw), note, caller, draft_focus: Some(focus) };
        self.go(Route::RecordForm(kind, Box::new(pending)));
        if !matches!(&self.screen, Screen::Records(r) if r.form().is_some()) {
            return false;
        }
        self.say(Msg::DraftRestored);
        true
    }
}
