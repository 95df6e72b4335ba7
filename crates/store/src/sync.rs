//! The database's side of sync with a team server (the HTTP side is `deepbrief-app`'s `team`).
//!
//! Every change to a brief appends a history event, and a trigger puts the brief in the *outbox*.
//! [`Store::seal_outbox`] turns each brief of the outbox into a *record* — the brief as a bundle,
//! its state and whole history — numbered in this database's *stream* (1, 2, 3, … with no gap) and
//! kept in `sync_pending` until the server acknowledges it ([`Store::acknowledge`]). A push cut off
//! half-way sends the very same records again, so the server stores each once.
//!
//! Records of other streams are imported through the same merge as a bundle file
//! ([`Store::receive`]), and each stream's cursor moves on ([`Store::set_cursors`]).
//!
//! A database copied to another file, or restored from a backup, must not number records like the
//! original: the stream remembers the file it was made for, and [`Store::sync_stream`] starts a new
//! one (pending records renumbered) when the file is elsewhere; [`Store::new_stream`] does it on
//! demand (the server said the stream's numbers are taken).

use std::collections::BTreeMap;
use std::path::Path;

use deepbrief_core::Library;
use rusqlite::{OptionalExtension, params};

use crate::Store;
use crate::bundle::{self, ImportOutcome};
use crate::error::StoreError;
use crate::time::{new_id, now};

/// A record sealed for the server and not acknowledged yet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pending {
    /// Its number in the stream.
    pub seq: u64,
    /// Its id (UUID), the same on every attempt.
    pub id: String,
    /// The brief.
    pub brief_id: String,
    /// The bundle file's text.
    pub bundle: String,
}

/// What waits to go to the server.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Waiting {
    /// Briefs changed since their last record was sealed.
    pub changed: u32,
    /// Records sealed and not acknowledged.
    pub records: u32,
    /// Different briefs among both: what "N waiting" shows.
    pub briefs: u32,
}

impl Store {
    /// This database's stream id: made on first use; a new one (pending records renumbered from 1)
    /// when the database is not the file the stream was made for — a copy must not number its
    /// records like the original.
    pub fn sync_stream(&self) -> Result<String, StoreError> {
        let here = self.path().display().to_string();
        let row: Option<(String, String)> = self
            .conn
            .query_row("SELECT stream, path FROM sync_stream", [], |r| {
                Ok((r.get(0)?, r.get(1)?))
            })
            .optional()?;
        match row {
            Some((stream, path)) if path == here => Ok(stream),
            _ => self.new_stream(),
        }
    }

    /// Starts a new stream for this database (after a restore, a copy, or when the server says the
    /// stream's numbers are taken): pending records keep their ids and content and are numbered
    /// 1, 2, … in the new stream. Returns the new stream id.
    pub fn new_stream(&self) -> Result<String, StoreError> {
        let tx = self.begin_write()?;
        let stream = new_id();
        let pending: Vec<(i64, String)> = {
            let mut stmt = tx.prepare("SELECT seq, id FROM sync_pending ORDER BY seq")?;
            let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
            rows.collect::<Result<_, _>>()?
        };
        // Move them out of the way first: the new numbers may overlap the old ones.
        tx.execute("UPDATE sync_pending SET seq = -seq", [])?;
        for (n, (old, _)) in pending.iter().enumerate() {
            tx.execute(
                "UPDATE sync_pending SET seq = ?2 WHERE seq = ?1",
                params![-old, n as i64 + 1],
            )?;
        }
        // A record's id belongs to its first stream: new ids, so the server never sees one id twice.
        for (n, _) in pending.iter().enumerate() {
            tx.execute(
                "UPDATE sync_pending SET id = ?2 WHERE seq = ?1",
                params![n as i64 + 1, new_id()],
            )?;
        }
        tx.execute(
            "INSERT INTO sync_stream (one, stream, next_seq, path, created_at) VALUES (1, ?1, ?2, ?3, ?4)
             ON CONFLICT (one) DO UPDATE SET stream = excluded.stream, next_seq = excluded.next_seq,
               path = excluded.path, created_at = excluded.created_at",
            params![
                stream,
                pending.len() as i64 + 1,
                self.path().display().to_string(),
                now()
            ],
        )?;
        tx.commit()?;
        Ok(stream)
    }

    /// Starts a new stream when the database has one (after a restore); nothing when it never synced.
    pub(crate) fn restart_stream(&self) -> Result<(), StoreError> {
        let synced = self
            .conn
            .query_row("SELECT 1 FROM sync_stream", [], |_| Ok(()))
            .optional()?
            .is_some();
        if synced {
            self.new_stream()?;
        }
        Ok(())
    }

    /// Puts every brief in the outbox (the first sign-in of a database that has briefs already).
    pub fn mark_all_for_sync(&self) -> Result<usize, StoreError> {
        let tx = self.begin_write()?;
        let n = tx.execute(
            "INSERT OR IGNORE INTO sync_outbox (brief_id, since) SELECT id, updated_at FROM brief",
            [],
        )?;
        tx.commit()?;
        Ok(n)
    }

