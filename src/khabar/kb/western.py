"""Real names for Arabic spellings of foreign names: "روبرت مولر" -> Robert Mueller, not Moler;
"باولينج جرين" -> Bowling Green.

Arabic writes a foreign name's consonants and its long vowels only, so a rule-based transliteration
guesses the vowels ("Moler", "Slotski") and the name-word table may hold an Arabic name with the same
letters (ستار -> Sattar). When the given name is a Western one, each foreign-looking word after it is
matched against the surname lists instead (US census, faker's lists of many countries, those of the
given name's origins first): same consonants (in the classes Arabic merges: p/b, v/f, c/k/q, s/z), and
every long vowel Arabic writes found in the same place in the English name (و: o/u/w, ي: i/e/y, ا:
a/o/u); the most frequent such surname wins. World cities are found by the keys of their Arabic names
(GeoNames). The lists ship as `latin_names.tsv.gz`, built by scripts/build_western_names.py.
"""

from __future__ import annotations

import gzip
import re
import unicodedata
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

from khabar.kb.sources import CURATED
from khabar.text.normalize import DIACRITICS

LATIN_NAMES = CURATED.parent / "latin_names.tsv.gz"
CENSUS_ORIGIN, ARABIC_ORIGIN = "us", "ar"
# given-name lists of countries whose names are often Arabic ones (Farid, Rashid): they do not make a name Western
WESTERN_ORIGINS_EXCLUDED = frozenset(
    {"az", "bn", "ha", "id", "ig", "in", "ke", "ng", "pk", "sw", "tr", "tw", "uz", "yo", "zu"}
)
J_AS_Y_ORIGINS = frozenset({"de", "nl", "da", "no", "sv", "is", "cs", "sk", "pl"})  # lists whose J is a y sound
MIN_CONSONANTS = 3  # two consonants fit too many surnames

# English letters -> consonant class; digraphs first. "h" after a vowel, "gh" and "w"/"y" inside a word
# are vowels or silent for Arabic spelling.
_EN_DIGRAPHS = {
    "tch": "S",
    "sch": "S",
    "sh": "S",
    "ch": "S",
    "ck": "K",
    "ph": "F",
    "th": "T",
    "kh": "K",
}
_EN_LETTERS = {
    "b": "B", "p": "B", "d": "D", "t": "T", "k": "K", "q": "K", "g": "J", "j": "J", "s": "Z", "z": "Z",
    "f": "F", "v": "F", "l": "L", "m": "M", "n": "N", "r": "R",
}  # fmt: skip
_AR_LETTERS = {
    "ب": "B", "پ": "B", "د": "D", "ض": "D", "ت": "T", "ط": "T", "ث": "T", "ك": "K", "ق": "K", "خ": "K",
    "ج": "J", "غ": "J", "گ": "J", "س": "Z", "ز": "Z", "ص": "Z", "ظ": "Z", "ذ": "Z", "ش": "S", "چ": "S",
    "ف": "F", "ڤ": "F", "ل": "L", "م": "M", "ن": "N", "ر": "R", "ه": "H", "ح": "H",
}  # fmt: skip
_AR_VOWELS = {
    "ا": "a",
    "أ": "a",
    "إ": "i",
    "آ": "a",
    "ى": "a",
    "ة": "a",
    "و": "o",
    "ي": "i",
}
_CARRIED_VOWEL = re.compile("[اأإآ][وي](?=[^اوي])")
_EN_VOWELS = set("aeiouyw")
# an Arabic long vowel -> the English vowel letters it stands for
_SOUNDS = {"a": set("aou"), "o": set("ouw"), "i": set("iey")}
_LOOSE_SOUNDS = {**_SOUNDS, "a": set("aoue")}  # some write an English short e with ا: كاندال Kendall


