"""Layer-by-layer scores of khabar's JSON output against gold articles, with string matching that does not
depend on offsets (gold annotations carry surface forms, not character spans).

Matching, as the annotation guideline defines the layers:
- mentions: named entities' distinct surface forms, equal after normalisation, one or two attached proclitics
  (و ف ب ل ك) tolerated on either side; `typed_mentions` also needs the type;
- linking: of the gold named entities found, the share whose system entity carries the gold English name or an alias;
- dates: the texts overlap (one contains the other) and the values are equal;
- quotes: the gold quote's first four words lie in the system quote, and the speakers are the same entity;
- events: same PLOVER type, an actor in common and, when the gold has recipients, a recipient in common;
  `event_dyads` ignores the type;
- relations: same type, subject and object.
System entities are mapped to gold entities through their mentions or their English names.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from khabar.text.normalize import normalize

LAYERS = ("mentions", "typed_mentions", "dates", "quotes", "events", "event_dyads", "relations")
# the layers averaged into `overall`, with linking accuracy
HEADLINE = ("mentions", "dates", "quotes", "events", "relations")

_QUOTE_MARKS = re.compile(r"[\"'«»“”„()\[\]]")
_PROCLITICS = re.compile(r"[وفبلك]{1,2}")


def normalize_mention(text: str) -> str:
    return " ".join(_QUOTE_MARKS.sub("", normalize(text or "")).split())


def same_mention(a: str, b: str) -> bool:
    a, b = normalize_mention(a), normalize_mention(b)
    if not a or not b:
        return False
    if a == b:
        return True
    longer, shorter = (a, b) if len(a) > len(b) else (b, a)
    return longer.endswith(shorter) and bool(_PROCLITICS.fullmatch(longer[: len(longer) - len(shorter)]))


def normalize_english(name: str) -> str:
    ascii_name = unicodedata.normalize("NFKD", name or "").encode("ascii", "ignore").decode().lower()
    ascii_name = re.sub(r"^(the|al|el)[ -]", "", ascii_name)
    return re.sub(r"[^a-z0-9]+", " ", ascii_name).strip()


@dataclass
class LayerScore:
    found_gold: int = 0  # gold items matched by some system item (recall's numerator)
    gold: int = 0
    correct_system: int = 0  # system items matching some gold item (precision's numerator)
    system: int = 0
    missed: list[str] = field(default_factory=list)
    spurious: list[str] = field(default_factory=list)

    def add(self, other: LayerScore) -> None:
        self.found_gold += other.found_gold
        self.gold += other.gold
        self.correct_system += other.correct_system
        self.system += other.system
        self.missed += other.missed
        self.spurious += other.spurious

    def figures(self) -> dict[str, float | int]:
        recall = self.found_gold / self.gold if self.gold else 0.0
        precision = self.correct_system / self.system if self.system else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return {"p": round(precision, 3), "r": round(recall, 3), "f1": round(f1, 3), "gold": self.gold, "sys": self.system}


def _compare(gold: list, system: list, match: Callable[[Any, Any], bool], describe_gold: Callable[[Any], str],
             describe_system: Callable[[Any], str] | None = None) -> LayerScore:
    found = [g for g in gold if any(match(s, g) for s in system)]
    correct = [s for s in system if any(match(s, g) for g in gold)]
    describe_system = describe_system or describe_gold
    return LayerScore(len(found), len(gold), len(correct), len(system),
                      [describe_gold(g) for g in gold if g not in found],
                      [describe_system(s) for s in system if s not in correct])


class _Article:
    """One gold article and khabar's output for it, with system entities mapped to gold entity keys."""

    def __init__(self, gold: dict[str, Any], output: dict[str, Any]):
        self.gold = gold
        self.output = output
        self.gold_entities = gold.get("entities", [])
        self.named = [e for e in self.gold_entities if e.get("named", True)]
        self.entities = output.get("entities") or []
        self.gold_keys = {e.get("id"): self._gold_keys_of(e) for e in self.entities}
        self.names = {e.get("id"): e.get("name_en") or e.get("name") or "?" for e in self.entities}

    @staticmethod
    def english_names(gold_entity: dict[str, Any]) -> set[str]:
        return {normalize_english(n) for n in [gold_entity.get("name_en", ""), *gold_entity.get("aliases_en", [])]} - {""}

    def _gold_keys_of(self, entity: dict[str, Any]) -> set[str]:
        texts = [m.get("text", "") for m in entity.get("mentions", [])] + [entity.get("name") or ""]
        english = normalize_english(entity.get("name_en") or "")
        return {g["key"] for g in self.gold_entities
                if any(same_mention(t, m) for t in texts for m in g.get("mentions", []))
                or (english and english in self.english_names(g))}

    def names_of(self, refs: Iterable[Any]) -> str:
        """System entity references as their names, for error lists."""
        return ", ".join(self.names.get(r.get("id") if isinstance(r, dict) else r, "?") for r in refs or [])

    def keys(self, refs: Iterable[Any]) -> set[str]:
        out: set[str] = set()
        for ref in refs or []:
            out |= self.gold_keys.get(ref.get("id") if isinstance(ref, dict) else ref, set())
        return out

    def mentions(self, typed: bool) -> LayerScore:
        gold = [(m, e["type"]) for e in self.named for m in sorted(set(e.get("mentions", [])))]
        distinct = {}
        for entity in self.entities:
            if entity.get("named", True) is not False:
                for m in entity.get("mentions", []):
                    distinct.setdefault((normalize_mention(m.get("text", "")), entity.get("type")),
                                        (m.get("text", ""), entity.get("type")))
        return _compare(gold, list(distinct.values()),
                        lambda s, g: same_mention(s[0], g[0]) and (not typed or s[1] == g[1]),
                        lambda item: f"{item[0]} ({item[1]})")

    def linking(self) -> tuple[int, int, list[str]]:
        correct = total = 0
        wrong = []
        for g in self.named:
            holders = [e for e in self.entities
                       if any(same_mention(m.get("text", ""), gm) for m in e.get("mentions", []) for gm in g.get("mentions", []))]
            if not holders:
                continue
            total += 1
            if any(normalize_english(h.get("name_en") or "") in self.english_names(g) for h in holders):
                correct += 1
            else:
                wrong.append(f"{g.get('name_en')}: got {sorted({h.get('name_en') or '' for h in holders})}")
        return correct, total, wrong

    def dates(self) -> LayerScore:
        def match(s, g):
            a, b = normalize_mention(s.get("text", "")), normalize_mention(g.get("text", ""))
            return bool(a) and (a in b or b in a) and str(s.get("value", "")) == str(g.get("value"))
        return _compare(self.gold.get("dates", []), self.output.get("dates") or [], match,
                        lambda d: f"{d.get('text')} = {d.get('value')}")

    def quotes(self) -> LayerScore:
        def match(s, g):
            head = " ".join(normalize_mention(g.get("text", "")).split()[:4])
            return bool(head) and head in normalize_mention(s.get("text", "")) and g.get("speaker") in self.keys([s.get("speaker")])
        return _compare(self.gold.get("quotes", []), self.output.get("quotes") or [], match,
                        lambda q: f"{q.get('speaker')}: {q.get('text', '')[:60]}",
                        lambda q: f"{self.names_of([q.get('speaker')]) if q.get('speaker') else '(no speaker)'}: {q.get('text', '')[:60]}")

    def events(self, typed: bool) -> LayerScore:
        def match(s, g):
            if typed and s.get("type") != g.get("type"):
                return False
            if not self.keys(s.get("actors")) & set(g.get("actors", [])):
                return False
            return not g.get("recipients") or bool(self.keys(s.get("recipients")) & set(g["recipients"]))
        return _compare(self.gold.get("events", []), self.output.get("events") or [], match,
                        lambda e: f"{e.get('type')} {e.get('actors')} → {e.get('recipients')}: {e.get('evidence', '')}"[:120],
                        lambda e: f"{e.get('type')} [{self.names_of(e.get('actors'))}] → [{self.names_of(e.get('recipients'))}]: "
                                  f"{(e.get('evidence') or {}).get('text', '')}"[:120])

    def relations(self) -> LayerScore:
        def match(s, g):
            return (s.get("type") == g.get("type") and g.get("subject") in self.keys([s.get("subject")])
                    and g.get("object") in self.keys([s.get("object")]))
        return _compare(self.gold.get("relations", []), self.output.get("relations") or [], match,
                        lambda r: f"{r.get('type')} {r.get('subject')} → {r.get('object')}",
                        lambda r: f"{r.get('type')} {self.names_of([r.get('subject')])} → {self.names_of([r.get('object')])}")


