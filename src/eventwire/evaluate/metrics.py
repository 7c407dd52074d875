"""Metric functions shared by the evaluation tasks: per-class F1, distances, and the geocoding AUC.

All functions are pure and deterministic; they take plain lists and return floats or dicts.
"""
from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Sequence

from ..gazetteer import EARTH_RADIUS_KM, haversine_km  # noqa: F401 (re-exported for the tasks)

# Gritta et al. (2018) count a missed toponym as an error of half the Earth's circumference.
MAX_ERROR_KM = 20039.0


# ---- classification ----------------------------------------------------------------------
def per_class(gold: Sequence[str], pred: Sequence[str], labels: Iterable[str] | None = None) -> dict[str, dict]:
    """Precision, recall, F1 and support for each label.

    ``labels``: the classes to report (default: every label seen in gold or predictions). A class
    with no predictions has precision 0; one with no gold rows has recall 0 (and support 0).
    """
    if len(gold) != len(pred):
        raise ValueError("gold and predictions differ in length")
    labels = sorted(set(gold) | set(pred)) if labels is None else list(labels)
    tp: Counter = Counter()
    n_pred: Counter = Counter(pred)
    n_gold: Counter = Counter(gold)
    for g, p in zip(gold, pred):
        if g == p:
            tp[g] += 1
    out = {}
    for c in labels:
        precision = tp[c] / n_pred[c] if n_pred[c] else 0.0
        recall = tp[c] / n_gold[c] if n_gold[c] else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        out[c] = {"precision": precision, "recall": recall, "f1": f1, "support": n_gold[c], "predicted": n_pred[c]}
    return out


def weighted_f1(gold: Sequence[str], pred: Sequence[str], labels: Iterable[str]) -> float | None:
    """Per-class F1 over ``labels``, averaged with each class weighted by its gold support.

    Rows whose gold label is outside ``labels`` carry no weight, but their predictions still count
    against the precision of the class predicted (sklearn's ``average="weighted"`` with ``labels``).
    """
    table = per_class(gold, pred, labels)
    support = sum(v["support"] for v in table.values())
    if not support:
        return None
    return sum(v["f1"] * v["support"] for v in table.values()) / support


def macro_f1(gold: Sequence[str], pred: Sequence[str], labels: Iterable[str]) -> float | None:
    """Unweighted mean of per-class F1 over those of ``labels`` that occur in gold or predictions."""
    present = [c for c in labels if c in set(gold) or c in set(pred)]
    if not present:
        return None
    table = per_class(gold, pred, present)
    return sum(v["f1"] for v in table.values()) / len(present)


def accuracy(gold: Sequence, pred: Sequence) -> float | None:
    if not gold:
        return None
    return sum(1 for g, p in zip(gold, pred) if g == p) / len(gold)


def confusion(gold: Sequence[str], pred: Sequence[str]) -> dict[str, dict[str, int]]:
    """gold label -> {predicted label -> count}, both sorted by name."""
    table: dict[str, Counter] = {}
    for g, p in zip(gold, pred):
        table.setdefault(g, Counter())[p] += 1
    return {g: dict(sorted(table[g].items())) for g in sorted(table)}


def share(flags: Iterable[bool | None]) -> float | None:
    """Share of True among the flags that are not None; None when there are none."""
    values = [bool(f) for f in flags if f is not None]
    return sum(values) / len(values) if values else None


# ---- geography ---------------------------------------------------------------------------
def median(values: Sequence[float]) -> float | None:
    if not values:
        return None
    s = sorted(values)
    mid = len(s) // 2
    return s[mid] if len(s) % 2 else (s[mid - 1] + s[mid]) / 2


def mean(values: Sequence[float]) -> float | None:
    return sum(values) / len(values) if values else None


def geo_auc(errors_km: Sequence[float]) -> float | None:
    """Area under the curve of log error distances (Gritta et al. 2018), in 0 (best) .. 1 (worst).

    With the errors sorted ascending and scaled as ``x_i = ln(1 + e_i) / ln(20039)`` (each capped at
    1), the AUC is the trapezoid integral of ``x`` over unit steps divided by the number of steps,
    ``sum((x_i + x_{i+1}) / 2) / (n - 1)``. A single error gives ``x_0``. All-zero errors give 0;
    every toponym missed (20039 km) gives 1.
    """
    if not errors_km:
        return None
    scale = math.log(MAX_ERROR_KM)
    x = sorted(min(1.0, math.log1p(max(0.0, e)) / scale) for e in errors_km)
    if len(x) == 1:
        return x[0]
    area = sum((a + b) / 2 for a, b in zip(x, x[1:]))
    return area / (len(x) - 1)


def rounded(value, digits: int = 4):
    """Round floats (recursively in dicts and lists) for stable, readable output."""
    if isinstance(value, float):
        return round(value, digits)
    if isinstance(value, dict):
        return {k: rounded(v, digits) for k, v in value.items()}
    if isinstance(value, list):
        return [rounded(v, digits) for v in value]
    return value
