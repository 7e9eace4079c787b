import bz2
import datetime as dt
import gzip
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from khabar.kb.cli import kb_app
from khabar.kb.loader import KB_FILE, read_kb
from khabar.kb.wikidata import import_dump

FIXTURE = Path(__file__).parent / "fixtures" / "wikidata_sample.json"


@pytest.fixture(scope="module")
def base_kb():
    return read_kb(KB_FILE, imports=Path("/nonexistent"))


def compressed(tmp_path: Path, suffix: str) -> Path:
    target = tmp_path / f"dump.json{suffix}"
    opener = {"": open, ".gz": gzip.open, ".bz2": bz2.open}[suffix]
    with open(FIXTURE, "rb") as src, opener(target, "wb") as dst:
        shutil.copyfileobj(src, dst)
    return target


@pytest.mark.parametrize("suffix", ["", ".gz", ".bz2"])
def test_import_reads_every_dump_format(tmp_path, base_kb, suffix):
    entries = import_dump(compressed(tmp_path, suffix), base_kb)
    assert sorted(e.wikidata for e in entries) == ["Q159", "Q900001", "Q900003"]  # items with ar + en labels


def test_items_of_other_classes_only_on_request(base_kb):
    assert "Q900006" not in {e.wikidata for e in import_dump(FIXTURE, base_kb)}
    other = next(e for e in import_dump(FIXTURE, base_kb, all_classes=True) if e.wikidata == "Q900006")
    assert (other.type, other.kind) == ("ORG", "other")


def test_imported_person_has_country_position_and_membership(base_kb):
    person = next(e for e in import_dump(FIXTURE, base_kb) if e.wikidata == "Q900003")
    assert (person.type, person.kind, person.country) == ("PER", "person", "TST")
    assert person.aliases_ar == ["تستوف"] and person.aliases_en == ["I. Testov"]
    assert person.member_of == ["wd:Q900004"]
    [position] = person.positions
    assert position.role == "head_of_government"  # "Prime Minister of Test Republic"
    assert (position.start, position.end) == (dt.date(2015, 3, 1), dt.date(2019, 1, 1))
    assert person.actor_code(dt.date(2016, 1, 1)) == "TSTGOV"
    assert person.actor_code(dt.date(2020, 1, 1)) == "TSTELI"


def test_an_item_the_kb_has_keeps_its_id_and_merges_on_load(tmp_path, base_kb):
    out = tmp_path / "imported.jsonl.gz"
    result = CliRunner().invoke(kb_app, ["import-wikidata", str(FIXTURE), "--out", str(out)])
    assert result.exit_code == 0, result.output
    kb = read_kb(KB_FILE, imports=out)
    assert kb.lookup("إيفان تستوف")[0].name_en == "Ivan Testov"
    assert kb.lookup("تستوف")[0].wikidata == "Q900003"
    russia = kb.get("country:RUS")
    assert russia.wikidata == "Q159" and len(kb) == len(base_kb) + 2


def test_lookup_prints_the_entry_with_its_actor_code():
    result = CliRunner().invoke(kb_app, ["lookup", "فلاديمير بوتين", "--date", "2010-01-01"])
    assert result.exit_code == 0
    assert '"name_en": "Vladimir Putin"' in result.output and '"actor_code": "RUSGOV"' in result.output


def test_lookup_of_an_unknown_name_fails():
    assert CliRunner().invoke(kb_app, ["lookup", "لا أحد بهذا الاسم"]).exit_code == 1
