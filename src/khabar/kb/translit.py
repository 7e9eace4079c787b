"""A readable English transliteration of Arabic names, for entities the KB does not know.

Word by word: common given names and name words take their curated spelling (curated/name_words.tsv:
محمد -> Mohammed, ديفيد -> David); then the spelling English sources use most for that word
(name_tokens.tsv, built by scripts/build_name_table.py from the KB, arwikicats and Wikidata's name
units: ستار -> Sattar, فريدمان -> Friedman), or of a word it writes with other vowel letters. Other
words are rule-based and deliberately simple: consonants by the usual news romanisation, long vowels
from ا و ي ى, taa marbuta as "a", the article as "al-", an ain between consonants as a syllable (كرعل: Kar'al);
an Arabic word gets an "a" between its first two
consonants (short vowels are unwritten), a foreign-looking one (no ع ح ص ض ظ ق ء ة) reads و as "o" and
keeps an initial Br/Sl cluster, غ as "g" and a final "-er" (برونسون -> Bronson, ساندلر -> Sandler).
Foreign-looking words snap to real names (khabar.kb.western, latin_names.tsv.gz): after a Western given
name, later words take the surname they spell, of the given name's origins first (كين ستار -> Ken Starr,
روبرت مولر -> Robert Mueller, جاكومو ليوباردي -> Giacomo Leopardi); a first word and later words no
source spells take the given name or surname they spell (كلاوديو -> Claudio); an unknown place, the
world city or US state (باولينج جرين -> Bowling Green). scripts/eval_name_table.py measures each step
on held-out names.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

from khabar.kb.keys import alias_key, skeleton_key
from khabar.kb.name_words_en import translate_name
from khabar.kb.sources import CURATED, curated_demonyms, tsv_rows
from khabar.kb.western import latin_names, vowels_fit
from khabar.text.normalize import DIACRITICS, normalize

NAME_TOKENS = CURATED.parent / "name_tokens.tsv"
DEMONYMS = CURATED.parent / "demonyms_en.tsv"
ARTICLE = "ال"
MIN_CONSONANT_LETTERS = 4  # shorter consonant skeletons are shared by unrelated names
MAX_SHORTER = 2  # letters an English spelling may have fewer than the Arabic word it spells

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


FOREIGN_SECTION = "# == foreign given names =="
ENGLISH_ORIGINS = frozenset({"us", "en"})  # given-name lists that make a name English-speaking
ESTABLISHED_SPELLING = 20  # sources spelling an Arabic name word this often: a common Arabic name (Karam, Jamil)


@lru_cache(maxsize=1)
def _curated_name_words() -> tuple[dict[str, str], frozenset[str], frozenset[str]]:
    """curated/name_words.tsv: key of an Arabic name word -> its usual English spelling; the English of
    the Arabic name words and of the foreign given names (the section after FOREIGN_SECTION)."""
    table: dict[str, str] = {}
    sections: tuple[set[str], set[str]] = (set(), set())
    foreign = False
    with open(CURATED / "name_words.tsv", encoding="utf-8") as f:
        for line in f:
            foreign = foreign or line.startswith(FOREIGN_SECTION)
            if line.strip() and not line.startswith("#"):
                arabic, english = line.rstrip("\n").split("\t")
                table[alias_key(arabic)] = english
                sections[foreign].add(english.lower())
    return table, frozenset(sections[0]), frozenset(sections[1])


def name_words() -> dict[str, str]:
    return _curated_name_words()[0]


@lru_cache(maxsize=1)
def latin_letters() -> dict[str, str]:
    """Arabic spelling of a Latin letter's name -> the letter (curated/latin_letters.tsv)."""
    return {normalize(arabic): letter for arabic, letter in tsv_rows(CURATED / "latin_letters.tsv")}


def _acronym(words: list[str]) -> str | None:
    """ "أر بي سي" -> RBC: two letters' names or more, and nothing else."""
    letters = [latin_letters().get(normalize(w)) for w in words]
    return "".join(letters) if len(letters) >= 2 and all(letters) else None


