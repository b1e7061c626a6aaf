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
        "yvette melanie ivanka loretta tiffany melinda michelle "
        # common given names in English-language news beyond the sample's
        "abigail alexandra alice alicia allison andrea angelina ann anne ashley barbara betsy betty "
        "beverly brenda brittany carla carly carmen carol caroline carolyn cassandra charlotte cheryl "
        "chelsea cindy condoleezza connie cynthia dana danielle deborah debbie debra denise diana diane "
        "donna doris dorothy eleanor elaine elisabeth ellen emma erica erin eva evelyn frances gabrielle "
        "gina gloria grace gretchen hannah harriet heather heidi helen hillary hope huma ilhan irene "
        "jacqueline janet janice jeanne jeanine jessica jill joan joanna jodi joni josephine joy joyce "
        "judith judy julie karen kate katherine kathleen kathryn kathy katie kayleigh kellyanne kelly "
        "kimberly kirsten kristen laura lauren leslie lisa lori loretta louise lucy lynn madeleine "
        "marcia margaret marianne marilyn marsha martha megan melissa meghan michele michelle monica "
        "nadia nancy naomi natalie nicole nikki nina nora olivia pamela patricia patty paula pauline "
        "peggy penny rebecca regina rosa rosalind rose sally sandra sara sharon sheila shirley stacey "
        "stephanie sue suzanne sylvia tamara teresa tiffany tina tracy valerie vanessa veronica "
        "virginia wendy whitney zoe "
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
HONORIFICS = frozenset("sheikh sheikha emir prince princess king queen sir dame pope".split())


def family_name(words: list[str]) -> str | None:
    """The family name of a full name, with its particles ("Al Thani" of "Sheikh Mohammed bin
    Abdulrahman Al Thani", "von der Leyen"); None for a single name."""
    names = [w for w in words if w.lower() not in HONORIFICS]
    if len(names) < 2:
        return None
    tail = [names[-1]]
    while len(tail) < len(names) - 1 and names[-len(tail) - 1].lower() in PARTICLES:
        tail.insert(0, names[-len(tail) - 1])
    return " ".join(tail)


# words that make a run of capitalised words an organisation's name, never a person's
ORG_WORDS = frozenset(
    "news post times journal watch group party committee council campaign department ministry agency "
    "office union association institute foundation center centre university college school church "
    "network bank fund court congress senate house club league commission board company corp inc llc "
    "press tribune herald daily magazine radio tv television service services organization "
    "organisation coalition alliance federation society trust project report poll survey".split()
)

# Reporting verbs beyond the core list of context.py, as lemmas: each gets its -s, -ed and -ing
# forms (irregular past forms are listed as they are).  A verb here only marks where a speaker
# may stand next to a quotation; the speaker must still be found next to it.
REPORTING_LEMMAS = (
    "add admit answer argue ask assert label blast boast caution chide complain concede conclude "
    "emphasize emphasise highlight "
    "confide continue counter cry declare demand deny exclaim explain fume gush insist joke lament "
    "marvel muse note "
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


# Role nouns a definite description of a person ends in ("the Vermont senator", "the gambling
# tycoon"); a regex alternation, longest first where one is the start of another.
DESCRIPTOR_NOUNS = "|".join(
    (
        "senator congressman congresswoman lawmaker legislator governor mayor candidate nominee "
        "frontrunner front-runner contender hopeful challenger incumbent billionaire businessman "
        "businesswoman mogul tycoon magnate developer actress actor singer rapper comedian star host "
        "anchor moderator judge justice pastor preacher reverend bishop activist organizer founder "
        "chairman chairwoman chair president vice president secretary minister spokesman spokeswoman "
        "spokesperson aide adviser advisor strategist pollster economist professor scholar author "
        "writer columnist commentator veteran general admiral father mother son "
        "daughter wife husband"
    ).split()
)

# Given names borne by women and men alike: no gender from the name alone.
UNISEX_NAMES = frozenset(
    "terry chris alex sam pat jordan taylor jamie casey robin kim jesse leslie lynn dana tracy kelly "
    "shannon morgan cameron riley avery jean".split()
)
# Words right before a name that tell a person's gender ("9/11 widow Terry Strada", "Ms. Lynch").
FEMALE_CUES = frozenset(
    "mrs mrs. ms ms. miss madam widow spokeswoman congresswoman chairwoman businesswoman actress "
    "mother wife daughter sister grandmother aunt niece girlfriend woman queen princess duchess".split()
)
MALE_CUES = frozenset(
    "mr mr. widower spokesman congressman chairman businessman actor father husband son brother "
    "grandfather uncle nephew boyfriend man king prince duke".split()
)
# Common male given names: a person whose first name is in neither list has no gender for
# pronoun resolution ("she" may then refer to Brigid Harrison, "he" to Jorge Ramos).
MALE_NAMES = frozenset(
    (
        "aaron adam al alan albert alex alexander alexei andrew andrei andriy anthony antonio arthur "
        "barack ben benjamin bernie bernard bill billy bob bobby boris brad brandon brent brian bruce "
        "carl carlos charles charlie chris christopher chuck colin craig dan daniel darren dave david "
        "dennis derek dick dmitry don donald doug douglas ed eddie edward emmanuel eric evan frank fred "
        "friedrich gary gavin george gerald gerard glenn gordon greg gregory harold harry henry howard "
        "hunter ian igor isaac ivan jack jacob jake james jared jason jay jeb jeff jeffrey jeremy jerry "
        "jim jimmy joe joel john johnny jon jonathan jorge jose joseph josh joshua juan justin keir "
        "keith ken kenneth kevin kirill kyle larry lee leon lindsey luis marco marcus mario mark martin "
        "matt matthew max michael mike mitch mitt nathan neil newt nicholas nick olaf oleksiy omar oscar "
        "patrick paul pete peter phil philip ralph ray raymond reince rex richard rick rob robert roger "
        "ron ronald ross roy rudy rustem ryan sam samuel scott sean sergei sergey seth stephen steve "
        "steven stuart ted terry thomas tim timothy todd tom tony tucker viktor vince vladimir "
        "volodymyr walter wayne william willie xi yuri zachary"
    ).split()
)


# Common Chinese, Korean and Vietnamese family names, written first in English reports ("He Lifeng",
# "Wang Wentao"): such a person is named in full, never by the last word of the name.
FAMILY_FIRST = frozenset(
    "li wang zhang liu chen yang zhao huang zhou wu xu sun hu zhu gao lin he guo ma luo liang song "
    "zheng xie han tang feng yu dong xiao cheng cao yuan deng fu shen zeng peng lu su jiang cai jia "
    "ding wei xue ye yan pan du dai xia zhong tian ren fan fang shi yao tan liao zou xiong jin qin "
    "kong bai cui kang mao qiu qian gu hou shao meng long wan duan lei yin yi chang wen xi kim park "
    "lee choi jung cho yoon jang lim nguyen tran pham hoang phan vu vo dang bui do ho ngo duong ly".split()
)
