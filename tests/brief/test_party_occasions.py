"""A party's section gives what the side said on several occasions before a third remark of one
interview.  Case in our own words."""

from __future__ import annotations

from communique.brief import brief
from communique.brief.render import markdown

from .fixtures import quote_record, report_record, two_speakers

INTERVIEW = ("Osei told radio: \u201cThe border must be settled before any trade talks begin.\u201d "
             "He went on: \u201cOur army has shown restraint for eleven days now.\u201d "
             "And he added: \u201cWe will not be rushed into signing a text we have not read.\u201d "
             "On sanctions, he said: \u201cThat question belongs to the parliament, not to me.\u201d "
             "On the mediators: \u201cWe thank every capital that has offered to help.\u201d "
             "Finally: \u201cThe next round should be held on neutral ground.\u201d")
POST = "Osei wrote on social media: \u201cThere is no agreement yet on any ceasefire between us.\u201d"
LEAD = "Varga said: \u201cThe two capitals are close to a text both can sign.\u201d"


def test_a_remark_of_another_day_comes_before_a_third_of_one_interview() -> None:
    words = ["The border must be settled before any trade talks begin.",
             "Our army has shown restraint for eleven days now.",
             "We will not be rushed into signing a text we have not read.",
             "That question belongs to the parliament, not to me.",
             "We thank every capital that has offered to help.",
             "The next round should be held on neutral ground."]
    records = [
        *two_speakers(),
        report_record("r1", INTERVIEW, "2025-06-17"),
        report_record("r2", POST, "2025-06-13"),
        *(report_record(r, LEAD, "2025-06-17") for r in ("r5", "r6", "r7", "r8")),
        *(quote_record(f"q{i}", INTERVIEW, w, ["r1"], said_on="2025-06-17") for i, w in enumerate(words)),
        quote_record("q9", POST, "There is no agreement yet on any ceasefire between us.", ["r2"],
                     said_on="2025-06-13"),
        quote_record("q8", LEAD, "The two capitals are close to a text both can sign.",
                     ["r5", "r6", "r7", "r8"], said_on="2025-06-17", speaker="varga"),
    ]
    said = markdown(brief(records, lang="en", as_of="2025-06-17", story_id="s"))
    section = said.split("## Ghana")[1].split("As of")[0]
    assert "no agreement yet" in section, said


def test_of_two_remarks_equally_newsworthy_the_one_higher_in_its_report_comes_first() -> None:
    """Ties go to where the remark stands in its report (an outlet puts what matters first), not to
    the items' ids, which change with an extractor's version."""
    first, second = ("Our delegation will travel to the talks on Monday.",
                     "We thank every capital that has offered to help.")
    text = f"Osei said: \u201c{first}\u201d Later he said: \u201c{second}\u201d"
    post = "Varga said: \u201cThe two capitals are close to a text both can sign.\u201d"
    records = [
        *two_speakers(),
        report_record("r1", text, "2025-06-17"),
        *(report_record(r, post, "2025-06-17") for r in ("r5", "r6", "r7", "r8")),
        # ids in the other order than the text's
        quote_record("q2", text, first, ["r1"], said_on="2025-06-17", statement="st-z"),
        quote_record("q1", text, second, ["r1"], said_on="2025-06-17", statement="st-a"),
        quote_record("q8", post, "The two capitals are close to a text both can sign.",
                     ["r5", "r6", "r7", "r8"], said_on="2025-06-17", speaker="varga"),
    ]
    said = markdown(brief(records, lang="en", as_of="2025-06-17", story_id="s"))
    section = said.split("## Ghana")[1]
    assert section.index("travel to the talks") < section.index("every capital"), said
