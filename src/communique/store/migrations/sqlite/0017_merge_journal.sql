-- The same record in any order (issue 12): the merge journal.  Reports are merged in a canonical
-- order (publication time, then id).  A report that arrives after later ones were merged takes the
-- record back to where it belongs (communique/store/journal.py): every change merging made since
-- is undone from this journal, newest first, then the report and the later ones are merged again
-- in order.  The journal keeps, for each row of the tables merging decides from, what an insert,
-- update or delete changed (the key of the new row, the whole old row, as JSON); the tables
-- merging only writes for readers (statements, merged events, conflicts ...) are recomputed from
-- their members instead.  merge_points says where in the journal each report's merge began;
-- merge_journal_state switches the journal off (a rebuild) and holds the oldest report the
-- journal still reaches back to (floor): older ones are merged as they come.
-- A column added to a journaled table must be added to its triggers here (tests/store check it).

CREATE TABLE merge_journal (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    tbl TEXT NOT NULL,
    op TEXT NOT NULL,
    key TEXT,
    old TEXT
);

CREATE TABLE merge_points (
    report_id TEXT PRIMARY KEY,
    published TEXT NOT NULL,
    seq INTEGER NOT NULL
);
CREATE INDEX merge_points_key ON merge_points (published, report_id);

CREATE TABLE merge_journal_state (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    journal INTEGER NOT NULL,
    floor_published TEXT,
    floor_id TEXT
);
-- reports merged before the journal existed: the journal reaches back to the newest of them
INSERT INTO merge_journal_state (id, journal, floor_published, floor_id)
SELECT 1, 1, (SELECT coalesce(p.published_at, '~') FROM merge_runs m JOIN reports p ON p.id = m.report_id
              ORDER BY coalesce(p.published_at, '~') DESC, p.id DESC LIMIT 1),
             (SELECT p.id FROM merge_runs m JOIN reports p ON p.id = m.report_id
              ORDER BY coalesce(p.published_at, '~') DESC, p.id DESC LIMIT 1);

CREATE TRIGGER merge_journal_merged_actors_i AFTER INSERT ON merged_actors WHEN (SELECT journal FROM merge_journal_state) BEGIN
    INSERT INTO merge_journal (tbl, op, key, old) VALUES ('merged_actors', 'i', json_array(NEW.id), NULL);
END;
CREATE TRIGGER merge_journal_merged_actors_u AFTER UPDATE ON merged_actors WHEN (SELECT journal FROM merge_journal_state) BEGIN
    INSERT INTO merge_journal (tbl, op, key, old) VALUES ('merged_actors', 'u', json_array(NEW.id),
        json_object('id', OLD.id, 'name_en', OLD.name_en, 'name_ja', OLD.name_ja, 'kind', OLD.kind, 'aliases', OLD.aliases, 'roles', OLD.roles, 'member_ids', OLD.member_ids, 'mentions', OLD.mentions));
END;
CREATE TRIGGER merge_journal_merged_actors_d AFTER DELETE ON merged_actors WHEN (SELECT journal FROM merge_journal_state) BEGIN
    INSERT INTO merge_journal (tbl, op, key, old) VALUES ('merged_actors', 'd', NULL,
        json_object('id', OLD.id, 'name_en', OLD.name_en, 'name_ja', OLD.name_ja, 'kind', OLD.kind, 'aliases', OLD.aliases, 'roles', OLD.roles, 'member_ids', OLD.member_ids, 'mentions', OLD.mentions));
END;
CREATE TRIGGER merge_journal_statement_members_i AFTER INSERT ON statement_members WHEN (SELECT journal FROM merge_journal_state) BEGIN
    INSERT INTO merge_journal (tbl, op, key, old) VALUES ('statement_members', 'i', json_array(NEW.quote_id), NULL);
END;
CREATE TRIGGER merge_journal_statement_members_u AFTER UPDATE ON statement_members WHEN (SELECT journal FROM merge_journal_state) BEGIN
    INSERT INTO merge_journal (tbl, op, key, old) VALUES ('statement_members', 'u', json_array(NEW.quote_id),
        json_object('quote_id', OLD.quote_id, 'statement_id', OLD.statement_id, 'report_id', OLD.report_id, 'speaker_id', OLD.speaker_id, 'lo', OLD.lo, 'hi', OLD.hi, 'exact', OLD.exact, 'said_on', OLD.said_on, 'said_on_precision', OLD.said_on_precision, 'language', OLD.language, 'text', OLD.text, 'direct', OLD.direct, 'start', OLD.start, 'end', OLD."end", 'attached', OLD.attached, 'text_key', OLD.text_key, 'rep', OLD.rep));
