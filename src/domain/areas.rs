//! New Mexico's counties and tribal nations (checked public lists, embedded in the binary), the
//! places a contact or tip is about.

use std::sync::OnceLock;

const COUNTIES: &str = include_str!("../../data/nm-counties.csv");
const NATIONS: &str = include_str!("../../data/nm-tribal-nations.csv");

/// Every area's stored name: the 33 counties, then the tribal nations.
pub fn all() -> &'static [String] {
    static AREAS: OnceLock<Vec<String>> = OnceLock::new();
    AREAS.get_or_init(|| {
        let names = |text: &'static str| {
            text.lines()
                .skip(1)
                .filter_map(|l| l.split(',').next())
                .map(|n| n.trim().to_string())
                .filter(|n| !n.is_empty())
                .collect::<Vec<_>>()
        };
        let mut v: Vec<String> =
            names(COUNTIES).into_iter().map(|c| format!("{c} County")).collect();
        v.extend(names(NATIONS));
        v
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn counties_and_nations_are_all_there() {
        let a = super::all();
        assert_eq!(a.len(), 33 + 23);
        assert!(a.contains(&"Doña Ana County".to_string()));
        assert!(a.contains(&"Navajo Nation".to_string()));
        assert!(a.contains(&"Pueblo of Zuni".to_string()));
    }
}
