-- Briefing and browsing at size (issue 12): each story's reports and independent sources (a wire
-- story once), kept as merging changes the story, so that `communique stories` reads one row per
-- story instead of counting every report of the store.  Derived from report_stories and the
-- reports' wire groups; recounted for the stories a flush finds touched, so not journaled.
-- Filled here from the record as it stands.
CREATE TABLE story_counts (
    story_id TEXT COLLATE "C" PRIMARY KEY,
    reports BIGINT NOT NULL,
    sources BIGINT NOT NULL
);
INSERT INTO story_counts (story_id, reports, sources)
SELECT rs.story_id, count(*), count(DISTINCT coalesce(p.wire_group, p.id))
FROM report_stories rs JOIN reports p ON p.id = rs.report_id
WHERE rs.story_id IN (SELECT id FROM stories) GROUP BY rs.story_id;
