"""Training of the CRF tagger (needs the shared data; python-crfsuite only, no extra dependency).

Training data: the ANERcorp train file plus the chosen extra corpora, retyped with
src/khabar/data/ner/type_map.yaml. Extra sentences that overlap the official CAMeL test split are dropped
(khabar.ner.leakage), and so are those that re-annotate ANERcorp train text under another guideline. The
test split is read only for that filter and for `evaluate`, never trained on.
"""

from __future__ import annotations

import json
import shutil
import time
from pathlib import Path

import pycrfsuite

from khabar.ner.conlleval import evaluate
from khabar.ner.corpora import TaggedSentence, read_anercorp, read_mapped
from khabar.ner.leakage import OverlapGuard
from khabar.ner.memory import memory_features
from khabar.ner.tagger import (AUTO_GAZETTEER_FILE, CLUSTERS_FILE, GAZETTEER_FILE, MEMORY_MODEL_FILE, MODEL_FILE,
                               NerTagger, default_model_dir, load_feature_extractor)

TRAIN = "anercorp/derived/ANERCorp_CamelLabStyle_train.txt"
TEST = "anercorp/camellab_official/ANERCorp_CamelLab_test.txt"
EXTRA = {
    "newsfane": "newsfane_gold/NewsFANE_Gold_2014_170K.txt",
    "aqmar": "aqmar/aqmar/articles",
}


def extra_sentences(data: Path, corpus: str) -> list[TaggedSentence]:
    path = data / EXTRA[corpus]
    files = sorted(path.glob("*.txt")) if path.is_dir() else [path]
    return [s for f in files for s in read_mapped(f, corpus)]


def training_sentences(data: Path, extra: list[str], test: list[TaggedSentence]) -> tuple[list, dict]:
    """ANERcorp train + the de-duplicated extra corpora, and the sentence count taken from each."""
    test_guard = OverlapGuard(tokens for tokens, _ in test)
    training = read_anercorp(data / TRAIN)
    train_guard = OverlapGuard(tokens for tokens, _ in training)
    counts = {"anercorp": len(training)}
    for corpus in extra:
        sentences = extra_sentences(data, corpus)
        kept = [s for s in sentences if not test_guard.overlaps(s[0]) and not train_guard.overlaps(s[0])]
        print(f"{corpus}: kept {len(kept)} of {len(sentences)} sentences (the rest overlap ANERcorp test or train)")
        counts[corpus] = len(kept)
        training += kept
    return training, counts


def train_crf(features: list, tags: list, path: Path, params: dict) -> None:
    trainer = pycrfsuite.Trainer(verbose=False)
    for x, y in zip(features, tags):
        trainer.append(x, y)
    trainer.set_params(params | {"feature.possible_transitions": True})
    trainer.train(str(path))


def cross_validated_tags(features: list, tags: list, params: dict, folds: int, scratch: Path) -> list[list[str]]:
    """First-pass tags of every training sentence from a model that did not see it (contiguous folds, so
    that documents stay whole), as the second pass will meet them on new text."""
    predicted: list[list[str]] = []
    size = -(-len(features) // folds)
    for start in range(0, len(features), size):
        end = start + size
        train_crf(features[:start] + features[end:], tags[:start] + tags[end:], scratch, params)
        crf = pycrfsuite.Tagger()
        crf.open(str(scratch))
        predicted += [crf.tag(x) for x in features[start:end]]
        crf.close()
    scratch.unlink()
    return predicted


def train_model(data: Path, extra: list[str], out: Path, c1: float = 0.05, c2: float = 0.01,
                max_iterations: int = 150, memory_folds: int = 0, score_on_test: bool = False) -> dict:
    """Train into `out` (which takes the packaged gazetteer/clusters if it has none); returns the metadata.
    With `memory_folds` > 1 a second pass (khabar.ner.memory) is trained on cross-validated first-pass tags."""
    out.mkdir(parents=True, exist_ok=True)
    for name in (GAZETTEER_FILE, CLUSTERS_FILE, AUTO_GAZETTEER_FILE):
        if not (out / name).exists() and (default_model_dir() / name).exists():
            shutil.copy(default_model_dir() / name, out / name)
    test = read_anercorp(data / TEST)
    training, counts = training_sentences(data, extra, test)
    params = {"c1": c1, "c2": c2, "max_iterations": max_iterations}

    started = time.time()
    extractor = load_feature_extractor(out)
    features = [extractor(tokens) for tokens, _ in training]
    tags = [t for _, t in training]
    train_crf(features, tags, out / MODEL_FILE, params)
    (out / MEMORY_MODEL_FILE).unlink(missing_ok=True)
    if memory_folds > 1:
        first_pass = cross_validated_tags(features, tags, params, memory_folds, out / "scratch.model")
        stems = [[extractor.analyse(t).stem for t in tokens] for tokens, _ in training]
        memory = memory_features(stems, first_pass)
        train_crf([[a + b for a, b in zip(f, m)] for f, m in zip(features, memory)], tags,
                  out / MEMORY_MODEL_FILE, params)
    print(f"trained on {sum(map(len, tags))} tokens in {time.time() - started:.0f}s")

    meta = {"training_sentences": counts, "memory_folds": memory_folds, **params}
    if score_on_test:
        tagger = NerTagger(out)
        meta["camel_test"] = evaluate([tags for _, tags in test], tagger.tag([tokens for tokens, _ in test]))
        print(json.dumps(meta["camel_test"]["micro"]),
              {t: s["f1"] for t, s in meta["camel_test"]["per_type"].items()})
    (out / "meta.json").write_text(json.dumps(meta, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return meta
