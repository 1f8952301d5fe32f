//! `intake check`: every health check the store can make on itself.

use crate::error::Result;
use crate::i18n::Msg;
use crate::store::{Store, anchor, audit, keyfile, rollups};

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CheckResult {
    pub name: Msg,
    pub ok: bool,
    /// What failed, when it did: SQLite's own words, a row id or a path. Never record content.
    pub detail: Option<(Msg, Vec<String>)>,
}

impl CheckResult {
    fn pass(name: Msg) -> Self {
        CheckResult { name, ok: true, detail: None }
    }
    fn fail(name: Msg, detail: Msg, args: Vec<String>) -> Self {
        CheckResult { name, ok: false, detail: Some((detail, args)) }
    }
}

/// Rows a pragma check returned; "ok" alone (or nothing) means healthy.
fn pragma_rows(store: &Store, pragma: &str) -> Result<Vec<String>> {
    let mut stmt = store.conn().prepare(pragma)?;
    let mut rows = stmt.query([])?;
    let mut out = Vec::new();
    while let Some(r) = rows.next()? {
        let cols = r.as_ref().column_count();
        let mut parts = Vec::with_capacity(cols);
        for i in 0..cols {
            let v: rusqlite::types::Value = r.get(i)?;
            parts.push(match v {
                rusqlite::types::Value::Null => String::new(),
                rusqlite::types::Value::Integer(n) => n.to_string(),
                rusqlite::types::Value::Real(f) => f.to_string(),
                rusqlite::types::Value::Text(t) => t,
                rusqlite::types::Value::Blob(_) => "<blob>".into(),
            });
        }
        out.push(parts.join(" "));
        if out.len() >= 20 {
            break;
        }
    }
    out.retain(|s| s != "ok");
    Ok(out)
}

fn pragma_check(store: &Store, name: Msg, pragma: &str) -> CheckResult {
    match pragma_rows(store, pragma) {
        Ok(rows) if rows.is_empty() => CheckResult::pass(name),
        Ok(rows) => CheckResult::fail(name, Msg::CheckProblems, vec![rows.join("; ")]),
        Err(e) => CheckResult::fail(name, Msg::CheckProblems, vec![e.to_string()]),
    }
}

/// Every check on `store`; the audit log is compared with the anchor in `anchor_file` when
/// given (a database's own, beside its key; a backup's, beside it).
impl Msg {
    /// Whether a failure of the check this names is damage to the database itself.
    pub fn is_damage(self) -> bool {
        !matches!(self, Msg::CheckKeyFile | Msg::CheckRollups)
    }
}

pub fn run(store: &Store, anchor_file: Option<&std::path::Path>) -> Vec<CheckResult> {
    let mut results = vec![
        pragma_check(store, Msg::CheckIntegrity, "PRAGMA integrity_check"),
        pragma_check(store, Msg::CheckCipher, "PRAGMA cipher_integrity_check"),
        pragma_check(store, Msg::CheckForeignKeys, "PRAGMA foreign_key_check"),
    ];
    results.push(match audit::first_broken(store.conn()) {
        Ok(None) => CheckResult::pass(Msg::CheckAuditChain),
        Ok(Some(id)) => {
            CheckResult::fail(Msg::CheckAuditChain, Msg::CheckAuditBroken, vec![id.to_string()])
        }
        Err(e) => CheckResult::fail(Msg::CheckAuditChain, Msg::CheckProblems, vec![e.to_string()]),
    });
    if let Some(file) = anchor_file {
        results.push(anchor_check(store, file));
    }
    let triggers: Result<i64> = store
        .conn()
        .query_row(
            "SELECT count(*) FROM sqlite_master WHERE type = 'trigger'
             AND name IN ('audit_log_no_update', 'audit_log_no_delete')",
            [],
            |r| r.get(0),
        )
        .map_err(Into::into);
    results.push(match triggers {
        Ok(2) => CheckResult::pass(Msg::CheckAuditTriggers),
        _ => CheckResult::fail(Msg::CheckAuditTriggers, Msg::CheckTriggersMissing, vec![]),
    });
    // The report rollups (a database older than them has none to check).
    match rollups::differing_days(store.conn()) {
        Ok(None) => {}
        Ok(Some(days)) => results.push(match days.first() {
            None => CheckResult::pass(Msg::CheckRollups),
            Some(first) => CheckResult::fail(
                Msg::CheckRollups,
                Msg::CheckRollupsDiffer,
                vec![days.len().to_string(), first.clone()],
            ),
        }),
        Err(e) => results.push(CheckResult::fail(
            Msg::CheckRollups,
            Msg::CheckProblems,
            vec![e.to_string()],
        )),
    }
    let key = &store.paths().key;
    results.push(match keyfile::check_permissions(key) {
        Ok(()) => CheckResult::pass(Msg::CheckKeyFile),
        Err(crate::Error::User(msg, args)) => CheckResult::fail(Msg::CheckKeyFile, msg, args),
        Err(e) => CheckResult::fail(Msg::CheckKeyFile, Msg::CheckProblems, vec![e.to_string()]),
    });
    results
}

/// Every check passes, or the first that fails is the error `failed` names (filled with the
/// check's name in `lang` and its detail).
pub fn require_all(
    store: &Store,
    anchor_file: Option<&std::path::Path>,
    failed: Msg,
    lang: crate::i18n::Lang,
) -> Result<()> {
    match run(store, anchor_file).into_iter().find(|r| !r.ok) {
        None => Ok(()),
        Some(r) => {
            let detail = r
                .detail
                .map(|(msg, args)| {
                    let args: Vec<&str> = args.iter().map(String::as_str).collect();
                    crate::i18n::fill(msg.text(lang), &args)
                })
                .unwrap_or_default();
            Err(crate::Error::user_with(failed, &[r.name.text(lang), &detail]))
        }
    }
}

fn anchor_check(store: &Store, file: &std::path::Path) -> CheckResult {
    let name = Msg::CheckAuditAnchor;
    let shown = file.display().to_string();
    let since = || -> String {
        store
            .conn()
            .query_row("SELECT since FROM audit_anchor", [], |r| r.get::<_, String>(0))
            .map(|t| t.chars().take(10).collect())
            .unwrap_or_default()
    };
    match anchor::verify(store.conn(), file) {
        Ok(anchor::Verdict::Holds | anchor::Verdict::NotAnchored) => CheckResult::pass(name),
        Ok(anchor::Verdict::Missing) => {
            CheckResult::fail(name, Msg::CheckAnchorMissing, vec![shown, since()])
        }
        Ok(anchor::Verdict::Forged) => CheckResult::fail(name, Msg::CheckAnchorForged, vec![shown]),
        Ok(anchor::Verdict::Behind { anchored, head }) => CheckResult::fail(
            name,
            Msg::CheckAnchorBehind,
            vec![shown, head.to_string(), anchored.to_string()],
        ),
        Ok(anchor::Verdict::Rewritten { id }) => {
            CheckResult::fail(name, Msg::CheckAnchorRewritten, vec![shown, id.to_string()])
        }
        Err(e) => CheckResult::fail(name, Msg::CheckProblems, vec![e.to_string()]),
    }
}
