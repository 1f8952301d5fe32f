//! The database key: 32 random bytes, kept as hex in a key file that only its owner may read.

use std::fs::{self, OpenOptions};
use std::io::Write;
use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt, PermissionsExt};
use std::path::Path;

use zeroize::Zeroizing;

use crate::error::{Error, Result};
use crate::i18n::Msg;

/// A raw 32-byte key, as 64 hex digits.
pub type KeyHex = Zeroizing<String>;

/// Create the directory for the database and key with mode 0700 when it does not exist.
pub fn ensure_private_dir(dir: &Path) -> Result<()> {
    if dir.as_os_str().is_empty() || dir.exists() {
        return Ok(());
    }
    fs::DirBuilder::new().recursive(true).mode(0o700).create(dir)?;
    Ok(())
}

/// Refuse a key file that group or others can read or write, or one in a folder where
/// they could replace it (a folder group or others may write, unless it is sticky, as /tmp is:
/// there only a file's owner may rename or remove it).
pub fn check_permissions(path: &Path) -> Result<()> {
    let meta = fs::metadata(path).map_err(|_| missing(path))?;
    if meta.permissions().mode() & 0o077 != 0 {
        let p = path.display().to_string();
        return Err(Error::user_with(Msg::ErrKeyFilePermissions, &[&p, &p]));
    }
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    if let Ok(m) = fs::metadata(dir) {
        let mode = m.permissions().mode();
        if mode & 0o022 != 0 && mode & 0o1000 == 0 {
            let d = crate::domain::text::escaped(&dir.display().to_string());
            return Err(Error::user_with(Msg::ErrKeyDirWritable, &[&d, &d]));
        }
    }
    Ok(())
}

fn missing(path: &Path) -> Error {
    Error::user_with(Msg::ErrKeyFileMissing, &[&path.display().to_string()])
}

/// Read the key after checking the file's permissions.
pub fn read(path: &Path) -> Result<KeyHex> {
    check_permissions(path)?;
    let text = Zeroizing::new(fs::read_to_string(path).map_err(|_| missing(path))?);
    let key = Zeroizing::new(text.trim().to_ascii_lowercase());
    if key.len() != 64 || !key.bytes().all(|b| b.is_ascii_hexdigit()) {
        return Err(Error::user_with(Msg::ErrKeyFileInvalid, &[&path.display().to_string()]));
    }
    Ok(key)
}

/// Create a new key file (mode 0600, never overwriting one) holding 32 random bytes.
pub fn create(path: &Path) -> Result<KeyHex> {
    let mut bytes = Zeroizing::new([0u8; 32]);
    getrandom::fill(bytes.as_mut()).map_err(|_| Error::user(Msg::ErrNoRandomness))?;
    let mut hex = Zeroizing::new(String::with_capacity(65));
    for b in bytes.iter() {
        hex.push(char::from_digit((b >> 4) as u32, 16).unwrap_or('0'));
        hex.push(char::from_digit((b & 0xf) as u32, 16).unwrap_or('0'));
    }
    write_new(path, &hex)?;
    Ok(hex)
}

/// Write `key` (64 hex digits) as a new key file: mode 0600, never over an existing file.
pub fn write_new(path: &Path, key: &KeyHex) -> Result<()> {
    let mut file = OpenOptions::new().write(true).create_new(true).mode(0o600).open(path)?;
    file.write_all(key.as_bytes())?;
    file.write_all(b"\n")?;
    file.sync_all()?;
    Ok(())
}
