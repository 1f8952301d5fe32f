//! Caller identifiers (a phone number or a handle) are never stored: a keyed hash lets the same
//! caller count once, and only the last two characters are ever shown.

use hmac::{Hmac, Mac};
use sha2::Sha256;

/// The identifier in one canonical form: a phone number as its digits (a leading US 1 dropped),
/// anything else lower case without spaces.
pub fn normalize(raw: &str) -> String {
    let digits: String = raw.chars().filter(char::is_ascii_digit).collect();
    let phone_like = raw.chars().all(|c| c.is_ascii_digit() || " +-().".contains(c));
    if phone_like && digits.len() >= 7 {
        if digits.len() == 11 && digits.starts_with('1') { digits[1..].to_string() } else { digits }
    } else {
        raw.trim().to_lowercase().chars().filter(|c| !c.is_whitespace()).collect()
    }
}

/// The stored form: HMAC-SHA256 under the database's own secret, and the last two characters.
pub fn protect(raw: &str, key: &[u8]) -> Option<(String, String)> {
    let n = normalize(raw);
    if n.is_empty() {
        return None;
    }
    let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(key).ok()?;
    mac.update(n.as_bytes());
    let hash = mac.finalize().into_bytes().iter().map(|b| format!("{b:02x}")).collect();
    let last2: String = n.chars().rev().take(2).collect::<Vec<_>>().into_iter().rev().collect();
    Some((hash, last2))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_caller_one_hash_whatever_the_spelling() {
        let key = [7u8; 32];
        let a = protect("(505) 555-0142", &key).unwrap();
        let b = protect("+1 505 555 0142", &key).unwrap();
        assert_eq!(a, b);
        assert_eq!(a.1, "42");
        assert!(!a.0.contains("5055550142"));
        assert_ne!(protect("505 555 0142", &[8u8; 32]).unwrap().0, a.0, "keyed");
        assert_eq!(protect("  @Some_Handle ", &key).unwrap().1, "le");
        assert_eq!(protect("   ", &key), None);
    }
}
