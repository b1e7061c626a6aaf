"""Issue 13, point 10: the test suite leaves no database in the checkout and says once why the
seed-article tests are skipped."""

import os
from pathlib import Path

from .conftest import ROOT

pytest_plugins = ["pytester"]


def test_commands_without_db_use_a_temporary_default(run):
    default = Path(os.environ["COMMUNIQUE_DB"])
    assert ROOT not in default.parents  # the conftest points the default outside the checkout
    code, _out, err = run("reports")
    assert code == 1 and f"{default}: no such database" in err
    assert not default.exists()


def test_seed_skips_are_explained_once_in_the_summary(pytester):
    pytester.makepyfile(test_seedless="""
        import pytest

        @pytest.mark.parametrize("n", range(3))
        def test_needs_seed(n):
            pytest.skip("the seed article (../shared/seed/) is absent")

        def test_other():
            pytest.skip("something else")
    """)
    result = pytester.runpytest("-p", "tests.conftest", "-q")
    lines = [line for line in result.outlines if "because the seed article" in line]
    assert len(lines) == 1 and lines[0].startswith("3 test(s) skipped because the seed article")
    assert "kept outside the repository" in lines[0]
