"""geoparse: toponym recognition and resolution against LGL-, TR-News- or GeoWebNews-style XML.

Two formats, told apart by their markup:

* LGL style (LGL, TR-News): ``<article docid=..>`` with ``<text>`` and ``<toponym>`` elements
  holding ``<start>``, ``<end>``, ``<phrase>`` and an optional ``<gaztag geonameid=..>`` with
  ``<lat>``, ``<lon>`` (and name, feature class and code, country, admin1).
* GeoWebNews style: ``<article file=..>`` with ``<text>`` and ``<toponym>`` elements holding
  ``<extractedName>``, ``<type>``, ``<start>``, ``<end>`` and, when resolvable, ``<geonamesID>``
  (may be empty), ``<latitude>``, ``<longitude>``.

A toponym with coordinates is a resolution target. With ``gold_spans`` the gold target spans are
resolved (:meth:`PlaceFinder.resolve` with the whole document as context). Otherwise eventwire
finds toponyms itself (:meth:`PlaceFinder.find`, then ``resolve``); each target is matched to the
predicted mention (nationality words included) that overlaps it most (ties: the earlier one), and a target with
no match, or whose match did not resolve, counts as an error of 20,039 km (Gritta et al. 2018).
"""
from __future__ import annotations

import xml.etree.ElementTree as ET
from bisect import bisect_right
from dataclasses import dataclass, field

from ..models import PlaceMention
from ..textnorm import fold
from .common import first, to_float, to_int
from .metrics import MAX_ERROR_KM, geo_auc, haversine_km, mean, median

ACC_KM = 161.0  # "accuracy at 161 km" (100 miles), the usual geocoding threshold
NON_TOPONYM = "non_toponym"
ERROR_BINS = ((1.0, "<=1 km"), (10.0, "<=10 km"), (161.0, "<=161 km"), (1000.0, "<=1000 km"))


@dataclass
class GoldToponym:
    start: int
    end: int
    name: str
    latitude: float | None = None
    longitude: float | None = None
    geonameid: int | None = None
    kind: str = ""  # GeoWebNews <type>: Literal, Metonymic, Demonym, Non_Toponym, ...
    fclass: str = ""  # LGL <gaztag><fclass>: GeoNames feature class (P town, A admin area, ...)

    @property
    def target(self) -> bool:
        """Has coordinates: a resolution target."""
        return self.latitude is not None and self.longitude is not None


@dataclass
class GeoArticle:
    id: str
    text: str
    title: str = ""
    url: str = ""
    toponyms: list[GoldToponym] = field(default_factory=list)

    @property
    def targets(self) -> list[GoldToponym]:
        return [t for t in self.toponyms if t.target]


def _text(el, tag: str) -> str:
    child = el.find(tag)
    return (child.text or "") if child is not None else ""


def detect_format(root) -> str:
    """``lgl`` or ``gwn`` (GeoWebNews), from the first article's attributes and toponym children."""
    for article in root.iter("article"):
        if "file" in article.attrib:
            return "gwn"
        if "docid" in article.attrib:
            return "lgl"
        toponym = article.find("toponyms/toponym")
        if toponym is not None:
            if toponym.find("extractedName") is not None:
                return "gwn"
            if toponym.find("phrase") is not None:
                return "lgl"
    raise ValueError("not a geoparsing corpus: no <article docid=..> (LGL) or <article file=..> (GeoWebNews)")


def _lgl_toponym(el) -> GoldToponym:
    t = GoldToponym(start=int(_text(el, "start")), end=int(_text(el, "end")), name=_text(el, "phrase"))
    gaz = el.find("gaztag")
    if gaz is not None:
        t.latitude, t.longitude = to_float(_text(gaz, "lat")), to_float(_text(gaz, "lon"))
        t.geonameid = to_int(gaz.get("geonameid"))
        t.fclass = _text(gaz, "fclass").strip()
    return t


def _gwn_toponym(el) -> GoldToponym:
    return GoldToponym(start=int(_text(el, "start")), end=int(_text(el, "end")),
                       name=_text(el, "extractedName"), latitude=to_float(_text(el, "latitude")),
                       longitude=to_float(_text(el, "longitude")),
                       geonameid=to_int(_text(el, "geonamesID")), kind=_text(el, "type").strip())


def read_geo(path: str) -> tuple[str, list[GeoArticle]]:
    """(format, articles) from an LGL/TR-News or GeoWebNews XML file."""
    root = ET.parse(path).getroot()
    fmt = detect_format(root)
    articles = []
    for n, el in enumerate(root.iter("article")):
        ident = el.get("docid") or el.get("file") or str(n)
        url = _text(el, "url") if fmt == "lgl" else _text(el, "link")
        art = GeoArticle(id=ident, text=_text(el, "text"), title=_text(el, "title").strip(), url=url.strip())
        reader = _lgl_toponym if fmt == "lgl" else _gwn_toponym
        art.toponyms = [reader(t) for t in el.iter("toponym")]
        articles.append(art)
    return fmt, articles


# ---- scoring ----------------------------------------------------------------------------
@dataclass
class TargetResult:
    kind: str
    error_km: float
    exact_id: bool | None  # None: gold has no GeoNames id
    found: bool | None = None  # recognised (None with gold spans)
    fclass: str = ""


@dataclass
class Tally:
    targets: list[TargetResult] = field(default_factory=list)
    predicted: int = 0  # predicted mentions that count for precision
    predicted_correct: int = 0  # of those, overlapping a target


def _overlap(a0: int, a1: int, b0: int, b1: int) -> int:
    return max(0, min(a1, b1) - max(a0, b0))


