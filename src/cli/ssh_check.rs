//! `intake ssh check`: what an IT person would check by hand, named one by one: the data
//! directory and files private to the service account, its authorized_keys private and holding
//! only the console's keys (each restricted, for an account that is enabled), and the sshd
//! settings in force for the account (read with `sshd -T` when this account may run it).

use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use std::process::Command;

use crate::i18n::{Lang, Msg, fill};
use crate::store::{DbPaths, Store};

/// One line of the check: what, and what is wrong with it (None: fine).
struct Line {
    what: Msg,
    problem: Option<String>,
}

fn mode_of(p: &Path) -> Option<u32> {
    std::fs::metadata(p).ok().map(|m| m.permissions().mode() & 0o777)
}

/// `path` exists with no access for group or others.
fn private(path: &Path, lang: Lang) -> Option<String> {
    match mode_of(path) {
        None => Some(fill(Msg::SshCheckMissing.text(lang), &[&path.display().to_string()])),
        Some(m) if m & 0o077 != 0 => Some(fill(
            Msg::SshCheckMode.text(lang),
            &[&path.display().to_string(), &format!("{m:o}")],
        )),
        Some(_) => None,
    }
}

pub fn run(
    store: &Store,
    paths: &DbPaths,
    (keys, sshd_config): (&Path, Option<&Path>),
    account: &str,
    lang: Lang,
) -> bool {
    let mut lines = Vec::new();
    let dir = paths.db.parent().unwrap_or(Path::new("."));
    lines.push(Line { what: Msg::SshCheckDataDir, problem: private(dir, lang) });
    let files = private(&paths.db, lang).or_else(|| private(&paths.key, lang));
    lines.push(Line { what: Msg::SshCheckFiles, problem: files });
    let ssh_dir = keys.parent().unwrap_or(Path::new("."));
    let keys_private = private(ssh_dir, lang).or_else(|| private(keys, lang));
    lines.push(Line { what: Msg::SshCheckKeysFile, problem: keys_private });
    // Every line a key the console wrote, restricted, for an account that may log in.
    let text = std::fs::read_to_string(keys).unwrap_or_default();
    let mut problem = None;
    for l in text.lines().filter(|l| !l.trim().is_empty() && !l.trim_start().starts_with('#')) {
        let ours = super::ssh::ours(l);
        let Some((user, fp, _)) = ours.first() else {
            problem = Some(Msg::SshCheckForeignKey.text(lang).to_string());
            break;
        };
        if !l.starts_with("restrict,pty,command=\"") {
            problem = Some(fill(Msg::SshCheckUnrestricted.text(lang), &[fp]));
            break;
        }
        let usable = crate::auth::accounts::find_user(store, user).is_ok_and(|u| !u.disabled);
        if !usable {
            problem = Some(fill(Msg::SshCheckDisabledKey.text(lang), &[fp, user]));
            break;
        }
    }
    lines.push(Line { what: Msg::SshCheckKeys, problem });
    // The settings sshd applies to the account, as it would for a connection.
    let mut sshd =
        Command::new(if Path::new("/usr/sbin/sshd").exists() { "/usr/sbin/sshd" } else { "sshd" });
    sshd.args(["-T", "-C", &format!("user={account},host=check,addr=127.0.0.1")]);
    if let Some(c) = sshd_config {
        sshd.arg("-f").arg(c);
    }
    let effective = sshd
        .output()
        .ok()
        .filter(|o| o.status.success())
        .map(|o| String::from_utf8_lossy(&o.stdout).to_lowercase());
    let sshd = match effective {
        None => Some(Msg::SshCheckCannotRead.text(lang).to_string()),
        Some(text) => {
            let want = [
                "passwordauthentication no",
                "permittty yes",
                "allowtcpforwarding no",
                "allowagentforwarding no",
                "x11forwarding no",
                "clientaliveinterval 30",
            ];
            let missing: Vec<&str> =
                want.iter().copied().filter(|w| !text.lines().any(|l| l.trim() == *w)).collect();
            (!missing.is_empty())
                .then(|| fill(Msg::SshCheckSettings.text(lang), &[&missing.join(", ")]))
        }
    };
    lines.push(Line { what: Msg::SshCheckSshd, problem: sshd });
    let mut all_ok = true;
    for l in &lines {
        let verdict = if l.problem.is_none() { Msg::CheckOk } else { Msg::CheckFailed };
        let mut text = format!("{:<28} {}", l.what.text(lang), verdict.text(lang));
        if let Some(p) = &l.problem {
            text.push_str(": ");
            text.push_str(p);
        }
        put!("{text}");
        all_ok &= l.problem.is_none();
    }
    all_ok
}
