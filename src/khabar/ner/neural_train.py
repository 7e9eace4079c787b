"""Training of the experimental neural tagger (khabar.ner.neural; needs the shared data, torch and the word
vectors of scripts/build_ner_vectors.py; see docs/ner.md).

Training data as for the CRF (khabar.ner.train.training_sentences: ANERcorp train plus the extra corpora
de-duplicated against the test split). One ANERcorp train sentence in ten (by a fixed hash) is held out as
the dev split that picks the epoch. The test split is read only for the leakage filter and for `evaluate`,
never trained on or selected on.
"""

from __future__ import annotations

import json
import random
import shutil
import time
import zlib
from collections import Counter
from pathlib import Path

import numpy as np

from khabar.kb.loader import read_kb
from khabar.ner.conlleval import evaluate
from khabar.ner.corpora import TaggedSentence, read_anercorp
from khabar.ner.encode import PAD, UNKNOWN, Batch, Encoder, write_lines
from khabar.ner.network import Network
from khabar.ner.neural import (CHARS_FILE, KB_GAZETTEER_FILE, WEIGHTS_FILE, WORDS_FILE, NeuralTagger,
                               load_gazetteers)
from khabar.ner.tagger import GAZETTEER_FILE, LABELS, default_model_dir
from khabar.ner.train import TEST, training_sentences
from khabar.text.normalize import normalize

