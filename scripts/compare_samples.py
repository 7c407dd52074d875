"""Print the bundled samples' gold events beside what eventwire codes (a development aid)."""
import sys
from importlib import resources
from pathlib import Path

import yaml

from eventwire.ingest import read_paths
from eventwire.pipeline import Pipeline

ROOT = Path(__file__).resolve().parents[1]
gold = yaml.safe_load((ROOT / "tests" / "fixtures" / "samples_gold.yaml").read_text())
samples = Path(str(resources.files("eventwire") / "samples"))
only = sys.argv[1:] 
pipe = Pipeline()
KEYS = ("event_date", "sub_event_type", "actor1", "actor2", "location", "geo_precision", "fatalities")
for coded in pipe.code_articles(read_paths([samples])):
    o = coded.article.origin
    sid = o.rsplit(":", 1)[1] if ".jsonl:" in o else Path(o).stem
    if only and not any(s in sid for s in only):
        continue
    print(f"== {sid} (published {coded.article.published})")
    for g in gold[sid]:
        print("  GOLD", " | ".join(str(g.get(k)) for k in KEYS))
    for e in coded.events:
        print("  PRED", " | ".join(str(getattr(e, k)) for k in KEYS), f"  <{e.evidence[:90]}>")
