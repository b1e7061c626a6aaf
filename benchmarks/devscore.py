"""Scoring communique against the development set of real reports (``devset/``).

The report texts are third-party pages kept out of git (``devset/<story>/texts/``); the gold
is the team's annotation (``devset/<story>/gold.json``, schema in ``devset/README.md``).
Each present report is read the way ``communique ingest`` reads a plain-text page (outlet,
URL, date and language from the list; the title is left for ingest to find), extracted, and
scored:

- quotes: a predicted quote matches a gold one when their words overlap by at least half of
  the shorter and a fifth of the longer; recall and precision over one-to-one matches, and
  speaker accuracy over the matched ones (the predicted speaker names the gold person);
- meetings: predicted meetings, calls and planned meetings are matched to gold ones of the
  same report (same held/planned family, best participant and evidence overlap); participant
  precision over matched meetings, recall over every gold meeting;
- agreements: predicted agreements matched to gold ones of the same report (a shared party or
  half the evidence); participant precision over matched ones, recall over every gold one;
- titles: right when the stored title is the gold headline (or both are absent); a wrong
  title is counted as furniture when it shares almost nothing with the headline;
- statements (with a store): pairs of matched quotes in different reports that carry the
  same gold statement, grouped or not, en-en and en-ja separately.

Used by ``benchmarks/dev_eval.py`` (prints figures) and ``tests/test_devset.py`` (floors).
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from functools import cache
from pathlib import Path
from typing import Any

from communique.extract import extract as run_extractors
from communique.extract.gazetteer import Gazetteer
from communique.ingest import build_report
from communique.model import Document, Extraction, Report

ROOT = Path(__file__).resolve().parents[1] / "devset"
MEETING_KINDS = {"meeting": "held", "phone_call": "held", "planned_meeting": "planned"}


# --------------------------------------------------------------------------- the data


@dataclass(frozen=True, slots=True, kw_only=True)
class DevReport:
    id: str
    story: str
    language: str
    url: str | None
    outlet: str | None
    published_at: str | None
    wire_of: str | None
    truncated: bool
    sha256: str | None  # of the text the figures and floors were measured on (None: never retrieved)
    path: Path
    gold: dict[str, Any]

    @property
    def present(self) -> bool:
        """The text the figures were measured on is here (the same bytes)."""
        return self.sha256 is not None and self.path.is_file() and _sha256(self.path) == self.sha256

    @property
    def changed(self) -> bool:
        """A text is here, but not the one measured (another copy of the page, or one never listed)."""
        return self.path.is_file() and not self.present


@dataclass(slots=True)
class DevSet:
    stories: list[dict[str, Any]] = field(default_factory=list)
    reports: list[DevReport] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    @property
    def present(self) -> list[DevReport]:
        return [r for r in self.reports if r.present]

    @property
    def absent(self) -> list[DevReport]:
        return [r for r in self.reports if not r.present]

    @property
    def complete(self) -> bool:
        """Every measured text is here: the floors, measured on all of them, apply."""
        return all(r.present for r in self.reports if r.sha256)


@cache
def _sha256_of(path: Path, size: int, mtime: float) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _sha256(path: Path) -> str:
    stat = path.stat()
    return _sha256_of(path, stat.st_size, stat.st_mtime)


def load_devset(root: Path = ROOT) -> DevSet:
    """Every story folder with a ``reports.jsonl`` and a ``gold.json``."""
    dev = DevSet()
    for folder in sorted(p for p in root.iterdir() if p.is_dir()) if root.is_dir() else []:
        listing, gold_path = folder / "reports.jsonl", folder / "gold.json"
        if not listing.is_file() or not gold_path.is_file():
            continue
        story_path = folder / "story.json"
        story = json.loads(story_path.read_text(encoding="utf-8")) if story_path.is_file() else {}
        story.setdefault("id", folder.name)
        dev.stories.append(story)
        gold = {g["id"]: g for g in json.loads(gold_path.read_text(encoding="utf-8")).get("reports", [])}
        for line in listing.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            row = json.loads(line)
            if row["id"] not in gold:
                dev.problems.append(f"{folder.name}: {row['id']} is listed but has no gold entry")
                continue
            dev.reports.append(DevReport(
                id=row["id"], story=row.get("story") or folder.name, language=row["language"],
                url=row.get("url"), outlet=row.get("outlet"), published_at=row.get("published_at"),
                wire_of=row.get("wire_of"), truncated=bool(row.get("truncated")), sha256=row.get("sha256"),
                path=folder / "texts" / f"{row['id']}.txt", gold=gold[row["id"]]))
    return dev


def read_report(dev: DevReport) -> Report:
    """The report as ``communique ingest`` stores a plain-text page with this metadata."""
    doc = Document(source=str(dev.path), raw=dev.path.read_bytes(), content_type="text", url=dev.url,
                   outlet=dev.outlet, published_at=dev.published_at, language=dev.language)
    report, _warning = build_report(doc)
    return report


def check_texts(dev: DevReport) -> list[str]:
    """Gold spans that are not in the text as retrieved (a changed or re-fetched page)."""
    raw = _squash(dev.path.read_text(encoding="utf-8"))
    spans = [q["text"] for q in dev.gold.get("quotes", [])]
    spans += [m["evidence"] for m in dev.gold.get("meetings", []) if m.get("evidence")]
    spans += [a["evidence"] for a in dev.gold.get("agreements", []) if a.get("evidence")]
    return [f"{dev.id}: gold span not in the text: {s[:60]!r}" for s in spans if _squash(s) not in raw]


# --------------------------------------------------------------------------- names


_KANJI_VARIANTS = str.maketrans(
    {"澤": "沢", "邊": "辺", "邉": "辺", "齋": "斎", "齊": "斉", "髙": "高", "﨑": "崎"})
_TITLES_JA = re.compile(
    r"(氏|さん|大統領|首相|総理|大臣|長官|報道官|代表|議長|委員長|外相|国務長官|副大統領|財務長官|商務長官"
    r"|経済再生相|経済再生担当相|経済再生担当大臣|特使|補佐官|官房長官|主席|副首相|国家主席|首席|相)$")


def norm(text: str) -> str:
    """Comparable form: NFKC, no accents, lower case, one space, one kind of quote mark."""
    text = unicodedata.normalize("NFKC", text).translate(_KANJI_VARIANTS)
    text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    text = unicodedata.normalize("NFC", text)
    text = re.sub(r"[\u2018\u2019\u201a\u201b`´]", "'", text)
    text = re.sub(r"[\u201c\u201d\u201e\u201f«»]", '"', text)
    return " ".join(text.lower().split())


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", norm(text))


def _is_cjk(text: str) -> bool:
    return any("\u3040" <= c <= "\u9fff" or "\u30a0" <= c <= "\u30ff" for c in text)


def name_forms(actor_id: str | None, extraction: Extraction | None, gazetteer: Gazetteer,
               speaker_text: str = "") -> set[str]:
    """Every normalized name the record gives an actor id (and the words that named it)."""
    forms: set[str] = set()
    if speaker_text:
        forms.add(norm(speaker_text))
    if not actor_id:
        return forms
    entry = gazetteer.get(actor_id)
    if entry is not None:
        forms.update(norm(v) for v in (entry.name_en, entry.name_ja, entry.short_en, entry.short_ja,
                                       *entry.aliases_en, *entry.aliases_ja, *entry.metonyms_en,
                                       *entry.metonyms_ja) if v)
    for actor in extraction.actors if extraction else ():
        if actor.id == actor_id:
            forms.update(norm(v) for v in (actor.name_en, actor.name_ja, *actor.aliases) if v)
    if ":" in actor_id:  # person:ryosei-akazawa, anon:japan
        forms.add(norm(actor_id.split(":", 1)[1].replace("-", " ")))
    forms.add(norm(actor_id.replace("-", " ")))
    return {f for f in forms if f}


def _strip_title_ja(name: str) -> str:
    name = name.replace("・", "").replace(" ", "")
    previous = None
    while previous != name:
        previous, name = name, _TITLES_JA.sub("", name)
    return name


def names_agree(gold: str, kind: str, forms: Iterable[str]) -> bool:
    """Does one of the record's names for the speaker name the gold person / body?"""
    g = norm(gold)
    if not g:
        return False
    for form in forms:
        if not form:
            continue
        if form == g:
            return True
        if _is_cjk(g) or _is_cjk(form):
            a, b = _strip_title_ja(g), _strip_title_ja(form)
            if len(a) >= 2 and len(b) >= 2 and (a in b or b in a):
                return True
            surname = gold.split("・")[-1].translate(_KANJI_VARIANTS)
            if "・" in gold and b and surname in form.replace(" ", ""):
                return True
            continue
        # "al-Thani" and "Al Thani" are one name: hyphens count as spaces
        gt, ft = g.replace(".", "").replace("-", " ").split(), form.replace(".", "").replace("-", " ").split()
        if kind == "person":
            if gt and ft and gt[-1] == ft[-1] and len(gt[-1]) > 2:
                return True  # same surname
            if gt and len(gt[-1]) > 2 and gt[-1] in ft:
                return True
        elif kind == "descriptor":
            content = {w for w in gt if len(w) > 3}
            if content & set(ft) or form.startswith("anon"):
                return True
        elif f" {g} " in f" {form} " or f" {form} " in f" {g} ":
            return True
    return False


