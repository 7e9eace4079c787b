"""Document memory for the second CRF pass: a name is usually written in full once and then repeated,
often shortened ("غيث الطراونة" ... "الطراونة"), so what the first pass found anywhere nearby is evidence
for every other occurrence of the same word. Sentences are read in blocks of BLOCK, which stand for
documents when the input (a CoNLL file) has no document breaks; one article fits in one block."""

from __future__ import annotations

from collections import Counter, defaultdict

BLOCK = 40


def memory_features(stems: list[list[str]], first_pass: list[list[str]]) -> list[list[list[str]]]:
    """Per token: its first-pass tag, its neighbours' first-pass tags, and the type the first pass gave
    the same stem most often in the block (`mem=`), with how sure the block is (`memshare=`)."""
    features = []
    for block_start in range(0, len(stems), BLOCK):
        block = range(block_start, min(block_start + BLOCK, len(stems)))
        votes: dict[str, Counter] = defaultdict(Counter)
        for s in block:
            for stem, tag in zip(stems[s], first_pass[s]):
                votes[stem][tag[2:] if tag != "O" else "O"] += 1
        for s in block:
            tags = first_pass[s]
            sentence = []
            for i, stem in enumerate(stems[s]):
                token = ["p1=" + tags[i], "p1-1=" + (tags[i - 1] if i else "^"),
                         "p1+1=" + (tags[i + 1] if i + 1 < len(tags) else "$")]
                counts = votes[stem]
                kind, n = max(((k, c) for k, c in counts.items() if k != "O"), key=lambda kc: kc[1], default=("O", 0))
                if n:
                    token += ["mem=" + kind, f"memshare={kind}:{round(2 * n / sum(counts.values())) / 2}"]
                sentence.append(token)
            features.append(sentence)
    return features
