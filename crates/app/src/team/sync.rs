//! One sync round: seal what changed here into records, push them (again, after a cut-off push —
//! the server stores each record once), then pull what the team changed, page by page, through the
//! same merge as a bundle file, receive the checklist versions the team published, and fetch what
//! clients answered through this database's links (waiting for review; [`super::links::fetch`]).

use std::collections::BTreeSet;
use std::path::Path;

use deepbrief_core::Library;
use deepbrief_core::library::content_hash;
use deepbrief_store::Store;
use deepbrief_wire as wire;
use serde::Serialize;

use super::client::Client;
use super::error::TeamError;

/// Push requests stay under this many bundle bytes (well within the server's body limit).
const PUSH_BYTES: usize = wire::MAX_BODY_BYTES / 4;

/// What a sync round did.
#[derive(Debug, Clone, Default, PartialEq, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct SyncReport {
    /// Briefs changed here, sealed into records this round.
    pub sealed: usize,
    /// Records the server stored.
    pub pushed: u32,
    /// Records the server had already (a push cut off before, sent again).
    pub duplicates: u32,
    /// Records received from the team.
    pub pulled: usize,
    /// Briefs new on this computer.
    pub briefs_new: usize,
    /// Answers whose shown value changed.
    pub answers_changed: u32,
    /// Checklist versions received from the team.
    pub checklists: usize,
    /// Records or checklists refused, each with why (the rest went on).
    pub refused: Vec<String>,
    /// Whether the database started a new stream (it was copied or restored).
    pub new_stream: bool,
    /// Briefs still waiting to go out (0 when everything was pushed).
    pub waiting: u32,
    /// Open conflicts over all briefs after the round.
    pub conflicts: u32,
    /// Answers clients sent through links, new this round (waiting for review).
    pub client_answers: u32,
}

/// One round against `client`; received checklist versions go to `team_dir`
/// ([`crate::DataFolder::team_checklists`]); `library` is this computer's checklists (a received brief pinned to a
/// version this computer holds with other content is refused, as a bundle file would be).
pub fn sync(
    store: &mut Store,
    client: &Client,
    library: &Library,
    team_dir: &Path,
) -> Result<SyncReport, TeamError> {
    let mut report = SyncReport {
        sealed: store.seal_outbox()?,
        ..SyncReport::default()
    };
    push(store, client, &mut report)?;
    pull(store, client, library, team_dir, &mut report)?;
    let fetched = super::links::fetch(store, client, crate::clock::today())?;
    report.client_answers = fetched.new;
    report.refused.extend(fetched.refused);
    report.waiting = store.sync_waiting()?.briefs;
    report.conflicts = store
        .list_briefs(&Default::default())?
        .iter()
        .chain(
            store
                .list_briefs(&deepbrief_store::BriefFilter {
                    archived: true,
                    ..Default::default()
                })?
                .iter(),
        )
        .map(|b| b.conflicts)
        .sum();
    Ok(report)
}

fn push(store: &Store, client: &Client, report: &mut SyncReport) -> Result<(), TeamError> {
    loop {
        let stream = store.sync_stream()?;
        let mut records = Vec::new();
        let mut bytes = 0;
        for p in store.pending_records(wire::MAX_RECORDS_PER_REQUEST)? {
            if !records.is_empty() && bytes + p.bundle.len() > PUSH_BYTES {
                break;
            }
            bytes += p.bundle.len();
            records.push(wire::PushRecord {
                id: p.id,
                seq: p.seq,
                brief_id: p.brief_id,
                bundle: p.bundle,
            });
        }
        if records.is_empty() {
            return Ok(());
        }
        match client.push(&wire::PushRequest { stream, records }) {
            Ok(answer) => {
                store.acknowledge(answer.acked_through)?;
                report.pushed += answer.inserted;
                report.duplicates += answer.duplicates;
            }
            // The stream's numbers are taken by other content: this database is a copy or a
            // restore. Once per round it starts a new stream and sends its records there.
            Err(TeamError::Refused {
                status: 409, code, ..
            }) if code == "conflict" && !report.new_stream => {
                store.new_stream()?;
                report.new_stream = true;
            }
            // A server that refuses the token answers before it has read the body, and a large
            // push may then see the connection cut while still sending: ask who we are, so a
            // revoked device reads "sign in again", not "offline".
            Err(e @ TeamError::Offline { .. }) => {
                return Err(match client.me() {
                    Err(refused @ TeamError::Unauthorized { .. }) => refused,
                    _ => e,
                });
            }
            Err(e) => return Err(e),
        }
    }
}

