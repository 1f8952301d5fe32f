use std::collections::HashMap;

use super::*;

fn tool(id: &str) -> Tool {
    shipped().into_iter().find(|t| t.id == id).expect(id)
}

/// Answers from a string, one letter an item in order: y n d(eclined) u(nknown) s(kipped)
/// a (not applicable) and '.' for not asked.
fn answers(t: &Tool, code: &str) -> HashMap<String, Answer> {
    t.items
        .iter()
        .zip(code.chars())
        .filter_map(|(it, c)| {
            let a = match c {
                'y' => Answer::Yes,
                'n' => Answer::No,
                'd' => Answer::Declined,
                'u' => Answer::Unknown,
                's' => Answer::Skipped,
                'a' => Answer::NotApplicable,
                _ => return None,
            };
            Some((it.id.clone(), a))
        })
        .collect()
}

fn outcome(t: &Tool, code: &str) -> (Completeness, Option<String>) {
    let o = t.score(&answers(t, code));
    (o.completeness, o.level)
}

use Completeness::*;

fn yes() -> Option<String> {
    Some("indicators".into())
}

fn no() -> Option<String> {
    Some("none".into())
}

#[test]
fn every_shipped_tool_checks_clean_and_has_the_promised_shape() {
    for text in SHIPPED {
        if let Err(p) = check(text) {
            panic!("{p:?}");
        }
    }
    let youth = tool("youth-quick-4");
    assert_eq!((youth.items.len(), &youth.rule), (4, &Rule::AtLeast(1)));
    let adult = tool("adult-indicators-8");
    assert_eq!((adult.items.len(), &adult.rule), (8, &Rule::AnyYes));
    let child = tool("child-sex-short-6");
    assert_eq!(
        (child.items.len(), &child.rule, child.age_min, child.age_max),
        (6, &Rule::AtLeast(2), 11, 17)
    );
    assert!(child.level("indicators").unwrap().minor_report);
    let labour = tool("labour-checklist");
    let mut domains: Vec<&str> = labour.items.iter().map(|i| i.domain.as_str()).collect();
    domains.dedup();
    assert_eq!(
        domains,
        [
            "recruitment_deception",
            "debt",
            "documents",
            "control_of_movement",
            "control_of_money",
            "threats_violence",
            "working_living_conditions"
        ]
    );
    for t in shipped() {
        assert!(t.source.contains("Wording ours; not a validated instrument"), "{}", t.id);
        for l in &t.levels {
            assert!(
                !l.text.en.to_lowercase().contains("victim"),
                "{}: results never say victim",
                t.id
            );
        }
    }
}

#[test]
fn youth_quick_screen_scores_on_one_yes() {
    let t = tool("youth-quick-4");
    let cases = [
        ("nnnn", Complete, no()),
        ("ynnn", Complete, yes()),
        ("nnny", Complete, yes()),
        ("yddd", IndicatorsIncomplete, yes()),
        ("nnnd", Incomplete, None),
        ("nnnu", Incomplete, None),
        ("nnns", Incomplete, None),
        ("nn..", Incomplete, None),
        ("", Incomplete, None),
        ("nnna", Complete, no()),
    ];
    for (code, c, l) in cases {
        assert_eq!(outcome(&t, code), (c, l), "{code}");
    }
}

#[test]
fn adult_screen_is_positive_on_any_yes_and_declines_never_count_as_no() {
    let t = tool("adult-indicators-8");
    let cases = [
        ("nnnnnnnn", Complete, no()),
        ("nnnnnnny", Complete, yes()),
        ("yuuuuuuu", IndicatorsIncomplete, yes()),
        ("dddddddd", Incomplete, None),
        ("nnnnnnnd", Incomplete, None),
    ];
    for (code, c, l) in cases {
        assert_eq!(outcome(&t, code), (c, l), "{code}");
    }
    let o = t.score(&answers(&t, "ynnnnnnd"));
    assert_eq!((o.yes, o.open), (1, 1));
}

#[test]
fn labour_checklist_is_positive_on_any_yes_in_any_domain() {
    let t = tool("labour-checklist");
    assert_eq!(outcome(&t, "nnnnnnnnnnnn"), (Complete, no()));
    assert_eq!(outcome(&t, "nnnnnnnnnnny"), (Complete, yes()));
    assert_eq!(outcome(&t, "nnnnyssssssss"), (IndicatorsIncomplete, yes()));
    assert_eq!(outcome(&t, "nnnnnnnnnnns"), (Incomplete, None));
}

#[test]
fn child_short_screen_needs_two_yes() {
    let t = tool("child-sex-short-6");
    let cases = [
        ("ynnnnn", Complete, no()),
        ("yynnnn", Complete, yes()),
        ("nnnnyy", Complete, yes()),
        ("ynnnnd", Incomplete, None),
        ("yyssss", IndicatorsIncomplete, yes()),
        ("ydnnnn", Incomplete, None),
    ];
    for (code, c, l) in cases {
        assert_eq!(outcome(&t, code), (c, l), "{code}");
    }
}

/// A tool with weighted bands and levels of its own, as an imported tool may have.
const WEIGHTED: &str = include_str!("../../../tests/fixtures/weighted-tool.toml");

