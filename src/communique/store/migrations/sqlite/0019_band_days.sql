-- Flat cost per report (issue 12): the content index answers for a day window.  A dated quote
-- meets only wordings of its days (and undated ones) through the MinHash bands: a speaker's
-- stock phrases said again in other weeks can never be the same remark.  The index rows carry
-- their wording's days (copied from statement_members: a member's days never change), so the
-- look-up reads the band's rows of those days only, not every wording of the speaker that
-- shares a band, whatever the size of the record.
-- The journal's triggers keep the new columns (dropped while the rows are filled in, so the
-- filling is not journaled).
DROP TRIGGER merge_journal_quote_bands_u;
DROP TRIGGER merge_journal_quote_bands_d;
ALTER TABLE quote_bands ADD COLUMN lo INTEGER;
ALTER TABLE quote_bands ADD COLUMN hi INTEGER;
UPDATE quote_bands SET
    lo = (SELECT m.lo FROM statement_members m WHERE m.quote_id = quote_bands.quote_id),
    hi = (SELECT m.hi FROM statement_members m WHERE m.quote_id = quote_bands.quote_id);
CREATE INDEX quote_bands_days ON quote_bands (band, lo, hi, quote_id);
CREATE TRIGGER merge_journal_quote_bands_u AFTER UPDATE ON quote_bands WHEN (SELECT journal FROM merge_journal_state) BEGIN
    INSERT INTO merge_journal (tbl, op, key, old) VALUES ('quote_bands', 'u', json_array(NEW.band, NEW.quote_id),
        json_object('band', OLD.band, 'quote_id', OLD.quote_id, 'lo', OLD.lo, 'hi', OLD.hi));
END;
CREATE TRIGGER merge_journal_quote_bands_d AFTER DELETE ON quote_bands WHEN (SELECT journal FROM merge_journal_state) BEGIN
    INSERT INTO merge_journal (tbl, op, key, old) VALUES ('quote_bands', 'd', NULL,
        json_object('band', OLD.band, 'quote_id', OLD.quote_id, 'lo', OLD.lo, 'hi', OLD.hi));
END;
