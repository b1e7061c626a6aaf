"""The store on a PostgreSQL server (15 or newer): ``--db postgresql://user@host/db``.

The same interface and the same store logic as :class:`~communique.store.sqlite.SQLiteStore`:
this class is a SQLiteStore whose connection speaks PostgreSQL.  The store's queries are written
once, in SQLite's dialect; :func:`translate` rewrites each (once, then cached) for PostgreSQL:
``?`` placeholders, ``INSERT OR IGNORE`` / ``INSERT OR REPLACE`` as ``ON CONFLICT`` (the table's
primary key, read from the catalog), NULLs ordered as SQLite orders them, and the few SQLite
functions the store uses.  Rows read like ``sqlite3.Row`` (by index or by column name).

Concurrency: every write transaction first takes a transaction-level advisory lock of its store
(its schema), so writers run one at a time, as under SQLite's ``BEGIN IMMEDIATE``, and merging
sees a record no other process is changing; readers never wait.  Content-derived ids and
``ON CONFLICT`` make a report stored twice at once an ignored insert, never an error or a copy.
Migrations (``migrations/postgresql``, the same numbers as SQLite's) run in one such transaction.

A schema is communique's or refused: one holding tables but no communique migration table is
another application's, and is never written to.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from functools import lru_cache
from importlib import resources
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from ..errors import StoreError
from .sqlite import SQLiteStore, _now

_MIGRATIONS = "communique.store.migrations.postgresql"
LOCK_CLASS = 0x436F6D71  # "Comq": the advisory lock space of communique's writers

def shown(url: str) -> str:
    """The URL without its password, for messages."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    host = parts.netloc.rpartition("@")[2]
    user = parts.username or ""
    return urlunsplit(parts._replace(netloc=f"{user}:***@{host}"))


def migrations() -> list[tuple[int, str, str]]:
    """(number, name, sql) of every bundled PostgreSQL migration, in order."""
    found = []
    for entry in resources.files(_MIGRATIONS).iterdir():
        name = entry.name
        if name.endswith(".sql") and name[:4].isdigit():
            found.append((int(name[:4]), name, entry.read_text(encoding="utf-8")))
    return sorted(found)


class Row(tuple):  # type: ignore[type-arg]
    """A result row read by position or by column name, like ``sqlite3.Row``."""

    __slots__ = ()
    _index: dict[str, int] = {}

    def __getitem__(self, key: Any) -> Any:
        if isinstance(key, str):
            return tuple.__getitem__(self, self._index[key])
        return tuple.__getitem__(self, key)

    def keys(self) -> list[str]:
        return list(self._index)


@lru_cache(maxsize=256)
def _row_class(names: tuple[str, ...]) -> type[Row]:
    return type("Row", (Row,), {"__slots__": (), "_index": {n: i for i, n in enumerate(names)}})


class _Cursor:
    """What ``execute`` returns: iterable, ``fetchone``, ``fetchall``, ``rowcount``."""

    def __init__(self, cursor: Any) -> None:
        self._cursor = cursor
        self.rowcount = cursor.rowcount
        description = cursor.description
        self._keep: list[int] | None = None
        self._cls: type[Row] | None = None
        if description is not None:
            names = [d.name for d in description]
            # the record tables' insertion order (rowid) is SQLite's hidden column: never returned
            self._keep = [i for i, n in enumerate(names) if n != "rowid"]
            self._cls = _row_class(tuple(names[i] for i in self._keep))

    def _make(self, values: Sequence[Any]) -> Row:
        assert self._cls is not None and self._keep is not None
        return self._cls(values[i] for i in self._keep)

    def fetchone(self) -> Row | None:
        if self._cls is None:
            return None
        values = self._cursor.fetchone()
        return None if values is None else self._make(values)

    def fetchall(self) -> list[Row]:
        if self._cls is None:
            return []
        return [self._make(v) for v in self._cursor.fetchall()]

    def __iter__(self) -> Iterator[Row]:
        return iter(self.fetchall())


