"""Build ``texts/sentences.jsonl`` (third-party text, gitignored) and ``gold.jsonl`` (the team's
labels, in git) from the annotation batches in ``texts/batches/*.py``.

Each batch holds ``LANG``, ``URLS`` (short key -> source URL) and ``ROWS``: (url key, sentence
exactly as the page gives it, PLOVER type or None, source, target, note).  Ids are content
hashes, so rebuilding never renumbers a sentence.

    .venv/bin/python devset/plover/build.py
"""

from __future__ import annotations

import hashlib
import json
import runpy
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
TYPES = {"AGREE", "REJECT", "DEMAND", "DISAPPROVE", "CONSULT", "CONCEDE", "SUPPORT", "ACCUSE", "PROPOSE",
         "THREATEN"}


def sentence_id(lang: str, text: str) -> str:
    return f"{lang}-{hashlib.sha256(text.encode()).hexdigest()[:10]}"


def main() -> int:
    texts: list[dict[str, str]] = []
    gold: list[dict[str, object]] = []
    seen: set[str] = set()
    for batch in sorted((HERE / "texts" / "batches").glob("b*.py")):
        data = runpy.run_path(str(batch))
        lang, urls = data["LANG"], data["URLS"]
        fixed_set = data.get("SET")  # "fresh": gathered after tuning ended, scored apart
        for key, text, kind, source, target, note in data["ROWS"]:
            if kind is not None and kind not in TYPES:
                raise SystemExit(f"{batch.name}: unknown type {kind!r} for {text[:40]!r}")
            sid = sentence_id(lang, text)
            if sid in seen:
                continue
            seen.add(sid)
            texts.append({"id": sid, "url": urls[key], "lang": lang, "text": text})
            row: dict[str, object] = {"id": sid, "url": urls[key], "lang": lang, "type": kind,
                                      "source": source, "target": target}
            if note:
                row["_note"] = note
            if fixed_set:
                row["_set"] = fixed_set
            gold.append(row)
    with open(HERE / "texts" / "sentences.jsonl", "w", encoding="utf-8") as out:
        out.writelines(json.dumps(t, ensure_ascii=False) + "\n" for t in texts)
    with open(HERE / "gold.jsonl", "w", encoding="utf-8") as out:
        out.writelines(json.dumps(g, ensure_ascii=False) + "\n" for g in gold)
    by_lang: dict[str, int] = {}
    for g in gold:
        by_lang[str(g["lang"])] = by_lang.get(str(g["lang"]), 0) + 1
    counts = ", ".join(f"{k} {v}" for k, v in sorted(by_lang.items()))
    print(f"{len(gold)} sentences: {counts}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
