"""The store: SQLite (WAL) with articles, events and provenance.

Each article is written in one transaction with its events, so a run that dies half-way can be
re-run: articles already stored are skipped (their id is the hash of their text) and the database
ends the same, with no duplicates. Event ids are stable: the same article coded by the same
version gives the same ids. The ``provenance`` table links each event to every report that
supports it (one row today; several once reports of one event are merged), and ``audit`` is
ready for analysts' corrections.
"""
from __future__ import annotations

import json
import sqlite3
import time
from collections.abc import Iterable, Iterator
from pathlib import Path

from .models import EVENT_FIELDS, Article, CodedArticle, Event

SCHEMA_VERSION = 1
INT_FIELDS = {"year", "time_precision", "iso", "geo_precision", "fatalities", "timestamp", "deaths_a",
              "deaths_b", "deaths_civilians", "deaths_unknown", "fatalities_low", "fatalities_high",
              "geonameid", "evidence_start", "evidence_end", "flagged"}
REAL_FIELDS = {"latitude", "longitude", "confidence"}


def _column(name: str) -> str:
    kind = "INTEGER" if name in INT_FIELDS else "REAL" if name in REAL_FIELDS else "TEXT"
    return f"{name} {kind}" + (" PRIMARY KEY" if name == "event_id" else "")


SCHEMA = f"""
CREATE TABLE IF NOT EXISTS articles (
    id TEXT PRIMARY KEY, title TEXT, url TEXT, outlet TEXT, published TEXT, origin TEXT,
    text TEXT NOT NULL, ingested_at TEXT);
CREATE TABLE IF NOT EXISTS events ({", ".join(_column(n) for n in EVENT_FIELDS)});
CREATE INDEX IF NOT EXISTS events_article ON events(article_id);
CREATE INDEX IF NOT EXISTS events_date ON events(event_date);
CREATE INDEX IF NOT EXISTS events_country ON events(country);
CREATE TABLE IF NOT EXISTS provenance (
    event_id TEXT NOT NULL, article_id TEXT NOT NULL, evidence TEXT, evidence_start INTEGER,
    evidence_end INTEGER, confidence REAL, coder TEXT, PRIMARY KEY (event_id, article_id, evidence_start));
CREATE TABLE IF NOT EXISTS audit (
    id INTEGER PRIMARY KEY AUTOINCREMENT, event_id TEXT NOT NULL, field TEXT NOT NULL,
    old_value TEXT, new_value TEXT, author TEXT, note TEXT, at TEXT);
CREATE TABLE IF NOT EXISTS runs (
    id INTEGER PRIMARY KEY AUTOINCREMENT, started TEXT, finished TEXT, command TEXT,
    files INTEGER, articles INTEGER, new_articles INTEGER, events INTEGER, skipped TEXT);
"""


class Store:
    def __init__(self, path: str | Path = "eventwire.db"):
        self.path = Path(path)
        self.db = sqlite3.connect(self.path)
        self.db.row_factory = sqlite3.Row
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA synchronous=NORMAL")
        self.db.executescript(SCHEMA)
        self.db.execute(f"PRAGMA user_version={SCHEMA_VERSION}")

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def has_article(self, article_id: str) -> bool:
        return self.db.execute("SELECT 1 FROM articles WHERE id = ?", (article_id,)).fetchone() is not None

    def add(self, coded: CodedArticle) -> bool:
        """Store an article with its events in one transaction. False if it was already stored."""
        a = coded.article
        with self.db:
            cur = self.db.execute(
                "INSERT OR IGNORE INTO articles VALUES (?,?,?,?,?,?,?,?)",
                (a.id, a.title, a.url, a.outlet, a.published.isoformat() if a.published else None,
                 a.origin, a.text, time.strftime("%Y-%m-%dT%H:%M:%S")))
            if cur.rowcount == 0:
                return False
            for e in coded.events:
                self._insert_event(e)
        return True

    def _insert_event(self, e: Event) -> None:
        row = e.to_dict()
        row["flagged"] = int(row["flagged"])
        names = ", ".join(EVENT_FIELDS)
        marks = ", ".join("?" for _ in EVENT_FIELDS)
        self.db.execute(f"INSERT OR REPLACE INTO events ({names}) VALUES ({marks})",
                        [row[n] for n in EVENT_FIELDS])
        self.db.execute("INSERT OR IGNORE INTO provenance VALUES (?,?,?,?,?,?,?)",
                        (e.event_id, e.article_id, e.evidence, e.evidence_start, e.evidence_end,
                         e.confidence, e.coder))

    def events(self, where: str = "", params: Iterable = ()) -> Iterator[Event]:
        sql = "SELECT * FROM events" + (f" WHERE {where}" if where else "") + " ORDER BY event_date, event_id"
        for row in self.db.execute(sql, tuple(params)):
            data = dict(row)
            data["flagged"] = bool(data["flagged"])
            yield Event.from_dict(data)

    def articles(self) -> Iterator[Article]:
        from .ingest import parse_date

        for r in self.db.execute("SELECT * FROM articles ORDER BY id"):
            yield Article(text=r["text"], title=r["title"] or "", url=r["url"] or "", outlet=r["outlet"] or "",
                          published=parse_date(r["published"]), origin=r["origin"] or "", id=r["id"])

    def record_run(self, command: str, started: str, files: int, articles: int, new_articles: int,
                   events: int, skipped: list[str]) -> None:
        with self.db:
            self.db.execute("INSERT INTO runs (started, finished, command, files, articles, new_articles, events, skipped)"
                            " VALUES (?,?,?,?,?,?,?,?)",
                            (started, time.strftime("%Y-%m-%dT%H:%M:%S"), command, files, articles,
                             new_articles, events, json.dumps(skipped)))

    def summary(self) -> dict:
        q = lambda sql: self.db.execute(sql).fetchall()  # noqa: E731
        return {
            "articles": q("SELECT COUNT(*) FROM articles")[0][0],
            "events": q("SELECT COUNT(*) FROM events")[0][0],
            "fatalities": q("SELECT COALESCE(SUM(fatalities),0) FROM events")[0][0],
            "flagged": q("SELECT COUNT(*) FROM events WHERE flagged = 1")[0][0],
            "by_type": dict(q("SELECT event_type, COUNT(*) FROM events GROUP BY event_type ORDER BY 2 DESC")),
            "by_country": dict(q("SELECT country, COUNT(*) FROM events GROUP BY country ORDER BY 2 DESC")),
        }
