//! `deepbrief team login|logout|status` and `deepbrief sync`: this database and a team server. The
//! work is the application layer's (`deepbrief_app::team`), the same the desktop runs in the
//! background.

use std::io::BufRead;
use std::process::ExitCode;

use anyhow::{Context as _, Result, bail};
use clap::{Args, Subcommand};
use deepbrief_app::team::{self, Client, Session};
use deepbrief_wire as wire;
use serde::Serialize;

use super::{Context, output};

/// `deepbrief team …`.
#[derive(Debug, Subcommand)]
pub enum TeamCommand {
    /// Sign this database in to a team server (the password is read from stdin, one line).
    Login {
        /// The server, `https://…` (`http://` only to this computer).
        url: String,
        /// Your user name on the server.
        #[arg(long)]
        user: String,
        /// What this device is called on the server (default: the host name).
        #[arg(long)]
        device: Option<String>,
    },
    /// Sign out: the server revokes this device's token; what waits to be pushed stays here.
    Logout,
    /// Who is signed in, where, and what waits to be pushed.
    Status {
        /// Print as JSON.
        #[arg(long)]
        json: bool,
    },
}

/// `deepbrief sync`: push what changed here, pull what the team changed; exit 0 when everything is
/// pushed and pulled, 1 when a record was refused, 2 on an error (offline, signed out).
#[derive(Debug, Args)]
pub struct SyncArgs {
    /// Print the counts as JSON.
    #[arg(long)]
    json: bool,
}

/// What `team status` prints.
#[derive(Debug, Serialize)]
struct Status {
    signed_in: bool,
    server: Option<String>,
    user: Option<String>,
    role: Option<wire::Role>,
    team: Option<String>,
    device: Option<String>,
    /// Briefs changed here and not yet acknowledged by the server.
    waiting: u32,
    /// Open conflicts over all briefs.
    conflicts: u32,
}

fn session(ctx: &Context) -> Result<Option<Session>> {
    Ok(Session::load(&ctx.folder()?.team_file())?)
}

fn signed_in(ctx: &Context) -> Result<(Session, Client)> {
    Ok(team::account::client(&ctx.folder()?)?)
}

impl TeamCommand {
    /// Runs `team …`.
    pub fn run(self, ctx: &Context) -> Result<ExitCode> {
        match self {
            TeamCommand::Login { url, user, device } => {
                let mut password = String::new();
                std::io::stdin()
                    .lock()
                    .read_line(&mut password)
                    .context("cannot read the password from stdin")?;
                let password = password.trim_end_matches(['\n', '\r']).to_owned();
                if password.is_empty() {
                    bail!(
                        "no password on stdin: `echo \"$PASSWORD\" | deepbrief team login URL --user NAME`"
                    );
                }
                let folder = ctx.folder()?;
                let store = ctx.open()?;
                let session = team::account::sign_in(
                    &folder,
                    &store,
                    &url,
                    &user,
                    &password,
                    &device.unwrap_or_else(team::account::device_name),
                )?;
                println!(
                    "signed in to {} as {} ({}) in team {}; run `deepbrief sync`",
                    session.server,
                    session.user,
                    session.role.name(),
                    session.team
                );
                Ok(ExitCode::SUCCESS)
            }
            TeamCommand::Logout => {
                let folder = ctx.folder()?;
                let Some(out) = team::account::sign_out(&folder)? else {
                    println!("not signed in");
                    return Ok(ExitCode::SUCCESS);
                };
                if let Some(warning) = &out.warning {
                    eprintln!("warning: {warning}");
                }
                let waiting = ctx.open()?.sync_waiting()?.briefs;
                println!(
                    "signed out of {}; {waiting} changed brief(s) stay here until you sign in again",
                    out.server
                );
                Ok(ExitCode::SUCCESS)
            }
            TeamCommand::Status { json } => {
                let session = session(ctx)?;
                let store = ctx.open()?;
                let conflicts = store
                    .list_briefs(&Default::default())?
                    .iter()
                    .map(|b| b.conflicts)
                    .sum();
                let status = Status {
                    signed_in: session.is_some(),
                    server: session.as_ref().map(|s| s.server.clone()),
                    user: session.as_ref().map(|s| s.user.clone()),
                    role: session.as_ref().map(|s| s.role),
                    team: session.as_ref().map(|s| s.team.clone()),
                    device: session.as_ref().map(|s| s.device.clone()),
                    waiting: store.sync_waiting()?.briefs,
                    conflicts,
                };
                if json {
                    output::json(&status)?;
                } else if let Some(s) = &session {
                    println!(
                        "signed in to {} as {} ({}) in team {}, device {}",
                        s.server,
                        s.user,
                        s.role.name(),
                        s.team,
                        s.device
                    );
                    println!("{} brief(s) waiting to be pushed", status.waiting);
                    if status.conflicts > 0 {
                        println!("{} answer(s) in conflict", status.conflicts);
                    }
                } else {
                    println!("not signed in to a team server (this database works on its own)");
                    println!(
                        "{} brief(s) would be pushed at the first sync",
                        status.waiting
                    );
                }
                Ok(ExitCode::SUCCESS)
            }
        }
    }
}

