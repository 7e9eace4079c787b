"""Adjacent names of one type joined: two person names do not follow each other without a conjunction or a
punctuation mark in between, so a CRF that starts a new person right after a person's last word ("محمود صبري"
B-PERS I-PERS, "ابو تريكة" B-PERS I-PERS) has split one long name (a four-part Arabic name, a name with a
nasab or a kunya). The second part is joined to the first unless it starts with the conjunction و."""

from __future__ import annotations

CONJUNCTION = "و"


def join_adjacent(tokens: list[str], tags: list[str], kinds: frozenset[str]) -> list[str]:
    """`tags` with each B- of a type in `kinds` that directly follows a token of the same type made I-,
    unless its token starts with the conjunction."""
    joined = list(tags)
    for i in range(1, len(joined)):
        kind = joined[i][2:]
        if (joined[i].startswith("B-") and kind in kinds and joined[i - 1][2:] == kind
                and not tokens[i].startswith(CONJUNCTION)):
            joined[i] = "I-" + kind
    return joined
