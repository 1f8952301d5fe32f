//! `intake report voca --explain`: the data file that places intake's codes in the VOCA PMT,
//! read back line by line in the user's language, so a program manager can check it.

use std::collections::BTreeMap;

use crate::domain::client;
use crate::domain::directory::label;
use crate::domain::voca;
use crate::error::Result;
use crate::i18n::{Lang, Msg, fill};

/// Every PMT line of a section with the intake codes counted under it (or a note that none
/// is), in the PMT's order.
fn lines(
    out: &mut String,
    title: Msg,
    pmt: &[(&str, Msg)],
    mapped: &BTreeMap<String, Vec<String>>,
    codes: &dyn Fn(&str) -> String,
    lang: Lang,
) {
    out.push_str(&format!("\n{}\n", title.text(lang)));
    for (line, msg) in pmt {
        // Service items are named with their PMT number.
        let number = if line.len() <= 3 && line.starts_with(|c: char| c.is_ascii_uppercase()) {
            format!("{line} ")
        } else {
            String::new()
        };
        out.push_str(&format!("  {number}{}\n", msg.text(lang)));
        let here: Vec<&String> =
            mapped.iter().filter(|(_, to)| to.iter().any(|t| t == line)).map(|(c, _)| c).collect();
        if here.is_empty() {
            out.push_str(&format!("      {}\n", Msg::VocaExplainNoHome.text(lang)));
        }
        for code in here {
            out.push_str(&format!("      {code:<32} {}\n", codes(code)));
        }
    }
}

fn single(m: &BTreeMap<String, String>) -> BTreeMap<String, Vec<String>> {
    m.iter().map(|(k, v)| (k.clone(), vec![v.clone()])).collect()
}

pub fn explain(lang: Lang) -> Result<String> {
    let m = crate::store::reports::voca::mapping()?;
    let mut out = Msg::VocaExplainTitle.text(lang).to_string();
    out.push('\n');
    let services = |c: &str| label(client::SERVICES, c, lang);
    lines(&mut out, Msg::FieldServicesGiven, voca::ITEMS, &single(&m.services), &services, lang);
    let races = |c: &str| label(client::RACES, c, lang);
    lines(&mut out, Msg::FieldRace, voca::RACE_LINES, &single(&m.race), &races, lang);
    let genders = |c: &str| label(client::GENDERS, c, lang);
    lines(&mut out, Msg::FieldGender, voca::GENDER_LINES, &single(&m.gender), &genders, lang);
    let ages = |c: &str| client::age_range_label(c, lang);
    lines(&mut out, Msg::FieldAgeRange, voca::AGE_LINES, &single(&m.age_range), &ages, lang);
    let tt = |c: &str| label(client::TRAFFICKING, c, lang);
    let trafficking: Vec<(&str, Msg)> = voca::VICTIMIZATIONS
        .iter()
        .filter(|(id, _)| m.trafficking_type.values().any(|v| v.iter().any(|x| x == id)))
        .copied()
        .collect();
    lines(&mut out, Msg::FieldTraffickingType, &trafficking, &m.trafficking_type, &tt, lang);
    let yes = |c: &str| {
        let field =
            if c == "disability" { Msg::FieldDisability } else { Msg::FieldInterpreterNeed };
        fill(Msg::VocaExplainYes.text(lang), &[field.text(lang)])
    };
    let counted: Vec<(&str, Msg)> = voca::CLASSIFICATION_LINES
        .iter()
        .filter(|(id, _)| m.classification_yes.values().any(|v| v == id))
        .copied()
        .collect();
    lines(
        &mut out,
        Msg::FieldClassifications,
        &counted,
        &single(&m.classification_yes),
        &yes,
        lang,
    );
    for field in [Msg::FieldVictimizations, Msg::FieldClassifications] {
        out.push_str(&format!(
            "\n{}\n",
            fill(Msg::VocaExplainSame.text(lang), &[field.text(lang)])
        ));
    }
    Ok(out)
}
