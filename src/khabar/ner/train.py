"""Training of the CRF tagger (needs the shared data; python-crfsuite only, no extra dependency).

Training data: the ANERcorp train file plus the chosen extra corpora, retyped with
src/khabar/data/ner/type_map.yaml. Extra sentences that overlap the official CAMeL test split are dropped
(khabar.ner.leakage), and so are those that re-annotate ANERcorp train text under another guideline. The
test split is read only for that filter and for `evaluate`, never trained on.

The dev split (`dev=True`) is the last tenth of ANERcorp train, a contiguous block: ANERcorp train has no
document ids, and a block is nearer to unseen articles than a sample of sentences whose neighbours, from the
same articles, are trained on. It is for choosing features and hyper-parameters; the test split is scored
once per finalist.
"""

from __future__ import annotations

import json
import shutil
import time
from collections import Counter
from pathlib import Path

import pycrfsuite

from khabar.ner.conlleval import evaluate
from khabar.ner.corpora import TaggedSentence, read_anercorp, read_mapped, read_nested
from khabar.ner.features import FeatureExtractor, as_unseen, merge_weighted
from khabar.ner.leakage import OverlapGuard
from khabar.ner.memory import memory_features
from khabar.ner.tagger import (GAZETTEER_FILE, MEMORY_MODEL_FILE, MODEL_FILE, OPTIONAL_FILES, NerTagger,
                               default_model_dir, load_feature_extractor, write_feature_options)

TRAIN = "anercorp/derived/ANERCorp_CamelLabStyle_train.txt"
TEST = "anercorp/camellab_official/ANERCorp_CamelLab_test.txt"
EXTRA = {
    "newsfane": "newsfane_gold/NewsFANE_Gold_2014_170K.txt",
    "aqmar": "aqmar/aqmar/articles",
    "wojood": "wojood_sample/data",
}
NESTED = {"wojood"}  # corpora with one tag column per nesting level
DEV_SHARE = 10  # the last 1/DEV_SHARE of ANERcorp train is the dev split


def extra_sentences(data: Path, corpus: str) -> list[TaggedSentence]:
    path = data / EXTRA[corpus]
    files = sorted(path.glob("*.txt")) if path.is_dir() else [path]
    read = read_nested if corpus in NESTED else read_mapped
    return [s for f in files for s in read(f, corpus)]


def split_dev(sentences: list[TaggedSentence]) -> tuple[list[TaggedSentence], list[TaggedSentence]]:
    """(training, dev): the dev split is the last contiguous 1/DEV_SHARE of the sentences."""
    cut = len(sentences) - len(sentences) // DEV_SHARE
    return sentences[:cut], sentences[cut:]


def split_fold(sentences: list[TaggedSentence], fold: int, folds: int) -> tuple[list[TaggedSentence], list[TaggedSentence]]:
    """(training, held out): the `fold`-th of `folds` contiguous blocks is held out (cross-validation over
    ANERcorp train: blocks keep its articles whole, as the dev split does)."""
    start, end = (len(sentences) * fold) // folds, (len(sentences) * (fold + 1)) // folds
    return sentences[:start] + sentences[end:], sentences[start:end]


def held_out_sentences(model_dir: Path, data: Path) -> list[TaggedSentence]:
    """The ANERcorp train sentences a model was trained without: its cross-validation block when its
    meta.json records one (`fold`), else the dev split."""
    meta = json.loads((model_dir / "meta.json").read_text(encoding="utf-8"))
    anercorp = read_anercorp(data / TRAIN)
    return split_fold(anercorp, *meta["fold"])[1] if meta.get("fold") else split_dev(anercorp)[1]


def training_sentences(data: Path, extra: list[str], test: list[TaggedSentence]) -> tuple[list, dict]:
    """ANERcorp train + the de-duplicated extra corpora, and the sentence count taken from each."""
    training, counts, _ = training_and_dev(data, extra, test, dev=False)
    return training, counts


def training_and_dev(data: Path, extra: list[str], test: list[TaggedSentence], dev: bool,
                     fold: tuple[int, int] | None = None) -> tuple[list, dict, list]:
    """`training_sentences`, and the dev split held out of them when `dev` (or the cross-validation block
    `fold` = (index, folds); else an empty one). Extra sentences that overlap any ANERcorp train sentence are
    dropped, held-out ones included."""
    test_guard = OverlapGuard(tokens for tokens, _ in test)
    anercorp = read_anercorp(data / TRAIN)
    train_guard = OverlapGuard(tokens for tokens, _ in anercorp)
    if fold:
        training, held_out = split_fold(anercorp, *fold)
    else:
        training, held_out = split_dev(anercorp) if dev else (anercorp, [])
    counts = {"anercorp": len(training)}
    for corpus in extra:
        sentences = extra_sentences(data, corpus)
        kept = [s for s in sentences if not test_guard.overlaps(s[0]) and not train_guard.overlaps(s[0])]
        print(f"{corpus}: kept {len(kept)} of {len(sentences)} sentences (the rest overlap ANERcorp test or train)")
        counts[corpus] = len(kept)
        training += kept
    return training, counts, held_out


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


