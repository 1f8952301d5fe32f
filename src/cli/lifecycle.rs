//! The data's whole life from the command line: backups, restores and the key; the retention
//! policy, purges and audit trims; one client erased. Each is an audited event; none prints
//! record content.

use std::io::Read;
use std::path::{Path, PathBuf};

use jiff::Timestamp;
use sha2::{Digest, Sha256};
use zeroize::Zeroizing;

use crate::auth::Actor;
use crate::auth::accounts;
use crate::error::{Error, Result};
use crate::i18n::{Lang, Msg, fill};
use crate::store::{DbPaths, Store, backup, keyfile};

use super::{KeyCommand, RetentionCommand};
use crate::store::retention::{self, Keep, Kind, Unit};

/// Where backups go when no directory is named: `backups` beside the database.
pub fn default_dir(paths: &DbPaths) -> PathBuf {
    paths.db.parent().unwrap_or(Path::new(".")).join("backups")
}

pub fn backup(paths: &DbPaths, dir: Option<&Path>, keep: Option<usize>, lang: Lang) -> Result<()> {
    let mut store = Store::open(paths, false)?;
    let dir = dir.map(Path::to_path_buf).unwrap_or_else(|| default_dir(paths));
    let taken = backup::take(&store, &dir, keep, Timestamp::now(), lang);
    let event = if taken.is_ok() { "db_backup" } else { "db_backup_failed" };
    accounts::session_event(&mut store, Actor::CLI, event)?;
    let taken = taken?;
    let mb = format!("{:.1}", taken.bytes as f64 / 1_000_000.0);
    put!(
        "{}",
        fill(
            Msg::CliBackupTaken.text(lang),
            &[&taken.path.display().to_string(), &mb, &taken.removed.to_string()]
        )
    );
    Ok(())
}

pub fn restore(
    target: &DbPaths,
    file: &Path,
    backup_key: Option<&Path>,
    force: bool,
    lang: Lang,
) -> Result<()> {
    let file_key = backup_key.map(Path::to_path_buf).unwrap_or_else(|| target.key.clone());
    backup::restore(file, &file_key, target, force, Timestamp::now(), lang)?;
    let mut store = Store::open(target, false)?;
    accounts::session_event(&mut store, Actor::CLI, "db_restore")?;
    let held = backup::held(store.conn())?;
    put!("{}", fill(Msg::CliRestored.text(lang), &[&target.db.display().to_string()]));
    let width = held.counts.iter().map(|(t, _)| label(t).text(lang).chars().count()).max();
    for (table, n) in &held.counts {
        put!("  {:<w$}  {n:>9}", label(table).text(lang), w = width.unwrap_or(0));
    }
    match held.newest.as_deref() {
        Some(at) => put!(
            "{}",
            fill(Msg::CliRestoredNewest.text(lang), &[&crate::domain::time::show_db(at)])
        ),
        None => put!("{}", Msg::CliRestoredNoRecords.text(lang)),
    }
    if let Some((id, hash)) = &held.audit_head {
        let start: String = hash.chars().take(16).collect();
        put!("{}", fill(Msg::CliRestoredAudit.text(lang), &[&id.to_string(), &start]));
    }
    Ok(())
}

/// Move the database to a new key, check it under the new key, and record it.
pub fn rekey(paths: &DbPaths, lang: Lang) -> Result<()> {
    let retired = backup::rekey(paths, Timestamp::now())?;
    let mut store = Store::open(paths, false)?;
    accounts::session_event(&mut store, Actor::CLI, "db_rekey")?;
    let anchor = crate::store::anchor::path(&store.paths().clone());
    crate::store::check::require_all(&store, Some(&anchor), Msg::ErrCheckFailed, lang)?;
    put!(
        "{}",
        fill(
            Msg::CliRekeyed.text(lang),
            &[&paths.key.display().to_string(), &retired.display().to_string()]
        )
    );
    Ok(())
}

