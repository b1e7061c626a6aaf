-- Flat cost per report (issue 12): the content index answers for a day window.  A dated quote
-- meets only wordings of its days (and undated ones) through the MinHash bands: a speaker's
-- stock phrases said again in other weeks can never be the same remark.  The index rows carry
-- their wording's days (copied from statement_members: a member's days never change), so the
-- look-up reads the band's rows of those days only, not every wording of the speaker that
-- shares a band, whatever the size of the record.
-- The journal's trigger keeps the whole row; it is dropped while the rows are filled in, so the
-- filling is not journaled.
DROP TRIGGER merge_journal_quote_bands ON quote_bands;
ALTER TABLE quote_bands ADD COLUMN lo BIGINT;
ALTER TABLE quote_bands ADD COLUMN hi BIGINT;
UPDATE quote_bands b SET lo = m.lo, hi = m.hi FROM statement_members m WHERE m.quote_id = b.quote_id;
CREATE INDEX quote_bands_days ON quote_bands (band, lo, hi, quote_id);
CREATE TRIGGER merge_journal_quote_bands AFTER INSERT OR UPDATE OR DELETE ON quote_bands
    FOR EACH ROW EXECUTE FUNCTION merge_journal_row('band', 'quote_id');
