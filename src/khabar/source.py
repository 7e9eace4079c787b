"""Wire agency and dateline: "المصدر: تاس", "(رويترز)", "- أ ف ب", "موسكو - تاس", "القاهرة (رويترز) -"."""

from __future__ import annotations

import re
from importlib import resources

import yaml

from khabar.document import Document

_DASH = r"[-–—]"


def _credit_alternation(credits: list[str]) -> str:
    # Longest first so that "وكالة الأنباء السعودية" wins over "الأنباء"; spaces and dots are interchangeable.
    forms = sorted(set(credits), key=len, reverse=True)
    return "|".join(re.escape(form).replace(r"\ ", r"[\s.]*").replace(r"\.", r"[\s.]*") for form in forms)


class SourceDetector:
    name = "source"

    def __init__(self) -> None:
        wires = yaml.safe_load(resources.files("khabar.data").joinpath("source/wires.yaml").read_text(encoding="utf-8"))
        self._credit_to_name = {}
        for wire in wires:
            for credit in wire["credits"]:
                self._credit_to_name[re.sub(r"[\s.]+", " ", credit)] = wire["name"]
        credit = f"(?P<credit>{_credit_alternation(list(self._credit_to_name))})"
        opener = rf"(?:\(|{_DASH})"
        self._patterns = [
            # a source line: "المصدر: تاس", "المصدر : وكالة الأنباء السعودية"
            re.compile(rf"(?:المصدر|مصدر الخبر)\s*[:：]\s*{credit}\s*$", re.MULTILINE),
            # a dateline at the start of the text: "موسكو - تاس", "القاهرة (رويترز) -", "(رويترز) -"
            re.compile(rf"\A\s*(?P<city>[^\W\d][^\n\-–—():.،,]{{1,30}}?)?[ \t]*{opener}\s*{credit}\s*(?:\)|{_DASH}|:|\n)"),
            # a credit alone at the end of a paragraph: "(رويترز)", "- أ ف ب"
            re.compile(rf"{opener}\s*{credit}\s*\)?\s*$", re.MULTILINE),
        ]
        self._leading_city = re.compile(rf"\A\s*(?P<city>[^\W\d][^\n\-–—():,،.]{{1,30}}?)\s*{_DASH}")

    def _wire_name(self, credit: str) -> str | None:
        return self._credit_to_name.get(re.sub(r"[\s.]+", " ", credit).strip())

    def __call__(self, doc: Document) -> None:
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
            if match and len(match.group("city").split()) <= 3:
                city = match.group("city").strip()
                start = match.start("city") + match.group("city").index(city)
                doc.source.dateline = city
                doc.source.dateline_evidence = doc.span(start, start + len(city))
