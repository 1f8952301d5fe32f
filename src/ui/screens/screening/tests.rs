//! State tests of the screening screen: no database, no terminal.

use super::*;

use crate::ui::screen::testing::ctx;

fn youth() -> Tool {
    crate::domain::screening::shipped().into_iter().find(|t| t.id == "youth-quick-4").unwrap()
}

fn answered(s: &mut ScreeningScreen, item: &str, answer: Answer, stay: bool) {
    s.on_done(Done::Answered { item: item.into(), answer, stay }, &ctx());
}

#[test]
fn a_resumed_screening_asks_in_the_persons_language_and_moves_on_each_answer() {
    let mut s = ScreeningScreen::opening(crate::domain::ids::ScreeningId(5), Lang::En);
    assert!(matches!(s.enter(&ctx())[..], [Effect::Run(_)]), "opened from the store");
    let opened = casework::Opened {
        tool: youth(),
        answers: HashMap::new(),
        closed: false,
        minor: "yes".into(),
        client_id: Some(crate::domain::ids::ClientId(1)),
        contact_id: None,
        language: "spanish".into(),
    };
    let earlier = [("threats".to_string(), Answer::Yes)].into_iter().collect();
    s.on_done(Done::ScreeningOpened(Box::new(opened), earlier), &ctx());
    assert!(s.asking());
    assert_eq!(s.item_lang(), Lang::Es, "the person's language");
    assert!(matches!(s.update(Action::AnswerYes, &ctx())[..], [Effect::Run(_)]));
    answered(&mut s, "exchange", Answer::Yes, false);
    answered(&mut s, "earnings", Answer::No, false);
    assert_eq!(s.current, 2);
    // Keeping the earlier answer records it and moves on, like any answer.
    assert!(matches!(s.update(Action::Open, &ctx())[..], [Effect::Run(_)]));
    answered(&mut s, "threats", Answer::Yes, false);
    assert_eq!(s.current, 3);
    assert!(s.earlier.is_empty());
    // A note and source stay on their question.
    s.current = 2;
    s.update(Action::NoteSource, &ctx());
    assert_eq!(s.title(), Msg::TitleScreening);
    answered(&mut s, "threats", Answer::Yes, true);
    assert_eq!((s.current, s.asking()), (2, true));
    // A minor's indicators: closing asks for the reporting step first.
    s.update(Action::Finish, &ctx());
    assert!(matches!(s.update(Action::CloseScreening, &ctx())[..], [Effect::Run(_)]));
    let step = s.on_done(Done::ReportRequired, &ctx());
    assert!(matches!(&step[..], [Effect::Run(_), Effect::Fail(_)]));
    s.on_done(Done::EarlierReport(None), &ctx());
    assert_eq!(s.title(), Msg::TitleReportStep);
    assert!(matches!(s.update(Action::Back, &ctx())[..], [Effect::LeaveForm]));
    s.discard(&ctx());
    let paused = s.update(Action::Back, &ctx());
    assert!(matches!(
        paused[..],
        [
            Effect::Go(Route::Client(crate::domain::ids::ClientId(1))),
            Effect::Say(Msg::ScreeningPaused)
        ]
    ));
}

#[test]
fn a_new_screening_asks_the_minor_question_only_when_the_record_cannot_say() {
    let person = |known: bool| Person {
        client_id: Some(crate::domain::ids::ClientId(1)),
        contact_id: None,
        minor: if known { "yes".into() } else { "unknown".into() },
        age_known: known,
        language: "english".into(),
        interpreter: "no".into(),
        age: None,
    };
    let keys = |s: &ScreeningScreen| -> Vec<&str> {
        s.form().unwrap().fields.iter().map(|f| f.key).collect()
    };
    let known = ScreeningScreen::starting(person(true), Lang::En);
    assert!(!keys(&known).contains(&"minor"));
    let asked = ScreeningScreen::starting(person(false), Lang::En);
    assert!(keys(&asked).contains(&"minor"));
}

/// A closed screening of a minor with indicators says the reporting step was recorded; it never
/// asks for a step that can no longer be taken.
#[test]
fn a_closed_screening_does_not_ask_for_the_reporting_step_again() {
    let mut s = ScreeningScreen::opening(crate::domain::ids::ScreeningId(5), Lang::En);
    s.enter(&ctx());
    let answers = youth().items.iter().map(|it| (it.id.clone(), Answer::Yes)).collect();
    let opened = casework::Opened {
        tool: youth(),
        answers,
        closed: true,
        minor: "yes".into(),
        client_id: Some(crate::domain::ids::ClientId(1)),
        contact_id: None,
        language: "english".into(),
    };
    s.on_done(Done::ScreeningOpened(Box::new(opened), HashMap::new()), &ctx());
    let mut term = ratatui::Terminal::new(ratatui::backend::TestBackend::new(80, 24)).unwrap();
    let theme = crate::ui::theme::Theme { color: false, ascii: false };
    term.draw(|f| s.draw(f, f.area(), theme, Lang::En)).unwrap();
    let screen: String = term.backend().buffer().content().iter().map(|c| c.symbol()).collect();
    assert!(screen.contains("reporting step was recorded"), "{screen}");
    assert!(!screen.contains("Press r"), "{screen}");
}
