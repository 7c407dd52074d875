"""``eventwire bench``: throughput of end-to-end coding, against bare spaCy on the same texts.

One run reads the articles in PATH (anything :mod:`eventwire.ingest` reads), builds the pipeline,
codes a few articles to warm up (not timed), then, ``repeats`` times:

1. times end-to-end coding, ``Pipeline.code_articles`` over all the articles;
2. times the stages: bare spaCy ``nlp.pipe`` over the texts (the spaCy baseline), then
   ``Pipeline.code_doc`` on each parsed document, with the pipeline's own stages (place finding
   and resolution, sentence classification, actors, the rest of sentence reading, assembly,
   record building) timed by wrapping those methods on this pipeline instance.

The median over the repeats is reported. Words are whitespace-separated tokens of the texts.
Peak RSS is the process's maximum resident set size (``getrusage``), model and gazetteer
included.
"""
from __future__ import annotations

import resource
import statistics
import sys
import time
from collections.abc import Callable
from itertools import islice

from .ingest import IngestReport, read_paths

BATCH_SIZE = 16
WARMUP_DOCS = 5
# (stage name, attribute path on the Pipeline instance) wrapped for the stage timings, in the
# order code_doc calls them. Nested ones (actors inside read_sentence) are subtracted
# from their caller's time so the stages add up.
STAGES = (
    ("places_find", ("places", "find")),
    ("places_resolve", ("places", "resolve")),
    ("classify", ("classifier", "classify_all")),
    ("read_sentences", ("read_sentence",)),
    ("actors", ("actors", "find")),
    ("assemble", ("assemble",)),
    ("to_events", ("to_events",)),
)
NESTED = {"read_sentences": ("actors",)}


def classification_adds(stages: dict[str, float]) -> float | None:
    """Classification time as a share of the time of everything else (issue 4 allows 0.2)."""
    rest = sum(v for k, v in stages.items() if k != "classify")
    return round(stages["classify"] / rest, 4) if "classify" in stages and rest else None


def peak_rss_mb() -> float:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024  # bytes on macOS, KiB on Linux


class StageTimer:
    """Wraps methods of one pipeline instance to add up the time spent in each."""

    def __init__(self, pipeline):
        self.totals: dict[str, float] = {name: 0.0 for name, _ in STAGES}
        self._restore: list[tuple[object, str, bool, object]] = []
        for name, path in STAGES:
            owner = pipeline
            for attr in path[:-1]:
                owner = getattr(owner, attr, None)
            method = getattr(owner, path[-1], None) if owner is not None else None
            if method is None or not callable(method):
                self.totals.pop(name)
                continue
            had_own = path[-1] in getattr(owner, "__dict__", {})
            self._restore.append((owner, path[-1], had_own, method))
            setattr(owner, path[-1], self._wrap(name, method))

    def _wrap(self, name: str, method: Callable) -> Callable:
        totals = self.totals

        def timed(*args, **kwargs):
            t = time.perf_counter()
            try:
                return method(*args, **kwargs)
            finally:
                totals[name] += time.perf_counter() - t
        return timed

    def reset(self) -> None:
        for k in self.totals:
            self.totals[k] = 0.0

    def stages(self) -> dict[str, float]:
        out = dict(self.totals)
        for outer, inner in NESTED.items():
            if outer in out:
                out[outer] = max(0.0, out[outer] - sum(out.get(i, 0.0) for i in inner))
        if "read_sentences" in out:
            out["dates_fatalities"] = out.pop("read_sentences")  # what read_sentence does besides actors
        return out

    def close(self) -> None:
        for owner, attr, had_own, method in reversed(self._restore):
            if had_own:
                setattr(owner, attr, method)
            else:
                try:
                    delattr(owner, attr)
                except AttributeError:
                    setattr(owner, attr, method)
        self._restore.clear()


