import pytest

from khabar.events import demonyms
from khabar.relations import RelationExtractor
from tests.test_events import make_doc, seed_with_gold_entities


class FakeKB:
    NATIONALITIES = {"روسي": "RUS", "تركي": "TUR", "اردني": "JOR", "امريكي": "USA", "اميركي": "USA", "ايراني": "IRN",
                     "لبناني": "LBN"}

    def nationality(self, word):
        word = word.removeprefix("ال")
        return self.NATIONALITIES.get(word) or self.NATIONALITIES.get(word.removesuffix("ه"))


@pytest.fixture(params=["kb", "no-kb"])
def extractor(request, monkeypatch):
    """Run each test with the knowledge base's demonyms and with the stem fallback used when it is absent."""
    monkeypatch.setattr(demonyms, "_kb", lambda: FakeKB() if request.param == "kb" else None)
    return RelationExtractor()


def country(key, name, iso3):
    return (key, "GPE", {"names": [name], "kb_id": f"country:{iso3}", "country": iso3})


def triples(doc):
    return {(r.type, r.subject, r.object, r.role) for r in doc.relations}


def test_title_with_demonym(extractor):
    doc = make_doc("التقى رئيس الوزراء الروسي ميخائيل ميشوستين نظيره في روسيا.", [
        ("mishustin", "PER", {"names": ["ميخائيل ميشوستين"]}), country("russia", "روسيا", "RUS")])
    extractor(doc)
    assert triples(doc) == {("position_held", "mishustin", "russia", "prime minister")}
    assert doc.relations[0].evidence.text == "رئيس الوزراء الروسي ميخائيل ميشوستين"


def test_title_naming_the_state_with_a_modifier(extractor):
    doc = make_doc("اقترح أول رئيس لجمهورية كازاخستان، نور سلطان نزارباييف، مشاريع.", [
        ("nazarbayev", "PER", {"names": ["نور سلطان نزارباييف"]}),
        country("kazakhstan", "جمهورية كازاخستان", "KAZ")])
    extractor(doc)
    assert triples(doc) == {("position_held", "nazarbayev", "kazakhstan", "first president")}


def test_appositive_title_after_the_name(extractor):
    doc = make_doc("اتصل مع الملك عبدالله الثاني ملك الأردن.", [
        ("abdullah", "PER", {"names": ["عبدالله الثاني"]}), country("jordan", "الأردن", "JOR")])
    extractor(doc)
    assert ("position_held", "abdullah", "jordan", "king") in triples(doc)


def test_a_title_shared_by_a_list_of_leaders(extractor):
    doc = make_doc("أكد الرئيس التركي رجب طيب أردوغان والروسي فلاديمير بوتين في تركيا وروسيا.", [
        ("erdogan", "PER", {"names": ["رجب طيب أردوغان"]}), ("putin", "PER", {"names": ["فلاديمير بوتين"]}),
        country("turkey", "تركيا", "TUR"), country("russia", "روسيا", "RUS")])
    extractor(doc)
    assert {("position_held", "erdogan", "turkey", "president"),
            ("position_held", "putin", "russia", "president")} <= triples(doc)
    assert ("position_held", "putin", "turkey", "president") not in triples(doc)


def test_party_leader_is_affiliated_with_the_party(extractor):
    doc = make_doc("وقال زعيم حزب الرابطة الإسلامية، شهباز شريف، إن الانتخابات مزورة.", [
        ("shehbaz", "PER", {"names": ["شهباز شريف"]}), ("pmln", "ORG", {"names": ["الرابطة الإسلامية"]})])
    extractor(doc)
    assert triples(doc) == {("affiliated_with", "shehbaz", "pmln", "leader")}


def test_membership_and_observers(extractor):
    doc = make_doc('يضم "الاتحاد الاقتصادي الأوراسي" دول روسيا وأرمينيا، ولدى مولدوفا وكوبا صفة مراقب لدى المنظمة.', [
        ("eaeu", "ORG", {"names": ["الاتحاد الاقتصادي الأوراسي"]}), country("russia", "روسيا", "RUS"),
        country("armenia", "أرمينيا", "ARM"), country("moldova", "مولدوفا", "MDA"), country("cuba", "كوبا", "CUB")])
    extractor(doc)
    assert {(t, s, o) for t, s, o, _ in triples(doc)} == {
        ("member_of", "russia", "eaeu"), ("member_of", "armenia", "eaeu"),
        ("observer_of", "moldova", "eaeu"), ("observer_of", "cuba", "eaeu")}


