"""Who is the subject: は / が / も marked mentions, according-to phrases, hedges.

Japanese leaves the subject out when it is the same as in the sentence before, so the
:class:`Discourse` carries the last topic forward (within a few sentences).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .actors import Mention
from .document import Doc

_MARKER = re.compile(
    r"(?:自身|自ら|本人|氏|ら|など|両氏|の二人|の2人|の両氏)?(?:[、,])?"
    r"(によりますと|によると|によれば|の説明では|の説明によると|からは|からも|は|が|も)"
)
SUBJECT_MARKERS = ("は", "が", "も")
SOURCE_MARKERS = ("によりますと", "によると", "によれば", "の説明では", "の説明によると")
FROM_MARKERS = ("からは", "からも")
_HEDGES = re.compile(
    r"報道によりますと|報道によると|報道によれば|関係者によると|によりますと"
    r"|とされ(?:る|ます|ている|ています|た|ました)|とされて"
    r"|と伝えられ(?:た|ている|ました|ています|る)|と伝えられて"
    r"|ということです|とみられ(?:る|ます|ている|ています)|見通し(?:だ|です|で)?|模様|という(?:。|$)"
)


_RELAY = re.compile(
    r"(?:[^、。「]{0,20}?)(報道によりますと|報道によると|報道によれば|によりますと|によると|によれば)")


@dataclass(frozen=True, slots=True)
class Marked:
    mention: Mention
    marker: str  # は | が | も | によると … | からは …
    end: int  # end of the marker


def marker_of(doc: Doc, mention: Mention) -> Marked | None:
    """The case or topic particle right after a mention, if it marks a subject or a source."""
    if mention.metonym and doc.text.startswith("で", mention.end):
        return None
    match = _MARKER.match(doc.text, mention.end)
    if not match:
        return None
    marker = match.group(1)
    after = doc.text[match.end():match.end() + 1]
    if marker == "は" and doc.text[mention.end - 1:mention.end] in ("と", "に", "で"):
        return None
    if marker in ("が", "も", "は") and after in ("ら",):
        return None
    return Marked(mention, marker, match.end())


def marked_in(doc: Doc, start: int, end: int) -> list[Marked]:
    """Marked mentions in ``text[start:end]`` that are not inside a quote."""
    out = []
    for mention in doc.mentions_in(start, end):
        if doc.inside_bracket(mention.start):
            continue
        mark = marker_of(doc, mention)
        if mark is not None:
            out.append(mark)
    return out


def hedge_in(text: str) -> str | None:
    match = _HEDGES.search(text)
    if not match:
        return None
    value = match.group()
    if value.startswith("とされ"):
        return "とされる"
    if value.startswith("と伝えられ"):
        return "と伝えられた"
    if value.startswith("とみられ"):
        return "とみられる"
    if value.startswith("見通し"):
        return "見通し"
    if value.startswith("という"):
        return "という"
    return value


def relay_of(doc: Doc, start: int, end: int) -> str | None:
    """A sentence-initial hedge that names who relays it (報道によりますと, X通信によると)."""
    head = doc.text[start:end]
    match = _RELAY.match(head)
    if not match:
        return None
    source_start = start
    for mention in doc.mentions_in(start, start + match.end()):
        if mention.kind in ("person", "collective", "organization", "country", "bloc"):
            return None  # a named source is the speaker, not a hedge
    return doc.text[source_start:start + match.end()]


@dataclass(slots=True)
class Discourse:
    """The topic carried from sentence to sentence (the omitted subject)."""

    topic: Mention | None = None
    age: int = 0

    def update(self, mention: Mention | None) -> None:
        if mention is not None:
            self.topic, self.age = mention, 0
        else:
            self.age += 1
            if self.age > 3:
                self.topic = None

    def carried(self) -> Mention | None:
        return self.topic


def sentence_topic(doc: Doc, start: int, end: int) -> Mention | None:
    """The first は / が / も marked actor of a sentence (its main subject, usually)."""
    marks = marked_in(doc, start, end)
    for mark in marks:
        if mark.marker in ("は", "も") and mark.mention.kind in (
            "person", "collective", "country", "organization", "bloc", "anonymous"
        ):
            return mark.mention
    if marks and marks[0].marker == "が" and marks[0].mention.kind == "person" \
            and _OPENING.fullmatch(doc.text, start, marks[0].mention.start):
        return marks[0].mention  # 河野太郎外相が中東歴訪をスタートした: the sentence's own subject
    return None


_OPENING = re.compile(r"(?:【[^】]{0,20}】)?[ \u3000]*")
# what may open a sentence before its subject: 「一方、」「これに対し」「また」
_CONNECTIVE = re.compile(
    r"(?:【[^】]{0,20}】)?[ \u3000]*(?:(?:一方|他方|また|さらに|これに対し(?:て)?|ただ)[、，]?)?")
_ALSO_KINDS = ("collective", "country", "organization", "bloc")


def leading_also(doc: Doc, start: int, marks: list[Marked]) -> Mention | None:
    """An actor that opens its sentence marked with も (「一方パキスタンも、…と主張した」): the
    sentence's subject, saying the same kind of thing as the one before (not what the one
    before said about it), unless a は topic comes after it."""
    also = next((m for m in marks if m.marker == "も" and m.mention.kind in _ALSO_KINDS), None)
    if also is None or not _CONNECTIVE.fullmatch(doc.text, start, also.mention.start):
        return None
    if any(m.marker == "は" and m.end > also.end for m in marks):
        return None
    return also.mention
