"""Gazetteer-only recogniser: longest ANERGazet matches, clitics allowed on a name's first word. It is the
baseline the benchmark prints next to the CRF."""

from __future__ import annotations

from pathlib import Path

from khabar.ner.resources import Gazetteer
from khabar.ner.stems import stem_candidates
from khabar.ner.tagger import GAZETTEER_FILE, default_model_dir
from khabar.text.normalize import normalize


class GazetteerTagger:
    def __init__(self, model_dir: Path | None = None):
        self.gazetteer = Gazetteer.load((model_dir or default_model_dir()) / GAZETTEER_FILE)

    def tag(self, sentences: list[list[str]]) -> list[list[str]]:
        tagged = []
        for tokens in sentences:
            tags = ["O"] * len(tokens)
            for start, end, kind in self.gazetteer.match([stem_candidates(normalize(t)) for t in tokens]):
                tags[start : end] = ["B-" + kind] + ["I-" + kind] * (end - start - 1)
            tagged.append(tags)
        return tagged
