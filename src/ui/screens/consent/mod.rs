//! Consent on screen: the release form (to an agency of the console or a party named in words,
//! its last day the administrator's default for its kind when left blank), a person's
//! disclosure log with its forms, and the cases other agencies offer this one.

pub mod log;
pub mod offers;

use crate::domain::client::release::{self, Defaults};
use crate::domain::record::{Raw, RuntimeOptions};
use crate::domain::time::local_day;
use crate::i18n::{Lang, fill};
use crate::ui::effect::{Done, Effect};
use crate::ui::widgets::form::Form;

/// The release form with what checking it needs: the agencies it may name (id, name, law
/// enforcement) and each recipient kind's default length.
pub struct ReleaseForm {
    pub form: Form,
    pub agencies: Vec<(i64, String, bool)>,
    pub defaults: Vec<(String, i64)>,
}

impl ReleaseForm {
    /// The release the form holds, checked on `today`.
    pub fn release(
        &self,
        today: jiff::civil::Date,
    ) -> Result<release::Release, Vec<crate::domain::fields::FieldError>> {
        let defaults: &Defaults = &self.defaults;
        release::Release::from_raw(&self.form.raw(), today, &self.agencies, defaults)
    }
}

/// What a blank last day means: each recipient kind's default length, in words.
pub fn defaults_note(defaults: &[(String, i64)], lang: Lang) -> String {
    let each: Vec<String> = defaults
        .iter()
        .map(|(k, d)| {
            let kind = crate::domain::directory::label(release::RECIPIENT_KINDS, k, lang);
            fill(crate::i18n::Msg::DaysOf.text(lang), &[&kind, &d.to_string()])
        })
        .collect();
    fill(crate::i18n::Msg::ReleaseDefaultNote.text(lang), &[&each.join(", ")])
}

/// The agencies a release may name: every other agency of the console.
pub fn other_agencies(
    conn: &rusqlite::Connection,
    own: crate::domain::ids::AgencyId,
) -> crate::Result<Vec<(i64, String, bool)>> {
    use crate::domain::staff::AgencyKind;
    Ok(crate::store::users::agencies(conn, 0, 500)?
        .into_iter()
        .filter(|a| a.id != own)
        .map(|a| (a.id.0, a.name, a.kind == AgencyKind::LawEnforcement))
        .collect())
}

/// Open the release form for a person whose language is `language` (a client's or a caller's).
pub fn release_form(language: String) -> Effect {
    Effect::run(move |store, ctx| {
        let conn = store.conn();
        let agencies = other_agencies(conn, ctx.who()?.user.agency_id)?;
        let defaults = crate::store::releases::defaults(conn)?;
        let form = fresh_form(&language, ctx.now, &agencies, ctx.lang);
        Ok(Done::ReleaseForm(Box::new(ReleaseForm { form, agencies, defaults })))
    })
}

fn fresh_form(
    language: &str,
    now: jiff::Timestamp,
    agencies: &[(i64, String, bool)],
    lang: Lang,
) -> Form {
    let mut raw = Raw::new();
    raw.insert("signed_on".into(), local_day(now).to_string());
    raw.insert("method".into(), "written".into());
    raw.insert("explained_in".into(), release::explained_in_for(language).into());
    let mut runtime = RuntimeOptions::new();
    runtime.insert(
        "recipient_agency",
        agencies.iter().map(|(id, name, _)| (id.to_string(), name.clone())).collect(),
    );
    Form::from_schema(release::RELEASE_FIELDS, &raw, &runtime, lang)
}
