-- Flat cost per report (issue 12): a report that joins a wire group names the group by its least
-- report id.  Read through this index, that least id is one look-up (min(id) of the group's
-- entries), not every member of a group that grows with the store (the copies of an agency story
-- republished report after report).
CREATE INDEX reports_wire_group_id ON reports (wire_group, id);
