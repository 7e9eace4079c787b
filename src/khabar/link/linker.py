"""The linking component: recognised names -> KB entries -> in-document entities with actor codes."""

from __future__ import annotations

import os
import re
from collections import Counter
from functools import partial

from khabar.document import Document, Entity, EntitySpan
from khabar.entities.clubs import CLUB
from khabar.entities.heads import NameHeads
from khabar.kb import KBEntry, KnowledgeBase, load_kb
from khabar.kb.keys import alias_key, without_proclitics
from khabar.kb.name_words_en import generic_name
from khabar.kb.sources import read_yaml
from khabar.kb.translit import transliterate
from khabar.link import embed
from khabar.link.candidates import (
    COMPATIBLE,
    MEDIA_KINDS,
    Mention,
    choose,
    document_countries,
    extend_over_adjective,
    find_candidates,
    trim_leading_words,
)
from khabar.link.cluster import add_short_forms, cluster
from khabar.link.context import describe
from khabar.link.describe import officeholder_described, set_from_entry
from khabar.link.states import StateReferences
from khabar.text.normalize import normalize_word

CONTEXT_CHARS = 60  # how far before a name to look for the title that describes it
MAX_TITLE_WORDS = 4
MAX_TITLE_COUNTRIES = 3
JOINT_WORDS = frozenset({"مشترك", "مشتركه"})  # "اللجنة العليا المشتركة" belongs to the sides that formed it
_NAME_NOISE = re.compile(r"[#_]+")
PLACE_KINDS = frozenset({"country", "city", "region"})
_LETTERS = "[\u0621-\u064a\u064b-\u065f]+"
_JOINED_NAME = re.compile(rf"(?<!\w){_LETTERS}(?:(?:_|\s#){_LETTERS})+")
_WORD_START = re.compile(_LETTERS)
# a blessing after a name is no part of it: "صلى الله عليه وسلم", "رضي الله عنه", "رحمه الله", "عليه السلام"
# the words between a person's name and an institution that make it part of their title: no punctuation, ending in
# "رئيس"/"نائب" ("محمد بن سلمان ولي ولي العهد النائب الثاني لرئيس مجلس الوزراء")
_TITLE_GAP = re.compile(rf"[^.,،:;!?\"«»()\n]{{0,{CONTEXT_CHARS}}}(?:^|\s)[وفل]?(?:رئيس|نائب)\s+")
_QUOTES = re.compile(r"[\"«»“”]")
_BLESSING = re.compile(r"\s+(?:صلى|صلّى|رضي|رضى|رحمه|رحمها|عليه|عليها|قدس)\s+(?:الله|السلام|سره)")


def resolve_overlaps(spans: list[EntitySpan]) -> list[EntitySpan]:
    """Non-overlapping spans, preferring the longer, then the KB-backed one."""
    ranked = sorted(spans, key=lambda s: (-(s.end - s.start), s.kb_id is None, s.start))
    kept: list[EntitySpan] = []
    for span in ranked:
        if all(span.end <= k.start or k.end <= span.start for k in kept):
            kept.append(span)
    return sorted(kept, key=lambda s: s.start)


def strip_unknown_proclitics(mentions: list[Mention]) -> None:
    """A name the KB does not know that the recogniser took with a proclitic ("بمونيكا لوينسكي") starts
    after it when the article writes the name, or its surname, without it elsewhere."""
    names = {m.key for m in mentions} | {m.key.split(" ")[-1] for m in mentions if m.type == "PER"}
    for m in mentions:
        if m.candidates:
            continue
        for form, dropped in without_proclitics(m.text):
            if alias_key(form) in names:
                m.start += dropped
                m.text = form  # after لـ with the article's alef restored (للكاب -> الكاب), for clustering
                break


def _has_letters(doc: Document, span: EntitySpan) -> bool:
    return any(ch.isalpha() for ch in doc.text[span.start : span.end])


