-- Flat cost per report (issue 12): a new event's candidates are the merged events of its family
-- in the day window naming more of its participants and place first.  Every string a head names
-- (its first member's id, kind and family, its exact days, places and people) is a row here, with
-- the head's family, day range and least member, so the merged events naming a term are read
-- through an index instead of searching every head of the window.  A head with a string that has
-- a quote or backslash in it also has a row with the term '"' (such heads are compared as text).
CREATE TABLE event_head_terms (
    term TEXT NOT NULL,
    merged_id TEXT NOT NULL,
    family TEXT NOT NULL,
    lo INTEGER,
    hi INTEGER,
    first_id TEXT NOT NULL,
    PRIMARY KEY (merged_id, term)
);
CREATE INDEX event_head_terms_term ON event_head_terms (term, family, lo, hi, first_id, merged_id);

-- The head's least member id as a column: the nearest heads in time are ordered by it.
ALTER TABLE event_heads ADD COLUMN first_id TEXT NOT NULL DEFAULT '';
UPDATE event_heads SET first_id = coalesce(json_extract(head, '$.first[0]'), '');

INSERT OR IGNORE INTO event_head_terms (term, merged_id, family, lo, hi, first_id)
SELECT j.value, h.merged_id, h.family, h.lo, h.hi, h.first_id
FROM event_heads h, json_each(h.head, '$.first') j WHERE j.type = 'text'
UNION ALL
SELECT j.key, h.merged_id, h.family, h.lo, h.hi, h.first_id FROM event_heads h, json_each(h.head, '$.days') j
UNION ALL
SELECT j.key, h.merged_id, h.family, h.lo, h.hi, h.first_id FROM event_heads h, json_each(h.head, '$.places') j
UNION ALL
SELECT j.value, h.merged_id, h.family, h.lo, h.hi, h.first_id
FROM event_heads h, json_each(h.head, '$.people') j WHERE j.type = 'text';

INSERT OR IGNORE INTO event_head_terms (term, merged_id, family, lo, hi, first_id)
SELECT DISTINCT '"', merged_id, family, lo, hi, first_id FROM event_head_terms
WHERE instr(term, '"') > 0 OR instr(term, '\') > 0;
