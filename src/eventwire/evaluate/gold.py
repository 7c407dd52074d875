"""Agreement between coded events and hand-coded gold events, field by field.

Within each article, gold and predicted events are paired greedily by how much they agree
(type, date, place). Each field's agreement is the share of gold events whose paired prediction
has the same value (an unpaired gold event disagrees on every field). Detection precision and
recall count paired events.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from ..models import Event
from ..textnorm import fold

FIELDS = ("event_type", "sub_event_type", "event_date", "time_precision", "actor1", "actor2",
          "location", "admin1", "country", "geo_precision", "fatalities")


@dataclass
class Agreement:
    gold: int = 0
    predicted: int = 0
    paired: int = 0
    agree: dict[str, int] = field(default_factory=lambda: {f: 0 for f in FIELDS})
    false_events: int = 0  # predictions in articles whose gold has no event

    def field_scores(self) -> dict[str, float]:
        return {f: self.agree[f] / self.gold if self.gold else 0.0 for f in FIELDS}

    @property
    def recall(self) -> float:
        return self.paired / self.gold if self.gold else 0.0

    @property
    def precision(self) -> float:
        return self.paired / self.predicted if self.predicted else 0.0


def same(field_name: str, gold, pred: Event) -> bool:
    g = gold.get(field_name)
    p = getattr(pred, field_name)
    if field_name in ("actor1", "actor2"):
        if event_type_is_vac(gold):
            return fold(str(g or "")) == fold(str(p or ""))
        other = "actor2" if field_name == "actor1" else "actor1"
        return fold(str(g or "")) in (fold(pred.actor1 or ""), fold(pred.actor2 or "")) and \
            (fold(str(g or "")) == fold(str(p or "")) or fold(str(gold.get(other) or "")) == fold(str(p or "")) or not g)
    if field_name in ("location", "admin1", "country"):
        return fold(str(g or "")) == fold(str(p or ""))
    if field_name == "event_date":
        return str(g) == str(p)
    return g == p


def event_type_is_vac(gold: dict) -> bool:
    return gold.get("event_type") == "Violence against civilians"


def pair_score(gold: dict, pred: Event) -> int:
    return (3 * same("event_type", gold, pred) + 2 * same("event_date", gold, pred)
            + 2 * same("location", gold, pred) + same("sub_event_type", gold, pred))


def agreement(pairs: Iterable[tuple[list[dict], list[Event]]]) -> Agreement:
    """``pairs``: for each article, (gold events, predicted events)."""
    result = Agreement()
    for gold_events, predicted in pairs:
        result.gold += len(gold_events)
        result.predicted += len(predicted)
        if not gold_events:
            result.false_events += len(predicted)
            continue
        free = list(predicted)
        for g in gold_events:
            if not free:
                break
            best = max(free, key=lambda p: pair_score(g, p))
            if pair_score(g, best) == 0:
                continue
            free.remove(best)
            result.paired += 1
            for f in FIELDS:
                result.agree[f] += same(f, g, best)
    return result