class Connection:
    """A psycopg connection that takes the store's SQLite-dialect statements."""

    def __init__(self, conn: Any, name: str = "postgresql") -> None:
        self._conn = conn
        self.name = name
        self._keys = _primary_keys(conn)
        self._ordered = _ordered_tables(conn)
        self.depth = 0
        self._lock = threading.RLock()

    @property
    def in_transaction(self) -> bool:
        return self.depth > 0

    def refresh_keys(self) -> None:
        self._keys = _primary_keys(self._conn)
        self._ordered = _ordered_tables(self._conn)

    def execute(self, sql: str, params: Sequence[Any] | None = None) -> _Cursor:
        values = _values(params)
        return _Cursor(self.raw(translate(sql, self._keys, bool(values), self._ordered), values or None))

    def executemany(self, sql: str, seq: Iterable[Sequence[Any]]) -> _Cursor:
        rows = [_values(p) for p in seq]
        text = translate(sql, self._keys, True, self._ordered)
        with self._lock, _connection_problems(self):
            cursor = self._conn.cursor()
            if rows:
                cursor.executemany(text, rows)
            return _Cursor(cursor)

    def raw(self, sql: str, params: Sequence[Any] | None = None) -> Any:
        """A statement in PostgreSQL's own dialect (``%s`` placeholders); the psycopg cursor."""
        with self._lock, _connection_problems(self):
            cursor = self._conn.cursor()
            cursor.execute(sql, params)
            return cursor

    def close(self) -> None:
        self._conn.close()


@contextmanager
def _connection_problems(db: Connection) -> Iterator[None]:
    """A lost connection or a server going down is one line naming the server, not a traceback."""
    import psycopg

    try:
        yield
    except psycopg.OperationalError as err:
        if not (db._conn.closed or getattr(db._conn, "broken", False)):
            raise  # the connection is fine: a problem of this statement, the caller's to handle
        first = str(err).strip().splitlines()[0] if str(err).strip() else type(err).__name__
        raise StoreError(db.name, f"lost the connection to the PostgreSQL server ({first})",
                         "check that the server runs, then run the command again (what was "
                         "committed is kept; the rest is redone)") from None


def _values(params: Sequence[Any] | None) -> list[Any]:
    if not params:
        return []
    return [bytes(v) if isinstance(v, memoryview) else v for v in params]


def _ordered_tables(conn: Any) -> frozenset[str]:
    """The tables that keep SQLite's insertion order in a rowid column (the record tables)."""
    rows = conn.execute(
        "SELECT table_name FROM information_schema.columns WHERE table_schema = current_schema() "
        "AND column_name = 'rowid'").fetchall()
    return frozenset(str(r[0]) for r in rows)


def _primary_keys(conn: Any) -> dict[str, tuple[str, ...]]:
    rows = conn.execute(
        "SELECT c.relname, a.attname FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid "
        "JOIN pg_namespace n ON n.oid = c.relnamespace "
        "JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = ANY (i.indkey) "
        "WHERE i.indisprimary AND n.nspname = current_schema() ORDER BY c.relname, a.attnum"
    ).fetchall()
    keys: dict[str, list[str]] = {}
    for table, column in rows:
        keys.setdefault(table, []).append(column)
    return {t: tuple(c) for t, c in keys.items()}


