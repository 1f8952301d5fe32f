//! Languages by ISO 639 code, as Open Referral (HSDS) gives them: a two-letter ISO 639-1 code
//! or a three-letter ISO 639-2/639-3 one. The five the console's filter offers keep the ids
//! they always had ("english", "navajo"); any other code is kept as the code itself. Names are
//! shown in the interface language for the languages New Mexico's services most often name;
//! any other code shows as the code.

use crate::i18n::Lang;

/// The console's own language ids and their ISO 639-1 codes.
const OURS: &[(&str, &str)] = &[
    ("english", "en"),
    ("spanish", "es"),
    ("navajo", "nv"),
    ("vietnamese", "vi"),
    ("chinese", "zh"),
];

/// (ISO 639-1 code or "", ISO 639-2/3 codes, English name, Spanish name).
const NAMES: &[(&str, &[&str], &str, &str)] = &[
    ("en", &["eng"], "English", "inglés"),
    ("es", &["spa"], "Spanish", "español"),
    ("nv", &["nav"], "Navajo", "navajo"),
    ("vi", &["vie"], "Vietnamese", "vietnamita"),
    ("zh", &["zho", "chi"], "Chinese", "chino"),
    ("", &["yue"], "Cantonese", "cantonés"),
    ("", &["cmn"], "Mandarin", "mandarín"),
    ("", &["apw"], "Western Apache", "apache occidental"),
    ("", &["apj"], "Jicarilla Apache", "apache jicarilla"),
    ("", &["apm"], "Mescalero-Chiricahua Apache", "apache mescalero-chiricahua"),
    ("", &["zun"], "Zuni", "zuñi"),
    ("", &["kee"], "Eastern Keres", "keres oriental"),
    ("", &["kjq"], "Western Keres", "keres occidental"),
    ("", &["tew"], "Tewa", "tewa"),
    ("", &["tix"], "Southern Tiwa", "tiwa del sur"),
    ("", &["twf"], "Northern Tiwa", "tiwa del norte"),
    ("", &["tow"], "Jemez (Towa)", "jemez (towa)"),
    ("", &["hop"], "Hopi", "hopi"),
    ("", &["ute"], "Ute", "ute"),
    ("", &["com"], "Comanche", "comanche"),
    ("", &["ase"], "American Sign Language", "lengua de señas americana"),
    ("", &["mam"], "Mam", "mam"),
    ("", &["quc"], "K'iche'", "quiché"),
    ("", &["kjb"], "Q'anjob'al", "q'anjob'al"),
    ("", &["yua"], "Yucatec Maya", "maya yucateco"),
    ("", &["nah", "nhe", "nhw"], "Nahuatl", "náhuatl"),
    ("", &["tzo"], "Tzotzil", "tsotsil"),
    ("", &["zap"], "Zapotec", "zapoteco"),
    ("", &["mix"], "Mixtec", "mixteco"),
    ("", &["hmn"], "Hmong", "hmong"),
    ("ht", &["hat"], "Haitian Creole", "criollo haitiano"),
    ("pt", &["por"], "Portuguese", "portugués"),
    ("fr", &["fra", "fre"], "French", "francés"),
    ("de", &["deu", "ger"], "German", "alemán"),
    ("it", &["ita"], "Italian", "italiano"),
    ("ru", &["rus"], "Russian", "ruso"),
    ("uk", &["ukr"], "Ukrainian", "ucraniano"),
    ("pl", &["pol"], "Polish", "polaco"),
    ("ro", &["ron", "rum"], "Romanian", "rumano"),
    ("ar", &["ara"], "Arabic", "árabe"),
    ("fa", &["fas", "per"], "Persian (Farsi)", "persa (farsi)"),
    ("ps", &["pus"], "Pashto", "pastún"),
    ("ur", &["urd"], "Urdu", "urdu"),
    ("hi", &["hin"], "Hindi", "hindi"),
    ("pa", &["pan"], "Punjabi", "panyabí"),
    ("bn", &["ben"], "Bengali", "bengalí"),
    ("ne", &["nep"], "Nepali", "nepalí"),
    ("tl", &["tgl", "fil"], "Tagalog", "tagalo"),
    ("ko", &["kor"], "Korean", "coreano"),
    ("ja", &["jpn"], "Japanese", "japonés"),
    ("th", &["tha"], "Thai", "tailandés"),
    ("lo", &["lao"], "Lao", "lao"),
    ("km", &["khm"], "Khmer", "jemer"),
    ("my", &["mya", "bur"], "Burmese", "birmano"),
    ("sw", &["swa"], "Swahili", "suajili"),
    ("so", &["som"], "Somali", "somalí"),
    ("am", &["amh"], "Amharic", "amárico"),
    ("ti", &["tir"], "Tigrinya", "tigriña"),
    ("tr", &["tur"], "Turkish", "turco"),
    ("ku", &["kur"], "Kurdish", "kurdo"),
    ("he", &["heb"], "Hebrew", "hebreo"),
    ("el", &["ell", "gre"], "Greek", "griego"),
];

