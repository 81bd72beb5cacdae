//! The "seen phone numbers" registry (seed 000 §5.1): which domains each phone number was
//! seen on. It answers reverse lookups (phone → known domain) and counts distinct domains
//! per number for the "5+ domains = directory number" rule.
//!
//! [`SqliteRegistry`] is the embedded default (one file, WAL, safe with several processes
//! writing); [`PostgresRegistry`] is for many workers sharing one database.

use std::collections::HashMap;
use std::path::Path;
use std::sync::{Arc, Mutex};

use async_trait::async_trait;

/// Why a registry operation failed.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum RegistryError {
    /// SQLite failure.
    #[error("sqlite: {0}")]
    Sqlite(#[from] rusqlite::Error),
    /// PostgreSQL failure.
    #[error("postgres: {0}")]
    Postgres(#[from] tokio_postgres::Error),
    /// A blocking task panicked or was cancelled.
    #[error("registry task failed: {0}")]
    Task(String),
}

impl RegistryError {
    /// Stable snake_case code.
    pub fn code(&self) -> &'static str {
        match self {
            RegistryError::Sqlite(_) => "registry_sqlite",
            RegistryError::Postgres(_) => "registry_postgres",
            RegistryError::Task(_) => "registry_task",
        }
    }
}

/// Phone number → domains it was seen on.
#[async_trait]
pub trait PhoneRegistry: Send + Sync {
    /// Record that `e164` was seen on `domain` (idempotent; bumps the sighting count).
    async fn record(&self, e164: &str, domain: &str) -> Result<(), RegistryError>;
    /// Domains `e164` was seen on, most-seen first.
    async fn domains_for(&self, e164: &str) -> Result<Vec<String>, RegistryError>;
    /// Number of distinct domains `e164` was seen on.
    async fn domain_count(&self, e164: &str) -> Result<u32, RegistryError> {
        Ok(self.domains_for(e164).await?.len() as u32)
    }
    /// Distinct-domain counts for several numbers (for `phone::score`).
    async fn domain_counts(
        &self,
        numbers: &[String],
    ) -> Result<HashMap<String, u32>, RegistryError> {
        let mut out = HashMap::new();
        for n in numbers {
            out.insert(n.clone(), self.domain_count(n).await?);
        }
        Ok(out)
    }
}

const SQLITE_SCHEMA: &str = "
CREATE TABLE IF NOT EXISTS phone_domains (
    e164 TEXT NOT NULL,
    domain TEXT NOT NULL,
    first_seen INTEGER NOT NULL,
    last_seen INTEGER NOT NULL,
    seen_count INTEGER NOT NULL DEFAULT 1,
    PRIMARY KEY (e164, domain)
) WITHOUT ROWID;
";

/// SQLite-file registry: survives restarts; WAL journal and a busy timeout make concurrent
/// writers (threads or processes) safe.
#[derive(Debug, Clone)]
pub struct SqliteRegistry {
    conn: Arc<Mutex<rusqlite::Connection>>,
}

impl SqliteRegistry {
    /// Open (creating if needed) the registry file at `path`.
    pub fn open(path: impl AsRef<Path>) -> Result<Self, RegistryError> {
        let conn = rusqlite::Connection::open(path)?;
        conn.busy_timeout(std::time::Duration::from_secs(10))?;
        conn.pragma_update(None, "journal_mode", "WAL")?;
        conn.pragma_update(None, "synchronous", "NORMAL")?;
        conn.execute_batch(SQLITE_SCHEMA)?;
        Ok(Self {
            conn: Arc::new(Mutex::new(conn)),
        })
    }

    /// An in-memory registry (tests, one-shot runs).
    pub fn in_memory() -> Result<Self, RegistryError> {
        let conn = rusqlite::Connection::open_in_memory()?;
        conn.execute_batch(SQLITE_SCHEMA)?;
        Ok(Self {
            conn: Arc::new(Mutex::new(conn)),
        })
    }

    async fn with<T: Send + 'static>(
        &self,
        f: impl FnOnce(&rusqlite::Connection) -> Result<T, rusqlite::Error> + Send + 'static,
    ) -> Result<T, RegistryError> {
        let conn = self.conn.clone();
        tokio::task::spawn_blocking(move || {
            let guard = conn.lock().unwrap_or_else(|p| p.into_inner());
            f(&guard).map_err(RegistryError::from)
        })
        .await
        .map_err(|e| RegistryError::Task(e.to_string()))?
    }
}

