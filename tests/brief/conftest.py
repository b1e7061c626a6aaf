from __future__ import annotations

import pytest

from communique.extract.gazetteer import load

from .fixtures import trade_records, ukraine_records


@pytest.fixture(scope="session")
def gazetteer():
    return load()


@pytest.fixture(scope="session")
def ukraine():
    return ukraine_records()


@pytest.fixture(scope="session")
def trade():
    return trade_records()


@pytest.fixture(scope="session")
def corpus(tmp_path_factory):
    """The sample corpus ingested into a temporary store (about 20 s): its export records."""
    from .corpus import ingest

    return ingest(tmp_path_factory.mktemp("corpus") / "corpus.db")
