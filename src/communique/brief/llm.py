"""An optional writer: a language model behind an OpenAI-compatible HTTP endpoint.

The model receives the record as numbered facts (statements S1…, events E1…, proposals R1…,
positions P1…, conflicts C1…), each with its evidence text, and must answer with JSON in
which every sentence cites fact ids.  Each sentence is then checked with
:func:`communique.brief.verify.check` against the evidence of the facts it cites (quotes
verbatim, dates, numbers and names supported); a sentence that fails is dropped and listed
in ``Briefing.dropped`` with its reasons.  The as-of line, the conflicts and the references
are always the deterministic writer's.  Nothing here runs unless asked: the default path
never needs a model.
"""

from __future__ import annotations

import dataclasses
import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from ..extract.gazetteer import Gazetteer
from ..extract.gazetteer import load as load_gazetteer
from . import sections as body
from . import select
from .compose import BriefError, Writer, number
from .model import Briefing, Citation, Dropped, Section, Sentence
from .record import Record, day, view
from .verify import check

Transport = Callable[[dict[str, Any]], dict[str, Any]]
_LANGUAGE = {"ja": "Japanese", "en": "English"}
_FALLBACK_TITLE = {"ja": "その他の動き", "en": "Other developments"}


@dataclass(frozen=True, slots=True, kw_only=True)
class LLMConfig:
    url: str  # the API base, e.g. http://127.0.0.1:8080/v1 (…/chat/completions is added)
    model: str
    api_key: str | None = None
    timeout: float = 120.0
    temperature: float = 0.0


@dataclass(frozen=True, slots=True, kw_only=True)
class Fact:
    key: str
    line: str
    citation: Citation


def facts(writer: Writer) -> list[Fact]:
    """The record as numbered facts, each with the citation a sentence citing it will carry."""
    v, out = writer.v, []
    for i, st in enumerate(writer.statements, 1):
        q = select.rendering(st, writer.lang)
        citation = writer.cite(
            q, "quote", st.evidence, actors=[st.speaker_id] if st.speaker_id else [], extra_dates=[st.said_on]
        )
        speaker = writer.names.full(st.speaker_id) if st.speaker_id else st.speaker_text
        out.append(
            Fact(
                key=f"S{i}",
                line=f"statement by {speaker}, said on {st.said_on or 'unknown'}",
                citation=citation,
            )
        )
    for i, event in enumerate(sorted(v.events, key=lambda e: (day(e.get("date")) or "", str(e["id"]))), 1):
        actors = writer.participants(event)
        who = ", ".join(writer.names.full(a) for a in actors)
        out.append(
            Fact(
                key=f"E{i}",
                line=f"{event.get('kind')} on {event.get('date') or 'unknown date'} at "
                f"{event.get('place') or 'unknown place'}; participants: {who or 'unknown'}",
                citation=writer.cite(event, "event", actors=actors),
            )
        )
    for i, prop in enumerate(v.proposals, 1):
        authors = [str(a) for a in prop.get("author_ids") or ()]
        out.append(
            Fact(
                key=f"R{i}",
                line=f"proposal {writer.proposal_label(prop)} by "
                f"{', '.join(writer.names.full(a) for a in authors) or 'unknown'}",
                citation=writer.cite(prop, "proposal", actors=authors),
            )
        )
    for i, track in enumerate(writer.tracks, 1):
        out.append(
            Fact(
                key=f"P{i}",
                line=f"position of {writer.names.full(track.holder_id)} on "
                f"{writer.target_label(track.target)}: {track.stance} (as of {track.current.get('as_of')})",
                citation=writer.target_cite(track, track.current),
            )
        )
    for i, conflict in enumerate(v.conflicts, 1):
        subject, citation = body.conflict_parts(writer, conflict)
        values = " vs ".join(str(var.get("value")) for var in conflict["variants"])
        out.append(Fact(key=f"C{i}", line=f"reports disagree on {subject}: {values}", citation=citation))
    return out


def messages(fact_list: list[Fact], lang: str, as_of: str) -> list[dict[str, str]]:
    schema = (
        '{"headline": {"text": "...", "cite": ["S1"]}, "lead": [{"text": "...", "cite": ["E1"]}], '
        '"sections": [{"title": "...", "sentences": [{"text": "...", "cite": ["P1"]}]}], '
        '"points": [{"text": "...", "cite": ["R1", "P2"]}], "perspective": [{"text": "...", "cite": ["P3"]}]}'
    )
    system = (
        f"You write a news briefing in {_LANGUAGE[lang]} about a developing story, as of {as_of}, "
        "using ONLY the numbered facts given. Every sentence must cite the ids of the facts it rests on. "
        "Quote only words that appear verbatim in a cited fact's evidence, inside quotation marks. "
        "State no date, number or name that is not in the cited evidence. "
        "Hedge what only one report says. Give exactly three points to watch. "
        f"Answer with JSON only, in this shape: {schema}"
    )
    lines = []
    for fact in fact_list:
        evidence = " | ".join(f"\u00ab{ev.context or ev.text}\u00bb" for ev in fact.citation.evidence)
        lines.append(f"[{fact.key}] {fact.line}\n    evidence: {evidence}")
    return [{"role": "system", "content": system}, {"role": "user", "content": "\n".join(lines)}]


