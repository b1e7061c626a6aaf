"""The seed article (../shared/seed/seed-article-ja.txt) read as input.

Every quote whose speaker the text names gets that speaker; terms and scare quotes get
none.  The seed is never copied into the repository: skipped when the folder is absent.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from communique.extract import ja
from communique.extract.gazetteer import load
from communique.ingest import build_report
from communique.model import Document, Extraction, Report

SEED = Path(__file__).resolve().parents[2].parent / "shared" / "seed" / "seed-article-ja.txt"

pytestmark = pytest.mark.skipif(not SEED.exists(), reason="the seed article (../shared/seed/) is absent")


@pytest.fixture(scope="module")
def seed() -> tuple[Report, Extraction]:
    raw = SEED.read_bytes()
    report, _ = build_report(Document(source=str(SEED), raw=raw, content_type="text",
                                      published_at="2025-12-08", language="ja"))
    return report, ja.extract(report, load())


def _speaker_of(extraction: Extraction, fragment: str) -> str | None:
    found = [q for q in extraction.quotes if fragment in q.text]
    assert found, f"no quote containing {fragment!r}"
    return found[0].speaker_id


@pytest.mark.parametrize(("fragment", "speaker"), [
    ("かなり良い内容", "donald-trump"),
    ("次にどう進むのか", "donald-trump"),
    ("それがどう形になるか", "donald-trump"),
    ("かなりよく練られた", "donald-trump"),
    ("次の一手は不透明", "donald-trump"),  # the headline form and the bulleted 認めており
    ("合意をまとめたい", "vladimir-putin"),  # the impression Putin gave
    ("一部は受け入れ、一部は受け入れがたい", "dmitry-peskov"),
    ("建設的ではない", "russia"),  # ロシア側は … 「建設的ではない」として
    ("ウクライナの利益が考慮されてこそ", "volodymyr-zelensky"),  # omitted subject, carried
])
def test_quotes_get_their_speaker(seed: tuple[Report, Extraction], fragment: str, speaker: str) -> None:
    _, extraction = seed
    assert _speaker_of(extraction, fragment) == speaker


def test_every_tango_quote_is_trumps(seed: tuple[Report, Extraction]) -> None:
    _, extraction = seed
    tango = [q for q in extraction.quotes if "タンゴ" in q.text]
    assert len(tango) == 2 and {q.speaker_id for q in tango} == {"donald-trump"}


@pytest.mark.parametrize("term", ["28項目", "尊厳ある和平", "手応え", "不透明感", "次の一手"])
def test_terms_and_scare_quotes_are_nobodys_words(seed: tuple[Report, Extraction], term: str) -> None:
    _, extraction = seed
    assert not [q for q in extraction.quotes if q.direct and q.text == term]


def test_evidence_reproduces_every_quote(seed: tuple[Report, Extraction]) -> None:
    report, extraction = seed
    for quote in extraction.quotes:
        evidence = quote.evidence[0]
        assert report.text[evidence.start:evidence.end] == quote.text
        assert quote.extractor == "quotes.ja.v12"


def test_hedged_impression_keeps_its_hedge(seed: tuple[Report, Extraction]) -> None:
    _, extraction = seed
    impression = next(q for q in extraction.quotes if "合意をまとめたい" in q.text)
    assert impression.hedge == "とされる"


def test_positions_of_the_seed(seed: tuple[Report, Extraction]) -> None:
    _, extraction = seed
    names = {p.id: p.name for p in extraction.proposals}
    stances = {(p.holder_id, names.get(p.target_id or ""), p.stance) for p in extraction.positions}
    assert ("russia", "米国の28項目和平案", "partly_accept") in stances
    assert ("vladimir-putin", "欧州の対案", "reject") in stances
