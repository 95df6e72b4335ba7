//! What every handler shares: only the pool, since everything else lives in PostgreSQL (two server
//! processes on one database behave as one).

use deadpool_postgres::Pool;

/// The handlers' state.
#[derive(Clone)]
pub struct AppState {
    /// Connections to the database.
    pub pool: Pool,
}
