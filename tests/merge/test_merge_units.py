"""Tables of cases for the merge stage: records in, merged record out (no store)."""

from __future__ import annotations

import pytest

from communique.extract.gazetteer import load
from communique.merge import merge
from communique.merge.actors import canonical_id
from communique.merge.dates import gap, interval
from communique.model import Event, Evidence, Extraction, Precision, Quote, Report

from .builders import quote


def _report(
    rid: str, text: str, *, published: str = "2025-12-04", language: str = "en", wire: str | None = None
) -> Report:
    return Report(
        id=rid,
        source=rid,
        url=None,
        outlet=rid,
        title=text.split("\n")[0],
        published_at=published,
        published_precision=Precision.DAY,
        language=language,
        text=text,
        raw=b"",
        content_type="text",
        encoding="utf-8",
        wire_group=wire,
    )


def _quote(
    report: Report, qid: str, text: str, speaker: str, said_on: str | None = "2025-12-03", direct: bool = True
) -> Quote:
    return quote(qid, report, text, said_on, direct=direct, speaker=speaker, speaker_text=speaker)


def _two_quotes(a: tuple[str, str, str, str | None], b: tuple[str, str, str, str | None]) -> bool:
    """(language, text, speaker, said_on) twice -> were they merged into one statement?"""
    reports, extractions = [], []
    for n, (language, text, speaker, said_on) in enumerate((a, b)):
        report = _report(
            f"r-{n}", f"Headline {n}\n\nSomeone said \u201c{text}\u201d today.", language=language
        )
        reports.append(report)
        extractions.append(
            Extraction(report_id=report.id, quotes=(_quote(report, f"q-{n}", text, speaker, said_on),))
        )
    record = merge(reports, extractions)
    return record.statement_of["q-0"] == record.statement_of["q-1"]


MERGES = [
    # the same remark in two English wordings
    (
        ("en", "Some things were accepted, some were marked unacceptable", "dmitry-peskov", "2025-12-03"),
        (
            "en",
            "some things were accepted and some were marked as unacceptable",
            "dmitry-peskov",
            "2025-12-03",
        ),
    ),
    # an English quote and its Japanese rendering
    (
        ("en", "Some things were accepted, some were marked unacceptable", "dmitry-peskov", "2025-12-03"),
        (
            "ja",
            "受け入れられたものもあれば、受け入れられないとされたものもある",
            "dmitry-peskov",
            "2025-12-03",
        ),
    ),
    (
        ("en", "it does take two to tango", "donald-trump", "2025-12-03"),
        ("ja", "タンゴは2人で踊るものだ", "donald-trump", "2025-12-03"),
    ),
    # a partial quote inside the full one
    (
        ("en", "reasonably good", "donald-trump", "2025-12-03"),
        ("en", "The meeting was reasonably good, from what I hear", "donald-trump", "2025-12-03"),
    ),
    # an undated wording of a dated remark
    (
        ("en", "it does take two to tango", "donald-trump", "2025-12-03"),
        ("en", "it does take two to tango", "donald-trump", None),
    ),
]

NEVER = [
    # different speakers, same words
    (
        ("en", "it does take two to tango", "donald-trump", "2025-12-03"),
        ("en", "it does take two to tango", "vladimir-putin", "2025-12-03"),
    ),
    (
        ("en", "The conversation was useful", "yuri-ushakov", "2025-12-02"),
        ("ja", "会話は有益だった", "dmitry-peskov", "2025-12-02"),
    ),
    # days apart, same speaker, same words
    (
        ("en", "it does take two to tango", "donald-trump", "2025-12-03"),
        ("en", "it does take two to tango", "donald-trump", "2025-12-07"),
    ),
    (
        ("ja", "まだ合意はない", "volodymyr-zelensky", "2025-12-08"),
        ("ja", "まだ合意はない", "volodymyr-zelensky", "2025-12-14"),
    ),
    # one speaker, one day, different remarks
    (
        ("en", "it does take two to tango", "donald-trump", "2025-12-03"),
        ("en", "we have something pretty well worked out", "donald-trump", "2025-12-03"),
    ),
]


@pytest.mark.parametrize(("a", "b"), MERGES)
def test_same_remark_merges(a, b):
    assert _two_quotes(a, b)


@pytest.mark.parametrize(("a", "b"), NEVER)
def test_never_merged(a, b):
    assert not _two_quotes(a, b)


@pytest.mark.parametrize(
    ("value", "precision", "other", "other_precision", "days"),
    [
        ("2025-12-02", "day", "2025-12-01", "part_of_month", 0),  # Dec 2 is early December
        ("2025-12-02", "day", "2025-12-05", "day", 3),
        ("2025-12-02", "day", "2025-12-01", "month", 0),
        ("2025-12-14", "day", "2025-12-01", "part_of_month", 3),  # early December ends on the 11th
    ],
)
def test_date_intervals(value, precision, other, other_precision, days):
    assert gap(interval(value, precision), interval(other, other_precision)) == days


@pytest.mark.parametrize(
    ("raw", "canonical"),
    [
        ("volodymyr-zelensky", "volodymyr-zelensky"),
        ("person:Zelenskiy", "volodymyr-zelensky"),
        ("person:ゼレンスキー", "volodymyr-zelensky"),
        ("person:ウィットコフ", "steve-witkoff"),
        ("person:John Smith", "person:john-smith"),
        ("person:john-smith", "person:john-smith"),
        ("anon:Kremlin", "anon:kremlin"),
    ],
)
def test_one_actor_whatever_the_spelling(raw, canonical):
    assert canonical_id(raw, load()) == canonical


