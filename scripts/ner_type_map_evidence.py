"""Print, for each NewsFANE fine type, the ANERcorp labels of the same entity starts where both corpora
annotate the same text: the evidence behind the `newsfane` part of src/khabar/data/ner/type_map.yaml.

usage: python scripts/ner_type_map_evidence.py [SHARED_DATA_DIR]
"""

from __future__ import annotations

import sys
from collections import Counter, defaultdict
from pathlib import Path

from khabar.ner.conll import read_conll, tokens_and_tags
from khabar.text.normalize import normalize

ANCHOR = 8  # tokens that must match to align a NewsFANE sentence with the ANERcorp stream


def main(data: Path) -> None:
    words, labels = [], []
    for tokens, tags in tokens_and_tags(read_conll(data / "anercorp/derived/ANERCorp_CamelLabStyle_train.txt")):
        words += [normalize(t) for t in tokens]
        labels += tags
    first_position = {}
    for i in range(len(words) - ANCHOR + 1):
        first_position.setdefault(tuple(words[i : i + ANCHOR]), i)
    evidence: dict[str, Counter] = defaultdict(Counter)
    for tokens, tags in tokens_and_tags(read_conll(data / "newsfane_gold/NewsFANE_Gold_2014_170K.txt")):
        sentence = [normalize(t.strip("\u200e")) for t in tokens]
        for i in range(len(sentence) - ANCHOR + 1):
            j = first_position.get(tuple(sentence[i : i + ANCHOR]))
            if j is None:
                continue
            for k in range(len(sentence) - i):
                if j + k >= len(words) or words[j + k] != sentence[i + k]:
                    break
                if tags[i + k].startswith("B-"):
                    evidence[tags[i + k][2:]][labels[j + k].removeprefix("B-").removeprefix("I-")] += 1
            break
    for fine_type, counts in sorted(evidence.items(), key=lambda item: -sum(item[1].values())):
        print(f"{fine_type}\t" + "  ".join(f"{label}:{n}" for label, n in counts.most_common()))


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "../shared/data"))
