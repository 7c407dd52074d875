import json
from datetime import date


from eventwire.ingest import IngestOptions, IngestReport, read_paths

HTML = """<html><head><title>Blast hits market in Gao</title>
<meta property="og:site_name" content="Sahel Monitor">
<meta property="article:published_time" content="2021-05-02T08:00:00Z"></head>
<body><nav><a href="/">Home</a> | <a href="/world">World</a></nav>
<article><h1>Blast hits market in Gao</h1>
<p>A roadside bomb exploded near the central market of Gao on Saturday, killing four traders, local officials said.</p>
<p>No group claimed responsibility for the blast, which came a week after an attack on an army convoy north of the city.</p>
<p>Residents said the market was crowded with shoppers buying food ahead of the holiday.</p></article>
<footer>Copyright Sahel Monitor. All rights reserved.</footer></body></html>"""


def read(paths, **kw):
    report = IngestReport()
    return list(read_paths(paths, IngestOptions(**kw), report)), report


def test_plain_text(tmp_path):
    p = tmp_path / "a.txt"
    p.write_text("Gunmen killed two people in Kaduna on Monday.\n")
    (a,), _ = read([p], published=date(2020, 1, 8))
    assert a.text.startswith("Gunmen") and a.published == date(2020, 1, 8) and a.id


def test_html_main_text_title_date_site(tmp_path):
    p = tmp_path / "a.html"
    p.write_text(HTML)
    (a,), _ = read([p])
    assert "roadside bomb" in a.text and "Copyright" not in a.text and "Home" not in a.text
    assert a.published == date(2021, 5, 2)
    assert a.outlet == "Sahel Monitor" and "Gao" in a.title


def test_jsonl_detects_text_and_date_fields(tmp_path):
    p = tmp_path / "a.jsonl"
    p.write_text(json.dumps({"doc_text": "Troops clashed with rebels.", "date": "2020-02-03"}) + "\n"
                 + json.dumps({"body": "A bomb went off.", "published": "4 February 2020"}) + "\n")
    articles, _ = read([p])
    assert [a.published for a in articles] == [date(2020, 2, 3), date(2020, 2, 4)]


def test_csv_with_chosen_fields(tmp_path):
    p = tmp_path / "a.csv"
    p.write_text("story,when\n\"Police fired tear gas at protesters.\",2022-07-01\n")
    (a,), _ = read([p], text_field="story", date_field="when")
    assert a.published == date(2022, 7, 1)


def test_bad_files_are_named_and_skipped(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text("Rebels attacked a village.")
    (tmp_path / "bad.jsonl").write_text('{"text": "fine"}\n{not json\n')
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "nofield.csv").write_text("a,b\n1,2\n")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02")
    articles, report = read([tmp_path])
    assert [a.text for a in articles] == ["fine", "Rebels attacked a village."] or len(articles) >= 1
    names = " ".join(report.skipped)
    for name in ("bad.jsonl", "empty.txt", "nofield.csv", "binary.txt"):
        assert name in names
    assert "line 2" in names and "--text-field" in names


def test_missing_file_is_reported(tmp_path):
    articles, report = read([tmp_path / "nope.txt"])
    assert not articles and "no such file" in report.skipped[0]


def test_same_text_same_id(tmp_path):
    (tmp_path / "a.txt").write_text("Same text.")
    (tmp_path / "b.txt").write_text("Same text.\n")
    articles, _ = read([tmp_path])
    assert articles[0].id == articles[1].id
