"""Wire copies: the same agency story republished by several sites.

Each report gets a MinHash signature over word shingles (character shingles for
Japanese).  The signature is cut into bands; reports that share a band are candidates
(locality-sensitive hashing, with the bands kept in the store so the index never has to
sit in memory).  A candidate joins the wire group only if the exact shingle containment
of the smaller text in the larger is high: copies with a paragraph added or dropped
still group, while different stories on the same events, which share a quote or two,
do not.
"""

from __future__ import annotations

import hashlib
import re
import struct
import unicodedata

import numpy as np
from datasketch import MinHash

NUM_PERM = 128
BANDS = 32
ROWS = NUM_PERM // BANDS  # candidates from Jaccard ~0.4 upward
CONTAINMENT_THRESHOLD = 0.6
_WORD = re.compile(r"\w+")
_NOT_CJK = re.compile(r"[^\u3040-\u30ff\u4e00-\u9fff\w]")


# Shingles come from the first 300,000 characters: far more than any article, and a bound on the
# time and memory a huge report costs (its copies share its beginning all the same).
MAX_SHINGLED = 300_000


def shingles(text: str, language: str) -> set[bytes]:
    normalized = unicodedata.normalize("NFKC", text[:MAX_SHINGLED]).casefold()
    if language in ("ja", "zh"):
        chars = _NOT_CJK.sub("", normalized)
        return {chars[i : i + 7].encode() for i in range(max(1, len(chars) - 6))}
    words = _WORD.findall(normalized)
    return {" ".join(words[i : i + 5]).encode() for i in range(max(1, len(words) - 4))}


def signature(shingle_set: set[bytes]) -> MinHash:
    minhash = MinHash(num_perm=NUM_PERM, seed=7)
    minhash.update_batch(sorted(shingle_set))
    return minhash


def band_hashes(minhash: MinHash) -> list[tuple[int, int]]:
    """(band number, 63-bit hash of that band's rows): the LSH keys of one report."""
    values = np.asarray(minhash.hashvalues, dtype=np.uint64)
    keys = []
    for band in range(BANDS):
        chunk = values[band * ROWS : (band + 1) * ROWS].tobytes()
        digest = hashlib.blake2b(chunk, digest_size=8).digest()
        keys.append((band, struct.unpack(">q", digest)[0] >> 1))
    return keys


def containment(a: set[bytes], b: set[bytes]) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / min(len(a), len(b))


def is_copy(a: set[bytes], b: set[bytes]) -> bool:
    """Same wire story: the smaller text is mostly inside the larger, and both are sizeable."""
    return min(len(a), len(b)) >= 20 and containment(a, b) >= CONTAINMENT_THRESHOLD
