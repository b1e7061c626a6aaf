"""Hand-built story records in the export format (what ``pipeline.export_records`` yields).

Two stories, written for these tests (facts from public reporting, sentences our own):

* ``ukraine_records()``: the late-2025 Ukraine talks, bilingual and multi-outlet: a wire story
  and its copy, the Moscow meeting merged from several reports, statements rendered in both
  languages (one statement_id), proposals, positions including ``partly_accept`` and a stance
  change, a planned next meeting, two conflicts, and a report published after both as-of
  dates that must never appear.
* ``trade_records()``: an unrelated trade negotiation, with an actor the gazetteer does not
  know, to show that nothing in the writer belongs to one story.

Evidence offsets are computed from the text, so ``text[start:end]`` is always exact.  To brief
a real corpus instead, pass ``pipeline.export_records(store)`` where these records go.
"""

from __future__ import annotations

import hashlib
from typing import Any


def _id(prefix: str, key: str) -> str:
    return f"{prefix}-" + hashlib.sha256(key.encode()).hexdigest()[:12]


class Builder:
    def __init__(self) -> None:
        self.reports: dict[str, dict[str, Any]] = {}
        self.items: list[dict[str, Any]] = []

    def report(
        self,
        key: str,
        *,
        outlet: str,
        title: str,
        published_at: str,
        language: str,
        url: str,
        text: str,
        wire_group: str | None = None,
    ) -> None:
        self.reports[key] = {
            "type": "report",
            "id": _id("r", key),
            "url": url,
            "outlet": outlet,
            "title": title,
            "published_at": published_at,
            "published_precision": "datetime",
            "language": language,
            "wire_group": wire_group,
            "source": f"fixture/{key}",
            "text": text,
        }

    def ev(self, key: str, needle: str) -> dict[str, Any]:
        text = self.reports[key]["text"]
        start = text.index(needle)
        return {"report_id": self.reports[key]["id"], "start": start, "end": start + len(needle)}

    def evs(self, spans: list[tuple[str, str]]) -> list[dict[str, Any]]:
        return [self.ev(key, needle) for key, needle in spans]

    def actor(
        self,
        actor_id: str,
        en: str,
        ja: str | None,
        kind: str,
        roles: list[dict[str, Any]] | None = None,
        aliases: list[str] | None = None,
    ) -> None:
        self.items.append(
            {
                "type": "actor",
                "id": actor_id,
                "name": {"en": en, "ja": ja},
                "aliases": aliases or [],
                "kind": kind,
                "roles": roles or [],
            }
        )

    def quote(
        self,
        key: str,
        text: str,
        *,
        speaker: str | None,
        speaker_text: str,
        statement: str,
        said_on: str | None,
        direct: bool = True,
        verb: str | None = "said",
        hedge: str | None = None,
        precision: str = "day",
        extra: list[tuple[str, str]] | None = None,
    ) -> None:
        language = self.reports[key]["language"]
        self.items.append(
            {
                "type": "quote",
                "id": _id("q", f"{key}|{text}"),
                "speaker_id": speaker,
                "speaker_text": speaker_text,
                "text": text,
                "language": language,
                "direct": direct,
                "verb": verb,
                "said_on": said_on,
                "said_on_precision": precision if said_on else "unknown",
                "hedge": hedge,
                "statement_id": statement,
                "extractor": f"quotes.{language}.v1",
                "evidence": [self.ev(key, text)] + self.evs(extra or []),
            }
        )

    def event(
        self,
        event_id: str,
        kind: str,
        when: str | None,
        place: str | None,
        participants: list[str],
        summary: str,
        evidence: list[tuple[str, str]],
        precision: str = "day",
    ) -> None:
        self.items.append(
            {
                "type": "event",
                "id": event_id,
                "kind": kind,
                "date": when,
                "date_precision": precision if when else "unknown",
                "place": place,
                "participant_ids": participants,
                "summary": summary,
                "extractor": "merge.v1",
                "evidence": self.evs(evidence),
            }
        )

    def proposal(
        self,
        proposal_id: str,
        name: str,
        authors: list[str],
        first_reported: str | None,
        evidence: list[tuple[str, str]],
    ) -> None:
        self.items.append(
            {
                "type": "proposal",
                "id": proposal_id,
                "name": name,
                "author_ids": authors,
                "first_reported": first_reported,
                "extractor": "merge.v1",
                "evidence": self.evs(evidence),
            }
        )

    def position(
        self,
        key: str,
        holder: str,
        stance: str,
        sentence: str,
        *,
        target: str | None = None,
        issue: str | None = None,
    ) -> None:
        self.items.append(
            {
                "type": "position",
                "id": _id("pos", f"{key}|{holder}|{target}|{issue}|{stance}"),
                "holder_id": holder,
                "target_id": target,
                "issue": issue,
                "stance": stance,
                "as_of": self.reports[key]["published_at"][:10],
                "extractor": f"positions.{self.reports[key]['language']}.v1",
                "evidence": [self.ev(key, sentence)],
            }
        )

    def conflict(
        self,
        conflict_id: str,
        topic: str,
        item_ids: list[str],
        variants: list[tuple[str, list[tuple[str, str]]]],
    ) -> None:
        self.items.append(
            {
                "type": "conflict",
                "id": conflict_id,
                "topic": topic,
                "item_ids": item_ids,
                "variants": [{"value": value, "evidence": self.evs(spans)} for value, spans in variants],
            }
        )

    def records(self) -> list[dict[str, Any]]:
        return list(self.reports.values()) + self.items


