"""Indirect speech: ``Xは…と述べた`` and ``Xによると、…という`` without quote marks.

The reported clause runs from the subject (after は and any leading date or setting such
as ``記者団に対し、``) to the quotative と; after ``Xによると、`` it runs to the end of the
sentence, less a closing ``という`` / ``ということです`` / ``見通しだ``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .document import Doc
from .sentences import Sentence

SAY = re.compile(
    r"(?<=[たるいだうずかねよくぐすつぬぶむ])(?:など)?と(?:も)?(?!の)(?:"
    r"[^、。「」]{0,8}?(?:述べ|語っ|語り|語る|強調|説明|明らかに|指摘|訴え|主張|表明|警告|明言|否定|批判"
    r"|非難|発表|投稿|くぎを刺|示唆|答え|反論|報告し|言明|話し|言っ|報じ(?!られ)|伝え(?!られ))"
    r"|し(?:たうえで|た上で|ている|ています|た|ており))"
)
NOUN_SAY = re.compile(
    r"(?<![」』])との(?:見方|見通し|考え|認識|見解|立場|方針|意向)を(?:示|明らかに|伝え|報じ|表明)"
    r"|(?<=[るたいだ])(?:考え|方針|意向|構え)を(?:改めて)?(?:示|明らかに|表明)"  # 説明する考えを示した
    r"|(?<=[たるいだ])こと(?:を|も)(?:明らかに|発表|表明)")  # 枠組みの設置で合意したことを明らかにし
SOURCE = re.compile(r"(によりますと|によると|によれば)、?")
_TAIL = re.compile(
    r"(?:ということです|という|見通しだ|見通しです|とされる|とされます|ことになる|だ|です)?。?$")
# used with .match(text, pos): anchored at pos (a "^" would only match at the text's start)
_SETTING = re.compile(
    r"[^、「」]{0,14}?(?:日|夜|朝|夕|後|で|では|に対し|に対して|の中で|うえで|上で|さらに|また|一方|同日|その後|会談後)、"
)
_CONNECTIVES = re.compile(r"(?:そのうえで|その上で|さらに|また|一方|ただ|しかし|同時に|これに対し)、")


@dataclass(frozen=True, slots=True)
class Reported:
    start: int
    end: int
    verb: str
    verb_start: int
    via_source: bool


def _skip_settings(text: str, start: int, end: int) -> int:
    while True:
        while start < end and text[start] in "、 \u3000":
            start += 1
        match = _SETTING.match(text, start, end) or _CONNECTIVES.match(text, start, end)
        if not match or match.end() >= end:
            return start
        start = match.end()


def _speaker_after(doc: Doc, start: int, end: int) -> bool:
    """A person or source marked with は after ``Xによると、``, and a reporting verb after it."""
    for mention in doc.mentions_in(start, end):
        if mention.kind in ("person", "anonymous") and doc.text.startswith("は", mention.end) \
                and SAY.search(doc.text, mention.end, end):
            return True
    return False


# words that point to what was said elsewhere (「このようにコメントした」, 「次のように述べた」): the
# clause holds no words of the speaker's
_POINTER = re.compile(r"(?:この|その|次の|以下の|あの)ように$|(?:こう|そう)$")
_POINTED = re.compile(r"(?:この|その|次の|以下の|あの)ように[^、。「」]{0,12}$")


def reported_clauses(doc: Doc, sentence: Sentence, subject_end: int | None,
                     barriers: list[int] | None = None) -> list[Reported]:
    """Clauses reported without quote marks in one sentence."""
    text = doc.text
    out: list[Reported] = []
    source = SOURCE.search(text, sentence.start, sentence.end)
    if source and _speaker_after(doc, source.end(), sentence.end):
        source = None  # AFP通信によれば、ガザ当局者は…と訴えた: the official speaks, the agency relays
    if source and not doc.inside_bracket(source.start()):
        start = source.end()
        body = text[start:sentence.end]
        tail = _TAIL.search(body)
        end = start + (tail.start() if tail else len(body))
        if end - start >= 6 and not _POINTED.search(text, start, end):
            out.append(Reported(start, end, source.group(1), source.start(), True))
        return out
    cursor = subject_end if subject_end is not None and subject_end < sentence.end else sentence.start
    matches = list(SAY.finditer(text, sentence.start, sentence.end)) + list(
        NOUN_SAY.finditer(text, sentence.start, sentence.end))
    matches.sort(key=lambda m: m.start())
    for match in matches:
        if doc.inside_bracket(match.start()):
            continue
        verb_text = text[match.start():match.end()]
        for close in barriers or ():
            if cursor <= close < match.start():
                following = text.find("、", close, match.start())
                cursor = following + 1 if following != -1 else match.start()
        if match.start() <= cursor:
            continue
        start = _skip_settings(text, cursor, match.start())
        end = match.start()
        if text[end - 2:end] == "など":
            end -= 2
        if end - start >= 5 and not _POINTER.search(text, start, end):
            out.append(Reported(start, end, verb_text.lstrip("とものなど"), match.start(), False))
        comma = text.find("、", match.end(), sentence.end)
        cursor = comma + 1 if comma != -1 else sentence.end
    return out
