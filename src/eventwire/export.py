"""Export events: ACLED-compatible CSV, GeoJSON and JSONL."""
from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from typing import TextIO

from .models import ACLED_COLUMNS, EVENT_FIELDS, Event

FORMATS = ("acled-csv", "geojson", "jsonl")
EXTRA_COLUMNS = [f for f in EVENT_FIELDS if f not in ACLED_COLUMNS and f != "event_id"]


def acled_row(e: Event) -> dict:
    row = e.to_dict()
    row["event_id_cnty"] = e.event_id
    row["flagged"] = int(e.flagged)
    return {k: ("" if row.get(k) is None else row.get(k)) for k in ACLED_COLUMNS + EXTRA_COLUMNS}


def write_acled_csv(events: Iterable[Event], out: TextIO) -> int:
    """ACLED's 31 columns in ACLED's order, then eventwire's own columns."""
    writer = csv.DictWriter(out, fieldnames=ACLED_COLUMNS + EXTRA_COLUMNS, lineterminator="\n")
    writer.writeheader()
    n = 0
    for e in events:
        writer.writerow(acled_row(e))
        n += 1
    return n


def write_jsonl(events: Iterable[Event], out: TextIO) -> int:
    n = 0
    for e in events:
        out.write(json.dumps(e.to_dict(), ensure_ascii=False) + "\n")
        n += 1
    return n


def write_geojson(events: Iterable[Event], out: TextIO) -> int:
    """A FeatureCollection of Points; events without coordinates are left out."""
    features = []
    for e in events:
        if e.latitude is None or e.longitude is None:
            continue
        props = {k: v for k, v in e.to_dict().items() if k not in ("latitude", "longitude")}
        features.append({"type": "Feature", "id": e.event_id,
                         "geometry": {"type": "Point", "coordinates": [e.longitude, e.latitude]},
                         "properties": props})
    json.dump({"type": "FeatureCollection", "features": features}, out, ensure_ascii=False)
    out.write("\n")
    return len(features)


WRITERS = {"acled-csv": write_acled_csv, "csv": write_acled_csv, "geojson": write_geojson, "jsonl": write_jsonl}


def write(events: Iterable[Event], fmt: str, out: TextIO) -> int:
    try:
        return WRITERS[fmt](events, out)
    except KeyError:
        raise ValueError(f"unknown format {fmt!r}; choose from {', '.join(FORMATS)}") from None
