"""eventwire.bench on a three-article fixture: keys, sanity of the numbers, and clean-up."""
from pathlib import Path

import pytest

from eventwire import bench

FIX = Path(__file__).parent / "fixtures" / "eval"
KEYS = ("docs_per_second", "words_per_second", "spacy_words_per_second", "ratio_to_spacy", "peak_rss_mb", "stages")


def test_bench_run(pipeline):
    calls = []
    result = bench.run(str(FIX / "bench_docs.jsonl"), repeats=2, pipeline=pipeline,
                       progress=lambda d, t: calls.append((d, t)))
    for key in KEYS:
        assert key in result
    assert result["n"] == 3 and result["repeats"] == 2
    assert result["words"] == sum(len(line.split()) for line in _texts())
    assert result["docs_per_second"] > 0 and result["words_per_second"] > 0
    assert result["spacy_words_per_second"] > 0
    assert result["ratio_to_spacy"] == pytest.approx(result["words_per_second"] / result["spacy_words_per_second"],
                                                     rel=1e-2)
    assert result["peak_rss_mb"] > 10
    stages = result["stages"]
    assert {"spacy_parse", "places_find", "places_resolve", "classify", "other"} <= set(stages)
    assert all(v >= 0 for v in stages.values())
    assert stages["classify"] > 0 and stages["places_find"] > 0  # each timer is on a method that runs
    assert sum(result["stage_share"].values()) == pytest.approx(1.0, abs=1e-3)
    rest = sum(v for k, v in stages.items() if k != "classify")
    assert result["classification_adds"] == pytest.approx(stages["classify"] / rest, abs=1e-3)
    assert result["classifier"] == "model"
    assert calls[-1] == (4, 4)
    assert result["events"] >= 1


def test_bench_limit_and_restores_pipeline(pipeline):
    result = bench.run(str(FIX / "bench_docs.jsonl"), limit=2, repeats=1, pipeline=pipeline)
    assert result["n"] == 2
    # the stage timers are removed again: the methods are the class's own
    assert "read_sentence" not in vars(pipeline)
    assert "classify_all" not in vars(pipeline.classifier)
    assert "find" not in vars(pipeline.places)


def test_bench_errors(tmp_path, pipeline):
    with pytest.raises(ValueError):
        bench.run(str(FIX / "bench_docs.jsonl"), repeats=0, pipeline=pipeline)
    empty = tmp_path / "empty"
    empty.mkdir()
    with pytest.raises(ValueError):
        bench.run(str(empty), pipeline=pipeline)


def _texts():
    import json

    return [json.loads(line)["text"] for line in (FIX / "bench_docs.jsonl").read_text().splitlines() if line.strip()]


def test_bench_readable_view(pipeline):
    import io

    from rich.console import Console

    from eventwire.evaluate.report import print_bench

    buf = io.StringIO()
    print_bench(bench.run(str(FIX / "bench_docs.jsonl"), repeats=1, pipeline=pipeline), Console(file=buf, width=120))
    assert "ratio_to_spacy" in buf.getvalue() and "spacy_parse" in buf.getvalue()
