"""Train the CRF named-entity tagger: the same as `khabar ner train ...` (see khabar.ner.train).

usage: python scripts/train_ner.py [--data ../shared/data] [--extra newsfane,aqmar] [--out DIR]
                                   [--c1 0.05] [--c2 0.01] [--max-iter 150] [--evaluate]
"""

import sys

from khabar.ner.cli import ner_app

if __name__ == "__main__":
    ner_app(["train", *sys.argv[1:]], prog_name="train_ner.py")
