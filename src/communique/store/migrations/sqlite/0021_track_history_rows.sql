-- Flat cost per report (issue 12): a position track (a holder's stance on an issue, in every
-- story) keeps its history in its members' rows, not as a JSON copy rewritten whole each time a
-- member joins; the track row keeps the latest stance, found through this index of members by
-- track, date and id (one look-up however many members the track has).
ALTER TABLE position_tracks DROP COLUMN history;
-- the index below has the old one (track_id) as its prefix
DROP INDEX position_members_track;
CREATE INDEX position_members_track_latest ON position_members (track_id, as_of, position_id);