def is_western_given_name(arabic: str, english: str) -> bool:
    """A given name that makes the name Western: a curated foreign given name, a US census one, or one of
    faker's lists of Western countries that is not also an Arabic given name (Farid is in the French list),
    spelled without the letters only Arabic words use, and not a curated Arabic name word (Omar, Sami...)."""
    _, arabic_words, foreign_given = _curated_name_words()
    english = english.lower()
    if _ARABIC_ONLY & set(arabic) or english in arabic_words:
        return False
    return english in foreign_given or latin_names().is_western(english)


def _given_name(words: list[str], english: list[str], table: NameTable) -> None:
    """A foreign-looking first word that neither a curated word nor the table's own key spells (a vowel
    variant is a guess) takes the Western given name it spells (كلاوديو: Claudio, not Klawdio)."""
    first = words[0]
    if len(words) < 2 or _ARABIC_ONLY & set(first) or alias_key(first) in name_words():
        return
    if table.get(name_key(first)[0], variants=False) is None:
        english[0] = latin_names().given(first) or english[0]


def _western_surnames(words: list[str], english: list[str], table: NameTable) -> None:
    """After a Western given name, each foreign-looking word takes the surname it spells, one of the
    given name's origins first (كين ستار: Ken Starr, not Ken Sattar), unless it is an established Arabic
    name word: a curated one or one the sources spell often (ميشال سليمان is Michel Suleiman, not
    Silliman). A French given name spells a Slavic surname the French way (Alain Krakovitch). After any
    other first word, only a foreign-looking word no source spells takes a surname (its spelling by the
    rules is a guess: هوب هيكس -> Hicks, not Hiks)."""
    if len(words) < 2:
        return
    western = is_western_given_name(words[0], english[0])
    names = latin_names()
    origins = names.origins(english[0].lower()) if western else frozenset()
    for i, word in enumerate(words[1:], 1):
        if _ARABIC_ONLY & set(word) or word.startswith(ARTICLE) or alias_key(word) in name_words():
            continue
        if table.table.get(name_key(word)[0], ("", 0))[1] >= ESTABLISHED_SPELLING:
            continue
        if not western and table.get(name_key(word)[0]) is not None:
            continue  # without a Western given name, only a word no source spells
        english[i] = names.surname(word, english[i], origins) or english[i]
        if "fr" in origins and not origins & ENGLISH_ORIGINS:
            english[i] = re.sub("(?<=[vi])ch$", "tch", english[i])


def read_name_tokens(path: Path = NAME_TOKENS) -> dict[str, tuple[str, int]]:
    """Key of an Arabic name word (`name_key`) -> its most frequent English spelling in the sources and
    how often the sources spell that word at all (name_tokens.tsv); empty when the table is not built."""
    if not path.exists():
        return {}
    # an English word much shorter than the Arabic one is an alignment slip of a source (روسيا: "Ar",
    # ماليزيون: "Males"), not its spelling
    return {key: (english, int(total)) for key, english, _count, total in tsv_rows(path)
            if len(english) >= len(key) - MAX_SHORTER}


class NameTable:
    """Lookup in the name-word table: the word's own key, else a word the table writes with other
    vowel letters (Arabic spells the vowels of foreign names either way: كاندال / كيندال -> Kendall),
    the one the sources spell most often whose English spelling, for a foreign-looking word, has the
    long vowels the word writes (`western.vowels_fit`: زلاتان is not Zliten, بوشيروف not Bashrif).
    `vowel_variants=False`: the word's own key only."""

    def __init__(self, table: dict[str, tuple[str, int]], vowel_variants: bool = True):
        self.table = table
        self.by_consonants: dict[str, list[str]] = {}  # English spellings, most spelled first
        ranked = sorted(table.items(), key=lambda item: (-item[1][1], item[0])) if vowel_variants else ()
        for key, (english, _total) in ranked:
            consonants = _without_vowel_letters(key)
            if len(consonants) >= MIN_CONSONANT_LETTERS:
                self.by_consonants.setdefault(consonants, []).append(english)

    def get(self, key: str, variants: bool = True) -> str | None:
        if key in self.table:
            return self.table[key][0]
        candidates = self.by_consonants.get(_without_vowel_letters(key), []) if variants else []
        if _ARABIC_ONLY & set(key):
            return next(iter(candidates), None)  # an Arabic word: English writes its vowels many ways
        return next((english for english in candidates if vowels_fit(key, english)), None)