END;
CREATE TRIGGER merge_journal_statement_members_d AFTER DELETE ON statement_members WHEN (SELECT journal FROM merge_journal_state) BEGIN
    INSERT INTO merge_journal (tbl, op, key, old) VALUES ('statement_members', 'd', NULL,
        json_object('quote_id', OLD.quote_id, 'statement_id', OLD.statement_id, 'report_id', OLD.report_id, 'speaker_id', OLD.speaker_id, 'lo', OLD.lo, 'hi', OLD.hi, 'exact', OLD.exact, 'said_on', OLD.said_on, 'said_on_precision', OLD.said_on_precision, 'language', OLD.language, 'text', OLD.text, 'direct', OLD.direct, 'start', OLD.start, 'end', OLD."end", 'attached', OLD.attached, 'text_key', OLD.text_key, 'rep', OLD.rep));
END;
CREATE TRIGGER merge_journal_quote_bands_i AFTER INSERT ON quote_bands WHEN (SELECT journal FROM merge_journal_state) BEGIN
    INSERT INTO merge_journal (tbl, op, key, old) VALUES ('quote_bands', 'i', json_array(NEW.band, NEW.quote_id), NULL);
END;
CREATE TRIGGER merge_journal_quote_bands_u AFTER UPDATE ON quote_bands WHEN (SELECT journal FROM merge_journal_state) BEGIN
    INSERT INTO merge_journal (tbl, op, key, old) VALUES ('quote_bands', 'u', json_array(NEW.band, NEW.quote_id),
        json_object('band', OLD.band, 'quote_id', OLD.quote_id));
END;
CREATE TRIGGER merge_journal_quote_bands_d AFTER DELETE ON quote_bands WHEN (SELECT journal FROM merge_journal_state) BEGIN
    INSERT INTO merge_journal (tbl, op, key, old) VALUES ('quote_bands', 'd', NULL,
        json_object('band', OLD.band, 'quote_id', OLD.quote_id));
END;
CREATE TRIGGER merge_journal_claims_i AFTER INSERT ON claims WHEN (SELECT journal FROM merge_journal_state) BEGIN
    INSERT INTO merge_journal (tbl, op, key, old) VALUES ('claims', 'i', json_array(NEW.item_id, NEW.attribute, NEW.value, NEW.norm, NEW.report_id, NEW.start, NEW."end"), NULL);
END;
CREATE TRIGGER merge_journal_claims_u AFTER UPDATE ON claims WHEN (SELECT journal FROM merge_journal_state) BEGIN
    INSERT INTO merge_journal (tbl, op, key, old) VALUES ('claims', 'u', json_array(NEW.item_id, NEW.attribute, NEW.value, NEW.norm, NEW.report_id, NEW.start, NEW."end"),
        json_object('item_id', OLD.item_id, 'attribute', OLD.attribute, 'value', OLD.value, 'norm', OLD.norm, 'report_id', OLD.report_id, 'start', OLD.start, 'end', OLD."end"));
END;
CREATE TRIGGER merge_journal_claims_d AFTER DELETE ON claims WHEN (SELECT journal FROM merge_journal_state) BEGIN
    INSERT INTO merge_journal (tbl, op, key, old) VALUES ('claims', 'd', NULL,
        json_object('item_id', OLD.item_id, 'attribute', OLD.attribute, 'value', OLD.value, 'norm', OLD.norm, 'report_id', OLD.report_id, 'start', OLD.start, 'end', OLD."end"));
END;
CREATE TRIGGER merge_journal_event_members_i AFTER INSERT ON event_members WHEN (SELECT journal FROM merge_journal_state) BEGIN
    INSERT INTO merge_journal (tbl, op, key, old) VALUES ('event_members', 'i', json_array(NEW.event_id), NULL);
