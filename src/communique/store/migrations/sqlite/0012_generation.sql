-- A counter every write transaction raises as it commits (issue 11: `serve` on PostgreSQL shows
-- new material without a restart).  A process that reads the record asks it whether anything
-- changed since its last read; on SQLite the database file's own stamp says the same.  Its one row
-- is made by the first commit (no row: none yet).
CREATE TABLE store_generation (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    n BIGINT NOT NULL
);