def rare_words_as_unseen(features: list, sentences: list[TaggedSentence], below: int, key) -> list:
    """Every sentence's features with the words whose `key` (the stem) is seen fewer than `below` times in
    `sentences` made unseen (khabar.ner.features.as_unseen): test names are mostly unseen, training names
    mostly seen."""
    counts = Counter(key(t) for tokens, _ in sentences for t in tokens)
    return [as_unseen(f, {i for i, t in enumerate(tokens) if counts[key(t)] < below})
            for f, (tokens, _) in zip(features, sentences)]


def with_weighted_attributes(extractor: FeatureExtractor, sentences: list[TaggedSentence], features: list) -> list:
    """The attribute lists merged with the dense-vector attributes (khabar.ner.vectors) when the model folder
    has a word table; unchanged otherwise."""
    if not extractor.vectors:
        return features
    return [merge_weighted(f, extractor.weighted(tokens)) for f, (tokens, _) in zip(features, sentences)]


def train_model(data: Path, extra: list[str], out: Path, c1: float = 0.05, c2: float = 0.01,
                max_iterations: int = 150, memory_folds: int = 0, score_on_test: bool = False,
                dev: bool = False, unseen_below: int = 0, fold: tuple[int, int] | None = None,
                context: bool = False, crf_options: dict | None = None) -> dict:
    """Train into `out` (which takes the packaged gazetteers/clusters/name words it lacks); returns the
    metadata. With `memory_folds` > 1 a second pass (khabar.ner.memory) is trained on cross-validated
    first-pass tags. With `dev`, the dev split is held out of training and scored. With `unseen_below` > 1,
    words seen fewer times than that are trained as unseen words (`rare_words_as_unseen`). With `fold` =
    (index, folds), that contiguous block of ANERcorp train is held out instead (scripts/cv_ner.py). With
    `context`, the model gets the wider context features (khabar.ner.context), recorded in its folder. `crf_options`:
    more crfsuite training parameters (e.g. {"feature.minfreq": 2, "feature.possible_states": True})."""
    out.mkdir(parents=True, exist_ok=True)
    for name in (GAZETTEER_FILE, *OPTIONAL_FILES):
        if not (out / name).exists() and (default_model_dir() / name).exists():
            shutil.copy(default_model_dir() / name, out / name)
    write_feature_options(out, context)
    test = read_anercorp(data / TEST)
    training, counts, held_out = training_and_dev(data, extra, test, dev, fold)
    params = {"c1": c1, "c2": c2, "max_iterations": max_iterations, **(crf_options or {})}

    started = time.time()
    extractor = load_feature_extractor(out)
    features = [extractor(tokens) for tokens, _ in training]
    if unseen_below > 1:
        features = rare_words_as_unseen(features, training, unseen_below, lambda t: extractor.analyse(t).stem)
    tags = [t for _, t in training]
    train_crf(with_weighted_attributes(extractor, training, features), tags, out / MODEL_FILE, params)
    (out / MEMORY_MODEL_FILE).unlink(missing_ok=True)
    if memory_folds > 1:
        first_pass = cross_validated_tags(features, tags, params, memory_folds, out / "scratch.model")
        stems = [[extractor.analyse(t).stem for t in tokens] for tokens, _ in training]
        memory = memory_features(stems, first_pass)
        train_crf([[a + b for a, b in zip(f, m)] for f, m in zip(features, memory)], tags,
                  out / MEMORY_MODEL_FILE, params)
    print(f"trained on {sum(map(len, tags))} tokens in {time.time() - started:.0f}s")

    meta = {"training_sentences": counts, "memory_folds": memory_folds, "unseen_below": unseen_below,
            "context": context, **params}
    if fold:
        meta["fold"] = list(fold)
    scored = {"dev": held_out} if dev or fold else {}
    if score_on_test:
        scored["camel_test"] = test
    for split, sentences in scored.items():
        meta[split] = evaluate([tags for _, tags in sentences], NerTagger(out).tag([tokens for tokens, _ in sentences]))
        print(split, json.dumps(meta[split]["micro"]), {t: s["f1"] for t, s in meta[split]["per_type"].items()})
    (out / "meta.json").write_text(json.dumps(meta, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return meta