fn span_text(keep: Keep, lang: Lang) -> String {
    let msg = match keep.unit {
        Unit::Years => Msg::RetentionUnitYears,
        Unit::Months => Msg::RetentionUnitMonths,
        Unit::Days => Msg::RetentionUnitDays,
    };
    fill(msg.text(lang), &[&keep.n.to_string()])
}

pub fn retention(store: &mut Store, command: &RetentionCommand, lang: Lang) -> Result<()> {
    match command {
        RetentionCommand::Show => {
            let policy = retention::policy(store.conn())?;
            put!("{}", Msg::RetentionShowHead.text(lang));
            let width = policy.iter().map(|(k, ..)| k.label().text(lang).chars().count()).max();
            for (kind, keep, default) in policy {
                let mark = if default { Msg::RetentionDefault.text(lang) } else { "" };
                put!(
                    "  {:<w$}  {:<4} {} {mark}",
                    kind.label().text(lang),
                    keep.text(),
                    span_text(keep, lang),
                    w = width.unwrap_or(0)
                );
            }
        }
        RetentionCommand::Set { kind, time } => {
            let kind = Kind::parse(kind).ok_or_else(|| Error::user(Msg::ErrRetentionKind))?;
            let quoted: String = crate::domain::text::clean_line(time).chars().take(20).collect();
            let keep = Keep::parse(time)
                .ok_or_else(|| Error::user_with(Msg::ErrRetentionSpan, &[&quoted]))?;
            let source = store.source().to_string();
            store.write(|tx| {
                retention::set(tx, kind, keep, None, Timestamp::now())?;
                let ev = crate::store::audit::Event::new("retention_set", "ok").record(kind.id());
                crate::store::audit::append(tx, &source, &ev)?;
                Ok(())
            })?;
            put!(
                "{}",
                fill(
                    Msg::CliRetentionSet.text(lang),
                    &[kind.label().text(lang), &span_text(keep, lang)]
                )
            );
        }
    }
    Ok(())
}

pub fn purge(store: &mut Store, dry_run: bool, lang: Lang) -> Result<()> {
    let now = Timestamp::now();
    if dry_run {
        let due = retention::due(store.conn(), now)?;
        accounts::session_event(store, Actor::CLI, "purge_dry_run")?;
        put!(
            "{}",
            fill(
                Msg::CliPurgeDue.text(lang),
                &[
                    &due.contacts.to_string(),
                    &due.tips.to_string(),
                    &due.drafts.to_string(),
                    &due.cases.to_string()
                ]
            )
        );
        return Ok(());
    }
    let done = retention::purge(store, now);
    let source = store.source().to_string();
    let (event, record) = match &done {
        Ok(p) => (
            "purge",
            format!(
                "c{} t{} k{} d{}",
                p.counts.contacts, p.counts.tips, p.counts.cases, p.counts.drafts
            ),
        ),
        Err(_) => ("purge_failed", String::new()),
    };
    store.write(|tx| {
        let mut ev = crate::store::audit::Event::new(event, "ok");
        if !record.is_empty() {
            ev = ev.record(&record);
        }
        crate::store::audit::append(tx, &source, &ev)?;
        Ok(())
    })?;
    let p = done?;
    put!(
        "{}",
        fill(
            Msg::CliPurged.text(lang),
            &[
                &p.counts.contacts.to_string(),
                &p.counts.tips.to_string(),
                &p.counts.drafts.to_string(),
                &p.counts.cases.to_string()
            ]
        )
    );
    if !p.log_emptied {
        eprintln!("{}", Msg::CliPurgeLogBusy.text(lang));
    }
    Ok(())
}

/// `intake client erase`: a supervisor erases one client of their agency now.
/// Make the file smaller after a purge or trim when it is worth it and nobody has it open;
/// say so on standard error when a console kept it from being done.
pub fn compact(paths: &DbPaths, lang: Lang) -> Result<()> {
    if retention::compact(paths)? == Some(false) {
        eprintln!("{}", Msg::CliCompactBusy.text(lang));
    }
    Ok(())
}