END;
CREATE TRIGGER merge_journal_event_members_u AFTER UPDATE ON event_members WHEN (SELECT journal FROM merge_journal_state) BEGIN
    INSERT INTO merge_journal (tbl, op, key, old) VALUES ('event_members', 'u', json_array(NEW.event_id),
        json_object('event_id', OLD.event_id, 'merged_id', OLD.merged_id, 'report_id', OLD.report_id, 'kind', OLD.kind, 'family', OLD.family, 'lo', OLD.lo, 'hi', OLD.hi, 'exact', OLD.exact, 'date', OLD.date, 'date_precision', OLD.date_precision, 'place', OLD.place, 'place_key', OLD.place_key, 'participant_ids', OLD.participant_ids, 'summary', OLD.summary));
END;
CREATE TRIGGER merge_journal_event_members_d AFTER DELETE ON event_members WHEN (SELECT journal FROM merge_journal_state) BEGIN
    INSERT INTO merge_journal (tbl, op, key, old) VALUES ('event_members', 'd', NULL,
        json_object('event_id', OLD.event_id, 'merged_id', OLD.merged_id, 'report_id', OLD.report_id, 'kind', OLD.kind, 'family', OLD.family, 'lo', OLD.lo, 'hi', OLD.hi, 'exact', OLD.exact, 'date', OLD.date, 'date_precision', OLD.date_precision, 'place', OLD.place, 'place_key', OLD.place_key, 'participant_ids', OLD.participant_ids, 'summary', OLD.summary));
END;
CREATE TRIGGER merge_journal_event_heads_i AFTER INSERT ON event_heads WHEN (SELECT journal FROM merge_journal_state) BEGIN
    INSERT INTO merge_journal (tbl, op, key, old) VALUES ('event_heads', 'i', json_array(NEW.merged_id), NULL);
END;
CREATE TRIGGER merge_journal_event_heads_u AFTER UPDATE ON event_heads WHEN (SELECT journal FROM merge_journal_state) BEGIN
    INSERT INTO merge_journal (tbl, op, key, old) VALUES ('event_heads', 'u', json_array(NEW.merged_id),
        json_object('merged_id', OLD.merged_id, 'family', OLD.family, 'lo', OLD.lo, 'hi', OLD.hi, 'head', OLD.head, 'first_id', OLD.first_id));
END;
CREATE TRIGGER merge_journal_event_heads_d AFTER DELETE ON event_heads WHEN (SELECT journal FROM merge_journal_state) BEGIN
    INSERT INTO merge_journal (tbl, op, key, old) VALUES ('event_heads', 'd', NULL,
        json_object('merged_id', OLD.merged_id, 'family', OLD.family, 'lo', OLD.lo, 'hi', OLD.hi, 'head', OLD.head, 'first_id', OLD.first_id));
END;
CREATE TRIGGER merge_journal_event_head_terms_i AFTER INSERT ON event_head_terms WHEN (SELECT journal FROM merge_journal_state) BEGIN
    INSERT INTO merge_journal (tbl, op, key, old) VALUES ('event_head_terms', 'i', json_array(NEW.merged_id, NEW.term), NULL);
END;
CREATE TRIGGER merge_journal_event_head_terms_u AFTER UPDATE ON event_head_terms WHEN (SELECT journal FROM merge_journal_state) BEGIN
    INSERT INTO merge_journal (tbl, op, key, old) VALUES ('event_head_terms', 'u', json_array(NEW.merged_id, NEW.term),
        json_object('term', OLD.term, 'merged_id', OLD.merged_id, 'family', OLD.family, 'lo', OLD.lo, 'hi', OLD.hi, 'first_id', OLD.first_id));
END;
CREATE TRIGGER merge_journal_event_head_terms_d AFTER DELETE ON event_head_terms WHEN (SELECT journal FROM merge_journal_state) BEGIN
    INSERT INTO merge_journal (tbl, op, key, old) VALUES ('event_head_terms', 'd', NULL,
        json_object('term', OLD.term, 'merged_id', OLD.merged_id, 'family', OLD.family, 'lo', OLD.lo, 'hi', OLD.hi, 'first_id', OLD.first_id));
END;
CREATE TRIGGER merge_journal_proposal_members_i AFTER INSERT ON proposal_members WHEN (SELECT journal FROM merge_journal_state) BEGIN
    INSERT INTO merge_journal (tbl, op, key, old) VALUES ('proposal_members', 'i', json_array(NEW.proposal_id), NULL);
