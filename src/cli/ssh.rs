//! `intake ssh …`: staff keys for shelters that reach the console over SSH. Each key is a line
//! of the service account's `authorized_keys`, restricted (no forwarding, no agent, no X11),
//! with a terminal, and a forced command that names the staff account the key belongs to; the
//! console then asks that account's PIN. Nobody edits the file by hand.

use std::fs;
use std::io::Write;
use std::os::unix::fs::{OpenOptionsExt, PermissionsExt};
use std::path::{Path, PathBuf};

use crate::domain::sshkey::PublicKey;
use crate::error::{Error, Result};
use crate::i18n::{Lang, Msg, fill};
use crate::store::{DbPaths, Store};

use super::SshCommand;

/// What marks the lines this program wrote: their comment.
const MARK: &str = "intake:";

/// The service account's `authorized_keys`: the one named, or `~/.ssh/authorized_keys`.
pub(super) fn keys_file(named: &Option<PathBuf>) -> Result<PathBuf> {
    if let Some(p) = named {
        return Ok(p.clone());
    }
    let home = std::env::var_os("HOME").ok_or_else(|| Error::user(Msg::ErrNoHome))?;
    Ok(PathBuf::from(home).join(".ssh").join("authorized_keys"))
}

/// A path as the forced command quotes it; one with a quote in it is refused.
fn quoted(p: &Path) -> Result<String> {
    let text = p.display().to_string();
    if text.contains(['\'', '"', '\n']) {
        return Err(Error::user_with(Msg::ErrPathQuote, &[&text]));
    }
    Ok(format!("'{text}'"))
}

/// The line for `username`'s key: restricted, a terminal, the console for that account only.
fn key_line(paths: &DbPaths, username: &str, key: &PublicKey) -> Result<String> {
    let exe = std::env::current_exe()?;
    let command = format!(
        "{} --db {} --key-file {} ssh-login {username} {}",
        quoted(&exe)?,
        quoted(&paths.db)?,
        quoted(&paths.key)?,
        key.fingerprint()
    );
    Ok(format!("restrict,pty,command=\"{command}\" {} {} {MARK}{username}", key.kind, key.blob))
}

/// The lines this program wrote: (account, fingerprint, whole line).
pub(super) fn ours(text: &str) -> Vec<(String, String, String)> {
    text.lines()
        .filter_map(|l| {
            let user = l.rsplit_once(MARK)?.1.trim().to_string();
            let after = l.split_once(" ssh-login ")?.1;
            let mut words = after.split_whitespace();
            let (_, fp) = (words.next()?, words.next()?.trim_end_matches('"'));
            Some((user, fp.to_string(), l.to_string()))
        })
        .collect()
}

/// Write the file whole, private to its owner, as the one file sshd reads.
fn write_keys(path: &Path, lines: &[String]) -> Result<()> {
    if let Some(dir) = path.parent() {
        fs::create_dir_all(dir)?;
        fs::set_permissions(dir, fs::Permissions::from_mode(0o700))?;
    }
    let tmp = path.with_extension("intake-new");
    let mut f =
        fs::OpenOptions::new().write(true).create(true).truncate(true).mode(0o600).open(&tmp)?;
    for l in lines {
        writeln!(f, "{l}")?;
    }
    f.sync_all()?;
    fs::rename(&tmp, path)?;
    Ok(())
}

