"""The test suite on PostgreSQL: ``COMMUNIQUE_TEST_DB=postgresql://...`` (scripts/with-postgres sets it).

Every store a test opens -- ``SQLiteStore(path)``, ``open_store(path)``, ``--db path`` on the command
line -- is then a :class:`PostgresStore` in a schema of its own on that server, named from the
path, so the tests run unchanged: the same path opens the same store again, a new path a fresh one,
and ``shutil.copy`` of a store's file copies its schema.
The path itself is created as an empty file, so that commands which refuse a database path that
does not exist accept it.  When a test ends, its stores (those under its own ``tmp_path``; stores
of session fixtures stay until the server goes) are emptied and given to the next new stores, so
the migrations run once per schema, not once per test; a store a test changed the shape of (a
newer migration recorded, a table dropped) is dropped instead.

Tests that are about the SQLite file itself (its header, WAL, a damaged file) are marked
``sqlite_only`` and skipped here with that reason.
"""

from __future__ import annotations

import hashlib
import os
import shutil
from pathlib import Path
from urllib.parse import quote

import pytest

URL = os.environ.get("COMMUNIQUE_TEST_DB", "")
ACTIVE = URL.startswith(("postgresql://", "postgres://"))

sqlite_only = pytest.mark.skipif(ACTIVE, reason="about the SQLite file itself (runs on the SQLite pass)")
file_only = pytest.mark.skipif(ACTIVE, reason="a command that takes a database file only (serve, follow) "
                               "run as a process (runs on the SQLite pass)")


def integrity_ok(store: object) -> bool:
    """SQLite's ``PRAGMA integrity_check`` says ok; on PostgreSQL (which keeps its own pages and
    keys consistent), no index of the store's schema is left invalid."""
    db = store.db  # type: ignore[attr-defined]
    if not ACTIVE:
        return bool(db.execute("PRAGMA integrity_check").fetchone()[0] == "ok")
    return db.execute(
        "SELECT count(*) FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid "
        "JOIN pg_namespace n ON n.oid = c.relnamespace "
        "WHERE n.nspname = current_schema() AND NOT (i.indisvalid AND i.indisready)").fetchone()[0] == 0


def schema_url(schema: str) -> str:
    """The test server's URL with ``schema`` first on the search path (pg_trgm lives in public)."""
    joiner = "&" if "?" in URL else "?"
    return f"{URL}{joiner}options={quote(f'-csearch_path={schema},public')}"


