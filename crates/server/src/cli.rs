//! The administration commands: `migrate`, `team add`, `user add|revoke|list`, `invite`.

use anyhow::{Context as _, anyhow, bail};
use clap::Subcommand;
use deepbrief_wire::Role;
use tokio::io::AsyncBufReadExt as _;
use tokio_postgres::{Client, Config};

use crate::auth;
use crate::db;
use crate::routes::create_invite;

/// `team …`.
#[derive(Debug, Subcommand)]
pub enum TeamCommand {
    /// Adds a team.
    Add {
        /// Its name (unique).
        name: String,
    },
}

/// `user …`.
#[derive(Debug, Subcommand)]
pub enum UserCommand {
    /// Adds a user; the password is read from stdin (one line, at least 10 characters).
    Add {
        /// The team.
        #[arg(long)]
        team: String,
        /// The user's name (unique on the server).
        #[arg(long)]
        name: String,
        /// am, lead or admin.
        #[arg(long, value_parser = parse_role)]
        role: Role,
    },
    /// Revokes the user's device tokens (all, or one device's) and prints how many.
    Revoke {
        /// The user.
        #[arg(long)]
        name: String,
        /// Only the devices of this name.
        #[arg(long)]
        device: Option<String>,
    },
    /// Lists a team's users.
    List {
        /// The team.
        #[arg(long)]
        team: String,
    },
}

/// Parses `am`, `lead` or `admin`.
pub fn parse_role(text: &str) -> Result<Role, String> {
    Role::parse(text).ok_or_else(|| format!("`{text}` is not a role: use am, lead or admin"))
}

/// A connection to a database whose schema is current.
async fn ready(config: &Config) -> anyhow::Result<Client> {
    let mut client = db::connect(config)
        .await
        .context("cannot reach the database")?;
    db::prepare(&mut client, false).await?;
    Ok(client)
}

async fn team_id(client: &Client, team: &str) -> anyhow::Result<i64> {
    client
        .query_opt("SELECT id FROM team WHERE name = $1", &[&team])
        .await?
        .map(|r| r.get(0))
        .ok_or_else(|| anyhow!("no team {team}: add it with `deepbrief-server team add {team}`"))
}

/// `migrate`.
pub async fn migrate(config: &Config) -> anyhow::Result<()> {
    let mut client = db::connect(config)
        .await
        .context("cannot reach the database")?;
    let applied = db::run_migrations(&mut client).await?;
    if applied.is_empty() {
        println!("schema is current (version {})", db::known_version());
    } else {
        let list: Vec<String> = applied.iter().map(i32::to_string).collect();
        println!(
            "applied migrations {}; schema is version {}",
            list.join(", "),
            db::known_version()
        );
    }
    Ok(())
}

/// `team …`.
pub async fn team(config: &Config, command: TeamCommand) -> anyhow::Result<()> {
    let client = ready(config).await?;
    match command {
        TeamCommand::Add { name } => {
            if name.trim().is_empty() || name.chars().any(char::is_control) {
                bail!("a team name is one non-empty line");
            }
            let added = client
                .execute(
                    "INSERT INTO team (name) VALUES ($1) ON CONFLICT (name) DO NOTHING",
                    &[&name],
                )
                .await?;
            if added == 0 {
                bail!("there is already a team {name}");
            }
            println!("added team {name}");
        }
    }
    Ok(())
}

async fn read_password() -> anyhow::Result<String> {
    let mut line = String::new();
    tokio::io::BufReader::new(tokio::io::stdin())
        .read_line(&mut line)
        .await
        .context("cannot read the password from stdin")?;
    let password = line.trim_end_matches(['\n', '\r']).to_owned();
    auth::check_new_password(&password).map_err(|e| anyhow!(e))?;
    Ok(password)
}

/// `user …`.
pub async fn user(config: &Config, command: UserCommand) -> anyhow::Result<()> {
    let client = ready(config).await?;
    match command {
        UserCommand::Add { team, name, role } => {
            if name.trim().is_empty()
                || name.chars().any(char::is_control)
                || name.chars().count() > 100
            {
                bail!("a user name is one non-empty line of at most 100 characters");
            }
            let team_id = team_id(&client, &team).await?;
            let password = read_password().await?;
            let hash =
                tokio::task::spawn_blocking(move || auth::hash_password(&password)).await??;
            let added = client
                .execute(
                    "INSERT INTO app_user (team_id, name, role, password_hash) VALUES ($1, $2, $3, $4)
                     ON CONFLICT (name) DO NOTHING",
                    &[&team_id, &name, &role.name(), &hash],
                )
                .await?;
            if added == 0 {
                bail!("there is already a user {name}");
            }
            println!("added {} {name} to team {team}", role.name());
        }
        UserCommand::Revoke { name, device } => {
            let user = client
                .query_opt("SELECT id FROM app_user WHERE name = $1", &[&name])
                .await?
                .ok_or_else(|| anyhow!("no user {name}"))?;
            let user_id: i64 = user.get(0);
            let revoked = client
                .execute(
                    "UPDATE device SET revoked_at = now()
                     WHERE user_id = $1 AND revoked_at IS NULL AND ($2::text IS NULL OR name = $2)",
                    &[&user_id, &device],
                )
                .await?;
            println!("revoked {revoked} device token(s) of {name}");
        }
        UserCommand::List { team } => {
            let team_id = team_id(&client, &team).await?;
            let rows = client
                .query(
                    "SELECT u.name, u.role, u.disabled_at IS NOT NULL,
                            count(d.id) FILTER (WHERE d.revoked_at IS NULL)
                     FROM app_user u LEFT JOIN device d ON d.user_id = u.id
                     WHERE u.team_id = $1 GROUP BY u.id ORDER BY u.name",
                    &[&team_id],
                )
                .await?;
            for r in &rows {
                let disabled: bool = r.get(2);
                let devices: i64 = r.get(3);
                println!(
                    "{}\t{}\t{devices} device(s){}",
                    r.get::<_, String>(0),
                    r.get::<_, String>(1),
                    if disabled { "\tdisabled" } else { "" }
                );
            }
        }
    }
    Ok(())
}

/// `invite --team --role`.
pub async fn invite(config: &Config, team: &str, role: Role) -> anyhow::Result<()> {
    let client = ready(config).await?;
    let team_id = team_id(&client, team).await?;
    let code = create_invite(&client, team_id, role, None).await?;
    println!("{code}");
    Ok(())
}