def test_located_in_needs_a_stated_containment(extractor):
    doc = make_doc("قتل ثمانية في قندهار في جنوب أفغانستان، وزار الوفد باكستان وأفغانستان.", [
        ("kandahar", "GPE", {"names": ["قندهار"], "kb_id": "place:kandahar", "country": "AFG"}),
        country("afghanistan", "أفغانستان", "AFG"), country("pakistan", "باكستان", "PAK")])
    extractor(doc)
    assert triples(doc) == {("located_in", "kandahar", "afghanistan", None)}


def test_seed_article_relations(extractor):
    doc = seed_with_gold_entities()
    for e in doc.entities:
        if e.type == "GPE" and e.country:
            e.kb_id = f"country:{e.country}"
    extractor(doc)
    found = {(r.type, r.subject, r.object) for r in doc.relations}
    expected = {("member_of", k, "eaeu") for k in ("russia", "armenia", "belarus", "kazakhstan", "kyrgyzstan")}
    expected |= {("observer_of", k, "eaeu") for k in ("moldova", "uzbekistan", "cuba")}
    expected |= {("position_held", "mishustin", "russia"), ("position_held", "putin", "russia"),
                 ("position_held", "nazarbayev", "kazakhstan")}
    assert expected <= found
    assert len(found - expected) <= 1


def test_dateline_city_and_country_from_the_knowledge_base(extractor):
    doc = make_doc("دبي، الإمارات العربية المتحدة (CNN) – أكد المسؤول. وزار روسيا، الصين.", [
        ("dubai", "GPE", {"names": ["دبي"], "kb_id": "place:dubai", "country": "ARE"}),
        country("uae", "الإمارات العربية المتحدة", "ARE"), country("russia", "روسيا", "RUS"),
        country("china", "الصين", "CHN")])
    extractor(doc)
    assert triples(doc) == {("located_in", "dubai", "uae", None)}


def test_a_place_followed_by_a_demonym(monkeypatch):
    monkeypatch.setattr(demonyms, "_kb", lambda: FakeKB())  # "الأميركية" → USA needs the knowledge base
    extractor = RelationExtractor()
    doc = make_doc("في محكمة بولاية كنتاكي الأميركية وفي الولايات المتحدة.", [
        ("kentucky", "GPE", {"names": ["كنتاكي"], "kb_id": "place:kentucky", "country": "USA"}),
        country("usa", "الولايات المتحدة", "USA")])
    extractor(doc)
    assert ("located_in", "kentucky", "usa", None) in triples(doc)


def test_led_by_is_membership(extractor):
    doc = make_doc("تقدمت القوات المدعومة من التحالف العسكري بقيادة السعودية نحو الحديدة.", [
        ("coalition", "ORG", {"names": ["التحالف العسكري"]}), country("ksa", "السعودية", "SAU"),
        ("hodeidah", "GPE", {"names": ["الحديدة"], "kb_id": "place:hodeidah", "country": "YEM"})])
    extractor(doc)
    assert {(t, s, o) for t, s, o, _ in triples(doc)} == {("member_of", "ksa", "coalition")}


def test_honorary_title_of_an_organisation_after_the_name(extractor):
    doc = make_doc("تحدّث نزارباييف، بصفته الرئيس الفخري لمجلس الاتحاد الاقتصادي الأوراسي الأعلى، عن التوسيع.", [
        ("nazarbayev", "PER", {"names": ["نزارباييف"]}),
        ("seec", "ORG", {"names": ["مجلس الاتحاد الاقتصادي الأوراسي الأعلى"]})])
    extractor(doc)
    assert triples(doc) == {("position_held", "nazarbayev", "seec", "honorary head")}


