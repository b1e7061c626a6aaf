"""Put one retrieved report text in place and check it against the gold.

The development set's texts are third-party pages kept out of git (``devset/*/texts/``).
On a new machine they are retrieved again from stored public copies of each page (the URL
in ``reports.jsonl``): with the team's search tool, a search of the ``pages`` corpus for the
report's headline or first gold quote returns the page text as a JSON string (the result's
``excerpt``) next to its URL. Save that JSON string, quote marks and escapes as returned,
into a file and run::

    .venv/bin/python devset/put_text.py <report-id> saved.json

The text is decoded exactly (no retyping), written to ``devset/<story>/texts/<id>.txt`` and
checked: every gold quote, meeting and agreement span of that report must occur in it (in
the normalised form ``benchmarks/dev_eval.py --check`` uses). The file may also hold the
whole result object (``{"url": ..., "excerpt": ...}``); its URL must then be the listed one.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "benchmarks"))

import devscore  # noqa: E402

# a sentence's end: its mark and any closing quote marks or brackets after it
_SENTENCE_END = re.compile(r"[.!?\u3002\uff01\uff1f][\"\u201d\u2019\u300d\u300f)\uff09]*")


def cut_truncated(text: str) -> str:
    """A stored copy that stops mid-article (the list says ``truncated``) is cut after its last
    complete sentence, as devset/README.md says: words cut mid-way are not the report's."""
    text = text.rstrip()
    ends = list(_SENTENCE_END.finditer(text))
    if not ends or ends[-1].end() == len(text):
        return text
    return text[: ends[-1].end()]


def _fail(message: str) -> int:
    print(message, file=sys.stderr)
    return 2


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        return _fail("usage: devset/put_text.py <report-id> <file holding the excerpt as a JSON string>")
    report_id, saved = argv
    dev = {r.id: r for r in devscore.load_devset(HERE).reports}.get(report_id)
    if dev is None:
        return _fail(f"{report_id}: not listed in any devset/*/reports.jsonl; check the id")
    try:
        value = json.loads(Path(saved).read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        return _fail(f"{saved}: not a JSON string ({exc}); save the excerpt with its quote marks and escapes")
    if isinstance(value, dict):
        if value.get("url") and value["url"] != dev.url:
            return _fail(f"{saved}: the result is {value['url']}, the list has {dev.url}; search again")
        value = value.get("excerpt")
    if not isinstance(value, str) or not value.strip():
        return _fail(f"{saved}: holds no text; save the result's excerpt")
    if dev.truncated:
        value = cut_truncated(value)
    dev.path.parent.mkdir(parents=True, exist_ok=True)
    dev.path.write_text(value if value.endswith("\n") else value + "\n", encoding="utf-8")
    bad = devscore.check_texts(dev)
    for line in bad:
        print(line)
    spans = sum(len(dev.gold.get(key, [])) for key in ("quotes", "meetings", "agreements"))
    print(f"{report_id}: {len(value)} characters written; {spans - len(bad)}/{spans} gold spans found")
    if dev.sha256 and not dev.present:
        print(f"{report_id}: not the text the figures were measured on (sha256 {dev.sha256[:12]}...): "
              "another copy of the page; search for the listed one")
    elif not dev.sha256:
        print(f"{report_id}: no text was measured for it yet; add its sha256 to reports.jsonl "
              "and measure the floors again to count it")
    return 1 if bad else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
