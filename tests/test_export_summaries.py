"""A merged event's words in each language its reports are written in: the export carries them,
and a Japanese briefing says what was agreed in Japanese words.  Reports written for this test."""

from __future__ import annotations

from pathlib import Path

from communique import pipeline
from communique.model import Precision, Report

EN = "Opening line.\n\nJapan and China agreed on a framework to cut duties on farm goods on Tuesday."
JA = "見出し\n\n日本と中国は2日、農産品の関税を下げる枠組みで合意した。"


def _report(rid: str, text: str, language: str) -> Report:
    return Report(id=rid, source="case", url=None, outlet=f"Outlet {rid}", title=None,
                  published_at="2025-12-03T10:00:00+09:00", published_precision=Precision.DATETIME,
                  language=language, text=text, raw=text.encode(), content_type="text", encoding="utf-8")


def test_an_agreement_told_in_two_languages_keeps_both_wordings(tmp_path: Path) -> None:
    with pipeline.open_store(str(tmp_path / "s.db")) as store:
        for report in (_report("r-en", EN, "en"), _report("r-ja", JA, "ja")):
            pipeline.add_report(store, report)
            assert pipeline.extract_report(store, report) is None
            assert pipeline.merge_report(store, report.id) is None
        pipeline.merge(store)
        deals = [r for r in pipeline.export_records(store, ["event"]) if r["kind"] == "agreement"]
        assert len(deals) == 1, deals
        assert deals[0]["summaries"] == {"en": "a framework to cut duties on farm goods",
                                         "ja": "農産品の関税を下げる枠組み"}
        said = pipeline.brief(store, lang="ja")
        told = [s for _where, s in said.sentences() if "農産品の関税を下げる枠組みで合意" in s.text]
        assert told
        # the report whose words say what was agreed is among those cited
        assert all(any(e.report_id == "r-ja" for c in s.citations for e in c.evidence) for s in told)