# --------------------------------------------------------------------------- matching text


def _units(text: str) -> list[str]:
    t = norm(text)
    if _is_cjk(t):
        t = t.replace(" ", "")
        return [t[i:i + 2] for i in range(max(1, len(t) - 1))]
    return re.findall(r"[\w']+", t)


def overlap(a: str, b: str) -> tuple[float, float]:
    """(shared / shorter, shared / longer) over words (character pairs for Japanese)."""
    ua, ub = _units(a), _units(b)
    if not ua or not ub:
        return 0.0, 0.0
    pool: dict[str, int] = {}
    for u in ub:
        pool[u] = pool.get(u, 0) + 1
    shared = 0
    for u in ua:
        if pool.get(u, 0) > 0:
            pool[u] -= 1
            shared += 1
    return shared / min(len(ua), len(ub)), shared / max(len(ua), len(ub))


def texts_match(a: str, b: str) -> float:
    """A match score in [0, 1]; 0 when the two are not the same quotation."""
    short, long_ = overlap(a, b)
    return short + long_ if short >= 0.5 and long_ >= 0.2 else 0.0


def _pair(gold: Sequence[Any], pred: Sequence[Any], score: Any) -> list[tuple[int, int]]:
    """Greedy one-to-one matching by descending score (ties by order)."""
    cands = sorted(((s, gi, pi) for gi, g in enumerate(gold) for pi, p in enumerate(pred)
                    if (s := score(g, p)) > 0), key=lambda t: (-t[0], t[1], t[2]))
    used_g: set[int] = set()
    used_p: set[int] = set()
    pairs = []
    for _s, gi, pi in cands:
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        pairs.append((gi, pi))
    return pairs


