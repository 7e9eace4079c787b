"""Wider context features (an option of khabar.ner.features, recorded in the model folder): organisation and
MISC names are longer than person and place names and are recognised by words further away than ±2 — the
head noun three words before ("الاتحاد الدولي لكرة القدم"), the quotation marks or brackets that close a
name ("مجموعة "الرؤية""), a nationality adjective after a head ("الاتحاد الأوروبي"), a list ("و", commas).

Every attribute still comes from ONE word at a fixed offset, as khabar.ner.emission needs: a word lends its
neighbours at ±1 and ±2 a few word classes besides its identity, and lends the words at ±3 only classes
(name knowledge, coarse cluster, marks), never its identity, so that the wider window adds few weights.
"""

from __future__ import annotations

WIDE_WINDOW = (-3, -2, -1, 1, 2, 3)
FAR_OFFSETS = (-3, 3)  # offsets that get the classes only

# marks of normalised words (khabar.text.normalize writes every double quotation mark as '"', "،" as ",")
_MARKS = {
    **dict.fromkeys("\"'", "quote"),
    **dict.fromkeys("([{", "open"),
    **dict.fromkeys(")]}", "close"),
    **dict.fromkeys("-–—", "dash"),
    ",": "comma",
    "/": "slash",
}
_CLOSING = {'"': ('"', "Q"), "(": (")", "P")}  # opening mark -> its closing mark, span kind
MAX_QUOTED = 6  # tokens between the marks; a longer stretch is a quotation, not a name
_ARTICLES = ("ال", "لل")
MAX_HEADED = 6  # words of a headed name
# words that continue a headed name: definite, nisba, or a complement with ل ("الاتحاد الدولي لكرة القدم")
_HEADED_WORD = frozenset({"def", "nisba", "pro=ل", "pro=لل"})
# relative adjectives (nisba): "الأوروبي", "الفرنسية", "الإسلامية"; a name's head is often followed by one
_NISBA_ENDINGS = ("ية", "يه", "ي")
_MIN_NISBA_STEM = 4


def word_classes(word: str, stem: str, shape: str) -> list[str]:
    """Classes of a normalised word that generalise over words: punctuation mark kind, a nisba ending,
    its proclitics (a preposition or و before the stem) and whether they hold the article, its script."""
    classes = []
    mark = _MARKS.get(word)
    if mark:
        classes.append("mark=" + mark)
    if len(stem) >= _MIN_NISBA_STEM and stem.endswith(_NISBA_ENDINGS):
        classes.append("nisba")
    if len(word) > len(stem):
        proclitics = word[: len(word) - len(stem)]
        classes.append("pro=" + proclitics)
        if proclitics.endswith(_ARTICLES):
            classes.append("def")
    if shape != "ar":
        classes.append("shape=" + shape)
    return classes


def wide_lent(near: tuple[str, ...], classes: list[str], kinds: list[str],
              clusters: tuple[str, ...]) -> dict[int, tuple[str, ...]]:
    """What a word lends each neighbour offset of WIDE_WINDOW, given what it lends at ±1/±2 (`near`,
    unprefixed), its classes, name-knowledge kinds and clusters (coarsest first)."""
    far = [*classes, *("nk=" + kind for kind in kinds), *(("c0=" + clusters[0],) if clusters else ())]
    out = {}
    for offset in WIDE_WINDOW:
        lent = far if offset in FAR_OFFSETS else [*near, *classes]
        out[offset] = tuple(f"{offset}{f}" for f in lent)
    return out


def quoted_spans(words: list[str]) -> list[str]:
    """BIO tags of the stretches of at most MAX_QUOTED normalised words between a quotation mark and the
    next one (kind Q), or inside brackets (kind P): quoted names of bodies, products, events and acronyms.
    Read like a gazetteer's tags (khabar.ner.features.FeatureExtractor.gazetteer_tags): one tag per token."""
    tags = ["O"] * len(words)
    i = 0
    while i < len(words):
        closing, kind = _CLOSING.get(words[i], (None, None))
        end = next((j for j in range(i + 1, min(len(words), i + MAX_QUOTED + 2)) if words[j] == closing), None)
        if end is not None and end > i + 1:
            tags[i + 1 : end] = ["B-" + kind] + ["I-" + kind] * (end - i - 2)
            i = end + 1
        else:
            i += 1
    return tags


def headed_spans(heads: list[bool], classes: list[tuple[str, ...]]) -> list[str]:
    """BIO tags (kind H) of a head noun of organisations ("الوكالة", "المعهد", "اتحاد") and the definite
    words, nisba adjectives and ل complements that follow it, up to MAX_HEADED words ("المعهد الوطني الأميركي لرصد
    الزلازل"): the CRF sees at most three words back, a name of bodies runs longer."""
    tags = ["O"] * len(heads)
    i = 0
    while i < len(heads):
        end = i + 1
        if heads[i]:
            while end < min(len(heads), i + MAX_HEADED) and not _HEADED_WORD.isdisjoint(classes[end]):
                end += 1
        if end > i + 1:
            tags[i:end] = ["B-H"] + ["I-H"] * (end - i - 1)
        i = end
    return tags
