"""Western surnames for Arabic spellings of Western names (khabar.kb.western) and their use in transliteration."""

from khabar.kb.translit import is_western_given_name, transliterate
from khabar.kb.western import CensusNames, arabic_shape, census_names, census_row, english_shape


def test_shapes_keep_consonants_and_the_long_vowels_arabic_writes():
    assert english_shape("mueller") == ("MLR", ("", "ue", "e", ""), "mlr")
    assert arabic_shape("مولر") == ("MLR", ("", "o", "", ""), "ملر")
    assert english_shape("starr")[0] == arabic_shape("ستار")[0] == "ZTR"


def _census(*surnames: str) -> CensusNames:
    rows = [
        census_row("given", "ken", 1),
        *(census_row("surname", name, rank) for rank, name in enumerate(surnames, 1)),
    ]
    return CensusNames([row.rstrip("\n") for row in rows])


def test_a_written_long_vowel_must_be_in_the_english_name():
    census = _census("miller", "mueller")
    assert census.surname("مولر") == "Mueller"  # و is o/u: not Miller, though Miller is more frequent
    assert census.surname("ميلر") == "Miller"


def test_the_most_frequent_fitting_surname_wins_and_letters_arabic_tells_apart_count():
    assert _census("starr", "star").surname("ستار") == "Starr"
    assert _census("slutzky", "slutsky").surname("سلوتسكي") == "Slutsky"  # س is s, ز would be z


def test_the_tables_spelling_stays_when_it_is_as_frequent_a_surname():
    census = _census("miller", "mueller")
    assert census.surname("مولر", current="Miller") == "Miller"  # the sources' spelling, and more frequent
    assert census.surname("ستار", current="Sattar") is None  # no census surname: the caller keeps its own
    assert _census("starr").surname("ستار", current="Sattar") == "Starr"


def test_nothing_for_short_or_unfitting_words():
    census = _census("cucinotta", "kerr")
    assert census.surname("كير") is None  # two consonants fit too many names
    assert census.surname("كوسنت") is None  # an English final vowel Arabic would write


def test_western_given_names_exclude_arabic_ones():
    assert is_western_given_name("كين", "Ken")
    assert is_western_given_name("ليونيد", "Leonid")  # curated foreign given name
    assert not is_western_given_name("عمر", "Omar")


def test_transliteration_of_western_names_snaps_the_surname():
    if not census_names().rank("starr"):
        return  # census_names.tsv.gz not built
    assert transliterate("كين ستار") == "Ken Starr"
    assert transliterate("روبرت مولر") == "Robert Mueller"
    assert transliterate("أندرو برونسون") == "Andrew Brunson"
    assert transliterate("ليونيد سلوتسكي") == "Leonid Slutsky"
    # an Arabic name keeps the table's spelling
    assert transliterate("سامي الهاشمي") == "Sami al-Hashimi"


def test_established_arabic_name_words_keep_their_spelling_after_a_western_given_name():
    if not census_names().rank("starr"):
        return
    assert transliterate("ميشال سليمان") == "Michel Suleiman"  # a curated Arabic name word
    assert transliterate("أنطوان كرم") == "Antoine Karam"  # spelled so by many sources
