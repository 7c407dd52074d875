"""ucdp: UCDP GED rows (Sundberg & Melander 2013) coded from their wire headlines.

Input: a GED CSV (a header row, then, in HDX downloads, an HXL tag row such as
``,#date+year,...``, which is skipped). Rows with an empty ``source_headline`` are skipped;
``limit`` counts the rows that are scored.

Text: the row's headlines, one sentence each (a period is added to a headline that does not end
in ``.``, ``!`` or ``?``), coded together as one article. Several headlines are joined by ``;`` in
``source_headline``; a headline can itself contain a ``;``, so when the headlines inside
``source_article`` (entries ``"Outlet,YYYY-MM-DD,Headline"`` joined by ``;``) rejoin to exactly
``source_headline`` they are used as the split, and otherwise ``source_headline`` is split on
every ``;``.

Publication date: the date of the *first* entry in ``source_article`` (the entries are the
reports UCDP coded the event from, in UCDP's order; the first is its primary source), else the
first ISO date in ``source_date``, else none.

Scored event: :func:`eventwire.evaluate.main_event` over Battles, Explosions/Remote violence and
Violence against civilians, with no fallback: a row without such an event fails every metric.
"""
from __future__ import annotations

import csv
import re
import sys
from dataclasses import dataclass
from datetime import date

from ..models import Article, Event
from .common import (YEAR_RANGE, admin1_match, code_all, day_of, first, located_within, parse_day, to_float,
                     to_int, within)
from .metrics import share

LOCATION_KM = 50.0
ENTRY = re.compile(r"^(?P<outlet>.*?),(?P<date>\d{4}-\d{2}-\d{2}),(?P<headline>.*)$", re.S)
ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
TRAILING_PAREN = re.compile(r"\s*\([^()]*\)\s*$")
NON_WORD = re.compile(r"[^0-9a-z]+")

csv.field_size_limit(sys.maxsize)

# Side names: UCDP's (left) and ACLED/eventwire's (right) names that denote the same actor.
# Keys and values are compared after normalisation (see norm_side); values are canonical keys.
STATE_PREFIXES = ("government of ", "military forces of ", "police forces of ", "armed forces of ",
                  "security forces of ")
SIDE_ALIASES = {
    "is": "islamic state",
    "isis": "islamic state",
    "isil": "islamic state",
    "isi": "islamic state",
    "daesh": "islamic state",
    "islamic state of iraq": "islamic state",
    "islamic state of iraq and the levant": "islamic state",
    "islamic state of iraq and syria": "islamic state",
    "pkk": "kurdistan workers party",
    "pkk kurdistan workers party": "kurdistan workers party",
    "pjak": "kurdistan free life party",
    "pjak kurdistan free life party": "kurdistan free life party",
    "kdpi": "democratic party of iranian kurdistan",
    "kdpi democratic party of iranian kurdistan": "democratic party of iranian kurdistan",
    "jrtn": "jaysh rijal al tariqa al naqshbandia",
    "naqshbandi army": "jaysh rijal al tariqa al naqshbandia",
    "mek": "mujahideen e khalq",
    "mko": "mujahideen e khalq",
    "people s mujahedin of iran": "mujahideen e khalq",
    "kdp": "kurdistan democratic party",
    "puk": "patriotic union of kurdistan",
    "civilians": "civilians",
}


def norm_side(name: str) -> str:
    """A canonical key for a conflict side, so that UCDP's and ACLED-style names compare.

    1. drop ACLED year ranges, ``Military Forces of Iraq (2014-)`` -> ``Military Forces of Iraq``;
    2. drop one trailing parenthesised qualifier, ``Civilians (Iraq)`` -> ``Civilians``;
    3. lower-case, strip accents and punctuation (``Kurdistan Workers' Party`` ->
       ``kurdistan workers party``);
    4. a state's forces, whoever names them: ``Government of X``, ``Military Forces of X``,
       ``Police Forces of X`` (and ``Armed``/``Security Forces of X``) -> ``state of x``;
    5. the alias table :data:`SIDE_ALIASES` (``IS`` = ``Islamic State`` = ``ISIL``; ``PKK`` =
       ``Kurdistan Workers' Party``; ...).
    """
    from ..textnorm import fold

    text = YEAR_RANGE.sub("", name or "")
    text = TRAILING_PAREN.sub("", text)
    key = fold(text)
    for prefix in STATE_PREFIXES:
        if key.startswith(prefix):
            return "state of " + key[len(prefix):].strip().removeprefix("the ")
    return SIDE_ALIASES.get(key, key)


def sides_match(gold_a: str, gold_b: str, pred1: str, pred2: str) -> tuple[bool, bool]:
    """(side_a matched, side_b matched). Same position, or the pair matched in swapped order
    (actor order carries no meaning except for one-sided violence), which counts for both."""
    ga, gb, p1, p2 = (norm_side(x) for x in (gold_a, gold_b, pred1, pred2))
    swapped = bool(ga) and bool(gb) and ga == p2 and gb == p1
    return (bool(ga) and ga == p1) or swapped, (bool(gb) and gb == p2) or swapped


def ucdp_sides(event: Event) -> tuple[str, str]:
    """The event's actors in UCDP's order: a government is always side_a (UCDP GED codebook,
    state-based conflict); otherwise ACLED's order, the perpetrator first."""
    if event.inter2 == "State forces" and event.inter1 != "State forces":
        return event.actor2, event.actor1
    return event.actor1, event.actor2


