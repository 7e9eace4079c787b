"""The source of an article: its publisher (from the URL or the corpus's source id), the wire agency and the dateline
("المصدر: تاس", "(رويترز)", "- أ ف ب", "موسكو - تاس", "القاهرة (رويترز) -", "دبي، الإمارات العربية المتحدة (CNN)--",
a byline "عين اليوم – عدن")."""

from __future__ import annotations

import re
from importlib import resources
from urllib.parse import urlsplit

import yaml

from khabar.document import Document
from khabar.kb import load_kb

_DASHES = "-–—"
_DASH = f"[{_DASHES}]"


def _credit_alternation(credits: list[str]) -> str:
    # Longest first so that "وكالة الأنباء السعودية" wins over "الأنباء"; spaces and dots are interchangeable.
    forms = sorted(set(credits), key=len, reverse=True)
    return "|".join(re.escape(form).replace(r"\ ", r"[\s.]*").replace(r"\.", r"[\s.]*") for form in forms)


def _data(name: str) -> list[dict]:
    return yaml.safe_load(resources.files("khabar.data").joinpath(f"source/{name}").read_text(encoding="utf-8"))


class Publishers:
    """Publisher names from a URL ("https://www.skynewsarabia.com/..." → Sky News Arabia) or a short id ("alriyadh")."""

    def __init__(self, entries: list[dict]):
        self._by_id: dict[str, str] = {}
        self._sites: list[tuple[str, str, str]] = []  # (host, path prefix, name), path-specific sites first
        for entry in entries:
            for key in [entry["name"], *entry.get("ids", []), *entry["sites"]]:
                self._by_id[key.casefold()] = entry["name"]
            for site in entry["sites"]:
                host, _, path = site.partition("/")
                self._sites.append((host, f"/{path}" if path else "", entry["name"]))
        self._sites.sort(key=lambda site: -len(site[1]))

    def from_url(self, url: str) -> str | None:
        """The known publisher of the site, else the host name itself."""
        parts = urlsplit(url if "//" in url else f"//{url}")
        host = (parts.hostname or "").removeprefix("www.")
        if not host:
            return None
        for site_host, prefix, name in self._sites:
            if (host == site_host or host.endswith(f".{site_host}")) and parts.path.startswith(prefix):
                return name
        return host

    def resolve(self, given: str | None, url: str | None) -> str | None:
        if given and given.strip():
            given = given.strip()
            return self._by_id.get(given.casefold()) or (self.from_url(given) if "." in given else given)
        return self.from_url(url) if url else None


class SourceDetector:
    name = "source"

    def __init__(self) -> None:
        wires = _data("wires.yaml")
        self._publishers = Publishers(_data("publishers.yaml"))
        self._credit_to_name = {}
        for wire in wires:
            for credit in wire["credits"]:
                self._credit_to_name[re.sub(r"[\s.]+", " ", credit)] = wire["name"]
        credit = f"(?P<credit>{_credit_alternation(list(self._credit_to_name))})"
        opener = rf"(?:\(|{_DASH})"
        self._patterns = [
            # a source line: "المصدر: تاس", "المصدر : وكالة الأنباء السعودية"
            re.compile(rf"(?:المصدر|مصدر الخبر)\s*[:：]\s*{credit}\s*$", re.MULTILINE),
            # a dateline at the start of the text: "موسكو - تاس", "القاهرة (رويترز) -", "(رويترز) -", also with the
            # country after the city: "دبي، الإمارات العربية المتحدة (CNN)--"
            re.compile(
                rf"\A\s*(?P<city>[^\W\d][^\n\-–—():.،,]{{1,30}}?)?(?:[ \t]*[،,][ \t]*[^\W\d][^\n\-–—():.،,]{{1,40}}?)?"
                rf"[ \t]*{opener}\s*{credit}\s*(?:\)|{_DASH}|:|\n)"
            ),
            # a credit alone at the end of a paragraph: "(رويترز)", "- أ ف ب"
            re.compile(rf"{opener}\s*{credit}\s*\)?\s*$", re.MULTILINE),
        ]
        self._leading_city = re.compile(rf"\A\s*(?P<city>[^\W\d][^\n\-–—():,،.]{{1,30}}?)\s*{_DASH}")
        # a byline before a colon: "سبق- ينبع:", "بدر العتيبي- سبق- القصيم:" (author, outlet, place), or as the
        # whole first line: "عين اليوم – عدن", "مكة المكرمة – حامد القرشي"
        self._byline = re.compile(rf"\A\s*(?P<byline>[^\n:،,.]{{1,70}}?{_DASH}[^\n:،,.]{{1,70}}?)[ \t]*(?::|\n)")
        self._byline_part = re.compile(f"[^{_DASHES}]+")  # the parts between its dashes

    @staticmethod
    def _is_place(name: str) -> bool:
        return any(entry.type in ("GPE", "LOC") for entry in load_kb().lookup(name.strip(), fuzzy=False))

    def _wire_name(self, credit: str) -> str | None:
        return self._credit_to_name.get(re.sub(r"[\s.]+", " ", credit).strip())

    def __call__(self, doc: Document) -> None:
        doc.source.publisher = self._publishers.resolve(doc.source.publisher, doc.url)
        for pattern in self._patterns:
            match = pattern.search(doc.text)
            if not match:
                continue
            doc.source.wire = self._wire_name(match.group("credit"))
            doc.source.wire_evidence = doc.span(match.start("credit"), match.end("credit"))
            city = match.groupdict().get("city")
            if city and city.strip():
                doc.source.dateline = city.strip()
                doc.source.dateline_evidence = doc.span(match.start("city"), match.start("city") + len(city.rstrip()))
            break
        if doc.source.dateline is None:
            match = self._leading_city.match(doc.text)
            # without a wire credit, only a known place before the dash is a dateline ("فاز يوفنتوس 4-صفر" is not)
            if match and len(match.group("city").split()) <= 3 and self._is_place(match.group("city")):
                city = match.group("city").strip()
                start = match.start("city") + match.group("city").index(city)
                doc.source.dateline = city
                doc.source.dateline_evidence = doc.span(start, start + len(city))
        if doc.source.dateline is None and (byline := self._byline.match(doc.text)):
            for part in self._byline_part.finditer(byline.group("byline")):
                name = part.group().strip()
                if not name or len(name.split()) > 3:
                    continue
                start = byline.start("byline") + part.start() + part.group().index(name)
                if doc.source.wire is None and (wire := self._wire_name(name)):  # "واس- جدة:"
                    doc.source.wire, doc.source.wire_evidence = wire, doc.span(start, start + len(name))
                elif doc.source.dateline is None and self._is_place(name):
                    doc.source.dateline = name
                    doc.source.dateline_evidence = doc.span(start, start + len(name))
