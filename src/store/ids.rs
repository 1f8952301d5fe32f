//! Record ids in SQL: stored as the integer they wrap.

use rusqlite::types::{FromSql, FromSqlResult, ToSql, ToSqlOutput, Value, ValueRef};

use crate::domain::ids::{
    AgencyId, ClientId, ContactId, FundId, PaymentId, ReferralId, ScreeningId, ServiceId,
    SessionId, TipId, UserId,
};

macro_rules! sql_id {
    ($name:ident) => {
        impl ToSql for $name {
            fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
                Ok(ToSqlOutput::from(self.0))
            }
        }

        impl FromSql for $name {
            fn column_result(value: ValueRef<'_>) -> FromSqlResult<Self> {
                i64::column_result(value).map($name)
            }
        }

        impl From<$name> for Value {
            fn from(id: $name) -> Self {
                Value::Integer(id.0)
            }
        }
    };
}

sql_id!(AgencyId);
sql_id!(ClientId);
sql_id!(UserId);
sql_id!(SessionId);
sql_id!(ContactId);
sql_id!(TipId);
sql_id!(FundId);
sql_id!(PaymentId);
sql_id!(ServiceId);
sql_id!(ReferralId);
sql_id!(ScreeningId);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_id_is_stored_as_its_integer_and_read_back_as_its_type() {
        let conn = rusqlite::Connection::open_in_memory().unwrap();
        conn.execute_batch("CREATE TABLE t (agency_id INTEGER)").unwrap();
        conn.execute("INSERT INTO t VALUES (?1)", [AgencyId(42)]).unwrap();
        let raw: i64 = conn.query_row("SELECT agency_id FROM t", [], |r| r.get(0)).unwrap();
        assert_eq!(raw, 42);
        let back: AgencyId = conn.query_row("SELECT agency_id FROM t", [], |r| r.get(0)).unwrap();
        assert_eq!(back, AgencyId(42));
        let text = conn.query_row("SELECT 'x'", [], |r| r.get::<_, AgencyId>(0));
        assert!(text.is_err(), "text is never taken for an id");
    }
}
