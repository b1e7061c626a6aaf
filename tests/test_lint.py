"""The code stays ruff- and mypy-clean (the house style); both run from the project's lock."""

import importlib.util
import subprocess
import sys

import pytest

from .conftest import ROOT


@pytest.mark.parametrize(
    ("tool", "args"),
    [("ruff", ["check", "src", "tests", "benchmarks"]), ("mypy", ["src"])],
)
def test_clean(tool, args):
    if importlib.util.find_spec(tool) is None:
        pytest.skip(f"{tool} is not installed (pip install -e '.[dev]')")
    done = subprocess.run([sys.executable, "-m", tool, *args], cwd=ROOT, capture_output=True, text=True,
                          timeout=600)
    assert done.returncode == 0, done.stdout[-4000:] + done.stderr[-2000:]
