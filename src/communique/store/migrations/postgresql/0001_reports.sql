-- PostgreSQL (the same version numbers as migrations/sqlite).  Text columns compare as bytes
-- (COLLATE "C", as in SQLite), so every ORDER BY gives the order SQLite gives.
-- Reports, what was skipped, and the near-duplicate index for wire copies.
CREATE TABLE reports (
    id TEXT COLLATE "C" PRIMARY KEY,
    source TEXT COLLATE "C" NOT NULL,
    url TEXT COLLATE "C",
    outlet TEXT COLLATE "C",
    title TEXT COLLATE "C",
    published_at TEXT COLLATE "C",
    published_precision TEXT COLLATE "C" NOT NULL DEFAULT 'unknown',
    language TEXT COLLATE "C" NOT NULL,
    text TEXT COLLATE "C" NOT NULL,
    raw BYTEA NOT NULL,
    raw_sha256 TEXT COLLATE "C" NOT NULL,
    content_type TEXT COLLATE "C" NOT NULL,
    encoding TEXT COLLATE "C",
    wire_group TEXT COLLATE "C",
    ingested_at TEXT COLLATE "C" NOT NULL
);
CREATE INDEX reports_wire_group ON reports (wire_group);
CREATE INDEX reports_published_at ON reports (published_at);

CREATE TABLE report_bands (
    band BIGINT NOT NULL,
    hash BIGINT NOT NULL,
    report_id TEXT COLLATE "C" NOT NULL REFERENCES reports (id) ON DELETE CASCADE
);
CREATE INDEX report_bands_key ON report_bands (band, hash);

CREATE TABLE skipped (
    source TEXT COLLATE "C" PRIMARY KEY,
    reason TEXT COLLATE "C" NOT NULL,
    hint TEXT COLLATE "C" NOT NULL DEFAULT '',
    first_seen TEXT COLLATE "C" NOT NULL,
    last_seen TEXT COLLATE "C" NOT NULL,
    times BIGINT NOT NULL DEFAULT 1
);

-- Substring search (SQLiteStore.search: FTS5's trigram tokenizer there): pg_trgm's trigram
-- indexes serve ILIKE '%…%' on the title and the text, Japanese included.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX reports_title_trigrams ON reports USING gin (title gin_trgm_ops);
CREATE INDEX reports_text_trigrams ON reports USING gin (text gin_trgm_ops);
