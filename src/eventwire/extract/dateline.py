"""Datelines: "MOGADISHU, March 13 (Horn Wire) - ..." says where and when a report was filed.

Its date is the publication date, not the event's; its place is where the reporter was, which
is the event's place only when the text names no other.
"""
from __future__ import annotations

import re

_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
DATELINE = re.compile(
    r"^(?:[^\n]{0,200}\n+)?"  # an optional title line
    r"(?P<place>[A-Z][A-Z'\u2019.\- ]{2,40}(?:,\s*[A-Z][\w.'\u2019\- ]{1,40}){0,2})"  # KABUL / GOMA, Democratic Republic of Congo
    r"(?:,?\s+(?:" + _MONTH + r"\s+\d{1,2}|\d{1,2}\s+" + _MONTH + r")(?:,?\s+\d{4})?)?"
    r"\s*(?:\([^)\n]{2,60}\))?"
    r"\s*[-\u2013\u2014:]+\s+",
    re.I,
)


def dateline_span(text: str) -> tuple[int, int] | None:
    """(start, end) of the dateline at the start of the text, or None."""
    m = DATELINE.match(text)
    if not m:
        return None
    head = m.group("place").split(",")[0]
    if not (head.isupper() or "(" in m.group(0)):
        return None
    return m.start("place"), m.end()
