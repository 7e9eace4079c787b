"""Who did it to whom: the actor and recipient lists of a trigger, from entity mentions around it.

Arabic news puts the subject after the verb ("هاجم مسلحون ...") or before it ("الشرطة اعتقلت ..."); passive
verbs name the agent with "من قبل" / "على يد". The recipient is the object, or the complement of a preposition
(مع، إلى، على، ضد، من، بـ، لـ). A mention followed by "و" or "،" and another mention is a list: "a meeting
of five leaders is one event".
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, replace
from functools import cached_property

from khabar.document import Document, Entity, Token
from khabar.events.anaphora import head_anaphora, title_anaphora
from khabar.events.demonyms import is_country, is_place
from khabar.events.lexicon import COMMAS, closing_comma, load_data, title_heads
from khabar.text import normalize
from khabar.text.normalize import DIACRITICS

PREPOSITIONS = frozenset(normalize(w) for w in
                         "مع إلى الى على ضد من عن لدى تجاه بحق في بين حول نحو عبر أمام لصالح باسم خلال بعد قبل "
                         "منذ حتى عند ضمن داخل خارج قرب "
                         # a source, not an actor: "وفق المرصد السوري", "بحسب وكالة ..."
                         "وفق وفقا بحسب حسب نقلا".split())
RECIPIENT_PREPOSITIONS = frozenset(normalize(w) for w in "مع إلى الى على ضد من عن لدى تجاه بحق لصالح أمام".split())
PROCLITIC_PREPOSITIONS = frozenset("بلك")
AGENT_MARKERS = tuple((normalize(a), normalize(b)) for a, b in (("من", "قبل"), ("على", "يد"), ("على", "أيدي")))
CLAUSE_STOPS = frozenset({".", "؟", "?", "!", ":", '"', "«", "»"})
QUOTE_MARKS = frozenset({'"', "«", "»"})
DATELINE_MARKS = frozenset({"(", "-", "–", "،", ",", ":"})
CAPITALS = {normalize(k): v for k, v in load_data("capitals.yaml")["capitals"].items()}
QUOTED_TERM_WORDS = 3
# "A و B", "A، B", "A، وB", "A أو B", "A والشيخ B" (a title after the conjunction); never a bare space
LIST_GAP = re.compile(r"\s*(?:[،,]\s*|(?:[،,]\s*)?و\s*(?:ال\w+\s+){0,2}|(?:ا|أ)و\s+)")
COMMA_GAP = re.compile(r"\s*[،,]\s*")
PREVERBAL_PARTICLES = frozenset(normalize(w) for w in "لم لن قد لا سوف لقد وقد ما".split())
DAMMA = "\u064f"
IMPERFECT_PREFIXES = frozenset("يتن")
PASSIVE_AUXILIARIES = frozenset(normalize(w) for w in "تم يتم جرى يجري".split())  # "تم اعتقال X"
OBJECT_PRONOUNS = ("ه", "ها", "هم", "هما")
EXPERIENCER_VERBS = tuple(normalize(w) for w in load_data("nominal_context.yaml")["experiencer_verb_stems"])
EXPERIENCER_FORMS = frozenset(normalize(w) for w in load_data("nominal_context.yaml")["experiencer_verb_forms"])
MEMBER_WORDS = frozenset(normalize(w) for w in load_data("nominal_context.yaml")["member_words"])
QUANTIFIERS = frozenset(normalize(w) for w in load_data("nominal_context.yaml")["quantifiers"])
LIGHT_NOUNS = frozenset(normalize(w) for w in load_data("nominal_context.yaml")["light_nouns"])
TIME_HEADS = frozenset(normalize(w) for w in load_data("nominal_context.yaml")["time_heads"])
RECEIVE_VERBS = frozenset(normalize(w) for w in load_data("nominal_context.yaml")["receive_verbs"])
PRONOUN_CARRIERS = frozenset(normalize(w) for w in (
    "إياه إياها إياهم عليه عليها عليهم إليه إليها إليهم معه معها معهم له لها لهم منه منها منهم ضده ضدها ضدهم "
    "بحقه بحقها بحقهم "
    # "رفض الإفراج عنه", "دافع عنه": the one released or defended
    "عنه عنها عنهم").split())
ANTECEDENT_WINDOW = 30
# states whose names take a masculine verb ("أعلن العراق"); the others take a feminine one ("أعلنت روسيا")
MASCULINE_STATES = frozenset(normalize(w) for w in "العراق الأردن لبنان السودان اليمن المغرب البحرين الكويت الصومال".split())
FEMININE_PLURAL_HEADS = frozenset(normalize(w) for w in "الأمم الولايات الإمارات الدول القوات".split())
BETWEEN = normalize("بين")
ACCUSATIVE_PLURAL = "ين"  # the sound masculine plural out of the nominative ("مقاتلين", "المتظاهرين")
FROM, EACH = normalize("من"), normalize("كل")
FACING, AGAINST = normalize("مواجهة"), normalize("ضد")
# bare "أن"/"إن" open a reported clause with its own subject; "أنه التقى" (that he met) refers back to the speaker
COMPLEMENTIZERS = frozenset(normalize(w) for w in "أن إن بأن".split())
# ... also "but he" ("لكنه حث موسكو على"): the pronoun is the subject, the name after the verb its object
SUBJECT_COMPLEMENTIZERS = frozenset(normalize(w) for w in
                                    "أنه إنه أنها إنها أنهم إنهم أنهما بأنه بأنها لكنه لكنها لكنهم ولكنه ولكنها ولكنهم"
                                    .split())
RELATIVE_PRONOUNS = frozenset(normalize(w) for w in "الذي التي الذين اللذين اللتين اللذان اللتان اللواتي اللاتي".split())
LOCATIVE = frozenset({"ب", "في"})  # "بفرنسا", "في أنقرة": where, not to whom
HONORIFIC_WORDS = 1  # "الشيخ", "الدكتور" between a post and its holder's name
TITLE_WORDS = 3  # article-marked words (titles, demonyms) looked through for a preposition
CONJUNCT_WORDS = 8  # unnamed conjuncts ("وأفراد من أسرته وكثير من حلفائه") read through to the charge
ACTOR_WINDOW = 7
NOUN_SUBJECT_WINDOW = 4
JUDGED_DEEDS = frozenset({"SUPPORT", "ACCUSE"})  # praise and blame, whose object may be what someone did
DEED_WINDOW = 4
APPOSITION_WORDS = 6  # the longest title in commas skipped after a subject
RECIPIENT_WINDOW = 14
RECEIVER_WINDOW = 24  # the receiver's name and his titles between the verb of receiving and what he receives
# in "اعتقال X", "مقتل X" the genitive is the victim; in "زيارة X", "اجتماع X" it is the actor
TITLE_HEADS = title_heads()
CAPACITY_WORDS = frozenset(normalize(w) for w in load_data("appositions.yaml")["capacity_words"])
# whose relative or follower someone is: the genitive is no party ("صهر الرئيس ترامب", "مؤيدي الرئيس أردوغان")
DEPENDANT_HEADS = frozenset(normalize(w) for key in ("kinship_heads", "follower_heads")
                            for w in load_data("appositions.yaml")[key])
SHARED_TYPES = frozenset({"AGREE", "CONSULT", "COOPERATE"})  # done together by the sides "بين" names
GENITIVE_IS_RECIPIENT = frozenset({"ASSAULT", "COERCE", "SANCTION", "AID", "SUPPORT", "PROTEST"})


@dataclass(frozen=True, slots=True)
class Mention:
    start: int
    end: int
    entity: str
    first_token: int
    last_token: int
    preposition: str | None  # the preposition governing the mention, if any
    # the name before it, of which it is a title's complement: "عبدالله الثاني ملك الأردن" (start offset)
    apposition_of: int | None = None
    # the complement of a title before a person's name ("زعيم كوريا الشمالية كيم جونغ أون"): the post, no party
    post: bool = False


class MentionIndex:
    """Entity mentions of a document in text order, with their tokens and governing preposition."""

    def __init__(self, doc: Document, extra: dict[tuple[int, int], Entity] | None = None):
        """`extra`: entities not (yet) in the document by mention span, the unnamed groups events may use."""
        self.doc = doc
        self.extra = {entity.id: entity for entity in (extra or {}).values()}
        self.types = {e.id: e.type for e in doc.entities}
        # every state is in the knowledge base: a GPE it does not know as one is a town or region ("منطقة
        # الشيفونية", "البيضاء"), where things happen
        self.places = {e.id for e in doc.entities if is_place(e) or (e.type == "GPE" and not is_country(e))}
        self.capitals = {e.id: CAPITALS[normalize(e.name)] for e in doc.entities
                         if e.id in self.places and normalize(e.name) in CAPITALS}
        spans = [(m.start, m.end, e.id) for e in doc.entities for m in e.mentions]
        anaphora = head_anaphora(doc, spans) + title_anaphora(doc, spans)
        # "المحكمة" is the court named before, not an unnamed judiciary
        spans += [(s, e, entity.id) for (s, e), entity in (extra or {}).items()
                  if not any(a[0] < e and s < a[1] for a in anaphora)] + anaphora
        starts = [t.start for t in doc.tokens]
        located = []
        for start, end, entity in sorted(set(spans)):
            first = max(0, bisect_left(starts, start + 1) - 1)
            located.append((start, end, entity, first, max(first, bisect_left(starts, end) - 1)))
        covered = {j for _, _, _, first, last in located for j in range(first, last + 1)}
        self.mentions: list[Mention] = []
        for start, end, entity, first, last in located:
            head = _apposition_head(doc.tokens, self.mentions, first, start, covered)
            # a title's complement shares the case of the name it describes ("مع الملك عبدالله الثاني ملك الأردن")
            preposition = head.preposition if head else _preposition(doc.tokens, first, start, covered)
            self.mentions.append(Mention(start, end, entity, first, last, preposition, head.start if head else None))
        self.mentions = [replace(m, post=True) if _post_complement(doc.tokens, m, following, self.types) else m
                         for m, following in zip(self.mentions, self.mentions[1:] + [None])]

    def entity(self, entity_id: str) -> Entity | None:
        return self.doc.entity(entity_id) or self.extra.get(entity_id)

    @cached_property
    def words(self) -> list[str]:
        """The normalised text of every token, computed once for all the readers of the document."""
        return [normalize(t.text) for t in self.doc.tokens]

    def in_tokens(self, first: int, last: int) -> list[Mention]:
        return [m for m in self.mentions if first <= m.first_token < last]

    def parties_in(self, first: int, last: int) -> list[Mention]:
        """The mentions of tokens[first:last] that may be an event's party: not a title's complement."""
        return [m for m in self.in_tokens(first, last) if not m.post]

    def can_act(self, m: Mention) -> bool:
        """People, organisations and states act; a city or region is a place where things happen, except a
        capital standing for its government ("الذي تتهمه أنقرة"): ungoverned and not a dateline ("أنقرة -")."""
        if m.entity in self.capitals:
            following = self.doc.tokens[m.last_token + 1].text if m.last_token + 1 < len(self.doc.tokens) else ""
            return m.preposition is None and following not in DATELINE_MARKS
        return m.entity not in self.places

    def acting_state(self, entity: str) -> str:
        """The state a capital acts for, when the document names it ("أنقرة" → "تركيا"); else the entity."""
        iso = self.capitals.get(entity)
        state = next((e.id for e in self.doc.entities if iso and e.country == iso and is_country(e)), None)
        return state or entity

    def listed(self, a: Mention, b: Mention) -> bool:
        """Whether `b` follows `a` in a list; a bare comma joins only entities of one type, since
        "كازاخستان، نور سلطان نزارباييف" is an apposition."""
        gap = self.doc.text[a.end : b.start]
        if (gap.isspace() and self.types.get(a.entity) == "GPE" and a.entity not in self.places
                and self.types.get(b.entity) == "PER"):
            return True  # "رؤساء تركيا رجب طيب أردوغان وروسيا فلاديمير بوتين": each state with its leader
        if not LIST_GAP.fullmatch(gap):
            return False
        if COMMA_GAP.fullmatch(gap):
            return self.types.get(a.entity) == self.types.get(b.entity)
        return True

    def coordinated(self, head: Mention, pool: list[Mention]) -> list[Mention]:
        """`head` and the mentions listed after it with "و" or "،"."""
        group, last = [head], head
        for m in pool:
            if m.start <= last.start:
                continue
            if m.apposition_of == last.start:
                last = m  # "الملك عبدالله الثاني ملك الأردن والشيخ صباح": the list goes on after the title
                continue
            if not self.listed(last, m):
                break
            group.append(m)
            last = m
        return group


def _apposition_head(tokens: list[Token], earlier: list[Mention], first: int, start: int,
                     covered: set[int]) -> Mention | None:
    """The name a mention complements through a title right after it: "عبدالله الثاني ملك الأردن", "صباح
    الأحمد الصباح أمير دولة الكويت". The title opens with a bare noun ("ملك", "أمير"), not a pronoun-suffixed
    one from `data/events/appositions.yaml`, with no clitic ("نظيره أردوغان", "وملك الأردن" are other
    parties), and has no preposition."""
    if start > tokens[first].start or not earlier:
        return None
    head = earlier[-1]
    gap = range(head.last_token + 1, first)
    if not 0 < len(gap) <= TITLE_WORDS or any(j in covered for j in gap):
        return None
    words = [tokens[j] for j in gap]
    if normalize(words[0].text) not in TITLE_HEADS:
        return None
    if any(as_preposition(w.text) or w.proclitics or not w.text.isalpha() for w in words[1:]):
        return None
    return head


def _post_complement(tokens: list[Token], m: Mention, following: Mention | None, types: dict[str, str]) -> bool:
    """Whether `m` completes a bare title right before it (with at most one bare noun between: "رئيس دولة") whose
    holder is named right after it (at most an honorific between): "رئيس دولة جنوب السودان سلفاكير ميرديت", "عضو
    هيئة كبار العلماء الشيخ عبدالله الخنين"; or which another title follows, in a chain of a named holder's posts
    ("الأمير محمد بن سلمان ولي ولي العهد النائب الثاني لرئيس مجلس الوزراء وزير الدفاع")."""
    if m.first_token == 0:
        return False
    if _dependant_of(tokens, m):
        return True
    if types.get(m.entity) == "PER":
        return False
    after = m.last_token + 1
    chained = after < len(tokens) and not tokens[after].proclitics and normalize(tokens[after].text) in TITLE_HEADS
    if not chained and (following is None or types.get(following.entity) != "PER"):
        return False
    # the title, or the title and a bare noun in construct with it ("رئيس دولة", "رئيس وزراء")
    for j in range(m.first_token - 1, max(-1, m.first_token - 3), -1):
        title = tokens[j]
        if not title.article and _title_head(title):
            break
        if title.article or title.proclitics or not title.text.isalpha():
            return False
    else:
        return False
    if chained:
        return True
    gap = range(m.last_token + 1, following.first_token)
    # "ملك الأردن والشيخ صباح": a conjunction starts the next party of a list
    return len(gap) <= HONORIFIC_WORDS and all(tokens[j].article and not tokens[j].proclitics
                                               and tokens[j].text.isalpha() for j in gap)


def _dependant_of(tokens: list[Token], m: Mention) -> bool:
    """Whether `m` is the genitive of a kinship or follower noun, through the titles and demonyms of its holder
    ("صهر الرئيس الأمريكي دونالد ترامب", "اثنين من مؤيدي الرئيس التركي أردوغان هاجما"): whose relative or
    supporter someone is, not a party."""
    for j in range(m.first_token - 1, max(-1, m.first_token - 2 - TITLE_WORDS), -1):
        word = normalize(tokens[j].text)[len(tokens[j].proclitics):]
        if not tokens[j].article and word in DEPENDANT_HEADS:
            return True
        if not (tokens[j].article and tokens[j].text.isalpha()):
            return False
    return False


def _title_head(token: Token) -> bool:
    """A title head, also with a clitic preposition the tokenizer left on it ("لرئيس")."""
    word = normalize(token.text)[len(token.proclitics):]
    return word in TITLE_HEADS or (word[:1] in "لب" and word[1:] in TITLE_HEADS)


def _preposition(tokens: list[Token], first: int, start: int, covered: set[int]) -> str | None:
    """The preposition heading the noun phrase of a mention: attached to it ("لروسيا"), or to a title
    before it ("بالرئيس الروسي فلاديمير بوتين"), or standing before either ("مع رئيس الوزراء ..."); the title
    never reaches into another name ("المتحدثة باسم وزارة الخارجية الروسية ماريا زاخاروفا")."""
    token = tokens[first]
    attached = normalize(token.text[: max(0, start - token.start)]).lstrip("وف")
    if attached[:1] in PROCLITIC_PREPOSITIONS:
        return attached[:1]
    j = first - 1
    while j >= max(0, first - TITLE_WORDS) and j not in covered:
        if tokens[j].text == "#":  # a hashtag mark before the name ("محافظتي #الجوف")
            j -= 1
            continue
        word = _free_preposition(tokens, j)
        if word:
            return word
        prefix = set(tokens[j].proclitics) & PROCLITIC_PREPOSITIONS
        if prefix:
            return prefix.pop()
        if normalize(tokens[j].text) == FACING and j > 0 and as_preposition(tokens[j - 1].text) == "في":
            return AGAINST  # "في مواجهة القوات الموالية للحكومة": against them
        if not tokens[j].article:
            # a title head without the article ("رئيس"): only a free preposition may precede it
            return _free_preposition(tokens, j - 1) if j > 0 else None
        j -= 1
    return None


def _free_preposition(tokens: list[Token], j: int) -> str | None:
    """The free preposition at j; "كل من" is "each of", not "from": the preposition is the one before it ("في كل
    من محافظتي الجوف وصعدة", "بوقف كل من واشنطن وبيونغ يانغ")."""
    word = as_preposition(tokens[j].text)
    if word == FROM and j > 0 and normalize(tokens[j - 1].text) == EACH:
        return as_preposition(tokens[j - 2].text) if j > 1 else None
    return word


def as_preposition(text: str) -> str | None:
    """The free preposition a word is, with or without an attached conjunction ("وفي" → "في"; "وفق" stays)."""
    word = normalize(text)
    if word in PREPOSITIONS:
        return word
    if word[:1] in "وف" and word[1:] in PREPOSITIONS:
        return word[1:]
    return None


@dataclass
class Arguments:
    actors: list[str]
    recipients: list[str]
    # the verb has a subject of its own, even if it is no entity ("ويدعو التحالف ..."; "الذين سيطروا")
    own_subject: bool = False
    passive: bool = False
    # the subject is a pronoun ("أنه هددها"), someone told before, not the speaker of the quote by default
    pronoun_subject: bool = False


@dataclass
class _Trigger:
    """A trigger in its sentence, with the mentions around it."""

    index: MentionIndex
    tokens: list[Token]
    token: int
    end: int
    first: int  # the sentence's tokens
    last: int
    pos: str
    ptype: str
    proclitics: str
    after: list[Mention]
    before: list[Mention]
    mode: str | None = None
    suffix: bool | None = None  # the trigger word ends with an object pronoun, when the lexicon tells
    accused: bool = False  # "ويتهم برانسون بالقيام بـ": the name after the verb is the accused, the verb passive
    objective_genitive: bool = False  # the lexicon's flag: "اتهام روسيا" accuses Russia

    def relative_between(self, stop: int) -> bool:
        return any(normalize(self.tokens[j].text) in RELATIVE_PRONOUNS for j in range(self.token + 1, stop))

    def conjunct_between(self, stop: int) -> bool:
        """A comma then a word with "و" ("وسجن قبل الانتخابات، وقاد شقيقه، شهباز"): a new clause, whose subject
        is not this verb's; a list of names ("، وروسيا") is no new clause."""
        return _conjunct_between(self.tokens, self.after, self.end, stop)

    def preceded_by(self, words: frozenset[str], distance: int = 1) -> bool:
        return any(normalize(self.tokens[j].text) in words
                   for j in range(max(self.first, self.token - distance), self.token))


def find_arguments(index: MentionIndex, tokens: list[Token], trigger: int, end: int,
                   sentence: tuple[int, int], pos: str, ptype: str, proclitics: str = "",
                   passive: bool = False, mode: str | None = None, suffix: bool | None = None,
                   objective_genitive: bool = False, subjectless: bool = False) -> Arguments:
    """Actors and recipients of the trigger at tokens[trigger:end]; `proclitics` are those of the trigger word,
    `suffix` whether it ends with an object pronoun (None: read from its last letters). A passive trigger
    ("اغتيل X", "تم اعتقال X") takes its actor only from an agent phrase; X is the recipient."""
    first, last = sentence
    passive = (passive or (trigger > first and normalize(tokens[trigger - 1].text).lstrip("و") in PASSIVE_AUXILIARIES)
               or (pos == "verb" and vocalised_passive(tokens[trigger].text, proclitics))
               or (mode == "allege" and _passive_participle(index, tokens, trigger, end, proclitics, last)))
    if passive or subjectless:
        return _passive_arguments(index, tokens, trigger, end, first, last, places_undergo=not subjectless)
    pool = index.parties_in(first, last)
    # the subject may stand between a verb and its companion word ("أجرى الملك سلمان اتصالات"), or start with
    # it ("تحشد قوات النظام")
    after = [m for m in pool if m.first_token > trigger and not _stopped(tokens, trigger + 1, m.first_token)]
    before = [m for m in pool if m.last_token < trigger and not _stopped(tokens, m.last_token + 1, trigger)]
    t = _Trigger(index, tokens, trigger, end, first, last, pos, ptype, proclitics, after, before, mode, suffix,
                 objective_genitive=objective_genitive)
    received = _received(t) if pos == "noun" else None
    if received is not None:
        return received
    parties = _between_parties(index, tokens, after, end) if pos == "noun" else []
    if parties:
        # "معارك ضارية بين فصائل معارضة وقوات النظام": every side acts, none is only a target
        return Arguments(list(dict.fromkeys(m.entity for m in parties)), [])
    relative = pos == "verb" and t.preceded_by(RELATIVE_PRONOUNS)
    pronoun_subject = pos == "verb" and t.preceded_by(SUBJECT_COMPLEMENTIZERS, 2)
    actor_group = _actor_group(t, pool, relative, pronoun_subject)
    if not actor_group and ptype in SHARED_TYPES:
        # "ونص البيان على التعاون من أجل تطوير علاقات جديدة بين الولايات المتحدة وكوريا الشمالية": the parties
        # of an agreement told with no agent are those it is between
        actor_group = _between_parties(index, tokens, after, end, RECIPIENT_WINDOW)
        if actor_group:
            return Arguments(list(dict.fromkeys(m.entity for m in actor_group)), [], own_subject=True)
    actors = list(dict.fromkeys(m.entity for m in actor_group))
    if pos == "noun" and actor_group and _undergone(tokens, _apposition_start(tokens, actor_group[0]) - 2, trigger):
        # "وواجه خان، اتهامات", "تعرض الموكب لهجوم": the subject of a verb of undergoing is the one accused or hit;
        # the doer, if named, follows the noun after "من" ("مُنيت بضربات موجعة من قوات الجيش")
        doer = next((m for m in t.after if m.preposition == FROM and m.first_token - t.end <= TITLE_WORDS
                     and m.entity not in actors and t.index.can_act(m)), None)
        doers = list(dict.fromkeys(m.entity for m in t.index.coordinated(doer, t.after))) if doer else []
        return Arguments(doers, actors, own_subject=bool(doers))
    recipients = _recipients(t, actor_group, actors)
    own_subject = relative or pronoun_subject or (pos == "verb" and (_definite_phrase(tokens, end, last)
                                                                      or _title_follows(tokens, end, last)))
    if t.accused and not actors:
        return Arguments(actors, recipients, own_subject=True, passive=True)
    return Arguments(actors, recipients, own_subject, pronoun_subject=pronoun_subject)


def vocalised_passive(text: str, proclitics: str) -> bool:
    """"اتُّهم", "أُصيب", "واعتُقل": a damma inside a past-tense verb marks its passive, the one vowel writers add to
    tell it apart. On the prefix of a present-tense verb a damma also marks active forms ("يُطالب"): not read."""
    letters: list[list[str]] = []
    for ch in text:
        if DIACRITICS.match(ch):
            if letters:
                letters[-1].append(ch)
        else:
            letters.append([ch])
    stem = letters[len(proclitics):]
    if len(stem) < 3 or normalize(stem[0][0]) in IMPERFECT_PREFIXES:
        return False
    return any(DAMMA in marks for marks in stem[:-1])


def _received(t: _Trigger) -> Arguments | None:
    """"تلقى الأمير محمد بن سلمان ... اتصالا هاتفيا من الرئيس هادي": the sender, after من, acts; the subject of the
    verb of receiving before the noun is the recipient."""
    verb = next((j for j in range(t.token - 1, max(t.first, t.token - RECEIVER_WINDOW) - 1, -1)
                 if normalize(t.tokens[j].text).lstrip("و") in RECEIVE_VERBS
                 and not _stopped(t.tokens, j, t.token)), None)
    if verb is None:
        return None
    sender = next((m for m in t.after if m.preposition == FROM and m.first_token - t.end <= TITLE_WORDS + 1), None)
    if sender is None:
        return None
    receiver = next((m for m in t.before if m.first_token > verb and m.preposition is None and t.index.can_act(m)), None)
    actors = [m.entity for m in t.index.coordinated(sender, t.after)]
    recipients = [m.entity for m in t.index.coordinated(receiver, t.before)] if receiver else []
    return Arguments(actors, [r for r in recipients if r not in actors], own_subject=True)


def _actor_group(t: _Trigger, pool: list[Mention], relative: bool, pronoun_subject: bool) -> list[Mention]:
    index, before, after = t.index, t.before, t.after
    agent = _agent(t.tokens, after, t.end)
    # "... وصلت الولايات المتحدة وألقت القبض على": the name before a conjoined verb ends the clause before it
    conjoined = t.proclitics[:1] in ("و", "ف")
    preverbal = _preverbal_subject(t.tokens, before, t.token) if t.pos == "verb" and not conjoined else None
    if agent:
        return index.coordinated(agent, after)
    if preverbal:
        return index.coordinated(_list_head(index, preverbal, before), pool)
    if relative and _pronoun_object(t.tokens, t.token, t.end, t.last, suffix=t.suffix):
        # "الذي تتهمه أنقرة": a pronoun object takes the antecedent's place; the subject follows the verb
        subject = next((m for m in after if m.first_token - t.token <= ACTOR_WINDOW and m.preposition is None
                        and index.can_act(m)), None)
        return index.coordinated(subject, after) if subject else []
    if relative:
        # after a relative pronoun the subject is the noun the pronoun follows ("المتمردين الذين سيطروا")
        antecedent = next((m for m in before if m.last_token == t.token - 2 and index.can_act(m)), None)
        return [antecedent] if antecedent else []
    if pronoun_subject:
        # "أكد الجعيدي أنه التقى القائد سالم": the pronoun is the subject, the speaker before it; a masculine one
        # is no feminine state ("ماكرون ... "تحديث روسيا"، لكنه حث")
        masculine = _masculine_pronoun(t.tokens, t.token)
        speaker = next((m for m in reversed(before) if m.preposition is None and index.can_act(m)
                        and t.token - m.last_token <= ACTOR_WINDOW + 3
                        and not (masculine and _feminine(index, m))), None)
        return [speaker] if speaker else []
    if t.pos == "verb":
        # "...، داعيا عناصر المليشيا": the subject is that of the clause before, never a name after
        subject = None if circumstantial(t.tokens[t.token]) else _postverbal_subject(t)
        if subject:
            return index.coordinated(subject, after)
    elif (doer := _relative_clause_subject(t)) is not None:
        return index.coordinated(doer, after)
    elif (after and _genitive(t.tokens, t.end, after[0]) and after[0].preposition is None
          and t.ptype not in GENITIVE_IS_RECIPIENT and not _objective_genitive(t, after) and index.can_act(after[0])
          and after[0].entity not in index.capitals):  # "محادثات أستانة": the venue, not a party
        return index.coordinated(after[0], after)
    # "... وأجرى اتصالات": a verb opening a new clause has no subject before it (it is dropped, not moved); nor
    # has a verb whose subject is a post after it, even one held by no name found ("فيما طالب محامي السفارة")
    if t.pos == "verb" and (t.proclitics[:1] in ("و", "ف") or _title_follows(t.tokens, t.end, t.last)):
        return []
    # the speaker of "أوضح الجعيدي أن المعارك ..." is not the actor of what he reports; a noun takes the subject
    # of the light verb right before it ("شن داعش هجوما"), not any name earlier in the sentence
    # ... unless the noun is the object of a light verbal noun, whose subject is the clause's ("ونجحت قوات الجيش
    # على مدار الفترة الماضية في توجيه ضربات")
    light = t.pos == "noun" and t.token > t.first and normalize(t.tokens[t.token - 1].text) in LIGHT_NOUNS
    reach = ACTOR_WINDOW + 3 if t.pos == "verb" or light else NOUN_SUBJECT_WINDOW
    subject = next((m for m in reversed(before) if t.token - m.last_token <= reach
                    and m.preposition is None and index.can_act(m)
                    and not _complementizer_between(t.tokens, m.last_token + 1, t.token)), None)
    return index.coordinated(_list_head(index, subject, before), pool) if subject else []


def _postverbal_subject(t: _Trigger) -> Mention | None:
    """VS order: the first name after the verb, ungoverned, that can act."""
    index, after = t.index, t.after
    # a name inside a relative clause after the object ("التصريحات التي أدلى بها فريدمان") is not the subject
    subject = next((m for m in after if m.first_token - t.token <= ACTOR_WINDOW and m.preposition is None
                    and index.can_act(m) and not t.relative_between(m.first_token)
                    and not t.conjunct_between(m.first_token) and not _accusative_group(t, m)
                    and not _disagrees_in_gender(t, m)), None)
    if subject and _unnamed_title_subject(t, subject):
        return None
    if subject and _phrase_subject(t.tokens, t.end, subject.first_token):
        return None  # "ويطالب مشروع القرار المجلس بأن": the draft asks, the Council is asked
    if subject is None and t.end < t.last and normalize(t.tokens[t.end].text) in TITLE_HEADS:
        # "طالب محامي سفارة ... في الولايات المتحدة بي سميسون": the title is the subject, its holder named
        # after its complement
        subject = next((m for m in after if m.first_token - t.token <= RECIPIENT_WINDOW
                        and m.preposition is None and index.types.get(m.entity) == "PER"), None)
    if subject is None:
        # "أدانت الأمانة العامة لمجلس التعاون": an organ of a body, named with ل right after its definite name
        organ = next((m for m in after if m.preposition == "ل" and 0 < m.first_token - t.end <= TITLE_WORDS - 1
                      and index.types.get(m.entity) == "ORG"
                      and all(t.tokens[j].article and t.tokens[j].text.isalpha() for j in range(t.end, m.first_token))),
                     None)
        subject = organ if organ and not t.relative_between(organ.first_token) else None
    if subject is None:
        # "صوت لصالح خان ... 176 عضوا في الجمعية الوطنية": a body acts through the members counted after the verb
        subject = next((m for m in after if m.first_token - t.token <= RECIPIENT_WINDOW and m.preposition == "في"
                        and m.first_token >= 2 and normalize(t.tokens[m.first_token - 2].text) in MEMBER_WORDS
                        and index.can_act(m) and not t.conjunct_between(m.first_token)), None)
    if (subject and t.mode == "allege" and _charge_follows(index, t.tokens, subject, t.last)
            and not _pronoun_object(t.tokens, t.token, t.end, t.last, suffix=t.suffix)):
        # "ويتهم برانسون بالقيام بـ": the only name before the charge is the accused; after a verb of
        # condemnation it is the subject ("وندد حزب الله بالغارات"), as after one with an object pronoun
        # ("ويتهمهما القضاء التركي بـ")
        subject, t.accused = None, True
    return subject


def _objective_genitive(t: _Trigger, after: list[Mention]) -> bool:
    """"اتهام روسيا بـ": the genitive is the accused; "اتهام بريطانيا لروسيا", with the accused after ل, the accuser."""
    if not t.objective_genitive:
        return False
    nxt = next((m for m in after[1:] if m.first_token > after[0].last_token), None)
    return not (nxt and nxt.preposition == "ل" and nxt.first_token - after[0].last_token <= 2)


def _unnamed_title_subject(t: _Trigger, m: Mention) -> bool:
    """"ودعا المرشد الإيراني، السلطات الثلاث": a definite title right after the verb is its subject, named by no
    name; what follows the comma is the object (a person's name there is the title's holder, in apposition)."""
    if t.end >= t.last or t.index.types.get(m.entity) == "PER":
        return False
    head = t.tokens[t.end]
    if not (head.article and normalize(head.text)[len(head.proclitics):].removeprefix("ال") in TITLE_HEADS):
        return False
    return any(t.tokens[j].text in COMMAS for j in range(t.end + 1, m.first_token))


def _disagrees_in_gender(t: _Trigger, m: Mention) -> bool:
    """A masculine verb right before a feminine name ("وطالب الأمم المتحدة بالتحرك", "وحث روسيا على"): a verb
    agrees with the subject next to it, so the name is its object and the subject was dropped."""
    if t.pos != "verb" or m.first_token != t.end:
        return False
    verb = normalize(t.tokens[t.token].text)[len(t.proclitics):]
    for pronoun in OBJECT_PRONOUNS:  # "عارضته": a feminine verb and its object
        verb = verb.removesuffix(pronoun) if len(verb) > len(pronoun) + 2 else verb
    # a verb for sure: after و/ف or in the imperfect ("وإثر طلب روسيا" is the noun, Russia's request)
    certain = t.proclitics[:1] in ("و", "ف") or verb.startswith("ي")
    if not certain or verb.endswith("ت") or verb.startswith("ت"):
        return False
    entity = t.index.entity(m.entity)
    if entity is None or not entity.named or t.index.types.get(m.entity) not in ("GPE", "ORG"):
        return False
    first = normalize(t.tokens[m.first_token].text)
    if entity.kb_id and entity.kb_id.startswith("country:"):
        return first not in MASCULINE_STATES
    return first.endswith("ه") or first in FEMININE_PLURAL_HEADS


def _undergone(tokens: list[Token], start: int, stop: int) -> bool:
    """Whether a verb of undergoing (`experiencer_verb_stems`: "واجه", "تعرض") stands in tokens[start:stop]."""
    for j in range(max(0, start), stop):
        word = normalize(tokens[j].text)
        for form in (word, word[1:] if word[:1] in "وف" else ""):
            if form in EXPERIENCER_FORMS or any(form.startswith(prefix + stem) for stem in EXPERIENCER_VERBS
                                                for prefix in ("", "ي", "ت")):
                return True
    return False


def _apposition_start(tokens: list[Token], m: Mention) -> int:
    """Where the title a name in commas follows starts ("واجه حكم المباراة النهائية، الأرجنتيني نيستور بيتانيا،
    انتقادات"), at most `APPOSITION_WORDS` before the comma; else the name's first token."""
    j = m.first_token - 1
    if j > 0 and tokens[j].article and tokens[j - 1].text in COMMAS:
        j -= 1  # a demonym before the name ("، الأرجنتيني نيستور بيتانيا")
    return max(0, j - APPOSITION_WORDS) if j > 0 and tokens[j].text in COMMAS else m.first_token


def _accusative_group(t: _Trigger, m: Mention) -> bool:
    """An unnamed group in the accusative or genitive plural ("وتدعم مقاتلين", "المتظاهرين") is no subject: a
    subject would read "-ون"."""
    if m.entity not in t.index.extra:
        return False
    return any(normalize(t.tokens[j].text).endswith(ACCUSATIVE_PLURAL) for j in range(m.first_token, m.last_token + 1))


def _recipients(t: _Trigger, actor_group: list[Mention], actors: list[str]) -> list[str]:
    index = t.index
    taken = {m.start for m in actor_group}
    # the object follows the subject: "اقترح أول رئيس لجمهورية كازاخستان، نزارباييف، ..." names no recipient
    # before the name
    subject_end = max((m.last_token for m in actor_group if m.first_token > t.token), default=t.token)
    # "نفى الكرملين أن تكون روسيا قد تدخلت": the content denied names no one the denial is addressed to
    capacity = _capacity_aside(t.tokens, subject_end + 1, t.last)
    rest = [m for m in t.after if m.start not in taken and m.first_token > subject_end
            and m.first_token - t.token - len(capacity) <= RECIPIENT_WINDOW
            and (index.can_act(m) or m.preposition not in LOCATIVE)
            and not (t.ptype == "REJECT" and _complementizer_between(t.tokens, t.end, m.first_token))
            and not t.conjunct_between(m.first_token) and m.first_token not in capacity]
    object_ = next((m for m in rest if m.preposition in RECIPIENT_PREPOSITIONS or m.preposition in ("ب", "ل")), None)
    companion = as_preposition(t.tokens[t.end - 1].text) if t.end - 1 > t.token else None
    if companion in RECIPIENT_PREPOSITIONS:
        # "صوت لصالح خان ... 176 عضوا في الجمعية": the name the trigger's own preposition governs, before the
        # subject too
        object_ = next((m for m in t.after if m.first_token == t.end and m.start not in taken), object_)
    following = [m for m in t.after if m.first_token > subject_end and m.start not in taken
                 and m.first_token not in capacity]
    direct = rest[0] if rest and rest[0].preposition is None and following[0] is rest[0] else None
    if direct is not None and (object_ is None or index.can_act(direct)):
        # the direct object is the first name after the subject, not one after a place; it comes before a name
        # governed later ("اتهم ترامب الصين في تغريدات له على تويتر", "طردت تركيا المقاتلين الأكراد من عفرين")
        object_ = direct
    # a verb's pronoun object ("متهما إياها بتوفير ملاذ للإرهابيين") is its object, before any later name; a
    # noun's suffix is a possessive, which names no recipient
    pronoun = _pronoun_object(t.tokens, t.token, t.end, t.last, subject_end + 1, attached=t.pos == "verb",
                              suffix=t.suffix)
    antecedent = _antecedent(index, t.token, set(actors)) if pronoun else None
    if antecedent and t.pos == "verb":
        return [antecedent.entity]
    if object_:
        # the window bounds where the object starts, not how long its list runs
        return list(dict.fromkeys(m.entity for m in index.coordinated(object_, following) if m.entity not in actors))
    if pronoun:
        return [antecedent.entity] if antecedent else []
    if t.ptype in JUDGED_DEEDS:
        doer = _doer_of_object(t, subject_end, set(actors))
        return [doer.entity] if doer else []
    return []


def _relative_clause_subject(t: _Trigger) -> Mention | None:
    """A noun that is the object of the relative clause after it is done by that clause's subject: "الدعم الذي
    يبديه الأمير محمد", "الهجوم الذي شنه داعش". The verb must carry the pronoun that stands for the noun; without
    it the noun is the clause's subject ("الهجوم الذي استهدف الجيش": the army is the target)."""
    # right after the noun, or as its companion word ("الدعم الذي")
    relative = next((j for j in (t.end - 1, t.end) if t.token < j < t.last
                     and normalize(t.tokens[j].text) in RELATIVE_PRONOUNS), None)
    if relative is None or relative + 1 >= t.last or not _carries_pronoun(t.tokens[relative + 1]):
        return None
    if any(stem in normalize(t.tokens[relative + 1].text) for stem in EXPERIENCER_VERBS):
        return None  # "الاحتجاجات التي يشهدها الأردن", "الهجوم الذي تعرض له": where or to whom, not by whom
    return next((m for m in t.after if relative + 1 < m.first_token <= relative + 3 and m.preposition is None
                 and t.index.can_act(m)), None)


def circumstantial(token: Token) -> bool:
    """An active participle in the accusative ("داعيا", "متهما", "مطالبا"): it describes the subject of the clause
    before it, so a name after it is its object, not its subject ("...، داعيا عناصر المليشيا للانسحاب")."""
    word = normalize(token.text)
    return (not token.proclitics and len(word) > 4 and word.endswith("ا") and not word.endswith("وا")
            and (word[0] == "م" or word[1] == "ا"))


def _carries_pronoun(token: Token) -> bool:
    """An object pronoun attached to a verb ("يبديه", "بذلتها"), split by the tokenizer or not."""
    word = normalize(token.text)
    return bool(token.enclitic) or (len(word) > 2 and word.endswith(OBJECT_PRONOUNS))


def _doer_of_object(t: _Trigger, subject_end: int, exclude: set[str]) -> Mention | None:
    """Praise or blame for a deed goes to whoever did it: "ثمن الجهود التي بذلتها قوات الجيش", "انتقد
    التصريحات التي أدلى بها ديفيد فريدمان"."""
    start = _past_apposition(t.tokens, subject_end + 1, t.last)
    relative = next((j for j in range(start, min(t.last, start + DEED_WINDOW))
                     if normalize(t.tokens[j].text) in RELATIVE_PRONOUNS), None)
    if relative is None:
        return None
    return next((m for m in t.after if relative < m.first_token <= relative + DEED_WINDOW
                 and m.entity not in exclude and t.index.can_act(m)), None)


def _capacity_aside(tokens: list[Token], start: int, last: int) -> range:
    """The actor's capacity in commas right after the subject ("تحدث نزارباييف، بصفته الرئيس الفخري لمجلس
    الاتحاد الاقتصادي الأوراسي الأعلى، لصالح ..."): what it names is not the one addressed."""
    j = start + (start < last and tokens[start].text in COMMAS)
    if j >= last or normalize(tokens[j].text) not in CAPACITY_WORDS:
        return range(0)
    close = closing_comma(tokens, j + 1, min(last, j + 1 + APPOSITION_WORDS * 2))
    return range(j, last if close is None else close)


def _past_apposition(tokens: list[Token], j: int, last: int) -> int:
    """Where the clause goes on after a title in commas at j ("ثمن بن كرعل، شيخ منطقة الفرع، الجهود التي ..."),
    or j itself."""
    if j + 1 >= last or tokens[j].text not in COMMAS or normalize(tokens[j + 1].text) not in TITLE_HEADS:
        return j
    close = closing_comma(tokens, j + 2, min(last, j + 2 + APPOSITION_WORDS))
    return close + 1 if close is not None else j


def _charge_follows(index: MentionIndex, tokens: list[Token], m: Mention, last: int) -> bool:
    """Whether the charge ("بالقيام", "بتدبير") follows the mention right away, or after a conjunct that names no
    other party ("ويتهم نجيب وأفراد من أسرته باختلاس"): it is then the accused."""
    j = m.last_token + 1
    if _charge_at(index, tokens, j, last):
        return True
    if j >= last or not normalize(tokens[j].text).startswith("و") or any(n.first_token == j for n in index.mentions):
        return False
    for k in range(j + 1, min(last, j + 1 + CONJUNCT_WORDS)):
        if tokens[k].text in COMMAS or tokens[k].text in CLAUSE_STOPS or any(n.first_token == k for n in index.mentions):
            return False  # "واتهم ترامب وماي روسيا بـ": the name after the list is the accused
        if _charge_at(index, tokens, k, last):
            return True
    return False


def _passive_participle(index: MentionIndex, tokens: list[Token], trigger: int, end: int, proclitics: str,
                        last: int) -> bool:
    """"غوغل متهمة بمطالبة": a participle followed right away by the charge is the passive one (accused of); the
    active one has its object first ("متهما روسيا بـ", "متهمة اياهم بـ")."""
    word = normalize(tokens[trigger].text)[len(proclitics):]
    return word.startswith("م") and end == trigger + 1 and _charge_at(index, tokens, end, last)


def _charge_at(index: MentionIndex, tokens: list[Token], j: int, last: int) -> bool:
    """Whether tokens[j] starts a charge. The tokenizer leaves some ب unsplit ("بتلقي", "بثلاث تهم"): a word
    starting with it that begins no name counts."""
    if j >= last or as_preposition(tokens[j].text) is not None:
        return False
    # "اتهم الحوثيين بأنهم": a charge told as a clause mostly follows the object of an active verb
    word = normalize(tokens[j].text)
    unsplit = word.startswith("ب") and not word.startswith("بان") and all(n.first_token != j for n in index.mentions)
    return tokens[j].proclitics.endswith("ب") or unsplit


def _genitive(tokens: list[Token], end: int, m: Mention) -> bool:
    """Whether `m` is the genitive of the noun ending before `end`: right after it, or after a title ("استقالة
    رئيس الوزراء هاني الملقي", "زيارة الرئيس الروسي فلاديمير بوتين")."""
    gap = [tokens[j] for j in range(end, m.first_token)]
    if len(gap) > TITLE_WORDS:
        return False
    if gap and not (gap[0].article or normalize(gap[0].text) in TITLE_HEADS):
        return False
    return all(not w.proclitics and w.text.isalpha() and (w.article or i == 0) for i, w in enumerate(gap))


def _conjunct_between(tokens: list[Token], after: list[Mention], start: int, stop: int) -> bool:
    starts = {m.first_token for m in after}
    return any(tokens[j].text in COMMAS and j + 1 < stop and tokens[j + 1].text[:1] == "و"
               and j + 1 not in starts for j in range(start, stop))


def _passive_arguments(index: MentionIndex, tokens: list[Token], trigger: int, end: int,
                       first: int, last: int, places_undergo: bool = True) -> Arguments:
    after = [m for m in index.parties_in(first, last) if m.first_token >= end
             and not _stopped(tokens, trigger + 1, m.first_token)]
    agent = _agent(tokens, after, end)
    actors = [m.entity for m in index.coordinated(agent, after)] if agent else []
    patient = next((m for m in after if m.first_token - end < ACTOR_WINDOW and m.preposition is None
                    and m.entity not in actors and not _conjunct_between(tokens, after, end, m.first_token)), None)
    if patient is None:
        # "وكان رئيس الوزراء الأسبق، نواز شريف، أقيل من منصبه": the subject before a passive verb undergoes it
        before = [m for m in index.parties_in(first, last) if m.last_token < trigger
                  and not _stopped(tokens, m.last_token + 1, trigger)]
        patient = _preverbal_subject(tokens, before, trigger)
        if patient and not places_undergo and not index.can_act(patient):
            patient = None  # "قسم ثالث العريش انفجرت بها عبوة": where it exploded
        after = before if patient else after
    recipients = [m.entity for m in index.coordinated(patient, after) if m.entity not in actors] if patient else []
    return Arguments(list(dict.fromkeys(actors)), list(dict.fromkeys(recipients)), own_subject=True, passive=True)


def _complementizer_between(tokens: list[Token], start: int, stop: int) -> bool:
    return any(normalize(tokens[j].text) in COMPLEMENTIZERS for j in range(start, stop))


def _definite_noun(token: Token) -> bool:
    """A word with the article, not a preposition that merely starts like one ("إلى"), nor a prepositional
    phrase ("ووجهت إليه اتهامات بالتهديد": the charge, not a subject)."""
    return (token.article and not any(c in token.proclitics for c in "بلك")
            and as_preposition(token.text) is None and len(normalize(token.text)) > 3)


def _title_follows(tokens: list[Token], j: int, last: int) -> bool:
    """A post ("محامي", "وزير") at j, with no clitic: the subject of the verb before it."""
    return j < last and not tokens[j].proclitics and normalize(tokens[j].text) in TITLE_HEADS


def _phrase_subject(tokens: list[Token], start: int, stop: int) -> bool:
    """Whether tokens[start:stop] are a bare noun and its definite genitive that no name is, the verb's subject
    before its object ("ويطالب مشروع القرار المجلس"); not a title ("طالب محامي السفارة"), a count, nor a time."""
    if stop - start != 2:
        return False
    word = normalize(tokens[start].text)
    return (not tokens[start].article and word not in TITLE_HEADS | MEMBER_WORDS | TIME_HEADS
            and _definite_phrase(tokens, start, stop))


def _definite_phrase(tokens: list[Token], j: int, last: int) -> bool:
    """A definite noun at j, or a bare noun in construct with one ("ويهدد شبح المجاعة"), not a quantifier, as
    often the object ("وحث سائر القوى")."""
    if j >= last:
        return False
    if _definite_noun(tokens[j]):
        return True
    word = tokens[j]
    return (j + 1 < last and not word.proclitics and word.text.isalpha() and as_preposition(word.text) is None
            and len(normalize(word.text)) > 2 and normalize(word.text) not in QUANTIFIERS
            and _definite_noun(tokens[j + 1]))


def _pronoun_object(tokens: list[Token], trigger: int, end: int, last: int, after: int = 0,
                    attached: bool = True, suffix: bool | None = None) -> bool:
    """The trigger's object is a pronoun: attached to a verb ("تتهمه"; `attached`: a noun's suffix is its
    genitive, its doer as often as its patient, "تمنيه على المجلس", "اعتقاله") or carried ("متهما إياها", "القبض عليه"), right after the trigger or after its subject
    (`after`: "رفضت المحكمة الإفراج عنه")."""
    text = tokens[trigger].text
    if suffix is None:
        suffix = text.endswith(OBJECT_PRONOUNS) and not text.endswith("ة")
    if attached and end == trigger + 1 and suffix:
        return True
    return any(normalize(tokens[j].text) in PRONOUN_CARRIERS
               for start in {end, max(end, after)} for j in range(start, min(last, start + 2)))


def _antecedent(index: MentionIndex, trigger: int, exclude: set[str]) -> Mention | None:
    """The nearest mention before the trigger that can be acted upon, for a pronoun."""
    for m in reversed(index.mentions):
        if m.last_token >= trigger:
            continue
        if trigger - m.last_token > ANTECEDENT_WINDOW:
            return None
        if m.entity not in exclude and index.can_act(m):
            return m
    return None


def possessor(index: MentionIndex, trigger: int, pronoun: str, exclude: set[str]) -> Mention | None:
    """The one a noun's possessive suffix stands for ("الزيارة الرسمية للرئيس الفرنسي ايمانويل ماكرون إلى الولايات
    المتحدة ومحادثاته مع نظيره"): the nearest party before that agrees with it, ه masculine, ها feminine; none past
    a person named by his title alone ("أن الملك أكد خلال مباحثاته مع كوشنر")."""
    tokens = index.doc.tokens
    for m in reversed(index.mentions):
        if m.last_token >= trigger or m.post:
            continue
        if trigger - m.last_token > ANTECEDENT_WINDOW or any(
                tokens[j].article and normalize(tokens[j].text)[2:] in TITLE_HEADS for j in range(m.last_token + 1, trigger)):
            return None
        if m.entity in exclude or not index.can_act(m):
            continue
        if pronoun not in ("ه", "ها") or _feminine(index, m) == (pronoun == "ها"):
            return m
    return None


def _masculine_pronoun(tokens: list[Token], trigger: int) -> bool:
    """Whether the subject pronoun right before the verb ("أنه", "لكنه") is the masculine singular one."""
    word = normalize(tokens[trigger - 1].text) if trigger > 0 else ""
    return word in SUBJECT_COMPLEMENTIZERS and word.endswith("ه") and not word.endswith(("ها", "هم", "هما"))


def _feminine(index: MentionIndex, m: Mention) -> bool:
    """A state or body named with a feminine word ("روسيا", "الحكومة"); a person counts as masculine."""
    if index.types.get(m.entity) == "PER":
        return False
    first = normalize(index.doc.text[m.start : m.end].split()[0])
    entity = index.entity(m.entity)
    if entity is not None and entity.kb_id and entity.kb_id.startswith("country:"):
        return first not in MASCULINE_STATES
    return first.endswith("ه") or first in FEMININE_PLURAL_HEADS


def _preverbal_subject(tokens: list[Token], before: list[Mention], trigger: int) -> Mention | None:
    """SV order: a mention right before the verb, with at most a particle between ("روسيا لن تهاجم")."""
    if not before or before[-1].preposition is not None:
        return None
    m = before[-1]
    between = [normalize(tokens[j].text) for j in range(m.last_token + 1, trigger)]
    if between[:1] and between[0] in COMMAS and m.first_token > 0 and tokens[m.first_token - 1].text in COMMAS:
        between = between[1:]  # a name in commas after its title ("رئيس الوزراء الأسبق، نواز شريف، أقيل")
    return m if all(w in PREVERBAL_PARTICLES for w in between) else None


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


def _between_parties(index: MentionIndex, tokens: list[Token], after: list[Mention], end: int,
                     reach: int = 2) -> list[Mention]:
    """The sides named after "بين" within `reach` tokens after a trigger (right after a noun), when there are at
    least two, in the trigger's clause."""
    near = [j for j in range(end, min(len(tokens), end + reach)) if normalize(tokens[j].text) == BETWEEN
            and not _stopped(tokens, end, j)]
    if not near:
        return []
    first = next((m for m in after if m.first_token == near[0] + 1), None)
    group = index.coordinated(first, after) if first else []
    return group if len(group) > 1 else []


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
    return any(tokens[j].text in CLAUSE_STOPS and not _quoted_term(tokens, j) for j in range(start, stop))


def _quoted_term(tokens: list[Token], j: int) -> bool:
    """A quote mark around a short term inside the clause ("روابط من "المصالح المتبادلة" مع الولايات المتحدة"),
    which cuts nothing; a quote of more words is another speaker's clause."""
    if tokens[j].text not in QUOTE_MARKS:
        return False
    for step in (1, -1):
        k = j + step
        while 0 <= k < len(tokens) and abs(k - j) <= QUOTED_TERM_WORDS + 1 and tokens[k].text.isalnum():
            k += step
        if 0 <= k < len(tokens) and tokens[k].text in QUOTE_MARKS and 1 < abs(k - j) <= QUOTED_TERM_WORDS + 1:
            return True
    return False