    /// Seals every brief of the outbox as a record of this database's stream, in one transaction
    /// (a concurrent change waits, so nothing changed between the bundle and the outbox row being
    /// taken). Returns how many records were sealed.
    pub fn seal_outbox(&self) -> Result<usize, StoreError> {
        let stream = self.sync_stream()?;
        let tx = self.begin_write()?;
        let briefs: Vec<String> = {
            let mut stmt =
                tx.prepare("SELECT brief_id FROM sync_outbox ORDER BY since, brief_id")?;
            let rows = stmt.query_map([], |r| r.get(0))?;
            rows.collect::<Result<_, _>>()?
        };
        let mut next: i64 = tx.query_row(
            "SELECT next_seq FROM sync_stream WHERE stream = ?1",
            [&stream],
            |r| r.get(0),
        )?;
        let mut sealed = 0;
        for brief in &briefs {
            let exists = tx
                .query_row("SELECT 1 FROM brief WHERE id = ?1", [brief], |_| Ok(()))
                .optional()?
                .is_some();
            if exists {
                let bytes = bundle::export(self, brief)?;
                let text = String::from_utf8(bytes).map_err(|e| StoreError::Invalid {
                    field: "bundle",
                    message: format!("brief {brief} exported as text that is not UTF-8: {e}"),
                })?;
                tx.execute(
                    "INSERT INTO sync_pending (seq, id, brief_id, bundle) VALUES (?1, ?2, ?3, ?4)",
                    params![next, new_id(), brief, text],
                )?;
                next += 1;
                sealed += 1;
            }
            tx.execute("DELETE FROM sync_outbox WHERE brief_id = ?1", [brief])?;
        }
        tx.execute(
            "UPDATE sync_stream SET next_seq = ?2 WHERE stream = ?1",
            params![stream, next],
        )?;
        tx.commit()?;
        Ok(sealed)
    }

    /// The first `limit` records waiting for the server's acknowledgement, in stream order.
    pub fn pending_records(&self, limit: usize) -> Result<Vec<Pending>, StoreError> {
        let mut stmt = self
            .conn
            .prepare("SELECT seq, id, brief_id, bundle FROM sync_pending ORDER BY seq LIMIT ?1")?;
        let rows = stmt.query_map([limit as i64], |r| {
            Ok(Pending {
                seq: r.get::<_, i64>(0)? as u64,
                id: r.get(1)?,
                brief_id: r.get(2)?,
                bundle: r.get(3)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// The server stored every record through `seq`: they leave the pending list.
    pub fn acknowledge(&self, seq: u64) -> Result<(), StoreError> {
        let tx = self.begin_write()?;
        tx.execute("DELETE FROM sync_pending WHERE seq <= ?1", [seq as i64])?;
        tx.commit()?;
        Ok(())
    }

    /// What waits to go to the server.
    pub fn sync_waiting(&self) -> Result<Waiting, StoreError> {
        Ok(self.conn.query_row(
            "SELECT (SELECT count(*) FROM sync_outbox), (SELECT count(*) FROM sync_pending),
                    (SELECT count(*) FROM (SELECT brief_id FROM sync_outbox
                                           UNION SELECT brief_id FROM sync_pending))",
            [],
            |r| {
                Ok(Waiting {
                    changed: r.get(0)?,
                    records: r.get(1)?,
                    briefs: r.get(2)?,
                })
            },
        )?)
    }

    /// How far each other stream has been received.
    pub fn sync_cursors(&self) -> Result<BTreeMap<String, u64>, StoreError> {
        let mut stmt = self.conn.prepare("SELECT stream, seq FROM sync_cursor")?;
        let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get::<_, i64>(1)? as u64)))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Moves the cursors on (never back).
    pub fn set_cursors(&self, cursors: &BTreeMap<String, u64>) -> Result<(), StoreError> {
        let tx = self.begin_write()?;
        for (stream, seq) in cursors {
            tx.execute(
                "INSERT INTO sync_cursor (stream, seq) VALUES (?1, ?2)
                 ON CONFLICT (stream) DO UPDATE SET seq = max(seq, excluded.seq)",
                params![stream, *seq as i64],
            )?;
        }
        tx.commit()?;
        Ok(())
    }

    /// Imports a record received from the server through the same checks and merge as a bundle
    /// file. A brief with no change of its own waiting does not go back into the outbox: the
    /// server has what it received.
    pub fn receive(
        &mut self,
        bundle: &[u8],
        origin: &str,
        local: &Library,
    ) -> Result<ImportOutcome, StoreError> {
        self.import_bundle_as(bundle, Path::new(origin), local, true)
    }

    /// Forgets the server's cursors and acknowledged state (signing in to another server): every
    /// brief goes into the outbox again and every stream is received from its start.
    pub fn reset_sync(&self) -> Result<(), StoreError> {
        let tx = self.begin_write()?;
        tx.execute("DELETE FROM sync_cursor", [])?;
        tx.execute("DELETE FROM sync_pending", [])?;
        tx.execute("DELETE FROM sync_stream", [])?;
        tx.execute(
            "INSERT OR IGNORE INTO sync_outbox (brief_id, since) SELECT id, updated_at FROM brief",
            [],
        )?;
        tx.commit()?;
        Ok(())
    }
}
