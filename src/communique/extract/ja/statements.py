"""From brackets and reported clauses to :class:`~communique.model.Quote` records."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from ...model import Evidence, Precision, Quote
from .. import item_id
from ..en.dates_en import part_value
from .actors import Mention
from .document import Doc, in_round_brackets
from .indirect import reported_clauses
from .quotes import chain_end, classify, clause_end, quote_brackets, relayed, reporting_verb, speaker_of
from .sentences import Sentence, paragraphs
from .speakers import Discourse, hedge_in, leading_also, marked_in, relay_of, sentence_topic

_BODIES = ("country", "bloc", "collective")
_SPEAKER_KINDS = ("person", "collective", "country", "organization", "bloc", "anonymous")


@dataclass(slots=True)
class _State:
    discourse: Discourse = field(default_factory=Discourse)
    last_date: dict[str, tuple[str, Precision]] = field(default_factory=dict)


# a date inside a clause that modifies a noun: 「米国で20日発足したトランプ政権が」 is the day the
# administration took office, not the day the words were said
_MODIFIES_NOUN = re.compile(
    r"(?:に|から|まで)?[一-龥ぁ-んァ-ヶー]{1,8}?(?:した|する|された|される|していた|してきた)"
    r"(?!声明|談話|会見|記者会見|発言|演説|インタビュー|投稿|書簡|コメント|文書|会談|電話会談|協議)"
    r"(?=[一-龥ァ-ヶー]{1,12}(?:が|は|を|に|の|と))"
)


# the day a sentence opens with, after its topic: 「パシニャン首相は9日、」, 「【時事】首相は9日夜、」
_HEAD_DAY_BEFORE = re.compile(r"(?:【[^】]{0,30}】)?[^、。「」]{0,40}[はも]")
_HEAD_DAY_AFTER = re.compile(r"(?:午前|午後|朝|夜|夕|未明|深夜)?、")


def _said_on(doc: Doc, sentence: Sentence, before: int, speaker: str | None,
             state: _State, said: tuple[int, int] = (0, 0)) -> tuple[str | None, Precision]:
    """The day the words were said: the last date of the sentence before the verb of saying, but
    one inside the reported words themselves (``said``: 「共同声明を12日に発表する」と明らかにした
    tells when the statement will come, not when he spoke), in brackets, or modifying a noun."""
    dates = [d for d in doc.dates_in(sentence.start, sentence.end)
             if d.value and not doc.inside_bracket(d.start) and d.start < before
             and not said[0] <= d.start < said[1]
             and not _MODIFIES_NOUN.match(doc.text, d.end)]
    dates = [d for d in dates if not in_round_brackets(doc.text, sentence.start, d.start)] or dates
    head = next((d for d in dates if _HEAD_DAY_AFTER.match(doc.text, d.end)
                 and _HEAD_DAY_BEFORE.fullmatch(doc.text, sentence.start, d.start)), None)
    if head is not None:
        # 「首相は9日、前日に交わした合意について「…」と強調した」: the day the sentence opens with
        # is the day he spoke; a later one dates a clause inside it (what was signed the day before)
        return head.value, head.precision
    if dates:
        return dates[-1].value, dates[-1].precision
    if speaker and speaker in state.last_date:
        return state.last_date[speaker]
    return None, Precision.UNKNOWN


def _hedge(doc: Doc, sentence: Sentence, after: int) -> str | None:
    relay = relay_of(doc, sentence.start, sentence.end)
    if relay:
        return relay
    return hedge_in(doc.text[after:clause_end(doc, after, sentence)])


def _quote(doc: Doc, extractor: str, start: int, end: int, speaker: Mention | None, verb: str | None,
           direct: bool, said: tuple[str | None, Precision], hedge: str | None) -> Quote:
    return Quote(
        id=item_id("q", doc.report.id, start, end, extractor),
        speaker_id=speaker.actor_id if speaker else None,
        speaker_text=doc.text[speaker.start:speaker.end] if speaker else "",
        text=doc.text[start:end], language="ja", direct=direct, verb=verb,
        said_on=said[0], said_on_precision=said[1], hedge=hedge,
        evidence=(Evidence(report_id=doc.report.id, start=start, end=end),), extractor=extractor,
    )


def _credit(doc: Doc, sentence: Sentence) -> Mention | None:
    """``中国国営新華社通信が伝えた。``: a sentence that only credits an outlet with the one before."""
    for mention in doc.mentions_in(sentence.start, sentence.end):
        if mention.kind == "organization" and mention.start - sentence.start <= 8 \
                and _CREDIT.fullmatch(doc.text, mention.end, sentence.end):
            return mention
    return None


def credit_verb(doc: Doc, sentence: Sentence) -> str:
    return "報じる" if "報じ" in doc.text[sentence.start:sentence.end] else "伝える"


_CREDIT = re.compile(r"(?:など)?が(?:伝え|報じ)(?:た|ました|ている|ています|ていた)。?")


def _sentence_body(doc: Doc, sentence: Sentence) -> tuple[int, int]:
    start, end = sentence.start, sentence.end
    dateline = re.match(r"【[^】]{0,30}】", doc.text[start:end])
    if dateline:
        start += dateline.end()
    while end > start and doc.text[end - 1] in "。 \u3000":
        end -= 1
    return start, end


def _paragraph_span(doc: Doc, sentence: Sentence) -> tuple[int, int]:
    end = doc.text.find("\n", sentence.start)
    end = len(doc.text) if end == -1 else end
    while end > sentence.start and doc.text[end - 1] in " \u3000":
        end -= 1
    return sentence.start, end


def _source_speaker(doc: Doc, sentence: Sentence, source_start: int) -> Mention | None:
    for mention in doc.mentions_in(sentence.start, source_start + 1):
        if mention.end == source_start and mention.kind in _SPEAKER_KINDS:
            return mention
    return None


def caption_speakers(doc: Doc) -> dict[int, tuple[Mention, bool]]:
    """Broadcast captions: a line naming only a speaker (``赤沢亮正 経済再生担当大臣``, or
    ``ベッセント財務長官:``) gives its speaker to the whole-line quotes right under it, by
    paragraph index; after a caption with a colon, one line of words without quote marks is
    the speaker's too (the flag says so)."""
    out: dict[int, tuple[Mention, bool]] = {}
    current: Mention | None = None
    colon = False
    for index, (start, end) in enumerate(paragraphs(doc.text)):
        line = doc.text[start:end]
        caption = _caption(doc, start, end)
        if caption is not None:
            current, colon = caption, line.rstrip(" \u3000").endswith((":", "："))
        elif current is not None and _whole_line_quote(line):
            out[index] = (current, False)
        elif current is not None and colon and _plain_speech(line):
            out[index] = (current, True)
            current = None
        else:
            current = None
    return out