WIRE_TEXT = (
    "MOSCOW, Dec 3 (Northline) - Russian President Vladimir Putin met U.S. special envoy Steve Witkoff and "
    "Jared Kushner in the Kremlin on Tuesday, in talks that ran for about five hours, the Kremlin said.\n\n"
    "Kremlin foreign policy aide Yuri Ushakov told reporters that Ukraine's possible membership of NATO was "
    "among the subjects discussed. \u201cNo compromise has been found yet on the territorial question,\u201d "
    "Ushakov said.\n\n"
    "Ushakov called the conversation \u201cuseful and substantive\u201d but said both sides had agreed "
    "to keep the details private."
)


def ukraine_records() -> list[dict[str, Any]]:
    b = Builder()
    b.report(
        "plan",
        outlet="Meridian Post",
        title="Leaked 28-point US plan alarms Kyiv and European capitals",
        published_at="2025-11-22T15:00:00+00:00",
        language="en",
        url="https://meridian-post.example/world/2025/11/22/leaked-plan",
        text=(
            "A 28-point peace plan drafted by U.S. and Russian officials was leaked on Wednesday, prompting "
            "alarm in Kyiv and across Europe.\n\n"
            "European officials said the draft leaned heavily toward Russia's demands, including on "
            "territory and on limits to Ukraine's army.\n\n"
            "President Volodymyr Zelensky said in a video address on Friday that Ukraine faced \u201cone of "
            "the most difficult moments in our history.\u201d\n\n"
            "European governments are preparing a counter-proposal of their own, diplomats said."
        ),
    )
    b.report(
        "geneva",
        outlet="ワールド・ナビ",
        title="【解説】ジュネーブ協議で和平案はどう変わったか",
        published_at="2025-11-26T12:00:00+09:00",
        language="ja",
        url="https://worldnavi.example/explainer/2025/11/geneva",
        text=(
            "米国とウクライナは23日、スイスのジュネーブで協議し、和平の枠組みを「更新し、洗練させた」とする"
            "共同声明を発表しました。\n\n"
            "流出した28項目の和平案は、ロシア寄りだとの批判を受けて見直しが進められました。"
            "ウクライナ側は、見直された枠組みを支持する考えを示しています。\n\n"
            "欧州の主要国は独自の対案をまとめ、28項目の和平案のうち領土や軍の規模をめぐる条項の修正を"
            "求めています。\n\n"
            "一方、プーチン大統領は欧州の対案について、ロシアには受け入れられない内容だと批判しました。"
        ),
    )
    b.report(
        "wire1",
        outlet="Northline Wire",
        title="Putin hosts US envoys for marathon Kremlin talks",
        published_at="2025-12-03T06:10:00+00:00",
        language="en",
        wire_group="w-moscow",
        url="https://northline.example/world/putin-envoys-talks",
        text=WIRE_TEXT,
    )
    b.report(
        "wire2",
        outlet="Harbor City Times",
        title="Putin hosts US envoys for marathon talks in Kremlin",
        published_at="2025-12-03T08:00:00-05:00",
        language="en",
        wire_group="w-moscow",
        url="https://harborcitytimes.example/news/world/putin-us-envoys",
        text=WIRE_TEXT + "\n\nThe envoys were expected to report to the White House after leaving Moscow.",
    )
    b.report(
        "trump",
        outlet="Capitol Ledger",
        title="Trump calls Moscow talks 'reasonably good' but outcome unclear",
        published_at="2025-12-04T01:30:00+00:00",
        language="en",
        url="https://capitolledger.example/2025/12/04/trump-moscow-talks",
        text=(
            "WASHINGTON - President Donald Trump said on Wednesday that the meeting between his envoys and "
            "Vladimir Putin had gone well, while cautioning that the next step was unclear.\n\n"
            "\u201cIt was a reasonably good meeting,\u201d Trump told reporters at the White House. "
            "\u201cWhat comes out of it, I can't tell you, because it takes two to tango.\u201d\n\n"
            "Witkoff and Kushner are due to meet Ukraine's chief negotiator Rustem Umerov in Miami on "
            "Thursday, officials said."
        ),
    )
    b.report(
        "peskov",
        outlet="Eastern Dispatch",
        title="Kremlin says Putin accepted parts of US plan, rejected others",
        published_at="2025-12-04T10:00:00+00:00",
        language="en",
        url="https://easterndispatch.example/kremlin-us-plan",
        text=(
            "The Kremlin on Wednesday denied that President Vladimir Putin had rejected the U.S. peace "
            "proposals outright.\n\n"
            "\u201cSome things were accepted, some were marked as unacceptable. That is the normal "
            "process of looking for a compromise,\u201d Kremlin spokesman Dmitry Peskov told reporters "
            "on Wednesday.\n\n"
            "Peskov said work would continue at the level of experts, and that any results could prepare "
            "the ground for contact between the two presidents.\n\n"
            "Russia accepted some provisions of the 28-point plan but found others unacceptable, according "
            "to Peskov's account. Peskov repeated that Moscow rejects any prospect of Ukraine joining NATO."
        ),
    )
    b.report(
        "peskov_ja",
        outlet="東亜通信",
        title="ロシア、米和平案の一部を受け入れ ペスコフ報道官",
        published_at="2025-12-04T09:20:00+09:00",
        language="ja",
        url="https://toa-tsushin.example/articles/20251204-peskov",
        text=(
            "ロシア大統領府のペスコフ報道官は3日、記者団に対し、米国の和平案について「一部は受け入れられ、"
            "一部は受け入れられないとされた」と説明しました。\n\n"
            "2日のモスクワでの会談は約3時間にわたって行われたとされます。\n\n"
            "協議は今後、専門家レベルで続けられる見通しです。"
        ),
    )
    b.report(
        "trump_ja",
        outlet="ヤマト経済新聞",
        title="トランプ大統領「タンゴは二人で」 モスクワ会談を評価",
        published_at="2025-12-04T11:30:00+09:00",
        language="ja",
        url="https://yamato-keizai.example/news/2025120401",
        text=(
            "トランプ大統領は3日、ホワイトハウスで記者団に対し、ウィトコフ特使らとプーチン大統領の会談に"
            "ついて「かなり良い会談だった」と述べました。\n\n"
            "一方で「そこから何が生まれるかは分からない。タンゴは二人でなければ踊れない」とも語りました。"
            "\n\nウィトコフ特使とクシュナー氏は4日、マイアミでウクライナ側と協議する予定です。"
        ),
    )
    b.report(
        "zelensky_ja",
        outlet="NWBニュース",
        title="ゼレンスキー大統領「ウクライナの利益が前提」 米国での協議へ準備",
        published_at="2025-12-04T19:30:00+09:00",
        language="ja",
        url="https://nwb-news.example/news/20251204/zelensky",
        text=(
            "ウクライナのゼレンスキー大統領は3日夜のビデオ演説で、代表団が米国での協議に向けて準備を"
            "進めていると明らかにしました。\n\n"
            "ゼレンスキー大統領は「ウクライナの利益が考慮されてこそ、尊厳ある平和が実現する」と強調しました。"
            "\n\nゼレンスキー大統領はまた、NATO加盟がウクライナの安全を守る最も確実な保証だとの考えを"
            "改めて示しました。"
        ),
    )
    b.report(
        "miami",
        outlet="Gulf Coast Herald",
        title="Ukraine talks in Miami end; next round set for Berlin",
        published_at="2025-12-07T22:00:00+00:00",
        language="en",
        url="https://gulfcoastherald.example/2025/12/07/miami-talks",
        text=(
            "Talks between U.S. envoy Steve Witkoff and Ukraine's chief negotiator Rustem Umerov began in "
            "Miami on Thursday and ended on Saturday, with both sides calling them productive.\n\n"
            "Umerov said the delegations had made \u201creal progress\u201d but that hard questions on "
            "territory and security guarantees remained open.\n\n"
            "The two teams plan to meet again in Berlin on December 14, a U.S. official said.\n\n"
            "Ukraine now accepts parts of the revised framework, Umerov said, but will not give up land "
            "that Russia has failed to capture."
        ),
    )
    b.report(
        "miami_ja",
        outlet="東都新聞",
        title="マイアミ協議が終了 次回はベルリンで",
        published_at="2025-12-08T08:00:00+09:00",
        language="ja",
        url="https://toto-shimbun.example/world/20251208-miami",
        text=(
            "フロリダ州マイアミでの米国とウクライナの協議は、5日から7日まで行われました。\n\n"
            "ウメロフ書記は協議について「実質的な前進があった」と述べました。"
        ),
    )
    b.report(
        "late",
        outlet="Meridian Post",
        title="Zelensky says revised 20-point plan goes to Washington",
        published_at="2025-12-09T12:00:00+00:00",
        language="en",
        url="https://meridian-post.example/world/2025/12/09/twenty-points",
        text=(
            "President Volodymyr Zelensky said on Tuesday that Ukraine would send a revised 20-point plan "
            "to Washington.\n\n\u201cWe are ready to present our vision,\u201d Zelensky said.\n\n"
            "The Miami talks last week had prepared the revisions, officials said."
        ),
    )

    # statements: one statement_id across outlets and languages
    b.quote(
        "plan",
        "one of the most difficult moments in our history",
        speaker="volodymyr-zelensky",
        speaker_text="President Volodymyr Zelensky",
        statement="S-zelensky-difficult",
        said_on="2025-11-21",
    )
    b.quote(
        "geneva",
        "更新し、洗練させた",
        speaker="united-states",
        speaker_text="米国とウクライナ",
        statement="S-geneva-framework",
        said_on="2025-11-23",
        verb="発表しました",
    )
    b.quote(
        "wire1",
        "No compromise has been found yet on the territorial question",
        speaker="yuri-ushakov",
        speaker_text="Ushakov",
        statement="S-ushakov-territory",
        said_on="2025-12-02",
        extra=[("wire2", "No compromise has been found yet on the territorial question")],
    )
    b.quote(
        "wire1",
        "useful and substantive",
        speaker="yuri-ushakov",
        speaker_text="Ushakov",
        statement="S-ushakov-useful",
        said_on="2025-12-02",
        verb="called",
        extra=[("wire2", "useful and substantive")],
    )
    b.quote(
        "trump",
        "It was a reasonably good meeting",
        speaker="donald-trump",
        speaker_text="Trump",
        statement="S-trump-good",
        said_on="2025-12-03",
        verb="told reporters",
    )
    b.quote(
        "trump_ja",
        "かなり良い会談だった",
        speaker="donald-trump",
        speaker_text="トランプ大統領",
        statement="S-trump-good",
        said_on="2025-12-03",
        verb="述べました",
    )
    b.quote(
        "trump",
        "What comes out of it, I can't tell you, because it takes two to tango.",
        speaker="donald-trump",
        speaker_text="Trump",
        statement="S-trump-tango",
        said_on="2025-12-03",
    )
    b.quote(
        "trump_ja",
        "そこから何が生まれるかは分からない。タンゴは二人でなければ踊れない",
        speaker="donald-trump",
        speaker_text="トランプ大統領",
        statement="S-trump-tango",
        said_on="2025-12-03",
        verb="語りました",
    )
    b.quote(
        "peskov",
        "Some things were accepted, some were marked as unacceptable. That is the normal process of "
        "looking for a compromise,",
        speaker="dmitry-peskov",
        speaker_text="Kremlin spokesman Dmitry Peskov",
        statement="S-peskov-partly",
        said_on="2025-12-03",
        verb="told reporters",
    )
    b.quote(
        "peskov_ja",
        "一部は受け入れられ、一部は受け入れられないとされた",
        speaker="dmitry-peskov",
        speaker_text="ペスコフ報道官",
        statement="S-peskov-partly",
        said_on="2025-12-03",
        verb="説明しました",
    )
    b.quote(
        "zelensky_ja",
        "ウクライナの利益が考慮されてこそ、尊厳ある平和が実現する",
        speaker="volodymyr-zelensky",
        speaker_text="ゼレンスキー大統領",
        statement="S-zelensky-dignity",
        said_on="2025-12-03",
        verb="強調しました",
    )
    b.quote(
        "miami",
        "real progress",
        speaker="rustem-umerov",
        speaker_text="Umerov",
        statement="S-umerov-progress",
        said_on="2025-12-06",
        precision="day",
    )
    b.quote(
        "miami_ja",
        "実質的な前進があった",
        speaker="rustem-umerov",
        speaker_text="ウメロフ書記",
        statement="S-umerov-progress",
        said_on="2025-12-06",
        verb="述べました",
    )
    b.quote(
        "late",
        "We are ready to present our vision",
        speaker="volodymyr-zelensky",
        speaker_text="Zelensky",
        statement="S-zelensky-vision",
        said_on="2025-12-09",
    )

    # events, merged across reports and languages
    b.event(
        "E-leak",
        "leak",
        "2025-11-19",
        None,
        [],
        "The 28-point plan was leaked.",
        [("plan", "A 28-point peace plan drafted by U.S. and Russian officials was leaked on Wednesday")],
    )
    b.event(
        "E-geneva",
        "meeting",
        "2025-11-23",
        "Geneva",
        ["united-states", "ukraine"],
        "Geneva talks",
        [("geneva", "米国とウクライナは23日、スイスのジュネーブで協議し")],
    )
    b.event(
        "E-moscow",
        "meeting",
        "2025-12-02",
        "Moscow",
        ["vladimir-putin", "steve-witkoff", "jared-kushner"],
        "Putin met Witkoff and Kushner in the Kremlin.",
        [
            (
                "wire1",
                "Russian President Vladimir Putin met U.S. special envoy Steve Witkoff and Jared Kushner in "
                "the Kremlin on Tuesday",
            ),
            (
                "wire2",
                "Russian President Vladimir Putin met U.S. special envoy Steve Witkoff and Jared Kushner in "
                "the Kremlin on Tuesday",
            ),
            ("peskov_ja", "2日のモスクワでの会談"),
            ("trump_ja", "ウィトコフ特使らとプーチン大統領の会談"),
        ],
    )
    b.event(
        "E-miami-plan",
        "planned_meeting",
        "2025-12-04",
        "Miami",
        ["steve-witkoff", "jared-kushner", "rustem-umerov"],
        "Envoys to meet Umerov in Miami.",
        [
            (
                "trump",
                "Witkoff and Kushner are due to meet Ukraine's chief negotiator Rustem Umerov in Miami on "
                "Thursday",
            ),
            ("trump_ja", "ウィトコフ特使とクシュナー氏は4日、マイアミでウクライナ側と協議する予定です"),
        ],
    )
    b.event(
        "E-miami",
        "meeting",
        "2025-12-04",
        "Miami",
        ["steve-witkoff", "rustem-umerov"],
        "Miami talks",
        [
            (
                "miami",
                "Talks between U.S. envoy Steve Witkoff and Ukraine's chief negotiator Rustem Umerov began "
                "in Miami on Thursday",
            ),
            ("miami_ja", "フロリダ州マイアミでの米国とウクライナの協議は、5日から7日まで行われました"),
            ("late", "The Miami talks last week had prepared the revisions"),
        ],
    )
    b.event(
        "E-berlin-plan",
        "planned_meeting",
        "2025-12-14",
        "Berlin",
        ["united-states", "ukraine"],
        "Next round in Berlin.",
        [("miami", "The two teams plan to meet again in Berlin on December 14")],
    )
    b.event(
        "E-twenty",
        "proposal",
        "2025-12-09",
        None,
        ["ukraine"],
        "Ukraine sends a 20-point plan.",
        [("late", "Ukraine would send a revised 20-point plan to Washington")],
    )

    # proposals
    b.proposal(
        "P-28",
        "28-point plan",
        ["united-states"],
        "2025-11-19",
        [("plan", "28-point peace plan"), ("geneva", "28項目の和平案"), ("peskov", "28-point plan")],
    )
    b.proposal(
        "P-counter",
        "european-union counter-proposal",
        ["european-union"],
        None,
        [("plan", "counter-proposal"), ("geneva", "欧州の対案")],
    )
    b.proposal(
        "P-framework",
        "refined framework",
        ["united-states", "ukraine"],
        "2025-11-23",
        [("geneva", "和平の枠組み"), ("miami", "revised framework")],
    )
    b.proposal("P-20", "20-point plan", ["ukraine"], None, [("late", "20-point plan")])

    # positions (a holder's stance changes over time: Ukraine on the framework)
    b.position(
        "plan",
        "european-union",
        "oppose",
        "European officials said the draft leaned heavily toward Russia's demands",
        target="P-28",
    )
    b.position(
        "geneva",
        "european-union",
        "demand",
        "欧州の主要国は独自の対案をまとめ、28項目の和平案のうち領土や軍の規模をめぐる条項の修正を求めています",
        target="P-28",
    )
    b.position(
        "geneva",
        "ukraine",
        "support",
        "ウクライナ側は、見直された枠組みを支持する考えを示しています",
        target="P-framework",
    )
    b.position(
        "geneva",
        "vladimir-putin",
        "reject",
        "プーチン大統領は欧州の対案について、ロシアには受け入れられない内容だと批判しました",
        target="P-counter",
    )
    b.position(
        "peskov",
        "russia",
        "partly_accept",
        "Russia accepted some provisions of the 28-point plan but found others unacceptable",
        target="P-28",
    )
    b.position(
        "peskov",
        "russia",
        "reject",
        "Peskov repeated that Moscow rejects any prospect of Ukraine joining NATO",
        issue="nato-membership",
    )
    b.position(
        "zelensky_ja",
        "volodymyr-zelensky",
        "support",
        "NATO加盟がウクライナの安全を守る最も確実な保証だとの考えを改めて示しました",
        issue="nato-membership",
    )
    b.position(
        "miami",
        "ukraine",
        "partly_accept",
        "Ukraine now accepts parts of the revised framework",
        target="P-framework",
    )
    b.position(
        "miami",
        "ukraine",
        "reject",
        "but will not give up land that Russia has failed to capture",
        issue="territory",
    )

    # conflicts: kept with their sources, never resolved
    b.conflict(
        "C-moscow-duration",
        "duration",
        ["E-moscow"],
        [
            (
                "about five hours",
                [
                    ("wire1", "talks that ran for about five hours"),
                    ("wire2", "talks that ran for about five hours"),
                ],
            ),
            ("約3時間", [("peskov_ja", "約3時間にわたって行われたとされます")]),
        ],
    )
    b.conflict(
        "C-miami-start",
        "date",
        ["E-miami"],
        [
            ("2025-12-04", [("miami", "began in Miami on Thursday")]),
            ("2025-12-05", [("miami_ja", "5日から7日まで行われました")]),
        ],
    )
    return b.records()


