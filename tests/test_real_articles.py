"""Property test over real news: the whole pipeline never crashes and every span quotes the text exactly."""

import pytest

from khabar.analyze import analyze_stream
from khabar.contract import contract_errors
from khabar.ingest import Article
from khabar.ingest.fields import parse_date
from tests.conftest import real_articles

ARTICLES_PER_CORPUS = 1000


@pytest.mark.slow
def test_pipeline_on_real_articles():
    articles = [Article(id=f"{corpus}:{doc_id}", text=text, published=parse_date(date), origin=corpus)
                for corpus, doc_id, text, date in real_articles(ARTICLES_PER_CORPUS)]
    failures = []
    docs = list(analyze_stream(articles, on_failure=failures.append))
    assert not failures, failures[:3]
    assert len(docs) == len(articles) >= 2 * ARTICLES_PER_CORPUS
    for doc in docs:
        errors = contract_errors(doc.to_dict())
        assert not errors, (doc.id, errors[:3])
    assert sum(len(doc.entities) for doc in docs) > len(docs)  # real news names things