def test_the_capital_named_in_the_text_is_in_its_state(extractor):
    doc = make_doc("واعتصم المئات بالعاصمة عمان، وقال مسؤول في الأردن.", [
        ("amman", "GPE", {"names": ["عمان"], "kb_id": "place:amman", "country": "JOR"}),
        country("jordan", "الأردن", "JOR")])
    extractor(doc)
    assert triples(doc) == {("located_in", "amman", "jordan", None)}


def test_a_first_name_the_recogniser_left_out(extractor):
    doc = make_doc("أكد رئيس الوزراء اللبناني المكلف سعد #الحريري أن لبنان بخير.", [
        ("hariri", "PER", {"names": ["الحريري"]}), country("lebanon", "لبنان", "LBN")])
    extractor(doc)
    assert ("position_held", "hariri", "lebanon", "prime minister-designate") in triples(doc)


def test_stacked_titles_each_give_a_relation(extractor):
    doc = make_doc("واختير وزير التعليم والخبير الاقتصادي بالبنك الدولي عمر الرزاز لتشكيل الحكومة في الأردن.", [
        ("razzaz", "PER", {"names": ["عمر الرزاز"], "country": "JOR"}), ("wb", "ORG", {"names": ["البنك الدولي"]}),
        country("jordan", "الأردن", "JOR")])
    extractor(doc)
    assert triples(doc) == {("affiliated_with", "razzaz", "wb", "expert"),
                            ("position_held", "razzaz", "jordan", "minister of education")}


def test_appositive_title_with_its_organisation_a_few_words_on(extractor):
    text = "برأت ليونيد سلوتسكي، رئيس لجنة الشؤون الخارجية في الدوما، من المزاعم. وعين أحمد قديروف رئيسا للشيشان."
    doc = make_doc(text, [
        ("slutsky", "PER", {"names": ["ليونيد سلوتسكي"]}), ("duma", "ORG", {"names": ["الدوما"]}),
        ("kadyrov", "PER", {"names": ["أحمد قديروف"]}), ("chechnya", "GPE", {"names": ["شيشان"]})])
    extractor(doc)
    assert triples(doc) == {("position_held", "slutsky", "duma", "chairman"),
                            ("position_held", "kadyrov", "chechnya", "president")}


def test_a_district_belonging_to_a_province(extractor):
    doc = make_doc("تقدمت القوات في مديرية كتاف التابعة لمحافظة صعدة.", [
        ("kitaf", "GPE", {"names": ["كتاف"], "kb_id": "place:kitaf", "country": "YEM"}),
        ("saada", "GPE", {"names": ["صعدة"], "kb_id": "place:saada", "country": "YEM"})])
    extractor(doc)
    assert triples(doc) == {("located_in", "kitaf", "saada", None)}


def test_a_description_set_apart_by_commas_and_demonyms_never_name_a_city(extractor):
    text = ("وتساءل المستشار الخاص بالتحقيقات بالتدخل الروسي بالانتخابات الأمريكية، روبرت مولر، عن ذلك. "
            "وقال الرئيس الفرنسي ماكرون في باريس. وفي الولايات المتحدة.")
    doc = make_doc(text, [
        ("mueller", "PER", {"names": ["روبرت مولر"], "country": "USA"}), ("macron", "PER", {"names": ["ماكرون"]}),
        ("paris", "GPE", {"names": ["باريس"], "kb_id": "place:paris", "country": "FRA"}),
        country("usa", "الولايات المتحدة", "USA")])
    extractor(doc)
    assert ("position_held", "mueller", "usa", "adviser") in triples(doc)
    assert not [r for r in doc.relations if r.object == "paris"]


def test_titles_before_and_after_a_name_and_a_conjoined_title_is_someone_else(extractor):
    doc = make_doc("اختير زعيم حزب الإنصاف، عمران خان، رئيسا لوزراء باكستان. ويقودها مايك بومبيو ونظير من كوريا.", [
        ("khan", "PER", {"names": ["عمران خان"]}), ("pti", "ORG", {"names": ["الإنصاف"]}),
        country("pakistan", "باكستان", "PAK"), ("pompeo", "PER", {"names": ["مايك بومبيو"]}),
        country("korea", "كوريا", "PRK")])
    extractor(doc)
    assert triples(doc) == {("affiliated_with", "khan", "pti", "leader"),
                            ("position_held", "khan", "pakistan", "prime minister")}


