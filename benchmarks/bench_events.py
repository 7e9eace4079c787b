"""Speed of event coding and relation extraction on real news, on one core.

usage: python benchmarks/bench_events.py [N_ARTICLES]   (default 500 ANT articles)

The layers before them (text, source, entities, linking, dates, quotes) run first and are not timed; then
events (rules alone, and with the specificity filter, on copies of the same documents) and relations are
timed per article. Baseline in the same run: the text layer (normalise, segment, tokenise) on the same
articles. Also prints the peak RSS of the process (the whole pipeline is loaded).
"""

from __future__ import annotations

import copy
import sys
import time

from bench_pipeline import load, peak_rss_mb

from khabar.analyze import to_document
from khabar.events import EventCoder
from khabar.pipeline import default_pipeline
from khabar.relations import RelationExtractor

WARM_UP = 20


def timed(component, docs) -> float:
    """Seconds per article."""
    start = time.perf_counter()
    for doc in docs:
        component(doc)
    return (time.perf_counter() - start) / len(docs)


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 500
    articles = load(n + WARM_UP)
    upstream = [c for c in default_pipeline().components if c.name not in ("events", "relations")]
    docs = []
    for article in articles:
        doc = to_document(article)
        for component in upstream:
            component(doc)
        docs.append(doc)
    warm, docs = docs[:WARM_UP], docs[WARM_UP:]
    coder, filtered, relations = EventCoder(), EventCoder(specificity=True), RelationExtractor()
    for component in (coder, filtered, relations):
        timed(component, copy.deepcopy(warm))
    filtered_docs = copy.deepcopy(docs)
    events_s = timed(coder, docs)
    filtered_s = timed(filtered, filtered_docs)
    relations_s = timed(relations, docs)
    text_layer = upstream[0]
    text_docs = [to_document(a) for a in articles[WARM_UP:]]
    text_s = timed(text_layer, text_docs)
    tokens = sum(len(d.tokens) for d in docs)
    print(f"articles: {len(docs)}, tokens: {tokens} ({tokens / len(docs):.0f}/article), "
          f"events: {sum(len(d.events) for d in docs)}, relations: {sum(len(d.relations) for d in docs)}")
    print(f"events (rules):              {1000 * events_s:6.2f} ms/article")
    print(f"events (rules + specificity): {1000 * filtered_s:6.2f} ms/article")
    print(f"relations:                   {1000 * relations_s:6.2f} ms/article")
    print(f"events + relations:          {1000 * (events_s + relations_s):6.2f} ms/article")
    print(f"baseline, text layer:        {1000 * text_s:6.2f} ms/article")
    print(f"peak RSS: {peak_rss_mb():.0f} MB")


if __name__ == "__main__":
    main()
