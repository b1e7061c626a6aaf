-- Word search (store/search.py): each report's title and text as words, Japanese split by the
-- extractors' analyser (Sudachi), so two-character words (和平, 協議) and short ones (EU) are found.
-- search.py fills it (the analyser runs in Python); a report's row goes when it goes or changes.
-- Also: the trigram index follows a report whose title is corrected (`communique set`).
CREATE VIRTUAL TABLE report_words USING fts5 (title, text, tokenize = 'unicode61 remove_diacritics 2');
CREATE TRIGGER report_words_delete AFTER DELETE ON reports BEGIN
    DELETE FROM report_words WHERE rowid = old.rowid;
END;
CREATE TRIGGER reports_fts_update AFTER UPDATE OF title, text ON reports BEGIN
    INSERT INTO reports_fts (reports_fts, rowid, title, text)
    VALUES ('delete', old.rowid, coalesce(old.title, ''), old.text);
    INSERT INTO reports_fts (rowid, title, text) VALUES (new.rowid, coalesce(new.title, ''), new.text);
    DELETE FROM report_words WHERE rowid = old.rowid;
END;
