"""The embedded store: one SQLite file, WAL mode, numbered migrations.

Writes happen in short transactions, one report at a time, so a crash (even ``kill -9``)
leaves every committed report whole and no half-written one.

A store is communique's or refused: the file carries communique's ``application_id`` in its
header; a database without it is refused unless it is empty (or an older communique store,
recognised by its migration table, which is then marked).  Migrations run in one
``BEGIN IMMEDIATE`` transaction, so two processes opening a new store at once apply them once;
a store written by a newer communique (a migration this code does not know) is refused.
Writers wait for each other (a busy store is retried), readers never block them (WAL).
"""

from __future__ import annotations

import json
import re
import sqlite3
import time
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from importlib import resources
from pathlib import Path
from typing import Any

from ..errors import StoreError
from ..model import Actor, Evidence, Extraction, Precision, Report, Role, Skipped

_MIGRATIONS = "communique.store.migrations.sqlite"
BAND_REPORTS = 1000  # reports read per LSH band when looking for a new report's wire copies
APPLICATION_ID = 0x436F6D71  # "Comq" in the file header: this SQLite file is a communique store
CACHE_KIB = 8192  # SQLite's page cache per connection (KiB)
BUSY_SECONDS = 120.0  # how long a writer waits for another process's transaction before giving up


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def migrations() -> list[tuple[int, str, str]]:
    """(number, name, sql) of every bundled migration, in order."""
    found = []
    for entry in resources.files(_MIGRATIONS).iterdir():
        name = entry.name
        if name.endswith(".sql") and name[:4].isdigit():
            found.append((int(name[:4]), name, entry.read_text(encoding="utf-8")))
    return sorted(found)


