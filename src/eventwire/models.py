"""Typed records that cross the pipeline's stage boundaries.

ingest -> Article -> nlp (spaCy Doc) -> extract (Mention records) -> resolve -> Event -> store/export.

Field names on :class:`Event` follow ACLED's export columns (ACLED Codebook, 2023/2024), then
UCDP GED-style fatality splits, then eventwire's own provenance fields.
"""
from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field, fields
from datetime import date


def text_id(text: str) -> str:
    """A stable id for a text: the first 16 hex digits of its SHA-256."""
    return hashlib.sha256(text.strip().encode("utf-8")).hexdigest()[:16]


@dataclass
class Article:
    """One news report, as read by :mod:`eventwire.ingest`."""

    text: str
    title: str = ""
    url: str = ""
    outlet: str = ""
    published: date | None = None
    origin: str = ""  # file (and line or row) it came from
    id: str = ""

    def __post_init__(self) -> None:
        if not self.id:
            self.id = text_id(self.text)


@dataclass
class Place:
    """A resolved gazetteer entry."""

    name: str
    latitude: float
    longitude: float
    country: str = ""
    iso: int | None = None
    country_code: str = ""
    admin1: str = ""
    admin2: str = ""
    feature: str = "city"  # city | admin2 | admin1 | country | region (a continent or world region)
    population: int = 0
    geonameid: int | None = None
    seat: tuple[str, float, float] | None = None  # provinces/districts: (name, lat, lon) of the largest town


@dataclass
class PlaceMention:
    """A toponym in the text and what it was resolved to."""

    text: str
    start: int
    end: int
    sentence: int
    place: Place | None = None
    score: float = 0.0
    near: bool = False  # "near X", "outside X", "south of X" -> geo_precision 2
    demonym: bool = False
    dateline: bool = False  # in the dateline ("KABUL, May 3 (Agency) -"): where the report was filed
    elsewhere: bool = False  # a destination or where a statement was made ("towards Khartoum", "told reporters in Kigali")


@dataclass
class ActorMention:
    text: str
    start: int
    end: int
    sentence: int
    name: str  # normalised ACLED-style name, e.g. "Islamic State (Iraq)"
    inter: str  # ACLED inter text, e.g. "Rebel group"
    role: str = ""  # agent | patient | "" (unknown)
    generic: bool = False
    fallback: bool = False  # a generic word ("militants") that yields to a named group in the report
    ally: bool = False  # fights beside another mention ("troops backed by X"): an associate first
    options: list[tuple[str, str, tuple[str, ...]]] = field(default_factory=list)  # (name, inter, countries) when an alias is shared


@dataclass
class DateMention:
    text: str
    start: int
    end: int
    sentence: int
    day: date | None
    end_day: date | None = None
    precision: int = 3  # ACLED time_precision: 1 day, 2 week, 3 month
    background: bool = False
    reported: bool = False  # the day of a statement about the event ("took credit on Tuesday")


@dataclass
class Fatalities:
    best: int = 0
    low: int = 0
    high: int = 0
    deaths_a: int = 0
    deaths_b: int = 0
    deaths_civilians: int = 0
    deaths_unknown: int = 0
    evidence: str = ""
    vague: bool = False  # only unspecified plurals ("killed residents", "several"): ACLED's 3 or 10
    coded: bool = False  # the note says how it was coded ("Fatalities coded as 24")


ACLED_COLUMNS = [
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
    "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3",
    "location", "latitude", "longitude", "geo_precision", "source", "source_scale", "notes",
    "fatalities", "tags", "timestamp",
]


@dataclass
class Event:
    """One coded event. ACLED columns first, in ACLED's order, then eventwire's extras."""

    # --- ACLED export columns (event_id_cnty is called event_id here and exported under both)
    event_id: str = ""
    event_date: str = ""  # YYYY-MM-DD, "" when unresolved
    year: int | None = None
    time_precision: int = 3
    disorder_type: str = ""
    event_type: str = ""
    sub_event_type: str = ""
    actor1: str = ""
    assoc_actor_1: str = ""
    inter1: str = ""
    actor2: str = ""
    assoc_actor_2: str = ""
    inter2: str = ""
    interaction: str = ""
    civilian_targeting: str = ""
    iso: int | None = None
    region: str = ""
    country: str = ""
    admin1: str = ""
    admin2: str = ""
    admin3: str = ""
    location: str = ""
    latitude: float | None = None
    longitude: float | None = None
    geo_precision: int | None = None
    source: str = ""
    source_scale: str = ""
    notes: str = ""
    fatalities: int = 0
    tags: str = ""
    timestamp: int | None = None
    # --- UCDP GED-style splits and range
    deaths_a: int = 0
    deaths_b: int = 0
    deaths_civilians: int = 0
    deaths_unknown: int = 0
    fatalities_low: int = 0
    fatalities_high: int = 0
    date_end: str = ""
    # --- gazetteer and classifier
    geonameid: int | None = None
    sub_event_code: str = ""  # e.g. AIR_STRIKE
    # --- provenance
    article_id: str = ""
    evidence: str = ""
    evidence_start: int = 0
    evidence_end: int = 0
    confidence: float = 0.0
    flagged: bool = False  # low confidence: for review
    coder: str = ""  # eventwire version that coded it

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict) -> "Event":
        names = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in data.items() if k in names})


EVENT_FIELDS = [f.name for f in fields(Event)]


@dataclass
class CodedArticle:
    """What the pipeline returns for one article."""

    article: Article
    events: list[Event] = field(default_factory=list)
    places: list[PlaceMention] = field(default_factory=list)
