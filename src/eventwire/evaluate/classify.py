"""classify: CASE 2021 task 2 (fine-grained event classification, Haneczok et al., CASE@ACL 2021).

Input: a TSV with the header ``id, EventSnippet, SubType``, read with no quote handling (snippets
contain bare quotes). Gold is one of the 25 ACLED sub-event codes, or one of 5 codes for "not an
ACLED event" (ORG_CRIME, NATURAL_DISASTER, MAN_MADE_DISASTER, DIPLO, ATTRIB).

Each snippet is coded as a whole (no publication date); the prediction is the sub-event code of
its main event (:func:`eventwire.evaluate.main_event`), or ``none`` when eventwire finds no event.
"""
from __future__ import annotations

import csv
import sys
from dataclasses import dataclass

from ..models import Article
from ..resources import by_code
from .common import code_all, first
from .metrics import accuracy, confusion, macro_f1, per_class, weighted_f1

ACLED_LABELS = (
    "ABDUCT_DISSAP", "AGREEMENT", "AIR_STRIKE", "ARMED_CLASH", "ARREST", "ART_MISS_ATTACK", "ATTACK",
    "CHANGE_TO_GROUP_ACT", "CHEM_WEAP", "DISR_WEAP", "FORCE_AGAINST_PROTEST", "GOV_REGAINS_TERIT",
    "GRENADE", "HQ_ESTABLISHED", "MOB_VIOL", "NON_STATE_ACTOR_OVERTAKES_TER", "NON_VIOL_TERRIT_TRANSFER",
    "OTHER", "PEACE_PROTEST", "PROPERTY_DISTRUCT", "PROTEST_WITH_INTER", "REM_EXPLOS", "SEX_VIOL",
    "SUIC_BOMB", "VIOL_DEMONSTR",
)
NON_ACLED_LABELS = ("ORG_CRIME", "NATURAL_DISASTER", "MAN_MADE_DISASTER", "DIPLO", "ATTRIB")
NONE = "none"
COLUMNS = ("id", "EventSnippet", "SubType")

csv.field_size_limit(sys.maxsize)


@dataclass
class Snippet:
    id: str
    text: str
    label: str  # the gold code as written

    @property
    def gold(self) -> str:
        """The gold sub-event code, or ``none`` for the non-ACLED labels."""
        return self.label if self.label in ACLED_LABELS else NONE


def read_case(path: str) -> list[Snippet]:
    """Rows of a CASE 2021 task 2 TSV (columns found by their header names)."""
    with open(path, encoding="utf-8-sig", newline="") as fh:
        reader = csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)
        header = next(reader, None)
        if header is None:
            raise ValueError(f"{path}: empty file")
        header = [h.strip() for h in header]
        missing = [c for c in COLUMNS if c not in header]
        if missing:
            raise ValueError(f"{path}: not a CASE 2021 task 2 TSV (missing {', '.join(missing)}; "
                             f"header: {', '.join(header)})")
        col = {c: header.index(c) for c in COLUMNS}
        rows = []
        for n, row in enumerate(reader, 2):
            if not any(cell.strip() for cell in row):
                continue
            if len(row) < len(header):
                raise ValueError(f"{path}: row {n} has {len(row)} fields, expected {len(header)}")
            rows.append(Snippet(row[col["id"]].strip(), row[col["EventSnippet"]].strip(),
                                row[col["SubType"]].strip()))
    return rows


def event_type(code: str) -> str:
    return by_code()[code]["event_type"] if code in by_code() else NONE


def predict(pipeline, snippets: list[Snippet], progress=None) -> list[str]:
    from . import main_event

    articles = [Article(text=s.text, origin=f"case2021:{s.id}") for s in snippets]
    out = []
    for coded in code_all(pipeline, articles, progress):
        event = main_event(coded.events)
        out.append(event.sub_event_code if event is not None and event.sub_event_code else NONE)
    return out


def score(gold_labels: list[str], predicted: list[str]) -> tuple[dict, dict]:
    """Metrics and tables from the gold codes as written (30 labels) and the predictions (26)."""
    gold = [g if g in ACLED_LABELS else NONE for g in gold_labels]
    acled = [i for i, g in enumerate(gold) if g != NONE]
    gold_a, pred_a = [gold[i] for i in acled], [predicted[i] for i in acled]
    labels_all = (*ACLED_LABELS, NONE)
    table = per_class(gold, predicted, labels_all)
    none = table[NONE]
    metrics = {
        "subtype_weighted_f1_acled": weighted_f1(gold_a, pred_a, ACLED_LABELS),
        "subtype_macro_f1_acled": macro_f1(gold_a, pred_a, ACLED_LABELS),
        "subtype_accuracy_all": accuracy(gold, predicted),
        "subtype_weighted_f1_all": weighted_f1(gold, predicted, labels_all),
        "event_type_accuracy": accuracy([event_type(g) for g in gold], [event_type(p) for p in predicted]),
        "none_precision": none["precision"] if none["predicted"] else None,
        "none_recall": none["recall"] if none["support"] else None,
        # extras
        "subtype_accuracy_acled": accuracy(gold_a, pred_a),
        "n_acled": len(acled),
        "n_none": len(gold) - len(acled),
    }
    tables = {
        "confusion": confusion(gold_labels, predicted),
        "event_type_confusion": confusion([event_type(g) for g in gold], [event_type(p) for p in predicted]),
        "per_class": {c: v for c, v in table.items() if v["support"] or v["predicted"]},
    }
    return metrics, tables


def evaluate(path: str, pipeline, limit: int | None = None, progress=None) -> tuple[int, dict, dict]:
    snippets = first(read_case(path), limit)
    predicted = predict(pipeline, snippets, progress)
    metrics, tables = score([s.label for s in snippets], predicted)
    return len(snippets), metrics, tables
