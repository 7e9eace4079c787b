"""Names built on a head noun the gazetteer and the tagger miss (data/entities/name_heads.yaml):

- places whose head is part of the name: "مخيم اليرموك", "ميدان الماسورة", "وادي ال جبارة";
- places after a head that only says what they are: "مديرية كتاف" -> "كتاف";
- organisations in quotation marks that begin with a head: "لواء الحسم";
- organisations of a head, one to three definite words and the nationality adjectives closing them:
  "حرس الحدود اليمني", "مجلس الأعمال اللبناني- السعودي" (without the adjective, "اللجنة"/"لجنة
  التحقيق" are descriptions, not names);
- numbered military units: "اللواء 84 مشاة"; units named by an ordinal: "الجيش الثاني الميداني";
- organisations of an indefinite head, a construct chain and the relative adjectives closing it: "لجنة الشؤون
  الخارجية"; general bodies named by what they are for: "المؤسسة العامة للتأمينات الاجتماعية";
- bodies of a head, definite words and a quoted name: 'مجموعة الرؤية الاستراتيجية "روسيا - العالم الإسلامي"'.
The word after a place head must look like a name: definite, or an indefinite word that is not an
adjective (ending in ي/ة: "حي سكني", "منطقة عسكرية") nor one of the `not_names`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import yaml

from khabar.document import Document, EntitySpan, Token
from khabar.kb import KnowledgeBase
from khabar.text.normalize import normalize_word

MAX_DEFINITE_WORDS = 3
MAX_QUOTED_WORDS = 5
_PROCLITICS = ("وب", "ول", "فب", "فل", "و", "ف", "ب", "ل")
_QUOTE = '"'  # token norm of every quotation mark
_DASHES = {"-", "–", "—"}
QUOTED_BODY = "quoted-body"  # source of a body named in quotation marks, which holds the names inside it
_HAMZA_ALEF = set("أإآ")


def with_hamza(words) -> frozenset[str]:
    """The normalised forms of the words written with a hamza on the alef (إدارة، ألوية)."""
    return frozenset(normalize_word(w) for w in words if _HAMZA_ALEF & set(w))


def head_form(
    token: Token, words: frozenset[str] | dict, article: bool = False, hamza: frozenset[str] = frozenset()
) -> tuple[str, int] | None:
    """The token's word or its stem after و/ف/ب/ل, whichever is in `words` (normalised), and the length of
    what was stripped; `article`: the article may come before the head too ("اللواء"). A hamza written
    on the alef makes another word, unless the head has one (`hamza`: see with_hamza): "وأدى" (and led
    to) is not "وادي"."""
    for form, stripped, hamza_written in _proclitic_splits(token.norm, token.text):
        if article and form.startswith("ال") and form[2:] in words:
            form = form[2:]
        elif form not in words:
            continue
        if not hamza_written or form in hamza:
            return form, stripped
    return None


@lru_cache(maxsize=1 << 16)  # every token is tried against several head lists
def _proclitic_splits(norm: str, text: str) -> tuple[tuple[str, int, bool], ...]:
    """(the word without a proclitic chain, its length, whether the rest is written with a hamza on the alef)."""
    return tuple(
        (norm[len(prefix) :], len(prefix), not _HAMZA_ALEF.isdisjoint(text[len(prefix) :]))
        for prefix in ("", *_PROCLITICS)
        if norm.startswith(prefix)
    )


@dataclass(frozen=True, slots=True)
class NameHeads:
    place_in_name: dict[str, str]
    place_descriptor: dict[str, str]
    organisation: frozenset[str]
    verbal_heads: dict[str, frozenset[str]]
    managing_heads: frozenset[str]
    chain_heads: frozenset[str]
    descriptive_adjectives: frozenset[str]
    general_body_heads: frozenset[str]
    general_adjectives: frozenset[str]
    numbered_units: frozenset[str]
    ordinal_units: frozenset[str]
    ordinals: frozenset[str]
    region_heads: frozenset[str]
    military_adjective: str
    unit_words: frozenset[str]
    not_names: frozenset[str]
    hamza: frozenset[str]  # heads written with a hamza on the alef

    @classmethod
    def load(cls) -> NameHeads:
        text = resources.files("khabar.data").joinpath("entities/name_heads.yaml").read_text(encoding="utf-8")
        data = yaml.safe_load(text)

        def words(key: str) -> frozenset[str]:
            return frozenset(normalize_word(w) for w in data[key])

        return cls(
            {normalize_word(k): v for k, v in data["place_in_name"].items()},
            {normalize_word(k): v for k, v in data["place_descriptor"].items()},
            words("organisation"),
            {normalize_word(k): frozenset(map(normalize_word, v)) for k, v in data["verbal_heads"].items()},
            words("managing_heads"),
            words("chain_heads"),
            words("descriptive_adjectives"),
            words("general_body_heads"),
            words("general_adjectives"),
            words("numbered_units"),
            words("ordinal_units"),
            words("ordinals"),
            words("region_heads"),
            normalize_word(data["military_adjective"]),
            words("unit_words"),
            words("not_names"),
            with_hamza(
                w for key in ("place_in_name", "place_descriptor", "organisation", "chain_heads", "general_body_heads",
                            "numbered_units", "ordinal_units")
                for w in data[key]
            ),
        )


class HeadNames:
    """`__call__(doc) -> list[EntitySpan]` (source "head")."""

    def __init__(self, kb: KnowledgeBase, heads: NameHeads | None = None):
        self.kb = kb
        self.heads = heads or NameHeads.load()
        h = self.heads
        self._any_head = frozenset().union(
            h.place_in_name, h.place_descriptor, h.organisation, h.chain_heads, h.general_body_heads, h.numbered_units,
            h.ordinal_units, h.region_heads,
        )

    def __call__(self, doc: Document) -> list[EntitySpan]:
        spans: list[EntitySpan] = []
        for sentence in doc.sentences:
            tokens = doc.sentence_tokens(sentence)
            i = 0
            while i < len(tokens):
                span, last = self._at(tokens, i)
                if span is not None:
                    spans.append(span)
                    i = last + 1
                else:
                    i += 1
        return spans

    def _at(self, tokens: list[Token], i: int) -> tuple[EntitySpan | None, int]:
        heads = self.heads
        token = tokens[i]
        if token.norm == _QUOTE:
            return self._quoted(tokens, i)
        if head_form(token, self._any_head, article=True, hamza=self.heads.hamza) is None:
            return None, i  # most words are no head: one test instead of one per head list
        if (verbal := head_form(token, heads.verbal_heads, hamza=heads.hamza)) and not (
            i + 1 < len(tokens) and tokens[i + 1].norm in heads.verbal_heads[verbal[0]]
        ):
            return None, i  # "بقيادة المدرب اليوناني": led by, not a command
        if i > 0 and tokens[i - 1].norm == "في" and head_form(token, heads.managing_heads, hamza=heads.hamza):
            return None, i  # "في إدارة السياسة النقدية": managing it
        if (
            (head := head_form(token, heads.place_in_name, hamza=heads.hamza))
            and self._name_word(tokens, i + 1)
            and not _imperfect_verb(tokens[i + 1])
        ):
            last = i + 2 if tokens[i + 1].norm == "ال" else i + 1  # "وادي ال جبارة"
            return _span(tokens, token.start + head[1], last, heads.place_in_name[head[0]]), last
        if (head := head_form(token, heads.place_descriptor, hamza=heads.hamza)) and self._name_word(tokens, i + 1):
            last = i + 2 if self._second_name_word(tokens, i + 2) else i + 1
            return _span(tokens, tokens[i + 1].start, last, heads.place_descriptor[head[0]]), last
        if (head := head_form(token, heads.numbered_units, article=True, hamza=heads.hamza)) and _number(tokens, i + 1):
            last = i + 1
            while last + 1 < len(tokens) and tokens[last + 1].norm in heads.unit_words:
                last += 1
            return _span(tokens, token.start + head[1], last, "ORG"), last
        if (
            (head := head_form(token, heads.ordinal_units, article=True, hamza=heads.hamza))
            and _definite(token)
            and i + 1 < len(tokens)
            and tokens[i + 1].norm in heads.ordinals
        ):  # "الجيش الثاني الميداني"
            last = i + 1
            while last + 1 < len(tokens) and (
                _relative_adjective(tokens[last + 1]) or tokens[last + 1].norm[2:] in heads.unit_words
            ):  # "الميداني", "المدرعة"
                last += 1
            return _span(tokens, _article_start(token), last, "ORG"), last
        if (
            head_form(token, heads.region_heads, article=True, hamza=heads.hamza)
            and _definite(token)
            and (last := self._military_region(tokens, i)) is not None
        ):  # "المنطقة المركزية العسكرية"
            return _span(tokens, _article_start(token), last, "ORG"), last
        if (head := head_form(token, heads.general_body_heads, article=True, hamza=heads.hamza)) and (
            last := self._general_body(tokens, i)
        ) is not None:  # "المؤسسة العامة للتأمينات الاجتماعية"
            return _span(tokens, _article_start(token), last, "ORG"), last
        if (head := head_form(token, heads.organisation, article=True, hamza=heads.hamza)) and (
            last := self._national_body(tokens, i)
        ) is not None:  # "حرس الحدود اليمني", and with the article: "اللجنة الأولمبية الأردنية"
            return _span(tokens, token.start + head[1], last, "ORG"), last
        if (head := head_form(token, heads.organisation, hamza=heads.hamza)) and (
            last := self._body_with_quoted_name(tokens, i)
        ) is not None:
            return EntitySpan(token.start + head[1], tokens[last].end, "ORG", QUOTED_BODY), last
        if (head := head_form(token, heads.chain_heads, hamza=heads.hamza)) and (
            last := self._construct_chain(tokens, i)
        ) is not None:  # "لجنة الشؤون الخارجية", "مجلس اتحاد النقابات المهنية"
            return _span(tokens, token.start + head[1], last, "ORG"), last
        return None, i

    def _body_with_quoted_name(self, tokens: list[Token], i: int) -> int | None:
        """The closing mark of 'مجموعة الرؤية الاستراتيجية "روسيا - العالم الإسلامي"' (a head, definite words,
        then its name in quotation marks right after them), or None. The quoted name belongs to the body: the
        names inside it are not mentions of their own."""
        j = self._definite_words_end(tokens, i, stop=lambda token: False)
        if j is None or j >= len(tokens) or tokens[j].norm != _QUOTE or tokens[j - 1].end == tokens[j].start:
            return None  # a mark written against the word before closes a quotation: '"مجلس الأمن" لخطتهما'
        close = _closing_mark(tokens, j)
        if close is None or tokens[close].sentence != tokens[j].sentence or _quoted_description(tokens, j, close):
            return None
        return close

    def _quoted(self, tokens: list[Token], i: int) -> tuple[EntitySpan | None, int]:
        """ "لواء الحسم": a quoted name that begins with a head noun."""
        close = _closing_mark(tokens, i)
        if close is None or _quoted_description(tokens, i, close):
            return None, i
        first = tokens[i + 1]
        if head_form(first, self.heads.organisation, hamza=self.heads.hamza) and not _definite(first):
            return _span(tokens, first.start, close - 1, "ORG"), close
        if (head := head_form(first, self.heads.place_in_name, hamza=self.heads.hamza)) and not _definite(first):
            return _span(tokens, first.start, close - 1, self.heads.place_in_name[head[0]]), close
        return None, i

    def _national_body(self, tokens: list[Token], i: int) -> int | None:
        """The last token of "حرس الحدود اليمني" (head, definite words, nationality adjectives), or None. A head
        with the article takes adjectives only ("اللجنة الأولمبية الأردنية")."""
        j = self._definite_words_end(tokens, i, stop=self._nationality)
        if j is None or j >= len(tokens) or not self._nationality(tokens[j]):
            return None
        if _definite(tokens[i]) and not all(_adjective(t) for t in tokens[i + 1 : j]):
            return None  # after "الشرطة" only adjectives name it: "الشرطة العسكرية"; "الشرطة والقضاء" is two
        last = j
        while True:  # "اللبناني- السعودي", "اللبناني السعودي"
            k = last + 1 + (last + 1 < len(tokens) and tokens[last + 1].text in _DASHES)
            if k < len(tokens) and self._nationality(tokens[k]):
                last = k
            else:
                return last

    def _construct_chain(self, tokens: list[Token], i: int) -> int | None:
        """The last token of "مجلس اتحاد النقابات المهنية" (an indefinite head, at most one indefinite noun, a
        definite noun, then relative adjectives), or None. The adjectives make the chain a name; without them,
        or with one that only says what kind of body it is ("لجنة التحقيق الدولية"), the chain describes."""
        j = i + 1
        if j < len(tokens) and self._construct_noun(tokens[j]):
            j += 1  # "اتحاد" in "مجلس اتحاد النقابات", "أخلاقيات" in "لجنة أخلاقيات البرلمان"
        if j >= len(tokens) or not tokens[j].text.startswith("ال") or _adjective(tokens[j]):
            return None
        if self.kb.role(tokens[j].text) or tokens[j].norm in self.heads.not_names:
            return None  # "مكتب الرئيس الأميركي": whose office
        if tokens[j].norm[2:] in self.heads.organisation:
            return None  # "إدارة البنك العربي": the management of a body named after it
        last = j
        while last + 1 < len(tokens) and last - i < MAX_DEFINITE_WORDS + 1 and _relative_adjective(tokens[last + 1]):
            last += 1
        if last == j or tokens[last].norm in self.heads.descriptive_adjectives:
            return None
        if self.kb.exact(" ".join(t.text for t in tokens[j : last + 1])):
            return None  # "إدارة البنك العربي": the management of a body the KB knows
        return self._coordinated(tokens, last)

    def _coordinated(self, tokens: list[Token], last: int) -> int:
        """The last token of a name closed by a coordinated definite word and its adjectives ("إدارة البحوث
        العلمية والإفتاء", "مؤسسة التدريب الفني والمهني"), else `last`."""
        k = last + 1
        if k >= len(tokens) or not tokens[k].text.startswith("وال") or len(tokens[k].text) < 6:
            return last
        if normalize_word(tokens[k].text[1:]) in self.heads.not_names or self.kb.exact(tokens[k].text[1:]):
            return last  # "والحدود", "والسعودية": a phrase of its own
        while k + 1 < len(tokens) and _relative_adjective(tokens[k + 1]):
            k += 1
        after = tokens[k + 1] if k + 1 < len(tokens) else None
        if after is not None and after.text.startswith("ال") and not self.kb.role(after.text):
            return last  # "صندوق تنمية الموارد البشرية والقطاع الخاص": a second body
        return k

    def _military_region(self, tokens: list[Token], i: int) -> int | None:
        """The last token of "المنطقة العسكرية الرابعة" / "المنطقة المركزية العسكرية" (the region's head, "military"
        and an ordinal or another relative adjective, in either order), or None."""
        pair = [t.norm for t in tokens[i + 1 : i + 3]]
        if len(pair) < 2 or self.heads.military_adjective not in pair:
            return None
        other = tokens[i + 1] if pair[1] == self.heads.military_adjective else tokens[i + 2]
        if other.norm in self.heads.ordinals or (
            _relative_adjective(other) and other.norm not in self.heads.descriptive_adjectives
        ):
            return i + 2
        return None

    def _general_body(self, tokens: list[Token], i: int) -> int | None:
        """The last token of "المؤسسة العامة للتأمينات الاجتماعية" (a definite head, "general", then لـ and what the
        body is for: a definite word or a construct chain, their adjectives and a coordinated word), or None."""
        if not _definite(tokens[i]) or i + 2 >= len(tokens) or tokens[i + 1].norm not in self.heads.general_adjectives:
            return None
        k = i + 2
        text = tokens[k].text
        if not text.isalpha() or not text.startswith("ل") or len(text) < 4:
            return None
        if not text.startswith("لل"):  # "لقوات الدرك", "لصوامع الغلال"
            if k + 1 >= len(tokens) or not tokens[k + 1].text.startswith("ال"):
                return None
            k += 1
        elif self.kb.role("ا" + text[1:]):
            return None  # "القيادة العامة للرئيس": whose command
        while k + 1 < len(tokens) and _relative_adjective(tokens[k + 1]):
            k += 1
        return self._coordinated(tokens, k)

    def _construct_noun(self, token: Token) -> bool:
        """An indefinite noun inside a construct chain: a plain word, no role ("رئيس"), no adjective."""
        norm = token.norm
        return (
            token.text.isalpha()
            and len(norm) >= 3
            and not _definite(token)
            and not norm.endswith("ي")
            and norm not in self.heads.not_names
            and not self.kb.role(token.text)
            and not self.kb.starts_no_name(token.text)
        )

    def _definite_words_end(self, tokens: list[Token], i: int, stop: Callable[[Token], bool]) -> int | None:
        """Where the one to MAX_DEFINITE_WORDS definite words after the head at i end (before a word `stop`
        accepts); None when there is none, or one is a role ("إدارة الرئيس الأميركي" describes whose
        administration)."""
        j = i + 1
        while j < len(tokens) and j - i <= MAX_DEFINITE_WORDS and _definite(tokens[j]) and not stop(tokens[j]):
            if self.kb.role(tokens[j].text):
                return None
            j += 1
        return None if j == i + 1 else j

    def _second_name_word(self, tokens: list[Token], i: int) -> bool:
        """Whether the word after a place's first name word is part of its name ("برط العنان", "بيت الفقيه",
        "جبل حبشي"): not a word with a proclitic ("بمحافظة"), a definite adjective ("التابعة",
        "المجاورة"), a comparative ("أكبر"), a `not_names` word (شمال) or a nationality."""
        if i >= len(tokens) or not self._name_word(tokens, i) or self._after_proclitic(tokens[i]):
            return False
        text = tokens[i].text
        comparative = len(text) == 4 and text.startswith("أ")
        adjective = _definite(tokens[i]) and text.endswith(("ة", "ي", "ى"))
        return not comparative and not adjective

    def _after_proclitic(self, token: Token) -> bool:
        """ "بمحافظة", "والعاصمة": a word with a proclitic that begins a new phrase."""
        norm = token.norm
        if norm[:1] not in "وفبلك" or len(norm) < 4:
            return False
        rest = norm[1:]
        return rest.startswith("ال") or rest in self.heads.not_names or self.kb.starts_no_name(rest)

    def _nationality(self, token: Token) -> bool:
        return _definite(token) and self.kb.nationality(token.text) is not None

    def _name_word(self, tokens: list[Token], i: int) -> bool:
        if i >= len(tokens):
            return False
        token = tokens[i]
        norm = token.norm
        if not token.text.isalpha() or norm in self.heads.not_names or self._nationality(token):
            return False
        if norm.startswith("وال"):  # "من ناحية والعقوبات": a conjunction, not a name
            return False
        if norm == "ال":
            return i + 1 < len(tokens) and tokens[i + 1].text.isalpha()
        if _definite(token):
            return len(norm) > 3
        return len(norm) >= 3 and not norm.endswith(("ي", "ه")) and not self.kb.starts_no_name(token.text)


def _imperfect_verb(token: Token) -> bool:
    """ "ميدان يفتخر": an indefinite word of five letters or more with the prefix of a verb."""
    return not _definite(token) and len(token.norm) >= 5 and token.norm[0] in "يتن"


def _quoted_description(tokens: list[Token], opening: int, close: int) -> bool:
    """ '«منظمة إرهابية»': a noun and an indefinite adjective in quotation marks describe (what a body was
    called), they name nothing."""
    words = tokens[opening + 1 : close]
    return len(words) == 2 and not _definite(words[1]) and words[1].text.endswith(("ي", "ية"))


def _closing_mark(tokens: list[Token], opening: int) -> int | None:
    """The quotation mark closing a short name that opens at `opening` (at most MAX_QUOTED_WORDS words), or None."""
    end = min(len(tokens), opening + MAX_QUOTED_WORDS + 2)
    return next((k for k in range(opening + 2, end) if tokens[k].norm == _QUOTE), None)


def _adjective(token: Token) -> bool:
    """A definite relative adjective ("العسكرية", "الشيوعي"), the words that follow a definite head in its name."""
    return token.norm.startswith("ال") and token.norm.endswith(("ي", "يه", "ية"))


def _article_start(token: Token) -> int:
    """Where a definite word starts after its proclitics: "والمجلس" -> "المجلس", "للمؤسسة" -> "لمؤسسة" (the
    article's alef is not written after ل). The token's `norm` has dropped them, so head_form cannot tell."""
    text = token.text
    at = text.find("لل") + 1 if text.startswith(("لل", "ولل", "فلل")) else text.find("ال")
    return token.start + max(at, 0)


def _relative_adjective(token: Token) -> bool:
    """A definite adjective in ي/ية as written ("الخارجية"), no function word ("التي", "إلى") nor
    elative ("الكبرى": its ى normalises to ي)."""
    return token.text.startswith("ال") and token.text.endswith(("ي", "ية")) and len(token.norm) >= 5


def _definite(token: Token) -> bool:
    return token.norm.startswith("ال") or token.norm.startswith("وال")


def _number(tokens: list[Token], i: int) -> bool:
    return i < len(tokens) and tokens[i].text.isdigit()


def _span(tokens: list[Token], start: int, last: int, entity_type: str) -> EntitySpan:
    return EntitySpan(start, tokens[last].end, entity_type, "head")
