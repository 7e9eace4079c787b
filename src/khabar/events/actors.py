"""Unnamed actors ("الشرطة اليابانية", "محتجون", "مسلحون"): nominal phrases from `data/events/actors.yaml`
that may be an event's actor or recipient. They become entities (named=False, with a country when a demonym
follows) only when an event uses them, as the gold guideline asks."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from itertools import count

from khabar.document import Document, Entity, Span, Token
from khabar.events.anaphora import untold_titles
from khabar.events.demonyms import country_entity, nationality
from khabar.events.lexicon import load_data
from khabar.text import normalize, stem_candidates


CLAUSE_OPENINGS = frozenset({".", "؟", "?", "!", ":", '"', "«", "»"})
ADJECTIVE_ENDINGS = ("ي", "يه", "يا", "ى")  # a relative adjective ("الأردني") or an elative ("العليا")


@dataclass(frozen=True, slots=True)
class ActorPhrase:
    words: tuple[str, ...]
    sector: str
    name_en: str


class UnnamedActors:
    def __init__(self) -> None:
        self.by_first: dict[str, list[ActorPhrase]] = {}
        self.default_group: dict[str, str] = {}  # event type → the group that acts when none is named
        data = load_data("actors.yaml")
        self.count_words = frozenset(normalize(w) for w in data["count_words"])
        self.peoples = frozenset(normalize(w) for w in data["peoples"])
        self.concepts = frozenset(tuple(normalize(w).split()) for w in data["concepts"])
        self.modifiers = frozenset(normalize(w) for w in data["modifiers"])
        for group in data["actors"]:
            for ptype in group.get("acts_unnamed", ()):
                self.default_group[ptype] = group["name_en"]
            for noun in group["nouns"]:
                phrase = ActorPhrase(tuple(normalize(noun).split()), group["sector"], group["name_en"])
                self.by_first.setdefault(phrase.words[0], []).append(phrase)
        for words in _counted_groups(load_data("collectives.yaml")):
            # "الدول الثلاث", "الزعيمان": no sector of their own, their members act (events.collectives)
            phrase = ActorPhrase(words, "", " ".join(words))
            self.by_first.setdefault(words[0], []).append(phrase)
        for phrases in self.by_first.values():
            phrases.sort(key=lambda p: -len(p.words))

    def find(self, doc: Document) -> dict[tuple[int, int], Entity]:
        """Candidate unnamed-actor entities by mention span, skipping spans a named entity already covers.
        "قوات النظام" later in a text that said "قوات النظام السوري" is the same group."""
        spans: list[tuple[int, int, ActorPhrase, Entity | None]] = []
        owners: dict[tuple[str, str], set[str]] = {}  # group → the named organisations it heads a genitive of
        tokens = doc.tokens
        i = 0
        while i < len(tokens):
            phrase, start = self._phrase_at(doc, i)
            if phrase is None:
                i += 1
                continue
            last = i + len(phrase.words) - 1
            end = tokens[last].end
            if start == tokens[i].start and i > 0 and self._counts(tokens[i - 1].text):
                start = tokens[i - 1].start
            if doc.entity_at(start, end) is None:
                following = tokens[last + 1].text if last + 1 < len(tokens) else ""
                country = country_entity(doc, following) if following else None
                # "المقاتلين الأكراد", "المقاتلين الفلسطينيين": a people's name is part of the group's, with the
                # state it names, whether or not the article names that state
                code = (country.country or "") if country else (self._people(following) if phrase.sector else None)
                if code is not None:
                    last += 1
                elif (phrase.sector and not tokens[last].article
                      and (owner := _genitive_organisation(doc, last + 1)) is not None):
                    owners.setdefault((phrase.name_en, ""), set()).add(owner.id)
                while last + 1 < len(tokens) and normalize(tokens[last + 1].text) in self.modifiers:
                    last += 1  # "ثلاثة أحزاب معارضة كبرى"
                spans.append((start, tokens[last].end, phrase, code))
            i = last + 1
        countries: dict[str, set[str]] = {}
        for _, _, phrase, code in spans:
            if code is not None:
                countries.setdefault(phrase.name_en, set()).add(code)
        found: dict[tuple[int, int], Entity] = {}
        by_key: dict[str, Entity] = {}
        ids = _free_ids(doc)
        for start, end, phrase, country in spans:
            known = countries.get(phrase.name_en, set())
            code = country if country is not None else (next(iter(known)) if len(known) == 1 else "")
            key = f"{phrase.name_en}|{code}"
            if key not in by_key:
                by_key[key] = Entity(id=next(ids), type="ORG", name=doc.text[start:end],
                                     named=False, name_en=phrase.name_en, country=code or None,
                                     actor_code=code + phrase.sector)
            found[(start, end)] = by_key[key]
        named = {entity.id: _owner(doc, owners.get((entity.name_en, entity.country or ""), set()))
                 or _named_match(doc, entity) for entity in by_key.values()}
        found = {span: named[entity.id] or entity for span, entity in found.items()}
        names = [(m.start, m.end, e.id) for e in doc.entities for m in e.mentions]
        for start, end in untold_titles(doc, names):
            # "تابع الملك الأزمة": a person the text describes by a title alone, one per title, as the subject of
            # the verb opening a clause (elsewhere a bare title is too often a post or a name the NER missed)
            if not _subject_of_opener(doc, start, end):
                continue
            key = normalize(doc.text[start:end])
            if key not in by_key:
                by_key[key] = Entity(id=next(ids), type="PER", name=doc.text[start:end],
                                     named=False)
            found[(start, end)] = by_key[key]
        return found

    def default_actor(self, doc: Document, found: dict[tuple[int, int], Entity], ptype: str) -> tuple[str, ...]:
        """The group that acts in an event of this type told with no actor: its first mention in the document,
        found here (`found`: UnnamedActors.find) or already an unnamed entity (a speaker the quotes found)."""
        group = self.default_group.get(ptype)
        if group is None:
            return ()
        spans = [(span, entity.id) for span, entity in found.items() if entity.name_en == group]
        phrases = {" ".join(p.words) for ps in self.by_first.values() for p in ps if p.name_en == group}
        spans += [((m.start, m.end), e.id) for e in doc.entities if not e.named for m in e.mentions
                  if any(stem in phrases for stem, _ in clitic_stems(m.text))]
        return (min(spans)[1],) if spans else ()

    def _people(self, word: str) -> str | None:
        """The state code of a demonym after a group ("" for a people with no state: "الأكراد"), else None."""
        word = normalize(word)
        return nationality(word) or ("" if word in self.peoples else None)

    def _counts(self, word: str) -> bool:
        return word.isdigit() or normalize(word).lstrip("و") in self.count_words

    def _phrase_at(self, doc: Document, i: int) -> tuple[ActorPhrase | None, int]:
        tokens = doc.tokens
        for norm, offset in clitic_stems(tokens[i].text):
            for phrase in self.by_first.get(norm, ()):
                following = tokens[i + 1 : i + len(phrase.words)]
                if len(following) == len(phrase.words) - 1 and all(
                    normalize(t.text) == w for t, w in zip(following, phrase.words[1:])
                ) and not self._concept(tokens, i + len(phrase.words), phrase.words):
                    return phrase, tokens[i].start + offset
        return None, 0


    def _concept(self, tokens: list[Token], after: int, words: tuple[str, ...]) -> bool:
        """"مستشار الأمن القومي": the group's words and the adjective after them name a concept, no group."""
        return after < len(tokens) and words + (normalize(tokens[after].text),) in self.concepts


