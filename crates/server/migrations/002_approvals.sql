-- How many approvals for kickoff the newest record of each brief carries: only a lead or an admin
-- may push a record that adds one (the review actions are the lead's).
ALTER TABLE brief ADD COLUMN approvals INTEGER NOT NULL DEFAULT 0;
