"""Build the tagger's word clusters (src/khabar/models/ner/clusters.tsv.gz) from unlabelled news.

Word2vec (gensim) vectors trained on the ANT corpus (khabar.ner.news says why only ANT; with --jawharafm
also the JawharaFM ANT corpus v1.1, Apache-2.0, 10k Tunisian articles), normalised and split the ANERcorp
way, then k-means at several granularities. Output lines: `word<TAB>id per granularity`, most
frequent word first (the tagger uses that order to decide clitic stripping).

usage: python scripts/build_ner_clusters.py [--data ../shared/data] [--articles 40000] [--k 64,256,1024]
                                           [--jawharafm]
needs the `train` extra (gensim, scikit-learn).
"""

from __future__ import annotations

import argparse
import gzip
import re
import tarfile
import time
from pathlib import Path

import numpy as np
from gensim.models import Word2Vec
from sklearn.cluster import MiniBatchKMeans

from khabar.ner.news import ANT, SAUDINEWSNET, news_texts
from khabar.ner.words import split_words
from khabar.text.normalize import normalize

OUT = Path(__file__).resolve().parent.parent / "src/khabar/models/ner/clusters.tsv.gz"
JAWHARAFM = "ant_corpus_v1.1_jawharafm/antcorpus.data.tar.gz"
_TEXT = re.compile(r"<TEXT>(.*?)</TEXT>", re.S)


def jawharafm_texts(data: Path) -> list[str]:
    """Article texts of the JawharaFM ANT corpus (TREC-like XML files in a tarball; none is a gold article)."""
    texts = []
    with tarfile.open(data / JAWHARAFM) as archive:
        for member in archive:
            if member.isfile() and member.name.endswith(".txt"):
                xml = archive.extractfile(member).read().decode("utf-8", errors="replace")
                texts += [text.strip() for text in _TEXT.findall(xml) if text.strip()]
    return texts


def news_sentences(texts: list[str]) -> list[list[str]]:
    return [words for text in texts for paragraph in text.split("\n") if (words := split_words(normalize(paragraph)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=Path("../shared/data"))
    parser.add_argument("--articles", type=int, default=40000)
    parser.add_argument("--with-saudinewsnet", action="store_true", help="also read SaudiNewsNet (CC BY-NC-SA)")
    parser.add_argument("--jawharafm", action="store_true", help="also read the JawharaFM ANT corpus")
    parser.add_argument("--k", default="64,256,1024")
    parser.add_argument("--min-count", type=int, default=3)
    parser.add_argument("--epochs", type=int, default=5)
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()

    started = time.time()
    sources = (ANT, SAUDINEWSNET) if args.with_saudinewsnet else (ANT,)
    texts = news_texts(args.data, args.articles, sources)
    if args.jawharafm:
        texts += jawharafm_texts(args.data)
    sentences = news_sentences(texts)
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
    with gzip.open(args.out, "wt", encoding="utf-8") as f:
        for i, word in enumerate(words):
            f.write(word + "\t" + "\t".join(str(c[i]) for c in columns) + "\n")
    print(f"-> {args.out}")


if __name__ == "__main__":
    main()
