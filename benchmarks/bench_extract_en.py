"""Benchmark: English extraction, reports per second on one core.

    .venv/bin/python benchmarks/bench_extract_en.py [--reports 2000] [--chars 4000]

Builds N reports of about C characters from the paragraphs of the bundled English
sample corpus (recombined at random, fixed seed) plus synthetic news paragraphs, runs
``communique.extract.en.extract`` over all of them in this one process, and prints
reports/s, characters/s and the ratio to spaCy's blank English tokenizer alone on the
same texts (the bare NLP pipeline: how much the rules cost on top of tokenizing).
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

from communique.extract.en import extract, names
from communique.extract.gazetteer import load
from communique.model import Document, Precision, Report

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "examples" / "ukraine-talks-2025" / "en"

PEOPLE = [
    "Kremlin spokesman Dmitry Peskov",
    "Putin's aide Yuri Ushakov",
    "U.S. envoy Steve Witkoff",
    "Trump's son-in-law Jared Kushner",
    "Secretary of State Marco Rubio",
    "President Volodymyr Zelensky",
    "Rustem Umerov, secretary of Ukraine's National Security and Defense Council,",
    "a senior White House official",
    "Ukrainian negotiator Oleksiy Danylenko",
]
SHORT = ["Peskov", "Ushakov", "Witkoff", "Kushner", "Rubio", "Zelenskiy", "Umerov", "he", "she"]
VERBS = [
    "said",
    "told reporters",
    "insisted",
    "added",
    "wrote on Telegram",
    "said in a video address",
    "quipped",
    "fumed",
    "stressed",
]
WHEN = ["on Wednesday", "on Tuesday night", "last week", "earlier this month", "on Dec. 3", "in November", ""]
QUOTES = [
    "We have made real progress, but there is more work to be done",
    "Some things were accepted, some were marked as unacceptable",
    "It does take two to tango",
    "Peace must be just and lasting",
    "Nothing is agreed until everything is agreed",
    "The conversation was useful and constructive",
]
FACTS = [
    "Putin met Witkoff and Kushner in the Kremlin {when} for about five hours.",
    "The 28-point plan leaked {when} and was trimmed to 19 points in Geneva.",
    "Witkoff and Kushner will meet Umerov in Miami on Thursday.",
    "Ukraine sent a revised 20-point plan to Washington {when}.",
    "European leaders circulated a counter-proposal {when}, which Moscow rejected.",
    'The so-called "peace framework" remains disputed, and NATO membership is off the table.',
]


# People no gazetteer knows (--strangers): every name costs a look by the English NER model.
STRANGERS = [
    "council member Nkechi Okafor",
    "Harlan Briggs, the union's treasurer,",
    "Sen. Tom Halvorsen (D-Minn.)",
    "Maria Delgado",
    "Marisol Vega, the agency's director,",
    "Brent Calloway III",
    "a senior city official",
    "Ibarra, 58,",
]
STRANGERS_SHORT = ["Okafor", "Briggs", "Halvorsen", "Delgado", "Vega", "Calloway", "Ibarra", "she", "he"]


def synthetic_paragraph(rng: random.Random, strangers: bool = False) -> str:
    kind = rng.randrange(4)
    quote, verb, when = rng.choice(QUOTES), rng.choice(VERBS), rng.choice(WHEN)
    people, short = (STRANGERS, STRANGERS_SHORT) if strangers and rng.random() < 0.5 else (PEOPLE, SHORT)
    if kind == 0:
        return f'"{quote}," {rng.choice(people)} {verb} {when}.'.replace(" .", ".")
    if kind == 1:
        second, who = rng.choice(QUOTES), rng.choice(short)
        return f"{rng.choice(people)} {verb} {when}: “{quote}.” “{second},” {who} added."
    if kind == 2:
        return f"{rng.choice(short).capitalize()} said {when} that {quote[0].lower()}{quote[1:]}.".replace(
            "  ", " "
        )
    return rng.choice(FACTS).format(when=when or "on Friday")


def corpus_paragraphs() -> list[str]:
    if not CORPUS.exists():
        return []
    from communique.ingest import SourceOptions, build_report, expand

    paragraphs: list[str] = []
    for item in expand(str(CORPUS), SourceOptions()):
        if isinstance(item, Document):
            try:
                report, _ = build_report(item)
            except Exception:  # noqa: BLE001 - a bad sample file must not stop the benchmark
                continue
            paragraphs.extend(p for p in report.text.split("\n\n")[1:] if len(p) > 40)
    return paragraphs


def make_reports(count: int, chars: int, seed: int = 7, strangers: bool = False) -> list[Report]:
    rng = random.Random(seed)
    pool = corpus_paragraphs()
    reports = []
    for i in range(count):
        parts: list[str] = [f"Benchmark report {i}: talks on the peace plan"]
        size = len(parts[0])
        while size < chars:
            use_corpus = pool and rng.random() < 0.6
            paragraph = rng.choice(pool) if use_corpus else synthetic_paragraph(rng, strangers)
            parts.append(paragraph)
            size += len(paragraph) + 2
        text = "\n\n".join(parts)
        day = 1 + i % 14
        reports.append(
            Report(
                id=f"r-bench-{i}",
                source="bench",
                url=None,
                outlet="Bench",
                title=parts[0],
                published_at=f"2025-12-{day:02d}T12:00:00+00:00",
                published_precision=Precision.DATETIME,
                language="en",
                text=text,
                raw=b"",
                content_type="text",
                encoding=None,
            )
        )
    return reports


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--reports", type=int, default=2000)
    parser.add_argument("--chars", type=int, default=4000)
    parser.add_argument(
        "--strangers",
        action="store_true",
        help="half the synthetic paragraphs name people the gazetteer does not know (NER runs on them)",
    )
    args = parser.parse_args(argv)

    reports = make_reports(args.reports, args.chars, strangers=args.strangers)
    total_chars = sum(len(r.text) for r in reports)
    gazetteer = load()
    extract(reports[0], gazetteer)  # warm the gazetteer index and regex caches
    names.available()  # load the NER model once, as a long-running process would have it

    start = time.process_time()
    quotes = events = 0
    for report in reports:
        result = extract(report, gazetteer)
        quotes += len(result.quotes)
        events += len(result.events)
    elapsed = time.process_time() - start

    try:
        import spacy
    except ImportError:
        spacy_elapsed = None
    else:
        nlp = spacy.blank("en")
        nlp(reports[0].text)
        t0 = time.process_time()
        for report in reports:
            nlp.tokenizer(report.text)
        spacy_elapsed = time.process_time() - t0

    print(f"reports              {len(reports)} (mean {total_chars / len(reports):.0f} chars)")
    print(f"found                {quotes} quotes, {events} events")
    print(
        f"extract.en           {len(reports) / elapsed:.1f} reports/s per core, "
        f"{total_chars / elapsed / 1000:.0f}k chars/s ({elapsed:.2f}s CPU)"
    )
    if spacy_elapsed:
        print(
            f"spacy.blank('en')    {len(reports) / spacy_elapsed:.1f} reports/s (tokenizer only, "
            f"{spacy_elapsed:.2f}s CPU)"
        )
        print(
            f"ratio                extraction takes {elapsed / spacy_elapsed:.2f}x "
            "the time of tokenizing alone"
        )
    else:
        print("spacy not installed: no tokenizer baseline")
    return 0


if __name__ == "__main__":
    sys.exit(main())