@lru_cache(maxsize=1)
def name_table() -> NameTable:
    return NameTable(read_name_tokens())


@lru_cache(maxsize=1)
def demonyms() -> dict[str, str]:
    """Key of a nationality adjective (with its article: ال + `name_key`) -> the English adjective
    (demonyms_en.tsv): الفرنسية -> French; the spellings of curated/demonyms.yaml that arwikicats lacks
    ("الأميركية") take the English of another spelling of theirs ("امريكي")."""
    table = {key: english for key, english in tsv_rows(DEMONYMS)} if DEMONYMS.exists() else {}
    for _, forms in curated_demonyms():
        keys = [_key_with_article(form) for form in forms]
        english = next((table[k] for k in keys if k in table), None)
        for key in keys if english else ():
            table.setdefault(key, english)
    return table


def _key_with_article(word: str) -> str:
    key, has_article = name_key(word)
    return ARTICLE + key if has_article else key


def _demonym(word: str) -> str | None:
    return demonyms().get(_key_with_article(word))


def _without_vowel_letters(key: str) -> str:
    # the first and last letters stay: a final ي is a suffix of its own (حمران is not حمروني)
    return key[:1] + re.sub("[اوي]", "", key[1:-1]) + key[-1:] if len(key) > 2 else key


def name_key(word: str) -> tuple[str, bool]:
    """The table key of a name word and whether the key dropped its article: "الهاشمي" -> ("هاشمي", True)."""
    key = alias_key(word)
    return key, normalize(word).startswith("ال") and not key.startswith("ال")


def split_name(name: str) -> list[str]:
    """The words of a name as the transliteration takes them: "عبد الرحمن" is one word."""
    return DIACRITICS.sub("", name).replace("عبد ال", "عبدال").split()


_ABD = re.compile("^عبد ?(ال)?")


# Letters Arabic spellings of foreign names hardly use: a word with one of them is read as Arabic.
_ARABIC_ONLY = set("عحصضظقءئؤة")
_CLUSTER_STARTS = set("بتدكفغجسشپڤگ")  # Br, Tr, Dr, Kr, Fr, Gr, Sl, Shl...: not w, y, m, n


# Endings of foreign names with a usual spelling, and the letters of the stem before them: Slavic
# -فيتش/-يتش -vich/-ich (Milošević, Vučić), -وف/-وفا -ov/-ova (Suvorov, Sharapova), -يف/-يفا -ev/-eva
# (Medvedev: after a longer stem, since Arabic names end so too: شريف), Latin and Italian -يوس/-يو
# -ius/-io (Julius, Claudio), not "-fitsh", "-of", "-iws", "-iw".
_FOREIGN_ENDINGS = (
    ("فيتش", "vich", 2),
    ("يتش", "ich", 2),
    ("وفا", "ova", 2),
    ("وف", "ov", 2),
    ("يفا", "eva", 3),
    ("يف", "ev", 3),  # not after ل: -cliff (راتكليف Ratcliffe)
    ("يوس", "ius", 2),
    ("يو", "io", 2),
)


