-- Reports, what was skipped, and the near-duplicate index for wire copies.
CREATE TABLE reports (
    id TEXT PRIMARY KEY,
    source TEXT NOT NULL,
    url TEXT,
    outlet TEXT,
    title TEXT,
    published_at TEXT,
    published_precision TEXT NOT NULL DEFAULT 'unknown',
    language TEXT NOT NULL,
    text TEXT NOT NULL,
    raw BLOB NOT NULL,
    raw_sha256 TEXT NOT NULL,
    content_type TEXT NOT NULL,
    encoding TEXT,
    wire_group TEXT,
    ingested_at TEXT NOT NULL
);
CREATE INDEX reports_wire_group ON reports (wire_group);
CREATE INDEX reports_published_at ON reports (published_at);

CREATE TABLE report_bands (
    band INTEGER NOT NULL,
    hash INTEGER NOT NULL,
    report_id TEXT NOT NULL REFERENCES reports (id) ON DELETE CASCADE
);
CREATE INDEX report_bands_key ON report_bands (band, hash);

CREATE TABLE skipped (
    source TEXT PRIMARY KEY,
    reason TEXT NOT NULL,
    hint TEXT NOT NULL DEFAULT '',
    first_seen TEXT NOT NULL,
    last_seen TEXT NOT NULL,
    times INTEGER NOT NULL DEFAULT 1
);

CREATE VIRTUAL TABLE reports_fts USING fts5 (
    title, text, content = 'reports', content_rowid = 'rowid', tokenize = 'trigram'
);
CREATE TRIGGER reports_fts_insert AFTER INSERT ON reports BEGIN
    INSERT INTO reports_fts (rowid, title, text) VALUES (new.rowid, coalesce(new.title, ''), new.text);
END;
CREATE TRIGGER reports_fts_delete AFTER DELETE ON reports BEGIN
    INSERT INTO reports_fts (reports_fts, rowid, title, text)
    VALUES ('delete', old.rowid, coalesce(old.title, ''), old.text);
END;