# --------------------------------------------------------------------------- scores


@dataclass(slots=True)
class Count:
    hit: int = 0
    total: int = 0

    @property
    def rate(self) -> float | None:
        return self.hit / self.total if self.total else None


@dataclass(slots=True)
class LangScore:
    reports: int = 0
    direct_recall: Count = field(default_factory=Count)
    direct_speaker: Count = field(default_factory=Count)
    direct_precision: Count = field(default_factory=Count)
    all_recall: Count = field(default_factory=Count)
    all_speaker: Count = field(default_factory=Count)
    all_precision: Count = field(default_factory=Count)
    participant_precision: Count = field(default_factory=Count)
    participant_recall: Count = field(default_factory=Count)
    meeting_precision: Count = field(default_factory=Count)
    meeting_recall: Count = field(default_factory=Count)
    place_precision: Count = field(default_factory=Count)  # matched meetings: the place given is the gold's
    place_recall: Count = field(default_factory=Count)  # matched meetings with a gold place: found
    date_precision: Count = field(default_factory=Count)  # matched meetings: the date given is the gold's
    date_recall: Count = field(default_factory=Count)  # matched meetings with a gold date: found
    agreement_precision: Count = field(default_factory=Count)
    agreement_recall: Count = field(default_factory=Count)
    agreement_participant_precision: Count = field(default_factory=Count)
    agreement_participant_recall: Count = field(default_factory=Count)
    titles: Count = field(default_factory=Count)
    furniture_titles: int = 0
    misses: list[str] = field(default_factory=list)


