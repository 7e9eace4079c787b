"""Trigger lexicons: one YAML file per PLOVER type under `data/events/triggers/`, compiled once into an index
keyed by normalised word form.

A verb is written "past/imperfect-stem" ("اعتقل/عتقل"; the stem defaults to the past form) and expands to its
regular inflections ("اعتقلت", "اعتقلوا", "يعتقل", "تعتقلون" ...); weak or irregular forms are listed under
`forms`. Clitics are not listed: tokens are looked up through every proclitic/enclitic split of
`khabar.text.stem_candidates`, with and without the article.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from khabar.document import Token
from khabar.text import normalize, stem_candidates

PAST_SUFFIXES = ("", "ت", "ا", "تا", "وا", "و", "ن", "نا", "تم")
PRESENT_PREFIXES = ("ي", "ت", "ن", "ا")
PRESENT_SUFFIXES = ("", "ون", "ان", "ين", "ن", "وا", "ا", "و")
DATA_DIR = Path(__file__).resolve().parent.parent / "data" / "events"
# a required companion word ("أطلق النار") must come within this many tokens after the trigger
WITH_WINDOW = 3
TANWEEN = frozenset("\u064b\u064c\u064d")
COMMAS = frozenset({"،", ","})
SECOND_PERSON = frozenset({"ك", "كم", "كما", "كن"})
MAX_ASIDE = 15  # tokens of an aside between commas that the companion-word window skips


@dataclass(frozen=True, slots=True)
class Trigger:
    type: str
    cameo: str | None  # None where PLOVER has no CAMEO equivalent (RETREAT: resign)
    pos: str
    lemma: str
    mode: str | None = None
    context: tuple[str, ...] = ()
    with_words: frozenset[str] = frozenset()
    before_words: frozenset[str] = frozenset()
    unless_before: frozenset[str] = frozenset()
    unless_with: frozenset[str] = frozenset()
    unless_proclitic: frozenset[str] = frozenset()  # not with one of these attached ("بفضل" is "thanks to")
    governs: bool = False
    passive: bool = False  # an unambiguously passive form ("اغتيل", "أقيل"): the noun after it is the patient
    passive_before_number: bool = False  # read as passive when a number follows ("قتل 58 شخصا")
    # its subject is a thing, never a party ("انفجرت عبوة ناسفة"): only an agent phrase names a doer, and a place
    # before it is where it happened
    subjectless: bool = False
    hosts: bool = False  # the subject hosts ("استقبل"): PLOVER codes the visitor as the actor, the host as recipient
    # its object follows with no preposition ("التقى السيسي"): a verb conjoined to an event of the sentence,
    # "، والتقى الرئيس المصري", has that event's subject and the name after it as object
    takes_object: bool = False
    # a fight ("اشتباكات مع", "معارك في مواجهة"): each side attacks the other, so the recipient acts too
    mutual: bool = False
    # the CAMEO code of the verb when its addressee is its object: "حذر بوتين واشنطن من ..." is a threat
    addressed_as: str | None = None
    window: int = WITH_WINDOW  # how far after the trigger its companion word may come
    # backing of things ("دعم مخزونات المؤسسة") is no event: coded only when a party is its recipient
    needs_recipient: bool = False
    # a definite noun names what was told before ("نفى الاتهامات", "بعد الاتهامات بوجود تلاعب"): only bare forms
    bare_noun: bool = False
    # a verbal noun whose genitive is its patient ("اتهام روسيا بـ", "إدانة الهجوم"), unless a party with ل follows
    # it, the patient ("اتهام بريطانيا لروسيا")
    objective_genitive: bool = False


@dataclass(frozen=True, slots=True)
class TriggerMatch:
    trigger: Trigger
    token: int  # index into doc.tokens
    end_token: int  # one past the last token of the match (the companion word included)
    proclitics: str


@dataclass
class TriggerLexicon:
    index: dict[str, list[Trigger]] = field(default_factory=dict)
    # lookups by token text: news reuses a small vocabulary, and every analysis of a word is tried
    cache: dict[str, list[tuple[str, Trigger]]] = field(default_factory=dict, repr=False)

    def add(self, form: str, trigger: Trigger) -> None:
        bucket = self.index.setdefault(normalize(form), [])
        if trigger not in bucket:
            bucket.append(trigger)

    def lookup(self, text: str) -> list[tuple[str, Trigger]]:
        """(proclitics, trigger) for every analysis of the token `text` that the lexicon knows."""
        found = self.cache.get(text)
        if found is None:
            found = self.cache[text] = _lookup(self.index, text)
        return found

    def match(self, tokens: list[Token], first: int, last: int) -> list[TriggerMatch]:
        """Every trigger in tokens[first:last] (one sentence) whose companion-word conditions hold."""
        out = []
        for i in range(first, last):
            for proclitics, trigger in self.lookup(tokens[i].text):
                end = _companion_end(trigger, tokens, i, last, first)
                if end is not None:
                    out.append(TriggerMatch(trigger, i, end, proclitics))
        return out


def _lookup(index: dict[str, list[Trigger]], text: str) -> list[tuple[str, Trigger]]:
    found: dict[Trigger, str] = {}
    for cand in stem_candidates(text, 0):
        norms = [cand.norm]
        if cand.norm.startswith("ال") and len(cand.norm) > 3:
            norms.append(cand.norm[2:])
        for norm in norms:
            for trigger in index.get(norm, ()):
                # a final ي: on a noun a nisba adjective ("الاجتماعي"), not "my meeting"; on a verb an object only
                # as ني ("اتهموني"): "أيدي" is "hands", not "supported me"
                if cand.enclitic == "ي" and (trigger.pos == "noun" or not cand.norm.endswith("ن")):
                    continue
                if trigger.unless_proclitic & set(cand.proclitics):
                    continue
                if trigger.bare_noun and trigger.pos == "noun" and cand.article:
                    continue
                # a verb carries no tanween: "وعدواناً" is no "وعدوا" + "نا" (the accusative forms, "داعياً",
                # "طلبًا", are read as their participles and nouns)
                if trigger.pos == "verb" and cand.enclitic and TANWEEN & set(text):
                    continue
                # the article or a preposition never precedes a verb
                if trigger.pos == "verb" and (norm != cand.norm or set(cand.proclitics) & set("بلك")):
                    continue
                # "التمسك" is the verbal noun of تمسك with the article, not "التمس" with "you" as its object
                if trigger.pos == "verb" and cand.norm.startswith("ال") and cand.enclitic in SECOND_PERSON:
                    continue
                found.setdefault(trigger, cand.proclitics)
    # an unambiguously passive form ("أقيل") also looks like an active one ("أُقيل" / "أَقيل", I dismiss)
    passive_types = {t.type for t in found if t.passive}
    return [(p, t) for t, p in found.items() if t.passive or t.pos != "verb" or t.type not in passive_types]


def _in_title(token: Token) -> bool:
    """A bare title head ("مدير", "رئيسة"; `title_heads` in appositions.yaml), whose complement names a post."""
    return not token.article and normalize(token.text)[len(token.proclitics):] in title_heads()


@lru_cache(maxsize=1)
def title_heads() -> frozenset[str]:
    """Bare title heads (`title_heads` in appositions.yaml), normalised: "رئيس", "مدير", "وزيرة"."""
    return frozenset(normalize(w) for w in load_data("appositions.yaml")["title_heads"])


def _token_words(token: Token) -> frozenset[str]:
    return _words_of(token.text)


@lru_cache(maxsize=100_000)
def _words_of(text: str) -> frozenset[str]:
    """Every form a token may be matched as: whole, each clitic split, each without the article."""
    words = {normalize(text)} | {c.norm for c in stem_candidates(text, 0)}
    return frozenset(words | {w[2:] for w in words if w.startswith("ال")})


def _companion_end(trigger: Trigger, tokens: list[Token], i: int, last: int, first: int) -> int | None:
    if trigger.pos == "noun" and i > first and _in_title(tokens[i - 1]) and tokens[i].text[:1] not in "وف":
        return None  # "مديرة التحقيقات في هيئة الرقابة": the noun completes a post (not "لا مسؤولة واتهامات")
    if trigger.unless_before and i > first and _token_words(tokens[i - 1]) & trigger.unless_before:
        return None
    if trigger.unless_with and any(_token_words(tokens[j]) & trigger.unless_with
                                   for j in _after(tokens, i, last, trigger.window)):
        return None
    if trigger.before_words:
        before = range(max(first, i - WITH_WINDOW), i)
        if not any(_token_words(tokens[j]) & trigger.before_words for j in before):
            return None
    if not trigger.with_words:
        return i + 1
    for j in _after(tokens, i, last, trigger.window):
        if _token_words(tokens[j]) & trigger.with_words:
            return j + 1
    return None


def closing_comma(tokens: list[Token], start: int, stop: int) -> int | None:
    """The first comma in tokens[start:stop] (the end of an aside that opened before `start`), or None."""
    return next((k for k in range(start, stop) if tokens[k].text in COMMAS), None)


def _after(tokens: list[Token], i: int, last: int, window: int):
    """The `window` tokens after the trigger, not counting an aside between commas ("تحدث نزارباييف، بصفته
    الرئيس الفخري لمجلس الاتحاد، لصالح توسيع ...")."""
    j, counted = i + 1, 0
    while j < last and counted < window:
        if tokens[j].text in COMMAS:
            close = closing_comma(tokens, j + 1, min(last, j + 1 + MAX_ASIDE))
            if close is not None:
                j = close + 1
                continue
        yield j
        counted += 1
        j += 1


def verb_forms(spec: str) -> list[str]:
    past, _, stem = spec.partition("/")
    stem = stem or past
    forms = [past + s for s in PAST_SUFFIXES]
    forms += [p + stem + s for p in PRESENT_PREFIXES for s in PRESENT_SUFFIXES]
    return forms


def _code(value: Any) -> str | None:
    return None if value is None else str(value)


def _as_list(value: Any) -> list[str]:
    if value is None:
        return []
    return [value] if isinstance(value, str) else list(value)


def _words(values: Any) -> frozenset[str]:
    return frozenset(normalize(v) for v in _as_list(values))


def add_file(lexicon: TriggerLexicon, data: dict[str, Any]) -> None:
    ptype = data["type"]
    for entry in data["triggers"]:
        common = dict(
            type=ptype,
            cameo=_code(entry["cameo"] if "cameo" in entry else data.get("cameo")),
            mode=entry.get("mode"),
            context=tuple(entry.get("context", data.get("context", []))),
            with_words=_words(entry.get("with")),
            before_words=_words(entry.get("before")),
            unless_before=_words(entry.get("unless_before")),
            unless_with=_words(entry.get("unless_with")),
            unless_proclitic=frozenset(entry.get("unless_proclitic", ())),
            governs=bool(entry.get("governs", False)),
            passive_before_number=bool(entry.get("passive_before_number", False)),
            subjectless=bool(entry.get("subjectless", False)),
            hosts=bool(entry.get("hosts", False)),
            takes_object=bool(entry.get("takes_object", False)),
            mutual=bool(entry.get("mutual", False)),
            addressed_as=_code(entry["addressed_as"]) if "addressed_as" in entry else None,
            window=int(entry.get("window", WITH_WINDOW)),
            needs_recipient=bool(entry.get("needs_recipient", False)),
            bare_noun=bool(entry.get("bare_noun", False)),
            objective_genitive=bool(entry.get("objective_genitive", False)),
        )
        for spec in _as_list(entry.get("verb")):
            trigger = Trigger(pos="verb", lemma=spec.partition("/")[0], **common)
            for form in verb_forms(spec):
                lexicon.add(form, trigger)
        verbs = _as_list(entry.get("verb"))
        for form in _as_list(entry.get("forms")):
            lemma = verbs[0].partition("/")[0] if verbs else form
            lexicon.add(form, Trigger(pos="verb", lemma=lemma, **common))
        for form in _as_list(entry.get("passive")):
            lemma = verbs[0].partition("/")[0] if verbs else form
            lexicon.add(form, Trigger(pos="verb", lemma=lemma, passive=True, **common))
        for noun in _as_list(entry.get("noun")):
            lexicon.add(noun, Trigger(pos="noun", lemma=noun, **common))


def load_data(name: str) -> dict[str, Any]:
    return yaml.safe_load((DATA_DIR / name).read_text(encoding="utf-8"))


def load_lexicon(types: set[str] | None = None) -> TriggerLexicon:
    """The trigger lexicon of every PLOVER type (or only `types`)."""
    lexicon = TriggerLexicon()
    for path in sorted((DATA_DIR / "triggers").glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        if types is None or data["type"] in types:
            add_file(lexicon, data)
    _prefer_past_forms(lexicon)
    return lexicon


def _prefer_past_forms(lexicon: TriggerLexicon) -> None:
    """"توعد" is the past of توعد (threaten), not "she promises" (ت + وعد): where a word is one verb's own past
    form, the present forms generated for verbs of other types are dropped, unless a companion word tells them
    apart ("توجه اتهامات", "تقدم مساعدات")."""
    for form, triggers in lexicon.index.items():
        past_types = {t.type for t in triggers if t.pos == "verb" and normalize(t.lemma) == form}
        if past_types:
            triggers[:] = [t for t in triggers if t.pos != "verb" or t.type in past_types or t.with_words
                           or normalize(t.lemma) == form]
