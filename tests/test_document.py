"""The Document's JSON contract: what `to_dict` writes, `from_dict` reads back unchanged."""

import json
from pathlib import Path

from khabar.analyze import analyze_stream
from khabar.document import Document
from khabar.ingest import read_sources

SOURCES = [str(Path(__file__).parents[1] / "examples" / "summit.txt"),
           str(Path(__file__).parent / "fixtures" / "ray_corpus.jsonl")]


def test_documents_come_back_from_their_json_unchanged():
    docs = list(analyze_stream(read_sources(SOURCES)))
    assert len(docs) == 5 and any(d.events for d in docs) and any(d.quotes for d in docs)
    assert any(d.relations for d in docs) and any(d.source.wire or d.source.dateline for d in docs)
    for doc in docs:
        expected = doc.to_dict()
        assert Document.from_dict(json.loads(json.dumps(expected))).to_dict() == expected


def test_offsets_index_the_original_text_after_the_round_trip():
    doc = next(iter(analyze_stream(read_sources(SOURCES))))
    back = Document.from_dict(doc.to_dict())
    for entity in back.entities:
        for mention in entity.mentions:
            assert back.text[mention.start:mention.end] == mention.text