END;
CREATE TRIGGER merge_journal_proposal_members_u AFTER UPDATE ON proposal_members WHEN (SELECT journal FROM merge_journal_state) BEGIN
    INSERT INTO merge_journal (tbl, op, key, old) VALUES ('proposal_members', 'u', json_array(NEW.proposal_id),
        json_object('proposal_id', OLD.proposal_id, 'merged_id', OLD.merged_id, 'report_id', OLD.report_id, 'key', OLD.key, 'name', OLD.name, 'author_ids', OLD.author_ids, 'first_reported', OLD.first_reported));
END;
CREATE TRIGGER merge_journal_proposal_members_d AFTER DELETE ON proposal_members WHEN (SELECT journal FROM merge_journal_state) BEGIN
    INSERT INTO merge_journal (tbl, op, key, old) VALUES ('proposal_members', 'd', NULL,
        json_object('proposal_id', OLD.proposal_id, 'merged_id', OLD.merged_id, 'report_id', OLD.report_id, 'key', OLD.key, 'name', OLD.name, 'author_ids', OLD.author_ids, 'first_reported', OLD.first_reported));
END;
CREATE TRIGGER merge_journal_position_members_i AFTER INSERT ON position_members WHEN (SELECT journal FROM merge_journal_state) BEGIN
    INSERT INTO merge_journal (tbl, op, key, old) VALUES ('position_members', 'i', json_array(NEW.position_id), NULL);
END;
CREATE TRIGGER merge_journal_position_members_u AFTER UPDATE ON position_members WHEN (SELECT journal FROM merge_journal_state) BEGIN
    INSERT INTO merge_journal (tbl, op, key, old) VALUES ('position_members', 'u', json_array(NEW.position_id),
        json_object('position_id', OLD.position_id, 'track_id', OLD.track_id, 'report_id', OLD.report_id, 'holder_id', OLD.holder_id, 'target', OLD.target, 'stance', OLD.stance, 'as_of', OLD.as_of));
END;
CREATE TRIGGER merge_journal_position_members_d AFTER DELETE ON position_members WHEN (SELECT journal FROM merge_journal_state) BEGIN
    INSERT INTO merge_journal (tbl, op, key, old) VALUES ('position_members', 'd', NULL,
        json_object('position_id', OLD.position_id, 'track_id', OLD.track_id, 'report_id', OLD.report_id, 'holder_id', OLD.holder_id, 'target', OLD.target, 'stance', OLD.stance, 'as_of', OLD.as_of));
END;
CREATE TRIGGER merge_journal_stories_i AFTER INSERT ON stories WHEN (SELECT journal FROM merge_journal_state) BEGIN
    INSERT INTO merge_journal (tbl, op, key, old) VALUES ('stories', 'i', json_array(NEW.id), NULL);
END;
CREATE TRIGGER merge_journal_stories_u AFTER UPDATE ON stories WHEN (SELECT journal FROM merge_journal_state) BEGIN
    INSERT INTO merge_journal (tbl, op, key, old) VALUES ('stories', 'u', json_array(NEW.id),
        json_object('id', OLD.id, 'name', OLD.name, 'keywords', OLD.keywords, 'first_day', OLD.first_day, 'last_day', OLD.last_day, 'actor_counts', OLD.actor_counts, 'keyword_counts', OLD.keyword_counts, 'size', OLD.size));
END;
CREATE TRIGGER merge_journal_stories_d AFTER DELETE ON stories WHEN (SELECT journal FROM merge_journal_state) BEGIN
    INSERT INTO merge_journal (tbl, op, key, old) VALUES ('stories', 'd', NULL,
        json_object('id', OLD.id, 'name', OLD.name, 'keywords', OLD.keywords, 'first_day', OLD.first_day, 'last_day', OLD.last_day, 'actor_counts', OLD.actor_counts, 'keyword_counts', OLD.keyword_counts, 'size', OLD.size));
END;
CREATE TRIGGER merge_journal_report_stories_i AFTER INSERT ON report_stories WHEN (SELECT journal FROM merge_journal_state) BEGIN
    INSERT INTO merge_journal (tbl, op, key, old) VALUES ('report_stories', 'i', json_array(NEW.report_id), NULL);
END;
CREATE TRIGGER merge_journal_report_stories_u AFTER UPDATE ON report_stories WHEN (SELECT journal FROM merge_journal_state) BEGIN
    INSERT INTO merge_journal (tbl, op, key, old) VALUES ('report_stories', 'u', json_array(NEW.report_id),
        json_object('report_id', OLD.report_id, 'story_id', OLD.story_id));
