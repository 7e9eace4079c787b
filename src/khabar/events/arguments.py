"""Who did it to whom: the actor and recipient lists of a trigger, from entity mentions around it.

Arabic news puts the subject after the verb ("هاجم مسلحون ...") or before it ("الشرطة اعتقلت ..."); passive
verbs name the agent with "من قبل" / "على يد". The recipient is the object, or the complement of a preposition
(مع، إلى، على، ضد، من، بـ، لـ). A mention followed by "و" or "،" and another mention is a list: "a meeting
of five leaders is one event".
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

from khabar.document import Document, Token
from khabar.events.demonyms import is_place
from khabar.text import normalize

PREPOSITIONS = frozenset(normalize(w) for w in
                         "مع إلى الى على ضد من عن لدى تجاه بحق في بين حول نحو عبر أمام لصالح باسم خلال بعد قبل "
                         "منذ حتى عند ضمن داخل خارج قرب".split())
RECIPIENT_PREPOSITIONS = frozenset(normalize(w) for w in "مع إلى الى على ضد من عن لدى تجاه بحق لصالح أمام".split())
PROCLITIC_PREPOSITIONS = frozenset("بلك")
AGENT_MARKERS = (("من", "قبل"), ("على", "يد"), ("على", "ايدي"))
CLAUSE_STOPS = frozenset({".", "؟", "?", "!", ":", '"', "«", "»"})
LIST_GAP = re.compile(r"\s*(?:[،,]\s*(?:و\s*)?|و\s*)")  # "A و B", "A، B", "A، وB"; never a bare space
COMMA_GAP = re.compile(r"\s*[،,]\s*")
PREVERBAL_PARTICLES = frozenset(normalize(w) for w in "لم لن قد لا سوف لقد وقد ما".split())
RELATIVE_PRONOUNS = frozenset(normalize(w) for w in "الذي التي الذين اللذين اللتين اللواتي اللاتي".split())
LOCATIVE = frozenset({"ب", "في"})  # "بفرنسا", "في أنقرة": where, not to whom
TITLE_WORDS = 3  # article-marked words (titles, demonyms) looked through for a preposition
ACTOR_WINDOW = 7
RECIPIENT_WINDOW = 14
# in "اعتقال X", "مقتل X" the genitive is the victim; in "زيارة X", "اجتماع X" it is the actor
GENITIVE_IS_RECIPIENT = frozenset({"ASSAULT", "COERCE", "SANCTION", "AID", "SUPPORT"})


@dataclass(frozen=True, slots=True)
class Mention:
    start: int
    end: int
    entity: str
    first_token: int
    last_token: int
    preposition: str | None  # the preposition governing the mention, if any


class MentionIndex:
    """Entity mentions of a document in text order, with their tokens and governing preposition."""

    def __init__(self, doc: Document, extra: list[tuple[int, int, str]] = ()):
        self.doc = doc
        self.types = {e.id: e.type for e in doc.entities}
        self.places = {e.id for e in doc.entities if is_place(e)}
        spans = [(m.start, m.end, e.id) for e in doc.entities for m in e.mentions] + list(extra)
        starts = [t.start for t in doc.tokens]
        self.mentions: list[Mention] = []
        for start, end, entity in sorted(set(spans)):
            first = max(0, bisect_left(starts, start + 1) - 1)
            last = max(first, bisect_left(starts, end) - 1)
            self.mentions.append(Mention(start, end, entity, first, last, _preposition(doc.tokens, first, start)))
        self.starts = [m.start for m in self.mentions]

    def in_tokens(self, first: int, last: int) -> list[Mention]:
        return [m for m in self.mentions if first <= m.first_token < last]

    def can_act(self, m: Mention) -> bool:
        """People, organisations and states act; a city or region is a place where things happen."""
        return m.entity not in self.places

    def listed(self, a: Mention, b: Mention) -> bool:
        """Whether `b` follows `a` in a list; a bare comma joins only entities of one type, since
        "كازاخستان، نور سلطان نزارباييف" is an apposition."""
        gap = self.doc.text[a.end : b.start]
        if gap.isspace() and self.types.get(a.entity) == "GPE" and self.types.get(b.entity) == "PER":
            return True  # "رؤساء تركيا رجب طيب أردوغان وروسيا فلاديمير بوتين": each state with its leader
        if not LIST_GAP.fullmatch(gap):
            return False
        if COMMA_GAP.fullmatch(gap):
            return self.types.get(a.entity) == self.types.get(b.entity)
        return True

    def coordinated(self, head: Mention, pool: list[Mention]) -> list[Mention]:
        """`head` and the mentions listed after it with "و" or "،"."""
        group = [head]
        for m in pool:
            if m.start <= group[-1].start:
                continue
            if not self.listed(group[-1], m):
                break
            group.append(m)
        return group


def _preposition(tokens: list[Token], first: int, start: int) -> str | None:
    """The preposition heading the noun phrase of a mention: attached to it ("لروسيا"), or to a title
    before it ("بالرئيس الروسي فلاديمير بوتين"), or standing before either ("مع رئيس الوزراء ...")."""
    token = tokens[first]
    attached = normalize(token.text[: max(0, start - token.start)]).lstrip("وف")
    if attached[:1] in PROCLITIC_PREPOSITIONS:
        return attached[:1]
    j = first - 1
    while j >= max(0, first - TITLE_WORDS):
        word = normalize(tokens[j].text).lstrip("وف")
        if word in PREPOSITIONS:
            return word
        prefix = set(tokens[j].proclitics) & PROCLITIC_PREPOSITIONS
        if prefix:
            return prefix.pop()
        if not tokens[j].article:
            # a title head without the article ("رئيس"): only a free preposition may precede it
            if j > 0 and normalize(tokens[j - 1].text).lstrip("وف") in PREPOSITIONS:
                return normalize(tokens[j - 1].text).lstrip("وف")
            return None
        j -= 1
    return None


@dataclass
class Arguments:
    actors: list[str]
    recipients: list[str]
    # the verb has a subject of its own, even if it is no entity ("ويدعو التحالف ..."; "الذين سيطروا")
    own_subject: bool = False


def find_arguments(index: MentionIndex, tokens: list[Token], trigger: int, end: int,
                   sentence: tuple[int, int], pos: str, ptype: str, proclitics: str = "") -> Arguments:
    """Actors and recipients of the trigger at tokens[trigger:end]; `proclitics` are those of the trigger word."""
    first, last = sentence
    pool = index.in_tokens(first, last)
    # the subject may stand between a verb and its companion word ("أجرى الملك سلمان اتصالات")
    after = [m for m in pool if m.first_token > trigger and not (m.first_token < end <= m.last_token)
             and not _stopped(tokens, trigger + 1, m.first_token)]
    before = [m for m in pool if m.last_token < trigger and not _stopped(tokens, m.last_token + 1, trigger)]
    actor_group: list[Mention] = []
    agent = _agent(tokens, after, end)
    preverbal = _preverbal_subject(tokens, before, trigger) if pos == "verb" else None
    # after a relative pronoun the subject is the noun the pronoun follows ("المتمردين الذين سيطروا")
    relative = pos == "verb" and trigger > first and normalize(tokens[trigger - 1].text) in RELATIVE_PRONOUNS
    if agent:
        actor_group = index.coordinated(agent, after)
    elif preverbal:
        actor_group = index.coordinated(_list_head(index, preverbal, before), pool)
    elif relative:
        antecedent = next((m for m in before if m.last_token == trigger - 2 and index.can_act(m)), None)
        actor_group = [antecedent] if antecedent else []
    elif pos == "verb":
        subject = next((m for m in after if m.first_token - trigger <= ACTOR_WINDOW and m.preposition is None
                        and index.can_act(m)), None)
        if subject:
            actor_group = index.coordinated(subject, after)
    elif (after and after[0].first_token == trigger + 1 and after[0].preposition is None
          and ptype not in GENITIVE_IS_RECIPIENT and index.can_act(after[0])):
        actor_group = index.coordinated(after[0], after)
    # "... وأجرى اتصالات": a verb opening a new clause has no subject before it (it is dropped, not moved)
    opens_clause = pos == "verb" and proclitics[:1] in ("و", "ف")
    if not actor_group and not opens_clause and not relative:
        subject = next((m for m in reversed(before) if trigger - m.last_token <= ACTOR_WINDOW + 3
                        and m.preposition is None and index.can_act(m)), None)
        if subject:
            head = _list_head(index, subject, before)
            actor_group = index.coordinated(head, pool)
    actors = list(dict.fromkeys(m.entity for m in actor_group))
    taken = {m.start for m in actor_group}
    rest = [m for m in after if m.start not in taken and m.first_token - trigger <= RECIPIENT_WINDOW
            and (index.can_act(m) or m.preposition not in LOCATIVE)]
    object_ = next((m for m in rest if m.preposition in RECIPIENT_PREPOSITIONS or m.preposition in ("ب", "ل")), None)
    if object_ is None and rest and rest[0].preposition is None:
        object_ = rest[0]
    recipients = []
    if object_:
        recipients = [m.entity for m in index.coordinated(object_, rest) if m.entity not in actors]
    own_subject = relative or (pos == "verb" and end < last and tokens[end].article)
    return Arguments(actors, list(dict.fromkeys(recipients)), own_subject)


def _preverbal_subject(tokens: list[Token], before: list[Mention], trigger: int) -> Mention | None:
    """SV order: a mention right before the verb, with at most a particle between ("روسيا لن تهاجم")."""
    if not before or before[-1].preposition is not None:
        return None
    between = [normalize(tokens[j].text) for j in range(before[-1].last_token + 1, trigger)]
    return before[-1] if all(w in PREVERBAL_PARTICLES for w in between) else None


def _list_head(index: MentionIndex, last: Mention, before: list[Mention]) -> Mention:
    """The first mention of the list that ends with `last` ("روسيا وتركيا وإيران" → روسيا)."""
    head = last
    for m in reversed(before):
        if m.start >= head.start:
            continue
        if not index.listed(m, head):
            break
        head = m
    return head


def _agent(tokens: list[Token], after: list[Mention], end: int) -> Mention | None:
    """The agent of a passive or nominal trigger: the mention after "من قبل" / "على يد"."""
    for m in after:
        if m.first_token - end > RECIPIENT_WINDOW:
            break
        j = m.first_token
        if j >= 2:
            pair = (normalize(tokens[j - 2].text).lstrip("و"), normalize(tokens[j - 1].text))
            if any(pair[0] == a and pair[1].startswith(b) for a, b in AGENT_MARKERS):
                return m
    return None


def _stopped(tokens: list[Token], start: int, stop: int) -> bool:
    return any(tokens[j].text in CLAUSE_STOPS for j in range(start, stop))
