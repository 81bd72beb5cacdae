//! PostgreSQL back-end (the wholesaler stack's database) over `tokio-postgres`.
//!
//! Why `tokio-postgres` rather than `sqlx`: the store builds its SQL at run time (filters for
//! analytics), so sqlx's compile-time checking would not apply; tokio-postgres is the smaller,
//! fully async driver sqlx's Postgres support is modelled on. One connection behind a mutex;
//! a host that needs more throughput opens one store per worker (Celery processes do anyway).

use async_trait::async_trait;
use tokio::sync::Mutex;
use tokio_postgres::types::{ToSql, Type};

use super::db::{Db, Dialect, Row, Stmt, Value};
use crate::error::OutreachError;

/// A PostgreSQL connection.
pub struct PostgresDb {
    client: Mutex<tokio_postgres::Client>,
}

impl std::fmt::Debug for PostgresDb {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("PostgresDb")
    }
}

fn err(e: tokio_postgres::Error) -> OutreachError {
    OutreachError::Store(format!("postgres: {e}"))
}

impl PostgresDb {
    /// Connects with a libpq-style URL (`postgresql://user@127.0.0.1:5433/db`), no TLS
    /// (loopback or a private network; put TLS in front if needed).
    pub async fn connect(url: &str) -> Result<Self, OutreachError> {
        let (client, conn) = tokio_postgres::connect(url, tokio_postgres::NoTls)
            .await
            .map_err(err)?;
        tokio::spawn(async move {
            if let Err(e) = conn.await {
                tracing::warn!("postgres connection ended: {e}");
            }
        });
        Ok(PostgresDb {
            client: Mutex::new(client),
        })
    }
}

fn params(vals: &[Value]) -> Vec<Box<dyn ToSql + Sync + Send>> {
    vals.iter()
        .map(|v| -> Box<dyn ToSql + Sync + Send> {
            match v {
                Value::I64(x) => Box::new(*x),
                Value::F64(x) => Box::new(*x),
                Value::Bool(x) => Box::new(*x),
                Value::Text(x) => Box::new(x.clone()),
            }
        })
        .collect()
}

fn convert(row: &tokio_postgres::Row) -> Result<Row, OutreachError> {
    let mut out = Vec::with_capacity(row.len());
    for (i, col) in row.columns().iter().enumerate() {
        let t = col.type_();
        let v = if *t == Type::INT8 {
            Value::I64(row.try_get::<_, Option<i64>>(i).map_err(err)?)
        } else if *t == Type::INT4 {
            Value::I64(
                row.try_get::<_, Option<i32>>(i)
                    .map_err(err)?
                    .map(i64::from),
            )
        } else if *t == Type::INT2 {
            Value::I64(
                row.try_get::<_, Option<i16>>(i)
                    .map_err(err)?
                    .map(i64::from),
            )
        } else if *t == Type::FLOAT8 {
            Value::F64(row.try_get::<_, Option<f64>>(i).map_err(err)?)
        } else if *t == Type::FLOAT4 {
            Value::F64(
                row.try_get::<_, Option<f32>>(i)
                    .map_err(err)?
                    .map(f64::from),
            )
        } else if *t == Type::BOOL {
            Value::Bool(row.try_get::<_, Option<bool>>(i).map_err(err)?)
        } else {
            Value::Text(row.try_get::<_, Option<String>>(i).map_err(err)?)
        };
        out.push(v);
    }
    Ok(Row(out))
}

async fn exec<C: tokio_postgres::GenericClient>(
    c: &C,
    stmt: &Stmt,
) -> Result<Vec<Row>, OutreachError> {
    let ps = params(&stmt.params);
    let refs: Vec<&(dyn ToSql + Sync)> = ps.iter().map(|b| &**b as &(dyn ToSql + Sync)).collect();
    let rows = c.query(stmt.sql.as_str(), &refs).await.map_err(err)?;
    rows.iter().map(convert).collect()
}

#[async_trait]
impl Db for PostgresDb {
    fn dialect(&self) -> Dialect {
        Dialect::Postgres
    }

    async fn query(&self, stmt: Stmt) -> Result<Vec<Row>, OutreachError> {
        let c = self.client.lock().await;
        exec(&*c, &stmt).await
    }

    async fn transaction(&self, stmts: Vec<Stmt>) -> Result<Vec<Vec<Row>>, OutreachError> {
        let mut c = self.client.lock().await;
        let tx = c.transaction().await.map_err(err)?;
        let mut out = Vec::with_capacity(stmts.len());
        for s in &stmts {
            out.push(exec(&tx, s).await?);
        }
        tx.commit().await.map_err(err)?;
        Ok(out)
    }
}