def _parse_then_code(pipeline, texts: list[str], articles: list) -> tuple[float, float]:
    """Seconds spent parsing and seconds spent coding, document by document (streamed, as the
    pipeline does: the documents are not all held in memory at once)."""
    parse = rest = 0.0
    docs = iter(pipeline.nlp.pipe(texts, batch_size=BATCH_SIZE))
    for article in articles:
        t = time.perf_counter()
        doc = next(docs)
        parse += time.perf_counter() - t
        t = time.perf_counter()
        pipeline.code_doc(doc, article)
        rest += time.perf_counter() - t
    return parse, rest


def _median(values: list[float]) -> float:
    return statistics.median(values) if values else 0.0


def run(path: str, limit: int | None = None, repeats: int = 3, pipeline=None,
        progress: Callable[[int, int], None] | None = None) -> dict:
    """Benchmark coding the articles in ``path``; see the module docstring for the procedure.

    Returns ``docs_per_second``, ``words_per_second``, ``spacy_words_per_second``,
    ``ratio_to_spacy`` (our words/s over spaCy's), ``peak_rss_mb`` and ``stages`` (median seconds
    per stage over the whole set), plus the counts and median timings they come from.
    ``progress(done, total)`` is called after each timed pass (``2 * repeats`` in all).
    """
    if repeats < 1:
        raise ValueError("repeats must be >= 1")
    report = IngestReport()
    articles = list(islice(read_paths([path], report=report), limit))
    if not articles:
        raise ValueError(f"no articles read from {path}" + (f" ({'; '.join(report.skipped)})" if report.skipped else ""))
    texts = [a.text for a in articles]
    n_words = sum(len(t.split()) for t in texts)

    t0 = time.perf_counter()
    if pipeline is None:
        from .pipeline import Pipeline

        pipeline = Pipeline()
    load_seconds = time.perf_counter() - t0
    warm = articles[:WARMUP_DOCS]
    for _ in pipeline.code_articles(warm, batch_size=BATCH_SIZE):
        pass
    for _ in pipeline.nlp.pipe([a.text for a in warm], batch_size=BATCH_SIZE):
        pass

    total_passes, done = 2 * repeats, 0
    ours, spacy_times, stage_runs, n_events = [], [], [], 0
    for _ in range(repeats):
        t = time.perf_counter()
        n_events = sum(len(c.events) for c in pipeline.code_articles(articles, batch_size=BATCH_SIZE))
        ours.append(time.perf_counter() - t)
        done += 1
        if progress:
            progress(done, total_passes)

        timer = StageTimer(pipeline)
        try:
            parse, rest = _parse_then_code(pipeline, texts, articles)
        finally:
            timer.close()
        stages = {"spacy_parse": parse, **timer.stages()}
        stages["other"] = max(0.0, rest - sum(v for k, v in stages.items() if k != "spacy_parse"))
        stage_runs.append(stages)
        spacy_times.append(parse)
        done += 1
        if progress:
            progress(done, total_passes)

    seconds, spacy_seconds = _median(ours), _median(spacy_times)
    words_ps = n_words / seconds if seconds else 0.0
    spacy_wps = n_words / spacy_seconds if spacy_seconds else 0.0
    stage_median = {k: round(_median([r[k] for r in stage_runs]), 4) for k in stage_runs[0]}
    return {
        "dataset": str(path),
        "n": len(articles),
        "words": n_words,
        "events": n_events,
        "repeats": repeats,
        "seconds": round(seconds, 4),
        "spacy_seconds": round(spacy_seconds, 4),
        "load_seconds": round(load_seconds, 3),
        "docs_per_second": round(len(articles) / seconds, 2) if seconds else 0.0,
        "words_per_second": round(words_ps, 1),
        "spacy_words_per_second": round(spacy_wps, 1),
        "ratio_to_spacy": round(words_ps / spacy_wps, 4) if spacy_wps else None,
        "peak_rss_mb": round(peak_rss_mb(), 1),
        "stages": stage_median,
        "stage_share": {k: round(v / sum(stage_median.values()), 4) if sum(stage_median.values()) else 0.0
                        for k, v in stage_median.items()},
        "classifier": getattr(pipeline.classifier, "name", ""),
        "classification_adds": classification_adds(stage_median),
        "skipped": report.skipped,
    }
