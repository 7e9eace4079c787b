"""Western surnames for Arabic spellings of Western names (khabar.kb.western) and their use in transliteration."""

from khabar.kb.translit import NameTable, is_western_given_name, transliterate
from khabar.kb.western import (
    LatinNames,
    arabic_shape,
    english_shape,
    latin_names,
    name_row,
    place_row,
)


def test_shapes_keep_consonants_and_the_long_vowels_arabic_writes():
    assert english_shape("mueller") == ("MLR", ("", "ue", "e", ""), "mlr")
    assert arabic_shape("مولر") == ("MLR", ("", "o", "", ""), "ملر")
    assert english_shape("starr")[0] == arabic_shape("ستار")[0] == "ZTR"


def _names(*rows: str) -> LatinNames:
    return LatinNames([row.rstrip("\n") for row in rows])


def _census(*surnames: str) -> LatinNames:
    return _names(
        name_row("given", "ken", 1, [("us", 1)]),
        *(name_row("surname", name, rank, [("us", rank)]) for rank, name in enumerate(surnames, 1)),
    )


def test_given_names_by_their_shape_western_only():
    names = _names(
        name_row("given", "claudio", 100_001, [("it", 3)]),
        name_row("given", "kaludi", 100_002, [("ar", 1), ("fr", 9)]),
    )
    assert names.given("كلاوديو") == "Claudio"
    assert names.given("كالودي") is None  # an Arabic given name is no Western one
    assert names.is_western("claudio") and not names.is_western("kaludi")


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
    if not latin_names().rank("starr"):
        return  # latin_names.tsv.gz not built
    assert transliterate("كين ستار") == "Ken Starr"
    assert transliterate("روبرت مولر") == "Robert Mueller"
    assert transliterate("أندرو برونسون") == "Andrew Brunson"
    assert transliterate("ليونيد سلوتسكي") == "Leonid Slutsky"
    # an Arabic name keeps the table's spelling
    assert transliterate("سامي الهاشمي") == "Sami al-Hashimi"


def test_established_arabic_name_words_keep_their_spelling_after_a_western_given_name():
    if not latin_names().rank("starr"):
        return
    assert transliterate("ميشال سليمان") == "Michel Suleiman"  # a curated Arabic name word
    assert transliterate("أنطوان كرم") == "Antoine Karam"  # spelled so by many sources


def test_surnames_of_the_given_names_origin_come_first():
    names = _names(
        name_row("given", "giacomo", 100_001, [("it", 1)]),
        name_row("surname", "mansini", 5, [("us", 5)]),
        name_row("surname", "mancini", 100_001, [("it", 1)]),
    )
    assert names.origins("giacomo") == {"it"}
    assert names.surname("مانسيني") == "Mansini"  # no origin: the more frequent
    assert names.surname("مانسيني", origins=frozenset({"it"})) == "Mancini"


def test_no_initial_english_vowel_arabic_did_not_write_and_g_for_ghain():
    assert _census("everett").surname("فريث") is None  # Everett begins with a vowel Arabic would write
    assert _census("jarosz", "garros").surname("غاروس") == "Garros"  # غ is g before j, though Jarosz is more frequent
    assert _census("jarosz").surname("غاروس") is None  # غ is never a j


def test_places_by_their_arabic_names_and_spelling_variants():
    names = _names(
        place_row("Bowling Green", 7, "US", ["بولينغ غرين"], ["بلنج جرن"]),
        place_row("Manistee", 8, "US", ["مانيستي"], ["منست"]),
    )
    assert names.place("بولينغ غرين") == "Bowling Green"
    assert names.place("باولينج جرين") is None
    assert names.place("باولينج جرين", "بلنج جرن", "باولينج جرين") == "Bowling Green"
    assert names.place("مينيسوتا", "منست", "مينيسوتا") is None  # the same skeleton, but و is no "ee"
    states = _names(place_row("Minnesota", 0, "US", [], []), place_row("Manistee", 8, "US", ["مانيستي"], ["منست"]))
    assert states.place("مينيسوتا", "منست", "مينيسوتا") == "Minnesota"  # a place without Arabic names: by shape
    arizona = _names(place_row("Arizona", 0, "US", [], []), place_row("Arizona City", 9, "US", ["اريزونا"], ["ارزن"]))
    assert arizona.place("اريزونا", "ارزن", "أريزونا") == "Arizona"  # the state before a city GeoNames calls so


