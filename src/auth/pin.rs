//! PIN policy (NIST SP 800-63B style: length and a block-list of guessable PINs) and argon2id
//! hashing (OWASP minimum m=19456 KiB, t=2, p=1).

use std::sync::Mutex;

use argon2::password_hash::{Output, ParamsString, PasswordHash, SaltString};
use argon2::{Algorithm, Argon2, Block, Params, Version};
use zeroize::{Zeroize, Zeroizing};

use crate::i18n::Msg;

pub const MIN_LEN: usize = 6;
pub const MAX_LEN: usize = 12;

/// A PIN held in memory that is wiped when dropped.
pub type Pin = Zeroizing<String>;

/// Why a PIN is refused; each maps to a message that says why.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PinProblem {
    Length,
    NotDigits,
    AllSame,
    Sequence,
    Repeats,
    YearLike,
    Common,
    OwnDigits,
    Mismatch,
}

impl PinProblem {
    pub fn msg(self) -> Msg {
        match self {
            PinProblem::Length => Msg::PinLength,
            PinProblem::NotDigits => Msg::PinNotDigits,
            PinProblem::AllSame => Msg::PinAllSame,
            PinProblem::Sequence => Msg::PinSequence,
            PinProblem::Repeats => Msg::PinRepeats,
            PinProblem::YearLike => Msg::PinYearLike,
            PinProblem::Common => Msg::PinCommon,
            PinProblem::OwnDigits => Msg::PinOwnDigits,
            PinProblem::Mismatch => Msg::PinMismatch,
        }
    }
}

/// Widely used PINs that none of the pattern rules below catch.
const COMMON: &[&str] = &[
    "112233", "111222", "159753", "147258", "258369", "369258", "147852", "123654", "789456",
    "102030", "696969", "520520", "007007", "131313", "142536", "159357", "753951", "852456",
    "11223344", "12341234", "12344321", "123321", "654456", "100200", "123987",
];

/// Check a new PIN against the policy. `own` holds the user's name and user name: digits
/// taken from them may not appear in the PIN.
pub fn check_policy(pin: &str, own: &[&str]) -> Result<(), PinProblem> {
    if !pin.bytes().all(|b| b.is_ascii_digit()) {
        return Err(PinProblem::NotDigits);
    }
    if !(MIN_LEN..=MAX_LEN).contains(&pin.len()) {
        return Err(PinProblem::Length);
    }
    let d: Vec<i8> = pin.bytes().map(|b| (b - b'0') as i8).collect();
    if d.iter().all(|&x| x == d[0]) {
        return Err(PinProblem::AllSame);
    }
    let steps: Vec<i8> = d.windows(2).map(|w| (w[1] - w[0]).rem_euclid(10)).collect();
    if steps.iter().all(|&s| s == 1) || steps.iter().all(|&s| s == 9) {
        return Err(PinProblem::Sequence);
    }
    // A block of up to three digits repeated (121212, 123123, 4545 45).
    for period in 2..=3 {
        if pin.len().is_multiple_of(period)
            && d.iter().enumerate().all(|(i, &x)| x == d[i % period])
        {
            return Err(PinProblem::Repeats);
        }
    }
    // Paired digits (112233, 998877).
    if pin.len().is_multiple_of(2) && d.chunks(2).all(|c| c[0] == c[1]) {
        return Err(PinProblem::Repeats);
    }
    if pin.len() <= 8 && (is_year(&pin[..4]) || is_year(&pin[pin.len() - 4..])) {
        return Err(PinProblem::YearLike);
    }
    if COMMON.contains(&pin) {
        return Err(PinProblem::Common);
    }
    for text in own {
        for run in digit_runs(text) {
            if run.len() >= 3 && pin.contains(run.as_str()) {
                return Err(PinProblem::OwnDigits);
            }
        }
    }
    Ok(())
}

