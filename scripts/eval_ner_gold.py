"""Mention F1 of the NER tagger alone on the project's gold articles (../shared/gold), scored with the
gold scorer's own mention matching (distinct strings per document, one or two attached proclitics
tolerated). It isolates the tagger from the rest of `khabar analyze`: there is no knowledge base here, so
LOC is reported as GPE for the typed figure (most news locations are GPE) and MISC is dropped.

usage: python scripts/eval_ner_gold.py [--gold-dir ../shared/gold]
"""

from __future__ import annotations

import argparse
import json
import re
from pathlib import Path

from khabar.link.evaluate import load_scorer
from khabar.ner import load_tagger
from khabar.ner.baseline import GazetteerTagger
from khabar.ner.conlleval import entity_spans
from khabar.ner.words import split_words

TYPES = {"PERS": "PER", "ORG": "ORG", "LOC": "GPE"}
_SENTENCE_END = re.compile(r"(?<=[.!?؟])\s+|\n+")


def mentions(tagger, text: str) -> list[dict]:
    sentences = [words for s in _SENTENCE_END.split(text) if (words := split_words(s))]
    found = []
    for tokens, tags in zip(sentences, tagger.tag(sentences)):
        for start, end, kind in sorted(entity_spans(tags)):
            if kind in TYPES:
                found.append({"type": TYPES[kind], "mentions": [{"text": " ".join(tokens[start:end])}]})
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--gold-dir", type=Path, default=Path("../shared/gold"))
    args = parser.parse_args()
    scorer = load_scorer(args.gold_dir.parent)
    golds = [json.loads(line) for name in ("dev.jsonl", "seed.jsonl")
             for line in (args.gold_dir / name).open(encoding="utf-8") if line.strip()]
    texts = scorer.load_texts(golds)
    for name, tagger in (("gazetteer baseline", GazetteerTagger()), ("CRF tagger", load_tagger())):
        outputs = [{"entities": mentions(tagger, texts[(g["corpus"], g["doc_key"])])} for g in golds]
        scores = scorer.score(golds, outputs)
        print(f"{name:<18} mentions {json.dumps(scores['mentions'])}\n{'':<18} typed    {json.dumps(scores['typed_mentions'])}")


if __name__ == "__main__":
    main()
