#!/usr/bin/env python3
"""What `resolve_description` is asked on real articles, and how well it answers a labelled set.

usage:
  python scripts/eval_describe.py collect [--articles 400] [--offset 0] [--no-date] [--out /tmp/describe_asked.jsonl]
      runs the pipeline over every n-th ANT article (../shared/data) and writes, per call the quotes
      component makes, the description, the article's date and country and the answer (with the sentence,
      for labelling by hand; the output stays outside the repository: it quotes the articles)
  python scripts/eval_describe.py score [--fixture tests/fixtures/describe_labels.jsonl] [--show]
      precision (right answers / answers) and coverage (right answers / descriptions that have a referent)
      of the resolver now and of the answers recorded when the set was labelled
"""

from __future__ import annotations

import argparse
import datetime as dt
import email.utils
import gzip
import json
from pathlib import Path

from khabar.document import Document, Source
from khabar.kb import load_kb
from khabar.link.context import article_country
from khabar.link.describe import officeholder_described

ROOT = Path(__file__).resolve().parents[1]
ANT = ROOT / "../shared/data/ant_corpus_multisource_v2.1/ant_multisource_all.jsonl.gz"
FIXTURE = ROOT / "tests/fixtures/describe_labels.jsonl"


def ant_articles(count: int, offset: int = 0):
    """Every n-th article of the corpus from `offset`, so that all sources and sections are in the sample
    (another offset gives articles the labelled set has not seen)."""
    with gzip.open(ANT, "rt", encoding="utf-8") as f:
        lines = f.readlines()
    step = max(1, len(lines) // count)
    for line in lines[offset::step][:count]:
        yield json.loads(line)


def published(article: dict) -> dt.date | None:
    try:
        return email.utils.parsedate_to_datetime(article["time"]).date()
    except (TypeError, ValueError):
        return None


def collect(count: int, offset: int, with_date: bool, out: Path) -> None:
    import khabar.quotes.speakers as speakers
    from khabar.pipeline import default_pipeline

    asked: list[dict] = []
    resolve = speakers.resolve_description
    current: dict = {}

    def recording(doc: Document, start: int, end: int) -> str | None:
        entity_id = resolve(doc, start, end)
        entity = doc.entity(entity_id) if entity_id else None
        sentence = doc.sentence_at(start)
        asked.append(
            {
                "docno": current["docno"],
                "date": str(current["date"]) if current["date"] else None,
                "country": article_country(doc),
                "description": doc.text[start:end],
                "answer": entity.kb_id or entity.name if entity else None,
                "answer_en": entity.name_en if entity else None,
                "sentence": doc.text[sentence.start : sentence.end] if sentence else None,
            }
        )
        return entity_id

    speakers.resolve_description = recording  # the script's instrument; the library stays untouched
    pipeline = default_pipeline()
    for article in ant_articles(count, offset):
        current.update(docno=article["docno"], date=published(article))
        doc = Document(
            id=article["docno"],
            text=article["text"],
            title=article.get("title"),
            published=current["date"] if with_date else None,
            source=Source(publisher=article.get("src")),
        )
        pipeline(doc)
    with open(out, "w", encoding="utf-8") as f:
        for record in asked:
            f.write(json.dumps(record, ensure_ascii=False) + "\n")
    answered = sum(r["answer"] is not None for r in asked)
    print(f"{count} articles, {len(asked)} descriptions asked, {answered} answered -> {out}")


def score(fixture: Path, show: bool) -> None:
    kb = load_kb()
    items = [json.loads(line) for line in fixture.read_text("utf-8").splitlines() if line.strip()]
    now = []
    for item in items:
        day = dt.date.fromisoformat(item["date"]) if item["date"] else None
        entry = officeholder_described(kb, item["description"], day, item["country"])
        now.append(entry.id if entry else None)
    for label, answers in (("recorded", [i["before"] for i in items]), ("now", now)):
        print(f"{label:9s}", _figures(items, answers))
    if show:
        for item, answer in zip(items, now):
            mark = "ok " if answer == item["expected"] else "BAD"
            print(mark, item["description"], item["country"], item["date"], "->", answer, "| expected", item["expected"])


def _figures(items: list[dict], answers: list[str | None]) -> str:
    given = [(i, a) for i, a in zip(items, answers) if a is not None]
    right = sum(a == i["expected"] for i, a in given)
    referents = sum(i["expected"] is not None for i in items)
    precision = right / len(given) if given else 1.0
    coverage = right / referents if referents else 0.0
    return (
        f"precision {precision:.3f} ({right}/{len(given)})  coverage {coverage:.3f} ({right}/{referents})  "
        f"items {len(items)}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    run = commands.add_parser("collect")
    run.add_argument("--articles", type=int, default=400)
    run.add_argument("--offset", type=int, default=0)
    run.add_argument("--no-date", action="store_true", help="run as the quotes engineer did, without a date")
    run.add_argument("--out", type=Path, default=Path("/tmp/describe_asked.jsonl"))
    check = commands.add_parser("score")
    check.add_argument("--fixture", type=Path, default=FIXTURE)
    check.add_argument("--show", action="store_true")
    args = parser.parse_args()
    if args.command == "collect":
        collect(args.articles, args.offset, not args.no_date, args.out)
    else:
        score(args.fixture, args.show)


if __name__ == "__main__":
    main()
