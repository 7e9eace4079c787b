"""The neural tagger in torch, for training only (torch is not a runtime dependency): the same function as
`khabar.ner.network.Network`, plus the CRF negative log-likelihood. `export` writes the weights in the
layout `Network` reads."""

from __future__ import annotations

import numpy as np
import torch
from torch import nn
from torch.nn.utils.rnn import pack_padded_sequence, pad_packed_sequence

from khabar.ner.encode import GAZETTEER_TAGS, MAX_CHARS, SHAPES, Batch


class Tagger(nn.Module):
    def __init__(self, word_vectors: np.ndarray, n_chars: int, n_labels: int, n_gazetteers: int, char_dim: int = 32,
                 char_filters: int = 64, hidden: int = 100, dropout: float = 0.5):
        super().__init__()
        self.word_vectors = nn.Embedding.from_pretrained(torch.tensor(word_vectors, dtype=torch.float32), freeze=True)
        self.char_embedding = nn.Embedding(n_chars, char_dim, padding_idx=0)
        self.char_conv = nn.Conv1d(char_dim, char_filters, kernel_size=3, padding=1)
        self.shape_embedding = nn.Embedding(len(SHAPES), 8)
        self.gazetteer_embedding = nn.Embedding(n_gazetteers * len(GAZETTEER_TAGS), 16)
        inputs = 2 * word_vectors.shape[1] + char_filters + 8 + 16 * n_gazetteers
        self.dropout = nn.Dropout(dropout)
        self.lstm = nn.LSTM(inputs, hidden, batch_first=True, bidirectional=True)
        self.out = nn.Linear(2 * hidden, n_labels)
        self.transitions = nn.Parameter(torch.zeros(n_labels, n_labels))
        self.start = nn.Parameter(torch.zeros(n_labels))
        self.end = nn.Parameter(torch.zeros(n_labels))

    def emissions(self, batch: Batch) -> torch.Tensor:
        words, stems, chars, shapes, gazetteer = (torch.from_numpy(a) for a in batch[:5])
        n, width = words.shape
        embedded = self.char_embedding(chars.view(-1, MAX_CHARS)).transpose(1, 2)  # [N, E, C]
        char_features = torch.relu(self.char_conv(embedded)).max(dim=2).values.view(n, width, -1)
        x = torch.cat([self.word_vectors(words), self.word_vectors(stems), char_features,
                       self.shape_embedding(shapes), self.gazetteer_embedding(gazetteer).view(n, width, -1)], dim=2)
        packed = pack_padded_sequence(self.dropout(x), torch.from_numpy(batch.lengths), batch_first=True,
                                      enforce_sorted=False)
        hidden, _ = pad_packed_sequence(self.lstm(packed)[0], batch_first=True, total_length=width)
        return self.out(self.dropout(hidden))

    def loss(self, batch: Batch, labels: torch.Tensor) -> torch.Tensor:
        """Mean CRF negative log-likelihood of the gold label sequences ([n, width], padding anything)."""
        scores = self.emissions(batch)
        lengths = torch.from_numpy(batch.lengths)
        n, width, _ = scores.shape
        mask = torch.arange(width)[None, :] < lengths[:, None]
        rows = torch.arange(n)
        steps = torch.arange(1, width)
        emitted = scores.gather(2, labels[:, :, None]).squeeze(2)  # [n, width]
        moved = self.transitions[labels[:, :-1], labels[:, 1:]]  # [n, width - 1]
        gold = (self.start[labels[:, 0]] + (emitted * mask).sum(1) + (moved * mask[:, steps]).sum(1)
                + self.end[labels[rows, lengths - 1]])
        # unbind once: indexing scores[:, t] inside the loop would back-propagate a full-size zero tensor per step
        per_step, mask_per_step = scores.unbind(1), mask[:, :, None].unbind(1)
        alpha = self.start + per_step[0]
        for t in range(1, width):
            candidate = torch.logsumexp(alpha[:, :, None] + self.transitions, dim=1) + per_step[t]
            alpha = torch.where(mask_per_step[t], candidate, alpha)
        return (torch.logsumexp(alpha + self.end, dim=1) - gold).mean()

    def export(self) -> dict[str, np.ndarray]:
        """Weights for `khabar.ner.network.Network` (word vectors as float16, the rest float32)."""
        def array(t: torch.Tensor) -> np.ndarray:
            return t.detach().cpu().numpy().astype(np.float32)

        conv = self.char_conv.weight  # [filters, E, 3] -> [3 * E, filters], window-major like Network
        weights = {
            "word_vectors": self.word_vectors.weight.detach().numpy().astype(np.float16),
            "char_embedding": array(self.char_embedding.weight),
            "char_conv_w": array(conv.permute(2, 1, 0).reshape(-1, conv.shape[0])),
            "char_conv_b": array(self.char_conv.bias),
            "shape_embedding": array(self.shape_embedding.weight),
            "gazetteer_embedding": array(self.gazetteer_embedding.weight),
            "out_w": array(self.out.weight.T), "out_b": array(self.out.bias),
            "crf_transitions": array(self.transitions), "crf_start": array(self.start), "crf_end": array(self.end),
        }
        for direction, suffix in (("forward", ""), ("backward", "_reverse")):
            weights[f"lstm_{direction}_wi"] = array(getattr(self.lstm, "weight_ih_l0" + suffix).T)
            weights[f"lstm_{direction}_wh"] = array(getattr(self.lstm, "weight_hh_l0" + suffix).T)
            weights[f"lstm_{direction}_b"] = array(getattr(self.lstm, "bias_ih_l0" + suffix)
                                                   + getattr(self.lstm, "bias_hh_l0" + suffix))
        return weights