def trade_records() -> list[dict[str, Any]]:
    b = Builder()
    b.actor(
        "dominic-leblanc",
        "Dominic LeBlanc",
        "ドミニク・ルブラン",
        "person",
        roles=[{"title": {"en": "Trade Minister", "ja": "貿易担当相"}, "affiliation": "canada"}],
    )
    b.report(
        "t1",
        outlet="Prairie Courier",
        title="Canada and US open steel tariff talks in Washington",
        published_at="2026-03-10T14:00:00+00:00",
        language="en",
        url="https://prairiecourier.example/business/steel-talks",
        text=(
            "U.S. Trade Representative Jamieson Greer met Canada's trade minister Dominic LeBlanc in "
            "Washington on Monday to discuss tariffs on steel and aluminum.\n\n"
            "Washington put forward a quota plan that would let a fixed volume of Canadian steel in "
            "duty-free, officials said.\n\n"
            "\u201cWe are not going to accept a deal that hurts our workers,\u201d LeBlanc told reporters "
            "after the meeting. Canada rejects the quota plan as drafted, he said.\n\n"
            "The quota would cover 2 million tonnes a year, according to a U.S. official."
        ),
    )
    b.report(
        "t2",
        outlet="北洋新報",
        title="米商務長官「カナダは譲歩を」 鉄鋼関税協議",
        published_at="2026-03-11T09:00:00+09:00",
        language="ja",
        url="https://hokuyo-shimpo.example/economy/20260311",
        text=(
            "ラトニック商務長官は10日、カナダとの鉄鋼関税をめぐる協議について「カナダは譲歩する必要がある」"
            "と述べました。\n\n米国は輸入枠の計画を支持しており、枠は年間150万トンになるとされます。"
        ),
    )
    b.report(
        "t3",
        outlet="Lakeshore Wire",
        title="Carney says Canada will not be rushed on tariffs",
        published_at="2026-03-12T16:00:00+00:00",
        language="en",
        url="https://lakeshorewire.example/carney-tariffs",
        text=(
            "Prime Minister Mark Carney said on Wednesday that Canada would negotiate in good faith. "
            "\u201cWe will not be rushed,\u201d Carney said.\n\n"
            "Canada wants the steel tariffs removed entirely, Carney said.\n\n"
            "Negotiators are scheduled to meet again in Ottawa on March 20, both governments said."
        ),
    )
    b.quote(
        "t1",
        "We are not going to accept a deal that hurts our workers",
        speaker="dominic-leblanc",
        speaker_text="LeBlanc",
        statement="S-leblanc-workers",
        said_on="2026-03-09",
    )
    b.quote(
        "t2",
        "カナダは譲歩する必要がある",
        speaker="howard-lutnick",
        speaker_text="ラトニック商務長官",
        statement="S-lutnick-concede",
        said_on="2026-03-10",
        verb="述べました",
    )
    b.quote(
        "t3",
        "We will not be rushed",
        speaker="mark-carney",
        speaker_text="Carney",
        statement="S-carney-rushed",
        said_on="2026-03-11",
    )
    b.event(
        "T-washington",
        "meeting",
        "2026-03-09",
        "Washington",
        ["jamieson-greer", "dominic-leblanc"],
        "Greer met LeBlanc.",
        [
            (
                "t1",
                "U.S. Trade Representative Jamieson Greer met Canada's trade minister "
                "Dominic LeBlanc in Washington on Monday",
            )
        ],
    )
    b.event(
        "T-ottawa-plan",
        "planned_meeting",
        "2026-03-20",
        "Ottawa",
        ["united-states", "canada"],
        "Next round in Ottawa.",
        [("t3", "Negotiators are scheduled to meet again in Ottawa on March 20")],
    )
    b.proposal(
        "TP-quota",
        "quota plan",
        ["united-states"],
        "2026-03-09",
        [("t1", "quota plan"), ("t2", "輸入枠の計画")],
    )
    b.position("t1", "canada", "reject", "Canada rejects the quota plan as drafted", target="TP-quota")
    b.position("t2", "united-states", "support", "米国は輸入枠の計画を支持しており", target="TP-quota")
    b.position("t3", "canada", "demand", "Canada wants the steel tariffs removed entirely", issue="tariffs")
    b.conflict(
        "TC-volume",
        "number",
        ["TP-quota"],
        [
            ("2 million tonnes", [("t1", "2 million tonnes")]),
            ("150万トン", [("t2", "150万トン")]),
        ],
    )
    return b.records()


