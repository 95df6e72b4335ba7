//! Pinned checklist versions: every checklist version a brief uses is stored byte for byte with its
//! hash, so a brief always opens with the exact versions it was started with, even after the YAML
//! files change or disappear.

use std::collections::HashMap;
use std::sync::Arc;

use deepbrief_core::{Checklist, Library, LoadedChecklist, Origin, SourceFile, load_files};
use rusqlite::{Connection, OptionalExtension, params};

use crate::Store;
use crate::error::StoreError;
use crate::time::now;
use crate::types::PinnedChecklist;

/// Stores a loaded checklist version (once). Content changed under an already stored id and version
/// is refused: the author must raise `version`.
pub(crate) fn store_version(conn: &Connection, loaded: &LoadedChecklist) -> Result<(), StoreError> {
    let c = &loaded.checklist;
    let stored: Option<String> = conn
        .query_row(
            "SELECT hash FROM checklist_version WHERE checklist = ?1 AND version = ?2",
            params![c.id, c.version],
            |r| r.get(0),
        )
        .optional()?;
    match stored {
        Some(hash) if hash == loaded.hash => Ok(()),
        Some(_) => Err(StoreError::ChangedVersion {
            file: loaded.path.display().to_string(),
            checklist: c.id.clone(),
            version: c.version,
        }),
        None => {
            let content = std::fs::read(&loaded.path)
                .ok()
                .and_then(|b| String::from_utf8(b).ok())
                .filter(|text| {
                    deepbrief_core::library::content_hash(text.as_bytes()) == loaded.hash
                })
                .ok_or_else(|| StoreError::ChangedOnDisk {
                    file: loaded.path.display().to_string(),
                })?;
            conn.execute(
                "INSERT INTO checklist_version (checklist, version, hash, content, source, stored_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                params![
                    c.id,
                    c.version,
                    loaded.hash,
                    content,
                    loaded.path.display().to_string(),
                    now()
                ],
            )?;
            Ok(())
        }
    }
}

/// Stores a checklist version from its text (bundles): refused when the id and version are stored
/// with another hash.
pub(crate) fn store_content(
    conn: &Connection,
    pin: &PinnedChecklist,
    content: &str,
    source: &str,
) -> Result<(), StoreError> {
    let stored: Option<String> = conn
        .query_row(
            "SELECT hash FROM checklist_version WHERE checklist = ?1 AND version = ?2",
            params![pin.checklist, pin.version],
            |r| r.get(0),
        )
        .optional()?;
    match stored {
        Some(hash) if hash == pin.hash => Ok(()),
        Some(_) => Err(StoreError::ChangedVersion {
            file: source.to_owned(),
            checklist: pin.checklist.clone(),
            version: pin.version,
        }),
        None => {
            conn.execute(
                "INSERT INTO checklist_version (checklist, version, hash, content, source, stored_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                params![pin.checklist, pin.version, pin.hash, content, source, now()],
            )?;
            Ok(())
        }
    }
}

impl Store {
    /// The versions a brief is pinned to, in interview order.
    pub fn pins(&self, brief_id: &str) -> Result<Vec<PinnedChecklist>, StoreError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT b.checklist, b.version, v.hash FROM brief_checklist b
             JOIN checklist_version v ON v.checklist = b.checklist AND v.version = b.version
             WHERE b.brief_id = ?1 ORDER BY b.position",
        )?;
        let rows = stmt.query_map([brief_id], |r| {
            Ok(PinnedChecklist {
                checklist: r.get(0)?,
                version: r.get(1)?,
                hash: r.get(2)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Every brief's pinned checklist versions, by brief id, each in checklist order.
    pub(crate) fn all_pins(&self) -> Result<HashMap<String, Vec<PinnedChecklist>>, StoreError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT b.brief_id, b.checklist, b.version, v.hash FROM brief_checklist b
             JOIN checklist_version v ON v.checklist = b.checklist AND v.version = b.version
             ORDER BY b.brief_id, b.position",
        )?;
        let mut out: HashMap<String, Vec<PinnedChecklist>> = HashMap::new();
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            let pin = PinnedChecklist {
                checklist: r.get(1)?,
                version: r.get(2)?,
                hash: r.get(3)?,
            };
            let brief = r.get_ref(0)?.as_str().map_err(rusqlite::Error::from)?;
            match out.get_mut(brief) {
                Some(list) => list.push(pin),
                None => {
                    out.insert(brief.to_owned(), vec![pin]);
                }
            }
        }
        Ok(out)
    }

    /// Lets the parse cache take checklists the caller has already loaded from files: a version whose
    /// file hash equals the stored one is the same text, so opening a brief pinned to it skips parsing.
    pub fn remember_checklists(&self, library: &Library) {
        let mut cache = self.cache.borrow_mut();
        for loaded in &library.checklists {
            let c = &loaded.checklist;
            cache
                .entry((c.id.clone(), c.version, loaded.hash.clone()))
                .or_insert_with(|| Arc::new(c.clone()));
        }
    }

    /// The checklists a brief is pinned to, parsed from their stored text (cached), in interview order.
    pub fn brief_checklists(&self, brief_id: &str) -> Result<Vec<Arc<Checklist>>, StoreError> {
        let pins = self.pins(brief_id)?;
        self.checklists_of(&pins)
    }

    /// Parses (or takes from the cache) the given pinned versions, loaded together so that add-ons
    /// resolve against the core version they are pinned with.
    pub(crate) fn checklists_of(
        &self,
        pins: &[PinnedChecklist],
    ) -> Result<Vec<Arc<Checklist>>, StoreError> {
        let key = |p: &PinnedChecklist| (p.checklist.clone(), p.version, p.hash.clone());
        {
            let cache = self.cache.borrow();
            if let Some(all) = pins
                .iter()
                .map(|p| cache.get(&key(p)).cloned())
                .collect::<Option<Vec<_>>>()
            {
                return Ok(all);
            }
        }
        let mut files = Vec::with_capacity(pins.len());
        for p in pins {
            let content: String = self.conn.query_row(
                "SELECT content FROM checklist_version WHERE checklist = ?1 AND version = ?2",
                params![p.checklist, p.version],
                |r| r.get(0),
            )?;
            files.push(SourceFile {
                path: format!("{}@{} (stored)", p.checklist, p.version).into(),
                origin: Origin::Given,
                content: Ok(content.into_bytes()),
            });
        }
        let library = load_files(files);
        if let Some(problem) = library.problems.first() {
            return Err(StoreError::StoredChecklist {
                name: problem.path.clone(),
                detail: problem
                    .diagnostics
                    .first()
                    .map(|d| d.message.clone())
                    .unwrap_or_default(),
            });
        }
        let mut cache = self.cache.borrow_mut();
        let mut out = Vec::with_capacity(pins.len());
        for p in pins {
            let loaded = library.get(&p.checklist, Some(p.version)).ok_or_else(|| {
                StoreError::StoredChecklist {
                    name: format!("{}@{}", p.checklist, p.version),
                    detail: "missing after loading".into(),
                }
            })?;
            let parsed = Arc::new(loaded.checklist.clone());
            cache.insert(key(p), Arc::clone(&parsed));
            out.push(parsed);
        }
        Ok(out)
    }
}
