"""Issue 13, install: the tool's own dependencies locked apart from the development tools, no
unused dependency, the optional Japanese parser truly optional with a hint naming its extra."""

import ast
import re
import tomllib
import warnings

import pytest

from .conftest import ROOT

PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
DEV_TOOLS = ("pytest", "hypothesis", "ruff", "mypy", "mkdocs", "ginza", "ja-ginza")


def _pins(name: str) -> dict[str, str]:
    text = (ROOT / name).read_text(encoding="utf-8")
    return {m.group(1).lower(): m.group(2) for m in re.finditer(r"^([A-Za-z0-9_.-]+)==(\S+)", text, re.M)}


def _name(requirement: str) -> str:
    return re.split(r"[\s<>=!~;\[@]", requirement, maxsplit=1)[0].lower().replace("_", "-")


def test_the_runtime_lock_holds_no_development_tool():
    runtime = _pins("requirements.lock")
    assert runtime, "requirements.lock pins nothing"
    assert not [tool for tool in DEV_TOOLS if tool in runtime]
    for requirement in PYPROJECT["project"]["dependencies"]:
        name = _name(requirement)
        if "@" not in requirement:  # a pinned wheel by URL is in the lock by its URL
            assert name in runtime or name.replace("-", "_") in runtime, name


def test_the_development_lock_adds_the_tools_with_the_same_versions():
    runtime, dev = _pins("requirements.lock"), _pins("requirements-dev.lock")
    assert all(tool in dev for tool in DEV_TOOLS)
    assert {k: v for k, v in dev.items() if k in runtime} == runtime  # one version of each package


def test_every_declared_dependency_is_used_and_every_import_declared():
    declared = {_name(r) for r in PYPROJECT["project"]["dependencies"]}
    assert "pysbd" not in declared
    imported = set()
    for path in (ROOT / "src" / "communique").rglob("*.py"):
        if "/web/" in str(path):
            continue  # the web app's imports are its own extra
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                imported |= {a.name.split(".")[0] for a in node.names}
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                imported.add(node.module.split(".")[0])
    for module, package in (("rich", "rich"), ("tqdm", "tqdm"), ("feedparser", "feedparser"),
                            ("trafilatura", "trafilatura"), ("sudachipy", "sudachipy")):
        assert module in imported and package in declared, module
    assert "pysbd" not in imported


def test_the_makefile_installs_the_tool_for_demo_and_the_tools_for_test():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert "requirements-dev.lock" in makefile and "requirements.lock" in makefile
    demo = re.search(r"^demo: (.*)$", makefile, re.M).group(1)
    test = re.search(r"^test: (.*)$", makefile, re.M).group(1)
    assert "install-dev" not in demo and "install-dev" in test


def test_a_missing_japanese_parser_names_its_extra(monkeypatch):
    import spacy

    from communique.extract.ja import parse

    def missing(*_args, **_kwargs):
        raise OSError("[E050] Can't find model 'ja_ginza'")

    monkeypatch.setattr(spacy, "load", missing)
    parse._nlp.cache_clear()
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            assert parse.settle(None, None, None) is None  # the rules' answer stands
        assert any("pip install 'communique[ja-parse]'" in str(w.message) for w in caught)
    finally:
        parse._nlp.cache_clear()
    assert "ja-parse" in PYPROJECT["project"]["optional-dependencies"]


@pytest.mark.parametrize("extra", ["ja-parse", "dev"])
def test_extras_exist(extra):
    assert extra in PYPROJECT["project"]["optional-dependencies"]
