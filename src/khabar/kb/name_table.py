"""Build the token-level Arabic -> English name table (data/kb/name_tokens.tsv) from name pairs.

Every offline (Arabic name, English name) pair with as many words on both sides is aligned word by
word; a word pair is kept only when the two words sound alike (`sounds_alike`: same consonant
skeleton, roughly), which drops translations and reordered words ("أوبلاست أوديسا" / "Odessa Oblast",
"محاكمة القرد" / "Scopes trial"). Each Arabic word keeps its most frequent English spelling.

Sources (scripts/build_name_table.py): the KB's names and aliases, arwikicats' English -> Arabic
tables, and the Wikidata name units that arabic-name-romanizer ships (both from the `kb` extra);
nationality adjectives go to a table of their own (data/kb/demonyms_en.tsv: الفرنسية -> French), for
the names of organisations and places.
"""

from __future__ import annotations

import difflib
import gzip
import json
import re
import sqlite3
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from pathlib import Path

from khabar.kb.translit import ARTICLE, name_key, split_name
from khabar.text.normalize import normalize

Pair = tuple[str, str, int]  # Arabic name, English name, weight

_ARABIC = re.compile("[\u0621-\u064a]")
_PARENTHESES = re.compile(r"\s*\([^)]*\)")
_ENGLISH_WORD = re.compile(r"[^\W\d_][^\W\d_'\-]*[^\W\d_]", re.UNICODE)
_ENGLISH_ARTICLE = re.compile(r"^(?:al|el|a[dnrstz]|ash|ath|adh)[-' ]", re.IGNORECASE)
# Persian-script spellings (Iran, Pakistan, Afghanistan) romanise Arabic-script words their own way, and
# the Maghreb's follow French (الشيخ -> Chikh): English-language news spell the Mashreq's way.
_OTHER_CONVENTIONS = ("IR", "PK", "AF", "DZ", "MA", "TN", "MR")
# Transliterations (UniversalPetrarch) and templates (institutions) are not English names anyone wrote.
_DERIVED_SOURCES = {"universalpetrarch"}

# Consonant classes shared by both scripts: letters that transliterations swap fall together, vowels,
# h and the glottal letters are dropped (English writes them or not).
_ENGLISH_DIGRAPHS = [
    ("tch", "s"), ("sch", "s"), ("sh", "s"), ("th", "t"), ("dh", "t"), ("kh", "k"),
    ("gh", "k"), ("ph", "p"), ("ck", "k"), ("x", "ks"),
]
_ENGLISH_CLASSES = str.maketrans("bpfvdtzsqcgjklmnr", "PPPPTTSSKKKKKLMNR", "aeiouywh'-")
_ARABIC_CLASSES = str.maketrans(
    "بفتطدضثذظزسصشجغقكخلمنر", "PPTTTTTTSSSSSKKKKKLMNR", "اوييحهعءةأإآؤئى"
)
_DOUBLED = re.compile(r"(.)\1+")
MIN_SIMILARITY = 0.6
# English function words in names and titles ("Bank of ...") sound like Arabic ones (في / of).
_ENGLISH_FUNCTION_WORDS = {"of", "the", "and", "in", "on", "at", "for", "to", "from", "by", "with", "or"}


def english_skeletons(word: str) -> set[str]:
    """The consonant skeletons of an English word; "ch" is either sound (Charles, Christian)."""
    text = _fold(word).casefold()
    text = re.sub(r"c(?=[eiy])", "s", text)
    for digraph, sound in _ENGLISH_DIGRAPHS:
        text = text.replace(digraph, sound)
    return {_DOUBLED.sub(r"\1", re.sub("[^A-Z]", "", t.translate(_ENGLISH_CLASSES))) for t in _ch_readings(text)}


def _ch_readings(text: str) -> list[str]:
    return [text.replace("ch", "s"), text.replace("ch", "k")] if "ch" in text else [text]


def arabic_skeleton(word: str) -> str:
    text = normalize(word).replace("تش", "ش")
    return _DOUBLED.sub(r"\1", re.sub("[^A-Z]", "", text.translate(_ARABIC_CLASSES)))


def sounds_alike(arabic: str, english: str) -> bool:
    a = arabic_skeleton(arabic)
    return any(_similar(a, e) for e in english_skeletons(english))


def _similar(a: str, e: str) -> bool:
    if not a or not e:
        return a == e
    return a[0] == e[0] and difflib.SequenceMatcher(None, a, e).ratio() >= MIN_SIMILARITY