fn pull(
    store: &mut Store,
    client: &Client,
    library: &Library,
    team_dir: &Path,
    report: &mut SyncReport,
) -> Result<(), TeamError> {
    let stream = store.sync_stream()?;
    loop {
        let request = wire::PullRequest {
            cursors: store.sync_cursors()?,
            stream: stream.clone(),
            checklists_known: known_checklists(team_dir).into_iter().collect(),
        };
        let page = client.pull(&request)?;
        for checklist in &page.checklists {
            match receive_checklist(team_dir, checklist) {
                Ok(true) => report.checklists += 1,
                Ok(false) => {}
                Err(why) => report.refused.push(why),
            }
        }
        for record in &page.records {
            let origin = format!("team record {}#{}", record.stream, record.seq);
            match store.receive(record.bundle.as_bytes(), &origin, library) {
                Ok(outcome) => {
                    report.pulled += 1;
                    report.briefs_new += usize::from(outcome.created);
                    report.answers_changed += outcome.answers_changed;
                }
                // One bad record must not stop the others: it is reported, and its brief comes
                // with the next good record of it.
                Err(e) => report.refused.push(e.to_string()),
            }
        }
        store.set_cursors(&page.cursors)?;
        if !page.more {
            return Ok(());
        }
    }
}

/// Hashes of the checklist files in the team folder.
fn known_checklists(team_dir: &Path) -> BTreeSet<String> {
    let Ok(entries) = std::fs::read_dir(team_dir) else {
        return BTreeSet::new();
    };
    entries
        .flatten()
        .filter(|e| e.path().extension().is_some_and(|x| x == "yaml"))
        .filter_map(|e| std::fs::read(e.path()).ok())
        .map(|bytes| content_hash(&bytes))
        .collect()
}

/// Writes a received checklist version as `<id>@<version>.yaml`; false when it is there already. A
/// published version never changes: a file of that name with other content is refused.
fn receive_checklist(team_dir: &Path, c: &wire::PublishedChecklist) -> Result<bool, String> {
    let safe = |s: &str| {
        !s.is_empty()
            && s.len() <= 100
            && s.chars()
                .all(|ch| ch.is_ascii_alphanumeric() || ch == '-' || ch == '_')
    };
    if !safe(&c.checklist) {
        return Err(format!(
            "team checklist `{}` has an id that is not a file name; it was not saved",
            c.checklist.chars().take(100).collect::<String>()
        ));
    }
    if content_hash(c.content.as_bytes()) != c.hash {
        return Err(format!(
            "team checklist {}@{}: the text does not match its hash; it was not saved",
            c.checklist, c.version
        ));
    }
    let path = team_dir.join(format!("{}@{}.yaml", c.checklist, c.version));
    match std::fs::read(&path) {
        Ok(existing) if content_hash(&existing) == c.hash => return Ok(false),
        Ok(_) => {
            return Err(format!(
                "{}: version {} of `{}` here differs from the one the team published; the team's was not saved",
                path.display(),
                c.version,
                c.checklist
            ));
        }
        Err(_) => {}
    }
    std::fs::create_dir_all(team_dir).map_err(|e| format!("{}: {e}", team_dir.display()))?;
    let tmp = path.with_extension("yaml.tmp");
    std::fs::write(&tmp, c.content.as_bytes())
        .and_then(|()| std::fs::rename(&tmp, &path))
        .map_err(|e| format!("{}: {e}", path.display()))?;
    Ok(true)
}
