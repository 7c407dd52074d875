#!/usr/bin/env bash
# Runs every benchmark in docs/benchmarks.md and writes one JSON file per run to OUT.
# Usage: scripts/run_benchmarks.sh [DATA_DIR] [OUT]   (DATA_DIR: the team's shared/data folder)
set -euo pipefail
DATA=${1:-../shared/data}
OUT=${2:-benchmark-results}
mkdir -p "$OUT"
eventwire evaluate classify "$DATA/case2021-task2/dev.tsv" --json > "$OUT/classify-case2021-dev.json"
eventwire --classifier linear evaluate classify "$DATA/case2021-task2/dev.tsv" --json > "$OUT/classify-case2021-dev-linear.json"
eventwire evaluate classify "$(dirname "$0")/../tests/fixtures/eval/heldout_snippets.tsv" --json > "$OUT/classify-heldout-snippets.json"
eventwire evaluate geoparse "$DATA/geoparsing/lgl.xml" --gold-spans --json > "$OUT/geoparse-lgl-gold-spans.json"
eventwire evaluate geoparse "$DATA/geoparsing/lgl.xml" --json > "$OUT/geoparse-lgl.json"
python "$(dirname "$0")/resolve_speed.py" "$DATA/geoparsing/lgl.xml" > "$OUT/resolve-speed-lgl.json"
eventwire evaluate ucdp "$DATA/ucdp-ged-iraq/ged-iraq-1989-2016.csv" --json > "$OUT/ucdp-iraq.json"
eventwire evaluate police "$DATA/india-police-events" --json > "$OUT/police-india-police-events.json"
eventwire evaluate police "$DATA/india-police-events" --limit 300 --json > "$OUT/police-india-police-events-300.json"
eventwire bench "$DATA/india-police-events/docs.jsonl" --limit 300 --json > "$OUT/bench-india-police-events.json"
eventwire --classifier linear bench "$DATA/india-police-events/docs.jsonl" --limit 300 --json > "$OUT/bench-india-police-events-linear.json"
eventwire bench "$DATA/conflibert/news_samples" --json > "$OUT/bench-news-samples.json"