class Router:
    """Maps store paths to schemas on the test server, creating them on first use."""

    def __init__(self) -> None:
        import psycopg

        self.admin = psycopg.connect(URL, autocommit=True)
        self.admin.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA public")
        self.admin.execute("SET lock_timeout = '2s'")
        self.created: dict[str, str] = {}  # schema -> the path it stands for
        self.free: list[str] = []  # emptied schemas of ended tests, migrated: the next new stores
        self.shape: tuple[object, ...] | None = None  # what a freshly migrated schema holds

    def url_for(self, path: str | Path) -> str:
        from communique.errors import StoreError

        target = Path(path).absolute()
        schema = "t_" + hashlib.sha1(str(target).encode()).hexdigest()[:20]
        if schema not in self.created:
            exists = self.admin.execute("SELECT 1 FROM pg_namespace WHERE nspname = %s", (schema,)).fetchone()
            if not exists and self.free:  # a migrated, emptied schema of an ended test: no DDL to run
                self.admin.execute(f"ALTER SCHEMA {self.free.pop()} RENAME TO {schema}")
            else:
                self.admin.execute(f"CREATE SCHEMA IF NOT EXISTS {schema}")
            self.created[schema] = str(target)
        try:
            target.touch(exist_ok=True)
        except OSError as err:
            raise StoreError(str(path), f"cannot open the database ({err})",
                             "check the path and its permissions") from None
        return schema_url(schema)

    def schema_of(self, path: str | Path) -> str | None:
        target = str(Path(path).absolute())
        return next((s for s, p in self.created.items() if p == target), None)

    def clone(self, source: str, path: str | Path) -> None:
        """A copy of a store file is a copy of its schema: every row, as it is."""
        from communique.store.postgresql import PostgresStore

        url = self.url_for(path)
        target = url.rsplit("search_path%3D", 1)[1].split("%2C", 1)[0]
        self.admin.execute(f"DROP SCHEMA IF EXISTS {target} CASCADE")
        self.admin.execute(f"CREATE SCHEMA {target}")
        PostgresStore.__new__(PostgresStore).__init__(url)  # the tables, by the migrations
        tables = [r[0] for r in self.admin.execute(
            "SELECT tablename FROM pg_tables WHERE schemaname = %s AND tablename <> 'schema_migrations'",
            (source,))]
        with self.admin.transaction():
            self.admin.execute("SET LOCAL session_replication_role = replica")  # keys checked already
            for table in tables:
                self.admin.execute(f"DELETE FROM {target}.{table}")  # rows the migrations made
                self.admin.execute(f"INSERT INTO {target}.{table} OVERRIDING SYSTEM VALUE "
                                   f"SELECT * FROM {source}.{table}")
            # a serial column goes on from where the copied rows are (the merge journal's order)
            for table, column in self.admin.execute(
                "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = %s "
                "AND column_default LIKE 'nextval(%%'", (target,)).fetchall():
                self.admin.execute(
                    f"SELECT setval(pg_get_serial_sequence('{target}.{table}', '{column}'), "
                    f"greatest((SELECT max({column}) FROM {target}.{table}), 1))")

    def _shape(self, schema: str) -> tuple[object, ...]:
        """The relations of a schema and its migrations (a store a test left as migrated, or not)."""
        relations = tuple(self.admin.execute(
            "SELECT c.relname, c.relkind FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
            "WHERE n.nspname = %s ORDER BY 1", (schema,)).fetchall())
        if ("schema_migrations", "r") not in relations:
            return relations, ()
        versions = self.admin.execute(f"SELECT version FROM {schema}.schema_migrations ORDER BY 1").fetchall()
        return relations, tuple(versions)

    def _recycle(self, schema: str) -> bool:
        """Empty a store a test has ended with, for the next one, if it is as the migrations make it."""
        if self.shape is None:
            from communique.store.postgresql import PostgresStore

            self.admin.execute("DROP SCHEMA IF EXISTS shape_reference CASCADE")
            self.admin.execute("CREATE SCHEMA shape_reference")
            PostgresStore.__new__(PostgresStore).__init__(schema_url("shape_reference"))
            self.shape = self._shape("shape_reference")
            self.admin.execute("DROP SCHEMA shape_reference CASCADE")
        relations, _versions = shape = self._shape(schema)
        if shape != self.shape:
            return False
        tables = [f"{schema}.{name}" for name, kind in relations
                  if kind == "r" and name != "schema_migrations"]
        with self.admin.transaction():  # (DELETE: quicker than TRUNCATE on a test's few rows)
            self.admin.execute("SET LOCAL session_replication_role = replica")
            self.admin.execute("; ".join(f"DELETE FROM {table}" for table in tables))
            # the one row migration 0017 makes: the merge journal on, reaching back to the start
            self.admin.execute(f"INSERT INTO {schema}.merge_journal_state (id, journal) VALUES (1, 1)")
        return True

    def drop_under(self, folder: Path) -> None:
        prefix = str(folder.absolute()) + os.sep
        for schema, path in list(self.created.items()):
            if path.startswith(prefix):
                try:
                    if self._recycle(schema):
                        self.free.append(schema)
                    else:
                        self.admin.execute(f"DROP SCHEMA IF EXISTS {schema} CASCADE")
                except Exception:  # noqa: BLE001 - a connection a test left open holds it: leave it
                    continue
                del self.created[schema]


def install(patch: pytest.MonkeyPatch) -> Router:
    """Route every store the tests open to PostgreSQL (for the session)."""
    from communique.store import is_url
    from communique.store.postgresql import PostgresStore
    from communique.store.sqlite import SQLiteStore

    router = Router()
    original_init = PostgresStore.__init__

    def new(cls: type, *args: object, **kwargs: object) -> object:
        return object.__new__(PostgresStore if cls is SQLiteStore else cls)

    def init(self: PostgresStore, path: str | Path) -> None:
        original_init(self, str(path) if is_url(path) else router.url_for(path))
        if not is_url(path):
            self.path = str(path)  # as the tests (and the messages) name it

    def copy(source: str | Path, target: str | Path, *args: object, **kwargs: object) -> object:
        done = original_copy(source, target, *args, **kwargs)
        schema = router.schema_of(source)
        if schema is not None:
            router.clone(schema, Path(target) / Path(source).name if Path(target).is_dir() else target)
        return done

    original_copy = shutil.copy
    patch.setattr(shutil, "copy", copy)
    patch.setattr(SQLiteStore, "__new__", new)
    patch.setattr(PostgresStore, "__init__", init)
    return router
