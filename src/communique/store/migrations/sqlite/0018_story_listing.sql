-- Listing the stories at size (issue 12): a story's independent sources are its reports counted
-- once per wire group.  A report's wire group is stored after its text and raw bytes, so reading
-- it from the table reads every report whole; this index holds it beside the report id, and the
-- listing (store/merged.py: story_rows) counts every story's reports and sources from the index
-- alone, in one query.
CREATE INDEX reports_id_wire_group ON reports (id, wire_group);
