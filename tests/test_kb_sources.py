import datetime as dt

from khabar.kb import sources
from khabar.kb.build import drop_descriptor_forms, without_kind_forms
from khabar.kb.model import KBEntry
from khabar.kb.translit import transliterate

UP_SAMPLE = """\
نوري_المالكي_
\t[IRQGOV 20060520-20140908]
\t[IRQELI 20140908-18000101]
رئيس_روسي_فلاديمير_بوتين_
\t[RUSGOV >20120507]
حركة_حماس_
\t[PSEREB 20140908-20161010]
سياسة_عراقي_
\t[IRQ 20050803-20130803]
بوتين
\t[RUSGOV >20120507]
"""


def test_up_actor_dictionary_gives_named_actors_with_dated_codes(tmp_path):
    path = tmp_path / "actor_dict.txt"
    path.write_text(UP_SAMPLE, encoding="utf-8")
    entries = {e.name_ar: e for e in sources.up_actors(path, {"رئيس"}, {"روسي", "عراقي"}, {"IRQ", "RUS", "PSE"})}
    assert set(entries) == {"نوري المالكي", "حركة حماس"}  # titles, demonym phrases and one word left out
    maliki = entries["نوري المالكي"]
    assert (maliki.type, maliki.country) == ("PER", "IRQ")
    assert maliki.actor_code(dt.date(2010, 1, 1)) == "IRQGOV"
    assert maliki.actor_code(dt.date(2016, 1, 1)) == "IRQELI"  # the placeholder end 1800-01-01 is open
    assert entries["حركة حماس"].type == "ORG"


def test_descriptor_forms_of_a_name_are_dropped():
    entry = KBEntry("a", "ORG", "تاس", "TASS", "agency", aliases_ar=["وكالة تاس", "وكالة الأنباء الروسية تاس"])
    assert drop_descriptor_forms(entry, {"وكالة"}) == ["وكالة الأنباء الروسية تاس"]


def test_demonym_forms_cover_gender_number_and_article():
    forms = set(sources.demonym_forms("روسي"))
    assert {"روسي", "روسية", "روسيون", "روسيين", "الروسي", "الروسية", "الروسيات"} <= forms


def test_transliteration_uses_usual_spellings_and_rules():
    assert transliterate("محمد سالم بن كرعل") == "Mohammed Salem bin Kar'al"  # an ain between consonants is a syllable
    assert transliterate("هادي حمران الجعيدي") == "Hadi Hamran al-Jaidi"
    assert transliterate("عبد الرحمن") == "Abdulrahman"
    assert transliterate("ديفيد") == "David"


def test_english_place_names_compare_without_accents_saint_or_qualifiers():
    assert sources.english_key("St. Petersburg") == sources.english_key("Saint Petersburg")
    assert sources.english_key("Bogotá") == "bogota"
    assert sources.english_key("Tabuk, Saudi Arabia") == sources.english_key("Tabuk (city)") == "tabuk"


def test_a_secondary_entry_named_by_its_kind_and_a_known_name_is_left_out():
    hamas = KBEntry(id="org:hamas", type="ORG", name_ar="حماس", name_en="Hamas", kind="armed_group")
    bashir = KBEntry(id="person:bashir", type="PER", name_ar="البشير", name_en="Omar al-Bashir", kind="person")
    actors = [KBEntry(id="up:harka_hamas", type="ORG", name_ar="حركة حماس", name_en="Hamas Movement", kind="org"),
              KBEntry(id="up:hazb_al_bashir", type="ORG", name_ar="حزب البشير", name_en="Bashir Party", kind="org")]
    kept = without_kind_forms([hamas, bashir], actors, {"حركة", "حزب"})
    assert [e.id for e in kept] == ["up:hazb_al_bashir"]  # a party named after a person is another body