def _letters(word: str, arabic: bool = False, final: bool = True) -> str:
    """`final=False`: the stem before an ending (no final "-er": ديمتريوس is Dimitrius, not Dimterius)."""
    if not arabic and not _ARABIC_ONLY & set(word):
        for ending, english, min_stem in _FOREIGN_ENDINGS:
            stem = word[: -len(ending)]
            cliff = english.startswith("e") and stem[-1:] == "ل"
            if word.endswith(ending) and len(stem) >= min_stem and stem[-1] in _CONSONANTS and not cliff:
                return _letters(stem, final=False) + english
        word = word.replace("تش", "چ")  # the sound ch (Chattanooga, Mitchell), not "tsh"
    # Foreign names in Arabic script: و is mostly "o", initial clusters (Br, Sl) and a final "-er" are
    # common; Arabic words (`arabic`: a word that had the article) take "ou" (Yarmouk, Masoura, as news
    # write it) and an "a" after their first consonant.
    foreign = not arabic and not _ARABIC_ONLY & set(word)
    out: list[str] = []
    consonants_in_row = 0
    for i, ch in enumerate(word):
        if ch == "إ" and i == 0:
            out.append("i")  # hamza below is an i (إبراهيموفيتش: Ibrahimovich, not Abrahimovich)
            consonants_in_row = 0
        elif ch == "ي" and word[:1] == "إ" and i == 1:
            pass  # إي is one long i (إيلكاي: Ilkay, not Iylkay)
        elif ch in "اأإآٱى":
            out.append("a")
            consonants_in_row = 0
        elif ch == "ة":
            out.append("a")
        elif ch in "وي":
            vowel = consonants_in_row > 0 and i > 0
            if not vowel:
                out.append("w" if ch == "و" else "y")
            else:
                out.append(("o" if foreign else "ou") if ch == "و" else "i")
            consonants_in_row = 0 if vowel else 1
        elif ch == "ع" and consonants_in_row and word[i + 1 : i + 2] in _CONSONANTS.keys() - {"ع"}:
            # an ain between two consonants is a syllable of its own: كرعل is Kar'al, not Karl; بعث Ba'ath
            out.append("a'a" if len(out) == 1 else "'a")
            consonants_in_row = 0
        elif ch in _CONSONANTS:
            if consonants_in_row and len(out) == 1 and not (foreign and ch in "رل" and word[0] in _CLUSTER_STARTS):
                out.append("a")
            elif foreign and final and consonants_in_row and i == len(word) - 1 and ch == "ر":
                out.append("e")
            out.append("g" if foreign and ch == "غ" else _CONSONANTS[ch])
            consonants_in_row += 1
        elif ch.isascii():
            out.append(ch)
    text = "".join(out)
    if foreign and word[:2] in ("أو", "او") and word[2:3] in _CONSONANTS:
        text = "o" + text[2:]  # أوريغون: Oregon, not Awrigon
    if len(text) > 2 and text.isalpha() and not re.search("[aeiou]", text):  # برط: Bart, not Brt (a foreign cluster needs a vowel)
        text = text[0] + "a" + text[1:]
    return _break_clusters(text) if foreign and final else text


# Word ends English spells without a vowel before the last consonant; "sh", "ch"... are one sound.
_LATIN_CONSONANT = re.compile("sh|ch|kh|th|gh|dh|ph|[bcdfghjklmnpqrstvwxz]")
_FINAL_CLUSTERS = set(
    "nt nd st rt rd rk ld lt lk lp rp rb rn rm rs ks ts ng nj nk rg sk ft ns ls rz nz tz lf lm rf rv mp ck pt ct".split()  # noqa: SIM905
)


def _break_clusters(text: str) -> str:
    """A readable fallback for foreign words: an "e" before a last consonant English does not end a word
    with after another (ريشتهوفن: Rishthofen, not Rishthofn; كوسنت stays Kosnt, as Kent)."""
    units = [m.group() for m in re.finditer(f"{_LATIN_CONSONANT.pattern}|.", text)]
    last_two = units[-2:]
    if (
        len(units) > 3
        and all(_LATIN_CONSONANT.fullmatch(u) for u in last_two)
        and "".join(last_two) not in _FINAL_CLUSTERS
        and last_two[1] != "h"  # a final ه (دينه: Dinh)
    ):
        return "".join(units[:-1]) + "e" + units[-1]
    return text