def english_shape(name: str) -> tuple[str, tuple[str, ...], str]:
    """Consonant classes, the vowel letters before, between and after them, and the first letter of
    each consonant: "mueller" -> ("MLR", ("", "ue", "e", ""), "mlr")."""
    name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    consonants, gaps, letters, gap = [], [], [], ""
    i = 0
    while i < len(name):
        cls, step = None, 1
        for digraph, digraph_cls in _EN_DIGRAPHS.items():
            if name.startswith(digraph, i):
                cls, step = digraph_cls, len(digraph)
                break
        else:
            ch = name[i]
            if ch == "c":
                cls = "Z" if name[i + 1 : i + 2] in ("e", "i", "y") else "K"
            elif ch == "x":
                cls = "KZ"
            elif ch in "hwy" and i == 0:
                cls = ch.upper().replace("Y", "I").replace("W", "O")
            elif ch in _EN_VOWELS:
                gap += ch
            elif ch != "h":
                cls = _EN_LETTERS.get(ch)
        if cls:
            for c in cls:
                if consonants and consonants[-1] == c and not gap:
                    continue  # doubled letters: "rr", "ll", "ck"
                consonants.append(c)
                gaps.append(gap)
                letters.append(name[i])
                gap = ""
        i += step
    gaps.append(gap)
    return "".join(consonants), tuple(gaps), "".join(letters)


def arabic_shape(word: str) -> tuple[str, tuple[str, ...], str]:
    """Consonant classes, the long vowels written before, between and after them, and the letter of
    each consonant: "مولر" -> ("MLR", ("", "o", "", ""), "ملر")."""
    word = DIACRITICS.sub("", word).replace("تش", "ش")
    # an initial alef that carries ي or و writes one vowel, i or o (إيميليو: Emilio, أوريغون: Oregon)
    carried = _CARRIED_VOWEL.match(word)
    consonants, gaps, letters, gap = [], [], [], ""
    if carried:
        word, gap = word[2:], _AR_VOWELS[word[1]]
    for i, ch in enumerate(word):
        if i == 0 and ch in "وي":
            cls = "O" if ch == "و" else "I"  # initial و, ي are the consonants w, y
        elif ch == "ه" and i == len(word) - 1 and i > 0:
            gap += "a"
            continue
        elif ch in _AR_VOWELS:
            gap += _AR_VOWELS[ch]
            continue
        else:
            cls = _AR_LETTERS.get(ch)
            if cls is None:
                continue
        if consonants and consonants[-1] == cls and not gap:
            continue
        consonants.append(cls)
        gaps.append(gap)
        letters.append(ch)
        gap = ""
    gaps.append(gap)
    return "".join(consonants), tuple(gaps), "".join(letters)


def _vowels_fit(arabic_gaps: tuple[str, ...], english_gaps: tuple[str, ...], sounds: dict = _SOUNDS) -> bool:
    """Every long vowel Arabic writes is in the English spelling (short ones Arabic leaves out), and an
    initial English vowel and a final one other than a silent "e" are written in Arabic (Cucinotta is not
    كوسنت)."""
    if english_gaps[-1].strip("e") and not arabic_gaps[-1] or english_gaps[0] and not arabic_gaps[0]:
        return False  # nor an initial English vowel (فريث is not Everett)
    # two long vowels inside a name are two English letters (هوانغ is Hoang, not Hung; an initial أو is o)
    return all(
        (i == 0 or len(e) >= len(a)) and all(sounds[v] & set(e) for v in a)
        for i, (a, e) in enumerate(zip(arabic_gaps, english_gaps))
    )


def _vowel_mismatches(arabic_gaps: tuple[str, ...], english_gaps: tuple[str, ...]) -> int:
    """Alifs the English name writes with an "o" and no "a" or "u" (هابر: Haber before Hopper, لانغ: Lang
    before Long): Arabic writes o و (أوسبورن: Osborne); ا is a, or the u of Brunson, Trump."""
    return sum("a" in a and "o" not in a and not set(e) & {"a", "u"} for a, e in zip(arabic_gaps, english_gaps))


def spells(arabic: str, english: str) -> bool:
    """The Arabic spelling fits the English name: same consonant classes and long vowels (the words
    run together: سنتافي is Santa Fe)."""
    consonants, gaps, _ = arabic_shape(arabic.replace(" ", ""))
    en_consonants, en_gaps, _ = english_shape(english.replace(" ", ""))
    return consonants == en_consonants and _vowels_fit(gaps, en_gaps)


def vowels_fit(arabic: str, english: str) -> bool:
    """The long vowels the Arabic spelling writes are in the English name, where their consonants line up
    (زلاتان is not Zliten), an alif also for an "e" (كاندال: Kendall), or anywhere in it with their own
    sounds and in their order (`_vowels_in_order`); a name whose consonants do not line up (أولفييه: Olivier, with a silent r) is
    not judged."""
    consonants, gaps, _ = arabic_shape(arabic)
    en_consonants, en_gaps, _ = english_shape(english)
    return consonants != en_consonants or _vowels_fit(gaps, en_gaps, _LOOSE_SOUNDS) or _vowels_in_order(gaps, english)


