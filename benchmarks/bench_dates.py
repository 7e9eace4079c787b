#!/usr/bin/env python3
"""Throughput of khabar.dates.tag_dates on real ANT articles, with dateparser's search_dates as a baseline.

usage: python benchmarks/bench_dates.py [--docs 2000] [--baseline-docs 50]
Prints articles/s, ms per article, ms per 500 words, peak RSS, and the same for the baseline on a smaller slice
(dateparser is installed with the `dates` extra: pip install -e '.[dates]').
"""

from __future__ import annotations

import argparse
import datetime as dt
import email.utils
import gzip
import json
import resource
import time
from pathlib import Path

from khabar.dates import tag_dates
from khabar.dates.grammar import patterns

ANT = (
    Path(__file__).resolve().parents[1].parent
    / "shared"
    / "data"
    / "ant_corpus_multisource_v2.1"
    / "ant_multisource_all.jsonl.gz"
)


def load_articles(n: int) -> list[tuple[str, dt.date | None]]:
    articles = []
    with gzip.open(ANT, "rt", encoding="utf-8") as f:
        for line in f:
            record = json.loads(line)
            if not record.get("text"):
                continue
            try:
                published = email.utils.parsedate_to_datetime(record["time"]).date()
            except (TypeError, ValueError, KeyError):
                published = None
            articles.append((record["text"], published))
            if len(articles) == n:
                break
    return articles


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


class Timer:
    """Wall-clock and CPU time: on a shared machine CPU time is the fairer per-article cost."""

    def __enter__(self):
        self.wall, self.cpu = time.perf_counter(), time.process_time()
        return self

    def __exit__(self, *exc):
        self.wall, self.cpu = time.perf_counter() - self.wall, time.process_time() - self.cpu


def report(name: str, articles, timer: Timer, found: int) -> None:
    words = sum(len(text.split()) for text, _ in articles)
    n = len(articles)
    print(
        f"{name:24s} {n:5d} articles  {n / timer.wall:7.1f} articles/s (wall)"
        f"  {1000 * timer.cpu / n:6.3f} ms CPU/article  {1000 * timer.cpu / words * 500:6.3f} ms CPU/500 words"
        f"  {found} expressions  peak RSS {peak_rss_mb():.0f} MB"
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--docs", type=int, default=2000)
    parser.add_argument("--baseline-docs", type=int, default=50)
    args = parser.parse_args()
    articles = load_articles(args.docs)
    words = sum(len(text.split()) for text, _ in articles)
    print(f"{len(articles)} ANT articles, {words / len(articles):.0f} words on average")

    start = time.perf_counter()
    patterns()
    print(f"pattern compilation: {1000 * (time.perf_counter() - start):.0f} ms (once per process)")
    with Timer() as timer:
        found = sum(len(tag_dates(text, published)) for text, published in articles)
    report("khabar.dates.tag_dates", articles, timer, found)

    if args.baseline_docs <= 0:
        return
    try:
        from dateparser.search import search_dates
    except ImportError:
        print("baseline skipped: dateparser not installed (pip install -e '.[dates]')")
        return
    sample = articles[: args.baseline_docs]
    search_dates("اليوم", languages=["ar"])  # load dateparser's language data before timing
    found = 0
    with Timer() as timer:
        for text, published in sample:
            settings = {"RELATIVE_BASE": dt.datetime.combine(published, dt.time())} if published else {}
            found += len(search_dates(text, languages=["ar"], settings=settings) or [])
    report("dateparser.search_dates", sample, timer, found)
    ours = sum(len(tag_dates(text, published)) for text, published in sample)
    print(f"on the same {len(sample)} articles khabar.dates finds {ours} expressions")


if __name__ == "__main__":
    main()
