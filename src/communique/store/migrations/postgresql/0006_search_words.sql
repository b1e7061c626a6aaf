-- Word search (store/search.py): each report's title and text as words, Japanese split by the
-- extractors' analyser (Sudachi), so two-character words (和平, 協議) and short ones (EU) are found.
-- search.py fills it (the analyser runs in Python) as a tsvector of those words exactly (title
-- words weigh A, text words D); a report's row goes when it goes or when its title or text changes.
CREATE TABLE report_words (
    report_id TEXT COLLATE "C" PRIMARY KEY REFERENCES reports (id) ON DELETE CASCADE,
    words TSVECTOR NOT NULL
);
CREATE INDEX report_words_words ON report_words USING gin (words);

CREATE FUNCTION report_words_forget() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM report_words WHERE report_id = old.id;
    RETURN NULL;
END
$$;
CREATE TRIGGER report_words_changed AFTER UPDATE OF title, text ON reports
    FOR EACH ROW EXECUTE FUNCTION report_words_forget();
