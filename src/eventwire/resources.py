"""Loading the data files (lexicons, rules, taxonomy) that ship in ``eventwire/data``.

Users extend them with their own files: set EVENTWIRE_DATA to a folder holding files of the same
names; entries there are added to (and override) the shipped ones.
"""
from __future__ import annotations

import csv
import os
from functools import lru_cache
from importlib import resources
from pathlib import Path

import yaml


def data_paths(name: str) -> list[Path]:
    """The shipped file, then the user's file of the same name, if any."""
    paths = [Path(str(resources.files("eventwire") / "data" / name))]
    user = os.environ.get("EVENTWIRE_DATA")
    if user and (Path(user) / name).exists():
        paths.append(Path(user) / name)
    return paths


def load_yaml(name: str):
    """The shipped YAML file merged with the user's: lists are concatenated, dicts updated."""
    merged = None
    for path in (p for p in data_paths(name) if p.exists()):
        with open(path, encoding="utf-8") as fh:
            data = yaml.safe_load(fh)
        merged = data if merged is None else _merge(merged, data)
    return merged


def _merge(base, extra):
    if isinstance(base, list) and isinstance(extra, list):
        return base + extra
    if isinstance(base, dict) and isinstance(extra, dict):
        out = dict(base)
        for k, v in extra.items():
            out[k] = _merge(out[k], v) if k in out else v
        return out
    return extra


@lru_cache(maxsize=None)
def taxonomy() -> list[dict]:
    return load_yaml("taxonomy.yaml")


@lru_cache(maxsize=None)
def by_code() -> dict[str, dict]:
    return {t["code"]: t for t in taxonomy()}


@lru_cache(maxsize=None)
def by_sub_event_type() -> dict[str, dict]:
    return {t["sub_event_type"]: t for t in taxonomy()}


@lru_cache(maxsize=None)
def _ranks() -> dict[str, int]:
    return {t["code"]: i for i, t in enumerate(taxonomy())}


def priority(code: str) -> int:
    """Position in ACLED's hierarchy: lower wins when tactics co-occur."""
    return _ranks().get(code, len(_ranks()))


@lru_cache(maxsize=None)
def countries() -> list[dict]:
    with open(data_paths("countries.csv")[0], encoding="utf-8") as fh:
        return list(csv.DictReader(fh))