def _caption(doc: Doc, start: int, end: int) -> Mention | None:
    line = doc.text[start:end].rstrip(" \u3000:：")
    if len(line) > 40 or _CAPTION_STOP.search(line):
        return None
    people = [m for m in doc.mentions_in(start, end) if m.kind in ("person", "anonymous")]
    if people and people[-1].end == start + len(line) and people[-1].start - start <= 12:
        return people[-1]
    return None


def _plain_speech(line: str) -> bool:
    line = line.strip(" \u3000")
    return 4 <= len(line) <= 400 and line.endswith(("。", "！", "？", "!", "?")) \
        and not _CAPTION_STOP_SPEECH.search(line)


def _whole_line_quote(line: str) -> bool:
    line = line.strip(" \u3000")
    if not (line.startswith("「") and line.endswith("」")):
        return False
    depth = 0
    for k, ch in enumerate(line):
        depth += 1 if ch == "「" else -1 if ch == "」" else 0
        if depth == 0 and k < len(line) - 1:
            return False
    return True


_CAPTION_STOP_SPEECH = re.compile(r"[「」【】]")
_CAPTION_STOP = re.compile(r"[「」『』。、！？!?＝=]")


def extract_quotes(doc: Doc, extractor: str, *, use_parser: bool = True) -> list[Quote]:
    """Direct quotes (「」『』) and reported clauses, with speakers, in text order."""
    state = _State()
    quotes: list[Quote] = []
    captions = caption_speakers(doc)
    relays: set[str] = set()
    quotes_prev: Sentence | None = None
    found_prev = True
    for sentence in doc.sentences:
        if quotes_prev is not None and quotes_prev.paragraph != sentence.paragraph:
            quotes_prev = None
        carried = state.discourse.carried()
        if carried is not None and carried.kind in _BODIES and state.discourse.age > 0:
            carried = None  # a country or bloc speaks on only right after a sentence that names it
        found_here: list[Quote] = []
        spans: list[tuple[int, int]] = []
        caption = captions.get(sentence.paragraph)
        if caption is not None and caption[1]:
            if sentence.first_in_paragraph:
                start, end = _paragraph_span(doc, sentence)
                said = _said_on(doc, sentence, start, caption[0].actor_id, state)
                found_here.append(_quote(doc, extractor, start, end, caption[0], None, True, said, None))
            quotes.extend(found_here)
            state.discourse.update(caption[0])
            continue
        for bracket in quote_brackets(doc, sentence):
            if caption is not None:
                said = _said_on(doc, sentence, bracket.open, caption[0].actor_id, state)
                found_here.append(_quote(doc, extractor, bracket.open + 1, bracket.close, caption[0], None,
                                         True, said, None))
                spans.append((bracket.open, bracket.close))
                continue
            lead = chain_end(doc, sentence, bracket)
            kind = classify(doc, sentence, lead)
            if kind == "term":
                continue
            speaker, unsure = speaker_of(doc, sentence, lead, kind, carried)
            if use_parser and speaker is None and unsure and any(
                    m.kind == "person" for m in doc.mentions_in(sentence.start, bracket.open)):
                # the rules found no subject but a person is named: ask the dependency parser
                from .parse import settle

                speaker = settle(doc, sentence, bracket)
            if speaker is None or speaker.kind not in _SPEAKER_KINDS:
                continue
            start, end = bracket.open + 1, bracket.close
            if relayed(doc, lead):
                relays.add(item_id("q", doc.report.id, start, end, extractor))  # not the topic after it
            verb = reporting_verb(doc, lead.close + 1, sentence.end) if kind != "headline" else None
            said = _said_on(doc, sentence, bracket.open, speaker.actor_id, state)
            hedge = _hedge(doc, sentence, lead.close + 1)
            found_here.append(_quote(doc, extractor, start, end, speaker, verb, True, said, hedge))
            spans.append((bracket.open, bracket.close))
        credit = _credit(doc, sentence)
        if credit is not None and quotes_prev is not None and not found_prev:
            said = _said_on(doc, quotes_prev, quotes_prev.end, credit.actor_id, state)
            start, end = _sentence_body(doc, quotes_prev)
            quotes.append(_quote(doc, extractor, start, end, credit, credit_verb(doc, sentence), False, said,
                                 None))
        topic_mark = next((m for m in marked_in(doc, sentence.start, sentence.end)
                           if m.marker == "は" and m.mention.kind in _SPEAKER_KINDS
                           or m.marker == "も" and m.mention.kind == "anonymous"), None)
        barriers = [close for _, close in spans]  # a quote's clause ends the reported one before it
        for clause in reported_clauses(doc, sentence, topic_mark.end if topic_mark else None, barriers):
            if any(clause.start <= s < clause.end for s, _ in spans):
                continue
            inner = None if clause.via_source else (_inner_speaker(doc, clause.start, clause.end)
                                                    or _own_subject(doc, sentence, clause.start, clause.end))
            if inner is not None:
                speaker, clause = inner[0], replace(clause, start=inner[1])
            elif clause.via_source:
                speaker = _source_speaker(doc, sentence, clause.verb_start)
            else:
                speaker = _indirect_speaker(doc, sentence, clause.start, carried)
            if speaker is None:
                continue
            said = _said_on(doc, sentence, clause.verb_start, speaker.actor_id, state,
                            (clause.start, clause.end))
            hedge = _hedge(doc, sentence, clause.end)
            if clause.via_source and speaker.kind == "anonymous":
                hedge = doc.text[speaker.start:clause.verb_start] + clause.verb
            found_here.append(_quote(doc, extractor, clause.start, clause.end, speaker, clause.verb,
                                     False, said, hedge))
        found_here.sort(key=lambda q: q.evidence[0].start)
        for quote in found_here:
            if quote.speaker_id and quote.said_on:
                state.last_date[quote.speaker_id] = (quote.said_on, quote.said_on_precision)
        quotes.extend(found_here)
        speaking = [q for q in found_here if q.id not in relays]
        topic = _mention_for(doc, speaking[-1]) if speaking else None
        topic = topic or sentence_topic(doc, sentence.start, sentence.end)
        state.discourse.update(topic)
        quotes_prev, found_prev = sentence, bool(found_here) or credit is not None
    return _report_part_of_month(doc, _backfill_headline_dates(doc, quotes, state))


