"""A readable English transliteration of Arabic names, for entities the KB does not know.

Common given names and name words take their usual English spelling (curated/name_words.tsv: محمد ->
Mohammed, ديفيد -> David). Other words are rule-based and deliberately simple: consonants by the usual
news romanisation, long vowels from ا و ي ى, taa marbuta as "a", an "a" between the two first consonants
(Arabic leaves short vowels unwritten), the article as "al-".
"""

from __future__ import annotations

import re
from functools import lru_cache

from khabar.kb.keys import alias_key
from khabar.kb.sources import CURATED
from khabar.text.normalize import DIACRITICS

_CONSONANTS = {
    "ب": "b",
    "ت": "t",
    "ث": "th",
    "ج": "j",
    "ح": "h",
    "خ": "kh",
    "د": "d",
    "ذ": "dh",
    "ر": "r",
    "ز": "z",
    "س": "s",
    "ش": "sh",
    "ص": "s",
    "ض": "d",
    "ط": "t",
    "ظ": "z",
    "ع": "",
    "غ": "gh",
    "ف": "f",
    "ق": "q",
    "ك": "k",
    "ل": "l",
    "م": "m",
    "ن": "n",
    "ه": "h",
    "ء": "",
    "ئ": "",
    "ؤ": "",
    "پ": "p",
    "چ": "ch",
    "ڤ": "v",
    "گ": "g",
}


@lru_cache(maxsize=1)
def name_words() -> dict[str, str]:
    """Key of an Arabic name word -> its usual English spelling (curated/name_words.tsv)."""
    table = {}
    with open(CURATED / "name_words.tsv", encoding="utf-8") as f:
        for line in f:
            if line.strip() and not line.startswith("#"):
                arabic, english = line.rstrip("\n").split("\t")
                table[alias_key(arabic)] = english
    return table


_ABD = re.compile("^عبد ?(ال)?")


def _letters(word: str) -> str:
    out: list[str] = []
    consonants_in_row = 0
    for i, ch in enumerate(word):
        if ch in "اأإآٱى":
            out.append("a")
            consonants_in_row = 0
        elif ch == "ة":
            out.append("a")
        elif ch in "وي":
            vowel = consonants_in_row > 0 and i > 0
            out.append(("u" if ch == "و" else "i") if vowel else ("w" if ch == "و" else "y"))
            consonants_in_row = 0 if vowel else 1
        elif ch in _CONSONANTS:
            if consonants_in_row and len(out) == 1:
                out.append("a")
            out.append(_CONSONANTS[ch])
            consonants_in_row += 1
        elif ch.isascii():
            out.append(ch)
    return "".join(out)


def _word(word: str) -> str:
    known = name_words()
    if (english := known.get(alias_key(word))) is not None:
        return english
    if word.startswith("ال") and (english := known.get(alias_key(word[2:]))) is not None:
        return "al-" + english
    if _ABD.match(word) and len(word) > 4:
        return "Abdul" + _letters(_ABD.sub("", word)).lower()
    prefix = ""
    if word.startswith("ال") and len(word) > 3:
        prefix, word = "al-", word[2:]
    text = _letters(word)
    return prefix + text[:1].upper() + text[1:]


def transliterate(name: str) -> str:
    words = DIACRITICS.sub("", name).replace("عبد ال", "عبدال").split()
    return " ".join(w for w in (_word(w) for w in words) if w)
