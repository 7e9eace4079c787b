"""Jinja2 templates (autoescaped) and the helpers the templates use."""

from __future__ import annotations

from importlib import resources
from typing import Any
from urllib.parse import urlencode, urlsplit

from fastapi import Request
from fastapi.templating import Jinja2Templates
from jinja2 import pass_context
from starlette.responses import HTMLResponse

from khabar.server import highlight
from khabar.server.event_types import EVENT_TYPES, OTHER_COLOUR

templates = Jinja2Templates(directory=str(resources.files("khabar.server").joinpath("templates")))


def web_url(url: str | None) -> str | None:
    """Only http(s) links are rendered: a `javascript:` URL in an article's metadata must not become a link."""
    return url if url and urlsplit(url).scheme in ("http", "https") else None


@pass_context
def page_query(context: Any, **changes: Any) -> str:
    """The current query string with some parameters changed, for pager and sort links."""
    params = dict(context["request"].query_params)
    params.update({k: str(v) for k, v in changes.items()})
    return "?" + urlencode(params)


templates.env.filters["web_url"] = web_url
templates.env.globals["page_query"] = page_query
templates.env.globals["event_colours"] = EVENT_TYPES
templates.env.globals["other_colour"] = OTHER_COLOUR


def render(request: Request, name: str, status_code: int = 200, **context: Any) -> HTMLResponse:
    return templates.TemplateResponse(request, name, context, status_code=status_code)


def render_article(request: Request, article: dict[str, Any], entity_keys: dict[str, str | None]) -> HTMLResponse:
    entities = {e["id"]: e for e in article["entities"]}

    def names(ids: list[str]) -> str:
        return "، ".join(entities[i]["name"] if i in entities else i for i in ids) or "—"

    found = highlight.annotations(article)
    return render(request, "article.html", article=article, segments=highlight.segments(article["text"], found),
                  records=highlight.records(article), entity_keys=entity_keys, names=names)
