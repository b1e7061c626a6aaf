"""A plan's lineage is its story's: the "12-point plan" of one negotiation and the "5-point plan"
of another, years apart, are two merged proposals, not one lineage across the store (with
many stories, every plan of every story had become one proposal of tens of thousands of
members).  Through the real extractor and store (both backends)."""

from __future__ import annotations

from pathlib import Path

from communique import merge, pipeline

from .texts import Texts, merge_texts

TEXTS: Texts = {
    "a1": ("2019-05-20",
           "Rubio presents 12-point plan\n\nSecretary of State Marco Rubio presented a 12-point plan to "
           "Russian Foreign Minister Sergei Lavrov in Geneva on Monday. Lavrov said Moscow would study "
           "the 12-point plan."),
    "a2": ("2019-05-22",
           "Lavrov studies plan\n\nRussian Foreign Minister Sergei Lavrov said on Wednesday that the "
           "12-point plan needed changes. Marco Rubio said the plan was fair."),
    "b1": ("2022-02-10",
           "Tariff plan for Japan\n\nJapanese Prime Minister Shigeru Ishiba presented a 5-point plan on "
           "tariffs to US Commerce Secretary Howard Lutnick in Tokyo on Friday. Lutnick said the plan "
           "was a start."),
    "b2": ("2022-02-12",
           "Lutnick on Japan plan\n\nHoward Lutnick said on Sunday that the 5-point plan from Shigeru "
           "Ishiba was a start for tariff talks."),
}


def test_each_story_has_its_own_plan(db: Path) -> None:
    with pipeline.open_store(str(db)) as store:
        merge_texts(store, TEXTS)
        story_of = merge.report_stories(store)
        lineages: dict[str, set[str]] = {}
        for merged_id, report_id in store.db.execute("SELECT merged_id, report_id FROM proposal_members"):
            lineages.setdefault(merged_id, set()).add(story_of[report_id])
    assert len(set(story_of.values())) == 2
    assert len(lineages) == 2
    assert all(len(stories) == 1 for stories in lineages.values())