def _fold(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()


def aligned_words(arabic: str, english: str) -> list[tuple[str, str]]:
    """(table key, English word) for each word pair of a name pair; nothing when the two names have
    different numbers of words or one word pair does not sound alike (a translated or reordered name:
    "بلدية بالدوني" / "Baldone Municipality"). An Arabic word whose article the key drops pairs with the
    English word without its article ("الهاشمي" / "al-Hashimi" -> "هاشمي" / "Hashimi"), and again under
    the key with the article ("الهاشمي" / "Hashimi")."""
    ar_words = split_name(_PARENTHESES.sub("", arabic))
    en_words = _PARENTHESES.sub("", english).replace(",", " ").split()
    if len(ar_words) != len(en_words):
        return []
    aligned = []
    for ar, en in zip(ar_words, en_words):
        key, has_article = name_key(ar)
        if has_article:
            en = _ENGLISH_ARTICLE.sub("", en)
        # Latin letters only, accents allowed: English news do not write "Ħamrun"
        latin = _ENGLISH_WORD.fullmatch(en) and len(_fold(en)) == len(en)
        if len(key) < 2 or not latin or en.casefold() in _ENGLISH_FUNCTION_WORDS or not sounds_alike(key, en):
            return []
        aligned.append((key, en))
        if has_article:  # also under the word with its article, which names spell their own way (الدين: Din)
            aligned.append((ARTICLE + key, "al-" + en))
    return aligned


# arwikicats keys that are not the English adjective
_ADJECTIVE_FIXES = {"saudiarabian": "Saudi"}


def demonym_table(arwikicats_dir: Path) -> list[tuple[str, str]]:
    """(key, English adjective) for every form of arwikicats' nationality adjectives, sorted by key:
    الفرنسية -> French (the article is not written in English). The singular wins over "Americans"."""
    data = json.loads((arwikicats_dir / "jsons" / "nationalities" / "nationalities_data.json").read_text("utf-8"))
    table: dict[str, str] = {}
    for english, record in sorted(data.items()):
        if not re.fullmatch(r"[a-z]+(?: [a-z]+)*", english):
            continue
        adjective = _ADJECTIVE_FIXES.get(english) or " ".join(w.capitalize() for w in english.split())
        forms = [record.get(f, "") for f in ("male", "males", "female", "females", "the_male", "the_female")]
        forms += [ARTICLE + form for form in (record.get("males", ""), record.get("females", ""))]
        for form in forms:
            if form and " " not in form.strip():
                key, has_article = name_key(form)
                table.setdefault(ARTICLE + key if has_article else key, adjective)
    return sorted(table.items())


def build_table(pairs: Iterable[Pair]) -> list[tuple[str, str, int, int]]:
    """Rows (key, English, count of that spelling, count of all spellings), sorted by key. Spellings
    differing in case only count together; the cased form seen most often is the one written."""
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for arabic, english, weight in pairs:
        for key, word in aligned_words(arabic, english):
            counts[key][word] += weight
    rows = []
    for key in sorted(counts):
        by_spelling: dict[str, Counter[str]] = defaultdict(Counter)
        for word, n in counts[key].items():
            by_spelling[word.casefold()][word] += n
        ranked = sorted(by_spelling.items(), key=lambda kv: (-sum(kv[1].values()), kv[0]))
        forms = ranked[0][1]
        cased = [w for w in forms if w != w.casefold()]
        best = min(cased, key=lambda w: (-forms[w], w)) if cased else _capitalized(ranked[0][0])
        rows.append((key, best, sum(forms.values()), sum(counts[key].values())))
    return rows


def _capitalized(word: str) -> str:
    return "al-" + word[3:].capitalize() if word.startswith("al-") else word.capitalize()


def write_table(rows: Iterable[tuple], path: Path, header: str) -> None:
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(header)
        f.writelines("\t".join(map(str, row)) + "\n" for row in rows)


# --- sources


def kb_pairs(kb_file: Path) -> Iterator[Pair]:
    """Each Arabic name of a KB entry with each of its English names (words are aligned later)."""
    with gzip.open(kb_file, "rt", encoding="utf-8") as f:
        entries = json.load(f)["entries"]
    for entry in entries:
        if entry.get("source") in _DERIVED_SOURCES or entry.get("kind") == "institution":
            continue
        english = dict.fromkeys([entry["name_en"], *entry.get("aliases_en", [])])
        for arabic in dict.fromkeys([entry["name_ar"], *entry.get("aliases_ar", [])]):
            for name in english:
                yield arabic, name, 1


def arwikicats_pairs(arwikicats_dir: Path) -> Iterator[Pair]:
    """Every distinct English -> Arabic string pair of arwikicats' JSON tables (people, cities, clubs,
    ...; category phrases among them fail the sound check word by word)."""
    seen: set[tuple[str, str]] = set()
    for path in sorted((arwikicats_dir / "jsons").rglob("*.json")):
        for english, arabic in _string_pairs(json.loads(path.read_text("utf-8"))):
            if _ARABIC.search(arabic) and not _ARABIC.search(english) and (arabic, english) not in seen:
                seen.add((arabic, english))
    yield from ((a, e, 1) for a, e in sorted(seen))


def _string_pairs(data: object) -> Iterator[tuple[str, str]]:
    if isinstance(data, dict):
        for key, value in data.items():
            if isinstance(value, str):
                yield key, value
            else:
                yield from _string_pairs(value)
    elif isinstance(data, list):
        for value in data:
            yield from _string_pairs(value)


def romanizer_pairs(names_db: Path) -> Iterator[Pair]:
    """Name units (one given name or surname) and how many Wikidata people spell them so, from
    arabic-name-romanizer's index; rows of Persian-script and Maghreb countries are left out."""
    marks = ",".join("?" * len(_OTHER_CONVENTIONS))
    with sqlite3.connect(f"file:{names_db}?mode=ro", uri=True) as db:
        rows = db.execute(
            f"SELECT arabic_key, latin, SUM(count) FROM units WHERE country NOT IN ({marks})"
            " GROUP BY arabic_key, latin ORDER BY arabic_key, latin",
            _OTHER_CONVENTIONS,
        ).fetchall()
    yield from ((a, latin, n) for a, latin, n in rows if " " not in a.strip())
