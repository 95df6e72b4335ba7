//! `deepbrief-server serve`: checks the schema, binds, prints `listening on http://ADDR` and serves
//! until SIGINT or SIGTERM, finishing the requests under way.

use anyhow::Context as _;
use tokio::net::TcpListener;
use tokio_postgres::Config;

use crate::client::ClientGuard;
use crate::db;
use crate::routes;
use crate::state::AppState;

/// Serves the API on `listen`.
pub async fn serve(
    config: Config,
    listen: &str,
    migrate: bool,
    behind_proxy: bool,
) -> anyhow::Result<()> {
    let mut client = db::connect(&config)
        .await
        .context("cannot reach the database")?;
    db::prepare(&mut client, migrate).await?;
    drop(client);
    // Computed once now, so the first sign-in of an unknown user is not slower than the rest.
    tokio::task::spawn_blocking(crate::auth::decoy_hash).await?;
    let pool = db::pool(config)?;
    let listener = TcpListener::bind(listen)
        .await
        .with_context(|| format!("cannot listen on {listen}"))?;
    let addr = listener.local_addr()?;
    {
        use std::io::Write as _;
        let mut out = std::io::stdout().lock();
        writeln!(out, "listening on http://{addr}")?;
        out.flush()?;
    }
    tracing::info!(%addr, "listening");
    let client = ClientGuard::new(behind_proxy);
    let tidy = {
        let client = client.clone();
        tokio::spawn(async move {
            let mut every = tokio::time::interval(std::time::Duration::from_secs(300));
            loop {
                every.tick().await;
                client.tidy();
            }
        })
    };
    let app = routes::router(AppState { pool, client });
    axum::serve(
        listener,
        app.into_make_service_with_connect_info::<std::net::SocketAddr>(),
    )
    .with_graceful_shutdown(shutdown())
    .await?;
    tidy.abort();
    tracing::info!("stopped");
    Ok(())
}

async fn shutdown() {
    let interrupt = async {
        if let Err(e) = tokio::signal::ctrl_c().await {
            tracing::error!(error = %e, "cannot wait for SIGINT");
            std::future::pending::<()>().await;
        }
    };
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(e) => {
                tracing::error!(error = %e, "cannot wait for SIGTERM");
                std::future::pending::<()>().await;
            }
        }
    };
    tokio::select! {
        () = interrupt => {}
        () = terminate => {}
    }
    tracing::info!("shutting down");
}
