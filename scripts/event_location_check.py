"""How often eventwire's choice of an event's place matches the labelled event location.

Data: the event-location set (Halterman 2019, MIT): JSON list of sentences with a VERB span (the
event) and LOCATION spans (where it happened). Only sentences where eventwire finds two or more
place mentions are counted: with one, there is no choice to make.

    python scripts/event_location_check.py labeled_text.jsonl [--limit 2500]
"""
import argparse
import json

from eventwire.extract.places import event_location
from eventwire.pipeline import Pipeline


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("path")
    ap.add_argument("--limit", type=int, default=2500)
    args = ap.parse_args()
    rows = [x for x in json.load(open(args.path, encoding="utf-8"))
            if any(s["label"] == "LOCATION" for s in x.get("spans", []))][: args.limit]
    pipe = Pipeline()
    finder = pipe.places
    counted = right = 0
    for row, doc in zip(rows, pipe.nlp.pipe(r["text"] for r in rows)):
        gold = [s for s in row["spans"] if s["label"] == "LOCATION"]
        mentions = finder.resolve(doc, finder.find(doc))
        if len([m for m in mentions if not m.demonym]) < 2:
            continue
        counted += 1
        place, _ = event_location(mentions, 0, root=next(iter(doc.sents)).root.idx)
        right += bool(place and any(place.start < g["end"] and g["start"] < place.end for g in gold))
    print(json.dumps({"sentences_with_a_choice": counted, "event_location_accuracy": round(right / counted, 3)}))


if __name__ == "__main__":
    main()