@dataclass(slots=True)
class ReportResult:
    dev: DevReport
    report: Report
    extraction: Extraction
    matched: dict[int, Any]  # gold quote index -> predicted quote


def score_report(dev: DevReport, score: LangScore, gazetteer: Gazetteer) -> ReportResult:
    report = read_report(dev)
    extraction = run_extractors(report, gazetteer)
    score.reports += 1
    gold_quotes = dev.gold.get("quotes", [])
    not_quotes = dev.gold.get("not_quotes", [])
    preds = list(extraction.quotes)
    matched: dict[int, Any] = {}

    pairs = _pair(gold_quotes, preds, lambda g, p: texts_match(g["text"], p.text))
    by_gold = dict(pairs)
    matched_preds = {pi for _gi, pi in pairs}
    for gi, g in enumerate(gold_quotes):
        counters = [(score.all_recall, score.all_speaker)]
        if g.get("direct", True):
            counters.append((score.direct_recall, score.direct_speaker))
        pi = by_gold.get(gi)
        for recall, _speaker in counters:
            recall.total += 1
        if pi is None:
            score.misses.append(f"{dev.id}: missed {'direct' if g.get('direct', True) else 'indirect'} "
                                f"quote of {g['speaker']}: {g['text'][:70]!r}")
            continue
        p = preds[pi]
        matched[gi] = p
        forms = name_forms(p.speaker_id, extraction, gazetteer, p.speaker_text)
        right = names_agree(g["speaker"], g.get("speaker_kind", "person"), forms)
        for recall, speaker in counters:
            recall.hit += 1
            speaker.total += 1
            speaker.hit += right
        if not right:
            kind = "direct" if g.get("direct", True) else "indirect"
            score.misses.append(f"{dev.id}: wrong speaker ({kind}) {p.speaker_id or p.speaker_text!r} "
                                f"(gold {g['speaker']}) for {g['text'][:60]!r}")
    for pi, p in enumerate(preds):
        bucket = [score.all_precision] + ([score.direct_precision] if p.direct else [])
        good = pi in matched_preds
        for c in bucket:
            c.total += 1
            c.hit += good
        if not good:
            what = "not a quote" if any(texts_match(n, p.text) for n in not_quotes) else "no gold quote"
            score.misses.append(f"{dev.id}: extra {'direct' if p.direct else 'indirect'} quote "
                                f"({what}) by {p.speaker_id or p.speaker_text!r}: {p.text[:60]!r}")

    _score_meetings(dev, report, extraction, score, gazetteer)
    _score_agreements(dev, report, extraction, score, gazetteer)
    _score_title(dev, report, score)
    return ReportResult(dev=dev, report=report, extraction=extraction, matched=matched)


def _score_meetings(dev: DevReport, report: Report, extraction: Extraction, score: LangScore,
                    gazetteer: Gazetteer) -> None:
    _score_events(
        dev, report, extraction, gazetteer,
        gold=[m for m in dev.gold.get("meetings", []) if m.get("kind") in MEETING_KINDS],
        preds=[e for e in extraction.events if e.kind in MEETING_KINDS],
        counts=(score.meeting_recall, score.meeting_precision,
                score.participant_recall, score.participant_precision),
        misses=score.misses,
        same_kind=lambda g, p: MEETING_KINDS[g["kind"]] == MEETING_KINDS[p.kind],
        person=lambda name: " " in name or _is_cjk(name),
        words=("{kind}", "participant {name} not found at {kind}", "placed at {kind} of"),
        places=(score.place_recall, score.place_precision),
        dates=(score.date_recall, score.date_precision),
    )


