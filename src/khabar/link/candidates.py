"""KB candidates for a mention and the choice between them in the context of the article."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from khabar.entities.clubs import CLUB
from khabar.entities.gazetteer import PRONOUN_WORD_LETTERS
from khabar.kb import KBEntry, KnowledgeBase
from khabar.kb.keys import alias_key, skeleton_key, without_proclitics
from khabar.kb.model import CURATED_SOURCES
from khabar.kb.sources import WORLD_CITIES
from khabar.kb.translit import name_key, name_table
from khabar.link.context import WORD
from khabar.text.normalize import DIACRITICS, normalize

COMPATIBLE = {"PER": {"PER"}, "ORG": {"ORG"}, "GPE": {"GPE", "LOC"}, "LOC": {"LOC", "GPE"}}
MIN_FUZZY_LETTERS = 5  # shorter skeletons match too many unrelated names
COMMON_NAME_COUNT = 20  # spellings seen this often in the name-word table are names of their own
ENGLISH_ARTICLES = frozenset({"ذا", "ذي"})  # "The" as English names are written in Arabic
MEDIA_KINDS = frozenset({"media", "agency"})
_WEB_SUFFIX = re.compile(r"\s*\.\s*(?:نت|كوم|net|com)$", re.IGNORECASE)  # "العربية.نت", "ممزورلد.كوم"
_SOURCE_WEIGHT = {"curated": 0.6, "cldr": 0.6, "wikidata": 0.3, "anergazet+arwikicats": 0.2, "arwikicats": 0.1}


@dataclass(slots=True)
class Mention:
    start: int
    end: int
    text: str
    type: str
    source: str
    candidates: list[KBEntry] = field(default_factory=list)
    # how it was linked: gazetteer, exact, proclitic, title, institution, fuzzy, embedding, short form; "" (NIL)
    how: str = ""
    entry: KBEntry | None = None

    @property
    def key(self) -> str:
        return alias_key(self.text)


def find_candidates(kb: KnowledgeBase, mention: Mention) -> None:
    """Fill `mention.candidates`, moving the mention's start past a proclitic, a title or a descriptor
    when that is what makes it a known name ("وبيلاروسيا" -> "بيلاروسيا", "الرئيس فلاديمير بوتين" ->
    "فلاديمير بوتين", "صحيفة كوميرسانت" -> "كوميرسانت")."""
    found = _exact(kb, mention.text)
    if found:
        mention.candidates, mention.how = found, "exact"
        return
    for stripped, dropped in without_proclitics(mention.text):
        if found := _exact(kb, stripped):
            mention.start += dropped
            mention.text, mention.candidates, mention.how = mention.text[dropped:], found, "proclitic"
            return
    if found := _medium_as_written(kb, mention.text):
        mention.candidates, mention.how = found, "exact"
        return
    words = list(WORD.finditer(mention.text))[1:]
    for word in words:
        if not kb.starts_no_name(mention.text[: word.start()]):
            continue
        rest = mention.text[word.start() :]
        if found := _exact(kb, rest):
            mention.start += word.start()
            mention.text, mention.candidates, mention.how = rest, found, "title"
            return
    if _institution_with_adjective(kb, mention):
        return
    if len(skeleton_key(mention.text).replace(" ", "")) >= MIN_FUZZY_LETTERS:
        compatible = COMPATIBLE.get(mention.type)
        found = [  # not the world cities: too many to guess at ("الكومبيوتر" is no Coimbatore)
            e for e in kb.fuzzy(mention.text)
            if (not compatible or e.type in compatible) and _may_stand_for(kb, mention.text, e)
            and e.source != WORLD_CITIES
            and not (e.type == "PER" and _another_name(mention.text, e))
        ]
        if found:
            mention.candidates, mention.how = found, "fuzzy"


def _another_name(text: str, entry: KBEntry) -> bool:
    """Whether every name of the entry that is spelled like `text` (same skeleton) is another name: one word
    differs by the nisba ending ("الحسيني", "الحسين"), or both are common Arabic names of their own in the
    name-word table ("سعد" Saad, "سعيد" Saeed; "عيد", "عواد"), where a foreign name's vowel letters vary
    ("ديميتري", "دميتري")."""
    words = alias_key(text).split(" ")
    alike = [alias_key(n).split(" ") for n in entry.arabic_names() if skeleton_key(n) == skeleton_key(text)]
    return bool(alike) and all(
        len(name) == len(words) and any(_other_word(a, b) for a, b in zip(words, name) if a != b) for name in alike)


def _other_word(a: str, b: str) -> bool:
    if a + "ي" == b or b + "ي" == a:
        return True
    table = name_table().table
    known = [table.get(name_key(w)[0]) for w in (a, b)]
    return all(k and k[1] >= COMMON_NAME_COUNT for k in known) and known[0][0] != known[1][0]


def _medium_as_written(kb: KnowledgeBase, text: str) -> list[KBEntry]:
    """A medium named with the English article ("ذا تايمز", "ذي غارديان": The Times, The Guardian) or by its
    website ("العربية.نت"): the KB's medium of that Arabic name. Only media: "ذي قار" is a province."""
    head, _, rest = text.partition(" ")
    bare = rest if head in ENGLISH_ARTICLES and rest else _WEB_SUFFIX.sub("", text)
    return [e for e in kb.exact(bare) if e.kind in MEDIA_KINDS] if bare != text else []