#[test]
fn weighted_totals_map_to_bands() {
    let t = check(WEIGHTED).unwrap();
    assert_eq!(outcome(&t, "nn"), (Complete, Some("low".into())));
    assert_eq!(outcome(&t, "yn"), (Complete, Some("possible".into())));
    assert_eq!(outcome(&t, "yy"), (Complete, Some("clear".into())));
    assert_eq!(outcome(&t, "yd"), (IndicatorsIncomplete, Some("possible".into())));
    assert_eq!(outcome(&t, "ny"), (Complete, Some("low".into())));
    assert_eq!(outcome(&t, "dy"), (Incomplete, None));
    assert_eq!(outcome(&t, "ya"), (Complete, Some("possible".into())));
    assert!(!t.items[0].allows_na && t.items[1].allows_na);
}

/// The line of the first occurrence of `needle` in `text`.
fn line(text: &str, needle: &str) -> usize {
    text[..text.find(needle).expect(needle)].matches('\n').count() + 1
}

fn first_problem(text: &str) -> Problem {
    check(text).expect_err("must be refused").remove(0)
}

#[test]
fn broken_files_are_refused_with_line_and_field() {
    let youth = SHIPPED[0];
    let cases: Vec<(String, &str, &str, Msg)> = vec![
        (youth.replace("k = 1", "k = 9"), "k = 9", "scoring.k", Msg::ToolKRange),
        (
            youth.replace("population = \"youth\"", "population = \"teens\""),
            "population = \"teens\"",
            "population",
            Msg::ToolNotOneOf,
        ),
        (
            youth.replace("rule = \"at_least\"", "rule = \"majority\""),
            "rule = \"majority\"",
            "scoring.rule",
            Msg::ToolNotOneOf,
        ),
        (
            youth.replace("id = \"earnings\"", "id = \"exchange\""),
            "id = \"exchange\"\ndomain = \"control",
            "items[1].id",
            Msg::ToolDuplicate,
        ),
        (
            youth.replace("Wording ours; not a validated instrument.", "Validated."),
            "source =",
            "source",
            Msg::ToolSourceNote,
        ),
        (
            youth.replace("\"mental_health\"]", "\"massage\"]"),
            "services = [",
            "levels[0].services",
            Msg::ToolUnknownService,
        ),
        (
            youth.replace("id = \"threats\"", "id = \"Threats!\""),
            "id = \"Threats!\"",
            "items[2].id",
            Msg::ToolBadId,
        ),
    ];
    for (text, at, field, msg) in cases {
        let p = first_problem(&text);
        assert_eq!((p.line, p.field.as_str(), p.msg), (line(&text, at), field, msg), "{field}");
    }
    // A missing translation names the language.
    let text = youth.replacen("es = \"¿Alguien le ha quitado", "# es = \"", 1);
    let p = first_problem(&text);
    assert_eq!((p.field.as_str(), p.msg), ("items[1].text.es", Msg::ToolMissing));
    assert_eq!(p.line, line(&text, "[items.text]\nen = \"Has someone ever taken"));
    // Syntax errors and unknown fields come from the parser, with their line.
    let text = youth.replace("version = 2", "version = 2\nversoin = 3");
    let p = first_problem(&text);
    assert_eq!((p.line, p.msg), (line(&text, "versoin"), Msg::ToolSyntax));
    let text = youth.replace("age_min = 16", "age_min = \"16");
    assert_eq!(first_problem(&text).line, line(&text, "age_min"));
    // A scale or a rule for declines the file does not know.
    let text = youth.replacen("scale = \"yes_no\"", "scale = \"likert\"", 1);
    let p = first_problem(&text);
    assert_eq!((p.line, p.field.as_str()), (line(&text, "scale = \"likert\""), "items[0].scale"));
    let text = youth.replace("declines = \"open\"", "declines = \"as_no\"");
    assert_eq!(first_problem(&text).field, "declines");
    // A result never calls anyone a victim.
    let text = youth.replace("Hay indicadores: remitir", "Es una víctima: remitir");
    assert_eq!(
        (first_problem(&text).field.as_str(), first_problem(&text).msg),
        ("levels[0].text", Msg::ToolNoVictim)
    );
    // Without a level for "no indicators" a result could not be stated.
    let text = WEIGHTED.replace("positive = false", "positive = true");
    assert_eq!(first_problem(&text).field, "levels");
    let text = WEIGHTED.replace("level = \"clear\"", "level = \"severe\"");
    assert_eq!(first_problem(&text).field, "scoring.bands");
}

#[test]
fn a_result_says_only_whether_the_level_finds_indicators() {
    let t = check(WEIGHTED).unwrap();
    let status = |code: &str| Status::of(&t, &t.score(&answers(&t, code)));
    assert_eq!(status("nn"), Status::NoIndicators);
    assert_eq!(status("yn"), Status::Indicators);
    assert_eq!(status("yd"), Status::Indicators);
    assert_eq!(status("dy"), Status::Incomplete);
    for s in Status::ALL {
        assert_eq!(Status::parse(s.id()), Some(s));
        assert_ne!(
            s.label(Lang::Es),
            s.id(),
            "a status is shown in words, in the reader's language"
        );
    }
    assert_eq!(Status::parse("possible"), None);
}

#[test]
fn shipped_tools_speak_us_english_and_say_remitir() {
    for tool in SHIPPED {
        let t = check(tool).unwrap();
        let english: Vec<&str> = std::iter::once(t.title.en.as_str())
            .chain(t.levels.iter().map(|l| l.text.en.as_str()))
            .chain(t.items.iter().flat_map(|i| [i.text.en.as_str(), i.help.en.as_str()]))
            .collect();
        for text in english {
            assert!(!text.to_lowercase().contains("labour"), "{}: {text}", t.id);
        }
        for l in &t.levels {
            assert!(!l.text.es.contains("referir"), "{}: a referral is remitir", t.id);
        }
    }
}