def _score_agreements(dev: DevReport, report: Report, extraction: Extraction, score: LangScore,
                      gazetteer: Gazetteer) -> None:
    """Agreements as meetings are scored: a predicted one matches a gold one of the same report
    that shares a party or half its evidence; participants over the matched ones."""
    _score_events(
        dev, report, extraction, gazetteer,
        gold=[dict(a, kind="agreement") for a in dev.gold.get("agreements", [])],
        preds=[e for e in extraction.events if e.kind == "agreement"],
        counts=(score.agreement_recall, score.agreement_precision,
                score.agreement_participant_recall, score.agreement_participant_precision),
        misses=score.misses,
        same_kind=lambda g, p: True,
        person=lambda name: True,
        words=("agreement", "party {name} not found in agreement", "made a party to the agreement of"),
    )


def _score_events(dev: DevReport, report: Report, extraction: Extraction, gazetteer: Gazetteer, *,
                  gold: list[dict[str, Any]], preds: list[Any], counts: tuple[Any, Any, Any, Any],
                  misses: list[str], same_kind: Any, person: Any, words: tuple[str, str, str],
                  places: tuple[Count, Count] | None = None,
                  dates: tuple[Count, Count] | None = None) -> None:
    """Gold events of a report paired with predicted ones (same kind, a shared participant or half
    the evidence), then the participants of the pairs: recall, precision and their misses; with
    ``places``, the place of the pairs too (a city given for a country, or the other way, is wrong)."""
    recall, precision, p_recall, p_precision = counts
    what, not_found, misplaced = words

    def evidence_text(event: Any) -> str:
        return " ".join(report.text[ev.start:ev.end] for ev in event.evidence)

    def agree(g: dict[str, Any], p: Any) -> list[bool]:
        forms = [name_forms(pid, extraction, gazetteer) for pid in p.participant_ids]
        return [any(names_agree(name, "person" if person(name) else "other", f)
                    or names_agree(name, "other", f) for name in g.get("participants", []))
                for f in forms]

    def match(g: dict[str, Any], p: Any) -> float:
        if not same_kind(g, p):
            return 0.0
        shared = sum(agree(g, p))
        text = max(overlap(g.get("evidence") or "", evidence_text(p)))
        if shared == 0 and text < 0.5:
            return 0.0
        return shared + text

    pairs = _pair(gold, preds, match)
    precision.total += len(preds)
    precision.hit += len(pairs)
    recall.total += len(gold)
    recall.hit += len(pairs)
    by_gold = dict(pairs)
    for gi, g in enumerate(gold):
        names = g.get("participants", [])
        p_recall.total += len(names)
        pi = by_gold.get(gi)
        label = what.format(kind=g["kind"])
        if pi is None:
            misses.append(f"{dev.id}: missed {label} of {', '.join(names) or '(unnamed)'}: "
                          f"{(g.get('evidence') or '')[:60]!r}")
            continue
        p = preds[pi]
        if places is not None:
            _score_place(dev, g, p, places, misses)
        if dates is not None:
            _score_date(dev, g, p, dates, misses)
        forms = [name_forms(pid, extraction, gazetteer) for pid in p.participant_ids]
        for name in names:
            found = any(names_agree(name, "person", f) or names_agree(name, "other", f) for f in forms)
            p_recall.hit += found
            if not found:
                misses.append(f"{dev.id}: {not_found.format(name=name, kind=g['kind'])} "
                              f"({', '.join(p.participant_ids)})")
        for pid, right in zip(p.participant_ids, agree(g, p), strict=True):
            p_precision.total += 1
            p_precision.hit += right
            if not right:
                misses.append(f"{dev.id}: {pid} {misplaced.format(kind=g['kind'])} {', '.join(names)}")
    for pi, p in enumerate(preds):
        if pi not in {pi for _g, pi in pairs}:
            misses.append(f"{dev.id}: extra {what.format(kind=p.kind)} ({', '.join(p.participant_ids)}): "
                          f"{evidence_text(p)[:60]!r}")


def _place_id(name: str | None) -> str | None:
    if not name:
        return None
    from communique.extract import places

    return places.load().resolve(name) or norm(name)