def http_transport(config: LLMConfig) -> Transport:
    """POST the request to ``<url>/chat/completions`` and return the decoded JSON reply."""
    import urllib.request  # loaded here: a briefing without a model does not pay for the HTTP client

    endpoint = config.url.rstrip("/")
    if not endpoint.endswith("/chat/completions"):
        endpoint += "/chat/completions"

    def send(payload: dict[str, Any]) -> dict[str, Any]:
        headers = {"Content-Type": "application/json"}
        if config.api_key:
            headers["Authorization"] = f"Bearer {config.api_key}"
        request = urllib.request.Request(
            endpoint, data=json.dumps(payload).encode(), headers=headers, method="POST"
        )
        opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
        try:
            with opener.open(request, timeout=config.timeout) as response:
                return dict(json.loads(response.read().decode("utf-8")))
        except (OSError, ValueError) as err:
            raise BriefError(
                endpoint,
                f"the language model endpoint failed ({err})",
                "check --llm-url and that the server is running, or brief without --llm-url",
            ) from err

    return send


def _content(reply: dict[str, Any]) -> dict[str, Any]:
    try:
        text = str(reply["choices"][0]["message"]["content"])
    except (KeyError, IndexError, TypeError) as err:
        raise BriefError(
            "language model reply",
            "has no choices[0].message.content",
            "use an OpenAI-compatible chat completions endpoint",
        ) from err
    text = re.sub(r"^\s*```(?:json)?\s*|\s*```\s*$", "", text)
    try:
        found = json.loads(text)
    except ValueError as err:
        raise BriefError(
            "language model reply",
            "is not the JSON that was asked for",
            "try another model or a lower temperature",
        ) from err
    if not isinstance(found, dict):
        raise BriefError("language model reply", "is not a JSON object", "try another model")
    return found


class _Checker:
    def __init__(self, fact_list: list[Fact], gazetteer: Gazetteer) -> None:
        self.by_key = {f.key: f for f in fact_list}
        self.gazetteer = gazetteer
        self.dropped: list[Dropped] = []

    def sentence(self, raw: Any, where: str, kind: str) -> Sentence | None:
        if not isinstance(raw, dict) or not str(raw.get("text") or "").strip():
            return None
        text = " ".join(str(raw["text"]).split())
        cites = raw.get("cite") or []
        keys = [str(k).strip("[] ") for k in (cites if isinstance(cites, list) else [cites])]
        unknown = [k for k in keys if k not in self.by_key]
        citations = tuple(self.by_key[k].citation for k in dict.fromkeys(keys) if k in self.by_key)
        sentence = Sentence(text=text, citations=citations, kind=kind)
        reasons = list(check(sentence, self.gazetteer))
        if unknown:
            reasons.append("cites facts that do not exist: " + ", ".join(unknown))
        if reasons:
            self.dropped.append(Dropped(where=where, text=text, reasons=tuple(dict.fromkeys(reasons))))
            return None
        return sentence

    def many(self, raws: Any, where: str, kind: str) -> list[Sentence]:
        items = raws if isinstance(raws, list) else []
        return [s for i, raw in enumerate(items) for s in [self.sentence(raw, f"{where}[{i}]", kind)] if s]


def write(
    records: Iterable[Record],
    *,
    lang: str,
    as_of: str | date,
    config: LLMConfig | None = None,
    transport: Transport | None = None,
    since: str | date | None = None,
    gazetteer: Gazetteer | None = None,
    story_id: str | None = None,
) -> Briefing:
    """A briefing written by a language model and checked sentence by sentence."""
    if transport is None and config is None:
        raise BriefError("llm writer", "needs an endpoint", "give --llm-url and --llm-model")
    gazetteer = gazetteer or load_gazetteer()
    records = list(records)
    v = view(records, as_of, story_id)
    writer = Writer(v, lang, gazetteer)
    base = writer.briefing(day(since) if since else None)
    fact_list = facts(Writer(v, lang, gazetteer))
    payload = {
        "model": config.model if config else "recorded",
        "messages": messages(fact_list, lang, v.as_of),
        "temperature": config.temperature if config else 0.0,
    }
    reply = (transport or http_transport(config))(payload)  # type: ignore[arg-type]
    answer = _content(reply)
    checker = _Checker(fact_list, gazetteer)
    headline = checker.sentence(answer.get("headline"), "headline", "headline") or base.headline
    lead = checker.many(answer.get("lead"), "lead", "lead")
    sections = []
    for i, raw in enumerate(answer.get("sections") or []):
        if not isinstance(raw, dict):
            continue
        title = str(raw.get("title") or "")
        kept = checker.many(raw.get("sentences"), f"section[{i}]", "section")
        if not kept:
            continue
        probe = Sentence(text=title, citations=tuple(c for s in kept for c in s.citations))
        problems = check(probe, gazetteer)
        if problems:
            checker.dropped.append(Dropped(where=f"section[{i}].title", text=title, reasons=problems))
            title = _FALLBACK_TITLE[lang]
        sections.append(Section(key=f"llm:{i}", title=title, sentences=tuple(kept)))
    points = checker.many(answer.get("points"), "points", "point")[:3]
    perspective = checker.many(answer.get("perspective"), "perspective", "perspective")
    draft = dataclasses.replace(
        base,
        headline=headline,
        lead=tuple(lead) or base.lead,
        sections=tuple(sections) or base.sections,
        points=tuple(points),
        perspective=tuple(perspective),
        references=(),
        writer=f"llm:{reply.get('model') or payload['model']}",
        dropped=tuple(checker.dropped),
    )
    return number(draft, v)
