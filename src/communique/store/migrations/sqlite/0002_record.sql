-- The tables extraction and merging fill.  Lists are JSON arrays.
CREATE TABLE actors (
    id TEXT PRIMARY KEY,
    name_en TEXT,
    name_ja TEXT,
    kind TEXT NOT NULL,
    aliases TEXT NOT NULL DEFAULT '[]',
    roles TEXT NOT NULL DEFAULT '[]',
    extractor TEXT NOT NULL DEFAULT ''
);

CREATE TABLE quotes (
    id TEXT PRIMARY KEY,
    report_id TEXT NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
    speaker_id TEXT,
    speaker_text TEXT NOT NULL,
    text TEXT NOT NULL,
    language TEXT NOT NULL,
    direct INTEGER NOT NULL,
    verb TEXT,
    said_on TEXT,
    said_on_precision TEXT NOT NULL,
    hedge TEXT,
    statement_id TEXT,
    extractor TEXT NOT NULL
);
CREATE INDEX quotes_report ON quotes (report_id);
CREATE INDEX quotes_speaker ON quotes (speaker_id);
CREATE INDEX quotes_statement ON quotes (statement_id);

CREATE TABLE events (
    id TEXT PRIMARY KEY,
    report_id TEXT NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    date TEXT,
    date_precision TEXT NOT NULL,
    place TEXT,
    participant_ids TEXT NOT NULL DEFAULT '[]',
    summary TEXT NOT NULL,
    extractor TEXT NOT NULL
);
CREATE INDEX events_report ON events (report_id);

CREATE TABLE proposals (
    id TEXT PRIMARY KEY,
    report_id TEXT NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    author_ids TEXT NOT NULL DEFAULT '[]',
    first_reported TEXT,
    extractor TEXT NOT NULL
);

CREATE TABLE positions (
    id TEXT PRIMARY KEY,
    report_id TEXT NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
    holder_id TEXT NOT NULL,
    target_id TEXT,
    issue TEXT,
    stance TEXT NOT NULL,
    as_of TEXT,
    extractor TEXT NOT NULL
);

CREATE TABLE evidence (
    item_type TEXT NOT NULL,
    item_id TEXT NOT NULL,
    report_id TEXT NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    CHECK (0 <= start AND start <= "end")
);
CREATE INDEX evidence_item ON evidence (item_type, item_id);
CREATE INDEX evidence_report ON evidence (report_id);

CREATE TABLE conflicts (
    id TEXT PRIMARY KEY,
    topic TEXT NOT NULL,
    item_ids TEXT NOT NULL DEFAULT '[]',
    variants TEXT NOT NULL DEFAULT '[]'
);

-- Which extractor versions have run on each report, so re-extraction is incremental.
CREATE TABLE extraction_runs (
    report_id TEXT NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
    extractor TEXT NOT NULL,
    ran_at TEXT NOT NULL,
    PRIMARY KEY (report_id, extractor)
);
