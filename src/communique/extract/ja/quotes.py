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
from .lexicon import QUESTION_VERBS, REQUEST_NOUNS, SAYING_NOUNS, SPEECH_NOUNS
from .sentences import QUOTE_OPENERS, Bracket, Sentence
from .speakers import FROM_MARKERS, SOURCE_MARKERS, Marked, leading_also, marked_in, sentence_topic

REPORTING = re.compile(
    r"述べ|語っ|語り|語る|語ら|強調|説明|明らかに|指摘|評価|認め|訴え|投稿|話し|話す|発言|批判|主張|表明"
    r"|警告|明言|答え|応じ|言っ|言う|言い|言わ|示し|示す|否定|反論|書き込|発表|宣言|伝え|記し|呼びかけ"
    r"|求め|要求|非難|くぎを刺|念押し|漏らし|振り返|報告|コメント|付け加え|断言|約束|確認|期待|懸念"
    r"|歓迎|皮肉|判断|結論|分析|力説|発信|書い|投稿|声明|述懐|疑問|一致|とし|として|とする|とした|とされ"
)
_NOUN_CONTENT = re.compile(r"(?:など)?と(?:の|いう|いった|する)")
_QUOTATIVE = re.compile(r"(?:など|とも|とまで|とさえ)?(?:と|って)(?![「『]|の[^\s])")
_CLAUSE_END = re.compile(
    r"(?:だ|た|ない|る|い|う|です|ます|ぬ|か|よ|ね|ぞ|ん|ろ|な|さ|の|ず|[。！？!?…―ー])$")
_CLAUSE_BREAK = re.compile(r"(?:ますが|ですが|たが|るが|ものの|一方)、|[。]")
_PREDICATE = re.compile(r"[はが].{2,}|[、。]")
_QUESTION = re.compile(r"(?:など)?と(?:の)?(?:" + "|".join(QUESTION_VERBS) + ")")
_VERB_TAIL = re.compile(r"(?:だ|です|し|さ|でき|とな|にな|であ)[^、。「」『』\s]{0,6}?と(?:も)?")
_NOUN_REPORT = re.compile(
    r"の?[^、。「」『』]{0,10}?(?:見解|考え|認識|見方|見通し|立場|姿勢|意向)を(?:示|明らかに|表明|強調)")
_VOICES = re.compile(r"(?:など)?との声(?:も|が)(?:ある|あり|上が|出)")
_RELAYED = re.compile(
    r"(?:など)?と(?:も)?(?:述べ|語っ|話し|説明し|明らかにし|指摘し|発言し)た?と(?:伝え|報じ|明らかに|述べ)")
_FURNITURE = re.compile(r"[ \u3000]*【(?:映像|動画|写真|画像|関連|関連記事|音声)】")
_PAREN_CLOSE = re.compile(r"(?:[A-ZＡ-Ｚ]{2,5})?(?:、以下同)?[）)]")  # （宮崎洋一副社長CFO）
_FROM_AFTER = re.compile(r"(?:から|より)(?:の|、)?(?:" + "|".join(REQUEST_NOUNS) + ")")
_SPEECH_AFTER_NO = re.compile(
    r"(?:など)?(?:という|との|といった)(?:" + "|".join(SPEECH_NOUNS) + r")"
    r"|(?:など)?と(?:語|述べ|発言|言っ|話し)")


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
    after = text[bracket.close + 1:sentence.end].lstrip(" \u3000")
    before = text[sentence.start:bracket.open]
    adjacent = _adjacent_speaker(doc, bracket)
    heads_sentence = sentence.first_in_paragraph or not before.strip("\u3000 ") or (
        adjacent is not None and not text[sentence.start:adjacent.start].strip("\u3000 "))
    if _FURNITURE.match(text, sentence.start):
        return "term"  # 【映像】赤沢大臣「…」: a link to other content
    if paren_speaker(doc, bracket) is not None:
        return "paren"  # 「…」（赤沢大臣）
    if after.startswith("とは") and len(content) <= 8:
        return "term"  # 「公正」とは何を意味するか: a word under discussion
    if _QUESTION.match(after) or _VOICES.match(after):
        return "term"  # 「…」と問われ: the reporters' question; 「…」との声もある: nobody named
    if _from_after(doc, bracket, sentence) is not None:
        return "from_after"
    if _subheading(doc, sentence, bracket):
        return "term"
    if adjacent is not None and heads_sentence:
        return "headline"
    coordinated = after.startswith(("と「", "と『")) or before.endswith(("」と", "』と", "」や", "』や"))
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
    tail = _VERB_TAIL.match(after)
    if tail and len(content) >= 5 and _reports_at(after, tail.end()):
        return "embedded"  # 米国が「…で合意」したと述べた / 「現実的なチャンス」だと強調
    clause = re.match(r"[がはをにで][^、。「」『』]{0,20}?(?<=[たるいだうず])(?:など)?と(?:も)?", after)
    object_of = after[:1] in "にをで" and not clause_like(content)  # 「第1段階の合意」に達したと: a term
    if clause and len(content) >= 5 and not object_of and _reports_at(after, clause.end()) and not re.match(
            r"とされ|と伝えられ|とみられ", after[clause.end() - 1:]):
        return "embedded"  # 「公正で永続的な平和」が欠かせないと述べた
    if clause_like(content) and len(content) >= 4 and re.match(r"(?:こと|もの|など)", after):
        return "embedded"
    return "term"