def _report_part_of_month(doc: Doc, quotes: list[Quote]) -> list[Quote]:
    """Words no sentence dates were said, as far as the report tells, in the part of the month it
    was published (no day invented), as the English extractor has it: two renderings of one
    remark then meet by date instead of only by wording."""
    if doc.ref is None:
        return quotes
    part = part_value(doc.ref.year, doc.ref.month, doc.ref.day)
    return [replace(q, said_on=part, said_on_precision=Precision.PART_OF_MONTH) if q.said_on is None else q
            for q in quotes]


def _inner_speaker(doc: Doc, start: int, end: int) -> tuple[Mention, int] | None:
    """``Aは、当局者が…と述べたと伝えた``: the words are the inner speaker's (marked with が),
    reported by A; the clause starts after the inner subject."""
    if not _RELAYED.match(doc.text, end):
        return None
    for mark in marked_in(doc, start, end):
        if mark.marker == "が" and mark.mention.kind in ("person", "anonymous") and mark.end - start <= 40:
            return mark.mention, mark.end
    return None


_RELAYED = re.compile(
    r"(?:など)?と(?:も)?(?:述べ|語っ|話し|明らかにし|指摘し|発言し)た?と(?:伝え|報じ|明らかに|述べ)")
OWN_SUBJECT_GAP = 8  # characters before a clause's own subject: 「その後」, 「同日」


