"""Build the tagger's dense word-vector table (word_vectors.npz, khabar.ner.vectors) and k-means clusters of the
same fastText vectors (vector_clusters.tsv.gz) for the words of the table.

Words: those of the unlabelled news in the cluster file (ANT, most frequent first), of the training corpora
(ANERcorp train, without the dev split with --dev, and NewsFANE; never the test split), of the name lists
(gazetteer.tsv, name_words.tsv in the model folder), and the clitic-stripped stems of all of them. Their
fastText vectors (scripts/build_ner_vectors.py; character n-grams give rare words one) are made unit length,
reduced by PCA and scaled so that the first component has unit variance, and stored as float16. With
--clusters K,K..., the unit vectors are also clustered (k-means at each granularity) into `word<TAB>id...`
lines; with --no-table only the clusters are written.

usage: python scripts/build_ner_word_table.py DIR [--vectors /tmp/ner_work/vectors.kv] [--dims 32]
                                              [--lend -1 1] [--dev] [--data ../shared/data]
                                              [--clusters 256,1024,4096] [--no-table]
needs the `train` extra (gensim, scikit-learn).
"""

from __future__ import annotations

import argparse
import gzip
import time
from pathlib import Path

import numpy as np
from gensim.models import KeyedVectors
from sklearn.cluster import MiniBatchKMeans
from sklearn.decomposition import PCA

from khabar.ner.corpora import read_anercorp
from khabar.ner.resources import load_clusters
from khabar.ner.stems import stem_candidates
from khabar.ner.tagger import (CLUSTERS_FILE, GAZETTEER_FILE, NAME_WORDS_FILE, VECTOR_CLUSTERS_FILE,
                               WORD_VECTORS_FILE)
from khabar.ner.train import TEST, training_and_dev
from khabar.ner.vectors import WordVectors
from khabar.text.normalize import normalize


def table_words(model_dir: Path, data: Path, dev: bool) -> list[str]:
    """The words of the table, news words first (in their frequency order), each followed by its stems."""
    words = list(load_clusters(model_dir / CLUSTERS_FILE))
    training, _, _ = training_and_dev(data, ["newsfane"], read_anercorp(data / TEST), dev)
    words += [normalize(t) for tokens, _ in training for t in tokens]
    for name in (GAZETTEER_FILE, NAME_WORDS_FILE):
        path = model_dir / name
        if path.exists():
            words += [w for line in path.open(encoding="utf-8") for w in normalize(line.split("\t")[-1]).split()]
    with_stems = (form for word in words for form in (word, *stem_candidates(word)))
    return list(dict.fromkeys(w for w in with_stems if w.strip()))


def write_clusters(path: Path, words: list[str], vectors: np.ndarray, granularities: list[int]) -> None:
    columns = [MiniBatchKMeans(n_clusters=k, random_state=13, batch_size=4096, n_init=1).fit_predict(vectors)
               for k in granularities]
    with gzip.open(path, "wt", encoding="utf-8") as f:
        for i, word in enumerate(words):
            f.write(word + "\t" + "\t".join(str(c[i]) for c in columns) + "\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("model_dir", type=Path, help="model folder (reads its clusters and name lists)")
    parser.add_argument("--vectors", type=Path, default=Path("/tmp/ner_work/vectors.kv"))
    parser.add_argument("--dims", type=int, default=32)
    parser.add_argument("--lend", type=int, nargs="*", default=[], help="neighbour offsets the word's vector is lent to")
    parser.add_argument("--dev", action="store_true", help="leave the dev split's words out (for dev models)")
    parser.add_argument("--data", type=Path, default=Path("../shared/data"))
    parser.add_argument("--clusters", default="", help="k-means granularities of the vector clusters (none: no file)")
    parser.add_argument("--no-table", action="store_true", help="write the clusters only")
    args = parser.parse_args()

    started = time.time()
    words = table_words(args.model_dir, args.data, args.dev)
    fasttext = KeyedVectors.load(str(args.vectors))
    vectors = np.stack([fasttext.get_vector(w) for w in words])
    vectors /= np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-9)
    if args.clusters:
        write_clusters(args.model_dir / VECTOR_CLUSTERS_FILE, words, vectors, [int(k) for k in args.clusters.split(",")])
        print(f"clusters {args.clusters} -> {args.model_dir / VECTOR_CLUSTERS_FILE} ({time.time() - started:.0f}s)")
    if args.no_table:
        return
    reduced = PCA(n_components=args.dims, random_state=13).fit_transform(vectors)
    reduced /= reduced[:, 0].std()
    table = WordVectors(words, reduced.astype(np.float16), tuple(args.lend))
    table.save(args.model_dir / WORD_VECTORS_FILE)
    size = (args.model_dir / WORD_VECTORS_FILE).stat().st_size
    print(f"{len(words)} words x {args.dims} dims, {size / 1e6:.1f} MB -> {args.model_dir / WORD_VECTORS_FILE} "
          f"({time.time() - started:.0f}s)")


if __name__ == "__main__":
    main()
