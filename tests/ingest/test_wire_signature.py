"""The wire-copy signature is computed by communique itself: its values, hence the LSH bands kept
in stores, must stay those the earlier versions (which called datasketch 2, "affine32") wrote."""

import importlib.util

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from communique.ingest import wire

TEXT = ("Ukraine and the United States held talks in Geneva on Sunday on a revised peace plan, "
        "officials said after the meeting ended late in the evening.")


def test_signature_values_are_the_stored_ones():
    values = wire.signature(wire.shingles(TEXT, "en"))
    assert values.shape == (wire.NUM_PERM,)
    assert values[:6].tolist() == [250593784, 41516857, 30072248, 16849898, 231604686, 635663849]
    assert wire.band_hashes(values)[:2] == [(0, 3901907731915385154), (1, -2234183279513256311)]


def test_no_shingles_gives_the_empty_signature():
    assert wire.signature(set()).tolist() == [2**32 - 1] * wire.NUM_PERM


@pytest.mark.skipif(importlib.util.find_spec("datasketch") is None, reason="datasketch not installed")
@settings(max_examples=60, deadline=None)
@given(st.sets(st.binary(max_size=40), max_size=80))
def test_signature_is_datasketch_affine32(shingles):
    from datasketch import MinHash

    minhash = MinHash(num_perm=wire.NUM_PERM, seed=7, scheme="affine32")
    minhash.update_batch(sorted(shingles))
    assert np.array_equal(wire.signature(shingles).astype(np.uint64),
                          np.asarray(minhash.hashvalues, dtype=np.uint64))
