"""Helpers shared by the evaluation tasks: limits, batched coding with progress, name matching."""
from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from datetime import date, datetime, timedelta
from itertools import islice

from ..gazetteer import ADMIN_SUFFIXES, haversine_km
from ..models import Article, CodedArticle
from ..textnorm import fold

# an ACLED actor name's years in power: "Military Forces of Iraq (2014-)"
YEAR_RANGE = re.compile(r"\s*\(\s*\d{4}\s*-\s*(?:\d{4})?\s*\)")

BATCH_SIZE = 16


def first(items, limit: int | None) -> list:
    """The first ``limit`` items (all of them when ``limit`` is None)."""
    return list(items) if limit is None else list(islice(items, limit))


def code_all(pipeline, articles: Sequence[Article],
             progress: Callable[[int, int], None] | None = None) -> Iterator[CodedArticle]:
    """Code articles in order, in batches, calling ``progress(done, total)`` after each."""
    total = len(articles)
    if progress:
        progress(0, total)
    for done, coded in enumerate(pipeline.code_articles(articles, batch_size=BATCH_SIZE), 1):
        if progress:
            progress(done, total)
        yield coded


# ---- admin1 names ------------------------------------------------------------------------
_ARTICLES = ("al ", "el ", "ad ", "an ", "ar ", "as ", "ash ", "at ", "az ", "the ")


def admin_key(name: str) -> str:
    """A comparable key for a province name: folded, without its type word or leading article.

    Spaces are dropped too: 'Al Anbār province' -> 'anbar'; 'Şalāḩ ad-Dīn Governorate' -> 'salahaddin'.
    """
    key = fold(name or "")
    changed = True
    while changed:
        changed = False
        for suffix in ADMIN_SUFFIXES:
            if key.endswith(" " + suffix):
                key = key[: -len(suffix) - 1].strip()
                changed = True
    for article in _ARTICLES:
        if key.startswith(article) and len(key) > len(article):
            key = key[len(article):]
            break
    return key.replace(" ", "")


def admin1_match(gold: str, predicted: str, gazetteer=None) -> bool | None:
    """Do two admin1 names denote the same province? None when gold has none (not scored).

    Names are compared by :func:`admin_key`; failing that, the gold name's gazetteer entries
    (its GeoNames alternate names, e.g. 'Ninewa' -> 'Nīnawá') are compared with the prediction.
    """
    if not (gold or "").strip():
        return None
    if not (predicted or "").strip():
        return False
    want = admin_key(predicted)
    if admin_key(gold) == want:
        return True
    if gazetteer is None:
        return False
    name = gold
    words = fold(gold).split()
    if words and words[-1] in ADMIN_SUFFIXES:
        name = " ".join(words[:-1])
    for place, _main in gazetteer.candidates(name):
        if place.feature == "admin1" and admin_key(place.name) == want:
            return True
    return False


# ---- dates -------------------------------------------------------------------------------
DATE_FORMATS = ("%Y-%m-%d", "%d-%b-%y", "%d-%b-%Y", "%d-%B-%y", "%d-%B-%Y", "%d %B %Y", "%d %b %Y",
                "%d/%m/%Y", "%d.%m.%Y", "%B %d, %Y", "%b %d, %Y", "%d %B, %Y")


def parse_day(value: str | None) -> date | None:
    """A gold date in any of ACLED's and UCDP's written forms ('9-May-20', '21 March 2020',
    '2020-05-09', '21/03/2020' day first); None when empty or unreadable."""
    text = (value or "").strip()
    if not text:
        return None
    m = re.match(r"(\d{4})-(\d{1,2})-(\d{1,2})", text)
    if m:
        try:
            return date(int(m[1]), int(m[2]), int(m[3]))
        except ValueError:
            return None
    for fmt in DATE_FORMATS:
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    return None


def day_of(event_date: str) -> date | None:
    """An Event's ``event_date`` (YYYY-MM-DD or empty) as a date."""
    return parse_day(event_date) if event_date else None


def within(day: date | None, start: date | None, end: date | None, slack_days: int = 0) -> bool:
    if day is None or start is None:
        return False
    end = end or start
    return start - timedelta(days=slack_days) <= day <= end + timedelta(days=slack_days)


def to_int(value) -> int | None:
    try:
        return int(float(str(value).strip()))
    except (TypeError, ValueError):
        return None


def to_float(value) -> float | None:
    try:
        text = str(value).strip()
        return float(text) if text else None
    except (TypeError, ValueError):
        return None


def located_within(lat: float | None, lon: float | None, event, km: float) -> bool | None:
    """Is the event within ``km`` of the gold point? None when gold has no point."""
    if lat is None or lon is None:
        return None
    return event.latitude is not None and event.longitude is not None and \
        haversine_km(lat, lon, event.latitude, event.longitude) <= km
