//! The PostgreSQL pool and the schema migrations.
//!
//! We use `tokio-postgres` rather than sqlx: sqlx's optional SQLite driver declares
//! `links = "sqlite3"`, which Cargo's resolver refuses next to rusqlite's bundled SQLite (this
//! crate depends on `deepbrief-store`) even when the driver is not enabled.
//!
//! Migrations are numbered SQL files under `migrations/`, embedded in the binary. They are applied
//! in order inside one transaction that first takes a transaction-scoped advisory lock, so two
//! servers (or two `migrate` runs) starting at once wait for each other instead of racing; each
//! applied file is recorded in `schema_migrations`.

use std::time::Duration;

use deadpool_postgres::{Manager, ManagerConfig, Pool, RecyclingMethod, Runtime};
use tokio_postgres::{Client, Config, NoTls};

/// Every migration, in order: (version, name, SQL).
pub const MIGRATIONS: &[(i32, &str, &str)] = &[
    (1, "initial", include_str!("../migrations/001_initial.sql")),
    (
        2,
        "approvals",
        include_str!("../migrations/002_approvals.sql"),
    ),
    (
        3,
        "client_links",
        include_str!("../migrations/003_client_links.sql"),
    ),
];

/// The advisory lock key every migration run takes (`deepbrief` in ASCII, shortened).
const MIGRATION_LOCK: i64 = 0x6465_6570_6272_6966;

/// The schema version this binary knows.
pub fn known_version() -> i32 {
    MIGRATIONS.last().map_or(0, |m| m.0)
}

/// A failure to reach or prepare the database.
#[derive(Debug, thiserror::Error)]
pub enum DbError {
    /// PostgreSQL refused or failed.
    #[error("database: {0}")]
    Postgres(#[from] tokio_postgres::Error),
    /// The pool could not be built.
    #[error("database pool: {0}")]
    Pool(String),
    /// The database's schema is newer than this server.
    #[error(
        "the database's schema is version {found}, newer than this server knows ({known}); update deepbrief-server"
    )]
    Newer {
        /// In the database.
        found: i32,
        /// In this binary.
        known: i32,
    },
    /// Migrations are pending and were not asked for.
    #[error(
        "the database's schema is version {found}, this server needs version {known}: run deepbrief-server migrate (or serve --migrate)"
    )]
    Pending {
        /// In the database.
        found: i32,
        /// In this binary.
        known: i32,
    },
}

/// A pool of connections; connections are checked when taken back from the pool.
pub fn pool(config: Config) -> Result<Pool, DbError> {
    let manager = Manager::from_config(
        config,
        NoTls,
        ManagerConfig {
            recycling_method: RecyclingMethod::Fast,
        },
    );
    Pool::builder(manager)
        .max_size(16)
        .runtime(Runtime::Tokio1)
        .create_timeout(Some(Duration::from_secs(5)))
        .wait_timeout(Some(Duration::from_secs(10)))
        .recycle_timeout(Some(Duration::from_secs(5)))
        .build()
        .map_err(|e| DbError::Pool(e.to_string()))
}

/// One connection, for the command line (its driver runs on the current runtime).
pub async fn connect(config: &Config) -> Result<Client, DbError> {
    let (client, connection) = config.connect(NoTls).await?;
    tokio::spawn(async move {
        if let Err(e) = connection.await {
            tracing::error!(error = %e, "database connection failed");
        }
    });
    Ok(client)
}

/// The schema version recorded in the database (0 when none).
pub async fn current_version(client: &Client) -> Result<i32, DbError> {
    let row = client
        .query_one("SELECT to_regclass('schema_migrations') IS NOT NULL", &[])
        .await?;
    if !row.get::<_, bool>(0) {
        return Ok(0);
    }
    let row = client
        .query_one(
            "SELECT coalesce(max(version), 0) FROM schema_migrations",
            &[],
        )
        .await?;
    Ok(row.get(0))
}

/// Refuses a database whose schema is newer than this binary's, or older unless `migrate` (then
/// applies the pending migrations).
pub async fn prepare(client: &mut Client, migrate: bool) -> Result<(), DbError> {
    let found = current_version(client).await?;
    let known = known_version();
    if found > known {
        return Err(DbError::Newer { found, known });
    }
    if found < known {
        if !migrate {
            return Err(DbError::Pending { found, known });
        }
        run_migrations(client).await?;
    }
    Ok(())
}

/// Applies every pending migration in one transaction under the advisory lock; returns the
/// versions applied (none when the schema is current).
pub async fn run_migrations(client: &mut Client) -> Result<Vec<i32>, DbError> {
    let tx = client.transaction().await?;
    tx.execute("SELECT pg_advisory_xact_lock($1)", &[&MIGRATION_LOCK])
        .await?;
    tx.batch_execute(
        "CREATE TABLE IF NOT EXISTS schema_migrations (
            version integer PRIMARY KEY,
            name text NOT NULL,
            applied_at timestamptz NOT NULL DEFAULT now()
        )",
    )
    .await?;
    let found: i32 = tx
        .query_one(
            "SELECT coalesce(max(version), 0) FROM schema_migrations",
            &[],
        )
        .await?
        .get(0);
    let known = known_version();
    if found > known {
        return Err(DbError::Newer { found, known });
    }
    let mut applied = Vec::new();
    for (version, name, sql) in MIGRATIONS.iter().filter(|m| m.0 > found) {
        tx.batch_execute(sql).await?;
        tx.execute(
            "INSERT INTO schema_migrations (version, name) VALUES ($1, $2)",
            &[version, name],
        )
        .await?;
        applied.push(*version);
    }
    tx.commit().await?;
    Ok(applied)
}
