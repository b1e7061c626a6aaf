-- Flat cost per report (issue 12): the merged events nearest in time to a new event that name
-- none of its terms are read day by day outwards, each day's in order of their least member,
-- from this index; it replaces the one on (family, lo), which it begins with.
CREATE INDEX event_heads_nearest ON event_heads (family, lo, first_id);
DROP INDEX event_heads_window;