def _reports_at(text: str, pos: int) -> bool:
    """Does a reporting verb (述べた) or a stated view (…との認識を示した) start at ``pos``?"""
    return bool(REPORTING.match(text, pos) or _NOUN_REPORT.match(text, pos))


def paren_speaker(doc: Doc, bracket: Bracket) -> Mention | None:
    """``「…」（赤沢大臣）`` / ``「…」（石戸諭氏、以下同）``: the speaker in brackets after the quote;
    ``(野田代表)「…」`` at the start of a line (a transcript): the speaker in brackets before it."""
    k = bracket.open
    if k >= 2 and doc.text[k - 1] in "）)":
        line_start = doc.text.rfind("\n", 0, k) + 1
        for mention in doc.mentions_in(line_start, k - 1):
            if mention.end == k - 1 and mention.kind == "person" and doc.text[line_start:mention.start] in (
                    "(", "（"):
                return mention
    k = bracket.close + 1
    if doc.text[k:k + 1] not in ("（", "("):
        return None
    for mention in doc.mentions_in(k + 1, min(len(doc.text), k + 40)):
        if mention.start == k + 1 and mention.kind in ("person", "anonymous", "organization") \
                and _PAREN_CLOSE.match(doc.text, mention.end):
            return mention
        break
    return None


def chain_end(doc: Doc, sentence: Sentence, bracket: Bracket) -> Bracket:
    """The last of quotes written one after another (「…」「…」と述べた share their verb)."""
    brackets = quote_brackets(doc, sentence)
    current = bracket
    for other in brackets:
        if other.open > current.open and doc.text[current.close + 1:other.open].strip("、 \u3000") == "":
            current = other
    return current


def _from_after(doc: Doc, bracket: Bracket, sentence: Sentence) -> Mention | None:
    """``「…よう」石破総理から指示を受けた``: the one the request comes from said it."""
    k = bracket.close + 1
    lead = re.match(r"(?:など)?(?:と|との|という)?、?", doc.text[k:sentence.end])
    k += lead.end() if lead else 0
    for mention in doc.mentions_in(k, min(sentence.end, k + 30)):
        if mention.start != k:
            break
        if mention.kind in ("person", "organization", "country", "collective") \
                and _FROM_AFTER.match(doc.text, mention.end):
            return mention
        break
    return None


def _subheading(doc: Doc, sentence: Sentence, bracket: Bracket) -> bool:
    """A body line ``トランプ氏は「…」`` with nothing after: a sub-heading, not a report of words."""
    text = doc.text
    if sentence.index == 0 or not sentence.first_in_paragraph:
        return False
    line_end = text.find("\n", sentence.start)
    line_end = len(text) if line_end == -1 else line_end
    if text[bracket.close + 1:line_end].strip(" \u3000。") or sentence.end < line_end - 1:
        return False
    before = text[sentence.start:bracket.open].rstrip(" \u3000")
    if not before.endswith(("は", "も")):
        return False
    subject_end = sentence.start + len(before) - 1
    return any(m.end == subject_end for m in doc.mentions_in(sentence.start, bracket.open))


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
        if mention.end + 1 == k and doc.text[k - 1] == "の" and mention.kind == "person" \
                and _SPEECH_AFTER_NO.match(doc.text, bracket.close + 1):
            return mention  # トランプ大統領の「…」という発言 (not トランプ氏の「テレビの印象」との違い)
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
        governs = verb is not None and verb.start() - mark.end <= 6 and _finite(doc.text, verb.end())
        if mark.marker == "が" and not governs:
            continue  # 「…」として、ハマス側が求める停戦には: a relative clause, not the speaker
        if mark.marker in ("は", "が") and mark.mention.kind != "country":
            return mark.mention
    for mention in doc.mentions_in(match.end(), window_end):
        follow = doc.text[mention.end:mention.end + 1]
        at_end = mention.end >= sentence.end - 1 or follow in (" ", "\u3000", "")
        if at_end and mention.kind in ("person", "collective", "organization"):
            return mention
    return None


def _finite(text: str, end: int) -> bool:
    """Does the verb ending at ``end`` end its clause (述べた。/ 語り、), not modify a noun (求める停戦)?"""
    k = end
    while k < len(text) and "\u3041" <= text[k] <= "\u309f":
        k += 1
    return k >= len(text) or not (is_word_char(text[k]) or text[k] in "「『")


