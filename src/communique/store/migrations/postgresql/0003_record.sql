-- The merged record: statements, merged events, proposals, position tracks, stories,
-- with the index entries (members) that make merging one new report cheap.
-- Days are proleptic ordinals (date.toordinal()); lists are JSON arrays.
CREATE TABLE merge_runs (
    report_id TEXT COLLATE "C" PRIMARY KEY REFERENCES reports (id) ON DELETE CASCADE,
    merged_at TEXT COLLATE "C" NOT NULL
);

CREATE TABLE merged_actors (
    id TEXT COLLATE "C" PRIMARY KEY,
    name_en TEXT COLLATE "C",
    name_ja TEXT COLLATE "C",
    kind TEXT COLLATE "C" NOT NULL,
    aliases TEXT COLLATE "C" NOT NULL DEFAULT '[]',
    roles TEXT COLLATE "C" NOT NULL DEFAULT '[]',
    member_ids TEXT COLLATE "C" NOT NULL DEFAULT '[]'
);

CREATE TABLE statements (
    id TEXT COLLATE "C" PRIMARY KEY,
    speaker_id TEXT COLLATE "C",
    said_on TEXT COLLATE "C",
    said_on_precision TEXT COLLATE "C" NOT NULL,
    sources BIGINT NOT NULL,
    report_ids TEXT COLLATE "C" NOT NULL DEFAULT '[]'
);
CREATE INDEX statements_speaker ON statements (speaker_id, said_on);

CREATE TABLE statement_members (
    quote_id TEXT COLLATE "C" PRIMARY KEY,
    statement_id TEXT COLLATE "C" NOT NULL,
    report_id TEXT COLLATE "C" NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
    speaker_id TEXT COLLATE "C" NOT NULL,
    lo BIGINT,
    hi BIGINT,
    exact BIGINT NOT NULL,
    said_on TEXT COLLATE "C",
    said_on_precision TEXT COLLATE "C" NOT NULL,
    language TEXT COLLATE "C" NOT NULL,
    text TEXT COLLATE "C" NOT NULL,
    direct BIGINT NOT NULL,
    start BIGINT NOT NULL,
    "end" BIGINT NOT NULL,
    attached BIGINT NOT NULL DEFAULT 0
);
CREATE INDEX statement_members_lookup ON statement_members (speaker_id, lo);
CREATE INDEX statement_members_statement ON statement_members (statement_id);
CREATE INDEX statement_members_report ON statement_members (report_id);

CREATE TABLE merged_events (
    id TEXT COLLATE "C" PRIMARY KEY,
    kind TEXT COLLATE "C" NOT NULL,
    date TEXT COLLATE "C",
    date_precision TEXT COLLATE "C" NOT NULL,
    place TEXT COLLATE "C",
    participant_ids TEXT COLLATE "C" NOT NULL DEFAULT '[]',
    summary TEXT COLLATE "C" NOT NULL,
    member_ids TEXT COLLATE "C" NOT NULL DEFAULT '[]',
    sources BIGINT NOT NULL,
    all_participant_ids TEXT COLLATE "C" NOT NULL DEFAULT '[]'
);
CREATE INDEX merged_events_date ON merged_events (date);

CREATE TABLE event_members (
    event_id TEXT COLLATE "C" PRIMARY KEY,
    merged_id TEXT COLLATE "C" NOT NULL,
    report_id TEXT COLLATE "C" NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
    kind TEXT COLLATE "C" NOT NULL,
    family TEXT COLLATE "C" NOT NULL,
    lo BIGINT,
    hi BIGINT,
    exact BIGINT NOT NULL,
    date TEXT COLLATE "C",
    date_precision TEXT COLLATE "C" NOT NULL,
    place TEXT COLLATE "C",
    place_key TEXT COLLATE "C",
    participant_ids TEXT COLLATE "C" NOT NULL DEFAULT '[]',
    summary TEXT COLLATE "C" NOT NULL
);
CREATE INDEX event_members_lookup ON event_members (family, lo);
CREATE INDEX event_members_merged ON event_members (merged_id);
CREATE INDEX event_members_report ON event_members (report_id);

-- What reports say about an item's attributes (a meeting's length, a plan's points).
CREATE TABLE claims (
    item_id TEXT COLLATE "C" NOT NULL,
    attribute TEXT COLLATE "C" NOT NULL,
    value TEXT COLLATE "C" NOT NULL,
    norm TEXT COLLATE "C" NOT NULL,
    report_id TEXT COLLATE "C" NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
    start BIGINT NOT NULL,
    "end" BIGINT NOT NULL
);
CREATE INDEX claims_item ON claims (item_id);
CREATE INDEX claims_report ON claims (report_id);

