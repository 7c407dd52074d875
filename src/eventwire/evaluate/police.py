"""police: India Police Events (Halterman et al. 2021): finding police events in whole articles.

Input: a folder holding ``docs.jsonl`` (``doc_id``, ``doc_text``), ``metadata.jsonl``
(``doc_id``, ``date``: the publication day, ``url``) and ``sents.jsonl`` (``doc_id``,
``sent_id``, ``sent_labels``, ``sent_text``), or the path of its ``docs.jsonl``. Articles are
taken in the order of ``docs.jsonl``; ``limit`` counts articles.

Each article's ``doc_text`` is coded as it is (no clean-up, so offsets hold), with its
publication date. Its gold sentences are found in ``doc_text`` in ``sent_id`` order, each searched
from the end of the one before (as written, else stripped of spaces); one not found is left out of
the recall counts (``sentences_unlocated``).

A gold sentence is **covered** when the evidence span (``evidence_start..evidence_end``) of one of
eventwire's events overlaps it by at least one character. Only the evidence sentence counts: the
sentences eventwire merges into an event after it are not in the record, so they cover nothing.
A covered sentence takes the type of the covering event with the largest overlap (ties: the
first listed). Labels are KILL, ARREST, FORCE, FAIL (police failed to act: not an event ACLED
codes; reported, not a target) and ANY_ACTION (any police action).

Precision has no gold here: the corpus labels only what police did, so an event in an unlabelled
sentence (a riot, a murder police did not act on yet) may still be right. The proxy is the share
of events whose evidence overlaps a labelled sentence or whose actors include police.
"""
from __future__ import annotations

import json
import os
from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from ..models import Article, Event
from .common import code_all, first, parse_day
from .metrics import share

LABELS = ("KILL", "ARREST", "FORCE", "FAIL", "ANY_ACTION")
EVENT_LABELS = ("KILL", "ARREST", "FORCE")  # what ACLED would code as an event
NO_EVENT = "no event"


@dataclass
class GoldSentence:
    sent_id: int
    labels: tuple[str, ...]
    start: int | None  # None: not found in the article's text
    end: int | None


@dataclass
class PoliceArticle:
    doc_id: str
    text: str
    published: date | None
    url: str = ""
    sentences: list[GoldSentence] = field(default_factory=list)

    def has(self, labels) -> bool:
        wanted = set(labels)
        return any(wanted.intersection(s.labels) for s in self.sentences)


def _lines(path: str) -> list[dict]:
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def _folder(path: str) -> str:
    folder = path if os.path.isdir(path) else os.path.dirname(path)
    for name in ("docs.jsonl", "metadata.jsonl", "sents.jsonl"):
        if not os.path.isfile(os.path.join(folder, name)):
            raise ValueError(f"{path}: not an India Police Events folder (no {name})")
    return folder


def locate(text: str, sentences: list[str]) -> list[tuple[int, int] | None]:
    """Character spans of the sentences in ``text``, each searched after the one before."""
    spans: list[tuple[int, int] | None] = []
    pos = 0
    for sent in sentences:
        for piece in (sent, sent.strip()):
            i = text.find(piece, pos) if piece else -1
            if i >= 0:
                spans.append((i, i + len(piece)))
                pos = i + len(piece)
                break
        else:
            spans.append(None)
    return spans


def read_police(path: str) -> list[PoliceArticle]:
    """The corpus's articles with their gold sentences located, in ``docs.jsonl`` order."""
    folder = _folder(path)
    meta = {str(m["doc_id"]): m for m in _lines(os.path.join(folder, "metadata.jsonl"))}
    sents: dict[str, list[dict]] = {}
    for s in _lines(os.path.join(folder, "sents.jsonl")):
        sents.setdefault(str(s["doc_id"]), []).append(s)
    articles = []
    for doc in _lines(os.path.join(folder, "docs.jsonl")):
        doc_id, text = str(doc["doc_id"]), doc["doc_text"]
        m = meta.get(doc_id, {})
        rows = sorted(sents.get(doc_id, []), key=lambda s: s["sent_id"])
        spans = locate(text, [r["sent_text"] for r in rows])
        gold = [GoldSentence(r["sent_id"], tuple(r["sent_labels"]), *(span or (None, None)))
                for r, span in zip(rows, spans)]
        articles.append(PoliceArticle(doc_id, text, parse_day(m.get("date")), m.get("url", ""), gold))
    return articles


@dataclass
class Found:
    """One of eventwire's events and the spans of its sentences: the evidence sentence first, then
    those the pipeline merged into it (later reports of the same event, a toll, a claim)."""
    event: Event
    spans: list[tuple[int, int]]


def predict(pipeline, articles: list[PoliceArticle], progress=None) -> list[list[Found]]:
    """eventwire's events for each article, with their sentences.

    The sentences of an event are not in the record, so ``pipeline.to_events`` is wrapped on this
    instance while coding to note each draft's sentences; coding itself is unchanged.
    """
    inputs = [Article(text=a.text, published=a.published, url=a.url, origin=f"india-police-events:{a.doc_id}")
              for a in articles]
    seen: dict[int, tuple[Event, list[tuple[int, int]]]] = {}
    original = vars(pipeline).get("to_events")
    to_events = pipeline.to_events

    def noting(draft, article, places):
        events = to_events(draft, article, places)
        for e in events:
            seen[id(e)] = (e, [(f.start, f.end) for f in draft.sentences])
        return events

    pipeline.to_events = noting
    try:
        out = []
        for coded in code_all(pipeline, inputs, progress):
            out.append([Found(e, _spans(e, seen)) for e in coded.events])
            seen.clear()
        return out
    finally:
        if original is None:
            del pipeline.to_events
        else:
            pipeline.to_events = original


