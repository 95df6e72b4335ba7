//! What every handler shares: the pool, since everything else lives in PostgreSQL (two server
//! processes on one database behave as one), and the per-process rate limits of client links.

use std::sync::Arc;

use deadpool_postgres::Pool;

use crate::client::ClientGuard;

/// The handlers' state.
#[derive(Clone)]
pub struct AppState {
    /// Connections to the database.
    pub pool: Pool,
    /// The client links' rate limits (per process).
    pub client: Arc<ClientGuard>,
}