def _free_ids(doc: Document) -> Iterator[str]:
    """"unnamed-1", "unnamed-2" ... skipping the ids of the document's entities (the quotes layer's unnamed
    speakers are numbered the same way)."""
    taken = {e.id for e in doc.entities}
    return (i for i in (f"unnamed-{n}" for n in count(1)) if i not in taken)


def _subject_of_opener(doc: Document, start: int, end: int) -> bool:
    """Whether the words at [start, end) stand right after the verb opening a sentence or a quote, with a definite
    noun after them that is no adjective (their object: "تابع الملك الأزمة")."""
    tokens = doc.tokens
    i = next(j for j, t in enumerate(tokens) if t.end > start)
    k = next(j for j in range(i, len(tokens)) if tokens[j].end >= end) + 1
    if i < 1 or k >= len(tokens):
        return False
    opener = tokens[i - 1]
    opens = i == 1 or tokens[i - 2].text in CLAUSE_OPENINGS or tokens[i - 2].sentence != opener.sentence
    following = tokens[k]
    return (opens and opener.text.isalpha() and not opener.article and following.article
            and not following.proclitics and not following.norm.endswith(ADJECTIVE_ENDINGS))


def _counted_groups(data: dict) -> list[tuple[str, ...]]:
    """The phrases of `collectives.yaml`: a dual head alone ("الزعيمان"), else a head and a numeral ("الدول الثلاث")."""
    numerals = [normalize(n) for n in data["numerals"]]
    out = []
    for group in data["groups"]:
        for word in map(normalize, group["words"]):
            out += [(word,)] if group.get("count") else [(word, n) for n in numerals]
    return out


