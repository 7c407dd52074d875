"""Ingest: read plain text, HTML, JSONL and CSV files, directories and stdin into Articles."""
from __future__ import annotations

import csv
import io
import json
import re
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from .models import Article

TEXT_FIELDS = ("text", "doc_text", "full_text", "body", "content", "notes", "article", "EventSnippet")
DATE_FIELDS = ("published", "publication_date", "pub_date", "publish_date", "published_at",
               "date_published", "date", "datetime", "publish_time")
TITLE_FIELDS = ("title", "headline")
URL_FIELDS = ("url", "link")
OUTLET_FIELDS = ("outlet", "source", "site_name", "sitename", "publisher")
ID_FIELDS = ("id", "doc_id", "sample_id", "article_id")
SUFFIXES = {".txt": "text", ".text": "text", ".html": "html", ".htm": "html", ".jsonl": "jsonl",
            ".ndjson": "jsonl", ".json": "jsonl", ".csv": "csv", ".tsv": "tsv"}

csv.field_size_limit(sys.maxsize)


class IngestError(ValueError):
    """A file (or a row of it) that cannot be read. The message names it."""


@dataclass
class IngestOptions:
    text_field: str | None = None
    date_field: str | None = None
    published: date | None = None  # overrides any date found in the input


@dataclass
class IngestReport:
    files: int = 0
    articles: int = 0
    skipped: list[str] = field(default_factory=list)  # "path: reason"


def parse_date(value) -> date | None:
    """ISO dates and datetimes, and common written forms ("14 March 2019", "Mar 14, 2019")."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = str(value).strip()
    m = re.match(r"(\d{4})-(\d{2})-(\d{2})", text)
    if m:
        try:
            return date(int(m[1]), int(m[2]), int(m[3]))
        except ValueError:
            return None
    import dateparser

    parsed = dateparser.parse(text, languages=["en"], settings={"STRICT_PARSING": True,
                                                               "PREFER_DAY_OF_MONTH": "first"})
    return parsed.date() if parsed else None


def read_paths(paths: Iterable[str | Path], options: IngestOptions | None = None,
               report: IngestReport | None = None,
               on_error: Callable[[str], None] | None = None) -> Iterator[Article]:
    """Yield Articles from files, directories (recursively, sorted) and "-" (stdin).

    A file that cannot be read is recorded in ``report.skipped`` and passed to ``on_error``;
    the run goes on with the next file.
    """
    options = options or IngestOptions()
    report = report if report is not None else IngestReport()
    for path in expand(paths):
        report.files += 1
        try:
            for article in read_file(path, options):
                report.articles += 1
                yield article
        except (IngestError, OSError, UnicodeDecodeError) as err:
            message = f"{path}: {err}"
            report.skipped.append(message)
            if on_error:
                on_error(message)


def expand(paths: Iterable[str | Path]) -> Iterator[str | Path]:
    for p in paths:
        if str(p) == "-":
            yield "-"
            continue
        path = Path(p)
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                if child.is_file() and child.suffix.lower() in SUFFIXES and not child.name.startswith("."):
                    yield child
        else:
            yield path


def read_file(path: str | Path, options: IngestOptions) -> Iterator[Article]:
    if str(path) == "-":
        text = sys.stdin.read()
        kind = "html" if text.lstrip().startswith("<") else "text"
        yield from READERS[kind](text, "<stdin>", options)
        return
    path = Path(path)
    if not path.exists():
        raise IngestError("no such file")
    kind = SUFFIXES.get(path.suffix.lower(), "text")
    raw = path.read_bytes()
    if b"\x00" in raw[:4096]:
        raise IngestError("binary file, not text")
    yield from READERS[kind](raw.decode("utf-8-sig", errors="strict"), str(path), options)


def read_text(text: str, origin: str, options: IngestOptions) -> Iterator[Article]:
    text = text.strip()
    if not text:
        raise IngestError("empty file")
    first = text.split("\n", 1)[0].strip()
    title = first if len(first) < 150 and "\n" in text and not first.endswith(".") else ""
    yield Article(text=text, title=title, published=options.published, origin=origin)


def read_html(html: str, origin: str, options: IngestOptions) -> Iterator[Article]:
    import trafilatura

    doc = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False)
    if doc is None or not (doc.text or "").strip():
        raise IngestError("no article text found in the HTML")
    published = options.published or parse_date(doc.date)
    yield Article(text=doc.text.strip(), title=doc.title or "", url=doc.url or "",
                  outlet=doc.sitename or "", published=published, origin=origin)


def pick(record: dict, names: tuple[str, ...], chosen: str | None = None):
    if chosen:
        return record.get(chosen)
    lowered = {k.lower(): k for k in record}
    for name in names:
        key = lowered.get(name.lower())
        if key is not None and record[key] not in (None, ""):
            return record[key]
    return None


def record_to_article(record: dict, origin: str, options: IngestOptions) -> Article:
    if options.text_field and options.text_field not in record:
        raise IngestError(f"no field {options.text_field!r} (fields: {', '.join(record)})")
    text = pick(record, TEXT_FIELDS, options.text_field)
    if not isinstance(text, str) or not text.strip():
        raise IngestError(f"no text field among {', '.join(TEXT_FIELDS)} (fields: {', '.join(record)});"
                          " choose one with --text-field")
    published = options.published or parse_date(pick(record, DATE_FIELDS, options.date_field))
    ident = pick(record, ID_FIELDS)
    return Article(text=text.strip(), title=str(pick(record, TITLE_FIELDS) or ""),
                   url=str(pick(record, URL_FIELDS) or ""), outlet=str(pick(record, OUTLET_FIELDS) or ""),
                   published=published, origin=f"{origin}:{ident}" if ident else origin)


def read_jsonl(text: str, origin: str, options: IngestOptions) -> Iterator[Article]:
    stripped = text.strip()
    if stripped.startswith("["):
        try:
            records = json.loads(stripped)
        except json.JSONDecodeError as err:
            raise IngestError(f"invalid JSON: {err}") from None
        lines = [(i + 1, r) for i, r in enumerate(records)]
    else:
        lines = []
        for n, line in enumerate(text.splitlines(), 1):
            if line.strip():
                try:
                    lines.append((n, json.loads(line)))
                except json.JSONDecodeError as err:
                    raise IngestError(f"line {n}: invalid JSON: {err}") from None
    for n, record in lines:
        if not isinstance(record, dict):
            raise IngestError(f"line {n}: expected a JSON object")
        yield numbered_article(record, origin, options, f"line {n}", n)


def numbered_article(record: dict, origin: str, options: IngestOptions, where: str, n: int) -> Article:
    """An Article from one record; errors name the line or row."""
    try:
        article = record_to_article(record, origin, options)
    except IngestError as err:
        raise IngestError(f"{where}: {err}") from None
    if article.origin == origin:
        article.origin = f"{origin}:{n}"
    return article


def read_csv(text: str, origin: str, options: IngestOptions, delimiter: str = ",") -> Iterator[Article]:
    reader = csv.DictReader(io.StringIO(text), delimiter=delimiter)
    if not reader.fieldnames:
        raise IngestError("empty CSV")
    for n, record in enumerate(reader, 2):
        yield numbered_article(record, origin, options, f"row {n}", n)


def read_tsv(text: str, origin: str, options: IngestOptions) -> Iterator[Article]:
    return read_csv(text, origin, options, delimiter="\t")


READERS = {"text": read_text, "html": read_html, "jsonl": read_jsonl, "csv": read_csv, "tsv": read_tsv}
