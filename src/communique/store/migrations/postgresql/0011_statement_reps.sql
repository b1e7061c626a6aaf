-- Flat cost per report (issue 12): a new quote's statement is asked for its representative
-- wordings of one language and kind; an index on them, so the question does not read every
-- member of a statement a thousand reports quote.
CREATE INDEX statement_members_reps_of ON statement_members (statement_id, rep, language, direct);
