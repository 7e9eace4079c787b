"""Table-driven: each phrase of tests/data/dates_phrases.tsv must be tagged with its expected span, value and type."""

import datetime as dt
from pathlib import Path

import pytest

from khabar.dates import tag_dates

TABLE = Path(__file__).parent / "data" / "dates_phrases.tsv"


def load_rows():
    rows = []
    for number, line in enumerate(TABLE.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        anchor, text, span, value, type_ = line.split("\t")
        rows.append(
            pytest.param(
                dt.date.fromisoformat(anchor),
                text,
                text if span == "=" else span,
                None if value == "None" else value,
                type_,
                id=f"{number}:{text[:40]}",
            )
        )
    return rows


ROWS = load_rows()


def test_table_is_large_enough():
    assert len(ROWS) >= 150


@pytest.mark.parametrize("anchor,text,span,value,type_", ROWS)
def test_phrase(anchor, text, span, value, type_):
    mentions = tag_dates(text, anchor)
    found = [(m.text, m.value, m.type) for m in mentions]
    assert (span, value, type_) in found, found
