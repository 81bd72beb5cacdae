//! SQLite back-end: one file, WAL journal, `synchronous=FULL` so a committed opt-out survives
//! a crash or power loss before the confirmation is sent.
//!
//! Why `rusqlite` rather than `sqlx`: SQLite is synchronous C code either way; rusqlite is a
//! thin, mature binding with the `bundled` SQLite (no system library needed, same version
//! everywhere, `RETURNING` and `ON CONFLICT` available), compiles much faster than sqlx and
//! needs no compile-time database. Calls run on tokio's blocking pool.

use std::path::Path;
use std::sync::{Arc, Mutex};

use async_trait::async_trait;
use rusqlite::types::{ToSqlOutput, Value as SqlValue, ValueRef};

use super::db::{Db, Dialect, Row, Stmt, Value};
use crate::error::OutreachError;

/// A SQLite database file.
#[derive(Clone)]
pub struct SqliteDb {
    conn: Arc<Mutex<rusqlite::Connection>>,
}

impl std::fmt::Debug for SqliteDb {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("SqliteDb")
    }
}

fn err(e: rusqlite::Error) -> OutreachError {
    OutreachError::Store(format!("sqlite: {e}"))
}

impl SqliteDb {
    /// Opens (creating if needed) the database file with WAL and full sync.
    pub fn open(path: &Path) -> Result<Self, OutreachError> {
        let conn = rusqlite::Connection::open(path).map_err(err)?;
        conn.pragma_update(None, "journal_mode", "WAL")
            .map_err(err)?;
        conn.pragma_update(None, "synchronous", "FULL")
            .map_err(err)?;
        conn.pragma_update(None, "foreign_keys", "ON")
            .map_err(err)?;
        conn.busy_timeout(std::time::Duration::from_secs(10))
            .map_err(err)?;
        Ok(SqliteDb {
            conn: Arc::new(Mutex::new(conn)),
        })
    }

    async fn run<T: Send + 'static>(
        &self,
        f: impl FnOnce(&mut rusqlite::Connection) -> Result<T, OutreachError> + Send + 'static,
    ) -> Result<T, OutreachError> {
        let conn = self.conn.clone();
        tokio::task::spawn_blocking(move || {
            let mut guard = conn
                .lock()
                .map_err(|_| OutreachError::Store("sqlite connection poisoned".into()))?;
            f(&mut guard)
        })
        .await
        .map_err(|e| OutreachError::Store(format!("sqlite task: {e}")))?
    }
}

/// `$1` → `?1`: SQLite accepts numbered `?NNN` parameters with the same numbering.
fn rewrite(sql: &str) -> String {
    sql.replace('$', "?")
}

struct P<'a>(&'a Value);

impl rusqlite::ToSql for P<'_> {
    fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
        Ok(match self.0 {
            Value::I64(Some(v)) => ToSqlOutput::Owned(SqlValue::Integer(*v)),
            Value::F64(Some(v)) => ToSqlOutput::Owned(SqlValue::Real(*v)),
            Value::Bool(Some(v)) => ToSqlOutput::Owned(SqlValue::Integer(i64::from(*v))),
            Value::Text(Some(v)) => ToSqlOutput::Borrowed(ValueRef::Text(v.as_bytes())),
            _ => ToSqlOutput::Owned(SqlValue::Null),
        })
    }
}

fn exec(conn: &rusqlite::Connection, stmt: &Stmt) -> Result<Vec<Row>, OutreachError> {
    let mut st = conn.prepare_cached(&rewrite(&stmt.sql)).map_err(err)?;
    let n = st.column_count();
    let params: Vec<P<'_>> = stmt.params.iter().map(P).collect();
    let mut rows = st
        .query(rusqlite::params_from_iter(params.iter()))
        .map_err(err)?;
    let mut out = Vec::new();
    while let Some(r) = rows.next().map_err(err)? {
        let mut vals = Vec::with_capacity(n);
        for i in 0..n {
            vals.push(match r.get_ref(i).map_err(err)? {
                ValueRef::Null => Value::Text(None),
                ValueRef::Integer(v) => Value::I64(Some(v)),
                ValueRef::Real(v) => Value::F64(Some(v)),
                ValueRef::Text(t) => Value::Text(Some(String::from_utf8_lossy(t).into_owned())),
                ValueRef::Blob(b) => Value::Text(Some(String::from_utf8_lossy(b).into_owned())),
            });
        }
        out.push(Row(vals));
    }
    Ok(out)
}

#[async_trait]
impl Db for SqliteDb {
    fn dialect(&self) -> Dialect {
        Dialect::Sqlite
    }

    async fn query(&self, stmt: Stmt) -> Result<Vec<Row>, OutreachError> {
        self.run(move |c| exec(c, &stmt)).await
    }

    async fn transaction(&self, stmts: Vec<Stmt>) -> Result<Vec<Vec<Row>>, OutreachError> {
        self.run(move |c| {
            let tx = c
                .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)
                .map_err(err)?;
            let mut out = Vec::with_capacity(stmts.len());
            for s in &stmts {
                out.push(exec(&tx, s)?);
            }
            tx.commit().map_err(err)?;
            Ok(out)
        })
        .await
    }
}
