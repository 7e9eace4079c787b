#!/usr/bin/env python3
"""Build src/khabar/data/kb/census_names.tsv.gz: US census given names and surnames, for the
transliteration of Western names the KB does not know (khabar.kb.western).

usage: python scripts/build_western_names.py [--out FILE]

Source: the 1990 US census name lists (public domain) as shipped by the `names` package (MIT;
pip install -e '.[kb]'): dist.male.first, dist.female.first, dist.all.last. Each row: kind (given or
surname), the name, its frequency rank in its list,
and for surnames their shape (khabar.kb.western.english_shape). Same source, same bytes.
"""

from __future__ import annotations

import argparse
import gzip
from importlib import resources

from khabar.kb.western import CENSUS_NAMES, census_row

FILES = {
    "given": ("dist.male.first", "dist.female.first"),
    "surname": ("dist.all.last",),
}


def census_rows() -> list[tuple[str, str, int]]:
    rows: dict[tuple[str, str], int] = {}
    for kind, files in FILES.items():
        for file in files:
            text = resources.files("names").joinpath(file).read_text(encoding="ascii")
            for line in text.splitlines():
                name, _freq, _cumulative, rank = line.split()
                key = (kind, name.lower())
                rows[key] = min(int(rank), rows.get(key, int(rank)))
    return sorted((kind, name, rank) for (kind, name), rank in rows.items())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=str(CENSUS_NAMES))
    args = parser.parse_args()
    rows = census_rows()
    body = "".join(census_row(*row) for row in rows)
    header = (
        "# kind, name, rank in the 1990 US census lists (via the `names` package); surnames: consonant classes,\n"
        "# vowel gaps and consonant letters (khabar.kb.western.english_shape). Built by scripts/build_western_names.py.\n"
    )
    # mtime=0: the same bytes on every build
    with (
        open(args.out, "wb") as raw,
        gzip.GzipFile(fileobj=raw, mode="wb", mtime=0, filename="") as f,
    ):
        f.write((header + body).encode("ascii"))
    print(f"{len(rows)} names -> {args.out}")


if __name__ == "__main__":
    main()
