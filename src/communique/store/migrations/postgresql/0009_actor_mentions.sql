-- The same record in any order (issue 12): a merged actor keeps its distinct role mentions,
-- from which its roles are folded in a fixed order; merged ids are named from their content.
ALTER TABLE merged_actors ADD COLUMN mentions TEXT COLLATE "C" NOT NULL DEFAULT '[]';

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
