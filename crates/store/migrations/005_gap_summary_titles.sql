-- The titles of the sections the kept gap summaries count (migration 004), once per checklist
-- version (by its content hash) instead of in every brief's row: a row now holds each section's
-- id and counts only (three quarters smaller). Only a cache, like `gap_summary`; the rows kept in
-- the older shape are dropped here (they would be analysed again anyway).
CREATE TABLE gap_summary_title (
    checklist_hash  TEXT NOT NULL,
    section         TEXT NOT NULL,
    checklist_title TEXT NOT NULL,
    title           TEXT NOT NULL,
    PRIMARY KEY (checklist_hash, section)
) STRICT;

DELETE FROM gap_summary;
