-- Flat cost per report (issue 12): bounded candidates for merging.
-- Each statement keeps a few representative wordings (rep = 1) per language and kind; only those
-- are candidates for a new quote, found by speaker and day window or through the content index
-- (MinHash bands of the wording's shingles, salted by the speaker).
ALTER TABLE statement_members ADD COLUMN text_key TEXT COLLATE "C" NOT NULL DEFAULT '';
ALTER TABLE statement_members ADD COLUMN rep BIGINT NOT NULL DEFAULT 1;
CREATE INDEX statement_members_reps ON statement_members (speaker_id, rep, lo);

CREATE TABLE quote_bands (
    band BIGINT NOT NULL,
    quote_id TEXT COLLATE "C" NOT NULL,
    PRIMARY KEY (band, quote_id)
);
CREATE INDEX quote_bands_quote ON quote_bands (quote_id);

-- One row per merged event: what a new event is compared with (the consensus of its members:
-- commonest exact day or narrowest interval, commonest place, everyone named), kept up to date
-- as members join, and the day range of all its members for the window look-up.
CREATE TABLE event_heads (
    merged_id TEXT COLLATE "C" PRIMARY KEY,
    family TEXT COLLATE "C" NOT NULL,
    lo BIGINT,
    hi BIGINT,
    head TEXT COLLATE "C" NOT NULL
);
CREATE INDEX event_heads_window ON event_heads (family, lo);

-- Reading one report's extracted items (merging reads them back) without a scan.
CREATE INDEX IF NOT EXISTS proposals_report ON proposals (report_id);
CREATE INDEX IF NOT EXISTS positions_report ON positions (report_id);

-- Merged items that reports merged since the last flush touched ('report' rows: those reports),
-- recomputed together from their members, once each.
CREATE TABLE merge_dirty (
    kind TEXT COLLATE "C" NOT NULL,
    item_id TEXT COLLATE "C" NOT NULL,
    PRIMARY KEY (kind, item_id)
);

-- The record is merged again with the new ids and index (`communique stories` or the next
-- briefing merges whatever is not merged).
DELETE FROM merge_runs;
DELETE FROM merged_actors;
DELETE FROM statements;
DELETE FROM statement_members;
DELETE FROM merged_events;
DELETE FROM event_members;
DELETE FROM claims;
DELETE FROM merged_proposals;
DELETE FROM proposal_members;
DELETE FROM position_tracks;
DELETE FROM position_members;
DELETE FROM stories;
DELETE FROM report_stories;
DELETE FROM story_terms;
DELETE FROM term_reports;
DELETE FROM conflict_items;
DELETE FROM conflicts;
UPDATE quotes SET statement_id = NULL;
