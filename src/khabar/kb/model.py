"""The knowledge base: entries with Arabic/English names, country, dated positions and actor codes."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from khabar.kb.keys import alias_key, demonym_key, skeleton_key
from khabar.text.normalize import normalize


@dataclass(frozen=True, slots=True)
class Position:
    """A dated role: head of state of RUS from 2000-05-07 to 2008-05-07, coded RUSGOV."""

    role: str
    country: str | None
    code: str
    start: dt.date | None = None
    end: dt.date | None = None

    def valid_on(self, day: dt.date | None) -> bool:
        if day is None:
            return self.end is None
        return (self.start is None or self.start <= day) and (self.end is None or day < self.end)

    def to_dict(self) -> dict[str, Any]:
        return {
            "role": self.role,
            "country": self.country,
            "code": self.code,
            "start": self.start.isoformat() if self.start else None,
            "end": self.end.isoformat() if self.end else None,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Position:
        return cls(
            role=d["role"],
            country=d.get("country"),
            code=d["code"],
            start=_date(d.get("start")),
            end=_date(d.get("end")),
        )


def _unique(names: Iterable[str], exclude: str | None = None) -> list[str]:
    return [n for n in dict.fromkeys(names) if n and n != exclude]


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


@dataclass(slots=True)
class KBEntry:
    id: str
    type: str  # PER | ORG | GPE | LOC
    name_ar: str
    name_en: str
    kind: str  # country, territory, city, region, igo, agency, media, party, armed_group, org, person, ...
    country: str | None = None  # ISO alpha-3, or "IGO"
    wikidata: str | None = None
    aliases_ar: list[str] = field(default_factory=list)
    aliases_en: list[str] = field(default_factory=list)
    sector: str | None = None  # CAMEO sector code for organisations (GOV, MIL, MED, ...)
    positions: list[Position] = field(default_factory=list)
    member_of: list[str] = field(default_factory=list)  # entry ids
    source: str = ""

    def actor_code(self, on: dt.date | None = None) -> str | None:
        """Country + sector (PLOVER/CAMEO style) as of `on`; former officeholders are elites (ELI)."""
        current = [p for p in self.positions if p.valid_on(on)]
        if current:
            return current[0].code
        if self.kind in ("country", "territory"):
            return self.country
        if self.country == "IGO":
            return "IGO" + (self.sector or "")
        if self.positions and on is not None and any(p.end and p.end <= on for p in self.positions):
            return (self.country or "") + "ELI"
        if self.country:
            return self.country + (self.sector or "")
        return None

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {
            "id": self.id,
            "type": self.type,
            "name_ar": self.name_ar,
            "name_en": self.name_en,
            "kind": self.kind,
        }
        optional = {
            "country": self.country,
            "wikidata": self.wikidata,
            "aliases_ar": self.aliases_ar,
            "aliases_en": self.aliases_en,
            "sector": self.sector,
            "positions": [p.to_dict() for p in self.positions],
            "member_of": self.member_of,
            "source": self.source,
        }
        d.update({k: v for k, v in optional.items() if v})
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> KBEntry:
        return cls(
            id=d["id"],
            type=d["type"],
            name_ar=d["name_ar"],
            name_en=d["name_en"],
            kind=d["kind"],
            country=d.get("country"),
            wikidata=d.get("wikidata"),
            aliases_ar=list(d.get("aliases_ar", ())),
            aliases_en=list(d.get("aliases_en", ())),
            sector=d.get("sector"),
            positions=[Position.from_dict(p) for p in d.get("positions", ())],
            member_of=list(d.get("member_of", ())),
            source=d.get("source", ""),
        )

    def absorb(self, other: KBEntry) -> None:
        """Take the other entry's names as aliases, and the fields this one lacks."""
        self.aliases_ar = _unique([*self.aliases_ar, other.name_ar, *other.aliases_ar], exclude=self.name_ar)
        self.aliases_en = _unique([*self.aliases_en, other.name_en, *other.aliases_en], exclude=self.name_en)
        self.wikidata = self.wikidata or other.wikidata
        self.country = self.country or other.country
        self.sector = self.sector or other.sector
        self.positions = self.positions or other.positions
        self.member_of = _unique([*self.member_of, *other.member_of])

    def arabic_names(self) -> Iterator[str]:
        yield self.name_ar
        yield from self.aliases_ar


CURATED_SOURCES = {"curated", "cldr"}