def _exact(kb: KnowledgeBase, text: str) -> list[KBEntry]:
    return [e for e in kb.exact(text) if _may_stand_for(kb, text, e)]


def _may_stand_for(kb: KnowledgeBase, text: str, entry: KBEntry) -> bool:
    """Whether the name may stand for the entry: not a one-word name of an institution or derived person
    (KnowledgeBase.one_word_ok), not a person of the derived sources by a name of given names only, which the
    gazetteer does not match either ("محمد علي" is Muhammad Ali for arwikicats, and many others in the news);
    a family name with the article makes it more than given names ("خالد الفيصل")."""
    return kb.one_word_ok(entry, alias_key(text)) and not (
        entry.type == "PER" and entry.source not in CURATED_SOURCES and not kb.safe_alone(text)
        and not any(word.startswith("ال") for word in normalize(text).split())
    ) and not _pronoun_for_ta_marbuta(text, entry) and not _other_article(text, entry)


def _other_article(text: str, entry: KBEntry) -> bool:
    """A one-word name written with the article where the KB's names of that key never take it: the keys drop
    the article, but the words differ ("الفارس", the knight, is not Fars; "الجدة", the grandmother, not Jeddah;
    "السورية" is an adjective). The other way round is a foreign name's usual variation ("غارديان", "ناتو")."""
    word = normalize(text.strip())
    if " " in word or not word.startswith("ال"):
        return False
    same = [normalize(n) for n in _names_keyed_as(entry, word)]
    return bool(same) and not any(n.startswith("ال") for n in same)


def _pronoun_for_ta_marbuta(text: str, entry: KBEntry) -> bool:
    """A short one-word name the KB writes with ة only, written with ه: more often a noun and the pronoun ه
    ("جده", his grandfather, is not Jeddah), as the gazetteer holds too (see PRONOUN_WORD_LETTERS)."""
    word = text.strip()
    if " " in word or not word.endswith("ه") or len(word) > PRONOUN_WORD_LETTERS:
        return False
    same = _names_keyed_as(entry, word)
    return bool(same) and all(n.endswith("ة") for n in same)


def _names_keyed_as(entry: KBEntry, word: str) -> list[str]:
    """The entry's Arabic names (stripped) that share the word's key: the spellings the key has merged with it."""
    key = alias_key(word)
    return [n.strip() for n in entry.arabic_names() if alias_key(n) == key]


