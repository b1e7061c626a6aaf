"""Quotes in 「」 and 『』: which are someone's words, whose, with which verb and hedge.

A bracket is a quote when what follows it quotes (と述べた, として, との見方, という印象,
と + a reporting verb), when a speaker stands right before it (the headline form
トランプ大統領「…」), or when its content is a clause embedded in a reported sentence
(「まだ目を通していない」ことに).  Terms and scare quotes (「28項目」案, 「手応え」と
「不透明感」, 「尊厳ある和平」を) are nobody's words and get no speaker.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ...model import Precision
from .actors import Mention
from .document import Doc
from .sentences import QUOTE_OPENERS, Bracket, Sentence
from .speakers import FROM_MARKERS, SOURCE_MARKERS, Marked, marked_in

REPORTING = re.compile(
    r"述べ|語っ|語り|語る|語ら|強調|説明|明らかに|指摘|評価|認め|訴え|投稿|話し|話す|発言|批判|主張|表明"
    r"|警告|明言|答え|応じ|言っ|言う|言い|言わ|示し|示す|否定|反論|書き込|発表|宣言|伝え|記し|呼びかけ"
    r"|求め|要求|非難|くぎを刺|念押し|漏らし|振り返|報告|コメント|付け加え|断言|約束|確認|期待|懸念"
    r"|歓迎|皮肉|判断|結論|分析|力説|発信|書い|投稿|声明|述懐|疑問|一致|とし|として|とする|とした|とされ"
)
SPEECH_NOUNS = (
    "見方", "考え", "認識", "印象", "表現", "発言", "言葉", "立場", "見解", "声", "主張", "方針", "意向",
    "姿勢", "懸念", "批判", "警告", "指摘", "説明", "趣旨", "メッセージ", "思い", "意見", "感触", "見通し",
    "判断", "評価", "声明", "報告", "認識", "期待", "不満", "感想", "内容", "談話", "コメント", "受け止め",
)
_NOUN_CONTENT = re.compile(r"(?:など)?と(?:の|いう|いった|する)")
_QUOTATIVE = re.compile(r"(?:など|とも|とまで|とさえ)?(?:と|って)(?![「『]|の[^\s])")
_CLAUSE_END = re.compile(
    r"(?:だ|た|ない|る|い|う|です|ます|ぬ|か|よ|ね|ぞ|ん|ろ|な|さ|の|ず|[。！？!?…―ー])$")
_CLAUSE_BREAK = re.compile(r"(?:ますが|ですが|たが|るが|ものの|一方)、|[。]")
_PREDICATE = re.compile(r"[はが].{2,}|[、。]")


@dataclass(frozen=True, slots=True)
class Found:
    """A bracket judged to be someone's words, with what was settled about it."""

    bracket: Bracket
    sentence: Sentence
    kind: str  # quotative | noun | headline | embedded | standalone
    speaker: Mention | None
    verb: str | None
    hedge: str | None
    said_on: str | None
    said_on_precision: Precision
    needs_parse: bool = False


def clause_like(content: str) -> bool:
    """Does the content read as a statement (a predicate), not a name or a term?"""
    content = content.strip()
    if not content:
        return False
    return bool(_CLAUSE_END.search(content)) or (len(content) >= 6 and bool(_PREDICATE.search(content)))


