"""Reading articles from files, directories, JSONL corpora, HTML pages and stdin."""

from khabar.ingest.readers import Article, ArticleError, read_sources

__all__ = ["Article", "ArticleError", "read_sources"]
