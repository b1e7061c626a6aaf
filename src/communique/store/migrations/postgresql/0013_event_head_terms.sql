-- Flat cost per report (issue 12): a new event's candidates are the merged events of its family
-- in the day window naming more of its participants and place first.  Every string a head names
-- (its first member's id, kind and family, its exact days, places and people) is a row here, with
-- the head's family, day range and least member, so the merged events naming a term are read
-- through an index instead of searching every head of the window.  A head with a string that has
-- a quote or backslash in it also has a row with the term '"' (such heads are compared as text).
CREATE TABLE event_head_terms (
    term TEXT COLLATE "C" NOT NULL,
    merged_id TEXT COLLATE "C" NOT NULL,
    family TEXT COLLATE "C" NOT NULL,
    lo BIGINT,
    hi BIGINT,
    first_id TEXT COLLATE "C" NOT NULL,
    PRIMARY KEY (merged_id, term)
);
CREATE INDEX event_head_terms_term ON event_head_terms (term, family, lo, hi, first_id, merged_id);

-- The head's least member id as a column: the nearest heads in time are ordered by it.
ALTER TABLE event_heads ADD COLUMN first_id TEXT COLLATE "C" NOT NULL DEFAULT '';
UPDATE event_heads SET first_id = coalesce(head::jsonb -> 'first' ->> 0, '');

INSERT INTO event_head_terms (term, merged_id, family, lo, hi, first_id)
SELECT DISTINCT t.term, t.merged_id, t.family, t.lo, t.hi, t.first_id FROM (
    SELECT j.value AS term, h.merged_id, h.family, h.lo, h.hi, h.first_id
    FROM event_heads h, jsonb_array_elements_text(CASE WHEN jsonb_typeof(h.head::jsonb -> 'first') = 'array'
        THEN h.head::jsonb -> 'first' ELSE '[]'::jsonb END) j
    UNION ALL
    SELECT j.key, h.merged_id, h.family, h.lo, h.hi, h.first_id
    FROM event_heads h, jsonb_each(h.head::jsonb -> 'days') j
    UNION ALL
    SELECT j.key, h.merged_id, h.family, h.lo, h.hi, h.first_id
    FROM event_heads h, jsonb_each(h.head::jsonb -> 'places') j
    UNION ALL
    SELECT j.value, h.merged_id, h.family, h.lo, h.hi, h.first_id
    FROM event_heads h, jsonb_array_elements_text(h.head::jsonb -> 'people') j
) t;

INSERT INTO event_head_terms (term, merged_id, family, lo, hi, first_id)
SELECT DISTINCT '"', merged_id, family, lo, hi, first_id FROM event_head_terms
WHERE strpos(term, '"') > 0 OR strpos(term, '\') > 0;