class Linker:
    """`embeddings`: also try the sentence-encoder fallback (khabar.link.embed) on recognised names that
    nothing else matched; None: when $KHABAR_LINK_EMBEDDINGS is 1 and the encoder and vectors are installed."""

    name = "link"

    def __init__(self, kb: KnowledgeBase | None = None, embeddings: bool | None = None):
        self.kb = kb or load_kb()
        self.bare_heads = {alias_key(w) for w in read_yaml("anaphora.yaml")["bare_heads"]}
        self.organisation_heads = NameHeads.load().organisation
        self.states = StateReferences(self.kb)
        if embeddings is None:
            embeddings = os.environ.get("KHABAR_LINK_EMBEDDINGS") == "1" and embed.available()
        self.embeddings = embed.NameEmbeddings(self.kb) if embeddings else None

    def __call__(self, doc: Document) -> None:
        spans = [
            s for s in resolve_overlaps([*doc.entity_spans, *self._joined_names(doc.text)]) if _has_letters(doc, s)
        ]
        mentions = [m for m in map(partial(self._mention, doc), spans) if m.candidates or not self._no_name(m)]
        strip_unknown_proclitics(mentions)
        if self.embeddings is not None:
            self._embedding_candidates(mentions)
        countries = document_countries(mentions)
        linked = {m.candidates[0].id for m in mentions if len(m.candidates) == 1}
        titled: dict[str, KBEntry] = {}
        for m in mentions:
            m.entry = choose(m, countries, linked, self.kb.safe_alone(m.text), _set_apart(doc, m))
            if m.entry is None and m.type == "PER" and " " not in m.text.strip():
                m.entry = self._titled_officeholder(doc, m, countries)
                if m.entry is not None:
                    titled.setdefault(m.key, m.entry)
        for m in mentions:  # the same name elsewhere in the article, without its title
            if m.entry is None and m.type == "PER" and m.key in titled:
                m.entry = titled[m.key]
        groups = cluster(mentions)
        add_short_forms(self.kb, doc.text, groups, self.bare_heads)
        doc.entities = [self._entity(doc, f"e{i}", group, countries) for i, group in enumerate(groups, 1)]
        self.states(doc)  # "المملكة"

    def _no_name(self, mention: Mention) -> bool:
        """A recognised "name" made only of titles, descriptors and honorifics ("مدينة", "سماحة مفتي")."""
        return self.kb.starts_no_name(mention.text)

    def _joined_names(self, text: str) -> list[EntitySpan]:
        """Names written as hashtags, which the tokenizer splits: "كيم_يونغ_أون", "سعد #الحريري"."""
        spans: list[EntitySpan] = []
        if "_" not in text and "#" not in text:
            return spans
        for match in _JOINED_NAME.finditer(text):
            # the match may begin with a word before the tag ("التقى #كيم_يونغ_أون"): try from each word
            for word in _WORD_START.finditer(match.group()):
                start = match.start() + word.start()
                found = self.kb.exact(text[start : match.end()])
                if found:
                    spans.append(EntitySpan(start, match.end(), found[0].type, "hashtag", found[0].id))
                    break
        return spans

    def _embedding_candidates(self, mentions: list[Mention]) -> None:
        # Names of two words or more only: one word ("خان") is too little to tell people apart.
        missed = [m for m in mentions if not m.candidates and m.source == "ner" and len(m.key.split()) >= 2]
        for m, entry in zip(missed, self.embeddings.match([m.text for m in missed])):
            if entry is not None and entry.type in COMPATIBLE.get(m.type, {entry.type}):
                m.candidates, m.how = [entry], "embedding"

    def _mention(self, doc: Document, span: EntitySpan) -> Mention:
        m = Mention(span.start, span.end, doc.text[span.start : span.end], span.type, span.source)
        if m.type == "PER" and (formula := _BLESSING.search(m.text)):  # "محمد صلى الله عليه وسلم"
            m.end = m.start + formula.start()
            m.text = m.text[: formula.start()]
        entry = self.kb.get(span.kb_id) if span.kb_id else None
        if span.source == "media" and entry is None:
            entry = self._medium_with_cue(doc, m)
        if (m.type == "ORG" or (entry and entry.type == "ORG")) and span.source != CLUB:  # "روما الإيطالي": Roma
            end = m.end
            extend_over_adjective(self.kb, doc.text, m, entry)
            if m.end != end:
                find_candidates(self.kb, m)  # "وزارة الخارجية الروسية" may be a name of its own
                if m.candidates:
                    return m
        if entry is not None:
            m.candidates, m.how = [entry, *[e for e in self.kb.exact(m.text) if e.id != entry.id]], "gazetteer"
        elif not m.candidates:
            find_candidates(self.kb, m)
            if not m.candidates and span.source not in ("gazetteer", "head") and not self._named_by_head(m):
                trim_leading_words(self.kb, m)
        return m

    def _medium_with_cue(self, doc: Document, m: Mention) -> KBEntry | None:
        """The medium the cue noun and the name make together: "صحيفة الجزيرة" is the Saudi daily, "الجزيرة" alone
        the Qatari channel. The mention stays the name alone."""
        words = _QUOTES.sub(" ", doc.text[max(0, m.start - CONTEXT_CHARS) : m.start]).split()  # صحيفة "الجزيرة"
        if not words:
            return None
        cue = words[-1]
        for form in (cue, cue[1:]):  # "لصحيفة"
            found = [e for e in self.kb.exact(f"{form} {m.text}") if e.kind in MEDIA_KINDS]
            if found:
                return found[0]
        return None

    def _titled_officeholder(self, doc: Document, m: Mention, countries: Counter[str]) -> KBEntry | None:
        """ "الملك سلمان", "السلطان قابوس": a given name after a title is the holder of that title on the day whose
        name begins with it (a bare title is the office of the article's main country)."""
        before = doc.text[max(0, m.start - CONTEXT_CHARS) : m.start].split("\n")[-1].split()
        key = alias_key(m.text)
        # a bare title is any of the article's countries' whose holder has that name ("الملك سلمان" in a story
        # about an American visit to Riyadh)
        for country in [c for c, _ in countries.most_common(MAX_TITLE_COUNTRIES)] or [None]:
            for n in range(min(MAX_TITLE_WORDS, len(before)), 0, -1):  # the title right before the name
                holder = officeholder_described(self.kb, " ".join(before[-n:]), doc.published, country)
                if holder is not None and any(alias_key(name).split(" ")[0] == key for name in holder.arabic_names()):
                    return holder
        return None

    def _named_by_head(self, m: Mention) -> bool:
        """An organisation named by its head noun and definite words keeps the head, though the KB knows it as
        an office ("لجنة العليا المشتركة", like "لواء الحسم" from the head recogniser); a descriptor before a
        name ("حركة حماس") does not."""
        first, _, rest = m.text.partition(" ")
        head = normalize_word(first)
        return (m.type == "ORG" and rest.startswith("ال") and not self.kb.is_descriptor(first)
                and (head in self.organisation_heads or head.removeprefix("ال") in self.organisation_heads))

    def _entity(self, doc: Document, entity_id: str, group: list[Mention], countries: Counter[str]) -> Entity:
        entry = _entry_of(group)
        spans = {(m.start, m.end): doc.span(m.start, m.end) for m in group}
        entity = Entity(id=entity_id, type=_type_of(group, entry), name="", mentions=list(spans.values()))
        if entry is not None and entry.kind == "institution":
            self._national_institution(doc, entity, entry, group, countries)
            return entity
        if entry is not None:
            set_from_entry(entity, entry, doc)
            return entity
        longest = max(group, key=lambda m: (len(m.text.split()), len(m.text)))
        entity.name = _NAME_NOISE.sub(" ", longest.text).strip()
        # a medium's name is a proper name: "صحيفة التيار" is Al-Tayar, not "Movement"
        proper = all(m.source == "media" for m in group)
        entity.name_en = transliterate(
            entity.name, person=entity.type == "PER", translate=not proper, place=entity.type in ("GPE", "LOC"),
            known=self._place_name,
        )
        entity.country, sector = self._context_country(doc, group)
        # a body named by its kind only ("الجيش الثاني الميداني") is one of the article's main country, and its
        # English name says which, as a national institution's does: "Second Field Army (Egypt)"
        generic = entity.type == "ORG" and not proper and self._generic_body(entity.name)
        if generic and entity.country is None and countries:
            entity.country = countries.most_common(1)[0][0]
        if entity.country:
            entity.actor_code = entity.country + (sector or "")
            state = self.kb.get(f"country:{entity.country}")
            if generic and state:
                entity.name_en += f" ({state.name_en})"
        return entity

    def _generic_body(self, name: str) -> bool:
        """A name of two words or more, all translated, no nationality among them, and no joint body (which is no
        one country's: "اللجنة العليا المشتركة")."""
        words = name.split()
        return len(words) > 1 and generic_name(words, self.kb.nationality) and not any(
            alias_key(w) in JOINT_WORDS for w in words
        )

    def _place_name(self, word: str) -> str | None:
        """The English name of a country or city the KB knows by this one word ("روسيا" in a body's name)."""
        entry = next((e for e in self.kb.exact(word) if e.kind in PLACE_KINDS and self.kb.safe_alone(word)), None)
        return entry.name_en if entry else None

    def _national_institution(
        self, doc: Document, entity: Entity, entry: KBEntry, group: list[Mention], countries: Counter[str]
    ) -> None:
        """ "وزارة الخارجية الروسية" -> Ministry of Foreign Affairs (Russia): the country of the adjective, else
        that of the known person whose title it is in, else the article's main country; the KB's own entry for that
        country's institution when it has one."""
        country = next((c for m in group if (c := describe(self.kb, m.text).country)), None)
        if country is None:
            country = self._title_holder_country(doc, group)
        if country is None and countries:
            country = countries.most_common(1)[0][0]
        longest = max(group, key=lambda m: len(m.text))
        entity.name = longest.text
        national = self._national_entry(entry, country) if country else None
        if national is not None:
            set_from_entry(entity, national, doc)
            return
        state = self.kb.get(f"country:{country}") if country else None
        entity.name_en = entry.name_en.format(country=state.name_en if state else "").replace(" ()", "")
        entity.country = country
        entity.actor_code = country + (entry.sector or "") if country else None

    def _title_holder_country(self, doc: Document, group: list[Mention]) -> str | None:
        """The country of the KB person whose title holds the institution: "محمد بن سلمان ... النائب الثاني لرئيس
        مجلس الوزراء" is Saudi Arabia's Council of Ministers, in a story about Egypt too."""
        for m in group:
            before = [s for s in doc.entity_spans if s.type == "PER" and s.end <= m.start]
            nearest = max(before, key=lambda s: s.end, default=None)  # the title is the last person's
            person = self.kb.get(nearest.kb_id) if nearest and nearest.kb_id else None
            if person and person.country and _TITLE_GAP.fullmatch(doc.text, nearest.end, m.start):
                return person.country
        return None

    def _national_entry(self, institution: KBEntry, country: str) -> KBEntry | None:
        """The KB's entry for that country's institution: one of its names is the institution's name plus
        the country's adjective ("القوات المسلحة" + "المصرية")."""
        for name in institution.arabic_names():
            for entry in self.kb.entries_starting_with(name):
                if entry.country == country and entry.type == institution.type and entry.kind != "institution":
                    return entry
        return None

    def _context_country(self, doc: Document, group: list[Mention]) -> tuple[str | None, str | None]:
        """Country and sector of an unknown name from its own words ("حرس الحدود اليمني") or the title
        before it ("وزير الخارجية الأمريكي مايك بومبيو")."""
        for m in sorted(group, key=lambda m: m.start):
            # a person's own name says nothing of their country ("صلاح الدين دميرتاش" is no Iraqi province)
            own = describe(self.kb, m.text) if m.type != "PER" else None
            # the words before a club are no title of it ("مباراة الفريق أمام روما": the team, no general)
            context = "" if m.source == CLUB else doc.text[max(0, m.start - CONTEXT_CHARS) : m.start].split("\n")[-1]
            before = describe(self.kb, context)
            country = (own and own.country) or (before.country if before.role else None)
            if country:
                return country, (own and own.sector) or before.sector
        return None, None