DEV_SHARE = 10  # one ANERcorp train sentence in DEV_SHARE goes to the dev split
KB_TYPES = {"PER": "PERS", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC"}  # ANERcorp merges GPE into LOC


def write_kb_gazetteer(path: Path) -> None:
    """A `type<TAB>name` snapshot of the packaged knowledge base's Arabic names and aliases (a snapshot, so
    that the model keeps the input it was trained with when the KB changes)."""
    kb = read_kb(imports=Path("/nonexistent"))  # the packaged KB only, not a user's Wikidata import
    names = {(KB_TYPES[e.type], " ".join(name.split())) for e in kb.entries.values()
             for name in (e.name_ar, *e.aliases_ar) if name and e.type in KB_TYPES}
    path.write_text("".join(f"{kind}\t{name}\n" for kind, name in sorted(names)), encoding="utf-8")


def is_dev(tokens: list[str]) -> bool:
    return zlib.crc32(" ".join(tokens).encode("utf-8")) % DEV_SHARE == 0


def character_vocabulary(sentences: list[TaggedSentence], min_count: int = 2) -> list[str]:
    counts = Counter(ch for tokens, _ in sentences for t in tokens for ch in normalize(t))
    return [ch for ch, n in counts.most_common() if n >= min_count]


def word_vocabulary(vectors_path: Path, size: int) -> tuple[list[str], np.ndarray]:
    """The `size` most frequent words of the trained vectors and their matrix with the two reserved rows
    (padding, unknown) first, rounded to float16 as shipped."""
    from gensim.models import KeyedVectors

    vectors = KeyedVectors.load(str(vectors_path))
    words = vectors.index_to_key[:size]
    matrix = np.zeros((len(words) + 2, vectors.vector_size), dtype=np.float32)
    matrix[2:] = vectors.vectors[: len(words)]
    matrix /= np.maximum(np.linalg.norm(matrix, axis=1, keepdims=True), 1e-6)  # unit length
    return words, matrix.astype(np.float16).astype(np.float32)


def pieces(sentence: TaggedSentence, limit: int = 80) -> list[TaggedSentence]:
    """A long training sentence cut into pieces of at most `limit` tokens, never inside an entity (less
    padding in a batch and a shorter CRF recursion; ANERcorp has 700-token "sentences")."""
    tokens, tags = sentence
    if len(tokens) <= limit:
        return [sentence]
    cut = next((j for j in range(limit, limit // 2, -1) if not tags[j].startswith("I-")), limit)
    return [(tokens[:cut], tags[:cut]), *pieces((tokens[cut:], tags[cut:]), limit)]


def drop_words(batch: Batch, rate: float, rng: np.random.Generator) -> Batch:
    """The batch with a random `rate` of its word and stem ids replaced by the unknown id, so that the
    network also learns to read names from their characters and context (most names in new text are rare)."""
    drop = (rng.random(batch.words.shape) < rate) & (batch.words != PAD)
    return batch._replace(words=np.where(drop, UNKNOWN, batch.words), stems=np.where(drop, UNKNOWN, batch.stems))


def batches(sentences: list[TaggedSentence], size: int, rng: random.Random) -> list[list[TaggedSentence]]:
    """Shuffled batches of sentences of similar length (less padding)."""
    order = sorted(sentences, key=lambda s: len(s[0]) + rng.random() * 8)
    groups = [order[i : i + size] for i in range(0, len(order), size)]
    rng.shuffle(groups)
    return groups


def dev_scores(model, network: Network, encoder: Encoder, dev: list[TaggedSentence]) -> tuple[dict, bool]:
    """Scores of the numpy network on the dev split, and whether its tags equal those decoded from the
    torch model's scores (the exported network must compute the trained model)."""
    import torch

    batch = encoder([t for t, _ in dev])
    paths = network(batch)
    with torch.no_grad():
        same = network.decode(model.emissions(batch).numpy(), batch.lengths) == paths
    return evaluate([tags for _, tags in dev], [[LABELS[i] for i in path] for path in paths]), same


def train_model(data: Path, extra: list[str], out: Path, vectors: Path, vocabulary: int = 120_000,
                epochs: int = 30, patience: int = 4, batch_size: int = 32, learning_rate: float = 2e-3,
                word_dropout: float = 0.1, seed: int = 13, score_on_test: bool = False) -> dict:
    """Train into `out` (with the packaged ANERGazet gazetteer and a KB gazetteer snapshot); returns the
    metadata."""
    import torch

    from khabar.ner.torch_model import Tagger

    torch.manual_seed(seed)
    torch.set_num_threads(1)  # small matrices: a second thread on a busy machine costs far more than it gives
    rng = random.Random(seed)
    dropout_rng = np.random.default_rng(seed)
    out.mkdir(parents=True, exist_ok=True)
    shutil.copy(default_model_dir() / GAZETTEER_FILE, out / GAZETTEER_FILE)
    write_kb_gazetteer(out / KB_GAZETTEER_FILE)
    test = read_anercorp(data / TEST)
    sentences, counts = training_sentences(data, extra, test)
    dev = [s for s in sentences[: counts["anercorp"]] if is_dev(s[0])]
    training = [s for s in sentences[: counts["anercorp"]] if not is_dev(s[0])] + sentences[counts["anercorp"] :]
    training = [piece for sentence in training for piece in pieces(sentence)]
    print(f"{len(training)} training sentences (long ones cut), {len(dev)} dev sentences")

    words, matrix = word_vocabulary(vectors, vocabulary)
    chars = character_vocabulary(training)
    write_lines(out / WORDS_FILE, words)
    write_lines(out / CHARS_FILE, chars)
    encoder = Encoder(words, chars, load_gazetteers(out))
    model = Tagger(matrix, len(chars) + 2, len(LABELS), len(encoder.gazetteers))
    optimiser = torch.optim.Adam([p for p in model.parameters() if p.requires_grad], lr=learning_rate)
    label_ids = {label: i for i, label in enumerate(LABELS)}

    best, best_epoch, history, started = -1.0, 0, [], time.time()
    for epoch in range(1, epochs + 1):
        model.train()
        total = 0.0
        for group in batches(training, batch_size, rng):
            batch = drop_words(encoder([t for t, _ in group]), word_dropout, dropout_rng)
            labels = torch.zeros(batch.words.shape, dtype=torch.long)
            for i, (_, tags) in enumerate(group):
                labels[i, : len(tags)] = torch.tensor([label_ids[t] for t in tags])
            loss = model.loss(batch, labels)
            optimiser.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 5.0)
            optimiser.step()
            total += loss.item()
        model.eval()
        weights = model.export()
        scores, same_as_torch = dev_scores(model, Network(weights), encoder, dev)
        f1 = scores["micro"]["f1"]
        history.append(f1)
        print(f"epoch {epoch}: loss {total:.0f}, dev F1 {f1:.2f}, numpy tags = torch tags: {same_as_torch} "
              f"({time.time() - started:.0f}s)", flush=True)
        if f1 > best:
            best, best_epoch, best_same = f1, epoch, same_as_torch
            np.savez_compressed(out / WEIGHTS_FILE, **weights)
        elif epoch - best_epoch >= patience:
            break

    meta = {"training_sentences": counts, "dev_sentences": len(dev), "dev_f1": best, "epoch": best_epoch,
            "dev_numpy_tags_equal_torch": best_same,
            "dev_history": history, "vocabulary": len(words), "batch_size": batch_size,
            "learning_rate": learning_rate, "word_dropout": word_dropout, "seed": seed}
    if score_on_test:
        tagger = NeuralTagger(out)
        meta["camel_test"] = evaluate([tags for _, tags in test], tagger.tag([tokens for tokens, _ in test]))
        print(json.dumps(meta["camel_test"]["micro"]),
              {t: s["f1"] for t, s in meta["camel_test"]["per_type"].items()})
    (out / "meta.json").write_text(json.dumps(meta, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return meta
