"""``eventwire evaluate``: score eventwire against public gold data.

Tasks (one module each; see docs/evaluation.md for formats and metric definitions):

* ``classify``: CASE 2021 task 2 snippets -> ACLED sub-event type of the snippet's main event.
* ``geoparse``: LGL / TR-News / GeoWebNews XML -> toponym recognition and resolution.
* ``ucdp``: UCDP GED rows (wire headlines) -> the main violent event's date, place, toll, sides.
* ``acled``: ACLED CSV exports (current and legacy schemas) -> the main event of each note.
* ``police``: India Police Events articles -> recall of the sentences where police killed,
  arrested or used force, and whether articles with and without such sentences get events.

:func:`run` is what the command line calls; it returns one JSON-ready dict.
"""
from __future__ import annotations

import os
import time
from collections.abc import Callable, Sequence
from importlib import import_module

from ..models import Event

# Event types that count as "violent" when choosing a text's main event (classify, acled).
VIOLENT_TYPES = ("Battles", "Explosions/Remote violence", "Violence against civilians", "Riots", "Protests")
# UCDP GED records organised lethal violence only: its "violent" is narrower.
UCDP_VIOLENT_TYPES = ("Battles", "Explosions/Remote violence", "Violence against civilians")

TASKS = {
    "classify": "classify",
    "geoparse": "geoparse",
    "ucdp": "ucdp",
    "acled": "acled",
    "police": "police",
}

Progress = Callable[[int, int], None]


def main_event(events: Sequence[Event], violent: Sequence[str] = VIOLENT_TYPES,
               fallback: bool = True) -> Event | None:
    """The event a text is scored on: its lead, the first violent event it reports.

    A report puts its main event first; later sentences add background ("amid nationwide
    peaceful protests"), reactions or earlier events, often in words a coder is more sure of. So
    of the events of the types in ``violent``, the earliest in the text is scored (the most
    confident one was scored before 2026-11-26: docs/benchmarks.md gives both). Without any,
    and with ``fallback`` (the default, as in the classify and acled tasks), the first event of
    any type; with ``fallback=False`` (ucdp) there is no main event.
    """
    pool = [e for e in events if e.event_type in violent]
    if not pool and fallback:
        pool = list(events)
    return pool[0] if pool else None


def run(task: str, path: str, limit: int | None = None, gold_spans: bool = False,
        progress: Progress | None = None, pipeline=None) -> dict:
    """Score eventwire on ``task`` over the gold file ``path``.

    ``limit``: score only the first N rows (or articles). ``path``: a file, or for ``police``
    the corpus folder (or its docs.jsonl). ``gold_spans``: geoparse only; resolve the
    gold toponym spans instead of finding toponyms. ``progress(done, total)`` is called after each
    row or article. ``pipeline``: a :class:`eventwire.pipeline.Pipeline` to reuse (one is built
    otherwise). Returns ``{"task", "dataset", "n", "seconds", "metrics", "tables"}``: ``metrics``
    holds fractions in 0..1 (or kilometres, where the name says so), None where nothing could be
    scored; ``tables`` holds extra detail for the readable view (confusion matrices and such).
    """
    if task not in TASKS:
        raise ValueError(f"unknown task {task!r}; choose from {', '.join(TASKS)}")
    if gold_spans and task != "geoparse":
        raise ValueError("--gold-spans applies to the geoparse task only")
    if task != "police" and os.path.isdir(path):
        raise ValueError(f"{path}: {task} reads a file, not a folder")
    if limit is not None and limit < 0:
        raise ValueError("limit must be >= 0")
    started = time.perf_counter()
    module = import_module(f".{TASKS[task]}", __name__)
    if pipeline is None:
        from ..pipeline import Pipeline

        pipeline = Pipeline()
    kwargs = {"gold_spans": gold_spans} if task == "geoparse" else {}
    n, metrics, tables = module.evaluate(str(path), pipeline, limit=limit, progress=progress, **kwargs)
    from .metrics import rounded

    return {"task": task, "dataset": str(path), "n": n,
            "seconds": round(time.perf_counter() - started, 3),
            "metrics": rounded(metrics), "tables": rounded(tables)}


__all__ = ["TASKS", "UCDP_VIOLENT_TYPES", "VIOLENT_TYPES", "main_event", "run"]
