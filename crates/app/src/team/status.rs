//! What the sync indicator shows, and when the background sync tries again.

use std::time::Duration;

use serde::Serialize;
use ts_rs::TS;

use super::error::TeamError;
use super::sync::SyncReport;

/// The sync indicator's state, always visible in the desktop.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(tag = "state", rename_all = "snake_case")]
#[ts(export)]
pub enum SyncState {
    /// Not signed in to a team server: the database works on its own.
    SignedOut,
    /// A sync round is running.
    Syncing {
        /// Briefs waiting to go out when it started.
        waiting: u32,
    },
    /// Everything here is on the server and everything there is here.
    Synced {
        /// When the last round ended (RFC 3339 UTC).
        at: String,
        /// Open conflicts over all briefs.
        conflicts: u32,
    },
    /// Changed briefs wait to go out (a round could not push all of them).
    Waiting {
        /// How many briefs.
        waiting: u32,
        /// Open conflicts over all briefs.
        conflicts: u32,
    },
    /// The server cannot be reached: work goes on here and syncs later.
    Offline {
        /// Briefs waiting to go out.
        waiting: u32,
        /// What the network said.
        reason: String,
        /// Seconds until the next try.
        #[ts(type = "number")]
        retry_in: u64,
    },
    /// The server refused (signed out elsewhere, a refused record, …): the reason, in words.
    Error {
        /// Briefs waiting to go out.
        waiting: u32,
        /// What went wrong and what to do.
        reason: String,
        /// Seconds until the next try (none: waits for the person, e.g. to sign in again).
        #[ts(optional, type = "number")]
        retry_in: Option<u64>,
    },
}

impl SyncState {
    /// The state after a round that ended with `report` at `at`.
    pub fn after(report: &SyncReport, at: String) -> SyncState {
        if !report.refused.is_empty() {
            SyncState::Error {
                waiting: report.waiting,
                reason: report.refused.join("; "),
                retry_in: None,
            }
        } else if report.waiting > 0 {
            SyncState::Waiting {
                waiting: report.waiting,
                conflicts: report.conflicts,
            }
        } else {
            SyncState::Synced {
                at,
                conflicts: report.conflicts,
            }
        }
    }

    /// The state after a round that failed with `error`, trying again in `retry_in`.
    pub fn failed(error: &TeamError, waiting: u32, retry_in: Duration) -> SyncState {
        match error {
            TeamError::Offline { reason, .. } => SyncState::Offline {
                waiting,
                reason: reason.clone(),
                retry_in: retry_in.as_secs(),
            },
            TeamError::Unauthorized { .. }
            | TeamError::NotSignedIn
            | TeamError::BadUrl(_)
            | TeamError::PlainHttp(_) => SyncState::Error {
                waiting,
                reason: error.to_string(),
                retry_in: None,
            },
            _ => SyncState::Error {
                waiting,
                reason: error.to_string(),
                retry_in: Some(retry_in.as_secs()),
            },
        }
    }
}

/// When the background sync tries again: soon after a change, every [`Backoff::IDLE`] when all is
/// well, and after a failure twice as long each time (from 5 s up to [`Backoff::MAX`]), so a laptop
/// offline for a day does not spin and a server coming back is found within minutes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Backoff {
    failures: u32,
}

impl Backoff {
    /// Between rounds when everything works.
    pub const IDLE: Duration = Duration::from_secs(30);
    /// The longest wait after failures.
    pub const MAX: Duration = Duration::from_secs(300);
    /// The first wait after a failure.
    pub const FIRST: Duration = Duration::from_secs(5);

    /// No failure yet.
    pub fn new() -> Backoff {
        Backoff { failures: 0 }
    }

    /// A round succeeded: the next one after [`Backoff::IDLE`].
    pub fn succeeded(&mut self) -> Duration {
        self.failures = 0;
        Backoff::IDLE
    }

    /// A round failed: how long to wait before the next.
    pub fn failed(&mut self) -> Duration {
        let wait = Backoff::FIRST.saturating_mul(2u32.saturating_pow(self.failures));
        self.failures = self.failures.saturating_add(1);
        wait.min(Backoff::MAX)
    }
}

impl Default for Backoff {
    fn default() -> Backoff {
        Backoff::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn failures_wait_twice_as_long_up_to_five_minutes_and_success_resets() {
        let mut b = Backoff::new();
        let waits: Vec<u64> = (0..8).map(|_| b.failed().as_secs()).collect();
        assert_eq!(waits, vec![5, 10, 20, 40, 80, 160, 300, 300]);
        assert_eq!(b.succeeded(), Backoff::IDLE);
        assert_eq!(b.failed().as_secs(), 5);
    }

    #[test]
    fn the_indicator_says_why() {
        let offline = TeamError::Offline {
            url: "https://x".into(),
            reason: "connection refused".into(),
        };
        assert!(matches!(
            SyncState::failed(&offline, 3, Duration::from_secs(10)),
            SyncState::Offline {
                waiting: 3,
                retry_in: 10,
                ..
            }
        ));
        let report = SyncReport {
            waiting: 0,
            conflicts: 1,
            ..SyncReport::default()
        };
        assert!(matches!(
            SyncState::after(&report, "t".into()),
            SyncState::Synced { conflicts: 1, .. }
        ));
    }
}
