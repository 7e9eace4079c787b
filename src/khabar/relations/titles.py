"""position_held and affiliated_with from titles around a person's name.

Before the name: "رئيس الوزراء الروسي ميخائيل ميشوستين" (title + demonym), "أول رئيس لجمهورية كازاخستان، نور
سلطان نزارباييف" (title + state). After it: "الملك عبدالله الثاني ملك الأردن", "نزارباييف، بصفته الرئيس الفخري لمجلس
...". The object is the state or organisation named in the title, or the country of its demonym.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from khabar.document import Document, Relation
from khabar.events.arguments import Mention, MentionIndex
from khabar.events.demonyms import country_entity, demonym_stem, is_country
from khabar.text import normalize

DATA = Path(__file__).resolve().parent.parent / "data" / "relations"
TITLE_WINDOW = 12  # tokens searched before a name for its title
APPOSITION_WINDOW = 4  # tokens after a name where an appositive title may start
APPOSITION_OBJECT = 4  # tokens after that title where its state or organisation may start
CONJUNCT_WORDS = 4  # words of a second body joined to a title's organisation ("وإدارة البحوث العلمية والإفتاء")
PUNCTUATION = frozenset({"،", ",", "(", ")", "-", "–"})
COMMAS = frozenset({"،", ","})
LOCATIVE = frozenset({"في", "ب"})
COUNTERPART = "counterpart"  # the role "نظيره" gives, until read from the post of the other person
POSTING = frozenset(normalize(w) for w in ("ل", "لدى", "إلى", "في"))  # as MentionIndex writes prepositions


@dataclass(frozen=True, slots=True)
class Title:
    words: tuple[str, ...]
    state_role: str | None
    org_role: str | None
    posting: bool = False
    staff: bool = False  # a job in an organisation rather than an office of it: affiliated_with


@dataclass(frozen=True, slots=True)
class TitleHit:
    title: Title
    first: int
    last: int  # one past the title's last token


class TitleReader:
    def __init__(self) -> None:
        data = yaml.safe_load((DATA / "titles.yaml").read_text(encoding="utf-8"))
        titles = sorted(
            (Title(tuple(normalize(k).split()), v.get("state"), v.get("org"), bool(v.get("posting")),
                   bool(v.get("staff")))
             for k, v in data["titles"].items()),
            key=lambda t: -len(t.words),
        )
        self.titles_by_head: dict[str, list[Title]] = {}  # longest first
        for title in titles:
            self.titles_by_head.setdefault(title.words[0], []).append(title)
        self.modifiers = {normalize(k): v for k, v in data["modifiers"].items()}
        self.fillers = frozenset(normalize(w) for w in data["fillers"]) | {"بصفته", "بصفتها", "باسم"}
        self.parties = tuple(normalize(w) for w in data["parties"])

    def extract(self, doc: Document, index: MentionIndex) -> list[Relation]:
        words = index.words
        out = []
        types = {e.id: e.type for e in doc.entities}
        for sentence in doc.sentences:
            pool = index.in_tokens(sentence.token_start, sentence.token_end)
            for m in pool:
                if types.get(m.entity) != "PER":
                    continue
                # titles before and after the name may both hold: "زعيم حركة الإنصاف ...، عمران خان، رئيسا
                # لوزراء باكستان"
                out += self._before(doc, words, pool, m, sentence.token_start, types)
                out += self._after(doc, words, pool, m, sentence.token_end, types)
        return _counterparts(out)

    def _title_at(self, words: list[str], i: int, limit: int) -> TitleHit | None:
        candidates = [t for head in _heads(words[i]) for t in self.titles_by_head.get(head, ())]
        for title in sorted(candidates, key=lambda t: -len(t.words)):
            n = len(title.words)
            if i + n <= limit and tuple(words[i + 1 : i + n]) == title.words[1:]:
                return TitleHit(title, i, i + n)
        return None

    def _before(self, doc, words, pool, m: Mention, first: int, types) -> list[Relation]:
        """Relations from the titles before a name; stacked titles each give one: "وزير التعليم والخبير
        الاقتصادي بالبنك الدولي عمر الرزاز"."""
        out: list[Relation] = []
        barrier = m.first_token  # where the text between a title and the name (or the next title) ends
        for i in range(m.first_token - 1, max(first, m.first_token - TITLE_WINDOW) - 1, -1):
            if i >= barrier:
                continue
            hit = self._title_at(words, i, barrier)
            if hit is None:
                continue
            relation = self._title_before(doc, words, pool, m, hit, barrier, types, stacked=bool(out))
            if relation is None and words[i] in self.fillers:
                continue  # an honorific that is also a title ("الشيخ"): the office may stand before it
            if relation is None:
                break
            out.append(relation)
            barrier = hit.first
        return out

    def _title_before(self, doc, words, pool, m: Mention, hit: TitleHit, barrier: int, types,
                      stacked: bool) -> Relation | None:
        between = range(hit.last, barrier)
        # the title may end inside the organisation's name: "رئيس هيئة" + "هيئة كبار العلماء"
        inner = [p for p in pool if hit.first < p.first_token and p.last_token < barrier]
        # a person named inside a descriptive phrase ("للتحقيق بكلينتون") is not another title holder
        people = [p for p in inner if types.get(p.entity) == "PER" and p.preposition is None]
        if people:
            # "الرئيس التركي أردوغان والروسي بوتين": a shared title, this person's own demonym after the other
            between = range(people[-1].last_token + 1, barrier)
            if not stacked and between and all(self._filler(words[j]) for j in between):
                return self._relation(doc, words, hit, m, [], between, types, m.start, m.end)
            return None
        covered = {j for p in inner for j in range(p.first_token, p.last_token + 1)}
        unknown = [j for j in between if j not in covered and not self._filler(words[j])]
        if unknown and inner and _conjunct_after(words, unknown, inner[-1]):
            unknown = []  # a second body joined to the named one: "رئيس هيئة كبار العلماء وإدارة البحوث ..."
        # one unknown word right before the name is a first name the recogniser left out ("سعد #الحريري"); a
        # longer description is allowed when the name stands apart in commas: "المستشار الخاص بالتحقيقات
        # ...، روبرت مولر،"
        first_name = unknown in ([m.first_token - 1], [m.first_token - 2])
        commas = [j for j in between if words[j] in COMMAS]
        set_apart = bool(commas) and all(self._filler(words[j]) for j in range(commas[-1], m.first_token))
        if unknown and (stacked or not (first_name or set_apart)):
            return None
        return self._relation(doc, words, hit, m, inner, between, types, m.start, m.end)

    def _after(self, doc, words, pool, m: Mention, last: int, types) -> list[Relation]:
        for i in range(m.last_token + 1, min(last, m.last_token + 1 + APPOSITION_WINDOW)):
            if not (words[i] in PUNCTUATION or self._filler(words[i]) or self._title_at(words, i, last)):
                return []
            hit = self._title_at(words, i, last)
            if hit is None:
                continue
            if words[i] not in hit.title.words[:1] or hit.title.state_role == COUNTERPART:
                # "بومبيو ونظير ...": a conjoined title is another person, not an apposition; "التقى ماكرون نظيره
                # الروسي": the counterpart after a name is the verb's object
                return []
            return self._appositions(doc, words, pool, m, hit, last, types)
        return []

    def _appositions(self, doc, words, pool, m: Mention, hit: TitleHit, last: int, types) -> list[Relation]:
        """An appositive title and the titles conjoined to it, each with the state or organisation after it:
        "محمد بن زايد ولي عهد أبو ظبي ونائب القائد الأعلى للقوات المسلحة في دولة الإمارات"."""
        out = []
        while hit is not None:
            inner = [p for p in pool if hit.last <= p.first_token <= hit.last + APPOSITION_OBJECT
                     and types.get(p.entity) != "PER"]
            span = range(hit.last, min(last, hit.last + APPOSITION_OBJECT))
            relation = self._relation(doc, words, hit, m, inner[:1], span, types, m.start,
                                      doc.tokens[hit.last - 1].end)
            out += [relation] if relation else []
            start = inner[0].last_token + 1 if inner else hit.last
            hit = next((h for j in range(start, min(last, start + 2)) if words[j].startswith("و")
                        and (h := self._title_at(words, j, last))), None)
            if hit and self._holder_follows(words, pool, hit, types):
                break  # "ملك الأردن والشيخ صباح ...": the conjoined title is another person's
        return out

    def _holder_follows(self, words, pool, hit: TitleHit, types) -> bool:
        """A person named right after a title (past honorifics) holds it."""
        j = hit.last
        while j < len(words) and words[j] in self.fillers:
            j += 1
        return words[hit.first][1:] in self.fillers or any(
            p.first_token == j and types.get(p.entity) == "PER" for p in pool)

    def _relation(self, doc, words, hit: TitleHit, m: Mention, inner: list[Mention], between, types,
                  start: int, end: int) -> Relation | None:
        # "القائم بالأعمال الأمريكي في أنقرة": a place after في/ب is where the person is, not whose post it is
        # ... but "الخبير بالبنك الدولي" works at the bank: only places are excluded
        excluded = LOCATIVE | (POSTING if hit.title.posting else frozenset())
        # a state title ("ولي العهد") never names an organisation it is held in
        objects = [p for p in inner if (types.get(p.entity) == "ORG" and hit.title.org_role)
                   or (types.get(p.entity) in ("GPE", "LOC") and p.preposition not in excluded)]
        obj = objects[0].entity if objects else None
        if obj is None:
            # the demonym nearest the name: "الرئيس التركي ... والروسي فلاديمير بوتين"
            country = next((country_entity(doc, doc.tokens[j].text) for j in reversed(between)
                            if demonym_stem(words[j]) and country_entity(doc, doc.tokens[j].text)), None)
            obj = country.id if country else None
        if obj is None and hit.title.state_role and not hit.title.posting:
            # "القائد الأعلى للقوات المسلحة في دولة الإمارات": for an office, not a posting, في names the state
            obj = next((p.entity for p in inner if p.preposition in LOCATIVE and is_country(doc.entity(p.entity))),
                       None)
        if obj is None and hit.title.state_role:
            # no state named in the title ("رئيس الوزراء هاني الملقي"): the person's own country, when stated
            person = doc.entity(m.entity)
            country = next((e for e in doc.entities if person and person.country and e.country == person.country
                            and is_country(e)), None)
            obj = country.id if country else None
        if obj is None or obj == m.entity:
            return None
        is_org = types.get(obj) == "ORG"
        role = (hit.title.org_role or hit.title.state_role) if is_org else (hit.title.state_role or hit.title.org_role)
        if role is None:
            return None
        nearby = [words[j] for j in range(max(0, hit.first - 1), hit.last + 3) if j < len(words)]
        found = [self.modifiers[w] for w in nearby if w in self.modifiers]
        role = " ".join(dict.fromkeys([m for m in found if m != "designate"] + [role]))
        if "designate" in found and not role.endswith("designate"):
            role += "-designate"  # "رئيس الوزراء اللبناني المكلف"
        rtype = "position_held"
        obj_entity = doc.entity(obj)
        named_with = {words[j] for j in range(hit.last, min(len(words), hit.last + 2))}
        if obj_entity:
            named_with.add(normalize(obj_entity.name))
        if is_org and (hit.title.staff or any(p in w for p in self.parties for w in named_with)):
            rtype = "affiliated_with"
        s = min(start, doc.tokens[hit.first].start)
        e = max(end, doc.tokens[hit.last - 1].end)
        return Relation(rtype, m.entity, obj, doc.span(s, e), role)

    def _filler(self, word: str) -> bool:
        return any(
            w in PUNCTUATION or w in self.fillers or w in self.modifiers or w in self.parties
            or demonym_stem(w) is not None
            for w in _heads(word)
        )


