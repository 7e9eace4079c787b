"""Article-level evaluation: khabar's output scored layer by layer against gold annotations.

The gold format is the annotation guideline's (one JSON object per article: entities with their mentions, dates,
quotes, events, relations); see docs/evaluation.md.
"""

from khabar.evaluation.records import GoldArticle, GoldError, load_gold
from khabar.evaluation.scoring import score

__all__ = ["GoldArticle", "GoldError", "load_gold", "score"]
