"""acled: ACLED CSV exports, coded from their ``notes``.

Two schemas, told apart by the header:

* current (2019 on, API v3/v4): lower-case columns (``event_date``, ``event_type``,
  ``sub_event_type``, ``actor1``, ``actor2``, ``admin1``, ``location``, ``latitude``,
  ``longitude``, ``fatalities``, ``notes``, ...);
* legacy: upper-case columns (``EVENT_DATE``, ``EVENT_TYPE``, ``ACTOR1``, ``LOCATION``,
  ``LATITUDE``, ``FATALITIES``, ``NOTES``, ...), with the pre-2019 event types mapped to the
  current ones by ``data/acled_legacy_types.yaml``.

Dates may be written ``9-May-20``, ``21 March 2020``, ``2020-05-09`` or ``21/03/2020`` (day
first). The notes carry no publication date, so eventwire must date the event from the text.
The scored event is the note's main event (:func:`eventwire.evaluate.main_event`, violent types
first, then any type); a note without any event fails every metric.
"""
from __future__ import annotations

import csv
import re
import sys
from dataclasses import dataclass
from functools import lru_cache

from ..extract.actors import actors_data
from ..models import Article, Event
from ..resources import by_sub_event_type, load_yaml
from .classify import ACLED_LABELS
from .common import YEAR_RANGE, admin1_match, code_all, first, located_within, parse_day, to_float, to_int
from .metrics import confusion, share, weighted_f1

LOCATION_KM = 25.0
CURRENT_TYPES = ("Battles", "Protests", "Riots", "Explosions/Remote violence", "Violence against civilians",
                 "Strategic developments")
# Notes in which ACLED says it could not establish the toll: fatalities are not scored there.
UNKNOWN_TOLL = re.compile(
    r"\b(?:fatalit(?:y|ies)|casualt(?:y|ies)|deaths?|death toll|toll|killed|dead)\b[^.;]{0,40}?"
    r"\b(?:unknown|unclear|not known|unreported|not reported|unconfirmed|coded as (?:0|zero))\b"
    r"|\bunknown\s+(?:number\s+of\s+)?(?:fatalit|casualt|deaths?|dead|people\s+(?:were\s+)?killed|killed)",
    re.I)

csv.field_size_limit(sys.maxsize)


def legacy_types() -> dict[str, list[str]]:
    """Folded legacy event type -> the current event types it covers."""
    table = load_yaml("acled_legacy_types.yaml") or {}
    return {k.strip().lower(): list(v) for k, v in table.items()}


def gold_types(event_type: str, sub_event_type: str = "") -> tuple[str, ...]:
    """The current event type(s) a gold row's type means (one, or two for ``Riots/Protests``)."""
    etype = (event_type or "").strip()
    for t in CURRENT_TYPES:
        if etype.lower() == t.lower():
            return (t,)
    mapped = legacy_types().get(etype.lower())
    if not mapped:
        return (etype,) if etype else ()
    if len(mapped) > 1 and sub_event_type:
        sub = by_sub_event_type().get(sub_event_type.strip())
        if sub and sub["event_type"] in mapped:
            return (sub["event_type"],)
    return tuple(mapped)


STATE_THE = re.compile(r"^((?:military|police) forces of) the ")
PAREN_ACRONYM = re.compile(r"^(?P<name>.+?)\s*\((?P<acronym>[A-Z][A-Z0-9-]+)\)$")


def _plain(name: str) -> str:
    key = " ".join(YEAR_RANGE.sub("", name or "").casefold().split())
    return STATE_THE.sub(r"\1 ", key)


@lru_cache(maxsize=None)
def group_names() -> dict[str, str]:
    """Every name and alias of the named groups in actors.yaml -> the group's eventwire name."""
    out: dict[str, str] = {}
    for group in actors_data().get("groups", []):
        for alias in [group["name"], *group.get("aliases", [])]:
            out.setdefault(_plain(str(alias)), group["name"])
    return out


def norm_actor(name: str) -> str:
    """A key under which ACLED's and eventwire's names for one actor compare equal.

    Year ranges such as ``(2000-)``, case, and "the" in "Military Forces of the X" are ignored.
    A named group is keyed by the group it denotes in eventwire's actor dictionary, so that
    "JNIM: Group for Support of Islam and Muslims", "Jama'at Nusrat al-Islam wal-Muslimin" and
    "JNIM" are one actor: the whole name is looked up, then the acronym before a colon, then a
    name with an acronym in brackets ("Islamic State West Africa Province (ISWAP)") without it.
    """
    bare = YEAR_RANGE.sub("", name or "").strip()
    key = _plain(bare)
    names = group_names()
    tries = [key]
    if ": " in key:
        tries += [part.strip() for part in key.split(": ", 1)]
    m = PAREN_ACRONYM.match(bare)
    if m:
        tries += [_plain(m["name"]), _plain(m["acronym"])]
    for t in tries:
        if t in names:
            return "group:" + names[t]
    return key


def actors_match(gold1: str, gold2: str, pred1: str, pred2: str) -> tuple[bool, bool]:
    """(actor1 matched, actor2 matched): same position, or an unordered pair match (both)."""
    g1, g2, p1, p2 = (norm_actor(x) for x in (gold1, gold2, pred1, pred2))
    swapped = g1 == p2 and g2 == p1
    return g1 == p1 or swapped, g2 == p2 or swapped