def _spans(event: Event, seen: dict) -> list[tuple[int, int]]:
    noted = seen.get(id(event))
    if noted is not None and noted[0] is event:
        return noted[1]
    return [(event.evidence_start, event.evidence_end)]


def overlap(sentence: GoldSentence, start: int, end: int) -> int:
    if sentence.start is None:
        return 0
    return max(0, min(sentence.end, end) - max(sentence.start, start))


def covering(sentence: GoldSentence, found: list[Found], merged: bool = False) -> Event | None:
    """The event whose evidence (with ``merged``, any of its sentences) overlaps the sentence
    most (ties: the first listed), or None."""
    best, most = None, 0
    for f in found:
        spans = f.spans if merged else [(f.event.evidence_start, f.event.evidence_end)]
        n = max(overlap(sentence, a, b) for a, b in spans)
        if n > most:
            best, most = f.event, n
    return best


def is_police(event: Event) -> bool:
    return "police" in f"{event.actor1} {event.actor2}".lower()


def is_violent(event: Event) -> bool:
    return "Political violence" in event.disorder_type


def is_force(event: Event) -> bool:
    """Force as ACLED would code it: any type but Strategic developments and a peaceful protest."""
    return event.event_type != "Strategic developments" and event.sub_event_code != "PEACE_PROTEST"


def labelled(event: Event, article: PoliceArticle) -> bool:
    """Does the event's evidence sentence overlap a labelled gold sentence?"""
    return any(s.labels and overlap(s, event.evidence_start, event.evidence_end) for s in article.sentences)


def coverage(articles: list[PoliceArticle], predicted: list[list[Found]],
             merged: bool = False) -> dict[str, list[Event | None]]:
    """label -> the covering event (or None) of each located gold sentence with that label."""
    hits: dict[str, list[Event | None]] = {label: [] for label in LABELS}
    for article, found in zip(articles, predicted):
        for s in article.sentences:
            if s.start is None:
                continue
            event = covering(s, found, merged)
            for label in s.labels:
                hits.setdefault(label, []).append(event)
    return hits


def recall(found: list[Event | None]) -> float | None:
    return share(e is not None for e in found)


def score(articles: list[PoliceArticle], predicted: list[list[Found]]) -> tuple[dict, dict]:
    """Metrics and tables from the articles and eventwire's events for each."""
    hits = coverage(articles, predicted)
    merged = coverage(articles, predicted, merged=True)
    covered = {label: [e for e in found if e is not None] for label, found in hits.items()}
    pairs = [(f.event, a) for a, found in zip(articles, predicted) for f in found]
    with_events = [a.has(EVENT_LABELS) for a in articles]
    unlabelled = [not a.has(LABELS) for a in articles]
    metrics = {
        "kill_recall": recall(hits["KILL"]),
        "arrest_recall": recall(hits["ARREST"]),
        "force_recall": recall(hits["FORCE"]),
        "any_action_recall": recall(hits["ANY_ACTION"]),
        "fail_recall": recall(hits["FAIL"]),
        "arrest_coded_arrests": share(e.sub_event_code == "ARREST" for e in covered["ARREST"]),
        "kill_coded_political_violence": share(is_violent(e) for e in covered["KILL"]),
        "force_coded_force": share(is_force(e) for e in covered["FORCE"]),
        "events_labelled_or_police": share(labelled(e, a) or is_police(e) for e, a in pairs),
        "article_event_recall": share(bool(found) for found, w in zip(predicted, with_events) if w),
        "article_quiet_when_unlabelled": share(not found for found, u in zip(predicted, unlabelled) if u),
        # extras
        **{f"{label.lower()}_recall_merged": recall(merged[label]) for label in LABELS},
        "events_labelled": share(labelled(e, a) for e, a in pairs),
        "events_police_actor": share(is_police(e) for e, a in pairs),
        **{f"n_{label.lower()}": len(hits[label]) for label in LABELS},
        "n_events": len(pairs),
        "n_articles_with_event_labels": sum(with_events),
        "n_articles_unlabelled": sum(unlabelled),
        "sentences_unlocated": sum(s.start is None for a in articles for s in a.sentences),
        "with_publication_date": share(a.published is not None for a in articles),
    }
    tables = {"label_by_event_type_confusion": {
        label: dict(sorted(Counter(e.event_type if e else NO_EVENT for e in hits[label]).items()))
        for label in LABELS if hits[label]}}
    return metrics, tables


def evaluate(path: str, pipeline, limit: int | None = None, progress=None) -> tuple[int, dict, dict]:
    articles = first(read_police(path), limit)
    predicted = predict(pipeline, articles, progress)
    metrics, tables = score(articles, predicted)
    return len(articles), metrics, tables