def _count(counts: tuple[Count, Count], gold: bool, given: bool, right: bool) -> None:
    """Recall over the gold values, precision over the values given."""
    recall, precision = counts
    if gold:
        recall.total += 1
        recall.hit += right
    if given:
        precision.total += 1
        precision.hit += right


def _score_place(dev: DevReport, g: dict[str, Any], p: Any, counts: tuple[Count, Count],
                 misses: list[str]) -> None:
    from communique.extract import places

    want, got = _place_id(g.get("place")), _place_id(p.place)
    right = got == want or (got is not None and want in places.load().ancestors(got))  # a venue in the city
    _count(counts, bool(want), bool(got), right)
    if not right:
        misses.append(f"{dev.id}: place of {g['kind']} {p.place or '(none)'}, "
                      f"gold {g.get('place') or '(none)'}: {(g.get('evidence') or '')[:60]!r}")


def _score_date(dev: DevReport, g: dict[str, Any], p: Any, counts: tuple[Count, Count],
                misses: list[str]) -> None:
    """The day (or the month, when the gold gives only that) of a matched meeting."""
    want = g.get("date")
    vague = str(getattr(p.date_precision, "value", p.date_precision)) not in ("day", "datetime")
    got = ((p.date or "")[:7] if vague else (p.date or "")[:10]) or None
    if got and want and len(got) < len(want[:10]):
        got = None  # a month for a gold day: not given (a miss), not a wrong day
    n = min(len(got or ""), len((want or "")[:10]))
    right = bool(want and got) and (got or "")[:n] == (want or "")[:n]
    _count(counts, bool(want), bool(got), right)
    if (want or got) and not right:
        misses.append(f"{dev.id}: date of {g['kind']} {got or '(none)'}, gold {want or '(none)'}: "
                      f"{(g.get('evidence') or '')[:60]!r}")


def title_right(gold: str | None, got: str | None) -> bool:
    if not gold or not got:
        return not gold and not got
    g, t = norm(gold), norm(got)
    return g == t or SequenceMatcher(None, g, t).ratio() >= 0.9


def _score_title(dev: DevReport, report: Report, score: LangScore) -> None:
    gold = dev.gold.get("title")
    score.titles.total += 1
    if title_right(gold, report.title):
        score.titles.hit += 1
        return
    furniture = bool(report.title) and (
        not gold or SequenceMatcher(None, norm(gold), norm(report.title or "")).ratio() < 0.5)
    score.furniture_titles += furniture
    score.misses.append(f"{dev.id}: title {report.title!r}, gold {gold!r}"
                        + (" (furniture)" if furniture else ""))


# --------------------------------------------------------------------------- statements


@dataclass(slots=True)
class PairScore:
    gold_pairs: int = 0
    gold_grouped: int = 0
    pred_pairs: int = 0
    pred_right: int = 0

    @property
    def recall(self) -> float | None:
        return self.gold_grouped / self.gold_pairs if self.gold_pairs else None

    @property
    def precision(self) -> float | None:
        return self.pred_right / self.pred_pairs if self.pred_pairs else None


def score_statements(items: list[tuple[DevReport, str, str | None]]) -> dict[str, PairScore]:
    """``items``: (report, gold statement id, predicted statement id) of each matched quote.

    Pairs are taken across different reports that are not wire copies of each other; keyed
    ``en-en``, ``en-ja``, ``ja-ja``.
    """
    scores: dict[str, PairScore] = {}
    for i, (ra, ga, pa) in enumerate(items):
        for rb, gb, pb in items[i + 1:]:
            if ra.id == rb.id or ra.story != rb.story or ra.wire_of == rb.id or rb.wire_of == ra.id:
                continue
            key = "-".join(sorted((ra.language, rb.language)))
            s = scores.setdefault(key, PairScore())
            same_gold = bool(ga) and ga == gb
            same_pred = bool(pa) and pa == pb
            s.gold_pairs += same_gold
            s.gold_grouped += same_gold and same_pred
            s.pred_pairs += same_pred
            s.pred_right += same_pred and same_gold
    return scores
