"""Self-training lexicon: tag a sample of the unlabelled news with the current model and keep the names it
tags often and consistently (src/khabar/models/ner/auto_gazetteer.tsv, `type<TAB>name`). The next model
reads it as a second gazetteer, which carries names from many news contexts into sentences where the
context alone is weak. Articles of the gold evaluation set (../shared/gold) are left out.

usage: python scripts/build_ner_auto_gazetteer.py [--data ../shared/data] [--articles 10000]
                                                  [--min-count 3] [--min-share 0.75] [--model DIR]
"""

from __future__ import annotations

import argparse
import time
from collections import Counter, defaultdict
from pathlib import Path

from khabar.ner.conlleval import entity_spans
from khabar.ner.news import ANT, SAUDINEWSNET, news_texts
from khabar.ner.tagger import AUTO_GAZETTEER_FILE, NerTagger, default_model_dir
from khabar.ner.words import split_words
from khabar.text.normalize import normalize

def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=Path("../shared/data"))
    parser.add_argument("--articles", type=int, default=10000)
    parser.add_argument("--min-count", type=int, default=3)
    parser.add_argument("--min-share", type=float, default=0.75)
    parser.add_argument("--model", type=Path, default=default_model_dir())
    parser.add_argument("--with-saudinewsnet", action="store_true", help="also read SaudiNewsNet (CC BY-NC-SA)")
    args = parser.parse_args()

    started = time.time()
    tagger = NerTagger(args.model)
    votes: dict[str, Counter] = defaultdict(Counter)
    n_tokens = 0
    sources = (ANT, SAUDINEWSNET) if args.with_saudinewsnet else (ANT,)
    for text in news_texts(args.data, args.articles, sources):
        sentences = [split_words(p) for p in text.split("\n") if p.strip()]
        n_tokens += sum(map(len, sentences))
        for tokens, tags in zip(sentences, tagger.tag(sentences)):
            for start, end, kind in entity_spans(tags):
                if kind == "MISC":
                    continue
                # the first word without its clitics, as the tagger's features see it
                words = [tagger.features.analyse(tokens[start]).stem] + [normalize(t) for t in tokens[start + 1 : end]]
                votes[" ".join(words)][kind] += 1
    rows = []
    for name, counts in votes.items():
        kind, n = counts.most_common(1)[0]
        total = sum(counts.values())
        if total >= args.min_count and n / total >= args.min_share:
            rows.append(f"{kind}\t{name}\n")
    (args.model / AUTO_GAZETTEER_FILE).write_text("".join(sorted(rows)), encoding="utf-8")
    print(f"tagged {n_tokens} tokens; kept {len(rows)} of {len(votes)} names ({time.time() - started:.0f}s)")


if __name__ == "__main__":
    main()
