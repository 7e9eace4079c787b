"""Inference of the neural tagger in numpy (no torch): character CNN + word/stem vectors + small feature
embeddings -> one-layer BiLSTM -> linear -> CRF (Viterbi). The weights are the ones `khabar.ner.train`
exports from the torch model of `khabar.ner.torch_model`, which computes the same function.

All sentences of a document run as one padded batch; the LSTM loops over time steps only, both directions
in one matrix product per step. The LSTM input projection of a word's own features (vectors, characters,
shape) is cached per word form: frequent words cost one lookup."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from khabar.ner.encode import GAZETTEER_TAGS, Batch

CACHE_SIZE = 20_000  # word forms whose input projection is kept (8H floats each): the first ones met, which in
# news are mostly the frequent ones; later forms are computed each time


def _sigmoid_gates_first(gates: np.ndarray) -> np.ndarray:
    """Torch's [i f g o] gate columns reordered to [i f o g], the three sigmoid gates scaled by 1/2: one
    tanh over all gates then serves both, since sigmoid(x) = (1 + tanh(x / 2)) / 2."""
    i, f, g, o = np.split(gates, 4, axis=-1)
    return np.concatenate([0.5 * i, 0.5 * f, 0.5 * o, g], axis=-1)


class Network:
    def __init__(self, weights: dict[str, np.ndarray]):
        w = {name: np.asarray(array, dtype=np.float32) for name, array in weights.items()}
        self.word_vectors = w["word_vectors"]
        self.char_embedding, self.char_conv_w, self.char_conv_b = w["char_embedding"], w["char_conv_w"], w["char_conv_b"]
        self.shape_embedding, self.gazetteer_embedding = w["shape_embedding"], w["gazetteer_embedding"]
        directions = ("forward", "backward")
        input_w = np.concatenate([_sigmoid_gates_first(w[f"lstm_{d}_wi"]) for d in directions], axis=1)  # [in, 8H]
        self.input_b = np.concatenate([_sigmoid_gates_first(w[f"lstm_{d}_b"]) for d in directions])
        self.hidden_w = np.stack([_sigmoid_gates_first(w[f"lstm_{d}_wh"]) for d in directions])  # [2, H, 4H]
        # the gazetteer embeddings come last in the input; their projections are a small table
        gazetteer_dim = self.gazetteer_embedding.shape[1]
        n_gazetteers = len(self.gazetteer_embedding) // len(GAZETTEER_TAGS)
        self.word_w = input_w[: len(input_w) - n_gazetteers * gazetteer_dim]
        self.gazetteer_projection = np.concatenate([
            self.gazetteer_embedding[g * len(GAZETTEER_TAGS) : (g + 1) * len(GAZETTEER_TAGS)]
            @ input_w[len(self.word_w) + g * gazetteer_dim :][:gazetteer_dim] for g in range(n_gazetteers)])
        self.cache: dict[str, np.ndarray] = {}
        self.out_w, self.out_b = w["out_w"], w["out_b"]
        self.transitions, self.start, self.end = w["crf_transitions"], w["crf_start"], w["crf_end"]

    @classmethod
    def load(cls, path: Path) -> Network:
        with np.load(path) as weights:
            return cls(dict(weights))

    def char_features(self, chars: np.ndarray) -> np.ndarray:
        """[tokens, MAX_CHARS] ids -> [tokens, filters]: width-3 convolution (zero padded), ReLU, max."""
        embedded = self.char_embedding[chars]  # [N, C, E]
        padded = np.pad(embedded, ((0, 0), (1, 1), (0, 0)))
        windows = np.concatenate([padded[:, k : k + chars.shape[1]] for k in range(3)], axis=2)  # [N, C, 3E]
        return np.maximum(windows @ self.char_conv_w + self.char_conv_b, 0.0).max(axis=1)

    def word_projections(self, batch: Batch, valid: np.ndarray) -> np.ndarray:
        """[real tokens, 8H]: the LSTM input projection of each token's own features, from the cache or
        computed for the forms it lacks."""
        missing = {key: i for i, key in enumerate(batch.keys) if key not in self.cache}
        if not missing:
            return np.array([self.cache[key] for key in batch.keys], dtype=np.float32)
        rows = list(missing.values())
        words, stems, chars, shapes = (a[valid][rows] for a in (batch.words, batch.stems, batch.chars, batch.shapes))
        x = np.concatenate([self.word_vectors[words], self.word_vectors[stems], self.char_features(chars),
                            self.shape_embedding[shapes]], axis=1)
        computed = dict(zip(missing, x @ self.word_w))
        if len(self.cache) < CACHE_SIZE:
            self.cache.update(computed)
        return np.array([computed[key] if key in computed else self.cache[key] for key in batch.keys],
                        dtype=np.float32)

    def emissions(self, batch: Batch) -> np.ndarray:
        """[sentences, width, labels] scores; padding positions hold zeros."""
        n, width = batch.words.shape
        valid = np.arange(width)[None, :] < batch.lengths[:, None]
        gazetteer = self.gazetteer_projection[batch.gazetteer[valid]].sum(axis=1)
        x = self.word_projections(batch, valid) + gazetteer + self.input_b
        padded = np.zeros((n, width, len(self.out_b)), dtype=np.float32)
        padded[valid] = self.bilstm(x, batch.lengths) @ self.out_w + self.out_b
        return padded

    def bilstm(self, x: np.ndarray, lengths: np.ndarray) -> np.ndarray:
        """[tokens, 8H] input projections (forward then backward gates), sentence after sentence ->
        [tokens, 2H] states. Packed like torch's PackedSequence: step t holds the t-th token of every
        sentence longer than t, longest sentences first, so no step computes padding."""
        size = self.hidden_w.shape[1]
        order = np.argsort(-lengths, kind="stable")
        ordered, starts = lengths[order], (np.cumsum(lengths) - lengths)[order]
        active = (ordered[None, :] > np.arange(ordered[0] if len(ordered) else 0)[:, None]).sum(axis=1)
        offsets = np.cumsum(active) - active
        step = np.repeat(np.arange(len(active)), active)
        row = np.arange(len(step)) - np.repeat(offsets, active)  # sentence rank within the step
        forward = starts[row] + step  # flat index of the token each packed slot reads
        backward = starts[row] + ordered[row] - 1 - step
        gates_in = np.stack([x[forward, : 4 * size], x[backward, 4 * size :]])  # [2, packed, 4H]
        h = np.zeros((2, len(lengths), size), dtype=np.float32)
        c = np.zeros((2, len(lengths), size), dtype=np.float32)
        out = np.empty((2, len(step), size), dtype=np.float32)
        for k, offset in zip(active, offsets):
            gates = h[:, :k] @ self.hidden_w
            gates += gates_in[:, offset : offset + k]
            np.tanh(gates, out=gates)
            sigmoids = gates[..., : 3 * size]  # i, f, o
            sigmoids *= 0.5
            sigmoids += 0.5
            cell = gates[..., size : 2 * size] * c[:, :k]
            cell += gates[..., :size] * gates[..., 3 * size :]
            c[:, :k] = cell
            np.tanh(cell, out=cell)
            cell *= gates[..., 2 * size : 3 * size]
            h[:, :k] = out[:, offset : offset + k] = cell
        states = np.empty((len(x), 2 * size), dtype=np.float32)
        states[forward, :size], states[backward, size:] = out[0], out[1]
        return states

    def decode(self, emissions: np.ndarray, lengths: np.ndarray) -> list[list[int]]:
        """Best label sequence of each sentence under the CRF (batched Viterbi)."""
        n, width, _ = emissions.shape
        if width == 0:
            return [[] for _ in range(n)]
        score = self.start + emissions[:, 0]
        back = np.zeros((n, width, len(self.start)), dtype=np.int64)
        for t in range(1, width):
            candidates = score[:, :, None] + self.transitions  # [n, from, to]
            back[:, t] = candidates.argmax(axis=1)
            best = candidates.max(axis=1) + emissions[:, t]
            score = np.where((t < lengths)[:, None], best, score)
        last = (score + self.end).argmax(axis=1)
        paths = []
        for i, length in enumerate(lengths):
            if length == 0:
                paths.append([])
                continue
            path = [int(last[i])]
            for t in range(length - 1, 0, -1):
                path.append(int(back[i, t, path[-1]]))
            paths.append(path[::-1])
        return paths

    def __call__(self, batch: Batch) -> list[list[int]]:
        return self.decode(self.emissions(batch), batch.lengths)
