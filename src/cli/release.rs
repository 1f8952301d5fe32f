//! `intake release`: a release printed for the person to sign (plain text or an HTML page, in
//! the language given with --lang, every field filled in), and each recipient kind's default
//! length (administrators set them).

use std::path::PathBuf;

use clap::Subcommand;

use crate::domain::client::release::{EXPLAINED_IN, METHODS, RECIPIENT_KINDS, SCOPES};
use crate::domain::directory::label;
use crate::error::{Error, Result};
use crate::i18n::{Lang, Msg, fill};
use crate::service::Who;
use crate::store::Store;
use crate::store::referrals::Subject;
use crate::store::releases::ReleaseLine;

#[derive(Subcommand, Debug)]
pub enum ReleaseCommand {
    /// A release, filled in, for the person to sign: text, or an HTML page (--html).
    Print {
        /// The release's number (as the case record's releases list it): 3 or #3.
        release: String,
        /// The advocate or supervisor printing it.
        #[arg(long)]
        user: String,
        /// An HTML page instead of plain text.
        #[arg(long)]
        html: bool,
        /// Write it to this file (0600) instead of printing it.
        #[arg(long)]
        out: Option<PathBuf>,
    },
    /// Each recipient kind's default length in days; --set KIND=DAYS changes one
    /// (administrators).
    Defaults {
        #[arg(long)]
        user: String,
        #[arg(long)]
        set: Option<String>,
    },
}

/// The printable release's lines, as (heading or empty, text).
fn body(r: &ReleaseLine, agency: &str, person: &str, lang: Lang) -> Vec<(String, String)> {
    let scope: Vec<String> = r.scope.iter().map(|s| label(SCOPES, s, lang)).collect();
    let recipient =
        format!("{} ({})", r.recipient, label(RECIPIENT_KINDS, &r.recipient_kind, lang));
    let t = |m: Msg| m.text(lang).to_string();
    vec![
        (String::new(), fill(Msg::PrintIntro.text(lang), &[person, agency])),
        (t(Msg::FieldRecipient), recipient),
        (t(Msg::FieldReleaseScope), scope.join(", ")),
        (t(Msg::FieldReleasePurpose), r.purpose.clone()),
        (
            t(Msg::PrintInForce),
            fill(
                Msg::PrintInForceText.text(lang),
                &[&r.signed_on.to_string(), &r.expires_on.to_string()],
            ),
        ),
        (t(Msg::FieldReleaseMethod), label(METHODS, &r.method, lang)),
        (t(Msg::FieldExplainedIn), label(EXPLAINED_IN, &r.explained_in, lang)),
        (String::new(), t(Msg::PrintNotCondition)),
        (String::new(), t(Msg::PrintRevoke)),
        (String::new(), t(Msg::PrintRedisclosure)),
    ]
}

fn text(r: &ReleaseLine, agency: &str, person: &str, lang: Lang) -> String {
    let mut out = format!("{}\n{}\n\n", Msg::PrintTitle.text(lang), agency);
    let mut headed = false;
    for (head, line) in body(r, agency, person, lang) {
        if head.is_empty() {
            // A paragraph: after the headed lines, a blank line first.
            if headed {
                out.push('\n');
                headed = false;
            }
            out.push_str(&format!("{line}\n\n"));
        } else {
            out.push_str(&format!("{head}: {line}\n"));
            headed = true;
        }
    }
    out.push_str(&format!(
        "{}\n\n{}\n\n{}\n",
        Msg::PrintSignPerson.text(lang),
        Msg::PrintSignStaff.text(lang),
        fill(Msg::PrintFooter.text(lang), &[&r.id.to_string(), &r.recorded_by])
    ));
    out
}