class SQLiteStore:
    """The default store.  Use as a context manager, or call :meth:`close`."""

    # the last answer of wire_candidate_reports, with the state of the database it was read in
    _wire_memo: tuple[Any, list[tuple[str, str | None, str | None, str | None, int]]] | None = None

    def __init__(self, path: str | Path) -> None:
        self.path = str(path)
        self._depth = 0  # nested transaction() calls: savepoints inside the outer transaction
        try:
            self.db = sqlite3.connect(self.path, isolation_level=None, timeout=30.0)
        except sqlite3.Error as err:
            raise StoreError(self.path, f"cannot open the database ({err})",
                             "check the path and its permissions") from None
        self.db.row_factory = sqlite3.Row
        try:
            self._check_ours()
            _retry_busy(lambda: self.db.execute("PRAGMA journal_mode=WAL"))
            self.db.execute("PRAGMA synchronous=NORMAL")
            # 8 MB of page cache, not SQLite's 2 MB: merging a batch of reports dirties more pages
            # than 2 MB hold (random leaves of the band and journal indexes), which were then
            # spilled to the WAL and read back again and again (issue 12: at 10k reports, twice
            # the CPU of the merging itself in pread/pwrite); 8 MB holds them (~3 MB more RSS)
            self.db.execute(f"PRAGMA cache_size=-{CACHE_KIB}")
            self.db.execute("PRAGMA foreign_keys=ON")
            # a row INSERT OR REPLACE takes the place of is journaled as deleted (merge journal)
            self.db.execute("PRAGMA recursive_triggers=ON")
            self._migrate()
        except StoreError:
            self.db.close()
            raise
        except sqlite3.DatabaseError as err:
            self.db.close()
            if "locked" in str(err) or "busy" in str(err):
                raise StoreError(self.path, f"the database stayed busy ({err})",
                                 "another process holds it; try again when it is done") from None
            raise StoreError(self.path, f"not a communique database ({err})",
                             "give another --db path, or move this file away") from None

    # -- lifecycle -----------------------------------------------------------------
    def close(self) -> None:
        self.db.close()

    @contextmanager
    def journals_in_memory(self) -> Iterator[None]:
        """While ingesting and merging: the journals of statements and savepoints kept in memory,
        not in temporary files.  A report's merge (a savepoint whose statements fire the merge
        journal's triggers) spilled about a thousand pages to temporary files, half of ingest's
        time in the kernel (issue 12); the merged items' periodic recomputing runs outside any
        savepoint (``merge.flush_if_due``), so what is held is one report's pages.  Not for
        reading: the sorts of a whole-store export would then be held in memory too (at 100,000
        reports, 497 MB against 327 MB)."""
        if not isinstance(self.db, sqlite3.Connection):
            yield  # PostgreSQL: nothing to set
            return
        before = int(self.db.execute("PRAGMA temp_store").fetchone()[0])
        self.db.execute("PRAGMA temp_store=MEMORY")
        try:
            yield
        finally:
            self.db.execute(f"PRAGMA temp_store={before}")

    def __enter__(self) -> SQLiteStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One write transaction (``BEGIN IMMEDIATE``, retried while another process writes).

        Called inside another, it is a savepoint: its work is undone alone if it fails, and
        committed with the outer transaction."""
        if self._depth:
            name = f"sp{self._depth}"
            self.db.execute(f"SAVEPOINT {name}")
            self._depth += 1
            try:
                yield self.db
            except BaseException:
                self.db.execute(f"ROLLBACK TO {name}")
                self.db.execute(f"RELEASE {name}")
                raise
            finally:
                self._depth -= 1
            self.db.execute(f"RELEASE {name}")
            return
        _retry_busy(lambda: self.db.execute("BEGIN IMMEDIATE"))
        self._depth = 1
        try:
            yield self.db
        except BaseException:
            self._depth = 0
            if self.db.in_transaction:
                self.db.execute("ROLLBACK")
            raise
        self._depth = 0
        _retry_busy(lambda: self.db.execute("COMMIT"))

    def _check_ours(self) -> None:
        """Refuse a database of another application (before anything is written to it)."""
        found = self.db.execute("PRAGMA application_id").fetchone()[0]
        if found == APPLICATION_ID:
            return
        if found:
            raise StoreError(self.path, f"not a communique database (application id {found:#x})",
                             "give another --db path; communique never writes into another "
                             "application's database")
        tables = {row[0] for row in self.db.execute(
            "SELECT name FROM sqlite_master WHERE type IN ('table', 'view')")}
        if not tables or _legacy_store(self.db, tables):
            return  # empty: ours to create; an older communique store: marked in _migrate
        shown = ", ".join(sorted(tables)[:5]) + (", …" if len(tables) > 5 else "")
        raise StoreError(self.path, f"not a communique database (it holds {len(tables)} table(s) of "
                         f"another application: {shown})",
                         "give another --db path; communique never writes into another "
                         "application's database")

    def _migrate(self) -> None:
        bundled = migrations()
        known = {version for version, _name, _sql in bundled}
        if self._up_to_date(known):
            return  # the usual open: no write lock taken, so a reader never waits for a writer
        with self.transaction() as db:  # serialised across processes: one of them migrates
            db.execute(
                "CREATE TABLE IF NOT EXISTS schema_migrations ("
                "version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)"
            )
            done = {row[0] for row in db.execute("SELECT version FROM schema_migrations")}
            newer = sorted(done - known)
            if newer and newer[-1] > max(known, default=0):
                raise StoreError(self.path, f"written by a newer communique (schema {newer[-1]}; this "
                                 f"version knows up to {max(known, default=0)})",
                                 "upgrade communique to open this database")
            for version, name, sql in bundled:
                if version in done:
                    continue
                try:
                    for statement in _statements(sql):
                        db.execute(statement)
                except sqlite3.OperationalError as err:  # every migration of this open is undone
                    raise StoreError(self.path, f"migration {name} failed ({err}); nothing was changed",
                                     "report this with the output of `sqlite3 DB .schema`") from None
                db.execute("INSERT INTO schema_migrations VALUES (?, ?, ?)", (version, name, _now()))
            if db.execute("PRAGMA application_id").fetchone()[0] != APPLICATION_ID:
                db.execute(f"PRAGMA application_id = {APPLICATION_ID}")

    def _up_to_date(self, known: set[int]) -> bool:
        if self.db.execute("PRAGMA application_id").fetchone()[0] != APPLICATION_ID:
            return False
        try:
            done = {row[0] for row in self.db.execute("SELECT version FROM schema_migrations")}
        except sqlite3.OperationalError:
            return False
        return done == known

    def schema_version(self) -> int:
        row = self.db.execute("SELECT max(version) FROM schema_migrations").fetchone()
        return int(row[0] or 0)

    # -- reports -------------------------------------------------------------------
    def has_report(self, report_id: str) -> bool:
        return self.db.execute("SELECT 1 FROM reports WHERE id = ?", (report_id,)).fetchone() is not None

    def wire_candidate_reports(
        self, bands: Iterable[tuple[int, int]], limit: int
    ) -> list[tuple[str, str | None, str | None, str | None, int]]:
        """(id, wire_group, url, outlet, bands shared) of the stored reports sharing an LSH band
        with ``bands``, those sharing the most first (then by id), at most ``limit``; no texts.

        A band thousands of reports share (a wire story copied a thousand times, a boilerplate
        footer) is read for its first ``BAND_REPORTS`` reports by id: a copy shares most of its
        bands with its original, so it is still found through the others and counted high, and
        the copies of a group that come back are the same ones band after band."""
        keys = list(bands)
        if not keys:
            return []
        # ingest asks twice for one report (is it an article stored already? which copies does it
        # join?): the second answer is the first when the database is unchanged since
        stamp = self._unchanged_since()
        memo = self._wire_memo
        if stamp is not None and memo is not None and memo[0] == (stamp, tuple(keys), limit):
            return list(memo[1])
        parts = " UNION ALL ".join(
            f"SELECT * FROM (SELECT report_id FROM report_bands WHERE band = ? AND hash = ? "
            f"ORDER BY report_id LIMIT {BAND_REPORTS}) AS b{n}" for n in range(len(keys)))
        # the ``limit`` reports sharing the most bands are chosen first, then only they are read
        # (not every report a band holds), from the index that holds the four columns (migration
        # 0022), not from the rows that hold the texts
        rows = self.db.execute(
            "SELECT r.id, r.wire_group, r.url, r.outlet, c.shared FROM (SELECT report_id, "
            f"count(*) AS shared FROM ({parts}) AS found GROUP BY report_id "
            "ORDER BY shared DESC, report_id LIMIT ?) c "
            "JOIN reports r INDEXED BY reports_wire_candidates ON r.id = c.report_id "
            "ORDER BY c.shared DESC, r.id",
            [*(v for key in keys for v in key), limit],
        ).fetchall()
        found = [(r[0], r[1], r[2], r[3], int(r[4])) for r in rows]
        # kept only when read outside a write transaction: what a transaction wrote and then undid
        # leaves total_changes where it was after the writes, so an answer read in between is not kept
        keep = stamp is not None and not self.db.in_transaction
        self._wire_memo = ((stamp, tuple(keys), limit), found) if keep else None
        return list(found)

    def _unchanged_since(self) -> tuple[int, int] | None:
        """What tells that the database has not changed between two calls: the rows this
        connection changed (``total_changes``) and the commits of every other connection
        (``PRAGMA data_version``); None where the connection cannot tell (PostgreSQL)."""
        changes = getattr(self.db, "total_changes", None)
        if not isinstance(self.db, sqlite3.Connection) or changes is None:
            return None
        return int(changes), int(self.db.execute("PRAGMA data_version").fetchone()[0])

    def put_report_shingles(self, report_id: str, hashes: bytes) -> None:
        """Keep a report's hashed shingles (table report_shingles): what wire-copy detection
        compares a later report with, instead of the report's text."""
        self.db.execute("INSERT INTO report_shingles (report_id, hashes) VALUES (?, ?) "
                        "ON CONFLICT (report_id) DO UPDATE SET hashes = excluded.hashes",
                        (report_id, hashes))

    def report_shingles(self, report_id: str) -> bytes | None:
        """A report's hashed shingles, or None when it was stored before they were kept."""
        row = self.db.execute("SELECT hashes FROM report_shingles WHERE report_id = ?",
                              (report_id,)).fetchone()
        return bytes(row[0]) if row else None

    def clause_checks(self, checker: str) -> dict[str, bool]:
        """The answers a briefing kept of whether a reported clause reads as one (by ``checker``)."""
        rows = self.db.execute("SELECT text, clause FROM clause_checks WHERE checker = ?", (checker,))
        return {str(r[0]): bool(r[1]) for r in rows}

    def put_clause_checks(self, checker: str, answers: dict[str, bool]) -> None:
        """Keep new answers (a cache: one already kept stays as it is)."""
        if not answers:
            return
        with self.transaction() as db:
            db.executemany("INSERT INTO clause_checks (checker, text, clause) VALUES (?, ?, ?) "
                           "ON CONFLICT (checker, text) DO NOTHING",
                           [(checker, text, int(clause)) for text, clause in sorted(answers.items())])

    def report_text(self, report_id: str) -> tuple[str, str] | None:
        """(text, language) of a stored report."""
        row = self.db.execute("SELECT text, language FROM reports WHERE id = ?", (report_id,)).fetchone()
        return (str(row[0]), str(row[1])) if row else None

    def add_report(
        self,
        report: Report,
        bands: Iterable[tuple[int, int]],
        raw_sha256: str,
        group_with: Iterable[str] = (),
    ) -> bool:
        """Insert a report with its LSH bands, joining the wire group of ``group_with``.

        False when the report is already stored (another process may have stored the same
        content a moment ago: content ids make that an insert-or-ignore, never an error)."""
        with self.transaction() as db:
            inserted = db.execute(
                "INSERT OR IGNORE INTO reports (id, source, url, outlet, title, published_at, "
                "published_precision, language, text, raw, raw_sha256, content_type, encoding, "
                "wire_group, ingested_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                (report.id, report.source, report.url, report.outlet, report.title,
                 report.published_at, str(report.published_precision), report.language,
                 report.text, report.raw, raw_sha256, report.content_type, report.encoding,
                 report.wire_group, _now()),
            ).rowcount
            if not inserted:
                return False
            db.executemany("INSERT INTO report_bands (band, hash, report_id) VALUES (?,?,?)",
                           [(band, value, report.id) for band, value in bands])
            members = [report.id, *group_with]
            if len(members) > 1:
                self._join_group(db, members)
            db.execute("DELETE FROM skipped WHERE source = ?", (report.source,))
        return True

    @staticmethod
    def _join_group(db: sqlite3.Connection, members: list[str]) -> None:
        """The reports and the groups they are in become one group (a report can bridge two),
        named by its least report id, whatever order its copies came in."""
        marks = ",".join("?" * len(members))
        found = db.execute(f"SELECT id, wire_group FROM reports WHERE id IN ({marks})", members).fetchall()
        groups = sorted({row[1] for row in found if row[1] is not None})
        # reports counted as sources of their own (each ungrouped one, each group once) that are
        # one now: a story holding two of them has fewer independent sources (story_counts)
        joined = len(groups) + sum(1 for row in found if row[1] is None and row[0] != members[0])
        # the least id of each group, one look-up each through the index (wire_group, id)
        # (migration 0020), not every member of a group that grows with the store
        least = [min(members)]
        for other in groups:
            found = db.execute("SELECT min(id) FROM reports WHERE wire_group = ?", (other,)).fetchone()
            if found is not None and found[0] is not None:
                least.append(found[0])
        group = "w-" + min(least)[2:12]
        db.execute(f"UPDATE reports SET wire_group = ? WHERE id IN ({marks})", (group, *members))
        for other in groups:
            if other != group:
                db.execute("UPDATE reports SET wire_group = ? WHERE wire_group = ?", (group, other))
        if joined > 1:  # their stories counted again at the next flush
            db.execute("INSERT OR IGNORE INTO merge_dirty (kind, item_id) "
                       "SELECT DISTINCT 'story', rs.story_id FROM reports p "
                       "JOIN report_stories rs ON rs.report_id = p.id WHERE p.wire_group = ?",
                       (group,))

    def is_merged(self, report_id: str) -> bool:
        return self.db.execute("SELECT 1 FROM merge_runs WHERE report_id = ?",
                               (report_id,)).fetchone() is not None

    def unmerged_reports(self) -> list[tuple[str, str]]:
        """(id, language) of stored reports not merged yet, oldest first.  Every merge run is a
        stored report's (its key references the report, deleted with it), so as many runs as
        reports means none is left: two counts of indexes say so (100,000 reports: 3 ms), and a
        merged store (a listing, a briefing) does not read every report's row for its date."""
        if self.db.execute("SELECT (SELECT count(*) FROM reports) - (SELECT count(*) FROM merge_runs)"
                           ).fetchone()[0] == 0:
            return []
        rows = self.db.execute(
            "SELECT id, language FROM reports WHERE id NOT IN (SELECT report_id FROM merge_runs) "
            "ORDER BY coalesce(published_at, '~'), id")  # the merge order (undated last)
        return [(str(r[0]), str(r[1])) for r in rows]

    def report_language(self, report_id: str) -> str:
        row = self.db.execute("SELECT language FROM reports WHERE id = ?", (report_id,)).fetchone()
        return str(row[0]) if row else "und"

    def report_sources(self, *, story_id: str | None = None) -> dict[str, tuple[Any, Any, Any]]:
        """report id -> (outlet, published_at, url); with ``story_id``, the story's and no story's."""
        where, params = _in_story("id", story_id)
        rows = self.db.execute(f"SELECT id, outlet, published_at, url FROM reports{where}", params)
        return {str(row[0]): (row[1], row[2], row[3]) for row in rows}

    def report_count(self) -> int:
        return int(self.db.execute("SELECT count(*) FROM reports").fetchone()[0])

    def reports(self, *, with_raw: bool = False, story_id: str | None = None) -> Iterator[Report]:
        """Every report (oldest first); with ``story_id``, those of the story and of no story."""
        columns = "*" if with_raw else _COLUMNS_WITHOUT_RAW
        where, params = _in_story("id", story_id)
        for row in self.db.execute(
            f"SELECT {columns} FROM reports{where} ORDER BY coalesce(published_at, ''), id", params
        ):
            yield _report(row, with_raw)

    def report(self, report_id: str) -> Report | None:
        row = self.db.execute("SELECT * FROM reports WHERE id = ?", (report_id,)).fetchone()
        return _report(row, True) if row else None

    def search(self, query: str, limit: int = 20) -> list[tuple[str, str]]:
        """(report id, title) of reports whose title or text contains ``query`` (FTS5 trigram)."""
        phrase = '"' + query.replace('"', '""') + '"'
        rows = self.db.execute(
            "SELECT r.id, r.title FROM reports_fts f JOIN reports r ON r.rowid = f.rowid "
            "WHERE reports_fts MATCH ? ORDER BY r.published_at, r.id LIMIT ?",
            (phrase, limit),
        ).fetchall()
        return [(r[0], r[1]) for r in rows]

    def wire_groups(self) -> dict[str, list[str]]:
        groups: dict[str, list[str]] = {}
        for row in self.db.execute(
            "SELECT wire_group, id FROM reports WHERE wire_group IS NOT NULL ORDER BY wire_group, id"
        ):
            groups.setdefault(row[0], []).append(row[1])
        return groups

    def independent_sources(self) -> int:
        row = self.db.execute(
            "SELECT count(DISTINCT coalesce(wire_group, id)) FROM reports").fetchone()
        return int(row[0])

    # -- skipped inputs ------------------------------------------------------------
    def add_skipped(self, skipped: Skipped) -> None:
        now = _now()
        with self.transaction() as db:
            db.execute(
                "INSERT INTO skipped (source, reason, hint, first_seen, last_seen) "
                "VALUES (?,?,?,?,?) ON CONFLICT (source) DO UPDATE SET reason = excluded.reason, "
                "hint = excluded.hint, last_seen = excluded.last_seen, times = skipped.times + 1",
                (skipped.source, skipped.reason, skipped.hint, now, now),
            )

    def skipped(self) -> list[dict[str, Any]]:
        rows = self.db.execute("SELECT * FROM skipped ORDER BY source").fetchall()
        return [dict(row) for row in rows]

    # -- the record tables (filled by extraction and merging) ----------------------
    def rows(self, table: str, *, story_id: str | None = None) -> Iterator[dict[str, Any]]:
        """A record table's rows in insertion order; with ``story_id``, the items read in the
        story's reports (and in reports of no story) only."""
        if table not in _RECORD_TABLES:
            raise StoreError(table, "no such table", f"use one of {', '.join(_RECORD_TABLES)}")
        if story_id is not None and table not in _ITEM_TABLE.values():
            raise StoreError(table, "has no report column to read one story by", "read it whole")
        where, params = _in_story("report_id", story_id)
        names: list[str] = []
        loaded: list[str] = []  # the JSON columns, found once per query (a story has thousands of quotes)
        for row in self.db.execute(f"SELECT * FROM {table}{where} ORDER BY rowid", params):
            if not names:
                names = list(row.keys())
                loaded = [name for name in names if name in _JSON_COLUMNS]
            record = dict(zip(names, row, strict=True))  # a Row iterates its values
            for name in loaded:
                if isinstance(record[name], str):
                    record[name] = json.loads(record[name])
            yield record

    def evidence_spans(self, item_type: str, *,
                       story_id: str | None = None) -> Iterator[tuple[str, str, int, int]]:
        """(item id, report id, start, end) of every span of one item type; with ``story_id``,
        the spans in the story's reports (and in reports of no story) only, found report by
        report (SQLite keeps a CROSS JOIN's order: the story's reports, then their spans)."""
        if story_id is None:
            yield from self.db.execute(
                'SELECT item_id, report_id, start, "end" FROM evidence WHERE item_type = ?', (item_type,))
            return
        where, params = _in_story("id", story_id)
        yield from self.db.execute(
            f'SELECT e.item_id, e.report_id, e.start, e."end" FROM (SELECT id FROM reports{where}) AS r '
            "CROSS JOIN evidence AS e WHERE e.report_id = r.id AND e.item_type = ?", (*params, item_type))

    def story_evidence_spans(self, item_types: Sequence[str],
                             story_id: str) -> Iterator[tuple[str, str, str, int, int]]:
        """(item type, item id, report id, start, end) of every span of several item types in a
        story's reports (and in reports of no story), in one pass over their evidence: in each
        report's order, as :meth:`evidence_spans` gives one type's."""
        where, params = _in_story("id", story_id)
        marks = ",".join("?" * len(item_types))
        yield from self.db.execute(
            'SELECT e.item_type, e.item_id, e.report_id, e.start, e."end" '
            f"FROM (SELECT id FROM reports{where}) AS r CROSS JOIN evidence AS e "
            f"WHERE e.report_id = r.id AND e.item_type IN ({marks})",
            (*params, *item_types))

    def extractors_run(self, report_id: str) -> set[str]:
        rows = self.db.execute("SELECT extractor FROM extraction_runs WHERE report_id = ?", (report_id,))
        return {row[0] for row in rows}

    def save_extraction(self, extraction: Extraction, extractors: Iterable[str]) -> None:
        """Replace what ``extractors`` found in one report with ``extraction``, atomically."""
        names = sorted(set(extractors))
        report_id = extraction.report_id
        marks = ",".join("?" * len(names))
        now = _now()
        with self.transaction() as db:
            for kind, table in _ITEM_TABLE.items():
                old = [r[0] for r in db.execute(
                    f"SELECT id FROM {table} WHERE report_id = ? AND extractor IN ({marks})",
                    (report_id, *names))]
                db.executemany("DELETE FROM evidence WHERE item_type = ? AND item_id = ?",
                               [(kind, item) for item in old])
                db.execute(f"DELETE FROM {table} WHERE report_id = ? AND extractor IN ({marks})",
                           (report_id, *names))
            db.execute("DELETE FROM evidence WHERE item_type = 'actor' AND report_id = ?", (report_id,))
            for actor in extraction.actors:
                self._upsert_actor(db, actor)
                _add_evidence(db, "actor", actor.id, actor.evidence)
            # each kind's rows in one statement, then their evidence in one (the rows in the
            # same order as one at a time: an item's, then the next one's)
            db.executemany(
                "INSERT OR REPLACE INTO quotes (id, report_id, speaker_id, speaker_text, text, "
                "language, direct, verb, said_on, said_on_precision, hedge, statement_id, extractor) "
                "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
                [(q.id, report_id, q.speaker_id, q.speaker_text, q.text, q.language, int(q.direct),
                  q.verb, q.said_on, str(q.said_on_precision), q.hedge, q.statement_id, q.extractor)
                 for q in extraction.quotes])
            _add_all_evidence(db, "quote", extraction.quotes)
            db.executemany(
                "INSERT OR REPLACE INTO events (id, report_id, kind, date, date_precision, place, "
                "participant_ids, summary, extractor) VALUES (?,?,?,?,?,?,?,?,?)",
                [(e.id, report_id, e.kind, e.date, str(e.date_precision), e.place,
                  json.dumps(list(e.participant_ids)), e.summary, e.extractor) for e in extraction.events])
            _add_all_evidence(db, "event", extraction.events)
            db.executemany(
                "INSERT OR REPLACE INTO proposals (id, report_id, name, author_ids, first_reported, "
                "extractor) VALUES (?,?,?,?,?,?)",
                [(p.id, report_id, p.name, json.dumps(list(p.author_ids)), p.first_reported, p.extractor)
                 for p in extraction.proposals])
            _add_all_evidence(db, "proposal", extraction.proposals)
            db.executemany(
                "INSERT OR REPLACE INTO positions (id, report_id, holder_id, target_id, issue, stance, "
                "as_of, extractor) VALUES (?,?,?,?,?,?,?,?)",
                [(pos.id, report_id, pos.holder_id, pos.target_id, pos.issue, pos.stance, pos.as_of,
                  pos.extractor) for pos in extraction.positions])
            _add_all_evidence(db, "position", extraction.positions)
            db.execute("DELETE FROM extraction_runs WHERE report_id = ?", (report_id,))
            db.executemany("INSERT INTO extraction_runs (report_id, extractor, ran_at) VALUES (?,?,?)",
                           [(report_id, name, now) for name in names])

    @staticmethod
    def _upsert_actor(db: sqlite3.Connection, actor: Actor) -> None:
        """One row per actor id across reports, the same whatever order the reports come in: of
        the names reports give, the least; aliases and roles as sorted unions."""
        row = db.execute("SELECT aliases, roles, name_en, name_ja FROM actors WHERE id = ?",
                         (actor.id,)).fetchone()
        roles = [_role_dict(r) for r in actor.roles]
        if row is None:
            db.execute("INSERT INTO actors (id, name_en, name_ja, kind, aliases, roles, extractor) "
                       "VALUES (?,?,?,?,?,?,?)",
                       (actor.id, actor.name_en, actor.name_ja, actor.kind,
                        json.dumps(sorted(set(actor.aliases)), ensure_ascii=False),
                        json.dumps(_sorted_roles(roles), ensure_ascii=False), actor.extractor))
            return
        aliases = sorted({*json.loads(row[0]), *actor.aliases})
        known = json.loads(row[1])
        known = _sorted_roles(known + [r for r in roles if r not in known])
        db.execute("UPDATE actors SET aliases = ?, roles = ?, name_en = ?, name_ja = ? WHERE id = ?",
                   (json.dumps(aliases, ensure_ascii=False), json.dumps(known, ensure_ascii=False),
                    _least(row[2], actor.name_en), _least(row[3], actor.name_ja), actor.id))

    def evidence_for(self, item_type: str, item_id: str) -> list[dict[str, Any]]:
        rows = self.db.execute(
            'SELECT report_id, start, "end" FROM evidence WHERE item_type = ? AND item_id = ? '
            "ORDER BY report_id, start", (item_type, item_id)).fetchall()
        return [{"report_id": r[0], "start": r[1], "end": r[2]} for r in rows]


