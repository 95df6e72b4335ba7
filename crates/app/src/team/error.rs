//! What can go wrong between a desktop and the team server.

use deepbrief_store::StoreError;

/// A team-server failure, in words for the sync indicator and the CLI.
#[derive(Debug, thiserror::Error)]
pub enum TeamError {
    /// The address is not one the desktop will send a password or a token to.
    #[error("{0}")]
    BadUrl(String),
    /// Not signed in to a team server.
    #[error(
        "not signed in to a team server: `deepbrief team login URL --user NAME` (or Settings → Team server)"
    )]
    NotSignedIn,
    /// The server cannot be reached (no network, server down): what changed waits here.
    #[error(
        "the team server at {url} cannot be reached ({reason}); your changes wait on this computer and go out at the next sync"
    )]
    Offline {
        /// The server.
        url: String,
        /// What the network said.
        reason: String,
    },
    /// The token was refused (revoked, or the user disabled): sign in again.
    #[error("the team server refused this device's sign-in ({message}); sign in again")]
    Unauthorized {
        /// The server's words.
        message: String,
    },
    /// The server refused the request.
    #[error("the team server refused: {message} (HTTP {status})")]
    Refused {
        /// HTTP status.
        status: u16,
        /// The server's stable code (`conflict`, `forbidden`, …).
        code: String,
        /// The server's words.
        message: String,
        /// For a push: the record's sequence number.
        seq: Option<u64>,
    },
    /// The server answered something that is not the API.
    #[error("the team server at {url} answered something unexpected: {detail}")]
    Protocol {
        /// The server.
        url: String,
        /// What was wrong.
        detail: String,
    },
    /// The local database.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// The session file.
    #[error("{path}: {source}")]
    Io {
        /// The file.
        path: std::path::PathBuf,
        /// The cause.
        source: std::io::Error,
    },
}