def _counterparts(relations: list[Relation]) -> list[Relation]:
    """"نظيره الروسي فلاديمير بوتين" holds the post of the person he is the counterpart of: the role of the last
    other person's post told before ("الرئيس الفرنسي إيمانويل ماكرون ... نظيره"), else no relation."""
    out, last = [], None
    for relation in sorted(relations, key=lambda r: r.evidence.start):
        if relation.role != COUNTERPART:
            last = relation
        elif last is not None and last.subject != relation.subject:
            relation.role = last.role
        else:
            continue
        out.append(relation)
    return sorted(out, key=relations.index)


def _conjunct_after(words: list[str], unknown: list[int], last: Mention) -> bool:
    """The unknown words form one short conjunct ("و" + noun ...) right after the last named object."""
    start = last.last_token + 1
    return unknown[0] == start and words[start].startswith("و") and unknown[-1] < start + CONJUNCT_WORDS


def _heads(word: str) -> set[str]:
    """The word and the word without an attached conjunction or preposition ("ووزير", "بالرئيس", "للرئيس")."""
    heads = {word}
    rest = word[1:] if word[:1] in "وف" else word
    heads.add(rest)
    if rest[:1] in "بل" and len(rest) > 3:
        heads.add(rest[1:])
        if rest.startswith("لل"):
            heads.add("ا" + rest[1:])
    return heads