@dataclass
class AcledRow:
    id: str
    notes: str
    event_date: str  # as written
    event_types: tuple[str, ...]  # current type(s)
    sub_event_type: str
    actor1: str
    actor2: str
    admin1: str
    location: str
    latitude: float | None
    longitude: float | None
    fatalities: int | None

    @property
    def toll_unknown(self) -> bool:
        return bool(UNKNOWN_TOLL.search(self.notes))

    @property
    def sub_event_code(self) -> str | None:
        sub = by_sub_event_type().get(self.sub_event_type)
        return sub["code"] if sub else None


def read_acled(path: str) -> tuple[str, list[AcledRow]]:
    """(schema, rows with notes): schema is ``current`` or ``legacy``."""
    with open(path, encoding="utf-8-sig", newline="") as fh:
        reader = csv.DictReader(fh)
        fields = [f.strip() for f in reader.fieldnames or []]
        if "event_type" in fields and "notes" in fields:
            schema = "current"
        elif "EVENT_TYPE" in fields and "NOTES" in fields:
            schema = "legacy"
        else:
            raise ValueError(f"{path}: not an ACLED export (no event_type/notes or EVENT_TYPE/NOTES columns)")
        rows = []
        for n, raw in enumerate(reader, 2):
            rec = {(k or "").strip().lower(): (v or "").strip() for k, v in raw.items() if isinstance(v, str)}
            if not rec.get("notes"):
                continue
            sub = rec.get("sub_event_type", "")
            rows.append(AcledRow(
                id=rec.get("event_id_cnty") or rec.get("event_id_no_cnty") or rec.get("data_id") or str(n),
                notes=rec["notes"], event_date=rec.get("event_date", ""),
                event_types=gold_types(rec.get("event_type", ""), sub), sub_event_type=sub,
                actor1=rec.get("actor1", ""), actor2=rec.get("actor2", ""), admin1=rec.get("admin1", ""),
                location=rec.get("location", ""), latitude=to_float(rec.get("latitude")),
                longitude=to_float(rec.get("longitude")), fatalities=to_int(rec.get("fatalities"))))
    return schema, rows


def score_row(row: AcledRow, event: Event | None, gazetteer=None) -> dict[str, bool | None]:
    gold_day = parse_day(row.event_date)
    if event is None:
        return {"event_type_accuracy": False,
                "fatalities_exact": None if row.toll_unknown or row.fatalities is None else False,
                "location_acc_25km": False if row.latitude is not None else None,
                "admin1_match": admin1_match(row.admin1, "", None),
                "date_exact": False if gold_day else None, "actor1_match": False, "actor2_match": False}
    located = located_within(row.latitude, row.longitude, event, LOCATION_KM)
    a1, a2 = actors_match(row.actor1, row.actor2, event.actor1, event.actor2)
    return {
        "event_type_accuracy": event.event_type in row.event_types,
        "fatalities_exact": None if row.toll_unknown or row.fatalities is None else event.fatalities == row.fatalities,
        "location_acc_25km": located,
        "admin1_match": admin1_match(row.admin1, event.admin1, gazetteer),
        "date_exact": None if gold_day is None else event.event_date == gold_day.isoformat(),
        "actor1_match": a1,
        "actor2_match": a2,
    }


KEYS = ("event_type_accuracy", "fatalities_exact", "location_acc_25km", "admin1_match", "date_exact",
        "actor1_match", "actor2_match")


def evaluate(path: str, pipeline, limit: int | None = None, progress=None) -> tuple[int, dict, dict]:
    from . import main_event

    schema, rows = read_acled(path)
    rows = first(rows, limit)
    articles = [Article(text=r.notes, origin=f"{path}:{r.id}") for r in rows]
    flags, gold_sub, pred_sub, gold_type, pred_type = [], [], [], [], []
    for row, coded in zip(rows, code_all(pipeline, articles, progress)):
        event = main_event(coded.events)
        flags.append(score_row(row, event, pipeline.gazetteer))
        gold_type.append("/".join(row.event_types) or "?")
        pred_type.append(event.event_type if event else "none")
        if row.sub_event_code:
            gold_sub.append(row.sub_event_code)
            pred_sub.append(event.sub_event_code if event and event.sub_event_code else "none")
    metrics = {k: share(f[k] for f in flags) for k in KEYS}
    metrics["sub_event_type_weighted_f1"] = (weighted_f1(gold_sub, pred_sub, ACLED_LABELS)
                                             if schema == "current" else None)
    metrics["fatalities_scored"] = sum(f["fatalities_exact"] is not None for f in flags)
    ordered = {k: metrics[k] for k in ("event_type_accuracy", "sub_event_type_weighted_f1")}
    ordered.update((k, v) for k, v in metrics.items() if k not in ordered)
    tables = {"schema": schema, "event_type_confusion": confusion(gold_type, pred_type)}
    if schema == "current" and gold_sub:
        tables["sub_event_confusion"] = confusion(gold_sub, pred_sub)
    return len(rows), ordered, tables