def report_record(rid: str, text: str, published: str | None, story: str = "s") -> dict[str, Any]:
    """One English report of a small hand-built case: its outlet and title named after its id."""
    return {"type": "report", "id": rid, "language": "en", "text": text, "title": f"Report {rid}",
            "published_at": published, "outlet": f"Outlet {rid}", "story_id": story}


def two_speakers() -> list[dict[str, Any]]:
    """The story "s" and its two speakers of the small hand-built cases: Ghana's President Ama Osei
    and Hungary's Foreign Minister Bence Varga."""
    return [
        {"type": "story", "id": "s", "name": "Talks"},
        *({"type": "actor", "id": i, "kind": "person", "name": {"en": n, "ja": None},
           "roles": [{"title": t, "affiliation": c}]}
          for i, n, t, c in [("person:osei", "Ama Osei", "President", "ghana"),
                             ("person:varga", "Bence Varga", "Foreign Minister", "hungary")]),
    ]


def quote_record(qid: str, text: str, words: str, reports: list[str], *, speaker: str = "osei",
                 said_on: str | None = "2025-06-16", precision: str = "day", direct: bool = True,
                 statement: str | None = None) -> dict[str, Any]:
    """One English quote of a small hand-built case: ``words`` as they stand in ``text``, which each
    of ``reports`` holds; a statement of its own unless ``statement`` is given."""
    start = text.index(words)
    return {"type": "quote", "id": qid, "speaker_id": f"person:{speaker}", "speaker_text": speaker.title(),
            "text": words, "language": "en", "direct": direct, "verb": "said", "said_on": said_on,
            "said_on_precision": precision, "statement_id": statement or "st-" + qid, "story_id": "s",
            "evidence": [{"report_id": r, "start": start, "end": start + len(words)} for r in reports]}
