-- The tables extraction and merging fill.  Lists are JSON arrays.  The record tables keep their
-- insertion order in rowid (SQLite's implicit one), which the store never returns as a column.
CREATE TABLE actors (
    rowid BIGINT GENERATED ALWAYS AS IDENTITY,
    id TEXT COLLATE "C" PRIMARY KEY,
    name_en TEXT COLLATE "C",
    name_ja TEXT COLLATE "C",
    kind TEXT COLLATE "C" NOT NULL,
    aliases TEXT COLLATE "C" NOT NULL DEFAULT '[]',
    roles TEXT COLLATE "C" NOT NULL DEFAULT '[]',
    extractor TEXT COLLATE "C" NOT NULL DEFAULT ''
);

CREATE TABLE quotes (
    rowid BIGINT GENERATED ALWAYS AS IDENTITY,
    id TEXT COLLATE "C" PRIMARY KEY,
    report_id TEXT COLLATE "C" NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
    speaker_id TEXT COLLATE "C",
    speaker_text TEXT COLLATE "C" NOT NULL,
    text TEXT COLLATE "C" NOT NULL,
    language TEXT COLLATE "C" NOT NULL,
    direct BIGINT NOT NULL,
    verb TEXT COLLATE "C",
    said_on TEXT COLLATE "C",
    said_on_precision TEXT COLLATE "C" NOT NULL,
    hedge TEXT COLLATE "C",
    statement_id TEXT COLLATE "C",
    extractor TEXT COLLATE "C" NOT NULL
);
CREATE INDEX quotes_report ON quotes (report_id);
CREATE INDEX quotes_speaker ON quotes (speaker_id);
CREATE INDEX quotes_statement ON quotes (statement_id);

CREATE TABLE events (
    rowid BIGINT GENERATED ALWAYS AS IDENTITY,
    id TEXT COLLATE "C" PRIMARY KEY,
    report_id TEXT COLLATE "C" NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
    kind TEXT COLLATE "C" NOT NULL,
    date TEXT COLLATE "C",
    date_precision TEXT COLLATE "C" NOT NULL,
    place TEXT COLLATE "C",
    participant_ids TEXT COLLATE "C" NOT NULL DEFAULT '[]',
    summary TEXT COLLATE "C" NOT NULL,
    extractor TEXT COLLATE "C" NOT NULL
);
CREATE INDEX events_report ON events (report_id);

CREATE TABLE proposals (
    rowid BIGINT GENERATED ALWAYS AS IDENTITY,
    id TEXT COLLATE "C" PRIMARY KEY,
    report_id TEXT COLLATE "C" NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
    name TEXT COLLATE "C" NOT NULL,
    author_ids TEXT COLLATE "C" NOT NULL DEFAULT '[]',
    first_reported TEXT COLLATE "C",
    extractor TEXT COLLATE "C" NOT NULL
);

CREATE TABLE positions (
    rowid BIGINT GENERATED ALWAYS AS IDENTITY,
    id TEXT COLLATE "C" PRIMARY KEY,
    report_id TEXT COLLATE "C" NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
    holder_id TEXT COLLATE "C" NOT NULL,
    target_id TEXT COLLATE "C",
    issue TEXT COLLATE "C",
    stance TEXT COLLATE "C" NOT NULL,
    as_of TEXT COLLATE "C",
    extractor TEXT COLLATE "C" NOT NULL
);

CREATE TABLE evidence (
    item_type TEXT COLLATE "C" NOT NULL,
    item_id TEXT COLLATE "C" NOT NULL,
    report_id TEXT COLLATE "C" NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
    start BIGINT NOT NULL,
    "end" BIGINT NOT NULL,
    CHECK (0 <= start AND start <= "end")
);
CREATE INDEX evidence_item ON evidence (item_type, item_id);
CREATE INDEX evidence_report ON evidence (report_id);

CREATE TABLE conflicts (
    rowid BIGINT GENERATED ALWAYS AS IDENTITY,
    id TEXT COLLATE "C" PRIMARY KEY,
    topic TEXT COLLATE "C" NOT NULL,
    item_ids TEXT COLLATE "C" NOT NULL DEFAULT '[]',
    variants TEXT COLLATE "C" NOT NULL DEFAULT '[]'
);

-- Which extractor versions have run on each report, so re-extraction is incremental.
CREATE TABLE extraction_runs (
    report_id TEXT COLLATE "C" NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
    extractor TEXT COLLATE "C" NOT NULL,
    ran_at TEXT COLLATE "C" NOT NULL,
    PRIMARY KEY (report_id, extractor)
);
