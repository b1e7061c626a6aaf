-- Whether a reported English clause reads as a clause (brief/grammar.py: a parse per text, the
-- parser loaded for it).  Briefings keep their answers here, under the name of the rule and model
-- that gave them, so the next briefing of the record loads no parser for texts already read.
-- A cache: losing it loses nothing but time.
CREATE TABLE clause_checks (
    checker TEXT NOT NULL,
    text TEXT NOT NULL,
    clause INTEGER NOT NULL,
    PRIMARY KEY (checker, text)
);