def trim_leading_words(kb: KnowledgeBase, mention: Mention) -> None:
    """Drop the title, descriptor or stray word a recogniser took into an unknown name: "حسب كراكوفيتش"
    -> "كراكوفيتش", "الشيخ بن كرعل" -> "بن كرعل"."""
    while True:
        first = WORD.match(mention.text)
        following = WORD.search(mention.text, first.end()) if first else None
        if following is None or not kb.starts_no_name(first.group()):
            return
        mention.start += following.start()
        mention.text = mention.text[following.start() :]


def _institution_with_adjective(kb: KnowledgeBase, mention: Mention) -> bool:
    """ "الجيش اللبناني", "وزارة الدفاع التركية": an institution and the adjective of its country."""
    head, _, last = mention.text.rpartition(" ")
    if not head or kb.nationality(last) is None:
        return False
    found = [e for e in kb.exact(head) if e.kind == "institution"]
    if found:
        mention.candidates, mention.how = found, "institution"
    return bool(found)


def extend_over_adjective(kb: KnowledgeBase, text: str, mention: Mention, entry: KBEntry | None) -> None:
    """An organisation's name takes the nationality adjective after it: "وزارة الخارجية" + " الروسية".
    Not an adjective of another country: in "ميليشيا الحوثي الإيرانية" it qualifies "ميليشيا"."""
    match = _NEXT_WORD.match(text, mention.end)
    country = kb.nationality(match.group(1)) if match else None
    if country and (entry is None or entry.country in (None, country)):
        mention.end = match.end(1)
        mention.text = text[mention.start : mention.end]


_NEXT_WORD = re.compile(r"[ \t]+([\u0621-\u064a\u064b-\u065f\u0640]+)")


def document_countries(mentions: list[Mention]) -> Counter[str]:
    """Countries the article is about, from the mentions that have a single candidate."""
    counts: Counter[str] = Counter()
    for m in mentions:
        if len(m.candidates) == 1 and m.candidates[0].country:
            counts[m.candidates[0].country] += 1
    return counts


def choose(
    mention: Mention, countries: Counter[str], linked_ids: set[str], safe_alone: bool = True, quoted: bool = False
) -> KBEntry | None:
    """The candidate the context supports best: the one written with the mention's own diacritics
    ("عمّان" is Amman, "عُمان" Oman), type agreeing with the recogniser, the article's countries, entries
    it names elsewhere (an organisation and its members), curated over derived. `safe_alone`: the mention's text
    is no common word or given name (KnowledgeBase.safe_alone), so a candidate of another type than the tagger's
    is more likely a tagging error ("روسيا" tagged as a person) than another name, unless the recogniser is sure of
    the type (a club named after its city: "روما الإيطالي"). A medium named by a common word
    ("الجزيرة", "المستقبل") is that medium only after its cue or a verb of reporting (the media recogniser), or
    `quoted` ('في تصريح إلى "الوطن"'): "سكان الجزيرة" are the island's people."""
    if not mention.candidates:
        return None
    compatible = COMPATIBLE.get(mention.type)
    diacritised = mention.text if DIACRITICS.search(mention.text) else None

    def score(entry: KBEntry) -> float:
        s = _SOURCE_WEIGHT.get(entry.source, 0.0)
        if diacritised and diacritised in entry.arabic_names():
            s += 3.0
        if compatible is None or entry.type in compatible:
            s += 2.0
        if entry.country and entry.country in countries:
            s += 1.0 + 0.1 * min(countries[entry.country], 5)
        if any(m in linked_ids for m in entry.member_of) or entry.id in linked_ids:
            s += 0.5
        s -= 0.05 * {"country": 0, "igo": 1, "agency": 2, "person": 3}.get(entry.kind, 4)
        return s

    best = max(mention.candidates, key=score)
    if mention.source != "gazetteer" and compatible and best.type not in compatible and (
        mention.how == "fuzzy" or not safe_alone or mention.source == CLUB
    ):
        return None  # then the wrong type is more often another name ("اللواء علي الأحمدي" is no Kuwaiti city)
    if best.kind == "media" and not (safe_alone or quoted) and mention.source not in ("media", "gazetteer"):
        return None
    return best