/// A language as the directory keeps it: our id for the five we always had, the ISO 639-1
/// code where one exists, or the three-letter code. None when `code` is not shaped like an
/// ISO 639 code (two or three letters).
pub fn from_code(code: &str) -> Option<String> {
    let c = code.trim().to_ascii_lowercase();
    if !(2..=3).contains(&c.len()) || !c.chars().all(|ch| ch.is_ascii_lowercase()) {
        return None;
    }
    let two = NAMES
        .iter()
        .find(|(one, three, _, _)| *one == c || three.contains(&c.as_str()))
        .map(|(one, three, _, _)| if one.is_empty() { three[0] } else { *one })
        .unwrap_or(c.as_str())
        .to_string();
    Some(OURS.iter().find(|(_, iso)| *iso == two).map_or(two, |(id, _)| id.to_string()))
}

/// A language named in English or Spanish ("Spanish", "español"), when a file gives a name
/// and no code.
pub fn from_name(name: &str) -> Option<String> {
    let n = crate::domain::text::fold(name.trim());
    NAMES
        .iter()
        .find(|(_, _, en, es)| {
            crate::domain::text::fold(en) == n || crate::domain::text::fold(es) == n
        })
        .and_then(|(one, three, _, _)| from_code(if one.is_empty() { three[0] } else { one }))
}

/// The ISO 639 code of a stored language ("und" for our "other").
pub fn code(value: &str) -> String {
    if value == "other" {
        return "und".into();
    }
    OURS.iter().find(|(id, _)| *id == value).map_or(value, |(_, iso)| iso).to_string()
}

/// A stored language's name in `lang`, or its code when the name is not known here.
pub fn name(value: &str, lang: Lang) -> String {
    if let Some((_, m)) = crate::domain::directory::LANGUAGES.iter().find(|(id, _)| *id == value) {
        return m.text(lang).to_string();
    }
    let c = code(value);
    NAMES.iter().find(|(one, three, _, _)| *one == c || three.contains(&c.as_str())).map_or(
        c.clone(),
        |(_, _, en, es)| match lang {
            Lang::En => en.to_string(),
            Lang::Es => es.to_string(),
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_of_either_length_come_to_one_value() {
        assert_eq!(from_code("es").as_deref(), Some("spanish"));
        assert_eq!(from_code("SPA").as_deref(), Some("spanish"));
        assert_eq!(from_code("nav").as_deref(), Some("navajo"));
        assert_eq!(from_code("fra").as_deref(), Some("fr"));
        assert_eq!(from_code("ase").as_deref(), Some("ase"));
        assert_eq!(from_code("qya").as_deref(), Some("qya"));
        assert_eq!(from_code("e5"), None);
        assert_eq!(from_code("english"), None);
        assert_eq!(from_name("Español").as_deref(), Some("spanish"));
        assert_eq!(from_name("Arabic").as_deref(), Some("ar"));
        assert_eq!(code("navajo"), "nv");
        assert_eq!(code("ase"), "ase");
        assert_eq!(name("ar", Lang::Es), "árabe");
        assert_eq!(name("ase", Lang::En), "American Sign Language");
        assert_eq!(name("qya", Lang::En), "qya");
        assert_eq!(name("navajo", Lang::Es), crate::i18n::Msg::LangNavajo.text(Lang::Es));
    }
}