def test_a_rank_between_the_comma_and_the_name(extractor):
    text = "أكد مندوب العمليات المشتركة في التحالف العربي في منطقة الخضراء، العقيد بدر بن ناصر، أن الدعم مستمر."
    doc = make_doc(text, [
        ("badr", "PER", {"names": ["بدر بن ناصر"]}), ("coalition", "ORG", {"names": ["التحالف العربي"]})])
    extractor(doc)
    assert triples(doc) == {("position_held", "badr", "coalition", "representative")}


def test_a_state_named_with_the_other_members(extractor):
    doc = make_doc("وأكد أن جهود السعودية ودول التحالف العربي لن تتوقف.", [
        country("ksa", "السعودية", "SAU"), ("coalition", "ORG", {"names": ["التحالف العربي"]})])
    extractor(doc)
    assert triples(doc) == {("member_of", "ksa", "coalition", None)}


def test_office_before_an_honorific_with_a_second_body_conjoined(extractor):
    doc = make_doc("أكد مفتي عام المملكة رئيس هيئة كبار العلماء وإدارة البحوث العلمية والإفتاء "
                   "الشيخ عبدالعزيز آل الشيخ على أهمية الحوار.", [
        ("mufti", "PER", {"names": ["عبدالعزيز آل الشيخ"]}), ("scholars", "ORG", {"names": ["هيئة كبار العلماء"]})])
    extractor(doc)
    assert triples(doc) == {("position_held", "mufti", "scholars", "head")}


def test_conjoined_appositive_titles_each_give_a_relation(extractor):
    doc = make_doc("وحضر الملك عبدالله الثاني ملك الأردن والشيخ محمد بن زايد ولي عهد أبو ظبي ونائب القائد الأعلى "
                   "للقوات المسلحة في دولة الإمارات العربية المتحدة.", [
        ("abdullah", "PER", {"names": ["عبدالله الثاني"]}), ("mbz", "PER", {"names": ["محمد بن زايد"]}),
        ("abu_dhabi", "GPE", {"names": ["أبو ظبي"], "kb_id": "place:abu_dhabi", "country": "ARE"}),
        country("jordan", "الأردن", "JOR"), country("uae", "دولة الإمارات العربية المتحدة", "ARE")])
    extractor(doc)
    assert {("position_held", "abdullah", "jordan", "king"), ("position_held", "mbz", "abu_dhabi", "crown prince"),
            ("position_held", "mbz", "uae", "deputy supreme commander of the armed forces")} == triples(doc)


def test_places_listed_before_a_located_one_are_in_it_too(extractor):
    doc = make_doc("وتواصل إغلاق ميادين الشيخ زويد، وميدان الماسورة برفح، وميدان المالح وضاحية السلام بالعريش.", [
        ("sz", "GPE", {"names": ["الشيخ زويد"], "kb_id": "place:sz", "country": "EGY"}),
        ("m", "LOC", {"names": ["ميدان الماسورة"]}), ("rafah", "GPE", {"names": ["رفح"], "kb_id": "place:rafah"}),
        ("maleh", "LOC", {"names": ["ميدان المالح"]}), ("salam", "LOC", {"names": ["ضاحية السلام"]}),
        ("arish", "GPE", {"names": ["العريش"], "kb_id": "place:arish"})])
    extractor(doc)
    assert triples(doc) == {("located_in", "m", "rafah", None), ("located_in", "salam", "arish", None),
                            ("located_in", "maleh", "arish", None)}


def test_a_grand_mufti_of_a_state_holds_a_post_of_that_state(extractor):
    doc = make_doc("أكد مفتي عام المملكة رئيس هيئة كبار العلماء الشيخ عبدالعزيز آل الشيخ على أهمية الحوار.", [
        ("mufti", "PER", {"names": ["عبدالعزيز آل الشيخ"]}), ("scholars", "ORG", {"names": ["هيئة كبار العلماء"]}),
        country("ksa", "المملكة", "SAU")])
    extractor(doc)
    assert ("position_held", "mufti", "ksa", "grand mufti") in triples(doc)