def _event_reports(dates: list[str], wire: list[str | None], lengths: list[str]) -> tuple[list, list]:
    reports, extractions = [], []
    for n, (day, group, length) in enumerate(zip(dates, wire, lengths, strict=True)):
        text = (
            f"Envoys meet Putin {n}\n\nThe envoys met Putin in Moscow on {day} for talks that lasted "
            f"{length}, an aide said."
        )
        report = _report(f"r-{n}", text, wire=group)
        start = text.index("met")
        event = Event(
            id=f"e-{n}",
            kind="meeting",
            date=day,
            date_precision=Precision.DAY,
            place="Moscow",
            participant_ids=("vladimir-putin", "steve-witkoff", "jared-kushner"),
            summary="met",
            evidence=(Evidence(report_id=report.id, start=start, end=start + 3),),
            extractor="test",
        )
        reports.append(report)
        extractions.append(Extraction(report_id=report.id, events=(event,)))
    return reports, extractions


def test_wire_copies_count_once():
    reports, extractions = _event_reports(
        ["2025-12-02"] * 5, ["w-1", "w-1", "w-1", "w-1", None], ["about five hours"] * 5
    )
    record = merge(reports, extractions)
    (event,) = record.events
    assert len(event.evidence) == 5 and event.sources == 2


def test_conflicts_keep_both_variants():
    reports, extractions = _event_reports(
        ["2025-12-02", "2025-12-02", "2025-12-02", "2025-12-03"],
        [None, None, "w-1", "w-1"],
        ["about five hours", "nearly five hours", "about three hours", "about three hours"],
    )
    record = merge(reports, extractions)
    assert len(record.events) == 1
    by_attribute = {c.attribute: c for c in record.conflicts}
    duration = by_attribute["duration"]
    assert [(v.value, v.sources, len(v.evidence)) for v in duration.variants] == [
        ("5 hours", 2, 2),
        ("3 hours", 1, 2),
    ]
    dates = by_attribute["date"]
    assert {v.value for v in dates.variants} == {"2025-12-02", "2025-12-03"}
    conflict = duration.to_conflict()
    assert conflict.item_ids[0] == record.events[0].id and len(conflict.variants) == 2


def test_meetings_days_apart_stay_apart():
    reports, extractions = _event_reports(
        ["2025-12-02", "2025-12-09"], [None, None], ["two hours", "two hours"]
    )
    assert len(merge(reports, extractions).events) == 2


def test_wording_conflict_for_the_speakers_own_language():
    reports, extractions = [], []
    for n, text in enumerate(
        ["it does take two to tango", "it takes two to tango", "it does take two to tango"]
    ):
        report = _report(f"r-{n}", f"Trump {n}\n\nTrump said \u201c{text}\u201d on Wednesday.")
        reports.append(report)
        extractions.append(
            Extraction(report_id=report.id, quotes=(_quote(report, f"q-{n}", text, "donald-trump"),))
        )
    record = merge(reports, extractions)
    (conflict,) = record.conflicts
    assert conflict.attribute == "wording"
    assert [(v.value, v.sources) for v in conflict.variants] == [
        ("it does take two to tango", 2),
        ("it takes two to tango", 1),
    ]


def test_unrelated_reports_form_their_own_stories():
    talks = _report(
        "r-a", "Envoys meet Putin\n\nThe envoys met Putin in the Kremlin about the Ukraine peace plan."
    )
    talks2 = _report(
        "r-b", "Kremlin talks\n\nPutin and the envoys discussed the Ukraine peace plan in the Kremlin."
    )
    sport = _report("r-c", "Local team wins cup\n\nThe football club celebrated its cup victory in Osaka.")
    extractions = [
        Extraction(
            report_id="r-a", quotes=(_quote(talks, "q-a", "the Ukraine peace plan", "vladimir-putin"),)
        ),
        Extraction(
            report_id="r-b", quotes=(_quote(talks2, "q-b", "the Ukraine peace plan", "vladimir-putin"),)
        ),
        Extraction(report_id="r-c"),
    ]
    record = merge([talks, talks2, sport], extractions)
    groups = sorted(sorted(s.report_ids) for s in record.stories)
    assert groups == [["r-a", "r-b"], ["r-c"]]


@pytest.mark.parametrize(
    ("name", "stage"),
    [
        ("28-point plan", None),
        ("the original 28-point plan", "original"),
        ("updated and refined peace framework", "refined"),
        ("20-point framework", "refined"),
        ("ウクライナの20項目修正和平案", "revised"),
        ("a revised 20-point version of the plan", "revised"),
    ],
)
def test_proposal_version_from_its_name(name, stage):
    from communique.merge.proposals import proposal_key
    from communique.merge.proposals import stage as stage_of

    assert stage_of(name) == stage
    assert proposal_key(name, ()) == "plan"  # versions of one lineage
    assert proposal_key("欧州の対案", ("european-union",)).startswith("counter:")


@pytest.mark.parametrize(
    ("text", "step"),
    [
        ("the document was later cut to 19 points", ">"),
        ("cutting the original US plan from 28 to 19 points", ">"),
        ("cut it from 28 points to 19", "<"),
        ("計画案は19項目に絞り込まれた", ">"),
        ("修正案は20項目からなり", ""),
        ("the 28-point plan", ""),
    ],
)
def test_point_count_claims_know_which_version_they_are_about(text, step):
    from communique.merge.facets import POINTS_EN, POINTS_JA, _step

    match = POINTS_EN.search(text) or POINTS_JA.search(text)
    assert match is not None and _step(text, match) == step