class PostgresStore(SQLiteStore):
    """The store in a PostgreSQL database (its current schema).  Use as a context manager."""

    dialect = "postgresql"

    def __init__(self, url: str) -> None:  # noqa: PLR0912 - the failures each have their own message
        try:
            import psycopg
        except ImportError:
            raise StoreError(shown(url), "the PostgreSQL driver (psycopg) is not installed",
                             "install it with `pip install 'psycopg[binary]'` (make install does)") from None
        self.path = shown(url)
        self._depth = 0
        self._counting = False  # raise store_generation at each commit (once the migrations made it)
        try:
            given = psycopg.conninfo.conninfo_to_dict(url)
            if "connect_timeout" not in given:
                url = psycopg.conninfo.make_conninfo(url, connect_timeout=30)
            conn = psycopg.connect(url, autocommit=True)
        except psycopg.Error as err:
            first = str(err).strip().splitlines()[0] if str(err).strip() else type(err).__name__
            raise StoreError(self.path, f"cannot connect to the PostgreSQL server ({first})",
                             "check the URL, that the server runs and that the database exists") from None
        try:
            self.db = Connection(conn, self.path)  # type: ignore[assignment]
            self._check_ours()
            self._migrate()
            self._counting = True
        except StoreError:
            conn.close()
            raise
        except psycopg.Error as err:
            conn.close()
            raise StoreError(self.path, f"the database refused communique's schema ({err})",
                             "check that the user may create tables in it") from None

    @property
    def _pg(self) -> Connection:
        return self.db  # type: ignore[return-value]

    def close(self) -> None:
        self._pg.close()

    def __enter__(self) -> PostgresStore:
        return self

    @contextmanager
    def transaction(self) -> Iterator[Any]:
        """One write transaction, writers one at a time (an advisory lock of this schema).

        Called inside another, it is a savepoint, as on SQLite."""
        db = self._pg
        if db.depth:
            name = f"sp{db.depth}"
            db.raw(f"SAVEPOINT {name}")
            db.depth += 1
            try:
                yield db
            except BaseException:
                db.raw(f"ROLLBACK TO SAVEPOINT {name}")
                db.raw(f"RELEASE SAVEPOINT {name}")
                raise
            finally:
                db.depth -= 1
            db.raw(f"RELEASE SAVEPOINT {name}")
            return
        db.raw("BEGIN")
        db.depth = 1
        try:
            db.raw("SELECT pg_advisory_xact_lock(%s, hashtext(current_schema()))", (LOCK_CLASS,))
            yield db
            if self._counting:
                db.raw("INSERT INTO store_generation (id, n) VALUES (1, 1) "
                       "ON CONFLICT (id) DO UPDATE SET n = store_generation.n + 1")
        except BaseException:
            db.depth = 0
            db.raw("ROLLBACK")
            raise
        db.depth = 0
        db.raw("COMMIT")

    def generation(self) -> int:
        """How many write transactions have committed in this store: another process that reads
        the record (``serve``) asks whether it changed since its last read."""
        row = self._pg.raw("SELECT n FROM store_generation WHERE id = 1").fetchone()
        return int(row[0]) if row else 0

    def _tables(self) -> set[str]:
        rows = self._pg.raw("SELECT tablename FROM pg_tables WHERE schemaname = current_schema()").fetchall()
        return {str(r[0]) for r in rows}

    def _has_migrations(self) -> bool:
        row = self._pg.raw("SELECT to_regclass(quote_ident(current_schema()) || '.schema_migrations')")
        return row.fetchone()[0] is not None

    def _check_ours(self) -> None:
        if self._has_migrations() and _ours(self._pg):
            return
        tables = self._tables()
        if not tables:
            return
        if self._has_migrations() and _ours(self._pg):
            return  # another communique made its tables between the two looks (ingests starting at once)
        listed = ", ".join(sorted(tables)[:5]) + (", …" if len(tables) > 5 else "")
        raise StoreError(self.path, f"not a communique database (its schema holds {len(tables)} table(s) "
                         f"of another application: {listed})",
                         "give another database or schema (options=-csearch_path=NAME); communique "
                         "never writes into another application's tables")

    def _migrate(self) -> None:
        bundled = migrations()
        known = {version for version, _name, _sql in bundled}
        if self._up_to_date(known):
            # the keys read when the connection opened may predate the tables: another process
            # can have made them in between (three ingests starting at once on an empty schema)
            self._pg.refresh_keys()
            return
        with self.transaction() as db:  # one process migrates; the others wait, then find it done
            db.raw("CREATE TABLE IF NOT EXISTS schema_migrations (version BIGINT PRIMARY KEY, "
                   'name TEXT COLLATE "C" NOT NULL, applied_at TEXT NOT NULL)')
            done = {int(r[0]) for r in db.raw("SELECT version FROM schema_migrations").fetchall()}
            newer = sorted(done - known)
            if newer and newer[-1] > max(known, default=0):
                raise StoreError(self.path, f"written by a newer communique (schema {newer[-1]}; this "
                                 f"version knows up to {max(known, default=0)})",
                                 "upgrade communique to open this database")
            for version, name, sql in bundled:
                if version in done:
                    continue
                try:
                    db.raw(sql)
                except Exception as err:  # every migration of this open is undone
                    raise StoreError(self.path, f"migration {name} failed ({err}); nothing was changed",
                                     "report this with the output of `pg_dump --schema-only`") from None
                db.raw("INSERT INTO schema_migrations VALUES (%s, %s, %s)", (version, name, _now()))
        self._pg.refresh_keys()

    def _up_to_date(self, known: set[int]) -> bool:
        if not self._has_migrations():
            return False
        done = {int(r[0]) for r in self._pg.raw("SELECT version FROM schema_migrations").fetchall()}
        return done == known

    def search(self, query: str, limit: int = 20) -> list[tuple[str, str]]:
        """(report id, title) of reports whose title or text contains ``query`` (pg_trgm)."""
        if len(query) < 3:
            return []  # as SQLite's trigram index: fewer than three characters match nothing
        pattern = "%" + query.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        rows = self._pg.raw(
            "SELECT id, title FROM reports WHERE title ILIKE %s OR text ILIKE %s "
            "ORDER BY published_at NULLS FIRST, id LIMIT %s", (pattern, pattern, limit)).fetchall()
        return [(r[0], r[1]) for r in rows]


