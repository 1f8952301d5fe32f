//! Where a draft belongs: the screen and form an unsaved draft comes back on, exactly where it
//! was left (a hotline contact or tip, a client's intake, service or note, a referral or a
//! service). Reading the draft is the app's; this only maps it, so it needs no database.

use crate::domain::draft::DraftForm;
use crate::domain::ids::{ClientId, ContactId, ServiceId};
use crate::domain::record::Raw;
use crate::i18n::{Lang, Msg, fill};
use crate::service::hotline;
use crate::store::drafts::Draft;
use crate::store::referrals::Subject;
use crate::ui::effect::Route;
use crate::ui::screens::clients::Pending as Client;
use crate::ui::screens::directory::Pending as Dir;
use crate::ui::screens::records::{Pending, RecordKind};

/// The route that brings `draft` back (None: a draft that lacks what its form needs).
pub fn route(draft: &Draft, lang: Lang) -> Option<Route> {
    let payload: serde_json::Value = serde_json::from_str(&draft.payload).unwrap_or_default();
    let raw: Raw = serde_json::from_value(payload["fields"].clone()).unwrap_or_default();
    let focus = payload["focus"].as_u64().unwrap_or(0) as usize;
    let (form, record) = (draft.form, draft.record_id);
    let kind = match form {
        DraftForm::Contact => Some(RecordKind::Contact),
        DraftForm::Tip => Some(RecordKind::Tip),
        _ => None,
    };
    if let Some(kind) = kind {
        // A contact's draft kept its caller identifier only as a keyed hash.
        let caller = hotline::draft_caller(&payload);
        let note = caller.as_ref().map(|(_, l2)| fill(Msg::CallerKeptHashed.text(lang), &[l2]));
        let pending =
            Pending { id: record, raw: Some(raw), note, caller, draft_focus: Some(focus) };
        return Some(Route::RecordForm(kind, Box::new(pending)));
    }
    Some(match (form, record) {
        (DraftForm::DirService, id) => Route::DirectoryDraft(
            None,
            Box::new(Dir::Service { id: id.map(ServiceId), raw, focus }),
        ),
        (DraftForm::Referral | DraftForm::ReferralContact, Some(id)) => {
            let service_id = payload["service_id"].as_i64()?;
            let who = if form == DraftForm::Referral {
                Subject::Client(ClientId(id))
            } else {
                Subject::Contact(ContactId(id))
            };
            Route::DirectoryDraft(
                Some(who),
                Box::new(Dir::Refer { service_id: ServiceId(service_id), raw, focus }),
            )
        }
        (DraftForm::Client, id) => Route::ClientForm(Box::new(Client::Intake {
            id: id.map(ClientId),
            raw,
            from_contact: None,
            focus: Some(focus),
        })),
        (DraftForm::Service | DraftForm::Note, Some(client)) => {
            Route::ClientForm(Box::new(Client::CaseForm {
                form,
                client: ClientId(client),
                raw,
                focus,
            }))
        }
        // A referral's draft always names whom it is for; one without is not brought back.
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn draft(form: DraftForm, record_id: Option<i64>, payload: &str) -> Draft {
        Draft { id: 1, form, record_id, payload: payload.into(), updated_at: String::new() }
    }

    #[test]
    fn each_kind_of_draft_has_its_screen_and_focus() {
        let contact = draft(
            DraftForm::Contact,
            None,
            r#"{"focus":5,"fields":{"notes":"x"},"caller":{"hash":"h","last2":"42"}}"#,
        );
        let Some(Route::RecordForm(RecordKind::Contact, p)) = route(&contact, Lang::En) else {
            panic!("a contact's form")
        };
        assert_eq!(p.draft_focus, Some(5));
        assert_eq!(p.caller, Some(("h".into(), "42".into())));
        assert!(p.note.unwrap().contains("..42"));
        let referral =
            draft(DraftForm::Referral, Some(3), r#"{"focus":1,"fields":{},"service_id":8}"#);
        assert!(matches!(
            route(&referral, Lang::En),
            Some(Route::DirectoryDraft(Some(Subject::Client(crate::domain::ids::ClientId(3))), p))
                if *p == Dir::Refer { service_id: ServiceId(8), raw: Raw::new(), focus: 1 }
        ));
        let broken = draft(DraftForm::Referral, Some(3), r#"{"focus":1,"fields":{}}"#);
        assert_eq!(route(&broken, Lang::En), None, "a referral draft names its service");
        let note = draft(DraftForm::Note, Some(4), r#"{"focus":0,"fields":{"body":"b"}}"#);
        assert!(matches!(route(&note, Lang::En), Some(Route::ClientForm(_))));
        let nobody = draft(DraftForm::Referral, None, r#"{"focus":1,"fields":{},"service_id":8}"#);
        assert_eq!(route(&nobody, Lang::En), None, "a referral draft names whom it is for");
    }
}