fn is_year(four: &str) -> bool {
    four.parse::<u32>().map(|y| (1940..=2039).contains(&y)).unwrap_or(false)
}

fn digit_runs(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_ascii_digit())
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}

/// argon2id cost. Production is the OWASP minimum or stronger; tests may pass a cheaper one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct HashCost {
    pub m_kib: u32,
    pub t: u32,
    pub p: u32,
}

pub const PRODUCTION: HashCost = HashCost { m_kib: 19_456, t: 2, p: 1 };

impl HashCost {
    fn argon2(self) -> Argon2<'static> {
        // Parameters argon2 refuses fall back to its defaults (the production cost).
        let params = Params::new(self.m_kib, self.t, self.p, None).unwrap_or_default();
        Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
    }

    /// A hash of nothing in particular with this cost, to verify against for unknown names so
    /// they take as long as known ones.
    pub fn decoy(self) -> String {
        format!(
            "$argon2id$v=19$m={},t={},p={}$ZGVjb3lkZWNveWRlY295$\
             ZGVjb3lkZWNveWRlY295ZGVjb3lkZWNveWRlY295ZGU",
            self.m_kib, self.t, self.p
        )
    }
}

/// The one argon2 working memory of the process (19 MiB at the production cost), lent to each
/// hash and verify in turn and wiped after each. Allocating it afresh for every PIN check left
/// the allocator holding about 19 MiB more after each unlock or login.
static MEMORY: Mutex<Vec<Block>> = Mutex::new(Vec::new());

/// Run argon2 `a` over `pin` and `salt` into `out`, in the process's working memory.
fn run(a: &Argon2, pin: &[u8], salt: &[u8], out: &mut [u8]) -> bool {
    let mut memory = MEMORY.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
    let blocks = a.params().block_count();
    if memory.len() < blocks {
        memory.resize(blocks, Block::default());
    }
    let ok = a.hash_password_into_with_memory(pin, salt, out, &mut memory[..blocks]).is_ok();
    memory[..blocks].iter_mut().for_each(Zeroize::zeroize);
    ok
}

/// Hash a PIN as a PHC string (`$argon2id$v=19$m=…,t=…,p=…$salt$hash`).
pub fn hash(pin: &str, cost: HashCost) -> crate::Result<String> {
    let fail = || crate::Error::user(crate::i18n::Msg::ErrPinHash);
    let salt = SaltString::generate(&mut argon2::password_hash::rand_core::OsRng);
    let a = cost.argon2();
    let mut raw = [0u8; 64];
    let salt_bytes = salt.decode_b64(&mut raw).map_err(|_| fail())?;
    let mut out = Zeroizing::new([0u8; Params::DEFAULT_OUTPUT_LEN]);
    if !run(&a, pin.as_bytes(), salt_bytes, &mut out[..]) {
        return Err(fail());
    }
    let phc = PasswordHash {
        algorithm: argon2::ARGON2ID_IDENT,
        version: Some(Version::V0x13.into()),
        params: ParamsString::try_from(a.params()).map_err(|_| fail())?,
        salt: Some(salt.as_salt()),
        hash: Some(Output::new(&out[..]).map_err(|_| fail())?),
    };
    Ok(phc.to_string())
}

/// Verify a PIN against a stored PHC string; a malformed string never verifies. The hash is
/// compared in constant time.
pub fn verify(pin: &str, phc: &str) -> bool {
    let Ok(parsed) = PasswordHash::new(phc) else { return false };
    let (Ok(algorithm), Ok(params), Some(salt), Some(expected)) = (
        Algorithm::try_from(parsed.algorithm),
        Params::try_from(&parsed),
        parsed.salt,
        parsed.hash,
    ) else {
        return false;
    };
    let version = parsed.version.and_then(|v| Version::try_from(v).ok()).unwrap_or_default();
    let mut raw = [0u8; 64];
    let Ok(salt_bytes) = salt.decode_b64(&mut raw) else { return false };
    let mut out = Zeroizing::new(vec![0u8; expected.len()]);
    let a = Argon2::new(algorithm, version, params);
    run(&a, pin.as_bytes(), salt_bytes, &mut out) && Output::new(&out).is_ok_and(|o| o == expected)
}

