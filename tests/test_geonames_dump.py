"""Loading full GeoNames dumps (a small file in the standard 19-column format)."""
from pathlib import Path

import pytest
from click.testing import CliRunner

from eventwire.cli import main
from eventwire.gazetteer import Gazetteer, GazetteerBuilder
from eventwire.geonames_dump import DumpError, load_dumps

FIX = Path(__file__).parent / "fixtures" / "geonames"


def test_load_dumps_reads_towns_admin_units_landmarks_and_alternate_names():
    places, names = load_dumps([FIX / "SO.txt", FIX / "alternateNamesV2.txt"])
    by_id = {p[0]: p for p in places}
    assert by_id[99000001][2] == "city" and by_id[99000001][4] == "Shabeellaha Hoose"
    assert by_id[99000002][2] == "admin1" and by_id[99000003][2] == "admin2"
    assert by_id[99000004][2] == "landmark"
    assert 99000005 not in by_id  # countries come from the country table
    keys = {k for k, gid, _ in names if gid == 99000001}
    assert {"bulo marer", "buulo mareer", "bulomarer"} <= keys
    assert not any("example" in k for k in keys)  # links are not names


def test_bad_dump_names_the_file(tmp_path):
    bad = tmp_path / "XX.txt"
    bad.write_text("1\tonly three\tcolumns\n")
    with pytest.raises(DumpError, match="XX.txt: line 1"):
        load_dumps([bad])


@pytest.fixture(scope="module")
def village_gazetteer(tmp_path_factory):
    path = tmp_path_factory.mktemp("gaz") / "gazetteer.sqlite"
    GazetteerBuilder(path, [FIX / "SO.txt", FIX / "alternateNamesV2.txt"]).build()
    return Gazetteer(path)


def test_built_gazetteer_finds_the_village(village_gazetteer):
    (place, main), = [c for c in village_gazetteer.candidates("Buulo Mareer") if c[0].country_code == "SO"]
    assert place.name == "Bulo Marer" and place.geonameid == 99000001
    assert village_gazetteer.info()["source"].endswith("alternateNamesV2.txt")


def test_cli_rejects_a_bad_dump(tmp_path):
    bad = tmp_path / "XX.txt"
    bad.write_text("not a dump\n")
    result = CliRunner().invoke(main, ["gazetteer", "build", "--path", str(tmp_path / "g.sqlite"), "--geonames", str(bad)])
    assert result.exit_code != 0 and "XX.txt" in result.output
