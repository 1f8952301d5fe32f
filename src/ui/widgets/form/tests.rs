//! Tests of the form: editing, pasting, caps, and every schema label fitting its column.

mod unit {
    use super::super::*;

    fn form() -> Form {
        Form::new(vec![
            Field::text(Msg::FieldUsername, 5),
            Field::pin(Msg::FieldPin),
            Field::choice(
                Msg::FieldRole,
                vec!["Admin".into(), "Advocate".into(), "Intake".into()],
                0,
            ),
        ])
    }

    #[test]
    fn focus_moves_forward_and_back_around_the_form() {
        let mut f = form();
        f.next();
        f.next();
        assert!(f.is_last());
        f.next();
        assert_eq!(f.focus, 0);
        f.prev();
        assert_eq!(f.focus, 2);
    }

    #[test]
    fn typing_respects_cursor_and_cap_with_a_message() {
        let mut f = form();
        for c in "abde".chars() {
            f.edit(Key::Char(c), Lang::En);
        }
        f.edit(Key::Left, Lang::En);
        f.edit(Key::Left, Lang::En);
        f.edit(Key::Char('c'), Lang::En);
        assert_eq!(f.text(0), "abcde");
        assert!(f.notice.is_none());
        assert!(!f.edit(Key::Char('x'), Lang::En));
        assert_eq!(f.text(0), "abcde");
        assert!(f.notice.as_deref().unwrap().contains("5"));
        f.edit(Key::Backspace, Lang::En);
        // The cursor sat after 'c': Backspace removes it.
        assert_eq!(f.text(0), "abde");
    }

    #[test]
    fn paste_is_text_never_enter_and_drops_controls() {
        let mut f = form();
        f.paste("a\u{202E}b\nc", Lang::En);
        assert_eq!(f.text(0), "ab c");
        f.next();
        f.paste("12x34", Lang::En);
        assert_eq!(f.text(1), "1234");
        assert!(f.notice.is_some());
        // The field is named once: "PIN: digits only", never "PIN: PIN: ...".
        assert_eq!(f.notice.as_deref(), Some("PIN: digits only"));
    }

    #[test]
    fn choice_is_picked_by_typing_its_first_letters() {
        let mut f = form();
        f.focus_on(2);
        f.edit(Key::Char('a'), Lang::En);
        f.edit(Key::Char('d'), Lang::En);
        f.edit(Key::Char('v'), Lang::En);
        assert_eq!(f.text(2), "Advocate");
        f.edit(Key::Char('i'), Lang::En);
        assert_eq!(f.text(2), "Intake");
        f.edit(Key::Right, Lang::En);
        assert_eq!(f.text(2), "Admin");
        // Delete takes the answer back: nothing is chosen, and the change counts.
        assert!(f.edit(Key::Delete, Lang::En));
        assert_eq!(f.fields[2].raw(), "");
        assert!(!f.edit(Key::Delete, Lang::En), "nothing more to take back");
    }

    #[test]
    fn required_fields_are_marked_and_focused() {
        let mut f = form();
        f.focus_on(2);
        assert!(!f.check_required(Lang::En));
        assert_eq!(f.focus, 0);
        assert!(f.fields[0].error.is_some());
        assert!(f.fields[1].error.is_some());
    }
}

mod schema {
    use super::super::*;
    use crate::domain::{client, contact, tip};
    use crate::ui::screens::LABEL_W;

    #[test]
    fn every_schema_label_fits_its_column_in_both_languages() {
        let client_forms =
            client::FIELDS.iter().chain(client::SERVICE_FIELDS).chain(client::NOTE_FIELDS);
        let others = client::RELIEF_FIELDS
            .iter()
            .chain(crate::domain::outreach::FIELDS)
            .chain(crate::domain::fund::FUND_FIELDS)
            .chain(crate::domain::fund::PAYMENT_FIELDS)
            .chain(crate::domain::fund::VOID_FIELDS)
            .chain(crate::ui::screens::reports::PERIOD_FIELDS);
        for spec in contact::FIELDS
            .iter()
            .chain(tip::FIELDS)
            .chain(client_forms.chain(client::STATUS_FIELDS))
            .chain(others)
        {
            for lang in [Lang::En, Lang::Es] {
                let label = spec.label.text(lang);
                // Two columns go to the focus marker and the required mark.
                assert!(label.chars().count() + 2 <= LABEL_W as usize, "{label:?} is too long");
            }
        }
    }