def _least(a: str | None, b: str | None) -> str | None:
    return min((x for x in (a, b) if x), default=None)


def _sorted_roles(roles: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return sorted(roles, key=lambda r: json.dumps(r, sort_keys=True, ensure_ascii=False))


# The ids of a story's reports (its id the parameter) and of the reports of no story.  Looking
# for the latter reads every report id; it is skipped when there are as many story rows as reports
# (a report has one story row at most, and a story row is a stored report's: a foreign key), as
# in a store merged whole.
STORY_SCOPE = ("SELECT report_id FROM report_stories WHERE story_id = ? UNION SELECT id FROM reports "
               "WHERE (SELECT count(*) FROM reports) > (SELECT count(*) FROM report_stories) "
               "AND id NOT IN (SELECT report_id FROM report_stories)")


def _in_story(column: str, story_id: str | None) -> tuple[str, tuple[str, ...]]:
    """The WHERE clause (and its parameter) keeping the rows whose report ``column`` is one of a
    story's reports or of no story's; none without a story."""
    if story_id is None:
        return "", ()
    return f" WHERE {column} IN ({STORY_SCOPE})", (story_id,)


_ITEM_TABLE = {"quote": "quotes", "event": "events", "proposal": "proposals", "position": "positions"}
_COLUMNS_WITHOUT_RAW = (
    "id, source, url, outlet, title, published_at, published_precision, language, text, "
    "content_type, encoding, wire_group"
)
_RECORD_TABLES = ("actors", "quotes", "events", "proposals", "positions", "conflicts")
_JSON_COLUMNS = {"aliases", "roles", "participant_ids", "author_ids", "item_ids", "variants"}


def _role_dict(role: Role) -> dict[str, Any]:
    out: dict[str, Any] = {"title": role.title, "affiliation": role.affiliation}
    for name in ("title_ja", "since", "until"):
        if getattr(role, name):
            out[name] = getattr(role, name)
    return out


def _add_all_evidence(db: sqlite3.Connection, kind: str, items: Iterable[Any]) -> None:
    """The evidence of several items (``.id``, ``.evidence``), in their order, in one statement."""
    db.executemany('INSERT INTO evidence (item_type, item_id, report_id, start, "end") VALUES (?,?,?,?,?)',
                   [(kind, item.id, ev.report_id, ev.start, ev.end)
                    for item in items for ev in item.evidence])


def _add_evidence(db: sqlite3.Connection, kind: str, item_id: str, evidence: Iterable[Evidence]) -> None:
    db.executemany('INSERT INTO evidence (item_type, item_id, report_id, start, "end") VALUES (?,?,?,?,?)',
                   [(kind, item_id, ev.report_id, ev.start, ev.end) for ev in evidence])


def _report(row: sqlite3.Row, with_raw: bool) -> Report:
    return Report(
        id=row["id"], source=row["source"], url=row["url"], outlet=row["outlet"],
        title=row["title"], published_at=row["published_at"],
        published_precision=Precision(row["published_precision"]), language=row["language"],
        text=row["text"], raw=bytes(row["raw"]) if with_raw else b"",
        content_type=row["content_type"], encoding=row["encoding"], wire_group=row["wire_group"],
    )


def _legacy_store(db: sqlite3.Connection, tables: set[str]) -> bool:
    """A communique store from before the application id: its migration table names ours."""
    if "schema_migrations" not in tables or "reports" not in tables:
        return False
    try:
        names = {str(row[0]) for row in db.execute("SELECT name FROM schema_migrations")}
    except sqlite3.DatabaseError:
        return False
    return "0001_reports.sql" in names and all(re.fullmatch(r"\d{4}_[\w-]+\.sql", n) for n in names)


def _retry_busy(step: Any, seconds: float = BUSY_SECONDS) -> Any:
    """Run ``step``; while another process holds the write lock past the driver's own wait,
    try again (with a growing pause) for up to ``seconds``."""
    deadline = time.monotonic() + seconds
    pause = 0.05
    while True:
        try:
            return step()
        except sqlite3.OperationalError as err:
            if ("locked" not in str(err) and "busy" not in str(err)) or time.monotonic() > deadline:
                raise
            time.sleep(pause)
            pause = min(pause * 2, 1.0)


def _statements(sql: str) -> list[str]:
    """Split a migration into statements, keeping trigger bodies whole."""
    statements: list[str] = []
    current: list[str] = []
    for line in sql.splitlines():
        if line.strip().startswith("--") and not current:
            continue
        current.append(line)
        joined = "\n".join(current).strip()
        if joined.endswith(";") and sqlite3.complete_statement(joined):
            statements.append(joined)
            current = []
    if "\n".join(current).strip():
        statements.append("\n".join(current).strip())
    return statements