@lru_cache(maxsize=100_000)
def clitic_stems(text: str) -> tuple[tuple[str, int], ...]:
    """(normalised stem, offset in the token) of every clitic split of a token, cached by its text."""
    return tuple((c.norm, c.start) for c in stem_candidates(text, 0))


def attach(doc: Document, entity: Entity, span: tuple[int, int]) -> None:
    """Add the unnamed entity to the document (once) with the mention it was found at; a named organisation it
    stands for keeps only its own name as mentions."""
    if entity.named:
        return
    if all(e.id != entity.id for e in doc.entities):
        doc.entities.append(entity)
    mention = Span(span[0], span[1], doc.text[span[0] : span[1]])
    if mention not in entity.mentions:
        entity.mentions.append(mention)


def _genitive_organisation(doc: Document, j: int) -> Entity | None:
    """The named organisation whose mention starts at token j, right after a group noun without the article (a
    construct: "ميليشيات الحوثي"; "مقاتلات التحالف الجيش الوطني" is the coalition's jets and their object)."""
    if j >= len(doc.tokens):
        return None
    token = doc.tokens[j]
    entity = doc.entity_at(token.start, token.end)
    if entity is None or not entity.named or entity.type != "ORG":
        return None
    # the name opens the token (after a hashtag at most): "لوكالة فرانس برس" after "المتظاهرين" is no genitive
    return entity if any(token.start <= m.start < token.end and not doc.text[token.start:m.start].strip("#_")
                         for m in entity.mentions) else None


def _owner(doc: Document, ids: set[str]) -> Entity | None:
    """The one organisation a group was named as part of: "ميليشيات الحوثي" then "الميليشيات" is the Houthis."""
    return doc.entity(next(iter(ids))) if len(ids) == 1 else None


def _named_match(doc: Document, group: Entity) -> Entity | None:
    """The one named organisation of the document with the group's sector (and country, when known): "قوات
    النظام السوري" is "الجيش السوري" named earlier, "قوات الجيش" the only army the article names."""
    sector = (group.actor_code or "")[len(group.country or ""):]
    if not sector:
        return None  # a counted group ("الدول الثلاث") stands for its members, not one organisation
    candidates = [e for e in doc.entities if e.named and e.type == "ORG" and e.actor_code
                  and e.actor_code.endswith(sector) and len(e.actor_code) == len(sector) + 3
                  and (group.country is None or e.actor_code == group.actor_code)]
    return candidates[0] if len(candidates) == 1 else None