def is_word_char(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff" or "\u30a1" <= ch <= "\u30fa" or ch == "々"


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
    if kind == "from_after":
        return _from_after(doc, bracket, sentence), False
    if kind == "paren":
        return paren_speaker(doc, bracket), False
    if kind == "standalone" and sentence.first_in_paragraph and sentence.index + 1 < len(doc.sentences):
        following = doc.sentences[sentence.index + 1]
        topic = sentence_topic(doc, following.start, following.end) \
            if following.paragraph == sentence.paragraph else None
        if topic is not None and topic.kind == "person":
            return topic, False  # 「…」。首相は討論会で…: the lead quote, then who said it
    if kind == "headline_predicate":
        for other in quote_brackets(doc, sentence):
            if other.open < bracket.open and classify(doc, sentence, other) == "headline":
                return _adjacent_speaker(doc, other), False
        return None, False
    adjacent = _adjacent_speaker(doc, bracket)
    if adjacent is not None and doc.text[adjacent.end:adjacent.end + 1] == "の":
        return adjacent, False
    if kind == "quotative" and relayed(doc, bracket):
        inner = _inner_subject(doc, sentence, bracket)
        if inner is not None:
            return inner, False  # 赤沢氏は、米側が「適時に修正する」と説明したと明らかにした
    post = _post_subject(doc, bracket, sentence) if kind == "quotative" else None
    if post is not None:
        return post, False
    marks = [m for m in marked_in(doc, sentence.start, bracket.open) if m.mention.end <= bracket.open]
    froms = [m for m in marks if m.marker in FROM_MARKERS]
    if froms and kind in ("quotative", "noun") and froms[-1] is marks[-1]:
        return froms[-1].mention, False  # Xからは「…」という印象 (unless a later subject speaks)
    sources = [m for m in marks if m.marker in SOURCE_MARKERS]
    if sources and (kind == "noun" or not any(m.marker in ("は", "も") and m.end > sources[-1].end
                                               and m.mention.kind in ("person", "anonymous") for m in marks)):
        return sources[-1].mention, False  # ロイター通信によると、トランプ氏は「…」: Trump speaks
    topics = [m for m in marks if m.marker in ("は", "も")]
    direct = [m for m in marks if m.marker == "が" and _governs(doc.text[m.end:bracket.open])]
    if kind == "noun" and topics and not _saying_noun(doc, bracket):
        direct = []  # 報道官は、トランプ政権が「…」との印象を抱いた: the topic's view of X
    if kind in ("quotative", "noun") and direct and (not topics or direct[-1].end > topics[-1].end):
        return direct[-1].mention, bool(topics)
    if _BOTH_SIDES_TOPIC.search(doc.text, max(sentence.start, bracket.open - 12), bracket.open) \
            and not any(m.end >= bracket.open - 2 for m in marks):
        return None, False  # 「…ほか、両首脳は「…」などとして」: the two leaders, not the topic before
    # (an unnamed official too: 「米政府高官も「…」と評価した」 is the official's, not the last speaker's)
    people = [m for m in topics if m.mention.kind in ("person", "anonymous")]
    if people:
        return _coordinated(doc, people[-1]), len(topics) > len(people)
    if (also := leading_also(doc, sentence.start, marks)) is not None:
        return also, False
    topics = [m for m in topics if m.marker == "は"]
    if topics:
        return _coordinated(doc, topics[-1]), False
    subjects = [m for m in marks if m.marker == "が" and m.mention.kind in _SUBJECT_KINDS
                and not re.search(r"という|とし|とす|ことに|ことを", doc.text[m.end:bracket.open])]
    if subjects:
        return subjects[-1].mention, False
    if carried is not None:
        return carried, any(m.marker == "が" for m in marks)
    return None, True


# both sides as the topic right before the words (「両首脳は「…」」, 「双方は、「…」」): no one person's
_BOTH_SIDES_TOPIC = re.compile(r"(?:両首脳|両首相|両外相|両氏|両者|双方|両国|両政府)(?:とも|ら)?[はも]、?$")


def relayed(doc: Doc, bracket: Bracket) -> bool:
    """``「…」と説明したと明らかにした``: words one speaker relays from another."""
    return bool(_RELAYED.match(doc.text, bracket.close + 1))


def _inner_subject(doc: Doc, sentence: Sentence, bracket: Bracket) -> Mention | None:
    """The が subject after the sentence's topic, in a quote one speaker relays from another."""
    marks = [m for m in marked_in(doc, sentence.start, bracket.open) if m.mention.end <= bracket.open]
    topics = [m.end for m in marks if m.marker == "は"]
    inner = [m for m in marks if m.marker == "が" and (not topics or m.end > topics[-1])
             and m.mention.kind in ("person", "anonymous", "collective", "country", "organization")]
    return inner[-1].mention if inner else None


def _saying_noun(doc: Doc, bracket: Bracket) -> bool:
    """「…」という発言 / 表現 / 声明: X's words (not a view of X such as 印象 or 懸念)."""
    match = _NOUN_CONTENT.match(doc.text, bracket.close + 1)
    return match is not None and doc.text.startswith(SAYING_NOUNS, match.end())


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
