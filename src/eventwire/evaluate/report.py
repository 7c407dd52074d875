"""The readable view of ``eventwire evaluate`` and ``eventwire bench`` results (rich tables)."""
from __future__ import annotations


def _fmt(value) -> str:
    if value is None:
        return "-"
    if isinstance(value, float):
        return f"{value:.3f}" if abs(value) < 100 else f"{value:,.1f}"
    return str(value)


def _matrix(title: str, table: dict[str, dict[str, int]], short: bool = False):
    from rich.table import Table

    cols = sorted({p for row in table.values() for p in row})
    names = {c: (c[:6] if short else c) for c in cols}
    t = Table(title=title, show_lines=False, pad_edge=False)
    t.add_column("gold \\ predicted", no_wrap=True)
    for c in cols:
        t.add_column(names[c], justify="right")
    for gold, row in table.items():
        t.add_row(gold, *[str(row.get(c, "")) if row.get(c) else "" for c in cols])
    return t


def evaluation_renderables(result: dict) -> list:
    """rich renderables for an :func:`eventwire.evaluate.run` result."""
    from rich.table import Table

    head = Table(title=f"eventwire evaluate {result['task']}: {result['dataset']}", show_header=True)
    head.add_column("metric")
    head.add_column("value", justify="right")
    for key, value in result["metrics"].items():
        head.add_row(key, _fmt(value))
    head.caption = f"{result['n']} scored in {result['seconds']:.1f} s"
    out = [head]
    for name, table in (result.get("tables") or {}).items():
        if isinstance(table, dict) and table and all(isinstance(v, dict) for v in table.values()):
            inner = next(iter(table.values()))
            if inner and all(isinstance(v, int) for v in inner.values()) and "confusion" in name:
                out.append(_matrix(name, table, short=len(table) > 8))
            else:
                keys = list(inner)
                t = Table(title=name)
                t.add_column("")
                for k in keys:
                    t.add_column(k, justify="right")
                for row_name, row in table.items():
                    t.add_row(row_name, *[_fmt(row.get(k)) for k in keys])
                out.append(t)
        elif isinstance(table, dict) and table:
            t = Table(title=name)
            t.add_column("")
            t.add_column("n", justify="right")
            for k, v in table.items():
                t.add_row(k, _fmt(v))
            out.append(t)
        elif table:
            out.append(f"{name}: {table}")
    return out


def bench_renderables(result: dict) -> list:
    """rich renderables for an :func:`eventwire.bench.run` result."""
    from rich.table import Table

    t = Table(title=f"eventwire bench: {result['dataset']}")
    t.add_column("measure")
    t.add_column("value", justify="right")
    for key in ("n", "words", "events", "docs_per_second", "words_per_second", "spacy_words_per_second",
                "ratio_to_spacy", "peak_rss_mb", "seconds", "spacy_seconds", "classifier", "classification_adds"):
        t.add_row(key, _fmt(result.get(key)))
    t.caption = f"median of {result['repeats']} runs after warm-up"
    s = Table(title="time per stage (median, whole input)")
    s.add_column("stage")
    s.add_column("seconds", justify="right")
    s.add_column("share", justify="right")
    for key, value in result["stages"].items():
        s.add_row(key, f"{value:.3f}", f"{result['stage_share'].get(key, 0):.1%}")
    return [t, s]


def print_evaluation(result: dict, console=None) -> None:
    from rich.console import Console

    console = console or Console()
    for r in evaluation_renderables(result):
        console.print(r)


def print_bench(result: dict, console=None) -> None:
    from rich.console import Console

    console = console or Console()
    for r in bench_renderables(result):
        console.print(r)