pub fn ssh_command(
    store: &mut Store,
    paths: &DbPaths,
    command: &SshCommand,
    lang: Lang,
) -> Result<()> {
    match command {
        SshCommand::AddKey { username, public_key, authorized_keys } => {
            let user = crate::auth::accounts::find_user(store, username)?;
            if user.disabled {
                return Err(Error::user(Msg::ErrKeyAccountDisabled));
            }
            // A public key is a line of a few hundred bytes.
            let text = crate::service::files::read_small(public_key, 64 * 1024)?;
            let text = String::from_utf8_lossy(&text);
            let key = text.lines().find_map(PublicKey::parse).ok_or_else(|| {
                Error::user_with(Msg::ErrNotAPublicKey, &[&public_key.display().to_string()])
            })?;
            let file = keys_file(authorized_keys)?;
            let existing = fs::read_to_string(&file).unwrap_or_default();
            // The same key given again replaces its line: one key, one account.
            let mut lines: Vec<String> =
                existing.lines().filter(|l| !l.contains(&key.blob)).map(String::from).collect();
            lines.push(key_line(paths, &user.username, &key)?);
            write_keys(&file, &lines)?;
            let fp = key.fingerprint();
            crate::service::ssh::key_changed(store, &user.username, "ssh_key_add", &fp)?;
            put!("{}", fill(Msg::CliKeyAdded.text(lang), &[&fp, &user.username]));
        }
        SshCommand::ListKeys { authorized_keys } => {
            let text = fs::read_to_string(keys_file(authorized_keys)?).unwrap_or_default();
            for (user, fp, _) in ours(&text) {
                put!("{user:<16} {fp}");
            }
        }
        SshCommand::RemoveKey { who, authorized_keys } => {
            let file = keys_file(authorized_keys)?;
            let text = fs::read_to_string(&file).unwrap_or_default();
            let gone: Vec<(String, String, String)> =
                ours(&text).into_iter().filter(|(u, fp, _)| u == who || fp == who).collect();
            if gone.is_empty() {
                return Err(Error::user_with(Msg::ErrNoSuchKey, &[who]));
            }
            let keep: Vec<String> = text
                .lines()
                .filter(|l| !gone.iter().any(|(_, _, g)| g == l))
                .map(String::from)
                .collect();
            write_keys(&file, &keep)?;
            for (user, fp, _) in &gone {
                crate::service::ssh::key_changed(store, user, "ssh_key_remove", fp)?;
                put!("{}", fill(Msg::CliKeyRemoved.text(lang), &[fp, user]));
            }
        }
        SshCommand::Config { account } => put!("{}", sshd_block(account)),
        SshCommand::Check { authorized_keys, account, sshd_config } => {
            let keys = keys_file(authorized_keys)?;
            let sshd = sshd_config.as_deref();
            if !super::ssh_check::run(store, paths, (&keys, sshd), account, lang) {
                return Err(Error::user(Msg::SshCheckProblems));
            }
        }
    }
    Ok(())
}

/// The sshd settings for the service account: a terminal, no forwarding of any kind, and dead
/// links noticed within a minute and a half.
pub(super) fn sshd_block(account: &str) -> String {
    format!(
        "Match User {account}\n    PasswordAuthentication no\n    KbdInteractiveAuthentication no\n    \
         AuthenticationMethods publickey\n    PermitTTY yes\n    DisableForwarding yes\n    \
         AllowTcpForwarding no\n    AllowAgentForwarding no\n    X11Forwarding no\n    \
         PermitTunnel no\n    ClientAliveInterval 30\n    ClientAliveCountMax 3"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_lines_we_write_are_read_back_and_others_are_left_alone() {
        let key = PublicKey::parse(
            "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIDAlPAqbXSadwnuprVJMQ9p7I+0+2H787FDS6ZRPWOsc x",
        )
        .unwrap();
        let paths = DbPaths { db: "/srv/intake/intake.db".into(), key: "/srv/intake/k".into() };
        let line = key_line(&paths, "ben", &key).unwrap();
        assert!(line.starts_with("restrict,pty,command=\""), "{line}");
        assert!(
            line.contains("ssh-login ben SHA256:POQyqF2jrr+tpa2X6Nrky84Tw9CtHEnozvJyRxwVpZk\"")
        );
        let text = format!("ssh-ed25519 AAAA other@admin\n{line}\n");
        let found = ours(&text);
        assert_eq!(found.len(), 1);
        assert_eq!((found[0].0.as_str(), found[0].1.as_str()), ("ben", &key.fingerprint()[..]));
        let bad = DbPaths { db: "/srv/it's/intake.db".into(), key: "/srv/k".into() };
        assert!(key_line(&bad, "ben", &key).is_err());
        assert!(sshd_block("intake").contains("DisableForwarding yes"));
    }
}
