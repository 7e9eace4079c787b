"""Relation rules of the audit round on unseen articles."""

from tests.test_relations import country, extractor, triples  # noqa: F401 (the fixture)
from tests.test_events import make_doc


def test_a_prime_minister_named_without_the_article(extractor):
    doc = make_doc("وقال رئيس وزراء اسرائيل بنيامين نتنياهو إن الافتتاح تاريخي.", [
        ("netanyahu", "PER", {"names": ["بنيامين نتنياهو"]}), country("israel", "اسرائيل", "ISR")])
    extractor(doc)
    assert triples(doc) == {("position_held", "netanyahu", "israel", "prime minister")}


def test_an_ambassador_to_a_state_does_not_hold_its_post(extractor):
    doc = make_doc("وحضر السفير الأمريكي لدى اسرائيل ديفيد فريدمان الحفل في الولايات المتحدة.", [
        ("friedman", "PER", {"names": ["ديفيد فريدمان"]}), country("israel", "اسرائيل", "ISR"),
        country("usa", "الولايات المتحدة", "USA")])
    extractor(doc)
    assert ("position_held", "friedman", "israel", "ambassador") not in triples(doc)


def test_a_membership_list_ends_where_a_preposition_starts(extractor):
    doc = make_doc("ويواصل التحالف العربي بقيادة السعودية ضد المتمردين باليمن وحلفائهم ومن ورائهم إيران عملياته.", [
        ("coalition", "ORG", {"names": ["التحالف العربي"]}), country("ksa", "السعودية", "SAU"),
        country("yemen", "اليمن", "YEM"), country("iran", "إيران", "IRN")])
    extractor(doc)
    assert {(t, s, o) for t, s, o, _ in triples(doc) if t == "member_of"} == {("member_of", "ksa", "coalition")}


def test_a_counterpart_holds_the_post_of_the_other_person(extractor):
    doc = make_doc("التقى الرئيس الروسي فلاديمير بوتين نظيره الأمريكي دونالد ترامب في هلسنكي لبحث علاقات روسيا وأمريكا.", [
        ("putin", "PER", {"names": ["فلاديمير بوتين"]}), ("trump", "PER", {"names": ["دونالد ترامب"]}),
        country("russia", "روسيا", "RUS"), country("usa", "أمريكا", "USA")])
    extractor(doc)
    assert triples(doc) == {("position_held", "putin", "russia", "president"),
                            ("position_held", "trump", "usa", "president")}


def test_a_counterpart_after_a_name_is_the_object_not_an_apposition(extractor):
    doc = make_doc("وبحث ماكرون نظيره الروسي في الأزمة مع روسيا.", [
        ("macron", "PER", {"names": ["ماكرون"]}), country("russia", "روسيا", "RUS")])
    extractor(doc)
    assert triples(doc) == set()
