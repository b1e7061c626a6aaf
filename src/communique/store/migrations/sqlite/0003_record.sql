-- The merged record: statements, merged events, proposals, position tracks, stories,
-- with the index entries (members) that make merging one new report cheap.
-- Days are proleptic ordinals (date.toordinal()); lists are JSON arrays.
CREATE TABLE merge_runs (
    report_id TEXT PRIMARY KEY REFERENCES reports (id) ON DELETE CASCADE,
    merged_at TEXT NOT NULL
);

CREATE TABLE merged_actors (
    id TEXT PRIMARY KEY,
    name_en TEXT,
    name_ja TEXT,
    kind TEXT NOT NULL,
    aliases TEXT NOT NULL DEFAULT '[]',
    roles TEXT NOT NULL DEFAULT '[]',
    member_ids TEXT NOT NULL DEFAULT '[]'
);

CREATE TABLE statements (
    id TEXT PRIMARY KEY,
    speaker_id TEXT,
    said_on TEXT,
    said_on_precision TEXT NOT NULL,
    sources INTEGER NOT NULL,
    report_ids TEXT NOT NULL DEFAULT '[]'
);
CREATE INDEX statements_speaker ON statements (speaker_id, said_on);

CREATE TABLE statement_members (
    quote_id TEXT PRIMARY KEY,
    statement_id TEXT NOT NULL,
    report_id TEXT NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
    speaker_id TEXT NOT NULL,
    lo INTEGER,
    hi INTEGER,
    exact INTEGER NOT NULL,
    said_on TEXT,
    said_on_precision TEXT NOT NULL,
    language TEXT NOT NULL,
    text TEXT NOT NULL,
    direct INTEGER NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    attached INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX statement_members_lookup ON statement_members (speaker_id, lo);
CREATE INDEX statement_members_statement ON statement_members (statement_id);
CREATE INDEX statement_members_report ON statement_members (report_id);

CREATE TABLE merged_events (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    date TEXT,
    date_precision TEXT NOT NULL,
    place TEXT,
    participant_ids TEXT NOT NULL DEFAULT '[]',
    summary TEXT NOT NULL,
    member_ids TEXT NOT NULL DEFAULT '[]',
    sources INTEGER NOT NULL,
    all_participant_ids TEXT NOT NULL DEFAULT '[]'
);
CREATE INDEX merged_events_date ON merged_events (date);

CREATE TABLE event_members (
    event_id TEXT PRIMARY KEY,
    merged_id TEXT NOT NULL,
    report_id TEXT NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    family TEXT NOT NULL,
    lo INTEGER,
    hi INTEGER,
    exact INTEGER NOT NULL,
    date TEXT,
    date_precision TEXT NOT NULL,
    place TEXT,
    place_key TEXT,
    participant_ids TEXT NOT NULL DEFAULT '[]',
    summary TEXT NOT NULL
);
CREATE INDEX event_members_lookup ON event_members (family, lo);
CREATE INDEX event_members_merged ON event_members (merged_id);
CREATE INDEX event_members_report ON event_members (report_id);

-- What reports say about an item's attributes (a meeting's length, a plan's points).
CREATE TABLE claims (
    item_id TEXT NOT NULL,
    attribute TEXT NOT NULL,
    value TEXT NOT NULL,
    norm TEXT NOT NULL,
    report_id TEXT NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL
);
CREATE INDEX claims_item ON claims (item_id);
CREATE INDEX claims_report ON claims (report_id);

CREATE TABLE merged_proposals (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    author_ids TEXT NOT NULL DEFAULT '[]',
    first_reported TEXT,
    versions TEXT NOT NULL DEFAULT '[]',
    member_ids TEXT NOT NULL DEFAULT '[]',
    sources INTEGER NOT NULL
);

CREATE TABLE proposal_members (
    proposal_id TEXT PRIMARY KEY,
    merged_id TEXT NOT NULL,
    report_id TEXT NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
    key TEXT NOT NULL,
    name TEXT NOT NULL,
    author_ids TEXT NOT NULL DEFAULT '[]',
    first_reported TEXT
);
CREATE INDEX proposal_members_key ON proposal_members (key);
CREATE INDEX proposal_members_merged ON proposal_members (merged_id);
CREATE INDEX proposal_members_report ON proposal_members (report_id);

-- Positions over time: the latest stance per holder and target, with the history.
CREATE TABLE position_tracks (
    id TEXT PRIMARY KEY,
    holder_id TEXT NOT NULL,
    target TEXT NOT NULL,
    stance TEXT NOT NULL,
    as_of TEXT,
    history TEXT NOT NULL DEFAULT '[]',
    sources INTEGER NOT NULL
);
CREATE INDEX position_tracks_holder ON position_tracks (holder_id, target);

CREATE TABLE position_members (
    position_id TEXT PRIMARY KEY,
    track_id TEXT NOT NULL,
    report_id TEXT NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
    holder_id TEXT NOT NULL,
    target TEXT NOT NULL,
    stance TEXT NOT NULL,
    as_of TEXT
);
CREATE INDEX position_members_track ON position_members (track_id);
CREATE INDEX position_members_report ON position_members (report_id);

CREATE TABLE stories (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    keywords TEXT NOT NULL DEFAULT '[]',
    first_day INTEGER,
    last_day INTEGER,
    actor_counts TEXT NOT NULL DEFAULT '{}',
    keyword_counts TEXT NOT NULL DEFAULT '{}',
    size INTEGER NOT NULL
);
CREATE INDEX stories_last_day ON stories (last_day);

CREATE TABLE report_stories (
    report_id TEXT PRIMARY KEY REFERENCES reports (id) ON DELETE CASCADE,
    story_id TEXT NOT NULL
);
CREATE INDEX report_stories_story ON report_stories (story_id);

-- Which merged item each conflict is about, so a re-merge replaces exactly its conflicts.
CREATE TABLE conflict_items (
    conflict_id TEXT PRIMARY KEY,
    item_id TEXT NOT NULL,
    attribute TEXT NOT NULL
);
CREATE INDEX conflict_items_item ON conflict_items (item_id);

-- Sentence-encoder vectors by normalized-text hash, so a wording is encoded once.
CREATE TABLE embeddings (
    key TEXT NOT NULL,
    model TEXT NOT NULL,
    vector BLOB NOT NULL,
    PRIMARY KEY (key, model)
);

-- Actors ("a:<id>") and keywords ("k:<word>") of each story, to find a new report's candidates.
CREATE TABLE story_terms (
    term TEXT NOT NULL,
    story_id TEXT NOT NULL,
    PRIMARY KEY (term, story_id)
);
