"""Place resolution speed: mentions resolved per second by ``PlaceFinder.resolve``.

    python scripts/resolve_speed.py [CORPUS.xml] [--repeats 5] [--limit N]

With a geoparsing corpus (LGL or GeoWebNews style, as ``eventwire evaluate geoparse`` reads),
the mentions are its gold target spans, resolved with their whole document as context (as
``--gold-spans`` does). Without one, the bundled sample articles are used with the mentions
``PlaceFinder.find`` gives.

Procedure: parse every document with spaCy and build the mentions (not timed); open the
gazetteer (timed: ``gazetteer_open_s``, a warm start when the index exists); resolve everything
once (``cold_pass_s``: gazetteer look-ups not yet cached); then resolve everything ``repeats``
times with the look-up caches warm. Before each timed resolve the document's cached text is
dropped, so each pass pays all of resolve's per-document work. Reported: the best pass's
mentions per second in process CPU time (``resolutions_per_s_cpu``: not disturbed by other
processes on the machine) and in wall-clock time (``resolutions_per_s_wall``), and the peak
resident memory of the process (spaCy model and gazetteer included).
"""
from __future__ import annotations

import argparse
import json
import resource
import time


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("corpus", nargs="?")
    ap.add_argument("--repeats", type=int, default=5)
    ap.add_argument("--limit", type=int)
    args = ap.parse_args()

    from eventwire.extract.places import PlaceFinder
    from eventwire.nlp import get_nlp

    nlp = get_nlp()
    if args.corpus:
        from eventwire.evaluate.geoparse import gold_mentions, read_geo

        _fmt, articles = read_geo(args.corpus)
        articles = articles[: args.limit]
    else:
        from importlib import resources

        from eventwire.ingest import read_paths

        samples = resources.files("eventwire") / "samples" / "articles.jsonl"
        articles = list(read_paths([str(samples)]))[: args.limit]
    docs = list(nlp.pipe([a.text for a in articles], batch_size=16))

    from eventwire.gazetteer import Gazetteer

    t = time.perf_counter()
    gazetteer = Gazetteer()
    open_s = time.perf_counter() - t
    finder = PlaceFinder(gazetteer)
    if args.corpus:
        work = [(doc, gold_mentions(finder, doc, art)) for doc, art in zip(docs, articles)]
    else:
        work = [(doc, finder.find(doc)) for doc in docs]
    n = sum(len(ms) for _, ms in work)

    def one_pass() -> tuple[float, float]:
        wall, cpu = time.perf_counter(), time.process_time()
        for doc, mentions in work:
            doc.user_data.pop("eventwire.text", None)
            finder.resolve(doc, mentions)
        return time.perf_counter() - wall, time.process_time() - cpu

    cold_wall, _ = one_pass()
    passes = [one_pass() for _ in range(args.repeats)]
    best_wall, best_cpu = min(w for w, _ in passes), min(c for _, c in passes)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({
        "documents": len(work), "mentions": n, "gazetteer_open_s": round(open_s, 3),
        "cold_pass_s": round(cold_wall, 3),
        "resolutions_per_s_cpu": round(n / best_cpu), "resolutions_per_s_wall": round(n / best_wall),
        "peak_rss_mb": round(peak),
    }))


if __name__ == "__main__":
    main()
