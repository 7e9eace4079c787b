"""Rules of the audit round on unseen articles (docs/events.md, "Audit round")."""

import pytest

from khabar.events import EventCoder
from tests.test_events import make_doc

SOUTH_SUDAN = ("ssd", "GPE", {"names": ["جنوب السودان"], "kb_id": "country:SSD", "country": "SSD"})


@pytest.fixture(scope="module")
def coder():
    return EventCoder()


@pytest.mark.parametrize("text", [
    "والتقى رئيس دولة جنوب السودان سلفاكير ميرديت، الأربعاء، مع مشار في أديس أبابا.",
    "والتقى رئيس جنوب السودان سلفاكير ميرديت مع مشار.",
])
def test_the_state_of_a_title_before_a_name_is_the_post_not_a_party(coder, text):
    doc = make_doc(text, [SOUTH_SUDAN, ("kiir", "PER", {"names": ["سلفاكير ميرديت"]}),
                          ("machar", "PER", {"names": ["مشار"]})])
    coder(doc)
    [event] = doc.events
    assert (event.type, event.actors, event.recipients) == ("CONSULT", ["kiir"], ["machar"])


def test_the_organisation_of_a_member_before_his_name_is_no_party(coder):
    doc = make_doc("أقال الرئيس بوتفليقة مدير عام الأمن الوطني عبد الغاني هامل من منصبه.", [
        ("bouteflika", "PER", {"names": ["بوتفليقة"]}), ("dgsn", "ORG", {"names": ["الأمن الوطني"]}),
        ("hamel", "PER", {"names": ["عبد الغاني هامل"]})])
    coder(doc)
    [event] = doc.events
    assert (event.type, event.actors, event.recipients) == ("SANCTION", ["bouteflika"], ["hamel"])
