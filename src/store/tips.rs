//! Tips and referrals received. Law enforcement sees and works every tip; a service agency
//! sees only the tips referred to it.

use jiff::Timestamp;
use jiff::civil::Date;
use rusqlite::{Connection, OptionalExtension, Transaction, params};

use crate::domain::ids::{AgencyId, TipId, UserId};
use crate::domain::staff::{AgencyKind, Role};
use crate::domain::time;
use crate::domain::tip::Tip;
use crate::error::{Error, Result};
use crate::i18n::Msg;
use crate::store::Start;
use crate::store::contacts::day_start;
use crate::store::users::User;

/// Which tips a user may see.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scope {
    All,
    ReferredTo(AgencyId),
}

impl Scope {
    pub fn of(user: &User) -> Scope {
        if user.role == Role::LawEnforcement || user.agency_kind == AgencyKind::LawEnforcement {
            Scope::All
        } else {
            Scope::ReferredTo(user.agency_id)
        }
    }

    /// The agency a user outside law enforcement must refer a tip to: their own.
    fn referred(self) -> Option<AgencyId> {
        match self {
            Scope::All => None,
            Scope::ReferredTo(a) => Some(a),
        }
    }
}

/// A new row; `import` names the import under way that brings it (kept out of sight until the
/// import ends, see `store::imports`), None for one typed.
pub fn insert(
    tx: &Transaction,
    agency_id: AgencyId,
    user_id: UserId,
    t: &Tip,
    now: Timestamp,
    import: impl Into<Option<i64>>,
) -> Result<TipId> {
    let at = time::to_db(now);
    tx.prepare_cached(
        "INSERT INTO tips (agency_id, created_by, source, reference, received_at, category, children,
             area, status, closed_reason, assigned_to, referred_to, notes, created_at, updated_at,
             annotations, import_id)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?14, ?15, ?16)",
    )?
    .execute(params![agency_id, user_id, t.source, t.reference, time::to_db(t.received_at),
                t.category, t.children, t.area, t.status, t.closed_reason, t.assigned_to,
                t.referred_to, t.notes, at, crate::store::json_list(&t.annotations),
                import.into()])?;
    Ok(TipId(tx.last_insert_rowid()))
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Stored {
    pub id: TipId,
    pub tip: Tip,
    pub edits: i64,
}

pub fn get(conn: &Connection, scope: Scope, id: TipId) -> Result<Option<Stored>> {
    Ok(conn
        .query_row(
            "SELECT id, source, reference, received_at, category, children, area, status,
                    closed_reason, assigned_to, referred_to, notes,
                    (SELECT count(*) FROM tip_history h WHERE h.tip_id = t.id), annotations
             FROM tips_shown t WHERE id = ?1 AND (?2 IS NULL OR referred_to = ?2)",
            params![id, scope.referred()],
            |r| {
                Ok(Stored {
                    id: r.get(0)?,
                    tip: Tip {
                        source: r.get(1)?,
                        reference: r.get(2)?,
                        received_at: time::from_db(&r.get::<_, String>(3)?).unwrap_or_default(),
                        category: r.get(4)?,
                        annotations: crate::store::list_from_json(&r.get::<_, String>(13)?),
                        children: r.get(5)?,
                        area: r.get(6)?,
                        status: r.get(7)?,
                        closed_reason: r.get(8)?,
                        assigned_to: r.get(9)?,
                        referred_to: r.get(10)?,
                        notes: r.get(11)?,
                    },
                    edits: r.get(12)?,
                })
            },
        )
        .optional()?)
}

pub fn update(
    tx: &Transaction,
    scope: Scope,
    id: TipId,
    user_id: UserId,
    t: &Tip,
    now: Timestamp,
) -> Result<()> {
    let before = get(tx, scope, id)?.ok_or_else(|| Error::user(Msg::ErrNoSuchRecord))?;
    let previous = serde_json::to_string(&before.tip.to_raw()).unwrap_or_else(|_| "{}".into());
    tx.execute(
        "INSERT INTO tip_history (tip_id, changed_by, changed_at, previous) VALUES (?1, ?2, ?3, ?4)",
        params![id, user_id, time::to_db(now), previous],
    )?;
    tx.execute(
        "UPDATE tips SET source = ?1, reference = ?2, received_at = ?3, category = ?4, children = ?5,
             area = ?6, status = ?7, closed_reason = ?8, assigned_to = ?9, referred_to = ?10,
             notes = ?11, updated_at = ?12, annotations = ?14
         WHERE id = ?13 AND id IN (SELECT id FROM tips_shown)",
        params![t.source, t.reference, time::to_db(t.received_at), t.category, t.children, t.area,
                t.status, t.closed_reason, t.assigned_to, t.referred_to, t.notes, time::to_db(now),
                id, crate::store::json_list(&t.annotations)],
    )?;
    Ok(())
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filter {
    pub status: Option<String>,
    pub source: Option<String>,
    pub category: Option<String>,
    pub from: Option<Date>,
    pub to: Option<Date>,
}

#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Row {
    pub id: TipId,
    pub received_at: String,
    pub source: String,
    pub reference: Option<String>,
    pub category: String,
    pub children: Option<i64>,
    pub area: String,
    pub status: String,
    pub assigned_to: Option<String>,
    pub referred_to: Option<String>,
}

