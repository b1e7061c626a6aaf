"""Faithfulness: is each sentence supported by the evidence it cites?

A sentence passes when
1. it has at least one citation, each with at least one evidence span;
2. every string it shows as a quote (「…」, 『…』, “…”, "…", and the spans the writer declares
   verbatim) appears verbatim in the text of a cited evidence span (an ellipsis … separates
   parts that must each appear);
3. every date it states (12月3日, 2025年12月, 12月上旬, December 3, early December, Tuesday)
   agrees with a date of a cited item (derived from its evidence by extraction), the
   publication date of a cited report, a date written in the evidence, or a date the
   sentence is allowed to state (the as-of date on the as-of line);
4. every other number it states appears in the cited evidence (digits, English number words
   or kanji numerals with a counter);
5. when a gazetteer is given, every actor it names is one the cited items name (with their
   countries and affiliations), or is named in the cited evidence or the sentence around it.
Quoted text is exempt from 3-5: it is checked verbatim instead.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from ..extract.gazetteer import Gazetteer
from .model import Briefing, Sentence
from .names import name_forms

_MONTHS = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)
_MONTH_RE = "|".join(m.capitalize() for m in _MONTHS) + "|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec"
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_EN_DATE = re.compile(
    rf"\b(?:(?P<part>early|mid|late)[- ])?(?P<month>{_MONTH_RE})\.?(?:\s+(?P<day>\d{{1,2}})(?!\d))?"
    rf"(?:,?\s+(?P<year>\d{{4}}))?\b|\b(?P<day2>\d{{1,2}})\s+(?P<month2>{_MONTH_RE})\b(?:\s+(?P<year2>\d{{4}}))?"
)
_EN_YEAR = re.compile(r"(?<![\d,.])\b(?:19|20)\d{2}\b(?![\d年])")
_WEEKDAY = re.compile(r"\b(" + "|".join(w.capitalize() for w in _WEEKDAYS) + r")\b")
_JA_DATE = re.compile(
    r"(?:(?P<year>\d{4})年)?(?P<month>\d{1,2})月(?:(?P<day>\d{1,2})日|(?P<part>上旬|中旬|下旬|初め|初旬|半ば|末))?"
)
_JA_YEAR = re.compile(r"(?P<year>\d{4})年(?!\d{1,2}月)")
_JA_DAY = re.compile(r"(?<![\d月])(?P<day>\d{1,2})日")
_JA_WEEKDAY = re.compile(r"([月火水木金土日])曜")
_NUMBER = re.compile(r"(?<![A-Za-z\d.,])\d+(?:[.,]\d{3})*(?:\.\d+)?(?![A-Za-z])")
_WORDS = {  # "one" is more often a pronoun than a number
    w: i
    for i, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
        "sixteen seventeen eighteen nineteen twenty".split()
    )
    if i > 1
}
_WORDS.update(
    {
        "thirty": 30,
        "forty": 40,
        "fifty": 50,
        "sixty": 60,
        "seventy": 70,
        "eighty": 80,
        "ninety": 90,
    }
)
_WORD_RE = re.compile(r"\b(" + "|".join(_WORDS) + r")\b", re.I)
_KANJI = "〇一二三四五六七八九"
_KANJI_NUM = re.compile(
    rf"([{_KANJI}十百千]+)(?=つ|項目|人|時間|日間|回|カ国|か国|ヵ国|点|万|億|年|か月|カ月)"
)
_QUOTES = (("「", "」"), ("『", "』"), ("\u201c", "\u201d"), ('"', '"'))
_ELLIPSIS = re.compile(r"…|\.\.\.")


@dataclass(frozen=True, slots=True)
class Failure:
    where: str
    text: str
    reasons: tuple[str, ...]


def normalize(text: str) -> str:
    text = unicodedata.normalize("NFKC", text)
    text = text.replace("\u2019", "'").replace("\u2018", "'")
    return " ".join(text.split())


def quoted_strings(text: str) -> list[str]:
    """The outermost quoted strings of a sentence."""
    out = []
    i = 0
    while i < len(text):
        pair = next(((o, c) for o, c in _QUOTES if text[i] == o), None)
        if pair is None:
            i += 1
            continue
        opener, closer = pair
        depth, j = 1, i + 1
        while j < len(text) and depth:
            if text[j] == closer:
                depth -= 1
            elif text[j] == opener and opener != closer:
                depth += 1
            j += 1
        if depth:  # unbalanced: the rest of the sentence
            out.append(text[i + 1 :])
            break
        out.append(text[i + 1 : j - 1])
        i = j
    return out


def outside_quotes(text: str) -> str:
    for quoted in quoted_strings(text):
        text = text.replace(quoted, " ", 1)
    return text


def _kanji_value(token: str) -> int:
    total, current = 0, 0
    for ch in token:
        if ch in _KANJI:
            current = _KANJI.index(ch)
        else:
            unit = {"十": 10, "百": 100, "千": 1000}[ch]
            total += (current or 1) * unit
            current = 0
    return total + current


def numbers(text: str) -> set[float]:
    text = unicodedata.normalize("NFKC", text)
    out = {float(m.group().replace(",", "")) for m in _NUMBER.finditer(text)}
    out |= {float(_WORDS[m.group().lower()]) for m in _WORD_RE.finditer(text)}
    out |= {float(_kanji_value(m.group(1))) for m in _KANJI_NUM.finditer(text)}
    for m in re.finditer(r"(\d+(?:\.\d+)?)\s*(万|億)", text):  # 150万 = 1,500,000; also "1.5 million"
        out.add(float(m.group(1)) * (10000 if m.group(2) == "万" else 100000000))
    for m in re.finditer(r"(\d+(?:\.\d+)?)\s+(million|thousand|billion)", text, re.I):
        out.add(float(m.group(1)) * {"thousand": 1e3, "million": 1e6, "billion": 1e9}[m.group(2).lower()])
    return out


@dataclass(frozen=True, slots=True)
class DateMention:
    year: int | None
    month: int | None
    day: int | None
    part: str | None = None
    weekday: int | None = None
    span: tuple[int, int] = (0, 0)

    def agrees(self, iso: str) -> bool:
        d = date.fromisoformat(iso)
        if self.weekday is not None:
            return d.weekday() == self.weekday
        if self.year is not None and d.year != self.year:
            return False
        if self.month is not None and d.month != self.month:
            return False
        return self.day is None or d.day == self.day


def dates(text: str) -> list[DateMention]:
    text = unicodedata.normalize("NFKC", text)
    out: list[DateMention] = []
    taken: list[tuple[int, int]] = []

    def add(mention: DateMention) -> None:
        if not any(s < mention.span[1] and mention.span[0] < e for s, e in taken):
            taken.append(mention.span)
            out.append(mention)

    for m in _JA_DATE.finditer(text):
        add(DateMention(_int(m["year"]), int(m["month"]), _int(m["day"]), m["part"], span=m.span()))
    for m in _JA_YEAR.finditer(text):
        add(DateMention(int(m["year"]), None, None, span=m.span()))
    for m in _JA_DAY.finditer(text):
        add(DateMention(None, None, int(m["day"]), span=m.span()))
    for m in _EN_DATE.finditer(text):
        month_name = (m["month"] or m["month2"] or "").lower()
        month = next(i + 1 for i, name in enumerate(_MONTHS) if name.startswith(month_name[:3]))
        if month_name == "may" and not (m["day"] or m["day2"] or m["year"] or m["year2"]):
            continue  # the verb
        add(
            DateMention(
                _int(m["year"] or m["year2"]), month, _int(m["day"] or m["day2"]), m["part"], span=m.span()
            )
        )
    for m in _EN_YEAR.finditer(text):
        add(DateMention(int(m.group()), None, None, span=m.span()))
    for m in _WEEKDAY.finditer(text):
        add(DateMention(None, None, None, weekday=_WEEKDAYS.index(m.group(1).lower()), span=m.span()))
    for m in _JA_WEEKDAY.finditer(text):
        add(DateMention(None, None, None, weekday="月火水木金土日".index(m.group(1)), span=m.span()))
    return out


def _int(value: str | None) -> int | None:
    return int(value) if value else None


def _without(text: str, spans: Iterable[tuple[int, int]]) -> str:
    chars = list(unicodedata.normalize("NFKC", text))
    for start, end in spans:
        for i in range(start, end):
            chars[i] = " "
    return "".join(chars)


_FORMS: dict[tuple[int, str], tuple[dict[str, str], re.Pattern[str]]] = {}


def _names(gazetteer: Gazetteer, lang: str) -> tuple[dict[str, str], re.Pattern[str]]:
    """Name forms of a language -> actor id, and one pattern matching them (built once per gazetteer)."""
    cached = _FORMS.get((id(gazetteer), lang))
    if cached is None:
        forms = name_forms(gazetteer, lang)
        alternation = "|".join(re.escape(form) for form in forms)
        pattern = re.compile(rf"(?<![\w-])(?:{alternation})(?![\w-])" if lang == "en" else alternation)
        cached = (forms, pattern)
        _FORMS[(id(gazetteer), lang)] = cached
    return cached


def _name_spans(text: str, gazetteer: Gazetteer) -> list[tuple[int, int]]:
    """Where actor names sit in a text (their digits, as in G20, are not numbers)."""
    return [m.span() for lang in ("en", "ja") for m in _names(gazetteer, lang)[1].finditer(text)]


def named_actors(text: str, gazetteer: Gazetteer) -> set[str]:
    found = set()
    for lang in ("en", "ja"):
        forms, pattern = _names(gazetteer, lang)
        found |= {forms[m.group()] for m in pattern.finditer(text)}
    return found


def check(sentence: Sentence, gazetteer: Gazetteer | None = None) -> tuple[str, ...]:
    """The reasons a sentence is not supported by its citations (empty when it is)."""
    reasons: list[str] = []
    evidence = [ev.text for c in sentence.citations for ev in c.evidence]
    if not sentence.citations or not evidence:
        return ("no citation",)
    if any(not c.evidence for c in sentence.citations):
        reasons.append("a citation without evidence")
    haystack = [normalize(t) for t in evidence]
    for quoted in dict.fromkeys([*quoted_strings(sentence.text), *sentence.quoted]):
        for part in _ELLIPSIS.split(quoted):
            part = normalize(part).strip(" 、,.")
            if part and not any(part in h for h in haystack):
                reasons.append(f"quote not in the cited evidence: {part!r}")
    rest = outside_quotes(sentence.text)
    for source in sentence.sources:  # outlet names are attributions, not claims
        rest = rest.replace(source, " ")
    mentions = dates(rest)
    allowed = {d for c in sentence.citations for d in c.dates} | set(sentence.allowed_dates)
    in_evidence = [m for t in evidence for m in dates(t)]
    for mention in mentions:
        if any(mention.agrees(d) for d in allowed):
            continue
        if mention.weekday is None and any(_same(mention, m) for m in in_evidence):
            continue
        reasons.append(
            f"date not in the cited evidence: {unicodedata.normalize('NFKC', rest)[slice(*mention.span)]!r}"
        )
    known = set().union(*(numbers(t) for t in evidence)) if evidence else set()
    names = _name_spans(unicodedata.normalize("NFKC", rest), gazetteer) if gazetteer else []
    for value in sorted(numbers(_without(rest, [m.span for m in mentions] + names))):
        if value not in known:
            reasons.append(f"number not in the cited evidence: {value:g}")
    if gazetteer is not None:
        linked = {a for c in sentence.citations for a in c.actors}
        context = [ev.context or ev.text for c in sentence.citations for ev in c.evidence]
        in_text = named_actors(" ".join(evidence + context), gazetteer)
        for actor in sorted(named_actors(rest, gazetteer) - linked - in_text):
            reasons.append(f"actor not in the cited items or evidence: {actor}")
    return tuple(reasons)


def _same(a: DateMention, b: DateMention) -> bool:
    return (
        (a.month == b.month or a.month is None or b.month is None)
        and a.day == b.day
        and (a.year is None or b.year is None or a.year == b.year)
        and (a.day is not None or a.month == b.month)
    )


def verify_briefing(
    briefing: Briefing, records: Iterable[Mapping[str, Any]] | None = None, gazetteer: Gazetteer | None = None
) -> list[Failure]:
    """Every sentence of a briefing that fails :func:`check`.  With ``records``, the evidence text
    copied into the briefing is also checked against the reports it claims to come from."""
    texts: dict[str, str] = {}
    if records is not None:
        texts = {str(r["id"]): str(r.get("text") or "") for r in records if r.get("type") == "report"}
    failures = []
    for where, sentence in briefing.sentences():
        reasons = list(check(sentence, gazetteer))
        if texts:
            for citation in sentence.citations:
                for ev in citation.evidence:
                    if texts.get(ev.report_id, "")[ev.start : ev.end] != ev.text:
                        reasons.append(
                            f"evidence text differs from report {ev.report_id} [{ev.start}:{ev.end}]"
                        )
        if reasons:
            failures.append(Failure(where, sentence.text, tuple(reasons)))
    return failures
