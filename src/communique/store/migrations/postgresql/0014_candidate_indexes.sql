-- Flat cost per report (issue 12): two look-ups that sorted or searched every row of a key now
-- read only what they return.  A new proposal's candidates are the first 50 members of its key by
-- id: an index in that order (a proposal thousands of reports name is not sorted whole).  A new
-- report's wire-copy candidates count the stored reports sharing its LSH bands: the index carries
-- the report id, so the count reads the index alone.
CREATE INDEX proposal_members_key_id ON proposal_members (key, proposal_id);
DROP INDEX proposal_members_key;
CREATE INDEX report_bands_key_report ON report_bands (band, hash, report_id);
DROP INDEX report_bands_key;
