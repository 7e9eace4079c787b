"""located_in where the text states it: a place followed by the place that contains it, joined only by a
preposition, a direction or an administrative unit ("قندهار في جنوب أفغانستان", "كتاف بمحافظة صعدة"), by a comma
when the knowledge base puts the city in that very country (the dateline "دبي، الإمارات العربية المتحدة"), or a
place followed by a demonym ("بولاية كنتاكي الأميركية"); the places listed before it are in it too.""" 

from __future__ import annotations

import re
from pathlib import Path

import yaml

from khabar.document import Document, Relation
from khabar.events.arguments import MentionIndex
from khabar.events.demonyms import country_entity, is_country, is_place
from khabar.text import normalize

DATA = Path(__file__).resolve().parent.parent / "data" / "relations"
PLACES = frozenset({"GPE", "LOC"})
LOCATIVE = frozenset({"ب", "في"})
COMMA = re.compile(r"\s*[،,]\s*")
LIST_GAP = re.compile(r"\s*و\s*")  # "ميدان المالح وضاحية السلام"; after a comma a new phrase may begin


class LocationReader:
    def __init__(self) -> None:
        data = yaml.safe_load((DATA / "locations.yaml").read_text(encoding="utf-8"))
        directions = "|".join(sorted((normalize(w) for w in data["directions"]), key=len, reverse=True))
        units = "|".join(sorted((normalize(w) for w in data["units"]), key=len, reverse=True))
        belonging = "|".join(normalize(w) for w in data["belonging"])
        self.gap = re.compile(
            rf"\s*(?:\(\s*)?(?:(?:{belonging})\s*)?(?:(?:في|ب)\s*)?(?:(?:ال)?(?:{directions})\s*)?"
            rf"(?:(?:ب|ل)?(?:ال)?(?:{units})\s*)?(?:ب|في\s*)?"
        )

    def extract(self, doc: Document, index: MentionIndex) -> list[Relation]:
        entities = {e.id: e for e in doc.entities}
        out = []
        for sentence in doc.sentences:
            pool = index.in_tokens(sentence.token_start, sentence.token_end)
            for inner, outer in zip(pool, pool[1:]):
                a, b = entities.get(inner.entity), entities.get(outer.entity)
                if a is None or b is None or a.id == b.id or a.type not in PLACES or b.type != "GPE":
                    continue
                if is_country(a) or (a.country and b.country and a.country != b.country):
                    continue  # two states side by side, not a place inside another
                gap = normalize(doc.text[inner.end : outer.start])
                stated = bool(gap.strip()) and self.gap.fullmatch(gap)
                dateline = COMMA.fullmatch(gap) and is_place(a) and is_country(b) and a.country == b.country
                if stated or dateline:
                    out.append(Relation("located_in", a.id, b.id, doc.span(inner.start, outer.end)))
                if stated:
                    out += self._listed_before(doc, pool, entities, inner, outer)
            out += self._demonym_after(doc, pool, entities)
            out += self._capital(doc, pool, entities)
        return out

    def _listed_before(self, doc: Document, pool, entities, inner, outer) -> list[Relation]:
        """The places listed before one located in `outer` are in it too: "ميدان المالح وضاحية السلام بالعريش"."""
        out = []
        at = pool.index(inner)
        while at > 0:
            place, follower = pool[at - 1], pool[at]
            entity = entities.get(place.entity)
            if (entity is None or entity.type not in PLACES or is_country(entity) or entity.id == outer.entity
                    or place.preposition in LOCATIVE  # "بالشيخ زويد": where the places before it are
                    or not LIST_GAP.fullmatch(doc.text[place.end : follower.start])):
                break
            out.append(Relation("located_in", entity.id, outer.entity, doc.span(place.start, outer.end)))
            at -= 1
        return out

    def _capital(self, doc: Document, pool, entities) -> list[Relation]:
        """"بالعاصمة عمان": the capital of the state the knowledge base puts the city in, when the text names it."""
        out = []
        for m in pool:
            city = entities.get(m.entity)
            if city is None or not is_place(city) or not city.country or m.first_token == 0:
                continue
            # "العاصمة عمان", or the capital word attached to the name's own token
            own = doc.tokens[m.first_token]
            token = doc.tokens[m.first_token - 1] if m.start == own.start else own
            if not normalize(token.text).lstrip("وفب").removeprefix("ال").startswith(normalize("عاصمة")):
                continue
            state = next((e for e in doc.entities if is_country(e) and e.country == city.country), None)
            if state is not None:
                out.append(Relation("located_in", city.id, state.id, doc.span(token.start, m.end)))
        return out

    def _demonym_after(self, doc: Document, pool, entities) -> list[Relation]:
        out = []
        for m in pool:
            place = entities.get(m.entity)
            following = m.last_token + 1
            if place is None or place.type not in PLACES or is_country(place) or following >= len(doc.tokens):
                continue
            token = doc.tokens[following]
            country = country_entity(doc, token.text)
            if country is not None and country.id != place.id and token.start - m.end <= 1:
                out.append(Relation("located_in", place.id, country.id, doc.span(m.start, token.end)))
        return out
