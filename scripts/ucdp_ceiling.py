"""What UCDP GED headlines can give at best: the share of rows whose headline text even holds
the gold answer, for each key of ``eventwire evaluate ucdp``.

Upper bounds, computed from the headline text alone (no event detection):

* ``no_event_information``: headlines that report no event at all: broadcast summaries
  ("Programme summary of ... TV news"), reports ("Report on ..."), UCDP's own "date: place"
  lines, news digests. These rows fail every key whatever the coder does.
* ``best_in_text``: some number in the text (digits, number words, "dozens" = 12) equals the
  row's ``best``; ``range_in_text``: some number is within ``low``..``high``.
* ``number_above_best``: the text's largest number exceeds ``high`` (country-wide or multi-day
  totals that UCDP splits into several located events).
* ``place_within_50km``: some capitalised name in the text (1 to 4 words) names a gazetteer
  entry (main or alternate name, else a transliteration variant; a country counts by its
  point, as the evaluator counts it) within 50 km of the gold point, or a province whose seat is
  (any reading of any name, so this is generous).
* ``published_within_1d``: the publication date (the date eventwire falls back on) is within a
  day of the event's dates; ``text_has_date_word``: the text has a weekday, month or "yesterday".
* ``side_a_named`` / ``side_b_named``: eventwire's actor dictionary finds, in the text, an actor
  whose normalised name equals the gold side (the state's forces named by a demonym or
  "army"/"police" count for "Government of X" only with a country in the text).
* ``ceiling_*``: the same, counted only on rows with event information: a row without a found
  event fails every key, so these bound what any coder of these headlines can score
  (``ceiling_date_within_1d``: publication date within a day, or a date word in the text).

    python scripts/ucdp_ceiling.py ../shared/data/ucdp-ged-iraq/ged-iraq-1989-2016.csv [--json]
"""
import argparse
import json
import re

from eventwire.evaluate.common import within
from eventwire.evaluate.ucdp import norm_side, read_ucdp
from eventwire.extract.actors import demonym_table, fill_country, get_actor_dictionary
from eventwire.extract.fatalities import word_value
from eventwire.gazetteer import get_gazetteer, haversine_km
from eventwire.nlp import get_nlp

NO_EVENT = re.compile(r"programme summary|^\W*report on\b|^\w+ \d+(?:st|nd|rd|th)?(?:\s*[-\u2013]\s*\d+\w*)?,? \d{4}:|"
                      r"news in brief|news summary|world report|\bdigest\b|\bbulletin\b|headlines?:", re.I)
NUMBER = re.compile(r"\b\d{1,3}(?:,\d{3})+\b|\b\d+\b|\b[a-z]+(?:-[a-z]+)?\b", re.I)
DATE_WORD = re.compile(r"\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|overnight|"
                       r"january|february|march|april|may|june|july|august|september|october|november|december)\b", re.I)
NAME = re.compile(r"\b[A-Z][\w'\u2019-]*(?:\s+(?:al|el|as|ash|ad|an|ar|az)?-?[A-Z][\w'\u2019-]*){0,3}")
STATE_WORDS = ("Military Forces of", "Police Forces of", "Government of")


def numbers_in(text: str) -> list[int]:
    out = []
    for tok in NUMBER.findall(text):
        value = word_value(tok)
        if value is None or tok.lower() in ("a", "an", "no", "none", "both"):
            continue
        if tok[0].isdigit() and 1900 <= value <= 2100:  # years are not tolls
            continue
        out.append(value)
    return out


def place_within(gaz, text: str, lat: float, lon: float, km: float = 50.0) -> bool:
    """Does a name in the text have a reading within km of the point?"""
    for m in NAME.finditer(text):
        words = m.group(0).split()
        for i in range(len(words)):
            for j in range(i + 1, min(len(words), i + 4) + 1):
                for place, _main in gaz.candidates(" ".join(words[i:j])):
                    if place.feature == "region":
                        continue
                    points = [(place.latitude, place.longitude)]
                    if place.seat:
                        points.append(place.seat[1:])
                    if any(haversine_km(lat, lon, a, b) <= km for a, b in points):
                        return True
    return False


def side_named(gold: str, names: set[str]) -> bool:
    return bool(gold) and norm_side(gold) in {norm_side(n) for n in names}


def actor_names(actors, doc) -> set[str]:
    """Normalised actor names in the text; generic state actors get the country the text names."""
    demonyms = demonym_table()
    countries = {demonyms[t.lower_] for t in doc if t.lower_ in demonyms}
    names = set()
    for sent in doc.sents:
        for a in actors.find(sent):
            if "{country}" in a.name:
                names.update(fill_country(a.name, c) for c in countries)
            else:
                names.add(a.name)
    return names


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("path")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    rows = read_ucdp(args.path)
    gaz, nlp = get_gazetteer(), get_nlp()
    actors = get_actor_dictionary(nlp)
    counts: dict[str, int] = {}

    def add(key: str, flag: bool) -> None:
        counts[key] = counts.get(key, 0) + int(bool(flag))

    for row, doc in zip(rows, nlp.pipe(r.text for r in rows)):
        text = row.text
        nums = numbers_in(text)
        low = row.low if row.low is not None else row.best
        high = row.high if row.high is not None else row.best
        info = not NO_EVENT.search(text)
        flags = {
            "best_in_text": row.best is not None and row.best in nums,
            "range_in_text": low is not None and any(low <= n <= high for n in nums),
            "place_within_50km": row.latitude is not None and place_within(gaz, text, row.latitude, row.longitude),
            "published_within_1d": within(row.published, row.date_start, row.date_end, 1),
            "text_has_date_word": bool(DATE_WORD.search(text)),
        }
        names = actor_names(actors, doc)
        flags["side_a_named"] = side_named(row.side_a, names)
        flags["side_b_named"] = side_named(row.side_b, names)
        add("no_event_information", not info)
        add("number_above_best", high is not None and nums and max(nums) > high)
        for key, flag in flags.items():
            add(key, flag)
        add("ceiling_fatalities_exact", info and flags["best_in_text"])
        add("ceiling_fatalities_in_range", info and flags["range_in_text"])
        add("ceiling_location_50km", info and flags["place_within_50km"])
        add("ceiling_date_within_1d", info and (flags["published_within_1d"] or flags["text_has_date_word"]))
        add("ceiling_side_a", info and flags["side_a_named"])
        add("ceiling_side_b", info and flags["side_b_named"])
    n = len(rows)
    result = {"n": n, **{k: round(v / n, 3) for k, v in sorted(counts.items())}}
    if args.json:
        print(json.dumps(result, indent=2))
    else:
        for k, v in result.items():
            print(f"{k:24} {v}")


if __name__ == "__main__":
    main()
