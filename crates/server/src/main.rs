//! `deepbrief-server`: the team server. Desktops of one agency push the records of their briefs
//! here and pull each other's; PostgreSQL holds everything, so several processes can serve one
//! database. The API is `deepbrief-wire`'s.

mod access;
mod auth;
mod cli;
mod client;
mod config;
mod db;
mod error;
mod routes;
mod serve;
mod state;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// The Deepbrief team server.
#[derive(Debug, Parser)]
#[command(name = "deepbrief-server", version, about)]
struct Args {
    /// The database (postgres://… or `host=… dbname=…`); else DATABASE_URL, else PGHOST and the
    /// other libpq variables.
    #[arg(long, global = true, value_name = "URL")]
    database_url: Option<String>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Applies pending schema migrations (safe to run twice, or from two processes at once).
    Migrate,
    /// Serves the API.
    Serve {
        /// Address to listen on (port 0 picks a free port; the bound address is printed).
        #[arg(long, default_value = "127.0.0.1:8470", value_name = "ADDR")]
        listen: String,
        /// Apply pending migrations before serving (otherwise a pending migration refuses).
        #[arg(long)]
        migrate: bool,
        /// A reverse proxy in front sets `X-Forwarded-For` (and `X-Forwarded-Host`): client links'
        /// rate limits and audit log then use the address it names.
        #[arg(long)]
        behind_proxy: bool,
    },
    /// Teams.
    Team {
        #[command(subcommand)]
        command: cli::TeamCommand,
    },
    /// Users and their devices.
    User {
        #[command(subcommand)]
        command: cli::UserCommand,
    },
    /// Prints a one-time invite code (valid 7 days) for a new member of a team.
    Invite {
        /// The team.
        #[arg(long)]
        team: String,
        /// The role the invited person gets: am, lead or admin.
        #[arg(long, value_parser = cli::parse_role)]
        role: deepbrief_wire::Role,
    },
}

fn init_logs() {
    let filter = tracing_subscriber::EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info,tokio_postgres=warn"));
    tracing_subscriber::fmt()
        .json()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .init();
}

fn main() -> ExitCode {
    let args = Args::parse();
    init_logs();
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(r) => r,
        Err(e) => {
            eprintln!("deepbrief-server: cannot start the runtime: {e}");
            return ExitCode::FAILURE;
        }
    };
    match runtime.block_on(run(args)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("deepbrief-server: {e:#}");
            ExitCode::FAILURE
        }
    }
}

async fn run(args: Args) -> anyhow::Result<()> {
    let config = config::database(args.database_url.as_deref())?;
    match args.command {
        Command::Migrate => cli::migrate(&config).await,
        Command::Serve {
            listen,
            migrate,
            behind_proxy,
        } => serve::serve(config, &listen, migrate, behind_proxy).await,
        Command::Team { command } => cli::team(&config, command).await,
        Command::User { command } => cli::user(&config, command).await,
        Command::Invite { team, role } => cli::invite(&config, &team, role).await,
    }
}
