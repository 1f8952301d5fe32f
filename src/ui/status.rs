//! The status line's rules, so that it never outlives what it speaks of: a notice belongs to
//! the screen it was made on; an error about a form's fields goes once one of them is fixed;
//! another error on a form, once the form changes; an error with no form in front was about the
//! last key, and the next key clears it.

use crate::domain::fields::{FieldError, FieldSpec};
use crate::i18n::{Lang, Msg};
use crate::ui::screen::Screen;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Status {
    pub text: String,
    pub error: bool,
    /// Which saying this is: the same words said again by the next key are new, not a
    /// leftover for `settle` to clear.
    said: u64,
}

/// Counts the statuses made, so each saying is told apart from the last.
static SAID: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);

impl Status {
    fn new(text: String, error: bool) -> Status {
        let said = SAID.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        Status { text, error, said }
    }

    pub fn note(text: String) -> Status {
        Status::new(text, false)
    }

    pub fn error(text: String) -> Status {
        Status::new(text, true)
    }

    /// A form that did not pass its schema: the first field in trouble, what is wrong with it,
    /// and how many fields need attention.
    pub fn form_errors(errors: &[FieldError], schema: &[FieldSpec], lang: Lang) -> Option<Status> {
        let first = errors.first()?;
        let field = schema.iter().find(|s| s.key == first.key).map(|s| s.label.text(lang));
        let args: Vec<&str> = first.args.iter().map(String::as_str).collect();
        let what = crate::i18n::fill(first.msg.text(lang), &args);
        let text = crate::i18n::fill(
            Msg::FormHasErrors.text(lang),
            &[field.unwrap_or(first.key), &what, &errors.len().to_string()],
        );
        Some(Status::error(text))
    }
}

/// Where the status line's text was said: the screen, and the form in front then.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Said {
    pub screen: (std::mem::Discriminant<Screen>, Msg),
    /// The form in front then: its revision and how many of its fields showed an error.
    pub form: Option<(u64, usize)>,
}

/// After a key: remember where a new status was said (`now`), or clear one that no longer
/// holds. `before` is the status as the key arrived.
pub fn settle(
    status: &mut Option<Status>,
    said: &mut Option<Said>,
    before: Option<Status>,
    now: Said,
) {
    // New this key, or said outside a key (by the loop, say a search that failed).
    if *status != before || said.is_none() {
        *said = status.as_ref().map(|_| now);
        return;
    }
    let (Some(s), Some(then)) = (status.as_ref(), said.as_ref()) else { return };
    let stale = then.screen != now.screen
        || (s.error
            && match (then.form, now.form) {
                (Some((_, errors)), Some((_, left))) if errors > 0 => left < errors,
                (Some((revision, _)), Some((rev, _))) => rev != revision,
                _ => true,
            });
    if stale {
        *status = None;
        *said = None;
    }
}

/// The form field an error is about.
pub fn field_of(msg: Msg) -> Option<Msg> {
    use Msg::*;
    Some(match msg {
        PinLength | PinNotDigits | PinAllSame | PinSequence | PinRepeats | PinYearLike
        | PinCommon | PinOwnDigits | ErrPinUnchanged => FieldNewPin,
        PinMismatch => FieldPinAgain,
        ErrCurrentPinWrong => FieldCurrentPin,
        ErrUsernameForm | ErrUsernameTaken => FieldUsername,
        ErrAgencyExists => FieldAgency,
        ErrIdleRange => FieldIdleMinutes,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn said(screen: &Screen, title: Msg, form: Option<(u64, usize)>) -> Said {
        Said { screen: (std::mem::discriminant(screen), title), form }
    }

    #[test]
    fn a_status_lasts_as_long_as_what_it_speaks_of() {
        let home = Screen::Hidden;
        let error = Some(Status::error("Caller type: required".into()));
        let (mut status, mut at) = (error.clone(), None);
        // Said now, on a form with one field in error.
        settle(&mut status, &mut at, None, said(&home, Msg::TitleNewContact, Some((3, 1))));
        assert!(status.is_some());
        // Another field typed in: the field in error still is.
        settle(
            &mut status,
            &mut at,
            error.clone(),
            said(&home, Msg::TitleNewContact, Some((4, 1))),
        );
        assert!(status.is_some());
        // Fixed: it goes.
        settle(
            &mut status,
            &mut at,
            error.clone(),
            said(&home, Msg::TitleNewContact, Some((5, 0))),
        );
        assert_eq!(status, None);
        // A notice stays on its screen and goes with it.
        let notice = Some(Status::note("Contact #1 saved.".into()));
        status = notice.clone();
        settle(&mut status, &mut at, None, said(&home, Msg::TitleHotlineLog, None));
        settle(&mut status, &mut at, notice.clone(), said(&home, Msg::TitleHotlineLog, None));
        assert!(status.is_some());
        settle(&mut status, &mut at, notice, said(&home, Msg::TitleContact, None));
        assert_eq!(status, None);
        // An error with no form goes with the next key, unless that key says it again.
        let refused = || Some(Status::error("Only the person who logged it".into()));
        let list = said(&home, Msg::TitleOutreach, None);
        let first = refused();
        status = first.clone();
        settle(&mut status, &mut at, None, list.clone());
        status = refused();
        settle(&mut status, &mut at, first.clone(), list.clone());
        assert!(status.is_some(), "said again, so it shows again");
        let again = status.clone();
        settle(&mut status, &mut at, again, list);
        assert_eq!(status, None, "another key: it goes");
    }
}