impl SyncArgs {
    /// Runs `sync`.
    pub fn run(self, ctx: &Context) -> Result<ExitCode> {
        let (_, client) = signed_in(ctx)?;
        let folder = ctx.folder()?;
        let mut store = ctx.open()?;
        let library = ctx.library();
        let report = team::sync(&mut store, &client, &library, &folder.team_checklists())?;
        if self.json {
            output::json(&report)?;
        } else {
            println!(
                "pushed {} record(s) ({} already there), pulled {} ({} new brief(s), {} answer(s) changed), {} checklist version(s) received; {} waiting, {} conflict(s)",
                report.pushed,
                report.duplicates,
                report.pulled,
                report.briefs_new,
                report.answers_changed,
                report.checklists,
                report.waiting,
                report.conflicts
            );
            for why in &report.refused {
                eprintln!("refused: {why}");
            }
            if report.client_answers > 0 {
                println!(
                    "{} client answer(s) arrived through links, waiting for review:",
                    report.client_answers
                );
                for b in store
                    .list_briefs(&Default::default())?
                    .iter()
                    .filter(|b| b.client_waiting > 0)
                {
                    println!(
                        "  {} — {}: {} waiting (deepbrief brief client-answers {})",
                        b.meta.client, b.meta.project, b.client_waiting, b.meta.id
                    );
                }
            }
        }
        Ok(if report.refused.is_empty() && report.waiting == 0 {
            ExitCode::SUCCESS
        } else {
            ExitCode::from(1)
        })
    }
}

/// `deepbrief checklist publish ID@VERSION`: publishes a checklist version this computer loads to
/// the team (leads and admins).
pub fn publish(ctx: &Context, name: &str) -> Result<ExitCode> {
    let (id, version) = match name.split_once('@') {
        Some((id, v)) => (
            id,
            Some(v.parse::<u32>().with_context(|| {
                format!("`{v}` is not a version number; write ID@VERSION (core@2)")
            })?),
        ),
        None => (name, None),
    };
    let library = ctx.library();
    let Some(loaded) = library.get(id, version) else {
        bail!("no checklist {name} is loaded here; see `deepbrief checklist list`");
    };
    let content = std::fs::read_to_string(&loaded.path)
        .with_context(|| format!("{}: cannot read", loaded.path.display()))?;
    let (_, client) = signed_in(ctx)?;
    let answer = client.publish(&wire::PublishRequest {
        checklist: loaded.checklist.id.clone(),
        version: loaded.checklist.version,
        content,
    })?;
    println!(
        "{} {}@{} (sha256 {}); every desktop of the team receives it at its next sync",
        if answer.created {
            "published"
        } else {
            "already published, unchanged:"
        },
        loaded.checklist.id,
        loaded.checklist.version,
        &answer.hash[..12.min(answer.hash.len())]
    );
    Ok(ExitCode::SUCCESS)
}
