//! The team server, from a desktop: signing in ([`session`]), the HTTP API ([`client`]) and a sync
//! round ([`sync`]): seal what changed here, push it, pull what the team changed, receive the
//! team's checklists and what clients answered through links ([`links`]). Offline-first: everything works without the server, and what changed waits in
//! the database until a sync gets through.

pub mod account;
pub mod client;
pub mod error;
pub mod links;
pub mod session;
pub mod status;
pub mod sync;

pub use client::Client;
pub use error::{TeamError, TeamProblem};
pub use session::Session;
pub use status::{Backoff, SyncState};
pub use sync::{SyncReport, sync};
