"""Event detection and ACLED classification of sentences.

Classifiers are registered by name (``CLASSIFIERS``); each takes a sentence's text and returns a
:class:`Classification`. The default, ``rules``, reads ``data/event_rules.yaml``: trigger patterns
per sub-event type, ACLED's hierarchy order to break ties, and patterns for sentences that report
no new event (plans and threats, statements, crime, disasters, diplomacy).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
try:  # the parsed form of patterns, for literal_hints (CPython 3.11+)
    from re import _constants as _sre
    from re import _parser as _regex_parser
except ImportError:  # pragma: no cover
    _sre = _regex_parser = None

from ..resources import by_code, load_yaml, priority

VIOLENT_TYPES = {"Battles", "Explosions/Remote violence", "Violence against civilians", "Riots", "Protests"}
ALWAYS_POLITICAL = {"AIR_STRIKE", "SUIC_BOMB", "CHEM_WEAP", "ART_MISS_ATTACK"}


@dataclass
class Classification:
    code: str | None  # ACLED sub-event code, or None: no new ACLED event
    confidence: float
    matched: dict[str, int] = field(default_factory=dict)  # code -> number of patterns matched
    reason: str = ""  # why a matched sentence is not an event (modal, general, nonpolitical, ...)
    beats: frozenset[str] = frozenset()  # codes the picked code's matching rules override

    @property
    def event_type(self) -> str:
        return by_code()[self.code]["event_type"] if self.code else ""


@dataclass
class Rule:
    code: str
    patterns: list[re.Pattern]
    requires: list[re.Pattern]
    overrides: set[str]
    weight: float
    unless: list[re.Pattern] = field(default_factory=list)
    hints: list[tuple[str, ...] | None] = field(default_factory=list)  # per pattern, see literal_hints

    def __post_init__(self):
        self.hints = self.hints or [literal_hints(p.pattern, p.flags) for p in self.patterns]

    def hits(self, text: str) -> int:
        n = sum(1 for p, h in zip(self.patterns, self.hints)
                if (h is None or any(s in text for s in h)) and p.search(text))
        if not n or any(p.search(text) for p in self.unless):
            return 0
        if self.requires and not any(p.search(text) for p in self.requires):
            return 0
        return n


def literal_hints(pattern: str, flags: int = 0) -> tuple[str, ...] | None:
    """Strings one of which every match of ``pattern`` contains (None: no such set found). Most
    sentences match no trigger; checking for these strings first (``in`` on the text) skips
    most regex searches: the rules run twice as fast, with the same results. Patterns that
    ignore case get none (case folding maps more than lower-casing does)."""
    if _regex_parser is None:
        return None
    try:
        parsed = _regex_parser.parse(pattern, flags)
    except (re.error, TypeError, ValueError, AttributeError):
        return None
    if parsed.state.flags & re.IGNORECASE:
        return None
    found = _needed(parsed)
    return tuple(sorted(found)) if found else None


def _needed(sequence) -> set[str] | None:
    """For a parsed regex sequence: the best set of strings one of which any match contains."""
    options: list[set[str] | None] = []
    run = ""
    for op, arg in sequence:
        if op is _sre.LITERAL:
            run += chr(arg)
            continue
        if run:
            options.append({run})
            run = ""
        if op is _sre.SUBPATTERN:
            options.append(_needed(arg[-1]))
        elif op is _sre.BRANCH:
            branches = [_needed(b) for b in arg[1]]
            options.append(None if None in branches else set().union(*branches))
        elif op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT, _sre.POSSESSIVE_REPEAT) and arg[0] >= 1:
            options.append(_needed(arg[2]))
    if run:
        options.append({run})
    options = [o for o in options if o]
    # the set whose shortest string is longest is the most selective
    return max(options, key=lambda o: (min(map(len, o)), -len(o))) if options else None


def _compile(pattern: str) -> re.Pattern:
    """Patterns run on lower-cased text; a pattern with capital letters (a user's) also ignores
    case. Escapes such as \\W and \\S are not capitals."""
    letters = re.sub(r"\\.", "", pattern)
    return re.compile(pattern, re.I if any(ch.isupper() for ch in letters) else 0)


@lru_cache(maxsize=None)
def load_rules() -> tuple[list[Rule], dict[str, re.Pattern]]:
    data = load_yaml("event_rules.yaml")
    known = set(by_code())
    rules = []
    for r in data["rules"]:
        if r["code"] not in known:
            raise ValueError(f"event_rules.yaml: unknown code {r['code']!r}")
        rules.append(Rule(r["code"], [_compile(p) for p in r["patterns"]],
                          [_compile(p) for p in r.get("requires", [])],
                          set(r.get("overrides", [])), float(r.get("weight", 1.0)),
                          [_compile(p) for p in r.get("unless", [])]))
    gates = {name: _compile(p) for name, p in data.get("not_events", {}).items()}
    return rules, gates


@lru_cache(maxsize=None)
def load_gate_exceptions() -> dict[str, re.Pattern]:
    """Per gate, a pattern of sentences the gate must let through (police killing robbers)."""
    data = load_yaml("event_rules.yaml")
    return {name: _compile(p) for name, p in data.get("gate_exceptions", {}).items()}


class RuleClassifier:
    """Trigger patterns + ACLED hierarchy + not-an-event gates."""

    name = "rules"

    def classify_all(self, texts: list[str]) -> list[Classification]:
        """Labels for consecutive sentences of one text (each read alone)."""
        return [self.classify(t) for t in texts]

    def classify(self, text: str) -> Classification:
        text = text.lower()
        rules, gates = load_rules()
        matched: dict[str, int] = {}
        overrides: dict[str, set[str]] = {}
        for rule in rules:
            n = rule.hits(text)
            if n:
                matched[rule.code] = matched.get(rule.code, 0) + n
                overrides.setdefault(rule.code, set()).update(rule.overrides)
        if not matched:
            return Classification(None, 0.0)
        code = self.choose(matched, overrides)
        reason = self.gate(code, text, gates)
        confidence = min(0.95, 0.55 + 0.1 * matched.get(code, 1) + (0.05 if len(matched) == 1 else 0.0))
        if reason:
            return Classification(None, confidence, matched, reason)
        return Classification(code, confidence, matched, beats=frozenset(overrides.get(code, ())))

    @staticmethod
    def choose(matched: dict[str, int], overrides: dict[str, set[str]]) -> str:
        codes = set(matched)
        for code, beaten in overrides.items():
            if code in codes:
                codes -= beaten - {code}
        codes = codes or set(matched)
        # PEACE_PROTEST is the catch-all of protest words; drop it when a stronger type matched.
        if codes & {"PROTEST_WITH_INTER", "FORCE_AGAINST_PROTEST", "VIOL_DEMONSTR"}:
            codes.discard("PEACE_PROTEST")
        # a generic ARMED_CLASH word ("attack", "fighting") beside a specific weapon: the weapon wins
        # unless two armed sides clearly fought (several clash patterns matched)
        specific = codes & {"AIR_STRIKE", "SUIC_BOMB", "ART_MISS_ATTACK", "REM_EXPLOS", "GRENADE", "CHEM_WEAP"}
        if "ARMED_CLASH" in codes and specific and matched["ARMED_CLASH"] < 2:
            codes.discard("ARMED_CLASH")
        # Attack patterns include generic killing words: a weapon or a protest is more specific
        if "ATTACK" in codes and codes & (specific | {"FORCE_AGAINST_PROTEST", "PROTEST_WITH_INTER", "MOB_VIOL", "VIOL_DEMONSTR"}):
            codes.discard("ATTACK")
        # arrests inside a protest are a protest with intervention
        if "ARREST" in codes and codes & {"PROTEST_WITH_INTER", "PEACE_PROTEST"}:
            codes.discard("ARREST")
            codes.add("PROTEST_WITH_INTER")
        return min(codes, key=priority)

    @staticmethod
    def gate(code: str, text: str, gates: dict[str, re.Pattern]) -> str:
        etype = by_code()[code]["event_type"]
        if etype == "Explosions/Remote violence" and _fires("accident", text, gates):
            return "accident"
        if _fires("nonpolitical", text, gates) and code not in ALWAYS_POLITICAL and not _a_protest(etype, text):
            return "nonpolitical"
        if "modal" in gates and gates["modal"].search(text) and not _has_past_event_verb(text):
            return "modal"
        if etype == "Strategic developments" and _fires("proposal", text, gates) and not _has_past_event_verb(text):
            return "proposal"
        if "general" in gates and gates["general"].search(text):
            return "general"
        for name in ("statement", "reaction"):
            if _speaks_first(name, text, gates):
                return name
        if "diplomatic" in gates and etype not in VIOLENT_TYPES and code != "ARREST" and gates["diplomatic"].search(text):
            return "diplomatic"
        return ""


def _fires(name: str, text: str, gates: dict[str, re.Pattern]) -> re.Match | None:
    """The gate's match in the text, unless one of the gate's exceptions matches too."""
    found = gates[name].search(text) if name in gates else None
    exception = load_gate_exceptions().get(name)
    return None if not found or (exception and exception.search(text)) else found


_EVENT_VERBS = "killed|died|exploded|struck|clashed|attacked|stormed|fired|shelled|bombed|abducted|kidnapped|arrested"
_PAST_EVENT = re.compile(rf"\b(?:{_EVENT_VERBS}|(?:have|has|had) (?:jailed|detained|apprehended))\b", re.I)
# words that report an event itself, or a protest and its participants
_REPORTED = re.compile(rf"\b(?:{_EVENT_VERBS}|killing|detained|wounded|wounding|injured|targeted|hit|destroyed|torched|looted|seized|captured|overran|shot|opened fire|blew up|went off|detonated|marched|rallied|protested|demonstrated|gathered|staged|took to the streets|protesters|demonstrators|marchers|crowds?|protests?|demonstrations?|rall(?:y|ies)|march(?:es)?|sit-ins?|attacks?|bombings?|blasts?|explosions?|raids?|ambush\w*|clashes|fighting|(?:air ?)?strikes?)\b")
_PROTEST = re.compile(r"\b(?:protest\w*|demonstrat\w*|rall(?:y|ies|ied)|march(?:ed|es|ing)?)\b")


def _a_protest(etype: str, text: str) -> bool:
    """Protesters are political whatever they protest about (fraud, a stampede's victims), also
    when they riot or clash with the police."""
    return etype in ("Protests", "Riots", "Battles") and bool(_PROTEST.search(text))


def _speaks_first(name: str, text: str, gates: dict[str, re.Pattern]) -> bool:
    """The gate's words (a claim, a denial, a condemnation; an expulsion) come before any word
    that reports the event itself: "IS took credit for the bomb that killed 12" is a claim, "a
    bomb killed 12, and the TTP denied involvement" an event, "demonstrators marched to denounce
    the killings" a protest."""
    found = _fires(name, text, gates)
    if not found:
        return False
    first = _REPORTED.search(text)
    return first is None or found.start() < first.start()


def _has_past_event_verb(text: str) -> bool:
    return bool(_PAST_EVENT.search(text))


CLASSIFIERS = {  # name -> "module:Class", imported on first use
    "rules": "eventwire.extract.events:RuleClassifier",
    "model": "eventwire.extract.model:ModelClassifier",
    "linear": "eventwire.extract.model:LinearClassifier",
}


def get_classifier(name: str = "model"):
    import importlib

    if name not in CLASSIFIERS:
        raise ValueError(f"unknown classifier {name!r}; choose from {', '.join(CLASSIFIERS)}")
    module, cls = CLASSIFIERS[name].split(":")
    return getattr(importlib.import_module(module), cls)()