def _ours(db: Connection) -> bool:
    names = {str(r[0]) for r in db.raw("SELECT name FROM schema_migrations").fetchall()}
    return not names or "0001_reports.sql" in names


# -- the dialect -------------------------------------------------------------------------------
_STRING = re.compile(r"'(?:[^']|'')*'")
_OR_IGNORE = re.compile(r"^\s*INSERT OR IGNORE INTO", re.I)
_OR_REPLACE = re.compile(r"^\s*INSERT OR REPLACE INTO\s+(\w+)\s*\(([^)]*)\)", re.I)
_INSTR_FLAG = re.compile(r"\(instr\((\w+), \?\) > 0\)")
_JSON_ITEM = re.compile(r"json_extract\((\w+), '\$\.(\w+)\[(\d+)\]'\)")
_INDEX_HINT = re.compile(r"\b(WHERE|AND|OR)\s+\+(\w)")
_INDEXED_BY = re.compile(r"\s+INDEXED BY\s+\w+", re.I)  # SQLite's choice of index: PostgreSQL plans its own
_SELF_INCREMENT = re.compile(r"^\s*INSERT INTO (\w+)(.*DO UPDATE SET )(\w+) = \3 ([-+])", re.S | re.I)
_ORDER_BY = re.compile(r"\bORDER BY\b", re.I)
_CLAUSE_END = re.compile(r"\b(LIMIT|OFFSET|UNION|EXCEPT|INTERSECT)\b", re.I)


