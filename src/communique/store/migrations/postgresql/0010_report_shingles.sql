-- Wire copies at a flat cost per report (issue 12): each report's word shingles, hashed once when
-- it is stored (sorted distinct 64-bit hashes, 8 bytes each, little-endian), so a new report is
-- compared with its candidates without re-reading and re-shingling their texts.  Reports stored
-- before this migration have no row: their texts are shingled when they are candidates.
CREATE TABLE report_shingles (
    report_id TEXT COLLATE "C" PRIMARY KEY REFERENCES reports (id) ON DELETE CASCADE,
    hashes BYTEA NOT NULL
);