def _word(word: str, table: NameTable, person: bool) -> str:
    known = name_words()
    if (english := known.get(alias_key(word))) is not None:
        return english
    if word.startswith("ال") and (english := known.get(alias_key(word[2:]))) is not None:
        return "al-" + english
    key, has_article = name_key(word)
    # vowel variants are for foreign names; a word with the article is an Arabic one, whose variants are
    # other words (الجردان is not الغارديان "The Guardian", nor الأردن Jordan)
    if has_article and (english := table.get(ARTICLE + key, variants=False)) is not None:
        return english
    if (english := table.get(key, variants=person and not has_article)) is not None:
        return "al-" + english if has_article else english
    if _ABD.match(word) and len(word) > 4:
        return "Abdul" + _letters(_ABD.sub("", word)).lower()
    prefix = ""
    if word.startswith("ال") and len(word) > 3:
        prefix, word = "al-", word[2:]
    text = _letters(word, arabic=bool(prefix))
    return prefix + text[:1].upper() + text[1:]


# shorter names and skeletons are shared by unrelated places (فان: Van, Vannes; بيتا: Bita, Pietà)
MIN_PLACE_KEY, MIN_PLACE_SKELETON = 5, 4


def _known_word(word: str, table: NameTable) -> bool:
    """A curated name word or one the name-word table spells."""
    return alias_key(word) in name_words() or table.get(name_key(word)[0]) is not None


def _city(name: str) -> str | None:
    """A foreign-looking name of a world city, as Arabic writes it or with other vowel letters and the
    letters transliterations swap (باولينج جرين: Bowling Green). Names of Arabic words (الخضراء) are
    left to the table: a city elsewhere may bear them."""
    if _ARABIC_ONLY & set(name) or normalize(name).startswith(ARTICLE):
        return None
    key, skeleton = alias_key(name), skeleton_key(name)
    if len(key.replace(" ", "")) < MIN_PLACE_KEY:
        return None
    return latin_names().place(key, skeleton if len(skeleton.replace(" ", "")) >= MIN_PLACE_SKELETON else None, name)


# The same unknown names recur across articles (Kim Jong Un, the day's newsmakers); a spelling depends only
# on the name and the options.
@lru_cache(maxsize=65_536)
def transliterate(
    name: str,
    table: NameTable | None = None,
    person: bool = True,
    translate: bool = True,
    place: bool = False,
    known: Callable[[str], str | None] | None = None,
) -> str:
    """`table`: the name-word table to use (default: name_tokens.tsv). `place`: a city with this Arabic
    name takes its GeoNames English name (بولينغ غرين -> Bowling Green). `person=False` (organisations,
    places): names with words of curated/name_translations.tsv are translated (khabar.kb.name_words_en:
    "حرس الحدود اليمني" -> "Yemeni Border Guard"); in the others nationality adjectives are translated
    and a final one comes first ("كتاف اليمنية" -> "Yemeni Kataf"); `translate=False` for names that are
    proper names whatever their words (a newspaper "التيار" is Al-Tayar, not "Movement"); words take their own spelling in the table only, since
    most are common words, not foreign names spelled with other vowels. In people's names a nationality
    adjective is a family name (أيمن المصري: Ayman al-Masri). `known`: the English name of a word the caller
    knows as a name of its own (a country inside an organisation's name: "جمعية الصداقة روسيا - مصر")."""
    table = table or name_table()
    words = split_name(name)
    if (place or (person and len(words) > 1 and not _known_word(words[0], table))) and (english := _city(name)):
        return english  # a person's name beginning with no name word may be a place the tagger took for one
    if acronym := _acronym(words):
        return acronym
    if not person and translate and (
        translated := translate_name(words, _demonym, lambda w: (known and known(w)) or _word(w, table, person))
    ):
        return translated
    english = [(None if person else _demonym(w)) or _word(w, table, person) for w in words]
    if person:
        _given_name(words, english, table)
        _western_surnames(words, english, table)
    if not person and len(words) > 1 and _demonym(words[-1]):
        english.insert(0, english.pop())
    return " ".join(w for w in english if w)