    #[test]
    fn schema_forms_round_trip_their_raw_values_and_keep_declined_distinct() {
        let mut raw = contact::defaults("2026-11-28T20:00:00Z".parse().unwrap());
        raw.insert("minor".into(), "declined".into());
        raw.insert("topics".into(), "shelter;legal".into());
        let form = Form::from_schema(contact::FIELDS, &raw, &RuntimeOptions::new(), Lang::Es);
        let back = form.raw();
        assert_eq!(back["minor"], "declined");
        assert_eq!(back["topics"], "shelter;legal");
        assert_eq!(back["started_at"], raw["started_at"]);
        assert_eq!(back["caller_type"], "", "nothing chosen yet");
    }

    #[test]
    fn enter_opens_a_choice_picks_and_moves_on() {
        let raw = contact::defaults("2026-11-28T20:00:00Z".parse().unwrap());
        let mut f = Form::from_schema(contact::FIELDS, &raw, &RuntimeOptions::new(), Lang::En);
        f.focus_on(8); // county or tribal nation
        f.edit(Key::Enter, Lang::En);
        assert!(f.popup_open());
        for c in "dona".chars() {
            f.edit(Key::Char(c), Lang::En);
        }
        f.edit(Key::Enter, Lang::En);
        assert!(!f.popup_open());
        assert_eq!(f.raw()["area"], "Doña Ana County");
        assert_eq!(f.focus, 9, "picking moves to the next field");
        // A space after letters is part of a name that goes on ("san j": San Juan, not
        // Sandoval); with nothing typed, or no name going on, Space picks.
        f.focus_on(8);
        f.edit(Key::Enter, Lang::En);
        for c in "san j".chars() {
            f.edit(Key::Char(c), Lang::En);
        }
        assert!(f.popup_open(), "the space went into the name");
        f.edit(Key::Char(' '), Lang::En);
        assert!(!f.popup_open(), "no name goes on with \"san j \": Space picks");
        assert_eq!(f.raw()["area"], "San Juan County");
        f.focus_on(8);
        f.edit(Key::Enter, Lang::En);
        f.edit(Key::Char(' '), Lang::En);
        assert!(!f.popup_open());
        assert_eq!(f.raw()["area"], "San Juan County");
        // Many-of: Enter opens, Space ticks, Enter closes.
        f.edit(Key::Enter, Lang::En);
        f.edit(Key::Char(' '), Lang::En);
        f.edit(Key::Down, Lang::En);
        f.edit(Key::Char(' '), Lang::En);
        f.edit(Key::Enter, Lang::En);
        assert_eq!(f.raw()["topics"], "safety;shelter");
        // Esc closes a list without changing the choice.
        f.focus_on(0);
        f.edit(Key::Enter, Lang::En);
        f.edit(Key::Down, Lang::En);
        f.edit(Key::Esc, Lang::En);
        assert_eq!(f.raw()["channel"], "call");
    }

    #[test]
    fn notes_take_enter_and_typed_formats_refuse_stray_characters() {
        let raw = contact::defaults("2026-11-28T20:00:00Z".parse().unwrap());
        let mut f = Form::from_schema(contact::FIELDS, &raw, &RuntimeOptions::new(), Lang::En);
        let notes = f.fields.iter().position(|x| x.key == "notes").unwrap();
        f.focus_on(notes);
        for k in [Key::Char('a'), Key::Enter, Key::Char('b')] {
            f.edit(k, Lang::En);
        }
        assert_eq!(f.raw()["notes"], "a\nb");
        let dur = f.fields.iter().position(|x| x.key == "duration_min").unwrap();
        f.focus_on(dur);
        assert!(!f.edit(Key::Char('x'), Lang::En));
        assert!(f.notice.as_deref().unwrap().contains("minutes"));
        f.edit(Key::Char('1'), Lang::En);
        f.edit(Key::Char(':'), Lang::En);
        f.edit(Key::Char('0'), Lang::En);
        assert_eq!(f.raw()["duration_min"], "1:0");
        let before = f.revision;
        f.paste("2\r\nx", Lang::En);
        assert_eq!(f.raw()["duration_min"], "1:02");
        assert!(f.revision > before);
    }
}