def score(golds: list[dict[str, Any]], outputs: list[dict[str, Any]]) -> dict[str, Any]:
    """Figures per layer (p, r, f1, gold, sys), linking accuracy, the mean `overall`, and the errors per layer."""
    totals = {layer: LayerScore() for layer in LAYERS}
    linked = linkable = 0
    wrong_links: list[str] = []
    for gold, output in zip(golds, outputs, strict=True):
        article = _Article(gold, output)
        per_layer = {
            "mentions": article.mentions(typed=False), "typed_mentions": article.mentions(typed=True),
            "dates": article.dates(), "quotes": article.quotes(),
            "events": article.events(typed=True), "event_dyads": article.events(typed=False),
            "relations": article.relations(),
        }
        where = gold.get("doc_key") or gold.get("id") or "?"
        for layer, result in per_layer.items():
            result.missed = [f"{where}: {item}" for item in result.missed]
            result.spurious = [f"{where}: {item}" for item in result.spurious]
            totals[layer].add(result)
        correct, total, wrong = article.linking()
        linked, linkable = linked + correct, linkable + total
        wrong_links += [f"{where}: {item}" for item in wrong]
    figures: dict[str, Any] = {layer: totals[layer].figures() for layer in LAYERS}
    figures["linking"] = {"acc": round(linked / linkable, 3) if linkable else 0.0, "n": linkable}
    headline = [figures[layer]["f1"] for layer in HEADLINE] + [figures["linking"]["acc"]]
    figures["overall"] = round(sum(headline) / len(headline), 3)
    figures["errors"] = {layer: {"missed": totals[layer].missed, "spurious": totals[layer].spurious} for layer in LAYERS}
    figures["errors"]["linking"] = {"wrong": wrong_links}
    return figures
