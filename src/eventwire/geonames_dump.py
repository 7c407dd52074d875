"""Full GeoNames dumps for users who need villages: allCountries.txt or per-country files (XX.txt,
or the .zip files GeoNames distributes), with alternateNamesV2.txt.

The dump format is GeoNames' standard 19 tab-separated columns: geonameid, name, asciiname,
alternatenames, latitude, longitude, feature class, feature code, country code, cc2, admin1 code,
admin2 code, admin3 code, admin4 code, population, elevation, dem, timezone, modification date.
Rows are read as:

* feature class P (populated places) -> towns;
* feature codes ADM1 and ADM2 -> provinces and districts, with their own coordinates;
* feature classes H, L, S, T, V (water, areas, spots, terrain, vegetation) -> landmarks;
* everything else (countries, ADM3+, roads) is skipped.

alternateNamesV2.txt (alternateNameId, geonameid, isolanguage, alternate name, isPreferredName,
isShortName, isColloquial, isHistoric, from, to) adds Latin-script names to places that were read;
codes that are not names (links, postcodes, airport codes) are skipped.
"""
from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from pathlib import Path

from .textnorm import fold, is_latin

LANDMARK_CLASSES = {"H", "L", "S", "T", "V"}
NOT_NAMES = {"link", "post", "iata", "icao", "faac", "fr_1793", "abbr", "wkdt", "unlc", "tcid", "phon", "piny"}


class DumpError(ValueError):
    """A file that is not a GeoNames dump; the message names it and the line."""


def open_lines(path: Path) -> Iterator[str]:
    """Lines of a text file, or of the .txt files inside a GeoNames .zip."""
    if path.suffix.lower() == ".zip":
        with zipfile.ZipFile(path) as zf:
            for name in zf.namelist():
                if name.endswith(".txt") and not name.lower().startswith("readme"):
                    with zf.open(name) as fh:
                        yield from io.TextIOWrapper(fh, encoding="utf-8")
        return
    with open(path, encoding="utf-8") as fh:
        yield from fh


def read_dump(path: Path) -> Iterator[list[str]]:
    for n, line in enumerate(open_lines(path), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.rstrip("\n").split("\t")
        if len(cols) != 19:
            raise DumpError(f"{path}: line {n} has {len(cols)} columns, not GeoNames' 19")
        yield cols


def load_dumps(paths: list[Path]) -> tuple[list[tuple], list[tuple[str, int, int]]]:
    """(place rows, name rows) for the gazetteer from dump files.

    Place rows have the gazetteer's ``places`` columns: id, name, feature, country, admin1, admin2,
    admin1_id, admin2_id, lat, lon, population.
    """
    rows = [cols for p in paths if not _is_alternate_names(p) for cols in read_dump(p)]
    admin1 = {(c[8], c[10]): c[1] for c in rows if c[7] == "ADM1"}
    admin2 = {(c[8], c[10], c[11]): c[1] for c in rows if c[7] == "ADM2"}
    places, names, kept = [], [], set()
    for c in rows:
        feature = _feature(c[6], c[7])
        if feature is None:
            continue
        gid = int(c[0])
        a1 = admin1.get((c[8], c[10]), "")
        a2 = c[1] if feature == "admin2" else admin2.get((c[8], c[10], c[11]), "")
        if feature == "admin1":
            a1 = c[1]
        places.append((gid, c[1], feature, c[8], a1, a2, None, None, float(c[4]), float(c[5]),
                       int(c[14] or 0)))
        kept.add(gid)
        seen = {fold(c[1])}
        names.append((fold(c[1]), gid, 1))
        for alt in [c[2], *c[3].split(",")]:
            k = fold(alt)
            if alt and is_latin(alt) and k and k not in seen and len(k) > 1:
                seen.add(k)
                names.append((k, gid, 0))
    for p in paths:
        if _is_alternate_names(p):
            names.extend(_alternate_names(p, kept))
    return places, names


def _is_alternate_names(path: Path) -> bool:
    return path.name.lower().startswith("alternatenames")


def _feature(fclass: str, fcode: str) -> str | None:
    if fclass == "P":
        return "city"
    if fcode in ("ADM1", "ADM2"):
        return fcode.replace("ADM", "admin")
    if fclass in LANDMARK_CLASSES:
        return "landmark"
    return None


def _alternate_names(path: Path, kept: set[int]) -> Iterator[tuple[str, int, int]]:
    for n, line in enumerate(open_lines(path), 1):
        cols = line.rstrip("\n").split("\t")
        if len(cols) < 4:
            raise DumpError(f"{path}: line {n} is not an alternateNames row")
        gid = int(cols[1])
        if gid in kept and cols[2] not in NOT_NAMES and is_latin(cols[3]):
            k = fold(cols[3])
            if len(k) > 1:
                yield (k, gid, 0)
