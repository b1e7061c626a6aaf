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
    seq BIGSERIAL PRIMARY KEY,
    tbl TEXT COLLATE "C" NOT NULL,
    op TEXT COLLATE "C" NOT NULL,
    key TEXT COLLATE "C",
    old TEXT COLLATE "C"
);

CREATE TABLE merge_points (
    report_id TEXT COLLATE "C" PRIMARY KEY,
    published TEXT COLLATE "C" NOT NULL,
    seq BIGINT NOT NULL
);
CREATE INDEX merge_points_key ON merge_points (published, report_id);

CREATE TABLE merge_journal_state (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    journal INTEGER NOT NULL,
    floor_published TEXT COLLATE "C",
    floor_id TEXT COLLATE "C"
);
INSERT INTO merge_journal_state (id, journal, floor_published, floor_id)
SELECT 1, 1, (SELECT coalesce(p.published_at, '~') FROM merge_runs m JOIN reports p ON p.id = m.report_id
              ORDER BY coalesce(p.published_at, '~') DESC, p.id DESC LIMIT 1),
             (SELECT p.id FROM merge_runs m JOIN reports p ON p.id = m.report_id
              ORDER BY coalesce(p.published_at, '~') DESC, p.id DESC LIMIT 1);

-- one function for every journaled table: its key columns are the trigger's arguments
CREATE FUNCTION merge_journal_row() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    k jsonb;
BEGIN
    IF NOT coalesce((SELECT journal = 1 FROM merge_journal_state), false) THEN
        RETURN NULL;
    END IF;
    IF TG_OP = 'DELETE' THEN
        INSERT INTO merge_journal (tbl, op, key, old) VALUES (TG_TABLE_NAME, 'd', NULL, to_jsonb(OLD)::text);
        RETURN NULL;
    END IF;
    SELECT jsonb_agg(to_jsonb(NEW) -> a.col ORDER BY a.n) INTO k
    FROM unnest(TG_ARGV) WITH ORDINALITY AS a(col, n);
    IF TG_OP = 'INSERT' THEN
        INSERT INTO merge_journal (tbl, op, key, old) VALUES (TG_TABLE_NAME, 'i', k::text, NULL);
    ELSE
        INSERT INTO merge_journal (tbl, op, key, old) VALUES (TG_TABLE_NAME, 'u', k::text, to_jsonb(OLD)::text);
    END IF;
    RETURN NULL;
END $$;

CREATE FUNCTION merge_journal_quote() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF coalesce((SELECT journal = 1 FROM merge_journal_state), false)
            AND OLD.statement_id IS DISTINCT FROM NEW.statement_id THEN
        INSERT INTO merge_journal (tbl, op, key, old)
        VALUES ('quotes', 'u', jsonb_build_array(NEW.id)::text,
                jsonb_build_object('statement_id', OLD.statement_id)::text);
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER merge_journal_merged_actors AFTER INSERT OR UPDATE OR DELETE ON merged_actors
    FOR EACH ROW EXECUTE FUNCTION merge_journal_row('id');
CREATE TRIGGER merge_journal_statement_members AFTER INSERT OR UPDATE OR DELETE ON statement_members
    FOR EACH ROW EXECUTE FUNCTION merge_journal_row('quote_id');
CREATE TRIGGER merge_journal_quote_bands AFTER INSERT OR UPDATE OR DELETE ON quote_bands
    FOR EACH ROW EXECUTE FUNCTION merge_journal_row('band', 'quote_id');
CREATE TRIGGER merge_journal_claims AFTER INSERT OR UPDATE OR DELETE ON claims
    FOR EACH ROW EXECUTE FUNCTION merge_journal_row('item_id', 'attribute', 'value', 'norm', 'report_id', 'start', 'end');
CREATE TRIGGER merge_journal_event_members AFTER INSERT OR UPDATE OR DELETE ON event_members
    FOR EACH ROW EXECUTE FUNCTION merge_journal_row('event_id');
CREATE TRIGGER merge_journal_event_heads AFTER INSERT OR UPDATE OR DELETE ON event_heads
    FOR EACH ROW EXECUTE FUNCTION merge_journal_row('merged_id');
CREATE TRIGGER merge_journal_event_head_terms AFTER INSERT OR UPDATE OR DELETE ON event_head_terms
    FOR EACH ROW EXECUTE FUNCTION merge_journal_row('merged_id', 'term');
CREATE TRIGGER merge_journal_proposal_members AFTER INSERT OR UPDATE OR DELETE ON proposal_members
    FOR EACH ROW EXECUTE FUNCTION merge_journal_row('proposal_id');
CREATE TRIGGER merge_journal_position_members AFTER INSERT OR UPDATE OR DELETE ON position_members
    FOR EACH ROW EXECUTE FUNCTION merge_journal_row('position_id');
CREATE TRIGGER merge_journal_stories AFTER INSERT OR UPDATE OR DELETE ON stories
    FOR EACH ROW EXECUTE FUNCTION merge_journal_row('id');
CREATE TRIGGER merge_journal_report_stories AFTER INSERT OR UPDATE OR DELETE ON report_stories
    FOR EACH ROW EXECUTE FUNCTION merge_journal_row('report_id');
CREATE TRIGGER merge_journal_story_terms AFTER INSERT OR UPDATE OR DELETE ON story_terms
    FOR EACH ROW EXECUTE FUNCTION merge_journal_row('term', 'story_id');
CREATE TRIGGER merge_journal_term_reports AFTER INSERT OR UPDATE OR DELETE ON term_reports
    FOR EACH ROW EXECUTE FUNCTION merge_journal_row('term');
CREATE TRIGGER merge_journal_merge_runs AFTER INSERT OR UPDATE OR DELETE ON merge_runs
    FOR EACH ROW EXECUTE FUNCTION merge_journal_row('report_id');
CREATE TRIGGER merge_journal_quotes AFTER UPDATE OF statement_id ON quotes
    FOR EACH ROW EXECUTE FUNCTION merge_journal_quote();

-- the days a statement's day-precise wordings were said, read for every statement a new quote meets
-- (a statement said on one day cannot take a quote said days away through a wording dated vaguely)
CREATE INDEX statement_members_days ON statement_members (statement_id, exact, lo, hi);