def _vowels_in_order(arabic_gaps: tuple[str, ...], english: str) -> bool:
    """The long vowels Arabic writes are, in their order, English vowels of their sounds, wherever the writer
    put them between the consonants: news misplaces them (كيلنتون Clinton, كرازاي Karzai), while زلاتان is no
    Zliten and ايكاردي no Acreide."""
    english_vowels = iter(c for c in english.lower() if c in _EN_VOWELS)
    return all(any(c in _SOUNDS[v] for c in english_vowels) for gap in arabic_gaps for v in gap)


def _letter_mismatches(arabic: str, english_letters: str) -> int:
    """Letters Arabic would have written otherwise: س for an English "z" (ز), ز for a "c" (س)."""
    return sum((a == "س" and e == "z") or (a == "ز" and e == "c") for a, e in zip(arabic, english_letters))


def _ghain_for_j(arabic: str, english_letters: str) -> bool:
    """غ writes a hard g, never an English or Slavic j (ج): غاروس is not Jarosz."""
    return any(a == "غ" and e == "j" for a, e in zip(arabic, english_letters))


class LatinNames:
    """Given names with their origins, given names and surnames grouped by consonant classes (parsed only
    when looked up), world cities by the keys of their Arabic names and US states by their shape.

    `rows`: lines of latin_names.tsv.gz without their line ends."""

    def __init__(self, rows: list[str]):
        self._given: dict[str, str] = {}
        self._by_consonants: dict[tuple[str, str], list[str]] = {}  # (kind, consonant classes) -> rows
        self._places: dict[str, str] = {}  # alias key of an Arabic name -> English name
        self._place_skeletons: dict[str, list[str]] = {}
        self._place_shapes: dict[str, list[str]] = {}  # consonant classes -> English names (US states)
        for row in rows:
            kind, name, _rank, *rest = row.split("\t")
            if kind == "given":
                self._given[name] = rest[0]
            if kind in ("given", "surname"):
                self._by_consonants.setdefault((kind, rest[1]), []).append(row)
            elif kind == "place" and not rest[1]:  # a place without Arabic names: found by its shape
                self._place_shapes.setdefault(english_shape(name.replace(" ", ""))[0], []).append(name)
            elif kind == "place":  # rows come most populous first
                for key in rest[1].split("|"):
                    self._places.setdefault(key, name)
                for key in rest[2].split("|"):
                    self._place_skeletons.setdefault(key, []).append(name)

    def origins(self, given: str) -> frozenset[str]:
        """The origins of the lists that hold a given name: alain -> de, es, fr, nl; alan -> en, fr, ..."""
        return frozenset(item.split(":")[0] for item in self._given.get(given, "").split(",") if item)

    def is_western(self, given: str) -> bool:
        """A US census given name, or one of the lists of Western countries that is not also an Arabic given
        name (Farid is in the French list)."""
        origins = self.origins(given)
        return CENSUS_ORIGIN in origins or bool(origins - WESTERN_ORIGINS_EXCLUDED) and ARABIC_ORIGIN not in origins

    def place(self, key: str, skeleton: str | None = None, arabic: str = "") -> str | None:
        """The English name of the most populous city with an Arabic name of this alias key, else (when
        given) of this skeleton key (Arabic spells foreign places with other vowel letters) whose English
        name the `arabic` spelling fits as surnames do (باولينج جرين: Bowling Green; مينيسوتا is not
        Manistee, whose Arabic name has the same skeleton). A place without Arabic names (a US state) that
        the spelling fits comes first (أريزونا: Arizona, not Arizona City; مينيسوتا: Minnesota)."""
        by_shape = self._place_shapes.get(arabic_shape(arabic.replace(" ", ""))[0], []) if arabic else []
        state = next((name for name in by_shape if spells(arabic, name)), None)
        if state is not None:  # before cities: GeoNames writes Arizona City "أريزونا"
            return state
        if key in self._places:
            return self._places[key]
        candidates = self._place_skeletons.get(skeleton or "", ())
        return next((name for name in candidates if spells(arabic, name)), None)

    def _names(self, consonants: str, kind: str = "surname") -> list[tuple[int, str, tuple[str, ...], str, set[str]]]:
        """(rank, name, vowel gaps, consonant letters, origins) of the names with these consonant classes."""
        out = []
        for row in self._by_consonants.get((kind, consonants), ()):
            _kind, name, rank, origins, _consonants, gaps, letters = row.split("\t")
            origin_set = {origin.split(":")[0] for origin in origins.split(",")}
            out.append((int(rank), name, tuple(gaps.split(",")), letters, origin_set))
        return out

    def rank(self, surname: str) -> int | None:
        return next((r for r, name, *_ in self._names(english_shape(surname)[0]) if name == surname), None)

    def given(self, arabic: str) -> str | None:
        """The Western given name the Arabic word can spell (كلاوديو: Claudio), as `surname` chooses."""
        best = self._best(arabic, "given", frozenset(), self.is_western)
        return _capitalise(best[3]) if best else None

    def surname(self, arabic: str, current: str | None = None, origins: frozenset[str] = frozenset()) -> str | None:
        """The surname the Arabic word can spell: one of the given name's `origins` first, then letter for
        letter, then the most frequent; `current` (the table's spelling) when that is a surname at least as
        frequent; None when nothing fits."""
        best = self._best(arabic, "surname", origins)
        own_rank = self.rank(current.lower()) if current else None
        if own_rank is not None and (best is None or own_rank <= best[2]):
            return current
        return _capitalise(best[3]) if best else None

    def _best(
        self, arabic: str, kind: str, origins: frozenset[str], keep: Callable[[str], bool] = bool
    ) -> tuple[bool, int, int, str] | None:
        consonants, gaps, arabic_letters = arabic_shape(arabic)
        if len(consonants) < MIN_CONSONANTS:
            return None
        # an initial ي writes the y sound of a German, Dutch, Nordic or West Slavic J (يورغن: Jürgen, يانسن:
        # Jansen), after the names with a Y; not in names English lists hold (their J is ج: Julia) nor the
        # Estonian spellings of Russian names (Jevgeni for Yevgeny)
        readings = [(consonants, 0)] + ([("J" + consonants[1:], 1)] if consonants[0] == "I" else [])
        fitting = [
            (
                bool(origins) and not origins & name_origins,
                j_for_y + _letter_mismatches(arabic_letters, letters) + _vowel_mismatches(gaps, en_gaps),
                rank,
                name,
            )
            for reading, j_for_y in readings
            for rank, name, en_gaps, letters, name_origins in self._names(reading, kind)
            if _vowels_fit(gaps, en_gaps) and keep(name) and not _ghain_for_j(arabic_letters, letters)
            and not (j_for_y and (letters[0] != "j" or not _j_is_y(name_origins)))  # not Georgene's soft g
        ]
        return min(fitting, default=None)