def test_transliteration_with_the_name_lists():
    if not latin_names().origins("giacomo"):
        return  # latin_names.tsv.gz not built
    assert transliterate("باولينج جرين", person=False, place=True) == "Bowling Green"  # GeoNames, Kentucky
    assert transliterate("باولينج جرين") == "Bowling Green"  # a "person" with no name word: a place
    assert transliterate("الخضراء", person=False, place=True) != "Rahat"  # Arabic words stay the table's
    assert transliterate("جاكومو ليوباردي") == "Giacomo Leopardi"  # Italian given name, Italian surname
    assert transliterate("ألكسندر سوفوروف") == "Alexander Suvorov"
    assert not is_western_given_name("فريد", "Farid")  # in the French list, but an Arabic given name
    # a given name no source spells takes the Western given name it spells, and the surname follows
    assert transliterate("لانس آرمسترونج") == "Lance Armstrong"
    assert transliterate("ديفن نونيس") == "Devin Nunes"
    # after any first word, a foreign-looking word no source spells takes a surname; Arabic ones stay
    assert transliterate("هوب هيكس").endswith(" Hicks")
    assert transliterate("برهان غفور") == "Burhan Ghafoor"
    assert transliterate("سامي الهاشمي") == "Sami al-Hashimi"


def test_rules_read_foreign_endings_and_ch():
    rules = NameTable({})
    assert transliterate("نيازوف", rules) == "Niazov"
    assert transliterate("ميدفيديف", rules) == "Midfidev"
    assert transliterate("شريف", rules) == "Shrif"  # -يف after a short stem is no Slavic -ev
    assert transliterate("يوليوس", rules) == "Yolius"
    assert transliterate("تامايو", rules) == "Tamayo"  # -يو after a vowel is no Italian -io
    assert transliterate("تشاتانوغا", rules, person=False) == "Chatanoga"
    assert transliterate("أونيل", rules) == "Onil"  # an initial أو is an o (Obama, Oregon), not "aw"
    assert transliterate("ريشتهوفن", rules) == "Rishthofen"  # no word ends "fn" in English
    assert transliterate("كوسنت", rules) == "Kosnt"  # "nt" ends words (Kent)


def test_an_alif_is_no_english_o():
    assert _census("hopper", "haber").surname("هابر") == "Haber"  # Hopper is more frequent, but ا is no o
    assert _census("brunson", "branson").surname("برانسون") == "Brunson"  # ا is also the u of Brunson, Trump
    assert _census("osborne", "ausburn").surname("أوسبورن") == "Osborne"  # أو is an o


def test_two_long_vowels_are_two_english_letters():
    assert _census("hung", "hoang").surname("هوانغ") == "Hoang"  # Hung is more frequent, but وا is two letters
    assert _census("osborne").surname("أوسبورن") == "Osborne"  # an initial أو is one o


def test_an_initial_ya_may_write_a_j_after_the_names_with_y():
    names = _names(
        name_row("given", "jurgen", 100_130, [("de", 130)]),
        name_row("given", "georgene", 900, [("us", 900)]),
        name_row("surname", "young", 28, [("us", 28)]),
        name_row("surname", "jung", 2736, [("de", 78), ("us", 2736)]),
    )
    assert names.given("يورغن") == "Jurgen"  # not the soft g of Georgene
    assert names.surname("يونغ") == "Young"  # a Y name first
    assert _names(name_row("surname", "jung", 78, [("de", 78)])).surname("يونغ") == "Jung"
    assert _names(name_row("given", "julia", 89, [("de", 3), ("us", 89)])).given("يوليا") is None  # English J
    assert _names(name_row("given", "jevgeni", 100_017, [("et", 17)])).given("يفغيني") is None


def test_an_initial_alef_carrying_ya_or_waw_is_one_vowel():
    assert arabic_shape("إيميليو") == ("ML", ("i", "i", "io"), "مل")
    assert arabic_shape("أوريغون")[1][0] == "o"
    assert arabic_shape("أيمن")[1][0] == "i"