CREATE TABLE merged_proposals (
    id TEXT COLLATE "C" PRIMARY KEY,
    name TEXT COLLATE "C" NOT NULL,
    author_ids TEXT COLLATE "C" NOT NULL DEFAULT '[]',
    first_reported TEXT COLLATE "C",
    versions TEXT COLLATE "C" NOT NULL DEFAULT '[]',
    member_ids TEXT COLLATE "C" NOT NULL DEFAULT '[]',
    sources BIGINT NOT NULL
);

CREATE TABLE proposal_members (
    proposal_id TEXT COLLATE "C" PRIMARY KEY,
    merged_id TEXT COLLATE "C" NOT NULL,
    report_id TEXT COLLATE "C" NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
    key TEXT COLLATE "C" NOT NULL,
    name TEXT COLLATE "C" NOT NULL,
    author_ids TEXT COLLATE "C" NOT NULL DEFAULT '[]',
    first_reported TEXT COLLATE "C"
);
CREATE INDEX proposal_members_key ON proposal_members (key);
CREATE INDEX proposal_members_merged ON proposal_members (merged_id);
CREATE INDEX proposal_members_report ON proposal_members (report_id);

-- Positions over time: the latest stance per holder and target, with the history.
CREATE TABLE position_tracks (
    id TEXT COLLATE "C" PRIMARY KEY,
    holder_id TEXT COLLATE "C" NOT NULL,
    target TEXT COLLATE "C" NOT NULL,
    stance TEXT COLLATE "C" NOT NULL,
    as_of TEXT COLLATE "C",
    history TEXT COLLATE "C" NOT NULL DEFAULT '[]',
    sources BIGINT NOT NULL
);
CREATE INDEX position_tracks_holder ON position_tracks (holder_id, target);

CREATE TABLE position_members (
    position_id TEXT COLLATE "C" PRIMARY KEY,
    track_id TEXT COLLATE "C" NOT NULL,
    report_id TEXT COLLATE "C" NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
    holder_id TEXT COLLATE "C" NOT NULL,
    target TEXT COLLATE "C" NOT NULL,
    stance TEXT COLLATE "C" NOT NULL,
    as_of TEXT COLLATE "C"
);
CREATE INDEX position_members_track ON position_members (track_id);
CREATE INDEX position_members_report ON position_members (report_id);

CREATE TABLE stories (
    id TEXT COLLATE "C" PRIMARY KEY,
    name TEXT COLLATE "C" NOT NULL,
    keywords TEXT COLLATE "C" NOT NULL DEFAULT '[]',
    first_day BIGINT,
    last_day BIGINT,
    actor_counts TEXT COLLATE "C" NOT NULL DEFAULT '{}',
    keyword_counts TEXT COLLATE "C" NOT NULL DEFAULT '{}',
    size BIGINT NOT NULL
);
CREATE INDEX stories_last_day ON stories (last_day);

CREATE TABLE report_stories (
    report_id TEXT COLLATE "C" PRIMARY KEY REFERENCES reports (id) ON DELETE CASCADE,
    story_id TEXT COLLATE "C" NOT NULL
);
CREATE INDEX report_stories_story ON report_stories (story_id);

-- Which merged item each conflict is about, so a re-merge replaces exactly its conflicts.
CREATE TABLE conflict_items (
    conflict_id TEXT COLLATE "C" PRIMARY KEY,
    item_id TEXT COLLATE "C" NOT NULL,
    attribute TEXT COLLATE "C" NOT NULL
);
CREATE INDEX conflict_items_item ON conflict_items (item_id);

-- Sentence-encoder vectors by normalized-text hash, so a wording is encoded once.
CREATE TABLE embeddings (
    key TEXT COLLATE "C" NOT NULL,
    model TEXT COLLATE "C" NOT NULL,
    vector BYTEA NOT NULL,
    PRIMARY KEY (key, model)
);

-- Actors ("a:<id>") and keywords ("k:<word>") of each story, to find a new report's candidates.
CREATE TABLE story_terms (
    term TEXT COLLATE "C" NOT NULL,
    story_id TEXT COLLATE "C" NOT NULL,
    PRIMARY KEY (term, story_id)
);
