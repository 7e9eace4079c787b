"""Write the tagger's name-knowledge word list (`name_words.tsv`, `kind<TAB>word`) and, with
`--kb-gazetteer`, a snapshot of the knowledge base's names (`kb_gazetteer.tsv`) into a model folder, from
data the project ships. `khabar ner train --out DIR` then trains a CRF that uses them (khabar.ner.features);
the packaged model does not (docs/ner.md, "Name knowledge").

Kinds (words normalised, article stripped, as khabar.ner.features looks them up):
  given    first word of a knowledge-base person's name of two words or more
  family   last word of such a name, or a one-word person alias ("بوتين")
  orghead  first word of a knowledge-base organisation name, organisation head nouns and media cue nouns
           (src/khabar/data/entities/)
  orgword  other words of knowledge-base organisation names
  title    a one-word role noun of the knowledge base ("الرئيس", "وزير")
  titleend the last word of a longer role ("وزير الخارجية" -> "خارجيه"): the word right before the name
  demonym  a nationality adjective form of the knowledge base ("الروسي")
  nameword a word of the name-word table that the sources spell at least twice with a capital
           (src/khabar/data/kb/name_tokens.tsv)

usage: python scripts/build_ner_name_words.py DIR [--kb-gazetteer]
"""

from __future__ import annotations

import argparse
from pathlib import Path

import yaml

from khabar.kb.loader import read_kb
from khabar.ner.neural_train import write_kb_gazetteer
from khabar.ner.stems import strip_article
from khabar.ner.tagger import KB_GAZETTEER_FILE, NAME_WORDS_FILE
from khabar.text.normalize import normalize

ROOT = Path(__file__).resolve().parent.parent
ENTITIES = ROOT / "src/khabar/data/entities"
NAME_TOKENS = ROOT / "src/khabar/data/kb/name_tokens.tsv"
MIN_NAME_TOKEN_COUNT = 2


def words(name: str) -> list[str]:
    return [strip_article(w) for w in normalize(name).split()]


def name_words() -> set[tuple[str, str]]:
    kb = read_kb(imports=Path("/nonexistent"))  # the packaged KB only, not a user's Wikidata import
    rows = set()
    for entry in kb.entries.values():
        for name in (entry.name_ar, *entry.aliases_ar):
            parts = words(name or "")
            if not parts:
                continue
            if entry.type == "PER":
                rows |= {("given", parts[0]), ("family", parts[-1])} if len(parts) > 1 else {("family", parts[0])}
            elif entry.type == "ORG":
                rows |= {("orghead", parts[0])} | {("orgword", w) for w in parts[1:]}
    for role in kb.roles:
        parts = words(role)
        rows.add(("title" if len(parts) == 1 else "titleend", parts[-1]))
    # the KB has no public list of its demonym forms, only a lookup (KnowledgeBase.nationality)
    rows |= {("demonym", parts[0]) for form in kb._nationalities if len(parts := words(form)) == 1}
    heads = yaml.safe_load((ENTITIES / "name_heads.yaml").read_text(encoding="utf-8"))["organisation"]
    cues = yaml.safe_load((ENTITIES / "media_cues.yaml").read_text(encoding="utf-8"))["cues"]
    rows |= {("orghead", w) for head in heads + cues for w in words(head)}
    with open(NAME_TOKENS, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#"):
                continue
            word, english, count, _ = line.rstrip("\n").split("\t")
            if int(count) >= MIN_NAME_TOKEN_COUNT and english[:1].isupper():
                rows |= {("nameword", w) for w in words(word)}
    return {(kind, w) for kind, w in rows if len(w) > 1}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path, help="model folder")
    parser.add_argument("--kb-gazetteer", action="store_true", help="also write the knowledge-base name snapshot")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    rows = sorted(name_words())
    (args.out / NAME_WORDS_FILE).write_text("".join(f"{k}\t{w}\n" for k, w in rows), encoding="utf-8")
    print(f"{len(rows)} name words -> {args.out / NAME_WORDS_FILE}")
    if args.kb_gazetteer:
        write_kb_gazetteer(args.out / KB_GAZETTEER_FILE)
        print(f"knowledge-base names -> {args.out / KB_GAZETTEER_FILE}")


if __name__ == "__main__":
    main()
