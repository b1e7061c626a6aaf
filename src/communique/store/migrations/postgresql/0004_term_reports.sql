-- How many reports carry each story term (an actor "a:<id>" or a keyword "k:<word>"), so that
-- terms every story shares (a head of state, "said") weigh little when a report picks its story.
CREATE TABLE term_reports (
    term TEXT COLLATE "C" PRIMARY KEY,
    reports BIGINT NOT NULL
);
