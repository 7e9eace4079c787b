"""Matching keys for names: the same key for the spellings a reader takes as the same name.

`alias_key` is exact up to normalisation: diacritics, hamza forms, ة/ه, ى/ي, the article on each word,
punctuation, and the space in compounds such as "عبد الله"/"عبدالله". `skeleton_key` also forgives the
vowel letters and doubled letters that transliterations of foreign names vary in (نزارباييف / نزاربايف,
ميشوستين / ميشوستن, ترامب / ترمب).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from khabar.text.normalize import DIACRITICS, normalize, strip_article

_PUNCT = re.compile(r"[\"'«»()\[\]_\-–—.,،:#/]+")
_SPACES = re.compile(r"\s+")
# "عبد الله", "أبو ظبي", "أبو ردينة": written with and without the space (normalised heads).
COMPOUND_HEADS = frozenset({"عبد", "ابو"})
_DOUBLED = re.compile(r"(.)\1+")
# Letters that transliterations of the same foreign sound swap.
_SOUND_CLASSES = str.maketrans({"غ": "ج", "ق": "ك", "ط": "ت", "ظ": "ز", "ذ": "ز", "ث": "س", "ص": "س", "ض": "د"})


def join_compounds(words: Iterable[str]) -> list[str]:
    """Normalised words with "عبد"/"ابو" joined to the word after them: ["عبد", "الله"] -> ["عبدالله"].
    The one rule for the KB's keys and the gazetteer's token units."""
    out: list[str] = []
    for word in words:
        if out and out[-1] in COMPOUND_HEADS:
            out[-1] += word
        else:
            out.append(word)
    return out


@lru_cache(maxsize=1 << 16)  # names and words repeat across articles
def alias_key(name: str) -> str:
    words = _SPACES.sub(" ", _PUNCT.sub(" ", normalize(name))).strip().split(" ")
    return " ".join(strip_article(w) for w in join_compounds(w for w in words if w))


def demonym_key(word: str) -> str:
    """`alias_key` of a nationality adjective, except that an أل written with hamza begins the stem and is
    no article: "ألبان" (Albanians) is not "بان" (Ban Ki-moon's given name), "ألمان" not "مان"."""
    word = DIACRITICS.sub("", word.strip())
    return "ال" + alias_key(word[2:]) if word.startswith("أل") else alias_key(word)


def _skeleton_word(word: str) -> str:
    if not re.search("[\u0600-\u06ff]", word):
        return _DOUBLED.sub(r"\1", re.sub(r"(?<=.)[aeiouy]", "", word.casefold()))
    word = word.translate(_SOUND_CLASSES)
    word = word[0] + re.sub("[اوي]", "", word[1:])
    return _DOUBLED.sub(r"\1", word)


@lru_cache(maxsize=1 << 16)
def skeleton_key(name: str) -> str:
    return " ".join(_skeleton_word(w) for w in alias_key(name).split(" ") if w)


_PROCLITIC_CHAIN = re.compile("^[وف]?[بلك]?")
MIN_STEM = 3


def without_proclitics(name: str) -> list[tuple[str, int]]:
    """The name without a leading و/ف and/or ب/ل/ك, shortest strip first, with the number of characters
    dropped: "وبيلاروسيا" -> [("بيلاروسيا", 1), ("يلاروسيا", 2)]. After لـ the article loses its alef
    ("للأمم المتحدة"): that form is restored ("الأمم المتحدة") and counted as one character dropped, so that
    the mention is "لأمم المتحدة", as the annotation guideline writes it. The caller keeps the form its
    lexicon knows: only a lexicon can tell "وبيلاروسيا" from "فلاديمير"."""
    chain = _PROCLITIC_CHAIN.match(name).group()
    # ك without the article after it is more often a word's first letter than "like": "كابل" is no ك + "ابل"
    forms = [(name[n:], n) for n in range(1, len(chain) + 1)
             if len(name) - n >= MIN_STEM and (chain[n - 1] != "ك" or name.startswith("ال", n))]
    elided = name.find("لل", 0, 3)
    if elided in (0, 1) and name[:elided] in ("", "و", "ف"):
        forms.append(("ال" + name[elided + 2 :], elided + 1))
    return forms