END;
CREATE TRIGGER merge_journal_report_stories_d AFTER DELETE ON report_stories WHEN (SELECT journal FROM merge_journal_state) BEGIN
    INSERT INTO merge_journal (tbl, op, key, old) VALUES ('report_stories', 'd', NULL,
        json_object('report_id', OLD.report_id, 'story_id', OLD.story_id));
END;
CREATE TRIGGER merge_journal_story_terms_i AFTER INSERT ON story_terms WHEN (SELECT journal FROM merge_journal_state) BEGIN
    INSERT INTO merge_journal (tbl, op, key, old) VALUES ('story_terms', 'i', json_array(NEW.term, NEW.story_id), NULL);
END;
CREATE TRIGGER merge_journal_story_terms_u AFTER UPDATE ON story_terms WHEN (SELECT journal FROM merge_journal_state) BEGIN
    INSERT INTO merge_journal (tbl, op, key, old) VALUES ('story_terms', 'u', json_array(NEW.term, NEW.story_id),
        json_object('term', OLD.term, 'story_id', OLD.story_id));
END;
CREATE TRIGGER merge_journal_story_terms_d AFTER DELETE ON story_terms WHEN (SELECT journal FROM merge_journal_state) BEGIN
    INSERT INTO merge_journal (tbl, op, key, old) VALUES ('story_terms', 'd', NULL,
        json_object('term', OLD.term, 'story_id', OLD.story_id));
END;
CREATE TRIGGER merge_journal_term_reports_i AFTER INSERT ON term_reports WHEN (SELECT journal FROM merge_journal_state) BEGIN
    INSERT INTO merge_journal (tbl, op, key, old) VALUES ('term_reports', 'i', json_array(NEW.term), NULL);
END;
CREATE TRIGGER merge_journal_term_reports_u AFTER UPDATE ON term_reports WHEN (SELECT journal FROM merge_journal_state) BEGIN
    INSERT INTO merge_journal (tbl, op, key, old) VALUES ('term_reports', 'u', json_array(NEW.term),
        json_object('term', OLD.term, 'reports', OLD.reports));
END;
CREATE TRIGGER merge_journal_term_reports_d AFTER DELETE ON term_reports WHEN (SELECT journal FROM merge_journal_state) BEGIN
    INSERT INTO merge_journal (tbl, op, key, old) VALUES ('term_reports', 'd', NULL,
        json_object('term', OLD.term, 'reports', OLD.reports));
END;
CREATE TRIGGER merge_journal_merge_runs_i AFTER INSERT ON merge_runs WHEN (SELECT journal FROM merge_journal_state) BEGIN
    INSERT INTO merge_journal (tbl, op, key, old) VALUES ('merge_runs', 'i', json_array(NEW.report_id), NULL);
END;
CREATE TRIGGER merge_journal_merge_runs_u AFTER UPDATE ON merge_runs WHEN (SELECT journal FROM merge_journal_state) BEGIN
    INSERT INTO merge_journal (tbl, op, key, old) VALUES ('merge_runs', 'u', json_array(NEW.report_id),
        json_object('report_id', OLD.report_id, 'merged_at', OLD.merged_at));
END;
CREATE TRIGGER merge_journal_merge_runs_d AFTER DELETE ON merge_runs WHEN (SELECT journal FROM merge_journal_state) BEGIN
    INSERT INTO merge_journal (tbl, op, key, old) VALUES ('merge_runs', 'd', NULL,
        json_object('report_id', OLD.report_id, 'merged_at', OLD.merged_at));
END;
-- a quote's statement is written beside its member row (the quotes table is extraction's)
CREATE TRIGGER merge_journal_quotes_u AFTER UPDATE OF statement_id ON quotes WHEN (SELECT journal FROM merge_journal_state) BEGIN
    INSERT INTO merge_journal (tbl, op, key, old) VALUES ('quotes', 'u', json_array(NEW.id),
        json_object('statement_id', OLD.statement_id));
END;

-- the days a statement's day-precise wordings were said, read for every statement a new quote meets
-- (a statement said on one day cannot take a quote said days away through a wording dated vaguely)
CREATE INDEX statement_members_days ON statement_members (statement_id, exact, lo, hi);
