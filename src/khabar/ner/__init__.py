"""khabar's own Arabic named-entity recogniser (CRF, trained on ANERcorp and related corpora)."""

from khabar.ner.tagger import LABELS, NerTagger, load_tagger

__all__ = ["LABELS", "NerTagger", "load_tagger"]
