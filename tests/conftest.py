from pathlib import Path

import pytest

from communique.cli import main

from . import postgres

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "examples" / "ukraine-talks-2025"
SEED = ROOT.parent / "shared" / "seed" / "seed-article-ja.txt"

ARTICLE_EN = (
    "Envoys meet Kremlin leader\n\n"
    "MOSCOW, Dec 2, 2025 (Test Wire) - The U.S. envoys met the Russian president in the Kremlin "
    "on Tuesday for talks that lasted about five hours, an aide said.\n\n"
    '"The conversation was useful," the aide told reporters after the meeting ended late at night.\n\n'
    "Both sides agreed to keep the details of the discussion private for now, he added."
)
ARTICLE_JA = (
    "米特使とプーチン大統領が会談\n\n"
    "2025年12月3日 09時15分\n\n"
    "ロシアのプーチン大統領は2日、モスクワで米国の特使と会談した。"
    "大統領補佐官のウシャコフ氏は「有益な対話だった」と述べた。\n\n"
    "会談は約5時間に及んだとされる。"
)


@pytest.fixture
def run(capsys):
    """Run the CLI in-process: returns (exit code, stdout, stderr)."""

    def _run(*args: str) -> tuple[int, str, str]:
        code = main([str(a) for a in args])
        out, err = capsys.readouterr()
        return code, out, err

    return _run


@pytest.fixture
def db(tmp_path):
    return tmp_path / "test.db"


@pytest.fixture(autouse=True, scope="session")
def _postgresql_router():
    """With COMMUNIQUE_TEST_DB=postgresql://..., every store the tests open is in PostgreSQL
    (tests/postgres.py); otherwise nothing changes."""
    if not postgres.ACTIVE:
        yield None
        return
    with pytest.MonkeyPatch.context() as patch:
        router = postgres.install(patch)
        yield router
        router.admin.close()


@pytest.fixture(autouse=True)
def _drop_test_schemas(request, _postgresql_router):
    """On PostgreSQL, a test's stores (under its tmp_path) go with it."""
    yield
    tmp = request.node.funcargs.get("tmp_path") if hasattr(request.node, "funcargs") else None
    if _postgresql_router is not None and tmp is not None:
        _postgresql_router.drop_under(tmp)


@pytest.fixture(autouse=True, scope="session")
def _default_database_outside_the_checkout(tmp_path_factory):
    """A command run without --db uses $COMMUNIQUE_DB: point it into a temporary folder, so the
    suite never leaves a communique.db in the working tree."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("COMMUNIQUE_DB", str(tmp_path_factory.mktemp("default-db") / "communique.db"))
        yield


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    """Say once why the tests on the seed article were skipped (it is kept outside the repository)."""
    skipped = terminalreporter.stats.get("skipped", [])
    seed = [r for r in skipped if "seed article" in str(getattr(r, "longrepr", ""))]
    if seed:
        terminalreporter.write_line(
            f"{len(seed)} test(s) skipped because the seed article {SEED} is absent: it is the team's "
            "reference briefing, kept outside the repository; they run where ../shared/seed/ exists.")
