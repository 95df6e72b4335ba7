//! Signing a database in to a team server and out again — what the CLI's `team login|logout` and
//! the desktop's Settings → Team server both do.

use deepbrief_store::Store;
use deepbrief_wire as wire;

use super::client::Client;
use super::error::TeamError;
use super::session::Session;
use crate::DataFolder;

/// Signs the database of `folder` in as `user`: a new device token named `device`, saved beside the
/// database. Signing in to another server than before (or for the first time) puts every brief in
/// the outbox and receives every stream from its start.
pub fn sign_in(
    folder: &DataFolder,
    store: &Store,
    url: &str,
    user: &str,
    password: &str,
    device: &str,
) -> Result<Session, TeamError> {
    let client = Client::new(url, None)?;
    let answer = client.login(&wire::LoginRequest {
        user: user.to_owned(),
        password: password.to_owned(),
        device: device.to_owned(),
    })?;
    let previous = Session::load(&folder.team_file())?;
    if previous.as_ref().is_none_or(|p| p.server != client.url()) {
        store.reset_sync()?;
    } else {
        // The same server, a new device token: the old stream belongs to the old device there.
        store.new_stream()?;
    }
    let session = Session {
        server: client.url().to_owned(),
        user: answer.me.user,
        role: answer.me.role,
        team: answer.me.team,
        device: answer.me.device,
        token: answer.token,
        signed_in_at: crate::clock::utc_stamp(),
    };
    session.save(&folder.team_file())?;
    Ok(session)
}

/// What signing out did.
#[derive(Debug, Clone, PartialEq)]
pub struct SignedOut {
    /// The server signed out of.
    pub server: String,
    /// Whether the server revoked the token (false: it could not be reached; revoke the device
    /// there).
    pub revoked: bool,
    /// Why the server was not told, when it was not.
    pub warning: Option<String>,
}

/// Signs the database of `folder` out: the server revokes the device token (when it can be
/// reached) and the sign-in file goes. What waits to be pushed stays in the database. None when it
/// was not signed in.
pub fn sign_out(folder: &DataFolder) -> Result<Option<SignedOut>, TeamError> {
    let Some(session) = Session::load(&folder.team_file())? else {
        return Ok(None);
    };
    let told = Client::new(&session.server, Some(session.token.clone())).and_then(|c| c.logout());
    let (revoked, warning) = match told {
        Ok(()) | Err(TeamError::Unauthorized { .. }) => (true, None),
        Err(e) => (
            false,
            Some(format!(
                "the server was not told ({e}); revoke the device there: deepbrief-server user revoke --name {} --device {}",
                session.user, session.device
            )),
        ),
    };
    Session::remove(&folder.team_file())?;
    Ok(Some(SignedOut {
        server: session.server,
        revoked,
        warning,
    }))
}

/// The client of the server this database is signed in to.
pub fn client(folder: &DataFolder) -> Result<(Session, Client), TeamError> {
    let session = Session::load(&folder.team_file())?.ok_or(TeamError::NotSignedIn)?;
    let client = Client::new(&session.server, Some(session.token.clone()))?;
    Ok((session, client))
}

/// What this computer is called on the server: its host name.
pub fn device_name() -> String {
    ["HOSTNAME", "COMPUTERNAME"]
        .iter()
        .filter_map(|v| std::env::var(v).ok())
        .chain(std::fs::read_to_string("/etc/hostname").ok())
        .chain(
            std::process::Command::new("hostname")
                .output()
                .ok()
                .and_then(|o| String::from_utf8(o.stdout).ok()),
        )
        .map(|h| h.trim().to_owned())
        .find(|h| !h.is_empty())
        .unwrap_or_else(|| "deepbrief".to_owned())
}
