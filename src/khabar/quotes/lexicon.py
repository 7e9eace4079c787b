"""The quote lexicon: reporting-verb forms, attribution phrases, quotation marks and speaker words, loaded once
from `khabar/data/quotes/*.yaml` and normalised with the same `normalize` used on tokens."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from khabar.text.normalize import normalize, strip_article

GENDERS = ("m", "f", "pl", "du")


@dataclass(frozen=True, slots=True)
class CueForm:
    """One inflected form of a reporting verb."""

    lemma: str
    tense: str  # finite | participle | masdar (verbal noun with its subject before) | noun (author after)
    gender: str  # m | f | pl | du
    complements: frozenset[str]
    needs_complement: bool = False
    ambiguous: bool = False
    source_prepositions: frozenset[str] = frozenset()
    object_pronoun: bool = False
    needs_object: bool = False  # "اتهم X Y بـ": with only X before the complement, X is the accused (a passive)
    present: bool = False  # an imperfect form ("يقول"): after "أن" a subjunctive, no statement made


@dataclass(frozen=True, slots=True)
class QuoteLexicon:
    forms: dict[str, CueForm]
    nouns: dict[str, CueForm]  # speech-act nouns, looked up when no verb form matches ("طلب" is both)
    cue_words: frozenset[str]  # the forms and the impersonal forms: every stem `cue_at` looks up
    impersonal: frozenset[str]
    complementizers: frozenset[str]
    attribution_heads: frozenset[str]
    source_fillers: frozenset[str]  # attribution fillers and kinds of organisation
    mark_patterns: tuple[re.Pattern, ...]  # one per family, matching any of its marks
    openers_only: frozenset[str]
    closers_only: frozenset[str]
    min_speech_words: int
    titles: frozenset[str]
    spokespeople: frozenset[str]
    statements: frozenset[str]
    impersonal_titles: frozenset[str]
    unnamed: dict[str, str]  # normalised noun → entity type
    numerals: frozenset[str]
    organisation_heads: frozenset[str]
    subject_links: frozenset[str]  # the relative pronouns included
    relative_pronouns: frozenset[str]
    copulas: frozenset[str]
    non_subjects: frozenset[str]  # the time words included
    time_words: frozenset[str]
    clause_particles: frozenset[str]
    fronting_prepositions: frozenset[str]  # "وحول مستوى الحارس، أضاف": a topic fronted before the verb
    recap_verbs: frozenset[str]  # "جاء ذلك في كلمته، مؤكداً": the sentence recaps the previous statement
    scripture_subjects: frozenset[str]  # "قال الله تعالى": a citation of scripture
    document_verbs: frozenset[str]  # "وجاء في بيان لـ X أن": the document's author speaks
    quantifiers: frozenset[str]  # "العديد من"، "بعض" before an unnamed group


def _norms(words) -> frozenset[str]:
    return frozenset(normalize(w) for w in words)


def title_key(norm: str) -> str:
    """A title without the article and the feminine ending: "المتحدثة" → متحدث, "سماحته" (stem سماحت) → سماح."""
    word = strip_article(norm)
    return word[:-1] if len(word) > 3 and word[-1] in "هت" else word


def _inflect(lemma: str, present: str, participle: str) -> dict[str, dict[str, list[str]]]:
    """Regular 3rd-person forms by tense and gender: قال/قالت/قالوا/قالا، يقول/تقول/يقولون، قائلا/قائلة/قائلين."""
    present_f = "ت" + present[1:]
    return {
        "finite": {
            "m": [lemma, present],
            "f": [lemma + "ت", present_f],
            "pl": [lemma + "وا", present + "ون"],
            "du": [lemma + "ا", lemma + "تا", present + "ان", present_f + "ان"],
        },
        "participle": {"m": [participle + "ا"], "f": [participle + "ة"], "pl": [participle + "ين"], "du": []},
    }


def _verb_forms(lemma: str, spec: dict) -> dict[str, CueForm]:
    skip = _norms(spec.get("skip", []))
    common = dict(
        complements=_norms(spec.get("complements", [])),
        needs_complement=bool(spec.get("needs_complement", False)),
        ambiguous=bool(spec.get("ambiguous", False)),
        source_prepositions=_norms(spec.get("source_prepositions", [])),
        object_pronoun=bool(spec.get("object_pronoun", False)),
        needs_object=bool(spec.get("needs_object", False)),
    )
    out: dict[str, CueForm] = {}
    present = normalize(spec["present"])
    imperfect = {present, "ت" + present[1:], present + "ون", present + "ان", "ت" + present[1:] + "ان"}
    for tense, by_gender in _inflect(lemma, spec["present"], spec["participle"]).items():
        for gender, words in by_gender.items():
            for word in words:
                norm = normalize(word)
                if norm not in skip:
                    out.setdefault(norm, CueForm(lemma, tense, gender, **common, present=norm in imperfect))
    for gender, words in (spec.get("override") or {}).items():
        for word in words:
            out[normalize(word)] = CueForm(lemma, "finite", gender, **common)
    return out


DATA_DIR = Path(__file__).resolve().parent.parent / "data" / "quotes"


def _read(name: str) -> dict:
    return yaml.safe_load((DATA_DIR / name).read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def load_lexicon() -> QuoteLexicon:
    verbs = _read("reporting_verbs.yaml")
    attribution = _read("attribution.yaml")
    marks = _read("marks.yaml")
    actors = _read("actors.yaml")

    forms: dict[str, CueForm] = {}
    for lemma, spec in verbs["verbs"].items():
        for norm, form in _verb_forms(normalize(lemma), spec).items():
            forms.setdefault(norm, form)
    for masdar in verbs["masdars"]:
        forms.setdefault(normalize(masdar), CueForm(normalize(masdar), "masdar", "m", frozenset()))
    nouns = {normalize(n): CueForm(normalize(n), "noun", "m", frozenset()) for n in verbs["speech_nouns"]}

    unnamed = {strip_article(normalize(w)): etype for etype, words in actors["unnamed"].items() for w in words}
    impersonal = _norms(verbs["impersonal"])
    return QuoteLexicon(
        forms=forms,
        nouns=nouns,
        cue_words=frozenset(forms) | frozenset(nouns) | impersonal,
        impersonal=impersonal,
        complementizers=frozenset(
            normalize(c) + normalize(s) for c in verbs["complementizers"] for s in ["", *verbs["pronoun_suffixes"]]
        ),
        attribution_heads=_norms(attribution["heads"]),
        source_fillers=_norms(attribution["fillers"]) | _norms(actors["organisation_heads"]),
        mark_patterns=tuple(re.compile("[" + re.escape("".join(m)) + "]") for m in marks["families"].values()),
        openers_only=frozenset(marks["openers_only"]),
        closers_only=frozenset(marks["closers_only"]),
        min_speech_words=int(marks["min_speech_words"]),
        titles=frozenset(title_key(normalize(w)) for w in actors["titles"]),
        spokespeople=frozenset(title_key(normalize(w)) for w in actors["spokespeople"]),
        statements=frozenset(title_key(normalize(w)) for w in actors["statements"]),
        impersonal_titles=frozenset(title_key(normalize(w)) for w in actors["impersonal_titles"]),
        unnamed=unnamed,
        numerals=_norms(actors["numerals"]),
        organisation_heads=_norms(actors["organisation_heads"]),
        subject_links=_norms(actors["subject_links"] + actors["relative_pronouns"]),
        relative_pronouns=_norms(actors["relative_pronouns"]),
        copulas=_norms(actors["copulas"]),
        non_subjects=_norms(actors["non_subjects"] + actors["time_words"]),
        time_words=_norms(actors["time_words"]),
        clause_particles=_norms(actors["clause_particles"]),
        recap_verbs=_norms(actors["recap_verbs"]),
        fronting_prepositions=_norms(actors["fronting_prepositions"]),
        scripture_subjects=_norms(actors["scripture_subjects"]),
        document_verbs=_norms(actors["document_verbs"]),
        quantifiers=_norms(actors["quantifiers"]),
    )
