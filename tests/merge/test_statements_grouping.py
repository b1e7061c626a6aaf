"""Statement grouping rules learned on real reports, each as synthetic cases in our own words:
how Japanese attribution between two quotes keeps two remarks apart."""

from __future__ import annotations

from communique.merge import merge
from communique.model import Evidence, Extraction, Precision, Quote, Report


def _one_report(text: str, quotes: list[tuple[str, str]], language: str = "ja") -> list[str]:
    """Merge one report holding ``quotes`` (speaker, words); the statement id of each quote."""
    report = Report(
        id="r-1",
        source="r-1",
        url=None,
        outlet="r-1",
        title="見出し",
        published_at="2026-03-11",
        published_precision=Precision.DAY,
        language=language,
        text=text,
        raw=b"",
        content_type="text",
        encoding="utf-8",
    )
    found = []
    for n, (speaker, words) in enumerate(quotes):
        start = text.index(words)
        found.append(
            Quote(
                id=f"q-{n}",
                speaker_id=speaker,
                speaker_text=speaker,
                text=words,
                language=language,
                direct=True,
                verb="述べた",
                said_on="2026-03-10",
                said_on_precision=Precision.DAY,
                hedge=None,
                evidence=(Evidence(report_id="r-1", start=start, end=start + len(words)),),
                extractor="test",
            )
        )
    record = merge([report], [Extraction(report_id="r-1", quotes=tuple(found))])
    return [record.statement_of[f"q-{n}"] for n in range(len(quotes))]


def test_two_quotes_joined_by_toshi_are_two_remarks() -> None:
    """「…」とし、「…」と述べた: the speaker said one thing, then another (とし is a reporting
    verb), not two fragments of one sentence."""
    first, second = "港湾の協議には楽観も悲観もしていない", "最初の段階はうまく進んだ"
    text = f"見出し\n\n議長は港湾協議について「{first}」とし、「{second}」と述べた。"
    a, b = _one_report(text, [("elena-voss", first), ("elena-voss", second)])
    assert a != b


def test_two_fragments_of_one_sentence_are_still_one_remark() -> None:
    """The rule above leaves true fragments alone: 「…」ことに「…」 is one sentence quoted in two
    pieces."""
    first, second = "まだ目を通していない", "少し失望している"
    text = f"見出し\n\n議長は港湾協定の案に「{first}」ことに「{second}」と語った。"
    a, b = _one_report(text, [("elena-voss", first), ("elena-voss", second)])
    assert a == b
