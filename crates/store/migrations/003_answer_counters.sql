-- Two numbers per brief kept by triggers, whoever writes the answers (the app, the CLI, a bundle
-- import):
--   answer_count   — how many answers the brief has: the briefs list and the board show it, and
--                    counting the answers table per brief read every answer's page;
--   answer_changes — moves on every change to the brief's answers: the board and the briefs list
--                    keep each brief's gap summary in memory and analyse again only the briefs whose
--                    counter (or pinned checklists) changed since.
ALTER TABLE brief ADD COLUMN answer_count INTEGER NOT NULL DEFAULT 0;
ALTER TABLE brief ADD COLUMN answer_changes INTEGER NOT NULL DEFAULT 0;

UPDATE brief SET answer_count = (SELECT count(*) FROM answer a WHERE a.brief_id = brief.id);

CREATE TRIGGER answer_inserted AFTER INSERT ON answer BEGIN
    UPDATE brief SET answer_count = answer_count + 1, answer_changes = answer_changes + 1
    WHERE id = NEW.brief_id;
END;

CREATE TRIGGER answer_updated AFTER UPDATE ON answer BEGIN
    UPDATE brief SET answer_changes = answer_changes + 1 WHERE id IN (OLD.brief_id, NEW.brief_id);
    UPDATE brief SET answer_count = answer_count - 1 WHERE id = OLD.brief_id AND OLD.brief_id <> NEW.brief_id;
    UPDATE brief SET answer_count = answer_count + 1 WHERE id = NEW.brief_id AND OLD.brief_id <> NEW.brief_id;
END;

CREATE TRIGGER answer_deleted AFTER DELETE ON answer BEGIN
    UPDATE brief SET answer_count = answer_count - 1, answer_changes = answer_changes + 1
    WHERE id = OLD.brief_id;
END;