def _own_subject(doc: Doc, sentence: Sentence, start: int, end: int) -> tuple[Mention, int] | None:
    """``しかし、その後X国防相が…と否定した``: a person marked with が opening the clause, with no
    topic before it in the sentence, is the subject of the verb of saying (not someone the speaker
    of the sentence before talks about); the clause starts after it."""
    for mark in marked_in(doc, start, end):
        if mark.marker != "が" or mark.mention.kind not in ("person", "anonymous"):
            continue
        if mark.mention.start - start > OWN_SUBJECT_GAP or "、" in doc.text[start:mark.mention.start]:
            return None
        if any(m.marker in ("は", "も") for m in marked_in(doc, sentence.start, mark.mention.start)):
            return None
        if re.search(r"(?:は|では|も)、", doc.text[sentence.start:mark.mention.start]):
            return None
        return mark.mention, mark.end
    return None


def _indirect_speaker(doc: Doc, sentence: Sentence, clause_start: int,
                      carried: Mention | None) -> Mention | None:
    marks = [m for m in marked_in(doc, sentence.start, clause_start) if m.marker in ("は", "も")]
    people = [m for m in marks if m.mention.kind == "person"]
    if people:
        return people[-1].mention
    also = [m for m in marks if m.marker == "も" and m.mention.kind == "anonymous"]
    if also:
        return also[-1].mention  # 「オマーンの外相も…との認識を示した」: not the one who spoke before
    if (leading := leading_also(doc, sentence.start, marks)) is not None:
        return leading
    topics = [m for m in marks if m.marker == "は" and m.mention.kind in _SPEAKER_KINDS]
    if topics and _CONDITION.search(doc.text, sentence.start, topics[-1].mention.start) \
            and carried is not None and carried.kind == "person":
        return carried  # 撤退しなければ、ロシアは…と警告した: ロシアは is inside the warning
    if topics:
        return topics[-1].mention
    if re.search(r"(?:は|では)、", doc.text[sentence.start:clause_start]):
        return None  # a subject that is not an actor (協議は, 会談は): not someone's words
    return carried


_CONDITION = re.compile(r"(?:れば|なければ|なら|たら)、")


def _mention_for(doc: Doc, quote: Quote) -> Mention | None:
    for mention in doc.mentions:
        if mention.actor_id == quote.speaker_id and doc.text[mention.start:mention.end] == quote.speaker_text:
            return mention
    return None


def _backfill_headline_dates(doc: Doc, quotes: list[Quote], state: _State) -> list[Quote]:
    """A headline quote was said when the body says its speaker spoke."""
    out = []
    first_paragraph_end = doc.sentences[0].end if doc.sentences else 0
    for quote in quotes:
        if quote.said_on is None and quote.evidence[0].start < first_paragraph_end and quote.speaker_id:
            later = next((q for q in quotes if q.speaker_id == quote.speaker_id and q.said_on), None)
            if later is not None:
                quote = replace(quote, said_on=later.said_on, said_on_precision=later.said_on_precision)
        out.append(quote)
    return out