def classify(doc: Doc, sentence: Sentence, bracket: Bracket) -> str:
    """quotative | noun | headline | embedded | standalone | term."""
    text = doc.text
    content = text[bracket.open + 1:bracket.close]
    after = text[bracket.close + 1:sentence.end]
    before = text[sentence.start:bracket.open]
    heads_sentence = sentence.first_in_paragraph or not before.strip("\u3000 ")
    if _adjacent_speaker(doc, bracket) is not None and heads_sentence:
        return "headline"
    coordinated = (after[:1] in "と" and after[1:2] in "「『") \
        or before.endswith(("」と", "』と", "」や", "』や"))
    if coordinated:
        # 「手応え」と「不透明感」 are terms; 『受け入れられたもの』と『受け入れられないもの』 are words
        return "embedded" if _has_predicate(doc, bracket) and len(content) >= 7 else "term"
    if sentence.index == 0 and before.rstrip().endswith("は") and not after.strip("。 "):
        return "headline_predicate"  # …との会談は「まずまず」 in a headline
    if _post_subject(doc, bracket, sentence) is not None:
        return "quotative"
    noun = _NOUN_CONTENT.match(after)
    if noun:
        rest = after[noun.end():]
        speech_noun = any(rest.startswith(w) for w in SPEECH_NOUNS)
        if speech_noun or clause_like(content) or noun.group().endswith("する"):
            return "noun"
        return "term"
    quotative = _QUOTATIVE.match(after)
    if quotative:
        rest = after[quotative.end():quotative.end() + 40]
        if REPORTING.search(rest.split("「")[0]) or clause_like(content) or not rest.strip("。 "):
            return "quotative"
        return "term"
    if not before.strip() and not after.strip("。 "):
        return "standalone"
    clause = re.match(r"[がはをにで][^、。「」『』]{0,20}?(?<=[たるいだうず])(?:など)?と(?:も)?", after)
    if clause and len(content) >= 5 and REPORTING.match(after, clause.end()) and not re.match(
            r"とされ|と伝えられ|とみられ", after[clause.end() - 1:]):
        return "embedded"  # 「公正で永続的な平和」が欠かせないと述べた
    if clause_like(content) and len(content) >= 4 and re.match(r"(?:こと|もの|など)", after):
        return "embedded"
    return "term"


def _has_predicate(doc: Doc, bracket: Bracket) -> bool:
    tokens = doc.tokens_in(bracket.open + 1, bracket.close)
    return any(t.pos[0] in ("動詞", "助動詞", "形容詞") for t in tokens)


def _adjacent_speaker(doc: Doc, bracket: Bracket) -> Mention | None:
    """The headline form: a speaker written right before the bracket (トランプ大統領「…」)."""
    k = bracket.open
    while k > 0 and doc.text[k - 1] in " \u3000：:":
        k -= 1
    for mention in doc.mentions_in(max(0, k - 40), k):
        if mention.end == k and mention.kind in ("person", "collective", "anonymous", "organization"):
            return mention
        if mention.end + 1 == k and doc.text[k - 1] == "の" and mention.kind == "person":
            return mention  # トランプ大統領の「…」という発言
    return None


def _post_subject(doc: Doc, bracket: Bracket, sentence: Sentence) -> Mention | None:
    """A speaker named after the quote: 「…」と、ペスコフ報道官は述べた / 「…」とウシャコフ補佐官."""
    after_start = bracket.close + 1
    match = _QUOTATIVE.match(doc.text, after_start)
    if not match:
        return None
    window_end = min(sentence.end, match.end() + 30)
    stop = doc.text.find("「", match.end(), window_end)
    window_end = stop if stop != -1 else window_end
    verb = REPORTING.search(doc.text, match.end(), window_end)
    window_end = verb.start() if verb else window_end
    for mark in marked_in(doc, match.end(), window_end):
        if mark.marker in ("は", "が") and mark.mention.kind != "country":
            return mark.mention
    for mention in doc.mentions_in(match.end(), window_end):
        follow = doc.text[mention.end:mention.end + 1]
        at_end = mention.end >= sentence.end - 1 or follow in (" ", "\u3000", "")
        if at_end and mention.kind in ("person", "collective", "organization"):
            return mention
    return None


_SUBJECT_KINDS = ("person", "collective", "anonymous")


