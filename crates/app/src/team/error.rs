//! What can go wrong between a desktop and the team server.

use deepbrief_store::StoreError;
use serde::Serialize;
use ts_rs::TS;

/// What kind of team-server failure it is, for words in the person's language (the message itself
/// is the detail).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum TeamProblem {
    /// Plain `http://` to another computer.
    PlainHttp,
    /// Not a server address.
    BadAddress,
    /// Not signed in.
    NotSignedIn,
    /// A wrong user name or password, or a revoked device.
    SignInRefused,
    /// The server cannot be reached.
    Offline,
    /// The server refused the request.
    Refused,
    /// The server answered something that is not the API.
    Unexpected,
    /// The local database or the sign-in file.
    Local,
}

/// A team-server failure, in words for the sync indicator and the CLI.
#[derive(Debug, thiserror::Error)]
pub enum TeamError {
    /// The address is not a server address.
    #[error("{0}")]
    BadUrl(String),
    /// Plain `http://` to another computer: a password would cross the network unencrypted.
    #[error(
        "`{0}` is plain http: a password and a token would cross the network unencrypted; use https:// (the server's guide sets up TLS in a reverse proxy); http:// works only to this computer (localhost)"
    )]
    PlainHttp(String),
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

impl TeamError {
    /// The kind of failure, for words in the person's language.
    pub fn problem(&self) -> TeamProblem {
        match self {
            TeamError::BadUrl(_) => TeamProblem::BadAddress,
            TeamError::PlainHttp(_) => TeamProblem::PlainHttp,
            TeamError::NotSignedIn => TeamProblem::NotSignedIn,
            TeamError::Offline { .. } => TeamProblem::Offline,
            TeamError::Unauthorized { .. } => TeamProblem::SignInRefused,
            TeamError::Refused { .. } => TeamProblem::Refused,
            TeamError::Protocol { .. } => TeamProblem::Unexpected,
            TeamError::Store(_) | TeamError::Io { .. } => TeamProblem::Local,
        }
    }
}
