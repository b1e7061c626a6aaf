"""A Japanese quotation whose clause names its own subject before the brackets (「Xが「…」との
印象を抱いた」) is the speaker's words about X: shown as the speaker's remark, the reader would take
X's stance for the speaker's, so the briefing leaves it out; the speaker's own words stay."""

from __future__ import annotations

from typing import Any

from communique.brief import brief
from communique.brief.render import markdown

TEXT = ("カタール外務省の報道官は、新政権が「停戦合意を強く支持している」との印象を抱いたとした。"
        "報道官は「人質の解放が予定通り進むことを期待している」と述べた。")


def _quote(qid: str, words: str, sid: str) -> dict[str, Any]:
    start = TEXT.index(words)
    return {"type": "quote", "id": qid, "speaker_id": "qatar", "speaker_text": "カタール外務省の報道官",
            "text": words, "language": "ja", "direct": True, "said_on": "2025-01-16",
            "said_on_precision": "day", "statement_id": sid, "story_id": "s",
            "evidence": [{"report_id": "r1", "start": start, "end": start + len(words)}]}


def test_words_about_another_subject_are_not_the_speakers_stance() -> None:
    records = [
        {"type": "story", "id": "s", "name": "Talks"},
        {"type": "report", "id": "r1", "language": "ja", "text": TEXT, "title": "停戦", "outlet": "通信",
         "published_at": "2025-01-16", "story_id": "s"},
        _quote("q1", "停戦合意を強く支持している", "s1"),
        _quote("q2", "人質の解放が予定通り進むことを期待している", "s2"),
    ]
    text = markdown(brief(records, lang="ja", as_of="2025-01-17", story_id="s"))
    assert "人質の解放が予定通り進むことを期待している" in text
    assert "停戦合意を強く支持している" not in text
