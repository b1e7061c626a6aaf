from communique import pipeline
from communique.store import SQLiteStore

PARAS = [
    "The Kremlin said on Wednesday that Russia had accepted some elements of the U.S. plan and "
    "rejected others, describing the exchange as a normal search for a compromise.",
    "Kremlin spokesman Dmitry Peskov told reporters that it would be wrong to say President "
    "Vladimir Putin had turned down the American proposals outright.",
    "\"Something was accepted, something was marked as unacceptable,\" Peskov said, adding that "
    "work would continue at the level of experts before any meeting of leaders.",
    "U.S. envoy Steve Witkoff and Jared Kushner spent about five hours in the Kremlin on Tuesday, "
    "according to Putin's foreign policy aide Yuri Ushakov.",
    "Ushakov said the question of Ukraine's membership in NATO had been discussed but that no "
    "compromise had been found yet on the territorial questions.",
    "President Donald Trump said on Wednesday the meeting had been reasonably good but that it "
    "was too early to say what would come of it.",
]
OTHER_STORY = [
    "Ukrainian officials arrived in Florida on Thursday for another round of talks with the "
    "American negotiators, a week after the meeting in Geneva.",
    "Rustem Umerov, who now leads the delegation, said his team would defend Ukraine's interests.",
    "\"Something was accepted, something was marked as unacceptable,\" Peskov said, adding that "
    "work would continue at the level of experts before any meeting of leaders.",
    "The talks are expected to last two days, and the delegation will report to President "
    "Volodymyr Zelensky each evening, according to his office.",
]


def _ingest(tmp_path, files):
    for name, paragraphs in files.items():
        (tmp_path / name).write_text("\n\n".join(paragraphs), encoding="utf-8")
    db = tmp_path / "w.db"
    with SQLiteStore(db) as store:
        pipeline.ingest(store, [str(tmp_path / n) for n in files])
        return {r.source.rsplit("/", 1)[-1]: r.wire_group for r in store.reports()}, \
            store.independent_sources()


def test_copies_group_even_with_paragraphs_added_or_dropped(tmp_path):
    groups, independent = _ingest(tmp_path, {
        "wire.txt": ["Kremlin: some US ideas acceptable"] + PARAS,
        "site-a.txt": ["Moscow accepts parts of US plan"] + PARAS[:-2] + ["Our own note at the end."],
        "site-b.txt": ["Kremlin weighs U.S. plan"] + ["Cookie-free intro paragraph by the site."] + PARAS,
        "other.txt": ["Ukrainians in Florida for talks"] + OTHER_STORY,
    })
    assert groups["wire.txt"] is not None
    assert groups["wire.txt"] == groups["site-a.txt"] == groups["site-b.txt"]
    assert groups["other.txt"] is None  # shares one quote with the wire story, but is another story
    assert independent == 2
