//! An SSH public key as a person hands it over (one line of an `id_*.pub` file), and its
//! fingerprint as `ssh-keygen -l` shows it: "SHA256:" and the unpadded base64 of the key's
//! SHA-256.

use sha2::{Digest, Sha256};

use super::base64::{decode as base64_decode, encode as base64_encode};

/// The key types OpenSSH accepts for a user key.
const TYPES: &[&str] = &[
    "ssh-ed25519",
    "ecdsa-sha2-nistp256",
    "ecdsa-sha2-nistp384",
    "ecdsa-sha2-nistp521",
    "sk-ssh-ed25519@openssh.com",
    "sk-ecdsa-sha2-nistp256@openssh.com",
    "ssh-rsa",
];

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PublicKey {
    pub kind: String,
    /// The key itself, base64 as in the file.
    pub blob: String,
}

impl PublicKey {
    /// The key in a line of a `.pub` file (its comment is dropped); None when the line holds
    /// no key OpenSSH would take.
    pub fn parse(line: &str) -> Option<PublicKey> {
        let mut parts = line.split_whitespace();
        let kind = parts.next()?;
        let blob = parts.next()?;
        let bytes = base64_decode(blob)?;
        // The key's own first field names its type, and must agree with the line's.
        let len = u32::from_be_bytes(bytes.get(..4)?.try_into().ok()?) as usize;
        let inner = std::str::from_utf8(bytes.get(4..4 + len)?).ok()?;
        (TYPES.contains(&kind) && inner == kind)
            .then(|| PublicKey { kind: kind.into(), blob: blob.into() })
    }

    /// "SHA256:…", as `ssh-keygen -l` and sshd's logs show it.
    pub fn fingerprint(&self) -> String {
        let bytes = base64_decode(&self.blob).unwrap_or_default();
        let digest = Sha256::digest(&bytes);
        format!("SHA256:{}", base64_encode(&digest).trim_end_matches('='))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A key made with `ssh-keygen -t ed25519`, and the fingerprint `ssh-keygen -l` gave it.
    const KEY: &str = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIDAlPAqbXSadwnuprVJMQ9p7I+0+2H787FDS6ZRPWOsc ana@laptop";

    #[test]
    fn a_key_line_reads_and_its_fingerprint_is_what_ssh_keygen_says() {
        let k = PublicKey::parse(KEY).unwrap();
        assert_eq!(k.kind, "ssh-ed25519");
        assert_eq!(k.fingerprint(), "SHA256:POQyqF2jrr+tpa2X6Nrky84Tw9CtHEnozvJyRxwVpZk");
        assert!(PublicKey::parse("ssh-ed25519 not-base64!").is_none());
        let wrong = KEY.replace("ssh-ed25519 ", "ssh-rsa ");
        assert!(PublicKey::parse(&wrong).is_none(), "the line's type must be the key's");
        assert!(PublicKey::parse("").is_none());
    }
}
