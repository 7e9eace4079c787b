"""Import entities from a Wikidata JSON dump (`latest-all.json.gz` and its subsets).

The dump is a JSON array written one entity per line (`[`, then `{...},` lines, then `]`), so it is
streamed line by line, never loaded whole. Kept: items with an Arabic and an English label. Read: labels
and aliases (ar, en), P31 instance of, P17 country / P27 citizenship, P39 positions held with their
P580/P582 start/end qualifiers, P463 memberships, P298 ISO alpha-3 (to resolve countries).
"""

from __future__ import annotations

import bz2
import datetime as dt
import gzip
import json
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from khabar.kb.model import KBEntry, KnowledgeBase, Position
from khabar.kb.sources import read_yaml


def open_dump(path: Path) -> IO[str]:
    if path.suffix == ".gz":
        return gzip.open(path, "rt", encoding="utf-8")
    if path.suffix == ".bz2":
        return bz2.open(path, "rt", encoding="utf-8")
    return open(path, encoding="utf-8")


def iter_entities(lines: IO[str]) -> Iterator[dict[str, Any]]:
    for line in lines:
        line = line.strip().rstrip(",")
        if line.startswith("{"):
            yield json.loads(line)


def _label(entity: dict[str, Any], lang: str) -> str | None:
    label = entity.get("labels", {}).get(lang)
    return label["value"] if label else None


def _aliases(entity: dict[str, Any], lang: str) -> list[str]:
    return [a["value"] for a in entity.get("aliases", {}).get(lang, [])]


def _item_values(entity: dict[str, Any], prop: str) -> list[tuple[str, dict[str, Any]]]:
    """(QID, qualifiers) of each item-valued statement of `prop`, deprecated ones left out."""
    out = []
    for claim in entity.get("claims", {}).get(prop, []):
        value = claim.get("mainsnak", {}).get("datavalue", {}).get("value")
        if claim.get("rank") != "deprecated" and isinstance(value, dict) and "id" in value:
            out.append((value["id"], claim.get("qualifiers", {})))
    return out


def _string_value(entity: dict[str, Any], prop: str) -> str | None:
    for claim in entity.get("claims", {}).get(prop, []):
        value = claim.get("mainsnak", {}).get("datavalue", {}).get("value")
        if isinstance(value, str):
            return value
    return None


def _qualifier_date(qualifiers: dict[str, Any], prop: str) -> dt.date | None:
    for snak in qualifiers.get(prop, []):
        time = snak.get("datavalue", {}).get("value", {}).get("time")
        if time:
            year, month, day = time.lstrip("+").split("T")[0].split("-")
            try:
                return dt.date(int(year), max(int(month), 1), max(int(day), 1))
            except ValueError:
                return None
    return None


def import_dump(path: Path, kb: KnowledgeBase, limit: int | None = None, all_classes: bool = False) -> list[KBEntry]:
    """KB entries for the dump's items with Arabic and English labels; an item the KB already has (same
    QID) keeps its KB id, so that loading merges the two.

    Only items of the classes in wikidata_classes.yaml (people, states, cities, organisations, ...) unless
    `all_classes`. Memory stays bounded on the full dump: English labels are kept only for the positions
    (P39) the kept items hold, read in a second pass when the first did not see them all.
    """
    classes = read_yaml("wikidata_classes.yaml")
    sectors = classes.pop("position_sectors")
    iso3_by_qid = {e.wikidata: e.country for e in kb.entries.values() if e.kind == "country" and e.wikidata}
    labels_en: dict[str, str] = {}
    pending: list[tuple[KBEntry, list[str], list[tuple[str, dict[str, Any]]]]] = []
    with open_dump(path) as lines:
        for n, entity in enumerate(iter_entities(lines)):
            if limit is not None and n >= limit:
                break
            if iso3 := _string_value(entity, "P298"):
                iso3_by_qid[entity["id"]] = iso3
            entry = _entry(entity, kb, classes, all_classes)
            if entry is not None:
                labels_en[entry.wikidata] = entry.name_en
                countries = [q for prop in ("P17", "P27") for q, _ in _item_values(entity, prop)]
                pending.append((entry, countries, _item_values(entity, "P39")))
    wanted = {q for _, _, positions in pending for q, _ in positions} - labels_en.keys()
    if wanted:
        labels_en.update(_english_labels(path, wanted, limit))
    entries = []
    for entry, countries, positions in pending:
        if entry.kind == "country":
            entry.country = iso3_by_qid.get(entry.wikidata)
        else:
            entry.country = next((iso3_by_qid[q] for q in countries if q in iso3_by_qid), None)
        for position, qualifiers in positions:
            label = labels_en.get(position, position).casefold()
            code = (entry.country or "") + next((s for word, s in sectors.items() if word in label), "GOV")
            start, end = _qualifier_date(qualifiers, "P580"), _qualifier_date(qualifiers, "P582")
            entry.positions.append(Position(_role(kb, label), entry.country, code, start, end))
        entries.append(entry)
    return entries


def _role(kb: KnowledgeBase, label: str) -> str:
    """ "president of russia" -> head_of_state (the role its head names), else the label itself."""
    head = label.split(" of ")[0]
    canonical = kb.role_name(head)
    return canonical if canonical != head else label


def _entry(
    entity: dict[str, Any], kb: KnowledgeBase, classes: dict[str, list[str]], all_classes: bool
) -> KBEntry | None:
    qid, name_ar, name_en = entity.get("id"), _label(entity, "ar"), _label(entity, "en")
    if not (qid and name_ar and name_en):
        return None
    type_, kind = next((classes[c] for c, _ in _item_values(entity, "P31") if c in classes), (None, None))
    if type_ is None:
        if not all_classes:
            return None
        type_, kind = ("LOC" if entity.get("claims", {}).get("P625") else "ORG"), "other"
    known = kb.by_wikidata(qid)
    return KBEntry(
        id=known.id if known else f"wd:{qid}",
        type=type_,
        name_ar=name_ar,
        name_en=name_en,
        kind=kind,
        wikidata=qid,
        aliases_ar=_aliases(entity, "ar"),
        aliases_en=_aliases(entity, "en"),
        source="wikidata",
        member_of=[f"wd:{q}" for q, _ in _item_values(entity, "P463")],
    )


def _english_labels(path: Path, qids: set[str], limit: int | None) -> dict[str, str]:
    found = {}
    with open_dump(path) as lines:
        for n, entity in enumerate(iter_entities(lines)):
            if (limit is not None and n >= limit) or len(found) == len(qids):
                break
            if entity.get("id") in qids and (label := _label(entity, "en")):
                found[entity["id"]] = label
    return found


def write_entries(entries: list[KBEntry], out: Path) -> None:
    out.parent.mkdir(parents=True, exist_ok=True)
    with gzip.open(out, "wt", encoding="utf-8") as f:
        for entry in entries:
            f.write(json.dumps(entry.to_dict(), ensure_ascii=False) + "\n")