# Entries of these kinds win a tie between candidates of otherwise equal weight: a bare "الأردن" is the
# country, not a person nicknamed so in some dictionary.
KIND_PRIORITY = {"country": 0, "igo": 1, "territory": 2, "agency": 3, "person": 4, "city": 5, "region": 6}


class KnowledgeBase:
    def __init__(
        self,
        entries: Iterable[KBEntry],
        nationalities: dict[str, str],
        roles: dict[str, dict[str, str]],
        ambiguous_alone: Iterable[str] = (),
        descriptors: Iterable[str] = (),
        not_in_names: Iterable[str] = (),
        role_names: dict[str, str] | None = None,
    ):
        self.entries: dict[str, KBEntry] = {}
        self._by_alias: dict[str, list[str]] = {}
        self._by_skeleton: dict[str, list[str]] = {}
        self._by_english: dict[str, list[str]] = {}
        self._by_wikidata: dict[str, str] = {}
        self._officeholder_index: dict[tuple[str, str | None], list[KBEntry]] | None = None
        self._by_first_words: dict[str, list[str]] | None = None
        for entry in entries:
            self.add(entry)
        self._nationalities = nationalities  # normalised demonym form -> ISO3
        self.roles = roles  # normalised Arabic role noun -> {"role": english role, "sector": code}
        self._ambiguous_alone = set(ambiguous_alone)  # alias keys the gazetteer should not match on their own
        self._descriptors = set(descriptors)  # "صحيفة", "وكالة", ...: words before a name, not in it
        self._not_in_names = set(not_in_names)  # "حسب", "قال", ...: words that never begin a name
        self._role_names = role_names or {}  # "prime minister" -> "head_of_government"

    def add(self, entry: KBEntry) -> None:
        self.entries[entry.id] = entry
        for name in entry.arabic_names():
            _index(self._by_alias, alias_key(name), entry.id)
            _index(self._by_skeleton, skeleton_key(name), entry.id)
        for name in [entry.name_en, *entry.aliases_en]:
            _index(self._by_english, name.casefold(), entry.id)
        if entry.wikidata:
            self._by_wikidata[entry.wikidata] = entry.id
        self._officeholder_index = None
        self._by_first_words = None

    def merge(self, entry: KBEntry) -> None:
        """Add an entry, or give the entry with its id the new names and what it lacked."""
        old = self.entries.get(entry.id)
        if old is not None:
            old.absorb(entry)
        self.add(old or entry)

    def __len__(self) -> int:
        return len(self.entries)

    def get(self, entry_id: str) -> KBEntry | None:
        return self.entries.get(entry_id)

    def by_wikidata(self, qid: str) -> KBEntry | None:
        entry_id = self._by_wikidata.get(qid)
        return self.entries[entry_id] if entry_id else None

    def alias_entries(self) -> Iterator[tuple[str, str]]:
        """(Arabic alias as written, entry id) for the aliases that are safe to match in running text.

        Left out: names that are also common words ("أكبر", "الوطن"), one-word names of people from the
        large derived sources, which are mostly first names or surnames shared by many, and one-word
        institutions ("الجيش"), which are names only with their nationality adjective.
        """
        for entry in self.entries.values():
            for name in dict.fromkeys(entry.arabic_names()):
                if self._safe_alone(entry, alias_key(name)):
                    yield name, entry.id

    def _safe_alone(self, entry: KBEntry, key: str) -> bool:
        return key not in self._ambiguous_alone and self.one_word_ok(entry, key) and not self._described_word(key)

    def _described_word(self, key: str) -> bool:
        """A descriptor and a common word ("صحيفة الجزيرة", "صحيفة الوطن"): the media recogniser finds the name
        after its cue, the name alone as the guideline wants, and the linker reads the cue (Linker._medium_with_cue)."""
        first, _, rest = key.partition(" ")
        return first in self._descriptors and rest in self._ambiguous_alone

    def safe_alone(self, name: str) -> bool:
        """Whether `name` on its own is safe to take for a name (not a common word such as "بيت")."""
        return alias_key(name) not in self._ambiguous_alone

    @staticmethod
    def one_word_ok(entry: KBEntry, key: str) -> bool:
        """Whether a one-word name may stand for the entry: not a generic institution ("الجيش"), not a
        person of the large derived sources (a first name: "محمد" is not the Prophet)."""
        if " " in key:
            return True
        return entry.kind != "institution" and not (entry.type == "PER" and entry.source not in CURATED_SOURCES)

    def lookup(self, name: str, fuzzy: bool = True) -> list[KBEntry]:
        """Entries whose Arabic or English name matches `name`, best first; spelling variants when `fuzzy`."""
        ids = self._by_alias.get(alias_key(name)) or self._by_english.get(name.casefold().strip())
        if not ids and (rest := self.without_descriptor(name)):
            ids = self._by_alias.get(alias_key(rest))
        if not ids and fuzzy:
            ids = self._by_skeleton.get(skeleton_key(name))
        return self._rank(ids or [])

    def without_descriptor(self, name: str) -> str | None:
        """ "صحيفة كوميرسانت" -> "كوميرسانت"; None when the name does not start with a descriptor."""
        head, _, rest = name.strip().partition(" ")
        return rest if rest and self.is_descriptor(head) else None

    def is_descriptor(self, words: str) -> bool:
        return alias_key(words) in self._descriptors

    def starts_no_name(self, words: str) -> bool:
        """Whether `words`, at the start of a mention, come before the name: titles ("الرئيس الروسي",
        "رئيس الوزراء"), nationality adjectives, descriptors, words that never begin a name."""
        keys = alias_key(words).split(" ")
        i = 0
        while i < len(keys):
            title = next((n for n in range(min(4, len(keys) - i), 0, -1) if " ".join(keys[i : i + n]) in self.roles), 0)
            if title:
                i += title
            elif keys[i] in self._descriptors or keys[i] in self._not_in_names or keys[i] in self._nationalities:
                i += 1
            else:
                return False
        return bool(keys) and keys != [""]

    def entries_starting_with(self, name: str) -> list[KBEntry]:
        """Entries with a name of more words that begins with `name`: "القوات المسلحة" -> the entry
        named "القوات المسلحة المصرية"."""
        if self._by_first_words is None:
            index: dict[str, list[str]] = {}
            for key, ids in self._by_alias.items():
                words = key.split(" ")
                for n in range(1, len(words)):
                    index.setdefault(" ".join(words[:n]), []).extend(ids)
            self._by_first_words = index
        return self._rank(self._by_first_words.get(alias_key(name), []))

    def exact(self, name: str) -> list[KBEntry]:
        return self._rank(self._by_alias.get(alias_key(name), []))

    def fuzzy(self, name: str) -> list[KBEntry]:
        return self._rank(self._by_skeleton.get(skeleton_key(name), []))

    def _rank(self, ids: list[str]) -> list[KBEntry]:
        entries = [self.entries[i] for i in dict.fromkeys(ids)]
        return sorted(entries, key=lambda e: (KIND_PRIORITY.get(e.kind, 9), e.source != "curated"))

    def nationality(self, word: str) -> str | None:
        """ISO3 of the country a demonym form refers to: الروسي/الروسية/الروس/روسي -> RUS. A form that
        begins with ال may be one whose أل lost its hamza ("المان" for "ألمان")."""
        found = self._nationalities.get(demonym_key(word))
        if found is None and normalize(word).startswith("ال"):
            found = self._nationalities.get(normalize(word.strip()))
        return found

    def role(self, noun: str) -> dict[str, str] | None:
        return self.roles.get(alias_key(noun))

    def officeholder(self, role_en: str, country: str | None, on_date: dt.date | None) -> KBEntry | None:
        """Who held `role_en` ("head_of_government", or in plain English "prime minister", "king") for
        `country` on `on_date`."""
        role = self.role_name(role_en)
        for entry in self.holders(role, country):
            if any(p.role == role and p.country == country and p.valid_on(on_date) for p in entry.positions):
                return entry
        return None

    def role_name(self, role_en: str) -> str:
        return self._role_names.get(role_en.casefold().strip(), role_en)

    def holders(self, role_en: str, country: str | None) -> list[KBEntry]:
        """Everyone who ever held `role_en` for `country` (an ISO3 code, or an organisation's id)."""
        role_en = self.role_name(role_en)
        index = self._officeholder_index
        if index is None:
            index = {}
            for entry in self.entries.values():
                for p in entry.positions:
                    holders = index.setdefault((p.role, p.country), [])
                    if entry not in holders:
                        holders.append(entry)
            self._officeholder_index = index
        return index.get((role_en, country), [])


def _index(table: dict[str, list[str]], key: str, entry_id: str) -> None:
    if not key:
        return
    ids = table.setdefault(key, [])
    if entry_id not in ids:
        ids.append(entry_id)
