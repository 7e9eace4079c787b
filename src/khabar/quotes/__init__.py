"""Attributed statements: direct and indirect quotes with resolved speakers (see docs/quotes.md)."""

from khabar.quotes.extractor import QuoteExtractor
from khabar.quotes.lexicon import QuoteLexicon, load_lexicon

__all__ = ["QuoteExtractor", "QuoteLexicon", "load_lexicon"]
