"""Train the word vectors the neural tagger starts from (scratch output, not shipped as is).

FastText skip-gram (gensim) on the ANT corpus (khabar.ner.news says why only ANT) plus the tokens of the
training corpora (ANERcorp train and the de-duplicated extras, never the test split), normalised and split
the ANERcorp way. `scripts/train_ner.py` keeps the part of the vocabulary the shipped model needs.

usage: python scripts/build_ner_vectors.py [--data ../shared/data] [--out /tmp/ner_work/vectors.kv]
needs the `train` extra (gensim).
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from gensim.models import FastText

from khabar.ner.corpora import read_anercorp
from khabar.ner.news import ANT, news_texts
from khabar.ner.train import TEST, training_sentences
from khabar.ner.words import split_words
from khabar.text.normalize import normalize


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=Path("../shared/data"))
    parser.add_argument("--articles", type=int, default=40000)
    parser.add_argument("--dim", type=int, default=100)
    parser.add_argument("--epochs", type=int, default=5)
    parser.add_argument("--out", type=Path, default=Path("/tmp/ner_work/vectors.kv"))
    args = parser.parse_args()

    started = time.time()
    sentences = [words for text in news_texts(args.data, args.articles, (ANT,))
                 for paragraph in text.split("\n") if (words := split_words(normalize(paragraph)))]
    training, _ = training_sentences(args.data, ["newsfane", "aqmar"], read_anercorp(args.data / TEST))
    sentences += [[normalize(t) for t in tokens] for tokens, _ in training]
    print(f"{len(sentences)} sentences, {sum(map(len, sentences))} tokens ({time.time() - started:.0f}s)")
    model = FastText(sentences, vector_size=args.dim, window=5, min_count=2, sg=1, workers=2,
                     epochs=args.epochs, min_n=2, max_n=5, bucket=500_000, seed=13)
    print(f"fastText: {len(model.wv.index_to_key)} words ({time.time() - started:.0f}s)")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    model.wv.save(str(args.out))
    print(f"-> {args.out}")


if __name__ == "__main__":
    main()
