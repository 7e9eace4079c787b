"""Does khabar's entity layer (tagger + knowledge-base gazetteer + head-noun rules) find ANERcorp's entities
better than the tagger alone? Scored on the held-out blocks of a cross-validation run (scripts/cv_ner.py OUT),
each block tagged by the fold model that did not see it, with the packaged decoding settings.

    python scripts/cv_ner_entity_layer.py /tmp/kb_cv/base [--fill LOC]

Without --fill the entity layer's spans replace the tagger's (types mapped PER -> PERS, GPE/LOC -> LOC; MISC,
which the entity layer does not output, is kept from the tagger where nothing overlaps it). With --fill TYPES the
tagger's tags stay and the entity layer only adds spans of those ANERcorp types where the tagger found nothing.
Sentences are read as documents of 40 (ANERcorp train has no document breaks), one sentence a line.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from khabar.document import Document
from khabar.entities import EntityRecognizer, location_heads
from khabar.entities.tagged import TaggedNames
from khabar.kb.translit import name_table
from khabar.ner.conlleval import entity_spans, evaluate
from khabar.ner.corpora import read_anercorp
from khabar.ner.tagger import DECODING_FILE, NerTagger, default_model_dir
from khabar.ner.train import TRAIN, split_fold
from khabar.text import TextAnalyzer

ANERCORP_TYPE = {"PER": "PERS", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC"}
BLOCK = 40


def as_document(sentences: list[list[str]]) -> tuple[Document, list[list[tuple[int, int]]]]:
    """The sentences as one text (tokens joined by spaces, a line each) and each token's offsets."""
    offsets, pieces, position = [], [], 0
    for tokens in sentences:
        line = []
        for token in tokens:
            line.append((position, position + len(token)))
            position += len(token) + 1
        offsets.append(line)
        pieces.append(" ".join(tokens))
    return Document(id="block", text="\n".join(pieces)), offsets


def entity_layer_tags(doc: Document, offsets: list[list[tuple[int, int]]], tagged: list[list[str]],
                      fill: set[str] | None) -> list[list[str]]:
    out = [list(tags) if fill else ["O"] * len(tags) for tags in tagged]
    for span in doc.entity_spans:
        covered = [(i, j) for i, line in enumerate(offsets) for j, (start, end) in enumerate(line)
                   if start < span.end and span.start < end]
        if not covered or len({i for i, _ in covered}) > 1:
            continue
        kind = ANERCORP_TYPE[span.type]
        sentence = covered[0][0]
        if fill and (kind not in fill or any(tagged[sentence][j] != "O" for _, j in covered)):
            continue
        for n, (_, j) in enumerate(covered):
            out[sentence][j] = ("B-" if n == 0 else "I-") + kind
    if not fill:
        for sentence, tags in enumerate(tagged):
            for start, end, kind in entity_spans(tags):
                if kind == "MISC" and all(t == "O" for t in out[sentence][start:end]):
                    out[sentence][start:end] = ["B-MISC"] + ["I-MISC"] * (end - start - 1)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path, help="a cross-validation folder of scripts/cv_ner.py (fold0..foldN-1)")
    parser.add_argument("--fill", nargs="+", help="only add the entity layer's spans of these ANERcorp types")
    parser.add_argument("--data", type=Path, default=Path("../shared/data"))
    args = parser.parse_args()
    decoding = json.loads((default_model_dir() / DECODING_FILE).read_text(encoding="utf-8"))
    folds = sorted(args.out.glob("fold*"))
    anercorp = read_anercorp(args.data / TRAIN)
    analyzer = TextAnalyzer()
    gold, tagger_tags, layer_tags = [], [], []
    for k, fold in enumerate(folds):
        held_out = split_fold(anercorp, k, len(folds))[1]
        tagger = NerTagger(fold)
        tagger.set_decoding(decoding.get("bias", {}), decoding.get("consistency", 0.0))
        tagger.join = frozenset(decoding.get("join", ()))
        recognizer = EntityRecognizer()
        recognizer.taggers = [TaggedNames(tagger, recognizer.gazetteer.name_tokens, location_heads(),
                                          name_table().table)]
        for b in range(0, len(held_out), BLOCK):
            block = held_out[b:b + BLOCK]
            tagged = tagger.tag([tokens for tokens, _ in block])
            doc, offsets = as_document([tokens for tokens, _ in block])
            analyzer(doc)
            recognizer(doc)
            gold += [tags for _, tags in block]
            tagger_tags += tagged
            layer_tags += entity_layer_tags(doc, offsets, tagged, set(args.fill) if args.fill else None)
    for name, predicted in (("tagger", tagger_tags), ("entity layer", layer_tags)):
        scores = evaluate(gold, predicted)
        per_type = ", ".join(f"{t} {v['f1']:.2f}" for t, v in sorted(scores["per_type"].items()))
        micro = scores["micro"]
        print(f"{name:13} P {micro['precision']:.2f} R {micro['recall']:.2f} F1 {micro['f1']:.2f}  ({per_type})")


if __name__ == "__main__":
    main()
