"""English names of unknown organisations and places from their Arabic words (khabar.kb.name_words_en)."""

from khabar.kb.translit import transliterate


def test_head_first_arabic_is_read_backwards_with_the_name_kept_whole():
    assert transliterate("حرس الحدود اليمني", person=False) == "Yemeni Border Guard"
    assert transliterate("مخيم اليرموك", person=False) == "Al-Yarmouk Camp"
    assert transliterate("مجلس مدينة أبو حماد", person=False).endswith("City Council")


def test_for_and_and_and_numbers():
    assert transliterate("المرصد السوري لحقوق الإنسان", person=False) == "Syrian Observatory for Human Rights"
    assert transliterate("البحوث العلمية والإفتاء", person=False) == "Scientific Research and Ifta"
    assert transliterate("اللواء 84 مشاة", person=False) == "84th Infantry Brigade"


def test_two_word_terms_and_every_spelling_of_a_nationality():
    assert transliterate("الاتحاد المصري لكرة القدم", person=False) == "Egyptian Union for Football"
    assert transliterate("القيادة المركزية الأميركية", person=False) == "American Central Command"


def test_names_without_a_translated_word_are_transliterated_and_people_never_translated():
    assert "Camp" not in transliterate("مخيم اليرموك")  # person=True: a family name may be a common word
    assert transliterate("كتاف اليمنية", person=False).startswith("Yemeni ")


def test_acronyms_spelled_with_the_names_of_latin_letters():
    assert transliterate("أر بي سي", person=False) == "RBC"
    assert transliterate("سي إن إن", person=False) == "CNN"
    assert transliterate("بي سميسون") != "BS"  # a surname is not a letter


def test_a_quoted_name_is_one_unit_before_the_body_with_the_places_the_caller_knows():
    known = {"روسيا": "Russia", "مصر": "Egypt"}.get
    assert transliterate('جمعية الصداقة "روسيا - مصر"', person=False, known=known) == "Russia - Egypt Friendship Association"
    assert transliterate('بنك الاستثمار "Daiwa"', person=False, known=known) == "Daiwa Investment Bank"


def test_a_run_of_relative_adjectives_keeps_its_order_and_nouns_in_ya_are_no_adjectives():
    assert transliterate("الجيش الثاني الميداني", person=False) == "Second Field Army"
    assert transliterate("المنطقة المركزية العسكرية", person=False) == "Central Military Region"
    assert transliterate("مجموعة الرؤية الاستراتيجية", person=False) == "Strategic Vision Group"
