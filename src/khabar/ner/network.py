"""Inference of the neural tagger in numpy (no torch): character CNN + word/stem vectors + small feature
embeddings -> one-layer BiLSTM -> linear -> CRF (Viterbi). The weights are the ones `khabar.ner.train`
exports from the torch model of `khabar.ner.torch_model`, which computes the same function.

All sentences of a document run as one padded batch; the LSTM loops over time steps only, both directions
in one matrix product per step."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from khabar.ner.encode import Batch


def _sigmoid(x: np.ndarray) -> np.ndarray:
    return 0.5 * (1.0 + np.tanh(0.5 * x))


def reverse_index(lengths: np.ndarray, width: int) -> np.ndarray:
    """[sentences, width] positions that read each sentence backwards within its length (padding stays)."""
    positions = np.arange(width)[None, :]
    return np.where(positions < lengths[:, None], lengths[:, None] - 1 - positions, positions)


class Network:
    def __init__(self, weights: dict[str, np.ndarray]):
        w = {name: np.asarray(array, dtype=np.float32) for name, array in weights.items()}
        self.word_vectors = w["word_vectors"]
        self.char_embedding, self.char_conv_w, self.char_conv_b = w["char_embedding"], w["char_conv_w"], w["char_conv_b"]
        self.shape_embedding, self.gazetteer_embedding = w["shape_embedding"], w["gazetteer_embedding"]
        self.input_w = np.concatenate([w["lstm_forward_wi"], w["lstm_backward_wi"]], axis=1)  # [in, 8H]
        self.input_b = np.concatenate([w["lstm_forward_b"], w["lstm_backward_b"]])
        self.hidden_w = np.stack([w["lstm_forward_wh"], w["lstm_backward_wh"]])  # [2, H, 4H]
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

    def emissions(self, batch: Batch) -> np.ndarray:
        """[sentences, width, labels] scores; padding positions hold garbage."""
        n, width = batch.words.shape
        valid = np.arange(width)[None, :] < batch.lengths[:, None]
        chars = np.zeros((n, width, self.char_conv_w.shape[1]), dtype=np.float32)
        chars[valid] = self.char_features(batch.chars[valid])
        x = np.concatenate([self.word_vectors[batch.words], self.word_vectors[batch.stems], chars,
                            self.shape_embedding[batch.shapes], self.gazetteer_embedding[batch.gazetteer]], axis=2)
        hidden = self.bilstm(x @ self.input_w + self.input_b, batch.lengths)
        return hidden @ self.out_w + self.out_b

    def bilstm(self, projected: np.ndarray, lengths: np.ndarray) -> np.ndarray:
        """[n, width, 8H] input projections (forward then backward gates) -> [n, width, 2H] states."""
        n, width, _ = projected.shape
        size = self.hidden_w.shape[1]
        rows = np.arange(n)[:, None]
        backward = reverse_index(lengths, width)
        gates_in = np.stack([projected[:, :, : 4 * size], projected[rows, backward, 4 * size :]])  # [2, n, T, 4H]
        h = np.zeros((2, n, size), dtype=np.float32)
        c = np.zeros((2, n, size), dtype=np.float32)
        out = np.empty((2, n, width, size), dtype=np.float32)
        for t in range(width):
            gates = gates_in[:, :, t] + h @ self.hidden_w
            i, f, o = (_sigmoid(gates[..., k * size : (k + 1) * size]) for k in (0, 1, 3))
            c = f * c + i * np.tanh(gates[..., 2 * size : 3 * size])
            h = o * np.tanh(c)
            out[:, :, t] = h
        return np.concatenate([out[0], out[1][rows, backward]], axis=2)

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
            path = [int(last[i])]
            for t in range(length - 1, 0, -1):
                path.append(int(back[i, t, path[-1]]))
            paths.append(path[::-1])
        return paths

    def __call__(self, batch: Batch) -> list[list[int]]:
        return self.decode(self.emissions(batch), batch.lengths)
