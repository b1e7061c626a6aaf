-- Flat cost per report (issue 12): the stored reports that share LSH bands with a new one (its
-- possible wire copies, up to 400 of them) are read with their wire group, address and outlet
-- from this index alone (an index-only scan), not from the rows that hold the reports' texts.
CREATE INDEX reports_wire_candidates ON reports (id, wire_group, url, outlet);
