//! `GET /health`: the server answers and its database is reachable.

use std::time::Duration;

use axum::Json;
use axum::extract::State;
use deepbrief_wire::Health;

use crate::error::ApiError;
use crate::state::AppState;

/// `SELECT 1` through the pool; 503 when the database does not answer.
pub async fn health(State(state): State<AppState>) -> Result<Json<Health>, ApiError> {
    let check = async {
        let db = state.pool.get().await.map_err(|e| e.to_string())?;
        db.query_one("SELECT 1", &[])
            .await
            .map_err(|e| e.to_string())?;
        Ok::<(), String>(())
    };
    match tokio::time::timeout(Duration::from_secs(5), check).await {
        Ok(Ok(())) => Ok(Json(Health {
            status: "ok".to_owned(),
            version: env!("CARGO_PKG_VERSION").to_owned(),
        })),
        Ok(Err(e)) => {
            tracing::warn!(error = %e, "health: database unreachable");
            Err(ApiError::unavailable("the database is unreachable"))
        }
        Err(_) => Err(ApiError::unavailable(
            "the database did not answer within 5 seconds",
        )),
    }
}