pub fn list(
    conn: &Connection,
    scope: Scope,
    f: &Filter,
    offset: i64,
    limit: i64,
) -> Result<Vec<Row>> {
    page(conn, scope, f, Start::Offset(offset), limit)
}

/// A page of the tips as an export reads them: in record-number order, after `after_id`.
pub fn export_page(
    conn: &Connection,
    scope: Scope,
    f: &Filter,
    after_id: i64,
    limit: i64,
) -> Result<Vec<Row>> {
    page(conn, scope, f, Start::AfterId(after_id), limit)
}

/// One page of the tips in scope from `start` (newest first, or by record number for
/// `Start::AfterId`).
pub fn page(
    conn: &Connection,
    scope: Scope,
    f: &Filter,
    start: Start,
    limit: i64,
) -> Result<Vec<Row>> {
    let mut q = crate::store::Query::new(
        "SELECT t.id, t.received_at, t.source, t.reference, t.category, t.children, t.area, t.status,
                u.display_name, a.name
         FROM tips_shown t LEFT JOIN users u ON u.id = t.assigned_to
                     LEFT JOIN agencies a ON a.id = t.referred_to",
    );
    // Law enforcement sees every tip; a service agency only those referred to it.
    if let Some(agency) = scope.referred() {
        q.and(if start.by_id() { "+t.referred_to = ?" } else { "t.referred_to = ?" }, agency);
    }
    for (column, value) in
        [("t.status = ?", &f.status), ("t.source = ?", &f.source), ("t.category = ?", &f.category)]
    {
        if let Some(v) = value {
            q.and(column, v.clone());
        }
    }
    if let Some(d) = f.from {
        q.and("t.received_at >= ?", day_start(d));
    }
    if let Some(d) = f.to.and_then(|d| d.tomorrow().ok()) {
        q.and("t.received_at < ?", day_start(d));
    }
    let q = q.page_from("t.received_at", "t.id", start, limit);
    let reversed = q.reversed;
    let mut stmt = conn.prepare_cached(&q.sql)?;
    let rows = stmt
        .query_map(rusqlite::params_from_iter(q.values), |r| {
            Ok(Row {
                id: r.get(0)?,
                received_at: r.get(1)?,
                source: r.get(2)?,
                reference: r.get(3)?,
                category: r.get(4)?,
                children: r.get(5)?,
                area: r.get(6)?,
                status: r.get(7)?,
                assigned_to: r.get(8)?,
                referred_to: r.get(9)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(if reversed { rows.into_iter().rev().collect() } else { rows })
}

/// Who a tip may be assigned to: active law-enforcement staff, by name.
pub fn assignees(conn: &Connection) -> Result<Vec<(String, String)>> {
    let mut stmt = conn.prepare(
        "SELECT u.id, u.display_name FROM users u JOIN agencies a ON a.id = u.agency_id
         WHERE u.disabled = 0 AND (u.role = 'law_enforcement' OR a.kind = 'law_enforcement')
         ORDER BY u.display_name LIMIT 500",
    )?;
    let rows = stmt
        .query_map([], |r| Ok((r.get::<_, i64>(0)?.to_string(), r.get(1)?)))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

/// Agencies a tip may be referred to: service providers.
pub fn referral_agencies(conn: &Connection) -> Result<Vec<(String, String)>> {
    let mut stmt = conn.prepare(
        "SELECT id, name FROM agencies WHERE kind = 'service_provider' ORDER BY name LIMIT 500",
    )?;
    let rows = stmt
        .query_map([], |r| Ok((r.get::<_, i64>(0)?.to_string(), r.get(1)?)))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}
