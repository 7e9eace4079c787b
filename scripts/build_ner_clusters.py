"""Build the tagger's word clusters (src/khabar/models/ner/clusters.tsv.gz) from unlabelled news.

Word2vec (gensim) vectors trained on a sample of SaudiNewsNet and the ANT corpus, normalised and split the
ANERcorp way, then k-means at several granularities. Output lines: `word<TAB>id per granularity`, most
frequent word first (the tagger uses that order to decide clitic stripping).

usage: python scripts/build_ner_clusters.py [--data ../shared/data] [--articles 20000] [--k 64,256,1024]
needs the `train` extra (gensim, scikit-learn).
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import time
from pathlib import Path

import numpy as np
from gensim.models import Word2Vec
from sklearn.cluster import MiniBatchKMeans

from khabar.ner.words import split_words
from khabar.text.normalize import normalize

OUT = Path(__file__).resolve().parent.parent / "src/khabar/models/ner/clusters.tsv.gz"
NEWS = {  # file -> field holding the article text
    "saudinewsnet/saudinewsnet_all.jsonl.gz": "content",
    "ant_corpus_multisource_v2.1/ant_multisource_all.jsonl.gz": "text",
}


def news_sentences(data: Path, articles: int, seed: int = 13) -> list[list[str]]:
    texts = []
    for name, field in NEWS.items():
        with gzip.open(data / name, "rt", encoding="utf-8") as f:
            texts += [json.loads(line).get(field) or "" for line in f]
    random.Random(seed).shuffle(texts)
    sentences = []
    for text in texts[:articles]:
        for paragraph in text.split("\n"):
            words = split_words(normalize(paragraph))
            if words:
                sentences.append(words)
    return sentences


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=Path("../shared/data"))
    parser.add_argument("--articles", type=int, default=20000)
    parser.add_argument("--k", default="64,256,1024")
    parser.add_argument("--min-count", type=int, default=3)
    parser.add_argument("--epochs", type=int, default=5)
    args = parser.parse_args()

    started = time.time()
    sentences = news_sentences(args.data, args.articles)
    print(f"{len(sentences)} paragraphs, {sum(map(len, sentences))} tokens ({time.time() - started:.0f}s)")
    model = Word2Vec(sentences, vector_size=100, window=5, min_count=args.min_count, workers=2,
                     epochs=args.epochs, seed=13)
    words = model.wv.index_to_key  # most frequent first
    vectors = model.wv.vectors / np.linalg.norm(model.wv.vectors, axis=1, keepdims=True)
    print(f"word2vec: {len(words)} words ({time.time() - started:.0f}s)")
    columns = []
    for k in map(int, args.k.split(",")):
        kmeans = MiniBatchKMeans(n_clusters=k, random_state=13, batch_size=4096, n_init=1)
        columns.append(kmeans.fit_predict(vectors))
        print(f"k-means {k} ({time.time() - started:.0f}s)")
    with gzip.open(OUT, "wt", encoding="utf-8") as f:
        for i, word in enumerate(words):
            f.write(word + "\t" + "\t".join(str(c[i]) for c in columns) + "\n")
    print(f"-> {OUT}")


if __name__ == "__main__":
    main()