@dataclass
class UcdpRow:
    id: str
    headlines: list[str]
    published: date | None
    outlet: str
    date_start: date | None
    date_end: date | None
    best: int | None
    low: int | None
    high: int | None
    latitude: float | None
    longitude: float | None
    adm_1: str
    side_a: str
    side_b: str
    type_of_violence: str = ""

    @property
    def text(self) -> str:
        return " ".join(_sentence(h) for h in self.headlines)


def _sentence(headline: str) -> str:
    h = headline.strip()
    return h if h.endswith((".", "!", "?")) else h + "."


def parse_sources(source_article: str) -> list[tuple[str, date | None, str]]:
    """(outlet, date, headline) for each entry of ``source_article``; [] when it has none."""
    text = (source_article or "").strip()
    if not text:
        return []
    if text.startswith('"') and text.endswith('"'):
        parts = text[1:-1].split('";"')
    else:
        parts = [text]
    out = []
    for part in parts:
        m = ENTRY.match(part.strip())
        if m:
            out.append((m["outlet"].strip(), parse_day(m["date"]), m["headline"].strip()))
    return out


def split_headlines(source_headline: str, sources: list[tuple[str, date | None, str]]) -> list[str]:
    heads = [s[2] for s in sources]
    if heads and ";".join(heads).strip() == source_headline.strip():
        return [h.strip() for h in heads if h.strip()]
    return [h.strip() for h in source_headline.split(";") if h.strip()]


def _is_tag_row(row: dict) -> bool:
    values = [v for v in row.values() if isinstance(v, str) and v.strip()]
    return bool(values) and all(v.strip().startswith("#") for v in values)


def read_ucdp(path: str) -> list[UcdpRow]:
    """GED rows that have a headline, in file order."""
    with open(path, encoding="utf-8-sig", newline="") as fh:
        reader = csv.DictReader(fh)
        need = {"source_headline", "date_start", "best", "latitude", "longitude", "side_a", "side_b"}
        missing = need - set(reader.fieldnames or [])
        if missing:
            raise ValueError(f"{path}: not a UCDP GED CSV (missing {', '.join(sorted(missing))})")
        rows = []
        for rec in reader:
            if _is_tag_row(rec) or not (rec.get("source_headline") or "").strip():
                continue
            sources = parse_sources(rec.get("source_article", ""))
            published = sources[0][1] if sources and sources[0][1] else None
            if published is None:
                m = ISO_DAY.search(rec.get("source_date") or "")
                published = parse_day(m.group(0)) if m else None
            rows.append(UcdpRow(
                id=(rec.get("id") or "").strip(), headlines=split_headlines(rec["source_headline"], sources),
                published=published, outlet=sources[0][0] if sources else "",
                date_start=parse_day(rec.get("date_start")), date_end=parse_day(rec.get("date_end")),
                best=to_int(rec.get("best")), low=to_int(rec.get("low")), high=to_int(rec.get("high")),
                latitude=to_float(rec.get("latitude")), longitude=to_float(rec.get("longitude")),
                adm_1=(rec.get("adm_1") or "").strip(), side_a=(rec.get("side_a") or "").strip(),
                side_b=(rec.get("side_b") or "").strip(),
                type_of_violence=(rec.get("type_of_violence") or "").strip()))
    return rows


def score_row(row: UcdpRow, event: Event | None, gazetteer=None) -> dict[str, bool | None]:
    """The row's metric flags (None: not scored for this row, e.g. gold lacks the field)."""
    if event is None:
        return {"event_recall": False, "fatalities_exact": False, "fatalities_in_range": False,
                "location_acc_50km": False, "admin1_match": admin1_match(row.adm_1, "", None),
                "date_exact": False, "date_within_1d": False, "side_a_match": False, "side_b_match": False}
    day = day_of(event.event_date)
    low = row.low if row.low is not None else row.best
    high = row.high if row.high is not None else row.best
    located = located_within(row.latitude, row.longitude, event, LOCATION_KM)
    side_a, side_b = sides_match(row.side_a, row.side_b, *ucdp_sides(event))
    return {
        "event_recall": True,
        "fatalities_exact": None if row.best is None else event.fatalities == row.best,
        "fatalities_in_range": None if low is None else low <= event.fatalities <= high,
        "location_acc_50km": located,
        "admin1_match": admin1_match(row.adm_1, event.admin1, gazetteer),
        "date_exact": None if row.date_start is None else day == row.date_start,
        "date_within_1d": None if row.date_start is None else within(day, row.date_start, row.date_end, 1),
        "side_a_match": side_a if row.side_a else None,
        "side_b_match": side_b if row.side_b else None,
    }


KEYS = ("event_recall", "fatalities_exact", "fatalities_in_range", "location_acc_50km", "admin1_match",
        "date_exact", "date_within_1d", "side_a_match", "side_b_match")


def evaluate(path: str, pipeline, limit: int | None = None, progress=None) -> tuple[int, dict, dict]:
    from . import UCDP_VIOLENT_TYPES, main_event

    rows = first(read_ucdp(path), limit)
    articles = [Article(text=r.text, published=r.published, outlet=r.outlet, origin=f"{path}:{r.id}")
                for r in rows]
    flags: list[dict] = []
    found_types: dict[str, int] = {}
    for row, coded in zip(rows, code_all(pipeline, articles, progress)):
        event = main_event(coded.events, UCDP_VIOLENT_TYPES, fallback=False)
        flags.append(score_row(row, event, pipeline.gazetteer))
        key = event.event_type if event else "none"
        found_types[key] = found_types.get(key, 0) + 1
    metrics = {k: share(f[k] for f in flags) for k in KEYS}
    metrics["with_publication_date"] = share(r.published is not None for r in rows)
    tables = {"main_event_types": dict(sorted(found_types.items()))}
    return len(rows), metrics, tables
