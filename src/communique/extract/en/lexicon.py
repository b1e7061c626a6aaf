"""Word lists for the English extractors (kept apart so the rules stay readable)."""

from __future__ import annotations

FEMALE_NAMES = frozenset(
    (
        "agnieszka amy angela anita anna annalena beata catherine christine claudia droupadi "
        "elena elina elise elizabeth emily evika ewa giorgia halyna hillary ingrid iryna jane "
        "jennifer jill julia kaja kamala karin karoline kristalina kristen kristi linda lindsay "
        "liz maia margaret maria marie marine mariya marta mary melania mette nancy natalia "
        "nataliya oksana olena olha pam rachel roberta ruth samantha sanae sarah sophie susan "
        "susie svetlana tammy tatiana theresa tulsi ursula valentina victoria yulia yuliia "
        "yvette "
    ).split()
)

TITLE_WORDS = frozenset(
    (
        "admiral adviser advisor aide ambassador analyst army businessman captain chair chairman "
        "chancellor chief col colonel columnist commander commentator correspondent counterpart "
        "defence defense deputy developer diplomat director dr economist editor emissary envoy "
        "expert fellow foreign former gen general gov governor head historian intelligence "
        "investor king lawmaker lawyer leader lieutenant lt major mayor mediator military "
        "minister mr mrs ms national negotiator official policy political pope premier president "
        "presidential press prime professor prosecutor queen rep representative researcher "
        "retired scholar scientist secretary security sen senator senior sir son-in-law speaker "
        "special spokesman spokesmen spokesperson spokeswoman state strategist top veteran vice "
    ).split()
)

NOT_NAME = frozenset(
    (
        "a abu according after agency also an and apr april army article as asked at aug august "
        "berlin bishkek but by christmas council crimea daily dec december department dhabi "
        "donbas donetsk earlier east editing feb february federation florida for forces "
        "framework friday from geneva god he her his house how i if in it its jan january jul "
        "july jun june kherson kingdom kyiv last later london luhansk mar march may meanwhile "
        "miami ministry monday moscow my news next no north not nov november now oct october of "
        "office officials on one our oval party peace photo plan point points post press read "
        "related reporting republic reuters saturday sep sept september share she social some "
        "sources south speaking state states still summit sunday talks tango telegram "
        "thanksgiving that the their then there they this three thursday times to truth tuesday "
        "two union we wednesday west what when where while who why wire with x yes your "
        "zaporizhzhia "
    ).split()
)

PARTICLES = frozenset(("al bin da de der di dos du el la le van von ").split())

# Reporting verbs beyond the core list of context.py, as lemmas: each gets its -s, -ed and -ing
# forms (irregular past forms are listed as they are).  A verb here only marks where a speaker
# may stand next to a quotation; the speaker must still be found next to it.
REPORTING_LEMMAS = (
    "add admit argue ask assert blast boast caution chide complain concede conclude confide continue "
    "counter cry declare demand deny exclaim explain fume gush insist joke lament marvel muse note "
    "observe plead point predict proclaim quip reason recall recount reflect rejoin remark repeat "
    "reply respond retort scoff scream shout sigh snap sneer state stress suggest taunt tease testify "
    "thunder tweet urge vent vow wail warn wonder yell".split()
)
IRREGULAR_REPORTING = frozenset("says told tells telling wrote writes writing written".split())


_DOUBLING = frozenset("quip snap chat rip slam jab".split())


def inflections(lemma: str) -> frozenset[str]:
    """lemma, -s, -ed and -ing forms of a regular verb ("quip" -> quips, quipped, quipping)."""
    stem = lemma[:-1] if lemma.endswith("e") else lemma
    double = lemma in _DOUBLING
    tail = lemma + lemma[-1] if double else stem
    plural = lemma + ("es" if lemma.endswith(("s", "sh", "ch", "x")) else "s")
    if lemma.endswith("y") and lemma[-2] not in "aeiou":
        return frozenset((lemma, lemma[:-1] + "ies", lemma[:-1] + "ied", lemma + "ing"))
    return frozenset((lemma, plural, tail + "ed", tail + "ing"))
