"""The development set of real reports: its gold is well formed (always), and extraction
keeps its floors on it (only where the texts are present: they are not in git).

``FLOORS`` are the figures measured when the gate was last raised (benchmarks/dev_eval.py);
they may only go up.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

import devscore  # noqa: E402

DEV = devscore.load_devset()
KINDS = {"person", "organization", "country", "descriptor"}
ID = re.compile(r"^[a-z0-9-]+-(en|ja)-\d{2,3}$")

# Minimum figures on the real development reports, per language; raise them, never lower.
# Re-pinned 2026-12-07 where lower on the texts retrieved again that day (the first copies were
# lost with their machine; 177 of the 220 pages were found again, some in other copies): the
# figures are measured on exactly those texts (their sha256 in reports.jsonl), so the floors
# apply only when all of them are present (``DEV.complete``).
# Pinned 2026-12-06 on 143 reports (79 en, 64 ja; 3 stories); the issue's targets are higher
# (quotes 0.90 / 0.95, participants 0.95 / 0.80, titles 0.95, no furniture title).
# English all-quote recall raised with mixed quotes (quotes.en.v15: the reported clause around
# quoted words extracted whole): tuned 0.770, Thailand 0.674, Iran 0.799.
FLOORS: dict[str, dict[str, float]] = {
    "en": {"direct_recall": 0.90, "direct_speaker": 0.96, "direct_precision": 0.96, "all_recall": 0.77,
           "participant_precision": 0.975, "participant_recall": 0.86, "titles": 0.98,
           "agreement_precision": 1.0, "agreement_recall": 0.66, "agreement_participant_precision": 1.0,
           "place_precision": 1.0, "place_recall": 0.68, "date_precision": 0.90, "date_recall": 0.54},
    "ja": {"direct_recall": 0.96, "direct_speaker": 1.0, "direct_precision": 1.0, "all_recall": 0.81,
           "participant_precision": 0.98, "participant_recall": 0.85, "titles": 0.98,
           # agreement recall 0.88 -> 0.90 with events.ja.v15 (「…ことで合意。」, terms in two clauses)
           "agreement_precision": 1.0, "agreement_recall": 0.90, "agreement_participant_precision": 1.0,
           "place_precision": 1.0, "place_recall": 0.76, "date_precision": 1.0, "date_recall": 0.64},
}


def test_gold_is_well_formed() -> None:
    if not DEV.reports:
        pytest.skip("no development set in devset/")
    assert not DEV.problems, DEV.problems
    seen: set[str] = set()
    for item in DEV.reports:
        assert ID.match(item.id), item.id
        assert item.id not in seen, f"{item.id} listed twice"
        seen.add(item.id)
        assert item.language in {"en", "ja"}, item.id
        assert item.id.startswith(item.story), item.id
        gold = item.gold
        assert "title" in gold, f"{item.id}: no title field (null when the text has none)"
        for q in gold.get("quotes", []):
            assert q["text"].strip() and q["speaker"].strip(), (item.id, q)
            assert q.get("speaker_kind", "person") in KINDS, (item.id, q)
            assert isinstance(q.get("direct", True), bool), (item.id, q)
            # a reported clause may open with the speaker's own words (「…」の中で協議が行われた); the
            # words of a direct quote never include its marks
            assert not q.get("direct", True) or not q["text"].startswith(("“", '"', "「")), \
                f"{item.id}: quote marks in text: {q['text']}"
        for m in gold.get("meetings", []):
            assert m["kind"] in devscore.MEETING_KINDS, (item.id, m)
            assert isinstance(m.get("participants", []), list), (item.id, m)


def test_devset_covers_what_the_issue_asks() -> None:
    if not DEV.reports:
        pytest.skip("no development set in devset/")
    en = [r for r in DEV.reports if r.language == "en"]
    ja = [r for r in DEV.reports if r.language == "ja"]
    outlets = {r.outlet for r in DEV.reports if r.outlet}
    stories = {r.story for r in DEV.reports}
    assert len(en) >= 40 and len(ja) >= 20, (len(en), len(ja))
    assert len(outlets) >= 15 and len(stories) >= 3, (len(outlets), stories)


@pytest.mark.parametrize(("gold", "kind", "forms", "expected"), [
    ("Ryosei Akazawa", "person", {"akazawa"}, True),
    ("Ryosei Akazawa", "person", {"ryosei akazawa", "economic revitalization minister"}, True),
    ("Ryosei Akazawa", "person", {"shigeru ishiba"}, False),
    ("赤沢亮正", "person", {"赤沢経済再生相"}, True),
    ("赤澤亮正", "person", {"赤沢"}, True),
    ("ハワード・ラトニック", "person", {"ラトニック商務長官"}, True),
    ("ハワード・ラトニック", "person", {"ベッセント"}, False),
    ("Kremlin", "organization", {"kremlin"}, True),
    ("Japan", "country", {"japanese government", "japan"}, True),
    ("Japan", "country", {"china"}, False),
    ("a senior European official", "descriptor", {"anon:eu"}, True),
])
def test_names_agree(gold: str, kind: str, forms: set[str], expected: bool) -> None:
    assert devscore.names_agree(gold, kind, {devscore.norm(f) for f in forms}) is expected


@pytest.mark.parametrize(("a", "b", "matches"), [
    ("We are closer than we were a month ago, but not there yet,",
     "We are closer than we were a month ago, but not there yet", True),
    ("We are closer than we were a month ago", "We are closer than we were a month ago, but not there yet. "
     "There is a lot of work left and we will keep at it until the very end of the year", True),
    ("We are closer than we were", "the deal is dead and nobody will revive it", False),
    ("交渉の回数を重ねるごとにお互いの理解が深まっている",
     "交渉の回数を重ねるごとにお互いの理解が深まっている。", True),
    ("交渉の回数を重ねるごとにお互いの理解が深まっている", "関税は受け入れられない", False),
])
def test_texts_match(a: str, b: str, matches: bool) -> None:
    assert (devscore.texts_match(a, b) > 0) is matches


# The three stories the extraction was tuned on (FLOORS above), and the story added after them
# and held out from tuning, with its own floors as first measured on 2026-12-07 (US-Iran talks,
# 21 en and 16 ja reports): raise them, never lower.
TUNED = ("gaza-ceasefire-2025", "us-china-trade-2025", "us-japan-tariffs-2025")
HELD_OUT: dict[str, dict[str, dict[str, float]]] = {
    "us-iran-nuclear-2025": {
        "en": {"direct_recall": 0.88, "direct_speaker": 0.95, "direct_precision": 0.93, "all_recall": 0.79,
               "participant_precision": 0.78, "participant_recall": 0.73, "titles": 0.94,
               "place_precision": 1.0, "place_recall": 0.86, "date_precision": 1.0, "date_recall": 0.46},
        "ja": {"direct_recall": 0.86, "direct_speaker": 0.92, "direct_precision": 0.96, "all_recall": 0.74,
               "participant_precision": 0.96, "participant_recall": 0.89, "titles": 0.92,  # raised, run 54
               # date recall is over the meetings matched: 0.75 until events.ja.v14 found one more
               # meeting, on a page with no date and no year (「4月26日」 cannot be read), so 0.70 with
               # more meetings dated right than before (the one place a floor was set lower)
               "place_precision": 1.0, "place_recall": 1.0, "date_precision": 1.0, "date_recall": 0.70},
    },
    # held out until its first audit (run 38); floors as measured then, raised where figures rose (run 44)
    "thailand-cambodia-border-2025": {
        "en": {"direct_recall": 0.79, "direct_speaker": 0.8, "direct_precision": 0.96, "all_recall": 0.67,
               "participant_precision": 0.78, "participant_recall": 0.47, "titles": 1.0,
               "place_precision": 0.0, "place_recall": 0.0, "date_precision": 1.0, "date_recall": 0.2},
        "ja": {"direct_recall": 0.8, "direct_speaker": 0.82, "direct_precision": 0.88, "all_recall": 0.86,
               # raised after run 54 (events.ja.v13-v15: pairs, the pair's talks): as measured then
               "participant_precision": 1.0, "participant_recall": 0.87, "titles": 1.0,  # run 57: 0.87, 0.75
               "place_precision": 0.75, "place_recall": 1.0, "date_precision": 1.0, "date_recall": 0.66},
    },
    # held out until its first audit (run 60, at c9fbc63); floors as measured then
    "india-pakistan-ceasefire-2025": {
        "en": {"direct_recall": 0.86, "direct_speaker": 0.86, "direct_precision": 0.95, "all_recall": 0.77,
               "participant_precision": 0.8, "participant_recall": 0.21, "titles": 0.76,
               "place_precision": 1.0, "place_recall": 1.0, "date_precision": 1.0, "date_recall": 1.0},
        # speakers raised by the next change (「一方Xも」): 0.956
        "ja": {"direct_recall": 0.78, "direct_speaker": 0.95, "direct_precision": 0.95, "all_recall": 0.71,
               "participant_precision": 0.6, "participant_recall": 0.18, "titles": 0.81,
               "date_precision": 1.0, "date_recall": 0.5},
    },
    # held out until its first audit (run 63, at a00c583); floors as measured then (en recall 0.765 and
    # 0.694, re-pinned by the next change: "state" in "Iranian state television" is no verb, so the
    # broadcaster's two remarks, which had been given to Iran as "Iranian ... state[d]", are not found)
    "israel-iran-ceasefire-2025": {
        "en": {"direct_recall": 0.75, "direct_speaker": 0.91, "direct_precision": 0.94, "all_recall": 0.68,
               "participant_precision": 0.66, "participant_recall": 0.2, "titles": 0.86},
        "ja": {"direct_recall": 0.85, "direct_speaker": 0.92, "direct_precision": 0.93, "all_recall": 0.8,
               "participant_precision": 1.0, "participant_recall": 1.0, "titles": 0.81},
    },
    # held out until its first audit (run 70, at 36d29f7); floors as measured then (ja recall 0.857 and
    # 0.706 re-pinned by the next change: the two leaders' words after 「両首脳は」, which had been
    # given to Trump named before them, are left without a speaker; ja speakers rose to 0.957)
    "armenia-azerbaijan-peace-2025": {
        "en": {"direct_recall": 0.85, "direct_speaker": 0.89, "direct_precision": 0.97, "all_recall": 0.76,
               "participant_precision": 0.77, "participant_recall": 0.62, "titles": 0.9,
               "place_precision": 0.93, "place_recall": 0.93, "date_precision": 0.83, "date_recall": 0.5},
        "ja": {"direct_recall": 0.82, "direct_speaker": 0.95, "direct_precision": 0.92, "all_recall": 0.68,
               "participant_precision": 0.96, "participant_recall": 0.54, "titles": 0.76,
               "place_precision": 1.0, "place_recall": 0.71, "date_precision": 0.4, "date_recall": 0.66},
    },
}
# page furniture taken as a title, at most (the held-out stories' reports had one or two each)
FURNITURE = {"us-iran-nuclear-2025": 1, "india-pakistan-ceasefire-2025": 1, "israel-iran-ceasefire-2025": 2}


def _groups() -> list[tuple[str, str]]:
    return [(lang, "tuned") for lang in ("en", "ja")] + [
        (lang, story) for story in sorted(HELD_OUT) for lang in ("en", "ja")]


def _measured_set() -> None:
    """The floors were measured on every listed text: with some absent (or other copies of a
    page), the figures are on another set and say nothing against them."""
    if DEV.present and not DEV.complete:
        missing = [r.id for r in DEV.reports if r.sha256 and not r.present]
        pytest.skip(f"{len(missing)} measured text(s) absent or changed ({missing[0]}, ...): the floors "
                    "apply to the whole measured set (devset/README.md says how to rebuild it)")


@pytest.mark.parametrize(("lang", "group"), _groups())
def test_floors_on_real_reports(lang: str, group: str) -> None:
    _measured_set()
    stories = TUNED if group == "tuned" else (group,)
    present = [r for r in DEV.present if r.language == lang and r.story in stories]
    if not present:
        pytest.skip(f"no {lang} development texts of {group} present (not in git; see devset/README.md)")
    floors = FLOORS[lang] if group == "tuned" else HELD_OUT[group][lang]
    from dev_eval import evaluate

    sub = devscore.DevSet(stories=DEV.stories, reports=present)
    figures = evaluate(sub, merge=False)["languages"][lang]
    low = {k: (figures[k], v) for k, v in floors.items() if figures[k] is not None and figures[k] < v}
    assert not low, f"below the floor (figure, floor): {low}"
    assert figures["furniture_titles"] <= FURNITURE.get(group, 0), "page furniture taken as a report's title"


# Statement grouping on the gold (benchmarks/dev_eval.py: pairs of matched quotes in different
# reports, wire copies apart, that carry one gold statement), pair recall and precision per
# language pair, first pinned 2026-12-08; the issue's target is recall 0.85 at precision 0.95.
# Raise them, never lower. (Tuned en-ja precision measured 1.000 on 18 pairs: pinned at the
# issue's 0.95, so that one pair more or less does not decide the gate.)
# Raised 2026-12-07 (branch grouping: a reported clause running into quoted words, reported-speech
# tense shift, sentences of a long quote kept apart, no single-word hubs, paragraphs of one formal
# statement): tuned en-en 0.750/0.943, en-ja 0.458/1.000, ja-ja 0.722/0.812; Iran en-en
# 0.635/0.889, en-ja 0.308/0.889, ja-ja 0.500/0.800.
# Raised 2026-12-08 (branch group: a translation bridging two paraphrases of one remark, no
# second half after quoted words in the reporter's clause): Iran en-en 0.714/0.918, en-ja
# 0.462/1.000 (precision pinned at the issue's 0.95); tuned unchanged.
# Raised 2026-12-07 (mixed quotes: the reported clause around quoted words extracted whole, its
# quoted words placed first, the clause's margin asked only where the quoted words tell against a
# pair): Iran en-en 0.768/0.940 over 82 pairs (63 before); en-ja 0.508/1.000 over 63 (52), floor
# unchanged; tuned unchanged.
# Raised 2026-12-07 (bilingual lexicon v3: the vocabulary of nearing a deal,
# the unavoidable, common ground, ways out, decisive results, what a policy hangs on, efforts):
# Iran en-ja 0.524/1.000 over 63 pairs; en-en and ja-ja unchanged; tuned unchanged.
STATEMENT_FLOORS: dict[str, dict[str, tuple[float, float]]] = {
    "tuned": {"en-en": (0.75, 0.94), "en-ja": (0.45, 0.95), "ja-ja": (0.72, 0.81)},
    "us-iran-nuclear-2025": {"en-en": (0.76, 0.94), "en-ja": (0.52, 0.95), "ja-ja": (0.50, 0.80)},
    # held out (run 60, at c9fbc63): first measured 0.301/0.812, 0.218/0.830, 0.419/1.000 over 302 / 380 /
    # 155 gold pairs.  Re-pinned by the next change (speakers: 「一方Xも」, "he" after a reported clause,
    # "X quoted Y as", a bare family name; remarks of undated reports dated by a written day): ja-ja
    # 0.465, en-ja 0.221 rose; en-en 0.298 lost one pair that was grouped only because both quotes had
    # the wrong speaker (Trump for what Modi told him), and en-ja precision 0.824 has one wrong pair
    # more (India's two accounts of 10 May of the generals' channel, the second now dated)
    # raised at the end of that session (a katakana family name, quoted days): en-ja 0.253/0.842,
    # ja-ja 0.484.  Re-pinned by quotes.en.v20 ("announced that A and B have agreed to a "full and
    # immediate" ceasefire": Trump's words, no longer Pakistan's): the fragments now join Trump's post
    # as the gold has it, and so add pairs to the statement that already held two remarks of his 12
    # May address (en-en precision 0.809); one Japanese paraphrase of Misri's statement of 10 May no
    # longer joins it (ja-ja recall 0.465)
    "india-pakistan-ceasefire-2025": {"en-en": (0.29, 0.80), "en-ja": (0.25, 0.84), "ja-ja": (0.46, 1.0)},
    # held out (run 63, at a00c583): as first measured over 246 / 371 / 68 gold pairs -- Trump's many
    # remarks of 21-24 June run together into one statement
    # precision raised by the next changes (a stance's speaker, "according to" tails): en-en 0.544,
    # en-ja 0.327
    "israel-iran-ceasefire-2025": {"en-en": (0.15, 0.54), "en-ja": (0.19, 0.32), "ja-ja": (0.36, 0.19)},
    # held out (run 70, at 36d29f7): as first measured over 95 / 145 / 23 gold pairs
    "armenia-azerbaijan-peace-2025": {"en-en": (0.13, 0.37), "en-ja": (0.06, 0.71), "ja-ja": (0.56, 0.39)},
}


@pytest.mark.parametrize("group", sorted(STATEMENT_FLOORS))
def test_statement_grouping_floors_on_real_reports(group: str) -> None:
    _measured_set()
    stories = TUNED if group == "tuned" else (group,)
    present = [r for r in DEV.present if r.story in stories]
    if not present:
        pytest.skip(f"no development texts of {group} present (not in git; see devset/README.md)")
    from dev_eval import evaluate

    sub = devscore.DevSet(stories=DEV.stories, reports=present)
    pairs = evaluate(sub)["statements"]
    low = {}
    for key, (recall, precision) in STATEMENT_FLOORS[group].items():
        got = pairs.get(key, {})
        if got.get("recall") is not None and got["recall"] < recall:
            low[f"{key} recall"] = (got["recall"], recall)
        if got.get("precision") is not None and got["precision"] < precision:
            low[f"{key} precision"] = (got["precision"], precision)
    assert not low, f"statement pairs below the floor (figure, floor): {low}"