#[async_trait]
impl PhoneRegistry for SqliteRegistry {
    async fn record(&self, e164: &str, domain: &str) -> Result<(), RegistryError> {
        let (e, d) = (e164.to_string(), domain.to_ascii_lowercase());
        self.with(move |c| {
            c.execute(
                "INSERT INTO phone_domains (e164, domain, first_seen, last_seen, seen_count)
                 VALUES (?1, ?2, unixepoch(), unixepoch(), 1)
                 ON CONFLICT (e164, domain) DO UPDATE
                 SET last_seen = unixepoch(), seen_count = seen_count + 1",
                rusqlite::params![e, d],
            )
            .map(|_| ())
        })
        .await
    }

    async fn domains_for(&self, e164: &str) -> Result<Vec<String>, RegistryError> {
        let e = e164.to_string();
        self.with(move |c| {
            let mut st = c.prepare_cached(
                "SELECT domain FROM phone_domains WHERE e164 = ?1
                 ORDER BY seen_count DESC, first_seen, domain",
            )?;
            let rows = st.query_map([e], |r| r.get::<_, String>(0))?;
            rows.collect()
        })
        .await
    }

    async fn domain_count(&self, e164: &str) -> Result<u32, RegistryError> {
        let e = e164.to_string();
        self.with(move |c| {
            c.query_row(
                "SELECT COUNT(*) FROM phone_domains WHERE e164 = ?1",
                [e],
                |r| r.get::<_, u32>(0),
            )
        })
        .await
    }
}

/// PostgreSQL registry for many workers sharing one database.
pub struct PostgresRegistry {
    client: tokio_postgres::Client,
}

impl std::fmt::Debug for PostgresRegistry {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PostgresRegistry").finish_non_exhaustive()
    }
}

impl PostgresRegistry {
    /// Connect with a libpq-style URL or key=value string (no TLS: use a local socket, a
    /// private network or a TLS-terminating proxy) and create the table if needed.
    pub async fn connect(conninfo: &str) -> Result<Self, RegistryError> {
        let (client, connection) = tokio_postgres::connect(conninfo, tokio_postgres::NoTls).await?;
        tokio::spawn(async move {
            if let Err(e) = connection.await {
                tracing::error!(error = %e, "postgres connection closed");
            }
        });
        client
            .batch_execute(
                "CREATE TABLE IF NOT EXISTS phone_domains (
                    e164 TEXT NOT NULL,
                    domain TEXT NOT NULL,
                    first_seen TIMESTAMPTZ NOT NULL DEFAULT now(),
                    last_seen TIMESTAMPTZ NOT NULL DEFAULT now(),
                    seen_count BIGINT NOT NULL DEFAULT 1,
                    PRIMARY KEY (e164, domain)
                )",
            )
            .await?;
        Ok(Self { client })
    }
}

#[async_trait]
impl PhoneRegistry for PostgresRegistry {
    async fn record(&self, e164: &str, domain: &str) -> Result<(), RegistryError> {
        self.client
            .execute(
                "INSERT INTO phone_domains (e164, domain) VALUES ($1, $2)
                 ON CONFLICT (e164, domain) DO UPDATE
                 SET last_seen = now(), seen_count = phone_domains.seen_count + 1",
                &[&e164, &domain.to_ascii_lowercase()],
            )
            .await?;
        Ok(())
    }

    async fn domains_for(&self, e164: &str) -> Result<Vec<String>, RegistryError> {
        let rows = self
            .client
            .query(
                "SELECT domain FROM phone_domains WHERE e164 = $1
                 ORDER BY seen_count DESC, first_seen, domain",
                &[&e164],
            )
            .await?;
        Ok(rows.iter().map(|r| r.get(0)).collect())
    }

    async fn domain_count(&self, e164: &str) -> Result<u32, RegistryError> {
        let row = self
            .client
            .query_one(
                "SELECT COUNT(*) FROM phone_domains WHERE e164 = $1",
                &[&e164],
            )
            .await?;
        Ok(row.get::<_, i64>(0).max(0) as u32)
    }
}