/// `intake audit trim --before DAY`: the day must be a year or more ago (CJIS keeps a year).
pub fn audit_trim(store: &mut Store, before: &str, lang: Lang) -> Result<()> {
    let quoted: String = crate::domain::text::clean_line(before).chars().take(20).collect();
    let day: jiff::civil::Date =
        before.trim().parse().map_err(|_| Error::user_with(Msg::ErrAuditTrimDate, &[&quoted]))?;
    match crate::store::audit::trim(store, day, Timestamp::now())? {
        crate::store::audit::Trimmed::Nothing => {
            put!("{}", fill(Msg::CliAuditNothing.text(lang), &[&day.to_string()]));
        }
        crate::store::audit::Trimmed::Removed { rows, through_id, checkpoint } => {
            accounts::session_event(store, Actor::CLI, "audit_trim")?;
            retention::scrub(store.conn())?;
            put!(
                "{}",
                fill(
                    Msg::CliAuditTrimmed.text(lang),
                    &[
                        &rows.to_string(),
                        &day.to_string(),
                        &checkpoint.to_string(),
                        &through_id.to_string()
                    ]
                )
            );
        }
    }
    Ok(())
}

/// A client's record number as typed: 12 or #12.
pub fn record_number(record: &str) -> Result<crate::domain::ids::ClientId> {
    let quoted: String = crate::domain::text::clean_line(record).chars().take(20).collect();
    crate::domain::ids::ClientId::typed(record)
        .ok_or_else(|| Error::user_with(Msg::ErrClientNumber, &[&quoted]))
}

pub fn erase(store: &mut Store, record: &str, user: &str, reason: &str, lang: Lang) -> Result<()> {
    let id = record_number(record)?.0;
    let why = retention::Erasure::parse(reason).ok_or_else(|| Error::user(Msg::ErrEraseReason))?;
    let u = super::records::staff(store, user)?;
    let who = crate::service::Who { user: &u, session_id: None };
    let id = crate::domain::ids::ClientId(id);
    crate::service::casework::erase_client(store, who, id, why, Timestamp::now())?;
    let label = retention::purge_label(why.id()).text(lang);
    put!("{}", fill(Msg::CliClientErased.text(lang), &[&id.0.to_string(), label]));
    Ok(())
}

fn label(table: &str) -> Msg {
    match table {
        "clients" => Msg::HeldClients,
        "contacts" => Msg::HeldContacts,
        "tips" => Msg::HeldTips,
        "case_notes" => Msg::HeldCaseNotes,
        "screenings" => Msg::HeldScreenings,
        "services" => Msg::HeldServices,
        "referrals" => Msg::HeldReferrals,
        "payments" => Msg::HeldPayments,
        _ => Msg::HeldUsers,
    }
}

/// The check line of a key: the first 8 hex digits of the SHA-256 of its bytes' hex.
fn key_check(hex: &str) -> String {
    Sha256::digest(hex.as_bytes()).iter().take(4).map(|b| format!("{b:02x}")).collect()
}

/// The key as printed: a comment naming the database, the digits in groups of four, eight
/// groups a line, and a check line.
pub fn export_text(paths: &DbPaths, key: &str, lang: Lang) -> Zeroizing<String> {
    let mut out = Zeroizing::new(String::new());
    out.push_str(&fill(Msg::KeyExportTitle.text(lang), &[&paths.db.display().to_string()]));
    out.push('\n');
    out.push_str(Msg::KeyExportHow.text(lang));
    out.push('\n');
    for line in key.as_bytes().chunks(32) {
        let groups: Vec<&str> =
            line.chunks(4).map(|g| std::str::from_utf8(g).unwrap_or("")).collect();
        out.push_str(&groups.join(" "));
        out.push('\n');
    }
    out.push_str(&format!("= {}\n", key_check(key)));
    out
}

