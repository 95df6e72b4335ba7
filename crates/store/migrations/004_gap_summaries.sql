-- Each brief's gap summary (what the board and the briefs list show of its gap analysis), kept
-- between runs so that the first board after a start does not analyse every brief again.
-- A row is used only while everything it was computed from is unchanged:
--   analysis       — the build of the analysis that made it (a fingerprint of its source code);
--   answer_changes — the brief's counter (migration 003), moved by every change to its answers;
--   pins           — the brief's pinned checklist versions, as JSON;
--   from_day,
--   through_day    — the days it holds for: from the day it was computed through the earliest
--                    "will send later" date or goal deadline still to come (NULL: every later day).
-- Only a cache: deleting a row, or every row, loses nothing.
CREATE TABLE gap_summary (
    brief_id       TEXT PRIMARY KEY REFERENCES brief(id) ON DELETE CASCADE,
    analysis       TEXT NOT NULL,
    answer_changes INTEGER NOT NULL,
    pins           TEXT NOT NULL,
    from_day       TEXT NOT NULL,
    through_day    TEXT,
    summary        TEXT NOT NULL
) STRICT;