def speaker_of(doc: Doc, sentence: Sentence, bracket: Bracket, kind: str,
               carried: Mention | None) -> tuple[Mention | None, bool]:
    """The speaker of a quote, and whether the rules were unsure (the parser may settle it).

    In order: a speaker named after the quote, the headline form, ``Xからは``,
    ``Xによると``, ``Xが「…」``, the nearest person marked with は / も, any は topic,
    the subject carried from the sentences before.
    """
    if kind == "headline":
        return _adjacent_speaker(doc, bracket), False
    if kind == "headline_predicate":
        for other in quote_brackets(doc, sentence):
            if other.open < bracket.open and classify(doc, sentence, other) == "headline":
                return _adjacent_speaker(doc, other), False
        return None, False
    adjacent = _adjacent_speaker(doc, bracket)
    if adjacent is not None and doc.text[adjacent.end:adjacent.end + 1] == "の":
        return adjacent, False
    post = _post_subject(doc, bracket, sentence) if kind == "quotative" else None
    if post is not None:
        return post, False
    marks = [m for m in marked_in(doc, sentence.start, bracket.open) if m.mention.end <= bracket.open]
    froms = [m for m in marks if m.marker in FROM_MARKERS]
    if froms and kind in ("quotative", "noun") and froms[-1] is marks[-1]:
        return froms[-1].mention, False  # Xからは「…」という印象 (unless a later subject speaks)
    sources = [m for m in marks if m.marker in SOURCE_MARKERS]
    if sources:
        return sources[-1].mention, False
    topics = [m for m in marks if m.marker in ("は", "も")]
    direct = [m for m in marks if m.marker == "が" and _governs(doc.text[m.end:bracket.open])]
    if kind in ("quotative", "noun") and direct and (not topics or direct[-1].end > topics[-1].end):
        return direct[-1].mention, bool(topics)
    people = [m for m in topics if m.mention.kind == "person"]
    if people:
        return _coordinated(doc, people[-1]), len(topics) > len(people)
    topics = [m for m in topics if m.marker == "は"]
    if topics:
        return _coordinated(doc, topics[-1]), False
    subjects = [m for m in marks if m.marker == "が" and m.mention.kind in _SUBJECT_KINDS
                and not re.search(r"という|とする|とした|ことに|ことを", doc.text[m.end:bracket.open])]
    if subjects:
        return subjects[-1].mention, False
    if carried is not None:
        return carried, any(m.marker == "が" for m in marks)
    return None, True


def _governs(between: str) -> bool:
    """Does a が subject govern the quote right after it (Xが「…」, Xが口にした「…」)?"""
    return len(between) <= 8 and not re.search(r"[、はをのに「」『』]", between.replace("にした", ""))


def _coordinated(doc: Doc, mark: Marked) -> Mention:
    """``米国とウクライナは``: the first of coordinated subjects speaks for them."""
    mention = mark.mention
    for other in doc.mentions_in(max(0, mention.start - 30), mention.start):
        if other.end + 1 == mention.start and doc.text[other.end] == "と" and other.kind == mention.kind:
            return other
    return mention


def reporting_verb(doc: Doc, start: int, end: int) -> str | None:
    """The dictionary form of the reporting verb after a quote (述べる, 強調する …)."""
    stop = doc.text.find("「", start, end)
    match = REPORTING.search(doc.text, start, stop if stop != -1 else end)
    if not match:
        return None
    tokens = doc.tokens_in(match.start(), match.end() + 2)
    if not tokens:
        return match.group()
    token = tokens[0]
    if token.pos[0] == "名詞" and "サ変" in token.pos[2]:
        return token.lemma + "する"
    if token.pos[0] == "助詞" and len(tokens) > 1:
        return "と" + tokens[1].lemma
    return token.lemma


def quote_brackets(doc: Doc, sentence: Sentence) -> list[Bracket]:
    """Top-level 「」 / 『』 pairs of a sentence (a 『』 inside 「」 is part of the quote)."""
    out = []
    for b in doc.brackets:
        if not (sentence.start <= b.open < sentence.end and b.mark in QUOTE_OPENERS):
            continue
        if not any(o.mark in QUOTE_OPENERS and o.open < b.open and b.close < o.close for o in doc.brackets):
            out.append(b)
    return out


def clause_end(doc: Doc, start: int, sentence: Sentence) -> int:
    """The end of the clause a quote belongs to (…が、 / 。), for hedges."""
    match = _CLAUSE_BREAK.search(doc.text, start, sentence.end)
    return match.end() if match else sentence.end
