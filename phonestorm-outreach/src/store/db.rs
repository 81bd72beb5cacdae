//! A tiny SQL layer shared by the SQLite and PostgreSQL back-ends, so that the CRM logic in
//! [`super::SqlStore`] is written once and both back-ends run the same statements.
//!
//! Statements use PostgreSQL's `$1, $2, …` placeholders; the SQLite back-end rewrites them to
//! SQLite's `?1, ?2, …` (same numbering), so one SQL text serves both.

use async_trait::async_trait;

use crate::error::OutreachError;

/// A typed SQL parameter or column value. Nulls carry their type because PostgreSQL checks
/// parameter types even for nulls.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    /// 64-bit integer (`BIGINT` / `INTEGER`).
    I64(Option<i64>),
    /// Double (`DOUBLE PRECISION` / `REAL`).
    F64(Option<f64>),
    /// Text.
    Text(Option<String>),
    /// Boolean (`BOOLEAN`; 0/1 in SQLite).
    Bool(Option<bool>),
}

impl From<i64> for Value {
    fn from(v: i64) -> Self {
        Value::I64(Some(v))
    }
}
impl From<Option<i64>> for Value {
    fn from(v: Option<i64>) -> Self {
        Value::I64(v)
    }
}
impl From<f64> for Value {
    fn from(v: f64) -> Self {
        Value::F64(Some(v))
    }
}
impl From<Option<f64>> for Value {
    fn from(v: Option<f64>) -> Self {
        Value::F64(v)
    }
}
impl From<bool> for Value {
    fn from(v: bool) -> Self {
        Value::Bool(Some(v))
    }
}
impl From<&str> for Value {
    fn from(v: &str) -> Self {
        Value::Text(Some(v.to_owned()))
    }
}
impl From<String> for Value {
    fn from(v: String) -> Self {
        Value::Text(Some(v))
    }
}
impl From<Option<String>> for Value {
    fn from(v: Option<String>) -> Self {
        Value::Text(v)
    }
}
impl From<Option<&str>> for Value {
    fn from(v: Option<&str>) -> Self {
        Value::Text(v.map(str::to_owned))
    }
}

/// One result row: values by column position.
#[derive(Debug, Clone, Default)]
pub struct Row(pub Vec<Value>);

impl Row {
    fn at(&self, i: usize) -> Result<&Value, OutreachError> {
        self.0
            .get(i)
            .ok_or_else(|| OutreachError::Store(format!("column {i} missing")))
    }
    /// Integer column (booleans read as 0/1).
    pub fn i64(&self, i: usize) -> Result<i64, OutreachError> {
        self.opt_i64(i)?
            .ok_or_else(|| OutreachError::Store(format!("column {i} is null")))
    }
    /// Nullable integer column.
    pub fn opt_i64(&self, i: usize) -> Result<Option<i64>, OutreachError> {
        match self.at(i)? {
            Value::I64(v) => Ok(*v),
            Value::Bool(v) => Ok(v.map(i64::from)),
            Value::F64(v) => Ok(v.map(|f| f as i64)),
            Value::Text(None) => Ok(None),
            Value::Text(_) => Err(OutreachError::Store(format!("column {i} is text"))),
        }
    }
    /// Float column (integers widen).
    pub fn f64(&self, i: usize) -> Result<f64, OutreachError> {
        Ok(self.opt_f64(i)?.unwrap_or(0.0))
    }
    /// Nullable float column.
    pub fn opt_f64(&self, i: usize) -> Result<Option<f64>, OutreachError> {
        match self.at(i)? {
            Value::F64(v) => Ok(*v),
            Value::I64(v) => Ok(v.map(|n| n as f64)),
            Value::Text(None) | Value::Bool(None) => Ok(None),
            _ => Err(OutreachError::Store(format!("column {i} is not numeric"))),
        }
    }
    /// Boolean column (SQLite stores 0/1).
    pub fn bool(&self, i: usize) -> Result<bool, OutreachError> {
        match self.at(i)? {
            Value::Bool(v) => Ok(v.unwrap_or(false)),
            Value::I64(v) => Ok(v.unwrap_or(0) != 0),
            Value::Text(None) => Ok(false),
            _ => Err(OutreachError::Store(format!("column {i} is not boolean"))),
        }
    }
    /// Text column.
    pub fn text(&self, i: usize) -> Result<String, OutreachError> {
        self.opt_text(i)?
            .ok_or_else(|| OutreachError::Store(format!("column {i} is null")))
    }
    /// Nullable text column.
    pub fn opt_text(&self, i: usize) -> Result<Option<String>, OutreachError> {
        match self.at(i)? {
            Value::Text(v) => Ok(v.clone()),
            Value::I64(None) | Value::F64(None) | Value::Bool(None) => Ok(None),
            _ => Err(OutreachError::Store(format!("column {i} is not text"))),
        }
    }
}

/// One statement with its parameters.
#[derive(Debug, Clone)]
pub struct Stmt {
    /// SQL with `$n` placeholders.
    pub sql: String,
    /// Parameters in `$1..$n` order.
    pub params: Vec<Value>,
}

impl Stmt {
    /// A statement.
    pub fn new(sql: impl Into<String>, params: Vec<Value>) -> Self {
        Stmt {
            sql: sql.into(),
            params,
        }
    }
}

/// A database connection the store runs on.
#[async_trait]
pub trait Db: Send + Sync {
    /// Back-end name (`sqlite` or `postgres`), used to pick dialect-specific SQL.
    fn dialect(&self) -> Dialect;
    /// Runs a query and returns every row.
    async fn query(&self, stmt: Stmt) -> Result<Vec<Row>, OutreachError>;
    /// Runs statements in one transaction, committed durably before returning; returns the
    /// rows of each statement (empty for statements without `RETURNING`).
    async fn transaction(&self, stmts: Vec<Stmt>) -> Result<Vec<Vec<Row>>, OutreachError>;
}

/// SQL dialect of a back-end.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dialect {
    /// SQLite (embedded).
    Sqlite,
    /// PostgreSQL.
    Postgres,
}
