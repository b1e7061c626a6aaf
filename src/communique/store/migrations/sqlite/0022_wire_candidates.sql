-- Flat cost per report (issue 12): the stored reports that share LSH bands with a new one (its
-- possible wire copies, up to 400 of them) are read with their wire group, address and outlet
-- from this index alone.  Read from the table, each one walked its row past the text and the raw
-- bytes to the wire group (two or three overflow pages a report): a thousand pages per new report,
-- which also pushed the pages merging needs out of the page cache.
CREATE INDEX reports_wire_candidates ON reports (id, wire_group, url, outlet);