fn html(r: &ReleaseLine, agency: &str, person: &str, lang: Lang) -> String {
    use super::report_html::escape;
    let mut out = format!(
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n<title>{t}</title>\n\
         <style>body{{font-family:sans-serif;max-width:40em;margin:2em auto}}\
         dt{{font-weight:bold;margin-top:.6em}}.sign{{margin-top:3em}}</style>\n</head>\n<body>\n\
         <h1>{t}</h1>\n<p>{a}</p>\n",
        lang.id(),
        t = escape(Msg::PrintTitle.text(lang)),
        a = escape(agency)
    );
    let mut notes = Vec::new();
    for (i, (head, line)) in body(r, agency, person, lang).into_iter().enumerate() {
        if i == 0 {
            // The person's own words come first, then what they authorize.
            out.push_str(&format!("<p>{}</p>\n<dl>\n", escape(&line)));
        } else if head.is_empty() {
            notes.push(line);
        } else {
            out.push_str(&format!("<dt>{}</dt><dd>{}</dd>\n", escape(&head), escape(&line)));
        }
    }
    out.push_str("</dl>\n");
    for n in notes {
        out.push_str(&format!("<p>{}</p>\n", escape(&n)));
    }
    for s in [Msg::PrintSignPerson, Msg::PrintSignStaff] {
        out.push_str(&format!("<p class=\"sign\">{}</p>\n", escape(s.text(lang))));
    }
    let footer = fill(Msg::PrintFooter.text(lang), &[&r.id.to_string(), &r.recorded_by]);
    out.push_str(&format!("<p><small>{}</small></p>\n</body>\n</html>\n", escape(&footer)));
    out
}

pub fn run(store: &mut Store, c: &ReleaseCommand, lang: Lang) -> Result<()> {
    match c {
        ReleaseCommand::Print { release, user, html: as_html, out } => {
            let u = super::records::staff(store, user)?;
            if !u.role.sees_identity() {
                return Err(Error::user(Msg::ErrPrintRole));
            }
            let id = super::lifecycle::record_number(release)?.0;
            let who = Who { user: &u, session_id: None };
            let r = crate::service::consent::release_for_print(store, who, id)?;
            let person = match r.subject {
                Subject::Client(c) => {
                    let s = crate::store::clients::get(store.conn(), u.agency_id, c)?
                        .ok_or_else(|| Error::user(Msg::ErrNoSuchRecord))?;
                    let name = s.client.legal_name.unwrap_or(s.client.chosen_name);
                    format!("{name} ({})", fill(Msg::SubjectClient.text(lang), &[&c.to_string()]))
                }
                Subject::Contact(c) => fill(Msg::SubjectContact.text(lang), &[&c.to_string()]),
            };
            let page = if *as_html {
                html(&r, &u.agency_name, &person, lang)
            } else {
                text(&r, &u.agency_name, &person, lang)
            };
            match out {
                None => put!("{}", page.trim_end()),
                Some(path) => {
                    use std::io::Write;
                    use std::os::unix::fs::OpenOptionsExt;
                    let shown = path.display().to_string();
                    let mut f = std::fs::OpenOptions::new()
                        .write(true)
                        .create_new(true)
                        .mode(0o600)
                        .open(path)
                        .map_err(|_| Error::user_with(Msg::ErrExportWrite, &[&shown]))?;
                    f.write_all(page.as_bytes())?;
                    f.sync_all()?;
                    put!("{}", fill(Msg::PrintWritten.text(lang), &[&shown]));
                }
            }
            Ok(())
        }
        ReleaseCommand::Defaults { user, set } => {
            let u = super::records::staff(store, user)?;
            if let Some(pair) = set {
                let (kind, days) =
                    pair.split_once('=').ok_or_else(|| Error::user(Msg::ErrReleaseDefaultArg))?;
                let days: i64 =
                    days.trim().parse().map_err(|_| Error::user(Msg::ErrReleaseDays))?;
                let who = Who { user: &u, session_id: None };
                crate::service::consent::set_release_default(store, who, kind.trim(), days)?;
            }
            for (kind, days) in crate::store::releases::defaults(store.conn())? {
                let name = label(RECIPIENT_KINDS, &kind, lang);
                put!("{kind}\t{days}\t{name}");
            }
            Ok(())
        }
    }
}