_OPENING_QUOTES, _CLOSING_QUOTES = "\"«“", "\"»”"


def _set_apart(doc: Document, m: Mention) -> bool:
    """A word in quotation marks or written as a hashtag is a name, common word or not ('في تصريح إلى "الوطن"',
    "على شاشة #العربية": the newspaper, the channel)."""
    if m.start == 0:
        return False
    before = doc.text[m.start - 1]
    return before == "#" or (before in _OPENING_QUOTES and m.end < len(doc.text) and doc.text[m.end] in _CLOSING_QUOTES)


def _entry_of(group: list[Mention]) -> KBEntry | None:
    """The KB entry of the group's fullest name: a full name the article spells out that the KB does not
    know ("رفيق الحريري") is not the entry a bare surname in it matched ("الحريري" -> Saad Hariri)."""
    longest = max(len(m.key.split()) for m in group)
    votes = Counter(m.entry.id for m in group if m.entry is not None and len(m.key.split()) == longest)
    if not votes:
        return None
    best = votes.most_common(1)[0][0]
    return next(m.entry for m in group if m.entry is not None and m.entry.id == best)


def _type_of(group: list[Mention], entry: KBEntry | None) -> str:
    if entry is not None:
        return entry.type
    return Counter(m.type for m in group).most_common(1)[0][0]