def _j_is_y(origins: set[str]) -> bool:
    return bool(origins & J_AS_Y_ORIGINS) and not origins & {CENSUS_ORIGIN, "en"}


def _capitalise(name: str) -> str:
    return re.sub(r"^(mc|o')?(.)", lambda m: (m.group(1) or "").capitalize() + m.group(2).upper(), name)


def name_row(kind: str, name: str, rank: int, origins: list[tuple[str, int]]) -> str:
    """A line of latin_names.tsv.gz: origins with the name's rank in each ("en:12,fr:3"), and the name's
    shape, so that loading computes nothing."""
    origin_field = ",".join(f"{origin}:{origin_rank}" for origin, origin_rank in origins)
    consonants, gaps, letters = english_shape(name)
    return f"{kind}\t{name}\t{rank}\t{origin_field}\t{consonants}\t{','.join(gaps)}\t{letters}\n"


def place_row(name: str, rank: int, country: str, alias_keys: list[str], skeleton_keys: list[str]) -> str:
    return f"place\t{name}\t{rank}\t{country}\t{'|'.join(alias_keys)}\t{'|'.join(skeleton_keys)}\n"


def read_latin_names(path: Path = LATIN_NAMES) -> list[str]:
    """The rows of latin_names.tsv.gz; empty when it is not built."""
    if not path.exists():
        return []
    with gzip.open(path, "rt", encoding="utf-8") as f:
        return [line.rstrip("\n") for line in f if not line.startswith("#")]


@lru_cache(maxsize=1)
def latin_names() -> LatinNames:
    return LatinNames(read_latin_names())