/// The key in an exported text, when its digits and check line agree. Comment lines (`#`) are
/// skipped; spaces and case do not matter.
pub fn parse_export(text: &str, shown: &str) -> Result<Zeroizing<String>> {
    let mut digits = Zeroizing::new(String::new());
    let mut check = None;
    for line in text.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')) {
        if let Some(c) = line.strip_prefix('=') {
            check = Some(c.trim().to_ascii_lowercase());
            continue;
        }
        for c in line.chars().filter(|c| !c.is_whitespace()) {
            if !c.is_ascii_hexdigit() {
                return Err(Error::user_with(Msg::ErrKeyImportBad, &[shown]));
            }
            digits.push(c.to_ascii_lowercase());
        }
    }
    let Some(check) = check else {
        return Err(Error::user_with(Msg::ErrKeyImportBad, &[shown]));
    };
    if digits.len() != 64 {
        return Err(Error::user_with(Msg::ErrKeyImportBad, &[shown]));
    }
    if key_check(&digits) != check {
        return Err(Error::user_with(Msg::ErrKeyImportCheck, &[shown]));
    }
    Ok(digits)
}

pub fn key(paths: &DbPaths, command: &KeyCommand, lang: Lang) -> Result<()> {
    match command {
        KeyCommand::Export => {
            // The database must open under the key: a key that reads nothing is not exported.
            let mut store = Store::open(paths, false)?;
            let key = keyfile::read(&paths.key)?;
            accounts::session_event(&mut store, Actor::CLI, "key_export")?;
            let text = export_text(paths, &key, lang);
            put!("{}", text.trim_end());
        }
        KeyCommand::Import { file } => {
            let shown = file.display().to_string();
            let mut text = Zeroizing::new(String::new());
            if file.as_os_str() == "-" {
                std::io::stdin().read_to_string(&mut text)?;
            } else {
                // A key export is a few lines.
                let bytes =
                    crate::service::files::read_small(file, 16 * 1024).map_err(|e| match e {
                        Error::User(..) => e,
                        _ => Error::user_with(Msg::ErrKeyImportBad, &[&shown]),
                    })?;
                let bytes = Zeroizing::new(bytes);
                text = Zeroizing::new(
                    String::from_utf8(bytes.to_vec())
                        .map_err(|_| Error::user_with(Msg::ErrKeyImportBad, &[&shown]))?,
                );
            }
            let key = parse_export(&text, &shown)?;
            if paths.key.exists() {
                return Err(Error::user_with(
                    Msg::ErrKeyFileExists,
                    &[&paths.key.display().to_string()],
                ));
            }
            if let Some(dir) = paths.key.parent() {
                keyfile::ensure_private_dir(dir)?;
            }
            keyfile::write_new(&paths.key, &key)?;
            put!(
                "{}",
                fill(
                    Msg::CliKeyImported.text(lang),
                    &[&paths.key.display().to_string(), &key_check(&key)]
                )
            );
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    const KEY: &str = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";

    #[test]
    fn an_exported_key_reads_back_and_a_miscopied_digit_is_caught() {
        let paths = DbPaths::new("/srv/intake/intake.db".into(), None);
        for lang in [Lang::En, Lang::Es] {
            let text = export_text(&paths, KEY, lang);
            assert_eq!(parse_export(&text, "k").expect("reads").as_str(), KEY);
            // Upper case and extra spaces, as a person types it back from paper.
            let typed = text.to_uppercase().replace(' ', "  ");
            assert_eq!(parse_export(&typed, "k").expect("typed").as_str(), KEY);
            // One digit copied wrong.
            let wrong = text.replacen("0011", "0012", 1);
            let e = parse_export(&wrong, "k").expect_err("a wrong digit");
            assert!(matches!(e, Error::User(Msg::ErrKeyImportCheck, _)), "{e:?}");
            // A line lost.
            let lines: Vec<&str> = text.lines().filter(|l| !l.starts_with("0011")).collect();
            let e = parse_export(&lines.join("\n"), "k").expect_err("a line lost");
            assert!(matches!(e, Error::User(Msg::ErrKeyImportBad, _)), "{e:?}");
        }
    }
}