def _sentence_index(doc):
    starts = [s.start_char for s in doc.sents]
    return lambda char: max(0, bisect_right(starts, char) - 1)


def _error(mention: PlaceMention | None, gold: GoldToponym) -> tuple[float, bool | None]:
    exact = None if gold.geonameid is None else False
    if mention is None or mention.place is None:
        return MAX_ERROR_KM, exact
    p = mention.place
    km = haversine_km(gold.latitude, gold.longitude, p.latitude, p.longitude)
    if gold.geonameid is not None:
        exact = p.geonameid == gold.geonameid
    return km, exact


def gold_mentions(finder, doc, art: GeoArticle) -> list[PlaceMention]:
    """PlaceMentions for the gold targets, flagged as demonyms by the same test as ``find``."""
    sentence_of = _sentence_index(doc)
    demonyms = getattr(finder, "demonyms", {})
    out = []
    for t in art.targets:
        text = art.text[t.start:t.end]
        key = fold(text)
        demonym = t.kind.lower() == "demonym" or (
            key in demonyms and key != fold(demonyms[key]))
        out.append(PlaceMention(text=text, start=t.start, end=t.end, sentence=sentence_of(t.start),
                                demonym=demonym))
    return out


def score_gold_spans(finder, doc, art: GeoArticle, tally: Tally) -> None:
    mentions = finder.resolve(doc, gold_mentions(finder, doc, art))
    for m, t in zip(mentions, art.targets):
        km, exact = _error(m, t)
        tally.targets.append(TargetResult(t.kind, km, exact, fclass=t.fclass))


def score_found(finder, doc, art: GeoArticle, tally: Tally) -> None:
    mentions = finder.resolve(doc, finder.find(doc))
    predicted = mentions  # nationality words too: LGL marks them as toponyms of their country
    targets = art.targets
    others = [t for t in art.toponyms if not t.target and fold(t.kind).replace(" ", "_") != NON_TOPONYM]
    for m in predicted:
        if any(_overlap(m.start, m.end, t.start, t.end) for t in targets):
            tally.predicted += 1
            tally.predicted_correct += 1
        elif not any(_overlap(m.start, m.end, t.start, t.end) for t in others):
            tally.predicted += 1  # a false positive (one on an unscored gold toponym is ignored)
    for t in targets:
        best, best_overlap = None, 0
        for m in predicted:
            ov = _overlap(m.start, m.end, t.start, t.end)
            if ov > best_overlap:
                best, best_overlap = m, ov
        km, exact = _error(best, t)
        tally.targets.append(TargetResult(t.kind, km, exact, found=best is not None, fclass=t.fclass))


def metrics_of(tally: Tally, gold_spans: bool) -> dict:
    errors = [r.error_km for r in tally.targets]
    ids = [r.exact_id for r in tally.targets if r.exact_id is not None]
    out = {
        "acc_161km": sum(e <= ACC_KM for e in errors) / len(errors) if errors else None,
        "exact_id": sum(ids) / len(ids) if ids else None,
        "median_km": median(errors),
        "mean_km": mean(errors),
        "auc": geo_auc(errors),
        "targets": len(errors),
        "targets_with_id": len(ids),
    }
    if not gold_spans:
        found = sum(1 for r in tally.targets if r.found)
        precision = tally.predicted_correct / tally.predicted if tally.predicted else None
        recall = found / len(tally.targets) if tally.targets else None
        f1 = (2 * precision * recall / (precision + recall)
              if precision is not None and recall is not None and precision + recall else
              (0.0 if precision is not None and recall is not None else None))
        out.update({"ner_precision": precision, "ner_recall": recall, "ner_f1": f1,
                    "predicted_toponyms": tally.predicted})
    return out


def tables_of(tally: Tally) -> dict:
    bins: dict[str, int] = {label: 0 for _, label in ERROR_BINS}
    bins["> 1000 km"] = bins["missed (20039 km)"] = 0
    for r in tally.targets:
        if r.error_km >= MAX_ERROR_KM:
            label = "missed (20039 km)"
        else:
            label = next((lab for limit, lab in ERROR_BINS if r.error_km <= limit), "> 1000 km")
        bins[label] += 1
    tables = {"error_bins": bins}
    for name, attr in (("by_type", "kind"), ("by_feature_class", "fclass")):
        groups = sorted({getattr(r, attr) for r in tally.targets if getattr(r, attr)})
        if groups:
            tables[name] = {g: _group([r for r in tally.targets if getattr(r, attr) == g]) for g in groups}
    return tables


def _group(results: list[TargetResult]) -> dict:
    ids = [r.exact_id for r in results if r.exact_id is not None]
    return {"n": len(results), "acc_161km": sum(r.error_km <= ACC_KM for r in results) / len(results),
            "exact_id": sum(ids) / len(ids) if ids else None}


def evaluate(path: str, pipeline, limit: int | None = None, progress=None,
             gold_spans: bool = False) -> tuple[int, dict, dict]:
    _fmt, articles = read_geo(path)
    articles = first(articles, limit)
    finder, tally = pipeline.places, Tally()
    total = len(articles)
    if progress:
        progress(0, total)
    stream = ((a.text, a) for a in articles)
    for done, (doc, art) in enumerate(pipeline.nlp.pipe(stream, as_tuples=True, batch_size=16), 1):
        (score_gold_spans if gold_spans else score_found)(finder, doc, art, tally)
        if progress:
            progress(done, total)
    return total, metrics_of(tally, gold_spans), tables_of(tally)
