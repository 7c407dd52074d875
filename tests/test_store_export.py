import csv
import io
import json
from datetime import date

from eventwire.export import write
from eventwire.models import ACLED_COLUMNS, Article, Event
from eventwire.store import Store

TEXT = "Gunmen killed five villagers in Kachia on Sunday, residents said."


def coded(pipeline, text=TEXT):
    return next(pipeline.code_articles([Article(text=text, published=date(2021, 3, 15), outlet="Test Wire")]))


def test_reingest_is_a_noop(tmp_path, pipeline):
    with Store(tmp_path / "x.db") as store:
        assert store.add(coded(pipeline))
        assert not store.add(coded(pipeline))
        assert store.summary()["articles"] == 1
        events = list(store.events())
    assert len(events) == 1 and events[0].fatalities == 5


def test_interrupted_run_ends_with_the_same_database(tmp_path, pipeline):
    texts = [TEXT, "Police fired tear gas at protesters in Nairobi on Tuesday.",
             "A roadside bomb killed two soldiers near Kandahar on Monday."]
    articles = [coded(pipeline, t) for t in texts]
    with Store(tmp_path / "full.db") as full:
        for a in articles:
            full.add(a)
        want = [e.to_dict() for e in full.events()]
    with Store(tmp_path / "broken.db") as broken:
        broken.add(articles[0])  # the run died after the first article
    with Store(tmp_path / "broken.db") as broken:
        for a in articles:  # re-run over everything
            broken.add(a)
        got = [e.to_dict() for e in broken.events()]
    assert got == want


def test_event_ids_are_stable(pipeline):
    assert [e.event_id for e in coded(pipeline).events] == [e.event_id for e in coded(pipeline).events]


def test_acled_csv_columns_in_acled_order(pipeline):
    out = io.StringIO()
    write(coded(pipeline).events, "acled-csv", out)
    rows = list(csv.reader(io.StringIO(out.getvalue())))
    assert rows[0][: len(ACLED_COLUMNS)] == ACLED_COLUMNS
    assert "fatalities_low" in rows[0] and "evidence" in rows[0]
    assert len(rows) == 2


def test_geojson_points(pipeline):
    out = io.StringIO()
    write(coded(pipeline).events, "geojson", out)
    data = json.loads(out.getvalue())
    assert data["type"] == "FeatureCollection"
    lon, lat = data["features"][0]["geometry"]["coordinates"]
    assert 5 < lat < 14 and 2 < lon < 15  # Nigeria


def test_geojson_skips_events_without_coordinates():
    out = io.StringIO()
    write([Event(event_id="x")], "geojson", out)
    assert json.loads(out.getvalue())["features"] == []
