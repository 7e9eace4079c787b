"""A pipeline is an ordered list of components; each reads and enriches one Document in place.

A component is any callable `component(doc) -> None` with a `name` attribute. Components that load
lexicons or models do so once, when constructed, so a pipeline is built once per process and reused.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import lru_cache

from khabar.document import Document

Component = Callable[[Document], None]


class Pipeline:
    def __init__(self, components: Iterable[Component]):
        self.components = list(components)

    @property
    def names(self) -> list[str]:
        return [getattr(c, "name", type(c).__name__) for c in self.components]

    def __call__(self, doc: Document) -> Document:
        for component in self.components:
            component(doc)
        return doc


@lru_cache(maxsize=1)
def default_pipeline() -> Pipeline:
    # Imported here so that `import khabar` stays cheap and each layer loads its data only when used.
    from khabar.dates import DateTagger
    from khabar.entities import EntityRecognizer
    from khabar.events import EventCoder
    from khabar.link import Linker
    from khabar.quotes import QuoteExtractor
    from khabar.relations import RelationExtractor
    from khabar.source import SourceDetector
    from khabar.text import TextAnalyzer

    return Pipeline(
        [
            TextAnalyzer(),
            SourceDetector(),
            EntityRecognizer(),
            Linker(),
            DateTagger(),
            QuoteExtractor(),
            EventCoder(),
            RelationExtractor(),
        ]
    )