/// True when a stored hash is weaker than `cost` (or not argon2id) and should be redone.
pub fn needs_upgrade(phc: &str, cost: HashCost) -> bool {
    let Ok(parsed) = PasswordHash::new(phc) else {
        return true;
    };
    if parsed.algorithm.as_str() != "argon2id" {
        return true;
    }
    match Params::try_from(&parsed) {
        Ok(p) => p.m_cost() < cost.m_kib || p.t_cost() < cost.t || p.p_cost() < cost.p,
        Err(_) => true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const CHEAP: HashCost = HashCost { m_kib: 64, t: 1, p: 1 };

    /// Hashes made the argon2 crate's own way verify here, and those made here verify there.
    #[test]
    fn hashes_agree_with_the_argon2_crates_own() {
        use argon2::password_hash::{PasswordHasher, PasswordVerifier};
        let salt = SaltString::generate(&mut argon2::password_hash::rand_core::OsRng);
        let theirs = CHEAP.argon2().hash_password(b"508731", &salt).unwrap().to_string();
        assert!(verify("508731", &theirs));
        assert!(!verify("508732", &theirs));
        let ours = hash("508731", CHEAP).unwrap();
        let parsed = PasswordHash::new(&ours).unwrap();
        assert!(Argon2::default().verify_password(b"508731", &parsed).is_ok());
        assert!(Argon2::default().verify_password(b"508732", &parsed).is_err());
        assert!(ours.starts_with("$argon2id$v=19$m=64,t=1,p=1$"), "{ours}");
        assert!(!verify("508731", "$argon2id$v=19$m=64,t=1,p=1$broken"));
        assert!(!verify("508731", "plain text"));
        // The working memory is wiped after use.
        let memory = MEMORY.lock().unwrap();
        assert!(memory.iter().all(|b| b.as_ref().iter().all(|w| *w == 0)));
    }

    #[test]
    fn policy_refuses_guessable_pins_and_says_why() {
        let cases = [
            ("12345", PinProblem::Length),
            ("1234567890123", PinProblem::Length),
            ("12a456", PinProblem::NotDigits),
            ("777777", PinProblem::AllSame),
            ("234567", PinProblem::Sequence),
            ("987654", PinProblem::Sequence),
            ("890123", PinProblem::Sequence),
            ("121212", PinProblem::Repeats),
            ("385385", PinProblem::Repeats),
            ("335577", PinProblem::Repeats),
            ("199004", PinProblem::YearLike),
            ("041987", PinProblem::YearLike),
            ("12252019", PinProblem::YearLike),
            ("159753", PinProblem::Common),
        ];
        for (pin, want) in cases {
            assert_eq!(check_policy(pin, &[]), Err(want), "{pin}");
        }
        assert_eq!(check_policy("508731", &["maria873", "María"]), Err(PinProblem::OwnDigits));
        assert_eq!(check_policy("508731", &["maria", "María"]), Ok(()));
        assert_eq!(check_policy("90817263", &[]), Ok(()));
    }

    #[test]
    fn hashes_verify_and_weak_ones_are_flagged() {
        let h = hash("508731", CHEAP).unwrap();
        assert!(h.starts_with("$argon2id$v=19$m=64,t=1,p=1$"));
        assert!(verify("508731", &h));
        assert!(!verify("508732", &h));
        assert!(!verify("508731", "not a hash"));
        assert!(needs_upgrade(&h, PRODUCTION));
        assert!(!needs_upgrade(&h, CHEAP));
        assert!(!needs_upgrade(&PRODUCTION.decoy(), PRODUCTION));
        assert!(!verify("508731", &CHEAP.decoy()));
    }
}
