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
