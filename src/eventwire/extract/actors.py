"""Actors: named armed groups and generic actors, normalised through ``data/actors.yaml``.

Named groups are found by their aliases (case-insensitive, on token boundaries; the aliases a
group lists under ``case_sensitive`` must match exactly, so that "IS" is not the verb "is").
Generic actors ("gunmen", "troops", "protesters") become ACLED-style names with a country:
from a nationality word in the same phrase ("Iraqi troops"), else from the event's location.
Each mention gets a role from the parse: agent (subject of an active verb, "by ...") or patient.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from ..models import ActorMention
from ..resources import countries, load_yaml
from ..textnorm import fold

INTER_ORDER = ["State forces", "Rebel group", "Political militia", "Identity militia", "Rioters",
               "Protesters", "Civilians", "External/Other forces"]


@dataclass
class ActorEntry:
    name: str
    inter: str
    generic: bool
    countries: tuple[str, ...] = ()


class ActorDictionary:
    """Aliases -> canonical actors, matched with spaCy PhraseMatchers."""

    def __init__(self, nlp):
        from spacy.matcher import PhraseMatcher

        data = load_yaml("actors.yaml")
        self.entries: list[ActorEntry] = []
        self.lower = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.exact = PhraseMatcher(nlp.vocab, attr="ORTH")
        for group in data.get("groups", []):
            entry = self._add(ActorEntry(group["name"], group["inter"], False, tuple(group.get("countries") or ())))
            sensitive = set(group.get("case_sensitive") or [])
            aliases = {group["name"], *(group.get("aliases") or [])} - sensitive
            self._patterns(nlp, self.lower, entry, aliases)
            self._patterns(nlp, self.exact, entry, sensitive)
        for generic in data.get("generic", []):
            entry = self._add(ActorEntry(generic["name"], generic["inter"], True))
            words = set(generic.get("words") or [])
            words |= {w + "s" for w in words if not w.endswith("s") and " " not in w}
            self._patterns(nlp, self.lower, entry, words)
        self.demonyms = demonym_table()

    def _add(self, entry: ActorEntry) -> int:
        self.entries.append(entry)
        return len(self.entries) - 1

    @staticmethod
    def _patterns(nlp, matcher, entry: int, phrases) -> None:
        docs = [nlp.make_doc(p) for p in phrases if p]
        if docs:
            matcher.add(str(entry), docs)

    def find(self, sent, sentence_index: int = 0) -> list[ActorMention]:
        """Actor mentions in one spaCy sentence span (longest match wins on overlaps)."""
        doc = sent.doc
        matches = [(s, e, int(doc.vocab.strings[m])) for m, s, e in self.lower(doc[sent.start:sent.end].as_doc())]
        matches += [(s, e, int(doc.vocab.strings[m])) for m, s, e in self.exact(doc[sent.start:sent.end].as_doc())]
        matches.sort(key=lambda m: (m[0], -(m[1] - m[0])))
        out, last_end = [], -1
        for start, end, idx in matches:
            if start < last_end:
                continue
            last_end = end
            span = doc[sent.start + start: sent.start + end]
            entry = self.entries[idx]
            name = entry.name
            if "{country}" in name:
                country = self.nationality(span)
                if country:
                    name = name.replace("{country}", country)
            out.append(ActorMention(text=span.text, start=span.start_char, end=span.end_char,
                                    sentence=sentence_index, name=name, inter=entry.inter,
                                    role=role_of(span), generic=entry.generic))
        return out

    def nationality(self, span) -> str:
        """'Iraqi troops' -> 'Iraq'; 'the army of Mali' -> 'Mali'."""
        root = span.root
        nearby = list(root.lefts) + [t for t in span] + [t for t in root.children if t.dep_ == "prep"]
        for tok in nearby:
            name = self.demonyms.get(fold(tok.text))
            if name:
                return name
            if tok.dep_ == "prep" and tok.lower_ == "of":
                for obj in tok.children:
                    name = self.demonyms.get(fold(obj.text))
                    if name:
                        return name
        return ""


@lru_cache(maxsize=None)
def demonym_table() -> dict[str, str]:
    """Folded demonym or country name -> ACLED country name ("iraqi" -> "Iraq")."""
    table = {}
    for row in countries():
        for word in [row["name"], *(row.get("demonyms") or "").split(";")]:
            if word:
                table.setdefault(fold(word), row["name"])
    return table


def role_of(span) -> str:
    tok = span.root
    while tok.dep_ in ("compound", "amod", "poss", "nmod", "appos") and tok.head is not tok:
        tok = tok.head
    if tok.dep_ == "nsubj":
        return "agent"
    if tok.dep_ in ("nsubjpass", "dobj"):
        return "patient"
    if tok.dep_ == "pobj" and tok.head.lower_ == "by":
        return "agent"
    if tok.dep_ == "pobj" and tok.head.lower_ in ("on", "against", "at", "targeting"):
        return "patient"
    if tok.dep_ == "conj":
        return role_of(tok.head.doc[tok.head.i: tok.head.i + 1])
    return ""


def interaction(inter1: str, inter2: str) -> str:
    """ACLED's interaction text: the two actor types, lower code first ("State forces-Rebel group")."""
    if not inter1:
        return ""
    if not inter2:
        return f"{inter1} only"
    pair = sorted([inter1, inter2], key=lambda i: INTER_ORDER.index(i) if i in INTER_ORDER else 99)
    return "-".join(pair)


_DICTIONARY: ActorDictionary | None = None


def get_actor_dictionary(nlp) -> ActorDictionary:
    global _DICTIONARY
    if _DICTIONARY is None:
        _DICTIONARY = ActorDictionary(nlp)
    return _DICTIONARY