@lru_cache(maxsize=2048)
def _translate(sql: str, keys: tuple[tuple[str, tuple[str, ...]], ...], params: bool,
               ordered: frozenset[str]) -> str:
    text = sql.strip().rstrip(";")
    text = _INSTR_FLAG.sub(r"(strpos(\1, ?) > 0)::int", text)
    text = _JSON_ITEM.sub(lambda m: f"(({m[1]}::jsonb -> '{m[2]}' ->> {m[3]}) COLLATE \"C\")", text)
    text = _INDEX_HINT.sub(r"\1 \2", text)
    text = _INDEXED_BY.sub("", text)
    text = re.sub(r"\binstr\(", "strpos(", text)
    if _OR_IGNORE.match(text):
        text = _OR_IGNORE.sub("INSERT INTO", text, count=1) + " ON CONFLICT DO NOTHING"
    elif m := _OR_REPLACE.match(text):
        table = m[1]
        columns = [c.strip() for c in m[2].split(",")]
        key = dict(keys).get(table)
        if not key:
            raise StoreError(table, "INSERT OR REPLACE on a table without a primary key",
                             "report this: the PostgreSQL store needs a key to replace by")
        plain = {c.strip('"') for c in key}
        updates = [f"{c} = EXCLUDED.{c}" for c in columns if c.strip('"') not in plain]
        if updates and table in ordered:  # SQLite's REPLACE deletes and inserts: the row goes last
            updates.append("rowid = DEFAULT")
        target = ", ".join(f'"{c}"' for c in key)
        action = f"DO UPDATE SET {', '.join(updates)}" if updates else "DO NOTHING"
        text = "INSERT INTO " + text[m.start(1):] + f" ON CONFLICT ({target}) {action}"
    text = _SELF_INCREMENT.sub(lambda m: f"INSERT INTO {m[1]}{m[2]}{m[3]} = {m[1]}.{m[3]} {m[4]}", text)
    text = _nulls_as_sqlite(text)
    return _placeholders(text, params)


def translate(sql: str, keys: dict[str, tuple[str, ...]], params: bool = True,
              ordered: frozenset[str] = frozenset()) -> str:
    """A statement in SQLite's dialect, as PostgreSQL takes it (``params``: placeholders follow;
    ``ordered``: the tables with a rowid column, which a replaced row renews, as on SQLite)."""
    return _translate(sql, tuple(sorted(keys.items())), params, ordered)


def _placeholders(text: str, params: bool) -> str:
    """``?`` as ``%s`` outside string literals; a literal ``%`` doubled when placeholders follow."""
    if not params:
        return text
    out, last = [], 0
    for m in _STRING.finditer(text):
        out.append(text[last:m.start()].replace("%", "%%").replace("?", "%s"))
        out.append(m.group().replace("%", "%%"))
        last = m.end()
    out.append(text[last:].replace("%", "%%").replace("?", "%s"))
    return "".join(out)


def _nulls_as_sqlite(text: str) -> str:
    """SQLite sorts NULL first ascending and last descending; PostgreSQL the other way round."""
    pieces, last = [], 0
    for m in _ORDER_BY.finditer(text):
        start = m.end()
        end, depth, i = len(text), 0, start
        while i < len(text):
            ch = text[i]
            if ch == "'":
                close = _STRING.match(text, i)
                i = close.end() if close else i + 1
                continue
            if ch == "(":
                depth += 1
            elif ch == ")":
                if depth == 0:
                    end = i
                    break
                depth -= 1
            elif depth == 0 and not text[i - 1].isalnum() and (stop := _CLAUSE_END.match(text, i)):
                end = stop.start()
                break
            i += 1
        terms = _split_top(text[start:end])
        fixed = []
        for term in terms:
            bare = term.strip()
            if re.search(r"\bNULLS\b", bare, re.I):
                fixed.append(" " + bare)
            elif re.search(r"\bDESC$", bare, re.I):
                fixed.append(f" {bare} NULLS LAST")
            else:
                fixed.append(f" {bare} NULLS FIRST")
        pieces.append(text[last:start])
        pieces.append(",".join(fixed) + " ")
        last = end
    pieces.append(text[last:])
    return "".join(pieces).rstrip()


def _split_top(clause: str) -> list[str]:
    terms, depth, current = [], 0, []
    i = 0
    while i < len(clause):
        ch = clause[i]
        if ch == "'":
            close = _STRING.match(clause, i)
            j = close.end() if close else i + 1
            current.append(clause[i:j])
            i = j
            continue
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        if ch == "," and depth == 0:
            terms.append("".join(current))
            current = []
        else:
            current.append(ch)
        i += 1
    if "".join(current).strip():
        terms.append("".join(current))
    return terms
