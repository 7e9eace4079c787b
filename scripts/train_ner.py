"""Train the neural named-entity tagger: the same as `khabar ner train ...` (see khabar.ner.train).

usage: python scripts/train_ner.py [--data ../shared/data] [--extra newsfane,aqmar] [--out DIR]
                                   [--vectors /tmp/ner_work/vectors.kv] [--epochs 30] [--evaluate]
"""

import sys

from khabar.ner.cli import ner_app

if __name__ == "__main__":
    ner_app(["train", *sys.argv[1:]], prog_name="train_ner.py")
